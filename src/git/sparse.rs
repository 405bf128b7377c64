//! A clone's sparse checkout (`git sparse-checkout`, `git clone --sparse`): which paths it
//! checks out, and which tracked files it leaves out of the work tree. A person who serves a few
//! customers of a big agency works in such a clone (usually blobless, `--filter=blob:none`, so
//! the files left out are not even on the machine); git-crm must neither take the customers it
//! cannot see for deleted nor write where git would not.

use std::collections::BTreeSet;
use std::path::Path;

use gix::bstr::ByteSlice;

use crate::error::Result;

/// What a sparse checkout includes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SparseCheckout {
    /// In cone mode, the folders checked out with everything below them (what `git
    /// sparse-checkout list` prints); `None` for the older pattern mode, where only the index
    /// tells what is left out.
    cone: Option<Vec<String>>,
    /// The folders (first two levels, such as `customers/acme`) and root files that hold
    /// files the index marks as left out of the work tree (skip-worktree).
    skipped: BTreeSet<String>,
}

impl SparseCheckout {
    /// The sparse checkout of the clone at `repo_root`, or `None` when it checks out
    /// everything (`core.sparseCheckout` off, or no file left out).
    pub fn read(repo_root: &Path) -> Result<Option<SparseCheckout>> {
        let repo = super::config::settings(repo_root)?;
        let config = repo.config_snapshot();
        if !config.boolean("core.sparseCheckout").unwrap_or(false) {
            return Ok(None);
        }
        let cone = if config.boolean("core.sparseCheckoutCone").unwrap_or(true) {
            let file = repo.git_dir().join("info").join("sparse-checkout");
            std::fs::read_to_string(&file)
                .ok()
                .map(|t| cone_folders(&t))
        } else {
            None
        };
        let mut skipped = BTreeSet::new();
        if super::index::has_index(&repo)? {
            let index = super::index::read_unverified(&repo)?;
            for entry in index.entries() {
                if entry
                    .flags
                    .contains(gix::index::entry::Flags::SKIP_WORKTREE)
                {
                    let path = entry.path(&index).to_str_lossy();
                    let top: Vec<&str> = path.splitn(3, '/').take(2).collect();
                    skipped.insert(top.join("/"));
                }
            }
        }
        Ok(Some(SparseCheckout { cone, skipped }))
    }

    /// Whether the work-tree file `path` (repository-relative) is inside the checkout, so git
    /// would check it out and `git add` it: in cone mode, files at the root, files directly in a
    /// folder that leads to a cone folder, and everything below a cone folder.
    pub fn contains(&self, path: &str) -> bool {
        if self.skipped.iter().any(|s| is_under(path, s)) {
            return false;
        }
        let Some(cone) = &self.cone else {
            return true;
        };
        let parent = path.rsplit_once('/').map_or("", |(dir, _)| dir);
        parent.is_empty()
            || cone
                .iter()
                .any(|dir| is_under(path, dir) || is_under(dir, parent))
    }

    /// The folders under `dir` (such as `customers`) that hold files left out of the work
    /// tree, by name, sorted.
    pub fn left_out(&self, dir: &str) -> Vec<String> {
        self.skipped
            .iter()
            .filter_map(|s| s.strip_prefix(dir)?.strip_prefix('/'))
            .map(str::to_string)
            .collect()
    }
}

/// Whether `path` is `dir` or below it.
fn is_under(path: &str, dir: &str) -> bool {
    path == dir
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The recursive folders of a cone-mode `info/sparse-checkout` file: each `/<dir>/` line not
/// negated by a `!/<dir>/*/` line (which makes it a parent, checked out without its folders).
fn cone_folders(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let parents: BTreeSet<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("!/")?.strip_suffix("/*/"))
        .collect();
    lines
        .iter()
        .filter_map(|l| l.strip_prefix('/')?.strip_suffix('/'))
        .filter(|dir| !dir.is_empty() && !dir.contains('*') && !parents.contains(dir))
        .map(|dir| dir.replace('\\', ""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `git sparse-checkout set .gitcrm customers/acme` writes.
    const CONE: &str = "/*\n!/*/\n/.gitcrm/\n/customers/\n!/customers/*/\n/customers/acme/\n";

    #[test]
    fn cone_mode_includes_root_files_parents_and_cone_folders() {
        let sparse = SparseCheckout {
            cone: Some(cone_folders(CONE)),
            skipped: ["customers/globex".to_string()].into(),
        };
        assert_eq!(
            sparse.cone.as_deref().unwrap(),
            [".gitcrm", "customers/acme"]
        );
        for inside in [
            ".gitattributes",
            ".gitcrm/config.yaml",
            "customers/acme/customer.yaml",
            "customers/acme/interactions/x.yaml",
            "customers/README",
        ] {
            assert!(sparse.contains(inside), "{inside}");
        }
        for outside in [
            "customers/globex/customer.yaml",
            "customers/new-one/customer.yaml",
            "customers/acme-two/customer.yaml",
            "other/file",
        ] {
            assert!(!sparse.contains(outside), "{outside}");
        }
        assert_eq!(sparse.left_out("customers"), ["globex"]);
    }

    /// In pattern mode only the index tells what is left out.
    #[test]
    fn pattern_mode_trusts_the_index() {
        let sparse = SparseCheckout {
            cone: None,
            skipped: ["customers/globex".to_string()].into(),
        };
        assert!(sparse.contains("customers/new-one/customer.yaml"));
        assert!(!sparse.contains("customers/globex/notes/x.yaml"));
    }
}
