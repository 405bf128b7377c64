//! `git crm ingest mail|ics|vcf` on real files: the example mailbox, re-runs, two clones, the
//! order messages arrive in, automation, hostile MIME, stdin, Maildir, kills, calendars and
//! contacts.

use std::path::{Path, PathBuf};

use crate::support::{TestStore, stderr, stdout};

/// The clock of every ingest in these tests: after the example mailbox, before its future.
pub const NOW: &str = "2026-11-23T12:00:00Z";

/// A store like the README's: Alice (alice@example.com), Bob in support, the support team's
/// shared address, Globex (contact Hank, domain globex.example) and Initech (its domain).
pub fn mail_store() -> TestStore {
    let store = TestStore::new();
    store.run(&[
        "team",
        "add",
        "support",
        "--email",
        "support@agency.example",
    ]);
    store.run(&[
        "person",
        "add",
        "bob",
        "--name",
        "Bob Stone",
        "--email",
        "bob@agency.example",
        "--team",
        "support",
    ]);
    // Alice's mail address in the examples.
    let config = store.read(".gitcrm/config.yaml");
    let config = config.replacen(
        "    - alice@example.com\n",
        "    - alice@example.com\n    - alice@agency.example\n",
        1,
    );
    store.write(".gitcrm/config.yaml", &config);
    store.commit_all("alice's second address");
    store.run(&[
        "customer",
        "add",
        "Globex Corporation",
        "--slug",
        "globex",
        "--status",
        "active",
        "--domain",
        "globex.example",
        "--contact",
        "Hank Scorpio <hank@globex.example>;role=CEO",
    ]);
    store.run(&[
        "customer",
        "add",
        "Initech",
        "--status",
        "active",
        "--domain",
        "initech.example",
        "--contact",
        "Bill Lumbergh <bill@initech.example>",
    ]);
    store
}

/// A file of `examples/mail/`, copied next to the store so outputs name it `../<name>`.
pub fn example(store: &TestStore, name: &str) -> String {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/mail")
        .join(name);
    let to = store.sandbox.path().join(name);
    std::fs::copy(&from, &to).unwrap();
    format!("../{name}")
}

/// Writes `bytes` next to the store and returns the path as the store names it.
pub(crate) fn scratch(store: &TestStore, name: &str, bytes: &[u8]) -> String {
    let path = store.sandbox.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    format!("../{name}")
}

/// `git crm ingest <args>` at [`NOW`].
fn ingest(store: &TestStore, args: &[&str]) -> std::process::Output {
    store
        .cmd()
        .env("GITCRM_NOW", NOW)
        .arg("ingest")
        .args(args)
        .output()
        .unwrap()
}

