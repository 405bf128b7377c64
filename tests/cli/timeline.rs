//! `timeline <customer>`: filters, formats and snapshots of the text and Markdown layouts.

use predicates::prelude::*;

use crate::support::TestStore;

/// A customer with a deterministic history (every record has a fixed `--at`), and the short ids
/// of its records, in order, with names for the snapshots.
struct Story {
    store: TestStore,
    ids: Vec<(&'static str, String)>,
}

impl Story {
    fn new() -> Self {
        let store = TestStore::new();
        store.add_person("bob", Some("sales"));
        store.add_customer_with(
            "Acme Corp",
            &[
                "--status",
                "active",
                "--contact",
                "Jane Doe <jane@acme.test>",
            ],
        );
        let mut ids = Vec::new();
        let quote = store.log(
            "acme-corp",
            "email",
            "inbound",
            "Asks for a quote",
            &[
                "--at",
                "2025-03-03 09:15",
                "--body",
                "Hello,\nhow much for 12 seats?",
            ],
        );
        ids.push(("quote", quote.clone()));
        ids.push((
            "reply",
            store.log(
                "acme-corp",
                "email",
                "outbound",
                "Sent quote Q-17",
                &["--at", "2025-03-03 10:02", "--reply-to", &quote],
            ),
        ));
        ids.push((
            "note",
            store.create(&[
                "note",
                "acme-corp",
                "Jane wants *annual* billing | check with @bob",
                "--at",
                "2025-03-04 16:40",
            ]),
        ));
        ids.push((
            "auto",
            store.log(
                "acme-corp",
                "email",
                "outbound",
                "Auto-reply: thanks_for_writing",
                &[
                    "--at",
                    "2025-03-04 16:45",
                    "--automated",
                    "--reply-to",
                    &quote,
                ],
            ),
        ));
        ids.push((
            "accept",
            store.log(
                "acme-corp",
                "call",
                "inbound",
                "Accepted the quote",
                &[
                    "--at",
                    "2025-03-05T09:00:00+01:00",
                    "--reply-to",
                    "last",
                    "--resolves",
                ],
            ),
        ));
        ids.push((
            "kickoff",
            store.log(
                "acme-corp",
                "chat",
                "internal",
                "Kick-off planned",
                &["--at", "2025-03-05 11:00", "--by", "bob"],
            ),
        ));
        ids.push((
            "bug",
            store.log(
                "acme-corp",
                "chat",
                "inbound",
                "Login broken",
                &["--at", "2025-03-06 23:30", "--by", "Tom <tom@acme.test>"],
            ),
        ));
        Story { store, ids }
    }

    fn id(&self, name: &str) -> &str {
        &self.ids.iter().find(|(n, _)| *n == name).unwrap().1
    }

    fn timeline(&self, args: &[&str]) -> String {
        let mut full = vec!["timeline", "acme-corp"];
        full.extend_from_slice(args);
        self.store.run(&full)
    }

    /// The short ids in a timeline, in order of appearance.
    fn order(&self, text: &str) -> Vec<&'static str> {
        let mut found: Vec<(usize, &'static str)> = self
            .ids
            .iter()
            .filter_map(|(name, id)| {
                text.find(&format!(" {id}\n"))
                    .or_else(|| text.find(&format!(" {id} ")))
                    .or_else(|| text.find(&format!("`{id}`")))
                    .map(|pos| (pos, *name))
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, n)| n).collect()
    }

