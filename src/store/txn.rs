//! Writing a change: the one write path of the store.
//!
//! A [`Transaction`] holds the store's write lock (an OS lock, released even by `kill -9`), so
//! a library caller cannot write without it, and two commands that read, change and commit the
//! same file are serialised instead of losing an update. Taking it first finishes or undoes a
//! change that an earlier, killed command left half done (see [`super::journal`]).
//!
//! Applying a change:
//! 1. the write gate checks every file ([`super::gate`]);
//! 2. the new contents, and the current contents of files about to be replaced, are written
//!    to the object database (so either state can be restored);
//! 3. the journal records the plan;
//! 4. the files are written, each atomically;
//! 5. one commit is made ([`crate::git::commit`]), the journal learning the commit id and the
//!    lock it holds just before HEAD moves;
//! 6. the journal is removed.
//!
//! A command that fails between 4 and 6 undoes its own files before it returns the error, so a
//! failed command leaves the work tree as it found it; one that is killed is undone (or
//! finished) by the next.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::git;
use crate::model::Timestamp;

use super::journal::{self, Journal, JournalFile, Recovery};
use super::{Change, FileOp, Store, fs};

/// Largest file a change may write or replace (records are far smaller; documents may not be).
pub const MAX_FILE_BYTES: u64 = 512 << 20;

/// From this many files on, they are written in parallel.
const PARALLEL_FROM: usize = 64;

/// Progress of a large write: `(done, total)`.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// How a change is applied.
#[derive(Clone, Copy, Default)]
pub struct ApplyOptions<'a> {
    /// Write the files but leave them uncommitted.
    pub no_commit: bool,
    /// Author and commit time; `None` means now.
    pub time: Option<Timestamp>,
    /// Make no commit when the files already hold what HEAD has (a re-run with nothing new).
    pub skip_unchanged: bool,
    /// Called as files are written.
    pub progress: Option<Progress<'a>>,
}

/// Where a test makes a write die, as `kill -9` would (no unwinding, no clean-up): after some
/// files, with the commit prepared but HEAD not moved, or with HEAD moved but the index not
/// yet in place. Set once per process ([`set_abort_point`]); the CLI reads it from
/// `GITCRM_TEST_ABORT` (`files:N`, `before-head`, `after-head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbortPoint {
    AfterFiles(usize),
    BeforeHead,
    AfterHead,
}

impl std::str::FromStr for AbortPoint {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        match text {
            "before-head" => Ok(AbortPoint::BeforeHead),
            "after-head" => Ok(AbortPoint::AfterHead),
            _ => text
                .strip_prefix("files:")
                .and_then(|n| n.parse().ok())
                .map(AbortPoint::AfterFiles)
                .ok_or_else(|| format!("`{text}` is not files:N, before-head or after-head")),
        }
    }
}

static ABORT_POINT: std::sync::Mutex<Option<AbortPoint>> = std::sync::Mutex::new(None);

/// Makes every later write of this process die at `point` (tests of kill safety).
pub fn set_abort_point(point: Option<AbortPoint>) {
    *ABORT_POINT.lock().unwrap_or_else(|e| e.into_inner()) = point;
}

fn abort_if(point: AbortPoint) {
    if *ABORT_POINT.lock().unwrap_or_else(|e| e.into_inner()) == Some(point) {
        std::process::abort();
    }
}

impl std::fmt::Debug for ApplyOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApplyOptions")
            .field("no_commit", &self.no_commit)
            .field("time", &self.time)
            .field("skip_unchanged", &self.skip_unchanged)
            .finish_non_exhaustive()
    }
}

/// The write lock, held: the only way to change the store.
#[derive(Debug)]
pub struct Transaction<'s> {
    store: &'s Store,
    _lock: git::WriteLock,
    recovered: Option<Recovery>,
}

impl Store {
    /// Takes the write lock (waiting for another git-crm command to finish) and finishes or
    /// undoes a change an earlier command left half done.
    pub fn begin(&self) -> Result<Transaction<'_>> {
        let lock = git::write_lock(self.repo_root())?;
        let recovered = recover(self)?;
        Ok(Transaction {
            store: self,
            _lock: lock,
            recovered,
        })
    }

    /// Finishes or undoes a change left by a killed command, if there is one and no other
    /// git-crm command is writing now. Read commands call this so that what they show is the
    /// store as committed, never a half-written change.
    pub fn recover_if_idle(&self) -> Result<Option<Recovery>> {
        if !journal::path(self.repo_root())?.exists() {
            return Ok(None);
        }
        match git::try_write_lock(self.repo_root())? {
            Some(_lock) => recover(self),
            None => Ok(None),
        }
    }
}

