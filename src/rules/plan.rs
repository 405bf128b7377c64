//! What firing the rules does, planned as one [`Change`] without touching the disk. Pure: the
//! store is given as loaded customers (as committed), the events as found in the commits, and
//! what fired before; the same inputs give the same plan on every machine.
//!
//! Order is part of the contract: rules fire in file order, each on its subjects by time then
//! key; actions of a firing run in order, each seeing what the ones before it did to the
//! customer (an `assign` then an `add_task` for `owner` gives the task to the new owner). A
//! customer is reassigned at most once per run, and never over a handoff made after the
//! firing: someone already decided.
//!
//! Every record written is dated at the firing instant, has an id derived from the rule, the
//! firing's key and the action, and carries `origin: {rule, key, revision}`; the plan's commit
//! names every firing in a `Crm-Rule: <rule> <key> <revision>` trailer. That is what the next
//! run reads to do nothing twice.

use crate::metrics::name::text;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use chrono::{Datelike, Duration};
use rayon::prelude::*;
use serde::Serialize;

use super::compile::{
    ActionKind, Cond, Each, Field, Part, Period, PersonRef, Rule, Target, Template, Trigger, Var,
    leaves,
};
use super::eval::{Env, Scene, Subject, judge};
use super::firing_error;
use super::pick::Picker;
use crate::error::{Error, Result};
use crate::model::records::{Customer, Extra, Handoff, Interaction, Note, Party, Task};
use crate::model::time::{Timestamp, format_duration, rfc3339};
use crate::model::{RecordId, text};
use crate::ops::Planned;
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, CustomerBundle, FileOp, layout, yaml};

/// Where a record written by a rule came from: the rule, the key of what fired it, and the
/// revision of the rule's definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub rule: String,
    pub key: String,
    pub revision: String,
}

impl Origin {
    /// The `origin` of a record's extra keys, when it has a well-formed one.
    pub fn of(extra: &Extra) -> Option<Origin> {
        let o = extra.get("origin")?;
        let field = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
        Some(Origin {
            rule: field("rule")?,
            key: field("key")?,
            revision: field("revision").unwrap_or_default(),
        })
    }

    fn value(&self) -> serde_json::Value {
        serde_json::json!({"rule": self.rule, "key": self.key, "revision": self.revision})
    }
}

/// What fired before: from the `Crm-Rule` trailers of history and the origins of records.
#[derive(Debug, Clone, Default)]
pub struct Fired {
    keys: HashSet<(String, String)>,
    revisions: HashSet<(String, String, String)>,
}

impl Fired {
    /// Records that `rule` fired on `key` in `revision`.
    pub fn add(&mut self, rule: &str, key: &str, revision: &str) {
        self.keys.insert((rule.to_string(), key.to_string()));
        self.revisions
            .insert((rule.to_string(), key.to_string(), revision.to_string()));
    }

    /// Adds the origins of every note, task and handoff of `bundles`.
    pub fn add_records(&mut self, bundles: &[CustomerBundle]) {
        for b in bundles {
            let extras = b
                .notes
                .iter()
                .map(|l| &l.record.extra)
                .chain(b.tasks.iter().map(|l| &l.record.extra))
                .chain(b.handoffs.iter().map(|l| &l.record.extra));
            for extra in extras {
                if let Some(o) = Origin::of(extra) {
                    self.add(&o.rule, &o.key, &o.revision);
                }
            }
        }
    }

    /// Whether `rule` fired on `key` (in this `revision`, when one is given: `--reapply`).
    pub fn has(&self, rule: &str, key: &str, revision: Option<&str>) -> bool {
        match revision {
            None => self.keys.contains(&(rule.to_string(), key.to_string())),
            Some(r) => self
                .revisions
                .contains(&(rule.to_string(), key.to_string(), r.to_string())),
        }
    }
}

/// An event found in a commit of the range.
#[derive(Debug, Clone)]
pub struct Event {
    pub trigger: Trigger,
    /// The customer's id (its folder may have been renamed since).
    pub customer: RecordId,
    pub key: String,
    /// When it happened: a touchpoint's `recorded_at`, a customer's `created`, a handoff's `at`,
    /// the commit time of a change.
    pub at: Timestamp,
    /// The customer as the event's commit left it; `None` when it is the same as now.
    pub state: Option<CustomerBundle>,
    pub record: EventRecord,
    /// Rules that fired in the event's own commit: a rule never reacts to what it did.
    pub ignore: Vec<String>,
}

/// What an event is about.
#[derive(Debug, Clone)]
pub enum EventRecord {
    Touchpoint(Interaction),
    Customer,
    /// The fields the commit changed (`status`, `fields.tier`, and `fields` for the latter).
    Changed(Vec<String>),
    Handoff(Handoff),
}

/// What the planner is given.
pub struct Inputs<'a> {
    pub rules: &'a [Rule],
    /// The person records are written by.
    pub actor: &'a str,
    pub env: &'a Env<'a>,
    /// Every customer as committed, in slug order.
    pub bundles: &'a [CustomerBundle],
    pub events: &'a [Event],
    pub fired: &'a Fired,
    /// The run's "now": schedule rules look at the store as of it; later events are ignored.
    pub as_of: Timestamp,
    pub reapply: bool,
    /// Whether event rules and schedule (and task.overdue) rules run.
    pub events_on: bool,
    pub schedule_on: bool,
    /// The committed text of a customer's `customer.yaml`, by slug (edits are made on it).
    pub text: &'a (dyn Fn(&str) -> Result<String> + Sync),
}

