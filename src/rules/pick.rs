//! Who an assignment within a team goes to, decided from the store alone so that every machine
//! picks the same person: round-robin continues after the member the same rule assigned last
//! (read from the handoffs that carry the rule's origin), least-loaded takes the member who
//! owns the fewest open customers. Ties and the order of the rotation follow handles, never a
//! random draw or a local counter.

use std::collections::BTreeMap;

use super::compile::team_members;
use super::file::Pick;
use super::plan::Origin;
use crate::model::Config;
use crate::model::records::CustomerStatus;
use crate::store::CustomerBundle;

/// What picks are decided from, updated as a run assigns customers.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// Open customers (not archived, not churned) per owner.
    load: BTreeMap<String, usize>,
    /// The person each rule assigned last.
    last: BTreeMap<String, String>,
}

impl Picker {
    /// Reads the loads and the last assignment of every rule from the customers and handoffs
    /// of `bundles`.
    pub fn new(bundles: &[CustomerBundle]) -> Self {
        let mut load: BTreeMap<String, usize> = BTreeMap::new();
        let mut latest: BTreeMap<
            String,
            (crate::model::Timestamp, crate::model::RecordId, String),
        > = BTreeMap::new();
        for b in bundles {
            let c = &b.customer;
            if let Some(owner) = &c.owner
                && c.archived.is_none()
                && c.status != CustomerStatus::Churned
            {
                *load.entry(owner.clone()).or_default() += 1;
            }
            for h in &b.handoffs {
                let h = &h.record;
                let (Some(origin), Some(to)) = (Origin::of(&h.extra), &h.to.owner) else {
                    continue;
                };
                let entry = (h.at, h.id, to.clone());
                match latest.get(&origin.rule) {
                    Some(prev) if (prev.0, prev.1) >= (entry.0, entry.1) => {}
                    _ => {
                        latest.insert(origin.rule, entry);
                    }
                }
            }
        }
        Picker {
            load,
            last: latest.into_iter().map(|(r, (_, _, h))| (r, h)).collect(),
        }
    }

    /// The member of `team` that `rule` picks, or `None` when the team has no members.
    pub fn pick(&self, config: &Config, rule: &str, team: &str, pick: Pick) -> Option<String> {
        let members = team_members(config, team);
        let chosen = match pick {
            Pick::RoundRobin => {
                let last = self.last.get(rule).map(String::as_str);
                // The next handle after the last one, wrapping around; a last person who left
                // the team still has a place in handle order.
                members
                    .iter()
                    .find(|m| last.is_some_and(|l| **m > l))
                    .or(members.first())
            }
            Pick::LeastLoaded => members
                .iter()
                .min_by_key(|m| (self.load.get(**m).copied().unwrap_or(0), **m)),
        };
        chosen.map(|m| m.to_string())
    }

    /// Records that `rule` gave a customer from `from` to `to`.
    pub fn assigned(&mut self, rule: &str, from: Option<&str>, to: &str) {
        if let Some(from) = from
            && let Some(n) = self.load.get_mut(from)
        {
            *n = n.saturating_sub(1);
        }
        *self.load.entry(to.to_string()).or_default() += 1;
        self.last.insert(rule.to_string(), to.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::Person;
    use proptest::prelude::*;

    fn config(members: &[&str]) -> Config {
        let mut config = Config::default();
        for m in members {
            config.people.insert(
                m.to_string(),
                Person {
                    name: m.to_string(),
                    teams: vec!["sales".into()],
                    ..Person::default()
                },
            );
        }
        config
    }

    #[test]
    fn round_robin_rotates_in_handle_order() {
        let config = config(&["carol", "alice", "bob"]);
        let mut p = Picker::default();
        let mut got = Vec::new();
        for _ in 0..4 {
            let who = p.pick(&config, "r", "sales", Pick::RoundRobin).unwrap();
            p.assigned("r", None, &who);
            got.push(who);
        }
        assert_eq!(got, ["alice", "bob", "carol", "alice"]);
        assert_eq!(p.pick(&config, "r", "nobody", Pick::RoundRobin), None);
    }

    #[test]
    fn least_loaded_takes_the_fewest_then_the_first_handle() {
        let config = config(&["alice", "bob"]);
        let mut p = Picker::default();
        p.assigned("other", None, "alice");
        assert_eq!(
            p.pick(&config, "r", "sales", Pick::LeastLoaded).as_deref(),
            Some("bob")
        );
        p.assigned("r", None, "bob");
        assert_eq!(
            p.pick(&config, "r", "sales", Pick::LeastLoaded).as_deref(),
            Some("alice")
        );
        p.assigned("r", Some("alice"), "bob");
        assert_eq!(
            p.pick(&config, "r", "sales", Pick::LeastLoaded).as_deref(),
            Some("alice")
        );
    }

    proptest! {
        /// Picks depend on the members and the history only, not on the order people are listed
        /// in the config; round-robin gives every member a turn before anyone gets a second one.
        #[test]
        fn picks_are_deterministic_and_fair(
            members in proptest::collection::btree_set("[a-z]{1,6}", 1..6),
            rounds in 1usize..20,
            least in proptest::bool::ANY,
        ) {
            let handles: Vec<&str> = members.iter().map(String::as_str).collect();
            let mut reversed = handles.clone();
            reversed.reverse();
            let (a, b) = (config(&handles), config(&reversed));
            let pick = if least { Pick::LeastLoaded } else { Pick::RoundRobin };
            let (mut pa, mut pb) = (Picker::default(), Picker::default());
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for _ in 0..rounds {
                let x = pa.pick(&a, "r", "sales", pick).unwrap();
                let y = pb.pick(&b, "r", "sales", pick).unwrap();
                prop_assert_eq!(&x, &y);
                pa.assigned("r", None, &x);
                pb.assigned("r", None, &y);
                *counts.entry(x).or_default() += 1;
            }
            let max = counts.values().max().copied().unwrap_or(0);
            let min = handles.iter().map(|h| counts.get(*h).copied().unwrap_or(0)).min().unwrap_or(0);
            prop_assert!(max - min <= 1, "{:?}", counts);
        }
    }
}
