//! A review in words (terminal text), as a Markdown merge-request comment, and as a versioned
//! JSON document for bots. Every string from the data is escaped here.

use crate::check::{Diagnostic, Severity};
use crate::history::fields;
use crate::history::render::{md, md_arrows};
use crate::model::text::escape;

use super::diff::{CustomerReview, Lifecycle};
use super::{Review, Totals};

/// How many added records of one customer the text and Markdown layouts list one by one (the
/// JSON document lists them all).
const LISTED: usize = 5;

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else if let Some(stem) = word.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {word}s")
    }
}

fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}

/// The range and who worked on it.
fn heading(r: &Review) -> String {
    let by = if r.authors.is_empty() {
        String::new()
    } else {
        format!(" by {}", r.authors.join(", "))
    };
    let base = r
        .merge_base
        .as_deref()
        .map(|b| format!(", merge base {}", short(b)))
        .unwrap_or_default();
    format!(
        "{}..{}: {}{by}{base}",
        r.base,
        r.head,
        plural(r.commits, "commit")
    )
}

/// The totals in one line, leaving out what did not happen.
pub fn summary_line(t: &Totals) -> String {
    let mut parts = Vec::new();
    for (n, word) in [
        (t.customers_added, "customer added"),
        (t.customers_renamed, "customer renamed"),
        (t.customers_archived, "customer archived"),
        (t.reassignments, "reassignment"),
    ] {
        if n > 0 {
            parts.push(match word.split_once(' ') {
                Some((noun, verb)) => format!("{} {verb}", plural(n, noun)),
                None => plural(n, word),
            });
        }
    }
    for (kind, n) in &t.records_added {
        parts.push(format!("{} added", plural(*n, kind)));
    }
    if t.fields_changed > 0 {
        parts.push(format!("{} changed", plural(t.fields_changed, "field")));
    }
    if t.records_moved > 0 {
        parts.push(format!(
            "{} moved by a correction",
            plural(t.records_moved, "record")
        ));
    }
    if t.rewrites > 0 {
        parts.push(format!(
            "{} rewritten after the fact",
            plural(t.rewrites, "record")
        ));
    }
    if t.problems > 0 {
        parts.push(plural(t.problems, "new problem"));
    }
    if parts.is_empty() {
        "no changes to customers".into()
    } else {
        parts.join(", ")
    }
}

fn by(people: &[String]) -> String {
    if people.is_empty() {
        String::new()
    } else {
        format!(" (by {})", people.join(", "))
    }
}

fn lifecycle(c: &CustomerReview) -> Vec<String> {
    let mut words = Vec::new();
    match c.change {
        Lifecycle::Added if c.by.is_empty() => words.push("added".into()),
        Lifecycle::Added => words.push(format!("added by {}", c.by.join(", "))),
        Lifecycle::Removed => words.push("customer record removed".to_string()),
        _ => {}
    }
    if let Some(from) = &c.renamed_from {
        words.push(format!("renamed from {from}"));
    }
    match c.archived {
        Some(true) => words.push("archived".into()),
        Some(false) => words.push("un-archived".into()),
        None => {}
    }
    words
}

/// The lines of one customer's section, as plain sentences (not escaped). Lines starting with
/// `!` are flags a reviewer must look at.
fn customer_lines(c: &CustomerReview) -> Vec<String> {
    let mut lines = Vec::new();
    if c.unreadable {
        lines.push("! customer.yaml does not read in head: see the new problems".to_string());
    }
    for r in &c.reassignments {
        let reason = r
            .reason
            .as_deref()
            .map(|s| format!(": {s}"))
            .unwrap_or_default();
        lines.push(format!(
            "reassigned {} -> {} by {} (handoff {}){reason}",
            r.from, r.to, r.by, r.id
        ));
    }
    for f in &c.fields {
        lines.push(format!("{}{}", fields::describe(&f.diff), by(&f.by)));
    }
    if !c.counts.is_empty() {
        let counts: Vec<String> = c.counts.iter().map(|(k, n)| plural(*n, k)).collect();
        lines.push(format!("added {}", counts.join(", ")));
        for a in c.added.iter().take(LISTED) {
            lines.push(format!(
                "  {} {}: {}{}",
                a.record.word(),
                a.id,
                a.text,
                by(&a.by)
            ));
        }
        if c.added.len() > LISTED {
            lines.push(format!("  ... and {} more", c.added.len() - LISTED));
        }
    }
    for done in &c.completed {
        let verb = done.action.unwrap_or("completed");
        lines.push(format!("{verb} {}: {}{}", done.id, done.text, by(&done.by)));
    }
    let moves = c
        .moved_in
        .iter()
        .map(|m| (m, "here from"))
        .chain(c.moved_out.iter().map(|m| (m, "to")));
    for (m, way) in moves {
        lines.push(format!(
            "moved {} {} {way} {} (correction {}){}",
            m.record.word(),
            m.id,
            m.customer,
            m.correction,
            by(&m.by)
        ));
    }
    for w in &c.rewrites {
        let detail: Vec<String> = w.fields.iter().map(fields::describe).collect();
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!(": {}", detail.join("; "))
        };
        lines.push(format!(
            "! {} {} {} after the fact{}{detail} - history should be append-only",
            w.action,
            w.record.word(),
            w.id,
            by(&w.by)
        ));
    }
    lines
}

