//! The analyst export: touchpoints, threads and handoffs as typed rows a data team loads into
//! DuckDB or a warehouse (`git crm export <kind> --format jsonl|parquet`).
//!
//! Threads and handoffs are exported from the very facts `git crm metrics` computes
//! ([`crate::metrics::Facts`]): first response, resolution and reopening are never worked out
//! a second time here, so a median taken over the exported rows is the median the metrics
//! print. Durations come twice: in the clock the metrics use (business seconds of the owning
//! team's calendar, wall-clock seconds for a team without one) and in wall-clock seconds.
//!
//! Bundles are loaded with no key at all, like the metrics, and restricted content is never
//! exported: a restricted touchpoint's summary and body are null and its `restricted` column
//! names the team, whoever runs the export.

use crate::metrics::name::text;
use std::collections::HashMap;

use crate::access::{Keyring, Keys};
use crate::error::{Error, Input, Result};
use crate::metrics::facts::{HandoffFact, ThreadFact};
use crate::metrics::{ClockMode, Clocks, Facts, Options};
use crate::model::records::{Acceptance, Handoff};
use crate::model::{Config, Timestamp, restricted};
use crate::store::{CustomerBundle, Store};

use super::table::{Cell, Column, ColumnType, SCHEMA_VERSION, Schema, Table, month_of};
use super::{ExportFilter, ExportKind};

const fn col(name: &'static str, ty: ColumnType, nullable: bool, meaning: &'static str) -> Column {
    Column {
        name,
        ty,
        nullable,
        meaning,
    }
}

use ColumnType::{Bool, Int64, String as STR, StringList, Timestamp as Time};

/// Touchpoints: one row per touchpoint (every actor), as corrected, voided ones left out.
pub static TOUCHPOINTS: Schema = Schema {
    kind: "touchpoints",
    version: SCHEMA_VERSION,
    partitioned_by: "at",
    columns: &[
        col("id", STR, false, "the touchpoint's id"),
        col("customer", STR, false, "the customer's slug"),
        col("at", Time, false, "when it happened"),
        col("recorded_at", Time, false, "when it was logged"),
        col("channel", STR, false, "email, call, chat, meeting, ..."),
        col("direction", STR, false, "inbound, outbound or internal"),
        col(
            "by",
            STR,
            false,
            "a handle, or the customer's contact (email or name)",
        ),
        col(
            "actor",
            STR,
            false,
            "human, automation or import (only human counts in metrics)",
        ),
        col(
            "thread",
            STR,
            false,
            "the id of the thread (the id of its first touchpoint)",
        ),
        col(
            "summary",
            STR,
            true,
            "the one-line summary; null when restricted",
        ),
        col(
            "body",
            STR,
            true,
            "the full text; null when absent or restricted",
        ),
        col(
            "resolves",
            Bool,
            false,
            "this touchpoint resolves its thread",
        ),
        col("tags", StringList, false, "the touchpoint's tags"),
        col(
            "source_system",
            STR,
            true,
            "the system it was imported from",
        ),
        col("source_key", STR, true, "its key in that system"),
        col(
            "restricted",
            STR,
            true,
            "the team its content is restricted to; null when not restricted",
        ),
        col(
            "corrected",
            Bool,
            false,
            "an amendment (`git crm correct`) changed it",
        ),
    ],
};

