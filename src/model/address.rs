//! Mail addresses and domains: how an address from a message, a calendar or a vCard is compared
//! with the addresses of people, teams and contacts, and with a customer's `domains`. One home
//! for these rules, so ingest, `find` and `check` agree on what "the same address" means.

/// An address as it is compared: trimmed, without angle brackets or a `mailto:` scheme,
/// lowercased. `None` when it is not `local@domain` with both parts present.
pub fn normalize(address: &str) -> Option<String> {
    let a = address.trim().trim_matches(|c| c == '<' || c == '>').trim();
    let a = a
        .strip_prefix("mailto:")
        .or_else(|| a.strip_prefix("MAILTO:"))
        .unwrap_or(a);
    let (local, domain) = a.rsplit_once('@')?;
    if local.is_empty()
        || domain.is_empty()
        || a.len() > crate::model::names::MAX_EMAIL_LEN
        || a.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ','))
    {
        return None;
    }
    Some(a.to_lowercase())
}

/// The domain of a normalised address (`jane@mail.acme.example` -> `mail.acme.example`).
pub fn domain_of(address: &str) -> Option<&str> {
    address.rsplit_once('@').map(|(_, d)| d)
}

/// A domain as written in `domains:` or typed on the command line: trimmed, lowercased,
/// without a leading `@` or a trailing dot. `None` when it is not a plausible domain (no dot,
/// or characters a host name never has), so a typo is refused where it is read.
pub fn normalize_domain(domain: &str) -> Option<String> {
    let d = domain
        .trim()
        .trim_start_matches('@')
        .trim_end_matches('.')
        .to_lowercase();
    let plausible = d.contains('.')
        && !d.starts_with('.')
        && !d.contains("..")
        && d.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    plausible.then_some(d)
}

/// Whether `domain` (of an address) is `listed` or one of its subdomains: a customer listing
/// `acme.example` owns `mail.acme.example` too, but not `notacme.example`.
pub fn domain_matches(domain: &str, listed: &str) -> bool {
    domain == listed
        || domain
            .strip_suffix(listed)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// Mail providers whose addresses belong to individuals, not to a company: a customer made from
/// such an address is a person, and its domain is never listed in `domains` (every other
/// customer with a gmail address would match it).
const PERSONAL_PROVIDERS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.fr",
    "yahoo.co.uk",
    "ymail.com",
    "hotmail.com",
    "hotmail.fr",
    "hotmail.co.uk",
    "outlook.com",
    "outlook.fr",
    "live.com",
    "live.fr",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "gmx.de",
    "gmx.net",
    "gmx.com",
    "web.de",
    "t-online.de",
    "proton.me",
    "protonmail.com",
    "pm.me",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "libero.it",
    "yandex.ru",
    "yandex.com",
    "mail.ru",
    "qq.com",
    "163.com",
    "126.com",
    "naver.com",
    "fastmail.com",
    "hey.com",
    "zoho.com",
];

/// Whether addresses at `domain` belong to individuals (a personal mail provider).
pub fn is_personal_provider(domain: &str) -> bool {
    PERSONAL_PROVIDERS.contains(&domain)
}

/// A readable company name from a domain: `acme-widgets.example` -> `Acme Widgets`,
/// `mail.globex.co.uk` -> `Globex`. The registrable label is the last one before the public
/// suffix; short second-level suffixes (`co.uk`, `com.au`) are skipped.
pub fn company_name(domain: &str) -> String {
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    let label = match labels.as_slice() {
        [] => domain,
        [one] => one,
        [.., second, last]
            if labels.len() >= 3
                && last.len() == 2
                && matches!(*second, "co" | "com" | "org" | "net" | "ac" | "gov" | "ne") =>
        {
            labels[labels.len() - 3]
        }
        [.., name, _] => name,
    };
    label
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_compare_without_case_or_brackets() {
        assert_eq!(
            normalize(" <Jane.Doe@ACME.example> ").as_deref(),
            Some("jane.doe@acme.example")
        );
        assert_eq!(
            normalize("mailto:bob@x.example").as_deref(),
            Some("bob@x.example")
        );
        assert_eq!(normalize("no-at-sign"), None);
        assert_eq!(normalize("@x.example"), None);
        assert_eq!(normalize("a b@x.example"), None);
    }

    #[test]
    fn domains() {
        assert_eq!(
            normalize_domain("@ACME.example.").as_deref(),
            Some("acme.example")
        );
        assert_eq!(normalize_domain("localhost"), None);
        assert_eq!(normalize_domain("../etc"), None);
        assert!(domain_matches("mail.acme.example", "acme.example"));
        assert!(domain_matches("acme.example", "acme.example"));
        assert!(!domain_matches("notacme.example", "acme.example"));
        assert_eq!(company_name("acme-widgets.example"), "Acme Widgets");
        assert_eq!(company_name("mail.globex.co.uk"), "Globex");
        assert_eq!(company_name("initech.com"), "Initech");
        assert!(is_personal_provider("gmail.com"));
    }
}
