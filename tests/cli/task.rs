//! `task add|list|done`.

use predicates::prelude::*;

use crate::support::{TestStore, stderr};

/// A store with Bob, customers `acme` and `globex`, and three tasks: Alice's overdue one on
/// acme, Bob's future one on acme and Alice's undated one on globex. Returns their ids.
fn store() -> (TestStore, [String; 3]) {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.add_customer("Acme");
    store.add_customer("Globex");
    let overdue = store.create(&[
        "task",
        "add",
        "acme",
        "Send contract",
        "--due",
        "2020-01-01",
    ]);
    let future = store.create(&[
        "task",
        "add",
        "acme",
        "Call back",
        "--assignee",
        "bob",
        "--due",
        "2999-12-31",
    ]);
    let undated = store.create(&["task", "add", "globex", "Someday"]);
    (store, [overdue, future, undated])
}

fn ids(json: &serde_json::Value) -> Vec<String> {
    json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let id = t["id"].as_str().unwrap();
            id[id.len() - 8..].to_string()
        })
        .collect()
}

#[test]
fn add_writes_a_task_and_commits() {
    let (store, [overdue, future, _]) = store();
    let path = store.record_path("acme", "tasks", &future);
    let yaml = store.read(&path);
    assert!(
        yaml.contains("\nby: alice\nassignee: bob\ndue: \"2999-12-31\"\ntitle: Call back\n"),
        "{yaml}"
    );
    assert!(!yaml.contains("done_at"));
    let overdue_yaml = store.read(&store.record_path("acme", "tasks", &overdue));
    assert!(
        overdue_yaml.contains("\nassignee: alice\ndue: \"2020-01-01\"\n"),
        "{overdue_yaml}"
    );
    let msg = store.git(&["log", "-1", "--skip=1", "--format=%B"]);
    assert!(
        msg.starts_with("task: add on acme for bob (alice)\n\nCrm-Op: task.add\nCrm-Ids: "),
        "{msg}"
    );
    store.status_clean();
}

#[test]
fn list_orders_by_due_date_and_filters() {
    let (store, [overdue, future, undated]) = store();
    let all = store.json(&["task", "list", "--format", "json"]);
    assert_eq!(all["version"], 1);
    assert_eq!(
        ids(&all),
        [overdue.as_str(), future.as_str(), undated.as_str()],
        "soonest due first, undated last"
    );
    assert_eq!(all["tasks"][0]["customer"], "acme");
    assert_eq!(all["tasks"][0]["overdue"], true);
    assert_eq!(all["tasks"][1]["overdue"], false);

    let table = store.run(&["task", "list"]);
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0],
        ["id", "customer", "assignee", "due", "title", "state"]
    );
    assert_eq!(
        rows[1],
        [
            overdue.as_str(),
            "acme",
            "alice",
            "2020-01-01",
            "Send",
            "contract",
            "overdue"
        ]
    );
    assert_eq!(
        rows[2],
        [
            future.as_str(),
            "acme",
            "bob",
            "2999-12-31",
            "Call",
            "back",
            "open"
        ]
    );
    assert_eq!(
        rows[3],
        [undated.as_str(), "globex", "alice", "Someday", "open"]
    );

    assert_eq!(
        ids(&store.json(&["task", "list", "--mine", "--format", "json"])),
        [overdue.as_str(), undated.as_str()]
    );
    assert_eq!(
        ids(&store.json(&["--as", "bob", "task", "list", "--mine", "--format", "json"])),
        [future.as_str()]
    );
    assert_eq!(
        ids(&store.json(&["task", "list", "--assignee", "bob", "--format", "json"])),
        [future.as_str()]
    );
    assert_eq!(
        ids(&store.json(&["task", "list", "--overdue", "--format", "json"])),
        [overdue.as_str()]
    );
    assert_eq!(
        ids(&store.json(&["task", "list", "--customer", "globex", "--format", "json"])),
        [undated.as_str()]
    );
    assert!(
        ids(&store.json(&[
            "task",
            "list",
            "--overdue",
            "--assignee",
            "bob",
            "--format",
            "json"
        ]))
        .is_empty()
    );
}

