//! `git crm customer add|list|show|edit|rename|archive`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::model::RecordKind;
use git_crm::model::records::{CustomerKind, CustomerStatus};
use git_crm::model::text::escape;
use git_crm::model::time;
use git_crm::ops::customer::{self, CustomerInput, EditRequest, ListQuery, SortKey};
use git_crm::ops::parse_assignment;
use git_crm::render::{self, Format};
use git_crm::timeline::card::card;

use super::args::split_list;
use super::output::{finish, print};
use super::{Ctx, WriteArgs, prompt};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer.
    Add {
        /// Display name (asked on a terminal when missing).
        name: Option<String>,
        /// Folder name and handle of the customer (default: derived from the name).
        #[arg(long)]
        slug: Option<String>,
        /// Company or person.
        #[arg(long, value_enum, default_value_t = CustomerKind::Company)]
        kind: CustomerKind,
        /// Where the relationship stands.
        #[arg(long, value_enum, default_value_t = CustomerStatus::Lead)]
        status: CustomerStatus,
        /// Owner handle (default: you).
        #[arg(long)]
        owner: Option<String>,
        /// Team (default: the owner's first team).
        #[arg(long)]
        team: Option<String>,
        /// Tags (repeatable, or comma-separated).
        #[arg(long)]
        tag: Vec<String>,
        /// A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable).
        #[arg(long)]
        contact: Vec<String>,
        /// A custom field `key=value` (repeatable).
        #[arg(long)]
        field: Vec<String>,
        /// An id in another system, `source=key` (repeatable).
        #[arg(long)]
        external_id: Vec<String>,
        /// A mail domain of the customer, e.g. `acme.example` (repeatable, or comma-separated):
        /// ingested mail from that domain belongs to it.
        #[arg(long)]
        domain: Vec<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// List customers.
    List {
        /// Only these statuses (repeatable).
        #[arg(long, value_enum)]
        status: Vec<CustomerStatus>,
        /// Only customers owned by this person.
        #[arg(long)]
        owner: Option<String>,
        /// Only customers of this team.
        #[arg(long)]
        team: Option<String>,
        /// Only customers with all these tags.
        #[arg(long)]
        tag: Vec<String>,
        /// Include archived customers.
        #[arg(long)]
        archived: bool,
        /// Sort by this column.
        #[arg(long, value_enum, default_value_t = SortKey::Slug)]
        sort: SortKey,
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show a customer's card: fields, contacts, open threads, last touchpoint, pending handoff.
    Show {
        /// The customer: its slug, or a contact's email or phone.
        slug: String,
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t)]
        format: super::args::TextJson,
        #[command(flatten)]
        view: super::view::ViewArg,
    },
    /// Edit fields in place (comments and unknown keys in the file are kept).
    Edit {
        /// The customer: its slug, or a contact's email or phone.
        slug: String,
        /// `key=value` for name, kind, status, tags, domains, fields.<name>, external_ids.<source>.
        #[arg(long)]
        set: Vec<String>,
        /// Remove an optional field.
        #[arg(long)]
        unset: Vec<String>,
        /// Add a tag (repeatable; comma-separated lists work too).
        #[arg(long)]
        add_tag: Vec<String>,
        /// Remove a tag (repeatable).
        #[arg(long)]
        remove_tag: Vec<String>,
        /// `Name <email>;phone=...;role=...`
        #[arg(long)]
        add_contact: Vec<String>,
        /// A contact's name or email.
        #[arg(long)]
        remove_contact: Vec<String>,
        /// `fields.<name>=value` sealed to --team (its members and you), kept under
        /// `restricted_fields`.
        #[arg(long, value_name = "fields.NAME=VALUE", requires = "team")]
        set_restricted: Vec<String>,
        /// The team restricted values are kept to.
        #[arg(long, requires = "set_restricted")]
        team: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Give a customer a new slug (moves its folder, keeps its id) and/or a new name.
    Rename {
        /// The customer: its slug, or a contact's email or phone.
        slug: String,
        /// The new slug (the folder moves; the old slug keeps pointing to the new one).
        new_slug: Option<String>,
        /// The new display name.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Archive a customer (nothing is deleted); --undo brings it back.
    Archive {
        /// The customer: its slug, or a contact's email or phone.
        slug: String,
        /// Unarchive instead.
        #[arg(long)]
        undo: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run(ctx: &Ctx, cmd: CustomerCommand) -> Result<i32> {
    match cmd {
        CustomerCommand::Add {
            name,
            slug,
            kind,
            status,
            owner,
            team,
            tag,
            contact,
            field,
            external_id,
            domain,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let name = prompt::text(name, "NAME", "Customer name")?;
            let input = CustomerInput {
                name,
                slug,
                kind,
                status,
                owner,
                team,
                tags: split_list(&tag),
                contacts: contact
                    .iter()
                    .map(|c| customer::parse_contact(c))
                    .collect::<git_crm::Result<_>>()?,
                fields: field
                    .iter()
                    .map(|f| parse_assignment(f))
                    .collect::<git_crm::Result<_>>()?,
                external_ids: external_id
                    .iter()
                    .map(|f| parse_assignment(f))
                    .collect::<git_crm::Result<_>>()?,
                domains: customer::parse_domains(&domain.join(","))?,
            };
            let planned = customer::add(&ctx.store, &actor, input)?;
            let slug = planned.record.slug.clone();
            finish(&txn, &planned, &write, "added customer", &slug)
        }
        CustomerCommand::List {
            status,
            owner,
            team,
            tag,
            archived,
            sort,
            format,
        } => {
            let query = ListQuery {
                statuses: status,
                owner,
                team,
                tags: split_list(&tag),
                archived,
                sort,
            };
            list(ctx, &query, format)
        }
        CustomerCommand::Show { slug, format, view } => show(ctx, &slug, format.into(), &view),
        CustomerCommand::Edit {
            slug,
            set,
            unset,
            add_tag,
            remove_tag,
            add_contact,
            remove_contact,
            set_restricted,
            team,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            if let Some(team) = team {
                let others = !set.is_empty()
                    || !unset.is_empty()
                    || !add_tag.is_empty()
                    || !remove_tag.is_empty()
                    || !add_contact.is_empty()
                    || !remove_contact.is_empty();
                if others {
                    anyhow::bail!(git_crm::Error::usage(
                        "--set-restricted is one commit of its own",
                        Some("run the other edits in a separate `customer edit`".into()),
                    ));
                }
                let assignments = set_restricted
                    .iter()
                    .map(|s| parse_assignment(s))
                    .collect::<git_crm::Result<Vec<_>>>()?;
                let planned = git_crm::ops::access::set_restricted_fields(
                    &ctx.store,
                    &actor,
                    &slug,
                    &assignments,
                    &team,
                )?;
                return finish(&txn, &planned, &write, "updated customer", &slug);
            }
            let mut requests = Vec::new();
            for s in &set {
                let (k, v) = parse_assignment(s)?;
                requests.push(EditRequest::Set(k, v));
            }
            requests.extend(unset.into_iter().map(EditRequest::Unset));
            requests.extend(split_list(&add_tag).into_iter().map(EditRequest::AddTag));
            requests.extend(
                split_list(&remove_tag)
                    .into_iter()
                    .map(EditRequest::RemoveTag),
            );
            // Removals first, so that removing and adding one address replaces the contact.
            requests.extend(remove_contact.into_iter().map(EditRequest::RemoveContact));
            for c in &add_contact {
                requests.push(EditRequest::AddContact(customer::parse_contact(c)?));
            }
            let planned = customer::edit(&ctx.store, &actor, &slug, &requests)?;
            let slug = planned.record.slug.clone();
            finish(&txn, &planned, &write, "updated customer", &slug)
        }
        CustomerCommand::Rename {
            slug,
            new_slug,
            name,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = customer::rename(
                &ctx.store,
                &actor,
                &slug,
                new_slug.as_deref(),
                name.as_deref(),
            )?;
            let target = planned.record.slug.clone();
            finish(&txn, &planned, &write, "renamed customer", &target)
        }
        CustomerCommand::Archive { slug, undo, write } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = customer::archive(&ctx.store, &actor, &slug, undo)?;
            let slug = planned
                .path
                .split('/')
                .nth(1)
                .unwrap_or_default()
                .to_string();
            finish(
                &txn,
                &planned,
                &write,
                if undo {
                    "unarchived customer"
                } else {
                    "archived customer"
                },
                &slug,
            )
        }
    }
}

fn list(ctx: &Ctx, query: &ListQuery, format: Format) -> Result<i32> {
    let rows = customer::list(&ctx.store, query)?;
    let now = time::now();
    let headers = [
        "slug",
        "name",
        "status",
        "owner",
        "team",
        "tags",
        "last touchpoint",
    ];
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let c = &r.customer;
            let last = match format {
                Format::Table => r.last_touchpoint.map(|t| render::age(&t, &now)),
                _ => r.last_touchpoint.map(|t| time::rfc3339(&t)),
            };
            vec![
                c.slug.clone(),
                c.name.clone(),
                c.status.to_string()
                    + if c.archived.is_some() {
                        " (archived)"
                    } else {
                        ""
                    },
                c.owner.clone().unwrap_or_default(),
                c.team.clone().unwrap_or_default(),
                c.tags.join(", "),
                last.unwrap_or_else(|| "never".into()),
            ]
        })
        .collect();
    print(&render::listing(
        &ctx.ui,
        format,
        "customers",
        &rows,
        &headers,
        &table_rows,
    ))?;
    Ok(0)
}

