//! The analyst export (`export <kind> --format jsonl|parquet`): monthly partitions read back
//! with the parquet crate's reader and as JSON lines, restricted content kept out, the output
//! folder's rules (no overwrite without --force, foreign files and links refused), the schema
//! as documented, and the first-response median of `metrics` reproduced from exported rows.

use std::path::{Path, PathBuf};

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use serde_json::{Map, Value};

use crate::support::{Sandbox, TestStore, stderr};

const NOW: &str = "2026-11-30T12:00:00Z";

/// One exported row, by column name.
type Row = Map<String, Value>;

/// A Parquet field as the JSON lines write it (times as RFC 3339 in UTC).
fn field_json(field: &Field) -> Value {
    match field {
        Field::Null => Value::Null,
        Field::Bool(b) => Value::Bool(*b),
        Field::Long(n) => Value::from(*n),
        Field::Str(s) => Value::String(s.clone()),
        Field::TimestampMicros(us) => {
            let t = chrono::DateTime::from_timestamp_micros(*us).unwrap();
            Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        }
        Field::ListInternal(list) => Value::Array(list.elements().iter().map(field_json).collect()),
        other => panic!("unexpected Parquet field {other:?}"),
    }
}

/// The rows of one Parquet file, and its key-value metadata.
fn parquet_file(path: &Path) -> (Vec<Row>, Vec<(String, String)>) {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let meta = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .map(|kv| {
            kv.iter()
                .map(|k| (k.key.clone(), k.value.clone().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    let rows = reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(name, field)| (name.clone(), field_json(field)))
                .collect()
        })
        .collect();
    (rows, meta)
}

fn jsonl_rows(text: &str) -> Vec<Map<String, Value>> {
    text.lines()
        .map(|l| match serde_json::from_str(l).unwrap() {
            Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        })
        .collect()
}

/// The files of `dir/<kind>` (relative names) and the rows of each month, month ascending.
fn partitions(dir: &Path, kind: &str, ext: &str) -> Vec<(String, Vec<Map<String, Value>>)> {
    let mut months: Vec<String> = std::fs::read_dir(dir.join(kind))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "schema.json")
        .collect();
    months.sort();
    months
        .into_iter()
        .map(|m| {
            let file = dir.join(kind).join(&m).join(format!("part-0.{ext}"));
            let rows = if ext == "parquet" {
                let (rows, meta) = parquet_file(&file);
                assert!(
                    meta.contains(&("git-crm.kind".into(), kind.into())),
                    "{meta:?}"
                );
                assert!(meta.contains(&("git-crm.schema_version".into(), "1".into())));
                rows
            } else {
                jsonl_rows(&std::fs::read_to_string(&file).unwrap())
            };
            (m.trim_start_matches("month=").to_string(), rows)
        })
        .collect()
}

fn all_rows(parts: &[(String, Vec<Map<String, Value>>)]) -> Vec<Map<String, Value>> {
    parts.iter().flat_map(|(_, r)| r.clone()).collect()
}

fn by_key(mut rows: Vec<Map<String, Value>>, key: &str) -> Vec<Map<String, Value>> {
    rows.sort_by(|a, b| a[key].as_str().cmp(&b[key].as_str()));
    rows
}

