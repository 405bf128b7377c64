//! The `config` check: reports every problem of `.gitcrm/config.yaml` that
//! [`crate::model::config_problems`] knows (the same rules that stop other commands), with the
//! line of the key.

use super::{Ctx, Problem};
use crate::store::layout;

const FILE: &str = layout::CONFIG_FILE;

pub(super) fn run(ctx: &mut Ctx) {
    if !ctx.wants("config") {
        return;
    }
    if let Some(crate::Error::Parse {
        line,
        column,
        message,
        ..
    }) = ctx.config_error.take()
    {
        ctx.push(
            Problem::error("config", message).hint(
                "docs/format.md describes the config; until it parses, the current one is used",
            ),
            FILE,
            Some(line),
            Some(column),
        );
    }
    let config = ctx.config.clone();
    for problem in crate::model::config_problems::problems(&config) {
        let message = format!("{}: {}", problem.keys.join("."), problem.message);
        let diagnostic = if problem.error {
            Problem::error("config", message)
        } else {
            Problem::warning("config", message)
        }
        .maybe_hint(problem.hint);
        let keys: Vec<&str> = problem.keys.iter().map(String::as_str).collect();
        ctx.report(diagnostic, FILE, &keys);
    }
}
