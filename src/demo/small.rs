//! The small demo: 36 hand-named customers whose stories are replayed through the library,
//! change by change, in time order: each person's work is committed when they sync (twice a
//! week), as them, and two feature branches are merged back with real merge commits.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

use super::data::{CAROL, CUSTOMERS, GRACE, STAFF};
use super::rng::Rng;
use super::story::{self, Event, EventKind, FairImport, Profile, Story, World};
use super::{Built, git_cmd, run_git};
use crate::error::Result;
use crate::model::records::{Actor, Customer, CustomerStatus, Handoff, RecordKind, Task};
use crate::model::{RecordId, time};
use crate::ops;
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{ApplyOptions, Change, FileOp, Store, layout};

/// The system name of the trade-fair lead list.
const FAIR_SYSTEM: &str = "salon-marketing";

/// A feature branch: where its commits go, and when and by whom it is merged.
struct Branch {
    name: &'static str,
    merge_at: DateTime<Utc>,
    merged_by: usize,
    message: String,
    created: bool,
}

pub(super) fn build(
    store: &Store,
    world: &World,
    seed: u64,
    progress: &dyn Fn(&str, u64, u64),
) -> Result<Built> {
    let mut rng = Rng::derive(seed, u64::MAX);
    let (profiles, fair_merge) = profiles(world, &mut rng);
    let mut stories: Vec<Story> = profiles
        .iter()
        .enumerate()
        .map(|(i, p)| story::generate(world, p, Rng::derive(seed, i as u64)))
        .collect();
    let (checklists, checklist_merge) = add_checklists(world, &mut stories, &mut rng);
    let fair_count = profiles.iter().filter(|p| p.fair.is_some()).count();
    let branches = vec![
        Branch {
            name: "import/leads",
            merge_at: fair_merge,
            merged_by: GRACE,
            message: format!("merge: import/leads ({fair_count} trade-fair leads)"),
            created: false,
        },
        Branch {
            name: "carol/onboarding-checklists",
            merge_at: checklist_merge,
            merged_by: CAROL,
            message: "merge: carol/onboarding-checklists (checklist tasks for new accounts)".into(),
            created: false,
        },
    ];
    let fair: Vec<bool> = profiles.iter().map(|p| p.fair.is_some()).collect();
    let mut replay = Replay {
        store,
        world,
        stories: &stories,
        branches,
        current: None,
        last_commit: world.start,
    };
    replay.run(&fair, &checklists, progress)?;

    let mut counts = story::Counts::default();
    for s in &stories {
        counts += s.counts;
    }
    let sample = stories
        .iter()
        .filter(|s| s.final_customer.status == CustomerStatus::Active && s.open_threads > 0)
        .max_by_key(|s| s.richness())
        .or_else(|| stories.iter().max_by_key(|s| s.richness()))
        .map(|s| s.slug().to_string())
        .unwrap_or_default();
    Ok(Built {
        customers: stories.len(),
        counts,
        sample_customer: sample,
    })
}

fn next_weekday(mut day: NaiveDate, allowed: &[Weekday]) -> NaiveDate {
    while !allowed.contains(&day.weekday()) {
        day = day.succ_opt().unwrap_or(day);
    }
    day
}

