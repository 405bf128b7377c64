//! `git crm import <file> --rules <rules.yaml>`: customers or touchpoints from a spreadsheet.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use git_crm::import::{self, Action, ApplyOptions, InvalidRows, Plan};
use git_crm::model::text::escape;
use git_crm::render::Format;

use super::Ctx;
use super::output::print;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet: CSV/TSV (UTF-8), XLSX, XLS, XLSB or ODS.
    file: PathBuf,
    /// The rules file that maps its columns to fields (see docs/import.md).
    #[arg(long, value_name = "RULES.yaml")]
    rules: PathBuf,
    /// Import the valid rows and list the invalid ones, instead of importing nothing.
    #[arg(long)]
    skip_invalid: bool,
    /// Show what would be created and changed, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the files but do not commit them (the next import commits them).
    #[arg(long)]
    no_commit: bool,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t)]
    format: super::args::TextJson,
}

pub fn run(ctx: &Ctx, args: ImportArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let bar = super::progress::Bar::new();
    let plan = import::plan(&ctx.store, &args.file, &args.rules, &actor, &bar)?;
    bar.finish();
    let invalid_rows = if args.skip_invalid {
        InvalidRows::Skip
    } else {
        InvalidRows::Refuse
    };
    let refused = plan.refused(invalid_rows);
    if refused || args.dry_run {
        report(&args, &plan, None, refused)?;
        if refused {
            return Err(refusal(&plan));
        }
        return Ok(0);
    }
    let options = ApplyOptions {
        no_commit: args.no_commit,
        invalid_rows,
    };
    let bar = super::progress::Bar::new();
    let applied = import::apply(&txn, &plan, &actor, &options, &bar)?;
    bar.finish();
    report(&args, &plan, applied.commit.as_deref(), false)?;
    let today = git_crm::model::time::now()
        .with_timezone(&ctx.store.zone())
        .date_naive();
    for (slug, count) in plan.inbound_created() {
        if let Ok(customer) = ctx.store.load_customer(&slug)
            && let Some(why) =
                git_crm::model::queue::unwatched(ctx.store.config(), &customer, today)
        {
            eprintln!("{}", super::log::unwatched_warning(&slug, &why, count));
        }
    }
    Ok(0)
}

/// Said when no imported touchpoint will count in metrics: the default `actor` of an import
/// is `import`, which starts and stops no clock.
fn outside_metrics_warning(rows: usize) -> String {
    format!(
        "warning: none of the {rows} touchpoint{} counts in metrics: their actor is not `human` (the default for an import is `import`)\n  = hint: when the rows are people's work, set `defaults: {{actor: human}}` in the rules (docs/import.md)",
        if rows == 1 { "" } else { "s" }
    )
}

fn refusal(plan: &Plan) -> anyhow::Error {
    let rows = plan.invalid_rows();
    anyhow::Error::new(git_crm::Error::invalid_hint(
        format!(
            "{} invalid row{}; nothing was imported",
            rows.len(),
            if rows.len() == 1 { "" } else { "s" }
        ),
        "fix them, or pass --skip-invalid to import the other rows",
    ))
}

fn report(args: &ImportArgs, plan: &Plan, commit: Option<&str>, refused: bool) -> Result<()> {
    let counts = plan.counts();
    for problem in &plan.problems {
        eprintln!("{problem}");
    }
    if !refused && plan.all_outside_metrics() {
        eprintln!("{}", outside_metrics_warning(plan.touchpoint_rows));
    }
    if Format::from(args.format) == Format::Json {
        return print(&git_crm::render::json_of(&Document {
            import: Summary {
                file: &plan.file,
                rules: args.rules.display().to_string(),
                records: plan.records,
                dry_run: args.dry_run,
                imported: !refused && !args.dry_run,
                created: counts.created,
                updated: counts.updated,
                unchanged: counts.unchanged,
                skipped: counts.skipped,
                commit,
                problems: &plan.problems,
                rows: &plan.outcomes,
            },
        }));
    }
    if refused {
        return Ok(());
    }
    let mut out = String::new();
    if args.dry_run {
        for o in &plan.outcomes {
            let path = escape(o.path.as_deref().unwrap_or("")).into_owned();
            match o.action {
                Action::Created => out.push_str(&format!("would create {path} (row {})\n", o.row)),
                Action::Updated => out.push_str(&format!(
                    "would update {path} (row {}): {}\n",
                    o.row,
                    o.changed.join(", ")
                )),
                _ => {}
            }
        }
    }
    for o in plan.outcomes.iter().filter(|o| o.action == Action::Skipped) {
        if plan.problems.iter().all(|p| p.row != o.row) {
            out.push_str(&format!(
                "skipped row {}: {}\n",
                o.row,
                escape(o.reason.as_deref().unwrap_or(""))
            ));
        }
    }
    let verb = if args.dry_run {
        "would import"
    } else {
        "imported"
    };
    out.push_str(&format!(
        "{verb} {} from {}: {} created, {} updated, {} unchanged, {} skipped\n",
        match plan.records {
            import::RecordType::Customers => "customers",
            import::RecordType::Touchpoints => "touchpoints",
        },
        escape(&plan.file),
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.skipped
    ));
    if !args.dry_run {
        match commit {
            Some(c) => out.push_str(&format!("in commit {}\n", &c[..c.len().min(10)])),
            None if args.no_commit && (counts.created + counts.updated) > 0 => {
                out.push_str("(not committed)\n")
            }
            None => out.push_str("nothing to commit\n"),
        }
    }
    print(&out)
}

/// `import --format json` (docs/import.md).
#[derive(serde::Serialize)]
struct Document<'a> {
    import: Summary<'a>,
}

#[derive(serde::Serialize)]
struct Summary<'a> {
    file: &'a str,
    rules: String,
    records: import::RecordType,
    dry_run: bool,
    imported: bool,
    created: usize,
    updated: usize,
    unchanged: usize,
    skipped: usize,
    commit: Option<&'a str>,
    problems: &'a [import::Problem],
    rows: &'a [import::Outcome],
}
