//! Handoff time: per handoff, from the handoff to its acceptance — an explicit `handoff accept`
//! or the new owner's first touchpoint or note on the customer, whichever comes first
//! ([`Handoff::acceptance`](crate::model::records::Handoff::acceptance)) — measured in the clock
//! of the receiving team. Handoffs are placed in a period by their time. Also: times by
//! from-team -> to-team, handoffs per customer, ping-pong (A->B->A) and pending handoffs.

use crate::metrics::name::text;
use std::collections::BTreeMap;

use serde::Serialize;

use super::facts::HandoffFact;
use super::stats::{DurationStats, TargetStats};
use crate::model::time::rfc3339;

/// Handoff times between two teams.
#[derive(Debug, Clone, Serialize)]
pub struct Route {
    pub from_team: Option<String>,
    pub to_team: Option<String>,
    pub handoffs: usize,
    pub time: DurationStats,
}

/// A handoff nobody has taken over yet.
#[derive(Debug, Clone, Serialize)]
pub struct Pending {
    pub customer: String,
    pub id: String,
    pub at: String,
    pub from: String,
    pub to: String,
    /// Age at `as_of`, in the receiving team's clock (seconds).
    pub age: i64,
    pub wall_age: i64,
    pub calendar: Option<String>,
    /// Older than the `handoff` target (`null` without a target).
    pub breached: Option<bool>,
}

/// A handoff that gave a customer back to the owner it was just taken from.
#[derive(Debug, Clone, Serialize)]
pub struct PingPong {
    pub customer: String,
    pub at: String,
    /// `[A, B, A]`.
    pub owners: [String; 3],
}

/// Handoffs of one customer in the period.
#[derive(Debug, Clone, Serialize)]
pub struct PerCustomer {
    pub customer: String,
    pub handoffs: usize,
}

/// The handoff report.
#[derive(Debug, Clone, Serialize)]
pub struct HandoffReport {
    /// Handoffs made in the period.
    pub handoffs: usize,
    /// Time to acceptance of the accepted ones (seconds).
    pub time: DurationStats,
    pub target: Option<TargetStats>,
    /// Accepted explicitly / by a first touchpoint / by a first note.
    pub accepted_by: BTreeMap<String, usize>,
    /// Replaced by a later handoff before anyone took them over (not measured).
    pub superseded: usize,
    pub pending: usize,
    pub pending_breached: Option<usize>,
    pub oldest_pending: Option<i64>,
    pub ping_pong: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub per_customer: Vec<PerCustomer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending_handoffs: Vec<Pending>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ping_pongs: Vec<PingPong>,
}

fn who(p: &crate::model::Party) -> String {
    p.owner.clone().unwrap_or_else(|| "nobody".into())
}

