//! `git crm ingest ics`: calendar events that involve customers become `meeting` touchpoints.
//!
//! The file is parsed and recurrences are expanded by calcard. Each occurrence that has
//! started (up to now) and has a person or team of the store among its organizer and attendees
//! becomes one touchpoint of the customer of its first outside participant (organizer first):
//! `at` the start, `summary` the SUMMARY, `by` the organizer, outbound when the store organised
//! it, inbound when the customer did. The key is the UID, plus the RECURRENCE-ID for an
//! occurrence of a recurring event, so a re-run finds every occurrence again: a moved event
//! is updated in place (its file is renamed to its new time, its id kept), a cancelled one is
//! marked (`tags: [cancelled]`, `meeting.status: cancelled`, `actor: automation` so it counts
//! in no metric); nothing is deleted.

use std::collections::HashMap;
use std::path::PathBuf;

use calcard::icalendar::{
    ICalendarComponent, ICalendarEntry, ICalendarParameterName, ICalendarParameterValue,
    ICalendarProperty, ICalendarStatus,
};
use calcard::{Entry, Parser};
use serde::{Deserialize, Serialize};

use super::directory::{Directory, Ours};
use super::{Action, Kind, Outcome, Plan, Problem, find_stored, refresh};
use crate::error::Result;
use crate::model::records::{Actor, Direction, Extra, Interaction, RecordKind, Source};
use crate::model::{RecordId, Timestamp, address, text as model_text, time};
use crate::store::{FileOp, Store, layout, yaml};

/// The `source.system` of ingested events.
pub const SYSTEM: &str = "ics";
/// The channel of ingested events.
pub const CHANNEL: &str = "meeting";
/// Largest calendar file read.
pub const MAX_FILE_BYTES: u64 = 32 << 20;
/// Most occurrences expanded from one file.
const MAX_OCCURRENCES: usize = 20_000;
/// Longest description stored.
const MAX_DESCRIPTION_BYTES: usize = 16 << 10;
/// The tag a cancelled meeting gets.
pub const CANCELLED_TAG: &str = "cancelled";

/// What `ingest ics` is given.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The file, or `-` for stdin.
    pub file: PathBuf,
    pub create_customers: bool,
}

/// What a meeting touchpoint keeps of its event (stored under `meeting:`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MeetingMeta {
    pub uid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    /// `cancelled` when the event was cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Fields of a meeting touchpoint that ingest owns.
const OWNED: &[&str] = &[
    "at",
    "recorded_at",
    "channel",
    "direction",
    "by",
    "actor",
    "summary",
    "body",
    "tags",
    "source",
    "meeting",
];

/// A participant: address and common name.
#[derive(Debug, Clone)]
struct Participant {
    address: String,
    name: Option<String>,
}

impl Participant {
    fn display(&self) -> String {
        match &self.name {
            Some(n) => format!("{n} <{}>", self.address),
            None => self.address.clone(),
        }
    }
}

/// One occurrence, read from the calendar.
struct Occurrence {
    item: String,
    key: String,
    uid: String,
    recurrence_id: Option<Timestamp>,
    start: Timestamp,
    end: Option<Timestamp>,
    recurring: bool,
    /// It comes from an override (a component with RECURRENCE-ID), which replaces the
    /// occurrence the recurrence rule would give.
    is_override: bool,
    cancelled: bool,
    summary: String,
    description: Option<String>,
    location: Option<String>,
    organizer: Option<Participant>,
    attendees: Vec<Participant>,
}

/// The id of the touchpoint of an occurrence (its short id comes from the key alone).
pub fn touchpoint_id(at: Timestamp, key: &str) -> RecordId {
    RecordId::derived(at.to_utc(), &[SYSTEM, key])
}

