//! A git-crm commit keeps what git and the user set up in `.git/index`: its version (4 with
//! `feature.manyFiles`), the untracked cache, fsmonitor data, a split index and the cache tree.
//! The index is parsed here, independently of the code under test.

use std::path::Path;

use crate::support::{FSMONITOR_HOOK, TestStore, write_executable};

/// The version and the extension signatures of the index at `path`.
fn index_layout(path: &Path) -> (u32, Vec<String>) {
    let data = std::fs::read(path).unwrap();
    let word = |at: usize| u32::from_be_bytes(data[at..at + 4].try_into().unwrap());
    assert_eq!(&data[..4], b"DIRC");
    let (version, count) = (word(4), word(8));
    let mut at = 12;
    for _ in 0..count {
        let start = at;
        let flags = u16::from_be_bytes(data[at + 60..at + 62].try_into().unwrap());
        at += 62 + if flags & 0x4000 != 0 { 2 } else { 0 };
        if version == 4 {
            at += data[at..].iter().position(|b| b & 0x80 == 0).unwrap() + 1;
            at += data[at..].iter().position(|&b| b == 0).unwrap() + 1;
        } else {
            let nul = at + data[at..].iter().position(|&b| b == 0).unwrap();
            at = start + (nul - start + 8) / 8 * 8;
        }
    }
    let mut signatures = Vec::new();
    while at < data.len() - 20 {
        signatures.push(String::from_utf8_lossy(&data[at..at + 4]).into_owned());
        at += 8 + word(at + 4) as usize;
    }
    assert_eq!(at, data.len() - 20, "the extensions end at the checksum");
    (version, signatures)
}

/// A store with a customer, `core.untrackedCache`, index version 4 and a fsmonitor hook,
/// and an untracked file; `git status` has run twice, so git wrote its extensions.
fn accelerated_store() -> (TestStore, String) {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let hook = store.sandbox.path().join("fsmonitor-hook");
    write_executable(&hook, FSMONITOR_HOOK);
    store.git(&["config", "core.untrackedCache", "true"]);
    store.git(&["config", "core.fsmonitor", hook.to_str().unwrap()]);
    store.git(&["update-index", "--index-version", "4"]);
    store.write("scratch.txt", "mine\n");
    for _ in 0..2 {
        assert_eq!(store.git(&["status", "--porcelain"]), "?? scratch.txt");
    }
    (store, slug)
}

fn index(store: &TestStore) -> (u32, Vec<String>) {
    index_layout(&store.path(".git/index"))
}

/// `git status` after a git-crm commit: nothing staged, the untracked file still reported,
/// and a hand edit seen.
fn assert_status_correct(store: &TestStore, slug: &str) {
    assert_eq!(store.git(&["status", "--porcelain"]), "?? scratch.txt");
    store.git(&["diff", "--cached", "--quiet"]);
    let customer = format!("customers/{slug}/customer.yaml");
    let text = store.read(&customer);
    store.write(&customer, &format!("{text}# edited by hand\n"));
    assert_eq!(
        store.git(&["status", "--porcelain"]),
        format!(" M {customer}\n?? scratch.txt")
    );
    store.write(&customer, &text);
    assert_eq!(store.git(&["status", "--porcelain"]), "?? scratch.txt");
}

#[test]
fn a_commit_keeps_index_version_untracked_cache_and_fsmonitor() {
    let (store, slug) = accelerated_store();
    let before = index(&store);
    assert_eq!(before.0, 4);
    for ext in ["UNTR", "FSMN"] {
        assert!(
            before.1.iter().any(|s| s == ext),
            "git wrote {ext}: {before:?}"
        );
    }
    store.log(&slug, "call", "outbound", "Quarterly review", &[]);
    store.note(&slug, "Prefers mornings");
    assert_eq!(index(&store), before, "the commit kept the index layout");
    assert_status_correct(&store, &slug);
    assert_eq!(index(&store), before);
}

#[test]
fn a_commit_keeps_a_split_index() {
    let (store, slug) = accelerated_store();
    store.git(&["update-index", "--split-index"]);
    let before = index(&store);
    assert!(before.1.iter().any(|s| s == "link"), "{before:?}");
    store.log(&slug, "call", "outbound", "Quarterly review", &[]);
    assert_eq!(index(&store), before);
    assert_status_correct(&store, &slug);
    assert_eq!(
        store.git(&["ls-files", "--", &format!("customers/{slug}")]),
        store.git(&[
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "--",
            &format!("customers/{slug}")
        ])
    );
}

/// A plain index keeps its cache tree, invalidated only along the changed paths: `git
/// write-tree` (which trusts the cache tree) still gives exactly HEAD's tree.
#[test]
fn a_plain_index_keeps_a_correct_cache_tree() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    let other = store.add_customer("Globex");
    store.git(&["read-tree", "HEAD"]);
    store.status_clean();
    assert!(index(&store).1.iter().any(|s| s == "TREE"));
    store.log(&slug, "call", "outbound", "Quarterly review", &[]);
    let (version, extensions) = index(&store);
    assert_eq!(
        (version, extensions.first().map(String::as_str)),
        (2, Some("TREE"))
    );
    assert_eq!(
        store.git(&["write-tree"]),
        store.git(&["rev-parse", "HEAD^{tree}"])
    );
    store.note(&other, "Second change");
    assert_eq!(
        store.git(&["write-tree"]),
        store.git(&["rev-parse", "HEAD^{tree}"])
    );
    store.status_clean();
}

/// A FIFO or a link in place of `.git/index` is refused with its name, not waited on or
/// followed, by commands that read the index and by a commit; nothing is left behind.
#[test]
fn an_index_that_is_not_a_regular_file_is_refused_not_waited_on() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    store.log(&slug, "call", "outbound", "Kickoff", &[]);
    let index = store.path(".git/index");
    let kept = store.path(".git/index.kept");
    std::fs::rename(&index, &kept).unwrap();
    let head = store.git(&["rev-parse", "HEAD"]);
    for what in ["a FIFO", "a link"] {
        if what == "a FIFO" {
            crate::support::make_fifo(&index);
        } else {
            std::os::unix::fs::symlink("index.kept", &index).unwrap();
        }
        for args in [
            vec!["check"],
            vec!["metrics"],
            vec![
                "log",
                &slug,
                "-c",
                "call",
                "-d",
                "outbound",
                "-s",
                "Follow-up",
            ],
        ] {
            let out = store
                .cmd()
                .args(&args)
                .timeout(std::time::Duration::from_secs(60))
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{what}, {args:?}: {stderr}");
            assert!(
                stderr.contains(".git/index is not a regular file"),
                "{what}, {args:?}: {stderr}"
            );
        }
        std::fs::remove_file(&index).unwrap();
    }
    std::fs::rename(&kept, &index).unwrap();
    assert_eq!(
        store.git(&["rev-parse", "HEAD"]),
        head,
        "no commit was made"
    );
    store.status_clean();
}