/// One firing of a rule, and what its actions did.
#[derive(Debug, Clone, Serialize)]
pub struct Firing {
    pub rule: String,
    pub revision: String,
    pub trigger: Trigger,
    pub key: String,
    pub customer: String,
    /// What fired it, in words (`touchpoint 3ff495df`, `thread #03de`).
    pub subject: String,
    #[serde(serialize_with = "ser_time")]
    pub at: Timestamp,
    pub actions: Vec<Outcome>,
}

fn ser_time<S: serde::Serializer>(t: &Timestamp, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339(t))
}

/// What one action did, or why it did nothing.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub action: &'static str,
    /// In words: `assign to frank (finance)`.
    pub text: String,
    /// The record written, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// Why nothing was done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    /// What `rules test` compares: to, team, assignee, title, due, body, tags, field, value.
    pub details: BTreeMap<String, String>,
}

impl Outcome {
    fn done(action: &'static str, text: String) -> Self {
        Outcome {
            action,
            text,
            path: None,
            id: None,
            skipped: None,
            details: BTreeMap::new(),
        }
    }

    fn skip(action: &'static str, why: impl Into<String>) -> Self {
        let why = why.into();
        Outcome {
            text: format!("{action}: nothing to do ({why})"),
            skipped: Some(why),
            ..Outcome::done(action, String::new())
        }
    }

    fn detail(mut self, key: &str, value: impl Into<String>) -> Self {
        self.details.insert(key.to_string(), value.into());
        self
    }

    fn record(mut self, id: RecordId, path: &str) -> Self {
        self.id = Some(id);
        self.path = Some(path.to_string());
        self
    }

    /// Whether the action changed something.
    pub fn effective(&self) -> bool {
        self.skipped.is_none()
    }
}

/// The plan of a run.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    #[serde(serialize_with = "ser_time")]
    pub as_of: Timestamp,
    /// Firings that change something, in the order they were applied.
    pub firings: Vec<Firing>,
    /// Firings whose conditions held but whose actions had nothing to do (already owned,
    /// already tagged): they write nothing and are not recorded, so they show up again.
    pub idle: Vec<Firing>,
    /// The files to write and the commit; empty when nothing fires.
    pub change: Change,
}

impl Plan {
    /// Whether the plan writes nothing.
    pub fn is_empty(&self) -> bool {
        self.change.files.is_empty()
    }
}

/// What a firing knows about its subject, for conditions already judged and for templates.
#[derive(Debug, Clone, Default)]
struct Facts {
    touchpoint: Option<Interaction>,
    thread: Option<ThreadInfo>,
    handoff: Option<Handoff>,
    task: Option<Task>,
    /// The last contact with the customer (the coverage metric's), or its creation.
    last_contact: Option<Timestamp>,
}

#[derive(Debug, Clone)]
struct ThreadInfo {
    id: RecordId,
    subject: String,
    /// When the unanswered wait started, and the team whose clock measures it.
    waiting_since: Option<Timestamp>,
    team: Option<String>,
}

/// A rule whose conditions hold on a subject.
struct Candidate {
    rule: usize,
    key: String,
    at: Timestamp,
    /// Index of the customer in the bundles.
    head: usize,
    subject: String,
    facts: Facts,
}

/// Plans the run.
pub fn plan(inputs: &Inputs) -> Result<Plan> {
    let mut candidates = Vec::new();
    if inputs.events_on {
        candidates.extend(event_candidates(inputs));
    }
    if inputs.schedule_on {
        candidates.extend(store_candidates(inputs));
    }
    candidates.sort_by(|a, b| (a.rule, a.at, &a.key).cmp(&(b.rule, b.at, &b.key)));
    let mut state = State {
        inputs,
        picker: Picker::new(inputs.bundles),
        overlay: BTreeMap::new(),
        creates: Vec::new(),
        ids: Vec::new(),
        reassigned: HashMap::new(),
    };
    let mut firings = Vec::new();
    let mut idle = Vec::new();
    for c in &candidates {
        let firing = state.fire(c)?;
        if firing.actions.iter().any(Outcome::effective) {
            firings.push(firing);
        } else {
            idle.push(firing);
        }
    }
    let change = state.change(&firings)?;
    Ok(Plan {
        as_of: inputs.as_of,
        firings,
        idle,
        change,
    })
}

fn key_of(inputs: &Inputs, rule: &Rule, key: &str) -> bool {
    let revision = inputs.reapply.then_some(rule.revision.as_str());
    inputs.fired.has(&rule.id, key, revision)
}

