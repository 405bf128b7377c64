//! The keys each record file may hold, next to the record types: the struct's own fields (as
//! serde writes them) and the documented keys that other features keep in a record's `extra`
//! map (a touchpoint's `mail` and `meeting`, restricted values, a handoff's decline). `check`
//! warns about any other key that looks like a typo of one of them; a test keeps `FIELDS` equal
//! to what serde reads and writes.

use super::corrections::Correction;
use super::records::{Customer, Document, Handoff, Interaction, Note, Task};

/// The keys of one kind of record file.
pub trait RecordKeys {
    /// The struct's fields, as they are named in the file.
    const FIELDS: &'static [&'static str];
    /// Documented keys kept in `extra` by features that extend the record.
    const EXTENSIONS: &'static [&'static str];

    /// Every key a file of this kind may hold, fields first.
    fn known() -> Vec<&'static str> {
        Self::FIELDS
            .iter()
            .chain(Self::EXTENSIONS)
            .copied()
            .collect()
    }
}

impl RecordKeys for Customer {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "name",
        "slug",
        "kind",
        "status",
        "owner",
        "team",
        "tags",
        "contacts",
        "domains",
        "external_ids",
        "fields",
        "created",
        "archived",
        "renamed_from",
    ];
    const EXTENSIONS: &'static [&'static str] = &["restricted_fields"];
}

impl RecordKeys for Interaction {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "at",
        "recorded_at",
        "channel",
        "direction",
        "by",
        "actor",
        "thread",
        "summary",
        "body",
        "resolves",
        "tags",
        "source",
    ];
    const EXTENSIONS: &'static [&'static str] = &["mail", "meeting", "restricted"];
}

impl RecordKeys for Note {
    const FIELDS: &'static [&'static str] = &["id", "at", "by", "body", "tags"];
    const EXTENSIONS: &'static [&'static str] = &["mentions", "restricted", "thread", "origin"];
}

impl RecordKeys for Handoff {
    const FIELDS: &'static [&'static str] =
        &["id", "at", "by", "from", "to", "reason", "accepted_at"];
    const EXTENSIONS: &'static [&'static str] = &[
        "accepted_by",
        "on_behalf_of",
        "declined_at",
        "declined_by",
        "decline_reason",
        "origin",
    ];
}

impl RecordKeys for Task {
    const FIELDS: &'static [&'static str] =
        &["id", "created", "by", "assignee", "due", "title", "done_at"];
    const EXTENSIONS: &'static [&'static str] = &["every", "series", "origin"];
}

impl RecordKeys for Document {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "at",
        "by",
        "file",
        "size",
        "title",
        "name",
        "media_type",
        "sha256",
        "record",
        "replaces",
        "tags",
    ];
    const EXTENSIONS: &'static [&'static str] = &["restricted"];
}

impl RecordKeys for Correction {
    const FIELDS: &'static [&'static str] =
        &["id", "at", "by", "target", "kind", "changes", "reason"];
    const EXTENSIONS: &'static [&'static str] = &[];
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    use super::*;

    const ID: &str = "01a2085a-ac3e-72f0-8e87-3faaa890c719";
    const AT: &str = "2026-11-20T09:12:00Z";

    /// A record with a value for every listed field reads with nothing left in `extra` (every
    /// listed field is a struct field), and writes back exactly the listed fields (every struct
    /// field that the sample fills is listed).
    fn round_trip<T: RecordKeys + Serialize + DeserializeOwned>(
        sample: Value,
        extra: impl Fn(&T) -> usize,
    ) {
        let mut keys: Vec<&str> = sample
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        let mut listed = T::FIELDS.to_vec();
        listed.sort_unstable();
        assert_eq!(keys, listed, "the sample fills every listed field");
        let record: T = serde_json::from_value(sample.clone()).expect("the sample reads");
        assert_eq!(extra(&record), 0, "a listed key is not a struct field");
        let written = serde_json::to_value(&record).unwrap();
        let mut written: Vec<String> = written.as_object().unwrap().keys().cloned().collect();
        written.sort_unstable();
        assert_eq!(written, listed, "what serde writes is what FIELDS lists");
        for extension in T::EXTENSIONS {
            assert!(
                !T::FIELDS.contains(extension),
                "{extension} is listed twice"
            );
        }
    }

    #[test]
    fn field_lists_are_the_serde_keys() {
        round_trip::<Customer>(
            json!({
                "id": ID, "name": "Globex", "slug": "globex", "kind": "company", "status": "active",
                "owner": "alice", "team": "sales", "tags": ["vip"],
                "contacts": [{"name": "Hank"}], "domains": ["globex.example"],
                "external_ids": {"crm": "1"}, "fields": {"tier": "gold"}, "created": AT,
                "archived": AT, "renamed_from": ["globex-old"],
            }),
            |r| r.extra.len(),
        );
        round_trip::<Interaction>(
            json!({
                "id": ID, "at": AT, "recorded_at": AT, "channel": "email", "direction": "inbound",
                "by": "hank@globex.example", "actor": "import", "thread": ID, "summary": "Hello",
                "body": "text", "resolves": true, "tags": ["x"],
                "source": {"system": "helpdesk", "key": "T-1"},
            }),
            |r| r.extra.len(),
        );
        round_trip::<Note>(
            json!({
                "id": ID, "at": AT, "by": "alice", "body": "text", "tags": ["x"],
            }),
            |r| r.extra.len(),
        );
        round_trip::<Handoff>(
            json!({
                "id": ID, "at": AT, "by": "alice", "from": {"owner": "alice", "team": "sales"},
                "to": {"owner": "bob", "team": "support"}, "reason": "why", "accepted_at": AT,
            }),
            |r| r.extra.len(),
        );
        round_trip::<Task>(
            json!({
                "id": ID, "created": AT, "by": "alice", "assignee": "bob", "due": "2026-12-01",
                "title": "Call", "done_at": AT,
            }),
            |r| r.extra.len(),
        );
        round_trip::<Document>(
            json!({
                "id": ID, "at": AT, "by": "alice", "file": "20261120T091200Z-a890c719.bin",
                "size": 3, "title": "Offer", "name": "offer.pdf", "media_type": "application/pdf",
                "sha256": "00", "record": ID, "replaces": ID, "tags": ["x"],
            }),
            |r| r.extra.len(),
        );
        round_trip::<Correction>(
            json!({
                "id": ID, "at": AT, "by": "alice", "target": ID, "kind": "amend",
                "changes": {"summary": "New"}, "reason": "typo",
            }),
            |r| r.extra.len(),
        );
    }
}
