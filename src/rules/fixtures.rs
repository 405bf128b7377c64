//! `git crm rules test`: the fixtures of the rules file (`tests:`) run through the same planner
//! as `rules run`, on a small store they describe, with the people, teams, calendars and targets
//! of the real config. A fixture says which actions it expects; the test passes when the plan
//! has exactly those, so a change to a rule is reviewed with evidence of what it does.

use std::collections::BTreeMap;

use chrono::Duration;
use serde::Serialize;

use super::Problem;
use super::compile::{Rule, Rules, Trigger};
use super::eval::Env;
use super::file::{Pos, RawFixtureCustomer, RawTest};
use super::plan::{Event, EventRecord, Fired, Inputs, Outcome, plan};
use crate::error::Result;
use crate::model::records::{Actor, Customer, Direction, Handoff, Interaction, Note, Task};
use crate::model::time::Timestamp;
use crate::model::{Config, RecordId};
use crate::store::load::Loaded;
use crate::store::{CustomerBundle, layout, yaml};

/// The result of one fixture.
#[derive(Debug, Clone, Serialize)]
pub struct TestResult {
    pub name: String,
    pub line: u64,
    pub passed: bool,
    /// Expected actions the plan does not have.
    pub missing: Vec<String>,
    /// Actions of the plan nobody expected.
    pub unexpected: Vec<String>,
    /// An error while planning (a lead who is not set...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What the plan did, one line an action.
    pub plan: Vec<String>,
}

/// Runs the fixtures (only those whose name contains `filter`, when given). Fixtures naming
/// unknown rules are problems of the file.
pub fn run(
    rules: &Rules,
    config: &Config,
    env: &Env,
    filter: Option<&str>,
) -> std::result::Result<Vec<TestResult>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for spanned in &rules.raw.tests {
        let test = &spanned.value;
        let pos = Pos::of(spanned);
        if filter.is_some_and(|f| !test.name.contains(f)) {
            continue;
        }
        let mut selected: Vec<Rule> = Vec::new();
        for id in &test.rules {
            match rules.rules.iter().find(|r| &r.id == id) {
                Some(r) => selected.push(r.clone()),
                None => problems.push(Problem::file(
                    pos,
                    None,
                    format!("test `{}`: no rule `{id}`", test.name),
                )),
            }
        }
        if test.rules.is_empty() {
            selected = rules.rules.clone();
        }
        for e in &test.expect {
            if !rules.rules.iter().any(|r| r.id == e.rule) {
                problems.push(Problem::file(
                    pos,
                    None,
                    format!(
                        "test `{}`: expects an action of rule `{}`, which does not exist",
                        test.name, e.rule
                    ),
                ));
            }
        }
        out.push(one(test, pos, &selected, rules, config, env));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn one(
    test: &RawTest,
    pos: Pos,
    selected: &[Rule],
    rules: &Rules,
    config: &Config,
    env: &Env,
) -> TestResult {
    let at = test.at.unwrap_or_else(|| latest(test));
    let (bundles, events) = world(test, at, config, &rules.actor);
    let texts: BTreeMap<String, String> = bundles
        .iter()
        .map(|b| {
            (
                b.customer.slug.clone(),
                yaml::to_yaml(&b.customer).unwrap_or_default(),
            )
        })
        .collect();
    let text = |slug: &str| -> Result<String> {
        texts
            .get(slug)
            .cloned()
            .ok_or_else(|| crate::Error::not_found(format!("no customer `{slug}`"), None))
    };
    let fired = Fired::default();
    let inputs = Inputs {
        rules: selected,
        actor: &rules.actor,
        env,
        bundles: &bundles,
        events: &events,
        fired: &fired,
        as_of: at,
        reapply: false,
        events_on: true,
        schedule_on: true,
        text: &text,
    };
    let mut result = TestResult {
        name: test.name.clone(),
        line: pos.line,
        passed: false,
        missing: Vec::new(),
        unexpected: Vec::new(),
        error: None,
        plan: Vec::new(),
    };
    let planned = match plan(&inputs) {
        Ok(p) => p,
        Err(e) => {
            result.error = Some(e.to_string());
            return result;
        }
    };
    let mut actual: Vec<(String, String, &Outcome)> = Vec::new();
    for f in &planned.firings {
        for o in f.actions.iter().filter(|o| o.effective()) {
            result.plan.push(format!(
                "{} {} {}: {}",
                f.rule, f.customer, o.action, o.text
            ));
            actual.push((f.rule.clone(), f.customer.clone(), o));
        }
    }
    let mut used = vec![false; actual.len()];
    for e in &test.expect {
        let details = e.details();
        let found = actual
            .iter()
            .enumerate()
            .position(|(i, (rule, customer, o))| {
                !used[i]
                    && *rule == e.rule
                    && *customer == e.customer
                    && o.action == e.action
                    && details
                        .iter()
                        .all(|(k, v)| o.details.get(*k).is_some_and(|d| d.trim() == v.trim()))
            });
        match found {
            Some(i) => used[i] = true,
            None => {
                let details: Vec<String> =
                    details.iter().map(|(k, v)| format!("{k}={v}")).collect();
                result.missing.push(format!(
                    "{} {} {}{}",
                    e.rule,
                    e.customer,
                    e.action,
                    if details.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", details.join(", "))
                    }
                ));
            }
        }
    }
    for (i, (rule, customer, o)) in actual.iter().enumerate() {
        if !used[i] {
            result
                .unexpected
                .push(format!("{rule} {customer} {}: {}", o.action, o.text));
        }
    }
    result.passed = result.missing.is_empty() && result.unexpected.is_empty();
    result
}

