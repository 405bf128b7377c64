//! `inbox`: what needs one person now. Four sections, each computed from the records alone:
//!
//! - **queue**: the same for the customers of the person's teams that nobody answers: no owner,
//!   an owner who is away (`people.<h>.away`) or not a person of the store
//!   ([`crate::model::queue`]). `inbox --team <team>` shows this section alone, for one team;
//! - **unanswered**: open threads on customers the person owns where a customer's (human)
//!   inbound touchpoint still waits for a human outbound reply, oldest wait first, with its age
//!   against the `first_response` target of the config (judged in business hours of the
//!   customer team's calendar, wall-clock without one);
//! - **handoffs**: handoffs to the person not yet accepted (explicitly, or implicitly by their
//!   first touchpoint or note, as [`crate::model::records::Handoff::acceptance`] decides), oldest first;
//! - **tasks**: the person's open tasks, overdue first, then by due date;
//! - **mentions**: notes by others that @mention the person and that the person has not seen in
//!   this clone yet.
//!
//! "Seen" is per clone and per person: the ids of the mention notes already shown are kept in
//! `<git dir>/gitcrm/inbox/<handle>.seen`, so notes that arrive later through a pull or `sync`
//! show up even when they were written (or backdated) before the last look.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{IoContext, Result};
use crate::model::calendar::{self, BusinessCalendar};
use crate::model::queue::Unwatched;
use crate::model::records::{Interaction, Note, Party, RecordKind};
use crate::model::views::ActiveView;
use crate::model::{RecordId, Timestamp, time};
use crate::store::{CustomerBundle, Store, atomic};

/// What to compute.
#[derive(Debug, Clone)]
pub struct InboxQuery {
    /// The person whose inbox this is (a handle of the store).
    pub person: String,
    /// The instant ages are measured against.
    pub now: Timestamp,
    /// Include mentions already seen in this clone (flagged `seen`).
    pub all_mentions: bool,
    /// The view to apply (what comes first, which tagged records are left out).
    pub view: ActiveView,
    /// The queue of this team alone (`inbox --team`), instead of a person's inbox; `person`
    /// is then not used.
    pub team: Option<String>,
}

/// One section of the inbox, in the order the view puts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Unanswered,
    /// Unanswered threads of customers of the person's teams that nobody answers.
    Queue,
    Handoffs,
    Tasks,
    Mentions,
}

impl Section {
    fn kind(self) -> RecordKind {
        match self {
            Section::Unanswered | Section::Queue => RecordKind::Interaction,
            Section::Handoffs => RecordKind::Handoff,
            Section::Tasks => RecordKind::Task,
            Section::Mentions => RecordKind::Note,
        }
    }

    fn of_kind(kind: RecordKind) -> Option<Self> {
        Some(match kind {
            RecordKind::Interaction => Section::Unanswered,
            RecordKind::Handoff => Section::Handoffs,
            RecordKind::Task => Section::Tasks,
            RecordKind::Note => Section::Mentions,
            RecordKind::Document | RecordKind::Correction => return None,
        })
    }

    const DEFAULT: [Section; 4] = [
        Section::Unanswered,
        Section::Handoffs,
        Section::Tasks,
        Section::Mentions,
    ];
}

/// A thread on one of the person's customers that waits for a reply.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unanswered {
    pub customer: String,
    /// Short id of the thread (its first touchpoint).
    pub thread: String,
    pub subject: String,
    pub channel: String,
    /// Who wrote the inbound touchpoint that waits (the contact).
    pub from: String,
    /// The first inbound touchpoint not yet answered by a human.
    pub waiting_since: Timestamp,
    pub age_seconds: i64,
    /// The age in business hours of the calendar of the customer's team (`None` when the team
    /// has no calendar): the target is judged on it, as `metrics` judges first responses.
    pub business_age_seconds: Option<i64>,
    /// True while nobody of the store has answered the thread at all (the first response is
    /// owed); false when the customer wrote again after an answer.
    pub first_response: bool,
    /// Whether the age is over the `first_response` target (`None` without a target).
    pub over_target: Option<bool>,
    pub touchpoints: usize,
}

