//! Reading and writing record YAML. Parsing is strict where hand edits go wrong (duplicate keys
//! from a careless conflict resolution, alias bombs, YAML 1.1 booleans such as `no` silently
//! turning into `false`) and every error names `path:line:column`.
//!
//! Files in the layout git-crm writes are read by [`typed`] over [`canonical`], ten times
//! faster than a general parser; any other file, and every error, goes through serde-saphyr.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

#[cfg(test)]
mod agreement;
mod canonical;
mod typed;

/// Largest record file read; a bigger one is reported instead of parsed.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
    }
}

/// Parses `text` as a `T`, reporting problems against `path`.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!(
                "file is {} bytes; records are limited to {MAX_RECORD_BYTES}",
                text.len()
            ),
        });
    }
    if let Some(line) = conflict_marker_line(text) {
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line,
            column: 1,
            message:
                "unresolved merge conflict marker; resolve the conflict, then run `git crm check`"
                    .into(),
        });
    }
    if let Some(value) = typed::read(text) {
        return Ok(value);
    }
    serde_saphyr::from_str_with_options(text, options()).map_err(|e| parse_error(path, &e))
}

/// Parses `text` with the full parser only, as a file not in the canonical layout would be.
#[cfg(test)]
fn parse_fully<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_saphyr::from_str_with_options(text, options()).ok()
}

/// Parses raw bytes, rejecting text that is not UTF-8.
pub fn parse_bytes<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Parse {
        path: path.to_path_buf(),
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64,
        column: 1,
        message: "file is not valid UTF-8".into(),
    })?;
    parse(path, text)
}

fn parse_error(path: &Path, e: &serde_saphyr::Error) -> Error {
    let (line, column) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let opts = serde_saphyr::render_options! {
        formatter: &serde_saphyr::UserMessageFormatter,
        snippets: serde_saphyr::SnippetMode::Off,
    };
    let rendered = e.render_with_options(opts);
    let message = strip_location_suffix(&rendered).to_string();
    Error::Parse {
        path: path.to_path_buf(),
        line: line.max(1),
        column: column.max(1),
        message: crate::model::text::escape(&message).into_owned(),
    }
}

/// Drops a trailing ` at line N, column M` (the location is printed as `path:line:col`).
fn strip_location_suffix(message: &str) -> &str {
    if let Some(pos) = message.rfind(" at line ") {
        let rest = &message[pos + " at line ".len()..];
        let is_location = rest.split_once(", column ").is_some_and(|(l, c)| {
            !l.is_empty() && !c.is_empty() && l.bytes().chain(c.bytes()).all(|b| b.is_ascii_digit())
        });
        if is_location {
            return &message[..pos];
        }
    }
    message
}

/// The first line (1-based) that starts with a git conflict marker.
pub fn conflict_marker_line(text: &str) -> Option<u64> {
    text.lines()
        .position(|l| l.starts_with("<<<<<<< ") || l == "=======" || l.starts_with(">>>>>>> "))
        .map(|i| i as u64 + 1)
}

/// Serialises a record in the canonical layout: struct field order, block style, one value a
/// line.
pub fn to_yaml<T: Serialize>(value: &T) -> Result<String> {
    serde_saphyr::to_string(value).map_err(|e| Error::invalid(format!("cannot write YAML: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn errors_carry_location() {
        let err =
            parse::<BTreeMap<String, String>>(Path::new("x.yaml"), "a: 1\na: 2\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.yaml:2:1: duplicate mapping key `a` is not allowed here"
        );
    }

    #[test]
    fn conflict_markers_are_reported() {
        let text = "a: 1\n<<<<<<< ours\na: 2\n=======\na: 3\n>>>>>>> theirs\n";
        let err = parse::<BTreeMap<String, String>>(Path::new("x.yaml"), text).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x.yaml:2:1: unresolved merge conflict")
        );
    }

    #[test]
    fn comments_are_read_past_wherever_people_put_them() {
        let plain: BTreeMap<String, String> =
            parse(Path::new("x"), "a: one\nb: two\nc: '# kept'\n").unwrap();
        let commented: BTreeMap<String, String> = parse(
            Path::new("x"),
            "# about this file\na: one  # after a value\n# between keys\nb: two #\nc: '# kept'\n#\n",
        )
        .unwrap();
        assert_eq!(plain, commented);
        assert_eq!(commented["c"], "# kept");
    }

    #[test]
    fn yaml11_booleans_stay_strings() {
        let m: BTreeMap<String, serde_json::Value> =
            parse(Path::new("x"), "a: no\nb: 0612\n").unwrap();
        assert_eq!(m["a"], serde_json::json!("no"));
        assert_eq!(m["b"], serde_json::json!("0612"));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::model::records::{Actor, Direction, Interaction};
    use crate::model::{RecordId, time};
    use proptest::prelude::*;

    proptest! {
        /// Whatever people type into a touchpoint, writing then reading it gives it back.
        #[test]
        fn interaction_round_trips(summary in "\\PC{1,60}", body in proptest::option::of("\\PC{0,200}"), by in "\\PC{1,30}", tags in proptest::collection::vec("[a-z0-9 #:-]{1,12}", 0..4)) {
            let at = time::now();
            let id = RecordId::new_at(at.to_utc());
            let record = Interaction {
                id, at, recorded_at: at, channel: "email".into(), direction: Direction::Inbound, by,
                actor: Actor::Human, thread: id, summary, body, resolves: false, tags, source: None,
                extra: Default::default(),
            };
            let text = to_yaml(&record).unwrap();
            let back: Interaction = parse(Path::new("i.yaml"), &text).unwrap();
            prop_assert_eq!(back, record);
        }
    }
}
