//! The `unmerged` check: every path a merge left unmerged in the index, of every kind, named
//! with what git left to decide (a conflict inside a record is also shown by
//! `conflict-markers`, at its lines).

use super::{Ctx, Problem};

/// Reports the unmerged paths: `known` when the caller has them (read with the index for
/// another purpose), else read from git's index.
pub(super) fn run(ctx: &mut Ctx, known: Option<&[crate::git::Unmerged]>) {
    if !ctx.clone_checked {
        return;
    }
    let read = match known {
        Some(paths) => Ok(std::borrow::Cow::Borrowed(paths)),
        None => crate::git::unmerged_paths(ctx.store.repo_root()).map(std::borrow::Cow::Owned),
    };
    let paths = match read {
        Ok(paths) => paths,
        Err(e) => {
            ctx.push(
                Problem::error("unmerged", format!("cannot read the index: {e}")),
                ".git/index",
                None,
                None,
            );
            return;
        }
    };
    let prefix = ctx.store.git_path("");
    let prefix = prefix.trim_end_matches('/');
    for unmerged in paths.iter() {
        let path = if prefix.is_empty() {
            unmerged.path.clone()
        } else {
            match unmerged.path.strip_prefix(&format!("{prefix}/")) {
                Some(rest) => rest.to_string(),
                None => continue,
            }
        };
        ctx.push(
            Problem::error("unmerged", format!("unmerged: {}", unmerged.describe())).hint(
                "resolve it (`git status` shows how: keep a side, or edit the file), `git add` it, then commit the merge",
            ),
            &path,
            None,
            None,
        );
    }
}
