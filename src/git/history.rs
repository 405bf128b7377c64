//! The history of one folder (a customer): the commits that changed it, found by a walk that
//! compares the folder's tree id in each commit with its parents' (memoised lookups; gix has no
//! path-limited log), following the folder back through renames. Where git wrote changed-path
//! Bloom filters (`git commit-graph write --changed-paths`), a commit whose filter rules the
//! folder out is passed without reading a tree, as `git log -- <path>` does: on a long history
//! that is nearly every commit.

use std::collections::HashMap;
use std::rc::Rc;

use super::diff::FileChange;
use super::repo::{CommitInfo, Repo};
use crate::error::Result;

/// A commit that changed the folder.
#[derive(Debug, Clone)]
pub struct PathCommit {
    pub commit: CommitInfo,
    /// Where the folder was in this commit (repository-relative).
    pub path: String,
    /// Where it was in the first parent, when this commit moved it.
    pub renamed_from: Option<String>,
    /// The files that differ from the first parent (for a merge: only those that differ from
    /// every parent), reported under `path`.
    pub changes: Vec<FileChange>,
    /// For a merge, the other parents and the folder's path in them, to compare values with.
    pub other_parents: Vec<(String, String)>,
}

/// The result of a walk.
#[derive(Debug, Clone, Default)]
pub struct PathHistory {
    /// Newest first.
    pub commits: Vec<PathCommit>,
    /// Whether the walk reached the boundary of a shallow clone, so older commits are missing.
    pub truncated: bool,
}

/// The commits reachable from `head` that changed `path` (a folder, repository-relative), newest
/// first. When the folder appears in a commit, the folders that commit removed are offered to
/// `same_owner` (with the content of their `marker` file, such as `customer.yaml`); the one it
/// accepts is where the folder was before, and the walk continues there.
///
/// The walk goes through git-crm's history index ([`super::histindex`]) where it may be used,
/// built or extended on the way; both walks visit the same commits in the same order and look
/// at the trees of a commit the same way, so they return the same result.
pub fn path_history(
    repo: &Repo,
    head: &str,
    path: &str,
    marker: &str,
    same_owner: &dyn Fn(&[u8]) -> bool,
) -> Result<PathHistory> {
    let head = super::repo::oid(&repo.resolve(head)?)?;
    let path = path.trim_matches('/');
    let look = Look { marker, same_owner };
    // Where git's changed-path filters cover the history, the walk below costs what `git log
    // -- <path>` does, and building the index (which reads every commit's trees) several times
    // that: it is then left to `setup --fast-git`. Elsewhere building it is the cheaper walk.
    // The filters are read once, and only when a walk needs them.
    let filters = std::cell::OnceCell::new();
    let filters = || filters.get_or_init(|| repo.changed_paths()).as_ref();
    let may_build =
        || !filters().is_some_and(|f| filters_cover(repo, head, f, UNCOVERED_BEFORE_BUILD));
    if let Some((watched, _)) = path.rsplit_once('/')
        && let Some(index) = super::histindex::for_walk(repo, head, watched, may_build)
        && let Some(at) = index.position(&head)
    {
        return indexed_walk(repo, &index, at, watched, path, &look);
    }
    let mut truncated = false;
    // Where the folder is in each commit still to visit. Most commits of a long history pass
    // through the Bloom-filter branch below, so it works on ids and shared paths only.
    let mut paths: HashMap<gix::ObjectId, Rc<str>> = HashMap::new();
    paths.insert(head, Rc::from(path));
    let mut out = Vec::new();
    let filters = filters();
    let mut keys: HashMap<Rc<str>, Option<super::bloom::PathKey>> = HashMap::new();
    for (oid, parent_oids) in repo.graph_ids(head)? {
        // Each commit is visited once: its entry is not needed afterwards.
        let Some(path) = paths.remove(&oid) else {
            continue;
        };
        if let (Some(filters), [parent]) = (filters, parent_oids.as_slice()) {
            let key = keys
                .entry(path.clone())
                .or_insert_with(|| filters.key(&path));
            if let Some(key) = key
                && filters.unchanged(&oid, key)
            {
                // The folder is as the parent has it: nothing to report, nothing moved.
                paths.entry(*parent).or_insert(path);
                continue;
            }
        }
        let seen = visit(repo, oid, &parent_oids, &path, &look)?;
        seen.follow(&parent_oids, &mut paths, &mut out, &mut truncated);
    }
    Ok(PathHistory {
        commits: out,
        truncated,
    })
}

/// How many of the newest commits may be outside git's commit-graph before a walk without
/// git-crm's index would rather build it: each such commit costs the walk its trees (about
/// what a commit costs the build), so a graph that lags HEAD by the commits made since the
/// last `git maintenance` or fetch still spares the build, and one that lags by thousands
/// does not.
const UNCOVERED_BEFORE_BUILD: usize = 256;

