//! Contacts as people type and look them up: what a valid email is, how phone numbers compare
//! (`+33 1 23 45 67 89` is `01 23 45 67 89`), and which contact of a customer a typed email,
//! phone or name means. Commands that take a customer by contact, `find`, `check duplicates`
//! and the inbound author of `log` all use these rules.

use super::records::{Contact, Customer};

/// Fewest digits a typed phone number must have to name a contact: shorter numbers (extensions,
/// years, ids) would match too much.
pub const MIN_PHONE_DIGITS: usize = 6;

/// Checks a contact's email address: what every address must be
/// ([`super::names::validate_email`]), and, since a customer's address is copied from a
/// signature or a business card, also the shape of one: `local@domain.tld`, no brackets in the
/// local part, a domain of dotted labels (`hank@globex` is a typo, not an address). Returns why
/// it is not one.
pub fn validate_email(email: &str) -> Result<(), String> {
    let shown = || super::text::escape(email).into_owned();
    super::names::validate_email(email)?;
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Err(format!("`{}` is not an email address (no `@`)", shown()));
    };
    let bad_char = |c: char| c.is_whitespace() || c.is_control() || "<>()[],;:\\\"@".contains(c);
    if local.is_empty() || local.chars().any(bad_char) {
        return Err(format!(
            "`{}` is not an email address (the part before `@` is empty or has spaces or brackets)",
            shown()
        ));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let good_label = |l: &&str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if labels.len() < 2 || !labels.iter().all(good_label) {
        return Err(format!(
            "`{}` is not an email address (the domain after `@` must look like example.com)",
            shown()
        ));
    }
    Ok(())
}

/// The domain of an email address, lowercased (`hank@Globex.example` -> `globex.example`).
pub fn email_domain(email: &str) -> Option<String> {
    email
        .rsplit_once('@')
        .map(|(_, d)| d.trim().to_lowercase())
        .filter(|d| !d.is_empty())
}

/// Whether `text` is written like an email address (has an `@` with something on each side).
pub fn looks_like_email(text: &str) -> bool {
    text.rsplit_once('@')
        .is_some_and(|(l, d)| !l.is_empty() && !d.is_empty())
}

/// The digits of a phone number without leading zeros (the trunk prefix of national formats),
/// so that national and international spellings of one number can be compared.
pub fn phone_digits(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').to_string()
}

/// Whether `text` is written like a phone number: digits and the usual separators only, with
/// at least [`MIN_PHONE_DIGITS`] digits.
pub fn looks_like_phone(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_digit() || " +-./()".contains(c))
        && text.chars().filter(char::is_ascii_digit).count() >= MIN_PHONE_DIGITS
}

/// Whether two phone numbers are the same number: equal digits, or one written with a country
/// code the other leaves out (`+33 1 23 45 67 89` and `01 23 45 67 89`). The shorter must keep
/// eight digits, so a short number never matches the end of a long one by chance.
pub fn same_phone(a: &str, b: &str) -> bool {
    let (a, b) = (phone_digits(a), phone_digits(b));
    if a.len() < MIN_PHONE_DIGITS || b.len() < MIN_PHONE_DIGITS {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    short == long
        || (short.len() >= 8 && long.len() - short.len() <= 3 && long.ends_with(short.as_str()))
}

/// Whether `contact` is the one named by `text`: its email (any case) or its phone number.
pub fn contact_matches(contact: &Contact, text: &str) -> bool {
    let text = text.trim();
    if looks_like_email(text) {
        return contact
            .email
            .as_deref()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(text));
    }
    looks_like_phone(text)
        && contact
            .phone
            .as_deref()
            .is_some_and(|p| same_phone(p, text))
}

/// Whether any contact of `customer` is named by `text` (see [`contact_matches`]).
pub fn customer_has_contact(customer: &Customer, text: &str) -> bool {
    customer.contacts.iter().any(|c| contact_matches(c, text))
}

/// The first email of `contacts` used twice (case-insensitively), if any: one customer listing
/// one address twice is a typo or a careless merge.
pub fn duplicate_email(contacts: &[Contact]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    contacts.iter().find_map(|c| {
        let email = c.email.as_deref()?;
        (!seen.insert(email.trim().to_lowercase())).then_some(email)
    })
}

/// How an inbound touchpoint's author is written: the contact's email, else its name.
pub fn author_of(contact: &Contact) -> String {
    contact
        .email
        .clone()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| contact.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(email: Option<&str>, phone: Option<&str>) -> Contact {
        Contact {
            name: "Hank".into(),
            email: email.map(str::to_string),
            phone: phone.map(str::to_string),
            ..Contact::default()
        }
    }

    #[test]
    fn emails() {
        for good in [
            "hank@globex.example",
            "a.b+c@sub.example.co.uk",
            "zoé@café.example",
        ] {
            assert!(validate_email(good).is_ok(), "{good}");
        }
        for bad in [
            "hank",
            "@globex.example",
            "hank@",
            "hank@globex",
            "hank globex@x.example",
            "Hank <hank@x.example>",
            "hank@x..example",
            "hank@-x.example",
            "a@b@c.example",
        ] {
            assert!(validate_email(bad).is_err(), "{bad}");
        }
        assert_eq!(
            email_domain("Hank@Globex.Example").as_deref(),
            Some("globex.example")
        );
    }

    #[test]
    fn phones() {
        assert!(same_phone("+33 1 23 45 67 89", "01 23 45 67 89"));
        assert!(same_phone("+33 (0)1 23 45 67 89", "0123456789"));
        assert!(same_phone("555-0100-77", "555 0100 77"));
        assert!(!same_phone("+33 1 23 45 67 89", "45 67 89"));
        assert!(!same_phone("12345", "12345"));
        assert!(looks_like_phone("+1 (555) 010-0199"));
        assert!(!looks_like_phone("2026"));
        assert!(!looks_like_phone("acme-2026-01"));
    }

    #[test]
    fn matching() {
        let c = contact(Some("Hank@Globex.example"), Some("+1 555 010 0199"));
        assert!(contact_matches(&c, "hank@globex.example"));
        assert!(contact_matches(&c, "555 010 0199"));
        assert!(!contact_matches(&c, "hank"));
        assert!(!contact_matches(&c, "other@globex.example"));
        let twice = [
            contact(Some("a@x.example"), None),
            contact(Some("A@X.example"), None),
        ];
        assert_eq!(duplicate_email(&twice), Some("A@X.example"));
        assert_eq!(author_of(&contact(None, None)), "Hank");
    }
}
