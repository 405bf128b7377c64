//! Reading customers and their records from the work tree. Commands that need one customer read
//! only that customer's folder, so their cost does not grow with the size of the store; the
//! whole-store loads parse in parallel.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::error::{Error, IoContext, Result};
use crate::model::corrections::Correction;
use crate::model::ids::IdPrefix;
use crate::model::records::{Customer, Handoff, Interaction, Note, RecordKind, Task};
use crate::model::{slug, suggest, text};

use super::snapshot::{Content, Record, Snapshot};
use super::{Store, atomic, layout, yaml};

/// A record together with the store-relative path it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub path: String,
    pub record: T,
}

/// One customer and all of its records, each list in file-name (time) order, with its
/// corrections applied (see [`CustomerBundle::apply_corrections`]): `interactions` and `notes`
/// hold the corrected records, and the voided ones are set apart.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerBundle {
    pub customer: Customer,
    pub path: String,
    pub interactions: Vec<Loaded<Interaction>>,
    pub notes: Vec<Loaded<Note>>,
    pub handoffs: Vec<Loaded<Handoff>>,
    pub tasks: Vec<Loaded<Task>>,
    /// The customer's correction records, in file-name order.
    pub corrections: Vec<Loaded<Correction>>,
    /// Touchpoints withdrawn by a `void` correction (left out of `interactions`).
    pub voided_interactions: Vec<Loaded<Interaction>>,
    /// Notes withdrawn by a `void` correction (left out of `notes`).
    pub voided_notes: Vec<Loaded<Note>>,
}

/// Where a record named by id prefix lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordLocation {
    pub slug: String,
    pub kind: RecordKind,
    pub path: String,
}

