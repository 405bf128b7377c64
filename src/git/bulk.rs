//! Bulk history for generated stores, written in-process into one pack.
//!
//! `demo` at two million touchpoints commits 2.5 million file versions in a few dozen commits.
//! `git fast-import` took an hour and a half for that (it finds each path's tree entry by a
//! linear search, and `customers/` holds thousands of folders); loose objects would be millions
//! of files. Here every object is hashed and compressed on all cores, appended to a single
//! pack file as it is made (undeltified, zlib level 1), each commit's trees are rebuilt from the
//! previous commit's trees with only the changed folders rewritten, and the pack's index is
//! written at the end. The ref and `.git/index` (with the stat data of the files the caller
//! wrote, so `git status` does not rehash them) are updated last. The commits are byte for byte
//! the ones `git fast-import` made from the same stream: same trees, same commit ids.
//!
//! Only `demo` uses this; every everyday command commits through [`super::commit()`].

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::index_write::{self, EntryUpdate};
use super::{Signature, git_error};
use crate::error::{Error, IoContext, Result};

/// One commit of a bulk import: files (git path and contents) added on top of the previous one.
#[derive(Debug, Clone)]
pub struct BulkCommit<'a> {
    pub author: Signature,
    pub message: String,
    pub files: Vec<(String, &'a [u8])>,
}

/// The result of [`bulk_import`]: the branch has moved; [`BulkImport::write_index`] makes
/// `.git/index` agree with it. Two steps so the caller can free the file contents it held for
/// the commits before the index (millions of entries) is built.
pub struct BulkImport {
    repo_root: PathBuf,
    root: Dir,
}

/// Appends `commits` to `branch` (which HEAD is on) as one new pack, then points the branch at
/// the last one. `progress(done, total)` is called after every commit (`total` from the
/// iterator's length).
pub fn bulk_import<'a>(
    repo_root: &Path,
    branch: &str,
    commits: impl ExactSizeIterator<Item = BulkCommit<'a>>,
    progress: &dyn Fn(u64, u64),
) -> Result<BulkImport> {
    let repo = gix::open(repo_root).map_err(|e| git_error("cannot open repository", e))?;
    if repo.object_hash() != gix::hash::Kind::Sha1 {
        return Err(Error::Git(
            "the demo writes SHA-1 repositories only".to_string(),
        ));
    }
    let ref_name = format!("refs/heads/{branch}");
    let parent = repo
        .try_find_reference(ref_name.as_str())
        .map_err(|e| git_error("cannot read branch", e))?
        .and_then(|mut r| r.peel_to_id().ok().map(|id| id.detach()));
    let mut root = match parent {
        Some(commit) => {
            let tree = repo
                .find_commit(commit)
                .and_then(|c| c.tree_id())
                .map_err(|e| git_error("cannot read the branch's tree", e))?;
            Dir::load(&repo, tree.detach())?
        }
        None => Dir::default(),
    };
    let mut pack = PackWriter::create(&repo.common_dir().join("objects").join("pack"))?;
    let total = commits.len() as u64;
    let mut head = parent;
    let mut last_message = String::new();
    let mut last_author = None;
    for (n, commit) in commits.enumerate() {
        let blobs: Vec<Encoded> = commit
            .files
            .par_iter()
            .map(|(_, data)| Encoded::new(gix::objs::Kind::Blob, data))
            .collect::<Result<_>>()?;
        for ((path, _), blob) in commit.files.iter().zip(blobs) {
            root.insert(path, blob.id)?;
            pack.add(blob)?;
        }
        let mut trees = Vec::new();
        let tree = root.write(&mut trees)?;
        for t in trees {
            pack.add(t)?;
        }
        let signature = commit.author.to_gix();
        let object = gix::objs::Commit {
            message: commit.message.as_str().into(),
            tree,
            author: signature.clone(),
            committer: signature,
            encoding: None,
            parents: head.into_iter().collect(),
            extra_headers: Default::default(),
        };
        let mut bytes = Vec::new();
        gix::objs::WriteTo::write_to(&object, &mut bytes)
            .map_err(|e| git_error("cannot write commit", e))?;
        let encoded = Encoded::new(gix::objs::Kind::Commit, &bytes)?;
        head = Some(encoded.id);
        pack.add(encoded)?;
        last_message = commit.message;
        last_author = Some(commit.author);
        progress(n as u64 + 1, total);
    }
    pack.finish()?;
    if let (Some(new), Some(author)) = (head, last_author)
        && head != parent
    {
        move_branch(&repo, &ref_name, &author, &last_message, new, parent)?;
    }
    Ok(BulkImport {
        repo_root: repo_root.to_path_buf(),
        root,
    })
}

