//! An open repository for reading history: commits with their authors and git-crm trailers,
//! the walk of a branch, blobs, tree entries (memoised) and merge bases. `review` and `history`
//! are built on this; nothing outside `src/git/` sees gix.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use gix::ObjectId;
use gix::bstr::ByteSlice;

use super::git_error;
use crate::error::{Error, Result};
use crate::model::time::Timestamp;

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

/// The memory the delta-base cache of a [`Repo`] may hold (git's default for
/// `core.deltaBaseCacheLimit` is 96 MiB; a walk of one folder needs far less).
const PACK_CACHE_BYTES: usize = 32 << 20;

/// An open repository for reading history, with caches for the lookups a walk repeats.
pub struct Repo {
    pub(super) repo: gix::Repository,
    entries: RefCell<HashMap<(ObjectId, String), Option<ObjectId>>>,
    /// git's commit-graph, loaded on first use by [`Repo::root_tree`].
    commit_graph: std::cell::OnceCell<Option<gix::commitgraph::Graph>>,
}

/// Whether git's commit-graph must not be read though the configuration allows it: in a shallow
/// clone (git ignores its graph, which may describe commits as they were before the cut), or
/// where a graph file is not a regular file (a FIFO would make every walk wait on it, a link
/// would be followed out of the repository).
fn commit_graph_unusable(repo: &gix::Repository) -> bool {
    repo.is_shallow().unwrap_or(true) || !graph_files_are_plain(repo.objects.store_ref().path())
}

/// Whether every commit-graph file under `objects/info` (the single file, the chain folder and
/// what it holds) is absent or a regular file, looked at without following links.
fn graph_files_are_plain(objects: &Path) -> bool {
    let info = objects.join("info");
    let absent_or =
        |path: &Path, want: fn(&std::fs::FileType) -> bool| match std::fs::symlink_metadata(path) {
            Ok(meta) => want(&meta.file_type()),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        };
    let chain = info.join("commit-graphs");
    absent_or(&info.join("commit-graph"), std::fs::FileType::is_file)
        && absent_or(&chain, std::fs::FileType::is_dir)
        && std::fs::read_dir(&chain).map_or(true, |list| {
            list.into_iter()
                .all(|e| e.and_then(|e| e.file_type()).is_ok_and(|t| t.is_file()))
        })
}

