//! The three-way merge of parsed records, value by value. Pure: no text, no I/O. It decides what
//! the merged record is, which in-place edits turn our side into it, and which keys stay in
//! conflict; `super::text` then writes that into our file without disturbing anything else.

use serde_json::{Map, Value};

use crate::store::edit::FieldEdit;

/// Keys whose first setting stands when both sides set them differently: a handoff accepted on
/// two clones was accepted when it was first accepted, a task is done when it was first done, a
/// customer archived twice was archived the first time. The companion key (who accepted) follows
/// the winning side.
const FIRST_WINS: &[(&str, Option<&str>)] = &[
    ("accepted_at", Some("accepted_by")),
    ("done_at", None),
    ("archived", None),
];

/// Keys that change together: a customer's owner and team are one assignment (a handoff sets
/// both), so they are merged as a unit: one side's pair, or a conflict on the pair, never one
/// side's owner with the other side's team.
const UNITS: &[&[&str]] = &[&["owner", "team"]];

/// What the value-level merge decided.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValueMerge {
    /// The merged record, with our side's value kept for every conflicting key.
    pub value: Map<String, Value>,
    /// Edits that turn our record into `value`.
    pub edits: Vec<FieldEdit>,
    /// Key paths changed differently on both sides (`["owner"]`, `["fields", "tier"]`).
    pub conflicts: Vec<Vec<String>>,
}

