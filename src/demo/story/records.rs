//! The records around conversations: a customer's contacts, its handoffs (with the note and
//! the task that go with them), status changes, notes with @mentions, tasks done or not, and
//! the touchpoint imported from the trade fair.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};

use super::super::data::{self, ALICE, BOB, STAFF};
use super::super::rng::Rng;
use super::ownership::{Accept, Step};
use super::script::{FollowUp, ODDS, PACE, StepKind};
use super::threads::{Touch, contact_address};
use super::{Event, EventKind, FairImport, Gen, Profile, fill, first_name, local_time, party};
use crate::model::RecordId;
use crate::model::records::{
    Actor, Contact, CustomerKind, Direction, Handoff, Interaction, Note, Source, Task,
};
use crate::model::slug;

/// The customer's contacts: the person itself, or one to three people of the company.
pub(super) fn make_contacts(rng: &mut Rng, profile: &Profile, slug_text: &str) -> Vec<Contact> {
    let domain = format!("{}.example", slug_text.replace('-', ""));
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

/// A French mobile number.
fn phone(rng: &mut Rng) -> String {
    format!(
        "+33 6 {:02} {:02} {:02} {:02}",
        rng.below(100),
        rng.below(100),
        rng.below(100),
        rng.below(100)
    )
}

impl Gen<'_> {
    /// The touchpoint a trade-fair lead comes with, imported with the lead list.
    pub(super) fn fair_touchpoint(&mut self, fair: &FairImport, imported: DateTime<Utc>) {
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
            by: contact_address(&contact, "email"),
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
    pub(super) fn scripted(&mut self) {
        let steps = self.plan.steps.clone();
        for step in &steps {
            self.handoff(step);
            // The person handing over leaves a note for the new owner.
            if step.kind != StepKind::Rebalance || self.rng.chance(ODDS.rebalance_note) {
                self.handover_note(step);
            }
            if let Some(follow_up) = &step.kind.scene().follow_up {
                self.follow_up(step, follow_up);
            }
            if step.kind == StepKind::WinBack && !self.full() {
                self.win_back_offer(step);
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

    /// The handoff record of a step, and its acceptance when it was accepted explicitly.
    fn handoff(&mut self, step: &Step) {
        let mut handoff = Handoff {
            id: RecordId::from_parts(step.at, self.rng.u128()),
            at: self.w.stamp(step.at),
            by: STAFF[step.by].handle.to_string(),
            from: party(step.from),
            to: party(step.to),
            reason: Some(step.reason.clone()),
            accepted_at: None,
            extra: Default::default(),
        };
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
    }

    /// The note that tells the new owner who to talk to.
    fn handover_note(&mut self, step: &Step) {
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

    /// The task that follows a handoff (a kickoff meeting, chasing an invoice).
    fn follow_up(&mut self, step: &Step, follow_up: &FollowUp) {
        let title = if follow_up.title.contains("{c}") {
            follow_up.title.replace("{c}", &self.contact().name)
        } else {
            follow_up.title.to_string()
        };
        let at = step.at + Duration::minutes(follow_up.after);
        self.task(at, step.by, follow_up.assignee, title, follow_up.due);
    }

    /// Sales writes to a churned customer after the win-back handoff.
    fn win_back_offer(&mut self, step: &Step) {
        let contact = self.contact();
        let d = self.days(PACE.win_back_offer);
        let at = self.work_time(step.at + d, ALICE);
        if at < self.last_moment() {
            let summary = format!("Sent {} a win-back offer", first_name(&contact.name));
            self.record(Touch::from_staff(at, "email", ALICE, summary));
        }
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

    /// How many of something to make for an expected (fractional) number.
    fn how_many(&mut self, expected: f64) -> usize {
        expected as usize + usize::from(self.rng.chance(expected.fract()))
    }

    /// A random moment between `lo` and `hi`.
    fn moment(&mut self, lo: DateTime<Utc>, hi: DateTime<Utc>) -> DateTime<Utc> {
        lo + Duration::seconds(self.rng.range(0, (hi - lo).num_seconds()))
    }

    /// Notes about the customer, some billing, some private, many mentioning colleagues.
    pub(super) fn notes(&mut self, created: DateTime<Utc>) {
        let lo = created + Duration::hours(1);
        let hi = self.plan.end.min(self.last_moment());
        if hi <= lo {
            return;
        }
        let n = self.how_many(self.budget as f64 * 0.12 + if self.vip { 2.0 } else { 0.5 });
        for _ in 0..n {
            let t = self.moment(lo, hi);
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
            self.free_note(at, by);
        }
    }

    /// One note by `by` at `at` from the note templates.
    fn free_note(&mut self, at: DateTime<Utc>, by: usize) {
        let contact = self.contact();
        let other_contact = self.contact();
        let topic = self.topic(at);
        let h = self.colleague(by, at);
        let mut h2 = self.colleague(by, at);
        if h2 == h {
            h2 = if h == data::GRACE { ALICE } else { data::GRACE };
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

    /// A task created at `at` by `by`, due within `due_days`, done (or not) by its assignee.
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
        if self.rng.chance(done_chance)
            && let Some(done) = self.done_time(at, due, assignee)
        {
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
        self.events.push(Event {
            at,
            author: by,
            kind: EventKind::Task(task),
        });
        self.counts.tasks += 1;
    }

    /// When a task created at `at` and due on `due` is done: before the end of its due day or
    /// a little late, never after the end of history.
    fn done_time(
        &mut self,
        at: DateTime<Utc>,
        due: chrono::NaiveDate,
        assignee: usize,
    ) -> Option<DateTime<Utc>> {
        let due_end = local_time(self.w.zone, due, 18, 0);
        let latest = (due_end + Duration::days(2)).min(self.last_moment());
        if latest <= at + Duration::hours(1) {
            return None;
        }
        let span = (latest - at).num_minutes();
        let t = at + Duration::minutes(self.rng.range(60, span));
        let done = self.work_time(t, assignee);
        (done < self.last_moment()).then_some(done)
    }

    /// Tasks of the customer's owners, a prospect's or a customer's.
    pub(super) fn tasks(&mut self, created: DateTime<Utc>) {
        let lo = created + Duration::hours(1);
        let hi = self.plan.end.min(self.last_moment());
        if hi <= lo {
            return;
        }
        let n = self.how_many(self.budget as f64 * 0.07 + 0.5);
        for _ in 0..n {
            let t = self.moment(lo, hi);
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
