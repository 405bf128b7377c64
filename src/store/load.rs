//! Reading customers and their records from the work tree. Commands that need one customer read
//! only that customer's folder, so their cost does not grow with the size of the store; the
//! whole-store loads parse in parallel.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::access::{Keys, reveal_bundle};
use crate::error::{Error, Listing, Result};
use crate::model::corrections::Correction;
use crate::model::ids::IdPrefix;
use crate::model::records::{
    Customer, Document, Handoff, Interaction, Note, RecordKind, Renamed, Task,
};
use crate::model::{slug, suggest};

use super::snapshot::{Content, Derived, Key, Record, Scan, Snapshot};
use super::{Store, fs, layout, yaml};

/// A record together with the store-relative path it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub path: String,
    pub record: T,
}

/// One customer and all of its records, each list in file-name (time) order. A bundle from
/// [`Store::load_bundle`] or [`Store::load_all`] is a read model, never written back: its
/// restricted content is opened as far as the local identity allows (see
/// `crate::access::reveal`), then its corrections are applied (see
/// [`CustomerBundle::apply_corrections`]): `interactions` and `notes` hold the corrected
/// records, and the voided ones are set apart.
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
    pub documents: Vec<Loaded<Document>>,
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
    /// folders (symbolic links included) are skipped here and reported by `check`; a
    /// `customers` that is itself a link is an error.
    pub fn customer_slugs(&self) -> Result<Vec<String>> {
        let entries = fs::list(self.root(), layout::CUSTOMERS_DIR)?.unwrap_or_default();
        Ok(entries
            .into_iter()
            .filter(|e| e.kind == fs::Kind::Dir && slug::validate(&e.name).is_ok())
            .map(|e| e.name)
            .collect())
    }

    /// Whether a customer folder with this slug exists with its `customer.yaml` as a regular
    /// file, reached without links.
    pub fn has_customer(&self, slug: &str) -> bool {
        slug::validate(slug).is_ok() && fs::is_file(self.root(), &layout::customer_file(slug))
    }

    /// Refuses a store path if any of its components below the store root is a symbolic link
    /// or a special file (a missing path is fine), so no read or write can be steered outside
    /// the store.
    pub fn refuse_links(&self, rel: &str) -> Result<()> {
        fs::refuse_links(self.root(), rel)
    }

    /// Reads one customer record. An unknown slug is an error with a suggestion.
    pub fn load_customer(&self, slug: &str) -> Result<Customer> {
        self.require_customer(slug)?;
        read_customer(self.root(), slug)
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
        if let Some(error) = self.left_out_error(slug)? {
            return Err(error);
        }
        if let Some(now) = self.renamed_to(slug) {
            return Err(Error::not_found(
                format!("no customer `{slug}`: {slug} was renamed to {now}"),
                Some(format!("use `{now}`")),
            ));
        }
        let slugs = self.customer_slugs()?;
        let message = format!("no customer `{slug}`");
        Err(
            match suggest::did_you_mean(slug, slugs.iter().map(String::as_str)) {
                Some(hint) => Error::not_found(message, Some(hint)),
                None => Error::not_listed(message, Listing::Customers),
            },
        )
    }

    /// Reads one customer with all of its records, restricted content opened with the local
    /// identity.
    ///
    /// Records a merge left in the customer's old folders (a teammate logged under the old slug
    /// before pulling a rename) are included: they belong to this customer until `check --fix`
    /// or `sync` moves them.
    pub fn load_bundle(&self, slug: &str) -> Result<CustomerBundle> {
        self.load_bundle_with(slug, Keys::Local)
    }

    /// Reads one customer with all of its records, restricted content opened with `keys`.
    pub fn load_bundle_with(&self, slug: &str, keys: Keys) -> Result<CustomerBundle> {
        let mut bundle = self.load_bundle_sealed(slug)?;
        reveal_bundle(&mut bundle, keys);
        bundle.apply_corrections();
        Ok(bundle)
    }

    /// Reads one customer with all of its records as stored: restricted content stays sealed
    /// and corrections are not applied (what an operation that rewrites records starts from:
    /// it must never write a corrected view back).
    pub fn load_bundle_sealed(&self, slug: &str) -> Result<CustomerBundle> {
        let customer = self.load_customer(slug)?;
        let mut folders = vec![slug.to_string()];
        for old in &customer.renamed_from {
            if slug::validate(old).is_ok()
                && !folders.contains(old)
                && self.renamed_to(old).as_deref() == Some(slug)
            {
                folders.push(old.clone());
            }
        }
        let mut bundle = CustomerBundle {
            customer,
            path: layout::customer_file(slug),
            interactions: Vec::new(),
            notes: Vec::new(),
            handoffs: Vec::new(),
            tasks: Vec::new(),
            corrections: Vec::new(),
            voided_interactions: Vec::new(),
            voided_notes: Vec::new(),
            documents: Vec::new(),
        };
        for folder in &folders {
            bundle
                .interactions
                .extend(self.load_records(folder, RecordKind::Interaction)?);
            bundle
                .notes
                .extend(self.load_records(folder, RecordKind::Note)?);
            bundle
                .handoffs
                .extend(self.load_records(folder, RecordKind::Handoff)?);
            bundle
                .tasks
                .extend(self.load_records(folder, RecordKind::Task)?);
            bundle
                .corrections
                .extend(self.load_records(folder, RecordKind::Correction)?);
            bundle
                .documents
                .extend(self.load_records(folder, RecordKind::Document)?);
        }
        if folders.len() > 1 {
            bundle.sort_by_file_name();
        }
        Ok(bundle)
    }

    /// Where the customer that had the folder `slug` lives now: the rename forwards are
    /// followed (a few hops at most, never in a circle) to a folder with a `customer.yaml`.
    /// `None` when `slug` has no forward, or it leads nowhere.
    pub fn renamed_to(&self, slug: &str) -> Option<String> {
        let mut current = slug.to_string();
        for _ in 0..MAX_RENAME_HOPS {
            let forward: Renamed =
                read_record(self.root(), &layout::renamed_file(&current)).ok()?;
            slug::validate(&forward.renamed_to).ok()?;
            if forward.renamed_to == slug {
                return None;
            }
            current = forward.renamed_to;
            if self.has_customer(&current) {
                return Some(current);
            }
        }
        None
    }

    /// Reads every record of `kind` of one customer, in file-name order.
    pub fn load_records<T: DeserializeOwned>(
        &self,
        slug: &str,
        kind: RecordKind,
    ) -> Result<Vec<Loaded<T>>> {
        let rel_dir = layout::record_dir(slug, kind);
        record_files(self.root(), &rel_dir)?
            .into_iter()
            .map(|name| {
                let rel = format!("{rel_dir}/{name}");
                let record = read_record(self.root(), &rel)?;
                Ok(Loaded { path: rel, record })
            })
            .collect()
    }

    /// Reads every customer record, in parallel. Folders without a `customer.yaml` are left out
    /// (and reported by `check`).
    pub fn load_customers(&self) -> Result<Vec<Loaded<Customer>>> {
        self.customer_slugs()?
            .par_iter()
            .filter(|slug| self.has_customer(slug))
            .map(|slug| {
                let rel = layout::customer_file(slug);
                Ok(Loaded {
                    record: read_customer(self.root(), slug)?,
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
        self.load_all_with(Keys::Local)
    }

    /// [`Store::load_all`] with restricted content opened with `keys`: metrics pass an empty
    /// keyring, so what they print is the same for every reader.
    pub fn load_all_with(&self, keys: Keys) -> Result<Vec<CustomerBundle>> {
        let bundles = self.bundles()?;
        let all = (0..bundles.groups.len())
            .into_par_iter()
            .map(|g| bundles.load_with(g, keys))
            .collect::<Result<Vec<_>>>()?;
        bundles.save();
        Ok(all)
    }

    /// Scans the work tree and groups its folders into customers (a customer's folder, and the
    /// old folders of a rename that still hold records), without reading the records of folders
    /// that did not change. Fails like [`Store::load_all`] on the first file (in path order)
    /// that does not parse.
    pub fn bundles(&self) -> Result<Bundles<'_>> {
        let scan = Scan::work_tree(self, true)?;
        super::snapshot::timing("scan");
        let none = Key::default();
        let infos = (0..scan.folders().len())
            .into_par_iter()
            .map(|i| {
                scan.derived::<FolderInfo>(&[i], &none, || Ok(FolderInfo::of(&scan.entries(i)?)))
            })
            .collect::<Result<Vec<_>>>()?;
        if let Some((path, line, column, message)) = infos
            .iter()
            .filter_map(|i| i.first_invalid.as_ref())
            .min_by(|a, b| a.0.cmp(&b.0))
        {
            let error = Error::Parse {
                path: PathBuf::from(path),
                line: *line,
                column: *column,
                message: message.clone(),
            };
            // What was learnt stays learnt: the next run only reads what changes.
            scan.save();
            return Err(error);
        }
        let names: Vec<&str> = scan.folders().iter().map(|f| f.name.as_str()).collect();
        let position = |slug: &str| names.binary_search(&slug).ok();
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, info) in infos.iter().enumerate() {
            if info.renamed_from.is_some() {
                groups.entry(i).or_default().insert(0, i);
            }
        }
        for (i, info) in infos.iter().enumerate() {
            if info.renamed_from.is_some() || !info.has_records {
                continue;
            }
            let old = names[i];
            let Some(target) = self.renamed_to(old) else {
                continue;
            };
            // Only a customer that says it had this slug takes the records (as `load_bundle`).
            let Some(t) = position(&target) else { continue };
            if infos[t]
                .renamed_from
                .as_ref()
                .is_some_and(|from| from.iter().any(|f| f == old))
            {
                groups.entry(t).or_default().push(i);
            }
        }
        Ok(Bundles {
            groups: groups.into_values().collect(),
            scan,
        })
    }

    /// Reads every customer with all records straight from the work tree, one file at a time
    /// (no object database, no cache): the reference the fast path is tested against.
    pub fn load_all_direct(&self) -> Result<Vec<CustomerBundle>> {
        self.customer_slugs()?
            .par_iter()
            .filter(|slug| self.has_customer(slug))
            .map(|slug| self.load_bundle_with(slug, Keys::Local))
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
                    for name in record_files(self.root(), &rel_dir)? {
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
        read_record(self.root(), rel)
    }

    /// Reads the text of a store file (for in-place edits), with the record size limit.
    pub fn read_text(&self, rel: &str) -> Result<String> {
        fs::read_text(self.root(), rel, yaml::MAX_RECORD_BYTES as u64)
    }

    /// The bytes of a store file, with the record size limit.
    pub fn read_bytes(&self, rel: &str) -> Result<Vec<u8>> {
        fs::read(self.root(), rel, yaml::MAX_RECORD_BYTES as u64)
    }

    /// Names of the record files of `kind` of one customer, sorted (no parsing).
    pub fn record_file_names(&self, slug: &str, kind: RecordKind) -> Result<Vec<String>> {
        record_files(self.root(), &layout::record_dir(slug, kind))
    }
}

/// How many rename forwards are followed from an old slug.
const MAX_RENAME_HOPS: usize = 16;

impl CustomerBundle {
    /// Puts every list back in file-name (time) order after records from several folders
    /// were joined.
    fn sort_by_file_name(&mut self) {
        fn name(path: &str) -> &str {
            path.rsplit('/').next().unwrap_or(path)
        }
        self.interactions
            .sort_by(|a, b| name(&a.path).cmp(name(&b.path)));
        self.notes.sort_by(|a, b| name(&a.path).cmp(name(&b.path)));
        self.handoffs
            .sort_by(|a, b| name(&a.path).cmp(name(&b.path)));
        self.tasks.sort_by(|a, b| name(&a.path).cmp(name(&b.path)));
        self.corrections
            .sort_by(|a, b| name(&a.path).cmp(name(&b.path)));
        self.documents
            .sort_by(|a, b| name(&a.path).cmp(name(&b.path)));
    }
}

/// Groups the records of a snapshot into bundles, in slug order. Records in the old folder of
/// a renamed customer (a forward, no `customer.yaml`: what a merge with a rename can leave)
/// join the customer they were renamed to, via `renamed_to`; other folders without a
/// `customer.yaml` are left out (and reported by `check`).
pub fn bundles_following(
    snapshot: Snapshot,
    renamed_to: impl Fn(&str) -> Option<String>,
) -> Result<Vec<CustomerBundle>> {
    let mut by_slug = parts_by_slug(snapshot)?;
    let orphans: Vec<String> = by_slug
        .iter()
        .filter(|(_, p)| p.customer.is_none())
        .map(|(s, _)| s.clone())
        .collect();
    for old in orphans {
        let Some(target) = renamed_to(&old) else {
            continue;
        };
        // Only a customer that says it had this slug takes the records (as `load_bundle`).
        let claims = by_slug.get(&target).is_some_and(|p| {
            p.customer
                .as_ref()
                .is_some_and(|c| c.record.renamed_from.contains(&old))
        });
        if !claims {
            continue;
        }
        let Some(stray) = by_slug.remove(&old) else {
            continue;
        };
        if let Some(parts) = by_slug.get_mut(&target) {
            parts.interactions.extend(stray.interactions);
            parts.notes.extend(stray.notes);
            parts.handoffs.extend(stray.handoffs);
            parts.tasks.extend(stray.tasks);
            parts.corrections.extend(stray.corrections);
            parts.documents.extend(stray.documents);
            parts.joined = true;
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
                documents: parts.documents,
            };
            if parts.joined {
                bundle.sort_by_file_name();
            }
            Some(bundle)
        })
        .collect())
}

