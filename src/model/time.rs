//! Times and durations as people type them and as records store them. Records store RFC 3339
//! instants with an offset; people type `2026-11-02 14:30`, `yesterday`, `3h ago` or `30d`.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The instant type every record uses.
pub type Timestamp = DateTime<FixedOffset>;

/// The current instant, truncated to whole seconds (records never carry sub-second noise).
pub fn now() -> Timestamp {
    truncate(super::clock::utc_now().fixed_offset())
}

/// Reads the instant a fixed clock is set to (`GITCRM_NOW`): RFC 3339, or a date meaning its
/// midnight UTC.
pub fn parse_fixed_instant(text: &str) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.to_utc());
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day.and_time(NaiveTime::MIN).and_utc());
    }
    Err(format!(
        "`{}` is not an RFC 3339 instant (2026-11-20T09:00:00Z) or a date (2026-11-20)",
        super::text::escape(text)
    ))
}

/// Drops sub-second precision.
pub fn truncate(t: Timestamp) -> Timestamp {
    use chrono::Timelike;
    t.with_nanosecond(0).unwrap_or(t)
}

/// Parses an IANA zone name (`Europe/Paris`) or `UTC`.
pub fn parse_zone(name: &str) -> Result<Tz, String> {
    name.parse::<Tz>()
        .map_err(|_| format!("`{name}` is not an IANA time zone (for example Europe/Paris or UTC)"))
}

/// Parses a point in time as a person writes it. Naive dates and times are read in `zone`;
/// relative forms (`3h ago`, `2d`, `yesterday`) count back from `now`.
pub fn parse_when(text: &str, now: Timestamp, zone: Tz) -> Result<Timestamp, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(truncate(t));
    }
    match text {
        "now" => return Ok(now),
        "today" => return local_midnight(now.with_timezone(&zone).date_naive(), zone),
        "yesterday" => {
            let day = now.with_timezone(&zone).date_naive() - Duration::days(1);
            return local_midnight(day, zone);
        }
        _ => {}
    }
    let relative = text.strip_suffix(" ago").unwrap_or(text);
    if let Ok(d) = parse_duration(relative) {
        return now
            .checked_sub_signed(d)
            .ok_or_else(|| format!("`{}` is too far back", crate::model::text::escape(text)));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return local(naive, zone);
        }
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return local_midnight(day, zone);
    }
    Err(format!(
        "cannot read `{}` as a time: use RFC 3339 (2026-11-02T14:30:00+01:00), `2026-11-02 14:30`, `2026-11-02`, `now`, `yesterday` or `3h ago`",
        crate::model::text::escape(text)
    ))
}

/// Parses a calendar date (`2026-12-01`), or a relative day count from today (`+3d`, `7d`).
pub fn parse_date(text: &str, now: Timestamp, zone: Tz) -> Result<NaiveDate, String> {
    let text = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day);
    }
    let today = now.with_timezone(&zone).date_naive();
    match text {
        "today" => return Ok(today),
        "tomorrow" => return Ok(today + Duration::days(1)),
        _ => {}
    }
    if let Ok(d) = parse_duration(text.trim_start_matches('+')) {
        return now
            .with_timezone(&zone)
            .checked_add_signed(d)
            .map(|t| t.date_naive())
            .ok_or_else(|| format!("`{}` is too far ahead", crate::model::text::escape(text)));
    }
    Err(format!(
        "cannot read `{}` as a date: use 2026-12-01, `today`, `tomorrow` or `+3d`",
        crate::model::text::escape(text)
    ))
}

fn local(naive: NaiveDateTime, zone: Tz) -> Result<Timestamp, String> {
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.fixed_offset())
        .ok_or_else(|| format!("{naive} does not exist in {zone} (a daylight-saving gap)"))
}

fn local_midnight(day: NaiveDate, zone: Tz) -> Result<Timestamp, String> {
    local(day.and_time(NaiveTime::MIN), zone)
}

/// Parses a duration: `90s`, `45m`, `4h`, `1d`, `2w`, or combinations such as `1h30m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let bad = || {
        format!(
            "cannot read `{}` as a duration: use 45m, 4h, 1d, 2w or 1h30m",
            crate::model::text::escape(text)
        )
    };
    if text.is_empty() {
        return Err(bad());
    }
    let mut total = Duration::zero();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().map_err(|_| bad())?;
        digits.clear();
        let unit = match c {
            's' => Duration::try_seconds(n),
            'm' => Duration::try_minutes(n),
            'h' => Duration::try_hours(n),
            'd' => Duration::try_days(n),
            'w' => Duration::try_weeks(n),
            _ => None,
        };
        total = total.checked_add(&unit.ok_or_else(bad)?).ok_or_else(bad)?;
    }
    if !digits.is_empty() {
        return Err(bad());
    }
    Ok(total)
}

/// Formats a duration compactly for people: `45m`, `3h 12m`, `2d 4h`.
pub fn format_duration(d: Duration) -> String {
    let negative = d < Duration::zero();
    let secs = d.num_seconds().unsigned_abs();
    let (days, hours, minutes) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    let body = match (days, hours, minutes) {
        (0, 0, 0) => format!("{secs}s"),
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    };
    if negative { format!("-{body}") } else { body }
}

/// Formats an instant as RFC 3339 in its own offset, seconds precision.
pub fn rfc3339(t: &Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("4h").unwrap(), Duration::hours(4));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::minutes(90));
        assert!(parse_duration("4").is_err());
        assert!(parse_duration("h").is_err());
        assert!(parse_duration("99999999999999999w").is_err());
        assert_eq!(format_duration(Duration::minutes(192)), "3h 12m");
        assert_eq!(format_duration(Duration::hours(52)), "2d 4h");
    }

    #[test]
    fn when_forms() {
        let now = at("2026-11-23T10:00:00Z");
        let paris: Tz = "Europe/Paris".parse().unwrap();
        assert_eq!(
            parse_when("3h ago", now, Tz::UTC).unwrap(),
            at("2026-11-23T07:00:00Z")
        );
        assert_eq!(
            parse_when("2026-11-02 14:30", now, paris).unwrap(),
            at("2026-11-02T14:30:00+01:00")
        );
        assert_eq!(
            parse_when("yesterday", now, Tz::UTC).unwrap(),
            at("2026-11-22T00:00:00Z")
        );
        assert!(parse_when("soon", now, Tz::UTC).is_err());
        assert!(parse_when("100000000d ago", now, Tz::UTC).is_err());
        assert!(parse_date("+100000000d", now, Tz::UTC).is_err());
        assert_eq!(
            parse_date("+3d", now, Tz::UTC).unwrap().to_string(),
            "2026-11-26"
        );
    }
}
