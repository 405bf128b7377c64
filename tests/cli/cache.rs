//! The cache under `.git/gitcrm/snapshot/` never changes a result: on the same store, `metrics`,
//! `check` and `inbox` print exactly the same JSON whether they run warm (the cache as the
//! previous run left it) or cold (the cache deleted), after every kind of change a clone sees:
//! a pull, a checkout of another branch, a hand edit that keeps size and modification time, its
//! undo, a deleted file, an untracked file, and a damaged or stale cache file.
//!
//! Every change is also checked to change the cold output, so an equality of warm and cold
//! cannot come from a change nobody would see: a stale cache shows the state before the change
//! and fails the comparison.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::support::{FSMONITOR_HOOK, Sandbox, make_fifo, write_executable};

const NOW: &str = "2026-12-01T12:00:00Z";

/// What the three commands print, in one state of the store.
#[derive(Debug, Clone, PartialEq)]
struct Outputs {
    metrics: String,
    check: String,
    inbox: String,
}

struct Demo {
    sandbox: Sandbox,
    dir: PathBuf,
}

impl Demo {
    fn new() -> Demo {
        let sandbox = Sandbox::new();
        let dir = sandbox.path().join("demo");
        sandbox
            .cmd_in(sandbox.path())
            .env("GITCRM_NOW", NOW)
            .args(["demo", "--customers", "10", "--interactions", "400"])
            .arg(&dir)
            .assert()
            .success();
        Demo { sandbox, dir }
    }

    /// Runs `git-crm args...` in `dir` at [`NOW`]; stdout, whatever the exit code (check exits 1
    /// on errors), but never a crash.
    fn crm_in(&self, dir: &Path, args: &[&str]) -> String {
        let output = self
            .sandbox
            .cmd_in(dir)
            .env("GITCRM_NOW", NOW)
            .args(args)
            // A run that waits (on a FIFO put in the cache, say) fails instead of hanging.
            .timeout(Duration::from_secs(120))
            .output()
            .expect("git-crm runs");
        let code = output.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "git-crm {args:?} exited with {code:?}:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("stdout is UTF-8")
    }

    fn outputs(&self) -> Outputs {
        Outputs {
            metrics: self.crm_in(&self.dir, &["metrics", "--format", "json"]),
            check: self.crm_in(&self.dir, &["check", "--format", "json"]),
            inbox: self.crm_in(
                &self.dir,
                &["inbox", "--as", "dave", "--peek", "--format", "json"],
            ),
        }
    }

    fn git(&self, args: &[&str]) -> String {
        self.sandbox.git_in(&self.dir, args)
    }

