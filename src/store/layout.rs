//! Where things live in a store. Every path the tool writes is built here from a validated slug
//! and a generated file name, so no value from the data can steer a write outside the store.

use std::path::{Path, PathBuf};

use crate::model::ids::RecordId;
use crate::model::records::RecordKind;
use crate::model::time::Timestamp;

/// The folder holding store settings.
pub const CONFIG_DIR: &str = ".gitcrm";
/// The settings file, relative to the store root.
pub const CONFIG_FILE: &str = ".gitcrm/config.yaml";
/// The folder holding one folder per customer.
pub const CUSTOMERS_DIR: &str = "customers";
/// The customer record inside a customer folder.
pub const CUSTOMER_FILE: &str = "customer.yaml";

/// The forward a rename leaves in the customer's old folder.
pub const RENAMED_FILE: &str = "renamed.yaml";

/// Relative path of the rename forward in the folder `slug`.
pub fn renamed_file(slug: &str) -> String {
    format!("{CUSTOMERS_DIR}/{slug}/{RENAMED_FILE}")
}

/// Relative path (with `/`) of a customer's folder.
pub fn customer_dir(slug: &str) -> String {
    format!("{CUSTOMERS_DIR}/{slug}")
}

/// Relative path of a customer's record.
pub fn customer_file(slug: &str) -> String {
    format!("{CUSTOMERS_DIR}/{slug}/{CUSTOMER_FILE}")
}

/// Relative path of the folder for records of `kind`.
pub fn record_dir(slug: &str, kind: RecordKind) -> String {
    format!("{CUSTOMERS_DIR}/{slug}/{}", kind.dir_name())
}

/// File name of a record: `<UTC timestamp>-<short id>.yaml`. Names sort by time and, since the
/// short id is random, never collide across clones.
pub fn record_file_name(at: &Timestamp, id: &RecordId) -> String {
    format!(
        "{}-{}.yaml",
        at.to_utc().format("%Y%m%dT%H%M%SZ"),
        id.short()
    )
}

/// Relative path of a record file.
pub fn record_file(slug: &str, kind: RecordKind, at: &Timestamp, id: &RecordId) -> String {
    format!("{}/{}", record_dir(slug, kind), record_file_name(at, id))
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
            || short.len() != crate::model::ids::SHORT_ID_LEN
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

/// Joins a relative store path onto a root.
pub fn join(root: &Path, rel: &str) -> PathBuf {
    let mut path = root.to_path_buf();
    path.extend(rel.split('/'));
    path
}