/// A thread waiting in a team's queue: its customer has no owner, or an owner who cannot answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Queued {
    #[serde(flatten)]
    pub thread: Unanswered,
    /// Why it is in the queue: the team, and the owner who is away (or unknown), if any.
    #[serde(flatten)]
    pub why: Unwatched,
}

/// A handoff to the person that they have not taken over yet.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingHandoff {
    pub customer: String,
    pub id: String,
    pub at: Timestamp,
    pub by: String,
    pub from: Party,
    pub to: Party,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub age_seconds: i64,
    /// The age in business hours of the receiving team's calendar (`None` without one): the
    /// target is judged on it, as `metrics` judges handoff times.
    pub business_age_seconds: Option<i64>,
    /// Whether the age is over the `handoff` target (`None` without a target).
    pub over_target: Option<bool>,
    pub path: String,
}

/// An open task of the person.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OpenTask {
    pub customer: String,
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    pub created: Timestamp,
    pub by: String,
    pub path: String,
}

/// A note by someone else that mentions the person.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention {
    pub customer: String,
    pub id: String,
    pub at: Timestamp,
    pub by: String,
    /// The note's first line.
    pub text: String,
    /// Whether it was already shown in this clone (only listed with `--all`).
    pub seen: bool,
    pub path: String,
    #[serde(skip_serializing, default = "no_id")]
    full_id: RecordId,
}

/// The id a [`Mention`] read back from JSON has until its real one is set.
fn no_id() -> RecordId {
    RecordId(uuid::Uuid::nil())
}

/// A target of the config as the inbox used it.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// As written in the config (`4h`).
    pub text: String,
    pub seconds: i64,
}

