//! Writing a change: the one write path of the store.
//!
//! A [`Transaction`] holds the store's write lock (an OS lock, released even by `kill -9`), so
//! a library caller cannot write without it, and two commands that read, change and commit the
//! same file are serialised instead of losing an update. Taking it first finishes or undoes a
//! change that an earlier, killed command left half done (see [`super::journal`]).
//!
//! Applying a change:
//! 1. the write gate checks every file ([`super::gate`]);
//! 2. streamed files (documents) are named in the journal, then staged beside their targets
//!    under those temporary names, and their blobs written by streaming (for a path Git LFS
//!    tracks, the pointer `git lfs clean` gives); a command killed here leaves a journal that
//!    names what to remove;
//! 3. the new contents, and the current contents of files about to be replaced, are written
//!    to the object database (so either state can be restored): a document's current content
//!    is the blob its index entry names when its stat data proves it unchanged (it is not read
//!    again, nor stored twice), and a moved document is renamed, never copied;
//! 4. the journal records the plan;
//! 5. the files are written, each atomically;
//! 6. one commit is made ([`crate::git::commit`]), the journal learning the commit id and the
//!    lock it holds just before HEAD moves;
//! 7. the journal is removed.
//!
//! No step holds a document in memory: its bytes are hashed, compressed, sealed, compared and
//! put back as they stream, whatever its size.
//!
//! A command that fails between 5 and 7 undoes its own files before it returns the error, so a
//! failed command leaves the work tree as it found it; one that is killed is undone (or
//! finished) by the next.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use sha2::{Digest, Sha256};

use crate::error::{Error, IoContext, Result};
use crate::git;
use crate::model::Timestamp;

use super::journal::{self, Journal, JournalFile, Recovery};
use super::{Change, FileOp, Store, fs};

/// Largest file a change replaces by reading it whole: records and settings (far smaller).
/// Documents are never read whole, so no size of theirs is bound by it.
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
    /// Every stream staged (the files and their blobs written), before the journal knows
    /// the change's files.
    Staged,
    AfterFiles(usize),
    BeforeHead,
    AfterHead,
}

