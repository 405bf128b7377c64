//! What the metrics are computed from: one pass over each customer (in parallel) turns its
//! records into facts about threads, handoffs, inbound arrivals, replies and the customer
//! itself. Each fact carries the dimensions it is sliced and grouped by (customer, owning team
//! and owner at the time, channel) and its durations already measured in the right clock.
//!
//! Only touchpoints by `actor: human` are read, and only those at or before the report's
//! `as_of` instant (future-dated touchpoints do not count).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::calendar::BusinessCalendar;
use crate::model::handoffs::{HandoffState, states as handoff_states};
use crate::model::records::{Acceptance, Actor, CustomerStatus, Direction, Handoff, Interaction};
use crate::model::{Config, Party, RecordId, Timestamp};
use crate::store::CustomerBundle;
use crate::store::snapshot::time_serde;

use super::name::Name;
use super::{ClockMode, Options, Window};

mod filed;
pub use filed::{FILED_KIND, Reach};

/// Where a fact belongs, for slicing and `--by`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dims {
    pub customer: Name,
    pub team: Option<Name>,
    pub owner: Option<Name>,
    pub channel: Option<Name>,
}

/// A touch of a customer: when, on which channel, the team at the time.
pub type Touch = (Timestamp, Name, Option<Name>);

/// A duration measured in a clock: business seconds of a calendar, or wall-clock seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    pub seconds: i64,
    /// The calendar used; `None` for wall-clock time.
    pub calendar: Option<Name>,
}

/// Which calendar measures the time of each team.
#[derive(Debug, Clone, Default)]
pub struct Clocks {
    mode: ClockMode,
    by_team: BTreeMap<String, BusinessCalendar>,
}

impl Clocks {
    /// Validates the config's calendars and maps each team to its calendar. A team naming a
    /// calendar that does not exist is an error.
    pub fn new(config: &Config, mode: ClockMode) -> crate::Result<Self> {
        let calendars: BTreeMap<String, BusinessCalendar> =
            crate::model::calendar::calendars(config)?
                .into_iter()
                .map(|c| (c.name.clone(), c))
                .collect();
        let mut by_team = BTreeMap::new();
        for (team, t) in &config.teams {
            let Some(name) = &t.calendar else { continue };
            let calendar = calendars.get(name).ok_or_else(|| {
                crate::Error::invalid_hint(
                    format!(
                        ".gitcrm/config.yaml: teams.{team}.calendar: no calendar `{}`",
                        crate::model::text::escape(name)
                    ),
                    "define it under `calendars:` (see docs/format.md)",
                )
            })?;
            by_team.insert(team.clone(), calendar.clone());
        }
        Ok(Clocks { mode, by_team })
    }

    /// The calendar each team is measured in (for the report's parameters).
    pub fn team_calendars(&self) -> BTreeMap<String, String> {
        self.by_team
            .iter()
            .map(|(t, c)| (t.clone(), c.name.clone()))
            .collect()
    }

    /// The time from `a` to `b` in the clock of `team`.
    pub fn measure(&self, team: Option<&str>, a: Timestamp, b: Timestamp) -> Measured {
        let calendar = match self.mode {
            ClockMode::Business => team.and_then(|t| self.by_team.get(t)),
            ClockMode::Wall => None,
        };
        match calendar {
            Some(c) => Measured {
                seconds: c.business_duration(a, b).num_seconds(),
                calendar: Some(Name::from(&c.name)),
            },
            None => Measured {
                seconds: (b - a).num_seconds().max(0),
                calendar: None,
            },
        }
    }
}

impl Clocks {
    /// The instant at which `seconds` of time in the clock of `team` have passed since `from`
    /// (business time where the team has a calendar, else wall-clock time), so a rule can date
    /// the moment a wait crossed its target the way [`Clocks::measure`] measures the wait.
    /// `None` when a calendar does not reach it within two years.
    pub fn reach(&self, team: Option<&str>, from: Timestamp, seconds: i64) -> Option<Timestamp> {
        let amount = chrono::Duration::seconds(seconds);
        let calendar = match self.mode {
            ClockMode::Business => team.and_then(|t| self.by_team.get(t)),
            ClockMode::Wall => None,
        };
        match calendar {
            Some(c) => c.reach(from, amount, 731),
            None => from.checked_add_signed(amount),
        }
    }
}

