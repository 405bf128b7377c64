//! Integration tests of the `git-crm` binary: one test binary, a [`support::TestStore`] builder
//! that makes a throw-away store per test, and one module per area.

mod support;

mod access;
mod cache;
mod check;
mod collab_merge;
mod completions;
mod concurrency;
mod corrections;
mod customer;
mod documents;
mod documents_kill;
mod errors;
mod export;
mod export_analyst;
mod find;
mod git_index;
mod git_setup;
mod handoff;
mod history;
mod history_index;
mod hostile;
mod import;
mod inbox;
mod ingest;
mod ingest_attachments;
mod ingest_imap;
mod init;
mod log;
mod merge_driver;
mod metrics;
mod note;
mod partial_clone;
mod people;
mod readme;
mod rename_merge;
mod review;
mod robustness;
mod rules;
mod sync;
mod task;
mod timeline;
mod views;
mod widths;
