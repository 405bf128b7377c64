//! One commit of a known set of paths, without a git process, in an order that is safe to kill
//! at any instant.
//!
//! The blobs are written first (objects nobody points at are harmless). Then, holding git's
//! `index.lock` for as short a time as possible: the tree is built on the HEAD found under the
//! lock, the commit object is written, the new index is written *into the lock file*, the caller
//! is told (so it can journal the commit id and the lock it holds), HEAD moves, and only then
//! is the lock renamed over the index. A kill before HEAD moves leaves HEAD and the index as they
//! were (plus a lock file the journal names); a kill after leaves a complete prepared index in
//! the lock file, which [`finish_prepared_index`] puts in place. Either way nothing is half
//! written, and the next git-crm command repairs it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use gix::bstr::ByteSlice;

use super::index_write::{self, EntryUpdate};
use super::{Signature, git_error};
use crate::error::{Error, IoContext, Result};

/// How long a commit waits for another process (a user's `git`) to release `index.lock`:
/// git itself does not wait at all, and a git command holds it for milliseconds.
const INDEX_LOCK_WAIT: Duration = Duration::from_secs(3);

/// From this many blobs on, they are written into one pack by `git fast-import`: a loose
/// object is a file of its own, and creating tens of thousands of them (a large import) costs
/// more than everything else in the commit.
const PACK_FROM: usize = 2_000;

/// A path of a commit: its new blob (written with [`write_blobs`]) and the work-tree file that
/// holds it (for the index entry's stat data), or `None` to remove the path.
#[derive(Debug, Clone)]
pub struct PathUpdate {
    pub git_path: String,
    pub blob: Option<String>,
    pub disk_path: Option<PathBuf>,
}

/// What the caller learns just before HEAD moves: enough to finish or undo the commit if the
/// process dies now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// HEAD before the commit (`None` on an unborn branch).
    pub base: Option<String>,
    /// The commit object that HEAD is about to point at.
    pub commit: String,
    /// The inode of the `index.lock` this process holds, holding the prepared index.
    pub index_lock_inode: u64,
}

/// Writes `contents` as blobs and returns their ids (hex), in order. Many at once go into one
/// pack through `git fast-import`.
pub fn write_blobs(repo_root: &Path, contents: &[&[u8]]) -> Result<Vec<String>> {
    if contents.len() >= PACK_FROM {
        return fast_import_blobs(repo_root, contents);
    }
    let repo = open(repo_root)?;
    contents
        .iter()
        .map(|data| {
            repo.write_blob(data)
                .map(|id| id.detach().to_string())
                .map_err(|e| git_error("cannot write blob", e))
        })
        .collect()
}

/// Called at the steps of a commit that a journal must know about.
pub trait CommitSteps {
    /// `index.lock` is held (its inode given): from now on a kill leaves it behind.
    fn locked(&mut self, _index_lock_inode: u64) -> Result<()> {
        Ok(())
    }
    /// The commit object and the new index exist; HEAD has not moved. An error aborts the
    /// commit with HEAD and the index untouched.
    fn prepared(&mut self, prepared: &Prepared) -> Result<()>;
    /// HEAD moved; the prepared index is not in place yet (a test hook kills here).
    fn head_moved(&mut self) {}
}

/// Commits `updates` on top of HEAD with `message`, authored by `author`, telling `steps`
/// when the commit is prepared and when HEAD moved. With `allow_empty` false, no commit is made
/// when the tree would not change (the index is still refreshed) and `None` is returned.
pub fn commit(
    repo_root: &Path,
    updates: &[PathUpdate],
    message: &str,
    author: &Signature,
    allow_empty: bool,
    steps: &mut dyn CommitSteps,
) -> Result<Option<String>> {
    let repo = open(repo_root)?;
    if signing_required(&repo) {
        let paths: Vec<&str> = updates.iter().map(|u| u.git_path.as_str()).collect();
        return super::config::commit_with_git(repo_root, &paths, message, author).map(Some);
    }
    let lock = acquire_index_lock(&repo)?;
    let lock_path = lock_path_of(&repo.index_path());
    steps.locked(inode_of(&lock_path)?)?;
    let head = repo.head_id().ok().map(|id| id.detach());
    let base_tree = match head {
        Some(id) => repo
            .find_commit(id)
            .and_then(|c| c.tree_id())
            .map_err(|e| git_error("cannot read HEAD", e))?
            .detach(),
        None => gix::ObjectId::empty_tree(repo.object_hash()),
    };
    let tree = build_tree(&repo, base_tree, updates)?;
    let lock = index_write::write_updated(&repo, lock, &entry_updates(updates)?)?;
    if !allow_empty && head.is_some() && tree == base_tree {
        lock.commit()
            .map_err(|e| git_error("cannot replace index", e.error))?;
        return Ok(None);
    }
    let commit_id = write_commit(&repo, author, message, tree, head)?;
    let inode = inode_of(&lock_path)?;
    steps.prepared(&Prepared {
        base: head.map(|h| h.to_string()),
        commit: commit_id.to_string(),
        index_lock_inode: inode,
    })?;
    move_head(&repo, author, message, commit_id, head)?;
    steps.head_moved();
    lock.commit()
        .map_err(|e| git_error("cannot replace index", e.error))?;
    Ok(Some(commit_id.to_string()))
}

