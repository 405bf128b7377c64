//! The write gate: every change passes here before a byte is written, so every writer enforces
//! what every reader enforces, whichever command (or library caller) built the change.
//!
//! - Each path is a path of the store's layout (settings, `.gitattributes`, or a file of a
//!   customer folder whose name is a valid slug); nothing else can be written.
//! - Each record parses as what its path says it is, within the readers' size limit, and
//!   passes the rules of [`crate::model::validate`] (one-line summaries, valid handles, a
//!   non-empty name...).
//! - The folder is the customer's identity: a `customer.yaml` written must say the folder's
//!   slug, and nothing is written into a folder whose `customer.yaml` is missing or says
//!   another slug (a hostile `slug: ../../x` or `slug: acme` in `customers/globex/`).
//! - The settings parse and have no errors (`model::config_problems`).
//! - In a sparse checkout, every path is inside it (`store::sparse`).

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::model::records::Customer;
use crate::model::{config_problems, slug, text, validate};

use super::snapshot::{self, Content, Record};
use super::{Change, FileOp, Store, fs, layout, yaml};

/// Folders of a customer folder that hold files other than YAML records (documents).
const OTHER_FOLDERS: &[&str] = &["documents"];

/// Checks `change` against the layout, the record rules and the customers' identities.
pub fn check(store: &Store, change: &Change) -> Result<()> {
    let mut customers: BTreeMap<&str, Touch> = BTreeMap::new();
    for file in &change.files {
        let path = file.path();
        fs::validate_rel(path)?;
        let contents = match file {
            FileOp::Create { contents, .. } | FileOp::Update { contents, .. } => {
                Some(contents.as_str())
            }
            FileOp::Remove { .. } | FileOp::Stream { .. } | FileOp::Move { .. } => None,
        };
        // Streamed bytes go only to a document's stored file; nothing opened for reading is
        // ever written back (it would be restricted content in clear).
        if let FileOp::Stream { .. } = file
            && !is_document_file(path)
        {
            return Err(refuse(
                path,
                "only a document's stored file is written as a stream",
            ));
        }
        // A move renames a document's stored file into another customer folder; nothing else
        // is moved without its content passing the record rules.
        if let FileOp::Move { from, .. } = file {
            fs::validate_rel(from)?;
            if !is_document_file(path) || !is_document_file(from) {
                return Err(refuse(path, "only a document's stored file is moved"));
            }
        }
        if let Some(text) = contents
            && text.contains(crate::model::restricted::KEY)
            && yaml::parse::<serde_json::Map<String, serde_json::Value>>(
                std::path::Path::new(path),
                text,
            )
            .is_ok_and(|map| crate::model::restricted::has_shown_value(&map))
        {
            return Err(refuse(
                path,
                "it holds restricted content opened for reading, which would be written in clear",
            ));
        }
        if let Some(text) = contents
            && (text.contains(crate::model::restricted::KEY)
                || text.contains(crate::model::restricted::FIELDS_KEY))
            && let Some(kind) = snapshot::classify(path)
            && let Ok(map) = yaml::parse::<serde_json::Map<String, serde_json::Value>>(
                std::path::Path::new(path),
                text,
            )
        {
            let clear = crate::model::restricted::clear_beside_sealed(&map, kind);
            if !clear.is_empty() {
                return Err(refuse(
                    path,
                    &format!(
                        "it holds restricted content in clear beside its sealed value ({})",
                        clear.join(", ")
                    ),
                ));
            }
        }
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            [layout::CONFIG_DIR, "config.yaml"] => {
                if let Some(text) = contents {
                    check_config(text)?;
                }
            }
            [layout::CONFIG_DIR, _] | [".gitattributes"] => {}
            [layout::CUSTOMERS_DIR, folder, rest @ ..] if !rest.is_empty() => {
                slug::validate(folder).map_err(|why| refuse(path, &why))?;
                let touch = customers.entry(folder).or_default();
                match (rest, contents) {
                    ([layout::CUSTOMER_FILE], Some(text)) => {
                        let customer = check_record(path, text)?;
                        touch.written = customer;
                        touch.created = matches!(file, FileOp::Create { .. });
                    }
                    ([layout::CUSTOMER_FILE], None) => {}
                    ([layout::RENAMED_FILE], Some(text)) => {
                        check_forward(path, text)?;
                        touch.writes = true;
                    }
                    ([dir, name], _) if OTHER_FOLDERS.contains(dir) && !name.ends_with(".yaml") => {
                        if contents.is_some() {
                            return Err(refuse(path, "a document's file is written as a stream"));
                        }
                        if matches!(file, FileOp::Stream { .. } | FileOp::Move { .. }) {
                            touch.writes = true;
                        }
                    }
                    (_, Some(text)) => {
                        if snapshot::classify(path).is_none() {
                            return Err(refuse(path, "it is not a record path of the store"));
                        }
                        check_record(path, text)?;
                        touch.writes = true;
                    }
                    (_, None) => {}
                }
            }
            _ => return Err(refuse(path, "it is not a path of the store's layout")),
        }
    }
    for (folder, touch) in customers {
        check_identity(store, folder, &touch)?;
    }
    super::sparse::check_inside(store, change)
}

