//! Two clones of one bare repository working on the same customers, merged with a plain
//! `git pull`: the merge driver that `setup` registers merges customer records key by key.

use std::path::{Path, PathBuf};

use crate::support::{Sandbox, TestStore};

/// Runs `git-crm` in `dir` as `who`, asserts success and returns stdout.
fn crm(sandbox: &Sandbox, dir: &Path, who: &str, args: &[&str]) -> String {
    let output = sandbox
        .cmd_in(dir)
        .env("GITCRM_USER", who)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git-crm {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A clone of `origin` in `name`, with the identity of `who` and the merge driver set up.
fn clone(store: &TestStore, origin: &Path, name: &str, who: &str) -> PathBuf {
    let sandbox = &store.sandbox;
    let dir = sandbox.path().join(name);
    sandbox.git_in(
        sandbox.path(),
        &["clone", "-q", origin.to_str().unwrap(), name],
    );
    sandbox.git_in(
        &dir,
        &["config", "user.email", &format!("{who}@example.com")],
    );
    sandbox.git_in(&dir, &["config", "user.name", who]);
    sandbox.cmd_in(&dir).arg("setup").assert().success();
    dir
}

fn files(dir: &Path, rel: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(rel))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn conflict_markers(dir: &Path) -> Vec<(String, Option<u64>)> {
    let store = git_crm::Store::open(dir).unwrap();
    let report = git_crm::check::check_store(&store, &["conflict-markers".to_string()]).unwrap();
    report
        .diagnostics
        .iter()
        .map(|d| (d.path.clone(), d.line))
        .collect()
}

#[test]
fn two_clones_merge_with_plain_git_pull() {
    let store = TestStore::new();
    for who in ["bob", "carol", "dave"] {
        store.add_person(who, None);
    }
    store.run(&[
        "customer",
        "add",
        "Acme",
        "--field",
        "tier=gold",
        "--tag",
        "retail",
    ]);
    store.run(&["customer", "add", "Globex"]);
    let sandbox = &store.sandbox;
    let origin = sandbox.path().join("origin.git");
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
    let one = clone(&store, &origin, "one", "bob");
    let two = clone(&store, &origin, "two", "carol");

    // Bob, on clone one.
    crm(
        sandbox,
        &one,
        "bob",
        &[
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "Called Acme",
        ],
    );
    crm(sandbox, &one, "bob", &["note", "acme", "Budget approved"]);
    crm(
        sandbox,
        &one,
        "bob",
        &[
            "customer",
            "edit",
            "acme",
            "--set",
            "status=active",
            "--add-tag",
            "vip",
        ],
    );
    crm(sandbox, &one, "bob", &["assign", "globex", "--to", "dave"]);
    sandbox.git_in(&one, &["push", "-q", "origin", "main"]);

    // Carol, on clone two, at the same time: the next line of the same customer.
    crm(
        sandbox,
        &two,
        "carol",
        &[
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Question about the invoice",
        ],
    );
    crm(
        sandbox,
        &two,
        "carol",
        &["note", "acme", "Invoice sent again"],
    );
    crm(
        sandbox,
        &two,
        "carol",
        &[
            "customer",
            "edit",
            "acme",
            "--set",
            "kind=person",
            "--add-tag",
            "b2b",
        ],
    );
    crm(
        sandbox,
        &two,
        "carol",
        &["assign", "globex", "--to", "carol"],
    );

    let pull = sandbox.git_with_crm(&two, &["pull", "--no-rebase", "-q", "origin", "main"]);
    let stdout = String::from_utf8_lossy(&pull.stdout);
    assert!(!pull.status.success(), "the double reassignment conflicts");
    assert!(
        stdout.contains("CONFLICT (content): Merge conflict in customers/globex/customer.yaml"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Merge conflict in customers/acme"),
        "acme merged cleanly: {stdout}"
    );

    // Every record from both sides is there.
    assert_eq!(files(&two, "customers/acme/interactions").len(), 2);
    assert_eq!(files(&two, "customers/acme/notes").len(), 2);
    assert_eq!(files(&two, "customers/globex/handoffs").len(), 2);

    // The edits of different fields on adjacent lines merged, tags as a set, comments kept.
    let acme = std::fs::read_to_string(two.join("customers/acme/customer.yaml")).unwrap();
    assert!(acme.contains("kind: person\nstatus: active\n"), "{acme}");
    assert!(
        acme.contains("tags:\n  - retail\n  - b2b\n  - vip\n"),
        "{acme}"
    );
    assert!(acme.contains("fields:\n  tier: gold\n"), "{acme}");

    // The reassignment stays a conflict, around the owner line only.
    let globex = std::fs::read_to_string(two.join("customers/globex/customer.yaml")).unwrap();
    assert!(
        globex.contains("<<<<<<< ours\nowner: carol\n=======\nowner: dave\n>>>>>>> theirs\n"),
        "{globex}"
    );
    assert_eq!(
        sandbox.git_in(&two, &["diff", "--name-only", "--diff-filter=U"]),
        "customers/globex/customer.yaml"
    );

    // check names it, in the library and on the command line (exit 1).
    let markers = conflict_markers(&two);
    assert_eq!(
        markers,
        vec![("customers/globex/customer.yaml".to_string(), Some(6))],
        "{globex}"
    );
    let check = sandbox
        .cmd_in(&two)
        .env("GITCRM_USER", "carol")
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stdout);
    assert!(
        stderr.contains("customers/globex/customer.yaml:6:1: error[conflict-markers]"),
        "{stderr}"
    );

    // A person resolves it by editing: Carol's reassignment is the later one, keep it.
    let resolved = globex.replace(
        "<<<<<<< ours\nowner: carol\n=======\nowner: dave\n>>>>>>> theirs\n",
        "owner: carol\n",
    );
    std::fs::write(two.join("customers/globex/customer.yaml"), resolved).unwrap();
    sandbox.git_in(&two, &["add", "customers/globex/customer.yaml"]);
    sandbox.git_in(&two, &["commit", "-q", "--no-edit"]);
    assert!(conflict_markers(&two).is_empty());
    let report = git_crm::check::check_store(&git_crm::Store::open(&two).unwrap(), &[]).unwrap();
    assert!(report.passes(false), "{:?}", report.diagnostics);
    crm(sandbox, &two, "carol", &["check"]);

    // Both touchpoints are on the merged timeline.
    let timeline = crm(sandbox, &two, "carol", &["timeline", "acme"]);
    assert!(timeline.contains("Called Acme") && timeline.contains("Question about the invoice"));
    assert_eq!(sandbox.git_in(&two, &["status", "--porcelain"]), "");
}

#[test]
fn a_handoff_accepted_on_both_clones_merges_to_the_first_acceptance() {
    let store = TestStore::new();
    for who in ["bob", "carol"] {
        store.add_person(who, None);
    }
    store.run(&["customer", "add", "Globex"]);
    store.run(&["assign", "globex", "--to", "bob"]);
    let sandbox = &store.sandbox;
    let origin = sandbox.path().join("origin.git");
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
    let one = clone(&store, &origin, "one", "bob");
    let two = clone(&store, &origin, "two", "carol");
    crm(sandbox, &one, "bob", &["handoff", "accept", "globex"]);
    sandbox.git_in(&one, &["push", "-q", "origin", "main"]);
    // Only the receiver accepts: Bob again, from his second clone.
    crm(sandbox, &two, "bob", &["handoff", "accept", "globex"]);
    let handoff = files(&two, "customers/globex/handoffs").remove(0);
    let path = format!("customers/globex/handoffs/{handoff}");
    // The second acceptance is made later than the first, whatever the clock says.
    let text = std::fs::read_to_string(two.join(&path)).unwrap();
    let late: String = text
        .lines()
        .map(|l| {
            if l.starts_with("accepted_at:") {
                "accepted_at: \"2099-01-01T00:00:00Z\"".to_string()
            } else {
                l.to_string()
            }
        })
        .map(|l| l + "\n")
        .collect();
    std::fs::write(two.join(&path), late).unwrap();
    sandbox.git_in(&two, &["commit", "-q", "-am", "carol accepts later"]);

    let pull = sandbox.git_with_crm(&two, &["pull", "--no-rebase", "-q", "origin", "main"]);
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stdout)
    );
    let merged = std::fs::read_to_string(two.join(&path)).unwrap();
    let bobs = std::fs::read_to_string(one.join(&path)).unwrap();
    assert_eq!(merged, bobs, "Bob accepted first: his acceptance stands");
    assert!(merged.contains("accepted_by: bob\n"), "{merged}");
}
