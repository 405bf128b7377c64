//! Writes a table's rows as one Parquet file with the `parquet` crate's low-level column writer
//! (no Arrow: it would more than double what the export costs to build). Strings are
//! `BYTE_ARRAY (STRING)`, instants `INT64 (TIMESTAMP(MICROS, true))`, tags a `LIST` of strings;
//! pages are Snappy-compressed. Every file carries its kind and schema version in its key-value
//! metadata (`git-crm.kind`, `git-crm.schema_version`).

use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int64Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use super::table::{Cell, ColumnType, Schema};
use crate::error::{Error, Result};

/// Rows per row group: large enough for good compression, small enough that a reader can skip
/// by row group statistics.
const ROW_GROUP: usize = 64 * 1024;

/// The Parquet message type of `schema`.
pub fn message_type(schema: &Schema) -> String {
    let mut out = format!("message {} {{\n", schema.kind);
    for c in schema.columns {
        let repetition = if c.nullable { "optional" } else { "required" };
        let name = c.name;
        let line = match c.ty {
            ColumnType::String => format!("{repetition} binary {name} (STRING);"),
            ColumnType::Int64 => format!("{repetition} int64 {name};"),
            ColumnType::Bool => format!("{repetition} boolean {name};"),
            ColumnType::Timestamp => format!("{repetition} int64 {name} (TIMESTAMP(MICROS,true));"),
            ColumnType::StringList => format!(
                "required group {name} (LIST) {{ repeated group list {{ required binary element (STRING); }} }}"
            ),
        };
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push('}');
    out
}

fn parquet_error(e: parquet::errors::ParquetError) -> Error {
    Error::invalid(format!("writing Parquet: {e}"))
}

/// The rows as the bytes of one Parquet file.
pub fn write(schema: &Schema, rows: &[&[Cell]]) -> Result<Vec<u8>> {
    let message = parse_message_type(&message_type(schema)).map_err(parquet_error)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("git-crm {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(vec![
            KeyValue::new("git-crm.kind".into(), schema.kind.to_string()),
            KeyValue::new("git-crm.schema_version".into(), schema.version.to_string()),
        ]))
        .build();
    let mut writer = SerializedFileWriter::new(Vec::new(), Arc::new(message), Arc::new(props))
        .map_err(parquet_error)?;
    for group in rows.chunks(ROW_GROUP) {
        let mut rg = writer.next_row_group().map_err(parquet_error)?;
        let mut index = 0;
        while let Some(mut column) = rg.next_column().map_err(parquet_error)? {
            let spec = schema.columns.get(index).ok_or_else(|| {
                Error::invalid(format!(
                    "writing Parquet: {}: too many columns",
                    schema.kind
                ))
            })?;
            let cells = group.iter().map(|row| &row[index]);
            let nullable = spec.nullable;
            let written = match spec.ty {
                ColumnType::String => {
                    let (values, defs) = levels(cells, nullable, |c| match c {
                        Cell::Str(v) => v.as_ref().map(|s| ByteArray::from(s.as_bytes())),
                        _ => None,
                    });
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&values, defs.as_deref(), None)
                }
                ColumnType::Int64 => {
                    let (values, defs) = levels(cells, nullable, |c| match c {
                        Cell::Int(v) => *v,
                        _ => None,
                    });
                    column
                        .typed::<Int64Type>()
                        .write_batch(&values, defs.as_deref(), None)
                }
                ColumnType::Timestamp => {
                    let (values, defs) = levels(cells, nullable, |c| match c {
                        Cell::Time(v) => v.map(|t| t.timestamp_micros()),
                        _ => None,
                    });
                    column
                        .typed::<Int64Type>()
                        .write_batch(&values, defs.as_deref(), None)
                }
                ColumnType::Bool => {
                    let (values, defs) = levels(cells, nullable, |c| match c {
                        Cell::Bool(v) => *v,
                        _ => None,
                    });
                    column
                        .typed::<BoolType>()
                        .write_batch(&values, defs.as_deref(), None)
                }
                ColumnType::StringList => {
                    // required group / repeated list / required element: definition level 1
                    // for an element, 0 for an empty list; repetition level 1 continues a list.
                    let mut values = Vec::new();
                    let mut defs = Vec::new();
                    let mut reps = Vec::new();
                    for cell in cells {
                        let list: &[String] = match cell {
                            Cell::List(v) => v,
                            _ => &[],
                        };
                        if list.is_empty() {
                            defs.push(0);
                            reps.push(0);
                        }
                        for (k, s) in list.iter().enumerate() {
                            values.push(ByteArray::from(s.as_bytes()));
                            defs.push(1);
                            reps.push(i16::from(k > 0));
                        }
                    }
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&values, Some(&defs), Some(&reps))
                }
            };
            written.map_err(parquet_error)?;
            column.close().map_err(parquet_error)?;
            index += 1;
        }
        rg.close().map_err(parquet_error)?;
    }
    writer.into_inner().map_err(parquet_error)
}

