//! Reading the text of a cell as a typed value: times (with the rules' formats and zone),
//! booleans, lists, enums. Errors are short sentences; the caller adds `file:row:column`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use crate::model::Timestamp;
use crate::model::text::escape;

/// How times are read: formats tried in order, and the zone of times without an offset.
#[derive(Debug, Clone)]
pub struct TimeReader {
    pub zone: Tz,
    pub formats: Vec<String>,
}

const BUILT_IN: [&str; 5] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
];

impl TimeReader {
    /// Reads an instant: RFC 3339, then the rules' formats, then ISO 8601 without an offset.
    /// A format without a time gives midnight; a time without an offset is read in `zone`.
    pub fn parse(&self, text: &str) -> Result<Timestamp, String> {
        let text = text.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(text) {
            return Ok(crate::model::time::truncate(t));
        }
        for format in self
            .formats
            .iter()
            .map(String::as_str)
            .chain(BUILT_IN.iter().copied())
        {
            if let Ok(t) = DateTime::parse_from_str(text, format) {
                return Ok(crate::model::time::truncate(t));
            }
            if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
                return self.local(naive);
            }
            if let Ok(day) = NaiveDate::parse_from_str(text, format) {
                return self.local(day.and_time(NaiveTime::MIN));
            }
        }
        let tried = if self.formats.is_empty() {
            "RFC 3339 or YYYY-MM-DD[ HH:MM[:SS]]; add `date_formats` to the rules for other layouts"
                .to_string()
        } else {
            format!(
                "RFC 3339, {} or YYYY-MM-DD[ HH:MM[:SS]]",
                self.formats.join(", ")
            )
        };
        Err(format!("`{}` is not a time ({tried})", escape(text)))
    }

    fn local(&self, naive: NaiveDateTime) -> Result<Timestamp, String> {
        self.zone
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| crate::model::time::truncate(t.fixed_offset()))
            .ok_or_else(|| {
                format!(
                    "{naive} does not exist in {} (a daylight-saving gap)",
                    self.zone
                )
            })
    }
}

/// Reads a yes/no cell: true/false, yes/no, y/n, 1/0, x/empty (case-insensitive).
pub fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "x" => Ok(true),
        "false" | "no" | "n" | "0" | "" => Ok(false),
        other => Err(format!(
            "`{}` is not yes or no (true/false, yes/no, 1/0)",
            escape(other)
        )),
    }
}

/// Splits a list cell on `separator`, trims, drops empties and duplicates (first wins).
pub fn split_list(text: &str, separator: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(separator).map(str::trim) {
        if !part.is_empty() && !out.iter().any(|p| p == part) {
            out.push(part.to_string());
        }
    }
    out
}

/// Reads a lowercase enum value as serde names it (`active`, `inbound`).
pub fn parse_enum<T: serde::de::DeserializeOwned>(text: &str, allowed: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_lowercase()))
        .map_err(|_| format!("`{}` is not one of {allowed}", escape(text)))
}

pub use crate::model::ids::stable_hash;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        let reader = TimeReader {
            zone: paris,
            formats: vec!["%d/%m/%Y %H:%M".into(), "%d/%m/%Y".into()],
        };
        let t = |s: &str| reader.parse(s).map(|t| t.to_rfc3339());
        assert_eq!(t("02/11/2026 14:30").unwrap(), "2026-11-02T14:30:00+01:00");
        assert_eq!(t("02/11/2026").unwrap(), "2026-11-02T00:00:00+01:00");
        assert_eq!(t("2026-07-01 08:00").unwrap(), "2026-07-01T08:00:00+02:00");
        assert_eq!(
            t("2026-07-01T08:00:00Z").unwrap(),
            "2026-07-01T08:00:00+00:00"
        );
        assert!(t("31/02/2026").is_err());
        assert!(
            t("2026-03-29 02:30")
                .unwrap_err()
                .contains("daylight-saving gap")
        );
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab", ""]), stable_hash(&["a", "b"]));
        let short = |key: &str| {
            let at = chrono::Utc::now();
            crate::model::RecordId::from_parts(at, stable_hash(&["touchpoint", "desk", key]))
                .short()
        };
        assert_ne!(
            short("T-1"),
            short("T-2"),
            "neighbouring keys get different short ids"
        );
        assert_eq!(short("T-1"), short("T-1"));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A list cell splits into trimmed, non-empty, distinct items, in order.
        #[test]
        fn lists(items in proptest::collection::vec("[a-z]{0,5}", 0..6)) {
            let cell = items.iter().map(|i| format!(" {i} ")).collect::<Vec<_>>().join(",");
            let out = split_list(&cell, ",");
            let mut expected: Vec<String> = Vec::new();
            for i in &items { if !i.is_empty() && !expected.contains(i) { expected.push(i.clone()); } }
            prop_assert_eq!(out, expected);
        }

        /// Any instant written as RFC 3339 reads back as itself, whatever the zone and formats.
        #[test]
        fn rfc3339_round_trips(secs in 0i64..4_000_000_000, offset_min in -720i32..=840) {
            let offset = chrono::FixedOffset::east_opt(offset_min * 60).unwrap();
            let t = chrono::Utc.timestamp_opt(secs, 0).unwrap().with_timezone(&offset);
            let reader = TimeReader { zone: Tz::Asia__Tokyo, formats: vec!["%d/%m/%Y".into()] };
            prop_assert_eq!(reader.parse(&t.to_rfc3339()).unwrap(), t);
        }

        /// Reading never panics on arbitrary text.
        #[test]
        fn parse_total(text in "\\PC{0,30}") {
            let reader = TimeReader { zone: Tz::UTC, formats: vec!["%d/%m/%Y %H:%M".into()] };
            let _ = reader.parse(&text);
            let _ = parse_bool(&text);
        }
    }
}
