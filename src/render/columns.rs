//! Plain aligned columns, the way git, gh and jj print lists: no box borders, identifiers,
//! dates and numbers never cut or wrapped, and the free-text columns (a name, a title, a
//! subject) taking whatever width is left, cut with `…`. Below a sensible width a stacked
//! layout (one block per row) replaces a table that could not be read. Colour marks only what
//! means something (overdue, over target, new, pending) and is added after the widths are
//! measured, so it never shifts a column.

use unicode_width::UnicodeWidthStr;

use crate::model::text::escape;

/// Headers of free-text columns: they shrink to fit; every other column keeps its width.
const FLEX_HEADERS: &[&str] = &[
    "name",
    "title",
    "subject",
    "summary",
    "reason",
    "note",
    "text",
    "description",
    "tags",
    "message",
    "emails",
    "teams",
    "what",
    "from",
];

/// Headers of columns a narrow terminal can do without (the data is in `--format json`):
/// dropped, last first, before a list falls back to the stacked layout.
const OPTIONAL_HEADERS: &[&str] = &["by", "waiting since", "team", "assignee", "tags", "reason"];

/// The narrowest a free-text column gets before the stacked layout is used instead.
const MIN_FLEX: usize = 10;

/// The width free text gets before an optional column is dropped to make room.
const COMFORT_FLEX: usize = 20;

/// Two spaces between columns.
const GAP: usize = 2;

/// How a list is laid out for the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout {
    /// The width to fit, when known (a terminal, or `COLUMNS`); `None` never cuts.
    pub width: Option<usize>,
    /// Whether to colour cells whose value means something.
    pub color: bool,
}

