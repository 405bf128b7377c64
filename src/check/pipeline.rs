//! How a `check` report is put together, in three parts that together give exactly what
//! checking the whole store at once gives:
//!
//! 1. **Each folder on its own** (records, files, owner and handoffs, restricted values): a
//!    [`FolderCheck`] of located diagnostics, and a [`Summary`] of what the checks across
//!    folders need (ids, the customer's slug, name and emails, threads not found in the folder,
//!    teams holding restricted values). Both depend only on the folder's files and the config,
//!    so the cache keeps them under the folder's content key.
//! 2. **Across folders**, from the summaries: unique ids and slugs, duplicate customers,
//!    threads of another customer, renames, unmerged paths, the config, the clone's setup.
//! 3. **What depends on the clock** ([`Deferred`]: records dated in the future, stale
//!    customers) is decided last, for this run's `now`, from the few facts kept for it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{CHECKS, Ctx, Diagnostic, Report, Severity};
use crate::error::{Error, Result};
use crate::model::RecordId;
use crate::model::config::Config;
use crate::model::time::Timestamp;
use crate::store::snapshot::{Derived, Key, KeyHasher, Scan, Snapshot, Ts};
use crate::store::{Store, layout};

/// Bumped when what the checks find (or how it is kept) changes.
const FORMAT: &str = "check 4";

/// Where texts are read from: the work tree or a revision.
pub(crate) enum Origin {
    WorkTree,
    Revision(String),
}

impl Origin {
    /// The text of a store file, read from this origin.
    pub(super) fn text(&self, store: &Store, path: &str) -> Option<String> {
        let bytes = match self {
            Origin::WorkTree => store.read_bytes(path).ok(),
            Origin::Revision(rev) => {
                crate::git::read_file(store.repo_root(), rev, &store.git_path(path))
                    .ok()
                    .flatten()
            }
        }?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// What a run of checks reads besides the customer folders.
pub(crate) struct Inputs {
    pub config: Config,
    pub config_text: Option<String>,
    pub attributes: Option<Option<String>>,
    /// The config of a revision that does not parse (reported by `config`).
    pub config_error: Mutex<Option<Error>>,
    pub clone_checked: bool,
    pub origin: Origin,
    /// `.gitcrm/rules.yaml`, when the store has one.
    pub rules_text: Option<String>,
}

/// A check whose outcome depends on the clock.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) enum Deferred {
    /// The time at `key` of `path` must not be in the future.
    Future { path: String, key: String, at: Ts },
    /// An active customer must have had a touchpoint lately: its creation and every human
    /// customer-facing touchpoint's time, sorted.
    Stale {
        path: String,
        slug: String,
        created: Ts,
        touches: Vec<Ts>,
    },
}

/// A diagnostic as the cache keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    check: String,
    error: bool,
    path: String,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
    hint: Option<String>,
}

impl Stored {
    fn of(d: Diagnostic) -> Stored {
        Stored {
            check: d.check.to_string(),
            error: d.severity == Severity::Error,
            path: d.path,
            line: d.line,
            column: d.column,
            message: d.message,
            hint: d.hint,
        }
    }

    fn diagnostic(self) -> Option<Diagnostic> {
        Some(Diagnostic {
            check: CHECKS.iter().find(|c| **c == self.check)?,
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            path: self.path,
            line: self.line,
            column: self.column,
            message: self.message,
            hint: self.hint,
        })
    }
}

/// The checks of one folder.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct FolderCheck {
    diagnostics: Vec<Stored>,
    /// The clock-dependent checks that can still fail at or after `horizon`: dates in the
    /// future at `horizon`, and of each customer's touchpoints the latest one up to `horizon`
    /// and the later ones (a date that is past stays past while the clock goes forward).
    deferred: Vec<Deferred>,
    /// The `now` these were kept for; for an earlier `now` (a clock set back) the folder is
    /// checked again.
    horizon: Ts,
}

impl Derived for FolderCheck {
    const KIND: u8 = 10;
}

/// The customer of a folder, as the checks across folders see it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct CustomerSummary {
    pub path: String,
    pub slug: String,
    pub name: String,
    pub archived: bool,
    /// The contacts' emails, in order.
    pub emails: Vec<String>,
}

