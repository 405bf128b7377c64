//! `git crm merge-driver %O %A %B %P` called directly on files, as git calls it.

use std::path::Path;

use crate::support::Sandbox;

const BASE: &str = "\
id: 01951234-5678-7abc-8def-0123456789ab
name: Hand Made Ltd   # trading name
slug: hand
kind: company
status: lead
owner: alice        # account manager
team: support
tags:
- design
fields:
  tier: gold
created: \"2024-03-01T09:00:00Z\"
crm_legacy_id: L-0042   # from the old CRM
";

/// Runs the driver on three versions and returns (exit code, merged text, stderr).
fn drive(base: &str, ours: &str, theirs: &str) -> (i32, String, String) {
    let sandbox = Sandbox::new();
    let dir = sandbox.path();
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).unwrap();
        dir.join(name)
    };
    let (o, a, b) = (write("O", base), write("A", ours), write("B", theirs));
    let output = sandbox
        .cmd_in(dir)
        .arg("merge-driver")
        .args([&o, &a, &b])
        .arg("customers/hand/customer.yaml")
        .output()
        .unwrap();
    let merged = std::fs::read_to_string(Path::new(&a)).unwrap();
    (
        output.status.code().unwrap(),
        merged,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn adjacent_edits_merge_cleanly_and_keep_comments() {
    let ours = BASE.replace("status: lead", "status: active");
    let theirs = BASE
        .replace("owner: alice", "owner: bob")
        .replace("- design\n", "- design\n- vip\n");
    let (code, merged, stderr) = drive(BASE, &ours, &theirs);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        merged,
        BASE.replace("status: lead", "status: active")
            .replace("owner: alice", "owner: bob")
            .replace("- design\n", "  - design\n  - vip\n"),
        "their tags are written in the canonical layout; everything else is ours"
    );
}

#[test]
fn a_double_change_is_a_conflict_on_that_key() {
    let ours = BASE.replace("owner: alice ", "owner: bob   ");
    let theirs = BASE
        .replace("owner: alice        # account manager", "owner: carol")
        .replace("tier: gold", "tier: silver");
    let (code, merged, stderr) = drive(BASE, &ours, &theirs);
    assert_eq!(code, 1);
    assert_eq!(
        merged,
        BASE.replace(
            "owner: alice        # account manager\n",
            "<<<<<<< ours\nowner: bob          # account manager\n=======\nowner: carol\n>>>>>>> theirs\n"
        )
        .replace("tier: gold", "tier: silver")
    );
    assert_eq!(
        stderr,
        "git-crm: conflict in customers/hand/customer.yaml: owner changed differently on both sides; edit the file to keep one side, then `git crm check`\n"
    );
}

#[test]
fn broken_yaml_falls_back_to_a_line_merge() {
    let ours = BASE.replace("status: lead", "status: [active");
    let theirs = BASE.replace("status: lead", "status: paused");
    let (code, merged, stderr) = drive(BASE, &ours, &theirs);
    assert_eq!(code, 1);
    assert!(
        merged.contains("<<<<<<< ours\nstatus: [active\n=======\nstatus: paused\n>>>>>>> theirs\n"),
        "{merged}"
    );
    assert!(stderr.contains("(lines)"), "{stderr}");
}

#[test]
fn binary_or_missing_input_is_an_error_not_a_panic() {
    let sandbox = Sandbox::new();
    let assert = sandbox
        .cmd_in(sandbox.path())
        .args(["merge-driver", "nope-O", "nope-A", "nope-B"])
        .assert()
        .failure();
    let stderr = crate::support::stderr(&assert);
    assert!(stderr.contains("cannot read nope-O"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}
