//! Small hand-built stores for the metric modules' unit tests: touchpoints, handoffs and
//! customers written out in full, a team with an office calendar, and the report computed
//! from them the way `git crm metrics` does.

use crate::model::config::{Calendar, Team};
use crate::model::records::{Actor, Customer, Direction, Handoff, Interaction};
use crate::model::{Config, CustomerKind, CustomerStatus, Party, RecordId, Timestamp};
use crate::store::CustomerBundle;
use crate::store::load::Loaded;

use super::{Metrics, Options, compute};

/// An RFC 3339 instant.
pub fn at(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// Record id `n` (ids order records at the same instant).
pub fn rid(n: u128) -> RecordId {
    RecordId(uuid::Uuid::from_u128(n))
}

/// A human email touchpoint `n` of thread `thread`, recorded when it happened.
pub fn tp(n: u128, thread: u128, when: &str, dir: Direction, by: &str) -> Interaction {
    Interaction {
        id: rid(n),
        at: at(when),
        recorded_at: at(when),
        channel: "email".into(),
        direction: dir,
        by: by.into(),
        actor: Actor::Human,
        thread: rid(thread),
        summary: format!("touchpoint {n}"),
        body: None,
        resolves: false,
        tags: vec![],
        source: None,
        extra: Default::default(),
    }
}

/// The same touchpoint on another channel.
pub fn on(channel: &str, mut i: Interaction) -> Interaction {
    i.channel = channel.into();
    i
}

/// The same touchpoint, resolving its thread.
pub fn resolving(mut i: Interaction) -> Interaction {
    i.resolves = true;
    i
}

/// A handoff `n` from one owner to another, both without a team.
pub fn handoff(n: u128, when: &str, from: &str, to: &str) -> Handoff {
    handoff_teams(n, when, (from, None), (to, None))
}

/// A handoff `n` between owners of the given teams.
pub fn handoff_teams(
    n: u128,
    when: &str,
    from: (&str, Option<&str>),
    to: (&str, Option<&str>),
) -> Handoff {
    let party = |(owner, team): (&str, Option<&str>)| Party {
        owner: Some(owner.into()),
        team: team.map(str::to_string),
    };
    Handoff {
        id: rid(n),
        at: at(when),
        by: from.0.into(),
        from: party(from),
        to: party(to),
        reason: None,
        accepted_at: None,
        extra: Default::default(),
    }
}

/// An active company customer `slug`, owned by `a` (team `support`), created on 1 January 2026.
pub fn customer(slug: &str) -> Customer {
    Customer {
        id: rid(1_000_000 + slug.len() as u128),
        name: slug.to_uppercase(),
        slug: slug.into(),
        kind: CustomerKind::Company,
        status: CustomerStatus::Active,
        owner: Some("a".into()),
        team: Some("support".into()),
        tags: vec![],
        contacts: vec![],
        domains: vec![],
        external_ids: Default::default(),
        fields: Default::default(),
        created: at("2026-01-01T00:00:00Z"),
        archived: None,
        renamed_from: Vec::new(),
        extra: Default::default(),
    }
}

/// The records of one customer.
pub fn bundle_of(
    customer: Customer,
    interactions: Vec<Interaction>,
    handoffs: Vec<Handoff>,
) -> CustomerBundle {
    let loaded = |record| Loaded {
        path: String::new(),
        record,
    };
    CustomerBundle {
        corrections: Vec::new(),
        voided_interactions: Vec::new(),
        voided_notes: Vec::new(),
        path: format!("customers/{}/customer.yaml", customer.slug),
        customer,
        interactions: interactions.into_iter().map(loaded).collect(),
        notes: vec![],
        handoffs: handoffs
            .into_iter()
            .map(|record| Loaded {
                path: String::new(),
                record,
            })
            .collect(),
        tasks: vec![],
        documents: vec![],
    }
}

/// The records of customer `c`.
pub fn bundle(interactions: Vec<Interaction>, handoffs: Vec<Handoff>) -> CustomerBundle {
    bundle_of(customer("c"), interactions, handoffs)
}

/// A store whose team `support` works Monday to Friday, 09:00 to 17:00 UTC (calendar
/// `office`), with a first-response target of 4 hours and a handoff target of 8 hours.
pub fn office() -> Config {
    let mut config = Config::default();
    let hours = ["mon", "tue", "wed", "thu", "fri"]
        .into_iter()
        .map(|d| (d.to_string(), "09:00-17:00".to_string()))
        .collect();
    config.calendars.insert(
        "office".into(),
        Calendar {
            zone: "UTC".into(),
            hours,
            ..Default::default()
        },
    );
    config.teams.insert(
        "support".into(),
        Team {
            calendar: Some("office".into()),
            ..Default::default()
        },
    );
    config.targets.insert("first_response".into(), "4h".into());
    config.targets.insert("handoff".into(), "8h".into());
    config
}

/// February 2026 (1 February is a Sunday), as of `as_of`.
pub fn february(as_of: &str) -> Options {
    let mut options = Options::last_days(at(as_of), 0);
    options.since = at("2026-02-01T00:00:00Z");
    options.until = at("2026-03-01T00:00:00Z");
    options
}

/// The five metrics of `bundles`.
pub fn metrics(config: &Config, bundles: &[CustomerBundle], options: &Options) -> Metrics {
    compute(config, bundles, options).unwrap().metrics
}