/// The inbox of one person.
#[derive(Debug, Clone, Serialize)]
pub struct Inbox {
    pub person: String,
    pub now: Timestamp,
    /// Sections in the order the view shows them.
    pub sections: Vec<Section>,
    pub first_response_target: Option<Target>,
    pub handoff_target: Option<Target>,
    pub unanswered: Vec<Unanswered>,
    /// The teams whose queue is shown.
    pub queue_teams: Vec<String>,
    pub queue: Vec<Queued>,
    pub handoffs: Vec<PendingHandoff>,
    pub tasks: Vec<OpenTask>,
    pub mentions: Vec<Mention>,
    /// Items left out by the view.
    pub hidden: usize,
    /// Problems with the config that the inbox worked around (an unreadable target).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Computes the inbox of `query.person` (or a team's queue) from every customer of the store.
/// What a customer holds for it (`Collected`: its waiting threads, pending handoffs, open
/// tasks and mentions, without their ages) is cached under the customer's folder keys with the
/// person, the view, the config and the day, so a run where nothing changed reads no record and
/// only measures ages and leaves out the mentions seen since. Customers with restricted content
/// are read with the person's keys on every run and never cached.
pub fn inbox(store: &Store, query: &InboxQuery) -> Result<Inbox> {
    let (me, queue_teams): (&str, Vec<String>) = match &query.team {
        Some(team) => {
            store.require_team(team)?;
            ("", vec![team.clone()])
        }
        None => {
            store.require_person(&query.person)?;
            let teams = store.config().people[&query.person].teams.clone();
            (query.person.as_str(), teams)
        }
    };
    let mut warnings = Vec::new();
    let first_response_target = target(store, "first_response", &mut warnings);
    let handoff_target = target(store, "handoff", &mut warnings);
    let seen = if me.is_empty() {
        HashSet::new()
    } else {
        load_seen(store, me)?
    };
    let clocks = TeamClocks::new(store, &mut warnings);
    let today = query.now.with_timezone(&store.zone()).date_naive();

    let scan = Scan {
        store,
        query,
        today,
        seen: &seen,
        clocks: &clocks,
        queue_teams: &queue_teams,
    };
    let bundles = store.bundles()?;
    let params = cache_params(store, query, today);
    let no_keys = crate::access::Keyring::empty();
    let per_customer: Vec<Found> = bundles
        .groups
        .par_iter()
        .enumerate()
        .map(|(g, members)| {
            let cached = bundles.scan.derived::<Cached>(members, &params, || {
                // Read without keys: what the cache keeps never holds opened restricted content.
                let bundle = bundles.load_with(g, crate::access::Keys::Given(&no_keys))?;
                Ok(Cached::of(&scan, bundle))
            })?;
            let collected = match cached.collected() {
                Some(c) if !c.restricted && c.latest.is_none_or(|l| l <= query.now) => c,
                // Restricted content is opened with this person's keys, never cached; records
                // after `now` (a clock set back) are read for this `now`.
                _ => {
                    let bundle = bundles.load_with(g, crate::access::Keys::Local)?;
                    collect(&scan, &bundle, query.now)
                }
            };
            Ok(collected.found(&scan))
        })
        .collect::<Result<Vec<_>>>()?;
    bundles.save();

    let mut sections: Vec<Section> = query
        .view
        .order(&Section::DEFAULT.map(Section::kind))
        .into_iter()
        .filter_map(Section::of_kind)
        .collect();
    if query.team.is_some() {
        sections = vec![Section::Queue];
    } else if !queue_teams.is_empty() {
        let at = sections
            .iter()
            .position(|s| *s == Section::Unanswered)
            .map_or(0, |p| p + 1);
        sections.insert(at, Section::Queue);
    }
    let mut inbox = Inbox {
        person: me.to_string(),
        now: query.now,
        sections,
        queue_teams,
        queue: Vec::new(),
        first_response_target: None,
        handoff_target: None,
        unanswered: Vec::new(),
        handoffs: Vec::new(),
        tasks: Vec::new(),
        mentions: Vec::new(),
        hidden: 0,
        warnings,
    };
    for found in per_customer {
        inbox.unanswered.extend(found.unanswered);
        inbox.queue.extend(found.queue);
        inbox.handoffs.extend(found.handoffs);
        inbox.tasks.extend(found.tasks);
        inbox.mentions.extend(found.mentions);
        inbox.hidden += found.hidden;
    }
    for u in inbox
        .unanswered
        .iter_mut()
        .chain(inbox.queue.iter_mut().map(|q| &mut q.thread))
    {
        let age = u.business_age_seconds.unwrap_or(u.age_seconds);
        u.over_target = first_response_target.as_ref().map(|t| age > t.seconds);
    }
    for h in &mut inbox.handoffs {
        let age = h.business_age_seconds.unwrap_or(h.age_seconds);
        h.over_target = handoff_target.as_ref().map(|t| age > t.seconds);
    }
    inbox.unanswered.sort_by(|a, b| {
        (a.waiting_since, &a.customer, &a.thread).cmp(&(b.waiting_since, &b.customer, &b.thread))
    });
    inbox.queue.sort_by(|a, b| {
        let (a, b) = (&a.thread, &b.thread);
        (a.waiting_since, &a.customer, &a.thread).cmp(&(b.waiting_since, &b.customer, &b.thread))
    });
    inbox
        .handoffs
        .sort_by(|a, b| (a.at, &a.customer, &a.id).cmp(&(b.at, &b.customer, &b.id)));
    inbox.tasks.sort_by(|a, b| {
        (!a.overdue, a.due.is_none(), a.due, a.created, &a.id).cmp(&(
            !b.overdue,
            b.due.is_none(),
            b.due,
            b.created,
            &b.id,
        ))
    });
    inbox.mentions.sort_by_key(|m| (m.at, m.full_id));
    inbox.first_response_target = first_response_target;
    inbox.handoff_target = handoff_target;
    Ok(inbox)
}

/// What one customer contributes.
#[derive(Default)]
struct Found {
    unanswered: Vec<Unanswered>,
    queue: Vec<Queued>,
    handoffs: Vec<PendingHandoff>,
    tasks: Vec<OpenTask>,
    mentions: Vec<Mention>,
    hidden: usize,
}

/// What every customer of one inbox is scanned against.
struct Scan<'a> {
    store: &'a Store,
    query: &'a InboxQuery,
    today: NaiveDate,
    seen: &'a HashSet<RecordId>,
    clocks: &'a TeamClocks,
    /// The teams whose queue is gathered.
    queue_teams: &'a [String],
}