impl Transaction<'_> {
    /// What taking the lock repaired, for the command to tell.
    pub fn recovered(&self) -> Option<&Recovery> {
        self.recovered.as_ref()
    }

    /// The store this transaction writes.
    pub fn store(&self) -> &Store {
        self.store
    }

    /// Writes the change's files atomically and, unless told not to, commits exactly those
    /// paths as the acting person. Returns the new commit id (`None` without a commit).
    pub fn apply(&self, change: &Change, options: ApplyOptions<'_>) -> Result<Option<String>> {
        let store = self.store;
        if change.files.is_empty() {
            return Ok(None);
        }
        super::gate::check(store, change)?;
        let staged = stage_streams(store, change)?;
        let files = match plan_files(store, change, &staged) {
            Ok(files) => files,
            Err(e) => {
                discard(store, change, &staged);
                return Err(e);
            }
        };
        let journal_path = journal::path(store.repo_root())?;
        let mut journal = Journal {
            version: 1,
            pid: std::process::id(),
            op: change.op.clone(),
            subject: change.subject.clone(),
            commit_started: None,
            base: None,
            commit: None,
            index_lock_inode: None,
            files,
        };
        if let Err(e) = journal::write(&journal_path, &journal) {
            discard(store, change, &staged);
            return Err(e);
        }
        let result = write_files(store, change, &staged, &options)
            .and_then(|()| commit(store, change, &options, &mut journal, &journal_path));
        match result {
            Ok(commit) => {
                journal::remove(&journal_path)?;
                Ok(commit)
            }
            Err(e) => {
                // Undo what this change wrote; the error that made it fail is the one to tell.
                if undo(store, &journal, After::Error).is_ok() {
                    let _ = journal::remove(&journal_path);
                }
                Err(e)
            }
        }
    }
}

/// A streamed file written under a temporary name beside its target before anything else, and
/// the blob git will store for it: its bytes, or, for a path Git LFS tracks, the LFS pointer
/// (`git lfs clean`, which also stores the content in this clone's LFS objects).
struct Staged {
    temp: String,
    blob: String,
}

/// Stages every [`FileOp::Stream`] of `change` (in order; `None` for other operations).
fn stage_streams(store: &Store, change: &Change) -> Result<Vec<Option<Staged>>> {
    let mut out: Vec<Option<Staged>> = Vec::with_capacity(change.files.len());
    for file in &change.files {
        let FileOp::Stream { path, source, .. } = file else {
            out.push(None);
            continue;
        };
        let staged = (|| -> Result<Staged> {
            let temp = fs::stage_stream(store.root(), path, &*source.write)?;
            let staged_path = store.path(&fs::staged_rel(path, &temp));
            let git_path = store.git_path(path);
            let blob = (|| -> Result<String> {
                let data = match git::lfs::state(store.repo_root(), &git_path)? {
                    git::lfs::LfsState::Untracked => {
                        fs::read(store.root(), &fs::staged_rel(path, &temp), MAX_FILE_BYTES)?
                    }
                    git::lfs::LfsState::Ready => {
                        git::lfs::clean(store.repo_root(), &git_path, &staged_path)?
                    }
                    _ => {
                        return Err(Error::invalid_hint(
                            format!(
                                "{} goes through Git LFS, which this clone cannot use",
                                crate::model::text::escape(path)
                            ),
                            "install git-lfs and run `git crm setup`",
                        ));
                    }
                };
                Ok(git::write_blobs(store.repo_root(), &[&data])?.remove(0))
            })();
            match blob {
                Ok(blob) => Ok(Staged { temp, blob }),
                Err(e) => {
                    fs::discard_staged(store.root(), path, &temp);
                    Err(e)
                }
            }
        })();
        match staged {
            Ok(s) => out.push(Some(s)),
            Err(e) => {
                discard(store, change, &out);
                return Err(e);
            }
        }
    }
    Ok(out)
}

/// Removes the staged files of a change that will not be written.
fn discard(store: &Store, change: &Change, staged: &[Option<Staged>]) {
    for (file, s) in change.files.iter().zip(staged) {
        if let Some(s) = s {
            fs::discard_staged(store.root(), file.path(), &s.temp);
        }
    }
}

