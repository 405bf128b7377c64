//! Bad input of every kind gets a clear error (`path:line:col: message`) and loses nothing:
//! broken YAML, duplicate keys, conflict markers, symbolic links, hostile slugs, huge files,
//! alias bombs, YAML 1.1 booleans.

use predicates::prelude::*;

use crate::support::{TestStore, stderr};

const CUSTOMER: &str = "customers/acme/customer.yaml";

fn store() -> TestStore {
    let store = TestStore::new();
    store.add_customer("Acme");
    store
}

/// Runs `timeline acme`, expects exit 1 and returns the single error line.
fn timeline_error(store: &TestStore) -> String {
    let assert = store.cmd().args(["timeline", "acme"]).assert().code(1);
    assert!(assert.get_output().stdout.is_empty());
    let err = stderr(&assert);
    let errors: Vec<&str> = err.lines().filter(|l| !l.starts_with("hint: ")).collect();
    assert_eq!(errors.len(), 1, "one error line (and hints): {err}");
    errors[0].to_string()
}

/// Splits `error: path:line:col: message`.
fn location(err: &str) -> (String, u64, u64, String) {
    let rest = err
        .strip_prefix("error: ")
        .unwrap_or_else(|| panic!("{err}"));
    let mut parts = rest.splitn(4, ':');
    let path = parts.next().unwrap().to_string();
    let line = parts
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| panic!("no line: {err}"));
    let col = parts
        .next()
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no column: {err}"));
    let message = parts.next().unwrap_or_default().trim().to_string();
    assert!(!message.is_empty(), "{err}");
    (path, line, col, message)
}

fn interaction(summary_line: &str) -> String {
    format!(
        "id: 01951234-5678-7abc-8def-0123456789ab\nat: \"2025-01-01T10:00:00Z\"\nrecorded_at: \"2025-01-01T10:00:00Z\"\nchannel: email\ndirection: inbound\nby: jane\nthread: 01951234-5678-7abc-8def-0123456789ab\n{summary_line}\n"
    )
}

const INTERACTION: &str = "customers/acme/interactions/20250101T100000Z-456789ab.yaml";

#[test]
fn malformed_customer_yaml_names_path_line_and_column() {
    let store = store();
    let good = store.read(CUSTOMER);
    store.write(
        CUSTOMER,
        &good.replace("kind: company\n", "kind: company\ntags: [a, b\n"),
    );
    let err = timeline_error(&store);
    let (path, line, col, _) = location(&err);
    assert_eq!(path, CUSTOMER);
    assert!(line >= 5, "{err}");
    assert!(col >= 1, "{err}");
    // Writing commands refuse too, and leave the file as it is.
    let broken = store.read(CUSTOMER);
    store
        .cmd()
        .args(["customer", "edit", "acme", "--set", "status=active"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!("error: {CUSTOMER}:")));
    store
        .cmd()
        .args(["log", "acme", "-c", "email", "-d", "inbound", "-s", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!("error: {CUSTOMER}:")));
    assert_eq!(store.read(CUSTOMER), broken);
    assert!(!store.path("customers/acme/interactions").exists());
}

