//! Ownership: `assign` updates the customer in place and writes a handoff record; `handoff
//! accept` marks the handoff taken.

use crate::error::{Error, Input, Listing, Remedy, Result};
use crate::model::handoffs::{self, HandoffState};
use crate::model::ids::IdPrefix;
use crate::model::records::{Acceptance, Handoff, Party, RecordKind};
use crate::model::{RecordId, contact, text, time};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, CustomerBundle, FileOp, Store, layout, yaml};

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
    let slug = &store.resolve_customer(slug)?;
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

/// Who answers a handoff and for whom: the actor, acting for `on_behalf_of` when given.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// The receiving person the actor acts for (recorded as `on_behalf_of`).
    pub on_behalf_of: Option<String>,
    /// Why (a decline needs it).
    pub reason: Option<String>,
}

/// The handoff `target` names: by id prefix, or by customer (slug, contact email or phone: its
/// latest handoff), with the bundle of its customer (corrections applied).
fn find_handoff(store: &Store, target: &str) -> Result<(String, CustomerBundle, String)> {
    if let Ok(prefix) = IdPrefix::parse(target)
        && !store.has_customer(target)
    {
        match store.find_one_record(&prefix, None, Some(RecordKind::Handoff)) {
            Ok(location) => {
                let bundle = store.load_bundle(&location.slug)?;
                return Ok((location.slug, bundle, location.path));
            }
            // A phone number can be all digits: it may still name a customer.
            Err(Error::NotFound { .. }) if contact::looks_like_phone(target) => {}
            Err(e) => return Err(e),
        }
    }
    let slug = store.resolve_customer(target).map_err(|e| match e {
        Error::NotFound { .. } => Error::not_listed(
            format!(
                "`{}` is neither a customer nor a handoff id",
                text::escape(target)
            ),
            Listing::PendingHandoffs,
        ),
        other => other,
    })?;
    let bundle = store.load_bundle(&slug)?;
    let latest = bundle
        .handoffs
        .iter()
        .max_by_key(|h| (h.record.at, h.record.id))
        .map(|h| h.path.clone())
        .ok_or_else(|| Error::not_found(format!("{slug} has no handoff"), None))?;
    Ok((slug, bundle, latest))
}

/// The state of the handoff at `path` of `bundle`, now.
pub fn state_of(bundle: &CustomerBundle, path: &str) -> Option<HandoffState> {
    let interactions: Vec<&crate::model::Interaction> =
        bundle.interactions.iter().map(|l| &l.record).collect();
    let notes: Vec<&crate::model::Note> = bundle.notes.iter().map(|l| &l.record).collect();
    let target = bundle.handoffs.iter().find(|h| h.path == path)?;
    handoffs::states(
        bundle.handoffs.iter().map(|l| &l.record),
        &interactions,
        &notes,
        time::now(),
    )
    .into_iter()
    .find(|(h, _)| h.id == target.record.id)
    .map(|(_, s)| s)
}

/// Checks that `actor` may answer `handoff`: only its receiver, or someone acting
/// `--on-behalf-of` them (which is recorded), or, for a handoff to a team without an owner, a
/// member of that team.
fn may_answer(store: &Store, actor: &str, h: &Handoff, answer: &Answer, verb: &str) -> Result<()> {
    if let Some(other) = &answer.on_behalf_of {
        store.require_person(other)?;
    }
    let acting_for = answer.on_behalf_of.as_deref().unwrap_or(actor);
    match (&h.to.owner, &h.to.team) {
        (Some(owner), _) if owner == acting_for => Ok(()),
        (Some(owner), _) => Err(Error::refused(
            format!(
                "handoff {} is to {owner}: only {owner} can {verb} it",
                h.id.short()
            ),
            Remedy::Give {
                input: Input::OnBehalfOf,
                value: owner.clone(),
                does: format!("{verb} it for them"),
                note: Some("recorded in the handoff".into()),
            },
        )),
        (None, Some(team))
            if store
                .config()
                .person(acting_for)
                .is_some_and(|p| p.teams.contains(team)) =>
        {
            Ok(())
        }
        (None, team) => Err(Error::invalid(format!(
            "handoff {} is to team {}: only its members can {verb} it",
            h.id.short(),
            team.as_deref().unwrap_or("nobody")
        ))),
    }
}

