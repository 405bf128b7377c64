//! The story as data: which channels conversations use, how they switch, which kinds of
//! conversation happen how often, how quickly people answer, and the ownership changes a
//! customer goes through (why, how soon, what task follows). The generator ([`super`]) only
//! draws from these tables; changing the demo's story means changing a table here.
//!
//! The names of the agency's people and customers and the words records are made of are in
//! [`super::super::data`].

use super::super::data::{CAROL, FRANK};

/// Channels of a conversation the customer starts, with their weights.
pub(super) const CHANNELS_IN: [(&str, u32); 8] = [
    ("email", 38),
    ("call", 16),
    ("chat", 16),
    ("whatsapp", 10),
    ("social", 8),
    ("sms", 5),
    ("other", 5),
    ("meeting", 2),
];

/// Channels of a conversation the agency starts, with their weights.
pub(super) const CHANNELS_OUT: [(&str, u32); 6] = [
    ("email", 50),
    ("call", 25),
    ("chat", 8),
    ("whatsapp", 8),
    ("sms", 5),
    ("social", 4),
];

/// Where a conversation goes when it changes channel (any other channel goes to email).
const SWITCHES: [(&str, &str); 8] = [
    ("email", "call"),
    ("call", "email"),
    ("social", "email"),
    ("chat", "email"),
    ("other", "email"),
    ("meeting", "email"),
    ("whatsapp", "call"),
    ("sms", "call"),
];

/// The channel a conversation on `channel` switches to.
pub(super) fn switched(channel: &str) -> &'static str {
    SWITCHES
        .iter()
        .find(|(from, _)| *from == channel)
        .map_or("email", |(_, to)| to)
}

/// The kinds of conversation a customer's history is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Scene {
    /// The customer asks; the agency answers (or not), the customer follows up, it reopens.
    Inbound,
    /// The agency writes first; the customer may reply and be answered.
    Outbound,
    /// A meeting, sometimes followed by its notes.
    Meeting,
    /// Colleagues talk about the customer.
    Internal,
    /// An automated message (a newsletter, an invoice).
    Automated,
}

/// How often each scene happens: a draw below the threshold picks the scene (cumulative; the
/// last one takes the rest).
pub(super) const SCENES: [(f64, Scene); 5] = [
    (0.62, Scene::Inbound),
    (0.80, Scene::Outbound),
    (0.88, Scene::Meeting),
    (0.95, Scene::Internal),
    (1.0, Scene::Automated),
];

/// How long an answer takes, in minutes: a draw below the threshold picks the range
/// (cumulative); above the last threshold nobody answers.
pub(super) const REPLY_DELAYS: [(f64, i64, i64); 4] = [
    (0.42, 2, 75),
    (0.68, 75, 300),
    (0.84, 300, 1800),
    (0.93, 1800, 6000),
];

/// What a customer asks in the body of an email (`{s}`: the subject).
pub(super) const INBOUND_ASKS: [&str; 4] = [
    "Could you have a look at {s} when you have a minute?",
    "Quick question about {s}: can we talk today?",
    "We need your help with {s}, it is getting urgent.",
    "Following our last call, here are my notes on {s}.",
];

/// Channels of a conversation between colleagues.
pub(super) const INTERNAL_CHANNELS: [&str; 3] = ["chat", "meeting", "call"];

/// A window of days, from `.0` to `.1` days.
pub(super) type Days = (i64, i64);

/// How soon each step of a customer's life comes after the one before.
pub(super) struct Pace {
    /// A lead is handed to the other salesperson.
    pub rebalance: Days,
    /// The deal is signed after the customer is created.
    pub deal: Days,
    /// Onboarding ends after the deal.
    pub go_live: Days,
    /// An invoice dispute, after going live.
    pub dispute: Days,
    /// The dispute is settled.
    pub settle: Days,
    /// The customer pauses.
    pub pause: Days,
    /// The customer churns.
    pub churn: Days,
    /// Sales tries to win a churned customer back.
    pub win_back: Days,
    /// A churned customer is archived.
    pub archive: Days,
    /// Holiday cover starts this many days before the end of history.
    pub cover_before_end: Days,
    /// A win-back offer is sent after the win-back handoff.
    pub win_back_offer: Days,
}

/// The pace of the demo's customers.
pub(super) const PACE: Pace = Pace {
    rebalance: (3, 40),
    deal: (4, 25),
    go_live: (14, 40),
    dispute: (7, 60),
    settle: (2, 15),
    pause: (10, 45),
    churn: (7, 40),
    win_back: (1, 10),
    archive: (20, 45),
    cover_before_end: (1, 9),
    win_back_offer: (1, 6),
};

