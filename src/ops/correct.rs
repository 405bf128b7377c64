//! `amend` and `void`: correcting a touchpoint or note with a correction record instead of
//! editing it (see [`crate::model::corrections`]). Both plan one commit; nothing already written
//! changes, except that a move to another customer moves the files concerned, unchanged.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::{Error, Input, Listing, Result};
use crate::model::corrections::{CUSTOMER_KEY, Correction, CorrectionKind};
use crate::model::ids::IdPrefix;
use crate::model::records::{Direction, Interaction, Note, RecordKind};
use crate::model::{RecordId, Timestamp, text, time};
use crate::store::load::RecordLocation;
use crate::store::{Change, CustomerBundle, FileOp, Store, layout, yaml};

use super::Planned;

/// What `amend` is asked to change; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct AmendInput {
    /// A short id prefix (or full id) of a touchpoint or note.
    pub target: String,
    pub summary: Option<String>,
    /// `Some(None)` removes the body of a touchpoint.
    pub body: Option<Option<String>>,
    pub channel: Option<String>,
    pub at: Option<Timestamp>,
    pub direction: Option<Direction>,
    pub by: Option<String>,
    /// Move the record to this customer (a slug, or a contact's email or phone).
    pub customer: Option<String>,
    pub reason: Option<String>,
}

/// The record a correction is about, as the customer's bundle shows it now.
enum Current {
    Interaction(Interaction),
    Note(Note),
}

