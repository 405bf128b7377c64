//! `git crm person key add|list|remove|generate` and `git crm team join|leave|rekey`.

use anyhow::Result;
use clap::Subcommand;

use git_crm::access::Keyring;
use git_crm::access::keys::{PublicKey, fingerprint_of};
use git_crm::model::text::escape;
use git_crm::ops::access as ops;
use git_crm::render::{self, Format};

use super::output::{finish, print};
use super::{Ctx, WriteArgs};

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Register a public key restricted content of the person's teams is sealed to.
    Add {
        /// The person's handle.
        handle: String,
        /// `age1…` or an OpenSSH `ssh-ed25519 AAAA…` line (quote it).
        key: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// List registered keys, and which of them this machine's identity holds.
    List {
        /// Only this person's keys.
        handle: Option<String>,
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t)]
        format: super::args::TextJson,
    },
    /// Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards.
    Remove {
        /// The person's handle.
        handle: String,
        /// The key's fingerprint, or a prefix of it (`person key list` shows them).
        fingerprint: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its
    /// public key; with --add, also register it for a person.
    Generate {
        /// Register the new public key for this handle.
        #[arg(long, value_name = "HANDLE")]
        add: Option<String>,
        /// Write the identity here instead.
        #[arg(long, value_name = "PATH")]
        output: Option<std::path::PathBuf>,
        #[command(flatten)]
        write: WriteArgs,
    },
}

pub fn run_key(ctx: &Ctx, cmd: KeyCommand) -> Result<i32> {
    match cmd {
        KeyCommand::Add { handle, key, write } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = ops::add_key(&ctx.store, &actor, &handle, &key)?;
            let fp = PublicKey::parse(&key)?.fingerprint();
            finish(
                &txn,
                &planned,
                &write,
                &format!("added key {fp} for"),
                &handle,
            )
        }
        KeyCommand::Remove {
            handle,
            fingerprint,
            write,
        } => {
            let (actor, txn) = ctx.begin_write()?;
            let planned = ops::remove_key(&ctx.store, &actor, &handle, &fingerprint)?;
            let code = finish(&txn, &planned, &write, "removed a key of", &handle)?;
            if !write.dry_run {
                eprintln!(
                    "hint: content already sealed to that key stays readable with it; run `git crm team rekey <team>` for each of {}'s teams",
                    escape(&handle)
                );
            }
            Ok(code)
        }
        KeyCommand::List { handle, format } => {
            if let Some(h) = &handle {
                ctx.store.require_person(h)?;
            }
            let local = Keyring::local();
            let config = ctx.store.config();
            let mut rows = Vec::new();
            let mut items = Vec::new();
            for (h, p) in &config.people {
                if handle.as_ref().is_some_and(|only| only != h) {
                    continue;
                }
                for key in &p.keys {
                    let (kind, fp) = match PublicKey::parse(key) {
                        Ok(k) => (
                            match k.kind {
                                git_crm::access::keys::KeyKind::Age => "age",
                                git_crm::access::keys::KeyKind::SshEd25519 => "ssh-ed25519",
                            },
                            k.fingerprint(),
                        ),
                        Err(_) => ("invalid", fingerprint_of(key)),
                    };
                    rows.push(vec![
                        h.clone(),
                        fp.clone(),
                        kind.to_string(),
                        p.teams.join(", "),
                    ]);
                    items.push(serde_json::json!({
                        "person": h, "fingerprint": fp, "kind": kind, "key": key, "teams": p.teams,
                    }));
                }
            }
            let headers = ["person", "fingerprint", "kind", "teams"];
            print(&render::listing(
                &ctx.ui,
                format.into(),
                "keys",
                &items,
                &headers,
                &rows,
            ))?;
            if Format::from(format) != Format::Json {
                if local.is_empty() {
                    eprintln!(
                        "note: no local identity found (GITCRM_IDENTITY, ~/.config/git-crm/identity.txt, ~/.ssh/id_ed25519)"
                    );
                } else {
                    eprintln!(
                        "note: local identity from {}",
                        escape(&local.sources.join(", "))
                    );
                }
                for problem in &local.problems {
                    eprintln!("warning: {}", escape(problem));
                }
            }
            Ok(0)
        }
        KeyCommand::Generate { add, output, write } => {
            let path = match output.or_else(git_crm::access::identity::config_identity_path) {
                Some(p) => p,
                None => anyhow::bail!(git_crm::Error::usage(
                    "cannot tell where your config folder is (HOME is not set)",
                    Some("pass --output <path>".into()),
                )),
            };
            if write.dry_run {
                print(&format!(
                    "would create an age identity in {}\n",
                    path.display()
                ))?;
                return Ok(0);
            }
            let public = git_crm::access::identity::generate(&path)?;
            eprintln!("created {} (keep it private; back it up)", path.display());
            match add {
                Some(handle) => {
                    let (actor, txn) = ctx.begin_write()?;
                    let planned = ops::add_key(&ctx.store, &actor, &handle, &public)?;
                    print(&format!("{public}\n"))?;
                    let fp = PublicKey::parse(&public)?.fingerprint();
                    finish(
                        &txn,
                        &planned,
                        &write,
                        &format!("added key {fp} for"),
                        &handle,
                    )
                }
                None => {
                    print(&format!("{public}\n"))?;
                    eprintln!("hint: register it with `git crm person key add <you> {public}`");
                    Ok(0)
                }
            }
        }
    }
}

