//! The words of failures, pinned as whole exchanges (stdout, stderr, exit status): the
//! library says which input was missing or wrong and which listing shows valid values, and
//! the command line words them as its flags and commands (docs/errors.md).

use crate::support::TestStore;

const NOW: &str = "2026-11-23T10:00:00Z";

fn store() -> TestStore {
    let store = TestStore::new();
    store.add_customer("Acme");
    store
}

#[test]
fn a_missing_input_is_named_as_its_flag() {
    let store = store();
    insta::assert_snapshot!(store.exchange_at(NOW, &["log", "acme", "-c", "call", "-d", "outbound", "-s", " "]), @r#"
    [stderr]
    error: a touchpoint needs a summary
    hint: pass --summary "..."
    [exit status: 2]
    "#);
    insta::assert_snapshot!(store.exchange(&["person", "add", "zed", "--name", " "]), @r#"
    [stderr]
    error: a person needs a name
    hint: pass --name "Full Name"
    [exit status: 2]
    "#);
}

#[test]
fn a_bad_value_is_prefixed_by_its_flag() {
    let store = store();
    insta::assert_snapshot!(store.exchange_at(NOW, &["log", "acme", "-c", "call", "-d", "outbound", "-s", "x", "--at", "2026-12-24T09:00:00Z"]), @"
    [stderr]
    error: --at 2026-12-24T09:00:00Z is in the future
    hint: log touchpoints that happened; plan future ones with `git crm task add`
    [exit status: 1]
    ");
    insta::assert_snapshot!(store.exchange(&["export", "threads", "--tag", "vip"]), @"
    [stderr]
    error: --tag does not filter threads
    hint: drop the tag filter, or export touchpoints
    [exit status: 2]
    ");
}

#[test]
fn nothing_to_change_lists_the_flags_that_would() {
    let store = store();
    let task = store.create_at(NOW, &["task", "add", "acme", "Send the quote"]);
    insta::assert_snapshot!(store.exchange_at(NOW, &["task", "edit", &task]).to_string().replace(&task, "<id>"), @"
    [stderr]
    error: nothing to change on task <id>
    hint: pass --title, --due, --no-due, --assignee or --every
    [exit status: 2]
    ");
    insta::assert_snapshot!(store.exchange(&["customer", "edit", "acme"]), @"
    [stderr]
    error: nothing to change
    hint: pass --set key=value, --unset, --add-tag, --remove-tag, --add-contact or --remove-contact
    [exit status: 2]
    ");
}

#[test]
fn an_unknown_id_points_at_the_listing_that_shows_them() {
    let store = store();
    insta::assert_snapshot!(store.exchange(&["task", "done", "zz"]), @"
    [stderr]
    error: `zz` is not a record id: give 4 to 8 hex digits of the short id, or the full id
    hint: `git crm task list` shows task ids
    [exit status: 2]
    ");
    insta::assert_snapshot!(store.exchange(&["timeline", "nobody-at-all"]), @"
    [stderr]
    error: no customer `nobody-at-all`
    hint: `git crm customer list` shows the customers
    [exit status: 1]
    ");
    insta::assert_snapshot!(store.exchange(&["customer", "add", "Acme"]), @"
    [stderr]
    error: customer `acme` already exists
    hint: pass another --slug
    [exit status: 1]
    ");
}

#[test]
fn periods_read_alike_in_every_command() {
    let store = store();
    for command in [
        &["timeline", "acme"][..],
        &["find", "acme"],
        &["export", "touchpoints"],
        &["metrics"],
    ] {
        let mut args = command.to_vec();
        args.extend(["--since", "2026-11-10", "--until", "2026-11-09"]);
        let out = store.exchange_at(NOW, &args).status(2);
        assert_eq!(
            out.stderr,
            "error: --since/--until: the period is empty (its end is not after its start)\n",
            "{args:?}"
        );
        // A bare date as --until includes that day.
        let mut args = command.to_vec();
        args.extend(["--since", "2026-11-10", "--until", "2026-11-10"]);
        store.exchange_at(NOW, &args).status(0);
    }
}
