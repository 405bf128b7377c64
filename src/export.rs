//! Exporting the store to spreadsheets: customers, touchpoints, notes or handoffs as rows with
//! stable, documented columns (`docs/import.md`), or as JSON records. The columns are chosen so
//! that an export re-imports with the rules files under `examples/import/` to the same store
//! content: every field a row can set is a column, lists are joined the way the importer splits
//! them, and times are RFC 3339.
//!
//! The analyst export ([`analyst`]: touchpoints, threads and handoffs as JSON lines or Parquet,
//! partitioned by month) shares the filters and lives beside it.

pub mod analyst;
pub mod parquet;
pub mod partitions;
pub mod table;

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Input, Result};
use crate::model::records::{Contact, Customer};
use crate::model::{Timestamp, time};
use crate::store::{CustomerBundle, Store};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    Customers,
    Touchpoints,
    Notes,
    Handoffs,
    /// Conversation threads with the facts `metrics` computes (first response, resolution,
    /// reopening).
    Threads,
    /// Every contact of every customer (also as vCards: `--format vcf`).
    Contacts,
}

impl ExportKind {
    /// The key of the JSON document and the word in messages.
    pub fn word(self) -> &'static str {
        match self {
            ExportKind::Customers => "customers",
            ExportKind::Touchpoints => "touchpoints",
            ExportKind::Notes => "notes",
            ExportKind::Handoffs => "handoffs",
            ExportKind::Threads => "threads",
            ExportKind::Contacts => "contacts",
        }
    }
}

/// The shared read filters that make sense for an export.
#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    /// Records at or after (customers: created at or after).
    pub since: Option<Timestamp>,
    /// Records before.
    pub until: Option<Timestamp>,
    /// Customers owned by this person (records: of customers owned by them).
    pub owner: Option<String>,
    /// Customers of this team.
    pub team: Option<String>,
    /// Customers: customer tags; touchpoints and notes: the record's tags. All must match.
    pub tags: Vec<String>,
    /// Only these customers (slugs).
    pub customers: Vec<String>,
    /// Touchpoints on these channels.
    pub channels: Vec<String>,
}

/// An export: column names, one row of text cells per record, and the records as JSON.
#[derive(Debug, Clone, Default)]
pub struct Export {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub records: Vec<serde_json::Value>,
}

/// The fixed columns of each kind, in order. Customers also get one `external_ids.<system>`
/// column per system and one `fields.<name>` column per custom field found, sorted.
pub fn fixed_columns(kind: ExportKind) -> &'static [&'static str] {
    match kind {
        ExportKind::Customers => &[
            "id", "slug", "name", "kind", "status", "owner", "team", "tags", "contacts", "created",
            "archived",
        ],
        ExportKind::Touchpoints => &[
            "id",
            "customer",
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
            "source_system",
            "source_key",
        ],
        ExportKind::Notes => &["id", "customer", "at", "by", "body", "tags"],
        ExportKind::Handoffs => &[
            "id",
            "customer",
            "at",
            "by",
            "from_owner",
            "from_team",
            "to_owner",
            "to_team",
            "reason",
            "accepted_at",
        ],
        ExportKind::Contacts => &["customer", "name", "email", "phone", "role", "uid"],
        ExportKind::Threads => &[],
    }
}

/// Refuses `--channel` for every kind but touchpoints.
fn check_channel_filter(kind: ExportKind, filter: &ExportFilter) -> Result<()> {
    if !filter.channels.is_empty() && kind != ExportKind::Touchpoints {
        return Err(Error::misused_input(
            Input::Channel,
            "filters touchpoints only",
            Some("drop the channel filter, or export touchpoints".into()),
        ));
    }
    Ok(())
}

