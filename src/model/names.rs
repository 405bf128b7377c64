//! What a name may be: person handles, team names, people's display names and emails, and
//! the one-line texts of records. These values end up in commit signatures, file paths under
//! `.git/gitcrm/`, trailers and terminal output, so they are checked where they are written
//! (every write goes through the store's write gate) and where they are read (the config is
//! refused with `file:line:column` when one is wrong).

/// Longest handle or team name.
pub const MAX_HANDLE_LEN: usize = 64;
/// Longest display name (a person's, a customer's, a contact's).
pub const MAX_NAME_LEN: usize = 200;
/// Longest email address (RFC 5321's path limit).
pub const MAX_EMAIL_LEN: usize = 254;
/// Longest one-line text (a summary, a task title).
pub const MAX_LINE_LEN: usize = 1000;
/// Longest multi-line text (a body, a note).
pub const MAX_TEXT_LEN: usize = 256 * 1024;

/// Checks a person handle or a team name: lowercase letters, digits, `.`, `_`, `-`, starting
/// with a letter or digit. Such a name can never be a path, a hidden file or a traversal.
pub fn validate_handle(handle: &str) -> Result<(), String> {
    let ok = !handle.is_empty()
        && handle.len() <= MAX_HANDLE_LEN
        && handle.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && handle
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not a handle: use up to {MAX_HANDLE_LEN} lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit",
            super::text::escape(handle)
        ))
    }
}

/// Whether `c` may not appear in a one-line value (controls, line breaks, bidi overrides).
fn forbidden_in_line(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks a one-line text of at most `max` characters: no line breaks or control characters.
/// `what` names the value in the message.
pub fn validate_line(what: &str, value: &str, max: usize) -> Result<(), String> {
    if let Some(c) = value.chars().find(|c| forbidden_in_line(*c)) {
        return Err(format!(
            "{what} must be one line without control characters (found U+{:04X})",
            c as u32
        ));
    }
    let len = value.chars().count();
    if len > max {
        return Err(format!("{what} is {len} characters; the limit is {max}"));
    }
    Ok(())
}

/// Checks a display name: non-empty, one line, at most [`MAX_NAME_LEN`] characters.
pub fn validate_name(what: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(format!("{what} cannot be empty"));
    }
    validate_line(what, value, MAX_NAME_LEN)
}

/// Checks a person's display name, which becomes a commit author's name: [`validate_name`],
/// and none of `<`, `>` (git's delimiters of the email).
pub fn validate_person_name(value: &str) -> Result<(), String> {
    validate_name("a person's name", value)?;
    if value.contains(['<', '>']) {
        return Err("a person's name cannot contain `<` or `>`".into());
    }
    Ok(())
}

/// Checks an email address: one `@` with text on both sides, no spaces, controls, `<`, `>`
/// or commas, at most [`MAX_EMAIL_LEN`] characters. Deliberately loose beyond that: real
/// addresses are stranger than any regex.
pub fn validate_email(value: &str) -> Result<(), String> {
    let bad = || {
        Err(format!(
            "`{}` is not an email address",
            super::text::escape(value)
        ))
    };
    if value.len() > MAX_EMAIL_LEN
        || value
            .chars()
            .any(|c| c.is_whitespace() || forbidden_in_line(c) || matches!(c, '<' | '>' | ','))
    {
        return bad();
    }
    match value.rsplit_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && !domain.is_empty()
                && !domain.starts_with('.')
                && !domain.ends_with('.') =>
        {
            Ok(())
        }
        _ => bad(),
    }
}

/// Checks a multi-line text (a body, a note): at most [`MAX_TEXT_LEN`] bytes, and no control
/// characters other than tab and line breaks.
pub fn validate_text(what: &str, value: &str) -> Result<(), String> {
    if value.len() > MAX_TEXT_LEN {
        return Err(format!(
            "{what} is {} bytes; the limit is {MAX_TEXT_LEN}",
            value.len()
        ));
    }
    if let Some(c) = value
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(format!(
            "{what} contains the control character U+{:04X}",
            c as u32
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles() {
        for good in ["alice", "a.b_c-d", "1x"] {
            assert!(validate_handle(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "../../evil",
            "Alice",
            ".hidden",
            "-x",
            "a/b",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(validate_handle(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn person_names_and_emails() {
        assert!(validate_person_name("Alice Martin").is_ok());
        assert!(validate_person_name("Zoë 王").is_ok());
        for bad in ["", "  ", "a\nb", "a <b>", "x\u{1b}[2J", "rtl\u{202e}"] {
            assert!(validate_person_name(bad).is_err(), "{bad:?}");
        }
        for good in ["a@example.com", "a+b@x.co.uk", "root@localhost"] {
            assert!(validate_email(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "a",
            "@x.com",
            "a@",
            "a b@x.com",
            "a@x.com\n",
            "<a@x.com>",
            "a@x,b@y",
        ] {
            assert!(validate_email(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn lines_and_texts() {
        assert!(validate_line("a summary", "Call about the brief", 100).is_ok());
        assert!(validate_line("a summary", "two\nlines", 100).is_err());
        assert!(validate_line("a summary", &"x".repeat(101), 100).is_err());
        assert!(validate_text("a body", "para 1\n\npara 2\twith tab").is_ok());
        assert!(validate_text("a body", "bell\u{7}").is_err());
    }
}
