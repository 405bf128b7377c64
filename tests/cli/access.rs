//! Restricted content across clones: three people, three clones of one store. Alice is in
//! finance, Bob in support, Carol arrives without a key. Keys are generated in the test with
//! `git crm person key generate` (age X25519, through the age crate); no private key is
//! committed.

use std::path::{Path, PathBuf};

use crate::support::{Sandbox, TestStore};

const SECRETS: &[&str] = &[
    "SECRET-NOTE-7731",
    "SECRET-SUMMARY-4411",
    "SECRET-BODY-9902",
    "SECRET-PRICE-5150",
    "SECRET-CONTRACT-8080",
    "Contract-Title-3399",
];

/// What the finance member writes on `acme`: a restricted note, a restricted touchpoint and a
/// restricted custom field.
const FINANCE_WRITES: [&[&str]; 3] = [
    &[
        "note",
        "acme",
        "Dunning step 2, SECRET-NOTE-7731",
        "--restricted",
        "finance",
    ],
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
        "--restricted",
        "finance",
    ],
    &[
        "customer",
        "edit",
        "acme",
        "--set-restricted",
        "fields.price=SECRET-PRICE-5150",
        "--team",
        "finance",
    ],
];

/// One person at their own clone, with their own identity file (or none).
struct Desk<'a> {
    sandbox: &'a Sandbox,
    dir: PathBuf,
    key: Option<PathBuf>,
}

