//! `import`: rules, readers, validation, upsert, idempotence, dry runs and kills.

use std::path::{Path, PathBuf};

use crate::support::{TestStore, stderr, stdout};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/import")
        .join(name)
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

/// Alice (no team) and Bob (sales), as the examples expect.
fn store() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", Some("sales"));
    store
}

/// Writes a file into the sandbox (outside the store) and returns its path.
fn scratch(store: &TestStore, name: &str, contents: &[u8]) -> PathBuf {
    let path = store.sandbox.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn import(
    store: &TestStore,
    file: &Path,
    rules: &Path,
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    store
        .cmd()
        .arg("import")
        .arg(file)
        .arg("--rules")
        .arg(rules)
        .args(extra)
        .assert()
}

fn import_ok(store: &TestStore, file: &Path, rules: &Path, extra: &[&str]) -> String {
    stdout(&import(store, file, rules, extra).success())
}

fn import_examples(store: &TestStore) {
    import_ok(
        store,
        &example("customers.csv"),
        &example("customers.rules.yaml"),
        &[],
    );
}

fn customer_files(store: &TestStore) -> Vec<String> {
    let mut files = Vec::new();
    for dir in store.files_in("customers") {
        files.push(format!("{dir}/customer.yaml"));
        files.extend(store.files_in(&format!("{dir}/interactions")));
    }
    files
}

const CUSTOMER_RULES: &str = "records: customers\nsource: crm\nkey: [ID]\nfields:\n  name: Name\n  status: Status\n  owner: Owner\n  tags: Tags\n";

#[test]
fn example_customers_import_in_one_commit() {
    let store = store();
    let before = store.commit_count();
    let out = import_ok(
        &store,
        &example("customers.csv"),
        &example("customers.rules.yaml"),
        &[],
    );
    assert!(
        out.contains(": 4 created, 0 updated, 0 unchanged, 0 skipped\nin commit "),
        "{out}"
    );
    assert_eq!(store.commit_count(), before + 1);
    store.status_clean();
    let message = store.head_message();
    assert!(
        message.starts_with("import: customers from customers.csv: 4 created, 0 updated (alice)"),
        "{message}"
    );
    assert!(message.contains("Crm-Op: import.customers\n"), "{message}");
    assert_eq!(message.matches("Crm-Ids:").count(), 1);

    let acme = store.read("customers/acme-corp/customer.yaml");
    for line in [
        "name: Acme Corp\n",
        "status: active\n",
        "owner: alice\n",
        "tags:\n- retail\n- vip\n",
        "  email: jane@acme.example\n  phone: +33 1 23 45 67 89\n",
        "external_ids:\n  hubspot: HS-1001\n",
        "fields:\n  seats: 40\n  tier: gold\n",
        "created: \"2026-11-02T00:00:00+01:00\"\n",
    ] {
        assert!(acme.contains(line), "{line:?} in\n{acme}");
    }
    let globex = store.read("customers/globex/customer.yaml");
    assert!(
        globex.contains("owner: bob\nteam: sales\n"),
        "owner's team: {globex}"
    );
    let initech = store.read("customers/initech/customer.yaml");
    assert!(
        initech.contains("status: churned\n"),
        "the `if` rule wins: {initech}"
    );
    assert!(
        store
            .path("customers/cafe-noir-and-fils/customer.yaml")
            .is_file()
    );
}

#[test]
fn rerun_creates_and_changes_nothing() {
    let store = store();
    import_examples(&store);
    let head = store.head();
    let out = import_ok(
        &store,
        &example("customers.csv"),
        &example("customers.rules.yaml"),
        &[],
    );
    assert!(
        out.contains(": 0 created, 0 updated, 4 unchanged, 0 skipped\nnothing to commit\n"),
        "{out}"
    );
    assert_eq!(store.head(), head, "no empty commit");
    store.status_clean();
}

#[test]
fn changed_row_updates_in_place_keeping_comments() {
    let store = store();
    import_examples(&store);
    let path = "customers/acme-corp/customer.yaml";
    let text = store.read(path);
    store.write(
        path,
        &format!("# Key account: call before invoicing\n{text}x-legacy: 7 # kept\n"),
    );
    store.commit_all("hand edit");
    let csv = std::fs::read_to_string(example("customers.csv"))
        .unwrap()
        .replace(
            "HS-1001;Acme Corp;Customer;Alice;retail, vip",
            "HS-1001;Acme Corp;Churned;Bob;retail, renewal",
        );
    let file = scratch(&store, "customers.csv", csv.as_bytes());
    let before = store.commit_count();
    let out = import_ok(&store, &file, &example("customers.rules.yaml"), &[]);
    assert!(
        out.contains(": 0 created, 1 updated, 3 unchanged, 0 skipped"),
        "{out}"
    );
    assert_eq!(store.commit_count(), before + 1);
    store.status_clean();
    let new = store.read(path);
    assert!(
        new.starts_with("# Key account: call before invoicing\n"),
        "{new}"
    );
    assert!(new.contains("x-legacy: 7 # kept\n"), "{new}");
    assert!(new.contains("status: churned\n"), "{new}");
    assert!(new.contains("owner: bob\n"), "{new}");
    assert!(new.contains("team: sales\n"), "{new}");
    assert!(
        new.contains("- retail\n") && new.contains("- vip\n") && new.contains("- renewal\n"),
        "tags are added, never removed: {new}"
    );
    assert!(new.contains("id: ") && new.contains("hubspot: HS-1001"));
    let handoffs = store.files_in("customers/acme-corp/handoffs");
    assert_eq!(handoffs.len(), 1, "an owner change writes its handoff");
    let handoff = store.read(&handoffs[0]);
    assert!(
        handoff.contains("to:\n  owner: bob\n  team: sales\n"),
        "{handoff}"
    );
    // And the same file again is a no-op.
    let out = import_ok(&store, &file, &example("customers.rules.yaml"), &[]);
    assert!(out.contains(": 0 created, 0 updated, 4 unchanged"), "{out}");
}

#[test]
fn csv_variants_bom_tabs_pipes_and_multiline_cells() {
    let store = store();
    let rules = scratch(
        &store,
        "r.yaml",
        format!("{CUSTOMER_RULES}  fields.notes: Notes\n").as_bytes(),
    );
    let tsv = scratch(
        &store,
        "c.tsv",
        b"\xEF\xBB\xBFID\tName\tStatus\tOwner\tTags\tNotes\n1\tMulti Ltd\tactive\talice\ta\t\"two\nlines\"\n2\tPlain\tlead\tbob\t\t\n",
    );
    let out = import_ok(&store, &tsv, &rules, &[]);
    assert!(out.contains(": 2 created"), "{out}");
    let multi = store.read("customers/multi-ltd/customer.yaml");
    assert!(multi.contains("notes: |-\n    two\n    lines\n"), "{multi}");
    // A name is one line: a multi-line name cell is a problem at its row and column.
    let bad = scratch(
        &store,
        "bad.tsv",
        b"ID\tName\tStatus\tOwner\tTags\tNotes\n9\t\"Multi\nLine\"\tactive\talice\t\t\n",
    );
    let err = stderr(&import(&store, &bad, &rules, &[]).code(1));
    assert!(
        err.contains("bad.tsv:2:2: name (column `Name`): the name must be one line"),
        "{err}"
    );
    let piped = scratch(
        &store,
        "c.txt",
        b"ID|Name|Status|Owner|Tags\n3|\"Pipe, Inc\"|paused|alice|x\n",
    );
    let rules_pipe = scratch(
        &store,
        "r2.yaml",
        format!("{CUSTOMER_RULES}delimiter: \"|\"\n").as_bytes(),
    );
    let out = import_ok(&store, &piped, &rules_pipe, &[]);
    assert!(out.contains(": 1 created"), "{out}");
    assert!(
        store
            .read("customers/pipe-inc/customer.yaml")
            .contains("status: paused\n")
    );
    store.status_clean();
}

#[test]
fn latin1_is_refused_with_a_clear_error() {
    let store = store();
    let rules = scratch(&store, "r.yaml", CUSTOMER_RULES.as_bytes());
    let before = store.commit_count();
    let assert = import(&store, &data("latin1.csv"), &rules, &[]).code(1);
    let err = stderr(&assert);
    assert!(
        err.contains("latin1.csv:3:6: the file is not UTF-8 (byte 0xE9); it looks like Latin-1/Windows-1252: save it as CSV UTF-8"),
        "{err}"
    );
    assert_eq!(store.commit_count(), before);
    assert!(store.files_in("customers").is_empty());
}

/// An OpenDocument spreadsheet (tests/data/import/customers.ods, the workbook of the example
/// saved as ODS) reads through the same rules as the XLSX: the same customers, numbers and dates.
#[test]
fn ods_reads_like_the_workbook() {
    let store = store();
    let out = import_ok(
        &store,
        &data("customers.ods"),
        &example("customers-xlsx.rules.yaml"),
        &[],
    );
    assert!(out.contains(": 4 created"), "{out}");
    let acme = store.read("customers/acme-corp/customer.yaml");
    assert!(acme.contains("seats: 40\n"), "numbers stay numbers: {acme}");
    assert!(
        acme.contains("created: \"2026-11-02T00:00:00+01:00\"\n"),
        "dates: {acme}"
    );
    let out = import_ok(
        &store,
        &example("customers.xlsx"),
        &example("customers-xlsx.rules.yaml"),
        &[],
    );
    assert!(out.contains(": 0 created, 0 updated, 4 unchanged"), "{out}");
}

#[test]
fn xlsx_by_sheet_name_and_position() {
    let store = store();
    let out = import_ok(
        &store,
        &example("customers.xlsx"),
        &example("customers-xlsx.rules.yaml"),
        &[],
    );
    assert!(out.contains(": 4 created"), "{out}");
    let acme = store.read("customers/acme-corp/customer.yaml");
    assert!(acme.contains("seats: 40\n"), "numbers stay numbers: {acme}");
    assert!(
        acme.contains("created: \"2026-11-02T00:00:00+01:00\"\n"),
        "dates: {acme}"
    );
    // The CSV of the same data matches the customers the workbook created.
    let out = import_ok(
        &store,
        &example("customers.csv"),
        &example("customers.rules.yaml"),
        &[],
    );
    assert!(out.contains(": 0 created, 0 updated, 4 unchanged"), "{out}");

    let text = std::fs::read_to_string(example("customers-xlsx.rules.yaml")).unwrap();
    let by_position = scratch(
        &store,
        "pos.yaml",
        text.replace("sheet: Customers", "sheet: 2").as_bytes(),
    );
    let out = import_ok(
        &store,
        &example("customers.xlsx"),
        &by_position,
        &["--dry-run"],
    );
    assert!(out.contains(": 0 created, 0 updated, 4 unchanged"), "{out}");
    let missing = scratch(
        &store,
        "missing.yaml",
        text.replace("sheet: Customers", "sheet: Clients")
            .as_bytes(),
    );
    let err = stderr(&import(&store, &example("customers.xlsx"), &missing, &[]).code(1));
    assert!(
        err.contains("no sheet `Clients` in the workbook; its sheets are: Read me, Customers"),
        "{err}"
    );
}

#[test]
fn every_bad_row_is_reported_and_nothing_is_written() {
    let store = store();
    let rules = scratch(&store, "r.yaml", CUSTOMER_RULES.as_bytes());
    let csv = scratch(
        &store,
        "bad.csv",
        b"ID,Name,Status,Owner,Tags\n1,Good,active,alice,\n2,,active,alice,\n3,Bad Status,activ,alice,\n4,Nobody,lead,zed,\n,No Key,lead,alice,\n1,Twice,lead,alice,\n",
    );
    let before = store.commit_count();
    let assert = import(&store, &csv, &rules, &[]).code(1);
    let err = stderr(&assert);
    let file = csv.display().to_string();
    let expected = [
        format!("{file}:3:2: name: empty; a new customer needs a name"),
        format!(
            "{file}:4:3: status (column `Status`): `activ` is not one of lead, active, paused, churned"
        ),
        format!("{file}:5:4: owner (column `Owner`): no person `zed` in .gitcrm/config.yaml"),
        format!("{file}:6:1: the source key (column `ID`) is empty"),
        format!("{file}:7:1: duplicate key `1`: row 2 has the same one"),
    ];
    for line in &expected {
        assert!(err.contains(line.as_str()), "missing {line:?} in\n{err}");
    }
    assert!(
        err.contains(
            "error: 5 invalid rows; nothing was imported\nhint: fix them, or pass --skip-invalid"
        ),
        "{err}"
    );
    assert_eq!(store.commit_count(), before);
    assert!(store.files_in("customers").is_empty());
    store.status_clean();
}

#[test]
fn skip_invalid_imports_the_rest_and_lists_what_was_skipped() {
    let store = store();
    let rules = scratch(&store, "r.yaml", CUSTOMER_RULES.as_bytes());
    let csv = scratch(
        &store,
        "some-bad.csv",
        b"ID,Name,Status,Owner,Tags\n1,Good,active,alice,\n2,Bad,activ,alice,\n3,Fine,lead,bob,\n",
    );
    let assert = import(
        &store,
        &csv,
        &rules,
        &["--skip-invalid", "--format", "json"],
    )
    .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
    let summary = &json["import"];
    assert_eq!(json["version"], 1);
    assert_eq!(summary["created"], 2);
    assert_eq!(summary["skipped"], 1);
    assert_eq!(summary["imported"], true);
    assert_eq!(summary["problems"][0]["row"], 3);
    assert_eq!(summary["problems"][0]["column"], 3);
    assert_eq!(summary["rows"][1]["action"], "skipped");
    assert!(summary["commit"].is_string());
    assert!(stderr(&assert).contains("some-bad.csv:3:3: status (column `Status`)"));
    assert!(
        store.path("customers/good/customer.yaml").is_file()
            && store.path("customers/fine/customer.yaml").is_file()
    );
    store.status_clean();
}

#[test]
fn dry_run_shows_the_plan_and_writes_nothing() {
    let store = store();
    let before = store.commit_count();
    let out = import_ok(
        &store,
        &example("customers.csv"),
        &example("customers.rules.yaml"),
        &["--dry-run"],
    );
    assert!(
        out.contains("would create customers/acme-corp/customer.yaml (row 2)\n"),
        "{out}"
    );
    assert!(out.contains("would import customers from "), "{out}");
    assert!(store.files_in("customers").is_empty());
    assert_eq!(store.commit_count(), before);
    store.status_clean();

    import_examples(&store);
    let csv = std::fs::read_to_string(example("customers.csv"))
        .unwrap()
        .replace("HS-1002;Globex;Prospect", "HS-1002;Globex Corp;Customer");
    let file = scratch(&store, "changed.csv", csv.as_bytes());
    let head = store.head();
    let text = store.read("customers/globex/customer.yaml");
    let out = import_ok(
        &store,
        &file,
        &example("customers.rules.yaml"),
        &["--dry-run"],
    );
    assert!(
        out.contains("would update customers/globex/customer.yaml (row 3): name, status\n"),
        "{out}"
    );
    assert_eq!(store.read("customers/globex/customer.yaml"), text);
    assert_eq!(store.head(), head);
}

#[test]
fn touchpoints_find_their_customer_by_email_external_id_or_slug() {
    let store = store();
    import_examples(&store);
    let out = import_ok(
        &store,
        &example("touchpoints.csv"),
        &example("touchpoints.rules.yaml"),
        &[],
    );
    assert!(
        out.contains("skipped row 7: skipped by an `if` rule\n"),
        "{out}"
    );
    assert!(
        out.contains(": 4 created, 0 updated, 0 unchanged, 1 skipped"),
        "{out}"
    );
    store.status_clean();
    let acme = store.files_in("customers/acme-corp/interactions");
    assert_eq!(acme.len(), 2, "matched by contact email");
    let first = store.read(&acme[0]);
    for line in [
        "at: \"2026-11-02T09:15:00+01:00\"\n",
        "channel: call\n",
        "direction: inbound\n",
        "by: jane@acme.example\n",
        "actor: human\n",
        "body: |-\n  Jane asks why the November invoice\n  counts 45 seats instead of 40.\n",
        "source:\n  system: helpdesk\n  key: T-1\n",
    ] {
        assert!(first.contains(line), "{line:?} in\n{first}");
    }
    assert!(store.read(&acme[1]).contains("resolves: true\n"));

    // By external id and by slug, with the same keys: the records are found again.
    let by_external = std::fs::read_to_string(example("touchpoints.rules.yaml"))
        .unwrap()
        .replace(
            "customer.email: Customer email",
            "customer.external_id: Customer",
        )
        + "customer_source: hubspot\n";
    let csv = "Ticket,Customer,Date,Type,From us?,Agent,Subject,Details,Solved\nT-1,HS-1001,2026-11-02 09:15,Phone,no,,Invoice question,\"Jane asks why the November invoice\ncounts 45 seats instead of 40.\",no\nT-9,HS-1002,2026-11-05 10:00,call,yes,Bob,Follow-up,,no\n";
    let file = scratch(&store, "t.csv", csv.as_bytes());
    let rules = scratch(&store, "t.yaml", by_external.as_bytes());
    let out = import_ok(&store, &file, &rules, &[]);
    assert!(out.contains(": 1 created, 0 updated, 1 unchanged"), "{out}");
    assert_eq!(store.files_in("customers/globex/interactions").len(), 2);
    let by_slug = by_external.replace("customer.external_id: Customer", "customer: Customer");
    let csv = csv
        .replace("HS-1001", "acme-corp")
        .replace("HS-1002", "globex");
    let file = scratch(&store, "t2.csv", csv.as_bytes());
    let rules = scratch(&store, "t2.yaml", by_slug.as_bytes());
    let out = import_ok(&store, &file, &rules, &[]);
    assert!(out.contains(": 0 created, 0 updated, 2 unchanged"), "{out}");

    // An unknown email is a located problem.
    let csv = "Ticket,Customer email,Date,Type,From us?,Agent,Subject,Details,Solved\nT-20,nobody@x.example,2026-11-05 10:00,call,no,,Hi,,no\n";
    let file = scratch(&store, "t3.csv", csv.as_bytes());
    let err = stderr(&import(&store, &file, &example("touchpoints.rules.yaml"), &[]).code(1));
    assert!(
        err.contains("t3.csv:2:2: customer.email (column `Customer email`): no customer has a contact with the email `nobody@x.example`"),
        "{err}"
    );
}

#[test]
fn changed_touchpoint_row_updates_its_file_in_place() {
    let store = store();
    import_examples(&store);
    import_ok(
        &store,
        &example("touchpoints.csv"),
        &example("touchpoints.rules.yaml"),
        &[],
    );
    let files = store.files_in("customers/globex/interactions");
    let csv = std::fs::read_to_string(example("touchpoints.csv"))
        .unwrap()
        .replace("Kick-off,,no", "Kick-off meeting,,yes")
        .replace("2026-11-03 14:00", "2026-11-03 15:30");
    let file = scratch(&store, "t.csv", csv.as_bytes());
    let out = import_ok(&store, &file, &example("touchpoints.rules.yaml"), &[]);
    assert!(out.contains(": 0 created, 1 updated, 3 unchanged"), "{out}");
    assert_eq!(
        store.files_in("customers/globex/interactions"),
        files,
        "same file"
    );
    let text = store.read(&files[0]);
    assert!(
        text.contains("summary: Kick-off meeting\n")
            && text.contains("resolves: true\n")
            && text.contains("at: \"2026-11-03T15:30:00+01:00\"\n"),
        "{text}"
    );
    store.status_clean();
}

#[test]
fn thread_column_groups_rows_into_one_thread() {
    let store = store();
    import_examples(&store);
    let rules = std::fs::read_to_string(example("touchpoints.rules.yaml"))
        .unwrap()
        .replace(
            "  resolves: Solved\n",
            "  resolves: Solved\n  thread: Conversation\n",
        );
    let rules = scratch(&store, "t.yaml", rules.as_bytes());
    let csv = "Ticket,Conversation,Customer email,Date,Type,From us?,Agent,Subject,Details,Solved\nT-2,C-1,jane@acme.example,2026-11-02 11:40,email,yes,Alice,Re: question,,yes\nT-1,C-1,jane@acme.example,2026-11-02 09:15,email,no,,Question,,no\n";
    let file = scratch(&store, "t.csv", csv.as_bytes());
    import_ok(&store, &file, &rules, &[]);
    let files = store.files_in("customers/acme-corp/interactions");
    let read = |p: &str| -> serde_json::Value {
        let text = store.read(p);
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("id: "))
            .unwrap()
            .to_string();
        let thread = text
            .lines()
            .find_map(|l| l.strip_prefix("thread: "))
            .unwrap()
            .to_string();
        serde_json::json!({"id": id, "thread": thread})
    };
    let (first, second) = (read(&files[0]), read(&files[1]));
    assert_eq!(
        first["thread"], first["id"],
        "the earliest row starts the thread"
    );
    assert_eq!(second["thread"], first["id"]);
    let timeline = store.run(&["timeline", "acme-corp"]);
    assert!(timeline.contains("[resolved]"), "{timeline}");
}