fn event_candidates(inputs: &Inputs) -> Vec<Candidate> {
    let by_id: HashMap<RecordId, usize> = inputs
        .bundles
        .iter()
        .enumerate()
        .map(|(i, b)| (b.customer.id, i))
        .collect();
    let env = inputs.env;
    let work: Vec<(usize, &Rule, &Event)> = inputs
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.trigger.is_event())
        .flat_map(|(i, r)| {
            inputs
                .events
                .iter()
                .filter(move |e| e.trigger == r.trigger)
                .map(move |e| (i, r, e))
        })
        .filter(|(_, r, e)| !e.ignore.contains(&r.id) && e.at <= inputs.as_of)
        .filter(|(_, r, e)| !key_of(inputs, r, &e.key))
        .collect();
    work.into_par_iter()
        .filter_map(|(index, rule, event)| {
            let head = *by_id.get(&event.customer)?;
            let now = &inputs.bundles[head];
            if now.customer.archived.is_some() {
                return None;
            }
            let bundle = event.state.as_ref().unwrap_or(now);
            let scene = Scene::new(bundle, event.at);
            let mut subject = Subject::customer(&scene);
            let mut facts = Facts::default();
            let mut words = format!("{} {}", event.trigger.name(), bundle.customer.slug);
            match &event.record {
                EventRecord::Touchpoint(t) => {
                    subject.touchpoint = Some(t);
                    subject.thread = Some(t.thread);
                    facts.touchpoint = Some(t.clone());
                    words = format!("touchpoint {}", t.id.short());
                }
                EventRecord::Handoff(h) => {
                    subject.handoff = Some(h);
                    facts.handoff = Some(h.clone());
                    words = format!("handoff {}", h.id.short());
                }
                EventRecord::Changed(fields) => {
                    subject.changed = Some(fields);
                    words = format!("change of {}", fields.join(", "));
                }
                EventRecord::Customer => words = "new customer".to_string(),
            }
            judge(&rule.conditions, &subject, env)?;
            if let Some(t) = subject.thread {
                facts.thread = thread_info(&scene, env, t);
            }
            facts.last_contact = Some(scene.last_contact(env));
            Some(Candidate {
                rule: index,
                key: event.key.clone(),
                at: event.at,
                head,
                subject: words,
                facts,
            })
        })
        .collect()
}

fn thread_info(scene: &Scene, env: &Env, id: RecordId) -> Option<ThreadInfo> {
    let fact = scene.thread(env, id)?;
    Some(ThreadInfo {
        id,
        subject: fact.subject.clone(),
        waiting_since: fact.unanswered_age.as_ref().and(fact.first_inbound),
        team: text(&fact.dims.team),
    })
}

/// The start of the period of `every` that holds `as_of`, in the store's zone, and its name.
fn period(env: &Env, every: Period, as_of: Timestamp) -> (Timestamp, String) {
    let day = env.day(as_of);
    match every {
        Period::Day => (env.midnight(day), day.format("%Y-%m-%d").to_string()),
        Period::Week => {
            let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
            let week = day.iso_week();
            (
                env.midnight(monday),
                format!("{}-W{:02}", week.year(), week.week()),
            )
        }
        Period::Month => {
            let first = day.with_day(1).unwrap_or(day);
            (env.midnight(first), day.format("%Y-%m").to_string())
        }
    }
}

/// Schedule and `task.overdue` rules over every customer as of the run's time, in parallel.
fn store_candidates(inputs: &Inputs) -> Vec<Candidate> {
    let env = inputs.env;
    let as_of = inputs.as_of;
    let rules: Vec<(usize, &Rule)> = inputs
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.trigger.is_event())
        .collect();
    if rules.is_empty() {
        return Vec::new();
    }
    let periods: Vec<Option<(Timestamp, String)>> = rules
        .iter()
        .map(|(_, r)| r.every.map(|p| period(env, p, as_of)))
        .collect();
    inputs
        .bundles
        .par_iter()
        .enumerate()
        .filter(|(_, b)| b.customer.archived.is_none() && b.customer.created <= as_of)
        .flat_map_iter(|(head, bundle)| {
            let scene = Scene::new(bundle, as_of);
            let mut out = Vec::new();
            let id = bundle.customer.id;
            for ((index, rule), period) in rules.iter().zip(&periods) {
                let suffix = |key: String| match period {
                    Some((_, name)) => format!("{key}@{name}"),
                    None => key,
                };
                let start = period.as_ref().map(|(t, _)| *t);
                let mut push = |key: String,
                                floor: Timestamp,
                                since: Option<Timestamp>,
                                subject: String,
                                facts: Facts| {
                    let at = [Some(floor), start, since]
                        .into_iter()
                        .flatten()
                        .max()
                        .unwrap_or(floor)
                        .min(as_of);
                    out.push(Candidate {
                        rule: *index,
                        key,
                        at,
                        head,
                        subject,
                        facts,
                    });
                };
                match (rule.trigger, rule.each) {
                    (Trigger::TaskOverdue, _) => {
                        let today = env.day(as_of);
                        for task in bundle.tasks.iter().map(|l| &l.record) {
                            let Some(due) = task.due.filter(|_| task.is_overdue(today)) else {
                                continue;
                            };
                            let key = format!("task:{}", task.id);
                            if key_of(inputs, rule, &key) {
                                continue;
                            }
                            let mut subject = Subject::customer(&scene);
                            subject.task = Some(task);
                            let Some(since) = judge(&rule.conditions, &subject, env) else {
                                continue;
                            };
                            let facts = Facts {
                                task: Some(task.clone()),
                                last_contact: Some(scene.last_contact(env)),
                                ..Facts::default()
                            };
                            let floor = env.midnight(due + Duration::days(1));
                            push(
                                key,
                                floor,
                                since,
                                format!("task {}", task.id.short()),
                                facts,
                            );
                        }
                    }
                    (_, Each::Thread) => {
                        // Customer conditions first: threads (the metrics' facts) are only
                        // computed for customers that pass them.
                        if !customer_part_holds(&rule.conditions, &scene, env) {
                            continue;
                        }
                        let threads: Vec<RecordId> =
                            scene.facts(env).threads.iter().map(|t| t.thread).collect();
                        for thread in threads {
                            let key = suffix(format!("thread:{thread}"));
                            if key_of(inputs, rule, &key) {
                                continue;
                            }
                            let mut subject = Subject::customer(&scene);
                            subject.thread = Some(thread);
                            let Some(since) = judge(&rule.conditions, &subject, env) else {
                                continue;
                            };
                            let started = scene
                                .thread(env, thread)
                                .map(|t| t.started_at)
                                .unwrap_or(bundle.customer.created);
                            let facts = Facts {
                                thread: thread_info(&scene, env, thread),
                                last_contact: Some(scene.last_contact(env)),
                                ..Facts::default()
                            };
                            push(
                                key,
                                started,
                                since,
                                format!("thread #{}", &thread.short()[..4]),
                                facts,
                            );
                        }
                    }
                    (_, Each::Customer) => {
                        let key = suffix(format!("customer:{id}"));
                        if key_of(inputs, rule, &key) {
                            continue;
                        }
                        let Some(since) = judge(&rule.conditions, &Subject::customer(&scene), env)
                        else {
                            continue;
                        };
                        let facts = Facts {
                            last_contact: Some(scene.last_contact(env)),
                            ..Facts::default()
                        };
                        let words = match period {
                            Some((_, name)) => name.clone(),
                            None => "schedule".to_string(),
                        };
                        push(key, bundle.customer.created, since, words, facts);
                    }
                }
            }
            out
        })
        .collect()
}

