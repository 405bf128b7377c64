//! README.md cannot drift: every ```` ```console ```` block of it runs here, in order, as a
//! user would type it, and what the commands print must be what the README shows.
//!
//! The format is trycmd's:
//! - a line starting with `$ ` is a command; a command line ending with `\` goes on with the
//!   next line. It runs through `sh -c`, with `git-crm` (so `git crm` too) resolving to the
//!   binary under test.
//! - the lines after it, up to the next `$ ` line or the end of the block, are what it prints,
//!   stdout and stderr together, in the order printed. Trailing spaces and trailing empty lines
//!   do not count.
//! - the command must exit 0, unless the first line after it is `? N`: then it must exit `N`.
//! - `[..]` in an expected line matches any text within that line. It is for output that no
//!   seed can fix (age encrypts with fresh randomness, so a commit holding a sealed value has
//!   a new id on every run); nowhere else.
//!
//! Blocks in other fences (```` ```sh ````: installing, a real IMAP server) are not run.
//!
//! Every block runs in ONE sandbox, as one session at a terminal: it starts in a folder shown
//! as `/tmp/tour` (the real temporary path is written `/tmp/tour` in both directions: in
//! commands and in what they print), holding `git-crm/examples/` (a copy of this repository's
//! `examples/`); `cd` carries over from command to command and from block to block. The
//! session is reproducible: a home of its own (`HOME`, shown as `/home/you`), git identity
//! Alice Martin <alice@agency.example>, no terminal (stdin empty, output to a file), 100
//! columns, the C locale, no `XDG_CONFIG_HOME` (so `HOME=DIR git crm ...` is another person's
//! machine, with their age identity); the clock (`GITCRM_NOW`, and git's author and committer dates)
//! starts on Monday 2026-11-23 09:00 UTC and moves one minute per command, and every command
//! has its own `GITCRM_SEED`, a hash of its text (so the ids a command writes, which later
//! commands may name, do not change when a command is added before it).
//!
//! `UPDATE_README=1 cargo test --test cli readme` writes what the commands print into
//! README.md (keeping `[..]` lines that still match); without it, any difference fails with a
//! diff naming the README line of the command.
//!
//! The second test runs each command that `git crm demo` prints in its tour, on a demo store
//! built the same way, and requires each to succeed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::support::REMOVED_ENV;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
/// How the sandbox folder and the home folder are written in the README.
const SHOWN_ROOT: &str = "/tmp/tour";
const SHOWN_HOME: &str = "/home/you";
/// 2026-11-23T09:00:00Z, a Monday: the clock of the first command.
const START_UNIX: i64 = 1_795_424_400;
const START_DAY: &str = "2026-11-23";
const START_HOUR: i64 = 9;
/// A command that takes longer than this is killed and reported (a prompt waiting for a
/// terminal, say), so the test never hangs.
const TIMEOUT: Duration = Duration::from_secs(120);

/// One `$ ` command of the README, with where its expected output sits.
struct Example {
    /// The line (0-based) of the `$ `.
    line: usize,
    /// The command as `sh` reads it (continuation lines included).
    command: String,
    /// The first line after the command's text: the `? N` line or the output.
    after: usize,
    /// One past the last line of its expected output.
    end: usize,
    /// The exit status required.
    status: i32,
    /// The lines it must print.
    expected: Vec<String>,
}

/// Finds every command of every ```` ```console ```` block, in order.
fn examples(lines: &[&str]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let fence = lines[i].trim_end();
        if !fence.starts_with("```") {
            i += 1;
            continue;
        }
        let console = fence == "```console";
        i += 1;
        let start = i;
        while i < lines.len() && lines[i].trim_end() != "```" {
            i += 1;
        }
        if console {
            parse_block(lines, start, i, &mut out);
        }
        i += 1;
    }
    out
}

