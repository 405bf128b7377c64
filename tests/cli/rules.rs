//! `rules run|test`, `check rules`, `setup --hooks` and `review` of rules: the four example
//! rules of `examples/rules.yaml` on a store with the demo's people and teams, run again and
//! again, on two clones merged with plain git, at several times across business hours and a
//! weekend; a rule edited in a branch and reviewed; a corpus of malformed rules files.

use std::path::Path;

use crate::support::{TestStore, stderr, stdout};

const EXAMPLE: &str = include_str!("../../examples/rules.yaml");

/// The people, teams, leads and calendar of the demo, Paris time.
const CONFIG: &str = r#"version: 1
timezone: Europe/Paris
people:
  alice: {name: Alice Martin, emails: [alice@example.com], teams: [sales]}
  bob: {name: Bob Leroy, emails: [bob@example.com], teams: [sales]}
  grace: {name: Grace Moreau, emails: [grace@example.com], teams: [sales]}
  carol: {name: Carol Nguyen, emails: [carol@example.com], teams: [onboarding]}
  dave: {name: Dave Okafor, emails: [dave@example.com], teams: [support]}
  erin: {name: Erin Lambert, emails: [erin@example.com], teams: [support]}
  frank: {name: Frank Dubois, emails: [frank@example.com], teams: [finance]}
teams:
  sales: {calendar: paris, lead: grace}
  onboarding: {calendar: paris, lead: carol}
  support: {calendar: paris, lead: dave}
  finance: {calendar: paris, lead: frank}
  legal: {calendar: paris}
channels: [email, call, chat, meeting, social, sms, whatsapp, other]
calendars:
  paris:
    zone: Europe/Paris
    hours: {mon: "09:00-18:00", tue: "09:00-18:00", wed: "09:00-18:00", thu: "09:00-18:00", fri: "09:00-17:00"}
targets: {first_response: 4h}
"#;

/// A store with the config above, committed.
fn base() -> TestStore {
    let store = TestStore::new();
    store.write(".gitcrm/config.yaml", CONFIG);
    store.commit_all("config: the demo's people and teams");
    store
}

