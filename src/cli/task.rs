//! `git crm task add|list|done`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::model::time;
use git_crm::ops::task::{TaskQuery, add, done, list};
use git_crm::render::{self, Format};

use super::output::{finish, print};
use super::{Ctx, WriteArgs};

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Add a follow-up task on a customer.
    Add {
        customer: String,
        title: String,
        /// Who does it (default: you).
        #[arg(long)]
        assignee: Option<String>,
        /// Due date: 2026-12-01, `tomorrow`, `+3d`.
        #[arg(long)]
        due: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// List open tasks (soonest due first).
    List {
        /// Only tasks assigned to you.
        #[arg(long)]
        mine: bool,
        #[arg(long)]
        assignee: Option<String>,
        /// Only tasks past their due date.
        #[arg(long)]
        overdue: bool,
        /// Include done tasks.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        customer: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Mark a task done (by id prefix).
    Done {
        id: String,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run(ctx: &Ctx, cmd: TaskCommand) -> Result<i32> {
    match cmd {
        TaskCommand::Add {
            customer,
            title,
            assignee,
            due,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let due = due
                .map(|d| time::parse_date(&d, time::now(), ctx.store.zone()))
                .transpose()
                .map_err(|e| git_crm::Error::usage(format!("--due: {e}"), None))?;
            let planned = add(&ctx.store, &actor, &customer, &title, assignee, due)?;
            let id = planned.record.id.short();
            finish(&txn, &planned, &write, "added task", &id)
        }
        TaskCommand::List {
            mine,
            assignee,
            overdue,
            all,
            customer,
            format,
        } => {
            let assignee = if mine { Some(ctx.actor()?) } else { assignee };
            let query = TaskQuery {
                customer,
                assignee,
                overdue,
                all,
                today: Some(time::now().with_timezone(&ctx.store.zone()).date_naive()),
            };
            let rows = list(&ctx.store, &query)?;
            let headers = ["id", "customer", "assignee", "due", "title", "state"];
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let t = &r.task;
                    let state = match (t.done_at, r.overdue) {
                        (Some(_), _) => "done",
                        (None, true) => "overdue",
                        (None, false) => "open",
                    };
                    vec![
                        t.id.short(),
                        r.customer.clone(),
                        t.assignee.clone().unwrap_or_default(),
                        t.due.map(|d| d.to_string()).unwrap_or_default(),
                        t.title.clone(),
                        state.into(),
                    ]
                })
                .collect();
            print(&render::listing(
                &ctx.ui, format, "tasks", &rows, &headers, &table,
            ))?;
            Ok(0)
        }
        TaskCommand::Done { id, write } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = done(&ctx.store, &actor, &id)?;
            let short = planned.record.id.short();
            finish(&txn, &planned, &write, "done task", &short)
        }
    }
}
