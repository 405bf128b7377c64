//! Recurring tasks. A series is an ordinary task with `every: 1w` (its first occurrence); each
//! later occurrence is a task with `series: <id of the series>` and its own `due`.
//!
//! The next occurrence is written by `task done` of the current one, in the same commit, and
//! everything in it is a function of the series and the occurrence's due date: its id is
//! `RecordId::derived(series.created, ["task-occurrence", series id, due])`, its `created` (so
//! its file name) is the series' `created`, its due date is the previous due date plus `every`
//! (never "today plus `every`"). Two clones that both complete an occurrence therefore write the
//! same next occurrence, byte for byte, and git merges the two additions as one file.
//!
//! Both keys are stored beside the task's fields (in `extra`, like a note's `mentions`), so
//! readers that do not know them keep them.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde_json::Value;

use super::ids::RecordId;
use super::records::Task;

/// The key of a series' interval.
pub const EVERY_KEY: &str = "every";
/// The key of an occurrence's series id.
pub const SERIES_KEY: &str = "series";

/// How often a task comes back: every N days, weeks or months (`3d`, `1w`, `2w`, `1mo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Every {
    pub n: u32,
    pub unit: Unit,
}

/// The unit of an [`Every`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
    Months,
}

impl Every {
    /// Reads `3d`, `1w`, `2w`, `1mo`, `12mo`, or `daily`, `weekly`, `monthly`.
    pub fn parse(text: &str) -> Result<Every, String> {
        let text = text.trim().to_ascii_lowercase();
        let named = match text.as_str() {
            "daily" => Some((1, Unit::Days)),
            "weekly" => Some((1, Unit::Weeks)),
            "fortnightly" => Some((2, Unit::Weeks)),
            "monthly" => Some((1, Unit::Months)),
            "quarterly" => Some((3, Unit::Months)),
            "yearly" => Some((12, Unit::Months)),
            _ => None,
        };
        let (n, unit) = match named {
            Some(found) => found,
            None => {
                let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
                let unit = match &text[digits.len()..] {
                    "d" => Unit::Days,
                    "w" => Unit::Weeks,
                    "mo" => Unit::Months,
                    _ => return Err(bad(&text)),
                };
                (digits.parse::<u32>().map_err(|_| bad(&text))?, unit)
            }
        };
        if n == 0 || n > 366 {
            return Err(bad(&text));
        }
        Ok(Every { n, unit })
    }

    /// The canonical text written to the record (`1w`, `3mo`).
    pub fn text(&self) -> String {
        let unit = match self.unit {
            Unit::Days => "d",
            Unit::Weeks => "w",
            Unit::Months => "mo",
        };
        format!("{}{unit}", self.n)
    }

    /// How lists name the interval (`every 1w`), for a series and its occurrences alike.
    pub fn label(&self) -> String {
        format!("every {}", self.text())
    }

    /// The due date after `due`. A monthly series due on the 31st is due on the last day of
    /// shorter months, and keeps counting from the 31st (chrono's month arithmetic clamps).
    pub fn next(&self, due: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            Unit::Days => due.checked_add_days(Days::new(u64::from(self.n))),
            Unit::Weeks => due.checked_add_days(Days::new(7 * u64::from(self.n))),
            Unit::Months => due.checked_add_months(Months::new(self.n)),
        }
    }
}

fn bad(text: &str) -> String {
    format!(
        "cannot read `{}` as a recurrence: use 3d, 1w, 2w, 1mo, or daily, weekly, monthly",
        super::text::escape(text)
    )
}

impl Task {
    /// The interval of a series (`every`), if this task starts one; an unreadable value is an
    /// error for `check` and no recurrence for everyone else.
    pub fn every(&self) -> Option<Every> {
        self.extra
            .get(EVERY_KEY)
            .and_then(Value::as_str)
            .and_then(|t| Every::parse(t).ok())
    }

    /// The id of the series this task is an occurrence of: its `series`, or its own id when it
    /// starts a series.
    pub fn series(&self) -> Option<RecordId> {
        match self.extra.get(SERIES_KEY).and_then(Value::as_str) {
            Some(id) => RecordId::parse(id),
            None => self.every().map(|_| self.id),
        }
    }
}

