//! The field-level three-way merge git runs (through `git crm merge-driver`) on record files.
//!
//! Plain git merges YAML line by line, so two people editing adjacent lines of one customer
//! (the owner on one clone, a custom field on the next line on another) get a conflict, and two
//! people adding the same tag get it twice. This merge reads the three versions as records and
//! decides key by key ([`value`]): a change on one side wins, the same change on both is fine,
//! lists (tags, contacts) merge as sets, maps (`fields`, `external_ids`) key by key, and a key
//! changed differently on both sides stays a conflict. The result is our file with their
//! changes applied as in-place edits and each conflicting key wrapped in ordinary git conflict
//! markers ([`text`]), so comments and unknown keys survive and `git crm check` can point at
//! what is left to resolve. Whatever cannot be read as a record falls back to git's line merge.

pub mod text;
pub mod value;

use std::path::Path;

use serde_json::{Map, Value};

use crate::error::Result;
use crate::git::line_merge;
use crate::store::{edit, yaml};

/// How a merge was done, for the driver's message and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// One side did not change the file, or both changed it identically.
    Trivial,
    /// Key by key.
    Fields,
    /// Line by line (`git merge-file`): a file that is not a readable record.
    Lines,
}

/// The merged file and what is left to resolve.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub text: Vec<u8>,
    /// Dotted key paths left in conflict (`owner`, `fields.tier`); for a line merge, `*` when it
    /// conflicted.
    pub conflicts: Vec<String>,
    pub method: Method,
}

impl Merged {
    /// Whether git may commit the result as it is.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

type Record = Map<String, Value>;
/// A version of a file: its text and the record it reads as.
type Version = (String, Record);

/// Merges three versions of the record file at `path` (used in messages only).
pub fn merge_record(path: &str, base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<Merged> {
    let trivial = |text: &[u8]| Merged {
        text: text.to_vec(),
        conflicts: Vec::new(),
        method: Method::Trivial,
    };
    if ours == theirs || base == theirs {
        return Ok(trivial(ours));
    }
    if base == ours {
        return Ok(trivial(theirs));
    }
    let Some((b, o, t)) = read_three(path, base, ours, theirs) else {
        return by_lines(base, ours, theirs);
    };
    let merged = value::merge_records(&b.1, &o.1, &t.1);
    if merged.conflicts.is_empty()
        && let Ok(lines) = line_merge(base, ours, theirs, [text::OURS, "base", text::THEIRS])
        && lines.clean
        && parse(path, &lines.text).as_ref() == Some(&merged.value)
    {
        // git's own merge agrees key for key: take it, it keeps both sides' comments.
        return Ok(Merged {
            text: lines.text,
            conflicts: Vec::new(),
            method: Method::Fields,
        });
    }
    let Some(edited) = apply_edits(path, &o.0, &merged) else {
        return by_lines(base, ours, theirs);
    };
    if merged.conflicts.is_empty() {
        return Ok(Merged {
            text: edited.into_bytes(),
            conflicts: Vec::new(),
            method: Method::Fields,
        });
    }
    // A conflict is written around the key's own lines; if the layout hides them (a nested key
    // in a flow mapping), around the whole top-level key; failing that, git's line merge.
    let top_level: Vec<Vec<String>> = {
        let mut keys: Vec<Vec<String>> = merged.conflicts.iter().map(|p| p[..1].to_vec()).collect();
        keys.dedup();
        keys
    };
    for keys in [&merged.conflicts, &top_level] {
        let text = text::write_conflicts(&edited, &t.0, keys);
        if resolves_to_either_side(path, &text, &merged, &t.1, keys) {
            return Ok(Merged {
                text: text.into_bytes(),
                conflicts: keys.iter().map(|p| p.join(".")).collect(),
                method: Method::Fields,
            });
        }
    }
    by_lines(base, ours, theirs)
}

/// Whether keeping our side of every conflict block gives the merged record, and keeping
/// theirs gives their values at the conflicting keys.
fn resolves_to_either_side(
    path: &str,
    text: &str,
    merged: &value::ValueMerge,
    theirs: &Record,
    keys: &[Vec<String>],
) -> bool {
    let mine = parse(path, text::resolve(text, text::Side::Ours).as_bytes());
    let yours = parse(path, text::resolve(text, text::Side::Theirs).as_bytes());
    let (Some(mine), Some(yours)) = (mine, yours) else {
        return false;
    };
    mine == merged.value && keys.iter().all(|k| lookup(&yours, k) == lookup(theirs, k))
}

fn lookup<'a>(record: &'a Record, key: &[String]) -> Option<&'a Value> {
    let (first, rest) = key.split_first()?;
    let mut value = record.get(first)?;
    for k in rest {
        value = value.as_object()?.get(k)?;
    }
    Some(value)
}

/// The three versions as text and records; `None` if any is not a readable record. A missing
/// base (both sides added the file) is an empty record.
fn read_three(
    path: &str,
    base: &[u8],
    ours: &[u8],
    theirs: &[u8],
) -> Option<(Version, Version, Version)> {
    let read = |bytes: &[u8], empty_ok: bool| -> Option<Version> {
        let text = std::str::from_utf8(bytes).ok()?.to_string();
        if empty_ok && text.trim().is_empty() {
            return Some((text, Record::new()));
        }
        let record = parse(path, bytes)?;
        Some((text, record))
    };
    Some((read(base, true)?, read(ours, false)?, read(theirs, false)?))
}

fn parse(path: &str, bytes: &[u8]) -> Option<Record> {
    yaml::parse_bytes::<Record>(Path::new(path), bytes).ok()
}

/// Our text with the merge's edits applied in place, checked to read back as the merged record.
fn apply_edits(path: &str, ours: &str, merged: &value::ValueMerge) -> Option<String> {
    if merged.edits.is_empty() {
        return Some(ours.to_string());
    }
    let (text, record): (String, Record) =
        edit::edit_text(Path::new(path), ours, &merged.edits).ok()?;
    if record == merged.value {
        return Some(text);
    }
    // The in-place edit did not give the merged record (an unusual layout): write the record in
    // the canonical layout rather than anything wrong.
    let canonical = yaml::to_yaml(&merged.value).ok()?;
    (parse(path, canonical.as_bytes()).as_ref() == Some(&merged.value)).then_some(canonical)
}

fn by_lines(base: &[u8], ours: &[u8], theirs: &[u8]) -> Result<Merged> {
    let lines = line_merge(base, ours, theirs, [text::OURS, "base", text::THEIRS])?;
    Ok(Merged {
        conflicts: if lines.clean {
            Vec::new()
        } else {
            vec!["*".into()]
        },
        text: lines.text,
        method: Method::Lines,
    })
}

#[cfg(test)]
mod tests;