/// Display width of `text` (wide characters count two).
pub fn width_of(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to at most `max` display columns, ending with `…` when it was cut.
pub fn fit(text: &str, max: usize) -> String {
    if width_of(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn pad(text: &str, width: usize) -> String {
    let w = width_of(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The colour a cell's value means, if any (ANSI SGR parameters).
fn meaning(header: &str, value: &str) -> Option<&'static str> {
    match value {
        "over target" | "overdue" | "breached" | "conflict" | "error" => Some("31"),
        "new" | "unanswered" | "pending" => Some("33"),
        "within target" | "accepted" | "done" | "resolved" => Some("32"),
        _ if header == "status" && value.starts_with("pending") => Some("33"),
        _ => None,
    }
}

fn paint(text: String, header: &str, value: &str, layout: &Layout) -> String {
    match (layout.color, meaning(header, value)) {
        (true, Some(sgr)) => format!("\u{1b}[{sgr}m{text}\u{1b}[0m"),
        _ => text,
    }
}

/// A list with headers, escaped cells, fitted to `layout`. An empty list gives an empty
/// string: the caller says in words that there is nothing ("no open tasks").
pub fn columns(headers: &[&str], rows: &[Vec<String>], layout: &Layout) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| escape(c).into_owned()).collect())
        .collect();
    // A column empty in every row says nothing: it takes no room.
    let mut keep: Vec<usize> = (0..headers.len())
        .filter(|&i| {
            i == 0
                || cells
                    .iter()
                    .any(|r| r.get(i).is_some_and(|c| !c.is_empty()))
        })
        .collect();
    loop {
        let headers_kept: Vec<&str> = keep.iter().map(|&i| headers[i]).collect();
        let cells_kept: Vec<Vec<String>> = cells
            .iter()
            .map(|r| {
                keep.iter()
                    .map(|&i| r.get(i).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        let optional = keep
            .iter()
            .rposition(|&i| OPTIONAL_HEADERS.contains(&headers[i].to_ascii_lowercase().as_str()));
        // While a column can still go, free text gets a comfortable width first.
        let min_flex = if optional.is_some() {
            COMFORT_FLEX
        } else {
            MIN_FLEX
        };
        if let Some(out) = fitted(&headers_kept, &cells_kept, layout, min_flex) {
            return out;
        }
        match optional {
            Some(pos) => {
                keep.remove(pos);
            }
            None => return stacked(&headers_kept, &cells_kept, layout),
        }
    }
}

/// The table fitted to the layout, or `None` when it cannot fit without the stacked layout.
fn fitted(
    headers: &[&str],
    cells: &[Vec<String>],
    layout: &Layout,
    min_flex: usize,
) -> Option<String> {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| width_of(h)).collect();
    for row in cells {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(width_of(cell));
        }
    }
    // A column that is empty in every row (and has no header) takes no room.
    let flex: Vec<bool> = headers
        .iter()
        .map(|h| FLEX_HEADERS.contains(&h.to_ascii_lowercase().as_str()))
        .collect();
    if let Some(width) = layout.width {
        let total: usize = widths.iter().sum::<usize>() + GAP * n.saturating_sub(1);
        if total > width {
            let fixed: usize = widths
                .iter()
                .zip(&flex)
                .filter(|(_, f)| !**f)
                .map(|(w, _)| *w)
                .sum::<usize>()
                + GAP * n.saturating_sub(1);
            let flex_count = flex.iter().filter(|f| **f).count();
            let room = width.saturating_sub(fixed);
            if flex_count == 0 || room < min_flex * flex_count {
                return None;
            }
            shrink(&mut widths, &flex, room, min_flex);
        }
    }
    let mut out = String::new();
    let header_line: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| pad(h, widths[i]))
        .collect();
    out.push_str(header_line.join("  ").trim_end());
    out.push('\n');
    for row in cells {
        let line: Vec<String> = (0..n)
            .map(|i| {
                let value = row.get(i).map(String::as_str).unwrap_or("");
                let shown = if flex[i] {
                    fit(value, widths[i])
                } else {
                    value.to_string()
                };
                let padded = if i + 1 == n {
                    shown
                } else {
                    pad(&shown, widths[i])
                };
                paint(padded, headers[i], value, layout)
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    Some(out)
}

/// Shares `room` among the free-text columns: each keeps its natural width if it fits, the
/// widest give up width first.
fn shrink(widths: &mut [usize], flex: &[bool], room: usize, min_flex: usize) {
    let mut flex_idx: Vec<usize> = (0..widths.len()).filter(|i| flex[*i]).collect();
    flex_idx.sort_by_key(|i| widths[*i]);
    let mut left = room;
    let mut remaining = flex_idx.len();
    for i in flex_idx {
        let share = left / remaining.max(1);
        let w = widths[i].min(share.max(min_flex));
        widths[i] = w;
        left = left.saturating_sub(w);
        remaining -= 1;
    }
}

/// One block per row: the first cell as a title, then `header  value` lines, values cut to the
/// width. For terminals too narrow for the table.
fn stacked(headers: &[&str], cells: &[Vec<String>], layout: &Layout) -> String {
    let label = headers.iter().map(|h| width_of(h)).max().unwrap_or(0);
    let width = layout.width.unwrap_or(usize::MAX);
    let mut out = String::new();
    for (k, row) in cells.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let title = row.first().map(String::as_str).unwrap_or("");
        out.push_str(&paint(title.to_string(), headers[0], title, layout));
        out.push('\n');
        for (i, header) in headers.iter().enumerate().skip(1) {
            let value = row.get(i).map(String::as_str).unwrap_or("");
            if value.is_empty() {
                continue;
            }
            let room = width.saturating_sub(label + 4);
            let shown = fit(value, room.max(8));
            out.push_str(&format!(
                "  {}  {}\n",
                pad(header, label),
                paint(shown, header, value, layout)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<String>> {
        vec![
            vec![
                "atelier-lumiere".into(),
                "Atelier Lumière, a very long company name indeed".into(),
                "finance".into(),
                "2026-11-20".into(),
            ],
            vec![
                "acme".into(),
                "Acme".into(),
                "support".into(),
                "2026-11-21".into(),
            ],
        ]
    }

    const HEADERS: &[&str] = &["slug", "name", "team", "due"];

    #[test]
    fn identifiers_are_never_cut_and_text_takes_the_rest() {
        for width in [60, 80, 120] {
            let out = columns(
                HEADERS,
                &rows(),
                &Layout {
                    width: Some(width),
                    color: false,
                },
            );
            for line in out.lines() {
                assert!(width_of(line) <= width, "{width}: {line}");
            }
            assert!(out.contains("atelier-lumiere"), "{out}");
            assert!(
                out.contains("finance") && out.contains("2026-11-20"),
                "{out}"
            );
        }
        let narrow = columns(
            HEADERS,
            &rows(),
            &Layout {
                width: Some(60),
                color: false,
            },
        );
        assert!(narrow.contains('…'), "{narrow}");
        let wide = columns(HEADERS, &rows(), &Layout::default());
        assert!(wide.contains("a very long company name indeed"), "{wide}");
        assert!(!wide.contains('│') && !wide.contains('─'));
    }

    #[test]
    fn too_narrow_for_a_table_stacks() {
        let out = columns(
            HEADERS,
            &rows(),
            &Layout {
                width: Some(30),
                color: false,
            },
        );
        assert!(out.starts_with("atelier-lumiere\n  name  "), "{out}");
        for line in out.lines() {
            assert!(width_of(line) <= 30, "{line}");
        }
    }

    #[test]
    fn colour_only_where_it_means_something_and_not_in_widths() {
        let rows = vec![
            vec!["t1".into(), "overdue".into(), "pay".into()],
            vec!["t2".into(), "".into(), "call".into()],
        ];
        let headers = &["id", "", "title"];
        let plain = columns(headers, &rows, &Layout::default());
        let coloured = columns(
            headers,
            &rows,
            &Layout {
                width: None,
                color: true,
            },
        );
        assert!(coloured.contains("\u{1b}[31moverdue"), "{coloured:?}");
        let stripped = coloured.replace("\u{1b}[31m", "").replace("\u{1b}[0m", "");
        assert_eq!(stripped, plain);
        assert!(!plain.contains('\u{1b}'));
    }

    #[test]
    fn cells_are_escaped_and_empty_lists_are_empty() {
        let out = columns(&["a"], &[vec!["\u{1b}[31mred".into()]], &Layout::default());
        assert!(out.contains("\\u{1b}[31mred") && !out.contains('\u{1b}'));
        assert_eq!(columns(&["a"], &[], &Layout::default()), "");
    }
}