/// A `reply_to` column naming the parent's key threads a row: to a row of the same file
/// (through a chain of replies), or to a touchpoint imported before; a reply to a key found
/// nowhere is a problem at its row and column.
#[test]
fn reply_column_threads_rows_by_the_parents_key() {
    let store = store();
    import_examples(&store);
    let rules = std::fs::read_to_string(example("touchpoints.rules.yaml"))
        .unwrap()
        .replace(
            "  resolves: Solved\n",
            "  resolves: Solved\n  reply_to: Answers\n",
        );
    let rules = scratch(&store, "t.yaml", rules.as_bytes());
    let header = "Ticket,Answers,Customer email,Date,Type,From us?,Agent,Subject,Details,Solved\n";
    let csv = format!(
        "{header}T-3,T-2,jane@acme.example,2026-11-02 12:00,email,no,,Re: Re: question,,no\nT-2,T-1,jane@acme.example,2026-11-02 11:40,email,yes,Alice,Re: question,,no\nT-1,,jane@acme.example,2026-11-02 09:15,email,no,,Question,,no\n"
    );
    let file = scratch(&store, "t.csv", csv.as_bytes());
    import_ok(&store, &file, &rules, &[]);
    let threads = |store: &TestStore| -> Vec<(String, String)> {
        store
            .files_in("customers/acme-corp/interactions")
            .iter()
            .map(|p| {
                let text = store.read(p);
                let field = |k: &str| {
                    text.lines()
                        .find_map(|l| l.strip_prefix(k))
                        .unwrap()
                        .to_string()
                };
                (field("id: "), field("thread: "))
            })
            .collect()
    };
    let rows = threads(&store);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|(_, t)| *t == rows[0].0), "{rows:?}");
    // A later file answers a touchpoint imported before; a reply to an unknown key is refused.
    let later = format!(
        "{header}T-4,T-1,jane@acme.example,2026-11-03 10:00,email,yes,Alice,Follow-up,,yes\nT-5,T-99,jane@acme.example,2026-11-03 11:00,email,no,,Lost,,no\n"
    );
    let file = scratch(&store, "later.csv", later.as_bytes());
    let assert = import(&store, &file, &rules, &[]).code(1);
    assert!(
        stderr(&assert).contains(
            "later.csv:3:2: reply_to (column `Answers`): no touchpoint of acme-corp has the source key `T-99`"
        ),
        "{}",
        stderr(&assert)
    );
    import_ok(&store, &file, &rules, &["--skip-invalid"]);
    let rows = threads(&store);
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|(_, t)| *t == rows[0].0), "{rows:?}");
    // Re-running changes nothing.
    let again = import_ok(&store, &file, &rules, &["--skip-invalid"]);
    assert!(again.contains("0 created, 0 updated"), "{again}");
    // Replies that answer each other are refused, each at its row; a long chain is fine.
    let looped = format!(
        "{header}T-6,T-7,jane@acme.example,2026-11-04 10:00,email,no,,A,,no\nT-7,T-6,jane@acme.example,2026-11-04 11:00,email,no,,B,,no\n"
    );
    let file = scratch(&store, "loop.csv", looped.as_bytes());
    let err = stderr(&import(&store, &file, &rules, &["--dry-run"]).code(1));
    assert!(err.contains("loop.csv:2:2: reply_to"), "{err}");
    assert!(err.contains("loop.csv:3:2: reply_to"), "{err}");
    assert!(err.contains("replies in a loop (rows "), "{err}");
    let mut chain = header.to_string();
    for n in 0..2000 {
        let parent = if n == 0 {
            String::new()
        } else {
            format!("C-{}", n - 1)
        };
        chain.push_str(&format!(
            "C-{n},{parent},jane@acme.example,2026-11-05 10:00,email,no,,Chain,,no\n"
        ));
    }
    let file = scratch(&store, "chain.csv", chain.as_bytes());
    let out = import_ok(&store, &file, &rules, &["--dry-run"]);
    assert!(out.contains("2000 created"), "{out}");
}

