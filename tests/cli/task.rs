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
        .code(1)
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
        .code(1)
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
