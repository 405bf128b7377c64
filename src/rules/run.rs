//! `git crm rules run`: reads the committed store (rules, config, customers and the history
//! from git, never the work tree), plans, and applies the plan as one commit through
//! [`Store::apply`](crate::store::Store::apply).

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use super::compile::{Rule, Trigger, compile};
use super::eval::Env;
use super::file::RULES_FILE;
use super::history::{self, SEEN_TRAILER, Scope};
use super::plan::{Inputs, Plan, plan};
use super::problems_error;
use crate::error::{Error, Input, Result};
use crate::git::{self, Repo};
use crate::model::time::{self, Timestamp};
use crate::model::{Config, suggest, text};
use crate::store::snapshot::Snapshot;
use crate::store::{ApplyOptions, FileOp, Store, Transaction, layout, load, yaml};

/// Which rules a run looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Only {
    /// Event rules (touchpoint.logged, customer.added, customer.changed, handoff.created).
    Events,
    /// Schedule and task.overdue rules.
    Schedule,
}

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The run's "now" (default: the clock).
    pub at: Option<Timestamp>,
    /// Only these rules (default: all).
    pub rules: Vec<String>,
    pub only: Option<Only>,
    /// `<base>..<head>` instead of "since the last run".
    pub range: Option<(String, String)>,
    /// Fire again what an older revision of a rule fired.
    pub reapply: bool,
}

/// A planned run.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    /// The commit evaluated.
    pub head: String,
    /// The commits events were read from.
    pub scope: Scope,
    /// The rules looked at, in file order.
    pub rules: Vec<String>,
    pub customers: usize,
    pub plan: Plan,
    /// Whether the commit records that this head was looked at in full (`Crm-Rules-Seen`).
    pub records_seen: bool,
    pub warnings: Vec<String>,
}

/// Reads the committed store and plans the run.
pub fn prepare(store: &Store, options: &RunOptions) -> Result<Run> {
    let repo = Repo::open(store.repo_root())?;
    let head_name = options.range.as_ref().map_or("HEAD", |(_, h)| h.as_str());
    let head = repo.resolve(head_name).map_err(|_| {
        Error::usage(
            format!("cannot resolve `{}`", text::escape(head_name)),
            Some("rules run reads the committed store: commit something first".into()),
        )
    })?;
    let mut warnings = Vec::new();
    let text = committed_text(store, &head, RULES_FILE)?.ok_or_else(|| {
        Error::not_found(
            format!("no {RULES_FILE} in {head_name}"),
            Some("write the rules (docs/rules.md; examples/rules.yaml is a start) and commit them: rules run reads the committed store".into()),
        )
    })?;
    if let Ok(disk) = store.read_text(RULES_FILE)
        && disk != text
    {
        warnings.push(format!(
            "{RULES_FILE} has uncommitted changes: they are not used until committed (`git crm rules test` tries them)"
        ));
    }
    let config = committed_config(store, &head)?;
    let compiled = compile(RULES_FILE, &text, &config);
    if let Some(e) = problems_error(RULES_FILE, &compiled.problems) {
        return Err(e);
    }
    let rules = compiled.rules.expect("no errors, so rules");
    let selected = select(&rules.rules, &options.rules)?;
    let zone = config
        .timezone
        .as_deref()
        .and_then(|z| time::parse_zone(z).ok())
        .unwrap_or(chrono_tz::Tz::UTC);
    let env = Env::new(&config, zone)?;
    let as_of = options.at.unwrap_or_else(time::now);
    let events_on =
        options.only != Some(Only::Schedule) && selected.iter().any(|r| r.trigger.is_event());
    let schedule_on =
        options.only != Some(Only::Events) && selected.iter().any(|r| !r.trigger.is_event());

    let past = history::past(&repo, &head)?;
    if git::git_dir(store.repo_root())?.join("shallow").exists() {
        warnings.push(
            "this clone is shallow: firings recorded beyond its history are not seen (fetch the whole history, e.g. `fetch-depth: 0` in CI)".into(),
        );
    }
    let (scope, events) = if events_on {
        let explicit = options
            .range
            .as_ref()
            .map(|(b, h)| (b.as_str(), h.as_str()));
        let (commits, scope) = history::range(store, &repo, &head, &past, explicit)?;
        let wanted: BTreeSet<Trigger> = selected
            .iter()
            .map(|r| r.trigger)
            .filter(|t| t.is_event())
            .collect();
        let events = history::events(store, &repo, &head, &commits, &wanted, &mut warnings)?;
        (scope, events)
    } else {
        (Scope::None, Vec::new())
    };

    let snapshot = Snapshot::revision(store, &head)?;
    let bundles = load::bundles(snapshot)?;
    let mut fired = past.fired.clone();
    fired.add_records(&bundles);
    let repo_root = store.repo_root().to_path_buf();
    let text_of = |slug: &str| -> Result<String> {
        let rel = layout::customer_file(slug);
        let bytes = git::read_file(&repo_root, &head, &store.git_path(&rel))?
            .ok_or_else(|| Error::not_found(format!("no {rel} in {head}"), None))?;
        String::from_utf8(bytes).map_err(|_| Error::Parse {
            path: rel.clone().into(),
            line: 1,
            column: 1,
            message: "file is not valid UTF-8".into(),
        })
    };
    let selected_rules: Vec<Rule> = selected.iter().map(|r| (*r).clone()).collect();
    let inputs = Inputs {
        rules: &selected_rules,
        actor: &rules.actor,
        env: &env,
        bundles: &bundles,
        events: &events,
        fired: &fired,
        as_of,
        reapply: options.reapply,
        events_on,
        schedule_on,
        text: &text_of,
    };
    let mut plan = plan(&inputs)?;
    let records_seen = events_on
        && options.rules.is_empty()
        && options.range.is_none()
        && options.only != Some(Only::Schedule);
    if records_seen && !plan.is_empty() {
        plan.change
            .trailers
            .push((SEEN_TRAILER.to_string(), head.clone()));
    }
    let customers = bundles.len();
    crate::store::snapshot::drop_later(bundles);
    Ok(Run {
        head,
        scope,
        rules: selected_rules.iter().map(|r| r.id.clone()).collect(),
        customers,
        plan,
        records_seen,
        warnings,
    })
}

