//! Integration tests of the `git-crm` binary: one test binary, a [`support::TestStore`] builder
//! that makes a throw-away store per test, and one module per area.

mod support;

mod completions;
mod concurrency;
mod customer;
mod export;
mod handoff;
mod import;
mod init;
mod log;
mod note;
mod people;
mod robustness;
mod task;
mod timeline;
