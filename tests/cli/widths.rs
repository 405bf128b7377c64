//! The daily views at 60, 80 and 120 columns: plain aligned columns, identifiers and dates
//! never cut, free text cut with `…`, nothing wider than the terminal. Snapshots pin what
//! people see; the width assertions make each one able to fail on its own.

use crate::support::{TestStore, short_id_in};

const NOW: &str = "2026-11-20T16:00:00Z";

/// Runs `git-crm` at a fixed time, as if on a terminal `columns` wide.
fn at(store: &TestStore, columns: usize, args: &[&str]) -> String {
    let out = store
        .cmd()
        .env("GITCRM_NOW", NOW)
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn store() -> TestStore {
    let store = TestStore::new();
    store.add_person("bob", Some("finance"));
    store.add_person("dave", Some("support"));
    let run = |args: &[&str]| {
        let out = store
            .cmd()
            .env("GITCRM_NOW", NOW)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&[
        "customer",
        "add",
        "Atelier Lumière et Associés, architectes d'intérieur",
        "--slug",
        "atelier-lumiere",
        "--tag",
        "design,paris,premium",
    ]);
    run(&[
        "customer",
        "add",
        "Acme",
        "--contact",
        "Jane Doe <jane@acme.example>",
    ]);
    run(&[
        "log",
        "atelier-lumiere",
        "-c",
        "email",
        "-d",
        "inbound",
        "--by",
        "claire@atelier-lumiere.example",
        "--at",
        "2026-11-20 09:12",
        "-s",
        "Question about the lighting plan for the second floor showroom, and the invoice",
    ]);
    run(&[
        "log",
        "acme",
        "-c",
        "call",
        "-d",
        "outbound",
        "--at",
        "2026-11-19 14:00",
        "-s",
        "Called Jane about the renewal",
    ]);
    run(&[
        "task",
        "add",
        "atelier-lumiere",
        "Send the revised lighting plan with the three alternatives we discussed",
        "--due",
        "2026-11-18",
    ]);
    run(&[
        "assign",
        "acme",
        "--to",
        "bob",
        "--team",
        "finance",
        "--reason",
        "Invoices are overdue since October",
    ]);
    store
}

/// [`store`] with what carries markers and parties: a voided and an amended touchpoint with
/// long summaries, a recurring task done once (so a series and its next occurrence), and a
/// handoff between two people of teams, overtaken by a later one.
fn marked_store() -> TestStore {
    let store = store();
    let run = |args: &[&str]| {
        let out = store
            .cmd()
            .env("GITCRM_NOW", NOW)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let logged = |summary: &str, at: &str| {
        short_id_in(&run(&[
            "log",
            "atelier-lumiere",
            "-c",
            "call",
            "-d",
            "outbound",
            "--at",
            at,
            "-s",
            summary,
        ]))
        .expect("an id")
    };
    let voided = logged(
        "Called Claire about the lighting plan and the invoice for the second floor showroom",
        "2026-11-20 10:00",
    );
    run(&["void", &voided, "--reason", "logged twice"]);
    let amended = logged(
        "Called Claire back about the revised lighting plan for the showroom",
        "2026-11-20 11:00",
    );
    run(&[
        "amend",
        &amended,
        "--summary",
        "Called Claire back about the revised lighting plan for the whole showroom",
    ]);
    let task = short_id_in(&run(&[
        "task",
        "add",
        "acme",
        "Weekly report to the finance team about the overdue invoices",
        "--every",
        "1w",
        "--due",
        "2026-11-13",
    ]))
    .expect("an id");
    run(&["task", "done", &task]);
    run(&[
        "assign",
        "atelier-lumiere",
        "--to",
        "dave",
        "--team",
        "support",
    ]);
    run(&[
        "assign",
        "atelier-lumiere",
        "--to",
        "bob",
        "--team",
        "finance",
    ]);
    store
}

/// Runs `views` at 60, 80 and 120 columns, checks each fits, and returns them as one text.
fn at_widths(store: &TestStore, views: &[&[&str]]) -> String {
    let mut all = String::new();
    for columns in [60, 80, 120] {
        for args in views {
            let out = at(store, columns, args);
            assert_fits(&out, columns, &args.join(" "));
            all.push_str(&format!(
                "$ COLUMNS={columns} git crm {}\n{out}\n",
                args.join(" ")
            ));
        }
    }
    all
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\b[0-9a-f]{8}\b", "[id]");
    settings.add_filter(r"#[0-9a-f]{4}\b", "#[thr]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// Every line of `out` that shows `needle` shows it whole.
fn never_cut(out: &str, needles: &[&str], what: &str) {
    for needle in needles {
        assert!(out.contains(needle), "{what}: `{needle}` missing:\n{out}");
    }
}

/// The demo store, built with a fixed clock and seed: months of history for metrics.
fn demo() -> (crate::support::Sandbox, std::path::PathBuf) {
    let sandbox = crate::support::Sandbox::new();
    let dir = sandbox.path().join("demo");
    sandbox
        .cmd_in(sandbox.path())
        .env("GITCRM_NOW", DEMO_NOW)
        .env("GITCRM_SEED", "7")
        .arg("demo")
        .arg(&dir)
        .assert()
        .success();
    (sandbox, dir)
}

const DEMO_NOW: &str = "2026-11-23T09:00:00Z";

#[test]
fn metrics_read_as_columns_at_80_and_120() {
    let (sandbox, dir) = demo();
    let run = |columns: usize, args: &[&str]| {
        let out = sandbox
            .cmd_in(&dir)
            .env("GITCRM_NOW", DEMO_NOW)
            .env("COLUMNS", columns.to_string())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let views: &[&[&str]] = &[&["metrics", "--by", "team"], &["metrics", "handoff"]];
    let mut all = String::new();
    for columns in [60, 80, 120] {
        for args in views {
            let out = run(columns, args);
            assert_fits(&out, columns, &args.join(" "));
            all.push_str(&format!(
                "$ COLUMNS={columns} git crm {}\n{out}\n",
                args.join(" ")
            ));
        }
    }
    for columns in [80, 120] {
        let out = run(columns, views[0]);
        // The overview and the groups are tables, not one block per metric.
        assert!(out.contains("metric  "), "{columns}:\n{out}");
        assert!(out.contains("\ngroup  "), "{columns}:\n{out}");
        assert!(!out.contains("\n  value  "), "{columns}:\n{out}");
        // Group names and the calendars of the clock line are whole.
        never_cut(
            &out,
            &["onboarding  ", "support  ", "support=paris-support"],
            "metrics --by team",
        );
    }
    for columns in [100, 120] {
        let handoff = run(columns, views[1]);
        never_cut(
            &handoff,
            &["dave (support)  erin (support)"],
            &format!("metrics handoff at {columns}"),
        );
    }
    snapshot("metrics_widths", &all);
}

#[test]
fn markers_and_parties_survive_every_width() {
    let store = marked_store();
    let views: &[&[&str]] = &[
        &["timeline", "atelier-lumiere"],
        &["task", "list", "--all"],
        &["handoff", "list"],
        &["find", "lighting"],
        &["person", "list"],
        &["team", "list"],
    ];
    let all = at_widths(&store, views);
    for columns in [60, 80, 100, 120] {
        let timeline = at(&store, columns, views[0]);
        never_cut(
            &timeline,
            &[
                "[voided by alice 2026-11-20: logged twice]",
                "[amended summary by alice 2026-11-20]",
                "owner bob/finance)",
            ],
            &format!("timeline at {columns}"),
        );
        let tasks = at(&store, columns, views[1]);
        // The series and its next occurrence are worded alike.
        assert_eq!(
            tasks.matches("(every 1w)").count(),
            2,
            "{columns}:\n{tasks}"
        );
        assert!(!tasks.contains("(recurring)"), "{tasks}");
        let handoffs = at(&store, columns, views[2]);
        never_cut(
            &handoffs,
            &["dave (support)", "bob (finance)", "atelier-lumiere"],
            &format!("handoff list at {columns}"),
        );
        let found = at(&store, columns, views[3]);
        never_cut(&found, &["[corrected]"], &format!("find at {columns}"));
    }
    snapshot("marked_views", &all);
}

fn assert_fits(out: &str, columns: usize, what: &str) {
    for line in out.lines() {
        let width = line.chars().count();
        assert!(
            width <= columns,
            "{what} at {columns}: {width} > {columns}: {line}"
        );
    }
}

#[test]
fn daily_views_fit_60_80_and_120_columns() {
    let store = store();
    let views: &[&[&str]] = &[
        &["customer", "list"],
        &["task", "list"],
        &["handoff", "list"],
        &["timeline", "atelier-lumiere"],
        &["inbox", "--peek"],
    ];
    let mut all = String::new();
    for columns in [60, 80, 120] {
        for args in views {
            let out = at(&store, columns, args);
            assert_fits(&out, columns, &args.join(" "));
            all.push_str(&format!(
                "$ COLUMNS={columns} git crm {}\n{out}\n",
                args.join(" ")
            ));
        }
    }
    // Identifiers and dates are whole at every width.
    assert!(all.matches("atelier-lumiere").count() >= 6);
    assert!(all.contains("2026-11-18"));
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\b[0-9a-f]{8}\b", "[id]");
    settings.add_filter(r"#[0-9a-f]{4}\b", "#[thr]");
    settings.bind(|| insta::assert_snapshot!("daily_views", all));
}

#[test]
fn a_pipe_gets_whole_lines() {
    let store = store();
    let out = store
        .cmd()
        .env("GITCRM_NOW", NOW)
        .env_remove("COLUMNS")
        .args(["task", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Send the revised lighting plan with the three alternatives we discussed"),
        "{text}"
    );
    assert!(!text.contains('…'));
}
