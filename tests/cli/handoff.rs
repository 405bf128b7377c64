//! `assign` and `handoff list|accept`.

use predicates::prelude::*;

use crate::support::{TestStore, stderr, stdout};

const HAND_WRITTEN: &str = r#"# Hand-written by Alice. Keep this comment.
name: Hand Made Ltd   # trading name
slug: hand
id: 01951234-5678-7abc-8def-0123456789ab
owner: alice        # account manager
team: support
created: "2024-03-01T09:00:00Z"
kind: company
status: active
tags: [design, print]
crm_legacy_id: "L-0042"   # from the old CRM
notes_for_humans: |
  Prefers calls in the morning.
  Never on Fridays.
"#;

/// A store with Bob (sales), Carol (support) and a hand-written, committed customer `hand`.
fn store() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", Some("sales"));
    store.add_person("carol", Some("support"));
    store.write("customers/hand/customer.yaml", HAND_WRITTEN);
    store.commit_all("hand-written customer");
    store
}

#[test]
fn assign_edits_the_customer_in_place_and_writes_a_handoff() {
    let store = store();
    let id = store.create(&[
        "assign",
        "hand",
        "--to",
        "bob",
        "--reason",
        "Sales takes over",
    ]);
    let after = store.read("customers/hand/customer.yaml");
    let expected = HAND_WRITTEN
        .replace(
            "owner: alice        # account manager",
            "owner: bob        # account manager",
        )
        .replace("team: support\n", "team: sales\n");
    assert_eq!(after, expected, "only the owner and team lines change");

    let path = store.record_path("hand", "handoffs", &id);
    let handoff = store.read(&path);
    assert!(
        handoff.contains("\nby: alice\nfrom:\n  owner: alice\n  team: support\nto:\n  owner: bob\n  team: sales\nreason: Sales takes over\n"),
        "{handoff}"
    );
    assert!(!handoff.contains("accepted_at"));
    let handoff_id = handoff
        .lines()
        .next()
        .unwrap()
        .strip_prefix("id: ")
        .unwrap();

    assert_eq!(
        store.head_message(),
        format!(
            "assign: hand from alice (support) to bob (sales) (alice)\n\nCrm-Op: handoff.add\nCrm-Ids: 01951234-5678-7abc-8def-0123456789ab {handoff_id}\nCrm-Actor: alice"
        )
    );
    let changed = store.git(&["show", "--name-status", "--format=", "HEAD"]);
    assert_eq!(
        changed,
        format!("M\tcustomers/hand/customer.yaml\nA\t{path}")
    );
    store.status_clean();

    let card = store.run(&["customer", "show", "hand"]);
    assert!(card.contains("  owner            bob (sales)\n"), "{card}");
    assert!(
        card.contains("  pending handoff  alice (support) -> bob (sales) since "),
        "{card}"
    );
    assert!(card.contains(&format!("({id})")), "{card}");

    // Back to Carol with an explicit team; the edit is again in place.
    store.run(&["assign", "hand", "--to", "carol", "--team", "support"]);
    let again = store.read("customers/hand/customer.yaml");
    assert_eq!(
        again,
        HAND_WRITTEN.replace("owner: alice        #", "owner: carol        #")
    );
}

