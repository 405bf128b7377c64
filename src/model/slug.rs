//! Customer slugs: the folder name of a customer and how people refer to it. A slug is
//! lowercase `[a-z0-9-]`, so it can never be a path, a hidden file or a traversal.

/// Longest slug accepted; long enough for any company name, short enough for any file system.
pub const MAX_SLUG_LEN: usize = 64;

/// Checks a slug, returning why it is not one.
pub fn validate(slug: &str) -> Result<(), String> {
    if slug.is_empty() {
        return Err("a slug cannot be empty".into());
    }
    if slug.len() > MAX_SLUG_LEN {
        return Err(format!(
            "slug `{slug}` is longer than {MAX_SLUG_LEN} characters"
        ));
    }
    if !slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!(
            "slug `{}` may contain only lowercase letters, digits and `-`",
            crate::model::text::escape(slug)
        ));
    }
    if slug.starts_with('-') || slug.ends_with('-') || slug.contains("--") {
        return Err(format!(
            "slug `{slug}` must not start or end with `-` nor contain `--`"
        ));
    }
    Ok(())
}

/// Derives a slug from a display name. Every letter is transliterated to ASCII (deunicode:
/// `é` -> `e`, `ß` -> `ss`, `株式会社` -> `zhu shi hui she`, `Москва` -> `moskva`), `&` becomes
/// `and`, and every other run of characters becomes one `-`. A name made only of symbols
/// (`***`) still yields the empty string, which [`validate`] refuses.
pub fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut buf = [0u8; 4];
    for ch in name.chars() {
        let folded: &str = match ch {
            '&' => "-and-",
            c if c.is_ascii() => c.encode_utf8(&mut buf),
            // Characters deunicode knows nothing about (private use, unassigned) separate words.
            c => deunicode::deunicode_char(c).unwrap_or("-"),
        };
        for ch in folded.chars() {
            if ch.is_ascii_alphanumeric() {
                out.push(ch.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        if out.len() > MAX_SLUG_LEN * 2 {
            break;
        }
    }
    let mut slug = out.trim_end_matches('-').to_string();
    if slug.len() > MAX_SLUG_LEN {
        slug.truncate(MAX_SLUG_LEN);
        slug = slug.trim_end_matches('-').to_string();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_examples() {
        assert_eq!(slugify("Acme Corp."), "acme-corp");
        assert_eq!(slugify("  Café Noir & Fils "), "cafe-noir-and-fils");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("Müller & Söhne GmbH"), "muller-and-sohne-gmbh");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("Ærø Øl"), "aero-ol");
        assert_eq!(slugify("株式会社テスト"), "zhu-shi-hui-she-tesuto");
        assert_eq!(slugify("Москва Трейд"), "moskva-treid");
        assert_eq!(slugify("Αθήνα"), "athena");
        assert_eq!(slugify("日本"), "ri-ben");
        assert_eq!(slugify("***"), "");
    }

    proptest::proptest! {
        /// Whatever the name, the derived slug is empty or valid: it can never be a path.
        #[test]
        fn slugify_is_valid_or_empty(name in "\\PC{0,80}") {
            let slug = slugify(&name);
            proptest::prop_assert!(slug.is_empty() || validate(&slug).is_ok(), "{name:?} -> {slug:?}");
        }
    }

    #[test]
    fn validate_rejects_paths() {
        assert!(validate("acme").is_ok());
        assert!(validate("../x").is_err());
        assert!(validate(".git").is_err());
        assert!(validate("a/b").is_err());
        assert!(validate("-a").is_err());
        assert!(validate("Acme").is_err());
    }
}