/// Builds the export of `kind`, ordered by customer slug then time. Threads come from the
/// analyst export's table, computed as of now.
pub fn export(store: &Store, kind: ExportKind, filter: &ExportFilter) -> Result<Export> {
    check_channel_filter(kind, filter)?;
    if kind == ExportKind::Threads {
        return Ok(analyst::export_table(store, kind, filter, time::now())?.to_export());
    }
    let slugs: Vec<String> = if filter.customers.is_empty() {
        store.customer_slugs()?
    } else {
        store.resolve_customers(&filter.customers)?
    };
    if matches!(kind, ExportKind::Customers | ExportKind::Contacts) {
        let customers = filtered_customers(store, &slugs, filter)?;
        if kind == ExportKind::Contacts {
            return Ok(contacts_export(&customers));
        }
        return Ok(customers_export(&customers));
    }
    let bundles: Vec<CustomerBundle> = slugs
        .par_iter()
        .map(|s| store.load_bundle(s))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .filter(|b| customer_matches(&b.customer, filter))
        .collect();
    let mut out = Export {
        columns: fixed_columns(kind).iter().map(|c| c.to_string()).collect(),
        ..Export::default()
    };
    for bundle in &bundles {
        let slug = &bundle.customer.slug;
        let marks = bundle.correction_marks();
        match kind {
            ExportKind::Touchpoints => {
                for i in bundle.interactions.iter().map(|l| &l.record) {
                    if !in_period(&i.at, filter)
                        || !filter.tags.iter().all(|t| i.tags.contains(t))
                        || !(filter.channels.is_empty() || filter.channels.contains(&i.channel))
                    {
                        continue;
                    }
                    out.rows.push(vec![
                        i.id.to_string(),
                        slug.clone(),
                        time::rfc3339(&i.at),
                        time::rfc3339(&i.recorded_at),
                        i.channel.clone(),
                        i.direction.to_string(),
                        i.by.clone(),
                        i.actor.to_string(),
                        i.thread.to_string(),
                        i.summary.clone(),
                        i.body.clone().unwrap_or_default(),
                        i.resolves.to_string(),
                        i.tags.join(", "),
                        i.source
                            .as_ref()
                            .map(|s| s.system.clone())
                            .unwrap_or_default(),
                        i.source.as_ref().map(|s| s.key.clone()).unwrap_or_default(),
                    ]);
                    out.records
                        .push(corrected(with_customer(i, slug), &marks, i.id));
                }
            }
            ExportKind::Notes => {
                for n in bundle.notes.iter().map(|l| &l.record) {
                    if !in_period(&n.at, filter) || !filter.tags.iter().all(|t| n.tags.contains(t))
                    {
                        continue;
                    }
                    out.rows.push(vec![
                        n.id.to_string(),
                        slug.clone(),
                        time::rfc3339(&n.at),
                        n.by.clone(),
                        n.body.clone(),
                        n.tags.join(", "),
                    ]);
                    out.records
                        .push(corrected(with_customer(n, slug), &marks, n.id));
                }
            }
            ExportKind::Handoffs => {
                for h in bundle.handoffs.iter().map(|l| &l.record) {
                    if !in_period(&h.at, filter) {
                        continue;
                    }
                    out.rows.push(vec![
                        h.id.to_string(),
                        slug.clone(),
                        time::rfc3339(&h.at),
                        h.by.clone(),
                        h.from.owner.clone().unwrap_or_default(),
                        h.from.team.clone().unwrap_or_default(),
                        h.to.owner.clone().unwrap_or_default(),
                        h.to.team.clone().unwrap_or_default(),
                        h.reason.clone().unwrap_or_default(),
                        h.accepted_at
                            .as_ref()
                            .map(time::rfc3339)
                            .unwrap_or_default(),
                    ]);
                    out.records.push(with_customer(h, slug));
                }
            }
            ExportKind::Customers | ExportKind::Contacts | ExportKind::Threads => {}
        }
    }
    Ok(out)
}

fn customer_matches(c: &Customer, filter: &ExportFilter) -> bool {
    (filter.owner.is_none() || c.owner == filter.owner)
        && (filter.team.is_none() || c.team == filter.team)
}

fn in_period(t: &Timestamp, filter: &ExportFilter) -> bool {
    filter.since.is_none_or(|s| *t >= s) && filter.until.is_none_or(|u| *t < u)
}

/// Adds `corrections` (how the record was corrected, by whom and when) to a corrected record's
/// JSON; the record itself is already the corrected one.
fn corrected(
    mut value: serde_json::Value,
    marks: &std::collections::HashMap<
        crate::model::RecordId,
        Vec<crate::store::corrected::CorrectionMark>,
    >,
    id: crate::model::RecordId,
) -> serde_json::Value {
    if let (Some(map), Some(list)) = (value.as_object_mut(), marks.get(&id)) {
        map.insert(
            "corrections".into(),
            serde_json::to_value(list).unwrap_or_default(),
        );
    }
    value
}

