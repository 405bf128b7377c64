//! A customer's timeline: touchpoints, notes, handoffs and tasks merged into one chronological
//! list, filtered, with thread markers. Built from one customer's folder only, so its cost does
//! not depend on the size of the store.

pub mod card;
pub mod history;

use std::collections::HashMap;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::model::records::{Actor, Direction};
use crate::model::restricted::{self, Shown};
use crate::model::threads::thread_states;
use crate::model::{Customer, RecordId, Timestamp};
use crate::store::CustomerBundle;
use crate::store::corrected::CorrectionMark;

/// What kind of event an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Touchpoint,
    Note,
    Handoff,
    HandoffAccepted,
    Task,
    TaskDone,
    Document,
    /// A commit that changed the customer (`timeline --history`).
    #[value(skip)]
    Change,
}

impl EntryKind {
    /// The word used in tables.
    pub fn word(self) -> &'static str {
        match self {
            EntryKind::Touchpoint => "touchpoint",
            EntryKind::Note => "note",
            EntryKind::Handoff => "handoff",
            EntryKind::HandoffAccepted => "accepted",
            EntryKind::Task => "task",
            EntryKind::TaskDone => "task done",
            EntryKind::Document => "document",
            EntryKind::Change => "change",
        }
    }

    /// The record folder this kind of entry comes from (for `--kind` filters); `None` for a
    /// history change, which no `--kind` selects.
    pub fn record_kind(self) -> Option<crate::model::RecordKind> {
        use crate::model::RecordKind;
        Some(match self {
            EntryKind::Touchpoint => RecordKind::Interaction,
            EntryKind::Note => RecordKind::Note,
            EntryKind::Handoff | EntryKind::HandoffAccepted => RecordKind::Handoff,
            EntryKind::Task | EntryKind::TaskDone => RecordKind::Task,
            EntryKind::Document => RecordKind::Document,
            EntryKind::Change => return None,
        })
    }
}

/// Where a touchpoint sits in its thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThreadMark {
    /// Short id of the thread (the short id of its first touchpoint).
    pub thread: String,
    /// Whether this touchpoint started the thread.
    pub starts: bool,
    /// Whether this touchpoint resolved the thread.
    pub resolves: bool,
    /// Whether the thread is still open now.
    pub open: bool,
}

/// One line of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub at: Timestamp,
    pub kind: EntryKind,
    /// Short id of the record.
    pub id: String,
    /// Who acted (handle, or the contact for inbound touchpoints).
    pub by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub automated: bool,
    /// One-line text: summary, note body, handoff description or task title.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread: Option<ThreadMark>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The corrections applied to this record (`amend`, `void`), in order: what is shown is
    /// the corrected record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<CorrectionMark>,
    /// The record was withdrawn by a `void` correction: shown so the timeline says what
    /// happened, never counted.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub voided: bool,
    /// For restricted content: the team, and whether the local identity could open it (the
    /// text is the placeholder when not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restricted: Option<Shown>,
    /// Store-relative path of the record.
    pub path: String,
    /// Full id, to order entries logged within the same second (UUID v7 carries milliseconds).
    #[serde(skip)]
    order: RecordId,
}

/// Which entries to keep.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub channels: Vec<String>,
    pub kinds: Vec<EntryKind>,
    pub by: Vec<String>,
    /// Records with any of these tags are left out (views).
    pub hide_tags: Vec<String>,
}

impl Filter {
    fn keeps(&self, entry: &Entry) -> bool {
        self.since.is_none_or(|s| entry.at >= s)
            && self.until.is_none_or(|u| entry.at < u)
            && (self.channels.is_empty()
                || entry
                    .channel
                    .as_ref()
                    .is_some_and(|c| self.channels.contains(c)))
            && (self.kinds.is_empty()
                || self.kinds.iter().any(|k| {
                    k.record_kind().is_some() && k.record_kind() == entry.kind.record_kind()
                }))
            && (self.by.is_empty() || self.by.contains(&entry.by))
            && !entry.tags.iter().any(|t| self.hide_tags.contains(t))
    }
}

/// The timeline of one customer.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub customer: Customer,
    pub entries: Vec<Entry>,
}

impl Timeline {
    /// Entries grouped by calendar day in `zone`, in order.
    pub fn by_day(&self, zone: Tz) -> Vec<(NaiveDate, Vec<&Entry>)> {
        let mut days: Vec<(NaiveDate, Vec<&Entry>)> = Vec::new();
        for entry in &self.entries {
            let day = entry.at.with_timezone(&zone).date_naive();
            match days.last_mut() {
                Some((d, list)) if *d == day => list.push(entry),
                _ => days.push((day, vec![entry])),
            }
        }
        days
    }
}