/// Finds the touchpoint or note `target` names, and the bundle of its customer (corrections
/// applied). Other kinds are refused with the command that changes them.
fn locate(store: &Store, target: &str) -> Result<(RecordLocation, CustomerBundle)> {
    let prefix = IdPrefix::parse(target)
        .map_err(|why| Error::malformed(why, Listing::Timeline { customer: None }))?;
    let found: Vec<RecordLocation> = store.find_records(&prefix, None, None)?;
    let (fixable, other): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|l| matches!(l.kind, RecordKind::Interaction | RecordKind::Note));
    let location = match (fixable.len(), other.first()) {
        (1, _) => fixable.into_iter().next().expect("one"),
        (0, Some(l)) => {
            let how = match l.kind {
                RecordKind::Task => "change a task with `git crm task edit`",
                RecordKind::Handoff => {
                    "a handoff is undone by a new one (`git crm assign`) or declined (`git crm handoff decline`)"
                }
                _ => "corrections apply to touchpoints and notes only",
            };
            return Err(Error::invalid_hint(
                format!(
                    "{} is a {}, not a touchpoint or note",
                    prefix.as_str(),
                    l.kind.word()
                ),
                how,
            ));
        }
        (0, None) => {
            return Err(Error::not_listed(
                format!("no touchpoint or note with id `{}`", prefix.as_str()),
                Listing::RecordIds,
            ));
        }
        _ => {
            return Err(Error::invalid_hint(
                format!("id prefix `{}` is ambiguous", prefix.as_str()),
                format!(
                    "it matches {}; type more digits",
                    fixable
                        .iter()
                        .map(|l| l.path.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    };
    let bundle = store.load_bundle(&location.slug)?;
    Ok((location, bundle))
}

fn current(bundle: &CustomerBundle, location: &RecordLocation) -> Result<(RecordId, Current)> {
    let voided = |id: RecordId| {
        bundle.correction_marks().get(&id).and_then(|m| {
            m.iter()
                .rev()
                .find(|m| m.kind == CorrectionKind::Void)
                .cloned()
        })
    };
    let id = match location.kind {
        RecordKind::Interaction => {
            if let Some(l) = bundle.interactions.iter().find(|l| l.path == location.path) {
                return Ok((l.record.id, Current::Interaction(l.record.clone())));
            }
            bundle
                .voided_interactions
                .iter()
                .find(|l| l.path == location.path)
                .map(|l| l.record.id)
        }
        _ => {
            if let Some(l) = bundle.notes.iter().find(|l| l.path == location.path) {
                return Ok((l.record.id, Current::Note(l.record.clone())));
            }
            bundle
                .voided_notes
                .iter()
                .find(|l| l.path == location.path)
                .map(|l| l.record.id)
        }
    };
    match id.and_then(voided) {
        Some(mark) => Err(Error::invalid(format!(
            "{} {} was voided by {} at {}{}",
            location.kind.word(),
            id.map(|i| i.short()).unwrap_or_default(),
            mark.by,
            time::rfc3339(&mark.at),
            mark.reason.map(|r| format!(": {r}")).unwrap_or_default()
        ))),
        None => Err(Error::not_found(
            format!("{} is not readable", location.path),
            None,
        )),
    }
}

/// Plans an amendment: the fields given that differ from the record as it reads now. A move
/// to another customer (`customer`) moves the touchpoint's whole thread on this customer, and
/// the corrections written earlier about the records moved, with one correction per record
/// moved, all in one commit.
pub fn amend(store: &Store, actor: &str, input: AmendInput) -> Result<Planned<Correction>> {
    let (location, bundle) = locate(store, &input.target)?;
    let slug = location.slug.clone();
    let (target_id, current) = current(&bundle, &location)?;
    let mut changes: BTreeMap<String, Value> = BTreeMap::new();
    let now = time::now();
    // A correction is written in clear: what a restricted record keeps sealed cannot be amended
    // without leaking it.
    let extra = match &current {
        Current::Interaction(i) => &i.extra,
        Current::Note(n) => &n.extra,
    };
    if let Some(team) = crate::model::restricted::team_of(extra)
        && (input.summary.is_some() || input.body.is_some())
    {
        return Err(Error::invalid_hint(
            format!(
                "{} {} is restricted to team {team}: its text cannot be amended in a correction, which is not sealed",
                location.kind.word(),
                target_id.short()
            ),
            format!(
                "void it (`git crm void {}`) and log a corrected one restricted to {team}",
                target_id.short()
            ),
        ));
    }
    if let Some(at) = input.at
        && time::is_future(at, now)
    {
        return Err(Error::bad_input(
            Input::At,
            format!("{} is in the future", time::rfc3339(&at)),
            Some("a touchpoint or note is corrected to when it happened".into()),
        ));
    }
    match &current {
        Current::Interaction(i) => {
            if let Some(summary) = &input.summary {
                let summary = summary.trim();
                if summary.is_empty() {
                    return Err(Error::missing(Input::Summary, "a summary cannot be empty"));
                }
                if summary != i.summary {
                    changes.insert("summary".into(), Value::from(summary));
                }
            }
            if let Some(body) = &input.body {
                let body = body
                    .as_deref()
                    .map(str::trim_end)
                    .filter(|b| !b.trim().is_empty());
                if body != i.body.as_deref() {
                    changes.insert("body".into(), body.map(Value::from).unwrap_or(Value::Null));
                }
            }
            if let Some(channel) = &input.channel {
                store.require_channel(channel)?;
                if *channel != i.channel {
                    changes.insert("channel".into(), Value::from(channel.as_str()));
                }
            }
            if let Some(at) = input.at
                && at != i.at
            {
                changes.insert("at".into(), Value::from(time::rfc3339(&at)));
            }
            let direction = input.direction.unwrap_or(i.direction);
            if direction != i.direction {
                changes.insert(
                    "direction".into(),
                    serde_json::to_value(direction).unwrap_or_default(),
                );
            }
            let by = author(store, &bundle, &slug, i, direction, input.by.clone())?;
            if by != i.by {
                changes.insert("by".into(), Value::from(by));
            }
        }
        Current::Note(n) => {
            let refused = [
                (Input::Summary, input.summary.is_some()),
                (Input::Channel, input.channel.is_some()),
                (Input::Direction, input.direction.is_some()),
                (Input::By, input.by.is_some()),
            ];
            if let Some((refused, _)) = refused.iter().find(|(_, given)| *given) {
                return Err(Error::misused_input(
                    *refused,
                    format!("does not apply: a note has no {}", refused.word()),
                    Some("a note's body, time and customer can be amended".into()),
                ));
            }
            if let Some(body) = &input.body {
                let body = body.as_deref().map(str::trim_end).unwrap_or_default();
                if body.trim().is_empty() {
                    return Err(Error::usage("a note's body cannot be empty", None));
                }
                for handle in super::note::mentions(body) {
                    if store.config().person(&handle).is_none() {
                        return Err(Error::usage(
                            format!("@{} is not a person of this store", text::escape(&handle)),
                            None,
                        ));
                    }
                }
                if body != n.body {
                    changes.insert("body".into(), Value::from(body));
                }
            }
            if let Some(at) = input.at
                && at != n.at
            {
                changes.insert("at".into(), Value::from(time::rfc3339(&at)));
            }
        }
    }
    let destination = match &input.customer {
        Some(name) => Some(store.resolve_customer(name)?).filter(|d| *d != slug),
        None => None,
    };
    if let Some(dest) = &destination {
        changes.insert(CUSTOMER_KEY.into(), Value::from(dest.as_str()));
    }
    if changes.is_empty() {
        return Err(Error::NothingToChange {
            message: format!(
                "nothing to amend: {} {} already reads so",
                location.kind.word(),
                target_id.short()
            ),
            inputs: vec![
                Input::Summary,
                Input::Body,
                Input::Channel,
                Input::At,
                Input::Direction,
                Input::By,
                Input::Customer,
            ],
        });
    }
    let reason = input
        .reason
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let home = destination.clone().unwrap_or_else(|| slug.clone());
    let correction = new_correction(
        actor,
        target_id,
        CorrectionKind::Amend,
        changes,
        reason.clone(),
        now,
    );
    let fields: Vec<&str> = correction.changes.keys().map(String::as_str).collect();
    let subject = match &destination {
        Some(dest) => format!(
            "amend: move {} {} from {slug} to {dest} ({actor})",
            location.kind.word(),
            target_id.short()
        ),
        None => format!(
            "amend: {} {} on {slug} ({}) ({actor})",
            location.kind.word(),
            target_id.short(),
            fields.join(", ")
        ),
    };
    let mut change = Change::new("correction.amend", subject, actor);
    let mut extra_files = Vec::new();
    if let Some(dest) = &destination {
        extra_files = move_files(
            store,
            &bundle,
            &location,
            target_id,
            dest,
            actor,
            reason,
            now,
            &mut change,
        )?;
    }
    let path = layout::record_file(
        &home,
        RecordKind::Correction,
        &correction.at,
        &correction.id,
    );
    change.ids.insert(0, target_id);
    change.ids.insert(0, correction.id);
    change.files.insert(
        0,
        FileOp::Create {
            path: path.clone(),
            contents: yaml::to_yaml(&correction)?,
        },
    );
    change.files.extend(extra_files);
    Ok(Planned {
        change,
        record: correction,
        path,
    })
}

/// The author a touchpoint has after an amendment: `by` as given or kept, checked against the
/// direction it will have (a person for outbound and internal, the customer's contact for
/// inbound).
fn author(
    store: &Store,
    bundle: &CustomerBundle,
    slug: &str,
    i: &Interaction,
    direction: Direction,
    by: Option<String>,
) -> Result<String> {
    match direction {
        Direction::Inbound => {
            let keep = by.is_none() && store.config().person_named(&i.by).is_none();
            if keep {
                return Ok(i.by.clone());
            }
            super::log::inbound_author(store, &bundle.customer, slug, by)
        }
        _ => {
            let by = match by {
                Some(by) => by,
                None if store.config().person(&i.by).is_some() => i.by.clone(),
                None => {
                    return Err(Error::missing(
                        Input::By,
                        format!(
                            "an {direction} touchpoint is by a person of the store, and `{}` is not one",
                            text::escape(&i.by)
                        ),
                    ));
                }
            };
            store.require_person(&by)?;
            Ok(by)
        }
    }
}

fn new_correction(
    actor: &str,
    target: RecordId,
    kind: CorrectionKind,
    changes: BTreeMap<String, Value>,
    reason: Option<String>,
    at: Timestamp,
) -> Correction {
    Correction {
        id: RecordId::new_at(at.to_utc()),
        at,
        by: actor.to_string(),
        target,
        kind,
        changes,
        reason,
        extra: Default::default(),
    }
}

/// Adds to `change` the move of the target (with its thread, for a touchpoint) and of the
/// corrections about the records moved; returns the correction records written for the other
/// records of the thread.
#[allow(clippy::too_many_arguments)]
fn move_files(
    store: &Store,
    bundle: &CustomerBundle,
    location: &RecordLocation,
    target: RecordId,
    dest: &str,
    actor: &str,
    reason: Option<String>,
    now: Timestamp,
    change: &mut Change,
) -> Result<Vec<FileOp>> {
    let mut moved: Vec<(RecordId, String)> = Vec::new();
    if location.kind == RecordKind::Interaction {
        let thread = bundle
            .interactions
            .iter()
            .chain(&bundle.voided_interactions)
            .find(|l| l.record.id == target)
            .map(|l| l.record.thread)
            .unwrap_or(target);
        for l in bundle
            .interactions
            .iter()
            .chain(&bundle.voided_interactions)
        {
            if l.record.thread == thread || l.record.id == target {
                moved.push((l.record.id, l.path.clone()));
            }
        }
    } else {
        moved.push((target, location.path.clone()));
    }
    let ids: Vec<RecordId> = moved.iter().map(|(id, _)| *id).collect();
    for l in &bundle.corrections {
        if ids.contains(&l.record.target) {
            moved.push((l.record.id, l.path.clone()));
        }
    }
    moved.sort_by(|a, b| a.1.cmp(&b.1));
    let source_dir = layout::customer_dir(&location.slug);
    let dest_dir = layout::customer_dir(dest);
    for (_, path) in &moved {
        let contents = store.read_text(path)?;
        let new_path = format!("{dest_dir}{}", &path[source_dir.len()..]);
        change.files.push(FileOp::Remove { path: path.clone() });
        change.files.push(FileOp::Create {
            path: new_path,
            contents,
        });
    }
    let mut extra = Vec::new();
    for id in ids.iter().filter(|id| **id != target) {
        let changes = BTreeMap::from([(CUSTOMER_KEY.to_string(), Value::from(dest))]);
        let c = new_correction(
            actor,
            *id,
            CorrectionKind::Amend,
            changes,
            reason.clone(),
            now,
        );
        change.ids.push(c.id);
        change.ids.push(*id);
        extra.push(FileOp::Create {
            path: layout::record_file(dest, RecordKind::Correction, &c.at, &c.id),
            contents: yaml::to_yaml(&c)?,
        });
    }
    Ok(extra)
}

/// Plans withdrawing a touchpoint or note: a `void` correction with its reason. Readers leave
/// the record out (and show that it was voided, by whom and why).
pub fn void(store: &Store, actor: &str, target: &str, reason: &str) -> Result<Planned<Correction>> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::missing_because(
            Input::Reason,
            "a void needs a reason",
            "it stays in the store, for whoever wonders later",
        ));
    }
    let (location, bundle) = locate(store, target)?;
    let (target_id, _) = current(&bundle, &location)?;
    let now = time::now();
    let correction = new_correction(
        actor,
        target_id,
        CorrectionKind::Void,
        BTreeMap::new(),
        Some(reason.to_string()),
        now,
    );
    let path = layout::record_file(
        &location.slug,
        RecordKind::Correction,
        &correction.at,
        &correction.id,
    );
    let subject = format!(
        "void: {} {} on {} ({actor})",
        location.kind.word(),
        target_id.short(),
        location.slug
    );
    let mut change = Change::new("correction.void", subject, actor);
    change.ids.push(correction.id);
    change.ids.push(target_id);
    change.files.push(FileOp::Create {
        path: path.clone(),
        contents: yaml::to_yaml(&correction)?,
    });
    Ok(Planned {
        change,
        record: correction,
        path,
    })
}
