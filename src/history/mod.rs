//! `git crm history <customer>`: a customer's git history in words. Which commit changed which
//! field from what to what, who added which record, when the customer was renamed; newest
//! first. Built on the path walk of [`crate::git::path_history`], which follows the customer's
//! folder through renames.

pub mod fields;
pub mod render;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::git::{FileChange, FileStatus, PathCommit, Repo};
use crate::model::records::{Handoff, Interaction, Note, RecordKind, Task};
use crate::model::restricted;
use crate::model::time::Timestamp;
use crate::store::{Store, layout, yaml};

pub use fields::FieldDiff;

/// What one commit did to the customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// The customer record was created.
    CustomerAdded { name: String },
    /// The customer's folder moved (`customer rename`).
    Renamed { from: String, to: String },
    /// A field of the customer record changed.
    Field(FieldDiff),
    /// The customer record was removed (the tool never does this; archive instead).
    CustomerRemoved,
    /// A touchpoint, note, handoff or task was added.
    RecordAdded {
        record: RecordKind,
        id: String,
        path: String,
        text: String,
    },
    /// A record was changed after it was written (a handoff accepted, a task done, or a hand
    /// edit).
    RecordChanged {
        record: RecordKind,
        id: String,
        path: String,
        fields: Vec<FieldDiff>,
    },
    /// A record was removed.
    RecordRemoved {
        record: RecordKind,
        id: String,
        path: String,
    },
    /// Some other file in the folder changed, or a record that cannot be read.
    File { path: String, status: FileStatus },
}

/// One commit of the customer's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub commit: String,
    /// Author time.
    pub at: Timestamp,
    /// The git-crm actor, else the person with the author's email, else the author's name.
    pub by: String,
    pub email: String,
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub op: Option<String>,
    pub changes: Vec<Change>,
}

/// Fields a record may have set after it was written without rewriting history: accepting or
/// declining a handoff, finishing a task.
pub const LATE_FIELDS: &[&str] = &[
    "accepted_at",
    "accepted_by",
    "on_behalf_of",
    "declined_at",
    "declined_by",
    "decline_reason",
    "done_at",
];

/// Fields of a task that `task edit` changes in place (`task reopen` removes `done_at`): a task
/// is work in progress, not a record of what happened, so these edits are updates, not
/// rewrites.
pub const TASK_FIELDS: &[&str] = &["title", "due", "assignee", "every"];

/// What the tool did when a record changed in place in one of the ways it is allowed to:
/// `accepted handoff`, `declined handoff`, `completed task`, `reopened task`, `updated task`.
/// `None` for anything else, which is a rewrite of history.
pub fn late_edit(kind: RecordKind, diffs: &[fields::FieldDiff]) -> Option<&'static str> {
    if diffs.is_empty() {
        return None;
    }
    let set_once = diffs
        .iter()
        .all(|f| LATE_FIELDS.contains(&f.field.as_str()) && f.from.is_none());
    match kind {
        RecordKind::Handoff if set_once => {
            Some(if diffs.iter().any(|f| f.field.starts_with("decline")) {
                "declined handoff"
            } else {
                "accepted handoff"
            })
        }
        RecordKind::Task if set_once => Some("completed task"),
        RecordKind::Task
            if diffs.len() == 1 && diffs[0].field == "done_at" && diffs[0].to.is_none() =>
        {
            Some("reopened task")
        }
        RecordKind::Task
            if diffs
                .iter()
                .all(|f| TASK_FIELDS.contains(&f.field.as_str())) =>
        {
            Some("updated task")
        }
        _ => None,
    }
}

/// A customer's history.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct History {
    /// Newest first.
    pub events: Vec<Event>,
    /// Whether the clone is shallow and older commits are missing.
    pub truncated: bool,
}

