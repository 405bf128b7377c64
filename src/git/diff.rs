//! Reading history: commits with their authors and trailers, the files that differ between two
//! commits (comparing tree ids, so unchanged folders are skipped without being read), blobs and
//! merge bases. `review` and `history` are built on this; nothing outside `src/git/` sees gix.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use gix::ObjectId;
use gix::bstr::ByteSlice;

use super::git_error;
use crate::error::{Error, Result};
use crate::model::time::Timestamp;

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

/// A commit as people read it: who, when, what it says, and its git-crm trailers.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitInfo {
    pub id: String,
    pub parents: Vec<String>,
    pub author_name: String,
    pub author_email: String,
    /// Author time, in the author's offset.
    pub time: Timestamp,
    pub subject: String,
    /// `Crm-Op`, when the commit was made by git-crm.
    pub op: Option<String>,
    /// `Crm-Actor`, when the commit was made by git-crm.
    pub actor: Option<String>,
}

impl CommitInfo {
    /// The person to name: the git-crm actor handle, else the author's name.
    pub fn who(&self) -> &str {
        self.actor
            .as_deref()
            .filter(|a| !a.is_empty())
            .unwrap_or(&self.author_name)
    }

    /// The first 8 hex digits of the id, as people quote commits.
    pub fn short_id(&self) -> &str {
        &self.id[..self.id.len().min(8)]
    }
}

/// An open repository for reading history, with caches for the lookups a walk repeats.
pub struct Repo {
    repo: gix::Repository,
    entries: RefCell<HashMap<(ObjectId, String), Option<ObjectId>>>,
}

impl Repo {
    /// Opens the repository at `repo_root`.
    pub fn open(repo_root: &Path) -> Result<Self> {
        let mut repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
        repo.object_cache_size_if_unset(16 << 20);
        Ok(Repo {
            repo,
            entries: RefCell::default(),
        })
    }

    /// The commit id `rev` names (anything `git rev-parse` understands).
    pub fn resolve(&self, rev: &str) -> Result<String> {
        let id = self
            .repo
            .rev_parse_single(rev)
            .map_err(|e| git_error(&format!("cannot resolve `{rev}`"), e))?;
        let commit = id
            .object()
            .and_then(|o| o.peel_to_commit())
            .map_err(|e| git_error(&format!("`{rev}` is not a commit"), e))?;
        Ok(commit.id.to_string())
    }

    /// The upstream branch of HEAD (`origin/main`, or a local branch), if one is configured.
    /// Asked of the user's `git`, which knows every way an upstream can be set.
    pub fn upstream(&self) -> Option<String> {
        let root = self.repo.workdir().unwrap_or(self.repo.git_dir());
        let output = super::git_command(root)
            .args([
                "rev-parse",
                "--abbrev-ref",
                "--symbolic-full-name",
                "@{upstream}",
            ])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        let name = String::from_utf8_lossy(&output.stdout).trim().to_string();
        (output.status.success() && !name.is_empty()).then_some(name)
    }

    /// Whether the object `id` is in the repository (a shallow clone lacks the commits beyond
    /// its boundary).
    pub fn has_object(&self, id: &str) -> bool {
        oid(id).is_ok_and(|id| self.repo.has_object(id))
    }

    /// The best common ancestor of two commits.
    pub fn merge_base(&self, one: &str, two: &str) -> Result<Option<String>> {
        let (a, b) = (oid(one)?, oid(two)?);
        let base = self
            .repo
            .merge_base(a, b)
            .map_err(|e| git_error("cannot find a merge base", e))?;
        Ok(base.map(|id| id.to_string()))
    }

