//! Times and durations as people type them and as records store them. Records store RFC 3339
//! instants with an offset; people type `2026-11-02 14:30`, `yesterday`, `3h ago` or `30d`.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// The instant type every record uses.
pub type Timestamp = DateTime<FixedOffset>;

/// Clock skew tolerated before a record counts as dated in the future (a sender's clock, a
/// teammate's laptop).
pub const FUTURE_TOLERANCE_MINUTES: i64 = 5;

/// Whether `t` is in the future as seen at `now`, beyond the tolerated clock skew: records say
/// what happened, so `log`, imports, ingest, rules and `check` refuse or report such a time.
pub fn is_future(t: Timestamp, now: Timestamp) -> bool {
    t > now + chrono::Duration::minutes(FUTURE_TOLERANCE_MINUTES)
}

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

/// How a store wants dates written with `/` or `.` read (`date_order` in the config):
/// `20/11/2026` is the 20th of November with `dmy`, `11/20/2026` with `mdy`. Without a setting
/// such dates are refused rather than guessed, since `03/04/2026` means two different days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day, month, year: `20/11/2026`, `20.11.2026`.
    Dmy,
    /// Month, day, year: `11/20/2026`.
    Mdy,
    /// Year, month, day: `2026/11/20`.
    Ymd,
}

/// What a typed time is for. It decides the two forms whose meaning depends on it: a bare
/// duration (`1h`) and a bare weekday (`friday`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// When something happened (`--at`): a bare duration is refused (`1h ago` is what was
    /// meant, or `01:00`?), a bare weekday is the latest one, today included.
    Past,
    /// The bound of a period (`--since`, `--until`): a bare duration counts back from now, as
    /// `--since 30d` always has.
    Window,
    /// When something is due (`--due`): a bare duration is refused (`+1w`), a bare weekday is
    /// the next one, today included.
    Future,
}

/// Everything a typed time is read against besides the text: now (`time::now()`, which
/// honours `GITCRM_NOW`), the zone of naive times and the store's date order.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub now: Timestamp,
    pub zone: Tz,
    pub order: Option<DateOrder>,
}

impl Reading {
    /// A reading at the current instant.
    pub fn now(zone: Tz, order: Option<DateOrder>) -> Self {
        Reading {
            now: now(),
            zone,
            order,
        }
    }
}

/// A time as typed, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typed {
    pub at: Timestamp,
    /// The text named a day without a time of day (`2026-11-20`, `yesterday`, `last monday`):
    /// `at` is that day's local midnight, and the end of a period may take the whole day.
    pub day_only: bool,
}

/// Why a typed time was not read, and what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeError {
    pub message: String,
    pub hint: Option<String>,
}

impl std::fmt::Display for TimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

impl From<TimeError> for String {
    fn from(e: TimeError) -> String {
        e.to_string()
    }
}

/// The forms a time can be typed in, for hints.
pub const TIME_FORMS: &str = "2026-11-20 09:12, today 09:00, yesterday 14:00, 2 days ago, last monday, 09:30, now, or RFC 3339 (2026-11-20T09:12:00+01:00)";

/// The forms a due day can be typed in, for hints.
pub const DAY_FORMS: &str = "2026-12-01, today, tomorrow, friday, next monday, +3d, in 2 weeks";

fn fail(message: String, hint: impl Into<Option<String>>) -> TimeError {
    TimeError {
        message,
        hint: hint.into(),
    }
}

