//! `history <customer>` and `timeline --history`: a customer's git history in words, following
//! renames, newest first.

use crate::support::{TestStore, make_fifo, stderr, succeeded};

/// `history <slug> --format json` walking the trees (`GITCRM_HISTORY_INDEX=off`): what the walk
/// with git-crm's index and with git's filters must agree with.
fn history_without_index(store: &TestStore, slug: &str) -> serde_json::Value {
    let args = ["history", slug, "--format", "json"];
    let out = store
        .cmd()
        .env("GITCRM_HISTORY_INDEX", "off")
        .args(args)
        .output()
        .unwrap();
    serde_json::from_str(&succeeded(&args, out)).unwrap()
}

/// Alice adds Acme Corp, logs a call, edits it, hands it to Bob, Bob accepts, Alice renames it
/// to `acme` and adds a note.
fn story() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.add_customer_with("Acme Corp", &["--field", "tier=gold", "--tag", "retail"]);
    store.log(
        "acme-corp",
        "call",
        "outbound",
        "Called about the renewal",
        &[],
    );
    store.run(&[
        "customer",
        "edit",
        "acme-corp",
        "--set",
        "status=active",
        "--set",
        "fields.tier=platinum",
        "--add-tag",
        "vip",
    ]);
    store.run(&[
        "assign",
        "acme-corp",
        "--to",
        "bob",
        "--reason",
        "Bob takes sales",
    ]);
    store
        .cmd_as("bob")
        .args(["handoff", "accept", "acme-corp"])
        .assert()
        .success();
    store.run(&["customer", "rename", "acme-corp", "acme", "--name", "Acme"]);
    store.note("acme", "Renewal signed");
    store
}

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\b[0-9a-f]{8}\b", "[id]");
    settings.add_filter(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}Z)?", "[time]");
    settings
}

#[test]
fn history_in_words_newest_first_across_a_rename() {
    let store = story();
    let text = store.run(&["history", "acme"]);
    settings().bind(|| insta::assert_snapshot!("history_text", text));
    let md = store.run(&["history", "acme", "--format", "markdown"]);
    settings().bind(|| insta::assert_snapshot!("history_markdown", md));
}

#[test]
fn history_json() {
    let store = story();
    let doc = store.json(&["history", "acme", "--format", "json"]);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["customer"]["slug"], "acme");
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 7, "{doc:#}");
    let ops: Vec<&str> = events.iter().map(|e| e["op"].as_str().unwrap()).collect();
    assert_eq!(
        ops,
        [
            "note.add",
            "customer.rename",
            "handoff.accept",
            "handoff.add",
            "customer.edit",
            "interaction.add",
            "customer.add"
        ]
    );
    assert_eq!(
        events[1]["changes"][0],
        serde_json::json!({"type": "renamed", "from": "acme-corp", "to": "acme"})
    );
    assert_eq!(events[2]["by"], "bob");
    assert_eq!(
        events[3]["changes"][0],
        serde_json::json!({"type": "field", "field": "owner", "from": "alice", "to": "bob"})
    );
    assert_eq!(events[3]["changes"][1]["type"], "record_added");
    assert_eq!(events[3]["changes"][1]["record"], "handoff");
    assert_eq!(events[4]["changes"].as_array().unwrap().len(), 3);
    assert_eq!(
        events[6]["changes"][0],
        serde_json::json!({"type": "customer_added", "name": "Acme Corp"})
    );
    let commit = events[0]["commit"].as_str().unwrap();
    assert_eq!(commit, store.head());
}

#[test]
fn a_merged_branch_is_told_once_and_a_merge_only_for_what_it_decided() {
    let store = TestStore::new();
    store.add_customer_with("Acme", &["--field", "tier=gold"]);
    store.git(&["checkout", "-q", "-b", "topic"]);
    store.run(&[
        "customer",
        "edit",
        "acme",
        "--set",
        "status=active",
        "--add-tag",
        "vip",
    ]);
    store.git(&["checkout", "-q", "main"]);
    store.run(&[
        "customer",
        "edit",
        "acme",
        "--set",
        "fields.tier=silver",
        "--add-tag",
        "b2b",
    ]);
    let merge = store.sandbox.git_with_crm(
        store.root(),
        &["merge", "-q", "--no-ff", "--no-edit", "topic"],
    );
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stderr)
    );
    let doc = store.json(&["history", "acme", "--format", "json"]);
    let subjects: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects.len(), 3, "{subjects:?}");
    assert!(
        subjects.iter().all(|s| !s.starts_with("Merge")),
        "{subjects:?}"
    );
}

