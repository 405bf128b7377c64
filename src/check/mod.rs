//! `git crm check`: validates a whole store and reports every problem, not the first.
//!
//! Checks run over a [`SourceFile`] set, so the same code checks the work tree
//! ([`check_store`]) and any committed revision ([`check_tree`], which `review` uses to tell
//! the problems a branch introduces from those it inherited).

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::records::{Customer, Handoff, Interaction, Note, RecordKind, Task};
use crate::store::{Store, layout, yaml};

/// How bad a problem is: errors fail `check`, warnings only with `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
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

/// A file of the store to check, from the work tree or from a commit.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Store-relative path, `/`-separated.
    pub path: String,
    pub data: Vec<u8>,
}

/// The names of the checks, in the order they run.
pub const CHECKS: &[&str] = &["schema", "conflict-markers"];

/// Checks the work tree of the store; `only` names the checks to run (empty: all).
pub fn check_store(store: &Store, only: &[String]) -> Result<Report> {
    let selection = select(only)?;
    let files = work_tree_files(store)?;
    Ok(run(&files, &selection))
}

/// Checks the store as committed in `rev`.
pub fn check_tree(store: &Store, rev: &str, only: &[String]) -> Result<Report> {
    let selection = select(only)?;
    let prefix = store.git_path("");
    let prefix = prefix.trim_end_matches('/');
    let files = crate::git::read_files(store.repo_root(), rev, prefix)?
        .into_iter()
        .map(|f| SourceFile {
            path: f
                .path
                .strip_prefix(prefix)
                .unwrap_or(&f.path)
                .trim_start_matches('/')
                .to_string(),
            data: f.data,
        })
        .filter(|f| f.path.starts_with(layout::CUSTOMERS_DIR))
        .collect::<Vec<_>>();
    Ok(run(&files, &selection))
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
                    Error::usage(
                        format!(
                            "unknown check `{}`; checks are: {}",
                            crate::model::text::escape(name),
                            CHECKS.join(", ")
                        ),
                        None,
                    )
                })
        })
        .collect()
}

fn run(files: &[SourceFile], selection: &[&'static str]) -> Report {
    let mut diagnostics = Vec::new();
    for file in files {
        let text = String::from_utf8_lossy(&file.data);
        let has_markers = yaml::conflict_marker_line(&text).is_some();
        if selection.contains(&"conflict-markers") {
            diagnostics.extend(conflict_markers(file, &text));
        }
        if selection.contains(&"schema") && !has_markers {
            diagnostics.extend(schema(file));
        }
    }
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.check).cmp(&(&b.path, b.line, b.check)));
    Report {
        diagnostics,
        files: files.len(),
    }
}

fn conflict_markers(file: &SourceFile, text: &str) -> Vec<Diagnostic> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("<<<<<<< "))
        .map(|(i, _)| Diagnostic {
            check: "conflict-markers",
            severity: Severity::Error,
            path: file.path.clone(),
            line: Some(i as u64 + 1),
            column: Some(1),
            message: "unresolved merge conflict".into(),
            hint: Some(
                "keep the value you want between the markers, delete the marker lines, then commit"
                    .into(),
            ),
        })
        .collect()
}

fn schema(file: &SourceFile) -> Option<Diagnostic> {
    let path = Path::new(&file.path);
    let result = match record_kind_of(&file.path)? {
        None => yaml::parse_bytes::<Customer>(path, &file.data).map(drop),
        Some(RecordKind::Interaction) => {
            yaml::parse_bytes::<Interaction>(path, &file.data).map(drop)
        }
        Some(RecordKind::Note) => yaml::parse_bytes::<Note>(path, &file.data).map(drop),
        Some(RecordKind::Handoff) => yaml::parse_bytes::<Handoff>(path, &file.data).map(drop),
        Some(RecordKind::Task) => yaml::parse_bytes::<Task>(path, &file.data).map(drop),
    };
    match result {
        Err(Error::Parse {
            line,
            column,
            message,
            ..
        }) => Some(Diagnostic {
            check: "schema",
            severity: Severity::Error,
            path: file.path.clone(),
            line: Some(line),
            column: Some(column),
            message,
            hint: None,
        }),
        Err(other) => Some(Diagnostic {
            check: "schema",
            severity: Severity::Error,
            path: file.path.clone(),
            line: None,
            column: None,
            message: other.to_string(),
            hint: None,
        }),
        Ok(()) => None,
    }
}

/// `Some(None)` for a customer record, `Some(Some(kind))` for a record file, `None` otherwise.
fn record_kind_of(path: &str) -> Option<Option<RecordKind>> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [layout::CUSTOMERS_DIR, _, layout::CUSTOMER_FILE] => Some(None),
        [layout::CUSTOMERS_DIR, _, dir, name] if layout::is_record_file_name(name) => {
            RecordKind::from_dir_name(dir).map(Some)
        }
        _ => None,
    }
}

/// Every regular file under `customers/` in the work tree; links are never followed.
fn work_tree_files(store: &Store) -> Result<Vec<SourceFile>> {
    let base = store.path(layout::CUSTOMERS_DIR);
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&base)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry =
            entry.map_err(|e| Error::invalid(format!("cannot walk {}: {e}", base.display())))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(store.root())
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let data = std::fs::read(entry.path()).map_err(|e| Error::Io {
            path: entry.path().to_path_buf(),
            error: e,
        })?;
        files.push(SourceFile { path: rel, data });
    }
    Ok(files)
}