    /// insta settings that name each record id (`[quote]`, thread `#[quote]`).
    fn settings(&self) -> insta::Settings {
        let mut settings = insta::Settings::clone_current();
        for (name, id) in &self.ids {
            settings.add_filter(&format!(r"\b{id}\b"), format!("[{name}]"));
        }
        for (name, id) in &self.ids {
            settings.add_filter(&format!(r"#{}\b", &id[..4]), format!("#[{name}]"));
        }
        settings
    }
}

#[test]
fn text_snapshot() {
    let story = Story::new();
    let text = story.timeline(&[]);
    story
        .settings()
        .bind(|| insta::assert_snapshot!("timeline_text", text));
}

#[test]
fn text_snapshot_with_bodies_in_paris() {
    let story = Story::new();
    let text = story.timeline(&[
        "--tz",
        "Europe/Paris",
        "--body",
        "--since",
        "2025-03-03",
        "--until",
        "2025-03-03",
    ]);
    story
        .settings()
        .bind(|| insta::assert_snapshot!("timeline_text_paris_bodies", text));
}

#[test]
fn markdown_snapshot() {
    let story = Story::new();
    let md = story.timeline(&["--format", "markdown"]);
    story
        .settings()
        .bind(|| insta::assert_snapshot!("timeline_markdown", md));
}

#[test]
fn filters() {
    let story = Story::new();
    let all = story.timeline(&[]);
    assert_eq!(
        story.order(&all),
        ["quote", "reply", "note", "auto", "accept", "kickoff", "bug"]
    );
    assert_eq!(story.order(&story.timeline(&["--kind", "note"])), ["note"]);
    assert_eq!(
        story.order(&story.timeline(&["--kind", "touchpoint", "--channel", "chat"])),
        ["kickoff", "bug"]
    );
    assert_eq!(
        story.order(&story.timeline(&["--channel", "call", "--channel", "chat"])),
        ["accept", "kickoff", "bug"]
    );
    assert_eq!(
        story.order(&story.timeline(&["--since", "2025-03-05"])),
        ["accept", "kickoff", "bug"]
    );
    assert_eq!(
        story.order(&story.timeline(&["--since", "2025-03-04", "--until", "2025-03-04"])),
        ["note", "auto"]
    );
    // --since/--until are read in the zone the timeline is shown in.
    assert_eq!(
        story.order(&story.timeline(&[
            "--tz",
            "Asia/Tokyo",
            "--since",
            "2025-03-03 19:00",
            "--until",
            "2025-03-03 20:00"
        ])),
        ["reply"]
    );
    assert_eq!(
        story.order(&story.timeline(&["--by", "alice"])),
        ["reply", "note", "auto"]
    );
    assert_eq!(
        story.order(&story.timeline(&["--by", "jane@acme.test", "--by", "bob"])),
        ["quote", "accept", "kickoff"]
    );
    let none = story.timeline(&["--kind", "task"]);
    assert_eq!(
        none,
        "acme-corp - Acme Corp (active, owner alice)\n\nno entries\n"
    );

    story
        .store
        .cmd()
        .args(["timeline", "acme-corp", "--kind", "email"])
        .assert()
        .code(2);
    story
        .store
        .cmd()
        .args(["timeline", "acme-corp", "--since", "last blursday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--since: cannot read"));
    story
        .store
        .cmd()
        .args(["timeline", "acme-corp", "--tz", "Mars/Olympus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--tz: `Mars/Olympus` is not an IANA time zone",
        ));
}

#[test]
fn relative_since_counts_back_from_now() {
    let story = Story::new();
    story.store.note("acme-corp", "Fresh note");
    let recent = story.timeline(&["--since", "1d"]);
    assert!(recent.contains("Fresh note"), "{recent}");
    assert!(story.order(&recent).is_empty(), "{recent}");
}

#[test]
fn json_is_versioned_and_complete() {
    let story = Story::new();
    let json = story
        .store
        .json(&["timeline", "acme-corp", "--format", "json"]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["customer"]["slug"], "acme-corp");
    assert_eq!(json["customer"]["status"], "active");
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 7);
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = story.ids.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, expected);

    let quote = &entries[0];
    assert_eq!(quote["kind"], "touchpoint");
    assert_eq!(quote["at"], "2025-03-03T09:15:00Z");
    assert_eq!(quote["by"], "jane@acme.test");
    assert_eq!(quote["channel"], "email");
    assert_eq!(quote["direction"], "inbound");
    assert_eq!(quote["text"], "Asks for a quote");
    assert_eq!(quote["body"], "Hello,\nhow much for 12 seats?");
    assert_eq!(
        quote["thread"],
        serde_json::json!({"thread": story.id("quote"), "starts": true, "resolves": false, "open": false})
    );
    assert!(
        quote["path"]
            .as_str()
            .unwrap()
            .starts_with("customers/acme-corp/interactions/20250303T091500Z-")
    );

    let note = &entries[2];
    assert_eq!(note["kind"], "note");
    assert_eq!(note["by"], "alice");
    assert!(note.get("channel").is_none());
    assert_eq!(entries[3]["automated"], true);
    assert_eq!(entries[4]["thread"]["resolves"], true);
    assert_eq!(entries[4]["at"], "2025-03-05T09:00:00+01:00");
    assert_eq!(entries[6]["thread"]["open"], true);
    assert_eq!(entries[6]["by"], "Tom <tom@acme.test>");

    let filtered = story.store.json(&[
        "timeline",
        "acme-corp",
        "--format",
        "json",
        "--kind",
        "note",
    ]);
    assert_eq!(filtered["entries"].as_array().unwrap().len(), 1);
}

