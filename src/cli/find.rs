//! `git crm find <text>`: customers, touchpoints and notes, ranked.

use anyhow::Result;
use clap::Args;

use git_crm::find::{self, Found, Kind, Query};
use git_crm::model::text::escape;
use git_crm::render;
use git_crm::render::columns::Marked;

use super::Ctx;
use super::args::TextJson;
use super::output::print;

/// The long help of `find`: what is searched and how hits are ranked.
const LONG_HELP: &str = "\
Searches customers (slug, name, contact names, emails, phone numbers, mail domains) and the text \
of touchpoints (summary, body, author) and notes. Case and accents are ignored (`zoe` finds \
`Zoé`); several words find what contains all of them. Corrected records are searched as \
corrected; voided ones are not found.

Ranking: customers first, best match first: the exact slug, name, contact email or phone; then \
the mail domain; the start of the name or slug; every word starting a word of the name, slug or \
a contact's name; every word anywhere. Then touchpoints and notes: the whole text in the \
summary (a note's first line), then every word in it, then in the body; ties by most recent \
first. --since/--until/--channel restrict touchpoints and notes (a note has no channel); \
--team/--owner/--tag/--customer restrict the customers searched. See docs/everyday.md.";

#[derive(Debug, Args)]
#[command(after_long_help = LONG_HELP)]
pub struct FindArgs {
    /// What to look for: words, a name, an email, a phone number or a mail domain.
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    text: Vec<String>,
    #[command(flatten)]
    period: super::args::PeriodArgs,
    #[command(flatten)]
    slice: super::args::SliceArgs,
    /// Only these kinds of hit (repeatable).
    #[arg(long, value_enum)]
    kind: Vec<Kind>,
    /// Hits listed per section (0: all).
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Output format (the JSON is documented in docs/everyday.md).
    #[arg(long, value_enum, default_value_t)]
    format: TextJson,
}

pub fn run(ctx: &Ctx, args: FindArgs) -> Result<i32> {
    let zone = ctx.store.zone();
    let period = args
        .period
        .resolve(ctx, zone, git_crm::model::time::now(), None)?;
    let (since, until) = (period.since, period.until);
    let slice = args.slice.resolve(ctx)?;
    let query = Query {
        text: args.text.join(" "),
        since,
        until,
        teams: slice.team,
        owners: slice.owner,
        channels: slice.channel,
        tags: slice.tag,
        customers: slice.customer,
        kinds: args.kind,
    };
    let found = find::find(&ctx.store, &query)?;
    match args.format {
        TextJson::Json => print(&render::json_document("find", &found))?,
        TextJson::Table => print(&table(ctx, &found, args.limit))?,
    }
    Ok(0)
}

fn more(shown: usize, total: usize) -> String {
    if shown < total {
        format!("  ... and {} more (--limit 0 lists all)\n", total - shown)
    } else {
        String::new()
    }
}

fn table(ctx: &Ctx, found: &Found, limit: usize) -> String {
    let limit = if limit == 0 { usize::MAX } else { limit };
    let zone = ctx.store.zone();
    if found.customers.is_empty() && found.records.is_empty() {
        return format!("nothing matches `{}`\n", escape(&found.query));
    }
    let mut out = String::new();
    if !found.customers.is_empty() {
        out.push_str(&format!("Customers ({})\n", found.customers.len()));
        let rows: Vec<Vec<Marked>> = found
            .customers
            .iter()
            .take(limit)
            .map(|c| {
                let archived = if c.archived { "(archived)" } else { "" };
                vec![
                    c.slug.clone().into(),
                    Marked::new(c.name.clone(), archived),
                    c.matched.join(", ").into(),
                    c.contact.clone().unwrap_or_default().into(),
                    c.owner.clone().unwrap_or_default().into(),
                ]
            })
            .collect();
        out.push_str(&render::table(
            &ctx.ui,
            &["slug", "name", "matched", "contact", "owner"],
            &rows,
        ));
        out.push_str(&more(rows.len(), found.customers.len()));
    }
    if !found.records.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "Touchpoints and notes ({})\n",
            found.records.len()
        ));
        let rows: Vec<Vec<Marked>> = found
            .records
            .iter()
            .take(limit)
            .map(|r| {
                let what = match (r.kind, r.direction, &r.channel) {
                    (Kind::Note, ..) => "note".to_string(),
                    (_, Some(d), Some(ch)) => {
                        let arrow = match d {
                            git_crm::model::Direction::Inbound => "<-",
                            git_crm::model::Direction::Outbound => "->",
                            git_crm::model::Direction::Internal => "--",
                        };
                        format!("{arrow} {ch}")
                    }
                    _ => "touchpoint".to_string(),
                };
                let corrected = if r.corrected { "[corrected]" } else { "" };
                vec![
                    r.id.clone().into(),
                    r.customer.clone().into(),
                    render::short_time(&r.at, zone).into(),
                    what.into(),
                    r.by.clone().into(),
                    Marked::new(r.text.clone(), corrected),
                ]
            })
            .collect();
        out.push_str(&render::table(
            &ctx.ui,
            &["id", "customer", "at", "what", "by", "text"],
            &rows,
        ));
        out.push_str(&more(rows.len(), found.records.len()));
    }
    out
}