/// Profiles of the 36 customers, and when the trade-fair import branch is merged.
fn profiles(w: &World, rng: &mut Rng) -> (Vec<Profile>, DateTime<Utc>) {
    use Weekday::{Mon, Thu, Tue, Wed};
    let fair_day = next_weekday(
        w.local_date(w.anchor - Duration::days(45)),
        &[Mon, Tue, Wed],
    );
    let fair_import = story::local_time(w.zone, fair_day, 10, 0);
    let fair_merge = story::local_time(w.zone, fair_day + Duration::days(2), 11, 30);
    let mut out = Vec::new();
    let mut fair_index = 0;
    for (i, spec) in CUSTOMERS.iter().enumerate() {
        let day_between = |rng: &mut Rng, from: DateTime<Utc>, lo: i64, hi: i64| {
            let day = next_weekday(
                w.local_date(from + Duration::days(rng.range(lo, hi))),
                &[Mon, Tue, Wed, Thu, Weekday::Fri],
            );
            story::local_time(w.zone, day, 9 + rng.below(8) as u32, rng.below(60) as u32)
        };
        let created = if spec.fair {
            fair_import + Duration::minutes(3 * fair_index)
        } else {
            match spec.status {
                CustomerStatus::Active => day_between(rng, w.start, 1, 110),
                CustomerStatus::Lead => day_between(rng, w.anchor, -70, -6),
                CustomerStatus::Paused => day_between(rng, w.start, 3, 70),
                CustomerStatus::Churned => day_between(rng, w.start, 1, 50),
            }
        };
        let ranges = [(5, 9), (10, 16), (16, 26), (26, 38), (40, 60)];
        let (lo, hi) = ranges[usize::from(spec.activity.clamp(1, 5)) - 1];
        let mut budget = rng.range(lo, hi + 1) as usize;
        if spec.status == CustomerStatus::Lead {
            budget = budget * 3 / 5 + 1;
        }
        let mut external_ids = BTreeMap::new();
        let fair = spec.fair.then(|| {
            let key = format!("SM-{:03}", 17 + 7 * fair_index);
            external_ids.insert(FAIR_SYSTEM.to_string(), key.clone());
            let met = story::local_time(w.zone, fair_day - Duration::days(2), 11, 0)
                + Duration::minutes(rng.range(0, 6 * 60));
            fair_index += 1;
            FairImport {
                system: FAIR_SYSTEM.into(),
                key,
                met_at: met,
            }
        });
        if fair.is_none() && spec.status != CustomerStatus::Lead && rng.chance(0.5) {
            external_ids.insert("billing".into(), format!("CUST-{:04}", 1000 + 7 * i));
        }
        out.push(Profile {
            name: spec.name.into(),
            kind: spec.kind,
            industry: spec.industry.into(),
            city: spec.city.into(),
            status: spec.status,
            tags: spec.tags.iter().map(|t| t.to_string()).collect(),
            tier: spec.tier.map(str::to_string),
            mrr: spec.mrr,
            created,
            budget,
            fair,
            external_ids,
        });
    }
    (out, fair_merge)
}

/// Carol's onboarding checklists: tasks she adds on a branch over two days, merged afterwards.
fn add_checklists(
    w: &World,
    stories: &mut [Story],
    rng: &mut Rng,
) -> (BTreeSet<RecordId>, DateTime<Utc>) {
    use Weekday::{Mon, Tue, Wed};
    let day = next_weekday(
        w.local_date(w.anchor - Duration::days(100)),
        &[Mon, Tue, Wed],
    );
    let start = story::local_time(w.zone, day, 14, 0);
    let merge = story::local_time(w.zone, day + Duration::days(1), 17, 30);
    let owner_at = |s: &Story, t: DateTime<Utc>| {
        s.events
            .iter()
            .filter(|e| e.at <= t)
            .filter_map(|e| match &e.kind {
                EventKind::Handoff(h) => h.to.owner.clone(),
                _ => None,
            })
            .next_back()
            .or_else(|| s.initial.owner.clone())
    };
    let existing: Vec<usize> = (0..stories.len())
        .filter(|&i| stories[i].initial.created.to_utc() < start - Duration::days(1))
        .collect();
    let mut chosen: Vec<usize> = existing
        .iter()
        .copied()
        .filter(|&i| owner_at(&stories[i], start).as_deref() == Some(STAFF[CAROL].handle))
        .collect();
    let others: Vec<usize> = existing
        .iter()
        .copied()
        .filter(|i| !chosen.contains(i))
        .collect();
    chosen.extend(others);
    chosen.truncate(4);
    let mut ids = BTreeSet::new();
    for (k, &i) in chosen.iter().enumerate() {
        let at =
            start + Duration::minutes(25 * k as i64) + Duration::hours(if k >= 2 { 20 } else { 0 });
        let assignee = owner_at(&stories[i], at).unwrap_or_else(|| STAFF[CAROL].handle.to_string());
        let due = w.local_date(at) + Duration::days(rng.range(5, 12));
        let mut task = Task {
            id: RecordId::from_parts(at, rng.u128()),
            created: w.stamp(at),
            by: STAFF[CAROL].handle.into(),
            assignee: Some(assignee.clone()),
            due: Some(due),
            title: "Onboarding checklist: kickoff, brand assets, CMS access, analytics".into(),
            done_at: None,
            extra: Default::default(),
        };
        let done = story::local_time(w.zone, due, 11, 0) - Duration::days(rng.range(0, 3));
        let doer = STAFF
            .iter()
            .position(|s| s.handle == assignee)
            .unwrap_or(CAROL);
        if done < w.anchor && done > at {
            task.done_at = Some(w.stamp(done));
            stories[i].events.push(Event {
                at: done,
                author: doer,
                kind: EventKind::Done {
                    task: task.id,
                    created: task.created,
                },
            });
        }
        ids.insert(task.id);
        stories[i].events.push(Event {
            at,
            author: CAROL,
            kind: EventKind::Task(task),
        });
        stories[i].counts.tasks += 1;
        stories[i].events.sort_by_key(|e| e.at);
    }
    (ids, merge)
}

