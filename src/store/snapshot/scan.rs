//! The scan: which files are under `customers/`, folder by folder, and what each folder holds,
//! told from stat data alone when nothing changed.
//!
//! The last scan's tables (`index.bin`, see [`super::cache`]) hold, for every folder and file,
//! a digest of its stat data (as git's index holds stat data) and every file's blob id. A
//! folder whose own stat data, sub-folders' and files' stat data all match is unchanged: its
//! content key, parsed records and derived results are the cached ones, and nothing in it is
//! opened. A folder's entries can only be added, removed or renamed by changing the folder's
//! own modification time, so matching folder stat data also proves its listing unchanged (the
//! rule of git's untracked cache). A file or folder changed within a second of the scan is
//! "racy" (a later change in the same tick could keep its stat data): its digest is not kept,
//! so the next scan looks again.
//!
//! A folder that changed is listed again. Its files that still match the last scan keep their
//! ids; the others are matched against git's index (stat data as `git status` compares it)
//! when there are many, so their content comes from the object database, or read from disk and
//! hashed. A folder's content key is a hash of its files' names, kinds and blob ids: results
//! derived from a folder (or a customer's folders) are filed under the keys they came from and
//! reused only for exactly that content, whatever happened in between (a pull, a checkout, an
//! edit and its undo).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::bin::{Key, KeyHasher};
use super::cache::{self, Data, FolderFiles, Index, NewFolder, NewIndex, SegSource, Spill, TOP};
use super::{Content, Entry, LoadStats, classify, codec, parse, too_large};
use crate::error::Result;
use crate::git::{self, EntryKind};
use crate::model::text::hex;
use crate::store::fs::{self, ScanDir, ScanStat};
use crate::store::{Store, layout, yaml};

/// How many files must need a content id before git's index is read to find them (reading a
/// large index costs more than hashing a few files).
const USE_GIT_INDEX_FROM: usize = 256;
/// Derived results of one kind kept per folder (a few sets of parameters).
const KEEP_PER_KIND: usize = 3;
/// A change this close to the scan's start (nanoseconds) makes stat data untrustworthy.
const RACY_NS: i128 = 1_000_000_000;

/// A result derived from folders' records and filed in the cache under their content keys.
pub trait Derived: Serialize + DeserializeOwned + Send {
    /// A number distinct for each kind of result (and bumped when its layout changes).
    const KIND: u8;
}

/// One customer folder (or, named `""`, the files directly under `customers/`).
#[derive(Debug)]
pub struct Folder {
    pub name: String,
    /// Hash of the names, kinds and blob ids of the folder's files.
    pub key: Key,
    dir_digest: u64,
    /// The same folder in the last scan's tables.
    old: Option<usize>,
    files: Files,
}

#[derive(Debug)]
enum Files {
    /// Exactly the last scan's table (nothing changed).
    Old,
    /// Listed again by this scan.
    Fresh {
        subdirs: Vec<(String, u64)>,
        files: Vec<FileInfo>,
    },
}

#[derive(Debug)]
struct FileInfo {
    /// Path within the folder.
    name: String,
    kind: EntryKind,
    /// Stat digest to keep (0: racy, not trusted next time).
    digest: u64,
    id: Option<[u8; 20]>,
    src: Src,
}

#[derive(Debug)]
enum Src {
    /// The content is the blob `id` (in the object database, or on disk unchanged).
    Known,
    /// Read from disk by this scan.
    Bytes(Vec<u8>),
    TooLarge(u64),
    /// Nothing reads it (not a record).
    Unread,
    /// Not known yet (filled in before the scan returns), with the stat data git's index is
    /// asked with (regular files only). Kept here, not beside every file: a table of millions
    /// of files holds it only until the ids are found.
    Pending(Option<git::FileStat>),
}

/// What a command reads: the folders under `customers/`, their content keys, and (on demand)
/// their parsed files and derived results, from the cache where it holds them.
pub struct Scan<'s> {
    store: &'s Store,
    dir: Option<PathBuf>,
    stamp: String,
    use_cache: bool,
    old: Option<Index>,
    data: Option<Data>,
    pub(super) folders: Vec<Folder>,
    customers_digest: u64,
    /// The token to save for `core.fsmonitor` (empty: no hook, or it did not answer).
    fsmonitor_token: String,
    /// The folders the hook says changed since the last scan's token: every other folder of
    /// the last scan is taken as it was, without a stat. `None`: no usable answer, stat all.
    monitored: Option<Monitored>,
    start_ns: i128,
    /// The file tables differ from the last scan's.
    changed: bool,
    /// Folders' parsed records encoded by this scan (to save, and to read again instead of
    /// parsing twice when a command reads a folder more than once).
    records: Mutex<HashMap<usize, SegSource>>,
    derived: Mutex<Vec<NewDerived>>,
    /// Where new segments go as they are made (created on first use): a cold run does not hold
    /// the whole store's records in memory until it saves.
    spill: OnceLock<Option<Spill>>,
    from_objects: AtomicUsize,
    from_disk: AtomicUsize,
    parsed: AtomicUsize,
    /// The unmerged paths of git's index, when this scan read the index for blob ids.
    unmerged_read: Option<git::UnmergedRead>,
}

/// A derived result computed by this scan: the folder that files it (`None`: the whole store),
/// its kind, key and encoded bytes.
type NewDerived = (Option<usize>, u8, Key, SegSource);

fn now_ns() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

fn entry_kind(kind: fs::Kind) -> EntryKind {
    match kind {
        fs::Kind::File => EntryKind::File,
        fs::Kind::Symlink | fs::Kind::Dir => EntryKind::Symlink,
        fs::Kind::Special => EntryKind::Special,
    }
}

