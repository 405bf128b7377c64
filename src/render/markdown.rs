//! The one Markdown escape: data put into Markdown that a forge renders (a merge-request
//! comment, a CI summary) must stay text. It must not mention people (`@alice`), become HTML
//! (`<img src=...>`), a link (`[click](http://…)`) or an autolink (`https://…`, `www.…`), nor
//! change the formatting (`*`, `_`, backticks, table pipes).

use crate::model::text::escape;

/// `text` (from the data) as inert Markdown: control characters escaped, Markdown and HTML
/// punctuation escaped, mentions and autolinks broken with entities a forge shows as the same
/// characters.
pub fn escape_md(text: &str) -> String {
    let text = escape(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("&#64;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    // A zero-width space (as an entity: nothing invisible in the text itself) keeps a forge
    // from turning a URL or a `www.` name into a link.
    out.replace("://", ":&#8203;//")
        .replace("www.", "www&#8203;.")
        .replace("WWW.", "WWW&#8203;.")
}

/// A Markdown table cell: [`escape_md`] (pipes included), on one line.
pub fn cell(text: &str) -> String {
    escape_md(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_stays_text() {
        assert_eq!(escape_md("plain words"), "plain words");
        assert_eq!(escape_md("@alice"), "&#64;alice");
        assert_eq!(escape_md("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(
            escape_md("[click](https://evil.example)"),
            "\\[click\\](https:&#8203;//evil.example)"
        );
        assert_eq!(
            escape_md("see www.evil.example"),
            "see www&#8203;.evil.example"
        );
        assert_eq!(
            escape_md("a|b *c* _d_ `e`"),
            "a\\|b \\*c\\* \\_d\\_ \\`e\\`"
        );
        assert_eq!(escape_md("# title"), "\\# title");
        assert_eq!(escape_md("bell\u{7}"), "bell\\\\u{7}");
    }
}
