//! `git crm merge-driver %O %A %B %P`: what git runs to merge a record file. The merge itself
//! is [`git_crm::merge`]; this reads the three files git hands over, writes the result over ours
//! (%A) and exits 0 when clean, 1 when conflicts are left, as git expects of a merge driver.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use git_crm::model::text::escape;

#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (%O).
    base: PathBuf,
    /// Our version (%A); the result is written here.
    ours: PathBuf,
    /// Their version (%B).
    theirs: PathBuf,
    /// The path in the repository (%P), for messages.
    path: Option<String>,
}

pub fn run(args: &MergeDriverArgs) -> Result<i32> {
    let read =
        |p: &PathBuf| std::fs::read(p).with_context(|| format!("cannot read {}", p.display()));
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let label = args.path.clone().unwrap_or_else(|| "record".into());
    let merged = git_crm::merge::merge_record(&label, &base, &ours, &theirs)?;
    if merged.text != ours {
        git_crm::store::atomic::write(&args.ours, &merged.text)?;
    }
    if merged.is_clean() {
        return Ok(0);
    }
    let keys = merged
        .conflicts
        .iter()
        .map(|k| {
            if k == "*" {
                "(lines)".to_string()
            } else {
                escape(k).into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    eprintln!(
        "git-crm: conflict in {}: {keys} changed differently on both sides; edit the file to keep one side, then `git crm check`",
        escape(&label)
    );
    Ok(1)
}
