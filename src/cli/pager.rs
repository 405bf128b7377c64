//! Which pager long output goes through, chosen the way git chooses it: `GIT_PAGER`, then
//! git's `core.pager`, then `PAGER`, else `less`; an empty value or `cat` means none.

use std::path::Path;

/// The pager command line to run through `sh -c`, or `None` for no pager.
pub fn command(repo_root: &Path) -> Option<String> {
    let chosen = std::env::var("GIT_PAGER")
        .ok()
        .or_else(|| git_crm::git::local_config(repo_root, "core.pager"))
        .or_else(|| std::env::var("PAGER").ok())
        .unwrap_or_else(|| "less".to_string());
    let chosen = chosen.trim().to_string();
    (!chosen.is_empty() && chosen != "cat").then_some(chosen)
}