/// Builds git-crm's history index of the store's customers ahead of the first `history`
/// (`setup --fast-git`): the number of commits it covers, `None` where none is kept.
pub fn prepare_index(store: &Store) -> Result<Option<usize>> {
    let watched = store.git_path(layout::CUSTOMERS_DIR);
    crate::git::prepare_history_index(store.repo_root(), &watched)
}

/// The history of customer `slug` (as it is called in the work tree), newest first.
pub fn customer_history(store: &Store, slug: &str) -> Result<History> {
    let slug = &store.resolve_customer(slug)?;
    let customer = store.load_customer(slug)?;
    let repo = Repo::open(store.repo_root())?;
    if repo.resolve("HEAD").is_err() {
        return Ok(History::default());
    }
    let id = customer.id.to_string();
    let same_owner = |bytes: &[u8]| {
        parse_map("customer.yaml", bytes)
            .and_then(|m| m.get("id").and_then(Value::as_str).map(|v| v == id))
            .unwrap_or(false)
    };
    let folder = store.git_path(&layout::customer_dir(slug));
    let walk =
        crate::git::path_history(&repo, "HEAD", &folder, layout::CUSTOMER_FILE, &same_owner)?;
    let mut events = Vec::new();
    for pc in &walk.commits {
        let event = event(&repo, store, pc)?;
        // A merge that only took values from its parents tells nothing new.
        if !event.changes.is_empty() {
            events.push(event);
        }
    }
    Ok(History {
        events,
        truncated: walk.truncated,
    })
}

fn event(repo: &Repo, store: &Store, pc: &PathCommit) -> Result<Event> {
    let mut changes = Vec::new();
    if let Some(from) = &pc.renamed_from {
        changes.push(Change::Renamed {
            from: slug_of(from),
            to: slug_of(&pc.path),
        });
    }
    for fc in &pc.changes {
        let rel = fc.path[pc.path.len()..].trim_start_matches('/');
        let store_path = store_relative(store, &fc.path);
        if rel == layout::CUSTOMER_FILE {
            let mut fields = customer_change(repo, pc, fc)?;
            if pc.renamed_from.is_some() {
                // The rename says it; the slug field moving with it is no news.
                fields.retain(|c| {
                    !matches!(c, Change::Field(d) if d.field == "slug" || d.field == "renamed_from")
                });
            }
            changes.extend(fields);
        } else {
            changes.push(record_change(repo, rel, store_path, fc)?);
        }
    }
    let c = &pc.commit;
    Ok(Event {
        commit: c.id.clone(),
        at: c.time,
        by: person_of(store, c),
        email: c.author_email.clone(),
        subject: c.subject.clone(),
        op: c.op.clone(),
        changes,
    })
}

/// Who made a commit, as the store knows them: the git-crm actor, else the person whose email
/// is the author's, else the author's name (a commit made with plain git by someone the store
/// does not list).
pub fn person_of(store: &Store, commit: &crate::git::CommitInfo) -> String {
    if let Some(actor) = commit.actor.as_deref().filter(|a| !a.is_empty()) {
        return actor.to_string();
    }
    store
        .config()
        .handle_for_email(&commit.author_email)
        .map(str::to_string)
        .unwrap_or_else(|| commit.author_name.clone())
}

fn slug_of(folder: &str) -> String {
    folder.rsplit('/').next().unwrap_or(folder).to_string()
}

/// A repository path as a store-relative one.
pub fn store_relative(store: &Store, repo_path: &str) -> String {
    let prefix = store.git_path("");
    let prefix = prefix.trim_end_matches('/');
    if prefix.is_empty() {
        return repo_path.to_string();
    }
    repo_path
        .strip_prefix(prefix)
        .map(|p| p.trim_start_matches('/').to_string())
        .unwrap_or_else(|| repo_path.to_string())
}

