//! One output abstraction: tables for people, JSON for programs, Markdown for merge requests
//! and CI summaries, CSV for spreadsheets. Every string from the data is escaped here before it
//! reaches a terminal, and all TTY decisions are made in one place ([`Ui`]).

pub mod metrics;
pub mod timeline;

use std::io::IsTerminal;

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::model::text::escape;

/// Output formats. Each command accepts the subset that makes sense for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Json,
    Markdown,
    Csv,
}

/// The version of every JSON document the tool prints; bumped on incompatible changes.
pub const JSON_VERSION: u32 = 1;

/// What the terminal can do.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub stdout_tty: bool,
    /// Terminal width, when known and sane.
    pub width: Option<u16>,
}

impl Ui {
    /// Detects the terminal. A reported width under 20 columns (some pseudo-terminals say 0) is
    /// treated as unknown, so tables are never squeezed to one character a column.
    pub fn detect() -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let width = if stdout_tty {
            comfy_table::Table::new().width().filter(|w| *w >= 20)
        } else {
            None
        };
        Ui { stdout_tty, width }
    }

    /// Whether the user can be asked questions: both ends are terminals and this is not CI.
    pub fn interactive() -> bool {
        std::io::stdin().is_terminal()
            && std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
    }
}

/// A table of escaped cells: boxed and fitted to the terminal on a TTY, plain columns otherwise.
pub fn table(ui: &Ui, headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut table = Table::new();
    if ui.stdout_tty {
        table.load_style(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = ui.width {
            table.set_width(w);
        }
    } else {
        table.load_style(presets::NOTHING);
        table.set_content_arrangement(ContentArrangement::Disabled);
    }
    table.set_header(headers.iter().map(|h| h.to_string()));
    for row in rows {
        table.add_row(row.iter().map(|c| escape(c).into_owned()));
    }
    let mut out = table.to_string();
    if !ui.stdout_tty {
        out = out
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
    }
    out.push('\n');
    out
}

/// A Markdown table with escaped cells (pipes and control characters).
pub fn markdown_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let cell = |c: &str| escape(c).replace('|', "\\|");
    let mut out = format!(
        "| {} |\n|{}\n",
        headers.join(" | "),
        " --- |".repeat(headers.len())
    );
    for row in rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// CSV with a header row. Cells that a spreadsheet would run as a formula are neutralised with
/// a leading `'`.
pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> String {
    let field = |c: &str| {
        let c = if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{c}")
        } else {
            c.to_string()
        };
        if c.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c
        }
    };
    let mut out = headers.join(",");
    out.push('\n');
    for row in rows {
        out.push_str(&row.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// A JSON document: `{"version": 1, <key>: <value>, ...extra}` pretty-printed.
pub fn json_document<T: Serialize>(key: &str, value: &T) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert("version".into(), JSON_VERSION.into());
    doc.insert(
        key.into(),
        serde_json::to_value(value).unwrap_or(serde_json::Value::Null),
    );
    json_text(&serde_json::Value::Object(doc))
}

/// Pretty JSON text, with the characters that can disguise text on a screen (bidirectional
/// overrides, zero-width characters; serde_json already escapes control characters) written as
/// `\uXXXX` escapes: the same data for a program, nothing hidden for a person reading it.
pub fn json_text(value: &serde_json::Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if crate::model::text::is_deceptive(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

/// A JSON document from several top-level keys.
pub fn json_object(pairs: Vec<(&str, serde_json::Value)>) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert("version".into(), JSON_VERSION.into());
    for (k, v) in pairs {
        doc.insert(k.into(), v);
    }
    json_text(&serde_json::Value::Object(doc))
}

/// A time for tables: `2026-11-02 14:30` in `zone`.
pub fn short_time(t: &crate::model::Timestamp, zone: chrono_tz::Tz) -> String {
    t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string()
}

/// How long ago `t` was, compactly (`3d`, `5h`), for "last touchpoint" columns.
pub fn age(t: &crate::model::Timestamp, now: &crate::model::Timestamp) -> String {
    let d = *now - *t;
    if d.num_days() >= 1 {
        format!("{}d ago", d.num_days())
    } else if d.num_hours() >= 1 {
        format!("{}h ago", d.num_hours())
    } else {
        format!("{}m ago", d.num_minutes().max(0))
    }
}

/// A list in the requested format: the JSON document `{"version": 1, <key>: <data>}`, or the
/// rows as a Markdown table, CSV, or a terminal table.
pub fn listing<T: Serialize>(
    ui: &Ui,
    format: Format,
    key: &str,
    data: &T,
    headers: &[&str],
    rows: &[Vec<String>],
) -> String {
    match format {
        Format::Json => json_document(key, data),
        Format::Markdown => markdown_table(headers, rows),
        Format::Csv => csv(headers, rows),
        Format::Table => table(ui, headers, rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_formulas() {
        let out = csv(&["a", "b"], &[vec!["=1+1".into(), "x,y".into()]]);
        assert_eq!(out, "a,b\n'=1+1,\"x,y\"\n");
    }

    #[test]
    fn tables_escape_cells() {
        let ui = Ui {
            stdout_tty: false,
            width: None,
        };
        let out = table(&ui, &["a"], &[vec!["\u{1b}[31mred".into()]]);
        assert!(out.contains("\\u{1b}[31mred"));
        assert!(!out.contains('\u{1b}'));
    }
}