/// One thread of a customer, read from its human touchpoints.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ThreadFact {
    pub thread: RecordId,
    pub subject: String,
    /// The first human inbound or outbound touchpoint: places the thread in a period.
    #[serde(with = "time_serde")]
    pub started_at: Timestamp,
    pub started_inbound: bool,
    /// Customer, team and owner at the thread's start, and its first channel.
    pub dims: Dims,
    #[serde(with = "time_serde::option")]
    pub first_inbound: Option<Timestamp>,
    #[serde(with = "time_serde::option")]
    pub first_reply: Option<Timestamp>,
    /// First response time: first human inbound to the first human outbound after it.
    pub response: Option<Measured>,
    /// Unanswered (no reply, not resolved): since when (the first inbound).
    #[serde(with = "time_serde::option")]
    pub unanswered_since: Option<Timestamp>,
    /// ... and its age at `as_of` (filled in for a report).
    pub unanswered_age: Option<Measured>,
    pub unanswered_wall: Option<i64>,
    #[serde(with = "time_serde::option")]
    pub first_resolved: Option<Timestamp>,
    /// Human outbound replies up to the first resolution.
    pub replies_to_resolution: usize,
    /// A human inbound came after the first reply.
    pub inbound_after_reply: bool,
    /// A human inbound came after the first resolution.
    pub reopened: bool,
    /// Customer-facing touchpoints and how often the channel changed between consecutive ones.
    pub touches: usize,
    pub switches: usize,
}

/// One handoff with its acceptance.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HandoffFact {
    pub id: RecordId,
    #[serde(with = "time_serde")]
    pub at: Timestamp,
    pub from: Party,
    pub to: Party,
    pub customer: String,
    #[serde(with = "accepted_serde")]
    pub accepted: Option<(Timestamp, Acceptance)>,
    /// Time to acceptance, in the clock of the receiving team.
    pub time: Option<Measured>,
    /// A later handoff of the same customer came before this one was accepted.
    pub superseded: bool,
    /// Neither accepted nor superseded.
    pub pending: bool,
    /// Age at `as_of` of a pending handoff (filled in for a report).
    pub pending_age: Option<Measured>,
    pub pending_wall: Option<i64>,
    /// This handoff gives the customer back to the owner it was just taken from (A->B->A).
    pub ping_pong: bool,
}

/// An inbound touchpoint that arrived while the customer had an open thread on another
/// channel (channel consistency).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArrivalFact {
    #[serde(with = "time_serde")]
    pub at: Timestamp,
    pub dims: Dims,
    /// It joined that open thread instead of starting a new one.
    pub followed: bool,
}

/// A human outbound reply in a thread after an inbound.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReplyFact {
    #[serde(with = "time_serde")]
    pub at: Timestamp,
    pub dims: Dims,
    /// Sent on the channel of the customer's latest inbound in the thread.
    pub same_channel: bool,
}

/// A customer, for coverage.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CustomerFact {
    pub slug: String,
    pub name: String,
    pub active: bool,
    #[serde(with = "time_serde")]
    pub created: Timestamp,
    #[serde(with = "time_serde::option")]
    pub archived: Option<Timestamp>,
    /// Owner and team at the end of the report period (filled in for a report).
    pub dims: Dims,
    /// Human inbound and outbound touchpoints: when, on which channel, team at the time; in
    /// time order (coverage searches them by time).
    #[serde(with = "touches_serde")]
    pub touches: Vec<Touch>,
    /// `recorded_at - at` of human touchpoints, with `at` and the channel (so `--channel` and
    /// `--by channel` slice the logging lag as they slice everything else).
    #[serde(with = "lags_serde")]
    pub lags: Vec<(Timestamp, Name, i64)>,
}

/// Serde of a customer's touches with compact times.
mod touches_serde {
    use super::*;
    use crate::store::snapshot::Ts;

    type Touches = Vec<(Timestamp, Name, Option<Name>)>;

    pub fn serialize<S: serde::Serializer>(v: &Touches, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|(t, c, team)| (Ts(*t), c, team)))
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Touches, D::Error> {
        let list = Vec::<(Ts, Name, Option<Name>)>::deserialize(d)?;
        Ok(list
            .into_iter()
            .map(|(t, c, team)| (t.0, c, team))
            .collect())
    }
}

