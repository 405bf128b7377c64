//! A throw-away store for each test: a temporary folder holding the store (a fresh git
//! repository prepared by `git-crm init` as Alice), and a home folder so that neither git nor
//! git-crm sees the configuration of the person running the tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// Environment variables that would leak the caller's git or git-crm setup into a test.
pub const REMOVED_ENV: &[&str] = &[
    "GITCRM_USER",
    "GITCRM_STORE",
    "GITCRM_NOW",
    "GITCRM_SEED",
    "GITCRM_TEST_ABORT",
    "GITCRM_HISTORY_INDEX",
    "CI",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CEILING_DIRECTORIES",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_AUTHOR_DATE",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "GIT_COMMITTER_DATE",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "EMAIL",
    "TZ",
];

/// A sandbox: a temporary folder with an isolated home. [`TestStore`] builds on it; tests of
/// `init` use it directly.
pub struct Sandbox {
    tmp: TempDir,
    /// The `GITCRM_SEED` of the next command: every command gets its own, so ids are
    /// reproducible from run to run and still differ between commands.
    next_seed: std::cell::Cell<u64>,
}

impl Sandbox {
    pub fn new() -> Self {
        let tmp = tempfile::Builder::new()
            .prefix("git-crm-test-")
            .tempdir()
            .expect("temporary folder");
        let home = tmp.path().join("home");
        std::fs::create_dir_all(home.join(".config")).unwrap();
        std::fs::write(home.join(".gitconfig"), "").unwrap();
        Sandbox {
            tmp,
            next_seed: std::cell::Cell::new(1),
        }
    }

    /// The sandbox folder (stores and clones go below it).
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    /// The environment every process of a test runs with.
    fn envs(&self) -> Vec<(&'static str, PathBuf)> {
        let home = self.home();
        let seed = self.next_seed.get();
        self.next_seed.set(seed + 1);
        vec![
            ("GITCRM_SEED", PathBuf::from(seed.to_string())),
            ("HOME", home.clone()),
            ("XDG_CONFIG_HOME", home.join(".config")),
            ("GIT_CONFIG_NOSYSTEM", PathBuf::from("1")),
            ("GIT_CONFIG_GLOBAL", home.join(".gitconfig")),
            ("GIT_TERMINAL_PROMPT", PathBuf::from("0")),
        ]
    }

    /// `git-crm` (assert_cmd) running in `dir`.
    pub fn cmd_in(&self, dir: &Path) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("git-crm").expect("git-crm binary");
        cmd.current_dir(dir);
        for key in REMOVED_ENV {
            cmd.env_remove(key);
        }
        for (key, value) in self.envs() {
            cmd.env(key, value);
        }
        cmd
    }

    /// `git-crm` as a plain process (for tests that run several at once).
    pub fn std_cmd_in(&self, dir: &Path) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_git-crm"));
        self.isolate(&mut cmd, dir);
        cmd
    }

    fn isolate(&self, cmd: &mut std::process::Command, dir: &Path) {
        cmd.current_dir(dir).stdin(std::process::Stdio::null());
        for key in REMOVED_ENV {
            cmd.env_remove(key);
        }
        for (key, value) in self.envs() {
            cmd.env(key, value);
        }
    }

    /// Runs git in `dir` and returns its trimmed stdout; panics (with stderr) on failure.
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let output = self.git_output(dir, args);
        assert!(
            output.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .expect("git output is UTF-8")
            .trim_end()
            .to_string()
    }

    /// Runs git in `dir` with the `git-crm` binary first on `PATH`, as after an install, so
    /// that git finds the merge driver that `setup` registers.
    pub fn git_with_crm(&self, dir: &Path, args: &[&str]) -> std::process::Output {
        let bin = Path::new(env!("CARGO_BIN_EXE_git-crm")).parent().unwrap();
        let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ))
        .unwrap();
        let mut cmd = std::process::Command::new("git");
        self.isolate(&mut cmd, dir);
        cmd.env("PATH", path).args(args).output().expect("git runs")
    }

    /// Runs git in `dir` and returns whatever happened.
    pub fn git_output(&self, dir: &Path, args: &[&str]) -> std::process::Output {
        let mut cmd = std::process::Command::new("git");
        self.isolate(&mut cmd, dir);
        cmd.args(args).output().expect("git runs")
    }
}

