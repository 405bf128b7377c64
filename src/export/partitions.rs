//! Writes an analyst export as Hive-style monthly partitions under an output folder:
//! `DIR/<kind>/month=YYYY-MM/part-0.<parquet|jsonl>` and `DIR/<kind>/schema.json`, the layout
//! DuckDB's `read_parquet('DIR/<kind>/*/*.parquet', hive_partitioning = true)` and warehouse
//! loaders read.
//!
//! The output folder is treated like the store root (the user chose it); below it every file
//! goes through [`crate::store::fs`], so no link is followed, every file is written atomically
//! (a temporary file, then a rename), and an existing export is replaced only with `force`,
//! and only when everything in `DIR/<kind>` is a file this export writes: a file of anyone
//! else's stops the command before anything is written.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, Input, IoContext, Result};
use crate::model::text;
use crate::progress::Progress;
use crate::store::fs::{self, Kind};

use super::table::Table;

/// The file formats of a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartFormat {
    Jsonl,
    Parquet,
}

impl PartFormat {
    /// The file name extension.
    pub fn ext(self) -> &'static str {
        match self {
            PartFormat::Jsonl => "jsonl",
            PartFormat::Parquet => "parquet",
        }
    }
}

/// The name of a partition's one file.
fn part_name(format: PartFormat) -> String {
    format!("part-0.{}", format.ext())
}

/// What [`write`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// `DIR/<kind>`.
    pub folder: PathBuf,
    pub rows: usize,
    /// The months written, ascending.
    pub months: Vec<String>,
    /// Partition files of an earlier export removed (months no longer in the data).
    pub removed: usize,
}

/// Whether `name` is a partition folder name, `month=YYYY-MM`.
fn is_month_folder(name: &str) -> bool {
    name.strip_prefix("month=").is_some_and(|m| {
        let b = m.as_bytes();
        b.len() == 7
            && b[4] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
    })
}

/// The files of an earlier export in `DIR/<kind>` (relative to `DIR`), or an error naming the
/// first entry that is not one.
fn earlier_export(dir: &Path, kind: &str) -> Result<Vec<String>> {
    let foreign = |rel: &str, what: &str| {
        Error::invalid_hint(
            format!(
                "{}: {} is not part of a git-crm export ({what}); not replacing anything",
                text::escape(&dir.display().to_string()),
                text::escape(rel)
            ),
            "move it away, or choose another folder",
        )
    };
    let mut files = Vec::new();
    for entry in fs::list(dir, kind)?.unwrap_or_default() {
        let rel = format!("{kind}/{}", entry.name);
        match entry.kind {
            Kind::File if entry.name == "schema.json" || fs::is_temp_name(&entry.name) => {
                files.push(rel)
            }
            Kind::Dir if is_month_folder(&entry.name) => {
                for part in fs::list(dir, &rel)?.unwrap_or_default() {
                    let part_rel = format!("{rel}/{}", part.name);
                    let ours = [PartFormat::Jsonl, PartFormat::Parquet]
                        .iter()
                        .any(|f| part.name == part_name(*f))
                        || fs::is_temp_name(&part.name);
                    if part.kind != Kind::File || !ours {
                        return Err(foreign(&part_rel, part.kind.word()));
                    }
                    files.push(part_rel);
                }
            }
            other => return Err(foreign(&rel, other.word())),
        }
    }
    Ok(files)
}

/// Writes `table` under `dir`, one file per month, then `schema.json`; with `force` an earlier
/// export of the same kind is replaced (its months that are no longer in the data removed),
/// without it an existing `DIR/<kind>` is refused. `progress` counts the files written.
pub fn write(
    dir: &Path,
    table: &Table,
    format: PartFormat,
    force: bool,
    progress: &dyn Progress,
) -> Result<Written> {
    let kind = table.schema.kind;
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(Error::invalid(format!(
                "{} is not a folder",
                text::escape(&dir.display().to_string())
            )));
        }
        Err(_) => std::fs::create_dir_all(dir).at(dir)?,
    }
    let folder = dir.join(kind);
    let earlier = match fs::kind(dir, kind)? {
        None => Vec::new(),
        Some(Kind::Dir) if force => earlier_export(dir, kind)?,
        Some(Kind::Dir) => {
            return Err(Error::bad_input(
                Input::Output,
                format!(
                    "{} already exists",
                    text::escape(&folder.display().to_string())
                ),
                None,
            ));
        }
        Some(other) => {
            return Err(Error::invalid(format!(
                "{} is {}: not writing there",
                text::escape(&folder.display().to_string()),
                other.word()
            )));
        }
    };
    let months = table.by_month();
    progress.phase("writing", "files", Some(months.len() as u64 + 1));
    let mut written = BTreeSet::new();
    for (month, rows) in &months {
        let bytes = match format {
            PartFormat::Parquet => super::parquet::write(table.schema, rows)?,
            PartFormat::Jsonl => table.jsonl(rows.iter().copied()).into_bytes(),
        };
        let rel = format!("{kind}/month={month}/{}", part_name(format));
        fs::write(dir, &rel, &bytes)?;
        written.insert(rel);
        progress.advance(1);
    }
    let schema_rel = format!("{kind}/schema.json");
    fs::write(dir, &schema_rel, table.schema.to_json().as_bytes())?;
    written.insert(schema_rel);
    progress.advance(1);
    let mut removed = 0;
    for rel in earlier.iter().filter(|r| !written.contains(*r)) {
        fs::remove(dir, rel)?;
        if !fs::is_temp_name(rel.rsplit('/').next().unwrap_or_default()) {
            removed += 1;
        }
    }
    Ok(Written {
        folder,
        rows: table.rows.len(),
        months: months.keys().map(|m| m.to_string()).collect(),
        removed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_folders() {
        assert!(is_month_folder("month=2026-11"));
        for bad in [
            "month=2026-1",
            "month=2026/11",
            "month=..",
            "2026-11",
            "month=2026-11x",
        ] {
            assert!(!is_month_folder(bad), "{bad}");
        }
    }
}
