//! Documents on the customer record: attached, deduplicated, versioned, fetched back
//! byte-identical, through Git LFS and without it; hostile names, kinds of file and sizes are
//! refused with nothing written.

use std::path::{Path, PathBuf};

use crate::support::{TestStore, stderr};

fn sha256(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()[..64].to_string()
}

fn file(store: &TestStore, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = store.sandbox.path().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn attach_dedup_version_and_get_back() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let touch = store.log(&slug, "email", "outbound", "Sent the proposal", &[]);
    let v1 = file(&store, "proposal.pdf", b"%PDF-1.7\nversion one\n");
    let out = store.run(&[
        "attach",
        &slug,
        p(&v1),
        "--title",
        "Proposal",
        "--to",
        &touch,
        "--tag",
        "sales",
    ]);
    assert!(out.starts_with("attached "), "{out}");
    let id1 = crate::support::short_id_in(&out).unwrap();
    store.status_clean();
    assert!(
        store
            .head_message()
            .starts_with("attach: proposal.pdf to acme (alice)")
    );
    // The same bytes again, even under another name: the same document, nothing written.
    let count = store.commit_count();
    let copy = file(&store, "copy.pdf", b"%PDF-1.7\nversion one\n");
    let out = store.run(&["attach", &slug, p(&copy)]);
    assert!(
        out.starts_with(&format!("already attached as {id1}")),
        "{out}"
    );
    assert_eq!(store.commit_count(), count);
    // A new version.
    let v2 = file(
        &store,
        "proposal-v2.pdf",
        b"%PDF-1.7\nversion two, longer\n",
    );
    let out = store.run(&[
        "attach",
        &slug,
        p(&v2),
        "--title",
        "Proposal",
        "--replaces",
        &id1,
    ]);
    let id2 = crate::support::short_id_in(&out).unwrap();
    let listed = store.run(&["docs", "list", &slug]);
    assert!(listed.contains(&id2) && !listed.contains(&id1), "{listed}");
    assert!(listed.contains("v2 of 2"), "{listed}");
    let all = store.json(&["docs", "list", "--all", "--format", "json"]);
    let docs = all["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    let first = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().ends_with(&id1))
        .unwrap();
    assert_eq!(first["media_type"], "application/pdf");
    assert_eq!(first["name"], "proposal.pdf");
    assert_eq!(first["sha256"], sha256(&v1));
    assert_eq!(first["replaced"], true);
    assert_eq!(first["tags"], serde_json::json!(["sales"]));
    assert!(first["record"].as_str().unwrap().ends_with(&touch));
    let show = store.run(&["docs", "show", &id2]);
    assert!(show.contains("Versions") && show.contains(&id1), "{show}");
    // Fetched back byte-identical, under its original name or -o.
    let out_dir = store.sandbox.path().join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    store
        .sandbox
        .cmd_in(&out_dir)
        .args([
            "--store",
            store.root().to_str().unwrap(),
            "docs",
            "get",
            &id1,
        ])
        .assert()
        .success();
    assert_eq!(sha256(&out_dir.join("proposal.pdf")), sha256(&v1));
    let again = store
        .sandbox
        .cmd_in(&out_dir)
        .args([
            "--store",
            store.root().to_str().unwrap(),
            "docs",
            "get",
            &id1,
        ])
        .assert()
        .failure();
    assert!(stderr(&again).contains("already exists"));
    let target = out_dir.join("v2.pdf");
    store.run(&["docs", "get", &id2, "-o", p(&target)]);
    assert_eq!(std::fs::read(&target).unwrap(), std::fs::read(&v2).unwrap());
    let piped = store.run(&["docs", "get", &id2, "-o", "-"]);
    assert_eq!(piped.as_bytes(), std::fs::read(&v2).unwrap());
    // The timeline and the card show documents.
    assert!(store.run(&["timeline", &slug]).contains("document"));
    let card = store.run(&["customer", "show", &slug]);
    assert!(
        card.contains("Documents (1)") && card.contains("proposal-v2.pdf"),
        "{card}"
    );
    // A damaged stored file is caught on the way out.
    let stored = store.files_in(&format!("customers/{slug}/documents"));
    let bin = stored
        .iter()
        .find(|f| f.ends_with(&format!("{id1}.bin")))
        .unwrap();
    store.write(bin, "tampered");
    let bad = store
        .cmd()
        .args(["docs", "get", &id1, "-o", p(&out_dir.join("bad.pdf"))])
        .assert()
        .failure();
    assert!(stderr(&bad).contains("does not match the sha256"));
    assert!(!out_dir.join("bad.pdf").exists());
    store.git(&["checkout", "--", bin]);
    // Renaming the customer moves its documents with it.
    store.run(&["customer", "rename", &slug, "acme-group"]);
    store.run(&["docs", "get", &id2, "-o", p(&out_dir.join("moved.pdf"))]);
    assert_eq!(
        std::fs::read(out_dir.join("moved.pdf")).unwrap(),
        std::fs::read(&v2).unwrap()
    );
    store.status_clean();
    let check = store.cmd().args(["check", "--strict"]).assert().success();
    assert!(!stderr(&check).contains("stray"), "{}", stderr(&check));
}

#[test]
fn hostile_files_and_names_are_refused_with_nothing_written() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let good = file(&store, "ok.txt", b"fine\n");
    let empty = file(&store, "empty.txt", b"");
    let link = store.sandbox.path().join("files").join("link.txt");
    std::os::unix::fs::symlink(&good, &link).unwrap();
    let fifo = store.sandbox.path().join("files").join("fifo");
    crate::support::make_fifo(&fifo);
    let folder = store.sandbox.path().join("files");
    let count = store.commit_count();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![p(&empty).into()], "is empty"),
        (vec![p(&link).into()], "symbolic link"),
        (vec![p(&fifo).into()], "not a regular file"),
        (vec!["/dev/null".into()], "not a regular file"),
        (vec![p(&folder).into()], "is a folder"),
        (
            vec![p(&good).into(), "--name".into(), "../../etc/passwd".into()],
            "folder parts",
        ),
        (
            vec![p(&good).into(), "--name".into(), "/etc/passwd".into()],
            "absolute path",
        ),
        (
            vec![p(&good).into(), "--name".into(), "a\u{1b}[2Jb.txt".into()],
            "control characters",
        ),
        (
            vec![p(&good).into(), "--name".into(), "nul.txt".into()],
            "reserved device name",
        ),
        (
            vec![p(&good).into(), "--name".into(), "..".into()],
            "not a file name",
        ),
        (
            vec![p(&good).into(), "--restricted".into(), "finance".into()],
            "no team",
        ),
        // One bad file among good ones stops everything.
        (vec![p(&good).into(), p(&empty).into()], "is empty"),
    ];
    for (args, expected) in cases {
        let mut full = vec!["attach".to_string(), slug.clone()];
        full.extend(args.clone());
        let out = store
            .cmd()
            .args(&full)
            .timeout(std::time::Duration::from_secs(30))
            .assert()
            .failure();
        let err = stderr(&out);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(
            !err.contains('\u{1b}'),
            "control characters printed: {err:?}"
        );
    }
    assert_eq!(store.commit_count(), count);
    store.status_clean();
    assert!(
        store
            .files_in(&format!("customers/{slug}/documents"))
            .is_empty()
    );
}