/// A store initialised by Alice (`alice`, Alice Martin, alice@example.com), whose git identity
/// is set in the repository, so commands act as Alice unless told otherwise.
pub struct TestStore {
    pub sandbox: Sandbox,
    root: PathBuf,
}

impl TestStore {
    pub fn new() -> Self {
        let sandbox = Sandbox::new();
        let root = sandbox.path().join("store");
        sandbox
            .cmd_in(sandbox.path())
            .arg("init")
            .arg(&root)
            .args(["--handle", "alice", "--name", "Alice Martin"])
            .args(["--email", "alice@example.com"])
            .assert()
            .success();
        sandbox.git_in(&root, &["config", "user.email", "alice@example.com"]);
        sandbox.git_in(&root, &["config", "user.name", "Alice Martin"]);
        TestStore { sandbox, root }
    }

    /// The store (and repository) root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `git-crm` running in the store.
    pub fn cmd(&self) -> assert_cmd::Command {
        self.sandbox.cmd_in(&self.root)
    }

    /// `git-crm` running in the store as another person (`GITCRM_USER`).
    pub fn cmd_as(&self, handle: &str) -> assert_cmd::Command {
        let mut cmd = self.cmd();
        cmd.env("GITCRM_USER", handle);
        cmd
    }

    /// `git-crm` as a plain process running in the store.
    pub fn std_cmd(&self) -> std::process::Command {
        self.sandbox.std_cmd_in(&self.root)
    }

    /// Runs `git-crm args...` in the store, asserts success and a silent stderr, and returns
    /// stdout. A command that warns is run with [`TestStore::exchange`], whose snapshot shows
    /// the warning: an unexpected stderr fails the test.
    pub fn run(&self, args: &[&str]) -> String {
        succeeded(args, self.cmd().args(args).output().expect("git-crm runs"))
    }

    /// Runs `git-crm args...` and returns what it printed and how it exited, whatever that was.
    pub fn exchange(&self, args: &[&str]) -> Exchange {
        Exchange::of(self.cmd().args(args).output().expect("git-crm runs"))
    }

    /// Generates an age identity at `path` (`person key generate --output`) and returns its
    /// public key; the command's stderr says where the key went and what to do with it.
    pub fn generate_key(&self, path: &Path) -> String {
        let out = self
            .exchange(&[
                "person",
                "key",
                "generate",
                "--output",
                path.to_str().unwrap(),
            ])
            .status(0);
        assert!(out.stderr.starts_with("created "), "{out}");
        out.stdout.trim().to_string()
    }

    /// Like [`TestStore::exchange`] with the clock fixed at `now`.
    pub fn exchange_at(&self, now: &str, args: &[&str]) -> Exchange {
        Exchange::of(self.cmd_at(now).args(args).output().expect("git-crm runs"))
    }

    /// `git-crm` running in the store with the clock fixed at `now` (`GITCRM_NOW`).
    pub fn cmd_at(&self, now: &str) -> assert_cmd::Command {
        let mut cmd = self.cmd();
        cmd.env("GITCRM_NOW", now);
        cmd
    }

    /// Runs `git-crm args...` with the clock fixed at `now`, asserts success, returns stdout.
    pub fn run_at(&self, now: &str, args: &[&str]) -> String {
        succeeded(
            args,
            self.cmd_at(now).args(args).output().expect("git-crm runs"),
        )
    }

