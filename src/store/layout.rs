//! Where things live in a store. Every path the tool writes is built here from a validated slug
//! and a generated file name, so no value from the data can steer a write outside the store.

use std::path::{Path, PathBuf};

use crate::model::ids::RecordId;
use crate::model::records::RecordKind;
use crate::model::time::Timestamp;

pub use crate::model::file_names::{
    DOCUMENT_PLAIN_SUFFIX, DOCUMENT_SEALED_SUFFIX, RecordFileName, document_content_name,
    document_record_of, is_record_file_name, record_file_name,
};

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

/// Relative path of a record file.
pub fn record_file(slug: &str, kind: RecordKind, at: &Timestamp, id: &RecordId) -> String {
    format!("{}/{}", record_dir(slug, kind), record_file_name(at, id))
}

/// The `.gitattributes` line that routes record files to the git-crm merge driver.
pub const ATTRIBUTES_LINE: &str = "customers/**/*.yaml merge=gitcrm";

/// The `.gitattributes` lines that send document contents through Git LFS (record files stay
/// in git, where the merge driver and `check` read them).
pub const LFS_ATTRIBUTES: [&str; 2] = [
    "customers/*/documents/*.bin filter=lfs diff=lfs merge=lfs -text",
    "customers/*/documents/*.age filter=lfs diff=lfs merge=lfs -text",
];

/// Joins a relative store path onto a root.
pub fn join(root: &Path, rel: &str) -> PathBuf {
    let mut path = root.to_path_buf();
    path.extend(rel.split('/'));
    path
}
