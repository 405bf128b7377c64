//! What git tells a run: what fired before (the `Crm-Rule` trailers of earlier runs), where the
//! last run stopped (their `Crm-Rules-Seen` trailer: the head whose history it looked at in
//! full), which commits this run looks at, and the events those commits hold.
//!
//! All of it is in the history every clone shares, so "since the last run" means the same on
//! every machine and after every merge: the range is the commits reachable from head and not
//! from any seen head. Before any run, it is the commits made after the rules file was
//! committed, so rules never fire on events older than themselves.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::Serialize;

use super::compile::Trigger;
use super::file::RULES_FILE;
use super::plan::{Event, EventRecord, Fired};
use crate::error::Result;
use crate::git::{CommitInfo, FileStatus, Repo};
use crate::history::{fields, parse_map, store_relative};
use crate::model::RecordId;
use crate::model::records::{Customer, Handoff, Interaction, RecordKind};
use crate::store::snapshot::{Snapshot, classify};
use crate::store::{CustomerBundle, Store, layout, load, yaml};

/// The `Crm-Op` of a rules commit.
pub const OP: &str = "rules.run";
/// The trailer naming one firing: `<rule> <key> <revision>`.
pub const RULE_TRAILER: &str = "Crm-Rule";
/// The trailer naming the head whose events a run looked at in full.
pub const SEEN_TRAILER: &str = "Crm-Rules-Seen";

/// A rules commit of the history.
#[derive(Debug, Clone)]
pub struct RunCommit {
    pub commit: CommitInfo,
    /// `(rule, key, revision)` of each firing.
    pub firings: Vec<(String, String, String)>,
    pub seen: Option<String>,
}

/// What the history says about earlier runs.
#[derive(Debug, Clone, Default)]
pub struct Past {
    pub fired: Fired,
    /// Heads earlier runs looked at in full.
    pub seen: Vec<String>,
    pub runs: Vec<RunCommit>,
    /// Every commit reachable from head, newest first.
    pub all: Vec<CommitInfo>,
}

/// The trailers `Key: value` of a commit message that git-crm reads for rules.
pub fn rule_trailers(message: &str) -> (Vec<(String, String, String)>, Option<String>) {
    let mut firings = Vec::new();
    let mut seen = None;
    for line in message.lines() {
        if let Some(rest) = line
            .strip_prefix(RULE_TRAILER)
            .and_then(|r| r.strip_prefix(':'))
        {
            let mut parts = rest.split_whitespace();
            if let (Some(rule), Some(key)) = (parts.next(), parts.next()) {
                firings.push((
                    rule.to_string(),
                    key.to_string(),
                    parts.next().unwrap_or_default().to_string(),
                ));
            }
        } else if let Some(rest) = line
            .strip_prefix(SEEN_TRAILER)
            .and_then(|r| r.strip_prefix(':'))
        {
            seen = Some(rest.trim().to_string()).filter(|s| !s.is_empty());
        }
    }
    (firings, seen)
}

/// Reads the history of `head`: every commit, and the rules commits among them.
pub fn past(repo: &Repo, head: &str) -> Result<Past> {
    let all = repo.commits(head, None)?;
    let mut past = Past::default();
    for commit in &all {
        if commit.op.as_deref() != Some(OP) {
            continue;
        }
        let (firings, seen) = rule_trailers(&repo.message(&commit.id)?);
        for (rule, key, revision) in &firings {
            past.fired.add(rule, key, revision);
        }
        if let Some(s) = &seen
            && repo.has_object(s)
        {
            past.seen.push(s.clone());
        }
        past.runs.push(RunCommit {
            commit: commit.clone(),
            firings,
            seen,
        });
    }
    past.seen = frontier(&all, &past.seen);
    past.all = all;
    Ok(past)
}