    fn cache_dir(&self) -> PathBuf {
        self.dir.join(".git/gitcrm/snapshot")
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.cache_dir())
            .expect("the cache was written")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "bin"))
            .collect();
        files.sort();
        files
    }

    fn data_file(&self) -> PathBuf {
        self.cache_files()
            .into_iter()
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("data-")
            })
            .expect("a data file")
    }

    fn cold(&self) -> Outputs {
        let _ = std::fs::remove_dir_all(self.cache_dir());
        self.outputs()
    }

    /// The outputs of the current state, asserting that every warm run gives what a cold run
    /// gives: right after a change (the changed files are racy), after a second (their stat
    /// data is trusted), and again from the cache that second run wrote.
    #[track_caller]
    fn same_warm_and_cold(&self, what: &str) -> Outputs {
        let warm = self.outputs();
        settle();
        let settled = self.outputs();
        let again = self.outputs();
        let cold = self.cold();
        assert_same(&warm, &cold, &format!("{what}: first run after it"));
        assert_same(&settled, &cold, &format!("{what}: once settled"));
        assert_same(
            &again,
            &cold,
            &format!("{what}: from the cache just written"),
        );
        // The cold run wrote a cache with trusted stat data for every file (they settled): the
        // next change is told from it.
        cold
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// The record files of one kind folder of the first customer (sorted).
    fn files(&self, slug: &str, kind_dir: &str) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(self.path(&format!("customers/{slug}/{kind_dir}")))
                .unwrap()
                .map(|e| {
                    format!(
                        "customers/{slug}/{kind_dir}/{}",
                        e.unwrap().file_name().to_string_lossy()
                    )
                })
                .collect();
        names.sort();
        names
    }

    /// Copies a touchpoint of the second customer under another name (an untracked file with a
    /// duplicate id, which check reports); its path.
    fn untracked_copy(&self) -> String {
        let second = self.customers()[1].clone();
        let source = self.files(&second, "interactions")[0].clone();
        let copy = source.replace(".yaml", "-copy.yaml");
        std::fs::copy(self.path(&source), self.path(&copy)).unwrap();
        copy
    }

    /// A file of `customer` deleted from the work tree and checked out again, then an
    /// untracked file (a copy of a touchpoint under another name: a duplicate id) added and
    /// removed; each state differs from `before` and warm equals cold in every one.
    #[track_caller]
    fn delete_and_add_untracked(&self, customer: &str, before: &Outputs) {
        let handoff = self.files(customer, "handoffs")[0].clone();
        std::fs::remove_file(self.path(&handoff)).unwrap();
        let deleted = self.same_warm_and_cold("a deleted handoff");
        assert_changed(before, &deleted, "deleting a handoff");
        self.git(&["checkout", "--", &handoff]);
        self.same_warm_and_cold("the handoff restored");

        let copy = self.untracked_copy();
        let untracked = self.same_warm_and_cold("an untracked copy of a touchpoint");
        assert_changed(before, &untracked, "an untracked touchpoint");
        std::fs::remove_file(self.path(&copy)).unwrap();
    }

    fn customers(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path("customers"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Waits until what was just written is older than the racy window of the scan (one second),
/// so the next scan trusts its stat data.
fn settle() {
    std::thread::sleep(Duration::from_millis(1100));
}

#[track_caller]
fn assert_same(warm: &Outputs, cold: &Outputs, what: &str) {
    for (name, a, b) in [
        ("metrics", &warm.metrics, &cold.metrics),
        ("check", &warm.check, &cold.check),
        ("inbox", &warm.inbox, &cold.inbox),
    ] {
        if a != b {
            let (line, (x, y)) = a
                .lines()
                .zip(b.lines())
                .enumerate()
                .find(|(_, (x, y))| x != y)
                .unwrap_or((a.lines().count().min(b.lines().count()), ("(end)", "(end)")));
            panic!(
                "{what}: {name} JSON differs from the cold run's at line {}:\n  warm: {x}\n  cold: {y}",
                line + 1
            );
        }
    }
}

#[track_caller]
fn assert_changed(before: &Outputs, after: &Outputs, what: &str) {
    assert!(
        before.metrics != after.metrics || before.check != after.check,
        "{what} changes neither metrics nor check: the comparison would not see a stale cache"
    );
}

/// Replaces `from` by `to` (same length) in a file and gives it back its modification time, so
/// only the size-and-time-blind parts of stat data (ctime, inode) tell that it changed.
fn edit_keeping_mtime(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    set_mtime(path, mtime);
}

fn set_mtime(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn warm_and_cold_agree_through_edits_pulls_checkouts_and_damaged_caches() {
    let demo = Demo::new();
    let first = demo.customers()[0].clone();
    let base = demo.same_warm_and_cold("the demo store");
    assert!(base.metrics.contains("\"version\": 1"), "{}", base.metrics);
    assert!(
        demo.cache_files().len() >= 2,
        "the cache (index and data) was written: {:?}",
        demo.cache_files()
    );

    // A hand edit that keeps size and modification time: the customer is paused (metrics count
    // active customers, check warns about stale active ones).
    let customer_file = demo.path(&format!("customers/{first}/customer.yaml"));
    let original = std::fs::read(&customer_file).unwrap();
    let original_mtime = std::fs::metadata(&customer_file)
        .unwrap()
        .modified()
        .unwrap();
    edit_keeping_mtime(&customer_file, "status: active", "status: paused");
    let paused = demo.same_warm_and_cold("a hand edit keeping size and mtime");
    assert_changed(&base, &paused, "pausing a customer");

    // Its undo, to the same bytes and time: the results of the first state come back (from
    // the cache, whose keys are the content).
    std::fs::write(&customer_file, &original).unwrap();
    set_mtime(&customer_file, original_mtime);
    let undone = demo.same_warm_and_cold("the undo of the hand edit");
    assert_same(&undone, &base, "the undo gives the first state back");

    // A touchpoint whose author is no person of the store (check reports it).
    let touchpoint = demo.files(&first, "interactions")[0].clone();
    let text = std::fs::read_to_string(demo.path(&touchpoint)).unwrap();
    let by_line = text
        .lines()
        .find(|l| l.starts_with("by: "))
        .unwrap()
        .to_string();
    std::fs::write(
        demo.path(&touchpoint),
        text.replacen(&by_line, "by: nobody-we-know", 1),
    )
    .unwrap();
    let unknown = demo.same_warm_and_cold("a touchpoint by an unknown person");
    assert_changed(&undone, &unknown, "an unknown author");
    std::fs::write(demo.path(&touchpoint), &text).unwrap();
    demo.same_warm_and_cold("the author restored");

    demo.delete_and_add_untracked(&first, &undone);
    let clean = demo.same_warm_and_cold("the untracked file removed");
    assert_same(&clean, &base, "the store is back to its first state");

    // A pull that changes customers: a clone commits a change, this clone pulls it.
    let other = demo.sandbox.path().join("other");
    demo.sandbox.git_in(
        demo.sandbox.path(),
        &[
            "clone",
            "-q",
            demo.dir.to_str().unwrap(),
            other.to_str().unwrap(),
        ],
    );
    let in_other = |args: &[&str]| demo.sandbox.git_in(&other, args);
    in_other(&["config", "user.email", "bob@example.com"]);
    in_other(&["config", "user.name", "Bob"]);
    let target = demo.customers()[2].clone();
    let their_file = other.join(format!("customers/{target}/customer.yaml"));
    let theirs = std::fs::read_to_string(&their_file).unwrap();
    std::fs::write(
        &their_file,
        theirs.replacen("status: active", "status: churned", 1),
    )
    .unwrap();
    let their_touchpoint =
        std::fs::read_dir(other.join(format!("customers/{target}/interactions")))
            .unwrap()
            .map(|e| e.unwrap().path())
            .min()
            .unwrap();
    std::fs::remove_file(&their_touchpoint).unwrap();
    in_other(&["commit", "-qam", "churned, and a touchpoint removed"]);
    demo.git(&["pull", "-q", "--ff-only", other.to_str().unwrap()]);
    let pulled = demo.same_warm_and_cold("a pull that changes a customer");
    assert_changed(&clean, &pulled, "the pull");

    // A checkout of another branch (the store as it was ten commits ago), and back.
    let branch = demo.git(&["rev-parse", "--abbrev-ref", "HEAD"]);
    demo.git(&["checkout", "-q", "-b", "older", "HEAD~10"]);
    let older = demo.same_warm_and_cold("a checkout of an older branch");
    assert_changed(&pulled, &older, "the checkout");
    demo.git(&["checkout", "-q", &branch]);
    let back = demo.same_warm_and_cold("the checkout back");
    assert_same(&back, &pulled, "back on the branch");

    // A merge that leaves a path unmerged (both sides added it): a cold `check` takes the
    // unmerged paths from the read of git's index its scan made, a warm one reads them.
    std::fs::write(other.join("NOTES.txt"), "theirs\n").unwrap();
    in_other(&["add", "NOTES.txt"]);
    in_other(&["commit", "-qm", "their notes"]);
    std::fs::write(demo.path("NOTES.txt"), "ours\n").unwrap();
    demo.git(&["config", "user.email", "alice@example.com"]);
    demo.git(&["config", "user.name", "Alice"]);
    demo.git(&["add", "NOTES.txt"]);
    demo.git(&["commit", "-qm", "our notes"]);
    let committed = demo.same_warm_and_cold("our notes committed");
    let merge = demo.sandbox.git_output(
        &demo.dir,
        &["pull", "-q", "--no-rebase", other.to_str().unwrap()],
    );
    assert!(!merge.status.success(), "the merge stops on NOTES.txt");
    let conflicted = demo.same_warm_and_cold("a merge with an unmerged path");
    assert!(
        conflicted.check.contains("NOTES.txt") && conflicted.check.contains("unmerged"),
        "{}",
        conflicted.check
    );
    // `check` as the first command on no cache: its own scan reads git's index.
    let _ = std::fs::remove_dir_all(demo.cache_dir());
    let check_first = demo.crm_in(&demo.dir, &["check", "--format", "json"]);
    assert_eq!(
        check_first, conflicted.check,
        "a cold check in the middle of a merge"
    );
    demo.git(&["merge", "--abort"]);
    let aborted = demo.same_warm_and_cold("the merge aborted");
    assert_same(&aborted, &committed, "the merge undone");
    demo.git(&["reset", "-q", "--hard", "HEAD~1"]);

    // Damaged cache files: each is a miss, never a wrong result or a crash.
    let index = demo.cache_dir().join("index.bin");
    let bytes = std::fs::read(&index).unwrap();
    std::fs::write(&index, &bytes[..bytes.len() / 2]).unwrap();
    assert_same(&demo.outputs(), &pulled, "a truncated index");
    let mut flipped = std::fs::read(&index).unwrap();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    std::fs::write(&index, flipped).unwrap();
    assert_same(&demo.outputs(), &pulled, "an index with a flipped byte");
    std::fs::write(&index, b"not a cache at all").unwrap();
    assert_same(&demo.outputs(), &pulled, "an index of garbage");
    demo.outputs();
    let data = demo.data_file();
    let mut damaged = std::fs::read(&data).unwrap();
    for at in (0..damaged.len()).step_by(97) {
        damaged[at] ^= 0x01;
    }
    std::fs::write(&data, damaged).unwrap();
    assert_same(
        &demo.outputs(),
        &pulled,
        "a data file with damaged segments",
    );
    let data = demo.data_file();
    let len = std::fs::metadata(&data).unwrap().len();
    std::fs::File::options()
        .write(true)
        .open(&data)
        .unwrap()
        .set_len(len / 3)
        .unwrap();
    assert_same(&demo.outputs(), &pulled, "a truncated data file");
    std::fs::remove_file(demo.data_file()).unwrap();
    assert_same(&demo.outputs(), &pulled, "a missing data file");
    // A FIFO in place of either file is refused without waiting for a writer.
    for file in [demo.data_file(), index.clone()] {
        std::fs::remove_file(&file).unwrap();
        make_fifo(&file);
        assert_same(&demo.outputs(), &pulled, "a FIFO in the cache");
        assert!(demo.cache_files().iter().all(|f| f.is_file()), "rewritten");
    }

    // A stale but intact cache: the cache of an earlier state put back after a change.
    settle();
    demo.outputs();
    let saved = demo.sandbox.path().join("saved-cache");
    copy_dir(&demo.cache_dir(), &saved);
    let file = demo.path(&format!("customers/{first}/customer.yaml"));
    edit_keeping_mtime(&file, "status: active", "status: paused");
    let changed = demo.cold();
    assert_changed(&pulled, &changed, "pausing the customer again");
    std::fs::remove_dir_all(demo.cache_dir()).unwrap();
    copy_dir(&saved, &demo.cache_dir());
    assert_same(
        &demo.outputs(),
        &changed,
        "the cache of the state before the edit",
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// What `check` decides for the clock is decided for each run's `now`: a run with the clock set
/// back (records now in the future) or forward (customers now stale) after a cached run gives
/// what a cold run gives at that time.
#[test]
fn clock_dependent_checks_follow_the_clock_of_each_run() {
    let demo = Demo::new();
    let check_at = |now: &str| {
        let output = demo
            .sandbox
            .cmd_in(&demo.dir)
            .env("GITCRM_NOW", now)
            .args(["check", "--format", "json"])
            .output()
            .expect("git-crm runs");
        String::from_utf8(output.stdout).unwrap()
    };
    let at_now = check_at(NOW);
    for now in ["2026-10-15T12:00:00Z", "2027-03-01T12:00:00Z", NOW] {
        let warm = check_at(now);
        let _ = std::fs::remove_dir_all(demo.cache_dir());
        let cold = check_at(now);
        assert_eq!(warm, cold, "check at {now}: warm and cold differ");
        if now != NOW {
            assert_ne!(cold, at_now, "check at {now} finds what it finds at {NOW}");
        }
        check_at(NOW);
    }
}

impl Demo {
    /// Installs `script` as the store's `core.fsmonitor` hook.
    fn use_hook(&self, script: &str) {
        let hook = self.sandbox.path().join("fsmonitor-hook");
        write_executable(&hook, script);
        self.git(&["config", "core.fsmonitor", hook.to_str().unwrap()]);
    }
}

/// With a hook that reports what changed, the scan stats only the folders it names, and every
/// warm result still equals the cold one: after edits, a deletion, an untracked file, a new
/// customer folder, a checkout of another branch.
#[test]
fn with_an_fsmonitor_hook_warm_and_cold_still_agree() {
    let demo = Demo::new();
    demo.use_hook(FSMONITOR_HOOK);
    let base = demo.same_warm_and_cold("the demo store with a hook");
    let first = demo.customers()[0].clone();

    let customer_file = demo.path(&format!("customers/{first}/customer.yaml"));
    let original = std::fs::read_to_string(&customer_file).unwrap();
    std::fs::write(
        &customer_file,
        original.replacen("status: active", "status: paused", 1),
    )
    .unwrap();
    let paused = demo.same_warm_and_cold("an edit the hook reports");
    assert_changed(&base, &paused, "pausing a customer");
    std::fs::write(&customer_file, &original).unwrap();
    let undone = demo.same_warm_and_cold("the edit undone");
    assert_same(&undone, &base, "the undo gives the first state back");

    demo.delete_and_add_untracked(&first, &base);

    let second = demo.customers()[1].clone();
    let moved = demo.path("customers/zz-new-folder");
    copy_dir(&demo.path(&format!("customers/{second}")), &moved);
    demo.same_warm_and_cold("a new folder");
    std::fs::remove_dir_all(&moved).unwrap();

    let branch = demo.git(&["rev-parse", "--abbrev-ref", "HEAD"]);
    demo.git(&["checkout", "-q", "-b", "older", "HEAD~10"]);
    let older = demo.same_warm_and_cold("a checkout of an older branch");
    assert_changed(&base, &older, "the checkout");
    demo.git(&["checkout", "-q", &branch]);
    let back = demo.same_warm_and_cold("the checkout back");
    assert_same(&back, &base, "back on the branch");
}

/// The hook's answer is what the scan goes by: a hook that vouches nothing changed hides an
/// edit (as it hides it from `git status`), a hook that answers `/` or fails makes the scan
/// stat everything again. This is what shows the hook is used at all.
#[test]
fn the_scan_goes_by_what_the_hook_says() {
    let demo = Demo::new();
    let quiet = "#!/bin/sh\nprintf 'quiet-token\\0'\n";
    demo.use_hook(quiet);
    // The first answer is not trusted (no token was saved yet): the scan stats everything and
    // keeps the token. Settled, so no stat data in the tables is racy.
    settle();
    let base = demo.outputs();
    let again = demo.outputs();
    assert_same(&again, &base, "a second run with the token saved");

    let first = demo.customers()[0].clone();
    let customer_file = demo.path(&format!("customers/{first}/customer.yaml"));
    let original = std::fs::read_to_string(&customer_file).unwrap();
    std::fs::write(
        &customer_file,
        original.replacen("status: active", "status: paused", 1),
    )
    .unwrap();
    let cold = {
        let saved = demo.sandbox.path().join("saved-cache");
        copy_dir(&demo.cache_dir(), &saved);
        let cold = demo.cold();
        std::fs::remove_dir_all(demo.cache_dir()).unwrap();
        copy_dir(&saved, &demo.cache_dir());
        cold
    };
    assert_changed(&base, &cold, "pausing a customer");
    assert_same(
        &demo.outputs(),
        &base,
        "the hook vouched that nothing changed",
    );

    demo.use_hook("#!/bin/sh\nprintf 'all-token\\0/\\0'\n");
    settle();
    assert_same(&demo.outputs(), &cold, "the hook answered `/`");
    // The cache now holds the paused customer with settled stat data: only a scan that stats
    // the folder again sees the undo.
    std::fs::write(&customer_file, &original).unwrap();
    demo.use_hook("#!/bin/sh\nexit 1\n");
    assert_same(&demo.outputs(), &base, "the hook failed");
}
