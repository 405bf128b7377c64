//! Checks across records: unique ids and slugs, slugs matching folders, threads that exist,
//! owner-vs-handoff, duplicate customers and stale customers.

use std::collections::HashMap;

use chrono::Duration;

use super::pipeline::{Deferred, Summary};
use super::{Ctx, Problem, locate};
use crate::model::corrections::{Correction, CorrectionKind, amend_interaction, amend_note};
use crate::model::records::{
    Actor, Customer, CustomerStatus, Direction, Handoff, Interaction, Note,
};
use crate::model::time::{Timestamp, rfc3339};
use crate::model::{RecordId, slug};
use crate::store::snapshot::Ts;
use crate::store::snapshot::{Content, Record};

/// Days without a touchpoint after which an active customer is stale, unless the config sets
/// `check: {stale_after: ...}`.
pub const DEFAULT_STALE_DAYS: i64 = 30;

/// The records of one customer folder.
#[derive(Default)]
struct Folder<'a> {
    customer: Option<(&'a str, &'a Customer)>,
    interactions: Vec<(&'a str, &'a Interaction)>,
    notes: Vec<(&'a str, &'a Note)>,
    handoffs: Vec<(&'a str, &'a Handoff)>,
    corrections: Vec<(&'a str, &'a Correction)>,
}

/// The checks of one folder: its records' ids (kept for the checks across folders), its slug,
/// its threads, owner against handoffs, and whether it is stale (decided later).
pub(super) fn run_folder(ctx: &mut Ctx) {
    let snapshot = ctx.snapshot;
    let mut folder = Folder::default();
    let mut ids: Vec<(RecordId, String)> = Vec::new();
    let mut name = "";
    for entry in &snapshot.entries {
        let Content::Record(record) = &entry.content else {
            continue;
        };
        let path = entry.path.as_str();
        name = path.split('/').nth(1).unwrap_or_default();
        let id = match record.as_ref() {
            Record::Customer(c) => {
                folder.customer = Some((path, c));
                c.id
            }
            Record::Interaction(i) => {
                folder.interactions.push((path, i));
                i.id
            }
            Record::Handoff(h) => {
                folder.handoffs.push((path, h));
                h.id
            }
            Record::Note(n) => {
                folder.notes.push((path, n));
                n.id
            }
            Record::Task(t) => t.id,
            Record::Correction(c) => {
                folder.corrections.push((path, c));
                c.id
            }
            Record::Document(d) => d.id,
        };
        ids.push((id, path.to_string()));
    }
    ctx.summary.ids = ids;
    if let Some((path, customer)) = folder.customer {
        slug_matches(ctx, name, path, customer);
        ctx.summary.customer = Some(super::pipeline::CustomerSummary {
            path: path.to_string(),
            slug: customer.slug.clone(),
            name: customer.name.clone(),
            archived: customer.archived.is_some(),
            emails: customer
                .contacts
                .iter()
                .filter_map(|c| c.email.clone())
                .collect(),
        });
        ctx.summary.fields = customer.fields.keys().cloned().collect();
    }
    threads(ctx, &folder);
    corrections(ctx, name, &folder);
    owner_vs_handoff(ctx, name, &folder);
    stale(ctx, name, &folder);
}

/// The checks across folders: unique ids and slugs, threads of another customer, duplicates.
pub(super) fn run_global(ctx: &mut Ctx, summaries: &[Summary]) {
    let mut ids: Vec<(RecordId, &str)> = summaries
        .iter()
        .flat_map(|s| s.ids.iter().map(|(id, path)| (*id, path.as_str())))
        .collect();
    // Sorted by id (then path, which is the order files were listed): a duplicate follows the
    // record it duplicates.
    ids.sort_unstable();
    let duplicate_ids: Vec<(&str, RecordId, &str)> = ids
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| (w[1].1, w[1].0, w[0].1))
        .collect();
    for (path, id, first) in duplicate_ids {
        ctx.report(
            Problem::error("ids", format!("id {id} is also the id of {first}")).hint(
                "ids must be unique: give one of the records a new UUID v7 (and rename its file)",
            ),
            path,
            &["id"],
        );
    }
    unique_slugs(ctx, summaries);
    for summary in summaries {
        foreign_threads(ctx, summary, &ids);
        foreign_corrections(ctx, summary, &ids);
    }
    duplicates(ctx, summaries);
}

