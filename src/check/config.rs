//! The `config` check: `.gitcrm/config.yaml` names things that exist (teams, calendars, record
//! kinds), its zones are IANA zones, its hours, targets and durations parse.

use std::collections::HashMap;

use super::{Ctx, Problem};
use crate::model::records::RecordKind;
use crate::model::{suggest, time};
use crate::store::layout;

const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const FILE: &str = layout::CONFIG_FILE;

pub(super) fn run(ctx: &mut Ctx) {
    if !ctx.wants("config") {
        return;
    }
    if let Some(crate::Error::Parse {
        line,
        column,
        message,
        ..
    }) = ctx.config_error.take()
    {
        ctx.push(
            Problem::error("config", message).hint(
                "docs/format.md describes the config; until it parses, the current one is used",
            ),
            FILE,
            Some(line),
            Some(column),
        );
    }
    let config = ctx.config.clone();
    if let Some(zone) = &config.timezone
        && let Err(why) = time::parse_zone(zone)
    {
        ctx.report(Problem::error("config", why), FILE, &["timezone"]);
    }
    let mut emails: HashMap<String, &str> = HashMap::new();
    for (handle, person) in &config.people {
        if let Err(e) = crate::ops::validate_handle(handle) {
            ctx.report(
                Problem::error("config", e.to_string()),
                FILE,
                &["people", handle],
            );
        }
        for team in &person.teams {
            if !config.teams.contains_key(team) {
                let hint = suggest::did_you_mean(team, config.teams.keys().map(String::as_str))
                    .unwrap_or_else(|| format!("add it with `git crm team add {team}`"));
                ctx.report(
                    Problem::error("config", format!("{handle}: unknown team `{team}`")).hint(hint),
                    FILE,
                    &["people", handle, "teams"],
                );
            }
        }
        for email in &person.emails {
            let key = email.to_lowercase();
            match emails.get(&key) {
                Some(other) if *other != handle => ctx.report(
                    Problem::warning(
                        "config",
                        format!("{handle}: email `{email}` is also {other}'s"),
                    )
                    .hint("an email identifies one person: the first match acts"),
                    FILE,
                    &["people", handle, "emails"],
                ),
                _ => {
                    emails.insert(key, handle);
                }
            }
        }
        if let Some(role) = &person.role
            && !config.views.is_empty()
            && !config.views.contains_key(role)
        {
            ctx.report(
                Problem::warning("config", format!("{handle}: role `{role}` has no view"))
                    .maybe_hint(suggest::did_you_mean(
                        role,
                        config.views.keys().map(String::as_str),
                    )),
                FILE,
                &["people", handle, "role"],
            );
        }
    }
    for (name, team) in &config.teams {
        if let Some(lead) = &team.lead
            && !config.people.contains_key(lead)
        {
            let hint = suggest::did_you_mean(lead, config.people.keys().map(String::as_str))
                .unwrap_or_else(|| "name a person of `people:`".to_string());
            ctx.report(
                Problem::error(
                    "config",
                    format!("team {name}: lead `{lead}` is not a person"),
                )
                .hint(hint),
                FILE,
                &["teams", name, "lead"],
            );
        }
        if let Some(calendar) = &team.calendar
            && !config.calendars.contains_key(calendar)
        {
            let hint = suggest::did_you_mean(calendar, config.calendars.keys().map(String::as_str))
                .unwrap_or_else(|| "define it under `calendars`".to_string());
            ctx.report(
                Problem::error(
                    "config",
                    format!("team {name}: unknown calendar `{calendar}`"),
                )
                .hint(hint),
                FILE,
                &["teams", name, "calendar"],
            );
        }
    }
    for (name, calendar) in &config.calendars {
        if let Err(why) = time::parse_zone(&calendar.zone) {
            ctx.report(
                Problem::error("config", format!("calendar {name}: {why}")),
                FILE,
                &["calendars", name, "zone"],
            );
        }
        for (day, ranges) in &calendar.hours {
            if !WEEKDAYS.contains(&day.as_str()) {
                ctx.report(
                    Problem::error(
                        "config",
                        format!("calendar {name}: `{day}` is not a weekday"),
                    )
                    .hint("use mon, tue, wed, thu, fri, sat, sun"),
                    FILE,
                    &["calendars", name, "hours"],
                );
            } else if let Err(why) = hours(ranges) {
                ctx.report(
                    Problem::error("config", format!("calendar {name}, {day}: {why}"))
                        .hint("write ranges as 09:00-17:30, several separated by commas"),
                    FILE,
                    &["calendars", name, "hours"],
                );
            }
        }
    }
    for (name, value) in &config.targets {
        if let Err(why) = time::parse_duration(value) {
            ctx.report(
                Problem::error("config", format!("target {name}: {why}")),
                FILE,
                &["targets", name],
            );
        }
    }
    let kinds: Vec<&str> = RecordKind::ALL.iter().map(|k| k.dir_name()).collect();
    for (role, view) in &config.views {
        for first in &view.first {
            if !kinds.contains(&first.as_str()) {
                ctx.report(
                    Problem::error(
                        "config",
                        format!("view {role}: `{first}` is not a kind of record"),
                    )
                    .hint(format!("use {}", kinds.join(", "))),
                    FILE,
                    &["views", role, "first"],
                );
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for channel in &config.channels {
        if !seen.insert(channel) {
            ctx.report(
                Problem::warning("config", format!("channel `{channel}` is listed twice")),
                FILE,
                &["channels"],
            );
        }
    }
    if config.channels.is_empty() {
        ctx.report(
            Problem::error("config", "no channels: every touchpoint would be refused"),
            FILE,
            &["channels"],
        );
    }
    if let Some(check) = config.extra.get("check") {
        let stale = check.get("stale_after");
        let ok = match stale {
            None => true,
            Some(v) => v.as_str().is_some_and(|s| time::parse_duration(s).is_ok()),
        };
        if !ok {
            ctx.report(
                Problem::error("config", "`check.stale_after` is not a duration")
                    .hint("write it as 30d, 2w or 45d"),
                FILE,
                &["check", "stale_after"],
            );
        }
    }
}

/// Checks `09:00-12:30,13:30-18:00`: each range parses and ends after it starts.
fn hours(ranges: &str) -> Result<(), String> {
    for range in ranges.split(',').map(str::trim).filter(|r| !r.is_empty()) {
        let (start, end) = range
            .split_once('-')
            .ok_or_else(|| format!("`{range}` is not a range"))?;
        let parse = |t: &str| chrono::NaiveTime::parse_from_str(t.trim(), "%H:%M");
        let end = if end.trim() == "24:00" {
            chrono::NaiveTime::from_hms_opt(23, 59, 59).ok_or_else(|| "bad time".to_string())
        } else {
            parse(end).map_err(|e| e.to_string())
        };
        match (parse(start).map_err(|e| e.to_string()), end) {
            (Ok(s), Ok(e)) if s < e => {}
            (Ok(_), Ok(_)) => return Err(format!("`{range}` ends before it starts")),
            _ => return Err(format!("cannot read `{range}`")),
        }
    }
    Ok(())
}