impl HandoffReport {
    /// Computes the report from handoffs placed in the period (sliced).
    pub fn of(handoffs: &[&HandoffFact], target: Option<i64>) -> HandoffReport {
        let times: Vec<i64> = handoffs
            .iter()
            .filter_map(|h| h.time.as_ref().map(|m| m.seconds))
            .collect();
        let mut accepted_by = BTreeMap::new();
        for h in handoffs {
            if let Some((_, how)) = h.accepted {
                let key = serde_json::to_value(how)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                *accepted_by.entry(key).or_insert(0) += 1;
            }
        }
        let mut routes: BTreeMap<(Option<String>, Option<String>), Vec<i64>> = BTreeMap::new();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for h in handoffs {
            let times = routes
                .entry((h.from.team.clone(), h.to.team.clone()))
                .or_default();
            if let Some(m) = &h.time {
                times.push(m.seconds);
            }
            *counts.entry(h.customer.clone()).or_insert(0) += 1;
        }
        let routes = handoffs
            .iter()
            .map(|h| (h.from.team.clone(), h.to.team.clone()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|key| Route {
                handoffs: handoffs
                    .iter()
                    .filter(|h| (h.from.team.clone(), h.to.team.clone()) == key)
                    .count(),
                time: DurationStats::of(routes[&key].iter().copied()),
                from_team: key.0,
                to_team: key.1,
            })
            .collect();
        let mut per_customer: Vec<PerCustomer> = counts
            .into_iter()
            .map(|(customer, handoffs)| PerCustomer { customer, handoffs })
            .collect();
        per_customer.sort_by(|a, b| {
            b.handoffs
                .cmp(&a.handoffs)
                .then(a.customer.cmp(&b.customer))
        });
        let mut pending: Vec<Pending> = handoffs
            .iter()
            .filter_map(|h| {
                let age = h.pending_age.as_ref()?;
                Some(Pending {
                    customer: h.customer.clone(),
                    id: h.id.short(),
                    at: rfc3339(&h.at),
                    from: h.from.to_string(),
                    to: h.to.to_string(),
                    age: age.seconds,
                    wall_age: h.pending_wall.unwrap_or(age.seconds),
                    calendar: text(&age.calendar),
                    breached: target.map(|x| age.seconds > x),
                })
            })
            .collect();
        pending.sort_by(|a, b| b.age.cmp(&a.age).then(a.customer.cmp(&b.customer)));
        let ping_pongs: Vec<PingPong> = handoffs
            .iter()
            .filter(|h| h.ping_pong)
            .map(|h| PingPong {
                customer: h.customer.clone(),
                at: rfc3339(&h.at),
                owners: [who(&h.to), who(&h.from), who(&h.to)],
            })
            .collect();
        HandoffReport {
            handoffs: handoffs.len(),
            time: DurationStats::of(times.iter().copied()),
            target: target.map(|x| TargetStats::of(&times, x)),
            accepted_by,
            superseded: handoffs.iter().filter(|h| h.superseded).count(),
            pending: pending.len(),
            pending_breached: target
                .map(|_| pending.iter().filter(|p| p.breached == Some(true)).count()),
            oldest_pending: pending.first().map(|p| p.age),
            ping_pong: ping_pongs.len(),
            routes,
            per_customer,
            pending_handoffs: pending,
            ping_pongs,
        }
    }

    /// Drops the lists (for `--by` groups).
    pub fn strip(&mut self) {
        self.routes.clear();
        self.per_customer.clear();
        self.pending_handoffs.clear();
        self.ping_pongs.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{at, bundle, february, handoff_teams, metrics, office, tp};
    use super::HandoffReport;
    use crate::model::records::Direction::*;

    /// Handoffs of customer `c`; `support` works Monday to Friday 09:00-17:00 UTC, `sales` has
    /// no calendar (wall-clock time); the handoff target is 8h:
    /// 1. Friday 6 February 16:00, a (support) -> b (support), accepted explicitly Monday
    ///    9 February 10:00: 1h + 1h = 7,200 business seconds of the receiving team;
    /// 2. Tuesday 10 February 16:00, b (support) -> c (sales), taken over by c's first
    ///    touchpoint on Wednesday 11 February at 10:00: measured in sales' clock, 18h = 64,800
    ///    wall-clock seconds (in support's it would be 2h), over the target;
    /// 3. Wednesday 11 February 15:00, c (sales) -> d (support), not taken over: pending at
    ///    Thursday 12 February 12:00, aged in support's clock 2h + 3h = 18,000 (21h = 75,600
    ///    wall), within the 8h target.
    fn report() -> HandoffReport {
        let mut first = handoff_teams(
            1,
            "2026-02-06T16:00:00Z",
            ("a", Some("support")),
            ("b", Some("support")),
        );
        first.accepted_at = Some(at("2026-02-09T10:00:00Z"));
        let handoffs = vec![
            first,
            handoff_teams(
                2,
                "2026-02-10T16:00:00Z",
                ("b", Some("support")),
                ("c", Some("sales")),
            ),
            handoff_teams(
                3,
                "2026-02-11T15:00:00Z",
                ("c", Some("sales")),
                ("d", Some("support")),
            ),
        ];
        let touch = tp(10, 10, "2026-02-11T10:00:00Z", Outbound, "c");
        let b = bundle(vec![touch], handoffs);
        metrics(&office(), &[b], &february("2026-02-12T12:00:00Z")).handoff
    }

    #[test]
    fn handoff_time_is_measured_in_the_receiving_teams_clock() {
        let h = report();
        assert_eq!(h.handoffs, 3);
        assert_eq!(h.time.n, 2);
        assert_eq!((h.time.median, h.time.max), (Some(7_200), Some(64_800)));
        let target = h.target.unwrap();
        assert_eq!(
            (target.target, target.within, target.breached),
            (28_800, 1, 1)
        );
        let by: Vec<(&str, usize)> = h
            .accepted_by
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(by, [("explicit", 1), ("first_touchpoint", 1)]);
        assert_eq!((h.superseded, h.ping_pong), (0, 0));
    }

    #[test]
    fn a_pending_handoff_ages_until_as_of() {
        let h = report();
        assert_eq!(h.pending, 1);
        assert_eq!(h.pending_breached, Some(0));
        assert_eq!(h.oldest_pending, Some(18_000));
        let p = &h.pending_handoffs[0];
        assert_eq!((p.age, p.wall_age), (18_000, 75_600));
        assert_eq!(p.calendar.as_deref(), Some("office"));
        assert_eq!(p.breached, Some(false));
    }

    #[test]
    fn routes_go_from_team_to_team() {
        let h = report();
        let routes: Vec<String> = h
            .routes
            .iter()
            .map(|r| {
                format!(
                    "{:?} -> {:?}: {} in {:?}",
                    r.from_team, r.to_team, r.handoffs, r.time.median
                )
            })
            .collect();
        assert_eq!(
            routes,
            [
                r#"Some("sales") -> Some("support"): 1 in None"#,
                r#"Some("support") -> Some("sales"): 1 in Some(64800)"#,
                r#"Some("support") -> Some("support"): 1 in Some(7200)"#,
            ]
        );
        assert_eq!(h.per_customer.len(), 1);
        assert_eq!(h.per_customer[0].handoffs, 3);
    }
}
