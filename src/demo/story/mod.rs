//! The life of one customer: who owned it when, its conversation threads on every channel,
//! notes, handoffs and tasks. A story is pure data; the small demo replays it commit by commit,
//! the large one writes its final state in bulk.
//!
//! The story's data and its generator are apart: [`script`] holds the tables a story is drawn
//! from (channels, the mix of conversations, answer delays, the ownership changes and their
//! pace and odds), [`world`] the calendars; the generator is [`generate`] here with one module
//! per part of a customer's life: [`ownership`] (who owns it when), [`threads`]
//! (conversations), [`records`] (handoffs, notes, tasks, contacts). Every random draw is made
//! in the same order for the same seed, so the same seed builds the same store.

mod ownership;
mod records;
mod script;
mod threads;
mod world;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::data::{ALICE, BOB, GRACE, STAFF, Topic};
use super::rng::Rng;
use crate::model::records::{
    Contact, Customer, CustomerKind, CustomerStatus, Handoff, Interaction, Note, Party, Task,
};
use crate::model::{RecordId, Timestamp, slug};

use ownership::Plan;
pub(crate) use world::{HISTORY_DAYS, World, local_time};

/// What happened, in the order the story tells it.
#[derive(Debug, Clone)]
pub(crate) enum EventKind {
    /// The customer record is created (as [`Story::initial`]).
    Customer,
    Interaction(Interaction),
    Note(Note),
    /// In its final state (with `accepted_at` if it was accepted); the customer's owner and team
    /// become its `to`.
    Handoff(Handoff),
    /// In its final state (with `done_at` if it was done).
    Task(Task),
    Status(CustomerStatus),
    Archive,
    /// The handoff created at `created` with this id is accepted (at the event's time).
    Accept {
        handoff: RecordId,
        created: Timestamp,
        to: Party,
    },
    /// The task created at `created` with this id is done (at the event's time).
    Done {
        task: RecordId,
        created: Timestamp,
    },
}

/// One thing done by one person at one time (the time it was recorded in the store).
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub at: DateTime<Utc>,
    /// Index into [`STAFF`] of who recorded it.
    pub author: usize,
    pub kind: EventKind,
}

impl Event {
    fn rank(&self) -> u8 {
        match self.kind {
            EventKind::Customer => 0,
            EventKind::Accept { .. } | EventKind::Done { .. } => 2,
            _ => 1,
        }
    }
}

/// Record counts of a story.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counts {
    pub interactions: usize,
    pub notes: usize,
    pub handoffs: usize,
    pub tasks: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.interactions += o.interactions;
        self.notes += o.notes;
        self.handoffs += o.handoffs;
        self.tasks += o.tasks;
    }
}

/// A whole customer: its record as created, as it ends, and everything in between.
#[derive(Debug, Clone)]
pub(crate) struct Story {
    pub initial: Customer,
    pub final_customer: Customer,
    pub events: Vec<Event>,
    pub counts: Counts,
    /// Threads still open at the end (for choosing the tour's customer).
    pub open_threads: usize,
}

impl Story {
    pub(crate) fn slug(&self) -> &str {
        &self.initial.slug
    }

    /// How interesting the customer's timeline is.
    pub(crate) fn richness(&self) -> usize {
        let c = self.counts;
        c.interactions + 2 * c.notes + 6 * c.handoffs + 2 * c.tasks + 3 * self.open_threads.min(3)
    }
}

/// What a story is generated from.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub name: String,
    pub kind: CustomerKind,
    pub industry: String,
    pub city: String,
    pub status: CustomerStatus,
    pub tags: Vec<String>,
    pub tier: Option<String>,
    pub mrr: Option<u32>,
    pub created: DateTime<Utc>,
    /// Touchpoints to generate.
    pub budget: usize,
    /// Imported at the trade fair (created by bob with an imported first touchpoint).
    pub fair: Option<FairImport>,
    pub external_ids: BTreeMap<String, String>,
}

/// Provenance of a customer imported from the trade-fair lead list.
#[derive(Debug, Clone)]
pub(crate) struct FairImport {
    pub system: String,
    pub key: String,
    pub met_at: DateTime<Utc>,
}

