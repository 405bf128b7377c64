//! The large demo, for benchmarks: thousands of customers and hundreds of thousands of
//! touchpoints generated in parallel, written straight to the fresh work tree and committed
//! in-process into one pack (`git::bulk_import`) as a few dozen commits by different people over time.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use super::Built;
use super::data::{CITIES, FIRST_NAMES, LAST_NAMES, NAME_PREFIXES, NAME_SUFFIXES, STAFF};
use super::rng::Rng;
use super::story::{self, Counts, EventKind, HISTORY_DAYS, Profile, Story, World};
use crate::error::{Error, IoContext, Result};
use crate::git::{self, BulkCommit};

use crate::model::records::{CustomerKind, CustomerStatus, RecordKind};
use crate::store::{Store, layout, yaml};

/// History is cut into this many periods; each person's work in a period is one commit.
const PERIODS: i64 = 8;

/// What a file is, for commit messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FileKind {
    Customer,
    Interaction,
    Note,
    Task,
    Handoff,
}

/// One version of one file, committed in the period of `at`.
struct BulkFile {
    at: DateTime<Utc>,
    kind: FileKind,
    path: String,
    data: Vec<u8>,
    /// The version the work tree ends with.
    last: bool,
}

struct Output {
    files: Vec<BulkFile>,
    /// Index into [`STAFF`] of the customer's owner, whose commits carry its files.
    owner: usize,
    counts: Counts,
    richness: usize,
    slug: String,
    showcase: bool,
}

pub(super) fn build(
    store: &Store,
    world: &World,
    customers: usize,
    interactions: usize,
    seed: u64,
    progress: &dyn Fn(&str, u64, u64),
) -> Result<Built> {
    let mut profiles: Vec<Profile> = (0..customers).map(|i| profile(world, seed, i)).collect();
    let weights: Vec<f64> = profiles
        .iter()
        .enumerate()
        .map(|(i, p)| weight(seed, i, p))
        .collect();
    for (p, budget) in profiles.iter_mut().zip(distribute(interactions, &weights)) {
        p.budget = budget;
    }

    let total = customers as u64;
    let chunk = (customers / 40).clamp(16, 256);
    let mut outputs: Vec<Output> = Vec::with_capacity(customers);
    progress("generate", 0, total);
    for start in (0..customers).step_by(chunk) {
        let end = (start + chunk).min(customers);
        let part: Vec<Result<Output>> = (start..end)
            .into_par_iter()
            .map(|i| {
                serialize_story(
                    world,
                    &story::generate(world, &profiles[i], Rng::derive(seed, i as u64)),
                )
            })
            .collect();
        for output in part {
            outputs.push(output?);
        }
        progress("generate", end as u64, total);
    }

    let mut counts = Counts::default();
    for o in &outputs {
        counts += o.counts;
    }
    let sample = outputs
        .iter()
        .filter(|o| o.showcase)
        .max_by_key(|o| o.richness)
        .or_else(|| outputs.iter().max_by_key(|o| o.richness))
        .map(|o| o.slug.clone())
        .unwrap_or_default();

    // The work tree is written on its own thread while the commits are hashed, compressed and
    // packed on the others: one is bound by the file system, the other by the processor, so
    // they overlap well. The commit stream ends only once every file is on disk, and the index
    // (which records each file's stat data) is written after that.
    let plans = plan_commits(world, &outputs);
    progress("commit", 0, plans.len() as u64);
    let written: std::sync::Mutex<Option<Result<()>>> = std::sync::Mutex::new(None);
    let imported = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let result = write_tree(store, &outputs);
            *written.lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
        });
        let stream = CommitStream {
            store,
            world,
            outputs: &outputs,
            plans: plans.into_iter(),
            writer: Some(writer),
        };
        git::bulk_import(store.repo_root(), "main", stream, &|done, total| {
            progress("commit", done, total)
        })
    });
    let written = written.into_inner().unwrap_or_else(|e| e.into_inner());
    let imported = imported?;
    written.unwrap_or_else(|| {
        Err(Error::invalid(
            "internal error: the demo's work tree was not written",
        ))
    })?;
    // The file contents are in the pack and the work tree now: free them before the index.
    drop(outputs);
    progress("index", 0, 1);
    imported.write_index()?;
    progress("index", 1, 1);
    Ok(Built {
        customers,
        counts,
        sample_customer: sample,
    })
}