/// What one customer holds for one inbox (a person's, or a team's queue) before it is placed
/// at `now`: the items without their ages, the mentions before the seen ones are left out.
/// It depends on the customer's records, the person, the view, the config and the day only,
/// so the cache keeps it under the customer's folder keys.
#[derive(Default, Serialize, Deserialize)]
struct Collected {
    /// The latest instant the handoffs' states depend on: what was collected without a cutoff
    /// holds for every `now` at or after it.
    latest: Option<Timestamp>,
    /// The customer holds restricted content: nothing is kept, it is read with the person's
    /// keys on every run.
    restricted: bool,
    /// The customer's team, whose calendar measures its unanswered threads.
    team: Option<String>,
    unanswered: Vec<Unanswered>,
    queue: Vec<Queued>,
    handoffs: Vec<PendingHandoff>,
    tasks: Vec<OpenTask>,
    /// Mentions of the person, with the note's id and whether the view hides it.
    mentions: Vec<(Mention, RecordId, bool)>,
    /// Items the view left out (mentions aside: whether they count depends on what was seen).
    hidden: usize,
}

/// [`Collected`] as the cache keeps it (JSON text: its types are those of the inbox's JSON).
#[derive(Serialize, Deserialize)]
struct Cached(String);

impl crate::store::snapshot::Derived for Cached {
    const KIND: u8 = 20;
}

impl Cached {
    /// What `bundle` (read without keys) holds for the inbox, for any `now` after its records.
    fn of(scan: &Scan, bundle: CustomerBundle) -> Cached {
        let collected = if holds_restricted(&bundle) {
            Collected {
                restricted: true,
                ..Collected::default()
            }
        } else {
            let after_everything = chrono::DateTime::<chrono::Utc>::MAX_UTC.fixed_offset();
            collect(scan, &bundle, after_everything)
        };
        Cached(serde_json::to_string(&collected).unwrap_or_default())
    }

    /// `None` when it does not read back (a miss).
    fn collected(&self) -> Option<Collected> {
        serde_json::from_str(&self.0).ok()
    }
}

/// What the cached part of an inbox depends on besides the customer's records.
fn cache_params(
    store: &Store,
    query: &InboxQuery,
    today: NaiveDate,
) -> crate::store::snapshot::Key {
    let mut h = crate::store::snapshot::KeyHasher::new("inbox 1");
    match &query.team {
        Some(team) => h.part(b"team").part(team.as_bytes()),
        None => h.part(b"person").part(query.person.as_bytes()),
    };
    h.part(&serde_json::to_vec(&query.view).unwrap_or_default())
        .part(&serde_json::to_vec(store.config()).unwrap_or_default())
        .part(today.to_string().as_bytes());
    h.finish()
}

/// Whether any of the records the inbox reads holds restricted content.
fn holds_restricted(bundle: &CustomerBundle) -> bool {
    use crate::model::restricted;
    !restricted::fields_of(&bundle.customer.extra).is_empty()
        || bundle
            .interactions
            .iter()
            .any(|l| restricted::of(&l.record.extra).is_some())
        || bundle
            .notes
            .iter()
            .any(|l| restricted::of(&l.record.extra).is_some())
}

