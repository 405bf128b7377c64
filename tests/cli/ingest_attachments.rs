//! `git crm ingest mail` and attachments: each attachment of an ingested message becomes a
//! document of the customer linked to its touchpoint (hostile names made plain, the same bytes
//! one document, signatures and small inline images left out, the size limit and Git LFS as
//! `git crm attach`), re-runs write nothing, `--dry-run`, `--no-attachments` and JSON.

use crate::ingest::{ingest_ok, mail_store, redact, scratch};
use crate::support::TestStore;

/// Base64 with line breaks every 76 characters, as mail carries attachments.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out.as_bytes()
        .chunks(76)
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// One part of a multipart message: its headers and content.
struct Part<'a> {
    headers: &'a str,
    content: &'a [u8],
}

/// A multipart/mixed message with a text body and `parts` (base64).
fn multipart(id: &str, from: &str, to: &str, date: &str, subject: &str, parts: &[Part]) -> String {
    let mut out = format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{id}>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"==b==\"\r\n\r\n--==b==\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the papers attached.\r\n"
    );
    for part in parts {
        out.push_str(&format!(
            "--==b==\r\n{}\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            part.headers.replace('\n', "\r\n"),
            base64(part.content)
        ));
    }
    out.push_str("--==b==--\r\n");
    out
}

const CONTRACT: &[u8] = b"%PDF-1.7\n% the signed contract of Globex, 35 seats\n%%EOF\n";

fn attached(name: &str, kind: &str) -> String {
    format!(
        "Content-Type: {kind}; name=\"{name}\"\nContent-Disposition: attachment; filename=\"{name}\""
    )
}

/// Hank's signed contract with everything a mailbox throws at an ingest, and Bob's reply
/// carrying the same PDF back.
fn mailbox(store: &TestStore) -> (String, String) {
    let contract = attached("contract.pdf", "application/pdf");
    let hostile = attached("../../etc/passwd", "text/plain");
    let bidi = "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe";
    let signature = attached("smime.p7s", "application/pkcs7-signature");
    let logo = "Content-Type: image/png\nContent-Disposition: inline; filename=\"logo.png\"\nContent-ID: <logo@globex.example>";
    let big = attached("scan.tiff", "image/tiff");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR tiny logo";
    let mut scan = b"II*\0".to_vec();
    scan.resize(2048, 0);
    let first = multipart(
        "contract-1@globex.example",
        "Hank Scorpio <hank@globex.example>",
        "support@agency.example",
        "Tue, 10 Nov 2026 09:00:00 +0000",
        "Signed contract",
        &[
            Part {
                headers: &contract,
                content: CONTRACT,
            },
            Part {
                headers: &hostile,
                content: b"not a password file\n",
            },
            Part {
                headers: bidi,
                content: b"MZ not really a program",
            },
            Part {
                headers: &signature,
                content: b"0\x82\x01 signature bytes",
            },
            Part {
                headers: logo,
                content: png,
            },
            Part {
                headers: &big,
                content: &scan,
            },
        ],
    );
    let reply = multipart(
        "contract-2@agency.example",
        "Bob Stone <bob@agency.example>",
        "Hank Scorpio <hank@globex.example>",
        "Tue, 10 Nov 2026 10:00:00 +0000",
        "Re: Signed contract",
        &[Part {
            headers: &contract,
            content: CONTRACT,
        }],
    );
    (
        scratch(store, "mail/1-contract.eml", first.as_bytes()),
        scratch(store, "mail/2-reply.eml", reply.as_bytes()),
    )
}

/// A mail store whose documents are limited to 1 KiB.
fn small_limit_store() -> TestStore {
    let store = mail_store();
    let text = store.read(".gitcrm/config.yaml") + "documents:\n  max_size: 1KiB\n";
    store.write(".gitcrm/config.yaml", &text);
    store.commit_all("documents limited to 1 KiB");
    store
}

fn touchpoint(store: &TestStore, key: &str) -> git_crm::model::Interaction {
    store
        .files_in("customers/globex/interactions")
        .into_iter()
        .map(|p| git_crm::store::yaml::parse(std::path::Path::new(&p), &store.read(&p)).unwrap())
        .find(|i: &git_crm::model::Interaction| i.source.as_ref().is_some_and(|s| s.key == key))
        .unwrap_or_else(|| panic!("no touchpoint {key}"))
}