/// `git-crm args` at the fixed instant `now`; panics unless it succeeds.
fn at(store: &TestStore, now: &str, args: &[&str]) -> String {
    let out = store
        .cmd()
        .env("GITCRM_NOW", now)
        .args(args)
        .output()
        .expect("git-crm runs");
    assert!(
        out.status.success(),
        "{args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `git-crm args` at the fixed instant `now`, to assert on.
fn crm(store: &TestStore, now: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    store.cmd().env("GITCRM_NOW", now).args(args).assert()
}

/// The scene of the tests: customers before the rules exist, then events after.
///
/// - lumen (alice, sales, gold): an email on Friday 2026-11-20 15:00, never answered;
/// - northstar (bob, active): last contact on 2026-10-01;
/// - acme (dave, support): after the rules, an inbound email about an invoice on Monday 09:12;
/// - two leads imported without an owner after the rules.
fn scene() -> TestStore {
    let store = base();
    let early = "2026-10-01T08:00:00Z";
    at(
        &store,
        early,
        &[
            "customer",
            "add",
            "Lumen Analytics",
            "--slug",
            "lumen",
            "--owner",
            "alice",
            "--status",
            "active",
            "--field",
            "tier=gold",
        ],
    );
    at(
        &store,
        early,
        &[
            "customer",
            "add",
            "Northstar Fitness",
            "--slug",
            "northstar",
            "--owner",
            "bob",
            "--status",
            "active",
        ],
    );
    at(
        &store,
        early,
        &[
            "customer", "add", "Acme", "--slug", "acme", "--owner", "dave", "--status", "active",
        ],
    );
    at(
        &store,
        early,
        &[
            "log",
            "northstar",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "Quarterly review",
            "--at",
            "2026-10-01 10:00",
        ],
    );
    let friday = "2026-11-20T15:05:00+01:00";
    at(
        &store,
        friday,
        &[
            "log",
            "lumen",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Dashboard is down",
            "--at",
            "2026-11-20 15:00",
        ],
    );
    store.write(".gitcrm/rules.yaml", EXAMPLE);
    store.commit_all("rules: the team's rules");
    let monday = "2026-11-23T09:15:00+01:00";
    at(
        &store,
        monday,
        &[
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Invoice 1042 looks wrong",
            "--at",
            "2026-11-23 09:12",
        ],
    );
    unowned_lead(&store, "Lead One", "lead-one", "2026-11-23T09:20:00+01:00");
    unowned_lead(&store, "Lead Two", "lead-two", "2026-11-23T09:25:00+01:00");
    store
}

/// Adds a lead without owner or team in one commit (as an import from a form would).
fn unowned_lead(store: &TestStore, name: &str, slug: &str, now: &str) {
    at(
        store,
        now,
        &[
            "customer",
            "add",
            name,
            "--slug",
            slug,
            "--status",
            "lead",
            "--no-commit",
        ],
    );
    let rel = format!("customers/{slug}/customer.yaml");
    let text: String = store
        .read(&rel)
        .lines()
        .filter(|l| !l.starts_with("owner:") && !l.starts_with("team:"))
        .map(|l| format!("{l}\n"))
        .collect();
    store.write(&rel, &text);
    store.commit_all(&format!("customer: add {slug} from the web form"));
}

const NOON: &str = "2026-11-23T12:00:00+01:00";

/// Commit ids depend on the wall clock of the commits plain git makes: hidden in snapshots.
/// Record ids are derived from the rules' keys and the fixed clock, so they stay.
fn commits_hidden() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\b[0-9a-f]{40}\b", "[commit]");
    settings.add_filter(r"on [0-9a-f]{10}:", "on [head]:");
    settings.add_filter(r"merge base [0-9a-f]{8}", "merge base [base]");
    settings
}

#[test]
fn the_example_rules_pass_their_fixtures() {
    let store = base();
    store.write(".gitcrm/rules.yaml", EXAMPLE);
    let out = at(&store, NOON, &["rules", "test"]);
    insta::assert_snapshot!("rules_test", out);
    // A fixture can fail: expect another person.
    store.write(
        ".gitcrm/rules.yaml",
        &EXAMPLE.replace(
            "action: assign, to: frank, team: finance",
            "action: assign, to: dave",
        ),
    );
    let assert = crm(&store, NOON, &["rules", "test"]).code(1);
    let out = stdout(&assert);
    assert!(out.contains("FAIL  an invoice question"), "{out}");
    assert!(
        out.contains("missing:    billing-to-finance acme assign (to=dave)"),
        "{out}"
    );
    assert!(
        out.contains("unexpected: billing-to-finance acme assign: assign to frank (finance)"),
        "{out}"
    );
}

#[test]
fn the_example_rules_run_once_and_a_second_run_plans_nothing() {
    let store = scene();
    let dry = at(&store, NOON, &["rules", "run", "--dry-run"]);
    commits_hidden().bind(|| insta::assert_snapshot!("rules_run_dry", dry));
    let head = store.head();
    let out = at(&store, NOON, &["rules", "run"]);
    assert_ne!(store.head(), head, "one commit");
    assert_eq!(
        store.commit_count(),
        store
            .git(&["rev-list", "--count", &head])
            .parse::<usize>()
            .unwrap()
            + 1
    );
    store.status_clean();
    assert!(out.contains("5 firings, "), "{out}");
    let message = store.head_message();
    commits_hidden().bind(|| insta::assert_snapshot!("rules_run_commit_message", message));
    assert_eq!(store.head_author(), "Grace Moreau <grace@example.com>");
    // What was written: acme went to finance with a handoff, lumen to grace with a note and a
    // task, northstar got a follow-up task, the leads went to alice then bob.
    let acme = store.read("customers/acme/customer.yaml");
    assert!(acme.contains("owner: frank\nteam: finance"), "{acme}");
    let lumen = store.read("customers/lumen/customer.yaml");
    assert!(lumen.contains("owner: grace"), "{lumen}");
    assert!(
        store
            .read("customers/lead-one/customer.yaml")
            .contains("owner: alice")
    );
    assert!(
        store
            .read("customers/lead-two/customer.yaml")
            .contains("owner: bob")
    );
    let notes = store.files_in("customers/lumen/notes");
    assert_eq!(notes.len(), 1);
    let note = store.read(&notes[0]);
    assert!(
        note.contains("origin:\n  rule: escalate-gold-unanswered\n  key: thread:"),
        "{note}"
    );
    assert!(
        notes[0].contains("20261123T100000Z-"),
        "dated when the wait crossed 4 business hours: {}",
        notes[0]
    );
    // The store stays valid.
    crm(&store, NOON, &["check"]).success();
    // Again, at once and later the same week: nothing.
    let again = at(&store, NOON, &["rules", "run"]);
    assert!(again.ends_with("nothing to do\n"), "{again}");
    let later = at(&store, "2026-11-26T16:00:00+01:00", &["rules", "run"]);
    assert!(later.ends_with("nothing to do\n"), "{later}");
    // The next week, the follow-up comes again (every: week), dated Monday.
    let next = at(
        &store,
        "2026-11-30T10:00:00+01:00",
        &["rules", "run", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&next).unwrap();
    let firings = doc["run"]["plan"]["firings"].as_array().unwrap();
    assert_eq!(firings.len(), 1, "{next}");
    assert_eq!(firings[0]["rule"], "weekly-follow-up");
    assert_eq!(firings[0]["at"], "2026-11-30T00:00:00+01:00");
    assert_eq!(
        firings[0]["key"].as_str().unwrap().rsplit('@').next(),
        Some("2026-W49")
    );
}

/// The escalation fires only once the thread has waited 4 business hours: Friday 15:00 to
/// 17:00 is 2h, nothing on the weekend, Monday 09:00 to 11:00 the other 2h.
#[test]
fn escalation_waits_for_business_hours_across_the_weekend() {
    let store = scene();
    let escalations = |now: &str| -> Vec<String> {
        let out = at(
            &store,
            now,
            &[
                "rules",
                "run",
                "--dry-run",
                "--rule",
                "escalate-gold-unanswered",
                "--format",
                "json",
            ],
        );
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        doc["run"]["plan"]["firings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["customer"].as_str().unwrap(),
                    f["at"].as_str().unwrap()
                )
            })
            .collect()
    };
    for now in [
        "2026-11-20T16:59:00+01:00",
        "2026-11-20T18:30:00+01:00",
        "2026-11-21T12:00:00+01:00",
        "2026-11-22T23:00:00+01:00",
        "2026-11-23T10:59:00+01:00",
    ] {
        assert!(
            escalations(now).is_empty(),
            "at {now}: {:?}",
            escalations(now)
        );
    }
    for now in [
        "2026-11-23T11:00:00+01:00",
        "2026-11-23T15:00:00+01:00",
        "2026-11-28T09:00:00+01:00",
    ] {
        assert_eq!(
            escalations(now),
            ["lumen 2026-11-23T11:00:00+01:00"],
            "at {now}"
        );
    }
    // `--at` is the run's now: the future is only for looking.
    let assert = crm(&store, NOON, &["rules", "run", "--at", "2026-11-24 10:00"]).code(2);
    assert!(
        stderr(&assert).contains("is in the future"),
        "{}",
        stderr(&assert)
    );
}

