//! Where each handoff of a customer stands: the one rule `handoff list`, `handoff accept` and
//! `decline`, the inbox, the card, `check` and the metrics all use.
//!
//! A handoff ends with the first of three events: it is **accepted** (explicitly with
//! `handoff accept`, or implicitly by the new owner's first human touchpoint or note after it),
//! **declined** (`handoff decline`: ownership goes back to `from`), or **superseded** (a later
//! handoff of the same customer came first: the customer was handed on before this one was
//! taken). Until then it is pending. An explicit decline overrides an implicit acceptance (the
//! new owner may log a call and then say the customer is not theirs); ties between a decline or
//! an acceptance and a later handoff at the same instant go to the decline or acceptance.

use serde::Serialize;
use serde_json::Value;

use super::records::{Acceptance, Handoff, Interaction, Note, Party};
use super::time::Timestamp;

/// The extra key a decline writes: when.
pub const DECLINED_AT: &str = "declined_at";
/// The extra key a decline writes: who declined.
pub const DECLINED_BY: &str = "declined_by";
/// The extra key a decline writes: why.
pub const DECLINE_REASON: &str = "decline_reason";
/// The extra key written when someone accepted or declined for the receiving person.
pub const ON_BEHALF_OF: &str = "on_behalf_of";

/// Where a handoff stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum HandoffState {
    /// Neither accepted, declined nor superseded yet.
    Pending,
    /// Taken over at `at`, explicitly or by first activity.
    Accepted { at: Timestamp, how: Acceptance },
    /// Declined at `at` by `by`; ownership went back to the handoff's `from`.
    Declined {
        at: Timestamp,
        by: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Handed on again (by handoff `by`, at `at`) before it was accepted or declined.
    Superseded { by: String, at: Timestamp },
}

impl HandoffState {
    /// Whether the handoff still waits for its receiver.
    pub fn is_pending(&self) -> bool {
        matches!(self, HandoffState::Pending)
    }

    /// When and how it was accepted, if it was.
    pub fn accepted(&self) -> Option<(Timestamp, Acceptance)> {
        match self {
            HandoffState::Accepted { at, how } => Some((*at, *how)),
            _ => None,
        }
    }
}

impl Handoff {
    /// When, by whom and why the handoff was declined, as `handoff decline` records it.
    pub fn declined(&self) -> Option<(Timestamp, String, Option<String>)> {
        let at = self
            .extra
            .get(DECLINED_AT)
            .and_then(Value::as_str)
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())?;
        let text = |k: &str| {
            self.extra
                .get(k)
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        Some((
            at,
            text(DECLINED_BY).unwrap_or_default(),
            text(DECLINE_REASON),
        ))
    }

    /// Who owns the customer once this handoff has taken effect: its `to`, or its `from` again
    /// when it was declined.
    pub fn owner_after(&self) -> &Party {
        if self.declined().is_some() {
            &self.from
        } else {
            &self.to
        }
    }
}

/// The state of every handoff of one customer at `as_of`, in `(at, id)` order (the order of
/// the returned list). Records after `as_of` do not count.
pub fn states<'a>(
    handoffs: impl IntoIterator<Item = &'a Handoff>,
    interactions: &[&Interaction],
    notes: &[&Note],
    as_of: Timestamp,
) -> Vec<(&'a Handoff, HandoffState)> {
    let mut list: Vec<&Handoff> = handoffs.into_iter().filter(|h| h.at <= as_of).collect();
    list.sort_by_key(|h| (h.at, h.id));
    let mut out = Vec::with_capacity(list.len());
    for (k, h) in list.iter().enumerate() {
        let declined = h.declined().filter(|(at, _, _)| *at <= as_of);
        let accepted = match &declined {
            // A decline leaves only an explicit acceptance before it.
            Some(_) => h.accepted_at.map(|a| (a, Acceptance::Explicit)),
            None => h.acceptance(interactions.iter().copied(), notes.iter().copied()),
        }
        .filter(|(a, _)| *a <= as_of);
        let next = list.get(k + 1).map(|n| (n.at, n.id));
        let first_end = [accepted.map(|(a, _)| a), declined.as_ref().map(|d| d.0)]
            .into_iter()
            .flatten()
            .min();
        let state = match (next, first_end) {
            (Some((n, id)), end) if end.is_none_or(|e| e > n) => HandoffState::Superseded {
                by: id.short(),
                at: n,
            },
            _ => match (accepted, declined) {
                (Some((a, how)), Some((d, _, _))) if a <= d => {
                    HandoffState::Accepted { at: a, how }
                }
                (_, Some((at, by, reason))) => HandoffState::Declined { at, by, reason },
                (Some((at, how)), None) => HandoffState::Accepted { at, how },
                (None, None) => HandoffState::Pending,
            },
        };
        out.push((*h, state));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RecordId;
    use crate::model::records::{Actor, Direction};

    fn at(s: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn handoff(n: u128, when: &str, from: &str, to: &str) -> Handoff {
        Handoff {
            id: RecordId(uuid::Uuid::from_u128(n)),
            at: at(when),
            by: "alice".into(),
            from: Party {
                owner: Some(from.into()),
                team: None,
            },
            to: Party {
                owner: Some(to.into()),
                team: None,
            },
            reason: None,
            accepted_at: None,
            extra: Default::default(),
        }
    }

    fn call(by: &str, when: &str) -> Interaction {
        Interaction {
            id: RecordId(uuid::Uuid::from_u128(99)),
            at: at(when),
            recorded_at: at(when),
            channel: "call".into(),
            direction: Direction::Outbound,
            by: by.into(),
            actor: Actor::Human,
            thread: RecordId(uuid::Uuid::from_u128(99)),
            summary: "x".into(),
            body: None,
            resolves: false,
            tags: vec![],
            source: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn pending_accepted_declined_superseded() {
        let now = at("2026-11-30T00:00:00Z");
        let a = handoff(1, "2026-11-01T10:00:00Z", "alice", "bob");
        let b = handoff(2, "2026-11-02T10:00:00Z", "bob", "carol");
        let s = states([&a, &b], &[], &[], now);
        assert_eq!(
            s[0].1,
            HandoffState::Superseded {
                by: b.id.short(),
                at: b.at
            }
        );
        assert_eq!(s[1].1, HandoffState::Pending);

        // Carol's call accepts her handoff; a decline after it overrides the implicit acceptance.
        let tp = call("carol", "2026-11-03T09:00:00Z");
        let s = states([&a, &b], &[&tp], &[], now);
        assert!(s[1].1.accepted().is_some());
        let mut declined = b.clone();
        declined
            .extra
            .insert(DECLINED_AT.into(), Value::from("2026-11-04T09:00:00Z"));
        declined
            .extra
            .insert(DECLINED_BY.into(), Value::from("carol"));
        let s = states([&a, &declined], &[&tp], &[], now);
        assert!(matches!(s[1].1, HandoffState::Declined { ref by, .. } if by == "carol"));
        assert_eq!(declined.owner_after().owner.as_deref(), Some("bob"));
        // Seen before the decline, it was accepted by activity.
        let s = states([&a, &declined], &[&tp], &[], at("2026-11-03T12:00:00Z"));
        assert!(s[1].1.accepted().is_some());
        // Accepted at the very instant of the next handoff: accepted, not superseded.
        let mut quick = a.clone();
        quick.accepted_at = Some(b.at);
        let s = states([&quick, &b], &[], &[], now);
        assert!(s[0].1.accepted().is_some());
    }
}