impl BulkImport {
    /// Writes `.git/index` to match the new branch tip, with the stat data of every file in the
    /// work tree (the caller wrote them), so `git status` is clean without reading any file.
    pub fn write_index(self) -> Result<()> {
        let BulkImport { repo_root, root } = self;
        let mut updates = Vec::new();
        root.files("", &mut updates);
        drop(root);
        updates.par_iter_mut().for_each(|update| {
            if let Some((_, stat)) = &mut update.blob {
                // A file that is not there keeps zeroed stat data: git then compares its
                // content instead of trusting the entry.
                *stat = super::commit::stat_of(&repo_root.join(&update.path)).unwrap_or_default();
            }
        });
        let repo = gix::open(&repo_root).map_err(|e| git_error("cannot open repository", e))?;
        let lock = super::commit::acquire_index_lock(&repo)?;
        index_write::write_updated(&repo, lock, &updates)?
            .commit()
            .map_err(|e| git_error("cannot replace index", e.error))?;
        Ok(())
    }
}

/// Points `ref_name` at `new`, expecting it at `previous`.
fn move_branch(
    repo: &gix::Repository,
    ref_name: &str,
    author: &Signature,
    message: &str,
    new: gix::ObjectId,
    previous: Option<gix::ObjectId>,
) -> Result<()> {
    use gix::bstr::ByteSlice;
    use gix::refs::Target;
    use gix::refs::transaction::{Change, LogChange, PreviousValue, RefEdit, RefLog};
    let expected = match previous {
        Some(p) => PreviousValue::MustExistAndMatch(Target::Object(p)),
        None => PreviousValue::MustNotExist,
    };
    let summary = message.lines().next().unwrap_or_default();
    let edit = RefEdit {
        change: Change::Update {
            log: LogChange {
                mode: RefLog::AndReference,
                force_create_reflog: false,
                message: gix::reference::log::message(
                    "demo",
                    summary.as_bytes().as_bstr(),
                    usize::from(previous.is_some()),
                ),
            },
            expected,
            new: Target::Object(new),
        },
        name: ref_name
            .try_into()
            .map_err(|e| git_error("bad reference name", e))?,
        deref: false,
    };
    let committer = author.to_gix();
    let mut time = gix::date::parse::TimeBuf::default();
    repo.edit_references_as(Some(edit), Some(committer.to_ref(&mut time)))
        .map_err(|e| git_error("cannot move the branch", e))?;
    Ok(())
}

/// One object as it goes into the pack: its id, its pack entry (type and size header, then the
/// zlib stream of its content) and the entry's CRC-32, which the pack index records.
struct Encoded {
    id: gix::ObjectId,
    entry: Vec<u8>,
    crc32: u32,
}

impl Encoded {
    fn new(kind: gix::objs::Kind, data: &[u8]) -> Result<Encoded> {
        let id = gix::objs::compute_hash(gix::hash::Kind::Sha1, kind, data)
            .map_err(|e| git_error("cannot hash object", e))?;
        let type_bits: u8 = match kind {
            gix::objs::Kind::Commit => 1,
            gix::objs::Kind::Tree => 2,
            gix::objs::Kind::Blob => 3,
            gix::objs::Kind::Tag => 4,
        };
        let mut entry = Vec::with_capacity(data.len() / 2 + 32);
        // Size, 4 bits in the first byte after the type, then 7 bits a byte, low bits first.
        let mut size = data.len() as u64;
        let mut byte = (type_bits << 4) | (size & 0x0f) as u8;
        size >>= 4;
        while size > 0 {
            entry.push(byte | 0x80);
            byte = (size & 0x7f) as u8;
            size >>= 7;
        }
        entry.push(byte);
        deflate(data, &mut entry)?;
        let crc32 = crc32fast::hash(&entry);
        Ok(Encoded { id, entry, crc32 })
    }
}

