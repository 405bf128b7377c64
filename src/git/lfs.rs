//! Git LFS, through the user's `git lfs`: whether a path is tracked, whether this clone can
//! store such a path, the pointer to commit for a tracked file (`git lfs clean`, the step
//! `git add` would run: gix writes blobs as they are and would put the large file itself into
//! history), and setting a clone up.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use super::{git_command, git_error};
use crate::error::Result;

/// What a clone can do with a path that should hold a large file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LfsState {
    /// The path is not tracked by LFS: it is stored in git itself.
    Untracked,
    /// Tracked, and git-lfs is installed and configured for this clone.
    Ready,
    /// Tracked, but the `git-lfs` program is not installed.
    NotInstalled,
    /// Tracked and installed, but this clone has no LFS filter configured (`git lfs install`).
    NotConfigured,
}

/// Whether the `git lfs` command is available.
pub fn installed() -> bool {
    static FOUND: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FOUND.get_or_init(|| {
        std::process::Command::new("git")
            .args(["lfs", "version"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The `filter` attribute of each git path (`None` when unset), in order.
fn filters(repo_root: &Path, git_paths: &[&str]) -> Result<Vec<Option<String>>> {
    let mut child = git_command(repo_root)
        .args(["check-attr", "-z", "--stdin", "filter"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| git_error("cannot run git check-attr", e))?;
    {
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| git_error("git check-attr", "no stdin"))?;
        for p in git_paths {
            stdin
                .write_all(p.as_bytes())
                .and_then(|_| stdin.write_all(b"\0"))
                .map_err(|e| git_error("git check-attr", e))?;
        }
    }
    let out = child
        .wait_with_output()
        .map_err(|e| git_error("git check-attr", e))?;
    if !out.status.success() {
        return Err(git_error("git check-attr", "failed"));
    }
    // Output: path NUL attribute NUL value NUL, per path.
    let fields: Vec<&[u8]> = out.stdout.split(|b| *b == 0).collect();
    Ok(fields
        .chunks(3)
        .filter(|c| c.len() == 3)
        .map(|c| {
            let value = String::from_utf8_lossy(c[2]).into_owned();
            (!matches!(value.as_str(), "unspecified" | "unset" | "")).then_some(value)
        })
        .collect())
}

/// Whether any attributes file of the repository could set a filter (a cheap test before
/// asking git: most stores have none).
fn may_filter(repo_root: &Path) -> bool {
    let mentions = |p: &Path| {
        std::fs::read_to_string(p)
            .map(|t| t.contains("filter="))
            .unwrap_or(false)
    };
    if mentions(&repo_root.join(".gitattributes"))
        || super::git_dir(repo_root).is_ok_and(|d| mentions(&d.join("info").join("attributes")))
    {
        return true;
    }
    // Attributes files in sub-folders (a store inside a larger repository).
    walkdir::WalkDir::new(repo_root)
        .max_depth(3)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(|e| e.ok())
        .any(|e| e.file_name() == ".gitattributes" && mentions(e.path()))
}

/// What this clone can do with `git_path` (a path that should hold a large file).
pub fn state(repo_root: &Path, git_path: &str) -> Result<LfsState> {
    if !may_filter(repo_root) {
        return Ok(LfsState::Untracked);
    }
    let tracked = filters(repo_root, &[git_path])?
        .first()
        .cloned()
        .flatten()
        .is_some_and(|f| f == "lfs");
    if !tracked {
        return Ok(LfsState::Untracked);
    }
    if !installed() {
        return Ok(LfsState::NotInstalled);
    }
    let configured = super::local_config(repo_root, "filter.lfs.process").is_some()
        || super::local_config(repo_root, "filter.lfs.clean").is_some();
    Ok(if configured {
        LfsState::Ready
    } else {
        LfsState::NotConfigured
    })
}

/// Configures this clone's LFS filters (`git lfs install --local`); which paths LFS tracks is
/// the business of `.gitattributes`, written by the caller like any other store file.
pub fn install_local(repo_root: &Path) -> Result<()> {
    let out = git_command(repo_root)
        .args(["lfs", "install", "--local"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| git_error("cannot run git lfs", e))?;
    if !out.status.success() {
        return Err(git_error(
            "git lfs install --local",
            String::from_utf8_lossy(&out.stderr).trim(),
        ));
    }
    Ok(())
}

/// The pointer git stores for `file` at the LFS-tracked `git_path` (`git lfs clean`, which
/// also puts the content into this clone's LFS object store). A commit written in-process
/// stores this pointer, as `git add` would.
/// The file is passed open (the store opens it without following links).
pub fn clean(repo_root: &Path, git_path: &str, input: std::fs::File) -> Result<Vec<u8>> {
    let out = git_command(repo_root)
        .args(["lfs", "clean", "--", git_path])
        .stdin(input)
        .output()
        .map_err(|e| git_error("cannot run git lfs clean", e))?;
    if !out.status.success() || !is_pointer(&out.stdout) {
        return Err(git_error(
            "git lfs clean",
            String::from_utf8_lossy(&out.stderr).trim(),
        ));
    }
    Ok(out.stdout)
}

/// Whether `head` (the first bytes of a work-tree file) is an LFS pointer rather than the
/// content: the clone has not fetched the object (`git lfs pull`).
pub fn is_pointer(head: &[u8]) -> bool {
    head.starts_with(b"version https://git-lfs.github.com/spec/v1")
}

/// The SHA-256 (hex) of the content an LFS pointer stands for, read from its `oid` line.
pub fn pointer_oid(pointer: &[u8]) -> Option<String> {
    if !is_pointer(pointer) {
        return None;
    }
    std::str::from_utf8(pointer)
        .ok()?
        .lines()
        .find_map(|line| line.strip_prefix("oid sha256:"))
        .map(str::trim)
        .filter(|oid| oid.len() == 64 && oid.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_ascii_lowercase)
}

/// Writes the content `pointer` stands for into `out` (`git lfs smudge`, from this clone's LFS
/// objects or its remote), streaming: what undoing a change does to put back a document that
/// git stores through LFS.
pub fn smudge(
    repo_root: &Path,
    git_path: &str,
    pointer: &[u8],
    out: &mut dyn Write,
) -> Result<u64> {
    let mut command = git_command(repo_root);
    command.args(["lfs", "smudge", "--", git_path]);
    super::stream::run_into(command, Some(pointer), out, "git lfs smudge")
}
