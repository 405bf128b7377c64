//! `git crm handoff list|accept`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::model::time;
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
        #[arg(long)]
        customer: Option<String>,
        /// Only handoffs to this person.
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Accept a handoff: by customer (its latest pending handoff) or by handoff id.
    Accept {
        target: String,
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
                "id", "customer", "at", "from", "to", "by", "accepted", "reason",
            ];
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let h = &r.handoff;
                    let accepted = match r.accepted {
                        Some((a, git_crm::model::records::Acceptance::Explicit)) => {
                            render::short_time(&a, zone)
                        }
                        Some((a, _)) => {
                            format!("{} (first activity)", render::short_time(&a, zone))
                        }
                        None => format!("pending ({})", render::age(&h.at, &now)),
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
        HandoffCommand::Accept { target, write } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = git_crm::ops::assign::accept(&ctx.store, &actor, &target)?;
            let id = planned.record.id.short();
            finish(&txn, &planned, &write, "accepted handoff", &id)
        }
    }
}
