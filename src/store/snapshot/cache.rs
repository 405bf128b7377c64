//! The cache files, in `<git dir>/gitcrm/snapshot/`:
//!
//! - `index.bin`: what the last scan saw, folder by folder: each customer folder's name, content
//!   key, the stat digests of its folders and files (as git's index keeps stat data, so an
//!   unchanged file is recognised without reading it), each file's blob id, and where the
//!   folder's parsed records and derived results are. Rewritten (atomically) when something
//!   changed; read whole (it is about 60 bytes per file) and checked by a checksum.
//! - `data-<generation>.bin`: segments (a folder's parsed records, a derived result), each with
//!   its length and checksum, only ever appended to. When more than half of it is no longer
//!   referenced, the next writer copies the live segments into the next generation.
//! - `apart-<kind>.bin`: a result that depends on something besides the folders and changes
//!   far more often than they do (the `unmerged` check, from git's index), with its key; replaced
//!   atomically when its key changes, so that renewing it does not rewrite `index.bin`.
//! - `lock`: taken (without waiting) by a writer; a command that finds it taken skips writing.
//!
//! Nothing here can change a result: every read is bounds-checked and checksummed, and anything
//! that does not read back is a miss.

use std::ffi::CStr;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::bin::{In, Key, Out, checked_body, checksum};
use crate::store::fs;

const MAGIC: &[u8; 8] = b"GCRMSNP2";
/// Bumped whenever the layout of these files or of what they hold changes.
const FORMAT: u32 = 4;
const INDEX: &str = "index.bin";
/// Far above any real `index.bin` (165 MB for 2.5 million files): only a bound on what a
/// damaged file could make a run read.
const MAX_INDEX_BYTES: u64 = 16 << 30;
const LOCK: &str = "lock";
/// Compaction starts when the data file holds this much more than the live segments.
const SLACK: u64 = 8 << 20;
/// A spill file left by a killed command is removed by a writer once it is this old.
const STALE_SPILL: std::time::Duration = std::time::Duration::from_secs(3600);

/// Where the cache of the repository at `repo_root` lives.
pub(super) fn dir(repo_root: &Path) -> Option<PathBuf> {
    crate::git::git_dir(repo_root)
        .ok()
        .map(|d| d.join("gitcrm").join("snapshot"))
}

/// What a valid cache must say it is: this tool's version and format, for this store folder.
pub(super) fn stamp(store_prefix: &str) -> String {
    format!(
        "git-crm {} snapshot {FORMAT} store `{store_prefix}`",
        env!("CARGO_PKG_VERSION")
    )
}

/// A result kept apart from the index, in a small file of its own per kind
/// (`apart-<kind>.bin`: magic, stamp, key, payload, checksum). For results that depend on
/// something that changes far more often than the records (git's index, which git rewrites
/// to refresh stat data): renewing one rewrites a few bytes, not the index of every file.
const APART_MAGIC: &[u8; 8] = b"GCRMAPT1";
/// Far above any real result kept apart: only a bound on what a damaged file could make a run
/// read.
const MAX_APART_BYTES: u64 = 64 << 20;

fn apart_name(kind: u8) -> String {
    format!("apart-{kind}.bin")
}

/// The payload kept apart for `kind` under `key`; `None` when missing, damaged, from another
/// version or store, or kept under another key.
pub(super) fn read_apart(dir: &Path, stamp: &str, kind: u8, key: &Key) -> Option<Vec<u8>> {
    let buf = fs::read_limited(dir, &apart_name(kind), MAX_APART_BYTES).ok()?;
    let mut r = In::new(checked_body(&buf)?);
    let matches =
        r.take(8)? == APART_MAGIC && r.blob()? == stamp.as_bytes() && r.array::<16>()? == key.0;
    matches.then(|| r.blob().map(<[u8]>::to_vec)).flatten()
}

/// Keeps `payload` apart for `kind` under `key`, replacing what was there (atomically).
pub(super) fn write_apart(
    dir: &Path,
    stamp: &str,
    kind: u8,
    key: &Key,
    payload: &[u8],
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut out = Out::default();
    out.bytes(APART_MAGIC);
    out.blob(stamp.as_bytes());
    out.bytes(&key.0);
    out.blob(payload);
    out.seal();
    crate::store::atomic::write(&dir.join(apart_name(kind)), &out.0)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// A segment of the data file: where its header starts and its payload's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seg {
    pub off: u64,
    pub len: u32,
}

