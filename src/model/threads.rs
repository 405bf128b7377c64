//! Conversation threads. A thread is identified by the id of its first touchpoint; a new
//! touchpoint without `--reply-to` starts one, `--reply-to` joins the replied-to one. A thread is
//! open until a touchpoint `resolves` it, and an inbound touchpoint after that reopens it.
//!
//! This is the one fold of a thread that the card, the inbox, `log`'s warnings and the rules
//! read (metrics read the same rules in `metrics::facts`): only **human** touchpoints start or
//! stop a wait for a reply: an auto-reply answers nobody, and an automated inbound (a cancelled
//! meeting) asks nothing.

use std::collections::BTreeMap;

use super::ids::RecordId;
use super::records::{Actor, Direction, Interaction};
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
    /// The first human inbound not answered yet, when a reply is owed.
    pub waiting: Option<Waiting>,
    /// Whether a person of the store ever replied in the thread.
    pub answered: bool,
    /// Whether any touchpoint of the thread was with the customer (not internal).
    pub with_customer: bool,
}

/// The inbound a thread waits on: since when, from whom, on which channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub since: Timestamp,
    pub from: String,
    pub channel: String,
}

impl ThreadState {
    /// Open threads are the ones not resolved (or reopened since).
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }

    /// Whether a human inbound waits for a human reply (a reply is owed).
    pub fn awaiting_reply(&self) -> bool {
        self.waiting.is_some()
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
            waiting: None,
            answered: false,
            with_customer: false,
        });
        state.with_customer |= i.direction != Direction::Internal;
        state.touchpoints += 1;
        state.last_at = i.at;
        let human = i.actor == Actor::Human;
        match i.direction {
            Direction::Inbound if human => {
                state.resolved_at = None;
                if state.waiting.is_none() {
                    state.waiting = Some(Waiting {
                        since: i.at,
                        from: i.by.clone(),
                        channel: i.channel.clone(),
                    });
                }
            }
            Direction::Outbound if human => {
                state.waiting = None;
                state.answered = true;
            }
            _ => {}
        }
        if i.resolves {
            state.resolved_at = Some(i.at);
            state.waiting = None;
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
        assert!(s[0].awaiting_reply());
        assert_eq!(s[0].touchpoints, 3);
    }

    /// An auto-reply answers nobody: the card, the inbox and metrics agree that the customer
    /// still waits, since the first inbound.
    #[test]
    fn only_people_answer() {
        let a = tp(1, 1, "2026-01-01T10:00:00Z", Direction::Inbound, false);
        let mut auto = tp(2, 1, "2026-01-01T10:00:05Z", Direction::Outbound, false);
        auto.actor = Actor::Automation;
        let again = tp(3, 1, "2026-01-01T12:00:00Z", Direction::Inbound, false);
        let s = thread_states([&a, &auto, &again]);
        assert!(s[0].awaiting_reply());
        assert!(!s[0].answered);
        assert_eq!(s[0].waiting.as_ref().unwrap().since, a.at);
        let reply = tp(4, 1, "2026-01-01T13:00:00Z", Direction::Outbound, false);
        let s = thread_states([&a, &auto, &again, &reply]);
        assert!(!s[0].awaiting_reply() && s[0].answered);
    }
}
