//! The rules file of an import, in the spirit of hledger's CSV rules but written as YAML: which
//! rows to skip, which column feeds which field, how dates are written, value maps, conditional
//! rules and defaults, and which columns form the source key that makes a re-import an update.
//!
//! Rules are read once, checked against the header of the data (every column they name must
//! exist), then applied to each row by [`Rules::map_row`], which is pure and never fails: what a
//! value means is checked afterwards, per record type.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{suggest, text};
use crate::store::yaml;

/// What the rows of a file become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordType {
    /// One customer per row.
    Customers,
    /// One touchpoint per row, attached to an existing customer.
    Touchpoints,
}

/// A column named by its header text or by its position (1 is the first column).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ColumnRef {
    Number(usize),
    Name(String),
}

impl std::fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColumnRef::Number(n) => write!(f, "column {n}"),
            ColumnRef::Name(name) => write!(f, "column `{}`", text::escape(name)),
        }
    }
}

/// A sheet of a workbook, by name or by position (1 is the first sheet).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum SheetRef {
    Number(usize),
    Name(String),
}

/// One conditional rule: when a column (or, without `column`, the whole row joined with `,`)
/// matches the regular expression, set fields, or skip the row.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IfRule {
    #[serde(default)]
    pub column: Option<ColumnRef>,
    pub matches: String,
    #[serde(default)]
    pub set: BTreeMap<String, String>,
    #[serde(default)]
    pub skip: bool,
}

/// The rules file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    #[serde(default)]
    pub version: Option<u32>,
    pub records: RecordType,
    /// The system the rows come from (`hubspot`): the `system` of the stored source key.
    #[serde(default)]
    pub source: Option<String>,
    /// Columns whose values, joined with `/`, identify a row in the source system.
    #[serde(default)]
    pub key: Vec<ColumnRef>,
    /// Rows (records) before the header row to ignore.
    #[serde(default)]
    pub skip: usize,
    /// Whether the first row after `skip` names the columns (default true).
    #[serde(default = "yes")]
    pub header: bool,
    /// CSV field delimiter: one character, or `tab`. Default: guessed from the first line.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// Sheet of a workbook (default the first one).
    #[serde(default)]
    pub sheet: Option<SheetRef>,
    /// IANA zone of timestamps written without an offset (default the store's, else UTC).
    #[serde(default)]
    pub timezone: Option<String>,
    /// strftime formats tried, in order, after RFC 3339 and ISO 8601.
    #[serde(default)]
    pub date_formats: Vec<String>,
    /// Separator of list cells (`tags`), default `,`.
    #[serde(default)]
    pub list_separator: Option<String>,
    /// For touchpoints: the system whose external ids `customer.external_id` refers to
    /// (default `source`).
    #[serde(default)]
    pub customer_source: Option<String>,
    /// Undo the `'` that exports put before cells starting with `=`, `+`, `-` or `@` (so that
    /// spreadsheets do not run them as formulas). Set it when importing a git-crm export.
    #[serde(default)]
    pub strip_formula_quote: bool,
    /// Field -> column.
    #[serde(default)]
    pub fields: BTreeMap<String, ColumnRef>,
    /// Field -> { value in the file -> value stored } (matched case-insensitively, trimmed).
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// Conditional rules, applied in order after the column mapping.
    #[serde(default, rename = "if")]
    pub if_rules: Vec<IfRule>,
    /// Field -> value used when the field is still empty.
    #[serde(default)]
    pub defaults: BTreeMap<String, String>,
}

fn yes() -> bool {
    true
}

/// The fields a customer row may set.
pub const CUSTOMER_FIELDS: &[&str] = &[
    "id",
    "name",
    "slug",
    "kind",
    "status",
    "owner",
    "team",
    "tags",
    "contacts",
    "contact.name",
    "contact.email",
    "contact.phone",
    "contact.role",
    "created",
    "archived",
    "fields.<name>",
    "external_ids.<system>",
];

