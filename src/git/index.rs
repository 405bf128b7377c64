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
    let mut files = walk(&base, prefix)?
        .into_par_iter()
        .map(|(path, kind, abs)| {
            let blob = match kind {
                EntryKind::File => known.unchanged_blob(&path, &abs),
                EntryKind::Symlink => None,
            };
            WorkTreeFile { path, kind, blob }
        })
        .collect::<Vec<_>>();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The index entries under the prefix, looked up by path.
#[derive(Default)]
struct IndexView {
    entries: std::collections::HashMap<String, (gix::index::entry::Stat, gix::ObjectId)>,
    conflicted: std::collections::HashSet<String>,
    /// Whole seconds of the index file's own modification time, for the racy-git rule.
    written: Option<i64>,
}

impl IndexView {
    fn new(index: &gix::index::File, prefix: &str) -> Self {
        let mut view = IndexView::default();
        view.written = Some(index.timestamp().unix_seconds());
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
            view.entries.insert(path, (entry.stat, entry.id));
        }
        view
    }

    /// The index blob of `path` when the file's stat data matches the index entry and the entry
    /// is not racy (modified in the same instant the index was written, when stat data cannot
    /// tell an edit apart).
    fn unchanged_blob(&self, path: &str, abs: &Path) -> Option<String> {
        if self.conflicted.contains(path) {
            return None;
        }
        let (stat, id) = self.entries.get(path)?;
        let meta = gix::index::fs::Metadata::from_path_no_follow(abs).ok()?;
        let now = gix::index::entry::Stat::from_fs(&meta).ok()?;
        let options = gix::index::entry::stat::Options::default();
        if !stat.matches(&now, options) {
            return None;
        }
        // Racy: written in the same second as (or after) the index, so an edit made right
        // after `git add` could keep size and mtime. Such files are read from disk.
        if i64::from(stat.mtime.secs) >= self.written? {
            return None;
        }
        Some(id.to_string())
    }
}

type Found = (String, EntryKind, PathBuf);

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
    let name = name.to_string_lossy();
    let rel = if parent.is_empty() {
        name.into_owned()
    } else {
        format!("{parent}/{name}")
    };
    let kind = entry.file_type().at(entry.path())?;
    if kind.is_dir() {
        if rel != ".git" && !rel.ends_with("/.git") {
            dirs.push((entry.path(), rel));
        }
    } else if kind.is_symlink() {
        found.push((rel, EntryKind::Symlink, entry.path()));
    } else if kind.is_file() {
        found.push((rel, EntryKind::File, entry.path()));
    }
    Ok(())
}
