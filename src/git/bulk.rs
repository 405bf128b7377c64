//! Bulk history for generated stores: a stream into `git fast-import`, which packs hundreds of
//! thousands of blobs in seconds where loose objects would take minutes. Only `demo` uses it;
//! every everyday command commits through [`super::commit_paths`].

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use super::{Signature, git_command};
use crate::error::{Error, Result};

/// One commit of a bulk import: files (git path and contents) added on top of the previous one.
#[derive(Debug, Clone)]
pub struct BulkCommit {
    pub author: Signature,
    pub message: String,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Appends `commits` to `branch` with `git fast-import`, then rebuilds the index from the new
/// HEAD (files are expected to be in the work tree already) so that `git status` is clean.
pub fn bulk_import(
    repo_root: &Path,
    branch: &str,
    commits: impl IntoIterator<Item = BulkCommit>,
) -> Result<()> {
    let mut child = git_command(repo_root)
        .args(["fast-import", "--quiet", "--done"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| Error::Git(format!("cannot start git fast-import: {e}")))?;
    let parent = super::config::head_commit(repo_root);
    {
        let stdin = child
            .stdin
            .as_mut()
            .ok_or_else(|| Error::Git("fast-import has no stdin".into()))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, stdin);
        let io = |e: std::io::Error| Error::Git(format!("writing to git fast-import: {e}"));
        let mut first = true;
        for commit in commits {
            let when = format!(
                "{} {}",
                commit.author.time.timestamp(),
                commit.author.time.format("%z")
            );
            write!(
                out,
                "commit refs/heads/{branch}\nauthor {} <{}> {when}\ncommitter {} <{}> {when}\n",
                commit.author.name, commit.author.email, commit.author.name, commit.author.email
            )
            .map_err(io)?;
            write!(out, "data {}\n{}\n", commit.message.len(), commit.message).map_err(io)?;
            if first {
                if let Some(parent) = &parent {
                    writeln!(out, "from {parent}").map_err(io)?;
                }
                first = false;
            }
            for (path, data) in &commit.files {
                write!(out, "M 100644 inline {path}\ndata {}\n", data.len()).map_err(io)?;
                out.write_all(data).map_err(io)?;
                out.write_all(b"\n").map_err(io)?;
            }
        }
        out.write_all(b"done\n").map_err(io)?;
        out.flush().map_err(io)?;
    }
    let status = child
        .wait()
        .map_err(|e| Error::Git(format!("git fast-import: {e}")))?;
    if !status.success() {
        return Err(Error::Git("git fast-import failed".into()));
    }
    let output = git_command(repo_root)
        .args(["reset", "-q"])
        .output()
        .map_err(|e| Error::Git(format!("git reset: {e}")))?;
    if !output.status.success() {
        return Err(Error::Git(format!(
            "git reset failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(())
}
