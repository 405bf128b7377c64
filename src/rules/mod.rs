//! Workflow rules that run in git: `.gitcrm/rules.yaml` says what should happen when a
//! touchpoint is logged, a customer is added or changed, a handoff is created, a task is
//! overdue, or on a schedule (route billing questions to finance, escalate a thread that waited
//! too long, a weekly follow-up, round-robin for new leads), and `git crm rules run` does it.
//!
//! Running rules is a pure function of the committed store. Events are read from the commits
//! since the last run (known from the `Crm-Rules-Seen` trailer of earlier runs, so every clone
//! knows it) and their conditions are judged on the customer as it was in the commit that made
//! the event; schedule rules look at the whole store as of `--at`. Every record a rule writes
//! carries its origin (`origin: {rule, key, revision}`) and an id derived from it, and every
//! firing is named in a `Crm-Rule` trailer, so a second run, a run on another clone or a run in
//! CI after a merge finds what was done and does nothing: two clones that ran the same rules
//! write the same files, which merge cleanly. Rules never delete.
//!
//! The parts: [`file`] (the file as written, with positions), [`compile`] (checked rules),
//! [`eval`] (conditions), [`plan`] (what firing does, as one planned change), [`pick`]
//! (round-robin and least-loaded, deterministic), [`history`] (what git says: the range, the
//! events, what fired before), [`fixtures`] (`rules test`), [`analysis`] (`check rules`),
//! [`review`] (what a branch did with rules), [`hooks`] (the post-merge hook) and [`run`] (the
//! committed store in, one commit out).

pub mod analysis;
pub mod compile;
pub mod eval;
pub mod file;
pub mod fixtures;
pub mod history;
pub mod hooks;
pub mod pick;
pub mod plan;
pub mod review;
pub mod run;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::check::{Diagnostic, Severity};
use crate::error::Error;

pub use compile::{Compiled, Rule, Rules, Trigger, compile};
pub use file::{Pos, RULES_FILE};
pub use plan::{Firing, Outcome, Plan};

/// Whether a problem is in the rules file itself or in what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProblemKind {
    /// The file is wrong in itself (exit 2).
    File,
    /// The file names something the store does not have (exit 1).
    Data,
}

/// A problem found in the rules file, located.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    #[serde(flatten)]
    pub pos: Pos,
    /// The rule it is in, when it is in one.
    pub rule: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    pub kind: ProblemKind,
    pub severity: Severity,
}

impl Problem {
    /// An error in the file itself.
    pub fn file(pos: Pos, rule: Option<String>, message: impl Into<String>) -> Self {
        Problem {
            pos,
            rule,
            message: message.into(),
            hint: None,
            kind: ProblemKind::File,
            severity: Severity::Error,
        }
    }

    /// An error in what the file names.
    pub fn data(pos: Pos, rule: Option<String>, message: impl Into<String>) -> Self {
        Problem {
            kind: ProblemKind::Data,
            ..Problem::file(pos, rule, message)
        }
    }

    /// A warning (`check rules` only: rules that can never fire, loops).
    pub fn warning(pos: Pos, rule: Option<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::file(pos, rule, message)
        }
    }

    /// With a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether it stops the rules from running.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message with the rule it is in (`rule `x`: ...`).
    pub fn text(&self) -> String {
        match &self.rule {
            Some(rule) => format!("rule `{rule}`: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// As a `check` diagnostic of the `rules` check, at `path`.
    pub fn diagnostic(&self, path: &str) -> Diagnostic {
        let known = |n: u64| (n > 0).then_some(n);
        Diagnostic {
            check: "rules",
            severity: self.severity,
            path: path.to_string(),
            line: known(self.pos.line),
            column: known(self.pos.line).and(known(self.pos.column)),
            message: self.text(),
            hint: self.hint.clone(),
        }
    }
}

/// The error for the errors among `problems`: a usage error (exit 2) when one is in the file
/// itself, else a data error (exit 1). Every error is listed as `path:line:col: ...`.
pub fn problems_error(path: &str, problems: &[Problem]) -> Option<Error> {
    let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
    if errors.is_empty() {
        return None;
    }
    Some(Error::Problems {
        summary: format!(
            "{} in {path}; nothing was written",
            plural(errors.len(), "problem")
        ),
        problems: errors
            .iter()
            .map(|p| p.diagnostic(path).render().trim_end().to_string())
            .collect(),
        usage: errors.iter().any(|p| p.kind == ProblemKind::File),
        hint: Some(
            "docs/rules.md describes the rules file; `git crm check rules` lists every problem"
                .to_string(),
        ),
    })
}

/// `3 problems`, `1 problem`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// An error that happened while a rule fired (a lead who is not set, a mention of nobody): a
/// data error naming the rule, its line and the customer, so nothing is written.
pub fn firing_error(
    rule: &Rule,
    pos: Pos,
    customer: &str,
    message: impl std::fmt::Display,
) -> Error {
    Error::invalid_hint(
        format!(
            "{RULES_FILE}:{}:{}: rule `{}` on {customer}: {message}; nothing was written",
            pos.line, pos.column, rule.id
        ),
        "fix the store's config (or the rule), then run `git crm rules run` again",
    )
}