fn profile(w: &World, seed: u64, i: usize) -> Profile {
    let mut rng = Rng::derive(seed ^ 0xC0FF_EE00_D15E_A5E5, i as u64);
    let (np, ns) = (NAME_PREFIXES.len(), NAME_SUFFIXES.len());
    let person = rng.chance(0.08);
    let (name, industry, kind) = if person {
        let round = i / (FIRST_NAMES.len() * LAST_NAMES.len());
        let base = format!(
            "{} {}",
            FIRST_NAMES[i % FIRST_NAMES.len()],
            LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()]
        );
        let name = if round == 0 {
            base
        } else {
            format!("{base} {}", round + 1)
        };
        (name, "freelance".to_string(), CustomerKind::Person)
    } else {
        let round = i / (np * ns);
        let (suffix, industry) = NAME_SUFFIXES[(i / np) % ns];
        let base = format!("{} {suffix}", NAME_PREFIXES[i % np]);
        let name = if round == 0 {
            base
        } else {
            format!("{base} {}", round + 1)
        };
        (name, industry.to_string(), CustomerKind::Company)
    };
    let status = [
        CustomerStatus::Lead,
        CustomerStatus::Active,
        CustomerStatus::Paused,
        CustomerStatus::Churned,
    ][rng.weighted(&[20, 55, 10, 15])];
    let created_day = match status {
        CustomerStatus::Lead => HISTORY_DAYS - rng.range(3, 70),
        _ => rng.range(1, HISTORY_DAYS * 3 / 4),
    };
    let created = w.start + Duration::days(created_day) + Duration::minutes(rng.range(0, 8 * 60));
    let mut tags = Vec::new();
    if rng.chance(0.1) && status != CustomerStatus::Lead {
        tags.push("vip".to_string());
    }
    tags.push(if rng.chance(0.6) { "b2b" } else { "b2c" }.to_string());
    for extra in ["ecommerce", "retainer", "saas", "nonprofit"] {
        if rng.chance(0.15) {
            tags.push(extra.to_string());
        }
    }
    let paying = status != CustomerStatus::Lead;
    let mut external_ids = BTreeMap::new();
    if paying && rng.chance(0.5) {
        external_ids.insert("billing".to_string(), format!("CUST-{:05}", 10_000 + i));
    }
    Profile {
        name,
        kind,
        industry,
        city: rng.pick(&CITIES).to_string(),
        status,
        tier: paying.then(|| rng.pick(&["gold", "silver", "bronze"]).to_string()),
        mrr: paying.then(|| 300 + 50 * rng.below(120) as u32),
        tags,
        created,
        budget: 0,
        fair: None,
        external_ids,
    }
}

/// How busy a customer is relative to the others: heavy-tailed, so a few have many touchpoints.
fn weight(seed: u64, i: usize, p: &Profile) -> f64 {
    let mut rng = Rng::derive(seed ^ 0x0B0D_6E7A_11CE_0000, i as u64);
    let u = rng.f64();
    let base = (1.0 - 0.98 * u).powf(-0.7);
    let status = match p.status {
        CustomerStatus::Lead => 0.25,
        CustomerStatus::Active => 1.0,
        CustomerStatus::Paused => 0.6,
        CustomerStatus::Churned => 0.5,
    };
    let vip = if p.tags.iter().any(|t| t == "vip") {
        1.8
    } else {
        1.0
    };
    base * status * vip
}

/// Splits `total` in proportion to `weights`, exactly.
fn distribute(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let assigned: usize = out.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    for &i in order.iter().cycle().take(total.saturating_sub(assigned)) {
        out[i] += 1;
    }
    out
}

fn period(w: &World, at: DateTime<Utc>) -> i64 {
    let span = (w.anchor - w.start).num_seconds().max(1);
    ((at - w.start).num_seconds() * PERIODS / span).clamp(0, PERIODS - 1)
}

fn yaml_bytes<T: serde::Serialize>(value: &T) -> Result<Vec<u8>> {
    yaml::to_yaml(value).map(String::into_bytes)
}