/// Whether `filters` cover the history of `head` but for at most `allowed` of its newest
/// commits: a commit the graph holds is met within the first `allowed + 1` of the walk. A
/// history shorter than that, with none held, is not covered.
fn filters_cover(
    repo: &Repo,
    head: gix::ObjectId,
    filters: &super::bloom::ChangedPaths,
    allowed: usize,
) -> bool {
    let Ok(walk) = repo
        .repo
        .rev_walk([head])
        .sorting(gix::revision::walk::Sorting::ByCommitTime(
            Default::default(),
        ))
        .all()
    else {
        return false;
    };
    walk.take(allowed + 1)
        .map_while(|info| info.ok())
        .any(|info| filters.covers(&info.id))
}

/// How a walk recognises the folder's earlier name.
struct Look<'a> {
    marker: &'a str,
    same_owner: &'a dyn Fn(&[u8]) -> bool,
}

/// What looking at one commit's trees found.
enum Visit {
    /// A shallow clone's boundary: what this commit changed cannot be told.
    Truncated,
    /// Where the folder is in each parent, and the commit if it changed the folder.
    Seen {
        parents: Vec<Rc<str>>,
        found: Option<Box<PathCommit>>,
    },
}

impl Visit {
    /// Takes what a visit found into a walk: the folder's path in each parent (the first path
    /// a commit is reached by wins), the commit if it changed the folder, or the truncation.
    /// Both walks do this, keyed by commit ids or by index positions.
    fn follow<K: Copy + Eq + std::hash::Hash>(
        self,
        parent_keys: &[K],
        paths: &mut HashMap<K, Rc<str>>,
        out: &mut Vec<PathCommit>,
        truncated: &mut bool,
    ) {
        match self {
            Visit::Truncated => *truncated = true,
            Visit::Seen { parents, found } => {
                for (parent, parent_path) in parent_keys.iter().zip(parents) {
                    paths.entry(*parent).or_insert(parent_path);
                }
                out.extend(found.map(|f| *f));
            }
        }
    }
}

/// The walk over the history index: a commit the index says left the folder as its first
/// parent had it passes on the path without a read; one that changed it (not a merge, not where
/// the folder appears, so no rename to look for) is diffed from the two folder ids the index
/// holds; any other is looked at in the trees, by [`visit`], as the walk without the index does.
fn indexed_walk(
    repo: &Repo,
    index: &super::histindex::HistIndex,
    head: u32,
    watched: &str,
    path: &str,
    look: &Look,
) -> Result<PathHistory> {
    use super::histindex::Said;
    let mut truncated = false;
    let mut paths: HashMap<u32, Rc<str>> = HashMap::new();
    paths.insert(head, Rc::from(path));
    let mut names: HashMap<Rc<str>, Option<Option<u32>>> = HashMap::new();
    let mut out = Vec::new();
    for at in index.order(head) {
        let Some(path) = paths.remove(&at) else {
            continue;
        };
        let parents = index.parents(at);
        // The folder's name under the watched folder (`None`: somewhere else, trees only).
        let name = *names.entry(path.clone()).or_insert_with(|| {
            path.strip_prefix(watched)
                .and_then(|p| p.strip_prefix('/'))
                .filter(|n| !n.contains('/'))
                .map(|n| index.name_id(n.as_bytes()))
        });
        let said = name.map_or(Said::Unknown, |name| index.said(at, name));
        match (said, parents) {
            (Said::Same, _) => {
                for parent in parents {
                    paths.entry(*parent).or_insert_with(|| path.clone());
                }
            }
            (Said::Differs { old, new }, [parent]) if !(old.is_none() && new.is_some()) => {
                paths.entry(*parent).or_insert_with(|| path.clone());
                if new.is_none() {
                    continue;
                }
                let changes = repo.diff_ids(&path, old, new)?;
                if !changes.is_empty() {
                    out.push(PathCommit {
                        commit: repo.commit(&index.id(at).to_string())?,
                        path: path.to_string(),
                        renamed_from: None,
                        changes,
                        other_parents: Vec::new(),
                    });
                }
            }
            _ => {
                let parent_ids: Vec<gix::ObjectId> = parents.iter().map(|p| index.id(*p)).collect();
                let seen = visit(repo, index.id(at), &parent_ids, &path, look)?;
                seen.follow(parents, &mut paths, &mut out, &mut truncated);
            }
        }
    }
    Ok(PathHistory {
        commits: out,
        truncated,
    })
}

