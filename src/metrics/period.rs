//! Periods and buckets in the report's time zone (`--tz`, default UTC, never the machine's).

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;

use crate::model::Timestamp;
use crate::model::time::{DateOrder, Expect, Reading, TimeError, parse_time, rfc3339};

/// A half-open period `[since, until)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub since: Timestamp,
    pub until: Timestamp,
}

impl Window {
    /// Whether `t` falls in the period.
    pub fn contains(&self, t: Timestamp) -> bool {
        self.since <= t && t < self.until
    }

    /// The overlap of two periods (empty when they do not meet).
    pub fn intersect(&self, other: &Window) -> Window {
        let since = self.since.max(other.since);
        Window {
            since,
            until: self.until.min(other.until).max(since),
        }
    }
}

/// A labelled period, such as a week of the weekly coverage table.
#[derive(Debug, Clone, Serialize)]
pub struct Labelled {
    pub key: String,
    pub since: String,
    pub until: String,
}

impl Labelled {
    /// A label for `window`.
    pub fn new(key: String, window: &Window) -> Self {
        Labelled {
            key,
            since: rfc3339(&window.since),
            until: rfc3339(&window.until),
        }
    }
}

/// Reads `--since`/`--until` with the time grammar of [`parse_time`] (a bare duration such as
/// `30d` counts back from `as_of`). A day given as the end of a period (`2026-11-01`,
/// `yesterday`) includes that whole day.
pub fn parse_bound(
    text: &str,
    as_of: Timestamp,
    tz: Tz,
    order: Option<DateOrder>,
    end: bool,
) -> Result<Timestamp, TimeError> {
    let reading = Reading {
        now: as_of,
        zone: tz,
        order,
    };
    let typed = parse_time(text, &reading, Expect::Window)?;
    if end && typed.day_only {
        let day = typed.at.with_timezone(&tz).date_naive();
        return Ok(local_start(day.succ_opt().unwrap_or(day), tz));
    }
    Ok(typed.at)
}

/// The first instant of `day` in `tz` (midnight, or the end of a gap when midnight is skipped).
pub fn local_start(day: NaiveDate, tz: Tz) -> Timestamp {
    let mut time = day.and_time(NaiveTime::MIN);
    for _ in 0..48 {
        if let Some(t) = tz.from_local_datetime(&time).earliest() {
            return t.fixed_offset();
        }
        time += Duration::minutes(30);
    }
    tz.from_utc_datetime(&day.and_time(NaiveTime::MIN))
        .fixed_offset()
}

/// The month key (`2026-11`) of `t` in `tz`.
pub fn month_key(t: Timestamp, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m").to_string()
}

/// The ISO week key (`2026-W47`) of `t` in `tz`.
pub fn week_key(t: Timestamp, tz: Tz) -> String {
    t.with_timezone(&tz).format("%G-W%V").to_string()
}

fn week_start(t: Timestamp, tz: Tz) -> NaiveDate {
    let day = t.with_timezone(&tz).date_naive();
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

fn month_start(t: Timestamp, tz: Tz) -> NaiveDate {
    let day = t.with_timezone(&tz).date_naive();
    day.with_day(1).unwrap_or(day)
}

fn next_month(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(day)
}

/// The months (`monthly`) or ISO weeks meeting `window`, each cut to the window, in order.
pub fn buckets(window: &Window, tz: Tz, monthly: bool) -> Vec<(String, Window)> {
    let mut out = Vec::new();
    if window.until <= window.since {
        return out;
    }
    let mut day = if monthly {
        month_start(window.since, tz)
    } else {
        week_start(window.since, tz)
    };
    while local_start(day, tz) < window.until && out.len() < 10_000 {
        let next = if monthly {
            next_month(day)
        } else {
            day + Duration::days(7)
        };
        let full = Window {
            since: local_start(day, tz),
            until: local_start(next, tz),
        };
        let key = if monthly {
            month_key(full.since, tz)
        } else {
            week_key(full.since, tz)
        };
        out.push((key, full.intersect(window)));
        day = next;
    }
    out
}

/// The `n` whole ISO weeks ending with the week that holds the instant before `end`.
pub fn last_weeks(end: Timestamp, n: u32, tz: Tz) -> Vec<(String, Window)> {
    let last = week_start(end - Duration::seconds(1), tz);
    (0..i64::from(n))
        .rev()
        .map(|k| {
            let day = last - Duration::days(7 * k);
            let w = Window {
                since: local_start(day, tz),
                until: local_start(day + Duration::days(7), tz),
            };
            (week_key(w.since, tz), w)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn bounds_and_buckets() {
        let now = at("2026-11-23T10:00:00Z");
        let paris: Tz = "Europe/Paris".parse().unwrap();
        assert_eq!(
            parse_bound("2026-11-01", now, paris, None, false).unwrap(),
            at("2026-11-01T00:00:00+01:00")
        );
        assert_eq!(
            parse_bound("2026-11-01", now, Tz::UTC, None, true).unwrap(),
            at("2026-11-02T00:00:00Z")
        );
        assert_eq!(
            parse_bound("30d", now, Tz::UTC, None, false).unwrap(),
            at("2026-10-24T10:00:00Z")
        );
        let w = Window {
            since: at("2026-10-15T00:00:00Z"),
            until: now,
        };
        let months: Vec<String> = buckets(&w, Tz::UTC, true)
            .into_iter()
            .map(|b| b.0)
            .collect();
        assert_eq!(months, ["2026-10", "2026-11"]);
        let weeks = buckets(&w, Tz::UTC, false);
        assert_eq!(weeks.first().unwrap().0, "2026-W42");
        assert_eq!(weeks.first().unwrap().1.since, w.since);
        assert_eq!(weeks.last().unwrap().0, "2026-W48");
        let last = last_weeks(now, 2, Tz::UTC);
        assert_eq!(last[0].0, "2026-W47");
        assert_eq!(last[1].0, "2026-W48");
        assert_eq!(last[1].1.since, at("2026-11-23T00:00:00Z"));
    }
}