/// The latest time a fixture mentions: its default "now".
fn latest(test: &RawTest) -> Timestamp {
    let mut times: Vec<Timestamp> = Vec::new();
    for c in &test.customers {
        times.extend(c.created);
        times.extend(
            c.touchpoints
                .iter()
                .flat_map(|t| [Some(t.at), t.recorded_at])
                .flatten(),
        );
        times.extend(c.handoffs.iter().map(|h| h.at));
        times.extend(c.notes.iter().map(|n| n.at));
        times.extend(c.tasks.iter().filter_map(|t| t.created));
    }
    times
        .into_iter()
        .max()
        .unwrap_or_else(crate::model::time::now)
}

/// The store and the events a fixture describes.
pub(crate) fn world(
    test: &RawTest,
    at: Timestamp,
    config: &Config,
    actor: &str,
) -> (Vec<CustomerBundle>, Vec<Event>) {
    let mut bundles = Vec::new();
    let mut events = Vec::new();
    let id = |parts: &[&str], t: Timestamp| {
        let mut all = vec!["fixture", test.name.as_str()];
        all.extend_from_slice(parts);
        RecordId::derived(t.to_utc(), &all)
    };
    for c in &test.customers {
        let (bundle, mut evs) = customer(c, at, config, actor, &id);
        bundles.push(bundle);
        events.append(&mut evs);
    }
    bundles.sort_by(|a, b| a.customer.slug.cmp(&b.customer.slug));
    (bundles, events)
}