/// Rows imported without `actor: human` count in no metric: the summary says so, once.
#[test]
fn an_import_metrics_will_ignore_says_so() {
    let store = store();
    import_examples(&store);
    let rules = std::fs::read_to_string(example("touchpoints.rules.yaml"))
        .unwrap()
        .replace("defaults:\n  actor: human\n", "");
    let rules = scratch(&store, "t.yaml", rules.as_bytes());
    let assert = import(&store, &example("touchpoints.csv"), &rules, &["--dry-run"]).success();
    let err = stderr(&assert);
    assert!(
        err.contains("touchpoints counts in metrics: their actor is not `human`"),
        "{err}"
    );
    let assert = import(
        &store,
        &example("touchpoints.csv"),
        &example("touchpoints.rules.yaml"),
        &[],
    )
    .success();
    assert!(!stderr(&assert).contains("counts in metrics"));
}

#[test]
fn rules_problems_are_listed_one_per_line() {
    let store = store();
    let rules = scratch(
        &store,
        "bad-rules.yaml",
        b"records: customers\nsource: crm\nkey: [Id]\nfields:\n  nmae: Name\n  status: Stage\n",
    );
    let csv = scratch(&store, "c.csv", b"ID,Name,Status\n1,A,lead\n");
    let err = stderr(&import(&store, &csv, &rules, &[]).code(1));
    let path = rules.display().to_string();
    assert!(
        err.contains(&format!("{path}: fields.nmae"))
            || err.contains(&format!(
                "{path}: `nmae` is not a customer field; did you mean `name`?"
            )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{path}: fields.status: no column `Stage` in the data; columns are: ID, Name, Status"
        )),
        "{err}"
    );
    assert!(
        err.contains("error: the rules file has 2 problems\nhint: docs/import.md"),
        "{err}"
    );
    let typo = scratch(&store, "typo.yaml", b"records: customers\nfeilds: {}\n");
    let err = stderr(&import(&store, &csv, &typo, &[]).code(1));
    assert!(
        err.contains("typo.yaml:2:1: unknown field `feilds`"),
        "{err}"
    );
}

