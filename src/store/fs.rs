//! The only door to the store's files. Every read, listing and write below the store root goes
//! through here, so the rules a shared repository needs hold for every command at once:
//!
//! - **No symbolic link is ever followed** below the store root, on any path component:
//!   folders are opened one component at a time relative to the already-open parent
//!   (`openat` with `O_NOFOLLOW`), so a committed `customers -> /etc` link, or one swapped in
//!   while a command runs, can neither be read through nor written through.
//! - **Only regular files are opened.** A FIFO, socket or device where a record should be is
//!   reported, never opened (opening a FIFO would block forever).
//! - **Sizes are checked before reading** and reads are bounded, so a huge file costs nothing.
//! - **Paths are store-relative `/`-separated strings** whose components are checked here
//!   (`..`, empty and absolute paths are refused), whatever built them.
//! - **Writes are atomic**: a temporary file in the target folder, then a rename (replace) or
//!   a hard link (create, which fails instead of overwriting); a kill leaves the old file or the
//!   new one, never a torn one, and at worst a temporary file that readers ignore.
//!
//! The store root itself is trusted: it is the folder the user chose.

use std::ffi::CStr;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, FileType, Mode, OFlags};
use rustix::io::Errno;

use crate::error::{Error, Result};
use crate::model::text;

/// What a path below the store root is, seen without following links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Symlink,
    /// A FIFO, socket or device: never opened.
    Special,
}

impl Kind {
    fn of(file_type: FileType) -> Kind {
        match file_type {
            FileType::RegularFile => Kind::File,
            FileType::Directory => Kind::Dir,
            FileType::Symlink => Kind::Symlink,
            _ => Kind::Special,
        }
    }

    /// The word used in messages.
    pub fn word(self) -> &'static str {
        match self {
            Kind::File => "a file",
            Kind::Dir => "a folder",
            Kind::Symlink => "a symbolic link",
            Kind::Special => "not a regular file (a FIFO, socket or device)",
        }
    }
}

pub use crate::git::FileStat;

// The field types of `stat` differ between platforms; the casts are no-ops on some.
#[allow(clippy::unnecessary_cast)]
fn file_stat(stat: &rustix::fs::Stat) -> FileStat {
    FileStat {
        mtime: stat.st_mtime as i64,
        ctime: stat.st_ctime as i64,
        size: stat.st_size as u64,
        ino: stat.st_ino as u64,
        uid: stat.st_uid,
        gid: stat.st_gid,
    }
}

/// One entry of a folder listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub kind: Kind,
}

/// A file found by [`walk`], with a store-relative path and (for files) its stat data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: String,
    pub kind: Kind,
    pub stat: Option<FileStat>,
}

/// Checks that `rel` is a store-relative path: `/`-separated components, none empty, `.` or
/// `..`, no NUL; not absolute.
pub fn validate_rel(rel: &str) -> Result<()> {
    let bad = |why: &str| {
        Err(Error::invalid(format!(
            "`{}` is not a path inside the store: {why}",
            text::escape(rel)
        )))
    };
    if rel.is_empty() {
        return bad("it is empty");
    }
    if rel.starts_with('/') {
        return bad("it is absolute");
    }
    for part in rel.split('/') {
        match part {
            "" => return bad("it has an empty component"),
            "." | ".." => return bad("it has a `.` or `..` component"),
            _ if part.contains('\0') => return bad("it contains a NUL byte"),
            _ => {}
        }
    }
    Ok(())
}

fn errno_error(root: &Path, rel: &str, errno: Errno) -> Error {
    Error::io(
        super::layout::join(root, rel),
        std::io::Error::from_raw_os_error(errno.raw_os_error()),
    )
}

fn link_error(rel: &str, at: &str, kind: Kind) -> Error {
    let what = if at == rel {
        format!("{}: is {}", text::escape(rel), kind.word())
    } else {
        format!(
            "{}: `{}` is {}",
            text::escape(rel),
            text::escape(at),
            kind.word()
        )
    };
    let rule = match kind {
        Kind::Symlink => "git-crm never follows links in the store",
        _ => "git-crm only opens regular files and folders in the store",
    };
    Error::invalid_hint(
        format!("{what}; {rule}"),
        "replace it with a real folder or file (`git crm check` lists every such path)",
    )
}

fn open_root(root: &Path) -> Result<OwnedFd> {
    rustix::fs::open(
        root,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| Error::io(root, std::io::Error::from_raw_os_error(e.raw_os_error())))
}