/// What the checks across folders need to know of one folder.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Summary {
    pub folder: String,
    /// Files in the folder.
    pub files: usize,
    /// Every record's id with its path, in path order.
    pub ids: Vec<(RecordId, String)>,
    /// The customer, when `customer.yaml` parses.
    pub customer: Option<CustomerSummary>,
    /// A `customer.yaml` is there (parsing or not).
    pub has_customer_file: bool,
    /// A rename forward is there.
    pub has_forward: bool,
    /// Files at record paths (parsing or not).
    pub records: usize,
    /// Touchpoints whose thread is not a touchpoint of the folder: path, thread, resolves.
    pub foreign_threads: Vec<(String, RecordId, bool)>,
    /// Corrections whose target is not a touchpoint or note of the folder: path, target.
    pub foreign_corrections: Vec<(String, RecordId)>,
    /// The names of the customer's custom fields (what `check rules` compares rules with).
    pub fields: Vec<String>,
    /// Teams holding restricted values, with how many.
    pub restricted_teams: BTreeMap<String, usize>,
}

impl Derived for Summary {
    const KIND: u8 = 11;
}

/// The checks across folders.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct GlobalCheck {
    diagnostics: Vec<Stored>,
    files: usize,
}

impl Derived for GlobalCheck {
    const KIND: u8 = 12;
}

/// The `unmerged` check, kept apart from the other checks across folders: it reads git's
/// index, which git rewrites for reasons of its own (`git status` refreshing stat data, a
/// `git checkout -- <file>`), and that should not cost the others a run.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct UnmergedCheck {
    diagnostics: Vec<Stored>,
}

impl Derived for UnmergedCheck {
    const KIND: u8 = 13;
}

/// Checks one folder.
fn folder(
    store: &Store,
    snapshot: &Snapshot,
    inputs: &Inputs,
    now: Timestamp,
) -> (FolderCheck, Summary) {
    let mut ctx = Ctx::new(store, snapshot, inputs, None);
    ctx.summary = summarise(snapshot);
    super::records::run(&mut ctx);
    super::store::run_folder(&mut ctx);
    super::files::run_folder(&mut ctx);
    super::restricted::run_folder(&mut ctx);
    // Collected into fresh vectors: an in-place `collect` would keep the capacity of every
    // date the folder deferred (hundreds per customer), for each of thousands of folders.
    let mut deferred: Vec<Deferred> = Vec::new();
    deferred.extend(ctx.deferred.into_iter().filter_map(|d| still_open(d, now)));
    deferred.shrink_to_fit();
    let mut diagnostics: Vec<Stored> = ctx.out.into_iter().map(Stored::of).collect();
    diagnostics.shrink_to_fit();
    let check = FolderCheck {
        diagnostics,
        deferred,
        horizon: Ts(now),
    };
    (check, ctx.summary)
}

/// What the entries of a folder say about it, before any check.
fn summarise(snapshot: &Snapshot) -> Summary {
    use crate::store::snapshot::{Content, classify};
    let mut summary = Summary {
        files: snapshot.entries.len(),
        ..Summary::default()
    };
    for entry in &snapshot.entries {
        let parts: Vec<&str> = entry.path.split('/').collect();
        if summary.folder.is_empty() && parts.len() > 2 {
            summary.folder = parts[1].to_string();
        }
        match parts.as_slice() {
            [layout::CUSTOMERS_DIR, _, layout::CUSTOMER_FILE]
                if !matches!(entry.content, Content::Other) =>
            {
                summary.has_customer_file = true;
            }
            [layout::CUSTOMERS_DIR, _, layout::RENAMED_FILE] => summary.has_forward = true,
            [layout::CUSTOMERS_DIR, _, ..] if matches!(classify(&entry.path), Some(Some(_))) => {
                summary.records += 1;
            }
            _ => {}
        }
    }
    summary
}