/// Serde of a customer's logging lags with compact times.
mod lags_serde {
    use super::*;
    use crate::store::snapshot::Ts;

    type Lags = Vec<(Timestamp, Name, i64)>;

    pub fn serialize<S: serde::Serializer>(v: &Lags, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|(t, channel, lag)| (Ts(*t), channel, lag)))
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Lags, D::Error> {
        let list = Vec::<(Ts, Name, i64)>::deserialize(d)?;
        Ok(list
            .into_iter()
            .map(|(t, channel, lag)| (t.0, channel, lag))
            .collect())
    }
}

/// Serde of a handoff's acceptance with compact times.
mod accepted_serde {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Accepted(#[serde(with = "time_serde")] Timestamp, u8);

    pub fn serialize<S: serde::Serializer>(
        v: &Option<(Timestamp, Acceptance)>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        v.map(|(t, a)| Accepted(t, a as u8)).serialize(s)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<(Timestamp, Acceptance)>, D::Error> {
        Option::<Accepted>::deserialize(d)?
            .map(|Accepted(t, a)| {
                let a = match a {
                    0 => Acceptance::Explicit,
                    1 => Acceptance::FirstTouchpoint,
                    2 => Acceptance::FirstNote,
                    _ => return Err(serde::de::Error::custom("bad acceptance")),
                };
                Ok((t, a))
            })
            .transpose()
    }
}

/// All facts of the store (after customer-level filters).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Facts {
    pub threads: Vec<ThreadFact>,
    pub handoffs: Vec<HandoffFact>,
    pub arrivals: Vec<ArrivalFact>,
    pub replies: Vec<ReplyFact>,
    pub customers: Vec<CustomerFact>,
}

impl Facts {
    /// Keeps the facts placed in `window` by their own times (see [`Facts::join_report`]).
    fn retain_in(&mut self, window: &Window) {
        self.threads.retain(|t| {
            window.contains(t.started_at) || t.first_resolved.is_some_and(|r| window.contains(r))
        });
        self.handoffs.retain(|h| window.contains(h.at));
        self.arrivals.retain(|a| window.contains(a.at));
        self.replies.retain(|r| window.contains(r.at));
    }

    /// Drops the vectors' growth slack: a cold run holds the facts of every customer at once
    /// (and the cache keeps them), so what was grown by doubling stays that large otherwise.
    fn shrink_to_fit(&mut self) {
        self.threads.shrink_to_fit();
        self.handoffs.shrink_to_fit();
        self.arrivals.shrink_to_fit();
        self.replies.shrink_to_fit();
        self.customers.shrink_to_fit();
        for customer in &mut self.customers {
            customer.touches.shrink_to_fit();
            customer.lags.shrink_to_fit();
        }
    }

    /// Reads every bundle in parallel. Customers left out by `--customer` or `--tag` are
    /// skipped here; the other slices apply to each fact later.
    pub fn gather(bundles: &[CustomerBundle], clocks: &Clocks, options: &Options) -> Facts {
        Facts::join(Self::read(bundles, clocks, options), clocks, options)
    }

    /// [`Facts::gather`] keeping only what a report over `options.window()` reads (see
    /// [`Facts::join_report`]).
    pub fn gather_report(bundles: &[CustomerBundle], clocks: &Clocks, options: &Options) -> Facts {
        Facts::join_report(Self::read(bundles, clocks, options), clocks, options)
    }

    fn read(bundles: &[CustomerBundle], clocks: &Clocks, options: &Options) -> Vec<CustomerFacts> {
        bundles
            .par_iter()
            .filter(|b| options.slice.keeps_customer(&b.customer))
            .map(|b| CustomerFacts::of(b, clocks, Some(options.as_of)))
            .collect()
    }

    /// The facts of the customers `parts` (each valid at `options.as_of`, see
    /// [`CustomerFacts::valid_at`]), finished for the report and sorted: all of them, whatever
    /// their time (exports place them in periods of their own).
    pub fn join(parts: Vec<CustomerFacts>, clocks: &Clocks, options: &Options) -> Facts {
        Self::join_kept(parts, clocks, options, None)
    }

