//! `log <customer>`: touchpoints, threads, times, commits and the write flags.

use predicates::prelude::*;

use crate::support::{TestStore, stderr, stdout};

/// A store with Bob and a customer `acme` whose first contact is Jane.
fn store() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.add_customer_with("Acme", &["--contact", "Jane Doe <jane@acme.test>"]);
    store
}

/// The record `log --format json` printed.
fn log_json(store: &TestStore, args: &[&str]) -> serde_json::Value {
    let mut full = vec!["log"];
    full.extend_from_slice(args);
    full.extend(["--format", "json"]);
    store.json(&full)
}

#[test]
fn inbound_then_reply_by_short_prefix_joins_the_thread() {
    let store = store();
    let first = log_json(
        &store,
        &[
            "acme",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Asks for a quote",
        ],
    );
    let first_id = first["record"]["id"].as_str().unwrap().to_string();
    let first_short = first["id"].as_str().unwrap().to_string();
    assert_eq!(first_short.len(), 8);
    assert!(first_id.ends_with(&first_short));
    assert_eq!(
        first["record"]["thread"],
        first_id.as_str(),
        "an inbound starts a thread"
    );
    assert_eq!(
        first["record"]["by"], "jane@acme.test",
        "inbound is by the first contact"
    );
    assert_eq!(first["record"]["direction"], "inbound");
    assert_eq!(first["record"]["actor"], "human");

    let reply = log_json(
        &store,
        &[
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "Sent it",
            "--reply-to",
            &first_short[..5],
        ],
    );
    assert_eq!(reply["record"]["thread"], first_id.as_str());
    assert_eq!(
        reply["record"]["by"], "alice",
        "outbound is by the acting person"
    );
    let path = reply["path"].as_str().unwrap();
    assert!(
        store
            .read(path)
            .contains(&format!("\nthread: {first_id}\n"))
    );

    // A full UUID and a `#` prefix name the same touchpoint.
    let again = log_json(
        &store,
        &[
            "acme",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "Called",
            "--reply-to",
            &first_id,
        ],
    );
    assert_eq!(again["record"]["thread"], first_id.as_str());
    let hash = format!("#{}", &first_short[..4]);
    let hashed = log_json(
        &store,
        &[
            "acme",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "Again",
            "--reply-to",
            &hash,
        ],
    );
    assert_eq!(hashed["record"]["thread"], first_id.as_str());

    // A new inbound without --reply-to starts another thread.
    let other = log_json(
        &store,
        &["acme", "-c", "chat", "-d", "inbound", "-s", "New topic"],
    );
    assert_eq!(other["record"]["thread"], other["record"]["id"]);
    let card = store.json(&["customer", "show", "acme", "--format", "json"]);
    assert_eq!(card["card"]["open_threads"].as_array().unwrap().len(), 2);
    store.status_clean();
}

#[test]
fn reply_to_last_and_resolves() {
    let store = store();
    let first = store.log(
        "acme",
        "email",
        "inbound",
        "Problem",
        &["--at", "2025-03-01 09:00"],
    );
    let second = store.log(
        "acme",
        "chat",
        "inbound",
        "Other problem",
        &["--at", "2025-03-01 10:00"],
    );
    let reply = log_json(
        &store,
        &[
            "acme",
            "-c",
            "chat",
            "-d",
            "outbound",
            "-s",
            "Fixed",
            "--reply-to",
            "last",
            "--resolves",
            "--at",
            "2025-03-01 11:00",
        ],
    );
    assert!(
        reply["record"]["thread"]
            .as_str()
            .unwrap()
            .ends_with(&second),
        "`last` is the most recently active open thread"
    );
    assert_eq!(reply["record"]["resolves"], true);
    assert!(
        store
            .read(reply["path"].as_str().unwrap())
            .contains("\nresolves: true\n")
    );

    let card = store.json(&["customer", "show", "acme", "--format", "json"]);
    let open = card["card"]["open_threads"].as_array().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["thread"], first);

    let reply = log_json(
        &store,
        &[
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "Done too",
            "--reply-to",
            "last",
            "--resolves",
        ],
    );
    assert!(
        reply["record"]["thread"]
            .as_str()
            .unwrap()
            .ends_with(&first)
    );
    store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "x",
            "--reply-to",
            "last",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "acme has no open thread to reply to",
        ));
    store.status_clean();
}