/// Threads: one row per thread with a human customer-facing touchpoint up to `as_of`.
pub static THREADS: Schema = Schema {
    kind: "threads",
    version: SCHEMA_VERSION,
    partitioned_by: "started_at",
    columns: &[
        col(
            "thread",
            STR,
            false,
            "the thread's id (join touchpoints.thread)",
        ),
        col("customer", STR, false, "the customer's slug"),
        col(
            "started_at",
            Time,
            false,
            "its first human inbound or outbound touchpoint: places it in a period, as in `metrics`",
        ),
        col(
            "started_inbound",
            Bool,
            false,
            "it started with an inbound touchpoint (FCR counts only these)",
        ),
        col("channel", STR, false, "the channel of its first touchpoint"),
        col(
            "team",
            STR,
            true,
            "the customer's owning team when it started",
        ),
        col("owner", STR, true, "the customer's owner when it started"),
        col(
            "first_inbound_at",
            Time,
            true,
            "the first human inbound touchpoint (the first-response clock starts)",
        ),
        col(
            "first_reply_at",
            Time,
            true,
            "the first human outbound touchpoint at or after it (the clock stops)",
        ),
        col(
            "first_response_seconds",
            Int64,
            true,
            "first response time as `metrics` measures it: business seconds of `calendar`, wall-clock seconds when `calendar` is null",
        ),
        col(
            "first_response_wall_seconds",
            Int64,
            true,
            "the same in wall-clock seconds",
        ),
        col(
            "calendar",
            STR,
            true,
            "the business calendar of `team` the durations are measured in; null for wall-clock time",
        ),
        col(
            "first_resolved_at",
            Time,
            true,
            "the first touchpoint that resolves it (FCR places it in a period by this)",
        ),
        col(
            "replies_to_resolution",
            Int64,
            false,
            "human outbound touchpoints up to the first resolution",
        ),
        col(
            "inbound_after_reply",
            Bool,
            false,
            "a human inbound came after the first reply",
        ),
        col(
            "reopened",
            Bool,
            false,
            "a human inbound came after the first resolution",
        ),
        col(
            "unanswered",
            Bool,
            false,
            "it has an inbound, no human reply, and is open at `as_of`",
        ),
        col(
            "unanswered_age_seconds",
            Int64,
            true,
            "age of an unanswered thread at `as_of`, in the clock of `calendar`",
        ),
        col(
            "unanswered_wall_seconds",
            Int64,
            true,
            "the same in wall-clock seconds",
        ),
        col(
            "touches",
            Int64,
            false,
            "its human customer-facing touchpoints",
        ),
        col(
            "channel_switches",
            Int64,
            false,
            "how often the channel changed between consecutive ones",
        ),
        col(
            "as_of",
            Time,
            false,
            "the instant the facts were computed at (later touchpoints are ignored)",
        ),
    ],
};

/// Handoffs: one row per handoff, with how and when it was taken over.
pub static HANDOFFS: Schema = Schema {
    kind: "handoffs",
    version: SCHEMA_VERSION,
    partitioned_by: "at",
    columns: &[
        col("id", STR, false, "the handoff's id"),
        col("customer", STR, false, "the customer's slug"),
        col("at", Time, false, "when the customer was handed over"),
        col("by", STR, false, "who handed it over"),
        col("from_owner", STR, true, "the owner before"),
        col("from_team", STR, true, "the team before"),
        col("to_owner", STR, true, "the new owner"),
        col("to_team", STR, true, "the new team"),
        col("reason", STR, true, "the reason given"),
        col(
            "state",
            STR,
            false,
            "accepted, pending, superseded or declined at `as_of`",
        ),
        col(
            "accepted_at",
            Time,
            true,
            "when it was taken over: explicitly, or by the new owner's first touchpoint or note",
        ),
        col(
            "acceptance",
            STR,
            true,
            "explicit, first_touchpoint or first_note",
        ),
        col(
            "accept_seconds",
            Int64,
            true,
            "time to acceptance as `metrics` measures it, in the receiving team's `calendar`",
        ),
        col(
            "accept_wall_seconds",
            Int64,
            true,
            "the same in wall-clock seconds",
        ),
        col(
            "calendar",
            STR,
            true,
            "the receiving team's business calendar; null for wall-clock time",
        ),
        col(
            "pending_age_seconds",
            Int64,
            true,
            "age of a pending handoff at `as_of`, in the clock of `calendar`",
        ),
        col(
            "pending_wall_seconds",
            Int64,
            true,
            "the same in wall-clock seconds",
        ),
        col(
            "ping_pong",
            Bool,
            false,
            "it gives the customer back to the owner it was just taken from",
        ),
        col(
            "as_of",
            Time,
            false,
            "the instant the facts were computed at",
        ),
    ],
};

/// The kinds the analyst export writes, with their schemas.
pub const SCHEMAS: [&Schema; 3] = [&TOUCHPOINTS, &THREADS, &HANDOFFS];

/// The schema of `kind`, or a usage error for a kind the analyst formats do not export.
pub fn schema(kind: ExportKind) -> Result<&'static Schema> {
    match kind {
        ExportKind::Touchpoints => Ok(&TOUCHPOINTS),
        ExportKind::Threads => Ok(&THREADS),
        ExportKind::Handoffs => Ok(&HANDOFFS),
        other => Err(Error::misused_input(
            Input::Format,
            format!(
                "jsonl and parquet export touchpoints, threads and handoffs, not {}",
                other.word()
            ),
            Some(format!("export {} as csv or json", other.word())),
        )),
    }
}

