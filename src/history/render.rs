//! The history in the three layouts people and programs read: text for terminals, Markdown,
//! and a versioned JSON document. Every string from the data is escaped here.

use chrono_tz::Tz;

use super::{History, describe};
use crate::model::Customer;
use crate::model::text::escape;
use crate::render::short_time;

/// Text safe to put in Markdown: control characters escaped, markup characters neutralised,
/// and `@` written as an entity so that a note's `@dave` posted in a merge-request comment does
/// not notify whoever is `dave` on the forge.
pub fn md(text: &str) -> String {
    crate::render::markdown::escape_md(text)
}

/// Markdown text with `from -> to` written as an arrow, which reads better in a rendered
/// comment than an escaped `&gt;`.
pub fn md_arrows(text: &str) -> String {
    md(text).replace(" -&gt; ", " → ")
}

/// `acme (Acme Corp)`.
fn title(customer: &Customer) -> String {
    format!("{} ({})", customer.slug, customer.name)
}

/// One block per commit, newest first: when, who, commit, subject, then a line per change.
pub fn text(customer: &Customer, history: &History, zone: Tz) -> String {
    let events = &history.events;
    let mut out = format!("history of {}, newest first\n", escape(&title(customer)));
    if events.is_empty() {
        out.push_str("\n(no commits)\n");
    }
    for e in events {
        out.push_str(&format!(
            "\n{}  {}  {}  {}\n",
            short_time(&e.at, zone),
            escape(&e.by),
            &e.commit[..8.min(e.commit.len())],
            escape(&e.subject)
        ));
        for change in &e.changes {
            out.push_str(&format!("    {}\n", escape(&describe(change))));
        }
    }
    if history.truncated {
        out.push_str(&format!("\n({TRUNCATED})\n"));
    }
    out
}

/// Said under a history that stops at a shallow clone's boundary.
pub const TRUNCATED: &str =
    "older commits are not in this shallow clone; `git fetch --unshallow` gets them";

/// A heading per commit and a bullet per change.
pub fn markdown(customer: &Customer, history: &History, zone: Tz) -> String {
    let events = &history.events;
    let mut out = format!("# History of {}\n", md(&title(customer)));
    for e in events {
        out.push_str(&format!(
            "\n## {} by {} (`{}`)\n\n{}\n\n",
            short_time(&e.at, zone),
            md(&e.by),
            &e.commit[..8.min(e.commit.len())],
            md_arrows(&e.subject)
        ));
        for change in &e.changes {
            out.push_str(&format!("- {}\n", md_arrows(&describe(change))));
        }
    }
    if history.truncated {
        out.push_str(&format!("\n_{}_\n", md(TRUNCATED)));
    }
    out
}

/// `{"version": 1, "customer": {"id", "slug", "name"}, "events": [...], "truncated": false}`.
pub fn json(customer: &Customer, history: &History) -> String {
    #[derive(serde::Serialize)]
    struct Document<'a> {
        customer: Named<'a>,
        events: &'a [super::Event],
        truncated: bool,
    }
    #[derive(serde::Serialize)]
    struct Named<'a> {
        id: crate::model::RecordId,
        slug: &'a str,
        name: &'a str,
    }
    crate::render::json_of(&Document {
        customer: Named {
            id: customer.id,
            slug: &customer.slug,
            name: &customer.name,
        },
        events: &history.events,
        truncated: history.truncated,
    })
}