/// The latest instant a handoff's state can depend on: its own time, its acceptance or
/// decline, and the touchpoints and notes that take it over implicitly.
fn latest_of(bundle: &CustomerBundle) -> Option<Timestamp> {
    bundle
        .interactions
        .iter()
        .map(|l| l.record.at)
        .chain(bundle.notes.iter().map(|l| l.record.at))
        .chain(bundle.handoffs.iter().map(|l| l.record.at))
        .chain(bundle.handoffs.iter().filter_map(|l| l.record.accepted_at))
        .chain(
            bundle
                .handoffs
                .iter()
                .filter_map(|l| l.record.declined().map(|d| d.0)),
        )
        .max()
}

/// What one customer (opened and corrected) holds for the inbox, with handoffs in their state
/// at `as_of`.
fn collect(scan: &Scan, bundle: &CustomerBundle, as_of: Timestamp) -> Collected {
    let Scan {
        store,
        query,
        today,
        queue_teams,
        ..
    } = *scan;
    // The folder name is the truth, even when a hand edit left the slug field behind.
    let slug = bundle.path.split('/').nth(1).unwrap_or_default();
    let customer = &bundle.customer;
    let view = &query.view;
    let mut found = Collected {
        latest: latest_of(bundle),
        team: customer.team.clone(),
        ..Collected::default()
    };
    // Customers of the person's teams (or of the team asked for) that nobody answers.
    let queued = crate::model::queue::unwatched(store.config(), customer, today).filter(|u| {
        u.team.as_ref().is_some_and(|t| queue_teams.contains(t))
            && (query.team.is_some() || customer.owner.as_deref() != Some(query.person.as_str()))
    });
    let hidden_threads = super::views::hidden_threads(bundle, view);
    if let Some(why) = &queued {
        queue_threads(bundle, slug, why, &hidden_threads, &mut found);
    }
    if query.team.is_some() {
        return found;
    }
    let me = query.person.as_str();
    let mine = customer.owner.as_deref() == Some(me) && customer.archived.is_none();
    if mine {
        for (item, thread_id) in unanswered(bundle, slug) {
            if hidden_threads.contains(&thread_id) {
                found.hidden += 1;
            } else {
                found.unanswered.push(item);
            }
        }
    }
    let interactions: Vec<&Interaction> = bundle.interactions.iter().map(|l| &l.record).collect();
    let notes: Vec<&Note> = bundle.notes.iter().map(|l| &l.record).collect();
    let states = crate::model::handoffs::states(
        bundle.handoffs.iter().map(|l| &l.record),
        &interactions,
        &notes,
        as_of,
    );
    for l in &bundle.handoffs {
        let h = &l.record;
        let pending = states
            .iter()
            .any(|(s, state)| s.id == h.id && state.is_pending());
        if h.to.owner.as_deref() != Some(me) || !pending {
            continue;
        }
        if view.hides_extra(&h.extra) {
            found.hidden += 1;
            continue;
        }
        found.handoffs.push(PendingHandoff {
            customer: slug.to_string(),
            id: h.id.short(),
            at: h.at,
            by: h.by.clone(),
            from: h.from.clone(),
            to: h.to.clone(),
            reason: h.reason.clone(),
            age_seconds: 0,
            business_age_seconds: None,
            over_target: None,
            path: l.path.clone(),
        });
    }
    for l in &bundle.tasks {
        let t = &l.record;
        if t.assignee.as_deref() != Some(me) || t.done_at.is_some() {
            continue;
        }
        if view.hides_extra(&t.extra) {
            found.hidden += 1;
            continue;
        }
        found.tasks.push(OpenTask {
            customer: slug.to_string(),
            id: t.id.short(),
            title: t.title.clone(),
            due: t.due,
            overdue: t.is_overdue(today),
            created: t.created,
            by: t.by.clone(),
            path: l.path.clone(),
        });
    }
    for l in &bundle.notes {
        let n = &l.record;
        if n.by == me || !super::note::mentions(&n.body).iter().any(|m| m == me) {
            continue;
        }
        let mention = Mention {
            customer: slug.to_string(),
            id: n.id.short(),
            at: n.at,
            by: n.by.clone(),
            text: n.body.lines().next().unwrap_or_default().to_string(),
            seen: false,
            path: l.path.clone(),
            full_id: n.id,
        };
        found.mentions.push((mention, n.id, view.hides(&n.tags)));
    }
    found
}

