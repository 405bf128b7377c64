//! The CI gate: `--fail-if '<metric>.<stat> <op> <value>'`. A condition that holds is a
//! breach (the command exits 1); a malformed one is a usage error naming the expression and the
//! valid names. Durations are compared in seconds (`24h`, `1d`, `90m`), rates as fractions
//! (`0.6` or `60%`), counts as numbers.

use serde::Serialize;

use super::Metrics;
use crate::model::time::parse_duration;

/// What kind of number a statistic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Duration,
    Rate,
    Count,
}

/// Every statistic a gate can read, per metric.
pub const STATS: [(&str, &[(&str, Kind)]); 5] = [
    (
        "frt",
        &[
            ("n", Kind::Count),
            ("median", Kind::Duration),
            ("p90", Kind::Duration),
            ("mean", Kind::Duration),
            ("max", Kind::Duration),
            ("within_target", Kind::Count),
            ("within_target_share", Kind::Rate),
            ("breached", Kind::Count),
            ("unanswered", Kind::Count),
            ("unanswered_breached", Kind::Count),
            ("oldest_unanswered", Kind::Duration),
        ],
    ),
    (
        "fcr",
        &[
            ("n", Kind::Count),
            ("first_contact", Kind::Count),
            ("rate", Kind::Rate),
            ("reopened", Kind::Count),
        ],
    ),
    (
        "handoff",
        &[
            ("n", Kind::Count),
            ("median", Kind::Duration),
            ("p90", Kind::Duration),
            ("mean", Kind::Duration),
            ("max", Kind::Duration),
            ("within_target", Kind::Count),
            ("within_target_share", Kind::Rate),
            ("breached", Kind::Count),
            ("pending", Kind::Count),
            ("pending_breached", Kind::Count),
            ("oldest_pending", Kind::Duration),
            ("ping_pong", Kind::Count),
        ],
    ),
    (
        "coverage",
        &[
            ("n", Kind::Count),
            ("covered", Kind::Count),
            ("rate", Kind::Rate),
            ("stale", Kind::Count),
            ("lag_median", Kind::Duration),
            ("lag_p90", Kind::Duration),
        ],
    ),
    (
        "consistency",
        &[
            ("n", Kind::Count),
            ("followed", Kind::Count),
            ("rate", Kind::Rate),
            ("same_channel_rate", Kind::Rate),
            ("switch_rate", Kind::Rate),
        ],
    ),
];

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Op {
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
}

impl Op {
    const ALL: [(&'static str, Op); 6] = [
        (">=", Op::Ge),
        ("<=", Op::Le),
        ("==", Op::Eq),
        ("!=", Op::Ne),
        (">", Op::Gt),
        ("<", Op::Lt),
    ];

    fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Op::Gt => a > b,
            Op::Ge => a >= b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Eq => a == b,
            Op::Ne => a != b,
        }
    }
}

/// A parsed `--fail-if` condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub text: String,
    pub metric: String,
    pub stat: String,
    pub kind: Kind,
    pub op: Op,
    /// The threshold: seconds, a fraction or a count.
    pub value: f64,
}

