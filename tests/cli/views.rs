//! Views by role: `timeline`, `customer show` and `inbox` apply the acting person's view (what
//! comes first, which tagged records are left out), say when they hid something, and show
//! everything with `--view all`.

use crate::support::{TestStore, stderr};

/// Sam (support: tasks and touchpoints first, no `billing`), Fred (finance: no `private`),
/// Alice without a role. Acme, owned by Sam, has an open billing thread, an open website
/// thread, a private note and a task.
fn store() -> TestStore {
    let s = TestStore::new();
    s.run(&[
        "person",
        "add",
        "sam",
        "--name",
        "Sam",
        "--email",
        "sam@example.com",
        "--role",
        "support",
    ]);
    s.run(&[
        "person",
        "add",
        "fred",
        "--name",
        "Fred",
        "--email",
        "fred@example.com",
        "--role",
        "finance",
    ]);
    s.replace_line(
        ".gitcrm/config.yaml",
        "views:",
        "views: {support: {first: [tasks, interactions], hide_tags: [billing]}, finance: {first: [tasks], hide_tags: [private]}}",
    );
    s.commit_all("views");
    s.add_customer_with(
        "Acme",
        &["--owner", "sam", "--contact", "Jane Doe <jane@acme.test>"],
    );
    let invoice = s.log(
        "acme",
        "email",
        "inbound",
        "Invoice question",
        &["--at", "2025-03-03 09:00", "--tag", "billing"],
    );
    s.log(
        "acme",
        "email",
        "inbound",
        "About that invoice again",
        &["--at", "2025-03-03 11:00", "--reply-to", &invoice],
    );
    s.log(
        "acme",
        "chat",
        "inbound",
        "Website is down",
        &["--at", "2025-03-04 10:00"],
    );
    s.run(&[
        "note",
        "acme",
        "Margins are thin on this one",
        "--tag",
        "private",
        "--at",
        "2025-03-04 12:00",
    ]);
    s.run(&["task", "add", "acme", "Call Jane back", "--assignee", "sam"]);
    s
}

