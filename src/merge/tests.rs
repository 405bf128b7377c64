use super::*;
use proptest::prelude::*;
use serde_json::json;

const BASE: &str = "\
# Acme, edited by hand
id: 01a207f9-8210-7de6-a5b6-7bdca192db4c
name: Acme
slug: acme
status: active
owner: alice   # since 2024
team: accounts
tags:
- retail
contacts:
- name: Jane
  email: jane@acme.example
fields:
  tier: gold
  seats: 40
created: \"2026-01-01T00:00:00Z\"
x-legacy-id: 991
";

fn merge(base: &str, ours: &str, theirs: &str) -> Merged {
    merge_record(
        "customers/acme/customer.yaml",
        base.as_bytes(),
        ours.as_bytes(),
        theirs.as_bytes(),
    )
    .unwrap()
}

fn text(m: &Merged) -> &str {
    std::str::from_utf8(&m.text).unwrap()
}

#[test]
fn adjacent_field_edits_merge() {
    let ours = BASE.replace("status: active", "status: paused");
    let theirs = BASE.replace("owner: alice   # since 2024", "owner: bob   # since 2024");
    let m = merge(BASE, &ours, &theirs);
    assert!(m.is_clean(), "{}", text(&m));
    assert_eq!(
        text(&m),
        BASE.replace("status: active", "status: paused")
            .replace("owner: alice", "owner: bob")
    );
}

#[test]
fn different_owners_conflict_around_the_owner_only() {
    let ours = BASE.replace("owner: alice", "owner: bob");
    let theirs = BASE
        .replace("owner: alice   # since 2024", "owner: carol")
        .replace("  seats: 40", "  seats: 45");
    let m = merge(BASE, &ours, &theirs);
    assert_eq!(m.conflicts, vec!["owner"]);
    let expected = ours.replace(
        "owner: bob   # since 2024\n",
        "<<<<<<< ours\nowner: bob   # since 2024\n=======\nowner: carol\n>>>>>>> theirs\n",
    );
    assert_eq!(text(&m), expected.replace("seats: 40", "seats: 45"));
}

#[test]
fn nested_conflict_names_the_field() {
    let ours = BASE.replace("tier: gold", "tier: silver");
    let theirs = BASE.replace("tier: gold", "tier: platinum");
    let m = merge(BASE, &ours, &theirs);
    assert_eq!(m.conflicts, vec!["fields.tier"]);
    assert!(
        text(&m).contains("fields:\n<<<<<<< ours\n  tier: silver\n=======\n  tier: platinum\n>>>>>>> theirs\n  seats: 40\n"),
        "{}",
        text(&m)
    );
}

#[test]
fn same_tag_added_on_both_sides_once() {
    let ours = BASE.replace("- retail\n", "- retail\n- vip\n");
    let theirs = BASE.replace("- retail\n", "- vip\n- retail\n- b2b\n");
    let m = merge(BASE, &ours, &theirs);
    assert!(m.is_clean());
    let record = parse("c.yaml", &m.text).unwrap();
    assert_eq!(record["tags"], json!(["retail", "vip", "b2b"]));
    assert!(text(&m).starts_with("# Acme, edited by hand\n"));
    assert!(text(&m).contains("owner: alice   # since 2024\n"));
    assert!(text(&m).contains("x-legacy-id: 991\n"));
}

#[test]
fn contacts_merge_by_email() {
    let ours = BASE.replace(
        "  email: jane@acme.example\n",
        "  email: jane@acme.example\n  phone: '1'\n",
    );
    let theirs = BASE.replace(
        "  email: jane@acme.example\n",
        "  email: jane@acme.example\n  role: CTO\n- name: Ken\n",
    );
    let m = merge(BASE, &ours, &theirs);
    assert!(m.is_clean(), "{}", text(&m));
    let record = parse("c.yaml", &m.text).unwrap();
    assert_eq!(
        record["contacts"],
        json!([{"name": "Jane", "email": "jane@acme.example", "phone": "1", "role": "CTO"}, {"name": "Ken"}])
    );
}

#[test]
fn a_conflict_inside_a_flow_mapping_widens_to_the_whole_key() {
    let base = "id: 1\nfields: {tier: gold, seats: 4}\n";
    let ours = "id: 1\nfields: {tier: silver, seats: 4}\n";
    let theirs = "id: 1\nfields: {tier: platinum, seats: 4}\n";
    let m = merge_record(
        "c.yaml",
        base.as_bytes(),
        ours.as_bytes(),
        theirs.as_bytes(),
    )
    .unwrap();
    assert_eq!(m.conflicts, vec!["fields"]);
    assert_eq!(
        text(&m),
        "id: 1\n<<<<<<< ours\nfields: {tier: silver, seats: 4}\n=======\nfields: {tier: platinum, seats: 4}\n>>>>>>> theirs\n"
    );
}

