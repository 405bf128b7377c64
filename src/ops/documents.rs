//! Documents on the customer record: attaching a file (from disk or, for mail ingestion, from
//! bytes in memory) as a planned change, and reading one back. [`attach`] is the library entry
//! point: `DocumentInput` + `DocumentSource::Bytes` + `record: Some(touchpoint id)` returns a
//! [`Planned`] whose change can be applied alone or absorbed into a larger one. The stored file is named like its
//! record; its bytes are copied or sealed while the change is applied, streaming, so a large
//! file never has to fit in memory.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::access::{Keyring, Keys, team_recipients};
use crate::error::{Error, Input, IoContext, Listing, Result};
use crate::git::lfs::{self, LfsState};
use crate::model::documents::{self as rules, human_size};
use crate::model::ids::IdPrefix;
use crate::model::records::{Document, RecordKind};
use crate::model::restricted::{self, State};
use crate::model::text::hex;
use crate::model::{RecordId, Timestamp, text, time};
use crate::store::change::StreamSource;
use crate::store::load::Loaded;
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

/// Where the bytes of a new document come from.
#[derive(Debug, Clone)]
pub enum DocumentSource {
    /// A file on disk, read twice (once to plan, once while writing, checked to be unchanged).
    /// It must be a regular file: links, devices and FIFOs are refused.
    File(PathBuf),
    /// Bytes already in memory (a mail attachment).
    Bytes(Arc<Vec<u8>>),
}

/// What to attach and how.
#[derive(Debug, Clone)]
pub struct DocumentInput {
    pub customer: String,
    /// The original file name: data, kept in the record, never used in a path.
    pub name: String,
    pub title: Option<String>,
    pub tags: Vec<String>,
    /// Keep the document to this team: its file is sealed, its title and name too.
    pub restricted: Option<String>,
    /// Id (or prefix) of the touchpoint, note, task or handoff of this customer it belongs to.
    pub to: Option<String>,
    /// The id of the record it belongs to when the caller knows it already, taken as it is:
    /// mail ingestion attaches to a touchpoint planned in the same change, not on disk yet.
    pub record: Option<RecordId>,
    /// Id (or prefix) of the document of this customer this one is a new version of.
    pub replaces: Option<String>,
    pub at: Option<Timestamp>,
    /// The id when the caller derives it from an outside key ([`RecordId::derived`]): mail
    /// ingestion, so two clones ingesting one message write the same file names. A new random
    /// id when `None`.
    pub id: Option<RecordId>,
}

/// What attaching planned: a new document, or the one that already holds these bytes.
#[derive(Debug, Clone, Serialize)]
pub struct Attached {
    pub document: Document,
    /// Whether the same content was already attached to this customer (nothing is written).
    pub existing: bool,
    /// Whether the file goes through Git LFS.
    pub lfs: bool,
}

/// Reads the facts of a source: size, SHA-256 and the first bytes (for the media type).
struct Facts {
    size: u64,
    sha256: String,
    head: Vec<u8>,
}

const HEAD_BYTES: usize = 8192;

/// Opens a source file refusing links, devices, FIFOs and folders, and checks that what was
/// opened is what was inspected (no swap in between).
fn open_regular(path: &Path) -> Result<(std::fs::File, u64)> {
    let shown = text::escape(&path.to_string_lossy()).into_owned();
    let meta = std::fs::symlink_metadata(path).at(path)?;
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(Error::invalid_hint(
            format!("{shown} is a symbolic link"),
            "attach the file it points to (git-crm never follows links)",
        ));
    }
    if !kind.is_file() {
        let what = if kind.is_dir() {
            "a folder"
        } else {
            "not a regular file (a device, a FIFO or a socket)"
        };
        return Err(Error::invalid(format!("{shown} is {what}")));
    }
    // Opened without blocking (a FIFO swapped in would otherwise hang) and checked again.
    let file = crate::store::fs::open_input(path)?;
    let opened = file.metadata().at(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if opened.dev() != meta.dev() || opened.ino() != meta.ino() || !opened.is_file() {
            return Err(Error::invalid(format!(
                "{shown} changed while it was being opened"
            )));
        }
    }
    Ok((file, opened.len()))
}

