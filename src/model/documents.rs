//! Rules for documents attached to customers: which original names are acceptable, how large a
//! file may be stored in git itself, and what a file's content says it is. Pure: no I/O.

use super::config::Config;
use super::text;

/// Files larger than this are refused unless the documents path goes through Git LFS: git
/// keeps every version of every file in every clone, and hosting services refuse pushes with
/// files above 50-100 MB. Set `documents: {max_size: 25MiB}` in the config to change it.
pub const DEFAULT_MAX_SIZE: u64 = 10 * 1024 * 1024;

/// Longest original name kept (bytes), as most file systems allow.
pub const MAX_NAME_BYTES: usize = 255;

/// Names Windows reserves for devices, with or without an extension: `docs get` writes a file
/// under its original name, so such a name would open a device there.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Checks an original file name. It is data (the store never uses it in a path), but `docs get`
/// offers it as the name to write, so it must be one plain file name: no folder parts, no `..`,
/// not absolute, no control characters, not a reserved device name.
pub fn validate_name(name: &str) -> Result<(), String> {
    let shown = text::escape(name);
    if name.trim().is_empty() {
        return Err("the file name is empty".into());
    }
    if name.len() > MAX_NAME_BYTES {
        return Err(format!(
            "the file name is {} bytes long; at most {MAX_NAME_BYTES} are kept",
            name.len()
        ));
    }
    if name
        .chars()
        .any(|c| c.is_control() || text::escape(&c.to_string()) != c.to_string())
    {
        return Err(format!("the file name `{shown}` holds control characters"));
    }
    if name.starts_with('/') || name.starts_with('\\') || name.get(1..2) == Some(":") {
        return Err(format!("`{shown}` is an absolute path, not a file name"));
    }
    if name.contains('/') || name.contains('\\') {
        return Err(format!(
            "`{shown}` has folder parts (`/` or `\\`); give a plain file name"
        ));
    }
    if name == "." || name == ".." {
        return Err(format!("`{shown}` is not a file name"));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Err(format!("`{shown}` ends with a dot or a space"));
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if RESERVED.contains(&stem.trim_end()) {
        return Err(format!("`{shown}` is a reserved device name"));
    }
    Ok(())
}

/// What a name nobody checked (a mail attachment's `filename`) becomes when it must be a
/// document's original name: the last part after any `/` or `\\`, each character
/// [`validate_name`] refuses (control, bidirectional and zero-width characters, `:`) replaced by
/// `_`, dots and spaces trimmed from the ends, a reserved device name prefixed with `_`, cut to
/// [`MAX_NAME_BYTES`] keeping the extension; `attachment` when nothing usable is left. The
/// result always passes [`validate_name`]: a sender's name is data and never becomes a path.
pub fn plain_name(raw: &str) -> String {
    const FALLBACK: &str = "attachment";
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let replaced: String = last
        .chars()
        .map(|c| {
            if c.is_control() || text::is_deceptive(c) || c == ':' {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut name = replaced.trim_start_matches(' ').to_string();
    if name.len() > MAX_NAME_BYTES {
        let ext = name
            .rfind('.')
            .map(|dot| name[dot..].to_string())
            .filter(|e| e.len() <= 16)
            .unwrap_or_default();
        let mut cut = MAX_NAME_BYTES - ext.len();
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name = format!("{}{ext}", &name[..cut]);
    }
    let mut name = name.trim_end_matches(['.', ' ']).to_string();
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_ascii_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
        if name.len() > MAX_NAME_BYTES {
            return FALLBACK.into();
        }
    }
    match validate_name(&name) {
        Ok(()) => name,
        Err(_) => FALLBACK.into(),
    }
}

/// The size limit for documents stored in git itself, from `documents.max_size` (bytes, or a
/// size such as `25MiB` / `5MB`), else [`DEFAULT_MAX_SIZE`].
pub fn max_size(config: &Config) -> Result<u64, String> {
    match config
        .extra
        .get("documents")
        .and_then(|d| d.get("max_size"))
    {
        None => Ok(DEFAULT_MAX_SIZE),
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| format!("documents.max_size `{n}` is not a whole number of bytes")),
        Some(serde_json::Value::String(s)) => parse_size(s),
        Some(other) => Err(format!("documents.max_size `{other}` is not a size")),
    }
}

/// Parses `1234`, `10KB`, `25MiB`, `1GB` (decimal and binary units).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let unit = t[digits.len()..].trim().to_ascii_lowercase();
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{}` is not a size such as 25MiB", text::escape(text)))?;
    let factor: u64 = match unit.as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "kib" | "k" => 1 << 10,
        "mb" => 1_000_000,
        "mib" | "m" => 1 << 20,
        "gb" => 1_000_000_000,
        "gib" | "g" => 1 << 30,
        _ => {
            return Err(format!(
                "`{}` is not a size such as 25MiB",
                text::escape(text)
            ));
        }
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("`{}` is too large", text::escape(text)))
}

/// A size for people: `812 B`, `14.2 KiB`, `3.1 MiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// The media type the first bytes of a file say it has (magic numbers, not the name): a known
/// binary format, `text/plain` for UTF-8 text without NUL bytes, else
/// `application/octet-stream`.
pub fn media_type(head: &[u8]) -> String {
    if let Some(kind) = infer::get(head) {
        return kind.mime_type().to_string();
    }
    let text = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A multi-byte character cut by the end of the sample is still text.
        Err(e) => e.error_len().is_none(),
    };
    if text && !head.contains(&0) {
        "text/plain".into()
    } else {
        "application/octet-stream".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_become_paths_are_refused() {
        for bad in [
            "",
            " ",
            "../x",
            "a/b.pdf",
            "a\\b",
            "/etc/passwd",
            "C:evil",
            "..",
            ".",
            "x\n.pdf",
            "a\u{1b}[2J",
            "CON",
            "nul.txt",
            "Lpt1.pdf",
            "trailing.",
            "x\u{202e}fdp.exe",
        ] {
            assert!(validate_name(bad).is_err(), "{bad:?} was accepted");
        }
        for good in [
            "contract.pdf",
            "Offre – Café.docx",
            ".hidden",
            "con-tract.pdf",
            "a b.txt",
        ] {
            assert!(validate_name(good).is_ok(), "{good:?} was refused");
        }
        assert!(validate_name(&"a".repeat(256)).is_err());
    }

    #[test]
    fn hostile_names_become_plain_names() {
        for (raw, plain) in [
            ("../../etc/passwd", "passwd"),
            ("/abs/report.pdf", "report.pdf"),
            ("C:\\Users\\x\\invoice.pdf", "invoice.pdf"),
            ("C:evil.pdf", "C_evil.pdf"),
            ("..", "attachment"),
            ("", "attachment"),
            ("a\u{1b}[2Jb.txt", "a_[2Jb.txt"),
            ("x\u{202e}fdp.exe", "x_fdp.exe"),
            ("CON", "_CON"),
            ("nul.txt", "_nul.txt"),
            ("trailing. ", "trailing"),
            ("Offre – Café.docx", "Offre – Café.docx"),
        ] {
            assert_eq!(plain_name(raw), plain, "{raw:?}");
        }
        let long = format!("{}.pdf", "é".repeat(200));
        let cut = plain_name(&long);
        assert!(
            cut.len() <= MAX_NAME_BYTES && cut.ends_with(".pdf"),
            "{cut}"
        );
    }

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(parse_size("1234").unwrap(), 1234);
        assert_eq!(parse_size("25MiB").unwrap(), 25 << 20);
        assert_eq!(parse_size("5 MB").unwrap(), 5_000_000);
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999999GiB").is_err());
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(14_540), "14.2 KiB");
    }

    #[test]
    fn media_types_come_from_the_content() {
        assert_eq!(media_type(b"%PDF-1.7\n..."), "application/pdf");
        assert_eq!(media_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "image/png");
        assert_eq!(media_type("Bonjour, café".as_bytes()), "text/plain");
        assert_eq!(media_type(b"\0\x01\x02"), "application/octet-stream");
    }

    proptest::proptest! {
        /// Whatever name is accepted is one plain file name that cannot leave a folder.
        #[test]
        fn accepted_names_are_plain(name in "\\PC{0,40}|[./\\\\a-zA-Z:\u{0}-\u{1f}]{0,12}") {
            if validate_name(&name).is_ok() {
                proptest::prop_assert!(!name.contains('/') && !name.contains('\\'));
                proptest::prop_assert!(name != "." && name != "..");
                proptest::prop_assert!(!name.chars().any(char::is_control));
                proptest::prop_assert!(std::path::Path::new(&name).components().count() == 1);
            }
        }

        /// Whatever a sender names an attachment, its plain name is one accepted file name.
        #[test]
        fn plain_names_are_accepted(name in "\\PC{0,300}|[./\\\\a-zA-Z:\u{0}-\u{1f}\u{202a}-\u{202e} ]{0,12}") {
            proptest::prop_assert!(validate_name(&plain_name(&name)).is_ok(), "{:?}", plain_name(&name));
        }

        #[test]
        fn sizes_round_trip(n in 0u64..1_000_000, unit in 0usize..4) {
            let (suffix, factor) = [("", 1u64), ("KiB", 1 << 10), ("MiB", 1 << 20), ("kb", 1000)][unit];
            proptest::prop_assert_eq!(parse_size(&format!("{n}{suffix}")).unwrap(), n * factor);
        }
    }
}
