//! Writing a value-level merge into our file: their changes become in-place edits of our text
//! (so comments, key order and unknown keys survive), and each conflicting key becomes an
//! ordinary git conflict block around just that key's lines.

/// The label after `<<<<<<<` and `>>>>>>>`, so a person sees which side is which.
pub const OURS: &str = "ours";
/// See [`OURS`].
pub const THEIRS: &str = "theirs";

/// Lines `[start, end)` of `text` that hold `key_path` (the key line and its value lines), found
/// by indentation. `None` when the key is not there.
pub fn find_block(lines: &[&str], key_path: &[String]) -> Option<(usize, usize)> {
    let (mut start, mut end) = (0, lines.len());
    let mut found = None;
    for key in key_path {
        let indent = child_indent(&lines[start..end])?;
        let i = (start..end).find(|&i| {
            let line = lines[i];
            indent_of(line) == indent && is_key_line(&line[indent..], key)
        })?;
        let block_end = block_end(lines, i, end, indent);
        found = Some((i, block_end));
        start = i + 1;
        end = block_end;
    }
    found
}

/// Where a key missing from our side would go: the end of its parent's block (or of the file).
pub fn insertion_point(lines: &[&str], key_path: &[String]) -> usize {
    match key_path.split_last() {
        Some((_, parent)) if !parent.is_empty() => find_block(lines, parent)
            .map(|(_, e)| e)
            .unwrap_or(lines.len()),
        _ => lines.len(),
    }
}

fn is_content(line: &str) -> bool {
    let t = line.trim_start();
    !t.is_empty() && !t.starts_with('#')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The indentation of the keys of a block: that of its first content line.
fn child_indent(lines: &[&str]) -> Option<usize> {
    lines.iter().find(|l| is_content(l)).map(|l| indent_of(l))
}

fn is_key_line(rest: &str, key: &str) -> bool {
    [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
        .iter()
        .any(|k| {
            rest.strip_prefix(k.as_str())
                .and_then(|r| r.strip_prefix(':'))
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
        })
}

/// The end of the block starting at key line `i`: the next content line at or left of the key's
/// indentation (a `- ` item at the same indentation still belongs to a block sequence), with
/// trailing blank and comment lines left outside.
fn block_end(lines: &[&str], i: usize, limit: usize, indent: usize) -> usize {
    let mut last = i;
    for (j, line) in lines.iter().enumerate().take(limit).skip(i + 1) {
        if !is_content(line) {
            continue;
        }
        let ind = indent_of(line);
        let item = ind == indent && line[ind..].starts_with('-');
        if ind > indent || item {
            last = j;
        } else {
            break;
        }
    }
    last + 1
}

/// Replaces, for each conflicting key, our block by a conflict block holding our lines and
/// theirs. Keys are processed bottom-up so earlier line numbers stay valid.
pub fn write_conflicts(ours_text: &str, theirs_text: &str, conflicts: &[Vec<String>]) -> String {
    let ours: Vec<&str> = ours_text.lines().collect();
    let theirs: Vec<&str> = theirs_text.lines().collect();
    let mut spans: Vec<((usize, usize), Vec<String>)> = conflicts
        .iter()
        .map(|path| {
            let span = find_block(&ours, path).unwrap_or_else(|| {
                let at = insertion_point(&ours, path);
                (at, at)
            });
            let their_lines = find_block(&theirs, path)
                .map(|(s, e)| theirs[s..e].iter().map(|l| l.to_string()).collect())
                .unwrap_or_default();
            (span, their_lines)
        })
        .collect();
    spans.sort_by_key(|((s, e), _)| std::cmp::Reverse((*s, *e)));
    let mut out: Vec<String> = ours.iter().map(|l| l.to_string()).collect();
    let mut last_start = usize::MAX;
    for ((s, e), their_lines) in spans {
        // Two conflicts in one block (a nested key inside a conflicting parent) are written
        // once, by the outer one.
        if e > last_start {
            continue;
        }
        last_start = s;
        let mut block = vec![format!("<<<<<<< {OURS}")];
        block.extend(out[s..e].iter().cloned());
        block.push("=======".to_string());
        block.extend(their_lines);
        block.push(format!(">>>>>>> {THEIRS}"));
        out.splice(s..e, block);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Which side of every conflict block to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// The text with every conflict block resolved to `side`, as a person keeping that side would
/// write it. Used to check that a conflict was written so that either choice reads back.
pub fn resolve(text: &str, side: Side) -> String {
    let (open, sep, close) = (
        format!("<<<<<<< {OURS}"),
        "=======",
        format!(">>>>>>> {THEIRS}"),
    );
    let mut out = String::new();
    let mut in_block: Option<Side> = None;
    for line in text.lines() {
        match in_block {
            None if line == open => in_block = Some(Side::Ours),
            Some(Side::Ours) if line == sep => in_block = Some(Side::Theirs),
            Some(Side::Theirs) if line == close => in_block = None,
            current if current.is_none() || current == Some(side) => {
                out.push_str(line);
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> Vec<String> {
        p.split('.').map(str::to_string).collect()
    }

    const DOC: &str = "id: 1\n# about the owner\nowner: bob   # mine\ntags:\n- a\n- b\nfields:\n  tier: gold\n  nested:\n    x: 1\n  seats: 4\nx-legacy: |\n  text\n\n  more\nlast: 1\n";

    #[test]
    fn blocks_are_found_by_indentation() {
        let lines: Vec<&str> = DOC.lines().collect();
        assert_eq!(find_block(&lines, &path("owner")), Some((2, 3)));
        assert_eq!(find_block(&lines, &path("tags")), Some((3, 6)));
        assert_eq!(find_block(&lines, &path("fields.tier")), Some((7, 8)));
        assert_eq!(find_block(&lines, &path("fields.nested")), Some((8, 10)));
        assert_eq!(find_block(&lines, &path("fields.seats")), Some((10, 11)));
        assert_eq!(find_block(&lines, &path("x-legacy")), Some((11, 15)));
        assert_eq!(find_block(&lines, &path("fields.missing")), None);
        assert_eq!(insertion_point(&lines, &path("fields.missing")), 11);
    }

    #[test]
    fn conflict_surrounds_only_the_key() {
        let theirs = DOC.replace("owner: bob   # mine", "owner: carol");
        let out = write_conflicts(&DOC.replace("bob", "dave"), &theirs, &[path("owner")]);
        assert!(out.contains(
            "# about the owner\n<<<<<<< ours\nowner: dave   # mine\n=======\nowner: carol\n>>>>>>> theirs\ntags:\n"
        ), "{out}");
    }
}
