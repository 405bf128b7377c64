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

/// Largest spreadsheet read (CSV text, or a workbook file before decompression).
pub const MAX_INPUT_BYTES: u64 = 512 << 20;

/// Reads `path` as CSV or as a workbook, by its extension.
pub fn read(path: &Path, options: &ReadOptions) -> Result<Sheet> {
    if is_workbook(path) {
        read_workbook(path, options.sheet.as_ref())
    } else {
        let bytes = crate::store::fs::read_input(path, MAX_INPUT_BYTES)?;
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

/// Where each line of a text starts, to turn a byte offset into the line number an editor
/// shows. The csv crate's own line count is off by one on CRLF files (it counts the `\r` and
/// the `\n` as the end of a record, so a record's position is the `\n` of the line before),
/// so row numbers are taken from byte offsets instead, past any line ending they point at.
struct LineStarts<'t> {
    text: &'t [u8],
    starts: Vec<u64>,
}

impl<'t> LineStarts<'t> {
    fn of(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i as u64 + 1))
            .collect();
        LineStarts {
            text: text.as_bytes(),
            starts,
        }
    }

    /// The 1-based line of the first character at or after byte `offset` that does not end a
    /// line.
    fn line_of(&self, offset: u64) -> usize {
        let mut at = offset as usize;
        while matches!(self.text.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        self.starts
            .partition_point(|&start| start <= at as u64)
            .max(1)
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
    if let Some((line, column)) = unclosed_quote(text, delimiter) {
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: "this quoted cell is never closed, so every row after it would be read into it; close the quote (a quote inside a quoted cell is written twice: \"\")".into(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let lines = LineStarts::of(text);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let number = record.position().map_or(0, |p| lines.line_of(p.byte()));
                if let Some((i, cell)) = record
                    .iter()
                    .enumerate()
                    .find(|(_, c)| c.len() > MAX_CELL_BYTES)
                {
                    return Err(Error::Parse {
                        path: path.to_path_buf(),
                        line: number as u64,
                        column: i as u64 + 1,
                        message: format!(
                            "this cell is {} bytes; cells are limited to {MAX_CELL_BYTES}",
                            cell.len()
                        ),
                    });
                }
                rows.push(Row {
                    number,
                    cells: record.iter().map(str::to_string).collect(),
                });
            }
            Err(e) => {
                let line = e.position().map_or(1, |p| lines.line_of(p.byte()) as u64);
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

/// Largest cell of a spreadsheet (no field of a record could hold more).
pub const MAX_CELL_BYTES: usize = 1 << 20;

/// Where a quoted cell starts that is never closed (1-based line and column), read the way the
/// CSV reader reads: a quote opens a quoted cell only at the start of a cell, `""` inside one
/// is a quote, and a quote elsewhere is an ordinary character.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<(u64, u64)> {
    let bytes = text.as_bytes();
    let (mut line, mut column) = (1u64, 1u64);
    let mut at_cell_start = true;
    let mut open: Option<(u64, u64)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match (open, b) {
            (None, b'"') if at_cell_start => {
                open = Some((line, column));
                at_cell_start = false;
            }
            (Some(_), b'"') if bytes.get(i + 1) == Some(&b'"') => {
                i += 1;
                column += 1;
            }
            (Some(_), b'"') => open = None,
            (None, b) if b == delimiter || b == b'\n' || b == b'\r' => at_cell_start = true,
            (None, _) => at_cell_start = false,
            (Some(_), _) => {}
        }
        if b == b'\n' {
            line += 1;
            column = 1;
        } else if b & 0xC0 != 0x80 {
            column += 1;
        }
        i += 1;
    }
    open
}

/// Whether `bytes` look like UTF-16 without a byte-order mark: text of ASCII characters has a
/// NUL in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    if sample.len() < 4 {
        return false;
    }
    let nul_at = |parity: usize| {
        sample
            .iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    nul_at(0) * 10 >= half * 4 || nul_at(1) * 10 >= half * 4
}

/// UTF-8 with an optional byte-order mark; anything else is refused with a way out.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || looks_like_utf16(bytes)
    {
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "the file is UTF-16; save it as CSV UTF-8 (in Excel: Save As > CSV UTF-8), or convert it with `iconv -f UTF-16 -t UTF-8`".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        let before = &bytes[..at];
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line: 1 + before.iter().filter(|b| **b == b'\n').count() as u64,
            column: 1,
            message: "the file contains a NUL byte: it is not a text file (or not UTF-8)".into(),
        });
    }
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
    check_archive(path).map_err(fail)?;
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

/// Most a workbook may unpack to: far more than any real spreadsheet of customers holds, and
/// little enough that reading it fits in memory.
pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// Refuses a zipped workbook (XLSX, ODS) that would unpack to more than
/// [`MAX_UNPACKED_BYTES`], judged from its central directory before anything is unpacked (the
/// zip reader never unpacks an entry beyond its declared size). Older binary workbooks are
/// not archives and are bounded by the input limit.
fn check_archive(path: &Path) -> std::result::Result<(), String> {
    let file = crate::store::fs::open_input(path).map_err(|e| e.to_string())?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_INPUT_BYTES {
        return Err(format!(
            "the workbook is {size} bytes; the limit is {MAX_INPUT_BYTES}"
        ));
    }
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| format!("cannot read the workbook: {e}"))?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(format!(
            "the workbook unpacks to {total} bytes (it is {size} bytes packed); the limit is {MAX_UNPACKED_BYTES}: save the sheet as CSV, or split it"
        ));
    }
    Ok(())
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
    fn crlf_rows_keep_the_numbers_an_editor_shows() {
        let sheet = csv(b"a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n5,6\r\n").unwrap();
        let numbers: Vec<usize> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 4, 5]);
        let err = csv(b"a,b\r\n1,2\r\n3,\"x\"y\r\n").map(|_| ());
        if let Err(e) = err {
            assert!(e.to_string().starts_with("x.csv:3:"), "{e}");
        }
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
