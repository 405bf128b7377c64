//! `git crm amend <id>` and `git crm void <id> --reason`: correct a touchpoint or note with a
//! correction record (history is never rewritten).

use anyhow::Result;
use clap::Args;

use git_crm::model::records::Direction;
use git_crm::ops::correct::{AmendInput, amend, void};

use super::args::when;
use super::output::finish;
use super::{Ctx, WriteArgs};

/// The long help of `amend`.
const AMEND_HELP: &str = "\
The record itself is not edited: a correction record is written under \
customers/<slug>/corrections/, and every view (timeline, card, inbox, metrics, export, find) \
reads the record as corrected and marks it so. --customer moves a touchpoint, with the rest of \
its thread on that customer, or a note, to another customer: the files move unchanged and one \
correction per record says so. See docs/everyday.md.";

#[derive(Debug, Args)]
#[command(after_long_help = AMEND_HELP)]
pub struct AmendArgs {
    /// The touchpoint or note (a short id prefix from the timeline, or the full id).
    id: String,
    /// The new summary (touchpoints).
    #[arg(long, short)]
    summary: Option<String>,
    /// The new body.
    #[arg(long, conflicts_with = "no_body")]
    body: Option<String>,
    /// Remove the body (touchpoints).
    #[arg(long)]
    no_body: bool,
    /// The new channel (touchpoints).
    #[arg(long, short)]
    channel: Option<String>,
    /// When it really happened: `2026-11-20 09:12`, `yesterday 14:00`, `2 days ago`, ...
    #[arg(long)]
    at: Option<String>,
    /// The new direction (touchpoints): inbound, outbound or internal.
    #[arg(long, short, value_enum)]
    direction: Option<Direction>,
    /// Who: a person for outbound/internal, the customer's contact for inbound.
    #[arg(long)]
    by: Option<String>,
    /// Move it to this customer (slug, or a contact's email or phone).
    #[arg(long)]
    customer: Option<String>,
    /// Why (kept in the correction record).
    #[arg(long)]
    reason: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    /// The touchpoint or note (a short id prefix from the timeline, or the full id).
    id: String,
    /// Why it is withdrawn (required; kept in the correction record).
    #[arg(long)]
    reason: String,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run_amend(ctx: &Ctx, args: AmendArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let at = args
        .at
        .as_deref()
        .map(|t| when(ctx, t, "--at"))
        .transpose()?;
    let body = match (args.body, args.no_body) {
        (_, true) => Some(None),
        (Some(b), false) => Some(Some(b)),
        (None, false) => None,
    };
    let input = AmendInput {
        target: args.id,
        summary: args.summary,
        body,
        channel: args.channel,
        at,
        direction: args.direction,
        by: args.by,
        customer: args.customer,
        reason: args.reason,
    };
    let planned = amend(&ctx.store, &actor, input)?;
    let verb = format!("amended {}; correction", planned.record.target.short());
    let id = planned.record.id.short();
    finish(&txn, &planned, &args.write, &verb, &id)
}

pub fn run_void(ctx: &Ctx, args: VoidArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let planned = void(&ctx.store, &actor, &args.id, &args.reason)?;
    let verb = format!("voided {}; correction", planned.record.target.short());
    let id = planned.record.id.short();
    finish(&txn, &planned, &args.write, &verb, &id)
}