/// The test hook aborts the process (SIGABRT, no clean-up: what `kill -9` leaves) after some
/// files are written; the next command undoes them, and the re-run imports every row once.
#[test]
fn killed_import_is_completed_by_a_rerun_without_duplicates() {
    let store = store();
    let mut csv = String::from("ID,Name,Status,Owner,Tags\n");
    for i in 0..40 {
        csv.push_str(&format!("K{i},Company {i},active,alice,t{}\n", i % 3));
    }
    let file = scratch(&store, "many.csv", csv.as_bytes());
    let rules = scratch(&store, "r.yaml", CUSTOMER_RULES.as_bytes());
    let before = store.commit_count();
    let head = store.head();
    let output = store
        .std_cmd()
        .arg("import")
        .arg(&file)
        .arg("--rules")
        .arg(&rules)
        .env("GITCRM_TEST_ABORT", "files:7")
        .output()
        .unwrap();
    assert!(!output.status.success(), "the hook aborts the import");
    assert_eq!(store.head(), head, "no commit, not even half of one");
    // Files are complete or absent: every customer file present ends with its last line.
    let written: Vec<String> = store
        .files_in("customers")
        .into_iter()
        .map(|dir| format!("{dir}/customer.yaml"))
        .filter(|f| store.path(f).is_file())
        .collect();
    assert!(
        (7..40).contains(&written.len()),
        "{} files written before the abort",
        written.len()
    );
    for file in &written {
        let text = store.read(file);
        let last = text.lines().last().unwrap_or_default();
        assert!(
            text.ends_with('\n') && last.starts_with("created: "),
            "torn file {file}: {text}"
        );
    }
    let journal = store.sandbox.path().join("store/.git/gitcrm/journal.json");
    assert!(journal.is_file());

    // A kill in the middle of a write leaves a folder with only a temporary file in it.
    let unwritten = (0..40)
        .map(|i| format!("customers/company-{i}"))
        .find(|dir| !store.path(dir).exists())
        .unwrap();
    store.write(
        &format!("{unwritten}/.customer.yaml.999.0badf00d.tmp"),
        "id: 0",
    );

    let rerun = import(&store, &file, &rules, &[]).success();
    let note = stderr(&rerun);
    assert_eq!(
        note,
        format!(
            "note: undid an interrupted `import.customers` (process {}): {} files put back as committed\n",
            output_pid(&note),
            written.len()
        )
    );
    assert!(stdout(&rerun).contains(": 40 created, 0 updated, 0 unchanged"));
    assert!(store.path(&format!("{unwritten}/customer.yaml")).is_file());
    assert!(
        !store
            .path(&format!("{unwritten}/.customer.yaml.999.0badf00d.tmp"))
            .exists()
    );
    assert_eq!(
        store.files_in("customers").len(),
        40,
        "one customer per row"
    );
    assert_eq!(
        store.commit_count(),
        before + 1,
        "one commit for the whole import"
    );
    store.status_clean();
    assert_eq!(
        store
            .head_files()
            .iter()
            .filter(|f| f.ends_with("customer.yaml"))
            .count(),
        40
    );
    assert!(!journal.exists());
    let again = import_ok(&store, &file, &rules, &[]);
    assert!(
        again.contains(": 0 created, 0 updated, 40 unchanged"),
        "{again}"
    );
    assert_eq!(store.commit_count(), before + 1);
}