/// A customer's slug is valid and is its folder's name.
fn slug_matches(ctx: &mut Ctx, name: &str, path: &str, customer: &Customer) {
    if let Err(why) = slug::validate(&customer.slug) {
        ctx.report(
            Problem::error("slugs", why).hint(format!("set `slug: {name}` (the folder name)")),
            path,
            &["slug"],
        );
    } else if customer.slug != *name {
        ctx.report(
            Problem::error(
                "slugs",
                format!(
                    "slug `{}` does not match the folder `{name}`",
                    customer.slug
                ),
            )
            .hint(format!(
                "set `slug: {name}`, or move the folder with `git crm customer rename {name} {}`",
                customer.slug
            )),
            path,
            &["slug"],
        );
    }
}

/// No two customers say the same slug.
fn unique_slugs(ctx: &mut Ctx, summaries: &[Summary]) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for summary in summaries {
        let Some(customer) = &summary.customer else {
            continue;
        };
        let path = customer.path.as_str();
        if let Some(first) = seen.get(customer.slug.as_str()) {
            ctx.report(
                Problem::error(
                    "slugs",
                    format!("slug `{}` is also the slug of {first}", customer.slug),
                )
                .hint("each customer needs its own slug"),
                path,
                &["slug"],
            );
        } else {
            seen.insert(&customer.slug, path);
        }
    }
}

/// Every touchpoint's `thread` names a touchpoint of the same customer (the thread's first):
/// the ones that do not are kept for [`foreign_threads`], which knows every id.
fn threads(ctx: &mut Ctx, folder: &Folder) {
    let own: HashMap<RecordId, &Interaction> = folder
        .interactions
        .iter()
        .map(|(_, i)| (i.id, *i))
        .collect();
    for (path, i) in &folder.interactions {
        if own.contains_key(&i.thread) {
            continue;
        }
        ctx.summary
            .foreign_threads
            .push((path.to_string(), i.thread, i.resolves));
    }
}

/// A touchpoint whose thread is not one of its customer's: names where the thread is, if it is
/// a record of another customer.
fn foreign_threads(ctx: &mut Ctx, summary: &Summary, ids: &[(RecordId, &str)]) {
    for (path, thread, resolves) in &summary.foreign_threads {
        let (path, thread, resolves) = (path.as_str(), *thread, *resolves);
        let elsewhere = ids
            .binary_search_by(|(id, _)| id.cmp(&thread))
            .ok()
            .map(|at| ids[at].1);
        let message = match elsewhere {
            Some(elsewhere) => {
                format!("thread {thread} is a record of another customer ({elsewhere})")
            }
            None => format!("thread {thread} names no touchpoint of this customer"),
        };
        let hint = if resolves {
            "the thread this touchpoint resolves must exist: set `thread` to the id of the thread's first touchpoint"
        } else {
            "set `thread` to the id of the thread's first touchpoint, or to this touchpoint's own id to start a thread"
        };
        ctx.report(
            Problem::error("refs", message).hint(hint),
            path,
            &["thread"],
        );
    }
}

