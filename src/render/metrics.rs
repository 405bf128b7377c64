//! `git crm metrics` output: terminal tables, Markdown (a GitHub Actions step summary or a
//! merge-request comment), CSV in long form (`group,metric,stat,value`, one row per statistic)
//! and the versioned JSON document of docs/metrics.md. Every format prints the parameters.

use chrono::Duration;
use chrono_tz::Tz;

use super::{Format, Ui, csv, markdown_table, table};
use crate::metrics::gate::{self, Kind, Outcome};
use crate::metrics::{Metrics, Params, Report, Slice};
use crate::model::text::escape;
use crate::model::time::format_duration;

/// Which part of the report to show: the overview or one metric in depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Overview,
    Frt,
    Fcr,
    Handoff,
    Coverage,
    Consistency,
}

impl Part {
    /// The metric's name in JSON, CSV and `--fail-if` (`frt`, `fcr`, ...).
    pub fn name(self) -> Option<&'static str> {
        match self {
            Part::Overview => None,
            Part::Frt => Some("frt"),
            Part::Fcr => Some("fcr"),
            Part::Handoff => Some("handoff"),
            Part::Coverage => Some("coverage"),
            Part::Consistency => Some("consistency"),
        }
    }
}

fn dur(v: Option<i64>) -> String {
    v.map_or("-".into(), gate::hours)
}

fn wall(s: i64) -> String {
    format_duration(Duration::seconds(s))
}

fn pct(v: Option<f64>) -> String {
    v.map_or("-".into(), |r| format!("{:.0}%", r * 100.0))
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "-".into())
}

fn when(text: &str, tz: Tz) -> String {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| text.to_string())
}

fn filters(s: &Slice) -> String {
    let parts: Vec<String> = [
        ("team", &s.team),
        ("owner", &s.owner),
        ("channel", &s.channel),
        ("tag", &s.tag),
        ("customer", &s.customer),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}", v.join(",")))
    .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(" ")
    }
}