/// The journal entries of a change: new blobs, and the current contents of replaced files,
/// both written to the object database first. A file to create must not exist yet.
fn plan_files(
    store: &Store,
    change: &Change,
    staged: &[Option<Staged>],
) -> Result<Vec<JournalFile>> {
    let mut seen = BTreeSet::new();
    let mut olds: Vec<Option<Vec<u8>>> = Vec::with_capacity(change.files.len());
    for file in &change.files {
        let path = file.path();
        if !seen.insert(path) {
            return Err(Error::invalid(format!(
                "a change writes {} twice",
                crate::model::text::escape(path)
            )));
        }
        olds.push(match file {
            FileOp::Create { .. } | FileOp::Stream { replace: false, .. } => {
                if fs::kind(store.root(), path)?.is_some() {
                    return Err(Error::invalid(format!(
                        "{} already exists",
                        crate::model::text::escape(path)
                    )));
                }
                None
            }
            FileOp::Update { .. }
            | FileOp::Remove { .. }
            | FileOp::Stream { replace: true, .. } => {
                match fs::read(store.root(), path, MAX_FILE_BYTES) {
                    Ok(bytes) => Some(bytes),
                    Err(Error::Io { error, .. })
                        if error.kind() == std::io::ErrorKind::NotFound =>
                    {
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
        });
    }
    let mut contents: Vec<&[u8]> = Vec::new();
    for file in &change.files {
        if let FileOp::Create { contents: c, .. } | FileOp::Update { contents: c, .. } = file {
            contents.push(c.as_bytes());
        }
    }
    contents.extend(olds.iter().flatten().map(Vec::as_slice));
    let mut blobs = git::write_blobs(store.repo_root(), &contents)?.into_iter();
    let news: Vec<Option<String>> = change
        .files
        .iter()
        .zip(staged)
        .map(|(f, s)| match f {
            FileOp::Remove { .. } => None,
            FileOp::Stream { .. } => s.as_ref().map(|s| s.blob.clone()),
            _ => blobs.next(),
        })
        .collect();
    Ok(change
        .files
        .iter()
        .zip(news)
        .zip(olds)
        .map(|((file, new), old)| JournalFile {
            path: file.path().to_string(),
            new,
            old: old.and_then(|_| blobs.next()),
        })
        .collect())
}

fn write_files(
    store: &Store,
    change: &Change,
    staged: &[Option<Staged>],
    options: &ApplyOptions<'_>,
) -> Result<()> {
    let total = change.files.len();
    let written = AtomicUsize::new(0);
    let write_one = |(file, staged): (&FileOp, &Option<Staged>)| -> Result<()> {
        let root = store.root();
        match file {
            FileOp::Create { path, contents } => fs::create_new(root, path, contents.as_bytes())?,
            FileOp::Update { path, contents } => fs::write(root, path, contents.as_bytes())?,
            FileOp::Remove { path } => fs::remove(root, path)?,
            FileOp::Stream { path, replace, .. } => {
                let temp = staged.as_ref().map(|s| s.temp.as_str()).unwrap_or_default();
                fs::place_staged(root, path, temp, !replace)?
            }
        }
        let n = written.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(progress) = options.progress {
            progress(n, total);
        }
        abort_if(AbortPoint::AfterFiles(n));
        Ok(())
    };
    if total >= PARALLEL_FROM {
        change.files.par_iter().zip(staged).try_for_each(write_one)
    } else {
        change.files.iter().zip(staged).try_for_each(write_one)
    }
}

fn commit(
    store: &Store,
    change: &Change,
    options: &ApplyOptions<'_>,
    journal: &mut Journal,
    journal_path: &std::path::Path,
) -> Result<Option<String>> {
    if options.no_commit {
        return Ok(None);
    }
    let author = store.signature(&change.actor, options.time)?;
    let updates: Vec<git::PathUpdate> = journal
        .files
        .iter()
        .map(|f| git::PathUpdate {
            git_path: store.git_path(&f.path),
            blob: f.new.clone(),
            disk_path: f.new.as_ref().map(|_| store.path(&f.path)),
        })
        .collect();
    journal.commit_started = Some(chrono::Utc::now().timestamp());
    journal::write(journal_path, journal)?;
    git::commit(
        store.repo_root(),
        &updates,
        &change.commit_message(),
        &author,
        !options.skip_unchanged,
        &mut Steps {
            journal,
            path: journal_path,
        },
    )
}

/// Records the commit's steps in the journal.
struct Steps<'j> {
    journal: &'j mut Journal,
    path: &'j std::path::Path,
}

impl git::CommitSteps for Steps<'_> {
    fn locked(&mut self, index_lock_inode: u64) -> Result<()> {
        self.journal.index_lock_inode = Some(index_lock_inode);
        journal::write(self.path, self.journal)
    }

    fn prepared(&mut self, prepared: &git::Prepared) -> Result<()> {
        self.journal.base = prepared.base.clone();
        self.journal.commit = Some(prepared.commit.clone());
        self.journal.index_lock_inode = Some(prepared.index_lock_inode);
        journal::write(self.path, self.journal)?;
        abort_if(AbortPoint::BeforeHead);
        Ok(())
    }

    fn head_moved(&mut self) {
        abort_if(AbortPoint::AfterHead);
    }
}

/// Finishes or undoes the change a journal describes, then removes the journal.
fn recover(store: &Store) -> Result<Option<Recovery>> {
    let path = journal::path(store.repo_root())?;
    let Some(journal) = journal::read(&path)? else {
        return Ok(None);
    };
    let head = git::head_commit(store.repo_root());
    let recovery = match (&journal.commit, &head) {
        (Some(commit), Some(head)) if commit == head => finish(store, &journal, commit)?,
        _ => undo(store, &journal, After::Kill)?,
    };
    journal::remove(&path)?;
    Ok(Some(recovery))
}

/// HEAD points at the journal's commit: put its index in place.
fn finish(store: &Store, journal: &Journal, commit: &str) -> Result<Recovery> {
    let repo = store.repo_root();
    let placed = match journal.index_lock_inode {
        Some(inode) => git::finish_prepared_index(repo, inode)?,
        None => false,
    };
    if let Some(started) = journal.commit_started {
        git::remove_ref_locks_since(repo, started, REF_LOCK_WINDOW)?;
    }
    if !placed {
        git::reset_index_to_head(repo, &index_paths(store, journal))?;
    }
    Ok(Recovery::Finished {
        op: journal.op.clone(),
        pid: journal.pid,
        commit: commit.to_string(),
    })
}

/// How soon after its commit step started a killed command takes `index.lock` (it does so
/// right after journalling the start).
const LOCK_TAKEN_WITHIN: i64 = 2;

/// How long after its commit step started a ref lock counts as the killed command's.
const REF_LOCK_WINDOW: i64 = 60;

fn index_paths(store: &Store, journal: &Journal) -> Vec<(String, std::path::PathBuf)> {
    journal
        .files
        .iter()
        .map(|f| (store.git_path(&f.path), store.path(&f.path)))
        .collect()
}

/// Why a change is undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// The command itself failed: git's locks were released by the failing code, and any lock
    /// present now is someone else's.
    Error,
    /// The command was killed: the locks its journal names are its own.
    Kill,
}

