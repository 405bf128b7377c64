//! `git crm init` and `git crm setup`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use git_crm::ops::init::{InitOptions, init, setup as setup_clone};

use super::command_error::{CommandError, Kind};
use super::output::print;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the store (default: the current directory).
    dir: Option<PathBuf>,
    /// Your handle (default: the local part of your git email).
    #[arg(long)]
    handle: Option<String>,
    /// Your name (default: git config user.name).
    #[arg(long)]
    name: Option<String>,
    /// Your email (default: git config user.email).
    #[arg(long)]
    email: Option<String>,
    /// Leave the new files uncommitted.
    #[arg(long)]
    no_commit: bool,
    /// Store document contents through Git LFS (needs git-lfs; asked on a terminal when it is
    /// installed).
    #[arg(long)]
    lfs: bool,
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Also start storing document contents through Git LFS (one commit of .gitattributes;
    /// asked on a terminal when git-lfs is installed and the store does not use it yet).
    #[arg(long)]
    lfs: bool,
    /// Also install a post-merge hook that runs the event rules after each merge or pull.
    #[arg(long)]
    hooks: bool,
    /// Also turn on the git settings that keep a large store fast (untracked cache, index
    /// version 4, commit-graph with changed paths, background maintenance) and build the
    /// history index; see docs/git-setup.md.
    #[arg(long)]
    fast_git: bool,
}

/// Prints, as hints on stderr, the command for each git accelerator the clone lacks.
fn suggest_accelerators(root: &std::path::Path) -> Result<()> {
    let missing = git_crm::git::tuning::missing(root)?;
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!(
        "hint: git settings that keep a large store fast (`git crm setup --fast-git` runs them all):"
    );
    for accelerator in missing {
        eprintln!(
            "hint:   {}  # {}",
            accelerator.command(),
            accelerator.benefit()
        );
    }
    Ok(())
}

/// Turns on every git accelerator the clone lacks and says what it ran. One that fails (`git
/// maintenance start` needs a scheduler: systemd, cron or launchd) is reported with its
/// command, and the others still run.
fn apply_accelerators(root: &std::path::Path, out: &mut String) -> Result<()> {
    let missing = git_crm::git::tuning::missing(root)?;
    if missing.is_empty() {
        out.push_str("git's accelerators are all on in this clone.\n");
    }
    for accelerator in missing {
        match git_crm::git::tuning::enable(root, accelerator) {
            Ok(()) => out.push_str(&format!(
                "Ran `{}`: {}.\n",
                accelerator.command(),
                accelerator.benefit()
            )),
            Err(e) => eprintln!(
                "warning: `{}` did not run here: {}",
                accelerator.command(),
                git_crm::model::text::escape(&e.to_string())
            ),
        }
    }
    Ok(())
}

/// Builds git-crm's history index now, so the first `history` of a long history does not.
/// A failure costs only that first run's time, so it is a warning, as for an accelerator.
fn prepare_history(store: &git_crm::Store, out: &mut String) {
    match git_crm::history::prepare_index(store) {
        Ok(Some(commits)) => {
            let noun = if commits == 1 { "commit" } else { "commits" };
            out.push_str(&format!(
                "Indexed the history ({commits} {noun}): `git crm history` reads only the commits that changed its customer.\n"
            ));
        }
        Ok(None) => {}
        Err(e) => eprintln!(
            "warning: the history index was not built: {}",
            git_crm::model::text::escape(&e.to_string())
        ),
    }
}

/// Whether to turn LFS on: the flag, or a question on a terminal when git-lfs is there.
fn wants_lfs(flag: bool, store: &git_crm::Store) -> Result<bool> {
    if flag {
        return Ok(true);
    }
    if git_crm::ops::init::lfs_enabled(store) || !git_crm::git::lfs::installed() {
        return Ok(false);
    }
    super::prompt::confirm("Store attached documents through Git LFS?")
}

/// Turns LFS on for documents and says so.
fn turn_on_lfs(
    txn: &git_crm::store::Transaction<'_>,
    actor: &str,
    no_commit: bool,
) -> Result<String> {
    let change = git_crm::ops::init::enable_lfs(txn.store(), actor)?;
    if change.files.is_empty() {
        return Ok("  documents already go through Git LFS\n".into());
    }
    let commit = txn.apply(
        &change,
        git_crm::store::ApplyOptions {
            no_commit,
            ..Default::default()
        },
    )?;
    Ok(match commit {
        Some(c) => format!(
            "  document contents go through Git LFS (.gitattributes, commit {})\n",
            &c[..10]
        ),
        None => "  document contents go through Git LFS (.gitattributes, not committed)\n".into(),
    })
}

pub fn run(args: &InitArgs, acting: Option<&str>) -> Result<i32> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let options = InitOptions {
        handle: args.handle.clone().or_else(|| acting.map(str::to_string)),
        name: args.name.clone(),
        email: args.email.clone(),
        team: None,
        no_commit: args.no_commit,
    };
    let report = init(&dir, &options).map_err(|e| match e {
        git_crm::Error::MissingInput { message, .. } => {
            CommandError::message(Kind::Usage, message).hint(
                "set them with `git config --global user.email you@example.com`, or pass --name and --email",
            )
        }
        other => other.into(),
    })?;
    let mut out = format!(
        "{} git-crm store in {}\n  you are `{}`; add colleagues with `git crm person add <handle> --name ... --email ...`\n",
        if report.created_repository {
            "Created a git repository and a"
        } else {
            "Created a"
        },
        report.root.display(),
        report.handle
    );
    if let Some(commit) = report.commit {
        out.push_str(&format!("  committed {}\n", &commit[..10]));
    }
    let store = git_crm::Store::open(&report.root)?;
    if wants_lfs(args.lfs, &store)? {
        let txn = store.begin()?;
        out.push_str(&turn_on_lfs(&txn, &report.handle, args.no_commit)?);
    }
    print(&out)?;
    suggest_accelerators(store.repo_root())?;
    Ok(0)
}

pub fn setup(ctx: &super::Ctx, args: &SetupArgs) -> Result<i32> {
    setup_clone(&ctx.store)?;
    let mut out =
        String::from("Registered the git-crm merge driver in this clone (.git/config).\n");
    if git_crm::ops::init::setup_lfs_clone(&ctx.store)? {
        out.push_str("Configured Git LFS for this clone (`git lfs pull` fetches documents).\n");
    } else if git_crm::ops::init::lfs_enabled(&ctx.store) {
        eprintln!(
            "warning: this store keeps documents in Git LFS, but git-lfs is not installed: documents cannot be read or attached here"
        );
    }
    if wants_lfs(args.lfs, &ctx.store)? {
        let (actor, txn) = ctx.begin_write()?;
        out.push_str(&turn_on_lfs(&txn, &actor, false)?);
    }
    if args.hooks {
        use git_crm::rules::hooks::{HOOK, Installed, install};
        let line = match install(&ctx.store)? {
            Installed::Created(p) => format!(
                "Installed the {HOOK} hook ({}): event rules run after each merge or pull.\n",
                p.display()
            ),
            Installed::Updated(p) => format!("Updated the {HOOK} hook ({}).\n", p.display()),
            Installed::Unchanged(p) => format!("The {HOOK} hook is installed ({}).\n", p.display()),
        };
        out.push_str(&git_crm::model::text::escape(&line));
    }
    let root = ctx.store.repo_root();
    if args.fast_git {
        apply_accelerators(root, &mut out)?;
        prepare_history(&ctx.store, &mut out);
    }
    print(&out)?;
    if !args.fast_git {
        suggest_accelerators(root)?;
    }
    Ok(0)
}