impl Collected {
    /// The customer's part of the inbox at `now`: ages measured, mentions already seen left
    /// out (unless all are asked for).
    fn found(self, scan: &Scan) -> Found {
        let Scan {
            query,
            seen,
            clocks,
            ..
        } = *scan;
        let now = query.now;
        let age = |at: &Timestamp| (now - *at).num_seconds().max(0);
        let mut found = Found {
            hidden: self.hidden,
            ..Found::default()
        };
        for mut u in self.unanswered {
            u.age_seconds = age(&u.waiting_since);
            u.business_age_seconds =
                clocks.business_age(self.team.as_deref(), u.waiting_since, now);
            found.unanswered.push(u);
        }
        for mut q in self.queue {
            q.thread.age_seconds = age(&q.thread.waiting_since);
            q.thread.business_age_seconds =
                clocks.business_age(q.why.team.as_deref(), q.thread.waiting_since, now);
            found.queue.push(q);
        }
        for mut h in self.handoffs {
            h.age_seconds = age(&h.at);
            h.business_age_seconds = clocks.business_age(h.to.team.as_deref(), h.at, now);
            found.handoffs.push(h);
        }
        found.tasks = self.tasks;
        for (mut m, id, hidden) in self.mentions {
            let was_seen = seen.contains(&id);
            if was_seen && !query.all_mentions {
                continue;
            }
            if hidden {
                found.hidden += 1;
                continue;
            }
            m.seen = was_seen;
            m.full_id = id;
            found.mentions.push(m);
        }
        found
    }
}

/// The waiting threads of an unwatched customer, into its team's queue (ages are measured when
/// the inbox is placed at its `now`).
fn queue_threads(
    bundle: &CustomerBundle,
    slug: &str,
    why: &Unwatched,
    hidden: &HashSet<RecordId>,
    found: &mut Collected,
) {
    for (item, thread_id) in unanswered(bundle, slug) {
        if hidden.contains(&thread_id) {
            found.hidden += 1;
            continue;
        }
        found.queue.push(Queued {
            thread: item,
            why: why.clone(),
        });
    }
}

/// The threads of `bundle` waiting for a reply, with their ids, from the one thread fold
/// ([`crate::model::threads::thread_states`]: only people start or stop a wait).
fn unanswered(bundle: &CustomerBundle, slug: &str) -> Vec<(Unanswered, RecordId)> {
    waiting_threads(
        crate::model::threads::thread_states(bundle.interactions.iter().map(|l| &l.record)),
        slug,
    )
}

fn waiting_threads(
    states: Vec<crate::model::threads::ThreadState>,
    slug: &str,
) -> Vec<(Unanswered, RecordId)> {
    states
        .into_iter()
        .filter_map(|t| {
            let waiting = t.waiting?;
            let item = Unanswered {
                customer: slug.to_string(),
                thread: t.thread.short(),
                subject: t.subject,
                channel: waiting.channel,
                from: waiting.from,
                waiting_since: waiting.since,
                age_seconds: 0,
                business_age_seconds: None,
                first_response: !t.answered,
                over_target: None,
                touchpoints: t.touchpoints,
            };
            Some((item, t.thread))
        })
        .collect()
}

