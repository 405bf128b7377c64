//! `git crm find <text>`: customers by name, slug, contact name, email, phone or mail domain,
//! and touchpoints and notes by their text, ranked.
//!
//! Matching ignores case and accents (`zoe` finds `Zoé`, both sides are transliterated the way
//! slugs are); a query of several words matches what contains every word. Records are read
//! through [`Store::load_all`] (the snapshot cache), so they are the corrected records (voided
//! ones are not found, moved ones are found where they are now).
//!
//! **Ranking.** Customers come first, then touchpoints and notes. Customers rank by how they
//! matched: the exact slug, name, contact email or phone (100), the mail domain (90), the
//! start of the name or slug (70), every word starting a word of the name, slug or a contact's
//! name (60), every word anywhere in them, the emails or phones (40); archived customers a
//! little lower. Touchpoints and notes rank by where the words are: the whole query in the
//! summary (or a note's first line) (60), every word in it (45), every word at the start of a
//! word (+10), the whole query in the body (25), every word somewhere (10); ties go to the most
//! recent.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Timestamp;
use crate::model::contact;
use crate::model::records::{Customer, Direction};
use crate::model::restricted::{self, Shown};
use crate::store::{CustomerBundle, Store};

/// What to look for, and where.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    /// Records at or after.
    pub since: Option<Timestamp>,
    /// Records before.
    pub until: Option<Timestamp>,
    /// Customers of these teams (their current team).
    pub teams: Vec<String>,
    /// Customers owned by these people.
    pub owners: Vec<String>,
    /// Touchpoints on these channels (notes have none, so they are left out).
    pub channels: Vec<String>,
    /// Customers with any of these tags.
    pub tags: Vec<String>,
    /// Only these customers (slugs).
    pub customers: Vec<String>,
    /// Which kinds to search (empty: all).
    pub kinds: Vec<Kind>,
}

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Customer,
    Touchpoint,
    Note,
}

/// A customer found, with why.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerHit {
    pub slug: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    pub archived: bool,
    /// The fields that matched: `slug`, `name`, `contact`, `email`, `phone`, `domain`.
    pub matched: Vec<&'static str>,
    /// The contact that matched, when one did (`Hank Scorpio <hank@globex.example>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    pub score: u32,
    pub path: String,
}

/// A touchpoint or note found.
#[derive(Debug, Clone, Serialize)]
pub struct RecordHit {
    pub kind: Kind,
    /// Short id.
    pub id: String,
    pub customer: String,
    pub at: Timestamp,
    pub by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The summary, or a note's first line.
    pub text: String,
    /// Where the words were: `summary`, `body`, `by`.
    pub matched: Vec<&'static str>,
    /// Whether a correction changed the record.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
    /// For restricted content: its team, and whether the local identity opened it. Content
    /// that could not be opened is never searched (its placeholder is not its text); only
    /// `by` can match it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restricted: Option<Shown>,
    pub score: u32,
    pub path: String,
}

/// The hits, ranked.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub query: String,
    pub customers: Vec<CustomerHit>,
    pub records: Vec<RecordHit>,
}

/// Text as matching sees it: lowercase, accents and other scripts transliterated to ASCII,
/// runs of spaces collapsed.
pub fn fold(text: &str) -> String {
    let ascii: Cow<str> = if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(deunicode::deunicode(text))
    };
    let mut out = String::with_capacity(ascii.len());
    for word in ascii.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// Whether every word is at the start of a word of `hay` (words split on anything that is not
/// a letter or digit).
fn starts_words(hay: &str, words: &[String]) -> bool {
    words.iter().all(|w| {
        hay.match_indices(w.as_str())
            .any(|(i, _)| i == 0 || !hay.as_bytes()[i - 1].is_ascii_alphanumeric())
    })
}

