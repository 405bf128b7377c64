//! Applying a [view](crate::model::views) to what commands read: choosing the view for the
//! acting person, and leaving out the records it hides from a customer's bundle or timeline.
//!
//! The rule, the same in every command: a record is hidden when it carries one of the view's
//! `hide_tags`; a conversation thread is hidden as a whole when any of its touchpoints is (so an
//! inbox never claims a reply is owed when the reply is merely hidden). A view is surfacing, not
//! security: nothing is removed from the store.

use std::collections::HashSet;

use crate::error::Result;
use crate::model::RecordId;
use crate::model::views::ActiveView;
use crate::store::{CustomerBundle, Store};
use crate::timeline::{self, Filter, Timeline};

/// The view a read command applies: `--view` when given; else the role of the acting person.
/// An explicit `--as` that names nobody is an error; an identity that cannot be worked out from
/// git config simply means no view (reading never requires an identity).
pub fn resolve(
    store: &Store,
    requested: Option<&str>,
    explicit_actor: Option<&str>,
) -> Result<ActiveView> {
    if requested.is_some() {
        return ActiveView::resolve(store.config(), requested, None);
    }
    let actor = match explicit_actor {
        Some(_) => Some(super::resolve_actor(store, explicit_actor)?),
        None => super::resolve_actor(store, None).ok(),
    };
    ActiveView::resolve(store.config(), None, actor.as_deref())
}

/// Threads (by id) that `view` hides: those with at least one hidden touchpoint.
pub fn hidden_threads(bundle: &CustomerBundle, view: &ActiveView) -> HashSet<RecordId> {
    bundle
        .interactions
        .iter()
        .map(|l| &l.record)
        .filter(|i| view.hides(&i.tags))
        .map(|i| i.thread)
        .collect()
}

/// A copy of `bundle` without the records `view` hides, and how many records were left out.
pub fn filter_bundle(bundle: &CustomerBundle, view: &ActiveView) -> (CustomerBundle, usize) {
    if view.hide_tags.is_empty() {
        return (bundle.clone(), 0);
    }
    let threads = hidden_threads(bundle, view);
    let mut out = bundle.clone();
    let before = count(&out);
    out.interactions
        .retain(|l| !threads.contains(&l.record.thread) && !view.hides(&l.record.tags));
    out.notes.retain(|l| !view.hides(&l.record.tags));
    out.voided_interactions
        .retain(|l| !threads.contains(&l.record.thread) && !view.hides(&l.record.tags));
    out.voided_notes.retain(|l| !view.hides(&l.record.tags));
    out.handoffs.retain(|l| !view.hides_extra(&l.record.extra));
    out.tasks.retain(|l| !view.hides_extra(&l.record.extra));
    let hidden = before - count(&out);
    (out, hidden)
}

/// The timeline of `bundle` under `view`, and how many of the entries `filter` keeps the view
/// left out (a hidden record outside `--since` is not worth a mention).
pub fn timeline(bundle: &CustomerBundle, filter: &Filter, view: &ActiveView) -> (Timeline, usize) {
    if view.hide_tags.is_empty() {
        return (timeline::build(bundle, filter), 0);
    }
    let (visible, _) = filter_bundle(bundle, view);
    let shown = timeline::build(&visible, filter);
    let hidden = timeline::build(bundle, filter).entries.len() - shown.entries.len();
    (shown, hidden)
}

fn count(b: &CustomerBundle) -> usize {
    b.interactions.len()
        + b.notes.len()
        + b.handoffs.len()
        + b.tasks.len()
        + b.voided_interactions.len()
        + b.voided_notes.len()
}
