//! `git crm completions <shell>`: completion scripts and the man page, also committed under
//! `completions/` (a test keeps those fresh).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::output::print;

/// Shells (and the man page) that can be generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
    Nushell,
    /// The man page (roff).
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Which shell (or `man`).
    #[arg(value_enum, required_unless_present = "dir")]
    target: Option<Target>,
    /// Write every target into this folder instead (file names as in completions/).
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// The file name each target is committed under.
fn file_name(target: Target) -> &'static str {
    match target {
        Target::Bash => "git-crm.bash",
        Target::Zsh => "_git-crm",
        Target::Fish => "git-crm.fish",
        Target::Powershell => "_git-crm.ps1",
        Target::Elvish => "git-crm.elv",
        Target::Nushell => "git-crm.nu",
        Target::Man => "git-crm.1",
    }
}

fn generate(target: Target) -> Result<Vec<u8>> {
    use clap_complete::Shell;
    let mut cmd = super::command();
    let mut out = Vec::new();
    let shell = match target {
        Target::Bash => Shell::Bash,
        Target::Zsh => Shell::Zsh,
        Target::Fish => Shell::Fish,
        Target::Powershell => Shell::PowerShell,
        Target::Elvish => Shell::Elvish,
        Target::Nushell => {
            clap_complete::generate(
                clap_complete_nushell::Nushell,
                &mut cmd,
                "git-crm",
                &mut out,
            );
            return Ok(out);
        }
        Target::Man => {
            clap_mangen::Man::new(cmd).render(&mut out)?;
            return Ok(out);
        }
    };
    clap_complete::generate(shell, &mut cmd, "git-crm", &mut out);
    Ok(out)
}

pub fn run(args: &CompletionsArgs) -> Result<i32> {
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir)?;
        for target in Target::value_variants() {
            let path = dir.join(file_name(*target));
            git_crm::store::atomic::write(&path, &generate(*target)?)?;
        }
        return Ok(0);
    }
    let target = args.target.unwrap_or(Target::Bash);
    print(&String::from_utf8_lossy(&generate(target)?))?;
    Ok(0)
}
