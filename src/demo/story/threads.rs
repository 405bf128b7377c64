//! Conversations: the scenes of [`SCENES`] played out as touchpoints. A customer asks
//! and is answered (quickly, slowly or never), follows up, switches channel, is answered by an
//! auto-reply, resolves and reopens; the agency writes first; meetings and their notes;
//! colleagues talk; automated messages go out.

use chrono::{DateTime, Duration, Utc};

use super::super::data::{self, STAFF, Topic};
use super::script::{
    CHANNELS_IN, CHANNELS_OUT, INBOUND_ASKS, INTERNAL_CHANNELS, REPLY_DELAYS, SCENES, Scene,
    switched,
};
use super::{Event, EventKind, Gen, fill, first_name};
use crate::model::RecordId;
use crate::model::records::{Actor, Contact, Direction, Interaction};

/// One touchpoint a scene records; [`Gen::record`] gives it its id and the lag before it is
/// recorded.
pub(super) struct Touch {
    at: DateTime<Utc>,
    channel: &'static str,
    direction: Direction,
    by: String,
    actor: Actor,
    thread: Option<RecordId>,
    summary: String,
    body: Option<String>,
    resolves: bool,
    tag: Option<&'static str>,
    /// Index into [`STAFF`] of who records it.
    author: usize,
}

impl Touch {
    /// What the customer (`by`, an address) sends; `author`, the acting owner, records it.
    fn from_customer(
        at: DateTime<Utc>,
        channel: &'static str,
        by: String,
        author: usize,
        summary: String,
    ) -> Self {
        Touch {
            at,
            channel,
            direction: Direction::Inbound,
            by,
            actor: Actor::Human,
            thread: None,
            summary,
            body: None,
            resolves: false,
            tag: None,
            author,
        }
    }

    /// What `who` of the agency sends, and records.
    pub(super) fn from_staff(
        at: DateTime<Utc>,
        channel: &'static str,
        who: usize,
        summary: String,
    ) -> Self {
        Touch {
            direction: Direction::Outbound,
            ..Touch::from_customer(at, channel, STAFF[who].handle.to_string(), who, summary)
        }
    }

    /// Between colleagues.
    fn internal(self) -> Self {
        Touch {
            direction: Direction::Internal,
            ..self
        }
    }

    /// Sent by a machine on the author's behalf.
    fn automated(self) -> Self {
        Touch {
            actor: Actor::Automation,
            ..self
        }
    }

    fn in_thread(self, thread: RecordId) -> Self {
        Touch {
            thread: Some(thread),
            ..self
        }
    }

    fn body(self, body: Option<String>) -> Self {
        Touch { body, ..self }
    }

    fn resolving(self, resolves: bool) -> Self {
        Touch { resolves, ..self }
    }

    fn tagged(self, tag: Option<&'static str>) -> Self {
        Touch { tag, ..self }
    }
}

/// How a customer writes again in a thread: after how long, how likely on another channel,
/// in which words.
struct Again {
    minutes: (i64, i64),
    switch: f64,
    phrases: &'static [&'static str],
}

/// The customer follows up on an unresolved thread.
const FOLLOW_UP: Again = Again {
    minutes: (30, 72 * 60),
    switch: 0.22,
    phrases: &data::FOLLOW_UPS,
};

/// The customer reopens a resolved thread.
const REOPEN: Again = Again {
    minutes: (4 * 60, 120 * 60),
    switch: 0.3,
    phrases: &data::REOPENS,
};

/// A thread in progress.
struct Conversation {
    thread: RecordId,
    topic: Topic,
    contact: Contact,
    /// The contact's first name.
    cname: String,
    /// Its last message, and the channel the customer last wrote on.
    t: DateTime<Utc>,
    channel: &'static str,
    /// Nothing happens after this.
    end: DateTime<Utc>,
}

/// How a contact appears as the author of a touchpoint on `channel`.
pub(super) fn contact_address(contact: &Contact, channel: &str) -> String {
    match (channel, &contact.email) {
        ("email" | "chat" | "other", Some(email)) => email.clone(),
        _ => contact.name.clone(),
    }
}