/// The heads of `seen` that no other head of `seen` descends from: the range is the same
/// without the others, and a store where rules ran for a year lists one or two heads, not
/// thousands.
fn frontier(all: &[CommitInfo], seen: &[String]) -> Vec<String> {
    let parents: HashMap<&str, &[String]> = all
        .iter()
        .map(|c| (c.id.as_str(), c.parents.as_slice()))
        .collect();
    let mut covered: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut queue: Vec<&str> = seen
        .iter()
        .filter_map(|s| parents.get(s.as_str()))
        .flat_map(|ps| ps.iter().map(String::as_str))
        .collect();
    while let Some(id) = queue.pop() {
        if !covered.insert(id) {
            continue;
        }
        if let Some(ps) = parents.get(id) {
            queue.extend(ps.iter().map(String::as_str));
        }
    }
    let mut out: Vec<String> = Vec::new();
    for s in seen {
        if !covered.contains(s.as_str()) && !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

/// Which commits a run looks at for events, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "since", rename_all = "kebab-case")]
pub enum Scope {
    /// The commits after the heads earlier runs looked at.
    LastRun { heads: Vec<String>, commits: usize },
    /// No run yet: the commits after the rules file was committed.
    RulesFile { commits: usize },
    /// `<base>..<head>` as given.
    Range {
        base: String,
        head: String,
        commits: usize,
    },
    /// Event rules do not run.
    None,
}

/// The commits of the range, newest first, and the scope they make.
pub fn range(
    store: &Store,
    repo: &Repo,
    head: &str,
    past: &Past,
    explicit: Option<(&str, &str)>,
) -> Result<(Vec<CommitInfo>, Scope)> {
    if let Some((base, name)) = explicit {
        let base_id = repo.resolve(base)?;
        let commits = repo.commits(head, Some(&base_id))?;
        let n = commits.len();
        return Ok((
            commits,
            Scope::Range {
                base: base.to_string(),
                head: name.to_string(),
                commits: n,
            },
        ));
    }
    if !past.seen.is_empty() {
        let commits = repo.commits_hiding(head, &past.seen)?;
        let n = commits.len();
        return Ok((
            commits,
            Scope::LastRun {
                heads: past.seen.clone(),
                commits: n,
            },
        ));
    }
    let path = store.git_path(RULES_FILE);
    let mut has: HashMap<String, bool> = HashMap::new();
    let mut has_rules = |id: &str| -> Result<bool> {
        if let Some(h) = has.get(id) {
            return Ok(*h);
        }
        let h = repo.has_object(id) && repo.entry_id(id, &path)?.is_some();
        has.insert(id.to_string(), h);
        Ok(h)
    };
    let mut commits = Vec::new();
    for c in &past.all {
        if c.parents.is_empty() || !has_rules(&c.id)? {
            continue;
        }
        let mut all = true;
        for p in &c.parents {
            all &= has_rules(p)?;
        }
        if all {
            commits.push(c.clone());
        }
    }
    let n = commits.len();
    Ok((commits, Scope::RulesFile { commits: n }))
}

/// The events of `commits` for the `wanted` triggers, oldest first. Each carries the customer
/// as its commit left it (read only when it differs from head). Merge commits repeat their
/// parents' work and are skipped; so are files that a rename merely moved. Problems reading an
/// old file skip that event with a warning.
pub fn events(
    store: &Store,
    repo: &Repo,
    head: &str,
    commits: &[CommitInfo],
    wanted: &BTreeSet<Trigger>,
    warnings: &mut Vec<String>,
) -> Result<Vec<Event>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let prefix = store.git_path(layout::CUSTOMERS_DIR);
    // Rules write handoffs, notes, tasks and customer edits, never touchpoints or customers: when
    // no rule wants handoffs or changes, their commits hold no event (and a large run's commit
    // is not diffed for nothing).
    let rules_commits_matter =
        wanted.contains(&Trigger::HandoffCreated) || wanted.contains(&Trigger::CustomerChanged);
    let mut out = Vec::new();
    let mut states: HashMap<(String, String), Option<Option<CustomerBundle>>> = HashMap::new();
    for commit in commits.iter().rev() {
        if commit.parents.len() > 1 || (!rules_commits_matter && commit.op.as_deref() == Some(OP)) {
            continue;
        }
        let parent = commit.parents.first().map(String::as_str);
        if let Some(p) = parent
            && !repo.has_object(p)
        {
            warnings.push(format!(
                "commit {} is at the edge of a shallow clone: its events are not read (fetch the whole history)",
                commit.short_id()
            ));
            continue;
        }
        let ignore: Vec<String> = if commit.op.as_deref() == Some(OP) {
            rule_trailers(&repo.message(&commit.id)?)
                .0
                .into_iter()
                .map(|(rule, _, _)| rule)
                .collect()
        } else {
            Vec::new()
        };
        let changes = repo.diff(parent, &commit.id, &prefix)?;
        let changes: Vec<(String, &crate::git::FileChange)> = changes
            .iter()
            .map(|c| (store_relative(store, &c.path), c))
            .collect();
        // Folders this commit moved (a rename): old slug by new slug.
        let mut removed_ids: HashMap<String, String> = HashMap::new();
        for (rel, c) in &changes {
            if c.status == FileStatus::Deleted
                && classify(rel) == Some(None)
                && let Some(id) = c.old_id.as_deref()
                && let Some(map) = parse_map(rel, &repo.blob(id)?)
                && let Some(cid) = map.get("id").and_then(|v| v.as_str())
            {
                removed_ids.insert(cid.to_string(), slug_of(rel).to_string());
            }
        }
        let deleted: BTreeSet<&str> = changes
            .iter()
            .filter(|(_, c)| c.status == FileStatus::Deleted)
            .map(|(rel, _)| rel.as_str())
            .collect();
        let mut moved: HashMap<String, String> = HashMap::new();
        for (rel, c) in &changes {
            if c.status == FileStatus::Added
                && classify(rel) == Some(None)
                && let Some(id) = c.new_id.as_deref()
                && let Some(map) = parse_map(rel, &repo.blob(id)?)
                && let Some(cid) = map.get("id").and_then(|v| v.as_str())
                && let Some(old) = removed_ids.get(cid)
            {
                moved.insert(slug_of(rel).to_string(), old.clone());
            }
        }
        for (rel, change) in &changes {
            let Some(kind) = classify(rel) else { continue };
            let slug = slug_of(rel).to_string();
            let old_path = moved.get(&slug).map(|old| {
                format!(
                    "{}/{old}/{}",
                    layout::CUSTOMERS_DIR,
                    &rel[layout::customer_dir(&slug).len() + 1..]
                )
            });
            let was_moved = old_path.as_deref().is_some_and(|p| deleted.contains(p));
            let trigger = match (kind, change.status) {
                (Some(RecordKind::Interaction), FileStatus::Added) if !was_moved => {
                    Trigger::TouchpointLogged
                }
                (Some(RecordKind::Handoff), FileStatus::Added) if !was_moved => {
                    Trigger::HandoffCreated
                }
                (None, FileStatus::Added) if !was_moved => Trigger::CustomerAdded,
                (None, FileStatus::Added | FileStatus::Modified) => Trigger::CustomerChanged,
                _ => continue,
            };
            if !wanted.contains(&trigger) {
                continue;
            }
            let Some(blob) = change.new_id.as_deref() else {
                continue;
            };
            let data = repo.blob(blob)?;
            let path = Path::new(rel.as_str());
            let parsed = match trigger {
                Trigger::TouchpointLogged => {
                    yaml::parse_bytes::<Interaction>(path, &data).map(|t| {
                        let key = format!("touchpoint:{}", t.id);
                        (None, key, t.recorded_at, EventRecord::Touchpoint(t))
                    })
                }
                Trigger::HandoffCreated => yaml::parse_bytes::<Handoff>(path, &data).map(|h| {
                    (
                        None,
                        format!("handoff:{}", h.id),
                        h.at,
                        EventRecord::Handoff(h),
                    )
                }),
                Trigger::CustomerAdded => yaml::parse_bytes::<Customer>(path, &data).map(|c| {
                    let key = format!("customer:{}", c.id);
                    (Some(c.id), key, c.created, EventRecord::Customer)
                }),
                _ => yaml::parse_bytes::<Customer>(path, &data).map(|c| {
                    let key = format!("change:{}:{blob}", c.id);
                    (
                        Some(c.id),
                        key,
                        commit.time,
                        EventRecord::Changed(Vec::new()),
                    )
                }),
            };
            let (customer, key, at, mut record) = match parsed {
                Ok(parts) => parts,
                Err(e) => {
                    warnings.push(format!(
                        "{rel} in commit {}: {e}; its event is skipped",
                        commit.short_id()
                    ));
                    continue;
                }
            };
            if let EventRecord::Changed(names) = &mut record {
                let before_path = old_path.as_deref().filter(|_| was_moved).unwrap_or(rel);
                let before = match change.old_id.as_deref() {
                    Some(id) => Some(repo.blob(id)?),
                    None => changes
                        .iter()
                        .find(|(r, _)| r == before_path)
                        .and_then(|(_, c)| c.old_id.as_deref())
                        .map(|id| repo.blob(id))
                        .transpose()?,
                };
                let (Some(old), Some(new)) = (
                    before.as_deref().and_then(|b| parse_map(rel, b)),
                    parse_map(rel, &data),
                ) else {
                    continue;
                };
                *names = changed_fields(&old, &new);
                if names.is_empty() {
                    continue;
                }
            }
            let state = state_at(store, repo, head, &commit.id, &slug, &mut states, warnings)?;
            let Some(state) = state else { continue };
            let customer_id = match (&state, customer) {
                (_, Some(id)) => id,
                (Some(b), None) => b.customer.id,
                (None, None) => match customer_id_at(store, repo, head, &slug)? {
                    Some(id) => id,
                    None => continue,
                },
            };
            out.push(Event {
                trigger,
                customer: customer_id,
                key,
                at,
                state,
                record,
                ignore: ignore.clone(),
            });
        }
    }
    Ok(out)
}

/// The fields that differ, dotted (`fields.tier`), each with its top-level key (`fields`).
fn changed_fields(
    old: &serde_json::Map<String, serde_json::Value>,
    new: &serde_json::Map<String, serde_json::Value>,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for d in fields::diff(old, new) {
        let top = d.field.split('.').next().unwrap_or_default().to_string();
        for name in [d.field, top] {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

fn slug_of(rel: &str) -> &str {
    rel.split('/').nth(1).unwrap_or_default()
}

/// The customer `slug` as `commit` left it: `Some(None)` when its folder is the same at head,
/// `None` when it cannot be read (a warning says why).
fn state_at(
    store: &Store,
    repo: &Repo,
    head: &str,
    commit: &str,
    slug: &str,
    cache: &mut HashMap<(String, String), Option<Option<CustomerBundle>>>,
    warnings: &mut Vec<String>,
) -> Result<Option<Option<CustomerBundle>>> {
    let key = (commit.to_string(), slug.to_string());
    if let Some(found) = cache.get(&key) {
        return Ok(found.clone());
    }
    let folder = store.git_path(&layout::customer_dir(slug));
    let here = repo.entry_id(commit, &folder)?;
    let found = if here.is_some() && here == repo.entry_id(head, &folder)? {
        Some(None)
    } else {
        let snapshot = Snapshot::revision_folder(store, commit, &layout::customer_dir(slug))?;
        match load::bundles(snapshot) {
            Ok(mut bundles) if !bundles.is_empty() => Some(Some(bundles.remove(0))),
            Ok(_) => None,
            Err(e) => {
                warnings.push(format!(
                    "{slug} as of commit {}: {e}; its events are skipped",
                    &commit[..commit.len().min(8)]
                ));
                None
            }
        }
    };
    cache.insert(key, found.clone());
    Ok(found)
}

fn customer_id_at(store: &Store, repo: &Repo, head: &str, slug: &str) -> Result<Option<RecordId>> {
    let path = store.git_path(&layout::customer_file(slug));
    let Some(id) = repo.entry_id(head, &path)? else {
        return Ok(None);
    };
    Ok(parse_map(&path, &repo.blob(&id)?).and_then(|m| {
        m.get("id")
            .and_then(|v| v.as_str())
            .and_then(RecordId::parse)
    }))
}