    /// Like [`TestStore::create`] with the clock fixed at `now`.
    pub fn create_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.run_at(now, args);
        short_id_in(&out).unwrap_or_else(|| panic!("no id in output of {args:?}: {out}"))
    }

    /// Runs `git-crm args...`, asserts success and parses stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{out}"))
    }

    /// Runs git in the store and returns its trimmed stdout.
    pub fn git(&self, args: &[&str]) -> String {
        self.sandbox.git_in(&self.root, args)
    }

    /// Asserts that the work tree and index match HEAD.
    #[track_caller]
    pub fn status_clean(&self) {
        let status = self.git(&["status", "--porcelain", "--untracked-files=all"]);
        assert_eq!(status, "", "git status is not clean");
    }

    /// The full message of the HEAD commit.
    pub fn head_message(&self) -> String {
        self.git(&["log", "-1", "--format=%B"])
    }

    /// `Name <email>` of the author of HEAD.
    pub fn head_author(&self) -> String {
        self.git(&["log", "-1", "--format=%an <%ae>"])
    }

    /// The id of HEAD.
    pub fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"])
    }

    /// Number of commits reachable from HEAD.
    pub fn commit_count(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"]).parse().unwrap()
    }

    /// Paths tracked in HEAD.
    pub fn head_files(&self) -> Vec<String> {
        self.git(&["ls-tree", "-r", "--name-only", "HEAD"])
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Adds a team unless the store has it already.
    pub fn add_team(&self, team: &str) {
        let teams = self.json(&["team", "list", "--format", "json"]);
        if teams["teams"].get(team).is_none() {
            self.run(&["team", "add", team]);
        }
    }

    /// Adds a person `handle` (named after the handle, email `<handle>@example.com`), in `team`
    /// when given (the team is created if needed).
    pub fn add_person(&self, handle: &str, team: Option<&str>) {
        let mut name = handle.to_string();
        name[..1].make_ascii_uppercase();
        let email = format!("{handle}@example.com");
        let mut args = vec!["person", "add", handle, "--name", &name, "--email", &email];
        if let Some(team) = team {
            self.add_team(team);
            args.extend(["--team", team]);
        }
        self.run(&args);
    }

    /// Adds a customer by name with the given extra flags and returns its slug.
    pub fn add_customer_with(&self, name: &str, flags: &[&str]) -> String {
        let mut args = vec!["customer", "add", name];
        args.extend_from_slice(flags);
        let out = self.run(&args);
        let first = out.lines().next().unwrap_or_default();
        first
            .strip_prefix("added customer ")
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("unexpected output of customer add: {out}"))
            .to_string()
    }

    /// Adds a customer by name and returns its slug.
    pub fn add_customer(&self, name: &str) -> String {
        self.add_customer_with(name, &[])
    }

    /// Runs a command that creates a record (`log`, `note`, `task add`, `assign`) and returns the
    /// short id it reports (`logged touchpoint 1a2b3c4d in commit ...`).
    pub fn create(&self, args: &[&str]) -> String {
        let out = self.run(args);
        short_id_in(&out).unwrap_or_else(|| panic!("no id in output of {args:?}: {out}"))
    }

    /// Logs a touchpoint: `log <slug> -c <channel> -d <direction> -s <summary> [extra...]`.
    pub fn log(
        &self,
        slug: &str,
        channel: &str,
        direction: &str,
        summary: &str,
        extra: &[&str],
    ) -> String {
        let mut args = vec!["log", slug, "-c", channel, "-d", direction, "-s", summary];
        args.extend_from_slice(extra);
        self.create(&args)
    }

    /// Adds a note and returns its short id.
    pub fn note(&self, slug: &str, text: &str) -> String {
        self.create(&["note", slug, text])
    }

    /// Replaces the line of a store file that starts with `prefix` by `line`.
    pub fn replace_line(&self, rel: &str, prefix: &str, line: &str) {
        let text = self.read(rel);
        assert!(
            text.lines().any(|l| l.starts_with(prefix)),
            "no line starting with {prefix:?} in {rel}"
        );
        let new: String = text
            .lines()
            .map(|l| if l.starts_with(prefix) { line } else { l })
            .map(|l| format!("{l}\n"))
            .collect();
        self.write(rel, &new);
    }

    /// The absolute path of a store-relative path.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Reads a store file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Writes a store file (creating folders).
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {rel}: {e}"));
    }

    /// Commits everything in the work tree with plain git (for hand-written files).
    pub fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// Store-relative paths of the files in a folder of the store, sorted (empty if missing).
    pub fn files_in(&self, rel_dir: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.path(rel_dir)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .map(|e| format!("{rel_dir}/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        names.sort();
        names
    }

    /// The path of the single record of a customer whose short id is `short`.
    pub fn record_path(&self, slug: &str, kind_dir: &str, short: &str) -> String {
        let found: Vec<String> = self
            .files_in(&format!("customers/{slug}/{kind_dir}"))
            .into_iter()
            .filter(|p| p.ends_with(&format!("-{short}.yaml")))
            .collect();
        assert_eq!(found.len(), 1, "record {short} in {slug}/{kind_dir}");
        found[0].clone()
    }
}

/// Stdout of a command that must have succeeded without a word on stderr.
pub fn succeeded(args: &[&str], output: std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "git-crm {args:?} failed with {:?}:\n{stderr}",
        output.status.code(),
    );
    assert!(
        stderr.is_empty(),
        "git-crm {args:?} succeeded but wrote to stderr (use `exchange` to expect it):\n{stderr}"
    );
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// One command's whole exchange: stdout, stderr and exit status together, as jj's
/// `CommandOutput` and just's `Test` compare them. Its `Display` is the snapshot form: stdout,
/// then `[stderr]` and its lines when there are any, then `[exit status: N]` when not 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
}

