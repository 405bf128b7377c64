//! The five metrics of `git crm metrics`, as pure functions over loaded customers: first
//! response time ([`frt`]), first contact resolution ([`fcr`]), handoff time ([`handoff`]),
//! interaction coverage ([`coverage`]) and channel consistency ([`consistency`]).
//!
//! Every choice that vendors make differently is a parameter of [`Options`] with a documented
//! default (docs/metrics.md), and the [`Report`] carries the parameters it was computed with.
//! Only `actor: human` touchpoints count; a report is computed "as of" an instant, so records
//! dated after it are ignored and ages are measured to it.
//!
//! ```no_run
//! let store = git_crm::Store::discover(std::path::Path::new("."))?;
//! let bundles = store.load_all()?;
//! let options = git_crm::metrics::Options::last_days(git_crm::model::time::now(), 30);
//! let report = git_crm::metrics::compute(store.config(), &bundles, &options)?;
//! println!("median first response: {:?} s", report.metrics.frt.response.median);
//! # Ok::<(), git_crm::Error>(())
//! ```

pub mod consistency;
pub mod coverage;
pub mod facts;
pub mod fcr;
#[cfg(test)]
mod fixtures;
pub mod frt;
pub mod gate;
pub mod group;
pub mod handoff;
pub mod name;
pub mod period;
pub mod stats;
pub mod targets;

use std::collections::BTreeMap;

use chrono_tz::Tz;
use rayon::prelude::*;
use serde::Serialize;

use crate::model::time::rfc3339;
use crate::model::{Config, Customer, Timestamp};
use crate::store::CustomerBundle;

pub use facts::{Clocks, CustomerFacts, Dims, Facts, Reach};
pub use period::Window;
pub use targets::Targets;

/// Which clock durations are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ClockMode {
    /// Business hours of the calendar of the owning team; wall clock for teams without one.
    #[default]
    Business,
    /// Wall-clock time everywhere.
    Wall,
}

/// The family of first-contact-resolution definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FcrRule {
    /// Exactly one human reply before resolution and no inbound after that reply.
    #[default]
    Strict,
    /// Zendesk "one-touch": fewer than two human replies before resolution, not reopened.
    OneTouch,
    /// Freshservice: no inbound from the customer after the first reply, not reopened.
    NoFurtherContact,
}

/// What `--by` groups a report by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Team,
    Owner,
    Channel,
    Month,
    Week,
}

/// The slices of `--team`, `--owner`, `--channel`, `--tag` and `--customer` (empty: all).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Slice {
    pub team: Vec<String>,
    pub owner: Vec<String>,
    pub channel: Vec<String>,
    pub tag: Vec<String>,
    pub customer: Vec<String>,
}

fn keeps(list: &[String], value: Option<&str>) -> bool {
    list.is_empty() || value.is_some_and(|v| list.iter().any(|l| l == v))
}

impl Slice {
    /// Refuses a slice that names a team, person, channel or customer the store does not have
    /// (with a suggestion): a typo would otherwise report an empty slice as if it were real.
    pub fn validate(&self, store: &crate::Store) -> crate::Result<()> {
        self.team.iter().try_for_each(|t| store.require_team(t))?;
        self.owner
            .iter()
            .try_for_each(|o| store.require_person(o))?;
        self.channel
            .iter()
            .try_for_each(|c| store.require_channel(c))?;
        self.customer
            .iter()
            .try_for_each(|c| store.require_customer(c))
    }

    /// Customer-level slices: `--customer` (slug) and `--tag` (a customer tag).
    pub fn keeps_customer(&self, c: &Customer) -> bool {
        keeps(&self.customer, Some(&c.slug))
            && (self.tag.is_empty() || c.tags.iter().any(|t| self.tag.contains(t)))
    }

    /// Team, owner and channel slices of a fact.
    pub fn keeps(&self, d: &Dims) -> bool {
        keeps(&self.team, d.team.as_deref())
            && keeps(&self.owner, d.owner.as_deref())
            && keeps(&self.channel, d.channel.as_deref())
    }

