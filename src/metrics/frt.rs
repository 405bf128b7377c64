//! First response time (Intercom/Plain style): per thread, from its first human inbound
//! touchpoint to the first human outbound touchpoint after it in the same thread, by anyone of
//! the store. Internal touchpoints never count. Threads are placed in a period by their start;
//! threads still waiting are reported apart as unanswered, with their age.

use crate::metrics::name::text;
use serde::Serialize;

use super::facts::ThreadFact;
use super::stats::{DurationStats, TargetStats};
use crate::model::time::rfc3339;

/// A thread that has had no human reply and is not resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Unanswered {
    pub customer: String,
    pub thread: String,
    pub subject: String,
    pub channel: Option<String>,
    pub team: Option<String>,
    pub owner: Option<String>,
    /// The first inbound touchpoint, when the clock started.
    pub since: String,
    /// Age at `as_of` in the thread's clock (seconds).
    pub age: i64,
    /// Age in wall-clock seconds.
    pub wall_age: i64,
    /// The calendar of `age`, or `null` for wall-clock time.
    pub calendar: Option<String>,
    /// Older than the `first_response` target (`null` without a target).
    pub breached: Option<bool>,
}

/// The first-response-time report.
#[derive(Debug, Clone, Serialize)]
pub struct Frt {
    /// Threads started in the period that have a human inbound touchpoint.
    pub threads: usize,
    /// Response times of the answered ones (seconds).
    pub response: DurationStats,
    /// Against `targets.first_response`, for answered threads.
    pub target: Option<TargetStats>,
    /// Threads resolved without any human reply (not measured, not unanswered).
    pub resolved_without_reply: usize,
    pub unanswered: usize,
    /// Unanswered threads older than the target.
    pub unanswered_breached: Option<usize>,
    /// Age of the oldest unanswered thread (seconds, in its clock).
    pub oldest_unanswered: Option<i64>,
    /// Answered threads measured in business hours (the rest in wall-clock time).
    pub business_hours: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unanswered_threads: Vec<Unanswered>,
}

impl Frt {
    /// Computes the report from threads already placed in the period and sliced.
    pub fn of(threads: &[&ThreadFact], target: Option<i64>) -> Frt {
        let asked: Vec<&&ThreadFact> = threads
            .iter()
            .filter(|t| t.first_inbound.is_some())
            .collect();
        let times: Vec<i64> = asked
            .iter()
            .filter_map(|t| t.response.as_ref().map(|m| m.seconds))
            .collect();
        let mut unanswered: Vec<Unanswered> = asked
            .iter()
            .filter_map(|t| {
                let age = t.unanswered_age.as_ref()?;
                Some(Unanswered {
                    customer: t.dims.customer.to_string(),
                    thread: t.thread.short(),
                    subject: t.subject.clone(),
                    channel: text(&t.dims.channel),
                    team: text(&t.dims.team),
                    owner: text(&t.dims.owner),
                    since: rfc3339(&t.first_inbound?),
                    age: age.seconds,
                    wall_age: t.unanswered_wall.unwrap_or(age.seconds),
                    calendar: text(&age.calendar),
                    breached: target.map(|x| age.seconds > x),
                })
            })
            .collect();
        unanswered.sort_by(|a, b| b.age.cmp(&a.age).then(a.customer.cmp(&b.customer)));
        Frt {
            threads: asked.len(),
            response: DurationStats::of(times.iter().copied()),
            target: target.map(|x| TargetStats::of(&times, x)),
            resolved_without_reply: asked
                .iter()
                .filter(|t| t.response.is_none() && t.unanswered_age.is_none())
                .count(),
            unanswered: unanswered.len(),
            unanswered_breached: target.map(|_| {
                unanswered
                    .iter()
                    .filter(|u| u.breached == Some(true))
                    .count()
            }),
            oldest_unanswered: unanswered.first().map(|u| u.age),
            business_hours: asked
                .iter()
                .filter(|t| t.response.as_ref().is_some_and(|m| m.calendar.is_some()))
                .count(),
            unanswered_threads: unanswered,
        }
    }

