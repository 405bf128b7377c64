//! `inbox`: the four sections, whose inbox it is (`--as`), targets, and the per-clone marker of
//! seen mentions.

use serde_json::Value;

use crate::support::{TestStore, stderr, stdout};

/// Alice's store with Bob (sales) and Carol, targets `first_response: 4h` and `handoff: 1d`,
/// and two customers: acme (Alice's) and globex (Bob's).
fn store() -> TestStore {
    let s = TestStore::new();
    s.add_person("bob", Some("sales"));
    s.add_person("carol", None);
    s.replace_line(
        ".gitcrm/config.yaml",
        "targets:",
        "targets: {first_response: 4h, handoff: 1d}",
    );
    s.commit_all("targets");
    s.add_customer_with("Acme", &["--contact", "Jane Doe <jane@acme.test>"]);
    s.add_customer_with(
        "Globex",
        &["--owner", "bob", "--contact", "Hank <hank@globex.test>"],
    );
    s
}

fn inbox(s: &TestStore, who: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--as", who, "inbox", "--format", "json", "--peek"];
    args.extend_from_slice(extra);
    s.json(&args)
}

fn field<'a>(items: &'a Value, key: &str) -> Vec<&'a str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i[key].as_str().unwrap())
        .collect()
}

#[test]
fn unanswered_threads_on_my_customers_oldest_first() {
    let s = store();
    let old = s.log(
        "acme",
        "email",
        "inbound",
        "Old question",
        &["--at", "2d ago"],
    );
    // Answered by a person: nothing owed.
    let answered = s.log("acme", "email", "inbound", "Answered", &["--at", "5h ago"]);
    s.log(
        "acme",
        "email",
        "outbound",
        "Reply",
        &["--at", "4h ago", "--reply-to", &answered],
    );
    // Only an auto-reply: still owed, and young.
    let auto = s.log(
        "acme",
        "chat",
        "inbound",
        "Recent question",
        &["--at", "1h ago"],
    );
    s.log(
        "acme",
        "chat",
        "outbound",
        "We got your message",
        &["--at", "59m ago", "--reply-to", &auto, "--automated"],
    );
    // Resolved internally: nothing owed.
    let resolved = s.log("acme", "call", "inbound", "Resolved", &["--at", "3d ago"]);
    s.log(
        "acme",
        "call",
        "internal",
        "Handled by phone",
        &["--at", "71h ago", "--reply-to", &resolved, "--resolves"],
    );
    // Answered, then the customer wrote again: a follow-up is owed.
    s.log(
        "acme",
        "email",
        "inbound",
        "Thanks, one more thing",
        &["--at", "3h ago", "--reply-to", &answered],
    );
    // Bob's customer is not in Alice's inbox.
    s.log("globex", "email", "inbound", "For Bob", &["--at", "1d ago"]);

    let json = inbox(&s, "alice", &[]);
    assert_eq!(json["version"], 1);
    let unanswered = &json["inbox"]["unanswered"];
    assert_eq!(
        field(unanswered, "subject"),
        ["Old question", "Answered", "Recent question"],
        "oldest wait first: {unanswered:#}"
    );
    assert_eq!(
        field(unanswered, "thread"),
        [old.as_str(), &answered, &auto]
    );
    assert_eq!(unanswered[0]["over_target"], true);
    assert_eq!(unanswered[0]["first_response"], true);
    assert_eq!(unanswered[0]["from"], "jane@acme.test");
    assert_eq!(unanswered[1]["first_response"], false);
    assert_eq!(unanswered[1]["over_target"], false);
    assert_eq!(unanswered[2]["over_target"], false);
    assert_eq!(json["inbox"]["first_response_target"]["text"], "4h");
    assert_eq!(json["inbox"]["first_response_target"]["seconds"], 14400);

    let bob = inbox(&s, "bob", &[]);
    assert_eq!(field(&bob["inbox"]["unanswered"], "subject"), ["For Bob"]);
}

#[test]
fn handoffs_to_me_until_accepted() {
    let s = store();
    s.add_customer_with("Initech", &["--owner", "bob"]);
    s.cmd_as("bob")
        .args([
            "assign",
            "globex",
            "--to",
            "alice",
            "--reason",
            "Holiday cover",
        ])
        .assert()
        .success();
    s.cmd_as("bob")
        .args(["assign", "initech", "--to", "alice"])
        .assert()
        .success();
    let json = inbox(&s, "alice", &[]);
    let handoffs = &json["inbox"]["handoffs"];
    assert_eq!(field(handoffs, "customer"), ["globex", "initech"]);
    assert_eq!(handoffs[0]["reason"], "Holiday cover");
    assert_eq!(handoffs[0]["from"]["owner"], "bob");
    assert_eq!(handoffs[0]["over_target"], false);

    // Accepted explicitly, or taken over by a first touchpoint: gone.
    s.run(&["handoff", "accept", "globex"]);
    s.log(
        "initech",
        "email",
        "outbound",
        "Hello, I am your contact now",
        &[],
    );
    let json = inbox(&s, "alice", &[]);
    assert_eq!(json["inbox"]["handoffs"], serde_json::json!([]));
}

