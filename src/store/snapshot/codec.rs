//! How parsed records are stored in the cache: a folder's records as one chunk, a compact
//! binary (postcard) list of `(file, blob id, parse result)`.
//!
//! Records keep unknown keys in a flattened map, which binary formats cannot decode, so the
//! chunk stores mirror types whose unknown keys are one JSON string (usually empty), and
//! customers and documents (one or a few per folder) as JSON text. Anything that does not
//! decode is a cache miss.

use chrono::{FixedOffset, TimeZone};
use serde::{Deserialize, Serialize};

use super::{Content, Record};
use crate::model::ids::RecordId;
use crate::model::records::{
    Actor, Direction, Extra, Handoff, Interaction, Note, Party, Source, Task,
};
use crate::model::time::Timestamp;

#[derive(Serialize, Deserialize)]
struct ChunkEntry {
    name: String,
    id: [u8; 20],
    content: Cached,
}

/// Encodes the parse results of one folder's files (`name` relative to the folder).
pub(super) fn encode_chunk<'a>(
    entries: impl Iterator<Item = (&'a str, [u8; 20], &'a Content)>,
) -> Option<Vec<u8>> {
    let list: Vec<ChunkEntry> = entries
        .filter(|(_, _, c)| !matches!(c, Content::Other))
        .map(|(name, id, content)| ChunkEntry {
            name: name.to_string(),
            id,
            content: Cached::from_content(content),
        })
        .collect();
    postcard::to_allocvec(&list).ok()
}

/// Decodes a chunk: `(name, blob id, content)` sorted by name; `None` when it does not decode.
/// An entry whose content does not decode has `None` (a miss for that file).
/// A decoded chunk: `(file within the folder, blob id, parse result)`, `None` where an entry
/// did not decode.
pub(super) type Chunk = Vec<(String, [u8; 20], Option<Content>)>;

pub(super) fn decode_chunk(bytes: &[u8]) -> Option<Chunk> {
    let list = postcard::from_bytes::<Vec<ChunkEntry>>(bytes).ok()?;
    let out: Vec<_> = list
        .into_iter()
        .map(|e| (e.name, e.id, e.content.into_content()))
        .collect();
    out.windows(2).all(|w| w[0].0 < w[1].0).then_some(out)
}

/// A [`Timestamp`] that serializes compactly (seconds, nanoseconds, offset), for lists of
/// times inside derived results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ts(pub Timestamp);

impl Serialize for Ts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        time_serde::serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for Ts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ts, D::Error> {
        time_serde::deserialize(d).map(Ts)
    }
}

/// Serde of a [`Timestamp`] as seconds, nanoseconds and offset (not RFC 3339 text), for the
/// derived results the cache keeps: `#[serde(with = "...::time_serde")]`.
pub mod time_serde {
    use super::*;

    pub fn serialize<S: serde::Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        Time::of(t).serialize(s)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        Time::deserialize(d)?
            .get()
            .ok_or_else(|| serde::de::Error::custom("bad time"))
    }

    /// The same for an optional time.
    pub mod option {
        use super::*;

        pub fn serialize<S: serde::Serializer>(
            t: &Option<Timestamp>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            t.as_ref().map(Time::of).serialize(s)
        }

        pub fn deserialize<'de, D: serde::Deserializer<'de>>(
            d: D,
        ) -> Result<Option<Timestamp>, D::Error> {
            match Option::<Time>::deserialize(d)? {
                None => Ok(None),
                Some(t) => t
                    .get()
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom("bad time")),
            }
        }
    }
}

/// An instant without going through text: seconds, nanoseconds, offset in seconds.
#[derive(Serialize, Deserialize, Clone, Copy)]
struct Time(i64, u32, i32);

impl Time {
    fn of(t: &Timestamp) -> Self {
        Time(
            t.timestamp(),
            t.timestamp_subsec_nanos(),
            t.offset().local_minus_utc(),
        )
    }

    fn get(self) -> Option<Timestamp> {
        FixedOffset::east_opt(self.2)?
            .timestamp_opt(self.0, self.1)
            .single()
    }
}

fn extra_text(extra: &Extra) -> String {
    if extra.is_empty() {
        String::new()
    } else {
        serde_json::to_string(extra).unwrap_or_default()
    }
}

fn extra_of(text: &str) -> Option<Extra> {
    if text.is_empty() {
        Some(Extra::new())
    } else {
        serde_json::from_str(text).ok()
    }
}

#[derive(Serialize, Deserialize)]
enum Cached {
    Customer(String),
    Interaction(CInteraction),
    Note(CNote),
    Handoff(CHandoff),
    Task(CTask),
    Invalid(u64, u64, String),
    /// Corrections are few: kept as JSON text, like customers.
    Correction(String),
    /// Documents are few (one per attached file): kept as JSON text, like customers.
    Document(String),
}

#[derive(Serialize, Deserialize)]
struct CInteraction {
    id: RecordId,
    at: Time,
    recorded_at: Time,
    channel: String,
    direction: Direction,
    by: String,
    actor: Actor,
    thread: RecordId,
    summary: String,
    body: Option<String>,
    resolves: bool,
    tags: Vec<String>,
    source: Option<(String, String, String)>,
    extra: String,
}

#[derive(Serialize, Deserialize)]
struct CNote {
    id: RecordId,
    at: Time,
    by: String,
    body: String,
    tags: Vec<String>,
    extra: String,
}