/// Business-hours clocks by team, so that the inbox judges ages against targets the way
/// `metrics` does: in the calendar of the team concerned, wall-clock where it has none.
struct TeamClocks {
    by_team: BTreeMap<String, BusinessCalendar>,
}

impl TeamClocks {
    fn new(store: &Store, warnings: &mut Vec<String>) -> Self {
        let config = store.config();
        let calendars = calendar::calendars(config).unwrap_or_else(|e| {
            warnings.push(format!("{e}; the inbox measures ages in wall-clock time"));
            Vec::new()
        });
        let by_team = config
            .teams
            .iter()
            .filter_map(|(team, t)| {
                let name = t.calendar.as_deref()?;
                let found = calendars.iter().find(|c| c.name == name)?;
                Some((team.clone(), found.clone()))
            })
            .collect();
        TeamClocks { by_team }
    }

    /// Business seconds from `since` to `now` in `team`'s calendar, if it has one.
    fn business_age(&self, team: Option<&str>, since: Timestamp, now: Timestamp) -> Option<i64> {
        let calendar = self.by_team.get(team?)?;
        Some(calendar.business_duration(since, now).num_seconds().max(0))
    }
}

fn target(store: &Store, key: &str, warnings: &mut Vec<String>) -> Option<Target> {
    let text = store.config().targets.get(key)?;
    match time::parse_duration(text) {
        Ok(d) => Some(Target {
            text: text.clone(),
            seconds: d.num_seconds(),
        }),
        Err(e) => {
            warnings.push(format!(
                ".gitcrm/config.yaml: targets.{key}: {e}; the inbox shows no target for it"
            ));
            None
        }
    }
}

/// Where the seen-mentions marker of `person` lives in this clone. Handles that are not plain
/// file names (a hand-edited config can hold anything) are hex-encoded.
pub fn marker_path(store: &Store, person: &str) -> Result<PathBuf> {
    let dir = crate::git::remote::git_dir(store.repo_root())?
        .join("gitcrm")
        .join("inbox");
    let name = if super::validate_handle(person).is_ok() {
        person.to_string()
    } else {
        crate::model::text::hex(person.as_bytes())
    };
    Ok(dir.join(format!("{name}.seen")))
}

/// The ids of the mention notes `person` has already been shown in this clone. A marker that
/// cannot be read as ids is treated as empty (everything shows again), never as an error.
pub fn load_seen(store: &Store, person: &str) -> Result<HashSet<RecordId>> {
    let path = marker_path(store, person)?;
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .filter_map(|l| l.trim().parse::<uuid::Uuid>().ok().map(RecordId))
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(HashSet::new()),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Ok(HashSet::new()),
        Err(e) => Err(crate::Error::io(path, e)),
    }
}

/// Records the mentions of `inbox` as seen by its person (atomically; ids already recorded are
/// kept). Returns how many were new.
pub fn mark_seen(store: &Store, inbox: &Inbox) -> Result<usize> {
    let fresh: Vec<RecordId> = inbox
        .mentions
        .iter()
        .filter(|m| !m.seen)
        .map(|m| m.full_id)
        .collect();
    if fresh.is_empty() {
        return Ok(0);
    }
    let path = marker_path(store, &inbox.person)?;
    let mut ids: BTreeSet<String> = load_seen(store, &inbox.person)?
        .into_iter()
        .map(|id| id.0.to_string())
        .collect();
    ids.extend(fresh.iter().map(|id| id.0.to_string()));
    let mut out = String::new();
    for id in ids {
        out.push_str(&id);
        out.push('\n');
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).at(dir)?;
    }
    atomic::write(&path, out.as_bytes())?;
    Ok(fresh.len())
}

/// `3d 4h`, for ages.
pub fn age_text(seconds: i64) -> String {
    time::format_duration(Duration::seconds(seconds))
}

