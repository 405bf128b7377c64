//! The write journal: what a change in progress is about to do, kept in
//! `<git dir>/gitcrm/journal.json` from before its first file is written until its commit is
//! complete. A command killed at any instant leaves the journal behind; the next git-crm command
//! that takes the write lock reads it and either finishes the commit (HEAD already points at it:
//! only the index is left to put in place) or undoes it (every file back as it was, git's locks
//! that this change held removed). A journal is only ever read by a process holding the write
//! lock, which the operating system released when the writer died, so a journal found is
//! always one whose writer is gone.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, IoContext, Result};
use crate::git;

use super::atomic;

/// One file of a change: its new blob and what it held before (a blob written to the object
/// database, so it can be restored even if it was never committed; `None` when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalFile {
    /// Store-relative path.
    pub path: String,
    /// The new content's blob, `None` for a removal.
    pub new: Option<String>,
    /// The content before the change, `None` when there was no file.
    pub old: Option<String>,
    /// Whether git stores this path through Git LFS: its blobs are then LFS pointers, and the
    /// work-tree file is compared with the SHA-256 a pointer names, not with the pointer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lfs: bool,
    /// Where the file was moved to by a rename (its bytes unread): undone by moving it back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
}

/// A change in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    pub version: u32,
    /// The process that wrote it (for the message only: the write lock proves it is gone).
    pub pid: u32,
    /// The change's operation (`interaction.add`) and subject, for the message.
    pub op: String,
    pub subject: String,
    /// Unix seconds when the commit step started, to tell the ref locks it took.
    #[serde(default)]
    pub commit_started: Option<i64>,
    /// HEAD before, once the commit was prepared.
    #[serde(default)]
    pub base: Option<String>,
    /// The commit HEAD is about to point at, once prepared.
    #[serde(default)]
    pub commit: Option<String>,
    /// The inode of the `index.lock` holding the prepared index.
    #[serde(default)]
    pub index_lock_inode: Option<u64>,
    /// Temporary files (store-relative) that streamed files are staged in, named here before
    /// they are created, so the files of a command killed while staging are removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staging: Vec<String>,
    pub files: Vec<JournalFile>,
}

/// What the next command did about a journal it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// The commit had landed; its index was put in place.
    Finished {
        op: String,
        pid: u32,
        commit: String,
    },
    /// The commit had not landed; the files were put back.
    RolledBack {
        op: String,
        pid: u32,
        restored: usize,
        /// Files left as they are because they changed after the interrupted write.
        kept: Vec<String>,
        /// Partly or wholly staged files of the change that were removed.
        discarded: usize,
    },
}

impl Recovery {
    /// One line for people.
    pub fn describe(&self) -> String {
        match self {
            Recovery::Finished { op, pid, commit } => format!(
                "finished the commit {} of an interrupted `{op}` (process {pid})",
                &commit[..commit.len().min(10)]
            ),
            Recovery::RolledBack {
                op,
                pid,
                restored,
                kept,
                discarded,
            } => {
                let mut line = format!(
                    "undid an interrupted `{op}` (process {pid}): {restored} file{} put back as committed",
                    if *restored == 1 { "" } else { "s" }
                );
                if *discarded > 0 {
                    line.push_str(&format!(
                        "; {discarded} staged file{} removed",
                        if *discarded == 1 { "" } else { "s" }
                    ));
                }
                if !kept.is_empty() {
                    line.push_str(&format!(
                        "; {} changed since and left as is: {}",
                        kept.len(),
                        kept.join(", ")
                    ));
                }
                line
            }
        }
    }
}

/// Where the journal of the repository at `repo_root` lives.
pub fn path(repo_root: &Path) -> Result<PathBuf> {
    Ok(git::state_dir(repo_root)?.join("journal.json"))
}

/// Writes the journal atomically.
pub fn write(path: &Path, journal: &Journal) -> Result<()> {
    let text = serde_json::to_vec(journal)
        .map_err(|e| Error::invalid(format!("cannot write the journal: {e}")))?;
    atomic::write(path, &text)
}

/// Reads the journal, if there is one. An unreadable journal is an error naming it (it is
/// never silently dropped: it is the only record of what to undo).
pub fn read(path: &Path) -> Result<Option<Journal>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        Error::invalid_hint(
            format!("{}: cannot read the write journal: {e}", path.display()),
            "it records an interrupted git-crm write; inspect `git status`, then delete the file",
        )
    })
}

/// Removes the journal (the change is complete or undone).
pub fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).at(path),
    }
}
