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

/// `--since` and `--until` of a read command (timeline, find, export, metrics): parsed once,
/// by one reading, into a validated period before any work starts. A duration (`30d`) counts
/// back from the instant the command reports as of (`--at`, else now); a bare date as `--until`
/// includes that day; `--since all` means no start.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PeriodArgs {
    /// Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration
    /// back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all).
    #[arg(long)]
    pub since: Option<String>,
    /// End of the period, exclusive (a bare date includes that day); the same forms as --since.
    #[arg(long)]
    pub until: Option<String>,
}

/// A period read from [`PeriodArgs`]: each bound is optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
}

impl PeriodArgs {
    /// The period's bounds, read in `zone` relative to `as_of`; `default_since` applies when
    /// `--since` is not given. An empty period (its end not after its start) is refused.
    pub fn resolve(
        &self,
        ctx: &super::Ctx,
        zone: chrono_tz::Tz,
        as_of: Timestamp,
        default_since: Option<&str>,
    ) -> anyhow::Result<Period> {
        let order = ctx.store.config().date_order;
        let since = match self.since.as_deref().or(default_since).map(str::trim) {
            None | Some("all") => None,
            Some(text) => Some(
                git_crm::metrics::period::parse_bound(text, as_of, zone, order, false)
                    .map_err(|e| usage_of("--since", e))?,
            ),
        };
        let until = match self.until.as_deref() {
            None => None,
            Some(text) => Some(
                git_crm::metrics::period::parse_bound(text, as_of, zone, order, true)
                    .map_err(|e| usage_of("--until", e))?,
            ),
        };
        if let (Some(since), Some(until)) = (since, until)
            && until <= since
        {
            anyhow::bail!(git_crm::Error::usage(
                "--since/--until: the period is empty (its end is not after its start)",
                None
            ));
        }
        Ok(Period { since, until })
    }
}

/// `--team`, `--owner`, `--channel`, `--tag` and `--customer` of a command that reports on a
/// slice of the store (`metrics`, `find`): one group, read once into the library's
/// [`git_crm::metrics::Slice`], validated against the store before any work.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SliceArgs {
    /// Only customers of these teams (repeatable, or comma-separated).
    #[arg(long)]
    pub team: Vec<String>,
    /// Only customers owned by these people.
    #[arg(long)]
    pub owner: Vec<String>,
    /// Only touchpoints on these channels (metrics: threads started on them).
    #[arg(long)]
    pub channel: Vec<String>,
    /// Only customers with any of these tags.
    #[arg(long)]
    pub tag: Vec<String>,
    /// Only these customers (slugs, or contact emails or phones).
    #[arg(long)]
    pub customer: Vec<String>,
}

impl SliceArgs {
    /// The slice, its customers resolved to slugs and every name checked against the store.
    pub fn resolve(&self, ctx: &super::Ctx) -> anyhow::Result<git_crm::metrics::Slice> {
        let slice = git_crm::metrics::Slice {
            team: split_list(&self.team),
            owner: split_list(&self.owner),
            channel: split_list(&self.channel),
            tag: split_list(&self.tag),
            customer: ctx.store.resolve_customers(&split_list(&self.customer))?,
        };
        slice.validate(&ctx.store)?;
        Ok(slice)
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