thread_local! {
    /// One compressor per thread, reset for each object: a new one allocates and clears
    /// hundreds of kilobytes of tables, more than compressing a small record costs.
    static DEFLATE: std::cell::RefCell<gix::zlib::stream::deflate::Compress> =
        std::cell::RefCell::new(gix::zlib::stream::deflate::Compress::new(
            gix::zlib::Compression::BEST_SPEED,
        ));
}

/// Appends the zlib stream of `data` (level 1, git's loose-object level) to `out`.
fn deflate(data: &[u8], out: &mut Vec<u8>) -> Result<()> {
    use gix::zlib::Status;
    use gix::zlib::stream::deflate::FlushCompress;
    DEFLATE.with_borrow_mut(|z| {
        z.reset();
        let mut read = 0;
        let mut written = out.len();
        // zlib's compressBound: enough for incompressible input, so one call usually finishes.
        let n = data.len();
        out.resize(written + n + (n >> 12) + (n >> 14) + (n >> 25) + 64, 0);
        loop {
            let (was_in, was_out) = (z.total_in(), z.total_out());
            let status = z
                .compress(&data[read..], &mut out[written..], FlushCompress::Finish)
                .map_err(|e| git_error("cannot compress object", e))?;
            let (took, gave) = (z.total_in() - was_in, z.total_out() - was_out);
            read += took as usize;
            written += gave as usize;
            match status {
                Status::StreamEnd => break,
                _ if written == out.len() => out.resize(out.len() * 2, 0),
                _ if took == 0 && gave == 0 => {
                    return Err(Error::Git("cannot compress object: zlib is stuck".into()));
                }
                _ => {}
            }
        }
        out.truncate(written);
        Ok(())
    })
}

/// A pack being written: entries are appended as they come; [`PackWriter::finish`] writes the
/// object count into the header, the checksum, and the index (version 2), then moves both into
/// place under git's names.
struct PackWriter {
    dir: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
    offset: u64,
    /// (id, offset, crc32) of every object written.
    entries: Vec<(gix::ObjectId, u64, u32)>,
    seen: gix::hashtable::HashSet,
}