/// Checks one file of a change against the record rules alone (no identity, no disk): what a
/// planner calls to report a bad value at its source (an import row) instead of at the gate.
pub fn check_file(file: &FileOp) -> Result<()> {
    let path = file.path();
    fs::validate_rel(path)?;
    match file {
        FileOp::Create { contents, .. } | FileOp::Update { contents, .. }
            if snapshot::classify(path).is_some() =>
        {
            check_record(path, contents).map(|_| ())
        }
        _ => Ok(()),
    }
}

/// What a change does to one customer folder.
#[derive(Default)]
struct Touch {
    /// The customer record written, if it is.
    written: Option<Customer>,
    /// Whether that write creates the customer (nothing on disk to vouch for).
    created: bool,
    /// Whether anything else is written (not only removed) in the folder.
    writes: bool,
}

/// Whether `path` is a document's stored file (`customers/<slug>/documents/<time>-<id>.bin`).
fn is_document_file(path: &str) -> bool {
    matches!(
        path.split('/').collect::<Vec<_>>().as_slice(),
        [layout::CUSTOMERS_DIR, _, "documents", name] if layout::document_record_of(name).is_some()
    )
}

fn refuse(path: &str, why: &str) -> Error {
    Error::invalid(format!("refusing to write {}: {why}", text::escape(path)))
}

fn check_config(text: &str) -> Result<()> {
    let config =
        yaml::parse::<crate::model::Config>(std::path::Path::new(layout::CONFIG_FILE), text)
            .map_err(|e| {
                Error::invalid(format!(
                    "the change would make the settings unreadable: {e}"
                ))
            })?;
    if let Some(problem) = config_problems::first_error(&config) {
        return Err(Error::invalid(format!(
            "refusing to write {}: {}: {}",
            layout::CONFIG_FILE,
            problem.keys.join("."),
            problem.message
        )));
    }
    Ok(())
}

/// Parses a record as its path says and applies the record rules; returns the customer when
/// it is one.
fn check_record(path: &str, text: &str) -> Result<Option<Customer>> {
    let record = match snapshot::parse(path, text.as_bytes()) {
        Content::Record(record) => *record,
        Content::Invalid {
            line,
            column,
            message,
        } => {
            return Err(Error::invalid(format!(
                "refusing to write an invalid file: {}:{line}:{column}: {message}",
                text::escape(path)
            )));
        }
        Content::Other => return Err(refuse(path, "it is not a record path of the store")),
    };
    let (problems, customer) = match record {
        Record::Customer(c) => (validate::customer(&c), Some(c)),
        Record::Interaction(i) => (validate::interaction(&i), None),
        Record::Note(n) => (validate::note(&n), None),
        Record::Handoff(h) => (validate::handoff(&h), None),
        Record::Task(t) => (validate::task(&t), None),
        Record::Correction(c) => (validate::correction(&c), None),
        Record::Document(d) => (validate::document(&d), None),
    };
    if let Some(first) = problems.first() {
        return Err(Error::invalid(format!(
            "refusing to write {}: {first}",
            text::escape(path)
        )));
    }
    Ok(customer)
}

/// A rename forward parses and names a valid slug.
fn check_forward(path: &str, text: &str) -> Result<()> {
    let forward: crate::model::Renamed = yaml::parse(std::path::Path::new(path), text)
        .map_err(|e| Error::invalid(format!("refusing to write an invalid file: {e}")))?;
    slug::validate(&forward.renamed_to).map_err(|why| refuse(path, &why))?;
    crate::model::names::validate_handle(&forward.by).map_err(|why| refuse(path, &why))
}

