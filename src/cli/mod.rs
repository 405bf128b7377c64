//! Command-line front end: clap types and one module per subcommand. Commands parse arguments,
//! call the library and render; the domain logic lives in the library.

mod access;
mod args;
mod assign;
mod check;
mod command_error;
mod completions;
mod correct;
mod customer;
mod demo;
mod documents;
mod export;
mod find;
mod handoff;
mod history;
mod import;
mod inbox;
mod ingest;
mod init;
mod log;
mod merge_driver;
mod metrics;
mod note;
mod output;
mod pager;
mod person;
mod progress;
mod prompt;
mod review;
mod rules;
mod sync;
mod task;
mod timeline;
mod view;
mod vocabulary;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

use git_crm::Store;
use git_crm::render::Ui;

pub use args::WriteArgs;

/// A collaborative CRM that lives in a git repository.
#[derive(Debug, Parser)]
#[command(name = "git-crm", version, about, long_about = None, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// The store to use (default: found from the current directory, as git does).
    #[arg(long, global = true, env = "GITCRM_STORE", value_name = "DIR")]
    store: Option<PathBuf>,
    /// Act as this person (a handle from .gitcrm/config.yaml).
    #[arg(long = "as", global = true, env = "GITCRM_USER", value_name = "HANDLE")]
    acting: Option<String>,
    /// When to colour what means something (overdue, over target, new): on a terminal by
    /// default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    color: git_crm::render::ColorChoice,
    /// Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER,
    /// else `less`), as `git --no-pager` does.
    #[arg(long, global = true)]
    no_pager: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a store (or adopt an existing git repository as one).
    Init(init::InitArgs),
    /// Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and,
    /// with --hooks, the post-merge hook that runs event rules).
    Setup(init::SetupArgs),
    /// Manage the people of the store.
    #[command(subcommand)]
    Person(person::PersonCommand),
    /// Manage teams.
    #[command(subcommand)]
    Team(person::TeamCommand),
    /// Add, list, show, edit, rename and archive customers.
    #[command(subcommand)]
    Customer(customer::CustomerCommand),
    /// Log a touchpoint with a customer.
    Log(log::LogArgs),
    /// Add an internal note about a customer; @mentions name people.
    Note(note::NoteArgs),
    /// Attach files (proposals, contracts, invoices) to a customer as documents.
    Attach(documents::AttachArgs),
    /// List, show, fetch and open documents.
    #[command(subcommand)]
    Docs(documents::DocsCommand),
    /// Reassign a customer and record the handoff.
    Assign(assign::AssignArgs),
    /// Correct a touchpoint or note (summary, body, channel, time, direction, author, customer)
    /// with a correction record; history is never rewritten.
    Amend(correct::AmendArgs),
    /// Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted).
    Void(correct::VoidArgs),
    /// List, accept and decline handoffs.
    #[command(subcommand)]
    Handoff(handoff::HandoffCommand),
    /// Follow-up tasks.
    #[command(subcommand)]
    Task(task::TaskCommand),
    /// A customer's touchpoints, notes, handoffs and tasks in one chronological view.
    Timeline(timeline::TimelineArgs),
    /// Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked.
    Find(find::FindArgs),
    /// What needs you now: unanswered threads, handoffs to you, your tasks, mentions.
    Inbox(inbox::InboxArgs),
    /// Team metrics: first response, first contact resolution, handoffs, coverage, consistency.
    Metrics(metrics::MetricsArgs),
    /// Validate the whole store with named checks; report every problem.
    Check(check::CheckArgs),
    /// Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file.
    Import(import::ImportArgs),
    /// Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf).
    #[command(subcommand)]
    Ingest(ingest::IngestCommand),
    /// Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard.
    Export(export::ExportArgs),
    /// Summarise a branch for merge review: customers, reassignments, records, fields, problems.
    Review(review::ReviewArgs),
    /// Run the team's workflow rules (.gitcrm/rules.yaml) on the committed store, or test them.
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// A customer's git history in words: who changed what, when, in which commit.
    History(history::HistoryArgs),
    /// Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network).
    Sync(sync::SyncArgs),
    /// Build a demo agency store and show a short tour.
    Demo(demo::DemoArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page.
    Completions(completions::CompletionsArgs),
    /// The merge driver git calls for customer records (registered by init/setup).
    #[command(hide = true)]
    MergeDriver(merge_driver::MergeDriverArgs),
}