/// Writes the plan and commits it (unless `no_commit`). Refuses when a file it writes has
/// uncommitted changes in the work tree, or when HEAD moved since the plan was made.
pub fn apply(txn: &Transaction<'_>, run: &Run, no_commit: bool) -> Result<Option<String>> {
    let store = txn.store();
    if run.plan.is_empty() {
        return Ok(None);
    }
    let repo = Repo::open(store.repo_root())?;
    if repo.resolve("HEAD")? != run.head {
        return Err(Error::invalid_hint(
            format!(
                "HEAD is not {} any more: the plan was made on the committed store as it was",
                &run.head[..run.head.len().min(10)]
            ),
            "run `git crm rules run` again (or `--dry-run` to look first)",
        ));
    }
    for file in &run.plan.change.files {
        let rel = file.path();
        match file {
            FileOp::Create { .. } | FileOp::Stream { .. } => {
                if crate::store::fs::kind(store.root(), rel)?.is_some() {
                    return Err(Error::invalid_hint(
                        format!(
                            "{} exists in the work tree but not in HEAD",
                            text::escape(rel)
                        ),
                        "commit or remove it, then run the rules again",
                    ));
                }
            }
            FileOp::Update { .. } | FileOp::Remove { .. } => {
                let committed = committed_text(store, &run.head, rel)?;
                let current = store.read_text(rel).ok();
                if committed != current {
                    return Err(Error::invalid_hint(
                        format!(
                            "{} has uncommitted changes; rules work on the committed store and would overwrite them",
                            text::escape(rel)
                        ),
                        "commit or stash them, then run the rules again",
                    ));
                }
            }
        }
    }
    txn.apply(
        &run.plan.change,
        ApplyOptions {
            no_commit,
            ..Default::default()
        },
    )
}

fn select<'r>(rules: &'r [Rule], ids: &[String]) -> Result<Vec<&'r Rule>> {
    for id in ids {
        if !rules.iter().any(|r| &r.id == id) {
            let hint = suggest::did_you_mean(id, rules.iter().map(|r| r.id.as_str()))
                .unwrap_or_else(|| {
                    format!(
                        "the rules are: {}",
                        rules
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            return Err(Error::misused_input(
                Input::Rule,
                format!("`{}` names no rule in {RULES_FILE}", text::escape(id)),
                Some(hint),
            ));
        }
    }
    Ok(rules
        .iter()
        .filter(|r| ids.is_empty() || ids.contains(&r.id))
        .collect())
}

/// The text of store file `rel` as committed in `rev`.
pub fn committed_text(store: &Store, rev: &str, rel: &str) -> Result<Option<String>> {
    Ok(
        git::read_file(store.repo_root(), rev, &store.git_path(rel))?
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
    )
}

/// The config as committed in `rev`.
pub fn committed_config(store: &Store, rev: &str) -> Result<Config> {
    match committed_text(store, rev, layout::CONFIG_FILE)? {
        Some(text) => yaml::parse(Path::new(layout::CONFIG_FILE), &text),
        None => Err(Error::not_found(
            format!("no {} in {rev}", layout::CONFIG_FILE),
            None,
        )),
    }
}

/// Refuses a `--at` in the future unless nothing is written: records say what happened.
pub fn validate_at(at: Timestamp, dry_run: bool) -> Result<()> {
    if !dry_run && time::is_future(at, time::now()) {
        return Err(Error::misused_input(
            Input::At,
            format!("{} is in the future", time::rfc3339(&at)),
            Some("look ahead with a dry run; what rules write is dated when it happened".into()),
        ));
    }
    Ok(())
}
