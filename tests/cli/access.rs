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
    alice.run(&[
        "note",
        "acme",
        "Dunning step 2, SECRET-NOTE-7731",
        "--restricted",
        "finance",
    ]);
    alice.run(&[
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
    ]);
    alice.run(&[
        "customer",
        "edit",
        "acme",
        "--set-restricted",
        "fields.price=SECRET-PRICE-5150",
        "--team",
        "finance",
    ]);
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

#[test]
fn an_ssh_key_reads_what_was_sealed_to_it() {
    let store = TestStore::new();
    if std::process::Command::new("ssh-keygen")
        .arg("-?")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "ssh-keygen is missing under CI"
        );
        eprintln!("skipped: ssh-keygen is not installed (apt-get install openssh-client)");
        return;
    }
    let ssh_dir = store.sandbox.path().join("home").join(".ssh");
    std::fs::create_dir_all(&ssh_dir).unwrap();
    let key = ssh_dir.join("id_ed25519");
    let made = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "alice@test", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(made.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
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
