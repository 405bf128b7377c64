//! Planning a customer import. A row matches an existing customer by its git-crm `id` (an
//! export re-imported), else by its source key stored in `external_ids.<source>`, else by slug
//! when that customer has no key from this source yet (a customer first added by hand is
//! adopted, not duplicated). A matched customer is edited in place, field by field, so comments
//! and keys a person wrote survive; an unmatched row creates a customer.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::Result;
use crate::model::records::{Contact, Customer, CustomerKind, CustomerStatus, Handoff, Party};
use crate::model::{RecordId, slug, text};
use crate::ops::customer::{parse_contact, planned_new_customer};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{FileOp, layout};

use super::driver::{Planner, RowResult};
use super::rules::{MappedRow, Value};
use super::values::{parse_enum, split_list};
use super::{Action, Context, Outcome, Problem};

/// A customer row, validated.
#[derive(Debug, Default)]
pub(super) struct Incoming {
    row: usize,
    /// The row's source key, and the cell its slug came from.
    key: Option<String>,
    slug_value: Option<Value>,
    id: Option<RecordId>,
    name: Option<String>,
    slug: Option<String>,
    kind: Option<CustomerKind>,
    status: Option<CustomerStatus>,
    owner: Option<String>,
    team: Option<String>,
    tags: Vec<String>,
    contacts: Vec<Contact>,
    created: Option<crate::model::Timestamp>,
    archived: Option<crate::model::Timestamp>,
    fields: BTreeMap<String, serde_json::Value>,
    external_ids: BTreeMap<String, String>,
}

/// The store's customers, found by id, slug and source key, and what this import claimed.
struct Index {
    by_id: HashMap<RecordId, usize>,
    by_slug: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    customers: Vec<Customer>,
    /// Slugs taken by customers planned in this import.
    planned_slugs: BTreeSet<String>,
    /// Existing customers claimed by a row of this import (by slug adoption or key).
    claimed: HashMap<usize, usize>,
}

/// The planner of a customer import.
pub(super) struct Customers {
    /// The rules' `source`: the `external_ids` key a row's source key is stored under.
    source: String,
    index: Index,
}

impl Customers {
    /// Indexes the store's customers.
    pub(super) fn new(ctx: &Context) -> Result<Self> {
        let source = ctx.rules.file.source.clone().unwrap_or_default();
        let mut index = Index {
            by_id: HashMap::new(),
            by_slug: HashMap::new(),
            by_key: HashMap::new(),
            customers: super::load_customers(ctx.store)?,
            planned_slugs: BTreeSet::new(),
            claimed: HashMap::new(),
        };
        for (i, c) in index.customers.iter().enumerate() {
            index.by_id.insert(c.id, i);
            index.by_slug.insert(c.slug.clone(), i);
            if let Some(key) = c.external_ids.get(&source) {
                index.by_key.insert(key.clone(), i);
            }
        }
        Ok(Customers { source, index })
    }
}

impl Planner for Customers {
    type Row = Incoming;

    fn row_number(row: &Incoming) -> usize {
        row.row
    }

    fn validate(
        &self,
        ctx: &Context,
        row: usize,
        mapped: &MappedRow,
    ) -> Result<Incoming, Vec<Problem>> {
        validate(ctx, row, mapped)
    }