impl PackWriter {
    fn create(dir: &Path) -> Result<PackWriter> {
        std::fs::create_dir_all(dir).at(dir)?;
        let tmp = dir.join(format!("tmp_pack_gitcrm_{}", std::process::id()));
        // Read and write: `finish` reads the pack back for its checksum.
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&tmp)
            .at(&tmp)?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        // The count is filled in by `finish`.
        out.write_all(b"PACK\0\0\0\x02\0\0\0\0").at(&tmp)?;
        Ok(PackWriter {
            dir: dir.to_path_buf(),
            tmp,
            out,
            offset: 12,
            entries: Vec::new(),
            seen: Default::default(),
        })
    }

    /// Appends `object` unless the pack holds it already (the same contents twice).
    fn add(&mut self, object: Encoded) -> Result<()> {
        if !self.seen.insert(object.id) {
            return Ok(());
        }
        self.out.write_all(&object.entry).at(&self.tmp)?;
        self.entries.push((object.id, self.offset, object.crc32));
        self.offset += object.entry.len() as u64;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        let PackWriter {
            dir,
            tmp,
            out,
            mut entries,
            seen,
            ..
        } = self;
        drop(seen);
        let count = u32::try_from(entries.len())
            .map_err(|_| Error::Git("too many objects for one pack".into()))?;
        let mut file = out
            .into_inner()
            .map_err(|e| Error::io(&tmp, e.into_error()))?;
        file.seek(SeekFrom::Start(8)).at(&tmp)?;
        file.write_all(&count.to_be_bytes()).at(&tmp)?;
        // The trailer is the SHA-1 of everything before it, header included: read it back.
        file.seek(SeekFrom::Start(0)).at(&tmp)?;
        let mut hasher = gix::hash::hasher(gix::hash::Kind::Sha1);
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = file.read(&mut buf).at(&tmp)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        let checksum = hasher
            .try_finalize()
            .map_err(|e| git_error("cannot hash pack", e))?;
        file.write_all(checksum.as_bytes()).at(&tmp)?;
        file.sync_all().at(&tmp)?;
        drop(file);
        let name = format!("pack-{checksum}");
        let pack = dir.join(format!("{name}.pack"));
        std::fs::rename(&tmp, &pack).at(&pack)?;

        entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let idx_tmp = dir.join(format!("tmp_idx_gitcrm_{}", std::process::id()));
        let mut idx = HashingWriter {
            out: BufWriter::with_capacity(1 << 20, File::create(&idx_tmp).at(&idx_tmp)?),
            hasher: gix::hash::hasher(gix::hash::Kind::Sha1),
        };
        let io = |e| Error::io(&idx_tmp, e);
        idx.write_all(b"\xfftOc\0\0\0\x02").map_err(io)?;
        let mut fanout = [0u32; 256];
        for (id, _, _) in &entries {
            fanout[usize::from(id.as_bytes()[0])] += 1;
        }
        let mut running = 0u32;
        for n in fanout {
            running += n;
            idx.write_all(&running.to_be_bytes()).map_err(io)?;
        }
        for (id, _, _) in &entries {
            idx.write_all(id.as_bytes()).map_err(io)?;
        }
        for (_, _, crc) in &entries {
            idx.write_all(&crc.to_be_bytes()).map_err(io)?;
        }
        // Offsets from 2 GiB on go into a table of 64-bit offsets, named by index.
        let mut large = Vec::new();
        for (_, offset, _) in &entries {
            let small = if *offset < 0x8000_0000 {
                *offset as u32
            } else {
                large.push(*offset);
                0x8000_0000 | (large.len() as u32 - 1)
            };
            idx.write_all(&small.to_be_bytes()).map_err(io)?;
        }
        for offset in large {
            idx.write_all(&offset.to_be_bytes()).map_err(io)?;
        }
        idx.write_all(checksum.as_bytes()).map_err(io)?;
        let HashingWriter { mut out, hasher } = idx;
        let idx_checksum = hasher
            .try_finalize()
            .map_err(|e| git_error("cannot hash pack index", e))?;
        out.write_all(idx_checksum.as_bytes()).map_err(io)?;
        let file = out.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        let idx_path = dir.join(format!("{name}.idx"));
        std::fs::rename(&idx_tmp, &idx_path).at(&idx_path)?;
        Ok(())
    }
}

/// Writes through to `out` and hashes what it writes (the pack index ends with its own SHA-1).
struct HashingWriter {
    out: BufWriter<File>,
    hasher: gix::hash::Hasher,
}

impl Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A folder of the tree being built: entries sorted by name, and its tree id while it is
/// unchanged since it was last written (`None` once anything under it changed).
#[derive(Default)]
struct Dir {
    entries: Vec<(Box<str>, Node)>,
    id: Option<gix::ObjectId>,
}

enum Node {
    /// A file: its blob and its mode (plain, executable, a link or a submodule).
    Blob {
        id: gix::ObjectId,
        mode: gix::objs::tree::EntryMode,
    },
    Tree(Box<Dir>),
}

impl Node {
    fn is_tree(&self) -> bool {
        matches!(self, Node::Tree(_))
    }
}

impl Dir {
    /// The tree `id` of the repository, as a `Dir` whose folders are all unchanged.
    fn load(repo: &gix::Repository, id: gix::ObjectId) -> Result<Dir> {
        let tree = repo
            .find_tree(id)
            .map_err(|e| git_error("cannot read tree", e))?;
        let decoded = tree
            .decode()
            .map_err(|e| git_error("cannot read tree", e))?;
        let mut entries = Vec::with_capacity(decoded.entries.len());
        for entry in &decoded.entries {
            let name: Box<str> = std::str::from_utf8(entry.filename)
                .map_err(|e| git_error("cannot read tree", e))?
                .into();
            let oid = entry.oid.to_owned();
            let node = if entry.mode.is_tree() {
                Node::Tree(Box::new(Dir::load(repo, oid)?))
            } else {
                Node::Blob {
                    id: oid,
                    mode: entry.mode,
                }
            };
            entries.push((name, node));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Dir {
            entries,
            id: Some(id),
        })
    }

