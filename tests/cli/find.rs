//! `find <text>`: customers by name, slug, contact, email, phone and domain; touchpoints and
//! notes by text; ranking, filters and formats.

use predicates::prelude::*;
use serde_json::Value;

use crate::support::TestStore;

const NOW: &str = "2026-11-23T10:00:00Z";

/// Globex (Hank, with a phone), Globetrotter Travel, Atelier Lumière (Zoé), and a few
/// touchpoints and notes that mention invoices.
fn store() -> TestStore {
    let s = TestStore::new();
    s.add_person("bob", Some("support"));
    s.run_at(
        NOW,
        &[
            "customer",
            "add",
            "Globex Corporation",
            "--slug",
            "globex",
            "--contact",
            "Hank Scorpio <hank@globex.example>;phone=+1 555 010 0199",
            "--tag",
            "retainer",
        ],
    );
    s.run_at(
        NOW,
        &["customer", "add", "Globetrotter Travel", "--owner", "bob"],
    );
    s.run_at(
        NOW,
        &[
            "customer",
            "add",
            "Atelier Lumière",
            "--contact",
            "Zoé Blanc <zoe@lumiere.example>",
        ],
    );
    for (customer, channel, summary, body, at) in [
        (
            "globex",
            "email",
            "Invoice 1042 looks wrong",
            "",
            "2026-11-20 09:12",
        ),
        (
            "globex",
            "call",
            "Called Hank about the invoice",
            "",
            "2026-11-20 11:40",
        ),
        (
            "atelier-lumiere",
            "email",
            "Quote for the new brochure",
            "Zoé asks: invoice in EUR?",
            "2026-11-21 10:00",
        ),
    ] {
        let mut args = vec![
            "log", customer, "-c", channel, "-d", "outbound", "-s", summary, "--at", at,
        ];
        if !body.is_empty() {
            args.extend(["--body", body]);
        }
        s.run_at(NOW, &args);
    }
    s.run_at(
        NOW,
        &[
            "note",
            "globetrotter-travel",
            "Send the invoice schedule to @bob",
        ],
    );
    s
}

fn find(s: &TestStore, args: &[&str]) -> Value {
    let mut full = vec!["find"];
    full.extend_from_slice(args);
    full.extend(["--format", "json"]);
    s.json(&full)["find"].clone()
}

fn slugs(found: &Value) -> Vec<String> {
    found["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_string())
        .collect()
}

fn texts(found: &Value) -> Vec<String> {
    found["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn customers_by_name_slug_contact_email_phone_and_domain() {
    let s = store();
    assert_eq!(slugs(&find(&s, &["globex"])), ["globex"]);
    let glob = find(&s, &["glob"]);
    assert_eq!(
        slugs(&glob),
        ["globetrotter-travel", "globex"],
        "name prefixes, then slug order"
    );
    let hank = find(&s, &["hank@GLOBEX.example"]);
    assert_eq!(slugs(&hank), ["globex"]);
    assert_eq!(hank["customers"][0]["matched"][0], "email");
    assert_eq!(
        hank["customers"][0]["contact"],
        "Hank Scorpio <hank@globex.example>"
    );
    let phone = find(&s, &["555 010 0199"]);
    assert_eq!(slugs(&phone), ["globex"]);
    assert_eq!(phone["customers"][0]["matched"][0], "phone");
    let domain = find(&s, &["lumiere.example"]);
    assert_eq!(slugs(&domain), ["atelier-lumiere"]);
    assert!(
        domain["customers"][0]["matched"]
            .as_array()
            .unwrap()
            .contains(&Value::from("domain"))
    );
    // Accents and case do not matter, on either side.
    assert_eq!(slugs(&find(&s, &["ZOE"])), ["atelier-lumiere"]);
    assert_eq!(slugs(&find(&s, &["Lumière"])), ["atelier-lumiere"]);
    assert_eq!(slugs(&find(&s, &["scorpio", "hank"])), ["globex"]);
}

#[test]
fn records_rank_by_where_the_words_are_then_recency() {
    let s = store();
    let found = find(&s, &["invoice"]);
    assert_eq!(
        texts(&found),
        [
            "Send the invoice schedule to @bob",
            "Called Hank about the invoice",
            "Invoice 1042 looks wrong",
            "Quote for the new brochure",
        ],
        "words in the summary first, most recent first; in the body last: {found}"
    );
    assert_eq!(found["records"][3]["matched"][0], "body");
    assert_eq!(found["records"][0]["kind"], "note");
    // Filters: the period and channels apply to records, the customer filters to customers.
    assert_eq!(
        texts(&find(&s, &["invoice", "--since", "2026-11-21"])).len(),
        2
    );
    assert_eq!(
        texts(&find(&s, &["invoice", "--channel", "call"])),
        ["Called Hank about the invoice"],
        "a note has no channel"
    );
    let hank = find(&s, &["invoice", "--customer", "hank@globex.example"]);
    assert_eq!(texts(&hank).len(), 2);
    assert_eq!(
        slugs(&find(&s, &["glob", "--owner", "bob"])),
        ["globetrotter-travel"]
    );
    assert_eq!(slugs(&find(&s, &["glob", "--tag", "retainer"])), ["globex"]);
    let only = find(&s, &["invoice", "--kind", "note"]);
    assert_eq!(texts(&only), ["Send the invoice schedule to @bob"]);
    assert!(slugs(&only).is_empty());
}

#[test]
fn table_lists_both_sections_and_says_when_nothing_matches() {
    let s = store();
    let out = s.run_at(NOW, &["find", "hank", "--limit", "1"]);
    insta::assert_snapshot!(out, @r"
    Customers (1)
    slug    name                matched         contact                             owner
    globex  Globex Corporation  contact, email  Hank Scorpio <hank@globex.example>  alice

    Touchpoints and notes (1)
    id        customer  at                what     by     text
    4662f138  globex    2026-11-20 11:40  -> call  alice  Called Hank about the invoice
    ");
    assert_eq!(
        s.run(&["find", "nothing-like-this"]),
        "nothing matches `nothing-like-this`\n"
    );
}

#[test]
fn usage_mistakes_exit_2() {
    let s = store();
    s.cmd().args(["find"]).assert().code(2);
    s.cmd()
        .args(["find", " "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to find"));
    s.cmd()
        .args(["find", "x", "--owner", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no person `nobody`"));
    s.cmd()
        .args(["find", "x", "--channel", "pigeon"])
        .assert()
        .code(2);
    s.cmd()
        .args(["find", "x", "--format", "csv"])
        .assert()
        .code(2);
    s.cmd()
        .args(["find", "x", "--since", "1h"])
        .assert()
        .success();
}