impl Exchange {
    fn of(output: std::process::Output) -> Self {
        Exchange {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code(),
        }
    }

    /// Asserts the exit status and returns the exchange, for chaining.
    #[track_caller]
    pub fn status(self, code: i32) -> Self {
        assert_eq!(self.code, Some(code), "unexpected exit status:\n{self}");
        self
    }
}

impl std::fmt::Display for Exchange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.stdout)?;
        if !self.stderr.is_empty() {
            write!(f, "[stderr]\n{}", self.stderr)?;
        }
        match self.code {
            Some(0) => Ok(()),
            Some(code) => writeln!(f, "[exit status: {code}]"),
            None => writeln!(f, "[killed by a signal]"),
        }
    }
}

/// The first word of eight hex digits in `text` (the short id commands print).
pub fn short_id_in(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.len() == 8 && w.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string)
}

/// Stdout of an assert as a string.
pub fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).expect("stdout is UTF-8")
}

/// Stderr of an assert as a string.
pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).expect("stderr is UTF-8")
}

/// A working `core.fsmonitor` hook in git's hook protocol, version 2 (as git's own test hooks
/// are): the token names a marker file made when the hook was asked, and the paths changed
/// since are those newer than the marker the caller sends back; an unknown token gets `/`.
pub const FSMONITOR_HOOK: &str = r#"#!/bin/sh
[ "$1" = 2 ] || exit 1
mkdir -p .git/fsmonitor-marks
new=".git/fsmonitor-marks/$(date +%s%N)"
: > "$new"
printf '%s\0' "$new"
if [ -f "$2" ]; then
  find . -mindepth 1 -path ./.git -prune -o -newer "$2" -print | sed 's|^\./||' | tr '\n' '\0'
else
  printf '/\0'
fi
"#;

/// Writes `script` to `path`, executable (hooks and stand-in programs).
pub fn write_executable(path: &Path, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, script).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Makes a FIFO at `path` (coreutils' `mkfifo`, as the tests of special files need).
pub fn make_fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}