    /// A handoff is kept when its team and owner slices match either side.
    pub fn keeps_handoff(&self, h: &facts::HandoffFact) -> bool {
        let side = |p: &crate::model::Party| {
            keeps(&self.team, p.team.as_deref()) && keeps(&self.owner, p.owner.as_deref())
        };
        side(&h.from) || side(&h.to)
    }

    /// Whether no slice is set.
    pub fn is_empty(&self) -> bool {
        *self == Slice::default()
    }
}

/// Everything a report depends on besides the data and the config.
#[derive(Debug, Clone)]
pub struct Options {
    /// The report's "now": later records are ignored, ages are measured to it.
    pub as_of: Timestamp,
    /// The period `[since, until)`; threads are placed in it by their start.
    pub since: Timestamp,
    pub until: Timestamp,
    /// Zone of periods, months and weeks (`--tz`, default UTC).
    pub tz: Tz,
    pub clock: ClockMode,
    pub fcr_rule: FcrRule,
    /// Weeks of the weekly coverage table.
    pub weeks: u32,
    pub slice: Slice,
    pub by: Option<By>,
}

impl Options {
    /// The defaults for the `days` days before `as_of`: UTC, business clock, strict FCR,
    /// 8 weeks of coverage, no slices, no grouping.
    pub fn last_days(as_of: Timestamp, days: i64) -> Self {
        Options {
            as_of,
            since: as_of - chrono::Duration::days(days),
            until: as_of,
            tz: Tz::UTC,
            clock: ClockMode::Business,
            fcr_rule: FcrRule::Strict,
            weeks: 8,
            slice: Slice::default(),
            by: None,
        }
    }

    /// The report period.
    pub fn window(&self) -> Window {
        Window {
            since: self.since,
            until: self.until,
        }
    }
}

/// The parameters a report was computed with, printed with every report.
#[derive(Debug, Clone, Serialize)]
pub struct Params {
    pub as_of: String,
    pub since: String,
    pub until: String,
    pub tz: String,
    pub clock: ClockMode,
    /// Team -> calendar used for business hours.
    pub calendars: BTreeMap<String, String>,
    pub fcr_rule: FcrRule,
    pub weeks: u32,
    pub percentiles: &'static str,
    pub actors: &'static str,
    /// Targets as written in the config (`first_response: 4h`).
    pub targets: BTreeMap<String, String>,
    pub filters: Slice,
    pub by: Option<By>,
}

/// The five metrics over one slice.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    pub frt: frt::Frt,
    pub fcr: fcr::Fcr,
    pub handoff: handoff::HandoffReport,
    pub coverage: coverage::Coverage,
    pub consistency: consistency::Consistency,
}

impl Metrics {
    fn of(view: &group::View, targets: &Targets) -> Self {
        Metrics {
            frt: view.frt(targets),
            fcr: view.fcr(),
            handoff: view.handoff(targets),
            coverage: view.coverage(),
            consistency: view.consistency(),
        }
    }

    /// Drops the lists, keeping the figures (for `--by` groups).
    pub fn strip(&mut self) {
        self.frt.strip();
        self.fcr.strip();
        self.handoff.strip();
        self.coverage.strip();
    }
}

/// One `--by` group: its key and the five metrics over its slice (figures only, no lists).
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub key: String,
    #[serde(flatten)]
    pub metrics: Metrics,
}

/// The five metrics over one period and slice, with the parameters used.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub params: Params,
    #[serde(flatten)]
    pub metrics: Metrics,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

/// Computes the report. Errors come from the config (a bad calendar or target).
pub fn compute(
    config: &Config,
    bundles: &[CustomerBundle],
    options: &Options,
) -> crate::Result<Report> {
    let clocks = Clocks::new(config, options.clock)?;
    let facts = Facts::gather_report(bundles, &clocks, options);
    report(config, &clocks, &facts, options)
}

