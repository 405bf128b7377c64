//! Integration tests of the `git-crm` binary: one test binary, a [`support::TestStore`] builder
//! that makes a throw-away store per test, and one module per area.

mod support;

mod check;
mod completions;
mod concurrency;
mod customer;
mod handoff;
mod init;
mod log;
mod note;
mod people;
mod robustness;
mod task;
mod timeline;
