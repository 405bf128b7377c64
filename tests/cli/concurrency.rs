//! Several `git-crm log` processes on one store at the same time: every one succeeds, every
//! record lands in HEAD in its own commit, and the repository stays consistent.

use std::process::Stdio;
use std::sync::Barrier;

use crate::support::{TestStore, short_id_in};

/// Starts `n` `log` processes as close together as threads allow and returns their outputs.
fn log_concurrently(store: &TestStore, n: usize, slugs: &[&str]) -> Vec<std::process::Output> {
    run_concurrently(store, n, |i| {
        let direction = if i % 2 == 0 { "inbound" } else { "outbound" };
        [
            "log",
            slugs[i % slugs.len()],
            "-c",
            "email",
            "-d",
            direction,
            "-s",
            &format!("parallel {i}"),
        ]
        .map(str::to_string)
        .to_vec()
    })
}

fn check(store: &TestStore, n: usize, slugs: &[&str]) {
    let commits = store.commit_count();
    let outputs = log_concurrently(store, n, slugs);
    let mut ids = Vec::new();
    for (i, out) in outputs.iter().enumerate() {
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "process {i} failed: {}\n{}",
            stdout,
            String::from_utf8_lossy(&out.stderr)
        );
        ids.push(short_id_in(&stdout).expect("short id printed"));
    }

    assert_eq!(store.commit_count(), commits + n, "one commit per log");
    let tree = store.head_files();
    for id in &ids {
        let hits: Vec<&String> = tree
            .iter()
            .filter(|p| p.contains("/interactions/") && p.ends_with(&format!("-{id}.yaml")))
            .collect();
        assert_eq!(hits.len(), 1, "{id} in HEAD: {tree:?}");
    }
    let interactions = tree.iter().filter(|p| p.contains("/interactions/")).count();
    assert_eq!(interactions, n);

    // Each of the new commits adds exactly one file, and has the Crm trailers.
    let log = store.git(&["log", &format!("-{n}"), "--format=%H"]);
    for commit in log.lines() {
        let files = store.git(&["show", "--name-status", "--format=", commit]);
        assert_eq!(files.lines().count(), 1, "{commit}: {files}");
        assert!(files.starts_with("A\tcustomers/"), "{files}");
        let message = store.git(&["log", "-1", "--format=%B", commit]);
        assert!(message.contains("\nCrm-Op: interaction.add\n"), "{message}");
    }
    // Every summary is there once.
    let mut summaries: Vec<String> = tree
        .iter()
        .filter(|p| p.contains("/interactions/"))
        .map(|p| {
            store
                .read(p)
                .lines()
                .find_map(|l| l.strip_prefix("summary: ").map(str::to_string))
                .unwrap()
        })
        .collect();
    summaries.sort();
    let mut expected: Vec<String> = (0..n).map(|i| format!("parallel {i}")).collect();
    expected.sort();
    assert_eq!(summaries, expected);

    store.status_clean();
    store.git(&["fsck", "--strict", "--no-progress"]);
    let head_tree = store.git(&["rev-parse", "HEAD^{tree}"]);
    let index_tree = store.git(&["write-tree"]);
    assert_eq!(head_tree, index_tree, "the index matches HEAD");
}

#[test]
fn two_logs_at_once() {
    let store = TestStore::new();
    store.add_customer("Acme");
    check(&store, 2, &["acme"]);
}

#[test]
fn eight_logs_at_once_on_two_customers() {
    let store = TestStore::new();
    store.add_customer("Acme");
    store.add_customer("Globex");
    check(&store, 8, &["acme", "globex"]);
}

/// Runs `git-crm <args_for(i)>` for `i` in `0..n` at the same time and returns the outputs.
fn run_concurrently(
    store: &TestStore,
    n: usize,
    args_for: impl Fn(usize) -> Vec<String> + Sync,
) -> Vec<std::process::Output> {
    let barrier = Barrier::new(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .map(|i| {
                let barrier = &barrier;
                let args = args_for(i);
                let mut cmd = store.std_cmd();
                cmd.args(&args)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                scope.spawn(move || {
                    barrier.wait();
                    cmd.output().expect("git-crm runs")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn concurrent_adds_of_one_slug_let_exactly_one_win() {
    let store = TestStore::new();
    for round in 0..3 {
        let name = format!("Acme {round}");
        let outputs = run_concurrently(&store, 8, |i| {
            ["customer", "add", &name, "--field", &format!("writer={i}")]
                .map(str::to_string)
                .to_vec()
        });
        let winners: Vec<usize> = (0..8).filter(|i| outputs[*i].status.success()).collect();
        assert_eq!(
            winners.len(),
            1,
            "round {round}: processes {winners:?} all reported success"
        );
        for (i, out) in outputs.iter().enumerate() {
            if !out.status.success() {
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(err.contains("already exists"), "process {i}: {err}");
            }
        }
        let yaml = store.read(&format!("customers/acme-{round}/customer.yaml"));
        assert!(
            yaml.contains(&format!("writer: {}\n", winners[0])),
            "{yaml}"
        );
        store.status_clean();
    }
}

#[test]
fn concurrent_edits_of_one_customer_keep_every_change() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let outputs = run_concurrently(&store, 8, |i| {
        ["customer", "edit", "acme", "--add-tag", &format!("t{i}")]
            .map(str::to_string)
            .to_vec()
    });
    let ok = outputs.iter().filter(|o| o.status.success()).count();
    let json = store.json(&["customer", "show", "acme", "--format", "json"]);
    let tags = json["card"]["customer"]["tags"].as_array().unwrap().len();
    // Either an edit fails visibly, or its tag is there: none is silently lost.
    assert_eq!(tags, ok, "{ok} edits reported success, {tags} tags kept");
    store.status_clean();
}
