//! How a commit updates `.git/index` without throwing away what git and the user keep there.
//!
//! gix writes index version 2 or 3 with only the cache-tree extension. An index that git wrote
//! with more — version 4 (path compression, which `feature.manyFiles` turns on), the untracked
//! cache (`UNTR`), fsmonitor data (`FSMN`), resolve-undo (`REUC`), a split index (`link`), a
//! sparse index (`sdir`), or anything this module does not know — is updated by `git
//! update-index` itself, on a copy, so every extension is kept or invalidated exactly the way
//! git does it for the paths touched. A plain index (the common case, and the fastest) is
//! updated in-process, with the cache tree invalidated only along the paths that changed, as
//! git's `cache_tree_invalidate_path` does, so a later `git status` or `git commit` still skips
//! every unchanged folder.
//!
//! Either way the new index is written into `index.lock`, held by the caller, and not put in
//! place: the caller decides when (see `commit.rs`).

use std::io::Write;
use std::path::Path;

use gix::bstr::ByteSlice;

use super::git_error;
use crate::error::{Error, IoContext, Result};

/// A change to one index entry.
#[derive(Debug, Clone)]
pub(super) struct EntryUpdate {
    /// Repository-relative path, `/`-separated.
    pub path: String,
    /// The new blob and the stat data to record for it (zeroed stat data makes git compare the
    /// file's content), or `None` to remove the entry.
    pub blob: Option<(gix::ObjectId, gix::index::entry::Stat)>,
}

/// The extensions gix writes back itself: anything else sends the update through git.
const GIX_WRITES: &[&[u8; 4]] = &[b"TREE", b"EOIE"];

/// The layout of an index file: its version, how many entries it holds and the signatures of
/// its extensions, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFormat {
    pub version: u32,
    pub entries: u32,
    pub extensions: Vec<[u8; 4]>,
}

impl IndexFormat {
    /// Reads the layout of the index at `path`, or `None` when there is no index. A file that
    /// cannot be parsed is reported as an error rather than guessed at.
    pub fn read(path: &Path) -> Result<Option<IndexFormat>> {
        Ok(read_index_file(path)?.map(|read| read.format))
    }

    /// Whether gix can write this index back without losing anything git put in it.
    fn gix_keeps_everything(&self) -> bool {
        matches!(self.version, 2 | 3) && self.extensions.iter().all(|s| GIX_WRITES.contains(&s))
    }
}

/// An index file as read for an update: its layout, its bytes and when it was last written.
struct IndexFile {
    format: IndexFormat,
    data: Vec<u8>,
    modified: filetime::FileTime,
}

/// Reads the index at `path` once, for both its layout and its entries: at 2.5 million entries
/// the file is 339 MB, and reading it a second time through gix (with its checksum) cost a
/// third of a `log`.
fn read_index_file(path: &Path) -> Result<Option<IndexFile>> {
    if !super::index::index_is_file(path)? {
        return Ok(None);
    }
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    let mut data = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(&mut file, &mut data).map_err(|e| Error::io(path, e))?;
    let format = parse_format(&data, 20).ok_or_else(|| {
        git_error(
            "cannot read index",
            format!("{} is damaged", path.display()),
        )
    })?;
    Ok(Some(IndexFile {
        format,
        data,
        modified: filetime::FileTime::from_last_modification_time(&meta),
    }))
}

/// Parses the header, skips the entries and lists the extension signatures of an index
/// (`hash_len`: the length of the trailing checksum). `None` when the bytes are not a
/// well-formed index.
fn parse_format(data: &[u8], hash_len: usize) -> Option<IndexFormat> {
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
    };
    if data.get(..4)? != b"DIRC" {
        return None;
    }
    let version = word(4)?;
    let count = word(8)?;
    if !(2..=4).contains(&version) {
        return None;
    }
    // ctime, mtime (8 each), dev, ino, mode, uid, gid, size (4 each), object id, flags (2).
    let fixed = 40 + hash_len + 2;
    let mut at = 12usize;
    for _ in 0..count {
        let start = at;
        let flags = u16::from_be_bytes(data.get(at + fixed - 2..at + fixed)?.try_into().ok()?);
        at += fixed;
        if version >= 3 && flags & 0x4000 != 0 {
            at += 2;
        }
        if version == 4 {
            // A varint (how much of the previous path to drop), then the rest of the path.
            while *data.get(at)? & 0x80 != 0 {
                at += 1;
            }
            at += 1;
            at += data.get(at..)?.iter().position(|&b| b == 0)? + 1;
        } else {
            let name_end = at + data.get(at..)?.iter().position(|&b| b == 0)?;
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
            at = start + (name_end - start + 8) / 8 * 8;
        }
    }
    let end = data.len().checked_sub(hash_len)?;
    let mut extensions = Vec::new();
    while at < end {
        let signature: [u8; 4] = data.get(at..at + 4)?.try_into().ok()?;
        let size = word(at + 4)? as usize;
        at = at.checked_add(8 + size)?;
        extensions.push(signature);
    }
    (at == end).then_some(IndexFormat {
        version,
        entries: count,
        extensions,
    })
}