/// The fields a touchpoint row may set.
pub const TOUCHPOINT_FIELDS: &[&str] = &[
    "id",
    "customer",
    "customer.external_id",
    "customer.email",
    "at",
    "recorded_at",
    "channel",
    "direction",
    "by",
    "actor",
    "thread",
    "reply_to",
    "summary",
    "body",
    "resolves",
    "tags",
    "source.system",
    "source.key",
];

/// A mapping whose target is every column with a given header prefix/suffix (`fields.*: "x-*"`).
#[derive(Debug, Clone)]
struct Wildcard {
    /// `fields.` or `external_ids.`
    target_prefix: String,
    column_prefix: String,
    column_suffix: String,
}

#[derive(Debug, Clone)]
struct CompiledIf {
    column: Option<usize>,
    pattern: regex::Regex,
    set: Vec<(String, String)>,
    skip: bool,
}

/// Rules checked against the columns of one file, ready to map rows.
#[derive(Debug, Clone)]
pub struct Rules {
    pub file: RulesFile,
    /// Where the rules were read from (for messages).
    pub path: String,
    /// Header texts (or `1`, `2`, ... without a header).
    pub columns: Vec<String>,
    /// Field -> column index (0-based), wildcards expanded.
    pub mapping: Vec<(String, usize)>,
    /// Key column indexes.
    pub key_columns: Vec<usize>,
    if_rules: Vec<CompiledIf>,
    /// Value maps with lowercased, trimmed keys.
    values: BTreeMap<String, BTreeMap<String, String>>,
}

/// One field value produced by the rules, with the column it came from (for error positions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub text: String,
    /// 0-based column, when the value came from a cell.
    pub column: Option<usize>,
}

/// What the rules make of one row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MappedRow {
    /// Field -> value; empty values are left out.
    pub values: BTreeMap<String, Value>,
    /// The source key (columns joined with `/`), if every key column has a value.
    pub key: Option<String>,
    /// Set when an `if` rule with `skip: true` matched.
    pub skip: bool,
}

impl RulesFile {
    /// Reads a rules file, reporting YAML and schema problems as `path:line:column`.
    pub fn read(path: &Path) -> Result<Self> {
        let bytes = crate::store::fs::read_input(path, yaml::MAX_RECORD_BYTES as u64)?;
        yaml::parse_bytes(path, &bytes)
    }

    /// The fields valid for this record type (for messages).
    pub fn known_fields(&self) -> &'static [&'static str] {
        match self.records {
            RecordType::Customers => CUSTOMER_FIELDS,
            RecordType::Touchpoints => TOUCHPOINT_FIELDS,
        }
    }

    /// Whether records are matched by their git-crm id (an export re-imported) rather than a
    /// source key.
    pub fn matches_by_id(&self) -> bool {
        self.fields.contains_key("id")
    }
}

/// Whether `field` is a field rows of `records` may set.
pub fn is_known_field(records: RecordType, field: &str) -> bool {
    let dynamic = |prefix: &str| {
        field
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('.'))
    };
    match records {
        RecordType::Customers => {
            CUSTOMER_FIELDS.contains(&field) && !field.contains('<')
                || dynamic("fields.")
                || dynamic("external_ids.")
        }
        RecordType::Touchpoints => TOUCHPOINT_FIELDS.contains(&field),
    }
}