/// Plans the ingest of a calendar file.
pub fn plan(store: &Store, options: &Options) -> Result<Plan> {
    super::require_channel(store, CHANNEL)?;
    let named = options.file.display().to_string();
    let text = super::read_input(&options.file, MAX_FILE_BYTES)?;
    let mut plan = Plan::new(Kind::Ics, vec![named.clone()]);
    let now = time::now();
    let occurrences = read_calendars(&named, &text, store.zone(), &mut plan);
    let mut dir = Directory::load(store)?;
    let listing = super::interaction_files(store)?;
    let mut seen: HashMap<String, String> = HashMap::new();
    for occ in occurrences {
        if occ.start.to_utc() > now.to_utc() {
            if !occ.recurring {
                plan.outcomes.push(
                    keyed(Outcome::new(&occ.item, Action::Skipped), &occ.key)
                        .because("starts in the future; it is ingested once it has happened"),
                );
            }
            continue;
        }
        if let Some(first) = seen.get(&occ.key) {
            plan.outcomes.push(
                keyed(Outcome::new(&occ.item, Action::Skipped), &occ.key)
                    .because(format!("the same occurrence as {first}")),
            );
            continue;
        }
        seen.insert(occ.key.clone(), occ.item.clone());
        plan_occurrence(store, &mut dir, &listing, options, &occ, &mut plan)?;
    }
    Ok(plan)
}

fn keyed(mut o: Outcome, key: &str) -> Outcome {
    o.key = Some(key.to_string());
    o
}

/// Every occurrence of every event of the file, with problems for what cannot be read.
fn read_calendars(
    named: &str,
    text: &str,
    zone: chrono_tz::Tz,
    plan: &mut Plan,
) -> Vec<Occurrence> {
    let mut parser = Parser::new(text);
    let mut calendars = Vec::new();
    let mut invalid_lines = 0;
    loop {
        match parser.entry() {
            Entry::ICalendar(cal) => calendars.push(cal),
            Entry::Eof => break,
            Entry::InvalidLine(_) => invalid_lines += 1,
            Entry::VCard(_) => plan.problems.push(Problem {
                item: named.into(),
                message: "a vCard in a calendar file (use `git crm ingest vcf`)".into(),
                limit: None,
            }),
            other => plan.problems.push(Problem {
                item: named.into(),
                message: format!("the calendar is malformed: {}", describe(&other)),
                limit: None,
            }),
        }
    }
    if calendars.is_empty() {
        plan.problems.push(Problem {
            item: named.into(),
            message: format!(
                "no calendar (BEGIN:VCALENDAR) in the file{}",
                if invalid_lines > 0 {
                    format!("; {invalid_lines} lines could not be read")
                } else {
                    String::new()
                }
            ),
            limit: None,
        });
    }
    let mut out = Vec::new();
    for (n, cal) in calendars.iter().enumerate() {
        let item = |what: &str| {
            if calendars.len() == 1 {
                format!("{named}: {what}")
            } else {
                format!("{named}: calendar {}: {what}", n + 1)
            }
        };
        let cancel_all = cal
            .components
            .first()
            .and_then(|c| c.property(&ICalendarProperty::Method))
            .and_then(|e| e.values.first())
            .and_then(|v| v.as_text())
            .is_some_and(|m| m.eq_ignore_ascii_case("cancel"));
        let expand = cal.expand_dates(zone, MAX_OCCURRENCES);
        if expand.events.len() >= MAX_OCCURRENCES {
            plan.outcomes
                .push(
                    Outcome::new(item("recurrences"), Action::Skipped).because(format!(
                        "recurrences were expanded only up to {MAX_OCCURRENCES} occurrences"
                    )),
                );
        }
        for error in &expand.errors {
            let uid = cal
                .component_by_id(error.comp_id)
                .and_then(|c| c.uid())
                .unwrap_or("?");
            plan.problems.push(Problem {
                item: item(&format!("event {}", model_text::escape(uid))),
                message: format!("its dates cannot be read ({:?})", error.error),
                limit: None,
            });
        }
        let resolver = cal.build_tz_resolver().with_default(zone);
        for event in &expand.events {
            let Some(comp) = cal.component_by_id(event.comp_id) else {
                continue;
            };
            if comp.component_type != calcard::icalendar::ICalendarComponentType::VEvent {
                continue;
            }
            let start = event.start.fixed_offset();
            let Some(uid) = comp.uid().map(str::trim).filter(|u| !u.is_empty()) else {
                plan.problems.push(Problem {
                    item: item(&format!("event at {}", time::rfc3339(&start))),
                    message: "the event has no UID".into(),
                    limit: None,
                });
                continue;
            };
            let override_rid = comp
                .property(&ICalendarProperty::RecurrenceId)
                .and_then(|e| {
                    let tz =
                        resolver.resolve_or_default(param_text(e, &ICalendarParameterName::Tzid));
                    e.values
                        .first()?
                        .as_partial_date_time()?
                        .to_date_time_with_tz(tz)
                })
                .map(|d| d.fixed_offset());
            let master_recurs = cal
                .components
                .iter()
                .any(|c| c.uid() == Some(uid) && c.is_recurrent());
            let recurrence_id = override_rid.or(master_recurs.then_some(start));
            let key = match recurrence_id {
                Some(rid) => format!("{uid}/{}", rid.to_utc().format("%Y%m%dT%H%M%SZ")),
                None => uid.to_string(),
            };
            let end = match &event.end {
                calcard::icalendar::dates::TimeOrDelta::Time(t) => Some(t.fixed_offset()),
                calcard::icalendar::dates::TimeOrDelta::Delta(d) => Some(start + *d),
            }
            .filter(|e| *e > start);
            let cancelled = cancel_all || comp.status() == Some(&ICalendarStatus::Cancelled);
            let summary = text_of(comp, &ICalendarProperty::Summary)
                .map(|s| one_line(&s))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "(no title)".into());
            out.push(Occurrence {
                item: item(&format!(
                    "event {} at {}",
                    model_text::escape(uid),
                    time::rfc3339(&start)
                )),
                key,
                uid: uid.to_string(),
                recurrence_id,
                start,
                end,
                recurring: master_recurs,
                is_override: override_rid.is_some(),
                cancelled,
                summary: model_text::truncate(&summary, 200).into_owned(),
                description: text_of(comp, &ICalendarProperty::Description)
                    .map(|d| super::mail::text::clean(&d))
                    .filter(|d| !d.is_empty())
                    .map(|d| super::mail::text::bounded(d, MAX_DESCRIPTION_BYTES).0),
                location: text_of(comp, &ICalendarProperty::Location)
                    .map(|l| one_line(&l))
                    .filter(|l| !l.is_empty()),
                organizer: comp
                    .property(&ICalendarProperty::Organizer)
                    .and_then(participant),
                attendees: comp
                    .properties(&ICalendarProperty::Attendee)
                    .filter_map(participant)
                    .take(100)
                    .collect(),
            });
        }
    }
    // An override replaces the rule's occurrence with the same RECURRENCE-ID (calcard pairs
    // them only when their SEQUENCE agrees, and calendars often bump it in an override).
    let overridden: std::collections::HashSet<String> = out
        .iter()
        .filter(|o| o.is_override)
        .map(|o| o.key.clone())
        .collect();
    out.retain(|o| o.is_override || !overridden.contains(&o.key));
    out
}