/// Merges three versions of a record (each a YAML mapping read as JSON values).
pub fn merge_records(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> ValueMerge {
    let mut out = ValueMerge::default();
    let mut winners = first_wins(base, ours, theirs);
    let mut unit_conflicts = Vec::new();
    for unit in UNITS {
        let pair = |m: &Map<String, Value>| -> Vec<Option<Value>> {
            unit.iter().map(|k| m.get(*k).cloned()).collect()
        };
        let (b, o, t) = (pair(base), pair(ours), pair(theirs));
        let side = if o == t || b == t {
            Some(false)
        } else if b == o {
            Some(true)
        } else {
            None
        };
        for (i, key) in unit.iter().enumerate() {
            match side {
                Some(take_theirs) => winners.push((key, take_theirs)),
                None if o[i] != t[i] => unit_conflicts.push(*key),
                // The same on both sides: nothing to decide for this key.
                None => winners.push((key, false)),
            }
        }
    }
    out.value = merge_maps(base, ours, theirs, &[], &winners, &mut out);
    for key in unit_conflicts {
        out.conflicts.push(vec![key.to_string()]);
        match ours.get(key) {
            Some(v) => {
                out.value.insert(key.to_string(), v.clone());
            }
            None => {
                out.value.remove(key);
            }
        }
    }
    out
}

/// Which side's value a first-wins key (and its companion) takes, for keys both sides set
/// differently to a time.
fn first_wins(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> Vec<(&'static str, bool)> {
    let mut take_theirs = Vec::new();
    for (key, companion) in FIRST_WINS {
        let (b, o, t) = (base.get(*key), ours.get(*key), theirs.get(*key));
        if o == t || b == o || b == t {
            continue;
        }
        let (Some(o), Some(t)) = (o.and_then(instant), t.and_then(instant)) else {
            continue;
        };
        let theirs_first = t < o;
        take_theirs.push((*key, theirs_first));
        if let Some(c) = companion {
            take_theirs.push((*c, theirs_first));
        }
    }
    take_theirs
}

fn instant(v: &Value) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    v.as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
}

fn merge_maps(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    path: &[String],
    winners: &[(&'static str, bool)],
    out: &mut ValueMerge,
) -> Map<String, Value> {
    let mut result = Map::new();
    let unit_keys: Vec<&str> = if path.is_empty() {
        UNITS.iter().flat_map(|u| u.iter().copied()).collect()
    } else {
        Vec::new()
    };
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for key in keys {
        let in_unit = unit_keys.contains(&key.as_str());
        if in_unit && !winners.iter().any(|(k, _)| k == key) {
            // A unit in conflict: decided by the caller.
            continue;
        }
        let key_path: Vec<String> = path.iter().cloned().chain([key.clone()]).collect();
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let winner = path
            .is_empty()
            .then(|| winners.iter().find(|(k, _)| k == key).map(|(_, w)| *w))
            .flatten();
        let merged = match winner {
            Some(true) if o != t => take(t, &key_path, out),
            Some(true) | Some(false) => o.cloned(),
            None => merge_one(b, o, t, &key_path, out),
        };
        if let Some(v) = merged {
            result.insert(key.clone(), v);
        }
    }
    result
}

/// Takes their value for a key, recording the edit on our side.
fn take(t: Option<&Value>, key_path: &[String], out: &mut ValueMerge) -> Option<Value> {
    out.edits.push(FieldEdit {
        key_path: key_path.to_vec(),
        value: t.cloned(),
    });
    t.cloned()
}

fn merge_one(
    b: Option<&Value>,
    o: Option<&Value>,
    t: Option<&Value>,
    key_path: &[String],
    out: &mut ValueMerge,
) -> Option<Value> {
    if o == t || b == t {
        return o.cloned();
    }
    if b == o {
        return take(t, key_path, out);
    }
    let empty_list = Value::Array(Vec::new());
    let is_list = |v: Option<&Value>| matches!(v, Some(Value::Array(_)));
    if is_list(b) || is_list(o) || is_list(t) {
        // A list written empty is left out of the file: a missing list key is an empty list,
        // so two sides that removed items (one all of them) merge as sets.
        let (b, o_list, t_list) = (
            b.unwrap_or(&empty_list),
            o.unwrap_or(&empty_list),
            t.unwrap_or(&empty_list),
        );
        if let (Value::Array(bl), Value::Array(ol), Value::Array(tl)) = (b, o_list, t_list) {
            return match merge_lists(bl, ol, tl) {
                Some(list) => {
                    let merged = (!list.is_empty()).then_some(Value::Array(list));
                    if merged.as_ref() != o {
                        out.edits.push(FieldEdit {
                            key_path: key_path.to_vec(),
                            value: merged.clone(),
                        });
                    }
                    merged
                }
                None => conflict(o, key_path, out),
            };
        }
    }
    match (o, t) {
        (Some(Value::Object(om)), Some(Value::Object(tm))) => {
            let empty = Map::new();
            let bm = b.and_then(Value::as_object).unwrap_or(&empty);
            Some(Value::Object(merge_maps(bm, om, tm, key_path, &[], out)))
        }
        (Some(Value::Array(ol)), Some(Value::Array(tl))) => {
            let empty = Vec::new();
            let bl = b.and_then(Value::as_array).unwrap_or(&empty);
            match merge_lists(bl, ol, tl) {
                Some(list) => {
                    let list = Value::Array(list);
                    if Some(&list) != o {
                        out.edits.push(FieldEdit {
                            key_path: key_path.to_vec(),
                            value: Some(list.clone()),
                        });
                    }
                    Some(list)
                }
                None => conflict(o, key_path, out),
            }
        }
        _ => conflict(o, key_path, out),
    }
}

fn conflict(o: Option<&Value>, key_path: &[String], out: &mut ValueMerge) -> Option<Value> {
    out.conflicts.push(key_path.to_vec());
    o.cloned()
}

/// The identity of a list item: a contact by email (case-insensitive), else by name; anything
/// else by its whole value (tags are a set of strings).
pub fn item_key(item: &Value) -> String {
    if let Value::Object(m) = item {
        if let Some(email) = m.get("email").and_then(Value::as_str)
            && !email.trim().is_empty()
        {
            return format!("email:{}", email.trim().to_lowercase());
        }
        if let Some(name) = m.get("name").and_then(Value::as_str) {
            return format!("name:{}", name.trim());
        }
    }
    format!("value:{item}")
}

fn find<'a>(list: &'a [Value], key: &str) -> Option<&'a Value> {
    list.iter().find(|v| item_key(v) == key)
}

/// Three-way merge of a list as a set keyed by [`item_key`]: our order first, then what they
/// added. An item changed on both sides is merged field by field; `None` when that conflicts
/// or when one side changed an item the other removed.
pub fn merge_lists(base: &[Value], ours: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
    let mut result: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for o in ours {
        let key = item_key(o);
        if !seen.insert(key.clone()) {
            continue;
        }
        let b = find(base, &key);
        match find(theirs, &key) {
            Some(t) => result.push(merge_item(b, o, t)?),
            None if b.is_none() => result.push(o.clone()),
            None if b == Some(o) => {}
            None => return None,
        }
    }
    for t in theirs {
        let key = item_key(t);
        if !seen.insert(key.clone()) {
            continue;
        }
        match find(base, &key) {
            None => result.push(t.clone()),
            Some(b) if b == t => {}
            Some(_) => return None,
        }
    }
    Some(result)
}

fn merge_item(b: Option<&Value>, o: &Value, t: &Value) -> Option<Value> {
    if o == t || b == Some(t) {
        return Some(o.clone());
    }
    if b == Some(o) {
        return Some(t.clone());
    }
    let (Value::Object(om), Value::Object(tm)) = (o, t) else {
        return None;
    };
    let empty = Map::new();
    let bm = b.and_then(Value::as_object).unwrap_or(&empty);
    let mut inner = ValueMerge::default();
    let merged = merge_maps(bm, om, tm, &[], &[], &mut inner);
    inner.conflicts.is_empty().then_some(Value::Object(merged))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn one_sided_changes_are_taken() {
        let base = map(json!({"owner": "alice", "status": "lead"}));
        let ours = map(json!({"owner": "bob", "status": "lead"}));
        let theirs = map(json!({"owner": "alice", "status": "active"}));
        let m = merge_records(&base, &ours, &theirs);
        assert_eq!(m.value, map(json!({"owner": "bob", "status": "active"})));
        assert!(m.conflicts.is_empty());
        assert_eq!(m.edits, vec![FieldEdit::set("status", "active")]);
    }

    #[test]
    fn different_changes_conflict_on_that_key_only() {
        let base = map(json!({"owner": "alice", "fields": {"tier": "a", "seats": 1}}));
        let ours = map(json!({"owner": "bob", "fields": {"tier": "b", "seats": 1}}));
        let theirs = map(json!({"owner": "carol", "fields": {"tier": "a", "seats": 2}}));
        let m = merge_records(&base, &ours, &theirs);
        assert_eq!(m.conflicts, vec![vec!["owner".to_string()]]);
        assert_eq!(m.value["fields"], json!({"tier": "b", "seats": 2}));
    }

    #[test]
    fn tags_and_contacts_merge_as_sets() {
        let base = map(json!({"tags": ["a", "b"], "contacts": [{"name": "J", "email": "j@x"}]}));
        let ours = map(
            json!({"tags": ["a", "c"], "contacts": [{"name": "J", "email": "J@x", "phone": "1"}]}),
        );
        let theirs = map(
            json!({"tags": ["a", "b", "d"], "contacts": [{"name": "J", "email": "j@x", "role": "CTO"}, {"name": "K"}]}),
        );
        let m = merge_records(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.value["tags"], json!(["a", "c", "d"]));
        assert_eq!(
            m.value["contacts"],
            json!([{"name": "J", "email": "J@x", "phone": "1", "role": "CTO"}, {"name": "K"}])
        );
    }

    #[test]
    fn first_acceptance_wins() {
        let base = map(json!({"id": 1}));
        let ours =
            map(json!({"id": 1, "accepted_at": "2026-01-02T10:00:00Z", "accepted_by": "bob"}));
        let theirs = map(
            json!({"id": 1, "accepted_at": "2026-01-02T09:00:00+00:00", "accepted_by": "carol"}),
        );
        let m = merge_records(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.value, theirs);
    }

    #[test]
    fn tags_removed_on_both_sides_merge() {
        let base = map(json!({"tags": ["t0", "t1"]}));
        let ours = map(json!({"tags": ["t0"]}));
        let theirs = map(json!({}));
        let m = merge_records(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.value, map(json!({})));
        assert_eq!(m.edits, vec![FieldEdit::remove("tags")]);
    }

    #[test]
    fn owner_and_team_merge_as_one_unit() {
        let base = map(json!({"owner": "alice", "team": "sales"}));
        // One side reassigns both, the other nothing: that side's pair.
        let ours = map(json!({"owner": "bob", "team": "support"}));
        let m = merge_records(&base, &ours, &base);
        assert_eq!(m.value, ours);
        // Both reassign to different people and teams: both keys conflict, never one side's
        // owner with the other side's team.
        let ours = map(json!({"owner": "bob", "team": "support"}));
        let theirs = map(json!({"owner": "carol", "team": "finance"}));
        let m = merge_records(&base, &ours, &theirs);
        assert_eq!(
            m.conflicts,
            vec![vec!["owner".to_string()], vec!["team".to_string()]]
        );
        assert_eq!(m.value, ours);
        // One changes the owner only, the other the team only: still one assignment each.
        let ours = map(json!({"owner": "bob", "team": "sales"}));
        let theirs = map(json!({"owner": "carol"}));
        let m = merge_records(&base, &ours, &theirs);
        assert_eq!(m.conflicts.len(), 2, "team is not dropped: {:?}", m.value);
    }

    #[test]
    fn changed_item_removed_on_the_other_side_conflicts() {
        let base = [json!({"name": "J", "email": "j@x"})];
        let ours = [json!({"name": "Jane", "email": "j@x"})];
        assert_eq!(merge_lists(&base, &ours, &[]), None);
    }
}
