//! Conversation threads. A thread is identified by the id of its first touchpoint; a new
//! touchpoint without `--reply-to` starts one, `--reply-to` joins the replied-to one. A thread is
//! open until a touchpoint `resolves` it, and an inbound touchpoint after that reopens it.

use std::collections::BTreeMap;

use super::ids::RecordId;
use super::records::{Direction, Interaction};
use super::time::Timestamp;

/// What is known about one thread after reading its touchpoints in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadState {
    pub thread: RecordId,
    pub started_at: Timestamp,
    pub started_inbound: bool,
    pub first_channel: String,
    pub subject: String,
    pub last_at: Timestamp,
    pub touchpoints: usize,
    pub resolved_at: Option<Timestamp>,
    /// Whether the last touchpoint came from the customer (a reply is owed).
    pub awaiting_reply: bool,
    /// Whether any touchpoint of the thread was with the customer (not internal).
    pub with_customer: bool,
}

impl ThreadState {
    /// Open threads are the ones not resolved (or reopened since).
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }
}

/// Folds touchpoints into thread states, ordered by start. Internal-only threads are left out:
/// they are conversations among ourselves, not with the customer.
pub fn thread_states<'a>(
    interactions: impl IntoIterator<Item = &'a Interaction>,
) -> Vec<ThreadState> {
    let mut sorted: Vec<&Interaction> = interactions.into_iter().collect();
    sorted.sort_by_key(|i| (i.at, i.id));
    let mut states: BTreeMap<RecordId, ThreadState> = BTreeMap::new();
    for i in sorted {
        let state = states.entry(i.thread).or_insert_with(|| ThreadState {
            thread: i.thread,
            started_at: i.at,
            started_inbound: i.direction == Direction::Inbound,
            first_channel: i.channel.clone(),
            subject: i.summary.clone(),
            last_at: i.at,
            touchpoints: 0,
            resolved_at: None,
            awaiting_reply: false,
            with_customer: false,
        });
        state.with_customer |= i.direction != Direction::Internal;
        state.touchpoints += 1;
        state.last_at = i.at;
        match i.direction {
            Direction::Inbound => {
                state.resolved_at = None;
                state.awaiting_reply = true;
            }
            Direction::Outbound => state.awaiting_reply = false,
            Direction::Internal => {}
        }
        if i.resolves {
            state.resolved_at = Some(i.at);
            state.awaiting_reply = false;
        }
    }
    let mut out: Vec<ThreadState> = states.into_values().filter(|s| s.with_customer).collect();
    out.sort_by_key(|s| (s.started_at, s.thread));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::Actor;

    fn tp(id: u128, thread: u128, at: &str, dir: Direction, resolves: bool) -> Interaction {
        Interaction {
            id: RecordId(uuid::Uuid::from_u128(id)),
            at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
            recorded_at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
            channel: "email".into(),
            direction: dir,
            by: "x".into(),
            actor: Actor::Human,
            thread: RecordId(uuid::Uuid::from_u128(thread)),
            summary: "s".into(),
            body: None,
            resolves,
            tags: vec![],
            source: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn resolution_and_reopen() {
        let a = tp(1, 1, "2026-01-01T10:00:00Z", Direction::Inbound, false);
        let b = tp(2, 1, "2026-01-01T11:00:00Z", Direction::Outbound, true);
        let s = thread_states([&a, &b]);
        assert_eq!(s.len(), 1);
        assert!(!s[0].is_open());
        let c = tp(3, 1, "2026-01-02T09:00:00Z", Direction::Inbound, false);
        let s = thread_states([&c, &a, &b]);
        assert!(s[0].is_open());
        assert!(s[0].awaiting_reply);
        assert_eq!(s[0].touchpoints, 3);
    }
}
