//! Which work-tree files still hold what the index says, told the way git tells it: by comparing
//! each file's stat data (size, times, inode) with the stat data the index recorded, without
//! reading or hashing the file. A file that matches can be read from the object database, which
//! is several times faster than opening 200,000 small files; only the few files that changed
//! (and untracked ones) are read from disk.

use std::path::Path;

use gix::bstr::ByteSlice;

use super::git_error;
use crate::error::{Error, Result};

/// Whether the repository has an index to read (`false`: none yet). An index that is not a
/// regular file (a FIFO, a link, a folder put in its place) is refused, not opened: reading a
/// FIFO would wait for a writer forever (`git status` does wait on one).
pub(super) fn has_index(repo: &gix::Repository) -> Result<bool> {
    index_is_file(&repo.index_path())
}

/// git's index, read without verifying its trailing checksum, as git reads it (only `git fsck`
/// verifies it). Hashing the whole file was half of reading it: 0.2 s of a cold scan at
/// 200,000 touchpoints, a second at 2,000,000 (a 339 MB index, SHA-1 with collision
/// detection). A damaged entry can at worst name a blob that is not there, which the caller
/// then reads from the work tree, or misreport an unmerged path as `git status` would.
pub(super) fn read_unverified(repo: &gix::Repository) -> Result<gix::index::File> {
    gix::index::File::at(
        repo.index_path(),
        repo.object_hash(),
        true,
        gix::index::decode::Options::default(),
    )
    .map_err(|e| git_error("cannot read index", e))
}

/// [`has_index`] for the index at `path`.
pub(super) fn index_is_file(path: &Path) -> Result<bool> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Ok(true),
        Ok(_) => Err(git_error(
            "cannot read index",
            format!("{} is not a regular file", path.display()),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// What kind of entry a work-tree path is (without following links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Symlink,
    /// A FIFO, socket or device: listed, never opened.
    Special,
}

/// The blob ids (raw) git's index proves for `files` (repository-relative paths with the stat
/// data the store's walker found, sorted by path bytes): `Some` where the file's stat data
/// match its entry and the entry is neither racy (modified in the second the index was written,
/// or later) nor conflicted, as `git status` decides.
/// Joins the two sorted lists in one pass over the index without copying its paths: what a
/// cold scan of 2,000,000 files can afford (each copied path costs memory).
/// `files` is taken as an iterator, each path made when it is reached: a cold scan of millions
/// of files never holds a second copy of every path.
///
/// The same read also gives the paths a merge left unmerged ([`IndexRead::unmerged`]), so
/// that a command needing both (`check`) does not decode a 250,000-entry index twice.
pub fn index_blobs<P: AsRef<[u8]>>(
    repo_root: &Path,
    files: impl IntoIterator<Item = (P, FileStat)>,
) -> Result<IndexRead> {
    let files = files.into_iter();
    let (lower, upper) = files.size_hint();
    let mut out = Vec::with_capacity(upper.unwrap_or(lower));
    let repo = super::config::settings(repo_root)?;
    let before = digest_at(&repo.index_path());
    if !has_index(&repo)? {
        out.extend(files.map(|_| None));
        let unmerged = (before == 0).then_some(UnmergedRead {
            digest: 0,
            paths: Vec::new(),
        });
        return Ok(IndexRead { ids: out, unmerged });
    }
    let index = read_unverified(&repo)?;
    let written = index.timestamp().unix_seconds();
    let entries = index.entries();
    let mut at = 0;
    for (path, stat) in files {
        let path = path.as_ref();
        while at < entries.len() && entries[at].path(&index).as_bytes() < path {
            at += 1;
        }
        let mut found = None;
        let mut conflicted = false;
        let mut k = at;
        while k < entries.len() && entries[k].path(&index).as_bytes() == path {
            let entry = &entries[k];
            if entry.stage_raw() != 0 {
                conflicted = true;
            } else if entry.mode == gix::index::entry::Mode::FILE
                || entry.mode == gix::index::entry::Mode::FILE_EXECUTABLE
            {
                found = Some(entry);
            }
            k += 1;
        }
        let proven = found.filter(|entry| {
            !conflicted && stat.matches(&entry.stat) && i64::from(entry.stat.mtime.secs) < written
        });
        out.push(proven.map(|entry| {
            let mut id = [0u8; 20];
            id.copy_from_slice(entry.id.as_bytes());
            id
        }));
    }
    // Kept only when the file read is the one stat saw: an index rewritten in between
    // (`git add` in another terminal) may not be what a later digest stands for.
    let unmerged = (before != 0 && digest_at(&repo.index_path()) == before).then(|| UnmergedRead {
        digest: before,
        paths: unmerged_of(&index),
    });
    Ok(IndexRead { ids: out, unmerged })
}

/// What [`index_blobs`] read from git's index.
#[derive(Debug)]
pub struct IndexRead {
    /// For each file asked about, in order, the blob id the index proves for it.
    pub ids: Vec<Option<[u8; 20]>>,
    /// The unmerged paths of the whole index; `None` when the index changed while it was read.
    pub unmerged: Option<UnmergedRead>,
}

/// The unmerged paths of git's index as one read found them, with the digest
/// ([`index_file_digest`]) of the index file they were read from: they stand for the index
/// while its digest is the same.
#[derive(Debug, Clone)]
pub struct UnmergedRead {
    pub digest: u64,
    pub paths: Vec<Unmerged>,
}

/// The stat fields git compares by default (`core.trustctime` on, `core.checkStat=default`,
/// whole seconds). The store's walker fills it in; it is compared truncated to 32 bits, as the
/// index stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat {
    pub mtime: i64,
    pub ctime: i64,
    pub size: u64,
    pub ino: u64,
    pub uid: u32,
    pub gid: u32,
}

