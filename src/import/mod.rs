//! Importing customers or touchpoints from spreadsheets, safely re-runnable.
//!
//! An import is planned completely before anything is written: the file is read
//! ([`read`]), every row is mapped by the rules ([`rules`]) and validated, then matched against
//! the store by its source key (customers: `external_ids.<source>`; touchpoints: `source`, and
//! an id derived from the key) to decide whether it creates, updates or leaves a record
//! unchanged ([`customers`], [`touchpoints`]). Only a plan without problems (or with
//! `--skip-invalid`) is written, by [`apply`], through the store's transaction.

pub mod apply;
pub mod customers;
pub mod read;
pub mod rules;
pub mod touchpoints;
pub mod values;

use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::model::{RecordId, text};
use crate::progress::Progress;
use crate::store::{FileOp, Store};

pub use apply::{ApplyOptions, apply};
pub use rules::{RecordType, Rules, RulesFile};

/// A row that cannot be imported, located the way a person finds it in their spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    pub row: usize,
    /// 1-based column number.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            text::escape(&self.file),
            self.row,
            self.column,
            text::escape(&self.message)
        )
    }
}

/// What happened (or would happen) to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Created,
    Updated,
    Unchanged,
    Skipped,
}

/// The outcome of one row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub row: usize,
    pub action: Action,
    /// Store-relative path of the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The fields an update changes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
    /// Why a row was skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The counts people and scripts read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: usize,
}

/// A planned import: what each row does, the problems found, and the files to write.
#[derive(Debug, Clone)]
pub struct Plan {
    pub records: RecordType,
    /// The data file as the user named it.
    pub file: String,
    pub outcomes: Vec<Outcome>,
    pub problems: Vec<Problem>,
    pub files: Vec<FileOp>,
    /// Ids of created and updated records.
    pub ids: Vec<RecordId>,
    /// Of the valid touchpoint rows, how many metrics will not count (their `actor` is not
    /// `human`: `import` by default), so the summary can say when none of them counts.
    pub outside_metrics: usize,
    /// Valid touchpoint rows (0 for a customers import).
    pub touchpoint_rows: usize,
}

impl Plan {
    /// Whether every valid touchpoint row is one metrics ignore (no `actor: human`).
    pub fn all_outside_metrics(&self) -> bool {
        self.touchpoint_rows > 0 && self.outside_metrics == self.touchpoint_rows
    }

    /// Adds one planned row: its outcome, the files it writes, and its id when it creates or
    /// updates a record. A file that the store's write gate would refuse (a multi-line name,
    /// an oversized summary) makes the row a problem instead, located at the row.
    fn push_planned(&mut self, ctx: &Context, outcome: Outcome, files: Vec<FileOp>) {
        for file in &files {
            if let Err(e) = crate::store::check_file(file) {
                let message = e.to_string();
                let message = message
                    .strip_prefix("refusing to write ")
                    .unwrap_or(&message)
                    .to_string();
                self.problems.push(ctx.problem(outcome.row, None, message));
                return;
            }
        }
        if let Some(id) = outcome.id
            && matches!(outcome.action, Action::Created | Action::Updated)
        {
            self.ids.push(id);
        }
        self.outcomes.push(outcome);
        self.files.extend(files);
    }

    /// How many inbound touchpoints the plan creates, by customer slug (for the warning about
    /// customers nobody answers).
    pub fn inbound_created(&self) -> std::collections::BTreeMap<String, usize> {
        let mut out = std::collections::BTreeMap::new();
        for file in &self.files {
            let FileOp::Create { path, contents } = file else {
                continue;
            };
            if crate::store::snapshot::classify(path)
                != Some(Some(crate::model::RecordKind::Interaction))
            {
                continue;
            }
            let parsed = crate::store::yaml::parse::<crate::model::Interaction>(
                std::path::Path::new(path),
                contents,
            );
            if parsed.is_ok_and(|i| i.direction == crate::model::Direction::Inbound)
                && let Some(slug) = path.split('/').nth(1)
            {
                *out.entry(slug.to_string()).or_insert(0) += 1;
            }
        }
        out
    }