/// `team join`: add a person to a team.
pub fn join(ctx: &Ctx, team: &str, handle: &str, write: &WriteArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let planned = ops::join_team(&ctx.store, &actor, team, handle)?;
    let code = finish(&txn, &planned, write, &format!("{team}: joined by"), handle)?;
    if !write.dry_run && has_restricted(ctx, team)? {
        eprintln!(
            "hint: {} cannot read what is already restricted to {team} until a member runs `git crm team rekey {team}`",
            escape(handle)
        );
    }
    Ok(code)
}

/// `team leave`: remove a person from a team.
pub fn leave(ctx: &Ctx, team: &str, handle: &str, write: &WriteArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let planned = ops::leave_team(&ctx.store, &actor, team, handle)?;
    let code = finish(&txn, &planned, write, &format!("{team}: left by"), handle)?;
    if !write.dry_run && has_restricted(ctx, team)? {
        eprintln!(
            "hint: what is restricted to {team} stays readable by {} until `git crm team rekey {team}`; what they already fetched stays readable to them",
            escape(handle)
        );
    }
    Ok(code)
}

fn has_restricted(ctx: &Ctx, team: &str) -> Result<bool> {
    Ok(ops::restricted_count(&ctx.store, team)? > 0)
}

/// `team rekey`: re-seal a team's content to its current members.
pub fn rekey(ctx: &Ctx, team: &str, write: &WriteArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let planned = ops::rekey(&ctx.store, &actor, team, Keyring::local())?;
    if planned.change.files.is_empty() {
        if Format::from(write.format) == Format::Json {
            print(&render::json_document("rekey", &planned.record))?;
        } else {
            print(&format!(
                "{team}: nothing to rekey ({} value(s) already sealed to the current members)\n",
                planned.record.unchanged
            ))?;
        }
        return Ok(0);
    }
    if write.dry_run {
        super::output::dry_run(&planned.change, write.format)?;
        return Ok(0);
    }
    let commit = txn.apply(
        &planned.change,
        git_crm::store::ApplyOptions {
            no_commit: write.no_commit,
            ..Default::default()
        },
    )?;
    if Format::from(write.format) == Format::Json {
        /// `team rekey --format json`.
        #[derive(serde::Serialize)]
        struct Document<'a, R> {
            commit: Option<&'a str>,
            rekey: &'a R,
        }
        print(&render::json_of(&Document {
            commit: commit.as_deref(),
            rekey: &planned.record,
        }))?;
        return Ok(0);
    }
    let r = &planned.record;
    let mut out = format!(
        "{team}: re-sealed {} value(s) and {} file(s) to the current members{}\n",
        r.values,
        r.files,
        match &commit {
            Some(c) => format!(" in commit {}", &c[..c.len().min(10)]),
            None => " (not committed)".into(),
        }
    );
    for path in &r.records {
        out.push_str(&format!("  {}\n", escape(path)));
    }
    print(&out)?;
    Ok(0)
}
