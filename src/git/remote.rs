//! Talking to the remote, and the state of the clone `sync` needs to know about, through the
//! user's `git` binary: ssh config, agents, credential helpers, hooks and signing behave exactly
//! as they do for the user's own `git fetch`/`git merge`/`git push` (gix cannot push, and jj
//! takes the same route). Every function says which git command failed and passes on its
//! stderr.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use super::config::git_command;
use super::git_error;
use crate::error::{Error, Result};

/// The clone's git directory (`.git`, or `.git/worktrees/<name>` in a linked work tree): where
/// per-clone state (`gitcrm/`) and in-progress operations (`MERGE_HEAD`) live.
pub fn git_dir(repo_root: &Path) -> Result<PathBuf> {
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    Ok(repo.git_dir().to_path_buf())
}

/// A git command that failed: which one, its exit status and what it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitFailure {
    pub command: String,
    pub code: Option<i32>,
    pub stderr: String,
}

impl GitFailure {
    /// The failure as a remote error (exit code 4).
    pub fn into_remote(self) -> Error {
        Error::Remote {
            command: self.command,
            stderr: self.stderr,
        }
    }

    /// The failure as a plain git error (exit code 1).
    pub fn into_git(self) -> Error {
        Error::Git(format!("`{}` failed: {}", self.command, self.stderr))
    }
}

/// Runs `git args...` in `repo_root`; stdout on success, the failure otherwise. Standard input
/// is left to the terminal, so a credential helper or ssh can ask for a passphrase.
fn git(repo_root: &Path, args: &[&str]) -> Result<std::result::Result<String, GitFailure>> {
    let output = raw(repo_root, args, Stdio::inherit())?;
    Ok(to_result(args, output))
}

fn raw(repo_root: &Path, args: &[&str], stdin: Stdio) -> Result<Output> {
    git_command(repo_root)
        .args(args)
        .env("GIT_MERGE_AUTOEDIT", "no")
        .stdin(stdin)
        .output()
        .map_err(|e| Error::Git(format!("cannot run git: {e}; is git installed?")))
}

fn to_result(args: &[&str], output: Output) -> std::result::Result<String, GitFailure> {
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout)
            .trim_end()
            .to_string())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        let stdout = String::from_utf8_lossy(&output.stdout).trim().to_string();
        Err(GitFailure {
            command: format!("git {}", args.join(" ")),
            code: output.status.code(),
            stderr: if stderr.is_empty() { stdout } else { stderr },
        })
    }
}

/// A local query that should not fail; a failure is a plain git error.
fn query(repo_root: &Path, args: &[&str]) -> Result<String> {
    let output = raw(repo_root, args, Stdio::null())?;
    to_result(args, output).map_err(GitFailure::into_git)
}

/// Paths under `pathspec` (repo-relative, "" = everything) that differ from HEAD: modified,
/// staged, deleted or untracked files, as `git status --porcelain` lists them.
pub fn uncommitted(repo_root: &Path, pathspec: &str) -> Result<Vec<String>> {
    let spec = if pathspec.is_empty() { "." } else { pathspec };
    let out = query(
        repo_root,
        &[
            "status",
            "--porcelain=v1",
            "--untracked-files=all",
            "--",
            spec,
        ],
    )?;
    Ok(out
        .lines()
        .filter(|l| l.len() > 3)
        .map(|l| l[3..].to_string())
        .collect())
}

/// An operation git left half-done in this clone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InProgress {
    Merge,
    Rebase,
    CherryPick,
    Revert,
    Bisect,
}

impl InProgress {
    /// What people call it.
    pub fn word(self) -> &'static str {
        match self {
            InProgress::Merge => "a merge",
            InProgress::Rebase => "a rebase",
            InProgress::CherryPick => "a cherry-pick",
            InProgress::Revert => "a revert",
            InProgress::Bisect => "a bisect",
        }
    }

    /// How to finish or abandon it.
    pub fn hint(self) -> &'static str {
        match self {
            InProgress::Merge => {
                "resolve the conflicts (`git crm check` lists them), `git add` the files and `git commit`; or `git merge --abort`; then run `git crm sync` again"
            }
            InProgress::Rebase => "finish with `git rebase --continue` or `git rebase --abort`",
            InProgress::CherryPick => {
                "finish with `git cherry-pick --continue` or `git cherry-pick --abort`"
            }
            InProgress::Revert => "finish with `git revert --continue` or `git revert --abort`",
            InProgress::Bisect => "end it with `git bisect reset`",
        }
    }
}

