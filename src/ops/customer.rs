//! Customers: add, edit fields in place, rename (moves the folder, keeps the id), archive.

use std::collections::BTreeMap;

use crate::error::{Error, Input, Remedy, Result};
use crate::model::records::{Contact, Customer, CustomerKind, CustomerStatus, Renamed};
use crate::model::{RecordId, slug, text, time};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

/// What `customer add` is given.
#[derive(Debug, Clone, Default)]
pub struct CustomerInput {
    pub name: String,
    pub slug: Option<String>,
    pub kind: CustomerKind,
    pub status: CustomerStatus,
    pub owner: Option<String>,
    pub team: Option<String>,
    pub tags: Vec<String>,
    pub contacts: Vec<Contact>,
    /// Mail domains that identify the customer (already normalised).
    pub domains: Vec<String>,
    pub fields: Vec<(String, String)>,
    pub external_ids: Vec<(String, String)>,
}

/// Parses a contact as people type it: `Name <email>`, `email`, or `Name`; `;phone=..;role=..`
/// may follow. The email must be an address (`model::contact::validate_email`). A contact that
/// does not read is a usage mistake (exit 2): it was typed.
pub fn parse_contact(textual: &str) -> Result<Contact> {
    let mut parts = textual.split(';');
    let head = parts.next().unwrap_or_default().trim();
    let mut contact = Contact::default();
    if let Some((name, rest)) = head.split_once('<') {
        contact.name = name.trim().to_string();
        contact.email = Some(rest.trim_end_matches('>').trim().to_string());
    } else if head.contains('@') {
        contact.email = Some(head.to_string());
        contact.name = head.split('@').next().unwrap_or(head).to_string();
    } else {
        contact.name = head.to_string();
    }
    for part in parts {
        let (k, v) = super::parse_assignment(part)?;
        match k.as_str() {
            "phone" => contact.phone = Some(v),
            "role" => contact.role = Some(v),
            "email" => contact.email = Some(v),
            _ => {
                return Err(Error::usage(
                    format!(
                        "unknown contact attribute `{}` (use phone, role or email)",
                        text::escape(&k)
                    ),
                    Some("write a contact as `Name <email>;phone=...;role=...`".into()),
                ));
            }
        }
    }
    if contact.name.is_empty() {
        return Err(Error::usage(
            format!("contact `{}` has no name", text::escape(textual)),
            Some("write a contact as `Name <email>;phone=...;role=...`".into()),
        ));
    }
    if let Some(email) = &contact.email {
        crate::model::contact::validate_email(email).map_err(|why| {
            Error::usage(
                format!("contact `{}`: {why}", text::escape(&contact.name)),
                Some("write a contact as `Name <name@example.com>`".into()),
            )
        })?;
    }
    Ok(contact)
}

/// Plans a new customer.
pub fn add(store: &Store, actor: &str, input: CustomerInput) -> Result<Planned<Customer>> {
    let name = input.name.trim().to_string();
    if name.is_empty() {
        return Err(Error::usage("a customer needs a name", None));
    }
    let slug = match input.slug {
        Some(s) => s,
        None => {
            let derived = slug::slugify(&name);
            if derived.is_empty() {
                return Err(Error::missing_because(
                    Input::Slug,
                    format!(
                        "cannot derive a slug from the name `{}`: it has no letters or digits",
                        text::escape(&name)
                    ),
                    "lowercase letters, digits and `-`",
                ));
            }
            derived
        }
    };
    slug::validate(&slug)
        .map_err(|why| Error::invalid_hint(why, "a slug has lowercase letters, digits and `-`"))?;
    if store.has_customer(&slug) {
        return Err(Error::refused(
            format!("customer `{slug}` already exists"),
            Remedy::Another(Input::Slug),
        ));
    }
    if let Some(now) = store.renamed_to(&slug) {
        return Err(Error::refused(
            format!("`{slug}` was renamed to {now}, and the old slug keeps pointing there"),
            Remedy::Another(Input::Slug),
        ));
    }
    let owner = input.owner.unwrap_or_else(|| actor.to_string());
    store.require_person(&owner)?;
    let team = input
        .team
        .or_else(|| store.config().primary_team(&owner).map(str::to_string));
    if let Some(team) = &team {
        store.require_team(team)?;
    }
    refuse_duplicate_email(&input.contacts, &slug)?;
    let created = time::now();
    let customer = Customer {
        id: RecordId::new_at(created.to_utc()),
        name,
        slug: slug.clone(),
        kind: input.kind,
        status: input.status,
        owner: Some(owner),
        team,
        tags: dedup(input.tags),
        contacts: input.contacts,
        domains: dedup(input.domains),
        external_ids: input.external_ids.into_iter().collect(),
        fields: input
            .fields
            .into_iter()
            .map(|(k, v)| (k, super::scalar_value(&v)))
            .collect(),
        created,
        archived: None,
        renamed_from: Vec::new(),
        extra: Default::default(),
    };
    planned_new_customer(actor, customer)
}

