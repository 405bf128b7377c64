//! `customer add|list|show|edit|rename|archive`.

use predicates::prelude::*;

use crate::support::{TestStore, stderr, stdout};

fn slugs(json: &serde_json::Value) -> Vec<String> {
    json["customers"]
        .as_array()
        .expect("customers array")
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_string())
        .collect()
}

/// A store with Bob in sales and four customers of various statuses, owners and tags.
fn store_with_customers() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", Some("sales"));
    store.add_customer_with("Zeta Works", &["--status", "active", "--tag", "vip,retail"]);
    store.add_customer_with("alpha studio", &["--owner", "bob", "--tag", "vip"]);
    store.add_customer_with("Mid Co", &["--status", "churned", "--owner", "bob"]);
    store.add_customer_with(
        "Beta Bakery",
        &["--status", "paused", "--tag", "retail", "--kind", "person"],
    );
    store
}

#[test]
fn add_with_tags_contacts_fields_and_external_ids() {
    let store = TestStore::new();
    let assert = store
        .cmd()
        .args(["customer", "add", "Acme Corp.", "--status", "active"])
        .args(["--tag", "vip,retail", "--tag", "vip", "--tag", "b2b"])
        .args([
            "--contact",
            "Jane Doe <jane@acme.test>;phone=+33 1 23;role=CTO",
        ])
        .args(["--contact", "ops@acme.test"])
        .args([
            "--field",
            "tier=gold",
            "--field",
            "seats=12",
            "--field",
            "answer=no",
        ])
        .args(["--external-id", "hubspot=HS-1"])
        .assert()
        .success();
    let out = stdout(&assert);
    assert!(
        out.starts_with("added customer acme-corp in commit "),
        "{out}"
    );
    assert!(out.contains("customers/acme-corp/customer.yaml"));

    let yaml = store.read("customers/acme-corp/customer.yaml");
    assert!(yaml.starts_with("id: "), "{yaml}");
    assert!(
        yaml.contains(
            "\nname: Acme Corp.\nslug: acme-corp\nkind: company\nstatus: active\nowner: alice\n"
        ),
        "{yaml}"
    );
    assert!(
        yaml.contains("tags:\n- vip\n- retail\n- b2b\n"),
        "tags are deduplicated: {yaml}"
    );
    assert!(yaml.contains("seats: 12\n"), "{yaml}");
    assert!(
        yaml.contains("answer: \"no\"\n"),
        "`no` stays a string: {yaml}"
    );

    let card = store.json(&["customer", "show", "acme-corp", "--format", "json"]);
    assert_eq!(card["version"], 1);
    let c = &card["card"]["customer"];
    assert_eq!(c["name"], "Acme Corp.");
    assert_eq!(c["slug"], "acme-corp");
    assert_eq!(c["status"], "active");
    assert_eq!(c["owner"], "alice");
    assert_eq!(c["tags"], serde_json::json!(["vip", "retail", "b2b"]));
    assert_eq!(
        c["contacts"],
        serde_json::json!([
            {"name": "Jane Doe", "email": "jane@acme.test", "phone": "+33 1 23", "role": "CTO"},
            {"name": "ops", "email": "ops@acme.test"}
        ])
    );
    assert_eq!(c["fields"]["tier"], "gold");
    assert_eq!(c["fields"]["seats"], 12);
    assert_eq!(c["fields"]["answer"], "no");
    assert_eq!(c["external_ids"]["hubspot"], "HS-1");
    let id = c["id"].as_str().unwrap();
    assert_eq!(id.len(), 36);

    assert_eq!(
        store.head_message(),
        format!(
            "customer: add acme-corp (Acme Corp.)\n\nCrm-Op: customer.add\nCrm-Ids: {id}\nCrm-Actor: alice"
        )
    );
    store.status_clean();
}

