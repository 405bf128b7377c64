//! `review [<base>..<head>]`: a branch summarised for merge review.

use crate::support::{TestStore, stderr, stdout};

/// A store with Acme and Globex on `main`, and a branch `topic` where Bob and Alice add a
/// customer, log, reassign, edit fields, rename, archive, rewrite a note and break a file.
fn story() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.add_customer_with("Acme", &["--field", "tier=gold"]);
    store.add_customer("Globex");
    store.add_customer("Initech");
    let note = store.note("acme", "Renewal signed");
    store.git(&["checkout", "-q", "-b", "topic"]);
    store.add_customer_with("Umbrella", &["--owner", "bob"]);
    store
        .cmd_as("bob")
        .args([
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Asked for a quote",
        ])
        .assert()
        .success();
    store
        .cmd_as("bob")
        .args([
            "customer",
            "edit",
            "acme",
            "--set",
            "status=active",
            "--set",
            "fields.tier=platinum",
        ])
        .assert()
        .success();
    store.run(&[
        "assign",
        "acme",
        "--to",
        "bob",
        "--reason",
        "Bob takes sales",
    ]);
    store.run(&["customer", "rename", "globex", "globex-corp"]);
    store.run(&["customer", "archive", "initech"]);
    let path = store.record_path("acme", "notes", &note);
    store.replace_line(&path, "body:", "body: Renewal signed (maybe)");
    store.commit_all("fix a note");
    store.write(
        "customers/umbrella/tasks/20261123T120000Z-0badf00d.yaml",
        "id: [broken\n",
    );
    store.commit_all("a broken task");
    store
}

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\b[0-9a-f]{8}\b", "[id]");
    settings.add_filter(r"\d{8}T\d{6}Z", "[time]");
    settings
}

#[test]
fn text_and_markdown() {
    let store = story();
    let text = store.run(&["review", "main..topic"]);
    settings().bind(|| insta::assert_snapshot!("review_text", text));
    let md = store.run(&["review", "main..topic", "--format", "markdown"]);
    settings().bind(|| insta::assert_snapshot!("review_markdown", md));
}

#[test]
fn json_for_bots() {
    let store = story();
    let doc = store.json(&["review", "main..topic", "--format", "json"]);
    assert_eq!(doc["version"], 1);
    let r = &doc["review"];
    assert_eq!(r["merge_base"], store.git(&["rev-parse", "main"]));
    assert_eq!(r["commits"], 8);
    assert_eq!(r["authors"], serde_json::json!(["alice", "bob"]));
    assert_eq!(
        r["totals"],
        serde_json::json!({
            "customers_added": 1, "customers_renamed": 1, "customers_archived": 1,
            "reassignments": 1, "records_added": {"handoff": 1, "touchpoint": 1, "task": 1},
            "fields_changed": 2, "records_moved": 0, "rewrites": 1, "problems": 1
        })
    );
    let customers = r["customers"].as_array().unwrap();
    let slugs: Vec<&str> = customers
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["acme", "globex-corp", "initech", "umbrella"]);
    let acme = &customers[0];
    assert_eq!(
        acme["fields"][0],
        serde_json::json!({"field": "status", "from": "lead", "to": "active", "by": ["bob"]})
    );
    assert_eq!(acme["reassignments"][0]["from"]["owner"], "alice");
    assert_eq!(acme["reassignments"][0]["to"]["owner"], "bob");
    assert_eq!(acme["reassignments"][0]["by"], "alice");
    assert_eq!(acme["rewrites"][0]["action"], "edited");
    assert_eq!(acme["rewrites"][0]["by"], serde_json::json!(["alice"]));
    assert_eq!(
        customers[1]["renamed_from"],
        "acme".replace("acme", "globex")
    );
    assert_eq!(customers[2]["archived"], true);
    assert_eq!(customers[3]["change"], "added");
    let problem = &r["problems"][0];
    assert_eq!(problem["check"], "schema");
    assert_eq!(
        problem["path"],
        "customers/umbrella/tasks/20261123T120000Z-0badf00d.yaml"
    );
}

#[test]
fn fail_on_problems() {
    let store = story();
    store
        .cmd()
        .args(["review", "main..topic"])
        .assert()
        .success();
    store
        .cmd()
        .args(["review", "main..topic", "--fail-on-problems"])
        .assert()
        .code(1);
    // Only new problems count: a clean range passes.
    store
        .cmd()
        .args(["review", "topic~1..topic~1", "--fail-on-problems"])
        .assert()
        .success();
}

#[test]
fn nothing_to_review() {
    let store = story();
    let out = store.run(&["review", "topic..topic"]);
    assert!(
        out.contains("0 commits") && out.contains("no changes to customers"),
        "{out}"
    );
}

#[test]
fn default_range_is_the_upstream() {
    let store = story();
    let assert = store.cmd().arg("review").assert().code(2);
    assert!(
        stderr(&assert).contains("no upstream")
            && stderr(&assert).contains("git crm review main..HEAD"),
        "{}",
        stderr(&assert)
    );
    store.git(&["branch", "-q", "--set-upstream-to=main"]);
    let assert = store.cmd().arg("review").assert().success();
    assert!(
        stdout(&assert).starts_with("Review of main..HEAD: 8 commits"),
        "{}",
        stdout(&assert)
    );
    let assert = store.cmd().args(["review", "nope..topic"]).assert().code(1);
    assert!(stderr(&assert).contains("nope"), "{}", stderr(&assert));
}