/// Two clones run the same rules at different times of the same week, then merge with plain
/// git: identical files, no conflict, no duplicate; a run after the merge does nothing.
#[test]
fn two_clones_run_the_rules_and_merge_cleanly() {
    let store = scene();
    let sandbox = &store.sandbox;
    let bare = sandbox.path().join("origin.git");
    sandbox.git_in(
        sandbox.path(),
        &[
            "clone",
            "-q",
            "--bare",
            store.root().to_str().unwrap(),
            bare.to_str().unwrap(),
        ],
    );
    let clone = |name: &str| {
        let dir = sandbox.path().join(name);
        sandbox.git_in(
            sandbox.path(),
            &["clone", "-q", bare.to_str().unwrap(), dir.to_str().unwrap()],
        );
        sandbox.git_in(
            &dir,
            &["config", "user.email", &format!("{name}@example.com")],
        );
        sandbox.git_in(&dir, &["config", "user.name", name]);
        sandbox.cmd_in(&dir).arg("setup").assert().success();
        dir
    };
    let (a, b) = (clone("bob"), clone("erin"));
    let run = |dir: &Path, now: &str| {
        sandbox
            .cmd_in(dir)
            .env("GITCRM_NOW", now)
            .args(["rules", "run"])
            .assert()
            .success();
    };
    run(&a, NOON);
    run(&b, "2026-11-25T17:00:00+01:00");
    let files = |dir: &Path| sandbox.git_in(dir, &["ls-tree", "-r", "HEAD"]);
    assert_eq!(files(&a), files(&b), "the same files, byte for byte");
    sandbox.git_in(&a, &["push", "-q", "origin", "HEAD"]);
    let pull = sandbox.git_with_crm(
        &b,
        &["pull", "--no-rebase", "--no-edit", "-q", "origin", "main"],
    );
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    assert_eq!(sandbox.git_in(&b, &["status", "--porcelain"]), "");
    assert_eq!(files(&a), files(&b));
    assert_eq!(
        sandbox
            .git_in(&b, &["ls-files", "customers/lumen/notes"])
            .lines()
            .count(),
        1,
        "one escalation note, not two"
    );
    // The run after the merge (CI's) finds everything done.
    let out = sandbox
        .cmd_in(&b)
        .env("GITCRM_NOW", "2026-11-26T08:00:00+01:00")
        .args(["rules", "run"])
        .assert()
        .success();
    assert!(
        stdout(&out).ends_with("nothing to do\n"),
        "{}",
        stdout(&out)
    );
    sandbox
        .cmd_in(&b)
        .env("GITCRM_NOW", "2026-11-26T08:00:00+01:00")
        .arg("check")
        .assert()
        .success();
}

