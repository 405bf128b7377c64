//! Channel consistency (our definition; no vendor has one): of the human inbound touchpoints
//! that arrive on a different channel while the customer has an open thread, the share attached
//! to that thread rather than starting a new one (the context followed the customer). Also the
//! share of human replies sent on the channel of the customer's latest inbound in the thread,
//! and the channel-switch rate of threads.

use serde::Serialize;

use super::facts::{ArrivalFact, ReplyFact, ThreadFact};
use super::stats::ratio;

/// The channel-consistency report.
#[derive(Debug, Clone, Serialize)]
pub struct Consistency {
    /// Inbound touchpoints in the period that arrived on another channel than the customer's
    /// open thread.
    pub arrivals: usize,
    /// Of those, attached to that open thread.
    pub followed: usize,
    pub rate: Option<f64>,
    /// Human replies in the period that followed an inbound in their thread.
    pub replies: usize,
    /// Of those, sent on the channel of the latest inbound.
    pub same_channel: usize,
    pub same_channel_rate: Option<f64>,
    /// Threads started in the period with at least two customer-facing touchpoints.
    pub threads: usize,
    /// Of those, threads whose channel changed at least once.
    pub switched: usize,
    pub switch_rate: Option<f64>,
    /// Channel changes per such thread, on average.
    pub switches_per_thread: Option<f64>,
}

impl Consistency {
    /// Computes the report from facts placed in the period (sliced).
    pub fn of(
        arrivals: &[&ArrivalFact],
        replies: &[&ReplyFact],
        threads: &[&ThreadFact],
    ) -> Consistency {
        let followed = arrivals.iter().filter(|a| a.followed).count();
        let same = replies.iter().filter(|r| r.same_channel).count();
        let multi: Vec<&&ThreadFact> = threads.iter().filter(|t| t.touches >= 2).collect();
        let switched = multi.iter().filter(|t| t.switches > 0).count();
        let switches: usize = multi.iter().map(|t| t.switches).sum();
        Consistency {
            arrivals: arrivals.len(),
            followed,
            rate: ratio(followed, arrivals.len()),
            replies: replies.len(),
            same_channel: same,
            same_channel_rate: ratio(same, replies.len()),
            threads: multi.len(),
            switched,
            switch_rate: ratio(switched, multi.len()),
            switches_per_thread: ratio(switches, multi.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{bundle, february, metrics, office, on, resolving, tp};
    use crate::model::records::Direction::*;

    /// Customer `c` in February:
    /// - thread 1 starts by email (2 Feb 10:00); the customer writes again on chat in the same
    ///   thread (12:00): an arrival on another channel that followed its thread; a reply on
    ///   chat (13:00), the channel of the latest inbound; later a resolving reply by email
    ///   (3 Feb 11:00), not that channel;
    /// - thread 2 starts by call (3 Feb 09:00) while thread 1 is open on chat: an arrival on
    ///   another channel that did not follow; a resolving reply by email (10:00), not the
    ///   call's channel;
    /// - thread 3 starts by email (4 Feb) when no thread is open: no arrival.
    ///
    /// Arrivals 2, followed 1; replies 3, on the same channel 1; threads with two or more
    /// customer-facing touchpoints: 1 (email, chat, chat, email: 2 switches) and 2 (call,
    /// email: 1 switch), so 2 threads, both switched, 1.5 switches each.
    #[test]
    fn context_follows_the_customer_across_channels() {
        let b = bundle(
            vec![
                tp(11, 1, "2026-02-02T10:00:00Z", Inbound, "x"),
                on("chat", tp(12, 1, "2026-02-02T12:00:00Z", Inbound, "x")),
                on("chat", tp(13, 1, "2026-02-02T13:00:00Z", Outbound, "a")),
                on("call", tp(21, 2, "2026-02-03T09:00:00Z", Inbound, "x")),
                resolving(tp(22, 2, "2026-02-03T10:00:00Z", Outbound, "a")),
                resolving(tp(14, 1, "2026-02-03T11:00:00Z", Outbound, "a")),
                tp(31, 3, "2026-02-04T09:00:00Z", Inbound, "x"),
            ],
            vec![],
        );
        let c = metrics(&office(), &[b], &february("2026-03-01T00:00:00Z")).consistency;
        assert_eq!((c.arrivals, c.followed, c.rate), (2, 1, Some(0.5)));
        assert_eq!((c.replies, c.same_channel), (3, 1));
        assert_eq!(c.same_channel_rate, Some(1.0 / 3.0));
        assert_eq!((c.threads, c.switched, c.switch_rate), (2, 2, Some(1.0)));
        assert_eq!(c.switches_per_thread, Some(1.5));
    }

    #[test]
    fn a_new_thread_on_the_open_threads_channel_is_no_arrival() {
        let b = bundle(
            vec![
                tp(11, 1, "2026-02-02T10:00:00Z", Inbound, "x"),
                tp(21, 2, "2026-02-02T11:00:00Z", Inbound, "x"),
            ],
            vec![],
        );
        let c = metrics(&office(), &[b], &february("2026-03-01T00:00:00Z")).consistency;
        assert_eq!((c.arrivals, c.rate), (0, None));
        assert_eq!((c.threads, c.switch_rate), (0, None));
    }
}
