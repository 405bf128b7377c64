//! Interaction coverage (our definition; no vendor has one): of the customers active at the end
//! of the period and created before it, the share with at least one human inbound or outbound
//! touchpoint in the period. Also per week for the last N weeks, per owner and per team (owner
//! and team at the end of the period), touchpoints by channel x team, the stale list and the
//! logging lag (`recorded_at - at`).

use crate::metrics::name::{Name, text};
use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::Serialize;

use super::facts::CustomerFact;
use super::period::{Labelled, Window, last_weeks};
use super::stats::{DurationStats, ratio};
use crate::model::Timestamp;
use crate::model::time::rfc3339;

/// Customers expected to be touched and how many were.
#[derive(Debug, Clone, Serialize)]
pub struct Share {
    pub key: String,
    pub customers: usize,
    pub covered: usize,
    pub rate: Option<f64>,
}

/// Coverage of one week.
#[derive(Debug, Clone, Serialize)]
pub struct Week {
    #[serde(flatten)]
    pub week: Labelled,
    pub customers: usize,
    pub covered: usize,
    pub rate: Option<f64>,
}

/// An active customer with no touchpoint in the period.
#[derive(Debug, Clone, Serialize)]
pub struct Stale {
    pub customer: String,
    pub name: String,
    pub owner: Option<String>,
    pub team: Option<String>,
    pub last_touchpoint: Option<String>,
    /// Whole days from the last touchpoint to the end of the period.
    pub days_since: Option<i64>,
}

/// Touchpoints in the period on one channel by one team.
#[derive(Debug, Clone, Serialize)]
pub struct ChannelTeam {
    pub channel: String,
    pub team: Option<String>,
    pub touchpoints: usize,
}

/// The coverage report.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Active customers created before the period.
    pub customers: usize,
    pub covered: usize,
    pub rate: Option<f64>,
    pub stale: usize,
    /// `recorded_at - at` of human touchpoints in the period (seconds, wall clock).
    pub logging_lag: DurationStats,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weeks: Vec<Week>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_owner: Vec<Share>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_team: Vec<Share>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channel_team: Vec<ChannelTeam>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_customers: Vec<Stale>,
}

/// What coverage needs besides the customers.
pub struct Scope<'a> {
    pub window: Window,
    /// Only touchpoints on these channels count (empty: all).
    pub channels: &'a [String],
    pub weeks: u32,
    pub tz: Tz,
    pub as_of: Timestamp,
    /// Whether to build the tables and lists (weeks, per owner and team, channel x team, stale
    /// customers); `--by` groups only need the figures.
    pub lists: bool,
}

/// The touches of `c` in `w`, found by binary search: a customer's touches are in time order
/// (as `CustomerFacts::of` sorts them and the cache files them), and coverage asks about each
/// customer for the period, each week of its table, and each owner and team.
fn touches_in<'c>(c: &'c CustomerFact, w: &Window) -> &'c [super::facts::Touch] {
    debug_assert!(c.touches.is_sorted_by_key(|t| t.0), "touches in time order");
    let from = c.touches.partition_point(|t| t.0 < w.since);
    let to = from + c.touches[from..].partition_point(|t| t.0 < w.until);
    &c.touches[from..to]
}

fn eligible(c: &CustomerFact, w: &Window) -> bool {
    c.active && c.created < w.since && c.archived.is_none_or(|a| a >= w.until)
}

impl Scope<'_> {
    fn allowed(&self, channel: &str) -> bool {
        self.channels.is_empty() || self.channels.iter().any(|c| c == channel)
    }

    fn covered(&self, c: &CustomerFact, w: &Window) -> bool {
        touches_in(c, w).iter().any(|(_, ch, _)| self.allowed(ch))
    }

    fn share<'c>(
        &self,
        customers: impl Iterator<Item = &'c CustomerFact>,
        w: &Window,
    ) -> (usize, usize) {
        let mut n = 0;
        let mut covered = 0;
        for c in customers.filter(|c| eligible(c, w)) {
            n += 1;
            covered += usize::from(self.covered(c, w));
        }
        (n, covered)
    }
}

