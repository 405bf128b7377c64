//! A blobless partial clone with a sparse checkout (cone mode) of some customers, made with
//! `git clone --filter=blob:none --sparse` from a local bare repository: commands on the
//! customers checked out work as usual, whole-store commands name the customers they could not
//! read, and nothing is written outside the sparse checkout.

use std::path::PathBuf;

use crate::support::{TestStore, stderr, stdout};

const LEFT_OUT: &str = "warning: this clone's sparse checkout leaves out 2 customers, not read: globex, initech (`git sparse-checkout add customers/<slug>` checks one out)\n";

/// The shared store (Acme, edited twice; Globex and Initech with touchpoints), its bare
/// repository, and a blobless sparse clone of it that checks out only `.gitcrm` and Acme.
struct Partial {
    origin: TestStore,
    clone: PathBuf,
}

impl Partial {
    fn new() -> Self {
        let origin = TestStore::new();
        for name in ["Acme", "Globex", "Initech"] {
            origin.add_customer(name);
        }
        origin.run(&["customer", "edit", "acme", "--set", "status=active"]);
        origin.run(&["customer", "edit", "acme", "--add-tag", "vip"]);
        origin.log("acme", "email", "inbound", "Asks for a quote", &[]);
        origin.log("globex", "email", "inbound", "Needs help", &[]);
        origin.log("initech", "call", "outbound", "Intro call", &[]);
        let sandbox = &origin.sandbox;
        let bare = sandbox.path().join("shared.git");
        sandbox.git_in(
            sandbox.path(),
            &[
                "clone",
                "-q",
                "--bare",
                origin.root().to_str().unwrap(),
                "shared.git",
            ],
        );
        sandbox.git_in(&bare, &["config", "uploadpack.allowFilter", "true"]);
        sandbox.git_in(&bare, &["config", "uploadpack.allowAnySHA1InWant", "true"]);
        let url = format!("file://{}", bare.display());
        sandbox.git_in(
            sandbox.path(),
            &[
                "clone",
                "-q",
                "--filter=blob:none",
                "--sparse",
                &url,
                "clone",
            ],
        );
        let clone = sandbox.path().join("clone");
        sandbox.git_in(&clone, &["config", "user.email", "alice@example.com"]);
        sandbox.git_in(&clone, &["config", "user.name", "Alice Martin"]);
        Partial { origin, clone }
    }

    fn checkout(&self, dirs: &[&str]) {
        let mut args = vec!["sparse-checkout", "set"];
        args.extend_from_slice(dirs);
        self.origin.sandbox.git_in(&self.clone, &args);
        if dirs.contains(&".gitcrm") {
            self.crm(&["setup"]).success();
        }
    }

    fn crm(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.origin.sandbox.cmd_in(&self.clone).args(args).assert()
    }

    fn git(&self, args: &[&str]) -> String {
        self.origin.sandbox.git_in(&self.clone, args)
    }
}

#[test]
fn a_clone_without_the_settings_says_how_to_check_them_out() {
    let partial = Partial::new();
    let err = stderr(&partial.crm(&["customer", "list"]).code(1));
    assert_eq!(
        err,
        "error: this clone's sparse checkout leaves out the store's settings (.gitcrm/)\nhint: `git sparse-checkout add .gitcrm customers/<slug>...` checks out the settings and the customers you serve\n"
    );
}

#[test]
fn whole_store_commands_name_the_customers_they_could_not_read() {
    let partial = Partial::new();
    partial.checkout(&[".gitcrm", "customers/acme"]);
    let assert = partial
        .crm(&["customer", "list", "--format", "json"])
        .success();
    assert_eq!(stderr(&assert), LEFT_OUT);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
    let slugs: Vec<&str> = doc["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["acme"]);
    // `check` does not take the customers left out for deleted or missing.
    let assert = partial.crm(&["check"]);
    let report = stdout(&assert);
    assert!(report.starts_with("check ok:"), "{report}");
    assert_eq!(stderr(&assert.success()), LEFT_OUT);
    for args in [
        &["metrics"][..],
        &["inbox"],
        &["find", "quote"],
        &["task", "list"],
        &["handoff", "list"],
    ] {
        let assert = partial.crm(args).success();
        assert_eq!(stderr(&assert), LEFT_OUT, "{args:?}");
    }
    let found = stdout(&partial.crm(&["find", "quote"]).success());
    assert!(found.contains("acme"), "{found}");
    // Once checked out, a customer is read like any other.
    partial.checkout(&[".gitcrm", "customers/acme", "customers/globex"]);
    let err = stderr(&partial.crm(&["customer", "list"]).success());
    assert!(
        err.contains("leaves out 1 customer, not read: initech "),
        "{err}"
    );
    let timeline = stdout(&partial.crm(&["timeline", "globex"]).success());
    assert!(timeline.contains("Needs help"), "{timeline}");
}

#[test]
fn nothing_is_written_outside_the_sparse_checkout() {
    let partial = Partial::new();
    partial.checkout(&[".gitcrm", "customers/acme"]);
    let head = partial.git(&["rev-parse", "HEAD"]);
    for (args, slug) in [
        (
            &["log", "globex", "-c", "call", "-d", "inbound", "-s", "Hi"][..],
            "globex",
        ),
        (&["note", "initech", "A note"], "initech"),
        (&["timeline", "globex"], "globex"),
        (&["customer", "add", "Newco"], "newco"),
    ] {
        let err = stderr(&partial.crm(args).code(1));
        assert!(
            err.contains(&format!(
                "hint: `git sparse-checkout add customers/{slug}` checks it out; then run the command again"
            )),
            "{args:?}: {err}"
        );
    }
    assert_eq!(partial.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(
        partial.git(&["status", "--porcelain", "--untracked-files=all"]),
        ""
    );
    assert!(!partial.clone.join("customers/newco").exists());
    assert!(!partial.clone.join("customers/globex").exists());
}

#[test]
fn customers_checked_out_work_as_usual_with_their_whole_history() {
    let partial = Partial::new();
    partial.checkout(&[".gitcrm", "customers/acme"]);
    let out = stdout(
        &partial
            .crm(&[
                "log",
                "acme",
                "-c",
                "call",
                "-d",
                "outbound",
                "-s",
                "Sent the quote",
            ])
            .success(),
    );
    assert!(out.starts_with("logged touchpoint "), "{out}");
    assert_eq!(
        partial.git(&["status", "--porcelain", "--untracked-files=all"]),
        ""
    );
    // The index still leaves the other customers out, and the commit kept their files.
    assert_eq!(
        partial
            .git(&["ls-files", "-t", "--", "customers/globex"])
            .lines()
            .next()
            .map(|l| &l[..2]),
        Some("S ")
    );
    assert_eq!(
        partial.git(&[
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "--",
            "customers/globex"
        ]),
        partial.origin.git(&[
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "--",
            "customers/globex"
        ])
    );
    // Older versions of Acme's files are not on this machine: history fetches them.
    let history = partial
        .crm(&["history", "acme", "--format", "json"])
        .success();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&history)).unwrap();
    let origin = partial
        .origin
        .json(&["history", "acme", "--format", "json"]);
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), origin["events"].as_array().unwrap().len() + 1);
    assert_eq!(events[1..], origin["events"].as_array().unwrap()[..]);
}
