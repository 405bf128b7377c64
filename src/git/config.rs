//! Per-clone git configuration and the user's identity, through the user's `git` binary where
//! that is what the user expects (init, config, signed commits).

use std::path::Path;
use std::process::{Command, Stdio};

use super::{Signature, git_error};
use crate::error::{Error, Result};

/// A `git` command run in `dir`, isolated from a caller's `GIT_DIR`.
pub fn git_command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    cmd
}

fn run(cmd: &mut Command, what: &str) -> Result<String> {
    let output = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Git(format!("cannot run git ({what}): {e}; is git installed?")))?;
    if !output.status.success() {
        return Err(Error::Git(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Creates a repository in `dir` (with `main` as its first branch) unless one is there.
pub fn init_repo(dir: &Path) -> Result<()> {
    if dir.join(".git").exists() {
        return Ok(());
    }
    run(
        git_command(dir).args(["init", "-q", "-b", "main"]),
        "git init",
    )
    .map(|_| ())
}

/// Sets `key` to `value` in the clone's own config (`.git/config`).
pub fn set_local_config(repo_root: &Path, key: &str, value: &str) -> Result<()> {
    run(
        git_command(repo_root).args(["config", "--local", key, value]),
        "git config",
    )
    .map(|_| ())
}

/// The repository at `repo_root`, for what reads only its settings and folders (config
/// values, the git folder, the sparse checkout): opened once per thread and handed out again
/// while its config files are unchanged. A whole-store command asks for these half a dozen
/// times before it reads a record, and each `gix::open` reads and parses every config file
/// again (system, global, the clone's own). A change to the clone's `config` (or
/// `config.worktree`), by git-crm or anyone, is seen at the next call: the cached one is kept
/// only while both files have the size, modification time and inode they had when it was
/// opened. A change to the global or system config is seen by the next process (or thread).
pub(super) fn settings(repo_root: &Path) -> Result<gix::Repository> {
    struct Opened {
        root: std::path::PathBuf,
        config: Vec<Option<(u64, i64, i64, u64)>>,
        repo: gix::Repository,
    }
    thread_local! {
        // Per thread: without gix's `parallel` feature a repository is not `Send`.
        static OPENED: std::cell::RefCell<Option<Opened>> = const { std::cell::RefCell::new(None) };
    }
    fn config_files(repo: &gix::Repository) -> Vec<Option<(u64, i64, i64, u64)>> {
        use std::os::unix::fs::MetadataExt;
        let files = [
            repo.common_dir().join("config"),
            repo.git_dir().join("config.worktree"),
        ];
        files
            .iter()
            .map(|f| {
                let m = std::fs::symlink_metadata(f).ok()?;
                Some((m.len(), m.mtime(), m.mtime_nsec(), m.ino()))
            })
            .collect()
    }
    OPENED.with(|opened| {
        let mut opened = opened.borrow_mut();
        if let Some(o) = opened.as_ref()
            && o.root == repo_root
            && o.config == config_files(&o.repo)
        {
            return Ok(o.repo.clone());
        }
        let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
        *opened = Some(Opened {
            root: repo_root.to_path_buf(),
            config: config_files(&repo),
            repo: repo.clone(),
        });
        Ok(repo)
    })
}

/// Reads `key` from the clone's effective config.
pub fn local_config(repo_root: &Path, key: &str) -> Option<String> {
    let repo = settings(repo_root).ok()?;
    repo.config_snapshot().string(key).map(|v| v.to_string())
}

/// The user's name and email from git config (or `GIT_AUTHOR_*`/`GIT_COMMITTER_*`).
pub fn user_identity(repo_root: &Path) -> Option<(String, String)> {
    let repo = gix::open(repo_root).ok()?;
    if let Some(Ok(sig)) = repo.author().or_else(|| repo.committer())
        && !sig.email.is_empty()
    {
        return Some((sig.name.to_string(), sig.email.to_string()));
    }
    // An email without a name is enough to tell who is acting.
    let config = repo.config_snapshot();
    let email = config.string("user.email")?.to_string();
    let name = config
        .string("user.name")
        .map(|n| n.to_string())
        .unwrap_or_default();
    (!email.is_empty()).then_some((name, email))
}

/// Commits through `git commit`, for clones that sign commits (gix does not sign).
pub(super) fn commit_with_git(
    repo_root: &Path,
    paths: &[&str],
    message: &str,
    author: &Signature,
) -> Result<String> {
    run(
        git_command(repo_root).args(["add", "-A", "--"]).args(paths),
        "git add",
    )?;
    let date = author.time.to_rfc3339();
    let mut cmd = git_command(repo_root);
    cmd.args(["commit", "-q", "-m", message, "--author"])
        .arg(format!("{} <{}>", author.name, author.email))
        .args(["--date", &date, "--"])
        .args(paths);
    run(&mut cmd, "git commit")?;
    run(
        git_command(repo_root).args(["rev-parse", "HEAD"]),
        "git rev-parse",
    )
    .map_err(|e| git_error("commit", e))
}

/// The commit HEAD points at, if any.
pub fn head_commit(repo_root: &Path) -> Option<String> {
    let repo = gix::open(repo_root).ok()?;
    repo.head_id().ok().map(|id| id.to_string())
}

/// Held while a command reads, changes and commits the store, so two commands editing the same
/// file one after the other never lose an update. Released on drop, and by the operating system
/// when the process dies (even by `kill -9`), so a killed command never blocks the next one.
#[derive(Debug)]
pub struct WriteLock {
    _file: std::fs::File,
}

/// How long a command waits for another git-crm process to release the write lock.
const WRITE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Takes the store's write lock (an advisory lock on `<git dir>/gitcrm/write.lock`), waiting up
/// to 30 s for another git-crm process to finish.
pub fn write_lock(repo_root: &Path) -> Result<WriteLock> {
    let path = state_dir(repo_root)?.join("write.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    let deadline = std::time::Instant::now() + WRITE_LOCK_WAIT;
    let mut pause = std::time::Duration::from_millis(10);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(WriteLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(250));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Git(format!(
                    "another git-crm command is still writing this store (waited {} s for {})",
                    WRITE_LOCK_WAIT.as_secs(),
                    path.display()
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
    }
}

/// Takes the write lock only if no other git-crm command holds it.
pub fn try_write_lock(repo_root: &Path) -> Result<Option<WriteLock>> {
    let path = state_dir(repo_root)?.join("write.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(WriteLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
    }
}

/// The folder for per-clone git-crm state (`<git dir>/gitcrm`), created if needed. It lives in
/// the git directory, so it is never committed and works in linked work trees too.
pub fn state_dir(repo_root: &Path) -> Result<std::path::PathBuf> {
    let repo = settings(repo_root)?;
    let dir = repo.git_dir().join("gitcrm");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(dir)
}
