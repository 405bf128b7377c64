//! The canonical reader agrees with serde-saphyr: whatever it accepts, the full parser reads to
//! the same value. Checked on generated records (which it must also accept, or it is no use),
//! on every file of the demo stores, and on hostile text built from YAML's sharp edges.

use std::collections::BTreeMap;
use std::fmt::Debug;

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{parse_fully, to_yaml, typed};
use crate::model::records::{
    Actor, Customer, Direction, Document, Handoff, Interaction, Note, Party, Source, Task,
};
use crate::model::{RecordId, RecordKind, time};
use crate::store::snapshot::classify;

/// `Some(true)` when the canonical reader read `text` and agrees with the full parser, `None`
/// when it declined; panics when it read something the full parser reads differently.
#[track_caller]
fn agrees<T: DeserializeOwned + PartialEq + Debug>(text: &str) -> Option<bool> {
    let fast = typed::read::<T>(text)?;
    let full = parse_fully::<T>(text);
    assert_eq!(
        Some(&fast),
        full.as_ref(),
        "canonical reader differs on {text:?}"
    );
    Some(true)
}

/// Texts people type: letters, digits, punctuation, quotes, colons, hashes, accents, line
/// breaks, and the words and numbers YAML likes to retype.
fn human_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 ,.'!?()-]{0,40}",
        "\\PC{1,60}",
        "[ -~]{1,40}",
        "[a-z #:'\"\\\\|>-]{1,20}",
        "[a-z]{1,8}(\n[a-z ]{0,10}){1,4}\n?",
        Just("no".to_string()),
        Just("0612".to_string()),
        Just("1e3".to_string()),
        Just("null".to_string()),
        Just("- item".to_string()),
        Just("été".to_string()),
    ]
}

