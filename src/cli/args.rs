//! Arguments shared by several commands.

use clap::Args;

use git_crm::model::{Timestamp, time};
use git_crm::render::Format;

/// Flags of every command that changes the store.
#[derive(Debug, Clone, Args)]
pub struct WriteArgs {
    /// Write the files but do not commit them.
    #[arg(long)]
    pub no_commit: bool,
    /// Show what would be written and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Output format of the result.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Reads a time argument in the store's zone.
pub fn when(ctx: &super::Ctx, text: &str, flag: &str) -> anyhow::Result<Timestamp> {
    when_in(ctx.store.zone(), text, flag)
}

/// Reads a time argument in `zone` (a command's `--tz`, so that a day means that zone's day).
pub fn when_in(zone: chrono_tz::Tz, text: &str, flag: &str) -> anyhow::Result<Timestamp> {
    time::parse_when(text, time::now(), zone)
        .map_err(|e| anyhow::anyhow!(git_crm::Error::usage(format!("{flag}: {e}"), None)))
}

/// Splits comma-separated values of repeatable flags (`--tag a,b --tag c`).
pub fn split_list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}