/// How likely each turn of a customer's life is.
pub(super) struct Odds {
    /// A lead is rebalanced to the other salesperson.
    pub rebalance: f64,
    /// A VIP goes to the account manager (grace) after onboarding, else to support.
    pub vip_to_grace: f64,
    /// An invoice dispute after going live.
    pub dispute: f64,
    /// A churned customer gets a win-back handoff.
    pub win_back: f64,
    /// A churned customer is archived.
    pub archive: f64,
    /// An active customer's owner is on holiday at the end of history.
    pub cover: f64,
    /// A handoff is accepted explicitly (else by the new owner's first action).
    pub explicit_accept: f64,
    /// A rebalanced lead's owner leaves a note.
    pub rebalance_note: f64,
}

/// The odds of the demo's customers.
pub(super) const ODDS: Odds = Odds {
    rebalance: 0.25,
    vip_to_grace: 0.6,
    dispute: 0.22,
    win_back: 0.5,
    archive: 0.4,
    cover: 0.2,
    explicit_accept: 0.8,
    rebalance_note: 0.5,
};

/// The ownership changes of a customer's life.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum StepKind {
    Rebalance,
    Deal,
    GoLive,
    Finance,
    FinanceBack,
    WinBack,
    Cover,
}

/// A task the person handing over creates for the new owner's work.
pub(super) struct FollowUp {
    /// The title; `{c}` is the name of one of the customer's contacts.
    pub title: &'static str,
    /// Index into `STAFF` of who is assigned.
    pub assignee: usize,
    /// Minutes after the handoff.
    pub after: i64,
    /// When it is due, in days after it is created.
    pub due: Days,
}

/// One kind of ownership change, as the story tells it.
pub(super) struct HandoffScene {
    pub kind: StepKind,
    /// The handoff's reason: `{team}` is the new owner's team, `{to}` the new owner's handle,
    /// `{from}` the previous owner's.
    pub reason: &'static str,
    /// How likely the last handoff, when recent, is still pending at the end of history.
    pub pending: f64,
    pub follow_up: Option<FollowUp>,
}

/// Every kind of ownership change.
pub(super) const HANDOFFS: [HandoffScene; 7] = [
    HandoffScene {
        kind: StepKind::Rebalance,
        reason: "Rebalancing the sales pipeline",
        pending: 0.35,
        follow_up: None,
    },
    HandoffScene {
        kind: StepKind::Deal,
        reason: "Deal signed: onboarding starts",
        pending: 0.35,
        follow_up: Some(FollowUp {
            title: "Kickoff meeting with {c}",
            assignee: CAROL,
            after: 5,
            due: (2, 7),
        }),
    },
    HandoffScene {
        kind: StepKind::GoLive,
        reason: "Onboarding complete: {team} takes over",
        pending: 0.35,
        follow_up: None,
    },
    HandoffScene {
        kind: StepKind::Finance,
        reason: "Invoice dispute: finance takes over",
        pending: 0.35,
        follow_up: Some(FollowUp {
            title: "Chase the unpaid invoice",
            assignee: FRANK,
            after: 10,
            due: (2, 10),
        }),
    },
    HandoffScene {
        kind: StepKind::FinanceBack,
        reason: "Invoice settled: back to {to}",
        pending: 0.35,
        follow_up: None,
    },
    HandoffScene {
        kind: StepKind::WinBack,
        reason: "Churned: sales tries a win-back",
        pending: 0.35,
        follow_up: None,
    },
    HandoffScene {
        kind: StepKind::Cover,
        reason: "Holiday cover while {from} is away",
        pending: 0.7,
        follow_up: None,
    },
];

impl StepKind {
    /// How the story tells this kind of change.
    pub(super) fn scene(self) -> &'static HandoffScene {
        HANDOFFS
            .iter()
            .find(|s| s.kind == self)
            .unwrap_or(&HANDOFFS[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_kind_has_its_scene() {
        for kind in [
            StepKind::Rebalance,
            StepKind::Deal,
            StepKind::GoLive,
            StepKind::Finance,
            StepKind::FinanceBack,
            StepKind::WinBack,
            StepKind::Cover,
        ] {
            assert_eq!(kind.scene().kind, kind);
        }
    }

    #[test]
    fn channels_switch_between_email_and_call() {
        assert_eq!(switched("email"), "call");
        assert_eq!(switched("sms"), "call");
        assert_eq!(switched("chat"), "email");
        assert_eq!(switched("fax"), "email");
        for (channel, _) in CHANNELS_IN {
            assert!(["email", "call"].contains(&switched(channel)));
        }
    }
}