/// One event of one story, placed on a branch (`None` is main).
#[derive(Debug, Clone, Copy)]
struct Item {
    story: usize,
    event: usize,
    branch: Option<usize>,
}

/// Events recorded by one person in one sync period on one branch, committed together.
#[derive(Debug, Default)]
struct Group {
    items: Vec<Item>,
    last: Option<DateTime<Utc>>,
    writes: Vec<String>,
}

/// Group identity: branch, author, sync period, whether it is the trade-fair import.
type GroupKey = (Option<usize>, usize, NaiveDate, bool);

struct Replay<'a> {
    store: &'a Store,
    world: &'a World,
    stories: &'a [Story],
    branches: Vec<Branch>,
    /// Branch checked out (`None` is main).
    current: Option<usize>,
    last_commit: DateTime<Utc>,
}

impl Replay<'_> {
    fn event(&self, item: Item) -> &Event {
        &self.stories[item.story].events[item.event]
    }

    fn run(
        &mut self,
        fair: &[bool],
        checklists: &BTreeSet<RecordId>,
        progress: &dyn Fn(&str, u64, u64),
    ) -> Result<()> {
        let stories: &[Story] = self.stories;
        let event_of = |item: &Item| &stories[item.story].events[item.event];
        let mut items = Vec::new();
        for (s, story) in stories.iter().enumerate() {
            let mut on_branch: BTreeSet<RecordId> = BTreeSet::new();
            for (e, event) in story.events.iter().enumerate() {
                let branch = if fair[s] && event.at < self.branches[0].merge_at {
                    Some(0)
                } else {
                    match &event.kind {
                        EventKind::Task(t) if checklists.contains(&t.id) => {
                            on_branch.insert(t.id);
                            Some(1)
                        }
                        EventKind::Done { task, .. }
                            if on_branch.contains(task) && event.at < self.branches[1].merge_at =>
                        {
                            Some(1)
                        }
                        _ => None,
                    }
                };
                items.push(Item {
                    story: s,
                    event: e,
                    branch,
                });
            }
        }
        items.sort_by_key(|i| {
            let e = event_of(i);
            (
                e.at,
                matches!(e.kind, EventKind::Accept { .. } | EventKind::Done { .. }),
                i.story,
                i.event,
            )
        });
        let mut merges: Vec<(DateTime<Utc>, usize)> = self
            .branches
            .iter()
            .enumerate()
            .map(|(i, b)| (b.merge_at, i))
            .collect();
        merges.sort();
        let mut merges = merges.into_iter().peekable();

        let mut open: BTreeMap<GroupKey, Group> = BTreeMap::new();
        let mut writer: HashMap<String, GroupKey> = HashMap::new();
        let mut day: Option<NaiveDate> = None;
        let total = items.len() as u64;
        for (n, item) in items.iter().enumerate() {
            if n % 50 == 0 {
                progress("history", n as u64, total);
            }
            let event = event_of(item);
            while let Some(&(at, b)) = merges.peek() {
                if at > event.at {
                    break;
                }
                merges.next();
                self.flush_all(&mut open, &mut writer)?;
                self.merge(b)?;
            }
            let today = sync_period(self.world.local_date(event.at));
            if day != Some(today) {
                self.flush_all(&mut open, &mut writer)?;
                day = Some(today);
            }
            let story = &stories[item.story];
            let import = fair[item.story]
                && (matches!(event.kind, EventKind::Customer)
                    || matches!(&event.kind, EventKind::Interaction(i) if i.actor == Actor::Import));
            let key: GroupKey = (item.branch, event.author, today, import);
            let (reads, writes) = keys(story, event);
            for k in reads.iter().chain(&writes) {
                if let Some(other) = writer.get(k).copied()
                    && other != key
                {
                    self.flush(&other, &mut open, &mut writer)?;
                }
            }
            let group = open.entry(key).or_default();
            group.items.push(*item);
            group.last = Some(group.last.map_or(event.at, |l| l.max(event.at)));
            for k in writes {
                writer.insert(k.clone(), key);
                group.writes.push(k);
            }
        }
        self.flush_all(&mut open, &mut writer)?;
        for (_, b) in merges {
            self.merge(b)?;
        }
        self.checkout(None)?;
        progress("history", total, total);
        Ok(())
    }

    fn flush_all(
        &mut self,
        open: &mut BTreeMap<GroupKey, Group>,
        writer: &mut HashMap<String, GroupKey>,
    ) -> Result<()> {
        let mut keys: Vec<(DateTime<Utc>, GroupKey)> = open
            .iter()
            .map(|(k, g)| (g.last.unwrap_or(self.world.start), *k))
            .collect();
        keys.sort();
        for (_, key) in keys {
            self.flush(&key, open, writer)?;
        }
        Ok(())
    }

    fn flush(
        &mut self,
        key: &GroupKey,
        open: &mut BTreeMap<GroupKey, Group>,
        writer: &mut HashMap<String, GroupKey>,
    ) -> Result<()> {
        let Some(group) = open.remove(key) else {
            return Ok(());
        };
        for k in &group.writes {
            if writer.get(k) == Some(key) {
                writer.remove(k);
            }
        }
        self.commit(key, &group)
    }

    fn checkout(&mut self, branch: Option<usize>) -> Result<()> {
        if self.current == branch {
            return Ok(());
        }
        let root = self.store.repo_root().to_path_buf();
        let mut cmd = git_cmd(&root);
        match branch {
            None => {
                cmd.args(["checkout", "-q", "main"]);
            }
            Some(b) if !self.branches[b].created => {
                if self.current.is_some() {
                    self.checkout(None)?;
                }
                cmd.args(["checkout", "-q", "-b", self.branches[b].name]);
                self.branches[b].created = true;
            }
            Some(b) => {
                cmd.args(["checkout", "-q", self.branches[b].name]);
            }
        }
        run_git(cmd, "git checkout")?;
        self.current = branch;
        Ok(())
    }

    fn merge(&mut self, b: usize) -> Result<()> {
        if !self.branches[b].created {
            return Ok(());
        }
        self.checkout(None)?;
        let branch = &self.branches[b];
        let at = branch.merge_at.max(self.last_commit + Duration::seconds(1));
        let handle = STAFF[branch.merged_by].handle;
        let sig = self.store.signature(handle, Some(self.world.stamp(at)))?;
        let date = time::rfc3339(&sig.time);
        let message = format!("{}\n\nCrm-Op: merge\nCrm-Actor: {handle}\n", branch.message);
        let mut cmd = git_cmd(self.store.repo_root());
        cmd.args(["merge", "--no-ff", "-q", "-m", &message, branch.name])
            .env("GIT_AUTHOR_NAME", &sig.name)
            .env("GIT_AUTHOR_EMAIL", &sig.email)
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_NAME", &sig.name)
            .env("GIT_COMMITTER_EMAIL", &sig.email)
            .env("GIT_COMMITTER_DATE", &date);
        run_git(cmd, "git merge")?;
        self.last_commit = at;
        Ok(())
    }

    fn commit(&mut self, key: &GroupKey, group: &Group) -> Result<()> {
        self.checkout(key.0)?;
        let author = STAFF[key.1].handle;
        // Files written by earlier changes of the group, which later ones build on.
        let mut overlay: HashMap<String, String> = HashMap::new();
        let mut changes = Vec::with_capacity(group.items.len());
        for item in &group.items {
            let change = self.plan(*item, &overlay)?;
            for file in &change.files {
                if let FileOp::Create { path, contents } | FileOp::Update { path, contents } = file
                {
                    overlay.insert(path.clone(), contents.clone());
                }
            }
            changes.push(change);
        }
        let (op, subject) = describe(&changes, group, self, author, key.3);
        let mut batch = Change::new(&op, subject, author);
        let mut files: Vec<FileOp> = Vec::new();
        for mut change in changes {
            for file in change.files.drain(..) {
                if !files.iter().any(|f| f.path() == file.path()) {
                    files.push(file);
                }
            }
            batch.absorb(change);
        }
        for file in &mut files {
            if let FileOp::Create { path, contents } | FileOp::Update { path, contents } = file
                && let Some(latest) = overlay.remove(path.as_str())
            {
                *contents = latest;
            }
        }
        batch.files = files;
        let at = group
            .last
            .unwrap_or(self.last_commit)
            .max(self.last_commit + Duration::seconds(1));
        self.store.begin()?.apply(
            &batch,
            ApplyOptions {
                time: Some(self.world.stamp(at)),
                ..Default::default()
            },
        )?;
        self.last_commit = at;
        Ok(())
    }

    /// The change one event makes, planned against the files as they are now (`overlay` holds
    /// files changed earlier in the same commit).
    fn plan(&self, item: Item, overlay: &HashMap<String, String>) -> Result<Change> {
        let story = &self.stories[item.story];
        let event = self.event(item);
        let slug = story.slug();
        let actor = STAFF[event.author].handle;
        let read = |path: &str| -> Result<String> {
            match overlay.get(path) {
                Some(text) => Ok(text.clone()),
                None => self.store.read_text(path),
            }
        };
        let edit_customer = |op: &str, subject: String, edits: &[FieldEdit]| -> Result<Change> {
            let path = layout::customer_file(slug);
            let (new_text, customer): (String, Customer) =
                edit_text(Path::new(&path), &read(&path)?, edits)?;
            let mut change = Change::new(op, subject, actor);
            change.ids.push(customer.id);
            change.files.push(FileOp::Update {
                path,
                contents: new_text,
            });
            Ok(change)
        };
        let change = match &event.kind {
            EventKind::Customer => {
                ops::customer::planned_new_customer(actor, story.initial.clone())?.change
            }
            EventKind::Interaction(i) => {
                ops::log::planned_interaction(actor, slug, i.clone())?.change
            }
            EventKind::Note(n) => ops::note::planned_note(actor, slug, n.clone())?.change,
            EventKind::Task(t) => {
                let mut t = t.clone();
                t.done_at = None;
                ops::task::planned_task(actor, slug, t)?.change
            }
            EventKind::Handoff(h) => {
                let mut h = h.clone();
                h.accepted_at = None;
                h.extra.remove("accepted_by");
                let edits = [
                    FieldEdit::set("owner", &h.to.owner),
                    FieldEdit::set("team", &h.to.team),
                ];
                let customer = edit_customer("handoff.add", String::new(), &edits)?;
                let mut planned = ops::assign::planned_handoff(actor, slug, h)?;
                planned.change.files.splice(0..0, customer.files);
                planned.change.ids.insert(0, story.initial.id);
                planned.change
            }
            EventKind::Status(status) => {
                let subject = format!("customer: edit {slug} (status={status})");
                edit_customer(
                    "customer.edit",
                    subject,
                    &[FieldEdit::set("status", status)],
                )?
            }
            EventKind::Archive => {
                let edit = FieldEdit::set("archived", time::rfc3339(&self.world.stamp(event.at)));
                edit_customer(
                    "customer.archive",
                    format!("customer: archive {slug}"),
                    &[edit],
                )?
            }
            EventKind::Accept {
                handoff,
                created,
                to,
            } => {
                let path = layout::record_file(slug, RecordKind::Handoff, created, handoff);
                let edits = [
                    FieldEdit::set("accepted_at", time::rfc3339(&self.world.stamp(event.at))),
                    FieldEdit::set("accepted_by", actor),
                ];
                let (new_text, _): (String, Handoff) =
                    edit_text(Path::new(&path), &read(&path)?, &edits)?;
                let mut change = Change::new(
                    "handoff.accept",
                    format!("handoff: {actor} accepts {slug} ({to})"),
                    actor,
                );
                change.ids.push(*handoff);
                change.files.push(FileOp::Update {
                    path,
                    contents: new_text,
                });
                change
            }
            EventKind::Done { task, created } => {
                let path = layout::record_file(slug, RecordKind::Task, created, task);
                let edits = [FieldEdit::set(
                    "done_at",
                    time::rfc3339(&self.world.stamp(event.at)),
                )];
                let (new_text, _): (String, Task) =
                    edit_text(Path::new(&path), &read(&path)?, &edits)?;
                let mut change = Change::new(
                    "task.done",
                    format!("task: done on {slug} ({actor})"),
                    actor,
                );
                change.ids.push(*task);
                change.files.push(FileOp::Update {
                    path,
                    contents: new_text,
                });
                change
            }
        };
        Ok(change)
    }
}

