//! The names of record files and of documents' stored files: pure rules on names (the store
//! builds paths from them in `store::layout`; `model::validate` checks records against them).

use crate::model::ids::RecordId;
use crate::model::time::Timestamp;

/// File name of a record: `<UTC timestamp>-<short id>.yaml`. Names sort by time and, since the
/// short id is random, never collide across clones.
pub fn record_file_name(at: &Timestamp, id: &RecordId) -> String {
    format!(
        "{}-{}.yaml",
        at.to_utc().format("%Y%m%dT%H%M%SZ"),
        id.short()
    )
}

/// Suffix of a document's stored file in clear.
pub const DOCUMENT_PLAIN_SUFFIX: &str = ".bin";
/// Suffix of a restricted document's stored file (an age file).
pub const DOCUMENT_SEALED_SUFFIX: &str = ".age";

/// File name of a document's stored content, beside its record and named like it: the original
/// name is data, never part of a path.
pub fn document_content_name(at: &Timestamp, id: &RecordId, sealed: bool) -> String {
    let record = record_file_name(at, id);
    let stem = record.trim_end_matches(".yaml");
    let suffix = if sealed {
        DOCUMENT_SEALED_SUFFIX
    } else {
        DOCUMENT_PLAIN_SUFFIX
    };
    format!("{stem}{suffix}")
}

/// The record file name a document content file belongs to, if `name` has that shape.
pub fn document_record_of(name: &str) -> Option<String> {
    let stem = name
        .strip_suffix(DOCUMENT_PLAIN_SUFFIX)
        .or_else(|| name.strip_suffix(DOCUMENT_SEALED_SUFFIX))?;
    let record = format!("{stem}.yaml");
    is_record_file_name(&record).then_some(record)
}

/// A record file name taken apart: `<UTC timestamp>-<short id>.yaml`. Code that needs the
/// time or the short id of a file asks this type instead of slicing the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFileName {
    /// When the record happened (whole seconds, UTC).
    pub at: Timestamp,
    /// The record's short id (the file name's suffix).
    pub short: String,
}

impl RecordFileName {
    /// Parses a file name; `None` when it does not have the shape of a record file name.
    pub fn parse(name: &str) -> Option<Self> {
        let stem = name.strip_suffix(".yaml")?;
        let (time, short) = stem.rsplit_once('-')?;
        if time.len() != 16
            || short.len() != super::ids::SHORT_ID_LEN
            || !short
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        {
            return None;
        }
        let at = chrono::NaiveDateTime::parse_from_str(time, "%Y%m%dT%H%M%SZ").ok()?;
        Some(RecordFileName {
            at: at.and_utc().fixed_offset(),
            short: short.to_string(),
        })
    }
}

/// Whether `name` has the shape of a record file name.
pub fn is_record_file_name(name: &str) -> bool {
    RecordFileName::parse(name).is_some()
}
