//! A snapshot of every file under `customers/`, each parsed once: what `load_all`, `check` and
//! the metrics read.
//!
//! Loading a 200,000-file store the obvious way (open and parse every file) costs seconds. Three
//! things make it fast, and none of them can change a result:
//! - **Object database instead of the work tree.** A file whose stat data matches the index
//!   entry (as `git status` decides it, racy entries excluded) holds exactly the index blob, so
//!   it is read from the object database; only changed and untracked files are read from disk.
//! - **Parallel reads and parses** (rayon).
//! - **A cache of parse results** (`<git dir>/gitcrm/snapshot-v1.bin`) keyed by each file's path
//!   and content id (the git blob id, computed for files read from disk). A cached result is
//!   used only for the same path with the same bytes, so a pull, a checkout, a hand edit or an
//!   untracked file simply misses for that file. The cache also records the tool version and is
//!   ignored when it does not match or cannot be decoded.

mod cache;
#[cfg(test)]
mod tests;

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

/// A file found, before its content is known.
struct Pending {
    path: String,
    kind: EntryKind,
    /// The blob id when the object database has the content.
    blob: Option<String>,
}

impl Snapshot {
    /// The work tree's files under `customers/`, through the fast path and the cache.
    pub fn work_tree(store: &Store) -> Result<Snapshot> {
        Self::work_tree_with_stats(store, true).map(|(s, _)| s)
    }

