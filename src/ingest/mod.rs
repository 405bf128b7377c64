//! Ingesting the real channels: mail ([`mail`]), calendar events ([`ics`]) and contacts
//! ([`vcf`]) flow into the store by themselves, re-runnably and conflict-free across clones.
//!
//! Every ingest is planned completely before anything is written, like an import: the input is
//! read and parsed, each item is matched against the store ([`directory`]), and the plan says
//! what each item creates, updates or leaves unchanged, and why an item is skipped or
//! unmatched. Records get ids and file names derived from their source key (the Message-ID, the
//! event UID + RECURRENCE-ID, the vCard UID), so two clones that ingest the same input write
//! byte-identical files, and a re-run finds every record by name and changes nothing. A plan is
//! written by [`write`] through the store's one write path (the transaction: write gate,
//! journal, one commit), so a killed ingest is undone by the next command and re-run cleanly.

pub mod directory;
pub mod ics;
pub mod mail;
pub mod vcf;

use std::fmt;

use crate::progress::Progress;
use serde::Serialize;

use crate::error::Result;
use crate::import::apply::{Applied, ApplyOptions};
use crate::model::records::{Interaction, RecordKind};
use crate::model::{RecordId, text};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, FileOp, Store, Transaction, layout, yaml};

/// What is ingested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Mail,
    Ics,
    Vcf,
}

impl Kind {
    /// The word in messages and commit subjects.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Mail => "mail",
            Kind::Ics => "calendar events",
            Kind::Vcf => "contacts",
        }
    }

    /// The `Crm-Op` of the commit.
    pub fn op(self) -> &'static str {
        match self {
            Kind::Mail => "ingest.mail",
            Kind::Ics => "ingest.ics",
            Kind::Vcf => "ingest.vcf",
        }
    }
}

/// What happened (or would happen) to one input item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Created,
    Updated,
    Unchanged,
    /// Not for the store (no address of the store in it, a duplicate, an invalid item with
    /// `--skip-invalid`, an event in the future).
    Skipped,
    /// For the store, but no customer was found for it.
    Unmatched,
}

/// The outcome of one item: a message, an event occurrence, a vCard, or a stored record whose
/// thread changed because of this run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Where the item came from, as a person finds it (`inbox.mbox: message 3 (byte 1204)`).
    pub item: String,
    pub action: Action,
    /// The source key (Message-ID, UID + RECURRENCE-ID, vCard UID or email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Store-relative path of the record written or found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The fields an update changes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
    /// Why it was skipped or unmatched, or what else is worth knowing (a body cut at the size
    /// limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Set by a planner when the record the item would write breaks the record rules (the
    /// reason says how): [`Plan::place`] makes it a problem of the item.
    #[serde(skip)]
    pub refused: bool,
}

impl Outcome {
    /// An outcome with only the item and the action.
    pub fn new(item: impl Into<String>, action: Action) -> Self {
        Outcome {
            item: item.into(),
            action,
            key: None,
            customer: None,
            path: None,
            id: None,
            changed: Vec::new(),
            reason: None,
            refused: false,
        }
    }

    /// The same outcome with a reason.
    pub fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

/// An item that cannot be ingested, named so a person can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub item: String,
    pub message: String,
    /// The setting that, raised, would let the item in (a message over the size limit): the
    /// CLI names its flag.
    #[serde(skip)]
    pub limit: Option<crate::error::Input>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            text::escape(&self.item),
            text::escape(&self.message)
        )
    }
}

/// What became of one mail attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentAction {
    /// A new document of the customer.
    Created,
    /// A document of the customer already holds these bytes (an earlier run, another
    /// message, or someone's `attach`): the attachment names it.
    Existing,
    /// Not a document by the rule (a signature, a small inline image, automated mail).
    Ignored,
    /// Would be a document, but the store cannot take it (over `documents.max_size` without
    /// Git LFS, LFS not usable in this clone): the attachment stays metadata, with the reason.
    Refused,
}

/// What happened (or would happen) to one attachment of an ingested message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentOutcome {
    /// The message it came with, as in [`Outcome::item`].
    pub item: String,
    pub customer: String,
    /// The attachment's name as the message gives it.
    pub name: String,
    pub size: u64,
    pub action: DocumentAction,
    /// The document written, or the one that holds the bytes already.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// Store-relative path of the document's record file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Detected from the content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Whether the file goes through Git LFS.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lfs: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Counts by action, plus the customers an ingest created.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub unmatched: usize,
    pub customers_created: usize,
    /// Documents created from mail attachments.
    pub documents_created: usize,
}