fn open(repo_root: &Path) -> Result<gix::Repository> {
    gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))
}

fn lock_path_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

fn inode_of(path: &Path) -> Result<u64> {
    use std::os::unix::fs::MetadataExt;
    Ok(std::fs::symlink_metadata(path).at(path)?.ino())
}

/// Takes `index.lock`, waiting briefly for a running git command. A lock that stays is named
/// in the error.
pub(super) fn acquire_index_lock(repo: &gix::Repository) -> Result<gix::lock::File> {
    let index_path = repo.index_path();
    gix::lock::File::acquire_to_update_resource(
        &index_path,
        gix::lock::acquire::Fail::AfterDurationWithBackoff(INDEX_LOCK_WAIT),
        None,
        0,
    )
    .map_err(|_| Error::Locked {
        path: lock_path_of(&index_path),
    })
}

fn build_tree(
    repo: &gix::Repository,
    base_tree: gix::ObjectId,
    updates: &[PathUpdate],
) -> Result<gix::ObjectId> {
    let mut editor = repo
        .edit_tree(base_tree)
        .map_err(|e| git_error("cannot edit tree", e))?;
    for update in updates {
        match &update.blob {
            Some(blob) => {
                editor
                    .upsert(
                        update.git_path.as_str(),
                        gix::object::tree::EntryKind::Blob,
                        object_id(blob)?,
                    )
                    .map_err(|e| git_error("cannot edit tree", e))?;
            }
            None => {
                editor
                    .remove(update.git_path.as_str())
                    .map_err(|e| git_error("cannot edit tree", e))?;
            }
        }
    }
    Ok(editor
        .write()
        .map_err(|e| git_error("cannot write tree", e))?
        .detach())
}

fn object_id(hex: &str) -> Result<gix::ObjectId> {
    gix::ObjectId::from_hex(hex.as_bytes()).map_err(|e| git_error("bad object id", e))
}

fn write_commit(
    repo: &gix::Repository,
    author: &Signature,
    message: &str,
    tree: gix::ObjectId,
    parent: Option<gix::ObjectId>,
) -> Result<gix::ObjectId> {
    let commit = gix::objs::Commit {
        message: message.into(),
        tree,
        author: author.to_gix(),
        committer: committer_signature(repo, author),
        encoding: None,
        parents: parent.into_iter().collect(),
        extra_headers: Default::default(),
    };
    Ok(repo
        .write_object(&commit)
        .map_err(|e| git_error("cannot write commit", e))?
        .detach())
}

/// Points HEAD (through its branch) at `commit`, expecting it at `previous`. Ref lock files are
/// looked for first, so one left behind is named instead of reported as a vague failure.
fn move_head(
    repo: &gix::Repository,
    author: &Signature,
    message: &str,
    commit: gix::ObjectId,
    previous: Option<gix::ObjectId>,
) -> Result<()> {
    use gix::refs::Target;
    use gix::refs::transaction::{LogChange, PreviousValue, RefEdit, RefLog};
    for lock in ref_lock_paths(repo) {
        if std::fs::symlink_metadata(&lock).is_ok() {
            return Err(Error::Locked { path: lock });
        }
    }
    let expected = match previous {
        Some(p) => PreviousValue::MustExistAndMatch(Target::Object(p)),
        None => PreviousValue::MustNotExist,
    };
    let parents = usize::from(previous.is_some());
    let log = LogChange {
        mode: RefLog::AndReference,
        force_create_reflog: false,
        message: gix::reference::log::message("commit", message.as_bytes().as_bstr(), parents),
    };
    let edit = RefEdit {
        change: gix::refs::transaction::Change::Update {
            log,
            expected,
            new: Target::Object(commit),
        },
        name: "HEAD"
            .try_into()
            .map_err(|e| git_error("bad reference name", e))?,
        deref: true,
    };
    let committer = committer_signature(repo, author);
    let mut time = gix::date::parse::TimeBuf::default();
    repo.edit_references_as(Some(edit), Some(committer.to_ref(&mut time)))
        .map_err(|e| git_error("cannot move HEAD (did another process commit?)", e))?;
    Ok(())
}

