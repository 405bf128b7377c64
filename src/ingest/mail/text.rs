//! The text of a message as the store keeps it: line breaks normalised, control characters
//! dropped, HTML rendered to text, the quoted history and signature cut off for the one-line
//! summary, and subjects reduced to what threads compare (`Re: AW: [list] Invoice` ->
//! `invoice`).

/// Normalises line breaks to `\n`, drops control characters other than tab and newline (a
/// record must never carry terminal escapes or NULs), trims trailing blanks on each line and
/// blank lines at both ends.
pub fn clean(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    for line in unified.split('\n') {
        let line: String = line
            .chars()
            .filter(|c| *c == '\t' || !c.is_control())
            .filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'))
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_matches('\n').to_string()
}

/// Cuts `text` to at most `max` bytes at a character boundary, saying how much was left out.
/// Returns the text and whether it was cut.
pub fn bounded(text: String, max: usize) -> (String, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let rest = text.len() - end;
    let mut out = text[..end].trim_end().to_string();
    out.push_str(&format!(
        "\n[… {rest} more bytes of this message are not stored]"
    ));
    (out, true)
}

/// HTML rendered to text with mail-parser's converter, after block-level tags are given line
/// breaks of their own (the converter breaks lines only at `<br>` and `</p>`), so quoted
/// history introduced by a `<div>` ("On Tue, Jane wrote:") stays on a line of its own.
pub fn html_to_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "<div",
        "</div",
        "<p",
        "<li",
        "<tr",
        "<blockquote",
        "</blockquote",
        "<h1",
        "<h2",
        "<h3",
        "<h4",
        "<h5",
        "<h6",
        "<table",
        "<ul",
        "<ol",
        "<hr",
    ];
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() + 64);
    let mut last = 0;
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let rest = &lower[i..];
            let is_block = BLOCKS.iter().any(|tag| {
                rest.starts_with(tag)
                    && rest[tag.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c == '>' || c == '/' || c.is_whitespace())
            });
            if is_block && html.is_char_boundary(i) {
                out.push_str(&html[last..i]);
                out.push_str("<br>");
                last = i;
            }
        }
        i += 1;
    }
    out.push_str(&html[last..]);
    let text = mail_parser::decoders::html::html_to_text(&out);
    // Block breaks stack up: keep at most one blank line.
    let mut tidy = String::with_capacity(text.len());
    let mut blanks = 0;
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blanks += 1;
            if blanks > 1 {
                continue;
            }
        } else {
            blanks = 0;
        }
        tidy.push_str(line);
        tidy.push('\n');
    }
    tidy
}

/// Endings of the line that introduces quoted history ("On Tue, Jane wrote:"), in the
/// languages agencies meet most.
const ATTRIBUTION_ENDINGS: &[&str] = &[
    "wrote:",
    "a écrit :",
    "a écrit:",
    "schrieb:",
    "escribió:",
    "ha scritto:",
    "skrev:",
    "schreef:",
    "napisał:",
    "escreveu:",
    "kirjoitti:",
    "написал:",
];

/// Lines that start the quoted original in Outlook-style replies and in forwards.
const HISTORY_SEPARATORS: &[&str] = &[
    "-----original message-----",
    "----- original message -----",
    "-----ursprüngliche nachricht-----",
    "-----message d'origine-----",
    "________________________________",
    "---------- forwarded message ---------",
    "-------- forwarded message --------",
    "-------- original message --------",
    "begin forwarded message:",
];

fn is_attribution(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    ATTRIBUTION_ENDINGS.iter().any(|e| l.ends_with(e))
}

fn is_separator(line: &str, next: &[&str]) -> bool {
    let l = line.trim().to_lowercase();
    if HISTORY_SEPARATORS.iter().any(|s| l.starts_with(s)) {
        return true;
    }
    // An Outlook header block: `From: ...` followed shortly by `Sent:` or `Date:`.
    (l.starts_with("from:") || l.starts_with("de :") || l.starts_with("von:"))
        && next.iter().take(4).any(|n| {
            let n = n.trim().to_lowercase();
            n.starts_with("sent:") || n.starts_with("date:") || n.starts_with("envoyé :")
        })
}

/// What the message itself says: its lines without quoted history (`>` lines, an
/// attribution line and what an Outlook separator introduces) and without the signature
/// (after a `-- ` line).
pub fn new_text(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line == "-- " || line == "--" {
            break;
        }
        if is_separator(line, &lines[i + 1..]) {
            break;
        }
        if line.trim_start().starts_with('>') {
            i += 1;
            continue;
        }
        if is_attribution(line) {
            // Bottom-posting keeps writing after the quote: skip the quoted block only. An
            // attribution not followed by `>` lines introduces history rendered without
            // markers (HTML mail): everything after it is history.
            let quoted_next = lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.trim_start().starts_with('>'));
            if !quoted_next {
                break;
            }
            i += 1;
            continue;
        }
        out.push(line);
        i += 1;
    }
    out.join("\n").trim().to_string()
}

