//! `amend` and `void`: correction records, the corrected view everywhere, moves between
//! customers, and how `check` and `review` see them.

use predicates::prelude::*;

use crate::support::{TestStore, stderr};

const NOW: &str = "2026-11-23T10:00:00Z";
const LATER: &str = "2026-11-24T09:00:00Z";

/// Alice's store with Bob, `globex` (contact Hank) and `acme`, an inbound email and Alice's
/// reply on globex, and a note. Returns the ids (inbound, reply, note).
fn store() -> (TestStore, [String; 3]) {
    let s = TestStore::new();
    s.add_person("bob", None);
    s.run_at(
        NOW,
        &[
            "customer",
            "add",
            "Globex",
            "--contact",
            "Hank <hank@globex.example>",
        ],
    );
    s.run_at(NOW, &["customer", "add", "Acme"]);
    let inbound = s.create_at(
        NOW,
        &[
            "log",
            "globex",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Invoice wrong",
            "--at",
            "2026-11-20 09:12",
        ],
    );
    let reply = s.create_at(
        NOW,
        &[
            "log",
            "globex",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "Caled Hank",
            "--at",
            "2026-11-20 11:40",
            "--reply-to",
            &inbound,
        ],
    );
    let note = s.create_at(NOW, &["note", "globex", "Hank wants weekly reports"]);
    (s, [inbound, reply, note])
}

#[test]
fn amend_writes_a_correction_and_every_view_reads_the_corrected_record() {
    let (s, [_, reply, _]) = store();
    let path = s.record_path("globex", "interactions", &reply);
    let before = s.read(&path);
    let out = s.run_at(
        LATER,
        &[
            "amend",
            &reply,
            "--summary",
            "Called Hank, credit note on its way",
            "--channel",
            "meeting",
            "--reason",
            "typo",
        ],
    );
    assert!(
        out.starts_with(&format!("amended {reply}; correction ")),
        "{out}"
    );
    assert_eq!(s.read(&path), before, "the record itself is never edited");
    let corrections = s.files_in("customers/globex/corrections");
    assert_eq!(corrections.len(), 1);
    let yaml = s.read(&corrections[0]);
    assert!(
        yaml.contains("\nat: \"2026-11-24T09:00:00Z\"\nby: alice\ntarget: "),
        "{yaml}"
    );
    assert!(
        yaml.contains("\nkind: amend\nchanges:\n  channel: meeting\n  summary: Called Hank, credit note on its way\nreason: typo\n"),
        "{yaml}"
    );
    let msg = s.head_message();
    assert!(msg.starts_with(&format!("amend: touchpoint {reply} on globex (channel, summary) (alice)\n\nCrm-Op: correction.amend\n")), "{msg}");
    s.status_clean();

    let timeline = s.run_at(LATER, &["timeline", "globex", "--kind", "touchpoint"]);
    assert!(
        timeline.contains(&format!("Called Hank, credit note on its way [amended channel, summary by alice 2026-11-24]  {reply}")),
        "{timeline}"
    );
    assert!(timeline.contains("meeting"), "{timeline}");
    let json = s.json(&["timeline", "globex", "--format", "json"]);
    let entry = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == reply.as_str())
        .unwrap();
    assert_eq!(entry["text"], "Called Hank, credit note on its way");
    assert_eq!(entry["corrections"][0]["kind"], "amend");
    assert_eq!(entry["corrections"][0]["by"], "alice");
    assert_eq!(entry["corrections"][0]["reason"], "typo");
    assert_eq!(entry["corrections"][0]["at"], "2026-11-24T09:00:00Z");

    let export = s.json(&["export", "touchpoints", "--format", "json"]);
    let row = export["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"].as_str().unwrap().ends_with(&reply))
        .unwrap();
    assert_eq!(row["channel"], "meeting");
    assert_eq!(row["corrections"][0]["kind"], "amend");
    let card = s.json(&["customer", "show", "globex", "--format", "json"]);
    assert_eq!(
        card["card"]["last_touchpoint"]["summary"],
        "Called Hank, credit note on its way"
    );
    s.run(&["check"]);
}