/// Every correction names a touchpoint or note of its own folder, applies to it, and (when it
/// moved the record) names the folder it is in. A correction whose target is elsewhere was
/// usually left behind by a concurrent move: it no longer applies, which must not go unseen.
/// Every correction applies to a touchpoint or note of its folder: the ones whose target is not
/// there are kept for [`foreign_corrections`], which knows every id.
fn corrections(ctx: &mut Ctx, slug: &str, folder: &Folder) {
    for (path, c) in &folder.corrections {
        let interaction = folder.interactions.iter().find(|(_, i)| i.id == c.target);
        let note = folder.notes.iter().find(|(_, n)| n.id == c.target);
        let applied = match (interaction, note) {
            (Some((_, i)), _) => Some(amend_interaction(i, &c.changes).map(|_| ())),
            (None, Some((_, n))) => Some(amend_note(n, &c.changes).map(|_| ())),
            (None, None) => None,
        };
        match applied {
            None => ctx
                .summary
                .foreign_corrections
                .push((path.to_string(), c.target)),
            Some(Err(why)) if c.kind == CorrectionKind::Amend => ctx.report(
                Problem::error("schema", why)
                    .hint("docs/format.md lists the fields a correction may change"),
                path,
                &["changes"],
            ),
            _ => {}
        }
        // A customer renamed since the move still is the one the record moved to.
        let renamed_from = |old: &str| {
            folder
                .customer
                .is_some_and(|(_, customer)| customer.renamed_from.iter().any(|r| r == old))
        };
        if let Some(to) = c.moved_to()
            && to != slug
            && !renamed_from(to)
        {
            ctx.report(
                Problem::error(
                    "refs",
                    format!("correction says the record moved to `{to}`, but it is in `{slug}`"),
                )
                .hint("move the record with `git crm amend <id> --customer <slug>`"),
                path,
                &["changes", "customer"],
            );
        }
    }
}

/// A correction whose target is not a record of its folder: names where the record is now, if
/// it is a record of another customer.
fn foreign_corrections(ctx: &mut Ctx, summary: &Summary, ids: &[(RecordId, &str)]) {
    for (path, target) in &summary.foreign_corrections {
        let elsewhere = ids
            .binary_search_by(|(id, _)| id.cmp(target))
            .ok()
            .map(|at| ids[at].1);
        let message = match elsewhere {
            Some(other) => format!(
                "correction of {} no longer applies: that record is {other}",
                target.short()
            ),
            None => format!("correction names no touchpoint or note of this customer ({target})"),
        };
        ctx.report(
            Problem::error("refs", message).hint(
                "correct the record where it is now (`git crm amend <id>` / `git crm void <id>`), then remove this file",
            ),
            path,
            &["target"],
        );
    }
}

fn owner_vs_handoff(ctx: &mut Ctx, slug: &str, folder: &Folder) {
    let Some((path, customer)) = folder.customer else {
        return;
    };
    let Some((handoff_path, latest)) = folder
        .handoffs
        .iter()
        .max_by(|a, b| (a.1.at, a.1.id).cmp(&(b.1.at, b.1.id)))
    else {
        return;
    };
    let file = handoff_path.rsplit('/').next().unwrap_or(handoff_path);
    // A declined handoff gave the customer back: its `from` is the owner now.
    let declined = latest.declined().is_some();
    let expected = latest.owner_after();
    let hands = if declined {
        "was declined, which hands the customer back to"
    } else {
        "hands the customer to"
    };
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "nobody".into());
    let hint = format!(
        "`git crm assign {slug} --to <person>` records a new handoff; or set owner/team to the handoff's `to`"
    );
    if customer.owner != expected.owner {
        ctx.report(
            Problem::error(
                "owner-vs-handoff",
                format!(
                    "owner is {} but the latest handoff (handoffs/{file}) {hands} {}",
                    show(&customer.owner),
                    show(&expected.owner)
                ),
            )
            .hint(hint.clone()),
            path,
            &["owner"],
        );
    }
    if customer.team != expected.team {
        let key: &[&str] = if customer.team.is_some() {
            &["team"]
        } else {
            &["owner"]
        };
        ctx.report(
            Problem::error(
                "owner-vs-handoff",
                format!(
                    "team is {} but the latest handoff (handoffs/{file}) {hands} team {}",
                    show(&customer.team),
                    show(&expected.team)
                ),
            )
            .hint(hint),
            path,
            key,
        );
    }
}

/// How long an active customer may go without a touchpoint.
fn stale_after(ctx: &Ctx) -> Duration {
    ctx.config
        .extra
        .get("check")
        .and_then(|c| c.get("stale_after"))
        .and_then(|v| v.as_str())
        .and_then(|v| crate::model::time::parse_duration(v).ok())
        .unwrap_or_else(|| Duration::days(DEFAULT_STALE_DAYS))
}

