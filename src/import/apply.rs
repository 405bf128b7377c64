//! Writing a planned import so that a kill at any moment is harmless.
//!
//! 1. The paths about to be written are recorded in a journal, `<git dir>/gitcrm/import.journal`
//!    (written atomically), together with the paths of an earlier interrupted import.
//! 2. Each file is written atomically (a temporary file renamed over the target), so no file is
//!    ever torn; temporary files left by a kill are removed on the next run.
//! 3. All journalled paths are committed at once (one commit, or none when HEAD already has
//!    those contents), then the journal is removed.
//!
//! Killed before step 3, the work tree holds complete files and no commit was made. A re-run
//! reads the work tree, so rows already written are found by their key and left unchanged, the
//! rest are written, and the journal puts every file of both runs into the one commit.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::error::{Error, IoContext, Result};
use crate::git;
use crate::store::{Change, FileOp, Store, atomic};

use super::{Plan, RecordType};

/// How the plan is written.
#[derive(Debug, Clone, Default)]
pub struct ApplyOptions {
    /// Write the files but do not commit them (the journal is kept, so the next import
    /// commits them).
    pub no_commit: bool,
    /// Test hook: abort the process (as `kill -9` would) after this many files were written.
    pub abort_after: Option<usize>,
}

/// The result of writing a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub commit: Option<String>,
    /// Files left by an interrupted import that this run committed.
    pub resumed: usize,
}

/// Above this many records the commit message lists no ids (a trailer of 50,000 ids helps
/// nobody); the summary and `--format json` still do.
const MAX_TRAILER_IDS: usize = 1000;

/// The journal of spreadsheet imports; `ingest` keeps its own (`ingest.journal`), so each
/// command completes only its own interrupted run.
pub const IMPORT_JOURNAL: &str = "import.journal";

fn journal_path(store: &Store, name: &str) -> Result<PathBuf> {
    Ok(git::state_dir(store.repo_root())?.join(name))
}

fn read_journal(path: &Path) -> Result<Vec<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Paths of every earlier import or ingest that was interrupted before its commit (empty when
/// none): the files those runs were writing may be missing or incomplete.
pub fn pending(store: &Store) -> Result<Vec<String>> {
    let dir = git::state_dir(store.repo_root())?;
    let mut paths = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().ends_with(".journal") {
                paths.extend(read_journal(&entry.path())?);
            }
        }
    }
    Ok(paths)
}

/// Writes the plan's files and commits them, with whatever an interrupted import left.
pub fn apply(
    store: &Store,
    plan: &Plan,
    actor: &str,
    options: &ApplyOptions,
    progress: &ProgressBar,
) -> Result<Applied> {
    write_journalled(
        store,
        IMPORT_JOURNAL,
        &plan.files,
        |resumed| commit_change(plan, actor, resumed),
        options,
        progress,
    )
}

/// Writes `files` and commits them together with the paths an interrupted run of the same
/// journal left (`journal` is a file name under `<git dir>/gitcrm/`), as described in the
/// module documentation. `change` builds the commit message from the number of resumed paths.
/// A [`FileOp::Remove`] is carried out after every other file is written; a journalled path
/// missing from the disk is committed as removed (a path that was never written is not in HEAD
/// either, so that changes nothing).
pub fn write_journalled(
    store: &Store,
    journal: &str,
    files: &[FileOp],
    change: impl FnOnce(usize) -> Change,
    options: &ApplyOptions,
    progress: &ProgressBar,
) -> Result<Applied> {
    let journal = journal_path(store, journal)?;
    let earlier = read_journal(&journal)?;
    remove_stale_temp_files(store, &earlier);
    let mut paths: BTreeSet<String> = earlier
        .iter()
        .filter(|p| store.refuse_links(p).is_ok())
        .cloned()
        .collect();
    let resumed = paths.iter().filter(|p| store.path(p).is_file()).count();
    paths.extend(files.iter().map(|f| f.path().to_string()));
    if paths.is_empty() {
        return Ok(Applied::default());
    }
    for file in files {
        store.refuse_links(file.path())?;
    }
    let listing: String = paths.iter().map(|p| format!("{p}\n")).collect();
    atomic::write(&journal, listing.as_bytes())?;

    progress.set_position(0);
    progress.set_length(files.len() as u64);
    let written = AtomicUsize::new(0);
    let (removals, writes): (Vec<&FileOp>, Vec<&FileOp>) = files
        .iter()
        .partition(|f| matches!(f, FileOp::Remove { .. }));
    writes.par_iter().try_for_each(|file| -> Result<()> {
        let path = store.path(file.path());
        match file {
            FileOp::Create { contents, .. } => atomic::create_new(&path, contents.as_bytes())?,
            FileOp::Update { contents, .. } => atomic::write(&path, contents.as_bytes())?,
            FileOp::Remove { .. } => unreachable!("removals are partitioned out"),
        }
        progress.inc(1);
        let n = written.fetch_add(1, Ordering::SeqCst) + 1;
        if options.abort_after == Some(n) {
            std::process::abort();
        }
        Ok(())
    })?;
    for file in removals {
        let path = store.path(file.path());
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(path, e)),
        }
        progress.inc(1);
    }
    if options.no_commit {
        return Ok(Applied {
            commit: None,
            resumed,
        });
    }
    let change = change(resumed);
    let author = store.signature(&change.actor, None)?;
    let updates: Vec<git::PathUpdate> = paths
        .iter()
        .map(|p| {
            let disk = store.path(p);
            git::PathUpdate {
                git_path: store.git_path(p),
                disk_path: disk.is_file().then_some(disk),
            }
        })
        .collect();
    progress.set_message("committing");
    let commit = git::commit_paths_if_changed(
        store.repo_root(),
        &updates,
        &change.commit_message(),
        &author,
    )?;
    std::fs::remove_file(&journal).at(&journal)?;
    Ok(Applied { commit, resumed })
}

fn commit_change(plan: &Plan, actor: &str, resumed: usize) -> Change {
    let counts = plan.counts();
    let what = match plan.records {
        RecordType::Customers => "customers",
        RecordType::Touchpoints => "touchpoints",
    };
    let file = Path::new(&plan.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| plan.file.clone());
    let mut subject = format!(
        "import: {what} from {file}: {} created, {} updated ({actor})",
        counts.created, counts.updated
    );
    if resumed > 0 {
        subject = format!("{subject}, completing an interrupted import");
    }
    let op = match plan.records {
        RecordType::Customers => "import.customers",
        RecordType::Touchpoints => "import.touchpoints",
    };
    let mut change = Change::new(op, subject, actor);
    if plan.ids.len() <= MAX_TRAILER_IDS {
        change.ids = plan.ids.clone();
    }
    change
}

/// Removes temporary files (`.<name>.<pid>.<nonce>.tmp`) that a killed write of a journalled
/// path left beside it.
fn remove_stale_temp_files(store: &Store, paths: &[String]) {
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for p in paths {
        if store.refuse_links(p).is_ok()
            && let Some(dir) = store.path(p).parent()
        {
            dirs.insert(dir.to_path_buf());
        }
    }
    let names: BTreeSet<String> = paths
        .iter()
        .filter_map(|p| p.rsplit('/').next())
        .map(|n| format!(".{n}."))
        .collect();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if atomic::is_temp_name(&name) && names.iter().any(|n| name.starts_with(n)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}