/// Serialises every version of a customer's files to commit: each record once (in its final
/// state), the customer file as it was after each ownership or status change (the last one per
/// period).
fn serialize_story(world: &World, story: &Story) -> Result<Output> {
    let slug = story.slug();
    let mut files = Vec::with_capacity(story.events.len() + 4);
    let mut versions: Vec<BulkFile> = Vec::new();
    let mut customer = story.initial.clone();
    let customer_path = layout::customer_file(slug);
    let mut record = |at, kind, path: String, data| {
        files.push(BulkFile {
            at,
            kind,
            path,
            data,
            last: true,
        })
    };
    for event in &story.events {
        let at = event.at;
        match &event.kind {
            EventKind::Customer => {}
            EventKind::Handoff(h) => {
                customer.owner = h.to.owner.clone();
                customer.team = h.to.team.clone();
                record(
                    at,
                    FileKind::Handoff,
                    layout::record_file(slug, RecordKind::Handoff, &h.at, &h.id),
                    yaml_bytes(h)?,
                );
            }
            EventKind::Status(status) => customer.status = *status,
            EventKind::Archive => customer.archived = Some(world.stamp(at)),
            EventKind::Interaction(i) => {
                record(
                    at,
                    FileKind::Interaction,
                    layout::record_file(slug, RecordKind::Interaction, &i.at, &i.id),
                    yaml_bytes(i)?,
                );
            }
            EventKind::Note(n) => record(
                at,
                FileKind::Note,
                layout::record_file(slug, RecordKind::Note, &n.at, &n.id),
                yaml_bytes(n)?,
            ),
            EventKind::Task(t) => record(
                at,
                FileKind::Task,
                layout::record_file(slug, RecordKind::Task, &t.created, &t.id),
                yaml_bytes(t)?,
            ),
            EventKind::Accept { .. } | EventKind::Done { .. } => continue,
        }
        if matches!(
            event.kind,
            EventKind::Customer | EventKind::Handoff(_) | EventKind::Status(_) | EventKind::Archive
        ) {
            if versions
                .last()
                .is_some_and(|v| period(world, v.at) == period(world, at))
            {
                versions.pop();
            }
            let data = yaml_bytes(&customer)?;
            versions.push(BulkFile {
                at,
                kind: FileKind::Customer,
                path: customer_path.clone(),
                data,
                last: false,
            });
        }
    }
    if customer != story.final_customer {
        return Err(Error::invalid(format!(
            "internal error: the demo's customer {slug} does not end as planned"
        )));
    }
    if let Some(last) = versions.last_mut() {
        last.last = true;
    }
    files.extend(versions);
    let owner = STAFF
        .iter()
        .position(|s| Some(s.handle) == customer.owner.as_deref())
        .unwrap_or(0);
    let showcase = customer.status == CustomerStatus::Active
        && story.open_threads > 0
        && story.counts.handoffs > 0;
    Ok(Output {
        files,
        owner,
        counts: story.counts,
        richness: story.richness(),
        slug: slug.to_string(),
        showcase,
    })
}

/// Writes the final version of every file to the (fresh) work tree, in parallel, on threads of
/// its own: on the global pool it would hold every thread, and the commits (hashed and
/// compressed there) would wait for the whole work tree.
fn write_tree(store: &Store, outputs: &[Output]) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .thread_name(|i| format!("demo-writer-{i}"))
        .build()
        .map_err(|e| Error::invalid(format!("cannot start the demo's writer threads: {e}")))?;
    pool.install(|| {
        outputs.par_iter().try_for_each(|output| {
            let mut dirs: BTreeSet<&str> = BTreeSet::new();
            for f in &output.files {
                if let Some((dir, _)) = f.path.rsplit_once('/') {
                    dirs.insert(dir);
                }
            }
            for dir in dirs {
                let path = store.path(dir);
                std::fs::create_dir_all(&path).at(&path)?;
            }
            for f in output.files.iter().filter(|f| f.last) {
                let path = store.path(&f.path);
                std::fs::write(&path, &f.data).at(&path)?;
            }
            Ok(())
        })
    })
}

/// One commit to make: when, by whom, which files (output, file index), what it says.
struct CommitPlan {
    at: DateTime<Utc>,
    author: usize,
    files: Vec<(usize, usize)>,
    message: String,
}

/// Feeds planned commits to the bulk import, naming each commit's files only when it is its
/// turn; at the end, waits for the work tree to be written.
struct CommitStream<'a, 'scope> {
    store: &'a Store,
    world: &'a World,
    outputs: &'a [Output],
    plans: std::vec::IntoIter<CommitPlan>,
    writer: Option<std::thread::ScopedJoinHandle<'scope, ()>>,
}

