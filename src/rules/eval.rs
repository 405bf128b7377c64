//! Judging conditions. A condition is judged on a [`Subject`]: a customer as of an instant (a
//! [`Scene`]), plus what fired the rule (the logged touchpoint, the thread, the handoff, the
//! task, the changed fields). Thread ages and the last contact come from the metrics' facts of
//! the customer ([`crate::metrics::facts`]), measured in the business hours of the owning
//! team's calendar exactly as `git crm metrics` measures them; nothing here computes threads
//! or business time again.
//!
//! Judging answers more than yes or no: for the time conditions (`days_without_contact`,
//! `thread.unanswered_for`, `task.days_overdue` with `at_least`) it also says *when* the
//! condition became true, so that what a rule writes is dated by the data, not by the moment
//! someone happened to run it, and every clone writes the same file.

use std::sync::OnceLock;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde_json::Value;

use super::compile::{
    Amount, Cond, Field, HandoffField, Leaf, TaskField, Test, ThreadField, TouchpointField,
    value_text,
};
use crate::metrics::facts::{Clocks, Facts, ThreadFact};
use crate::metrics::{ClockMode, Options};
use crate::model::records::{Handoff, Interaction, Task};
use crate::model::{Config, RecordId, Timestamp};
use crate::store::CustomerBundle;

/// What judging needs besides the subject: the config, the store's zone, the clocks.
pub struct Env<'a> {
    pub config: &'a Config,
    pub zone: Tz,
    pub clocks: Clocks,
}

impl<'a> Env<'a> {
    /// The clocks of `config` (business hours of each team's calendar). A calendar that does
    /// not validate is the error.
    pub fn new(config: &'a Config, zone: Tz) -> crate::Result<Self> {
        Ok(Env {
            config,
            zone,
            clocks: Clocks::new(config, ClockMode::Business)?,
        })
    }

    /// Local midnight (in the store's zone) at the start of `day`.
    pub fn midnight(&self, day: NaiveDate) -> Timestamp {
        let naive = day.and_time(NaiveTime::MIN);
        self.zone
            .from_local_datetime(&naive)
            .earliest()
            .unwrap_or_else(|| self.zone.from_utc_datetime(&naive))
            .fixed_offset()
    }

    /// The day of `t` in the store's zone.
    pub fn day(&self, t: Timestamp) -> NaiveDate {
        t.with_timezone(&self.zone).date_naive()
    }
}

/// A customer as of an instant, with its facts computed on first use.
pub struct Scene<'a> {
    pub bundle: &'a CustomerBundle,
    pub as_of: Timestamp,
    facts: OnceLock<Facts>,
}

impl<'a> Scene<'a> {
    /// The customer `bundle` as of `as_of` (records dated later do not count).
    pub fn new(bundle: &'a CustomerBundle, as_of: Timestamp) -> Self {
        Scene {
            bundle,
            as_of,
            facts: OnceLock::new(),
        }
    }

    /// The metrics' facts of the customer as of the scene's instant.
    pub fn facts(&self, env: &Env) -> &Facts {
        self.facts.get_or_init(|| {
            let options = Options::last_days(self.as_of, 30);
            Facts::of_customer(self.bundle, &env.clocks, &options)
        })
    }

    /// The last human inbound or outbound touchpoint (the coverage metric's contact), or the
    /// customer's creation when there was none.
    pub fn last_contact(&self, env: &Env) -> Timestamp {
        self.facts(env)
            .customers
            .first()
            .and_then(|c| c.touches.iter().map(|t| t.0).max())
            .unwrap_or(self.bundle.customer.created)
    }

    /// Whole days since the last contact.
    pub fn days_without_contact(&self, env: &Env) -> i64 {
        (self.as_of - self.last_contact(env)).num_days().max(0)
    }

    /// The thread `id`, if it has human touchpoints with the customer.
    pub fn thread(&self, env: &Env, id: RecordId) -> Option<&ThreadFact> {
        self.facts(env).threads.iter().find(|t| t.thread == id)
    }

    /// Whether thread `id` is open as of the scene (the model's thread rules: resolved until an
    /// inbound reopens it).
    pub fn thread_open(&self, id: RecordId) -> bool {
        let touchpoints = self
            .bundle
            .interactions
            .iter()
            .map(|l| &l.record)
            .filter(|i| i.thread == id && i.at <= self.as_of);
        crate::model::threads::thread_states(touchpoints)
            .first()
            .is_some_and(|s| s.is_open())
    }
}

