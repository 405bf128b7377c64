//! Typed tables for the analyst export (`--format jsonl|parquet`): a versioned schema per kind
//! (column, type, nullability, meaning) and rows of typed cells. One schema definition feeds
//! the Parquet schema, the JSON lines, `schema.json` beside the files and the tables of
//! `docs/export.md`, so what a data team reads and what the tool writes cannot drift apart.

use serde::Serialize;

use crate::model::Timestamp;

/// The version of the analyst export's columns, written into every Parquet file and every
/// `schema.json`. A column renamed, removed or changed in meaning raises it; columns added at
/// the end do not.
pub const SCHEMA_VERSION: u32 = 1;

/// The type of a column, as Parquet and DuckDB see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    /// UTF-8 text (Parquet `BYTE_ARRAY (STRING)`, DuckDB `VARCHAR`).
    String,
    /// A 64-bit integer (durations in seconds, counts).
    Int64,
    Bool,
    /// An instant, UTC, microseconds (Parquet `TIMESTAMP(MICROS, true)`, DuckDB
    /// `TIMESTAMP WITH TIME ZONE`); RFC 3339 text in UTC in JSON lines.
    Timestamp,
    /// A list of texts, possibly empty, never null (Parquet `LIST`, DuckDB `VARCHAR[]`).
    StringList,
}

impl ColumnType {
    /// The word of the docs and of `schema.json`.
    pub fn word(self) -> &'static str {
        match self {
            ColumnType::String => "string",
            ColumnType::Int64 => "int64",
            ColumnType::Bool => "bool",
            ColumnType::Timestamp => "timestamp",
            ColumnType::StringList => "list<string>",
        }
    }
}

/// One column of a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Column {
    pub name: &'static str,
    #[serde(rename = "type", serialize_with = "type_word")]
    pub ty: ColumnType,
    pub nullable: bool,
    /// What the value means, for the docs and `schema.json`.
    pub meaning: &'static str,
}

fn type_word<S: serde::Serializer>(ty: &ColumnType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(ty.word())
}

/// The columns of one kind, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Schema {
    pub kind: &'static str,
    pub version: u32,
    /// The column whose month (UTC) names a row's partition (`month=YYYY-MM`).
    pub partitioned_by: &'static str,
    pub columns: &'static [Column],
}

impl Schema {
    /// The schema as `schema.json` holds it.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The schema as the Markdown table of `docs/export.md` (a test keeps the docs equal to it).
    pub fn markdown(&self) -> String {
        let mut out = String::from("| column | type | null | meaning |\n|---|---|---|---|\n");
        for c in self.columns {
            out.push_str(&format!(
                "| `{}` | `{}` | {} | {} |\n",
                c.name,
                c.ty.word(),
                if c.nullable { "yes" } else { "no" },
                c.meaning
            ));
        }
        out
    }

    /// The position of column `name`.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// Whether `row` has one cell per column, each of the column's type and null only where
    /// the column allows it.
    pub fn fits(&self, row: &[Cell]) -> bool {
        row.len() == self.columns.len()
            && row.iter().zip(self.columns).all(|(cell, col)| {
                cell.column_type() == col.ty && (col.nullable || !cell.is_null())
            })
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Str(Option<String>),
    Int(Option<i64>),
    Bool(Option<bool>),
    Time(Option<Timestamp>),
    List(Vec<String>),
}

impl Cell {
    /// The column type this cell belongs in.
    pub fn column_type(&self) -> ColumnType {
        match self {
            Cell::Str(_) => ColumnType::String,
            Cell::Int(_) => ColumnType::Int64,
            Cell::Bool(_) => ColumnType::Bool,
            Cell::Time(_) => ColumnType::Timestamp,
            Cell::List(_) => ColumnType::StringList,
        }
    }

    /// Whether the cell is null (a list never is).
    pub fn is_null(&self) -> bool {
        match self {
            Cell::Str(v) => v.is_none(),
            Cell::Int(v) => v.is_none(),
            Cell::Bool(v) => v.is_none(),
            Cell::Time(v) => v.is_none(),
            Cell::List(_) => false,
        }
    }

    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Str(Some(s.into()))
    }