impl Store {
    /// Slugs of every customer folder, sorted. Entries that are not valid slugs or not plain
    /// folders (symbolic links included) are skipped here and reported by `check`.
    pub fn customer_slugs(&self) -> Result<Vec<String>> {
        let dir = self.path(layout::CUSTOMERS_DIR);
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(dir, e)),
        };
        let mut slugs = Vec::new();
        for entry in entries {
            let entry = entry.at(&dir)?;
            let is_dir = entry.file_type().at(entry.path())?.is_dir();
            if let Some(name) = entry.file_name().to_str()
                && is_dir
                && slug::validate(name).is_ok()
            {
                slugs.push(name.to_string());
            }
        }
        slugs.sort();
        Ok(slugs)
    }

    /// Whether a customer folder with this slug exists (as a real folder, not a link).
    pub fn has_customer(&self, slug: &str) -> bool {
        slug::validate(slug).is_ok()
            && self.refuse_links(&layout::customer_file(slug)).is_ok()
            && self.path(&layout::customer_file(slug)).is_file()
    }

    /// Refuses a store path if any of its components below the store root is a symbolic link,
    /// so no read or write can be steered outside the store.
    pub fn refuse_links(&self, rel: &str) -> Result<()> {
        let mut path = self.root().to_path_buf();
        for part in rel.split('/') {
            path.push(part);
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    return Err(Error::invalid(format!(
                        "{}: is a symbolic link; git-crm never follows links out of the store",
                        text::escape(
                            &path
                                .strip_prefix(self.root())
                                .unwrap_or(&path)
                                .to_string_lossy()
                        )
                    )));
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        Ok(())
    }

    /// Reads one customer record. An unknown slug is an error with a suggestion.
    pub fn load_customer(&self, slug: &str) -> Result<Customer> {
        self.require_customer(slug)?;
        read_record(
            &self.path(&layout::customer_file(slug)),
            &layout::customer_file(slug),
        )
    }

    /// Checks that `slug` names an existing customer.
    pub fn require_customer(&self, slug: &str) -> Result<()> {
        if let Err(why) = slug::validate(slug) {
            return Err(Error::invalid(why));
        }
        self.refuse_links(&layout::customer_file(slug))?;
        if self.has_customer(slug) {
            return Ok(());
        }
        let slugs = self.customer_slugs()?;
        let hint = suggest::did_you_mean(slug, slugs.iter().map(String::as_str))
            .or_else(|| Some("`git crm customer list` shows the customers".into()));
        Err(Error::not_found(format!("no customer `{slug}`"), hint))
    }

    /// Reads one customer with all of its records.
    pub fn load_bundle(&self, slug: &str) -> Result<CustomerBundle> {
        let customer = self.load_customer(slug)?;
        let mut bundle = CustomerBundle {
            customer,
            path: layout::customer_file(slug),
            interactions: self.load_records(slug, RecordKind::Interaction)?,
            notes: self.load_records(slug, RecordKind::Note)?,
            handoffs: self.load_records(slug, RecordKind::Handoff)?,
            tasks: self.load_records(slug, RecordKind::Task)?,
            corrections: self.load_records(slug, RecordKind::Correction)?,
            voided_interactions: Vec::new(),
            voided_notes: Vec::new(),
        };
        bundle.apply_corrections();
        Ok(bundle)
    }

    /// Reads every record of `kind` of one customer, in file-name order.
    pub fn load_records<T: DeserializeOwned>(
        &self,
        slug: &str,
        kind: RecordKind,
    ) -> Result<Vec<Loaded<T>>> {
        let rel_dir = layout::record_dir(slug, kind);
        record_files(&self.path(&rel_dir))?
            .into_iter()
            .map(|name| {
                let rel = format!("{rel_dir}/{name}");
                self.refuse_links(&rel)?;
                let record = read_record(&self.path(&rel), &rel)?;
                Ok(Loaded { path: rel, record })
            })
            .collect()
    }

    /// Reads every customer record, in parallel.
    pub fn load_customers(&self) -> Result<Vec<Loaded<Customer>>> {
        self.customer_slugs()?
            .par_iter()
            .map(|slug| {
                let rel = layout::customer_file(slug);
                Ok(Loaded {
                    record: read_record(&self.path(&rel), &rel)?,
                    path: rel,
                })
            })
            .collect()
    }

    /// Reads every customer with all records, in slug order. Goes through the [`Snapshot`]:
    /// unchanged files come from the object database and parse results from the cache, so an
    /// unchanged large store loads in a fraction of a second. The first file that does not parse
    /// (in path order) is the error.
    pub fn load_all(&self) -> Result<Vec<CustomerBundle>> {
        bundles(Snapshot::work_tree(self)?)
    }

    /// Reads every customer with all records straight from the work tree, one file at a time
    /// (no object database, no cache): the reference the fast path is tested against.
    pub fn load_all_direct(&self) -> Result<Vec<CustomerBundle>> {
        self.customer_slugs()?
            .par_iter()
            .filter(|slug| self.has_customer(slug))
            .map(|slug| self.load_bundle(slug))
            .collect()
    }

    /// Finds records whose short id starts with `prefix`, by file name only (no parsing). Limit
    /// the search with `slug` and `kind` when they are known.
    pub fn find_records(
        &self,
        prefix: &IdPrefix,
        slug: Option<&str>,
        kind: Option<RecordKind>,
    ) -> Result<Vec<RecordLocation>> {
        let slugs = match slug {
            Some(s) => vec![s.to_string()],
            None => self.customer_slugs()?,
        };
        let kinds: Vec<RecordKind> = kind
            .map(|k| vec![k])
            .unwrap_or_else(|| RecordKind::ALL.to_vec());
        let mut found: Vec<RecordLocation> = slugs
            .par_iter()
            .map(|slug| -> Result<Vec<RecordLocation>> {
                let mut out = Vec::new();
                for kind in &kinds {
                    let rel_dir = layout::record_dir(slug, *kind);
                    for name in record_files(&self.path(&rel_dir))? {
                        if prefix.matches_file_name(&name) {
                            out.push(RecordLocation {
                                slug: slug.clone(),
                                kind: *kind,
                                path: format!("{rel_dir}/{name}"),
                            });
                        }
                    }
                }
                Ok(out)
            })
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        found.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(found)
    }

    /// Finds exactly one record by id prefix; none or several is an error that lists them.
    pub fn find_one_record(
        &self,
        prefix: &IdPrefix,
        slug: Option<&str>,
        kind: Option<RecordKind>,
    ) -> Result<RecordLocation> {
        let mut found = self.find_records(prefix, slug, kind)?;
        let what = kind.map(RecordKind::word).unwrap_or("record");
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(Error::not_found(
                format!("no {what} with id `{}`", prefix.as_str()),
                None,
            )),
            _ => Err(Error::invalid_hint(
                format!("id prefix `{}` is ambiguous", prefix.as_str()),
                format!(
                    "it matches {}; type more digits",
                    found
                        .iter()
                        .map(|l| l.path.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// Reads one record by store-relative path.
    pub fn read_record<T: DeserializeOwned>(&self, rel: &str) -> Result<T> {
        self.refuse_links(rel)?;
        read_record(&self.path(rel), rel)
    }

    /// Reads the text of a store file (for in-place edits).
    pub fn read_text(&self, rel: &str) -> Result<String> {
        let path = self.path(rel);
        self.refuse_links(rel)?;
        refuse_symlink(&path, rel)?;
        let bytes = std::fs::read(&path).at(rel)?;
        String::from_utf8(bytes).map_err(|_| Error::Parse {
            path: PathBuf::from(rel),
            line: 1,
            column: 1,
            message: "file is not valid UTF-8".into(),
        })
    }
}

/// Groups the records of a snapshot into bundles, in slug order. Folders without a
/// `customer.yaml` are left out (and reported by `check`).
pub fn bundles(snapshot: Snapshot) -> Result<Vec<CustomerBundle>> {
    let mut by_slug: BTreeMap<String, Parts> = BTreeMap::new();
    for entry in snapshot.entries {
        let record = match entry.content {
            Content::Other => continue,
            Content::Invalid {
                line,
                column,
                message,
            } => {
                return Err(Error::Parse {
                    path: PathBuf::from(entry.path),
                    line,
                    column,
                    message,
                });
            }
            Content::Record(record) => *record,
        };
        let slug = entry.path.split('/').nth(1).unwrap_or_default().to_string();
        let parts = by_slug.entry(slug).or_default();
        let path = entry.path;
        match record {
            Record::Customer(record) => parts.customer = Some(Loaded { path, record }),
            Record::Interaction(record) => parts.interactions.push(Loaded { path, record }),
            Record::Note(record) => parts.notes.push(Loaded { path, record }),
            Record::Handoff(record) => parts.handoffs.push(Loaded { path, record }),
            Record::Task(record) => parts.tasks.push(Loaded { path, record }),
            Record::Correction(record) => parts.corrections.push(Loaded { path, record }),
        }
    }
    Ok(by_slug
        .into_values()
        .filter_map(|parts| {
            let customer = parts.customer?;
            let mut bundle = CustomerBundle {
                customer: customer.record,
                path: customer.path,
                interactions: parts.interactions,
                notes: parts.notes,
                handoffs: parts.handoffs,
                tasks: parts.tasks,
                corrections: parts.corrections,
                voided_interactions: Vec::new(),
                voided_notes: Vec::new(),
            };
            bundle.apply_corrections();
            Some(bundle)
        })
        .collect())
}

#[derive(Default)]
struct Parts {
    customer: Option<Loaded<Customer>>,
    interactions: Vec<Loaded<Interaction>>,
    notes: Vec<Loaded<Note>>,
    handoffs: Vec<Loaded<Handoff>>,
    tasks: Vec<Loaded<Task>>,
    corrections: Vec<Loaded<Correction>>,
}

/// Names of the record files in `dir`, sorted; a missing folder has none.
fn record_files(dir: &Path) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.at(dir)?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if name.ends_with(".yaml")
            && !atomic::is_temp_name(&name)
            && entry.file_type().at(entry.path())?.is_file()
        {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn refuse_symlink(path: &Path, rel: &str) -> Result<()> {
    let meta = std::fs::symlink_metadata(path).at(rel)?;
    if meta.file_type().is_symlink() {
        return Err(Error::invalid(format!(
            "{}: is a symbolic link; records must be regular files",
            text::escape(rel)
        )));
    }
    if meta.len() > yaml::MAX_RECORD_BYTES as u64 {
        return Err(Error::Parse {
            path: PathBuf::from(rel),
            line: 1,
            column: 1,
            message: format!(
                "file is {} bytes; records are limited to {}",
                meta.len(),
                yaml::MAX_RECORD_BYTES
            ),
        });
    }
    Ok(())
}

fn read_record<T: DeserializeOwned>(path: &Path, rel: &str) -> Result<T> {
    refuse_symlink(path, rel)?;
    let bytes = std::fs::read(path).at(rel)?;
    yaml::parse_bytes(Path::new(rel), &bytes)
}

impl Store {
    /// When the latest record of `kind` happened, read from file names alone (no parsing), for
    /// list columns such as "last touchpoint".
    pub fn last_record_time(
        &self,
        slug: &str,
        kind: RecordKind,
    ) -> Result<Option<crate::model::Timestamp>> {
        let names = record_files(&self.path(&layout::record_dir(slug, kind)))?;
        Ok(names.iter().rev().find_map(|n| {
            let stamp = n.get(..16)?;
            chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
                .ok()
                .map(|t| t.and_utc().fixed_offset())
        }))
    }
}