/// A rule edited in a branch: the review says so and lists what the rules did; old firings do
/// not come back unless `--reapply`.
#[test]
fn a_rule_edited_in_a_branch_is_reviewed() {
    let store = scene();
    at(&store, NOON, &["rules", "run"]);
    store.git(&["checkout", "-q", "-b", "follow-ups"]);
    let edited = EXAMPLE.replace(
        "title: \"Follow up with {customer.name}: no contact for {days_without_contact} days\"",
        "title: \"Call {customer.name} ({days_without_contact} days without contact)\"",
    );
    assert_ne!(edited, EXAMPLE);
    store.write(".gitcrm/rules.yaml", &edited);
    store.commit_all("rules: call, do not write");
    let out = at(&store, NOON, &["rules", "run"]);
    assert!(
        out.ends_with("nothing to do\n"),
        "editing a rule fires nothing again: {out}"
    );
    let out = at(
        &store,
        NOON,
        &["rules", "run", "--reapply", "--rule", "weekly-follow-up"],
    );
    assert!(
        out.contains("Call Northstar Fitness (52 days without contact)"),
        "{out}"
    );
    let again = at(
        &store,
        NOON,
        &["rules", "run", "--reapply", "--rule", "weekly-follow-up"],
    );
    assert!(again.ends_with("nothing to do\n"), "{again}");
    let review = at(&store, NOON, &["review", "main..HEAD"]);
    commits_hidden().bind(|| insta::assert_snapshot!("rules_review", review));
    let md = at(
        &store,
        NOON,
        &["review", "main..HEAD", "--format", "markdown"],
    );
    assert!(
        md.contains("### Rules\n\n- rule weekly-follow-up changed\n"),
        "{md}"
    );
}