/// Reads a point in time as people type it; see docs/everyday.md for the grammar:
///
/// - RFC 3339 (`2026-11-20T09:12:00+01:00`), kept with its offset;
/// - a day, optionally followed by a time of day (`at` may join them): `2026-11-20`,
///   `20/11/2026` (in the store's `date_order`), `today`, `yesterday`, `tomorrow`,
///   `last monday`, `next friday`, `monday`;
/// - a time of day alone, meaning today: `09:30`, `9:30:15`, `2pm`, `noon`;
/// - relative: `now`, `2 days ago`, `3h ago`, `1 hour 30 minutes ago`, `in 2 weeks`, `+3d`,
///   `-3d`; a bare duration (`30d`) only where [`Expect::Window`] allows it.
///
/// Naive dates and times are local times in `reading.zone` (a time skipped by a daylight-saving
/// change is an error, one that occurs twice takes the earlier instant); sub-second digits are
/// dropped.
pub fn parse_time(text: &str, reading: &Reading, expect: Expect) -> Result<Typed, TimeError> {
    let original = text.trim();
    let shown = || crate::model::text::escape(original).into_owned();
    if original.is_empty() {
        return Err(fail(
            "no time given".into(),
            Some(format!("use {TIME_FORMS}")),
        ));
    }
    if original.chars().count() > 64 {
        return Err(fail(
            format!(
                "`{}` is too long to be a time",
                crate::model::text::truncate(&shown(), 40)
            ),
            Some(format!("use {TIME_FORMS}")),
        ));
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(original) {
        return Ok(Typed {
            at: truncate(t),
            day_only: false,
        });
    }
    let lower = original.to_lowercase();
    let words = split_words(&lower);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words == ["now"] {
        return Ok(Typed {
            at: reading.now,
            day_only: false,
        });
    }
    if let Some(result) = relative(&words, reading, expect, &shown()) {
        return result.map(|at| Typed {
            at,
            day_only: false,
        });
    }
    if let Some(result) = calendar(&words, reading, expect) {
        return result;
    }
    Err(fail(
        format!("cannot read `{}` as a time", shown()),
        Some(format!("use {TIME_FORMS}")),
    ))
}

/// Reads a day as people type it for a due date: every form of [`parse_time`] read with
/// [`Expect::Future`], taking the local day of the instant (`tomorrow`, `friday`,
/// `next monday`, `+3d`, `in 2 weeks`, `2026-12-01`, `01/12/2026`).
pub fn parse_day(text: &str, reading: &Reading) -> Result<NaiveDate, TimeError> {
    match parse_time(text, reading, Expect::Future) {
        Ok(t) => Ok(t.at.with_timezone(&reading.zone).date_naive()),
        Err(mut e) => {
            e.message = e.message.replace("as a time", "as a date");
            if e.hint.as_deref() == Some(&format!("use {TIME_FORMS}")) {
                e.hint = Some(format!("use {DAY_FORMS}"));
            }
            Err(e)
        }
    }
}

/// Parses a point in time as a person writes it, counting bare durations back from `now` (the
/// reading of period bounds); the store's date order is not known here.
pub fn parse_when(text: &str, now: Timestamp, zone: Tz) -> Result<Timestamp, String> {
    let reading = Reading {
        now,
        zone,
        order: None,
    };
    parse_time(text, &reading, Expect::Window)
        .map(|t| t.at)
        .map_err(String::from)
}

/// Parses a calendar date for a due date (see [`parse_day`]); the store's date order is not
/// known here.
pub fn parse_date(text: &str, now: Timestamp, zone: Tz) -> Result<NaiveDate, String> {
    let reading = Reading {
        now,
        zone,
        order: None,
    };
    parse_day(text, &reading).map_err(String::from)
}

/// Splits typed text into words, with the `T` of `2026-11-20T09:12` and an `am`/`pm` written
/// apart (`2 pm`) normalised, so the grammar sees one shape for each form.
fn split_words(lower: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in lower.split_whitespace() {
        let word = word.trim_end_matches(',');
        if word.is_empty() {
            continue;
        }
        let bytes = word.as_bytes();
        if bytes.len() > 11
            && bytes[10] == b't'
            && bytes[..10].iter().all(|b| b.is_ascii_digit() || *b == b'-')
        {
            out.push(word[..10].to_string());
            out.push(word[11..].to_string());
            continue;
        }
        if matches!(word, "am" | "pm" | "a.m." | "p.m.")
            && let Some(last) = out.last_mut()
            && last.bytes().next().is_some_and(|b| b.is_ascii_digit())
        {
            last.push_str(&word.replace('.', ""));
            continue;
        }
        out.push(word.to_string());
    }
    out
}

/// One unit of a spelled-out duration (`2 days`, `an hour`).
fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "s" | "sec" | "secs" | "second" | "seconds" => Unit::Seconds(1),
        "m" | "min" | "mins" | "minute" | "minutes" => Unit::Seconds(60),
        "h" | "hr" | "hrs" | "hour" | "hours" => Unit::Seconds(3600),
        "d" | "day" | "days" => Unit::Days(1),
        "w" | "wk" | "wks" | "week" | "weeks" => Unit::Days(7),
        "month" | "months" => Unit::Months(1),
        "year" | "years" => Unit::Months(12),
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy)]
enum Unit {
    Seconds(i64),
    Days(i64),
    Months(u32),
}

