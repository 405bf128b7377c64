//! Business-hours arithmetic over the calendars of `.gitcrm/config.yaml`.
//!
//! An instant is business time when the calendar's wall clock (its IANA zone) shows a working
//! day that is not a holiday and a time inside one of that weekday's ranges. The business
//! duration between two instants is the measure of the business instants between them. The
//! definition is in terms of the wall-clock reading, so daylight-saving changes need no special
//! case: on a spring-forward day the skipped hour never shows on the clock and is never counted;
//! on a fall-back day a repeated working hour is counted twice, because it happened twice.
//!
//! The computation splits the interval where the zone's UTC offset changes and, within each
//! piece of constant offset, sums the overlap of the local readings with the working ranges day
//! by day. Tests compare it with a brute-force count of minutes.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::config::{Calendar, Config};
use super::time::Timestamp;
use crate::error::Error;

/// Weekday keys of `hours`, Monday first (the index is `Weekday::num_days_from_monday`).
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const DAY_SECONDS: u32 = 86_400;

/// Why a calendar of the config is not usable, and at which key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarProblem {
    pub keys: Vec<String>,
    pub message: String,
    pub hint: String,
}

/// A validated calendar, ready for arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct BusinessCalendar {
    /// The calendar's name in the config, printed in report parameters.
    pub name: String,
    zone: Tz,
    /// Per weekday (Monday first), sorted, non-overlapping `[start, end)` seconds from midnight.
    week: [Vec<(u32, u32)>; 7],
    holidays: BTreeSet<NaiveDate>,
}

impl BusinessCalendar {
    /// Validates `calendars.<name>` of the config. Errors name the key and the bad value.
    pub fn from_config(name: &str, calendar: &Calendar) -> Result<Self, Error> {
        Self::validate(name, calendar).map_err(|problem| {
            Error::invalid_hint(
                format!(
                    ".gitcrm/config.yaml: {}: {}",
                    problem.keys.join("."),
                    problem.message
                ),
                problem.hint,
            )
        })
    }

    /// Validates `calendars.<name>`, reporting the first problem with the key path it is at.
    pub fn validate(name: &str, calendar: &Calendar) -> Result<Self, CalendarProblem> {
        let keys = |rest: &[&str]| -> Vec<String> {
            ["calendars", name]
                .iter()
                .chain(rest)
                .map(|k| k.to_string())
                .collect()
        };
        let zone = calendar.zone.parse::<Tz>().map_err(|_| CalendarProblem {
            keys: keys(&["zone"]),
            message: format!(
                "`{}` is not an IANA time zone",
                crate::model::text::escape(&calendar.zone)
            ),
            hint: "use a name such as Europe/Paris, America/New_York or UTC".into(),
        })?;
        let mut week: [Vec<(u32, u32)>; 7] = Default::default();
        for (day, text) in &calendar.hours {
            let Some(index) = WEEKDAYS.iter().position(|d| d == day) else {
                return Err(CalendarProblem {
                    keys: keys(&["hours", day]),
                    message: format!("`{}` is not a weekday", crate::model::text::escape(day)),
                    hint: format!("weekday keys are {}", WEEKDAYS.join(", ")),
                });
            };
            week[index] = parse_ranges(text).map_err(|why| CalendarProblem {
                keys: keys(&["hours", day]),
                message: why,
                hint: "write ranges such as \"09:00-12:30,13:30-17:30\" (24:00 ends a day)".into(),
            })?;
        }
        Ok(BusinessCalendar {
            name: name.to_string(),
            zone,
            week,
            holidays: calendar.holidays.iter().copied().collect(),
        })
    }

    /// The calendar's zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// Whether `t` is business time.
    pub fn is_business(&self, t: Timestamp) -> bool {
        let local = t.with_timezone(&self.zone).naive_local();
        let secs = local.time().signed_duration_since(chrono::NaiveTime::MIN);
        let secs = secs.num_seconds() as u32;
        self.ranges_of(local.date())
            .iter()
            .any(|(s, e)| *s <= secs && secs < *e)
    }

    /// Business time between `from` and `to`; zero when `to` is not after `from`.
    pub fn business_duration(&self, from: Timestamp, to: Timestamp) -> Duration {
        let (from, to) = (from.with_timezone(&Utc), to.with_timezone(&Utc));
        let mut total = 0i64;
        let mut cur = from;
        while cur < to {
            let offset = self.offset_at(cur);
            let end = self.next_change(cur, to, offset);
            let a = cur.naive_utc() + offset;
            let b = end.naive_utc() + offset;
            total += self.local_seconds(a, b);
            cur = end;
        }
        Duration::seconds(total)
    }