impl Desk<'_> {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = self.sandbox.std_cmd_in(&self.dir);
        match &self.key {
            Some(k) => cmd.env("GITCRM_IDENTITY", k),
            None => cmd.env("GITCRM_IDENTITY", self.dir.join("no-such-identity")),
        };
        cmd.args(args).output().expect("git-crm runs")
    }

    #[track_caller]
    fn run(&self, args: &[&str]) -> String {
        let out = self.cmd(args);
        assert!(
            out.status.success(),
            "git-crm {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.run(args)).unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        self.sandbox.git_in(&self.dir, args)
    }

    fn sync(&self) {
        self.git(&["pull", "-q", "--no-rebase", "origin", "main"]);
    }

    fn push(&self) {
        self.git(&["push", "-q", "origin", "HEAD:main"]);
    }

    /// The `restricted` findings of `check`, as messages.
    fn findings(&self) -> Vec<String> {
        let out = self.cmd(&["check", "restricted", "--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    }
}

/// Generates an identity file and returns its public key.
fn generate(store: &TestStore, path: &Path) -> String {
    store.generate_key(path)
}

fn clone(store: &TestStore, origin: &Path, name: &str, email: &str) -> PathBuf {
    let dir = store.sandbox.path().join(name);
    store.sandbox.git_in(
        store.sandbox.path(),
        &[
            "clone",
            "-q",
            origin.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
    );
    store.sandbox.git_in(&dir, &["config", "user.email", email]);
    store.sandbox.git_in(&dir, &["config", "user.name", name]);
    dir
}

/// Every object of a fresh, garbage-collected clone, decompressed, and its commit messages and
/// git-crm caches: nothing of it may hold a restricted plaintext.
fn assert_no_plaintext(sandbox: &Sandbox, repo: &Path) {
    let scratch = sandbox.path().join(format!(
        "scratch-{}",
        repo.file_name().unwrap().to_string_lossy()
    ));
    sandbox.git_in(
        sandbox.path(),
        &[
            "clone",
            "-q",
            "--no-local",
            repo.to_str().unwrap(),
            scratch.to_str().unwrap(),
        ],
    );
    sandbox.git_in(&scratch, &["gc", "-q", "--aggressive"]);
    let objects = sandbox.git_output(&scratch, &["cat-file", "--batch-all-objects", "--batch"]);
    assert!(objects.status.success());
    let messages = sandbox.git_in(&scratch, &["log", "--all", "--format=%B"]);
    let mut haystacks: Vec<(String, Vec<u8>)> = vec![
        ("objects".into(), objects.stdout),
        ("messages".into(), messages.into_bytes()),
    ];
    // The repository's own files: caches, journals, the index.
    for entry in walk(&repo.join(".git")) {
        if entry.to_string_lossy().contains("/objects/") {
            continue;
        }
        haystacks.push((entry.display().to_string(), std::fs::read(&entry).unwrap()));
    }
    let found_cache = haystacks
        .iter()
        .any(|(n, _)| n.contains("/gitcrm/snapshot/data-"));
    assert!(
        found_cache,
        "the parse cache was written, so it is searched"
    );
    for secret in SECRETS {
        for (name, bytes) in &haystacks {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} found in {name}"
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            out.extend(walk(&entry.path()));
        } else if kind.is_file() {
            out.push(entry.path());
        }
    }
    out
}

#[test]
fn three_clones_three_people() {
    let store = TestStore::new();
    store.add_team("finance");
    store.add_team("support");
    store.run(&["team", "join", "finance", "alice"]);
    store.add_person("bob", Some("support"));
    store.add_person("carol", None);
    let keys = store.sandbox.path().join("keys");
    let alice_key = keys.join("alice.txt");
    let bob_key = keys.join("bob.txt");
    let carol_key = keys.join("carol.txt");
    let alice_public = generate(&store, &alice_key);
    store.run(&["person", "key", "add", "alice", &alice_public]);
    let bob_public = generate(&store, &bob_key);
    store.run(&["person", "key", "add", "bob", &bob_public]);
    store.add_customer("Acme");
    let alice = Desk {
        sandbox: &store.sandbox,
        dir: store.root().to_path_buf(),
        key: Some(alice_key.clone()),
    };

    // Alice writes restricted content, and some that is not.
    alice.run(&[
        "log",
        "acme",
        "-c",
        "email",
        "-d",
        "inbound",
        "-s",
        "Where is my order?",
    ]);
    alice.run(&[
        "log",
        "acme",
        "-c",
        "email",
        "-d",
        "outbound",
        "-s",
        "Shipped today",
        "--reply-to",
        "last",
        "--resolves",
    ]);
    for args in FINANCE_WRITES {
        alice.run(args);
    }
    let contract = store.sandbox.path().join("contract.pdf");
    std::fs::write(
        &contract,
        b"%PDF-1.7\nSECRET-CONTRACT-8080 terms and prices\n",
    )
    .unwrap();
    alice.run(&[
        "attach",
        "acme",
        contract.to_str().unwrap(),
        "--restricted",
        "finance",
        "--title",
        "Contract-Title-3399",
    ]);
    let timeline = alice.run(&["timeline", "acme", "--body"]);
    for secret in SECRETS
        .iter()
        .filter(|s| !s.starts_with("SECRET-PRICE") && !s.starts_with("SECRET-CONTRACT"))
    {
        assert!(
            timeline.contains(secret),
            "{secret} not shown to alice:\n{timeline}"
        );
    }
    assert!(
        alice
            .run(&["customer", "show", "acme"])
            .contains("SECRET-PRICE-5150")
    );
    assert!(alice.findings().is_empty(), "{:?}", alice.findings());
    // The commit messages never carry the content.
    let log = alice.git(&["log", "--format=%B"]);
    assert!(SECRETS.iter().all(|s| !log.contains(s)), "{log}");

    let origin = store.sandbox.path().join("origin.git");
    store.sandbox.git_in(
        store.sandbox.path(),
        &[
            "clone",
            "-q",
            "--bare",
            store.root().to_str().unwrap(),
            origin.to_str().unwrap(),
        ],
    );
    alice.git(&["remote", "add", "origin", origin.to_str().unwrap()]);
    alice.git(&["fetch", "-q", "origin"]);
    let bob = Desk {
        sandbox: &store.sandbox,
        dir: clone(&store, &origin, "bob", "bob@example.com"),
        key: Some(bob_key.clone()),
    };
    let carol_dir = clone(&store, &origin, "carol", "carol@example.com");
    let mut carol = Desk {
        sandbox: &store.sandbox,
        dir: carol_dir,
        key: None,
    };
    bob.run(&["setup"]);
    carol.run(&["setup"]);

    // Bob, in support, sees placeholders; his metrics equal Alice's.
    let seen = bob.run(&["timeline", "acme", "--body"]);
    assert!(seen.contains("restricted note for finance"), "{seen}");
    assert!(seen.contains("restricted touchpoint for finance"), "{seen}");
    assert!(seen.contains("restricted document for finance"), "{seen}");
    assert!(SECRETS.iter().all(|s| !seen.contains(s)), "{seen}");
    let json = bob.json(&["timeline", "acme", "--format", "json"]);
    let note = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "note")
        .unwrap();
    assert_eq!(
        note["restricted"],
        serde_json::json!({"team": "finance", "readable": false})
    );
    let mine = alice.json(&["timeline", "acme", "--format", "json"]);
    let note = mine["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "note")
        .unwrap();
    assert_eq!(
        note["restricted"],
        serde_json::json!({"team": "finance", "readable": true})
    );
    let card = bob.run(&["customer", "show", "acme"]);
    assert!(card.contains("(restricted to finance)"), "{card}");
    let metrics = ["metrics", "--format", "json", "--since", "2026-11-01"];
    assert_eq!(alice.run(&metrics), bob.run(&metrics));
    let docs = bob.json(&["docs", "list", "acme", "--format", "json"]);
    let doc_id = docs["documents"][0]["id"].as_str().unwrap().to_string();
    let refused = bob.cmd(&["docs", "get", &doc_id, "-o", "contract.pdf"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("restricted to finance"));
    assert!(!bob.dir.join("contract.pdf").exists());

    // Carol arrives: a key, then the team. check reports the gap until a member rekeys.
    let carol_public = generate(&store, &carol_key);
    carol.key = Some(carol_key.clone());
    carol.run(&["person", "key", "add", "carol", &carol_public]);
    carol.run(&["team", "join", "finance", "carol"]);
    carol.push();
    let gaps = carol.findings();
    assert_eq!(gaps.len(), 4, "{gaps:?}");
    assert!(
        gaps.iter().all(|m| m.contains("not readable by carol")),
        "{gaps:?}"
    );
    assert!(
        carol
            .run(&["timeline", "acme"])
            .contains("restricted note for finance")
    );
    alice.sync();
    assert_eq!(alice.findings().len(), 4);
    let before = alice.git(&["rev-list", "--count", "HEAD"]);
    let out = alice.run(&["team", "rekey", "finance"]);
    assert!(
        out.contains("re-sealed 4 value(s) and 1 file(s) to the current members"),
        "{out}"
    );
    let after = alice.git(&["rev-list", "--count", "HEAD"]);
    assert_eq!(
        after.parse::<u32>().unwrap(),
        before.parse::<u32>().unwrap() + 1
    );
    assert!(alice.findings().is_empty());
    assert!(
        alice
            .run(&["team", "rekey", "finance"])
            .contains("nothing to rekey")
    );
    alice.push();
    carol.sync();
    let seen = carol.run(&["timeline", "acme", "--body"]);
    assert!(
        seen.contains("SECRET-NOTE-7731") && seen.contains("SECRET-BODY-9902"),
        "{seen}"
    );
    carol.run(&["docs", "get", &doc_id, "-o", "got.pdf"]);
    assert_eq!(
        std::fs::read(carol.dir.join("got.pdf")).unwrap(),
        std::fs::read(&contract).unwrap()
    );
    std::fs::remove_file(carol.dir.join("got.pdf")).unwrap();
    assert!(carol.findings().is_empty());

    // Carol leaves: check warns until the team is rekeyed.
    alice.sync();
    let out = alice.cmd(&["team", "leave", "finance", "carol"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("stays readable by carol"));
    let left = alice.findings();
    assert_eq!(left.len(), 4, "{left:?}");
    assert!(
        left.iter().all(|m| m.contains("still readable by carol")),
        "{left:?}"
    );
    assert!(!alice.cmd(&["check", "--strict"]).status.success());
    alice.run(&["team", "rekey", "finance"]);
    assert!(alice.findings().is_empty());
    alice.push();
    carol.sync();
    assert!(
        carol
            .run(&["timeline", "acme"])
            .contains("restricted note for finance")
    );

    // Review and history name restricted values without their content.
    let review = alice.run(&["review", "HEAD~12"]);
    assert!(
        review.contains("restricted touchpoint added (finance)"),
        "{review}"
    );
    assert!(
        review.contains("restricted document added (finance)"),
        "{review}"
    );
    assert!(
        !review.contains("unreadable") && !review.contains("problem"),
        "{review}"
    );
    assert!(SECRETS.iter().all(|s| !review.contains(s)), "{review}");
    let history = alice.run(&["history", "acme"]);
    assert!(history.contains("sealed to finance (alice)"), "{history}");
    assert!(SECRETS.iter().all(|s| !history.contains(s)), "{history}");

    // No plaintext anywhere in any clone's repository.
    assert_no_plaintext(&store.sandbox, store.root());
    assert_no_plaintext(&store.sandbox, &carol.dir);
}

#[test]
fn keys_are_validated_listed_and_removed_in_place() {
    let store = TestStore::new();
    let text = store
        .read(".gitcrm/config.yaml")
        .replace("people:", "# the team\npeople:");
    store.write(".gitcrm/config.yaml", &text);
    store.commit_all("comment");
    let key = generate(&store, &store.sandbox.path().join("k.txt"));
    let out = store.run(&["person", "key", "add", "alice", &key]);
    assert!(out.starts_with("added key "), "{out}");
    assert!(store.read(".gitcrm/config.yaml").contains("# the team"));
    let again = store
        .cmd()
        .args(["person", "key", "add", "alice", &key])
        .assert()
        .failure();
    assert!(crate::support::stderr(&again).contains("already registered for `alice`"));
    let ssh = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGhWl6XXQwVf0rzMJeuqc6O9zmgGyrLu7QFd0S7ooS45 alice@laptop";
    store.run(&["person", "key", "add", "alice", ssh]);
    let listed = store.json(&["person", "key", "list", "--format", "json"]);
    let kinds: Vec<&str> = listed["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["age", "ssh-ed25519"]);
    let bad = store
        .cmd()
        .args(["person", "key", "add", "alice", "ssh-rsa AAAAB3Nza"])
        .assert()
        .failure();
    assert!(crate::support::stderr(&bad).contains("not supported"));
    store
        .cmd()
        .args(["person", "key", "add", "alice", "age1nope"])
        .assert()
        .failure();
    let fp = listed["keys"][1]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let removed = store
        .exchange(&["person", "key", "remove", "alice", &fp[..6]])
        .status(0);
    assert!(
        removed.stderr.contains("stays readable with it"),
        "{removed}"
    );
    let listed = store.json(&["person", "key", "list", "--format", "json"]);
    assert_eq!(listed["keys"].as_array().unwrap().len(), 1);
    store.status_clean();
    // A key broken by hand is a `config` error naming its line.
    let text = store
        .read(".gitcrm/config.yaml")
        .replace(&key, "age1broken");
    store.write(".gitcrm/config.yaml", &text);
    let out = store.cmd().args(["check", "config"]).assert().failure();
    assert!(
        crate::support::stdout(&out).contains("people.alice.keys"),
        "{}",
        crate::support::stderr(&out)
    );
}

/// Whether ssh-keygen can be run (openssh-client, installed by .ci/run); never skipped under CI.
fn ssh_keygen_available() -> bool {
    if std::process::Command::new("ssh-keygen")
        .arg("-?")
        .output()
        .is_ok()
    {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "ssh-keygen is missing under CI (.ci/run installs openssh-client)"
    );
    eprintln!("skipped: ssh-keygen is not installed (apt-get install openssh-client)");
    false
}

/// Makes `~/.ssh/id_ed25519` of the test home with `passphrase` and returns its public key.
fn ssh_key(store: &TestStore, passphrase: &str) -> (PathBuf, String) {
    let ssh_dir = store.sandbox.path().join("home").join(".ssh");
    std::fs::create_dir_all(&ssh_dir).unwrap();
    let key = ssh_dir.join("id_ed25519");
    let made = std::process::Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            passphrase,
            "-C",
            "alice@test",
            "-f",
        ])
        .arg(&key)
        .status()
        .unwrap();
    assert!(made.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_string())
}

#[test]
fn an_ssh_key_reads_what_was_sealed_to_it() {
    let store = TestStore::new();
    if !ssh_keygen_available() {
        return;
    }
    let (key, public) = ssh_key(&store, "");
    store.add_team("finance");
    store.run(&["team", "join", "finance", "alice"]);
    store.run(&["person", "key", "add", "alice", public.trim()]);
    let slug = store.add_customer("Acme");
    store.run(&["note", &slug, "ssh-sealed words", "--restricted", "finance"]);
    // ~/.ssh/id_ed25519 of the (test) home is the identity.
    assert!(store.run(&["timeline", &slug]).contains("ssh-sealed words"));
    std::fs::remove_file(&key).unwrap();
    assert!(
        store
            .run(&["timeline", &slug])
            .contains("restricted note for finance")
    );
}

/// A passphrase-protected SSH key is never prompted for: it is named, with the hint to use an
/// age identity, wherever it would have been needed, and nothing is written.
#[test]
fn a_passphrase_protected_ssh_key_is_reported_with_a_hint() {
    let store = TestStore::new();
    if !ssh_keygen_available() {
        return;
    }
    let (_key, public) = ssh_key(&store, "secret");
    store.add_team("finance");
    store.run(&["team", "join", "finance", "alice"]);
    store.run(&["person", "key", "add", "alice", &public]);
    let slug = store.add_customer("Acme");
    // Sealing needs only public keys.
    store.run(&[
        "note",
        &slug,
        "PASSPHRASE-NOTE-1",
        "--restricted",
        "finance",
    ]);
    let contract = store.sandbox.path().join("contract.pdf");
    std::fs::write(&contract, b"%PDF-1.7 PASSPHRASE-DOC-2").unwrap();
    let out = store.run(&[
        "attach",
        &slug,
        contract.to_str().unwrap(),
        "--restricted",
        "finance",
    ]);
    let doc = crate::support::short_id_in(&out).unwrap();
    let hint = "the SSH key is passphrase-protected and git-crm does not prompt; set GITCRM_IDENTITY to an age identity file (`git crm person key generate`)";

    // Reading shows the placeholder; `person key list` says why the key was not used.
    assert!(
        store
            .run(&["timeline", &slug])
            .contains("restricted note for finance")
    );
    let out = store
        .cmd()
        .args(["person", "key", "list"])
        .assert()
        .success();
    let err = crate::support::stderr(&out);
    assert!(err.contains("id_ed25519: ") && err.contains(hint), "{err}");

    // Opening a document fails, exit 1, naming the key; nothing is written.
    let target = store.sandbox.path().join("out.pdf");
    let out = store
        .cmd()
        .args(["docs", "get", &doc, "-o", target.to_str().unwrap()])
        .assert()
        .code(1);
    let err = crate::support::stderr(&out);
    assert!(err.contains("your identity cannot open it"), "{err}");
    assert!(err.contains(hint), "{err}");
    assert!(!target.exists());

    // Rekeying (Bob joined) needs to open the values: refused, exit 1, no commit.
    let bob_key = store.sandbox.path().join("bob.txt");
    let bob = generate(&store, &bob_key);
    store.run(&["person", "add", "bob", "--name", "Bob"]);
    store.run(&["person", "key", "add", "bob", &bob]);
    store
        .exchange(&["team", "join", "finance", "bob"])
        .status(0);
    let before = store.commit_count();
    let out = store
        .cmd()
        .args(["team", "rekey", "finance"])
        .assert()
        .code(1);
    let err = crate::support::stderr(&out);
    assert!(err.contains("no local identity"), "{err}");
    assert!(err.contains(hint), "{err}");
    assert_eq!(store.commit_count(), before);
    store.status_clean();
}

#[test]
fn restricting_needs_a_team_with_keys_and_writes_nothing_otherwise() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    store.add_team("finance");
    let before = store.commit_count();
    let out = store
        .cmd()
        .args(["note", &slug, "x", "--restricted", "finance"])
        .assert()
        .failure();
    assert!(crate::support::stderr(&out).contains("cannot restrict to team `finance`"));
    store
        .cmd()
        .args(["note", &slug, "x", "--restricted", "nosuch"])
        .assert()
        .failure();
    assert_eq!(store.commit_count(), before);
    store.status_clean();
}

#[test]
fn a_record_opened_for_reading_is_never_written_back() {
    let store = TestStore::new();
    let slug = store.add_customer("Acme");
    // A hand-made file in the read model's shape (opened text, `readable`) is refused by check.
    let rel = format!("customers/{slug}/notes/20261120T090000Z-0a0b0c0d.yaml");
    store.write(
        &rel,
        "id: 019aa0b4-0000-7000-8000-00000a0b0c0d\nat: \"2026-11-20T09:00:00Z\"\nby: alice\nbody: opened text\nrestricted:\n  team: finance\n  readable: true\n",
    );
    let out = store.cmd().args(["check", "restricted"]).assert().failure();
    let text = crate::support::stdout(&out);
    assert!(text.contains("written in its opened form"), "{text}");
    assert!(text.contains("also has text in clear"), "{text}");
}

/// Runs git-crm in `store` with `identity` (none: a missing file) and returns stdout, checking
/// the exit code.
#[track_caller]
fn run_as(store: &TestStore, identity: Option<&Path>, args: &[&str]) -> String {
    let missing = store.sandbox.path().join("no-such-identity");
    let out = store
        .cmd()
        .env("GITCRM_IDENTITY", identity.unwrap_or(&missing))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git-crm {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Restricted content through `export`, `find` and the JSON of cards and finds, read by a
/// member (Alice, finance), a non-member with a key (Bob, support) and a newcomer without one
/// (Carol): the member reads, the others get the placeholder and `restricted: {team,
/// readable}`, and the analyst export (jsonl, Parquet) holds no restricted text even for the
/// member.
#[test]
fn restricted_content_through_export_find_and_json() {
    let store = TestStore::new();
    let alice_key = store.sandbox.path().join("alice.txt");
    let bob_key = store.sandbox.path().join("bob.txt");
    let alice_public = generate(&store, &alice_key);
    let bob_public = generate(&store, &bob_key);
    store.add_team("finance");
    store.add_team("support");
    store.run(&["person", "add", "bob", "--name", "Bob", "--team", "support"]);
    store.run(&["person", "add", "carol", "--name", "Carol"]);
    store.run(&["person", "key", "add", "alice", &alice_public]);
    store.run(&["person", "key", "add", "bob", &bob_public]);
    store.run(&["team", "join", "finance", "alice"]);
    let slug = store.add_customer("Acme");
    let alice = Some(alice_key.as_path());
    let bob = Some(bob_key.as_path());
    let carol: Option<&Path> = None;
    let log = |args: &[&str]| {
        store
            .cmd()
            .env("GITCRM_IDENTITY", &alice_key)
            .env("GITCRM_NOW", "2026-11-20T10:00:00Z")
            .args(args)
            .assert()
            .success();
    };
    log(&[
        "log",
        &slug,
        "-c",
        "email",
        "-d",
        "inbound",
        "-s",
        "Open question about the invoice",
    ]);
    for args in FINANCE_WRITES {
        log(args);
    }

    // The member reads everything, in every format.
    let csv = run_as(&store, alice, &["export", "notes"]);
    assert!(csv.contains("SECRET-NOTE-7731"), "{csv}");
    let csv = run_as(&store, alice, &["export", "touchpoints"]);
    assert!(csv.contains("SECRET-SUMMARY-4411"), "{csv}");
    let json = run_as(&store, alice, &["export", "customers", "--format", "json"]);
    assert!(json.contains("SECRET-PRICE-5150"), "{json}");
    let found = run_as(&store, alice, &["find", "dunning"]);
    assert!(found.contains("SECRET-NOTE-7731"), "{found}");
    let found: serde_json::Value = serde_json::from_str(&run_as(
        &store,
        alice,
        &["find", "dunning", "--format", "json"],
    ))
    .unwrap();
    let hits = found.to_string();
    assert!(hits.contains("SECRET-NOTE-7731"), "{hits}");
    assert!(
        hits.contains(r#""restricted":{"team":"finance","readable":true}"#),
        "{hits}"
    );
    let card = run_as(
        &store,
        alice,
        &["customer", "show", &slug, "--format", "json"],
    );
    assert!(card.contains("SECRET-PRICE-5150"), "{card}");
    assert!(
        card.replace([' ', '\n'], "")
            .contains(r#""restricted_fields":{"price":{"team":"finance","readable":true}}"#),
        "{card}"
    );
    let csv = run_as(&store, alice, &["export", "customers"]);
    assert!(csv.contains("SECRET-PRICE-5150"), "{csv}");

    // Bob (a key, not a member) and Carol (no key): placeholders, never the text.
    for who in [bob, carol] {
        let mut seen = String::new();
        for what in ["notes", "touchpoints", "customers"] {
            for format in ["csv", "json"] {
                seen.push_str(&run_as(&store, who, &["export", what, "--format", format]));
            }
        }
        assert!(SECRETS.iter().all(|s| !seen.contains(s)), "{seen}");
        let notes = run_as(&store, who, &["export", "notes", "--format", "json"]);
        assert!(notes.contains("restricted note for finance"), "{notes}");
        assert!(
            notes.contains(r#""restricted": {"team": "finance", "readable": false}"#)
                || notes
                    .replace([' ', '\n'], "")
                    .contains(r#""restricted":{"team":"finance","readable":false}"#),
            "{notes}"
        );
        let found = run_as(&store, who, &["find", "dunning", "--format", "json"]);
        assert!(SECRETS.iter().all(|s| !found.contains(s)), "{found}");
        assert!(
            !found.contains("Dunning"),
            "sealed text is not searchable: {found}"
        );
        let card = run_as(
            &store,
            who,
            &["customer", "show", &slug, "--format", "json"],
        );
        assert!(SECRETS.iter().all(|s| !card.contains(s)), "{card}");
        assert!(
            card.replace([' ', '\n'], "")
                .contains(r#""restricted_fields":{"price":{"team":"finance","readable":false}}"#),
            "{card}"
        );
        let text = run_as(&store, who, &["customer", "show", &slug]);
        assert!(text.contains("(restricted to finance)"), "{text}");
    }

    // The analyst export holds no restricted text, whoever runs it, even the member.
    let jsonl = run_as(
        &store,
        alice,
        &["export", "touchpoints", "--format", "jsonl"],
    );
    assert!(SECRETS.iter().all(|s| !jsonl.contains(s)), "{jsonl}");
    let restricted_row = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["channel"] == "call")
        .unwrap();
    assert_eq!(restricted_row["restricted"], "finance");
    assert!(restricted_row["summary"].is_null() && restricted_row["body"].is_null());
    let out = store.sandbox.path().join("warehouse");
    run_as(
        &store,
        alice,
        &[
            "export",
            "touchpoints",
            "--format",
            "parquet",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    let files = walk(&out);
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for secret in SECRETS {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} in {}",
                file.display()
            );
        }
    }
}
