//! `git crm attach` and `git crm docs list|show|get|open`.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};

use git_crm::model::Document;
use git_crm::model::documents::human_size;
use git_crm::model::restricted::{self, State};
use git_crm::model::text::escape;
use git_crm::ops::documents::{self as docs, DocumentInput, DocumentSource};
use git_crm::render::{self, Format};
use git_crm::store::ApplyOptions;

use super::args::{split_list, when};
use super::command_error::{CommandError, Kind};
use super::output::{dry_run, print};
use super::{Ctx, WriteArgs};

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// The customer's slug.
    customer: String,
    /// Files to attach (each becomes one document; the same content twice is one document).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Title (default: the file name).
    #[arg(long)]
    title: Option<String>,
    /// The original name to record (default: the file's own name); a plain file name.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Tags (repeatable, or comma-separated).
    #[arg(long)]
    tag: Vec<String>,
    /// Seal the file, its title and its name to this team (its current members and you).
    #[arg(long, value_name = "TEAM")]
    restricted: Option<String>,
    /// The touchpoint, note, task or handoff it belongs to (id prefix from the timeline).
    #[arg(long, value_name = "ID")]
    to: Option<String>,
    /// A new version of this document (id prefix from `docs list`).
    #[arg(long, value_name = "ID")]
    replaces: Option<String>,
    /// When it was attached (default now).
    #[arg(long)]
    at: Option<String>,
    #[command(flatten)]
    write: WriteArgs,
}

/// Output formats of `docs list` and `docs show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DocsFormat {
    #[default]
    Table,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum DocsCommand {
    /// List documents (the current version of each; --all for every version).
    List {
        /// Only this customer's documents.
        customer: Option<String>,
        /// Include versions replaced by newer ones.
        #[arg(long)]
        all: bool,
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t = DocsFormat::Table)]
        format: DocsFormat,
    },
    /// A document's record and its versions.
    Show {
        /// The document (a prefix of its id, as `docs list` shows).
        id: String,
        /// Output format (json is versioned; see docs/).
        #[arg(long, value_enum, default_value_t = DocsFormat::Table)]
        format: DocsFormat,
    },
    /// Write a document's content to a file (default: its original name here), or `-o -` for
    /// stdout. The content is checked against its sha256.
    Get {
        /// The document (a prefix of its id, as `docs list` shows).
        id: String,
        /// Write the file here (`-` for stdout) instead of under its original name.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop's opener
    /// (on a terminal only; docs/security.md says when the copy is removed).
    Open {
        /// The document (a prefix of its id, as `docs list` shows).
        id: String,
    },
}