/// The customers of a scan of the work tree, as groups of its folders ([`Store::bundles`]).
pub struct Bundles<'s> {
    pub scan: Scan<'s>,
    /// Folder indexes of each customer, its own folder first, in slug order.
    pub groups: Vec<Vec<usize>>,
}

impl Bundles<'_> {
    /// The customer `g` with all of its records as stored (restricted content sealed).
    pub fn load(&self, g: usize) -> Result<CustomerBundle> {
        let mut entries = Vec::new();
        for &f in &self.groups[g] {
            entries.extend(self.scan.entries(f)?);
        }
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let store = self.scan.store();
        let snapshot = Snapshot::of_entries(entries);
        bundles_following(snapshot, |old| store.renamed_to(old))?
            .into_iter()
            .next()
            .ok_or_else(|| Error::invalid("a customer folder vanished while it was read"))
    }

    /// The customer `g` as readers see it: restricted content opened with `keys`, then its
    /// corrections applied (what [`Store::load_all_with`] gives for each customer).
    pub fn load_with(&self, g: usize, keys: Keys) -> Result<CustomerBundle> {
        let mut bundle = self.load(g)?;
        reveal_bundle(&mut bundle, keys);
        bundle.apply_corrections();
        Ok(bundle)
    }

    /// Writes what the scan learnt into the cache.
    pub fn save(self) {
        self.scan.save();
    }
}

