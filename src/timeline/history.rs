//! `timeline --history`: the customer's git history woven into the timeline as `change`
//! entries. Commits that only added a record are left out (the record is on the timeline
//! already), and so are handoff acceptances and finished tasks; field changes, renames and
//! edits of records after the fact are shown.

use crate::history::{Change, Event, describe};
use crate::model::RecordId;
use crate::store::layout;

use super::{Entry, EntryKind, Filter, Timeline};

/// Adds one `change` entry per commit of `events` that did more than add records, keeping what
/// `filter` allows, and restores the timeline's order.
pub fn weave(timeline: &mut Timeline, events: &[Event], filter: &Filter) {
    let path = layout::customer_file(&timeline.customer.slug);
    // Events come newest first; entries of one second keep commit order.
    for event in events.iter().rev() {
        let words: Vec<String> = event
            .changes
            .iter()
            .filter(|c| !matches!(c, Change::RecordAdded { .. }) && !c.is_completion())
            .map(describe)
            .collect();
        if words.is_empty() {
            continue;
        }
        let entry = Entry {
            at: event.at,
            kind: EntryKind::Change,
            id: event.commit.chars().take(8).collect(),
            by: event.by.clone(),
            channel: None,
            direction: None,
            automated: false,
            text: words.join("; "),
            body: (words.len() > 1).then(|| words.join("\n")),
            thread: None,
            tags: Vec::new(),
            corrections: Vec::new(),
            voided: false,
            restricted: None,
            path: path.clone(),
            // After the records of the same second: commits follow what they record.
            order: RecordId::from_parts(
                event.at.to_utc() + chrono::Duration::milliseconds(999),
                u128::MAX,
            ),
        };
        if filter.keeps(&entry) {
            timeline.entries.push(entry);
        }
    }
    super::sort(&mut timeline.entries);
}
