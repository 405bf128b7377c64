//! `init` and `setup` name the git settings that keep a large store fast, and `setup
//! --fast-git` turns them on.

use crate::support::{Sandbox, TestStore, stderr, stdout};

const ALL_HINTS: &str = "\
hint: git settings that keep a large store fast (`git crm setup --fast-git` runs them all):
hint:   git config core.untrackedCache true  # `git status` skips unchanged folders
hint:   git config feature.manyFiles true && git update-index --index-version 4  # a smaller index, read and written faster
hint:   git commit-graph write --reachable --changed-paths && git config fetch.writeCommitGraph true  # `git log` and `git crm history` skip unrelated commits
hint:   git maintenance start  # git keeps packs and the commit-graph fresh in the background
";

#[test]
fn init_suggests_each_accelerator_with_its_command() {
    let sandbox = Sandbox::new();
    let assert = sandbox
        .cmd_in(sandbox.path())
        .args(["init", "crm", "--handle", "alice", "--name", "Alice"])
        .args(["--email", "alice@example.com"])
        .assert()
        .success();
    assert_eq!(stderr(&assert), ALL_HINTS);
}

#[test]
fn setup_suggests_only_what_is_not_set() {
    let store = TestStore::new();
    store.git(&["config", "core.untrackedCache", "true"]);
    store.git(&["config", "fetch.writeCommitGraph", "true"]);
    let assert = store.cmd().arg("setup").assert().success();
    // The commit-graph line stays: fetches keep a graph fresh, but none has been written.
    let expected: String = ALL_HINTS
        .lines()
        .filter(|l| !l.contains("core.untrackedCache"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(stderr(&assert), expected);
    // feature.manyFiles implies the untracked cache; the index is converted by the command.
    store.git(&["config", "--unset", "core.untrackedCache"]);
    store.git(&["config", "feature.manyFiles", "true"]);
    let err = stderr(&store.cmd().arg("setup").assert().success());
    assert!(!err.contains("core.untrackedCache"), "{err}");
    assert!(err.contains("--index-version 4"), "{err}");
}

#[test]
fn setup_fast_git_turns_everything_on_and_commits_keep_working() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    // git's own test scheduler: `git maintenance start` registers the clone without touching
    // the machine's crontab or systemd timers.
    let assert = store
        .cmd()
        .env("GIT_TEST_MAINT_SCHEDULER", "crontab:true")
        .args(["setup", "--fast-git"])
        .assert()
        .success();
    assert_eq!(stderr(&assert), "");
    let out = stdout(&assert);
    for line in [
        "Ran `git config core.untrackedCache true`: `git status` skips unchanged folders.",
        "Ran `git maintenance start`: git keeps packs and the commit-graph fresh in the background.",
    ] {
        assert!(out.contains(line), "{out}");
    }
    for (key, value) in [
        ("core.untrackedCache", "true"),
        ("feature.manyFiles", "true"),
        ("fetch.writeCommitGraph", "true"),
        ("maintenance.strategy", "incremental"),
    ] {
        assert_eq!(store.git(&["config", "--get", key]), value, "{key}");
    }
    assert_eq!(store.git(&["update-index", "--show-index-version"]), "4");
    // The history index is built ahead of the first `history`.
    let commits = store.git(&["rev-list", "--count", "HEAD"]);
    let indexed = format!(
        "Indexed the history ({commits} commits): `git crm history` reads only the commits that changed its customer."
    );
    assert!(out.contains(&indexed), "{out}");
    assert!(store.path(".git/gitcrm/history/customers.bin").is_file());
    let graph = std::fs::read(store.path(".git/objects/info/commit-graph")).unwrap();
    assert!(
        graph.windows(4).any(|w| w == b"BDAT"),
        "changed-path filters"
    );
    // Nothing left to suggest, and a second run has nothing to do.
    assert_eq!(stderr(&store.cmd().arg("setup").assert().success()), "");
    let again = stdout(&store.cmd().args(["setup", "--fast-git"]).assert().success());
    assert!(
        again.contains("git's accelerators are all on in this clone."),
        "{again}"
    );
    // The clone still works: a commit on the version-4 index with the untracked cache.
    store.log(&slug, "call", "outbound", "Kick-off", &[]);
    store.status_clean();
    assert_eq!(store.git(&["update-index", "--show-index-version"]), "4");
    let history = store.run(&["history", &slug]);
    assert!(history.contains("Kick-off"), "{history}");
}