/// The process id in a recovery note (`(process 1234)`).
fn output_pid(note: &str) -> String {
    note.split("(process ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap_or_default()
        .to_string()
}

/// A real `kill -9` at arbitrary moments: whatever was interrupted, the re-run leaves exactly
/// one touchpoint per row, all committed, and a clean work tree.
#[test]
fn kill_9_at_any_moment_then_rerun() {
    let store = store();
    import_examples(&store);
    let mut csv =
        String::from("Ticket,Customer email,Date,Type,From us?,Agent,Subject,Details,Solved\n");
    for i in 0..600 {
        csv.push_str(&format!(
            "K-{i},jane@acme.example,2026-10-{:02} 10:{:02},call,no,,Call {i},,no\n",
            1 + i % 28,
            i % 60
        ));
    }
    let file = scratch(&store, "many.csv", csv.as_bytes());
    let rules = example("touchpoints.rules.yaml");
    for delay_ms in [5u64, 40, 120] {
        let mut child = store
            .std_cmd()
            .arg("import")
            .arg(&file)
            .arg("--rules")
            .arg(&rules)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Whatever the kill left (files, git's index.lock, a prepared commit), the next
        // command repairs it: nothing is removed by hand.
    }
    let out = import_ok(&store, &file, &rules, &[]);
    assert!(out.contains(" 0 updated, "), "{out}");
    assert_eq!(
        store.files_in("customers/acme-corp/interactions").len(),
        600
    );
    assert_eq!(
        customer_files(&store).len(),
        4 + 600,
        "four customers and one file per row"
    );
    store.status_clean();
    let again = import_ok(&store, &file, &rules, &[]);
    assert!(
        again.contains(": 0 created, 0 updated, 600 unchanged"),
        "{again}"
    );
}

/// The summary people read, for the README tour's example files.
#[test]
fn summary_snapshots() {
    let store = store();
    for name in [
        "customers.csv",
        "customers.rules.yaml",
        "touchpoints.csv",
        "touchpoints.rules.yaml",
    ] {
        std::fs::copy(example(name), store.sandbox.path().join(name)).unwrap();
    }
    let run = |args: &[&str]| {
        let mut full = vec!["import"];
        full.extend_from_slice(args);
        let out = store.cmd().args(&full).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"in commit [0-9a-f]{10}", "in commit [commit]");
    settings.bind(|| {
        let dry = run(&[
            "../customers.csv",
            "--rules",
            "../customers.rules.yaml",
            "--dry-run",
        ]);
        insta::assert_snapshot!("import_dry_run", dry);
        let real = run(&["../customers.csv", "--rules", "../customers.rules.yaml"]);
        let again = run(&["../customers.csv", "--rules", "../customers.rules.yaml"]);
        let touchpoints = run(&["../touchpoints.csv", "--rules", "../touchpoints.rules.yaml"]);
        insta::assert_snapshot!("import_summaries", format!("{real}{again}{touchpoints}"));
    });
}

/// Spreadsheets that would swallow rows, exhaust memory or be misread are refused with the
/// place of the problem, and nothing is imported.
#[test]
fn hostile_spreadsheets_are_refused_where_the_problem_is() {
    let store = store();
    let rules = scratch(&store, "r.yaml", CUSTOMER_RULES.as_bytes());
    let head = store.head();
    let refused = |name: &str, contents: &[u8]| {
        let file = scratch(&store, name, contents);
        stderr(&import(&store, &file, &rules, &[]).code(1))
    };
    let err = refused(
        "unclosed.csv",
        b"ID,Name,Status,Owner,Tags\n1,\"Acme,active,alice,\n2,Globex,lead,alice,\n3,Initech,lead,alice,\n",
    );
    assert!(
        err.contains("unclosed.csv:2:3: this quoted cell is never closed"),
        "{err}"
    );
    let mut huge = b"ID,Name,Status,Owner,Tags\n1,".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 2 << 20));
    huge.extend(b",active,alice,\n");
    let err = refused("huge.csv", &huge);
    assert!(
        err.contains("huge.csv:2:2: this cell is 2097152 bytes; cells are limited to 1048576"),
        "{err}"
    );
    let utf16be: Vec<u8> = "ID,Name\n1,Acme\n"
        .encode_utf16()
        .flat_map(|u| u.to_be_bytes())
        .collect();
    let err = refused("utf16.csv", &utf16be);
    assert!(err.contains("utf16.csv:1:1: the file is UTF-16"), "{err}");

    // A workbook that unpacks to more than any real spreadsheet (a zip bomb) is refused from
    // its directory, before anything is unpacked.
    let bomb = store.sandbox.path().join("bomb.xlsx");
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..260 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2 << 20);
    let err = stderr(&import(&store, &bomb, &rules, &[]).code(1));
    assert!(
        err.contains("the workbook unpacks to 272629760 bytes"),
        "{err}"
    );
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn inbound_touchpoints_on_a_customer_nobody_answers_warn() {
    let store = store();
    import_examples(&store);
    let text = store.read("customers/acme-corp/customer.yaml");
    store.write(
        "customers/acme-corp/customer.yaml",
        &text.replace("owner: alice\n", ""),
    );
    store.commit_all("nobody owns acme");
    let assert = import(
        &store,
        &example("touchpoints.csv"),
        &example("touchpoints.rules.yaml"),
        &[],
    )
    .success();
    let err = stderr(&assert);
    assert!(
        err.contains("warning: acme-corp: it has no owner; this inbound touchpoint is in nobody's inbox: the customer has no team either\nhint: `git crm assign acme-corp --to <person>` gives it an owner\n"),
        "{err}"
    );
    assert!(!err.contains("initech:"), "initech has an owner: {err}");
}

