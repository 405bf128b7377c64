//! Corrections: how a touchpoint or a note is amended or withdrawn without rewriting history.
//!
//! A record, once written, is never edited in place (review flags that as a rewrite). A mistake
//! is corrected by a new record, `customers/<slug>/corrections/<file>.yaml`, that names its
//! `target` and says what changes (`kind: amend`, with `changes`) or that the target is
//! withdrawn (`kind: void`, with a `reason`). Readers apply the corrections of a customer in
//! `(at, id)` order when its bundle is built, so every view (timeline, card, inbox, metrics,
//! export, find) sees the corrected records, and can say which were corrected, by whom and when.
//!
//! A correction that moves a record to another customer (`changes.customer`) is written with the
//! record's file moved into the new customer's folder: the move is what makes every reader,
//! including those that read one folder only, find the record there and count it once; the
//! correction (in the new folder) is what makes review accept the move.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ids::RecordId;
use super::records::{Direction, Extra, Interaction, Note, RecordKind};
use super::time::Timestamp;

/// Amend or void.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CorrectionKind {
    /// Some fields of the target take new values (`changes`).
    Amend,
    /// The target is withdrawn: readers leave it out (and say so).
    Void,
}

impl CorrectionKind {
    /// The past participle people read: `amended`, `voided`.
    pub fn done_word(self) -> &'static str {
        match self {
            CorrectionKind::Amend => "amended",
            CorrectionKind::Void => "voided",
        }
    }
}

/// `corrections/<file>.yaml`: an amendment or a withdrawal of an earlier touchpoint or note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub id: RecordId,
    pub at: Timestamp,
    pub by: String,
    /// The full id of the touchpoint or note it corrects.
    pub target: RecordId,
    pub kind: CorrectionKind,
    /// For `amend`: field -> new value (`null` removes an optional field such as `body`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub changes: BTreeMap<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The fields an amendment may change on a touchpoint. `customer` moves it (see the module
/// documentation).
pub const INTERACTION_FIELDS: &[&str] = &[
    "summary",
    "body",
    "channel",
    "at",
    "direction",
    "by",
    "customer",
];

/// The fields an amendment may change on a note.
pub const NOTE_FIELDS: &[&str] = &["body", "at", "customer"];

/// The key of `changes` that names the customer a record moved to.
pub const CUSTOMER_KEY: &str = "customer";

/// The fields of `kind` an amendment may change (none for records that are not corrected).
pub fn amendable(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Interaction => INTERACTION_FIELDS,
        RecordKind::Note => NOTE_FIELDS,
        _ => &[],
    }
}

fn text_value(field: &str, value: &Value, required: bool) -> Result<Option<String>, String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Ok(Some(s.clone())),
        Value::Null | Value::String(_) if !required => Ok(None),
        Value::Null | Value::String(_) => Err(format!("`{field}` cannot be empty")),
        _ => Err(format!("`{field}` must be text")),
    }
}

fn time_value(value: &Value) -> Result<Timestamp, String> {
    value
        .as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .ok_or_else(|| "`at` must be an RFC 3339 time with an offset".to_string())
}

/// Applies the `changes` of an amendment to a touchpoint. A field that is not amendable or a
/// value of the wrong type is an error naming it (and changes nothing).
pub fn amend_interaction(
    i: &Interaction,
    changes: &BTreeMap<String, Value>,
) -> Result<Interaction, String> {
    let mut out = i.clone();
    for (field, value) in changes {
        match field.as_str() {
            "summary" => out.summary = text_value(field, value, true)?.unwrap_or_default(),
            "body" => out.body = text_value(field, value, false)?,
            "channel" => out.channel = text_value(field, value, true)?.unwrap_or_default(),
            "by" => out.by = text_value(field, value, true)?.unwrap_or_default(),
            "at" => out.at = time_value(value)?,
            "direction" => {
                out.direction = serde_json::from_value::<Direction>(value.clone())
                    .map_err(|_| "`direction` must be inbound, outbound or internal".to_string())?
            }
            CUSTOMER_KEY => {
                text_value(field, value, true)?;
            }
            other => return Err(not_amendable(other, RecordKind::Interaction)),
        }
    }
    Ok(out)
}

