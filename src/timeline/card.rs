//! The customer card of `customer show`: the record plus what people look for first (open
//! threads, the last touchpoint, a pending handoff, open tasks), computed from one folder.

use serde::Serialize;

use crate::model::threads::{ThreadState, thread_states};
use crate::model::{Customer, Document, Handoff, Interaction, Task};
use crate::store::CustomerBundle;

/// One customer at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub customer: Customer,
    pub path: String,
    pub touchpoints: usize,
    pub notes: usize,
    pub last_touchpoint: Option<Interaction>,
    pub open_threads: Vec<OpenThread>,
    pub pending_handoff: Option<Handoff>,
    pub open_tasks: Vec<Task>,
    /// The current version of each document, newest first.
    pub documents: Vec<Document>,
}

/// An open thread as the card lists it.
#[derive(Debug, Clone, Serialize)]
pub struct OpenThread {
    pub thread: String,
    pub subject: String,
    pub channel: String,
    pub started_at: crate::model::Timestamp,
    pub last_at: crate::model::Timestamp,
    pub awaiting_reply: bool,
    pub touchpoints: usize,
}

impl From<ThreadState> for OpenThread {
    fn from(s: ThreadState) -> Self {
        let awaiting_reply = s.awaiting_reply();
        OpenThread {
            awaiting_reply,
            thread: s.thread.short(),
            subject: s.subject,
            channel: s.first_channel,
            started_at: s.started_at,
            last_at: s.last_at,
            touchpoints: s.touchpoints,
        }
    }
}

/// Builds the card of `bundle`.
pub fn card(bundle: &CustomerBundle) -> Card {
    let open_threads = thread_states(bundle.interactions.iter().map(|l| &l.record))
        .into_iter()
        .filter(ThreadState::is_open)
        .map(OpenThread::from)
        .collect();
    Card {
        customer: bundle.customer.clone(),
        path: bundle.path.clone(),
        touchpoints: bundle.interactions.len(),
        notes: bundle.notes.len(),
        last_touchpoint: bundle
            .interactions
            .iter()
            .map(|l| &l.record)
            .max_by_key(|i| (i.at, i.id))
            .cloned(),
        open_threads,
        pending_handoff: {
            let interactions: Vec<&Interaction> =
                bundle.interactions.iter().map(|l| &l.record).collect();
            let notes: Vec<&crate::model::Note> = bundle.notes.iter().map(|l| &l.record).collect();
            crate::model::handoffs::states(
                bundle.handoffs.iter().map(|l| &l.record),
                &interactions,
                &notes,
                crate::model::time::now(),
            )
            .into_iter()
            .rev()
            .find(|(_, s)| s.is_pending())
            .map(|(h, _)| h.clone())
        },
        open_tasks: bundle
            .tasks
            .iter()
            .map(|l| l.record.clone())
            .filter(|t| t.done_at.is_none())
            .collect(),
        documents: bundle
            .documents
            .iter()
            .rev()
            .filter(|d| !crate::ops::documents::is_replaced(&bundle.documents, &d.record))
            .map(|d| d.record.clone())
            .collect(),
    }
}