#[test]
fn timeline_history_weaves_changes_in() {
    let store = story();
    let text = store.run(&["timeline", "acme", "--history"]);
    assert!(text.contains("change"), "{text}");
    assert!(text.contains("owner: alice -> bob"), "{text}");
    assert!(
        text.contains("renamed acme-corp -> acme; name: Acme Corp -> Acme"),
        "{text}"
    );
    // The record additions are on the timeline already; they are not repeated as changes.
    assert_eq!(text.matches("Renewal signed").count(), 1, "{text}");
    let plain = store.run(&["timeline", "acme"]);
    assert!(!plain.contains("owner: alice -> bob"));
    let only = store.run(&["timeline", "acme", "--history", "--kind", "note"]);
    assert!(!only.contains("change"), "{only}");
    let doc = store.json(&["timeline", "acme", "--history", "--format", "json"]);
    let kinds: Vec<&str> = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"change"), "{kinds:?}");
}

#[test]
fn unknown_customer_and_csv_are_clear_errors() {
    let store = TestStore::new();
    let assert = store.cmd().args(["history", "nope"]).assert().code(1);
    assert!(stderr(&assert).contains("nope"), "{}", stderr(&assert));
    store.add_customer("Acme");
    let assert = store
        .cmd()
        .args(["history", "acme", "--format", "csv"])
        .assert()
        .code(2);
    assert!(
        stderr(&assert).contains("invalid value 'csv' for '--format <FORMAT>'"),
        "{}",
        stderr(&assert)
    );
}

