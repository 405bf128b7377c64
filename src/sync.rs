//! `sync`: share this clone's commits and take the others', in one step that is safe to repeat.
//!
//! 1. Refuse when the clone is not in a state to merge: uncommitted changes under the store, a
//!    merge/rebase/cherry-pick in progress, a detached HEAD, a branch without an upstream, or a
//!    clone whose merge driver is not registered (`git crm setup`).
//! 2. `git fetch <remote>`.
//! 3. `git merge <upstream>` when there is something incoming: a fast-forward when possible,
//!    else a merge commit whose message says what was merged. The user's `git` runs it, so the
//!    field-level merge driver, hooks and signing apply. Conflicts stop here, leaving git's merge
//!    state for the person to resolve (exit 3).
//! 4. When there is something to push, `check` the merged store; errors stop the push (exit 1)
//!    unless the check is skipped.
//! 5. `git push <remote> HEAD:<upstream branch>`.
//!
//! Network and remote failures (fetch or push) are [`Error::Remote`] (exit 4), naming the git
//! command and quoting what git said.

use serde::Serialize;

use crate::check::{self, Diagnostic};
use crate::error::{Error, Result};
use crate::git::remote::{self, InProgress, MergeResult, Upstream};
use crate::model::text::escape;
use crate::store::{Store, Transaction};

/// What the caller wants.
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// Fetch and report what would happen, change nothing else.
    pub dry_run: bool,
    /// Push even when `check` finds errors in the merged store.
    pub no_check: bool,
    /// Fetch and merge, but do not push.
    pub no_push: bool,
    /// The acting person, named in the merge commit's trailers when known.
    pub actor: Option<String>,
}

/// How a sync ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Nothing incoming, nothing outgoing.
    UpToDate,
    /// Merged and/or pushed what there was.
    Synced,
    /// `--dry-run`: only fetched and looked.
    DryRun,
    /// The merge stopped on conflicts; git's merge state is left for the person (exit 3).
    Conflict,
    /// The merged store has `check` errors; nothing was pushed (exit 1).
    CheckFailed,
}

/// How the upstream's commits came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeKind {
    /// Nothing to merge.
    None,
    /// The branch moved forward to the upstream (no merge commit).
    FastForward,
    /// Both sides had commits: a merge commit joins them.
    MergeCommit,
}