/// A planned ingest: what each item does, the problems found, the files to write.
#[derive(Debug, Clone)]
pub struct Plan {
    pub kind: Kind,
    /// The inputs as the user named them.
    pub sources: Vec<String>,
    pub outcomes: Vec<Outcome>,
    pub problems: Vec<Problem>,
    pub files: Vec<FileOp>,
    /// Ids of created and updated records (customers included).
    pub ids: Vec<RecordId>,
    /// Slugs of the customers this ingest creates (`--create-customers`).
    pub customers_created: Vec<String>,
    /// What became of each attachment of the ingested messages (mail only).
    pub documents: Vec<DocumentOutcome>,
    /// The files the planned documents are copied from while the plan is written; removed
    /// when the last clone of the plan is dropped.
    pub spool: Option<std::sync::Arc<mail::spool::Spool>>,
}

impl Plan {
    /// An empty plan.
    pub fn new(kind: Kind, sources: Vec<String>) -> Self {
        Plan {
            kind,
            sources,
            outcomes: Vec::new(),
            problems: Vec::new(),
            files: Vec::new(),
            ids: Vec::new(),
            customers_created: Vec::new(),
            documents: Vec::new(),
            spool: None,
        }
    }

    /// Counts by action.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            customers_created: self.customers_created.len(),
            documents_created: self
                .documents
                .iter()
                .filter(|d| d.action == DocumentAction::Created)
                .count(),
            ..Counts::default()
        };
        for o in &self.outcomes {
            match o.action {
                Action::Created => counts.created += 1,
                Action::Updated => counts.updated += 1,
                Action::Unchanged => counts.unchanged += 1,
                Action::Skipped => counts.skipped += 1,
                Action::Unmatched => counts.unmatched += 1,
            }
        }
        counts
    }

    /// Adds an outcome with the files it writes, recording its id when it writes any.
    pub fn push(&mut self, outcome: Outcome, files: Vec<FileOp>) {
        let index = self.outcomes.len();
        self.outcomes.push(Outcome::new("", Action::Skipped));
        self.place(index, outcome, files);
    }

    /// Sets the outcome at `index` (placed there when the item was read) with the files it
    /// writes. A record a planner refused (see [`refusal`]), or an edited file that breaks the
    /// record rules the write gate applies, makes a problem of its item instead of a refusal of
    /// the whole run (a sender address too long to be one).
    pub fn place(&mut self, index: usize, mut outcome: Outcome, mut files: Vec<FileOp>) {
        let why = match outcome.refused {
            true => outcome.reason.clone(),
            false => files
                .iter()
                .filter(|f| matches!(f, FileOp::Update { .. }))
                .find_map(|f| crate::store::check_file(f).err())
                .map(|e| e.to_string()),
        };
        if let Some(why) = why {
            self.problems.push(Problem {
                item: outcome.item.clone(),
                message: why.clone(),
                limit: None,
            });
            outcome.action = Action::Skipped;
            outcome.reason = Some(why);
            outcome.changed.clear();
            files.clear();
        }
        if let Some(id) = outcome.id
            && matches!(outcome.action, Action::Created | Action::Updated)
        {
            self.ids.push(id);
        }
        self.outcomes[index] = outcome;
        self.files.extend(files);
    }

    /// [`Plan::place`] for a message with the attachments it stores: when the message is not
    /// written after all (its record broke the rules), neither are its documents.
    pub fn place_with_documents(
        &mut self,
        index: usize,
        outcome: Outcome,
        files: Vec<FileOp>,
        mut documents: Vec<DocumentOutcome>,
    ) {
        self.place(index, outcome, files);
        let written = matches!(
            self.outcomes[index].action,
            Action::Created | Action::Updated | Action::Unchanged
        );
        for d in &mut documents {
            if d.action != DocumentAction::Created {
                continue;
            }
            match (written, d.id) {
                (true, Some(id)) => self.ids.push(id),
                _ => {
                    d.action = DocumentAction::Refused;
                    d.reason = Some("its message is not ingested".into());
                    d.path = None;
                }
            }
        }
        self.documents.extend(documents);
    }

    /// The change that writes the plan: its files and the commit message.
    pub fn change(&self, actor: &str) -> Change {
        let counts = self.counts();
        let sources = match self.sources.as_slice() {
            [one] => short_name(one),
            many => format!("{} sources", many.len()),
        };
        let mut subject = format!(
            "ingest: {} from {sources}: {} created, {} updated",
            self.kind.word(),
            counts.created,
            counts.updated
        );
        if counts.customers_created > 0 {
            let n = counts.customers_created;
            subject.push_str(&format!(
                ", {n} new customer{}",
                if n == 1 { "" } else { "s" }
            ));
        }
        if counts.documents_created > 0 {
            let n = counts.documents_created;
            subject.push_str(&format!(", {n} document{}", if n == 1 { "" } else { "s" }));
        }
        subject.push_str(&format!(" ({actor})"));
        crate::import::apply::batch_change(self.kind.op(), subject, actor, &self.files, &self.ids)
    }
}

