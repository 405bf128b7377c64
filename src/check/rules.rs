//! The `rules` check: `.gitcrm/rules.yaml` compiles against the config (every problem `rules
//! run` would refuse, located), and what compiling cannot see: rules that can never fire, loops
//! between rules, custom fields no customer has.

use std::collections::BTreeSet;

use super::Ctx;
use super::pipeline::Summary;
use crate::rules::{RULES_FILE, analysis, compile};

/// Compiles the rules against the config and analyses them with the custom fields of the
/// customers the folders' summaries name.
pub(super) fn run(ctx: &mut Ctx, summaries: &[Summary]) {
    let Some(text) = ctx.rules_text else {
        return;
    };
    let compiled = compile(RULES_FILE, text, &ctx.config);
    let mut problems = compiled.problems;
    if let Some(rules) = &compiled.rules {
        let with_customer: Vec<&Summary> =
            summaries.iter().filter(|s| s.customer.is_some()).collect();
        let fields: BTreeSet<&str> = with_customer
            .iter()
            .flat_map(|s| s.fields.iter().map(String::as_str))
            .collect();
        let known = (!with_customer.is_empty()).then_some(&fields);
        problems.extend(analysis::analyse(&rules.rules, known));
    }
    for problem in problems {
        ctx.out.push(problem.diagnostic(RULES_FILE));
    }
}
