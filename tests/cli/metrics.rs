//! `git crm metrics`: the worked example of docs/metrics.md computed by the real binary, each
//! metric, slicing, `--by`, `--tz`, targets, the `--fail-if` gate and every output format.
//!
//! The store is written by hand (fixed ids and times) and reports use a fixed `--at`, so every
//! number here can be checked with a pencil against docs/metrics.md.

use serde_json::{Value, json};

use crate::support::{TestStore, stderr, stdout};

const CONFIG: &str = r#"version: 1
timezone: Europe/Paris
people:
  alice:
    name: Alice Martin
    emails: [alice@example.com]
    teams: [support]
  bob:
    name: Bob Stone
    emails: [bob@example.com]
    teams: [support]
  carol:
    name: Carol Diaz
    emails: [carol@example.com]
    teams: [sales]
teams:
  support:
    calendar: office
  sales: {}
channels: [email, call, chat, meeting, social, sms, whatsapp, other]
calendars:
  office:
    zone: Europe/Paris
    hours: {mon: "09:00-17:00", tue: "09:00-17:00", wed: "09:00-17:00", thu: "09:00-17:00", fri: "09:00-17:00"}
    holidays: [2026-11-11]
targets:
  first_response: 4h
  handoff: 1d
views: {}
"#;

/// The id of record `n` of the example: its short id is `feed00nn`.
fn id(n: u32) -> String {
    format!("01900000-0000-7000-8000-0000feed{n:04}")
}

/// `(slug, name, status, owner, team, tags)` of the example's customers.
const CUSTOMERS: [(&str, &str, &str, &str, &str, &str); 5] = [
    ("acme", "Acme Studio", "active", "alice", "support", "[vip]"),
    ("birch", "Birch & Co", "active", "bob", "support", "[]"),
    ("cedar", "Cedar Farms", "active", "carol", "sales", "[]"),
    ("dune", "Dune Books", "active", "bob", "support", "[]"),
    ("elm", "Elm Lead", "lead", "carol", "sales", "[]"),
];

/// A touchpoint of the example: `(n, customer, thread n, at, channel, direction, by, summary)`
/// plus flags.
struct Tp {
    n: u32,
    customer: &'static str,
    thread: u32,
    at: &'static str,
    channel: &'static str,
    direction: &'static str,
    by: &'static str,
    summary: &'static str,
    resolves: bool,
    automation: bool,
    recorded_at: Option<&'static str>,
}

/// One argument per column keeps the table of touchpoints below readable as a table.
#[allow(clippy::too_many_arguments)]
const fn tp(
    n: u32,
    customer: &'static str,
    thread: u32,
    at: &'static str,
    channel: &'static str,
    direction: &'static str,
    by: &'static str,
    summary: &'static str,
) -> Tp {
    Tp {
        n,
        customer,
        thread,
        at,
        channel,
        direction,
        by,
        summary,
        resolves: false,
        automation: false,
        recorded_at: None,
    }
}

const fn resolved(t: Tp) -> Tp {
    Tp {
        resolves: true,
        ..t
    }
}

