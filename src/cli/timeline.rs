//! `git crm timeline <customer>`.

use anyhow::Result;
use clap::Args;

use git_crm::model::time;
use git_crm::render::Format;
use git_crm::render::timeline::{TimelineStyle, json_with, markdown, text};
use git_crm::timeline::{EntryKind, Filter, Timeline};

use super::Ctx;
use super::args::split_list;
use super::output::print;

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The customer: its slug, or a contact's email or phone when only one customer has it.
    customer: String,
    #[command(flatten)]
    period: super::args::PeriodArgs,
    /// Only touchpoints on these channels (repeatable).
    #[arg(long)]
    channel: Vec<String>,
    /// Only these kinds (repeatable).
    #[arg(long, value_enum)]
    kind: Vec<EntryKind>,
    /// Only entries by these people or contacts (repeatable).
    #[arg(long)]
    by: Vec<String>,
    #[command(flatten)]
    zone: super::args::ZoneArgs,
    /// Print touchpoint and note bodies.
    #[arg(long)]
    body: bool,
    /// Weave in who changed the customer when, from git (field changes, renames, edits).
    #[arg(long)]
    history: bool,
    /// Output format (json is versioned; see docs/).
    #[arg(long, value_enum, default_value_t)]
    format: super::args::TextJsonMarkdown,
    #[command(flatten)]
    view: super::view::ViewArg,
}

pub fn run(ctx: &Ctx, args: TimelineArgs) -> Result<i32> {
    let zone = args.zone.zone(ctx)?;
    let period = args.period.resolve(ctx, zone, time::now(), None)?;
    let (since, until) = (period.since, period.until);
    let filter = Filter {
        since,
        until,
        channels: split_list(&args.channel),
        kinds: args.kind,
        by: split_list(&args.by),
        hide_tags: Vec::new(),
    };
    let view = args.view.resolve(ctx)?;
    let slug = ctx.store.resolve_customer(&args.customer)?;
    let bundle = ctx.store.load_bundle(&slug)?;
    let (timeline, hidden) = git_crm::ops::views::timeline(&bundle, &filter, &view);
    let note = super::view::hidden_note(&view, hidden, "entry", "entries");
    let style = TimelineStyle {
        zone,
        store_zone: ctx.store.zone(),
        bodies: args.body,
        width: ctx.ui.width.map(usize::from),
    };
    let timeline = with_history(ctx, args.history, &slug, timeline, &filter)?;
    print(&match Format::from(args.format) {
        Format::Json => json_with(&timeline, Some(view.json(hidden))),
        Format::Markdown => markdown(&timeline, style) + &super::view::note_line(note, "_"),
        Format::Table | Format::Csv => text(&timeline, style) + &super::view::note_line(note, ""),
    })?;
    Ok(0)
}

/// With `--history`, the customer's git history woven in as `change` entries.
fn with_history(
    ctx: &Ctx,
    history: bool,
    customer: &str,
    mut timeline: Timeline,
    filter: &Filter,
) -> Result<Timeline> {
    if history {
        let history = git_crm::history::customer_history(&ctx.store, customer)?;
        git_crm::timeline::history::weave(&mut timeline, &history.events, filter);
        if history.truncated {
            eprintln!("note: {}", git_crm::history::render::TRUNCATED);
        }
    }
    Ok(timeline)
}
