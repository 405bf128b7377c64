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

/// One statistic a gate can read.
#[derive(Debug, Clone, Copy)]
pub struct Stat {
    pub name: &'static str,
    pub kind: Kind,
    read: fn(&Metrics) -> Option<f64>,
}

impl Stat {
    const fn new(name: &'static str, kind: Kind, read: fn(&Metrics) -> Option<f64>) -> Self {
        Stat { name, kind, read }
    }

    /// The statistic's value in a report (or a group): seconds, a fraction or a count;
    /// `None` without data.
    pub fn value(&self, report: &Metrics) -> Option<f64> {
        (self.read)(report)
    }
}

/// The statistics of `metric` (none for an unknown one).
pub fn stats_of(metric: &str) -> &'static [Stat] {
    STATS
        .iter()
        .find(|(m, _)| *m == metric)
        .map_or(&[], |(_, s)| *s)
}

/// Every statistic a gate can read, per metric: its name, its kind and how it is read from a
/// report, in one table (the names `--fail-if` accepts and the values it compares cannot drift
/// apart).
pub const STATS: [(&str, &[Stat]); 5] = [
    (
        "frt",
        &[
            Stat::new("n", Kind::Count, |m| count(m.frt.response.n)),
            Stat::new("median", Kind::Duration, |m| secs(m.frt.response.median)),
            Stat::new("p90", Kind::Duration, |m| secs(m.frt.response.p90)),
            Stat::new("mean", Kind::Duration, |m| secs(m.frt.response.mean)),
            Stat::new("max", Kind::Duration, |m| secs(m.frt.response.max)),
            Stat::new("within_target", Kind::Count, |m| {
                m.frt.target.as_ref().and_then(|t| count(t.within))
            }),
            Stat::new("within_target_share", Kind::Rate, |m| {
                m.frt.target.as_ref().and_then(|t| t.share)
            }),
            Stat::new("breached", Kind::Count, |m| {
                m.frt.target.as_ref().and_then(|t| count(t.breached))
            }),
            Stat::new("unanswered", Kind::Count, |m| count(m.frt.unanswered)),
            Stat::new("unanswered_breached", Kind::Count, |m| {
                m.frt.unanswered_breached.and_then(count)
            }),
            Stat::new("oldest_unanswered", Kind::Duration, |m| {
                secs(m.frt.oldest_unanswered)
            }),
        ],
    ),
    (
        "fcr",
        &[
            Stat::new("n", Kind::Count, |m| count(m.fcr.resolved)),
            Stat::new("first_contact", Kind::Count, |m| count(m.fcr.first_contact)),
            Stat::new("rate", Kind::Rate, |m| m.fcr.rate),
            Stat::new("reopened", Kind::Count, |m| count(m.fcr.reopened)),
        ],
    ),
    (
        "handoff",
        &[
            Stat::new("n", Kind::Count, |m| count(m.handoff.time.n)),
            Stat::new("median", Kind::Duration, |m| secs(m.handoff.time.median)),
            Stat::new("p90", Kind::Duration, |m| secs(m.handoff.time.p90)),
            Stat::new("mean", Kind::Duration, |m| secs(m.handoff.time.mean)),
            Stat::new("max", Kind::Duration, |m| secs(m.handoff.time.max)),
            Stat::new("within_target", Kind::Count, |m| {
                m.handoff.target.as_ref().and_then(|t| count(t.within))
            }),
            Stat::new("within_target_share", Kind::Rate, |m| {
                m.handoff.target.as_ref().and_then(|t| t.share)
            }),
            Stat::new("breached", Kind::Count, |m| {
                m.handoff.target.as_ref().and_then(|t| count(t.breached))
            }),
            Stat::new("pending", Kind::Count, |m| count(m.handoff.pending)),
            Stat::new("pending_breached", Kind::Count, |m| {
                m.handoff.pending_breached.and_then(count)
            }),
            Stat::new("oldest_pending", Kind::Duration, |m| {
                secs(m.handoff.oldest_pending)
            }),
            Stat::new("ping_pong", Kind::Count, |m| count(m.handoff.ping_pong)),
        ],
    ),
    (
        "coverage",
        &[
            Stat::new("n", Kind::Count, |m| count(m.coverage.customers)),
            Stat::new("covered", Kind::Count, |m| count(m.coverage.covered)),
            Stat::new("rate", Kind::Rate, |m| m.coverage.rate),
            Stat::new("stale", Kind::Count, |m| count(m.coverage.stale)),
            Stat::new("lag_median", Kind::Duration, |m| {
                secs(m.coverage.logging_lag.median)
            }),
            Stat::new("lag_p90", Kind::Duration, |m| {
                secs(m.coverage.logging_lag.p90)
            }),
        ],
    ),
    (
        "consistency",
        &[
            Stat::new("n", Kind::Count, |m| count(m.consistency.arrivals)),
            Stat::new("followed", Kind::Count, |m| count(m.consistency.followed)),
            Stat::new("rate", Kind::Rate, |m| m.consistency.rate),
            Stat::new("same_channel_rate", Kind::Rate, |m| {
                m.consistency.same_channel_rate
            }),
            Stat::new("switch_rate", Kind::Rate, |m| m.consistency.switch_rate),
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
            let names: Vec<&str> = stats.iter().map(|s| s.name).collect();
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
        .find(|s| s.name == stat)
        .map(|s| s.kind)
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
    stats_of(metric)
        .iter()
        .find(|s| s.name == stat)
        .and_then(|s| s.value(report))
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

    /// One thread answered in an hour, resolved by the reply (strict FCR 1 of 1), and one
    /// handoff nobody took over (pending): the gate reads each from the report.
    #[test]
    fn each_statistic_reads_its_value() {
        use super::super::fixtures::{bundle, february, handoff, metrics, resolving, tp};
        use crate::model::Config;
        use crate::model::records::Direction::*;
        let b = bundle(
            vec![
                tp(1, 1, "2026-02-02T10:00:00Z", Inbound, "x"),
                resolving(tp(2, 1, "2026-02-02T11:00:00Z", Outbound, "a")),
            ],
            vec![handoff(3, "2026-02-03T10:00:00Z", "a", "b")],
        );
        let m = metrics(&Config::default(), &[b], &february("2026-02-04T10:00:00Z"));
        assert_eq!(value(&m, "frt", "median"), Some(3600.0));
        assert_eq!(value(&m, "frt", "unanswered"), Some(0.0));
        assert_eq!(value(&m, "frt", "within_target"), None, "no target");
        assert_eq!(value(&m, "fcr", "rate"), Some(1.0));
        assert_eq!(value(&m, "handoff", "pending"), Some(1.0));
        assert_eq!(value(&m, "handoff", "oldest_pending"), Some(86_400.0));
        assert_eq!(value(&m, "coverage", "n"), Some(1.0));
        assert_eq!(value(&m, "handoff", "p99"), None);
        assert_eq!(value(&m, "nps", "n"), None);
        for (metric, stats) in STATS {
            let mut names: Vec<&str> = stats.iter().map(|s| s.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), stats.len(), "{metric}: a name twice");
        }
    }
}