fn facts_of(reader: &mut dyn Read) -> std::io::Result<Facts> {
    let mut hasher = Sha256::new();
    let mut head = Vec::with_capacity(HEAD_BYTES);
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if head.len() < HEAD_BYTES {
            let take = (HEAD_BYTES - head.len()).min(n);
            head.extend_from_slice(&buf[..take]);
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok(Facts {
        size,
        sha256: hex(&hasher.finalize()),
        head,
    })
}

impl DocumentSource {
    fn facts(&self) -> Result<Facts> {
        match self {
            DocumentSource::File(path) => {
                let (mut file, _) = open_regular(path)?;
                facts_of(&mut file).at(path)
            }
            DocumentSource::Bytes(bytes) => {
                facts_of(&mut bytes.as_slice()).map_err(|e| Error::invalid(e.to_string()))
            }
        }
    }

    /// A reader of the bytes, for the writer of the stored file.
    fn reader(&self) -> Result<Box<dyn Read + '_>> {
        Ok(match self {
            DocumentSource::File(path) => Box::new(open_regular(path)?.0),
            DocumentSource::Bytes(bytes) => Box::new(bytes.as_slice()),
        })
    }
}

/// A reader that hashes what passes through, so the writer can check the bytes it stored are
/// the bytes that were planned.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Resolves an id prefix to a record of `slug` (of `kind`, or any kind but documents).
fn resolve(
    store: &Store,
    slug: &str,
    prefix: &str,
    kind: Option<RecordKind>,
    input: Input,
) -> Result<RecordId> {
    let parsed = IdPrefix::parse(prefix).map_err(|why| Error::BadInput {
        input,
        message: why,
        hint: Some(format!("it takes an id shown on the timeline of {slug}")),
        usage: false,
    })?;
    let found = match kind {
        Some(kind) => store.find_one_record(&parsed, Some(slug), Some(kind))?,
        None => {
            let mut all = store.find_records(&parsed, Some(slug), None)?;
            all.retain(|l| l.kind != RecordKind::Document);
            match all.len() {
                1 => all.remove(0),
                0 => {
                    return Err(Error::not_listed(
                        format!("{slug} has no record with id `{}`", text::escape(prefix)),
                        Listing::Timeline {
                            customer: Some(slug.to_string()),
                        },
                    ));
                }
                _ => {
                    return Err(Error::invalid_hint(
                        format!("id prefix `{}` is ambiguous", text::escape(prefix)),
                        "type more digits",
                    ));
                }
            }
        }
    };
    let map: Map<String, Value> = store.read_record(&found.path)?;
    map.get("id")
        .and_then(Value::as_str)
        .and_then(RecordId::parse)
        .ok_or_else(|| Error::invalid(format!("{} has no valid `id`", found.path)))
}

/// Plans attaching a document. Nothing is read twice into memory: the source is hashed here,
/// then copied (or sealed) into the store while the change is applied, and checked against the
/// hash again.
pub fn attach(
    store: &Store,
    actor: &str,
    input: DocumentInput,
    source: DocumentSource,
) -> Result<Planned<Attached>> {
    store.require_customer(&input.customer)?;
    let bundle = store.load_bundle_with(&input.customer, Keys::Local)?;
    attach_among(store, actor, input, source, &bundle.documents)
}

