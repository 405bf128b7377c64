//! Restricted content: a value a record keeps to one team. Pure: the shape on disk, the words
//! shown in its place, and which keys of a record it may stand for. The cryptography lives in
//! `crate::access`; nothing here can read a sealed value.
//!
//! On disk a restricted record keeps everything the metrics, threads, merges and checks need in
//! clear (ids, times, authors, channel, direction, thread, the team) and puts the content under
//! `restricted:`:
//!
//! ```yaml
//! restricted:
//!   team: finance
//!   recipients: [alice:3f2a9c0d41b7e855, bob:0c1d2e3f40516273]
//!   ciphertext: |
//!     -----BEGIN AGE ENCRYPTED FILE-----
//!     ...
//! ```
//!
//! A customer's restricted fields are one such value per field under `restricted_fields:`.
//! After the load layer has tried to open it, the in-memory record says instead
//! `restricted: {team, readable}` (no ciphertext): a record in that state is a read model and
//! the write path refuses it, so an opened value can never be written back in clear.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::records::{Extra, RecordKind};

/// The key of a record's sealed content.
pub const KEY: &str = "restricted";
/// The key of a customer's sealed fields (`restricted_fields.<name>`).
pub const FIELDS_KEY: &str = "restricted_fields";

/// A sealed value as stored: the team it is kept to, who could open it when it was written
/// (`handle:fingerprint`), and the age message (ASCII-armored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub team: String,
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Who sealed it, for values whose record names no author (a customer's field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub ciphertext: String,
}

impl Sealed {
    /// The recipients as `(handle, fingerprint)` pairs; an entry without a handle has an empty
    /// one.
    pub fn recipient_pairs(&self) -> Vec<(&str, &str)> {
        self.recipients
            .iter()
            .map(|r| r.rsplit_once(':').unwrap_or(("", r.as_str())))
            .collect()
    }

    /// The stored form, as a value to put under [`KEY`].
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// What a reader learns about a restricted value once the load layer has tried to open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub team: String,
    pub readable: bool,
}

/// The state of a restricted value of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// As stored, not opened yet.
    Sealed(Sealed),
    /// Opened (or tried): a read model, never written.
    Shown(Shown),
    /// A `restricted` key that is neither (hand-edited, damaged): the message says why.
    Invalid(String),
}

/// Reads a restricted value (the value under [`KEY`] or one entry of [`FIELDS_KEY`]).
pub fn state_of(value: &Value) -> State {
    if value.get("readable").is_some() && value.get("ciphertext").is_none() {
        return match serde_json::from_value::<Shown>(value.clone()) {
            Ok(shown) => State::Shown(shown),
            Err(e) => State::Invalid(e.to_string()),
        };
    }
    match serde_json::from_value::<Sealed>(value.clone()) {
        Ok(sealed) if sealed.team.trim().is_empty() => State::Invalid("`team` is empty".into()),
        Ok(sealed) if !sealed.ciphertext.contains("BEGIN AGE ENCRYPTED FILE") => {
            State::Invalid("`ciphertext` is not an ASCII-armored age message".into())
        }
        Ok(sealed) => State::Sealed(sealed),
        Err(e) => State::Invalid(e.to_string()),
    }
}

/// The restricted value of a record, from its unknown keys.
pub fn of(extra: &Extra) -> Option<State> {
    extra.get(KEY).map(state_of)
}

/// The team a record's content is kept to, whatever its state.
pub fn team_of(extra: &Extra) -> Option<String> {
    extra
        .get(KEY)
        .and_then(|v| v.get("team"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// A customer's restricted fields by name (each in whatever state it is).
pub fn fields_of(extra: &Extra) -> Vec<(String, State)> {
    match extra.get(FIELDS_KEY) {
        Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), state_of(v))).collect(),
        _ => Vec::new(),
    }
}

/// The keys of a record of `kind` that its sealed content may set when opened. Anything else a
/// payload carries is ignored, so a crafted message cannot change an id, a time or an author.
pub fn sealed_keys(kind: Option<RecordKind>) -> &'static [&'static str] {
    match kind {
        Some(RecordKind::Note) => &["body"],
        Some(RecordKind::Interaction) => &["summary", "body"],
        Some(RecordKind::Document) => &["title", "name", "media_type", "sha256"],
        _ => &[],
    }
}

/// The key that shows the placeholder when a record of `kind` cannot be opened.
pub fn primary_key(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Interaction => "summary",
        RecordKind::Document => "title",
        _ => "body",
    }
}

/// The words shown in place of content the reader cannot open: "restricted note for finance".
pub fn placeholder(kind: RecordKind, team: &str) -> String {
    format!("restricted {} for {team}", kind.word())
}

/// The words shown in place of a restricted field the reader cannot open.
pub fn field_placeholder(team: &str) -> String {
    format!("(restricted to {team})")
}