/// One line that says what the message is about: its new text without a leading greeting
/// ("Hi Alice,"), joined, cut to `max` characters. Empty when the message says nothing of its
/// own (a bare forward, an attachment alone).
pub fn excerpt(new_text: &str, max: usize) -> String {
    let mut kept: Vec<&str> = new_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // The sign-off ("Thanks,", "Best regards,", a name) closes the text: short lines at the
    // end that end no sentence.
    let mut dropped = 0;
    while kept.len() > 1 && dropped < 4 {
        let Some(last) = kept.last() else { break };
        let short = last.chars().count() <= 30 && last.split_whitespace().count() <= 4;
        if !short || last.ends_with(['.', '?', '!', ':', ';', ')']) {
            break;
        }
        kept.pop();
        dropped += 1;
    }
    let mut lines = kept.into_iter();
    let mut first = lines.next();
    if let Some(line) = first
        && is_greeting(line)
    {
        first = lines.next();
    }
    let joined: Vec<&str> = first.into_iter().chain(lines).collect();
    let one = joined.join(" ");
    crate::model::text::truncate(&one, max).into_owned()
}

fn is_greeting(line: &str) -> bool {
    line.chars().count() <= 40
        && line.split_whitespace().count() <= 5
        && (line.ends_with(',') || line.ends_with('!'))
}

/// Reply prefixes: a subject starting with one is a reply.
const REPLY_PREFIXES: &[&str] = &[
    "re", "aw", "sv", "antw", "ref", "réf", "rif", "odp", "vs", "ynt", "ре", "回复", "答复",
];
/// Forward prefixes: stripped for comparison, but a forward is not a reply.
const FORWARD_PREFIXES: &[&str] = &["fwd", "fw", "tr", "wg", "rv", "enc", "doorst", "转发"];

/// A subject reduced for comparison (prefixes such as `Re:`, `AW:`, `Fwd:` and `[list]` tags
/// removed, whitespace collapsed, lowercased), and whether it was a reply (`Re:` first).
pub fn base_subject(subject: &str) -> (String, bool) {
    let mut s = subject.trim();
    let mut reply = None;
    loop {
        let before = s;
        if let Some(rest) = s.strip_prefix('[')
            && let Some((_, after)) = rest.split_once(']')
        {
            s = after.trim_start();
        }
        if let Some((head, rest)) = s.split_once([':', '：']) {
            let word = head.trim();
            let word = word
                .split_once('[')
                .map(|(w, _)| w.trim())
                .unwrap_or(word)
                .to_lowercase();
            let is_reply = REPLY_PREFIXES.contains(&word.as_str());
            if is_reply || FORWARD_PREFIXES.contains(&word.as_str()) {
                reply.get_or_insert(is_reply);
                s = rest.trim_start();
            }
        }
        if s == before {
            break;
        }
    }
    let base = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (base, reply.unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_drops_controls_and_unifies_lines() {
        assert_eq!(clean("a\r\nb\u{1b}[2J \r\n\n\n"), "a\nb[2J");
        assert_eq!(clean("\u{202e}x\ty"), "x\ty");
    }

    #[test]
    fn history_is_cut() {
        let top = "Thanks, that fixes it.\n\nOn Tue, 20 Nov 2026, Alice <a@x> wrote:\n> Try again\n> please\n";
        assert_eq!(new_text(top), "Thanks, that fixes it.");
        let bottom = "On Tue, Jane wrote:\n> Does it work?\n\nYes it does.\n-- \nAlice\nAgency";
        assert_eq!(new_text(bottom), "Yes it does.");
        let outlook =
            "Sure.\n\nFrom: Jane <j@x>\nSent: Tuesday\nTo: me\nSubject: Q\n\nOriginal text";
        assert_eq!(new_text(outlook), "Sure.");
        let html = "Ok for Monday.\nLe mar. 20 nov. 2026, Jane a écrit :\nOriginal";
        assert_eq!(new_text(html), "Ok for Monday.");
    }

    #[test]
    fn excerpts_skip_greetings() {
        assert_eq!(
            excerpt(
                "Hi Alice,\n\nThe invoice is wrong.\nPlease check.\n\nThanks,\nJane Doe",
                100
            ),
            "The invoice is wrong. Please check."
        );
        assert_eq!(excerpt("Sure thing", 100), "Sure thing");
        assert_eq!(excerpt("Short one", 5), "Shor…");
        assert_eq!(excerpt("", 10), "");
    }

    #[test]
    fn subjects() {
        assert_eq!(
            base_subject("Re: AW: [acme] Invoice  1042"),
            ("invoice 1042".into(), true)
        );
        assert_eq!(base_subject("Fwd: Invoice"), ("invoice".into(), false));
        assert_eq!(base_subject("RE[2]: Plan"), ("plan".into(), true));
        assert_eq!(base_subject("Invoice"), ("invoice".into(), false));
        assert_eq!(base_subject("Ideas: more"), ("ideas: more".into(), false));
    }

    #[test]
    fn html_blocks_get_lines() {
        let text = html_to_text(
            "<div>Ok for Monday.</div><div class=\"gmail_quote\"><div>On Tue, Jane wrote:</div><blockquote>Old</blockquote></div>",
        );
        assert_eq!(new_text(&clean(&text)), "Ok for Monday.");
    }

    #[test]
    fn bounded_cuts_at_a_char_boundary() {
        let (t, cut) = bounded("ééé".into(), 3);
        assert!(cut);
        assert!(t.starts_with('é'));
        assert!(t.contains("4 more bytes"));
    }
}