/// Refuses filters that do not apply to `kind`: `--tag` filters touchpoints by their tags and
/// threads and handoffs have none; `--at` only changes thread and handoff facts.
pub fn check_filters(kind: ExportKind, filter: &ExportFilter, at_given: bool) -> Result<()> {
    if !filter.tags.is_empty() && matches!(kind, ExportKind::Threads | ExportKind::Handoffs) {
        return Err(Error::misused_input(
            Input::Tag,
            format!("does not filter {}", kind.word()),
            Some("drop the tag filter, or export touchpoints".into()),
        ));
    }
    if at_given && !matches!(kind, ExportKind::Threads | ExportKind::Handoffs) {
        return Err(Error::misused_input(
            Input::At,
            format!(
                "sets the instant thread and handoff facts are computed at, not {}",
                kind.word()
            ),
            None,
        ));
    }
    Ok(())
}

/// Loads the store without any key and builds the table of `kind`.
pub fn export_table(
    store: &Store,
    kind: ExportKind,
    filter: &ExportFilter,
    as_of: Timestamp,
) -> Result<Table> {
    schema(kind)?;
    super::check_channel_filter(kind, filter)?;
    let slugs = store.resolve_customers(&filter.customers)?;
    let no_keys = Keyring::empty();
    let bundles: Vec<CustomerBundle> = store
        .load_all_with(Keys::Given(&no_keys))?
        .into_iter()
        .filter(|b| slugs.is_empty() || slugs.contains(&b.customer.slug))
        .filter(|b| super::customer_matches(&b.customer, filter))
        .collect();
    table(store.config(), &bundles, kind, filter, as_of)
}

/// Builds the table of `kind` from loaded bundles (already narrowed to the customers the
/// filter keeps); `as_of` is the instant thread and handoff facts are computed at.
pub fn table(
    config: &Config,
    bundles: &[CustomerBundle],
    kind: ExportKind,
    filter: &ExportFilter,
    as_of: Timestamp,
) -> Result<Table> {
    let schema = schema(kind)?;
    let rows = match kind {
        ExportKind::Touchpoints => touchpoint_rows(bundles, filter),
        ExportKind::Threads | ExportKind::Handoffs => {
            let clocks = Clocks::new(config, ClockMode::Business)?;
            let wall = Clocks::new(config, ClockMode::Wall)?;
            let options = Options::last_days(as_of, 30);
            let facts = Facts::gather(bundles, &clocks, &options);
            let calendars = clocks.team_calendars();
            let calendar = |team: Option<&str>| team.and_then(|t| calendars.get(t)).cloned();
            if kind == ExportKind::Threads {
                facts
                    .threads
                    .iter()
                    .filter(|t| super::in_period(&t.started_at, filter))
                    .map(|t| {
                        (
                            month_of(&t.started_at),
                            thread_row(t, &wall, &calendar, as_of),
                        )
                    })
                    .collect()
            } else {
                let records: HashMap<_, &Handoff> = bundles
                    .iter()
                    .flat_map(|b| b.handoffs.iter().map(|l| (l.record.id, &l.record)))
                    .collect();
                facts
                    .handoffs
                    .iter()
                    .filter(|h| super::in_period(&h.at, filter))
                    .filter_map(|h| {
                        let record = records.get(&h.id)?;
                        Some((
                            month_of(&h.at),
                            handoff_row(h, record, &wall, &calendar, as_of),
                        ))
                    })
                    .collect()
            }
        }
        _ => Vec::new(),
    };
    let table = Table { schema, rows };
    debug_assert!(table.rows.iter().all(|(_, r)| schema.fits(r)));
    Ok(table)
}

fn opt(s: &Option<String>) -> Cell {
    Cell::Str(s.clone())
}

