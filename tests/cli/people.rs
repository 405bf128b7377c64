//! `person add|list` and `team add|list`: edits of `.gitcrm/config.yaml` that keep hand edits.

use predicates::prelude::*;

use crate::support::{TestStore, stderr, stdout};

#[test]
fn person_add_writes_config_and_commits() {
    let store = TestStore::new();
    store.run(&["team", "add", "sales"]);
    let out = store.run(&[
        "person",
        "add",
        "bob",
        "--name",
        "Bob Stone",
        "--email",
        "bob@example.com",
        "--team",
        "sales",
        "--role",
        "sales",
    ]);
    assert!(out.starts_with("added person bob in commit "), "{out}");
    let config = store.read(".gitcrm/config.yaml");
    assert!(
        config.contains(
            "  bob:\n    name: Bob Stone\n    emails:\n    - bob@example.com\n    teams:\n    - sales\n    role: sales\n"
        ),
        "{config}"
    );
    assert_eq!(
        store.head_message(),
        "person: add bob (Bob Stone)\n\nCrm-Op: person.add\nCrm-Actor: alice"
    );
    assert_eq!(store.head_author(), "Alice Martin <alice@example.com>");
    store.status_clean();

    let table = store.run(&["person", "list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(
        lines[0]
            .split_whitespace()
            .eq(["handle", "name", "emails", "teams", "role"]),
        "columns empty for everyone take no room: {table}"
    );
    assert!(
        lines[1]
            .split_whitespace()
            .eq(["alice", "Alice", "Martin", "alice@example.com"])
    );
    assert!(lines[2].split_whitespace().eq([
        "bob",
        "Bob",
        "Stone",
        "bob@example.com",
        "sales",
        "sales"
    ]));

    let json = store.json(&["person", "list", "--format", "json"]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["people"]["bob"]["name"], "Bob Stone");
    assert_eq!(json["people"]["bob"]["emails"][0], "bob@example.com");
    assert_eq!(json["people"]["bob"]["teams"], serde_json::json!(["sales"]));
    assert_eq!(json["people"]["alice"]["name"], "Alice Martin");
    assert_eq!(json["people"].as_object().unwrap().len(), 2);
}

#[test]
fn person_list_csv_and_markdown() {
    let store = TestStore::new();
    store.add_person("bob", Some("sales"));
    let csv = store.run(&["person", "list", "--format", "csv"]);
    assert_eq!(
        csv,
        "handle,name,emails,teams,role,away\nalice,Alice Martin,alice@example.com,,,\nbob,Bob,bob@example.com,sales,,\n"
    );
    let md = store.run(&["person", "list", "--format", "markdown"]);
    assert!(
        md.starts_with("| handle | name | emails | teams | role | away |\n"),
        "{md}"
    );
    assert!(
        md.contains("| bob | Bob | bob&#64;example.com | sales |  |  |\n"),
        "{md}"
    );
}

#[test]
fn team_add_and_list() {
    let store = TestStore::new();
    store.run(&["team", "add", "support", "--description", "Help desk"]);
    assert_eq!(
        store.head_message(),
        "team: add support\n\nCrm-Op: team.add\nCrm-Actor: alice"
    );
    store.add_person("bob", Some("support"));
    store.add_person("carol", Some("sales"));
    let config = store.read(".gitcrm/config.yaml");
    assert!(
        config.contains("teams:\n  support:\n    description: Help desk\n  sales: {}\n"),
        "teams are appended in the order they were added: {config}"
    );

    let table = store.run(&["team", "list"]);
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    // No team has a calendar: the empty column takes no room.
    assert_eq!(rows[0], ["team", "members", "description"]);
    assert_eq!(rows[1], ["sales", "carol"]);
    assert_eq!(rows[2], ["support", "bob", "Help", "desk"]);

    let json = store.json(&["team", "list", "--format", "json"]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["teams"]["support"]["description"], "Help desk");
    assert!(json["teams"]["sales"].is_object());

    store
        .cmd()
        .args(["team", "add", "support"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("team `support` already exists"));
    store
        .cmd()
        .args(["team", "add", "Big Team"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a team name"));
    store
        .cmd()
        .args(["team", "add", "ops", "--calendar", "paris"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no calendar `paris`"));
    store.status_clean();
}

#[test]
fn config_comments_and_unknown_keys_survive_person_add() {
    let store = TestStore::new();
    let config = store.read(".gitcrm/config.yaml");
    let config = config
        .replace(
            "people:\n  alice:\n",
            "people:\n  # Founders first. Keep this comment.\n  alice:   # the boss\n",
        )
        .replace(
            "version: 1\n",
            "version: 1\nlegacy_setting: keep-me   # unknown key, kept\n",
        );
    store.write(".gitcrm/config.yaml", &config);
    store.commit_all("hand edit of the config");

    store.add_person("bob", Some("sales"));
    let after = store.read(".gitcrm/config.yaml");
    for line in config.lines() {
        if line.trim_start().starts_with('#') || line.contains('#') {
            assert!(after.contains(line), "lost the line {line:?}:\n{after}");
        }
    }
    assert!(after.contains("legacy_setting: keep-me   # unknown key, kept\n"));
    assert!(after.contains("  alice:   # the boss\n"));
    // Only the people and teams sections changed: the diff adds lines, the one removed line is
    // the empty `teams: {}` that now has an entry.
    let diff = store.git(&[
        "diff",
        "--unified=0",
        "HEAD~2",
        "HEAD",
        "--",
        ".gitcrm/config.yaml",
    ]);
    let removed: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .collect();
    assert_eq!(removed, ["-teams: {}"], "{diff}");
    store.status_clean();
}

#[test]
fn unknown_team_is_an_error_with_a_hint() {
    let store = TestStore::new();
    store.add_team("sales");
    let config = store.read(".gitcrm/config.yaml");
    let head = store.head();
    let assert = store
        .cmd()
        .args([
            "person", "add", "carol", "--name", "Carol", "--team", "salse",
        ])
        .assert()
        .code(2);
    let err = stderr(&assert);
    assert_eq!(
        err,
        "error: no team `salse` in .gitcrm/config.yaml\nhint: did you mean `sales`?\n"
    );
    store
        .cmd()
        .args([
            "person", "add", "carol", "--name", "Carol", "--team", "finance",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "hint: add it with `git crm team add finance`",
        ));
    assert_eq!(store.read(".gitcrm/config.yaml"), config);
    assert_eq!(store.head(), head);
}

#[test]
fn duplicate_handle_email_and_bad_handle_are_refused() {
    let store = TestStore::new();
    store.add_person("bob", None);
    let head = store.head();
    store
        .cmd()
        .args(["person", "add", "bob", "--name", "Another Bob"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("person `bob` already exists"));
    store
        .cmd()
        .args([
            "person",
            "add",
            "robert",
            "--name",
            "Robert",
            "--email",
            "BOB@example.com",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "email BOB@example.com already belongs to `bob`",
        ));
    store
        .cmd()
        .args(["person", "add", "Bob!", "--name", "Bob"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`Bob!` is not a handle"));
    store
        .cmd()
        .args([
            "person",
            "add",
            "dan",
            "--name",
            "Dan",
            "--email",
            "not-an-email",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not an email address"));
    // Without a terminal a missing --name is a usage error naming the flag.
    store
        .cmd()
        .args(["person", "add", "erin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing --name"));
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn acting_person_comes_from_as_env_or_git_email() {
    let store = TestStore::new();
    store.add_person("bob", None);
    // git user.email is Alice's.
    store.run(&["team", "add", "one"]);
    assert_eq!(store.head_author(), "Alice Martin <alice@example.com>");
    assert!(store.head_message().ends_with("Crm-Actor: alice"));
    // GITCRM_USER
    store
        .cmd_as("bob")
        .args(["team", "add", "two"])
        .assert()
        .success();
    assert_eq!(store.head_author(), "Bob <bob@example.com>");
    assert!(store.head_message().ends_with("Crm-Actor: bob"));
    // --as wins over GITCRM_USER
    store
        .cmd_as("bob")
        .args(["--as", "alice", "team", "add", "three"])
        .assert()
        .success();
    assert!(store.head_message().ends_with("Crm-Actor: alice"));
    // An unknown acting person is refused with a suggestion.
    let assert = store
        .cmd()
        .args(["--as", "bbo", "team", "add", "four"])
        .assert()
        .code(2);
    assert!(stderr(&assert).contains("no person `bbo`"));
    assert!(stderr(&assert).contains("did you mean `bob`?"));
    // A git email that belongs to nobody.
    store.git(&["config", "user.email", "stranger@example.com"]);
    let assert = store.cmd().args(["team", "add", "five"]).assert().code(1);
    assert!(
        stderr(&assert).contains("git user.email `stranger@example.com` belongs to no person"),
        "{}",
        stderr(&assert)
    );
    assert!(stdout(&assert).is_empty());
    store.status_clean();
}

#[test]
fn acting_person_from_email_alone() {
    let store = TestStore::new();
    store.git(&["config", "--unset", "user.name"]);
    assert_eq!(store.git(&["config", "user.email"]), "alice@example.com");
    let assert = store.cmd().args(["team", "add", "sales"]).assert();
    let err = stderr(&assert);
    assert!(!err.contains("no git user.email"), "misleading: {err}");
    assert.success();
    assert!(store.head_message().ends_with("Crm-Actor: alice"));
}