/// Plans writing an already-built customer (used by `add`, imports and the demo).
pub fn planned_new_customer(actor: &str, customer: Customer) -> Result<Planned<Customer>> {
    let path = layout::customer_file(&customer.slug);
    let mut change = Change::new(
        "customer.add",
        format!("customer: add {} ({})", customer.slug, customer.name),
        actor,
    );
    change.ids.push(customer.id);
    change.files.push(FileOp::Create {
        path: path.clone(),
        contents: yaml::to_yaml(&customer)?,
    });
    Ok(Planned {
        change,
        record: customer,
        path,
    })
}

/// One customer never lists one email address twice: a second contact with the address of a
/// first is a typo or a person entered twice.
fn refuse_duplicate_email(contacts: &[Contact], slug: &str) -> Result<()> {
    match crate::model::contact::duplicate_email(contacts) {
        Some(email) => Err(Error::invalid_hint(
            format!(
                "{slug} already has a contact with email `{}`",
                text::escape(email)
            ),
            "remove the old contact first, or give another address",
        )),
        None => Ok(()),
    }
}

/// Reads a comma-separated list of mail domains (`acme.example, acme.co.uk`), normalised and
/// deduplicated; a value that is not a domain is refused.
pub fn parse_domains(text: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let domain = crate::model::address::normalize_domain(part).ok_or_else(|| {
            Error::invalid_hint(
                format!("`{}` is not a mail domain", text::escape(part)),
                "write domains as acme.example (no address, no scheme)",
            )
        })?;
        if !out.contains(&domain) {
            out.push(domain);
        }
    }
    Ok(out)
}

fn dedup(tags: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    tags.into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && seen.insert(t.clone()))
        .collect()
}

/// One change requested by `customer edit`.
#[derive(Debug, Clone, PartialEq)]
pub enum EditRequest {
    Set(String, String),
    Unset(String),
    AddTag(String),
    RemoveTag(String),
    AddContact(Contact),
    RemoveContact(String),
}

/// Plans in-place edits of a customer; comments and unknown keys in the file survive.
pub fn edit(
    store: &Store,
    actor: &str,
    slug: &str,
    requests: &[EditRequest],
) -> Result<Planned<Customer>> {
    let slug = &store.resolve_customer(slug)?;
    let current = store.load_customer(slug)?;
    if requests.is_empty() {
        return Err(Error::NothingToChange {
            message: "nothing to change".into(),
            inputs: vec![
                Input::Set,
                Input::Unset,
                Input::AddTag,
                Input::RemoveTag,
                Input::AddContact,
                Input::RemoveContact,
            ],
        });
    }
    let mut edits = Vec::new();
    let mut tags = current.tags.clone();
    let mut contacts = current.contacts.clone();
    let mut described = Vec::new();
    for request in requests {
        match request {
            EditRequest::Set(key, value) => {
                edits.push(field_edit(key, Some(value))?);
                described.push(format!("{key}={}", text::truncate(value, 40)));
            }
            EditRequest::Unset(key) => {
                edits.push(field_edit(key, None)?);
                described.push(format!("-{key}"));
            }
            EditRequest::AddTag(tag) => {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                }
                described.push(format!("+#{tag}"));
            }
            EditRequest::RemoveTag(tag) => {
                if !tags.contains(tag) {
                    return Err(Error::not_found(
                        format!("{slug} has no tag `{}`", text::escape(tag)),
                        None,
                    ));
                }
                tags.retain(|t| t != tag);
                described.push(format!("-#{tag}"));
            }
            EditRequest::AddContact(contact) => {
                described.push(format!("+contact {}", contact.name));
                contacts.push(contact.clone());
            }
            EditRequest::RemoveContact(who) => {
                let before = contacts.len();
                contacts.retain(|c| c.name != *who && c.email.as_deref() != Some(who.as_str()));
                if contacts.len() == before {
                    return Err(Error::not_found(
                        format!("no contact `{}` on {slug}", text::escape(who)),
                        None,
                    ));
                }
                described.push(format!("-contact {who}"));
            }
        }
    }
    if tags != current.tags {
        edits.push(if tags.is_empty() {
            FieldEdit::remove("tags")
        } else {
            FieldEdit::set("tags", &tags)
        });
    }
    if requests
        .iter()
        .any(|r| matches!(r, EditRequest::AddContact(_)))
    {
        refuse_duplicate_email(&contacts, slug)?;
    }
    if contacts != current.contacts {
        edits.push(if contacts.is_empty() {
            FieldEdit::remove("contacts")
        } else {
            FieldEdit::set("contacts", &contacts)
        });
    }
    let subject = format!("customer: edit {slug} ({})", described.join(", "));
    rewrite(store, actor, slug, "customer.edit", subject, &edits)
}