fn count(n: usize) -> Cell {
    Cell::Int(Some(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn touchpoint_rows(bundles: &[CustomerBundle], filter: &ExportFilter) -> Vec<(String, Vec<Cell>)> {
    let mut rows = Vec::new();
    for bundle in bundles {
        let slug = &bundle.customer.slug;
        let corrected = bundle.correction_marks();
        let mut list: Vec<_> = bundle.interactions.iter().map(|l| &l.record).collect();
        list.sort_by_key(|i| (i.at, i.id));
        for i in list {
            if !super::in_period(&i.at, filter)
                || !filter.tags.iter().all(|t| i.tags.contains(t))
                || !(filter.channels.is_empty() || filter.channels.contains(&i.channel))
            {
                continue;
            }
            // Any `restricted` key, readable or not, well-formed or not, keeps the content out.
            let team = restricted::of(&i.extra)
                .map(|_| restricted::team_of(&i.extra).unwrap_or_else(|| "(unknown)".to_string()));
            let content = |v: Option<String>| Cell::Str(v.filter(|_| team.is_none()));
            rows.push((
                month_of(&i.at),
                vec![
                    Cell::text(i.id.to_string()),
                    Cell::text(slug.clone()),
                    Cell::Time(Some(i.at)),
                    Cell::Time(Some(i.recorded_at)),
                    Cell::text(i.channel.clone()),
                    Cell::text(i.direction.to_string()),
                    Cell::text(i.by.clone()),
                    Cell::text(i.actor.to_string()),
                    Cell::text(i.thread.to_string()),
                    content(Some(i.summary.clone())),
                    content(i.body.clone()),
                    Cell::Bool(Some(i.resolves)),
                    Cell::List(i.tags.clone()),
                    Cell::Str(i.source.as_ref().map(|s| s.system.clone())),
                    Cell::Str(i.source.as_ref().map(|s| s.key.clone())),
                    Cell::Str(team),
                    Cell::Bool(Some(corrected.contains_key(&i.id))),
                ],
            ));
        }
    }
    rows
}

fn thread_row(
    t: &ThreadFact,
    wall: &Clocks,
    calendar: &dyn Fn(Option<&str>) -> Option<String>,
    as_of: Timestamp,
) -> Vec<Cell> {
    let wall_response = t
        .first_inbound
        .zip(t.first_reply)
        .map(|(a, b)| wall.measure(None, a, b).seconds);
    vec![
        Cell::text(t.thread.to_string()),
        Cell::text(t.dims.customer.clone()),
        Cell::Time(Some(t.started_at)),
        Cell::Bool(Some(t.started_inbound)),
        Cell::text(text(&t.dims.channel).unwrap_or_default()),
        opt(&text(&t.dims.team)),
        opt(&text(&t.dims.owner)),
        Cell::Time(t.first_inbound),
        Cell::Time(t.first_reply),
        Cell::Int(t.response.as_ref().map(|m| m.seconds)),
        Cell::Int(wall_response),
        Cell::Str(calendar(t.dims.team.as_deref())),
        Cell::Time(t.first_resolved),
        count(t.replies_to_resolution),
        Cell::Bool(Some(t.inbound_after_reply)),
        Cell::Bool(Some(t.reopened)),
        Cell::Bool(Some(t.unanswered_age.is_some())),
        Cell::Int(t.unanswered_age.as_ref().map(|m| m.seconds)),
        Cell::Int(t.unanswered_wall),
        count(t.touches),
        count(t.switches),
        Cell::Time(Some(as_of)),
    ]
}

/// How a handoff was accepted, in the words of its JSON (`first_touchpoint`).
fn acceptance_word(a: Acceptance) -> Option<String> {
    serde_json::to_value(a)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

fn handoff_row(
    h: &HandoffFact,
    record: &Handoff,
    wall: &Clocks,
    calendar: &dyn Fn(Option<&str>) -> Option<String>,
    as_of: Timestamp,
) -> Vec<Cell> {
    // The four states of `model::handoffs::HandoffState`, read back from the facts.
    let state = match (&h.accepted, h.superseded, h.pending_age.is_some()) {
        (Some(_), _, _) => "accepted",
        (None, true, _) => "superseded",
        (None, false, true) => "pending",
        (None, false, false) => "declined",
    };
    vec![
        Cell::text(h.id.to_string()),
        Cell::text(h.customer.clone()),
        Cell::Time(Some(h.at)),
        Cell::text(record.by.clone()),
        opt(&h.from.owner),
        opt(&h.from.team),
        opt(&h.to.owner),
        opt(&h.to.team),
        opt(&record.reason),
        Cell::text(state),
        Cell::Time(h.accepted.map(|(at, _)| at)),
        Cell::Str(h.accepted.and_then(|(_, how)| acceptance_word(how))),
        Cell::Int(h.time.as_ref().map(|m| m.seconds)),
        Cell::Int(
            h.accepted
                .map(|(at, _)| wall.measure(None, h.at, at).seconds),
        ),
        Cell::Str(calendar(h.to.team.as_deref())),
        Cell::Int(h.pending_age.as_ref().map(|m| m.seconds)),
        Cell::Int(h.pending_wall),
        Cell::Bool(Some(h.ping_pong)),
        Cell::Time(Some(as_of)),
    ]
}
