//! What makes a record acceptable beyond its YAML shape: the rules every writer enforces (the
//! store's write gate refuses a change that breaks one) and `check schema` reports on files
//! people edited by hand. One function per record type, returning every problem.

use super::corrections::{self, Correction};
use super::handoffs;
use super::names::{self, MAX_LINE_LEN, MAX_NAME_LEN};
use super::records::{Customer, Direction, Handoff, Interaction, Note, Task};
use super::slug;

/// Longest tag.
pub const MAX_TAG_LEN: usize = 100;

fn push(out: &mut Vec<String>, result: Result<(), String>) {
    if let Err(why) = result {
        out.push(why);
    }
}

fn handle(out: &mut Vec<String>, what: &str, value: &str) {
    if names::validate_handle(value).is_err() {
        out.push(format!(
            "{what} `{}` is not a handle (lowercase letters, digits, `.`, `_`, `-`)",
            super::text::escape(value)
        ));
    }
}

fn tags(out: &mut Vec<String>, tags: &[String]) {
    for tag in tags {
        if tag.trim().is_empty() {
            out.push("a tag cannot be empty".into());
        } else {
            push(out, names::validate_line("a tag", tag, MAX_TAG_LEN));
        }
    }
}

/// Problems of a customer record.
pub fn customer(c: &Customer) -> Vec<String> {
    let mut out = Vec::new();
    push(&mut out, names::validate_name("the name", &c.name));
    push(&mut out, slug::validate(&c.slug));
    if let Some(owner) = &c.owner {
        handle(&mut out, "the owner", owner);
    }
    if let Some(team) = &c.team {
        handle(&mut out, "the team", team);
    }
    tags(&mut out, &c.tags);
    for contact in &c.contacts {
        push(
            &mut out,
            names::validate_name("a contact's name", &contact.name),
        );
        if let Some(email) = &contact.email {
            push(&mut out, names::validate_email(email));
        }
        if let Some(phone) = &contact.phone {
            push(&mut out, names::validate_line("a phone number", phone, 64));
        }
        if let Some(role) = &contact.role {
            push(
                &mut out,
                names::validate_line("a contact's role", role, MAX_NAME_LEN),
            );
        }
    }
    for key in c.fields.keys().chain(c.external_ids.keys()) {
        push(
            &mut out,
            names::validate_line("a field name", key, MAX_NAME_LEN),
        );
    }
    for value in c.external_ids.values() {
        push(
            &mut out,
            names::validate_line("an external id", value, MAX_LINE_LEN),
        );
    }
    out
}

/// Problems of a touchpoint.
pub fn interaction(i: &Interaction) -> Vec<String> {
    let mut out = Vec::new();
    // A restricted touchpoint's summary is sealed (and was checked before it was).
    if i.summary.trim().is_empty() && !i.extra.contains_key(super::restricted::KEY) {
        out.push("the summary cannot be empty".into());
    }
    push(
        &mut out,
        names::validate_line("the summary", &i.summary, MAX_LINE_LEN),
    );
    if let Some(body) = &i.body {
        push(&mut out, names::validate_text("the body", body));
    }
    handle(&mut out, "the channel", &i.channel);
    match i.direction {
        // An inbound touchpoint is by a contact: a name or an address, one line.
        Direction::Inbound => push(
            &mut out,
            names::validate_line("the sender", &i.by, MAX_NAME_LEN),
        ),
        _ => handle(&mut out, "`by`", &i.by),
    }
    if i.by.trim().is_empty() {
        out.push("`by` cannot be empty".into());
    }
    tags(&mut out, &i.tags);
    if let Some(source) = &i.source {
        push(
            &mut out,
            names::validate_line("the source system", &source.system, MAX_NAME_LEN),
        );
        push(
            &mut out,
            names::validate_line("the source key", &source.key, MAX_LINE_LEN),
        );
    }
    out
}

/// Problems of a note.
pub fn note(n: &Note) -> Vec<String> {
    let mut out = Vec::new();
    handle(&mut out, "`by`", &n.by);
    push(&mut out, names::validate_text("the note", &n.body));
    tags(&mut out, &n.tags);
    out
}

/// Problems of a document record: a valid author, a stored file named like the record, a
/// plain original name, and a restricted document with nothing sealed left in clear.
pub fn document(d: &super::records::Document) -> Vec<String> {
    let mut out = Vec::new();
    handle(&mut out, "`by`", &d.by);
    tags(&mut out, &d.tags);
    if super::file_names::document_record_of(&d.file).is_none() {
        out.push(format!(
            "`file` `{}` is not a document file name",
            super::text::escape(&d.file)
        ));
    }
    if d.size == 0 {
        out.push("a document is never empty".into());
    }
    if !d.name.is_empty()
        && let Err(why) = super::documents::validate_name(&d.name)
    {
        out.push(why);
    }
    push(
        &mut out,
        names::validate_line("the title", &d.title, MAX_LINE_LEN),
    );
    out
}

/// Problems of a handoff.
pub fn handoff(h: &Handoff) -> Vec<String> {
    let mut out = Vec::new();
    handle(&mut out, "`by`", &h.by);
    for party in [&h.from, &h.to] {
        if let Some(owner) = &party.owner {
            handle(&mut out, "an owner", owner);
        }
        if let Some(team) = &party.team {
            handle(&mut out, "a team", team);
        }
    }
    if let Some(reason) = &h.reason {
        push(
            &mut out,
            names::validate_line("the reason", reason, MAX_LINE_LEN),
        );
    }
    for key in [handoffs::DECLINED_BY, handoffs::ON_BEHALF_OF] {
        if let Some(value) = h.extra.get(key).and_then(|v| v.as_str()) {
            handle(&mut out, &format!("`{key}`"), value);
        }
    }
    if let Some(reason) = h
        .extra
        .get(handoffs::DECLINE_REASON)
        .and_then(|v| v.as_str())
    {
        push(
            &mut out,
            names::validate_line("the decline reason", reason, MAX_LINE_LEN),
        );
    }
    out
}

/// Problems of a task.
pub fn task(t: &Task) -> Vec<String> {
    let mut out = Vec::new();
    handle(&mut out, "`by`", &t.by);
    if let Some(assignee) = &t.assignee {
        handle(&mut out, "the assignee", assignee);
    }
    if t.title.trim().is_empty() {
        out.push("the title cannot be empty".into());
    }
    push(
        &mut out,
        names::validate_line("the title", &t.title, MAX_LINE_LEN),
    );
    out
}

/// Problems of a correction, as far as they show without its target (whether its changes
/// apply to the target is `check`'s, which sees the folder).
pub fn correction(c: &Correction) -> Vec<String> {
    let mut out = Vec::new();
    handle(&mut out, "`by`", &c.by);
    if let Some(reason) = &c.reason {
        push(
            &mut out,
            names::validate_line("the reason", reason, MAX_LINE_LEN),
        );
    }
    for (field, value) in &c.changes {
        let text = value.as_str().unwrap_or_default();
        match field.as_str() {
            "summary" => push(
                &mut out,
                names::validate_line("the summary", text, MAX_LINE_LEN),
            ),
            "body" => push(&mut out, names::validate_text("the body", text)),
            "channel" => handle(&mut out, "the channel", text),
            "by" => push(&mut out, names::validate_line("`by`", text, MAX_NAME_LEN)),
            corrections::CUSTOMER_KEY => push(&mut out, slug::validate(text)),
            "at" | "direction" => {}
            other => out.push(format!(
                "`{}` is not a field a correction changes",
                super::text::escape(other)
            )),
        }
    }
    out
}
