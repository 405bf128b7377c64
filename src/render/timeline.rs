//! Rendering a timeline: day-grouped text for terminals, Markdown, JSON.

use chrono_tz::Tz;

use crate::model::records::Direction;
use crate::model::text::{escape, escape_multiline};
use crate::timeline::{Entry, EntryKind, Timeline};

/// Options for the text layouts.
#[derive(Debug, Clone, Copy)]
pub struct TimelineStyle {
    pub zone: Tz,
    /// The store's zone: when `zone` differs, the header says which zone the times are in.
    pub store_zone: Tz,
    /// Print bodies under their entries.
    pub bodies: bool,
    /// Width to fit (a terminal); `None` cuts nothing.
    pub width: Option<usize>,
}

/// The narrowest the text of an entry gets on its line; below it, the text goes on a line of
/// its own under the entry.
const MIN_TEXT: usize = 20;

/// The narrowest the customer's name gets in the header line.
const MIN_NAME: usize = 8;

/// The widest the author column gets (longer names are cut with `…`).
const MAX_WHO: usize = 20;

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

fn flags(e: &Entry, zone: Tz) -> String {
    let mut flags: Vec<String> = Vec::new();
    if let Some(r) = e.restricted.as_ref().filter(|r| r.readable) {
        flags.push(format!("restricted: {}", r.team));
    }
    if e.thread.as_ref().is_some_and(|t| t.resolves) && !e.voided {
        flags.push("resolved".into());
    }
    if e.automated {
        flags.push("auto".into());
    }
    // What the corrections changed, all of them, and who made the latest one and when; a void
    // says why. A move reads as such: the record is shown where it was moved to.
    if let Some(last) = e.corrections.last() {
        use crate::model::corrections::{CUSTOMER_KEY, CorrectionKind};
        let mut changed: Vec<&str> = Vec::new();
        let mut moved = false;
        for mark in &e.corrections {
            for field in &mark.fields {
                if field == CUSTOMER_KEY {
                    moved = true;
                } else if !changed.contains(&field.as_str()) {
                    changed.push(field);
                }
            }
        }
        let mut what = Vec::new();
        if last.kind == CorrectionKind::Void {
            what.push("voided".to_string());
        } else if !changed.is_empty() {
            what.push(format!("amended {}", changed.join(", ")));
        }
        if moved {
            what.push("moved here".to_string());
        }
        let reason = match (last.kind, &last.reason) {
            (CorrectionKind::Void, Some(r)) => format!(": {r}"),
            _ => String::new(),
        };
        flags.push(format!(
            "{} by {} {}{reason}",
            what.join(", "),
            last.by,
            last.at.with_timezone(&zone).format("%Y-%m-%d")
        ));
    }
    if flags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", flags.join(", "))
    }
}

/// The header line shared by every layout.
pub fn header(t: &Timeline) -> String {
    header_fitted(t, None)
}

/// The header line within `width`: the customer's name is cut, never its slug, status, owner
/// or team.
fn header_fitted(t: &Timeline, width: Option<usize>) -> String {
    let c = &t.customer;
    let owner = c.owner.as_deref().unwrap_or("nobody");
    let team = c
        .team
        .as_deref()
        .map(|t| format!("/{t}"))
        .unwrap_or_default();
    let slug = escape(&c.slug);
    let about = format!("({}, owner {}{})", c.status, escape(owner), escape(&team));
    let name = escape(&c.name);
    let name = match width {
        Some(w) => super::columns::fit(
            &name,
            w.saturating_sub(super::columns::width_of(&format!("{slug} -  {about}")))
                .max(MIN_NAME),
        ),
        None => name.into_owned(),
    };
    format!("{slug} - {name} {about}")
}

