//! One output abstraction: tables for people, JSON for programs, Markdown for merge requests
//! and CI summaries, CSV for spreadsheets. Every string from the data is escaped here before it
//! reaches a terminal, and all TTY decisions are made in one place ([`Ui`]).

pub mod columns;
pub mod markdown;
pub mod metrics;
pub mod timeline;

use std::io::IsTerminal;

use serde::Serialize;

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

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` or git's `color.ui` says otherwise.
    #[default]
    Auto,
    Always,
    Never,
}

/// What the terminal can do, decided once per command.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub stdout_tty: bool,
    /// Width to fit: `COLUMNS` when set, else the terminal's; `None` when output is not a
    /// terminal (nothing is cut for a pipe).
    pub width: Option<u16>,
    /// Whether to colour what means something.
    pub color: bool,
}

impl Ui {
    /// Detects the terminal and decides colour. A reported width under 20 columns (some
    /// pseudo-terminals say 0) is treated as unknown, so tables are never squeezed to one
    /// character a column. `git_color_ui` is git's `color.ui` (or `color.crm`) setting.
    pub fn detect(choice: ColorChoice, git_color_ui: Option<&str>) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok());
        let terminal = if stdout_tty {
            terminal_size::terminal_size().map(|(w, _)| w.0)
        } else {
            None
        };
        let width = columns.or(terminal).filter(|w| *w >= 20);
        let color = decide_color(
            choice,
            &ColorEnv {
                no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
                clicolor_force: std::env::var("CLICOLOR_FORCE")
                    .is_ok_and(|v| !v.is_empty() && v != "0"),
                dumb_terminal: std::env::var("TERM").is_ok_and(|t| t == "dumb"),
                git_color_ui: git_color_ui.map(str::to_string),
            },
            stdout_tty,
        );
        Ui {
            stdout_tty,
            width,
            color,
        }
    }

    /// A plain, uncoloured, unbounded terminal (tests, and output for files).
    pub fn plain() -> Self {
        Ui {
            stdout_tty: false,
            width: None,
            color: false,
        }
    }

    /// The column layout for this terminal.
    pub fn layout(&self) -> columns::Layout {
        columns::Layout {
            width: self.width.map(usize::from),
            color: self.color,
        }
    }

    /// Whether the user can be asked questions: both ends are terminals and this is not CI.
    pub fn interactive() -> bool {
        std::io::stdin().is_terminal()
            && std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
    }
}

/// What the environment says about colour.
#[derive(Debug, Clone, Default)]
pub struct ColorEnv {
    /// `NO_COLOR` set to anything non-empty (no-color.org).
    pub no_color: bool,
    /// `CLICOLOR_FORCE` set to anything but `0`.
    pub clicolor_force: bool,
    pub dumb_terminal: bool,
    /// git's `color.ui`: `auto`, `always`, `never`, `true`, `false`.
    pub git_color_ui: Option<String>,
}

/// Whether to colour: `--color always|never` wins; then `NO_COLOR`; then `CLICOLOR_FORCE`;
/// then git's `color.ui` (`never`/`false` off, `always` on); else colour on a terminal that is
/// not dumb. Never into a pipe unless forced.
pub fn decide_color(choice: ColorChoice, env: &ColorEnv, stdout_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => return true,
        ColorChoice::Never => return false,
        ColorChoice::Auto => {}
    }
    if env.no_color {
        return false;
    }
    if env.clicolor_force {
        return true;
    }
    match env
        .git_color_ui
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("never" | "false" | "off" | "no") => return false,
        Some("always") => return true,
        _ => {}
    }
    stdout_tty && !env.dumb_terminal
}

/// A list with headers for a terminal: plain aligned columns fitted to its width (see
/// [`columns`]), cells escaped. An empty list prints nothing; the caller says so in words.
pub fn table<C: columns::Cell>(ui: &Ui, headers: &[&str], rows: &[Vec<C>]) -> String {
    columns::columns(headers, rows, &ui.layout())
}

/// A Markdown table with escaped cells (pipes and control characters); markers whole after
/// their text.
pub fn markdown_table<C: columns::Cell>(headers: &[&str], rows: &[Vec<C>]) -> String {
    let cell = |c: &C| markdown::cell(&c.whole());
    let mut out = format!(
        "| {} |\n|{}\n",
        headers.join(" | "),
        " --- |".repeat(headers.len())
    );
    for row in rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter().map(cell).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// CSV with a header row. Cells that a spreadsheet would run as a formula are neutralised with
/// a leading `'`. A cell's marker follows its text.
pub fn csv<C: columns::Cell>(headers: &[&str], rows: &[Vec<C>]) -> String {
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
        out.push_str(
            &row.iter()
                .map(|c| field(&c.whole()))
                .collect::<Vec<_>>()
                .join(","),
        );
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
    escape_deceptive(serde_json::to_string_pretty(value).unwrap_or_default())
}

