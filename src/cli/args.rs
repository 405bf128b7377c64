//! Arguments shared by several commands.

use clap::Args;

use git_crm::model::{Timestamp, time};
use git_crm::render::Format;

/// Declares a format enum that offers a subset of [`Format`], so clap refuses what a command
/// cannot print (instead of the command printing something else).
macro_rules! format_subset {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
        pub enum $name {
            /// Aligned text for people (the default).
            #[default]
            #[value(alias = "text")]
            Table,
            $($variant),+
        }

        impl From<$name> for Format {
            fn from(f: $name) -> Format {
                match f {
                    $name::Table => Format::Table,
                    $($name::$variant => Format::$variant),+
                }
            }
        }
    };
}

format_subset!(
    /// Text or versioned JSON.
    TextJson { Json }
);
format_subset!(
    /// Text, versioned JSON, or Markdown for a merge request or a CI summary.
    TextJsonMarkdown { Json, Markdown }
);

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
    #[arg(long, value_enum, default_value_t)]
    pub format: TextJson,
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
