//! A snapshot of every file under `customers/`, each parsed once: what `load_all`, `check`,
//! `metrics` and `inbox` read.
//!
//! Loading a 200,000-file store the obvious way (open and parse every file) costs seconds. What
//! makes it fast cannot change a result (the `scan` and `cache` modules hold the details, and
//! `docs/scale.md` the design):
//! - **Unchanged folders are told from stat data** against the last scan's tables, as git's
//!   index and untracked cache tell unchanged files and folders; nothing in them is opened.
//! - **The object database instead of the work tree** for changed files whose stat data match
//!   git's index; only the others are read from disk. Reads and parses run in parallel.
//! - **Content keys**: each folder's key is a hash of its files' names and blob ids. Parsed
//!   records and results derived from folders (metric facts, checks, inboxes) are cached in
//!   `<git dir>/gitcrm/snapshot/` under those keys and reused only for exactly that content.
//!   A damaged, foreign or stale cache is a miss.

mod bin;
mod cache;
mod codec;
mod scan;
#[cfg(test)]
mod tests;

pub use bin::{Key, KeyHasher};
pub use codec::{Ts, time_serde};
pub use scan::{Derived, Folder, Scan};

use std::path::Path;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::git::{self, EntryKind};
use crate::model::corrections::Correction;
use crate::model::records::{Customer, Document, Handoff, Interaction, Note, RecordKind, Task};
use crate::model::slug;

use super::{Store, fs::is_temp_name, layout, yaml};

/// A parsed record of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Customer(Customer),
    Interaction(Interaction),
    Note(Note),
    Handoff(Handoff),
    Task(Task),
    Correction(Correction),
    Document(Document),
}

/// What a file of the snapshot holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// A record file that parsed.
    Record(Box<Record>),
    /// A record file that did not parse (or is not UTF-8, or is too large).
    Invalid {
        line: u64,
        column: u64,
        message: String,
    },
    /// Not at a record path (a stray file, a temporary file, a symbolic link): not parsed.
    Other,
}

/// One file under `customers/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Store-relative path, `/`-separated.
    pub path: String,
    /// A symbolic link or a special file is listed, never followed or opened.
    pub kind: EntryKind,
    /// The git blob id of the content (empty for links and unparsed files).
    pub id: String,
    pub content: Content,
}

/// Where a snapshot was read from, to read a file's bytes again (to locate a line).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    WorkTree,
    Revision,
}

/// Every file under `customers/` of the work tree or of a revision, sorted by path.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub entries: Vec<Entry>,
    origin: Origin,
}

/// Statistics of one load, for benchmarks and tests of the fast path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadStats {
    /// Files read from the object database.
    pub from_objects: usize,
    /// Files read from the work tree.
    pub from_disk: usize,
    /// Files parsed (the rest came from the cache).
    pub parsed: usize,
}

/// What a store-relative path should hold: `Some(None)` a customer, `Some(Some(kind))` a record
/// of that kind, `None` anything else. The same rules as the per-customer readers: a customer
/// folder is a valid slug, and a record is any `*.yaml` file (temporary files aside) in a
/// record folder.
pub fn classify(path: &str) -> Option<Option<RecordKind>> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [layout::CUSTOMERS_DIR, slug, layout::CUSTOMER_FILE] if slug::validate(slug).is_ok() => {
            Some(None)
        }
        [layout::CUSTOMERS_DIR, slug, dir, name]
            if slug::validate(slug).is_ok() && name.ends_with(".yaml") && !is_temp_name(name) =>
        {
            RecordKind::from_dir_name(dir).map(Some)
        }
        _ => None,
    }
}

/// Parses the bytes of a file at `path` (store-relative) as what its path says it is.
pub fn parse(path: &str, data: &[u8]) -> Content {
    let Some(kind) = classify(path) else {
        return Content::Other;
    };
    let p = Path::new(path);
    let record = match kind {
        None => yaml::parse_bytes::<Customer>(p, data).map(Record::Customer),
        Some(RecordKind::Interaction) => {
            yaml::parse_bytes::<Interaction>(p, data).map(Record::Interaction)
        }
        Some(RecordKind::Note) => yaml::parse_bytes::<Note>(p, data).map(Record::Note),
        Some(RecordKind::Handoff) => yaml::parse_bytes::<Handoff>(p, data).map(Record::Handoff),
        Some(RecordKind::Task) => yaml::parse_bytes::<Task>(p, data).map(Record::Task),
        Some(RecordKind::Correction) => {
            yaml::parse_bytes::<Correction>(p, data).map(Record::Correction)
        }
        Some(RecordKind::Document) => yaml::parse_bytes::<Document>(p, data).map(Record::Document),
    };
    match record {
        Ok(record) => Content::Record(Box::new(record)),
        Err(Error::Parse {
            line,
            column,
            message,
            ..
        }) => Content::Invalid {
            line,
            column,
            message,
        },
        Err(other) => Content::Invalid {
            line: 1,
            column: 1,
            message: other.to_string(),
        },
    }
}

