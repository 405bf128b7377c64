//! Writing a planned import: one change through the store's transaction, so it is checked by
//! the write gate, journalled, written file by file atomically and committed once. Killed at
//! any moment, the next git-crm command undoes the files it wrote (or finishes its commit, if
//! HEAD already moved), so a re-run plans from the store as committed and reports exact counts.

use std::path::Path;

use crate::progress::Progress;

use crate::error::Result;
use crate::store::{Change, Transaction};

use super::{Plan, RecordType};

/// How the plan is written.
#[derive(Debug, Clone, Default)]
pub struct ApplyOptions {
    /// Write the files but do not commit them.
    pub no_commit: bool,
}

/// The result of writing a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub commit: Option<String>,
}

/// Above this many records the commit message lists no ids (a trailer of 50,000 ids helps
/// nobody); the summary and `--format json` still do.
const MAX_TRAILER_IDS: usize = 1000;

/// Writes the plan's files and commits them (no commit when nothing changed).
pub fn apply(
    txn: &Transaction<'_>,
    plan: &Plan,
    actor: &str,
    options: &ApplyOptions,
    progress: &dyn Progress,
) -> Result<Applied> {
    let mut change = commit_change(plan, actor);
    change.files = plan.files.clone();
    apply_batch(txn, &change, options, progress)
}

/// Writes a batch change (an import, an ingest) through the transaction with progress, making
/// no commit when it writes nothing or the files already hold what HEAD has.
pub fn apply_batch(
    txn: &Transaction<'_>,
    change: &Change,
    options: &ApplyOptions,
    progress: &dyn Progress,
) -> Result<Applied> {
    if change.files.is_empty() {
        return Ok(Applied::default());
    }
    progress.phase("writing", "files", Some(change.files.len() as u64));
    let report = |done: usize, _total: usize| progress.reached(done as u64);
    let commit = txn.apply(
        change,
        crate::store::ApplyOptions {
            no_commit: options.no_commit,
            skip_unchanged: true,
            progress: Some(&report),
            ..Default::default()
        },
    )?;
    Ok(Applied { commit })
}

fn commit_change(plan: &Plan, actor: &str) -> Change {
    let counts = plan.counts();
    let what = match plan.records {
        RecordType::Customers => "customers",
        RecordType::Touchpoints => "touchpoints",
    };
    let file = Path::new(&plan.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| plan.file.clone());
    let subject = format!(
        "import: {what} from {file}: {} created, {} updated ({actor})",
        counts.created, counts.updated
    );
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
