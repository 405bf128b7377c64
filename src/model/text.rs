//! Making data safe to print. Records are untrusted: a summary may carry escape sequences that
//! would rewrite a terminal, or bidirectional overrides that hide text. Everything from the data
//! goes through [`escape`] (one line) or [`escape_multiline`] before it reaches a terminal.

use std::borrow::Cow;

/// Lower-case hex of `bytes` (blob ids, digests, fingerprints), written at once: a cold scan
/// makes one per file, and formatting each byte on its own was 6 % of such a run.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_deceptive(c)
}

/// Printable characters that change how the text around them looks (bidirectional overrides,
/// zero-width characters): escaped wherever data is shown, even in JSON.
pub fn is_deceptive(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

/// Escapes control characters (including newlines) so the text stays on one line.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Escapes control characters but keeps line breaks (for bodies printed as blocks).
pub fn escape_multiline(text: &str) -> String {
    text.split('\n')
        .map(|line| escape(line.strip_suffix('\r').unwrap_or(line)).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// Shortens `text` to at most `max` characters, marking the cut with an ellipsis.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return Cow::Borrowed(text);
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_sequences() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("x\ny"), "x\\ny");
        assert_eq!(escape("rtl\u{202e}"), "rtl\\u{202e}");
        assert_eq!(escape_multiline("a\nb\u{7}"), "a\nb\\u{7}");
    }
}