#[test]
fn wrong_types_and_values_are_located() {
    let store = store();
    let good = store.read(CUSTOMER);
    store.write(CUSTOMER, &good.replace("status: lead", "status: dormant"));
    let (path, line, _, message) = location(&timeline_error(&store));
    assert_eq!(path, CUSTOMER);
    assert_eq!(line, 5);
    assert!(
        message.contains("dormant") || message.contains("variant"),
        "{message}"
    );

    store.write(CUSTOMER, &good);
    store.write(INTERACTION, &interaction("summary: s\nresolves: maybe"));
    let (path, line, col, message) = location(&timeline_error(&store));
    assert_eq!(path, INTERACTION);
    assert_eq!((line, col), (9, 11));
    assert!(message.contains("boolean"), "{message}");

    store.write(
        INTERACTION,
        &interaction("summary: s").replace(
            "at: \"2025-01-01T10:00:00Z\"\nrecorded",
            "at: last tuesday\nrecorded",
        ),
    );
    let (path, line, _, _) = location(&timeline_error(&store));
    assert_eq!((path.as_str(), line), (INTERACTION, 2));

    store.write(INTERACTION, "- just\n- a list\n");
    let (path, line, _, _) = location(&timeline_error(&store));
    assert_eq!((path.as_str(), line), (INTERACTION, 1));

    store.write(INTERACTION, "");
    let (path, _, _, _) = location(&timeline_error(&store));
    assert_eq!(path, INTERACTION);

    std::fs::write(store.path(INTERACTION), b"id: \xff\xfe\n").unwrap();
    let (path, line, _, message) = location(&timeline_error(&store));
    assert_eq!((path.as_str(), line), (INTERACTION, 1));
    assert_eq!(message, "file is not valid UTF-8");
}

#[test]
fn malformed_interaction_fails_the_timeline_but_not_a_new_log() {
    let store = store();
    store.write(INTERACTION, &interaction("summary: [unclosed"));
    let (path, line, _, _) = location(&timeline_error(&store));
    assert_eq!(path, INTERACTION);
    assert!(line >= 8, "line {line}");
    // Logging another touchpoint does not read (or touch) the broken one.
    let broken = store.read(INTERACTION);
    store.log("acme", "email", "outbound", "Still works", &[]);
    assert_eq!(store.read(INTERACTION), broken);
}

#[test]
fn duplicate_keys_are_errors() {
    let store = store();
    let good = store.read(CUSTOMER);
    let lines = good.lines().count() as u64;
    store.write(CUSTOMER, &format!("{good}name: Acme Again\n"));
    let err = timeline_error(&store);
    assert_eq!(
        err,
        format!(
            "error: {CUSTOMER}:{}:1: duplicate mapping key `name` is not allowed here",
            lines + 1
        )
    );

    store.write(CUSTOMER, &good);
    store.write(INTERACTION, &interaction("summary: one\nsummary: two"));
    assert_eq!(
        timeline_error(&store),
        format!("error: {INTERACTION}:9:1: duplicate mapping key `summary` is not allowed here")
    );
}

