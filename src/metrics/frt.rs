//! First response time (Intercom/Plain style): per thread, from its first human inbound
//! touchpoint to the first human outbound touchpoint after it in the same thread, by anyone of
//! the store. Internal touchpoints never count. Threads are placed in a period by their start;
//! threads still waiting are reported apart as unanswered, with their age.

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
                    customer: t.dims.customer.clone(),
                    thread: t.thread.short(),
                    subject: t.subject.clone(),
                    channel: t.dims.channel.clone(),
                    team: t.dims.team.clone(),
                    owner: t.dims.owner.clone(),
                    since: rfc3339(&t.first_inbound?),
                    age: age.seconds,
                    wall_age: t.unanswered_wall.unwrap_or(age.seconds),
                    calendar: age.calendar.clone(),
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