impl Command {
    /// Whether the command's output is a report people read, long enough to page.
    fn pages(&self) -> bool {
        match self {
            Command::Timeline(_)
            | Command::Inbox(_)
            | Command::Metrics(_)
            | Command::Check(_)
            | Command::Review(_)
            | Command::History(_) => true,
            Command::Customer(c) => c.pages(),
            Command::Handoff(c) => c.pages(),
            Command::Task(c) => c.pages(),
            _ => false,
        }
    }

    /// Whether the command reads every customer of the store (so a sparse checkout that
    /// leaves some out changes its answer, and it says which it could not read).
    fn reads_whole_store(&self) -> bool {
        match self {
            Command::Inbox(_) | Command::Metrics(_) | Command::Check(_) | Command::Find(_) => true,
            Command::Customer(c) => c.pages(),
            Command::Handoff(c) => c.pages(),
            Command::Task(c) => c.pages(),
            _ => false,
        }
    }
}

/// What every store command gets: the store, who may be acting, and the terminal.
pub struct Ctx {
    pub store: Store,
    acting: Option<String>,
    pub ui: Ui,
}

impl Ctx {
    fn new(cli: &Cli) -> Result<Self> {
        // `check` reports every problem of the config; every other command refuses one.
        let lenient = matches!(cli.command, Command::Check(_));
        let store = match (&cli.store, lenient) {
            (Some(dir), false) => Store::open(dir)?,
            (Some(dir), true) => Store::open_lenient(dir)?,
            (None, false) => Store::discover(&std::env::current_dir()?)?,
            (None, true) => Store::discover_lenient(&std::env::current_dir()?)?,
        };
        if let Some(recovery) = store.recover_if_idle()? {
            output::note(&recovery.describe());
        }
        let git_color = git_crm::git::local_config(store.repo_root(), "color.crm")
            .or_else(|| git_crm::git::local_config(store.repo_root(), "color.ui"));
        let ui = Ui::detect(cli.color, git_color.as_deref());
        if !cli.no_pager && ui.stdout_tty && cli.command.pages() {
            output::use_pager(pager::command(store.repo_root()));
        }
        Ok(Ctx {
            store,
            acting: cli.acting.clone(),
            ui,
        })
    }

    /// Starts a change: takes the store's write lock (held until the returned transaction
    /// drops), telling what it repaired of an interrupted earlier command, and resolves the
    /// acting person.
    pub fn begin_write(&self) -> Result<(String, git_crm::store::Transaction<'_>)> {
        let txn = self.store.begin()?;
        if let Some(recovery) = txn.recovered() {
            output::note(&recovery.describe());
        }
        Ok((self.actor()?, txn))
    }

    /// Names, on stderr, the customers this clone's sparse checkout leaves out, which a
    /// whole-store command cannot read here.
    fn warn_left_out(&self) -> Result<()> {
        let left_out = self.store.customers_left_out()?;
        if !left_out.is_empty() {
            output::warn(&format!(
                "this clone's sparse checkout leaves out {} customer{}, not read: {} (`git sparse-checkout add customers/<slug>` checks one out)",
                left_out.len(),
                if left_out.len() == 1 { "" } else { "s" },
                left_out.join(", ")
            ));
        }
        Ok(())
    }

    /// The handle of the acting person.
    pub fn actor(&self) -> Result<String> {
        Ok(git_crm::ops::resolve_actor(
            &self.store,
            self.acting.as_deref(),
        )?)
    }
}

/// The clap command, for completions and the man page.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    git_crm::store::snapshot::timing("start");
    let cli = Cli::parse();
    if let Err(err) = fix_clock_and_seed() {
        return command_error::report(err.into());
    }
    let code = match run(cli) {
        Ok(code) => code,
        Err(err) => command_error::report(err.into()),
    };
    output::close_pager();
    code
}