/// Refuses to answer a handoff that is no longer pending (superseded, declined, explicitly
/// accepted), saying what happened to it.
fn refuse_answered(h: &Handoff, state: &HandoffState) -> Result<()> {
    let what = match state {
        HandoffState::Pending => return Ok(()),
        HandoffState::Accepted { how, .. } if *how != Acceptance::Explicit => return Ok(()),
        HandoffState::Accepted { at, .. } => {
            format!("was already accepted at {}", time::rfc3339(at))
        }
        HandoffState::Declined { at, by, .. } => {
            format!("was declined by {by} at {}", time::rfc3339(at))
        }
        HandoffState::Superseded { by, at } => format!(
            "was superseded by handoff {by} at {}: the customer was handed on before it was taken",
            time::rfc3339(at)
        ),
    };
    Err(Error::not_listed(
        format!("handoff {} {what}", h.id.short()),
        Listing::CustomerHandoffs,
    ))
}

/// A handoff about to be answered, with what answering it is based on.
struct Answering {
    slug: String,
    bundle: CustomerBundle,
    path: String,
    text: String,
    current: Handoff,
}

/// Finds the handoff `target` names and checks that `actor` may `verb` it now.
fn answering(
    store: &Store,
    actor: &str,
    target: &str,
    answer: &Answer,
    verb: &str,
) -> Result<Answering> {
    let (slug, bundle, path) = find_handoff(store, target)?;
    let text = store.read_text(&path)?;
    let current: Handoff = yaml::parse(std::path::Path::new(&path), &text)?;
    if let Some(state) = state_of(&bundle, &path) {
        refuse_answered(&current, &state)?;
    }
    may_answer(store, actor, &current, answer, verb)?;
    Ok(Answering {
        slug,
        bundle,
        path,
        text,
        current,
    })
}

/// The `on_behalf_of` edit, when the actor answers for someone else.
fn on_behalf(answer: &Answer, actor: &str) -> Option<FieldEdit> {
    answer
        .on_behalf_of
        .as_ref()
        .filter(|o| *o != actor)
        .map(|o| FieldEdit::set(handoffs::ON_BEHALF_OF, o))
}

/// Plans accepting a handoff named by id prefix, or by customer (its latest handoff). Only the
/// receiving person accepts, or someone `--on-behalf-of` them; a superseded, declined or
/// already accepted handoff is refused.
pub fn accept(store: &Store, actor: &str, target: &str) -> Result<Planned<Handoff>> {
    accept_as(store, actor, target, &Answer::default())
}

