//! Arguments shared by several commands.

use clap::Args;

use git_crm::model::Timestamp;
use git_crm::model::time::{self, Expect};
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

/// Reads a time argument that says when something happened (`--at`), in the store's zone and
/// date order. A bare duration (`1h`) is refused with a hint (`1h ago`).
pub fn when(ctx: &super::Ctx, text: &str, flag: &str) -> anyhow::Result<Timestamp> {
    read_time(ctx, ctx.store.zone(), text, flag, Expect::Past)
}

/// Reads the bound of a period (`--since`, `--until`) in `zone` (a command's `--tz`, so that a
/// day means that zone's day); a bare duration (`30d`) counts back from now.
pub fn bound_in(
    ctx: &super::Ctx,
    zone: chrono_tz::Tz,
    text: &str,
    flag: &str,
) -> anyhow::Result<Timestamp> {
    read_time(ctx, zone, text, flag, Expect::Window)
}

/// `--since` and `--until` of a read command: parsed once, in the zone the command shows
/// times in, into a validated period before any work starts.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PeriodArgs {
    /// Only what happened at or after this time: a date or a time (`2026-10-01`, `last monday
    /// 09:00`), or a duration back from now (`30d`).
    #[arg(long)]
    pub since: Option<String>,
    /// Only what happened before this time (the same forms as --since).
    #[arg(long)]
    pub until: Option<String>,
}

impl PeriodArgs {
    /// The period's bounds, read in `zone`; each bound is optional.
    pub fn resolve(
        &self,
        ctx: &super::Ctx,
        zone: chrono_tz::Tz,
    ) -> anyhow::Result<(Option<Timestamp>, Option<Timestamp>)> {
        period(ctx, zone, self.since.as_deref(), self.until.as_deref())
    }
}

/// `--tz` of a command that shows times: the zone they are shown in.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ZoneArgs {
    /// Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store's
    /// `timezone`, else UTC). Never the machine's zone.
    #[arg(long)]
    pub tz: Option<String>,
}

impl ZoneArgs {
    /// The zone named by `--tz`, else the store's.
    pub fn zone(&self, ctx: &super::Ctx) -> anyhow::Result<chrono_tz::Tz> {
        match &self.tz {
            Some(name) => Ok(git_crm::model::time::parse_zone(name)
                .map_err(|e| git_crm::Error::usage(format!("--tz: {e}"), None))?),
            None => Ok(ctx.store.zone()),
        }
    }
}

/// Reads the `--since` and `--until` of a read command in `zone`.
pub fn period(
    ctx: &super::Ctx,
    zone: chrono_tz::Tz,
    since: Option<&str>,
    until: Option<&str>,
) -> anyhow::Result<(Option<Timestamp>, Option<Timestamp>)> {
    Ok((
        since
            .map(|t| bound_in(ctx, zone, t, "--since"))
            .transpose()?,
        until
            .map(|t| bound_in(ctx, zone, t, "--until"))
            .transpose()?,
    ))
}

/// Reads a due day (`--due`): `tomorrow`, `friday`, `+3d`, `2026-12-01`, ...
pub fn due(ctx: &super::Ctx, text: &str) -> anyhow::Result<chrono::NaiveDate> {
    day(ctx, text, "--due")
}

/// Reads a day ahead (`--due`, `--until` of `person away`) with the time grammar.
pub fn day(ctx: &super::Ctx, text: &str, flag: &str) -> anyhow::Result<chrono::NaiveDate> {
    time::parse_day(text, &ctx.store.reading()).map_err(|e| usage_of(flag, e))
}

fn read_time(
    ctx: &super::Ctx,
    zone: chrono_tz::Tz,
    text: &str,
    flag: &str,
    expect: Expect,
) -> anyhow::Result<Timestamp> {
    let reading = time::Reading {
        zone,
        ..ctx.store.reading()
    };
    time::parse_time(text, &reading, expect)
        .map(|t| t.at)
        .map_err(|e| usage_of(flag, e))
}

/// A time that did not read, as the usage error of `flag`.
pub fn usage_of(flag: &str, e: time::TimeError) -> anyhow::Error {
    anyhow::anyhow!(git_crm::Error::usage(
        format!("{flag}: {}", e.message),
        e.hint
    ))
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