    /// The commit `id` with its author and trailers.
    pub fn commit(&self, id: &str) -> Result<CommitInfo> {
        let commit = self
            .repo
            .find_commit(oid(id)?)
            .map_err(|e| git_error("cannot read commit", e))?;
        let author = commit
            .author()
            .map_err(|e| git_error("cannot read commit author", e))?;
        let seconds = author.seconds();
        let offset = author.time().map(|t| t.offset).unwrap_or(0);
        let zone = FixedOffset::east_opt(offset).unwrap_or(FixedOffset::east_opt(0).expect("UTC"));
        let time = zone
            .timestamp_opt(seconds, 0)
            .single()
            .unwrap_or_else(|| zone.timestamp_opt(0, 0).single().expect("epoch"));
        let message = commit.message_raw_sloppy().to_str_lossy().into_owned();
        let trailer = |name: &str| {
            message.lines().rev().find_map(|l| {
                l.strip_prefix(name)
                    .and_then(|r| r.strip_prefix(':'))
                    .map(|v| v.trim().to_string())
            })
        };
        Ok(CommitInfo {
            id: commit.id.to_string(),
            parents: commit.parent_ids().map(|p| p.to_string()).collect(),
            author_name: author.name.to_str_lossy().trim().to_string(),
            author_email: author.email.to_str_lossy().trim().to_string(),
            time,
            subject: message.lines().next().unwrap_or_default().to_string(),
            op: trailer("Crm-Op"),
            actor: trailer("Crm-Actor"),
        })
    }

    /// Ids and parent ids of the commits reachable from `head`, newest first (by commit time),
    /// without reading their messages: what a walk needs before it knows which commits matter.
    pub fn graph(&self, head: &str) -> Result<Vec<(String, Vec<String>)>> {
        let walk = self
            .repo
            .rev_walk([oid(head)?])
            .sorting(gix::revision::walk::Sorting::ByCommitTime(
                Default::default(),
            ))
            .all()
            .map_err(|e| git_error("cannot walk history", e))?;
        let mut out = Vec::new();
        for info in walk {
            let info = info.map_err(|e| git_error("cannot walk history", e))?;
            let commit = self
                .repo
                .find_commit(info.id)
                .map_err(|e| git_error("cannot read commit", e))?;
            let parents = commit.parent_ids().map(|p| p.to_string()).collect();
            out.push((info.id.to_string(), parents));
        }
        Ok(out)
    }

    /// Commits reachable from `head` and not from `hide`, newest first (by commit time).
    pub fn commits(&self, head: &str, hide: Option<&str>) -> Result<Vec<CommitInfo>> {
        let mut walk =
            self.repo
                .rev_walk([oid(head)?])
                .sorting(gix::revision::walk::Sorting::ByCommitTime(
                    Default::default(),
                ));
        if let Some(hide) = hide {
            walk = walk.with_hidden([oid(hide)?]);
        }
        let walk = walk
            .all()
            .map_err(|e| git_error("cannot walk history", e))?;
        let mut out = Vec::new();
        for info in walk {
            let info = info.map_err(|e| git_error("cannot walk history", e))?;
            out.push(self.commit(&info.id.to_string())?);
        }
        Ok(out)
    }

    /// The object id (hex) of `path` (repository-relative) in the tree of `commit`, `None` when
    /// the path does not exist there. Memoised: a walk asks for the same pairs repeatedly.
    pub fn entry_id(&self, commit: &str, path: &str) -> Result<Option<String>> {
        Ok(self.entry(oid(commit)?, path)?.map(|id| id.to_string()))
    }

    fn entry(&self, commit: ObjectId, path: &str) -> Result<Option<ObjectId>> {
        let key = (commit, path.to_string());
        if let Some(found) = self.entries.borrow().get(&key) {
            return Ok(*found);
        }
        let tree = self
            .repo
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(|e| git_error("cannot read commit tree", e))?;
        let found = if path.is_empty() {
            Some(tree.id)
        } else {
            tree.lookup_entry_by_path(path)
                .map_err(|e| git_error("cannot read tree", e))?
                .map(|e| e.object_id())
        };
        self.entries.borrow_mut().insert(key, found);
        Ok(found)
    }

    /// The content of a blob.
    pub fn blob(&self, id: &str) -> Result<Vec<u8>> {
        Ok(self
            .repo
            .find_object(oid(id)?)
            .map_err(|e| git_error("cannot read blob", e))?
            .detach()
            .data)
    }

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

fn oid(hex: &str) -> Result<ObjectId> {
    ObjectId::from_hex(hex.as_bytes())
        .map_err(|e| Error::Git(format!("`{hex}` is not an object id: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
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