fn valid_names() -> String {
    STATS
        .iter()
        .map(|(m, stats)| {
            let names: Vec<&str> = stats.iter().map(|(s, _)| *s).collect();
            format!("{m}.{{{}}}", names.join(","))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses `handoff.p90 > 24h`. The error is a usage error naming the expression.
pub fn parse(text: &str) -> crate::Result<Condition> {
    let bad = |why: String| {
        crate::Error::misused_input(
            crate::error::Input::FailIf,
            format!("`{}`: {why}", crate::model::text::escape(text.trim())),
            Some(format!(
                "write '<metric>.<stat> <op> <value>' with op one of > >= < <= == !=, for example 'handoff.p90 > 24h' or 'fcr.rate < 0.6'; valid names: {}",
                valid_names()
            )),
        )
    };
    let (pos, op_text, op) = Op::ALL
        .iter()
        .filter_map(|(t, op)| text.find(t).map(|p| (p, *t, *op)))
        .min_by_key(|(p, t, _)| (*p, usize::MAX - t.len()))
        .ok_or_else(|| bad("no comparison operator".into()))?;
    let name = text[..pos].trim();
    let value = text[pos + op_text.len()..].trim();
    let (metric, stat) = name
        .split_once('.')
        .ok_or_else(|| bad(format!("`{name}` is not <metric>.<stat>")))?;
    let stats = STATS
        .iter()
        .find(|(m, _)| *m == metric)
        .map(|(_, s)| *s)
        .ok_or_else(|| bad(format!("unknown metric `{metric}`")))?;
    let kind = stats
        .iter()
        .find(|(s, _)| *s == stat)
        .map(|(_, k)| *k)
        .ok_or_else(|| bad(format!("`{metric}` has no statistic `{stat}`")))?;
    let number = |v: &str| v.parse::<f64>().ok().filter(|x| x.is_finite());
    let value = match kind {
        Kind::Duration if value == "0" => Some(0.0),
        Kind::Duration => parse_duration(value).ok().map(|d| d.num_seconds() as f64),
        Kind::Rate => match value.strip_suffix('%') {
            Some(p) => number(p).map(|x| x / 100.0),
            None => number(value),
        },
        Kind::Count => number(value),
    }
    .ok_or_else(|| {
        let expected = match kind {
            Kind::Duration => "a duration such as 4h, 1d or 90m",
            Kind::Rate => "a fraction such as 0.6 or a percentage such as 60%",
            Kind::Count => "a number",
        };
        bad(format!("`{value}` is not {expected}"))
    })?;
    Ok(Condition {
        text: text.trim().to_string(),
        metric: metric.to_string(),
        stat: stat.to_string(),
        kind,
        op,
        value,
    })
}

/// The outcome of one condition on a report.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub condition: String,
    /// The statistic's value (seconds, fraction or count); `null` when there was no data.
    pub value: Option<f64>,
    pub breached: bool,
    /// What the statistic was, for people: `handoff.p90 is 26h 5m`.
    pub message: String,
}

fn secs(v: Option<i64>) -> Option<f64> {
    v.map(|x| x as f64)
}

fn count(v: usize) -> Option<f64> {
    Some(v as f64)
}

/// The value of `metric.stat` in a report (or a group).
pub fn value(report: &Metrics, metric: &str, stat: &str) -> Option<f64> {
    let (f, h, c, k) = (
        &report.frt,
        &report.handoff,
        &report.coverage,
        &report.consistency,
    );
    match (metric, stat) {
        ("frt", "n") => count(f.response.n),
        ("frt", "median") => secs(f.response.median),
        ("frt", "p90") => secs(f.response.p90),
        ("frt", "mean") => secs(f.response.mean),
        ("frt", "max") => secs(f.response.max),
        ("frt", "within_target") => f.target.as_ref().and_then(|t| count(t.within)),
        ("frt", "within_target_share") => f.target.as_ref().and_then(|t| t.share),
        ("frt", "breached") => f.target.as_ref().and_then(|t| count(t.breached)),
        ("frt", "unanswered") => count(f.unanswered),
        ("frt", "unanswered_breached") => f.unanswered_breached.and_then(count),
        ("frt", "oldest_unanswered") => secs(f.oldest_unanswered),
        ("fcr", "n") => count(report.fcr.resolved),
        ("fcr", "first_contact") => count(report.fcr.first_contact),
        ("fcr", "rate") => report.fcr.rate,
        ("fcr", "reopened") => count(report.fcr.reopened),
        ("handoff", "n") => count(h.time.n),
        ("handoff", "median") => secs(h.time.median),
        ("handoff", "p90") => secs(h.time.p90),
        ("handoff", "mean") => secs(h.time.mean),
        ("handoff", "max") => secs(h.time.max),
        ("handoff", "within_target") => h.target.as_ref().and_then(|t| count(t.within)),
        ("handoff", "within_target_share") => h.target.as_ref().and_then(|t| t.share),
        ("handoff", "breached") => h.target.as_ref().and_then(|t| count(t.breached)),
        ("handoff", "pending") => count(h.pending),
        ("handoff", "pending_breached") => h.pending_breached.and_then(count),
        ("handoff", "oldest_pending") => secs(h.oldest_pending),
        ("handoff", "ping_pong") => count(h.ping_pong),
        ("coverage", "n") => count(c.customers),
        ("coverage", "covered") => count(c.covered),
        ("coverage", "rate") => c.rate,
        ("coverage", "stale") => count(c.stale),
        ("coverage", "lag_median") => secs(c.logging_lag.median),
        ("coverage", "lag_p90") => secs(c.logging_lag.p90),
        ("consistency", "n") => count(k.arrivals),
        ("consistency", "followed") => count(k.followed),
        ("consistency", "rate") => k.rate,
        ("consistency", "same_channel_rate") => k.same_channel_rate,
        ("consistency", "switch_rate") => k.switch_rate,
        _ => None,
    }
}

/// Shows a duration of the metrics in hours and minutes (`230h 14m`, `43m`): never in days,
/// because a business day is not 24 hours.
pub fn hours(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    match (s / 3600, s % 3600 / 60) {
        (0, 0) => format!("{sign}{s}s"),
        (0, m) => format!("{sign}{m}m"),
        (h, 0) => format!("{sign}{h}h"),
        (h, m) => format!("{sign}{h}h {m}m"),
    }
}

/// Shows a value of `kind` for people.
pub fn show(kind: Kind, v: f64) -> String {
    match kind {
        Kind::Duration => hours(v as i64),
        Kind::Rate => format!("{:.0}%", v * 100.0),
        Kind::Count => format!("{v}"),
    }
}

/// Evaluates the conditions. A statistic without data (no measurement, or no target for a
/// target statistic) never breaches; its message says so.
pub fn evaluate(report: &Metrics, conditions: &[Condition]) -> Vec<Outcome> {
    conditions
        .iter()
        .map(|c| {
            let v = value(report, &c.metric, &c.stat);
            let name = format!("{}.{}", c.metric, c.stat);
            let (breached, message) = match v {
                Some(v) => (
                    c.op.holds(v, c.value),
                    format!("{name} is {}", show(c.kind, v)),
                ),
                None => (false, format!("{name} has no data")),
            };
            Outcome {
                condition: c.text.clone(),
                value: v,
                breached,
                message,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_conditions() {
        let c = parse("handoff.p90 > 24h").unwrap();
        assert_eq!(
            (c.metric.as_str(), c.stat.as_str(), c.op, c.value),
            ("handoff", "p90", Op::Gt, 86_400.0)
        );
        let c = parse("fcr.rate<60%").unwrap();
        assert_eq!((c.op, c.value), (Op::Lt, 0.6));
        let c = parse("frt.unanswered >= 1").unwrap();
        assert_eq!((c.op, c.value), (Op::Ge, 1.0));
        for bad in [
            "handoff.p90",
            "handoff.p99 > 1h",
            "nps.score > 1",
            "fcr.rate < soon",
            "p90 > 1h",
            "frt.median > 4",
        ] {
            let err = parse(bad).unwrap_err();
            assert!(err.is_usage(), "{bad}");
            assert!(
                err.to_string().starts_with(&format!("fail-if: `{bad}`")),
                "{err}"
            );
            assert!(err.hint().unwrap().contains("frt.{n,median"));
        }
    }
}
