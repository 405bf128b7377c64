//! What the metrics are computed from: one pass over each customer (in parallel) turns its
//! records into facts about threads, handoffs, inbound arrivals, replies and the customer
//! itself. Each fact carries the dimensions it is sliced and grouped by (customer, owning team
//! and owner at the time, channel) and its durations already measured in the right clock.
//!
//! Only touchpoints by `actor: human` are read, and only those at or before the report's
//! `as_of` instant (future-dated touchpoints do not count).

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::model::calendar::BusinessCalendar;
use crate::model::handoffs::{HandoffState, states as handoff_states};
use crate::model::records::{Acceptance, Actor, CustomerStatus, Direction, Handoff, Interaction};
use crate::model::{Config, Party, RecordId, Timestamp};
use crate::store::CustomerBundle;

use super::{ClockMode, Options};

/// Where a fact belongs, for slicing and `--by`.
#[derive(Debug, Clone, PartialEq)]
pub struct Dims {
    pub customer: String,
    pub team: Option<String>,
    pub owner: Option<String>,
    pub channel: Option<String>,
}

/// A duration measured in a clock: business seconds of a calendar, or wall-clock seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub seconds: i64,
    /// The calendar used; `None` for wall-clock time.
    pub calendar: Option<String>,
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
                calendar: Some(c.name.clone()),
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
#[derive(Debug, Clone)]
pub struct ThreadFact {
    pub thread: RecordId,
    pub subject: String,
    /// The first human inbound or outbound touchpoint: places the thread in a period.
    pub started_at: Timestamp,
    pub started_inbound: bool,
    /// Customer, team and owner at the thread's start, and its first channel.
    pub dims: Dims,
    pub first_inbound: Option<Timestamp>,
    pub first_reply: Option<Timestamp>,
    /// First response time: first human inbound to the first human outbound after it.
    pub response: Option<Measured>,
    /// Unanswered (no reply, not resolved): age of the first inbound at `as_of`.
    pub unanswered_age: Option<Measured>,
    pub unanswered_wall: Option<i64>,
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
#[derive(Debug, Clone)]
pub struct HandoffFact {
    pub id: RecordId,
    pub at: Timestamp,
    pub from: Party,
    pub to: Party,
    pub customer: String,
    pub accepted: Option<(Timestamp, Acceptance)>,
    /// Time to acceptance, in the clock of the receiving team.
    pub time: Option<Measured>,
    /// A later handoff of the same customer came before this one was accepted.
    pub superseded: bool,
    /// Age at `as_of` of a handoff neither accepted nor superseded.
    pub pending_age: Option<Measured>,
    pub pending_wall: Option<i64>,
    /// This handoff gives the customer back to the owner it was just taken from (A->B->A).
    pub ping_pong: bool,
}

/// An inbound touchpoint that arrived while the customer had an open thread on another
/// channel (channel consistency).
#[derive(Debug, Clone)]
pub struct ArrivalFact {
    pub at: Timestamp,
    pub dims: Dims,
    /// It joined that open thread instead of starting a new one.
    pub followed: bool,
}

/// A human outbound reply in a thread after an inbound.
#[derive(Debug, Clone)]
pub struct ReplyFact {
    pub at: Timestamp,
    pub dims: Dims,
    /// Sent on the channel of the customer's latest inbound in the thread.
    pub same_channel: bool,
}

/// A customer, for coverage.
#[derive(Debug, Clone)]
pub struct CustomerFact {
    pub slug: String,
    pub name: String,
    pub active: bool,
    pub created: Timestamp,
    pub archived: Option<Timestamp>,
    /// Owner and team at the end of the report period.
    pub dims: Dims,
    /// Human inbound and outbound touchpoints: when, on which channel, team at the time.
    pub touches: Vec<(Timestamp, String, Option<String>)>,
    /// `recorded_at - at` of human touchpoints, with `at` and the channel (so `--channel` and
    /// `--by channel` slice the logging lag as they slice everything else).
    pub lags: Vec<(Timestamp, String, i64)>,
}

/// All facts of the store (after customer-level filters).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub threads: Vec<ThreadFact>,
    pub handoffs: Vec<HandoffFact>,
    pub arrivals: Vec<ArrivalFact>,
    pub replies: Vec<ReplyFact>,
    pub customers: Vec<CustomerFact>,
}

impl Facts {
    /// Reads every bundle in parallel. Customers left out by `--customer` or `--tag` are
    /// skipped here; the other slices apply to each fact later.
    pub fn gather(bundles: &[CustomerBundle], clocks: &Clocks, options: &Options) -> Facts {
        let parts: Vec<Facts> = bundles
            .par_iter()
            .filter(|b| options.slice.keeps_customer(&b.customer))
            .map(|b| of_customer(b, clocks, options))
            .collect();
        let mut all = Facts::default();
        for p in parts {
            all.threads.extend(p.threads);
            all.handoffs.extend(p.handoffs);
            all.arrivals.extend(p.arrivals);
            all.replies.extend(p.replies);
            all.customers.extend(p.customers);
        }
        all.threads.sort_by_key(|t| (t.started_at, t.thread));
        all.handoffs.sort_by_key(|h| (h.at, h.id));
        all.arrivals.sort_by_key(|a| a.at);
        all.replies.sort_by_key(|r| r.at);
        all.customers.sort_by(|a, b| a.slug.cmp(&b.slug));
        all
    }
}