/// The touchpoints of docs/metrics.md, "Worked example".
const TOUCHPOINTS: [Tp; 17] = [
    tp(
        1,
        "acme",
        1,
        "2026-11-02T08:00:00Z",
        "email",
        "inbound",
        "Ann Acme",
        "Invoice question",
    ),
    tp(
        2,
        "acme",
        1,
        "2026-11-02T09:00:00Z",
        "email",
        "internal",
        "bob",
        "Asked finance about the invoice",
    ),
    resolved(tp(
        3,
        "acme",
        1,
        "2026-11-02T10:30:00Z",
        "email",
        "outbound",
        "alice",
        "Explained the invoice",
    )),
    tp(
        4,
        "acme",
        4,
        "2026-11-10T15:00:00Z",
        "chat",
        "inbound",
        "Ann Acme",
        "Login broken",
    ),
    tp(
        5,
        "acme",
        4,
        "2026-11-12T08:30:00Z",
        "chat",
        "outbound",
        "bob",
        "Reset the password",
    ),
    tp(
        6,
        "acme",
        4,
        "2026-11-12T09:00:00Z",
        "call",
        "inbound",
        "Ann Acme",
        "Still cannot log in",
    ),
    resolved(tp(
        7,
        "acme",
        4,
        "2026-11-12T13:00:00Z",
        "call",
        "outbound",
        "bob",
        "Fixed the SSO setting",
    )),
    resolved(tp(
        8,
        "acme",
        8,
        "2026-11-13T08:00:00Z",
        "email",
        "inbound",
        "Ann Acme",
        "All good now, thanks",
    )),
    tp(
        9,
        "birch",
        9,
        "2026-11-04T16:30:00Z",
        "email",
        "inbound",
        "Ben Birch",
        "Quote request",
    ),
    Tp {
        automation: true,
        ..tp(
            10,
            "birch",
            9,
            "2026-11-04T16:31:00Z",
            "email",
            "outbound",
            "autoresponder",
            "Auto-reply: we got your message",
        )
    },
    tp(
        11,
        "birch",
        9,
        "2026-11-05T09:00:00Z",
        "call",
        "outbound",
        "bob",
        "Called back about the quote",
    ),
    Tp {
        recorded_at: Some("2026-11-06T14:00:00Z"),
        ..tp(
            12,
            "birch",
            12,
            "2026-11-06T10:00:00Z",
            "whatsapp",
            "inbound",
            "Ben Birch",
            "Any news on the quote?",
        )
    },
    tp(
        13,
        "cedar",
        13,
        "2026-11-07T10:00:00Z",
        "email",
        "inbound",
        "Cy Cedar",
        "Partnership idea",
    ),
    tp(
        14,
        "cedar",
        13,
        "2026-11-07T12:00:00Z",
        "email",
        "outbound",
        "carol",
        "Happy to talk",
    ),
    resolved(tp(
        15,
        "cedar",
        13,
        "2026-11-09T09:00:00Z",
        "email",
        "outbound",
        "carol",
        "Sent the proposal",
    )),
    tp(
        16,
        "cedar",
        16,
        "2026-11-09T10:00:00Z",
        "call",
        "outbound",
        "carol",
        "Check-in call",
    ),
    tp(
        17,
        "dune",
        17,
        "2026-10-20T10:00:00Z",
        "email",
        "outbound",
        "alice",
        "Autumn catalogue",
    ),
];

fn file_name(at: &str, n: u32) -> String {
    let stamp: String = at.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("{stamp}-feed{n:04}.yaml")
}

/// Writes the worked example into a fresh store and commits it.
fn example() -> TestStore {
    let store = TestStore::new();
    store.write(".gitcrm/config.yaml", CONFIG);
    for (k, (slug, name, status, owner, team, tags)) in CUSTOMERS.iter().enumerate() {
        store.write(
            &format!("customers/{slug}/customer.yaml"),
            &format!(
                "id: {}\nname: {name}\nslug: {slug}\nkind: company\nstatus: {status}\nowner: {owner}\nteam: {team}\ntags: {tags}\ncreated: \"2026-10-01T09:00:00Z\"\n",
                id(100 + k as u32)
            ),
        );
    }
    for t in &TOUCHPOINTS {
        let mut text = format!(
            "id: {}\nat: \"{}\"\nrecorded_at: \"{}\"\nchannel: {}\ndirection: {}\nby: {}\nactor: {}\nthread: {}\nsummary: \"{}\"\n",
            id(t.n),
            t.at,
            t.recorded_at.unwrap_or(t.at),
            t.channel,
            t.direction,
            t.by,
            if t.automation { "automation" } else { "human" },
            id(t.thread),
            t.summary
        );
        if t.resolves {
            text.push_str("resolves: true\n");
        }
        store.write(
            &format!(
                "customers/{}/interactions/{}",
                t.customer,
                file_name(t.at, t.n)
            ),
            &text,
        );
    }
    let handoff = |n: u32,
                   slug: &str,
                   at: &str,
                   by: &str,
                   from: (&str, &str),
                   to: (&str, &str),
                   extra: &str| {
        store.write(
            &format!("customers/{slug}/handoffs/{}", file_name(at, n)),
            &format!(
                "id: {}\nat: \"{at}\"\nby: {by}\nfrom:\n  owner: {}\n  team: {}\nto:\n  owner: {}\n  team: {}\n{extra}",
                id(n),
                from.0,
                from.1,
                to.0,
                to.1
            ),
        );
    };
    handoff(
        20,
        "dune",
        "2026-11-03T09:00:00Z",
        "alice",
        ("alice", "support"),
        ("bob", "support"),
        "reason: Alice is on leave\n",
    );
    handoff(
        21,
        "cedar",
        "2026-11-10T08:00:00Z",
        "carol",
        ("carol", "sales"),
        ("alice", "support"),
        "accepted_at: \"2026-11-12T08:00:00Z\"\naccepted_by: alice\n",
    );
    handoff(
        22,
        "cedar",
        "2026-11-13T08:00:00Z",
        "alice",
        ("alice", "support"),
        ("carol", "sales"),
        "",
    );
    store.write(
        &format!(
            "customers/dune/notes/{}",
            file_name("2026-11-04T10:00:00Z", 23)
        ),
        &format!(
            "id: {}\nat: \"2026-11-04T10:00:00Z\"\nby: bob\nbody: Took over Dune\n",
            id(23)
        ),
    );
    store.commit_all("worked example of docs/metrics.md");
    store
}