    /// The first instant at which `amount` of business time has passed since `from`: the
    /// inverse of [`Self::business_duration`], for "when did this wait cross its target".
    /// `None` when the calendar does not reach it within `horizon_days` (a calendar with no
    /// working hours never does).
    pub fn reach(&self, from: Timestamp, amount: Duration, horizon_days: i64) -> Option<Timestamp> {
        let need = amount.num_seconds();
        if need <= 0 {
            return Some(from);
        }
        let mut lo = from;
        let mut done = 0i64;
        for _ in 0..horizon_days.max(0) {
            let hi = lo + Duration::days(1);
            let part = self.business_duration(lo, hi).num_seconds();
            if done + part >= need {
                // Business time grows by at most one second a second: bisect over whole seconds
                // for the first instant where enough has passed.
                let (mut a, mut b) = (0i64, 86_400i64);
                while b - a > 1 {
                    let mid = a + (b - a) / 2;
                    let got = self
                        .business_duration(lo, lo + Duration::seconds(mid))
                        .num_seconds();
                    if done + got >= need {
                        b = mid;
                    } else {
                        a = mid;
                    }
                }
                return Some(lo + Duration::seconds(b));
            }
            done += part;
            lo = hi;
        }
        None
    }

    fn ranges_of(&self, day: NaiveDate) -> &[(u32, u32)] {
        if self.holidays.contains(&day) {
            return &[];
        }
        &self.week[day.weekday().num_days_from_monday() as usize]
    }

    fn offset_at(&self, t: DateTime<Utc>) -> Duration {
        let secs = self
            .zone
            .offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc();
        Duration::seconds(i64::from(secs))
    }

    /// The first instant after `from` (and at most `limit`) where the offset is not `offset`.
    /// Steps a day at a time and bisects to the second when the offset changed in a step.
    fn next_change(
        &self,
        from: DateTime<Utc>,
        limit: DateTime<Utc>,
        offset: Duration,
    ) -> DateTime<Utc> {
        let mut lo = from;
        loop {
            let hi = (lo + Duration::days(1)).min(limit);
            if self.offset_at(hi) != offset {
                // Offsets change on whole seconds: bisect over whole seconds.
                let (mut lo_s, mut hi_s) = (lo.timestamp(), hi.timestamp());
                let second = |s: i64| DateTime::from_timestamp(s, 0).unwrap_or(hi);
                if self.offset_at(second(lo_s)) != offset {
                    return lo.max(second(lo_s + 1)).min(hi);
                }
                while hi_s - lo_s > 1 {
                    let mid = lo_s + (hi_s - lo_s) / 2;
                    if self.offset_at(second(mid)) == offset {
                        lo_s = mid;
                    } else {
                        hi_s = mid;
                    }
                }
                return second(hi_s).max(lo).min(hi);
            }
            if hi == limit {
                return limit;
            }
            lo = hi;
        }
    }