#[test]
fn add_refuses_duplicates_bad_contacts_and_unknown_owner() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let head = store.head();
    store
        .cmd()
        .args(["customer", "add", "ACME"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("customer `acme` already exists"))
        .stderr(predicate::str::contains("hint: pass another --slug"));
    store
        .cmd()
        .args(["customer", "add", "Other", "--contact", "Jane;fax=1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown contact attribute `fax`"));
    store
        .cmd()
        .args(["customer", "add", "Other", "--field", "novalue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`novalue` is not key=value"));
    store
        .cmd()
        .args(["customer", "add", "Other", "--owner", "zoe"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no person `zoe`"));
    store
        .cmd()
        .args(["customer", "add", "***"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot derive a slug from the name `***`: it has no letters or digits",
        ))
        .stderr(predicate::str::contains("--slug"));
    store
        .cmd()
        .args(["customer", "add"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing NAME"));
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn list_filters() {
    let store = store_with_customers();
    let all = store.json(&["customer", "list", "--format", "json"]);
    assert_eq!(all["version"], 1);
    assert_eq!(
        slugs(&all),
        ["alpha-studio", "beta-bakery", "mid-co", "zeta-works"]
    );

    let by = |args: &[&str]| {
        let mut full = vec!["customer", "list", "--format", "json"];
        full.extend_from_slice(args);
        slugs(&store.json(&full))
    };
    assert_eq!(by(&["--status", "active"]), ["zeta-works"]);
    assert_eq!(
        by(&["--status", "lead", "--status", "paused"]),
        ["alpha-studio", "beta-bakery"]
    );
    assert_eq!(by(&["--owner", "bob"]), ["alpha-studio", "mid-co"]);
    assert_eq!(by(&["--team", "sales"]), ["alpha-studio", "mid-co"]);
    assert_eq!(by(&["--tag", "vip"]), ["alpha-studio", "zeta-works"]);
    assert_eq!(by(&["--tag", "vip", "--tag", "retail"]), ["zeta-works"]);
    assert_eq!(by(&["--tag", "vip,retail"]), ["zeta-works"]);
    assert_eq!(by(&["--owner", "bob", "--status", "churned"]), ["mid-co"]);
    assert!(by(&["--tag", "nothing"]).is_empty());

    store
        .cmd()
        .args(["customer", "list", "--status", "dormant"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'dormant'"));
}

#[test]
fn list_sorts() {
    let store = store_with_customers();
    for (slug, day) in [
        ("zeta-works", "04"),
        ("alpha-studio", "03"),
        ("mid-co", "01"),
        ("beta-bakery", "02"),
    ] {
        store.replace_line(
            &format!("customers/{slug}/customer.yaml"),
            "created:",
            &format!("created: \"2024-01-{day}T09:00:00Z\""),
        );
    }
    store.commit_all("creation dates by hand");
    store.log("mid-co", "email", "inbound", "old", &["--at", "2025-01-10"]);
    store.log(
        "beta-bakery",
        "email",
        "inbound",
        "new",
        &["--at", "2025-02-10"],
    );
    let sorted =
        |key: &str| slugs(&store.json(&["customer", "list", "--format", "json", "--sort", key]));
    assert_eq!(
        sorted("slug"),
        ["alpha-studio", "beta-bakery", "mid-co", "zeta-works"]
    );
    assert_eq!(
        sorted("name"),
        ["alpha-studio", "beta-bakery", "mid-co", "zeta-works"]
    );
    assert_eq!(
        sorted("created"),
        ["mid-co", "beta-bakery", "alpha-studio", "zeta-works"]
    );
    assert_eq!(
        sorted("status"),
        ["alpha-studio", "zeta-works", "beta-bakery", "mid-co"]
    );
    assert_eq!(
        sorted("owner"),
        ["beta-bakery", "zeta-works", "alpha-studio", "mid-co"]
    );
    assert_eq!(
        sorted("last"),
        ["beta-bakery", "mid-co", "alpha-studio", "zeta-works"]
    );

    let json = store.json(&["customer", "list", "--format", "json", "--sort", "last"]);
    assert_eq!(
        json["customers"][0]["last_touchpoint"],
        "2025-02-10T00:00:00Z"
    );
    assert_eq!(
        json["customers"][2]["last_touchpoint"],
        serde_json::Value::Null
    );
}

#[test]
fn list_table_and_csv() {
    let store = store_with_customers();
    let table = store.run(&["customer", "list", "--tag", "vip"]);
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "slug",
            "name",
            "status",
            "owner",
            "team",
            "tags",
            "last",
            "touchpoint"
        ]
    );
    assert_eq!(
        rows[1],
        [
            "alpha-studio",
            "alpha",
            "studio",
            "lead",
            "bob",
            "sales",
            "vip",
            "never"
        ]
    );
    assert_eq!(
        rows[2],
        [
            "zeta-works",
            "Zeta",
            "Works",
            "active",
            "alice",
            "vip,",
            "retail",
            "never"
        ]
    );
    assert_eq!(rows.len(), 3);

    store.log(
        "zeta-works",
        "call",
        "outbound",
        "Hi",
        &["--at", "2025-03-01T10:00:00Z"],
    );
    let csv = store.run(&["customer", "list", "--format", "csv", "--status", "active"]);
    assert_eq!(
        csv,
        "slug,name,status,owner,team,tags,last touchpoint\nzeta-works,Zeta Works,active,alice,,\"vip, retail\",2025-03-01T10:00:00Z\n"
    );
    let md = store.run(&[
        "customer", "list", "--format", "markdown", "--status", "churned",
    ]);
    assert_eq!(
        md,
        "| slug | name | status | owner | team | tags | last touchpoint |\n| --- | --- | --- | --- | --- | --- | --- |\n| mid-co | Mid Co | churned | bob | sales |  | never |\n"
    );
}

#[test]
fn show_card_text_and_json() {
    let store = TestStore::new();
    store.add_customer_with(
        "Acme",
        &[
            "--status",
            "active",
            "--tag",
            "vip",
            "--contact",
            "Jane Doe <jane@acme.test>;role=CTO",
            "--field",
            "tier=gold",
        ],
    );
    let first = store.log(
        "acme",
        "email",
        "inbound",
        "Asks for a quote",
        &["--at", "2025-03-03 09:15"],
    );
    store.log(
        "acme",
        "email",
        "outbound",
        "Sent the quote",
        &["--at", "2025-03-03 10:00", "--reply-to", &first],
    );
    store.note("acme", "Likes morning calls");
    let task = store.create(&[
        "task",
        "add",
        "acme",
        "Send contract",
        "--due",
        "2030-01-31",
    ]);

    let card = store.run(&["customer", "show", "acme"]);
    let id =
        store.json(&["customer", "show", "acme", "--format", "json"])["card"]["customer"]["id"]
            .as_str()
            .unwrap()
            .to_string();
    let lines: Vec<&str> = card.lines().collect();
    assert_eq!(lines[0], "Acme (acme)");
    assert!(
        card.contains(&format!("\n  id               {id}\n")),
        "{card}"
    );
    assert!(card.contains("\n  status           active\n"));
    assert!(card.contains("\n  owner            alice\n"));
    assert!(card.contains("\n  tags             vip\n"));
    assert!(card.contains("\n  fields.tier      gold\n"));
    assert!(card.contains("\n  touchpoints      2\n"));
    assert!(card.contains("\n  notes            1\n"));
    assert!(
        card.contains(
            "\n  last touchpoint  2025-03-03 10:00 outbound email by alice: Sent the quote\n"
        ),
        "{card}"
    );
    assert!(
        card.contains("\nContacts\n  Jane Doe | jane@acme.test | CTO\n"),
        "{card}"
    );
    assert!(
        card.contains(&format!(
            "\nOpen threads (1)\n  #{} email since 2025-03-03 09:15, 2 touchpoints, open: Asks for a quote\n",
            &first[..4]
        )),
        "{card}"
    );
    assert!(
        card.contains(&format!(
            "\nOpen tasks (1)\n  {task} alice due 2030-01-31: Send contract\n"
        )),
        "{card}"
    );

    let json = store.json(&["customer", "show", "acme", "--format", "json"]);
    let c = &json["card"];
    assert_eq!(c["path"], "customers/acme/customer.yaml");
    assert_eq!(c["touchpoints"], 2);
    assert_eq!(c["notes"], 1);
    assert_eq!(c["last_touchpoint"]["summary"], "Sent the quote");
    assert_eq!(c["open_threads"][0]["thread"], first);
    assert_eq!(c["open_threads"][0]["awaiting_reply"], false);
    assert_eq!(c["open_tasks"][0]["title"], "Send contract");
    assert_eq!(c["pending_handoff"], serde_json::Value::Null);

    store
        .cmd()
        .args(["customer", "show", "acmee"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no customer `acmee`"))
        .stderr(predicate::str::contains("did you mean `acme`?"));
}

#[test]
fn edit_changes_only_the_named_fields() {
    let store = TestStore::new();
    store.add_customer_with(
        "Acme",
        &[
            "--tag",
            "vip,retail",
            "--contact",
            "Jane <jane@acme.test>",
            "--field",
            "seats=12",
            "--field",
            "tier=gold",
        ],
    );
    let before = store.read("customers/acme/customer.yaml");
    let out = store.run(&[
        "customer",
        "edit",
        "acme",
        "--set",
        "status=paused",
        "--set",
        "fields.tier=silver",
        "--set",
        "external_ids.crm=C-9",
        "--unset",
        "fields.seats",
        "--add-tag",
        "b2b",
        "--remove-tag",
        "retail",
        "--add-contact",
        "Tom <tom@acme.test>;role=CFO",
        "--remove-contact",
        "jane@acme.test",
    ]);
    assert!(out.starts_with("updated customer acme in commit "), "{out}");
    let subject = store.git(&["log", "-1", "--format=%s"]);
    assert!(
        subject.starts_with(
            "customer: edit acme (status=paused, fields.tier=silver, external_ids.crm=C-9, -fields.seats, +#b2b"
        ),
        "{subject}"
    );
    assert!(
        subject.chars().count() <= 120,
        "subjects stay short: {subject}"
    );
    assert!(store.head_message().contains("Crm-Op: customer.edit\n"));

    let json = store.json(&["customer", "show", "acme", "--format", "json"]);
    let c = &json["card"]["customer"];
    assert_eq!(c["status"], "paused");
    assert_eq!(c["fields"], serde_json::json!({"tier": "silver"}));
    assert_eq!(c["external_ids"], serde_json::json!({"crm": "C-9"}));
    assert_eq!(c["tags"], serde_json::json!(["vip", "b2b"]));
    assert_eq!(
        c["contacts"],
        serde_json::json!([{"name": "Tom", "email": "tom@acme.test", "role": "CFO"}])
    );

    // The lines of untouched fields are byte for byte the same.
    let after = store.read("customers/acme/customer.yaml");
    for key in ["id:", "name:", "slug:", "kind:", "owner:", "created:"] {
        let line = |t: &str| t.lines().find(|l| l.starts_with(key)).map(str::to_string);
        assert_eq!(line(&before), line(&after), "{key}");
    }
    assert!(after.contains("status: paused\n"));
    store.status_clean();

    // A single scalar edit touches a single line.
    store.run(&["customer", "edit", "acme", "--set", "name=Acme Holdings"]);
    let diff = store.git(&["diff", "--unified=0", "HEAD~1", "HEAD"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("---")
                && !l.starts_with("+++")
        })
        .collect();
    assert_eq!(changed, ["-name: Acme", "+name: Acme Holdings"]);
}

#[test]
fn edit_refuses_ownership_and_fixed_fields() {
    let store = TestStore::new();
    store.add_person("bob", None);
    store.add_customer("Acme");
    let before = store.read("customers/acme/customer.yaml");
    let head = store.head();

    let assert = store
        .cmd()
        .args(["customer", "edit", "acme", "--set", "owner=bob"])
        .assert()
        .code(1);
    assert_eq!(
        stderr(&assert),
        "error: `owner` changes ownership\nhint: use `git crm assign <customer> --to <person> [--team <team>]`, which also records the handoff\n"
    );
    store
        .cmd()
        .args(["customer", "edit", "acme", "--set", "team=sales"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("git crm assign"));
    store
        .cmd()
        .args(["customer", "edit", "acme", "--set", "slug=other"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`slug` cannot be edited"))
        .stderr(predicate::str::contains("git crm customer rename"));
    store
        .cmd()
        .args(["customer", "edit", "acme", "--set", "color=red"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`color` is not an editable field"));
    store
        .cmd()
        .args(["customer", "edit", "acme", "--unset", "name"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "`name` is required and cannot be unset",
        ));
    store
        .cmd()
        .args(["customer", "edit", "acme", "--set", "status=dormant"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`dormant` is not a valid status"));
    store
        .cmd()
        .args(["customer", "edit", "acme", "--remove-contact", "nobody"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no contact `nobody` on acme"));
    store
        .cmd()
        .args(["customer", "edit", "acme"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to change"));
    assert_eq!(store.read("customers/acme/customer.yaml"), before);
    assert_eq!(store.head(), head);
    store.status_clean();
}

#[test]
fn rename_moves_the_folder_and_keeps_the_id() {
    let store = TestStore::new();
    store.add_customer("Acme");
    let id =
        store.json(&["customer", "show", "acme", "--format", "json"])["card"]["customer"]["id"]
            .as_str()
            .unwrap()
            .to_string();
    let tp = store.log(
        "acme",
        "email",
        "inbound",
        "Hello",
        &["--at", "2025-03-01 10:00"],
    );
    let note = store.note("acme", "A note");
    let old_files: Vec<String> = store
        .head_files()
        .into_iter()
        .filter(|f| f.starts_with("customers/acme/"))
        .collect();
    assert_eq!(old_files.len(), 3);
    let commits = store.commit_count();

    let out = store.run(&[
        "customer", "rename", "acme", "acme-inc", "--name", "Acme Inc",
    ]);
    assert!(
        out.starts_with("renamed customer acme-inc in commit "),
        "{out}"
    );
    assert!(out.contains("customers/acme-inc/customer.yaml"));
    assert_eq!(store.commit_count(), commits + 1);
    assert_eq!(
        store.head_message(),
        format!(
            "customer: rename acme -> acme-inc\n\nCrm-Op: customer.rename\nCrm-Ids: {id}\nCrm-Actor: alice"
        )
    );

    // The old folder keeps only the forward to the new slug.
    assert_eq!(
        store.files_in("customers/acme"),
        ["customers/acme/renamed.yaml"]
    );
    let forward = store.read("customers/acme/renamed.yaml");
    assert!(forward.contains(&format!("id: {id}\n")), "{forward}");
    assert!(forward.contains("renamed_to: acme-inc\n"), "{forward}");
    let files = store.head_files();
    assert_eq!(
        files
            .iter()
            .filter(|f| f.starts_with("customers/acme/"))
            .collect::<Vec<_>>(),
        ["customers/acme/renamed.yaml"],
        "{files:?}"
    );
    for old in &old_files {
        let new = old.replacen("customers/acme/", "customers/acme-inc/", 1);
        assert!(files.contains(&new), "{new} not in HEAD: {files:?}");
        assert!(store.path(&new).is_file());
    }
    // git sees the move as renames.
    let status = store.git(&["diff", "--name-status", "-M", "HEAD~1", "HEAD"]);
    assert_eq!(
        status.lines().filter(|l| l.starts_with('R')).count(),
        3,
        "{status}"
    );

    let yaml = store.read("customers/acme-inc/customer.yaml");
    assert!(yaml.starts_with(&format!("id: {id}\n")), "{yaml}");
    assert!(yaml.contains("renamed_from:\n- acme\n"), "{yaml}");
    assert!(
        yaml.contains("\nname: Acme Inc\nslug: acme-inc\n"),
        "{yaml}"
    );
    let timeline = store.run(&["timeline", "acme-inc"]);
    assert!(
        timeline.contains(&tp) && timeline.contains(&note),
        "{timeline}"
    );
    store.status_clean();

    store
        .cmd()
        .args(["timeline", "acme"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no customer `acme`"));
    // Renaming onto an existing customer or a hostile slug is refused.
    store.add_customer("Other");
    store
        .cmd()
        .args(["customer", "rename", "acme-inc", "other"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("customer `other` already exists"));
    store
        .cmd()
        .args(["customer", "rename", "acme-inc", "../evil"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "may contain only lowercase letters",
        ));
    store
        .cmd()
        .args(["customer", "rename", "acme-inc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to rename"));
    assert!(store.path("customers/acme-inc/customer.yaml").is_file());
    store.status_clean();
}

#[test]
fn rename_name_only_keeps_the_folder() {
    let store = TestStore::new();
    store.add_customer("Acme");
    store.run(&["customer", "rename", "acme", "--name", "Acme Group"]);
    assert_eq!(
        store.git(&["log", "-1", "--format=%s"]),
        "customer: rename acme (Acme Group)"
    );
    assert!(
        store
            .read("customers/acme/customer.yaml")
            .contains("\nname: Acme Group\n")
    );
    store.status_clean();
}

#[test]
fn archive_hides_from_list_and_undo_brings_back() {
    let store = TestStore::new();
    store.add_customer("Acme");
    store.add_customer("Globex");
    let out = store.run(&["customer", "archive", "globex"]);
    assert!(
        out.starts_with("archived customer globex in commit "),
        "{out}"
    );
    assert_eq!(
        store.git(&["log", "-1", "--format=%s"]),
        "customer: archive globex"
    );
    assert!(
        store
            .read("customers/globex/customer.yaml")
            .contains("\narchived: ")
    );
    assert!(
        store.path("customers/globex/customer.yaml").is_file(),
        "nothing is deleted"
    );

    let json = |args: &[&str]| {
        let mut full = vec!["customer", "list", "--format", "json"];
        full.extend_from_slice(args);
        slugs(&store.json(&full))
    };
    assert_eq!(json(&[]), ["acme"]);
    assert_eq!(json(&["--archived"]), ["acme", "globex"]);
    let table = store.run(&["customer", "list", "--archived"]);
    assert!(table.contains("lead (archived)"), "{table}");
    let card = store.run(&["customer", "show", "globex"]);
    assert!(
        card.contains("  status           lead (archived "),
        "{card}"
    );

    store
        .cmd()
        .args(["customer", "archive", "globex"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already archived"));
    store.run(&["customer", "archive", "globex", "--undo"]);
    assert_eq!(
        store.git(&["log", "-1", "--format=%s"]),
        "customer: unarchive globex"
    );
    assert!(
        !store
            .read("customers/globex/customer.yaml")
            .contains("archived")
    );
    assert_eq!(json(&[]), ["acme", "globex"]);
    store
        .cmd()
        .args(["customer", "archive", "globex", "--undo"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not archived"));
    store.status_clean();
}

#[test]
fn a_customer_is_named_by_slug_contact_email_or_phone() {
    let store = TestStore::new();
    store.add_customer_with(
        "Globex",
        &[
            "--contact",
            "Hank <hank@globex.example>;phone=+33 1 23 45 67 89",
        ],
    );
    store.add_customer_with(
        "Initech",
        &[
            "--contact",
            "Bill <bill@initech.example>",
            "--contact",
            "Shared <ops@shared.example>",
        ],
    );
    store.add_customer_with("Umbrella", &["--contact", "Shared <ops@shared.example>"]);
    let out = store.run(&["timeline", "HANK@globex.example"]);
    assert!(out.starts_with("globex - Globex"), "{out}");
    let out = store.run(&["customer", "show", "01 23 45 67 89"]);
    assert!(out.starts_with("Globex (globex)"), "{out}");
    store.run(&["note", "bill@initech.example", "Hello"]);
    assert_eq!(store.files_in("customers/initech/notes").len(), 1);
    let assert = store
        .cmd()
        .args(["timeline", "ops@shared.example"])
        .assert()
        .code(1);
    assert_eq!(
        stderr(&assert),
        "error: `ops@shared.example` is a contact of 2 customers\nhint: name one by its slug: initech, umbrella\n"
    );
    store
        .cmd()
        .args(["timeline", "nobody@nowhere.example"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no customer has a contact `nobody@nowhere.example`",
        ));
    store
        .cmd()
        .args(["timeline", "globx"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `globex`?"));
}

#[test]
fn non_latin_names_get_a_slug() {
    let store = TestStore::new();
    assert_eq!(
        store.add_customer("株式会社テスト"),
        "zhu-shi-hui-she-tesuto"
    );
    assert_eq!(store.add_customer("Москва Трейд"), "moskva-treid");
    assert_eq!(store.add_customer("Ærø Øl & Søn"), "aero-ol-and-son");
    let card = store.run(&["customer", "show", "moskva-treid"]);
    assert!(card.starts_with("Москва Трейд (moskva-treid)"), "{card}");
}

#[test]
fn contact_emails_are_checked() {
    let store = TestStore::new();
    store.add_customer_with("Acme", &["--contact", "Jane <jane@acme.example>"]);
    let head = store.head();
    store
        .cmd()
        .args(["customer", "add", "Other", "--contact", "Jane <jane@acme>"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "contact `Jane`: `jane@acme` is not an email address (the domain after `@` must look like example.com)",
        ));
    store
        .cmd()
        .args([
            "customer",
            "edit",
            "acme",
            "--add-contact",
            "J. Doe <JANE@acme.example>",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "acme already has a contact with email `JANE@acme.example`",
        ));
    store
        .cmd()
        .args([
            "customer",
            "add",
            "Twice",
            "--contact",
            "A <a@x.example>",
            "--contact",
            "B <a@x.example>",
        ])
        .assert()
        .code(1);
    assert_eq!(store.head(), head);
    // Replacing a contact in one edit is fine.
    store.run(&[
        "customer",
        "edit",
        "acme",
        "--remove-contact",
        "jane@acme.example",
        "--add-contact",
        "Jane Doe <jane@acme.example>",
    ]);
    // A hand edit that lists an address twice, or on two customers, is reported by check.
    store.add_customer_with("Beta", &["--contact", "Jane <jane@acme.example>"]);
    let text = store.read("customers/acme/customer.yaml");
    store.write(
        "customers/acme/customer.yaml",
        &text.replace(
            "contacts:\n",
            "contacts:\n  - name: Again\n    email: Jane@Acme.example\n",
        ),
    );
    let assert = store.cmd().args(["check", "duplicates"]).assert().success();
    let all = format!("{}{}", stdout(&assert), stderr(&assert));
    assert!(
        all.contains("warning[duplicates]: contact email `jane@acme.example` is listed twice on this customer"),
        "{all}"
    );
    assert!(
        all.contains("warning[duplicates]: contact email `jane@acme.example` is also a contact of customers/acme/customer.yaml"),
        "{all}"
    );
}

#[test]
fn list_refuses_filters_naming_nobody() {
    let store = TestStore::new();
    store.add_customer("Acme");
    store
        .cmd()
        .args(["customer", "list", "--owner", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: no person `nobody` in .gitcrm/config.yaml",
        ));
    store
        .cmd()
        .args(["customer", "list", "--team", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no team `nope`"));
}
