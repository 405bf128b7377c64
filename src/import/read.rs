//! Reading a spreadsheet into rows of text cells: CSV (any delimiter, quoted multi-line cells,
//! UTF-8 with or without a byte-order mark) and workbooks (XLSX, XLS, XLSB, ODS) through
//! calamine. Each row keeps the number a person sees in their editor or spreadsheet, so
//! problems can be reported as `file:row:column`.

use std::path::Path;

use calamine::{Data, Reader};

use crate::error::{Error, Result};
use crate::model::text;

use super::rules::SheetRef;

/// One data row: its number in the file (the line where a CSV record starts, or the
/// spreadsheet's row number) and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// Every row of a file, header included, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Vec<Row>,
}

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub delimiter: Option<String>,
    pub sheet: Option<SheetRef>,
}

/// The kinds of file the importer reads, by extension.
fn is_workbook(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
}

/// Reads `path` as CSV or as a workbook, by its extension.
pub fn read(path: &Path, options: &ReadOptions) -> Result<Sheet> {
    if is_workbook(path) {
        read_workbook(path, options.sheet.as_ref())
    } else {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let default_tab = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
        let delimiter = match options.delimiter.as_deref() {
            Some(d) => parse_delimiter(d)?,
            None if default_tab => b'\t',
            None => 0,
        };
        read_csv(path, &bytes, delimiter)
    }
}

/// Reads the delimiter of a rules file: one ASCII character, or `tab`.
pub fn parse_delimiter(text: &str) -> Result<u8> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        d if d.len() == 1 && d.is_ascii() && d != "\"" && d != "\n" => Ok(d.as_bytes()[0]),
        d => Err(Error::invalid(format!(
            "delimiter `{}` must be one ASCII character or `tab`",
            text::escape(d)
        ))),
    }
}

/// Decodes CSV bytes. A `delimiter` of 0 means: guess from the first line among `,`, `;`,
/// tab and `|`.
pub fn read_csv(path: &Path, bytes: &[u8], delimiter: u8) -> Result<Sheet> {
    let text = decode(path, bytes)?;
    let delimiter = if delimiter == 0 {
        guess_delimiter(text)
    } else {
        delimiter
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let number = record.position().map(|p| p.line() as usize).unwrap_or(0);
                rows.push(Row {
                    number,
                    cells: record.iter().map(str::to_string).collect(),
                });
            }
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(1);
                return Err(Error::Parse {
                    path: path.to_path_buf(),
                    line,
                    column: 1,
                    message: format!("cannot read CSV: {e}"),
                });
            }
        }
    }
    Ok(Sheet { rows })
}

/// UTF-8 with an optional byte-order mark; anything else is refused with a way out.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "the file is UTF-16; save it as CSV UTF-8 (in Excel: Save As > CSV UTF-8), or convert it with `iconv -f UTF-16 -t UTF-8`".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map(|p| p + 1)
            .unwrap_or(0);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        Error::Parse {
            path: path.to_path_buf(),
            line: line as u64,
            column: column as u64,
            message: format!(
                "the file is not UTF-8 (byte 0x{:02X}); it looks like Latin-1/Windows-1252: save it as CSV UTF-8, or convert it with `iconv -f WINDOWS-1252 -t UTF-8`",
                bytes[e.valid_up_to()]
            ),
        }
    })
}

fn guess_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let candidates = [b',', b';', b'\t', b'|'];
    let count = |d: u8| first.bytes().filter(|b| *b == d).count();
    candidates
        .into_iter()
        .max_by_key(|d| (count(*d), *d == b','))
        .filter(|d| count(*d) > 0)
        .unwrap_or(b',')
}

fn read_workbook(path: &Path, sheet: Option<&SheetRef>) -> Result<Sheet> {
    let fail = |message: String| Error::Parse {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
    };
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| fail(format!("cannot read the workbook: {e}")))?;
    let names = workbook.sheet_names();
    let index = match sheet {
        None => 0,
        Some(SheetRef::Number(n)) if *n >= 1 && *n <= names.len() => n - 1,
        Some(SheetRef::Name(name)) if names.contains(name) => {
            names.iter().position(|n| n == name).unwrap_or(0)
        }
        Some(wanted) => {
            let wanted = match wanted {
                SheetRef::Number(n) => format!("sheet {n}"),
                SheetRef::Name(n) => format!("sheet `{}`", text::escape(n)),
            };
            return Err(fail(format!(
                "no {wanted} in the workbook; its sheets are: {}",
                names
                    .iter()
                    .map(|n| text::escape(n).into_owned())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    };
    let range = workbook
        .worksheet_range_at(index)
        .ok_or_else(|| fail("the workbook has no sheets".into()))?
        .map_err(|e| fail(format!("cannot read the sheet: {e}")))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut cells: Vec<String> = cells.iter().map(cell_text).collect();
            // Cells left of the used range are empty: keep column positions as people see them.
            if first_col > 0 {
                let mut padded = vec![String::new(); first_col as usize];
                padded.append(&mut cells);
                cells = padded;
            }
            Row {
                number: first_row as usize + i + 1,
                cells,
            }
        })
        .collect();
    Ok(Sheet { rows })
}

/// A cell as text: numbers without a spurious `.0`, dates as ISO 8601 (naive: read in the
/// rules' zone), errors as their spreadsheet code (`#DIV/0!`).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) && dt.as_f64().fract() == 0.0 {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &[u8]) -> Result<Sheet> {
        read_csv(Path::new("x.csv"), text, 0)
    }

    #[test]
    fn bom_delimiters_and_multiline_cells() {
        let sheet = csv(b"\xEF\xBB\xBFa;b\n1;\"two\nlines\"\n3;4\n").unwrap();
        assert_eq!(sheet.rows[0].cells, ["a", "b"]);
        assert_eq!(sheet.rows[1].cells, ["1", "two\nlines"]);
        assert_eq!(sheet.rows[2].number, 4, "rows keep their line numbers");
        let tabs = csv(b"a\tb\n1\t2\n").unwrap();
        assert_eq!(tabs.rows[1].cells, ["1", "2"]);
    }

    #[test]
    fn latin1_is_refused_with_its_position() {
        let err = csv(b"name\nCaf\xE9\n").unwrap_err().to_string();
        assert!(
            err.starts_with("x.csv:2:4: the file is not UTF-8 (byte 0xE9)"),
            "{err}"
        );
        let err = csv(b"\xFF\xFEa\x00").unwrap_err().to_string();
        assert!(err.contains("UTF-16"), "{err}");
    }
}
