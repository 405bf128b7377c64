//! `check`: a clean store passes, and a store corrupted in every way the checks know is reported
//! exactly, every problem at its line; subsets, `--strict`, `--format json`, `--list`, usage
//! errors, and the demo store.

use crate::support::{Sandbox, TestStore, stderr, stdout};

/// The clock of every check run here, so date checks do not depend on the day tests run.
const NOW: &str = "2026-06-01T00:00:00Z";

const CONFIG: &str = "version: 1
people:
  alice:
    name: Alice Martin
    emails: [alice@example.com]
    teams: [sales]
  bob:
    name: Bob Stone
    emails: [bob@example.com]
    teams: [sales]
teams:
  sales:
    calendar: paris
channels: [email, call, chat, meeting, social, sms, whatsapp, other]
calendars:
  paris:
    zone: Europe/Paris
    hours: {mon: \"09:00-18:00\", tue: \"09:00-12:30,13:30-18:00\"}
targets:
  first_response: 4h
views:
  sales:
    first: [interactions, handoffs]
";

const ACME: &str = "id: 01900000-0000-7000-8000-00000000a001
name: Acme Corp
slug: acme-corp
kind: company
status: active
owner: alice
team: sales
contacts:
- name: Jane Doe
  email: jane@acme.example
created: \"2026-01-05T09:00:00Z\"
";

/// A touchpoint of acme-corp with short id `000b<n>`, at `at` (`2026-05-20T09:00:00Z`).
fn touchpoint(n: &str, at: &str, direction: &str, by: &str, thread: &str, extra: &str) -> String {
    format!(
        "id: 01900000-0000-7000-8000-0000000b{n}
at: \"{at}\"
recorded_at: \"{at}\"
channel: email
direction: {direction}
by: {by}
actor: human
thread: 01900000-0000-7000-8000-0000000b{thread}
summary: Touchpoint {n}
{extra}"
    )
}

fn file_time(at: &str) -> String {
    at.replace(['-', ':'], "")
}

/// Writes a touchpoint of acme-corp and returns its path.
fn write_touchpoint(
    store: &TestStore,
    n: &str,
    at: &str,
    direction: &str,
    by: &str,
    thread: &str,
    extra: &str,
) -> String {
    let path = format!(
        "customers/acme-corp/interactions/{}-000b{n}.yaml",
        file_time(at)
    );
    store.write(&path, &touchpoint(n, at, direction, by, thread, extra));
    path
}

/// A valid store: two people in a team, one customer with a resolved thread, a note and a task.
fn clean_store() -> TestStore {
    let store = TestStore::new();
    store.write(".gitcrm/config.yaml", CONFIG);
    store.write("customers/acme-corp/customer.yaml", ACME);
    write_touchpoint(
        &store,
        "0001",
        "2026-05-20T09:00:00Z",
        "inbound",
        "jane@acme.example",
        "0001",
        "",
    );
    write_touchpoint(
        &store,
        "0002",
        "2026-05-20T10:00:00Z",
        "outbound",
        "bob",
        "0001",
        "resolves: true\n",
    );
    store.write(
        "customers/acme-corp/notes/20260519T090000Z-000c0001.yaml",
        "id: 01900000-0000-7000-8000-0000000c0001\nat: \"2026-05-19T09:00:00Z\"\nby: alice\nbody: \"@bob renewal is coming\"\nmentions:\n- bob\n",
    );
    store.write(
        "customers/acme-corp/tasks/20260519T100000Z-000d0001.yaml",
        "id: 01900000-0000-7000-8000-0000000d0001\ncreated: \"2026-05-19T10:00:00Z\"\nby: alice\nassignee: bob\ndue: \"2026-06-10\"\ntitle: Send the renewal quote\n",
    );
    store.commit_all("fixture");
    store
}

fn check(store: &TestStore, args: &[&str]) -> assert_cmd::assert::Assert {
    store
        .cmd()
        .env("GITCRM_NOW", NOW)
        .arg("check")
        .args(args)
        .assert()
}

#[test]
fn a_clean_store_passes() {
    let store = clean_store();
    let assert = check(&store, &[]).success();
    assert_eq!(stdout(&assert), "check ok: 5 files checked, no problems\n");
    assert_eq!(stderr(&assert), "");
    // Twice: the second run comes from the cache and says the same.
    let again = check(&store, &[]).success();
    assert_eq!(stdout(&again), stdout(&assert));
}

/// Breaks the clean store in every way `check` knows; some breakages are committed, some left
/// in the work tree (edited, untracked), so both loading paths are exercised.
fn broken_store() -> TestStore {
    let store = clean_store();
    // schema: an enum value, a near-miss key.
    write_touchpoint(
        &store,
        "0003",
        "2026-05-21T09:00:00Z",
        "sideways",
        "bob",
        "0003",
        "",
    );
    write_touchpoint(
        &store,
        "0004",
        "2026-05-21T10:00:00Z",
        "outbound",
        "bob",
        "0001",
        "tagz: [renewal]\n",
    );
    // ids: a file name that does not end in the short id; a duplicate id.
    store.write(
        "customers/acme-corp/interactions/20260522T090000Z-deadbeef.yaml",
        &touchpoint(
            "0005",
            "2026-05-22T09:00:00Z",
            "outbound",
            "bob",
            "0001",
            "",
        ),
    );
    store.write(
        "customers/acme-corp/notes/20260523T090000Z-000c0001.yaml",
        "id: 01900000-0000-7000-8000-0000000c0001\nat: \"2026-05-23T09:00:00Z\"\nby: alice\nbody: Copied note\n",
    );
    // refs: unknown channel, unknown person, a thread that does not exist.
    write_touchpoint(
        &store,
        "0006",
        "2026-05-24T09:00:00Z",
        "outbound",
        "bobby",
        "0999",
        "",
    );
    store.replace_line(
        "customers/acme-corp/interactions/20260524T090000Z-000b0006.yaml",
        "channel:",
        "channel: fax",
    );
    // dates: logged before it happened, in the future, not a date.
    let logged = write_touchpoint(
        &store,
        "0007",
        "2026-05-25T09:00:00Z",
        "inbound",
        "jane@acme.example",
        "0007",
        "",
    );
    store.replace_line(
        &logged,
        "recorded_at:",
        "recorded_at: \"2026-05-24T09:00:00Z\"",
    );
    write_touchpoint(
        &store,
        "0008",
        "2027-01-01T09:00:00Z",
        "inbound",
        "jane@acme.example",
        "0008",
        "",
    );
    let bad = write_touchpoint(
        &store,
        "0009",
        "2026-05-26T09:00:00Z",
        "inbound",
        "jane@acme.example",
        "0009",
        "",
    );
    store.replace_line(&bad, "at:", "at: \"2026-13-01T09:00:00Z\"");
    // owner-vs-handoff: the latest handoff gives the customer to bob, the customer says alice.
    store.write(
        "customers/acme-corp/handoffs/20260527T090000Z-000e0001.yaml",
        "id: 01900000-0000-7000-8000-0000000e0001\nat: \"2026-05-27T09:00:00Z\"\nby: alice\nfrom:\n  owner: alice\n  team: sales\nto:\n  owner: bob\n  team: sales\n",
    );
    store.commit_all("committed breakage");

    // Left in the work tree from here on.
    // conflict-markers: a conflicted edit of the task.
    store.write(
        "customers/acme-corp/tasks/20260519T100000Z-000d0001.yaml",
        "id: 01900000-0000-7000-8000-0000000d0001\ncreated: \"2026-05-19T10:00:00Z\"\nby: alice\n<<<<<<< HEAD\nassignee: bob\n=======\nassignee: alice\n>>>>>>> theirs\ntitle: Send the renewal quote\n",
    );
    // slugs, duplicates, refs, stale: a second customer.
    store.write(
        "customers/globex/customer.yaml",
        "id: 01900000-0000-7000-8000-00000000a002\nname: ACME Corp.\nslug: globex-inc\nstatus: active\nowner: zed\ncontacts:\n- name: Jane\n  email: Jane@Acme.example\ncreated: \"2026-01-01T00:00:00Z\"\n",
    );
    store.write(
        "customers/Bad_Folder/customer.yaml",
        "id: 01900000-0000-7000-8000-00000000a003\nname: Bad\nslug: bad\ncreated: \"2026-01-01T00:00:00Z\"\n",
    );
    // stray-files: a file among customers, a leftover temporary file, an unknown folder, a
    // link, a folder without customer.yaml.
    store.write("customers/README.md", "customers\n");
    store.write(
        "customers/acme-corp/.customer.yaml.123.0000abcd.tmp",
        "half\n",
    );
    store.write("customers/acme-corp/photos/logo.png", "png\n");
    std::os::unix::fs::symlink(
        "../customer.yaml",
        store.path("customers/acme-corp/notes/20260528T090000Z-000c0002.yaml"),
    )
    .unwrap();
    store.write(
        "customers/initech/notes/20260501T090000Z-000c0003.yaml",
        "id: 01900000-0000-7000-8000-0000000c0003\nat: \"2026-05-01T09:00:00Z\"\nby: alice\nbody: Orphan\n",
    );
    // merge-driver: neither routed nor registered.
    store.write(".gitattributes", "*.png binary\n");
    store.git(&["config", "--unset", "merge.gitcrm.driver"]);
    // config: an unknown team, an unknown calendar, a bad zone, a bad duration, a bad view.
    let mut config = CONFIG.replace(
        "teams:\n  sales:\n    calendar: paris\n",
        "  carol:\n    name: Carol\n    teams: [marketing]\nteams:\n  sales:\n    calendar: paris\n  support:\n    calendar: berlin\n",
    );
    config = config.replace(
        "targets:\n  first_response: 4h\n",
        "  tokyo:\n    zone: Mars/Olympus\ntargets:\n  first_response: 4h\n  handoff: 1 day\n",
    );
    config.push_str("  finance:\n    first: [invoices]\n");
    store.write(".gitcrm/config.yaml", &config);
    store
}

#[test]
fn every_problem_is_reported_at_its_line() {
    let store = broken_store();
    let assert = check(&store, &[]).code(1);
    assert_eq!(stderr(&assert), "");
    let out = stdout(&assert);
    insta::assert_snapshot!("broken_store", out);
    // From the cache, the same report.
    let again = check(&store, &[]).code(1);
    assert_eq!(stdout(&again), out);
}

#[test]
fn json_report() {
    let store = broken_store();
    let assert = check(&store, &["--format", "json", "ids"]).code(1);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["passed"], false);
    assert_eq!(doc["errors"], 2);
    assert_eq!(doc["warnings"], 0);
    let first = &doc["diagnostics"][0];
    assert_eq!(
        first,
        &serde_json::json!({
            "check": "ids",
            "severity": "error",
            "path": "customers/acme-corp/interactions/20260522T090000Z-deadbeef.yaml",
            "line": 1,
            "column": 1,
            "message": "file name does not end in the id's short id `000b0005`: the record cannot be found by its id",
            "hint": "rename the file to `20260522T090000Z-000b0005.yaml`"
        })
    );
    assert_eq!(stderr(&assert), "");
}

