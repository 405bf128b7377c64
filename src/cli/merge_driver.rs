//! `git crm merge-driver %O %A %B %P`: what git runs to merge a record file.
//!
//! For now the driver performs git's own line-based three-way merge (`git merge-file`), so a
//! clone set up by `init`/`setup` merges exactly as plain git would; the field-level merge of
//! customer records replaces this body without changing the registration.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (%O).
    base: PathBuf,
    /// Our version (%A); the result is written here.
    ours: PathBuf,
    /// Their version (%B).
    theirs: PathBuf,
    /// The path in the repository (%P), for conflict labels.
    path: Option<String>,
}

pub fn run(args: &MergeDriverArgs) -> Result<i32> {
    let label = args.path.clone().unwrap_or_else(|| "record".into());
    let status = std::process::Command::new("git")
        .args([
            "merge-file",
            "-L",
            &format!("ours:{label}"),
            "-L",
            "base",
            "-L",
            &format!("theirs:{label}"),
        ])
        .arg(&args.ours)
        .arg(&args.base)
        .arg(&args.theirs)
        .status()?;
    // git merge-file exits with the number of conflicts (>0) or a negative value on error; a
    // merge driver reports "conflicts left" with any non-zero status.
    Ok(if status.success() { 0 } else { 1 })
}