/// Whether the conjuncts of `cond` that do not look at a thread hold for the customer of
/// `scene` (when one does not, no thread of the customer can make the whole hold).
fn customer_part_holds(cond: &Cond, scene: &Scene, env: &Env) -> bool {
    let items: &[Cond] = match cond {
        Cond::All(items) => items,
        other => std::slice::from_ref(other),
    };
    let subject = Subject::customer(scene);
    items
        .iter()
        .filter(|c| {
            leaves(c)
                .iter()
                .all(|l| !matches!(l.field, Field::Thread(_)))
        })
        .all(|c| judge(c, &subject, env).is_some())
}

/// A customer file as the run has edited it so far.
struct Edited {
    slug: String,
    original: String,
    text: String,
    customer: Customer,
}

/// The run as it applies firings.
struct State<'a> {
    inputs: &'a Inputs<'a>,
    picker: Picker,
    overlay: BTreeMap<String, Edited>,
    creates: Vec<FileOp>,
    ids: Vec<RecordId>,
    /// Customers reassigned in this run, and by which rule.
    reassigned: HashMap<String, String>,
}

/// A firing being applied: its rule, key, instant, customer and facts.
struct Ctx<'c> {
    rule: &'c Rule,
    key: &'c str,
    at: Timestamp,
    slug: String,
    head: &'c CustomerBundle,
    facts: &'c Facts,
}

