//! `git crm log <customer>`: record a touchpoint.

use anyhow::Result;
use clap::Args;

use git_crm::model::records::Direction;
use git_crm::ops::log::{LogInput, log};

use super::args::{split_list, when};
use super::output::finish;
use super::{Ctx, WriteArgs, prompt};

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The customer's slug.
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
    /// Who: a person handle for outbound/internal (default you), the contact for inbound.
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
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    ctx.store.require_customer(&args.customer)?;
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
    let at = args
        .at
        .as_deref()
        .map(|t| when(ctx, t, "--at"))
        .transpose()?;
    let input = LogInput {
        customer: args.customer,
        channel,
        direction,
        summary,
        body: args.body,
        at,
        by: args.by,
        reply_to: args.reply_to,
        resolves: args.resolves,
        tags: split_list(&args.tag),
        automated: args.automated,
    };
    let planned = log(&ctx.store, &actor, input)?;
    let id = planned.record.id.short();
    finish(&txn, &planned, &args.write, "logged touchpoint", &id)
}