    /// The record id when the rules match by id, else the source key.
    fn key(
        &self,
        ctx: &Context,
        mapped: &MappedRow,
        incoming: &Incoming,
    ) -> Result<String, Problem> {
        match (&incoming.id, &mapped.key) {
            (Some(id), _) => Ok(id.to_string()),
            (None, Some(key)) => Ok(key.clone()),
            (None, None) if ctx.rules.file.matches_by_id() => Err(ctx.problem(
                incoming.row,
                column_of(ctx, "id"),
                "id: empty; every row needs the record id".into(),
            )),
            (None, None) => Err(ctx.problem(
                incoming.row,
                ctx.rules.key_columns.first().copied(),
                format!(
                    "the source key ({}) is empty",
                    ctx.rules
                        .key_columns
                        .iter()
                        .map(|c| format!("column `{}`", ctx.rules.column_name(*c)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    fn duplicate(&self, key: &str, first: usize) -> String {
        format!(
            "duplicate key `{}`: row {first} has the same one",
            text::escape(key)
        )
    }

    fn plan_row(&mut self, ctx: &Context, incoming: Incoming) -> RowResult {
        plan_row(ctx, &self.source, incoming, &mut self.index)
    }
}

fn validate(ctx: &Context, row: usize, mapped: &MappedRow) -> Result<Incoming, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut incoming = Incoming {
        row,
        key: mapped.key.clone(),
        slug_value: mapped.values.get("slug").cloned(),
        ..Incoming::default()
    };
    let mut contact = Contact::default();
    let mut has_contact = false;
    for (field, value) in &mapped.values {
        let v = value.text.trim();
        let mut fail = |why: String| problems.push(ctx.field_problem(row, value, field, why));
        match field.as_str() {
            "id" => match RecordId::parse(v) {
                Some(id) => incoming.id = Some(id),
                None => fail(format!("`{}` is not a record id (a UUID)", text::escape(v))),
            },
            "name" => match crate::model::names::validate_name("the name", v) {
                Ok(()) => incoming.name = Some(v.to_string()),
                Err(why) => fail(why),
            },
            "slug" => match slug::validate(v) {
                Ok(()) => incoming.slug = Some(v.to_string()),
                Err(why) => fail(why),
            },
            "kind" => match parse_enum(v, "company, person") {
                Ok(k) => incoming.kind = Some(k),
                Err(why) => fail(why),
            },
            "status" => match parse_enum(v, "lead, active, paused, churned") {
                Ok(s) => incoming.status = Some(s),
                Err(why) => fail(why),
            },
            "owner" => match ctx.store.require_person(v) {
                Ok(()) => incoming.owner = Some(v.to_string()),
                Err(e) => fail(with_hint(&e)),
            },
            "team" => match ctx.store.require_team(v) {
                Ok(()) => incoming.team = Some(v.to_string()),
                Err(e) => fail(with_hint(&e)),
            },
            "tags" => incoming.tags = split_list(v, ctx.rules.list_separator()),
            "contacts" => {
                for line in v.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    match parse_contact(line) {
                        Ok(c) => incoming.contacts.push(c),
                        Err(e) => fail(e.to_string()),
                    }
                }
            }
            "contact.name" => {
                contact.name = v.to_string();
                has_contact = true;
            }
            "contact.email" => match crate::model::contact::validate_email(v) {
                Ok(()) => {
                    contact.email = Some(v.to_string());
                    has_contact = true;
                }
                Err(why) => fail(why),
            },
            "contact.phone" => contact.phone = Some(v.to_string()),
            "contact.role" => contact.role = Some(v.to_string()),
            "created" | "archived" => match ctx.times.parse(v) {
                Ok(t) if field == "created" => incoming.created = Some(t),
                Ok(t) => incoming.archived = Some(t),
                Err(why) => fail(why),
            },
            f => {
                if let Some(name) = f.strip_prefix("fields.") {
                    incoming
                        .fields
                        .insert(name.to_string(), crate::ops::scalar_value(v));
                } else if let Some(system) = f.strip_prefix("external_ids.") {
                    incoming
                        .external_ids
                        .insert(system.to_string(), v.to_string());
                }
            }
        }
    }
    if has_contact {
        if contact.name.is_empty() {
            let email = contact.email.clone().unwrap_or_default();
            contact.name = email.split('@').next().unwrap_or(&email).to_string();
        }
        incoming.contacts.push(contact);
    }
    if problems.is_empty() {
        Ok(incoming)
    } else {
        Err(problems)
    }
}

fn with_hint(e: &crate::Error) -> String {
    match e.hint() {
        Some(h) => format!("{e} ({h})"),
        None => e.to_string(),
    }
}

/// Updates the customer the row matches (by id, source key, or a free slug), else creates one.
fn plan_row(ctx: &Context, source: &str, incoming: Incoming, index: &mut Index) -> RowResult {
    let row = incoming.row;
    let found = match (&incoming.id, &incoming.key) {
        (Some(id), _) => index.by_id.get(id).copied(),
        (None, Some(key)) => index.by_key.get(key).copied().or_else(|| {
            let slug = incoming
                .slug
                .clone()
                .or_else(|| incoming.name.as_deref().map(slug::slugify))?;
            let i = *index.by_slug.get(&slug)?;
            let free = !index.customers[i].external_ids.contains_key(source)
                && !index.claimed.contains_key(&i);
            free.then_some(i)
        }),
        (None, None) => None,
    };
    if let Some(i) = found {
        if let Some(other) = index.claimed.insert(i, row) {
            return Err(vec![ctx.problem(
                row,
                None,
                format!(
                    "this row and row {other} both match customer `{}`",
                    index.customers[i].slug
                ),
            )]);
        }
        let customer = index.customers[i].clone();
        return update(ctx, source, incoming, &customer);
    }
    create(ctx, source, incoming, index)
}

/// A new customer, its slug derived from its name when the row has none.
fn create(ctx: &Context, source: &str, incoming: Incoming, index: &mut Index) -> RowResult {
    let row = incoming.row;
    let Some(name) = incoming.name.clone() else {
        return Err(vec![ctx.problem(
            row,
            column_of(ctx, "name"),
            "name: empty; a new customer needs a name".into(),
        )]);
    };
    let taken =
        |s: &str, index: &Index| index.by_slug.contains_key(s) || index.planned_slugs.contains(s);
    let slug = match &incoming.slug {
        Some(s) if taken(s, index) => {
            return Err(vec![ctx.problem(
                row,
                column_of(ctx, "slug"),
                format!("slug: customer `{s}` already exists (with another key)"),
            )]);
        }
        Some(s) => s.clone(),
        None => {
            let base = slug::slugify(&name);
            if base.is_empty() {
                return Err(vec![ctx.problem(
                    row,
                    column_of(ctx, "name"),
                    format!(
                        "name: cannot derive a slug from `{}`; map a `slug` column",
                        text::escape(&name)
                    ),
                )]);
            }
            let mut candidate = base.clone();
            let mut n = 2;
            while taken(&candidate, index) {
                let suffix = format!("-{n}");
                let stem = &base[..base.len().min(slug::MAX_SLUG_LEN - suffix.len())];
                candidate = format!("{}{suffix}", stem.trim_end_matches('-'));
                n += 1;
            }
            candidate
        }
    };
    let created = incoming.created.unwrap_or(ctx.now);
    let team = incoming.team.clone().or_else(|| {
        let owner = incoming.owner.as_deref()?;
        ctx.store.config().primary_team(owner).map(str::to_string)
    });
    let mut external_ids = incoming.external_ids.clone();
    if let Some(key) = &incoming.key {
        external_ids.insert(source.to_string(), key.clone());
    }
    let mut contacts = Vec::new();
    for c in incoming.contacts {
        upsert_contact(&mut contacts, c);
    }
    let customer = Customer {
        id: incoming
            .id
            .unwrap_or_else(|| RecordId::new_at(created.to_utc())),
        name,
        slug: slug.clone(),
        kind: incoming.kind.unwrap_or_default(),
        status: incoming.status.unwrap_or_default(),
        owner: incoming.owner,
        team,
        tags: incoming.tags,
        contacts,
        domains: Vec::new(),
        external_ids,
        fields: incoming.fields,
        created,
        archived: incoming.archived,
        renamed_from: Vec::new(),
        extra: Default::default(),
    };
    let planned = planned_new_customer(ctx.actor, customer)
        .map_err(|e| vec![ctx.problem(row, None, e.to_string())])?;
    index.planned_slugs.insert(slug);
    Ok((
        Outcome {
            row,
            action: Action::Created,
            path: Some(planned.path),
            id: Some(planned.record.id),
            changed: Vec::new(),
            reason: None,
        },
        planned.change.files,
    ))
}

fn column_of(ctx: &Context, field: &str) -> Option<usize> {
    ctx.rules
        .mapping
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, c)| *c)
}

/// Adds `contact`, or merges it into the contact with the same email (else the same name).
/// Returns whether anything changed.
fn upsert_contact(contacts: &mut Vec<Contact>, contact: Contact) -> bool {
    let same = |c: &Contact| match (&c.email, &contact.email) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => c.name == contact.name,
    };
    match contacts.iter_mut().find(|c| same(c)) {
        Some(existing) => {
            let before = existing.clone();
            if !contact.name.is_empty() {
                existing.name = contact.name;
            }
            existing.email = contact.email.or(existing.email.take());
            existing.phone = contact.phone.or(existing.phone.take());
            existing.role = contact.role.or(existing.role.take());
            *existing != before
        }
        None => {
            contacts.push(contact);
            true
        }
    }
}

/// Edits the matched customer in place, field by field; a new owner or team is a handoff.
fn update(ctx: &Context, source: &str, incoming: Incoming, current: &Customer) -> RowResult {
    let row = incoming.row;
    let mut edits = Vec::new();
    let mut changed = Vec::new();
    let mut set = |field: &str, value: serde_json::Value, edits: &mut Vec<FieldEdit>| {
        changed.push(field.to_string());
        edits.push(FieldEdit {
            key_path: field.split('.').map(str::to_string).collect(),
            value: Some(value),
        });
    };
    if let Some(slug) = &incoming.slug
        && *slug != current.slug
    {
        let value = incoming.slug_value.clone().unwrap_or(Value {
            text: slug.clone(),
            column: None,
        });
        return Err(vec![ctx.field_problem(
            row,
            &value,
            "slug",
            format!(
                "the matched customer is `{}`; rename it with `git crm customer rename` first",
                current.slug
            ),
        )]);
    }
    if let Some(name) = &incoming.name
        && *name != current.name
    {
        set("name", name.as_str().into(), &mut edits);
    }
    if let Some(kind) = incoming.kind
        && kind != current.kind
    {
        set("kind", kind.to_string().into(), &mut edits);
    }
    if let Some(status) = incoming.status
        && status != current.status
    {
        set("status", status.to_string().into(), &mut edits);
    }
    if let Some(archived) = incoming.archived
        && Some(archived) != current.archived
    {
        set(
            "archived",
            crate::model::time::rfc3339(&archived).into(),
            &mut edits,
        );
    }
    let mut tags = current.tags.clone();
    for tag in &incoming.tags {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    if tags != current.tags {
        set("tags", serde_json::json!(tags), &mut edits);
    }
    let mut contacts = current.contacts.clone();
    let mut contacts_changed = false;
    for c in incoming.contacts {
        contacts_changed |= upsert_contact(&mut contacts, c);
    }
    if contacts_changed {
        set(
            "contacts",
            serde_json::to_value(&contacts).unwrap_or_default(),
            &mut edits,
        );
    }
    for (name, value) in &incoming.fields {
        if current.fields.get(name) != Some(value) {
            set(&format!("fields.{name}"), value.clone(), &mut edits);
        }
    }
    let mut external_ids = incoming.external_ids.clone();
    if let Some(key) = &incoming.key {
        external_ids.insert(source.to_string(), key.clone());
    }
    for (system, value) in &external_ids {
        if current.external_ids.get(system) != Some(value) {
            set(
                &format!("external_ids.{system}"),
                value.as_str().into(),
                &mut edits,
            );
        }
    }
    let mut files = Vec::new();
    let handoff = ownership_change(ctx, current, &incoming.owner, &incoming.team);
    if let Some(handoff) = &handoff {
        let owner = handoff.to.owner.clone().unwrap_or_default();
        set("owner", owner.into(), &mut edits);
        match &handoff.to.team {
            Some(team) => set("team", team.as_str().into(), &mut edits),
            None => {
                changed.push("team".into());
                edits.push(FieldEdit::remove("team"));
            }
        }
    }
    let outcome = |action, changed| Outcome {
        row,
        action,
        path: Some(layout::customer_file(&current.slug)),
        id: Some(current.id),
        changed,
        reason: None,
    };
    if edits.is_empty() {
        return Ok((outcome(Action::Unchanged, Vec::new()), files));
    }
    let path = layout::customer_file(&current.slug);
    let fail = |e: crate::Error| vec![ctx.problem(row, None, e.to_string())];
    let text = ctx.store.read_text(&path).map_err(fail)?;
    let (new_text, _): (String, Customer) =
        edit_text(std::path::Path::new(&path), &text, &edits).map_err(fail)?;
    if new_text == text {
        return Ok((outcome(Action::Unchanged, Vec::new()), files));
    }
    files.push(FileOp::Update {
        path,
        contents: new_text,
    });
    if let Some(handoff) = handoff {
        let planned =
            crate::ops::assign::planned_handoff(ctx.actor, &current.slug, handoff).map_err(fail)?;
        files.extend(planned.change.files);
    }
    Ok((outcome(Action::Updated, changed), files))
}

/// The handoff an import implies when it changes a customer's owner or team, so that the
/// customer's owner always equals the latest handoff's `to`.
fn ownership_change(
    ctx: &Context,
    current: &Customer,
    owner: &Option<String>,
    team: &Option<String>,
) -> Option<Handoff> {
    if owner.is_none() && team.is_none() {
        return None;
    }
    let new_owner = owner.clone().or_else(|| current.owner.clone());
    let new_team = match (team, owner) {
        (Some(t), _) => Some(t.clone()),
        (None, Some(o)) if current.owner.as_deref() != Some(o) => {
            ctx.store.config().primary_team(o).map(str::to_string)
        }
        _ => current.team.clone(),
    };
    let from = Party {
        owner: current.owner.clone(),
        team: current.team.clone(),
    };
    let to = Party {
        owner: new_owner,
        team: new_team,
    };
    if from == to {
        return None;
    }
    Some(Handoff {
        id: RecordId::new_at(ctx.now.to_utc()),
        at: ctx.now,
        by: ctx.actor.to_string(),
        from,
        to,
        reason: Some(format!(
            "import from {}",
            ctx.rules.file.source.as_deref().unwrap_or("a spreadsheet")
        )),
        accepted_at: None,
        extra: Default::default(),
    })
}