fn show(ctx: &Ctx, slug: &str, format: Format, view: &super::view::ViewArg) -> Result<i32> {
    let view = view.resolve(ctx)?;
    let slug = ctx.store.resolve_customer(slug)?;
    let bundle = ctx.store.load_bundle(&slug)?;
    let (bundle, hidden) = git_crm::ops::views::filter_bundle(&bundle, &view);
    let card = card(&bundle);
    if format == Format::Json {
        /// `customer show --format json`: the card, and the view it was seen through.
        #[derive(serde::Serialize)]
        struct Document<'a, C> {
            card: &'a C,
            view: serde_json::Value,
        }
        print(&render::json_of(&Document {
            card: &card,
            view: view.json(hidden),
        }))?;
        return Ok(0);
    }
    let zone = ctx.store.zone();
    let c = &card.customer;
    let mut out = format!("{} ({})\n", escape(&c.name), escape(&c.slug));
    let mut line = |k: &str, v: String| out.push_str(&format!("  {k:<16} {}\n", escape(&v)));
    line("id", c.id.to_string());
    line("kind", c.kind.to_string());
    line(
        "status",
        c.status.to_string()
            + &c.archived
                .map(|a| format!(" (archived {})", render::short_time(&a, zone)))
                .unwrap_or_default(),
    );
    line(
        "owner",
        format!(
            "{}{}",
            c.owner.as_deref().unwrap_or("nobody"),
            c.team
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default()
        ),
    );
    if !c.tags.is_empty() {
        line("tags", c.tags.join(", "));
    }
    line("created", render::short_time(&c.created, zone));
    for (k, v) in customer::field_pairs(c) {
        line(&format!("fields.{k}"), v);
    }
    for (k, v) in &c.external_ids {
        line(&format!("external_ids.{k}"), v.clone());
    }
    line("touchpoints", card.touchpoints.to_string());
    line("notes", card.notes.to_string());
    match &card.last_touchpoint {
        Some(i) => line(
            "last touchpoint",
            format!(
                "{} {} {} by {}: {}",
                render::short_time(&i.at, zone),
                i.direction,
                i.channel,
                i.by,
                i.summary
            ),
        ),
        None => line("last touchpoint", "never".into()),
    }
    if let Some(h) = &card.pending_handoff {
        line(
            "pending handoff",
            format!(
                "{} -> {} since {} ({})",
                h.from,
                h.to,
                render::short_time(&h.at, zone),
                h.id.short()
            ),
        );
    }
    if !c.contacts.is_empty() {
        out.push_str("\nContacts\n");
        for k in &c.contacts {
            let parts: Vec<String> = [
                Some(k.name.clone()),
                k.email.clone(),
                k.phone.clone(),
                k.role.clone(),
            ]
            .into_iter()
            .flatten()
            .collect();
            out.push_str(&format!("  {}\n", escape(&parts.join(" | "))));
        }
    }
    for kind in view.order(&[RecordKind::Interaction, RecordKind::Task]) {
        match kind {
            RecordKind::Interaction => open_threads(&mut out, &card, zone),
            RecordKind::Task => open_tasks(&mut out, &card),
            _ => {}
        }
    }
    if !card.documents.is_empty() {
        out.push_str(&format!("\nDocuments ({})\n", card.documents.len()));
        for d in &card.documents {
            out.push_str(&format!(
                "  {} {}: {}\n",
                d.id.short(),
                render::short_time(&d.at, zone),
                escape(&git_crm::ops::documents::describe(d))
            ));
        }
    }
    out.push_str(&super::view::note_line(
        super::view::hidden_note(&view, hidden, "record", "records"),
        "",
    ));
    print(&out)?;
    Ok(0)
}

