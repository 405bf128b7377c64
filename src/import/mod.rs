//! Importing customers or touchpoints from spreadsheets, safely re-runnable.
//!
//! An import is planned completely before anything is written, by one driver ([`plan`]): the
//! file is read ([`read`]), every row is mapped by the rules ([`rules`]) and validated, then
//! matched against the store by its source key (customers: `external_ids.<source>`;
//! touchpoints: `source`, and an id derived from the key) to decide whether it creates,
//! updates or leaves a record unchanged. What differs between record kinds is a planner
//! ([`customers`], [`touchpoints`]); reading, mapping, problems, progress, the all-or-nothing
//! policy ([`InvalidRows`]) and the commit are the driver's. Only a plan without problems
//! (or one whose invalid rows are skipped) is written, by [`apply`], through the store's
//! transaction.

pub mod apply;
pub mod customers;
mod driver;
pub mod read;
pub mod rules;
pub mod touchpoints;
pub mod values;

use std::fmt;

use serde::Serialize;

use crate::error::Result;
use crate::model::{RecordId, text};
use crate::progress::Progress;
use crate::store::{FileOp, Store};

pub use apply::{ApplyOptions, apply};
pub use driver::{InvalidRows, plan};
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
