//! The files that differ between two commits, found by comparing tree ids so that unchanged
//! folders are skipped without being read.

use std::ops::ControlFlow;

use gix::ObjectId;
use gix::bstr::{BStr, ByteSlice};

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

/// An entry of a folder that differs between two commits (see [`Repo::changed_entries`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EntryChange {
    pub name: String,
    pub old: Option<ObjectId>,
    pub new: Option<ObjectId>,
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
        self.diff_ids(prefix, old, new)
    }

    /// The files that differ between the objects `old` and `new` (trees or blobs; `None`:
    /// absent), reported under `path`, sorted by path: [`Repo::diff_moved`] once the two ids
    /// are known (the history index holds them).
    pub(super) fn diff_ids(
        &self,
        path: &str,
        old: Option<ObjectId>,
        new: Option<ObjectId>,
    ) -> Result<Vec<FileChange>> {
        let mut out = Vec::new();
        self.diff_entries(path, old, new, &mut out)?;
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
        let old_tree = self.tree_data(old)?;
        let new_tree = self.tree_data(new)?;
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
        let hash = self.repo.object_hash();
        let (old_list, new_list) = (listing(&old_tree, hash)?, listing(&new_tree, hash)?);
        for change in differing(&old_list, &new_list) {
            let child = if path.is_empty() {
                change.name
            } else {
                format!("{path}/{}", change.name)
            };
            self.diff_entries(&child, change.old, change.new, out)?;
        }
        Ok(())
    }

    /// The entries directly in folder `dir` whose object differs between commit `old` and
    /// commit `new` (added, removed or changed), one level only: a commit that adds thousands
    /// of customers is answered from two tree listings, not from every file under them.
    /// Sorted by name.
    pub(super) fn changed_entries(
        &self,
        old: ObjectId,
        new: ObjectId,
        dir: &str,
    ) -> Result<Vec<EntryChange>> {
        let old = self.entry(old, dir)?;
        let new = self.entry(new, dir)?;
        if old == new {
            return Ok(Vec::new());
        }
        let (old, new) = (self.tree_data(old)?, self.tree_data(new)?);
        let hash = self.repo.object_hash();
        let (old, new) = (listing(&old, hash)?, listing(&new, hash)?);
        let mut out = differing(&old, &new);
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The raw content of tree `id`, `None` when `id` is absent or names no tree (a file).
    fn tree_data(&self, id: Option<ObjectId>) -> Result<Option<Vec<u8>>> {
        let Some(id) = id else { return Ok(None) };
        // A partial clone (`--filter=blob:none`) has every tree; an object it lacks is a blob.
        if !self.repo.has_object(id) {
            return Ok(None);
        }
        let object = self
            .repo
            .find_object(id)
            .map_err(|e| git_error("cannot read object", e))?;
        Ok((object.kind == gix::object::Kind::Tree).then(|| object.detach().data))
    }

    /// The object id of entry `name` directly in tree `tree`, `None` when it has none (or
    /// `tree` is a file).
    pub(super) fn child(&self, tree: ObjectId, name: &str) -> Result<Option<ObjectId>> {
        let data = self.tree_data(Some(tree))?;
        Ok(listing(&data, self.repo.object_hash())?
            .iter()
            .find(|e| *e.filename == *name.as_bytes())
            .map(|e| e.oid.to_owned()))
    }
}

/// The entries of two listings (each in git's tree order) whose object differs.
fn differing(
    old: &[gix::objs::tree::EntryRef<'_>],
    new: &[gix::objs::tree::EntryRef<'_>],
) -> Vec<EntryChange> {
    let mut out = Vec::new();
    let _ = each_differing(old, new, |name, old, new| {
        out.push(EntryChange {
            name: name.to_str_lossy().into_owned(),
            old: old.map(ToOwned::to_owned),
            new: new.map(ToOwned::to_owned),
        });
        ControlFlow::Continue(())
    });
    out
}

/// Calls `each` with the name and both object ids of every entry whose object differs between
/// two listings (each in git's tree order), in one merge pass: nothing is allocated for the
/// (usually many) entries that are the same. `each` may stop the pass early.
pub(super) fn each_differing<'a>(
    old: &[gix::objs::tree::EntryRef<'a>],
    new: &[gix::objs::tree::EntryRef<'a>],
    mut each: impl FnMut(&'a BStr, Option<&'a gix::oid>, Option<&'a gix::oid>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    use std::cmp::Ordering;
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let order = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Less => {
                each(old[i].filename, Some(old[i].oid), None)?;
                i += 1;
            }
            Ordering::Greater => {
                each(new[j].filename, None, Some(new[j].oid))?;
                j += 1;
            }
            Ordering::Equal => {
                if old[i].oid != new[j].oid {
                    each(new[j].filename, Some(old[i].oid), Some(new[j].oid))?;
                }
                i += 1;
                j += 1;
            }
        }
    }
    ControlFlow::Continue(())
}

/// The file and folder entries of a tree's raw content (none for `None`), in git's order.
fn listing(
    data: &Option<Vec<u8>>,
    hash: gix::hash::Kind,
) -> Result<Vec<gix::objs::tree::EntryRef<'_>>> {
    let Some(data) = data else {
        return Ok(Vec::new());
    };
    let tree =
        gix::objs::TreeRef::from_bytes(data, hash).map_err(|e| git_error("cannot read tree", e))?;
    Ok(tree
        .entries
        .into_iter()
        .filter(|e| e.mode.is_blob() || e.mode.is_tree())
        .collect())
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

    /// One level only: a folder added, one removed, one changed deep inside (reported once, by
    /// its name), a file replaced by a folder of the same name (both sides), the rest unseen.
    #[test]
    fn changed_entries_compare_one_level() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        for (path, text) in [
            ("c/same/a.yaml", "1"),
            ("c/gone/a.yaml", "1"),
            ("c/deep/x/y/a.yaml", "1"),
            ("c/flip", "file"),
        ] {
            std::fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
            std::fs::write(root.join(path), text).unwrap();
        }
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "one"]);
        std::fs::remove_dir_all(root.join("c/gone")).unwrap();
        std::fs::write(root.join("c/deep/x/y/a.yaml"), "2").unwrap();
        std::fs::create_dir_all(root.join("c/new")).unwrap();
        std::fs::write(root.join("c/new/a.yaml"), "1").unwrap();
        std::fs::remove_file(root.join("c/flip")).unwrap();
        std::fs::create_dir_all(root.join("c/flip")).unwrap();
        std::fs::write(root.join("c/flip/a.yaml"), "1").unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "two"]);
        let repo = Repo::open(root).unwrap();
        let (head, first) = (
            repo.resolve("HEAD").unwrap(),
            repo.resolve("HEAD~1").unwrap(),
        );
        let changes = repo
            .changed_entries(oid(&first).unwrap(), oid(&head).unwrap(), "c")
            .unwrap();
        let summary: Vec<_> = changes
            .iter()
            .map(|c| (c.name.as_str(), c.old.is_some(), c.new.is_some()))
            .collect();
        assert_eq!(
            summary,
            [
                ("deep", true, true),
                ("flip", true, false),
                ("flip", false, true),
                ("gone", true, false),
                ("new", false, true)
            ]
        );
        let gone = changes[3].old.unwrap();
        assert!(repo.child(gone, "a.yaml").unwrap().is_some());
        assert!(repo.child(gone, "b.yaml").unwrap().is_none());
        assert!(
            repo.changed_entries(oid(&head).unwrap(), oid(&head).unwrap(), "c")
                .unwrap()
                .is_empty()
        );
    }
}