fn short_name(source: &str) -> String {
    if source == "-" {
        return "stdin".into();
    }
    std::path::Path::new(source)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}

/// Writes a plan through the transaction: the write gate checks every file, the journal lets
/// the next command undo a killed run, and one commit records it all (none when nothing
/// changed).
pub fn write(
    txn: &Transaction<'_>,
    plan: &Plan,
    actor: &str,
    options: &ApplyOptions,
    progress: &dyn Progress,
) -> Result<Applied> {
    crate::import::apply::apply_batch(txn, &plan.change(actor), options, progress)
}

/// Why the write gate would refuse a new touchpoint at `path`, checked on the record itself
/// before it is written (the gate's record rules, without parsing the text back), or `None`.
pub(crate) fn refusal(path: &str, record: &Interaction) -> Option<String> {
    crate::model::validate::interaction(record)
        .into_iter()
        .next()
        .map(|why| format!("refusing to write {}: {why}", text::escape(path)))
}

/// Every touchpoint file of the store by short id, from directory listings alone: an ingested
/// record is found by the short id its source key gives, without parsing anything.
pub(crate) fn interaction_files(
    store: &Store,
) -> Result<std::collections::HashMap<String, Vec<String>>> {
    use rayon::prelude::*;
    let slugs = store.customer_slugs()?;
    let lists: Vec<Vec<(String, String)>> = slugs
        .par_iter()
        .map(|slug| {
            let dir = layout::record_dir(slug, RecordKind::Interaction);
            let Ok(entries) = std::fs::read_dir(store.path(&dir)) else {
                return Vec::new();
            };
            entries
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| layout::is_record_file_name(n))
                .map(|n| (n[17..25].to_string(), format!("{dir}/{n}")))
                .collect()
        })
        .collect();
    let mut map: std::collections::HashMap<String, Vec<String>> = Default::default();
    for (short, path) in lists.into_iter().flatten() {
        map.entry(short).or_default().push(path);
    }
    Ok(map)
}

/// A stored touchpoint, with its text for in-place edits.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub path: String,
    pub text: String,
    pub record: Interaction,
}

/// The text of every touchpoint file of a customer, in file-name order, unparsed. The folder
/// is checked once for links; its entries are regular files (`file_type` does not follow
/// links), so each is read directly, at most [`yaml::MAX_RECORD_BYTES`] of it.
pub(crate) fn load_texts(store: &Store, slug: &str) -> Vec<(String, String)> {
    use rayon::prelude::*;
    let dir = layout::record_dir(slug, RecordKind::Interaction);
    if store.refuse_links(&dir).is_err() {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(store.path(&dir)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".yaml") && !crate::store::atomic::is_temp_name(n))
        .collect();
    names.sort();
    let folder = store.path(&dir);
    names
        .into_par_iter()
        .filter_map(|name| {
            use std::io::Read;
            let file = std::fs::File::open(folder.join(&name)).ok()?;
            let mut text = String::new();
            file.take(yaml::MAX_RECORD_BYTES as u64 + 1)
                .read_to_string(&mut text)
                .ok()?;
            Some((format!("{dir}/{name}"), text))
        })
        .collect()
}

impl Stored {
    /// A stored file parsed as a touchpoint, if it is one.
    pub(crate) fn parse(path: String, text: String) -> Option<Stored> {
        let record = yaml::parse::<Interaction>(std::path::Path::new(&path), &text).ok()?;
        Some(Stored { path, text, record })
    }
}

/// The stored record at one of `paths` whose `source` is `system`/`key`.
pub(crate) fn find_stored(
    store: &Store,
    paths: Option<&Vec<String>>,
    system: &str,
    key: &str,
) -> Option<Stored> {
    paths.into_iter().flatten().find_map(|path| {
        store.refuse_links(path).ok()?;
        let text = store.read_text(path).ok()?;
        let record = yaml::parse::<Interaction>(std::path::Path::new(path), &text).ok()?;
        let same = record
            .source
            .as_ref()
            .is_some_and(|s| s.system == system && s.key == key);
        same.then(|| Stored {
            path: path.clone(),
            text,
            record,
        })
    })
}

