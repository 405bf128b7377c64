//! Writing a planned import: one change through the store's transaction, so it is checked by
//! the write gate, journalled, written file by file atomically and committed once. Killed at
//! any moment, the next git-crm command undoes the files it wrote (or finishes its commit, if
//! HEAD already moved), so a re-run plans from the store as committed and reports exact counts.

use crate::progress::Progress;

use crate::error::{Error, Result};
use crate::model::RecordId;
use crate::store::{Change, FileOp, Transaction};

use super::{InvalidRows, Plan};

/// How the plan is written.
#[derive(Debug, Clone, Default)]
pub struct ApplyOptions {
    /// Write the files but do not commit them.
    pub no_commit: bool,
    /// Whether a plan with invalid rows is written (their rows left out) or refused.
    pub invalid_rows: InvalidRows,
}

/// The result of writing a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub commit: Option<String>,
}

/// Writes the plan's files and commits them (no commit when nothing changed). A plan with
/// problems is refused, writing nothing, unless `options` skip invalid rows.
pub fn apply(
    txn: &Transaction<'_>,
    plan: &Plan,
    actor: &str,
    options: &ApplyOptions,
    progress: &dyn Progress,
) -> Result<Applied> {
    if plan.refused(options.invalid_rows) {
        let rows = plan.invalid_rows().len();
        return Err(Error::invalid(format!(
            "{rows} invalid row{}; nothing was imported",
            if rows == 1 { "" } else { "s" }
        )));
    }
    apply_batch(txn, &plan.change(actor), options, progress)
}

/// Above this many records the commit message of a batch lists no ids (a trailer of 50,000 ids
/// helps nobody); the summary and `--format json` still do.
pub const MAX_TRAILER_IDS: usize = 1000;

/// The one commit of a batch (an import, an ingest): its files and the ids of its records,
/// left out of the trailer above [`MAX_TRAILER_IDS`].
pub fn batch_change(
    op: &str,
    subject: String,
    actor: &str,
    files: &[FileOp],
    ids: &[RecordId],
) -> Change {
    let mut change = Change::new(op, subject, actor);
    change.files = files.to_vec();
    if ids.len() <= MAX_TRAILER_IDS {
        change.ids = ids.to_vec();
    }
    change
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
