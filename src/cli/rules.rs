//! `git crm rules run|test`.

use anyhow::Result;
use clap::{Args, Subcommand};

use git_crm::model::text::escape;
use git_crm::model::time::Timestamp;
use git_crm::rules::fixtures::{self, TestResult};
use git_crm::rules::history::Scope;
use git_crm::rules::run::{self, Only, Run, RunOptions};
use git_crm::rules::{RULES_FILE, plural};

use super::Ctx;
use super::args::TextJson;
use super::output::print;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do.
    Run(RunArgs),
    /// Run the fixtures under `tests:` of the work tree's rules file and compare the actions.
    Test(TestArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Read events from `<base>..<head>` instead of the commits since the last run.
    range: Option<String>,
    /// The run's "now" (default: now): schedule rules look at the store as of it.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// Run only this rule (repeatable).
    #[arg(long = "rule", value_name = "ID")]
    rules: Vec<String>,
    /// Run only event rules or only schedule (and task.overdue) rules.
    #[arg(long, value_enum)]
    only: Option<Only>,
    /// Fire again what an earlier revision of a rule fired (after editing it).
    #[arg(long)]
    reapply: bool,
    /// Print the plan and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the files but do not commit them.
    #[arg(long)]
    no_commit: bool,
    /// Print nothing when there is nothing to do, or no rules are committed (for hooks and CI).
    #[arg(long)]
    quiet: bool,
    /// Output format (the JSON is documented in docs/rules.md).
    #[arg(long, value_enum, default_value_t)]
    format: TextJson,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Only the fixtures whose name contains this.
    name: Option<String>,
    /// Output format (the JSON is documented in docs/rules.md).
    #[arg(long, value_enum, default_value_t)]
    format: TextJson,
}

/// The problems of a rules file come one a line, `path:line:col: error[rules]: ...` as `check`
/// prints them (the error handler prints a message of several lines line by line).
pub fn run(ctx: &Ctx, cmd: RulesCommand) -> Result<i32> {
    match cmd {
        RulesCommand::Run(args) => run_rules(ctx, args),
        RulesCommand::Test(args) => test(ctx, args),
    }
}

fn run_rules(ctx: &Ctx, args: RunArgs) -> Result<i32> {
    let at = match &args.at {
        Some(text) => Some(super::args::when(ctx, text, "--at")?),
        None => None,
    };
    if let Some(at) = at {
        run::validate_at(at, args.dry_run)?;
    }
    let range = match &args.range {
        Some(spec) => {
            let r = git_crm::review::Range::parse(Some(spec), None)?;
            Some((r.base, r.head))
        }
        None => None,
    };
    // A hook in a clone whose branch has no rules has nothing to do.
    if args.quiet && run::committed_text(&ctx.store, "HEAD", RULES_FILE)?.is_none() {
        return Ok(0);
    }
    let options = RunOptions {
        at,
        rules: args.rules.clone(),
        only: args.only,
        range,
        reapply: args.reapply,
    };
    let txn = if args.dry_run {
        None
    } else {
        let txn = ctx.store.begin()?;
        if let Some(recovery) = txn.recovered() {
            super::output::note(&recovery.describe());
        }
        Some(txn)
    };
    let planned = run::prepare(&ctx.store, &options)?;
    for w in &planned.warnings {
        eprintln!("warning: {}", escape(w));
    }
    let commit = match &txn {
        Some(txn) => run::apply(txn, &planned, args.no_commit)?,
        None => None,
    };
    match args.format {
        TextJson::Json => {
            /// `rules run --format json` (docs/rules.md).
            #[derive(serde::Serialize)]
            struct Document<'a> {
                run: &'a Run,
                dry_run: bool,
                commit: Option<&'a str>,
            }
            print(&git_crm::render::json_of(&Document {
                run: &planned,
                dry_run: args.dry_run,
                commit: commit.as_deref(),
            }))?
        }
        TextJson::Table => {
            if !(args.quiet && planned.plan.is_empty()) {
                print(&text(ctx, &planned, &args, commit.as_deref()))?;
            }
        }
    }
    Ok(0)
}