/// Applies field edits to a customer file and plans the update.
pub fn rewrite(
    store: &Store,
    actor: &str,
    slug: &str,
    op: &str,
    subject: String,
    edits: &[FieldEdit],
) -> Result<Planned<Customer>> {
    let path = layout::customer_file(slug);
    let text = store.read_text(&path)?;
    let (new_text, customer): (String, Customer) =
        edit_text(std::path::Path::new(&path), &text, edits)?;
    let mut change = Change::new(op, subject, actor);
    change.ids.push(customer.id);
    if new_text != text {
        change.files.push(FileOp::Update {
            path: path.clone(),
            contents: new_text,
        });
    }
    Ok(Planned {
        change,
        record: customer,
        path,
    })
}

/// The in-place edit that sets (or, with `None`, removes) the customer field `key` as `customer
/// edit --set` does: only editable fields, enum values checked, `fields.<k>` read as a YAML
/// scalar. Rules that set fields go through here too.
pub fn field_edit(key: &str, value: Option<&String>) -> Result<FieldEdit> {
    let key_path: Vec<String> = key.split('.').map(str::to_string).collect();
    let value_json = |v: &String| -> Result<serde_json::Value> {
        Ok(match key_path[0].as_str() {
            "kind" => {
                serde_json::to_value(parse_enum::<CustomerKind>(v, "kind")?).unwrap_or_default()
            }
            "status" => {
                serde_json::to_value(parse_enum::<CustomerStatus>(v, "status")?).unwrap_or_default()
            }
            "tags" => serde_json::json!(dedup(v.split(',').map(str::to_string).collect())),
            "domains" => serde_json::json!(parse_domains(v)?),
            "fields" => super::scalar_value(v),
            _ => serde_json::Value::String(v.clone()),
        })
    };
    let allowed = match (key_path[0].as_str(), key_path.len()) {
        ("name" | "kind" | "status" | "tags" | "domains", 1) => true,
        ("fields" | "external_ids", 2) => true,
        // A restricted field can be removed (it is set with `--set-restricted`).
        (crate::model::restricted::FIELDS_KEY, 2) => value.is_none(),
        ("owner" | "team", _) => {
            return Err(Error::invalid_hint(
                format!("`{key}` changes ownership"),
                "use `git crm assign <customer> --to <person> [--team <team>]`, which also records the handoff",
            ));
        }
        ("id" | "slug" | "created" | "archived", _) => {
            return Err(Error::invalid_hint(
                format!("`{key}` cannot be edited"),
                "use `git crm customer rename` for the slug and `git crm customer archive` to archive",
            ));
        }
        _ => false,
    };
    if !allowed {
        return Err(Error::invalid_hint(
            format!("`{}` is not an editable field", text::escape(key)),
            "editable: name, kind, status, tags, domains, fields.<name>, external_ids.<source>",
        ));
    }
    if value.is_none() && matches!(key_path[0].as_str(), "name" | "kind" | "status") {
        return Err(Error::invalid(format!(
            "`{key}` is required and cannot be unset"
        )));
    }
    Ok(FieldEdit {
        value: value.map(value_json).transpose()?,
        key_path,
    })
}

fn parse_enum<T: serde::de::DeserializeOwned>(value: &str, what: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(value.to_string()))
        .map_err(|_| Error::invalid(format!("`{}` is not a valid {what}", text::escape(value))))
}