/// What a rule is judged on.
pub struct Subject<'a> {
    pub scene: &'a Scene<'a>,
    pub touchpoint: Option<&'a Interaction>,
    pub thread: Option<RecordId>,
    pub handoff: Option<&'a Handoff>,
    pub task: Option<&'a Task>,
    pub changed: Option<&'a [String]>,
}

impl<'a> Subject<'a> {
    /// A subject with only a customer.
    pub fn customer(scene: &'a Scene<'a>) -> Self {
        Subject {
            scene,
            touchpoint: None,
            thread: None,
            handoff: None,
            task: None,
            changed: None,
        }
    }
}

/// The verdict on a condition: `None` when it does not hold; `Some(since)` when it holds, with
/// the instant it started to hold when a time condition says so.
pub type Verdict = Option<Option<Timestamp>>;

/// Judges `cond` on `subject`.
pub fn judge(cond: &Cond, subject: &Subject, env: &Env) -> Verdict {
    match cond {
        Cond::All(items) => {
            let mut since: Option<Timestamp> = None;
            for item in items {
                let s = judge(item, subject, env)?;
                since = later(since, s);
            }
            Some(since)
        }
        Cond::Any(items) => {
            let mut found: Option<Option<Timestamp>> = None;
            for item in items {
                if let Some(s) = judge(item, subject, env) {
                    found = Some(match found {
                        None => s,
                        // The earliest moment one branch held; a branch with no time holds
                        // "always".
                        Some(prev) => match (prev, s) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            _ => None,
                        },
                    });
                }
            }
            found
        }
        Cond::Not(items) => {
            if items.iter().any(|i| judge(i, subject, env).is_some()) {
                None
            } else {
                Some(None)
            }
        }
        Cond::Leaf(leaf) => leaf_verdict(leaf, subject, env),
    }
}

fn later(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// A field's value on a subject.
enum Got<'a> {
    Text(Option<String>),
    Scalar(Option<&'a Value>),
    List(Vec<String>),
    Number(Option<f64>),
    /// Seconds, for `thread.unanswered_for`.
    Duration(Option<i64>),
    Bool(Option<bool>),
}

fn get<'a>(field: &Field, s: &Subject<'a>, env: &Env) -> Got<'a> {
    let c = &s.scene.bundle.customer;
    let text = |v: Option<&str>| Got::Text(v.map(str::to_string));
    let tp = s.touchpoint;
    let thread = || s.thread.and_then(|id| s.scene.thread(env, id));
    match field {
        Field::Slug => text(Some(&c.slug)),
        Field::Name => text(Some(&c.name)),
        Field::Kind => text(Some(&c.kind.to_string())),
        Field::Status => text(Some(&c.status.to_string())),
        Field::Owner => text(c.owner.as_deref()),
        Field::Team => text(c.team.as_deref()),
        Field::Tags => Got::List(c.tags.clone()),
        Field::Archived => Got::Bool(Some(c.archived.is_some())),
        Field::Custom(k) => Got::Scalar(c.fields.get(k).filter(|v| !v.is_null())),
        Field::ExternalId(k) => text(c.external_ids.get(k).map(String::as_str)),
        Field::DaysWithoutContact => Got::Number(Some(s.scene.days_without_contact(env) as f64)),
        Field::Touchpoint(f) => match (f, tp) {
            (_, None) => Got::Text(None),
            (TouchpointField::Channel, Some(t)) => text(Some(&t.channel)),
            (TouchpointField::Direction, Some(t)) => text(Some(&t.direction.to_string())),
            (TouchpointField::Actor, Some(t)) => text(Some(&t.actor.to_string())),
            (TouchpointField::By, Some(t)) => text(Some(&t.by)),
            (TouchpointField::Summary, Some(t)) => text(Some(&t.summary)),
            (TouchpointField::Body, Some(t)) => text(t.body.as_deref()),
            (TouchpointField::Text, Some(t)) => Got::Text(Some(match &t.body {
                Some(body) => format!("{}\n{body}", t.summary),
                None => t.summary.clone(),
            })),
            (TouchpointField::Tags, Some(t)) => Got::List(t.tags.clone()),
        },
        Field::Thread(f) => match f {
            ThreadField::UnansweredFor => {
                Got::Duration(thread().and_then(|t| t.unanswered_age.as_ref().map(|m| m.seconds)))
            }
            ThreadField::Open => Got::Bool(s.thread.map(|id| s.scene.thread_open(id))),
            ThreadField::Channel => {
                Got::Text(thread().and_then(|t| crate::metrics::name::text(&t.dims.channel)))
            }
            ThreadField::Subject => Got::Text(thread().map(|t| t.subject.clone())),
        },
        Field::Handoff(f) => match s.handoff {
            None => Got::Text(None),
            Some(h) => text(match f {
                HandoffField::FromOwner => h.from.owner.as_deref(),
                HandoffField::FromTeam => h.from.team.as_deref(),
                HandoffField::ToOwner => h.to.owner.as_deref(),
                HandoffField::ToTeam => h.to.team.as_deref(),
                HandoffField::Reason => h.reason.as_deref(),
                HandoffField::By => Some(h.by.as_str()),
            }),
        },
        Field::Task(f) => match s.task {
            None => Got::Text(None),
            Some(t) => match f {
                TaskField::Assignee => text(t.assignee.as_deref()),
                TaskField::Title => text(Some(&t.title)),
                TaskField::DaysOverdue => Got::Number(
                    t.due
                        .map(|due| (env.day(s.scene.as_of) - due).num_days().max(0) as f64),
                ),
            },
        },
        Field::Changed => Got::List(s.changed.map(<[String]>::to_vec).unwrap_or_default()),
    }
}

