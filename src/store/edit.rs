//! In-place edits of YAML files: change one field and leave every other byte a person wrote
//! (comments, key order, quoting, blank lines, unknown keys) as it was. Values are rendered by
//! the same serializer as new records, then grafted into the lossless syntax tree; the result is
//! parsed again as the typed record before anything is written.

use std::path::Path;
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

use super::yaml;

/// One field to set or remove, addressed by its key path (`["fields", "tier"]`).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldEdit {
    pub key_path: Vec<String>,
    /// `None` removes the key.
    pub value: Option<serde_json::Value>,
}

impl FieldEdit {
    /// Sets a top-level key to any serialisable value.
    pub fn set(key: &str, value: impl Serialize) -> Self {
        FieldEdit {
            key_path: key.split('.').map(str::to_string).collect(),
            value: Some(serde_json::to_value(value).unwrap_or(serde_json::Value::Null)),
        }
    }

    /// Removes a key.
    pub fn remove(key: &str) -> Self {
        FieldEdit {
            key_path: key.split('.').map(str::to_string).collect(),
            value: None,
        }
    }
}

/// Applies `edits` to `text` (the content of `path`) and returns the new text together with the
/// record it parses to. Fails, naming `path`, if the file or the result is not a valid `T`.
pub fn edit_text<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    edits: &[FieldEdit],
) -> Result<(String, T)> {
    yaml::parse::<T>(path, text)?;
    let doc = yaml_edit::Document::from_str(text).map_err(|e| Error::Parse {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: format!("cannot edit in place: {e}"),
    })?;
    let root = doc.as_mapping().ok_or_else(|| Error::Parse {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: "expected a mapping at the top of the file".into(),
    })?;
    for edit in edits {
        apply_edit(&root, &edit.key_path, edit.value.as_ref())?;
    }
    let mut new_text = doc.to_string();
    if !new_text.ends_with('\n') {
        new_text.push('\n');
    }
    let record = yaml::parse::<T>(path, &new_text).map_err(|e| {
        Error::invalid(format!(
            "editing {} in place would produce an invalid file: {e}",
            path.display()
        ))
    })?;
    Ok((new_text, record))
}

fn apply_edit(
    map: &yaml_edit::Mapping,
    key_path: &[String],
    value: Option<&serde_json::Value>,
) -> Result<()> {
    let Some((key, rest)) = key_path.split_first() else {
        return Ok(());
    };
    if rest.is_empty() {
        match value {
            Some(v) => {
                // A list written in flow style (`tags: [a, b]`) stays in flow style: one value
                // per line would change every line of it, and can grow a large list past the
                // record size limit.
                let flow = map
                    .get(key.as_str())
                    .is_some_and(|node| node.to_string().trim_start().starts_with('['));
                let doc = match (flow, flow_sequence(v)) {
                    (true, Some(text)) => yaml_edit::Document::from_str(&format!("v: {text}\n"))
                        .map_err(|_| graft_error())?,
                    _ => node_for(v)?,
                };
                map.set(
                    key.as_str(),
                    doc.as_mapping()
                        .and_then(|m| m.get("v"))
                        .ok_or_else(graft_error)?,
                )
            }
            None => {
                map.remove(key.as_str());
            }
        }
        return Ok(());
    }
    if let Some(child) = map.get_mapping(key.as_str()) {
        return apply_edit(&child, rest, value);
    }
    let Some(value) = value else { return Ok(()) };
    let nested = rest
        .iter()
        .rev()
        .fold(value.clone(), |acc, k| serde_json::json!({ k: acc }));
    let doc = node_for(&nested)?;
    let node = doc
        .as_mapping()
        .and_then(|m| m.get("v"))
        .ok_or_else(graft_error)?;
    map.set(key.as_str(), node);
    Ok(())
}

fn node_for(value: &serde_json::Value) -> Result<yaml_edit::Document> {
    let text = yaml::to_yaml(&serde_json::json!({ "v": value }))?;
    yaml_edit::Document::from_str(&text).map_err(|_| graft_error())
}