/// `in commit 1a2b3c4d5e` -> `in commit [commit]`: commit ids depend on the wall clock of the
/// commands that set the store up.
pub(crate) fn redact(out: &str) -> String {
    out.lines()
        .map(|l| match l.strip_prefix("in commit ") {
            Some(_) => "in commit [commit]".to_string(),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[track_caller]
pub(crate) fn ingest_ok(store: &TestStore, args: &[&str]) -> String {
    let out = ingest(store, args);
    assert!(
        out.status.success(),
        "ingest {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// One message as text, with CRLF line ends.
fn message(headers: &[(&str, &str)], body: &str) -> String {
    let mut out = String::new();
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(&body.replace('\n', "\r\n"));
    out
}

/// A plain message from `from` to `to`.
fn simple(
    id: &str,
    from: &str,
    to: &str,
    date: &str,
    subject: &str,
    refs: &[&str],
    body: &str,
) -> String {
    let id = format!("<{id}>");
    let refs: Vec<String> = refs.iter().map(|r| format!("<{r}>")).collect();
    let refs = refs.join(" ");
    let mut headers = vec![
        ("From", from),
        ("To", to),
        ("Subject", subject),
        ("Date", date),
        ("Message-ID", id.as_str()),
    ];
    let parent = refs.split(' ').next_back().unwrap_or_default().to_string();
    if !refs.is_empty() {
        headers.push(("In-Reply-To", parent.as_str()));
        headers.push(("References", refs.as_str()));
    }
    message(&headers, body)
}

/// The interaction files of a customer with their contents.
fn files_of(store: &TestStore, slug: &str) -> Vec<(String, String)> {
    store
        .files_in(&format!("customers/{slug}/interactions"))
        .into_iter()
        .map(|p| {
            let text = store.read(&p);
            (p, text)
        })
        .collect()
}

fn record(store: &TestStore, path: &str) -> serde_yaml_like::Doc {
    serde_yaml_like::parse(&store.read(path))
}

/// Reading back what ingest wrote, through the library's own parser.
mod serde_yaml_like {
    pub type Doc = git_crm::model::Interaction;

    pub fn parse(text: &str) -> Doc {
        git_crm::store::yaml::parse(std::path::Path::new("x.yaml"), text).unwrap()
    }
}

fn by_key(store: &TestStore, slug: &str, key: &str) -> (String, git_crm::model::Interaction) {
    for (path, text) in files_of(store, slug) {
        let r = serde_yaml_like::parse(&text);
        if r.source.as_ref().is_some_and(|s| s.key == key) {
            return (path, r);
        }
    }
    panic!("no touchpoint with key {key} in {slug}");
}

#[test]
fn the_example_mailbox() {
    let store = mail_store();
    let mbox = example(&store, "agency.mbox");
    let before = store.commit_count();
    let out = ingest_ok(&store, &["mail", &mbox]);
    insta::assert_snapshot!(redact(&out), @r"
    unmatched ../agency.mbox: message 7 (byte 4404): no customer has the contact `ada@umbrella.example` or the domain `umbrella.example`
    unmatched ../agency.mbox: message 9 (byte 5597): no customer has the contact `news@saas-tool.example` or the domain `saas-tool.example`
    skipped ../agency.mbox: message 10 (byte 5986): no address of the store in From, To, Cc or the delivery headers (add the mailbox to a person's or a team's `emails`)
    stored customers/initech/documents/20261120T151230Z-017ca70d.yaml (launch-plan-v2.pdf, 115 B, application/pdf) from ../agency.mbox: message 6 (byte 3367)
    ingested mail from ../agency.mbox: 7 created, 0 updated, 0 unchanged, 1 skipped, 2 unmatched; 1 document
    in commit [commit]
    ");
    assert_eq!(store.commit_count(), before + 1, "one commit per run");
    store.status_clean();
    assert!(store.head_message().starts_with(
        "ingest: mail from agency.mbox: 7 created, 0 updated, 1 document (alice)\n\nCrm-Op: ingest.mail\n"
    ));

    // Direction, by, actor and threads from the headers.
    let (_, question) = by_key(&store, "globex", "CAHk-1042-q@mail.globex.example");
    assert_eq!(question.direction, git_crm::model::Direction::Inbound);
    assert_eq!(question.by, "hank@globex.example");
    assert_eq!(question.thread, question.id);
    assert!(
        question
            .summary
            .starts_with("Invoice 1042 charges us for 40 seats")
    );
    let (_, auto) = by_key(&store, "globex", "autoreply-7781@agency.example");
    assert_eq!(auto.actor, git_crm::model::Actor::Automation);
    assert_eq!(auto.by, "support");
    assert_eq!(auto.thread, question.id);
    let (_, answer) = by_key(&store, "globex", "bob-1042-a@agency.example");
    assert_eq!(
        (answer.by.as_str(), answer.direction, answer.resolves),
        ("bob", git_crm::model::Direction::Outbound, true),
        "mail from the team address with Bob's name on it is Bob's; a human reply resolves"
    );
    assert_eq!(answer.thread, question.id);
    // The forward: internal, on the forwarded sender's customer.
    let (_, fwd) = by_key(&store, "globex", "alice-fwd-seats@agency.example");
    assert_eq!(fwd.direction, git_crm::model::Direction::Internal);
    // The attachment, described, and stored as a document of the touchpoint.
    let (_, plan) = by_key(&store, "initech", "alice-launch-2@agency.example");
    let mail = &plan.extra["mail"];
    assert_eq!(mail["attachments"][0]["name"], "launch-plan-v2.pdf");
    assert_eq!(mail["attachments"][0]["media_type"], "application/pdf");
    assert_eq!(mail["attachments"][0]["size"], 115);
    assert_eq!(
        mail["attachments"][0]["sha256"],
        "cc000c449be8a3ad3077db89260525f275ffc6489eafc87b30b74c31557025c6"
    );
    assert_eq!(mail["cc"][0], "Bob Stone <bob@agency.example>");
    let document = store.read("customers/initech/documents/20261120T151230Z-017ca70d.yaml");
    assert!(
        document.contains(&format!("record: {}\n", plan.id)),
        "{document}"
    );
    assert!(document.contains("by: alice\n"), "{document}");
    assert_eq!(
        mail["attachments"][0]["document"].as_str(),
        document.lines().find_map(|l| l.strip_prefix("id: "))
    );

    // What git crm check says about ingested records: nothing.
    store.cmd().arg("check").assert().success();
}

/// A message read again creates nothing and makes no commit, whatever the order of sources.
#[test]
fn a_rerun_creates_nothing_and_makes_no_commit() {
    let store = mail_store();
    let mbox = example(&store, "agency.mbox");
    let late = example(&store, "late-parent.eml");
    ingest_ok(&store, &["mail", &mbox, &late]);
    let head = store.head();
    let files: Vec<_> = files_of(&store, "initech");
    let out = ingest_ok(&store, &["mail", &late, &mbox]);
    assert!(
        out.contains(": 0 created, 0 updated, 8 unchanged, 1 skipped, 2 unmatched\n"),
        "{out}"
    );
    assert!(out.ends_with("nothing to commit\n"), "{out}");
    assert_eq!(store.head(), head);
    assert_eq!(files_of(&store, "initech"), files);
    store.status_clean();
}

/// A reply ingested before its parent is in its own thread until the parent arrives; then it
/// joins the parent's thread, and so do touchpoints people logged as replies to it. The result
/// is byte for byte what ingesting everything at once gives.
#[test]
fn a_reply_before_its_parent_joins_the_thread_when_the_parent_arrives() {
    let store = mail_store();
    let mbox = example(&store, "agency.mbox");
    let late = example(&store, "late-parent.eml");
    ingest_ok(&store, &["mail", &mbox]);
    let (_, reply) = by_key(&store, "initech", "alice-launch-1@agency.example");
    assert_eq!(
        reply.thread, reply.id,
        "its parent is unknown: it starts the thread"
    );
    let (_, follow_up) = by_key(&store, "initech", "launch-q-2297@initech.example");
    assert_eq!(follow_up.thread, reply.id);
    // A call logged as a reply to the mail shares its thread.
    let call = store.log(
        "initech",
        "call",
        "outbound",
        "Called Bill about the plan",
        &[
            "--reply-to",
            &reply.id.short(),
            "--at",
            "2026-11-18T10:00:00Z",
        ],
    );
    let out = ingest_ok(&store, &["mail", &late]);
    assert!(out.contains(": 1 created, 4 updated,"), "{out}");
    let (_, parent) = by_key(&store, "initech", "launch-q-2291@initech.example");
    assert_eq!(parent.thread, parent.id);
    for key in [
        "alice-launch-1@agency.example",
        "launch-q-2297@initech.example",
        "alice-launch-2@agency.example",
    ] {
        assert_eq!(by_key(&store, "initech", key).1.thread, parent.id, "{key}");
    }
    let call_path = store.record_path("initech", "interactions", &call);
    assert_eq!(record(&store, &call_path).thread, parent.id);

    // The same messages in one run, in another store: the same mail files, byte for byte.
    let other = mail_store();
    let mbox2 = example(&other, "agency.mbox");
    let late2 = example(&other, "late-parent.eml");
    ingest_ok(&other, &["mail", &late2, &mbox2]);
    let mail_only = |s: &TestStore| -> Vec<(String, String)> {
        files_of(s, "initech")
            .into_iter()
            .filter(|(_, t)| t.contains("system: mail"))
            .collect()
    };
    assert_eq!(mail_only(&store), mail_only(&other));
}

/// Any order of a thread's messages, delivered in any batches, gives the same files.
#[test]
fn ingest_order_does_not_change_the_files() {
    let msgs = [
        simple(
            "a@x.example",
            "Hank <hank@globex.example>",
            "support@agency.example",
            "Mon, 02 Nov 2026 09:00:00 +0000",
            "Question",
            &[],
            "First question?",
        ),
        simple(
            "b@x.example",
            "bob@agency.example",
            "hank@globex.example",
            "Mon, 02 Nov 2026 10:00:00 +0000",
            "Re: Question",
            &["a@x.example"],
            "An answer.",
        ),
        simple(
            "c@x.example",
            "Hank <hank@globex.example>",
            "bob@agency.example",
            "Mon, 02 Nov 2026 11:00:00 +0000",
            "Re: Question",
            &["a@x.example", "b@x.example"],
            "Another question?",
        ),
        simple(
            "d@x.example",
            "bob@agency.example",
            "hank@globex.example",
            "Mon, 02 Nov 2026 12:00:00 +0000",
            "Re: Question",
            &["b@x.example", "c@x.example"],
            "Truncated references.",
        ),
        simple(
            "e@x.example",
            "Hank <hank@globex.example>",
            "support@agency.example",
            "Mon, 02 Nov 2026 13:00:00 +0000",
            "Re: Question",
            &[],
            "No headers, subject only.",
        ),
    ];
    let orders: [&[&[usize]]; 4] = [
        &[&[0, 1, 2, 3, 4]],
        &[&[4], &[3], &[2], &[1], &[0]],
        &[&[2, 4], &[0], &[3, 1]],
        &[&[3], &[1, 4], &[2, 0]],
    ];
    let mut results = Vec::new();
    for batches in orders {
        let store = mail_store();
        for (n, batch) in batches.iter().enumerate() {
            let mut paths = Vec::new();
            for &i in *batch {
                paths.push(scratch(
                    &store,
                    &format!("b{n}/m{i}.eml"),
                    msgs[i].as_bytes(),
                ));
            }
            let args: Vec<&str> = std::iter::once("mail")
                .chain(paths.iter().map(String::as_str))
                .collect();
            ingest_ok(&store, &args);
        }
        let files = files_of(&store, "globex");
        let threads: std::collections::BTreeSet<_> = files
            .iter()
            .map(|(_, t)| serde_yaml_like::parse(t).thread)
            .collect();
        assert_eq!(threads.len(), 1, "one thread: {files:#?}");
        results.push(files);
    }
    for r in &results[1..] {
        assert_eq!(r, &results[0]);
    }
}

/// Two clones ingest the same mailbox; the second pulls the first's commit with plain git:
/// no conflict, no duplicate, and the files were identical anyway.
#[test]
fn two_clones_ingesting_the_same_mailbox_merge_with_plain_git_pull() {
    let store = mail_store();
    let sandbox = &store.sandbox;
    sandbox.git_in(
        sandbox.path(),
        &[
            "clone",
            "-q",
            "--bare",
            store.root().to_str().unwrap(),
            "origin.git",
        ],
    );
    let mbox = example(&store, "agency.mbox");
    let mut clones = Vec::new();
    for (name, who) in [("one", "alice"), ("two", "bob")] {
        sandbox.git_in(sandbox.path(), &["clone", "-q", "origin.git", name]);
        let dir = sandbox.path().join(name);
        sandbox.git_in(
            &dir,
            &["config", "user.email", &format!("{who}@example.com")],
        );
        sandbox.git_in(&dir, &["config", "user.name", who]);
        sandbox.cmd_in(&dir).arg("setup").assert().success();
        let out = sandbox
            .cmd_in(&dir)
            .env("GITCRM_NOW", NOW)
            .env("GITCRM_USER", who)
            .args(["ingest", "mail", &format!("../{}", &mbox[3..])])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        clones.push(dir);
    }
    let tree = |dir: &PathBuf| sandbox.git_in(dir, &["rev-parse", "HEAD^{tree}"]);
    assert_eq!(
        tree(&clones[0]),
        tree(&clones[1]),
        "byte-identical files on both clones"
    );
    sandbox.git_in(&clones[0], &["push", "-q", "origin", "HEAD"]);
    let pull = sandbox.git_with_crm(&clones[1], &["pull", "--no-rebase", "-q", "origin", "HEAD"]);
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    let status = sandbox.git_in(&clones[1], &["status", "--porcelain"]);
    assert_eq!(status, "");
    let count = std::fs::read_dir(clones[1].join("customers/globex/interactions"))
        .unwrap()
        .count();
    assert_eq!(count, 4, "no duplicate");
    let documents = std::fs::read_dir(clones[1].join("customers/initech/documents"))
        .unwrap()
        .count();
    assert_eq!(
        documents, 2,
        "one document (its record and its file), the same on both"
    );
    sandbox
        .cmd_in(&clones[1])
        .env("GITCRM_NOW", NOW)
        .env("GITCRM_USER", "bob")
        .args(["check", "conflict-markers", "duplicates"])
        .assert()
        .success();
}

#[test]
fn a_logged_reply_and_mail_replies_share_one_thread() {
    let store = mail_store();
    let q = simple(
        "q1@globex.example",
        "hank@globex.example",
        "alice@agency.example",
        "Mon, 02 Nov 2026 09:00:00 +0000",
        "Seats",
        &[],
        "Can we add seats?",
    );
    let q = scratch(&store, "q.eml", q.as_bytes());
    ingest_ok(&store, &["mail", &q]);
    let (_, question) = by_key(&store, "globex", "q1@globex.example");
    let logged = store.log(
        "globex",
        "call",
        "outbound",
        "Called Hank",
        &[
            "--reply-to",
            &question.id.short(),
            "--at",
            "2026-11-02T10:00:00Z",
        ],
    );
    let r = simple(
        "q2@globex.example",
        "hank@globex.example",
        "alice@agency.example",
        "Mon, 02 Nov 2026 11:00:00 +0000",
        "Re: Seats",
        &["q1@globex.example"],
        "Thanks for the call.",
    );
    let r = scratch(&store, "r.eml", r.as_bytes());
    ingest_ok(&store, &["mail", &r]);
    let (_, reply) = by_key(&store, "globex", "q2@globex.example");
    let call = record(
        &store,
        &store.record_path("globex", "interactions", &logged),
    );
    assert_eq!(call.thread, question.id);
    assert_eq!(reply.thread, question.id);
}

#[test]
fn automated_mail_is_automation_and_never_makes_customers() {
    let store = mail_store();
    let dsn = message(
        &[
            (
                "From",
                "Mail Delivery System <MAILER-DAEMON@mx.agency.example>",
            ),
            ("To", "alice@agency.example"),
            ("Subject", "Undelivered Mail Returned to Sender"),
            ("Date", "Mon, 02 Nov 2026 09:00:00 +0000"),
            ("Message-ID", "<dsn-1@mx.agency.example>"),
            (
                "Content-Type",
                "multipart/report; report-type=delivery-status; boundary=\"b\"",
            ),
        ],
        "--b\nContent-Type: text/plain\n\nThe mail to old@globex.example could not be delivered.\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; old@globex.example\nAction: failed\n--b--\n",
    );
    let ooo = message(
        &[
            ("From", "Hank <hank@globex.example>"),
            ("To", "alice@agency.example"),
            ("Subject", "Out of office"),
            ("Date", "Mon, 02 Nov 2026 09:05:00 +0000"),
            ("Message-ID", "<ooo@globex.example>"),
            ("Precedence", "auto_reply"),
        ],
        "I am away until Monday.",
    );
    let list = message(
        &[
            ("From", "Hank <hank@globex.example>"),
            ("To", "support@agency.example"),
            ("Subject", "Help"),
            ("Date", "Mon, 02 Nov 2026 09:10:00 +0000"),
            ("Message-ID", "<via-group@globex.example>"),
            ("Precedence", "list"),
            ("List-Id", "<support.agency.example>"),
        ],
        "Through the support group: a person wrote this.",
    );
    let paths = [
        scratch(&store, "dsn.eml", dsn.as_bytes()),
        scratch(&store, "ooo.eml", ooo.as_bytes()),
        scratch(&store, "list.eml", list.as_bytes()),
    ];
    let out = ingest_ok(
        &store,
        &[
            "mail",
            "--create-customers",
            &paths[0],
            &paths[1],
            &paths[2],
        ],
    );
    assert!(out.contains("unmatched ../dsn.eml:"), "{out}");
    assert!(
        out.contains("automated mail never makes a customer"),
        "{out}"
    );
    assert!(!out.contains("created customer"), "{out}");
    let (_, ooo) = by_key(&store, "globex", "ooo@globex.example");
    assert_eq!(ooo.actor, git_crm::model::Actor::Automation);
    assert_eq!(ooo.extra["mail"]["automated"], "Precedence: auto_reply");
    let (_, human) = by_key(&store, "globex", "via-group@globex.example");
    assert_eq!(
        human.actor,
        git_crm::model::Actor::Human,
        "`Precedence: list` from the team's own group is a person's mail"
    );
    // The auto-reply starts no metric clock: one thread, waiting since the human message.
    let metrics = store.json(&[
        "metrics",
        "--format",
        "json",
        "--at",
        NOW,
        "--since",
        "2026-11-01",
    ]);
    assert_eq!(metrics["frt"]["unanswered"], 1, "{metrics:#}");
    assert_eq!(metrics["frt"]["threads"], 1, "{metrics:#}");
}

#[test]
fn html_only_forwarded_and_new_leads() {
    let store = mail_store();
    let mbox = example(&store, "agency.mbox");
    let out = ingest_ok(&store, &["mail", "--create-customers", &mbox]);
    assert!(
        out.starts_with("created customer umbrella (lead)\n"),
        "{out}"
    );
    let umbrella = store.read("customers/umbrella/customer.yaml");
    assert!(umbrella.contains("status: lead\n"), "{umbrella}");
    assert!(
        umbrella.contains("domains:\n- umbrella.example\n"),
        "{umbrella}"
    );
    assert!(
        umbrella.contains("  email: ada@umbrella.example\n"),
        "{umbrella}"
    );
    let (_, html) = by_key(
        &store,
        "umbrella",
        "0102018f-umb-77a1@email.umbrella.example",
    );
    let body = html.body.unwrap();
    assert!(
        body.starts_with("Hello Alice,\n\nWe saw your work for Globex."),
        "{body}"
    );
    assert!(!body.contains('<'), "{body}");
    assert!(!body.contains("margin"), "styles are not text: {body}");
    assert!(
        body.contains("launch in\u{a0}March"),
        "entities decoded: {body}"
    );
    assert_eq!(
        html.summary,
        "We saw your work for Globex. Could you send us a proposal for a new website? We would like to launch in\u{a0}March."
    );
}

#[test]
fn hostile_mail_is_reported_and_nothing_is_written() {
    let store = mail_store();
    let huge = format!(
        "From: hank@globex.example\r\nTo: alice@agency.example\r\nDate: Mon, 02 Nov 2026 09:00:00 +0000\r\nMessage-ID: <huge@x>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b--\r\n",
        "QUFB\r\n".repeat(300_000)
    );
    let mut eight_bit = b"From: J\xfcrgen M\xfcller <juergen@globex.example>\r\nTo: alice@agency.example\r\nSubject: Gr\xfc\xdfe \xe2\x80\x94 f\xfcr Sie\r\nDate: Mon, 02 Nov 2026 09:00:00 +0000\r\nMessage-ID: <8bit@globex.example>\r\n\r\nBody with \xff bytes\r\n".to_vec();
    eight_bit.extend_from_slice(b"\x1b[2J\x07 escape\r\n");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage.eml", vec![0u8, 159, 146, 150, 0xff, 0xfe]),
        ("nodate.eml", b"From: hank@globex.example\r\nTo: alice@agency.example\r\nSubject: no date\r\n\r\nhi\r\n".to_vec()),
        ("future.eml", b"From: hank@globex.example\r\nTo: alice@agency.example\r\nDate: Mon, 02 Nov 2099 09:00:00 +0000\r\nMessage-ID: <future@x>\r\n\r\nhi\r\n".to_vec()),
        ("huge.eml", huge.into_bytes()),
        ("charset.eml", b"From: hank@globex.example\r\nTo: alice@agency.example\r\nDate: Mon, 02 Nov 2026 09:00:00 +0000\r\nMessage-ID: <charset@x>\r\nContent-Type: text/plain; charset=x-klingon-9\r\n\r\nqapla\xe2\x80\x99 \xc0\r\n".to_vec()),
        ("8bit.eml", eight_bit),
        ("broken-mime.eml", b"From: hank@globex.example\r\nTo: alice@agency.example\r\nDate: Mon, 02 Nov 2026 09:00:00 +0000\r\nMessage-ID: <broken@x>\r\nContent-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n--never-closed\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n".to_vec()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in &cases {
        paths.push(scratch(&store, name, bytes));
    }
    let head = store.head();
    let mut args = vec!["mail", "--max-message-size", "1M"];
    args.extend(paths.iter().map(String::as_str));
    let out = ingest(&store, &args);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    insta::assert_snapshot!(err, @r"
    ../garbage.eml: no usable date: the Date header is missing or unreadable, and no Received header or mbox envelope gives one
    ../nodate.eml: no usable date: the Date header is missing or unreadable, and no Received header or mbox envelope gives one
    ../future.eml: dated 2099-11-02T09:00:00Z, in the future (a wrong clock on the sender's side?)
    ../huge.eml: the message is 1.7 MB, over the limit of 1.0 MB (raise it with --max-message-size)
    error: 4 invalid messages; nothing was ingested
    hint: fix them, or pass --skip-invalid to ingest the others
    ");
    assert_eq!(store.head(), head);
    store.status_clean();

    args.insert(1, "--skip-invalid");
    let out = ingest_ok(&store, &args);
    assert!(
        out.contains(": 3 created, 0 updated, 0 unchanged, 4 skipped, 0 unmatched"),
        "{out}"
    );
    assert!(
        out.contains("note ../charset.eml: unknown charset `x-klingon-9`: read as UTF-8, unreadable bytes replaced"),
        "{out}"
    );
    let (path, eight) = by_key(&store, "globex", "8bit@globex.example");
    let text = store.read(&path);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "no control characters: {text}"
    );
    assert_eq!(eight.by, "juergen@globex.example");
    let (_, broken) = by_key(&store, "globex", "broken@x");
    assert_eq!(broken.direction, git_crm::model::Direction::Inbound);
    store.cmd().arg("check").assert().success();
}

#[test]
fn stdin_maildir_and_mbox_quoting() {
    let store = mail_store();
    // One message on stdin, as from a mail filter.
    let one = simple(
        "stdin-1@globex.example",
        "hank@globex.example",
        "alice@agency.example",
        "Mon, 02 Nov 2026 09:00:00 +0000",
        "Piped",
        &[],
        "From a filter.",
    );
    let out = store
        .cmd()
        .env("GITCRM_NOW", NOW)
        .args(["ingest", "mail", "-"])
        .write_stdin(one)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.starts_with("ingested mail from stdin: 1 created"),
        "{out}"
    );

    // A Maildir (cur/ and new/, tmp/ ignored) with a sub-folder.
    let m1 = simple(
        "md-1@globex.example",
        "hank@globex.example",
        "alice@agency.example",
        "Mon, 02 Nov 2026 10:00:00 +0000",
        "In cur",
        &[],
        "cur",
    );
    let m2 = simple(
        "md-2@globex.example",
        "alice@agency.example",
        "hank@globex.example",
        "Mon, 02 Nov 2026 11:00:00 +0000",
        "Re: In cur",
        &["md-1@globex.example"],
        "new",
    );
    let m3 = simple(
        "md-3@initech.example",
        "bill@initech.example",
        "alice@agency.example",
        "Mon, 02 Nov 2026 12:00:00 +0000",
        "Sent folder",
        &[],
        "sub",
    );
    scratch(&store, "Mail/cur/1700000000.1.host:2,S", m1.as_bytes());
    scratch(&store, "Mail/new/1700000001.2.host", m2.as_bytes());
    scratch(&store, "Mail/tmp/1700000002.3.host", b"half written");
    scratch(
        &store,
        "Mail/.Sent/cur/1700000003.4.host:2,S",
        m3.as_bytes(),
    );
    std::fs::create_dir_all(store.sandbox.path().join("Mail/.Sent/new")).unwrap();
    let out = ingest_ok(&store, &["mail", "../Mail"]);
    assert!(
        out.contains("ingested mail from ../Mail: 3 created"),
        "{out}"
    );
    let (_, reply) = by_key(&store, "globex", "md-2@globex.example");
    assert_eq!(
        reply.thread,
        by_key(&store, "globex", "md-1@globex.example").1.id
    );

    // An mbox whose bodies hold `From ` lines, quoted (mboxrd) and not.
    let mbox = format!(
        "From hank@globex.example Mon Nov  2 13:00:00 2026\n{}\n>From the start\nFrom the middle of a line\n\nFrom alice@agency.example Mon Nov  2 14:00:00 2026\n{}\n",
        simple(
            "mb-1@globex.example",
            "hank@globex.example",
            "alice@agency.example",
            "Mon, 02 Nov 2026 13:00:00 +0000",
            "Quoting",
            &[],
            "Body"
        )
        .replace("\r\n", "\n"),
        simple(
            "mb-2@globex.example",
            "alice@agency.example",
            "hank@globex.example",
            "Mon, 02 Nov 2026 14:00:00 +0000",
            "Re: Quoting",
            &["mb-1@globex.example"],
            "Reply"
        )
        .replace("\r\n", "\n"),
    );
    let path = scratch(&store, "q.mbox", mbox.as_bytes());
    ingest_ok(&store, &["mail", &path]);
    let body = by_key(&store, "globex", "mb-1@globex.example")
        .1
        .body
        .unwrap();
    assert_eq!(body, "Body\nFrom the start\nFrom the middle of a line");
}

#[test]
fn a_killed_ingest_is_completed_by_the_next_run() {
    let store = mail_store();
    let mut mbox = String::new();
    for i in 0..30 {
        mbox.push_str(&format!(
            "From hank@globex.example Mon Nov  2 09:00:00 2026\n{}\n",
            simple(
                &format!("k{i}@globex.example"),
                "hank@globex.example",
                "alice@agency.example",
                &format!("Mon, 02 Nov 2026 09:{i:02}:00 +0000"),
                &format!("Message {i}"),
                &[],
                "Hello"
            )
            .replace("\r\n", "\n")
        ));
    }
    let path = scratch(&store, "k.mbox", mbox.as_bytes());
    let head = store.head();
    let before = store.commit_count();
    let out = store
        .std_cmd()
        .env("GITCRM_NOW", NOW)
        .env("GITCRM_TEST_ABORT", "files:9")
        .args(["ingest", "mail", &path])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the hook aborts the ingest");
    assert_eq!(store.head(), head, "no commit, not even half of one");
    assert!(store.path(".git/gitcrm/journal.json").is_file());
    // Files are complete or absent (a kill in a write leaves only a temporary file).
    let written: Vec<String> = store
        .files_in("customers/globex/interactions")
        .into_iter()
        .filter(|f| !f.rsplit('/').next().unwrap().starts_with('.'))
        .collect();
    assert!((9..30).contains(&written.len()), "{}", written.len());
    for f in &written {
        let text = store.read(f);
        assert!(
            text.ends_with('\n') && text.contains("mail:\n"),
            "torn file {f}: {text}"
        );
    }
    // The next command undoes the killed run; the re-run ingests everything, once.
    let rerun = ingest(&store, &["mail", &path]);
    assert!(rerun.status.success());
    let note = String::from_utf8(rerun.stderr).unwrap();
    assert!(
        note.starts_with("note: undid an interrupted `ingest.mail`"),
        "{note}"
    );
    let out = String::from_utf8(rerun.stdout).unwrap();
    assert!(
        out.contains(": 30 created, 0 updated, 0 unchanged"),
        "{out}"
    );
    assert_eq!(store.commit_count(), before + 1, "one commit");
    assert_eq!(
        store.files_in("customers/globex/interactions").len(),
        30,
        "no duplicate"
    );
    store.status_clean();
    assert!(!store.path(".git/gitcrm/journal.json").exists());
    let out = ingest_ok(&store, &["mail", &path]);
    assert!(out.contains("0 created, 0 updated, 30 unchanged"), "{out}");
}

#[test]
fn dry_run_and_json() {
    let store = mail_store();
    let late = example(&store, "late-parent.eml");
    let head = store.head();
    let out = ingest_ok(&store, &["mail", "--dry-run", &late]);
    assert!(
        out.starts_with("would create customers/initech/interactions/20261117T100255Z-"),
        "{out}"
    );
    assert!(
        out.contains("would ingest mail from ../late-parent.eml: 1 created"),
        "{out}"
    );
    assert_eq!(store.head(), head);
    store.status_clean();
    let json: serde_json::Value =
        serde_json::from_str(&ingest_ok(&store, &["mail", "--format", "json", &late])).unwrap();
    assert_eq!(json["version"], 1);
    let doc = &json["ingest"];
    assert_eq!(doc["kind"], "mail");
    assert_eq!(doc["created"], 1);
    assert_eq!(doc["items"][0]["action"], "created");
    assert_eq!(doc["items"][0]["customer"], "initech");
    assert_eq!(doc["items"][0]["key"], "launch-q-2291@initech.example");
    assert!(doc["commit"].is_string());
}

#[test]
fn calendar_events_become_meetings_moved_and_cancelled_in_place() {
    let store = mail_store();
    let ics = example(&store, "meetings.ics");
    let out = ingest_ok(&store, &["ics", &ics]);
    insta::assert_snapshot!(redact(&out), @r"
    skipped ../meetings.ics: event standup-1120@agency.example at 2026-11-20T09:30:00+01:00: only people of the store take part
    skipped ../meetings.ics: event initech-kickoff-dec@agency.example at 2026-12-08T10:00:00+01:00: starts in the future; it is ingested once it has happened
    ingested calendar events from ../meetings.ics: 4 created, 0 updated, 0 unchanged, 2 skipped, 0 unmatched
    in commit [commit]
    ");
    let meetings: Vec<String> = store
        .files_in("customers/globex/interactions")
        .into_iter()
        .map(|p| p.rsplit('/').next().unwrap()[..16].to_string())
        .collect();
    assert_eq!(
        meetings,
        ["20261102T130000Z", "20261110T150000Z", "20261116T130000Z"]
    );
    let head = store.head();
    assert!(ingest_ok(&store, &["ics", &ics]).contains("0 created, 0 updated, 4 unchanged"));
    assert_eq!(store.head(), head);

    let updated = example(&store, "meetings-updated.ics");
    let out = ingest_ok(&store, &["ics", &updated]);
    assert!(
        out.contains("updated customers/initech/interactions/20261119T100000Z-"),
        "{out}"
    );
    assert!(out.contains("0 created, 2 updated, 2 unchanged"), "{out}");
    let review = &store.files_in("customers/initech/interactions")[0];
    let review = record(&store, review);
    assert_eq!(review.direction, git_crm::model::Direction::Inbound);
    assert_eq!(review.by, "bill@initech.example");
    assert_eq!(
        git_crm::model::time::rfc3339(&review.at),
        "2026-11-19T10:00:00Z"
    );
    let cancelled = record(&store, &store.files_in("customers/globex/interactions")[2]);
    assert_eq!(cancelled.tags, ["cancelled"]);
    assert_eq!(cancelled.actor, git_crm::model::Actor::Automation);
    assert_eq!(cancelled.extra["meeting"]["status"], "cancelled");
    store.status_clean();
    store.cmd().arg("check").assert().success();
}

#[test]
fn vcards_become_contacts_and_export_round_trips() {
    let store = mail_store();
    let text = store.read("customers/globex/customer.yaml");
    store.write(
        "customers/globex/customer.yaml",
        &text.replacen("kind: company\n", "kind: company # since 2019\n", 1),
    );
    store.commit_all("a comment");
    let vcf = example(&store, "contacts.vcf");
    let out = ingest_ok(&store, &["vcf", &vcf]);
    insta::assert_snapshot!(redact(&out), @r"
    updated customers/globex/customer.yaml (phone, uid)
    unmatched ../contacts.vcf: card 3 (Ada Wong): no customer named `Umbrella Corporation` and none has the contact `ada@umbrella.example` or its domain
    ingested contacts from ../contacts.vcf: 1 created, 1 updated, 0 unchanged, 0 skipped, 1 unmatched
    in commit [commit]
    ");
    let globex = store.read("customers/globex/customer.yaml");
    assert!(
        globex.contains("kind: company # since 2019\n"),
        "comments kept: {globex}"
    );
    assert!(globex.contains("phone: +1-555-0100"), "{globex}");
    assert!(
        store
            .read("customers/initech/customer.yaml")
            .contains("name: Milton Waddams")
    );

    // Export as vCards and ingest them again: nothing to do.
    let exported = store.run(&["export", "contacts", "--format", "vcf"]);
    assert!(exported.contains("FN:Milton Waddams\r\nEMAIL:milton@initech.example\r\nTEL:+1 555 0199\r\nTITLE:Facilities\r\nORG:Initech\r\n"), "{exported}");
    let path = scratch(&store, "exported.vcf", exported.as_bytes());
    let head = store.head();
    let out = ingest_ok(&store, &["vcf", &path]);
    assert!(
        out.contains(": 0 created, 0 updated, 3 unchanged,"),
        "{out}"
    );
    assert_eq!(store.head(), head);

    // Into a store that has the customers but none of the contacts: the same contacts.
    let other = TestStore::new();
    other.run(&["customer", "add", "Globex Corporation", "--slug", "globex"]);
    other.run(&["customer", "add", "Initech"]);
    let path = scratch(&other, "exported.vcf", exported.as_bytes());
    ingest_ok(&other, &["vcf", &path]);
    assert_eq!(
        other.run(&["export", "contacts", "--format", "vcf"]),
        exported
    );
    // CSV export of contacts, and vcf refused for other kinds.
    assert!(
        store
            .run(&["export", "contacts"])
            .starts_with("customer,name,email,phone,role,uid\n")
    );
    store
        .cmd()
        .args(["export", "customers", "--format", "vcf"])
        .assert()
        .code(2);
}

#[test]
fn errors_name_the_problem() {
    let store = mail_store();
    let out = ingest(&store, &["mail", "../missing.mbox"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("missing.mbox"),
        "{out:?}"
    );
    std::fs::create_dir_all(store.sandbox.path().join("empty")).unwrap();
    let out = ingest(&store, &["mail", "../empty"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a Maildir"),
        "{out:?}"
    );
    let bad = ingest(&store, &["mail", "--max-message-size", "lots", "x"]);
    assert_eq!(bad.status.code(), Some(2));
    let junk = scratch(&store, "junk.ics", b"not a calendar");
    let assert = store
        .cmd()
        .env("GITCRM_NOW", NOW)
        .args(["ingest", "ics", &junk])
        .assert()
        .code(1);
    assert!(
        stderr(&assert).contains("no calendar (BEGIN:VCALENDAR) in the file"),
        "{}",
        stderr(&assert)
    );
    let junk = scratch(
        &store,
        "junk.vcf",
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:nameless\r\nEND:VCARD\r\n",
    );
    let assert = store.cmd().args(["ingest", "vcf", &junk]).assert().code(1);
    assert!(
        stderr(&assert).contains("card 1: the card has no name"),
        "{}",
        stderr(&assert)
    );
    let _ = stdout(&assert);
}

/// What people add to an ingested touchpoint survives the updates ingest makes to it: a tag, a
/// comment, `resolves: true`.
#[test]
fn hand_edits_survive_a_rethreading() {
    let store = mail_store();
    let mbox = example(&store, "agency.mbox");
    ingest_ok(&store, &["mail", &mbox]);
    let (path, _) = by_key(&store, "initech", "launch-q-2297@initech.example");
    let text = store.read(&path);
    let edited = text.replacen("actor: human\n", "actor: human # checked by Alice\n", 1)
        + "tags:\n- launch\n";
    let edited = edited.replacen("source:\n", "resolves: true\nsource:\n", 1);
    store.write(&path, &edited);
    store.commit_all("alice resolves by hand and tags");
    let late = example(&store, "late-parent.eml");
    let out = ingest_ok(&store, &["mail", &late]);
    assert!(out.contains(&format!("updated {path} (thread)")), "{out}");
    let after = store.read(&path);
    assert!(
        after.contains("actor: human # checked by Alice\n"),
        "{after}"
    );
    assert!(
        after.contains("- launch\n") && after.contains("resolves: true\n"),
        "{after}"
    );
    let (_, parent) = by_key(&store, "initech", "launch-q-2291@initech.example");
    assert_eq!(record(&store, &path).thread, parent.id);
}

/// `ingest: {mail: {resolve: none}}`: ingested replies resolve nothing; people do.
#[test]
fn the_resolve_rule_can_be_turned_off() {
    let store = mail_store();
    let config = store.read(".gitcrm/config.yaml") + "ingest:\n  mail:\n    resolve: none\n";
    store.write(".gitcrm/config.yaml", &config);
    store.commit_all("resolve by hand");
    let mbox = example(&store, "agency.mbox");
    ingest_ok(&store, &["mail", &mbox]);
    let (_, answer) = by_key(&store, "globex", "bob-1042-a@agency.example");
    assert!(!answer.resolves);
    let config = store
        .read(".gitcrm/config.yaml")
        .replace("resolve: none", "resolve: sometimes");
    store.write(".gitcrm/config.yaml", &config);
    let out = ingest(&store, &["mail", &mbox]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("`ingest.mail.resolve` must be `reply` or `none`")
    );
}

/// Values the store cannot take are problems of their message, found while planning (the
/// write gate would refuse the whole run): a sender address too long for `by`, an id with a
/// bidirectional override (it gets a digest key instead).
#[test]
fn values_the_store_refuses_are_problems_of_their_message() {
    let store = mail_store();
    let long = format!("{}@globex.example", "x".repeat(220));
    let too_long = simple(
        "long@globex.example",
        &long,
        "alice@agency.example",
        "Mon, 02 Nov 2026 09:00:00 +0000",
        "Long",
        &[],
        "hi",
    );
    let bidi = simple(
        "evil\u{202e}id@globex.example",
        "hank@globex.example",
        "alice@agency.example",
        "Mon, 02 Nov 2026 09:05:00 +0000",
        "Bidi",
        &[],
        "hi",
    );
    let paths = [
        scratch(&store, "long.eml", too_long.as_bytes()),
        scratch(&store, "bidi.eml", bidi.as_bytes()),
    ];
    let out = ingest(&store, &["mail", &paths[0], &paths[1]]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("../long.eml: refusing to write customers/globex/interactions/")
            && err.contains("the sender is 235 characters; the limit is 200"),
        "{err}"
    );
    let out = ingest_ok(&store, &["mail", "--skip-invalid", &paths[0], &paths[1]]);
    assert!(
        out.contains(": 1 created, 0 updated, 0 unchanged, 1 skipped"),
        "{out}"
    );
    let files = files_of(&store, "globex");
    assert!(files[0].1.contains("key: sha256:"), "{}", files[0].1);
    store.cmd().arg("check").assert().success();
}