/// Applies the `changes` of an amendment to a note.
pub fn amend_note(n: &Note, changes: &BTreeMap<String, Value>) -> Result<Note, String> {
    let mut out = n.clone();
    for (field, value) in changes {
        match field.as_str() {
            "body" => out.body = text_value(field, value, true)?.unwrap_or_default(),
            "at" => out.at = time_value(value)?,
            CUSTOMER_KEY => {
                text_value(field, value, true)?;
            }
            other => return Err(not_amendable(other, RecordKind::Note)),
        }
    }
    Ok(out)
}

fn not_amendable(field: &str, kind: RecordKind) -> String {
    format!(
        "`{}` cannot be amended on a {} (amendable: {})",
        super::text::escape(field),
        kind.word(),
        amendable(kind).join(", ")
    )
}

impl Correction {
    /// What the correction does, in a few words: `amended 957d4988 (summary, channel)`,
    /// `voided 957d4988`.
    pub fn describe(&self) -> String {
        let target = self.target.short();
        match self.kind {
            CorrectionKind::Void => format!("voided {target}"),
            CorrectionKind::Amend => {
                let fields: Vec<&str> = self.changes.keys().map(String::as_str).collect();
                format!("amended {target} ({})", fields.join(", "))
            }
        }
    }

    /// The customer this correction moved its target to, if it did.
    pub fn moved_to(&self) -> Option<&str> {
        self.changes.get(CUSTOMER_KEY).and_then(Value::as_str)
    }
}

/// The order corrections apply in: by `at`, then by id (UUID v7 carries milliseconds).
pub fn in_order<T>(list: &[T], get: impl Fn(&T) -> &Correction) -> Vec<&T> {
    let mut out: Vec<&T> = list.iter().collect();
    out.sort_by_key(|c| (get(c).at, get(c).id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::Actor;

    fn tp() -> Interaction {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:12:00Z").unwrap();
        Interaction {
            id: RecordId(uuid::Uuid::from_u128(1)),
            at: t,
            recorded_at: t,
            channel: "email".into(),
            direction: Direction::Inbound,
            by: "hank@globex.example".into(),
            actor: Actor::Human,
            thread: RecordId(uuid::Uuid::from_u128(1)),
            summary: "Invoice".into(),
            body: Some("old".into()),
            resolves: false,
            tags: vec![],
            source: None,
            extra: Default::default(),
        }
    }

    fn changes(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn amendments_apply_and_refuse_what_they_cannot_change() {
        let i = tp();
        let out = amend_interaction(
            &i,
            &changes(&[
                ("summary", Value::from("Invoice 1042")),
                ("body", Value::Null),
                ("channel", Value::from("call")),
                ("direction", Value::from("outbound")),
                ("at", Value::from("2026-11-20T10:00:00+01:00")),
            ]),
        )
        .unwrap();
        assert_eq!(out.summary, "Invoice 1042");
        assert_eq!(out.body, None);
        assert_eq!(out.channel, "call");
        assert_eq!(out.direction, Direction::Outbound);
        assert_eq!(out.at.to_rfc3339(), "2026-11-20T10:00:00+01:00");
        assert_eq!(out.id, i.id);
        for bad in [
            ("summary", Value::from("")),
            ("direction", Value::from("sideways")),
            ("at", Value::from("tomorrow")),
            ("thread", Value::from("x")),
            ("summary", Value::from(3)),
        ] {
            assert!(
                amend_interaction(&i, &changes(std::slice::from_ref(&bad))).is_err(),
                "{bad:?}"
            );
        }
    }
}
