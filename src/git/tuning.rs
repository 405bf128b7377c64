//! The git settings that keep a large store fast: a store is a work tree of hundreds of
//! thousands of small files and, in time, a history of hundreds of thousands of commits, which
//! is exactly what git's accelerators are for. `init` and `setup` name the ones a clone lacks;
//! `setup --fast-git` turns them on.

use std::path::Path;

use super::git_error;
use crate::error::Result;

/// One of git's accelerators, as git-crm recommends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accelerator {
    /// `core.untrackedCache`: `git status` skips folders whose modification time did not change.
    UntrackedCache,
    /// `feature.manyFiles` with index version 4: a smaller index, faster to read and write.
    ManyFiles,
    /// A commit-graph with changed-path Bloom filters, kept up to date by fetches.
    CommitGraph,
    /// `git maintenance start`: background repacks, commit-graph updates and prefetches.
    Maintenance,
    /// `core.splitIndex`: a commit writes only the changed entries beside a shared index, not
    /// the whole index (hundreds of MB at millions of files). Named only for such stores.
    SplitIndex,
}

/// From this many index entries a split index is worth it: at 2.5 million a commit spends most
/// of its 10 to 16 s writing the whole index, with a split one git-crm's commit takes 0.75 s
/// (docs/scale.md); below, the whole index is written in well under a second.
pub const SPLIT_INDEX_FROM: u32 = 1_000_000;

impl Accelerator {
    /// Every accelerator, in the order they are applied.
    pub const ALL: [Accelerator; 5] = [
        Accelerator::UntrackedCache,
        Accelerator::ManyFiles,
        Accelerator::CommitGraph,
        Accelerator::SplitIndex,
        Accelerator::Maintenance,
    ];

    /// The exact command that turns it on, to run in the store.
    pub fn command(self) -> &'static str {
        match self {
            Accelerator::UntrackedCache => "git config core.untrackedCache true",
            Accelerator::ManyFiles => {
                "git config feature.manyFiles true && git update-index --index-version 4"
            }
            Accelerator::CommitGraph => {
                "git commit-graph write --reachable --changed-paths && git config fetch.writeCommitGraph true"
            }
            Accelerator::Maintenance => "git maintenance start",
            Accelerator::SplitIndex => {
                "git config core.splitIndex true && git update-index --split-index"
            }
        }
    }

    /// What it makes faster, in a few words.
    pub fn benefit(self) -> &'static str {
        match self {
            Accelerator::UntrackedCache => "`git status` skips unchanged folders",
            Accelerator::ManyFiles => "a smaller index, read and written faster",
            Accelerator::CommitGraph => "`git log` and `git crm history` skip unrelated commits",
            Accelerator::Maintenance => {
                "git keeps packs and the commit-graph fresh in the background"
            }
            Accelerator::SplitIndex => "a commit writes only what changed of the index",
        }
    }
}

/// The accelerators the clone at `repo_root` does not use yet, in the order of
/// [`Accelerator::ALL`].
pub fn missing(repo_root: &Path) -> Result<Vec<Accelerator>> {
    missing_with(repo_root, SPLIT_INDEX_FROM)
}

/// [`missing`], a split index named from `split_from` index entries.
fn missing_with(repo_root: &Path, split_from: u32) -> Result<Vec<Accelerator>> {
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    let config = repo.config_snapshot();
    let on = |key: &str| config.boolean(key).unwrap_or(false);
    let many_files = on("feature.manyFiles");
    let format = super::IndexFormat::read(&repo.index_path())?;
    let index_v4 = format.as_ref().is_none_or(|f| f.version == 4);
    let large = format.is_some_and(|f| f.entries >= split_from);
    let has_filters = super::bloom::ChangedPaths::open(repo.objects.store_ref().path()).is_some();
    let maintained = config.string("maintenance.strategy").is_some() || registered(&repo);
    Ok(Accelerator::ALL
        .into_iter()
        .filter(|a| match a {
            Accelerator::UntrackedCache => !(on("core.untrackedCache") || many_files),
            Accelerator::ManyFiles => !(many_files && index_v4),
            Accelerator::CommitGraph => !(has_filters && on("fetch.writeCommitGraph")),
            Accelerator::Maintenance => !maintained,
            Accelerator::SplitIndex => large && !on("core.splitIndex"),
        })
        .collect())
}

/// Whether `git maintenance register` listed this clone (`maintenance.repo` in the user's
/// config holds its work tree's path).
fn registered(repo: &gix::Repository) -> bool {
    let Some(work_dir) = repo.workdir().and_then(|d| d.canonicalize().ok()) else {
        return false;
    };
    repo.config_snapshot()
        .strings("maintenance.repo")
        .unwrap_or_default()
        .iter()
        .any(|value| Path::new(&value.to_string()).canonicalize().ok().as_ref() == Some(&work_dir))
}

/// Turns `accelerator` on in the clone at `repo_root`, with the commands
/// [`Accelerator::command`] names.
pub fn enable(repo_root: &Path, accelerator: Accelerator) -> Result<()> {
    let git = |args: &[&str]| -> Result<()> {
        let output = super::git_command(repo_root)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .map_err(|e| git_error("cannot run git", e))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(crate::error::Error::Git(
                String::from_utf8_lossy(&output.stderr).trim().to_string(),
            ))
        }
    };
    match accelerator {
        Accelerator::UntrackedCache => git(&["config", "core.untrackedCache", "true"]),
        Accelerator::ManyFiles => {
            git(&["config", "feature.manyFiles", "true"])?;
            git(&["update-index", "--index-version", "4"])
        }
        Accelerator::CommitGraph => {
            git(&["commit-graph", "write", "--reachable", "--changed-paths"])?;
            git(&["config", "fetch.writeCommitGraph", "true"])
        }
        Accelerator::Maintenance => git(&["maintenance", "start"]),
        Accelerator::SplitIndex => {
            git(&["config", "core.splitIndex", "true"])?;
            git(&["update-index", "--split-index"])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A split index is named for an index of at least that many entries, and no longer once
    /// `core.splitIndex` is on.
    #[test]
    fn a_split_index_is_named_only_for_a_large_index() {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| {
            let status = std::process::Command::new("git")
                .args(args)
                .current_dir(dir.path())
                .status()
                .unwrap();
            assert!(status.success(), "git {args:?}");
        };
        git(&["init", "-q"]);
        for name in ["a", "b", "c"] {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        git(&["add", "."]);
        let split = |from| {
            missing_with(dir.path(), from)
                .unwrap()
                .contains(&Accelerator::SplitIndex)
        };
        assert!(!split(4));
        assert!(split(3));
        git(&["config", "core.splitIndex", "true"]);
        assert!(!split(3));
        assert!(
            !missing(dir.path())
                .unwrap()
                .contains(&Accelerator::SplitIndex)
        );
    }
}
