//! `git crm demo`: builds a realistic demo agency store through the library.
//!
//! The small demo (the default) is a Paris agency of seven people in four teams with 36
//! customers and six months of history: threads on every channel that start inbound and get
//! answered (quickly, slowly or never), switch channel, resolve and reopen; automated and
//! internal touchpoints; notes with @mentions; handoffs from sales to onboarding to support and
//! finance, accepted or pending; tasks done, overdue and due. Every change is committed as the
//! person who made it, in time order, one commit per person each time they sync (twice a week,
//! about 300 commits), and two feature branches are merged with real merge commits. Everything is generated from a seed, relative to
//! today, so the same seed gives the same store on the same day.
//!
//! The large demo (`--customers N --interactions M`) generates the same kinds of data in bulk
//! for benchmarks: files are written in parallel and committed in-process into one pack.

mod data;
mod large;
mod rng;
mod small;
mod story;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveTime, Utc};
use serde::Serialize;

use crate::error::{Error, Input, IoContext, Result};
use crate::git;
use crate::model::config::{Calendar, Config, View};
use crate::model::time;
use crate::ops;
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{ApplyOptions, Change, FileOp, Store, layout, yaml};

use data::{AGENCY_DOMAIN, STAFF, TEAMS};
use story::World;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct DemoOptions {
    /// Number of customers; with `interactions`, selects the large (benchmark) demo.
    pub customers: Option<usize>,
    /// Number of touchpoints; with `customers`, selects the large (benchmark) demo.
    pub interactions: Option<usize>,
    /// Seed of the generator: the same seed builds the same store (on the same day).
    pub seed: u64,
}

/// What was built.
#[derive(Debug, Clone, Serialize)]
pub struct DemoReport {
    pub root: PathBuf,
    pub customers: usize,
    pub interactions: usize,
    pub notes: usize,
    pub handoffs: usize,
    pub tasks: usize,
    pub commits: usize,
    /// Handles of the people of the store.
    pub people: Vec<String>,
    /// A customer with a rich timeline, for the tour.
    pub sample_customer: String,
}

/// Customers of the large demo when only `--interactions` is given: one per this many.
const DEFAULT_INTERACTIONS_PER_CUSTOMER: usize = 100;

/// Builds a demo store in `dir`, which must not exist or be an empty folder. `progress(stage,
/// done, total)` is called now and then so a caller can draw a progress bar.
pub fn build(
    dir: &Path,
    options: &DemoOptions,
    progress: &dyn Fn(&str, u64, u64),
) -> Result<DemoReport> {
    let today = time::now().to_utc().date_naive();
    let anchor = today.and_time(NaiveTime::MIN).and_utc();
    build_at(dir, options, anchor, progress)
}

/// [`build`] with a fixed end of history (tests use it to compare two builds).
pub(crate) fn build_at(
    dir: &Path,
    options: &DemoOptions,
    anchor: DateTime<Utc>,
    progress: &dyn Fn(&str, u64, u64),
) -> Result<DemoReport> {
    check_target(dir)?;
    let large = options.customers.is_some() || options.interactions.is_some();
    let sizes = if large {
        let customers = options.customers.unwrap_or_else(|| {
            (options.interactions.unwrap_or(0) / DEFAULT_INTERACTIONS_PER_CUSTOMER).clamp(1, 2000)
        });
        if customers == 0 {
            return Err(Error::missing(
                Input::Customers,
                "a demo needs at least one customer",
            ));
        }
        Some((
            customers,
            options
                .interactions
                .unwrap_or(customers * DEFAULT_INTERACTIONS_PER_CUSTOMER),
        ))
    } else {
        None
    };
    let world = World::new(anchor);
    progress("setup", 0, 1);
    let store = setup(dir, &world)?;
    progress("setup", 1, 1);
    let built = match sizes {
        None => small::build(&store, &world, options.seed, progress)?,
        Some((customers, interactions)) => large::build(
            &store,
            &world,
            customers,
            interactions,
            options.seed,
            progress,
        )?,
    };
    let commits = git_output(store.repo_root(), &["rev-list", "--count", "HEAD"])?
        .trim()
        .parse()
        .unwrap_or(0);
    Ok(DemoReport {
        root: store.root().to_path_buf(),
        customers: built.customers,
        interactions: built.counts.interactions,
        notes: built.counts.notes,
        handoffs: built.counts.handoffs,
        tasks: built.counts.tasks,
        commits,
        people: STAFF.iter().map(|s| s.handle.to_string()).collect(),
        sample_customer: built.sample_customer,
    })
}

/// What a builder reports back.
pub(crate) struct Built {
    customers: usize,
    counts: story::Counts,
    sample_customer: String,
}