/// One commit of the walk, from its trees: where the folder is in each parent (following a
/// rename), and what the commit changed in it.
fn visit(
    repo: &Repo,
    oid: gix::ObjectId,
    parent_oids: &[gix::ObjectId],
    path: &Rc<str>,
    look: &Look,
) -> Result<Visit> {
    let id = oid.to_string();
    let parents: Vec<String> = parent_oids.iter().map(|p| p.to_string()).collect();
    let path = path.to_string();
    let mut parent_paths: Vec<(String, String)> = parents
        .iter()
        .filter(|p| repo.has_object(p))
        .map(|p| (p.clone(), path.clone()))
        .collect();
    if parent_paths.len() < parents.len() {
        return Ok(Visit::Truncated);
    }
    let here = repo.entry_id(&id, &path)?;
    let mut renamed_from = None;
    if here.is_some()
        && let Some((first, _)) = parent_paths.first()
        && repo.entry_id(first, &path)?.is_none()
    {
        renamed_from = find_move(repo, first, &id, &path, look.marker, look.same_owner)?;
        if let Some(old) = &renamed_from {
            parent_paths[0].1 = old.clone();
        }
    }
    let seen = |found| Visit::Seen {
        parents: parent_paths
            .iter()
            .map(|(_, p)| Rc::from(p.as_str()))
            .collect(),
        found,
    };
    if here.is_none() {
        return Ok(seen(None));
    }
    let mut parent_ids = Vec::new();
    for (parent, parent_path) in &parent_paths {
        parent_ids.push(repo.entry_id(parent, parent_path)?);
    }
    // A folder moved as it was (a plain `git mv`) is still news: the move.
    if parent_ids.contains(&here) && renamed_from.is_none() {
        return Ok(seen(None));
    }
    let mut changes = repo.diff_moved(
        parent_paths.first().map(|(c, p)| (c.as_str(), p.as_str())),
        (&id, &path),
    )?;
    let others: Vec<(String, String)> = parent_paths.iter().skip(1).cloned().collect();
    for (parent, parent_path) in &others {
        let mut kept = Vec::new();
        for change in changes {
            let rel = &change.path[path.len()..];
            let theirs = repo.entry_id(parent, &format!("{parent_path}{rel}"))?;
            if theirs != change.new_id {
                kept.push(change);
            }
        }
        changes = kept;
    }
    if changes.is_empty() && renamed_from.is_none() {
        return Ok(seen(None));
    }
    let found = PathCommit {
        commit: repo.commit(&id)?,
        path,
        renamed_from,
        changes,
        other_parents: others,
    };
    Ok(seen(Some(Box::new(found))))
}

/// The folder, next to `path`, that `commit` removed and whose `marker` file `same_owner`
/// recognises. Only the folder's siblings are compared, one level (a commit that adds thousands
/// of customers lists two trees, not every file under them); a candidate is a sibling folder
/// whose `marker` the parent has and the commit lacks.
fn find_move(
    repo: &Repo,
    parent: &str,
    commit: &str,
    path: &str,
    marker: &str,
    same_owner: &dyn Fn(&[u8]) -> bool,
) -> Result<Option<String>> {
    let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let (parent_id, commit_id) = (super::repo::oid(parent)?, super::repo::oid(commit)?);
    for change in repo.changed_entries(parent_id, commit_id, dir)? {
        let folder = if dir.is_empty() {
            change.name.clone()
        } else {
            format!("{dir}/{}", change.name)
        };
        // A renamed folder may stay behind, holding a forward to the new name: what counts is
        // that its marker went.
        let Some(old) = change.old else { continue };
        if folder == path {
            continue;
        }
        let Some(old_marker) = repo.child(old, marker)? else {
            continue;
        };
        let kept = match change.new {
            Some(new) => repo.child(new, marker)?.is_some(),
            None => false,
        };
        if !kept && same_owner(&repo.blob(&old_marker.to_string())?) {
            return Ok(Some(folder));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::super::histindex::tests::{commit, git};
    use super::*;

    /// The filters cover a history whose newest commits outside the graph are at most the
    /// allowance, and not one with more, nor one with no graph at all.
    #[test]
    fn filters_cover_all_but_the_newest_commits() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let date = "2026-01-01T00:00:00Z";
        git(root, &["init", "-q", "-b", "main"], date);
        for i in 0..5 {
            commit(root, &format!("customers/a/{i}.yaml"), "x", date);
        }
        git(
            root,
            &["commit-graph", "write", "--reachable", "--changed-paths"],
            date,
        );
        for i in 0..3 {
            commit(root, &format!("customers/b/{i}.yaml"), "y", date);
        }
        let repo = Repo::open(root).unwrap();
        let head = super::super::repo::oid(&repo.resolve("HEAD").unwrap()).unwrap();
        let filters = repo.changed_paths().expect("the graph has filters");
        assert!(!filters.covers(&head));
        assert!(filters_cover(&repo, head, &filters, 3));
        assert!(!filters_cover(&repo, head, &filters, 2));
        let empty = super::super::bloom::ChangedPaths::default();
        assert!(!filters_cover(&repo, head, &empty, 100));
    }
}
