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
    /// Which shell (or `man` for the main man page).
    #[arg(value_enum, required_unless_present_any = ["dir", "man_dir"])]
    target: Option<Target>,
    /// Write every target into this folder instead (file names as in completions/), with one
    /// man page per subcommand under `man/`.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Install the man pages (git-crm.1 and one per subcommand, git-crm-timeline.1, ...) into
    /// this folder, e.g. `~/.cargo/share/man/man1`, where `man` finds them for programs in
    /// `~/.cargo/bin`; then `git crm --help` and `git crm help <command>` open them.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["target", "dir"])]
    man_dir: Option<PathBuf>,
}

/// Every man page: the main one and one per (visible) subcommand, as `(file name, roff)`.
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, out)?;
        }
        let man = clap_mangen::Man::new(cmd);
        let mut page = Vec::new();
        man.render(&mut page)?;
        out.push((man.get_filename(), page));
        Ok(())
    }
    let mut cmd = super::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    walk(cmd, &mut pages)?;
    pages.sort();
    Ok(pages)
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

fn write_man_pages(dir: &std::path::Path) -> Result<usize> {
    std::fs::create_dir_all(dir)?;
    let pages = man_pages()?;
    for (name, page) in &pages {
        git_crm::store::atomic::write(&dir.join(name), page)?;
    }
    Ok(pages.len())
}

pub fn run(args: &CompletionsArgs) -> Result<i32> {
    if let Some(dir) = &args.man_dir {
        let n = write_man_pages(dir)?;
        eprintln!(
            "installed {n} man pages into {}",
            git_crm::model::text::escape(&dir.display().to_string())
        );
        return Ok(0);
    }
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir)?;
        for target in Target::value_variants() {
            let path = dir.join(file_name(*target));
            git_crm::store::atomic::write(&path, &generate(*target)?)?;
        }
        write_man_pages(&dir.join("man"))?;
        return Ok(0);
    }
    let target = args.target.unwrap_or(Target::Bash);
    print(&String::from_utf8_lossy(&generate(target)?))?;
    Ok(0)
}
