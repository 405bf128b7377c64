//! `export`: columns, formats, filters, formula neutralising, and the round trip through
//! `import` with the rules files shipped in examples/import/.

use std::path::{Path, PathBuf};

use crate::support::{TestStore, stderr};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/import")
        .join(name)
}

/// Alice and Bob (sales), the same in every store of these tests.
fn people(store: &TestStore) {
    store.add_person("bob", Some("sales"));
}

/// A store with hand-made records whose values a spreadsheet would mangle: formulas, leading
/// signs, multi-line bodies, commas, quotes, numbers, a reply thread, an archived customer.
fn rich_store() -> TestStore {
    let store = TestStore::new();
    people(&store);
    store.add_customer_with(
        "Acme, Inc.",
        &[
            "--slug",
            "acme",
            "--status",
            "active",
            "--tag",
            "vip,retail",
            "--contact",
            "Jane \"JD\" Doe <jane@acme.example>;phone=+33 1 23 45 67 89;role=CTO",
            "--contact",
            "ops@acme.example",
            "--field",
            "seats=40",
            "--field",
            "tier=gold",
            "--field",
            "code=0612",
            "--external-id",
            "hubspot=HS-1",
        ],
    );
    store.add_customer_with(
        "=cmd|'/c calc'!A1",
        &["--slug", "formula", "--owner", "bob"],
    );
    store.add_customer_with("Old Co", &["--slug", "old-co"]);
    store.run(&["customer", "archive", "old-co"]);
    let first = store.log(
        "acme",
        "email",
        "inbound",
        "=HYPERLINK(\"http://evil.example\")",
        &[
            "--at",
            "2026-11-02 09:00",
            "--by",
            "jane@acme.example",
            "--body",
            "Line one\n\n  - indented item\nLast line",
        ],
    );
    store.create(&[
        "log",
        "acme",
        "-c",
        "call",
        "-d",
        "outbound",
        "--summary=-5% discount offered",
        "--at",
        "2026-11-02 10:30",
        "--reply-to",
        &first,
        "--resolves",
        "--tag",
        "pricing,renewal",
    ]);
    store.log(
        "formula",
        "chat",
        "internal",
        "@bob take this",
        &["--at", "2026-11-03 12:00"],
    );
    store.note("acme", "@bob please call Jane");
    store.run(&[
        "assign",
        "acme",
        "--to",
        "bob",
        "--reason",
        "renewal season",
    ]);
    store
}

fn export(store: &TestStore, args: &[&str]) -> String {
    let mut full = vec!["export"];
    full.extend_from_slice(args);
    store.run(&full)
}

#[test]
fn customers_csv_has_stable_columns_and_neutralises_formulas() {
    let store = rich_store();
    let csv = export(&store, &["customers"]);
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "id,slug,name,kind,status,owner,team,tags,contacts,created,archived,external_ids.hubspot,fields.code,fields.seats,fields.tier"
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "archived customers are exported too");
    let acme = &rows[0];
    assert_eq!(&acme[1], "acme");
    assert_eq!(&acme[2], "Acme, Inc.");
    assert_eq!(&acme[5], "bob");
    assert_eq!(&acme[6], "sales");
    assert_eq!(&acme[7], "vip, retail");
    assert_eq!(
        &acme[8],
        "Jane \"JD\" Doe <jane@acme.example>;phone=+33 1 23 45 67 89;role=CTO\nops <ops@acme.example>"
    );
    assert_eq!(&acme[11], "HS-1");
    assert_eq!((&acme[12], &acme[13], &acme[14]), ("0612", "40", "gold"));
    let formula = &rows[1];
    assert_eq!(
        &formula[2], "'=cmd|'/c calc'!A1",
        "a leading = is neutralised"
    );
    assert!(!rows[2][10].is_empty(), "archived time");
}

#[test]
fn touchpoints_notes_and_handoffs_columns_and_filters() {
    let store = rich_store();
    let csv = export(&store, &["touchpoints"]);
    assert!(csv.starts_with(
        "id,customer,at,recorded_at,channel,direction,by,actor,thread,summary,body,resolves,tags,source_system,source_key\n"
    ));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][9], "'=HYPERLINK(\"http://evil.example\")");
    assert_eq!(&rows[0][10], "Line one\n\n  - indented item\nLast line");
    assert_eq!(&rows[1][9], "'-5% discount offered");
    assert_eq!(
        &rows[1][8], &rows[0][0],
        "the reply is in the first touchpoint's thread"
    );
    assert_eq!((&rows[1][11], &rows[1][12]), ("true", "pricing, renewal"));
    assert_eq!(&rows[2][9], "'@bob take this");

    let calls = export(&store, &["touchpoints", "--channel", "call"]);
    assert_eq!(calls.lines().count(), 2, "{calls}");
    let bobs = export(
        &store,
        &["touchpoints", "--owner", "bob", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&bobs).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["touchpoints"].as_array().unwrap().len(),
        3,
        "acme and formula are bob's"
    );
    assert_eq!(json["touchpoints"][0]["customer"], "acme");
    let since = export(
        &store,
        &[
            "touchpoints",
            "--since",
            "2026-11-02T10:00:00Z",
            "--until",
            "2026-11-02",
        ],
    );
    assert_eq!(since.lines().count(), 2, "{since}");
    let tagged = export(
        &store,
        &["touchpoints", "--tag", "renewal", "--customer", "acme"],
    );
    assert_eq!(tagged.lines().count(), 2, "{tagged}");

    let notes = export(&store, &["notes"]);
    assert!(
        notes.starts_with("id,customer,at,by,body,tags\n"),
        "{notes}"
    );
    assert!(
        notes.contains(",acme,") && notes.contains(",alice,'@bob please call Jane,"),
        "{notes}"
    );
    let handoffs = export(&store, &["handoffs"]);
    assert!(handoffs.starts_with(
        "id,customer,at,by,from_owner,from_team,to_owner,to_team,reason,accepted_at\n"
    ));
    assert!(
        handoffs.contains(",alice,alice,,bob,sales,renewal season,\n"),
        "{handoffs}"
    );

    let assert = store
        .cmd()
        .args(["export", "customers", "--channel", "call"])
        .assert()
        .code(2);
    assert!(stderr(&assert).contains("--channel filters touchpoints only"));
    let assert = store
        .cmd()
        .args(["export", "notes", "--customer", "nope"])
        .assert()
        .code(1);
    assert!(stderr(&assert).contains("no customer `nope`"));
}