/// The author of an imported touchpoint follows the rule `log` follows: an inbound row naming
/// a contact by name is written as that contact, a row naming nobody is by the first contact,
/// and a person of the store cannot be the sender of an inbound row.
#[test]
fn imported_authors_follow_the_rule_of_log() {
    let store = store();
    import_examples(&store);
    let header = "Ticket,Customer email,Date,Type,From us?,Agent,Subject,Details,Solved\n";
    let csv = format!(
        "{header}A-1,jane@acme.example,2026-11-02 09:15,email,no,Jane,By her first name,,no\nA-2,jane@acme.example,2026-11-02 09:20,email,no,,By nobody,,no\n"
    );
    let file = scratch(&store, "authors.csv", csv.as_bytes());
    import_ok(&store, &file, &example("touchpoints.rules.yaml"), &[]);
    let by: Vec<String> = store
        .files_in("customers/acme-corp/interactions")
        .iter()
        .map(|p| {
            let text = store.read(p);
            text.lines()
                .find_map(|l| l.strip_prefix("by: "))
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(by, ["jane@acme.example", "jane@acme.example"]);
    let bad = format!("{header}A-3,jane@acme.example,2026-11-02 09:30,email,no,Bob,From bob,,no\n");
    let file = scratch(&store, "bad.csv", bad.as_bytes());
    let err = stderr(&import(&store, &file, &example("touchpoints.rules.yaml"), &[]).code(1));
    assert!(
        err.contains("bad.csv:2:6: by (column `Agent`): `bob` is bob, a person of this store: an inbound touchpoint comes from the customer"),
        "{err}"
    );
}