fn with_customer<T: Serialize>(record: &T, slug: &str) -> serde_json::Value {
    let mut value = serde_json::to_value(record).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert("customer".into(), slug.into());
    }
    value
}

/// A contact as one line, the way `--contact` and the importer's `contacts` read it.
pub fn contact_line(c: &Contact) -> String {
    let mut line = match &c.email {
        Some(email) => format!("{} <{email}>", c.name),
        None => c.name.clone(),
    };
    if let Some(phone) = &c.phone {
        line.push_str(&format!(";phone={phone}"));
    }
    if let Some(role) = &c.role {
        line.push_str(&format!(";role={role}"));
    }
    line
}

fn scalar_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// One row per contact, with its customer's slug.
fn contacts_export(customers: &[Customer]) -> Export {
    let mut out = Export {
        columns: fixed_columns(ExportKind::Contacts)
            .iter()
            .map(|c| c.to_string())
            .collect(),
        ..Export::default()
    };
    for c in customers {
        for contact in &c.contacts {
            let uid = contact
                .extra
                .get(crate::ingest::vcf::UID_KEY)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            out.rows.push(vec![
                c.slug.clone(),
                contact.name.clone(),
                contact.email.clone().unwrap_or_default(),
                contact.phone.clone().unwrap_or_default(),
                contact.role.clone().unwrap_or_default(),
                uid.to_string(),
            ]);
            out.records.push(with_customer(contact, &c.slug));
        }
    }
    out
}

/// The customers an export of contacts covers, for `--format vcf`.
pub fn contact_customers(store: &Store, filter: &ExportFilter) -> Result<Vec<Customer>> {
    for slug in &filter.customers {
        store.require_customer(slug)?;
    }
    let slugs = if filter.customers.is_empty() {
        store.customer_slugs()?
    } else {
        filter.customers.clone()
    };
    filtered_customers(store, &slugs, filter)
}

/// The customers of `slugs` that pass the filter (owner, team, created in the period, tags).
fn filtered_customers(
    store: &Store,
    slugs: &[String],
    filter: &ExportFilter,
) -> Result<Vec<Customer>> {
    Ok(slugs
        .par_iter()
        .map(|s| store.load_customer(s))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .filter(|c| customer_matches(c, filter))
        .filter(|c| in_period(&c.created, filter))
        .filter(|c| filter.tags.iter().all(|t| c.tags.contains(t)))
        .collect())
}

fn customers_export(customers: &[Customer]) -> Export {
    let systems: BTreeSet<&String> = customers
        .iter()
        .flat_map(|c| c.external_ids.keys())
        .collect();
    let fields: BTreeSet<&String> = customers.iter().flat_map(|c| c.fields.keys()).collect();
    let mut columns: Vec<String> = fixed_columns(ExportKind::Customers)
        .iter()
        .map(|c| c.to_string())
        .collect();
    // `domains` is a column only when a customer has some, so exports of stores without any
    // keep their columns.
    let with_domains = customers.iter().any(|c| !c.domains.is_empty());
    if with_domains {
        columns.push("domains".into());
    }
    columns.extend(systems.iter().map(|s| format!("external_ids.{s}")));
    columns.extend(fields.iter().map(|f| format!("fields.{f}")));
    let rows = customers
        .iter()
        .map(|c| {
            let mut row = vec![
                c.id.to_string(),
                c.slug.clone(),
                c.name.clone(),
                c.kind.to_string(),
                c.status.to_string(),
                c.owner.clone().unwrap_or_default(),
                c.team.clone().unwrap_or_default(),
                c.tags.join(", "),
                c.contacts
                    .iter()
                    .map(contact_line)
                    .collect::<Vec<_>>()
                    .join("\n"),
                time::rfc3339(&c.created),
                c.archived.as_ref().map(time::rfc3339).unwrap_or_default(),
            ];
            if with_domains {
                row.push(c.domains.join(", "));
            }
            row.extend(
                systems
                    .iter()
                    .map(|s| c.external_ids.get(*s).cloned().unwrap_or_default()),
            );
            row.extend(
                fields
                    .iter()
                    .map(|f| c.fields.get(*f).map(scalar_text).unwrap_or_default()),
            );
            row
        })
        .collect();
    Export {
        columns,
        rows,
        records: customers
            .iter()
            .map(|c| serde_json::to_value(c).unwrap_or_default())
            .collect(),
    }
}
