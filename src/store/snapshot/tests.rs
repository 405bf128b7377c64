//! The fast path and the cache give exactly what reading every file from the work tree gives,
//! whatever state the work tree is in.

use std::path::Path;

use super::{LoadStats, Snapshot};
use crate::Store;
use crate::demo::{DemoOptions, build};
use crate::store::load::bundles;

fn demo() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let options = DemoOptions {
        customers: Some(6),
        interactions: Some(200),
        seed: 7,
    };
    build(&dir, &options, &|_, _, _| {}).unwrap();
    let store = Store::open(&dir).unwrap();
    (tmp, store)
}

/// Loads through the snapshot and compares with the one-file-at-a-time reader.
#[track_caller]
fn same_as_direct(store: &Store) -> LoadStats {
    let (snapshot, stats) = Snapshot::work_tree_with_stats(store, true).unwrap();
    let fast = bundles(snapshot).unwrap();
    let direct = store.load_all_direct().unwrap();
    assert_eq!(fast.len(), direct.len());
    for (a, b) in fast.iter().zip(&direct) {
        assert_eq!(a, b, "bundle {}", b.path);
    }
    assert_eq!(store.load_all().unwrap(), direct);
    stats
}

fn cache_file(store: &Store) -> std::path::PathBuf {
    super::cache::dir(store.repo_root())
        .unwrap()
        .join("index.bin")
}

fn first_file(store: &Store, dir: &str) -> String {
    let slug = store.customer_slugs().unwrap()[0].clone();
    let rel = format!("customers/{slug}/{dir}");
    let mut names: Vec<_> = std::fs::read_dir(store.path(&rel))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    format!("{rel}/{}", names[0])
}

/// Makes every index entry older than the index, so stat data decides (as it does for a store
/// that was not written in the last second).
fn age_files(store: &Store) {
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(store.path("customers")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            std::fs::File::options()
                .write(true)
                .open(entry.path())
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
    }
    // Refresh the index's stat data, as `git status` would.
    let out = std::process::Command::new("git")
        .args(["update-index", "--refresh", "-q"])
        .current_dir(store.repo_root())
        .output()
        .unwrap();
    assert!(out.status.success() || out.status.code() == Some(1));
}

#[test]
fn every_load_path_gives_the_same_records() {
    let (_tmp, store) = demo();
    age_files(&store);
    let _ = std::fs::remove_file(cache_file(&store));

    // Cold: everything parsed, read from the object database.
    let cold = same_as_direct(&store);
    assert!(cold.parsed > 200, "{cold:?}");
    assert!(cold.from_objects > 200, "{cold:?}");
    assert_eq!(cold.from_disk, 0, "{cold:?}");
    assert!(cache_file(&store).is_file());

    // Warm: nothing parsed, nothing read.
    let warm = same_as_direct(&store);
    assert_eq!(warm, LoadStats::default());

    // A tracked file edited in the work tree: read from disk, parsed again.
    let edited = first_file(&store, "interactions");
    let text = std::fs::read_to_string(store.path(&edited)).unwrap();
    let text = text.replacen("summary:", "summary: edited,", 1);
    std::fs::write(store.path(&edited), &text).unwrap();
    let dirty = same_as_direct(&store);
    assert_eq!((dirty.from_disk, dirty.parsed), (1, 1), "{dirty:?}");
    let fast = store.load_all().unwrap();
    assert!(
        fast.iter()
            .flat_map(|b| &b.interactions)
            .any(|i| i.path == edited && i.record.summary.starts_with("edited,"))
    );

    // An untracked new record.
    let note = first_file(&store, "notes");
    let dir = note.rsplit_once('/').unwrap().0;
    let copy = format!("{dir}/20200101T000000Z-abcdef01.yaml");
    std::fs::copy(store.path(&note), store.path(&copy)).unwrap();
    same_as_direct(&store);

    // A deleted record.
    std::fs::remove_file(store.path(&first_file(&store, "interactions"))).unwrap();
    same_as_direct(&store);

    // A corrupt cache is ignored.
    std::fs::write(cache_file(&store), b"not a cache").unwrap();
    let recovered = same_as_direct(&store);
    assert!(recovered.parsed > 200, "{recovered:?}");
}

#[test]
fn a_revision_loads_like_its_checkout() {
    let (_tmp, store) = demo();
    let committed = bundles(Snapshot::revision(&store, "HEAD").unwrap()).unwrap();
    assert_eq!(committed, store.load_all_direct().unwrap());
}

#[test]
fn bad_files_are_reported_not_loaded() {
    let (_tmp, store) = demo();
    let victim = first_file(&store, "tasks");
    std::fs::write(store.path(&victim), "id: [\n").unwrap();
    let err = store.load_all().unwrap_err().to_string();
    assert!(err.starts_with(&format!("{victim}:")), "{err}");
    // Cached, the same error.
    let err2 = store.load_all().unwrap_err().to_string();
    assert_eq!(err, err2);
    assert!(Path::new(&cache_file(&store)).is_file());
}