/// How often `task` recurs: its own `every` when it starts a series, else its series' (found
/// among `tasks`, the customer's tasks). `None` for a task of no series, and for an occurrence
/// whose series has ended or cannot be found.
pub fn interval_of(task: &Task, tasks: &[&Task]) -> Option<Every> {
    let series = task.series()?;
    if series == task.id {
        return task.every();
    }
    tasks.iter().find(|t| t.id == series)?.every()
}

/// The next occurrence after `done`, an occurrence of `series` (the series' first task, which
/// says how often). `None` when the series has ended (no `every`) or `done` has no due date.
pub fn next_occurrence(series: &Task, done: &Task) -> Option<Task> {
    let every = series.every()?;
    let due = every.next(done.due?)?;
    let series_id = series.id;
    let id = RecordId::derived(
        series.created.to_utc(),
        &[
            "task-occurrence",
            &series_id.to_string(),
            &format!("{:04}-{:02}-{:02}", due.year(), due.month(), due.day()),
        ],
    );
    let mut extra = super::records::Extra::new();
    extra.insert(SERIES_KEY.into(), Value::from(series_id.to_string()));
    Some(Task {
        id,
        created: series.created,
        by: series.by.clone(),
        assignee: done.assignee.clone(),
        due: Some(due),
        title: done.title.clone(),
        done_at: None,
        extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn series() -> Task {
        let mut extra = super::super::records::Extra::new();
        extra.insert(EVERY_KEY.into(), Value::from("1w"));
        Task {
            id: RecordId(uuid::Uuid::from_u128(7)),
            created: chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").unwrap(),
            by: "alice".into(),
            assignee: Some("bob".into()),
            due: Some(day("2026-11-27")),
            title: "Weekly report".into(),
            done_at: None,
            extra,
        }
    }

    #[test]
    fn intervals() {
        assert_eq!(
            Every::parse("1w").unwrap().next(day("2026-11-27")),
            Some(day("2026-12-04"))
        );
        assert_eq!(
            Every::parse("monthly").unwrap().next(day("2026-01-31")),
            Some(day("2026-02-28"))
        );
        assert_eq!(Every::parse("3d").unwrap().text(), "3d");
        for bad in ["", "0w", "w", "1h", "1 w", "999d", "-1w"] {
            assert!(Every::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_occurrence_recurs_as_its_series_does() {
        let s = series();
        let next = next_occurrence(&s, &s).unwrap();
        let tasks = [&s, &next];
        assert_eq!(
            interval_of(&s, &tasks).map(|e| e.label()),
            Some("every 1w".into())
        );
        assert_eq!(interval_of(&next, &tasks), s.every());
        // The series ended (or is not among the tasks): the occurrence no longer recurs.
        let mut ended = s.clone();
        ended.extra.remove(EVERY_KEY);
        assert_eq!(interval_of(&next, &[&ended, &next]), None);
        assert_eq!(interval_of(&next, &[&next]), None);
        let mut plain = s.clone();
        plain.extra.remove(EVERY_KEY);
        assert_eq!(interval_of(&plain, &[&plain]), None);
    }

    #[test]
    fn occurrences_are_the_same_on_every_clone() {
        let s = series();
        let next = next_occurrence(&s, &s).unwrap();
        assert_eq!(next.due, Some(day("2026-12-04")));
        assert_eq!(next.series(), Some(s.id));
        assert_eq!(next.created, s.created);
        // The same inputs give the same id; completing it gives the one after.
        assert_eq!(next_occurrence(&s, &s).unwrap().id, next.id);
        let after = next_occurrence(&s, &next).unwrap();
        assert_eq!(after.due, Some(day("2026-12-11")));
        assert_ne!(after.id, next.id);
        let mut ended = s.clone();
        ended.extra.remove(EVERY_KEY);
        assert!(next_occurrence(&ended, &next).is_none());
    }
}
