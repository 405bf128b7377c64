//! `git crm export customers|touchpoints|notes|handoffs`: the store as CSV or JSON.

use anyhow::Result;
use clap::{Args, ValueEnum};

use git_crm::export::{ExportFilter, ExportKind, export};
use git_crm::render;

use super::Ctx;
use super::args::{split_list, when};
use super::output::print;

/// Export formats: CSV for spreadsheets, JSON for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    what: ExportKind,
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
    /// Only these customers (slugs; repeatable).
    #[arg(long)]
    customer: Vec<String>,
    /// Only touchpoints on these channels (repeatable).
    #[arg(long)]
    channel: Vec<String>,
}

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<i32> {
    let filter = ExportFilter {
        since: args
            .since
            .as_deref()
            .map(|t| when(ctx, t, "--since"))
            .transpose()?,
        until: args
            .until
            .as_deref()
            .map(|t| when(ctx, t, "--until"))
            .transpose()?,
        owner: args.owner,
        team: args.team,
        tags: split_list(&args.tag),
        customers: split_list(&args.customer),
        channels: split_list(&args.channel),
    };
    let out = export(&ctx.store, args.what, &filter)?;
    match args.format {
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