fn customer_change(repo: &Repo, pc: &PathCommit, fc: &FileChange) -> Result<Vec<Change>> {
    let old = read(repo, fc.old_id.as_deref())?;
    let new = read(repo, fc.new_id.as_deref())?;
    Ok(match (fc.status, old, new) {
        (FileStatus::Deleted, _, _) => vec![Change::CustomerRemoved],
        (FileStatus::Added, _, Some(new)) if pc.renamed_from.is_none() => {
            vec![Change::CustomerAdded {
                name: new
                    .get("name")
                    .map(|v| fields::say(Some(v)))
                    .unwrap_or_default(),
            }]
        }
        (FileStatus::Modified, None, Some(_)) => vec![Change::File {
            path: fc.path.clone(),
            status: fc.status,
        }],
        (_, old, Some(new)) => {
            let old = old.unwrap_or_default();
            let mut diffs = fields::diff(&old, &new);
            // In a merge, a value taken from another parent was reported with that parent's
            // commit; only what the merge itself decided is news.
            for (parent, path) in &pc.other_parents {
                let id = repo.entry_id(parent, &format!("{path}/{}", layout::CUSTOMER_FILE))?;
                if let Some(theirs) = read(repo, id.as_deref())? {
                    diffs.retain(|d| !from_parent(d, lookup(&theirs, &d.field)));
                }
            }
            diffs.into_iter().map(Change::Field).collect()
        }
        (status, _, None) => vec![Change::File {
            path: fc.path.clone(),
            status,
        }],
    })
}

/// Whether a merge's change of a field only brings in what another parent had: its value, or
/// for a list, items that parent added and not items it lacks (the driver merges lists as
/// sets, so the merged list is often neither parent's).
fn from_parent(d: &FieldDiff, parent: Option<&Value>) -> bool {
    if d.to.as_ref() == parent {
        return true;
    }
    let list = |v: Option<&Value>| v.and_then(Value::as_array).cloned().unwrap_or_default();
    let (before, after, theirs) = (list(d.from.as_ref()), list(d.to.as_ref()), list(parent));
    let is_list = |v: Option<&Value>| v.is_none_or(Value::is_array);
    if !(is_list(d.from.as_ref()) && is_list(d.to.as_ref()) && is_list(parent)) {
        return false;
    }
    let added_from_parent = after
        .iter()
        .filter(|v| !before.contains(v))
        .all(|v| theirs.contains(v));
    let removed_by_parent = before
        .iter()
        .filter(|v| !after.contains(v))
        .all(|v| !theirs.contains(v));
    added_from_parent && removed_by_parent
}

/// The value at a dotted field path.
fn lookup<'a>(map: &'a Map<String, Value>, field: &str) -> Option<&'a Value> {
    let mut parts = field.split('.');
    let mut value = map.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

fn record_change(repo: &Repo, rel: &str, path: String, fc: &FileChange) -> Result<Change> {
    let kind = rel
        .split('/')
        .next()
        .and_then(RecordKind::from_dir_name)
        // A document's stored file is a plain file change; its record says what it is.
        .filter(|_| rel.matches('/').count() == 1 && rel.ends_with(".yaml"));
    let Some(kind) = kind else {
        return Ok(Change::File {
            path,
            status: fc.status,
        });
    };
    let id = rel
        .rsplit_once('-')
        .map(|(_, s)| s.trim_end_matches(".yaml").to_string())
        .unwrap_or_default();
    Ok(match fc.status {
        FileStatus::Added => {
            let data = repo.blob(fc.new_id.as_deref().unwrap_or_default())?;
            Change::RecordAdded {
                record: kind,
                id,
                text: record_text(kind, &path, &data),
                path,
            }
        }
        FileStatus::Deleted => Change::RecordRemoved {
            record: kind,
            id,
            path,
        },
        FileStatus::Modified => {
            let old = read(repo, fc.old_id.as_deref())?.unwrap_or_default();
            let new = read(repo, fc.new_id.as_deref())?.unwrap_or_default();
            Change::RecordChanged {
                record: kind,
                id,
                path,
                fields: fields::diff(&old, &new),
            }
        }
    })
}

