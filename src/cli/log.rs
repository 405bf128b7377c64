//! `git crm log <customer>`: record a touchpoint.

use anyhow::Result;
use clap::Args;

use git_crm::model::queue::{Unwatched, unwatched};
use git_crm::model::records::Direction;
use git_crm::ops::log::{LogInput, log};

use super::args::{split_list, when};
use super::output::finish;
use super::{Ctx, WriteArgs, prompt};

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The customer: its slug, or a contact's email or phone when only one customer has it.
    customer: String,
    /// Channel from the store's vocabulary (email, call, chat, meeting, ...).
    #[arg(long, short)]
    channel: Option<String>,
    /// inbound (from the customer), outbound (to the customer) or internal.
    #[arg(long, short, value_enum)]
    direction: Option<Direction>,
    /// One line saying what happened.
    #[arg(long, short)]
    summary: Option<String>,
    /// Longer text (Markdown).
    #[arg(long)]
    body: Option<String>,
    /// When it happened (default now): RFC 3339, `2026-11-02 14:30`, `yesterday`, `3h ago`.
    #[arg(long)]
    at: Option<String>,
    /// Who: a person handle for outbound/internal (default you); for inbound, the customer's
    /// contact (name or email; asked on a terminal when the customer has several, required
    /// without one). A person of the store is never the author of an inbound touchpoint.
    #[arg(long)]
    by: Option<String>,
    /// Join the thread of this touchpoint (short id prefix from the timeline, or `last`).
    #[arg(long, value_name = "ID")]
    reply_to: Option<String>,
    /// This touchpoint resolved the thread.
    #[arg(long)]
    resolves: bool,
    /// Tags (repeatable, or comma-separated).
    #[arg(long)]
    tag: Vec<String>,
    /// Sent by an automation (auto-reply, sequence); never starts or stops a metric clock.
    #[arg(long)]
    automated: bool,
    /// Seal the summary and body to this team (its current members and you); channel,
    /// direction, times and thread stay in clear for the metrics.
    #[arg(long, value_name = "TEAM")]
    restricted: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let slug = ctx.store.resolve_customer(&args.customer)?;
    let channels: Vec<(String, String)> = ctx
        .store
        .config()
        .channels
        .iter()
        .map(|c| (c.clone(), c.clone()))
        .collect();
    let channel = prompt::choose(args.channel, "--channel", "Channel", &channels)?;
    let directions = [
        ("inbound".to_string(), Direction::Inbound),
        ("outbound".to_string(), Direction::Outbound),
        ("internal".to_string(), Direction::Internal),
    ];
    let direction = prompt::choose(args.direction, "--direction", "Direction", &directions)?;
    let summary = prompt::text(args.summary, "--summary", "Summary")?;
    let by = match (direction, args.by) {
        (Direction::Inbound, None) if git_crm::render::Ui::interactive() => {
            let customer = ctx.store.load_customer(&slug)?;
            let candidates = git_crm::ops::log::inbound_candidates(&customer);
            if candidates.len() > 1 {
                let options: Vec<(String, String)> = candidates
                    .into_iter()
                    .map(|c| (git_crm::model::text::escape(&c).into_owned(), c))
                    .collect();
                Some(prompt::choose(
                    None,
                    "--by",
                    "Which contact wrote",
                    &options,
                )?)
            } else {
                None
            }
        }
        (_, by) => by,
    };
    let at = args
        .at
        .as_deref()
        .map(|t| when(ctx, t, "--at"))
        .transpose()?;
    let input = LogInput {
        customer: slug.clone(),
        channel,
        direction,
        summary,
        body: args.body,
        at,
        by,
        reply_to: args.reply_to,
        resolves: args.resolves,
        tags: split_list(&args.tag),
        automated: args.automated,
    };
    let planned = match &args.restricted {
        Some(team) => git_crm::ops::log::log_restricted(&ctx.store, &actor, input, team)?,
        None => log(&ctx.store, &actor, input)?,
    };
    let id = planned.record.id.short();
    let code = finish(&txn, &planned, &args.write, "logged touchpoint", &id)?;
    if direction == Direction::Inbound {
        let customer = ctx.store.load_customer(&slug)?;
        let today = git_crm::model::time::now()
            .with_timezone(&ctx.store.zone())
            .date_naive();
        if let Some(why) = unwatched(ctx.store.config(), &customer, today) {
            eprintln!("{}", unwatched_warning(&slug, &why, 1));
        }
    }
    Ok(code)
}

/// The warning for inbound touchpoints on a customer nobody answers: where they wait, and how
/// to give the customer an owner.
pub fn unwatched_warning(slug: &str, why: &Unwatched, count: usize) -> String {
    use git_crm::model::text::escape;
    let who = match (&why.owner, why.away_until) {
        (Some(owner), Some(until)) => format!("its owner {owner} is away until {until}"),
        (Some(owner), None) => format!("its owner `{owner}` is not a person of this store"),
        (None, _) => "it has no owner".to_string(),
    };
    let what = if count == 1 {
        "this inbound touchpoint".to_string()
    } else {
        format!("these {count} inbound touchpoints")
    };
    let whose = match &why.team {
        Some(team) => {
            format!("{what} waits in team {team}'s queue (`git crm inbox --team {team}`)")
        }
        None => format!("{what} is in nobody's inbox: the customer has no team either"),
    };
    format!(
        "warning: {}: {who}; {whose}\nhint: `git crm assign {} --to <person>` gives it an owner",
        escape(slug),
        escape(slug)
    )
}