impl Rules {
    /// Checks `file` against the `columns` of the data: every field is known, every column
    /// exists, every pattern compiles. All problems are reported at once.
    pub fn compile(file: RulesFile, path: &str, columns: Vec<String>) -> Result<Self> {
        let mut problems = Vec::new();
        let records = file.records;
        let mut mapping = Vec::new();
        let find = |col: &ColumnRef| -> std::result::Result<usize, String> {
            resolve_column(col, &columns)
        };
        for (field, col) in &file.fields {
            if let Some(wild) = parse_wildcard(field, col) {
                if records != RecordType::Customers {
                    problems.push(format!(
                        "fields.{field}: wildcards map customer fields only"
                    ));
                    continue;
                }
                for (i, name) in columns.iter().enumerate() {
                    if let Some(rest) = name
                        .strip_prefix(&wild.column_prefix)
                        .and_then(|r| r.strip_suffix(&wild.column_suffix))
                        .filter(|r| !r.is_empty() && !r.contains('.'))
                    {
                        mapping.push((format!("{}{rest}", wild.target_prefix), i));
                    }
                }
                continue;
            }
            if !is_known_field(records, field) {
                problems.push(unknown_field(&file, field));
                continue;
            }
            match find(col) {
                Ok(i) => mapping.push((field.clone(), i)),
                Err(why) => problems.push(format!("fields.{field}: {why}")),
            }
        }
        let mut key_columns = Vec::new();
        for col in &file.key {
            match find(col) {
                Ok(i) => key_columns.push(i),
                Err(why) => problems.push(format!("key: {why}")),
            }
        }
        if file.matches_by_id() {
            if !file.key.is_empty() {
                problems
                    .push("key: records are matched by the mapped `id` field; remove `key`".into());
            }
        } else {
            if file.key.is_empty() {
                problems.push(
                    "key: name the column(s) that identify a row in the source system, so that a re-import updates instead of duplicating (or map `id`)".into(),
                );
            }
            match file.source.as_deref().map(str::trim) {
                None | Some("") => problems.push(
                    "source: name the system the rows come from (for example `hubspot`); it is stored with each record's key".into(),
                ),
                Some(s) if s.contains(['/', '\n', '\r']) => {
                    problems.push("source: must not contain `/` or line breaks".into())
                }
                _ => {}
            }
        }
        let mut if_rules = Vec::new();
        for (n, rule) in file.if_rules.iter().enumerate() {
            let column = match &rule.column {
                Some(col) => match find(col) {
                    Ok(i) => Some(i),
                    Err(why) => {
                        problems.push(format!("if[{}]: {why}", n + 1));
                        continue;
                    }
                },
                None => None,
            };
            for field in rule.set.keys() {
                if !is_known_field(records, field) {
                    problems.push(format!(
                        "if[{}].set: {}",
                        n + 1,
                        unknown_field(&file, field)
                    ));
                }
            }
            if rule.set.is_empty() && !rule.skip {
                problems.push(format!("if[{}]: give `set` or `skip: true`", n + 1));
            }
            match regex::Regex::new(&rule.matches) {
                Ok(pattern) => if_rules.push(CompiledIf {
                    column,
                    pattern,
                    set: rule
                        .set
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    skip: rule.skip,
                }),
                Err(e) => problems.push(format!(
                    "if[{}].matches: not a regular expression: {}",
                    n + 1,
                    first_line(&e.to_string())
                )),
            }
        }
        for field in file.defaults.keys().chain(file.values.keys()) {
            if !is_known_field(records, field) {
                problems.push(unknown_field(&file, field));
            }
        }
        if let Some(zone) = &file.timezone
            && let Err(e) = crate::model::time::parse_zone(zone)
        {
            problems.push(format!("timezone: {e}"));
        }
        for format in &file.date_formats {
            if chrono::format::StrftimeItems::new(format)
                .any(|i| matches!(i, chrono::format::Item::Error))
            {
                problems.push(format!(
                    "date_formats: `{}` is not a strftime format",
                    text::escape(format)
                ));
            }
        }
        if let Some(sep) = &file.list_separator
            && sep.is_empty()
        {
            problems.push("list_separator: must not be empty".into());
        }
        if !problems.is_empty() {
            return Err(Error::Problems {
                summary: format!("the rules file has {}", plural_problems(problems.len())),
                problems: problems.iter().map(|p| format!("{path}: {p}")).collect(),
                usage: false,
                hint: Some("docs/import.md describes the rules file".into()),
            });
        }
        let values = file
            .values
            .iter()
            .map(|(field, map)| {
                (
                    field.clone(),
                    map.iter().map(|(k, v)| (normalise(k), v.clone())).collect(),
                )
            })
            .collect();
        mapping.sort_by(|a, b| a.0.cmp(&b.0));
        mapping.dedup_by(|a, b| a.0 == b.0);
        Ok(Rules {
            file,
            path: path.to_string(),
            columns,
            mapping,
            key_columns,
            if_rules,
            values,
        })
    }