fn kind_byte(kind: EntryKind) -> u8 {
    match kind {
        EntryKind::File => 0,
        EntryKind::Symlink => 1,
        EntryKind::Special => 2,
    }
}

fn kind_of_byte(b: u8) -> EntryKind {
    match b {
        0 => EntryKind::File,
        1 => EntryKind::Symlink,
        _ => EntryKind::Special,
    }
}

/// The store path of a file of folder `folder` (`""`: directly under `customers/`).
fn store_path(folder: &str, name: &str) -> String {
    if folder.is_empty() {
        format!("{}/{name}", layout::CUSTOMERS_DIR)
    } else {
        format!("{}/{folder}/{name}", layout::CUSTOMERS_DIR)
    }
}

/// Whether the content of the file at `path` matters to any reader (records, and rename
/// forwards); other files (documents' stored bytes, strays) are listed by name only.
fn content_matters(path: &str, kind: EntryKind) -> bool {
    kind == EntryKind::File
        && (classify(path).is_some()
            || path
                .rsplit_once('/')
                .is_some_and(|(_, n)| n == layout::RENAMED_FILE))
}

fn folder_key(
    folder: &str,
    files: impl Iterator<Item = (String, EntryKind, Option<[u8; 20]>)>,
) -> Key {
    let mut h = KeyHasher::new("folder");
    h.part(folder.as_bytes());
    for (name, kind, id) in files {
        h.part(name.as_bytes());
        h.part(&[kind_byte(kind)]);
        h.part(id.as_ref().map_or(&[][..], |id| &id[..]));
    }
    h.finish()
}

fn unhex(text: &str) -> Option<[u8; 20]> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let text = text.as_bytes();
    if text.len() != 40 {
        return None;
    }
    let mut out = [0u8; 20];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = (nibble(text[2 * i])? << 4) | nibble(text[2 * i + 1])?;
    }
    Some(out)
}

/// A folder as listed now: its own digest, sub-folders and files.
struct Listed {
    dir_digest: u64,
    subdirs: Vec<(String, u64)>,
    files: Vec<FileInfo>,
}