/// An active customer must have had a touchpoint lately: its times are kept, and
/// [`stale_problem`] decides for the report's `now`.
fn stale(ctx: &mut Ctx, slug: &str, folder: &Folder) {
    let Some((path, customer)) = folder.customer else {
        return;
    };
    if customer.status != CustomerStatus::Active || customer.archived.is_some() {
        return;
    }
    let mut touches: Vec<Ts> = folder
        .interactions
        .iter()
        .map(|(_, i)| i)
        .filter(|i| i.actor == Actor::Human && i.direction != Direction::Internal)
        .map(|i| Ts(i.at))
        .collect();
    touches.sort_by_key(|t| t.0);
    ctx.deferred.push(Deferred::Stale {
        path: path.to_string(),
        slug: slug.to_string(),
        created: Ts(customer.created),
        touches,
    });
}

/// The problem of an active customer created at `created` whose latest touchpoint up to `now`
/// was at `last`, if it is stale at `now`.
pub(super) fn stale_problem(
    ctx: &Ctx,
    slug: &str,
    created: Timestamp,
    last: Option<Timestamp>,
    now: Timestamp,
) -> Option<Problem> {
    let since = last.unwrap_or(created);
    let limit = stale_after(ctx);
    if now - since <= limit {
        return None;
    }
    let days = (now - since).num_days();
    let message = match last {
        Some(at) => format!(
            "active, but no touchpoint for {days} days (last on {})",
            rfc3339(&at)
        ),
        None => format!("active, but no touchpoint since it was created {days} days ago"),
    };
    Some(Problem::warning("stale", message).hint(format!(
        "log one with `git crm log {slug}`, or set the status to paused or churned (the limit is `check: {{stale_after: {}d}}` in the config)",
        limit.num_days()
    )))
}

/// Words that do not tell two companies apart.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "sa",
    "sas",
    "sarl",
    "bv",
    "co",
    "corp",
    "corporation",
    "company",
    "limited",
    "plc",
    "ag",
    "srl",
    "the",
];

/// A name reduced to what identifies it: folded, lowercase, without punctuation or legal form.
pub fn normalise_name(name: &str) -> String {
    slug::slugify(name)
        .split('-')
        .filter(|w| !w.is_empty() && !LEGAL_SUFFIXES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn duplicates(ctx: &mut Ctx, summaries: &[Summary]) {
    let mut names: HashMap<String, &str> = HashMap::new();
    let mut emails: HashMap<String, (&str, &str)> = HashMap::new();
    for summary in summaries {
        let Some(customer) = &summary.customer else {
            continue;
        };
        let path = customer.path.as_str();
        if customer.archived {
            continue;
        }
        let name = normalise_name(&customer.name);
        if !name.is_empty() {
            if let Some(first) = names.get(&name) {
                ctx.report(
                    Problem::warning(
                        "duplicates",
                        format!(
                            "name `{}` looks like the same customer as {first}",
                            customer.name
                        ),
                    )
                    .hint("merge the two customers and archive one, or tell them apart by name"),
                    path,
                    &["name"],
                );
            } else {
                names.insert(name, path);
            }
        }
        let mut own = std::collections::HashSet::new();
        for email in &customer.emails {
            let key = email.trim().to_lowercase();
            if key.is_empty() {
                continue;
            }
            if !own.insert(key.clone()) {
                ctx.report(
                    Problem::warning(
                        "duplicates",
                        format!("contact email `{email}` is listed twice on this customer"),
                    )
                    .hint("keep one contact per address: merge the two entries"),
                    path,
                    &["contacts"],
                );
                continue;
            }
            match emails.get(&key) {
                Some((first, _)) if *first != path => {
                    let place = ctx
                        .text(path)
                        .and_then(|t| locate::key_value(&t, "email", email));
                    ctx.push(
                        Problem::warning(
                            "duplicates",
                            format!("contact email `{email}` is also a contact of {first}"),
                        )
                        .hint("one person, one customer: remove the contact from one of them, or merge the customers"),
                        path,
                        place.map(|p| p.0),
                        place.map(|p| p.1),
                    );
                }
                Some(_) => {}
                None => {
                    emails.insert(key, (path, email));
                }
            }
        }
    }
}