#[test]
fn malformed_input_falls_back_to_a_line_merge() {
    let ours = BASE.replace("owner: alice", "owner: [bob");
    let theirs = BASE.replace("owner: alice", "owner: carol");
    let m = merge(BASE, &ours, &theirs);
    assert_eq!(m.method, Method::Lines);
    assert!(!m.is_clean());
    assert!(text(&m).contains("<<<<<<< ours\n"));
}

#[test]
fn both_accepting_a_handoff_keeps_the_first_acceptance() {
    let base = "id: 1\nat: \"2026-01-01T00:00:00Z\"\nby: alice\n";
    let ours = format!("{base}accepted_at: \"2026-01-02T10:00:00Z\"\naccepted_by: bob\n");
    let theirs = format!("{base}accepted_at: \"2026-01-02T09:00:00Z\"\naccepted_by: bob\n");
    let m = merge_record(
        "h.yaml",
        base.as_bytes(),
        ours.as_bytes(),
        theirs.as_bytes(),
    )
    .unwrap();
    assert!(m.is_clean());
    assert_eq!(text(&m), theirs);
}

#[test]
fn added_on_both_sides_without_base_merges_key_by_key() {
    let ours = "id: 1\nname: A\nowner: bob\n";
    let theirs = "id: 1\nname: A\nowner: carol\n";
    let m = merge_record("c.yaml", b"", ours.as_bytes(), theirs.as_bytes()).unwrap();
    assert_eq!(m.conflicts, vec!["owner"]);
}

// ---- properties ----

fn record() -> impl Strategy<Value = Record> {
    let owner = prop::sample::select(vec!["alice", "bob", "carol"]);
    let status = prop::sample::select(vec!["lead", "active", "paused"]);
    let tags = prop::sample::subsequence(vec!["a", "b", "c", "d", "e"], 0..5);
    let contacts = prop::sample::subsequence(vec![0usize, 1, 2, 3], 0..4);
    let phone = prop::option::of(prop::sample::select(vec!["1", "2"]));
    let tier = prop::option::of(prop::sample::select(vec!["gold", "silver"]));
    let seats = 1u32..4;
    (owner, status, tags, contacts, phone, tier, seats).prop_map(
        |(owner, status, tags, contacts, phone, tier, seats)| {
            let mut r = Record::new();
            r.insert("id".into(), json!("x"));
            r.insert("owner".into(), json!(owner));
            r.insert("status".into(), json!(status));
            if !tags.is_empty() {
                r.insert("tags".into(), json!(tags));
            }
            let contacts: Vec<Value> = contacts
                .into_iter()
                .map(|i| {
                    let mut c =
                        json!({"name": format!("C{i}"), "email": format!("c{i}@x.example")});
                    if i == 0
                        && let Some(p) = phone
                    {
                        c["phone"] = json!(p);
                    }
                    c
                })
                .collect();
            if !contacts.is_empty() {
                r.insert("contacts".into(), json!(contacts));
            }
            let mut fields = json!({"seats": seats});
            if let Some(t) = tier {
                fields["tier"] = json!(t);
            }
            r.insert("fields".into(), fields);
            r
        },
    )
}

/// Lists compared as sets (the merge keeps our order first).
fn normalised(v: &Value) -> Value {
    match v {
        Value::Array(items) => {
            let mut items: Vec<Value> = items.iter().map(normalised).collect();
            items.sort_by_key(value::item_key);
            Value::Array(items)
        }
        Value::Object(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), normalised(v))).collect())
        }
        other => other.clone(),
    }
}

fn keys_of(r: &Record, list: &str) -> Vec<String> {
    r.get(list)
        .and_then(Value::as_array)
        .map(|l| l.iter().map(value::item_key).collect())
        .unwrap_or_default()
}

fn yaml_of(r: &Record) -> String {
    format!("# kept\n{}", yaml::to_yaml(r).unwrap())
}

