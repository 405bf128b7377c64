//! `git crm check`: validates a whole store and reports every problem, not the first.
//!
//! Checks run over a [`Snapshot`] (every file under `customers/`, each parsed once), so the same
//! code checks the work tree ([`check_store`], through the fast path and the parse cache) and any
//! committed revision ([`check_tree`], which `review` uses to tell the problems a branch
//! introduces from those it inherited). Semantic checks work on parsed records and read the text
//! of a file again only to point at the line of a problem they found.

mod config;
mod files;
mod pipeline;
pub use crate::store::locate;
mod records;
mod renames;
mod restricted;
mod rules;
mod store;
mod unmerged;

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::config::Config;
use crate::model::time::{self, Timestamp};
use crate::store::snapshot::Snapshot;
use crate::store::{Store, layout};

/// How bad a problem is: errors fail `check`, warnings only with `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The word printed before the check name.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, located as precisely as the check can.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub check: &'static str,
    pub severity: Severity,
    /// Store-relative path, `/`-separated.
    pub path: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// Identity ignoring positions, so two reports can be compared (a problem that moved lines
    /// is the same problem).
    pub fn key(&self) -> (String, String, String) {
        (
            self.check.to_string(),
            self.path.clone(),
            self.message.clone(),
        )
    }

    /// `path:line:col: error[check]: message` and, when there is one, `  = hint: ...` on the next
    /// line; data from the store is escaped.
    pub fn render(&self) -> String {
        let escape = crate::model::text::escape;
        let place = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", escape(&self.path)),
            (Some(l), None) => format!("{}:{l}", escape(&self.path)),
            _ => escape(&self.path).into_owned(),
        };
        let mut out = format!(
            "{place}: {}[{}]: {}\n",
            self.severity.word(),
            self.check,
            escape(&self.message)
        );
        if let Some(hint) = &self.hint {
            out.push_str(&format!("  = hint: {}\n", escape(hint)));
        }
        out
    }
}

/// What a run of checks found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// Whether the store passes: no errors, and no warnings either when `strict`.
    pub fn passes(&self, strict: bool) -> bool {
        self.errors() == 0 && (!strict || self.warnings() == 0)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The names of the checks, in the order they run.
pub const CHECKS: &[&str] = &[
    "schema",
    "ids",
    "slugs",
    "refs",
    "owner-vs-handoff",
    "dates",
    "duplicates",
    "conflict-markers",
    "unmerged",
    "renames",
    "stray-files",
    "merge-driver",
    "stale",
    "config",
    "restricted",
    "rules",
];

/// One line per check, for `git crm check --list`.
pub fn describe(check: &str) -> &'static str {
    match check {
        "schema" => "records parse and fit the schema: types, required fields, enum values",
        "ids" => "ids are UUID v7, unique across the store, and match their file names",
        "slugs" => "customer folders are valid slugs, unique, equal to the record's `slug`",
        "refs" => "people, teams, channels and threads that records name exist",
        "owner-vs-handoff" => "a customer's owner and team equal its latest handoff's `to`",
        "dates" => "times parse, are not in the future, and are logged after they happened",
        "duplicates" => "no two customers share a contact email or a normalised name",
        "conflict-markers" => "no unresolved git conflict markers are left in any file",
        "unmerged" => "git has no unmerged paths: every conflict of a merge is resolved",
        "renames" => "rename forwards lead to a customer; no records left in an old folder",
        "stray-files" => "no unknown files, links or leftover temporary files under customers/",
        "merge-driver" => "this clone routes records to the git-crm merge driver",
        "stale" => "active customers have a touchpoint within `check.stale_after` (30d)",
        "config" => ".gitcrm/config.yaml names teams, calendars and zones that exist",
        "restricted" => {
            "restricted content is sealed to exactly its team's current members (and author), in a shape that cannot leak"
        }
        "rules" => {
            ".gitcrm/rules.yaml reads, names fields, people and teams that exist, can fire, has no loops"
        }
        _ => "",
    }
}

/// Checks the work tree of the store; `only` names the checks to run (empty: all).
pub fn check_store(store: &Store, only: &[String]) -> Result<Report> {
    check_store_at(store, only, time::now())
}