/// The lock files a HEAD update takes: `HEAD.lock` and the branch's.
pub fn ref_lock_paths(repo: &gix::Repository) -> Vec<PathBuf> {
    let git_dir = repo.git_dir();
    let mut locks = vec![git_dir.join("HEAD.lock")];
    if let Ok(head) = repo.head_name()
        && let Some(name) = head
    {
        let mut path = repo.common_dir().to_path_buf();
        path.extend(name.as_bstr().to_str_lossy().split('/'));
        locks.push(lock_path_of(&path));
    }
    locks
}

/// The index entries of `updates`: the new blob with the work-tree file's fresh stat data, or
/// no entry for a removed path.
fn entry_updates(updates: &[PathUpdate]) -> Result<Vec<EntryUpdate>> {
    updates
        .iter()
        .map(|update| {
            let blob = match (&update.blob, &update.disk_path) {
                (Some(blob), Some(disk)) => Some((object_id(blob)?, stat_of(disk)?)),
                _ => None,
            };
            Ok(EntryUpdate {
                path: update.git_path.clone(),
                blob,
            })
        })
        .collect()
}

pub(super) fn stat_of(disk: &Path) -> Result<gix::index::entry::Stat> {
    let meta = gix::index::fs::Metadata::from_path_no_follow(disk).at(disk)?;
    gix::index::entry::Stat::from_fs(&meta).map_err(|e| git_error("cannot stat file", e))
}

/// Puts a prepared index in place: when `index.lock` is the file with `inode` (the lock a
/// killed git-crm commit held after moving HEAD), it is renamed over the index. Returns whether
/// it was.
pub fn finish_prepared_index(repo_root: &Path, inode: u64) -> Result<bool> {
    let repo = open(repo_root)?;
    let index = repo.index_path();
    let lock = lock_path_of(&index);
    if inode_of(&lock).ok() != Some(inode) {
        return Ok(false);
    }
    std::fs::rename(&lock, &index).at(&index)?;
    Ok(true)
}

/// Removes `index.lock` when it is the file with `inode` (one this process's journal says a
/// killed git-crm commit held). Returns whether it did.
pub fn remove_own_index_lock(repo_root: &Path, inode: u64) -> Result<bool> {
    let repo = open(repo_root)?;
    let lock = lock_path_of(&repo.index_path());
    if inode_of(&lock).ok() != Some(inode) {
        return Ok(false);
    }
    std::fs::remove_file(&lock).at(&lock)?;
    Ok(true)
}

/// Removes `index.lock` when it was last modified within `window` seconds after `since` (unix
/// seconds): the lock a killed git-crm commit took right after it journalled the start of its
/// commit step, before it could record the lock's inode. No other process can have made it:
/// git never removes another process's lock, and fails while one exists.
pub fn remove_index_lock_since(repo_root: &Path, since: i64, window: i64) -> Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let repo = open(repo_root)?;
    let lock = lock_path_of(&repo.index_path());
    let Ok(meta) = std::fs::symlink_metadata(&lock) else {
        return Ok(false);
    };
    if meta.mtime() < since - 1 || meta.mtime() > since + window {
        return Ok(false);
    }
    std::fs::remove_file(&lock).at(&lock)?;
    Ok(true)
}

/// Removes ref lock files (`HEAD.lock`, the branch's) last modified within `window` of
/// `since` (unix seconds): the ones a killed git-crm commit took while moving HEAD. Returns
/// the paths removed.
pub fn remove_ref_locks_since(repo_root: &Path, since: i64, window: i64) -> Result<Vec<PathBuf>> {
    use std::os::unix::fs::MetadataExt;
    let repo = open(repo_root)?;
    let mut removed = Vec::new();
    for lock in ref_lock_paths(&repo) {
        let Ok(meta) = std::fs::symlink_metadata(&lock) else {
            continue;
        };
        if meta.mtime() >= since - 1 && meta.mtime() <= since + window {
            std::fs::remove_file(&lock).at(&lock)?;
            removed.push(lock);
        }
    }
    Ok(removed)
}