fn describe(entry: &Entry) -> String {
    match entry {
        Entry::UnexpectedComponentEnd { expected, found } => {
            format!(
                "END:{} where END:{} was expected",
                found.as_str(),
                expected.as_str()
            )
        }
        Entry::UnterminatedComponent(name) => format!("BEGIN:{name} without its END"),
        Entry::TooManyComponents => "too many components".into(),
        _ => "unexpected content".into(),
    }
}

fn one_line(text: &str) -> String {
    super::mail::text::clean(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn text_of(comp: &ICalendarComponent, prop: &ICalendarProperty) -> Option<String> {
    comp.property(prop)
        .and_then(|e| e.values.first())
        .and_then(|v| v.as_text())
        .map(str::to_string)
}

fn param_text<'a>(entry: &'a ICalendarEntry, name: &ICalendarParameterName) -> Option<&'a str> {
    match entry.parameter(name)? {
        ICalendarParameterValue::Text(t) => Some(t.as_str()),
        _ => None,
    }
}

fn participant(entry: &ICalendarEntry) -> Option<Participant> {
    let address = address::normalize(entry.calendar_address()?)?;
    let name = param_text(entry, &ICalendarParameterName::Cn)
        .map(one_line)
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(&address));
    Some(Participant { address, name })
}

fn plan_occurrence(
    store: &Store,
    dir: &mut Directory,
    listing: &HashMap<String, Vec<String>>,
    options: &Options,
    occ: &Occurrence,
    plan: &mut Plan,
) -> Result<()> {
    let outcome = |action| keyed(Outcome::new(&occ.item, action), &occ.key);
    let everyone: Vec<&Participant> = occ.organizer.iter().chain(&occ.attendees).collect();
    let ours: Vec<(&Participant, &Ours)> = everyone
        .iter()
        .filter_map(|p| dir.ours(&p.address).map(|o| (*p, o)))
        .collect();
    if ours.is_empty() {
        plan.outcomes.push(
            outcome(Action::Skipped)
                .because("no person or team of the store among the organizer and attendees"),
        );
        return Ok(());
    }
    let organizer_ours = occ
        .organizer
        .as_ref()
        .and_then(|o| dir.ours(&o.address).cloned());
    let outside: Vec<&Participant> = everyone
        .iter()
        .copied()
        .filter(|p| dir.ours(&p.address).is_none())
        .collect();
    let (direction, by) = match (&occ.organizer, &organizer_ours) {
        (Some(_), Some(Ours::Person(h) | Ours::Team(h))) => (Direction::Outbound, h.clone()),
        (Some(org), None) => (Direction::Inbound, org.address.clone()),
        (None, _) => {
            let (_, first) = ours[0];
            let (Ours::Person(h) | Ours::Team(h)) = first;
            (Direction::Outbound, h.clone())
        }
    };
    if outside.is_empty() {
        plan.outcomes
            .push(outcome(Action::Skipped).because("only people of the store take part"));
        return Ok(());
    }
    let mut slug = None;
    let mut why = None;
    for p in &outside {
        match dir.customer_for(&p.address) {
            super::directory::Match::Contact(s) | super::directory::Match::Domain(s) => {
                slug = Some(s);
                break;
            }
            super::directory::Match::Ambiguous(w) => {
                why.get_or_insert(w);
            }
            super::directory::Match::None => {}
        }
    }
    let owner = ours.iter().find_map(|(_, o)| match o {
        Ours::Person(h) => Some(h.clone()),
        Ours::Team(_) => None,
    });
    if slug.is_none() && why.is_none() && options.create_customers {
        let party = outside[0];
        let team = ours.iter().find_map(|(_, o)| match o {
            Ours::Team(t) => Some(t.clone()),
            Ours::Person(_) => None,
        });
        if let Some(lead) = dir.plan_lead(
            &party.address,
            party.name.as_deref(),
            owner.as_deref(),
            team.as_deref(),
            occ.start,
        ) {
            let planned = crate::ops::customer::planned_new_customer("", lead)?;
            plan.ids.push(planned.record.id);
            plan.customers_created.push(planned.record.slug.clone());
            plan.files.extend(planned.change.files);
            slug = Some(planned.record.slug);
        }
    }
    let Some(slug) = slug else {
        let reason = why.unwrap_or_else(|| {
            format!(
                "no customer has the contact `{}` or its domain (of the attendees)",
                outside[0].address
            )
        });
        plan.outcomes
            .push(outcome(Action::Unmatched).because(reason));
        return Ok(());
    };
    let short = touchpoint_id(occ.start, &occ.key).short();
    let stored = find_stored(store, listing.get(&short), SYSTEM, &occ.key);
    if stored.is_none() && occ.cancelled {
        plan.outcomes
            .push(outcome(Action::Skipped).because("cancelled before it was ingested"));
        return Ok(());
    }
    let meta = MeetingMeta {
        uid: occ.uid.clone(),
        recurrence_id: occ.recurrence_id.map(|r| time::rfc3339(&r)),
        end: occ.end.map(|e| time::rfc3339(&e)),
        location: occ.location.clone(),
        organizer: occ.organizer.as_ref().map(Participant::display),
        attendees: occ.attendees.iter().map(Participant::display).collect(),
        status: occ.cancelled.then(|| "cancelled".to_string()),
        extra: Extra::new(),
    };
    let mut extra = Extra::new();
    extra.insert(
        "meeting".into(),
        serde_json::to_value(&meta).unwrap_or(serde_json::Value::Null),
    );
    let id = stored
        .as_ref()
        .map(|s| s.record.id)
        .unwrap_or_else(|| touchpoint_id(occ.start, &occ.key));
    let mut tags = stored
        .as_ref()
        .map(|s| s.record.tags.clone())
        .unwrap_or_default();
    tags.retain(|t| t != CANCELLED_TAG);
    if occ.cancelled {
        tags.push(CANCELLED_TAG.into());
    }
    let record = Interaction {
        id,
        at: occ.start,
        recorded_at: occ.start,
        channel: CHANNEL.into(),
        direction,
        by,
        actor: if occ.cancelled {
            Actor::Automation
        } else {
            Actor::Human
        },
        thread: stored.as_ref().map(|s| s.record.thread).unwrap_or(id),
        summary: occ.summary.clone(),
        body: occ.description.clone(),
        // A meeting leaves no reply owed: it resolves its thread (docs/metrics.md).
        resolves: !occ.cancelled,
        tags,
        source: Some(Source {
            system: SYSTEM.into(),
            key: occ.key.clone(),
            extra: Extra::new(),
        }),
        extra,
    };
    let mut o = outcome(Action::Created);
    o.customer = Some(slug.clone());
    o.id = Some(id);
    match stored {
        None => {
            let path = layout::record_file(&slug, RecordKind::Interaction, &record.at, &id);
            o.path = Some(path.clone());
            if let Some(why) = super::refusal(&path, &record) {
                o.refused = true;
                o.reason = Some(why);
                plan.push(o, Vec::new());
                return Ok(());
            }
            plan.push(
                o,
                vec![FileOp::Create {
                    path,
                    contents: yaml::to_yaml(&record)?,
                }],
            );
        }
        Some(current) => {
            o.customer = current.path.split('/').nth(1).map(str::to_string);
            o.path = Some(current.path.clone());
            match refresh(&current, &record, OWNED)? {
                None => {
                    o.action = Action::Unchanged;
                    plan.push(o, Vec::new());
                }
                Some((changed, contents)) => {
                    o.action = Action::Updated;
                    o.changed = changed;
                    // A moved event keeps its id; its file follows its new time.
                    let folder = current.path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
                    let name = layout::record_file_name(&record.at, &id);
                    let path = format!("{folder}/{name}");
                    let files = if path == current.path {
                        vec![FileOp::Update {
                            path: current.path.clone(),
                            contents,
                        }]
                    } else {
                        o.path = Some(path.clone());
                        vec![
                            FileOp::Create { path, contents },
                            FileOp::Remove {
                                path: current.path.clone(),
                            },
                        ]
                    };
                    plan.push(o, files);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<Occurrence>, Plan) {
        let mut plan = Plan::new(Kind::Ics, vec!["c.ics".into()]);
        let occ = read_calendars("c.ics", text, chrono_tz::Europe::Paris, &mut plan);
        (occ, plan)
    }

    const WEEKLY: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:weekly-1\r\nDTSTART;TZID=Europe/Paris:20261102T100000\r\nDTEND;TZID=Europe/Paris:20261102T103000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Weekly sync\r\nORGANIZER;CN=Alice:mailto:alice@agency.example\r\nATTENDEE;CN=Jane Doe:mailto:jane@acme.example\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:weekly-1\r\nRECURRENCE-ID;TZID=Europe/Paris:20261109T100000\r\nDTSTART;TZID=Europe/Paris:20261110T140000\r\nDTEND;TZID=Europe/Paris:20261110T143000\r\nSUMMARY:Weekly sync (moved)\r\nORGANIZER:mailto:alice@agency.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn recurrences_are_expanded_and_overrides_keep_their_key() {
        let (occ, plan) = read(WEEKLY);
        assert!(plan.problems.is_empty(), "{:?}", plan.problems);
        let keys: Vec<(&str, String)> = occ
            .iter()
            .map(|o| (o.key.as_str(), time::rfc3339(&o.start)))
            .collect();
        assert_eq!(
            keys,
            vec![
                (
                    "weekly-1/20261102T090000Z",
                    "2026-11-02T10:00:00+01:00".to_string()
                ),
                (
                    "weekly-1/20261109T090000Z",
                    "2026-11-10T14:00:00+01:00".to_string()
                ),
                (
                    "weekly-1/20261116T090000Z",
                    "2026-11-16T10:00:00+01:00".to_string()
                ),
            ]
        );
        assert_eq!(
            occ[0].organizer.as_ref().unwrap().address,
            "alice@agency.example"
        );
        assert_eq!(occ[0].attendees[0].name.as_deref(), Some("Jane Doe"));
        assert_eq!(
            occ[0].end.map(|e| time::rfc3339(&e)).as_deref(),
            Some("2026-11-02T10:30:00+01:00")
        );
    }

    #[test]
    fn malformed_calendars_are_problems() {
        let (_, plan) = read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n");
        assert!(!plan.problems.is_empty());
        let (_, plan) = read("hello\r\n");
        assert!(plan.problems[0].message.contains("no calendar"));
    }
}