/// The checks across folders, from the folders' summaries.
fn global(store: &Store, summaries: &[Summary], inputs: &Inputs) -> GlobalCheck {
    let empty = Snapshot::of_entries(Vec::new());
    let config_error = inputs
        .config_error
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    let mut ctx = Ctx::new(store, &empty, inputs, config_error);
    super::store::run_global(&mut ctx, summaries);
    super::files::run_global(&mut ctx);
    super::renames::run(&mut ctx, summaries);
    super::config::run(&mut ctx);
    super::restricted::run_global(&mut ctx, summaries);
    super::rules::run(&mut ctx, summaries);
    GlobalCheck {
        diagnostics: ctx.out.into_iter().map(Stored::of).collect(),
        files: summaries.iter().map(|s| s.files).sum(),
    }
}

/// The `unmerged` check (see [`UnmergedCheck`]), from the unmerged paths a scan already read
/// (`known`) or from git's index.
fn unmerged(
    store: &Store,
    inputs: &Inputs,
    known: Option<&[crate::git::Unmerged]>,
) -> UnmergedCheck {
    let empty = Snapshot::of_entries(Vec::new());
    let mut ctx = Ctx::new(store, &empty, inputs, None);
    super::unmerged::run(&mut ctx, known);
    UnmergedCheck {
        diagnostics: ctx.out.into_iter().map(Stored::of).collect(),
    }
}

/// Puts the report together: the stored diagnostics, the clock-dependent checks decided for
/// `now`, the selection applied, sorted and without repeats.
fn finish(
    store: &Store,
    inputs: &Inputs,
    folders: Vec<FolderCheck>,
    global: GlobalCheck,
    now: Timestamp,
    selection: &[&'static str],
) -> Report {
    let empty = Snapshot::of_entries(Vec::new());
    let mut ctx = Ctx::new(store, &empty, inputs, None);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for f in folders {
        diagnostics.extend(f.diagnostics.into_iter().filter_map(Stored::diagnostic));
        for d in &f.deferred {
            decide(&mut ctx, d, now);
        }
    }
    diagnostics.extend(
        global
            .diagnostics
            .into_iter()
            .filter_map(Stored::diagnostic),
    );
    diagnostics.extend(ctx.out);
    diagnostics.retain(|d| selection.contains(&d.check));
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.check, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.check, &b.message))
    });
    diagnostics.dedup();
    Report {
        diagnostics,
        files: global.files,
    }
}

/// What of a clock-dependent check can still fail at `now` or later: `None` for a date that
/// is not in the future at `now`; of a customer's touchpoints, the latest up to `now` and the
/// later ones.
fn still_open(deferred: Deferred, now: Timestamp) -> Option<Deferred> {
    match deferred {
        Deferred::Future { ref key, at, .. } => {
            super::records::future_problem(key, &at.0, now).map(|_| deferred)
        }
        Deferred::Stale {
            path,
            slug,
            created,
            touches,
        } => {
            let past = touches.iter().filter(|t| t.0 <= now).count();
            let keep = past.saturating_sub(1);
            Some(Deferred::Stale {
                path,
                slug,
                created,
                touches: touches[keep..].to_vec(),
            })
        }
    }
}

/// Decides a clock-dependent check for `now`.
fn decide(ctx: &mut Ctx, deferred: &Deferred, now: Timestamp) {
    match deferred {
        Deferred::Future { path, key, at } => {
            if let Some(problem) = super::records::future_problem(key, &at.0, now) {
                ctx.report(problem, path, &[key]);
            }
        }
        Deferred::Stale {
            path,
            slug,
            created,
            touches,
        } => {
            let last = touches.iter().rev().find(|t| t.0 <= now).map(|t| t.0);
            if let Some(problem) = super::store::stale_problem(ctx, slug, created.0, last, now) {
                ctx.report(problem, path, &["status"]);
            }
        }
    }
}

fn config_key(inputs: &Inputs) -> Vec<u8> {
    serde_json::to_vec(&inputs.config).unwrap_or_default()
}

fn folder_params(inputs: &Inputs) -> Key {
    let mut h = KeyHasher::new(FORMAT);
    h.part(b"folder").part(&config_key(inputs));
    h.finish()
}

