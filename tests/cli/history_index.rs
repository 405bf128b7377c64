//! `history` with git-crm's history index (`<git dir>/gitcrm/history/`): the output is the
//! one the walk over the trees gives (`GITCRM_HISTORY_INDEX=off`), byte for byte, after every
//! way a clone's history moves and with any damage to the index file.

use crate::support::{TestStore, make_fifo, succeeded};

const INDEX: &str = ".git/gitcrm/history/customers.bin";

/// `history <slug>` as text and as JSON, with the index (read, extended or built) and without.
fn same_with_and_without_index(store: &TestStore, slug: &str) -> String {
    let run = |off: bool, args: &[&str]| {
        let mut cmd = store.cmd();
        if off {
            cmd.env("GITCRM_HISTORY_INDEX", "off");
        }
        let out = cmd.args(args).output().unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let mut all = String::new();
    for args in [
        &["history", slug, "--format", "json"][..],
        &["history", slug][..],
    ] {
        let without = run(true, args);
        let with = run(false, args);
        assert_eq!(with, without, "{args:?}");
        // Once more, from the index as written.
        assert_eq!(run(false, args), without, "{args:?}, read back");
        all.push_str(&with);
    }
    assert!(store.path(INDEX).is_file(), "history writes its index");
    all
}

/// Alice's customer with a few commits, another customer's commits in between.
fn store_with_history() -> (TestStore, String) {
    let store = TestStore::new();
    store.add_person("bob", None);
    let acme = store.add_customer_with("Acme Corp", &["--field", "tier=gold"]);
    let other = store.add_customer("Globex");
    store.log(&acme, "call", "outbound", "Called about the renewal", &[]);
    store.note(&other, "Unrelated");
    store.run(&["customer", "edit", &acme, "--set", "status=active"]);
    store.note(&acme, "Renewal signed");
    (store, acme)
}

#[test]
fn new_commits_and_renames_extend_the_index() {
    let (store, acme) = store_with_history();
    same_with_and_without_index(&store, &acme);
    let size = std::fs::metadata(store.path(INDEX)).unwrap().len();
    store.note(&acme, "After the index");
    store.note("globex", "Also after");
    let after = same_with_and_without_index(&store, &acme);
    assert!(after.contains("After the index"), "{after}");
    assert!(std::fs::metadata(store.path(INDEX)).unwrap().len() > size);
    // `customer rename`, then a plain `git mv`: the walk follows both.
    store.run(&["customer", "rename", &acme, "acme"]);
    store.note("acme", "Under the new name");
    let renamed = same_with_and_without_index(&store, "acme");
    assert!(renamed.contains("renamed acme-corp -> acme"), "{renamed}");
    store.git(&["mv", "customers/acme", "customers/acme-inc"]);
    store.git(&["commit", "-q", "-m", "Move acme"]);
    let moved = same_with_and_without_index(&store, "acme-inc");
    assert!(moved.contains("renamed acme -> acme-inc"), "{moved}");
    assert!(moved.contains("Called about the renewal"), "{moved}");
}

#[test]
fn a_checkout_and_a_rewritten_history_are_told_as_they_are() {
    let (store, acme) = store_with_history();
    let main = same_with_and_without_index(&store, &acme);
    store.git(&["checkout", "-q", "-b", "topic", "HEAD~2"]);
    store.note(&acme, "Only on topic");
    let topic = same_with_and_without_index(&store, &acme);
    assert!(topic.contains("Only on topic") && !topic.contains("Renewal signed"));
    store.git(&["checkout", "-q", "main"]);
    assert_eq!(same_with_and_without_index(&store, &acme), main);
    // An amended commit, then a reset and new commits: the old commits stay in the index,
    // unreachable (fewer than half of it: not pruned), and are never told.
    store.git(&["commit", "-q", "--amend", "-m", "Renewal signed, amended"]);
    let amended = same_with_and_without_index(&store, &acme);
    assert!(amended.contains("amended"), "{amended}");
    store.git(&["reset", "-q", "--hard", "HEAD~2"]);
    store.note(&acme, "After the reset");
    store.note(&acme, "And another");
    let reset = same_with_and_without_index(&store, &acme);
    assert!(reset.contains("After the reset") && !reset.contains("Renewal signed"));
}

/// Commits no ref reaches any more (a reset far back) are dropped from the index on its next
/// extension once they are more than half of it; a branch that holds them keeps them.
#[test]
fn commits_no_ref_reaches_are_dropped_unless_a_branch_holds_them() {
    for keep in [false, true] {
        let (store, acme) = store_with_history();
        same_with_and_without_index(&store, &acme);
        let base = std::fs::metadata(store.path(INDEX)).unwrap().len();
        for i in 0..12 {
            store.note("globex", &format!("Note {i}"));
        }
        same_with_and_without_index(&store, &acme);
        let grown = std::fs::metadata(store.path(INDEX)).unwrap().len();
        if keep {
            store.git(&["branch", "keep"]);
        }
        store.git(&["reset", "-q", "--hard", "HEAD~12"]);
        store.note(&acme, "After the reset");
        let told = same_with_and_without_index(&store, &acme);
        assert!(told.contains("After the reset"), "{told}");
        let size = std::fs::metadata(store.path(INDEX)).unwrap().len();
        if keep {
            assert!(size > grown, "kept: {size} after {grown}");
        } else {
            assert!(
                size > base && size < grown / 2,
                "{base} < {size} < {grown} / 2"
            );
        }
    }
}

#[test]
fn a_merge_is_told_only_for_what_it_decided() {
    let store = TestStore::new();
    let acme = store.add_customer_with("Acme", &["--field", "tier=gold"]);
    same_with_and_without_index(&store, &acme);
    store.git(&["checkout", "-q", "-b", "topic"]);
    store.run(&["customer", "edit", &acme, "--set", "status=active"]);
    store.git(&["checkout", "-q", "main"]);
    store.run(&["customer", "edit", &acme, "--set", "fields.tier=silver"]);
    store.note("acme", "On main");
    let merge = store.sandbox.git_with_crm(
        store.root(),
        &["merge", "-q", "--no-ff", "--no-edit", "topic"],
    );
    assert!(merge.status.success());
    let merged = same_with_and_without_index(&store, &acme);
    assert!(!merged.contains("Merge branch"), "{merged}");
}

#[test]
fn a_damaged_truncated_or_foreign_index_is_rebuilt() {
    let (store, acme) = store_with_history();
    let told = same_with_and_without_index(&store, &acme);
    let good = std::fs::read(store.path(INDEX)).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x40;
    // Another version's stamp, with a checksum that matches it.
    let version = env!("CARGO_PKG_VERSION");
    let text = String::from_utf8_lossy(&good).into_owned();
    assert!(text.contains(version));
    let mut foreign = good.clone();
    let at = good
        .windows(version.len())
        .position(|w| w == version.as_bytes())
        .unwrap();
    foreign[at] = if foreign[at] == b'9' { b'8' } else { b'9' };
    let body = foreign.len() - 4;
    let sum = crc32fast::hash(&foreign[..body]).to_le_bytes();
    foreign[body..].copy_from_slice(&sum);
    for bad in [
        flipped,
        good[..good.len() - 9].to_vec(),
        good[..3].to_vec(),
        Vec::new(),
        foreign,
        b"not an index at all".to_vec(),
    ] {
        std::fs::write(store.path(INDEX), &bad).unwrap();
        assert_eq!(same_with_and_without_index(&store, &acme), told);
        assert_eq!(std::fs::read(store.path(INDEX)).unwrap(), good, "rebuilt");
    }
}

#[test]
fn an_index_that_cannot_be_written_changes_nothing() {
    let (store, acme) = store_with_history();
    // A file where the index folder goes: nothing can be written below it.
    std::fs::create_dir_all(store.path(".git/gitcrm")).unwrap();
    std::fs::write(store.path(".git/gitcrm/history"), "in the way").unwrap();
    let without = store
        .cmd()
        .env("GITCRM_HISTORY_INDEX", "off")
        .args(["history", &acme])
        .output()
        .unwrap();
    let out = store.cmd().args(["history", &acme]).output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty());
    assert_eq!(out.stdout, without.stdout);
}

#[test]
fn a_fifo_or_a_link_in_place_of_the_index_is_neither_waited_on_nor_followed() {
    let (store, acme) = store_with_history();
    let told = same_with_and_without_index(&store, &acme);
    let good = std::fs::read(store.path(INDEX)).unwrap();
    // A FIFO: opened without blocking, refused, and replaced by the index rebuilt.
    std::fs::remove_file(store.path(INDEX)).unwrap();
    make_fifo(&store.path(INDEX));
    let args = ["history", acme.as_str()];
    let out = store
        .cmd()
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    succeeded(&args, out);
    assert_eq!(std::fs::read(store.path(INDEX)).unwrap(), good, "rebuilt");
    // A link to a valid index elsewhere is not read through, and the write replaces the
    // link, not what it points to.
    let elsewhere = store.sandbox.path().join("elsewhere.bin");
    std::fs::write(&elsewhere, b"kept as it is").unwrap();
    std::fs::remove_file(store.path(INDEX)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, store.path(INDEX)).unwrap();
    assert_eq!(same_with_and_without_index(&store, &acme), told);
    assert!(!store.path(INDEX).is_symlink(), "the link is replaced");
    assert_eq!(std::fs::read(&elsewhere).unwrap(), b"kept as it is");
}
