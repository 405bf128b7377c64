//! Rendering a timeline: day-grouped text for terminals, Markdown, JSON.

use chrono_tz::Tz;

use crate::model::records::Direction;
use crate::model::text::{escape, escape_multiline, truncate};
use crate::timeline::{Entry, EntryKind, Timeline};

/// Options for the text layouts.
#[derive(Debug, Clone, Copy)]
pub struct TimelineStyle {
    pub zone: Tz,
    /// Print bodies under their entries.
    pub bodies: bool,
    /// Width available for the text column.
    pub width: usize,
}

fn marker(e: &Entry) -> &'static str {
    match (e.kind, e.direction) {
        (EntryKind::Touchpoint, Some(Direction::Inbound)) => "<-",
        (EntryKind::Touchpoint, Some(Direction::Outbound)) => "->",
        (EntryKind::Touchpoint, _) => "--",
        (EntryKind::Note, _) => "note",
        (EntryKind::Handoff, _) => "handoff",
        (EntryKind::HandoffAccepted, _) => "accepted",
        (EntryKind::Task, _) => "task",
        (EntryKind::TaskDone, _) => "done",
        (EntryKind::Document, _) => "document",
        (EntryKind::Change, _) => "change",
    }
}

fn thread_label(e: &Entry) -> String {
    match &e.thread {
        None => String::new(),
        Some(t) if t.starts => format!("#{} new", &t.thread[..4]),
        Some(t) => format!("#{}", &t.thread[..4]),
    }
}

fn flags(e: &Entry) -> String {
    let mut flags = Vec::new();
    let team;
    if let Some(r) = e.restricted.as_ref().filter(|r| r.readable) {
        team = format!("restricted: {}", r.team);
        flags.push(team.as_str());
    }
    if e.thread.as_ref().is_some_and(|t| t.resolves) {
        flags.push("resolved");
    }
    if e.automated {
        flags.push("auto");
    }
    if flags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", flags.join(", "))
    }
}

/// The header line shared by every layout.
pub fn header(t: &Timeline) -> String {
    let c = &t.customer;
    let owner = c.owner.as_deref().unwrap_or("nobody");
    let team = c
        .team
        .as_deref()
        .map(|t| format!("/{t}"))
        .unwrap_or_default();
    format!(
        "{} - {} ({}, owner {owner}{team})",
        escape(&c.slug),
        escape(&c.name),
        c.status
    )
}

/// Day-grouped aligned text.
pub fn text(t: &Timeline, style: TimelineStyle) -> String {
    let mut out = format!("{}\n", header(t));
    if t.entries.is_empty() {
        out.push_str("\n(no entries)\n");
        return out;
    }
    let who_width = t
        .entries
        .iter()
        .map(|e| escape(&e.by).chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    for (day, entries) in t.by_day(style.zone) {
        out.push_str(&format!("\n{}\n", day.format("%a %Y-%m-%d")));
        for e in entries {
            let time = e.at.with_timezone(&style.zone).format("%H:%M");
            let channel = e.channel.as_deref().unwrap_or("");
            let who = truncate(&escape(&e.by), 24).into_owned();
            let line = format!(
                "  {time}  {:<8} {:<8} {:<who_width$}  {:<10} {}  {}{}",
                marker(e),
                escape(channel),
                who,
                thread_label(e),
                e.id,
                escape(&e.text),
                flags(e),
            );
            out.push_str(&truncate(line.trim_end(), style.width.max(60)));
            out.push('\n');
            if style.bodies
                && let Some(body) = &e.body
            {
                for l in escape_multiline(body).lines() {
                    out.push_str(&format!("        | {l}\n"));
                }
            }
        }
    }
    out
}

/// Markdown: a heading per day and a bullet per entry.
pub fn markdown(t: &Timeline, style: TimelineStyle) -> String {
    let md = |s: &str| {
        escape(s)
            .replace('|', "\\|")
            .replace('*', "\\*")
            .replace('_', "\\_")
            .replace('`', "\\`")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = format!("# {}\n", md(&header(t)));
    for (day, entries) in t.by_day(style.zone) {
        out.push_str(&format!("\n## {}\n\n", day.format("%a %Y-%m-%d")));
        for e in entries {
            let time = e.at.with_timezone(&style.zone).format("%H:%M");
            let channel = e
                .channel
                .as_deref()
                .map(|c| format!(" {}", md(c)))
                .unwrap_or_default();
            let thread = thread_label(e);
            let thread = if thread.is_empty() {
                String::new()
            } else {
                format!(" `{thread}`")
            };
            out.push_str(&format!(
                "- **{time}** {}{channel} by {}{thread} `{}`: {}{}\n",
                marker(e),
                md(&e.by),
                e.id,
                md(&e.text),
                flags(e)
            ));
            if style.bodies
                && let Some(body) = &e.body
            {
                for l in escape_multiline(body).lines() {
                    out.push_str(&format!("  > {l}\n"));
                }
            }
        }
    }
    out
}

/// JSON: `{"version":1, "customer": {...}, "entries": [...]}`.
pub fn json(t: &Timeline) -> String {
    json_with(t, Vec::new())
}

/// [`json`] with more top-level keys after the entries (the view a command applied).
pub fn json_with(t: &Timeline, extra: Vec<(&str, serde_json::Value)>) -> String {
    let mut pairs = vec![
        (
            "customer",
            serde_json::to_value(&t.customer).unwrap_or_default(),
        ),
        (
            "entries",
            serde_json::to_value(&t.entries).unwrap_or_default(),
        ),
    ];
    pairs.extend(extra);
    super::json_object(pairs)
}