/// The operation in progress in the clone, if any (from the marker files git leaves in its
/// directory).
pub fn in_progress(repo_root: &Path) -> Result<Option<InProgress>> {
    let dir = git_dir(repo_root)?;
    let checks = [
        ("MERGE_HEAD", InProgress::Merge),
        ("rebase-merge", InProgress::Rebase),
        ("rebase-apply", InProgress::Rebase),
        ("CHERRY_PICK_HEAD", InProgress::CherryPick),
        ("REVERT_HEAD", InProgress::Revert),
        ("BISECT_LOG", InProgress::Bisect),
    ];
    Ok(checks
        .into_iter()
        .find(|(name, _)| dir.join(name).exists())
        .map(|(_, state)| state))
}

/// The branch HEAD is on (`main`), or `None` when HEAD is detached.
pub fn current_branch(repo_root: &Path) -> Result<Option<String>> {
    let output = raw(
        repo_root,
        &["symbolic-ref", "--quiet", "--short", "HEAD"],
        Stdio::null(),
    )?;
    Ok(output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .filter(|b| !b.is_empty()))
}

/// Where a branch pulls from and pushes to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Upstream {
    /// The remote's name (`origin`).
    pub remote: String,
    /// The branch on the remote (`refs/heads/main`).
    pub merge_ref: String,
    /// The remote-tracking ref that mirrors it (`refs/remotes/origin/main`).
    pub tracking_ref: String,
    /// The short name people read (`origin/main`).
    pub short: String,
}

/// The upstream of `branch` (`branch.<name>.remote` and `.merge`), or `None` when it has none.
/// An upstream that is a local branch (remote `.`) is reported as having none: there is nothing
/// to fetch or push.
pub fn upstream(repo_root: &Path, branch: &str) -> Result<Option<Upstream>> {
    let config = |key: String| -> Result<Option<String>> {
        let output = raw(repo_root, &["config", "--get", &key], Stdio::null())?;
        Ok(output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string()))
    };
    let (Some(remote), Some(merge_ref)) = (
        config(format!("branch.{branch}.remote"))?,
        config(format!("branch.{branch}.merge"))?,
    ) else {
        return Ok(None);
    };
    if remote == "." || remote.is_empty() {
        return Ok(None);
    }
    let spec = format!("{branch}@{{upstream}}");
    let output = raw(
        repo_root,
        &["rev-parse", "--symbolic-full-name", &spec],
        Stdio::null(),
    )?;
    let tracking_ref = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let tracking_ref = if output.status.success() && !tracking_ref.is_empty() {
        tracking_ref
    } else {
        format!(
            "refs/remotes/{remote}/{}",
            merge_ref.trim_start_matches("refs/heads/")
        )
    };
    let short = tracking_ref
        .strip_prefix("refs/remotes/")
        .unwrap_or(&tracking_ref)
        .to_string();
    Ok(Some(Upstream {
        remote,
        merge_ref,
        tracking_ref,
        short,
    }))
}

/// `git fetch <remote>`: updates the remote-tracking refs, never the work tree. A failure is a
/// remote error (exit 4) naming the command and quoting git.
pub fn fetch(repo_root: &Path, upstream: &Upstream) -> Result<()> {
    git(
        repo_root,
        &[
            "fetch",
            "--quiet",
            "--no-write-fetch-head",
            &upstream.remote,
        ],
    )?
    .map(|_| ())
    .map_err(GitFailure::into_remote)
}

/// Whether `rev` names an existing commit.
pub fn rev_exists(repo_root: &Path, rev: &str) -> Result<bool> {
    let spec = format!("{rev}^{{commit}}");
    Ok(raw(
        repo_root,
        &["rev-parse", "--verify", "--quiet", &spec],
        Stdio::null(),
    )?
    .status
    .success())
}

