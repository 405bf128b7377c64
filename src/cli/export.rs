//! `git crm export customers|touchpoints|notes|handoffs|contacts`: the store as CSV or JSON
//! (contacts also as vCards).

use anyhow::Result;
use clap::{Args, ValueEnum};

use git_crm::export::{ExportFilter, ExportKind, export};
use git_crm::render;

use super::Ctx;
use super::args::{period, split_list};
use super::output::print;

/// Export formats: CSV for spreadsheets, JSON for programs, vCard for address books
/// (contacts only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Vcf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    what: ExportKind,
    /// Output format (json is versioned; see docs/).
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    format: ExportFormat,
    /// Only records at or after this time (customers: created at or after), e.g. `2026-10-01`, `30d`.
    #[arg(long)]
    since: Option<String>,
    /// Only records before this time.
    #[arg(long)]
    until: Option<String>,
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
}

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<i32> {
    let (since, until) = period(
        ctx,
        ctx.store.zone(),
        args.since.as_deref(),
        args.until.as_deref(),
    )?;
    let filter = ExportFilter {
        since,
        until,
        owner: args.owner,
        team: args.team,
        tags: split_list(&args.tag),
        customers: split_list(&args.customer),
        channels: split_list(&args.channel),
    };
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
    match args.format {
        ExportFormat::Vcf => {}
        ExportFormat::Json => print(&render::json_document(args.what.word(), &out.records))?,
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