fn interaction(
    summary: String,
    body: Option<String>,
    tags: Vec<String>,
    by: String,
) -> Interaction {
    let at = time::now();
    let id = RecordId::new_at(at.to_utc());
    Interaction {
        id,
        at,
        recorded_at: at,
        channel: "email".into(),
        direction: Direction::Inbound,
        by,
        actor: Actor::Automation,
        thread: id,
        summary,
        body,
        resolves: true,
        tags,
        source: Some(Source {
            system: "imap".into(),
            key: "<a@b>".into(),
            extra: Default::default(),
        }),
        extra: Default::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A written touchpoint is read alike, whatever its text.
    #[test]
    fn written_interactions_are_read_alike(
        summary in human_text(),
        body in proptest::option::of(human_text()),
        tags in proptest::collection::vec(human_text(), 0..3),
        by in human_text(),
    ) {
        let record = interaction(summary, body, tags, by);
        let text = to_yaml(&record).unwrap();
        agrees::<Interaction>(&text);
    }

    /// Ordinary text is read by the canonical reader, not passed on.
    #[test]
    fn ordinary_records_are_not_declined(
        summary in "[A-Z][a-z]{1,10}( [a-z]{1,10}){0,6}",
        body in proptest::option::of("[A-Z][a-z ,.]{0,70}(\n\n?[A-Z][a-z ,.]{0,70}){0,3}"),
        tags in proptest::collection::vec("[a-z]{2,8}", 0..3),
    ) {
        let record = interaction(summary, body, tags, "carol".into());
        let text = to_yaml(&record).unwrap();
        prop_assert_eq!(agrees::<Interaction>(&text), Some(true), "declined {}", text);
    }

    /// Notes, tasks and handoffs too.
    #[test]
    fn written_notes_tasks_and_handoffs_are_read_alike(
        text in human_text(), other in human_text(), tags in proptest::collection::vec(human_text(), 0..3),
    ) {
        let at = time::now();
        let id = RecordId::new_at(at.to_utc());
        let note = Note { id, at, by: other.clone(), body: text.clone(), tags, extra: Default::default() };
        agrees::<Note>(&to_yaml(&note).unwrap());
        let task = Task {
            id, created: at, by: "alice".into(), assignee: Some(other.clone()),
            due: Some(at.date_naive()), title: text.clone(), done_at: Some(at), extra: Default::default(),
        };
        agrees::<Task>(&to_yaml(&task).unwrap());
        let handoff = Handoff {
            id, at, by: "alice".into(),
            from: Party { owner: Some(other), team: None },
            to: Party { owner: Some("carol".into()), team: Some("onboarding".into()) },
            reason: Some(text), accepted_at: None, extra: Default::default(),
        };
        agrees::<Handoff>(&to_yaml(&handoff).unwrap());
    }

    /// Hand-edited text, built from the constructs YAML gives meaning to: whatever the
    /// canonical reader accepts, the full parser reads the same, into maps of strings, of
    /// lists, and into a record with typed fields.
    #[test]
    fn hostile_text_is_read_alike_or_declined(lines in proptest::collection::vec(hostile_line(), 1..5)) {
        let text: String = lines.concat();
        agrees::<BTreeMap<String, String>>(&text);
        agrees::<BTreeMap<String, Vec<String>>>(&text);
        agrees::<BTreeMap<String, BTreeMap<String, String>>>(&text);
        agrees::<Probe>(&text);
        agrees::<BTreeMap<String, serde_json::Value>>(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Literal and folded text, with the lines where their rules differ: blank, more indented,
    /// ending in a space, only spaces, looking like a comment or a key.
    #[test]
    fn block_scalars_are_read_alike_or_declined(
        header in "(\\||\\|-|>|>-)",
        lines in proptest::collection::vec(
            "(  [a-z]{1,3}|   [a-z]{1,3}|    [a-z]|  [a-z]{1,2} |  |   ||  #[a-z]|  [a-z]: [a-z]|  - [a-z])",
            1..6,
        ),
        after in "(|b: c\n|  \n|\n)",
    ) {
        let text = format!("a: {header}\n{}\n{after}", lines.join("\n"));
        agrees::<BTreeMap<String, String>>(&text);
    }
}

/// A record with a field of each kind serde asks a YAML reader for.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Probe {
    #[serde(default)]
    a: Option<String>,
    #[serde(default)]
    b: bool,
    #[serde(default)]
    c: Option<u32>,
    #[serde(default)]
    d: Vec<String>,
    #[serde(default)]
    e: Option<Direction>,
    #[serde(default)]
    f: Option<Party>,
    #[serde(default)]
    g: Option<i64>,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

/// One line (or a few) of hand-edited YAML: mostly plain `key: value` lines, so that a document
/// is often accepted as a whole, with values and continuations YAML reads in its own way.
fn hostile_line() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        12 => "[a-g]",
        1 => "(owner|x-y|yes|1| a|'a'|\\? a|a b|-a)",
    ];
    let value = prop_oneof![
        6 => "[a-z]{1,6}",
        1 => "[ -~]{0,12}",
        1 => "\\PC{0,8}",
        1 => Just(String::new()),
        1 => "(true|false|True|no|yes|null|~|0|01|-1|12|0x1f|1e3|1_0|.5|inf|.inf|18446744073709551616)",
        1 => "(inbound|outbound|Inbound|internal)",
        1 => "(\"[^\"\n]{0,6}\"|'[^'\n]{0,6}'|\"[a-z\\\\\"tnu0x]{0,8}\"|'[a-z']{0,6}')",
        1 => "(\\||\\|-|>|>-|\\|\\+|>2)( #[a-z]*)?",
        1 => "([a-z]{1,4}|&x [a-z]|\\*x|!!str [a-z]|\\[a\\]|\\{a: b\\})",
        2 => "[a-z]{1,3}( #[a-z]*| ?: ?[a-z]| ?|#[a-z]|:[a-z]|:)",
    ];
    let continuation = prop_oneof![
        8 => Just(String::new()),
        2 => "(\n  [a-z #:]{0,6}){1,3}",
        1 => "(\n  [a-z]{1,4}\n){1,2}",
        1 => "\n  [a-z]{1,4}( [a-z]{1,3})?\n\n  [a-z]{1,4}",
        1 => "(\n- [a-z0-9 ]{0,5}){1,3}",
        1 => "(\n  [a-z]{1,4}: [a-z0-9]{0,4}){1,2}",
        1 => "\n\n  [a-z]{1,4}",
        1 => "\n   [a-z]{1,4}",
        1 => "\n  - [a-z]",
        1 => "\n#[a-z ]{0,5}",
        1 => "\n  \t[a-z]",
        1 => "\n    [a-z]{1,4}",
        1 => "\n  [a-z]{1,3}\n   [a-z]{1,3}\n  [a-z]{1,3}",
        1 => "\n  [a-z]{1,3} \n  [a-z]{1,3}",
        1 => "\n  [a-z]{1,3}\n  \n  [a-z]{1,3}",
    ];
    (key, value, continuation).prop_map(|(key, value, more)| format!("{key}: {value}{more}\n"))
}

/// Texts that once told the two readers apart, or came close.
#[test]
fn known_edges_are_read_alike() {
    for text in [
        "a: |\n  s \n\n\n",
        "a: >\n  ljg\n   jzl\nb: c\n",
        "a: |\n  x\n\n  y\n\n",
        "a: >-\n  x\n\n\n  y\n",
        "a: 'it''s'\n",
        "a: \"\\u00e9\\t\\\"\"\n",
        "a: http://x.example/a#b\n",
        "a: b:c\n",
        "a: 3 apples\n",
    ] {
        agrees::<BTreeMap<String, String>>(text);
    }
}

/// Plain scalars some schema reads as a number, a boolean, null or a date are left to the full
/// parser even where a string is asked for.
#[test]
fn typed_looking_plain_scalars_are_declined() {
    for text in [
        "a: 12\n",
        "a: no\n",
        "a: 2026-01-02\n",
        "a: ~\n",
        "a: 0x1f\n",
        "a: 1_000\n",
    ] {
        assert_eq!(
            typed::read::<BTreeMap<String, String>>(text),
            None,
            "{text:?}"
        );
    }
    let quoted = typed::read::<BTreeMap<String, String>>("a: '12'\nb: \"no\"\n").unwrap();
    assert_eq!((quoted["a"].as_str(), quoted["b"].as_str()), ("12", "no"));
}

/// Every record file of the two demo stores is read alike; nearly all of them by the
/// canonical reader (customers with contacts and free-form fields are passed on).
#[test]
fn every_file_of_the_demo_stores_is_read_alike() {
    let tmp = tempfile::tempdir().unwrap();
    let large = tmp.path().join("large");
    let options = crate::demo::DemoOptions {
        customers: Some(8),
        interactions: Some(400),
        seed: 11,
    };
    crate::demo::build(&large, &options, &|_, _, _| {}).unwrap();
    let small = tmp.path().join("small");
    crate::demo::build(&small, &Default::default(), &|_, _, _| {}).unwrap();
    let (mut read, mut declined) = (0, Vec::new());
    for root in [&large, &small] {
        for path in record_files(root) {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let outcome = match classify(&relative) {
                Some(None) => agrees::<Customer>(&text),
                Some(Some(RecordKind::Interaction)) => agrees::<Interaction>(&text),
                Some(Some(RecordKind::Note)) => agrees::<Note>(&text),
                Some(Some(RecordKind::Task)) => agrees::<Task>(&text),
                Some(Some(RecordKind::Handoff)) => agrees::<Handoff>(&text),
                Some(Some(RecordKind::Document)) => agrees::<Document>(&text),
                _ => continue,
            };
            match outcome {
                Some(_) => read += 1,
                None if relative.ends_with("customer.yaml") => {}
                None => declined.push(relative),
            }
        }
    }
    assert!(read > 500, "only {read} files read");
    assert!(
        declined.len() * 100 <= read,
        "declined {} of {read}: {:?}",
        declined.len(),
        &declined[..declined.len().min(10)]
    );
}

/// Reads every record file of the store at `$GITCRM_AGREEMENT_STORE` both ways and prints how
/// many the canonical reader took: `GITCRM_AGREEMENT_STORE=/tmp/s200k cargo test --release --lib
/// agreement::a_whole_store -- --ignored --nocapture`.
#[test]
#[ignore = "needs a store named by GITCRM_AGREEMENT_STORE"]
fn a_whole_store_is_read_alike() {
    let root = std::path::PathBuf::from(std::env::var("GITCRM_AGREEMENT_STORE").unwrap());
    let (mut read, mut declined) = (
        BTreeMap::<String, usize>::new(),
        BTreeMap::<String, usize>::new(),
    );
    for path in record_files(&root) {
        let relative = path
            .strip_prefix(&root)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let (kind, outcome) = match classify(&relative) {
            Some(None) => ("customer", agrees::<Customer>(&text)),
            Some(Some(RecordKind::Interaction)) => ("interaction", agrees::<Interaction>(&text)),
            Some(Some(RecordKind::Note)) => ("note", agrees::<Note>(&text)),
            Some(Some(RecordKind::Task)) => ("task", agrees::<Task>(&text)),
            Some(Some(RecordKind::Handoff)) => ("handoff", agrees::<Handoff>(&text)),
            Some(Some(RecordKind::Document)) => ("document", agrees::<Document>(&text)),
            _ => continue,
        };
        let tally = if outcome.is_some() {
            &mut read
        } else {
            &mut declined
        };
        *tally.entry(kind.to_string()).or_default() += 1;
    }
    println!("read by the canonical reader: {read:?}\npassed to serde-saphyr: {declined:?}");
}

fn record_files(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![root.join("customers")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