/// A span as typed: wall-clock seconds plus calendar days and months (`2 days` keeps the local
/// time across a daylight-saving change, `48h` does not).
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    seconds: i64,
    days: i64,
    months: u32,
}

impl Span {
    fn add(mut self, n: i64, unit: Unit) -> Option<Span> {
        match unit {
            Unit::Seconds(s) => self.seconds = self.seconds.checked_add(n.checked_mul(s)?)?,
            Unit::Days(d) => self.days = self.days.checked_add(n.checked_mul(d)?)?,
            Unit::Months(m) => {
                self.months = self
                    .months
                    .checked_add(u32::try_from(n).ok()?.checked_mul(m)?)?
            }
        }
        (self.days.abs() < 1_000_000
            && self.seconds.abs() < 100_000_000_000
            && self.months < 100_000)
            .then_some(self)
    }

    /// `now` moved by the span, backwards or forwards, in `zone` for the calendar parts.
    fn apply(self, now: Timestamp, zone: Tz, back: bool) -> Option<Timestamp> {
        let local = now.with_timezone(&zone).naive_local();
        let months = chrono::Months::new(self.months);
        let days = chrono::Days::new(self.days.unsigned_abs());
        let shifted = if back {
            local.checked_sub_months(months)?.checked_sub_days(days)?
        } else {
            local.checked_add_months(months)?.checked_add_days(days)?
        };
        let base = if self.days == 0 && self.months == 0 {
            now
        } else {
            zone.from_local_datetime(&shifted)
                .earliest()
                .or_else(|| {
                    zone.from_local_datetime(&(shifted + Duration::hours(1)))
                        .earliest()
                })?
                .fixed_offset()
        };
        let wall = Duration::try_seconds(self.seconds)?;
        let t = if back {
            base.checked_sub_signed(wall)?
        } else {
            base.checked_add_signed(wall)?
        };
        Some(truncate(t))
    }
}

/// A compact duration (`3h`, `1h30m`, `2w`) as a span.
fn compact(word: &str) -> Option<Span> {
    let d = parse_duration(word).ok()?;
    Some(Span {
        seconds: d.num_seconds(),
        ..Span::default()
    })
}

/// A spelled-out duration: `2 days`, `an hour`, `1 hour 30 minutes`, or one compact word.
fn spelled(words: &[&str]) -> Option<Span> {
    if let [word] = words
        && let Some(span) = compact(word)
    {
        return Some(span);
    }
    if words.is_empty() || !words.len().is_multiple_of(2) {
        return None;
    }
    let mut span = Span::default();
    for pair in words.chunks(2) {
        let n: i64 = match pair[0] {
            "a" | "an" | "one" => 1,
            digits => digits.parse().ok().filter(|n: &i64| *n >= 0)?,
        };
        span = span.add(n, unit(pair[1])?)?;
    }
    Some(span)
}

/// The relative forms: `... ago`, `in ...`, `+3d`, `-3d`, and a bare duration. `None` when the
/// words are not relative at all.
fn relative(
    words: &[&str],
    reading: &Reading,
    expect: Expect,
    shown: &str,
) -> Option<Result<Timestamp, TimeError>> {
    let too_far = || fail(format!("`{shown}` is too far from now"), None);
    let (span, back) = match words {
        [rest @ .., "ago"] => (spelled(rest)?, true),
        ["in", rest @ ..] => (spelled(rest)?, false),
        [word] if word.starts_with('+') => (compact(&word[1..])?, false),
        [word] if word.starts_with('-') => (compact(&word[1..])?, true),
        [word] => {
            let span = compact(word)?;
            match expect {
                Expect::Window => (span, true),
                Expect::Past => {
                    return Some(Err(fail(
                        format!("`{shown}` is a duration, not a time"),
                        Some(format!("write `{shown} ago` for that long before now")),
                    )));
                }
                Expect::Future => {
                    return Some(Err(fail(
                        format!("`{shown}` is a duration, not a time"),
                        Some(format!(
                            "write `+{shown}` or `in {shown}` for that long from now"
                        )),
                    )));
                }
            }
        }
        _ => return None,
    };
    Some(
        span.apply(reading.now, reading.zone, back)
            .ok_or_else(too_far),
    )
}