/// What grouping folders into customers needs to know of a folder (cached per folder).
#[derive(serde::Serialize, serde::Deserialize)]
struct FolderInfo {
    /// The customer's earlier slugs, when the folder has a `customer.yaml` that parses.
    renamed_from: Option<Vec<String>>,
    /// Whether it holds records (a folder without a customer may hold a renamed one's).
    has_records: bool,
    /// The first file that does not parse: path, line, column, message.
    first_invalid: Option<(String, u64, u64, String)>,
}

impl Derived for FolderInfo {
    const KIND: u8 = 1;
}

impl FolderInfo {
    fn of(entries: &[super::snapshot::Entry]) -> Self {
        let mut info = FolderInfo {
            renamed_from: None,
            has_records: false,
            first_invalid: None,
        };
        for e in entries {
            match &e.content {
                Content::Other => {}
                Content::Invalid {
                    line,
                    column,
                    message,
                } => {
                    if info.first_invalid.is_none() {
                        info.first_invalid =
                            Some((e.path.clone(), *line, *column, message.clone()));
                    }
                }
                Content::Record(record) => {
                    info.has_records = true;
                    if let Record::Customer(c) = record.as_ref() {
                        info.renamed_from = Some(c.renamed_from.clone());
                    }
                }
            }
        }
        info
    }
}