/// People push their work twice a week (Monday to Wednesday, Thursday to Sunday): the first
/// day of the period a day belongs to.
fn sync_period(day: NaiveDate) -> NaiveDate {
    let from_monday = i64::from(day.weekday().num_days_from_monday());
    day - Duration::days(if from_monday < 3 {
        from_monday
    } else {
        from_monday - 3
    })
}

/// What an event reads and writes, for ordering commits: an event is committed after every
/// open group that wrote something it touches.
fn keys(story: &Story, event: &Event) -> (Vec<String>, Vec<String>) {
    let customer = format!("c:{}", story.slug());
    let record = |id: &RecordId| format!("r:{id}");
    match &event.kind {
        EventKind::Customer => (vec![], vec![customer]),
        EventKind::Handoff(h) => (vec![], vec![customer, record(&h.id)]),
        EventKind::Status(_) | EventKind::Archive => (vec![], vec![customer]),
        EventKind::Interaction(i) => (vec![customer], vec![record(&i.id)]),
        EventKind::Note(n) => (vec![customer], vec![record(&n.id)]),
        EventKind::Task(t) => (vec![customer], vec![record(&t.id)]),
        EventKind::Accept { handoff, .. } => (vec![], vec![record(handoff)]),
        EventKind::Done { task, .. } => (vec![], vec![record(task)]),
    }
}

