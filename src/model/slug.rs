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

/// Derives a slug from a display name: letters folded to ASCII where that is obvious, every
/// other run of characters becomes one `-`.
pub fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars().flat_map(fold_char) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut slug = out.trim_end_matches('-').to_string();
    if slug.len() > MAX_SLUG_LEN {
        slug.truncate(MAX_SLUG_LEN);
        slug = slug.trim_end_matches('-').to_string();
    }
    slug
}

fn fold_char(ch: char) -> Vec<char> {
    let folded: &str = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        '&' => "-and-",
        _ => return vec![ch],
    };
    folded.chars().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_examples() {
        assert_eq!(slugify("Acme Corp."), "acme-corp");
        assert_eq!(slugify("  Café Noir & Fils "), "cafe-noir-and-fils");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("日本"), "");
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