/// Each malformed rules file is refused with the rule and `file:line:column`, exit 2 for the
/// file and 1 for the data, and nothing is written.
#[test]
fn malformed_rules_files_are_refused_and_nothing_is_written() {
    let store = scene();
    let rule = |conditions: &str, actions: &str| {
        format!(
            "version: 1\nactor: grace\nrules:\n  - id: r1\n    trigger: touchpoint.logged\n    conditions:\n{conditions}\n    actions:\n{actions}\n"
        )
    };
    let assign = "      - assign: {to: frank}";
    let cases: Vec<(&str, String, i32, &str)> = vec![
        ("yaml", "rules: [\n".into(), 2, ".gitcrm/rules.yaml:1:8: error[rules]: unclosed bracket"),
        ("unknown key", "actor: grace\nrules:\n  - id: r1\n    triger: schedule\n    actions: []\n".into(), 2, ".gitcrm/rules.yaml:4:5:"),
        ("unknown field", rule("      tierr: gold", assign), 2, ".gitcrm/rules.yaml:7:7: error[rules]: rule `r1`: `tierr` is not a field rules can test"),
        ("bad regex", rule("      touchpoint.text: {matches: '(invoice'}", assign), 2, "rule `r1`: `touchpoint.text`: `(invoice` is not a regular expression"),
        ("unknown trigger", "actor: grace\nrules:\n  - id: r1\n    trigger: touchpoint.loged\n    actions:\n      - add_tags: [x]\n".into(), 2, ".gitcrm/rules.yaml:4:14: error[rules]: rule `r1`: `touchpoint.loged` is not a trigger"),
        ("wrong trigger for a field", rule("      handoff.to.team: sales", assign), 2, "`handoff.to.team` needs `trigger: handoff.created`"),
        ("bad status", rule("      status: prospect", assign), 2, "rule `r1`: `status: prospect` can never match"),
        ("placeholder", rule("      status: lead", "      - add_note: {body: 'see {touchpoint.sumary}'}"), 2, "`{touchpoint.sumary}` is not a placeholder"),
        ("no actor", "rules: []\n".into(), 2, ".gitcrm/rules.yaml:1:1: error[rules]: `actor` is missing"),
        ("person who left", rule("      status: active", "      - assign: {to: zoe}"), 1, ".gitcrm/rules.yaml:9:9: error[rules]: rule `r1`: assign.to: no person `zoe` in .gitcrm/config.yaml (did they leave?)"),
        ("team without members", rule("      status: active", "      - assign: {team: legal}"), 1, "rule `r1`: team `legal` has no members: nobody to pick"),
        ("unknown team", rule("      team: marketing", assign), 1, "rule `r1`: team: no team `marketing`"),
    ];
    for (name, text, code, expected) in cases {
        store.write(".gitcrm/rules.yaml", &text);
        store.commit_all(&format!("rules: {name}"));
        let head = store.head();
        let assert = crm(&store, NOON, &["rules", "run"]).code(code);
        let err = stderr(&assert);
        assert!(
            err.contains(expected),
            "{name}: expected {expected:?} in:\n{err}"
        );
        assert!(err.contains("nothing was written"), "{name}: {err}");
        assert_eq!(store.head(), head, "{name}: no commit");
        store.status_clean();
        // `check rules` reports the same problem, exit 1.
        let check = crm(&store, NOON, &["check", "rules"]).code(1);
        let found = stdout(&check);
        let first = expected.split(": error[rules]: ").last().unwrap();
        assert!(found.contains(first), "{name}: check says:\n{found}");
    }
    // A lead that is not set shows when the rule fires: a data error naming the customer.
    let mut config = CONFIG.replace(
        "  sales: {calendar: paris, lead: grace}",
        "  sales: {calendar: paris}",
    );
    config.push('\n');
    store.write(".gitcrm/config.yaml", &config);
    store.write(".gitcrm/rules.yaml", EXAMPLE);
    store.commit_all("config: sales has no lead for now");
    let head = store.head();
    let assert = crm(&store, NOON, &["rules", "run"]).code(1);
    let err = stderr(&assert);
    assert!(
        err.contains("rule `escalate-gold-unanswered` on lumen: team `sales` has no lead"),
        "{err}"
    );
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn check_rules_finds_rules_that_never_fire_and_loops() {
    let store = base();
    store.write(
        ".gitcrm/rules.yaml",
        r#"version: 1
actor: grace
rules:
  - id: never
    trigger: schedule
    conditions:
      all:
        - status: lead
        - status: active
    actions:
      - add_tags: [x]
  - id: ping
    trigger: handoff.created
    conditions: {handoff.to.team: sales}
    actions:
      - assign: {team: support}
  - id: pong
    trigger: handoff.created
    conditions: {handoff.to.team: support}
    actions:
      - assign: {team: sales}
  - id: nags
    trigger: task.overdue
    actions:
      - add_task: {title: "Do {task.title}", assignee: owner, due: 1d}
  - id: tiers
    trigger: schedule
    conditions: {fields.tierr: gold}
    actions:
      - add_tags: [gold]
"#,
    );
    at(
        &store,
        NOON,
        &["customer", "add", "Globex", "--field", "tier=gold"],
    );
    let assert = crm(&store, NOON, &["check", "rules"]).success();
    insta::assert_snapshot!("check_rules_warnings", stdout(&assert));
    crm(&store, NOON, &["check", "rules", "--strict"]).code(1);
}

/// Rules work on the committed store: a file they would write that has uncommitted changes is
/// refused, and uncommitted rules are not used.
#[test]
fn uncommitted_changes_are_never_overwritten() {
    let store = scene();
    store.replace_line("customers/acme/customer.yaml", "status:", "status: paused");
    let assert = crm(&store, NOON, &["rules", "run"]).code(1);
    assert!(
        stderr(&assert).contains("customers/acme/customer.yaml has uncommitted changes"),
        "{}",
        stderr(&assert)
    );
    assert!(
        store
            .read("customers/acme/customer.yaml")
            .contains("status: paused")
    );
    store.git(&["checkout", "customers/acme/customer.yaml"]);
    store.write(".gitcrm/rules.yaml", "actor: grace\nrules: []\n");
    let assert = crm(&store, NOON, &["rules", "run", "--dry-run"]).success();
    assert!(stderr(&assert).contains("has uncommitted changes: they are not used until committed"));
    assert!(
        stdout(&assert).contains("would commit 5 firings"),
        "{}",
        stdout(&assert)
    );
}

/// `setup --hooks` installs a post-merge hook: a pull that brings an invoice question runs the
/// event rules, which commit the handoff to finance.
#[test]
fn the_post_merge_hook_runs_event_rules_after_a_pull() {
    let store = scene();
    at(&store, NOON, &["rules", "run"]);
    let sandbox = &store.sandbox;
    let other = sandbox.path().join("other");
    sandbox.git_in(
        sandbox.path(),
        &[
            "clone",
            "-q",
            store.root().to_str().unwrap(),
            other.to_str().unwrap(),
        ],
    );
    sandbox.git_in(&other, &["config", "user.email", "erin@example.com"]);
    sandbox.cmd_in(&other).arg("setup").assert().success();
    at(
        &store,
        NOON,
        &[
            "customer", "add", "Initech", "--owner", "erin", "--status", "active",
        ],
    );
    let out = store.cmd().arg("setup").arg("--hooks").assert().success();
    assert!(
        stdout(&out).contains("Installed the post-merge hook"),
        "{}",
        stdout(&out)
    );
    let again = store.cmd().arg("setup").arg("--hooks").assert().success();
    assert!(stdout(&again).contains("The post-merge hook is installed"));
    sandbox.git_in(&other, &["pull", "-q", "--no-rebase"]);
    sandbox
        .cmd_in(&other)
        .env("GITCRM_NOW", "2026-11-23T14:05:00+01:00")
        .args([
            "log",
            "initech",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Refund for the May payment",
            "--at",
            "2026-11-23 14:00",
        ])
        .assert()
        .success();
    let head = store.head();
    let pull = sandbox.git_with_crm(
        store.root(),
        &[
            "pull",
            "-q",
            "--no-rebase",
            "--no-edit",
            other.to_str().unwrap(),
            "main",
        ],
    );
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    assert_ne!(store.head(), head);
    let subject = store.git(&["log", "-1", "--format=%s"]);
    assert_eq!(subject, "rules: billing-to-finance on initech (grace)");
    assert!(
        store
            .read("customers/initech/customer.yaml")
            .contains("owner: frank")
    );
    store.status_clean();
    // Someone else's hook is left alone.
    let hook = store.root().join(".git/hooks/post-merge");
    std::fs::write(&hook, "#!/bin/sh\necho mine\n").unwrap();
    let assert = store.cmd().arg("setup").arg("--hooks").assert().code(1);
    assert!(
        stderr(&assert).contains("is not git-crm's"),
        "{}",
        stderr(&assert)
    );
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
}

/// Event rules react to what people and other rules did, in the next run, never to their own
/// commit; `task.overdue` fires once per task.
#[test]
fn rules_react_to_changes_handoffs_and_overdue_tasks() {
    let store = scene();
    store.write(
        ".gitcrm/rules.yaml",
        &EXAMPLE.replace(
            "\ntests:\n",
            r#"
  - id: churn-interview
    trigger: customer.changed
    conditions: {changed: status, status: churned}
    actions:
      - add_task: {title: "Exit interview with {customer.name}", assignee: owner, due: 3d}
      - add_tags: [churned-this-quarter]
  - id: welcome-finance
    trigger: handoff.created
    conditions: {handoff.to.team: finance}
    actions:
      - add_note: {body: "@{owner} {customer.name} is yours now: {handoff.from} handed it over"}
  - id: overdue-nudge
    trigger: task.overdue
    conditions: {task.days_overdue: {at_least: 2}}
    actions:
      - add_note: {body: "Overdue: {task.title} (due {task.due})"}

tests:
"#,
        ),
    );
    store.commit_all("rules: more rules");
    assert!(store.read(".gitcrm/rules.yaml").contains("churn-interview"));
    // The first run routes acme to finance; the handoff it writes is seen by the next run.
    let first = at(&store, NOON, &["rules", "run"]);
    assert!(first.contains("billing-to-finance on acme"), "{first}");
    assert!(!first.contains("welcome-finance"), "{first}");
    let second = at(&store, "2026-11-23T12:05:00+01:00", &["rules", "run"]);
    assert!(
        second.contains("welcome-finance on acme (handoff "),
        "{second}"
    );
    assert!(second.contains("note "), "{second}");
    let notes = store.files_in("customers/acme/notes");
    let welcome = store.read(notes.last().unwrap());
    assert!(
        welcome.contains("@frank Acme is yours now: dave (support) handed it over"),
        "{welcome}"
    );
    // A person churns northstar: the task and the tag; the rule's own edit does not re-fire it.
    at(
        &store,
        "2026-11-23T14:00:00+01:00",
        &["customer", "edit", "northstar", "--set", "status=churned"],
    );
    let third = at(&store, "2026-11-23T14:10:00+01:00", &["rules", "run"]);
    assert!(
        third.contains("events from 2 commits since the last run ("),
        "{third}"
    );
    let heads = third.lines().next().unwrap().rsplit('(').next().unwrap();
    assert!(
        !heads.contains(','),
        "one seen head, not every run's: {third}"
    );
    assert!(
        third.contains("churn-interview on northstar (change of status, 2026-11-23 14:00)"),
        "{third}"
    );
    assert!(third.contains("tag +churned-this-quarter"), "{third}");
    let fourth = at(&store, "2026-11-23T14:20:00+01:00", &["rules", "run"]);
    assert!(fourth.ends_with("nothing to do\n"), "{fourth}");
    // Two days after its due day, the exit-interview task is overdue: a note, once.
    let late = at(
        &store,
        "2026-11-29T09:00:00+01:00",
        &["rules", "run", "--rule", "overdue-nudge"],
    );
    assert!(late.contains("overdue-nudge on northstar (task "), "{late}");
    assert!(
        late.contains("Overdue: Exit interview with Northstar Fitness (due 2026-11-26)"),
        "{late}"
    );
    let again = at(
        &store,
        "2026-11-30T09:00:00+01:00",
        &["rules", "run", "--rule", "overdue-nudge"],
    );
    assert!(again.ends_with("nothing to do\n"), "{again}");
    crm(&store, "2026-11-30T09:00:00+01:00", &["check"]).success();
}
