//! What `check rules` finds beyond compiling: rules that can never fire (contradictory
//! conditions, empty groups), loops between rules (one rule's actions trigger another whose
//! actions trigger the first again, one round per run), and custom fields no customer has.

use std::collections::{BTreeMap, BTreeSet};

use super::Problem;
use super::compile::{ActionKind, Amount, Cond, Field, Rule, Test, Trigger, leaves, value_text};
use crate::model::suggest;

/// Warnings about `rules`, given the custom field names of the store's customers (`None`: the
/// store has no customer, so no field can be called unknown). Names rather than customers, so
/// `check` can keep them per customer folder in its cache.
pub fn analyse(rules: &[Rule], customer_fields: Option<&BTreeSet<&str>>) -> Vec<Problem> {
    let mut out = Vec::new();
    for rule in rules {
        if let Some(why) = never(&rule.conditions) {
            out.push(
                Problem::warning(
                    rule.pos,
                    Some(rule.id.clone()),
                    format!("can never fire: {why}"),
                )
                .with_hint("fix the conditions, or remove the rule"),
            );
        }
    }
    out.extend(loops(rules));
    if let Some(known) = customer_fields {
        out.extend(unknown_custom_fields(rules, known));
    }
    out
}

/// Why a condition can never hold, when it obviously cannot.
fn never(cond: &Cond) -> Option<String> {
    match cond {
        Cond::Any(items) if items.is_empty() => Some("an empty `any` never holds".into()),
        Cond::Any(items) => {
            let reasons: Vec<String> = items.iter().filter_map(never).collect();
            (reasons.len() == items.len()).then(|| reasons.join("; "))
        }
        Cond::Not(items) => items
            .iter()
            .any(always)
            .then(|| "a `none` holds something that is always true".into()),
        Cond::Leaf(leaf) => match &leaf.test {
            Test::Equals(values) if values.is_empty() => {
                Some(format!("`{}: []` matches nothing", leaf.name))
            }
            _ => None,
        },
        Cond::All(items) => {
            if let Some(why) = items.iter().find_map(never) {
                return Some(why);
            }
            contradiction(items)
        }
    }
}

fn always(cond: &Cond) -> bool {
    match cond {
        Cond::All(items) => items.iter().all(always),
        _ => false,
    }
}

/// Two tests of the same single-valued field in one `all` that cannot both hold.
fn contradiction(items: &[Cond]) -> Option<String> {
    let mut by_field: BTreeMap<&Field, Vec<(&str, &Test)>> = BTreeMap::new();
    for item in items {
        if let Cond::Leaf(l) = item {
            by_field
                .entry(&l.field)
                .or_default()
                .push((l.name.as_str(), &l.test));
        }
    }
    for (field, tests) in by_field {
        if matches!(
            field,
            Field::Tags | Field::Changed | Field::Touchpoint(super::compile::TouchpointField::Tags)
        ) {
            continue;
        }
        let name = tests[0].0;
        let mut allowed: Option<BTreeSet<String>> = None;
        let mut unset = false;
        let mut set = false;
        let (mut low, mut high): (Option<f64>, Option<f64>) = (None, None);
        for (_, test) in &tests {
            match test {
                Test::Equals(values) => {
                    set = true;
                    let these: BTreeSet<String> = values.iter().map(value_text).collect();
                    allowed = Some(match allowed {
                        None => these,
                        Some(prev) => prev.intersection(&these).cloned().collect(),
                    });
                }
                Test::Unset | Test::Set(false) => unset = true,
                Test::Set(true) | Test::Matches(_) => set = true,
                Test::AtLeast(a) => low = Some(low.map_or(amount(a), |l| l.max(amount(a)))),
                Test::LessThan(a) => high = Some(high.map_or(amount(a), |h| h.min(amount(a)))),
            }
        }
        if allowed.as_ref().is_some_and(BTreeSet::is_empty) {
            return Some(format!("`{name}` cannot equal two different values"));
        }
        if unset && (set || low.is_some()) {
            return Some(format!("`{name}` cannot be unset and set"));
        }
        if let (Some(l), Some(h)) = (low, high)
            && h <= l
        {
            return Some(format!("`{name}` cannot be at least {l} and less than {h}"));
        }
    }
    None
}