    /// [`Facts::join`] of only the facts a report over `options.window()` can read: threads
    /// started or first resolved in it, handoffs, arrivals and replies in it, and every
    /// customer (coverage reads their touches itself). Every view of the report
    /// ([`super::group::View`], `--by` keys and buckets) keeps facts by these same times
    /// within that window, so the report is the same; a store holds years of facts and a
    /// report usually covers a month, so most are neither finished nor sorted.
    pub fn join_report(parts: Vec<CustomerFacts>, clocks: &Clocks, options: &Options) -> Facts {
        Self::join_kept(parts, clocks, options, Some(options.window()))
    }

    fn join_kept(
        parts: Vec<CustomerFacts>,
        clocks: &Clocks,
        options: &Options,
        window: Option<Window>,
    ) -> Facts {
        let parts: Vec<Facts> = parts
            .into_par_iter()
            .map(|mut p| {
                if let Some(window) = window {
                    p.facts.retain_in(&window);
                }
                p.finish(clocks, options)
            })
            .collect();
        // Sized once: grown by doubling, the joined vectors would briefly need up to twice
        // their size again on top of the parts they are joined from.
        let total = |len: fn(&Facts) -> usize| parts.iter().map(len).sum::<usize>();
        let mut all = Facts {
            threads: Vec::with_capacity(total(|f| f.threads.len())),
            handoffs: Vec::with_capacity(total(|f| f.handoffs.len())),
            arrivals: Vec::with_capacity(total(|f| f.arrivals.len())),
            replies: Vec::with_capacity(total(|f| f.replies.len())),
            customers: Vec::with_capacity(total(|f| f.customers.len())),
        };
        for p in parts {
            all.threads.extend(p.threads);
            all.handoffs.extend(p.handoffs);
            all.arrivals.extend(p.arrivals);
            all.replies.extend(p.replies);
            all.customers.extend(p.customers);
        }
        all.threads.par_sort_by_key(|t| (t.started_at, t.thread));
        all.handoffs.sort_by_key(|h| (h.at, h.id));
        all.arrivals.par_sort_by_key(|a| a.at);
        all.replies.par_sort_by_key(|r| r.at);
        all.customers.sort_by(|a, b| a.slug.cmp(&b.slug));
        all
    }
}

impl Facts {
    /// The facts of one customer, as [`Facts::gather`] computes them for each (rules read the
    /// threads and contacts of the customers they look at without gathering the whole store).
    pub fn of_customer(bundle: &CustomerBundle, clocks: &Clocks, options: &Options) -> Facts {
        CustomerFacts::of(bundle, clocks, Some(options.as_of)).finish(clocks, options)
    }
}

/// The facts of one customer before they are placed in a report: everything but what depends
/// on the report's `as_of` (ages of what is still open, owner at the end of the period). Read
/// with a cutoff, only records up to it count; read without one, the facts hold for every
/// report as of an instant at or after the customer's latest record ([`Self::valid_at`]), which
/// is what the cache keeps.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CustomerFacts {
    pub slug: String,
    /// The customer's tags (the `--tag` slice).
    pub tags: Vec<String>,
    /// The latest instant a fact depends on (touchpoint, note, handoff, its acceptance or
    /// decline).
    #[serde(with = "time_serde::option")]
    pub latest: Option<Timestamp>,
    /// The earliest instant of the customer's data (creation, touchpoint or handoff), where
    /// `--since all` starts.
    #[serde(with = "time_serde")]
    pub earliest: Timestamp,
    ownership: Ownership,
    facts: Facts,
}

