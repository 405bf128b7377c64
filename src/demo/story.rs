//! The life of one customer: who owned it when, its conversation threads on every channel,
//! notes, handoffs and tasks. A story is pure data; the small demo replays it commit by commit,
//! the large one writes its final state in bulk.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::data::{self, ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GRACE, STAFF, Topic};
use super::rng::Rng;
use crate::model::records::{
    Actor, Contact, Customer, CustomerKind, CustomerStatus, Direction, Handoff, Interaction, Note,
    Party, Source, Task,
};
use crate::model::{RecordId, Timestamp, slug};

/// Time frame and calendar of a demo.
#[derive(Debug, Clone)]
pub(crate) struct World {
    /// The end of history: today, truncated to the day (UTC).
    pub anchor: DateTime<Utc>,
    /// When the store was created.
    pub start: DateTime<Utc>,
    pub zone: Tz,
    pub holidays: BTreeSet<NaiveDate>,
}

/// How many days of history a demo has.
pub(crate) const HISTORY_DAYS: i64 = 190;

impl World {
    pub(crate) fn new(anchor: DateTime<Utc>) -> Self {
        let zone: Tz = chrono_tz::Europe::Paris;
        let first_day = (anchor - Duration::days(HISTORY_DAYS))
            .with_timezone(&zone)
            .date_naive();
        let start = local_time(zone, first_day, 9, 0);
        let mut holidays = BTreeSet::new();
        for year in first_day.year()..=anchor.year() + 1 {
            holidays.extend(french_holidays(year));
        }
        World {
            anchor,
            start,
            zone,
            holidays,
        }
    }

    /// Paris time of an instant, as records store it.
    pub(crate) fn stamp(&self, t: DateTime<Utc>) -> Timestamp {
        t.with_timezone(&self.zone).fixed_offset()
    }

    pub(crate) fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.zone).date_naive()
    }

    /// Working hours of a day as minutes since midnight, per calendar (`support` has extended
    /// hours and Saturday mornings).
    fn hours(&self, day: NaiveDate, support: bool) -> Option<(u32, u32)> {
        if self.holidays.contains(&day) {
            return None;
        }
        match (day.weekday(), support) {
            (Weekday::Sun, _) | (Weekday::Sat, false) => None,
            (Weekday::Sat, true) => Some((10 * 60, 14 * 60)),
            (_, true) => Some((8 * 60, 19 * 60)),
            (Weekday::Fri, false) => Some((9 * 60, 17 * 60)),
            (_, false) => Some((9 * 60, 18 * 60)),
        }
    }

    /// The calendars written to the config, matching [`World::hours`].
    pub(crate) fn calendars(&self) -> BTreeMap<String, crate::model::Calendar> {
        let holidays: Vec<NaiveDate> = self
            .holidays
            .iter()
            .copied()
            .filter(|d| {
                *d >= self.local_date(self.start)
                    && *d <= self.local_date(self.anchor) + Duration::days(366)
            })
            .collect();
        let office = [
            ("mon", "09:00-18:00"),
            ("tue", "09:00-18:00"),
            ("wed", "09:00-18:00"),
            ("thu", "09:00-18:00"),
            ("fri", "09:00-17:00"),
        ];
        let support = [
            ("mon", "08:00-19:00"),
            ("tue", "08:00-19:00"),
            ("wed", "08:00-19:00"),
            ("thu", "08:00-19:00"),
            ("fri", "08:00-19:00"),
            ("sat", "10:00-14:00"),
        ];
        let calendar = |hours: &[(&str, &str)]| crate::model::Calendar {
            zone: "Europe/Paris".into(),
            hours: hours
                .iter()
                .map(|(d, h)| (d.to_string(), h.to_string()))
                .collect(),
            holidays: holidays.clone(),
            extra: Default::default(),
        };
        BTreeMap::from([
            ("paris".to_string(), calendar(&office)),
            ("paris-support".to_string(), calendar(&support)),
        ])
    }
}

pub(crate) fn local_time(zone: Tz, day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let naive = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.to_utc())
        .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
}

fn easter(year: i32) -> NaiveDate {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

fn french_holidays(year: i32) -> Vec<NaiveDate> {
    let e = easter(year);
    let fixed = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    let mut days: Vec<NaiveDate> = fixed
        .iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, *m, *d))
        .collect();
    days.extend([
        e + Duration::days(1),
        e + Duration::days(39),
        e + Duration::days(50),
    ]);
    days
}

/// What happened, in the order the story tells it.
#[derive(Debug, Clone)]
pub(crate) enum EventKind {
    /// The customer record is created (as [`Story::initial`]).
    Customer,
    Interaction(Interaction),
    Note(Note),
    /// In its final state (with `accepted_at` if it was accepted); the customer's owner and team
    /// become its `to`.
    Handoff(Handoff),
    /// In its final state (with `done_at` if it was done).
    Task(Task),
    Status(CustomerStatus),
    Archive,
    /// The handoff created at `created` with this id is accepted (at the event's time).
    Accept {
        handoff: RecordId,
        created: Timestamp,
        to: Party,
    },
    /// The task created at `created` with this id is done (at the event's time).
    Done {
        task: RecordId,
        created: Timestamp,
    },
}

/// One thing done by one person at one time (the time it was recorded in the store).
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub at: DateTime<Utc>,
    /// Index into [`STAFF`] of who recorded it.
    pub author: usize,
    pub kind: EventKind,
}

impl Event {
    fn rank(&self) -> u8 {
        match self.kind {
            EventKind::Customer => 0,
            EventKind::Accept { .. } | EventKind::Done { .. } => 2,
            _ => 1,
        }
    }
}

/// Record counts of a story.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counts {
    pub interactions: usize,
    pub notes: usize,
    pub handoffs: usize,
    pub tasks: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.interactions += o.interactions;
        self.notes += o.notes;
        self.handoffs += o.handoffs;
        self.tasks += o.tasks;
    }
}