/// Writes the index with `updates` applied into `lock` (git's `index.lock`, held by the
/// caller), keeping its version and extensions, and returns the lock with the new index in it.
pub(super) fn write_updated(
    repo: &gix::Repository,
    lock: gix::lock::File,
    updates: &[EntryUpdate],
) -> Result<gix::lock::File> {
    let index_path = repo.index_path();
    let read = read_index_file(&index_path)?;
    if let Some(read) = &read
        && !read.format.gix_keeps_everything()
    {
        let bytes = update_with_git(repo, &index_path, updates)?;
        let mut lock = lock;
        lock.write_all(&bytes)
            .map_err(|e| git_error("cannot write index", e))?;
        return Ok(lock);
    }
    let mut index = decode_index(repo, read)?;
    apply(&mut index, updates);
    write_into(index, lock)
}

/// The entries of an index gix can write back (no split index: that goes through git), decoded
/// from the bytes already read. The trailing checksum is not verified, as git does not when it
/// reads its index for `git add` (only `git fsck` does); the layout was checked, and the
/// entries are decoded with bounds checks.
fn decode_index(repo: &gix::Repository, read: Option<IndexFile>) -> Result<gix::index::File> {
    let path = repo.index_path();
    let Some(read) = read else {
        return Ok(gix::index::File::from_state(
            gix::index::State::new(repo.object_hash()),
            path,
        ));
    };
    let (state, _checksum) = gix::index::State::from_bytes(
        &read.data,
        read.modified,
        repo.object_hash(),
        gix::index::decode::Options::default(),
    )
    .map_err(|e| git_error("cannot read index", e))?;
    drop(read.data);
    Ok(gix::index::File::from_state(state, path))
}

fn write_into(index: gix::index::File, lock: gix::lock::File) -> Result<gix::lock::File> {
    // The index is written entry by entry: buffer it, or a large store costs one system call
    // per field.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, lock);
    index
        .write_to(&mut out, gix::index::write::Options::default())
        .map_err(|e| git_error("cannot write index", e))?;
    out.into_inner()
        .map_err(|e| git_error("cannot write index", e.error()))
}

/// Applies `updates` to an index gix can write.
fn apply(index: &mut gix::index::File, updates: &[EntryUpdate]) {
    // Look every path up while the entries are still sorted; new entries are pushed afterwards,
    // then sorted once (a push before a lookup would break the binary search).
    let mut new_entries = Vec::new();
    for update in updates {
        let path = update.path.as_bytes().as_bstr();
        match update.blob {
            None => index.remove_entries(|_, p, _| p == path),
            Some((id, stat)) => match index.entry_index_by_path(path) {
                Ok(i) => {
                    let entry = &mut index.entries_mut()[i];
                    entry.id = id;
                    entry.stat = stat;
                }
                Err(_) => new_entries.push((stat, id, update.path.as_str())),
            },
        }
        if let Some(tree) = index.tree_mut() {
            invalidate_tree_path(tree, &update.path);
        }
    }
    let added = !new_entries.is_empty();
    for (stat, id, path) in new_entries {
        index.dangerously_push_entry(
            stat,
            id,
            gix::index::entry::Flags::empty(),
            gix::index::entry::Mode::FILE,
            path.as_bytes().as_bstr(),
        );
    }
    if added {
        index.sort_entries();
    }
}

/// Marks every cache-tree level along `path` invalid, and drops a cached subtree that `path`
/// names itself: what git's `cache_tree_invalidate_path` does, so the unchanged folders keep
/// their cached tree ids.
fn invalidate_tree_path(tree: &mut gix::index::extension::Tree, path: &str) {
    tree.num_entries = None;
    let (name, rest) = match path.split_once('/') {
        Some((name, rest)) => (name, Some(rest)),
        None => (path, None),
    };
    let Some(at) = tree
        .children
        .iter()
        .position(|child| child.name.as_slice() == name.as_bytes())
    else {
        return;
    };
    match rest {
        Some(rest) => invalidate_tree_path(&mut tree.children[at], rest),
        None => {
            tree.children.remove(at);
        }
    }
}