fn leaf_verdict(leaf: &Leaf, s: &Subject, env: &Env) -> Verdict {
    let got = get(&leaf.field, s, env);
    let holds = passes(&leaf.test, &got);
    if !holds {
        return None;
    }
    // When a time condition started to hold.
    let since = match (&leaf.field, &leaf.test) {
        (Field::DaysWithoutContact, Test::AtLeast(Amount::Number(n))) => {
            let days = n.ceil().max(0.0) as i64;
            Some(s.scene.last_contact(env) + Duration::days(days))
        }
        (Field::Task(TaskField::DaysOverdue), Test::AtLeast(Amount::Number(n))) => {
            let days = n.ceil().max(1.0) as i64;
            s.task
                .and_then(|t| t.due)
                .map(|due| env.midnight(due + Duration::days(days)))
        }
        (Field::Thread(ThreadField::UnansweredFor), Test::AtLeast(Amount::Seconds(secs))) => s
            .thread
            .and_then(|id| s.scene.thread(env, id))
            .and_then(|t| {
                let from = t.first_inbound?;
                env.clocks.reach(t.dims.team.as_deref(), from, *secs)
            }),
        _ => None,
    };
    Some(since.map(|t| t.min(s.scene.as_of)))
}

fn passes(test: &Test, got: &Got) -> bool {
    match (test, got) {
        (Test::Equals(values), Got::Text(Some(v))) => values.iter().any(|x| value_text(x) == *v),
        (Test::Equals(values), Got::Scalar(Some(v))) => {
            values.iter().any(|x| value_text(x) == value_text(v))
        }
        (Test::Equals(values), Got::List(list)) => values
            .iter()
            .any(|x| list.iter().any(|l| *l == value_text(x))),
        (Test::Equals(values), Got::Number(Some(n))) => {
            values.iter().any(|x| x.as_f64() == Some(*n))
        }
        (Test::Equals(values), Got::Bool(Some(b))) => {
            values.iter().any(|x| x.as_bool() == Some(*b))
        }
        (Test::Equals(_), _) => false,
        (Test::Unset, g) => !present(g),
        (Test::Set(want), g) => present(g) == *want,
        (Test::Matches(re), Got::Text(Some(v))) => re.is_match(v),
        (Test::Matches(re), Got::Scalar(Some(v))) => re.is_match(&value_text(v)),
        (Test::Matches(re), Got::List(list)) => list.iter().any(|l| re.is_match(l)),
        (Test::Matches(_), _) => false,
        (Test::AtLeast(a), g) => compare(a, g).is_some_and(|o| o.is_ge()),
        (Test::LessThan(a), g) => compare(a, g).is_some_and(|o| o.is_lt()),
    }
}

fn present(g: &Got) -> bool {
    match g {
        Got::Text(v) => v.as_deref().is_some_and(|v| !v.is_empty()),
        Got::Scalar(v) => v.is_some(),
        Got::List(l) => !l.is_empty(),
        Got::Number(n) => n.is_some(),
        Got::Duration(d) => d.is_some(),
        Got::Bool(b) => b.is_some(),
    }
}

/// How the value compares with the bound: `Some(Greater)` when the value is above it.
fn compare(bound: &Amount, got: &Got) -> Option<std::cmp::Ordering> {
    match (bound, got) {
        (Amount::Number(b), Got::Number(Some(n))) => n.partial_cmp(b),
        (Amount::Number(b), Got::Scalar(Some(v))) => {
            let n = v
                .as_f64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse::<f64>().ok()))?;
            n.partial_cmp(b)
        }
        (Amount::Seconds(b), Got::Duration(Some(secs))) => Some(secs.cmp(b)),
        _ => None,
    }
}
