//! `git crm note <customer> <text>`.

use anyhow::Result;
use clap::Args;

use super::args::{split_list, when};
use super::output::finish;
use super::{Ctx, WriteArgs, prompt};

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The customer: its slug, or a contact's email or phone when only one customer has it.
    customer: String,
    /// The note (Markdown); `@handle` mentions a person.
    text: Option<String>,
    /// Tag the note (repeatable).
    #[arg(long)]
    tag: Vec<String>,
    /// Seal the text to this team (its current members and you); the rest stays in clear.
    #[arg(long, value_name = "TEAM")]
    restricted: Option<String>,
    /// When (default now).
    #[arg(long)]
    at: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: NoteArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let slug = ctx.store.resolve_customer(&args.customer)?;
    let text = prompt::text(args.text, "TEXT", "Note")?;
    let at = args
        .at
        .as_deref()
        .map(|t| when(ctx, t, "--at"))
        .transpose()?;
    let planned = match &args.restricted {
        Some(team) => git_crm::ops::note::note_restricted(
            &ctx.store,
            &actor,
            &slug,
            &text,
            split_list(&args.tag),
            at,
            team,
        )?,
        None => {
            git_crm::ops::note::note(&ctx.store, &actor, &slug, &text, split_list(&args.tag), at)?
        }
    };
    let id = planned.record.id.short();
    finish(&txn, &planned, &args.write, "added note", &id)
}