#[test]
fn timeline_applies_the_actors_view_and_says_so() {
    let s = store();
    let out = String::from_utf8(
        s.cmd_as("sam")
            .args(["timeline", "acme"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(!out.contains("invoice"), "billing thread hidden: {out}");
    assert!(out.contains("Website is down"), "{out}");
    assert!(
        out.contains("Margins are thin"),
        "support sees private: {out}"
    );
    assert!(
        out.ends_with("\n2 entries hidden by view support (`--view all` shows everything)\n"),
        "{out}"
    );
    insta::with_settings!({filters => vec![
        (r"\b[0-9a-f]{8}\b", "[id]"),
        (r"#[0-9a-f]{4}\b", "#[thr]"),
        (r"\w{3} 20(2[6-9]|[3-9]\d)-\d{2}-\d{2}", "[today]"),
        (r"\d{2}:\d{2}(\s+task)", "[hh:mm]$1"),
    ]}, {
        insta::assert_snapshot!("timeline_support_view", out);
    });

    // --view all shows everything and says nothing.
    let all = String::from_utf8(
        s.cmd_as("sam")
            .args(["timeline", "acme", "--view", "all"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(all.contains("Invoice question"), "{all}");
    assert!(!all.contains("hidden by view"), "{all}");

    // Hidden records outside the other filters are not worth a mention.
    let since = String::from_utf8(
        s.cmd_as("sam")
            .args(["timeline", "acme", "--since", "2025-03-04"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(since.contains("Website is down"), "{since}");
    assert!(!since.contains("hidden by view"), "{since}");

    // Alice has no role: no view.
    let alice = s.run(&["timeline", "acme"]);
    assert!(alice.contains("Invoice question") && alice.contains("Margins"));
    // ... unless she asks for one.
    let finance = s.run(&["timeline", "acme", "--view", "finance"]);
    assert!(!finance.contains("Margins"), "{finance}");
    assert!(finance.contains("Invoice question"), "{finance}");
    assert!(
        finance.contains("1 entry hidden by view finance"),
        "{finance}"
    );
}

#[test]
fn timeline_json_and_markdown_report_the_view() {
    let s = store();
    let json = s.json(&["--as", "sam", "timeline", "acme", "--format", "json"]);
    assert_eq!(json["view"]["name"], "support");
    assert_eq!(json["view"]["hidden"], 2);
    assert_eq!(json["view"]["hide_tags"], serde_json::json!(["billing"]));
    assert_eq!(json["entries"].as_array().unwrap().len(), 3);
    let all = s.json(&[
        "--as", "sam", "timeline", "acme", "--format", "json", "--view", "all",
    ]);
    assert_eq!(all["view"], serde_json::Value::Null);
    assert_eq!(all["entries"].as_array().unwrap().len(), 5);
    let md = s.run(&["--as", "sam", "timeline", "acme", "--format", "markdown"]);
    assert!(
        md.ends_with("\n_2 entries hidden by view support (`--view all` shows everything)_\n"),
        "{md}"
    );
}

#[test]
fn unknown_view_is_a_usage_error_listing_the_views() {
    let s = store();
    let assert = s
        .cmd()
        .args(["timeline", "acme", "--view", "sales"])
        .assert()
        .code(2);
    let err = stderr(&assert);
    assert!(err.contains("no view `sales`"), "{err}");
    assert!(err.contains("finance, support, or `all`"), "{err}");
}

#[test]
fn customer_show_orders_sections_and_hides() {
    let s = store();
    let sam = String::from_utf8(
        s.cmd_as("sam")
            .args(["customer", "show", "acme"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let tasks = sam.find("Open tasks").expect("tasks section");
    let threads = sam.find("Open threads (1)").expect("one visible thread");
    assert!(tasks < threads, "support sees tasks first: {sam}");
    assert!(!sam.contains("invoice"), "{sam}");
    assert!(sam.contains("2 records hidden by view support"), "{sam}");

    let alice = s.run(&["customer", "show", "acme"]);
    let tasks = alice.find("Open tasks").unwrap();
    let threads = alice.find("Open threads (2)").unwrap();
    assert!(threads < tasks, "default order: {alice}");
    assert!(!alice.contains("hidden by view"));

    let json = s.json(&[
        "--as", "sam", "customer", "show", "acme", "--format", "json",
    ]);
    assert_eq!(json["view"]["name"], "support");
    assert_eq!(json["card"]["open_threads"].as_array().unwrap().len(), 1);
    assert_eq!(json["card"]["touchpoints"], 1);
}

#[test]
fn inbox_orders_sections_and_counts_hidden_items() {
    let s = store();
    let json = s.json(&["--as", "sam", "inbox", "--format", "json", "--peek"]);
    assert_eq!(
        json["inbox"]["sections"],
        serde_json::json!(["tasks", "unanswered", "handoffs", "mentions"])
    );
    let subjects: Vec<&str> = json["inbox"]["unanswered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["Website is down"]);
    assert_eq!(json["inbox"]["hidden"], 1);
    assert_eq!(json["view"]["name"], "support");

    let table = String::from_utf8(
        s.cmd_as("sam")
            .args(["inbox", "--peek"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        table.find("Your open tasks").unwrap() < table.find("Unanswered threads").unwrap(),
        "{table}"
    );
    assert!(
        table.contains("1 item hidden by view support (`--view all` shows everything)"),
        "{table}"
    );
    let all = s.json(&[
        "--as", "sam", "inbox", "--format", "json", "--peek", "--view", "all",
    ]);
    assert_eq!(all["inbox"]["unanswered"].as_array().unwrap().len(), 2);
    assert_eq!(all["inbox"]["hidden"], 0);
}

#[test]
fn help_says_views_are_not_security() {
    let s = store();
    for cmd in [
        &["timeline", "--help"][..],
        &["customer", "show", "--help"],
        &["inbox", "--help"],
    ] {
        let out = s.run(cmd).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(out.contains("not security"), "{cmd:?}: {out}");
    }
}