fn export_to(store: &TestStore, args: &[&str], dir: &Path) -> String {
    let mut full = vec!["export"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--output", dir.to_str().unwrap()]);
    store.run_at(NOW, &full)
}

/// Acme with a thread across two months, a restricted touchpoint Alice can read, a corrected
/// touchpoint and a handoff to Bob.
fn store_with_restricted() -> (TestStore, PathBuf) {
    let store = TestStore::new();
    store.add_team("finance");
    store.run(&["team", "join", "finance", "alice"]);
    store.add_person("bob", None);
    let key = store.sandbox.path().join("alice.key");
    let public = store.generate_key(&key);
    store.run(&["person", "key", "add", "alice", &public]);
    store.add_customer_with("Acme", &["--slug", "acme"]);
    let first = store.create_at(
        NOW,
        &[
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "inbound",
            "-s",
            "Where is my order?",
            "--at",
            "2026-10-30 16:00",
            "--tag",
            "orders,urgent",
            "--by",
            "jane@acme.example",
        ],
    );
    store.create_at(
        NOW,
        &[
            "log",
            "acme",
            "-c",
            "email",
            "-d",
            "outbound",
            "-s",
            "Shipped",
            "--at",
            "2026-11-02 10:00",
            "--reply-to",
            &first,
            "--resolves",
        ],
    );
    store.create_at(
        NOW,
        &[
            "log",
            "acme",
            "-c",
            "call",
            "-d",
            "outbound",
            "-s",
            "SECRET-SUMMARY-4411",
            "--body",
            "SECRET-BODY-9902",
            "--at",
            "2026-11-03 11:00",
            "--restricted",
            "finance",
        ],
    );
    store.run_at(
        NOW,
        &["assign", "acme", "--to", "bob", "--reason", "holidays"],
    );
    (store, key)
}

#[test]
fn touchpoints_as_parquet_and_jsonl_read_back_without_restricted_content() {
    let (store, key) = store_with_restricted();
    let out = store.sandbox.path().join("out");
    let run = |args: &[&str], dir: &Path| {
        let mut full = vec!["export"];
        full.extend_from_slice(args);
        full.extend_from_slice(&["--output", dir.to_str().unwrap()]);
        let output = store
            .cmd_at(NOW)
            .env("GITCRM_IDENTITY", &key)
            .args(&full)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    // Alice can read the restricted touchpoint: the CSV export shows it to her...
    let csv = String::from_utf8(
        store
            .cmd_at(NOW)
            .env("GITCRM_IDENTITY", &key)
            .args(["export", "touchpoints"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(csv.contains("SECRET-SUMMARY-4411"), "{csv}");
    // ...the analyst export never does.
    let said = run(&["touchpoints", "--format", "parquet"], &out);
    assert_eq!(
        said,
        format!(
            "exported 3 touchpoints in 2 monthly partitions (2026-10 to 2026-11) to {}\n",
            out.join("touchpoints").display()
        )
    );
    let parts = partitions(&out, "touchpoints", "parquet");
    assert_eq!(
        parts
            .iter()
            .map(|(m, r)| (m.as_str(), r.len()))
            .collect::<Vec<_>>(),
        [("2026-10", 1), ("2026-11", 2)]
    );
    let rows = all_rows(&parts);
    let first = &rows[0];
    assert_eq!(first["customer"], "acme");
    assert_eq!(first["at"], "2026-10-30T16:00:00Z");
    assert_eq!(first["direction"], "inbound");
    assert_eq!(first["by"], "jane@acme.example");
    assert_eq!(first["tags"], serde_json::json!(["orders", "urgent"]));
    assert_eq!(first["summary"], "Where is my order?");
    assert_eq!(
        (&first["body"], &first["restricted"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(rows[1]["thread"], first["id"]);
    assert_eq!(rows[1]["resolves"], true);
    assert_eq!(rows[1]["tags"], serde_json::json!([]));
    let secret = &rows[2];
    assert_eq!(secret["restricted"], "finance");
    assert_eq!(
        (&secret["summary"], &secret["body"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(secret["channel"], "call");
    for file in walk(&out) {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("SECRET"), "{} leaks", file.display());
    }
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("touchpoints/schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (&schema["kind"], &schema["version"]),
        (&"touchpoints".into(), &1.into())
    );
    let names: Vec<&str> = schema["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, first.keys().map(String::as_str).collect::<Vec<_>>());

    // The same rows as partitioned JSON lines and as JSON lines on stdout.
    let jsonl_dir = store.sandbox.path().join("jsonl");
    run(&["touchpoints", "--format", "jsonl"], &jsonl_dir);
    assert_eq!(
        all_rows(&partitions(&jsonl_dir, "touchpoints", "jsonl")),
        rows
    );
    let stdout = store.run_at(NOW, &["export", "touchpoints", "--format", "jsonl"]);
    assert_eq!(
        by_key(jsonl_rows(&stdout), "id"),
        by_key(rows.clone(), "id")
    );

    // Filters: a period and a channel.
    let calls = store.run_at(
        NOW,
        &[
            "export",
            "touchpoints",
            "--format",
            "jsonl",
            "--channel",
            "call",
        ],
    );
    assert_eq!(jsonl_rows(&calls).len(), 1);
    let november = store.run_at(
        NOW,
        &[
            "export",
            "touchpoints",
            "--format",
            "jsonl",
            "--since",
            "2026-11-01",
        ],
    );
    assert_eq!(jsonl_rows(&november).len(), 2);

    // Threads and handoffs, with their facts.
    run(&["threads", "--format", "parquet"], &out);
    let threads = all_rows(&partitions(&out, "threads", "parquet"));
    assert_eq!(threads.len(), 2, "{threads:?}");
    let t = &threads[0];
    assert_eq!(t["thread"], first["id"]);
    assert_eq!(t["first_inbound_at"], "2026-10-30T16:00:00Z");
    assert_eq!(t["first_reply_at"], "2026-11-02T10:00:00Z");
    assert_eq!(t["first_response_seconds"], 2 * 86_400 + 18 * 3600);
    assert_eq!(
        t["first_response_wall_seconds"],
        t["first_response_seconds"]
    );
    assert_eq!(t["calendar"], Value::Null);
    assert_eq!(t["first_resolved_at"], "2026-11-02T10:00:00Z");
    assert_eq!(
        (&t["replies_to_resolution"], &t["reopened"]),
        (&1.into(), &false.into())
    );
    assert_eq!(t["as_of"], NOW);
    assert_eq!(threads[1]["started_inbound"], false);
    run(&["handoffs", "--format", "parquet"], &out);
    let handoffs = all_rows(&partitions(&out, "handoffs", "parquet"));
    assert_eq!(handoffs.len(), 1);
    assert_eq!(handoffs[0]["to_owner"], "bob");
    assert_eq!(handoffs[0]["reason"], "holidays");
    assert_eq!(handoffs[0]["state"], "pending");
    assert_eq!(handoffs[0]["accepted_at"], Value::Null);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

/// Runs `git-crm args...` expecting exit `code` and `message` on stderr.
fn refused(store: &TestStore, args: &[&str], code: i32, message: &str) {
    let assert = store.cmd_at(NOW).args(args).assert().code(code);
    assert!(
        stderr(&assert).contains(message),
        "{args:?}: {}",
        stderr(&assert)
    );
}

#[test]
fn the_output_folder_is_never_overwritten_by_surprise() {
    let (store, _key) = store_with_restricted();
    let out = store.sandbox.path().join("out");
    export_to(&store, &["touchpoints", "--format", "parquet"], &out);
    let october = out.join("touchpoints/month=2026-10/part-0.parquet");
    let before = std::fs::read(&october).unwrap();
    let out_arg = out.to_str().unwrap();
    let parquet = [
        "export",
        "touchpoints",
        "--format",
        "parquet",
        "-o",
        out_arg,
    ];

    // Again without --force: refused, nothing changed.
    refused(&store, &parquet, 1, "already exists");
    refused(
        &store,
        &parquet,
        1,
        "pass --force to replace the export there",
    );
    assert_eq!(std::fs::read(&october).unwrap(), before);

    // With --force and a narrower period: the month no longer in the data goes.
    let said = export_to(
        &store,
        &[
            "touchpoints",
            "--format",
            "parquet",
            "--since",
            "2026-11-01",
            "--force",
        ],
        &out,
    );
    assert!(said.ends_with("; removed 1 old partition\n"), "{said}");
    assert!(!out.join("touchpoints/month=2026-10").exists());
    assert_eq!(partitions(&out, "touchpoints", "parquet").len(), 1);

    // A file that is not ours stops a forced export before anything is written.
    std::fs::write(out.join("touchpoints/notes.txt"), "mine").unwrap();
    let jsonl = [
        "export",
        "touchpoints",
        "--format",
        "jsonl",
        "--force",
        "-o",
        out_arg,
    ];
    refused(
        &store,
        &jsonl,
        1,
        "touchpoints/notes.txt is not part of a git-crm export",
    );
    assert!(!out.join("touchpoints/month=2026-11/part-0.jsonl").exists());
    std::fs::remove_file(out.join("touchpoints/notes.txt")).unwrap();

    // Links are never followed: not as the kind's folder, not as a month's folder.
    let elsewhere = store.sandbox.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let linked = store.sandbox.path().join("linked");
    std::fs::create_dir_all(&linked).unwrap();
    std::os::unix::fs::symlink(&elsewhere, linked.join("touchpoints")).unwrap();
    let linked_arg = linked.to_str().unwrap();
    let to_linked = [
        "export",
        "touchpoints",
        "--format",
        "parquet",
        "-o",
        linked_arg,
    ];
    refused(&store, &to_linked, 1, "symbolic link");
    refused(
        &store,
        &[&to_linked[..], &["--force"]].concat(),
        1,
        "symbolic link",
    );
    std::fs::remove_dir_all(out.join("touchpoints/month=2026-11")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("touchpoints/month=2026-11")).unwrap();
    refused(
        &store,
        &[&parquet[..], &["--force"]].concat(),
        1,
        "symbolic link",
    );
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);

    // Usage errors: exit 2.
    for (args, message) in [
        (
            &["export", "touchpoints", "--format", "parquet"][..],
            "--format parquet writes files: give --output DIR",
        ),
        (
            &["export", "notes", "--format", "parquet", "-o", "x"],
            "export touchpoints, threads and handoffs, not notes",
        ),
        (
            &["export", "threads", "--format", "jsonl", "--tag", "x"],
            "--tag does not filter threads",
        ),
        (
            &[
                "export",
                "touchpoints",
                "--format",
                "jsonl",
                "--at",
                "2026-11-01",
            ],
            "--at sets the instant",
        ),
        (
            &["export", "touchpoints", "-o", "x"],
            "--output writes --format jsonl or parquet",
        ),
    ] {
        refused(&store, args, 2, message);
    }
}

/// Nearest-rank percentile, as `metrics` computes it (docs/metrics.md).
fn nearest_rank(mut v: Vec<i64>, p: usize) -> Option<i64> {
    v.sort_unstable();
    if v.is_empty() {
        return None;
    }
    let rank = (p * v.len()).div_ceil(100).clamp(1, v.len());
    Some(v[rank - 1])
}

fn in_window(row: &Map<String, Value>, key: &str, since: &str, until: &str) -> bool {
    let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    row[key]
        .as_str()
        .is_some_and(|v| t(since) <= t(v) && t(v) < t(until))
}

/// The demo store measures each team in its own business calendar: the first-response median,
/// p90, count, the business-hours count and the FCR rate computed from the exported rows equal
/// what `metrics --format json` prints, for the whole store and for one team.
#[test]
fn exported_threads_reproduce_the_metrics() {
    let sandbox = Sandbox::new();
    let demo = sandbox.path().join("demo");
    sandbox
        .cmd_in(sandbox.path())
        .env("GITCRM_NOW", NOW)
        .args(["demo", "--customers", "40", "--interactions", "1500"])
        .arg(&demo)
        .assert()
        .success();
    let out = sandbox.path().join("out");
    let run = |args: &[&str]| {
        let output = sandbox
            .std_cmd_in(&demo)
            .env("GITCRM_NOW", NOW)
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    run(&[
        "export",
        "threads",
        "--format",
        "parquet",
        "-o",
        out.to_str().unwrap(),
    ]);
    let rows = all_rows(&partitions(&out, "threads", "parquet"));
    let measured_in_calendar = rows
        .iter()
        .filter(|r| r["calendar"].is_string() && r["first_response_seconds"].is_i64())
        .filter(|r| r["first_response_seconds"] != r["first_response_wall_seconds"])
        .count();
    assert!(
        measured_in_calendar > 10,
        "business hours matter in this store"
    );

    let teams: Vec<String> = {
        let mut t: Vec<String> = rows
            .iter()
            .filter_map(|r| r["team"].as_str().map(str::to_string))
            .collect();
        t.sort();
        t.dedup();
        t
    };
    let mut cases: Vec<(Vec<&str>, Option<&str>)> = vec![(vec!["--since", "all"], None)];
    cases.push((
        vec!["--since", "120d", "--team", &teams[0]],
        Some(&teams[0]),
    ));
    for (args, team) in cases {
        let mut full = vec!["metrics", "--format", "json"];
        full.extend_from_slice(&args);
        let report: Value = serde_json::from_str(&run(&full)).unwrap();
        let (since, until) = (
            report["params"]["since"].as_str().unwrap(),
            report["params"]["until"].as_str().unwrap(),
        );
        let kept: Vec<&Map<String, Value>> = rows
            .iter()
            .filter(|r| team.is_none_or(|t| r["team"] == t))
            .collect();
        let asked: Vec<&&Map<String, Value>> = kept
            .iter()
            .filter(|r| {
                in_window(r, "started_at", since, until) && r["first_inbound_at"].is_string()
            })
            .collect();
        let times: Vec<i64> = asked
            .iter()
            .filter_map(|r| r["first_response_seconds"].as_i64())
            .collect();
        let frt = &report["frt"];
        assert!(
            times.len() > 5,
            "{args:?}: {} answered threads",
            times.len()
        );
        assert_eq!(frt["threads"], asked.len(), "{args:?}");
        assert_eq!(frt["response"]["n"], times.len(), "{args:?}");
        assert_eq!(
            frt["response"]["median"],
            nearest_rank(times.clone(), 50).unwrap(),
            "{args:?}"
        );
        assert_eq!(
            frt["response"]["p90"],
            nearest_rank(times.clone(), 90).unwrap(),
            "{args:?}"
        );
        let business = asked
            .iter()
            .filter(|r| r["first_response_seconds"].is_i64() && r["calendar"].is_string())
            .count();
        assert_eq!(frt["business_hours"], business, "{args:?}");
        assert_eq!(
            frt["unanswered"],
            asked.iter().filter(|r| r["unanswered"] == true).count(),
            "{args:?}"
        );
        // Strict FCR: threads started inbound, first resolved in the period.
        let resolved: Vec<&&Map<String, Value>> = kept
            .iter()
            .filter(|r| {
                r["started_inbound"] == true && in_window(r, "first_resolved_at", since, until)
            })
            .collect();
        let first_contact = resolved
            .iter()
            .filter(|r| {
                r["replies_to_resolution"] == 1
                    && r["inbound_after_reply"] == false
                    && r["reopened"] == false
            })
            .count();
        assert_eq!(report["fcr"]["resolved"], resolved.len(), "{args:?}");
        assert_eq!(report["fcr"]["first_contact"], first_contact, "{args:?}");
    }
}

/// The columns of docs/export.md are the schemas the export writes.
#[test]
fn the_documented_schemas_are_the_written_ones() {
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export.md"))
            .unwrap();
    for schema in git_crm::export::analyst::SCHEMAS {
        let table = schema.markdown();
        assert!(
            docs.contains(&table),
            "docs/export.md lacks the current table of {} (version {}):\n{table}",
            schema.kind,
            schema.version
        );
        assert!(docs.contains(&format!(
            "partitioned by the UTC month of `{}`",
            schema.partitioned_by
        )));
    }
}
