//! Ownership: `assign` updates the customer in place and writes a handoff record; `handoff
//! accept` marks the handoff taken.

use crate::error::{Error, Result};
use crate::model::ids::IdPrefix;
use crate::model::records::{Handoff, Party, RecordKind};
use crate::model::{RecordId, text, time};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

/// Plans a reassignment of `slug` to `to` (in `team`, default their first team).
pub fn assign(
    store: &Store,
    actor: &str,
    slug: &str,
    to: &str,
    team: Option<String>,
    reason: Option<String>,
) -> Result<Planned<Handoff>> {
    let customer = store.load_customer(slug)?;
    store.require_person(to)?;
    let team = team.or_else(|| store.config().primary_team(to).map(str::to_string));
    if let Some(team) = &team {
        store.require_team(team)?;
    }
    let from = Party {
        owner: customer.owner.clone(),
        team: customer.team.clone(),
    };
    let target = Party {
        owner: Some(to.to_string()),
        team: team.clone(),
    };
    if from == target {
        return Err(Error::invalid(format!(
            "{slug} is already owned by {target}"
        )));
    }
    let at = time::now();
    let handoff = Handoff {
        id: RecordId::new_at(at.to_utc()),
        at,
        by: actor.to_string(),
        from,
        to: target,
        reason: reason.filter(|r| !r.trim().is_empty()),
        accepted_at: None,
        extra: Default::default(),
    };
    let text = store.read_text(&layout::customer_file(slug))?;
    planned_reassignment(actor, slug, &text, handoff)
}

/// Plans a reassignment from an already-built handoff and the current text of the customer's
/// `customer.yaml`: `owner` and `team` are edited in place to the handoff's `to` (a missing team
/// removes the key), and the handoff record is written, in one change. `assign` reads the text
/// from the work tree; `rules run` passes the committed text.
pub fn planned_reassignment(
    actor: &str,
    slug: &str,
    customer_text: &str,
    handoff: Handoff,
) -> Result<Planned<Handoff>> {
    let mut edits = Vec::new();
    if let Some(owner) = &handoff.to.owner {
        edits.push(FieldEdit::set("owner", owner));
    }
    edits.push(match &handoff.to.team {
        Some(t) => FieldEdit::set("team", t),
        None => FieldEdit::remove("team"),
    });
    let customer_path = layout::customer_file(slug);
    let (new_text, customer): (String, crate::model::Customer) =
        edit_text(std::path::Path::new(&customer_path), customer_text, &edits)?;
    let mut planned = planned_handoff(actor, slug, handoff)?;
    planned.change.files.insert(
        0,
        FileOp::Update {
            path: customer_path,
            contents: new_text,
        },
    );
    planned.change.ids.insert(0, customer.id);
    Ok(planned)
}

/// Plans writing an already-built handoff record (the customer file is the caller's).
pub fn planned_handoff(actor: &str, slug: &str, handoff: Handoff) -> Result<Planned<Handoff>> {
    let path = layout::record_file(slug, RecordKind::Handoff, &handoff.at, &handoff.id);
    let subject = format!(
        "assign: {slug} from {} to {} ({actor})",
        handoff.from, handoff.to
    );
    let mut change = Change::new("handoff.add", subject, actor);
    change.ids.push(handoff.id);
    change.files.push(FileOp::Create {
        path: path.clone(),
        contents: yaml::to_yaml(&handoff)?,
    });
    Ok(Planned {
        change,
        record: handoff,
        path,
    })
}

/// Plans accepting a handoff named by customer slug (its latest pending one) or by id prefix.
pub fn accept(store: &Store, actor: &str, target: &str) -> Result<Planned<Handoff>> {
    let path = if store.has_customer(target) {
        let pending: Vec<_> = store
            .load_records::<Handoff>(target, RecordKind::Handoff)?
            .into_iter()
            .filter(|h| h.record.accepted_at.is_none())
            .collect();
        pending
            .last()
            .map(|h| h.path.clone())
            .ok_or_else(|| Error::not_found(format!("{target} has no pending handoff"), None))?
    } else {
        let prefix = IdPrefix::parse(target).map_err(|_| {
            Error::not_found(
                format!(
                    "`{}` is neither a customer nor a handoff id",
                    text::escape(target)
                ),
                Some("`git crm handoff list --pending` shows pending handoffs".into()),
            )
        })?;
        store
            .find_one_record(&prefix, None, Some(RecordKind::Handoff))?
            .path
    };
    let text = store.read_text(&path)?;
    let current: Handoff = yaml::parse(std::path::Path::new(&path), &text)?;
    if let Some(at) = current.accepted_at {
        return Err(Error::invalid(format!(
            "handoff {} was already accepted at {}",
            current.id.short(),
            time::rfc3339(&at)
        )));
    }
    let now = time::now();
    let edits = [
        FieldEdit::set("accepted_at", time::rfc3339(&now)),
        FieldEdit::set("accepted_by", actor),
    ];
    let (new_text, handoff): (String, Handoff) =
        edit_text(std::path::Path::new(&path), &text, &edits)?;
    let slug = path.split('/').nth(1).unwrap_or_default().to_string();
    let mut change = Change::new(
        "handoff.accept",
        format!("handoff: {actor} accepts {slug}"),
        actor,
    );
    change.ids.push(handoff.id);
    change.files.push(FileOp::Update {
        path: path.clone(),
        contents: new_text,
    });
    Ok(Planned {
        change,
        record: handoff,
        path,
    })
}

/// A handoff with the customer it belongs to.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HandoffRow {
    pub customer: String,
    pub path: String,
    /// When and how the new owner took over: `handoff accept`, or their first touchpoint or
    /// note after the handoff, whichever came first; `None` while pending.
    pub accepted: Option<(crate::model::Timestamp, crate::model::records::Acceptance)>,
    #[serde(flatten)]
    pub handoff: Handoff,
}

/// Handoffs across the store (or of one customer), oldest first; `pending` keeps the ones not
/// yet accepted, `to` the ones to that person.
pub fn list(
    store: &Store,
    customer: Option<&str>,
    pending: bool,
    to: Option<&str>,
) -> Result<Vec<HandoffRow>> {
    use rayon::prelude::*;
    let slugs = match customer {
        Some(slug) => {
            store.require_customer(slug)?;
            vec![slug.to_string()]
        }
        None => store.customer_slugs()?,
    };
    let mut rows: Vec<HandoffRow> = slugs
        .par_iter()
        .map(|slug| -> Result<Vec<HandoffRow>> {
            let handoffs = store.load_records::<Handoff>(slug, RecordKind::Handoff)?;
            if handoffs.is_empty() {
                return Ok(Vec::new());
            }
            let interactions =
                store.load_records::<crate::model::Interaction>(slug, RecordKind::Interaction)?;
            let notes = store.load_records::<crate::model::Note>(slug, RecordKind::Note)?;
            Ok(handoffs
                .into_iter()
                .map(|l| {
                    let accepted = l.record.acceptance(
                        interactions.iter().map(|i| &i.record),
                        notes.iter().map(|n| &n.record),
                    );
                    HandoffRow {
                        customer: slug.clone(),
                        path: l.path,
                        accepted,
                        handoff: l.record,
                    }
                })
                .collect())
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .filter(|r| !pending || r.accepted.is_none())
        .filter(|r| to.is_none() || r.handoff.to.owner.as_deref() == to)
        .collect();
    rows.sort_by_key(|r| (r.handoff.at, r.handoff.id));
    Ok(rows)
}