fn import(store: &TestStore, file: &Path, rules: &str) -> String {
    let out = store
        .cmd()
        .arg("import")
        .arg(file)
        .arg("--rules")
        .arg(example(rules))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every record file of the store, parsed, by path (comments and layout aside).
fn records(store: &TestStore, kinds: &[&str]) -> Vec<(String, serde_json::Value)> {
    let mut out = Vec::new();
    for dir in store.files_in("customers") {
        let mut files = vec![format!("{dir}/customer.yaml")];
        for kind in kinds {
            files.extend(store.files_in(&format!("{dir}/{kind}")));
        }
        for file in files {
            let value: serde_json::Value =
                serde_saphyr::from_str(&store.read(&file)).expect("record parses");
            out.push((file, value));
        }
    }
    out
}

#[test]
fn export_then_import_gives_the_same_store() {
    let store = rich_store();
    let customers = store.sandbox.path().join("customers.csv");
    let touchpoints = store.sandbox.path().join("touchpoints.csv");
    std::fs::write(&customers, export(&store, &["customers"])).unwrap();
    std::fs::write(&touchpoints, export(&store, &["touchpoints"])).unwrap();

    // Into the same store: nothing changes, no commit.
    let head = store.head();
    let out = import(&store, &customers, "export-customers.rules.yaml");
    assert!(
        out.contains(": 0 created, 0 updated, 3 unchanged, 0 skipped"),
        "{out}"
    );
    let out = import(&store, &touchpoints, "export-touchpoints.rules.yaml");
    assert!(
        out.contains(": 0 created, 0 updated, 3 unchanged, 0 skipped"),
        "{out}"
    );
    assert_eq!(store.head(), head);
    store.status_clean();

    // Into a fresh store with the same people: the same customers and touchpoints.
    let fresh = TestStore::new();
    people(&fresh);
    let out = import(&fresh, &customers, "export-customers.rules.yaml");
    assert!(out.contains(": 3 created"), "{out}");
    let out = import(&fresh, &touchpoints, "export-touchpoints.rules.yaml");
    assert!(out.contains(": 3 created"), "{out}");
    fresh.status_clean();
    assert_eq!(
        records(&fresh, &["interactions"]),
        records(&store, &["interactions"])
    );
    // And exporting the copy gives the same spreadsheets.
    assert_eq!(
        export(&fresh, &["customers"]),
        export(&store, &["customers"])
    );
    assert_eq!(
        export(&fresh, &["touchpoints"]),
        export(&store, &["touchpoints"])
    );
}

#[test]
fn imported_touchpoints_keep_their_source_through_a_round_trip() {
    let store = TestStore::new();
    people(&store);
    let import_example = |file: &str, rules: &str| {
        store.run(&[
            "import",
            example(file).to_str().unwrap(),
            "--rules",
            example(rules).to_str().unwrap(),
        ])
    };
    import_example("customers.csv", "customers.rules.yaml");
    import_example("touchpoints.csv", "touchpoints.rules.yaml");
    let csv = export(&store, &["touchpoints"]);
    assert!(csv.contains(",helpdesk,T-1\n"), "{csv}");
    let file = store.sandbox.path().join("t.csv");
    std::fs::write(&file, &csv).unwrap();
    let edited = csv.replace("Kick-off", "Kick-off (moved)");
    let out = import(&store, &file, "export-touchpoints.rules.yaml");
    assert!(out.contains(": 0 created, 0 updated, 4 unchanged"), "{out}");
    std::fs::write(&file, edited).unwrap();
    let out = import(&store, &file, "export-touchpoints.rules.yaml");
    assert!(out.contains(": 0 created, 1 updated, 3 unchanged"), "{out}");
    let globex = store.files_in("customers/globex/interactions");
    let text = store.read(&globex[0]);
    assert!(text.contains("summary: Kick-off (moved)\n"), "{text}");
    assert!(
        text.contains("source:\n  system: helpdesk\n  key: T-3\n"),
        "{text}"
    );
}

/// The touchpoints of the example import, as a spreadsheet receives them. Imported ids are
/// derived from the source key and the time, so they are the same on every run.
#[test]
fn touchpoints_csv_snapshot() {
    let store = TestStore::new();
    people(&store);
    for (file, rules) in [
        ("customers.csv", "customers.rules.yaml"),
        ("touchpoints.csv", "touchpoints.rules.yaml"),
    ] {
        store.run(&[
            "import",
            example(file).to_str().unwrap(),
            "--rules",
            example(rules).to_str().unwrap(),
        ]);
    }
    let csv = export(&store, &["touchpoints"]);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[recorded_at]");
    settings.bind(|| insta::assert_snapshot!("export_touchpoints_csv", csv));
}