/// Makes the index entries of `paths` (git path, work-tree file) agree with HEAD: HEAD's blob,
/// with fresh stat data when the work-tree file holds exactly that blob (else zeroed stat data,
/// so git compares the content and shows the difference); no entry where HEAD has none. Used to
/// repair the index after a commit that was killed between its steps.
pub fn reset_index_to_head(repo_root: &Path, paths: &[(String, PathBuf)]) -> Result<()> {
    let repo = open(repo_root)?;
    let lock = acquire_index_lock(&repo)?;
    let tree = match repo.head_id().ok() {
        Some(id) => Some(
            id.object()
                .and_then(|o| o.peel_to_tree())
                .map_err(|e| git_error("cannot read HEAD", e))?,
        ),
        None => None,
    };
    let mut updates = Vec::new();
    for (git_path, disk) in paths {
        let entry = match &tree {
            Some(tree) => tree
                .lookup_entry_by_path(git_path.as_str())
                .map_err(|e| git_error("cannot read HEAD", e))?
                .map(|e| e.object_id()),
            None => None,
        };
        let blob = match entry {
            None => None,
            Some(id) => {
                let on_disk = std::fs::read(disk).ok();
                let matches = on_disk
                    .as_deref()
                    .is_some_and(|d| id == super::tree::blob_id(d).as_str());
                let stat = if matches {
                    stat_of(disk)?
                } else {
                    gix::index::entry::Stat::default()
                };
                Some((id, stat))
            }
        };
        updates.push(EntryUpdate {
            path: git_path.clone(),
            blob,
        });
    }
    index_write::write_updated(&repo, lock, &updates)?
        .commit()
        .map_err(|e| git_error("cannot replace index", e.error))?;
    Ok(())
}

fn fast_import_blobs(repo_root: &Path, contents: &[&[u8]]) -> Result<Vec<String>> {
    use std::io::Write;
    let repo = open(repo_root)?;
    let marks = repo
        .git_dir()
        .join(format!("gitcrm-blobs-{}.marks", std::process::id()));
    let result = (|| {
        let mut child = super::git_command(repo_root)
            .args(["fast-import", "--quiet", "--done"])
            .arg(format!("--export-marks={}", marks.display()))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .map_err(|e| git_error("cannot start git fast-import", e))?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| git_error("git fast-import", "no stdin"))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, stdin);
        let pipe = |e: std::io::Error| git_error("writing to git fast-import", e);
        for (i, data) in contents.iter().enumerate() {
            write!(out, "blob\nmark :{}\ndata {}\n", i + 1, data.len()).map_err(pipe)?;
            out.write_all(data).map_err(pipe)?;
            out.write_all(b"\n").map_err(pipe)?;
        }
        out.write_all(b"done\n").map_err(pipe)?;
        drop(out.into_inner().map_err(|e| pipe(e.into_error()))?);
        let status = child.wait().map_err(|e| git_error("git fast-import", e))?;
        if !status.success() {
            return Err(git_error("git fast-import", "failed to write the blobs"));
        }
        read_marks(&marks, contents.len())
    })();
    let _ = std::fs::remove_file(&marks);
    result
}

fn read_marks(marks: &Path, count: usize) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(marks).at(marks)?;
    let mut ids = vec![None; count];
    for line in text.lines() {
        let parsed = line
            .strip_prefix(':')
            .and_then(|l| l.split_once(' '))
            .and_then(|(mark, hex)| Some((mark.parse::<usize>().ok()?, hex.to_string())));
        if let Some((mark, id)) = parsed
            && let Some(slot) = mark.checked_sub(1).and_then(|i| ids.get_mut(i))
        {
            *slot = Some(id);
        }
    }
    ids.into_iter()
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| git_error("git fast-import", "a blob is missing from its marks"))
}

fn signing_required(repo: &gix::Repository) -> bool {
    repo.config_snapshot()
        .boolean("commit.gpgsign")
        .unwrap_or(false)
}

