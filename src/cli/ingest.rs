//! `git crm ingest mail|ics|vcf`: mail, calendar events and contacts into the store.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};

use git_crm::import::ApplyOptions;
use git_crm::ingest::mail::parse::{Limits, parse_size};
use git_crm::ingest::{self, Action, DocumentAction, Plan};
use git_crm::model::documents::human_size;
use git_crm::model::text::escape;

use super::Ctx;
use super::output::print;

#[derive(Debug, Subcommand)]
pub enum IngestCommand {
    /// Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`).
    Mail(MailArgs),
    /// Calendar events (.ics, or `-` for stdin) that involve customers' contacts, as meetings.
    Ics(IcsArgs),
    /// vCards (.vcf, or `-` for stdin) as contacts of the matching customers.
    Vcf(VcfArgs),
}

/// Output formats of an ingest summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IngestFormat {
    Table,
    Json,
}

/// Flags every ingest takes.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Make a `lead` customer (from the sender's domain and name) for items no customer claims.
    #[arg(long)]
    create_customers: bool,
    /// Ingest the valid items and list the invalid ones, instead of ingesting nothing.
    #[arg(long)]
    skip_invalid: bool,
    /// Show what would be created and changed, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the files but do not commit them (the next ingest commits them).
    #[arg(long)]
    no_commit: bool,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t = IngestFormat::Table)]
    format: IngestFormat,
}

#[derive(Debug, Args)]
pub struct MailArgs {
    /// Messages to read: .eml files, mbox files, Maildir folders, `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Largest message read (e.g. 64M); a larger one is invalid.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_message_size: u64,
    /// Keep attachments as metadata on the touchpoint only: store no documents.
    #[arg(long)]
    no_attachments: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct IcsArgs {
    /// The calendar file, or `-` for stdin.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct VcfArgs {
    /// The vCard file, or `-` for stdin.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    common: CommonArgs,
}

pub fn run(ctx: &Ctx, cmd: IngestCommand) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    let (plan, common) = match &cmd {
        IngestCommand::Mail(args) => {
            let bar = super::progress::Bar::new();
            let options = ingest::mail::Options {
                paths: args.paths.clone(),
                limits: Limits {
                    max_message_bytes: args.max_message_size,
                    ..Limits::default()
                },
                create_customers: args.common.create_customers,
                no_attachments: args.no_attachments,
                actor: actor.clone(),
            };
            let plan = ingest::mail::plan(&ctx.store, &options, &bar)?;
            bar.finish();
            (plan, &args.common)
        }
        IngestCommand::Ics(args) => {
            let options = ingest::ics::Options {
                file: args.file.clone(),
                create_customers: args.common.create_customers,
            };
            (ingest::ics::plan(&ctx.store, &options)?, &args.common)
        }
        IngestCommand::Vcf(args) => {
            let options = ingest::vcf::Options {
                file: args.file.clone(),
                create_customers: args.common.create_customers,
            };
            (ingest::vcf::plan(&ctx.store, &options)?, &args.common)
        }
    };
    let refused = !plan.problems.is_empty() && !common.skip_invalid;
    if refused || common.dry_run {
        report(common, &plan, None, refused)?;
        if refused {
            return Err(refusal(&plan));
        }
        return Ok(0);
    }
    let options = ApplyOptions {
        no_commit: common.no_commit,
        ..Default::default()
    };
    let bar = super::progress::Bar::new();
    let applied = ingest::write(&txn, &plan, &actor, &options, &bar)?;
    bar.finish();
    report(common, &plan, applied.commit.as_deref(), false)?;
    Ok(0)
}

fn refusal(plan: &Plan) -> anyhow::Error {
    let n = plan.problems.len();
    let what = match plan.kind {
        ingest::Kind::Mail => "message",
        ingest::Kind::Ics => "event",
        ingest::Kind::Vcf => "vCard",
    };
    anyhow::Error::new(git_crm::Error::invalid_hint(
        format!(
            "{n} invalid {what}{}; nothing was ingested",
            if n == 1 { "" } else { "s" }
        ),
        "fix them, or pass --skip-invalid to ingest the others",
    ))
}

