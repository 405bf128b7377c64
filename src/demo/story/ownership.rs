//! Who owns a customer when: the ownership changes of its life (a rebalanced lead; a deal,
//! onboarding, support or the account manager, an invoice dispute; a pause, a churn and a
//! win-back, holiday cover), drawn from [`super::script::HANDOFFS`], [`PACE`] and
//! [`ODDS`], and how each handoff is accepted.

use chrono::{DateTime, Duration, Utc};

use super::super::data::{ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GRACE, STAFF};
use super::Gen;
use super::script::{ODDS, PACE, StepKind};
use crate::model::records::CustomerStatus;

/// How a handoff ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Accept {
    Explicit(DateTime<Utc>),
    /// By the new owner's first touchpoint or note.
    Implicit,
    /// Not yet: the new owner has not done anything on the customer since.
    Pending,
}

/// One ownership change.
#[derive(Debug, Clone)]
pub(super) struct Step {
    pub at: DateTime<Utc>,
    pub by: usize,
    pub from: usize,
    pub to: usize,
    pub reason: String,
    pub accept: Accept,
    pub kind: StepKind,
}

/// Who owns the customer when, and how its status moves.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    pub initial: usize,
    pub steps: Vec<Step>,
    pub statuses: Vec<(DateTime<Utc>, usize, CustomerStatus)>,
    pub archive: Option<(DateTime<Utc>, usize)>,
    pub deal: Option<DateTime<Utc>>,
    /// Conversations stop here (churn, pause, or the end of history).
    pub end: DateTime<Utc>,
}

impl Plan {
    /// A customer owned by `initial` from the start, with nothing planned yet.
    pub(super) fn new(initial: usize, end: DateTime<Utc>) -> Self {
        Plan {
            initial,
            steps: vec![],
            statuses: vec![],
            archive: None,
            deal: None,
            end,
        }
    }

    /// The owner after the last planned change.
    fn last_owner(&self) -> usize {
        self.steps.last().map_or(self.initial, |s| s.to)
    }

    fn owner_at(&self, t: DateTime<Utc>) -> usize {
        self.steps
            .iter()
            .rev()
            .find(|s| s.at <= t)
            .map_or(self.initial, |s| s.to)
    }

    /// The pending last handoff, if any: (time, new owner, previous owner).
    fn pending(&self) -> Option<(DateTime<Utc>, usize, usize)> {
        self.steps
            .last()
            .filter(|s| s.accept == Accept::Pending)
            .map(|s| (s.at, s.to, s.from))
    }

    /// Whether `who` may act on the customer at `t` (a pending new owner has not yet).
    pub(super) fn allowed(&self, who: usize, t: DateTime<Utc>) -> bool {
        !matches!(self.pending(), Some((h, to, _)) if who == to && t >= h)
    }

    /// Who looks after the customer at `t`: the owner, or the previous one while a handoff is
    /// pending.
    pub(super) fn acting_owner(&self, t: DateTime<Utc>) -> usize {
        let owner = self.owner_at(t);
        match self.pending() {
            Some((h, to, from)) if t >= h && owner == to => from,
            _ => owner,
        }
    }
}