/// Day-grouped aligned text: time, marker, channel, author and thread in columns as wide as
/// this timeline needs, then the text, which takes the rest of the width (cut with `…`), then
/// the id, which is never cut. Too narrow for that, the text goes on its own line below.
pub fn text(t: &Timeline, style: TimelineStyle) -> String {
    use super::columns::{fit, fit_marked, width_of};
    let mut out = format!("{}\n", header_fitted(t, style.width));
    if style.zone != style.store_zone {
        out.push_str(&format!("(times in {})\n", style.zone.name()));
    }
    if t.entries.is_empty() {
        out.push_str("\nno entries\n");
        return out;
    }
    let widest =
        |f: &dyn Fn(&Entry) -> String| t.entries.iter().map(|e| width_of(&f(e))).max().unwrap_or(0);
    let marker_w = widest(&|e| marker(e).to_string());
    let channel_w = widest(&|e| escape(e.channel.as_deref().unwrap_or("")).into_owned());
    let who_w = widest(&|e| escape(&e.by).into_owned()).min(MAX_WHO);
    let thread_w = widest(&thread_label);
    // time, then each column and its gap, then the id (8) before the text's own gaps.
    let fixed = 2 + 5 + 2 + marker_w + 1 + channel_w + 1 + who_w + 2 + thread_w + 2 + 2 + 8;
    let text_room = style.width.map(|w| w.saturating_sub(fixed));
    let inline = text_room.is_none_or(|room| room >= MIN_TEXT);
    // Stacked, the author column gives up width before the line can overflow.
    let who_w = match style.width {
        Some(w) if !inline => {
            let others = fixed - who_w - 2;
            who_w.min(w.saturating_sub(others).max(6))
        }
        _ => who_w,
    };
    let pad = |text: &str, width: usize| {
        format!("{text}{}", " ".repeat(width.saturating_sub(width_of(text))))
    };
    for (day, entries) in t.by_day(style.zone) {
        out.push_str(&format!("\n{}\n", day.format("%a %Y-%m-%d")));
        for e in entries {
            let time = e.at.with_timezone(&style.zone).format("%H:%M").to_string();
            let channel = escape(e.channel.as_deref().unwrap_or("")).into_owned();
            let who = fit(&escape(&e.by), who_w.min(MAX_WHO));
            let lead = format!(
                "  {time}  {} {} {}  {}",
                pad(marker(e), marker_w),
                pad(&channel, channel_w),
                pad(&who, who_w),
                pad(&thread_label(e), thread_w),
            );
            // The summary is cut before its marker: a voided or restricted entry says so at
            // every width.
            // Content the reader cannot open is shown by its placeholder ("restricted note for
            // finance"), which is a marker too.
            let flags = flags(e, style.zone);
            let (text, marker) = if e.restricted.as_ref().is_some_and(|r| !r.readable) {
                (
                    String::new(),
                    format!("{}{}", escape(&e.text), escape(&flags)),
                )
            } else {
                (
                    escape(&e.text).into_owned(),
                    escape(flags.trim_start()).into_owned(),
                )
            };
            // A marker too wide for the text's room on the line takes the line below.
            let marker_room = match (text.is_empty(), marker.is_empty()) {
                (_, true) => 0,
                (true, false) => width_of(&marker),
                (false, false) => width_of(&marker) + 2,
            };
            if inline && text_room.is_none_or(|room| marker_room <= room) {
                let shown = fit_marked(&text, &marker, text_room.unwrap_or(usize::MAX));
                let gap = text_room.map_or(0, |room| room.saturating_sub(width_of(&shown)));
                let line = format!("{lead}  {shown}{}  {}", " ".repeat(gap), e.id);
                out.push_str(&line);
            } else {
                out.push_str(&format!("{}  {}\n", lead.trim_end(), e.id));
                let room = style.width.unwrap_or(usize::MAX).saturating_sub(9);
                out.push_str(&format!(
                    "         {}",
                    fit_marked(&text, &marker, room.max(MIN_TEXT))
                ));
            }
            out.push('\n');
            if style.bodies
                && let Some(body) = &e.body
            {
                for l in escape_multiline(body).lines() {
                    let l = match style.width {
                        Some(w) => fit(l, w.saturating_sub(10)),
                        None => l.to_string(),
                    };
                    out.push_str(&format!("        | {l}\n"));
                }
            }
        }
    }
    out
}

/// Markdown: a heading per day and a bullet per entry.
pub fn markdown(t: &Timeline, style: TimelineStyle) -> String {
    let md = super::markdown::escape_md;
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
                md(&flags(e, style.zone))
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
    json_with(t, None)
}

/// `timeline --format json` (docs/collaboration.md): the customer, the entries, and the view
/// the command applied, when it applied one.
#[derive(serde::Serialize)]
struct Document<'a> {
    customer: &'a crate::model::records::Customer,
    entries: &'a [crate::timeline::Entry],
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<serde_json::Value>,
}

/// [`json`] with the view a command applied after the entries.
pub fn json_with(t: &Timeline, view: Option<serde_json::Value>) -> String {
    super::json_of(&Document {
        customer: &t.customer,
        entries: &t.entries,
        view,
    })
}