/// The parameters as `key: value` lines, in a stable order.
pub fn param_lines(p: &Params) -> Vec<(String, String)> {
    let tz: Tz = p.tz.parse().unwrap_or(Tz::UTC);
    let calendars = if p.calendars.is_empty() {
        "none".to_string()
    } else {
        p.calendars
            .iter()
            .map(|(t, c)| format!("{t}={c}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let clock = match p.clock {
        crate::metrics::ClockMode::Business => {
            format!("business hours of the owning team's calendar ({calendars}), else wall clock")
        }
        crate::metrics::ClockMode::Wall => "wall clock".into(),
    };
    let targets = if p.targets.is_empty() {
        "none".to_string()
    } else {
        p.targets
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fcr_rule = serde_json::to_value(p.fcr_rule)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut lines = vec![
        (
            "period".to_string(),
            format!(
                "{} .. {} ({})",
                when(&p.since, tz),
                when(&p.until, tz),
                p.tz
            ),
        ),
        ("as of".into(), when(&p.as_of, tz)),
        ("clock".into(), clock),
        ("targets".into(), targets),
        ("fcr rule".into(), fcr_rule),
        (
            "counted".into(),
            format!(
                "{} touchpoints only; percentiles {}",
                p.actors, p.percentiles
            ),
        ),
        ("filters".into(), filters(&p.filters)),
    ];
    if let Some(by) = p.by {
        lines.push((
            "by".into(),
            serde_json::to_value(by)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        ));
    }
    lines
}

fn target_text(t: &Option<crate::metrics::stats::TargetStats>, n: usize) -> String {
    match t {
        Some(t) => format!(
            "{} within {} ({}), {} over",
            t.within,
            dur(Some(t.target)),
            if n == 0 { "-".into() } else { pct(t.share) },
            t.breached
        ),
        None => "no target".into(),
    }
}

/// The overview rows: metric, value, n, details.
fn overview_rows(m: &Metrics) -> Vec<Vec<String>> {
    let (f, c, h, v, k) = (&m.frt, &m.fcr, &m.handoff, &m.coverage, &m.consistency);
    let unanswered_breach = f
        .unanswered_breached
        .map_or(String::new(), |b| format!(", {b} over target"));
    let pending_breach = h
        .pending_breached
        .map_or(String::new(), |b| format!(", {b} over target"));
    vec![
        vec![
            "first response time".into(),
            format!(
                "median {}, p90 {}",
                dur(f.response.median),
                dur(f.response.p90)
            ),
            f.response.n.to_string(),
            format!(
                "mean {}, max {}; {}",
                dur(f.response.mean),
                dur(f.response.max),
                target_text(&f.target, f.response.n)
            ),
        ],
        vec![
            "unanswered threads".into(),
            f.unanswered.to_string(),
            f.threads.to_string(),
            format!("oldest {}{unanswered_breach}", dur(f.oldest_unanswered)),
        ],
        vec![
            "first contact resolution".into(),
            pct(c.rate),
            c.resolved.to_string(),
            format!(
                "{} at first contact, {} reopened",
                c.first_contact, c.reopened
            ),
        ],
        vec![
            "handoff time".into(),
            format!("median {}, p90 {}", dur(h.time.median), dur(h.time.p90)),
            h.time.n.to_string(),
            format!(
                "mean {}, max {}; {}",
                dur(h.time.mean),
                dur(h.time.max),
                target_text(&h.target, h.time.n)
            ),
        ],
        vec![
            "pending handoffs".into(),
            h.pending.to_string(),
            h.handoffs.to_string(),
            format!(
                "oldest {}{pending_breach}; {} ping-pong",
                dur(h.oldest_pending),
                h.ping_pong
            ),
        ],
        vec![
            "interaction coverage".into(),
            pct(v.rate),
            v.customers.to_string(),
            format!(
                "{} covered, {} stale; logging lag median {}",
                v.covered,
                v.stale,
                dur(v.logging_lag.median)
            ),
        ],
        vec![
            "channel consistency".into(),
            pct(k.rate),
            k.arrivals.to_string(),
            format!(
                "{} followed; replies on the customer's channel {} of {}; threads switching channel {} of {}",
                k.followed,
                pct(k.same_channel_rate),
                k.replies,
                pct(k.switch_rate),
                k.threads
            ),
        ],
    ]
}

const OVERVIEW_HEADERS: [&str; 4] = ["metric", "value", "n", "details"];

const GROUP_HEADERS: [&str; 11] = [
    "group",
    "frt n",
    "frt median",
    "frt p90",
    "unanswered",
    "fcr",
    "handoffs",
    "handoff median",
    "pending",
    "coverage",
    "consistency",
];

/// The columns of [`GROUP_HEADERS`] that belong to one metric: a terminal too narrow for the
/// whole table gets it in parts, never a metric split between two.
const GROUP_PARTS: [std::ops::Range<usize>; 5] = [1..5, 5..6, 6..9, 9..10, 10..11];

fn group_rows(report: &Report) -> Vec<Vec<String>> {
    report
        .groups
        .iter()
        .map(|g| {
            let m = &g.metrics;
            vec![
                g.key.clone(),
                m.frt.response.n.to_string(),
                dur(m.frt.response.median),
                dur(m.frt.response.p90),
                m.frt.unanswered.to_string(),
                format!("{} of {}", pct(m.fcr.rate), m.fcr.resolved),
                m.handoff.time.n.to_string(),
                dur(m.handoff.time.median),
                m.handoff.pending.to_string(),
                format!("{} of {}", pct(m.coverage.rate), m.coverage.customers),
                format!("{} of {}", pct(m.consistency.rate), m.consistency.arrivals),
            ]
        })
        .collect()
}

/// A titled table of a metric in depth.
struct Section {
    title: String,
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

fn section(title: &str, headers: &[&'static str], rows: Vec<Vec<String>>) -> Section {
    Section {
        title: title.into(),
        headers: headers.to_vec(),
        rows,
    }
}

fn stat_rows(m: &Metrics, metric: &str) -> Vec<Vec<String>> {
    gate::stats_of(metric)
        .iter()
        .map(|stat| {
            vec![
                stat.name.to_string(),
                stat.value(m)
                    .map_or("-".into(), |v| gate::show(stat.kind, v)),
            ]
        })
        .collect()
}

fn detail_sections(m: &Metrics, part: Part, tz: Tz) -> Vec<Section> {
    let name = part.name().unwrap_or_default();
    let mut out = vec![section(name, &["stat", "value"], stat_rows(m, name))];
    match part {
        Part::Frt => {
            let rows = m
                .frt
                .unanswered_threads
                .iter()
                .map(|u| {
                    vec![
                        u.customer.clone(),
                        u.thread.clone(),
                        u.subject.clone(),
                        opt(&u.channel),
                        opt(&u.owner),
                        when(&u.since, tz),
                        dur(Some(u.age)),
                        wall(u.wall_age),
                        u.breached
                            .map_or("-".into(), |b| if b { "yes" } else { "no" }.into()),
                    ]
                })
                .collect();
            out.push(section(
                "Unanswered threads",
                &[
                    "customer",
                    "thread",
                    "subject",
                    "channel",
                    "owner",
                    "waiting since",
                    "age",
                    "wall age",
                    "breach",
                ],
                rows,
            ));
        }
        Part::Fcr => {
            let rows = m
                .fcr
                .threads
                .iter()
                .map(|r| {
                    vec![
                        r.customer.clone(),
                        r.thread.clone(),
                        r.subject.clone(),
                        when(&r.resolved_at, tz),
                        r.replies.to_string(),
                        if r.inbound_after_reply { "yes" } else { "no" }.into(),
                        if r.reopened { "yes" } else { "no" }.into(),
                        if r.first_contact { "yes" } else { "no" }.into(),
                    ]
                })
                .collect();
            out.push(section(
                "Resolved threads",
                &[
                    "customer",
                    "thread",
                    "subject",
                    "resolved",
                    "replies",
                    "inbound after reply",
                    "reopened",
                    "first contact",
                ],
                rows,
            ));
        }
        Part::Handoff => {
            let h = &m.handoff;
            out.push(section(
                "Pending handoffs",
                &[
                    "customer", "handoff", "at", "from", "to", "age", "wall age", "breach",
                ],
                h.pending_handoffs
                    .iter()
                    .map(|p| {
                        vec![
                            p.customer.clone(),
                            p.id.clone(),
                            when(&p.at, tz),
                            p.from.clone(),
                            p.to.clone(),
                            dur(Some(p.age)),
                            wall(p.wall_age),
                            p.breached
                                .map_or("-".into(), |b| if b { "yes" } else { "no" }.into()),
                        ]
                    })
                    .collect(),
            ));
            out.push(section(
                "By team (from -> to)",
                &[
                    "from team",
                    "to team",
                    "handoffs",
                    "accepted",
                    "median",
                    "p90",
                    "max",
                ],
                h.routes
                    .iter()
                    .map(|r| {
                        vec![
                            opt(&r.from_team),
                            opt(&r.to_team),
                            r.handoffs.to_string(),
                            r.time.n.to_string(),
                            dur(r.time.median),
                            dur(r.time.p90),
                            dur(r.time.max),
                        ]
                    })
                    .collect(),
            ));
            out.push(section(
                "Ping-pong (A -> B -> A)",
                &["customer", "at", "owners"],
                h.ping_pongs
                    .iter()
                    .map(|p| vec![p.customer.clone(), when(&p.at, tz), p.owners.join(" -> ")])
                    .collect(),
            ));
            out.push(section(
                "Handoffs per customer",
                &["customer", "handoffs"],
                h.per_customer
                    .iter()
                    .map(|p| vec![p.customer.clone(), p.handoffs.to_string()])
                    .collect(),
            ));
        }
        Part::Coverage => {
            let c = &m.coverage;
            out.push(section(
                "Weekly coverage",
                &["week", "customers", "covered", "rate"],
                c.weeks
                    .iter()
                    .map(|w| {
                        vec![
                            w.week.key.clone(),
                            w.customers.to_string(),
                            w.covered.to_string(),
                            pct(w.rate),
                        ]
                    })
                    .collect(),
            ));
            let share_rows = |list: &[crate::metrics::coverage::Share]| {
                list.iter()
                    .map(|s| {
                        vec![
                            s.key.clone(),
                            s.customers.to_string(),
                            s.covered.to_string(),
                            pct(s.rate),
                        ]
                    })
                    .collect()
            };
            out.push(section(
                "By owner",
                &["owner", "customers", "covered", "rate"],
                share_rows(&c.by_owner),
            ));
            out.push(section(
                "By team",
                &["team", "customers", "covered", "rate"],
                share_rows(&c.by_team),
            ));
            out.push(section(
                "Touchpoints by channel and team",
                &["channel", "team", "touchpoints"],
                c.channel_team
                    .iter()
                    .map(|x| vec![x.channel.clone(), opt(&x.team), x.touchpoints.to_string()])
                    .collect(),
            ));
            out.push(section(
                "Stale customers",
                &[
                    "customer",
                    "name",
                    "owner",
                    "team",
                    "last touchpoint",
                    "days since",
                ],
                c.stale_customers
                    .iter()
                    .map(|s| {
                        vec![
                            s.customer.clone(),
                            s.name.clone(),
                            opt(&s.owner),
                            opt(&s.team),
                            s.last_touchpoint
                                .as_deref()
                                .map_or("never".into(), |t| when(t, tz)),
                            s.days_since.map_or("-".into(), |d| d.to_string()),
                        ]
                    })
                    .collect(),
            ));
        }
        Part::Consistency | Part::Overview => {}
    }
    out
}

fn gate_lines(outcomes: &[Outcome]) -> Vec<String> {
    outcomes
        .iter()
        .map(|o| {
            let mark = if o.breached { "FAILED" } else { "ok" };
            format!("{mark}: {} ({})", escape(&o.condition), escape(&o.message))
        })
        .collect()
}

fn params_json(p: &Params) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or(serde_json::Value::Null)
}

/// The parameters as `,params,<key>,<value>` rows, so a CSV report also says how it was made.
fn param_csv(p: &Params) -> Vec<Vec<String>> {
    let value = serde_json::to_value(p).unwrap_or_default();
    let Some(map) = value.as_object() else {
        return Vec::new();
    };
    map.iter()
        .map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            vec![String::new(), "params".into(), k.clone(), text]
        })
        .collect()
}

fn csv_rows(report: &Report, part: Part) -> Vec<Vec<String>> {
    let metrics: Vec<&str> = match part.name() {
        Some(name) => vec![name],
        None => crate::metrics::METRICS.to_vec(),
    };
    let mut rows: Vec<Vec<String>> = param_csv(&report.params);
    let groups = std::iter::once(("", &report.metrics))
        .chain(report.groups.iter().map(|g| (g.key.as_str(), &g.metrics)));
    for (key, m) in groups {
        for metric in &metrics {
            for stat in gate::stats_of(metric) {
                let v = stat.value(m).map_or(String::new(), |v| match stat.kind {
                    Kind::Rate => format!("{v:.4}"),
                    _ => format!("{v}"),
                });
                rows.push(vec![
                    key.to_string(),
                    metric.to_string(),
                    stat.name.to_string(),
                    v,
                ]);
            }
        }
    }
    rows
}

/// `metrics --format json` (docs/metrics.md): the parameters, the metrics asked for (all five,
/// or the one of `metrics <name>`), the `--by` groups and the `--fail-if` outcomes when there
/// are any.
#[derive(serde::Serialize)]
struct Document<'a> {
    params: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    frt: Option<&'a crate::metrics::frt::Frt>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fcr: Option<&'a crate::metrics::fcr::Fcr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    handoff: Option<&'a crate::metrics::handoff::HandoffReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<&'a crate::metrics::coverage::Coverage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consistency: Option<&'a crate::metrics::consistency::Consistency>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    groups: &'a [crate::metrics::Group],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    gates: &'a [Outcome],
}

impl<'a> Document<'a> {
    fn of(report: &'a Report, part: Part, gates: &'a [Outcome]) -> Self {
        let m = &report.metrics;
        let shown = |name: &str| part.name().is_none_or(|p| p == name);
        Document {
            params: params_json(&report.params),
            frt: shown("frt").then_some(&m.frt),
            fcr: shown("fcr").then_some(&m.fcr),
            handoff: shown("handoff").then_some(&m.handoff),
            coverage: shown("coverage").then_some(&m.coverage),
            consistency: shown("consistency").then_some(&m.consistency),
            groups: &report.groups,
            gates,
        }
    }
}

/// Renders `part` of the report in `format`, with the gate outcomes when there are any.
pub fn render(ui: &Ui, format: Format, report: &Report, part: Part, gates: &[Outcome]) -> String {
    let tz: Tz = report.params.tz.parse().unwrap_or(Tz::UTC);
    match format {
        Format::Json => super::json_of(&Document::of(report, part, gates)),
        Format::Csv => csv(
            &["group", "metric", "stat", "value"],
            &csv_rows(report, part),
        ),
        Format::Markdown => markdown(report, part, gates, tz),
        Format::Table => text(ui, report, part, gates, tz),
    }
}

fn title(part: Part) -> &'static str {
    match part {
        Part::Overview => "Metrics",
        Part::Frt => "First response time",
        Part::Fcr => "First contact resolution",
        Part::Handoff => "Handoff time",
        Part::Coverage => "Interaction coverage",
        Part::Consistency => "Channel consistency",
    }
}