impl Repo {
    /// Opens the repository at `repo_root`.
    pub fn open(repo_root: &Path) -> Result<Self> {
        let mut repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
        repo.object_cache_size_if_unset(16 << 20);
        // A cache of delta bases, as git's `core.deltaBaseCacheLimit`: consecutive versions of a
        // folder's tree are deltas on one another in the pack, and without it every lookup
        // rebuilds a whole delta chain. gix sets one only with its `max-performance` feature.
        repo.objects.set_pack_cache(|| {
            Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
                PACK_CACHE_BYTES,
            ))
        });
        if commit_graph_unusable(&repo) {
            // Only for this handle, in memory: every walk, merge base and lookup of gix then
            // reads the commits themselves, as git does here.
            let mut config = repo.config_snapshot_mut();
            let _ = config.set_value(&gix::config::tree::Core::COMMIT_GRAPH, "false");
        }
        Ok(Repo {
            repo,
            entries: RefCell::default(),
            commit_graph: std::cell::OnceCell::new(),
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
        Ok(self
            .graph_ids(oid(head)?)?
            .into_iter()
            .map(|(id, parents)| {
                (
                    id.to_string(),
                    parents.iter().map(|p| p.to_string()).collect(),
                )
            })
            .collect())
    }

    /// [`Repo::graph`] as object ids, for walks of long histories.
    pub(super) fn graph_ids(&self, head: ObjectId) -> Result<Vec<(ObjectId, Vec<ObjectId>)>> {
        let walk = self
            .repo
            .rev_walk([head])
            .sorting(gix::revision::walk::Sorting::ByCommitTime(
                Default::default(),
            ))
            .all()
            .map_err(|e| git_error("cannot walk history", e))?;
        let mut out = Vec::new();
        for info in walk {
            // The walk reads parents from the commit-graph when git wrote one.
            let info = info.map_err(|e| git_error("cannot walk history", e))?;
            out.push((info.id, info.parent_ids.to_vec()));
        }
        Ok(out)
    }

    /// The whole message of commit `id` (subject, body and trailers), for readers of trailers
    /// that [`CommitInfo`] does not carry.
    pub fn message(&self, id: &str) -> Result<String> {
        let commit = self
            .repo
            .find_commit(oid(id)?)
            .map_err(|e| git_error("cannot read commit", e))?;
        Ok(commit.message_raw_sloppy().to_str_lossy().into_owned())
    }

    /// Commits reachable from `head` and from none of `hide`, newest first (by commit time).
    pub fn commits_hiding(&self, head: &str, hide: &[String]) -> Result<Vec<CommitInfo>> {
        let hidden = hide.iter().map(|h| oid(h)).collect::<Result<Vec<_>>>()?;
        let walk = self
            .repo
            .rev_walk([oid(head)?])
            .sorting(gix::revision::walk::Sorting::ByCommitTime(
                Default::default(),
            ))
            .with_hidden(hidden)
            .all()
            .map_err(|e| git_error("cannot walk history", e))?;
        let mut out = Vec::new();
        for info in walk {
            let info = info.map_err(|e| git_error("cannot walk history", e))?;
            out.push(self.commit(&info.id.to_string())?);
        }
        Ok(out)
    }

    /// Commits reachable from `head` and not from `hide`, newest first (by commit time).
    pub fn commits(&self, head: &str, hide: Option<&str>) -> Result<Vec<CommitInfo>> {
        let hide: Vec<String> = hide.map(str::to_string).into_iter().collect();
        self.commits_hiding(head, &hide)
    }

    /// The object id (hex) of `path` (repository-relative) in the tree of `commit`, `None` when
    /// the path does not exist there. Memoised: a walk asks for the same pairs repeatedly.
    pub fn entry_id(&self, commit: &str, path: &str) -> Result<Option<String>> {
        Ok(self.entry(oid(commit)?, path)?.map(|id| id.to_string()))
    }

    pub(super) fn entry(&self, commit: ObjectId, path: &str) -> Result<Option<ObjectId>> {
        let key = (commit, path.to_string());
        if let Some(found) = self.entries.borrow().get(&key) {
            return Ok(*found);
        }
        let tree = self.root_tree(commit)?;
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

    /// Whether the repository has replace refs: git then ignores its commit-graph (the
    /// objects read are not the ones the graph describes), and so do gix and git-crm.
    fn has_replacements(&self) -> bool {
        self.repo
            .objects
            .store_ref()
            .replacements()
            .next()
            .is_some()
    }

    /// The root tree of `commit`: named by git's commit-graph where it holds the commit (the
    /// commit object is then not inflated, as git's own walks do), else read from the commit.
    /// gix reads the graph only where `core.commitGraph` allows and there are no replace refs.
    pub(super) fn root_tree(&self, commit: ObjectId) -> Result<gix::Tree<'_>> {
        let from_graph = self
            .commit_graph
            .get_or_init(|| self.repo.commit_graph_if_enabled().ok().flatten());
        if let Some(id) = from_graph
            .as_ref()
            .and_then(|g| g.commit_by_id(commit))
            .map(|c| c.root_tree_id().to_owned())
            && let Ok(tree) = self.repo.find_tree(id)
        {
            return Ok(tree);
        }
        self.repo
            .find_commit(commit)
            .and_then(|c| c.tree())
            .map_err(|e| git_error("cannot read commit tree", e))
    }

    /// git's changed-path Bloom filters, when the commit-graph has them and git would read them
    /// (`core.commitGraph` and `commitGraph.readChangedPaths`, both on by default; never with
    /// replace refs, nor where [`commit_graph_unusable`] turned `core.commitGraph` off).
    pub fn changed_paths(&self) -> Option<super::bloom::ChangedPaths> {
        if self.has_replacements() {
            return None;
        }
        let config = self.repo.config_snapshot();
        let on = |key: &str| config.boolean(key).unwrap_or(true);
        if !on("core.commitGraph") || !on("commitGraph.readChangedPaths") {
            return None;
        }
        super::bloom::ChangedPaths::open(self.repo.objects.store_ref().path())
    }

    /// The content of a blob. In a partial clone (`git clone --filter=blob:none`) a blob that
    /// is not on this machine yet is fetched from the promisor remote by `git cat-file`, as
    /// `git log -p` would: gix does not fetch missing objects.
    pub fn blob(&self, id: &str) -> Result<Vec<u8>> {
        let object_id = oid(id)?;
        match self.repo.find_object(object_id) {
            Ok(object) => Ok(object.detach().data),
            Err(e) if !self.repo.has_object(object_id) && self.is_partial_clone() => {
                let work_dir = self.repo.workdir().unwrap_or(self.repo.git_dir());
                let output = super::git_command(work_dir)
                    .args(["cat-file", "blob", id])
                    .stdin(std::process::Stdio::null())
                    .output()
                    .map_err(|e| git_error("cannot run git cat-file", e))?;
                if output.status.success() {
                    Ok(output.stdout)
                } else {
                    Err(git_error(
                        "cannot read blob (not fetched from the partial clone's remote)",
                        e,
                    ))
                }
            }
            Err(e) => Err(git_error("cannot read blob", e)),
        }
    }

    /// Whether objects may be missing by design: a remote is a promisor (partial clone).
    fn is_partial_clone(&self) -> bool {
        let config = self.repo.config_snapshot();
        config.string("extensions.partialClone").is_some()
            || self.repo.remote_names().iter().any(|name| {
                config
                    .boolean(format!("remote.{name}.promisor").as_str())
                    .unwrap_or(false)
            })
    }
}

pub(super) fn oid(hex: &str) -> Result<ObjectId> {
    ObjectId::from_hex(hex.as_bytes())
        .map_err(|e| Error::Git(format!("`{hex}` is not an object id: {e}")))
}
