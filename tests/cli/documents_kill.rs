//! Document writes killed at every step (`GITCRM_TEST_ABORT`) and by real `kill -9`s: `attach`,
//! `team rekey` and a customer rename, in git and through Git LFS. After each kill the next
//! command repairs the store: `git status` is clean, no temporary file is left anywhere in the
//! work tree, and each document is there whole (its bytes match its record) or not at all.

use std::path::{Path, PathBuf};

use crate::documents::lfs_available;
use crate::support::{TestStore, stderr};

/// A store with customer `acme` and team `finance` (alice, with a key), through LFS or not.
struct Docs {
    store: TestStore,
    key: PathBuf,
    lfs: bool,
}

impl Docs {
    fn new(lfs: bool) -> Docs {
        let store = TestStore::new();
        store.add_customer("Acme");
        if lfs {
            let setup = store.exchange(&["setup", "--lfs"]).status(0);
            assert!(setup.stdout.contains("Git LFS"), "{setup}");
        }
        store.add_team("finance");
        store.run(&["team", "join", "finance", "alice"]);
        let key = give_key(&store, "alice");
        store.status_clean();
        Docs { store, key, lfs }
    }

    /// A file of `size` bytes outside the store, different for each `seed`.
    fn source(&self, seed: u32, size: usize) -> PathBuf {
        let dir = self.store.sandbox.path().join("files");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("doc-{seed}.bin"));
        let bytes: Vec<u8> = (0..size as u32)
            .map(|i| (i.wrapping_mul(2_654_435_761).wrapping_add(seed) >> 13) as u8)
            .collect();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn cmd(&self) -> std::process::Command {
        let mut cmd = self.store.std_cmd();
        cmd.env("GITCRM_IDENTITY", &self.key)
            .env("GITCRM_USER", "alice")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        cmd
    }

    /// Runs `args` killed at `point`; returns the note of the next command (a read).
    fn killed(&self, args: &[&str], point: &str) -> String {
        let status = self
            .cmd()
            .args(args)
            .env("GITCRM_TEST_ABORT", point)
            .status()
            .unwrap();
        assert!(!status.success(), "{args:?} at {point}: the hook kills it");
        self.next()
    }

    /// The next command, a read: it repairs what a kill left. Returns its stderr.
    fn next(&self) -> String {
        let out = self
            .store
            .cmd()
            .env("GITCRM_IDENTITY", &self.key)
            .args(["docs", "list"])
            .assert()
            .success();
        stderr(&out)
    }

    /// Everything a kill must not leave: a dirty status, a journal, a temporary file anywhere
    /// in the work tree, a document that is not whole. Returns the documents' ids.
    fn assert_consistent(&self, context: &str) -> Vec<String> {
        let store = &self.store;
        let status = store.git(&["status", "--porcelain", "--untracked-files=all"]);
        assert_eq!(status, "", "{context}: git status is not clean");
        assert!(
            !store.path(".git/gitcrm/journal.json").exists(),
            "{context}: journal left"
        );
        let temps: Vec<PathBuf> = walk(store.root())
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(".tmp"))
            })
            .collect();
        assert!(
            temps.is_empty(),
            "{context}: temporary files left: {temps:?}"
        );
        let listed = store
            .cmd()
            .env("GITCRM_IDENTITY", &self.key)
            .args(["docs", "list", "--format", "json"])
            .assert()
            .success();
        let json: serde_json::Value =
            serde_json::from_str(&crate::support::stdout(&listed)).unwrap();
        let ids: Vec<String> = json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect();
        // Every record has its file, whole; no file is without its record.
        let mut files = 0;
        for slug in ["acme", "acme-corp"] {
            let dir = format!("customers/{slug}/documents");
            files += store
                .files_in(&dir)
                .iter()
                .filter(|f| f.ends_with(".bin") || f.ends_with(".age"))
                .count();
        }
        assert_eq!(files, ids.len(), "{context}: files and records differ");
        for (n, id) in ids.iter().enumerate() {
            let out = store.sandbox.path().join(format!("got-{}", unique()));
            let got = store
                .cmd()
                .env("GITCRM_IDENTITY", &self.key)
                .args(["docs", "get", id, "-o", out.to_str().unwrap()])
                .assert();
            assert!(
                got.get_output().status.success(),
                "{context}: document {n} ({id}) is not whole: {}",
                stderr(&got)
            );
            let _ = std::fs::remove_file(out);
        }
        if self.lfs {
            // Every committed document is in LFS, as a pointer in git.
            let listed = store.git(&["lfs", "ls-files"]);
            assert_eq!(listed.lines().count(), ids.len(), "{context}: {listed}");
        }
        ids
    }
}