fn diagnostic_line(d: &Diagnostic) -> String {
    let position = match (d.line, d.column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    };
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "{}{position}: {severity}[{}]: {}",
        d.path, d.check, d.message
    )
}

/// Plain text for a terminal.
pub fn text(r: &Review) -> String {
    let mut out = format!(
        "Review of {}\n{}\n",
        escape(&heading(r)),
        summary_line(&r.totals)
    );
    for c in &r.customers {
        let mut title = format!("{} ({}{})", c.slug, c.name, owner(c));
        let words = lifecycle(c);
        if !words.is_empty() {
            title.push_str(&format!(" - {}", words.join(", ")));
        }
        out.push_str(&format!("\n{}\n", escape(&title)));
        for line in customer_lines(c) {
            out.push_str(&format!("  {}\n", escape(&line)));
        }
    }
    let rules = crate::rules::review::lines(&r.rules);
    if !rules.is_empty() {
        out.push_str("\nRules\n");
        for line in rules {
            out.push_str(&format!("  {}\n", escape(&line)));
        }
    }
    if !r.problems.is_empty() {
        out.push_str("\nNew problems found by `git crm check`:\n");
        for d in &r.problems {
            out.push_str(&format!("  {}\n", escape(&diagnostic_line(d))));
        }
    }
    out
}

/// Markdown, ready to post as a merge-request comment.
pub fn markdown(r: &Review) -> String {
    let mut out = format!(
        "## git-crm review of `{}..{}`\n\n{}.\n\n**{}**\n",
        md(&r.base).replace('`', ""),
        md(&r.head).replace('`', ""),
        md(&format!(
            "{}{}",
            plural(r.commits, "commit"),
            if r.authors.is_empty() {
                String::new()
            } else {
                format!(" by {}", r.authors.join(", "))
            }
        )),
        md(&summary_line(&r.totals))
    );
    if r.totals.rewrites > 0 {
        out.push_str(
            "\n> [!WARNING]\n> Records were edited or deleted after the fact. History should be append-only: add a new record instead.\n",
        );
    }
    for c in &r.customers {
        let words = lifecycle(c);
        let status = if words.is_empty() {
            String::new()
        } else {
            format!(" ({})", md(&words.join(", ")))
        };
        out.push_str(&format!(
            "\n### {} - {}{}{status}\n",
            md(&c.slug),
            md(&c.name),
            md(&owner(c))
        ));
        let lines = customer_lines(c);
        if !lines.is_empty() {
            out.push('\n');
        }
        for line in lines {
            let (indent, line) = match line.strip_prefix("  ") {
                Some(rest) => ("  ", rest.to_string()),
                None => ("", line),
            };
            match line.strip_prefix("! ") {
                Some(flag) => out.push_str(&format!("{indent}- :warning: {}\n", md_arrows(flag))),
                None => out.push_str(&format!("{indent}- {}\n", md_arrows(&line))),
            }
        }
    }
    let rules = crate::rules::review::lines(&r.rules);
    if !rules.is_empty() {
        out.push_str("\n### Rules\n\n");
        for line in rules {
            match line.strip_prefix("! ") {
                Some(flag) => out.push_str(&format!("- :warning: {}\n", md(flag))),
                None => out.push_str(&format!("- {}\n", md(&line))),
            }
        }
    }
    if !r.problems.is_empty() {
        out.push_str("\n### New problems found by `git crm check`\n\n");
        for d in &r.problems {
            out.push_str(&format!("- {}\n", md(&diagnostic_line(d))));
        }
    }
    out
}

fn owner(c: &CustomerReview) -> String {
    c.owner
        .as_deref()
        .map(|o| format!(", owner {o}"))
        .unwrap_or_default()
}

/// `{"version": 1, "review": {...}}`.
pub fn json(r: &Review) -> String {
    crate::render::json_document("review", r)
}