#[derive(Serialize, Deserialize)]
struct CHandoff {
    id: RecordId,
    at: Time,
    by: String,
    from: (Option<String>, Option<String>),
    to: (Option<String>, Option<String>),
    reason: Option<String>,
    accepted_at: Option<Time>,
    extra: String,
}

#[derive(Serialize, Deserialize)]
struct CTask {
    id: RecordId,
    created: Time,
    by: String,
    assignee: Option<String>,
    due: Option<i32>,
    title: String,
    done_at: Option<Time>,
    extra: String,
}

fn opt_time(t: Option<Time>) -> Option<Option<Timestamp>> {
    match t {
        None => Some(None),
        Some(t) => t.get().map(Some),
    }
}

impl Cached {
    fn from_content(content: &Content) -> Cached {
        match content {
            Content::Invalid {
                line,
                column,
                message,
            } => Cached::Invalid(*line, *column, message.clone()),
            Content::Other => Cached::Invalid(1, 1, String::new()),
            Content::Record(record) => match record.as_ref() {
                Record::Customer(c) => {
                    Cached::Customer(serde_json::to_string(c).unwrap_or_default())
                }
                Record::Correction(c) => {
                    Cached::Correction(serde_json::to_string(c).unwrap_or_default())
                }
                Record::Document(d) => {
                    Cached::Document(serde_json::to_string(d).unwrap_or_default())
                }
                Record::Interaction(i) => Cached::Interaction(CInteraction {
                    id: i.id,
                    at: Time::of(&i.at),
                    recorded_at: Time::of(&i.recorded_at),
                    channel: i.channel.clone(),
                    direction: i.direction,
                    by: i.by.clone(),
                    actor: i.actor,
                    thread: i.thread,
                    summary: i.summary.clone(),
                    body: i.body.clone(),
                    resolves: i.resolves,
                    tags: i.tags.clone(),
                    source: i
                        .source
                        .as_ref()
                        .map(|s| (s.system.clone(), s.key.clone(), extra_text(&s.extra))),
                    extra: extra_text(&i.extra),
                }),
                Record::Note(n) => Cached::Note(CNote {
                    id: n.id,
                    at: Time::of(&n.at),
                    by: n.by.clone(),
                    body: n.body.clone(),
                    tags: n.tags.clone(),
                    extra: extra_text(&n.extra),
                }),
                Record::Handoff(h) => Cached::Handoff(CHandoff {
                    id: h.id,
                    at: Time::of(&h.at),
                    by: h.by.clone(),
                    from: (h.from.owner.clone(), h.from.team.clone()),
                    to: (h.to.owner.clone(), h.to.team.clone()),
                    reason: h.reason.clone(),
                    accepted_at: h.accepted_at.as_ref().map(Time::of),
                    extra: extra_text(&h.extra),
                }),
                Record::Task(t) => Cached::Task(CTask {
                    id: t.id,
                    created: Time::of(&t.created),
                    by: t.by.clone(),
                    assignee: t.assignee.clone(),
                    due: t.due.map(|d| chrono::Datelike::num_days_from_ce(&d)),
                    title: t.title.clone(),
                    done_at: t.done_at.as_ref().map(Time::of),
                    extra: extra_text(&t.extra),
                }),
            },
        }
    }

    /// The content back; `None` (a cache miss) if anything does not decode.
    fn into_content(self) -> Option<Content> {
        let record = match self {
            Cached::Invalid(line, column, message) => {
                return Some(Content::Invalid {
                    line,
                    column,
                    message,
                });
            }
            Cached::Customer(json) => Record::Customer(serde_json::from_str(&json).ok()?),
            Cached::Correction(json) => Record::Correction(serde_json::from_str(&json).ok()?),
            Cached::Document(json) => Record::Document(serde_json::from_str(&json).ok()?),
            Cached::Interaction(i) => Record::Interaction(Interaction {
                id: i.id,
                at: i.at.get()?,
                recorded_at: i.recorded_at.get()?,
                channel: i.channel,
                direction: i.direction,
                by: i.by,
                actor: i.actor,
                thread: i.thread,
                summary: i.summary,
                body: i.body,
                resolves: i.resolves,
                tags: i.tags,
                source: match i.source {
                    None => None,
                    Some((system, key, extra)) => Some(Source {
                        system,
                        key,
                        extra: extra_of(&extra)?,
                    }),
                },
                extra: extra_of(&i.extra)?,
            }),
            Cached::Note(n) => Record::Note(Note {
                id: n.id,
                at: n.at.get()?,
                by: n.by,
                body: n.body,
                tags: n.tags,
                extra: extra_of(&n.extra)?,
            }),
            Cached::Handoff(h) => Record::Handoff(Handoff {
                id: h.id,
                at: h.at.get()?,
                by: h.by,
                from: Party {
                    owner: h.from.0,
                    team: h.from.1,
                },
                to: Party {
                    owner: h.to.0,
                    team: h.to.1,
                },
                reason: h.reason,
                accepted_at: opt_time(h.accepted_at)?,
                extra: extra_of(&h.extra)?,
            }),
            Cached::Task(t) => Record::Task(Task {
                id: t.id,
                created: t.created.get()?,
                by: t.by,
                assignee: t.assignee,
                due: match t.due {
                    None => None,
                    Some(days) => Some(chrono::NaiveDate::from_num_days_from_ce_opt(days)?),
                },
                title: t.title,
                done_at: opt_time(t.done_at)?,
                extra: extra_of(&t.extra)?,
            }),
        };
        Some(Content::Record(Box::new(record)))
    }
}