/// Generates an identity for `handle` (kept in the sandbox) and registers its public key.
fn give_key(store: &TestStore, handle: &str) -> PathBuf {
    let key = store.sandbox.path().join(format!("{handle}.txt"));
    let public = store.generate_key(&key);
    store.run(&["person", "key", "add", handle, &public]);
    key
}

fn unique() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
}

/// Every file below `dir`, `.git` left out.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_name() == ".git" {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

const POINTS: &[&str] = &["staged", "files:1", "files:2", "before-head", "after-head"];

fn attach_killed_at_every_step(lfs: bool) {
    let docs = Docs::new(lfs);
    let mut attached = 0;
    for (n, point) in POINTS.iter().enumerate() {
        let source = docs.source(n as u32, 200_000 + n * 1000);
        let restricted = n % 2 == 1;
        let mut args = vec!["attach", "acme", source.to_str().unwrap()];
        if restricted {
            args.extend(["--restricted", "finance"]);
        }
        let note = docs.killed(&args, point);
        let context = format!("attach (lfs {lfs}) killed at {point}");
        if *point == "after-head" {
            assert!(note.contains("finished the commit"), "{context}: {note}");
            attached += 1;
        } else {
            assert!(note.contains("undid an interrupted"), "{context}: {note}");
        }
        assert_eq!(
            docs.assert_consistent(&context).len(),
            attached,
            "{context}"
        );
    }
}

#[test]
fn attach_killed_at_every_step_leaves_the_whole_document_or_nothing() {
    attach_killed_at_every_step(false);
}

#[test]
fn attach_through_lfs_killed_at_every_step_leaves_the_whole_document_or_nothing() {
    if lfs_available() {
        attach_killed_at_every_step(true);
    }
}

fn rekey_and_rename_killed_at_every_step(lfs: bool) {
    let docs = Docs::new(lfs);
    let store = &docs.store;
    // The third is larger than what undo puts back from memory: it streams out of git.
    for (seed, restricted, size) in [
        (1, true, 150_000),
        (2, false, 150_000),
        (3, true, 1_300_000),
    ] {
        let source = docs.source(seed, size);
        let mut args = vec!["attach", "acme", source.to_str().unwrap()];
        if restricted {
            args.extend(["--restricted", "finance"]);
        }
        assert!(docs.cmd().args(&args).status().unwrap().success());
    }
    docs.assert_consistent("attached");
    // Carol joins: the team's content must be rekeyed to her.
    store.add_person("carol", None);
    let carol_key = give_key(store, "carol");
    let joined = store
        .exchange(&["team", "join", "finance", "carol"])
        .status(0);
    assert!(joined.stderr.contains("team rekey finance"), "{joined}");
    for point in POINTS {
        let context = format!("rekey (lfs {lfs}) killed at {point}");
        let head = store.head();
        let note = docs.killed(&["team", "rekey", "finance"], point);
        if *point == "after-head" {
            assert!(note.contains("finished the commit"), "{context}: {note}");
        } else {
            assert!(note.contains("undid an interrupted"), "{context}: {note}");
            assert_eq!(store.head(), head, "{context}");
        }
        assert_eq!(docs.assert_consistent(&context).len(), 3, "{context}");
        if *point == "after-head" {
            // Rekeyed: carol reads the restricted documents.
            let ids = docs.assert_consistent(&context);
            for id in ids {
                store
                    .cmd()
                    .env("GITCRM_IDENTITY", &carol_key)
                    .args(["docs", "show", &id])
                    .assert()
                    .success();
            }
        }
    }
    // A rename moves the documents' files by renaming them (the same inodes: no copy): killed
    // at each step, all of them stay whole.
    let inodes = || -> Vec<u64> {
        use std::os::unix::fs::MetadataExt;
        let mut found: Vec<u64> = ["acme", "acme-corp"]
            .iter()
            .flat_map(|slug| store.files_in(&format!("customers/{slug}/documents")))
            .filter(|f| !f.ends_with(".yaml"))
            .map(|f| std::fs::metadata(store.path(&f)).unwrap().ino())
            .collect();
        found.sort();
        found
    };
    let before = inodes();
    assert_eq!(before.len(), 3);
    for point in ["files:1", "files:4", "files:7", "before-head", "after-head"] {
        let context = format!("rename (lfs {lfs}) killed at {point}");
        let note = docs.killed(&["customer", "rename", "acme", "acme-corp"], point);
        if point == "after-head" {
            assert!(note.contains("finished the commit"), "{context}: {note}");
            assert!(store.path("customers/acme-corp/customer.yaml").exists());
        } else {
            assert!(note.contains("undid an interrupted"), "{context}: {note}");
            assert!(!store.path("customers/acme-corp").exists(), "{context}");
        }
        assert_eq!(docs.assert_consistent(&context).len(), 3, "{context}");
        assert_eq!(
            inodes(),
            before,
            "{context}: the files were copied, not moved"
        );
    }
}

