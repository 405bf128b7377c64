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
                    customer: t.dims.customer.clone(),
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