pub fn attach(ctx: &Ctx, args: AttachArgs) -> Result<i32> {
    let (actor, txn) = ctx.begin_write()?;
    ctx.store.require_customer(&args.customer)?;
    if args.files.len() > 1 && (args.name.is_some() || args.replaces.is_some()) {
        anyhow::bail!(git_crm::Error::usage(
            "--name and --replaces apply to one file",
            Some("attach the files one by one".into()),
        ));
    }
    let at = args
        .at
        .as_deref()
        .map(|t| when(ctx, t, "--at"))
        .transpose()?;
    // Plan every file first: a bad one stops the command before anything is written.
    let mut planned = Vec::new();
    for file in &args.files {
        let name = match &args.name {
            Some(n) => n.clone(),
            None => file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let input = DocumentInput {
            customer: args.customer.clone(),
            name,
            title: args.title.clone(),
            tags: split_list(&args.tag),
            restricted: args.restricted.clone(),
            to: args.to.clone(),
            record: None,
            replaces: args.replaces.clone(),
            at,
            id: None,
        };
        let title = input.title.clone().unwrap_or_else(|| input.name.clone());
        let p = docs::attach(
            &ctx.store,
            &actor,
            input,
            DocumentSource::File(file.clone()),
        )
        .map_err(|e| {
            // Name the file, unless the message already does.
            let shown = escape(&file.to_string_lossy()).into_owned();
            if e.to_string().contains(&shown) {
                anyhow::Error::new(e)
            } else {
                anyhow::Error::new(e).context(shown)
            }
        })?;
        planned.push((title, p));
    }
    let mut results = Vec::new();
    for (title, p) in &planned {
        if args.write.dry_run {
            dry_run(&p.change, args.write.format)?;
            continue;
        }
        let commit = if p.record.existing {
            None
        } else {
            txn.apply(
                &p.change,
                ApplyOptions {
                    no_commit: args.write.no_commit,
                    ..Default::default()
                },
            )?
        };
        results.push((title, p, commit));
    }
    if args.write.dry_run {
        return Ok(0);
    }
    if Format::from(args.write.format) == Format::Json {
        let items: Vec<serde_json::Value> = results
            .iter()
            .map(|(_, p, commit)| {
                serde_json::json!({
                    "id": p.record.document.id.short(),
                    "path": p.path,
                    "commit": commit,
                    "existing": p.record.existing,
                    "lfs": p.record.lfs,
                    "record": p.record.document,
                })
            })
            .collect();
        print(&render::json_document("documents", &items))?;
        return Ok(0);
    }
    let mut out = String::new();
    for (title, p, commit) in results {
        let d = &p.record.document;
        if p.record.existing {
            out.push_str(&format!(
                "already attached as {}: {}\n  {}\n",
                d.id.short(),
                escape(&docs::describe(d)),
                escape(&p.path)
            ));
            continue;
        }
        let commit = match &commit {
            Some(c) => format!(" in commit {}", &c[..c.len().min(10)]),
            None => " (not committed)".into(),
        };
        let lfs = if p.record.lfs {
            ", through Git LFS"
        } else {
            ""
        };
        let what = match &args.restricted {
            Some(team) => format!(
                "{} ({}, sealed to {team}{lfs})",
                escape(title),
                human_size(d.size)
            ),
            None => format!("{}{lfs}", escape(&docs::describe(d))),
        };
        out.push_str(&format!(
            "attached {}{commit}: {what}\n  {}\n",
            d.id.short(),
            escape(&p.path)
        ));
    }
    print(&out)?;
    Ok(0)
}

/// `restricted: {team, readable}` of a document, when it is restricted.
fn restriction(d: &Document) -> Option<serde_json::Value> {
    match restricted::of(&d.extra)? {
        State::Shown(s) => Some(serde_json::json!({"team": s.team, "readable": s.readable})),
        State::Sealed(s) => Some(serde_json::json!({"team": s.team, "readable": false})),
        State::Invalid(_) => Some(serde_json::json!({"team": null, "readable": false})),
    }
}

/// A document as `docs list/show --format json` print it (docs/security.md#documents).
#[derive(serde::Serialize)]
struct DocumentJson<'a> {
    id: String,
    customer: &'a str,
    at: git_crm::model::Timestamp,
    by: &'a str,
    title: &'a str,
    name: &'a str,
    size: u64,
    media_type: &'a str,
    sha256: &'a str,
    record: Option<String>,
    replaces: Option<String>,
    replaced: bool,
    tags: &'a [String],
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    restricted: Option<serde_json::Value>,
}

fn json_of(slug: &str, path: &str, d: &Document, replaced: bool) -> serde_json::Value {
    let doc = DocumentJson {
        id: d.id.to_string(),
        customer: slug,
        at: d.at,
        by: &d.by,
        title: &d.title,
        name: &d.name,
        size: d.size,
        media_type: &d.media_type,
        sha256: &d.sha256,
        record: d.record.map(|r| r.to_string()),
        replaces: d.replaces.map(|r| r.to_string()),
        replaced,
        tags: &d.tags,
        path,
        restricted: restriction(d),
    };
    serde_json::to_value(&doc).unwrap_or(serde_json::Value::Null)
}

