//! `git crm history <customer>`.

use anyhow::Result;
use clap::Args;

use git_crm::history::{customer_history, render};
use git_crm::render::Format;

use super::Ctx;
use super::output::print;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The customer: its slug (the current one; the history follows renames), or a contact's
    /// email or phone.
    customer: String,
    #[command(flatten)]
    zone: super::args::ZoneArgs,
    /// Output format: table (text), markdown or json.
    #[arg(long, value_enum, default_value_t)]
    format: super::args::TextJsonMarkdown,
}

pub fn run(ctx: &Ctx, args: HistoryArgs) -> Result<i32> {
    let zone = args.zone.zone(ctx)?;
    let slug = ctx.store.resolve_customer(&args.customer)?;
    let customer = ctx.store.load_customer(&slug)?;
    let history = customer_history(&ctx.store, &slug)?;
    print(&match Format::from(args.format) {
        Format::Json => render::json(&customer, &history),
        Format::Markdown => render::markdown(&customer, &history, zone),
        Format::Table | Format::Csv => render::text(&customer, &history, zone),
    })?;
    Ok(0)
}