/// [`attach`] for a caller that has the customer's documents at hand (opened with the local
/// identity) and vouches for the customer, which may be planned in the same change and not on
/// disk yet: mail ingestion, which attaches many files per customer in one run.
pub fn attach_among(
    store: &Store,
    actor: &str,
    input: DocumentInput,
    source: DocumentSource,
    known: &[Loaded<Document>],
) -> Result<Planned<Attached>> {
    let slug = input.customer.clone();
    rules::validate_name(&input.name).map_err(|why| {
        Error::invalid_hint(
            why,
            "the original name is kept as data; give a plain file name to store it under",
        )
    })?;
    if let Some(team) = &input.restricted {
        store.require_team(team)?;
    }
    let facts = source.facts()?;
    if facts.size == 0 {
        return Err(Error::invalid(format!(
            "`{}` is empty: there is nothing to attach",
            text::escape(&input.name)
        )));
    }
    // The same content attached before is the same document.
    if let Some(existing) = known.iter().find(|d| d.record.sha256 == facts.sha256) {
        let mut change = Change::new(
            "document.attach",
            format!("attach: nothing new on {slug}"),
            actor,
        );
        change.ids.push(existing.record.id);
        return Ok(Planned {
            change,
            record: Attached {
                document: existing.record.clone(),
                existing: true,
                lfs: false,
            },
            path: existing.path.clone(),
        });
    }
    let record = match (&input.record, &input.to) {
        (Some(id), _) => Some(*id),
        (None, Some(prefix)) => Some(resolve(store, &slug, prefix, None, Input::To)?),
        (None, None) => None,
    };
    let replaces = match &input.replaces {
        Some(prefix) => Some(resolve(
            store,
            &slug,
            prefix,
            Some(RecordKind::Document),
            Input::Replaces,
        )?),
        None => None,
    };
    let at = input.at.unwrap_or_else(time::now);
    let id = input.id.unwrap_or_else(|| RecordId::new_at(at.to_utc()));
    let sealed = input.restricted.is_some();
    let file = layout::document_content_name(&at, &id, sealed);
    let content_path = format!("{}/{file}", layout::record_dir(&slug, RecordKind::Document));
    let lfs_state = lfs::state(store.repo_root(), &store.git_path(&content_path))?;
    match lfs_state {
        LfsState::Ready => {}
        LfsState::NotInstalled => {
            return Err(Error::invalid_hint(
                "documents are tracked by Git LFS here, but git-lfs is not installed",
                "install git-lfs (Debian: apt-get install git-lfs), then run `git crm setup`",
            ));
        }
        LfsState::NotConfigured => {
            return Err(Error::invalid_hint(
                "documents are tracked by Git LFS here, but this clone has no LFS filter",
                "run `git crm setup` (it runs `git lfs install --local`)",
            ));
        }
        LfsState::Untracked => {
            let limit = rules::max_size(store.config()).map_err(Error::invalid)?;
            if facts.size > limit {
                return Err(Error::invalid_hint(
                    format!(
                        "`{}` is {}; documents stored in git are limited to {}",
                        text::escape(&input.name),
                        human_size(facts.size),
                        human_size(limit)
                    ),
                    "enable Git LFS for documents with `git crm setup --lfs` (needs git-lfs), or raise `documents.max_size` in .gitcrm/config.yaml",
                ));
            }
        }
    }
    let title = input
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| input.name.clone());
    let mut document = Document {
        id,
        at,
        by: actor.to_string(),
        file: file.clone(),
        size: facts.size,
        title,
        name: input.name.clone(),
        media_type: rules::media_type(&facts.head),
        sha256: facts.sha256.clone(),
        record,
        replaces,
        tags: input.tags.clone(),
        extra: Default::default(),
    };
    let recipients = match &input.restricted {
        Some(team) => Some(team_recipients(store.config(), team, actor)?),
        None => None,
    };
    if let (Some(team), Some(recipients)) = (&input.restricted, &recipients) {
        let mut payload = Map::new();
        for key in restricted::sealed_keys(Some(RecordKind::Document)) {
            payload.insert(
                (*key).into(),
                serde_json::to_value(&document)
                    .ok()
                    .and_then(|v| v.get(*key).cloned())
                    .unwrap_or(Value::Null),
            );
        }
        let sealed_value = crate::access::seal::seal(team, recipients, payload)?;
        document.title.clear();
        document.name.clear();
        document.media_type.clear();
        document.sha256.clear();
        document
            .extra
            .insert(restricted::KEY.into(), sealed_value.to_value());
    }
    let record_path = layout::record_file(&slug, RecordKind::Document, &at, &id);
    let subject = match &input.restricted {
        Some(team) => format!("attach: restricted document ({team}) to {slug} ({actor})"),
        None => format!("attach: {} to {slug} ({actor})", input.name),
    };
    let mut change = Change::new("document.attach", subject, actor);
    change.ids.push(id);
    change.files.push(FileOp::Create {
        path: record_path.clone(),
        contents: yaml::to_yaml(&document)?,
    });
    let expected = facts.sha256.clone();
    let description = format!(
        "{} from {}{}",
        human_size(facts.size),
        match &source {
            DocumentSource::File(p) => p.display().to_string(),
            DocumentSource::Bytes(_) => "memory".into(),
        },
        if sealed { ", sealed" } else { "" }
    );
    let write = move |out: &mut dyn Write| -> Result<()> {
        let mut reader = Hashing {
            inner: source.reader()?,
            hasher: Sha256::new(),
        };
        match &recipients {
            Some(recipients) => {
                crate::access::seal::seal_stream(recipients, &mut reader, out)?;
            }
            None => {
                std::io::copy(&mut reader, out)
                    .map_err(|e| Error::invalid(format!("cannot store the document: {e}")))?;
            }
        }
        if hex(&reader.hasher.finalize()) != expected {
            return Err(Error::invalid(
                "the file changed while it was being attached; nothing was stored",
            ));
        }
        Ok(())
    };
    change.files.push(FileOp::Stream {
        path: content_path,
        replace: false,
        source: StreamSource {
            description,
            write: Arc::new(write),
        },
    });
    Ok(Planned {
        change,
        record: Attached {
            document,
            existing: false,
            lfs: lfs_state == LfsState::Ready,
        },
        path: record_path,
    })
}