/// The kind of the entry `name` in the open folder `dir`, `None` when absent.
fn kind_at(dir: impl AsFd, name: &str) -> std::result::Result<Option<Kind>, Errno> {
    match rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW) {
        Ok(stat) => Ok(Some(Kind::of(FileType::from_raw_mode(stat.st_mode)))),
        Err(Errno::NOENT) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Opens the folder `rel` one component at a time without following links. `create` makes
/// missing folders. `Ok(None)` when a component is missing (and not created).
fn open_dir(root: &Path, rel: &str, create: bool) -> Result<Option<OwnedFd>> {
    let mut dir = open_root(root)?;
    if rel.is_empty() {
        return Ok(Some(dir));
    }
    validate_rel(rel)?;
    let mut walked = String::new();
    for part in rel.split('/') {
        if !walked.is_empty() {
            walked.push('/');
        }
        walked.push_str(part);
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let next = match rustix::fs::openat(&dir, part, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(Errno::NOENT) if create => {
                match rustix::fs::mkdirat(&dir, part, Mode::from_raw_mode(0o777)) {
                    Ok(()) | Err(Errno::EXIST) => {}
                    Err(e) => return Err(errno_error(root, &walked, e)),
                }
                rustix::fs::openat(&dir, part, flags, Mode::empty())
                    .map_err(|e| errno_error(root, &walked, e))?
            }
            Err(Errno::NOENT) => return Ok(None),
            Err(e) => {
                return match kind_at(&dir, part) {
                    Ok(Some(kind)) if kind != Kind::Dir => Err(link_error(rel, &walked, kind)),
                    _ => Err(errno_error(root, &walked, e)),
                };
            }
        };
        dir = next;
    }
    Ok(Some(dir))
}

/// Splits `rel` into its folder and its last component.
fn split(rel: &str) -> (&str, &str) {
    rel.rsplit_once('/').unwrap_or(("", rel))
}

/// What `rel` is, without following links; `None` when it (or a folder on its way) is absent.
/// A link on the way is an error naming it.
pub fn kind(root: &Path, rel: &str) -> Result<Option<Kind>> {
    validate_rel(rel)?;
    let (dir, name) = split(rel);
    let Some(dir) = open_dir(root, dir, false)? else {
        return Ok(None);
    };
    kind_at(&dir, name).map_err(|e| errno_error(root, rel, e))
}

/// Refuses `rel` when it, or a folder on its way, is a link or a special file; a missing path
/// is fine.
pub fn refuse_links(root: &Path, rel: &str) -> Result<()> {
    match kind(root, rel)? {
        Some(k @ (Kind::Symlink | Kind::Special)) => Err(link_error(rel, rel, k)),
        _ => Ok(()),
    }
}

/// Whether `rel` is a regular file reached without links.
pub fn is_file(root: &Path, rel: &str) -> bool {
    matches!(kind(root, rel), Ok(Some(Kind::File)))
}

/// Why a read did not return the bytes.
#[derive(Debug)]
pub enum ReadError {
    /// The file is larger than the limit (its size; it was not read).
    TooLarge(u64),
    /// Any other problem, with the path in it.
    Other(Error),
}

impl From<Error> for ReadError {
    fn from(e: Error) -> Self {
        ReadError::Other(e)
    }
}

/// Reads the regular file `rel` (at most `limit` bytes). Links, special files and missing
/// files are errors naming the path; a larger file is [`ReadError::TooLarge`], unread.
pub fn read_limited(root: &Path, rel: &str, limit: u64) -> std::result::Result<Vec<u8>, ReadError> {
    validate_rel(rel)?;
    let (dir_rel, name) = split(rel);
    let dir =
        open_dir(root, dir_rel, false)?.ok_or_else(|| errno_error(root, rel, Errno::NOENT))?;
    read_in(&dir, root, rel, name, limit)
}

/// Reads `name` in the open folder `dir` (the file's store path is `rel`).
fn read_in(
    dir: impl AsFd,
    root: &Path,
    rel: &str,
    name: &str,
    limit: u64,
) -> std::result::Result<Vec<u8>, ReadError> {
    match kind_at(&dir, name).map_err(|e| errno_error(root, rel, e))? {
        None => return Err(errno_error(root, rel, Errno::NOENT).into()),
        Some(Kind::File) => {}
        Some(other) => return Err(link_error(rel, rel, other).into()),
    }
    let flags =
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(&dir, name, flags, Mode::empty())
        .map_err(|e| errno_error(root, rel, e))?;
    let stat = rustix::fs::fstat(&fd).map_err(|e| errno_error(root, rel, e))?;
    let kind = Kind::of(FileType::from_raw_mode(stat.st_mode));
    if kind != Kind::File {
        return Err(link_error(rel, rel, kind).into());
    }
    let size = stat.st_size as u64;
    if size > limit {
        return Err(ReadError::TooLarge(size));
    }
    let mut data = Vec::with_capacity(size as usize);
    let file = std::fs::File::from(fd);
    file.take(limit + 1)
        .read_to_end(&mut data)
        .map_err(|e| Error::io(super::layout::join(root, rel), e))?;
    if data.len() as u64 > limit {
        return Err(ReadError::TooLarge(data.len() as u64));
    }
    Ok(data)
}

/// Opens the regular file `rel` for streaming (a document's stored file, which may be large):
/// the same rules as [`read_limited`], without reading it.
pub fn open_read(root: &Path, rel: &str) -> Result<std::fs::File> {
    validate_rel(rel)?;
    let (dir_rel, name) = split(rel);
    let dir =
        open_dir(root, dir_rel, false)?.ok_or_else(|| errno_error(root, rel, Errno::NOENT))?;
    match kind_at(&dir, name).map_err(|e| errno_error(root, rel, e))? {
        None => return Err(errno_error(root, rel, Errno::NOENT)),
        Some(Kind::File) => {}
        Some(other) => return Err(link_error(rel, rel, other)),
    }
    let flags =
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(&dir, name, flags, Mode::empty())
        .map_err(|e| errno_error(root, rel, e))?;
    let stat = rustix::fs::fstat(&fd).map_err(|e| errno_error(root, rel, e))?;
    let kind = Kind::of(FileType::from_raw_mode(stat.st_mode));
    if kind != Kind::File {
        return Err(link_error(rel, rel, kind));
    }
    Ok(std::fs::File::from(fd))
}

/// Reads the regular file `rel`, refusing one larger than `limit` with a parse error at its
/// first line (the way every reader reports an oversized record).
pub fn read(root: &Path, rel: &str, limit: u64) -> Result<Vec<u8>> {
    read_limited(root, rel, limit).map_err(|e| match e {
        ReadError::TooLarge(size) => too_large(rel, size, limit),
        ReadError::Other(e) => e,
    })
}

/// The error for a file over its size limit.
pub fn too_large(rel: &str, size: u64, limit: u64) -> Error {
    Error::Parse {
        path: PathBuf::from(rel),
        line: 1,
        column: 1,
        message: format!("file is {size} bytes; records are limited to {limit}"),
    }
}

/// Reads `rel` as UTF-8 text.
pub fn read_text(root: &Path, rel: &str, limit: u64) -> Result<String> {
    let bytes = read(root, rel, limit)?;
    String::from_utf8(bytes).map_err(|e| Error::Parse {
        path: PathBuf::from(rel),
        line: 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64,
        column: 1,
        message: "file is not valid UTF-8".into(),
    })
}

fn name_of(name: &CStr) -> Option<String> {
    name.to_str().ok().map(str::to_string)
}

/// The entries of the folder `rel`, sorted by name, without `.`/`..`; `None` when the folder
/// does not exist. Names that are not UTF-8 are left out (no record or slug can have one).
pub fn list(root: &Path, rel: &str) -> Result<Option<Vec<DirEntry>>> {
    let Some(dir) = open_dir(root, rel, false)? else {
        return Ok(None);
    };
    list_open(&dir, root, rel).map(Some)
}

fn list_open(dir: &OwnedFd, root: &Path, rel: &str) -> Result<Vec<DirEntry>> {
    let mut entries = Vec::new();
    let reader = rustix::fs::Dir::read_from(dir).map_err(|e| errno_error(root, rel, e))?;
    for entry in reader {
        let entry = entry.map_err(|e| errno_error(root, rel, e))?;
        let Some(name) = name_of(entry.file_name()) else {
            continue;
        };
        if name == "." || name == ".." {
            continue;
        }
        let kind = match entry.file_type() {
            FileType::Unknown => match kind_at(dir, &name) {
                Ok(Some(kind)) => kind,
                Ok(None) => continue,
                Err(e) => return Err(errno_error(root, &format!("{rel}/{name}"), e)),
            },
            t => Kind::of(t),
        };
        entries.push(DirEntry { name, kind });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

/// Every file, link and special file below the folder `rel` (never following links, never
/// entering `.git`), with stat data for regular files; the sub-folders of `rel` are walked in
/// parallel. Paths are store-relative. A missing folder has nothing.
pub fn walk(root: &Path, rel: &str) -> Result<Vec<Found>> {
    use rayon::prelude::*;
    let Some(dir) = open_dir(root, rel, false)? else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    let mut dirs = Vec::new();
    visit(&dir, root, rel, &mut found, &mut dirs)?;
    let nested = dirs
        .into_par_iter()
        .map(|(fd, sub)| {
            let mut found = Vec::new();
            let mut stack = vec![(fd, sub)];
            while let Some((fd, sub)) = stack.pop() {
                visit(&fd, root, &sub, &mut found, &mut stack)?;
            }
            Ok(found)
        })
        .collect::<Result<Vec<_>>>()?;
    found.extend(nested.into_iter().flatten());
    Ok(found)
}

fn visit(
    dir: &OwnedFd,
    root: &Path,
    rel: &str,
    found: &mut Vec<Found>,
    dirs: &mut Vec<(OwnedFd, String)>,
) -> Result<()> {
    for entry in list_open(dir, root, rel)? {
        let path = if rel.is_empty() {
            entry.name.clone()
        } else {
            format!("{rel}/{}", entry.name)
        };
        match entry.kind {
            Kind::Dir if entry.name == ".git" => {}
            Kind::Dir => {
                let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
                match rustix::fs::openat(dir, entry.name.as_str(), flags, Mode::empty()) {
                    Ok(fd) => dirs.push((fd, path)),
                    // Replaced by something else since it was listed: seen as what it is now.
                    Err(Errno::NOTDIR | Errno::LOOP) => found.push(Found {
                        path,
                        kind: Kind::Symlink,
                        stat: None,
                    }),
                    Err(Errno::NOENT) => {}
                    Err(e) => return Err(errno_error(root, &path, e)),
                }
            }
            Kind::File => {
                match rustix::fs::statat(dir, entry.name.as_str(), AtFlags::SYMLINK_NOFOLLOW) {
                    Ok(stat) => {
                        let kind = Kind::of(FileType::from_raw_mode(stat.st_mode));
                        let stat = (kind == Kind::File).then(|| file_stat(&stat));
                        found.push(Found { path, kind, stat });
                    }
                    Err(Errno::NOENT) => {}
                    Err(e) => return Err(errno_error(root, &path, e)),
                }
            }
            kind => found.push(Found {
                path,
                kind,
                stat: None,
            }),
        }
    }
    Ok(())
}

/// The stat data of the regular file `rel` (for the index entry of a file just written).
pub fn stat(root: &Path, rel: &str) -> Result<FileStat> {
    validate_rel(rel)?;
    let (dir_rel, name) = split(rel);
    let dir =
        open_dir(root, dir_rel, false)?.ok_or_else(|| errno_error(root, rel, Errno::NOENT))?;
    let stat = rustix::fs::statat(&dir, name, AtFlags::SYMLINK_NOFOLLOW)
        .map_err(|e| errno_error(root, rel, e))?;
    let kind = Kind::of(FileType::from_raw_mode(stat.st_mode));
    if kind != Kind::File {
        return Err(link_error(rel, rel, kind));
    }
    Ok(file_stat(&stat))
}

/// A temporary name beside `name`: hidden, unique to this process and draw, ending in `.tmp`
/// so readers skip it and `check` can report it.
fn temp_name(name: &str) -> String {
    let nonce = uuid::Uuid::new_v4().as_u128() as u32;
    format!(".{name}.{}.{nonce:08x}.tmp", std::process::id())
}

/// Whether `name` is a temporary file left by a killed write (ignored by readers, removable).
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// The temporary name a file staged for `rel` will have (fixed before it is created, so a
/// journal can name it first and a killed write leaves nothing unnamed behind).
pub fn temp_name_for(rel: &str) -> String {
    temp_name(split(rel).1)
}

/// Writes `contents` to a new temporary file in `dir` and returns its name.
fn write_temp(
    dir: &OwnedFd,
    root: &Path,
    rel: &str,
    name: &str,
    contents: &[u8],
) -> Result<String> {
    create_temp(dir, root, rel, temp_name(name), contents)
}

/// Creates the temporary file `temp` in `dir` (it must not exist) holding `contents`.
fn create_temp(
    dir: &OwnedFd,
    root: &Path,
    rel: &str,
    temp: String,
    contents: &[u8],
) -> Result<String> {
    let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(dir, temp.as_str(), flags, Mode::from_raw_mode(0o666))
        .map_err(|e| errno_error(root, rel, e))?;
    let mut file = std::fs::File::from(fd);
    if let Err(e) = file.write_all(contents) {
        let _ = rustix::fs::unlinkat(dir, temp.as_str(), AtFlags::empty());
        return Err(Error::io(super::layout::join(root, rel), e));
    }
    Ok(temp)
}

/// Replaces (or creates) the regular file `rel` with `contents` atomically, making missing
/// folders. An existing link or special file at `rel` is refused, not replaced.
pub fn write(root: &Path, rel: &str, contents: &[u8]) -> Result<()> {
    validate_rel(rel)?;
    let (dir_rel, name) = split(rel);
    let dir = open_dir(root, dir_rel, true)?.ok_or_else(|| errno_error(root, rel, Errno::NOENT))?;
    match kind_at(&dir, name).map_err(|e| errno_error(root, rel, e))? {
        None | Some(Kind::File) => {}
        Some(other) => return Err(link_error(rel, rel, other)),
    }
    let temp = write_temp(&dir, root, rel, name, contents)?;
    rustix::fs::renameat(&dir, temp.as_str(), &dir, name).map_err(|e| {
        let _ = rustix::fs::unlinkat(&dir, temp.as_str(), AtFlags::empty());
        errno_error(root, rel, e)
    })
}

/// Writes a file of the folder of `rel` from a function that streams its bytes (a document
/// copied or sealed as it is read) under the temporary name `temp` ([`temp_name_for`]),
/// making missing folders. [`place_staged`] then puts it at `rel`; until then readers ignore it.
pub fn stage_stream(
    root: &Path,
    rel: &str,
    temp: &str,
    produce: &dyn Fn(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    validate_rel(rel)?;
    if !is_temp_name(temp) || temp.contains('/') {
        return Err(Error::invalid(format!(
            "`{}` is not a temporary file name",
            text::escape(temp)
        )));
    }
    let dir_rel = split(rel).0;
    let dir = open_dir(root, dir_rel, true)?.ok_or_else(|| errno_error(root, rel, Errno::NOENT))?;
    let temp = create_temp(&dir, root, rel, temp.to_string(), &[])?;
    let flags = OFlags::WRONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let written = rustix::fs::openat(&dir, temp.as_str(), flags, Mode::empty())
        .map_err(|e| errno_error(root, rel, e))
        .and_then(|fd| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::from(fd));
            produce(&mut out)?;
            let file = out
                .into_inner()
                .map_err(|e| Error::io(super::layout::join(root, rel), e.into_error()))?;
            file.sync_all()
                .map_err(|e| Error::io(super::layout::join(root, rel), e))
        });
    if let Err(e) = written {
        let _ = rustix::fs::unlinkat(&dir, temp.as_str(), AtFlags::empty());
        return Err(e);
    }
    Ok(())
}

/// Replaces (or creates) the regular file `rel` with the bytes `produce` streams, atomically
/// (a temporary file beside it, then a rename), making missing folders.
pub fn write_stream(
    root: &Path,
    rel: &str,
    produce: &dyn Fn(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let temp = temp_name_for(rel);
    stage_stream(root, rel, &temp, produce)?;
    place_staged(root, rel, &temp, false)
}

/// Moves the regular file `from` to `to` by a rename (its bytes are not read), making missing
/// folders and removing the folders `from` leaves empty. Fails, changing nothing, when anything
/// is at `to`; a link or a special file at `from` is refused.
pub fn move_file(root: &Path, from: &str, to: &str) -> Result<()> {
    validate_rel(from)?;
    validate_rel(to)?;
    let (from_dir_rel, from_name) = split(from);
    let (to_dir_rel, to_name) = split(to);
    let from_dir = open_dir(root, from_dir_rel, false)?
        .ok_or_else(|| errno_error(root, from, Errno::NOENT))?;
    match kind_at(&from_dir, from_name).map_err(|e| errno_error(root, from, e))? {
        Some(Kind::File) => {}
        None => return Err(errno_error(root, from, Errno::NOENT)),
        Some(other) => return Err(link_error(from, from, other)),
    }
    let to_dir =
        open_dir(root, to_dir_rel, true)?.ok_or_else(|| errno_error(root, to, Errno::NOENT))?;
    let moved = match rustix::fs::renameat_with(
        &from_dir,
        from_name,
        &to_dir,
        to_name,
        rustix::fs::RenameFlags::NOREPLACE,
    ) {
        // A file system without RENAME_NOREPLACE: a hard link (which fails on an existing
        // target), then the old name goes.
        Err(Errno::INVAL) | Err(Errno::NOSYS) => {
            rustix::fs::linkat(&from_dir, from_name, &to_dir, to_name, AtFlags::empty())
                .and_then(|()| rustix::fs::unlinkat(&from_dir, from_name, AtFlags::empty()))
        }
        other => other,
    };
    match moved {
        Ok(()) => {}
        Err(Errno::EXIST) => {
            return Err(Error::invalid(format!(
                "{} already exists",
                text::escape(to)
            )));
        }
        Err(e) => return Err(errno_error(root, to, e)),
    }
    drop(from_dir);
    remove_empty_folders(root, from_dir_rel)
}

/// Whether `one` and `two` are the same file (hard links of one inode: a move interrupted
/// between linking the new name and unlinking the old one).
pub fn same_file(root: &Path, one: &str, two: &str) -> bool {
    match (stat(root, one), stat(root, two)) {
        (Ok(a), Ok(b)) => a.ino == b.ino,
        _ => false,
    }
}

/// The store path of a file staged for `rel` under the temporary name `temp`.
pub fn staged_rel(rel: &str, temp: &str) -> String {
    match split(rel).0 {
        "" => temp.to_string(),
        dir => format!("{dir}/{temp}"),
    }
}

/// Puts the file staged as `temp` (by [`stage_stream`]) at `rel`: with `create_new` it fails,
/// changing nothing, when anything is there; otherwise it replaces a regular file (a link or a
/// special file is refused). The staged file is gone afterwards either way.
pub fn place_staged(root: &Path, rel: &str, temp: &str, create_new: bool) -> Result<()> {
    validate_rel(rel)?;
    let (dir_rel, name) = split(rel);
    let dir =
        open_dir(root, dir_rel, false)?.ok_or_else(|| errno_error(root, rel, Errno::NOENT))?;
    let unlink = || {
        let _ = rustix::fs::unlinkat(&dir, temp, AtFlags::empty());
    };
    match kind_at(&dir, name).map_err(|e| errno_error(root, rel, e))? {
        None | Some(Kind::File) => {}
        Some(other) => {
            unlink();
            return Err(link_error(rel, rel, other));
        }
    }
    let placed = if create_new {
        let linked = rustix::fs::linkat(&dir, temp, &dir, name, AtFlags::empty());
        unlink();
        linked
    } else {
        rustix::fs::renameat(&dir, temp, &dir, name).inspect_err(|_| unlink())
    };
    match placed {
        Ok(()) => Ok(()),
        Err(Errno::EXIST) => Err(Error::invalid(format!(
            "{} already exists",
            text::escape(rel)
        ))),
        Err(e) => Err(errno_error(root, rel, e)),
    }
}

/// Creates the file `rel` with `contents` atomically; fails, changing nothing, when anything
/// is already there (two processes creating the same record: exactly one wins).
pub fn create_new(root: &Path, rel: &str, contents: &[u8]) -> Result<()> {
    validate_rel(rel)?;
    let (dir_rel, name) = split(rel);
    let dir = open_dir(root, dir_rel, true)?.ok_or_else(|| errno_error(root, rel, Errno::NOENT))?;
    let temp = write_temp(&dir, root, rel, name, contents)?;
    let linked = rustix::fs::linkat(&dir, temp.as_str(), &dir, name, AtFlags::empty());
    let _ = rustix::fs::unlinkat(&dir, temp.as_str(), AtFlags::empty());
    match linked {
        Ok(()) => Ok(()),
        Err(Errno::EXIST) => Err(Error::invalid(format!(
            "{} already exists",
            text::escape(rel)
        ))),
        Err(e) => Err(errno_error(root, rel, e)),
    }
}

/// Removes the file `rel` (a missing one is fine), then every folder above it that became
/// empty, up to but not including the store root.
pub fn remove(root: &Path, rel: &str) -> Result<()> {
    validate_rel(rel)?;
    let (dir_rel, name) = split(rel);
    let Some(dir) = open_dir(root, dir_rel, false)? else {
        return Ok(());
    };
    match rustix::fs::unlinkat(&dir, name, AtFlags::empty()) {
        Ok(()) | Err(Errno::NOENT) => {}
        Err(e) => return Err(errno_error(root, rel, e)),
    }
    drop(dir);
    remove_empty_folders(root, dir_rel)
}

/// Removes the folder `rel` if it is empty, then each parent that becomes empty, up to but not
/// including the store root.
pub fn remove_empty_folders(root: &Path, rel: &str) -> Result<()> {
    let mut folder = rel;
    while !folder.is_empty() {
        let (parent, name) = split(folder);
        let Some(parent_fd) = open_dir(root, parent, false)? else {
            break;
        };
        if rustix::fs::unlinkat(&parent_fd, name, AtFlags::REMOVEDIR).is_err() {
            break;
        }
        folder = parent;
    }
    Ok(())
}

/// Removes temporary files left in the folder `rel` by killed writes; returns how many.
pub fn remove_temp_files(root: &Path, rel: &str) -> Result<usize> {
    let Some(dir) = open_dir(root, rel, false)? else {
        return Ok(0);
    };
    let mut removed = 0;
    for entry in list_open(&dir, root, rel)? {
        if entry.kind == Kind::File
            && is_temp_name(&entry.name)
            && rustix::fs::unlinkat(&dir, entry.name.as_str(), AtFlags::empty()).is_ok()
        {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Reads a file the user named on the command line (an import, a mailbox, a rules file):
/// links are followed (the user chose the path), but only a regular file is opened, so a FIFO
/// without a writer is an error instead of a hang; larger than `limit` is refused unread.
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::invalid(format!(
            "{}: is not a regular file",
            text::escape(&path.to_string_lossy())
        )));
    }
    if meta.len() > limit {
        return Err(Error::invalid(format!(
            "{}: is {} bytes; the limit is {limit}",
            text::escape(&path.to_string_lossy()),
            meta.len()
        )));
    }
    let file = open_input(path)?;
    let mut data = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut data)
        .map_err(|e| Error::io(path, e))?;
    if data.len() as u64 > limit {
        return Err(Error::invalid(format!(
            "{}: is larger than the limit of {limit} bytes",
            text::escape(&path.to_string_lossy())
        )));
    }
    Ok(data)
}

/// Opens a file the user named for streaming (a large mailbox), refusing anything but a
/// regular file, without blocking on a FIFO.
pub fn open_input(path: &Path) -> Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc_nonblock())
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::invalid(format!(
            "{}: is not a regular file",
            text::escape(&path.to_string_lossy())
        )));
    }
    Ok(file)
}