    /// Like [`Snapshot::work_tree`], optionally without the cache, with load statistics.
    pub fn work_tree_with_stats(store: &Store, use_cache: bool) -> Result<(Snapshot, LoadStats)> {
        let prefix = store.git_path(layout::CUSTOMERS_DIR);
        let store_prefix = store.git_path("");
        let store_prefix = store_prefix.trim_end_matches('/');
        let found = super::fs::walk(store.root(), layout::CUSTOMERS_DIR)?
            .into_iter()
            .map(|f| {
                let kind = match f.kind {
                    super::fs::Kind::File => EntryKind::File,
                    super::fs::Kind::Symlink => EntryKind::Symlink,
                    _ => EntryKind::Special,
                };
                (store.git_path(&f.path), kind, f.stat)
            })
            .collect();
        let pending: Vec<Pending> = git::mark_unchanged(store.repo_root(), &prefix, found)?
            .into_iter()
            .map(|f| Pending {
                path: strip(&f.path, store_prefix),
                kind: f.kind,
                blob: f.blob,
            })
            .collect();
        let cache_path = cache::path(store.repo_root());
        let mut cached = match (&cache_path, use_cache) {
            (Some(path), true) => cache::read(path),
            _ => cache::Cache::default(),
        };
        let mut stats = LoadStats::default();
        let n = pending.len();
        let mut contents: Vec<Option<Content>> = vec![None; n];
        let mut ids: Vec<String> = vec![String::new(); n];
        // The cache's entry for a file read from disk, used once its content id is known.
        let mut candidates: Vec<Option<(String, Content)>> = vec![None; n];
        for (i, p) in pending.iter().enumerate() {
            if p.kind != EntryKind::File || classify(&p.path).is_none() {
                contents[i] = Some(Content::Other);
                ids[i] = p.blob.clone().unwrap_or_default();
                continue;
            }
            let candidate = cached.take(&p.path);
            match &p.blob {
                Some(id) => {
                    ids[i] = id.clone();
                    contents[i] = candidate.filter(|(c, _)| c == id).map(|(_, c)| c);
                }
                None => candidates[i] = candidate,
            }
        }
        // What the cache did not have: blobs from the object database, the rest from disk.
        let from_objects: Vec<usize> = (0..n)
            .filter(|&i| contents[i].is_none() && pending[i].blob.is_some())
            .collect();
        let from_disk: Vec<usize> = (0..n)
            .filter(|&i| contents[i].is_none() && pending[i].blob.is_none())
            .collect();
        stats.from_objects = from_objects.len();
        stats.from_disk = from_disk.len();
        let blob_ids: Vec<String> = from_objects.iter().map(|&i| ids[i].clone()).collect();
        let mut bytes: Vec<Option<Vec<u8>>> = vec![None; n];
        for (&i, data) in from_objects
            .iter()
            .zip(git::read_blobs(store.repo_root(), &blob_ids)?)
        {
            bytes[i] = Some(data);
        }
        let disk = from_disk
            .par_iter()
            .map(|&i| {
                let data = read_disk(store, &pending[i].path)?;
                let id = data.as_ref().map(|d| git::blob_id(d)).unwrap_or_default();
                Ok((data, id))
            })
            .collect::<Result<Vec<_>>>()?;
        for (&i, (data, id)) in from_disk.iter().zip(disk) {
            match data {
                Ok(data) => {
                    contents[i] = candidates[i]
                        .take()
                        .filter(|(c, _)| *c == id)
                        .map(|(_, c)| c);
                    ids[i] = id;
                    if contents[i].is_none() {
                        bytes[i] = Some(data);
                    }
                }
                Err(size) => contents[i] = Some(too_large(size)),
            }
        }
        let parsed_count = std::sync::atomic::AtomicUsize::new(0);
        let entries: Vec<Entry> = pending
            .into_par_iter()
            .zip(contents.into_par_iter())
            .zip(ids.into_par_iter().zip(bytes.into_par_iter()))
            .map(|((p, content), (id, data))| {
                let content = content.unwrap_or_else(|| {
                    parsed_count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    parse(&p.path, data.as_deref().unwrap_or_default())
                });
                Entry {
                    path: p.path,
                    kind: p.kind,
                    id,
                    content,
                }
            })
            .collect();
        stats.parsed = parsed_count.into_inner();
        let cached_len = cached.len;
        drop_later(cached);
        if let (Some(path), true) = (&cache_path, use_cache) {
            let records = entries
                .iter()
                .filter(|e| !matches!(e.content, Content::Other))
                .count();
            if stats.parsed > 0 || records != cached_len {
                // A cache that cannot be written only costs speed.
                let _ = cache::write(path, &entries);
            }
        }
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
        let mut cached = cache::path(store.repo_root())
            .map(|path| cache::read(&path))
            .unwrap_or_default();
        let mut contents: Vec<Option<Content>> = Vec::with_capacity(listed.len());
        let mut paths = Vec::with_capacity(listed.len());
        for (path, id) in &listed {
            let path = strip(path, store_prefix);
            contents.push(if classify(&path).is_some() {
                cached.take(&path).filter(|(c, _)| c == id).map(|(_, c)| c)
            } else {
                Some(Content::Other)
            });
            paths.push(path);
        }
        let missing: Vec<usize> = (0..listed.len())
            .filter(|&i| contents[i].is_none())
            .collect();
        let ids: Vec<String> = missing.iter().map(|&i| listed[i].1.clone()).collect();
        let mut data: Vec<Option<Vec<u8>>> = vec![None; listed.len()];
        for (&i, bytes) in missing
            .iter()
            .zip(git::read_blobs(store.repo_root(), &ids)?)
        {
            data[i] = Some(bytes);
        }
        let entries = paths
            .into_par_iter()
            .zip(listed.into_par_iter())
            .zip(contents.into_par_iter().zip(data.into_par_iter()))
            .map(|((path, (_, id)), (content, data))| {
                let content =
                    content.unwrap_or_else(|| parse(&path, data.as_deref().unwrap_or_default()));
                Entry {
                    path,
                    kind: EntryKind::File,
                    id,
                    content,
                }
            })
            .collect();
        Ok(Snapshot {
            entries,
            origin: Origin::Revision,
        })
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
            Origin::WorkTree => read_disk(store, &entry.path).ok().and_then(|d| d.ok()),
            Origin::Revision => git::read_blobs(store.repo_root(), std::slice::from_ref(&entry.id))
                .ok()
                .and_then(|mut v| v.pop()),
        }
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

/// A file's bytes, or its size when it is larger than any record may be (never read).
type Disk = std::result::Result<Vec<u8>, u64>;

/// Reads a work-tree file without following a link; a file larger than any record may be is not
/// read.
fn read_disk(store: &Store, rel: &str) -> Result<Disk> {
    match super::fs::read_limited(store.root(), rel, yaml::MAX_RECORD_BYTES as u64) {
        Ok(data) => Ok(Ok(data)),
        Err(super::fs::ReadError::TooLarge(size)) => Ok(Err(size)),
        Err(super::fs::ReadError::Other(e)) => Err(e),
    }
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
