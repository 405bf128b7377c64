//! The layout git-crm itself writes, read without a general YAML parser.
//!
//! Nearly every record file in a store is exactly what [`super::to_yaml`] wrote: a block mapping
//! of `key: value` lines, a few block sequences and small nested mappings, and block scalars for
//! long text. Reading those through the full parser is half of a cold `metrics` run, so this
//! module recognises that layout and nothing else. It *declines* (returns `None`) on anything
//! it does not fully understand: comments, flow collections, anchors, tags, tabs, control
//! characters, a plain scalar that could be read as a number, a boolean or null, a folded line
//! that is more indented, blank lines between keys, an unusual indentation. A declined file
//! goes to serde-saphyr, which also reports every error; this reader never reports one.
//!
//! The rule it keeps: whatever it accepts, serde-saphyr reads to the same value. Property tests
//! in `super::agreement` hold it to that on generated records and on hostile text.

use std::borrow::Cow;

/// A value in the layout: a scalar, a block sequence of scalars or a block mapping of scalars.
#[derive(Debug, PartialEq)]
pub(super) enum Node<'a> {
    Scalar(Scalar<'a>),
    Seq(Vec<Scalar<'a>>),
    Map(Vec<(&'a str, Scalar<'a>)>),
}

/// One scalar and whether it was plain (unquoted), which decides how it may be typed.
#[derive(Debug, PartialEq)]
pub(super) struct Scalar<'a> {
    pub plain: bool,
    pub text: Cow<'a, str>,
}

/// The most keys a mapping of the layout has (a record has about twenty): more are declined,
/// so that looking for a duplicate key stays cheap whatever a file holds.
const MAX_KEYS: usize = 64;

/// The top-level mapping of `text`, or `None` when `text` is not in the canonical layout.
pub(super) fn read(text: &str) -> Option<Vec<(&str, Node<'_>)>> {
    if !only_printable(text) {
        return None;
    }
    let mut lines = Lines::new(text)?;
    let mut entries: Vec<(&str, Node<'_>)> = Vec::with_capacity(16);
    while let Some(line) = lines.next() {
        let (key, rest) = split_key(line)?;
        if entries.len() == MAX_KEYS || entries.iter().any(|(k, _)| *k == key) {
            return None;
        }
        let node = match rest {
            "" => nested(&mut lines)?,
            "|" | "|-" | ">" | ">-" => Node::Scalar(block_scalar(rest, &mut lines)?),
            _ => Node::Scalar(inline_scalar(rest)?),
        };
        entries.push((key, node));
    }
    (!entries.is_empty()).then_some(entries)
}

/// The lines of a document, with a peek for the block that follows a key.
struct Lines<'a> {
    lines: std::iter::Peekable<std::str::Split<'a, char>>,
}

impl<'a> Lines<'a> {
    /// Declines a file that does not end its last line (git-crm always does).
    fn new(text: &'a str) -> Option<Self> {
        let body = text.strip_suffix('\n')?;
        Some(Self {
            lines: body.split('\n').peekable(),
        })
    }

    fn peek(&mut self) -> Option<&'a str> {
        self.lines.peek().copied()
    }

    /// Takes the next line if it starts with `prefix`, returning what follows the prefix.
    fn next_after(&mut self, prefix: &str) -> Option<&'a str> {
        let rest = self.peek()?.strip_prefix(prefix)?;
        self.lines.next();
        Some(rest)
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        self.lines.next()
    }
}

/// No character YAML forbids, escapes or treats as a line break or byte order mark, and no tab
/// (whose meaning depends on where it stands).
fn only_printable(text: &str) -> bool {
    if text.is_ascii() {
        return text
            .bytes()
            .all(|b| b == b'\n' || (0x20..0x7f).contains(&b));
    }
    text.chars().all(|c| match c {
        '\n' => true,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => false,
        '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => false,
        _ => true,
    })
}

/// Splits `key: value` (or `key:` before a nested block) at a top-level or nested line.
fn split_key(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    if !is_simple_key(key) {
        return None;
    }
    let rest = &line[colon + 1..];
    if rest.is_empty() {
        return Some((key, ""));
    }
    let value = rest.strip_prefix(' ')?;
    if value.is_empty() || value.starts_with(' ') {
        return None;
    }
    Some((key, value))
}

/// A key made of letters, digits, `_` and `-`, starting with a letter or `_`, that no YAML
/// schema reads as anything but a string.
fn is_simple_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !looks_typed(key)
}

