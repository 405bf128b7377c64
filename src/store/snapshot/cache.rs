//! The parse cache: `<git dir>/gitcrm/snapshot-v1.bin`, a compact binary (postcard) list of
//! `(path, blob id, parse result)`.
//!
//! Records keep unknown keys in a flattened map, which binary formats cannot decode, so the cache
//! stores mirror types whose unknown keys are one JSON string (usually empty), and customers
//! (2,000 in a large store, against 200,000 touchpoints) as JSON text. The entries are split into
//! chunks decoded in parallel.

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, TimeZone};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Content, Entry, Record};
use crate::model::ids::RecordId;
use crate::model::records::{
    Actor, Direction, Extra, Handoff, Interaction, Note, Party, Source, Task,
};
use crate::model::time::Timestamp;

/// Bumped whenever the layout below changes; with the tool version it names a valid cache.
const FORMAT: u32 = 2;
const FILE_NAME: &str = "snapshot-v1.bin";
const CHUNK: usize = 4096;

/// Where the cache lives, when the repository can be opened.
pub(super) fn path(repo_root: &Path) -> Option<PathBuf> {
    crate::git::git_dir(repo_root)
        .ok()
        .map(|dir| dir.join("gitcrm").join(FILE_NAME))
}

fn stamp() -> String {
    format!("git-crm {} cache {FORMAT}", env!("CARGO_PKG_VERSION"))
}

/// The parse results of the last load, sorted by path (as they were written).
#[derive(Default)]
pub(super) struct Cache {
    entries: Vec<(String, String, Option<Content>)>,
    at: usize,
    /// How many entries the file held.
    pub(super) len: usize,
}

impl Cache {
    /// Moves out the cached `(content id, content)` of `path`. Calls must come in increasing path
    /// order (the loaders walk sorted lists), so the lookup is a merge, not a hash.
    pub(super) fn take(&mut self, path: &str) -> Option<(String, Content)> {
        while self.at < self.entries.len() && self.entries[self.at].0.as_str() < path {
            self.at += 1;
        }
        let entry = self.entries.get_mut(self.at)?;
        if entry.0 != path {
            return None;
        }
        let content = entry.2.take()?;
        Some((std::mem::take(&mut entry.1), content))
    }
}

#[derive(Serialize, Deserialize)]
struct File {
    stamp: String,
    chunks: Vec<Vec<u8>>,
}

#[derive(Serialize, Deserialize)]
struct CachedEntry {
    path: String,
    id: String,
    content: Cached,
}

/// Reads the cache; anything unreadable or from another version is an empty cache.
pub(super) fn read(path: &Path) -> Cache {
    let Ok(bytes) = std::fs::read(path) else {
        return Cache::default();
    };
    let Ok(file) = postcard::from_bytes::<File>(&bytes) else {
        return Cache::default();
    };
    if file.stamp != stamp() {
        return Cache::default();
    }
    type Decoded = Vec<(String, String, Option<Content>)>;
    let chunks: Option<Vec<Decoded>> = file
        .chunks
        .par_iter()
        .map(|chunk| {
            let list = postcard::from_bytes::<Vec<CachedEntry>>(chunk).ok()?;
            Some(
                list.into_iter()
                    .map(|e| {
                        let content = e.content.into_content();
                        (e.path, e.id, content)
                    })
                    .collect(),
            )
        })
        .collect();
    let Some(chunks) = chunks else {
        return Cache::default();
    };
    let entries: Vec<_> = chunks.into_iter().flatten().collect();
    if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
        return Cache::default();
    }
    Cache {
        len: entries.len(),
        entries,
        at: 0,
    }
}

/// Writes the parse results of `entries` atomically (a concurrent reader sees the old cache or
/// the new one).
pub(super) fn write(path: &Path, entries: &[Entry]) -> crate::error::Result<()> {
    let records: Vec<&Entry> = entries
        .iter()
        .filter(|e| !e.id.is_empty() && !matches!(e.content, Content::Other))
        .collect();
    let chunks = records
        .par_chunks(CHUNK)
        .map(|chunk| {
            let list: Vec<CachedEntry> = chunk
                .iter()
                .map(|e| CachedEntry {
                    path: e.path.clone(),
                    id: e.id.clone(),
                    content: Cached::from_content(&e.content),
                })
                .collect();
            postcard::to_allocvec(&list)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| crate::Error::invalid(format!("cannot encode cache: {e}")))?;
    let bytes = postcard::to_allocvec(&File {
        stamp: stamp(),
        chunks,
    })
    .map_err(|e| crate::Error::invalid(format!("cannot encode cache: {e}")))?;
    crate::store::atomic::write(path, &bytes)
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