/// Plans archiving (or, with `undo`, un-archiving) a customer.
pub fn archive(store: &Store, actor: &str, slug: &str, undo: bool) -> Result<Planned<Customer>> {
    let slug = &store.resolve_customer(slug)?;
    let current = store.load_customer(slug)?;
    match (current.archived.is_some(), undo) {
        (true, false) => {
            return Err(Error::invalid(format!(
                "customer `{slug}` is already archived"
            )));
        }
        (false, true) => return Err(Error::invalid(format!("customer `{slug}` is not archived"))),
        _ => {}
    }
    let (edit, subject) = if undo {
        (
            FieldEdit::remove("archived"),
            format!("customer: unarchive {slug}"),
        )
    } else {
        (
            FieldEdit::set("archived", time::rfc3339(&time::now())),
            format!("customer: archive {slug}"),
        )
    };
    rewrite(store, actor, slug, "customer.archive", subject, &[edit])
}

/// Plans renaming a customer: a new slug moves the folder (every file in it), a new name edits
/// the record; the id stays.
pub fn rename(
    store: &Store,
    actor: &str,
    slug: &str,
    new_slug: Option<&str>,
    new_name: Option<&str>,
) -> Result<Planned<Customer>> {
    let slug = &store.resolve_customer(slug)?;
    let customer = store.load_customer(slug)?;
    if new_slug.is_none() && new_name.is_none() {
        return Err(Error::NothingToChange {
            message: "nothing to rename".into(),
            inputs: vec![Input::NewSlug, Input::Name],
        });
    }
    let target = new_slug.unwrap_or(slug);
    slug::validate(target).map_err(Error::invalid)?;
    if target != slug && store.has_customer(target) {
        return Err(Error::invalid(format!(
            "customer `{target}` already exists"
        )));
    }
    // The target may be this customer's own old folder (renamed back): its forward goes.
    let old_forward = match store.read_record::<Renamed>(&layout::renamed_file(target)) {
        Ok(forward) if forward.id == customer.id => Some(layout::renamed_file(target)),
        Ok(_) => {
            return Err(Error::invalid_hint(
                format!("`{target}` was the slug of another customer, which was renamed"),
                "choose another slug: the old one keeps pointing to that customer",
            ));
        }
        Err(_) => None,
    };
    let mut edits = vec![FieldEdit::set("slug", target)];
    if target != slug {
        let mut previous: Vec<String> = customer
            .renamed_from
            .iter()
            .filter(|s| s.as_str() != target)
            .cloned()
            .collect();
        if !previous.iter().any(|s| s == slug) {
            previous.push(slug.to_string());
        }
        edits.push(FieldEdit::set("renamed_from", previous));
    }
    if let Some(name) = new_name {
        edits.push(FieldEdit::set("name", name.trim()));
    }
    let subject = match (new_slug, new_name) {
        (Some(s), _) if s != slug => format!("customer: rename {slug} -> {s}"),
        _ => format!("customer: rename {slug} ({})", new_name.unwrap_or_default()),
    };
    let mut planned = rewrite(store, actor, slug, "customer.rename", subject, &edits)?;
    if target == slug {
        return Ok(planned);
    }
    let new_customer_text = match planned.change.files.pop() {
        Some(FileOp::Update { contents, .. }) => contents,
        _ => store.read_text(&layout::customer_file(slug))?,
    };
    let old_dir = layout::customer_dir(slug);
    let new_dir = layout::customer_dir(target);
    for rel in files_under(store, &old_dir)? {
        let suffix = &rel[old_dir.len()..];
        if !rel.ends_with(".yaml") {
            // A document's stored file: bytes, copied as they stream (before the old one goes).
            planned
                .change
                .files
                .extend(move_bytes(store, &rel, &format!("{new_dir}{suffix}")));
            continue;
        }
        let contents = if rel == layout::customer_file(slug) {
            new_customer_text.clone()
        } else {
            store.read_text(&rel)?
        };
        planned
            .change
            .files
            .push(FileOp::Remove { path: rel.clone() });
        planned.change.files.push(FileOp::Create {
            path: format!("{new_dir}{suffix}"),
            contents,
        });
    }
    if let Some(path) = old_forward {
        planned.change.files.push(FileOp::Remove { path });
    }
    let forward = Renamed {
        id: customer.id,
        renamed_to: target.to_string(),
        at: crate::model::time::now(),
        by: actor.to_string(),
        extra: Default::default(),
    };
    planned.change.files.push(FileOp::Create {
        path: layout::renamed_file(slug),
        contents: crate::store::yaml::to_yaml(&forward)?,
    });
    planned.path = layout::customer_file(target);
    Ok(planned)
}