fn check_target(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(Error::invalid(format!(
            "{} exists and is not a folder",
            dir.display()
        )));
    }
    if std::fs::read_dir(dir).at(dir)?.next().is_some() {
        return Err(Error::invalid_hint(
            format!("{} is not empty", dir.display()),
            "the demo builds a new repository: give it a new or empty folder",
        ));
    }
    Ok(())
}

/// Creates the repository and the store as alice, then the agency's calendars, targets, views,
/// teams and people, one commit each, on the first day of history.
fn setup(dir: &Path, world: &World) -> Result<Store> {
    std::fs::create_dir_all(dir).at(dir)?;
    git::init_repo(dir)?;
    // A demo repository is scratch space: never ask for a signing key.
    git::set_local_config(dir, "commit.gpgsign", "false")?;
    let alice = STAFF[data::ALICE];
    let init = ops::init::InitOptions {
        handle: Some(alice.handle.into()),
        name: Some(alice.name.into()),
        email: Some(format!("{}@{AGENCY_DOMAIN}", alice.handle)),
        team: None,
        no_commit: true,
    };
    ops::init::init(dir, &init)?;
    let mut store = Store::open(dir)?;
    let mut clock = world.start;
    let mut tick = |minutes: i64| {
        clock += Duration::minutes(minutes);
        Some(world.stamp(clock))
    };
    let commit = |store: &Store, change: &Change, time| {
        store
            .begin()?
            .apply(
                change,
                ApplyOptions {
                    time,
                    ..Default::default()
                },
            )
            .map(|_| ())
    };

    let mut first = Change::new("store.init", "init: create git-crm store", alice.handle);
    for path in [layout::CONFIG_FILE, ".gitattributes"] {
        first.files.push(FileOp::Update {
            path: path.into(),
            contents: store.read_text(path)?,
        });
    }
    commit(&store, &first, tick(0))?;

    let text = store.read_text(layout::CONFIG_FILE)?;
    let mut settings = Change::new(
        "config.edit",
        "config: Paris time zone, calendars, targets and views",
        alice.handle,
    );
    settings.files.push(FileOp::Update {
        path: layout::CONFIG_FILE.into(),
        contents: settings_text(&text, world)?,
    });
    commit(&store, &settings, tick(6))?;
    store.reload_config()?;

    for (name, calendar, description) in TEAMS {
        let planned = ops::people::add_team(
            &store,
            alice.handle,
            name,
            Some(calendar.into()),
            Some(description.into()),
        )?;
        commit(&store, &planned.change, tick(2))?;
        store.reload_config()?;
    }

    let text = store.read_text(layout::CONFIG_FILE)?;
    // The whole entry is rewritten (as `person add` writes one), so it reads like the others.
    let mut person = store
        .config()
        .person(alice.handle)
        .cloned()
        .unwrap_or_default();
    person.teams = vec![alice.team.into()];
    person.role = Some(alice.role.into());
    let value = serde_json::to_value(&person).map_err(|e| Error::invalid(e.to_string()))?;
    let edits = [FieldEdit {
        key_path: vec!["people".into(), alice.handle.into()],
        value: Some(value),
    }];
    let (text, _): (String, Config) = edit_text(Path::new(layout::CONFIG_FILE), &text, &edits)?;
    let mut joins = Change::new(
        "person.edit",
        format!("person: {} joins {}", alice.handle, alice.team),
        alice.handle,
    );
    joins.files.push(FileOp::Update {
        path: layout::CONFIG_FILE.into(),
        contents: text,
    });
    commit(&store, &joins, tick(1))?;
    store.reload_config()?;

    for person in &STAFF[1..] {
        let input = ops::people::PersonInput {
            handle: person.handle.into(),
            name: person.name.into(),
            emails: vec![format!("{}@{AGENCY_DOMAIN}", person.handle)],
            teams: vec![person.team.into()],
            role: Some(person.role.into()),
        };
        let planned = ops::people::add_person(&store, alice.handle, input)?;
        commit(&store, &planned.change, tick(3))?;
        store.reload_config()?;
    }
    // Each team's lead, whom escalations go to (`escalate: {to: lead}` in rules).
    let text = store.read_text(layout::CONFIG_FILE)?;
    let edits: Vec<FieldEdit> = data::LEADS
        .iter()
        .map(|(team, lead)| FieldEdit::set(&format!("teams.{team}.lead"), lead))
        .collect();
    let (text, _): (String, Config) = edit_text(Path::new(layout::CONFIG_FILE), &text, &edits)?;
    let mut leads = Change::new("config.edit", "config: team leads", alice.handle);
    leads.files.push(FileOp::Update {
        path: layout::CONFIG_FILE.into(),
        contents: text,
    });
    commit(&store, &leads, tick(2))?;
    store.reload_config()?;
    Ok(store)
}

