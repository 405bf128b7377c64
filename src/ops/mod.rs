//! The operations people run, as library functions. Each one validates its input against the
//! store, then returns a planned [`Change`](crate::store::Change) (and the record it creates)
//! without writing anything; the caller shows it (`--dry-run`) or applies it.

pub mod access;
pub mod assign;
pub mod correct;
pub mod customer;
pub mod documents;
pub mod identity;
pub mod inbox;
pub mod init;
pub mod log;
pub mod note;
pub mod people;
pub mod repair;
pub mod task;
pub mod views;

use crate::store::Change;

pub use identity::resolve_actor;

/// A planned change together with the record it creates or updates.
#[derive(Debug, Clone)]
pub struct Planned<T> {
    pub change: Change,
    pub record: T,
    /// Store-relative path of the record.
    pub path: String,
}

/// Parses `key=value` arguments (`--set`, `--field`).
pub fn parse_assignment(text: &str) -> crate::Result<(String, String)> {
    match text.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(crate::Error::usage(
            format!("`{}` is not key=value", crate::model::text::escape(text)),
            Some("write it as key=value, for example tier=gold".into()),
        )),
    }
}

/// Reads a value typed on the command line as YAML would (`12` is a number, `true` a boolean,
/// anything else a string).
pub fn scalar_value(text: &str) -> serde_json::Value {
    // Only a one-line value can be a number or a boolean; read as YAML, a multi-line text
    // would have its line breaks folded into spaces.
    if text.contains(['\n', '\r']) {
        return serde_json::Value::String(text.to_string());
    }
    crate::store::yaml::parse::<serde_json::Value>(std::path::Path::new("<value>"), text)
        .ok()
        .filter(|v| !v.is_object() && !v.is_array() && !v.is_null())
        .unwrap_or_else(|| serde_json::Value::String(text.to_string()))
}

/// Validates a person handle (the rule lives in [`crate::model::names`]).
pub fn validate_handle(handle: &str) -> crate::Result<()> {
    crate::model::names::validate_handle(handle).map_err(crate::Error::invalid)
}