/// [`bundles_following`] without rename forwards (a revision, where only the records count).
pub fn bundles(snapshot: Snapshot) -> Result<Vec<CustomerBundle>> {
    bundles_following(snapshot, |_| None)
}

fn parts_by_slug(snapshot: Snapshot) -> Result<BTreeMap<String, Parts>> {
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
        let parts = by_slug.entry(slug.clone()).or_default();
        let path = entry.path;
        match record {
            Record::Customer(mut record) => {
                // The folder is the identity (see `read_customer`).
                record.slug.clone_from(&slug);
                parts.customer = Some(Loaded { path, record })
            }
            Record::Interaction(record) => parts.interactions.push(Loaded { path, record }),
            Record::Note(record) => parts.notes.push(Loaded { path, record }),
            Record::Handoff(record) => parts.handoffs.push(Loaded { path, record }),
            Record::Task(record) => parts.tasks.push(Loaded { path, record }),
            Record::Correction(record) => parts.corrections.push(Loaded { path, record }),
            Record::Document(record) => parts.documents.push(Loaded { path, record }),
        }
    }
    Ok(by_slug)
}

#[derive(Default)]
struct Parts {
    customer: Option<Loaded<Customer>>,
    interactions: Vec<Loaded<Interaction>>,
    notes: Vec<Loaded<Note>>,
    handoffs: Vec<Loaded<Handoff>>,
    tasks: Vec<Loaded<Task>>,
    corrections: Vec<Loaded<Correction>>,
    /// Records of another folder were joined in.
    joined: bool,
    documents: Vec<Loaded<Document>>,
}