fn report(args: &CommonArgs, plan: &Plan, commit: Option<&str>, refused: bool) -> Result<()> {
    let counts = plan.counts();
    for problem in &plan.problems {
        match problem.limit {
            Some(limit) => eprintln!(
                "{problem} (raise it with {})",
                super::vocabulary::flag(limit)
            ),
            None => eprintln!("{problem}"),
        }
    }
    if args.format == IngestFormat::Json {
        return print(&git_crm::render::json_of(&Document {
            ingest: Summary {
                kind: plan.kind,
                sources: &plan.sources,
                dry_run: args.dry_run,
                ingested: !refused && !args.dry_run,
                created: counts.created,
                updated: counts.updated,
                unchanged: counts.unchanged,
                skipped: counts.skipped,
                unmatched: counts.unmatched,
                customers_created: &plan.customers_created,
                documents_created: counts.documents_created,
                commit,
                problems: &plan.problems,
                items: &plan.outcomes,
                documents: &plan.documents,
            },
        }));
    }
    if refused {
        return Ok(());
    }
    let mut out = String::new();
    let verb = |done: &str, would: &str| {
        if args.dry_run {
            would.to_string()
        } else {
            done.to_string()
        }
    };
    for slug in &plan.customers_created {
        out.push_str(&format!(
            "{} customer {} (lead)\n",
            verb("created", "would create"),
            escape(slug)
        ));
    }
    for o in &plan.outcomes {
        let path = escape(o.path.as_deref().unwrap_or("")).into_owned();
        let item = escape(&o.item).into_owned();
        let reason = o
            .reason
            .as_deref()
            .map(|r| format!(": {}", escape(r)))
            .unwrap_or_default();
        match o.action {
            Action::Created if args.dry_run => {
                out.push_str(&format!("would create {path} ({item}){reason}\n"))
            }
            Action::Updated => out.push_str(&format!(
                "{} {path} ({}){}\n",
                verb("updated", "would update"),
                o.changed.join(", "),
                reason
            )),
            Action::Skipped if plan.problems.iter().all(|p| p.item != o.item) => {
                out.push_str(&format!("skipped {item}{reason}\n"))
            }
            Action::Unmatched => out.push_str(&format!("unmatched {item}{reason}\n")),
            Action::Created | Action::Unchanged if o.reason.is_some() && !args.dry_run => {
                out.push_str(&format!("note {item}{reason}\n"))
            }
            _ => {}
        }
    }
    for d in &plan.documents {
        let name = escape(&d.name);
        let size = human_size(d.size);
        match d.action {
            DocumentAction::Created => out.push_str(&format!(
                "{} {} ({}, {size}{}{}) from {}\n",
                verb("stored", "would store"),
                escape(d.path.as_deref().unwrap_or("")),
                escape(d.title.as_deref().unwrap_or(&d.name)),
                d.media_type
                    .as_deref()
                    .map(|t| format!(", {}", escape(t)))
                    .unwrap_or_default(),
                if d.lfs { ", Git LFS" } else { "" },
                escape(&d.item),
            )),
            DocumentAction::Refused => out.push_str(&format!(
                "not stored {name} ({size}) of {}: {}\n",
                escape(&d.item),
                escape(d.reason.as_deref().unwrap_or(""))
            )),
            DocumentAction::Existing | DocumentAction::Ignored => {}
        }
    }
    let sources: Vec<String> = plan
        .sources
        .iter()
        .map(|s| {
            if s == "-" {
                "stdin".into()
            } else {
                escape(s).into_owned()
            }
        })
        .collect();
    out.push_str(&format!(
        "{} {} from {}: {} created, {} updated, {} unchanged, {} skipped, {} unmatched",
        verb("ingested", "would ingest"),
        plan.kind.word(),
        sources.join(", "),
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.skipped,
        counts.unmatched
    ));
    if counts.documents_created > 0 {
        let n = counts.documents_created;
        out.push_str(&format!("; {n} document{}", if n == 1 { "" } else { "s" }));
    }
    if counts.customers_created > 0 {
        out.push_str(&format!(
            "; {} new customer{}",
            counts.customers_created,
            if counts.customers_created == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    out.push('\n');
    if !args.dry_run {
        match commit {
            Some(c) => out.push_str(&format!("in commit {}\n", &c[..c.len().min(10)])),
            None if args.no_commit && !plan.files.is_empty() => out.push_str("(not committed)\n"),
            None => out.push_str("nothing to commit\n"),
        }
    }
    print(&out)
}

/// `ingest --format json` (docs/ingest.md).
#[derive(serde::Serialize)]
struct Document<'a> {
    ingest: Summary<'a>,
}

#[derive(serde::Serialize)]
struct Summary<'a> {
    kind: ingest::Kind,
    sources: &'a [String],
    dry_run: bool,
    ingested: bool,
    created: usize,
    updated: usize,
    unchanged: usize,
    skipped: usize,
    unmatched: usize,
    customers_created: &'a [String],
    documents_created: usize,
    commit: Option<&'a str>,
    problems: &'a [ingest::Problem],
    items: &'a [ingest::Outcome],
    documents: &'a [ingest::DocumentOutcome],
}
