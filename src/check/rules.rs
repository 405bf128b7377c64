//! The `rules` check: `.gitcrm/rules.yaml` compiles against the config (every problem `rules
//! run` would refuse, located), and what compiling cannot see: rules that can never fire, loops
//! between rules, custom fields no customer has.

use super::Ctx;
use crate::model::Customer;
use crate::rules::{RULES_FILE, analysis, compile};
use crate::store::snapshot::{Content, Record};

pub(super) fn run(ctx: &mut Ctx) {
    if !ctx.wants("rules") {
        return;
    }
    let Some(text) = ctx.rules_text.clone() else {
        return;
    };
    let compiled = compile(RULES_FILE, &text, &ctx.config);
    let mut problems = compiled.problems;
    if let Some(rules) = &compiled.rules {
        let customers: Vec<&Customer> = ctx
            .snapshot
            .entries
            .iter()
            .filter_map(|e| match &e.content {
                Content::Record(r) => match r.as_ref() {
                    Record::Customer(c) => Some(c),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        problems.extend(analysis::analyse(&rules.rules, &customers));
    }
    for problem in problems {
        ctx.out.push(problem.diagnostic(RULES_FILE));
    }
}