/// Names of the record files in the store folder `rel_dir`, sorted; a missing folder has none.
/// Only regular `*.yaml` files count (temporary files, links and anything else are left to
/// `check`); a link on the way to the folder is an error.
fn record_files(root: &Path, rel_dir: &str) -> Result<Vec<String>> {
    Ok(fs::list(root, rel_dir)?
        .unwrap_or_default()
        .into_iter()
        .filter(|e| {
            e.kind == fs::Kind::File && e.name.ends_with(".yaml") && !fs::is_temp_name(&e.name)
        })
        .map(|e| e.name)
        .collect())
}

/// Reads and parses the record at `rel` with the record size limit.
fn read_record<T: DeserializeOwned>(root: &Path, rel: &str) -> Result<T> {
    let bytes = fs::read(root, rel, yaml::MAX_RECORD_BYTES as u64)?;
    yaml::parse_bytes(Path::new(rel), &bytes)
}

/// Reads the customer whose folder is `slug`. The folder is the customer's identity on disk:
/// the record's `slug` field is replaced by it, so no path is ever built from what the file
/// says (a `slug` field that disagrees is a `check` error, and writes refuse the customer).
fn read_customer(root: &Path, slug: &str) -> Result<Customer> {
    let mut customer: Customer = read_record(root, &layout::customer_file(slug))?;
    customer.slug = slug.to_string();
    Ok(customer)
}

impl Store {
    /// When the latest record of `kind` happened, read from file names alone (no parsing), for
    /// list columns such as "last touchpoint".
    pub fn last_record_time(
        &self,
        slug: &str,
        kind: RecordKind,
    ) -> Result<Option<crate::model::Timestamp>> {
        let names = self.record_file_names(slug, kind)?;
        Ok(names
            .iter()
            .rev()
            .find_map(|n| layout::RecordFileName::parse(n))
            .map(|n| n.at))
    }
}
