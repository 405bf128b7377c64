//! `git crm ingest mail`: each message becomes one `email` touchpoint of its customer.
//!
//! The run: read the sources ([`source`]), parse every message in parallel batches
//! ([`parse`]), drop duplicates, classify by addresses ([`classify`]), find the customer of
//! internal mail and forwards through the thread, make `lead` customers for the rest when asked,
//! then per customer thread every mail touchpoint it has together with the new ones
//! ([`thread`]) and plan each file: created, updated in place (only the fields ingest owns;
//! tags and `resolves: true` someone added are kept), or unchanged.

pub mod classify;
mod documents;
pub mod parse;
pub mod source;
pub mod spool;
pub mod text;
pub mod thread;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::progress::Progress;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use self::classify::Classified;
use self::parse::{Attachment, Limits, Parsed};
use super::directory::Directory;
use super::{Action, DocumentOutcome, Kind, Outcome, Plan, Problem, Stored, refresh};
use crate::error::{Error, Result};
use crate::model::records::{Actor, Direction, Extra, Interaction, RecordKind, Source};
use crate::model::{RecordId, Timestamp, text as model_text};
use crate::store::{FileOp, Store, layout, yaml};

/// The `source.system` of ingested mail.
pub const SYSTEM: &str = "mail";
/// The channel of ingested mail.
pub const CHANNEL: &str = "email";

/// What `ingest mail` is given.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files, Maildir folders, or `-` for stdin.
    pub paths: Vec<PathBuf>,
    pub limits: Limits,
    /// Make a `lead` customer for mail nobody claims.
    pub create_customers: bool,
    /// Keep attachments as metadata only, storing no documents (`--no-attachments`).
    pub no_attachments: bool,
    /// Who runs the ingest: the `by` of a document when the message names no person of the
    /// store and its customer has no owner.
    pub actor: String,
}

/// How an ingested mail thread becomes resolved: `config.yaml`'s `ingest: {mail: {resolve:
/// reply}}` (the default) marks each human outbound mail `resolves: true`, so the thread is
/// resolved by our reply and reopened by the customer's next message; `none` leaves resolving
/// to people (`git crm log --reply-to <id> --resolves`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResolveRule {
    Reply,
    None,
}

/// The resolve rule of the store's config.
pub fn resolve_rule(store: &Store) -> Result<ResolveRule> {
    let value = store
        .config()
        .extra
        .get("ingest")
        .and_then(|i| i.get("mail"))
        .and_then(|m| m.get("resolve"));
    match value.map(|v| v.as_str()) {
        None => Ok(ResolveRule::Reply),
        Some(Some("reply")) => Ok(ResolveRule::Reply),
        Some(Some("none")) => Ok(ResolveRule::None),
        Some(_) => Err(Error::invalid_hint(
            format!(
                "{}: `ingest.mail.resolve` must be `reply` or `none`",
                layout::CONFIG_FILE
            ),
            "see docs/ingest.md, \"When is a mail thread resolved\"",
        )),
    }
}

/// What a mail touchpoint keeps of its message, besides the touchpoint fields (stored under
/// `mail:`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MailMeta {
    /// `Name <address>` of the sender.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    /// Recipients left out over the limit of 50 per field.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_recipients: usize,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<String>,
    /// References, the parent last (what threading reads on later runs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Why the message counts as automated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl MailMeta {
    /// The `mail:` block of a stored touchpoint, if it has a readable one.
    pub fn of(i: &Interaction) -> Option<MailMeta> {
        serde_json::from_value(i.extra.get("mail")?.clone()).ok()
    }
}

/// The id of the touchpoint of a message: its time is the message's, its random bits (and so
/// its short id and file name) come from the key alone.
pub fn touchpoint_id(at: Timestamp, key: &str) -> RecordId {
    RecordId::derived(at.to_utc(), &[SYSTEM, key])
}

/// The short id the touchpoint of `key` has, whatever its time: finds an ingested message by
/// file name without knowing its date.
pub fn short_id_of(key: &str) -> String {
    touchpoint_id(chrono::DateTime::UNIX_EPOCH.fixed_offset(), key).short()
}

/// A message ready to plan: parsed and classified.
struct Incoming {
    /// Position among the outcomes.
    index: usize,
    parsed: Parsed,
    class: Classified,
}

