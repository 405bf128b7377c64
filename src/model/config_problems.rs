//! What can be wrong in `.gitcrm/config.yaml` beyond its YAML: one list of rules, used by the
//! store when it opens (an error stops every command but `check`, naming `file:line:column`)
//! and by `git crm check config` (which reports all of them). A config value is never quietly
//! replaced by a default: an unknown zone is an error, not UTC.

use std::collections::HashMap;

use super::calendar::BusinessCalendar;
use super::config::Config;
use super::records::RecordKind;
use super::{names, suggest, time};

/// One problem, at a key path of the config (`["people", "alice", "emails"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// An error makes the config unusable; a warning does not.
    pub error: bool,
    pub keys: Vec<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl ConfigProblem {
    fn error(keys: &[&str], message: impl Into<String>) -> Self {
        ConfigProblem {
            error: true,
            keys: keys.iter().map(|k| k.to_string()).collect(),
            message: message.into(),
            hint: None,
        }
    }

    fn warning(keys: &[&str], message: impl Into<String>) -> Self {
        ConfigProblem {
            error: false,
            ..Self::error(keys, message)
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

/// Every problem of `config`, in file order of the sections.
pub fn problems(config: &Config) -> Vec<ConfigProblem> {
    let mut out = Vec::new();
    if let Some(zone) = &config.timezone
        && let Err(why) = time::parse_zone(zone)
    {
        out.push(ConfigProblem::error(&["timezone"], why));
    }
    people(config, &mut out);
    teams(config, &mut out);
    channels(config, &mut out);
    for (name, calendar) in &config.calendars {
        if let Err(p) = BusinessCalendar::validate(name, calendar) {
            let keys: Vec<&str> = p.keys.iter().map(String::as_str).collect();
            out.push(ConfigProblem::error(&keys, p.message).hint(p.hint));
        }
    }
    for (name, value) in &config.targets {
        if let Err(why) = time::parse_duration(value) {
            out.push(ConfigProblem::error(&["targets", name], why));
        }
    }
    views(config, &mut out);
    if let Some(check) = config.extra.get("check") {
        let ok = match check.get("stale_after") {
            None => true,
            Some(v) => v.as_str().is_some_and(|s| time::parse_duration(s).is_ok()),
        };
        if !ok {
            out.push(
                ConfigProblem::error(&["check", "stale_after"], "not a duration")
                    .hint("write it as 30d, 2w or 45d"),
            );
        }
    }
    out
}

/// The first error of `config`, if any (what stops a command).
pub fn first_error(config: &Config) -> Option<ConfigProblem> {
    problems(config).into_iter().find(|p| p.error)
}

fn people(config: &Config, out: &mut Vec<ConfigProblem>) {
    let mut emails: HashMap<String, &str> = HashMap::new();
    for (handle, person) in &config.people {
        if let Err(why) = names::validate_handle(handle) {
            out.push(ConfigProblem::error(&["people", handle], why));
            // Nothing else of this entry can be pointed at reliably.
            continue;
        }
        if let Err(why) = names::validate_person_name(&person.name) {
            out.push(
                ConfigProblem::error(&["people", handle, "name"], why.clone())
                    .hint("a person's name becomes the author name of their commits"),
            );
        }
        for team in &person.teams {
            if !config.teams.contains_key(team) {
                let hint = suggest::did_you_mean(team, config.teams.keys().map(String::as_str))
                    .unwrap_or_else(|| format!("add it with `git crm team add {team}`"));
                out.push(
                    ConfigProblem::error(
                        &["people", handle, "teams"],
                        format!("unknown team `{}`", super::text::escape(team)),
                    )
                    .hint(hint),
                );
            }
        }
        for email in &person.emails {
            if let Err(why) = names::validate_email(email) {
                out.push(ConfigProblem::error(
                    &["people", handle, "emails"],
                    why.clone(),
                ));
                continue;
            }
            let key = email.to_lowercase();
            match emails.get(&key) {
                Some(other) if *other != handle => out.push(
                    ConfigProblem::warning(
                        &["people", handle, "emails"],
                        format!("email `{email}` is also {other}'s"),
                    )
                    .hint("an email identifies one person: the first match acts"),
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
            out.push(
                ConfigProblem::warning(
                    &["people", handle, "role"],
                    format!("role `{}` has no view", super::text::escape(role)),
                )
                .maybe_hint(suggest::did_you_mean(
                    role,
                    config.views.keys().map(String::as_str),
                )),
            );
        }
    }
}

fn teams(config: &Config, out: &mut Vec<ConfigProblem>) {
    for (name, team) in &config.teams {
        if let Err(why) = names::validate_handle(name) {
            out.push(ConfigProblem::error(
                &["teams", name],
                why.replace("a handle", "a team name"),
            ));
            continue;
        }
        // A warning, not an error: only rules that escalate to this lead need them, and they
        // say so when they fire.
        if let Some(lead) = &team.lead
            && !config.people.contains_key(lead)
        {
            let hint = suggest::did_you_mean(lead, config.people.keys().map(String::as_str))
                .unwrap_or_else(|| "name a person of `people:`".to_string());
            out.push(
                ConfigProblem::warning(
                    &["teams", name, "lead"],
                    format!("lead `{}` is not a person", super::text::escape(lead)),
                )
                .hint(hint),
            );
        }
        if let Some(calendar) = &team.calendar
            && !config.calendars.contains_key(calendar)
        {
            let hint = suggest::did_you_mean(calendar, config.calendars.keys().map(String::as_str))
                .unwrap_or_else(|| "define it under `calendars`".to_string());
            out.push(
                ConfigProblem::error(
                    &["teams", name, "calendar"],
                    format!("unknown calendar `{}`", super::text::escape(calendar)),
                )
                .hint(hint),
            );
        }
    }
}

fn channels(config: &Config, out: &mut Vec<ConfigProblem>) {
    let mut seen = std::collections::HashSet::new();
    for channel in &config.channels {
        if let Err(why) = names::validate_handle(channel) {
            out.push(ConfigProblem::error(
                &["channels"],
                why.replace("a handle", "a channel name"),
            ));
        } else if !seen.insert(channel) {
            out.push(ConfigProblem::warning(
                &["channels"],
                format!("channel `{channel}` is listed twice"),
            ));
        }
    }
    if config.channels.is_empty() {
        out.push(ConfigProblem::error(
            &["channels"],
            "no channels: every touchpoint would be refused",
        ));
    }
}

fn views(config: &Config, out: &mut Vec<ConfigProblem>) {
    // The kinds a view can put first (corrections are never listed on their own).
    let kinds: Vec<&str> = RecordKind::ALL
        .iter()
        .filter(|k| **k != RecordKind::Correction)
        .map(|k| k.dir_name())
        .collect();
    for (role, view) in &config.views {
        for first in &view.first {
            if !kinds.contains(&first.as_str()) {
                out.push(
                    ConfigProblem::error(
                        &["views", role, "first"],
                        format!("`{}` is not a kind of record", super::text::escape(first)),
                    )
                    .hint(format!("use {}", kinds.join(", "))),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> Config {
        serde_saphyr::from_str(yaml).unwrap()
    }

    #[test]
    fn a_clean_config_has_no_problems() {
        let c = config(
            "people:\n  alice: {name: Alice, emails: [a@x.com], teams: [support]}\nteams:\n  support: {}\n",
        );
        assert_eq!(problems(&c), []);
    }

    #[test]
    fn hostile_values_are_errors_at_their_key() {
        let c = config(
            "timezone: Mars/Olympus\npeople:\n  \"../../evil\": {name: X}\n  bob: {name: \"Bob\\n<x>\", emails: [\"b@x.com\\n\"]}\ntargets:\n  first_response: 99999999999999999w\n",
        );
        let keys: Vec<String> = problems(&c)
            .iter()
            .filter(|p| p.error)
            .map(|p| p.keys.join("."))
            .collect();
        assert_eq!(
            keys,
            [
                "timezone",
                "people.../../evil",
                "people.bob.name",
                "people.bob.emails",
                "targets.first_response"
            ]
        );
    }
}
