//! `git crm metrics [frt|fcr|handoff|coverage|consistency]`.

use anyhow::Result;
use clap::{Args, ValueEnum};

use git_crm::metrics::{self, By, ClockMode, FcrRule, Options, gate};
use git_crm::model::time;
use git_crm::render::Format;
use git_crm::render::metrics::{Part, render};

use super::Ctx;
use super::args::{PeriodArgs, SliceArgs};
use super::output::print;

/// A metric to show in depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MetricName {
    /// First response time, with the unanswered threads.
    Frt,
    /// First contact resolution, with the resolved threads.
    Fcr,
    /// Handoff time, with pending handoffs, ping-pong and handoffs per customer.
    Handoff,
    /// Interaction coverage, per week, owner and team, with the stale customers.
    Coverage,
    /// Channel consistency.
    Consistency,
}

#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// Show one metric in depth (default: an overview of the five).
    #[arg(value_enum)]
    metric: Option<MetricName>,
    /// The period reported (read in --tz; default: the 30 days before --at).
    #[command(flatten)]
    period: PeriodArgs,
    /// Compute as of this instant (default now): later records are ignored, ages end here.
    #[arg(long)]
    at: Option<String>,
    /// Time zone of periods, months and weeks (IANA name). Never the machine's zone.
    #[arg(long, default_value = "UTC")]
    tz: String,
    #[command(flatten)]
    slice: SliceArgs,
    /// Also show the metrics grouped by team, owner, channel, month or week.
    #[arg(long, value_enum)]
    by: Option<By>,
    /// Which first-contact-resolution definition to use.
    #[arg(long, value_enum, default_value_t = FcrRule::Strict)]
    fcr_rule: FcrRule,
    /// Measure durations in business hours (where the team has a calendar) or wall-clock time.
    #[arg(long, value_enum, default_value_t = ClockMode::Business)]
    clock: ClockMode,
    /// Weeks of the weekly coverage table.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=520))]
    weeks: u32,
    /// Exit 1 when a condition holds, e.g. 'handoff.p90 > 24h', 'fcr.rate < 0.6',
    /// 'frt.unanswered > 0' (repeatable).
    #[arg(long, value_name = "EXPR")]
    fail_if: Vec<String>,
    /// Output format (json is versioned; see docs/).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

fn usage(flag: &str, e: String) -> anyhow::Error {
    git_crm::Error::usage(format!("{flag}: {e}"), None).into()
}

pub fn run(ctx: &Ctx, args: MetricsArgs) -> Result<i32> {
    let conditions = args
        .fail_if
        .iter()
        .map(|c| gate::parse(c))
        .collect::<git_crm::Result<Vec<_>>>()?;
    let tz = time::parse_zone(&args.tz).map_err(|e| usage("--tz", e))?;
    let as_of = match &args.at {
        Some(t) => {
            let reading = time::Reading {
                zone: tz,
                ..ctx.store.reading()
            };
            time::parse_time(t, &reading, time::Expect::Past)
                .map_err(|e| super::args::usage_of("--at", e))?
                .at
        }
        None => time::now(),
    };
    let slice = args.slice.resolve(ctx)?;
    // Arguments are checked before the whole store is read; only `--since all` needs the data.
    let period = args.period.resolve(ctx, tz, as_of, Some("30d"))?;
    let until = period.until.unwrap_or(as_of);
    let reach = period
        .since
        .map(|since| metrics::Reach::of_report(since, until, args.weeks));
    let facts = metrics::store_facts(&ctx.store, args.clock, as_of, reach)?;
    let since = period
        .since
        .unwrap_or_else(|| metrics::earliest_of(&facts).unwrap_or(as_of).min(as_of));
    if until <= since {
        return Err(usage(
            "--since/--until",
            "the period is empty (its end is not after its start)".into(),
        ));
    }
    let options = Options {
        as_of,
        since,
        until,
        tz,
        clock: args.clock,
        fcr_rule: args.fcr_rule,
        weeks: args.weeks,
        slice,
        by: args.by,
    };
    let report = metrics::compute_from(ctx.store.config(), facts, &options)?;
    let outcomes = gate::evaluate(&report.metrics, &conditions);
    let part = match args.metric {
        None => Part::Overview,
        Some(MetricName::Frt) => Part::Frt,
        Some(MetricName::Fcr) => Part::Fcr,
        Some(MetricName::Handoff) => Part::Handoff,
        Some(MetricName::Coverage) => Part::Coverage,
        Some(MetricName::Consistency) => Part::Consistency,
    };
    print(&render(&ctx.ui, args.format, &report, part, &outcomes))?;
    git_crm::store::snapshot::timing("metrics: printed");
    let breached: Vec<_> = outcomes.iter().filter(|o| o.breached).collect();
    for o in &breached {
        eprintln!(
            "metrics: failed: {} ({})",
            git_crm::model::text::escape(&o.condition),
            git_crm::model::text::escape(&o.message)
        );
    }
    let code = if breached.is_empty() { 0 } else { 1 };
    git_crm::store::snapshot::drop_later(report);
    Ok(code)
}
