//! Writing results and errors. Output goes through [`print`] so a closed pipe (`| head`) ends
//! the program quietly with status 0 instead of a panic.

use std::io::Write;

use git_crm::ops::Planned;
use git_crm::render::Format;
use git_crm::store::{ApplyOptions, Change, FileOp};

/// The pager output goes through, once started.
static PAGER: std::sync::Mutex<Pager> = std::sync::Mutex::new(Pager::Off);

enum Pager {
    Off,
    /// To be started at the first output, with this command line.
    Wanted(String),
    Running(std::process::Child),
}

/// Sends the rest of this command's output through `pager` (started at the first output),
/// as git does on a terminal. `LESS=FRX` (unless set) makes `less` quit when the output fits
/// one screen and keep colours.
pub fn use_pager(pager: Option<String>) {
    if let Some(command) = pager {
        *PAGER.lock().unwrap_or_else(|e| e.into_inner()) = Pager::Wanted(command);
    }
}

/// Waits for the pager to finish, so the shell prompt comes back after the reader quits it.
pub fn close_pager() {
    let mut pager = PAGER.lock().unwrap_or_else(|e| e.into_inner());
    if let Pager::Running(child) = &mut *pager {
        drop(child.stdin.take());
        let _ = child.wait();
    }
    *pager = Pager::Off;
}

fn start(command: &str) -> Option<std::process::Child> {
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(command)
        .stdin(std::process::Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        cmd.env("LV", "-c");
    }
    cmd.spawn().ok()
}

/// Writes `text` to stdout (or the pager).
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut pager = PAGER.lock().unwrap_or_else(|e| e.into_inner());
    if let Pager::Wanted(command) = &*pager {
        *pager = match start(command) {
            Some(child) => Pager::Running(child),
            None => Pager::Off,
        };
    }
    if let Pager::Running(child) = &mut *pager
        && let Some(stdin) = child.stdin.as_mut()
    {
        // A reader who quits the pager early closes the pipe: that ends the output quietly.
        let _ = stdin.write_all(text.as_bytes());
        return Ok(());
    }
    drop(pager);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Tells something on stderr that is not an error (a repair done on the way).
pub fn note(text: &str) {
    eprintln!("note: {}", git_crm::model::text::escape(text));
}

/// Warns on stderr about something that limits the answer (customers a command could not see).
pub fn warn(text: &str) {
    eprintln!("warning: {}", git_crm::model::text::escape(text));
}

/// Shows a planned change (`--dry-run`): the commit subject and every file.
pub fn dry_run(change: &Change, format: impl Into<Format>) -> anyhow::Result<()> {
    let format: Format = format.into();
    if format == Format::Json {
        return print(&git_crm::render::json_document("change", change));
    }
    let mut out = format!(
        "would commit: {}\n",
        git_crm::model::text::escape(&change.subject)
    );
    for file in &change.files {
        let (verb, contents) = match file {
            FileOp::Create { contents, .. } => ("create", Some(contents)),
            FileOp::Update { contents, .. } => ("update", Some(contents)),
            FileOp::Remove { .. } => ("remove", None),
            FileOp::Move { from, .. } => {
                out.push_str(&format!(
                    "  move {} -> {}\n",
                    git_crm::model::text::escape(from),
                    git_crm::model::text::escape(file.path())
                ));
                continue;
            }
            FileOp::Stream {
                replace, source, ..
            } => {
                out.push_str(&format!(
                    "  {} {} ({})\n",
                    if *replace { "update" } else { "create" },
                    git_crm::model::text::escape(file.path()),
                    git_crm::model::text::escape(&source.description)
                ));
                continue;
            }
        };
        out.push_str(&format!(
            "  {verb} {}\n",
            git_crm::model::text::escape(file.path())
        ));
        if let Some(contents) = contents {
            for line in git_crm::model::text::escape_multiline(contents).lines() {
                out.push_str(&format!("    | {line}\n"));
            }
        }
    }
    print(&out)
}

/// Applies (or, with `--dry-run`, shows) a planned change and reports the result: one line for
/// people, the whole record for `--format json`.
pub fn finish<T: serde::Serialize>(
    txn: &git_crm::store::Transaction<'_>,
    planned: &Planned<T>,
    args: &super::WriteArgs,
    verb: &str,
    id: &str,
) -> anyhow::Result<i32> {
    if args.dry_run {
        dry_run(&planned.change, args.format)?;
        return Ok(0);
    }
    let commit = txn.apply(
        &planned.change,
        ApplyOptions {
            no_commit: args.no_commit,
            ..Default::default()
        },
    )?;
    if Format::from(args.format) == Format::Json {
        /// What a write command prints with `--format json`.
        #[derive(serde::Serialize)]
        struct Written<'a, T> {
            id: &'a str,
            path: &'a str,
            commit: Option<&'a str>,
            record: &'a T,
        }
        print(&git_crm::render::json_of(&Written {
            id,
            path: &planned.path,
            commit: commit.as_deref(),
            record: &planned.record,
        }))?;
    } else {
        let commit = match &commit {
            Some(c) => format!(" in commit {}", &c[..c.len().min(10)]),
            None => " (not committed)".to_string(),
        };
        print(&format!(
            "{verb} {id}{commit}\n  {}\n",
            git_crm::model::text::escape(&planned.path)
        ))?;
    }
    Ok(0)
}
