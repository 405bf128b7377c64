//! Reading a committed tree: every blob under a folder of a revision, straight from the object
//! database. Loading records from here is several times faster than walking the work tree
//! (no inode per file), and it is how a branch is checked or reviewed without checking it out.

use std::path::{Path, PathBuf};

use gix::bstr::ByteSlice;
use rayon::prelude::*;

use super::git_error;
use crate::error::Result;

/// A file of a committed tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    /// Repository-relative path, `/`-separated.
    pub path: String,
    /// The blob id in hex, which identifies the content without reading it.
    pub id: String,
    pub data: Vec<u8>,
}

/// Every blob under `prefix` (repository-relative; `""` for the whole tree) in the tree of `rev`
/// (anything `git rev-parse` understands: `HEAD`, `main~2`, a commit id). A missing `prefix`
/// yields no files; symbolic links and submodules are skipped, as the store never holds them.
pub fn read_files(repo_root: &Path, rev: &str, prefix: &str) -> Result<Vec<TreeFile>> {
    let listed = list_files(repo_root, rev, prefix)?;
    let ids: Vec<String> = listed.iter().map(|(_, id)| id.clone()).collect();
    let data = read_blobs(repo_root, &ids)?;
    Ok(listed
        .into_iter()
        .zip(data)
        .map(|((path, id), data)| TreeFile { path, id, data })
        .collect())
}

