//! Blobs of any size, without holding them in memory: a document of hundreds of megabytes is
//! written into the object database, identified and read back by streaming, and a work-tree
//! file whose stat data proves it holds its index entry is known by that entry's blob id
//! without being read at all (as `git status` knows it).

use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;

use super::{FileStat, git_command, git_error};
use crate::error::Result;

/// Writes the `size` bytes `from` yields as a loose blob, streaming (compressed and hashed as
/// they pass; gix's `write_blob_stream` would buffer them whole first). Returns its id (hex).
pub fn write_blob_from(repo_root: &Path, size: u64, from: &mut dyn Read) -> Result<String> {
    use gix::prelude::Write as _;
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    let mut counted = Counted {
        inner: from,
        read: 0,
    };
    let id = repo
        .objects
        .write_stream(gix::objs::Kind::Blob, size, &mut counted)
        .map_err(|e| git_error("cannot write blob", e))?;
    if counted.read != size {
        // The object would be named after a size it does not have: a corrupt blob.
        return Err(git_error(
            "cannot write blob",
            format!("expected {size} bytes, read {}", counted.read),
        ));
    }
    Ok(id.to_string())
}

/// The blob id git gives the `size` bytes `from` yields, hashed as they are read (constant
/// memory). Fewer or more bytes than `size` (a file changing as it is read) is an error.
pub fn blob_id_of(size: u64, from: &mut dyn Read) -> std::io::Result<String> {
    let mut hasher = gix::hash::hasher(gix::hash::Kind::Sha1);
    hasher.update(&gix::objs::encode::loose_header(
        gix::objs::Kind::Blob,
        size,
    ));
    let mut buf = vec![0u8; 1 << 16];
    let mut read = 0u64;
    loop {
        let n = from.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        read += n as u64;
    }
    if read != size {
        return Err(std::io::Error::other(format!(
            "expected {size} bytes, read {read}: the file changed while it was read"
        )));
    }
    hasher
        .try_finalize()
        .map(|id| id.to_string())
        .map_err(std::io::Error::other)
}

/// Copies the blob `id` into `out` as `git cat-file` streams it (no copy of it in this
/// process's memory).
pub fn copy_blob(repo_root: &Path, id: &str, out: &mut dyn Write) -> Result<u64> {
    if !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(git_error("bad object id", id));
    }
    let mut command = git_command(repo_root);
    command.args(["cat-file", "blob", id]);
    run_into(command, None, out, &format!("git cat-file blob {id}"))
}

/// Runs a git `command` (given `input` on its standard input), copying its output into `out`
/// as it comes (never all of it in memory); its error output, progress at most, is dropped,
/// so it can never fill a pipe nobody reads. Fails naming `what` when it exits non-zero.
pub(super) fn run_into(
    mut command: std::process::Command,
    input: Option<&[u8]>,
    out: &mut dyn Write,
    what: &str,
) -> Result<u64> {
    let mut child = command
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| git_error(&format!("cannot run {what}"), e))?;
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(input).map_err(|e| git_error(what, e))?;
    }
    let copied = match child.stdout.take() {
        Some(mut stdout) => std::io::copy(&mut stdout, out),
        None => Ok(0),
    };
    let status = child.wait().map_err(|e| git_error(what, e))?;
    if !status.success() {
        return Err(git_error(what, status));
    }
    copied.map_err(|e| git_error(what, e))
}

/// The blob id of the index entry of `git_path` when the work-tree file's stat data (`stat`)
/// proves it still holds that blob; `None` when it must be read (changed, untracked, racily
/// clean, conflicted).
pub fn indexed_blob(repo_root: &Path, git_path: &str, stat: FileStat) -> Result<Option<String>> {
    Ok(super::index_blobs(repo_root, [(git_path, stat)])?
        .ids
        .into_iter()
        .next()
        .flatten()
        .map(|raw| gix::ObjectId::from(raw).to_hex().to_string()))
}

/// The blob id of the index entry of `git_path` (stage 0), whatever the work-tree file holds;
/// `None` when the path is not in the index.
pub fn index_blob(repo_root: &Path, git_path: &str) -> Result<Option<String>> {
    use gix::bstr::ByteSlice;
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    if !super::index::has_index(&repo)? {
        return Ok(None);
    }
    let index = super::index::read_unverified(&repo)?;
    Ok(index
        .entry_by_path(git_path.as_bytes().as_bstr())
        .filter(|e| e.stage_raw() == 0)
        .map(|e| e.id.to_string()))
}

/// The size of the blob `id`, read from its header (the blob itself is not loaded).
pub fn blob_size(repo_root: &Path, id: &str) -> Result<u64> {
    use gix::prelude::HeaderExt as _;
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    let oid = gix::ObjectId::from_hex(id.as_bytes()).map_err(|e| git_error("bad object id", e))?;
    let header = repo
        .objects
        .header(oid)
        .map_err(|e| git_error(&format!("cannot read blob {id}"), e))?;
    Ok(header.size())
}

/// Counts the bytes read, so a short source is caught.
struct Counted<'a> {
    inner: &'a mut dyn Read,
    read: u64,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_blobs_are_the_blobs_git_writes() {
        let dir = tempfile::tempdir().unwrap();
        crate::git::init_repo(dir.path()).unwrap();
        let data: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let size = data.len() as u64;
        let id = write_blob_from(dir.path(), size, &mut data.as_slice()).unwrap();
        assert_eq!(id, crate::git::blob_id(&data));
        assert_eq!(blob_id_of(size, &mut data.as_slice()).unwrap(), id);
        assert!(blob_id_of(size + 1, &mut data.as_slice()).is_err());
        assert_eq!(blob_size(dir.path(), &id).unwrap(), data.len() as u64);
        let mut back = Vec::new();
        copy_blob(dir.path(), &id, &mut back).unwrap();
        assert_eq!(back, data);
        // A source shorter than announced is refused.
        let err = write_blob_from(dir.path(), 10, &mut &b"short"[..]).unwrap_err();
        assert!(err.to_string().contains("expected 10 bytes"), "{err}");
    }
}
