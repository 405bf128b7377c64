//! First contact resolution: of the threads that started inbound and were first resolved in the
//! period, the share resolved at first contact. What "at first contact" means is `--fcr-rule`:
//! `strict` (default) exactly one human reply before resolution and no inbound after it;
//! `one-touch` (Zendesk) fewer than two replies and not reopened; `no-further-contact`
//! (Freshservice) no inbound after the first reply and not reopened. An inbound after the
//! resolution reopens the thread and disqualifies it under every rule.

use serde::Serialize;

use super::FcrRule;
use super::facts::ThreadFact;
use super::stats::ratio;
use crate::model::time::rfc3339;

/// One resolved thread and whether it counts as resolved at first contact.
#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    pub customer: String,
    pub thread: String,
    pub subject: String,
    pub resolved_at: String,
    /// Human replies up to the first resolution.
    pub replies: usize,
    pub inbound_after_reply: bool,
    pub reopened: bool,
    pub first_contact: bool,
}

/// The first-contact-resolution report.
#[derive(Debug, Clone, Serialize)]
pub struct Fcr {
    pub rule: FcrRule,
    /// Threads that started inbound and were first resolved in the period.
    pub resolved: usize,
    /// Of those, resolved at first contact under `rule`.
    pub first_contact: usize,
    pub rate: Option<f64>,
    /// Of those, reopened by a later inbound.
    pub reopened: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub threads: Vec<Resolved>,
}

/// Whether a resolved thread counts under `rule`.
pub fn qualifies(t: &ThreadFact, rule: FcrRule) -> bool {
    match rule {
        FcrRule::Strict => t.replies_to_resolution == 1 && !t.inbound_after_reply && !t.reopened,
        FcrRule::OneTouch => t.replies_to_resolution < 2 && !t.reopened,
        FcrRule::NoFurtherContact => !t.inbound_after_reply && !t.reopened,
    }
}

impl Fcr {
    /// Computes the report from threads first resolved in the period (sliced).
    pub fn of(threads: &[&ThreadFact], rule: FcrRule) -> Fcr {
        let list: Vec<Resolved> = threads
            .iter()
            .filter(|t| t.started_inbound)
            .filter_map(|t| {
                Some(Resolved {
                    customer: t.dims.customer.to_string(),
                    thread: t.thread.short(),
                    subject: t.subject.clone(),
                    resolved_at: rfc3339(&t.first_resolved?),
                    replies: t.replies_to_resolution,
                    inbound_after_reply: t.inbound_after_reply,
                    reopened: t.reopened,
                    first_contact: qualifies(t, rule),
                })
            })
            .collect();
        let first_contact = list.iter().filter(|r| r.first_contact).count();
        Fcr {
            rule,
            resolved: list.len(),
            first_contact,
            rate: ratio(first_contact, list.len()),
            reopened: list.iter().filter(|r| r.reopened).count(),
            threads: list,
        }
    }