/// `(path, blob id)` of every blob under `prefix` in the tree of `rev`, sorted by path, without
/// reading any blob.
pub fn list_files(repo_root: &Path, rev: &str, prefix: &str) -> Result<Vec<(String, String)>> {
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    let tree = tree_of(&repo, rev)?;
    let prefix = prefix.trim_matches('/');
    let tree = if prefix.is_empty() {
        tree
    } else {
        match tree
            .lookup_entry_by_path(prefix)
            .map_err(|e| git_error("cannot read tree", e))?
        {
            Some(entry) if entry.mode().is_tree() => entry
                .object()
                .map_err(|e| git_error("cannot read tree", e))?
                .into_tree(),
            _ => return Ok(Vec::new()),
        }
    };
    let mut recorder = gix::traverse::tree::Recorder::default();
    tree.traverse()
        .breadthfirst(&mut recorder)
        .map_err(|e| git_error("cannot walk tree", e))?;
    let mut files: Vec<(String, String)> = recorder
        .records
        .into_iter()
        .filter(|entry| entry.mode.is_blob())
        .map(|entry| {
            let relative = entry.filepath.to_str_lossy();
            let path = if prefix.is_empty() {
                relative.into_owned()
            } else {
                format!("{prefix}/{relative}")
            };
            (path, entry.oid.to_string())
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The content of one file of `rev` (repository-relative `path`), `None` when it has none.
pub fn read_file(repo_root: &Path, rev: &str, path: &str) -> Result<Option<Vec<u8>>> {
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    let tree = tree_of(&repo, rev)?;
    match tree
        .lookup_entry_by_path(path)
        .map_err(|e| git_error("cannot read tree", e))?
    {
        Some(entry) if entry.mode().is_blob() => Ok(Some(
            entry
                .object()
                .map_err(|e| git_error("cannot read blob", e))?
                .detach()
                .data,
        )),
        _ => Ok(None),
    }
}

/// The contents of the blobs with these ids (hex), in the same order, read in parallel (one
/// repository handle per thread, as gix handles are not shared across threads).
pub fn read_blobs(repo_root: &Path, ids: &[String]) -> Result<Vec<Vec<u8>>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = ids
        .iter()
        .map(|id| {
            gix::ObjectId::from_hex(id.as_bytes())
                .map_err(|e| git_error(&format!("bad object id `{id}`"), e))
        })
        .collect::<Result<Vec<_>>>()?;
    read_objects(repo_root, &ids)
}

/// Reads blobs in parallel: one chunk of ids per task, each with its own repository handle
/// (gix handles are not shared across threads without its `parallel` feature).
fn read_objects(repo_root: &Path, ids: &[gix::ObjectId]) -> Result<Vec<Vec<u8>>> {
    let chunk = ids
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .clamp(256, READS_PER_HANDLE as usize);
    let chunks = ids
        .par_chunks(chunk)
        .map(|ids| {
            let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
            ids.iter()
                .map(|id| {
                    repo.find_object(*id)
                        .map(|object| object.detach().data)
                        .map_err(|e| git_error("cannot read blob", e))
                })
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(chunks.into_iter().flatten().collect())
}

/// How many objects a thread's handle reads before it is opened afresh. A handle maps the pack
/// files it reads from, and every page it touched stays resident (and counted in the process's
/// memory) until the mapping goes; each read of a small object faults in the pages around it
/// too (the kernel maps 64 KiB around a fault). On a cold scan of a large store that was the
/// whole pack, once per thread: 154 MB of 430 MB at 200,000 touchpoints. A fresh handle pays
/// for it in faults instead: every lookup's binary search in the pack index, and every read,
/// maps its pages again. Measured on that store (cold `metrics`, `check`, `inbox`): renewed
/// every 256 reads, a third of a cold run was blob reads, most of it page faults and unmapping;
/// every 1,024 reads, with [`release_read_handles`] once the reading is done, the runs took
/// 10 to 20 % less and peaked at 177, 231 and 141 MB (207, 201 and 154 before); every 4,096,
/// 20 to 40 % less but `check` peaked at 250 MB.
const READS_PER_HANDLE: u32 = 1024;

/// Opening a handle's pack index costs time in proportion to the objects it holds (gix reads
/// every 32-bit offset to validate it, and the pages of its index are faulted in again), so
/// with a fixed [`READS_PER_HANDLE`] a cold scan costs the square of the store's size. A handle
/// serves one read for every this many packed objects (at least [`READS_PER_HANDLE`]), which
/// keeps a whole scan at about a thousand renewals however large the store. At 2,000,000
/// touchpoints (2.9 million objects: 2,843 reads a handle) cold `metrics` went from 49.7 s to
/// 34.9 s with the same peak memory (1.35 GB); one read for every 256 objects took 32.5 s but
/// peaked at 1.84 GB, from the pack pages each handle kept. Stores up to about a million
/// objects (200,000 touchpoints have 292,000) keep [`READS_PER_HANDLE`].
const OBJECTS_PER_READ: u64 = 1024;

/// How many reads a fresh handle on `repo` serves: [`READS_PER_HANDLE`], or more in a large
/// object database (see [`OBJECTS_PER_READ`]).
fn reads_per_handle(repo: &gix::Repository) -> u32 {
    reads_for(repo.objects.packed_object_count().unwrap_or(0))
}

/// [`reads_per_handle`] of an object database of `objects` packed objects.
fn reads_for(objects: u64) -> u32 {
    u32::try_from(objects / OBJECTS_PER_READ)
        .unwrap_or(u32::MAX)
        .max(READS_PER_HANDLE)
}

/// A thread's repository handle, and how many reads it has served.
struct LocalRepo {
    root: PathBuf,
    repo: gix::Repository,
    reads: u32,
    limit: u32,
}

thread_local! {
    /// One repository handle per thread and repository, reused across calls: opening one reads
    /// the configuration, which costs more than reading a small blob.
    static LOCAL_REPO: std::cell::RefCell<Option<LocalRepo>> =
        const { std::cell::RefCell::new(None) };
}

/// Drops every thread's handle (see [`READS_PER_HANDLE`]): the pack and index pages each one
/// mapped stay resident, and counted in the process's memory, until its handle goes. Called
/// when a command has read what it reads in bulk, before the work that follows.
pub fn release_read_handles() {
    let drop_this_threads = || LOCAL_REPO.with(|cell| cell.borrow_mut().take());
    rayon::broadcast(|_| drop(drop_this_threads()));
    drop(drop_this_threads());
}

/// Runs `f` with this thread's handle on the repository at `repo_root`.
fn with_local_repo<R>(repo_root: &Path, f: impl FnOnce(&gix::Repository) -> R) -> Result<R> {
    LOCAL_REPO.with(|cell| {
        let mut slot = cell.borrow_mut();
        let stale = slot
            .as_ref()
            .is_none_or(|l| l.root != repo_root || l.reads >= l.limit);
        if stale {
            // The old handle (and its mappings) goes before the new one maps anything.
            *slot = None;
            let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
            *slot = Some(LocalRepo {
                root: repo_root.to_path_buf(),
                limit: reads_per_handle(&repo),
                repo,
                reads: 0,
            });
        }
        let local = slot.as_mut().expect("set above");
        local.reads += 1;
        Ok(f(&local.repo))
    })
}

/// The content of the blob `id` (raw 20 bytes), `None` when the object database does not have
/// it (a partial clone that has not fetched it, or a file that was never added). For many small
/// reads from parallel tasks: each thread keeps its own repository handle.
pub fn read_blob(repo_root: &Path, id: &[u8; 20]) -> Result<Option<Vec<u8>>> {
    let oid = gix::ObjectId::from(*id);
    with_local_repo(repo_root, |repo| {
        // One lookup in the pack index, not two: each one in a fresh handle faults in the
        // index pages its binary search touches.
        repo.try_find_object(oid)
            .map(|object| object.map(|o| o.detach().data))
            .map_err(|e| git_error("cannot read blob", e))
    })?
}

/// Which of `ids` (raw) the object database lacks.
pub fn missing_objects(repo_root: &Path, ids: &[[u8; 20]]) -> Result<Vec<[u8; 20]>> {
    with_local_repo(repo_root, |repo| {
        ids.iter()
            .filter(|id| !repo.has_object(gix::ObjectId::from(**id)))
            .copied()
            .collect()
    })
}

/// The git blob id (hex) of `data`, as `git hash-object` computes it: the key under which a
/// file read from disk is cached.
pub fn blob_id(data: &[u8]) -> String {
    gix::objs::compute_hash(gix::hash::Kind::Sha1, gix::objs::Kind::Blob, data)
        .map(|id| id.to_string())
        .unwrap_or_default()
}

/// [`blob_id`] as its 20 raw bytes.
pub fn blob_id_raw(data: &[u8]) -> [u8; 20] {
    let mut out = [0u8; 20];
    if let Ok(id) = gix::objs::compute_hash(gix::hash::Kind::Sha1, gix::objs::Kind::Blob, data) {
        out.copy_from_slice(id.as_bytes());
    }
    out
}

/// The repository's git folder (`.git`, or where a linked work tree's `.git` file points).
pub fn git_dir(repo_root: &Path) -> Result<PathBuf> {
    let repo = super::config::settings(repo_root)?;
    Ok(repo.git_dir().to_path_buf())
}

/// The tree of `rev`, with errors naming the revision.
fn tree_of<'repo>(repo: &'repo gix::Repository, rev: &str) -> Result<gix::Tree<'repo>> {
    repo.rev_parse_single(rev)
        .map_err(|e| git_error(&format!("cannot resolve `{rev}`"), e))?
        .object()
        .map_err(|e| git_error(&format!("cannot read `{rev}`"), e))?
        .peel_to_tree()
        .map_err(|e| git_error(&format!("`{rev}` has no tree"), e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn git(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// More reads than a handle serves, on every thread, with the handles dropped halfway:
    /// every blob comes back whole, and one the database lacks is `None`.
    #[test]
    fn blob_reads_survive_renewals_and_released_handles() {
        use rayon::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        let count = READS_PER_HANDLE as usize + 50;
        let texts: Vec<String> = (0..count).map(|i| format!("record {i}\n")).collect();
        for (i, text) in texts.iter().enumerate() {
            std::fs::write(root.join(format!("{i}.yaml")), text).unwrap();
        }
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "many"]);
        let ids: Vec<[u8; 20]> = texts.iter().map(|t| blob_id_raw(t.as_bytes())).collect();
        let read_all = || -> Vec<Option<Vec<u8>>> {
            ids.par_iter()
                .map(|id| read_blob(root, id).unwrap())
                .collect()
        };
        let first = read_all();
        release_read_handles();
        let again = read_all();
        for (i, (a, b)) in first.iter().zip(&again).enumerate() {
            assert_eq!(a.as_deref(), Some(texts[i].as_bytes()));
            assert_eq!(a, b);
        }
        assert_eq!(read_blob(root, &[7; 20]).unwrap(), None);
    }

    #[test]
    fn handles_serve_more_reads_only_in_large_object_databases() {
        assert_eq!(reads_for(0), READS_PER_HANDLE);
        assert_eq!(reads_for(292_000), READS_PER_HANDLE);
        assert_eq!(reads_for(2_911_594), 2_843);
        assert_eq!(reads_for(u64::MAX), u32::MAX);
    }

    #[test]
    fn reads_files_under_a_prefix_of_a_revision() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        std::fs::create_dir_all(root.join("customers/acme/interactions")).unwrap();
        std::fs::write(root.join("customers/acme/customer.yaml"), "name: Acme\n").unwrap();
        std::fs::write(root.join("customers/acme/interactions/a.yaml"), "x: 1\n").unwrap();
        std::fs::write(root.join("README"), "hi\n").unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "one"]);
        std::fs::write(root.join("customers/acme/customer.yaml"), "name: Acme 2\n").unwrap();
        git(root, &["commit", "-q", "-am", "two"]);

        let files = read_files(root, "HEAD~1", "customers").unwrap();
        let paths: Vec<_> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "customers/acme/customer.yaml",
                "customers/acme/interactions/a.yaml"
            ]
        );
        assert_eq!(files[0].data, b"name: Acme\n");
        assert_eq!(read_files(root, "HEAD", "").unwrap().len(), 3);
        assert!(read_files(root, "HEAD", "nowhere").unwrap().is_empty());
        assert!(read_files(root, "no-such-rev", "").is_err());
    }
}