/// Checks the folders of a scan of the work tree, through the cache.
pub(crate) fn run_scan(
    store: &Store,
    scan: &Scan,
    inputs: &Inputs,
    now: Timestamp,
    selection: &[&'static str],
) -> Result<Report> {
    let params = folder_params(inputs);
    let n = scan.folders().len();
    let computed: Mutex<HashMap<usize, Summary>> = Mutex::new(HashMap::new());
    let compute = |i: usize| -> Result<(FolderCheck, Summary)> {
        let snapshot = Snapshot::of_entries(scan.entries(i)?);
        let (check, summary) = folder(store, &snapshot, inputs, now);
        scan.remember(i, &params, &summary);
        Ok((check, summary))
    };
    let checks = (0..n)
        .into_par_iter()
        .map(|i| {
            let check = scan.derived::<FolderCheck>(&[i], &params, || {
                let (check, summary) = compute(i)?;
                computed
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(i, summary);
                Ok(check)
            })?;
            if check.horizon.0 <= now {
                Ok(check)
            } else {
                compute(i).map(|(check, _)| check)
            }
        })
        .collect::<Result<Vec<_>>>()?;
    let mut global_params = KeyHasher::new(FORMAT);
    global_params
        .part(b"global")
        .part(&config_key(inputs))
        .part(inputs.config_text.as_deref().unwrap_or("\0").as_bytes())
        .part(inputs.rules_text.as_deref().unwrap_or("\0").as_bytes())
        .part(
            inputs
                .attributes
                .as_ref()
                .map(|a| a.as_deref().unwrap_or("\0"))
                .unwrap_or("\0\0")
                .as_bytes(),
        )
        .part(&[
            u8::from(inputs.clone_checked),
            u8::from(store.merge_driver_registered()),
        ]);
    let global_params = global_params.finish();
    // Unmerged paths are read from git's index: its stat data stands for its content.
    let index_digest = crate::git::index_file_digest(store.repo_root());
    let mut unmerged_params = KeyHasher::new(FORMAT);
    unmerged_params
        .part(b"unmerged")
        .part(&[u8::from(inputs.clone_checked)])
        .part(store.git_path("").as_bytes())
        .part(&index_digest.to_le_bytes());
    let unmerged = scan.derived_apart::<UnmergedCheck>(&unmerged_params.finish(), || {
        // A cold scan read the index already: decoding it again would hold a second copy
        // of every entry (40 MB at 250,000 files) on top of everything the checks hold.
        Ok(unmerged(store, inputs, scan.unmerged_read(index_digest)))
    })?;
    let mut global_check = scan.derived_global::<GlobalCheck>(&global_params, || {
        // Each summary computed above is moved, not copied: they are the largest part of
        // what a cold run holds.
        let mut computed = computed.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut slots: Vec<Option<Summary>> = (0..n).map(|i| computed.remove(&i)).collect();
        drop(computed);
        let summaries = slots
            .par_iter_mut()
            .enumerate()
            .map(|(i, slot)| match slot.take() {
                Some(s) => Ok(s),
                None => match scan.cached::<Summary>(&[i], &params) {
                    Some(s) => Ok(s),
                    None => compute(i).map(|(_, s)| s),
                },
            })
            .collect::<Result<Vec<_>>>()?;
        drop(slots);
        Ok(global(store, &summaries, inputs))
    })?;
    global_check.diagnostics.extend(unmerged.diagnostics);
    Ok(finish(store, inputs, checks, global_check, now, selection))
}

/// Checks a snapshot (a revision) folder by folder, without a cache.
pub(crate) fn run_snapshot(
    store: &Store,
    snapshot: Snapshot,
    inputs: &Inputs,
    now: Timestamp,
    selection: &[&'static str],
) -> Result<Report> {
    let parts: Vec<(FolderCheck, Summary)> = snapshot
        .split_by_folder()
        .par_iter()
        .map(|s| folder(store, s, inputs, now))
        .collect();
    let (checks, summaries): (Vec<_>, Vec<_>) = parts.into_iter().unzip();
    let mut global_check = global(store, &summaries, inputs);
    global_check
        .diagnostics
        .extend(unmerged(store, inputs, None).diagnostics);
    Ok(finish(store, inputs, checks, global_check, now, selection))
}