/// The program `docs open` hands a document's copy to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opener {
    pub program: String,
    /// Arguments before the file's path.
    pub args: Vec<String>,
    /// Chosen by the user (`GITCRM_OPENER`, `gitcrm.opener`): such an opener is waited for
    /// and the copy removed when it exits, so it should stay until the file is closed
    /// (`evince`, `code --wait`). The desktop's opener (`xdg-open`, `open`) returns at once.
    pub chosen: bool,
}

/// The opener of `docs open`: `GITCRM_OPENER`, else `gitcrm.opener` of the user's git config
/// (a program and its arguments, split on spaces), else the desktop's (`open` on macOS,
/// `xdg-open` elsewhere). Never a value of the store's files: they come from whoever pushed
/// last, and a committed command would run on every teammate's machine (git, likewise, never
/// runs what a repository's content names).
pub fn opener(store: &Store) -> Result<Opener> {
    let chosen = std::env::var("GITCRM_OPENER")
        .ok()
        .or_else(|| crate::git::local_config(store.repo_root(), "gitcrm.opener"))
        .filter(|v| !v.trim().is_empty());
    let Some(command) = chosen else {
        let program = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        return Ok(Opener {
            program: program.into(),
            args: Vec::new(),
            chosen: false,
        });
    };
    if command.chars().any(char::is_control) {
        return Err(Error::invalid(format!(
            "the opener `{}` holds control characters",
            text::escape(&command)
        )));
    }
    let mut words = command.split_whitespace().map(str::to_string);
    let program = words
        .next()
        .ok_or_else(|| Error::invalid("the opener is empty"))?;
    Ok(Opener {
        program,
        args: words.collect(),
        chosen: true,
    })
}

/// Writes a copy of `found` for an opener into a new private folder (mode 0700) under
/// `$XDG_RUNTIME_DIR`, else the temp dir, and returns the folder and the file. The folder is
/// created anew, never reused: in a shared temp dir a folder or link of that name made by
/// someone else would otherwise receive the (decrypted) copy. Folders earlier runs left are
/// removed once an hour old (an opener may still read a copy when its command ends).
pub fn private_copy(store: &Store, found: &Found) -> Result<(PathBuf, PathBuf)> {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    remove_old_copies(&base);
    let dir = new_private_dir(&base)?;
    let d = &found.document.record;
    let name = if rules::validate_name(&d.name).is_ok() {
        d.name.clone()
    } else {
        let suffix = if d.file.ends_with(layout::DOCUMENT_SEALED_SUFFIX) {
            layout::DOCUMENT_SEALED_SUFFIX
        } else {
            layout::DOCUMENT_PLAIN_SUFFIX
        };
        format!("{}{suffix}", d.id.short())
    };
    let target = dir.join(name);
    if let Err(e) = save_to(store, found, &target, false) {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(e);
    }
    Ok((dir, target))
}

/// Prefix of the folders [`private_copy`] makes.
const COPY_DIR_PREFIX: &str = "git-crm-open-";

/// A folder made by this call (`create`, not `create_dir_all`: an existing one is never used).
fn new_private_dir(base: &Path) -> Result<PathBuf> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for attempt in 0..100u32 {
        let dir = base.join(format!(
            "{COPY_DIR_PREFIX}{}-{:x}",
            std::process::id(),
            nanos.wrapping_add(attempt)
        ));
        match builder.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(dir, e)),
        }
    }
    Err(Error::invalid(format!(
        "cannot make a private folder in {}",
        text::escape(&base.display().to_string())
    )))
}