/// The block after `key:`: a sequence at the key's own indentation (`- item`), or a mapping
/// indented by two spaces (`  key: value`). An empty value (null) is declined.
fn nested<'a>(lines: &mut Lines<'a>) -> Option<Node<'a>> {
    let first = lines.peek()?;
    if first.starts_with("- ") {
        let mut items = Vec::new();
        while let Some(item) = lines.next_after("- ") {
            items.push(inline_scalar(item)?);
        }
        return Some(Node::Seq(items));
    }
    if first.starts_with("  ") {
        let mut entries: Vec<(&str, Scalar<'_>)> = Vec::new();
        while let Some(line) = lines.next_after("  ") {
            let (key, value) = split_key(line)?;
            if value.is_empty() || matches!(value, "|" | "|-" | ">" | ">-") {
                return None;
            }
            if entries.len() == MAX_KEYS || entries.iter().any(|(k, _)| *k == key) {
                return None;
            }
            entries.push((key, inline_scalar(value)?));
        }
        return Some(Node::Map(entries));
    }
    None
}

/// A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar indented by two spaces, clipped or
/// stripped. Declines leading blank lines, lines of only spaces, and in folded text lines that
/// are more indented or end in a space (where folding has rules of its own).
fn block_scalar<'a>(header: &str, lines: &mut Lines<'a>) -> Option<Scalar<'a>> {
    let folded = header.starts_with('>');
    let strip = header.ends_with('-');
    let mut content: Vec<&str> = Vec::new();
    loop {
        match lines.peek() {
            Some("") => content.push(""),
            Some(line) if line.bytes().all(|b| b == b' ') => return None,
            Some(line) => match line.strip_prefix("  ") {
                Some(text) => content.push(text),
                None => break,
            },
            None => break,
        }
        lines.next();
    }
    while content.last() == Some(&"") {
        content.pop();
    }
    let first = content.first()?;
    if first.is_empty() || first.starts_with(' ') {
        return None;
    }
    let mut text = if folded {
        fold(&content)?
    } else {
        content.join("\n")
    };
    if !strip {
        text.push('\n');
    }
    Some(Scalar {
        plain: false,
        text: Cow::Owned(text),
    })
}

/// Folds lines: a line break between two lines becomes a space; each blank line between them
/// becomes a line break.
fn fold(content: &[&str]) -> Option<String> {
    let mut text = String::with_capacity(content.iter().map(|l| l.len() + 1).sum());
    let mut blanks = 0;
    for (i, line) in content.iter().enumerate() {
        if line.is_empty() {
            blanks += 1;
            continue;
        }
        if line.starts_with(' ') || line.ends_with(' ') {
            return None;
        }
        if i > 0 {
            if blanks == 0 {
                text.push(' ');
            }
            for _ in 0..blanks {
                text.push('\n');
            }
        }
        blanks = 0;
        text.push_str(line);
    }
    Some(text)
}

/// A scalar on the rest of a line: double-quoted, single-quoted or plain.
fn inline_scalar(s: &str) -> Option<Scalar<'_>> {
    match s.as_bytes().first()? {
        b'"' => double_quoted(s),
        b'\'' => single_quoted(s),
        _ => plain(s),
    }
}

/// A plain scalar that cannot start or stop anything else: no indicator first, no comment, no
/// `: `, no trailing `:` or space.
fn plain(s: &str) -> Option<Scalar<'_>> {
    let first = s.as_bytes()[0];
    if b"-?:,[]{}#&*!|>'\"%@`".contains(&first)
        || s.ends_with(' ')
        || s.ends_with(':')
        || s.contains(" #")
        || s.contains(": ")
    {
        return None;
    }
    Some(Scalar {
        plain: true,
        text: Cow::Borrowed(s),
    })
}

/// `'…'` on one line, `''` standing for one quote.
fn single_quoted(s: &str) -> Option<Scalar<'_>> {
    let inner = s.strip_prefix('\'')?.strip_suffix('\'')?;
    let text = if inner.contains('\'') {
        let unescaped = inner.replace("''", "'");
        if unescaped.matches('\'').count() * 2 != inner.matches('\'').count() {
            return None;
        }
        Cow::Owned(unescaped)
    } else {
        Cow::Borrowed(inner)
    };
    Some(Scalar { plain: false, text })
}

/// `"…"` on one line, with the common escapes; any other escape is declined.
fn double_quoted(s: &str) -> Option<Scalar<'_>> {
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return (!inner.contains('"')).then_some(Scalar {
            plain: false,
            text: Cow::Borrowed(inner),
        });
    }
    let mut text = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => text.push(escape(&mut chars)?),
            c => text.push(c),
        }
    }
    Some(Scalar {
        plain: false,
        text: Cow::Owned(text),
    })
}

/// The character an escape sequence after `\` stands for.
fn escape(chars: &mut std::str::Chars<'_>) -> Option<char> {
    let hex = |chars: &mut std::str::Chars<'_>, digits: usize| {
        let code: String = chars.take(digits).collect();
        if code.len() != digits || !code.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        char::from_u32(u32::from_str_radix(&code, 16).ok()?)
    };
    Some(match chars.next()? {
        '\\' => '\\',
        '"' => '"',
        '/' => '/',
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'x' => hex(chars, 2)?,
        'u' => hex(chars, 4)?,
        'U' => hex(chars, 8)?,
        _ => return None,
    })
}