/// A derived result filed for a folder (or for the whole store).
#[derive(Debug, Clone, Copy)]
pub(super) struct DerivedRec {
    pub kind: u8,
    pub key: Key,
    pub seg: Seg,
}

/// One folder of `index.bin`.
#[derive(Debug, Clone)]
pub(super) struct FolderRec {
    pub name: String,
    pub key: Key,
    pub dir_digest: u64,
    pub records: Option<Seg>,
    pub derived: Vec<DerivedRec>,
    /// The byte range of its file table in the index buffer.
    files: (usize, usize),
}

/// One file of a folder's table.
#[derive(Debug, Clone, Copy)]
pub(super) struct FileRec<'a> {
    /// Index into the folder's sub-folders, or [`TOP`] for a file directly in the folder.
    pub sub: u16,
    /// The name within its folder, as a C string for the system calls.
    pub name: &'a CStr,
    pub kind: u8,
    /// Stat digest; 0 when it was racy (changed too close to the scan to trust).
    pub digest: u64,
    /// Blob id; all zeros when unknown (a file whose content nothing reads).
    pub id: [u8; 20],
}

/// [`FileRec::sub`] of a file directly in the folder.
pub(super) const TOP: u16 = u16::MAX;

/// A folder's file table: its sub-folders (paths within the folder, parents first) with their
/// stat digests, and its files sorted by path within the folder.
pub(super) struct FolderFiles<'a> {
    pub subdirs: Vec<(&'a str, u64)>,
    pub files: Vec<FileRec<'a>>,
}

/// `index.bin`, read.
pub(super) struct Index {
    buf: Vec<u8>,
    /// Incremented by every write: a writer that finds another number than it read skips.
    pub seq: u64,
    pub generation: u64,
    /// Stat digest of `customers/` itself (0: racy, not trusted).
    pub customers_digest: u64,
    /// The `core.fsmonitor` hook's token from the start of the scan these tables describe
    /// (empty: none); see [`crate::git::fsmonitor`].
    pub fsmonitor_token: String,
    pub folders: Vec<FolderRec>,
    pub global: Vec<DerivedRec>,
}

impl Index {
    /// Reads `index.bin`; `None` when missing, damaged or from another version or store.
    pub fn read(dir: &Path, stamp: &str) -> Option<Index> {
        // Through the store's reader: a link or a FIFO put there is refused, not followed or
        // waited on.
        let buf = fs::read_limited(dir, INDEX, MAX_INDEX_BYTES).ok()?;
        Self::parse(buf, stamp)
    }

    fn parse(buf: Vec<u8>, stamp: &str) -> Option<Index> {
        let mut r = In::new(checked_body(&buf)?);
        if r.take(8)? != MAGIC || r.blob()? != stamp.as_bytes() {
            return None;
        }
        let seq = r.u64()?;
        let generation = r.u64()?;
        let customers_digest = r.u64()?;
        let fsmonitor_token = std::str::from_utf8(r.blob()?).ok()?.to_string();
        let global = derived_list(&mut r)?;
        let count = r.u32()? as usize;
        let mut folders = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let name = r.name()?.to_string();
            let key = Key(r.array()?);
            let dir_digest = r.u64()?;
            let records = seg_opt(&mut r)?;
            let derived = derived_list(&mut r)?;
            let len = r.u32()? as usize;
            let start = r.pos();
            r.take(len)?;
            folders.push(FolderRec {
                name,
                key,
                dir_digest,
                records,
                derived,
                files: (start, start + len),
            });
        }
        if !folders.windows(2).all(|w| w[0].name < w[1].name) {
            return None;
        }
        Some(Index {
            seq,
            generation,
            customers_digest,
            fsmonitor_token,
            folders,
            global,
            buf,
        })
    }

    /// The raw bytes of a folder's file table (copied as they are into the next index).
    pub fn files_bytes(&self, f: &FolderRec) -> &[u8] {
        &self.buf[f.files.0..f.files.1]
    }

    /// A folder's file table, decoded; `None` when damaged.
    pub fn files(&self, f: &FolderRec) -> Option<FolderFiles<'_>> {
        decode_files(self.files_bytes(f))
    }

    /// The folder named `name`, by binary search.
    pub fn folder(&self, name: &str) -> Option<usize> {
        self.folders
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()
    }
}