impl State<'_> {
    fn fire(&mut self, c: &Candidate) -> Result<Firing> {
        let inputs = self.inputs;
        let rule = &inputs.rules[c.rule];
        let head = &inputs.bundles[c.head];
        let ctx = Ctx {
            rule,
            key: &c.key,
            at: c.at,
            slug: head.customer.slug.clone(),
            head,
            facts: &c.facts,
        };
        self.edited(&ctx.slug)?;
        let mut actions = Vec::new();
        for (n, action) in rule.actions.iter().enumerate() {
            let outcome = self.act(&ctx, n, &action.kind).map_err(|e| match e {
                Error::Invalid { message, .. } | Error::NotFound { message, .. } => {
                    firing_error(rule, action.pos, &ctx.slug, message)
                }
                other => other,
            })?;
            actions.push(outcome);
        }
        Ok(Firing {
            rule: rule.id.clone(),
            revision: rule.revision.clone(),
            trigger: rule.trigger,
            key: c.key.clone(),
            customer: ctx.slug.clone(),
            subject: c.subject.clone(),
            at: c.at,
            actions,
        })
    }

    fn edited(&mut self, slug: &str) -> Result<&mut Edited> {
        if !self.overlay.contains_key(slug) {
            let text = (self.inputs.text)(slug)?;
            let path = layout::customer_file(slug);
            let customer: Customer = yaml::parse(Path::new(&path), &text)?;
            self.overlay.insert(
                slug.to_string(),
                Edited {
                    slug: slug.to_string(),
                    original: text.clone(),
                    text,
                    customer,
                },
            );
        }
        Ok(self.overlay.get_mut(slug).expect("inserted above"))
    }

    fn current(&self, slug: &str) -> &Customer {
        &self.overlay[slug].customer
    }

    fn id(&self, ctx: &Ctx, n: usize, part: &str) -> RecordId {
        let n = n.to_string();
        let mut parts = vec!["rule", ctx.rule.id.as_str(), ctx.key, n.as_str(), part];
        if self.inputs.reapply {
            parts.push(&ctx.rule.revision);
        }
        RecordId::derived(ctx.at.to_utc(), &parts)
    }

    fn origin(&self, ctx: &Ctx) -> serde_json::Value {
        Origin {
            rule: ctx.rule.id.clone(),
            key: ctx.key.to_string(),
            revision: ctx.rule.revision.clone(),
        }
        .value()
    }

    fn act(&mut self, ctx: &Ctx, n: usize, kind: &ActionKind) -> Result<Outcome> {
        let name = kind.name();
        match kind {
            ActionKind::Assign { target, reason } => {
                let (person, team) = match target {
                    Target::Person { handle, team } => (
                        handle.clone(),
                        team.clone().or_else(|| {
                            self.inputs
                                .env
                                .config
                                .primary_team(handle)
                                .map(str::to_string)
                        }),
                    ),
                    Target::Team { team, pick } => {
                        let current = self.current(&ctx.slug);
                        if current.team.as_deref() == Some(team.as_str())
                            && current.owner.as_deref().is_some_and(|o| {
                                super::compile::team_members(self.inputs.env.config, team)
                                    .contains(&o)
                            })
                        {
                            return Ok(Outcome::skip(
                                name,
                                format!("already owned by {}", party(current)),
                            ));
                        }
                        let Some(person) =
                            self.picker
                                .pick(self.inputs.env.config, &ctx.rule.id, team, *pick)
                        else {
                            return Err(Error::invalid(format!(
                                "team `{team}` has no members: nobody to pick"
                            )));
                        };
                        (person, Some(team.clone()))
                    }
                };
                let reason = match reason {
                    Some(t) => Some(self.render(ctx, t)?),
                    None => None,
                };
                let (outcome, _) = self.reassign(ctx, n, name, &person, team, reason)?;
                Ok(outcome)
            }
            ActionKind::Escalate { to, team, note } => {
                let person = self
                    .person(ctx, to)?
                    .ok_or_else(|| Error::invalid("the customer has no owner to escalate to"))?;
                let team = team.clone().or_else(|| match to {
                    PersonRef::Lead => self.current(&ctx.slug).team.clone(),
                    _ => self
                        .inputs
                        .env
                        .config
                        .primary_team(&person)
                        .map(str::to_string),
                });
                let reason = Some(format!("Escalated by rule {}", ctx.rule.id));
                let (handoff, done) = self.reassign(ctx, n, name, &person, team, reason)?;
                let body = match note {
                    Some(t) => self.render(ctx, t)?,
                    None => {
                        let about = ctx
                            .facts
                            .thread
                            .as_ref()
                            .map(|t| format!(": \"{}\" {}", t.subject, self.age_words(ctx, t)))
                            .unwrap_or_default();
                        format!("Escalated to @{person} by rule `{}`{about}", ctx.rule.id)
                    }
                };
                let thread = ctx.facts.thread.as_ref().map(|t| t.id);
                let (note_id, note_path) = self.note(
                    ctx,
                    n,
                    "note",
                    body.clone(),
                    vec!["escalation".into()],
                    thread,
                )?;
                let mut text = match (&handoff.skipped, done) {
                    (None, true) => {
                        format!(
                            "escalate to {}",
                            handoff.text.trim_start_matches("assign to ")
                        )
                    }
                    (Some(why), _) if why.starts_with("already owned by") => {
                        format!("escalate to {person} (already the owner)")
                    }
                    (why, _) => format!(
                        "escalate to {person} (not reassigned: {})",
                        why.as_deref().unwrap_or("nothing to do")
                    ),
                };
                text.push_str(&format!("; note {}", note_id.short()));
                let mut outcome = Outcome::done(name, text)
                    .detail("to", person.clone())
                    .detail("body", body)
                    .record(note_id, &note_path);
                if let Some(team) = handoff.details.get("team") {
                    outcome = outcome.detail("team", team.clone());
                }
                Ok(outcome)
            }
            ActionKind::AddTask {
                title,
                assignee,
                due_days,
            } => {
                let Some(assignee) = self.person(ctx, assignee)? else {
                    return Ok(Outcome::skip(name, "the customer has no owner"));
                };
                let title = self.render(ctx, title)?;
                let id = self.id(ctx, n, "task");
                let env = self.inputs.env;
                let due = due_days.map(|d| env.day(ctx.at) + Duration::days(d));
                let mut extra = Extra::new();
                extra.insert("origin".into(), self.origin(ctx));
                let task = Task {
                    id,
                    created: ctx.at,
                    by: self.inputs.actor.to_string(),
                    assignee: Some(assignee.clone()),
                    due,
                    title: title.trim().to_string(),
                    done_at: None,
                    extra,
                };
                let planned = crate::ops::task::planned_task(self.inputs.actor, &ctx.slug, task)?;
                let path = self.take(planned);
                let due_text = due.map(|d| format!(" due {d}")).unwrap_or_default();
                let mut outcome = Outcome::done(
                    name,
                    format!(
                        "task {} for {assignee}{due_text}: {}",
                        id.short(),
                        title.trim()
                    ),
                )
                .detail("assignee", assignee)
                .detail("title", title.trim())
                .record(id, &path);
                if let Some(d) = due {
                    outcome = outcome.detail("due", d.to_string());
                }
                Ok(outcome)
            }
            ActionKind::AddNote { body, tags } => {
                let body = self.render(ctx, body)?;
                let thread = ctx.facts.thread.as_ref().map(|t| t.id);
                let (id, path) = self.note(ctx, n, "note", body.clone(), tags.clone(), thread)?;
                Ok(
                    Outcome::done(name, format!("note {}: {}", id.short(), first_line(&body)))
                        .detail("body", body)
                        .record(id, &path),
                )
            }
            ActionKind::AddTags(tags) => {
                let current = self.current(&ctx.slug).tags.clone();
                let added: Vec<String> = tags
                    .iter()
                    .filter(|t| !current.contains(t))
                    .cloned()
                    .collect();
                if added.is_empty() {
                    return Ok(Outcome::skip(name, "already tagged"));
                }
                let mut all = current;
                all.extend(added.iter().cloned());
                self.edit(&ctx.slug, &[FieldEdit::set("tags", &all)])?;
                Ok(Outcome::done(name, format!("tag {}", signed(&added, '+')))
                    .detail("tags", added.join(",")))
            }
            ActionKind::RemoveTags(tags) => {
                let current = self.current(&ctx.slug).tags.clone();
                let removed: Vec<String> = tags
                    .iter()
                    .filter(|t| current.contains(t))
                    .cloned()
                    .collect();
                if removed.is_empty() {
                    return Ok(Outcome::skip(name, "no such tag"));
                }
                let left: Vec<String> = current
                    .into_iter()
                    .filter(|t| !removed.contains(t))
                    .collect();
                let edit = if left.is_empty() {
                    FieldEdit::remove("tags")
                } else {
                    FieldEdit::set("tags", &left)
                };
                self.edit(&ctx.slug, &[edit])?;
                Ok(
                    Outcome::done(name, format!("untag {}", signed(&removed, '-')))
                        .detail("tags", removed.join(",")),
                )
            }
            ActionKind::SetField(pairs) => {
                let current = serde_json::to_value(self.current(&ctx.slug))
                    .map_err(|e| Error::invalid(e.to_string()))?;
                let mut edits = Vec::new();
                let mut words = Vec::new();
                for (key, value) in pairs {
                    let edit = crate::ops::customer::field_edit(key, Some(value))?;
                    let now = edit.key_path.iter().try_fold(&current, |v, k| v.get(k));
                    if now == edit.value.as_ref() {
                        continue;
                    }
                    words.push(format!("{key} = {value}"));
                    edits.push(edit);
                }
                if edits.is_empty() {
                    return Ok(Outcome::skip(name, "already set"));
                }
                self.edit(&ctx.slug, &edits)?;
                let mut outcome = Outcome::done(name, format!("set {}", words.join(", ")));
                if let [(key, value)] = pairs.as_slice() {
                    outcome = outcome
                        .detail("field", key.clone())
                        .detail("value", value.clone());
                }
                Ok(outcome)
            }
            ActionKind::MarkThread { note, notify } => {
                let Some(thread) = ctx.facts.thread.clone() else {
                    return Ok(Outcome::skip(name, "no thread with the customer"));
                };
                let mut mentions = Vec::new();
                for who in notify {
                    if let Some(h) = self.person(ctx, who)?
                        && !mentions.contains(&h)
                    {
                        mentions.push(h);
                    }
                }
                let mut body = match note {
                    Some(t) => self.render(ctx, t)?,
                    None => format!(
                        "Needs attention: thread #{} \"{}\" {} (rule `{}`)",
                        &thread.id.short()[..4],
                        thread.subject,
                        self.age_words(ctx, &thread),
                        ctx.rule.id
                    ),
                };
                let already = crate::ops::note::mentions(&body);
                let missing: Vec<String> = mentions
                    .iter()
                    .filter(|m| !already.contains(m))
                    .map(|m| format!("@{m}"))
                    .collect();
                if !missing.is_empty() {
                    body = format!("{} {body}", missing.join(" "));
                }
                let (id, path) = self.note(
                    ctx,
                    n,
                    "attention",
                    body.clone(),
                    vec!["attention".into()],
                    Some(thread.id),
                )?;
                Ok(Outcome::done(
                    name,
                    format!(
                        "mark thread #{} for attention; note {}",
                        &thread.id.short()[..4],
                        id.short()
                    ),
                )
                .detail("body", body)
                .record(id, &path))
            }
        }
    }

    /// The handle a reference names for this firing (`None`: the customer has no owner).
    fn person(&self, ctx: &Ctx, who: &PersonRef) -> Result<Option<String>> {
        let current = self.current(&ctx.slug);
        Ok(match who {
            PersonRef::Owner => current.owner.clone(),
            PersonRef::Handle(h) => Some(h.clone()),
            PersonRef::Lead => Some(self.lead(current)?),
        })
    }

    fn lead(&self, customer: &Customer) -> Result<String> {
        let config = self.inputs.env.config;
        let Some(team) = &customer.team else {
            return Err(Error::invalid(
                "the customer has no team, so no team lead (`to: lead` needs one)",
            ));
        };
        match config.teams.get(team).and_then(|t| t.lead.as_ref()) {
            Some(lead) if config.people.contains_key(lead) => Ok(lead.clone()),
            Some(lead) => Err(Error::invalid(format!(
                "teams.{team}.lead is `{}`, who is not a person of .gitcrm/config.yaml (did they leave?)",
                text::escape(lead)
            ))),
            None => Err(Error::invalid(format!(
                "team `{team}` has no lead: set `teams.{team}.lead: <handle>` in .gitcrm/config.yaml"
            ))),
        }
    }

    /// Reassigns the customer (a handoff and the in-place edit of `owner`/`team`), unless that
    /// would change nothing, the customer was already reassigned in this run, or a handoff was
    /// made after the firing. Returns the outcome and whether it reassigned.
    fn reassign(
        &mut self,
        ctx: &Ctx,
        n: usize,
        name: &'static str,
        person: &str,
        team: Option<String>,
        reason: Option<String>,
    ) -> Result<(Outcome, bool)> {
        let current = self.current(&ctx.slug).clone();
        let from = Party {
            owner: current.owner.clone(),
            team: current.team.clone(),
        };
        let to = Party {
            owner: Some(person.to_string()),
            team: team.clone(),
        };
        let details = |o: Outcome| {
            let o = o.detail("to", person);
            match &team {
                Some(t) => o.detail("team", t.clone()),
                None => o,
            }
        };
        if from == to {
            return Ok((
                details(Outcome::skip(name, format!("already owned by {to}"))),
                false,
            ));
        }
        if let Some(other) = self.reassigned.get(&ctx.slug) {
            return Ok((
                details(Outcome::skip(
                    name,
                    format!("already reassigned in this run by rule {other}"),
                )),
                false,
            ));
        }
        if let Some(later) = ctx
            .head
            .handoffs
            .iter()
            .map(|l| &l.record)
            .find(|h| h.at >= ctx.at)
        {
            return Ok((
                details(Outcome::skip(
                    name,
                    format!(
                        "ownership changed after the firing (handoff {} at {})",
                        later.id.short(),
                        rfc3339(&later.at)
                    ),
                )),
                false,
            ));
        }
        let id = self.id(ctx, n, "handoff");
        let mut extra = Extra::new();
        extra.insert("origin".into(), self.origin(ctx));
        let handoff = Handoff {
            id,
            at: ctx.at,
            by: self.inputs.actor.to_string(),
            from: from.clone(),
            to: to.clone(),
            reason: reason.filter(|r| !r.trim().is_empty()),
            accepted_at: None,
            extra,
        };
        let actor = self.inputs.actor;
        let edited = self.edited(&ctx.slug)?;
        let planned =
            crate::ops::assign::planned_reassignment(actor, &ctx.slug, &edited.text, handoff)?;
        let path = self.take(planned);
        self.picker
            .assigned(&ctx.rule.id, from.owner.as_deref(), person);
        self.reassigned
            .insert(ctx.slug.clone(), ctx.rule.id.clone());
        let outcome = Outcome::done(name, format!("assign to {to}; handoff {}", id.short()))
            .record(id, &path);
        Ok((details(outcome), true))
    }

    fn note(
        &mut self,
        ctx: &Ctx,
        n: usize,
        part: &str,
        body: String,
        tags: Vec<String>,
        thread: Option<RecordId>,
    ) -> Result<(RecordId, String)> {
        let mentions = crate::ops::note::checked_mentions(self.inputs.env.config, &body)?;
        let id = self.id(ctx, n, part);
        let mut extra = Extra::new();
        if !mentions.is_empty() {
            extra.insert("mentions".into(), serde_json::json!(mentions));
        }
        if let Some(thread) = thread {
            extra.insert("thread".into(), serde_json::json!(thread));
        }
        extra.insert("origin".into(), self.origin(ctx));
        let note = Note {
            id,
            at: ctx.at,
            by: self.inputs.actor.to_string(),
            body: body.trim_end().to_string(),
            tags,
            extra,
        };
        let planned = crate::ops::note::planned_note(self.inputs.actor, &ctx.slug, note)?;
        Ok((id, self.take(planned)))
    }

    /// Folds a planned change into the run: the customer file into the overlay, new records
    /// into the files to create. Returns the path of the record.
    fn take<T>(&mut self, planned: Planned<T>) -> String {
        for file in planned.change.files {
            match file {
                FileOp::Update { path, contents } => {
                    if let Some(slug) = path.split('/').nth(1)
                        && let Some(edited) = self.overlay.get_mut(slug)
                        && let Ok(customer) = yaml::parse::<Customer>(Path::new(&path), &contents)
                    {
                        edited.text = contents;
                        edited.customer = customer;
                    }
                }
                create => self.creates.push(create),
            }
        }
        self.ids.extend(planned.change.ids);
        planned.path
    }

    fn edit(&mut self, slug: &str, edits: &[FieldEdit]) -> Result<()> {
        let edited = self.edited(slug)?;
        let path = layout::customer_file(slug);
        let (text, customer): (String, Customer) =
            edit_text(Path::new(&path), &edited.text, edits)?;
        edited.text = text;
        edited.customer = customer;
        Ok(())
    }

    fn render(&self, ctx: &Ctx, template: &Template) -> Result<String> {
        let customer = self.current(&ctx.slug);
        let mut out = String::new();
        for part in &template.0 {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(var) => {
                    let value = self.var(ctx, customer, var)?;
                    if from_data(var) {
                        out.push_str(&defuse_mentions(&value));
                    } else {
                        out.push_str(&value);
                    }
                }
            }
        }
        Ok(out)
    }

    fn var(&self, ctx: &Ctx, c: &Customer, var: &Var) -> Result<String> {
        let f = ctx.facts;
        let (tp, thread) = (f.touchpoint.as_ref(), f.thread.as_ref());
        let (handoff, task) = (f.handoff.as_ref(), f.task.as_ref());
        let value = match var {
            Var::CustomerName => Some(c.name.clone()),
            Var::CustomerSlug => Some(c.slug.clone()),
            Var::Owner => c.owner.clone(),
            Var::Team => c.team.clone(),
            Var::Lead => Some(self.lead(c)?),
            Var::Rule => Some(ctx.rule.id.clone()),
            Var::DaysWithoutContact => f
                .last_contact
                .map(|last| (ctx.at - last).num_days().max(0).to_string()),
            Var::TouchpointSummary => tp.map(|t| t.summary.clone()),
            Var::TouchpointChannel => tp.map(|t| t.channel.clone()),
            Var::TouchpointBy => tp.map(|t| t.by.clone()),
            Var::ThreadSubject => thread.map(|t| t.subject.clone()),
            Var::ThreadAge => thread
                .and_then(|t| self.age(ctx, t))
                .map(|(s, _)| format_duration(Duration::seconds(s))),
            Var::ThreadId => thread.map(|t| t.id.short()[..4].to_string()),
            Var::HandoffFrom => handoff.map(|h| h.from.to_string()),
            Var::HandoffTo => handoff.map(|h| h.to.to_string()),
            Var::TaskTitle => task.map(|t| t.title.clone()),
            Var::TaskDue => task.and_then(|t| t.due).map(|d| d.to_string()),
            Var::Field(k) => c.fields.get(k).map(super::compile::value_text),
        };
        Ok(value.unwrap_or_else(|| "-".to_string()))
    }

    /// How long the thread had waited at the firing instant (not at the run's time: what is
    /// written must not depend on when someone ran the rules), in the clock of its team, and
    /// whether that clock is business hours.
    fn age(&self, ctx: &Ctx, t: &ThreadInfo) -> Option<(i64, bool)> {
        let since = t.waiting_since?;
        let m = self
            .inputs
            .env
            .clocks
            .measure(t.team.as_deref(), since, ctx.at);
        Some((m.seconds, m.calendar.is_some()))
    }

    fn age_words(&self, ctx: &Ctx, t: &ThreadInfo) -> String {
        match self.age(ctx, t) {
            Some((s, business)) => format!(
                "unanswered for {}{}",
                format_duration(Duration::seconds(s)),
                if business { " (business hours)" } else { "" }
            ),
            None => "answered".to_string(),
        }
    }

    /// The one change of the run: customer files edited in place, new records, trailers.
    fn change(self, firings: &[Firing]) -> Result<Change> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for f in firings {
            *counts.entry(f.rule.as_str()).or_default() += 1;
        }
        let what: Vec<String> = if firings.len() == 1 {
            vec![format!("{} on {}", firings[0].rule, firings[0].customer)]
        } else {
            counts
                .iter()
                .map(|(r, n)| {
                    if *n == 1 {
                        r.to_string()
                    } else {
                        format!("{r} x{n}")
                    }
                })
                .collect()
        };
        let actor = self.inputs.actor;
        let mut change = Change::new(
            "rules.run",
            format!("rules: {} ({actor})", what.join(", ")),
            actor,
        );
        let mut ids: Vec<RecordId> = Vec::new();
        let mut seen = BTreeSet::new();
        for edited in self.overlay.values() {
            if edited.text != edited.original {
                change.files.push(FileOp::Update {
                    path: layout::customer_file(&edited.slug),
                    contents: edited.text.clone(),
                });
                if seen.insert(edited.customer.id) {
                    ids.push(edited.customer.id);
                }
            }
        }
        change.files.extend(self.creates);
        for id in self.ids {
            if seen.insert(id) {
                ids.push(id);
            }
        }
        change.ids = ids;
        change.trailers = firings
            .iter()
            .map(|f| {
                (
                    "Crm-Rule".to_string(),
                    format!("{} {} {}", f.rule, f.key, f.revision),
                )
            })
            .collect();
        Ok(change)
    }
}

