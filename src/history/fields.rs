//! What changed between two versions of a record, field by field, and how to say a value in
//! words. Shared by `history` (one customer, commit by commit) and `review` (a whole branch).

use serde::Serialize;
use serde_json::{Map, Value};

/// One field whose value changed. Nested maps (`fields`, `external_ids`, a handoff's `to`) are
/// compared key by key and named with a dot (`fields.tier`); lists are compared whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldDiff {
    pub field: String,
    /// `null` when the field was added.
    pub from: Option<Value>,
    /// `null` when the field was removed.
    pub to: Option<Value>,
}

/// The fields that differ between `old` and `new`, in `new`'s key order then removed keys.
pub fn diff(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    diff_into("", old, new, &mut out);
    out
}

fn diff_into(
    prefix: &str,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    out: &mut Vec<FieldDiff>,
) {
    let empty = Map::new();
    let keys = new
        .keys()
        .chain(old.keys().filter(|k| !new.contains_key(*k)));
    for key in keys {
        let name = format!("{prefix}{key}");
        let (o, n) = (old.get(key), new.get(key));
        if o == n {
            continue;
        }
        let parent = prefix.trim_end_matches('.');
        let parts: Vec<&str> = if parent.is_empty() {
            vec![key.as_str()]
        } else {
            vec![parent, key.as_str()]
        };
        if crate::model::restricted::is_opaque_path(&parts) {
            // One opaque unit: who it is sealed to, never its ciphertext.
            let from = o.map(crate::model::restricted::opaque_value);
            let to = n.map(crate::model::restricted::opaque_value);
            if from != to || from.is_none() || to.is_none() {
                out.push(FieldDiff {
                    field: name,
                    from,
                    to,
                });
            } else {
                out.push(FieldDiff {
                    field: name,
                    from,
                    to: to.map(|t| {
                        Value::String(format!("{} (re-sealed)", t.as_str().unwrap_or_default()))
                    }),
                });
            }
            continue;
        }
        let om = o.and_then(Value::as_object);
        let nm = n.and_then(Value::as_object);
        let both_maps = (om.is_some() || o.is_none()) && (nm.is_some() || n.is_none());
        if both_maps {
            diff_into(
                &format!("{name}."),
                om.unwrap_or(&empty),
                nm.unwrap_or(&empty),
                out,
            );
        } else {
            out.push(FieldDiff {
                field: name,
                from: o.cloned(),
                to: n.cloned(),
            });
        }
    }
}

/// A value in words: strings bare, lists comma-separated, `(none)` for nothing. Not escaped:
/// the renderer escapes.
pub fn say(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(none)".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => {
            let items: Vec<String> = items.iter().map(say_item).collect();
            format!("[{}]", items.join(", "))
        }
        Some(other) => other.to_string(),
    }
}

fn say_item(v: &Value) -> String {
    match v {
        Value::Object(m) => m
            .get("email")
            .or_else(|| m.get("name"))
            .map(|v| say(Some(v)))
            .unwrap_or_else(|| v.to_string()),
        other => say(Some(other)),
    }
}

/// A change in words: `owner: alice -> bob`; for lists, what was added and removed
/// (`tags: +vip -retail`).
pub fn describe(d: &FieldDiff) -> String {
    let (old, new) = (list_of(d.from.as_ref()), list_of(d.to.as_ref()));
    if let (Some(old), Some(new)) = (old, new) {
        let mut parts: Vec<String> = new
            .iter()
            .filter(|v| !old.contains(v))
            .map(|v| format!("+{}", say_item(v)))
            .collect();
        parts.extend(
            old.iter()
                .filter(|v| !new.contains(v))
                .map(|v| format!("-{}", say_item(v))),
        );
        if parts.is_empty() {
            parts.push("reordered".into());
        }
        return format!("{}: {}", d.field, parts.join(" "));
    }
    format!(
        "{}: {} -> {}",
        d.field,
        say(d.from.as_ref()),
        say(d.to.as_ref())
    )
}

/// The items of a list value (a missing value is an empty list); `None` for anything else.
fn list_of(v: Option<&Value>) -> Option<Vec<Value>> {
    match v {
        None => Some(Vec::new()),
        Some(Value::Array(items)) => Some(items.clone()),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn nested_maps_are_diffed_by_key_and_lists_described_by_items() {
        let old = map(
            json!({"owner": "alice", "fields": {"tier": "gold", "seats": 4}, "tags": ["a", "b"]}),
        );
        let new = map(
            json!({"owner": "bob", "fields": {"tier": "platinum", "seats": 4, "x": 1}, "tags": ["a", "c"]}),
        );
        let d: Vec<String> = diff(&old, &new).iter().map(describe).collect();
        assert_eq!(
            d,
            [
                "owner: alice -> bob",
                "fields.tier: gold -> platinum",
                "fields.x: (none) -> 1",
                "tags: +c -b"
            ]
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (0u32..5).prop_map(Value::from),
            "[a-c]{0,2}".prop_map(Value::from),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
                prop::collection::btree_map("[a-c]", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn record() -> impl Strategy<Value = Map<String, Value>> {
        prop::collection::btree_map("[a-d]", value(), 0..4).prop_map(|m| m.into_iter().collect())
    }

    proptest! {
        /// No difference is reported between equal records, and some is between different ones.
        #[test]
        fn diff_is_empty_exactly_when_equal(a in record(), b in record()) {
            prop_assert!(diff(&a, &a).is_empty());
            prop_assert_eq!(diff(&a, &b).is_empty(), a == b || maps_equal_ignoring_empty(&a, &b));
        }
    }

    /// `{"k": {}}` and `{}` differ as values but have no field that differs: an empty map adds
    /// no dotted field.
    fn maps_equal_ignoring_empty(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
        fn strip(m: &Map<String, Value>) -> Map<String, Value> {
            m.iter()
                .filter_map(|(k, v)| match v {
                    Value::Object(inner) => {
                        let inner = strip(inner);
                        (!inner.is_empty()).then(|| (k.clone(), Value::Object(inner)))
                    }
                    other => Some((k.clone(), other.clone())),
                })
                .collect()
        }
        strip(a) == strip(b)
    }
}