/// A whole customer: its record as created, as it ends, and everything in between.
#[derive(Debug, Clone)]
pub(crate) struct Story {
    pub initial: Customer,
    pub final_customer: Customer,
    pub events: Vec<Event>,
    pub counts: Counts,
    /// Threads still open at the end (for choosing the tour's customer).
    pub open_threads: usize,
}

impl Story {
    pub(crate) fn slug(&self) -> &str {
        &self.initial.slug
    }

    /// How interesting the customer's timeline is.
    pub(crate) fn richness(&self) -> usize {
        let c = self.counts;
        c.interactions + 2 * c.notes + 6 * c.handoffs + 2 * c.tasks + 3 * self.open_threads.min(3)
    }
}

/// What a story is generated from.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub name: String,
    pub kind: CustomerKind,
    pub industry: String,
    pub city: String,
    pub status: CustomerStatus,
    pub tags: Vec<String>,
    pub tier: Option<String>,
    pub mrr: Option<u32>,
    pub created: DateTime<Utc>,
    /// Touchpoints to generate.
    pub budget: usize,
    /// Imported at the trade fair (created by bob with an imported first touchpoint).
    pub fair: Option<FairImport>,
    pub external_ids: BTreeMap<String, String>,
}

/// Provenance of a customer imported from the trade-fair lead list.
#[derive(Debug, Clone)]
pub(crate) struct FairImport {
    pub system: String,
    pub key: String,
    pub met_at: DateTime<Utc>,
}

/// How a handoff ends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Accept {
    Explicit(DateTime<Utc>),
    /// By the new owner's first touchpoint or note.
    Implicit,
    /// Not yet: the new owner has not done anything on the customer since.
    Pending,
}

#[derive(Debug, Clone)]
struct Step {
    at: DateTime<Utc>,
    by: usize,
    from: usize,
    to: usize,
    reason: String,
    accept: Accept,
    kind: StepKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum StepKind {
    Rebalance,
    Deal,
    GoLive,
    Finance,
    FinanceBack,
    WinBack,
    Cover,
}

/// Who owns the customer when, and how its status moves.
#[derive(Debug, Clone)]
struct Plan {
    initial: usize,
    steps: Vec<Step>,
    statuses: Vec<(DateTime<Utc>, usize, CustomerStatus)>,
    archive: Option<(DateTime<Utc>, usize)>,
    deal: Option<DateTime<Utc>>,
    /// Conversations stop here (churn, pause, or the end of history).
    end: DateTime<Utc>,
}

impl Plan {
    fn owner_at(&self, t: DateTime<Utc>) -> usize {
        self.steps
            .iter()
            .rev()
            .find(|s| s.at <= t)
            .map_or(self.initial, |s| s.to)
    }

    /// The pending last handoff, if any: (time, new owner, previous owner).
    fn pending(&self) -> Option<(DateTime<Utc>, usize, usize)> {
        self.steps
            .last()
            .filter(|s| s.accept == Accept::Pending)
            .map(|s| (s.at, s.to, s.from))
    }

    /// Whether `who` may act on the customer at `t` (a pending new owner has not yet).
    fn allowed(&self, who: usize, t: DateTime<Utc>) -> bool {
        !matches!(self.pending(), Some((h, to, _)) if who == to && t >= h)
    }

    /// Who looks after the customer at `t`: the owner, or the previous one while a handoff is
    /// pending.
    fn acting_owner(&self, t: DateTime<Utc>) -> usize {
        let owner = self.owner_at(t);
        match self.pending() {
            Some((h, to, from)) if t >= h && owner == to => from,
            _ => owner,
        }
    }
}

fn party(who: usize) -> Party {
    Party {
        owner: Some(STAFF[who].handle.to_string()),
        team: Some(STAFF[who].team.to_string()),
    }
}

fn fill(template: &str, contact: &str, subject: &str, handle: &str) -> String {
    template
        .replace("{c}", contact)
        .replace("{s}", subject)
        .replace("{h}", handle)
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

const CHANNELS_IN: [(&str, u32); 8] = [
    ("email", 38),
    ("call", 16),
    ("chat", 16),
    ("whatsapp", 10),
    ("social", 8),
    ("sms", 5),
    ("other", 5),
    ("meeting", 2),
];
const CHANNELS_OUT: [(&str, u32); 6] = [
    ("email", 50),
    ("call", 25),
    ("chat", 8),
    ("whatsapp", 8),
    ("sms", 5),
    ("social", 4),
];

fn switched(channel: &str) -> &'static str {
    match channel {
        "email" => "call",
        "call" | "social" | "chat" | "other" | "meeting" => "email",
        "whatsapp" | "sms" => "call",
        _ => "email",
    }
}

struct Gen<'a> {
    w: &'a World,
    rng: Rng,
    contacts: Vec<Contact>,
    plan: Plan,
    events: Vec<Event>,
    budget: usize,
    made: usize,
    counts: Counts,
    vip: bool,
}