fn check_identity(store: &Store, folder: &str, touch: &Touch) -> Result<()> {
    let rel = layout::customer_file(folder);
    if let Some(customer) = &touch.written
        && customer.slug != folder
    {
        return Err(mismatch(&rel, &customer.slug, folder, None));
    }
    // Removing files (moving records out of a renamed customer's old folder) writes nothing
    // into anyone's folder; a created customer has nothing on disk to vouch for.
    if touch.created || (touch.written.is_none() && !touch.writes) {
        return Ok(());
    }
    // Whatever the change does here, the customer on disk must be this folder's.
    let text = match store.read_text(&rel) {
        Ok(text) => text,
        Err(Error::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::invalid(format!(
                "refusing to write into customers/{folder}/: it has no customer.yaml"
            )));
        }
        Err(e) => return Err(e),
    };
    let customer: Customer = yaml::parse(std::path::Path::new(&rel), &text)?;
    if customer.slug != folder {
        let line = super::locate::key(&text, &["slug"]).map(|(l, _)| l);
        return Err(mismatch(&rel, &customer.slug, folder, line));
    }
    Ok(())
}

fn mismatch(rel: &str, said: &str, folder: &str, line: Option<u64>) -> Error {
    let at = match line {
        Some(line) => format!("{rel}:{line}"),
        None => rel.to_string(),
    };
    Error::invalid_hint(
        format!(
            "{at}: `slug: {}` does not match its folder `{folder}`; refusing to write this customer",
            text::escape(said)
        ),
        format!(
            "the folder is the customer's identity: set `slug: {folder}` in {rel}, or rename the customer with `git crm customer rename`"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        crate::ops::init::test_store()
    }

    const SEALED: &str = "restricted:\n  team: finance\n  recipients:\n  - alice:age1qqqq\n  ciphertext: |\n    -----BEGIN AGE ENCRYPTED FILE-----\n    YWdl\n    -----END AGE ENCRYPTED FILE-----\n";

    fn note(extra: &str) -> Change {
        let mut change = Change::new("note.add", "note", "alice");
        change.files.push(FileOp::Create {
            path: "customers/acme/notes/20261120T090000Z-0badc0de.yaml".into(),
            contents: format!(
                "id: 01a1e3f1-43d0-74af-8a57-d1610badc0de\nat: \"2026-11-20T09:00:00Z\"\nby: alice\n{extra}"
            ),
        });
        change
    }

    fn refusal(store: &Store, change: &Change) -> String {
        check(store, change)
            .expect_err("the gate let it through")
            .to_string()
    }

    #[test]
    fn a_sealed_note_passes() {
        let (_dir, store) = store();
        check(&store, &note(SEALED)).unwrap();
    }

    /// An opened record (a read model: `restricted: {team, readable}` and the text in clear)
    /// never reaches the disk, whichever writer built the change.
    #[test]
    fn an_opened_record_is_refused() {
        let (_dir, store) = store();
        let opened =
            note("body: the price is 1200\nrestricted:\n  team: finance\n  readable: true\n");
        let why = refusal(&store, &opened);
        assert!(why.contains("opened for reading"), "{why}");
        let placeholder = note(
            "body: restricted note for finance\nrestricted:\n  team: finance\n  readable: false\n",
        );
        assert!(refusal(&store, &placeholder).contains("opened for reading"));
        // An update too, not only a new file.
        let mut update = opened.clone();
        if let FileOp::Create { path, contents } = update.files.remove(0) {
            update.files.push(FileOp::Update { path, contents });
        }
        assert!(refusal(&store, &update).contains("opened for reading"));
    }

    #[test]
    fn clear_text_beside_a_sealed_value_is_refused() {
        let (_dir, store) = store();
        let why = refusal(&store, &note(&format!("body: the price is 1200\n{SEALED}")));
        assert!(
            why.contains("in clear beside its sealed value (body)"),
            "{why}"
        );
        // A restricted custom field also written in clear.
        let customer = store.read_text("customers/acme/customer.yaml").unwrap();
        let sealed_field = SEALED
            .replace("restricted:\n", "restricted_fields:\n  price:\n")
            .replace("\n  ", "\n    ");
        let text = format!("{customer}fields:\n  price: '1200'\n{sealed_field}");
        let mut change = Change::new("customer.edit", "edit", "alice");
        change.files.push(FileOp::Update {
            path: "customers/acme/customer.yaml".into(),
            contents: text,
        });
        let why = refusal(&store, &change);
        assert!(why.contains("(fields.price)"), "{why}");
    }
}