fn open_threads(out: &mut String, card: &git_crm::timeline::card::Card, zone: chrono_tz::Tz) {
    out.push_str(&format!("\nOpen threads ({})\n", card.open_threads.len()));
    for t in &card.open_threads {
        let waiting = if t.awaiting_reply {
            "awaiting reply"
        } else {
            "open"
        };
        out.push_str(&format!(
            "  #{} {} since {}, {} touchpoints, {waiting}: {}\n",
            &t.thread[..4],
            escape(&t.channel),
            render::short_time(&t.started_at, zone),
            t.touchpoints,
            escape(&t.subject)
        ));
    }
}

fn open_tasks(out: &mut String, card: &git_crm::timeline::card::Card) {
    if !card.open_tasks.is_empty() {
        out.push_str(&format!("\nOpen tasks ({})\n", card.open_tasks.len()));
        for t in &card.open_tasks {
            let due = t.due.map(|d| format!(" due {d}")).unwrap_or_default();
            out.push_str(&format!(
                "  {} {}{due}: {}\n",
                t.id.short(),
                escape(t.assignee.as_deref().unwrap_or("nobody")),
                escape(&t.title)
            ));
        }
    }
}

impl CustomerCommand {
    /// Whether the subcommand prints a report worth paging.
    pub fn pages(&self) -> bool {
        matches!(
            self,
            CustomerCommand::List { .. } | CustomerCommand::Show { .. }
        )
    }
}