impl CustomerFacts {
    /// Reads one customer; with `cutoff`, records after it are ignored.
    pub fn of(bundle: &CustomerBundle, clocks: &Clocks, cutoff: Option<Timestamp>) -> Self {
        let before = |t: &Timestamp| cutoff.is_none_or(|c| *t <= c);
        let slug = bundle.customer.slug.as_str();
        let ownership = Ownership::new(bundle);
        let mut human: Vec<&Interaction> = bundle
            .interactions
            .iter()
            .map(|l| &l.record)
            .filter(|i| i.actor == Actor::Human && before(&i.at))
            .collect();
        human.sort_by_key(|i| (i.at, i.id));
        let mut facts = Facts {
            threads: threads(slug, &human, &ownership, clocks),
            handoffs: handoffs(bundle, clocks, cutoff),
            ..Facts::default()
        };
        consistency(slug, &human, &ownership, &mut facts);
        let c = &bundle.customer;
        facts.customers.push(CustomerFact {
            slug: slug.to_string(),
            name: c.name.clone(),
            active: c.status == CustomerStatus::Active,
            created: c.created,
            archived: c.archived,
            dims: dims(slug, Party::default(), None),
            touches: human
                .iter()
                .filter(|i| i.direction != Direction::Internal)
                .map(|i| {
                    let team = ownership.at(i.at).team.map(Name::from);
                    (i.at, Name::from(&i.channel), team)
                })
                .collect(),
            lags: human
                .iter()
                .map(|i| {
                    (
                        i.at,
                        Name::from(&i.channel),
                        (i.recorded_at - i.at).num_seconds(),
                    )
                })
                .collect(),
        });
        let latest = bundle
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
            .max();
        let earliest = std::iter::once(c.created)
            .chain(bundle.interactions.iter().map(|l| l.record.at))
            .chain(bundle.handoffs.iter().map(|l| l.record.at))
            .min()
            .unwrap_or(c.created);
        facts.shrink_to_fit();
        CustomerFacts {
            slug: slug.to_string(),
            tags: c.tags.clone(),
            latest,
            earliest,
            ownership,
            facts,
        }
    }

    /// Whether these facts (read without a cutoff) are exactly those of a report as of `as_of`:
    /// nothing they depend on is later.
    pub fn valid_at(&self, as_of: Timestamp) -> bool {
        self.latest.is_none_or(|l| l <= as_of)
    }

    /// Whether the customer is in the report's customer-level slices (`--customer`, `--tag`).
    pub fn kept_by(&self, slice: &super::Slice) -> bool {
        super::keeps(&slice.customer, Some(&self.slug))
            && (slice.tag.is_empty() || self.tags.iter().any(|t| slice.tag.contains(t)))
    }

    /// The facts placed in the report: ages of open threads and handoffs at `as_of`, owner and
    /// team at the end of the period.
    pub fn finish(self, clocks: &Clocks, options: &Options) -> Facts {
        let as_of = options.as_of;
        let end = options.until.min(as_of);
        let mut facts = self.facts;
        for t in &mut facts.threads {
            let team = t.dims.team.clone();
            t.unanswered_age = t
                .unanswered_since
                .map(|a| clocks.measure(team.as_deref(), a, as_of));
            t.unanswered_wall = t.unanswered_since.map(|a| (as_of - a).num_seconds());
        }
        for h in &mut facts.handoffs {
            let team = h.to.team.clone();
            h.pending_age = h
                .pending
                .then(|| clocks.measure(team.as_deref(), h.at, as_of));
            h.pending_wall = h.pending.then(|| (as_of - h.at).num_seconds());
        }
        let party = self.ownership.at(end);
        for c in &mut facts.customers {
            c.dims = dims(&c.slug, party.clone(), None);
        }
        facts
    }
}

/// Owner and team of a customer over time, from its handoffs.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Ownership {
    current: Party,
    /// `(at, from, to, declined at)` of every handoff, in time (then id) order.
    #[serde(with = "handoffs_serde")]
    handoffs: Vec<Change>,
}

/// Serde of the ownership changes with compact times.
mod handoffs_serde {
    use super::*;
    use crate::store::snapshot::Ts;

    type List = Vec<Change>;

    pub fn serialize<S: serde::Serializer>(v: &List, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            v.iter()
                .map(|(t, a, b, declined)| (Ts(*t), a, b, declined.map(Ts))),
        )
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<List, D::Error> {
        let list = Vec::<(Ts, Party, Party, Option<Ts>)>::deserialize(d)?;
        Ok(list
            .into_iter()
            .map(|(t, a, b, declined)| (t.0, a, b, declined.map(|d| d.0)))
            .collect())
    }
}

/// One change of owner: when, from whom, to whom, and when it was declined (if it was).
type Change = (Timestamp, Party, Party, Option<Timestamp>);

/// A customer's handoffs in time (then id) order.
fn sorted_handoffs(bundle: &CustomerBundle) -> Vec<&Handoff> {
    let mut handoffs: Vec<&Handoff> = bundle.handoffs.iter().map(|l| &l.record).collect();
    handoffs.sort_by_key(|h| (h.at, h.id));
    handoffs
}