fn when(ctx: &Ctx, t: &Timestamp) -> String {
    t.with_timezone(&ctx.store.zone())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn scope_words(scope: &Scope) -> String {
    match scope {
        Scope::LastRun { heads, commits } => format!(
            "events from {} since the last run ({})",
            plural(*commits, "commit"),
            heads
                .iter()
                .map(|h| &h[..h.len().min(8)])
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Scope::RulesFile { commits } => format!(
            "events from {} since {RULES_FILE} was committed (no run yet)",
            plural(*commits, "commit")
        ),
        Scope::Range {
            base,
            head,
            commits,
        } => {
            format!(
                "events from {} in {base}..{head}",
                plural(*commits, "commit")
            )
        }
        Scope::None => "no event rules".to_string(),
    }
}

fn text(ctx: &Ctx, run: &Run, args: &RunArgs, commit: Option<&str>) -> String {
    let zone = ctx.store.zone();
    let mut out = format!(
        "rules as of {} ({}) on {}: {}, {}\n",
        when(ctx, &run.plan.as_of),
        zone.name(),
        &run.head[..run.head.len().min(10)],
        plural(run.rules.len(), "rule"),
        scope_words(&run.scope)
    );
    for f in &run.plan.firings {
        out.push_str(&format!(
            "{} on {} ({}, {})\n",
            escape(&f.rule),
            escape(&f.customer),
            escape(&f.subject),
            when(ctx, &f.at)
        ));
        for o in &f.actions {
            out.push_str(&format!("  {}\n", escape(&o.text)));
        }
    }
    let files = run.plan.change.files.len();
    let summary = if run.plan.is_empty() {
        "nothing to do".to_string()
    } else {
        let what = format!(
            "{}, {}",
            plural(run.plan.firings.len(), "firing"),
            plural(files, "file")
        );
        match (args.dry_run, commit) {
            (true, _) => format!("would commit {what}: {}", escape(&run.plan.change.subject)),
            (false, Some(c)) => format!("{what} in commit {}", &c[..c.len().min(10)]),
            (false, None) => format!("{what} written, not committed"),
        }
    };
    out.push_str(&summary);
    if !run.plan.idle.is_empty() {
        out.push_str(&format!(
            " ({} found nothing left to change)",
            plural(run.plan.idle.len(), "firing")
        ));
    }
    out.push('\n');
    out
}

fn test(ctx: &Ctx, args: TestArgs) -> Result<i32> {
    let results = fixtures::test_store(&ctx.store, args.name.as_deref())?;
    let failed = results.iter().filter(|r| !r.passed).count();
    match args.format {
        TextJson::Json => print(&git_crm::render::json_document("tests", &results))?,
        TextJson::Table => print(&test_text(&results))?,
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

fn test_text(results: &[TestResult]) -> String {
    if results.is_empty() {
        return format!("no tests in {RULES_FILE} (add fixtures under `tests:`; docs/rules.md)\n");
    }
    let mut out = String::new();
    for r in results {
        let verdict = if r.passed { "ok  " } else { "FAIL" };
        out.push_str(&format!(
            "{verdict}  {} (line {})\n",
            escape(&r.name),
            r.line
        ));
        if r.passed {
            continue;
        }
        if let Some(e) = &r.error {
            out.push_str(&format!("        error: {}\n", escape(e)));
        }
        for m in &r.missing {
            out.push_str(&format!("        missing:    {}\n", escape(m)));
        }
        for u in &r.unexpected {
            out.push_str(&format!("        unexpected: {}\n", escape(u)));
        }
        if r.error.is_none() && r.plan.is_empty() {
            out.push_str("        the plan is empty\n");
        }
    }
    let failed = results.iter().filter(|r| !r.passed).count();
    out.push_str(&format!(
        "{}: {} passed, {} failed\n",
        plural(results.len(), "test"),
        results.len() - failed,
        failed
    ));
    out
}
