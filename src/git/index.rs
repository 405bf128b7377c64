//! Which work-tree files still hold what the index says, told the way git tells it: by comparing
//! each file's stat data (size, times, inode) with the stat data the index recorded, without
//! reading or hashing the file. A file that matches can be read from the object database, which
//! is several times faster than opening 200,000 small files; only the few files that changed
//! (and untracked ones) are read from disk.

use std::path::{Path, PathBuf};

use gix::bstr::ByteSlice;
use rayon::prelude::*;

use super::git_error;
use crate::error::{Error, IoContext, Result};

/// What kind of entry a work-tree path is (without following links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Symlink,
}

/// A file found under the scanned folder of the work tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkTreeFile {
    /// Repository-relative path, `/`-separated.
    pub path: String,
    pub kind: EntryKind,
    /// The blob id (hex) when the file is known to hold exactly the index's blob; `None` when it
    /// must be read from disk (changed, untracked, racily clean or conflicted).
    pub blob: Option<String>,
}

/// Every file (and symbolic link) under `prefix` (repository-relative) of the work tree, sorted by
/// path, each marked with its blob id when its stat data proves it unchanged since the index was
/// written. Deleted files are simply absent; untracked ones are present without a blob id.
pub fn scan_work_tree(repo_root: &Path, prefix: &str) -> Result<Vec<WorkTreeFile>> {
    let prefix = prefix.trim_matches('/');
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    let index = if repo.index_path().exists() {
        Some(
            repo.open_index()
                .map_err(|e| git_error("cannot read index", e))?,
        )
    } else {
        None
    };
    let known = index
        .as_ref()
        .map(|index| IndexView::new(index, prefix))
        .unwrap_or_default();
    let base = super::tree::join(repo_root, prefix);
    let mut found = walk(&base, prefix)?;
    // The index is sorted by path bytes; sorted alike, the two lists are joined in one pass.
    found.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut at = 0;
    let files = found
        .into_iter()
        .map(|(path, kind, stat)| {
            while at < known.entries.len() && known.entries[at].0 < path {
                at += 1;
            }
            let entry = known.entries.get(at).filter(|e| e.0 == path);
            let blob = match (kind, stat, entry) {
                (EntryKind::File, Some(stat), Some((_, recorded, id)))
                    if known.unchanged(&path, &stat, recorded) =>
                {
                    Some(id.to_string())
                }
                _ => None,
            };
            WorkTreeFile { path, kind, blob }
        })
        .collect();
    Ok(files)
}

/// The index entries under the prefix, sorted by path.
#[derive(Default)]
struct IndexView {
    entries: Vec<(String, gix::index::entry::Stat, gix::ObjectId)>,
    conflicted: std::collections::HashSet<String>,
    /// Whole seconds of the index file's own modification time, for the racy-git rule.
    written: Option<i64>,
}

impl IndexView {
    fn new(index: &gix::index::File, prefix: &str) -> Self {
        let mut view = IndexView {
            written: Some(index.timestamp().unix_seconds()),
            ..Default::default()
        };
        let wanted = if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        };
        for entry in index.entries() {
            let path = entry.path(index);
            if !path.starts_with(wanted.as_bytes()) {
                continue;
            }
            let path = path.to_str_lossy().into_owned();
            if entry.stage_raw() != 0 {
                view.conflicted.insert(path);
                continue;
            }
            if entry.mode != gix::index::entry::Mode::FILE
                && entry.mode != gix::index::entry::Mode::FILE_EXECUTABLE
            {
                continue;
            }
            view.entries.push((path, entry.stat, entry.id));
        }
        view
    }

    /// Whether the file at `path` provably holds the blob of its index entry: its stat data
    /// matches the entry's, and the entry is not racy (modified in the same second as, or after,
    /// the index was written, when stat data cannot tell an edit apart).
    fn unchanged(&self, path: &str, now: &FileStat, recorded: &gix::index::entry::Stat) -> bool {
        if !self.conflicted.is_empty() && self.conflicted.contains(path) {
            return false;
        }
        let Some(written) = self.written else {
            return false;
        };
        now.matches(recorded) && i64::from(recorded.mtime.secs) < written
    }
}

/// The stat fields git compares by default (`core.trustctime` on, `core.checkStat=default`,
/// whole seconds), truncated to 32 bits as the index stores them.
#[derive(Debug, Clone, Copy)]
struct FileStat {
    mtime: u32,
    ctime: u32,
    size: u32,
    ino: u32,
    uid: u32,
    gid: u32,
}

impl FileStat {
    fn of(meta: &std::fs::Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        FileStat {
            mtime: meta.mtime() as u32,
            ctime: meta.ctime() as u32,
            size: meta.size() as u32,
            ino: meta.ino() as u32,
            uid: meta.uid(),
            gid: meta.gid(),
        }
    }

    /// What `gix::index::entry::Stat::matches` decides with git's default options.
    fn matches(&self, entry: &gix::index::entry::Stat) -> bool {
        entry.mtime.secs == self.mtime
            && entry.ctime.secs == self.ctime
            && entry.size == self.size
            && entry.ino == self.ino
            && entry.uid == self.uid
            && entry.gid == self.gid
    }
}

/// A path found, its kind, and (for files) its stat data, taken relative to the open folder.
type Found = (String, EntryKind, Option<FileStat>);

/// Lists every file and link under `base` (never following links), in parallel over its
/// sub-folders, with their `lstat` data.
fn walk(base: &Path, prefix: &str) -> Result<Vec<Found>> {
    let top = match std::fs::read_dir(base) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(base, e)),
    };
    let mut dirs: Vec<(PathBuf, String)> = Vec::new();
    let mut found = Vec::new();
    for entry in top {
        let entry = entry.at(base)?;
        visit(entry, prefix, &mut dirs, &mut found)?;
    }
    let nested = dirs
        .into_par_iter()
        .map(|(dir, rel)| walk_dir(&dir, &rel))
        .collect::<Result<Vec<_>>>()?;
    found.extend(nested.into_iter().flatten());
    Ok(found)
}

fn walk_dir(dir: &Path, rel: &str) -> Result<Vec<Found>> {
    let mut found = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), rel.to_string())];
    while let Some((dir, rel)) = stack.pop() {
        for entry in std::fs::read_dir(&dir).at(&dir)? {
            let entry = entry.at(&dir)?;
            visit(entry, &rel, &mut stack, &mut found)?;
        }
    }
    Ok(found)
}

fn visit(
    entry: std::fs::DirEntry,
    parent: &str,
    dirs: &mut Vec<(PathBuf, String)>,
    found: &mut Vec<Found>,
) -> Result<()> {
    let name = entry.file_name();
    // A name that is not UTF-8 cannot be a record (or a slug): skipped, as every reader does.
    let Some(name) = name.to_str() else {
        return Ok(());
    };
    let rel = if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}/{name}")
    };
    let kind = entry.file_type().at(entry.path())?;
    if kind.is_dir() {
        if rel != ".git" && !rel.ends_with("/.git") {
            dirs.push((entry.path(), rel));
        }
    } else if kind.is_symlink() {
        found.push((rel, EntryKind::Symlink, None));
    } else if kind.is_file() {
        // `DirEntry::metadata` is an `fstatat` relative to the open folder (no path walk) and
        // does not follow links.
        let meta = entry.metadata().at(entry.path())?;
        found.push((rel, EntryKind::File, Some(FileStat::of(&meta))));
    }
    Ok(())
}
