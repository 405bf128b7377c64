//! The daily views at 60, 80 and 120 columns: plain aligned columns, identifiers and dates
//! never cut, free text cut with `…`, nothing wider than the terminal. Snapshots pin what
//! people see; the width assertions make each one able to fail on its own.

use crate::support::TestStore;

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