/// The non-null values of a column and, for a nullable column, its definition levels (1 for a
/// value, 0 for null). A null in a required column cannot happen ([`Schema::fits`]); it would
/// be written as a missing value and fail the writer's count check rather than shift rows.
fn levels<'a, T>(
    cells: impl Iterator<Item = &'a Cell>,
    nullable: bool,
    value: impl Fn(&Cell) -> Option<T>,
) -> (Vec<T>, Option<Vec<i16>>) {
    let mut values = Vec::new();
    let mut defs = Vec::new();
    for cell in cells {
        match value(cell) {
            Some(v) => {
                values.push(v);
                defs.push(1);
            }
            None => defs.push(0),
        }
    }
    (values, nullable.then_some(defs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::analyst::TOUCHPOINTS;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    use proptest::prelude::*;

    fn cell_of(field: &Field) -> Cell {
        match field {
            Field::Null => Cell::Str(None),
            Field::Str(s) => Cell::text(s.clone()),
            Field::Bool(b) => Cell::Bool(Some(*b)),
            Field::Long(n) => Cell::Int(Some(*n)),
            Field::TimestampMicros(us) => Cell::Time(Some(
                chrono::DateTime::from_timestamp_micros(*us)
                    .unwrap()
                    .fixed_offset(),
            )),
            Field::ListInternal(list) => Cell::List(
                list.elements()
                    .iter()
                    .map(|f| match f {
                        Field::Str(s) => s.clone(),
                        other => panic!("{other:?}"),
                    })
                    .collect(),
            ),
            other => panic!("unexpected {other:?}"),
        }
    }

    /// A null read back has no type: compare it with the written cell's nullness.
    fn same(written: &Cell, read: &Cell) -> bool {
        match (written, read) {
            (w, Cell::Str(None)) => w.is_null(),
            (w, r) => w == r,
        }
    }

    fn row_strategy() -> impl Strategy<Value = Vec<Cell>> {
        let text = || proptest::option::of("\\PC{0,12}");
        let time = || {
            proptest::option::of((0i64..4_102_444_800, 0i32..3).prop_map(|(s, tz)| {
                let zone = chrono::FixedOffset::east_opt(tz * 3600).unwrap();
                chrono::DateTime::from_timestamp(s, 0)
                    .unwrap()
                    .with_timezone(&zone)
            }))
        };
        (
            ("\\PC{1,8}", time(), text(), text()),
            (
                any::<bool>(),
                proptest::collection::vec("\\PC{0,6}", 0..4),
                text(),
                any::<bool>(),
            ),
        )
            .prop_map(
                |((id, at, summary, body), (resolves, tags, team, corrected))| {
                    let at = at.unwrap_or_else(|| chrono::DateTime::UNIX_EPOCH.fixed_offset());
                    vec![
                        Cell::text(id.clone()),
                        Cell::text("acme"),
                        Cell::Time(Some(at)),
                        Cell::Time(Some(at)),
                        Cell::text("email"),
                        Cell::text("inbound"),
                        Cell::text("alice"),
                        Cell::text("human"),
                        Cell::text(id),
                        Cell::Str(summary),
                        Cell::Str(body),
                        Cell::Bool(Some(resolves)),
                        Cell::List(tags),
                        Cell::Str(None),
                        Cell::Str(Some("k".into())),
                        Cell::Str(team),
                        Cell::Bool(Some(corrected)),
                    ]
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// Whatever the rows hold (any text, empty lists, nulls, offsets), the file reads back
        /// to the same rows in the same order, with every instant the same.
        #[test]
        fn rows_read_back(rows in proptest::collection::vec(row_strategy(), 0..40)) {
            prop_assert!(rows.iter().all(|r| TOUCHPOINTS.fits(r)));
            let refs: Vec<&[Cell]> = rows.iter().map(Vec::as_slice).collect();
            let bytes = write(&TOUCHPOINTS, &refs).unwrap();
            let mut file = tempfile::tempfile().unwrap();
            std::io::Write::write_all(&mut file, &bytes).unwrap();
            let reader = SerializedFileReader::new(file).unwrap();
            let read: Vec<Vec<Cell>> = reader
                .get_row_iter(None)
                .unwrap()
                .map(|r| r.unwrap().get_column_iter().map(|(_, f)| cell_of(f)).collect())
                .collect();
            prop_assert_eq!(read.len(), rows.len());
            for (w, r) in rows.iter().zip(&read) {
                prop_assert_eq!(w.len(), r.len());
                for (a, b) in w.iter().zip(r) {
                    prop_assert!(same(a, b), "{:?} read back as {:?}", a, b);
                }
            }
        }
    }

    #[test]
    fn the_message_type_parses_for_every_kind() {
        for schema in crate::export::analyst::SCHEMAS {
            let message = parse_message_type(&message_type(schema)).unwrap();
            assert_eq!(message.get_fields().len(), schema.columns.len());
        }
    }
}
