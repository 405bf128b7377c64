//! `git crm review [<base>..<head>]`: a semantic summary of a branch for merge review. Which
//! customers were added, renamed or archived, who reassigned whom, what was logged, which
//! fields changed from what to what, which records were edited or deleted after the fact
//! (history should be append-only), and the problems `check` finds in head that base did not
//! have.
//!
//! Like a merge request, the change is what `head` did since it left `base`: the snapshot of
//! the merge base against the snapshot of `head` ([`diff::summarize`], pure), with the commits
//! in `base..head` telling who did what.

pub mod diff;
pub mod render;

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::check::{self, Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::git::{FileStatus, Repo};
use crate::history::fields;
use crate::history::store_relative;
use crate::store::{Store, layout};

pub use diff::{Attribution, ChangedFile, CustomerReview};

/// The two ends of a review, as the user named them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    pub base: String,
    pub head: String,
}

impl Range {
    /// Reads `base..head`, `base...head`, `base..` (head = `HEAD`) or a lone `base`; without a
    /// spec, `upstream..HEAD` with the branch's upstream.
    pub fn parse(spec: Option<&str>, upstream: Option<String>) -> Result<Range> {
        let Some(spec) = spec else {
            let base = upstream.ok_or_else(|| {
                Error::usage(
                    "the current branch has no upstream to review against",
                    Some("name the range, e.g. `git crm review main..HEAD`, or set one with `git branch --set-upstream-to=origin/main`".into()),
                )
            })?;
            return Ok(Range {
                base,
                head: "HEAD".into(),
            });
        };
        let (base, head) = match spec.split_once("...").or_else(|| spec.split_once("..")) {
            Some((b, h)) => (b, h),
            None => (spec, ""),
        };
        let or_head = |s: &str| {
            if s.is_empty() {
                "HEAD".to_string()
            } else {
                s.to_string()
            }
        };
        if base.is_empty() && head.is_empty() {
            return Err(Error::usage(format!("`{spec}` names no revision"), None));
        }
        Ok(Range {
            base: or_head(base),
            head: or_head(head),
        })
    }
}

/// Totals over all customers, for the summary line and for bots.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub customers_added: usize,
    pub customers_renamed: usize,
    pub customers_archived: usize,
    pub reassignments: usize,
    /// Records added, by kind word.
    pub records_added: BTreeMap<String, usize>,
    pub fields_changed: usize,
    /// Records moved to another customer by a correction (counted once, at the destination).
    pub records_moved: usize,
    pub rewrites: usize,
    pub problems: usize,
}

/// The review of a range.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub base: String,
    pub head: String,
    pub base_commit: String,
    pub head_commit: String,
    /// The commit `head` left `base` at; the summary is the change from there to head.
    pub merge_base: Option<String>,
    /// Commits in `base..head`.
    pub commits: usize,
    /// Who made them (git-crm actors, else the person with the author's email, else author
    /// names), in order of first appearance.
    pub authors: Vec<String>,
    pub totals: Totals,
    pub customers: Vec<CustomerReview>,
    /// Problems `check` finds in head that it did not find in the merge base.
    pub problems: Vec<Diagnostic>,
    /// Rules the branch added, removed or changed, and what `rules run` did in it.
    pub rules: crate::rules::review::RulesReview,
}

impl Review {
    /// Whether `--fail-on-problems` fails: a new error from `check`, or a record edited or
    /// deleted after the fact.
    pub fn has_problems(&self) -> bool {
        self.problems.iter().any(|d| d.severity == Severity::Error) || self.totals.rewrites > 0
    }
}