fn text(ui: &Ui, report: &Report, part: Part, gates: &[Outcome], tz: Tz) -> String {
    let mut out = format!("{}\n", title(part));
    for (k, v) in param_lines(&report.params) {
        // A long value (the calendars of every team) goes on under itself, broken between
        // words, never through a team's name.
        let line = format!("{k}: {}", escape(&v));
        let lines = match ui.width {
            Some(w) => super::columns::wrap(&line, usize::from(w).saturating_sub(4)),
            None => vec![line],
        };
        for (i, l) in lines.iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            out.push_str(&format!("{indent}{l}\n"));
        }
    }
    out.push('\n');
    if part == Part::Overview {
        out.push_str(&table(
            ui,
            &OVERVIEW_HEADERS,
            &overview_rows(&report.metrics),
        ));
    } else {
        for s in detail_sections(&report.metrics, part, tz) {
            if s.title != part.name().unwrap_or_default() {
                out.push_str(&format!("\n{}\n", s.title));
            }
            if s.rows.is_empty() {
                out.push_str("  (none)\n");
            } else {
                out.push_str(&table(ui, &s.headers, &s.rows));
            }
        }
    }
    if !report.groups.is_empty() {
        out.push_str("\nBy group\n");
        out.push_str(&super::columns::columns_in_parts(
            &GROUP_HEADERS,
            &group_rows(report),
            &ui.layout(),
            &GROUP_PARTS,
        ));
    }
    if !gates.is_empty() {
        out.push_str("\nGates\n");
        for line in gate_lines(gates) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

fn markdown(report: &Report, part: Part, gates: &[Outcome], tz: Tz) -> String {
    let mut out = format!("## {}\n\n", title(part));
    for (k, v) in param_lines(&report.params) {
        out.push_str(&format!("- **{k}**: {}\n", super::markdown::escape_md(&v)));
    }
    out.push('\n');
    if part == Part::Overview {
        out.push_str(&markdown_table(
            &OVERVIEW_HEADERS,
            &overview_rows(&report.metrics),
        ));
    } else {
        for s in detail_sections(&report.metrics, part, tz) {
            if s.title != part.name().unwrap_or_default() {
                out.push_str(&format!("\n### {}\n\n", s.title));
            }
            if s.rows.is_empty() {
                out.push_str("_none_\n");
            } else {
                out.push_str(&markdown_table(&s.headers, &s.rows));
            }
        }
    }
    if !report.groups.is_empty() {
        out.push_str("\n### By group\n\n");
        out.push_str(&markdown_table(&GROUP_HEADERS, &group_rows(report)));
    }
    if !gates.is_empty() {
        out.push_str("\n### Gates\n\n");
        for line in gate_lines(gates) {
            out.push_str(&format!("- {}\n", super::markdown::escape_md(&line)));
        }
    }
    out
}