#[test]
fn my_open_tasks_overdue_first() {
    let s = store();
    s.run(&["task", "add", "acme", "Someday"]);
    s.run(&["task", "add", "acme", "Next week", "--due", "+7d"]);
    s.run(&["task", "add", "globex", "Late", "--due", "2020-01-01"]);
    let done = s.create(&["task", "add", "acme", "Finished", "--due", "2020-01-01"]);
    s.run(&["task", "done", &done]);
    s.run(&["task", "add", "acme", "Bob's", "--assignee", "bob"]);
    let json = inbox(&s, "alice", &[]);
    let tasks = &json["inbox"]["tasks"];
    assert_eq!(field(tasks, "title"), ["Late", "Next week", "Someday"]);
    assert_eq!(tasks[0]["overdue"], true);
    assert_eq!(tasks[0]["due"], "2020-01-01");
    assert_eq!(tasks[1]["overdue"], false);
    assert_eq!(
        field(&inbox(&s, "bob", &[])["inbox"]["tasks"], "title"),
        ["Bob's"]
    );
}

#[test]
fn mentions_since_last_look_per_person_and_clone() {
    let s = store();
    s.cmd_as("bob")
        .args(["note", "acme", "@alice can you call Jane? cc @carol"])
        .assert()
        .success();
    s.run(&["note", "acme", "Note to self @alice"]);
    s.cmd_as("bob")
        .args(["note", "acme", "Only for @carol"])
        .assert()
        .success();

    // --peek never advances the marker.
    for _ in 0..2 {
        let json = inbox(&s, "alice", &[]);
        assert_eq!(
            field(&json["inbox"]["mentions"], "text"),
            ["@alice can you call Jane? cc @carol"]
        );
        assert_eq!(json["inbox"]["mentions"][0]["seen"], false);
    }
    // Reading does.
    let table = s.run(&["inbox"]);
    assert!(table.contains("Notes that mention you (1 new)"), "{table}");
    assert!(s.path(".git/gitcrm/inbox/alice.seen").is_file());
    let json = inbox(&s, "alice", &[]);
    assert_eq!(json["inbox"]["mentions"], serde_json::json!([]));
    let all = inbox(&s, "alice", &["--all"]);
    assert_eq!(all["inbox"]["mentions"][0]["seen"], true);

    // Carol has her own marker: she still sees both.
    assert_eq!(
        inbox(&s, "carol", &[])["inbox"]["mentions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A new mention shows, even when it is backdated before the last look.
    s.cmd_as("bob")
        .args(["note", "acme", "Late news for @Alice", "--at", "30d ago"])
        .assert()
        .success();
    let json = inbox(&s, "alice", &[]);
    assert_eq!(
        field(&json["inbox"]["mentions"], "text"),
        ["Late news for @Alice"]
    );
}

#[test]
fn table_by_section() {
    let s = store();
    s.log(
        "acme",
        "email",
        "inbound",
        "Asks for a quote",
        &["--at", "2d ago"],
    );
    s.cmd_as("bob")
        .args([
            "assign",
            "globex",
            "--to",
            "alice",
            "--reason",
            "Holiday cover",
        ])
        .assert()
        .success();
    s.run(&[
        "task",
        "add",
        "acme",
        "Send the contract",
        "--due",
        "2020-01-01",
    ]);
    s.cmd_as("bob")
        .args(["note", "acme", "@alice Jane prefers calls"])
        .assert()
        .success();
    let out = s.run(&["inbox", "--peek"]);
    insta::with_settings!({filters => vec![
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "[time]"),
        (r"\b[0-9a-f]{8}\b", "[id]"),
        (r"#[0-9a-f]{4}\b", "#[thr]"),
        (r"\b\d+(m|h|s)( \d+m)?\b", "[age]"),
    ]}, {
        insta::assert_snapshot!("inbox_table", out);
    });
}

#[test]
fn empty_inbox_and_unknown_person() {
    let s = store();
    let out = s.run(&["inbox"]);
    assert!(out.contains("nothing waits for a reply"), "{out}");
    assert!(out.contains("none pending"), "{out}");
    assert!(out.contains("no open tasks"), "{out}");
    assert!(out.contains("no new mentions"), "{out}");
    let assert = s.cmd().args(["--as", "zed", "inbox"]).assert().code(2);
    assert!(
        stderr(&assert).contains("no person `zed`"),
        "{}",
        stderr(&assert)
    );
    let assert = s.cmd().args(["inbox", "--format", "csv"]).assert().code(2);
    assert!(stderr(&assert).contains("[possible values: table, json]"));
}

#[test]
fn json_document_shape() {
    let s = store();
    let json = inbox(&s, "alice", &[]);
    let inbox = &json["inbox"];
    for key in [
        "person",
        "now",
        "sections",
        "first_response_target",
        "handoff_target",
        "unanswered",
        "handoffs",
        "tasks",
        "mentions",
        "hidden",
    ] {
        assert!(inbox.get(key).is_some(), "inbox.{key} missing: {json:#}");
    }
    assert_eq!(
        inbox["sections"],
        serde_json::json!(["unanswered", "handoffs", "tasks", "mentions"])
    );
    assert_eq!(json["view"], Value::Null);
}

#[cfg(unix)]
#[test]
fn links_are_never_followed() {
    let s = store();
    let outside = s.sandbox.path().join("outside.yaml");
    std::fs::write(
        &outside,
        "id: 01890a5d-ac96-7c3e-9a4b-0123456789ab\nat: 2026-01-01T00:00:00Z\nby: bob\nbody: \"@alice secret\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(s.path("customers/acme/notes")).unwrap();
    std::os::unix::fs::symlink(
        &outside,
        s.path("customers/acme/notes/20260101T000000Z-456789ab.yaml"),
    )
    .unwrap();
    let json = inbox(&s, "alice", &[]);
    assert_eq!(json["inbox"]["mentions"], serde_json::json!([]));
    // A linked record folder is never entered (as by every whole-store reader); `check` names
    // it.
    std::fs::remove_file(s.path("customers/acme/notes/20260101T000000Z-456789ab.yaml")).unwrap();
    std::fs::remove_dir(s.path("customers/acme/notes")).unwrap();
    std::fs::create_dir_all(s.sandbox.path().join("linked")).unwrap();
    std::fs::copy(
        &outside,
        s.sandbox
            .path()
            .join("linked/20260101T000000Z-456789ab.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        s.sandbox.path().join("linked"),
        s.path("customers/acme/notes"),
    )
    .unwrap();
    let json = inbox(&s, "alice", &[]);
    assert_eq!(json["inbox"]["mentions"], serde_json::json!([]));
    let assert = s.cmd().args(["check"]).assert().code(1);
    let out = stdout(&assert);
    assert!(
        out.contains("customers/acme/notes") && out.contains("symbolic link"),
        "{out}"
    );
}

/// A customer of a team whose calendar has no working hours has waited no business time at
/// all, so its two-day-old question is within the 4h target; a customer of a team without a
/// calendar is judged on the wall clock, as `metrics` does.
#[test]
fn targets_are_judged_in_the_business_hours_of_the_team() {
    let s = store();
    s.replace_line(
        ".gitcrm/config.yaml",
        "calendars:",
        "calendars: {closed: {zone: Europe/Paris}}",
    );
    s.commit_all("a calendar without working hours");
    s.run(&["team", "add", "night", "--calendar", "closed"]);
    s.add_customer_with(
        "Initech",
        &["--team", "night", "--contact", "Bill <bill@initech.test>"],
    );
    s.log(
        "initech",
        "email",
        "inbound",
        "Night question",
        &["--at", "2d ago"],
    );
    s.log(
        "acme",
        "email",
        "inbound",
        "Day question",
        &["--at", "2d ago"],
    );

    let json = inbox(&s, "alice", &[]);
    let unanswered = json["inbox"]["unanswered"].as_array().unwrap();
    let by_subject = |subject: &str| {
        unanswered
            .iter()
            .find(|u| u["subject"] == subject)
            .unwrap_or_else(|| panic!("{subject} in {unanswered:#?}"))
    };
    let night = by_subject("Night question");
    assert_eq!(night["business_age_seconds"], 0);
    assert_eq!(night["over_target"], false);
    assert!(night["age_seconds"].as_i64().unwrap() > 14400);
    let day = by_subject("Day question");
    assert_eq!(day["business_age_seconds"], Value::Null);
    assert_eq!(day["over_target"], true);
}

const NOW: &str = "2026-11-23T10:00:00Z";

fn json_at(s: &TestStore, args: &[&str]) -> Value {
    serde_json::from_str(&s.run_at(NOW, args)).unwrap()
}

/// A store where `support` has Bob and Carol; `orphan` (team support) has no owner, `away-co`
/// is Bob's and `mine` is Carol's. Each got an inbound email.
fn queue_store() -> TestStore {
    let s = TestStore::new();
    s.add_person("bob", Some("support"));
    s.add_person("carol", Some("support"));
    for (name, owner, contact) in [
        ("Orphan", "alice", "O <o@orphan.example>"),
        ("Away Co", "bob", "A <a@away.example>"),
        ("Mine", "carol", "M <m@mine.example>"),
    ] {
        s.run_at(
            NOW,
            &[
                "customer",
                "add",
                name,
                "--owner",
                owner,
                "--team",
                "support",
                "--contact",
                contact,
            ],
        );
    }
    let text = s.read("customers/orphan/customer.yaml");
    s.write(
        "customers/orphan/customer.yaml",
        &text.replace("owner: alice\n", ""),
    );
    s.commit_all("nobody owns orphan");
    s
}

#[test]
fn threads_nobody_answers_reach_the_team_queue() {
    let s = queue_store();
    let warn = s
        .cmd_at(NOW)
        .args([
            "log",
            "orphan",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Anyone there?",
            "--at",
            "09:00",
        ])
        .assert()
        .success();
    assert!(
        stderr(&warn).contains("warning: orphan: it has no owner; this inbound touchpoint waits in team support's queue (`git crm inbox --team support`)\nhint: `git crm assign orphan --to <person>` gives it an owner"),
        "{}",
        stderr(&warn)
    );
    s.run_at(
        NOW,
        &[
            "log",
            "away-co",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Hello Bob",
            "--at",
            "09:30",
        ],
    );
    s.run_at(
        NOW,
        &[
            "log",
            "mine",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Hello Carol",
            "--at",
            "09:45",
        ],
    );

    // Bob is at work: only the customer without an owner is in the queue.
    let queue = json_at(&s, &["inbox", "--team", "support", "--format", "json"]);
    assert_eq!(field(&queue["inbox"]["queue"], "customer"), ["orphan"]);
    assert_eq!(queue["inbox"]["sections"], serde_json::json!(["queue"]));

    let away = s
        .cmd_at(NOW)
        .args(["person", "away", "bob", "--until", "friday"])
        .assert()
        .success();
    assert!(crate::support::stdout(&away).starts_with("bob is away until 2026-11-27"));
    let config = s.read(".gitcrm/config.yaml");
    assert!(
        config.contains("    away:\n      until: \"2026-11-27\"\n"),
        "{config}"
    );
    let queue = json_at(&s, &["inbox", "--team", "support", "--format", "json"]);
    assert_eq!(
        field(&queue["inbox"]["queue"], "customer"),
        ["orphan", "away-co"]
    );
    assert_eq!(queue["inbox"]["queue"][1]["owner"], "bob");
    assert_eq!(queue["inbox"]["queue"][1]["away_until"], "2026-11-27");
    let table = s.run_at(NOW, &["inbox", "--team", "support"]);
    assert!(table.starts_with("Queue of team support, 2026-11-23 10:00\n\nWaiting for support, with no owner to answer (2)\n"), "{table}");
    assert!(table.contains("bob away until 2026-11-27"), "{table}");

    // Carol's own inbox: her customer, then her team's queue in its own section.
    let carol = json_at(
        &s,
        &["--as", "carol", "inbox", "--format", "json", "--peek"],
    );
    assert_eq!(field(&carol["inbox"]["unanswered"], "customer"), ["mine"]);
    assert_eq!(
        field(&carol["inbox"]["queue"], "customer"),
        ["orphan", "away-co"]
    );
    assert_eq!(
        carol["inbox"]["sections"],
        serde_json::json!(["unanswered", "queue", "handoffs", "tasks", "mentions"])
    );
    // Alice is in no team: no queue section.
    let alice = json_at(&s, &["inbox", "--format", "json", "--peek"]);
    assert!(alice["inbox"]["queue"].as_array().unwrap().is_empty());
    s.run_at(NOW, &["person", "back", "bob"]);
    assert_eq!(
        field(
            &json_at(&s, &["inbox", "--team", "support", "--format", "json"])["inbox"]["queue"],
            "customer"
        ),
        ["orphan"]
    );
    s.cmd()
        .args(["inbox", "--team", "suport"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `support`?"));
    s.run(&["check"]);
}