fn customer(
    c: &RawFixtureCustomer,
    at: Timestamp,
    config: &Config,
    actor: &str,
    id: &dyn Fn(&[&str], Timestamp) -> RecordId,
) -> (CustomerBundle, Vec<Event>) {
    let slug = c.slug.as_str();
    let earliest = c
        .touchpoints
        .iter()
        .map(|t| t.at)
        .chain(c.handoffs.iter().map(|h| h.at))
        .chain(c.notes.iter().map(|n| n.at))
        .min()
        .unwrap_or(at)
        .min(at);
    let created = c.created.unwrap_or(if c.new {
        at
    } else {
        earliest - Duration::days(1)
    });
    let team = c.team.clone().or_else(|| {
        c.owner
            .as_deref()
            .and_then(|o| config.primary_team(o))
            .map(str::to_string)
    });
    let customer = Customer {
        id: id(&[slug], created),
        name: c.name.clone().unwrap_or_else(|| slug.to_string()),
        slug: slug.to_string(),
        kind: c.kind.unwrap_or_default(),
        status: c.status.unwrap_or_default(),
        owner: c.owner.clone(),
        team,
        tags: c.tags.clone(),
        contacts: Vec::new(),
        domains: Vec::new(),
        external_ids: BTreeMap::new(),
        fields: c.fields.clone(),
        created,
        archived: c.archived,
        renamed_from: Vec::new(),
        extra: Default::default(),
    };
    let mut events = Vec::new();
    let mut interactions: Vec<Interaction> = Vec::new();
    for (n, t) in c.touchpoints.iter().enumerate() {
        let tid = id(&[slug, "touchpoint", &n.to_string()], t.at);
        let thread = t
            .reply_to
            .and_then(|k| interactions.get(k.saturating_sub(1)))
            .map(|i| i.thread)
            .unwrap_or(tid);
        let by = t.by.clone().unwrap_or_else(|| match t.direction {
            Direction::Inbound => format!("contact@{slug}.example"),
            _ => c.owner.clone().unwrap_or_else(|| actor.to_string()),
        });
        let record = Interaction {
            id: tid,
            at: t.at,
            recorded_at: t.recorded_at.unwrap_or(t.at),
            channel: t.channel.clone().unwrap_or_else(|| "email".into()),
            direction: t.direction,
            by,
            actor: t.actor.unwrap_or(Actor::Human),
            thread,
            summary: t.summary.clone(),
            body: t.body.clone(),
            resolves: t.resolves,
            tags: t.tags.clone(),
            source: None,
            extra: Default::default(),
        };
        if t.new {
            events.push(Event {
                trigger: Trigger::TouchpointLogged,
                customer: customer.id,
                key: format!("touchpoint:{}", record.id),
                at: record.recorded_at,
                state: None,
                record: EventRecord::Touchpoint(record.clone()),
                ignore: Vec::new(),
            });
        }
        interactions.push(record);
    }
    let mut handoffs = Vec::new();
    for (n, h) in c.handoffs.iter().enumerate() {
        let record = Handoff {
            id: id(&[slug, "handoff", &n.to_string()], h.at),
            at: h.at,
            by: h.by.clone().unwrap_or_else(|| actor.to_string()),
            from: h.from.clone().unwrap_or_default(),
            to: h.to.clone(),
            reason: h.reason.clone(),
            accepted_at: h.accepted_at,
            extra: Default::default(),
        };
        if h.new {
            events.push(Event {
                trigger: Trigger::HandoffCreated,
                customer: customer.id,
                key: format!("handoff:{}", record.id),
                at: record.at,
                state: None,
                record: EventRecord::Handoff(record.clone()),
                ignore: Vec::new(),
            });
        }
        handoffs.push(record);
    }
    let tasks: Vec<Task> = c
        .tasks
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let created = t.created.unwrap_or(earliest);
            Task {
                id: id(&[slug, "task", &n.to_string()], created),
                created,
                by: t.by.clone().unwrap_or_else(|| actor.to_string()),
                assignee: t.assignee.clone().or_else(|| c.owner.clone()),
                due: t.due,
                title: t.title.clone(),
                done_at: t.done_at,
                extra: Default::default(),
            }
        })
        .collect();
    let notes: Vec<Note> = c
        .notes
        .iter()
        .enumerate()
        .map(|(n, note)| Note {
            id: id(&[slug, "note", &n.to_string()], note.at),
            at: note.at,
            by: note.by.clone().unwrap_or_else(|| actor.to_string()),
            body: note.body.clone(),
            tags: note.tags.clone(),
            extra: Default::default(),
        })
        .collect();
    if c.new {
        events.push(Event {
            trigger: Trigger::CustomerAdded,
            customer: customer.id,
            key: format!("customer:{}", customer.id),
            at: customer.created,
            state: None,
            record: EventRecord::Customer,
            ignore: Vec::new(),
        });
    }
    if !c.changed.is_empty() {
        events.push(Event {
            trigger: Trigger::CustomerChanged,
            customer: customer.id,
            key: format!("change:{}:fixture", customer.id),
            at,
            state: None,
            record: EventRecord::Changed(c.changed.clone()),
            ignore: Vec::new(),
        });
    }
    use crate::model::RecordKind::{Handoff as H, Interaction as I, Note as N, Task as T};
    let bundle = CustomerBundle {
        path: layout::customer_file(slug),
        interactions: placed(slug, I, interactions, |r| (r.at, r.id)),
        notes: placed(slug, N, notes, |r| (r.at, r.id)),
        handoffs: placed(slug, H, handoffs, |r| (r.at, r.id)),
        tasks: placed(slug, T, tasks, |r| (r.created, r.id)),
        corrections: Vec::new(),
        voided_interactions: Vec::new(),
        voided_notes: Vec::new(),
        documents: Vec::new(),
        customer,
    };
    (bundle, events)
}

/// Records at the paths the store would give them.
fn placed<T>(
    slug: &str,
    kind: crate::model::RecordKind,
    records: Vec<T>,
    when: impl Fn(&T) -> (Timestamp, RecordId),
) -> Vec<Loaded<T>> {
    records
        .into_iter()
        .map(|record| {
            let (at, id) = when(&record);
            Loaded {
                path: layout::record_file(slug, kind, &at, &id),
                record,
            }
        })
        .collect()
}

/// Runs the fixtures of the work tree's rules file against the work tree's config (so a rule
/// can be tried before it is committed). Problems of the file are the error.
pub fn test_store(store: &crate::Store, filter: Option<&str>) -> Result<Vec<TestResult>> {
    use super::file::RULES_FILE;
    if crate::store::fs::kind(store.root(), RULES_FILE)?.is_none() {
        return Err(crate::Error::not_found(
            format!("no {RULES_FILE} in the work tree"),
            Some("write the rules and their `tests:` (docs/rules.md)".into()),
        ));
    }
    let text = store.read_text(RULES_FILE)?;
    let config = store.config();
    let compiled = super::compile(RULES_FILE, &text, config);
    if let Some(e) = super::problems_error(RULES_FILE, &compiled.problems) {
        return Err(e);
    }
    let rules = compiled.rules.expect("no errors, so rules");
    let env = Env::new(config, store.zone())?;
    run(&rules, config, &env, filter).map_err(|problems| {
        super::problems_error(RULES_FILE, &problems)
            .unwrap_or_else(|| crate::Error::invalid("the fixtures do not read"))
    })
}