/// Builds the timeline of `bundle`, keeping what `filter` allows, oldest first. Touchpoints and
/// notes are shown as corrected, with their corrections; voided ones are shown marked.
pub fn build(bundle: &CustomerBundle, filter: &Filter) -> Timeline {
    let states: HashMap<RecordId, bool> =
        thread_states(bundle.interactions.iter().map(|l| &l.record))
            .into_iter()
            .map(|s| (s.thread, s.is_open()))
            .collect();
    let marks = bundle.correction_marks();
    let mut entries = Vec::new();
    let interactions = bundle
        .interactions
        .iter()
        .map(|l| (l, false))
        .chain(bundle.voided_interactions.iter().map(|l| (l, true)));
    for (l, voided) in interactions {
        let i = &l.record;
        entries.push(Entry {
            at: i.at,
            kind: EntryKind::Touchpoint,
            id: i.id.short(),
            by: i.by.clone(),
            channel: Some(i.channel.clone()),
            direction: Some(i.direction),
            automated: i.actor != Actor::Human,
            text: i.summary.clone(),
            body: i.body.clone(),
            thread: Some(ThreadMark {
                thread: i.thread.short(),
                starts: i.thread == i.id,
                resolves: i.resolves,
                open: states.get(&i.thread).copied().unwrap_or(false),
            }),
            tags: i.tags.clone(),
            corrections: marks.get(&i.id).cloned().unwrap_or_default(),
            voided,
            restricted: restricted::shown_of(&i.extra),
            path: l.path.clone(),
            order: i.id,
        });
    }
    let notes = bundle
        .notes
        .iter()
        .map(|l| (l, false))
        .chain(bundle.voided_notes.iter().map(|l| (l, true)));
    for (l, voided) in notes {
        let n = &l.record;
        entries.push(simple(
            n.at,
            EntryKind::Note,
            n.id,
            &n.by,
            n.body.lines().next().unwrap_or_default(),
            &l.path,
            &n.tags,
        ));
        let entry = entries.last_mut().expect("just pushed");
        entry.body = (n.body.lines().count() > 1).then(|| n.body.clone());
        entry.corrections = marks.get(&n.id).cloned().unwrap_or_default();
        entry.voided = voided;
        entry.restricted = restricted::shown_of(&n.extra);
    }
    for l in &bundle.documents {
        let d = &l.record;
        entries.push(simple(
            d.at,
            EntryKind::Document,
            d.id,
            &d.by,
            &crate::ops::documents::describe(d),
            &l.path,
            &d.tags,
        ));
        let entry = entries.last_mut().expect("just pushed");
        entry.restricted = restricted::shown_of(&d.extra);
        // A document that came with a record at the same time (a mail attachment) follows it.
        entry.order = d.record.unwrap_or(d.id);
    }
    for l in &bundle.handoffs {
        let h = &l.record;
        let mut text = format!("{} -> {}", h.from, h.to);
        if let Some(reason) = &h.reason {
            text.push_str(": ");
            text.push_str(reason);
        }
        entries.push(simple(
            h.at,
            EntryKind::Handoff,
            h.id,
            &h.by,
            &text,
            &l.path,
            &[],
        ));
        if let Some(accepted) = h.accepted_at {
            let who = h
                .extra
                .get("accepted_by")
                .and_then(|v| v.as_str())
                .or(h.to.owner.as_deref())
                .unwrap_or_default();
            entries.push(simple(
                accepted,
                EntryKind::HandoffAccepted,
                h.id,
                who,
                &format!("accepted by {who}"),
                &l.path,
                &[],
            ));
        }
    }
    for l in &bundle.tasks {
        let t = &l.record;
        let mut text = t.title.clone();
        if let Some(a) = &t.assignee {
            text.push_str(&format!(" (for {a}"));
            if let Some(due) = t.due {
                text.push_str(&format!(", due {due}"));
            }
            text.push(')');
        }
        entries.push(simple(
            t.created,
            EntryKind::Task,
            t.id,
            &t.by,
            &text,
            &l.path,
            &[],
        ));
        if let Some(done) = t.done_at {
            entries.push(simple(
                done,
                EntryKind::TaskDone,
                t.id,
                t.assignee.as_deref().unwrap_or(&t.by),
                &t.title,
                &l.path,
                &[],
            ));
        }
    }
    entries.retain(|e| filter.keeps(e));
    sort(&mut entries);
    Timeline {
        customer: bundle.customer.clone(),
        entries,
    }
}

/// Oldest first; records logged within one second by their id (UUID v7 carries milliseconds).
fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        a.at.cmp(&b.at)
            .then_with(|| a.order.cmp(&b.order))
            .then_with(|| a.kind.cmp(&b.kind))
    });
}

fn simple(
    at: Timestamp,
    kind: EntryKind,
    id: RecordId,
    by: &str,
    text: &str,
    path: &str,
    tags: &[String],
) -> Entry {
    Entry {
        at,
        kind,
        id: id.short(),
        by: by.to_string(),
        channel: None,
        direction: None,
        automated: false,
        text: text.to_string(),
        body: None,
        thread: None,
        tags: tags.to_vec(),
        corrections: Vec::new(),
        voided: false,
        restricted: None,
        path: path.to_string(),
        order: id,
    }
}