impl Snapshot {
    /// The work tree's files under `customers/`, through the fast path and the cache.
    pub fn work_tree(store: &Store) -> Result<Snapshot> {
        Self::work_tree_with_stats(store, true).map(|(s, _)| s)
    }

    /// Like [`Snapshot::work_tree`], optionally without the cache, with load statistics.
    pub fn work_tree_with_stats(store: &Store, use_cache: bool) -> Result<(Snapshot, LoadStats)> {
        let scan = Scan::work_tree(store, use_cache)?;
        let entries = scan.all_entries()?;
        let stats = scan.stats();
        scan.save();
        Ok((
            Snapshot {
                entries,
                origin: Origin::WorkTree,
            },
            stats,
        ))
    }

    /// The files under `customers/` as committed in `rev`. Parse results of the work tree's cache
    /// are reused for files with the same path and blob id (the cache is only read here).
    pub fn revision(store: &Store, rev: &str) -> Result<Snapshot> {
        let store_prefix = store.git_path("");
        let store_prefix = store_prefix.trim_end_matches('/');
        let prefix = store.git_path(layout::CUSTOMERS_DIR);
        let listed = git::list_files(store.repo_root(), rev, &prefix)?;
        let chunks = scan::Chunks::open(store);
        let paths: Vec<String> = listed.iter().map(|(p, _)| strip(p, store_prefix)).collect();
        // Folder by folder (files of a folder are contiguous in path order).
        let mut groups: Vec<(String, std::ops::Range<usize>)> = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            let folder = folder_of(path).to_string();
            match groups.last_mut() {
                Some((f, range)) if *f == folder => range.end = i + 1,
                _ => groups.push((folder, i..i + 1)),
            }
        }
        let contents: Vec<Vec<Content>> = groups
            .par_iter()
            .map(|(folder, range)| -> Result<Vec<Content>> {
                let mut cached = chunks
                    .as_ref()
                    .map(|c| c.folder(folder))
                    .unwrap_or_default();
                cached.sort_by(|a, b| a.0.cmp(&b.0));
                let within = store_path_prefix(folder).len();
                range
                    .clone()
                    .map(|i| {
                        let path = &paths[i];
                        if classify(path).is_none() {
                            return Ok(Content::Other);
                        }
                        let id = scan::id_raw(&listed[i].1).unwrap_or([0; 20]);
                        let name = &path[within.min(path.len())..];
                        let hit = cached
                            .binary_search_by(|e| e.0.as_str().cmp(name))
                            .ok()
                            .filter(|&k| cached[k].1 == id)
                            .and_then(|k| cached[k].2.take());
                        match hit {
                            Some(content) => Ok(content),
                            None => {
                                let data = git::read_blob(store.repo_root(), &id)?
                                    .ok_or_else(|| missing_blob(path, &listed[i].1))?;
                                Ok(parse(path, &data))
                            }
                        }
                    })
                    .collect()
            })
            .collect::<Result<Vec<_>>>()?;
        let entries = paths
            .into_iter()
            .zip(listed)
            .zip(contents.into_iter().flatten())
            .map(|((path, (_, id)), content)| Entry {
                path,
                kind: EntryKind::File,
                id,
                content,
            })
            .collect();
        Ok(Snapshot {
            entries,
            origin: Origin::Revision,
        })
    }

    /// A snapshot of the work tree made of these entries (sorted by path).
    pub fn of_entries(entries: Vec<Entry>) -> Snapshot {
        Snapshot {
            entries,
            origin: Origin::WorkTree,
        }
    }

    /// The snapshot split into one per customer folder (the files directly under `customers/`
    /// first), in folder-name order.
    pub fn split_by_folder(self) -> Vec<Snapshot> {
        let mut by_folder: std::collections::BTreeMap<String, Vec<Entry>> = Default::default();
        for entry in self.entries {
            by_folder
                .entry(folder_of(&entry.path).to_string())
                .or_default()
                .push(entry);
        }
        by_folder
            .into_values()
            .map(|entries| Snapshot {
                entries,
                origin: self.origin.clone(),
            })
            .collect()
    }

    /// The files under one folder of the store (`rel_dir`, store-relative, such as one customer's
    /// folder) as committed in `rev`, read from the object database and parsed without the
    /// cache: for the few files of an older revision (`rules run` reads a customer as it was
    /// when an event happened).
    pub fn revision_folder(store: &Store, rev: &str, rel_dir: &str) -> Result<Snapshot> {
        let store_prefix = store.git_path("");
        let store_prefix = store_prefix.trim_end_matches('/');
        let files = git::read_files(store.repo_root(), rev, &store.git_path(rel_dir))?;
        let mut entries: Vec<Entry> = files
            .into_par_iter()
            .map(|f| {
                let path = strip(&f.path, store_prefix);
                let content = parse(&path, &f.data);
                Entry {
                    path,
                    kind: EntryKind::File,
                    id: f.id,
                    content,
                }
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Snapshot {
            entries,
            origin: Origin::Revision,
        })
    }

    /// The bytes of an entry, read again (checks read the few files they report on, to point at
    /// a line).
    pub fn bytes(&self, store: &Store, entry: &Entry) -> Option<Vec<u8>> {
        if entry.kind != EntryKind::File {
            return None;
        }
        match self.origin {
            Origin::WorkTree => scan::read_disk(store, &entry.path)
                .ok()
                .and_then(|d| d.ok()),
            Origin::Revision => git::read_blobs(store.repo_root(), std::slice::from_ref(&entry.id))
                .ok()
                .and_then(|mut v| v.pop()),
        }
    }
}