#[test]
fn done_by_prefix() {
    let (store, [overdue, future, undated]) = store();
    let out = store.run(&["task", "done", &overdue[..4]]);
    assert!(
        out.starts_with(&format!("done task {overdue} in commit ")),
        "{out}"
    );
    let yaml = store.read(&store.record_path("acme", "tasks", &overdue));
    assert!(yaml.contains("\ndone_at: \""), "{yaml}");
    assert!(
        store
            .head_message()
            .starts_with("task: done on acme (alice)\n\nCrm-Op: task.done\n")
    );
    store.status_clean();

    assert_eq!(
        ids(&store.json(&["task", "list", "--format", "json"])),
        [future.as_str(), undated.as_str()]
    );
    assert!(ids(&store.json(&["task", "list", "--overdue", "--format", "json"])).is_empty());
    let all = store.json(&["task", "list", "--all", "--format", "json"]);
    assert_eq!(
        ids(&all),
        [future.as_str(), undated.as_str(), overdue.as_str()],
        "done tasks last"
    );
    let table = store.run(&["task", "list", "--all"]);
    assert!(
        table
            .lines()
            .last()
            .unwrap()
            .trim_end()
            .ends_with("Send contract  done"),
        "{table}"
    );

    let head = store.head();
    let assert = store
        .cmd()
        .args(["task", "done", &overdue])
        .assert()
        .code(1);
    assert!(
        stderr(&assert).starts_with(&format!("error: task {overdue} was already done at ")),
        "{}",
        stderr(&assert)
    );
    store
        .cmd()
        .args(["task", "done", "ab"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a record id"))
        .stderr(predicate::str::contains("git crm task list"));
    store
        .cmd()
        .args(["task", "done", "ffff0000"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no task with id `ffff0000`"));
    assert_eq!(store.head(), head);
}

#[test]
fn add_errors() {
    let (store, _) = store();
    let head = store.head();
    store
        .cmd()
        .args(["task", "add", "acme", "X", "--due", "someday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--due: cannot read `someday` as a date",
        ));
    store
        .cmd()
        .args(["task", "add", "acme", "X", "--assignee", "bbo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `bob`?"));
    store
        .cmd()
        .args(["task", "add", "acme", " "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a task needs a title"));
    store
        .cmd()
        .args(["task", "add", "acmee", "X"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no customer `acmee`"));
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn relative_due_dates() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let id = store.create(&["task", "add", "acme", "Soon", "--due", "+3d"]);
    let json = store.json(&["task", "list", "--format", "json"]);
    let due =
        chrono::NaiveDate::parse_from_str(json["tasks"][0]["due"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap();
    let today = chrono::Utc::now().date_naive();
    assert!(
        (3..=4).contains(&(due - today).num_days()),
        "due {due}, today {today}"
    );
    assert!(ids(&json).contains(&id));
}

const NOW: &str = "2026-11-23T10:00:00Z";

#[test]
fn edit_reassigns_and_reopen_opens_again() {
    let (store, [overdue, future, _]) = store();
    let base = store.head();
    let out = store.run_at(
        NOW,
        &[
            "task",
            "edit",
            &overdue,
            "--title",
            "Send the contract",
            "--due",
            "friday",
        ],
    );
    assert!(
        out.starts_with(&format!("updated task {overdue} in commit ")),
        "{out}"
    );
    let yaml = store.read(&store.record_path("acme", "tasks", &overdue));
    assert!(
        yaml.contains("\ndue: \"2026-11-27\"\ntitle: Send the contract\n"),
        "{yaml}"
    );
    assert_eq!(
        store.git(&["log", "-1", "--format=%s"]),
        "task: edit on acme (title, due 2026-11-27) (alice)"
    );
    store.run_at(NOW, &["task", "edit", &overdue, "--assignee", "bob"]);
    assert_eq!(
        store.git(&["log", "-1", "--format=%s"]),
        "task: reassign on acme to bob (alice)"
    );
    store.run_at(NOW, &["task", "edit", &future, "--no-due"]);
    assert!(
        !store
            .read(&store.record_path("acme", "tasks", &future))
            .contains("due:")
    );
    store
        .cmd_at(NOW)
        .args(["task", "edit", &overdue, "--assignee", "bob"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to change"));
    store
        .cmd_at(NOW)
        .args(["task", "edit", &overdue, "--assignee", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no person `nobody`"));
    store
        .cmd_at(NOW)
        .args(["task", "reopen", &overdue])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not done"));
    store.run_at(NOW, &["--as", "bob", "task", "done", &overdue]);
    store
        .cmd_at(NOW)
        .args(["--as", "bob", "task", "done", &overdue])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "hint: `git crm task reopen <id>` opens it again",
        ));
    store.run_at(NOW, &["task", "reopen", &overdue]);
    assert!(
        !store
            .read(&store.record_path("acme", "tasks", &overdue))
            .contains("done_at")
    );
    // Task edits are work in progress, not rewrites of history.
    let review = store.run(&["review", &format!("{base}..HEAD")]);
    assert!(
        review.contains(&format!("updated task {overdue}")),
        "{review}"
    );
    assert!(!review.contains("after the fact"), "{review}");
    store.run(&["review", &format!("{base}..HEAD"), "--fail-on-problems"]);
    store.run(&["check"]);
    store.status_clean();
}

#[test]
fn recurring_tasks_add_their_next_occurrence_when_done() {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.add_customer("Acme");
    let first = store.create_at(
        NOW,
        &[
            "task",
            "add",
            "acme",
            "Weekly report",
            "--due",
            "friday",
            "--every",
            "1w",
            "--assignee",
            "bob",
        ],
    );
    let yaml = store.read(&store.record_path("acme", "tasks", &first));
    assert!(
        yaml.ends_with("due: \"2026-11-27\"\ntitle: Weekly report\nevery: 1w\n"),
        "{yaml}"
    );
    let list = store.run_at(NOW, &["task", "list"]);
    assert!(list.contains("Weekly report (every 1w)"), "{list}");

    // Two clones complete the same occurrence: both write the same next occurrence.
    let clone = store.sandbox.path().join("clone");
    store.sandbox.git_in(
        store.sandbox.path(),
        &["clone", "-q", store.root().to_str().unwrap(), "clone"],
    );
    store
        .sandbox
        .git_in(&clone, &["config", "user.email", "bob@example.com"]);
    store.run_at(
        "2026-11-26T16:00:00Z",
        &["--as", "bob", "task", "done", &first],
    );
    store
        .sandbox
        .cmd_in(&clone)
        .env("GITCRM_NOW", "2026-11-27T08:00:00Z")
        .args(["--as", "bob", "task", "done", &first])
        .assert()
        .success();
    assert_eq!(
        store.git(&["log", "-1", "--format=%s"]),
        "task: done on acme, next due 2026-12-04 (bob)"
    );
    let tasks = store.files_in("customers/acme/tasks");
    assert_eq!(tasks.len(), 2);
    let next = tasks
        .iter()
        .find(|p| !p.ends_with(&format!("-{first}.yaml")))
        .unwrap();
    let theirs = std::fs::read_to_string(clone.join(next)).expect("the same file in the clone");
    assert_eq!(
        store.read(next),
        theirs,
        "identical, so git merges them as one file"
    );
    assert!(
        theirs.contains("\ndue: \"2026-12-04\"\ntitle: Weekly report\nseries: "),
        "{theirs}"
    );

    // Its occurrence is done in turn: the one after is due a week later.
    let next_id = &next[next.len() - 13..next.len() - 5];
    store.run_at(
        "2026-12-04T09:00:00Z",
        &["--as", "bob", "task", "done", next_id],
    );
    let json = store.json(&["task", "list", "--format", "json"]);
    assert_eq!(json["tasks"][0]["due"], "2026-12-11");
    // Ending the series: the next completion adds nothing.
    store.run_at(NOW, &["task", "edit", &first, "--every", "never"]);
    let last = ids(&json)[0].clone();
    store.run_at(
        "2026-12-11T09:00:00Z",
        &["--as", "bob", "task", "done", &last],
    );
    assert!(
        store.json(&["task", "list", "--format", "json"])["tasks"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    store
        .cmd()
        .args(["task", "add", "acme", "X", "--every", "1h"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read `1h` as a recurrence"));
    store.run_at("2026-12-12T00:00:00Z", &["check"]);
}

#[test]
fn due_dates_read_the_time_grammar() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let due = |text: &str| {
        let id = store.create_at(NOW, &["task", "add", "acme", "X", "--due", text]);
        let yaml = store.read(&store.record_path("acme", "tasks", &id));
        yaml.lines()
            .find_map(|l| l.strip_prefix("due: "))
            .unwrap()
            .trim_matches('"')
            .to_string()
    };
    assert_eq!(due("tomorrow"), "2026-11-24");
    assert_eq!(due("next monday"), "2026-11-30");
    assert_eq!(due("in 2 weeks"), "2026-12-07");
    assert_eq!(due("+3d"), "2026-11-26");
    store
        .cmd_at(NOW)
        .args(["task", "add", "acme", "X", "--due", "3d"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: --due: `3d` is a duration, not a time\nhint: write `+3d` or `in 3d` for that long from now",
        ));
    store
        .cmd_at(NOW)
        .args(["task", "add", "acme", "X", "--due", "01/12/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("date_order: dmy"));
    store.replace_line(
        ".gitcrm/config.yaml",
        "# date_order: dmy",
        "date_order: dmy",
    );
    store.commit_all("day first");
    assert_eq!(due("01/12/2026"), "2026-12-01");
}