#[test]
fn rekey_and_rename_killed_at_every_step_keep_every_document_whole() {
    rekey_and_rename_killed_at_every_step(false);
}

#[test]
fn rekey_and_rename_through_lfs_killed_at_every_step_keep_every_document_whole() {
    if lfs_available() {
        rekey_and_rename_killed_at_every_step(true);
    }
}

/// Real `kill -9`s at spread-out moments of an `attach` of a few MiB (staging, hashing, LFS,
/// the commit): after each, the next command leaves the whole document or nothing.
fn kill_9_during_attach(lfs: bool) {
    let docs = Docs::new(lfs);
    let source = docs.source(9, 6 << 20);
    for delay_ms in (0..400).step_by(20) {
        let mut child = docs
            .cmd()
            .args(["attach", "acme", source.to_str().unwrap(), "--restricted"])
            .arg("finance")
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        docs.next();
        let ids = docs.assert_consistent(&format!("attach (lfs {lfs}) killed at {delay_ms} ms"));
        assert!(ids.len() <= 1, "the same file is one document");
        if ids.len() == 1 {
            // Attached whole; start again with nothing, to kill it at later moments too.
            docs.store
                .git(&["rm", "-q", "-r", "customers/acme/documents"]);
            docs.store.git(&["commit", "-q", "-m", "remove"]);
        }
    }
}

#[test]
fn kill_9_during_attach_never_leaves_part_of_a_document() {
    kill_9_during_attach(false);
}

#[test]
fn kill_9_during_attach_through_lfs_never_leaves_part_of_a_document() {
    if lfs_available() {
        kill_9_during_attach(true);
    }
}

/// Real `kill -9`s at spread-out moments of `team rekey` and `customer rename`, alternately,
/// on documents of a few MiB: after each, every document is whole, wherever the kill fell.
fn kill_9_during_rekey_and_rename(lfs: bool) {
    let docs = Docs::new(lfs);
    let store = &docs.store;
    for seed in [1, 2] {
        let source = docs.source(seed, 3 << 20);
        let args = ["attach", "acme", source.to_str().unwrap(), "--restricted"];
        assert!(
            docs.cmd()
                .args(args)
                .arg("finance")
                .status()
                .unwrap()
                .success()
        );
    }
    store.add_person("carol", None);
    give_key(store, "carol");
    let mut slug = "acme";
    let mut in_team = false;
    for (n, delay_ms) in (0..400).step_by(25).enumerate() {
        let renaming = n % 2 == 1;
        let other = if slug == "acme" { "acme-corp" } else { "acme" };
        if !renaming {
            // Something to rekey: carol joins or leaves.
            let verb = if in_team { "leave" } else { "join" };
            store
                .exchange(&["team", verb, "finance", "carol"])
                .status(0);
            in_team = !in_team;
        }
        let mut command = docs.cmd();
        if renaming {
            command.args(["customer", "rename", slug, other]);
        } else {
            command.args(["team", "rekey", "finance"]);
        }
        let mut child = command.spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        docs.next();
        let context = format!(
            "{} (lfs {lfs}) killed at {delay_ms} ms",
            if renaming { "rename" } else { "rekey" }
        );
        assert_eq!(docs.assert_consistent(&context).len(), 2, "{context}");
        if store
            .path(&format!("customers/{other}/customer.yaml"))
            .exists()
        {
            slug = other;
        }
    }
}

#[test]
fn kill_9_during_rekey_and_rename_keeps_every_document_whole() {
    kill_9_during_rekey_and_rename(false);
}

#[test]
fn kill_9_during_rekey_and_rename_through_lfs_keeps_every_document_whole() {
    if lfs_available() {
        kill_9_during_rekey_and_rename(true);
    }
}
