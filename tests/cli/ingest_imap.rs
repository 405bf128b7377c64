//! The recipe of docs/ingest.md with real parts: a shared mailbox on an IMAP server (dovecot,
//! listening on 127.0.0.1 only), mail delivered into it (dovecot-lda), synced to a Maildir
//! with `mbsync` (isync), ingested; then new mail arrives and the second round adds exactly the
//! new messages. Needs the Debian packages `dovecot-imapd` and `isync`: skipped with a message
//! when they are missing, except under `CI=true`, where it must run.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::ingest::{NOW, mail_store};

/// A program on PATH or in the usual system folders.
fn find(program: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect();
    dirs.extend(["/usr/sbin", "/usr/lib/dovecot", "/usr/libexec/dovecot"].map(PathBuf::from));
    dirs.into_iter()
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

fn output(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A dovecot started for the test, stopped (with its own `doveadm stop`) when dropped.
struct Dovecot {
    child: Child,
    doveadm: PathBuf,
    config: PathBuf,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new(&self.doveadm)
            .arg("-c")
            .arg(&self.config)
            .arg("stop")
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The users dovecot runs as: when the test runs as root (CI), dovecot's own system users and
/// mail owned by `dovecot`; otherwise everything as the current user.
fn users() -> (String, String, String, String) {
    let me = output(Command::new("id").arg("-un"));
    if me == "root" {
        let uid = output(Command::new("id").args(["-u", "dovecot"]));
        let gid = output(Command::new("id").args(["-g", "dovecot"]));
        ("dovenull".into(), "dovecot".into(), uid, gid)
    } else {
        let uid = output(Command::new("id").arg("-u"));
        let gid = output(Command::new("id").arg("-g"));
        (me.clone(), me, uid, gid)
    }
}

fn start_dovecot(dir: &Path, dovecot: &Path, doveadm: &Path, port: u16) -> Dovecot {
    let (login_user, internal_user, uid, gid) = users();
    for sub in ["run", "state", "mail"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    if uid != output(Command::new("id").arg("-u")) {
        // Running as root: the mail folders belong to the dovecot user, who must reach them.
        output(
            Command::new("chown")
                .arg(format!("{uid}:{gid}"))
                .arg(dir.join("mail")),
        );
        for d in [dir, dir.parent().unwrap()] {
            output(Command::new("chmod").arg("755").arg(d));
        }
    }
    let config = dir.join("dovecot.conf");
    let d = dir.display();
    std::fs::write(
        &config,
        format!(
            "protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {uid}
first_valid_gid = {gid}
default_login_user = {login_user}
default_internal_user = {internal_user}
mail_location = maildir:{d}/mail/%u/Maildir
passdb {{
  driver = static
  args = password=secret
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"
        ),
    )
    .unwrap();
    let child = Command::new(dovecot)
        .arg("-c")
        .arg(&config)
        .arg("-F")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dovecot starts");
    let server = Dovecot {
        child,
        doveadm: doveadm.to_path_buf(),
        config,
    };
    // Wait until it accepts connections (readiness, not a timing assertion).
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "dovecot did not start listening: {}",
            std::fs::read_to_string(dir.join("dovecot.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server
}

fn deliver(lda: &Path, config: &Path, message: &str) {
    let mut child = Command::new(lda)
        .arg("-c")
        .arg(config)
        .args(["-d", "shared", "-f", "sender@example.invalid"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("dovecot-lda runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(message.as_bytes())
        .unwrap();
    assert!(
        child.wait().unwrap().success(),
        "dovecot-lda failed: {}",
        std::fs::read_to_string(config.with_file_name("dovecot.log")).unwrap_or_default()
    );
}

fn mail(n: usize, from: &str, to: &str, refs: Option<usize>) -> String {
    let mut m = format!(
        "From: {from}\nTo: {to}\nSubject: Message {n}\nDate: Mon, 02 Nov 2026 {:02}:00:00 +0000\nMessage-ID: <imap-{n}@globex.example>\n",
        8 + n
    );
    if let Some(r) = refs {
        m.push_str(&format!(
            "In-Reply-To: <imap-{r}@globex.example>\nReferences: <imap-{r}@globex.example>\n"
        ));
    }
    m.push_str(&format!("\nBody of message {n}.\n"));
    m
}

#[test]
fn a_shared_imap_mailbox_synced_with_mbsync_is_ingested_twice() {
    let tools: Vec<(&str, Option<PathBuf>)> = ["dovecot", "doveadm", "dovecot-lda", "mbsync"]
        .into_iter()
        .map(|t| (t, find(t)))
        .collect();
    let missing: Vec<&str> = tools
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(t, _)| *t)
        .collect();
    if !missing.is_empty() {
        let message = format!(
            "IMAP end-to-end test: {} not installed (Debian packages dovecot-imapd and isync)",
            missing.join(", ")
        );
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("{message}; CI=true, so it must run");
        }
        eprintln!("skipped: {message}");
        return;
    }
    let path = |t: &str| {
        tools
            .iter()
            .find(|(n, _)| *n == t)
            .and_then(|(_, p)| p.clone())
            .unwrap()
    };
    let store = mail_store();
    let dir = store.sandbox.path().join("imap");
    std::fs::create_dir_all(&dir).unwrap();
    let port = std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = start_dovecot(&dir, &path("dovecot"), &path("doveadm"), port);

    let maildir = store.sandbox.path().join("Maildir");
    std::fs::create_dir_all(&maildir).unwrap();
    let mbsyncrc = dir.join("mbsyncrc");
    std::fs::write(
        &mbsyncrc,
        format!(
            "IMAPAccount agency
Host 127.0.0.1
Port {port}
User shared
Pass secret
SSLType None
AuthMechs PLAIN

IMAPStore remote
Account agency

MaildirStore local
Path {m}/
Inbox {m}/INBOX
SubFolders Verbatim

Channel shared
Far :remote:
Near :local:
Patterns *
Create Near
SyncState *
",
            m = maildir.display()
        ),
    )
    .unwrap();
    let sync = || {
        output(
            Command::new(path("mbsync"))
                .arg("-c")
                .arg(&mbsyncrc)
                .arg("-a")
                .env("HOME", store.sandbox.path()),
        )
    };
    let ingest = || -> String {
        let out = store
            .cmd()
            .env("GITCRM_NOW", NOW)
            .args(["ingest", "mail", "../Maildir"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };

    // Round one: three messages in the shared mailbox.
    deliver(
        &path("dovecot-lda"),
        &server.config,
        &mail(
            1,
            "Hank <hank@globex.example>",
            "support@agency.example",
            None,
        ),
    );
    deliver(
        &path("dovecot-lda"),
        &server.config,
        &mail(
            2,
            "Bob Stone <bob@agency.example>",
            "hank@globex.example",
            Some(1),
        ),
    );
    deliver(
        &path("dovecot-lda"),
        &server.config,
        &mail(
            3,
            "Bill <bill@initech.example>",
            "support@agency.example",
            None,
        ),
    );
    sync();
    let out = ingest();
    assert!(
        out.contains("ingested mail from ../Maildir: 3 created, 0 updated, 0 unchanged"),
        "{out}"
    );
    let head = store.head();
    assert!(ingest().ends_with("nothing to commit\n"));
    assert_eq!(store.head(), head);

    // Round two: two new messages arrive; only they are added.
    deliver(
        &path("dovecot-lda"),
        &server.config,
        &mail(
            4,
            "Hank <hank@globex.example>",
            "support@agency.example",
            Some(2),
        ),
    );
    deliver(
        &path("dovecot-lda"),
        &server.config,
        &mail(
            5,
            "Alice <alice@agency.example>",
            "bill@initech.example",
            Some(3),
        ),
    );
    sync();
    let out = ingest();
    assert!(
        out.contains("ingested mail from ../Maildir: 2 created, 0 updated, 3 unchanged"),
        "{out}"
    );
    assert_eq!(
        store.commit_count(),
        store
            .git(&["rev-list", "--count", &head])
            .parse::<usize>()
            .unwrap()
            + 1
    );
    let globex = store.files_in("customers/globex/interactions");
    assert_eq!(globex.len(), 3);
    let threads: std::collections::BTreeSet<String> = globex
        .iter()
        .map(|p| {
            store
                .read(p)
                .lines()
                .find(|l| l.starts_with("thread: "))
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(threads.len(), 1, "the three Globex messages are one thread");
    store.status_clean();
    drop(server);
}
