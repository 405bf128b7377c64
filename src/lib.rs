//! git-crm: a collaborative CRM whose database is a git repository of YAML files.
//!
//! The library is what the `git-crm` binary is built on, and is usable on its own:
//!
//! ```no_run
//! let store = git_crm::Store::discover(std::path::Path::new("."))?;
//! let bundle = store.load_bundle("acme")?;
//! let timeline = git_crm::timeline::build(&bundle, &git_crm::timeline::Filter::default());
//! println!("{} entries", timeline.entries.len());
//! # Ok::<(), git_crm::Error>(())
//! ```
//!
//! Modules by domain: [`model`] (pure record types and rules), [`store`] (files, in-place
//! edits, loading), [`git`] (commits and history), [`ops`] (the operations people run),
//! [`timeline`], [`metrics`] (the five team metrics of `git crm metrics`), [`check`] (the
//! named checks CI gates on), [`merge`] (the field-level three-way merge git runs on record
//! files), [`history`] (a customer's git history in words), [`review`] (a branch summarised
//! for merge review), [`find`] (searching customers and records), [`rules`] (the team's
//! workflow rules, run in git), [`sync`] (fetch, merge, check and push in one step),
//! [`import`] and [`export`] (spreadsheets in and out), [`render`] (tables, JSON, Markdown,
//! CSV), [`progress`] (long work reported through a callback) and [`demo`].
//!
//! Layering, kept by a test: `model` imports nothing of the other modules; `check` and `ops`
//! do not import each other; only `git` imports gix.

pub mod access;
pub mod check;
pub mod demo;
pub mod error;
pub mod export;
pub mod find;
pub mod git;
pub mod history;
pub mod import;
pub mod ingest;
pub mod merge;
pub mod metrics;
pub mod model;
pub mod ops;
pub mod progress;
pub mod render;
pub mod review;
pub mod rules;
pub mod store;
pub mod sync;
pub mod timeline;

pub use error::{Error, Result};
pub use store::Store;

#[cfg(test)]
mod layering {
    use std::path::Path;

    /// Every `.rs` file under `src/<dir>`, with its text.
    fn sources(dir: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).unwrap() {
                    stack.push(entry.unwrap().path());
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
        assert!(!out.is_empty(), "no sources under src/{dir}");
        out
    }

    fn forbid(dir: &str, imports: &[&str]) -> Vec<String> {
        let mut found = Vec::new();
        for (path, text) in sources(dir) {
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for import in imports {
                    if line.contains(import) {
                        found.push(format!("{path}:{}: {import}", n + 1));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn modules_import_only_what_their_layer_allows() {
        let mut found = forbid(
            "model",
            &[
                "crate::store",
                "crate::ops",
                "crate::check",
                "crate::git",
                "crate::cli",
                "gix::",
            ],
        );
        found.extend(forbid("check", &["crate::ops"]));
        found.extend(forbid("ops", &["crate::check"]));
        for dir in [
            "model", "store", "ops", "check", "metrics", "import", "ingest", "rules",
        ] {
            found.extend(forbid(dir, &["gix::", "use gix"]));
        }
        assert!(
            found.is_empty(),
            "imports across layers:\n{}",
            found.join("\n")
        );
    }
}