    /// Drops the lists (for `--by` groups).
    pub fn strip(&mut self) {
        self.unanswered_threads.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{at, bundle, february, metrics, office, resolving, tp};
    use super::super::{ClockMode, Options};
    use crate::model::records::{Actor, Direction::*};
    use crate::store::CustomerBundle;

    /// Customer `c` of team `support` (Monday to Friday, 09:00-17:00 UTC; target 4h):
    /// 1. asked Friday 6 February 16:00, answered Monday 9 February 10:00: 1h on Friday + 1h on
    ///    Monday = 7,200 business seconds (66h = 237,600 wall-clock seconds);
    /// 2. asked Saturday 7 February 12:00, answered Monday 09:30: the weekend does not count,
    ///    0.5h = 1,800 (45.5h = 163,800 wall);
    /// 3. asked Wednesday 11 February 10:00, only an auto-reply at 10:01 (automation stops no
    ///    clock): unanswered at Thursday 12 February 12:00, 7h + 3h = 36,000 (26h = 93,600
    ///    wall), over the 4h target;
    /// 4. asked Tuesday 10 February 10:00 and resolved by an internal touchpoint at 11:00:
    ///    resolved without a reply, neither measured nor unanswered;
    /// 5. started outbound: no question, not counted.
    fn store() -> CustomerBundle {
        let mut auto = tp(32, 3, "2026-02-11T10:01:00Z", Outbound, "a");
        auto.actor = Actor::Automation;
        bundle(
            vec![
                tp(11, 1, "2026-02-06T16:00:00Z", Inbound, "x"),
                tp(12, 1, "2026-02-09T10:00:00Z", Outbound, "a"),
                tp(21, 2, "2026-02-07T12:00:00Z", Inbound, "x"),
                tp(22, 2, "2026-02-09T09:30:00Z", Outbound, "b"),
                tp(31, 3, "2026-02-11T10:00:00Z", Inbound, "x"),
                auto,
                tp(41, 4, "2026-02-10T10:00:00Z", Inbound, "x"),
                resolving(tp(42, 4, "2026-02-10T11:00:00Z", Internal, "a")),
                tp(51, 5, "2026-02-10T12:00:00Z", Outbound, "a"),
            ],
            vec![],
        )
    }

    fn as_of_thursday() -> Options {
        february("2026-02-12T12:00:00Z")
    }

    #[test]
    fn business_hours_skip_nights_and_the_weekend() {
        let frt = metrics(&office(), &[store()], &as_of_thursday()).frt;
        assert_eq!(frt.threads, 4);
        assert_eq!(frt.response.n, 2);
        // Nearest rank of [1800, 7200]: the median is the first.
        assert_eq!(frt.response.median, Some(1800));
        assert_eq!(frt.response.max, Some(7200));
        assert_eq!(frt.response.mean, Some(4500));
        assert_eq!(frt.business_hours, 2);
        let target = frt.target.unwrap();
        assert_eq!(
            (target.target, target.within, target.breached),
            (14_400, 2, 0)
        );
        assert_eq!(frt.resolved_without_reply, 1);
    }

    #[test]
    fn an_unanswered_thread_ages_in_business_hours() {
        let frt = metrics(&office(), &[store()], &as_of_thursday()).frt;
        assert_eq!(frt.unanswered, 1);
        assert_eq!(frt.unanswered_breached, Some(1));
        assert_eq!(frt.oldest_unanswered, Some(36_000));
        let u = &frt.unanswered_threads[0];
        assert_eq!((u.age, u.wall_age), (36_000, 93_600));
        assert_eq!(u.calendar.as_deref(), Some("office"));
        assert_eq!(u.since, "2026-02-11T10:00:00Z");
        assert_eq!(u.breached, Some(true));
    }

    #[test]
    fn the_wall_clock_counts_every_hour() {
        let mut options = as_of_thursday();
        options.clock = ClockMode::Wall;
        let frt = metrics(&office(), &[store()], &options).frt;
        assert_eq!(frt.response.median, Some(163_800));
        assert_eq!(frt.response.max, Some(237_600));
        assert_eq!(frt.business_hours, 0);
        assert_eq!(frt.oldest_unanswered, Some(93_600));
        assert_eq!(frt.unanswered_threads[0].calendar, None);
    }

    #[test]
    fn threads_belong_to_the_period_they_start_in() {
        // Thread 1 starts on 6 February: a period from 7 February leaves it out.
        let mut options = as_of_thursday();
        options.since = at("2026-02-07T00:00:00Z");
        let frt = metrics(&office(), &[store()], &options).frt;
        assert_eq!((frt.threads, frt.response.n), (3, 1));
        assert_eq!(frt.response.median, Some(1800));
    }
}