fn committer_signature(repo: &gix::Repository, author: &Signature) -> gix::actor::Signature {
    let mut committer = author.to_gix();
    if let Some(Ok(sig)) = repo.committer()
        && !sig.email.is_empty()
    {
        committer.name = sig.name.to_owned();
        committer.email = sig.email.to_owned();
    }
    committer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig() -> Signature {
        Signature {
            name: "T".into(),
            email: "t@example.com".into(),
            time: crate::model::time::now(),
        }
    }

    fn write(root: &Path, name: &str, text: &str) -> PathUpdate {
        std::fs::write(root.join(name), text).unwrap();
        let blob = write_blobs(root, &[text.as_bytes()]).unwrap().remove(0);
        PathUpdate {
            git_path: name.into(),
            blob: Some(blob),
            disk_path: Some(root.join(name)),
        }
    }

    fn git(root: &Path, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    struct NoSteps;
    impl CommitSteps for NoSteps {
        fn prepared(&mut self, _: &Prepared) -> Result<()> {
            Ok(())
        }
    }

    struct FailPrepared(Option<Prepared>);
    impl CommitSteps for FailPrepared {
        fn prepared(&mut self, prepared: &Prepared) -> Result<()> {
            self.0 = Some(prepared.clone());
            Err(Error::invalid("simulated kill"))
        }
    }

    fn commit_all(root: &Path, updates: &[PathUpdate], message: &str) -> Option<String> {
        commit(root, updates, message, &sig(), true, &mut NoSteps).unwrap()
    }

    /// A change that creates a path sorting first and updates one sorting last must leave one
    /// index entry per path (a regression: new entries were pushed before later lookups).
    #[test]
    fn mixed_creates_and_updates_keep_the_index_clean() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        crate::git::init_repo(root).unwrap();
        let first: Vec<PathUpdate> = (0..20)
            .map(|i| write(root, &format!("m{i:02}"), "1"))
            .collect();
        commit_all(root, &first, "first");
        let second = vec![
            write(root, "a-new", "2"),
            write(root, "m19", "2"),
            write(root, "m10", "2"),
        ];
        commit_all(root, &second, "second");
        assert_eq!(git(root, &["status", "--porcelain"]), "");
        assert_eq!(git(root, &["ls-files"]).lines().count(), 21);
    }

    /// Many blobs go into one pack, holding exactly the files' bytes; `git status` is clean and
    /// `git fsck` happy.
    #[test]
    fn large_commits_pack_their_blobs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        crate::git::init_repo(root).unwrap();
        let texts: Vec<String> = (0..PACK_FROM).map(|i| format!("content {i}\n")).collect();
        let blobs = write_blobs(
            root,
            &texts.iter().map(|t| t.as_bytes()).collect::<Vec<_>>(),
        )
        .unwrap();
        let updates: Vec<PathUpdate> = texts
            .iter()
            .zip(blobs)
            .enumerate()
            .map(|(i, (text, blob))| {
                let name = format!("f{i:05}");
                std::fs::write(root.join(&name), text).unwrap();
                PathUpdate {
                    git_path: name.clone(),
                    blob: Some(blob),
                    disk_path: Some(root.join(name)),
                }
            })
            .collect();
        commit_all(root, &updates, "many");
        assert_eq!(git(root, &["status", "--porcelain"]), "");
        assert_eq!(git(root, &["show", "HEAD:f01234"]), "content 1234\n");
        assert_eq!(git(root, &["ls-files"]).lines().count(), PACK_FROM);
        assert_eq!(
            git(root, &["count-objects"]).split_whitespace().next(),
            Some("2")
        );
        git(root, &["fsck", "--strict"]);
    }

    /// Killed after HEAD moved but before the index was replaced: the prepared index in the
    /// lock file is complete, and putting it in place leaves `git status` clean.
    #[test]
    fn a_prepared_index_finishes_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        crate::git::init_repo(root).unwrap();
        commit_all(root, &[write(root, "a", "1")], "first");
        let update = write(root, "b", "2");
        let mut steps = FailPrepared(None);
        let err = commit(root, &[update], "second", &sig(), true, &mut steps);
        assert!(err.is_err());
        let prepared = steps.0.unwrap();
        // A kill would have left the lock; the aborted call dropped (removed) it, so simulate
        // the state after the kill: HEAD moved, lock present with the prepared index.
        assert_eq!(git(root, &["ls-files"]), "a\n", "the index is untouched");
        assert!(!finish_prepared_index(root, prepared.index_lock_inode).unwrap());
        reset_index_to_head(root, &[("b".into(), root.join("b"))]).unwrap();
        assert_eq!(git(root, &["status", "--porcelain"]), "?? b\n");
    }

    /// After a commit whose index update was lost, resetting the index of its paths to HEAD
    /// makes `git status` clean again.
    #[test]
    fn reset_index_to_head_repairs_a_lost_index_update() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        crate::git::init_repo(root).unwrap();
        commit_all(root, &[write(root, "a", "1")], "first");
        let saved = std::fs::read(root.join(".git/index")).unwrap();
        commit_all(
            root,
            &[write(root, "b", "2"), write(root, "a", "3")],
            "second",
        );
        std::fs::write(root.join(".git/index"), saved).unwrap();
        assert_ne!(git(root, &["status", "--porcelain"]), "");
        reset_index_to_head(
            root,
            &[("a".into(), root.join("a")), ("b".into(), root.join("b"))],
        )
        .unwrap();
        assert_eq!(git(root, &["status", "--porcelain"]), "");
    }
}