fn libc_nonblock() -> i32 {
    OFlags::NONBLOCK.bits() as i32
}

/// Stat data of one entry as the snapshot's scan compares it: a digest of every field git
/// compares (times to the nanosecond, size, inode, device, mode, owner), the kind, the git
/// index's view of it (for files), and the latest of its times, for the racy-entry rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanStat {
    pub kind: Kind,
    pub digest: u64,
    /// The later of the modification and status-change times, in nanoseconds since the epoch
    /// (what the racy-entry rule compares: a write, or a time set back after one, moves it).
    pub changed_ns: i128,
    pub file: FileStat,
}

// The field types of `stat` differ between platforms; the casts are no-ops on some.
#[allow(clippy::unnecessary_cast)]
fn scan_stat(stat: &rustix::fs::Stat) -> ScanStat {
    let fields = [
        stat.st_dev as u64,
        stat.st_ino as u64,
        stat.st_mode as u64,
        stat.st_uid as u64,
        stat.st_gid as u64,
        stat.st_size as u64,
        stat.st_mtime as u64,
        stat.st_mtime_nsec as u64,
        stat.st_ctime as u64,
        stat.st_ctime_nsec as u64,
    ];
    let mut digest: u64 = 0x243f_6a88_85a3_08d3;
    for f in fields {
        digest = (digest ^ f).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        digest ^= digest >> 31;
    }
    let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
    ScanStat {
        kind: Kind::of(FileType::from_raw_mode(stat.st_mode)),
        // Zero means "unknown" in the scan's tables.
        digest: digest.max(1),
        changed_ns: ns(stat.st_mtime as i64, stat.st_mtime_nsec as i64)
            .max(ns(stat.st_ctime as i64, stat.st_ctime_nsec as i64)),
        file: file_stat(stat),
    }
}