#[test]
fn assign_refusals() {
    let store = store();
    let before = store.read("customers/hand/customer.yaml");
    let head = store.head();
    store
        .cmd()
        .args(["assign", "hand", "--to", "alice", "--team", "support"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "hand is already owned by alice (support)",
        ));
    store
        .cmd()
        .args(["assign", "hand", "--to", "bbo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no person `bbo`"))
        .stderr(predicate::str::contains("did you mean `bob`?"));
    store
        .cmd()
        .args(["assign", "hand", "--to", "bob", "--team", "finance"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no team `finance`"));
    store
        .cmd()
        .args(["assign", "nope", "--to", "bob"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no customer `nope`"));
    assert_eq!(store.read("customers/hand/customer.yaml"), before);
    assert_eq!(store.head(), head);
    assert!(!store.path("customers/hand/handoffs").exists());
}

#[test]
fn handoff_list_pending_and_filters() {
    let store = store();
    store.add_customer("Acme");
    let to_bob = store.create(&["assign", "hand", "--to", "bob", "--reason", "Sales"]);
    let to_carol = store.create(&["assign", "acme", "--to", "carol"]);

    let json = store.json(&["handoff", "list", "--pending", "--format", "json"]);
    assert_eq!(json["version"], 1);
    let rows = json["handoffs"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["customer"], "hand");
    assert!(rows[0]["id"].as_str().unwrap().ends_with(&to_bob));
    assert_eq!(
        rows[0]["to"],
        serde_json::json!({"owner": "bob", "team": "sales"})
    );
    assert_eq!(rows[1]["customer"], "acme");
    assert!(rows[1]["id"].as_str().unwrap().ends_with(&to_carol));

    let table = store.run(&["handoff", "list", "--pending"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].split_whitespace().eq([
        "id", "customer", "at", "from", "to", "by", "state", "reason"
    ]));
    assert!(lines[1].starts_with(&format!("{to_bob}  hand")), "{table}");
    assert!(lines[1].contains("pending 0m"), "{table}");

    let to = store.json(&["handoff", "list", "--to", "carol", "--format", "json"]);
    assert_eq!(to["handoffs"].as_array().unwrap().len(), 1);
    assert_eq!(to["handoffs"][0]["customer"], "acme");
    let of = store.json(&["handoff", "list", "--customer", "hand", "--format", "json"]);
    assert_eq!(of["handoffs"].as_array().unwrap().len(), 1);

    store
        .cmd_as("bob")
        .args(["handoff", "accept", "hand"])
        .assert()
        .success();
    let pending = store.json(&["handoff", "list", "--pending", "--format", "json"]);
    assert_eq!(pending["handoffs"].as_array().unwrap().len(), 1);
    assert_eq!(pending["handoffs"][0]["customer"], "acme");
    let all = store.json(&["handoff", "list", "--format", "json"]);
    assert_eq!(all["handoffs"].as_array().unwrap().len(), 2);
    assert_eq!(all["handoffs"][0]["accepted_by"], "bob");
}

#[test]
fn accept_by_customer_slug() {
    let store = store();
    let id = store.create(&["assign", "hand", "--to", "bob"]);
    let path = store.record_path("hand", "handoffs", &id);
    let before = store.read(&path);
    let assert = store
        .cmd_as("bob")
        .args(["handoff", "accept", "hand"])
        .assert()
        .success();
    assert!(stdout(&assert).starts_with(&format!("accepted handoff {id} in commit ")));
    let after = store.read(&path);
    assert!(
        after.starts_with(&before),
        "accepting appends fields:\n{after}"
    );
    let added = &after[before.len()..];
    assert!(added.starts_with("accepted_at: \""), "{added}");
    assert!(added.ends_with("\naccepted_by: bob\n"), "{added}");
    assert_eq!(store.head_author(), "Bob <bob@example.com>");
    let message = store.head_message();
    assert!(
        message.starts_with("handoff: bob accepts hand")
            && message.contains("\n\nCrm-Op: handoff.accept\n"),
        "{message}"
    );
    store.status_clean();

    let timeline = store.run(&["timeline", "hand", "--kind", "handoff"]);
    assert!(timeline.contains("  accepted "), "{timeline}");
    assert!(timeline.contains("accepted by bob"), "{timeline}");
}

#[test]
fn accept_by_id_prefix_and_twice_fails() {
    let store = store();
    let id = store.create(&["assign", "hand", "--to", "bob"]);
    store
        .cmd_as("bob")
        .args(["handoff", "accept", &id[..5]])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "accepted handoff {id}"
        )));
    let path = store.record_path("hand", "handoffs", &id);
    assert!(store.read(&path).contains("\naccepted_by: bob\n"));
    let head = store.head();

    let assert = store
        .cmd_as("bob")
        .args(["handoff", "accept", &id])
        .assert()
        .code(1);
    assert!(
        stderr(&assert).starts_with(&format!("error: handoff {id} was already accepted at ")),
        "{}",
        stderr(&assert)
    );
    store
        .cmd_as("bob")
        .args(["handoff", "accept", "hand"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("was already accepted at"));
    store
        .cmd()
        .args(["handoff", "accept", "nothing-here"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is neither a customer nor a handoff id",
        ));
    store
        .cmd()
        .args(["handoff", "accept", "ffff0000"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no handoff with id `ffff0000`"));
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn the_new_owners_first_touchpoint_takes_the_handoff_over() {
    let store = store();
    store.run(&["assign", "hand", "--to", "bob"]);
    assert!(
        store
            .run(&["handoff", "list", "--pending"])
            .contains("pending")
    );
    store
        .cmd_as("bob")
        .args([
            "log",
            "hand",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "Intro call",
        ])
        .assert()
        .success();
    let pending = store.run(&["handoff", "list", "--pending", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&pending).unwrap();
    assert_eq!(doc["handoffs"].as_array().unwrap().len(), 0, "{pending}");
    let all = store.run(&["handoff", "list"]);
    assert!(all.contains("taken over"), "{all}");
    assert!(
        !store
            .run(&["customer", "show", "hand"])
            .contains("pending handoff")
    );
}

const NOW: &str = "2026-11-23T10:00:00Z";

#[test]
fn only_the_receiver_accepts_or_someone_on_their_behalf() {
    let store = store();
    let id = store.create_at(NOW, &["assign", "hand", "--to", "bob"]);
    store
        .cmd_at(NOW)
        .args(["--as", "carol", "handoff", "accept", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "error: handoff {id} is to bob: only bob can accept it\nhint: accept it for them with `--on-behalf-of bob` (recorded in the handoff)\n"
        )));
    store
        .cmd_at(NOW)
        .args([
            "--as",
            "carol",
            "handoff",
            "accept",
            &id,
            "--on-behalf-of",
            "alice",
        ])
        .assert()
        .code(1);
    store.run_at(
        NOW,
        &[
            "--as",
            "carol",
            "handoff",
            "accept",
            "hand",
            "--on-behalf-of",
            "bob",
        ],
    );
    let yaml = store.read(&store.record_path("hand", "handoffs", &id));
    assert!(
        yaml.ends_with(
            "accepted_at: \"2026-11-23T10:00:00Z\"\naccepted_by: carol\non_behalf_of: bob\n"
        ),
        "{yaml}"
    );
    assert_eq!(
        store.git(&["log", "-1", "--format=%s"]),
        "handoff: carol accepts hand for bob"
    );
    store.run(&["check"]);
}

#[test]
fn decline_gives_the_customer_back_in_one_commit() {
    let store = store();
    let id = store.create_at(
        NOW,
        &["assign", "hand", "--to", "bob", "--reason", "renewal"],
    );
    let commits = store.commit_count();
    store
        .cmd_at(NOW)
        .args(["--as", "bob", "handoff", "decline", &id])
        .assert()
        .code(2);
    let out = store.run_at(
        NOW,
        &[
            "--as",
            "bob",
            "handoff",
            "decline",
            &id,
            "--reason",
            "I do not do print",
        ],
    );
    assert!(
        out.starts_with(&format!(
            "alice (support) owns hand again; declined handoff {id} in commit "
        )),
        "{out}"
    );
    assert_eq!(store.commit_count(), commits + 1);
    assert_eq!(store.read("customers/hand/customer.yaml"), HAND_WRITTEN);
    let yaml = store.read(&store.record_path("hand", "handoffs", &id));
    assert!(
        yaml.ends_with("declined_at: \"2026-11-23T10:00:00Z\"\ndeclined_by: bob\ndecline_reason: I do not do print\n"),
        "{yaml}"
    );
    let list = store.json(&["handoff", "list", "--format", "json"]);
    assert_eq!(list["handoffs"][0]["status"]["state"], "declined");
    assert_eq!(list["handoffs"][0]["status"]["reason"], "I do not do print");
    assert!(
        store.json(&["handoff", "list", "--pending", "--format", "json"])["handoffs"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    store
        .cmd_at(NOW)
        .args(["--as", "bob", "handoff", "accept", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "handoff {id} was declined by bob"
        )));
    store.run(&["check"]);
    store.status_clean();
}

#[test]
fn a_handoff_overtaken_by_a_later_one_is_superseded_everywhere() {
    let store = store();
    let first = store.create_at(NOW, &["assign", "hand", "--to", "bob"]);
    let second = store.create_at("2026-11-23T11:00:00Z", &["assign", "hand", "--to", "carol"]);
    let list = store.run_at("2026-11-23T12:00:00Z", &["handoff", "list"]);
    assert!(list.contains(&format!("superseded by {second}")), "{list}");
    let json = store.json(&["handoff", "list", "--format", "json"]);
    assert_eq!(json["handoffs"][0]["status"]["state"], "superseded");
    assert_eq!(json["handoffs"][0]["status"]["by"], second.as_str());
    assert_eq!(json["handoffs"][1]["status"]["state"], "pending");
    let inbox = store.json(&["--as", "bob", "inbox", "--format", "json", "--peek"]);
    assert!(
        inbox["inbox"]["handoffs"].as_array().unwrap().is_empty(),
        "{inbox}"
    );
    let metrics = store.json(&[
        "metrics",
        "handoff",
        "--format",
        "json",
        "--at",
        "2026-11-23 12:00",
        "--since",
        "2026-11-01",
    ]);
    assert_eq!(metrics["handoff"]["pending"], 1, "{metrics}");
    store
        .cmd_at("2026-11-23T12:00:00Z")
        .args(["--as", "bob", "handoff", "accept", &first])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "handoff {first} was superseded by handoff {second}"
        )));
    store.run_at(
        "2026-11-23T12:00:00Z",
        &["--as", "carol", "handoff", "accept", "hand"],
    );
}
