//! `git crm sync`: fetch, merge, check and push through the user's `git`.

use anyhow::Result;
use clap::Args;

use git_crm::model::text::escape;
use git_crm::render::{self, Format};
use git_crm::sync::{self, MergeKind, Outcome, SyncOptions, SyncReport};

use super::Ctx;
use super::command_error::{CommandError, Kind};
use super::output::print;

/// The long help of `sync`: the steps and the exit codes scripts rely on.
const LONG_HELP: &str = "\
Steps: refuse on uncommitted changes under the store, a merge or rebase in progress, a detached \
HEAD, a branch without upstream or a clone without the merge driver (`git crm setup`); then \
`git fetch`, `git merge` of the upstream (the field-level merge driver runs), `git crm check` of \
the result before anything is pushed, and `git push`. Network access goes through your `git`, so \
ssh config, agents and credential helpers work. Safe to run again at any point.

Exit codes:
  0  synced, or nothing to do
  1  refused: the clone's state, or check errors after the merge (nothing was pushed)
  3  the merge stopped on conflicts: resolve them and run `git crm sync` again
  4  network or remote failure: the failing git command and its message are printed";

#[derive(Debug, Args)]
#[command(after_long_help = LONG_HELP)]
pub struct SyncArgs {
    /// Fetch and show what would happen (incoming and outgoing commits, expected conflicts);
    /// change nothing but the remote-tracking refs.
    #[arg(long)]
    dry_run: bool,
    /// Push even when `git crm check` finds errors in the merged store.
    #[arg(long)]
    no_check: bool,
    /// Fetch and merge, but do not push.
    #[arg(long)]
    no_push: bool,
    /// Output format (json is versioned; see docs/).
    #[arg(long, value_enum, default_value_t)]
    format: super::args::TextJson,
}

pub fn run(ctx: &Ctx, args: SyncArgs) -> Result<i32> {
    let actor = if ctx.acting.is_some() {
        Some(ctx.actor()?)
    } else {
        ctx.actor().ok()
    };
    let txn = ctx.store.begin()?;
    if let Some(recovery) = txn.recovered() {
        super::output::note(&recovery.describe());
    }
    let options = SyncOptions {
        dry_run: args.dry_run,
        no_check: args.no_check,
        no_push: args.no_push,
        actor,
    };
    let report = sync::sync(&txn, &options)?;
    if Format::from(args.format) == Format::Json {
        print(&render::json_document("sync", &report))?;
    } else {
        print(&text(&report, &options))?;
    }
    match report.outcome {
        Outcome::Conflict => {
            diagnostics(&report);
            Err(CommandError::message(
                Kind::Conflict,
                format!(
                    "the merge stopped on conflicts in {} file{}; nothing was pushed",
                    report.conflicts.len(),
                    plural(report.conflicts.len())
                ),
            )
            .hint("resolve and run `git crm sync` again: edit each file (`git crm check` shows where), `git add` it and `git commit`; `git merge --abort` undoes the merge")
            .into())
        }
        Outcome::CheckFailed => {
            diagnostics(&report);
            let errors = report.check.as_ref().map(|c| c.errors).unwrap_or(0);
            Err(CommandError::message(
                Kind::User,
                format!(
                    "check found {errors} error{} in the merged store; nothing was pushed",
                    plural(errors)
                ),
            )
            .hint("fix them, commit, and run `git crm sync` again; `git crm sync --no-check` pushes anyway")
            .into())
        }
        Outcome::UpToDate | Outcome::Synced | Outcome::DryRun => Ok(0),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn commits(n: usize) -> String {
    format!("{n} commit{}", plural(n))
}

fn short(id: &str) -> &str {
    &id[..id.len().min(10)]
}

/// The report in words, one line per step.
fn text(r: &SyncReport, options: &SyncOptions) -> String {
    let up = escape(&r.upstream.short).into_owned();
    let mut out = format!("{up}: {} incoming, {} outgoing\n", r.incoming, r.outgoing);
    if r.outcome == Outcome::DryRun {
        out.push_str(&dry_run_text(r, options, &up));
        return out;
    }
    match (r.merge, &r.head) {
        (MergeKind::FastForward, Some(head)) => out.push_str(&format!(
            "fast-forwarded {} by {} from {up}, now at {}\n",
            escape(&r.branch),
            commits(r.incoming),
            short(head)
        )),
        (MergeKind::MergeCommit, Some(head)) => out.push_str(&format!(
            "merged {} from {up} in merge commit {}\n",
            commits(r.incoming),
            short(head)
        )),
        _ => {}
    }
    if r.outcome == Outcome::Conflict {
        out.push_str(&format!(
            "conflicts in {} file{}:\n",
            r.conflicts.len(),
            plural(r.conflicts.len())
        ));
        for path in &r.conflicts {
            out.push_str(&format!("  {}\n", escape(path)));
        }
        return out;
    }
    if let Some(c) = &r.check {
        out.push_str(&format!(
            "check: {} file{}, {} error{}, {} warning{}\n",
            c.files,
            plural(c.files),
            c.errors,
            plural(c.errors),
            c.warnings,
            plural(c.warnings)
        ));
    }
    if r.pushed > 0 {
        out.push_str(&format!("pushed {} to {up}\n", commits(r.pushed)));
    } else if options.no_push && r.outcome != Outcome::CheckFailed {
        out.push_str("not pushed (--no-push)\n");
    }
    if r.outcome == Outcome::UpToDate {
        out.push_str("already up to date, nothing to do\n");
    }
    out
}

fn dry_run_text(r: &SyncReport, options: &SyncOptions, up: &str) -> String {
    let mut out = String::new();
    match r.merge {
        MergeKind::None => {}
        MergeKind::FastForward => out.push_str(&format!(
            "would fast-forward {} by {}\n",
            escape(&r.branch),
            commits(r.incoming)
        )),
        MergeKind::MergeCommit => {
            out.push_str(&format!(
                "would merge {} from {up} in a merge commit",
                commits(r.incoming)
            ));
            match &r.predicted_conflicts {
                Some(paths) if paths.is_empty() => out.push_str("; no conflicts expected\n"),
                Some(paths) => {
                    out.push_str(&format!(
                        "; conflicts expected in {} file{}:\n",
                        paths.len(),
                        plural(paths.len())
                    ));
                    for p in paths {
                        out.push_str(&format!("  {}\n", escape(p)));
                    }
                }
                None => out.push('\n'),
            }
        }
    }
    let to_push = r.outgoing + usize::from(r.merge == MergeKind::MergeCommit);
    if to_push > 0 && !options.no_push {
        let check = if options.no_check {
            ""
        } else {
            "check the store and "
        };
        out.push_str(&format!("would {check}push {} to {up}\n", commits(to_push)));
    }
    if r.incoming == 0 && r.outgoing == 0 {
        out.push_str("already up to date, nothing to do\n");
    }
    out.push_str("(dry run: fetched, nothing else changed)\n");
    out
}

/// The check's findings on stderr, as `git crm check` prints them.
fn diagnostics(r: &SyncReport) {
    let Some(check) = &r.check else { return };
    for d in &check.diagnostics {
        eprint!("{}", d.render());
    }
}