/// The commit did not land: every file back as it was, the locks this change held removed,
/// the index entries of its paths back to HEAD's.
fn undo(store: &Store, journal: &Journal, after: After) -> Result<Recovery> {
    let root = store.root();
    let mut restored = 0;
    let mut kept = Vec::new();
    let mut folders = BTreeSet::new();
    for file in &journal.files {
        if let Some((folder, _)) = file.path.rsplit_once('/') {
            folders.insert(folder.to_string());
        }
        let current = match fs::read(root, &file.path, MAX_FILE_BYTES) {
            Ok(bytes) => Some(git::blob_id(&bytes)),
            Err(Error::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if current == file.old {
            continue;
        }
        if current != file.new {
            kept.push(file.path.clone());
            continue;
        }
        match &file.old {
            None => fs::remove(root, &file.path)?,
            Some(blob) => {
                let data = git::read_blobs(store.repo_root(), std::slice::from_ref(blob))?;
                fs::write(
                    root,
                    &file.path,
                    data.first().map_or(&[][..], Vec::as_slice),
                )?;
            }
        }
        restored += 1;
    }
    for folder in folders {
        // A folder may be gone with the files removed above.
        let _ = fs::remove_temp_files(root, &folder);
        let _ = fs::remove_empty_folders(root, &folder);
    }
    let repo = store.repo_root();
    match (after, journal.commit_started) {
        (After::Kill, Some(started)) => {
            match journal.index_lock_inode {
                Some(inode) => {
                    git::remove_own_index_lock(repo, inode)?;
                }
                // Killed between taking the lock and recording it.
                None => {
                    git::remove_index_lock_since(repo, started, LOCK_TAKEN_WITHIN)?;
                }
            }
            git::remove_ref_locks_since(repo, started, REF_LOCK_WINDOW)?;
            git::reset_index_to_head(repo, &index_paths(store, journal))?;
        }
        // `git commit` (signed commits) may have staged the paths before failing.
        (After::Error, Some(_)) => {
            let _ = git::reset_index_to_head(repo, &index_paths(store, journal));
        }
        (_, None) => {}
    }
    Ok(Recovery::RolledBack {
        op: journal.op.clone(),
        pid: journal.pid,
        restored,
        kept,
    })
}