#[test]
fn void_withdraws_a_record_from_every_count_and_says_so() {
    let (s, [inbound, reply, note]) = store();
    let metrics = |s: &TestStore| {
        s.json(&[
            "metrics",
            "--format",
            "json",
            "--at",
            "2026-11-23 10:00",
            "--since",
            "2026-11-01",
        ])
    };
    assert_eq!(metrics(&s)["frt"]["response"]["n"], 1, "{}", metrics(&s));
    s.run_at(LATER, &["void", &reply, "--reason", "logged twice"]);
    s.run_at(LATER, &["void", &note, "--reason", "wrong customer"]);
    let timeline = s.run_at(LATER, &["timeline", "globex"]);
    assert!(
        timeline.contains(&format!(
            "Hank wants weekly reports [voided by alice 2026-11-24: wrong customer]  {note}"
        )),
        "{timeline}"
    );
    let card = s.json(&["customer", "show", "globex", "--format", "json"]);
    assert_eq!(card["card"]["touchpoints"], 1);
    assert_eq!(card["card"]["notes"], 0);
    // The reply is gone, so the inbound waits for an answer again.
    let m = metrics(&s);
    assert_eq!(m["frt"]["response"]["n"], 0, "{m}");
    assert_eq!(m["frt"]["unanswered"], 1, "{m}");
    let inbox = s.json(&["inbox", "--format", "json", "--peek"]);
    assert_eq!(inbox["inbox"]["unanswered"][0]["thread"], inbound.as_str());

    // A voided record cannot be amended or voided again; a void needs its reason.
    s.cmd_at(LATER)
        .args(["amend", &reply, "--summary", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "touchpoint {reply} was voided by alice at 2026-11-24T09:00:00Z: logged twice"
        )));
    s.cmd().args(["void", &inbound]).assert().code(2);
    s.cmd()
        .args(["void", &inbound, "--reason", " "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a void needs a reason"));
    s.run(&["check"]);
    s.status_clean();
}

#[test]
fn moving_a_touchpoint_moves_its_thread_and_counts_it_once() {
    let (s, [inbound, reply, _]) = store();
    let base = s.head();
    s.run_at(LATER, &["amend", &reply, "--summary", "Called Hank"]);
    let out = s.run_at(
        LATER,
        &[
            "amend",
            &inbound,
            "--customer",
            "acme",
            "--reason",
            "Hank works for Acme now",
        ],
    );
    assert!(out.contains("customers/acme/corrections/"), "{out}");
    assert!(s.files_in("customers/globex/interactions").is_empty());
    assert_eq!(s.files_in("customers/acme/interactions").len(), 2);
    // The earlier correction of the reply moved with it, and one correction per record says so.
    assert_eq!(s.files_in("customers/acme/corrections").len(), 3);
    assert!(s.files_in("customers/globex/corrections").is_empty());
    assert_eq!(
        s.git(&["log", "-1", "--format=%s"]),
        format!("amend: move touchpoint {inbound} from globex to acme (alice)")
    );
    s.status_clean();

    let timeline = s.run_at(LATER, &["timeline", "acme", "--kind", "touchpoint"]);
    assert!(
        timeline.contains("Called Hank") && timeline.contains(&reply),
        "{timeline}"
    );
    let found = s.json(&["find", "invoice", "--format", "json"]);
    let records = found["find"]["records"].as_array().unwrap();
    assert_eq!(records.len(), 1, "{found}");
    assert_eq!(records[0]["customer"], "acme");
    let export = s.json(&["export", "touchpoints", "--format", "json"]);
    assert_eq!(export["touchpoints"].as_array().unwrap().len(), 2);
    s.run(&["check"]);

    let review = s.run(&["review", &format!("{base}..HEAD")]);
    assert!(
        review.contains(&format!(
            "moved touchpoint {inbound} here from globex (correction "
        )),
        "{review}"
    );
    assert!(
        review.contains(&format!("moved touchpoint {inbound} to acme")),
        "{review}"
    );
    assert!(!review.contains("after the fact"), "{review}");
    s.cmd()
        .args(["review", &format!("{base}..HEAD"), "--fail-on-problems"])
        .assert()
        .success();
}

#[test]
fn a_move_by_hand_without_a_correction_is_a_rewrite() {
    let (s, [inbound, _, note]) = store();
    let base = s.head();
    let from = s.record_path("globex", "notes", &note);
    let to = from.replace("customers/globex/", "customers/acme/");
    s.write(&to, &s.read(&from));
    std::fs::remove_file(s.path(&from)).unwrap();
    s.commit_all("moved by hand");
    let assert = s
        .cmd()
        .args(["review", &format!("{base}..HEAD"), "--fail-on-problems"])
        .assert()
        .code(1);
    let out = crate::support::stdout(&assert);
    assert!(
        out.contains(&format!("! deleted note {note} after the fact")),
        "{out}"
    );
    let _ = inbound;
}

#[test]
fn amend_checks_what_it_is_given() {
    let (s, [inbound, reply, note]) = store();
    let head = s.head();
    // A direction change needs an author that fits it.
    s.cmd_at(LATER)
        .args(["amend", &inbound, "--direction", "outbound"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "an outbound touchpoint is by a person of the store, and `hank@globex.example` is not one",
        ))
        .stderr(predicate::str::contains("hint: pass --by <handle>"));
    s.cmd_at(LATER)
        .args(["amend", &reply, "--direction", "inbound", "--by", "bob"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a person of this store"));
    s.cmd_at(LATER)
        .args(["amend", &note, "--summary", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a note has no summary"));
    s.cmd_at(LATER)
        .args(["amend", &reply, "--summary", "Caled Hank"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to amend"));
    s.cmd_at(LATER)
        .args(["amend", &reply, "--channel", "pigeon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown channel `pigeon`"));
    s.cmd_at(LATER)
        .args(["amend", &reply, "--at", "2999-01-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is in the future"));
    let task = s.create_at(NOW, &["task", "add", "globex", "Call back"]);
    s.cmd_at(LATER)
        .args(["amend", &task, "--summary", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{task} is a task, not a touchpoint or note"
        )))
        .stderr(predicate::str::contains("git crm task edit"));
    assert!(s.files_in("customers/globex/corrections").is_empty());
    assert_eq!(
        s.git(&["rev-list", "--count", &format!("{head}..HEAD")]),
        "1"
    );
    // A note's body, and a direction change with a matching author, are fine.
    s.run_at(
        LATER,
        &["amend", &note, "--body", "Hank wants monthly reports"],
    );
    s.run_at(
        LATER,
        &["amend", &reply, "--direction", "internal", "--dry-run"],
    );
    let json = s.json(&["timeline", "globex", "--kind", "note", "--format", "json"]);
    assert_eq!(json["entries"][0]["text"], "Hank wants monthly reports");
}

#[test]
fn check_reports_corrections_that_do_not_apply() {
    let (s, [inbound, _, _]) = store();
    s.run_at(
        LATER,
        &["amend", &inbound, "--summary", "Invoice 1042 is wrong"],
    );
    let path = s.files_in("customers/globex/corrections")[0].clone();
    let text = s.read(&path);
    s.write(
        &path,
        &text.replace("summary: Invoice 1042 is wrong", "thread: x"),
    );
    // A void without a reason, in a folder its target is not in.
    let target = text
        .lines()
        .find_map(|l| l.strip_prefix("target: "))
        .unwrap()
        .to_string();
    s.write(
        "customers/acme/corrections/20261124T090000Z-00000001.yaml",
        &format!(
            "id: 019ab4d5-4600-7000-8000-000000000001\nat: \"2026-11-24T09:00:00Z\"\nby: alice\ntarget: {target}\nkind: void\n"
        ),
    );
    let assert = s.cmd().args(["check"]).assert().code(1);
    let out = format!("{}{}", crate::support::stdout(&assert), stderr(&assert));
    assert!(
        out.contains("error[schema]: `thread` cannot be amended on a touchpoint"),
        "{out}"
    );
    assert!(
        out.contains("error[schema]: a void needs a `reason`"),
        "{out}"
    );
    assert!(
        out.contains("error[refs]: correction of") && out.contains("no longer applies"),
        "{out}"
    );
}

#[test]
fn restricted_text_is_never_amended_in_clear() {
    let s = TestStore::new();
    s.add_team("finance");
    s.run(&["team", "join", "finance", "alice"]);
    let key = s.sandbox.path().join("alice.txt");
    let public = s.generate_key(&key);
    s.run(&["person", "key", "add", "alice", &public]);
    s.add_customer("Acme");
    let note = s.create(&["note", "acme", "salary figures", "--restricted", "finance"]);
    let head = s.head();
    s.cmd()
        .env("GITCRM_IDENTITY", &key)
        .args(["amend", &note, "--body", "other figures"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "note {note} is restricted to team finance: its text cannot be amended in a correction, which is not sealed"
        )))
        .stderr(predicate::str::contains(format!("void it (`git crm void {note}`)")));
    assert_eq!(s.head(), head);
    s.cmd()
        .env("GITCRM_IDENTITY", &key)
        .args(["void", &note, "--reason", "wrong customer"])
        .assert()
        .success();
    let timeline = s
        .cmd()
        .env("GITCRM_IDENTITY", &key)
        .args(["timeline", "acme"])
        .output()
        .unwrap();
    let text = String::from_utf8(timeline.stdout).unwrap();
    assert!(
        text.contains("[restricted: finance, voided by alice"),
        "{text}"
    );
}