fn contains_all(hay: &str, words: &[String]) -> bool {
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// The query, folded and split, with the forms that name a contact exactly.
struct Needle {
    raw: String,
    folded: String,
    words: Vec<String>,
    email: bool,
    phone: bool,
}

impl Needle {
    fn new(text: &str) -> Result<Self> {
        let folded = fold(text);
        if folded.is_empty() {
            return Err(Error::usage(
                "nothing to find",
                Some("give some text: a name, an email, a phone number, a domain or words from a touchpoint".into()),
            ));
        }
        Ok(Needle {
            raw: text.trim().to_string(),
            words: folded.split(' ').map(str::to_string).collect(),
            email: contact::looks_like_email(text.trim()),
            phone: contact::looks_like_phone(text.trim()),
            folded,
        })
    }
}

fn domains(c: &Customer) -> Vec<String> {
    let mut out: Vec<String> = c
        .contacts
        .iter()
        .filter_map(|k| k.email.as_deref().and_then(contact::email_domain))
        .collect();
    // `domains: [...]`, the mail domains that identify the customer (read when present).
    if let Some(list) = c.extra.get("domains").and_then(|v| v.as_array()) {
        out.extend(
            list.iter()
                .filter_map(|d| d.as_str())
                .map(|d| d.trim().trim_start_matches('@').to_lowercase()),
        );
    }
    out.sort();
    out.dedup();
    out
}

fn customer_hit(b: &CustomerBundle, n: &Needle) -> Option<CustomerHit> {
    let c = &b.customer;
    let slug = b.path.split('/').nth(1).unwrap_or(&c.slug).to_string();
    let name = fold(&c.name);
    let mut matched: Vec<&'static str> = Vec::new();
    let mut score = 0u32;
    let mut found_contact = None;
    let mut bump = |s: u32, field: &'static str, matched: &mut Vec<&'static str>| {
        score = score.max(s);
        if !matched.contains(&field) {
            matched.push(field);
        }
    };
    if slug == n.folded || slug == n.raw {
        bump(100, "slug", &mut matched);
    }
    if name == n.folded {
        bump(100, "name", &mut matched);
    }
    for k in &c.contacts {
        let line = match &k.email {
            Some(e) => format!("{} <{e}>", k.name),
            None => k.name.clone(),
        };
        if contact::contact_matches(k, &n.raw) {
            bump(100, if n.email { "email" } else { "phone" }, &mut matched);
            found_contact.get_or_insert(line.clone());
        }
        let kname = fold(&k.name);
        if kname == n.folded {
            bump(95, "contact", &mut matched);
            found_contact.get_or_insert(line.clone());
        } else if starts_words(&kname, &n.words) {
            bump(60, "contact", &mut matched);
            found_contact.get_or_insert(line.clone());
        }
        if let Some(email) = &k.email
            && !n.email
            && contains_all(&email.to_lowercase(), &n.words)
        {
            bump(40, "email", &mut matched);
            found_contact.get_or_insert(line.clone());
        }
        if let Some(phone) = &k.phone
            && n.phone
        {
            let (have, want) = (contact::phone_digits(phone), contact::phone_digits(&n.raw));
            if !want.is_empty() && have.contains(&want) {
                bump(80, "phone", &mut matched);
                found_contact.get_or_insert(line.clone());
            }
        }
    }
    let query_domain = if n.email {
        contact::email_domain(&n.raw)
    } else {
        Some(n.folded.trim_start_matches('@').to_string())
    };
    if let Some(d) = query_domain
        && domains(c).contains(&d)
    {
        bump(90, "domain", &mut matched);
    }
    if name.starts_with(&n.folded) || slug.starts_with(&n.folded) {
        bump(
            70,
            if name.starts_with(&n.folded) {
                "name"
            } else {
                "slug"
            },
            &mut matched,
        );
    } else if starts_words(&name, &n.words) {
        bump(60, "name", &mut matched);
    } else if starts_words(&slug, &n.words) {
        bump(60, "slug", &mut matched);
    } else if contains_all(&name, &n.words) {
        bump(40, "name", &mut matched);
    } else if contains_all(&slug, &n.words) {
        bump(40, "slug", &mut matched);
    }
    if score == 0 {
        return None;
    }
    if c.archived.is_some() {
        score = score.saturating_sub(5);
    }
    Some(CustomerHit {
        slug,
        name: c.name.clone(),
        owner: c.owner.clone(),
        team: c.team.clone(),
        archived: c.archived.is_some(),
        matched,
        contact: found_contact,
        score,
        path: b.path.clone(),
    })
}

/// The score of a record whose one-line text is `line` and whose longer text is `body`.
fn record_score(line: &str, body: &str, by: &str, n: &Needle) -> Option<(u32, Vec<&'static str>)> {
    let (line, body, by) = (fold(line), fold(body), fold(by));
    let mut matched = Vec::new();
    let in_line = contains_all(&line, &n.words);
    let in_body = contains_all(&body, &n.words);
    let in_by = contains_all(&by, &n.words);
    let all = format!("{line} {body} {by}");
    if !contains_all(&all, &n.words) {
        return None;
    }
    let mut score = 10;
    if in_line {
        matched.push("summary");
        score = if line.contains(&n.folded) { 60 } else { 45 };
        if starts_words(&line, &n.words) {
            score += 10;
        }
    } else if in_body {
        score = if body.contains(&n.folded) { 25 } else { 15 };
    }
    if in_body {
        matched.push("body");
    }
    if in_by {
        matched.push("by");
    }
    if matched.is_empty() {
        matched.push("text");
    }
    Some((score, matched))
}

fn keeps_customer(q: &Query, c: &Customer, slug: &str) -> bool {
    let any = |list: &[String], v: Option<&str>| {
        list.is_empty() || v.is_some_and(|v| list.iter().any(|l| l == v))
    };
    any(&q.customers, Some(slug))
        && any(&q.teams, c.team.as_deref())
        && any(&q.owners, c.owner.as_deref())
        && (q.tags.is_empty() || c.tags.iter().any(|t| q.tags.contains(t)))
}

fn wants(q: &Query, kind: Kind) -> bool {
    q.kinds.is_empty() || q.kinds.contains(&kind)
}

fn in_period(q: &Query, at: &Timestamp) -> bool {
    q.since.is_none_or(|s| *at >= s) && q.until.is_none_or(|u| *at < u)
}

/// Searches the store. Filters naming people, teams, channels or customers the store does not
/// know are refused first, as in the other read commands.
pub fn find(store: &Store, query: &Query) -> Result<Found> {
    let needle = Needle::new(&query.text)?;
    query.teams.iter().try_for_each(|t| store.require_team(t))?;
    query
        .owners
        .iter()
        .try_for_each(|o| store.require_person(o))?;
    query
        .channels
        .iter()
        .try_for_each(|c| store.require_channel(c))?;
    let mut query = query.clone();
    query.customers = store.resolve_customers(&query.customers)?;
    let bundles = store.load_all()?;
    let parts: Vec<(Option<CustomerHit>, Vec<RecordHit>)> = bundles
        .par_iter()
        .filter_map(|b| {
            let slug = b.path.split('/').nth(1).unwrap_or_default();
            keeps_customer(&query, &b.customer, slug)
                .then(|| search_bundle(b, slug, &query, &needle))
        })
        .collect();
    crate::store::snapshot::drop_later(bundles);
    let mut customers = Vec::new();
    let mut records = Vec::new();
    for (c, r) in parts {
        customers.extend(c);
        records.extend(r);
    }
    customers.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.slug.cmp(&b.slug)));
    records.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| b.at.cmp(&a.at))
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(Found {
        query: query.text.clone(),
        customers,
        records,
    })
}