    /// Drops the lists (for `--by` groups).
    pub fn strip(&mut self) {
        self.threads.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::FcrRule;
    use super::super::fixtures::{bundle, february, metrics, office, resolving, tp};
    use super::Fcr;
    use crate::model::records::Direction::*;
    use crate::store::CustomerBundle;

    /// Threads of customer `c`, all first resolved in February:
    /// 1. asked, one reply that resolves: every rule counts it;
    /// 2. asked, a reply, the customer writes again, a resolving reply: two replies and an
    ///    inbound after the first one: no rule counts it;
    /// 3. asked, two replies, the second resolves, no more inbound: only `no-further-contact`;
    /// 4. asked, resolved by an internal touchpoint with no reply: `one-touch` (fewer than two
    ///    replies) and `no-further-contact`, not `strict` (exactly one reply);
    /// 5. asked, one resolving reply, then the customer writes again: reopened, no rule;
    /// 6. started outbound and resolved: not a question, not counted;
    /// 7. asked on 30 January, resolved by one reply on 2 February: placed in February by its
    ///    resolution, every rule counts it.
    ///
    /// Resolved: 6 (1-5, 7). Strict: 1, 7. One-touch: 1, 4, 7. No further contact: 1, 3, 4, 7.
    fn store() -> CustomerBundle {
        bundle(
            vec![
                tp(11, 1, "2026-02-02T09:00:00Z", Inbound, "x"),
                resolving(tp(12, 1, "2026-02-02T10:00:00Z", Outbound, "a")),
                tp(21, 2, "2026-02-03T09:00:00Z", Inbound, "x"),
                tp(22, 2, "2026-02-03T10:00:00Z", Outbound, "a"),
                tp(23, 2, "2026-02-03T11:00:00Z", Inbound, "x"),
                resolving(tp(24, 2, "2026-02-03T12:00:00Z", Outbound, "a")),
                tp(31, 3, "2026-02-04T09:00:00Z", Inbound, "x"),
                tp(32, 3, "2026-02-04T10:00:00Z", Outbound, "a"),
                resolving(tp(33, 3, "2026-02-04T11:00:00Z", Outbound, "a")),
                tp(41, 4, "2026-02-05T09:00:00Z", Inbound, "x"),
                resolving(tp(42, 4, "2026-02-05T10:00:00Z", Internal, "a")),
                tp(51, 5, "2026-02-06T09:00:00Z", Inbound, "x"),
                resolving(tp(52, 5, "2026-02-06T10:00:00Z", Outbound, "a")),
                tp(53, 5, "2026-02-09T09:00:00Z", Inbound, "x"),
                resolving(tp(61, 6, "2026-02-10T09:00:00Z", Outbound, "a")),
                tp(71, 7, "2026-01-30T09:00:00Z", Inbound, "x"),
                resolving(tp(72, 7, "2026-02-02T11:00:00Z", Outbound, "a")),
            ],
            vec![],
        )
    }

    fn fcr(rule: FcrRule) -> Fcr {
        let mut options = february("2026-03-01T00:00:00Z");
        options.fcr_rule = rule;
        metrics(&office(), &[store()], &options).fcr
    }

    /// The short ids of the threads counted as resolved at first contact.
    fn counted(fcr: &Fcr) -> Vec<String> {
        let mut ids: Vec<String> = fcr
            .threads
            .iter()
            .filter(|t| t.first_contact)
            .map(|t| t.thread.clone())
            .collect();
        ids.sort();
        ids
    }

    fn ids(threads: &[u128]) -> Vec<String> {
        let mut ids: Vec<String> = threads
            .iter()
            .map(|n| super::super::fixtures::rid(*n).short())
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn strict_wants_exactly_one_reply_and_nothing_after() {
        let f = fcr(FcrRule::Strict);
        assert_eq!((f.resolved, f.first_contact, f.reopened), (6, 2, 1));
        assert_eq!(counted(&f), ids(&[1, 7]));
        assert_eq!(f.rate, Some(2.0 / 6.0));
    }

    #[test]
    fn one_touch_wants_fewer_than_two_replies() {
        let f = fcr(FcrRule::OneTouch);
        assert_eq!((f.resolved, f.first_contact), (6, 3));
        assert_eq!(counted(&f), ids(&[1, 4, 7]));
        assert_eq!(f.rate, Some(0.5));
    }

    #[test]
    fn no_further_contact_wants_no_inbound_after_the_first_reply() {
        let f = fcr(FcrRule::NoFurtherContact);
        assert_eq!((f.resolved, f.first_contact), (6, 4));
        assert_eq!(counted(&f), ids(&[1, 3, 4, 7]));
    }

    #[test]
    fn a_reopened_thread_counts_under_no_rule() {
        let reopened = ids(&[5]);
        for rule in [
            FcrRule::Strict,
            FcrRule::OneTouch,
            FcrRule::NoFurtherContact,
        ] {
            let f = fcr(rule);
            let t = f.threads.iter().find(|t| t.thread == reopened[0]).unwrap();
            assert!(t.reopened && !t.first_contact, "{rule:?}");
            assert_eq!(t.replies, 1);
        }
    }
}