    /// The separator of list cells.
    pub fn list_separator(&self) -> &str {
        self.file.list_separator.as_deref().unwrap_or(",")
    }

    /// Applies the rules to one row: column mapping and value maps, then `if` rules (which
    /// override), then defaults for fields still empty.
    pub fn map_row(&self, cells: &[String]) -> MappedRow {
        let strip = self.file.strip_formula_quote;
        let untrimmed = |i: usize| {
            let c = cells.get(i).map(String::as_str).unwrap_or("");
            match c.strip_prefix('\'') {
                Some(rest) if strip && rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
                _ => c,
            }
        };
        let cell = |i: usize| untrimmed(i).trim();
        let mut values = BTreeMap::new();
        for (field, col) in &self.mapping {
            let raw = cell(*col);
            if raw.is_empty() {
                continue;
            }
            // Bodies keep their blank lines and indentation; every other value is trimmed.
            let text = if field == "body" {
                untrimmed(*col).to_string()
            } else {
                self.map_value(field, raw)
            };
            values.insert(
                field.clone(),
                Value {
                    text,
                    column: Some(*col),
                },
            );
        }
        let mut skip = false;
        for rule in &self.if_rules {
            let hit = match rule.column {
                Some(col) => rule.pattern.is_match(cell(col)),
                None => rule.pattern.is_match(&cells.join(",")),
            };
            if !hit {
                continue;
            }
            skip |= rule.skip;
            for (field, value) in &rule.set {
                values.insert(
                    field.clone(),
                    Value {
                        text: value.clone(),
                        column: rule.column,
                    },
                );
            }
        }
        for (field, value) in &self.file.defaults {
            values.entry(field.clone()).or_insert_with(|| Value {
                text: value.clone(),
                column: None,
            });
        }
        values.retain(|_, v| !v.text.trim().is_empty());
        let key = if self.key_columns.is_empty() {
            None
        } else {
            let parts: Vec<&str> = self.key_columns.iter().map(|c| cell(*c)).collect();
            (!parts.iter().any(|p| p.is_empty())).then(|| composite_key(&parts))
        };
        MappedRow { values, key, skip }
    }

    /// The value map of `field` applied to `raw` (unchanged when the map has no entry).
    pub fn map_value(&self, field: &str, raw: &str) -> String {
        self.values
            .get(field)
            .and_then(|m| m.get(&normalise(raw)))
            .cloned()
            .unwrap_or_else(|| raw.to_string())
    }

    /// The header text of a 0-based column.
    pub fn column_name(&self, col: usize) -> String {
        self.columns
            .get(col)
            .cloned()
            .unwrap_or_else(|| (col + 1).to_string())
    }
}

fn normalise(value: &str) -> String {
    value.trim().to_lowercase()
}

fn first_line(text: &str) -> String {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(text)
        .trim()
        .to_string()
}

fn unknown_field(file: &RulesFile, field: &str) -> String {
    let known = file.known_fields();
    let hint = suggest::did_you_mean(field, known.iter().copied())
        .unwrap_or_else(|| format!("fields are: {}", known.join(", ")));
    format!(
        "`{}` is not a {} field; {hint}",
        text::escape(field),
        match file.records {
            RecordType::Customers => "customer",
            RecordType::Touchpoints => "touchpoint",
        }
    )
}

fn parse_wildcard(field: &str, col: &ColumnRef) -> Option<Wildcard> {
    let target_prefix = field.strip_suffix('*')?;
    if target_prefix != "fields." && target_prefix != "external_ids." {
        return None;
    }
    let ColumnRef::Name(pattern) = col else {
        return None;
    };
    let (column_prefix, column_suffix) = pattern.split_once('*')?;
    Some(Wildcard {
        target_prefix: target_prefix.to_string(),
        column_prefix: column_prefix.to_string(),
        column_suffix: column_suffix.to_string(),
    })
}