/// The generator's state while it tells one customer's story.
struct Gen<'a> {
    w: &'a World,
    rng: Rng,
    contacts: Vec<Contact>,
    plan: Plan,
    events: Vec<Event>,
    /// Touchpoints to make, and made so far.
    budget: usize,
    made: usize,
    counts: Counts,
    vip: bool,
}

/// Builds the customer, its contacts and its whole history.
pub(crate) fn generate(w: &World, profile: &Profile, mut rng: Rng) -> Story {
    let slug_text = slug::slugify(&profile.name);
    let contacts = records::make_contacts(&mut rng, profile, &slug_text);
    let vip = profile.tags.iter().any(|t| t == "vip");
    let initial_owner = match &profile.fair {
        Some(_) => BOB,
        None if vip && rng.chance(0.5) => GRACE,
        None => *rng.pick(&[ALICE, BOB]),
    };
    let mut g = Gen {
        w,
        rng,
        contacts,
        plan: Plan::new(initial_owner, w.anchor),
        events: Vec::new(),
        budget: profile.budget,
        made: 0,
        counts: Counts::default(),
        vip,
    };
    g.plan_ownership(profile.status, profile.created);
    let initial = g.initial_customer(profile, slug_text, initial_owner);
    g.events.push(Event {
        at: profile.created,
        author: if profile.fair.is_some() {
            BOB
        } else {
            initial_owner
        },
        kind: EventKind::Customer,
    });
    if let Some(fair) = &profile.fair {
        g.fair_touchpoint(fair, profile.created);
    }
    g.scripted();
    g.threads(profile.created);
    g.notes(profile.created);
    g.tasks(profile.created);
    g.events.sort_by_key(|e| (e.at, e.rank()));
    let final_customer = g.final_customer(&initial);
    let open_threads = open_threads(&g.events);
    Story {
        initial,
        final_customer,
        events: g.events,
        counts: g.counts,
        open_threads,
    }
}

/// How many of the story's threads are still open at the end.
fn open_threads(events: &[Event]) -> usize {
    let interactions = events.iter().filter_map(|e| match &e.kind {
        EventKind::Interaction(i) => Some(i),
        _ => None,
    });
    crate::model::threads::thread_states(interactions)
        .iter()
        .filter(|s| s.is_open())
        .count()
}

/// The owner fields of `who`.
fn party(who: usize) -> Party {
    Party {
        owner: Some(STAFF[who].handle.to_string()),
        team: Some(STAFF[who].team.to_string()),
    }
}