/// Builds the customer, its contacts and its whole history.
pub(crate) fn generate(w: &World, profile: &Profile, mut rng: Rng) -> Story {
    let slug_text = slug::slugify(&profile.name);
    let contacts = make_contacts(&mut rng, profile, &slug_text);
    let vip = profile.tags.iter().any(|t| t == "vip");
    let initial_owner = match &profile.fair {
        Some(_) => BOB,
        None if vip && rng.chance(0.5) => GRACE,
        None => *rng.pick(&[ALICE, BOB]),
    };
    let mut g = Gen {
        w,
        rng,
        contacts,
        plan: Plan {
            initial: initial_owner,
            steps: vec![],
            statuses: vec![],
            archive: None,
            deal: None,
            end: w.anchor,
        },
        events: Vec::new(),
        budget: profile.budget,
        made: 0,
        counts: Counts::default(),
        vip,
    };
    g.plan_ownership(profile.status, profile.created);
    let mut fields = BTreeMap::new();
    fields.insert("industry".to_string(), serde_json::json!(profile.industry));
    fields.insert("city".to_string(), serde_json::json!(profile.city));
    if let Some(tier) = &profile.tier {
        fields.insert("tier".to_string(), serde_json::json!(tier));
    }
    if let Some(mrr) = profile.mrr {
        fields.insert("mrr".to_string(), serde_json::json!(mrr));
    }
    let created_by = match &profile.fair {
        Some(_) => BOB,
        None => initial_owner,
    };
    let initial = Customer {
        id: RecordId::from_parts(profile.created, g.rng.u128()),
        name: profile.name.clone(),
        slug: slug_text,
        kind: profile.kind,
        status: CustomerStatus::Lead,
        owner: Some(STAFF[initial_owner].handle.to_string()),
        team: Some(STAFF[initial_owner].team.to_string()),
        tags: profile.tags.clone(),
        contacts: g.contacts.clone(),
        domains: Vec::new(),
        external_ids: profile.external_ids.clone(),
        fields,
        created: w.stamp(profile.created),
        archived: None,
        renamed_from: Vec::new(),
        extra: Default::default(),
    };
    g.events.push(Event {
        at: profile.created,
        author: created_by,
        kind: EventKind::Customer,
    });
    if let Some(fair) = &profile.fair {
        g.fair_touchpoint(fair, profile.created);
    }
    g.scripted();
    g.threads(profile.created);
    g.notes(profile.created);
    g.tasks(profile.created);
    g.events.sort_by_key(|e| (e.at, e.rank()));

    let mut final_customer = initial.clone();
    if let Some(step) = g.plan.steps.last() {
        final_customer.owner = Some(STAFF[step.to].handle.to_string());
        final_customer.team = Some(STAFF[step.to].team.to_string());
    }
    if let Some((_, _, status)) = g.plan.statuses.last() {
        final_customer.status = *status;
    }
    if let Some((at, _)) = g.plan.archive {
        final_customer.archived = Some(w.stamp(at));
    }
    let open_threads = {
        let interactions: Vec<&Interaction> = g
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Interaction(i) => Some(i),
                _ => None,
            })
            .collect();
        crate::model::threads::thread_states(interactions)
            .iter()
            .filter(|s| s.is_open())
            .count()
    };
    Story {
        initial,
        final_customer,
        events: g.events,
        counts: g.counts,
        open_threads,
    }
}

fn make_contacts(rng: &mut Rng, profile: &Profile, slug_text: &str) -> Vec<Contact> {
    let domain = format!("{}.example", slug_text.replace('-', ""));
    let phone = |rng: &mut Rng| {
        format!(
            "+33 6 {:02} {:02} {:02} {:02}",
            rng.below(100),
            rng.below(100),
            rng.below(100),
            rng.below(100)
        )
    };
    if profile.kind == CustomerKind::Person {
        let first = slug::slugify(first_name(&profile.name));
        return vec![Contact {
            name: profile.name.clone(),
            email: Some(format!("{first}@{domain}")),
            phone: Some(phone(rng)),
            role: None,
            extra: Default::default(),
        }];
    }
    let n = 1 + rng.below(3) as usize;
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    for i in 0..n {
        let first = *rng.pick(&data::FIRST_NAMES);
        let last = *rng.pick(&data::LAST_NAMES);
        if !used.insert(first) {
            continue;
        }
        let role = if i == 0 {
            *rng.pick(&data::CONTACT_ROLES[..3])
        } else {
            *rng.pick(&data::CONTACT_ROLES)
        };
        out.push(Contact {
            name: format!("{first} {last}"),
            email: Some(format!(
                "{}.{}@{domain}",
                slug::slugify(first),
                slug::slugify(last)
            )),
            phone: rng.chance(0.7).then(|| phone(rng)),
            role: Some(role.to_string()),
            extra: Default::default(),
        });
    }
    out
}