/// The first line of a text, for one-line cells (tables escape what they print).
pub fn one_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::{Actor, Direction};

    fn tp(id: u128, at: &str, dir: Direction, actor: Actor, resolves: bool) -> Interaction {
        let t = chrono::DateTime::parse_from_rfc3339(at).unwrap();
        Interaction {
            id: RecordId(uuid::Uuid::from_u128(id)),
            at: t,
            recorded_at: t,
            channel: "email".into(),
            direction: dir,
            by: "jane".into(),
            actor,
            thread: RecordId(uuid::Uuid::from_u128(1)),
            summary: format!("s{id}"),
            body: None,
            resolves,
            tags: vec![],
            source: None,
            extra: Default::default(),
        }
    }

    fn waiting(thread: &[&Interaction], slug: &str) -> Option<Unanswered> {
        let states = crate::model::threads::thread_states(thread.iter().copied());
        waiting_threads(states, slug)
            .into_iter()
            .next()
            .map(|(u, _)| u)
    }

    #[test]
    fn only_humans_answer() {
        use Direction::*;
        let a = tp(1, "2026-01-01T10:00:00Z", Inbound, Actor::Human, false);
        let auto = tp(
            2,
            "2026-01-01T10:01:00Z",
            Outbound,
            Actor::Automation,
            false,
        );
        let w = waiting(&[&a, &auto], "acme").expect("still waiting");
        assert!(w.first_response);
        assert_eq!(w.waiting_since, a.at);
        assert_eq!(w.subject, "s1");

        let reply = tp(3, "2026-01-01T11:00:00Z", Outbound, Actor::Human, false);
        assert!(waiting(&[&a, &auto, &reply], "acme").is_none());

        // The customer writes twice again: the wait starts at the first of them.
        let b = tp(4, "2026-01-02T09:00:00Z", Inbound, Actor::Human, false);
        let c = tp(5, "2026-01-02T10:00:00Z", Inbound, Actor::Human, false);
        let w = waiting(&[&a, &reply, &b, &c], "acme").unwrap();
        assert!(!w.first_response);
        assert_eq!(w.waiting_since, b.at);

        // Resolved by an internal touchpoint: nothing owed.
        let done = tp(6, "2026-01-02T11:00:00Z", Internal, Actor::Human, true);
        assert!(waiting(&[&a, &reply, &b, &c, &done], "acme").is_none());
    }

    proptest::proptest! {
        /// Against a reference written the other way round: the wait starts at the first human
        /// inbound after the last stop (a human outbound or a resolution).
        #[test]
        fn waiting_matches_reference(
            steps in proptest::collection::vec((0u8..3, proptest::bool::ANY, proptest::bool::weighted(0.2)), 1..12)
        ) {
            let tps: Vec<Interaction> = steps
                .iter()
                .enumerate()
                .map(|(i, (d, human, resolves))| {
                    let dir = [Direction::Inbound, Direction::Outbound, Direction::Internal][*d as usize];
                    let actor = if *human { Actor::Human } else { Actor::Automation };
                    let at = format!("2026-01-01T{:02}:00:00Z", i);
                    tp(i as u128 + 1, &at, dir, actor, *resolves)
                })
                .collect();
            let refs: Vec<&Interaction> = tps.iter().collect();
            let is_stop = |i: &Interaction| {
                i.resolves || (i.direction == Direction::Outbound && i.actor == Actor::Human)
            };
            let after = tps.iter().rposition(is_stop).map_or(0, |p| p + 1);
            let expected = tps[after..]
                .iter()
                .find(|i| i.direction == Direction::Inbound && i.actor == Actor::Human);
            let got = waiting(&refs, "acme");
            proptest::prop_assert_eq!(got.as_ref().map(|w| w.waiting_since), expected.map(|i| i.at));
            if let Some(w) = got {
                let answered = tps
                    .iter()
                    .any(|i| i.direction == Direction::Outbound && i.actor == Actor::Human);
                proptest::prop_assert_eq!(w.first_response, !answered);
            }
        }
    }
}
