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
//! [`timeline`], [`render`] (tables, JSON, Markdown) and [`demo`]. [`import`] reads
//! spreadsheets into the store and [`export`] writes the store back to them.

pub mod demo;
pub mod error;
pub mod export;
pub mod git;
pub mod import;
pub mod model;
pub mod ops;
pub mod render;
pub mod store;
pub mod timeline;

pub use error::{Error, Result};
pub use store::Store;