impl<'s> Scan<'s> {
    /// Scans the work tree under `customers/` (with the cache unless `use_cache` is false).
    pub fn work_tree(store: &'s Store, use_cache: bool) -> Result<Scan<'s>> {
        let start_ns = now_ns();
        let prefix = store.git_path("");
        let stamp = cache::stamp(prefix.trim_end_matches('/'));
        let dir = cache::dir(store.repo_root());
        let old = match (&dir, use_cache) {
            (Some(dir), true) => Index::read(dir, &stamp),
            _ => None,
        };
        let data = match (&dir, &old) {
            (Some(dir), Some(old)) => Data::open(dir, old.generation),
            _ => None,
        };
        let mut scan = Scan {
            store,
            dir,
            stamp,
            use_cache,
            old,
            data,
            folders: Vec::new(),
            customers_digest: 0,
            fsmonitor_token: String::new(),
            monitored: None,
            start_ns,
            changed: false,
            records: Mutex::new(HashMap::new()),
            derived: Mutex::new(Vec::new()),
            spill: OnceLock::new(),
            from_objects: AtomicUsize::new(0),
            from_disk: AtomicUsize::new(0),
            unmerged_read: None,
            parsed: AtomicUsize::new(0),
        };
        scan.ask_monitor();
        scan.scan()?;
        Ok(scan)
    }

    /// Asks the `core.fsmonitor` hook, if one is configured, what changed since the token the
    /// last scan saved. Its answer is trusted only with that token and a list (not `/`).
    fn ask_monitor(&mut self) {
        if !self.use_cache {
            return;
        }
        let repo_root = self.store.repo_root();
        let Some(hook) = git::fsmonitor::hook(repo_root) else {
            return;
        };
        let old_token = self
            .old
            .as_ref()
            .map(|o| o.fsmonitor_token.as_str())
            .filter(|t| !t.is_empty());
        let asked = old_token.unwrap_or(git::fsmonitor::NO_TOKEN);
        let Some(answer) = git::fsmonitor::query(repo_root, &hook, asked) else {
            return;
        };
        match old_token {
            // A later answer covers more: the saved token may stay (the tables are saved only
            // when something changed, and then with the token of this scan).
            Some(_) => {
                self.monitored = answer
                    .changed
                    .map(|paths| Monitored::of(&self.store.git_path(layout::CUSTOMERS_DIR), paths));
            }
            // The first answer: saved even if nothing else changes, so the next scan can ask.
            None => self.changed = true,
        }
        self.fsmonitor_token = answer.token;
        super::timing("scan: fsmonitor asked");
    }

    /// Whether the hook vouches that folder `name` did not change since the last scan, and the
    /// last scan's table of it was taken from settled stat data (nothing racy in it).
    fn vouched(&self, old: &Index, i: usize) -> bool {
        let Some(monitored) = &self.monitored else {
            return false;
        };
        let rec = &old.folders[i];
        if monitored.changed(&rec.name) || rec.dir_digest == 0 {
            return false;
        }
        old.files(rec)
            .is_some_and(|table| table.files.iter().all(|f| f.digest != 0))
    }

    fn spill(&self) -> Option<&Spill> {
        self.spill
            .get_or_init(|| {
                let dir = self.dir.as_ref().filter(|_| self.use_cache)?;
                Spill::create(dir)
            })
            .as_ref()
    }

    /// A new segment to save: in the spill file, or in memory when it cannot be written.
    fn keep(&self, bytes: Vec<u8>) -> SegSource {
        match self.spill().and_then(|s| s.put(&bytes)) {
            Some(seg) => SegSource::Spilled(seg),
            None => SegSource::New(bytes),
        }
    }

    fn racy(&self, stat: &ScanStat) -> bool {
        stat.changed_ns >= self.start_ns - RACY_NS
    }

    fn keep_digest(&self, stat: &ScanStat) -> u64 {
        if self.racy(stat) { 0 } else { stat.digest }
    }

    fn scan(&mut self) -> Result<()> {
        let root = self.store.root().to_path_buf();
        let customers_rel = layout::CUSTOMERS_DIR;
        let Some(customers) = fs::scan_dir(&root, customers_rel)? else {
            self.changed = self.old.as_ref().is_some_and(|o| !o.folders.is_empty());
            return Ok(());
        };
        let own = customers
            .own_stat()
            .map_err(|e| fs::scan_error(&root, customers_rel, e))?;
        self.customers_digest = self.keep_digest(&own);
        // The folder names: the last scan's when `customers/` itself is unchanged.
        let old_names: Option<Vec<String>> = self.old.as_ref().and_then(|old| {
            (old.customers_digest != 0 && old.customers_digest == own.digest)
                .then(|| old.folders.iter().map(|f| f.name.clone()).collect())
        });
        let names = match old_names {
            Some(names) => names,
            None => {
                self.changed = true;
                let mut names: Vec<String> = customers
                    .list(&root, customers_rel)?
                    .into_iter()
                    .filter(|e| e.kind == fs::Kind::Dir && e.name != ".git")
                    .map(|e| e.name)
                    .collect();
                names.push(String::new());
                names.sort();
                names
            }
        };
        let old = self.old.as_ref();
        let same_customers = old.is_some_and(|o| o.customers_digest == own.digest);
        // Unchanged folders are verified from the tables; the others listed again.
        let verified: Vec<(String, Option<usize>, bool)> = names
            .into_par_iter()
            .map(|name| {
                let at = old.and_then(|o| o.folder(&name));
                let same = match at {
                    // The files directly under `customers/` are unchanged only with it.
                    Some(_) if name.is_empty() && !same_customers => false,
                    Some(i) => {
                        let old = old.expect("found in it");
                        self.vouched(old, i) || self.verify(&customers, old, i)
                    }
                    None => false,
                };
                (name, at, same)
            })
            .collect();
        let listed: Vec<Option<(Folder, bool)>> = verified
            .into_par_iter()
            .map(|(name, at, same)| -> Result<Option<(Folder, bool)>> {
                if same {
                    let rec = &old.expect("verified against it").folders[at.expect("verified")];
                    return Ok(Some((
                        Folder {
                            name,
                            key: rec.key,
                            dir_digest: rec.dir_digest,
                            old: at,
                            files: Files::Old,
                        },
                        false,
                    )));
                }
                let reuse = at.and_then(|i| {
                    let o = old?;
                    o.files(&o.folders[i])
                });
                Ok(self.list_folder(&customers, &name, reuse)?.map(|l| {
                    (
                        Folder {
                            name,
                            key: Key::default(),
                            dir_digest: l.dir_digest,
                            old: at,
                            files: Files::Fresh {
                                subdirs: l.subdirs,
                                files: l.files,
                            },
                        },
                        true,
                    )
                }))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut folders = Vec::with_capacity(listed.len());
        for item in listed.into_iter().flatten() {
            self.changed |= item.1;
            folders.push(item.0);
        }
        if old.is_some_and(|o| o.folders.len() != folders.len()) {
            self.changed = true;
        }
        self.folders = folders;
        super::timing("scan: listed");
        self.resolve_ids()?;
        super::timing("scan: ids resolved");
        for folder in &mut self.folders {
            if let Files::Fresh { files, .. } = &folder.files {
                folder.key = folder_key(
                    &folder.name,
                    files.iter().map(|f| (f.name.clone(), f.kind, f.id)),
                );
            }
        }
        Ok(())
    }

    /// Whether the folder `i` of the last scan is unchanged: its folders' and files' stat data
    /// all match (and none was racy).
    fn verify(&self, customers: &ScanDir, old: &Index, i: usize) -> bool {
        let rec = &old.folders[i];
        if rec.dir_digest == 0 {
            return false;
        }
        let Some(table) = old.files(rec) else {
            return false;
        };
        let opened;
        let top: &ScanDir = if rec.name.is_empty() {
            // The files directly under `customers/`: its digest was compared already.
            customers
        } else {
            match customers.open(&rec.name) {
                Ok(Some(d)) => {
                    opened = d;
                    &opened
                }
                _ => return false,
            }
        };
        if !rec.name.is_empty() && top.own_stat().map(|s| s.digest).ok() != Some(rec.dir_digest) {
            return false;
        }
        let Some(subdirs) = open_subdirs(top, &table) else {
            return false;
        };
        table.files.iter().all(|f| {
            if f.digest == 0 {
                return false;
            }
            let dir = if f.sub == TOP {
                top
            } else {
                &subdirs[usize::from(f.sub)]
            };
            matches!(dir.stat(f.name), Ok(Some(s)) if s.digest == f.digest)
        })
    }

    /// Lists a folder again (`""`: the files directly under `customers/`). Files whose stat
    /// data still match `reuse` keep their blob ids. `None` when it is gone.
    fn list_folder(
        &self,
        customers: &ScanDir,
        name: &str,
        reuse: Option<FolderFiles>,
    ) -> Result<Option<Listed>> {
        let root = self.store.root();
        let mut known: HashMap<String, (u64, [u8; 20])> = HashMap::new();
        if let Some(table) = &reuse {
            for f in &table.files {
                let Ok(file) = f.name.to_str() else { continue };
                let full = if f.sub == TOP {
                    file.to_string()
                } else {
                    format!("{}/{file}", table.subdirs[usize::from(f.sub)].0)
                };
                if f.digest != 0 && f.id != [0; 20] {
                    known.insert(full, (f.digest, f.id));
                }
            }
        }
        let mut listed = Listed {
            dir_digest: 0,
            subdirs: Vec::new(),
            files: Vec::new(),
        };
        let folder_rel = if name.is_empty() {
            layout::CUSTOMERS_DIR.to_string()
        } else {
            layout::customer_dir(name)
        };
        let opened;
        let top: &ScanDir = if name.is_empty() {
            customers
        } else {
            match customers
                .open(name)
                .map_err(|e| fs::scan_error(root, &folder_rel, e))?
            {
                Some(d) => {
                    opened = d;
                    &opened
                }
                None => return Ok(None),
            }
        };
        let own = top
            .own_stat()
            .map_err(|e| fs::scan_error(root, &folder_rel, e))?;
        listed.dir_digest = self.keep_digest(&own);
        let mut stack: Vec<(Option<ScanDir>, String)> = vec![(None, String::new())];
        while let Some((dir, sub)) = stack.pop() {
            let dir_ref = dir.as_ref().unwrap_or(top);
            let rel = if sub.is_empty() {
                folder_rel.clone()
            } else {
                format!("{folder_rel}/{sub}")
            };
            for entry in dir_ref.list(root, &rel)? {
                let within = if sub.is_empty() {
                    entry.name.clone()
                } else {
                    format!("{sub}/{}", entry.name)
                };
                if entry.kind == fs::Kind::Dir {
                    if entry.name == ".git" || name.is_empty() {
                        continue;
                    }
                    if let Some(child) = dir_ref
                        .open(&entry.name)
                        .map_err(|e| fs::scan_error(root, &format!("{rel}/{}", entry.name), e))?
                    {
                        let digest = child.own_stat().map(|s| self.keep_digest(&s)).unwrap_or(0);
                        listed.subdirs.push((within.clone(), digest));
                        stack.push((Some(child), within));
                        continue;
                    }
                }
                let Some(stat) = dir_ref
                    .stat(entry.name.as_str())
                    .map_err(|e| fs::scan_error(root, &format!("{rel}/{}", entry.name), e))?
                else {
                    continue;
                };
                let kind = entry_kind(stat.kind);
                let path = store_path(name, &within);
                let matters = content_matters(&path, kind);
                let (id, src) = match known.get(&within) {
                    Some((digest, id)) if matters && *digest == stat.digest => {
                        (Some(*id), Src::Known)
                    }
                    _ if matters => {
                        let stat = (kind == EntryKind::File).then_some(stat.file);
                        (None, Src::Pending(stat))
                    }
                    _ => (None, Src::Unread),
                };
                listed.files.push(FileInfo {
                    name: within,
                    kind,
                    digest: self.keep_digest(&stat),
                    id,
                    src,
                });
            }
        }
        listed.subdirs.sort();
        listed.files.sort_by(|a, b| a.name.cmp(&b.name));
        // Kept for the whole command: no growth slack for each of thousands of folders.
        listed.files.shrink_to_fit();
        Ok(Some(listed))
    }

    /// Finds the blob ids of the files listed again: from git's index when many files need
    /// one (their content then comes from the object database), else by reading and hashing.
    fn resolve_ids(&mut self) -> Result<()> {
        let mut pending: Vec<(usize, usize)> = Vec::new();
        for (fi, folder) in self.folders.iter().enumerate() {
            if let Files::Fresh { files, .. } = &folder.files {
                for (i, f) in files.iter().enumerate() {
                    if matches!(f.src, Src::Pending(_)) {
                        pending.push((fi, i));
                    }
                }
            }
        }
        if pending.is_empty() {
            return Ok(());
        }
        let store = self.store;
        if pending.len() >= USE_GIT_INDEX_FROM || self.old.is_none() {
            // Sorted by path bytes, as git's index is, without making the paths: each is made
            // only when the index reaches it (a cold scan of millions of files would otherwise
            // hold a second copy of every path).
            let stat_of = |f: &FileInfo| match f.src {
                Src::Pending(stat) => stat,
                _ => None,
            };
            let mut order: Vec<usize> = (0..pending.len())
                .filter(|&k| {
                    let (fi, i) = pending[k];
                    stat_of(fresh_file(&self.folders[fi], i)).is_some()
                })
                .collect();
            let folders = &self.folders;
            let path_bytes = |k: usize| {
                let (fi, i) = pending[k];
                let folder = &folders[fi];
                let slash = (!folder.name.is_empty()).then_some(b'/');
                folder
                    .name
                    .bytes()
                    .chain(slash)
                    .chain(fresh_file(folder, i).name.bytes())
            };
            order.par_sort_unstable_by(|&a, &b| path_bytes(a).cmp(path_bytes(b)));
            let files = order.iter().filter_map(|&k| {
                let (fi, i) = pending[k];
                let folder = &folders[fi];
                let f = fresh_file(folder, i);
                let path = store.git_path(&store_path(&folder.name, &f.name));
                Some((path, stat_of(f)?))
            });
            let read = git::index_blobs(store.repo_root(), files)?;
            self.unmerged_read = read.unmerged;
            for (k, id) in order.into_iter().zip(read.ids) {
                let Some(id) = id else { continue };
                let (fi, i) = pending[k];
                let f = fresh_file_mut(&mut self.folders[fi], i);
                f.id = Some(id);
                f.src = Src::Known;
            }
        }
        let unresolved: Vec<(usize, usize, String)> = pending
            .into_iter()
            .filter(|&(fi, i)| matches!(fresh_file(&self.folders[fi], i).src, Src::Pending(_)))
            .map(|(fi, i)| {
                let folder = &self.folders[fi];
                (fi, i, store_path(&folder.name, &fresh_file(folder, i).name))
            })
            .collect();
        let read = unresolved
            .par_iter()
            .map(|(_, _, path)| read_disk(store, path))
            .collect::<Result<Vec<_>>>()?;
        self.from_disk.fetch_add(read.len(), Ordering::Relaxed);
        for ((fi, i, _), data) in unresolved.into_iter().zip(read) {
            let f = fresh_file_mut(&mut self.folders[fi], i);
            match data {
                Ok(bytes) => {
                    f.id = Some(git::blob_id_raw(&bytes));
                    f.src = Src::Bytes(bytes);
                }
                Err(size) => {
                    f.src = Src::TooLarge(size);
                }
            }
        }
        Ok(())
    }

    /// The store scanned.
    pub fn store(&self) -> &'s Store {
        self.store
    }

    /// The folders, sorted by name.
    pub fn folders(&self) -> &[Folder] {
        &self.folders
    }

    /// The paths git's index holds unmerged, when this scan read the index (it reads it
    /// for the blob ids of many changed files, as on a cold run) and it was not rewritten
    /// while read; `digest` is the index file's digest (`git::index_file_digest`) now: the
    /// paths are given only when it is the digest of the file they were read from.
    pub fn unmerged_read(&self, digest: u64) -> Option<&[git::Unmerged]> {
        self.unmerged_read
            .as_ref()
            .filter(|u| u.digest == digest)
            .map(|u| u.paths.as_slice())
    }

    /// Statistics of what was read so far.
    pub fn stats(&self) -> LoadStats {
        LoadStats {
            from_objects: self.from_objects.load(Ordering::Relaxed),
            from_disk: self.from_disk.load(Ordering::Relaxed),
            parsed: self.parsed.load(Ordering::Relaxed),
        }
    }

    /// The files of folder `i` with their contents, sorted by path: from the cache's parse
    /// results where the blob ids match, else read (object database or disk) and parsed.
    pub fn entries(&self, i: usize) -> Result<Vec<Entry>> {
        let folder = &self.folders[i];
        let old_rec = match (&self.old, folder.old) {
            (Some(old), Some(at)) => Some((old, &old.folders[at])),
            _ => None,
        };
        // Records this scan parsed already (a command reading a folder twice), else the cache's.
        let mine = self
            .records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&i)
            .cloned();
        let again = mine.is_some();
        let mut chunk: codec::Chunk = mine
            .and_then(|source| source.bytes(None, self.spill.get().and_then(Option::as_ref)))
            .or_else(|| {
                old_rec
                    .and_then(|(_, rec)| rec.records)
                    .and_then(|seg| self.data.as_ref()?.read(seg))
            })
            .and_then(|bytes| codec::decode_chunk(&bytes))
            .unwrap_or_default();
        let mut at = 0;
        let mut take = |name: &str, id: &[u8; 20]| -> Option<Content> {
            while at < chunk.len() && chunk[at].0.as_str() < name {
                at += 1;
            }
            let entry = chunk.get_mut(at).filter(|e| e.0 == name && &e.1 == id)?;
            entry.2.take()
        };
        let mut out = Vec::new();
        let mut missed = false;
        let mut push =
            |name: &str, kind: EntryKind, id: Option<[u8; 20]>, src: SrcRef| -> Result<()> {
                let path = store_path(&folder.name, name);
                let content = if kind != EntryKind::File || classify(&path).is_none() {
                    Content::Other
                } else if let Some(content) = id.as_ref().and_then(|id| take(name, id)) {
                    content
                } else {
                    missed = true;
                    self.read_and_parse(&path, id.as_ref(), src)?
                };
                out.push(Entry {
                    id: if matches!(content, Content::Other) {
                        String::new()
                    } else {
                        id.as_ref().map(|id| hex(id)).unwrap_or_default()
                    },
                    path,
                    kind,
                    content,
                });
                Ok(())
            };
        match &folder.files {
            Files::Old => {
                let (old, rec) = old_rec.expect("an unchanged folder is in the last scan");
                let table = old
                    .files(rec)
                    .ok_or_else(|| crate::Error::invalid("snapshot cache damaged"))?;
                for f in &table.files {
                    let file = f.name.to_str().unwrap_or_default();
                    let name = if f.sub == TOP {
                        file.to_string()
                    } else {
                        format!("{}/{file}", table.subdirs[usize::from(f.sub)].0)
                    };
                    let id = (f.id != [0; 20]).then_some(f.id);
                    push(&name, kind_of_byte(f.kind), id, SrcRef::Known)?;
                }
            }
            Files::Fresh { files, .. } => {
                for f in files {
                    let src = match &f.src {
                        Src::Bytes(b) => SrcRef::Bytes(b),
                        Src::TooLarge(n) => SrcRef::TooLarge(*n),
                        _ => SrcRef::Known,
                    };
                    push(&f.name, f.kind, f.id, src)?;
                }
            }
        }
        let fresh = matches!(folder.files, Files::Fresh { .. });
        if self.use_cache
            && (!again || missed)
            && (missed || fresh || old_rec.is_none_or(|(_, r)| r.records.is_none()))
        {
            let ids: Vec<Option<[u8; 20]>> = out.iter().map(|e| unhex(&e.id)).collect();
            let prefix_len = store_path(&folder.name, "").len();
            if let Some(bytes) = codec::encode_chunk(
                out.iter()
                    .zip(&ids)
                    .filter_map(|(e, id)| Some((&e.path[prefix_len..], (*id)?, &e.content))),
            ) {
                let source = self.keep(bytes);
                self.records
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(i, source);
            }
        }
        Ok(out)
    }

    fn read_and_parse(&self, path: &str, id: Option<&[u8; 20]>, src: SrcRef) -> Result<Content> {
        self.parsed.fetch_add(1, Ordering::Relaxed);
        let data = match src {
            SrcRef::Bytes(b) => return Ok(parse(path, b)),
            SrcRef::TooLarge(n) => return Ok(too_large(n)),
            SrcRef::Known => match id {
                Some(id) => match git::read_blob(self.store.repo_root(), id)? {
                    Some(data) => {
                        self.from_objects.fetch_add(1, Ordering::Relaxed);
                        data
                    }
                    None => {
                        self.from_disk.fetch_add(1, Ordering::Relaxed);
                        match read_disk(self.store, path)? {
                            Ok(data) => data,
                            Err(n) => return Ok(too_large(n)),
                        }
                    }
                },
                None => {
                    self.from_disk.fetch_add(1, Ordering::Relaxed);
                    match read_disk(self.store, path)? {
                        Ok(data) => data,
                        Err(n) => return Ok(too_large(n)),
                    }
                }
            },
        };
        Ok(parse(path, &data))
    }

    /// Every entry of every folder, sorted by path.
    pub fn all_entries(&self) -> Result<Vec<Entry>> {
        let mut all: Vec<Entry> = (0..self.folders.len())
            .into_par_iter()
            .map(|i| self.entries(i))
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        all.par_sort_unstable_by(|a, b| a.path.cmp(&b.path));
        Ok(all)
    }

    fn derived_key<T: Derived>(&self, folders: &[usize], params: &Key) -> Key {
        self.derived_key_of(T::KIND, folders, params)
    }

    fn derived_key_of(&self, kind: u8, folders: &[usize], params: &Key) -> Key {
        let mut h = KeyHasher::new("derived");
        h.part(&[kind]).key(params);
        for &f in folders {
            h.part(self.folders[f].name.as_bytes())
                .key(&self.folders[f].key);
        }
        h.finish()
    }

    fn lookup<T: Derived>(&self, list: &[cache::DerivedRec], key: &Key) -> Option<T> {
        let bytes = self.lookup_bytes(T::KIND, list, key)?;
        postcard::from_bytes(&bytes).ok()
    }

    fn lookup_bytes(&self, kind: u8, list: &[cache::DerivedRec], key: &Key) -> Option<Vec<u8>> {
        let rec = list.iter().find(|d| d.kind == kind && &d.key == key)?;
        self.data.as_ref()?.read(rec.seg)
    }

    /// The result `compute` derives from the folders `folders` (the first one files it) with
    /// `params`: the cached one when these folders' contents and `params` are the same as when
    /// it was computed.
    pub fn derived<T: Derived>(
        &self,
        folders: &[usize],
        params: &Key,
        compute: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        self.derived_filed(
            T::KIND,
            folders,
            params,
            compute,
            |value| postcard::to_allocvec(value).ok(),
            |bytes| postcard::from_bytes(bytes).ok(),
        )
    }

    /// [`Scan::derived`] for a result the cache keeps in a form of its own, numbered `kind`
    /// (distinct from every [`Derived::KIND`]): `file` encodes it (`None`: not kept) and `open`
    /// reads back what the caller needs of it (`None`: unreadable, computed again). A
    /// customer's metric facts are kept filed by week, so that a report decodes only the weeks
    /// it covers.
    pub fn derived_filed<T>(
        &self,
        kind: u8,
        folders: &[usize],
        params: &Key,
        compute: impl FnOnce() -> Result<T>,
        file: impl FnOnce(&T) -> Option<Vec<u8>>,
        open: impl FnOnce(&[u8]) -> Option<T>,
    ) -> Result<T> {
        let key = self.derived_key_of(kind, folders, params);
        let primary = folders[0];
        if self.use_cache
            && let (Some(old), Some(at)) = (&self.old, self.folders[primary].old)
            && let Some(bytes) = self.lookup_bytes(kind, &old.folders[at].derived, &key)
            && let Some(value) = open(&bytes)
        {
            return Ok(value);
        }
        let value = compute()?;
        if self.use_cache
            && let Some(bytes) = file(&value)
        {
            self.remember_bytes(Some(primary), kind, key, bytes);
        }
        Ok(value)
    }

    /// A result derived from the whole store with `params` (its key covers every folder).
    pub fn derived_global<T: Derived>(
        &self,
        params: &Key,
        compute: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        let all: Vec<usize> = (0..self.folders.len()).collect();
        let key = self.derived_key::<T>(&all, params);
        if self.use_cache
            && let Some(old) = &self.old
            && let Some(value) = self.lookup::<T>(&old.global, &key)
        {
            return Ok(value);
        }
        let value = compute()?;
        self.remember_key(None, key, &value);
        Ok(value)
    }

    /// A result that depends on `params` alone (not on the folders), kept apart from the
    /// index of every file (see `cache::read_apart`): for what git's index decides, which git
    /// rewrites for reasons of its own; the cached one when `params` are the same as when it
    /// was computed.
    pub fn derived_apart<T: Derived>(
        &self,
        params: &Key,
        compute: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        let dir = self.dir.as_deref().filter(|_| self.use_cache);
        if let Some(dir) = dir
            && let Some(bytes) = cache::read_apart(dir, &self.stamp, T::KIND, params)
            && let Ok(value) = postcard::from_bytes(&bytes)
        {
            return Ok(value);
        }
        let value = compute()?;
        if let Some(dir) = dir
            && let Ok(bytes) = postcard::to_allocvec(&value)
        {
            // A cache that cannot be written only costs speed.
            let _ = cache::write_apart(dir, &self.stamp, T::KIND, params, &bytes);
        }
        Ok(value)
    }

    /// The cached result for `folders` and `params`, if the cache has it (nothing is computed).
    pub fn cached<T: Derived>(&self, folders: &[usize], params: &Key) -> Option<T> {
        if !self.use_cache {
            return None;
        }
        let key = self.derived_key::<T>(folders, params);
        let at = self.folders[*folders.first()?].old?;
        self.lookup::<T>(&self.old.as_ref()?.folders[at].derived, &key)
    }

    /// Files `value` as the result for the folder `folder` and `params` (one computed beside
    /// another result, to be found by [`Scan::cached`] or [`Scan::derived`] later).
    pub fn remember<T: Derived>(&self, folder: usize, params: &Key, value: &T) {
        let key = self.derived_key::<T>(&[folder], params);
        self.remember_key(Some(folder), key, value);
    }

    fn remember_key<T: Derived>(&self, folder: Option<usize>, key: Key, value: &T) {
        if !self.use_cache {
            return;
        }
        if let Ok(bytes) = postcard::to_allocvec(value) {
            self.remember_bytes(folder, T::KIND, key, bytes);
        }
    }

    fn remember_bytes(&self, folder: Option<usize>, kind: u8, key: Key, bytes: Vec<u8>) {
        let source = self.keep(bytes);
        self.derived
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((folder, kind, key, source));
    }

    /// Writes what this scan learnt into the cache (when anything is new). A cache that cannot
    /// be written only costs speed, so failures are ignored.
    pub fn save(self) {
        // The reading is done: the pages the read handles mapped need not be counted through
        // the work that follows (a cold `metrics` peaks after this).
        crate::git::release_read_handles();
        let _ = self.try_save();
    }

    fn try_save(self) -> std::io::Result<bool> {
        let records = self.records.into_inner().unwrap_or_else(|e| e.into_inner());
        let derived = self.derived.into_inner().unwrap_or_else(|e| e.into_inner());
        if !self.use_cache || (!self.changed && records.is_empty() && derived.is_empty()) {
            return Ok(false);
        }
        let Some(dir) = &self.dir else {
            return Ok(false);
        };
        let mut records = records;
        let mut by_folder: HashMap<usize, Vec<(u8, Key, SegSource)>> = HashMap::new();
        let mut global_new = Vec::new();
        for (folder, kind, key, bytes) in derived {
            match folder {
                Some(f) => by_folder.entry(f).or_default().push((kind, key, bytes)),
                None => global_new.push((kind, key, bytes)),
            }
        }
        let old = self.old.as_ref();
        let merge = |new: Vec<(u8, Key, SegSource)>, old: &[cache::DerivedRec]| {
            let mut list: Vec<(u8, Key, SegSource)> = Vec::new();
            for (kind, key, source) in new {
                if !list.iter().any(|(k, kk, _)| *k == kind && *kk == key) {
                    list.push((kind, key, source));
                }
            }
            for d in old {
                let same_kind = list.iter().filter(|(k, _, _)| *k == d.kind).count();
                if same_kind < KEEP_PER_KIND
                    && !list.iter().any(|(k, kk, _)| *k == d.kind && *kk == d.key)
                {
                    list.push((d.kind, d.key, SegSource::Old(d.seg)));
                }
            }
            list
        };
        let mut folders = Vec::with_capacity(self.folders.len());
        for (i, f) in self.folders.iter().enumerate() {
            let rec = f.old.and_then(|at| old.map(|o| &o.folders[at]));
            let files = match &f.files {
                Files::Old => old
                    .zip(rec)
                    .map(|(o, r)| o.files_bytes(r).to_vec())
                    .unwrap_or_default(),
                Files::Fresh { subdirs, files } => {
                    let index: HashMap<&str, u16> = subdirs
                        .iter()
                        .enumerate()
                        .map(|(k, (s, _))| (s.as_str(), k as u16))
                        .collect();
                    cache::encode_files(
                        subdirs,
                        files.iter().map(|file| {
                            let (sub, name) = match file.name.rsplit_once('/') {
                                Some((dir, name)) => (index.get(dir).copied().unwrap_or(TOP), name),
                                None => (TOP, file.name.as_str()),
                            };
                            (
                                sub,
                                name,
                                kind_byte(file.kind),
                                file.digest,
                                file.id.unwrap_or([0; 20]),
                            )
                        }),
                    )
                }
            };
            let records = match records.remove(&i) {
                Some(source) => Some(source),
                None => rec.and_then(|r| r.records).map(SegSource::Old),
            };
            folders.push(NewFolder {
                name: f.name.clone(),
                key: f.key,
                dir_digest: f.dir_digest,
                records,
                derived: merge(
                    by_folder.remove(&i).unwrap_or_default(),
                    rec.map_or(&[][..], |r| &r.derived),
                ),
                files,
            });
        }
        let new = NewIndex {
            customers_digest: self.customers_digest,
            fsmonitor_token: self.fsmonitor_token,
            folders,
            global: merge(global_new, old.map_or(&[][..], |o| &o.global)),
        };
        let spill = self.spill.into_inner().flatten();
        cache::save(dir, &self.stamp, old, self.data.as_ref(), spill, new)
    }
}

/// The customer folders a `core.fsmonitor` answer names.
#[derive(Debug, Default)]
struct Monitored {
    folders: std::collections::HashSet<String>,
    /// A file directly under `customers/` changed.
    top: bool,
}

impl Monitored {
    /// Sorts the hook's paths (relative to the work tree's root) into the folders under
    /// `customers` (the repository path of `customers/`) they fall in; other paths do not
    /// matter to a scan. `customers/` itself is not trusted to the hook: the scan compares its
    /// stat data whatever the hook says.
    fn of(customers: &str, paths: Vec<String>) -> Monitored {
        let prefix = format!("{}/", customers.trim_end_matches('/'));
        let mut out = Monitored::default();
        for path in paths {
            let Some(within) = path.strip_prefix(&prefix) else {
                continue;
            };
            match within.split_once('/') {
                Some((folder, _)) => {
                    out.folders.insert(folder.to_string());
                }
                None if within.is_empty() => {}
                None => {
                    // A file directly under `customers/`, or a folder named without its slash.
                    out.top = true;
                    out.folders.insert(within.to_string());
                }
            }
        }
        out
    }