#[test]
fn conflict_markers_are_reported_at_their_line() {
    let store = store();
    let good = store.read(CUSTOMER);
    let conflicted = good.replace(
        "status: lead\n",
        "<<<<<<< HEAD\nstatus: active\n=======\nstatus: paused\n>>>>>>> theirs\n",
    );
    store.write(CUSTOMER, &conflicted);
    assert_eq!(
        timeline_error(&store),
        format!(
            "error: {CUSTOMER}:5:1: unresolved merge conflict marker; resolve the conflict, then run `git crm check`"
        )
    );
    store
        .cmd()
        .args(["customer", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unresolved merge conflict marker"));
    store
        .cmd()
        .args(["customer", "edit", "acme", "--add-tag", "x"])
        .assert()
        .code(1);
    assert_eq!(store.read(CUSTOMER), conflicted, "nothing lost");
}

#[test]
fn symlinked_customer_record_is_refused() {
    let store = store();
    let outside = store.sandbox.path().join("outside.yaml");
    std::fs::write(&outside, store.read(CUSTOMER)).unwrap();
    std::fs::remove_file(store.path(CUSTOMER)).unwrap();
    std::os::unix::fs::symlink(&outside, store.path(CUSTOMER)).unwrap();
    let err = timeline_error(&store);
    assert_eq!(
        err,
        format!("error: {CUSTOMER}: is a symbolic link; git-crm never follows links in the store")
    );
    let before = std::fs::read_to_string(&outside).unwrap();
    store
        .cmd()
        .args(["customer", "edit", "acme", "--set", "status=active"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        before,
        "the target is not written"
    );
}

#[test]
fn symlinked_interaction_is_not_followed() {
    let store = store();
    let secret = store.sandbox.path().join("secret.yaml");
    std::fs::write(&secret, interaction("summary: TOP SECRET")).unwrap();
    std::fs::create_dir_all(store.path("customers/acme/interactions")).unwrap();
    std::os::unix::fs::symlink(&secret, store.path(INTERACTION)).unwrap();
    let out = store.run(&["timeline", "acme"]);
    assert!(!out.contains("TOP SECRET"), "{out}");
    let json = store.json(&["customer", "show", "acme", "--format", "json"]);
    assert_eq!(json["card"]["touchpoints"], 0);
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
            "4567",
        ])
        .assert()
        .failure();
}

#[test]
fn symlinked_customer_folder_is_refused() {
    let store = store();
    let outside = store.sandbox.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        outside.join("customer.yaml"),
        store.read(CUSTOMER).replace("slug: acme", "slug: evil"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, store.path("customers/evil")).unwrap();
    store.commit_all("a symlink, as a hostile clone would bring");
    let head = store.head();

    store
        .cmd()
        .args(["log", "evil", "-c", "email", "-d", "outbound", "-s", "pwn"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("symbolic link"));
    assert!(
        !outside.join("interactions").exists(),
        "git-crm wrote outside the store"
    );
    assert_eq!(store.head(), head);
    store.status_clean();
    store
        .cmd()
        .args(["timeline", "evil"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("symbolic link"));
}

#[test]
fn hostile_slugs_are_refused() {
    let store = store();
    let head = store.head();
    for slug in [
        "../x",
        "..",
        ".git",
        "a/b",
        "/etc",
        "Acme",
        "a-",
        "a--b",
        "acme\n",
        "ac me",
        &"a".repeat(65),
    ] {
        for args in [
            vec!["timeline", slug],
            vec!["customer", "show", slug],
            vec!["customer", "edit", slug, "--set", "status=active"],
            vec!["log", slug, "-c", "email", "-d", "inbound", "-s", "x"],
            vec!["note", slug, "hello"],
            vec!["task", "add", slug, "x"],
            vec!["assign", slug, "--to", "alice"],
            vec!["customer", "add", "X", "--slug", slug],
            vec!["customer", "rename", "acme", slug],
        ] {
            let assert = store.cmd().args(&args).assert().code(1);
            let err = stderr(&assert);
            assert!(err.starts_with("error: "), "{args:?}: {err}");
            assert!(
                err.contains("slug") || err.contains("no customer"),
                "{args:?}: {err}"
            );
            assert!(err.lines().all(|l| !l.is_empty()), "{args:?}: {err:?}");
        }
    }
    assert_eq!(store.head(), head);
    store.status_clean();
    assert!(!store.sandbox.path().join("x").exists());
    assert!(!store.path("customers/a").exists());

    // A hostile *name* is fine: its slug is derived safely.
    let slug = store.add_customer("../../etc/passwd");
    assert_eq!(slug, "etc-passwd");
    assert!(store.path("customers/etc-passwd/customer.yaml").is_file());
    store.status_clean();
}

#[test]
fn a_huge_file_is_reported_not_parsed() {
    let store = store();
    let good = store.read(CUSTOMER);
    let mut huge = format!("{good}fields:\n");
    let mut i = 0;
    while huge.len() < 2 << 20 {
        huge.push_str(&format!("  k{i}: {}\n", "x".repeat(100)));
        i += 1;
    }
    store.write(CUSTOMER, &huge);
    let err = timeline_error(&store);
    let (path, line, col, message) = location(&err);
    assert_eq!((path.as_str(), line, col), (CUSTOMER, 1, 1));
    assert_eq!(
        message,
        format!(
            "file is {} bytes; records are limited to 1048576",
            huge.len()
        )
    );

    store.write(CUSTOMER, &good);
    store.write(
        INTERACTION,
        &interaction(&format!("summary: {}", "y".repeat(1 << 21))),
    );
    let (path, _, _, message) = location(&timeline_error(&store));
    assert_eq!(path, INTERACTION);
    assert!(
        message.contains("records are limited to 1048576"),
        "{message}"
    );

    // A huge summary on the command line is refused before anything is written: what a
    // writer may write, every reader can read.
    std::fs::remove_file(store.path(INTERACTION)).unwrap();
    let long = "z".repeat(100_000);
    let head = store.head();
    let out = store
        .cmd()
        .args(["log", "acme", "-c", "email", "-d", "outbound", "-s", &long])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the summary is 100000 characters; the limit is 1000"),
        "{}",
        &err[..err.len().min(300)]
    );
    assert_eq!(store.head(), head);
    assert!(store.files_in("customers/acme/interactions").is_empty());
    store.status_clean();
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let store = store();
    let mut bomb = store.read(CUSTOMER);
    bomb.push_str(
        "extra_a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ('a'..='i').zip('b'..='j') {
        bomb.push_str(&format!(
            "extra_{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    store.write(CUSTOMER, &bomb);
    let err = timeline_error(&store);
    let (path, _, _, message) = location(&err);
    assert_eq!(path, CUSTOMER);
    assert!(message.contains("too large or too complex"), "{message}");
}

#[test]
fn alias_bomb_error_message_is_whole() {
    let store = store();
    let mut bomb = store.read(CUSTOMER);
    bomb.push_str(
        "extra_a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ('a'..='i').zip('b'..='j') {
        bomb.push_str(&format!(
            "extra_{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    store.write(CUSTOMER, &bomb);
    let err = timeline_error(&store);
    assert_eq!(err.matches('(').count(), err.matches(')').count(), "{err}");
    assert!(!err.ends_with("(used"), "{err}");
}

#[test]
fn yes_and_no_stay_strings() {
    let store = store();
    let mut text = store.read(CUSTOMER);
    text.push_str("fields:\n  approved: yes\n  country: no\n  light: off\n  zip: 0612\n  flag: true\n  seats: 12\n");
    text.push_str("contacts:\n- name: No\n  phone: 0612345678\n");
    store.write(CUSTOMER, &text);
    store.commit_all("hand-written fields");

    let json = store.json(&["customer", "show", "acme", "--format", "json"]);
    let c = &json["card"]["customer"];
    assert_eq!(
        c["fields"],
        serde_json::json!({"approved": "yes", "country": "no", "flag": true, "light": "off", "seats": 12, "zip": "0612"})
    );
    assert_eq!(c["contacts"][0]["name"], "No");
    assert_eq!(c["contacts"][0]["phone"], "0612345678");
    let card = store.run(&["customer", "show", "acme"]);
    assert!(card.contains("  fields.country   no\n"), "{card}");
    assert!(card.contains("  fields.zip       0612\n"), "{card}");

    // Values typed on the command line follow the same rules, and an edit of one field keeps
    // the others as written.
    store.run(&[
        "customer",
        "edit",
        "acme",
        "--set",
        "fields.answer=no",
        "--set",
        "fields.ok=yes",
        "--set",
        "name=Yes",
    ]);
    let yaml = store.read(CUSTOMER);
    assert!(yaml.contains("  country: no\n"), "{yaml}");
    assert!(yaml.contains("  zip: 0612\n"), "{yaml}");
    let json = store.json(&["customer", "show", "acme", "--format", "json"]);
    let c = &json["card"]["customer"];
    assert_eq!(c["name"], "Yes");
    assert_eq!(c["fields"]["answer"], "no");
    assert_eq!(c["fields"]["ok"], "yes");
    assert_eq!(c["fields"]["country"], "no");
    store.status_clean();
}

#[test]
fn leftover_temporary_files_are_ignored() {
    let store = store();
    let id = store.log(
        "acme",
        "email",
        "inbound",
        "Real",
        &["--at", "2025-01-02 10:00"],
    );
    store.write(
        "customers/acme/interactions/.20250101T100000Z-456789ab.yaml.123.abcd0001.tmp",
        "id: torn",
    );
    let json = store.json(&["timeline", "acme", "--format", "json"]);
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["id"], id.as_str());
}
