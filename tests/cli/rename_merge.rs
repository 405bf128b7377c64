//! A rename on one clone merged with work on the old slug from another (issue 9): every record
//! stays attached to its customer, whatever git did with it, and `check` names every path git
//! left unmerged.

use std::path::{Path, PathBuf};

use crate::support::{Sandbox, TestStore};

fn crm(sandbox: &Sandbox, dir: &Path, args: &[&str]) -> std::process::Output {
    sandbox
        .cmd_in(dir)
        .env("GITCRM_USER", "alice")
        .args(args)
        .output()
        .unwrap()
}

fn ok(sandbox: &Sandbox, dir: &Path, args: &[&str]) -> String {
    let out = crm(sandbox, dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn clone(store: &TestStore, name: &str) -> PathBuf {
    let sandbox = &store.sandbox;
    let dir = sandbox.path().join(name);
    sandbox.git_in(sandbox.path(), &["clone", "-q", "origin.git", name]);
    sandbox.git_in(&dir, &["config", "user.email", "alice@example.com"]);
    sandbox.git_in(&dir, &["config", "user.name", "Alice Martin"]);
    sandbox.cmd_in(&dir).arg("setup").assert().success();
    dir
}

/// A store with Globex (two tags, one touchpoint), pushed to a bare origin, and two clones.
fn two_clones() -> (TestStore, PathBuf, PathBuf) {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.run(&["customer", "add", "Globex", "--tag", "t0", "--tag", "t1"]);
    store.log("globex", "call", "inbound", "first call", &[]);
    let sandbox = &store.sandbox;
    sandbox.git_in(
        sandbox.path(),
        &[
            "clone",
            "-q",
            "--bare",
            store.root().to_str().unwrap(),
            "origin.git",
        ],
    );
    let one = clone(&store, "one");
    let two = clone(&store, "two");
    (store, one, two)
}

#[test]
fn records_logged_under_the_old_slug_follow_the_rename() {
    let (store, one, two) = two_clones();
    let sandbox = &store.sandbox;
    ok(
        sandbox,
        &one,
        &[
            "customer",
            "rename",
            "globex",
            "globex-corp",
            "--name",
            "Globex Corp",
        ],
    );
    ok(
        sandbox,
        &one,
        &["customer", "edit", "globex-corp", "--remove-tag", "t1"],
    );
    sandbox.git_in(&one, &["push", "-q", "origin", "main"]);

    ok(
        sandbox,
        &two,
        &["note", "globex", "a note under the old slug"],
    );
    ok(
        sandbox,
        &two,
        &[
            "log", "globex", "-c", "email", "-d", "outbound", "-s", "reply",
        ],
    );
    ok(
        sandbox,
        &two,
        &["customer", "edit", "globex", "--add-tag", "b-tag"],
    );
    ok(sandbox, &two, &["assign", "globex", "--to", "bob"]);
    let pull = sandbox.git_with_crm(&two, &["pull", "-q", "--no-rebase", "origin", "main"]);
    assert!(
        pull.status.success(),
        "the merge is clean: {}",
        String::from_utf8_lossy(&pull.stderr)
    );

    // Before any repair, every record is attached: two touchpoints, the note, the handoff.
    let timeline = ok(
        sandbox,
        &two,
        &["timeline", "globex-corp", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&timeline).unwrap();
    let kinds: Vec<&str> = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "touchpoint").count(),
        2,
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&"note") && kinds.contains(&"handoff"),
        "{kinds:?}"
    );
    let card = ok(
        sandbox,
        &two,
        &["customer", "show", "globex-corp", "--format", "json"],
    );
    let card: serde_json::Value = serde_json::from_str(&card).unwrap();
    assert_eq!(card["card"]["customer"]["owner"], "bob");
    assert_eq!(
        card["card"]["customer"]["tags"],
        serde_json::json!(["t0", "b-tag"])
    );

    // The old slug points to the new one.
    let old = crm(sandbox, &two, &["timeline", "globex"]);
    assert!(
        String::from_utf8_lossy(&old.stderr).contains("globex was renamed to globex-corp"),
        "{}",
        String::from_utf8_lossy(&old.stderr)
    );

    // check names what is left in the old folder; --fix moves it in one commit.
    let check = crm(sandbox, &two, &["check", "renames"]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stderr).to_string()
        + &String::from_utf8_lossy(&check.stdout);
    assert!(report.contains("still in its old folder"), "{report}");
    let fixed = crm(sandbox, &two, &["check", "--fix"]);
    assert!(
        fixed.status.success(),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
    let leftovers: Vec<String> = sandbox
        .git_in(&two, &["ls-files", "customers/globex"])
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(leftovers, ["customers/globex/renamed.yaml"]);
    assert_eq!(
        sandbox.git_in(&two, &["status", "--porcelain"]),
        "",
        "the work tree is clean"
    );
}

#[test]
fn check_names_every_unmerged_path() {
    let (store, one, two) = two_clones();
    let sandbox = &store.sandbox;
    // A file-location conflict, as git makes it without `merge.directoryRenames`.
    sandbox.git_in(&two, &["config", "--unset", "merge.directoryRenames"]);
    ok(
        sandbox,
        &one,
        &["customer", "rename", "globex", "globex-corp"],
    );
    sandbox.git_in(&one, &["push", "-q", "origin", "main"]);
    ok(
        sandbox,
        &two,
        &[
            "log", "globex", "-c", "email", "-d", "outbound", "-s", "reply",
        ],
    );
    // A clean answer first, so the answer after the merge must not come from the cache.
    let clean = crm(sandbox, &two, &["check", "unmerged"]);
    assert!(
        clean.status.success(),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let pull = sandbox.git_with_crm(&two, &["pull", "-q", "--no-rebase", "origin", "main"]);
    assert!(!pull.status.success());
    let unmerged = sandbox.git_in(&two, &["diff", "--name-only", "--diff-filter=U"]);
    assert!(!unmerged.is_empty());
    let check = crm(sandbox, &two, &["check", "unmerged"]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stderr).to_string()
        + &String::from_utf8_lossy(&check.stdout);
    for path in unmerged.lines() {
        assert!(report.contains(path), "{path} not named: {report}");
    }
    assert!(report.contains("file location"), "{report}");
    // The answer follows git's index back once the merge is undone.
    sandbox.git_in(&two, &["merge", "--abort"]);
    let again = crm(sandbox, &two, &["check", "unmerged"]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}
