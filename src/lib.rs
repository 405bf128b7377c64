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
//! workflow rules, run in git), [`import`] and [`export`] (spreadsheets in and out), [`render`]
//! (tables, JSON, Markdown, CSV) and [`demo`].

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
pub mod timeline;

pub use error::{Error, Result};
pub use store::Store;
