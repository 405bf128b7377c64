//! `sync` against a local bare repository: two clones of one shared store, each running the
//! real binary, which runs the real `git`.

use std::path::{Path, PathBuf};

use crate::support::{TestStore, stderr, stdout};

/// A shared bare repository and two clones of it: `a` (the TestStore, where the store was
/// created) and `b` (a `git clone` prepared with `git crm setup`). Both act as Alice.
struct Shared {
    a: TestStore,
    bare: PathBuf,
    b: PathBuf,
}

impl Shared {
    fn new() -> Self {
        let a = TestStore::new();
        let bare = a.sandbox.path().join("shared.git");
        a.sandbox.git_in(
            a.sandbox.path(),
            &["init", "-q", "--bare", "-b", "main", "shared.git"],
        );
        a.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
        a.git(&["push", "-q", "-u", "origin", "main"]);
        let b = a.sandbox.path().join("b");
        a.sandbox.git_in(
            a.sandbox.path(),
            &["clone", "-q", bare.to_str().unwrap(), "b"],
        );
        a.sandbox
            .git_in(&b, &["config", "user.email", "alice@example.com"]);
        a.sandbox
            .git_in(&b, &["config", "user.name", "Alice Martin"]);
        let shared = Shared { a, bare, b };
        shared
            .crm(&shared.b.clone())
            .arg("setup")
            .assert()
            .success();
        shared
    }

    /// `git-crm` in `dir`, with the binary's folder on PATH so git finds the merge driver
    /// (`git-crm merge-driver ...`) as it does on a machine where git-crm is installed.
    fn crm(&self, dir: &Path) -> assert_cmd::Command {
        let mut cmd = self.a.sandbox.cmd_in(dir);
        let bin = Path::new(env!("CARGO_BIN_EXE_git-crm")).parent().unwrap();
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut dirs = vec![bin.to_path_buf()];
        dirs.extend(std::env::split_paths(&path));
        cmd.env("PATH", std::env::join_paths(dirs).unwrap());
        cmd
    }

    fn a(&self) -> PathBuf {
        self.a.root().to_path_buf()
    }

    /// `git-crm args...` in `dir`; asserts success and returns stdout.
    fn run(&self, dir: &Path, args: &[&str]) -> String {
        let assert = self.crm(dir).args(args).assert();
        let out = assert.get_output();
        assert!(
            out.status.success(),
            "git-crm {args:?} in {} failed with {:?}:\n{}\n{}",
            dir.display(),
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&assert)
    }

    fn sync(&self, dir: &Path) -> assert_cmd::assert::Assert {
        self.crm(dir).arg("sync").assert()
    }

    fn git(&self, dir: &Path, args: &[&str]) -> String {
        self.a.sandbox.git_in(dir, args)
    }

    fn head(&self, dir: &Path) -> String {
        self.git(dir, &["rev-parse", "HEAD"])
    }

    /// Where the shared repository's main branch is.
    fn shared_main(&self) -> String {
        self.git(&self.bare, &["rev-parse", "main"])
    }
}

/// Replaces hex commit ids with a placeholder for snapshots.
fn redact(text: &str) -> String {
    text.split_inclusive(|c: char| !c.is_ascii_hexdigit())
        .map(|w| {
            let word = w.trim_end_matches(|c: char| !c.is_ascii_hexdigit());
            if word.len() >= 7
                && word
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            {
                w.replacen(word, "[commit]", 1)
            } else {
                w.to_string()
            }
        })
        .collect()
}

#[test]
fn clean_fast_forward() {
    let s = Shared::new();
    s.run(&s.a(), &["customer", "add", "Acme"]);
    let out = s.run(&s.a(), &["sync"]);
    insta::assert_snapshot!("sync_push_only", out);
    assert_eq!(s.shared_main(), s.head(&s.a()));

    let assert = s.sync(&s.b).success();
    insta::assert_snapshot!("sync_fast_forward", redact(&stdout(&assert)));
    assert_eq!(s.head(&s.b), s.head(&s.a()));
    assert!(s.b.join("customers/acme/customer.yaml").is_file());
    // No merge commit for a fast-forward.
    assert_eq!(
        s.git(&s.b, &["log", "-1", "--format=%s"]),
        "customer: add acme (Acme)"
    );
}