impl Facts {
    /// The facts of one customer, as [`Facts::gather`] computes them for each (rules read the
    /// threads and contacts of the customers they look at without gathering the whole store).
    pub fn of_customer(bundle: &CustomerBundle, clocks: &Clocks, options: &Options) -> Facts {
        of_customer(bundle, clocks, options)
    }
}

/// Owner and team of a customer over time, from its handoffs.
struct Ownership<'a> {
    current: Party,
    handoffs: Vec<&'a Handoff>,
}

impl<'a> Ownership<'a> {
    fn new(bundle: &'a CustomerBundle) -> Self {
        let mut handoffs: Vec<&Handoff> = bundle.handoffs.iter().map(|l| &l.record).collect();
        handoffs.sort_by_key(|h| (h.at, h.id));
        Ownership {
            current: Party {
                owner: bundle.customer.owner.clone(),
                team: bundle.customer.team.clone(),
            },
            handoffs,
        }
    }

    /// Who owned the customer at `t`: the `to` of the latest handoff at or before `t` (its
    /// `from` again once it was declined); before the first handoff, its `from`; without
    /// handoffs, the customer's owner and team.
    fn at(&self, t: Timestamp) -> Party {
        match self.handoffs.iter().rev().find(|h| h.at <= t) {
            Some(h) if h.declined().is_some_and(|(d, _, _)| d <= t) => h.from.clone(),
            Some(h) => h.to.clone(),
            None => self
                .handoffs
                .first()
                .map(|h| h.from.clone())
                .unwrap_or_else(|| self.current.clone()),
        }
    }
}

fn dims(slug: &str, party: Party, channel: Option<&str>) -> Dims {
    Dims {
        customer: slug.to_string(),
        team: party.team,
        owner: party.owner,
        channel: channel.map(str::to_string),
    }
}

fn of_customer(bundle: &CustomerBundle, clocks: &Clocks, options: &Options) -> Facts {
    let as_of = options.as_of;
    let slug = bundle.customer.slug.as_str();
    let ownership = Ownership::new(bundle);
    let mut human: Vec<&Interaction> = bundle
        .interactions
        .iter()
        .map(|l| &l.record)
        .filter(|i| i.actor == Actor::Human && i.at <= as_of)
        .collect();
    human.sort_by_key(|i| (i.at, i.id));
    let end = options.until.min(as_of);
    let mut facts = Facts {
        threads: threads(slug, &human, &ownership, clocks, as_of),
        handoffs: handoffs(bundle, &ownership, clocks, as_of),
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
        dims: dims(slug, ownership.at(end), None),
        touches: human
            .iter()
            .filter(|i| i.direction != Direction::Internal)
            .map(|i| (i.at, i.channel.clone(), ownership.at(i.at).team))
            .collect(),
        lags: human
            .iter()
            .map(|i| {
                (
                    i.at,
                    i.channel.clone(),
                    (i.recorded_at - i.at).num_seconds(),
                )
            })
            .collect(),
    });
    facts
}

fn threads(
    slug: &str,
    human: &[&Interaction],
    ownership: &Ownership,
    clocks: &Clocks,
    as_of: Timestamp,
) -> Vec<ThreadFact> {
    let mut by_thread: BTreeMap<RecordId, Vec<&Interaction>> = BTreeMap::new();
    for i in human {
        by_thread.entry(i.thread).or_default().push(i);
    }
    by_thread
        .into_iter()
        .filter_map(|(id, tps)| thread(slug, id, &tps, ownership, clocks, as_of))
        .collect()
}

fn thread(
    slug: &str,
    id: RecordId,
    tps: &[&Interaction],
    ownership: &Ownership,
    clocks: &Clocks,
    as_of: Timestamp,
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
    // The state at `as_of`: resolved unless an inbound came after the last resolution.
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
        unanswered_age: unanswered.map(|a| clocks.measure(team.as_deref(), a, as_of)),
        unanswered_wall: unanswered.map(|a| (as_of - a).num_seconds()),
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
    ownership: &Ownership,
    clocks: &Clocks,
    as_of: Timestamp,
) -> Vec<HandoffFact> {
    let interactions: Vec<&Interaction> = bundle
        .interactions
        .iter()
        .map(|l| &l.record)
        .filter(|i| i.at <= as_of)
        .collect();
    let notes: Vec<_> = bundle
        .notes
        .iter()
        .map(|l| &l.record)
        .filter(|n| n.at <= as_of)
        .collect();
    let list: Vec<(&Handoff, HandoffState)> = handoff_states(
        ownership.handoffs.iter().copied(),
        &interactions,
        &notes,
        as_of,
    );
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
                pending_age: pending.then(|| clocks.measure(team, h.at, as_of)),
                pending_wall: pending.then(|| (as_of - h.at).num_seconds()),
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
