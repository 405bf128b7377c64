//! `git crm review [<base>..<head>]`.

use anyhow::Result;
use clap::Args;

use git_crm::render::Format;
use git_crm::review::{Range, render, review};

use super::Ctx;
use super::output::print;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// What to review: `<base>..<head>` (also `<base>...<head>`, `<base>..`, or a lone `<base>`
    /// meaning `<base>..HEAD`). Default: the branch's upstream `..HEAD`.
    range: Option<String>,
    /// Exit 1 when head brings a new `check` error or a record edited or deleted after the fact.
    #[arg(long)]
    fail_on_problems: bool,
    /// Output format: text for terminals, markdown for a merge-request comment, json for bots.
    #[arg(long, value_enum, default_value_t)]
    format: super::args::TextJsonMarkdown,
}

pub fn run(ctx: &Ctx, args: ReviewArgs) -> Result<i32> {
    let upstream = match &args.range {
        Some(_) => None,
        None => git_crm::git::Repo::open(ctx.store.repo_root())?.upstream(),
    };
    let range = Range::parse(args.range.as_deref(), upstream)?;
    let review = review(&ctx.store, &range)?;
    print(&match Format::from(args.format) {
        Format::Json => render::json(&review),
        Format::Markdown => render::markdown(&review),
        Format::Table | Format::Csv => render::text(&review),
    })?;
    Ok(if args.fail_on_problems && review.has_problems() {
        1
    } else {
        0
    })
}