/// The index with `updates` applied, written by `git update-index` on a copy of it (the real
/// index stays locked by this process), as bytes for `index.lock`.
fn update_with_git(
    repo: &gix::Repository,
    index_path: &Path,
    updates: &[EntryUpdate],
) -> Result<Vec<u8>> {
    let work_dir = repo
        .workdir()
        .ok_or_else(|| git_error("cannot update index", "the repository has no work tree"))?;
    let copy = repo.git_dir().join("gitcrm").join("index.next");
    std::fs::create_dir_all(copy.parent().unwrap_or(repo.git_dir())).at(&copy)?;
    // A copy left by a killed run, and git's own lock on it, are this clone's: `index.lock`
    // is held, so no other command can be using them.
    let copy_lock = copy.with_file_name("index.next.lock");
    let _ = std::fs::remove_file(&copy_lock);
    std::fs::copy(index_path, &copy).at(&copy)?;
    // git decides which entries are racily clean by the index file's modification time: the
    // copy must have the original's.
    let modified = std::fs::metadata(index_path).at(index_path)?.modified();
    if let Ok(modified) = modified {
        std::fs::File::options()
            .write(true)
            .open(&copy)
            .and_then(|f| f.set_modified(modified))
            .at(&copy)?;
    }
    let result =
        run_update_index(work_dir, &copy, updates).and_then(|()| std::fs::read(&copy).at(&copy));
    let _ = std::fs::remove_file(&copy);
    result
}

fn run_update_index(work_dir: &Path, index: &Path, updates: &[EntryUpdate]) -> Result<()> {
    let mut input = Vec::new();
    for update in updates {
        // The exact blob committed (no clean filter runs), with the stat data left for git to
        // refresh; mode 0 removes the entry.
        match update.blob {
            Some((id, _)) => write!(input, "100644 {id}\t"),
            None => write!(input, "0 {}\t", gix::ObjectId::null(id_kind(updates))),
        }
        .map_err(|e| git_error("cannot update index", e))?;
        input.extend_from_slice(update.path.as_bytes());
        input.push(0);
    }
    let mut child = super::git_command(work_dir)
        .env("GIT_INDEX_FILE", index)
        .args(["update-index", "-z", "--index-info"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| git_error("cannot run git update-index", e))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| git_error("git update-index", "no stdin"))?;
    let written = stdin.write_all(&input);
    drop(stdin);
    let output = child
        .wait_with_output()
        .map_err(|e| git_error("git update-index", e))?;
    if !output.status.success() {
        return Err(git_error(
            "git update-index failed",
            String::from_utf8_lossy(&output.stderr).trim(),
        ));
    }
    written.map_err(|e| git_error("writing to git update-index", e))
}

fn id_kind(updates: &[EntryUpdate]) -> gix::hash::Kind {
    updates
        .iter()
        .find_map(|u| u.blob.map(|(id, _)| id.kind()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(root: &Path, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// The layout is read for every version git writes, and a truncated file is refused.
    #[test]
    fn formats_of_every_version_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q"]);
        std::fs::create_dir(root.join("d")).unwrap();
        for name in ["a", "d/bb", "d/ccc", "eeeeeeeeeeeeeee"] {
            std::fs::write(root.join(name), name).unwrap();
        }
        git(root, &["add", "."]);
        git(
            root,
            &[
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@e",
                "commit",
                "-qm",
                "x",
            ],
        );
        let index = root.join(".git/index");
        // Version 3 is only written for entries with extended flags, such as skip-worktree.
        for (version, skip) in [
            ("2", "--no-skip-worktree"),
            ("3", "--skip-worktree"),
            ("4", "--skip-worktree"),
        ] {
            git(root, &["update-index", skip, "a"]);
            git(root, &["update-index", "--index-version", version]);
            git(root, &["-c", "core.untrackedCache=true", "status", "-s"]);
            let format = IndexFormat::read(&index).unwrap().unwrap();
            assert_eq!(format.version.to_string(), version);
            assert_eq!(format.extensions, vec![*b"TREE", *b"UNTR"], "{version}");
            assert_eq!(format.entries, 4, "{version}");
        }
        let data = std::fs::read(&index).unwrap();
        assert_eq!(parse_format(&data[..data.len() - 25], 20), None);
        assert_eq!(parse_format(b"DIRC", 20), None);
    }

    /// A path's folders lose their cached tree ids, their siblings keep them, and a folder
    /// named by the path itself is dropped.
    #[test]
    fn cache_tree_is_invalidated_along_the_path() {
        use gix::index::extension::Tree;
        let leaf = |name: &str, children: Vec<Tree>| Tree {
            name: name.as_bytes().into(),
            id: gix::ObjectId::null(gix::hash::Kind::Sha1),
            num_entries: Some(1),
            children,
        };
        let mut root = leaf(
            "",
            vec![
                leaf("a", vec![leaf("x", vec![]), leaf("y", vec![])]),
                leaf("b", vec![]),
            ],
        );
        invalidate_tree_path(&mut root, "a/x/file");
        assert_eq!(root.num_entries, None);
        assert_eq!(root.children[0].num_entries, None);
        assert_eq!(root.children[0].children[0].num_entries, None);
        assert_eq!(root.children[0].children[1].num_entries, Some(1));
        assert_eq!(root.children[1].num_entries, Some(1));
        invalidate_tree_path(&mut root, "a/y");
        assert_eq!(root.children[0].children.len(), 1);
    }
}