fn documents(store: &TestStore) -> Vec<git_crm::model::records::Document> {
    store
        .files_in("customers/globex/documents")
        .into_iter()
        .filter(|p| p.ends_with(".yaml"))
        .map(|p| git_crm::store::yaml::parse(std::path::Path::new(&p), &store.read(&p)).unwrap())
        .collect()
}

fn spool_left(store: &TestStore) -> bool {
    std::fs::read_dir(store.path(".git/gitcrm"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().starts_with("spool-"))
        })
        .unwrap_or(false)
}

#[test]
fn attachments_become_documents_of_the_touchpoint() {
    let store = small_limit_store();
    let (first, reply) = mailbox(&store);
    let before = store.commit_count();
    let out = ingest_ok(&store, &["mail", &reply, &first]);
    insta::assert_snapshot!(redact(&out), @r"
    stored customers/globex/documents/20261110T090000Z-7b176e63.yaml (contract.pdf, 57 B, application/pdf) from ../mail/1-contract.eml
    stored customers/globex/documents/20261110T090000Z-f39cf043.yaml (passwd, 20 B, text/plain) from ../mail/1-contract.eml
    stored customers/globex/documents/20261110T090000Z-a17ab68a.yaml (invoicefdp.exe, 23 B, application/vnd.microsoft.portable-executable) from ../mail/1-contract.eml
    not stored scan.tiff (2.0 KiB) of ../mail/1-contract.eml: `scan.tiff` is 2.0 KiB; documents stored in git are limited to 1.0 KiB; enable Git LFS for documents with `git crm setup --lfs` (needs git-lfs), or raise `documents.max_size` in .gitcrm/config.yaml
    ingested mail from ../mail/2-reply.eml, ../mail/1-contract.eml: 2 created, 0 updated, 0 unchanged, 0 skipped, 0 unmatched; 3 documents
    in commit [commit]
    ");
    assert_eq!(store.commit_count(), before + 1, "one commit per run");
    assert!(
        store
            .head_message()
            .starts_with("ingest: mail from 2 sources: 2 created, 0 updated, 3 documents (alice)")
    );
    store.status_clean();
    assert!(!spool_left(&store), "the run's spool is removed");

    let question = touchpoint(&store, "contract-1@globex.example");
    let answer = touchpoint(&store, "contract-2@agency.example");
    let docs = documents(&store);
    assert_eq!(docs.len(), 3);
    let contract = docs.iter().find(|d| d.name == "contract.pdf").unwrap();
    assert_eq!(
        contract.record,
        Some(question.id),
        "linked to the first message"
    );
    assert_eq!(contract.title, "contract.pdf");
    assert_eq!(contract.media_type, "application/pdf");
    assert_eq!(contract.at, question.at);
    assert_eq!(
        contract.by, "alice",
        "the customer's owner: the mail is Hank's, to a team"
    );
    // Hostile names are data made plain, never paths.
    assert!(docs.iter().any(|d| d.name == "passwd"));
    assert!(
        docs.iter().any(|d| d.name == "invoicefdp.exe"),
        "bidi controls dropped"
    );
    for f in store.files_in("customers/globex/documents") {
        assert!(
            f.starts_with("customers/globex/documents/20261110T090000Z-"),
            "{f}"
        );
    }
    assert!(!store.path("etc").exists());

    // The touchpoint lists every attachment: its document, or why it has none.
    let list = &question.extra["mail"]["attachments"];
    assert_eq!(list[0]["name"], "contract.pdf");
    assert_eq!(list[0]["document"], contract.id.to_string());
    assert_eq!(
        list[1]["name"], "../../etc/passwd",
        "the name as the message gave it"
    );
    assert!(list[1]["document"].is_string());
    assert_eq!(
        list[3]["not_stored"],
        "the message's signature (application/pkcs7-signature), not a document"
    );
    assert_eq!(
        list[4]["not_stored"],
        "an inline image under 64 KB (a logo or a signature picture)"
    );
    assert_eq!(
        list[5]["not_stored"],
        "`scan.tiff` is 2.0 KiB; documents stored in git are limited to 1.0 KiB"
    );
    // The same bytes in the reply are the same document.
    assert_eq!(
        answer.extra["mail"]["attachments"][0]["document"],
        contract.id.to_string()
    );

    // Byte for byte back.
    let short = &contract.id.short();
    let got = store.sandbox.path().join("got.pdf");
    store.run(&["docs", "get", short, "-o", got.to_str().unwrap()]);
    assert_eq!(std::fs::read(&got).unwrap(), CONTRACT);

    // The timeline and the card show them.
    let timeline = store.run(&["timeline", "globex"]);
    assert!(
        timeline.contains("contract.pdf (57 B, application/pdf)"),
        "{timeline}"
    );
    let card = store.run(&["customer", "show", "globex"]);
    assert!(card.contains("contract.pdf"), "{card}");

    // A re-run, in any order, writes nothing and makes no commit.
    let again = ingest_ok(&store, &["mail", &first, &reply]);
    assert!(
        again.ends_with(
            "0 created, 0 updated, 2 unchanged, 0 skipped, 0 unmatched\nnothing to commit\n"
        ),
        "{again}"
    );
    assert_eq!(store.commit_count(), before + 1);
    store.status_clean();
    store.cmd().arg("check").assert().success();
}

#[test]
fn dry_run_json_and_no_attachments() {
    let store = small_limit_store();
    let (first, reply) = mailbox(&store);
    let head = store.head();
    let out = ingest_ok(&store, &["mail", "--dry-run", &first, &reply]);
    assert!(
        out.contains("would store customers/globex/documents/20261110T090000Z-7b176e63.yaml (contract.pdf, 57 B, application/pdf)"),
        "{out}"
    );
    assert!(out.contains("not stored scan.tiff (2.0 KiB)"), "{out}");
    assert!(out.contains("would ingest mail from"), "{out}");
    assert_eq!(store.head(), head);
    store.status_clean();
    assert!(!store.path("customers/globex/documents").exists());
    assert!(!spool_left(&store));

    let json: serde_json::Value = serde_json::from_str(&ingest_ok(
        &store,
        &["mail", "--format", "json", "--dry-run", &first, &reply],
    ))
    .unwrap();
    let doc = &json["ingest"];
    assert_eq!(doc["documents_created"], 3);
    let list = doc["documents"].as_array().unwrap();
    let actions: Vec<&str> = list.iter().map(|d| d["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        [
            "created", "created", "created", "ignored", "ignored", "refused", "existing"
        ]
    );
    assert_eq!(list[0]["name"], "contract.pdf");
    assert_eq!(list[0]["customer"], "globex");
    assert_eq!(list[0]["media_type"], "application/pdf");
    assert_eq!(list[0]["title"], "contract.pdf");
    assert_eq!(
        list[6]["id"], list[0]["id"],
        "the reply's copy is the same document"
    );
    assert!(
        list[5]["reason"]
            .as_str()
            .unwrap()
            .contains("limited to 1.0 KiB")
    );

    // Metadata only: no documents, the touchpoints still list the attachments.
    let out = ingest_ok(&store, &["mail", "--no-attachments", &first, &reply]);
    assert!(out.contains("2 created"), "{out}");
    assert!(!out.contains("document"), "{out}");
    assert!(!store.path("customers/globex/documents").exists());
    let question = touchpoint(&store, "contract-1@globex.example");
    let list = &question.extra["mail"]["attachments"];
    assert_eq!(list.as_array().unwrap().len(), 6);
    assert!(list[0].get("document").is_none() && list[0].get("not_stored").is_none());
    // A later run that keeps attachments stores them and links them.
    let out = ingest_ok(&store, &["mail", &first, &reply]);
    assert!(out.contains("; 3 documents"), "{out}");
    assert!(out.contains("0 created, 2 updated"), "{out}");
}

#[test]
fn attachments_over_the_limit_go_through_lfs_when_it_is_set_up() {
    if !crate::documents::lfs_available() {
        return;
    }
    let store = small_limit_store();
    store.exchange(&["setup", "--lfs"]).status(0);
    store.status_clean();
    let (first, _) = mailbox(&store);
    let out = ingest_ok(&store, &["mail", &first]);
    assert!(
        out.contains("(scan.tiff, 2.0 KiB, image/tiff, Git LFS)"),
        "{out}"
    );
    assert!(!out.contains("not stored"), "{out}");
    let lfs = store.git(&["lfs", "ls-files"]);
    assert_eq!(lfs.lines().count(), 4, "{lfs}");
    store.status_clean();
}
