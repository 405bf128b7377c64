//! `git crm handoff list|accept`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::model::handoffs::HandoffState;
use git_crm::model::time;
use git_crm::ops::assign::{self, Answer};
use git_crm::render::{self, Format};

use super::output::{finish, print};
use super::{Ctx, WriteArgs};

#[derive(Debug, Subcommand)]
pub enum HandoffCommand {
    /// List handoffs, oldest first.
    List {
        /// Only handoffs not yet accepted.
        #[arg(long)]
        pending: bool,
        /// Only handoffs of this customer (slug, or a contact's email or phone).
        #[arg(long)]
        customer: Option<String>,
        /// Only handoffs to this person.
        #[arg(long)]
        to: Option<String>,
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Accept a handoff to you: by handoff id, or by customer (its latest handoff).
    Accept {
        /// The handoff (a prefix of its id), or a customer: its slug, or a contact's email or
        /// phone (its latest handoff).
        target: String,
        /// Accept for the receiving person (recorded as `on_behalf_of`).
        #[arg(long, value_name = "HANDLE")]
        on_behalf_of: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Decline a handoff to you: ownership goes back to the previous owner, in one commit.
    Decline {
        /// A handoff id prefix, or a customer (slug, or a contact's email or phone).
        target: String,
        /// Why (required; the previous owner reads it).
        #[arg(long)]
        reason: String,
        /// Decline for the receiving person (recorded as `on_behalf_of`).
        #[arg(long, value_name = "HANDLE")]
        on_behalf_of: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run(ctx: &Ctx, cmd: HandoffCommand) -> Result<i32> {
    match cmd {
        HandoffCommand::List {
            pending,
            customer,
            to,
            format,
        } => {
            let rows = git_crm::ops::assign::list(
                &ctx.store,
                customer.as_deref(),
                pending,
                to.as_deref(),
            )?;
            let zone = ctx.store.zone();
            let now = time::now();
            let headers = [
                "id", "customer", "at", "from", "to", "by", "state", "reason",
            ];
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let h = &r.handoff;
                    // When it happened is in `--format json`; the list says the state.
                    let accepted = match &r.status {
                        HandoffState::Accepted {
                            how: git_crm::model::records::Acceptance::Explicit,
                            ..
                        } => "accepted".to_string(),
                        HandoffState::Accepted { .. } => "taken over".to_string(),
                        HandoffState::Declined { by, .. } => format!("declined by {by}"),
                        HandoffState::Superseded { by, .. } => format!("superseded by {by}"),
                        HandoffState::Pending => format!(
                            "pending {}",
                            render::age(&h.at, &now).trim_end_matches(" ago")
                        ),
                    };
                    vec![
                        h.id.short(),
                        r.customer.clone(),
                        render::short_time(&h.at, zone),
                        h.from.to_string(),
                        h.to.to_string(),
                        h.by.clone(),
                        accepted,
                        h.reason.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            print(&render::listing(
                &ctx.ui, format, "handoffs", &rows, &headers, &table,
            ))?;
            Ok(0)
        }
        HandoffCommand::Accept {
            target,
            on_behalf_of,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let answer = Answer {
                on_behalf_of,
                reason: None,
            };
            let planned = assign::accept_as(&ctx.store, &actor, &target, &answer)?;
            let id = planned.record.id.short();
            finish(&txn, &planned, &write, "accepted handoff", &id)
        }
        HandoffCommand::Decline {
            target,
            reason,
            on_behalf_of,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let answer = Answer {
                on_behalf_of,
                reason: Some(reason),
            };
            let planned = assign::decline(&ctx.store, &actor, &target, &answer)?;
            let id = planned.record.id.short();
            let slug = planned.path.split('/').nth(1).unwrap_or_default();
            let verb = format!(
                "{} owns {slug} again; declined handoff",
                planned.record.from
            );
            finish(&txn, &planned, &write, &verb, &id)
        }
    }
}

impl HandoffCommand {
    /// Whether the subcommand prints a report worth paging.
    pub fn pages(&self) -> bool {
        matches!(self, HandoffCommand::List { .. })
    }
}