    fn changed(&self, folder: &str) -> bool {
        if folder.is_empty() {
            self.top
        } else {
            self.folders.contains(folder)
        }
    }
}

/// Where the bytes of a file come from when the cache does not have its parse result.
#[derive(Clone, Copy)]
enum SrcRef<'a> {
    Known,
    Bytes(&'a [u8]),
    TooLarge(u64),
}

fn fresh_file(folder: &Folder, i: usize) -> &FileInfo {
    match &folder.files {
        Files::Fresh { files, .. } => &files[i],
        Files::Old => unreachable!("only listed folders have pending files"),
    }
}

fn fresh_file_mut(folder: &mut Folder, i: usize) -> &mut FileInfo {
    match &mut folder.files {
        Files::Fresh { files, .. } => &mut files[i],
        Files::Old => unreachable!("only listed folders have pending files"),
    }
}

/// Opens the sub-folders of a table in order (parents come first) and checks their digests.
fn open_subdirs(top: &ScanDir, table: &FolderFiles) -> Option<Vec<ScanDir>> {
    let mut opened: Vec<ScanDir> = Vec::with_capacity(table.subdirs.len());
    for (k, (path, digest)) in table.subdirs.iter().enumerate() {
        if *digest == 0 {
            return None;
        }
        let (parent, name) = match path.rsplit_once('/') {
            Some((parent, name)) => {
                let p = table.subdirs[..k].iter().position(|(s, _)| s == &parent)?;
                (Some(p), name)
            }
            None => (None, *path),
        };
        let dir = match parent {
            Some(p) => opened[p].open(name),
            None => top.open(name),
        }
        .ok()??;
        if dir.own_stat().ok()?.digest != *digest {
            return None;
        }
        opened.push(dir);
    }
    Some(opened)
}

/// A file's bytes, or its size when it is larger than any record may be (never read).
type Disk = std::result::Result<Vec<u8>, u64>;

/// Reads a work-tree file without following a link; a file larger than any record may be is not
/// read.
pub(super) fn read_disk(store: &Store, rel: &str) -> Result<Disk> {
    match fs::read_limited(store.root(), rel, yaml::MAX_RECORD_BYTES as u64) {
        Ok(data) => Ok(Ok(data)),
        Err(fs::ReadError::TooLarge(size)) => Ok(Err(size)),
        Err(fs::ReadError::Other(e)) => Err(e),
    }
}

/// The parse results the cache holds for a folder of the work tree, by file (within the folder)
/// and blob id: what loading a revision reuses.
pub(super) struct Chunks {
    index: Index,
    data: Data,
}

impl Chunks {
    /// The cache of `store`'s repository, when there is a valid one.
    pub(super) fn open(store: &Store) -> Option<Chunks> {
        let prefix = store.git_path("");
        let stamp = cache::stamp(prefix.trim_end_matches('/'));
        let dir = cache::dir(store.repo_root())?;
        let index = Index::read(&dir, &stamp)?;
        let data = Data::open(&dir, index.generation)?;
        Some(Chunks { index, data })
    }