/// [`accept`] with the person acted for.
pub fn accept_as(
    store: &Store,
    actor: &str,
    target: &str,
    answer: &Answer,
) -> Result<Planned<Handoff>> {
    let Answering {
        slug, path, text, ..
    } = answering(store, actor, target, answer, "accept")?;
    let now = time::now();
    let mut edits = vec![
        FieldEdit::set("accepted_at", time::rfc3339(&now)),
        FieldEdit::set("accepted_by", actor),
    ];
    edits.extend(on_behalf(answer, actor));
    let (new_text, handoff): (String, Handoff) =
        edit_text(std::path::Path::new(&path), &text, &edits)?;
    let for_whom = answer
        .on_behalf_of
        .as_ref()
        .filter(|o| *o != actor)
        .map(|o| format!(" for {o}"))
        .unwrap_or_default();
    let mut change = Change::new(
        "handoff.accept",
        format!("handoff: {actor} accepts {slug}{for_whom}"),
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

/// Plans declining a handoff (by id prefix, or the customer's latest): the handoff records
/// `declined_at`, `declined_by` and `decline_reason` (and `on_behalf_of`), and the customer's
/// owner and team go back to the handoff's `from`, in one commit. Only a pending handoff (or
/// one taken over by activity only) can be declined, by its receiver or on their behalf.
pub fn decline(
    store: &Store,
    actor: &str,
    target: &str,
    answer: &Answer,
) -> Result<Planned<Handoff>> {
    let reason = answer
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .ok_or_else(|| {
            Error::missing_because(
                Input::Reason,
                "a decline needs a reason",
                "the previous owner reads it",
            )
        })?;
    let Answering {
        slug,
        bundle,
        path,
        text,
        current,
    } = answering(store, actor, target, answer, "decline")?;
    let now = time::now();
    let mut edits = vec![
        FieldEdit::set(handoffs::DECLINED_AT, time::rfc3339(&now)),
        FieldEdit::set(handoffs::DECLINED_BY, actor),
        FieldEdit::set(handoffs::DECLINE_REASON, reason),
    ];
    edits.extend(on_behalf(answer, actor));
    let (new_text, handoff): (String, Handoff) =
        edit_text(std::path::Path::new(&path), &text, &edits)?;
    let back = &current.from;
    let owner_edits = [
        match &back.owner {
            Some(o) => FieldEdit::set("owner", o),
            None => FieldEdit::remove("owner"),
        },
        match &back.team {
            Some(t) => FieldEdit::set("team", t),
            None => FieldEdit::remove("team"),
        },
    ];
    let customer_path = layout::customer_file(&slug);
    let customer_text = store.read_text(&customer_path)?;
    let (new_customer, _): (String, crate::model::Customer) = edit_text(
        std::path::Path::new(&customer_path),
        &customer_text,
        &owner_edits,
    )?;
    let mut change = Change::new(
        "handoff.decline",
        format!("handoff: {actor} declines {slug}, back to {back} ({actor})"),
        actor,
    );
    change.ids.push(bundle.customer.id);
    change.ids.push(handoff.id);
    if new_customer != customer_text {
        change.files.push(FileOp::Update {
            path: customer_path,
            contents: new_customer,
        });
    }
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

/// A handoff with the customer it belongs to and where it stands.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HandoffRow {
    pub customer: String,
    pub path: String,
    /// When and how the new owner took over: `handoff accept`, or their first touchpoint or
    /// note after the handoff, whichever came first; `None` unless accepted.
    pub accepted: Option<(crate::model::Timestamp, crate::model::records::Acceptance)>,
    /// Pending, accepted, declined or superseded (`model::handoffs`).
    pub status: HandoffState,
    #[serde(flatten)]
    pub handoff: Handoff,
}

/// Handoffs across the store (or of one customer), oldest first; `pending` keeps the ones still
/// waiting for their receiver (not accepted, declined or superseded), `to` the ones to that
/// person.
pub fn list(
    store: &Store,
    customer: Option<&str>,
    pending: bool,
    to: Option<&str>,
) -> Result<Vec<HandoffRow>> {
    use rayon::prelude::*;
    if let Some(to) = to {
        store.require_person(to)?;
    }
    let slugs = match customer {
        Some(name) => vec![store.resolve_customer(name)?],
        None => store.customer_slugs()?,
    };
    let now = time::now();
    let mut rows: Vec<HandoffRow> = slugs
        .par_iter()
        .map(|slug| -> Result<Vec<HandoffRow>> {
            let handoffs = store.load_records::<Handoff>(slug, RecordKind::Handoff)?;
            if handoffs.is_empty() {
                return Ok(Vec::new());
            }
            // The corrected view: a voided touchpoint does not take a handoff over.
            let bundle = store.load_bundle(slug)?;
            let interactions: Vec<&crate::model::Interaction> =
                bundle.interactions.iter().map(|l| &l.record).collect();
            let notes: Vec<&crate::model::Note> = bundle.notes.iter().map(|l| &l.record).collect();
            let states = handoffs::states(
                bundle.handoffs.iter().map(|l| &l.record),
                &interactions,
                &notes,
                now,
            );
            Ok(bundle
                .handoffs
                .iter()
                .map(|l| {
                    let status = states
                        .iter()
                        .find(|(h, _)| h.id == l.record.id)
                        .map(|(_, s)| s.clone())
                        .unwrap_or(HandoffState::Pending);
                    HandoffRow {
                        customer: slug.clone(),
                        path: l.path.clone(),
                        accepted: status.accepted(),
                        status,
                        handoff: l.record.clone(),
                    }
                })
                .collect())
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .filter(|r| !pending || r.status.is_pending())
        .filter(|r| to.is_none() || r.handoff.to.owner.as_deref() == to)
        .collect();
    rows.sort_by_key(|r| (r.handoff.at, r.handoff.id));
    Ok(rows)
}
