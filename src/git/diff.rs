//! The files that differ between two commits, found by comparing tree ids so that unchanged
//! folders are skipped without being read.

use std::collections::HashMap;

use gix::ObjectId;
use gix::bstr::ByteSlice;

use super::git_error;
use super::repo::{Repo, oid};
use crate::error::Result;

/// How a file differs between two commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Added,
    Modified,
    Deleted,
}

impl FileStatus {
    /// The word people read (`added`).
    pub fn word(self) -> &'static str {
        match self {
            FileStatus::Added => "added",
            FileStatus::Modified => "modified",
            FileStatus::Deleted => "deleted",
        }
    }
}

/// One file that differs between two commits; ids are blob ids in hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// Repository-relative path, `/`-separated.
    pub path: String,
    pub status: FileStatus,
    pub old_id: Option<String>,
    pub new_id: Option<String>,
}

impl Repo {
    /// The files under `prefix` (repository-relative, `""` for all) that differ between commit
    /// `old` (`None`: the empty tree) and commit `new`, sorted by path.
    pub fn diff(&self, old: Option<&str>, new: &str, prefix: &str) -> Result<Vec<FileChange>> {
        self.diff_moved(old.map(|c| (c, prefix)), (new, prefix))
    }

    /// Like [`Repo::diff`], with the folder at another path in the old commit (a renamed
    /// customer): files are compared by their path inside the folder and reported under the new
    /// path.
    pub fn diff_moved(
        &self,
        old: Option<(&str, &str)>,
        new: (&str, &str),
    ) -> Result<Vec<FileChange>> {
        let old = match old {
            Some((c, p)) => self.entry(oid(c)?, p.trim_matches('/'))?,
            None => None,
        };
        let prefix = new.1.trim_matches('/');
        let new = self.entry(oid(new.0)?, prefix)?;
        let mut out = Vec::new();
        self.diff_entries(prefix, old, new, &mut out)?;
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// The differences between the trees (or blobs) `old` and `new` at `path`.
    fn diff_entries(
        &self,
        path: &str,
        old: Option<ObjectId>,
        new: Option<ObjectId>,
        out: &mut Vec<FileChange>,
    ) -> Result<()> {
        if old == new {
            return Ok(());
        }
        let old_tree = old.map(|id| self.tree_entries(id)).transpose()?.flatten();
        let new_tree = new.map(|id| self.tree_entries(id)).transpose()?.flatten();
        if old_tree.is_none() && new_tree.is_none() {
            out.push(FileChange {
                path: path.to_string(),
                status: match (old, new) {
                    (None, _) => FileStatus::Added,
                    (_, None) => FileStatus::Deleted,
                    _ => FileStatus::Modified,
                },
                old_id: old.map(|i| i.to_string()),
                new_id: new.map(|i| i.to_string()),
            });
            return Ok(());
        }
        // A file replaced by a folder (or the reverse): the file side on its own.
        if old_tree.is_none() && old.is_some() {
            self.diff_entries(path, old, None, out)?;
            return self.diff_entries(path, None, new, out);
        }
        if new_tree.is_none() && new.is_some() {
            self.diff_entries(path, old, None, out)?;
            return self.diff_entries(path, None, new, out);
        }
        let old_tree = old_tree.unwrap_or_default();
        let new_tree = new_tree.unwrap_or_default();
        let mut names: Vec<&String> = old_tree.keys().chain(new_tree.keys()).collect();
        names.sort();
        names.dedup();
        for name in names {
            let child = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}/{name}")
            };
            self.diff_entries(
                &child,
                old_tree.get(name).copied(),
                new_tree.get(name).copied(),
                out,
            )?;
        }
        Ok(())
    }

    /// The entries of tree `id` by name (blobs and trees only), or `None` when `id` is a blob.
    fn tree_entries(&self, id: ObjectId) -> Result<Option<HashMap<String, ObjectId>>> {
        // A partial clone (`--filter=blob:none`) has every tree; an object it lacks is a blob.
        if !self.repo.has_object(id) {
            return Ok(None);
        }
        let object = self
            .repo
            .find_object(id)
            .map_err(|e| git_error("cannot read object", e))?;
        if object.kind != gix::object::Kind::Tree {
            return Ok(None);
        }
        let tree = object.into_tree();
        let decoded = tree
            .decode()
            .map_err(|e| git_error("cannot read tree", e))?;
        Ok(Some(
            decoded
                .entries
                .iter()
                .filter(|e| e.mode.is_blob() || e.mode.is_tree())
                .map(|e| (e.filename.to_str_lossy().into_owned(), e.oid.to_owned()))
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::process::Command;

    fn git(dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    #[test]
    fn diff_lists_changed_files_and_commits_carry_trailers() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        std::fs::create_dir_all(root.join("c/a")).unwrap();
        std::fs::create_dir_all(root.join("c/b")).unwrap();
        std::fs::write(root.join("c/a/x.yaml"), "1").unwrap();
        std::fs::write(root.join("c/b/y.yaml"), "1").unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "one"]);
        std::fs::write(root.join("c/a/x.yaml"), "2").unwrap();
        std::fs::remove_file(root.join("c/b/y.yaml")).unwrap();
        std::fs::write(root.join("c/b/z.yaml"), "3").unwrap();
        git(root, &["add", "-A"]);
        git(
            root,
            &[
                "commit",
                "-q",
                "-m",
                "two\n\nCrm-Op: x.edit\nCrm-Actor: bob",
            ],
        );
        let repo = Repo::open(root).unwrap();
        let head = repo.resolve("HEAD").unwrap();
        let first = repo.resolve("HEAD~1").unwrap();
        let changes = repo.diff(Some(&first), &head, "c").unwrap();
        let summary: Vec<_> = changes
            .iter()
            .map(|c| (c.path.as_str(), c.status))
            .collect();
        assert_eq!(
            summary,
            [
                ("c/a/x.yaml", FileStatus::Modified),
                ("c/b/y.yaml", FileStatus::Deleted),
                ("c/b/z.yaml", FileStatus::Added)
            ]
        );
        assert_eq!(
            repo.blob(changes[0].new_id.as_ref().unwrap()).unwrap(),
            b"2"
        );
        assert_eq!(repo.diff(None, &first, "").unwrap().len(), 2);
        let info = repo.commit(&head).unwrap();
        assert_eq!(info.subject, "two");
        assert_eq!(info.op.as_deref(), Some("x.edit"));
        assert_eq!(info.who(), "bob");
        assert_eq!(info.parents, vec![first.clone()]);
        assert_eq!(repo.commits(&head, Some(&first)).unwrap().len(), 1);
        assert_eq!(repo.merge_base(&head, &first).unwrap(), Some(first));
    }
}