/// A list of scalars as a one-line flow sequence (`[a, "b c", 3]`), each item rendered by the
/// same serializer as block values; `None` when an item is not a one-line scalar.
fn flow_sequence(value: &serde_json::Value) -> Option<String> {
    let items = value.as_array()?;
    let mut rendered = Vec::with_capacity(items.len());
    for item in items {
        if item.is_array() || item.is_object() {
            return None;
        }
        let text = yaml::to_yaml(item).ok()?;
        let text = text.trim_end_matches('\n');
        if text.contains('\n') {
            return None;
        }
        // A plain scalar with a flow indicator would be misread inside `[...]`.
        let needs_quotes =
            !text.starts_with(['"', '\'']) && text.contains([',', '[', ']', '{', '}']);
        if needs_quotes {
            rendered.push(serde_json::to_string(item).ok()?);
        } else {
            rendered.push(text.to_string());
        }
    }
    Some(format!("[{}]", rendered.join(", ")))
}

fn graft_error() -> Error {
    Error::invalid("internal error: could not render a YAML value for an in-place edit")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type Any = BTreeMap<String, serde_json::Value>;

    #[test]
    fn keeps_comments_and_order() {
        let text = "# hand written\nname: Acme   # keep me\nzeta: 1\nowner: alice\n";
        let (out, _): (String, Any) = edit_text(
            Path::new("c.yaml"),
            text,
            &[
                FieldEdit::set("owner", "bob"),
                FieldEdit::set("fields.tier", "gold"),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "# hand written\nname: Acme   # keep me\nzeta: 1\nowner: bob\nfields:\n  tier: gold\n"
        );
    }

    #[test]
    fn quoting_is_safe() {
        let text = "name: x\n";
        let (out, rec): (String, Any) = edit_text(
            Path::new("c.yaml"),
            text,
            &[FieldEdit::set("name", "a: #b\nyes")],
        )
        .unwrap();
        assert_eq!(rec["name"], serde_json::json!("a: #b\nyes"));
        assert!(out.starts_with("name: "));
    }

    #[test]
    fn flow_lists_stay_flow_lists() {
        let text = "name: x\ntags: [a, b]   # kept\nowner: alice\n";
        let (out, rec): (String, Any) = edit_text(
            Path::new("c.yaml"),
            text,
            &[FieldEdit::set("tags", ["a", "b", "c, d", "e: f"])],
        )
        .unwrap();
        assert_eq!(rec["tags"], serde_json::json!(["a", "b", "c, d", "e: f"]));
        assert!(out.starts_with("name: x\ntags: [a, b, \"c, d\", "), "{out}");
        assert!(out.ends_with("owner: alice\n"), "{out}");
        assert_eq!(out.lines().count(), 3, "{out}");
    }

    #[test]
    fn invalid_input_is_refused() {
        let err =
            edit_text::<Any>(Path::new("c.yaml"), "a: [\n", &[FieldEdit::set("a", 1)]).unwrap_err();
        assert!(err.to_string().starts_with("c.yaml:"), "{err}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    type Any = BTreeMap<String, serde_json::Value>;

    proptest! {
        /// Setting a field to any string reads back exactly that string, and every other line
        /// of the hand-written file is kept byte for byte.
        #[test]
        fn set_round_trips_and_keeps_other_lines(value in "\\PC{0,40}", key in "[a-z][a-z_]{0,10}") {
            prop_assume!(key != "name" && key != "zeta");
            let text = "# comment kept\nname: Acme   # trailing\nzeta: [1, 2]\n";
            let (out, record): (String, Any) = edit_text(Path::new("c.yaml"), text, &[FieldEdit::set(&key, &value)]).unwrap();
            prop_assert_eq!(&record[&key], &serde_json::json!(value));
            prop_assert!(out.starts_with("# comment kept\nname: Acme   # trailing\nzeta: [1, 2]\n"), "{}", out);
        }

        /// Arbitrary input never panics the parser: it parses or reports a located error.
        #[test]
        fn parsing_never_panics(text in "\\PC{0,200}") {
            let _ = yaml::parse::<crate::model::Customer>(Path::new("c.yaml"), &text);
            let _ = yaml::parse::<Any>(Path::new("c.yaml"), &text);
        }
    }
}