impl Gen<'_> {
    /// Records a touchpoint, a little after it happened (a call is logged once it ends).
    pub(super) fn record(&mut self, touch: Touch) -> RecordId {
        let lag = self.lag(touch.channel, touch.direction, touch.actor);
        let recorded = (touch.at + lag).min(self.w.anchor).max(touch.at);
        let id = RecordId::from_parts(touch.at, self.rng.u128());
        let interaction = Interaction {
            id,
            at: self.w.stamp(touch.at),
            recorded_at: self.w.stamp(recorded),
            channel: touch.channel.to_string(),
            direction: touch.direction,
            by: touch.by,
            actor: touch.actor,
            thread: touch.thread.unwrap_or(id),
            summary: touch.summary,
            body: touch.body,
            resolves: touch.resolves,
            tags: touch.tag.map(|t| vec![t.to_string()]).unwrap_or_default(),
            source: None,
            extra: Default::default(),
        };
        self.events.push(Event {
            at: recorded,
            author: touch.author,
            kind: EventKind::Interaction(interaction),
        });
        self.made += 1;
        self.counts.interactions += 1;
        id
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

    /// Conversations from the customer's creation to the end of its plan, until the story
    /// has its touchpoints.
    pub(super) fn threads(&mut self, created: DateTime<Utc>) {
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
                let scene = SCENES
                    .iter()
                    .find(|(below, _)| r < *below)
                    .map_or(Scene::Automated, |(_, scene)| *scene);
                match scene {
                    Scene::Inbound => self.inbound_thread(start, hi),
                    Scene::Outbound => self.outbound_thread(start, hi),
                    Scene::Meeting => self.meeting_thread(start, hi),
                    Scene::Internal => self.internal_thread(start, hi),
                    Scene::Automated => self.automated(start, hi),
                }
            }
        }
    }

    /// How long an answer takes, or `None` when nobody answers.
    fn reply_delay(&mut self) -> Option<Duration> {
        let r = self.rng.f64();
        let &(_, lo, hi) = REPLY_DELAYS.iter().find(|(below, _, _)| r < *below)?;
        Some(Duration::minutes(self.rng.range(lo, hi)))
    }

    fn inbound_body(&mut self, subject: &str, contact: &Contact, owner: usize) -> String {
        let ask = *self.rng.pick(&INBOUND_ASKS);
        format!(
            "Hi {},\n\n{}\n\nThanks,\n{}",
            first_name(STAFF[owner].name),
            ask.replace("{s}", subject),
            first_name(&contact.name)
        )
    }

    /// The customer asks; the agency answers until it resolves (it may reopen once) or the
    /// conversation stops.
    fn inbound_thread(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        let mut conv = self.customer_asks(start, end);
        let mut replies = 0;
        let mut reopened = false;
        loop {
            if self.full() {
                return;
            }
            let Some(resolved) = self.answer(&mut conv, replies) else {
                return;
            };
            replies += 1;
            let again = if resolved {
                if reopened || !self.rng.chance(0.12) || self.full() {
                    return;
                }
                reopened = true;
                &REOPEN
            } else {
                if self.rng.chance(0.15) || self.full() {
                    return;
                }
                &FOLLOW_UP
            };
            if !self.customer_writes_again(&mut conv, again) {
                return;
            }
        }
    }

    /// The first message of a thread the customer starts, and maybe its auto-reply.
    fn customer_asks(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) -> Conversation {
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
        let by = contact_address(&contact, channel);
        let ask = Touch::from_customer(t, channel, by, owner, topic.ask.into());
        let thread = self.record(ask.body(body).tagged(topic.tag));
        if matches!(channel, "email" | "chat") && self.rng.chance(0.3) && !self.full() {
            let at = t + Duration::minutes(self.rng.range(1, 3));
            let ack = Touch::from_staff(at, channel, owner, data::AUTO_ACK.into());
            self.record(ack.automated().in_thread(thread).tagged(topic.tag));
        }
        Conversation {
            thread,
            topic,
            cname: first_name(&contact.name).to_string(),
            contact,
            t,
            channel,
            end,
        }
    }

    /// Someone of the agency answers (the `replies`th answer); `None` when nobody does in
    /// time, else whether the answer resolves the thread. Now and then they ask a colleague.
    fn answer(&mut self, conv: &mut Conversation, replies: usize) -> Option<bool> {
        let delay = self.reply_delay()?;
        let replier = self.replier(conv.t);
        let at = self.work_time(conv.t + delay, replier);
        if at > conv.end {
            return None;
        }
        let channel = if conv.channel == "meeting" || self.rng.chance(0.85) {
            conv.channel
        } else {
            switched(conv.channel)
        };
        let resolve = replies >= 4 || self.rng.chance(if replies == 0 { 0.55 } else { 0.5 });
        let (cname, subject) = (conv.cname.as_str(), conv.topic.subject);
        let summary = if resolve && replies == 0 {
            conv.topic.answer.to_string()
        } else if resolve {
            fill(self.phrase(&data::CLOSERS), cname, subject, "")
        } else {
            fill(self.phrase(&data::PROGRESS), cname, subject, "")
        };
        let body = (channel == "email" && self.rng.chance(0.3)).then(|| {
            format!(
                "Hello {cname},\n\n{summary}.\n\nBest regards,\n{}",
                first_name(STAFF[replier].name)
            )
        });
        let reply = Touch::from_staff(at, channel, replier, summary).in_thread(conv.thread);
        self.record(reply.body(body).resolving(resolve).tagged(conv.topic.tag));
        conv.t = at;
        if self.rng.chance(0.06) && !self.full() {
            self.ask_colleague(conv, replier);
        }
        Some(resolve)
    }

    /// `who` asks a colleague about the thread.
    fn ask_colleague(&mut self, conv: &Conversation, who: usize) {
        let other = self.colleague(who, conv.t);
        let at = (conv.t + Duration::minutes(self.rng.range(5, 90))).min(conv.end);
        let summary = fill(
            data::INTERNAL[2],
            &conv.cname,
            conv.topic.subject,
            STAFF[other].handle,
        );
        let aside = Touch::from_staff(at, "chat", who, summary).internal();
        self.record(aside.in_thread(conv.thread).tagged(conv.topic.tag));
    }

    /// The customer writes again in the thread; false when it would be after the end.
    fn customer_writes_again(&mut self, conv: &mut Conversation, again: &Again) -> bool {
        let d = Duration::minutes(self.rng.range(again.minutes.0, again.minutes.1));
        let at = self.customer_time(conv.t + d);
        if at > conv.end {
            return false;
        }
        let channel = if self.rng.chance(again.switch) {
            switched(conv.channel)
        } else {
            conv.channel
        };
        let summary = fill(
            self.phrase(again.phrases),
            &conv.cname,
            conv.topic.subject,
            "",
        );
        let by = contact_address(&conv.contact, channel);
        let owner = self.plan.acting_owner(at);
        let message = Touch::from_customer(at, channel, by, owner, summary);
        self.record(message.in_thread(conv.thread).tagged(conv.topic.tag));
        conv.t = at;
        conv.channel = channel;
        true
    }

    /// The agency writes first; the customer may reply, and be answered.
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
        let first = Touch::from_staff(t, channel, who, summary).tagged(topic.tag);
        let thread = self.record(first);
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
        let by = contact_address(&contact, channel);
        let owner = self.plan.acting_owner(at);
        let reply = Touch::from_customer(at, channel, by, owner, summary);
        self.record(reply.in_thread(thread).tagged(topic.tag));
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
        let answer = Touch::from_staff(at, channel, replier, summary).in_thread(thread);
        self.record(answer.resolving(resolve).tagged(topic.tag));
    }

    /// A meeting on the half hour, sometimes followed by its notes by email.
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
        let meeting = Touch::from_staff(t, "meeting", owner, summary);
        let thread = self.record(meeting.resolving(true).tagged(topic.tag));
        if self.rng.chance(0.4) && !self.full() {
            let d = Duration::minutes(self.rng.range(60, 26 * 60));
            let at = self.work_time(t + d, owner);
            if at <= end {
                let summary = format!("Sent {cname} the meeting notes");
                let notes = Touch::from_staff(at, "email", owner, summary).in_thread(thread);
                self.record(notes.tagged(topic.tag));
            }
        }
    }

    /// The owner talks about the customer with a colleague.
    fn internal_thread(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        let owner = self.plan.acting_owner(start);
        let t = Some(self.work_time(start, owner))
            .filter(|t| *t <= end)
            .unwrap_or(start);
        let topic = self.topic(t);
        let other = self.colleague(owner, t);
        let template = *self.rng.pick(&data::INTERNAL);
        let summary = fill(template, "", topic.subject, STAFF[other].handle);
        let channel = *self.rng.pick(&INTERNAL_CHANNELS);
        self.record(Touch::from_staff(t, channel, owner, summary).internal());
    }

    /// An automated email (a newsletter, an invoice) on the owner's behalf.
    fn automated(&mut self, start: DateTime<Utc>, end: DateTime<Utc>) {
        let owner = self.plan.acting_owner(start);
        let t = Some(self.work_time(start, owner))
            .filter(|t| *t <= end)
            .unwrap_or(start);
        let summary = self.rng.pick(&data::AUTOMATED).to_string();
        let tag = summary.contains("invoice").then_some("billing");
        let message = Touch::from_staff(t, "email", owner, summary).automated();
        self.record(message.tagged(tag));
    }
}