/// Plans the ingest of every message of `options.paths`.
pub fn plan(store: &Store, options: &Options, progress: &dyn Progress) -> Result<Plan> {
    progress.phase("reading", "messages", None);
    super::require_channel(store, CHANNEL)?;
    let rule = resolve_rule(store)?;
    let mut dir = Directory::load(store)?;
    let listing = super::interaction_files(store)?;
    let now = crate::model::time::now();
    let sources: Vec<String> = options
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut plan = Plan::new(Kind::Mail, sources);
    let spool = match options.no_attachments {
        true => None,
        false => Some(std::sync::Arc::new(spool::Spool::new(store)?)),
    };
    plan.spool = spool.clone();
    let spool = spool.as_deref();

    // 1. Read and parse, in parallel batches.
    let mut parsed: Vec<std::result::Result<Parsed, (String, parse::Rejected)>> = Vec::new();
    let mut batch: Vec<source::RawMessage> = Vec::new();
    let mut batch_bytes = 0usize;
    let limits = options.limits;
    let flush = |batch: &mut Vec<source::RawMessage>, out: &mut Vec<_>| {
        let done: Vec<_> = std::mem::take(batch)
            .into_par_iter()
            .map(|raw| {
                let item = raw.origin.to_string();
                parse::parse(raw, &limits, now, spool).map_err(|e| (item, e))
            })
            .collect();
        progress.advance(done.len() as u64);
        out.extend(done);
    };
    source::read_all(&options.paths, limits.max_message_bytes, &mut |raw| {
        batch_bytes += raw.bytes.len();
        batch.push(raw);
        if batch.len() >= 512 || batch_bytes >= 64 << 20 {
            flush(&mut batch, &mut parsed);
            batch_bytes = 0;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut parsed);

    // 2. Problems, duplicates, classification.
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut incoming: Vec<Incoming> = Vec::new();
    for p in parsed {
        let index = plan.outcomes.len();
        let m = match p {
            Ok(m) => m,
            Err((item, rejected)) => {
                plan.problems.push(Problem {
                    item: item.clone(),
                    message: rejected.reason.clone(),
                    limit: rejected.limit,
                });
                plan.outcomes
                    .push(Outcome::new(item, Action::Skipped).because(rejected.reason));
                continue;
            }
        };
        let item = m.origin.to_string();
        if let Some(first) = seen.get(&m.key) {
            let mut o =
                Outcome::new(item, Action::Skipped).because(format!("the same message as {first}"));
            o.key = Some(m.key.clone());
            plan.outcomes.push(o);
            continue;
        }
        seen.insert(m.key.clone(), item.clone());
        match classify::classify(&dir, &m) {
            Ok(class) => {
                plan.outcomes.push(Outcome::new(item, Action::Unmatched));
                incoming.push(Incoming {
                    index,
                    parsed: m,
                    class,
                });
            }
            Err(why) => {
                let mut o = Outcome::new(item, Action::Skipped).because(why);
                o.key = Some(m.key.clone());
                plan.outcomes.push(o);
            }
        }
    }

    // 3. Customers through the thread, new leads, and the thread again.
    let mut lookup = StoredKeys::new(store, &listing);
    by_thread(&mut incoming, &mut lookup);
    if options.create_customers {
        // Automated mail (a newsletter, a bounce) never makes a customer.
        let mut order: Vec<usize> = (0..incoming.len())
            .filter(|&i| {
                let class = &incoming[i].class;
                class.customer.is_none() && class.party.is_some() && class.actor == Actor::Human
            })
            .collect();
        order.sort_by(|&a, &b| {
            (incoming[a].parsed.at, &incoming[a].parsed.key)
                .cmp(&(incoming[b].parsed.at, &incoming[b].parsed.key))
        });
        for i in order {
            let Some(party) = incoming[i].class.party.clone() else {
                continue;
            };
            if let Some(slug) = dir.customer_for(&party.address).slug() {
                incoming[i].class.customer = Some(slug.to_string());
                continue;
            }
            let class = &incoming[i].class;
            let Some(lead) = dir.plan_lead(
                &party.address,
                party.name.as_deref(),
                class.owner.as_deref(),
                class.team.as_deref(),
                incoming[i].parsed.at,
            ) else {
                continue;
            };
            let planned = crate::ops::customer::planned_new_customer("", lead)?;
            plan.ids.push(planned.record.id);
            plan.customers_created.push(planned.record.slug.clone());
            plan.files.extend(planned.change.files);
            incoming[i].class.customer = Some(planned.record.slug);
        }
        by_thread(&mut incoming, &mut lookup);
    }

    // 4. Per customer: thread and plan the files.
    let mut groups: BTreeMap<String, Vec<Incoming>> = BTreeMap::new();
    for m in incoming {
        match m.class.customer.clone() {
            Some(slug) => groups.entry(slug).or_default().push(m),
            None => {
                let o = &mut plan.outcomes[m.index];
                o.key = Some(m.parsed.key.clone());
                o.reason = m.class.unmatched.clone();
                if options.create_customers
                    && m.class.actor == Actor::Automation
                    && let Some(reason) = &mut o.reason
                {
                    reason.push_str("; automated mail never makes a customer");
                }
            }
        }
    }
    let owners: HashMap<String, Option<String>> = groups
        .keys()
        .map(|slug| {
            let owner = dir.customer(slug).and_then(|c| c.owner.clone());
            (slug.clone(), owner)
        })
        .collect();
    let ctx = CustomerCtx {
        store,
        listing: &listing,
        rule,
        owners: &owners,
        actor: &options.actor,
    };
    let results: Vec<Result<Planned>> = groups
        .into_par_iter()
        .map(|(slug, messages)| plan_customer(&ctx, &slug, messages))
        .collect();
    for result in results {
        let planned = result?;
        for (index, outcome, files, documents) in planned.messages {
            plan.place_with_documents(index, outcome, files, documents);
        }
        for (outcome, files) in planned.rethreaded {
            plan.push(outcome, files);
        }
    }
    Ok(plan)
}

/// Finds the customer of a stored mail touchpoint by its key: the file name gives the
/// candidates, the file's `source.key` confirms.
struct StoredKeys<'a> {
    store: &'a Store,
    listing: &'a HashMap<String, Vec<String>>,
    cache: HashMap<String, Option<String>>,
}

impl<'a> StoredKeys<'a> {
    fn new(store: &'a Store, listing: &'a HashMap<String, Vec<String>>) -> Self {
        StoredKeys {
            store,
            listing,
            cache: HashMap::new(),
        }
    }

    /// The slug of the customer whose touchpoint has this key.
    fn customer_of(&mut self, key: &str) -> Option<String> {
        if let Some(known) = self.cache.get(key) {
            return known.clone();
        }
        let found =
            super::find_stored(self.store, self.listing.get(&short_id_of(key)), SYSTEM, key)
                .and_then(|s| s.path.split('/').nth(1).map(str::to_string));
        self.cache.insert(key.to_string(), found.clone());
        found
    }
}

/// Gives messages without a customer the customer of a message they reply to (in this run or
/// in the store), nearest reference first, until nothing changes.
fn by_thread(incoming: &mut [Incoming], lookup: &mut StoredKeys<'_>) {
    loop {
        let known: HashMap<String, String> = incoming
            .iter()
            .filter_map(|m| Some((m.parsed.key.clone(), m.class.customer.clone()?)))
            .collect();
        let mut changed = false;
        for m in incoming.iter_mut().filter(|m| m.class.customer.is_none()) {
            let found = m
                .parsed
                .references
                .iter()
                .rev()
                .find_map(|r| known.get(r).cloned().or_else(|| lookup.customer_of(r)));
            if let Some(slug) = found {
                m.class.customer = Some(slug);
                m.class.party = None;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

struct CustomerCtx<'a> {
    store: &'a Store,
    listing: &'a HashMap<String, Vec<String>>,
    rule: ResolveRule,
    /// Each customer's owner (the `by` of documents from mail no person is on).
    owners: &'a HashMap<String, Option<String>>,
    actor: &'a str,
}

/// A message's outcome (by position), its files, and what became of its attachments.
type PlannedMessage = (usize, Outcome, Vec<FileOp>, Vec<DocumentOutcome>);

/// What one customer's part of the run plans.
struct Planned {
    /// Each message of the run.
    messages: Vec<PlannedMessage>,
    /// Stored touchpoints whose thread changed.
    rethreaded: Vec<(Outcome, Vec<FileOp>)>,
}

/// Fields of a mail touchpoint that ingest owns: a re-run sets them from the message again.
const OWNED: &[&str] = &[
    "at",
    "recorded_at",
    "channel",
    "direction",
    "by",
    "actor",
    "thread",
    "summary",
    "body",
    "source",
    "mail",
];

/// A stored file's path and text, not parsed yet.
type TextFile = (String, String);

/// Plans one customer's part of the run. Stored files whose short id is that of a message of
/// the run are only read: when the file is byte for byte what the message gives now (the
/// no-op re-run), it is never parsed. Every other stored touchpoint is parsed, for threading.
fn plan_customer(ctx: &CustomerCtx<'_>, slug: &str, messages: Vec<Incoming>) -> Result<Planned> {
    use rayon::prelude::*;
    let folder = format!("{}/", layout::record_dir(slug, RecordKind::Interaction));
    let mut out = Planned {
        messages: Vec::new(),
        rethreaded: Vec::new(),
    };
    let shorts: HashSet<String> = messages
        .iter()
        .map(|m| short_id_of(&m.parsed.key))
        .collect();
    let (candidates, others): (Vec<TextFile>, Vec<TextFile>) = super::load_texts(ctx.store, slug)
        .into_iter()
        .partition(|(path, _)| {
            let name = path.rsplit('/').next().unwrap_or("");
            name.len() >= 25 && shorts.contains(&name[17..25])
        });
    let stored: Vec<Stored> = others
        .into_par_iter()
        .filter_map(|(path, text)| Stored::parse(path, text))
        .collect();
    // The files of this run's messages, by short id (parsed only when needed).
    let mut candidate_files: HashMap<String, Vec<TextFile>> = HashMap::new();
    for (path, text) in candidates {
        let name = path.rsplit('/').next().unwrap_or("");
        candidate_files
            .entry(name[17..25].to_string())
            .or_default()
            .push((path, text));
    }
    // Stored mail of this customer, by key (the run's own messages aside).
    let mut stored_by_key: HashMap<String, usize> = HashMap::new();
    for (i, s) in stored.iter().enumerate() {
        if let Some(src) = &s.record.source
            && src.system == SYSTEM
        {
            stored_by_key.entry(src.key.clone()).or_insert(i);
        }
    }
    // Messages ingested earlier under another customer stay there.
    let mut here: Vec<Incoming> = Vec::new();
    for m in messages {
        let short = short_id_of(&m.parsed.key);
        let elsewhere = if candidate_files.contains_key(&short) {
            None
        } else {
            let paths: Vec<String> = ctx
                .listing
                .get(&short)
                .into_iter()
                .flatten()
                .filter(|p| !p.starts_with(&folder))
                .cloned()
                .collect();
            super::find_stored(ctx.store, Some(&paths), SYSTEM, &m.parsed.key).map(|s| s.path)
        };
        match elsewhere {
            Some(path) => {
                let mut o = outcome_of(&m, Action::Unchanged);
                o.customer = path.split('/').nth(1).map(str::to_string);
                o.reason = Some(format!(
                    "kept where it was first ingested ({path}); the addresses now point to {slug}"
                ));
                o.path = Some(path);
                out.messages.push((m.index, o, Vec::new(), Vec::new()));
            }
            None => here.push(m),
        }
    }
    // In time order, whatever the order of the input: the first message with some bytes is
    // the one their document belongs to.
    here.sort_by(|a, b| (a.parsed.at, &a.parsed.key).cmp(&(b.parsed.at, &b.parsed.key)));
    let owner = ctx.owners.get(slug).and_then(|o| o.as_deref());
    let mut attacher = documents::Attacher::new(ctx.store, slug, owner, ctx.actor)?;

    // Thread every mail message of the customer, stored and new.
    let incoming_keys: HashSet<&str> = here.iter().map(|m| m.parsed.key.as_str()).collect();
    let mut nodes: Vec<thread::Node> = Vec::new();
    // Each node's touchpoint id, and whether it is a message of the run or a stored one.
    enum From {
        New(usize),
        Old(usize),
    }
    let mut origin: Vec<(RecordId, From)> = Vec::new();
    for (i, m) in here.iter().enumerate() {
        let (base, reply) = text::base_subject(&m.parsed.subject);
        nodes.push(thread::Node {
            key: m.parsed.key.clone(),
            at: m.parsed.at,
            references: m.parsed.references.clone(),
            base_subject: base,
            reply_subject: reply,
        });
        origin.push((touchpoint_id(m.parsed.at, &m.parsed.key), From::New(i)));
    }
    for (key, &s) in &stored_by_key {
        if incoming_keys.contains(key.as_str()) {
            continue;
        }
        let record = &stored[s].record;
        let meta = MailMeta::of(record).unwrap_or_default();
        let (base, reply) = text::base_subject(&meta.subject);
        nodes.push(thread::Node {
            key: key.clone(),
            at: record.at,
            references: meta.references,
            base_subject: base,
            reply_subject: reply,
        });
        origin.push((record.id, From::Old(s)));
    }
    // The stored file of each message of the run, parsed when it is not what the message gives
    // now; a stored id that is not the derived one (a file made by hand) replaces it, and the
    // threads are computed again with it.
    let mut existing: HashMap<usize, Option<Stored>> = HashMap::new();
    let mut planned_messages = Vec::new();
    for _attempt in 0..2 {
        let roots = thread::roots(&nodes);
        let threads: Vec<RecordId> = roots.iter().map(|&r| origin[r].0).collect();
        planned_messages.clear();
        attacher.restart();
        let mut corrections: Vec<(usize, RecordId)> = Vec::new();
        for (n, (id, from)) in origin.iter().enumerate() {
            let From::New(i) = from else { continue };
            let m = &here[*i];
            let mut docs = attacher.plan(m, *id)?;
            let record = build(m, *id, threads[n], ctx.rule, &docs.attachments);
            let files = candidate_files
                .get(&short_id_of(&m.parsed.key))
                .cloned()
                .unwrap_or_default();
            if !existing.contains_key(i) && files.is_empty() {
                existing.insert(*i, None);
            }
            if !existing.contains_key(i) {
                let canonical = yaml::to_yaml(&record)?;
                if let Some((path, _)) = files.iter().find(|(_, text)| *text == canonical) {
                    let mut o = outcome_of(m, Action::Unchanged);
                    o.path = Some(path.clone());
                    o.id = Some(record.id);
                    attacher.keep(&mut docs);
                    planned_messages.push((m.index, o, docs.files, docs.outcomes));
                    continue;
                }
                let found = files.into_iter().find_map(|(path, text)| {
                    Stored::parse(path, text).filter(|s| {
                        s.record
                            .source
                            .as_ref()
                            .is_some_and(|src| src.system == SYSTEM && src.key == m.parsed.key)
                    })
                });
                if let Some(s) = &found
                    && s.record.id != *id
                {
                    corrections.push((n, s.record.id));
                }
                existing.insert(*i, found);
            }
            if !corrections.is_empty() {
                continue;
            }
            let (index, o, mut files) = match &existing[i] {
                Some(current) => update(current, &record, m)?,
                None => create(slug, record, m)?,
            };
            if !o.refused {
                attacher.keep(&mut docs);
                files.append(&mut docs.files);
            }
            planned_messages.push((index, o, files, docs.outcomes));
        }
        if corrections.is_empty() {
            break;
        }
        for (n, id) in corrections {
            origin[n].0 = id;
        }
    }
    out.messages.extend(planned_messages);

    let roots = thread::roots(&nodes);
    let thread_of = |n: usize| origin[roots[n]].0;
    // Threads that move: a mail touchpoint that was a thread's id and now belongs to another
    // root carries the touchpoints logged on that thread along.
    let mut moved: HashMap<RecordId, RecordId> = HashMap::new();
    for (n, (id, from)) in origin.iter().enumerate() {
        let new = thread_of(n);
        if new != *id {
            moved.insert(*id, new);
        }
        if let From::Old(s) = from {
            let current = &stored[*s];
            if current.record.thread != new {
                out.rethreaded.push(rethread(
                    current,
                    new,
                    "its thread's first message arrived",
                )?);
            }
        }
    }
    // Touchpoints logged by people on a thread that moved.
    for s in &stored {
        let is_mail = s
            .record
            .source
            .as_ref()
            .is_some_and(|src| src.system == SYSTEM);
        if is_mail {
            continue;
        }
        if let Some(new_thread) = moved.get(&s.record.thread)
            && *new_thread != s.record.thread
        {
            out.rethreaded.push(rethread(
                s,
                *new_thread,
                "the mail thread it replies to got an earlier first message",
            )?);
        }
    }
    out.rethreaded.sort_by(|a, b| a.0.item.cmp(&b.0.item));
    Ok(out)
}

fn outcome_of(m: &Incoming, action: Action) -> Outcome {
    let mut o = Outcome::new(m.parsed.origin.to_string(), action);
    o.key = Some(m.parsed.key.clone());
    o.customer = m.class.customer.clone();
    if !m.parsed.notes.is_empty() {
        o.reason = Some(m.parsed.notes.join("; "));
    }
    o
}

/// The touchpoint a message becomes, listing its attachments as `attachments` says (each with
/// its document, or why it has none).
fn build(
    m: &Incoming,
    id: RecordId,
    thread: RecordId,
    rule: ResolveRule,
    attachments: &[Attachment],
) -> Interaction {
    let p = &m.parsed;
    let meta = MailMeta {
        from: p.from.as_ref().map(|f| f.display()).unwrap_or_default(),
        to: p.to.iter().map(|t| t.display()).collect(),
        cc: p.cc.iter().map(|t| t.display()).collect(),
        more_recipients: p.more_recipients,
        subject: p.subject.clone(),
        in_reply_to: p.in_reply_to.clone(),
        references: p.references.clone(),
        attachments: attachments.to_vec(),
        automated: match m.class.actor {
            Actor::Automation => Some(
                p.automated
                    .clone()
                    .unwrap_or_else(|| "Precedence: list".into()),
            ),
            _ => None,
        },
        extra: Extra::new(),
    };
    let summary = if p.excerpt.is_empty() {
        if p.subject.is_empty() {
            "(no subject)".to_string()
        } else {
            model_text::truncate(&p.subject, parse::MAX_EXCERPT_CHARS).into_owned()
        }
    } else {
        p.excerpt.clone()
    };
    let mut extra = Extra::new();
    extra.insert(
        "mail".into(),
        serde_json::to_value(&meta).unwrap_or(serde_json::Value::Null),
    );
    Interaction {
        id,
        at: p.at,
        recorded_at: p.at,
        channel: CHANNEL.into(),
        direction: m.class.direction,
        by: m.class.by.clone(),
        actor: m.class.actor,
        thread,
        summary,
        body: Some(p.text.clone()).filter(|t| !t.trim().is_empty()),
        resolves: rule == ResolveRule::Reply
            && m.class.direction == Direction::Outbound
            && m.class.actor == Actor::Human,
        tags: Vec::new(),
        source: Some(Source {
            system: SYSTEM.into(),
            key: p.key.clone(),
            extra: Extra::new(),
        }),
        extra,
    }
}

fn create(slug: &str, record: Interaction, m: &Incoming) -> Result<(usize, Outcome, Vec<FileOp>)> {
    let path = layout::record_file(slug, RecordKind::Interaction, &record.at, &record.id);
    let mut o = outcome_of(m, Action::Created);
    o.path = Some(path.clone());
    o.id = Some(record.id);
    if let Some(why) = super::refusal(&path, &record) {
        o.refused = true;
        o.reason = Some(why);
        return Ok((m.index, o, Vec::new()));
    }
    Ok((
        m.index,
        o,
        vec![FileOp::Create {
            path,
            contents: yaml::to_yaml(&record)?,
        }],
    ))
}

/// Plans bringing a stored touchpoint in line with `new` for the fields ingest owns; tags,
/// unknown keys and a `resolves: true` set by someone are kept. A file exactly as the tool
/// wrote it is rewritten in the canonical layout; a hand-edited one is edited in place.
fn update(
    current: &Stored,
    new: &Interaction,
    m: &Incoming,
) -> Result<(usize, Outcome, Vec<FileOp>)> {
    let mut o = outcome_of(m, Action::Unchanged);
    o.path = Some(current.path.clone());
    o.id = Some(current.record.id);
    let Some((changed, contents)) = refresh(current, new, OWNED)? else {
        return Ok((m.index, o, Vec::new()));
    };
    o.action = Action::Updated;
    o.changed = changed;
    Ok((
        m.index,
        o,
        vec![FileOp::Update {
            path: current.path.clone(),
            contents,
        }],
    ))
}

/// Plans moving a stored touchpoint to another thread.
fn rethread(current: &Stored, thread: RecordId, why: &str) -> Result<(Outcome, Vec<FileOp>)> {
    let mut new = current.record.clone();
    new.thread = thread;
    let (_, contents) = refresh(current, &new, &["thread"])?
        .ok_or_else(|| Error::invalid(format!("{}: the thread did not change", current.path)))?;
    let mut o = Outcome::new(current.path.clone(), Action::Updated).because(why);
    o.key = current.record.source.as_ref().map(|s| s.key.clone());
    o.customer = current.path.split('/').nth(1).map(str::to_string);
    o.path = Some(current.path.clone());
    o.id = Some(current.record.id);
    o.changed = vec!["thread".into()];
    Ok((
        o,
        vec![FileOp::Update {
            path: current.path.clone(),
            contents,
        }],
    ))
}