/// A record in one line: a touchpoint's direction, channel and summary, a note's first line, a
/// handoff's from -> to, a task's title.
pub fn record_text(kind: RecordKind, path: &str, data: &[u8]) -> String {
    let path = std::path::Path::new(path);
    if let Some(team) = parse_map(&path.to_string_lossy(), data).and_then(|m| {
        m.get(restricted::KEY)
            .and_then(restricted::team_in)
            .map(str::to_string)
    }) {
        return restricted::opaque_words(kind.word(), &team);
    }
    let text = match kind {
        RecordKind::Interaction => yaml::parse_bytes::<Interaction>(path, data)
            .map(|i| format!("{} {}: {}", i.direction, i.channel, i.summary)),
        RecordKind::Note => yaml::parse_bytes::<Note>(path, data)
            .map(|n| n.body.lines().next().unwrap_or_default().to_string()),
        RecordKind::Handoff => yaml::parse_bytes::<Handoff>(path, data).map(|h| {
            let mut text = format!("{} -> {}", h.from, h.to);
            if let Some(reason) = h.reason {
                text.push_str(&format!(": {reason}"));
            }
            text
        }),
        RecordKind::Task => yaml::parse_bytes::<Task>(path, data).map(|t| t.title),
        RecordKind::Correction => {
            yaml::parse_bytes::<crate::model::corrections::Correction>(path, data).map(|c| {
                let reason = c
                    .reason
                    .as_ref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
                format!("{}{reason}", c.describe())
            })
        }
        RecordKind::Document => yaml::parse_bytes::<crate::model::Document>(path, data)
            .map(|d| crate::ops::documents::describe(&d)),
    };
    let mut text = text.unwrap_or_else(|_| "(unreadable)".into());
    // Records written by `rules run` say which rule wrote them.
    if let Some(rule) = parse_map("record.yaml", data)
        .and_then(|m| m.get("origin")?.get("rule")?.as_str().map(str::to_string))
    {
        text.push_str(&format!(" [rule {rule}]"));
    }
    text
}

/// Parses a record file as a map; `None` when it does not read.
pub fn parse_map(path: &str, bytes: &[u8]) -> Option<Map<String, Value>> {
    yaml::parse_bytes::<Map<String, Value>>(std::path::Path::new(path), bytes).ok()
}

fn read(repo: &Repo, id: Option<&str>) -> Result<Option<Map<String, Value>>> {
    match id {
        Some(id) => Ok(parse_map("record.yaml", &repo.blob(id)?)),
        None => Ok(None),
    }
}

impl Change {
    /// Whether this is one of the in-place changes the tool makes to a record after it was
    /// written (a handoff accepted or declined, a task done, reopened or edited; see
    /// [`late_edit`]).
    pub fn is_completion(&self) -> bool {
        match self {
            Change::RecordChanged { record, fields, .. } => late_edit(*record, fields).is_some(),
            _ => false,
        }
    }
}

/// A change in words, for the text and Markdown layouts (not escaped).
pub fn describe(change: &Change) -> String {
    match change {
        Change::CustomerAdded { name } => format!("customer added: {name}"),
        Change::Renamed { from, to } => format!("renamed {from} -> {to}"),
        Change::Field(d) => fields::describe(d),
        Change::CustomerRemoved => "customer record removed".into(),
        Change::RecordAdded {
            record, id, text, ..
        } => format!("added {} {id}: {text}", record.word()),
        Change::RecordChanged {
            record, id, fields, ..
        } => {
            let late = late_edit(*record, fields);
            let what = match late {
                Some(verb) => verb.to_string(),
                None => format!("edited {}", record.word()),
            };
            if late.is_some_and(|v| v != "updated task") {
                return format!("{what} {id}");
            }
            let detail: Vec<String> = fields.iter().map(fields::describe).collect();
            format!("{what} {id} ({})", detail.join("; "))
        }
        Change::RecordRemoved { record, id, .. } => format!("removed {} {id}", record.word()),
        Change::File { path, status } => format!("{} {path}", status.word()),
    }
}
