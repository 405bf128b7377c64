//! `note <customer> <text>`: internal notes with @mentions.

use predicates::prelude::*;

use crate::support::{TestStore, stderr};

fn store() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.add_customer("Acme");
    store
}

#[test]
fn mentions_resolve_to_people() {
    let store = store();
    let id = store.note(
        "acme",
        "Call @bob about the renewal, cc @Alice. Mail jane@acme.test, not @bob again.",
    );
    let path = store.record_path("acme", "notes", &id);
    let yaml = store.read(&path);
    assert!(yaml.contains("\nby: alice\n"), "{yaml}");
    assert!(
        yaml.contains(
            "\nbody: Call @bob about the renewal, cc @Alice. Mail jane@acme.test, not @bob again.\n"
        ),
        "{yaml}"
    );
    assert!(yaml.ends_with("mentions:\n- bob\n- alice\n"), "{yaml}");
    let full_id = yaml.lines().next().unwrap().strip_prefix("id: ").unwrap();
    assert_eq!(
        store.head_message(),
        format!("note: on acme (alice)\n\nCrm-Op: note.add\nCrm-Ids: {full_id}\nCrm-Actor: alice")
    );
    store.status_clean();

    let timeline = store.run(&["timeline", "acme", "--kind", "note"]);
    let line = timeline
        .lines()
        .find(|l| l.contains(&id))
        .unwrap_or_else(|| panic!("{timeline}"));
    assert!(
        line.split_whitespace()
            .skip(1)
            .take(4)
            .eq(["note", "alice", "Call", "@bob"])
            && line.trim_end().ends_with(id.as_str()),
        "{line}"
    );
}

#[test]
fn note_without_mentions_has_no_mentions_key() {
    let store = store();
    let id = store.create(&[
        "note",
        "acme",
        "Plain note, mail x@y.test",
        "--at",
        "2025-03-02 08:00",
        "--tag",
        "billing",
    ]);
    let path = store.record_path("acme", "notes", &id);
    assert!(
        path.starts_with("customers/acme/notes/20250302T080000Z-"),
        "{path}"
    );
    let yaml = store.read(&path);
    assert!(!yaml.contains("mentions"), "{yaml}");
    assert!(yaml.contains("\nat: \"2025-03-02T08:00:00Z\"\n"), "{yaml}");
    assert!(yaml.contains("\ntags:\n- billing\n"), "{yaml}");
}

#[test]
fn double_at_is_a_literal_at_sign() {
    let store = store();
    let id = store.note("acme", "Ask about the @@handle scheme and @@bob");
    assert!(
        !store
            .read(&store.record_path("acme", "notes", &id))
            .contains("mentions")
    );
}

#[test]
fn unknown_mention_is_an_error_with_did_you_mean() {
    let store = store();
    let head = store.head();
    let assert = store
        .cmd()
        .args(["note", "acme", "Ask @bbo for the numbers"])
        .assert()
        .code(1);
    assert_eq!(
        stderr(&assert),
        "error: @bbo is not a person of this store\nhint: did you mean `bob`? (write @@ for a literal @)\n"
    );
    let assert = store
        .cmd()
        .args(["note", "acme", "Ask @zed"])
        .assert()
        .code(1);
    assert_eq!(
        stderr(&assert),
        "error: @zed is not a person of this store\n"
    );
    assert_eq!(store.head(), head);
    assert!(!store.path("customers/acme/notes").exists());
}

#[test]
fn note_errors() {
    let store = store();
    store
        .cmd()
        .args(["note", "acme", "  "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a note needs text"));
    store
        .cmd()
        .args(["note", "acme"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing TEXT"));
    store
        .cmd()
        .args(["note", "nope", "hello"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no customer `nope`"));
    store.status_clean();
}
