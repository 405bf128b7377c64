//! The five record types of a store. Field names are the contract of `docs/format.md`. Keys a
//! record does not know are kept in `extra` and written back unchanged, so a newer version of
//! the tool, a script or a person can add fields without an older version deleting them.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::RecordId;
use super::time::Timestamp;

/// Keys a record does not define, preserved across rewrites.
pub type Extra = BTreeMap<String, serde_json::Value>;

fn is_false(b: &bool) -> bool {
    !*b
}

/// The kinds of record that live as one file each under a customer folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    Interaction,
    Note,
    Handoff,
    Task,
    /// An amendment or withdrawal of a touchpoint or note (`model::corrections`).
    Correction,
    Document,
}

impl RecordKind {
    /// All kinds, in the order folders are listed.
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Interaction,
        RecordKind::Note,
        RecordKind::Handoff,
        RecordKind::Task,
        RecordKind::Correction,
        RecordKind::Document,
    ];

    /// The folder under `customers/<slug>/` that holds records of this kind.
    pub fn dir_name(self) -> &'static str {
        match self {
            RecordKind::Interaction => "interactions",
            RecordKind::Note => "notes",
            RecordKind::Handoff => "handoffs",
            RecordKind::Task => "tasks",
            RecordKind::Correction => "corrections",
            RecordKind::Document => "documents",
        }
    }

    /// The kind whose folder is `name`.
    pub fn from_dir_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.dir_name() == name)
    }

    /// The singular word people read.
    pub fn word(self) -> &'static str {
        match self {
            RecordKind::Interaction => "touchpoint",
            RecordKind::Note => "note",
            RecordKind::Handoff => "handoff",
            RecordKind::Task => "task",
            RecordKind::Correction => "correction",
            RecordKind::Document => "document",
        }
    }
}

/// Company or individual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum CustomerKind {
    #[default]
    Company,
    Person,
}

/// Where the relationship stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum CustomerStatus {
    #[default]
    Lead,
    Active,
    Paused,
    Churned,
}

macro_rules! display_as_serde {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let v = serde_json::to_value(self).map_err(|_| fmt::Error)?;
                f.write_str(v.as_str().unwrap_or_default())
            }
        }
    )*};
}
display_as_serde!(CustomerKind, CustomerStatus, Direction, Actor, RecordKind);

/// A person at the customer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `customers/<slug>/customer.yaml`: the only record routinely edited in place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub id: RecordId,
    pub name: String,
    pub slug: String,
    #[serde(default)]
    pub kind: CustomerKind,
    #[serde(default)]
    pub status: CustomerStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Mail domains that identify the customer (`acme.example`): ingested mail from any address
    /// at one of them, or at a subdomain, belongs to this customer when no contact matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub external_ids: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, serde_json::Value>,
    pub created: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Timestamp>,
    /// Slugs this customer had before (newest last): their folders hold a
    /// [`Renamed`] forward, and records a merge left there still belong here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed_from: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `customers/<old slug>/renamed.yaml`: left by a rename in the customer's old folder, so the
/// old slug points to the new one, and records that a teammate added under the old slug before
/// merging stay attached to the customer (readers attach them; `check --fix` and `sync` move
/// them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Renamed {
    /// The customer's id.
    pub id: RecordId,
    /// The slug it was renamed to.
    pub renamed_to: String,
    pub at: Timestamp,
    pub by: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Which way a touchpoint went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From the customer to us.
    Inbound,
    /// From us to the customer.
    Outbound,
    /// Among ourselves, about the customer.
    Internal,
}

/// Who produced a touchpoint; only humans start or stop a metric clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    #[default]
    Human,
    Automation,
    Import,
}

/// Where an imported record came from, so a re-import updates instead of duplicating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub system: String,
    pub key: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `interactions/<file>.yaml`: one touchpoint on one channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: RecordId,
    pub at: Timestamp,
    pub recorded_at: Timestamp,
    pub channel: String,
    pub direction: Direction,
    pub by: String,
    #[serde(default)]
    pub actor: Actor,
    pub thread: RecordId,
    /// Empty (and absent on disk) when the touchpoint is restricted: it is sealed with the body.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolves: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `notes/<file>.yaml`: an internal note, Markdown with @handle mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: RecordId,
    pub at: Timestamp,
    pub by: String,
    /// Empty (and absent on disk) when the note is restricted: the body is sealed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One side of a handoff: who owned the customer and in which team.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Party {
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let owner = self.owner.as_deref().unwrap_or("nobody");
        match &self.team {
            Some(team) => write!(f, "{owner} ({team})"),
            None => f.write_str(owner),
        }
    }
}

/// `handoffs/<file>.yaml`: a change of ownership, accepted later by the new owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handoff {
    pub id: RecordId,
    pub at: Timestamp,
    pub by: String,
    pub from: Party,
    pub to: Party,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `tasks/<file>.yaml`: a follow-up with an assignee and a due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: RecordId,
    pub created: Timestamp,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `documents/<file>.yaml`: a file attached to a customer (a proposal, a contract, an
/// invoice), stored beside the record under a generated name. The original file name is data,
/// never a path. A restricted document keeps `title`, `name`, `media_type` and `sha256` sealed
/// under `restricted:` and its file encrypted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: RecordId,
    pub at: Timestamp,
    pub by: String,
    /// The stored file's name, in the same folder (`<time>-<short id>.bin`, `.age` if sealed).
    pub file: String,
    /// Size of the original file in bytes.
    pub size: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The name the file had when it was attached (data, never a path).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Detected from the content, not from the name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub media_type: String,
    /// SHA-256 of the original content, lowercase hex.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
    /// The touchpoint, note, task or handoff it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordId>,
    /// The document this one is a new version of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<RecordId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Task {
    /// Whether the task is open and its due date is before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done_at.is_none() && self.due.is_some_and(|due| due < today)
    }
}

/// How a handoff was taken over: explicitly (`handoff accept`) or implicitly, by the new owner's
/// first touchpoint or note on the customer after the handoff, whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Acceptance {
    Explicit,
    FirstTouchpoint,
    FirstNote,
}

impl Handoff {
    /// When and how the new owner took the customer over, if they have. Human touchpoints and
    /// notes by the new owner after the handoff count as taking it over.
    pub fn acceptance<'a>(
        &self,
        interactions: impl IntoIterator<Item = &'a Interaction>,
        notes: impl IntoIterator<Item = &'a Note>,
    ) -> Option<(Timestamp, Acceptance)> {
        let owner = self.to.owner.as_deref()?;
        let touch = interactions
            .into_iter()
            .filter(|i| {
                i.by == owner
                    && i.actor == Actor::Human
                    && i.direction != Direction::Inbound
                    && i.at >= self.at
            })
            .map(|i| (i.at, Acceptance::FirstTouchpoint))
            .min();
        let note = notes
            .into_iter()
            .filter(|n| n.by == owner && n.at >= self.at)
            .map(|n| (n.at, Acceptance::FirstNote))
            .min();
        let explicit = self.accepted_at.map(|a| (a, Acceptance::Explicit));
        [explicit, touch, note]
            .into_iter()
            .flatten()
            .min_by_key(|(at, _)| *at)
    }
}