/// The period and instant of the worked example.
const PERIOD: [&str; 6] = [
    "--since",
    "2026-11-02",
    "--until",
    "2026-11-15",
    "--at",
    "2026-11-16T12:00:00Z",
];

fn metrics(store: &TestStore, extra: &[&str]) -> Value {
    let mut args = vec!["metrics"];
    args.extend_from_slice(&PERIOD);
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--format", "json"]);
    store.json(&args)
}

fn text(store: &TestStore, extra: &[&str]) -> String {
    let mut args = vec!["metrics"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&PERIOD);
    store.run(&args)
}

const H: i64 = 3600;

#[test]
fn worked_example_matches_the_documentation() {
    let store = example();
    let r = metrics(&store, &[]);
    assert_eq!(r["version"], 1);
    let p = &r["params"];
    assert_eq!(p["since"], "2026-11-02T00:00:00Z");
    assert_eq!(
        p["until"], "2026-11-16T00:00:00Z",
        "a bare --until date includes the day"
    );
    assert_eq!(p["as_of"], "2026-11-16T12:00:00Z");
    assert_eq!(
        p["tz"], "UTC",
        "reports never use the store's or machine's zone by default"
    );
    assert_eq!(p["clock"], "business");
    assert_eq!(p["calendars"], json!({"support": "office"}));
    assert_eq!(p["fcr_rule"], "strict");
    assert_eq!(p["percentiles"], "nearest-rank");
    assert_eq!(
        p["targets"],
        json!({"first_response": "4h", "handoff": "1d"})
    );

    let f = &r["frt"];
    assert_eq!(f["threads"], 6);
    assert_eq!(
        f["response"],
        json!({"n": 4, "median": 90 * 60, "p90": 150 * 60, "mean": 105 * 60, "max": 150 * 60})
    );
    assert_eq!(
        f["target"],
        json!({"target": 4 * H, "within": 4, "breached": 0, "share": 1.0})
    );
    assert_eq!(f["resolved_without_reply"], 1);
    assert_eq!(f["unanswered"], 1);
    assert_eq!(f["unanswered_breached"], 1);
    assert_eq!(f["oldest_unanswered"], 42 * H);
    assert_eq!(f["business_hours"], 3);
    let u = &f["unanswered_threads"][0];
    assert_eq!(
        (
            &u["customer"],
            &u["thread"],
            &u["age"],
            &u["wall_age"],
            &u["calendar"],
            &u["breached"]
        ),
        (
            &json!("birch"),
            &json!("feed0012"),
            &json!(42 * H),
            &json!(242 * H),
            &json!("office"),
            &json!(true)
        )
    );

    let c = &r["fcr"];
    assert_eq!(
        (
            &c["resolved"],
            &c["first_contact"],
            &c["rate"],
            &c["reopened"]
        ),
        (&json!(4), &json!(1), &json!(0.25), &json!(0))
    );

    let h = &r["handoff"];
    assert_eq!(h["handoffs"], 3);
    assert_eq!(
        h["time"],
        json!({"n": 2, "median": 8 * H, "p90": 9 * H, "mean": 8 * H + 1800, "max": 9 * H})
    );
    assert_eq!(
        h["target"],
        json!({"target": 24 * H, "within": 2, "breached": 0, "share": 1.0})
    );
    assert_eq!(h["accepted_by"], json!({"explicit": 1, "first_note": 1}));
    assert_eq!(
        (&h["pending"], &h["pending_breached"], &h["oldest_pending"]),
        (&json!(1), &json!(1), &json!(76 * H))
    );
    assert_eq!(h["ping_pong"], 1);
    assert_eq!(
        h["ping_pongs"][0]["owners"],
        json!(["carol", "alice", "carol"])
    );
    assert_eq!(
        h["per_customer"],
        json!([{"customer": "cedar", "handoffs": 2}, {"customer": "dune", "handoffs": 1}])
    );
    assert_eq!(
        h["pending_handoffs"][0]["calendar"],
        Value::Null,
        "sales has no calendar"
    );

    let v = &r["coverage"];
    assert_eq!(
        (&v["customers"], &v["covered"], &v["rate"], &v["stale"]),
        (&json!(4), &json!(3), &json!(0.75), &json!(1))
    );
    assert_eq!(v["stale_customers"][0]["customer"], "dune");
    assert_eq!(v["stale_customers"][0]["days_since"], 26);
    assert_eq!(
        v["logging_lag"],
        json!({"n": 15, "median": 0, "p90": 0, "mean": 960, "max": 4 * H})
    );
    let weeks: Vec<(String, u64, u64)> = v["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["key"].as_str().unwrap().to_string(),
                w["customers"].as_u64().unwrap(),
                w["covered"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        weeks[5..],
        [
            ("2026-W44".into(), 4, 0),
            ("2026-W45".into(), 4, 3),
            ("2026-W46".into(), 4, 2)
        ]
    );
    assert_eq!(
        v["by_team"],
        json!([
            {"key": "sales", "customers": 1, "covered": 1, "rate": 1.0},
            {"key": "support", "customers": 3, "covered": 2, "rate": 2.0 / 3.0}
        ])
    );
    assert_eq!(
        v["channel_team"],
        json!([
            {"channel": "call", "team": "sales", "touchpoints": 1},
            {"channel": "call", "team": "support", "touchpoints": 3},
            {"channel": "chat", "team": "support", "touchpoints": 2},
            {"channel": "email", "team": "sales", "touchpoints": 3},
            {"channel": "email", "team": "support", "touchpoints": 4},
            {"channel": "whatsapp", "team": "support", "touchpoints": 1}
        ])
    );

    let k = &r["consistency"];
    assert_eq!(
        k,
        &json!({
            "arrivals": 2, "followed": 1, "rate": 0.5,
            "replies": 6, "same_channel": 5, "same_channel_rate": 5.0 / 6.0,
            "threads": 4, "switched": 2, "switch_rate": 0.5, "switches_per_thread": 0.5
        })
    );
}

#[test]
fn fcr_rules_and_wall_clock() {
    let store = example();
    let rate = |rule: &str| metrics(&store, &["--fcr-rule", rule])["fcr"]["rate"].clone();
    assert_eq!(rate("strict"), json!(0.25));
    assert_eq!(rate("one-touch"), json!(0.5));
    assert_eq!(rate("no-further-contact"), json!(0.75));
    let wall = metrics(&store, &["--clock", "wall"]);
    assert_eq!(
        wall["frt"]["response"],
        json!({"n": 4, "median": 150 * 60, "p90": 41 * H + 1800, "mean": (2 * H + 150 * 60 + 16 * H + 1800 + 41 * H + 1800) / 4, "max": 41 * H + 1800})
    );
    assert_eq!(wall["params"]["calendars"], json!({}));
    assert_eq!(wall["frt"]["business_hours"], 0);
}

#[test]
fn targets_are_derived_from_times() {
    let store = example();
    store.replace_line(
        ".gitcrm/config.yaml",
        "  first_response:",
        "  first_response: 2h",
    );
    store.commit_all("tighter target");
    let r = metrics(&store, &[]);
    assert_eq!(
        r["frt"]["target"],
        json!({"target": 2 * H, "within": 3, "breached": 1, "share": 0.75})
    );
    assert_eq!(r["params"]["targets"]["first_response"], "2h");

    store.replace_line(
        ".gitcrm/config.yaml",
        "  first_response:",
        "  first_response: soon",
    );
    let out = store.cmd().args(["metrics"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            ".gitcrm/config.yaml:27:3: targets.first_response: cannot read `soon` as a duration"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bad_calendars_are_clear_errors() {
    let store = example();
    store.replace_line(
        ".gitcrm/config.yaml",
        "    zone:",
        "    zone: Europe/Atlantis",
    );
    let a = store.cmd().args(["metrics"]).assert().code(1);
    assert_eq!(
        stderr(&a),
        "error: .gitcrm/config.yaml:23:5: calendars.office.zone: `Europe/Atlantis` is not an IANA time zone\nhint: use a name such as Europe/Paris, America/New_York or UTC; `git crm check config` lists every problem\n"
    );
    store.replace_line(".gitcrm/config.yaml", "    zone:", "    zone: Europe/Paris");
    store.replace_line(
        ".gitcrm/config.yaml",
        "    hours:",
        "    hours: {mon: \"17:00-09:00\"}",
    );
    let a = store.cmd().args(["metrics"]).assert().code(1);
    assert!(
        stderr(&a).starts_with("error: .gitcrm/config.yaml:24:5: calendars.office.hours.mon: `17:00-09:00` ends before it starts"),
        "{}",
        stderr(&a)
    );
}

#[test]
fn slices() {
    let store = example();
    let frt_n = |extra: &[&str]| metrics(&store, extra)["frt"]["response"]["n"].clone();
    assert_eq!(
        frt_n(&["--team", "sales"]),
        1,
        "cedar was in sales when its thread started"
    );
    assert_eq!(frt_n(&["--owner", "alice"]), 2);
    assert_eq!(frt_n(&["--channel", "chat"]), 1);
    assert_eq!(frt_n(&["--customer", "birch"]), 1);
    assert_eq!(frt_n(&["--tag", "vip"]), 2);
    assert_eq!(frt_n(&["--team", "sales,support"]), 4);
    let r = metrics(&store, &["--team", "sales"]);
    assert_eq!(r["params"]["filters"]["team"], json!(["sales"]));
    assert_eq!(r["handoff"]["handoffs"], 2, "handoffs from or to sales");
    assert_eq!(r["coverage"]["customers"], 1);
    let r = metrics(&store, &["--channel", "whatsapp"]);
    assert_eq!(r["coverage"]["covered"], 1, "only birch wrote on WhatsApp");
    assert_eq!(r["frt"]["unanswered"], 1);

    let a = store
        .cmd()
        .args(["metrics", "--team", "suport"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("support"), "{}", stderr(&a));
}

#[test]
fn by_team_and_week() {
    let store = example();
    let r = metrics(&store, &["--by", "team"]);
    let groups = r["groups"].as_array().unwrap();
    let keys: Vec<&str> = groups.iter().map(|g| g["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["sales", "support"]);
    assert_eq!(groups[1]["frt"]["response"]["median"], 90 * 60);
    assert_eq!(groups[1]["frt"]["response"]["n"], 3);
    assert_eq!(groups[0]["handoff"]["pending"], 1);
    assert_eq!(groups[1]["handoff"]["time"]["n"], 2);
    assert!(
        groups[0]["frt"].get("unanswered_threads").is_none(),
        "groups carry figures only"
    );

    let r = metrics(&store, &["--by", "week"]);
    let weeks: Vec<(&str, u64)> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap(),
                g["frt"]["threads"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(weeks, [("2026-W45", 4), ("2026-W46", 2)]);

    let out = text(&store, &["--by", "owner"]);
    assert!(out.contains("\nalice "), "{out}");
}

#[test]
fn time_zone_moves_the_period_not_the_machine() {
    let store = example();
    let day = |tz: &str| {
        store.json(&[
            "metrics",
            "--since",
            "2026-11-04",
            "--until",
            "2026-11-04",
            "--at",
            "2026-11-16T12:00:00Z",
            "--tz",
            tz,
            "--format",
            "json",
        ])
    };
    // Birch's quote request came at 16:30 UTC on the 4th: already the 5th in Tokyo.
    assert_eq!(day("UTC")["frt"]["threads"], 1);
    let tokyo = day("Asia/Tokyo");
    assert_eq!(tokyo["frt"]["threads"], 0);
    assert_eq!(tokyo["params"]["since"], "2026-11-04T00:00:00+09:00");
    let out = store
        .cmd()
        .env("TZ", "Asia/Tokyo")
        .args([
            "metrics",
            "--since",
            "2026-11-04",
            "--until",
            "2026-11-04",
            "--at",
            "2026-11-16T12:00:00Z",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["params"]["tz"], "UTC");
    assert_eq!(v["frt"]["threads"], 1);

    let a = store
        .cmd()
        .args(["metrics", "--tz", "Mars/Base"])
        .assert()
        .code(2);
    assert!(
        stderr(&a).contains("--tz: `Mars/Base` is not an IANA time zone"),
        "{}",
        stderr(&a)
    );
}

#[test]
fn future_records_do_not_count_before_they_happen() {
    let store = example();
    // As of Monday the 2nd at noon, only Acme's invoice question exists and it is answered.
    let r = store.json(&[
        "metrics",
        "--since",
        "2026-11-02",
        "--at",
        "2026-11-02T12:00:00Z",
        "--format",
        "json",
    ]);
    assert_eq!(r["frt"]["response"]["n"], 1);
    assert_eq!(r["frt"]["unanswered"], 0);
    assert_eq!(r["handoff"]["handoffs"], 0);
}

#[test]
fn fail_if_gates() {
    let store = example();
    let run = |conds: &[&str]| {
        let mut args: Vec<&str> = vec!["metrics"];
        args.extend_from_slice(&PERIOD);
        for c in conds {
            args.extend_from_slice(&["--fail-if", c]);
        }
        store.cmd().args(&args).assert()
    };
    let ok = run(&[
        "handoff.p90 > 24h",
        "fcr.n < 1",
        "frt.within_target_share < 90%",
    ])
    .code(0);
    assert_eq!(stderr(&ok), "");
    assert!(
        stdout(&ok).contains("  ok: handoff.p90 > 24h (handoff.p90 is 9h)\n"),
        "{}",
        stdout(&ok)
    );

    let failed = run(&[
        "frt.unanswered > 0",
        "fcr.rate < 0.6",
        "handoff.p90 > 24h",
        "handoff.pending_breached >= 1",
    ])
    .code(1);
    assert_eq!(
        stderr(&failed),
        "metrics: failed: frt.unanswered > 0 (frt.unanswered is 1)\n\
         metrics: failed: fcr.rate < 0.6 (fcr.rate is 25%)\n\
         metrics: failed: handoff.pending_breached >= 1 (handoff.pending_breached is 1)\n"
    );

    for bad in [
        "handoff.p99 > 24h",
        "handoff.p90 24h",
        "fcr.rate < lots",
        "nps > 3",
    ] {
        let a = run(&[bad]).code(2);
        let err = stderr(&a);
        assert!(
            err.starts_with(&format!("error: --fail-if `{bad}`: ")),
            "{err}"
        );
        assert!(err.contains("valid names: frt.{n,median,p90"), "{err}");
        assert_eq!(stdout(&a), "", "nothing is computed for a malformed gate");
    }
}

#[test]
fn empty_period_is_a_usage_error() {
    let store = example();
    let a = store
        .cmd()
        .args(["metrics", "--since", "2026-11-10", "--until", "2026-11-01"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("the period is empty"), "{}", stderr(&a));
}

#[test]
fn overview_table() {
    let store = example();
    insta::assert_snapshot!("metrics_overview", text(&store, &[]));
}

#[test]
fn overview_markdown_with_gates() {
    let store = example();
    let md = text(
        &store,
        &["--format", "markdown", "--fail-if", "handoff.p90 > 24h"],
    );
    insta::assert_snapshot!("metrics_markdown", md);
}

#[test]
fn overview_csv_by_team() {
    let store = example();
    insta::assert_snapshot!(
        "metrics_csv",
        text(&store, &["--format", "csv", "--by", "team"])
    );
}

#[test]
fn frt_in_depth() {
    let store = example();
    insta::assert_snapshot!("metrics_frt", text(&store, &["frt"]));
}

#[test]
fn handoff_in_depth() {
    let store = example();
    insta::assert_snapshot!("metrics_handoff", text(&store, &["handoff"]));
    let md = text(&store, &["handoff", "--format", "markdown"]);
    assert!(
        md.contains("### Pending handoffs\n\n| customer | handoff |"),
        "{md}"
    );
}

#[test]
fn coverage_fcr_and_consistency_in_depth() {
    let store = example();
    insta::assert_snapshot!("metrics_coverage", text(&store, &["coverage"]));
    let fcr = text(&store, &["fcr"]);
    assert!(
        fcr.contains("cedar     feed0013  Partnership idea"),
        "{fcr}"
    );
    let json = metrics(&store, &["fcr"]);
    assert!(
        json.get("frt").is_none(),
        "one metric in depth prints only that metric"
    );
    assert_eq!(json["fcr"]["threads"].as_array().unwrap().len(), 4);
    let consistency = text(&store, &["consistency"]);
    assert!(
        consistency.contains("\nsame_channel_rate  83%"),
        "{consistency}"
    );
}

#[test]
fn the_documented_table_is_the_real_output() {
    let store = example();
    let out = text(&store, &[]);
    let doc = include_str!("../../docs/metrics.md");
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("metric "))
        .collect();
    assert_eq!(table.len(), 8, "{out}");
    for line in table {
        assert!(
            doc.contains(line),
            "docs/metrics.md lacks the line:\n{line}"
        );
    }
}