const WEEKDAYS: [(&str, &str, Weekday); 7] = [
    ("mon", "monday", Weekday::Mon),
    ("tue", "tuesday", Weekday::Tue),
    ("wed", "wednesday", Weekday::Wed),
    ("thu", "thursday", Weekday::Thu),
    ("fri", "friday", Weekday::Fri),
    ("sat", "saturday", Weekday::Sat),
    ("sun", "sunday", Weekday::Sun),
];

fn weekday(word: &str) -> Option<Weekday> {
    let word = match word {
        "tues" => "tue",
        "thur" | "thurs" => "thu",
        w => w,
    };
    WEEKDAYS
        .iter()
        .find(|(short, long, _)| word == *short || word == *long)
        .map(|(_, _, d)| *d)
}

/// The day named by `words` (one or two words), relative to `today`.
fn day(
    words: &[&str],
    today: NaiveDate,
    order: Option<DateOrder>,
    expect: Expect,
) -> Option<Result<NaiveDate, TimeError>> {
    let shift = |days: i64| today.checked_add_signed(Duration::days(days));
    let nearest = |target: Weekday, forward: bool, strict: bool| -> Option<NaiveDate> {
        let from = today.weekday().num_days_from_monday() as i64;
        let to = target.num_days_from_monday() as i64;
        let mut delta = if forward {
            (to - from).rem_euclid(7)
        } else {
            -(from - to).rem_euclid(7)
        };
        if strict && delta == 0 {
            delta = if forward { 7 } else { -7 };
        }
        shift(delta)
    };
    let found = match words {
        ["today"] => shift(0),
        ["yesterday"] => shift(-1),
        ["tomorrow"] => shift(1),
        ["last", w] => nearest(weekday(w)?, false, true),
        ["next", w] => nearest(weekday(w)?, true, true),
        ["this", w] => nearest(weekday(w)?, expect == Expect::Future, false),
        [w] if weekday(w).is_some() => nearest(weekday(w)?, expect == Expect::Future, false),
        [w] => return written_date(w, order),
        _ => return None,
    };
    Some(found.ok_or_else(|| fail("that day is out of range".into(), None)))
}

/// A date written with digits: ISO `2026-11-20` always; `20/11/2026`, `20.11.2026` and
/// `2026/11/20` in the store's order.
fn written_date(word: &str, order: Option<DateOrder>) -> Option<Result<NaiveDate, TimeError>> {
    if let Ok(day) = NaiveDate::parse_from_str(word, "%Y-%m-%d")
        && word.len() == 10
    {
        return Some(Ok(day));
    }
    let sep = if word.contains('/') {
        '/'
    } else if word.contains('.') {
        '.'
    } else {
        return None;
    };
    let parts: Vec<&str> = word.split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else {
        match order {
            Some(DateOrder::Dmy) => (parts[2], parts[1], parts[0]),
            Some(DateOrder::Mdy) => (parts[2], parts[0], parts[1]),
            Some(DateOrder::Ymd) | None => {
                return Some(Err(fail(
                    format!("`{word}` could be read in more than one day order"),
                    Some(
                        "write 2026-11-20, or set `date_order: dmy` (or `mdy`) in .gitcrm/config.yaml to type dates as 20/11/2026".into(),
                    ),
                )));
            }
        }
    };
    if y.len() != 4 {
        return Some(Err(fail(
            format!("`{word}`: write the year with four digits"),
            None,
        )));
    }
    let date = NaiveDate::from_ymd_opt(n(y)? as i32, n(m)?, n(d)?);
    Some(date.ok_or_else(|| fail(format!("`{word}` is not a day of the calendar"), None)))
}