#[test]
fn reply_to_errors() {
    let store = store();
    store.add_customer("Globex");
    let other = store.log("globex", "email", "inbound", "Elsewhere", &[]);
    let head = store.head();
    store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "x",
            "--reply-to",
            &other,
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "no touchpoint of acme with id `{other}`"
        )))
        .stderr(predicate::str::contains("git crm timeline acme"));
    store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "x",
            "--reply-to",
            "ab",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a record id"));
    store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "x",
            "--reply-to",
            "zzzz",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("only hex digits"));
    assert_eq!(store.head(), head);
    assert!(store.files_in("customers/acme/interactions").is_empty());
}

#[test]
fn at_forms_are_parsed() {
    let store = store();
    let at = |value: &str| {
        log_json(
            &store,
            &[
                "acme", "-c", "call", "-d", "outbound", "-s", "x", "--at", value,
            ],
        )["record"]["at"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(at("2025-03-04 14:30"), "2025-03-04T14:30:00Z");
    assert_eq!(at("2025-03-04T14:30:00+01:00"), "2025-03-04T14:30:00+01:00");
    assert_eq!(
        at("2025-03-04T14:30:59.750+01:00"),
        "2025-03-04T14:30:59+01:00"
    );
    assert_eq!(at("2025-03-04"), "2025-03-04T00:00:00Z");
    assert_eq!(at("2025-03-04T08:05"), "2025-03-04T08:05:00Z");

    // The file name carries the UTC time.
    let rec = log_json(
        &store,
        &[
            "acme",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "x",
            "--at",
            "2025-03-05T01:30:00+02:00",
        ],
    );
    let path = rec["path"].as_str().unwrap();
    assert!(
        path.starts_with("customers/acme/interactions/20250304T233000Z-"),
        "{path}"
    );

    // Relative times count back from now; recorded_at is now.
    let rec = log_json(
        &store,
        &[
            "acme", "-c", "call", "-d", "outbound", "-s", "x", "--at", "3h ago",
        ],
    );
    let parse = |v: &serde_json::Value| chrono_secs(v.as_str().unwrap());
    let lag = parse(&rec["record"]["recorded_at"]) - parse(&rec["record"]["at"]);
    assert!((3 * 3600 - 60..=3 * 3600 + 60).contains(&lag), "lag {lag}s");

    // A naive time is read in the store's zone.
    let config = store
        .read(".gitcrm/config.yaml")
        .replace("# timezone: Europe/Paris", "timezone: Europe/Paris");
    store.write(".gitcrm/config.yaml", &config);
    store.commit_all("store zone");
    assert_eq!(at("2025-03-04 14:30"), "2025-03-04T14:30:00+01:00");
    assert_eq!(at("2025-07-04 14:30"), "2025-07-04T14:30:00+02:00");
    store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "x",
            "--at",
            "2025-03-30 02:30",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist in Europe/Paris"));
    store.status_clean();
}

/// Seconds since the epoch of an RFC 3339 time.
fn chrono_secs(text: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .timestamp()
}

#[test]
fn bad_and_future_at_are_refused() {
    let store = store();
    let commits = store.commit_count();
    let assert = store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "inbound",
            "-s",
            "x",
            "--at",
            "2999-01-01",
        ])
        .assert()
        .code(1);
    let err = stderr(&assert);
    assert!(
        err.contains("error: --at 2999-01-01T00:00:00Z is in the future"),
        "{err}"
    );
    assert!(
        err.contains(
            "hint: log touchpoints that happened; plan future ones with `git crm task add`"
        )
    );
    store
        .cmd()
        .args([
            "log", "acme", "-c", "call", "-d", "inbound", "-s", "x", "--at", "2h",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: --at: `2h` is a duration, not a time\nhint: write `2h ago` for that long before now\n",
        ));
    store
        .cmd()
        .args([
            "log", "acme", "-c", "call", "-d", "inbound", "-s", "x", "--at", "2h ago",
        ])
        .assert()
        .success();
    store
        .cmd()
        .args([
            "log", "acme", "-c", "call", "-d", "inbound", "-s", "x", "--at", "soonish",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--at: cannot read `soonish` as a time",
        ));
    store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "inbound",
            "-s",
            "x",
            "--at",
            "2025-02-30",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--at: cannot read"));
    assert_eq!(
        store.commit_count(),
        commits + 1,
        "only the valid log committed"
    );
    assert_eq!(store.files_in("customers/acme/interactions").len(), 1);
    store.status_clean();
}