/// Prints how long the phases of a command took and the memory it holds (resident now, and
/// the peak so far), to stderr, when `GITCRM_TIMINGS` is set (for benchmarks and profiling;
/// nothing is printed otherwise).
pub fn timing(label: &str) {
    use std::sync::OnceLock;
    static START: OnceLock<Option<std::time::Instant>> = OnceLock::new();
    let start =
        START.get_or_init(|| std::env::var_os("GITCRM_TIMINGS").map(|_| std::time::Instant::now()));
    if let Some(start) = start {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().strip_suffix(" kB"))
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map_or(0, |kb| kb / 1024)
        };
        eprintln!(
            "timing: {:>8.1} ms {:>6} MB (peak {:>6} MB, mapped files {:>5} MB)  {label}",
            start.elapsed().as_secs_f64() * 1000.0,
            field("VmRSS:"),
            field("VmHWM:"),
            field("RssFile:"),
        );
    }
}

/// Frees a large value on another thread: freeing 200,000 parsed records costs a noticeable
/// part of a run, and a command that is about to exit need not wait for it.
pub fn drop_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

fn strip(path: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        return path.to_string();
    }
    path.strip_prefix(prefix)
        .map(|p| p.trim_start_matches('/'))
        .unwrap_or(path)
        .to_string()
}

/// The customer folder of a store path under `customers/` (`""` for a file directly in it).
pub fn folder_of(path: &str) -> &str {
    let rest = path
        .strip_prefix(layout::CUSTOMERS_DIR)
        .and_then(|r| r.strip_prefix('/'))
        .unwrap_or(path);
    match rest.split_once('/') {
        Some((folder, _)) => folder,
        None => "",
    }
}

/// The store path prefix of the files of a folder (`customers/<folder>/`).
fn store_path_prefix(folder: &str) -> String {
    if folder.is_empty() {
        format!("{}/", layout::CUSTOMERS_DIR)
    } else {
        format!("{}/{folder}/", layout::CUSTOMERS_DIR)
    }
}

fn missing_blob(path: &str, id: &str) -> Error {
    Error::Git(format!(
        "{path}: blob {id} is not in the object database (a partial clone that has not fetched it)"
    ))
}

fn too_large(size: u64) -> Content {
    Content::Invalid {
        line: 1,
        column: 1,
        message: format!(
            "file is {size} bytes; records are limited to {}",
            yaml::MAX_RECORD_BYTES
        ),
    }
}