/// Brings a stored touchpoint in line with `new` for the fields an ingest owns (`owned`:
/// top-level fields, including extra blocks such as `mail`). Everything else is kept: tags,
/// unknown keys, and a `resolves: true` someone set (`new.resolves` can only add it). Returns
/// the changed fields and the new text, or `None` when nothing changes. A file exactly as the
/// tool wrote it is rewritten in the canonical layout; a hand-edited one is edited in place, so
/// its comments survive.
pub(crate) fn refresh(
    current: &Stored,
    new: &Interaction,
    owned: &[&str],
) -> Result<Option<(Vec<String>, String)>> {
    let old_json = serde_json::to_value(&current.record).unwrap_or_default();
    let new_json = serde_json::to_value(new).unwrap_or_default();
    let mut changed = differing_fields(&old_json, &new_json, owned);
    let resolve = new.resolves && !current.record.resolves;
    if resolve {
        changed.push("resolves".into());
    }
    if changed.is_empty() {
        return Ok(None);
    }
    let mut merged = serde_json::to_value(&current.record).unwrap_or_default();
    if let (Some(map), Some(new_map)) = (merged.as_object_mut(), new_json.as_object()) {
        for field in &changed {
            match new_map.get(field.as_str()) {
                Some(v) if !v.is_null() => {
                    map.insert(field.clone(), v.clone());
                }
                _ => {
                    map.remove(field.as_str());
                }
            }
        }
    }
    let merged: Interaction = serde_json::from_value(merged.clone())
        .map_err(|e| crate::Error::invalid(format!("{}: {e}", current.path)))?;
    if yaml::to_yaml(&current.record)? == current.text {
        return Ok(Some((changed, yaml::to_yaml(&merged)?)));
    }
    let json = serde_json::to_value(&merged).unwrap_or_default();
    let edits: Vec<FieldEdit> = changed
        .iter()
        .map(|f| match &json[f.as_str()] {
            serde_json::Value::Null => FieldEdit::remove(f),
            v => FieldEdit {
                key_path: vec![f.clone()],
                value: Some(v.clone()),
            },
        })
        .collect();
    let (text, _): (String, Interaction) =
        edit_text(std::path::Path::new(&current.path), &current.text, &edits)?;
    Ok(Some((changed, text)))
}

/// The top-level fields of two records' JSON forms that differ, among `fields`. Times compare
/// as instants with their offsets (`+01:00` and `Z` forms of the same reading differ).
pub(crate) fn differing_fields(
    old: &serde_json::Value,
    new: &serde_json::Value,
    fields: &[&str],
) -> Vec<String> {
    fields
        .iter()
        .filter(|f| {
            let (a, b) = (&old[**f], &new[**f]);
            match **f {
                "at" | "recorded_at" => {
                    let t = |v: &serde_json::Value| {
                        v.as_str()
                            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                            .map(|t| (t, t.offset().local_minus_utc()))
                    };
                    t(a) != t(b)
                }
                "resolves" => a.as_bool().unwrap_or(false) != b.as_bool().unwrap_or(false),
                "tags" => {
                    let empty = |v: &serde_json::Value| v.as_array().is_none_or(Vec::is_empty);
                    !(empty(a) && empty(b)) && a != b
                }
                _ => a != b,
            }
        })
        .map(|f| f.to_string())
        .collect()
}

/// Refuses an ingest whose channel (`email`, `meeting`) the store's vocabulary lacks.
pub(crate) fn require_channel(store: &Store, channel: &str) -> Result<()> {
    if store.config().knows_channel(channel) {
        return Ok(());
    }
    Err(crate::Error::invalid_hint(
        format!(
            "the channel `{channel}` is not in `channels` of {}",
            layout::CONFIG_FILE
        ),
        format!("add `{channel}` to `channels`"),
    ))
}

/// Reads a whole input file (or stdin for `-`) of at most `max` bytes as text; bytes that are
/// not UTF-8 are replaced, as calendar and contact files are meant to be UTF-8.
pub(crate) fn read_input(path: &std::path::Path, max: u64) -> Result<String> {
    use std::io::Read;
    let named = path.display().to_string();
    let mut bytes = Vec::new();
    let read = if named == "-" {
        std::io::stdin()
            .lock()
            .take(max + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| crate::Error::io(path, e))?;
    if bytes.len() as u64 > max {
        return Err(crate::Error::invalid(format!(
            "{}: the file is larger than {}; split it",
            text::escape(&named),
            mail::parse::human_size(max)
        )));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