fn shares<'c>(
    scope: &Scope,
    customers: &[&'c CustomerFact],
    key: impl Fn(&'c CustomerFact) -> Option<String>,
) -> Vec<Share> {
    let mut groups: BTreeMap<String, Vec<&CustomerFact>> = BTreeMap::new();
    for c in customers {
        groups
            .entry(key(c).unwrap_or_else(|| "(none)".into()))
            .or_default()
            .push(c);
    }
    groups
        .into_iter()
        .map(|(key, list)| {
            let (customers, covered) = scope.share(list.into_iter(), &scope.window);
            Share {
                key,
                customers,
                covered,
                rate: ratio(covered, customers),
            }
        })
        .filter(|s| s.customers > 0)
        .collect()
}

fn lag_stats(customers: &[&CustomerFact], scope: &Scope) -> DurationStats {
    DurationStats::of(customers.iter().flat_map(|c| {
        c.lags
            .iter()
            .filter(|(at, channel, _)| scope.window.contains(*at) && scope.allowed(channel))
            .map(|(_, _, lag)| *lag)
    }))
}

impl Coverage {
    /// Computes coverage of `customers` (already sliced by team and owner).
    pub fn of(customers: &[&CustomerFact], scope: &Scope) -> Coverage {
        let w = scope.window;
        let (n, covered) = scope.share(customers.iter().copied(), &w);
        let end = w.until.min(scope.as_of);
        if !scope.lists {
            return Coverage {
                customers: n,
                covered,
                rate: ratio(covered, n),
                stale: n - covered,
                logging_lag: lag_stats(customers, scope),
                weeks: Vec::new(),
                by_owner: Vec::new(),
                by_team: Vec::new(),
                channel_team: Vec::new(),
                stale_customers: Vec::new(),
            };
        }
        let mut stale: Vec<Stale> = customers
            .iter()
            .filter(|c| eligible(c, &w) && !scope.covered(c, &w))
            .map(|c| {
                let last = c
                    .touches
                    .iter()
                    .filter(|(at, ch, _)| *at < w.until && scope.allowed(ch))
                    .map(|(at, _, _)| *at)
                    .max();
                Stale {
                    customer: c.slug.clone(),
                    name: c.name.clone(),
                    owner: text(&c.dims.owner),
                    team: text(&c.dims.team),
                    last_touchpoint: last.as_ref().map(rfc3339),
                    days_since: last.map(|l| (end - l).num_days()),
                }
            })
            .collect();
        stale.sort_by(|a, b| {
            b.days_since
                .unwrap_or(i64::MAX)
                .cmp(&a.days_since.unwrap_or(i64::MAX))
                .then(a.customer.cmp(&b.customer))
        });
        let weeks = last_weeks(w.until, scope.weeks, scope.tz)
            .into_iter()
            .map(|(key, week)| {
                let (customers_n, covered_n) = scope.share(customers.iter().copied(), &week);
                Week {
                    week: Labelled::new(key, &week),
                    customers: customers_n,
                    covered: covered_n,
                    rate: ratio(covered_n, customers_n),
                }
            })
            .collect();
        // Keyed by the shared names (ordered as their texts): no text copied per touch.
        let mut cells: BTreeMap<(&Name, Option<&Name>), usize> = BTreeMap::new();
        for c in customers {
            for (_, ch, team) in touches_in(c, &w) {
                if scope.allowed(ch) {
                    *cells.entry((ch, team.as_ref())).or_insert(0) += 1;
                }
            }
        }
        Coverage {
            customers: n,
            covered,
            rate: ratio(covered, n),
            stale: stale.len(),
            logging_lag: lag_stats(customers, scope),
            weeks,
            by_owner: shares(scope, customers, |c| text(&c.dims.owner)),
            by_team: shares(scope, customers, |c| text(&c.dims.team)),
            channel_team: cells
                .into_iter()
                .map(|((channel, team), touchpoints)| ChannelTeam {
                    channel: channel.to_string(),
                    team: team.map(|t| t.to_string()),
                    touchpoints,
                })
                .collect(),
            stale_customers: stale,
        }
    }

    /// Drops the lists (for `--by` groups).
    pub fn strip(&mut self) {
        self.weeks.clear();
        self.by_owner.clear();
        self.by_team.clear();
        self.channel_team.clear();
        self.stale_customers.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{at, bundle_of, customer, february, metrics, office, on, tp};
    use crate::model::CustomerStatus;
    use crate::model::records::{Actor, Direction::*};
    use crate::store::CustomerBundle;

    /// Customers in February 2026 (report as of 10 March):
    /// - acme: a human inbound on 10 February: covered;
    /// - bolt: no touchpoint at all: stale, never touched;
    /// - cole: its last touchpoint before the period on 20 January at 10:00 (the next one, on
    ///   5 March, is after it): stale, 39 whole days before the end of the period (1 March);
    /// - dove: only an automated email in February (automation is nobody's contact): stale;
    /// - echo: a lead (not active): not expected;
    /// - fern: created during the period: not expected.
    ///
    /// Expected 4 (acme, bolt, cole, dove), covered 1.
    fn store() -> Vec<CustomerBundle> {
        let mut automated = tp(4, 4, "2026-02-11T10:00:00Z", Outbound, "a");
        automated.actor = Actor::Automation;
        let mut lead = customer("echo");
        lead.status = CustomerStatus::Lead;
        let mut late = customer("fern");
        late.created = at("2026-02-10T00:00:00Z");
        vec![
            bundle_of(
                customer("acme"),
                vec![tp(1, 1, "2026-02-10T10:00:00Z", Inbound, "x")],
                vec![],
            ),
            bundle_of(customer("bolt"), vec![], vec![]),
            bundle_of(
                customer("cole"),
                vec![
                    tp(3, 3, "2026-01-20T10:00:00Z", Outbound, "a"),
                    tp(5, 5, "2026-03-05T10:00:00Z", Outbound, "a"),
                ],
                vec![],
            ),
            bundle_of(customer("dove"), vec![automated], vec![]),
            bundle_of(lead, vec![], vec![]),
            bundle_of(late, vec![], vec![]),
        ]
    }

    #[test]
    fn active_customers_without_a_human_touchpoint_are_stale() {
        let c = metrics(&office(), &store(), &february("2026-03-10T00:00:00Z")).coverage;
        assert_eq!((c.customers, c.covered, c.stale), (4, 1, 3));
        assert_eq!(c.rate, Some(0.25));
        let stale: Vec<(&str, Option<i64>)> = c
            .stale_customers
            .iter()
            .map(|s| (s.customer.as_str(), s.days_since))
            .collect();
        // Never touched first (by slug), then the longest silence.
        assert_eq!(stale, [("bolt", None), ("dove", None), ("cole", Some(39))]);
        assert_eq!(
            c.stale_customers[2].last_touchpoint.as_deref(),
            Some("2026-01-20T10:00:00Z")
        );
        assert_eq!(c.by_team.len(), 1);
        assert_eq!(
            (
                c.by_team[0].key.as_str(),
                c.by_team[0].customers,
                c.by_team[0].covered
            ),
            ("support", 4, 1)
        );
    }

    #[test]
    fn only_the_sliced_channels_cover() {
        let mut options = february("2026-03-01T00:00:00Z");
        options.slice.channel = vec!["call".into()];
        let c = metrics(&office(), &store(), &options).coverage;
        assert_eq!((c.customers, c.covered), (4, 0));
        let mut calls = store();
        calls[0].interactions[0].record = on("call", calls[0].interactions[0].record.clone());
        let c = metrics(&office(), &calls, &options).coverage;
        assert_eq!((c.customers, c.covered), (4, 1));
    }
}