/// Reviews `range` in the repository of `store`.
pub fn review(store: &Store, range: &Range) -> Result<Review> {
    let repo = Repo::open(store.repo_root())?;
    let base_commit = repo.resolve(&range.base)?;
    let head_commit = repo.resolve(&range.head)?;
    let merge_base = repo.merge_base(&base_commit, &head_commit)?;
    let prefix = store.git_path(layout::CUSTOMERS_DIR);

    let mut files = Vec::new();
    for change in repo.diff(merge_base.as_deref(), &head_commit, &prefix)? {
        let read = |id: &Option<String>| id.as_deref().map(|i| repo.blob(i)).transpose();
        files.push(ChangedFile {
            path: store_relative(store, &change.path),
            old: read(&change.old_id)?,
            new: read(&change.new_id)?,
        });
    }

    let commits = repo.commits(&head_commit, Some(&base_commit))?;
    let mut authors: Vec<String> = Vec::new();
    let mut who = Attribution::default();
    // Oldest first, so the order of names is the order of work.
    for commit in commits.iter().rev() {
        let person = crate::history::person_of(store, commit);
        if !authors.contains(&person) {
            authors.push(person.clone());
        }
        let Some(parent) = commit.parents.first() else {
            continue;
        };
        if commit.parents.len() > 1 || !repo.has_object(parent) {
            // Merges repeat their parents' work; a shallow clone lacks the boundary's parent.
            continue;
        }
        for change in repo.diff(Some(parent), &commit.id, &prefix)? {
            let path = store_relative(store, &change.path);
            who.touch(&path, &person);
            let slug_and_file = path
                .strip_prefix(&format!("{}/", layout::CUSTOMERS_DIR))
                .and_then(|r| r.split_once('/'));
            if let Some((slug, layout::CUSTOMER_FILE)) = slug_and_file
                && change.status == FileStatus::Modified
            {
                let read = |id: &Option<String>| -> Result<_> {
                    Ok(match id {
                        Some(i) => crate::history::parse_map(&path, &repo.blob(i)?),
                        None => None,
                    })
                };
                let (old, new) = (read(&change.old_id)?, read(&change.new_id)?);
                for d in fields::diff(&old.unwrap_or_default(), &new.unwrap_or_default()) {
                    who.touch_field(slug, &d.field, &person);
                }
            }
        }
    }

    let mut customers = diff::summarize(&files, &who);
    for c in customers
        .iter_mut()
        .filter(|c| c.change == diff::Lifecycle::Unchanged)
    {
        name_from_head(&repo, store, &head_commit, c)?;
    }
    let problems = new_problems(store, merge_base.as_deref(), &head_commit)?;
    let rules =
        crate::rules::review::review(store, &repo, merge_base.as_deref(), &head_commit, &commits)?;
    let totals = totals(&customers, problems.len());
    Ok(Review {
        base: range.base.clone(),
        head: range.head.clone(),
        base_commit,
        head_commit,
        merge_base,
        commits: commits.len(),
        authors,
        totals,
        customers,
        problems,
        rules,
    })
}

/// Fills in the name and owner of a customer whose record did not change, from head.
fn name_from_head(repo: &Repo, store: &Store, head: &str, c: &mut CustomerReview) -> Result<()> {
    let path = store.git_path(&layout::customer_file(&c.slug));
    let Some(id) = repo.entry_id(head, &path)? else {
        return Ok(());
    };
    if let Some(record) = crate::history::parse_map(&path, &repo.blob(&id)?) {
        let text = |k: &str| {
            record
                .get(k)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
        };
        if let Some(name) = text("name") {
            c.name = name;
        }
        c.owner = text("owner");
    }
    Ok(())
}

/// What `check` reports in `head` and did not report in `base`.
fn new_problems(store: &Store, base: Option<&str>, head: &str) -> Result<Vec<Diagnostic>> {
    let after = check::check_tree(store, head, &[])?;
    if after.diagnostics.is_empty() {
        // Nothing in head, so nothing new: the base need not be checked.
        return Ok(Vec::new());
    }
    let before: HashSet<(String, String, String)> = match base {
        Some(base) => check::check_tree(store, base, &[])?
            .diagnostics
            .iter()
            .map(Diagnostic::key)
            .collect(),
        None => HashSet::new(),
    };
    Ok(after
        .diagnostics
        .into_iter()
        .filter(|d| !before.contains(&d.key()))
        .collect())
}

fn totals(customers: &[CustomerReview], problems: usize) -> Totals {
    let mut t = Totals {
        problems,
        ..Totals::default()
    };
    for c in customers {
        t.customers_added += usize::from(c.change == diff::Lifecycle::Added);
        t.customers_renamed += usize::from(c.renamed_from.is_some());
        t.customers_archived += usize::from(c.archived == Some(true));
        t.reassignments += c.reassignments.len();
        t.fields_changed += c.fields.len();
        t.rewrites += c.rewrites.len();
        t.records_moved += c.moved_in.len();
        for (kind, n) in &c.counts {
            *t.records_added.entry(kind.clone()).or_default() += n;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let r = |s: &str| Range::parse(Some(s), None).unwrap();
        assert_eq!(
            r("main..topic"),
            Range {
                base: "main".into(),
                head: "topic".into()
            }
        );
        assert_eq!(
            r("main...topic"),
            Range {
                base: "main".into(),
                head: "topic".into()
            }
        );
        assert_eq!(
            r("main.."),
            Range {
                base: "main".into(),
                head: "HEAD".into()
            }
        );
        assert_eq!(
            r("main"),
            Range {
                base: "main".into(),
                head: "HEAD".into()
            }
        );
        assert_eq!(
            Range::parse(None, Some("origin/main".into())).unwrap(),
            Range {
                base: "origin/main".into(),
                head: "HEAD".into()
            }
        );
        let err = Range::parse(None, None).unwrap_err();
        assert!(err.is_usage());
        assert!(Range::parse(Some(".."), None).is_err());
    }
}