/// Finds a column: a number is a 1-based position; a name matches a header exactly, else
/// ignoring case and surrounding blanks.
pub fn resolve_column(col: &ColumnRef, columns: &[String]) -> std::result::Result<usize, String> {
    match col {
        ColumnRef::Number(n) if *n >= 1 && *n <= columns.len() => Ok(n - 1),
        ColumnRef::Number(n) => Err(format!(
            "column {n} does not exist (the data has {} columns)",
            columns.len()
        )),
        ColumnRef::Name(name) => columns
            .iter()
            .position(|c| c == name)
            .or_else(|| columns.iter().position(|c| normalise(c) == normalise(name)))
            .ok_or_else(|| {
                let hint = suggest::did_you_mean(name, columns.iter().map(String::as_str))
                    .unwrap_or_else(|| {
                        format!(
                            "columns are: {}",
                            columns
                                .iter()
                                .map(|c| text::escape(c).into_owned())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    });
                format!("no column `{}` in the data; {hint}", text::escape(name))
            }),
    }
}

/// The source key of a row from its key columns: one column's value as it is; several joined
/// with `/`, each with `\` and `/` escaped by a `\`, so that no two different rows share a key
/// (`x/y` + `z` and `x` + `y/z` differ). A key of plain parts reads as before, so stores
/// imported by earlier versions keep their keys.
pub fn composite_key(parts: &[&str]) -> String {
    if let [one] = parts {
        return one.to_string();
    }
    parts
        .iter()
        .map(|p| p.replace('\\', "\\\\").replace('/', "\\/"))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composite_keys_are_unambiguous() {
        assert_eq!(composite_key(&["T-1"]), "T-1");
        assert_eq!(composite_key(&["a", "b"]), "a/b");
        assert_ne!(composite_key(&["x/y", "z"]), composite_key(&["x", "y/z"]));
        assert_ne!(composite_key(&["x\\", "/z"]), composite_key(&["x\\/", "z"]));
        assert_eq!(composite_key(&["x/y", "z"]), "x\\/y/z");
    }

    fn rules(yaml_text: &str, columns: &[&str]) -> Result<Rules> {
        let file: RulesFile = yaml::parse(Path::new("r.yaml"), yaml_text)?;
        Rules::compile(
            file,
            "r.yaml",
            columns.iter().map(|c| c.to_string()).collect(),
        )
    }

    const BASE: &str = "records: touchpoints\nsource: desk\nkey: [Ticket]\n";

    #[test]
    fn maps_columns_values_ifs_and_defaults() {
        let r = rules(
            &format!(
                "{BASE}fields:\n  channel: Type\n  summary: 3\nvalues:\n  channel:\n    Phone: call\nif:\n  - column: Subject\n    matches: '(?i)refund'\n    set: {{tags: billing}}\ndefaults:\n  direction: inbound\n  channel: other\n"
            ),
            &["Ticket", "Type", "Subject"],
        )
        .unwrap();
        let row = r.map_row(&["T-1".into(), " phone ".into(), "Refund please".into()]);
        assert_eq!(row.key.as_deref(), Some("T-1"));
        assert_eq!(row.values["channel"].text, "call");
        assert_eq!(row.values["channel"].column, Some(1));
        assert_eq!(row.values["summary"].text, "Refund please");
        assert_eq!(row.values["tags"].text, "billing");
        assert_eq!(row.values["direction"].text, "inbound");
        let row = r.map_row(&["T-2".into(), "".into(), "hello".into()]);
        assert_eq!(row.values["channel"].text, "other");
        assert!(!row.values.contains_key("tags"));
    }

    #[test]
    fn every_problem_is_reported() {
        let err = match rules(
            "records: customers\nfields:\n  nmae: Name\n  status: Stage\nif:\n  - matches: '('\n    set: {x: 1}\n",
            &["Name", "Status"],
        ) {
            Err(Error::Problems { problems, .. }) => problems.join("\n"),
            other => panic!("{other:?}"),
        };
        assert!(
            err.contains("`nmae` is not a customer field; did you mean `name`?"),
            "{err}"
        );
        assert!(err.contains("no column `Stage`"), "{err}");
        assert!(
            err.contains("if[1].matches: not a regular expression"),
            "{err}"
        );
        assert!(err.contains("key: name the column"), "{err}");
        assert!(err.contains("source: name the system"), "{err}");
    }

    #[test]
    fn wildcards_expand_to_columns() {
        let r = rules(
            "records: customers\nsource: s\nkey: [ID]\nfields:\n  name: Name\n  fields.*: 'x-*'\n",
            &["ID", "Name", "x-tier", "x-seats", "other"],
        )
        .unwrap();
        let fields: Vec<&str> = r.mapping.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["fields.seats", "fields.tier", "name"]);
    }

    #[test]
    fn unknown_keys_are_located() {
        let err = yaml::parse::<RulesFile>(Path::new("r.yaml"), "records: customers\nfeilds: {}\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("r.yaml:2:"), "{err}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn touchpoint_rules(map: &BTreeMap<String, String>) -> Rules {
        let file = RulesFile {
            version: None,
            records: RecordType::Touchpoints,
            source: Some("s".into()),
            key: vec![ColumnRef::Number(1)],
            skip: 0,
            header: true,
            delimiter: None,
            sheet: None,
            timezone: None,
            date_formats: Vec::new(),
            list_separator: None,
            customer_source: None,
            strip_formula_quote: false,
            fields: [("channel".to_string(), ColumnRef::Number(2))].into(),
            values: [("channel".to_string(), map.clone())].into(),
            if_rules: Vec::new(),
            defaults: BTreeMap::new(),
        };
        Rules::compile(file, "r", vec!["k".into(), "c".into()]).unwrap()
    }

    proptest! {
        /// A value map sends each listed value (in any case, with blanks around) to its target,
        /// and leaves every other value as it was (trimmed).
        #[test]
        fn value_maps(map in proptest::collection::btree_map("[A-Za-z][A-Za-z ]{0,8}[A-Za-z]", "[a-z]{1,8}", 0..5), probe in "[A-Za-z]{1,10}") {
            let rules = touchpoint_rules(&map);
            for (from, to) in &map {
                let cell = format!("  {}  ", from.to_uppercase());
                let row = rules.map_row(&["k".into(), cell]);
                let expected = map.iter().find(|(k, _)| k.to_lowercase() == from.to_lowercase()).map(|(_, v)| v.clone()).unwrap();
                prop_assert_eq!(&row.values["channel"].text, &expected);
                let _ = to;
            }
            if !map.keys().any(|k| k.to_lowercase() == probe.to_lowercase()) {
                let row = rules.map_row(&["k".into(), probe.clone()]);
                prop_assert_eq!(&row.values["channel"].text, &probe);
            }
        }

        /// Mapping never panics, whatever the cells, and the key is present exactly when its
        /// column is not blank.
        #[test]
        fn map_row_total(cells in proptest::collection::vec("\\PC{0,12}", 0..4)) {
            let rules = touchpoint_rules(&BTreeMap::new());
            let row = rules.map_row(&cells);
            let key_cell = cells.first().map(|c| c.trim()).unwrap_or("");
            prop_assert_eq!(row.key.is_some(), !key_cell.is_empty());
        }

        /// Any YAML text either parses as rules or is refused with a located error; never a panic.
        #[test]
        fn rules_parsing_never_panics(text in "\\PC{0,200}") {
            let _ = yaml::parse::<RulesFile>(Path::new("r.yaml"), &text);
        }
    }
}

/// `1 problem`, `3 problems`.
fn plural_problems(n: usize) -> String {
    if n == 1 {
        "1 problem".into()
    } else {
        format!("{n} problems")
    }
}
