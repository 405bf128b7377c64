//! The demo's time frame and its agency's calendars: working hours per calendar as one table
//! (the generator's idea of who is at work and the calendars written to the config both read
//! it), French public holidays, Paris time.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use crate::model::Timestamp;

/// How many days of history a demo has.
pub(crate) const HISTORY_DAYS: i64 = 190;

/// Opening hours of one weekday, as (day, open, close) in minutes since midnight.
type Opening = (Weekday, u32, u32);

/// The office calendar (`paris`): Monday to Thursday 9 to 18, Friday 9 to 17.
const OFFICE_HOURS: [Opening; 5] = [
    (Weekday::Mon, 9 * 60, 18 * 60),
    (Weekday::Tue, 9 * 60, 18 * 60),
    (Weekday::Wed, 9 * 60, 18 * 60),
    (Weekday::Thu, 9 * 60, 18 * 60),
    (Weekday::Fri, 9 * 60, 17 * 60),
];

/// The support calendar (`paris-support`): extended weekdays and Saturday mornings.
const SUPPORT_HOURS: [Opening; 6] = [
    (Weekday::Mon, 8 * 60, 19 * 60),
    (Weekday::Tue, 8 * 60, 19 * 60),
    (Weekday::Wed, 8 * 60, 19 * 60),
    (Weekday::Thu, 8 * 60, 19 * 60),
    (Weekday::Fri, 8 * 60, 19 * 60),
    (Weekday::Sat, 10 * 60, 14 * 60),
];

/// Public holidays on a fixed (month, day).
const FIXED_HOLIDAYS: [(u32, u32); 8] = [
    (1, 1),
    (5, 1),
    (5, 8),
    (7, 14),
    (8, 15),
    (11, 1),
    (11, 11),
    (12, 25),
];

/// Public holidays as days after Easter Sunday: Easter Monday, Ascension, Whit Monday.
const EASTER_HOLIDAYS: [i64; 3] = [1, 39, 50];

/// Time frame and calendar of a demo.
#[derive(Debug, Clone)]
pub(crate) struct World {
    /// The end of history: today, truncated to the day (UTC).
    pub anchor: DateTime<Utc>,
    /// When the store was created.
    pub start: DateTime<Utc>,
    pub zone: Tz,
    pub holidays: BTreeSet<NaiveDate>,
}

impl World {
    pub(crate) fn new(anchor: DateTime<Utc>) -> Self {
        let zone: Tz = chrono_tz::Europe::Paris;
        let first_day = (anchor - Duration::days(HISTORY_DAYS))
            .with_timezone(&zone)
            .date_naive();
        let start = local_time(zone, first_day, 9, 0);
        let mut holidays = BTreeSet::new();
        for year in first_day.year()..=anchor.year() + 1 {
            holidays.extend(french_holidays(year));
        }
        World {
            anchor,
            start,
            zone,
            holidays,
        }
    }

    /// Paris time of an instant, as records store it.
    pub(crate) fn stamp(&self, t: DateTime<Utc>) -> Timestamp {
        t.with_timezone(&self.zone).fixed_offset()
    }

    pub(crate) fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.zone).date_naive()
    }

    /// Working hours of a day as minutes since midnight, per calendar (`support` has extended
    /// hours and Saturday mornings).
    pub(super) fn hours(&self, day: NaiveDate, support: bool) -> Option<(u32, u32)> {
        if self.holidays.contains(&day) {
            return None;
        }
        let table: &[Opening] = if support {
            &SUPPORT_HOURS
        } else {
            &OFFICE_HOURS
        };
        table
            .iter()
            .find(|(weekday, _, _)| *weekday == day.weekday())
            .map(|&(_, open, close)| (open, close))
    }

    /// The calendars written to the config, from the same tables as [`World::hours`].
    pub(crate) fn calendars(&self) -> BTreeMap<String, crate::model::Calendar> {
        let holidays: Vec<NaiveDate> = self
            .holidays
            .iter()
            .copied()
            .filter(|d| {
                *d >= self.local_date(self.start)
                    && *d <= self.local_date(self.anchor) + Duration::days(366)
            })
            .collect();
        let calendar = |hours: &[Opening]| crate::model::Calendar {
            zone: "Europe/Paris".into(),
            hours: hours
                .iter()
                .map(|&(day, open, close)| {
                    let day = day.to_string().to_lowercase();
                    (day, format!("{}-{}", clock(open), clock(close)))
                })
                .collect(),
            holidays: holidays.clone(),
            extra: Default::default(),
        };
        BTreeMap::from([
            ("paris".to_string(), calendar(&OFFICE_HOURS)),
            ("paris-support".to_string(), calendar(&SUPPORT_HOURS)),
        ])
    }
}

/// `HH:MM` of minutes since midnight.
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The instant of a Paris wall-clock time (the earliest one when the clock goes back).
pub(crate) fn local_time(zone: Tz, day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let naive = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.to_utc())
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
}

fn easter(year: i32) -> NaiveDate {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

fn french_holidays(year: i32) -> Vec<NaiveDate> {
    let e = easter(year);
    let mut days: Vec<NaiveDate> = FIXED_HOLIDAYS
        .iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, *m, *d))
        .collect();
    days.extend(
        EASTER_HOLIDAYS
            .iter()
            .map(|after| e + Duration::days(*after)),
    );
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2025), NaiveDate::from_ymd_opt(2025, 4, 20).unwrap());
        assert_eq!(easter(2026), NaiveDate::from_ymd_opt(2026, 4, 5).unwrap());
    }

    #[test]
    fn calendars_match_working_hours() {
        let w = World::new(Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap());
        let calendars = w.calendars();
        let office = &calendars["paris"].hours;
        assert_eq!(office["mon"], "09:00-18:00");
        assert_eq!(office["fri"], "09:00-17:00");
        assert!(!office.contains_key("sat"));
        assert_eq!(calendars["paris-support"].hours["sat"], "10:00-14:00");
        // A Saturday: closed for the office, open in the morning for support.
        let saturday = NaiveDate::from_ymd_opt(2026, 6, 6).unwrap();
        assert_eq!(w.hours(saturday, false), None);
        assert_eq!(w.hours(saturday, true), Some((600, 840)));
        // Whit Monday 2026 (Easter + 50) is a holiday.
        assert_eq!(
            w.hours(NaiveDate::from_ymd_opt(2026, 5, 25).unwrap(), true),
            None
        );
    }
}
