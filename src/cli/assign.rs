//! `git crm assign <customer> --to <person>`.

use anyhow::Result;
use clap::Args;

use super::output::finish;
use super::{Ctx, WriteArgs};

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The customer: its slug, or a contact's email or phone when only one customer has it.
    customer: String,
    /// The new owner's handle.
    #[arg(long)]
    to: String,
    /// The new team (default: the new owner's first team).
    #[arg(long)]
    team: Option<String>,
    /// Why, for the handoff record.
    #[arg(long)]
    reason: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: AssignArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let planned = git_crm::ops::assign::assign(
        &ctx.store,
        &actor,
        &args.customer,
        &args.to,
        args.team,
        args.reason,
    )?;
    let id = planned.record.id.short();
    let slug = planned.path.split('/').nth(1).unwrap_or_default();
    let verb = format!("assigned {slug} to {}; handoff", planned.record.to);
    finish(&txn, &planned, &args.write, &verb, &id)
}
