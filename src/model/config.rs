//! `.gitcrm/config.yaml`: people, teams, channels, calendars, targets and views. People and
//! teams are maps keyed by handle and name, so two clones adding different people merge
//! cleanly line by line.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::records::Extra;

/// The channels a new store knows.
pub const DEFAULT_CHANNELS: [&str; 8] = [
    "email", "call", "chat", "meeting", "social", "sms", "whatsapp", "other",
];

fn default_channels() -> Vec<String> {
    DEFAULT_CHANNELS.iter().map(|s| s.to_string()).collect()
}

fn default_version() -> u32 {
    1
}

/// The whole store configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    #[serde(default = "default_version")]
    pub version: u32,
    /// Zone used to read naive times typed on the command line and to group timelines by day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// How dates typed with `/` or `.` are read (`20/11/2026` with `dmy`); unset, they are
    /// refused as ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<super::time::DateOrder>,
    #[serde(default)]
    pub people: BTreeMap<String, Person>,
    #[serde(default)]
    pub teams: BTreeMap<String, Team>,
    #[serde(default = "default_channels")]
    pub channels: Vec<String>,
    #[serde(default)]
    pub calendars: BTreeMap<String, Calendar>,
    #[serde(default)]
    pub targets: BTreeMap<String, String>,
    #[serde(default)]
    pub views: BTreeMap<String, View>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: 1,
            timezone: None,
            date_order: None,
            people: BTreeMap::new(),
            teams: BTreeMap::new(),
            channels: default_channels(),
            calendars: BTreeMap::new(),
            targets: BTreeMap::new(),
            views: BTreeMap::new(),
            extra: Extra::new(),
        }
    }
}

/// Someone who works in the store.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When the person is away (holidays, leave): meanwhile the inbound threads of their
    /// customers wait in their team's queue (`inbox --team`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away: Option<Away>,
    /// Public keys (`age1…` or `ssh-ed25519 …`) that restricted content of their teams is sealed
    /// to; several when a person works from several machines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A period away, in days of the store's zone, both ends included; without `from`, from now
/// until `until`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Away {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    pub until: NaiveDate,
}

impl Person {
    /// The period the person is away on `day`, if they are.
    pub fn away_on(&self, day: NaiveDate) -> Option<&Away> {
        self.away
            .as_ref()
            .filter(|a| a.from.is_none_or(|f| f <= day) && day <= a.until)
    }
}

/// A team; its calendar decides business hours for the threads it owns.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Team {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Shared mail addresses the team answers from (`support@agency.example`): ingested mail
    /// from or to one of them is the team's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// The person escalations go to (`escalate: {to: lead}` in `.gitcrm/rules.yaml`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Working hours in one zone: `hours` maps `mon`..`sun` to ranges such as `09:00-17:30`
/// (several ranges separated by commas), `holidays` lists days off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Calendar {
    pub zone: String,
    #[serde(default)]
    pub hours: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a role sees first and which tagged records it does not see.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct View {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub first: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_tags: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Config {
    /// The person whose handle is `handle`.
    pub fn person(&self, handle: &str) -> Option<&Person> {
        self.people.get(handle)
    }

    /// The handle of the person with this email (case-insensitive).
    pub fn handle_for_email(&self, email: &str) -> Option<&str> {
        self.people
            .iter()
            .find(|(_, p)| p.emails.iter().any(|e| e.eq_ignore_ascii_case(email)))
            .map(|(h, _)| h.as_str())
    }

    /// The handle of the person `text` names, by handle or by one of their emails: such a
    /// person is one of us, never the author of an inbound touchpoint.
    pub fn person_named(&self, text: &str) -> Option<&str> {
        let text = text.trim();
        self.people
            .get_key_value(text)
            .map(|(h, _)| h.as_str())
            .or_else(|| self.handle_for_email(text))
    }

    /// Whether `channel` is in the store's vocabulary.
    pub fn knows_channel(&self, channel: &str) -> bool {
        self.channels.iter().any(|c| c == channel)
    }

    /// The channel of the store's vocabulary that `typed` names, whatever its case (`Email`
    /// is `email`): what a person types and what a spreadsheet holds are read alike.
    pub fn channel_named(&self, typed: &str) -> Option<&str> {
        let typed = typed.trim();
        self.channels
            .iter()
            .find(|c| c.eq_ignore_ascii_case(typed))
            .map(String::as_str)
    }

    /// The handles of the current members of `team`, sorted.
    pub fn members(&self, team: &str) -> Vec<&str> {
        self.people
            .iter()
            .filter(|(_, p)| p.teams.iter().any(|t| t == team))
            .map(|(h, _)| h.as_str())
            .collect()
    }

    /// The team a person works in first, used when a command is not told a team.
    pub fn primary_team(&self, handle: &str) -> Option<&str> {
        self.person(handle)
            .and_then(|p| p.teams.first())
            .map(String::as_str)
    }
}
