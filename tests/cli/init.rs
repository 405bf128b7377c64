//! `init`, `setup`, and finding the store (subdirectories, `--store`, `GITCRM_STORE`).

use predicates::prelude::*;

use crate::support::{Sandbox, TestStore, stderr, stdout};

fn init_alice(sandbox: &Sandbox, dir: &std::path::Path) -> assert_cmd::assert::Assert {
    sandbox
        .cmd_in(sandbox.path())
        .arg("init")
        .arg(dir)
        .args(["--handle", "alice", "--name", "Alice Martin"])
        .args(["--email", "alice@example.com"])
        .assert()
}

#[test]
fn init_creates_config_attributes_driver_and_first_commit() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("crm");
    let assert = init_alice(&sandbox, &dir).success();
    let out = stdout(&assert);
    assert!(
        out.starts_with("Created a git repository and a git-crm store in "),
        "{out}"
    );
    assert!(out.contains("you are `alice`"), "{out}");

    let config = std::fs::read_to_string(dir.join(".gitcrm/config.yaml")).unwrap();
    assert!(config.contains("version: 1\n"), "{config}");
    assert!(
        config.contains(
            "people:\n  alice:\n    name: Alice Martin\n    emails:\n    - alice@example.com\n"
        ),
        "{config}"
    );
    assert!(
        config.contains("channels: [email, call, chat, meeting, social, sms, whatsapp, other]")
    );

    let attributes = std::fs::read_to_string(dir.join(".gitattributes")).unwrap();
    assert!(
        attributes
            .lines()
            .any(|l| l == "customers/**/*.yaml merge=gitcrm"),
        "{attributes}"
    );
    assert_eq!(
        sandbox.git_in(&dir, &["config", "--local", "merge.gitcrm.driver"]),
        "git-crm merge-driver %O %A %B %P"
    );
    assert!(
        !sandbox
            .git_in(&dir, &["config", "--local", "merge.gitcrm.name"])
            .is_empty()
    );
    assert_eq!(
        sandbox.git_in(
            &dir,
            &["check-attr", "merge", "customers/acme/customer.yaml"]
        ),
        "customers/acme/customer.yaml: merge: gitcrm"
    );

    assert_eq!(sandbox.git_in(&dir, &["rev-list", "--count", "HEAD"]), "1");
    assert_eq!(sandbox.git_in(&dir, &["branch", "--show-current"]), "main");
    assert_eq!(
        sandbox.git_in(&dir, &["log", "-1", "--format=%an <%ae>"]),
        "Alice Martin <alice@example.com>"
    );
    let message = sandbox.git_in(&dir, &["log", "-1", "--format=%B"]);
    assert_eq!(
        message,
        "init: create git-crm store\n\nCrm-Op: store.init\nCrm-Actor: alice"
    );
    let trailers = sandbox.git_in(
        &dir,
        &["log", "-1", "--format=%(trailers:key=Crm-Op,valueonly)"],
    );
    assert_eq!(trailers, "store.init");
    assert_eq!(
        sandbox.git_in(&dir, &["ls-tree", "-r", "--name-only", "HEAD"]),
        ".gitattributes\n.gitcrm/config.yaml"
    );
    assert!(out.contains(&format!(
        "committed {}",
        &sandbox.git_in(&dir, &["rev-parse", "HEAD"])[..10]
    )));
    assert_eq!(
        sandbox.git_in(&dir, &["status", "--porcelain", "--untracked-files=all"]),
        ""
    );
}

#[test]
fn init_adopts_an_existing_repository() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("repo");
    std::fs::create_dir_all(&dir).unwrap();
    sandbox.git_in(&dir, &["init", "-q", "-b", "main"]);
    sandbox.git_in(&dir, &["config", "user.email", "alice@example.com"]);
    sandbox.git_in(&dir, &["config", "user.name", "Alice Martin"]);
    std::fs::write(dir.join("README.md"), "# Our agency\n").unwrap();
    std::fs::write(dir.join(".gitattributes"), "*.png binary").unwrap();
    sandbox.git_in(&dir, &["add", "-A"]);
    sandbox.git_in(&dir, &["commit", "-q", "-m", "existing work"]);

    let assert = init_alice(&sandbox, &dir).success();
    let out = stdout(&assert);
    assert!(out.starts_with("Created a git-crm store in "), "{out}");

    let log = sandbox.git_in(&dir, &["log", "--format=%s"]);
    assert_eq!(log, "init: create git-crm store\nexisting work");
    let files = sandbox.git_in(&dir, &["ls-tree", "-r", "--name-only", "HEAD"]);
    assert_eq!(files, ".gitattributes\n.gitcrm/config.yaml\nREADME.md");
    // The existing attribute survives, the git-crm line is added below it.
    let attributes = std::fs::read_to_string(dir.join(".gitattributes")).unwrap();
    assert!(attributes.starts_with("*.png binary\n"), "{attributes}");
    assert!(attributes.ends_with("customers/**/*.yaml merge=gitcrm\n"));
    assert_eq!(
        sandbox.git_in(&dir, &["status", "--porcelain", "--untracked-files=all"]),
        ""
    );
}