#[test]
fn files_over_the_limit_are_refused_without_lfs() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let text = store.read(".gitcrm/config.yaml") + "documents:\n  max_size: 1KiB\n";
    store.write(".gitcrm/config.yaml", &text);
    store.commit_all("limit");
    let big = file(&store, "big.bin", &vec![7u8; 2048]);
    let count = store.commit_count();
    let out = store
        .cmd()
        .args(["attach", &slug, p(&big)])
        .assert()
        .failure();
    let err = stderr(&out);
    assert!(err.contains("limited to 1.0 KiB"), "{err}");
    assert!(err.contains("git crm setup --lfs"), "{err}");
    assert_eq!(store.commit_count(), count);
    store.status_clean();
    let small = file(&store, "small.bin", &vec![7u8; 1000]);
    store.run(&["attach", &slug, p(&small)]);
}

/// Whether git-lfs is here (a test needing it skips locally); under CI it must be.
pub(crate) fn lfs_available() -> bool {
    let found = std::process::Command::new("git")
        .args(["lfs", "version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "git-lfs is required under CI (.ci/run installs it)"
        );
        eprintln!("skipped: git-lfs is not installed (apt-get install git-lfs)");
    }
    found
}

#[test]
fn documents_go_through_lfs_when_it_is_set_up() {
    if !lfs_available() {
        return;
    }
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let text = store.read(".gitcrm/config.yaml") + "documents:\n  max_size: 1KiB\n";
    store.write(".gitcrm/config.yaml", &text);
    store.commit_all("limit");
    let setup = store.exchange(&["setup", "--lfs"]).status(0);
    assert!(
        setup.stderr.contains("hint: git settings that keep"),
        "{setup}"
    );
    let out = setup.stdout;
    assert!(out.contains("Git LFS"), "{out}");
    assert!(
        store
            .read(".gitattributes")
            .contains("documents/*.bin filter=lfs")
    );
    store.status_clean();
    // Larger than the limit, and restricted too: LFS stores it, git stores a pointer.
    store.add_team("finance");
    store.run(&["team", "join", "finance", "alice"]);
    let key_path = store.sandbox.path().join("alice.txt");
    let public = store.generate_key(&key_path);
    store.run(&["person", "key", "add", "alice", &public]);
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let big = file(&store, "scan.bin", &bytes);
    let out = store.run(&["attach", &slug, p(&big)]);
    assert!(out.contains("through Git LFS"), "{out}");
    let id = crate::support::short_id_in(&out).unwrap();
    let sealed = file(&store, "sealed.bin", &bytes[..200_000]);
    let out = store
        .cmd()
        .env("GITCRM_IDENTITY", &key_path)
        .args(["attach", &slug, p(&sealed), "--restricted", "finance"])
        .assert()
        .success();
    let sealed_id = crate::support::short_id_in(&crate::support::stdout(&out)).unwrap();
    store.status_clean();
    let stored = store.files_in(&format!("customers/{slug}/documents"));
    let bin = stored.iter().find(|f| f.ends_with(".bin")).unwrap();
    let blob = store.git(&["cat-file", "-p", &format!("HEAD:{bin}")]);
    assert!(
        blob.starts_with("version https://git-lfs.github.com/spec/v1"),
        "{blob}"
    );
    let lfs_files = store.git(&["lfs", "ls-files"]);
    assert_eq!(lfs_files.lines().count(), 2, "{lfs_files}");
    // A fresh clone set up with `git crm setup` gets the documents back byte-identical.
    let clone = store.sandbox.path().join("clone");
    store.sandbox.git_in(
        store.sandbox.path(),
        &[
            "clone",
            "-q",
            store.root().to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
    );
    let out = store.sandbox.cmd_in(&clone).arg("setup").assert().success();
    assert!(crate::support::stdout(&out).contains("Configured Git LFS"));
    store.sandbox.git_in(&clone, &["lfs", "pull"]);
    let got = store.sandbox.path().join("got.bin");
    store
        .sandbox
        .cmd_in(&clone)
        .args(["docs", "get", &id, "-o", p(&got)])
        .assert()
        .success();
    assert_eq!(std::fs::read(&got).unwrap(), bytes);
    let got = store.sandbox.path().join("got-sealed.bin");
    store
        .sandbox
        .cmd_in(&clone)
        .env("GITCRM_IDENTITY", &key_path)
        .args(["docs", "get", &sealed_id, "-o", p(&got)])
        .assert()
        .success();
    assert_eq!(std::fs::read(&got).unwrap(), &bytes[..200_000]);
}

#[test]
fn a_clone_without_the_lfs_objects_says_how_to_get_them() {
    if !lfs_available() {
        return;
    }
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    store.exchange(&["setup", "--lfs"]).status(0);
    let doc = file(&store, "a.txt", b"some words\n");
    let id = crate::support::short_id_in(&store.run(&["attach", &slug, p(&doc)])).unwrap();
    let clone = store.sandbox.path().join("clone");
    let mut git = std::process::Command::new("git");
    git.env("GIT_LFS_SKIP_SMUDGE", "1")
        .env("HOME", store.sandbox.path().join("home"))
        .env(
            "GIT_CONFIG_GLOBAL",
            store.sandbox.path().join("home/.gitconfig"),
        )
        .args([
            "clone",
            "-q",
            store.root().to_str().unwrap(),
            clone.to_str().unwrap(),
        ]);
    assert!(git.status().unwrap().success());
    let out = store
        .sandbox
        .cmd_in(&clone)
        .args(["docs", "get", &id, "-o", "x.txt"])
        .assert()
        .failure();
    assert!(stderr(&out).contains("git lfs pull"), "{}", stderr(&out));
}

#[test]
fn docs_open_needs_a_terminal() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let doc = file(&store, "a.txt", b"words\n");
    let id = crate::support::short_id_in(&store.run(&["attach", &slug, p(&doc)])).unwrap();
    let out = store.cmd().args(["docs", "open", &id]).assert().code(2);
    assert!(stderr(&out).contains("needs a terminal"));
}