/// An open folder of the store, for a scan that looks at many entries in it: each entry is
/// looked at relative to the open folder (no path walk per file), never following a link.
pub struct ScanDir {
    fd: OwnedFd,
}

/// Opens the store folder `rel` for a scan; `None` when it is missing. A link on the way is an
/// error naming it.
pub fn scan_dir(root: &Path, rel: &str) -> Result<Option<ScanDir>> {
    Ok(open_dir(root, rel, false)?.map(|fd| ScanDir { fd }))
}

impl ScanDir {
    /// Opens the sub-folder `name`: `Ok(None)` when it is missing or is not a folder (a link, a
    /// file: the scan sees it as what it is through [`ScanDir::stat`]).
    pub fn open(&self, name: &str) -> std::result::Result<Option<ScanDir>, Errno> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        match rustix::fs::openat(&self.fd, name, flags, Mode::empty()) {
            Ok(fd) => Ok(Some(ScanDir { fd })),
            Err(Errno::NOENT | Errno::NOTDIR | Errno::LOOP) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The folder's own stat data.
    pub fn own_stat(&self) -> std::result::Result<ScanStat, Errno> {
        rustix::fs::fstat(&self.fd).map(|s| scan_stat(&s))
    }

    /// The stat data of the entry `name`, not following a link; `None` when it is missing.
    pub fn stat<P: rustix::path::Arg>(
        &self,
        name: P,
    ) -> std::result::Result<Option<ScanStat>, Errno> {
        match rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(stat) => Ok(Some(scan_stat(&stat))),
            Err(Errno::NOENT | Errno::NOTDIR) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The entries of the folder, sorted by name (as [`list`]); `rel` names it in errors.
    pub fn list(&self, root: &Path, rel: &str) -> Result<Vec<DirEntry>> {
        list_open(&self.fd, root, rel)
    }

    /// Reads the regular file `name` of this folder (at most `limit` bytes), as [`read_limited`]
    /// does; `rel` is its store path, for errors.
    pub fn read(
        &self,
        root: &Path,
        rel: &str,
        name: &str,
        limit: u64,
    ) -> std::result::Result<Vec<u8>, ReadError> {
        read_in(&self.fd, root, rel, name, limit)
    }
}

/// An errno from a scan as an error naming the path.
pub fn scan_error(root: &Path, rel: &str, errno: Errno) -> Error {
    errno_error(root, rel, errno)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn root() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn reads_and_writes_plain_files() {
        let dir = root();
        write(dir.path(), "customers/acme/customer.yaml", b"name: Acme\n").unwrap();
        assert_eq!(
            read(dir.path(), "customers/acme/customer.yaml", 100).unwrap(),
            b"name: Acme\n"
        );
        assert!(is_file(dir.path(), "customers/acme/customer.yaml"));
        let names: Vec<String> = list(dir.path(), "customers")
            .unwrap()
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["acme"]);
        assert!(create_new(dir.path(), "customers/acme/customer.yaml", b"x").is_err());
        assert_eq!(
            read(dir.path(), "customers/acme/customer.yaml", 100).unwrap(),
            b"name: Acme\n"
        );
        remove(dir.path(), "customers/acme/customer.yaml").unwrap();
        assert!(!dir.path().join("customers").exists());
    }

    #[test]
    fn never_follows_a_link_on_any_component() {
        let dir = root();
        let outside = root();
        std::fs::create_dir_all(outside.path().join("acme")).unwrap();
        std::fs::write(outside.path().join("acme/customer.yaml"), "secret").unwrap();
        symlink(outside.path(), dir.path().join("customers")).unwrap();
        let err = read(dir.path(), "customers/acme/customer.yaml", 100).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(list(dir.path(), "customers").is_err());
        assert!(walk(dir.path(), "customers").is_err());
        assert!(write(dir.path(), "customers/acme/x.yaml", b"x").is_err());
        assert!(create_new(dir.path(), "customers/evil/x.yaml", b"x").is_err());
        assert!(!outside.path().join("evil").exists());
        assert_eq!(
            std::fs::read(outside.path().join("acme/customer.yaml")).unwrap(),
            b"secret"
        );
    }

    #[test]
    fn refuses_special_files_without_blocking() {
        let dir = root();
        std::fs::create_dir_all(dir.path().join("c")).unwrap();
        let fifo = dir.path().join("c/customer.yaml");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let err = read(dir.path(), "c/customer.yaml", 100).unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
        assert!(read_input(&fifo, 100).is_err());
        assert!(open_input(&fifo).is_err());
        let found = walk(dir.path(), "").unwrap();
        assert_eq!(found[0].kind, Kind::Special);
    }

    #[test]
    fn refuses_paths_that_leave_the_store() {
        for bad in ["", "/etc/passwd", "a/../b", "./a", "a//b", "a/"] {
            assert!(validate_rel(bad).is_err(), "{bad}");
        }
        let dir = root();
        assert!(write(dir.path(), "../escape", b"x").is_err());
    }

    #[test]
    fn sizes_are_checked_before_reading() {
        let dir = root();
        write(dir.path(), "big", &vec![b'a'; 1000]).unwrap();
        assert!(matches!(
            read_limited(dir.path(), "big", 999),
            Err(ReadError::TooLarge(1000))
        ));
    }

    #[test]
    fn walk_lists_links_and_skips_git() {
        let dir = root();
        write(dir.path(), "customers/a/customer.yaml", b"x").unwrap();
        write(dir.path(), "customers/a/.git/x", b"x").unwrap();
        symlink("/etc", dir.path().join("customers/a/notes")).unwrap();
        let mut found = walk(dir.path(), "customers").unwrap();
        found.sort_by(|a, b| a.path.cmp(&b.path));
        let seen: Vec<(&str, Kind)> = found.iter().map(|f| (f.path.as_str(), f.kind)).collect();
        assert_eq!(
            seen,
            [
                ("customers/a/customer.yaml", Kind::File),
                ("customers/a/notes", Kind::Symlink)
            ]
        );
    }
}