/// [`check_store`] as of `now` (for the date checks), for reproducible runs.
///
/// The checks of one customer folder (records, files, owner and handoffs...) are cached under
/// the folder's content key and the config; the checks across folders (unique ids and slugs,
/// duplicate customers, threads, renames, unmerged paths, the config and clone) under the keys
/// of every folder and what else they read; what depends on `now` (records dated in the future,
/// stale customers) is decided afresh each run from the few facts it needs. An unchanged store
/// is checked without reading a record.
pub fn check_store_at(store: &Store, only: &[String], now: Timestamp) -> Result<Report> {
    let selection = select(only)?;
    let scan = crate::store::snapshot::Scan::work_tree(store, true)?;
    crate::store::snapshot::timing("check: scanned");
    let config_text = std::fs::read_to_string(store.path(layout::CONFIG_FILE)).ok();
    let attributes = std::fs::read_to_string(store.path(".gitattributes")).ok();
    let inputs = pipeline::Inputs {
        config: store.config().clone(),
        config_text,
        attributes: Some(attributes),
        config_error: std::sync::Mutex::new(None),
        clone_checked: true,
        origin: pipeline::Origin::WorkTree,
        rules_text: store.read_text(crate::rules::RULES_FILE).ok(),
    };
    let report = pipeline::run_scan(store, &scan, &inputs, now, &selection)?;
    crate::store::snapshot::timing("check: checked");
    scan.save();
    crate::store::snapshot::timing("check: cache saved");
    Ok(report)
}

/// Checks the store as committed in `rev`.
pub fn check_tree(store: &Store, rev: &str, only: &[String]) -> Result<Report> {
    check_tree_at(store, rev, only, time::now())
}

/// [`check_tree`] as of `now`.
pub fn check_tree_at(store: &Store, rev: &str, only: &[String], now: Timestamp) -> Result<Report> {
    let selection = select(only)?;
    let snapshot = Snapshot::revision(store, rev)?;
    let read = |rel: &str| -> Result<Option<String>> {
        Ok(
            crate::git::read_file(store.repo_root(), rev, &store.git_path(rel))?
                .map(|b| String::from_utf8_lossy(&b).into_owned()),
        )
    };
    let config_text = read(layout::CONFIG_FILE)?;
    let attributes = read(".gitattributes")?;
    let mut config_error = None;
    let config = match &config_text {
        Some(text) => {
            match crate::store::yaml::parse::<Config>(
                std::path::Path::new(layout::CONFIG_FILE),
                text,
            ) {
                Ok(config) => config,
                Err(e) => {
                    config_error = Some(e);
                    store.config().clone()
                }
            }
        }
        None => store.config().clone(),
    };
    let inputs = pipeline::Inputs {
        config,
        config_text,
        attributes: Some(attributes),
        config_error: std::sync::Mutex::new(config_error),
        clone_checked: false,
        origin: pipeline::Origin::Revision(rev.to_string()),
        rules_text: read(crate::rules::RULES_FILE)?,
    };
    pipeline::run_snapshot(store, snapshot, &inputs, now, &selection)
}

fn select(only: &[String]) -> Result<Vec<&'static str>> {
    if only.is_empty() {
        return Ok(CHECKS.to_vec());
    }
    only.iter()
        .map(|name| {
            CHECKS
                .iter()
                .find(|c| **c == name.as_str())
                .copied()
                .ok_or_else(|| {
                    let hint = crate::model::suggest::did_you_mean(name, CHECKS.iter().copied())
                        .unwrap_or_else(|| "`git crm check --list` shows the checks".into());
                    Error::usage(
                        format!(
                            "unknown check `{}`; checks are: {}",
                            crate::model::text::escape(name),
                            CHECKS.join(", ")
                        ),
                        Some(hint),
                    )
                })
        })
        .collect()
}

/// What the checks share: the snapshot (of one folder, or empty for the checks across folders),
/// the config, the clock, and the texts read so far.
pub(crate) struct Ctx<'a> {
    store: &'a Store,
    snapshot: &'a Snapshot,
    config: Config,
    config_text: Option<String>,
    /// `.gitattributes` of the store (`Some(None)`: known to be missing).
    attributes: Option<Option<String>>,
    config_error: Option<Error>,
    /// Whether the clone's own git config applies (work tree, not a revision).
    clone_checked: bool,
    /// Where texts not in the snapshot are read from (the checks across folders).
    origin: &'a pipeline::Origin,
    /// `.gitcrm/rules.yaml`, when the store has one.
    rules_text: Option<&'a str>,
    texts: RefCell<HashMap<String, Option<String>>>,
    out: Vec<Diagnostic>,
    /// Checks whose outcome depends on the clock, decided when the report is put together.
    deferred: Vec<pipeline::Deferred>,
    /// What the checks across folders need to know of this folder.
    summary: pipeline::Summary,
}