/// The commit subject and `Crm-Op` of a group of changes.
fn describe(
    changes: &[Change],
    group: &Group,
    replay: &Replay<'_>,
    author: &str,
    import: bool,
) -> (String, String) {
    if let [only] = changes
        && !import
    {
        return (only.op.clone(), only.subject.clone());
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut slugs: Vec<&str> = Vec::new();
    for item in &group.items {
        let story = &replay.stories[item.story];
        if !slugs.contains(&story.slug()) {
            slugs.push(story.slug());
        }
        let what = match replay.event(*item).kind {
            EventKind::Customer => "customer",
            EventKind::Interaction(_) => "touchpoint",
            EventKind::Note(_) => "note",
            EventKind::Handoff(_) => "handoff",
            EventKind::Task(_) => "task",
            EventKind::Status(_) => "status change",
            EventKind::Archive => "archived customer",
            EventKind::Accept { .. } => "accepted handoff",
            EventKind::Done { .. } => "task done",
        };
        *counts.entry(what).or_default() += 1;
    }
    let order = [
        "customer",
        "touchpoint",
        "note",
        "task",
        "handoff",
        "accepted handoff",
        "task done",
        "status change",
        "archived customer",
    ];
    let parts: Vec<String> = order
        .iter()
        .filter_map(|w| counts.get(w).map(|n| plural(*n, w)))
        .collect();
    let parts = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    };
    let ops: BTreeSet<&str> = changes.iter().map(|c| c.op.as_str()).collect();
    if import {
        return (
            "import".into(),
            format!("import: {parts} from the trade-fair lead list ({author})"),
        );
    }
    let op = if ops.len() == 1 {
        ops.into_iter().next().unwrap_or("batch").to_string()
    } else {
        "batch".into()
    };
    let on = match slugs.as_slice() {
        [one] => one.to_string(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
        [] => String::new(),
    };
    let verb = if counts.contains_key("touchpoint") {
        "log"
    } else {
        "update"
    };
    (op, format!("{verb}: {parts} on {on} ({author})"))
}

fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, w) => format!("1 {w}"),
        (n, "task done") => format!("{n} tasks done"),
        (n, "status change") => format!("{n} status changes"),
        (n, "accepted handoff") => format!("{n} accepted handoffs"),
        (n, "archived customer") => format!("{n} archived customers"),
        (n, w) => format!("{n} {w}s"),
    }
}