impl std::str::FromStr for AbortPoint {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        match text {
            "staged" => Ok(AbortPoint::Staged),
            "before-head" => Ok(AbortPoint::BeforeHead),
            "after-head" => Ok(AbortPoint::AfterHead),
            _ => text
                .strip_prefix("files:")
                .and_then(|n| n.parse().ok())
                .map(AbortPoint::AfterFiles)
                .ok_or_else(|| {
                    format!("`{text}` is not staged, files:N, before-head or after-head")
                }),
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
        let journal_path = journal::path(store.repo_root())?;
        // The temporary files streams are staged in are named, and journalled, before the
        // first of them is created: a command killed while staging leaves a journal that says
        // what to remove.
        let temps: Vec<Option<String>> = change
            .files
            .iter()
            .map(|f| matches!(f, FileOp::Stream { .. }).then(|| fs::temp_name_for(f.path())))
            .collect();
        let mut journal = Journal {
            version: 1,
            pid: std::process::id(),
            op: change.op.clone(),
            subject: change.subject.clone(),
            commit_started: None,
            base: None,
            commit: None,
            index_lock_inode: None,
            staging: change
                .files
                .iter()
                .zip(&temps)
                .filter_map(|(f, t)| t.as_ref().map(|t| fs::staged_rel(f.path(), t)))
                .collect(),
            files: Vec::new(),
        };
        if !journal.staging.is_empty() {
            journal::write(&journal_path, &journal)?;
        }
        let planned = stage_streams(store, change, &temps).and_then(|staged| {
            abort_if(AbortPoint::Staged);
            journal.files = plan_files(store, change, &staged)?;
            journal::write(&journal_path, &journal)
        });
        if let Err(e) = planned {
            discard_staging(store, &journal);
            let _ = journal::remove(&journal_path);
            return Err(e);
        }
        let result = write_files(store, change, &temps, &options)
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

/// What git will store for a streamed file, staged under its temporary name: the blob of its
/// bytes, or, for a path Git LFS tracks, of its LFS pointer (`git lfs clean`, which also
/// stores the content in this clone's LFS objects).
struct Staged {
    blob: String,
    lfs: bool,
}

/// Stages every [`FileOp::Stream`] of `change` under its temporary name from `temps` (in order;
/// `None` for other operations) and writes its blob, streaming: a document's bytes are never
/// held in memory. On failure the caller removes the staged files ([`discard_staging`]).
fn stage_streams(
    store: &Store,
    change: &Change,
    temps: &[Option<String>],
) -> Result<Vec<Option<Staged>>> {
    let mut out: Vec<Option<Staged>> = Vec::with_capacity(change.files.len());
    for (file, temp) in change.files.iter().zip(temps) {
        let (FileOp::Stream { path, source, .. }, Some(temp)) = (file, temp) else {
            out.push(None);
            continue;
        };
        fs::stage_stream(store.root(), path, temp, &*source.write)?;
        let staged = fs::staged_rel(path, temp);
        let lfs = match git::lfs::state(store.repo_root(), &store.git_path(path))? {
            git::lfs::LfsState::Untracked => false,
            git::lfs::LfsState::Ready => true,
            _ => return Err(lfs_unusable(path)),
        };
        let blob = stored_blob(store, path, &staged, lfs)?;
        out.push(Some(Staged { blob, lfs }));
    }
    Ok(out)
}

fn lfs_unusable(path: &str) -> Error {
    Error::invalid_hint(
        format!(
            "{} goes through Git LFS, which this clone cannot use",
            crate::model::text::escape(path)
        ),
        "install git-lfs and run `git crm setup`",
    )
}

/// Writes the blob git stores for the file at `disk` (store-relative) when it is committed at
/// `path`: its bytes, streamed into the object database, or its LFS pointer.
fn stored_blob(store: &Store, path: &str, disk: &str, lfs: bool) -> Result<String> {
    let mut file = fs::open_read(store.root(), disk)?;
    if lfs {
        let pointer = git::lfs::clean(store.repo_root(), &store.git_path(path), file)?;
        return Ok(git::write_blobs(store.repo_root(), &[&pointer])?.remove(0));
    }
    let size = file.metadata().at(store.path(disk))?.len();
    git::write_blob_from(store.repo_root(), size, &mut file)
}

/// The blob git holds for the document file at `path` as it is now, and whether it goes
/// through LFS; `None` when there is no file. When its stat data proves it unchanged since the
/// index was written, that is the index entry's blob, and the file is not read at all (the
/// content is already in git, or in LFS); otherwise it is stored by streaming.
fn current_blob(store: &Store, path: &str) -> Result<Option<(String, bool)>> {
    let stat = match fs::stat(store.root(), path) {
        Ok(stat) => stat,
        Err(Error::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let git_path = store.git_path(path);
    let state = git::lfs::state(store.repo_root(), &git_path)?;
    let lfs = state != git::lfs::LfsState::Untracked;
    if let Some(blob) = git::indexed_blob(store.repo_root(), &git_path, stat)? {
        return Ok(Some((blob, lfs)));
    }
    // Racily clean (written in the second the index was) or changed: hashing tells, and only
    // content git does not hold yet is stored.
    if let Some(blob) = git::index_blob(store.repo_root(), &git_path)?
        && Current::of(store, path, lfs)?.holds(store, Some(&blob))?
    {
        return Ok(Some((blob, lfs)));
    }
    if lfs && state != git::lfs::LfsState::Ready {
        return Err(lfs_unusable(path));
    }
    Ok(Some((stored_blob(store, path, path, lfs)?, lfs)))
}

/// Whether the old content of `file` is journalled through [`current_blob`] (a document's
/// bytes, of any size) rather than read whole (a record, at most a few MiB).
fn is_bytes(file: &FileOp) -> bool {
    match file {
        FileOp::Stream { .. } | FileOp::Move { .. } => true,
        FileOp::Remove { path } => !path.ends_with(".yaml"),
        FileOp::Create { .. } | FileOp::Update { .. } => false,
    }
}

/// Removes the staged files of a change that will not be written (and the folders left
/// empty); returns how many there were.
fn discard_staging(store: &Store, journal: &Journal) -> usize {
    let mut removed = 0;
    for staged in &journal.staging {
        if fs::kind(store.root(), staged).is_ok_and(|k| k.is_some()) {
            removed += 1;
        }
        let _ = fs::remove(store.root(), staged);
    }
    removed
}

/// The journal entries of a change: new blobs, and the current contents of replaced files,
/// both in the object database first (records written here; documents' bytes as git already
/// holds them, or streamed). A file to create must not exist yet.
fn plan_files(
    store: &Store,
    change: &Change,
    staged: &[Option<Staged>],
) -> Result<Vec<JournalFile>> {
    let mut seen = BTreeSet::new();
    for path in change.files.iter().flat_map(FileOp::paths) {
        if !seen.insert(path) {
            return Err(Error::invalid(format!(
                "a change writes {} twice",
                crate::model::text::escape(path)
            )));
        }
    }
    let must_be_absent = |path: &str| -> Result<()> {
        if fs::kind(store.root(), path)?.is_some() {
            return Err(Error::invalid(format!(
                "{} already exists",
                crate::model::text::escape(path)
            )));
        }
        Ok(())
    };
    // Old contents read whole (records), and old or moved blobs of documents as git holds them.
    let mut olds: Vec<Option<Vec<u8>>> = Vec::with_capacity(change.files.len());
    let mut known: Vec<Option<(String, bool)>> = Vec::with_capacity(change.files.len());
    for file in &change.files {
        let path = file.path();
        let (old, blob) = match file {
            FileOp::Create { .. } | FileOp::Stream { replace: false, .. } => {
                must_be_absent(path)?;
                (None, None)
            }
            FileOp::Move { from, .. } => {
                must_be_absent(path)?;
                let blob = current_blob(store, from)?.ok_or_else(|| {
                    Error::not_found(
                        format!("{} is not there to move", crate::model::text::escape(from)),
                        None,
                    )
                })?;
                (None, Some(blob))
            }
            _ if is_bytes(file) => (None, current_blob(store, path)?),
            FileOp::Update { .. } | FileOp::Remove { .. } | FileOp::Stream { .. } => {
                match fs::read(store.root(), path, MAX_FILE_BYTES) {
                    Ok(bytes) => (Some(bytes), None),
                    Err(Error::Io { error, .. })
                        if error.kind() == std::io::ErrorKind::NotFound =>
                    {
                        (None, None)
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        olds.push(old);
        known.push(blob);
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
        .zip(&known)
        .map(|((f, s), known)| match f {
            FileOp::Remove { .. } => None,
            FileOp::Stream { .. } => s.as_ref().map(|s| s.blob.clone()),
            FileOp::Move { .. } => known.as_ref().map(|(blob, _)| blob.clone()),
            FileOp::Create { .. } | FileOp::Update { .. } => blobs.next(),
        })
        .collect();
    let mut entries = Vec::with_capacity(change.files.len());
    let mut moved = Vec::new();
    for ((((file, staged), new), old), known) in change
        .files
        .iter()
        .zip(staged)
        .zip(news)
        .zip(olds)
        .zip(known)
    {
        let lfs = staged.as_ref().is_some_and(|s| s.lfs) || known.as_ref().is_some_and(|k| k.1);
        let old = match (file, known) {
            (FileOp::Move { from, path }, Some((blob, _))) => {
                // The source: gone from its path, put back there by moving it back.
                moved.push(JournalFile {
                    path: from.clone(),
                    new: None,
                    old: Some(blob),
                    lfs,
                    moved_to: Some(path.clone()),
                });
                None
            }
            (_, Some((blob, _))) => Some(blob),
            (_, None) => old.and_then(|_| blobs.next()),
        };
        entries.push(JournalFile {
            path: file.path().to_string(),
            new,
            old,
            lfs,
            moved_to: None,
        });
    }
    entries.extend(moved);
    Ok(entries)
}

fn write_files(
    store: &Store,
    change: &Change,
    temps: &[Option<String>],
    options: &ApplyOptions<'_>,
) -> Result<()> {
    let total = change.files.len();
    let written = AtomicUsize::new(0);
    let write_one = |(file, temp): (&FileOp, &Option<String>)| -> Result<()> {
        let root = store.root();
        match file {
            FileOp::Create { path, contents } => fs::create_new(root, path, contents.as_bytes())?,
            FileOp::Update { path, contents } => fs::write(root, path, contents.as_bytes())?,
            FileOp::Remove { path } => fs::remove(root, path)?,
            FileOp::Stream { path, replace, .. } => {
                fs::place_staged(root, path, temp.as_deref().unwrap_or_default(), !replace)?
            }
            FileOp::Move { path, from } => fs::move_file(root, from, path)?,
        }
        let n = written.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(progress) = options.progress {
            progress(n, total);
        }
        abort_if(AbortPoint::AfterFiles(n));
        Ok(())
    };
    if total >= PARALLEL_FROM {
        change.files.par_iter().zip(temps).try_for_each(write_one)
    } else {
        change.files.iter().zip(temps).try_for_each(write_one)
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
    // Every staged file was placed before the commit; none should be left, but none may stay.
    discard_staging(store, journal);
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
    let mut note_folder = |path: &str| {
        if let Some((folder, _)) = path.rsplit_once('/') {
            folders.insert(folder.to_string());
        }
    };
    journal.staging.iter().for_each(|s| note_folder(s));
    let discarded = discard_staging(store, journal);
    // Moved files first: each goes back by a rename, its bytes unread.
    for file in &journal.files {
        let Some(to) = &file.moved_to else {
            continue;
        };
        note_folder(&file.path);
        note_folder(to);
        let here = fs::kind(root, &file.path)?;
        let there = fs::kind(root, to)?;
        match (here, there) {
            (None, Some(fs::Kind::File)) => fs::move_file(root, to, &file.path)?,
            // Killed between the two steps of a move by hard link.
            (Some(fs::Kind::File), Some(fs::Kind::File)) if fs::same_file(root, &file.path, to) => {
                fs::remove(root, to)?
            }
            _ => continue,
        }
        restored += 1;
    }
    for file in journal.files.iter().filter(|f| f.moved_to.is_none()) {
        note_folder(&file.path);
        let current = Current::of(store, &file.path, file.lfs)?;
        if current.holds(store, file.old.as_deref())? {
            continue;
        }
        if !current.holds(store, file.new.as_deref())? {
            kept.push(file.path.clone());
            continue;
        }
        match &file.old {
            None => fs::remove(root, &file.path)?,
            Some(blob) => restore(store, file, blob)?,
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
        discarded,
    })
}

/// What a work-tree file of a journal holds, hashed as it is read (constant memory, any size):
/// git's blob id of its bytes, or, for a path stored through LFS, their SHA-256 (what an LFS
/// pointer names).
enum Current {
    Missing,
    Blob(String),
    Sha256(String),
}

/// Largest blob read into memory to put a file back; larger ones are streamed by git.
const SMALL_BLOB: u64 = 1 << 20;

impl Current {
    /// What the work-tree file `rel` holds (`lfs`: as its SHA-256).
    fn of(store: &Store, rel: &str, lfs: bool) -> Result<Current> {
        let mut reader = match fs::open_read(store.root(), rel) {
            Ok(reader) => reader,
            Err(Error::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Current::Missing);
            }
            Err(e) => return Err(e),
        };
        let path = store.path(rel);
        let size = reader.metadata().at(&path)?.len();
        if lfs {
            let mut hasher = Sha256::new();
            std::io::copy(&mut reader, &mut hasher).at(&path)?;
            let digest = hasher.finalize();
            return Ok(Current::Sha256(crate::model::text::hex(&digest)));
        }
        Ok(Current::Blob(git::blob_id_of(size, &mut reader).at(&path)?))
    }

    /// Whether the file holds what git stores as `blob` (`None`: no file).
    fn holds(&self, store: &Store, blob: Option<&str>) -> Result<bool> {
        Ok(match (self, blob) {
            (Current::Missing, None) => true,
            (Current::Missing, Some(_)) | (_, None) => false,
            (Current::Blob(id), Some(blob)) => id == blob,
            (Current::Sha256(sha), Some(blob)) => {
                git::blob_size(store.repo_root(), blob)? <= SMALL_BLOB
                    && git::read_blobs(store.repo_root(), &[blob.to_string()])?
                        .first()
                        .and_then(|p| git::lfs::pointer_oid(p))
                        .is_some_and(|oid| oid == *sha)
            }
        })
    }
}

/// Puts the content of `blob` back at the journal file's path, atomically: a record from
/// memory, a large document streamed out of git, one stored through LFS from its LFS object.
fn restore(store: &Store, file: &JournalFile, blob: &str) -> Result<()> {
    let repo = store.repo_root();
    let root = store.root();
    if file.lfs {
        let pointer = git::read_blobs(repo, &[blob.to_string()])?.remove(0);
        let git_path = store.git_path(&file.path);
        return fs::write_stream(root, &file.path, &|out| {
            git::lfs::smudge(repo, &git_path, &pointer, out).map(|_| ())
        });
    }
    if git::blob_size(repo, blob)? > SMALL_BLOB {
        return fs::write_stream(root, &file.path, &|out| {
            git::copy_blob(repo, blob, out).map(|_| ())
        });
    }
    let data = git::read_blobs(repo, &[blob.to_string()])?;
    fs::write(
        root,
        &file.path,
        data.first().map_or(&[][..], Vec::as_slice),
    )
}