impl Ownership {
    fn new(bundle: &CustomerBundle) -> Self {
        Ownership {
            current: Party {
                owner: bundle.customer.owner.clone(),
                team: bundle.customer.team.clone(),
            },
            handoffs: sorted_handoffs(bundle)
                .into_iter()
                .map(|h| {
                    (
                        h.at,
                        h.from.clone(),
                        h.to.clone(),
                        h.declined().map(|d| d.0),
                    )
                })
                .collect(),
        }
    }

    /// Who owned the customer at `t`: the `to` of the latest handoff at or before `t` (its
    /// `from` again once it was declined); before the first handoff, its `from`; without
    /// handoffs, the customer's owner and team.
    fn at(&self, t: Timestamp) -> Party {
        match self.handoffs.iter().rev().find(|h| h.0 <= t) {
            Some(h) if h.3.is_some_and(|d| d <= t) => h.1.clone(),
            Some(h) => h.2.clone(),
            None => self
                .handoffs
                .first()
                .map(|h| h.1.clone())
                .unwrap_or_else(|| self.current.clone()),
        }
    }
}

fn dims(slug: &str, party: Party, channel: Option<&str>) -> Dims {
    Dims {
        customer: Name::from(slug),
        team: party.team.map(Name::from),
        owner: party.owner.map(Name::from),
        channel: channel.map(Name::from),
    }
}

fn threads(
    slug: &str,
    human: &[&Interaction],
    ownership: &Ownership,
    clocks: &Clocks,
) -> Vec<ThreadFact> {
    let mut by_thread: BTreeMap<RecordId, Vec<&Interaction>> = BTreeMap::new();
    for i in human {
        by_thread.entry(i.thread).or_default().push(i);
    }
    by_thread
        .into_iter()
        .filter_map(|(id, tps)| thread(slug, id, &tps, ownership, clocks))
        .collect()
}

fn thread(
    slug: &str,
    id: RecordId,
    tps: &[&Interaction],
    ownership: &Ownership,
    clocks: &Clocks,
) -> Option<ThreadFact> {
    let facing: Vec<&Interaction> = tps
        .iter()
        .copied()
        .filter(|i| i.direction != Direction::Internal)
        .collect();
    let first = *facing.first()?;
    let party = ownership.at(first.at);
    let team = party.team.clone();
    // The first reply is the first outbound after the first inbound in the documented
    // `(at, id)` order: an outbound at the same instant but ordered before the inbound is not
    // an answer to it (it would read as a 0-second first response).
    let inbound_position = facing
        .iter()
        .position(|i| i.direction == Direction::Inbound);
    let first_inbound = inbound_position.map(|p| facing[p].at);
    let first_reply = inbound_position.and_then(|p| {
        facing[p + 1..]
            .iter()
            .find(|i| i.direction == Direction::Outbound)
            .map(|i| i.at)
    });
    let first_resolved = tps.iter().find(|i| i.resolves).map(|i| i.at);
    // The state after the last touchpoint read: resolved unless an inbound came after the last
    // resolution.
    let mut open = true;
    for i in tps {
        if i.direction == Direction::Inbound {
            open = true;
        }
        if i.resolves {
            open = false;
        }
    }
    let replies_to_resolution = facing
        .iter()
        .filter(|i| i.direction == Direction::Outbound)
        .filter(|i| first_resolved.is_none_or(|r| i.at <= r))
        .count();
    let inbound_after = |t: Option<Timestamp>| {
        t.is_some_and(|t| {
            facing
                .iter()
                .any(|i| i.direction == Direction::Inbound && i.at > t)
        })
    };
    let unanswered = first_inbound.filter(|_| first_reply.is_none() && open);
    let switches = facing
        .windows(2)
        .filter(|w| w[0].channel != w[1].channel)
        .count();
    Some(ThreadFact {
        thread: id,
        subject: first.summary.clone(),
        started_at: first.at,
        started_inbound: first.direction == Direction::Inbound,
        dims: dims(slug, party, Some(&first.channel)),
        first_inbound,
        first_reply,
        response: first_inbound
            .zip(first_reply)
            .map(|(a, b)| clocks.measure(team.as_deref(), a, b)),
        unanswered_since: unanswered,
        unanswered_age: None,
        unanswered_wall: None,
        first_resolved,
        replies_to_resolution,
        inbound_after_reply: inbound_after(first_reply),
        reopened: inbound_after(first_resolved),
        touches: facing.len(),
        switches,
    })
}

