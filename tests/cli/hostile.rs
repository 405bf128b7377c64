//! A hostile or broken store: what a teammate's bad push, a buggy script or a kill can leave,
//! and what git-crm must do about it (issue 9). Each test plants the problem the way it would
//! arrive (files committed with plain git, a process killed mid-write) and checks that nothing
//! is read or written outside the store or into another customer, and that the next command
//! repairs what a kill left.

use std::os::unix::fs::symlink;

use crate::support::{TestStore, stderr, stdout};

fn store() -> TestStore {
    let store = TestStore::new();
    store.add_customer("Acme");
    store.add_customer("Globex");
    store
}

/// Runs `git-crm args`, expects `code`, returns stderr.
fn fails(store: &TestStore, args: &[&str], code: i32) -> String {
    stderr(&store.cmd().args(args).assert().code(code))
}

fn outside(store: &TestStore) -> std::path::PathBuf {
    let dir = store.sandbox.path().join("outside");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file below `dir`, relative, sorted.
fn tree(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_slug_field_that_leaves_the_store_is_never_a_path() {
    let store = store();
    store.replace_line(
        "customers/acme/customer.yaml",
        "slug:",
        "slug: ../../outside",
    );
    store.commit_all("hostile slug");
    let outside = outside(&store);
    let head = store.head();

    let err = fails(
        &store,
        &["log", "acme", "-c", "call", "-d", "outbound", "-s", "x"],
        1,
    );
    assert!(
        err.contains(
            "customers/acme/customer.yaml:3: `slug: ../../outside` does not match its folder `acme`"
        ),
        "{err}"
    );
    assert_eq!(store.head(), head);
    store.status_clean();
    assert_eq!(tree(&outside), Vec::<String>::new());
    assert_eq!(
        tree(&store.sandbox.path().join("customers")),
        Vec::<String>::new()
    );

    // Readers use the folder: the list shows `acme`, never reads `../../outside`.
    let list = store.run(&["customer", "list"]);
    assert!(list.contains("acme"), "{list}");
    let json = store.json(&["customer", "show", "acme", "--format", "json"]);
    assert_eq!(json["card"]["customer"]["slug"], "acme", "{json}");

    // Imports: a customers row for the customer, a touchpoint matched by contact email.
    let rules = store.sandbox.path().join("r.yaml");
    std::fs::write(
        &rules,
        "records: customers\nsource: crm\nkey: [ID]\nfields:\n  slug: Slug\n  name: Name\n",
    )
    .unwrap();
    let csv = store.sandbox.path().join("c.csv");
    std::fs::write(&csv, "ID,Slug,Name\n1,acme,Acme Renamed\n").unwrap();
    let out = store
        .cmd()
        .arg("import")
        .arg(&csv)
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(store.head(), head);
    assert_eq!(tree(&outside), Vec::<String>::new());

    let check = store.cmd().arg("check").output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(
        report.contains("customers/acme/customer.yaml:3"),
        "{report}"
    );
}

#[test]
fn a_slug_field_naming_another_customer_never_writes_into_it() {
    let store = store();
    store.replace_line("customers/globex/customer.yaml", "slug:", "slug: acme");
    store.commit_all("slug of another customer");
    let acme = store.read("customers/acme/customer.yaml");
    let head = store.head();
    let err = fails(
        &store,
        &["log", "globex", "-c", "call", "-d", "outbound", "-s", "x"],
        1,
    );
    assert!(
        err.contains("`slug: acme` does not match its folder `globex`"),
        "{err}"
    );
    assert!(store.files_in("customers/acme/interactions").is_empty());
    assert!(store.files_in("customers/globex/interactions").is_empty());
    let err = fails(&store, &["customer", "edit", "globex", "--add-tag", "x"], 1);
    assert!(err.contains("does not match its folder"), "{err}");
    assert_eq!(store.read("customers/acme/customer.yaml"), acme);
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn links_to_outside_the_store_are_never_followed() {
    for link in [".gitcrm", ".gitcrm/config.yaml", "customers"] {
        let store = store();
        let outside = outside(&store);
        let target = outside.join("target");
        let real = store.path(link);
        if real.is_dir() {
            std::fs::rename(&real, &target).unwrap();
        } else {
            std::fs::copy(&real, &target).unwrap();
            std::fs::remove_file(&real).unwrap();
        }
        symlink(&target, &real).unwrap();
        let readers: &[&[&str]] = if link == "customers" {
            &[&["customer", "list"], &["metrics"], &["check"]]
        } else {
            &[
                &["person", "list"],
                &["customer", "list"],
                &["metrics"],
                &["check"],
            ]
        };
        for args in readers {
            let out = store.cmd().args(*args).output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{link}: {args:?}");
            let text = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(
                text.contains(&format!("{link}: is a symbolic link"))
                    || text.contains(&format!("`{link}` is a symbolic link")),
                "{link}: {args:?}: {text}"
            );
            assert!(
                !text.contains("alice@example.com"),
                "{link}: {args:?}: {text}"
            );
        }
        let err = fails(
            &store,
            &["log", "acme", "-c", "call", "-d", "outbound", "-s", "x"],
            1,
        );
        assert!(err.contains("symbolic link"), "{link}: {err}");
        assert!(
            tree(&target).iter().all(|p| !p.contains("interactions")),
            "{link}: wrote through the link"
        );
    }
}

#[test]
fn hostile_names_are_refused_where_written_and_where_read() {
    let store = store();
    for (args, expected) in [
        (
            &["person", "add", "../../evil", "--name", "Evil"][..],
            "is not a handle",
        ),
        (
            &["person", "add", "eve", "--name", "Eve\nMallory"],
            "must be one line",
        ),
        (
            &["person", "add", "eve", "--name", "Eve <x>"],
            "cannot contain `<` or `>`",
        ),
        (
            &[
                "person",
                "add",
                "eve",
                "--name",
                "Eve",
                "--email",
                "<e@x.com>",
            ],
            "is not an email address",
        ),
        (
            &["customer", "edit", "acme", "--set", "name="],
            "the name cannot be empty",
        ),
        (
            &[
                "log",
                "acme",
                "-c",
                "call",
                "-d",
                "outbound",
                "-s",
                "two\nlines",
            ],
            "the summary must be one line",
        ),
    ] {
        let head = store.head();
        let err = fails(&store, args, 1);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(store.head(), head, "{args:?}");
        store.status_clean();
    }

    // The same values written by hand into the config stop every command but check, at the
    // line they are on.
    let config = store.read(".gitcrm/config.yaml");
    store.write(
        ".gitcrm/config.yaml",
        &config.replace("name: Alice Martin", "name: \"Alice\\nMartin\""),
    );
    let err = fails(&store, &["customer", "list"], 1);
    assert!(
        err.starts_with("error: .gitcrm/config.yaml:")
            && err.contains("people.alice.name: a person's name must be one line"),
        "{err}"
    );
    let check = store.cmd().args(["check", "config"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
}

#[test]
fn a_fifo_where_a_record_should_be_never_blocks() {
    let store = store();
    let fifo = store.path("customers/acme/notes/20250101T000000Z-0000abcd.yaml");
    std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        assert!(std::env::var("CI").is_err(), "mkfifo must exist in CI");
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Reads skip it (check reports it); nothing opens it, so nothing hangs.
    store.run(&["customer", "list"]);
    store.run(&["timeline", "acme"]);
    let check = store.cmd().arg("check").output().unwrap();
    let report = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(report.contains("not a regular file"), "{report}");
    // An import of a FIFO is refused instead of waiting for a writer.
    let input = store.sandbox.path().join("input.csv");
    let _ = std::process::Command::new("mkfifo").arg(&input).status();
    let rules = store.sandbox.path().join("r.yaml");
    std::fs::write(&rules, "records: customers\nfields:\n  name: Name\n").unwrap();
    let out = store
        .cmd()
        .arg("import")
        .arg(&input)
        .arg("--rules")
        .arg(&rules)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a regular file"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `log` with the kill hook at `point` and returns the stderr of the next command.
fn killed_log(store: &TestStore, point: &str) -> String {
    let out = store
        .cmd()
        .args([
            "log", "acme", "-c", "call", "-d", "outbound", "-s", "killed",
        ])
        .env("GITCRM_TEST_ABORT", point)
        .output()
        .unwrap();
    assert!(!out.status.success(), "{point}: the hook kills the command");
    let next = store.cmd().args(["timeline", "acme"]).assert().success();
    stderr(&next)
}

#[test]
fn a_log_killed_at_any_step_is_repaired_by_the_next_command() {
    for point in ["files:1", "before-head"] {
        let store = store();
        let head = store.head();
        let note = killed_log(&store, point);
        assert!(
            note.starts_with("note: undid an interrupted `interaction.add`"),
            "{point}: {note}"
        );
        assert_eq!(store.head(), head, "{point}");
        assert!(
            store.files_in("customers/acme/interactions").is_empty(),
            "{point}"
        );
        assert!(!store.path(".git/index.lock").exists(), "{point}");
        store.status_clean();
        // The next write works at once.
        store.log("acme", "call", "outbound", "after", &[]);
        store.status_clean();
    }
    let store = store();
    let head = store.head();
    let note = killed_log(&store, "after-head");
    assert!(
        note.starts_with("note: finished the commit"),
        "after-head: {note}"
    );
    assert_ne!(store.head(), head);
    assert_eq!(store.files_in("customers/acme/interactions").len(), 1);
    assert!(!store.path(".git/index.lock").exists());
    store.status_clean();
    // A plain `git commit` afterwards keeps the record (the index was the risk).
    store.write("README.md", "hi\n");
    store.git(&["add", "README.md"]);
    store.git(&["commit", "-q", "-m", "readme"]);
    assert_eq!(
        store
            .git(&[
                "ls-tree",
                "-r",
                "--name-only",
                "HEAD",
                "customers/acme/interactions"
            ])
            .lines()
            .count(),
        1
    );
}

#[test]
fn a_lock_left_by_another_process_is_named_not_waited_for() {
    let store = store();
    std::fs::write(store.path(".git/index.lock"), "").unwrap();
    let err = fails(
        &store,
        &["log", "acme", "-c", "call", "-d", "outbound", "-s", "x"],
        1,
    );
    assert!(
        err.contains(".git/index.lock exists: another git process is using this repository"),
        "{err}"
    );
    assert!(err.contains("if none is running, remove the file"), "{err}");
    assert!(store.files_in("customers/acme/interactions").is_empty());
    std::fs::remove_file(store.path(".git/index.lock")).unwrap();
    store.status_clean();

    std::fs::write(store.path(".git/refs/heads/main.lock"), "").unwrap();
    let err = fails(
        &store,
        &["log", "acme", "-c", "call", "-d", "outbound", "-s", "x"],
        1,
    );
    assert!(err.contains(".git/refs/heads/main.lock exists"), "{err}");
    assert!(store.files_in("customers/acme/interactions").is_empty());
    std::fs::remove_file(store.path(".git/refs/heads/main.lock")).unwrap();
    store.status_clean();
    let out = stdout(
        &store
            .cmd()
            .args(["log", "acme", "-c", "call", "-d", "outbound", "-s", "x"])
            .assert()
            .success(),
    );
    assert!(out.starts_with("logged touchpoint"), "{out}");
}

#[test]
fn a_large_legal_record_stays_editable() {
    let store = store();
    let tags: Vec<String> = (0..100_000).map(|i| format!("t{i:05}")).collect();
    let text = store.read("customers/acme/customer.yaml");
    store.write(
        "customers/acme/customer.yaml",
        &format!("{text}tags: [{}]\n", tags.join(", ")),
    );
    store.commit_all("many tags");
    let before = std::fs::metadata(store.path("customers/acme/customer.yaml"))
        .unwrap()
        .len();
    assert!(before > 700_000 && before < 1 << 20, "{before}");
    store.run(&["customer", "edit", "acme", "--add-tag", "vip"]);
    let after = store.read("customers/acme/customer.yaml");
    assert!(after.len() < 1 << 20);
    assert_eq!(
        after.lines().count(),
        text.lines().count() + 1,
        "still one line of tags"
    );
    assert!(after.contains("t99999, vip]"));
    store.status_clean();
}

#[test]
fn writers_refuse_what_readers_would_refuse() {
    let store = store();
    let rules = store.sandbox.path().join("r.yaml");
    std::fs::write(
        &rules,
        "records: touchpoints\nsource: desk\nkey: [ID]\nfields:\n  customer: Customer\n  at: Date\n  channel: Channel\n  direction: Direction\n  summary: Summary\n",
    )
    .unwrap();
    let csv = store.sandbox.path().join("t.csv");
    std::fs::write(
        &csv,
        format!(
            "ID,Customer,Date,Channel,Direction,Summary\n1,acme,2026-01-05 10:00,call,inbound,{}\n",
            "s".repeat(2 << 20)
        ),
    )
    .unwrap();
    let head = store.head();
    let out = store
        .cmd()
        .arg("import")
        .arg(&csv)
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("t.csv:2:6:"), "{}", &err[..err.len().min(400)]);
    assert_eq!(store.head(), head);
    store.status_clean();
}

/// Data from a hostile push, exported: a pipe gets the exact bytes, a terminal gets them
/// escaped, and JSON escapes what could disguise text.
#[test]
fn export_escapes_for_terminals_and_keeps_bytes_for_pipes() {
    let store = store();
    store.replace_line(
        "customers/acme/customer.yaml",
        "name:",
        "name: \"Acme \\e]0;pwned\\a \\u202eevil\\b\"",
    );
    store.commit_all("hostile name");
    let piped = store.run(&["export", "customers"]);
    assert!(
        piped.contains("Acme \u{1b}]0;pwned\u{7} \u{202e}evil\u{8}"),
        "{piped:?}"
    );
    let json = store.run(&["export", "customers", "--format", "json"]);
    assert!(
        json.contains("\\u001b]0;pwned\\u0007 \\u202eevil\\b"),
        "{json}"
    );
    assert!(!json.contains('\u{202e}'));

    // A real terminal, through `script` (util-linux), as a person at a terminal sees it.
    let bin = env!("CARGO_BIN_EXE_git-crm");
    let Ok(shown) = std::process::Command::new("script")
        .args(["-qec", &format!("{bin} export customers"), "/dev/null"])
        .current_dir(store.root())
        .env("GITCRM_USER", "alice")
        .env("HOME", store.sandbox.path().join("home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env(
            "GIT_CONFIG_GLOBAL",
            store.sandbox.path().join("home/.gitconfig"),
        )
        .output()
    else {
        assert!(std::env::var("CI").is_err(), "script(1) must exist in CI");
        eprintln!("skipped: script(1) is not available");
        return;
    };
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.contains("Acme \\u{1b}]0;pwned\\u{7} \\u{202e}evil\\u{8}"),
        "{shown:?}"
    );
    assert!(
        !shown.contains('\u{7}') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
}

/// Real `kill -9`s at spread-out moments of `log`: after each, the next command repairs what
/// was left, `git status` is clean, and every touchpoint on disk is committed.
#[test]
fn kill_9_during_log_never_leaves_a_half_commit() {
    let store = store();
    for delay_ms in (0..60).step_by(4) {
        let mut child = store
            .std_cmd()
            .args([
                "log", "acme", "-c", "call", "-d", "outbound", "-s", "killed",
            ])
            .env("GITCRM_USER", "alice")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // The next command (a read) repairs, and says so when there was something to undo;
        // then the store is consistent.
        let next = store.exchange(&["timeline", "acme"]).status(0);
        assert!(
            next.stderr.is_empty() || next.stderr.starts_with("note: "),
            "at {delay_ms} ms: {next}"
        );
        store.status_clean();
        assert!(!store.path(".git/index.lock").exists(), "at {delay_ms} ms");
        assert!(
            !store.path(".git/gitcrm/journal.json").exists(),
            "at {delay_ms} ms"
        );
        let on_disk = store.files_in("customers/acme/interactions").len();
        let committed = store
            .git(&[
                "ls-tree",
                "--name-only",
                "HEAD",
                "customers/acme/interactions/",
            ])
            .lines()
            .count();
        assert_eq!(on_disk, committed, "at {delay_ms} ms");
    }
    // And a write works afterwards.
    store.log("acme", "call", "outbound", "after the kills", &[]);
    store.status_clean();
}