pub fn run(ctx: &Ctx, cmd: DocsCommand) -> Result<i32> {
    match cmd {
        DocsCommand::List {
            customer,
            all,
            format,
        } => {
            let bundles = match &customer {
                Some(slug) => vec![ctx.store.load_bundle(slug)?],
                None => ctx.store.load_all()?,
            };
            let zone = ctx.store.zone();
            let mut rows = Vec::new();
            let mut items = Vec::new();
            for b in &bundles {
                for l in &b.documents {
                    let d = &l.record;
                    let replaced = docs::is_replaced(&b.documents, d);
                    if replaced && !all {
                        continue;
                    }
                    let versions = docs::versions_of(&b.documents, d).len();
                    rows.push(vec![
                        d.id.short(),
                        b.customer.slug.clone(),
                        render::short_time(&d.at, zone),
                        d.by.clone(),
                        docs::describe(d),
                        if versions > 1 {
                            format!("v{} of {versions}", version_number(&b.documents, d))
                        } else {
                            String::new()
                        },
                    ]);
                    items.push(json_of(&b.customer.slug, &l.path, d, replaced));
                }
            }
            let headers = ["id", "customer", "attached", "by", "document", "version"];
            let format = match format {
                DocsFormat::Table => Format::Table,
                DocsFormat::Json => Format::Json,
                DocsFormat::Csv => Format::Csv,
            };
            print(&render::listing(
                &ctx.ui,
                format,
                "documents",
                &items,
                &headers,
                &rows,
            ))?;
            Ok(0)
        }
        DocsCommand::Show { id, format } => {
            let found = docs::find(&ctx.store, &id)?;
            let d = &found.document.record;
            let replaced = found
                .versions
                .iter()
                .any(|v| v.record.replaces == Some(d.id));
            if format == DocsFormat::Json {
                let versions: Vec<serde_json::Value> = found
                    .versions
                    .iter()
                    .map(|v| {
                        json_of(
                            &found.slug,
                            &v.path,
                            &v.record,
                            v.record.id != d.id || replaced,
                        )
                    })
                    .collect();
                /// `docs show --format json`: the document and every version of it.
                #[derive(serde::Serialize)]
                struct Shown {
                    document: serde_json::Value,
                    versions: Vec<serde_json::Value>,
                }
                print(&render::json_of(&Shown {
                    document: json_of(&found.slug, &found.document.path, d, replaced),
                    versions,
                }))?;
                return Ok(0);
            }
            if format == DocsFormat::Csv {
                anyhow::bail!(git_crm::Error::usage(
                    "`docs show` prints a table or JSON",
                    Some("use `docs list --format csv`".into()),
                ));
            }
            let zone = ctx.store.zone();
            let mut out = format!("{} ({})\n", escape(&d.title), d.id.short());
            let mut line =
                |k: &str, v: String| out.push_str(&format!("  {k:<12} {}\n", escape(&v)));
            line("customer", found.slug.clone());
            line("id", d.id.to_string());
            line("name", d.name.clone());
            line("size", format!("{} ({} bytes)", human_size(d.size), d.size));
            line("media type", d.media_type.clone());
            line("sha256", d.sha256.clone());
            line(
                "attached",
                format!("{} by {}", render::short_time(&d.at, zone), d.by),
            );
            if let Some(r) = d.record {
                line("belongs to", r.short());
            }
            if !d.tags.is_empty() {
                line("tags", d.tags.join(", "));
            }
            if let Some(r) = restriction(d) {
                let team = r["team"].as_str().unwrap_or("?").to_string();
                let readable = r["readable"].as_bool().unwrap_or(false);
                line(
                    "restricted",
                    format!(
                        "to {team} ({})",
                        if readable {
                            "you can read it"
                        } else {
                            "you cannot read it"
                        }
                    ),
                );
            }
            let dir = found
                .document
                .path
                .rsplit_once('/')
                .map(|(dir, _)| dir)
                .unwrap_or_default();
            line("file", format!("{dir}/{}", d.file));
            if found.versions.len() > 1 {
                out.push_str("\nVersions\n");
                for v in &found.versions {
                    let mark = if v.record.id == d.id { "*" } else { " " };
                    out.push_str(&format!(
                        " {mark} {} {} {}: {}\n",
                        v.record.id.short(),
                        render::short_time(&v.record.at, zone),
                        escape(&v.record.by),
                        escape(&docs::describe(&v.record))
                    ));
                }
            }
            print(&out)?;
            Ok(0)
        }
        DocsCommand::Get { id, output, force } => {
            let found = docs::find(&ctx.store, &id)?;
            let d = &found.document.record;
            if output.as_deref() == Some(std::path::Path::new("-")) {
                if ctx.ui.stdout_tty && !d.media_type.starts_with("text/") {
                    anyhow::bail!(git_crm::Error::usage(
                        "refusing to write a binary document to the terminal",
                        Some("pipe it (`| less`) or pass -o <path>".into()),
                    ));
                }
                let mut out = std::io::stdout().lock();
                docs::read_content(&ctx.store, &found, &mut out)?;
                return Ok(0);
            }
            let target = match output {
                Some(p) => p,
                None => {
                    if d.name.is_empty() {
                        anyhow::bail!(git_crm::Error::usage(
                            "this document's name is not readable here",
                            Some("pass -o <path>".into()),
                        ));
                    }
                    git_crm::model::documents::validate_name(&d.name)
                        .map_err(|why| git_crm::Error::invalid_hint(why, "pass -o <path>"))?;
                    PathBuf::from(&d.name)
                }
            };
            let n = docs::save_to(&ctx.store, &found, &target, force).map_err(|e| match e {
                git_crm::Error::BadInput {
                    input: git_crm::error::Input::Output,
                    message,
                    ..
                } => CommandError::message(Kind::User, message)
                    .hint("pass -o with another path, or --force to replace it"),
                other => other.into(),
            })?;
            print(&format!(
                "wrote {} ({}, sha256 verified)\n",
                escape(&target.to_string_lossy()),
                human_size(n)
            ))?;
            Ok(0)
        }
        DocsCommand::Open { id } => {
            if !git_crm::render::Ui::interactive() || !ctx.ui.stdout_tty {
                anyhow::bail!(git_crm::Error::usage(
                    "`docs open` starts the desktop's opener and needs a terminal",
                    Some(format!("use `git crm docs get {id} -o <path>`")),
                ));
            }
            let found = docs::find(&ctx.store, &id)?;
            let d = &found.document.record;
            let opener = docs::opener(&ctx.store)?;
            let (dir, target) = docs::private_copy(&ctx.store, &found)?;
            let shown = escape(&target.to_string_lossy()).into_owned();
            if let Some(team) = git_crm::model::restricted::team_of(&d.extra) {
                let when = if opener.chosen {
                    format!("when {} exits", escape(&opener.program))
                } else {
                    "by the next `docs open` an hour from now (delete it sooner if you can)".into()
                };
                eprintln!(
                    "warning: {shown} is a decrypted copy of a document restricted to {}; it is removed {when}",
                    escape(&team)
                );
            }
            let mut command = std::process::Command::new(&opener.program);
            command.args(&opener.args).arg(&target);
            if !opener.chosen {
                command.stdin(std::process::Stdio::null());
            }
            let cannot = |e: std::io::Error| {
                git_crm::Error::invalid_hint(
                    format!("cannot run {}: {e}", escape(&opener.program)),
                    format!("the file is at {shown}; set GITCRM_OPENER to another program"),
                )
            };
            if !opener.chosen {
                command.spawn().map_err(cannot)?;
                eprintln!("opened {shown}");
                return Ok(0);
            }
            // An opener the user chose stays until the file is closed: wait, then remove the
            // copy (and its folder).
            let status = command.status();
            let _ = std::fs::remove_dir_all(&dir);
            let status = status.map_err(cannot)?;
            if !status.success() {
                anyhow::bail!(git_crm::Error::invalid(format!(
                    "{} exited with {status}",
                    escape(&opener.program)
                )));
            }
            Ok(0)
        }
    }
}

fn version_number(all: &[git_crm::store::load::Loaded<Document>], d: &Document) -> usize {
    docs::versions_of(all, d)
        .iter()
        .position(|v| v.record.id == d.id)
        .map_or(1, |i| i + 1)
}