    /// Seconds of working time between two wall-clock readings.
    fn local_seconds(&self, a: NaiveDateTime, b: NaiveDateTime) -> i64 {
        let mut total = 0;
        let mut day = a.date();
        while day <= b.date() {
            let midnight = day.and_time(chrono::NaiveTime::MIN);
            for (s, e) in self.ranges_of(day) {
                let rs = midnight + Duration::seconds(i64::from(*s));
                let re = midnight + Duration::seconds(i64::from(*e));
                let overlap = (b.min(re) - a.max(rs)).num_seconds();
                total += overlap.max(0);
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        total
    }
}

/// Parses `09:00-12:30,13:30-17:30` into sorted, non-overlapping second ranges. An empty
/// string (or `closed`) is a day off.
pub fn parse_ranges(text: &str) -> Result<Vec<(u32, u32)>, String> {
    let text = text.trim();
    if text.is_empty() || text == "closed" {
        return Ok(Vec::new());
    }
    let mut ranges = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        let bad = || {
            format!(
                "`{}` is not a range like 09:00-17:30",
                crate::model::text::escape(part)
            )
        };
        let (s, e) = part.split_once('-').ok_or_else(bad)?;
        let (s, e) = (
            parse_clock(s).ok_or_else(bad)?,
            parse_clock(e).ok_or_else(bad)?,
        );
        if s >= e {
            return Err(format!(
                "`{}` ends before it starts (ranges cannot cross midnight; split them over two days)",
                crate::model::text::escape(part)
            ));
        }
        ranges.push((s, e));
    }
    ranges.sort();
    for pair in ranges.windows(2) {
        if pair[1].0 < pair[0].1 {
            return Err(format!(
                "`{}` has overlapping ranges",
                crate::model::text::escape(text)
            ));
        }
    }
    Ok(ranges)
}

/// `HH:MM` (00:00 to 24:00) as seconds from midnight.
fn parse_clock(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let secs = h * 3600 + m * 60;
    (m < 60 && secs <= DAY_SECONDS).then_some(secs)
}

/// Every calendar of the config, validated; the first bad one is the error.
pub fn calendars(config: &Config) -> Result<Vec<BusinessCalendar>, Error> {
    config
        .calendars
        .iter()
        .map(|(name, c)| BusinessCalendar::from_config(name, c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn calendar(zone: &str, hours: &[(&str, &str)], holidays: &[&str]) -> BusinessCalendar {
        let config = Calendar {
            zone: zone.into(),
            hours: hours
                .iter()
                .map(|(d, h)| (d.to_string(), h.to_string()))
                .collect::<BTreeMap<_, _>>(),
            holidays: holidays.iter().map(|d| d.parse().unwrap()).collect(),
            extra: Default::default(),
        };
        BusinessCalendar::from_config("test", &config).unwrap()
    }

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    const OFFICE: [(&str, &str); 5] = [
        ("mon", "09:00-12:30,13:30-17:30"),
        ("tue", "09:00-12:30,13:30-17:30"),
        ("wed", "09:00-12:30,13:30-17:30"),
        ("thu", "09:00-12:30,13:30-17:30"),
        ("fri", "09:00-12:30,13:30-17:30"),
    ];

    /// Counts business minutes one by one.
    fn brute(cal: &BusinessCalendar, from: Timestamp, to: Timestamp) -> i64 {
        let mut t = from;
        let mut minutes = 0;
        while t < to {
            if cal.is_business(t) {
                minutes += 1;
            }
            t += Duration::minutes(1);
        }
        minutes * 60
    }

    #[test]
    fn within_a_day_and_over_a_weekend() {
        let cal = calendar("Europe/Paris", &OFFICE, &[]);
        // Friday 2026-11-20 16:00 Paris to Monday 10:00: 1h30 on Friday, 1h on Monday.
        let d = cal.business_duration(
            at("2026-11-20T16:00:00+01:00"),
            at("2026-11-23T10:00:00+01:00"),
        );
        assert_eq!(d, Duration::minutes(150));
        // Over lunch.
        let d = cal.business_duration(
            at("2026-11-23T12:00:00+01:00"),
            at("2026-11-23T14:00:00+01:00"),
        );
        assert_eq!(d, Duration::minutes(60));
        assert_eq!(
            cal.business_duration(
                at("2026-11-23T14:00:00+01:00"),
                at("2026-11-23T12:00:00+01:00")
            ),
            Duration::zero()
        );
    }

    #[test]
    fn reach_crosses_a_weekend() {
        let cal = calendar("Europe/Paris", &OFFICE, &[]);
        // Friday 16:00: 1h30 that day, the other 2h30 on Monday from 09:00.
        let t = cal.reach(at("2026-11-20T16:00:00+01:00"), Duration::hours(4), 30);
        assert_eq!(t, Some(at("2026-11-23T11:30:00+01:00")));
        let closed = calendar("Europe/Paris", &[], &[]);
        assert_eq!(
            closed.reach(at("2026-11-20T16:00:00+01:00"), Duration::hours(1), 30),
            None
        );
    }

    #[test]
    fn holidays_are_days_off() {
        let cal = calendar("Europe/Paris", &OFFICE, &["2026-12-25"]);
        // Thursday 24th 17:00 to Monday 28th 09:30: 30m + 30m.
        let d = cal.business_duration(
            at("2026-12-24T17:00:00+01:00"),
            at("2026-12-28T09:30:00+01:00"),
        );
        assert_eq!(d, Duration::minutes(60));
    }

    #[test]
    fn daylight_saving_changes() {
        // Paris springs forward on Sunday 2026-03-29 at 02:00 (to 03:00).
        let cal = calendar("Europe/Paris", &[("sun", "01:00-04:00")], &[]);
        let d = cal.business_duration(at("2026-03-28T12:00:00Z"), at("2026-03-30T00:00:00Z"));
        assert_eq!(d, Duration::hours(2), "the skipped hour is not counted");
        // Falls back on Sunday 2026-10-25 at 03:00 (to 02:00): 02:00-03:00 shows twice.
        let d = cal.business_duration(at("2026-10-24T12:00:00Z"), at("2026-10-26T00:00:00Z"));
        assert_eq!(d, Duration::hours(4), "the repeated hour is counted twice");
        // New York office hours across its own switch, measured from UTC instants.
        let ny = calendar(
            "America/New_York",
            &[("mon", "09:00-17:00"), ("fri", "09:00-17:00")],
            &[],
        );
        let d = ny.business_duration(at("2026-03-06T21:00:00Z"), at("2026-03-09T14:00:00Z"));
        // Friday 16:00-17:00 EST, then Monday 09:00-10:00 EDT.
        assert_eq!(d, Duration::hours(2));
    }

    #[test]
    fn config_errors_name_the_key() {
        let bad_zone = Calendar {
            zone: "Mars/Olympus".into(),
            ..Default::default()
        };
        let err = BusinessCalendar::from_config("paris", &bad_zone).unwrap_err();
        assert_eq!(
            err.to_string(),
            ".gitcrm/config.yaml: calendars.paris.zone: `Mars/Olympus` is not an IANA time zone"
        );
        let mut bad_range = Calendar {
            zone: "UTC".into(),
            ..Default::default()
        };
        bad_range.hours.insert("mon".into(), "9-17".into());
        let err = BusinessCalendar::from_config("paris", &bad_range).unwrap_err();
        assert_eq!(
            err.to_string(),
            ".gitcrm/config.yaml: calendars.paris.hours.mon: `9-17` is not a range like 09:00-17:30"
        );
        assert!(
            parse_ranges("18:00-09:00")
                .unwrap_err()
                .contains("ends before it starts")
        );
        assert!(
            parse_ranges("09:00-12:00,11:00-13:00")
                .unwrap_err()
                .contains("overlapping")
        );
        assert!(parse_ranges("09:00-24:00").is_ok());
        assert!(parse_ranges("09:00-24:01").is_err());
        let mut bad_day = Calendar {
            zone: "UTC".into(),
            ..Default::default()
        };
        bad_day.hours.insert("monday".into(), "09:00-17:00".into());
        let err = BusinessCalendar::from_config("x", &bad_day).unwrap_err();
        assert!(
            err.to_string().contains("`monday` is not a weekday"),
            "{err}"
        );
    }

    fn ranges_strategy() -> impl Strategy<Value = String> {
        // Up to three ranges on a 15-minute grid, built from sorted distinct cut points.
        proptest::collection::btree_set(0u32..=96, 0..=6).prop_map(|cuts| {
            let cuts: Vec<u32> = cuts.into_iter().collect();
            cuts.chunks_exact(2)
                .map(|p| {
                    let f = |q: u32| format!("{:02}:{:02}", q * 15 / 60, q * 15 % 60);
                    format!("{}-{}", f(p[0]), f(p[1]))
                })
                .collect::<Vec<_>>()
                .join(",")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn matches_a_minute_count(
            zone in prop::sample::select(vec!["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "UTC", "Asia/Kolkata"]),
            week in proptest::collection::vec(ranges_strategy(), 7),
            base in prop::sample::select(vec![
                "2026-03-07T00:00:00Z", "2026-03-28T00:00:00Z", "2026-10-24T00:00:00Z",
                "2026-10-31T00:00:00Z", "2026-04-04T00:00:00Z", "2026-12-23T00:00:00Z",
            ]),
            start in 0i64..(3 * 1440),
            len in 0i64..(6 * 1440),
            holiday in 0i64..8,
        ) {
            let hours: Vec<(&str, &str)> = WEEKDAYS.iter().copied().zip(week.iter().map(String::as_str)).collect();
            let base = at(base);
            let holiday = (base + Duration::days(holiday)).date_naive().to_string();
            let cal = calendar(zone, &hours, &[holiday.as_str()]);
            let from = base + Duration::minutes(start);
            let to = from + Duration::minutes(len);
            prop_assert_eq!(cal.business_duration(from, to).num_seconds(), brute(&cal, from, to));
        }

        /// `reach` inverts `business_duration`: exactly `amount` has passed at the instant it
        /// returns, and a second earlier not yet.
        #[test]
        fn reach_inverts_the_duration(start in 0i64..(14 * 1440), amount in 1i64..(30 * 3600)) {
            let cal = calendar("Europe/Paris", &OFFICE, &["2026-10-26"]);
            let from = at("2026-10-20T00:00:00Z") + Duration::minutes(start);
            let t = cal.reach(from, Duration::seconds(amount), 400).expect("reached");
            prop_assert_eq!(cal.business_duration(from, t).num_seconds(), amount);
            prop_assert!(cal.business_duration(from, t - Duration::seconds(1)).num_seconds() < amount);
        }

        #[test]
        fn additive(a in 0i64..20_000, b in 0i64..20_000, c in 0i64..20_000) {
            let cal = calendar("Europe/Paris", &OFFICE, &["2026-10-26"]);
            let mut v = [a, b, c];
            v.sort();
            let base = at("2026-10-20T00:00:00Z");
            let t = |m: i64| base + Duration::minutes(m);
            prop_assert_eq!(
                cal.business_duration(t(v[0]), t(v[2])),
                cal.business_duration(t(v[0]), t(v[1])) + cal.business_duration(t(v[1]), t(v[2]))
            );
        }
    }
}
