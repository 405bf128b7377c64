//! `git crm check [NAME...]`: runs the named checks (all by default) and reports every problem.

use anyhow::{Context, Result};

use git_crm::check::{self, Report};
use git_crm::model::time;

use super::output::print;

/// How `check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: error[check]: message` lines and a summary.
    #[default]
    #[value(alias = "table")]
    Text,
    /// One versioned JSON document on stdout (docs/check.md).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Checks to run (default: all of them; `--list` shows them).
    #[arg(value_name = "NAME")]
    names: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: CheckFormat,
    /// Fail on warnings too (exit 1).
    #[arg(long)]
    strict: bool,
    /// List the checks with what each one finds, and exit.
    #[arg(long)]
    pub list: bool,
    /// First make the repairs that are safe (records a merge left in a renamed customer's old
    /// folder are moved to the customer), in one commit; then check.
    #[arg(long)]
    fix: bool,
}

/// `--list`: needs no store.
pub fn list() -> Result<i32> {
    let width = check::CHECKS.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut out = String::new();
    for name in check::CHECKS {
        out.push_str(&format!("{name:<width$}  {}\n", check::describe(name)));
    }
    print(&out)?;
    Ok(0)
}

pub fn run(ctx: &super::Ctx, args: CheckArgs) -> Result<i32> {
    if args.fix {
        let (actor, txn) = ctx.begin_write()?;
        if let Some((change, moved)) = git_crm::ops::repair::move_stray_records(&ctx.store, &actor)?
        {
            let commit = txn.apply(&change, Default::default())?;
            eprintln!(
                "fixed: moved {moved} record{} into the customers they were renamed to{}",
                if moved == 1 { "" } else { "s" },
                commit
                    .map(|c| format!(" (commit {})", &c[..c.len().min(10)]))
                    .unwrap_or_default()
            );
        }
    }
    let now = time::now();
    let report = check::check_store_at(&ctx.store, &args.names, now)?;
    match args.format {
        CheckFormat::Json => print(&json(&report, args.strict)).context("writing the report")?,
        CheckFormat::Text => print(&text(&report, args.strict))?,
    }
    Ok(if report.passes(args.strict) { 0 } else { 1 })
}

/// Every diagnostic, then one summary line.
pub fn text(report: &Report, strict: bool) -> String {
    let mut out: String = report.diagnostics.iter().map(|d| d.render()).collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let summary = match (report.errors(), report.warnings()) {
        (0, 0) => "no problems".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    let verdict = if report.passes(strict) {
        "ok"
    } else {
        "failed"
    };
    let strict_note = if strict && report.warnings() > 0 {
        " (--strict: warnings fail)"
    } else {
        ""
    };
    out.push_str(&format!(
        "check {verdict}: {} checked, {summary}{strict_note}\n",
        plural(report.files, "file")
    ));
    out
}

/// The versioned JSON document (docs/check.md).
pub fn json(report: &Report, strict: bool) -> String {
    /// `check --format json` (docs/check.md).
    #[derive(serde::Serialize)]
    struct Document<'a> {
        passed: bool,
        strict: bool,
        files: usize,
        errors: usize,
        warnings: usize,
        diagnostics: &'a [git_crm::check::Diagnostic],
    }
    git_crm::render::json_of(&Document {
        passed: report.passes(strict),
        strict,
        files: report.files,
        errors: report.errors(),
        warnings: report.warnings(),
        diagnostics: &report.diagnostics,
    })
}
