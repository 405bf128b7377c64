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
