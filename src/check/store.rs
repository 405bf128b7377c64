//! Checks across records: unique ids and slugs, slugs matching folders, threads that exist,
//! owner-vs-handoff, duplicate customers and stale customers.

use std::collections::{BTreeMap, HashMap};

use chrono::Duration;

use super::{Ctx, Problem, locate};
use crate::model::records::{Actor, Customer, CustomerStatus, Direction, Handoff, Interaction};
use crate::model::time::rfc3339;
use crate::model::{RecordId, slug};
use crate::store::snapshot::{Content, Record};

/// Days without a touchpoint after which an active customer is stale, unless the config sets
/// `check: {stale_after: ...}`.
pub const DEFAULT_STALE_DAYS: i64 = 30;

/// The records of one customer folder.
#[derive(Default)]
struct Folder<'a> {
    customer: Option<(&'a str, &'a Customer)>,
    interactions: Vec<(&'a str, &'a Interaction)>,
    handoffs: Vec<(&'a str, &'a Handoff)>,
}

pub(super) fn run(ctx: &mut Ctx) {
    let snapshot = ctx.snapshot;
    let mut folders: BTreeMap<&str, Folder> = BTreeMap::new();
    let mut ids: Vec<(RecordId, &str)> = Vec::with_capacity(snapshot.entries.len());
    for entry in &snapshot.entries {
        let Content::Record(record) = &entry.content else {
            continue;
        };
        let path = entry.path.as_str();
        let folder = folders
            .entry(path.split('/').nth(1).unwrap_or_default())
            .or_default();
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
            Record::Note(n) => n.id,
            Record::Task(t) => t.id,
            Record::Document(d) => d.id,
        };
        ids.push((id, path));
    }
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
    slugs(ctx, &folders);
    for (name, folder) in &folders {
        threads(ctx, folder, &ids);
        owner_vs_handoff(ctx, name, folder);
        stale(ctx, name, folder);
    }
    duplicates(ctx, &folders);
}

fn slugs(ctx: &mut Ctx, folders: &BTreeMap<&str, Folder>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (name, folder) in folders {
        let Some((path, customer)) = folder.customer else {
            continue;
        };
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

/// Every touchpoint's `thread` names a touchpoint of the same customer (the thread's first).
fn threads(ctx: &mut Ctx, folder: &Folder, ids: &[(RecordId, &str)]) {
    let own: HashMap<RecordId, &Interaction> = folder
        .interactions
        .iter()
        .map(|(_, i)| (i.id, *i))
        .collect();
    for (path, i) in &folder.interactions {
        if own.contains_key(&i.thread) {
            continue;
        }
        let elsewhere = ids
            .binary_search_by(|(id, _)| id.cmp(&i.thread))
            .ok()
            .map(|at| ids[at].1);
        let message = match elsewhere {
            Some(elsewhere) => format!(
                "thread {} is a record of another customer ({elsewhere})",
                i.thread
            ),
            None => format!("thread {} names no touchpoint of this customer", i.thread),
        };
        let hint = if i.resolves {
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
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "nobody".into());
    let hint = format!(
        "`git crm assign {slug} --to <person>` records a new handoff; or set owner/team to the handoff's `to`"
    );
    if customer.owner != latest.to.owner {
        ctx.report(
            Problem::error(
                "owner-vs-handoff",
                format!(
                    "owner is {} but the latest handoff (handoffs/{file}) hands the customer to {}",
                    show(&customer.owner),
                    show(&latest.to.owner)
                ),
            )
            .hint(hint.clone()),
            path,
            &["owner"],
        );
    }
    if customer.team != latest.to.team {
        let key: &[&str] = if customer.team.is_some() {
            &["team"]
        } else {
            &["owner"]
        };
        ctx.report(
            Problem::error(
                "owner-vs-handoff",
                format!(
                    "team is {} but the latest handoff (handoffs/{file}) hands the customer to team {}",
                    show(&customer.team),
                    show(&latest.to.team)
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

fn stale(ctx: &mut Ctx, slug: &str, folder: &Folder) {
    let Some((path, customer)) = folder.customer else {
        return;
    };
    if customer.status != CustomerStatus::Active || customer.archived.is_some() {
        return;
    }
    let last = folder
        .interactions
        .iter()
        .map(|(_, i)| i)
        .filter(|i| {
            i.actor == Actor::Human && i.direction != Direction::Internal && i.at <= ctx.now
        })
        .map(|i| i.at)
        .max();
    let since = last.unwrap_or(customer.created);
    let limit = stale_after(ctx);
    if ctx.now - since <= limit {
        return;
    }
    let days = (ctx.now - since).num_days();
    let message = match last {
        Some(at) => format!(
            "active, but no touchpoint for {days} days (last on {})",
            rfc3339(&at)
        ),
        None => format!("active, but no touchpoint since it was created {days} days ago"),
    };
    ctx.report(
        Problem::warning("stale", message).hint(format!(
            "log one with `git crm log {slug}`, or set the status to paused or churned (the limit is `check: {{stale_after: {}d}}` in the config)",
            limit.num_days()
        )),
        path,
        &["status"],
    );
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

fn duplicates(ctx: &mut Ctx, folders: &BTreeMap<&str, Folder>) {
    let mut names: HashMap<String, &str> = HashMap::new();
    let mut emails: HashMap<String, (&str, &str)> = HashMap::new();
    for folder in folders.values() {
        let Some((path, customer)) = folder.customer else {
            continue;
        };
        if customer.archived.is_some() {
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
        for contact in &customer.contacts {
            let Some(email) = contact.email.as_deref() else {
                continue;
            };
            let key = email.trim().to_lowercase();
            if key.is_empty() || !own.insert(key.clone()) {
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
