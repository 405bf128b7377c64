use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, NaiveTime};

use super::{DemoOptions, DemoReport, build_at};
use crate::Store;
use crate::model::records::Direction;
use crate::model::threads::thread_states;

fn anchor() -> chrono::DateTime<chrono::Utc> {
    NaiveDate::from_ymd_opt(2026, 3, 18)
        .unwrap()
        .and_time(NaiveTime::MIN)
        .and_utc()
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Checks what every demo store must satisfy; returns (open threads, resolved threads, pending
/// handoffs).
fn check_store(report: &DemoReport) -> (usize, usize, usize) {
    let root = &report.root;
    assert_eq!(
        git(root, &["status", "--porcelain"]),
        "",
        "work tree is clean"
    );
    git(root, &["fsck", "--no-progress"]);
    let files = git(root, &["ls-files"]);
    let unique: std::collections::BTreeSet<&str> = files.lines().collect();
    assert_eq!(
        unique.len(),
        files.lines().count(),
        "no path is in the index twice"
    );
    let store = Store::open(root).unwrap();
    let bundles = store.load_all().unwrap();
    assert_eq!(bundles.len(), report.customers);
    let (mut open, mut resolved, mut interactions, mut notes, mut handoffs, mut tasks) =
        (0, 0, 0, 0, 0, 0);
    let mut pending = 0;
    for b in &bundles {
        let c = &b.customer;
        assert_eq!(b.path, format!("customers/{}/customer.yaml", c.slug));
        for who in c.owner.iter() {
            assert!(store.config().person(who).is_some(), "{who} is a person");
        }
        if let Some(last) = b.handoffs.iter().max_by_key(|h| (h.record.at, h.record.id)) {
            assert_eq!(
                c.owner, last.record.to.owner,
                "{}: owner is the last handoff's",
                c.slug
            );
            assert_eq!(
                c.team, last.record.to.team,
                "{}: team is the last handoff's",
                c.slug
            );
        }
        for w in b.handoffs.windows(2) {
            assert_eq!(
                w[0].record.to, w[1].record.from,
                "{}: handoffs chain",
                c.slug
            );
        }
        // Nothing is dated after the end of history.
        let end = anchor().fixed_offset();
        let times = b
            .interactions
            .iter()
            .flat_map(|i| [i.record.at, i.record.recorded_at]);
        let times = times
            .chain(b.notes.iter().map(|n| n.record.at))
            .chain(
                b.tasks
                    .iter()
                    .flat_map(|t| Some(t.record.created).into_iter().chain(t.record.done_at)),
            )
            .chain(
                b.handoffs
                    .iter()
                    .flat_map(|h| Some(h.record.at).into_iter().chain(h.record.accepted_at)),
            );
        for t in times {
            assert!(t <= end, "{}: {t} is after the end of history", c.slug);
        }
        // A pending handoff's new owner has not touched the customer since.
        if let Some(last) = b.handoffs.last().map(|h| &h.record)
            && last.accepted_at.is_none()
        {
            let new_owner = last.to.owner.as_deref().unwrap_or_default();
            let acted = b
                .interactions
                .iter()
                .any(|i| i.record.by == new_owner && i.record.at >= last.at)
                || b.notes
                    .iter()
                    .any(|n| n.record.by == new_owner && n.record.at >= last.at);
            if !acted {
                pending += 1;
            }
        }
        for i in &b.interactions {
            let i = &i.record;
            assert!(
                i.at <= i.recorded_at,
                "{}: logged after it happened",
                c.slug
            );
            assert!(store.config().knows_channel(&i.channel));
            if i.direction != Direction::Inbound {
                assert!(
                    store.config().person(&i.by).is_some(),
                    "{} is a person",
                    i.by
                );
            }
            assert!(
                b.interactions.iter().any(|t| t.record.id == i.thread),
                "thread starts in this customer"
            );
        }
        for s in thread_states(b.interactions.iter().map(|l| &l.record)) {
            if s.is_open() {
                open += 1
            } else {
                resolved += 1
            }
        }
        interactions += b.interactions.len();
        notes += b.notes.len();
        handoffs += b.handoffs.len();
        tasks += b.tasks.len();
    }
    assert_eq!(
        (interactions, notes, handoffs, tasks),
        (
            report.interactions,
            report.notes,
            report.handoffs,
            report.tasks
        )
    );
    assert!(store.has_customer(&report.sample_customer));
    (open, resolved, pending)
}

#[test]
fn small_demo_is_realistic_and_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("agency");
    let report = build_at(
        &dir,
        &DemoOptions {
            seed: 7,
            ..Default::default()
        },
        anchor(),
        &|_, _, _| {},
    )
    .unwrap();
    assert_eq!(report.customers, 36);
    let (open, resolved, pending) = check_store(&report);
    assert!(
        open >= 5 && resolved >= 50,
        "open {open}, resolved {resolved}"
    );
    assert!(
        report.interactions > 300 && report.notes > 20 && report.handoffs > 20 && report.tasks > 20,
        "{report:?}"
    );
    assert!(
        (100..=450).contains(&report.commits),
        "{} commits",
        report.commits
    );

    let store = Store::open(&report.root).unwrap();
    let bundles = store.load_all().unwrap();
    let all: Vec<_> = bundles
        .iter()
        .flat_map(|b| b.interactions.iter().map(|l| &l.record))
        .collect();
    let channels: std::collections::BTreeSet<&str> =
        all.iter().map(|i| i.channel.as_str()).collect();
    assert_eq!(channels.len(), 8, "every channel is used: {channels:?}");
    assert!(
        all.iter()
            .any(|i| i.actor == crate::model::Actor::Automation)
    );
    assert!(all.iter().any(|i| i.direction == Direction::Internal));
    assert!(
        bundles
            .iter()
            .flat_map(|b| &b.handoffs)
            .any(|h| h.record.accepted_at.is_some())
    );
    assert!(pending > 0, "some handoffs are still pending");
    let today = anchor().date_naive();
    let tasks: Vec<_> = bundles
        .iter()
        .flat_map(|b| &b.tasks)
        .map(|t| &t.record)
        .collect();
    assert!(tasks.iter().any(|t| t.done_at.is_some()));
    assert!(tasks.iter().any(|t| t.is_overdue(today)));
    assert!(
        tasks
            .iter()
            .any(|t| t.done_at.is_none() && t.due.is_some_and(|d| d > today))
    );

    // Several authors, merge commits, and every commit carries the trailers.
    let authors = git(&report.root, &["log", "--format=%an"]);
    let authors: std::collections::BTreeSet<&str> = authors.lines().collect();
    assert!(authors.len() >= 7, "{authors:?}");
    let merges = git(&report.root, &["rev-list", "--merges", "--count", "HEAD"]);
    assert_eq!(merges.trim(), "2");
    let subjects = git(
        &report.root,
        &["log", "--format=%s%n%(trailers:key=Crm-Op,valueonly)"],
    );
    assert!(subjects.contains("merge: import/leads"));
    assert!(subjects.contains("import: "));
    let bodies = git(
        &report.root,
        &[
            "log",
            "--format=%(trailers:key=Crm-Actor,valueonly,separator=)|",
        ],
    );
    assert!(
        bodies.split('|').filter(|s| !s.trim().is_empty()).count() as usize >= report.commits - 1
    );
    let branch = git(&report.root, &["rev-parse", "--abbrev-ref", "HEAD"]);
    assert_eq!(branch.trim(), "main");
    // Commit dates are in the past and ordered.
    let dates = git(
        &report.root,
        &["log", "--format=%at", "--first-parent", "--reverse"],
    );
    let dates: Vec<i64> = dates.lines().map(|l| l.parse().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    assert!(*dates.last().unwrap() <= anchor().timestamp());

    // The same seed builds the same files.
    let again = tmp.path().join("again");
    let report2 = build_at(
        &again,
        &DemoOptions {
            seed: 7,
            ..Default::default()
        },
        anchor(),
        &|_, _, _| {},
    )
    .unwrap();
    assert_eq!(
        git(&report.root, &["rev-parse", "HEAD^{tree}"]),
        git(&report2.root, &["rev-parse", "HEAD^{tree}"])
    );
    assert_eq!(report.sample_customer, report2.sample_customer);
}

#[test]
fn large_demo_is_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("big");
    let options = DemoOptions {
        customers: Some(30),
        interactions: Some(2000),
        seed: 3,
    };
    let calls = std::sync::Mutex::new(BTreeMap::<String, u64>::new());
    let report = build_at(&dir, &options, anchor(), &|stage, _, _| {
        *calls.lock().unwrap().entry(stage.to_string()).or_default() += 1;
    })
    .unwrap();
    assert_eq!(report.customers, 30);
    assert_eq!(report.interactions, 2000);
    let (open, resolved, _) = check_store(&report);
    assert!(open > 0 && resolved > 0);
    assert!(
        report.handoffs > 0 && report.notes > 100 && report.tasks > 50,
        "{report:?}"
    );
    assert!(calls.lock().unwrap().contains_key("generate"));
    let commits = report.commits;
    assert!((20..=80).contains(&commits), "{commits} commits");
    // Progress moves with every commit of the history (after a call that starts the stage).
    let bulk: u64 = git(
        &report.root,
        &["rev-list", "--count", "--grep=^Crm-Op: demo.bulk$", "HEAD"],
    )
    .trim()
    .parse()
    .unwrap();
    assert!(bulk > 10, "{bulk} bulk commits");
    assert_eq!(calls.lock().unwrap()["commit"], bulk + 1);
    // The commits written in-process are the ones `git fast-import` made from the same plan
    // before (this id is what the fast-import build gave for these arguments).
    assert_eq!(
        git(&report.root, &["rev-parse", "HEAD"]).trim(),
        "0e317f95abef46e5b99e6fd940a83d3c9abb21bf"
    );
    assert_eq!(git(&report.root, &["status", "--porcelain"]), "");
    git(&report.root, &["fsck", "--strict", "--no-dangling"]);
    // Every object is in one pack with its index, and git can repack it.
    let packs = git(&report.root, &["count-objects", "-v"]);
    assert!(packs.contains("\npacks: 1\n"), "{packs}");
    git(&report.root, &["gc", "--quiet"]);
    assert_eq!(git(&report.root, &["status", "--porcelain"]), "");
}

#[test]
fn refuses_a_folder_in_use() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("file"), "x").unwrap();
    let err = build_at(tmp.path(), &DemoOptions::default(), anchor(), &|_, _, _| {}).unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
}