impl<'a> Ctx<'a> {
    fn new(
        store: &'a Store,
        snapshot: &'a Snapshot,
        inputs: &'a pipeline::Inputs,
        config_error: Option<Error>,
    ) -> Self {
        Ctx {
            store,
            snapshot,
            config: inputs.config.clone(),
            config_text: inputs.config_text.clone(),
            attributes: inputs.attributes.clone(),
            config_error,
            clone_checked: inputs.clone_checked,
            origin: &inputs.origin,
            rules_text: inputs.rules_text.as_deref(),
            texts: RefCell::new(HashMap::new()),
            out: Vec::new(),
            deferred: Vec::new(),
            summary: pipeline::Summary::default(),
        }
    }

    /// The text of a store file (from the snapshot's origin), read once.
    fn text(&self, path: &str) -> Option<String> {
        if path == layout::CONFIG_FILE {
            return self.config_text.clone();
        }
        if let Some(text) = self.texts.borrow().get(path) {
            return text.clone();
        }
        let text = match self
            .snapshot
            .entries
            .binary_search_by(|e| e.path.as_str().cmp(path))
        {
            Ok(i) => self
                .snapshot
                .bytes(self.store, &self.snapshot.entries[i])
                .map(|b| String::from_utf8_lossy(&b).into_owned()),
            Err(_) => self.origin.text(self.store, path),
        };
        self.texts
            .borrow_mut()
            .insert(path.to_string(), text.clone());
        text
    }

    /// Reports a problem at the key `key` (a path of keys) of `path`, or at the file when the key
    /// cannot be found.
    fn report(&mut self, problem: Problem, path: &str, key: &[&str]) {
        let (line, column) = if key.is_empty() {
            (None, None)
        } else {
            self.text(path)
                .and_then(|t| locate::key_or_parent(&t, key))
                .map_or((None, None), |(l, c)| (Some(l), Some(c)))
        };
        self.push(problem, path, line, column);
    }

    fn push(&mut self, problem: Problem, path: &str, line: Option<u64>, column: Option<u64>) {
        self.out.push(Diagnostic {
            check: problem.check,
            severity: problem.severity,
            path: path.to_string(),
            line,
            column,
            message: problem.message,
            hint: problem.hint,
        });
    }
}

/// A problem before it is located.
pub(crate) struct Problem {
    check: &'static str,
    severity: Severity,
    message: String,
    hint: Option<String>,
}

impl Problem {
    fn error(check: &'static str, message: impl Into<String>) -> Self {
        Problem {
            check,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
        }
    }

    fn warning(check: &'static str, message: impl Into<String>) -> Self {
        Problem {
            check,
            severity: Severity::Warning,
            message: message.into(),
            hint: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_checks_like_its_checkout() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("store");
        let options = crate::demo::DemoOptions {
            customers: Some(5),
            interactions: Some(150),
            seed: 11,
        };
        crate::demo::build(&dir, &options, &|_, _, _| {}).unwrap();
        let store = Store::open(&dir).unwrap();
        let now = time::now();
        let work = check_store_at(&store, &[], now).unwrap();
        let committed = check_tree_at(&store, "HEAD", &[], now).unwrap();
        assert_eq!(work.diagnostics, committed.diagnostics);
        assert_eq!(work.files, committed.files);
        assert_eq!(work.errors(), 0, "{:?}", work.diagnostics);
        // A problem committed on top is in the new revision only.
        let file = store
            .path("customers")
            .join(&store.customer_slugs().unwrap()[0]);
        let text = std::fs::read_to_string(file.join("customer.yaml")).unwrap();
        std::fs::write(
            file.join("customer.yaml"),
            text.replace("status:", "status: bogus\nx:"),
        )
        .unwrap();
        let broken = check_store_at(&store, &["schema".into()], now).unwrap();
        assert_eq!(broken.errors(), 1);
        assert_eq!(
            check_tree_at(&store, "HEAD", &["schema".into()], now)
                .unwrap()
                .errors(),
            0
        );
    }

    #[test]
    fn conflict_blocks() {
        let text = "a: 1\n<<<<<<< ours\nb: 2\n=======\nb: 3\n>>>>>>> theirs\n>>>>>>> stray\n";
        assert_eq!(
            files::marker_blocks(text),
            [
                (2, "unresolved merge conflict (lines 2-6)".to_string()),
                (7, "stray conflict marker `>>>>>>>`".to_string())
            ]
        );
    }

    #[test]
    fn names_are_normalised() {
        assert_eq!(store::normalise_name("ACME Corp."), "acme");
        assert_eq!(
            store::normalise_name("Café Noir & Fils SARL"),
            "cafe noir and fils"
        );
        assert_eq!(store::normalise_name("Acme Analytics"), "acme analytics");
    }
}