/// Computes the report from the facts of every customer (in slug order, as
/// [`store_facts`] reads them); the customer-level slices apply here.
pub fn compute_from(
    config: &Config,
    parts: Vec<CustomerFacts>,
    options: &Options,
) -> crate::Result<Report> {
    let clocks = Clocks::new(config, options.clock)?;
    let kept = parts
        .into_iter()
        .filter(|p| p.kept_by(&options.slice))
        .collect();
    let facts = Facts::join_report(kept, &clocks, options);
    crate::store::snapshot::timing("metrics: facts joined");
    let report = report(config, &clocks, &facts, options);
    crate::store::snapshot::timing("metrics: report");
    crate::store::snapshot::drop_later(facts);
    report
}

/// The facts of every customer of the work tree of `store`, for a report as of `as_of` measured
/// in `clock`, in slug order. A customer whose records did not change since a previous run
/// (same content, same config) is not read again: its facts come from the cache, unless it has
/// records after `as_of` (then only those up to it count, and they are read). Fails on the first
/// file that does not parse, as [`crate::Store::load_all`] does.
///
/// A report reads only part of each customer's facts (`reach`, see [`Reach`]; `None`: all of
/// them): of the cached ones, only that part is decoded, and the others may be left out. Facts
/// read again are whole.
pub fn store_facts(
    store: &crate::Store,
    clock: ClockMode,
    as_of: Timestamp,
    reach: Option<Reach>,
) -> crate::Result<Vec<CustomerFacts>> {
    let clocks = Clocks::new(store.config(), clock)?;
    let mut params = crate::store::snapshot::KeyHasher::new("metrics facts 3");
    params.part(&[clock as u8]);
    params.part(&serde_json::to_vec(store.config()).unwrap_or_default());
    let params = params.finish();
    crate::store::snapshot::timing("metrics: start");
    let bundles = store.bundles()?;
    crate::store::snapshot::timing("metrics: scanned and grouped");
    // No key: what metrics print (thread subjects included) is the same for every reader.
    let no_keys = crate::access::Keyring::empty();
    let read = |g: usize| bundles.load_with(g, crate::access::Keys::Given(&no_keys));
    let parts = bundles
        .groups
        .par_iter()
        .enumerate()
        .map(|(g, members)| {
            let facts = bundles.scan.derived_filed(
                facts::FILED_KIND,
                members,
                &params,
                || Ok(CustomerFacts::of(&read(g)?, &clocks, None)),
                CustomerFacts::file,
                |bytes| CustomerFacts::open(bytes, reach.as_ref()),
            )?;
            if facts.valid_at(as_of) {
                Ok(facts)
            } else {
                Ok(CustomerFacts::of(&read(g)?, &clocks, Some(as_of)))
            }
        })
        .collect::<crate::Result<Vec<_>>>()?;
    crate::store::snapshot::timing("metrics: facts");
    bundles.save();
    crate::store::snapshot::timing("metrics: cache saved");
    Ok(parts)
}

/// The earliest instant in the data of `parts`, where `--since all` starts.
pub fn earliest_of(parts: &[CustomerFacts]) -> Option<Timestamp> {
    parts.iter().map(|p| p.earliest).min()
}