/// Builds a demo where `DEMO_DIR` says, with `DEMO_CUSTOMERS` and `DEMO_INTERACTIONS` for a large
/// one, and prints the report and the time it took: `DEMO_DIR=/tmp/d cargo test --release --lib
/// demo::tests::manual -- --ignored --nocapture`.
#[test]
#[ignore]
fn manual() {
    let dir = std::env::var("DEMO_DIR").expect("DEMO_DIR");
    let num = |k: &str| std::env::var(k).ok().and_then(|v| v.parse().ok());
    let options = DemoOptions {
        customers: num("DEMO_CUSTOMERS"),
        interactions: num("DEMO_INTERACTIONS"),
        seed: num("DEMO_SEED").unwrap_or(0) as u64,
    };
    let t = std::time::Instant::now();
    // DEMO_ANCHOR=test uses the tests' fixed end of history instead of today.
    let end = match std::env::var("DEMO_ANCHOR").as_deref() {
        Ok("test") => anchor(),
        _ => chrono::Utc::now()
            .date_naive()
            .and_time(NaiveTime::MIN)
            .and_utc(),
    };
    let report = build_at(Path::new(&dir), &options, end, &|stage, done, total| {
        eprintln!("{stage} {done}/{total} {:?}", t.elapsed())
    })
    .unwrap();
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    println!("took {:?}", t.elapsed());
}
