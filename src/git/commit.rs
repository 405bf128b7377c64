//! One commit of a known set of paths, without a git process.
//!
//! The index lock is taken first and held until the index is written, so concurrent git-crm
//! processes (and `git commit`) are serialised the way git serialises itself: each one builds
//! its tree on the HEAD it finds once it holds the lock. The index is updated entry by entry
//! with fresh stat data, so `git status` stays clean without re-hashing anything.

use std::path::{Path, PathBuf};
use std::time::Duration;

use gix::bstr::ByteSlice;

use super::{Signature, git_error};
use crate::error::{IoContext, Result};

/// How long a commit waits for another process to release `index.lock`.
const LOCK_WAIT: Duration = Duration::from_secs(30);

/// A path to commit: its content is read from `disk_path`, or it is removed when that is `None`.
#[derive(Debug, Clone)]
pub struct PathUpdate {
    pub git_path: String,
    pub disk_path: Option<PathBuf>,
}

/// Commits `updates` on top of HEAD with `message`, authored and committed by `author`, and
/// returns the new commit id.
pub fn commit_paths(
    repo_root: &Path,
    updates: &[PathUpdate],
    message: &str,
    author: &Signature,
) -> Result<String> {
    match commit(repo_root, updates, message, author, true)? {
        Some(id) => Ok(id),
        None => Err(git_error("commit", "nothing was committed")),
    }
}

/// Like [`commit_paths`], but makes no commit when the paths already have the contents of HEAD
/// (the index is still refreshed). A re-run that finishes an interrupted import whose commit
/// was written uses this, so it never leaves an empty commit.
pub fn commit_paths_if_changed(
    repo_root: &Path,
    updates: &[PathUpdate],
    message: &str,
    author: &Signature,
) -> Result<Option<String>> {
    commit(repo_root, updates, message, author, false)
}

fn commit(
    repo_root: &Path,
    updates: &[PathUpdate],
    message: &str,
    author: &Signature,
    allow_empty: bool,
) -> Result<Option<String>> {
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    if signing_required(&repo) || super::lfs::needs_filters(repo_root, updates)? {
        return super::config::commit_with_git(repo_root, updates, message, author).map(Some);
    }
    let index_path = repo.index_path();
    let lock = gix::lock::File::acquire_to_update_resource(
        &index_path,
        gix::lock::acquire::Fail::AfterDurationWithBackoff(LOCK_WAIT),
        None,
        0,
    )
    .map_err(|e| git_error("another git process holds the index lock", e))?;

    let head = repo.head_id().ok().map(|id| id.detach());
    let base_tree = match head {
        Some(id) => repo
            .find_commit(id)
            .and_then(|c| c.tree_id())
            .map_err(|e| git_error("cannot read HEAD", e))?
            .detach(),
        None => gix::ObjectId::empty_tree(repo.object_hash()),
    };
    let mut editor = repo
        .edit_tree(base_tree)
        .map_err(|e| git_error("cannot edit tree", e))?;
    let mut packed = packed_blobs(&repo, repo_root, updates)?.into_iter();
    let mut blobs = Vec::with_capacity(updates.len());
    for update in updates {
        match &update.disk_path {
            Some(disk) => {
                let id = match packed.next() {
                    Some(id) => id,
                    None => {
                        let data = std::fs::read(disk).at(disk)?;
                        repo.write_blob(&data)
                            .map_err(|e| git_error("cannot write blob", e))?
                            .detach()
                    }
                };
                editor
                    .upsert(
                        update.git_path.as_str(),
                        gix::object::tree::EntryKind::Blob,
                        id,
                    )
                    .map_err(|e| git_error("cannot edit tree", e))?;
                blobs.push(Some(id));
            }
            None => {
                editor
                    .remove(update.git_path.as_str())
                    .map_err(|e| git_error("cannot edit tree", e))?;
                blobs.push(None);
            }
        }
    }
    let tree = editor
        .write()
        .map_err(|e| git_error("cannot write tree", e))?
        .detach();
    let commit = if !allow_empty && head.is_some() && tree == base_tree {
        None
    } else {
        let signature = author.to_gix();
        let committer = committer_signature(&repo, author);
        let mut time_buf = gix::date::parse::TimeBuf::default();
        let mut time_buf2 = gix::date::parse::TimeBuf::default();
        Some(
            repo.commit_as(
                committer.to_ref(&mut time_buf2),
                signature.to_ref(&mut time_buf),
                "HEAD",
                message,
                tree,
                head,
            )
            .map_err(|e| git_error("cannot commit (did HEAD move?)", e))?
            .detach(),
        )
    };

    let mut index = open_index(&repo)?;
    // Look every path up while the entries are still sorted; new entries are pushed afterwards,
    // then sorted once (a push before a lookup would break the binary search).
    let mut new_entries = Vec::new();
    for (update, blob) in updates.iter().zip(&blobs) {
        if let Some(entry) = update_index_entry(&mut index, update, *blob)? {
            new_entries.push(entry);
        }
    }
    for (stat, id, path) in new_entries {
        index.dangerously_push_entry(
            stat,
            id,
            gix::index::entry::Flags::empty(),
            gix::index::entry::Mode::FILE,
            path.as_bytes().as_bstr(),
        );
    }
    index.sort_entries();
    index.remove_tree();
    // The index is written entry by entry: buffer it, or a large store costs one system call
    // per field.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, lock);
    index
        .write_to(&mut out, gix::index::write::Options::default())
        .map_err(|e| git_error("cannot write index", e))?;
    let lock = out
        .into_inner()
        .map_err(|e| git_error("cannot write index", e.error()))?;
    lock.commit()
        .map_err(|e| git_error("cannot replace index", e.error))?;
    Ok(commit.map(|c| c.to_string()))
}