fn seg_opt(r: &mut In) -> Option<Option<Seg>> {
    let off = r.u64()?;
    let len = r.u32()?;
    Some((off != u64::MAX).then_some(Seg { off, len }))
}

fn derived_list(r: &mut In) -> Option<Vec<DerivedRec>> {
    let n = r.u16()? as usize;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = r.u8()?;
        let key = Key(r.array()?);
        let seg = seg_opt(r)??;
        out.push(DerivedRec { kind, key, seg });
    }
    Some(out)
}

fn decode_files(bytes: &[u8]) -> Option<FolderFiles<'_>> {
    let mut r = In::new(bytes);
    let n = r.u16()? as usize;
    let mut subdirs = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.name()?;
        subdirs.push((name, r.u64()?));
    }
    let n = r.u32()? as usize;
    let mut files = Vec::with_capacity(n.min(bytes.len() / 16));
    for _ in 0..n {
        let sub = r.u16()?;
        if sub != TOP && usize::from(sub) >= subdirs.len() {
            return None;
        }
        files.push(FileRec {
            sub,
            name: r.cname()?,
            kind: r.u8()?,
            digest: r.u64()?,
            id: r.array()?,
        });
    }
    Some(FolderFiles { subdirs, files })
}

/// Encodes a folder's file table (see [`FolderFiles`]).
pub(super) fn encode_files<'a>(
    subdirs: &[(String, u64)],
    files: impl ExactSizeIterator<Item = (u16, &'a str, u8, u64, [u8; 20])>,
) -> Vec<u8> {
    let mut out = Out::default();
    out.u16(subdirs.len() as u16);
    for (name, digest) in subdirs {
        out.name(name);
        out.u64(*digest);
    }
    out.u32(files.len() as u32);
    for (sub, name, kind, digest, id) in files {
        out.u16(sub);
        out.name(name);
        out.u8(kind);
        out.u64(digest);
        out.bytes(&id);
    }
    out.0
}

/// A segment to write: one the data file already has, new bytes, or new bytes this command
/// put in its [`Spill`] file.
#[derive(Clone)]
pub(super) enum SegSource {
    Old(Seg),
    New(Vec<u8>),
    Spilled(Seg),
}

/// A folder of the index to write.
pub(super) struct NewFolder {
    pub name: String,
    pub key: Key,
    pub dir_digest: u64,
    pub records: Option<SegSource>,
    pub derived: Vec<(u8, Key, SegSource)>,
    pub files: Vec<u8>,
}

/// Everything the next `index.bin` holds.
pub(super) struct NewIndex {
    pub customers_digest: u64,
    pub fsmonitor_token: String,
    pub folders: Vec<NewFolder>,
    pub global: Vec<(u8, Key, SegSource)>,
}

/// The data file of a generation, opened for reading segments.
pub(super) struct Data {
    file: File,
}

fn data_name(generation: u64) -> String {
    format!("data-{generation}.bin")
}

fn data_path(dir: &Path, generation: u64) -> PathBuf {
    dir.join(data_name(generation))
}

impl Data {
    pub fn open(dir: &Path, generation: u64) -> Option<Data> {
        fs::open_read(dir, &data_name(generation))
            .ok()
            .map(|file| Data { file })
    }

    /// The payload of a segment; `None` when it does not read back intact.
    pub fn read(&self, seg: Seg) -> Option<Vec<u8>> {
        read_segment(&self.file, seg)
    }
}

fn read_segment(file: &File, seg: Seg) -> Option<Vec<u8>> {
    let mut head = [0u8; 12];
    file.read_exact_at(&mut head, seg.off).ok()?;
    let mut r = In::new(&head);
    if r.u32()? != seg.len {
        return None;
    }
    let sum = r.u64()?;
    let mut payload = vec![0u8; seg.len as usize];
    file.read_exact_at(&mut payload, seg.off + 12).ok()?;
    (checksum(&payload) == sum).then_some(payload)
}