    /// The cell as JSON: times as RFC 3339 in UTC, null as `null`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Cell::Str(v) => v.clone().map_or(Value::Null, Value::String),
            Cell::Int(v) => v.map_or(Value::Null, Value::from),
            Cell::Bool(v) => v.map_or(Value::Null, Value::Bool),
            Cell::Time(v) => v
                .as_ref()
                .map_or(Value::Null, |t| Value::String(utc_text(t))),
            Cell::List(v) => Value::from(v.clone()),
        }
    }

    /// The cell as one spreadsheet cell: empty for null, lists joined with `, `.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Str(v) => v.clone().unwrap_or_default(),
            Cell::Int(v) => v.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Bool(v) => v.map(|b| b.to_string()).unwrap_or_default(),
            Cell::Time(v) => v.as_ref().map(utc_text).unwrap_or_default(),
            Cell::List(v) => v.join(", "),
        }
    }
}

/// An instant as RFC 3339 in UTC (`2026-11-02T09:00:00Z`), the way every analyst format writes
/// times, whatever offset the record was written with.
pub fn utc_text(t: &Timestamp) -> String {
    crate::model::time::rfc3339(&t.with_timezone(&chrono::Utc).fixed_offset())
}

/// The partition of an instant: its month in UTC, `YYYY-MM`.
pub fn month_of(t: &Timestamp) -> String {
    t.with_timezone(&chrono::Utc).format("%Y-%m").to_string()
}

/// The rows of one kind, each with the month of its partition, in export order.
#[derive(Debug, Clone)]
pub struct Table {
    pub schema: &'static Schema,
    pub rows: Vec<(String, Vec<Cell>)>,
}

impl Table {
    /// The rows grouped by month, months ascending, each month's rows in export order.
    pub fn by_month(&self) -> std::collections::BTreeMap<&str, Vec<&[Cell]>> {
        let mut out: std::collections::BTreeMap<&str, Vec<&[Cell]>> = Default::default();
        for (month, row) in &self.rows {
            out.entry(month.as_str()).or_default().push(row);
        }
        out
    }

    /// One row as a JSON object, columns in schema order.
    pub fn row_json(&self, row: &[Cell]) -> serde_json::Value {
        serde_json::Value::Object(
            self.schema
                .columns
                .iter()
                .zip(row)
                .map(|(c, cell)| (c.name.to_string(), cell.to_json()))
                .collect(),
        )
    }

    /// The table as a spreadsheet export: its columns, cells as text, rows as JSON.
    pub fn to_export(&self) -> super::Export {
        super::Export {
            columns: self
                .schema
                .columns
                .iter()
                .map(|c| c.name.to_string())
                .collect(),
            rows: self
                .rows
                .iter()
                .map(|(_, row)| row.iter().map(Cell::to_text).collect())
                .collect(),
            records: self
                .rows
                .iter()
                .map(|(_, row)| self.row_json(row))
                .collect(),
        }
    }

    /// Rows as JSON lines: one object per line, each line ending with `\n`.
    pub fn jsonl<'a>(&self, rows: impl IntoIterator<Item = &'a [Cell]>) -> String {
        let mut out = String::new();
        for row in rows {
            out.push_str(&self.row_json(row).to_string());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn months_and_times_are_utc() {
        let t = at("2026-12-01T00:30:00+01:00");
        assert_eq!(month_of(&t), "2026-11");
        assert_eq!(utc_text(&t), "2026-11-30T23:30:00Z");
        assert_eq!(
            Cell::Time(Some(t)).to_json(),
            serde_json::json!("2026-11-30T23:30:00Z")
        );
        assert_eq!(Cell::Int(None).to_json(), serde_json::Value::Null);
        assert_eq!(Cell::List(vec!["a".into(), "b".into()]).to_text(), "a, b");
    }
}