fn parse_block(lines: &[&str], start: usize, end: usize, out: &mut Vec<Example>) {
    let mut i = start;
    while i < end {
        let Some(first) = lines[i].strip_prefix("$ ") else {
            panic!(
                "README.md:{}: a console block must start with a `$ ` command, found {:?}",
                i + 1,
                lines[i]
            );
        };
        let line = i;
        let mut command = first.to_string();
        while command.ends_with('\\') && i + 1 < end {
            i += 1;
            command.push('\n');
            command.push_str(lines[i]);
        }
        i += 1;
        let after = i;
        let mut status = 0;
        if let Some(code) = lines
            .get(i)
            .filter(|_| i < end)
            .and_then(|l| l.strip_prefix("? "))
        {
            status = code.trim().parse().unwrap_or_else(|_| {
                panic!("README.md:{}: `? N` needs a number, found {code:?}", i + 1)
            });
            i += 1;
        }
        let output_start = i;
        while i < end && !lines[i].starts_with("$ ") {
            i += 1;
        }
        out.push(Example {
            line,
            command,
            after,
            end: i,
            status,
            expected: normalized(&lines[output_start..i].join("\n")),
        });
    }
}

/// The lines of an output without trailing spaces and trailing empty lines.
fn normalized(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Whether `actual` is `expected`, reading `[..]` as any text within the line.
fn line_matches(expected: &str, actual: &str) -> bool {
    if !expected.contains("[..]") {
        return expected == actual;
    }
    let parts: Vec<&str> = expected.split("[..]").collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first) || actual.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &actual[first.len()..];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

fn output_matches(expected: &[String], actual: &[String]) -> bool {
    expected.len() == actual.len() && expected.iter().zip(actual).all(|(e, a)| line_matches(e, a))
}

/// A line diff (longest common subsequence): `-` the README, `+` the command.
fn diff(expected: &[String], actual: &[String]) -> String {
    let (n, m) = (expected.len(), actual.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if line_matches(&expected[i], &actual[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && line_matches(&expected[i], &actual[j]) {
            let _ = writeln!(out, "   {}", actual[j]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            let _ = writeln!(out, "  -{}", expected[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "  +{}", actual[j]);
            j += 1;
        }
    }
    out
}

/// The sandbox: one shell session at a fixed clock, in a temporary folder.
struct Session {
    /// Deleted with the session, unless `README_SANDBOX_KEEP=<link>` asks to keep it (the
    /// link then points to it, to look around after a run).
    _tmp: Option<TempDir>,
    /// The folder shown as `/tmp/tour`.
    root: PathBuf,
    home: PathBuf,
    cwd: PathBuf,
    path_var: std::ffi::OsString,
    /// How many commands ran: the clock of the next one.
    count: i64,
    /// How many times each command text ran: its seed.
    seen: std::collections::HashMap<String, u64>,
}

impl Session {
    fn new() -> Self {
        let tmp = tempfile::Builder::new()
            .prefix("git-crm-readme-")
            .tempdir()
            .expect("temporary folder");
        let base = tmp.path().canonicalize().unwrap();
        let root = base.join("tour");
        let home = base.join("home");
        let bin = base.join("bin");
        for dir in [&root, &home.join(".config"), &bin] {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = Alice Martin\n\temail = alice@agency.example\n\
             [init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n",
        )
        .unwrap();
        copy_dir(Path::new(EXAMPLES), &root.join("git-crm/examples"));
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_git-crm"), bin.join("git-crm")).unwrap();
        let path_var = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .unwrap();
        if let Some(keep) = std::env::var_os("README_SANDBOX_KEEP") {
            let _ = std::fs::remove_file(&keep);
            std::os::unix::fs::symlink(&base, keep).unwrap();
            std::mem::forget(tmp);
            return Session::with(None, root, home, path_var);
        }
        Session::with(Some(tmp), root, home, path_var)
    }

    fn with(
        tmp: Option<TempDir>,
        root: PathBuf,
        home: PathBuf,
        path_var: std::ffi::OsString,
    ) -> Self {
        Session {
            _tmp: tmp,
            cwd: root.clone(),
            root,
            home,
            path_var,
            count: 0,
            seen: Default::default(),
        }
    }

    /// Writes the real sandbox paths the way the README shows them.
    fn shown(&self, text: &str) -> String {
        text.replace(self.root.to_str().unwrap(), SHOWN_ROOT)
            .replace(self.home.to_str().unwrap(), SHOWN_HOME)
    }

    /// Runs one command as the README writes it; returns its exit status and its output, as
    /// the README would show it.
    fn run(&mut self, command: &str) -> (i32, Vec<String>) {
        let n = self.count;
        self.count += 1;
        let minutes = START_HOUR * 60 + n;
        assert!(minutes < 24 * 60, "the README's clock ran past midnight");
        let now = format!("{START_DAY}T{:02}:{:02}:00Z", minutes / 60, minutes % 60);
        let git_date = format!("@{} +0000", START_UNIX + n * 60);
        let seed = {
            let times = self.seen.entry(command.to_string()).or_default();
            *times += 1;
            seed_of(command, *times)
        };
        let command = command
            .replace(SHOWN_ROOT, self.root.to_str().unwrap())
            .replace(SHOWN_HOME, self.home.to_str().unwrap());
        let state = self.home.join(".readme-cwd");
        let output_file = self.home.join(".readme-output");
        let script = format!(
            "readme_cwd_file=$1\ntrap 'pwd >\"$readme_cwd_file\"' EXIT\nexec 2>&1\n{command}\n"
        );
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c").arg(script).arg("sh").arg(&state);
        for key in REMOVED_ENV
            .iter()
            .chain(&[
                "NO_COLOR",
                "CLICOLOR",
                "CLICOLOR_FORCE",
                "PAGER",
                "GIT_PAGER",
            ])
            .chain(&["XDG_CONFIG_HOME", "GITCRM_IDENTITY"])
        {
            cmd.env_remove(key);
        }
        cmd.current_dir(&self.cwd)
            .env("PATH", &self.path_var)
            .env("HOME", &self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home.join(".gitconfig"))
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GITCRM_NOW", &now)
            .env("GITCRM_SEED", seed.to_string())
            .env("GIT_AUTHOR_DATE", &git_date)
            .env("GIT_COMMITTER_DATE", &git_date)
            .env("COLUMNS", "100")
            .env("TERM", "dumb")
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&output_file).unwrap())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let mut child = cmd.spawn().expect("sh runs");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status.code().unwrap_or(-1);
            }
            if started.elapsed() > TIMEOUT {
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", &format!("-{}", child.id())])
                    .status();
                let _ = child.wait();
                break -1;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        if let Ok(cwd) = std::fs::read_to_string(&state) {
            self.cwd = PathBuf::from(cwd.trim_end_matches('\n'));
        }
        let output = std::fs::read(&output_file).unwrap();
        (
            status,
            normalized(&self.shown(&String::from_utf8_lossy(&output))),
        )
    }
}

/// The seed of the `times`-th run of `command` (FNV-1a of both): a command keeps its ids
/// when commands are added before it, so the ids that later commands of the README name
/// (`git crm task done c725`) stay valid.
fn seed_of(command: &str, times: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in command.bytes().chain(times.to_le_bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash >> 1
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The README's lines for one command's result: `? N` when it fails, then its output, keeping
/// an expected line with `[..]` where it still matches.
fn rewritten(example: &Example, status: i32, actual: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if status != 0 {
        out.push(format!("? {status}"));
    }
    let keep = example.expected.len() == actual.len();
    for (i, line) in actual.iter().enumerate() {
        match example.expected.get(i) {
            Some(e) if keep && line_matches(e, line) => out.push(e.clone()),
            _ => out.push(line.clone()),
        }
    }
    out
}

#[test]
fn readme_console_blocks_print_what_the_readme_shows() {
    let text = std::fs::read_to_string(README).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let examples = examples(&lines);
    assert!(!examples.is_empty(), "README.md has no console block");
    let update = std::env::var_os("UPDATE_README").is_some_and(|v| !v.is_empty() && v != "0");
    let mut session = Session::new();
    let mut failures = String::new();
    let mut replacements = Vec::new();
    for example in &examples {
        let (status, actual) = session.run(&example.command);
        for line in &actual {
            assert!(
                !line.starts_with("$ ") && !line.starts_with("```") && !line.starts_with("? "),
                "README.md:{}: `{}` prints a line the README cannot hold: {line:?}",
                example.line + 1,
                example.command
            );
        }
        if status == example.status && output_matches(&example.expected, &actual) {
            continue;
        }
        let _ = writeln!(
            failures,
            "README.md:{}: $ {}",
            example.line + 1,
            example.command
        );
        if status != example.status {
            let _ = writeln!(
                failures,
                "  exit status {status}, the README says {} (a `? N` line after the command)",
                example.status
            );
        }
        failures.push_str(&diff(&example.expected, &actual));
        failures.push('\n');
        replacements.push((example, rewritten(example, status, &actual)));
    }
    if failures.is_empty() {
        return;
    }
    if update {
        let mut new: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for (example, lines) in replacements.iter().rev() {
            new.splice(example.after..example.end, lines.iter().cloned());
        }
        let mut out = new.join("\n");
        out.push('\n');
        std::fs::write(README, out).unwrap();
        eprintln!(
            "updated the output of {} commands in README.md:\n{failures}",
            replacements.len()
        );
        return;
    }
    panic!(
        "README.md shows something else than the commands print (- README, + printed):\n\n\
         {failures}Refresh it with `UPDATE_README=1 cargo test --test cli readme`, then read the diff."
    );
}

#[test]
fn every_command_of_the_demo_tour_works() {
    let mut session = Session::new();
    let (status, printed) = session.run("git crm demo");
    assert_eq!(status, 0, "git crm demo: {printed:?}");
    let start = printed
        .iter()
        .position(|l| l == "Take the tour:")
        .expect("the demo prints a tour");
    // The comments line up just after the longest commented command, wherever the store is
    // (the `cd` line, as long as the folder's path, has no comment).
    let commented: Vec<&String> = printed[start + 1..]
        .iter()
        .filter(|l| l.contains("  # "))
        .collect();
    let longest = commented
        .iter()
        .map(|l| l.split("  # ").next().unwrap().trim_end().len())
        .max()
        .unwrap();
    for line in &commented {
        assert_eq!(
            line.find("  # "),
            Some(longest),
            "comments out of line: {printed:#?}"
        );
    }
    let commands: Vec<String> = printed[start + 1..]
        .iter()
        .map(|l| {
            let command = l.split("  # ").next().unwrap_or(l);
            command.trim().to_string()
        })
        .filter(|c| !c.is_empty())
        .collect();
    assert!(commands.len() >= 5, "too short a tour: {commands:?}");
    assert!(
        commands[0].starts_with("cd "),
        "the tour starts in the store: {commands:?}"
    );
    for command in &commands {
        let (status, output) = session.run(command);
        assert_eq!(
            status,
            0,
            "`{command}` from the demo's tour failed:\n{}",
            output.join("\n")
        );
        if !command.starts_with("cd ") {
            assert!(!output.is_empty(), "`{command}` printed nothing");
        }
    }
}

#[test]
fn a_readme_output_that_drifts_is_reported_with_its_line() {
    let lines = [
        "text",
        "```console",
        "$ echo one \\",
        "  two",
        "one two",
        "$ false",
        "? 1",
        "```",
        "```sh",
        "$ not run",
        "```",
    ];
    let found = examples(&lines);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].command, "echo one \\\n  two");
    assert_eq!(found[0].expected, ["one two"]);
    assert_eq!((found[1].status, found[1].after, found[1].end), (1, 6, 7));
    let mut session = Session::new();
    assert_eq!(
        session.run(&found[0].command),
        (0, vec!["one two".to_string()])
    );
    assert_eq!(session.run("false").0, 1);
    let drifted = vec!["one three".to_string()];
    assert!(!output_matches(&found[0].expected, &drifted));
    assert_eq!(
        diff(&found[0].expected, &drifted),
        "  -one two\n  +one three\n"
    );
    assert!(line_matches("in commit [..]", "in commit 0a1b2c3d4e"));
    assert!(!line_matches("in commit [..] x", "in commit 0a1b2c3d4e"));
    session.run("mkdir sub && cd sub");
    assert_eq!(session.run("pwd").1, vec![format!("{SHOWN_ROOT}/sub")]);
}
