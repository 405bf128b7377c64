//! Asking git's file-system monitor hook what changed, so a scan can skip what did not.
//!
//! When `core.fsmonitor` names a hook (a Watchman integration such as git's
//! `fsmonitor-watchman` sample, or any program speaking the protocol), git runs it as
//! `<hook> 2 <token>` and reads, on its standard output, a new token, a NUL, then the
//! NUL-separated paths (relative to the work tree's root; a directory may end in `/`) that
//! changed since `token`. A path of `/` means "assume everything changed". This module runs the
//! hook the same way (through `sh`, in the work tree's root, as git's `use_shell` does) and
//! hands back the answer; the caller decides what to trust.
//!
//! Anything unusual is "no answer", never a guess: `core.fsmonitor` unset, or a boolean (git's
//! builtin daemon, whose IPC git-crm does not speak), a hook that fails, prints no token, takes
//! longer than [`HOOK_TIMEOUT`] or prints more than [`MAX_OUTPUT`] bytes. The caller then stats
//! everything, as it does without a monitor.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The token to ask with when none is known: the hook does not recognise it, so it answers
/// with a fresh token and `/` (git sends a token of this shape for the same reason).
pub const NO_TOKEN: &str = "builtin:git-crm-no-token";
/// Longer than this and the hook is abandoned (killed): a scan without it is slower, not wrong.
pub const HOOK_TIMEOUT: Duration = Duration::from_secs(30);
/// An answer longer than this is not read: stat-ing everything costs less than such a list.
pub const MAX_OUTPUT: usize = 64 << 20;
/// A token longer than this is not kept (Watchman's are a few dozen bytes).
pub const MAX_TOKEN: usize = 4096;

/// What the hook said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The token to ask with next time (it stands for the moment the hook answered).
    pub token: String,
    /// What changed since the token asked with; `None` when the hook said everything (`/`).
    pub changed: Option<Vec<String>>,
}

/// The hook `core.fsmonitor` names in the repository at `repo_root`, or `None` when it is
/// unset, empty or a boolean.
pub fn hook(repo_root: &Path) -> Option<String> {
    let repo = super::config::settings(repo_root).ok()?;
    let config = repo.config_snapshot();
    // What git reads as a boolean switches its own daemon on or off: not a hook.
    if config.boolean("core.fsmonitor").is_some() {
        return None;
    }
    let value = config.string("core.fsmonitor")?.to_string();
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Runs `hook` with protocol version 2 and `token`; `None` on any failure.
pub fn query(repo_root: &Path, hook: &str, token: &str) -> Option<Answer> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("{hook} \"$@\""))
        .arg(hook)
        .arg("2")
        .arg(token)
        .current_dir(repo_root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        // Its own process group, so that a hook that hangs is stopped with everything it
        // started (a script's `sleep`, a Watchman client), not only the shell.
        .process_group(0)
        .spawn()
        .ok()?;
    let stdout = child.stdout.take()?;
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let read = stdout
            .take(MAX_OUTPUT as u64 + 1)
            .read_to_end(&mut out)
            .is_ok();
        (read && out.len() <= MAX_OUTPUT).then_some(out)
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < HOOK_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(2));
            }
            _ => {
                if let Some(group) = rustix::process::Pid::from_raw(child.id() as i32) {
                    let _ =
                        rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
                }
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let status = status?;
    let out = reader.join().ok()??;
    if !status.success() {
        return None;
    }
    parse(&out)
}

/// Reads a protocol-2 answer: the token, a NUL, NUL-separated paths.
pub fn parse(out: &[u8]) -> Option<Answer> {
    let mut parts = out.split(|&b| b == 0);
    let token = std::str::from_utf8(parts.next()?).ok()?;
    if token.is_empty() || token.len() > MAX_TOKEN || out.len() == token.len() {
        // No NUL after the token: not protocol 2 (version 1 hooks print paths only).
        return None;
    }
    let mut changed = Vec::new();
    for part in parts.filter(|p| !p.is_empty()) {
        // A path that is not UTF-8 cannot be a record's: the folder holding it is named.
        let path = String::from_utf8_lossy(part).into_owned();
        if path == "/" {
            return Some(Answer {
                token: token.to_string(),
                changed: None,
            });
        }
        changed.push(path);
    }
    Some(Answer {
        token: token.to_string(),
        changed: Some(changed),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_token_and_paths() {
        let answer = parse(b"tok-2\0customers/acme/a.yaml\0customers/beta/\0").unwrap();
        assert_eq!(answer.token, "tok-2");
        assert_eq!(
            answer.changed.unwrap(),
            vec!["customers/acme/a.yaml", "customers/beta/"]
        );
    }

    #[test]
    fn a_slash_means_everything() {
        let answer = parse(b"tok\0customers/a\0/\0").unwrap();
        assert_eq!(answer.changed, None);
    }

    #[test]
    fn refuses_what_is_not_protocol_two() {
        assert_eq!(parse(b""), None);
        assert_eq!(parse(b"customers/acme/a.yaml"), None);
        assert_eq!(parse(b"\0customers/a"), None);
        assert_eq!(parse(b"\xff\xfe\0a"), None);
    }

    #[test]
    fn a_token_alone_means_nothing_changed() {
        let answer = parse(b"tok\0").unwrap();
        assert_eq!(answer.changed, Some(Vec::new()));
    }

    #[test]
    fn a_boolean_is_git_s_daemon_not_a_hook() {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| {
            let status = Command::new("git")
                .args(args)
                .current_dir(dir.path())
                .status()
                .unwrap();
            assert!(status.success());
        };
        git(&["init", "-q"]);
        assert_eq!(hook(dir.path()), None);
        for boolean in ["true", "false", "yes", "0"] {
            git(&["config", "core.fsmonitor", boolean]);
            assert_eq!(hook(dir.path()), None, "{boolean}");
        }
        git(&["config", "core.fsmonitor", ".git/hooks/query-watchman"]);
        assert_eq!(
            hook(dir.path()).as_deref(),
            Some(".git/hooks/query-watchman")
        );
    }

    #[test]
    fn runs_a_hook_and_abandons_a_failing_one() {
        let dir = tempfile::tempdir().unwrap();
        let hook = dir.path().join("hook.sh");
        std::fs::write(
            &hook,
            "#!/bin/sh\n[ \"$1\" = 2 ] || exit 1\nprintf 'next-%s\\0customers/a/x.yaml\\0' \"$2\"\n",
        )
        .unwrap();
        let quoted = format!("'{}'", hook.display());
        let answer = query(dir.path(), &format!("sh {quoted}"), "t1").unwrap();
        assert_eq!(answer.token, "next-t1");
        assert_eq!(answer.changed.unwrap(), vec!["customers/a/x.yaml"]);
        assert_eq!(query(dir.path(), "false", "t1"), None);
        assert_eq!(query(dir.path(), "true", "t1"), None);
    }
}