/// A time of day: `09:30`, `9:30:15`, `2pm`, `2:30pm`, `noon`, `midnight`.
fn time_of_day(word: &str) -> Option<NaiveTime> {
    match word {
        "noon" | "midday" => return NaiveTime::from_hms_opt(12, 0, 0),
        "midnight" => return Some(NaiveTime::MIN),
        _ => {}
    }
    let (clock, half) = if let Some(rest) = word.strip_suffix("am") {
        (rest, Some(false))
    } else if let Some(rest) = word.strip_suffix("pm") {
        (rest, Some(true))
    } else {
        (word, None)
    };
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.is_empty() || parts.len() > 3 || (parts.len() == 1 && half.is_none()) {
        return None;
    }
    if !parts.iter().enumerate().all(|(i, p)| {
        !p.is_empty()
            && p.len() <= 2
            && (i == 0 || p.len() == 2)
            && p.bytes().all(|b| b.is_ascii_digit())
    }) {
        return None;
    }
    let mut hour: u32 = parts[0].parse().ok()?;
    let minute: u32 = parts.get(1).map_or(Some(0), |p| p.parse().ok())?;
    let second: u32 = parts.get(2).map_or(Some(0), |p| p.parse().ok())?;
    if let Some(pm) = half {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// The calendar forms: a day, a time of day, or both.
fn calendar(words: &[&str], reading: &Reading, expect: Expect) -> Option<Result<Typed, TimeError>> {
    let zone = reading.zone;
    let today = reading.now.with_timezone(&zone).date_naive();
    let (day_words, clock) = match words {
        [w] if time_of_day(w).is_some() => (&[][..], time_of_day(w)),
        [rest @ .., "at", w] | [rest @ .., w] if !rest.is_empty() && time_of_day(w).is_some() => {
            (rest, time_of_day(w))
        }
        _ => (words, None),
    };
    let date = if day_words.is_empty() {
        today
    } else {
        match day(day_words, today, reading.order, expect)? {
            Ok(d) => d,
            Err(e) => return Some(Err(e)),
        }
    };
    let naive = date.and_time(clock.unwrap_or(NaiveTime::MIN));
    Some(
        local(naive, zone)
            .map_err(|m| fail(m, None))
            .map(|at| Typed {
                at,
                day_only: clock.is_none(),
            }),
    )
}

fn local(naive: NaiveDateTime, zone: Tz) -> Result<Timestamp, String> {
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.fixed_offset())
        .ok_or_else(|| format!("{naive} does not exist in {zone} (a daylight-saving gap)"))
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
    use chrono::Timelike;

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

    fn reading(now: &str, zone: &str, order: Option<DateOrder>) -> Reading {
        Reading {
            now: at(now),
            zone: zone.parse().unwrap(),
            order,
        }
    }

    fn read(text: &str, r: &Reading, expect: Expect) -> Timestamp {
        parse_time(text, r, expect)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .at
    }

    /// Every form of the grammar, on Monday 23 November 2026 at 10:00 in Paris.
    #[test]
    fn grammar_forms() {
        let r = reading(
            "2026-11-23T10:00:00+01:00",
            "Europe/Paris",
            Some(DateOrder::Dmy),
        );
        let past = |t: &str| read(t, &r, Expect::Past);
        assert_eq!(past("today 09:00"), at("2026-11-23T09:00:00+01:00"));
        assert_eq!(past("yesterday 14:00"), at("2026-11-22T14:00:00+01:00"));
        assert_eq!(past("yesterday at 2pm"), at("2026-11-22T14:00:00+01:00"));
        assert_eq!(past("Yesterday"), at("2026-11-22T00:00:00+01:00"));
        assert_eq!(past("2 days ago"), at("2026-11-21T10:00:00+01:00"));
        assert_eq!(past("an hour ago"), at("2026-11-23T09:00:00+01:00"));
        assert_eq!(
            past("1 hour 30 minutes ago"),
            at("2026-11-23T08:30:00+01:00")
        );
        assert_eq!(past("3h ago"), at("2026-11-23T07:00:00+01:00"));
        assert_eq!(past("-1w"), at("2026-11-16T10:00:00+01:00"));
        assert_eq!(past("last monday"), at("2026-11-16T00:00:00+01:00"));
        assert_eq!(past("last friday 16:30"), at("2026-11-20T16:30:00+01:00"));
        assert_eq!(past("monday"), at("2026-11-23T00:00:00+01:00"));
        assert_eq!(past("sunday"), at("2026-11-22T00:00:00+01:00"));
        assert_eq!(past("09:30"), at("2026-11-23T09:30:00+01:00"));
        assert_eq!(past("9:30:15"), at("2026-11-23T09:30:15+01:00"));
        assert_eq!(past("noon"), at("2026-11-23T12:00:00+01:00"));
        assert_eq!(past("2026-11-20 09:12"), at("2026-11-20T09:12:00+01:00"));
        assert_eq!(past("2026-11-20T09:12"), at("2026-11-20T09:12:00+01:00"));
        assert_eq!(past("2026-11-20"), at("2026-11-20T00:00:00+01:00"));
        assert_eq!(past("20/11/2026"), at("2026-11-20T00:00:00+01:00"));
        assert_eq!(past("20.11.2026 9:12"), at("2026-11-20T09:12:00+01:00"));
        assert_eq!(past("2026/11/20"), at("2026-11-20T00:00:00+01:00"));
        assert_eq!(past("1 month ago"), at("2026-10-23T10:00:00+02:00"));
        assert_eq!(
            past("2026-11-20T09:12:00.5-05:00"),
            at("2026-11-20T09:12:00-05:00")
        );
        assert_eq!(past("now"), r.now);
        assert!(
            parse_time("last monday", &r, Expect::Past)
                .unwrap()
                .day_only
        );
        assert!(
            !parse_time("today 09:00", &r, Expect::Past)
                .unwrap()
                .day_only
        );

        let due = |t: &str| parse_day(t, &r).unwrap_or_else(|e| panic!("{t}: {e}"));
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(due("tomorrow"), day("2026-11-24"));
        assert_eq!(due("friday"), day("2026-11-27"));
        assert_eq!(due("monday"), day("2026-11-23"));
        assert_eq!(due("next monday"), day("2026-11-30"));
        assert_eq!(due("+3d"), day("2026-11-26"));
        assert_eq!(due("in 2 weeks"), day("2026-12-07"));
        assert_eq!(due("01/12/2026"), day("2026-12-01"));

        let mdy = reading("2026-11-23T10:00:00Z", "UTC", Some(DateOrder::Mdy));
        assert_eq!(
            read("11/20/2026", &mdy, Expect::Past),
            at("2026-11-20T00:00:00Z")
        );
    }

    #[test]
    fn grammar_refusals() {
        let r = reading("2026-11-23T10:00:00Z", "UTC", None);
        let err = |t: &str, e: Expect| parse_time(t, &r, e).unwrap_err();
        let bare = err("1h", Expect::Past);
        assert_eq!(bare.message, "`1h` is a duration, not a time");
        assert_eq!(
            bare.hint.as_deref(),
            Some("write `1h ago` for that long before now")
        );
        assert!(err("3d", Expect::Future).hint.unwrap().contains("`+3d`"));
        assert_eq!(read("30d", &r, Expect::Window), at("2026-10-24T10:00:00Z"));
        let slash = err("20/11/2026", Expect::Past);
        assert!(
            slash
                .hint
                .as_deref()
                .unwrap_or_default()
                .contains("date_order: dmy"),
            "{slash:?}"
        );
        let dmy = reading("2026-11-23T10:00:00Z", "UTC", Some(DateOrder::Dmy));
        assert!(parse_time("20/11/26", &dmy, Expect::Past).is_err());
        assert!(parse_time("31/02/2026", &dmy, Expect::Past).is_err());
        for bad in [
            "soon",
            "9",
            "25:00",
            "13pm",
            "last",
            "next blursday",
            "2 fortnights ago",
            "",
            "in",
            "ago",
        ] {
            assert!(parse_time(bad, &r, Expect::Past).is_err(), "{bad}");
        }
        assert!(
            err("soonish", Expect::Past)
                .message
                .starts_with("cannot read `soonish` as a time")
        );
        assert!(
            parse_day("someday", &r)
                .unwrap_err()
                .message
                .contains("as a date")
        );
        assert!(parse_time("100000000d ago", &r, Expect::Past).is_err());
        assert!(parse_time("in 99999999 years", &r, Expect::Future).is_err());
        let paris = reading("2026-11-23T10:00:00Z", "Europe/Paris", None);
        let gap = parse_time("2026-03-29 02:30", &paris, Expect::Past).unwrap_err();
        assert!(
            gap.message.contains("does not exist in Europe/Paris"),
            "{gap:?}"
        );
    }

    proptest::proptest! {
        /// Nothing typed makes the parser panic, and whatever it reads has whole seconds.
        #[test]
        fn never_panics(text in "\\PC{0,40}", secs in 0i64..4_000_000_000) {
            let now = DateTime::from_timestamp(secs, 0).unwrap().fixed_offset();
            let r = Reading { now, zone: "Europe/Paris".parse().unwrap(), order: Some(DateOrder::Dmy) };
            for expect in [Expect::Past, Expect::Window, Expect::Future] {
                if let Ok(t) = parse_time(&text, &r, expect) {
                    proptest::prop_assert_eq!(t.at.timestamp_subsec_nanos(), 0);
                }
            }
        }

        /// A local time written `YYYY-MM-DD HH:MM`, or in the store's day order, reads back as the
        /// instant it was written from (times in a daylight-saving gap or fold aside).
        #[test]
        fn written_times_round_trip(secs in 0i64..4_000_000_000, dmy in proptest::bool::ANY) {
            let zone: Tz = "Europe/Paris".parse().unwrap();
            let t = DateTime::from_timestamp(secs - secs % 60, 0).unwrap().with_timezone(&zone);
            let unique = zone.from_local_datetime(&t.naive_local()).single().is_some();
            proptest::prop_assume!(unique);
            let order = if dmy { DateOrder::Dmy } else { DateOrder::Mdy };
            let r = Reading { now: t.fixed_offset(), zone, order: Some(order) };
            let iso = t.format("%Y-%m-%d %H:%M").to_string();
            proptest::prop_assert_eq!(read(&iso, &r, Expect::Past), t.fixed_offset());
            let local = if dmy { t.format("%d/%m/%Y %H:%M") } else { t.format("%m/%d/%Y %H:%M") }.to_string();
            proptest::prop_assert_eq!(read(&local, &r, Expect::Past), t.fixed_offset());
            let rfc = rfc3339(&t.fixed_offset());
            proptest::prop_assert_eq!(read(&rfc, &r, Expect::Past), t.fixed_offset());
        }

        /// `N days ago`, `N hours ago` and `in N days` move now by exactly that much (days in
        /// local days), and `today HH:MM` is on today's local date.
        #[test]
        fn relative_forms(secs in 0i64..4_000_000_000, n in 0i64..400, h in 0u32..24, m in 0u32..60) {
            let zone: Tz = "UTC".parse().unwrap();
            let now = DateTime::from_timestamp(secs, 0).unwrap().fixed_offset();
            let r = Reading { now, zone, order: None };
            proptest::prop_assert_eq!(read(&format!("{n} days ago"), &r, Expect::Past), now - Duration::days(n));
            proptest::prop_assert_eq!(read(&format!("{n}h ago"), &r, Expect::Past), now - Duration::hours(n));
            proptest::prop_assert_eq!(read(&format!("in {n} days"), &r, Expect::Future), now + Duration::days(n));
            let today = read(&format!("today {h:02}:{m:02}"), &r, Expect::Past);
            proptest::prop_assert_eq!(today.date_naive(), now.date_naive());
            proptest::prop_assert_eq!((today.hour(), today.minute()), (h, m));
            let bare = parse_time(&format!("{}h", n + 1), &r, Expect::Past);
            proptest::prop_assert!(bare.is_err());
        }
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