fn report(
    config: &Config,
    clocks: &Clocks,
    facts: &Facts,
    options: &Options,
) -> crate::Result<Report> {
    let targets = Targets::from_config(config)?;
    let all = group::View::of(facts, options, None);
    let params = Params {
        as_of: rfc3339(&options.as_of),
        since: rfc3339(&options.since),
        until: rfc3339(&options.until),
        tz: options.tz.name().to_string(),
        clock: options.clock,
        calendars: match options.clock {
            ClockMode::Business => clocks.team_calendars(),
            ClockMode::Wall => BTreeMap::new(),
        },
        fcr_rule: options.fcr_rule,
        weeks: options.weeks,
        percentiles: "nearest-rank",
        actors: "human",
        targets: targets.texts.clone(),
        filters: options.slice.clone(),
        by: options.by,
    };
    let groups = match options.by {
        Some(by) => group::keys(facts, options, by)
            .into_par_iter()
            .map(|key| {
                let view = group::View::of(facts, options, Some((by, &key)));
                let mut metrics = Metrics::of(&view, &targets);
                metrics.strip();
                Group { key, metrics }
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(Report {
        params,
        metrics: Metrics::of(&all, &targets),
        groups,
    })
}

/// The earliest instant in the data (customer creation, touchpoint or handoff), which is where
/// `--since all` starts.
pub fn earliest(bundles: &[CustomerBundle]) -> Option<Timestamp> {
    bundles
        .iter()
        .flat_map(|b| {
            std::iter::once(b.customer.created)
                .chain(b.interactions.iter().map(|l| l.record.at))
                .chain(b.handoffs.iter().map(|l| l.record.at))
        })
        .min()
}

/// The metric names, in report order.
pub const METRICS: [&str; 5] = ["frt", "fcr", "handoff", "coverage", "consistency"];

#[cfg(test)]
mod tests {
    use super::fixtures::{at, bundle, handoff, tp};
    use super::*;
    use crate::model::records::{Actor, Direction};

    fn report(b: CustomerBundle, rule: FcrRule) -> Report {
        let mut options = Options::last_days(at("2026-03-01T00:00:00Z"), 60);
        options.fcr_rule = rule;
        compute(&Config::default(), &[b], &options).unwrap()
    }

    #[test]
    fn a_reopened_thread_is_not_resolved_at_first_contact() {
        let mut reply = tp(2, 1, "2026-02-01T11:00:00Z", Direction::Outbound, "a");
        reply.resolves = true;
        let again = tp(3, 1, "2026-02-03T09:00:00Z", Direction::Inbound, "x");
        let first = tp(1, 1, "2026-02-01T10:00:00Z", Direction::Inbound, "x");
        let once = report(
            bundle(vec![first.clone(), reply.clone()], vec![]),
            FcrRule::Strict,
        );
        assert_eq!(once.metrics.fcr.rate, Some(1.0));
        for rule in [
            FcrRule::Strict,
            FcrRule::OneTouch,
            FcrRule::NoFurtherContact,
        ] {
            let r = report(
                bundle(vec![first.clone(), reply.clone(), again.clone()], vec![]),
                rule,
            );
            assert_eq!((r.metrics.fcr.rate, r.metrics.fcr.reopened), (Some(0.0), 1));
            // The reopened thread waits for a reply again, but it was answered once: not unanswered.
            assert_eq!(r.metrics.frt.unanswered, 0);
            assert_eq!(r.metrics.frt.response.median, Some(3600));
        }
    }

    #[test]
    fn automation_never_stops_the_clock() {
        let mut auto = tp(2, 1, "2026-02-01T10:01:00Z", Direction::Outbound, "bot");
        auto.actor = Actor::Automation;
        let human = tp(3, 1, "2026-02-01T12:00:00Z", Direction::Outbound, "a");
        let first = tp(1, 1, "2026-02-01T10:00:00Z", Direction::Inbound, "x");
        let r = report(
            bundle(vec![first.clone(), auto.clone()], vec![]),
            FcrRule::Strict,
        );
        assert_eq!(r.metrics.frt.unanswered, 1);
        let r = report(bundle(vec![first, auto, human], vec![]), FcrRule::Strict);
        assert_eq!(r.metrics.frt.response.median, Some(2 * 3600));
    }

    #[test]
    fn handoffs_superseded_pending_and_ping_pong() {
        let b = bundle(
            vec![tp(10, 10, "2026-02-05T10:00:00Z", Direction::Outbound, "b")],
            vec![
                handoff(1, "2026-02-01T10:00:00Z", "a", "b"),
                handoff(2, "2026-02-06T10:00:00Z", "b", "a"),
                handoff(3, "2026-02-07T10:00:00Z", "a", "c"),
                handoff(4, "2026-02-08T10:00:00Z", "c", "d"),
            ],
        );
        let h = report(b, FcrRule::Strict).metrics.handoff;
        // a->b accepted by b's touchpoint after 4 days; b->a never accepted before a->c
        // (superseded); a->c superseded by c->d; c->d pending.
        assert_eq!(h.handoffs, 4);
        assert_eq!(h.time.n, 1);
        assert_eq!(h.time.median, Some(4 * 86_400));
        assert_eq!((h.superseded, h.pending, h.ping_pong), (2, 1, 1));
        assert_eq!(h.pending_handoffs[0].customer, "c");
    }

    #[test]
    fn an_outbound_at_the_same_instant_but_ordered_before_the_inbound_is_not_a_reply() {
        // (at, id) order: the outbound (id 1) comes before the inbound (id 2) at 10:00.
        let early = tp(1, 2, "2026-02-01T10:00:00Z", Direction::Outbound, "a");
        let first = tp(2, 2, "2026-02-01T10:00:00Z", Direction::Inbound, "x");
        let r = report(
            bundle(vec![early.clone(), first.clone()], vec![]),
            FcrRule::Strict,
        );
        assert_eq!(r.metrics.frt.response.n, 0);
        assert_eq!(r.metrics.frt.unanswered, 1);
        let reply = tp(3, 2, "2026-02-01T10:30:00Z", Direction::Outbound, "a");
        let r = report(bundle(vec![early, first, reply], vec![]), FcrRule::Strict);
        assert_eq!(r.metrics.frt.response.median, Some(1800));
    }

    #[test]
    fn the_logging_lag_is_sliced_by_channel() {
        let mut mail = tp(1, 1, "2026-02-01T10:00:00Z", Direction::Inbound, "x");
        mail.recorded_at = at("2026-02-01T11:00:00Z");
        let mut call = tp(2, 2, "2026-02-02T10:00:00Z", Direction::Outbound, "a");
        call.channel = "call".into();
        call.recorded_at = at("2026-02-03T10:00:00Z");
        let b = bundle(vec![mail, call], vec![]);
        let mut options = Options::last_days(at("2026-03-01T00:00:00Z"), 60);
        options.slice.channel = vec!["call".into()];
        let r = compute(&Config::default(), std::slice::from_ref(&b), &options).unwrap();
        assert_eq!(r.metrics.coverage.logging_lag.median, Some(86_400));
        options.slice.channel = vec!["email".into()];
        let r = compute(&Config::default(), &[b], &options).unwrap();
        assert_eq!(r.metrics.coverage.logging_lag.median, Some(3600));
    }

    mod window {
        //! A report joins only the facts of its window (`Facts::join_report`); it must be
        //! the report of all of them.
        use super::super::fixtures::{customer, handoff_teams, office, on, rid};
        use super::*;
        use crate::model::records::{Direction, Interaction};
        use proptest::prelude::*;

        /// Day `d` of 2026 at hour `h` (UTC), as RFC 3339 text.
        fn day(d: u32, h: u32) -> String {
            let date = chrono::NaiveDate::from_yo_opt(2026, d.clamp(1, 365)).unwrap();
            format!("{date}T{h:02}:00:00Z")
        }

        type Touch = (u8, u8, u32, u32, u8, u8, bool);

        fn touch(n: usize, (c, thread, d, h, dir, ch, resolves): Touch) -> (u8, Interaction) {
            let dir = [Direction::Inbound, Direction::Outbound, Direction::Internal][dir as usize];
            let by = if dir == Direction::Inbound { "x" } else { "a" };
            let mut i = tp(n as u128 + 1, thread as u128 + 100, &day(d, h), dir, by);
            i.resolves = resolves;
            (c, on(["email", "phone", "chat"][ch as usize], i))
        }

        fn by_of(n: u8) -> Option<By> {
            [
                None,
                Some(By::Team),
                Some(By::Owner),
                Some(By::Channel),
                Some(By::Month),
                Some(By::Week),
            ][n as usize]
        }

        /// The report of `bundles` from all their facts, and from their facts filed by week
        /// and read back for the report's reach, as the cache does.
        fn reports_all_and_filed(
            bundles: &[CustomerBundle],
            options: &Options,
        ) -> (String, String) {
            let config = office();
            let clocks = Clocks::new(&config, options.clock).unwrap();
            let all = crate::metrics::report(
                &config,
                &clocks,
                &Facts::gather(bundles, &clocks, options),
                options,
            );
            let reach = Reach::of_report(options.since, options.until, options.weeks);
            let filed: Vec<CustomerFacts> = bundles
                .iter()
                .map(|b| {
                    let facts = CustomerFacts::of(b, &clocks, Some(options.as_of));
                    CustomerFacts::open(&facts.file().unwrap(), Some(&reach)).unwrap()
                })
                .collect();
            let filed = compute_from(&config, filed, options).unwrap();
            (
                serde_json::to_string(&all.unwrap()).unwrap(),
                serde_json::to_string(&filed).unwrap(),
            )
        }

        #[test]
        fn the_weekly_coverage_table_reads_touches_from_its_first_week() {
            // A touch on one channel every day of 2026 up to day 120: every week is covered.
            // Weeks whose touches were left unread keep only the channel's last touch before
            // the reach, which covers the last of them alone: a reach two weeks short shows
            // (tried), one week short does not change any figure.
            let mut b = super::super::fixtures::bundle_of(customer("c1"), vec![], vec![]);
            for d in 1..120 {
                let (_, i) = touch(d as usize, (0, 0, d, 9, 1, 0, false));
                b.interactions.push(crate::store::load::Loaded {
                    path: String::new(),
                    record: i,
                });
            }
            for (days, weeks, until) in [(7, 8, 100), (3, 12, 110), (30, 4, 119), (1, 1, 90)] {
                let until = at(&day(until, 0));
                let mut options = Options::last_days(until, days);
                options.weeks = weeks;
                let (all, filed) = reports_all_and_filed(std::slice::from_ref(&b), &options);
                assert_eq!(all, filed, "{days} days, {weeks} weeks");
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]
            #[test]
            fn a_report_of_its_window_is_the_report_of_all_facts(
                touches in proptest::collection::vec(
                    (0u8..3, 0u8..6, 1u32..90, 0u32..24, 0u8..3, 0u8..3, any::<bool>()), 0..40),
                handoffs in proptest::collection::vec((0u8..3, 1u32..90, 0u32..2, any::<bool>()), 0..6),
                since in 1u32..90,
                days in 1u32..40,
                later in 0u32..30,
                by in 0u8..6,
                weeks in 0u32..12,
            ) {
                let config = office();
                let mut bundles: Vec<CustomerBundle> = ["c1", "c2", "c3"]
                    .iter()
                    .map(|slug| super::super::fixtures::bundle_of(customer(slug), vec![], vec![]))
                    .collect();
                for (n, t) in touches.into_iter().enumerate() {
                    let (c, i) = touch(n, t);
                    bundles[c as usize].interactions.push(crate::store::load::Loaded {
                        path: String::new(),
                        record: i,
                    });
                }
                for (n, (c, d, h, to_support)) in handoffs.into_iter().enumerate() {
                    let to = if to_support { ("b", Some("support")) } else { ("b", None) };
                    let mut h = handoff_teams(500 + n as u128, &day(d, h * 10), ("a", Some("support")), to);
                    h.id = rid(500 + n as u128);
                    bundles[c as usize].handoffs.push(crate::store::load::Loaded {
                        path: String::new(),
                        record: h,
                    });
                }
                let until = at(&day(since + days, 0));
                let mut options = Options::last_days(until + chrono::Duration::days(later as i64), 0);
                options.since = at(&day(since, 0));
                options.until = until;
                options.by = by_of(by);
                options.weeks = weeks;
                let (all, filed) = reports_all_and_filed(&bundles, &options);
                let windowed = compute(&config, &bundles, &options);
                prop_assert_eq!(&all, &serde_json::to_string(&windowed.unwrap()).unwrap());
                // Filed by week and read back for the report's reach, as the cache does.
                prop_assert_eq!(&all, &filed);
            }
        }
    }
}