/// A template with `{c}` (a contact), `{s}` (a subject) and `{h}` (a handle) filled in.
fn fill(template: &str, contact: &str, subject: &str, handle: &str) -> String {
    template
        .replace("{c}", contact)
        .replace("{s}", subject)
        .replace("{h}", handle)
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

impl Gen<'_> {
    /// The customer as created: a lead owned by its first owner.
    fn initial_customer(&mut self, profile: &Profile, slug: String, owner: usize) -> Customer {
        let mut fields = BTreeMap::new();
        fields.insert("industry".to_string(), serde_json::json!(profile.industry));
        fields.insert("city".to_string(), serde_json::json!(profile.city));
        if let Some(tier) = &profile.tier {
            fields.insert("tier".to_string(), serde_json::json!(tier));
        }
        if let Some(mrr) = profile.mrr {
            fields.insert("mrr".to_string(), serde_json::json!(mrr));
        }
        let Party { owner, team } = party(owner);
        Customer {
            id: RecordId::from_parts(profile.created, self.rng.u128()),
            name: profile.name.clone(),
            slug,
            kind: profile.kind,
            status: CustomerStatus::Lead,
            owner,
            team,
            tags: profile.tags.clone(),
            contacts: self.contacts.clone(),
            domains: Vec::new(),
            external_ids: profile.external_ids.clone(),
            fields,
            created: self.w.stamp(profile.created),
            archived: None,
            renamed_from: Vec::new(),
            extra: Default::default(),
        }
    }

    /// The customer as it ends: its last owner, status and archiving.
    fn final_customer(&self, initial: &Customer) -> Customer {
        let mut customer = initial.clone();
        if let Some(step) = self.plan.steps.last() {
            let Party { owner, team } = party(step.to);
            customer.owner = owner;
            customer.team = team;
        }
        if let Some((_, _, status)) = self.plan.statuses.last() {
            customer.status = *status;
        }
        if let Some((at, _)) = self.plan.archive {
            customer.archived = Some(self.w.stamp(at));
        }
        customer
    }

    /// Two hours before the end of history: nothing planned starts later.
    fn horizon(&self) -> DateTime<Utc> {
        self.w.anchor - Duration::hours(2)
    }

    /// The last moment of history anything may be recorded at.
    fn last_moment(&self) -> DateTime<Utc> {
        self.w.anchor - Duration::minutes(1)
    }

    /// Whether the story has all its touchpoints.
    fn full(&self) -> bool {
        self.made >= self.budget
    }

    /// A random duration between `lo` and `hi` days.
    fn days(&mut self, (lo, hi): script::Days) -> Duration {
        Duration::minutes(self.rng.range(lo * 24 * 60, hi * 24 * 60))
    }

    /// The next moment `who` is at work, at or after `t`.
    fn work_time(&mut self, t: DateTime<Utc>, who: usize) -> DateTime<Utc> {
        let support = STAFF[who].team == "support";
        let mut day = self.w.local_date(t);
        for _ in 0..14 {
            if let Some((open, close)) = self.w.hours(day, support) {
                let start = local_time(self.w.zone, day, open / 60, open % 60);
                let end = local_time(self.w.zone, day, close / 60, close % 60);
                if t < start {
                    let jitter = self.rng.range(0, 45.min(i64::from(close - open)));
                    return start + Duration::minutes(jitter);
                }
                if t < end {
                    return t;
                }
            }
            day = day.succ_opt().unwrap_or(day);
        }
        t
    }

    /// When a customer would plausibly write: mostly daytime, sometimes evenings and weekends.
    fn customer_time(&mut self, t: DateTime<Utc>) -> DateTime<Utc> {
        use chrono::Timelike;
        let local = t.with_timezone(&self.w.zone);
        if (7..22).contains(&local.hour()) || self.rng.chance(0.05) {
            return t;
        }
        let day = if local.hour() >= 22 {
            local.date_naive().succ_opt().unwrap_or(local.date_naive())
        } else {
            local.date_naive()
        };
        local_time(
            self.w.zone,
            day,
            8 + self.rng.below(10) as u32,
            self.rng.below(60) as u32,
        )
    }

    /// What a thread starting at `t` is about (a prospect's topics before the deal).
    fn topic(&mut self, t: DateTime<Utc>) -> Topic {
        if self.plan.deal.is_none_or(|d| t < d) {
            *self.rng.pick(&super::data::LEAD_TOPICS)
        } else {
            *self.rng.pick(&super::data::TOPICS)
        }
    }

    /// One of `templates`.
    fn phrase(&mut self, templates: &[&'static str]) -> &'static str {
        templates[self.rng.below(templates.len() as u64) as usize]
    }

    fn contact(&mut self) -> Contact {
        self.rng.pick(&self.contacts).clone()
    }

    /// Someone other than `who` who may act at `t`, preferring the same team.
    fn colleague(&mut self, who: usize, t: DateTime<Utc>) -> usize {
        let same: Vec<usize> = (0..STAFF.len())
            .filter(|&o| o != who && STAFF[o].team == STAFF[who].team && self.plan.allowed(o, t))
            .collect();
        if !same.is_empty() && self.rng.chance(0.7) {
            return *self.rng.pick(&same);
        }
        let any: Vec<usize> = (0..STAFF.len())
            .filter(|&o| o != who && self.plan.allowed(o, t))
            .collect();
        *self.rng.pick(&any)
    }

    /// Who answers the customer at `t`: mostly its acting owner, sometimes a colleague.
    fn replier(&mut self, t: DateTime<Utc>) -> usize {
        let owner = self.plan.acting_owner(t);
        if self.rng.chance(0.8) {
            owner
        } else {
            self.colleague(owner, t)
        }
    }
}