#[test]
fn kinds_of_every_record_appear() {
    let story = Story::new();
    let store = &story.store;
    let task = store.create(&[
        "task",
        "add",
        "acme-corp",
        "Send contract",
        "--assignee",
        "bob",
        "--due",
        "2030-01-31",
    ]);
    store.run(&["task", "done", &task]);
    let handoff = store.create(&["assign", "acme-corp", "--to", "bob", "--reason", "Sales"]);
    store
        .cmd_as("bob")
        .args(["handoff", "accept", "acme-corp"])
        .assert()
        .success();
    let json = store.json(&[
        "timeline",
        "acme-corp",
        "--format",
        "json",
        "--kind",
        "task",
        "--kind",
        "handoff",
    ]);
    let kinds: Vec<(&str, &str)> = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["id"].as_str().unwrap()))
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            ("handoff", handoff.as_str()),
            ("handoff_accepted", handoff.as_str()),
            ("task", task.as_str()),
            ("task_done", task.as_str()),
        ]
    );
    let text = store.run(&[
        "timeline",
        "acme-corp",
        "--kind",
        "task",
        "--kind",
        "handoff",
    ]);
    assert!(
        text.contains("Send contract (for bob, due 2030-01-31)"),
        "{text}"
    );
    assert!(text.contains("alice -> bob (sales): Sales"), "{text}");
    assert!(text.contains("accepted by bob"), "{text}");
    assert_eq!(text.matches(&task).count(), 2, "{text}");
    assert!(
        text.starts_with("acme-corp - Acme Corp (active, owner bob/sales)\n"),
        "{text}"
    );
}

#[test]
fn control_characters_are_escaped() {
    let store = TestStore::new();
    store.add_customer_with("Evil Co", &["--slug", "evil"]);
    // Such values never get in through git-crm (the write gate refuses them, below), but a
    // teammate can push anything: the files are written by hand, as a pull would bring them.
    store.replace_line(
        "customers/evil/customer.yaml",
        "name:",
        "name: \"Evil \\e]0;pwned\\a Co\"",
    );
    store.write(
        "customers/evil/interactions/20250303T090000Z-0000aaaa.yaml",
        "id: 01955c7e-2e80-7000-8000-00000000aaaa\nat: 2025-03-03T09:00:00Z\nrecorded_at: 2025-03-03T09:00:00Z\nchannel: email\ndirection: inbound\nby: \"x\\u202ey\"\nthread: 01955c7e-2e80-7000-8000-00000000aaaa\nsummary: \"\\e[2J evil\"\n",
    );
    store.write(
        "customers/evil/notes/20250303T100000Z-0000bbbb.yaml",
        "id: 01955cb4-a500-7000-8000-00000000bbbb\nat: 2025-03-03T10:00:00Z\nby: alice\nbody: \"bell\\a and\\rreturn\"\n",
    );
    store.commit_all("a hostile push");
    for refused in [
        &["customer", "add", "Evil \u{1b}]0;pwned\u{7} Co"][..],
        &[
            "log",
            "evil",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "\u{1b}[2J evil",
        ],
        &["note", "evil", "bell\u{7}"],
    ] {
        let out = store.cmd().args(refused).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{refused:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("control character"),
            "{refused:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    for format in ["table", "markdown"] {
        let out = store.run(&["timeline", "evil", "--format", format]);
        // Markdown escapes the backslash of an escape and its brackets once more, so that it
        // renders as the same text.
        let out = if format == "markdown" {
            out.replace("\\\\", "\\")
                .replace("\\[", "[")
                .replace("\\]", "]")
        } else {
            out
        };
        assert!(!out.contains('\u{1b}'), "{format}: raw escape in {out:?}");
        assert!(
            !out.contains('\u{7}') && !out.contains('\r') && !out.contains('\u{202e}'),
            "{format}: {out:?}"
        );
        assert!(out.contains("\\u{1b}[2J evil"), "{format}: {out}");
        assert!(out.contains("x\\u{202e}y"), "{format}: {out}");
        assert!(
            out.contains("Evil \\u{1b}]0;pwned\\u{7} Co"),
            "{format}: {out}"
        );
        assert!(out.contains("bell\\u{7} and\\rreturn"), "{format}: {out}");
    }
    for args in [&["customer", "list"][..], &["customer", "show", "evil"]] {
        let out = store.run(args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("\\u{1b}"), "{args:?}: {out}");
    }
    // JSON carries the data as it is, correctly encoded.
    let json = store.json(&["timeline", "evil", "--format", "json"]);
    assert_eq!(json["entries"][0]["text"], "\u{1b}[2J evil");
    // The commit subject never carries control characters.
    let subjects = store.git(&["log", "--format=%s"]);
    assert!(!subjects.contains('\u{1b}'), "{subjects:?}");
}
