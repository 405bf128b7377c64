//! Pointing at a line: semantic checks work on parsed records, which do not remember where a
//! value was written, so the key is found again in the text by its indentation. Good enough for
//! the block and flow YAML people and the tool write; when it cannot tell, the diagnostic has
//! no line rather than a wrong one.

/// 1-based `(line, column)` of the key at `path` (for example `["people", "alice", "teams"]`).
pub fn key(text: &str, path: &[&str]) -> Option<(u64, u64)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut start = 0;
    let mut parent: Option<usize> = None;
    let mut found = None;
    for key in path {
        let (index, column) = find_in_block(&lines, start, parent, |content| {
            key_of(content) == Some(*key)
        })?;
        found = Some((index as u64 + 1, column as u64 + 1));
        start = index + 1;
        parent = Some(column);
    }
    found
}

/// Like [`key`], but falls back to the nearest enclosing key that can be found (a key inside
/// a flow mapping such as `hours: {mon: ...}` is pointed at by its parent's line).
pub fn key_or_parent(text: &str, path: &[&str]) -> Option<(u64, u64)> {
    (1..=path.len()).rev().find_map(|n| key(text, &path[..n]))
}

/// 1-based `(line, column)` of the first `key: value` line whose value is `value` (quoted or
/// not), anywhere in the text: for list items such as a contact's email.
pub fn key_value(text: &str, key: &str, value: &str) -> Option<(u64, u64)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let (content, column) = strip_item(line);
        let rest = content.strip_prefix(key)?.strip_prefix(':')?.trim();
        let rest = rest.split(" #").next().unwrap_or(rest).trim();
        let unquoted = rest.trim_matches(|c| c == '"' || c == '\'');
        (unquoted == value).then_some((i as u64 + 1, column as u64 + 1))
    })
}

/// The key a line of YAML starts with (after indentation and list dashes), if any.
pub fn key_of(content: &str) -> Option<&str> {
    let content = content.trim_start();
    let content = strip_dashes(content);
    let (key, _) = content.split_once(':')?;
    let key = key.trim_end().trim_matches(|c| c == '"' || c == '\'');
    (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key)
}

fn strip_dashes(mut content: &str) -> &str {
    while let Some(rest) = content.strip_prefix("- ") {
        content = rest.trim_start();
    }
    content
}

/// The content of a line after indentation and list dashes, and the column where it starts.
fn strip_item(line: &str) -> (&str, usize) {
    let trimmed = line.trim_start();
    let content = strip_dashes(trimmed);
    (content, line.len() - content.len())
}

/// Finds, from line `start`, the first line matching `pred` directly inside the block of a key
/// at column `parent` (the whole text at top level): only lines at the block's own indentation
/// count, so a nested key of the same name is not taken for it. Returns the line index and the
/// key's column.
fn find_in_block(
    lines: &[&str],
    start: usize,
    parent: Option<usize>,
    pred: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let mut level = if parent.is_none() { Some(0) } else { None };
    for (i, line) in lines.iter().enumerate().skip(start) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if let Some(parent) = parent {
            // Leaving the parent's block; a list may sit at the parent's own indentation.
            if indent < parent || (indent == parent && !trimmed.starts_with("- ")) {
                return None;
            }
        }
        let level = *level.get_or_insert(indent);
        if indent != level {
            continue;
        }
        let (content, column) = strip_item(line);
        if pred(content) {
            return Some((i, column));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id: 1\nname: Acme\n# comment\npeople:\n  alice:\n    name: A\n    teams: [x]\n  bob:\n    teams:\n    - y\ncontacts:\n- name: Jane\n  email: \"jane@x.example\"\n";

    #[test]
    fn finds_nested_keys() {
        assert_eq!(key(TEXT, &["name"]), Some((2, 1)));
        assert_eq!(key(TEXT, &["people", "alice", "teams"]), Some((7, 5)));
        assert_eq!(key(TEXT, &["people", "bob", "teams"]), Some((9, 5)));
        assert_eq!(key(TEXT, &["people", "carol"]), None);
        assert_eq!(key(TEXT, &["teams"]), None);
        assert_eq!(key(TEXT, &["contacts"]), Some((11, 1)));
        assert_eq!(key_value(TEXT, "email", "jane@x.example"), Some((13, 3)));
    }
}