/// The segments a command computes (folders' parsed records, derived results), written to a
/// file of its own as they are made instead of being held in memory until the cache is saved:
/// a cold run over 2,000,000 records would otherwise hold all of them. The file has the data
/// file's layout, so a writer that starts a new generation renames it to be that generation's
/// data file (nothing is copied); a writer that appends to the current one copies the few new
/// segments over. Removed when dropped unless it became a data file.
pub(super) struct Spill {
    path: PathBuf,
    file: File,
    /// Where the next segment goes (reserved under the lock, written outside it).
    end: Mutex<u64>,
    persisted: bool,
}

impl Spill {
    /// A new spill file in the cache folder `dir` (created when missing); `None` when it
    /// cannot be created (the caller keeps its segments in memory).
    pub fn create(dir: &Path) -> Option<Spill> {
        std::fs::create_dir_all(dir).ok()?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = dir.join(format!("spill-{}-{nanos}.tmp", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .ok()?;
        Some(Spill {
            path,
            file,
            end: Mutex::new(0),
            persisted: false,
        })
    }

    /// Writes `payload` as a segment; `None` when the write fails.
    pub fn put(&self, payload: &[u8]) -> Option<Seg> {
        let bytes = segment_bytes(payload);
        let off = {
            let mut end = self.end.lock().unwrap_or_else(|e| e.into_inner());
            let off = *end;
            *end += bytes.len() as u64;
            off
        };
        self.file.write_all_at(&bytes, off).ok()?;
        Some(Seg {
            off,
            len: payload.len() as u32,
        })
    }

    /// A segment written by [`Spill::put`].
    pub fn read(&self, seg: Seg) -> Option<Vec<u8>> {
        read_segment(&self.file, seg)
    }

    fn len(&self) -> u64 {
        *self.end.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl SegSource {
    /// The payload, from wherever it is.
    pub fn bytes(&self, data: Option<&Data>, spill: Option<&Spill>) -> Option<Vec<u8>> {
        match self {
            SegSource::New(bytes) => Some(bytes.clone()),
            SegSource::Old(seg) => data?.read(*seg),
            SegSource::Spilled(seg) => spill?.read(*seg),
        }
    }
}

/// Puts segments into the data file being written.
struct Placer<'a> {
    file: std::io::BufWriter<File>,
    /// Where the next segment starts.
    end: u64,
    /// Old segments are copied (a new generation) rather than referenced.
    copy: bool,
    old_data: Option<&'a Data>,
    spill: Option<&'a Spill>,
    /// The file written is the spill file itself: its segments stay where they are.
    on_spill: bool,
}

impl Placer<'_> {
    /// Where `source` is in the data file being written; `None` for an old segment that no
    /// longer reads back (dropped).
    fn place(&mut self, source: SegSource) -> std::io::Result<Option<Seg>> {
        use std::io::Write;
        let payload = match source {
            SegSource::New(bytes) => bytes,
            SegSource::Old(seg) if self.copy => match self.old_data.and_then(|d| d.read(seg)) {
                Some(bytes) => bytes,
                None => return Ok(None),
            },
            SegSource::Old(seg) => return Ok(Some(seg)),
            SegSource::Spilled(seg) if self.on_spill => return Ok(Some(seg)),
            SegSource::Spilled(seg) => match self.spill.and_then(|s| s.read(seg)) {
                Some(bytes) => bytes,
                None => return Ok(None),
            },
        };
        let bytes = segment_bytes(&payload);
        self.file.write_all(&bytes)?;
        let seg = Seg {
            off: self.end,
            len: payload.len() as u32,
        };
        self.end += bytes.len() as u64;
        Ok(Some(seg))
    }

    /// Writes a list of derived results (placing their segments).
    fn derived(&mut self, out: &mut Out, list: Vec<(u8, Key, SegSource)>) -> std::io::Result<()> {
        let mut placed = Vec::new();
        for (kind, key, source) in list {
            if let Some(seg) = self.place(source)? {
                placed.push((kind, key, seg));
            }
        }
        out.u16(placed.len() as u16);
        for (kind, key, seg) in placed {
            out.u8(kind);
            out.bytes(&key.0);
            out.u64(seg.off);
            out.u32(seg.len);
        }
        Ok(())
    }
}

fn segment_bytes(payload: &[u8]) -> Vec<u8> {
    let mut out = Out::default();
    out.u32(payload.len() as u32);
    out.u64(checksum(payload));
    out.bytes(payload);
    out.0
}

/// Writes the next cache: appends the new segments to the data file (or copies the live ones
/// into a new generation when most of it is dead, after the segments of `spill`, which becomes
/// that generation's file), then replaces `index.bin`. Skipped (without an error: the cache only
/// costs or saves time) when another writer holds the lock, or wrote since `old` was read.
pub(super) fn save(
    dir: &Path,
    stamp: &str,
    old: Option<&Index>,
    old_data: Option<&Data>,
    mut spill: Option<Spill>,
    new: NewIndex,
) -> std::io::Result<bool> {
    std::fs::create_dir_all(dir)?;
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK))?;
    if rustix::fs::flock(&lock, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_err() {
        return Ok(false);
    }
    let current = Index::read(dir, stamp);
    if current.as_ref().map(|i| i.seq) != old.map(|i| i.seq) {
        return Ok(false);
    }
    // Live bytes: the old segments still referenced.
    let olds = |n: &NewIndex| -> Vec<Seg> {
        let mut v = Vec::new();
        let mut add = |s: &SegSource| {
            if let SegSource::Old(seg) = s {
                v.push(*seg);
            }
        };
        for f in &n.folders {
            if let Some(r) = &f.records {
                add(r);
            }
            for (_, _, s) in &f.derived {
                add(s);
            }
        }
        for (_, _, s) in &n.global {
            add(s);
        }
        v
    };
    let live: u64 = olds(&new).iter().map(|s| u64::from(s.len) + 12).sum();
    let (generation, mut file, end, copy) = match (old, old_data) {
        (Some(old), Some(_)) => {
            let path = data_path(dir, old.generation);
            let size = std::fs::metadata(&path)
                .map(|m| m.len())
                .unwrap_or(u64::MAX);
            if size == u64::MAX || size > 2 * live + SLACK {
                (old.generation + 1, None, 0, true)
            } else {
                let file = File::options().append(true).open(&path)?;
                (old.generation, Some(file), size, false)
            }
        }
        (Some(old), None) => (old.generation + 1, None, 0, true),
        (None, _) => (1, None, 0, true),
    };
    remove_stale_spills(dir, spill.as_ref());
    let on_spill = copy && spill.is_some();
    let mut end = end;
    if let (true, Some(spill)) = (on_spill, &spill) {
        end = spill.len();
        file = Some(File::options().append(true).open(&spill.path)?);
    }
    if file.is_none() {
        let path = data_path(dir, generation);
        file = Some(
            File::options()
                .create(true)
                .write(true)
                .truncate(true)
                .open(&path)?,
        );
    }
    let mut placer = Placer {
        file: std::io::BufWriter::with_capacity(1 << 20, file.expect("opened above")),
        end,
        copy,
        old_data,
        spill: spill.as_ref(),
        on_spill,
    };
    let mut out = Out::default();
    out.bytes(MAGIC);
    out.blob(stamp.as_bytes());
    out.u64(old.map_or(1, |o| o.seq + 1));
    out.u64(generation);
    out.u64(new.customers_digest);
    out.blob(new.fsmonitor_token.as_bytes());
    placer.derived(&mut out, new.global)?;
    out.u32(new.folders.len() as u32);
    for f in new.folders {
        out.name(&f.name);
        out.bytes(&f.key.0);
        out.u64(f.dir_digest);
        let records = match f.records {
            Some(source) => placer.place(source)?,
            None => None,
        };
        out.u64(records.map_or(u64::MAX, |s| s.off));
        out.u32(records.map_or(0, |s| s.len));
        placer.derived(&mut out, f.derived)?;
        out.blob(&f.files);
    }
    placer.file.into_inner().map_err(|e| e.into_error())?;
    if let (true, Some(spill)) = (on_spill, &mut spill) {
        std::fs::rename(&spill.path, data_path(dir, generation))?;
        spill.persisted = true;
    }
    out.seal();
    crate::store::atomic::write(&dir.join(INDEX), &out.0)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    if copy {
        // Older generations are garbage now (a reader that has one open keeps reading it).
        if let Ok(list) = std::fs::read_dir(dir) {
            for entry in list.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with("data-") && name != format!("data-{generation}.bin") {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
    Ok(true)
}

/// Removes the spill files of commands that were killed (untouched for an hour), except `own`.
fn remove_stale_spills(dir: &Path, own: Option<&Spill>) {
    let Ok(list) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in list.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("spill-") || own.is_some_and(|s| s.path == path) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_SPILL);
        if old {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> Key {
        Key([n; 16])
    }

    #[test]
    fn a_result_kept_apart_reads_back_only_whole_and_under_its_key() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("snapshot");
        assert_eq!(read_apart(&dir, "s", 13, &key(1)), None);
        write_apart(&dir, "s", 13, &key(1), b"payload").unwrap();
        assert_eq!(
            read_apart(&dir, "s", 13, &key(1)).as_deref(),
            Some(&b"payload"[..])
        );
        assert_eq!(read_apart(&dir, "s", 13, &key(2)), None, "another key");
        assert_eq!(
            read_apart(&dir, "other", 13, &key(1)),
            None,
            "another stamp"
        );
        assert_eq!(read_apart(&dir, "s", 14, &key(1)), None, "another kind");
        let path = dir.join(apart_name(13));
        let mut raw = std::fs::read(&path).unwrap();
        let last = raw.len() - 10;
        raw[last] ^= 1;
        std::fs::write(&path, &raw).unwrap();
        assert_eq!(read_apart(&dir, "s", 13, &key(1)), None, "damaged");
        std::fs::write(&path, &raw[..5]).unwrap();
        assert_eq!(read_apart(&dir, "s", 13, &key(1)), None, "truncated");
        write_apart(&dir, "s", 13, &key(2), b"renewed").unwrap();
        assert_eq!(
            read_apart(&dir, "s", 13, &key(2)).as_deref(),
            Some(&b"renewed"[..])
        );
    }

    fn index(folders: Vec<NewFolder>) -> NewIndex {
        NewIndex {
            customers_digest: 5,
            fsmonitor_token: "tok".into(),
            folders,
            global: vec![(9, key(9), SegSource::New(b"global".to_vec()))],
        }
    }

    fn folder(name: &str, records: Option<SegSource>) -> NewFolder {
        NewFolder {
            name: name.into(),
            key: key(1),
            dir_digest: 42,
            records,
            derived: vec![(3, key(3), SegSource::New(format!("d-{name}").into_bytes()))],
            files: encode_files(
                &[("interactions".into(), 7)],
                [
                    (TOP, "customer.yaml", 0, 11, [1; 20]),
                    (0, "a.yaml", 0, 12, [2; 20]),
                ]
                .into_iter(),
            ),
        }
    }

    #[test]
    fn writes_read_back_and_damage_is_a_miss() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let stamp = stamp("");
        let new = index(vec![
            folder("acme", Some(SegSource::New(b"records of acme".to_vec()))),
            folder("globex", None),
        ]);
        assert!(save(dir, &stamp, None, None, None, new).unwrap());
        let read = Index::read(dir, &stamp).unwrap();
        assert_eq!((read.seq, read.customers_digest), (1, 5));
        assert_eq!(read.fsmonitor_token, "tok");
        let data = Data::open(dir, read.generation).unwrap();
        let acme = &read.folders[0];
        assert_eq!(
            data.read(acme.records.unwrap()).unwrap(),
            b"records of acme"
        );
        assert_eq!(data.read(acme.derived[0].seg).unwrap(), b"d-acme");
        assert_eq!(data.read(read.global[0].seg).unwrap(), b"global");
        let files = read.files(acme).unwrap();
        assert_eq!(files.subdirs, [("interactions", 7)]);
        assert_eq!(files.files[1].name.to_str().unwrap(), "a.yaml");
        assert_eq!(read.folder("globex"), Some(1));
        // Another stamp (version, store folder) is no cache.
        assert!(Index::read(dir, "other").is_none());
        // A flipped byte anywhere in the index is no cache.
        let bytes = std::fs::read(dir.join(INDEX)).unwrap();
        for at in [0, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 1;
            assert!(Index::parse(bad, &stamp).is_none(), "{at}");
        }
        // A damaged segment is a miss.
        let path = data_path(dir, read.generation);
        let mut raw = std::fs::read(&path).unwrap();
        let at = acme.records.unwrap().off as usize + 14;
        raw[at] ^= 1;
        std::fs::write(&path, raw).unwrap();
        assert!(data.read(acme.records.unwrap()).is_none());
    }

    #[test]
    fn later_writes_append_keep_old_segments_and_skip_on_a_race() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let stamp = stamp("");
        let first = index(vec![folder("acme", Some(SegSource::New(b"v1".to_vec())))]);
        save(dir, &stamp, None, None, None, first).unwrap();
        let old = Index::read(dir, &stamp).unwrap();
        let data = Data::open(dir, old.generation).unwrap();
        let kept = old.folders[0].records.unwrap();
        let second = index(vec![
            folder("acme", Some(SegSource::Old(kept))),
            folder("beta", Some(SegSource::New(b"v2".to_vec()))),
        ]);
        assert!(save(dir, &stamp, Some(&old), Some(&data), None, second).unwrap());
        let now = Index::read(dir, &stamp).unwrap();
        assert_eq!(now.seq, 2);
        let data2 = Data::open(dir, now.generation).unwrap();
        assert_eq!(data2.read(now.folders[0].records.unwrap()).unwrap(), b"v1");
        assert_eq!(data2.read(now.folders[1].records.unwrap()).unwrap(), b"v2");
        // A writer that read the first index finds the second one and skips.
        let stale = index(vec![]);
        assert!(!save(dir, &stamp, Some(&old), Some(&data), None, stale).unwrap());
        assert_eq!(Index::read(dir, &stamp).unwrap().seq, 2);
    }

    fn files_named(dir: &Path, prefix: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(prefix))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn spilled_segments_become_the_data_file_or_are_copied_and_the_spill_goes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("snapshot");
        let stamp = stamp("");
        // A new generation: the spill file is renamed to be its data file.
        let spill = Spill::create(&dir).unwrap();
        let seg = spill.put(b"records of acme").unwrap();
        assert_eq!(spill.read(seg).unwrap(), b"records of acme");
        let first = index(vec![folder("acme", Some(SegSource::Spilled(seg)))]);
        assert!(save(&dir, &stamp, None, None, Some(spill), first).unwrap());
        assert_eq!(files_named(&dir, "spill-"), Vec::<String>::new());
        let old = Index::read(&dir, &stamp).unwrap();
        let data = Data::open(&dir, old.generation).unwrap();
        let acme = old.folders[0].records.unwrap();
        assert_eq!(data.read(acme).unwrap(), b"records of acme");
        assert_eq!(data.read(old.global[0].seg).unwrap(), b"global");
        // Appending to the current generation copies the spilled segment over.
        let spill = Spill::create(&dir).unwrap();
        spill.put(b"never referenced").unwrap();
        let seg = spill.put(b"records of beta").unwrap();
        let second = index(vec![
            folder("acme", Some(SegSource::Old(acme))),
            folder("beta", Some(SegSource::Spilled(seg))),
        ]);
        assert!(save(&dir, &stamp, Some(&old), Some(&data), Some(spill), second).unwrap());
        assert_eq!(files_named(&dir, "spill-"), Vec::<String>::new());
        let now = Index::read(&dir, &stamp).unwrap();
        assert_eq!(now.generation, old.generation);
        let data = Data::open(&dir, now.generation).unwrap();
        assert_eq!(
            data.read(now.folders[0].records.unwrap()).unwrap(),
            b"records of acme"
        );
        assert_eq!(
            data.read(now.folders[1].records.unwrap()).unwrap(),
            b"records of beta"
        );
        // A writer that skips (it raced another) removes its spill file too.
        let spill = Spill::create(&dir).unwrap();
        spill.put(b"lost").unwrap();
        assert!(
            !save(
                &dir,
                &stamp,
                Some(&old),
                Some(&data),
                Some(spill),
                index(vec![])
            )
            .unwrap()
        );
        assert_eq!(files_named(&dir, "spill-"), Vec::<String>::new());
    }
}
