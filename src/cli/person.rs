//! `git crm person add|list` and `git crm team add|list`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::ops::people::{PersonInput, add_person, add_team_with_emails, set_away};
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
        /// Display name (becomes the author name of their commits).
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
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Mark a person away (holidays, leave): their customers' inbound threads wait in their
    /// team's queue meanwhile (`git crm inbox --team <team>`).
    Away {
        /// The person's handle.
        handle: String,
        /// The last day away (included): 2026-12-04, `friday`, `+2w`, ...
        #[arg(long)]
        until: String,
        /// The first day away (default: now).
        #[arg(long)]
        from: Option<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Mark a person back from being away.
    Back {
        /// The person's handle.
        handle: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Public keys for restricted content.
    #[command(subcommand)]
    Key(super::access::KeyCommand),
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Add a team.
    Add {
        /// The team's name: lowercase letters, digits and `-` (`support`).
        name: String,
        /// Calendar (defined under `calendars:` in the config) for business-hours metrics.
        #[arg(long)]
        calendar: Option<String>,
        /// What the team does (shown by `team list`).
        #[arg(long)]
        description: Option<String>,
        /// A shared mail address of the team, e.g. `support@agency.example` (repeatable):
        /// ingested mail from or to it is the team's.
        #[arg(long)]
        email: Vec<String>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// List teams.
    List {
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Add a person to a team.
    Join {
        /// The team.
        team: String,
        /// The person's handle.
        handle: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a person from a team (rekey the team afterwards).
    Leave {
        /// The team.
        team: String,
        /// The person's handle.
        handle: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Re-seal everything restricted to the team to its current members, in one commit
    /// (needs a local identity that can read it).
    Rekey {
        /// The team.
        team: String,
        #[command(flatten)]
        write: WriteArgs,
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
        PersonCommand::Away {
            handle,
            until,
            from,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let until = super::args::day(ctx, &until, "--until")?;
            let from = from
                .map(|f| super::args::day(ctx, &f, "--from"))
                .transpose()?;
            let planned = set_away(&ctx.store, &actor, &handle, from, Some(until))?;
            finish(
                &txn,
                &planned,
                &write,
                &format!("{handle} is away until {until}; config"),
                "updated",
            )
        }
        PersonCommand::Back { handle, write } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = set_away(&ctx.store, &actor, &handle, None, None)?;
            finish(
                &txn,
                &planned,
                &write,
                &format!("{handle} is back; config"),
                "updated",
            )
        }
        PersonCommand::Key(cmd) => super::access::run_key(ctx, cmd),
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
                        p.away
                            .as_ref()
                            .map(|a| format!("until {}", a.until))
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            let headers = ["handle", "name", "emails", "teams", "role", "away"];
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
            email,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned =
                add_team_with_emails(&ctx.store, &actor, &name, calendar, description, email)?;
            finish(&txn, &planned, &write, "added team", &name)
        }
        TeamCommand::Join {
            team,
            handle,
            write,
        } => super::access::join(ctx, &team, &handle, &write),
        TeamCommand::Leave {
            team,
            handle,
            write,
        } => super::access::leave(ctx, &team, &handle, &write),
        TeamCommand::Rekey { team, write } => super::access::rekey(ctx, &team, &write),
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
