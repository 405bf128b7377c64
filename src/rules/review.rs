//! What a branch did with rules, for `git crm review`: which rules it added, removed or changed
//! in `.gitcrm/rules.yaml`, and what the rules commits in it fired (their `Crm-Rule` trailers).
//! The records those firings wrote are listed with the customers, each with its rule.

use serde::Serialize;

use super::compile::revisions;
use super::file::RULES_FILE;
use super::history::{OP, rule_trailers};
use crate::error::Result;
use crate::git::{CommitInfo, Repo};
use crate::store::Store;

/// A rule the branch added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleChange {
    pub rule: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
}

/// One firing recorded in the branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FiringRef {
    pub rule: String,
    pub key: String,
    pub commit: String,
}

/// The rules part of a review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RulesReview {
    pub changed: Vec<RuleChange>,
    /// The rules file does not read in head (the new problems say why).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unreadable: bool,
    /// Rules commits in the range.
    pub runs: usize,
    pub firings: Vec<FiringRef>,
}

impl RulesReview {
    /// Whether the branch did nothing with rules.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && !self.unreadable && self.runs == 0
    }
}

/// The rules part of the review of `commits` (the range), comparing the rules file of `base`
/// (the merge base) with `head`'s.
pub fn review(
    store: &Store,
    repo: &Repo,
    base: Option<&str>,
    head: &str,
    commits: &[CommitInfo],
) -> Result<RulesReview> {
    let path = store.git_path(RULES_FILE);
    let text = |rev: &str| -> Result<Option<String>> {
        Ok(match repo.entry_id(rev, &path)? {
            Some(id) => Some(String::from_utf8_lossy(&repo.blob(&id)?).into_owned()),
            None => None,
        })
    };
    let before = match base {
        Some(b) => text(b)?,
        None => None,
    };
    let after = text(head)?;
    let mut out = RulesReview::default();
    if before != after {
        let old = before.as_deref().and_then(revisions).unwrap_or_default();
        match after.as_deref().map(revisions) {
            Some(None) => out.unreadable = true,
            new => {
                let new = new.flatten().unwrap_or_default();
                for (rule, rev) in &new {
                    match old.get(rule) {
                        None => out.changed.push(RuleChange {
                            rule: rule.clone(),
                            change: "added",
                        }),
                        Some(r) if r != rev => out.changed.push(RuleChange {
                            rule: rule.clone(),
                            change: "changed",
                        }),
                        _ => {}
                    }
                }
                for rule in old.keys().filter(|r| !new.contains_key(*r)) {
                    out.changed.push(RuleChange {
                        rule: rule.clone(),
                        change: "removed",
                    });
                }
            }
        }
    }
    for commit in commits.iter().rev().filter(|c| c.op.as_deref() == Some(OP)) {
        out.runs += 1;
        for (rule, key, _) in rule_trailers(&repo.message(&commit.id)?).0 {
            out.firings.push(FiringRef {
                rule,
                key,
                commit: commit.short_id().to_string(),
            });
        }
    }
    Ok(out)
}

/// The rules part of a review in words (not escaped), one line each; empty when nothing.
pub fn lines(r: &RulesReview) -> Vec<String> {
    let mut out = Vec::new();
    if r.unreadable {
        out.push(format!(
            "! {RULES_FILE} does not read in head: see the new problems"
        ));
    }
    for c in &r.changed {
        out.push(format!("rule {} {}", c.rule, c.change));
    }
    if r.runs > 0 {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for f in &r.firings {
            *counts.entry(f.rule.as_str()).or_default() += 1;
        }
        let what: Vec<String> = counts
            .iter()
            .map(|(rule, n)| format!("{rule} x{n}"))
            .collect();
        out.push(format!(
            "{} by `rules run` fired {}{}",
            super::plural(r.runs, "commit"),
            super::plural(r.firings.len(), "time"),
            if what.is_empty() {
                String::new()
            } else {
                format!(": {}", what.join(", "))
            }
        ));
    }
    out
}