impl FileStat {
    /// What `gix::index::entry::Stat::matches` decides with git's default options.
    fn matches(&self, entry: &gix::index::entry::Stat) -> bool {
        entry.mtime.secs == self.mtime as u32
            && entry.ctime.secs == self.ctime as u32
            && entry.size == self.size as u32
            && entry.ino == self.ino as u32
            && entry.uid == self.uid
            && entry.gid == self.gid
    }
}

/// A digest standing for the content of git's index file (0 when there is none), so that
/// results read from the index can be filed under it: the checksum git writes at its end (a
/// SHA-1 of everything before it), or, when git wrote none (`index.skipHash`, which
/// `feature.manyFiles` turns on), the file's stat data (a rewritten index has a new inode or
/// time). git rewrites the index for reasons of its own with the same content (`git checkout
/// -- <file>` of an unchanged file does, on every call): the checksum stays, and with it what
/// was filed.
pub fn index_file_digest(repo_root: &Path) -> u64 {
    match super::config::settings(repo_root) {
        Ok(repo) => digest_at(&repo.index_path()),
        Err(_) => 0,
    }
}

/// [`index_file_digest`] of the index file at `path`.
fn digest_at(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    let fields = match trailing_checksum(path, &meta) {
        Some((len, sum)) => {
            let word =
                |at: usize| u64::from_le_bytes(sum[at..at + 8].try_into().unwrap_or_default());
            vec![1, len, word(0), word(8), word(12)]
        }
        None => vec![
            2,
            meta.ino(),
            meta.dev(),
            meta.size(),
            meta.mtime() as u64,
            meta.mtime_nsec() as u64,
            meta.ctime() as u64,
            meta.ctime_nsec() as u64,
        ],
    };
    let mut h: u64 = 0x6a09_e667_f3bc_c908;
    for f in fields {
        h = (h ^ f).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    h.max(1)
}

/// The length of the index file at `path` (`meta`: its stat data) and the SHA-1 git wrote at
/// its end, when it is a regular file that has one (not all zeros). Opened without following
/// a link or waiting on a FIFO put in its place.
fn trailing_checksum(path: &Path, meta: &std::fs::Metadata) -> Option<(u64, [u8; 20])> {
    use rustix::fs::{Mode, OFlags};
    use std::os::unix::fs::FileExt;
    // A header (12 bytes) and the checksum at the least.
    if !meta.file_type().is_file() || meta.len() < 32 {
        return None;
    }
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let file = std::fs::File::from(rustix::fs::open(path, flags, Mode::empty()).ok()?);
    let len = file.metadata().ok().filter(|m| m.is_file())?.len();
    let mut sum = [0u8; 20];
    file.read_exact_at(&mut sum, len.checked_sub(20)?).ok()?;
    (sum != [0; 20]).then_some((len, sum))
}

/// A path git left unmerged, with the stages the index holds for it (1 base, 2 ours, 3
/// theirs), which tell what kind of conflict it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmerged {
    /// Repository-relative path.
    pub path: String,
    pub base: bool,
    pub ours: bool,
    pub theirs: bool,
}

