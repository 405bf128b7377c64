//! A planned change to the store: the files to write and the commit that records them. Every
//! mutating operation builds a [`Change`] without touching the disk, so `--dry-run` can show it
//! and `apply` can write it atomically and commit it once.

use serde::Serialize;

use crate::error::Result;
use crate::git::Signature;
use crate::model::ids::RecordId;
use crate::model::time::Timestamp;

use super::Store;

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
    /// A document's stored file moved from `from` to `path` by a rename (a customer rename):
    /// its bytes are neither read nor copied, and git is told the blob it already has. Fails if
    /// a file is at `path`.
    Move { path: String, from: String },
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
            | FileOp::Stream { path, .. }
            | FileOp::Move { path, .. } => path,
        }
    }

    /// Every store-relative path the operation touches: its own and, for a move, its source.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        let from = match self {
            FileOp::Move { from, .. } => Some(from.as_str()),
            _ => None,
        };
        std::iter::once(self.path()).chain(from)
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
    /// More trailers after `Crm-Actor` (`Crm-Rule: <rule> <key> <revision>` of `rules run`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trailers: Vec<(String, String)>,
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
            trailers: Vec::new(),
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
        for (key, value) in &self.trailers {
            let value: String = value
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            message.push_str(&format!("{key}: {}\n", value.trim()));
        }
        message
    }

    /// Merges another change into this one (an import or a demo batch is one commit).
    pub fn absorb(&mut self, other: Change) {
        self.ids.extend(other.ids);
        self.files.extend(other.files);
        self.trailers.extend(other.trailers);
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