    /// Counts by action.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for outcome in &self.outcomes {
            match outcome.action {
                Action::Created => counts.created += 1,
                Action::Updated => counts.updated += 1,
                Action::Unchanged => counts.unchanged += 1,
                Action::Skipped => counts.skipped += 1,
            }
        }
        counts
    }
}

/// What a record planner needs besides the rows.
pub struct Context<'a> {
    pub store: &'a Store,
    pub rules: &'a Rules,
    pub actor: &'a str,
    pub file: String,
    pub times: values::TimeReader,
    pub now: crate::model::Timestamp,
    pub progress: &'a dyn Progress,
}

impl Context<'_> {
    /// A problem at `row`, in the 0-based `column` (the first column when unknown).
    pub fn problem(&self, row: usize, column: Option<usize>, message: String) -> Problem {
        Problem {
            file: self.file.clone(),
            row,
            column: column.map(|c| c + 1).unwrap_or(1),
            message,
        }
    }

    /// A problem about the value of `field` in a mapped row, placed at the cell it came from.
    pub fn field_problem(
        &self,
        row: usize,
        value: &rules::Value,
        field: &str,
        why: String,
    ) -> Problem {
        let origin = match value.column {
            Some(c) => format!("{field} (column `{}`)", self.rules.column_name(c)),
            None => format!("{field} (set by the rules)"),
        };
        self.problem(row, value.column, format!("{origin}: {why}"))
    }
}

/// Every customer of the store.
pub fn load_customers(store: &Store) -> Result<Vec<crate::model::Customer>> {
    Ok(store
        .load_customers()?
        .into_iter()
        .map(|l| l.record)
        .collect())
}

/// The rows of the data, after the skipped lines, and the column names.
fn split_header(rules: &RulesFile, sheet: read::Sheet) -> (Vec<String>, Vec<read::Row>, usize) {
    let mut rows = sheet.rows.into_iter().skip(rules.skip);
    let (columns, header_row) = if rules.header {
        match rows.next() {
            Some(header) => (
                header.cells.iter().map(|c| c.trim().to_string()).collect(),
                header.number,
            ),
            None => (Vec::new(), 0),
        }
    } else {
        (Vec::new(), 0)
    };
    let rows: Vec<read::Row> = rows
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let columns = if rules.header {
        columns
    } else {
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        (1..=width).map(|n| n.to_string()).collect()
    };
    (columns, rows, header_row)
}

/// Reads `data` with the rules file `rules_path` and plans the import, writing nothing. Rows
/// with problems are listed in [`Plan::problems`] and marked skipped.
pub fn plan(
    store: &Store,
    data: &Path,
    rules_path: &Path,
    actor: &str,
    progress: &dyn Progress,
) -> Result<Plan> {
    let rules_file = RulesFile::read(rules_path)?;
    let sheet = read::read(
        data,
        &read::ReadOptions {
            delimiter: rules_file.delimiter.clone(),
            sheet: rules_file.sheet.clone(),
        },
    )?;
    let (columns, rows, _) = split_header(&rules_file, sheet);
    let rules = Rules::compile(rules_file, &rules_path.display().to_string(), columns)?;
    let zone = match &rules.file.timezone {
        Some(z) => crate::model::time::parse_zone(z).map_err(crate::Error::invalid)?,
        None => store.zone(),
    };
    progress.phase("reading", "rows", Some(rows.len() as u64));
    let ctx = Context {
        store,
        rules: &rules,
        actor,
        file: data.display().to_string(),
        times: values::TimeReader {
            zone,
            formats: rules.file.date_formats.clone(),
        },
        now: crate::model::time::now(),
        progress,
    };
    match rules.file.records {
        RecordType::Customers => customers::plan(&ctx, &rows),
        RecordType::Touchpoints => touchpoints::plan(&ctx, &rows),
    }
}