#[test]
fn unknown_channel_customer_and_person_are_errors_with_suggestions() {
    let store = store();
    let head = store.head();
    let assert = store
        .cmd()
        .args(["log", "acme", "-c", "emial", "-d", "inbound", "-s", "x"])
        .assert()
        .code(2);
    assert_eq!(
        stderr(&assert),
        "error: unknown channel `emial`\nhint: did you mean `email`?\n"
    );
    store
        .cmd()
        .args(["log", "acme", "-c", "pigeon", "-d", "inbound", "-s", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "hint: known channels: email, call, chat, meeting, social, sms, whatsapp, other",
        ));
    store
        .cmd()
        .args(["log", "acmee", "-c", "email", "-d", "inbound", "-s", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no customer `acmee`"))
        .stderr(predicate::str::contains("did you mean `acme`?"));
    store
        .cmd()
        .args([
            "log", "acme", "-c", "email", "-d", "outbound", "-s", "x", "--by", "bbo",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no person `bbo`"))
        .stderr(predicate::str::contains("did you mean `bob`?"));
    store
        .cmd()
        .args(["log", "acme", "-c", "email", "-d", "sideways", "-s", "x"])
        .assert()
        .code(2);
    store
        .cmd()
        .args(["log", "acme", "-c", "email", "-d", "inbound", "-s", "   "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a touchpoint needs a summary"));
    assert_eq!(store.head(), head);
    assert!(!store.path("customers/acme/interactions").exists());
}

#[test]
fn commit_subject_trailers_and_author() {
    let store = store();
    let rec = log_json(
        &store,
        &["acme", "-c", "call", "-d", "inbound", "-s", "Ring ring"],
    );
    let id = rec["record"]["id"].as_str().unwrap();
    assert_eq!(rec["commit"], store.head().as_str());
    assert_eq!(
        store.head_message(),
        format!(
            "log: inbound call with acme (alice)\n\nCrm-Op: interaction.add\nCrm-Ids: {id}\nCrm-Actor: alice"
        )
    );
    assert_eq!(store.head_author(), "Alice Martin <alice@example.com>");
    assert_eq!(
        store.git(&["log", "-1", "--format=%(trailers:key=Crm-Ids,valueonly)"]),
        id
    );
    // Exactly the new file is in the commit.
    let changed = store.git(&["show", "--name-status", "--format=", "HEAD"]);
    assert_eq!(changed, format!("A\t{}", rec["path"].as_str().unwrap()));

    store
        .cmd()
        .args([
            "--as", "bob", "log", "acme", "-c", "meeting", "-d", "internal", "-s", "Prep",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("logged touchpoint "));
    assert_eq!(store.head_author(), "Bob <bob@example.com>");
    assert!(
        store
            .head_message()
            .starts_with("log: internal meeting with acme (bob)\n")
    );
    assert!(store.head_message().ends_with("\nCrm-Actor: bob"));

    store.log(
        "acme",
        "email",
        "outbound",
        "On behalf",
        &[
            "--by",
            "bob",
            "--tag",
            "urgent,quote",
            "--body",
            "Long text\nsecond line",
            "--automated",
        ],
    );
    let last = store.files_in("customers/acme/interactions");
    let yaml = store.read(
        last.iter()
            .find(|p| store.read(p).contains("On behalf"))
            .unwrap(),
    );
    assert!(yaml.contains("\nby: bob\nactor: automation\n"), "{yaml}");
    assert!(yaml.contains("\ntags:\n- urgent\n- quote\n"), "{yaml}");
    assert!(yaml.contains("second line"), "{yaml}");
    assert_eq!(
        store.head_author(),
        "Alice Martin <alice@example.com>",
        "the author is who acted"
    );
    store.status_clean();
}

#[test]
fn no_commit_writes_the_file_and_leaves_it_uncommitted() {
    let store = store();
    let head = store.head();
    let assert = store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "inbound",
            "-s",
            "Later",
            "--no-commit",
        ])
        .assert()
        .success();
    let out = stdout(&assert);
    assert!(out.contains(" (not committed)\n"), "{out}");
    let files = store.files_in("customers/acme/interactions");
    assert_eq!(files.len(), 1);
    assert!(out.contains(&files[0]), "{out}");
    assert!(store.read(&files[0]).contains("summary: Later\n"));
    assert_eq!(store.head(), head);
    assert_eq!(
        store.git(&["status", "--porcelain", "--untracked-files=all"]),
        format!("?? {}", files[0])
    );
}

#[test]
fn dry_run_writes_nothing() {
    let store = store();
    let head = store.head();
    let assert = store
        .cmd()
        .args([
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "inbound",
            "-s",
            "Maybe",
            "--dry-run",
        ])
        .assert()
        .success();
    let out = stdout(&assert);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "would commit: log: inbound call with acme (alice)"
    );
    assert!(
        lines[1].starts_with("  create customers/acme/interactions/"),
        "{out}"
    );
    assert!(out.contains("    | summary: Maybe\n"), "{out}");
    assert!(out.contains("    | by: jane@acme.test\n"), "{out}");

    let json = store.json(&[
        "log",
        "acme",
        "-c",
        "call",
        "-d",
        "inbound",
        "-s",
        "Maybe",
        "--dry-run",
        "--format",
        "json",
    ]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["change"]["op"], "interaction.add");
    assert_eq!(json["change"]["files"][0]["op"], "create");
    assert!(
        json["change"]["files"][0]["contents"]
            .as_str()
            .unwrap()
            .contains("summary: Maybe\n")
    );

    assert_eq!(store.head(), head);
    assert!(!store.path("customers/acme/interactions").exists());
    store.status_clean();
}

#[test]
fn format_json_prints_the_record() {
    let store = store();
    let rec = log_json(
        &store,
        &[
            "acme",
            "-c",
            "meeting",
            "-d",
            "outbound",
            "-s",
            "Workshop",
            "--at",
            "2025-03-04 14:30",
            "--tag",
            "onsite",
        ],
    );
    assert_eq!(rec["version"], 1);
    assert_eq!(
        rec.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["version", "id", "path", "commit", "record"]
    );
    let r = &rec["record"];
    assert_eq!(r["channel"], "meeting");
    assert_eq!(r["summary"], "Workshop");
    assert_eq!(r["at"], "2025-03-04T14:30:00Z");
    assert_eq!(r["tags"], serde_json::json!(["onsite"]));
    assert!(r["recorded_at"].is_string());
    assert_eq!(
        rec["path"],
        format!(
            "customers/acme/interactions/20250304T143000Z-{}.yaml",
            rec["id"].as_str().unwrap()
        )
    );
    // The file holds the same record.
    let yaml = store.read(rec["path"].as_str().unwrap());
    assert!(
        yaml.starts_with(&format!(
            "id: {}\nat: \"2025-03-04T14:30:00Z\"\n",
            r["id"].as_str().unwrap()
        )),
        "{yaml}"
    );
}

#[test]
fn missing_summary_without_a_terminal_is_a_usage_error() {
    let store = store();
    let assert = store
        .cmd()
        .args(["log", "acme", "-c", "email", "-d", "inbound"])
        .write_stdin("Typed summary\n")
        .assert()
        .code(2);
    let err = stderr(&assert);
    assert!(err.contains("missing --summary"), "{err}");
    assert!(err.contains("there is no terminal to ask on"), "{err}");
    assert!(err.contains("hint: pass --summary <value>"), "{err}");
    assert!(stdout(&assert).is_empty());
    for (flag, args) in [
        (
            "--channel",
            &["log", "acme", "-d", "inbound", "-s", "x"][..],
        ),
        (
            "--direction",
            &["log", "acme", "-c", "email", "-s", "x"][..],
        ),
    ] {
        store
            .cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("missing {flag}")));
    }
    assert!(!store.path("customers/acme/interactions").exists());
    store.status_clean();
}

#[test]
fn signed_commits_go_through_git_and_keep_the_message() {
    let store = store();
    // A stand-in for gpg that "signs" anything.
    let gpg = store.sandbox.path().join("fake-gpg");
    std::fs::write(
        &gpg,
        "#!/bin/sh\ncat >/dev/null\necho '[GNUPG:] SIG_CREATED D 1 8 00 1700000000 FAKE' >&2\nprintf -- '-----BEGIN PGP SIGNATURE-----\\n\\nfake\\n-----END PGP SIGNATURE-----\\n'\n",
    )
    .unwrap();
    std::fs::set_permissions(&gpg, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    store.git(&["config", "commit.gpgsign", "true"]);
    store.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    store.git(&["config", "user.signingkey", "FAKE"]);

    let rec = log_json(
        &store,
        &[
            "acme", "-c", "call", "-d", "inbound", "-s", "Signed", "--as", "bob",
        ],
    );
    let id = rec["record"]["id"].as_str().unwrap();
    assert_eq!(rec["commit"], store.head().as_str());
    let raw = store.git(&["cat-file", "-p", "HEAD"]);
    assert!(
        raw.contains("\ngpgsig -----BEGIN PGP SIGNATURE-----"),
        "{raw}"
    );
    assert_eq!(
        store.head_message(),
        format!(
            "log: inbound call with acme (bob)\n\nCrm-Op: interaction.add\nCrm-Ids: {id}\nCrm-Actor: bob"
        )
    );
    assert_eq!(store.head_author(), "Bob <bob@example.com>");
    let changed = store.git(&["show", "--name-status", "--format=", "HEAD"]);
    assert_eq!(changed, format!("A\t{}", rec["path"].as_str().unwrap()));

    // A rename (removals and additions) through git as well.
    store.run(&["customer", "rename", "acme", "acme-co"]);
    assert!(store.git(&["cat-file", "-p", "HEAD"]).contains("\ngpgsig "));
    assert!(
        store
            .head_files()
            .iter()
            .filter(|f| f.starts_with("customers/acme/"))
            .all(|f| f == "customers/acme/renamed.yaml")
    );
    store.status_clean();
}

const NOW: &str = "2026-11-23T10:00:00Z";

fn at_of(store: &TestStore, at: &str) -> String {
    let out = store.run_at(
        NOW,
        &[
            "log", "acme", "-c", "call", "-d", "outbound", "-s", "x", "--at", at, "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["record"]["at"].as_str().unwrap().to_string()
}

#[test]
fn at_takes_what_people_type() {
    let store = store();
    assert_eq!(at_of(&store, "today 09:00"), "2026-11-23T09:00:00Z");
    assert_eq!(at_of(&store, "yesterday 14:00"), "2026-11-22T14:00:00Z");
    assert_eq!(at_of(&store, "2 days ago"), "2026-11-21T10:00:00Z");
    assert_eq!(at_of(&store, "last monday"), "2026-11-16T00:00:00Z");
    assert_eq!(at_of(&store, "09:30"), "2026-11-23T09:30:00Z");
    assert_eq!(at_of(&store, "2026-11-20 09:12"), "2026-11-20T09:12:00Z");
    store
        .cmd_at(NOW)
        .args([
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "x",
            "--at",
            "20/11/2026",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "set `date_order: dmy` (or `mdy`) in .gitcrm/config.yaml",
        ));
    let config = store
        .read(".gitcrm/config.yaml")
        .replace("# date_order: dmy", "date_order: dmy")
        .replace("# timezone: Europe/Paris", "timezone: Europe/Paris");
    store.write(".gitcrm/config.yaml", &config);
    store.commit_all("day first, Paris");
    assert_eq!(
        at_of(&store, "20/11/2026 9:12"),
        "2026-11-20T09:12:00+01:00"
    );
    assert_eq!(at_of(&store, "today 09:00"), "2026-11-23T09:00:00+01:00");
}

#[test]
fn inbound_by_names_a_contact_never_a_person() {
    let store = store();
    store.run(&[
        "customer",
        "edit",
        "acme",
        "--add-contact",
        "Hank <hank@acme.test>",
    ]);
    let head = store.head();
    // Two contacts and no terminal to ask on: refused, never the first one silently.
    let assert = store
        .cmd()
        .args(["log", "acme", "-c", "email", "-d", "inbound", "-s", "x"])
        .assert()
        .code(2);
    assert_eq!(
        stderr(&assert),
        "error: acme has 2 contacts: say which one wrote with --by\nhint: --by 'jane@acme.test' or --by 'hank@acme.test'\n"
    );
    // A person of the store, by handle or email, never writes inbound.
    for who in ["bob", "bob@example.com"] {
        store
            .cmd()
            .args([
                "log", "acme", "-c", "email", "-d", "inbound", "-s", "x", "--by", who,
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is bob, a person of this store"));
    }
    assert_eq!(store.head(), head);
    // A contact named by name is recorded by its email.
    let json = log_json(
        &store,
        &[
            "acme", "-c", "email", "-d", "inbound", "-s", "x", "--by", "hank",
        ],
    );
    assert_eq!(json["record"]["by"], "hank@acme.test");
    let json = log_json(
        &store,
        &[
            "acme",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "x",
            "--by",
            "Someone New <new@acme.test>",
        ],
    );
    assert_eq!(json["record"]["by"], "Someone New <new@acme.test>");
    // By contact email, the customer itself is named too.
    let json = log_json(
        &store,
        &[
            "jane@acme.test",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "x",
            "--by",
            "jane@acme.test",
        ],
    );
    assert!(
        json["path"]
            .as_str()
            .unwrap()
            .starts_with("customers/acme/")
    );
}
