//! `git crm init` and `git crm setup`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use git_crm::ops::init::{InitOptions, init, setup as setup_clone};

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
    let report = init(&dir, &options)?;
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
    print(&out)?;
    Ok(0)
}

/// `git crm setup`.
#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Also install a post-merge hook that runs the event rules after each merge or pull.
    #[arg(long)]
    hooks: bool,
}

pub fn setup(ctx: &super::Ctx, args: &SetupArgs) -> Result<i32> {
    setup_clone(&ctx.store)?;
    let mut out =
        String::from("Registered the git-crm merge driver in this clone (.git/config).\n");
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
    print(&out)?;
    Ok(0)
}