impl<'a> Iterator for CommitStream<'a, '_> {
    type Item = BulkCommit<'a>;

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.plans.size_hint()
    }

    fn next(&mut self) -> Option<BulkCommit<'a>> {
        let Some(plan) = self.plans.next() else {
            if let Some(writer) = self.writer.take() {
                let _ = writer.join();
            }
            return None;
        };
        let handle = STAFF[plan.author].handle;
        let author = match self
            .store
            .signature(handle, Some(self.world.stamp(plan.at)))
        {
            Ok(sig) => sig,
            Err(_) => crate::git::Signature {
                name: handle.into(),
                email: format!("{handle}@git-crm.invalid"),
                time: self.world.stamp(plan.at),
            },
        };
        let files = plan
            .files
            .iter()
            .map(|&(o, f)| {
                let file = &self.outputs[o].files[f];
                (self.store.git_path(&file.path), file.data.as_slice())
            })
            .collect();
        Some(BulkCommit {
            author,
            message: plan.message,
            files,
        })
    }
}

impl ExactSizeIterator for CommitStream<'_, '_> {}

/// Groups file versions into one commit per period and customer owner: each owner commits their
/// customers' work of the period, so every customer folder changes once per period (which keeps
/// the trees each commit rewrites few), and history reads as several people over time.
fn plan_commits(world: &World, outputs: &[Output]) -> Vec<CommitPlan> {
    let mut groups: BTreeMap<(i64, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (o, output) in outputs.iter().enumerate() {
        for (f, file) in output.files.iter().enumerate() {
            groups
                .entry((period(world, file.at), output.owner))
                .or_default()
                .push((o, f));
        }
    }
    let file = |&(o, f): &(usize, usize)| &outputs[o].files[f];
    // (period, time of the last file, author, files)
    type Planned = (i64, DateTime<Utc>, usize, Vec<(usize, usize)>);
    let mut ordered: Vec<Planned> = groups
        .into_iter()
        .map(|((p, author), mut files)| {
            files.sort_by(|a, b| {
                file(a)
                    .at
                    .cmp(&file(b).at)
                    .then_with(|| file(a).path.cmp(&file(b).path))
            });
            let last = files.last().map_or(world.start, |f| file(f).at);
            (p, last, author, files)
        })
        .collect();
    ordered.sort_by_key(|a| (a.0, a.1, a.2));
    let mut out = Vec::with_capacity(ordered.len());
    let mut previous = world.start + Duration::hours(1);
    for (_, last, author, files) in ordered {
        let at = last.max(previous + Duration::seconds(1));
        previous = at;
        let handle = STAFF[author].handle;
        let mut counts: BTreeMap<FileKind, usize> = BTreeMap::new();
        let mut customers: BTreeSet<&str> = BTreeSet::new();
        for f in &files {
            let f = file(f);
            *counts.entry(f.kind).or_default() += 1;
            customers.insert(f.path.split('/').nth(1).unwrap_or_default());
        }
        let first = files.first().map_or(at, |f| file(f).at);
        let words = [
            (FileKind::Interaction, "touchpoint"),
            (FileKind::Note, "note"),
            (FileKind::Task, "task"),
            (FileKind::Handoff, "handoff"),
            (FileKind::Customer, "customer record"),
        ];
        let parts: Vec<String> = words
            .iter()
            .filter_map(|(k, w)| {
                counts.get(k).map(|n| {
                    if *n == 1 {
                        format!("1 {w}")
                    } else {
                        format!("{n} {w}s")
                    }
                })
            })
            .collect();
        let message = format!(
            "log: {} on {} customers ({handle}, {} to {})\n\nCrm-Op: demo.bulk\nCrm-Actor: {handle}\n",
            parts.join(", "),
            customers.len(),
            world.local_date(first),
            world.local_date(at),
        );
        out.push(CommitPlan {
            at,
            author,
            files,
            message,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::distribute;

    #[test]
    fn distribution_is_exact() {
        let parts = distribute(1001, &[1.0, 2.0, 0.5, 3.3]);
        assert_eq!(parts.iter().sum::<usize>(), 1001);
        assert!(parts[3] > parts[1] && parts[1] > parts[0] && parts[0] > parts[2]);
        assert_eq!(distribute(5, &[]), Vec::<usize>::new());
        assert_eq!(
            distribute(2, &[1.0, 1.0, 1.0, 1.0]).iter().sum::<usize>(),
            2
        );
    }
}
