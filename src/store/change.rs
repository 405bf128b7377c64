//! A planned change to the store: the files to write and the commit that records them. Every
//! mutating operation builds a [`Change`] without touching the disk, so `--dry-run` can show it
//! and `apply` can write it atomically and commit it once.

use serde::Serialize;

use crate::error::Result;
use crate::git::{self, Signature};
use crate::model::ids::RecordId;
use crate::model::time::Timestamp;

use super::{Store, atomic};

/// One file operation, with a store-relative path.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum FileOp {
    /// A new file; fails if one is already there.
    Create { path: String, contents: String },
    /// Replace an existing file.
    Update { path: String, contents: String },
    /// Remove a file (only renames do this; records are never deleted).
    Remove { path: String },
    /// A file whose bytes are produced while it is written (a document, copied or sealed as it
    /// streams), so a large file never has to be held in memory. Fails if a file is there,
    /// unless `replace`.
    Stream {
        path: String,
        replace: bool,
        source: StreamSource,
    },
}

/// Writes the bytes of a [`FileOp::Stream`] into the file being created.
pub type Producer = dyn Fn(&mut dyn std::io::Write) -> Result<()> + Send + Sync;

/// The content of a [`FileOp::Stream`]: what it is, in words (for `--dry-run`), and the
/// function that writes it.
#[derive(Clone)]
pub struct StreamSource {
    pub description: String,
    pub write: std::sync::Arc<Producer>,
}

impl std::fmt::Debug for StreamSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.description)
    }
}

impl PartialEq for StreamSource {
    fn eq(&self, other: &Self) -> bool {
        self.description == other.description && std::sync::Arc::ptr_eq(&self.write, &other.write)
    }
}

impl Serialize for StreamSource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.description)
    }
}

impl FileOp {
    /// The store-relative path the operation touches.
    pub fn path(&self) -> &str {
        match self {
            FileOp::Create { path, .. }
            | FileOp::Update { path, .. }
            | FileOp::Remove { path }
            | FileOp::Stream { path, .. } => path,
        }
    }
}

/// Files to write plus what the commit says about them.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// What happened, in words: the commit subject.
    pub subject: String,
    /// Machine-readable operation name for the `Crm-Op` trailer (`interaction.add`).
    pub op: String,
    /// Ids of the records created or changed, for the `Crm-Ids` trailer.
    pub ids: Vec<RecordId>,
    /// Handle of the acting person, for the `Crm-Actor` trailer and the commit author.
    pub actor: String,
    /// The file operations in order.
    pub files: Vec<FileOp>,
}

/// How a change is applied.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApplyOptions {
    /// Write the files but leave them uncommitted.
    pub no_commit: bool,
    /// Author and commit time; `None` means now.
    pub time: Option<Timestamp>,
}

impl Change {
    /// A change with no files yet.
    pub fn new(op: &str, subject: impl Into<String>, actor: &str) -> Self {
        Change {
            subject: subject.into(),
            op: op.to_string(),
            ids: Vec::new(),
            actor: actor.to_string(),
            files: Vec::new(),
        }
    }

    /// The full commit message: subject, blank line, trailers.
    pub fn commit_message(&self) -> String {
        let ids: Vec<String> = self.ids.iter().map(ToString::to_string).collect();
        let mut message = format!("{}\n\nCrm-Op: {}\n", one_line(&self.subject), self.op);
        if !ids.is_empty() {
            message.push_str(&format!("Crm-Ids: {}\n", ids.join(" ")));
        }
        message.push_str(&format!("Crm-Actor: {}\n", self.actor));
        message
    }

    /// Merges another change into this one (an import or a demo batch is one commit).
    pub fn absorb(&mut self, other: Change) {
        self.ids.extend(other.ids);
        self.files.extend(other.files);
    }
}

fn one_line(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    crate::model::text::truncate(line.trim(), 120).into_owned()
}

impl Store {
    /// Writes the change's files atomically and, unless told not to, commits exactly those
    /// paths as the acting person. Returns the new commit id.
    pub fn apply(&self, change: &Change, options: ApplyOptions) -> Result<Option<String>> {
        for file in &change.files {
            self.refuse_links(file.path())?;
            refuse_opened_content(file)?;
        }
        for file in &change.files {
            let path = self.path(file.path());
            match file {
                FileOp::Create { contents, .. } => atomic::create_new(&path, contents.as_bytes())?,
                FileOp::Update { contents, .. } => atomic::write(&path, contents.as_bytes())?,
                FileOp::Remove { .. } => remove_file_and_empty_parents(&path, self.root())?,
                FileOp::Stream {
                    path: rel,
                    replace,
                    source,
                } => super::fs::write_stream(self.root(), rel, !replace, &*source.write)?,
            }
        }
        if options.no_commit || change.files.is_empty() {
            return Ok(None);
        }
        let author = self.signature(&change.actor, options.time)?;
        let paths: Vec<git::PathUpdate> = change
            .files
            .iter()
            .map(|f| git::PathUpdate {
                git_path: self.git_path(f.path()),
                disk_path: match f {
                    FileOp::Remove { .. } => None,
                    _ => Some(self.path(f.path())),
                },
            })
            .collect();
        let id = git::commit_paths(self.repo_root(), &paths, &change.commit_message(), &author)?;
        Ok(Some(id))
    }

    /// The commit signature of a person of the store, at `time` (default now).
    pub fn signature(&self, handle: &str, time: Option<Timestamp>) -> Result<Signature> {
        let person = self.config().person(handle);
        let name = person
            .map(|p| p.name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| handle.to_string());
        let email = person
            .and_then(|p| p.emails.first().cloned())
            .unwrap_or_else(|| format!("{handle}@git-crm.invalid"));
        Ok(Signature {
            name,
            email,
            time: time.unwrap_or_else(crate::model::time::now),
        })
    }
}

/// Refuses to write a record that carries restricted content in its opened form (a read model
/// from the load layer): writing it would put the opened text in clear. Only files that mention
/// `restricted` are parsed, so ordinary writes cost nothing.
fn refuse_opened_content(file: &FileOp) -> Result<()> {
    let (FileOp::Create { path, contents } | FileOp::Update { path, contents }) = file else {
        return Ok(());
    };
    if !contents.contains(crate::model::restricted::KEY) {
        return Ok(());
    }
    let parsed = super::yaml::parse::<serde_json::Map<String, serde_json::Value>>(
        std::path::Path::new(path),
        contents,
    );
    if parsed.is_ok_and(|map| crate::model::restricted::has_shown_value(&map)) {
        return Err(crate::error::Error::invalid(format!(
            "refusing to write {path}: it holds restricted content opened for reading, which would be written in clear"
        )));
    }
    Ok(())
}

fn remove_file_and_empty_parents(path: &std::path::Path, root: &std::path::Path) -> Result<()> {
    use crate::error::IoContext;
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).at(path),
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == root || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

impl Store {
    /// Takes the store's write lock. Hold it from reading what a change is based on until the
    /// change is applied, so concurrent edits of one file are serialised instead of lost.
    pub fn lock_for_write(&self) -> Result<git::WriteLock> {
        git::write_lock(self.repo_root())
    }
}