impl Unmerged {
    /// The kind of conflict, in words.
    pub fn describe(&self) -> &'static str {
        match (self.base, self.ours, self.theirs) {
            (true, true, true) => "both sides changed it and git could not merge them",
            (false, true, true) => "both sides added it, differently",
            (true, true, false) => "it was deleted (or renamed) on their side and changed on ours",
            (true, false, true) => "it was deleted (or renamed) on our side and changed on theirs",
            (false, true, false) | (false, false, true) => {
                "git moved or renamed it as part of a renamed folder (file location, rename/rename) and asks you to confirm"
            }
            _ => "git left it unmerged",
        }
    }
}

/// Every path with unmerged entries in the index, sorted: what a merge left to resolve, of
/// every kind (content, modify/delete, add/add, file location, rename/rename).
pub fn unmerged_paths(repo_root: &Path) -> Result<Vec<Unmerged>> {
    let repo = super::config::settings(repo_root)?;
    if !has_index(&repo)? {
        return Ok(Vec::new());
    }
    Ok(unmerged_of(&read_unverified(&repo)?))
}

/// The unmerged paths of `index`, sorted (as its entries are).
fn unmerged_of(index: &gix::index::File) -> Vec<Unmerged> {
    let mut out: Vec<Unmerged> = Vec::new();
    for entry in index.entries() {
        let stage = entry.stage_raw();
        if stage == 0 {
            continue;
        }
        let path = entry.path(index).to_str_lossy().into_owned();
        if out.last().is_none_or(|u| u.path != path) {
            out.push(Unmerged {
                path,
                base: false,
                ours: false,
                theirs: false,
            });
        }
        if let Some(last) = out.last_mut() {
            match stage {
                1 => last.base = true,
                2 => last.ours = true,
                _ => last.theirs = true,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_bytes(trailer: [u8; 20]) -> Vec<u8> {
        let mut bytes = b"DIRC\0\0\0\x02\0\0\0\0".to_vec();
        bytes.extend_from_slice(&trailer);
        bytes
    }

    /// Writes `bytes` as a new file (a new inode, as git's rename of `index.lock` makes).
    fn rewrite(path: &Path, bytes: &[u8]) {
        let lock = path.with_extension("lock");
        std::fs::write(&lock, bytes).unwrap();
        std::fs::rename(&lock, path).unwrap();
    }

    #[test]
    fn the_digest_follows_the_checksum_git_wrote_else_the_stat_data() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        assert_eq!(digest_at(&index), 0);
        rewrite(&index, &index_bytes([7; 20]));
        let first = digest_at(&index);
        // The same content written again: the same digest, whatever its inode and times.
        std::thread::sleep(std::time::Duration::from_millis(10));
        rewrite(&index, &index_bytes([7; 20]));
        assert_eq!(digest_at(&index), first);
        rewrite(&index, &index_bytes([8; 20]));
        assert_ne!(digest_at(&index), first);
        // No checksum (`index.skipHash`): every rewrite is a new digest.
        rewrite(&index, &index_bytes([0; 20]));
        let unhashed = digest_at(&index);
        std::thread::sleep(std::time::Duration::from_millis(10));
        rewrite(&index, &index_bytes([0; 20]));
        assert_ne!(digest_at(&index), unhashed);
        // A link in its place is not followed; its own stat data stand for it.
        std::fs::remove_file(&index).unwrap();
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, index_bytes([7; 20])).unwrap();
        std::os::unix::fs::symlink(&target, &index).unwrap();
        assert_ne!(digest_at(&index), first);
        assert_ne!(digest_at(&index), 0);
    }
}