/// Pretty JSON text with the deceptive characters escaped and a final newline. Those are all
/// outside ASCII, so text without any (almost every report) is kept as it is, not copied.
fn escape_deceptive(mut text: String) -> String {
    if text.is_ascii() || !text.chars().any(crate::model::text::is_deceptive) {
        text.push('\n');
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
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

/// A versioned document written from a typed struct: `{"version": 1, ...the body's fields}`.
/// Each command's JSON is a struct of its own (its schema is the struct), rather than keys
/// assembled by hand.
#[derive(Serialize)]
struct Versioned<'a, T: Serialize> {
    version: u32,
    #[serde(flatten)]
    body: &'a T,
}

/// The JSON text of a versioned document whose top-level keys are the fields of `body`.
pub fn json_of<T: Serialize>(body: &T) -> String {
    let doc = Versioned {
        version: JSON_VERSION,
        body,
    };
    // Written straight from the struct: a `serde_json::Value` of a large report first would
    // cost a tree of maps and strings as large as the text.
    escape_deceptive(serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "null".into()))
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
pub fn listing<T: Serialize, C: columns::Cell>(
    ui: &Ui,
    format: Format,
    key: &str,
    data: &T,
    headers: &[&str],
    rows: &[Vec<C>],
) -> String {
    match format {
        Format::Json => json_document(key, data),
        Format::Markdown => markdown_table(headers, rows),
        Format::Csv => csv(headers, rows),
        // An empty list says so in words instead of printing a bare header.
        Format::Table if rows.is_empty() => format!("no {key}\n"),
        Format::Table => table(ui, headers, rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_formulas() {
        let out = csv(&["a", "b"], &[vec![String::from("=1+1"), "x,y".into()]]);
        assert_eq!(out, "a,b\n'=1+1,\"x,y\"\n");
    }

    #[test]
    fn tables_escape_cells() {
        let out = table(&Ui::plain(), &["a"], &[vec![String::from("\u{1b}[31mred")]]);
        assert!(out.contains("\\u{1b}[31mred"));
        assert!(!out.contains('\u{1b}'));
    }

    #[test]
    fn colour_decisions() {
        let env = ColorEnv::default();
        assert!(decide_color(ColorChoice::Auto, &env, true));
        assert!(
            !decide_color(ColorChoice::Auto, &env, false),
            "never into a pipe"
        );
        assert!(decide_color(ColorChoice::Always, &env, false));
        let no = ColorEnv {
            no_color: true,
            ..Default::default()
        };
        assert!(!decide_color(ColorChoice::Auto, &no, true));
        assert!(
            decide_color(ColorChoice::Always, &no, true),
            "the flag wins"
        );
        let forced = ColorEnv {
            clicolor_force: true,
            ..Default::default()
        };
        assert!(decide_color(ColorChoice::Auto, &forced, false));
        let git_never = ColorEnv {
            git_color_ui: Some("never".into()),
            ..Default::default()
        };
        assert!(!decide_color(ColorChoice::Auto, &git_never, true));
        let dumb = ColorEnv {
            dumb_terminal: true,
            ..Default::default()
        };
        assert!(!decide_color(ColorChoice::Auto, &dumb, true));
    }
}
