//! Which work-tree files still hold what the index says, told the way git tells it: by comparing
//! each file's stat data (size, times, inode) with the stat data the index recorded, without
//! reading or hashing the file. A file that matches can be read from the object database, which
//! is several times faster than opening 200,000 small files; only the few files that changed
//! (and untracked ones) are read from disk.

use std::path::Path;

use gix::bstr::ByteSlice;
use rayon::prelude::*;

use super::git_error;
use crate::error::Result;

/// What kind of entry a work-tree path is (without following links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Symlink,
    /// A FIFO, socket or device: listed, never opened.
    Special,
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

/// Marks each file found under `prefix` (repository-relative paths, found by the store's
/// walker without following links) with its blob id when its stat data proves it unchanged
/// since the index was written. Returns them sorted by path. Deleted files are simply absent;
/// untracked ones are present without a blob id.
pub fn mark_unchanged(
    repo_root: &Path,
    prefix: &str,
    mut found: Vec<(String, EntryKind, Option<FileStat>)>,
) -> Result<Vec<WorkTreeFile>> {
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
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    if !repo.index_path().exists() {
        return Ok(Vec::new());
    }
    let index = repo
        .open_index()
        .map_err(|e| git_error("cannot read index", e))?;
    let mut out: Vec<Unmerged> = Vec::new();
    for entry in index.entries() {
        let stage = entry.stage_raw();
        if stage == 0 {
            continue;
        }
        let path = entry.path(&index).to_str_lossy().into_owned();
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
    Ok(out)
}