impl Gen<'_> {
    /// Plans the customer's ownership changes towards its `target` status, then how each
    /// handoff is accepted.
    pub(super) fn plan_ownership(&mut self, target: CustomerStatus, created: DateTime<Utc>) {
        let horizon = self.horizon();
        if target == CustomerStatus::Lead {
            self.rebalance(created, horizon);
        } else if self.sign_deal(created, horizon) {
            self.onboard(horizon);
            match target {
                CustomerStatus::Paused => self.pause(horizon),
                CustomerStatus::Churned => self.churn(horizon),
                _ => self.holiday_cover(horizon),
            }
        }
        self.settle_acceptances();
    }

    /// Adds a change of owner to `to` at `at`, decided by `by`, its reason from the script.
    fn step(&mut self, at: DateTime<Utc>, by: usize, to: usize, kind: StepKind) {
        let from = self.plan.last_owner();
        let reason = kind
            .scene()
            .reason
            .replace("{team}", STAFF[to].team)
            .replace("{to}", STAFF[to].handle)
            .replace("{from}", STAFF[from].handle);
        self.plan.steps.push(Step {
            at,
            by,
            from,
            to,
            reason,
            accept: Accept::Implicit,
            kind,
        });
    }

    /// The time and owner of the last planned change.
    fn last_change(&self) -> (DateTime<Utc>, usize) {
        let at = self.plan.steps.last().map_or(self.w.start, |s| s.at);
        (at, self.plan.last_owner())
    }

    /// A lead handed to the other salesperson by the account manager, now and then.
    fn rebalance(&mut self, created: DateTime<Utc>, horizon: DateTime<Utc>) {
        if !self.rng.chance(ODDS.rebalance) {
            return;
        }
        let d = self.days(PACE.rebalance);
        let at = self.work_time(created + d, GRACE);
        if at < horizon {
            let to = if self.plan.last_owner() == ALICE {
                BOB
            } else {
                ALICE
            };
            self.step(at, GRACE, to, StepKind::Rebalance);
        }
    }

    /// The deal: onboarding (carol) takes over and the customer becomes active. False when it
    /// would come after the horizon (the customer stays a lead).
    fn sign_deal(&mut self, created: DateTime<Utc>, horizon: DateTime<Utc>) -> bool {
        let owner = self.plan.last_owner();
        let d = self.days(PACE.deal);
        let deal = self.work_time(created + d, owner);
        if deal >= horizon {
            return false;
        }
        self.plan.deal = Some(deal);
        self.step(deal, owner, CAROL, StepKind::Deal);
        self.plan
            .statuses
            .push((deal + Duration::minutes(1), owner, CustomerStatus::Active));
        true
    }

    /// Onboarding ends: support or, for a VIP, the account manager takes over; an invoice
    /// dispute may follow.
    fn onboard(&mut self, horizon: DateTime<Utc>) {
        let (deal, _) = self.last_change();
        let d = self.days(PACE.go_live);
        let live = self.work_time(deal + d, CAROL);
        if live >= horizon {
            return;
        }
        let to = if self.vip && self.rng.chance(ODDS.vip_to_grace) {
            GRACE
        } else {
            *self.rng.pick(&[DAVE, ERIN])
        };
        self.step(live, CAROL, to, StepKind::GoLive);
        if self.rng.chance(ODDS.dispute) {
            self.dispute(horizon);
        }
    }

    /// Finance takes over during an invoice dispute, and hands back once it is settled.
    fn dispute(&mut self, horizon: DateTime<Utc>) {
        let (live, owner) = self.last_change();
        let d = self.days(PACE.dispute);
        let f = self.work_time(live + d, owner);
        if f >= horizon {
            return;
        }
        self.step(f, owner, FRANK, StepKind::Finance);
        let d = self.days(PACE.settle);
        let back = self.work_time(f + d, FRANK);
        if back < horizon {
            self.step(back, FRANK, owner, StepKind::FinanceBack);
        }
    }

    /// The customer pauses; conversations stop two days later.
    fn pause(&mut self, horizon: DateTime<Utc>) {
        let (t, owner) = self.last_change();
        let d = self.days(PACE.pause);
        let at = self.work_time(t + d, owner);
        if at < horizon {
            self.plan.statuses.push((at, owner, CustomerStatus::Paused));
            self.plan.end = at + Duration::days(2);
        }
    }

    /// The customer churns; sales may try to win it back, and it may be archived.
    fn churn(&mut self, horizon: DateTime<Utc>) {
        let (t, owner) = self.last_change();
        let d = self.days(PACE.churn);
        let at = self.work_time(t + d, owner);
        if at >= horizon {
            return;
        }
        self.plan
            .statuses
            .push((at, owner, CustomerStatus::Churned));
        self.plan.end = at;
        if self.rng.chance(ODDS.win_back) {
            let d = self.days(PACE.win_back);
            let win = self.work_time(at + d, GRACE);
            if win < horizon && owner != ALICE {
                self.step(win, GRACE, ALICE, StepKind::WinBack);
            }
        }
        if self.rng.chance(ODDS.archive) {
            let d = self.days(PACE.archive);
            let arch = self.work_time(at + d, GRACE);
            if arch < horizon {
                self.plan.archive = Some((arch, GRACE));
            }
        }
    }

    /// A colleague covers for an owner on holiday in the last days of history.
    fn holiday_cover(&mut self, horizon: DateTime<Utc>) {
        let (t, owner) = self.last_change();
        let coverable = [CAROL, DAVE, ERIN, GRACE].contains(&owner);
        if !coverable || !self.rng.chance(ODDS.cover) {
            return;
        }
        let d = self.days(PACE.cover_before_end);
        let cover = self.work_time(self.w.anchor - d, owner);
        if cover > t + Duration::days(2) && cover < horizon {
            let to = match owner {
                DAVE => ERIN,
                _ => DAVE,
            };
            self.step(cover, owner, to, StepKind::Cover);
        }
    }

    /// How each handoff is accepted: the last one, when recent, may still be pending; the
    /// others are accepted explicitly (before the next change) or by the new owner's work.
    fn settle_acceptances(&mut self) {
        let n = self.plan.steps.len();
        let anchor = self.w.anchor;
        for i in 0..n {
            let (at, to, kind) = (
                self.plan.steps[i].at,
                self.plan.steps[i].to,
                self.plan.steps[i].kind,
            );
            let recent = anchor - at < Duration::days(14);
            let accept = if i + 1 == n && recent && self.rng.chance(kind.scene().pending) {
                Accept::Pending
            } else if self.rng.chance(ODDS.explicit_accept) {
                let delay = Duration::minutes(self.rng.range(15, 26 * 60));
                let a = self.work_time(at + delay, to);
                if a < anchor - Duration::minutes(1)
                    && self.plan.steps.get(i + 1).is_none_or(|next| a < next.at)
                {
                    Accept::Explicit(a)
                } else {
                    Accept::Implicit
                }
            } else {
                Accept::Implicit
            };
            self.plan.steps[i].accept = accept;
        }
    }
}