/// From this many files on, blobs are written into one pack by `git fast-import`: a loose
/// object is a file of its own, and creating tens of thousands of them (a large import) costs
/// more than everything else in the commit.
const PACK_FROM: usize = 2_000;

/// The blob ids of every written file of `updates`, in order, when there are enough of them to
/// pack; otherwise nothing, and the caller writes loose objects.
fn packed_blobs(
    repo: &gix::Repository,
    repo_root: &Path,
    updates: &[PathUpdate],
) -> Result<Vec<gix::ObjectId>> {
    let disks: Vec<&Path> = updates
        .iter()
        .filter_map(|u| u.disk_path.as_deref())
        .collect();
    if disks.len() < PACK_FROM {
        return Ok(Vec::new());
    }
    let marks = repo
        .git_dir()
        .join(format!("gitcrm-blobs-{}.marks", std::process::id()));
    let result = fast_import_blobs(repo_root, &disks, &marks);
    let _ = std::fs::remove_file(&marks);
    result
}

fn fast_import_blobs(
    repo_root: &Path,
    disks: &[&Path],
    marks: &Path,
) -> Result<Vec<gix::ObjectId>> {
    use std::io::Write;
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
    for (i, disk) in disks.iter().enumerate() {
        let data = std::fs::read(disk).at(disk)?;
        write!(out, "blob\nmark :{}\ndata {}\n", i + 1, data.len()).map_err(pipe)?;
        out.write_all(&data).map_err(pipe)?;
        out.write_all(b"\n").map_err(pipe)?;
    }
    out.write_all(b"done\n").map_err(pipe)?;
    drop(out.into_inner().map_err(|e| pipe(e.into_error()))?);
    let status = child.wait().map_err(|e| git_error("git fast-import", e))?;
    if !status.success() {
        return Err(git_error("git fast-import", "failed to write the blobs"));
    }
    let text = std::fs::read_to_string(marks).at(marks)?;
    let mut ids = vec![None; disks.len()];
    for line in text.lines() {
        let parsed = line
            .strip_prefix(':')
            .and_then(|l| l.split_once(' '))
            .and_then(|(mark, hex)| {
                Some((
                    mark.parse::<usize>().ok()?,
                    gix::ObjectId::from_hex(hex.as_bytes()).ok()?,
                ))
            });
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

fn open_index(repo: &gix::Repository) -> Result<gix::index::File> {
    let path = repo.index_path();
    if path.exists() {
        repo.open_index()
            .map_err(|e| git_error("cannot read index", e))
    } else {
        Ok(gix::index::File::from_state(
            gix::index::State::new(repo.object_hash()),
            path,
        ))
    }
}

/// Updates the entry of an existing path in place (or removes it), and returns what to push
/// for a path the index does not have yet.
fn update_index_entry(
    index: &mut gix::index::File,
    update: &PathUpdate,
    blob: Option<gix::ObjectId>,
) -> Result<Option<(gix::index::entry::Stat, gix::ObjectId, String)>> {
    let path = update.git_path.as_bytes().as_bstr();
    let Some(id) = blob else {
        index.remove_entries(|_, p, _| p == path);
        return Ok(None);
    };
    let disk = update.disk_path.as_deref().unwrap_or(Path::new(""));
    let meta = gix::index::fs::Metadata::from_path_no_follow(disk).at(disk)?;
    let stat =
        gix::index::entry::Stat::from_fs(&meta).map_err(|e| git_error("cannot stat file", e))?;
    match index.entry_index_by_path(path) {
        Ok(i) => {
            let entry = &mut index.entries_mut()[i];
            entry.id = id;
            entry.stat = stat;
            Ok(None)
        }
        Err(_) => Ok(Some((stat, id, update.git_path.clone()))),
    }
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
        PathUpdate {
            git_path: name.into(),
            disk_path: Some(root.join(name)),
        }
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
        commit_paths(root, &first, "first", &sig()).unwrap();
        let second = vec![
            write(root, "a-new", "2"),
            write(root, "m19", "2"),
            write(root, "m10", "2"),
        ];
        commit_paths(root, &second, "second", &sig()).unwrap();
        let status = std::process::Command::new("git")
            .arg("status")
            .arg("--porcelain")
            .current_dir(root)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&status.stdout), "");
        let files = std::process::Command::new("git")
            .arg("ls-files")
            .current_dir(root)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&files.stdout).lines().count(), 21);
    }

    /// A commit large enough to pack its blobs lands as one commit whose blobs hold exactly the
    /// files' bytes, with `git status` clean and `git fsck` happy.
    #[test]
    fn large_commits_pack_their_blobs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        crate::git::init_repo(root).unwrap();
        let updates: Vec<PathUpdate> = (0..PACK_FROM)
            .map(|i| write(root, &format!("f{i:05}"), &format!("content {i}\n")))
            .collect();
        commit_paths(root, &updates, "many", &sig()).unwrap();
        let git = |args: &[&str]| {
            let out = std::process::Command::new("git")
                .args(args)
                .current_dir(root)
                .output()
                .unwrap();
            assert!(out.status.success(), "git {args:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        assert_eq!(git(&["status", "--porcelain"]), "");
        assert_eq!(git(&["show", "HEAD:f01234"]), "content 1234\n");
        assert_eq!(git(&["ls-files"]).lines().count(), PACK_FROM);
        assert_eq!(git(&["count-objects"]).split_whitespace().next(), Some("2"));
        git(&["fsck", "--strict"]);
    }
}