#[test]
fn init_in_a_folder_of_a_repository_commits_paths_below_it() {
    let sandbox = Sandbox::new();
    let repo = sandbox.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    sandbox.git_in(&repo, &["init", "-q", "-b", "main"]);
    sandbox.git_in(&repo, &["config", "user.email", "alice@example.com"]);
    sandbox.git_in(&repo, &["config", "user.name", "Alice Martin"]);
    init_alice(&sandbox, &repo.join("crm")).success();

    let crm = repo.join("crm");
    sandbox
        .cmd_in(&crm)
        .args(["customer", "add", "Acme"])
        .assert()
        .success();
    sandbox
        .cmd_in(&crm.join("customers"))
        .args(["log", "acme", "-c", "call", "-d", "inbound", "-s", "Hello"])
        .assert()
        .success();
    let files = sandbox.git_in(&repo, &["ls-tree", "-r", "--name-only", "HEAD"]);
    let files: Vec<&str> = files.lines().collect();
    assert_eq!(files.len(), 4, "{files:?}");
    assert_eq!(files[0], "crm/.gitattributes");
    assert_eq!(files[1], "crm/.gitcrm/config.yaml");
    assert_eq!(files[2], "crm/customers/acme/customer.yaml");
    assert!(files[3].starts_with("crm/customers/acme/interactions/"));
    assert_eq!(
        sandbox.git_in(&repo, &["status", "--porcelain", "--untracked-files=all"]),
        ""
    );
    // The repository root itself is not the store.
    sandbox
        .cmd_in(&repo)
        .args(["customer", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a git-crm store"));
}

#[test]
fn init_twice_fails_and_changes_nothing() {
    let store = TestStore::new();
    let config = store.read(".gitcrm/config.yaml");
    let head = store.head();
    let assert = store
        .cmd()
        .args([
            "init",
            "--handle",
            "bob",
            "--name",
            "Bob",
            "--email",
            "bob@example.com",
        ])
        .assert()
        .code(1);
    let err = stderr(&assert);
    assert!(err.contains("is already a git-crm store"), "{err}");
    assert!(
        err.contains("hint: in a fresh clone, run `git crm setup` instead"),
        "{err}"
    );
    assert_eq!(store.read(".gitcrm/config.yaml"), config);
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn init_without_an_identity_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("crm");
    sandbox
        .cmd_in(sandbox.path())
        .arg("init")
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot tell who you are"))
        .stderr(predicate::str::contains("--name and --email"));
    assert!(!dir.join(".gitcrm/config.yaml").exists());
}

#[test]
fn setup_in_a_fresh_clone_registers_the_merge_driver() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let clone = store.sandbox.path().join("clone");
    store.sandbox.git_in(
        store.sandbox.path(),
        &["clone", "-q", store.root().to_str().unwrap(), "clone"],
    );
    let before = store.sandbox.git_output(
        &clone,
        &["config", "--local", "--get", "merge.gitcrm.driver"],
    );
    assert!(
        !before.status.success(),
        "a clone does not carry .git/config"
    );

    store
        .sandbox
        .cmd_in(&clone)
        .arg("setup")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Registered the git-crm merge driver",
        ));
    assert_eq!(
        store.sandbox.git_in(
            &clone,
            &["config", "--local", "--get", "merge.gitcrm.driver"]
        ),
        "git-crm merge-driver %O %A %B %P"
    );
    // Setup is idempotent and leaves the work tree alone.
    store.sandbox.cmd_in(&clone).arg("setup").assert().success();
    assert_eq!(
        store
            .sandbox
            .git_in(
                &clone,
                &["config", "--local", "--get-all", "merge.gitcrm.driver"]
            )
            .lines()
            .count(),
        1
    );
    assert_eq!(
        store
            .sandbox
            .git_in(&clone, &["status", "--porcelain", "--untracked-files=all"]),
        ""
    );
}

#[test]
fn commands_work_from_a_subdirectory() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let sub = store.path("customers/acme");
    store
        .sandbox
        .cmd_in(&sub)
        .args(["customer", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("acme"));
    store
        .sandbox
        .cmd_in(&sub)
        .args([
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "From below",
        ])
        .assert()
        .success();
    assert_eq!(store.files_in("customers/acme/interactions").len(), 1);
    assert!(
        !sub.join("customers").exists(),
        "paths are relative to the store root"
    );
    store.status_clean();
}

#[test]
fn store_flag_and_environment_variable_name_the_store() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let elsewhere = store.sandbox.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();

    store
        .sandbox
        .cmd_in(&elsewhere)
        .arg("--store")
        .arg(store.root())
        .args(["customer", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("acme"));
    store
        .sandbox
        .cmd_in(&elsewhere)
        .env("GITCRM_STORE", store.root())
        .args([
            "log", "acme", "-c", "call", "-d", "inbound", "-s", "Via env",
        ])
        .assert()
        .success();
    assert_eq!(store.files_in("customers/acme/interactions").len(), 1);
    assert!(
        store
            .head_message()
            .starts_with("log: inbound call with acme (alice)")
    );

    // --store wins over GITCRM_STORE.
    let other = store.sandbox.path().join("not-a-store");
    std::fs::create_dir_all(&other).unwrap();
    store
        .sandbox
        .cmd_in(&elsewhere)
        .env("GITCRM_STORE", &other)
        .arg("--store")
        .arg(store.root())
        .args(["customer", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("acme"));
}

#[test]
fn outside_a_store_is_an_error_with_a_hint() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("nowhere");
    std::fs::create_dir_all(&dir).unwrap();
    for args in [
        &["customer", "list"][..],
        &["log", "acme", "-c", "call", "-d", "inbound", "-s", "x"],
        &["timeline", "acme"],
    ] {
        let assert = sandbox.cmd_in(&dir).args(args).assert().code(1);
        let err = stderr(&assert);
        assert!(
            err.starts_with(
                "error: not a git-crm store (or any parent up to the repository root): "
            ),
            "{args:?}: {err}"
        );
        assert!(
            err.contains(
                "hint: run `git crm init` to create a store, or pass --store / set GITCRM_STORE"
            ),
            "{err}"
        );
        assert!(stdout(&assert).is_empty());
    }
    sandbox
        .cmd_in(&dir)
        .arg("--store")
        .arg(&dir)
        .args(["customer", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a git-crm store"));
}