/// The operations that move a file of any bytes (a document's stored file) from `from` to
/// `to`: a copy streamed from the old file, then its removal.
pub(crate) fn move_bytes(store: &Store, from: &str, to: &str) -> Vec<FileOp> {
    let root = store.root().to_path_buf();
    let source = from.to_string();
    let copy = move |out: &mut dyn std::io::Write| -> Result<()> {
        let mut file = crate::store::fs::open_read(&root, &source)?;
        std::io::copy(&mut file, out).map_err(|e| Error::io(root.join(&source), e))?;
        Ok(())
    };
    vec![
        FileOp::Stream {
            path: to.to_string(),
            replace: false,
            source: crate::store::change::StreamSource {
                description: format!("moved from {from}"),
                write: std::sync::Arc::new(copy),
            },
        },
        FileOp::Remove {
            path: from.to_string(),
        },
    ]
}

/// Every file below a customer folder (store-relative), found without following links; a link
/// or a special file there is refused (it cannot be moved safely).
fn files_under(store: &Store, rel_dir: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for found in crate::store::fs::walk(store.root(), rel_dir)? {
        if found.kind != crate::store::fs::Kind::File {
            return Err(Error::invalid(format!(
                "{} is {}; move it by hand",
                crate::model::text::escape(&found.path),
                found.kind.word()
            )));
        }
        if !crate::store::fs::is_temp_name(found.path.rsplit('/').next().unwrap_or_default()) {
            out.push(found.path);
        }
    }
    out.sort();
    Ok(out)
}

/// Custom fields shown on the card, sorted by key.
pub fn field_pairs(customer: &Customer) -> BTreeMap<String, String> {
    customer
        .fields
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string()),
            )
        })
        .collect()
}

/// Filters and order of `customer list`.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub statuses: Vec<CustomerStatus>,
    pub owner: Option<String>,
    pub team: Option<String>,
    pub tags: Vec<String>,
    /// Include archived customers.
    pub archived: bool,
    pub sort: SortKey,
}

/// How `customer list` orders customers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SortKey {
    #[default]
    Slug,
    Name,
    Created,
    Status,
    Owner,
    /// Most recent touchpoint first.
    Last,
}

/// A customer as `customer list` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ListRow {
    #[serde(flatten)]
    pub customer: Customer,
    pub last_touchpoint: Option<crate::model::Timestamp>,
}

/// Customers matching `query`, in its order. Reads every customer record, and only the file
/// names of their touchpoints. An `--owner` or `--team` the store does not know is an error
/// naming it.
pub fn list(store: &Store, query: &ListQuery) -> Result<Vec<ListRow>> {
    use rayon::prelude::*;
    // A filter naming nobody the store knows would list nothing, as if that were the answer.
    if let Some(owner) = &query.owner {
        store.require_person(owner)?;
    }
    if let Some(team) = &query.team {
        store.require_team(team)?;
    }
    let customers = store.load_customers()?;
    let mut rows: Vec<ListRow> = customers
        .into_par_iter()
        .map(|l| l.record)
        .filter(|c| query.archived || c.archived.is_none())
        .filter(|c| query.statuses.is_empty() || query.statuses.contains(&c.status))
        .filter(|c| query.owner.is_none() || c.owner == query.owner)
        .filter(|c| query.team.is_none() || c.team == query.team)
        .filter(|c| query.tags.iter().all(|t| c.tags.contains(t)))
        .map(|c| {
            let last_touchpoint =
                store.last_record_time(&c.slug, crate::model::RecordKind::Interaction)?;
            Ok(ListRow {
                customer: c,
                last_touchpoint,
            })
        })
        .collect::<Result<_>>()?;
    match query.sort {
        SortKey::Slug => rows.sort_by(|a, b| a.customer.slug.cmp(&b.customer.slug)),
        SortKey::Name => rows.sort_by_key(|r| r.customer.name.to_lowercase()),
        SortKey::Created => rows.sort_by_key(|r| r.customer.created),
        SortKey::Status => rows.sort_by_key(|r| r.customer.status),
        SortKey::Owner => rows.sort_by(|a, b| a.customer.owner.cmp(&b.customer.owner)),
        SortKey::Last => rows.sort_by_key(|r| std::cmp::Reverse(r.last_touchpoint)),
    }
    Ok(rows)
}
