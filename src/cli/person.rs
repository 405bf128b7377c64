//! `git crm person add|list` and `git crm team add|list`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::ops::people::{PersonInput, add_person, add_team};
use git_crm::render::{self, Format};

use super::args::split_list;
use super::output::{finish, print};
use super::{Ctx, WriteArgs, prompt};

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person.
    Add {
        /// Short lowercase handle (`alice`).
        handle: String,
        #[arg(long)]
        name: Option<String>,
        /// Email addresses (repeatable); they identify the person from git config.
        #[arg(long)]
        email: Vec<String>,
        /// Teams (repeatable; the first is the default team of their customers).
        #[arg(long)]
        team: Vec<String>,
        /// Role, for views (`sales`, `support`, `finance`, ...).
        #[arg(long)]
        role: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// List people.
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Add a team.
    Add {
        name: String,
        /// Calendar (defined under `calendars:` in the config) for business-hours metrics.
        #[arg(long)]
        calendar: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// List teams.
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

pub fn run_person(ctx: &Ctx, cmd: PersonCommand) -> Result<i32> {
    match cmd {
        PersonCommand::Add {
            handle,
            name,
            email,
            team,
            role,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let name = prompt::text(name, "--name", "Full name")?;
            let input = PersonInput {
                handle: handle.clone(),
                name,
                emails: split_list(&email),
                teams: split_list(&team),
                role,
            };
            let planned = add_person(&ctx.store, &actor, input)?;
            finish(&txn, &planned, &write, "added person", &handle)
        }
        PersonCommand::List { format } => {
            let people = &ctx.store.config().people;
            let rows: Vec<Vec<String>> = people
                .iter()
                .map(|(h, p)| {
                    vec![
                        h.clone(),
                        p.name.clone(),
                        p.emails.join(", "),
                        p.teams.join(", "),
                        p.role.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            let headers = ["handle", "name", "emails", "teams", "role"];
            print(&render::listing(
                &ctx.ui, format, "people", people, &headers, &rows,
            ))?;
            Ok(0)
        }
    }
}

pub fn run_team(ctx: &Ctx, cmd: TeamCommand) -> Result<i32> {
    match cmd {
        TeamCommand::Add {
            name,
            calendar,
            description,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = add_team(&ctx.store, &actor, &name, calendar, description)?;
            finish(&txn, &planned, &write, "added team", &name)
        }
        TeamCommand::List { format } => {
            let config = ctx.store.config();
            let rows: Vec<Vec<String>> = config
                .teams
                .iter()
                .map(|(name, t)| {
                    let members: Vec<&str> = config
                        .people
                        .iter()
                        .filter(|(_, p)| p.teams.contains(name))
                        .map(|(h, _)| h.as_str())
                        .collect();
                    vec![
                        name.clone(),
                        t.calendar.clone().unwrap_or_default(),
                        members.join(", "),
                        t.description.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            let headers = ["team", "calendar", "members", "description"];
            print(&render::listing(
                &ctx.ui,
                format,
                "teams",
                &config.teams,
                &headers,
                &rows,
            ))?;
            Ok(0)
        }
    }
}