/// Honours `GITCRM_NOW` (an RFC 3339 instant or a date) and `GITCRM_SEED` (an integer), so a
/// test, a documentation run or a reproduced bug report sees the same clock and the same ids
/// every time.
fn fix_clock_and_seed() -> Result<()> {
    use git_crm::model::clock;
    if let Some(text) = std::env::var_os("GITCRM_NOW") {
        let text = text.to_string_lossy();
        let at = git_crm::model::time::parse_fixed_instant(&text).map_err(|why| {
            git_crm::Error::usage(
                format!("GITCRM_NOW: {why}"),
                Some("set it to an instant such as 2026-11-20T09:00:00Z, or unset it".into()),
            )
        })?;
        clock::fix_now(Some(at));
    }
    if let Some(text) = std::env::var_os("GITCRM_SEED") {
        let text = text.to_string_lossy();
        let seed = text.trim().parse::<u64>().map_err(|_| {
            git_crm::Error::usage(
                format!(
                    "GITCRM_SEED: `{}` is not a whole number",
                    git_crm::model::text::escape(&text)
                ),
                Some("set it to a number such as 42, or unset it".into()),
            )
        })?;
        clock::seed(Some(seed));
    }
    if let Some(text) = std::env::var_os("GITCRM_TEST_ABORT") {
        let point = text
            .to_string_lossy()
            .parse::<git_crm::store::AbortPoint>()
            .map_err(|why| git_crm::Error::usage(format!("GITCRM_TEST_ABORT: {why}"), None))?;
        git_crm::store::set_abort_point(Some(point));
    }
    Ok(())
}

fn run(cli: Cli) -> Result<i32> {
    match &cli.command {
        Command::Init(args) => return init::run(args, cli.acting.as_deref()),
        Command::Demo(args) => return demo::run(args),
        Command::Completions(args) => return completions::run(args),
        Command::MergeDriver(args) => return merge_driver::run(args),
        Command::Check(args) if args.list => return check::list(),
        _ => {}
    }
    let ctx = Ctx::new(&cli)?;
    if cli.command.reads_whole_store() {
        ctx.warn_left_out()?;
    }
    git_crm::store::snapshot::timing("store opened");
    match cli.command {
        Command::Setup(args) => init::setup(&ctx, &args),
        Command::Person(cmd) => person::run_person(&ctx, cmd),
        Command::Team(cmd) => person::run_team(&ctx, cmd),
        Command::Customer(cmd) => customer::run(&ctx, cmd),
        Command::Log(args) => log::run(&ctx, args),
        Command::Note(args) => note::run(&ctx, args),
        Command::Attach(args) => documents::attach(&ctx, args),
        Command::Docs(cmd) => documents::run(&ctx, cmd),
        Command::Assign(args) => assign::run(&ctx, args),
        Command::Amend(args) => correct::run_amend(&ctx, args),
        Command::Void(args) => correct::run_void(&ctx, args),
        Command::Handoff(cmd) => handoff::run(&ctx, cmd),
        Command::Task(cmd) => task::run(&ctx, cmd),
        Command::Timeline(args) => timeline::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Inbox(args) => inbox::run(&ctx, args),
        Command::Find(args) => find::run(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
        Command::History(args) => history::run(&ctx, args),
        Command::Review(args) => review::run(&ctx, args),
        Command::Rules(cmd) => rules::run(&ctx, cmd),
        Command::Metrics(args) => metrics::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Ingest(cmd) => ingest::run(&ctx, cmd),
        Command::Export(args) => export::run(&ctx, args),
        Command::Init(_) | Command::Demo(_) | Command::Completions(_) | Command::MergeDriver(_) => {
            unreachable!("handled above")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap's own consistency checks of every command and argument (jj's `verify_app`).
    #[test]
    fn verify_cli() {
        command().debug_assert();
    }

    /// Every argument and option of every command says what it is for.
    #[test]
    fn every_argument_has_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") || arg.is_hide_set() {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.is_hide_set() {
                    continue;
                }
                if sub.get_about().is_none() {
                    missing.push(format!("{path} {} (no about)", sub.get_name()));
                }
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&command(), "git-crm", &mut missing);
        assert!(missing.is_empty(), "without help: {missing:#?}");
    }
}