#[test]
fn diverged_clones_merge_with_a_commit_in_words() {
    let s = Shared::new();
    s.run(&s.a(), &["customer", "add", "Acme"]);
    s.run(&s.a(), &["sync"]);
    s.run(&s.b, &["sync"]);
    s.run(
        &s.a(),
        &["log", "acme", "-c", "call", "-d", "inbound", "-s", "From A"],
    );
    s.run(&s.a(), &["sync"]);
    s.run(&s.b, &["note", "acme", "From B"]);

    let out = s.run(&s.b, &["sync"]);
    assert!(out.contains("origin/main: 1 incoming, 1 outgoing"), "{out}");
    assert!(
        out.contains("merged 1 commit from origin/main in merge commit"),
        "{out}"
    );
    assert!(out.contains("check: "), "{out}");
    assert!(out.contains("pushed 2 commits to origin/main"), "{out}");

    let message = s.git(&s.b, &["log", "-1", "--format=%B"]);
    assert!(
        message.starts_with("sync: merge 1 commit from origin/main into main (alice)"),
        "{message}"
    );
    assert!(message.contains("Crm-Op: sync.merge"), "{message}");
    assert!(message.contains("Crm-Actor: alice"), "{message}");
    let parents = s.git(&s.b, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit");
    assert_eq!(s.shared_main(), s.head(&s.b));

    // A takes B's side back with a fast-forward; both records are on both sides.
    s.run(&s.a(), &["sync"]);
    for dir in [s.a(), s.b.clone()] {
        let files = s.git(&dir, &["ls-files", "customers/acme"]);
        assert!(files.contains("/interactions/"), "{files}");
        assert!(files.contains("/notes/"), "{files}");
        assert_eq!(s.git(&dir, &["status", "--porcelain"]), "");
    }
}

/// Both clones change the same field differently, then sync.
fn conflicting(s: &Shared) {
    s.run(&s.a(), &["customer", "add", "Acme"]);
    s.run(&s.a(), &["sync"]);
    s.run(&s.b, &["sync"]);
    s.run(
        &s.a(),
        &["customer", "edit", "acme", "--set", "status=active"],
    );
    s.run(&s.a(), &["sync"]);
    s.run(
        &s.b,
        &["customer", "edit", "acme", "--set", "status=paused"],
    );
}

#[test]
fn conflict_exits_3_and_leaves_the_merge_to_resolve() {
    let s = Shared::new();
    conflicting(&s);
    let shared_before = s.shared_main();

    let assert = s.sync(&s.b).code(3);
    let out = stdout(&assert);
    let err = stderr(&assert);
    insta::assert_snapshot!("sync_conflict_stdout", out);
    assert!(
        err.contains("customers/acme/customer.yaml:") && err.contains("error[conflict-markers]"),
        "check names the conflict: {err}"
    );
    assert!(err.contains("run `git crm sync` again"), "{err}");
    // git's merge state is left for the person; nothing was pushed.
    assert!(s.b.join(".git/MERGE_HEAD").exists());
    assert!(
        s.git(&s.b, &["status", "--porcelain"])
            .contains("UU customers/acme/customer.yaml")
    );
    assert_eq!(s.shared_main(), shared_before);

    // Running sync again before resolving says so, with the same exit code.
    let again = s.sync(&s.b).code(3);
    assert!(
        stderr(&again).contains(
            "a merge is in progress with unresolved conflicts in customers/acme/customer.yaml"
        ),
        "{}",
        stderr(&again)
    );

    // Resolve (keep theirs), commit, sync: pushed.
    s.git(
        &s.b,
        &["checkout", "--theirs", "customers/acme/customer.yaml"],
    );
    s.git(&s.b, &["add", "customers/acme/customer.yaml"]);
    s.git(&s.b, &["commit", "-q", "--no-edit"]);
    let out = s.run(&s.b, &["sync"]);
    assert!(out.contains("pushed 2 commits"), "{out}");
    assert_eq!(s.shared_main(), s.head(&s.b));
}

#[test]
fn dry_run_predicts_and_changes_nothing() {
    let s = Shared::new();
    conflicting(&s);
    let head = s.head(&s.b);
    let shared = s.shared_main();
    let assert = s.crm(&s.b).args(["sync", "--dry-run"]).assert().success();
    insta::assert_snapshot!("sync_dry_run_conflict", stdout(&assert));
    assert_eq!(s.head(&s.b), head);
    assert_eq!(s.shared_main(), shared);
    assert_eq!(s.git(&s.b, &["status", "--porcelain"]), "");
    assert!(!s.b.join(".git/MERGE_HEAD").exists());

    let json: serde_json::Value = serde_json::from_slice(
        &s.crm(&s.b)
            .args(["sync", "--dry-run", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["sync"]["outcome"], "dry_run");
    assert_eq!(json["sync"]["incoming"], 1);
    assert_eq!(json["sync"]["outgoing"], 1);
    assert_eq!(json["sync"]["merge"], "merge_commit");
    assert_eq!(
        json["sync"]["predicted_conflicts"],
        serde_json::json!(["customers/acme/customer.yaml"])
    );
}

#[test]
fn unreachable_remote_exits_4_naming_the_git_command() {
    let s = Shared::new();
    let nowhere = s.a.sandbox.path().join("gone.git");
    s.git(
        &s.b,
        &["remote", "set-url", "origin", nowhere.to_str().unwrap()],
    );
    let assert = s.sync(&s.b).code(4);
    let err = stderr(&assert);
    assert!(err.contains("network or remote failure"), "{err}");
    assert!(err.contains("`git fetch"), "{err}");
    assert!(
        err.contains("gone.git"),
        "git's own message is quoted: {err}"
    );
}

#[test]
fn rejected_push_exits_4_naming_git_push() {
    let s = Shared::new();
    let hook = s.bare.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'pushes are frozen today' >&2\nexit 1\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    s.run(&s.b, &["customer", "add", "Acme"]);
    let assert = s.sync(&s.b).code(4);
    let err = stderr(&assert);
    assert!(err.contains("`git push"), "{err}");
    assert!(err.contains("pushes are frozen today"), "{err}");
}

#[test]
fn dirty_store_is_refused() {
    let s = Shared::new();
    s.run(&s.b, &["customer", "add", "Acme"]);
    let file = s.b.join("customers/acme/customer.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("status: lead", "status: active")).unwrap();
    let assert = s.sync(&s.b).code(1);
    let err = stderr(&assert);
    assert!(
        err.contains("uncommitted changes in the store: customers/acme/customer.yaml"),
        "{err}"
    );
    assert!(err.contains("hint: commit them"), "{err}");
    // An untracked record counts too.
    s.git(&s.b, &["checkout", "--", "."]);
    std::fs::write(s.b.join("customers/acme/stray.yaml"), "x: 1\n").unwrap();
    let err = stderr(&s.sync(&s.b).code(1));
    assert!(err.contains("customers/acme/stray.yaml"), "{err}");
}

#[test]
fn merge_in_progress_is_refused() {
    let s = Shared::new();
    s.run(&s.a(), &["customer", "add", "Acme"]);
    s.run(&s.a(), &["sync"]);
    s.run(&s.b, &["customer", "add", "Globex"]);
    s.git(&s.b, &["fetch", "-q"]);
    s.git(
        &s.b,
        &["merge", "-q", "--no-ff", "--no-commit", "origin/main"],
    );
    let head = s.head(&s.b);
    let assert = s.sync(&s.b).code(1);
    let err = stderr(&assert);
    assert!(
        err.contains("a merge is in progress in this clone"),
        "{err}"
    );
    assert!(err.contains("git merge --abort"), "{err}");
    assert_eq!(s.head(&s.b), head);
}

#[test]
fn detached_head_and_missing_upstream_are_refused() {
    let s = Shared::new();
    s.git(&s.b, &["checkout", "-q", "--detach"]);
    let err = stderr(&s.sync(&s.b).code(1));
    assert!(err.contains("HEAD is detached"), "{err}");
    assert!(err.contains("git switch"), "{err}");
    s.git(&s.b, &["checkout", "-q", "main"]);
    s.git(&s.b, &["branch", "--unset-upstream"]);
    let err = stderr(&s.sync(&s.b).code(1));
    assert!(err.contains("branch `main` has no upstream"), "{err}");
    assert!(err.contains("git push -u origin main"), "{err}");
}

#[test]
fn unregistered_merge_driver_is_refused() {
    let s = Shared::new();
    s.git(&s.b, &["config", "--unset", "merge.gitcrm.driver"]);
    let err = stderr(&s.sync(&s.b).code(1));
    assert!(err.contains("merge driver is not registered"), "{err}");
    assert!(err.contains("git crm setup"), "{err}");
}

#[test]
fn nothing_to_do() {
    let s = Shared::new();
    let head = s.head(&s.b);
    let out = s.run(&s.b, &["sync"]);
    assert_eq!(
        out,
        "origin/main: 0 incoming, 0 outgoing\nalready up to date, nothing to do\n"
    );
    assert_eq!(s.head(&s.b), head);
    let json: serde_json::Value =
        serde_json::from_str(&s.run(&s.b, &["sync", "--format", "json"])).unwrap();
    assert_eq!(json["sync"]["outcome"], "up_to_date");
    assert_eq!(json["sync"]["pushed"], 0);
    assert_eq!(json["sync"]["upstream"]["short"], "origin/main");
}

#[test]
fn check_errors_stop_the_push_unless_no_check() {
    let s = Shared::new();
    s.run(&s.b, &["customer", "add", "Acme"]);
    // A hand-written record that does not fit the schema.
    std::fs::create_dir_all(s.b.join("customers/acme/notes")).unwrap();
    std::fs::write(
        s.b.join("customers/acme/notes/20260101T000000Z-0badc0de.yaml"),
        "id: not-a-uuid\nbody: 12\n",
    )
    .unwrap();
    s.git(&s.b, &["add", "-A"]);
    s.git(&s.b, &["commit", "-q", "-m", "hand-written note"]);
    let shared = s.shared_main();

    let assert = s.sync(&s.b).code(1);
    let err = stderr(&assert);
    assert!(
        err.contains("customers/acme/notes/20260101T000000Z-0badc0de.yaml:"),
        "{err}"
    );
    assert!(err.contains("nothing was pushed"), "{err}");
    assert!(err.contains("--no-check"), "{err}");
    assert_eq!(s.shared_main(), shared);

    let out = s.run(&s.b, &["sync", "--no-check"]);
    assert!(out.contains("pushed 2 commits"), "{out}");
    assert_eq!(s.shared_main(), s.head(&s.b));
}

#[test]
fn no_push_merges_only() {
    let s = Shared::new();
    s.run(&s.a(), &["customer", "add", "Acme"]);
    s.run(&s.a(), &["sync"]);
    s.run(&s.b, &["customer", "add", "Globex"]);
    let shared = s.shared_main();
    let out = s.run(&s.b, &["sync", "--no-push"]);
    assert!(out.contains("merged 1 commit"), "{out}");
    assert!(out.contains("not pushed (--no-push)"), "{out}");
    assert_eq!(s.shared_main(), shared);
}

#[test]
fn remote_moved_during_sync_exits_4_and_says_to_run_again() {
    let s = Shared::new();
    s.run(&s.a(), &["customer", "add", "Acme"]);
    s.run(&s.a(), &["sync"]);
    s.run(&s.a(), &["customer", "add", "Initech"]);
    s.run(&s.b, &["customer", "add", "Globex"]);
    // Someone pushes between B's fetch and B's push: a hook that runs after B's merge pushes
    // A's new commit.
    let hook = s.b.join(".git/hooks/post-merge");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\ncd '{}' && env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git push -q origin main\n",
            s.a().display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let assert = s.sync(&s.b).code(4);
    let err = stderr(&assert);
    assert!(err.contains("`git push"), "{err}");
    assert!(
        err.contains("someone pushed to the remote since the fetch"),
        "{err}"
    );
    // Running again merges A's commit and pushes.
    std::fs::remove_file(&hook).unwrap();
    let out = s.run(&s.b, &["sync"]);
    assert!(out.contains("pushed"), "{out}");
    assert_eq!(s.shared_main(), s.head(&s.b));
}

#[test]
fn conflict_json_names_the_files_and_the_diagnostics() {
    let s = Shared::new();
    conflicting(&s);
    let assert = s
        .crm(&s.b)
        .args(["sync", "--format", "json"])
        .assert()
        .code(3);
    let json: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(json["sync"]["outcome"], "conflict");
    assert_eq!(json["sync"]["merge"], "merge_commit");
    assert_eq!(
        json["sync"]["conflicts"],
        serde_json::json!(["customers/acme/customer.yaml"])
    );
    assert_eq!(json["sync"]["pushed"], 0);
    let diagnostics = json["sync"]["check"]["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics.iter().any(
            |d| d["check"] == "conflict-markers" && d["path"] == "customers/acme/customer.yaml"
        ),
        "{json:#}"
    );
}

/// Edits of different fields of one customer on both clones: the line-based merge would
/// conflict on neighbouring lines, the field-level driver that `git merge` runs does not.
#[test]
fn different_fields_of_one_customer_merge_through_the_driver() {
    let s = Shared::new();
    s.run(&s.a(), &["customer", "add", "Acme"]);
    s.run(&s.a(), &["sync"]);
    s.run(&s.b, &["sync"]);
    s.run(
        &s.a(),
        &["customer", "edit", "acme", "--set", "status=active"],
    );
    s.run(&s.a(), &["sync"]);
    s.run(
        &s.b,
        &[
            "customer",
            "edit",
            "acme",
            "--set",
            "kind=person",
            "--add-tag",
            "vip",
        ],
    );
    let out = s.run(&s.b, &["sync"]);
    assert!(out.contains("merged 1 commit"), "{out}");
    let record = std::fs::read_to_string(s.b.join("customers/acme/customer.yaml")).unwrap();
    assert!(record.contains("status: active"), "{record}");
    assert!(record.contains("kind: person"), "{record}");
    assert!(record.contains("vip"), "{record}");
    assert_eq!(s.shared_main(), s.head(&s.b));
}
