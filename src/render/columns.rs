//! Plain aligned columns, the way git, gh and jj print lists: no box borders, identifiers,
//! dates and numbers never cut or wrapped, and the free-text columns (a name, a title, a
//! subject) taking whatever width is left, cut with `…`. Below a sensible width a stacked
//! layout (one block per row) replaces a table that could not be read. Colour marks only what
//! means something (overdue, over target, new, pending) and is added after the widths are
//! measured, so it never shifts a column.

use unicode_width::UnicodeWidthStr;

use crate::model::text::escape;

/// Headers of free-text columns: they shrink to fit; every other column keeps its width. A
/// header means the same kind of value in every list: `from` and `to` are parties (`dave
/// (support)`), `teams` and `members` lists of identifiers, so they are never cut; a sender
/// written by someone outside (a contact's name or address) is a `sender`, free text.
const FLEX_HEADERS: &[&str] = &[
    "name",
    "title",
    "subject",
    "summary",
    "reason",
    "note",
    "text",
    "description",
    "details",
    "tags",
    "message",
    "emails",
    "what",
    "sender",
];

/// Headers of columns a narrow terminal can do without (the data is in `--format json`):
/// dropped, last first, before a list falls back to the stacked layout.
const OPTIONAL_HEADERS: &[&str] = &[
    "by",
    "waiting since",
    "wall age",
    "team",
    "assignee",
    "tags",
    "reason",
];

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

/// `text` broken at spaces into lines of at most `width` display columns, for prose and
/// `key: value` lines that must not be cut; a word wider than `width` gets a line of its own and
/// is never broken.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && width_of(&line) + 1 + width_of(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` and then ` marker`, cut to at most `max` display columns: the text is cut (with `…`)
/// before the marker is, so a shortened title still says that it recurs and a shortened summary
/// that it was voided. A marker wider than `max` on its own is cut inside its closing bracket.
pub fn fit_marked(text: &str, marker: &str, max: usize) -> String {
    if marker.is_empty() {
        return fit(text, max);
    }
    if text.is_empty() {
        return fit_marker(marker, max);
    }
    let marker_w = width_of(marker);
    if width_of(text) + 1 + marker_w <= max {
        return format!("{text} {marker}");
    }
    // At least `… marker`.
    if marker_w + 2 <= max {
        return format!("{} {marker}", fit(text, max - marker_w - 1));
    }
    fit_marker(marker, max)
}

/// A marker cut to `max`, keeping its closing `]` or `)` so it still reads as one.
fn fit_marker(marker: &str, max: usize) -> String {
    match marker.char_indices().last() {
        Some((i, close @ (']' | ')'))) if width_of(marker) > max && max >= 2 => {
            format!("{}{close}", fit(&marker[..i], max - 1))
        }
        _ => fit(marker, max),
    }
}

/// What a table cell holds: its text, and a marker printed after it that is never cut
/// (`(every 1w)`, `[corrected]`, `(archived)`). A list may shorten a task's title to fit, but
/// must not hide that the task recurs.
pub trait Cell {
    /// The text: cut with `…` in a free-text column.
    fn text(&self) -> &str;
    /// The marker after the text, empty for none: shown whole.
    fn marker(&self) -> &str {
        ""
    }
    /// Text and marker as one string, for outputs that never cut (Markdown, CSV).
    fn whole(&self) -> String {
        match self.marker() {
            "" => self.text().to_string(),
            marker if self.text().is_empty() => marker.to_string(),
            marker => format!("{} {marker}", self.text()),
        }
    }
}

impl Cell for String {
    fn text(&self) -> &str {
        self
    }
}

/// A cell whose text carries a marker (see [`Cell`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub marker: String,
}

impl Marked {
    /// `text` followed by `marker` (empty for none).
    pub fn new(text: impl Into<String>, marker: impl Into<String>) -> Self {
        Marked {
            text: text.into(),
            marker: marker.into(),
        }
    }
}