/// `docs open` on a real terminal (a pseudo-terminal from `script`, util-linux): the opener the
/// user chose (`GITCRM_OPENER`, or `git config gitcrm.opener`) gets a copy in a private folder, is
/// waited for, and the copy is gone when it exits; a restricted document's decrypted copy is
/// named in a warning.
#[test]
fn docs_open_hands_a_private_copy_to_the_chosen_opener_and_removes_it() {
    if std::process::Command::new("script")
        .arg("-V")
        .output()
        .is_err()
    {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "script(1) is required under CI (.ci/run installs bsdutils)"
        );
        eprintln!("skipped: script(1) is not installed (apt-get install bsdutils)");
        return;
    }
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let plain = file(&store, "notes.txt", b"plain words\n");
    let plain_id = crate::support::short_id_in(&store.run(&["attach", &slug, p(&plain)])).unwrap();
    let key = store.sandbox.path().join("alice.txt");
    let public = store.generate_key(&key);
    store.add_team("finance");
    store.run(&["team", "join", "finance", "alice"]);
    store.run(&["person", "key", "add", "alice", &public]);
    let secret = file(&store, "contract.pdf", b"%PDF-1.7 OPENED-SECRET-1");
    let secret_id = crate::support::short_id_in(&store.run(&[
        "attach",
        &slug,
        p(&secret),
        "--restricted",
        "finance",
    ]))
    .unwrap();

    // The opener records its arguments, what it was given and the folder's mode.
    let log = store.sandbox.path().join("opener.log");
    let opener = store.sandbox.path().join("opener.sh");
    std::fs::write(
        &opener,
        "#!/bin/sh\nprintf 'args:%s\\n' \"$*\" >> \"$OPENER_LOG\"\nfor f; do last=\"$f\"; done\ncat \"$last\" >> \"$OPENER_LOG\"\nstat -c '%a' \"$(dirname \"$last\")\" >> \"$OPENER_LOG\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let runtime = store.sandbox.path().join("run");
    std::fs::create_dir_all(&runtime).unwrap();
    let open = |id: &str, opener_env: Option<&str>| {
        let bin = env!("CARGO_BIN_EXE_git-crm");
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &format!("{bin} docs open {id}"), "/dev/null"])
            .current_dir(store.root())
            .env_remove("CI")
            .env("GITCRM_USER", "alice")
            .env("GITCRM_IDENTITY", &key)
            .env("OPENER_LOG", &log)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("HOME", store.sandbox.path().join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env(
                "GIT_CONFIG_GLOBAL",
                store.sandbox.path().join("home/.gitconfig"),
            );
        match opener_env {
            Some(o) => cmd.env("GITCRM_OPENER", o),
            None => cmd.env_remove("GITCRM_OPENER"),
        };
        let out = cmd.output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let copies = || {
        std::fs::read_dir(&runtime)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect::<Vec<_>>()
    };

    let with_flag = format!("{} --new-window", p(&opener));
    let (ok, shown) = open(&plain_id, Some(&with_flag));
    assert!(ok, "{shown}");
    let logged = std::fs::read_to_string(&log).unwrap();
    let mut lines = logged.lines();
    let args = lines.next().unwrap();
    assert!(args.starts_with("args:--new-window "), "{logged}");
    let path = args.rsplit(' ').next().unwrap();
    assert!(path.starts_with(p(&runtime)), "{logged}");
    assert!(path.ends_with("/notes.txt"), "{logged}");
    assert_eq!(lines.next(), Some("plain words"));
    assert_eq!(lines.next(), Some("700"), "a private folder");
    assert!(
        copies().is_empty(),
        "the copy is removed when the opener exits: {:?}",
        copies()
    );

    // Restricted: decrypted for the opener of the user's git config, named in a warning,
    // removed after. A command committed to the store's config is never run: it comes from
    // whoever pushed last.
    std::fs::remove_file(&log).unwrap();
    let trap = store.sandbox.path().join("trap.sh");
    let sprung = store.sandbox.path().join("sprung");
    std::fs::write(&trap, format!("#!/bin/sh\ntouch {}\n", p(&sprung))).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&trap, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let text = store.read(".gitcrm/config.yaml") + &format!("documents:\n  opener: {}\n", p(&trap));
    store.write(".gitcrm/config.yaml", &text);
    store.commit_all("a teammate's opener");
    store.git(&["config", "gitcrm.opener", p(&opener)]);
    let (ok, shown) = open(&secret_id, None);
    assert!(
        !sprung.exists(),
        "the store's config chose a command: {shown}"
    );
    assert!(ok, "{shown}");
    assert!(
        shown.contains(
            "is a decrypted copy of a document restricted to finance; it is removed when"
        ),
        "{shown}"
    );
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("%PDF-1.7 OPENED-SECRET-1"), "{logged}");
    assert!(copies().is_empty(), "{:?}", copies());

    // An opener that fails: the command fails, and the copy is removed all the same.
    let (ok, _) = open(&plain_id, Some("false"));
    assert!(!ok);
    assert!(copies().is_empty(), "{:?}", copies());
}