    /// The cached `(file, id, content)` of folder `name`, sorted by file.
    pub(super) fn folder(&self, name: &str) -> codec::Chunk {
        self.index
            .folder(name)
            .and_then(|at| self.index.folders[at].records)
            .and_then(|seg| self.data.read(seg))
            .and_then(|bytes| codec::decode_chunk(&bytes))
            .unwrap_or_default()
    }
}

/// The raw blob id, from hex.
pub(super) fn id_raw(text: &str) -> Option<[u8; 20]> {
    unhex(text)
}

#[cfg(test)]
mod hex_tests {
    use super::unhex;
    use crate::model::text::hex;

    proptest::proptest! {
        #[test]
        fn blob_ids_read_back_from_their_hex_as_git_writes_it(id in proptest::array::uniform20(0u8..)) {
            let text = hex(&id);
            let plain: String = id.iter().map(|b| format!("{b:02x}")).collect();
            proptest::prop_assert_eq!(&text, &plain);
            proptest::prop_assert_eq!(unhex(&text), Some(id));
            proptest::prop_assert_eq!(unhex(&text.to_uppercase()), Some(id));
        }
    }

    #[test]
    fn what_is_not_forty_hex_digits_is_no_id() {
        for text in [
            "",
            "abc",
            &"0".repeat(39),
            &"0".repeat(41),
            &format!("+{}", "0".repeat(39)),
            &"g".repeat(40),
        ] {
            assert_eq!(unhex(text), None, "{text}");
        }
    }
}