/// Removes the folders earlier [`private_copy`] calls left, once they are an hour old. Only
/// real folders of our name are removed; a link is left alone.
fn remove_old_copies(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        if !entry
            .file_name()
            .to_string_lossy()
            .starts_with(COPY_DIR_PREFIX)
        {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > hour);
        if meta.is_dir() && old {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A document found by id, with its customer (opened with the local identity).
#[derive(Debug, Clone)]
pub struct Found {
    pub slug: String,
    pub document: Loaded<Document>,
    /// Every version of the document, oldest first (this one included).
    pub versions: Vec<Loaded<Document>>,
}

/// Finds one document by id prefix, in any customer.
pub fn find(store: &Store, prefix: &str) -> Result<Found> {
    let parsed =
        IdPrefix::parse(prefix).map_err(|why| Error::not_listed(why, Listing::Documents))?;
    let location = store.find_one_record(&parsed, None, Some(RecordKind::Document))?;
    let bundle = store.load_bundle(&location.slug)?;
    let document = bundle
        .documents
        .iter()
        .find(|d| d.path == location.path)
        .cloned()
        .ok_or_else(|| Error::not_found(format!("no document with id `{prefix}`"), None))?;
    let versions = versions_of(&bundle.documents, &document.record);
    Ok(Found {
        slug: location.slug,
        document,
        versions,
    })
}

/// The version chain a document belongs to (following `replaces` both ways), oldest first.
pub fn versions_of(all: &[Loaded<Document>], doc: &Document) -> Vec<Loaded<Document>> {
    let by_id = |id: RecordId| all.iter().find(|d| d.record.id == id);
    let mut first = doc.clone();
    let mut guard = 0;
    while let Some(prev) = first.replaces.and_then(by_id) {
        first = prev.record.clone();
        guard += 1;
        if guard > all.len() {
            break;
        }
    }
    let mut chain = vec![];
    let mut current = by_id(first.id).cloned();
    while let Some(d) = current {
        if chain
            .iter()
            .any(|c: &Loaded<Document>| c.record.id == d.record.id)
        {
            break;
        }
        let next = all
            .iter()
            .find(|n| n.record.replaces == Some(d.record.id))
            .cloned();
        chain.push(d);
        current = next;
    }
    chain
}

/// Whether a newer version replaces this document.
pub fn is_replaced(all: &[Loaded<Document>], doc: &Document) -> bool {
    all.iter().any(|d| d.record.replaces == Some(doc.id))
}

/// A document in a few words: "Contract 2026 (contract.pdf, 48.0 KiB, application/pdf)", or its
/// placeholder when it is restricted and cannot be read.
pub fn describe(d: &Document) -> String {
    let readable = !matches!(restricted::of(&d.extra), Some(State::Shown(s)) if !s.readable)
        && !matches!(restricted::of(&d.extra), Some(State::Sealed(_)));
    if !readable {
        let team = restricted::team_of(&d.extra).unwrap_or_default();
        return format!(
            "{} ({})",
            restricted::placeholder(RecordKind::Document, &team),
            human_size(d.size)
        );
    }
    let mut parts = vec![];
    if d.name != d.title && !d.name.is_empty() {
        parts.push(d.name.clone());
    }
    parts.push(human_size(d.size));
    if !d.media_type.is_empty() {
        parts.push(d.media_type.clone());
    }
    format!("{} ({})", d.title, parts.join(", "))
}

/// Writes the content of a document (opened when restricted) to `out`, checking its SHA-256.
/// Fails, writing nothing useful, when the local identity cannot open it, the clone holds only
/// an LFS pointer, or the bytes do not match the record.
pub fn read_content(store: &Store, found: &Found, out: &mut dyn Write) -> Result<u64> {
    let doc = &found.document.record;
    let dir = layout::record_dir(&found.slug, RecordKind::Document);
    if layout::document_record_of(&doc.file).is_none() {
        return Err(Error::invalid(format!(
            "{}: `file` is not a document file name",
            found.document.path
        )));
    }
    let rel = format!("{dir}/{}", doc.file);
    let path = store.path(&rel);
    let mut file = crate::store::fs::open_read(store.root(), &rel)?;
    let mut head = [0u8; 64];
    let n = file.read(&mut head).at(&path)?;
    if lfs::is_pointer(&head[..n]) {
        return Err(Error::invalid_hint(
            format!("{rel} holds only a Git LFS pointer: the document was not downloaded"),
            "run `git lfs pull` (and `git crm setup` once in this clone)",
        ));
    }
    let mut file = std::io::Cursor::new(head[..n].to_vec()).chain(file);
    let mut sink = HashingWriter {
        inner: out,
        hasher: Sha256::new(),
        written: 0,
    };
    match restricted::of(&doc.extra) {
        None => {
            std::io::copy(&mut file, &mut sink).at(&path)?;
        }
        Some(State::Shown(s)) if s.readable => {
            if !Keyring::local().open_stream(&mut file, &mut sink)? {
                return Err(unreadable(&s.team));
            }
        }
        Some(State::Shown(s)) => return Err(unreadable(&s.team)),
        Some(_) => {
            return Err(Error::invalid(format!(
                "{}: its `restricted` value is damaged",
                found.document.path
            )));
        }
    }
    if hex(&sink.hasher.finalize()) != doc.sha256 {
        return Err(Error::invalid_hint(
            format!("{rel} does not match the sha256 of its record"),
            "the stored file was changed or damaged; `git log -- <path>` shows when",
        ));
    }
    Ok(sink.written)
}

fn unreadable(team: &str) -> Error {
    Error::invalid_hint(
        format!("this document is restricted to {team} and your identity cannot open it"),
        Keyring::local().problem_hint().unwrap_or_else(|| {
            "ask a member of the team to run `git crm team rekey` after your key is registered (`git crm person key add`)".into()
        }),
    )
}

struct HashingWriter<'a> {
    inner: &'a mut dyn Write,
    hasher: Sha256,
    written: u64,
}

impl Write for HashingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes a document to `target` atomically (a temporary file renamed into place), refusing to
/// replace an existing file unless `force`. A failed read leaves nothing behind.
pub fn save_to(store: &Store, found: &Found, target: &Path, force: bool) -> Result<u64> {
    if !force && std::fs::symlink_metadata(target).is_ok() {
        return Err(Error::bad_input(
            Input::Output,
            format!("{} already exists", text::escape(&target.to_string_lossy())),
            None,
        ));
    }
    let written = std::cell::Cell::new(0);
    crate::store::atomic::write_with(target, !force, &|out| {
        written.set(read_content(store, found, out)?);
        Ok(())
    })?;
    Ok(written.get())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ApplyOptions;

    /// Each copy for an opener gets a folder made for it, private, never one that was there;
    /// old folders of ours are swept, a link of our name is left alone.
    #[test]
    fn copies_for_an_opener_get_new_private_folders() {
        use std::os::unix::fs::PermissionsExt;
        let base = tempfile::tempdir().unwrap();
        let one = new_private_dir(base.path()).unwrap();
        let two = new_private_dir(base.path()).unwrap();
        assert_ne!(one, two);
        let mode = std::fs::metadata(&one).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let elsewhere = tempfile::tempdir().unwrap();
        let link = base.path().join(format!("{COPY_DIR_PREFIX}link"));
        std::os::unix::fs::symlink(elsewhere.path(), &link).unwrap();
        remove_old_copies(base.path());
        assert!(link.exists() && elsewhere.path().exists());
        assert!(one.exists(), "a folder younger than an hour stays");
    }

    /// The entry point mail ingestion uses: bytes in memory, attached to a record id the caller
    /// already knows, applied on their own or absorbed into a larger change.
    #[test]
    fn bytes_attach_as_a_planned_change() {
        let (_dir, store) = crate::ops::init::test_store();
        let touchpoint = RecordId::new_at(time::now().to_utc());
        let bytes = Arc::new(b"%PDF-1.7\ninvoice 12\n".to_vec());
        let input = DocumentInput {
            customer: "acme".into(),
            name: "invoice.pdf".into(),
            title: None,
            tags: vec!["mail".into()],
            restricted: None,
            to: None,
            record: Some(touchpoint),
            replaces: None,
            at: None,
            id: None,
        };
        let planned = attach(
            &store,
            "alice",
            input.clone(),
            DocumentSource::Bytes(bytes.clone()),
        )
        .unwrap();
        assert_eq!(planned.record.document.record, Some(touchpoint));
        assert_eq!(planned.record.document.media_type, "application/pdf");
        assert_eq!(planned.change.files.len(), 2);
        store
            .begin()
            .unwrap()
            .apply(&planned.change, ApplyOptions::default())
            .unwrap();
        let found = find(&store, &planned.record.document.id.short()).unwrap();
        let mut out = Vec::new();
        read_content(&store, &found, &mut out).unwrap();
        assert_eq!(out, *bytes);
        // The same bytes again are the same document.
        let again = attach(&store, "alice", input, DocumentSource::Bytes(bytes)).unwrap();
        assert!(again.record.existing && again.change.files.is_empty());
    }
}