    /// Sets the file at `path` (`/`-separated) to blob `id`, creating folders on the way.
    fn insert(&mut self, path: &str, id: gix::ObjectId) -> Result<()> {
        let bad = || Error::Git(format!("cannot commit {path:?}: not a file path"));
        let mut dir = self;
        let mut parts = path.split('/').peekable();
        while let Some(part) = parts.next() {
            if part.is_empty() || part == "." || part == ".." {
                return Err(bad());
            }
            dir.id = None;
            let at = dir.entries.binary_search_by(|(n, _)| (**n).cmp(part));
            if parts.peek().is_none() {
                let node = Node::Blob {
                    id,
                    mode: gix::objs::tree::EntryKind::Blob.into(),
                };
                match at {
                    Ok(i) if !dir.entries[i].1.is_tree() => dir.entries[i].1 = node,
                    Ok(_) => return Err(bad()),
                    Err(i) => dir.entries.insert(i, (part.into(), node)),
                }
                return Ok(());
            }
            let i = match at {
                Ok(i) => i,
                Err(i) => {
                    dir.entries
                        .insert(i, (part.into(), Node::Tree(Box::default())));
                    i
                }
            };
            dir = match &mut dir.entries[i].1 {
                Node::Tree(sub) => sub,
                Node::Blob { .. } => return Err(bad()),
            };
        }
        Err(bad())
    }

    /// Writes every changed folder under this one (and this one), pushing the new tree objects
    /// onto `out`, and returns this folder's tree id. Large sets of changed subfolders are
    /// written in parallel.
    fn write(&mut self, out: &mut Vec<Encoded>) -> Result<gix::ObjectId> {
        if let Some(id) = self.id {
            return Ok(id);
        }
        let mut changed: Vec<&mut Dir> = self
            .entries
            .iter_mut()
            .filter_map(|(_, node)| match node {
                Node::Tree(sub) if sub.id.is_none() => Some(&mut **sub),
                _ => None,
            })
            .collect();
        if changed.len() >= 16 {
            let parts: Vec<Vec<Encoded>> = changed
                .par_iter_mut()
                .map(|sub| {
                    let mut part = Vec::new();
                    sub.write(&mut part).map(|_| part)
                })
                .collect::<Result<_>>()?;
            out.extend(parts.into_iter().flatten());
        } else {
            for sub in changed {
                sub.write(out)?;
            }
        }
        // gix orders the entries as git does (a folder's name compared as if it ended with `/`)
        // and refuses a name git could not store.
        let mut tree = gix::objs::Tree {
            entries: Vec::with_capacity(self.entries.len()),
        };
        for (name, node) in &self.entries {
            let (mode, oid) = match node {
                Node::Blob { id, mode } => (*mode, *id),
                Node::Tree(sub) => (
                    gix::objs::tree::EntryKind::Tree.into(),
                    sub.id
                        .unwrap_or_else(|| gix::ObjectId::null(gix::hash::Kind::Sha1)),
                ),
            };
            tree.entries.push(gix::objs::tree::Entry {
                mode,
                filename: name.as_bytes().into(),
                oid,
            });
        }
        tree.entries.sort();
        let mut bytes = Vec::with_capacity(tree.entries.len() * 64);
        gix::objs::WriteTo::write_to(&tree, &mut bytes)
            .map_err(|e| git_error("cannot write tree", e))?;
        let encoded = Encoded::new(gix::objs::Kind::Tree, &bytes)?;
        let id = encoded.id;
        out.push(encoded);
        self.id = Some(id);
        Ok(id)
    }

    /// An index entry (stat data still zeroed) for every file under this folder, its path
    /// prefixed with `prefix`.
    fn files(&self, prefix: &str, out: &mut Vec<EntryUpdate>) {
        for (name, node) in &self.entries {
            let path = format!("{prefix}{name}");
            match node {
                Node::Blob { id, .. } => out.push(EntryUpdate {
                    path,
                    blob: Some((*id, gix::index::entry::Stat::default())),
                }),
                Node::Tree(sub) => sub.files(&format!("{path}/"), out),
            }
        }
    }
}