/// Whether a plain scalar could be read by some YAML schema (1.2 core or 1.1) as something
/// other than a string: null, a boolean, a number in any notation, a date or time. Broad on
/// purpose: such a scalar is only read as a string by the full parser.
pub(super) fn looks_typed(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "+.inf", "-.inf",
        ".nan",
    ];
    if s.len() <= 5 && WORDS.iter().any(|w| w.eq_ignore_ascii_case(s)) {
        return true;
    }
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let bytes = unsigned.as_bytes();
    if let [b'0', b'x' | b'X' | b'o' | b'O' | b'b' | b'B', ..] = bytes {
        return true;
    }
    match bytes.first() {
        Some(b'0'..=b'9' | b'.') => bytes
            .iter()
            .all(|b| b.is_ascii_digit() || b" ._eE+-:tTzZ".contains(b)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(plain: bool, text: &str) -> Scalar<'_> {
        Scalar {
            plain,
            text: Cow::Borrowed(text),
        }
    }

    #[test]
    fn reads_the_shapes_git_crm_writes() {
        let text = "id: 01a0\nat: \"2026-09-25T09:08:24+02:00\"\nsummary: It's 'fine'\n\
                    body: |-\n  Hi,\n\n  thanks\ntags:\n- b2b\n- 'x y'\nfrom:\n  owner: alice\n";
        let entries = read(text).unwrap();
        assert_eq!(entries[0], ("id", Node::Scalar(scalar(true, "01a0"))));
        assert_eq!(
            entries[1],
            (
                "at",
                Node::Scalar(scalar(false, "2026-09-25T09:08:24+02:00"))
            )
        );
        assert_eq!(entries[2].1, Node::Scalar(scalar(true, "It's 'fine'")));
        assert_eq!(entries[3].1, Node::Scalar(scalar(false, "Hi,\n\nthanks")));
        assert_eq!(
            entries[4].1,
            Node::Seq(vec![scalar(true, "b2b"), scalar(false, "x y")])
        );
        assert_eq!(
            entries[5].1,
            Node::Map(vec![("owner", scalar(true, "alice"))])
        );
    }

    #[test]
    fn folds_like_yaml() {
        let entries = read("body: >-\n  one\n  two\n\n  three\n").unwrap();
        assert_eq!(entries[0].1, Node::Scalar(scalar(false, "one two\nthree")));
        let entries = read("body: >\n  one\n\n\n  two\n\n").unwrap();
        assert_eq!(entries[0].1, Node::Scalar(scalar(false, "one\n\ntwo\n")));
    }

    #[test]
    fn declines_what_it_does_not_know() {
        for text in [
            "a: b # comment\n",
            "# comment\na: b\n",
            "a: b",
            "a: b\n\nc: d\n",
            "a:\tb\n",
            "a: &x b\n",
            "a: [b]\n",
            "a:\n",
            "a: b\na: c\n",
            "a: b\n  c\n",
            "a: |+\n  b\n",
            "a: >-\n    more\n  b\n",
            "a: \"b\\qc\"\n",
            "a: 'b'c'\n",
            "---\na: b\n",
            "a: b\r\n",
            "a:\n  - b\n",
            "a:\n- b: c\n",
            "\u{feff}a: b\n",
        ] {
            assert!(read(text).is_none(), "accepted {text:?}");
        }
    }

    #[test]
    fn a_mapping_of_many_keys_is_declined_not_searched() {
        let many: String = (0..100_000).map(|i| format!("k{i}: v\n")).collect();
        assert!(read(&many).is_none());
        let nested = format!(
            "a:\n{}",
            many.lines().map(|l| format!("  {l}\n")).collect::<String>()
        );
        assert!(read(&nested).is_none());
        let some: String = (0..MAX_KEYS).map(|i| format!("k{i}: v\n")).collect();
        assert_eq!(read(&some).map(|e| e.len()), Some(MAX_KEYS));
    }

    #[test]
    fn typed_plain_scalars_are_recognised_broadly() {
        for s in [
            "12",
            "-1.5e3",
            "0x1F",
            "0o17",
            "1_000",
            "1:20",
            "2026-01-02",
            ".5",
            "NULL",
            "Yes",
            "~",
        ] {
            assert!(looks_typed(s), "{s}");
        }
        for s in [
            "01a11086-eb80-7f78",
            "carol",
            "email",
            "b2b",
            "x1",
            "no way",
        ] {
            assert!(!looks_typed(s), "{s}");
        }
    }
}