impl From<String> for Marked {
    fn from(text: String) -> Self {
        Marked::new(text, "")
    }
}

impl Cell for Marked {
    fn text(&self) -> &str {
        &self.text
    }
    fn marker(&self) -> &str {
        &self.marker
    }
}

/// A cell as the terminal shows it: text and marker escaped, measured once.
#[derive(Debug, Clone, Default)]
struct Shown {
    text: String,
    marker: String,
}

impl Shown {
    fn of(cell: &impl Cell) -> Self {
        Shown {
            text: escape(cell.text()).into_owned(),
            marker: escape(cell.marker()).into_owned(),
        }
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty() && self.marker.is_empty()
    }

    fn width(&self) -> usize {
        width_of(&self.whole())
    }

    /// The room the marker needs (with its space before it), 0 for none.
    fn marker_width(&self) -> usize {
        match self.marker.as_str() {
            "" => 0,
            marker if self.text.is_empty() => width_of(marker),
            marker => width_of(marker) + 1,
        }
    }

    fn whole(&self) -> String {
        match (self.text.is_empty(), self.marker.is_empty()) {
            (_, true) => self.text.clone(),
            (true, false) => self.marker.clone(),
            (false, false) => format!("{} {}", self.text, self.marker),
        }
    }

    fn fit(&self, max: usize) -> String {
        fit_marked(&self.text, &self.marker, max)
    }
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

fn is_flex(header: &str) -> bool {
    FLEX_HEADERS.contains(&header.to_ascii_lowercase().as_str())
}

fn is_optional(header: &str) -> bool {
    OPTIONAL_HEADERS.contains(&header.to_ascii_lowercase().as_str())
}

/// A list with headers, escaped cells, fitted to `layout`. An empty list gives an empty
/// string: the caller says in words that there is nothing ("no open tasks").
pub fn columns<C: Cell>(headers: &[&str], rows: &[Vec<C>], layout: &Layout) -> String {
    let cells: Vec<Vec<Shown>> = rows
        .iter()
        .map(|r| r.iter().map(Shown::of).collect())
        .collect();
    laid_out(headers, &cells, layout)
}

fn laid_out(headers: &[&str], cells: &[Vec<Shown>], layout: &Layout) -> String {
    if cells.is_empty() {
        return String::new();
    }
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
        let cells_kept: Vec<Vec<Shown>> = cells
            .iter()
            .map(|r| {
                keep.iter()
                    .map(|&i| r.get(i).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        // The first column names the row (a team in `team list`): it never goes.
        let optional = keep.iter().rposition(|&i| i > 0 && is_optional(headers[i]));
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

/// A wide table of short fixed values (metrics per group) in as few tables as fit the width,
/// each repeating the first column, instead of the stacked layout. `groups` are ranges of the
/// other columns that belong together (a metric's statistics) and stay in one table; columns in
/// no group go with the group before them. One table when everything fits, or with no width.
pub fn columns_in_parts<C: Cell>(
    headers: &[&str],
    rows: &[Vec<C>],
    layout: &Layout,
    groups: &[std::ops::Range<usize>],
) -> String {
    let cells: Vec<Vec<Shown>> = rows
        .iter()
        .map(|r| r.iter().map(Shown::of).collect())
        .collect();
    let Some(width) = layout.width else {
        return laid_out(headers, &cells, layout);
    };
    let natural = |i: usize| {
        cells
            .iter()
            .filter_map(|r| r.get(i).map(Shown::width))
            .fold(width_of(headers[i]), usize::max)
    };
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut used = natural(0);
    for group in groups {
        let columns: Vec<usize> = group
            .clone()
            .filter(|&i| i > 0 && i < headers.len())
            .collect();
        let need: usize = columns.iter().map(|&i| GAP + natural(i)).sum();
        match parts.last_mut() {
            Some(part) if used + need <= width => part.extend(&columns),
            _ => {
                parts.push(columns);
                used = natural(0);
            }
        }
        used += need;
    }
    let mut out = String::new();
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let picked: Vec<usize> = std::iter::once(0).chain(part.iter().copied()).collect();
        let headers: Vec<&str> = picked.iter().map(|&i| headers[i]).collect();
        let cells: Vec<Vec<Shown>> = cells
            .iter()
            .map(|r| {
                picked
                    .iter()
                    .map(|&i| r.get(i).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        out.push_str(&laid_out(&headers, &cells, layout));
    }
    out
}

/// The table fitted to the layout, or `None` when it cannot fit without the stacked layout.
fn fitted(
    headers: &[&str],
    cells: &[Vec<Shown>],
    layout: &Layout,
    min_flex: usize,
) -> Option<String> {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| width_of(h)).collect();
    // A free-text column never gets narrower than its widest marker and `… `.
    let mut marker_widths = vec![0; n];
    for row in cells {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(cell.width());
            marker_widths[i] = marker_widths[i].max(cell.marker_width());
        }
    }
    let flex: Vec<bool> = headers.iter().map(|h| is_flex(h)).collect();
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
            let mins: Vec<usize> = (0..n)
                .map(|i| widths[i].min(min_flex.max(marker_widths[i] + 1)))
                .collect();
            let room = width.saturating_sub(fixed);
            let needed: usize = (0..n).filter(|&i| flex[i]).map(|i| mins[i]).sum();
            if !flex.contains(&true) || room < needed {
                return None;
            }
            shrink(&mut widths, &flex, &mins, room);
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
                let cell = row.get(i).cloned().unwrap_or_default();
                let shown = if flex[i] {
                    cell.fit(widths[i])
                } else {
                    cell.whole()
                };
                let padded = if i + 1 == n {
                    shown
                } else {
                    pad(&shown, widths[i])
                };
                paint(padded, headers[i], &cell.text, layout)
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    Some(out)
}

/// Shares `room` among the free-text columns: each keeps its natural width if it fits, the
/// widest give up width first, none below its minimum (`mins`).
fn shrink(widths: &mut [usize], flex: &[bool], mins: &[usize], room: usize) {
    let mut flex_idx: Vec<usize> = (0..widths.len()).filter(|i| flex[*i]).collect();
    flex_idx.sort_by_key(|i| widths[*i]);
    let mut left = room;
    let mut remaining = flex_idx.len();
    for &i in &flex_idx {
        let share = left / remaining.max(1);
        let w = widths[i].min(share.max(mins[i]));
        widths[i] = w;
        left = left.saturating_sub(w);
        remaining -= 1;
    }
    // A minimum taken above its share leaves the others too much: the widest give it back.
    while flex_idx.iter().map(|&i| widths[i]).sum::<usize>() > room {
        let Some(&i) = flex_idx
            .iter()
            .filter(|&&i| widths[i] > mins[i])
            .max_by_key(|&&i| widths[i])
        else {
            break;
        };
        widths[i] -= 1;
    }
}

/// One block per row: the first cell as a title, then `header  value` lines, values cut to the
/// width. For terminals too narrow for the table.
fn stacked(headers: &[&str], cells: &[Vec<Shown>], layout: &Layout) -> String {
    let label = headers.iter().map(|h| width_of(h)).max().unwrap_or(0);
    let width = layout.width.unwrap_or(usize::MAX);
    let mut out = String::new();
    for (k, row) in cells.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let title = row.first().map(Shown::whole).unwrap_or_default();
        let first = row.first().map(|c| c.text.as_str()).unwrap_or("");
        out.push_str(&paint(title.clone(), headers[0], first, layout));
        out.push('\n');
        for (i, header) in headers.iter().enumerate().skip(1) {
            let Some(cell) = row.get(i).filter(|c| !c.is_empty()) else {
                continue;
            };
            let room = width.saturating_sub(label + 4);
            let shown = if is_flex(header) {
                cell.fit(room.max(8))
            } else {
                cell.whole()
            };
            out.push_str(&format!(
                "  {}  {}\n",
                pad(header, label),
                paint(shown, header, &cell.text, layout)
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
        let rows: Vec<Vec<String>> = vec![
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
        let out = columns(
            &["a"],
            &[vec![String::from("\u{1b}[31mred")]],
            &Layout::default(),
        );
        assert!(out.contains("\\u{1b}[31mred") && !out.contains('\u{1b}'));
        assert_eq!(columns::<String>(&["a"], &[], &Layout::default()), "");
    }

    #[test]
    fn markers_stay_whole_when_the_text_is_cut() {
        assert_eq!(
            fit_marked("Weekly report to the board", "(every 1w)", 20),
            "Weekly r… (every 1w)"
        );
        assert_eq!(fit_marked("Short", "[corrected]", 40), "Short [corrected]");
        // Too narrow even for the marker: cut inside its bracket.
        assert_eq!(
            fit_marked("Text", "[voided by alice 2026-11-20]", 12),
            "[voided by…]"
        );
        let rows = vec![
            vec![
                Marked::from(String::from("t1")),
                Marked::new(
                    "Send the revised lighting plan with the three alternatives",
                    "(every 1w)",
                ),
                Marked::from(String::from("2026-11-20")),
            ],
            vec![
                Marked::from(String::from("t2")),
                Marked::new("Call", ""),
                Marked::from(String::from("2026-11-21")),
            ],
        ];
        for width in [30, 40, 60] {
            let out = columns(
                &["id", "title", "due"],
                &rows,
                &Layout {
                    width: Some(width),
                    color: false,
                },
            );
            assert!(out.contains("(every 1w)"), "{width}: {out}");
            assert!(out.contains("2026-11-20"), "{width}: {out}");
            for line in out.lines() {
                assert!(width_of(line) <= width, "{width}: {line}");
            }
        }
        // Outputs that never cut show the marker after the text.
        assert_eq!(
            rows[0][1].whole(),
            format!("{} (every 1w)", rows[0][1].text)
        );
    }

    #[test]
    fn parties_and_first_columns_are_never_cut_or_dropped() {
        let rows: Vec<Vec<String>> = vec![vec![
            "onboarding".into(),
            "dave (support)".into(),
            "erin (support)".into(),
            "Kickoffs and the first weeks of a new account, and more".into(),
        ]];
        let out = columns(
            &["team", "from", "to", "description"],
            &rows,
            &Layout {
                width: Some(60),
                color: false,
            },
        );
        assert!(out.starts_with("team"), "{out}");
        assert!(
            out.contains("onboarding  dave (support)  erin (support)"),
            "{out}"
        );
        assert!(out.contains('…'), "{out}");
    }

    #[test]
    fn a_wide_table_of_numbers_comes_in_parts_before_it_stacks() {
        let headers = ["group", "a n", "a median", "b n", "b median", "c"];
        let rows: Vec<Vec<String>> = vec![vec![
            "support".into(),
            "23".into(),
            "1h 10m".into(),
            "1".into(),
            "9h 20m".into(),
            "90% of 20".into(),
        ]];
        let layout = |width| Layout {
            width: Some(width),
            color: false,
        };
        let groups = [1..3, 3..5, 5..6];
        let whole = columns_in_parts(&headers, &rows, &layout(120), &groups);
        assert_eq!(whole, columns(&headers, &rows, &layout(120)));
        let parts = columns_in_parts(&headers, &rows, &layout(30), &groups);
        assert_eq!(parts.matches("group").count(), 3, "{parts}");
        assert!(parts.contains("a n  a median"), "{parts}");
        for line in parts.lines() {
            assert!(width_of(line) <= 30, "{line}");
        }
    }

    #[test]
    fn wrapping_breaks_between_words_only() {
        assert_eq!(
            wrap("clock: finance=paris, support=paris-support", 22),
            vec!["clock: finance=paris,", "support=paris-support"]
        );
        assert_eq!(
            wrap("a-very-long-identifier", 5),
            vec!["a-very-long-identifier"]
        );
    }
}
