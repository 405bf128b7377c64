//! `git crm export customers|touchpoints|notes|handoffs|threads|contacts`: the store as CSV or
//! JSON (contacts also as vCards); touchpoints, threads and handoffs also as JSON lines or
//! Parquet for analysts, partitioned by month under `--output`.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use git_crm::export::partitions::{self, PartFormat};
use git_crm::export::{ExportFilter, ExportKind, analyst, export};
use git_crm::model::time;
use git_crm::render;

use super::Ctx;
use super::args::{PeriodArgs, split_list};
use super::command_error::{CommandError, Kind};
use super::output::print;

/// Export formats: CSV for spreadsheets, JSON for programs, vCard for address books
/// (contacts only), JSON lines and Parquet for analysts (touchpoints, threads, handoffs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Vcf,
    /// One JSON object per line (to stdout, or partitioned by month under --output).
    Jsonl,
    /// Parquet files partitioned by month under --output (DuckDB, warehouses).
    Parquet,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    what: ExportKind,
    /// Output format (json is versioned; see docs/).
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    format: ExportFormat,
    /// Only records in this period (customers: created in it).
    #[command(flatten)]
    period: PeriodArgs,
    /// Only customers owned by this person (and their records).
    #[arg(long)]
    owner: Option<String>,
    /// Only customers of this team (and their records).
    #[arg(long)]
    team: Option<String>,
    /// Only records with all these tags (customers: customer tags; repeatable).
    #[arg(long)]
    tag: Vec<String>,
    /// Only these customers (slugs, or contact emails or phones; repeatable).
    #[arg(long)]
    customer: Vec<String>,
    /// Only touchpoints on these channels (repeatable).
    #[arg(long)]
    channel: Vec<String>,
    /// Write `DIR/<kind>/month=YYYY-MM/part-0.<ext>` and `DIR/<kind>/schema.json`
    /// (--format jsonl or parquet).
    #[arg(long, short = 'o', value_name = "DIR")]
    output: Option<PathBuf>,
    /// Replace an earlier export in the --output folder.
    #[arg(long, requires = "output")]
    force: bool,
    /// Compute thread and handoff facts as of this instant (default now), as `metrics --at`.
    #[arg(long)]
    at: Option<String>,
}

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<i32> {
    let as_of = match &args.at {
        Some(t) => {
            time::parse_time(t, &ctx.store.reading(), time::Expect::Past)
                .map_err(|e| super::args::usage_of("--at", e))?
                .at
        }
        None => time::now(),
    };
    let period = args.period.resolve(ctx, ctx.store.zone(), as_of, None)?;
    let (since, until) = (period.since, period.until);
    let filter = ExportFilter {
        since,
        until,
        owner: args.owner,
        team: args.team,
        tags: split_list(&args.tag),
        customers: split_list(&args.customer),
        channels: split_list(&args.channel),
    };
    let analyst_format = match args.format {
        ExportFormat::Jsonl => Some(PartFormat::Jsonl),
        ExportFormat::Parquet => Some(PartFormat::Parquet),
        _ => None,
    };
    if args.output.is_some() && analyst_format.is_none() {
        return Err(git_crm::Error::usage(
            "--output writes --format jsonl or parquet",
            Some("redirect csv and json output to a file instead".into()),
        )
        .into());
    }
    if args.what == ExportKind::Threads || analyst_format.is_some() {
        analyst::check_filters(args.what, &filter, args.at.is_some())?;
        let table = analyst::export_table(&ctx.store, args.what, &filter, as_of)?;
        return match (analyst_format, args.output) {
            (Some(format), Some(dir)) => write_partitions(&dir, &table, format, args.force),
            (Some(PartFormat::Jsonl), None) => {
                print(&table.jsonl(table.rows.iter().map(|(_, r)| r.as_slice())))?;
                Ok(0)
            }
            (Some(PartFormat::Parquet), None) => Err(git_crm::Error::usage(
                "--format parquet writes files: give --output DIR",
                Some(format!(
                    "git crm export {} --format parquet --output DIR",
                    args.what.word()
                )),
            )
            .into()),
            (None, _) => print_export(ctx, args.format, args.what, table.to_export()),
        };
    }
    if args.at.is_some() {
        analyst::check_filters(args.what, &filter, true)?;
    }
    if args.format == ExportFormat::Vcf {
        if args.what != ExportKind::Contacts {
            return Err(git_crm::Error::usage(
                "--format vcf exports contacts only",
                Some("run `git crm export contacts --format vcf`".into()),
            )
            .into());
        }
        let customers = git_crm::export::contact_customers(&ctx.store, &filter)?;
        print(&git_crm::ingest::vcf::to_vcards(&customers))?;
        return Ok(0);
    }
    let out = export(&ctx.store, args.what, &filter)?;
    print_export(ctx, args.format, args.what, out)
}

/// Writes the monthly partitions, with a progress bar on a terminal, and says what it wrote.
fn write_partitions(
    dir: &std::path::Path,
    table: &git_crm::export::table::Table,
    format: PartFormat,
    force: bool,
) -> Result<i32> {
    let bar = super::progress::Bar::new();
    let written = partitions::write(dir, table, format, force, &bar).map_err(|e| match e {
        git_crm::Error::BadInput {
            input: git_crm::error::Input::Output,
            message,
            ..
        } => CommandError::message(Kind::User, message)
            .hint("pass --force to replace the export there, or choose another --output folder"),
        other => other.into(),
    })?;
    bar.finish();
    let span = match (written.months.first(), written.months.last()) {
        (Some(a), Some(b)) if a == b => format!(" ({a})"),
        (Some(a), Some(b)) => format!(" ({a} to {b})"),
        _ => String::new(),
    };
    let removed = match written.removed {
        0 => String::new(),
        n => format!(
            "; removed {n} old partition{}",
            if n == 1 { "" } else { "s" }
        ),
    };
    print(&format!(
        "exported {} {} in {} monthly partition{}{span} to {}{removed}\n",
        written.rows,
        table.schema.kind,
        written.months.len(),
        if written.months.len() == 1 { "" } else { "s" },
        git_crm::model::text::escape(&written.folder.display().to_string()),
    ))?;
    Ok(0)
}

/// Prints an export as CSV or JSON.
fn print_export(
    ctx: &Ctx,
    format: ExportFormat,
    what: ExportKind,
    out: git_crm::export::Export,
) -> Result<i32> {
    match format {
        ExportFormat::Vcf | ExportFormat::Jsonl | ExportFormat::Parquet => {}
        ExportFormat::Json => print(&render::json_document(what.word(), &out.records))?,
        ExportFormat::Csv => {
            let headers: Vec<&str> = out.columns.iter().map(String::as_str).collect();
            // A file or a pipe gets the exact bytes; a terminal never gets control characters.
            let rows = if ctx.ui.stdout_tty {
                out.rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|c| git_crm::model::text::escape(c).into_owned())
                            .collect()
                    })
                    .collect()
            } else {
                out.rows
            };
            print(&render::csv(&headers, &rows))?
        }
    }
    Ok(0)
}