/// The `check` run that gates the push.
#[derive(Debug, Clone, Serialize)]
pub struct CheckSummary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// What `sync` found and did.
#[derive(Debug, Clone, Serialize)]
pub struct SyncReport {
    pub outcome: Outcome,
    pub branch: String,
    pub upstream: Upstream,
    /// Commits on the upstream that HEAD did not have, after the fetch.
    pub incoming: usize,
    /// Commits in HEAD that the upstream did not have, before the merge.
    pub outgoing: usize,
    pub merge: MergeKind,
    /// The commit HEAD points at after the merge, when one happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// Paths left conflicted by the merge.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
    /// With `--dry-run`: paths a merge would leave conflicted (`None`: could not tell).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicted_conflicts: Option<Vec<String>>,
    /// The check that ran before pushing (or, after a conflict, the conflict-markers check).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckSummary>,
    /// Commits pushed.
    pub pushed: usize,
    /// Records moved out of renamed customers' old folders after the merge.
    #[serde(skip_serializing_if = "is_zero")]
    pub moved: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Runs a sync of the store's clone, holding the store's write lock (`txn`), so no git-crm
/// command commits while git merges.
pub fn sync(txn: &Transaction<'_>, options: &SyncOptions) -> Result<SyncReport> {
    let store = txn.store();
    let root = store.repo_root();
    let (branch, upstream) = preflight(store)?;
    remote::fetch(root, &upstream)?;
    let upstream_exists = remote::rev_exists(root, &upstream.tracking_ref)?;
    let (outgoing, incoming) = if upstream_exists {
        remote::ahead_behind(root, &upstream.tracking_ref)?
    } else {
        (count_commits(root)?, 0)
    };
    let mut report = SyncReport {
        outcome: Outcome::UpToDate,
        branch,
        upstream,
        incoming,
        outgoing,
        merge: MergeKind::None,
        head: None,
        conflicts: Vec::new(),
        predicted_conflicts: None,
        check: None,
        pushed: 0,
        moved: 0,
    };
    if incoming > 0 {
        report.merge = if outgoing == 0 {
            MergeKind::FastForward
        } else {
            MergeKind::MergeCommit
        };
    }
    if options.dry_run {
        report.outcome = Outcome::DryRun;
        if report.merge == MergeKind::MergeCommit {
            report.predicted_conflicts =
                remote::predict_conflicts(root, &report.upstream.tracking_ref)?;
        }
        return Ok(report);
    }
    if incoming > 0 {
        let message = merge_message(&report, options.actor.as_deref());
        match remote::merge(root, &report.upstream.tracking_ref, &message)? {
            MergeResult::Merged => {
                // Records the other side added under a slug this side renamed (or the other
                // way round) join their customer's folder before anything is checked.
                if let Some(actor) = options.actor.as_deref()
                    && let Some((change, moved)) =
                        crate::ops::repair::move_stray_records(store, actor)?
                {
                    txn.apply(&change, Default::default())?;
                    report.moved = moved;
                }
                report.head = Some(remote::rev_parse(root, "HEAD")?);
            }
            MergeResult::Conflicts(paths) => {
                report.conflicts = paths;
                report.outcome = Outcome::Conflict;
                report.check = check::check_store(store, &["conflict-markers".to_string()])
                    .ok()
                    .map(summary);
                return Ok(report);
            }
        }
    }
    let to_push = if upstream_exists {
        remote::ahead_behind(root, &report.upstream.tracking_ref)?.0
    } else {
        report.outgoing
    };
    if to_push > 0 && !options.no_push {
        if !options.no_check {
            let found = summary(check::check_store(store, &[])?);
            let failed = found.errors > 0;
            report.check = Some(found);
            if failed {
                report.outcome = Outcome::CheckFailed;
                return Ok(report);
            }
        }
        remote::push(root, &report.upstream)?;
        report.pushed = to_push;
    }
    if incoming > 0 || report.pushed > 0 {
        report.outcome = Outcome::Synced;
    }
    Ok(report)
}

/// The checks before anything is fetched: the branch and its upstream, or why not.
fn preflight(store: &Store) -> Result<(String, Upstream)> {
    let root = store.repo_root();
    if let Some(op) = remote::in_progress(root)? {
        let conflicted = remote::conflicted_paths(root).unwrap_or_default();
        if op == InProgress::Merge && !conflicted.is_empty() {
            return Err(Error::Conflict(format!(
                "a merge is in progress with unresolved conflicts in {}: {}",
                list(&conflicted),
                op.hint()
            )));
        }
        return Err(Error::invalid_hint(
            format!(
                "{} is in progress in this clone; sync merges only from a settled state",
                op.word()
            ),
            op.hint(),
        ));
    }
    let Some(branch) = remote::current_branch(root)? else {
        return Err(Error::invalid_hint(
            "HEAD is detached: sync merges into and pushes a branch",
            "switch to the branch to share, for example `git switch main`",
        ));
    };
    let dirty = remote::uncommitted(root, &store.git_path(""))?;
    if !dirty.is_empty() {
        return Err(Error::invalid_hint(
            format!("uncommitted changes in the store: {}", list(&dirty)),
            "commit them (`git add` and `git commit`) or set them aside (`git stash -u`), then run `git crm sync` again",
        ));
    }
    if !store.merge_driver_registered() {
        return Err(Error::invalid_hint(
            "the git-crm merge driver is not registered in this clone, so git would merge customer records line by line",
            "run `git crm setup` once in this clone, then `git crm sync`",
        ));
    }
    let Some(upstream) = remote::upstream(root, &branch)? else {
        return Err(Error::invalid_hint(
            format!("branch `{}` has no upstream to sync with", escape(&branch)),
            format!(
                "set one with `git push -u origin {b}` (or `git branch --set-upstream-to=origin/{b}`); `git remote -v` lists the remotes, `git remote add origin <url>` adds one",
                b = escape(&branch)
            ),
        ));
    };
    Ok((branch, upstream))
}

/// The merge commit's message: what was merged, in words, with the trailers scripts read.
fn merge_message(report: &SyncReport, actor: Option<&str>) -> String {
    let n = report.incoming;
    let mut message = format!(
        "sync: merge {n} commit{} from {} into {}",
        if n == 1 { "" } else { "s" },
        report.upstream.short,
        report.branch
    );
    if let Some(actor) = actor {
        message.push_str(&format!(" ({actor})"));
    }
    message.push_str("\n\nCrm-Op: sync.merge\n");
    if let Some(actor) = actor {
        message.push_str(&format!("Crm-Actor: {actor}\n"));
    }
    message
}

fn count_commits(root: &std::path::Path) -> Result<usize> {
    if !remote::rev_exists(root, "HEAD")? {
        return Ok(0);
    }
    remote::commit_count(root, "HEAD")
}

fn summary(report: check::Report) -> CheckSummary {
    CheckSummary {
        files: report.files,
        errors: report.errors(),
        warnings: report.warnings(),
        diagnostics: report.diagnostics,
    }
}

/// Up to five paths, then how many more.
fn list(paths: &[String]) -> String {
    let shown: Vec<String> = paths
        .iter()
        .take(5)
        .map(|p| escape(p).into_owned())
        .collect();
    let more = paths.len().saturating_sub(shown.len());
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