fn search_bundle(
    b: &CustomerBundle,
    slug: &str,
    q: &Query,
    n: &Needle,
) -> (Option<CustomerHit>, Vec<RecordHit>) {
    let customer = wants(q, Kind::Customer)
        .then(|| customer_hit(b, n))
        .flatten();
    let mut records = Vec::new();
    let corrected: std::collections::HashSet<_> =
        b.corrections.iter().map(|c| c.record.target).collect();
    if wants(q, Kind::Touchpoint) {
        for l in &b.interactions {
            let i = &l.record;
            if !in_period(q, &i.at) || !(q.channels.is_empty() || q.channels.contains(&i.channel)) {
                continue;
            }
            let restricted = restricted::shown_of(&i.extra);
            let (summary, body) = match &restricted {
                Some(r) if !r.readable => ("", ""),
                _ => (i.summary.as_str(), i.body.as_deref().unwrap_or_default()),
            };
            if let Some((score, matched)) = record_score(summary, body, &i.by, n) {
                records.push(RecordHit {
                    kind: Kind::Touchpoint,
                    id: i.id.short(),
                    customer: slug.to_string(),
                    at: i.at,
                    by: i.by.clone(),
                    channel: Some(i.channel.clone()),
                    direction: Some(i.direction),
                    text: i.summary.lines().next().unwrap_or_default().to_string(),
                    matched,
                    corrected: corrected.contains(&i.id),
                    restricted,
                    score,
                    path: l.path.clone(),
                });
            }
        }
    }
    if wants(q, Kind::Note) && q.channels.is_empty() {
        for l in &b.notes {
            let note = &l.record;
            if !in_period(q, &note.at) {
                continue;
            }
            let restricted = restricted::shown_of(&note.extra);
            let first = note.body.lines().next().unwrap_or_default();
            let rest = note.body.get(first.len()..).unwrap_or_default();
            let (searched, rest) = match &restricted {
                Some(r) if !r.readable => ("", ""),
                _ => (first, rest),
            };
            if let Some((score, matched)) = record_score(searched, rest, &note.by, n) {
                records.push(RecordHit {
                    kind: Kind::Note,
                    id: note.id.short(),
                    customer: slug.to_string(),
                    at: note.at,
                    by: note.by.clone(),
                    channel: None,
                    direction: None,
                    text: first.to_string(),
                    matched,
                    corrected: corrected.contains(&note.id),
                    restricted,
                    score,
                    path: l.path.clone(),
                });
            }
        }
    }
    (customer, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_words() {
        assert_eq!(fold("  Zoé   BLANC "), "zoe blanc");
        assert_eq!(fold("Müller"), "muller");
        let words = vec!["cre".to_string(), "note".to_string()];
        assert!(starts_words("called hank, credit note on its way", &words));
        assert!(!starts_words("accredit footnote", &words));
        assert!(contains_all("accredit footnote", &words));
    }

    #[test]
    fn records_rank_by_where_the_words_are() {
        let n = Needle::new("credit note").unwrap();
        let summary = record_score("Credit note on its way", "", "alice", &n)
            .unwrap()
            .0;
        let words = record_score("A note about credit", "", "alice", &n)
            .unwrap()
            .0;
        let body = record_score("Called", "the credit note is sent", "alice", &n)
            .unwrap()
            .0;
        let scattered = record_score("Credit", "a note", "alice", &n).unwrap().0;
        assert!(
            summary > words && words > body && body > scattered,
            "{summary} {words} {body} {scattered}"
        );
        assert!(record_score("Called", "nothing", "alice", &n).is_none());
    }
}