fn handoffs(
    bundle: &CustomerBundle,
    clocks: &Clocks,
    cutoff: Option<Timestamp>,
) -> Vec<HandoffFact> {
    let before = |t: &Timestamp| cutoff.is_none_or(|c| *t <= c);
    let interactions: Vec<&Interaction> = bundle
        .interactions
        .iter()
        .map(|l| &l.record)
        .filter(|i| before(&i.at))
        .collect();
    let notes: Vec<_> = bundle
        .notes
        .iter()
        .map(|l| &l.record)
        .filter(|n| before(&n.at))
        .collect();
    // Without a cutoff every record counts: the states after the latest of them.
    let as_of = cutoff.unwrap_or_else(|| chrono::DateTime::<chrono::Utc>::MAX_UTC.fixed_offset());
    let list: Vec<(&Handoff, HandoffState)> =
        handoff_states(sorted_handoffs(bundle), &interactions, &notes, as_of);
    list.iter()
        .enumerate()
        .map(|(k, (h, state))| {
            let h = *h;
            let accepted = state.accepted();
            let superseded = matches!(state, HandoffState::Superseded { .. });
            let team = h.to.team.as_deref();
            let pending = state.is_pending();
            let ping_pong = k > 0 && {
                let prev = list[k - 1].0;
                h.to.owner.is_some()
                    && h.to.owner == prev.from.owner
                    && h.from.owner == prev.to.owner
            };
            HandoffFact {
                id: h.id,
                at: h.at,
                from: h.from.clone(),
                to: h.to.clone(),
                customer: bundle.customer.slug.clone(),
                accepted,
                time: accepted.map(|(a, _)| clocks.measure(team, h.at, a)),
                superseded,
                pending,
                pending_age: None,
                pending_wall: None,
                ping_pong,
            }
        })
        .collect()
}

/// Per-thread state while walking a customer's touchpoints for channel consistency.
struct Open {
    open: bool,
    last_channel: String,
    last_at: Timestamp,
    last_inbound_channel: Option<String>,
}

fn consistency(slug: &str, human: &[&Interaction], ownership: &Ownership, facts: &mut Facts) {
    let mut threads: BTreeMap<RecordId, Open> = BTreeMap::new();
    for i in human {
        if i.direction == Direction::Internal {
            if i.resolves
                && let Some(t) = threads.get_mut(&i.thread)
            {
                t.open = false;
            }
            continue;
        }
        let d = || dims(slug, ownership.at(i.at), Some(&i.channel));
        match i.direction {
            Direction::Inbound => {
                let joined = threads.get(&i.thread).filter(|t| t.open).map(|_| i.thread);
                let reference = joined.or_else(|| {
                    threads
                        .iter()
                        .filter(|(id, t)| t.open && **id != i.thread)
                        .max_by_key(|(id, t)| (t.last_at, **id))
                        .map(|(id, _)| *id)
                });
                if let Some(r) = reference
                    && threads[&r].last_channel != i.channel
                {
                    facts.arrivals.push(ArrivalFact {
                        at: i.at,
                        dims: d(),
                        followed: joined == Some(r),
                    });
                }
            }
            Direction::Outbound => {
                if let Some(inbound) = threads
                    .get(&i.thread)
                    .and_then(|t| t.last_inbound_channel.as_ref())
                {
                    facts.replies.push(ReplyFact {
                        at: i.at,
                        dims: d(),
                        same_channel: *inbound == i.channel,
                    });
                }
            }
            Direction::Internal => {}
        }
        let t = threads.entry(i.thread).or_insert_with(|| Open {
            open: true,
            last_channel: i.channel.clone(),
            last_at: i.at,
            last_inbound_channel: None,
        });
        if i.direction == Direction::Inbound {
            t.open = true;
            t.last_inbound_channel = Some(i.channel.clone());
        }
        if i.resolves {
            t.open = false;
        }
        t.last_channel = i.channel.clone();
        t.last_at = i.at;
    }
}