#[test]
fn a_subset_runs_only_the_named_checks() {
    let store = broken_store();
    let assert = check(&store, &["slugs", "owner-vs-handoff"]).code(1);
    let out = stdout(&assert);
    let checks: std::collections::BTreeSet<&str> = out
        .lines()
        .filter_map(|l| {
            l.split_once(": error[")
                .or_else(|| l.split_once(": warning["))
        })
        .map(|(_, rest)| rest.split(']').next().unwrap())
        .collect();
    assert_eq!(
        checks.into_iter().collect::<Vec<_>>(),
        ["owner-vs-handoff", "slugs"]
    );
    // Warnings only: passes, unless --strict.
    check(&store, &["duplicates"]).success();
    let strict = check(&store, &["duplicates", "--strict"]).code(1);
    assert!(
        stdout(&strict)
            .ends_with("check failed: 21 files checked, 2 warnings (--strict: warnings fail)\n"),
        "{}",
        stdout(&strict)
    );
}

#[test]
fn unknown_check_is_a_usage_error() {
    let store = clean_store();
    let assert = check(&store, &["refz"]).code(2);
    let err = stderr(&assert);
    assert!(err.contains("unknown check `refz`"), "{err}");
    assert!(err.contains("did you mean `refs`?"), "{err}");
}

#[test]
fn list_names_every_check() {
    let sandbox = Sandbox::new();
    let assert = sandbox
        .cmd_in(sandbox.path())
        .args(["check", "--list"])
        .assert()
        .success();
    let out = stdout(&assert);
    let names: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(names, git_crm::check::CHECKS);
}

#[test]
fn the_demo_store_is_clean() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("demo");
    sandbox
        .cmd_in(sandbox.path())
        .arg("demo")
        .arg(&dir)
        .assert()
        .success();
    let assert = sandbox.cmd_in(&dir).arg("check").assert().success();
    let out = stdout(&assert);
    assert!(!out.contains("error["), "{out}");
    assert!(out.contains("check ok:"), "{out}");
}