/// Commits in HEAD not in `other` (outgoing) and in `other` not in HEAD (incoming).
pub fn ahead_behind(repo_root: &Path, other: &str) -> Result<(usize, usize)> {
    let range = format!("HEAD...{other}");
    let out = query(repo_root, &["rev-list", "--left-right", "--count", &range])?;
    let mut parts = out.split_whitespace().map(|n| n.parse::<usize>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(ahead), Some(behind)) => Ok((ahead, behind)),
        _ => Err(Error::Git(format!(
            "cannot read `git rev-list --left-right --count {range}`: {out}"
        ))),
    }
}

/// The number of commits reachable from `rev`.
pub fn commit_count(repo_root: &Path, rev: &str) -> Result<usize> {
    let out = query(repo_root, &["rev-list", "--count", rev])?;
    out.trim()
        .parse()
        .map_err(|_| Error::Git(format!("cannot read `git rev-list --count {rev}`: {out}")))
}

/// The full id of `rev`.
pub fn rev_parse(repo_root: &Path, rev: &str) -> Result<String> {
    let spec = format!("{rev}^{{commit}}");
    query(repo_root, &["rev-parse", "--verify", &spec])
}

/// The paths a trial merge of `other` into HEAD would leave conflicted, computed without
/// touching the work tree (`git merge-tree --write-tree`, which runs the merge drivers). `None`
/// when this git is too old to say.
pub fn predict_conflicts(repo_root: &Path, other: &str) -> Result<Option<Vec<String>>> {
    let output = raw(
        repo_root,
        &[
            "merge-tree",
            "--write-tree",
            "--name-only",
            "--no-messages",
            "HEAD",
            other,
        ],
        Stdio::null(),
    )?;
    match output.status.code() {
        Some(0) => Ok(Some(Vec::new())),
        Some(1) => {
            let text = String::from_utf8_lossy(&output.stdout);
            let mut paths: Vec<String> = text
                .lines()
                .skip(1)
                .take_while(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            paths.dedup();
            Ok(Some(paths))
        }
        _ => Ok(None),
    }
}

/// What `git merge` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeResult {
    /// The merge finished (fast-forward or merge commit).
    Merged,
    /// The merge stopped with these paths conflicted; git's merge state is left for the user.
    Conflicts(Vec<String>),
}

/// `git merge --no-edit -m <message> <other>`: git fast-forwards when it can, else writes a merge
/// commit with `message`; the merge drivers registered for the clone run. Conflicts leave git's
/// usual state (markers in files, `MERGE_HEAD`) for the user to resolve.
pub fn merge(repo_root: &Path, other: &str, message: &str) -> Result<MergeResult> {
    let result = git(
        repo_root,
        &["merge", "--no-edit", "--no-stat", "-m", message, other],
    )?;
    match result {
        Ok(_) => Ok(MergeResult::Merged),
        Err(failure) => {
            let conflicted = conflicted_paths(repo_root)?;
            if in_progress(repo_root)? == Some(InProgress::Merge) || !conflicted.is_empty() {
                Ok(MergeResult::Conflicts(conflicted))
            } else {
                Err(failure.into_git())
            }
        }
    }
}

/// Paths with unresolved conflicts in the index.
pub fn conflicted_paths(repo_root: &Path) -> Result<Vec<String>> {
    let out = query(repo_root, &["diff", "--name-only", "--diff-filter=U", "-z"])?;
    let mut paths: Vec<String> = out
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// `git push <remote> HEAD:<merge ref>`: publishes the branch to its upstream. A rejection or a
/// network failure is a remote error (exit 4).
pub fn push(repo_root: &Path, upstream: &Upstream) -> Result<()> {
    let refspec = format!("HEAD:{}", upstream.merge_ref);
    git(repo_root, &["push", "--quiet", &upstream.remote, &refspec])?
        .map(|_| ())
        .map_err(|mut failure| {
            if failure.stderr.contains("[rejected]") || failure.stderr.contains("non-fast-forward")
            {
                failure.stderr.push_str(
                    "\n(someone pushed to the remote since the fetch: run `git crm sync` again to merge their commits)",
                );
            }
            failure.into_remote()
        })
}