/// How `review` and `history` name a restricted value without its content: "restricted note
/// (finance)".
pub fn opaque_words(word: &str, team: &str) -> String {
    format!("restricted {word} ({team})")
}

/// Whether a key path of a record (as `history` and the merge driver walk it) is a restricted
/// value: `restricted`, or `restricted_fields.<name>`. Such a value is one opaque unit: it is
/// never merged or compared key by key.
pub fn is_opaque_path(path: &[&str]) -> bool {
    matches!(path, [KEY] | [FIELDS_KEY, _])
}

/// A restricted value in words without its content, for `history` and `review`: "sealed to
/// finance (alice, bob)". Anything that is not a restricted value is returned unchanged.
pub fn opaque_value(value: &Value) -> Value {
    match state_of(value) {
        State::Sealed(s) => {
            let people: Vec<&str> = s
                .recipient_pairs()
                .iter()
                .map(|(h, _)| *h)
                .filter(|h| !h.is_empty())
                .collect();
            Value::String(format!("sealed to {} ({})", s.team, people.join(", ")))
        }
        State::Shown(s) => Value::String(format!("restricted to {}", s.team)),
        State::Invalid(_) => Value::String("a damaged restricted value".into()),
    }
}

/// The team of a restricted value seen as a plain JSON value (for `review` and `history`).
pub fn team_in(value: &Value) -> Option<&str> {
    value.get("team").and_then(Value::as_str)
}

/// Whether a record, read as a map, carries a restricted value that was opened (a read model).
/// The write path refuses such files.
pub fn has_shown_value(record: &Map<String, Value>) -> bool {
    let shown = |v: &Value| matches!(state_of(v), State::Shown(_));
    record.get(KEY).is_some_and(shown)
        || record
            .get(FIELDS_KEY)
            .and_then(Value::as_object)
            .is_some_and(|m| m.values().any(shown))
}

/// What a reader is told about a record's restricted content (`restricted: {team, readable}`
/// in JSON): the team, and whether the load layer opened it; `None` for a record that is not
/// restricted. A value still sealed (loaded without keys) or damaged is not readable.
pub fn shown_of(extra: &Extra) -> Option<Shown> {
    match of(extra)? {
        State::Shown(s) => Some(s),
        State::Sealed(s) => Some(Shown {
            team: s.team,
            readable: false,
        }),
        State::Invalid(_) => Some(Shown {
            team: String::new(),
            readable: false,
        }),
    }
}

/// The keys of a record (of `kind`; `None` for a customer) that hold content in clear beside
/// its sealed value: a sealed key of the kind written out (`body` next to a sealed note's
/// `restricted:`), or a custom field both in `restricted_fields` and in `fields`. A restricted
/// record holds that content only sealed; the write path refuses the others.
pub fn clear_beside_sealed(record: &Map<String, Value>, kind: Option<RecordKind>) -> Vec<String> {
    let mut out = Vec::new();
    if matches!(record.get(KEY).map(state_of), Some(State::Sealed(_))) {
        for key in sealed_keys(kind) {
            let clear = match record.get(*key) {
                None | Some(Value::Null) => false,
                Some(Value::String(s)) => !s.is_empty(),
                Some(_) => true,
            };
            if clear {
                out.push((*key).to_string());
            }
        }
    }
    if let (Some(sealed), Some(clear)) = (
        record.get(FIELDS_KEY).and_then(Value::as_object),
        record.get("fields").and_then(Value::as_object),
    ) {
        out.extend(
            sealed
                .keys()
                .filter(|name| clear.contains_key(*name))
                .map(|name| format!("fields.{name}")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn states_are_told_apart() {
        let sealed = json!({"team": "finance", "recipients": ["a:00"], "ciphertext": "-----BEGIN AGE ENCRYPTED FILE-----\nx\n-----END AGE ENCRYPTED FILE-----\n"});
        assert!(matches!(state_of(&sealed), State::Sealed(_)));
        let shown = json!({"team": "finance", "readable": false});
        assert!(matches!(state_of(&shown), State::Shown(_)));
        assert!(matches!(
            state_of(&json!({"team": "finance", "ciphertext": "plain text"})),
            State::Invalid(_)
        ));
        assert!(matches!(state_of(&json!("x")), State::Invalid(_)));
        let record: Map<String, Value> =
            serde_json::from_value(json!({"restricted": shown})).unwrap();
        assert!(has_shown_value(&record));
        let record: Map<String, Value> =
            serde_json::from_value(json!({"restricted_fields": {"price": sealed}})).unwrap();
        assert!(!has_shown_value(&record));
    }

    #[test]
    fn recipients_split_into_handle_and_key() {
        let s = Sealed {
            team: "t".into(),
            recipients: vec!["alice:abc".into(), "def".into()],
            by: None,
            ciphertext: String::new(),
        };
        assert_eq!(s.recipient_pairs(), vec![("alice", "abc"), ("", "def")]);
    }
}