/// Whether a placeholder's value comes from records people or customers wrote (rather than
/// handles of the config).
fn from_data(var: &Var) -> bool {
    matches!(
        var,
        Var::CustomerName
            | Var::TouchpointSummary
            | Var::TouchpointChannel
            | Var::TouchpointBy
            | Var::ThreadSubject
            | Var::TaskTitle
            | Var::Field(_)
    )
}

/// Doubles every `@` that would start a mention (`@@` is a literal `@`), so that text from the
/// data (a subject reading "@zoe help") never mentions anyone, and never fails a note because
/// it names nobody.
fn defuse_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let starts = c == '@'
            && !prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | '_' | '-' | '@'));
        if starts {
            out.push('@');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

fn party(c: &Customer) -> Party {
    Party {
        owner: c.owner.clone(),
        team: c.team.clone(),
    }
}

fn signed(items: &[String], sign: char) -> String {
    items
        .iter()
        .map(|t| format!("{sign}{t}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[test]
fn data_never_mentions() {
    assert_eq!(
        defuse_mentions("@zoe see hank@globex.example"),
        "@@zoe see hank@globex.example"
    );
    assert!(crate::ops::note::mentions(&defuse_mentions("(@zoe) @bob")).is_empty());
}

fn first_line(s: &str) -> String {
    text::truncate(s.lines().next().unwrap_or_default(), 80).into_owned()
}