/// Calendars in the layout the template's comment shows: weekdays in order, one line each for
/// hours and holidays.
fn calendars_text(calendars: &BTreeMap<String, Calendar>) -> String {
    let mut out = String::from("calendars:\n");
    for (name, calendar) in calendars {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let hours: Vec<String> = days
            .iter()
            .filter_map(|d| calendar.hours.get(*d).map(|h| format!("{d}: \"{h}\"")))
            .collect();
        let holidays: Vec<String> = calendar.holidays.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "  {name}:\n    zone: {}\n    hours: {{{}}}\n    holidays: [{}]\n",
            calendar.zone,
            hours.join(", "),
            holidays.join(", ")
        ));
    }
    out
}

fn views() -> BTreeMap<String, View> {
    let view = |first: &[&str], hide: &[&str]| View {
        first: first.iter().map(|s| s.to_string()).collect(),
        hide_tags: hide.iter().map(|s| s.to_string()).collect(),
        extra: Default::default(),
    };
    BTreeMap::from([
        (
            "sales".to_string(),
            view(&["interactions", "handoffs"], &[]),
        ),
        ("onboarding".to_string(), view(&["tasks", "notes"], &[])),
        (
            "support".to_string(),
            view(&["interactions", "tasks"], &["billing"]),
        ),
        (
            "finance".to_string(),
            view(&["tasks", "handoffs"], &["private"]),
        ),
        ("lead".to_string(), view(&["handoffs", "notes"], &[])),
    ])
}

fn targets() -> BTreeMap<String, String> {
    BTreeMap::from([
        ("first_response".to_string(), "4h".to_string()),
        ("handoff".to_string(), "1d".to_string()),
    ])
}

/// The config text with the demo's zone, calendars, targets and views. The sections `init`
/// wrote empty are filled in place so its comments stay; should the template ever change shape,
/// the whole file is written anew instead.
fn settings_text(current: &str, world: &World) -> Result<String> {
    let calendars = world.calendars();
    let (targets, views) = (targets(), views());
    let section = |key: &str, value: serde_json::Result<serde_json::Value>| -> Result<String> {
        let value = value.map_err(|e| Error::invalid(format!("cannot render {key}: {e}")))?;
        yaml::to_yaml(&BTreeMap::from([(key, value)]))
    };
    let mut out = String::with_capacity(current.len() + 2048);
    for line in current.lines() {
        let empty = |key: &str| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim() == "{}")
        };
        if line.starts_with("# timezone:") {
            out.push_str("timezone: Europe/Paris\n");
        } else if empty("calendars:") {
            out.push_str(&calendars_text(&calendars));
        } else if empty("targets:") {
            out.push_str(&section("targets", serde_json::to_value(&targets))?);
        } else if empty("views:") {
            out.push_str(&section("views", serde_json::to_value(&views))?);
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    let wanted = |c: &Config| {
        c.timezone.as_deref() == Some("Europe/Paris")
            && c.calendars == calendars
            && c.targets == targets
            && c.views == views
    };
    let parsed: Config = yaml::parse(Path::new(layout::CONFIG_FILE), &out)?;
    if wanted(&parsed) {
        return Ok(out);
    }
    let mut config: Config = yaml::parse(Path::new(layout::CONFIG_FILE), current)?;
    config.timezone = Some("Europe/Paris".into());
    config.calendars = calendars;
    config.targets = targets;
    config.views = views;
    Ok(format!(
        "# git-crm store settings (demo). Documented in docs/format.md.\n{}",
        yaml::to_yaml(&config)?
    ))
}

/// A `git` command for the demo's own repository: no hooks, no signing.
fn git_cmd(repo_root: &Path) -> std::process::Command {
    let mut cmd = git::git_command(repo_root);
    cmd.args([
        "-c",
        "core.hooksPath=/dev/null",
        "-c",
        "commit.gpgsign=false",
    ])
    .env("GIT_EDITOR", "true")
    .env("GIT_MERGE_AUTOEDIT", "no")
    .stdin(std::process::Stdio::null());
    cmd
}

fn run_git(mut cmd: std::process::Command, what: &str) -> Result<String> {
    let output = cmd
        .output()
        .map_err(|e| Error::Git(format!("cannot run git ({what}): {e}")))?;
    if !output.status.success() {
        return Err(Error::Git(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn git_output(repo_root: &Path, args: &[&str]) -> Result<String> {
    let mut cmd = git_cmd(repo_root);
    cmd.args(args);
    run_git(
        cmd,
        &format!("git {}", args.first().copied().unwrap_or_default()),
    )
}

#[cfg(test)]
mod tests;