proptest! {
    #[test]
    fn identical_sides_give_that_side(base in record(), x in record()) {
        let m = value::merge_records(&base, &x, &x);
        prop_assert!(m.conflicts.is_empty());
        prop_assert_eq!(&m.value, &x);
    }

    #[test]
    fn an_unchanged_side_gives_the_other(base in record(), x in record()) {
        let m = value::merge_records(&base, &base, &x);
        prop_assert!(m.conflicts.is_empty());
        prop_assert_eq!(&m.value, &x);
        let m = value::merge_records(&base, &x, &base);
        prop_assert!(m.conflicts.is_empty());
        prop_assert_eq!(&m.value, &x);
    }

    #[test]
    fn symmetric_and_lossless_without_conflict(base in record(), ours in record(), theirs in record()) {
        let a = value::merge_records(&base, &ours, &theirs);
        let b = value::merge_records(&base, &theirs, &ours);
        prop_assert_eq!(a.conflicts.is_empty(), b.conflicts.is_empty());
        if a.conflicts.is_empty() {
            prop_assert_eq!(normalised(&Value::Object(a.value.clone())), normalised(&Value::Object(b.value.clone())));
            for list in ["tags", "contacts"] {
                let merged = keys_of(&a.value, list);
                let before = keys_of(&base, list);
                for side in [&ours, &theirs] {
                    for key in keys_of(side, list) {
                        // Added on a side, or kept by both: present after the merge.
                        let kept_by_both = keys_of(&ours, list).contains(&key) && keys_of(&theirs, list).contains(&key);
                        if !before.contains(&key) || kept_by_both {
                            prop_assert!(merged.contains(&key), "{} lost from {}", key, list);
                        }
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Through the text layer: a clean merge reads back as the value-level merge, keeps the
    /// hand-written comment, and a conflicting one marks every conflicting key.
    #[test]
    fn text_merge_matches_value_merge(base in record(), ours in record(), theirs in record()) {
        let (bt, ot, tt) = (yaml_of(&base), yaml_of(&ours), yaml_of(&theirs));
        let m = merge(&bt, &ot, &tt);
        let v = value::merge_records(&base, &ours, &theirs);
        if v.conflicts.is_empty() {
            prop_assert!(m.is_clean());
            prop_assert_eq!(parse("c.yaml", &m.text).unwrap(), v.value);
            prop_assert!(text(&m).starts_with("# kept\n"));
        } else {
            prop_assert!(!m.is_clean());
            prop_assert!(text(&m).contains("<<<<<<< ours\n"));
            // Taking our side of every block gives back a readable record.
            let mut mine = String::new();
            let mut skip = false;
            for line in text(&m).lines() {
                match line {
                    "<<<<<<< ours" => {}
                    "=======" => skip = true,
                    ">>>>>>> theirs" => skip = false,
                    l if !skip => { mine.push_str(l); mine.push('\n'); }
                    _ => {}
                }
            }
            prop_assert!(parse("c.yaml", mine.as_bytes()).is_some(), "{}", mine);
        }
    }
}

proptest! {
    /// In the canonical layout, every key and every `fields.*` key is found, and its block
    /// alone reads back as that key's value.
    #[test]
    fn blocks_of_canonical_records_read_back(r in record()) {
        let text = yaml::to_yaml(&r).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut paths: Vec<Vec<String>> = r.keys().map(|k| vec![k.clone()]).collect();
        if let Some(Value::Object(fields)) = r.get("fields") {
            paths.extend(fields.keys().map(|k| vec!["fields".to_string(), k.clone()]));
        }
        for path in paths {
            let (s, e) = text::find_block(&lines, &path).unwrap();
            // A nested block is indented by its depth; unindented, it is a record of its own.
            let indent = "  ".repeat(path.len() - 1);
            let block: String = lines[s..e]
                .iter()
                .map(|l| format!("{}\n", l.strip_prefix(indent.as_str()).unwrap_or(l)))
                .collect();
            let back = parse("b.yaml", block.as_bytes()).unwrap();
            let want = if path.len() == 1 { &r[&path[0]] } else { &r["fields"][&path[1]] };
            prop_assert_eq!(&back[path.last().unwrap()], want);
        }
    }
}

/// A restricted value is one opaque unit: re-sealed on one side, that side's value is taken
/// whole; re-sealed differently on both, it is a conflict (never a mix of two ciphertexts).
#[test]
fn restricted_values_merge_as_a_whole() {
    let sealed = |who: &str, body: &str| {
        format!(
            "restricted_fields:\n  price:\n    team: finance\n    recipients:\n    - {who}:00\n    ciphertext: |\n      -----BEGIN AGE ENCRYPTED FILE-----\n      {body}\n      -----END AGE ENCRYPTED FILE-----\n"
        )
    };
    let base = format!("{BASE}{}", sealed("alice", "AAAA"));
    let ours =
        format!("{BASE}{}", sealed("alice", "AAAA")).replace("status: active", "status: paused");
    let theirs = format!("{BASE}{}", sealed("carol", "BBBB"));
    let m = merge(&base, &ours, &theirs);
    assert!(m.is_clean(), "{}", text(&m));
    assert!(text(&m).contains("carol:00") && text(&m).contains("BBBB"));
    assert!(!text(&m).contains("AAAA") && text(&m).contains("status: paused"));
    let ours = format!("{BASE}{}", sealed("alice", "CCCC"));
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts, vec!["restricted_fields.price"]);
}