impl Gen<'_> {
    fn horizon(&self) -> DateTime<Utc> {
        self.w.anchor - Duration::hours(2)
    }

    fn last_moment(&self) -> DateTime<Utc> {
        self.w.anchor - Duration::minutes(1)
    }

    /// The next moment `who` is at work, at or after `t`.
    fn work_time(&mut self, t: DateTime<Utc>, who: usize) -> DateTime<Utc> {
        let support = STAFF[who].team == "support";
        let mut day = self.w.local_date(t);
        for _ in 0..14 {
            if let Some((open, close)) = self.w.hours(day, support) {
                let start = local_time(self.w.zone, day, open / 60, open % 60);
                let end = local_time(self.w.zone, day, close / 60, close % 60);
                if t < start {
                    let jitter = self.rng.range(0, 45.min(i64::from(close - open)));
                    return start + Duration::minutes(jitter);
                }
                if t < end {
                    return t;
                }
            }
            day = day.succ_opt().unwrap_or(day);
        }
        t
    }

    /// When a customer would plausibly write: mostly daytime, sometimes evenings and weekends.
    fn customer_time(&mut self, t: DateTime<Utc>) -> DateTime<Utc> {
        use chrono::Timelike;
        let local = t.with_timezone(&self.w.zone);
        if (7..22).contains(&local.hour()) || self.rng.chance(0.05) {
            return t;
        }
        let day = if local.hour() >= 22 {
            local.date_naive().succ_opt().unwrap_or(local.date_naive())
        } else {
            local.date_naive()
        };
        local_time(
            self.w.zone,
            day,
            8 + self.rng.below(10) as u32,
            self.rng.below(60) as u32,
        )
    }

    fn days(&mut self, lo: i64, hi: i64) -> Duration {
        Duration::minutes(self.rng.range(lo * 24 * 60, hi * 24 * 60))
    }

    fn plan_ownership(&mut self, target: CustomerStatus, created: DateTime<Utc>) {
        let horizon = self.horizon();
        let mut owner = self.plan.initial;
        let step = |plan: &mut Plan, at, by, to, reason: String, kind| {
            plan.steps.push(Step {
                at,
                by,
                from: owner_of(plan),
                to,
                reason,
                accept: Accept::Implicit,
                kind,
            });
        };
        fn owner_of(plan: &Plan) -> usize {
            plan.steps.last().map_or(plan.initial, |s| s.to)
        }
        if target == CustomerStatus::Lead {
            if self.rng.chance(0.25) {
                let d = self.days(3, 40);
                let at = self.work_time(created + d, GRACE);
                if at < horizon {
                    let to = if owner == ALICE { BOB } else { ALICE };
                    step(
                        &mut self.plan,
                        at,
                        GRACE,
                        to,
                        "Rebalancing the sales pipeline".into(),
                        StepKind::Rebalance,
                    );
                }
            }
        } else {
            let d = self.days(4, 25);
            let deal = self.work_time(created + d, owner);
            if deal < horizon {
                self.plan.deal = Some(deal);
                step(
                    &mut self.plan,
                    deal,
                    owner,
                    CAROL,
                    "Deal signed: onboarding starts".into(),
                    StepKind::Deal,
                );
                self.plan.statuses.push((
                    deal + Duration::minutes(1),
                    owner,
                    CustomerStatus::Active,
                ));
                owner = CAROL;
                let mut t = deal;
                let d = self.days(14, 40);
                let live = self.work_time(deal + d, CAROL);
                if live < horizon {
                    let to = if self.vip && self.rng.chance(0.6) {
                        GRACE
                    } else {
                        *self.rng.pick(&[DAVE, ERIN])
                    };
                    let reason = format!("Onboarding complete: {} takes over", STAFF[to].team);
                    step(&mut self.plan, live, CAROL, to, reason, StepKind::GoLive);
                    owner = to;
                    t = live;
                    if self.rng.chance(0.22) {
                        let d = self.days(7, 60);
                        let f = self.work_time(t + d, owner);
                        if f < horizon {
                            step(
                                &mut self.plan,
                                f,
                                owner,
                                FRANK,
                                "Invoice dispute: finance takes over".into(),
                                StepKind::Finance,
                            );
                            t = f;
                            let d = self.days(2, 15);
                            let back = self.work_time(f + d, FRANK);
                            if back < horizon {
                                let reason =
                                    format!("Invoice settled: back to {}", STAFF[owner].handle);
                                step(
                                    &mut self.plan,
                                    back,
                                    FRANK,
                                    owner,
                                    reason,
                                    StepKind::FinanceBack,
                                );
                                t = back;
                            } else {
                                owner = FRANK;
                            }
                        }
                    }
                }
                match target {
                    CustomerStatus::Paused => {
                        let d = self.days(10, 45);
                        let at = self.work_time(t + d, owner);
                        if at < horizon {
                            self.plan.statuses.push((at, owner, CustomerStatus::Paused));
                            self.plan.end = at + Duration::days(2);
                        }
                    }
                    CustomerStatus::Churned => {
                        let d = self.days(7, 40);
                        let at = self.work_time(t + d, owner);
                        if at < horizon {
                            self.plan
                                .statuses
                                .push((at, owner, CustomerStatus::Churned));
                            self.plan.end = at;
                            if self.rng.chance(0.5) {
                                let d = self.days(1, 10);
                                let win = self.work_time(at + d, GRACE);
                                if win < horizon && owner != ALICE {
                                    step(
                                        &mut self.plan,
                                        win,
                                        GRACE,
                                        ALICE,
                                        "Churned: sales tries a win-back".into(),
                                        StepKind::WinBack,
                                    );
                                }
                            }
                            if self.rng.chance(0.4) {
                                let d = self.days(20, 45);
                                let arch = self.work_time(at + d, GRACE);
                                if arch < horizon {
                                    self.plan.archive = Some((arch, GRACE));
                                }
                            }
                        }
                    }
                    _ => {
                        let coverable = [CAROL, DAVE, ERIN, GRACE].contains(&owner);
                        if coverable && self.rng.chance(0.2) {
                            let d = self.days(1, 9);
                            let cover = self.work_time(self.w.anchor - d, owner);
                            if cover > t + Duration::days(2) && cover < horizon {
                                let to = match owner {
                                    DAVE => ERIN,
                                    ERIN => DAVE,
                                    _ => DAVE,
                                };
                                let reason =
                                    format!("Holiday cover while {} is away", STAFF[owner].handle);
                                step(&mut self.plan, cover, owner, to, reason, StepKind::Cover);
                            }
                        }
                    }
                }
            }
        }
        let n = self.plan.steps.len();
        let anchor = self.w.anchor;
        for i in 0..n {
            let (at, to, kind) = (
                self.plan.steps[i].at,
                self.plan.steps[i].to,
                self.plan.steps[i].kind,
            );
            let recent = anchor - at < Duration::days(14);
            let pending_chance = if kind == StepKind::Cover { 0.7 } else { 0.35 };
            let accept = if i + 1 == n && recent && self.rng.chance(pending_chance) {
                Accept::Pending
            } else if self.rng.chance(0.8) {
                let delay = Duration::minutes(self.rng.range(15, 26 * 60));
                let a = self.work_time(at + delay, to);
                if a < anchor - Duration::minutes(1)
                    && self.plan.steps.get(i + 1).is_none_or(|next| a < next.at)
                {
                    Accept::Explicit(a)
                } else {
                    Accept::Implicit
                }
            } else {
                Accept::Implicit
            };
            self.plan.steps[i].accept = accept;
        }
    }

    fn topic(&mut self, t: DateTime<Utc>) -> Topic {
        if self.plan.deal.is_none_or(|d| t < d) {
            *self.rng.pick(&data::LEAD_TOPICS)
        } else {
            *self.rng.pick(&data::TOPICS)
        }
    }

    fn phrase(&mut self, templates: &[&'static str]) -> &'static str {
        templates[self.rng.below(templates.len() as u64) as usize]
    }

    fn contact(&mut self) -> Contact {
        self.rng.pick(&self.contacts).clone()
    }

    fn contact_address(contact: &Contact, channel: &str) -> String {
        match (channel, &contact.email) {
            ("email" | "chat" | "other", Some(email)) => email.clone(),
            _ => contact.name.clone(),
        }
    }

    /// Someone other than `who` who may act at `t`, preferring the same team.
    fn colleague(&mut self, who: usize, t: DateTime<Utc>) -> usize {
        let same: Vec<usize> = (0..STAFF.len())
            .filter(|&o| o != who && STAFF[o].team == STAFF[who].team && self.plan.allowed(o, t))
            .collect();
        if !same.is_empty() && self.rng.chance(0.7) {
            return *self.rng.pick(&same);
        }
        let any: Vec<usize> = (0..STAFF.len())
            .filter(|&o| o != who && self.plan.allowed(o, t))
            .collect();
        *self.rng.pick(&any)
    }

    fn replier(&mut self, t: DateTime<Utc>) -> usize {
        let owner = self.plan.acting_owner(t);
        if self.rng.chance(0.8) {
            owner
        } else {
            self.colleague(owner, t)
        }
    }

    fn lag(&mut self, channel: &str, direction: Direction, actor: Actor) -> Duration {
        if actor != Actor::Human {
            return Duration::seconds(self.rng.range(0, 20));
        }
        match (channel, direction) {
            (_, Direction::Internal) => Duration::minutes(self.rng.range(0, 30)),
            ("call" | "meeting" | "other", _) => {
                if self.rng.chance(0.12) {
                    Duration::minutes(self.rng.range(18 * 60, 50 * 60))
                } else {
                    Duration::minutes(self.rng.range(2, 180))
                }
            }
            _ => Duration::seconds(self.rng.range(5, 120)),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn tp(
        &mut self,
        at: DateTime<Utc>,
        channel: &str,
        direction: Direction,
        by: String,
        actor: Actor,
        thread: Option<RecordId>,
        summary: String,
        body: Option<String>,
        resolves: bool,
        tag: Option<&str>,
        author: usize,
    ) -> RecordId {
        let lag = self.lag(channel, direction, actor);
        let recorded = (at + lag).min(self.w.anchor).max(at);
        let id = RecordId::from_parts(at, self.rng.u128());
        let interaction = Interaction {
            id,
            at: self.w.stamp(at),
            recorded_at: self.w.stamp(recorded),
            channel: channel.to_string(),
            direction,
            by,
            actor,
            thread: thread.unwrap_or(id),
            summary,
            body,
            resolves,
            tags: tag.map(|t| vec![t.to_string()]).unwrap_or_default(),
            source: None,
            extra: Default::default(),
        };
        self.events.push(Event {
            at: recorded,
            author,
            kind: EventKind::Interaction(interaction),
        });
        self.made += 1;
        self.counts.interactions += 1;
        id
    }

    fn full(&self) -> bool {
        self.made >= self.budget
    }

    fn fair_touchpoint(&mut self, fair: &FairImport, imported: DateTime<Utc>) {
        if self.full() {
            return;
        }
        let contact = self.contact();
        let topic = *self.rng.pick(&data::LEAD_TOPICS);
        let id = RecordId::from_parts(fair.met_at, self.rng.u128());
        let interaction = Interaction {
            id,
            at: self.w.stamp(fair.met_at),
            recorded_at: self.w.stamp(imported),
            channel: "meeting".into(),
            direction: Direction::Inbound,
            by: Self::contact_address(&contact, "email"),
            actor: Actor::Import,
            thread: id,
            summary: format!(
                "Met {} at our trade-fair booth: interested in {}",
                contact.name, topic.subject
            ),
            body: None,
            resolves: false,
            tags: vec!["trade-fair".into()],
            source: Some(Source {
                system: fair.system.clone(),
                key: fair.key.clone(),
                extra: Default::default(),
            }),
            extra: Default::default(),
        };
        self.events.push(Event {
            at: imported,
            author: BOB,
            kind: EventKind::Interaction(interaction),
        });
        self.made += 1;
        self.counts.interactions += 1;
    }

    /// Handoffs (with their notes, acceptances and tasks), status changes, archiving.
    fn scripted(&mut self) {
        let steps = self.plan.steps.clone();
        for step in &steps {
            let handoff = Handoff {
                id: RecordId::from_parts(step.at, self.rng.u128()),
                at: self.w.stamp(step.at),
                by: STAFF[step.by].handle.to_string(),
                from: party(step.from),
                to: party(step.to),
                reason: Some(step.reason.clone()),
                accepted_at: None,
                extra: Default::default(),
            };
            let mut handoff = handoff;
            if let Accept::Explicit(a) = step.accept {
                handoff.accepted_at = Some(self.w.stamp(a));
                handoff.extra.insert(
                    "accepted_by".into(),
                    serde_json::json!(STAFF[step.to].handle),
                );
                self.events.push(Event {
                    at: a,
                    author: step.to,
                    kind: EventKind::Accept {
                        handoff: handoff.id,
                        created: handoff.at,
                        to: handoff.to.clone(),
                    },
                });
            }
            self.events.push(Event {
                at: step.at,
                author: step.by,
                kind: EventKind::Handoff(handoff),
            });
            self.counts.handoffs += 1;
            // The person handing over leaves a note for the new owner.
            if step.kind != StepKind::Rebalance || self.rng.chance(0.5) {
                let contact = self.contact();
                let t = step.at + Duration::minutes(self.rng.range(2, 25));
                let body = format!(
                    "Handing over to @{} ({}). Main contact is {}{}.",
                    STAFF[step.to].handle,
                    step.reason,
                    contact.name,
                    contact
                        .email
                        .as_deref()
                        .map(|e| format!(" ({e})"))
                        .unwrap_or_default()
                );
                self.note(t.min(self.last_moment()), step.by, body, vec![]);
            }
            match step.kind {
                StepKind::Deal => {
                    let contact = self.contact();
                    let title = format!("Kickoff meeting with {}", contact.name);
                    self.task(
                        step.at + Duration::minutes(5),
                        step.by,
                        CAROL,
                        title,
                        (2, 7),
                    );
                }
                StepKind::Finance => {
                    self.task(
                        step.at + Duration::minutes(10),
                        step.by,
                        FRANK,
                        "Chase the unpaid invoice".into(),
                        (2, 10),
                    );
                }
                StepKind::WinBack if !self.full() => {
                    let contact = self.contact();
                    let d = self.days(1, 6);
                    let at = self.work_time(step.at + d, ALICE);
                    if at < self.last_moment() {
                        let summary =
                            format!("Sent {} a win-back offer", first_name(&contact.name));
                        let by = STAFF[ALICE].handle.to_string();
                        self.tp(
                            at,
                            "email",
                            Direction::Outbound,
                            by,
                            Actor::Human,
                            None,
                            summary,
                            None,
                            false,
                            None,
                            ALICE,
                        );
                    }
                }
                _ => {}
            }
        }
        for (at, by, status) in self.plan.statuses.clone() {
            self.events.push(Event {
                at,
                author: by,
                kind: EventKind::Status(status),
            });
        }
        if let Some((at, by)) = self.plan.archive {
            self.events.push(Event {
                at,
                author: by,
                kind: EventKind::Archive,
            });
        }
    }

    fn threads(&mut self, created: DateTime<Utc>) {
        let lo = created + Duration::minutes(30);
        let hi = self.plan.end.min(self.last_moment());
        if hi <= lo {
            return;
        }
        let span = (hi - lo).num_seconds();
        while !self.full() {
            let n = ((self.budget - self.made) / 3).max(1);
            let mut starts: Vec<DateTime<Utc>> = (0..n)
                .map(|_| lo + Duration::seconds(self.rng.range(0, span)))
                .collect();
            starts.sort();
            for start in starts {
                if self.full() {
                    break;
                }
                let r = self.rng.f64();
                if r < 0.62 {
                    self.inbound_thread(start, hi);
                } else if r < 0.80 {
                    self.outbound_thread(start, hi);
                } else if r < 0.88 {
                    self.meeting_thread(start, hi);
                } else if r < 0.95 {
                    self.internal_thread(start, hi);
                } else {
                    self.automated(start, hi);
                }
            }
        }
    }

    fn reply_delay(&mut self) -> Option<Duration> {
        let r = self.rng.f64();
        let minutes = if r < 0.42 {
            self.rng.range(2, 75)
        } else if r < 0.68 {
            self.rng.range(75, 300)
        } else if r < 0.84 {
            self.rng.range(300, 1800)
        } else if r < 0.93 {
            self.rng.range(1800, 6000)
        } else {
            return None;
        };
        Some(Duration::minutes(minutes))
    }

    fn inbound_body(&mut self, subject: &str, contact: &Contact, owner: usize) -> String {
        let ask = *self.rng.pick(&[
            "Could you have a look at {s} when you have a minute?",
            "Quick question about {s}: can we talk today?",
            "We need your help with {s}, it is getting urgent.",
            "Following our last call, here are my notes on {s}.",
        ]);
        format!(
            "Hi {},\n\n{}\n\nThanks,\n{}",
            first_name(STAFF[owner].name),
            ask.replace("{s}", subject),
            first_name(&contact.name)
        )
    }

    fn inbound_thread(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        let mut t = self.customer_time(start);
        if t > end {
            t = start;
        }
        let topic = self.topic(t);
        let contact = self.contact();
        let channel = CHANNELS_IN[self.rng.weighted(&CHANNELS_IN.map(|c| c.1))].0;
        let owner = self.plan.acting_owner(t);
        let body = (channel == "email" && self.rng.chance(0.5))
            .then(|| self.inbound_body(topic.subject, &contact, owner));
        let by = Self::contact_address(&contact, channel);
        let thread = self.tp(
            t,
            channel,
            Direction::Inbound,
            by,
            Actor::Human,
            None,
            topic.ask.into(),
            body,
            false,
            topic.tag,
            owner,
        );
        let cname = first_name(&contact.name).to_string();
        if matches!(channel, "email" | "chat") && self.rng.chance(0.3) && !self.full() {
            let at = t + Duration::minutes(self.rng.range(1, 3));
            let by = STAFF[owner].handle.to_string();
            self.tp(
                at,
                channel,
                Direction::Outbound,
                by,
                Actor::Automation,
                Some(thread),
                data::AUTO_ACK.into(),
                None,
                false,
                topic.tag,
                owner,
            );
        }
        let mut last_channel = channel;
        let mut replies = 0;
        let mut reopened = false;
        loop {
            if self.full() {
                return;
            }
            let Some(delay) = self.reply_delay() else {
                return;
            };
            let replier = self.replier(t);
            let at = self.work_time(t + delay, replier);
            if at > end {
                return;
            }
            let channel = if last_channel == "meeting" || self.rng.chance(0.85) {
                last_channel
            } else {
                switched(last_channel)
            };
            let resolve = replies >= 4 || self.rng.chance(if replies == 0 { 0.55 } else { 0.5 });
            let summary = if resolve && replies == 0 {
                topic.answer.to_string()
            } else if resolve {
                fill(self.phrase(&data::CLOSERS), &cname, topic.subject, "")
            } else {
                fill(self.phrase(&data::PROGRESS), &cname, topic.subject, "")
            };
            let body = (channel == "email" && self.rng.chance(0.3)).then(|| {
                format!(
                    "Hello {cname},\n\n{summary}.\n\nBest regards,\n{}",
                    first_name(STAFF[replier].name)
                )
            });
            let by = STAFF[replier].handle.to_string();
            self.tp(
                at,
                channel,
                Direction::Outbound,
                by,
                Actor::Human,
                Some(thread),
                summary,
                body,
                resolve,
                topic.tag,
                replier,
            );
            replies += 1;
            t = at;
            if self.rng.chance(0.06) && !self.full() {
                let other = self.colleague(replier, t);
                let at = (t + Duration::minutes(self.rng.range(5, 90))).min(end);
                let summary = fill(
                    data::INTERNAL[2],
                    &cname,
                    topic.subject,
                    STAFF[other].handle,
                );
                let by = STAFF[replier].handle.to_string();
                self.tp(
                    at,
                    "chat",
                    Direction::Internal,
                    by,
                    Actor::Human,
                    Some(thread),
                    summary,
                    None,
                    false,
                    topic.tag,
                    replier,
                );
            }
            if resolve {
                if !reopened && self.rng.chance(0.12) && !self.full() {
                    let d = Duration::minutes(self.rng.range(4 * 60, 120 * 60));
                    let at = self.customer_time(t + d);
                    if at > end {
                        return;
                    }
                    reopened = true;
                    let channel = if self.rng.chance(0.3) {
                        switched(last_channel)
                    } else {
                        last_channel
                    };
                    let summary = fill(self.phrase(&data::REOPENS), &cname, topic.subject, "");
                    let by = Self::contact_address(&contact, channel);
                    let owner = self.plan.acting_owner(at);
                    self.tp(
                        at,
                        channel,
                        Direction::Inbound,
                        by,
                        Actor::Human,
                        Some(thread),
                        summary,
                        None,
                        false,
                        topic.tag,
                        owner,
                    );
                    t = at;
                    last_channel = channel;
                    continue;
                }
                return;
            }
            if self.rng.chance(0.15) || self.full() {
                return;
            }
            let d = Duration::minutes(self.rng.range(30, 72 * 60));
            let at = self.customer_time(t + d);
            if at > end {
                return;
            }
            let channel = if self.rng.chance(0.22) {
                switched(last_channel)
            } else {
                last_channel
            };
            let summary = fill(self.phrase(&data::FOLLOW_UPS), &cname, topic.subject, "");
            let by = Self::contact_address(&contact, channel);
            let owner = self.plan.acting_owner(at);
            self.tp(
                at,
                channel,
                Direction::Inbound,
                by,
                Actor::Human,
                Some(thread),
                summary,
                None,
                false,
                topic.tag,
                owner,
            );
            t = at;
            last_channel = channel;
        }
    }

    fn outbound_thread(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        let owner = self.plan.acting_owner(start);
        let who = if self.rng.chance(0.85) {
            owner
        } else {
            self.colleague(owner, start)
        };
        let mut t = self.work_time(start, who);
        if t > end {
            t = start;
        }
        let topic = self.topic(t);
        let contact = self.contact();
        let cname = first_name(&contact.name).to_string();
        let channel = CHANNELS_OUT[self.rng.weighted(&CHANNELS_OUT.map(|c| c.1))].0;
        let summary = fill(self.phrase(&data::PROACTIVE), &cname, topic.subject, "");
        let by = STAFF[who].handle.to_string();
        let thread = self.tp(
            t,
            channel,
            Direction::Outbound,
            by,
            Actor::Human,
            None,
            summary,
            None,
            false,
            topic.tag,
            who,
        );
        if self.rng.chance(0.35) || self.full() {
            return;
        }
        let d = Duration::minutes(self.rng.range(20, 72 * 60));
        let at = self.customer_time(t + d);
        if at > end {
            return;
        }
        let channel = if self.rng.chance(0.8) {
            channel
        } else {
            switched(channel)
        };
        let summary = format!("{cname} replied about {}", topic.subject);
        let by = Self::contact_address(&contact, channel);
        let owner = self.plan.acting_owner(at);
        self.tp(
            at,
            channel,
            Direction::Inbound,
            by,
            Actor::Human,
            Some(thread),
            summary,
            None,
            false,
            topic.tag,
            owner,
        );
        if self.full() {
            return;
        }
        let Some(delay) = self.reply_delay() else {
            return;
        };
        let replier = self.replier(at);
        let at = self.work_time(at + delay, replier);
        if at > end {
            return;
        }
        let resolve = self.rng.chance(0.7);
        let summary = if resolve {
            topic.answer.to_string()
        } else {
            fill(self.phrase(&data::PROGRESS), &cname, topic.subject, "")
        };
        let by = STAFF[replier].handle.to_string();
        self.tp(
            at,
            channel,
            Direction::Outbound,
            by,
            Actor::Human,
            Some(thread),
            summary,
            None,
            resolve,
            topic.tag,
            replier,
        );
    }

    fn meeting_thread(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        use chrono::Timelike;
        let owner = self.plan.acting_owner(start);
        let mut t = self.work_time(start, owner);
        t = t
            - Duration::minutes(i64::from(t.minute() % 30))
            - Duration::seconds(i64::from(t.second()));
        if t > end {
            return self.internal_thread(start, end);
        }
        let topic = self.topic(t);
        let contact = self.contact();
        let cname = first_name(&contact.name).to_string();
        let template = if self.vip && self.rng.chance(0.3) {
            data::MEETINGS[1]
        } else {
            *self.rng.pick(&data::MEETINGS)
        };
        let summary = fill(template, &cname, topic.subject, "");
        let by = STAFF[owner].handle.to_string();
        let thread = self.tp(
            t,
            "meeting",
            Direction::Outbound,
            by,
            Actor::Human,
            None,
            summary,
            None,
            true,
            topic.tag,
            owner,
        );
        if self.rng.chance(0.4) && !self.full() {
            let d = Duration::minutes(self.rng.range(60, 26 * 60));
            let at = self.work_time(t + d, owner);
            if at <= end {
                let summary = format!("Sent {cname} the meeting notes");
                let by = STAFF[owner].handle.to_string();
                self.tp(
                    at,
                    "email",
                    Direction::Outbound,
                    by,
                    Actor::Human,
                    Some(thread),
                    summary,
                    None,
                    false,
                    topic.tag,
                    owner,
                );
            }
        }
    }

    fn internal_thread(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        let owner = self.plan.acting_owner(start);
        let t = Some(self.work_time(start, owner))
            .filter(|t| *t <= end)
            .unwrap_or(start);
        let topic = self.topic(t);
        let other = self.colleague(owner, t);
        let template = *self.rng.pick(&data::INTERNAL);
        let summary = fill(template, "", topic.subject, STAFF[other].handle);
        let channel = *self.rng.pick(&["chat", "meeting", "call"]);
        let by = STAFF[owner].handle.to_string();
        self.tp(
            t,
            channel,
            Direction::Internal,
            by,
            Actor::Human,
            None,
            summary,
            None,
            false,
            None,
            owner,
        );
    }

    fn automated(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        let owner = self.plan.acting_owner(start);
        let t = Some(self.work_time(start, owner))
            .filter(|t| *t <= end)
            .unwrap_or(start);
        let summary = self.rng.pick(&data::AUTOMATED).to_string();
        let tag = summary.contains("invoice").then_some("billing");
        let by = STAFF[owner].handle.to_string();
        self.tp(
            t,
            "email",
            Direction::Outbound,
            by,
            Actor::Automation,
            None,
            summary,
            None,
            false,
            tag,
            owner,
        );
    }

    fn note(&mut self, at: DateTime<Utc>, by: usize, body: String, tags: Vec<String>) {
        let mut note = Note {
            id: RecordId::from_parts(at, self.rng.u128()),
            at: self.w.stamp(at),
            by: STAFF[by].handle.to_string(),
            body,
            tags,
            extra: Default::default(),
        };
        let mentioned = crate::ops::note::mentions(&note.body);
        if !mentioned.is_empty() {
            note.extra
                .insert("mentions".into(), serde_json::json!(mentioned));
        }
        self.events.push(Event {
            at,
            author: by,
            kind: EventKind::Note(note),
        });
        self.counts.notes += 1;
    }

    fn notes(&mut self, created: DateTime<Utc>) {
        let lo = created + Duration::hours(1);
        let hi = self.plan.end.min(self.last_moment());
        if hi <= lo {
            return;
        }
        let expected = self.budget as f64 * 0.12 + if self.vip { 2.0 } else { 0.5 };
        let n = expected as usize + usize::from(self.rng.chance(expected.fract()));
        for _ in 0..n {
            let t = lo + Duration::seconds(self.rng.range(0, (hi - lo).num_seconds()));
            let owner = self.plan.acting_owner(t);
            let by = if self.rng.chance(0.7) {
                owner
            } else {
                self.colleague(owner, t)
            };
            let at = self.work_time(t, by);
            if at > self.last_moment() {
                continue;
            }
            let contact = self.contact();
            let other_contact = self.contact();
            let topic = self.topic(at);
            let h = self.colleague(by, at);
            let mut h2 = self.colleague(by, at);
            if h2 == h {
                h2 = if h == GRACE { ALICE } else { GRACE };
            }
            let r = self.rng.f64();
            let (template, tags) = if r < 0.08 {
                (
                    *self.rng.pick(&data::BILLING_NOTES),
                    vec!["billing".to_string()],
                )
            } else if r < 0.14 {
                (
                    *self.rng.pick(&data::PRIVATE_NOTES),
                    vec!["private".to_string()],
                )
            } else {
                (*self.rng.pick(&data::NOTES), vec![])
            };
            let body = template
                .replace("{h2}", STAFF[h2].handle)
                .replace("{c2}", &other_contact.name)
                .replace("{c}", &contact.name)
                .replace("{s}", topic.subject)
                .replace("{h}", STAFF[h].handle);
            self.note(at, by, body, tags);
        }
    }

    fn task(
        &mut self,
        at: DateTime<Utc>,
        by: usize,
        assignee: usize,
        title: String,
        due_days: (i64, i64),
    ) {
        let at = at.min(self.last_moment());
        let due = self.w.local_date(at) + Duration::days(self.rng.range(due_days.0, due_days.1));
        let today = self.w.local_date(self.w.anchor);
        let done_chance = if due <= today { 0.78 } else { 0.15 };
        let mut task = Task {
            id: RecordId::from_parts(at, self.rng.u128()),
            created: self.w.stamp(at),
            by: STAFF[by].handle.to_string(),
            assignee: Some(STAFF[assignee].handle.to_string()),
            due: Some(due),
            title,
            done_at: None,
            extra: Default::default(),
        };
        if self.rng.chance(done_chance) {
            let due_end = local_time(self.w.zone, due, 18, 0);
            let latest = (due_end + Duration::days(2)).min(self.last_moment());
            if latest > at + Duration::hours(1) {
                let span = (latest - at).num_minutes();
                let t = at + Duration::minutes(self.rng.range(60, span));
                let done = self.work_time(t, assignee);
                if done < self.last_moment() {
                    task.done_at = Some(self.w.stamp(done));
                    self.events.push(Event {
                        at: done,
                        author: assignee,
                        kind: EventKind::Done {
                            task: task.id,
                            created: task.created,
                        },
                    });
                }
            }
        }
        self.events.push(Event {
            at,
            author: by,
            kind: EventKind::Task(task),
        });
        self.counts.tasks += 1;
    }

    fn tasks(&mut self, created: DateTime<Utc>) {
        let lo = created + Duration::hours(1);
        let hi = self.plan.end.min(self.last_moment());
        if hi <= lo {
            return;
        }
        let expected = self.budget as f64 * 0.07 + 0.5;
        let n = expected as usize + usize::from(self.rng.chance(expected.fract()));
        for _ in 0..n {
            let t = lo + Duration::seconds(self.rng.range(0, (hi - lo).num_seconds()));
            let by = self.plan.acting_owner(t);
            let at = self.work_time(t, by);
            if at > self.last_moment() {
                continue;
            }
            let assignee = if self.rng.chance(0.7) {
                by
            } else {
                self.colleague(by, at)
            };
            let contact = self.contact();
            let topic = self.topic(at);
            let prospect = self.plan.deal.is_none_or(|d| at < d);
            let templates: &[&'static str] = if prospect {
                &data::LEAD_TASKS
            } else {
                &data::TASKS
            };
            let title = fill(self.phrase(templates), &contact.name, topic.subject, "");
            self.task(at, by, assignee, title, (1, 21));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2025), NaiveDate::from_ymd_opt(2025, 4, 20).unwrap());
        assert_eq!(easter(2026), NaiveDate::from_ymd_opt(2026, 4, 5).unwrap());
    }
}
