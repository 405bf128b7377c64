//! The `--view` flag of read commands and the note they print when a view hid records.

use anyhow::Result;
use clap::Args;

use git_crm::model::views::ActiveView;

use super::Ctx;

/// `--view <role>`: shared by `timeline`, `customer show` and `inbox`.
#[derive(Debug, Clone, Args)]
pub struct ViewArg {
    /// Apply the view of this role (default: the acting person's role; `all` shows everything).
    /// A view decides what comes first and which tagged records are left out; it is surfacing,
    /// not security: everyone with the repository can read every record.
    #[arg(long, value_name = "ROLE")]
    pub view: Option<String>,
}

impl ViewArg {
    /// The view to apply for this invocation.
    pub fn resolve(&self, ctx: &Ctx) -> Result<ActiveView> {
        Ok(git_crm::ops::views::resolve(
            &ctx.store,
            self.view.as_deref(),
            ctx.acting.as_deref(),
        )?)
    }
}

/// The sentence that tells what `view` left out, with the flag that shows everything.
pub fn hidden_note(view: &ActiveView, hidden: usize, one: &str, many: &str) -> Option<String> {
    view.hidden_note(hidden, one, many)
        .map(|note| format!("{note} (`--view all` shows everything)"))
}

/// The note as a trailing paragraph (`\n<note>\n`), wrapped in `wrap` (`_` for Markdown), or
/// nothing.
pub fn note_line(note: Option<String>, wrap: &str) -> String {
    note.map(|n| format!("\n{wrap}{n}{wrap}\n"))
        .unwrap_or_default()
}