#[test]
fn a_shallow_clone_says_its_history_is_cut_short() {
    let store = story();
    let sandbox = &store.sandbox;
    let url = format!("file://{}", store.root().display());
    sandbox.git_in(
        sandbox.path(),
        &["clone", "-q", "--depth", "2", &url, "shallow"],
    );
    let shallow = sandbox.path().join("shallow");
    let out = sandbox
        .cmd_in(&shallow)
        .args(["history", "acme", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["truncated"], true);
    let events = doc["events"].as_array().unwrap();
    assert_eq!(
        events.len(),
        1,
        "only the newest commit can be told: {doc:#}"
    );
    assert_eq!(events[0]["op"], "note.add");
    let text = sandbox
        .cmd_in(&shallow)
        .args(["history", "acme"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("git fetch --unshallow"));
    assert_eq!(
        store.json(&["history", "acme", "--format", "json"])["truncated"],
        false
    );
}

/// With git's commit-graph and changed-path Bloom filters (which let `history` pass commits
/// without reading their trees) the history is exactly the one told without them, across a
/// rename, with other customers' commits in between and commits newer than the graph. Where
/// the filters cover the history, a `history` that finds no history index of git-crm's walks with them
/// and does not build one (that would cost several times the walk); an index that exists is
/// still extended and used.
#[test]
fn history_with_changed_path_filters_is_the_same() {
    let store = story();
    let other = store.add_customer("Globex");
    for i in 0..5 {
        store.note(&other, &format!("Unrelated {i}"));
    }
    let index = store.path(".git/gitcrm/history/customers.bin");
    let without = store.json(&["history", "acme", "--format", "json"]);
    assert!(
        index.is_file(),
        "no filters: the first history builds the index"
    );
    store.git(&["commit-graph", "write", "--reachable", "--changed-paths"]);
    assert_eq!(
        store.json(&["history", "acme", "--format", "json"]),
        without
    );
    std::fs::remove_file(&index).unwrap();
    assert_eq!(
        store.json(&["history", "acme", "--format", "json"]),
        without
    );
    assert!(!index.exists(), "the filters cover HEAD: no index is built");
    // Commits newer than the graph are read from their trees; a graph that lags HEAD by a few
    // commits still covers the history, so no index is built (a unit test has a graph that
    // lags by more than the walk allows).
    store.note("acme", "After the graph");
    store.note(&other, "Unrelated, after the graph");
    let with = store.json(&["history", "acme", "--format", "json"]);
    assert!(
        !index.exists(),
        "two commits past the graph: no index is built"
    );
    assert_eq!(history_without_index(&store, "acme"), with);
    std::fs::remove_file(store.path(".git/objects/info/commit-graph")).unwrap();
    assert_eq!(store.json(&["history", "acme", "--format", "json"]), with);
    assert!(index.is_file(), "no graph: the index is built");
    assert_eq!(
        with["events"].as_array().unwrap().len(),
        without["events"].as_array().unwrap().len() + 1
    );
}

/// A rename made with plain git in a commit that also changes another customer and empties a
/// third customer's notes (that folder stays): the walk compares only the folders of
/// `customers/` one level, takes the removed folder whose `customer.yaml` is the same customer's
/// as the old name, and follows it there.
#[test]
fn a_rename_among_other_changes_is_followed() {
    let store = story();
    let other = store.add_customer("Globex");
    let third = store.add_customer("Initech");
    store.note(&third, "Kept for now");
    let before = store.json(&["history", "acme", "--format", "json"]);
    store.git(&["mv", "customers/acme", "customers/acme-inc"]);
    let other_file = format!("customers/{other}/customer.yaml");
    let text = store.read(&other_file);
    std::fs::write(store.path(&other_file), format!("{text}# touched\n")).unwrap();
    store.git(&["rm", "-q", "-r", &format!("customers/{third}/notes")]);
    store.git(&["commit", "-q", "-a", "-m", "Move acme, touch the others"]);
    let doc = store.json(&["history", "acme-inc", "--format", "json"]);
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events[0]["subject"], "Move acme, touch the others");
    assert_eq!(
        events[0]["changes"],
        serde_json::json!([{"type": "renamed", "from": "acme", "to": "acme-inc"}])
    );
    assert_eq!(
        &events[1..],
        before["events"].as_array().unwrap().as_slice()
    );
}

/// With replace refs, git reads the replaced objects and ignores its commit-graph; so does
/// `history`. Here a commit on another customer is replaced by one whose tree also changes
/// Acme, and a graft cuts the history off further down: the history is told the same with a
/// commit-graph (whose filters and trees describe the commits as they were) and without one,
/// and with git-crm's history index off.
#[test]
fn replaced_commits_are_told_the_same_with_and_without_a_commit_graph() {
    let store = story();
    let other = store.add_customer("Globex");
    store.note(&other, "Unrelated");
    store.note(&other, "Unrelated again");
    store.note("acme", "Latest");
    let before = store.json(&["history", "acme", "--format", "json"]);
    // HEAD~1 (a note on Globex) is replaced by a commit that also brings in HEAD's Acme.
    let rev = |r: &str| store.git(&["rev-parse", r]).trim().to_string();
    let (parent, head_tree) = (rev("HEAD~2"), rev("HEAD^{tree}"));
    let replacement = store.git(&["commit-tree", &head_tree, "-p", &parent, "-m", "replaced"]);
    store.git(&["replace", &rev("HEAD~1"), replacement.trim()]);
    // HEAD~3 (the first note on Globex) becomes a root commit.
    store.git(&["replace", "--graft", &rev("HEAD~3")]);
    store.git(&["commit-graph", "write", "--reachable", "--changed-paths"]);
    let with_graph = store.json(&["history", "acme", "--format", "json"]);
    std::fs::remove_file(store.path(".git/objects/info/commit-graph")).unwrap();
    let without = store.json(&["history", "acme", "--format", "json"]);
    assert_eq!(with_graph, without);
    assert_eq!(history_without_index(&store, "acme"), without);
    let subjects = |v: &serde_json::Value| -> Vec<String> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["subject"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert!(
        subjects(&without).contains(&"replaced".to_string()),
        "{without}"
    );
    assert!(
        subjects(&without).len() < subjects(&before).len(),
        "the graft cut the history"
    );
}

/// A FIFO where git's commit-graph goes (the single file, or a file of the chain folder) is
/// neither waited on nor read: the history is told from the commits, as without a graph.
#[test]
fn a_fifo_in_place_of_the_commit_graph_is_not_waited_on() {
    let store = story();
    let other = store.add_customer("Globex");
    store.note(&other, "Unrelated");
    let without = history_without_index(&store, "acme");
    let info = store.path(".git/objects/info");
    let told = |what: &str| {
        for index in ["on", "off"] {
            let args = ["history", "acme", "--format", "json"];
            let out = store
                .cmd()
                .env("GITCRM_HISTORY_INDEX", index)
                .args(args)
                .timeout(std::time::Duration::from_secs(60))
                .output()
                .unwrap();
            let told: serde_json::Value = serde_json::from_str(&succeeded(&args, out)).unwrap();
            assert_eq!(told, without, "{what}, index {index}");
        }
    };
    make_fifo(&info.join("commit-graph"));
    told("a FIFO as the commit-graph");
    std::fs::remove_file(info.join("commit-graph")).unwrap();
    store.git(&[
        "commit-graph",
        "write",
        "--reachable",
        "--changed-paths",
        "--split",
    ]);
    let chain = info.join("commit-graphs");
    assert!(
        chain.join("commit-graph-chain").is_file(),
        "git wrote a chain"
    );
    let listed = std::fs::read_to_string(chain.join("commit-graph-chain")).unwrap();
    let graph = chain.join(format!("graph-{}.graph", listed.lines().next().unwrap()));
    std::fs::remove_file(&graph).unwrap();
    make_fifo(&graph);
    told("a FIFO in the chain folder");
}
