//! The git hook `git crm setup --hooks` installs: after a merge or a pull, git runs
//! `post-merge`, which runs the store's event rules on what came in. Hooks live in each clone
//! (git never copies them), so this is per clone, like the merge driver.

use std::path::{Path, PathBuf};

use crate::error::{Error, IoContext, Result};
use crate::git;
use crate::store::{Store, atomic};

/// The hook git runs after `git merge` and `git pull`.
pub const HOOK: &str = "post-merge";

/// The line that marks a hook as git-crm's (so it can be updated, and someone else's is never
/// overwritten).
const MARKER: &str = "# git-crm rules hook";

/// What installing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    Created(PathBuf),
    Updated(PathBuf),
    Unchanged(PathBuf),
}

/// The hook's script for `store`.
pub fn script(store: &Store) -> String {
    let rel = store
        .root()
        .strip_prefix(store.repo_root())
        .unwrap_or(Path::new(""));
    let store_flag = if rel.as_os_str().is_empty() {
        String::new()
    } else {
        format!(
            " --store '{}'",
            rel.to_string_lossy().replace('\'', "'\\''")
        )
    };
    format!(
        "#!/bin/sh\n{MARKER} (installed by `git crm setup --hooks`; delete this file to stop it).\n\
         # After a merge or a pull, the store's event rules run on what came in, and what they do is\n\
         # committed: push it with the rest. A failure never undoes the merge.\n\
         git crm{store_flag} rules run --only events --quiet || \\\n  \
         echo \"git-crm: the rules did not run; run \\`git crm rules run\\` to see why\" >&2\n\
         exit 0\n"
    )
}

/// Installs (or updates) the hook in this clone. A `post-merge` hook that is not git-crm's is
/// left alone: the error says what to add to it.
pub fn install(store: &Store) -> Result<Installed> {
    let output = git::git_command(store.repo_root())
        .args(["rev-parse", "--git-path", &format!("hooks/{HOOK}")])
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        return Err(Error::Git(format!(
            "git rev-parse --git-path failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    let rel = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let path = store.repo_root().join(rel);
    let wanted = script(store);
    let existing = match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(Error::invalid(format!(
                "{} is a symbolic link; git-crm leaves it alone",
                path.display()
            )));
        }
        Ok(_) => Some(std::fs::read_to_string(&path).at(&path)?),
        Err(_) => None,
    };
    let outcome = match &existing {
        Some(text) if *text == wanted => return Ok(Installed::Unchanged(path)),
        Some(text) if !text.contains(MARKER) => {
            return Err(Error::invalid_hint(
                format!("{} exists and is not git-crm's", path.display()),
                "add the line `git crm rules run --only events --quiet` to it yourself",
            ));
        }
        Some(_) => Installed::Updated(path.clone()),
        None => Installed::Created(path.clone()),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).at(dir)?;
    }
    atomic::write(&path, wanted.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).at(&path)?;
    }
    Ok(outcome)
}