fn amount(a: &Amount) -> f64 {
    match a {
        Amount::Number(n) => *n,
        Amount::Seconds(s) => *s as f64,
    }
}

/// The triggers a rule's actions cause.
fn produces(rule: &Rule) -> BTreeSet<Trigger> {
    let mut out = BTreeSet::new();
    for a in &rule.actions {
        match &a.kind {
            ActionKind::Assign { .. } | ActionKind::Escalate { .. } => {
                out.insert(Trigger::HandoffCreated);
                out.insert(Trigger::CustomerChanged);
            }
            ActionKind::AddTags(_) | ActionKind::RemoveTags(_) | ActionKind::SetField(_) => {
                out.insert(Trigger::CustomerChanged);
            }
            ActionKind::AddTask {
                due_days: Some(_), ..
            } => {
                out.insert(Trigger::TaskOverdue);
            }
            _ => {}
        }
    }
    out
}

/// Loops: a cycle of rules each triggered by what the one before it does. A rule never reacts
/// to its own commit, so an event rule that triggers only itself is no loop; a `task.overdue`
/// rule whose tasks become overdue in turn is one.
fn loops(rules: &[Rule]) -> Vec<Problem> {
    let edges: Vec<Vec<usize>> = rules
        .iter()
        .map(|r| {
            let made = produces(r);
            rules
                .iter()
                .enumerate()
                .filter(|(_, s)| made.contains(&s.trigger))
                .map(|(j, _)| j)
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    let mut reported: BTreeSet<BTreeSet<usize>> = BTreeSet::new();
    for start in 0..rules.len() {
        if edges[start].contains(&start) && !rules[start].trigger.is_event() {
            out.push(
                Problem::warning(
                    rules[start].pos,
                    Some(rules[start].id.clone()),
                    format!(
                        "loop: its actions make new `{}` subjects for itself, so it fires again on what it wrote, run after run",
                        rules[start].trigger.name()
                    ),
                )
                .with_hint("add a condition that leaves out what the rule writes (a tag, an assignee), or drop the due date"),
            );
        }
        // A path back to `start` through other rules.
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, vec![start])];
        while let Some((at, path)) = stack.pop() {
            for &next in &edges[at] {
                if next == start && path.len() > 1 {
                    let set: BTreeSet<usize> = path.iter().copied().collect();
                    if reported.insert(set) {
                        let names: Vec<String> = path
                            .iter()
                            .chain(std::iter::once(&start))
                            .map(|&i| format!("`{}`", rules[i].id))
                            .collect();
                        out.push(
                            Problem::warning(
                                rules[start].pos,
                                Some(rules[start].id.clone()),
                                format!(
                                    "loop: {}; each run may fire the next round",
                                    names.join(" triggers ")
                                ),
                            )
                            .with_hint("add a condition to one of them that leaves out what the other writes"),
                        );
                    }
                } else if next != at && !path.contains(&next) {
                    let mut p = path.clone();
                    p.push(next);
                    stack.push((next, p));
                }
            }
        }
    }
    out
}

fn unknown_custom_fields(rules: &[Rule], known: &BTreeSet<&str>) -> Vec<Problem> {
    let mut out = Vec::new();
    for rule in rules {
        for leaf in leaves(&rule.conditions) {
            if let Field::Custom(k) = &leaf.field
                && !known.contains(k.as_str())
            {
                let hint = suggest::closest(k, known.iter().copied())
                    .map(|c| format!("did you mean `fields.{c}`?"))
                    .unwrap_or_else(|| {
                        "the field may be new; it is tested as unset meanwhile".into()
                    });
                out.push(
                    Problem::warning(
                        leaf.pos,
                        Some(rule.id.clone()),
                        format!("no customer has `fields.{k}`"),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    out
}
