//! `git crm note <customer> <text>`.

use anyhow::Result;
use clap::Args;

use super::args::{split_list, when};
use super::output::finish;
use super::{Ctx, WriteArgs, prompt};

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The customer's slug.
    customer: String,
    /// The note (Markdown); `@handle` mentions a person.
    text: Option<String>,
    #[arg(long)]
    tag: Vec<String>,
    /// When (default now).
    #[arg(long)]
    at: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: NoteArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    ctx.store.require_customer(&args.customer)?;
    let text = prompt::text(args.text, "TEXT", "Note")?;
    let at = args
        .at
        .as_deref()
        .map(|t| when(ctx, t, "--at"))
        .transpose()?;
    let planned = git_crm::ops::note::note(
        &ctx.store,
        &actor,
        &args.customer,
        &text,
        split_list(&args.tag),
        at,
    )?;
    let id = planned.record.id.short();
    finish(&txn, &planned, &args.write, "added note", &id)
}
