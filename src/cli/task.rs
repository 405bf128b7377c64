//! `git crm task add|list|done`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::model::recurrence::Every;
use git_crm::model::time;
use git_crm::ops::task::{NewTask, TaskEdit, TaskQuery, add_task, done, edit, list, reopen};
use git_crm::render::columns::Marked;
use git_crm::render::{self, Format};

use super::output::{finish, print};
use super::{Ctx, WriteArgs};

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Add a follow-up task on a customer.
    Add {
        /// The customer: its slug, or a contact's email or phone.
        customer: String,
        /// What is to be done (one line).
        title: String,
        /// Who does it (default: you).
        #[arg(long)]
        assignee: Option<String>,
        /// Due date: 2026-12-01, `tomorrow`, `friday`, `next monday`, `+3d`, `in 2 weeks`.
        #[arg(long)]
        due: Option<String>,
        /// Make it recurring: 3d, 1w, 2w, 1mo (or daily, weekly, monthly). The next occurrence
        /// is added when this one is done, due `every` after this one's due date (default due:
        /// today).
        #[arg(long, value_name = "INTERVAL")]
        every: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Change a task in place: title, due date, assignee (reassign), recurrence.
    Edit {
        /// The task (a short id prefix from `task list`).
        id: String,
        /// The new title.
        #[arg(long)]
        title: Option<String>,
        /// The new due date (same forms as `task add --due`).
        #[arg(long, conflicts_with = "no_due")]
        due: Option<String>,
        /// Remove the due date.
        #[arg(long)]
        no_due: bool,
        /// Reassign to this person.
        #[arg(long)]
        assignee: Option<String>,
        /// Make a series recur at this interval (1w, 1mo, ...), or `never` to end it.
        #[arg(long, value_name = "INTERVAL")]
        every: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Open a done task again.
    Reopen {
        /// The task (a short id prefix from `task list --all`).
        id: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// List open tasks (soonest due first).
    List {
        /// Only tasks assigned to you.
        #[arg(long)]
        mine: bool,
        /// Only tasks assigned to this person.
        #[arg(long)]
        assignee: Option<String>,
        /// Only tasks past their due date.
        #[arg(long)]
        overdue: bool,
        /// Include done tasks.
        #[arg(long)]
        all: bool,
        /// Only tasks of this customer (slug, or a contact's email or phone).
        #[arg(long)]
        customer: Option<String>,
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Mark a task done (by id prefix); for a recurring task, this adds the next occurrence.
    Done {
        /// The task (a prefix of its id, as `task list` shows it).
        id: String,
        #[command(flatten)]
        write: WriteArgs,
    },
}

fn parse_every(text: &str) -> Result<Every> {
    Every::parse(text).map_err(|why| git_crm::Error::usage(format!("--every: {why}"), None).into())
}

pub fn run(ctx: &Ctx, cmd: TaskCommand) -> Result<i32> {
    match cmd {
        TaskCommand::Add {
            customer,
            title,
            assignee,
            due,
            every,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let due = due.map(|d| super::args::due(ctx, &d)).transpose()?;
            let every = every.as_deref().map(parse_every).transpose()?;
            let input = NewTask {
                customer,
                title,
                assignee,
                due,
                every,
            };
            let planned = add_task(&ctx.store, &actor, input)?;
            let id = planned.record.id.short();
            finish(&txn, &planned, &write, "added task", &id)
        }
        TaskCommand::Edit {
            id,
            title,
            due,
            no_due,
            assignee,
            every,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let due = match (due, no_due) {
                (_, true) => Some(None),
                (Some(d), false) => Some(Some(super::args::due(ctx, &d)?)),
                (None, false) => None,
            };
            let every = match every.as_deref() {
                Some("never" | "none" | "off") => Some(None),
                Some(text) => Some(Some(parse_every(text)?)),
                None => None,
            };
            let change = TaskEdit {
                title,
                due,
                assignee,
                every,
            };
            let planned = edit(&ctx.store, &actor, &id, &change)?;
            let short = planned.record.id.short();
            finish(&txn, &planned, &write, "updated task", &short)
        }
        TaskCommand::Reopen { id, write } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = reopen(&ctx.store, &actor, &id)?;
            let short = planned.record.id.short();
            finish(&txn, &planned, &write, "reopened task", &short)
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
            let table: Vec<Vec<Marked>> = rows
                .iter()
                .map(|r| {
                    let t = &r.task;
                    let state = match (t.done_at, r.overdue) {
                        (Some(_), _) => "done",
                        (None, true) => "overdue",
                        (None, false) => "open",
                    };
                    let every = r.every.map(|e| format!("({})", e.label()));
                    vec![
                        t.id.short().into(),
                        r.customer.clone().into(),
                        t.assignee.clone().unwrap_or_default().into(),
                        t.due.map(|d| d.to_string()).unwrap_or_default().into(),
                        Marked::new(t.title.clone(), every.unwrap_or_default()),
                        state.to_string().into(),
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

impl TaskCommand {
    /// Whether the subcommand prints a report worth paging.
    pub fn pages(&self) -> bool {
        matches!(self, TaskCommand::List { .. })
    }
}
