//! Checks of one record at a time: `schema` (what the typed parse does not catch), `ids` (UUID v7,
//! file name), `dates` and the `refs` a record makes to the config (people, teams, channels).

use chrono::Duration;

use super::{Ctx, Problem, locate};
use crate::model::corrections::{Correction, CorrectionKind};
use crate::model::keys::RecordKeys;
use crate::model::records::{
    Actor, Customer, Direction, Document, Handoff, Interaction, Note, Party, Task,
};
use crate::model::restricted;
use crate::model::time::{FUTURE_TOLERANCE_MINUTES, is_future};
use crate::model::time::{Timestamp, rfc3339};
use crate::model::{RecordId, suggest};
use crate::store::layout;
use crate::store::snapshot::{Content, Record};

/// Keys holding times or dates: a parse error on one of them is a `dates` problem.
const DATE_KEYS: &[&str] = &[
    "at",
    "recorded_at",
    "created",
    "archived",
    "accepted_at",
    "declined_at",
    "done_at",
    "due",
];

pub(super) fn run(ctx: &mut Ctx) {
    let snapshot = ctx.snapshot;
    for entry in &snapshot.entries {
        match &entry.content {
            Content::Other => {}
            Content::Invalid {
                line,
                column,
                message,
            } => invalid(ctx, &entry.path, *line, *column, message),
            Content::Record(record) => {
                match record.as_ref() {
                    Record::Customer(c) => customer(ctx, &entry.path, c),
                    Record::Interaction(i) => interaction(ctx, &entry.path, i),
                    Record::Note(n) => note(ctx, &entry.path, n),
                    Record::Handoff(h) => handoff(ctx, &entry.path, h),
                    Record::Task(t) => task(ctx, &entry.path, t),
                    Record::Correction(c) => correction(ctx, &entry.path, c),
                    Record::Document(d) => document(ctx, &entry.path, d),
                }
                record_rules(ctx, &entry.path, record);
            }
        }
    }
}

/// The rules every writer enforces ([`crate::model::validate`]), on a file someone wrote by
/// hand: what git-crm would refuse to write is reported.
fn record_rules(ctx: &mut Ctx, path: &str, record: &Record) {
    use crate::model::validate;
    let problems = match record {
        Record::Customer(c) => validate::customer(c),
        Record::Interaction(i) => validate::interaction(i),
        Record::Note(n) => validate::note(n),
        Record::Handoff(h) => validate::handoff(h),
        Record::Task(t) => validate::task(t),
        Record::Correction(c) => validate::correction(c),
        Record::Document(d) => validate::document(d),
    };
    for problem in problems {
        ctx.push(
            Problem::error("schema", problem)
                .hint("git-crm would refuse to write this value; docs/format.md gives the rules"),
            path,
            None,
            None,
        );
    }
}

/// A file that does not parse: a `schema` error, or a `dates` error when the key on the line is
/// a time. Conflict markers are left to `conflict-markers`.
fn invalid(ctx: &mut Ctx, path: &str, line: u64, column: u64, message: &str) {
    if message.contains("conflict marker") {
        return;
    }
    let key = ctx.text(path).and_then(|text| {
        text.lines()
            .nth(line.saturating_sub(1) as usize)
            .and_then(locate::key_of)
            .map(str::to_string)
    });
    let problem = if let Some(key) = key.as_deref().filter(|k| DATE_KEYS.contains(k)) {
        Problem::error("dates", format!("`{key}`: {message}")).hint(
            "write times in RFC 3339 with an offset (\"2026-11-02T14:30:00+01:00\") and dates as 2026-12-01",
        )
    } else {
        Problem::error("schema", message)
            .hint("docs/format.md lists each record's fields, their types and allowed values")
    };
    ctx.push(problem, path, Some(line), Some(column));
}

fn customer(ctx: &mut Ctx, path: &str, c: &Customer) {
    required(ctx, path, &[("name", &c.name), ("slug", &c.slug)]);
    unknown_keys(ctx, path, c.extra.keys(), &Customer::known());
    for contact in &c.contacts {
        if contact.name.trim().is_empty() {
            ctx.report(
                Problem::error("schema", "a contact has an empty `name`"),
                path,
                &["contacts"],
            );
        }
        if let Some(email) = &contact.email
            && let Err(why) = crate::model::contact::validate_email(email)
        {
            let place = ctx
                .text(path)
                .and_then(|t| locate::key_value(&t, "email", email));
            ctx.push(
                Problem::warning("schema", format!("contact {why}"))
                    .hint("write the address as name@example.com"),
                path,
                place.map(|p| p.0),
                place.map(|p| p.1),
            );
        }
    }
    for domain in &c.domains {
        if crate::model::address::normalize_domain(domain).is_none() {
            ctx.report(
                Problem::error(
                    "schema",
                    format!("`{domain}` in `domains` is not a mail domain"),
                )
                .hint("write domains as acme.example (no address, no scheme)"),
                path,
                &["domains"],
            );
        }
    }
    id_version(ctx, path, &c.id);
    future(ctx, path, "created", &c.created);
    if let Some(archived) = &c.archived {
        future(ctx, path, "archived", archived);
    }
    if let Some(owner) = &c.owner {
        person(ctx, path, &["owner"], owner);
    }
    if let Some(team) = &c.team {
        team_ref(ctx, path, &["team"], team);
    }
}

fn interaction(ctx: &mut Ctx, path: &str, i: &Interaction) {
    required(ctx, path, &[("channel", &i.channel), ("by", &i.by)]);
    if !i.extra.contains_key(restricted::KEY) {
        required(ctx, path, &[("summary", &i.summary)]);
    }
    unknown_keys(ctx, path, i.extra.keys(), &Interaction::known());
    record_ids(ctx, path, &i.id, &i.at);
    future(ctx, path, "at", &i.at);
    future(ctx, path, "recorded_at", &i.recorded_at);
    let tolerance = Duration::minutes(FUTURE_TOLERANCE_MINUTES);
    if i.recorded_at + tolerance < i.at {
        ctx.report(
            Problem::error(
                "dates",
                format!(
                    "recorded_at {} is before at {}: a touchpoint is logged after it happens",
                    rfc3339(&i.recorded_at),
                    rfc3339(&i.at)
                ),
            )
            .hint(format!(
                "fix `at` or `recorded_at` ({FUTURE_TOLERANCE_MINUTES} minutes of clock skew are tolerated); plan future work with `git crm task add`"
            )),
            path,
            &["recorded_at"],
        );
    }
    if !i.channel.is_empty() && !ctx.config.knows_channel(&i.channel) {
        let hint =
            suggest::did_you_mean(&i.channel, ctx.config.channels.iter().map(String::as_str))
                .unwrap_or_else(|| {
                    format!(
                        "known channels: {}; add it to `channels` in {}",
                        ctx.config.channels.join(", "),
                        layout::CONFIG_FILE
                    )
                });
        ctx.report(
            Problem::error("refs", format!("unknown channel `{}`", i.channel)).hint(hint),
            path,
            &["channel"],
        );
    }
    // Mail sent from a team's shared address without a person's name on it is by the team.
    if i.direction != Direction::Inbound
        && i.actor == Actor::Human
        && !i.by.is_empty()
        && !ctx.config.teams.contains_key(&i.by)
    {
        person(ctx, path, &["by"], &i.by);
    }
}

fn note(ctx: &mut Ctx, path: &str, n: &Note) {
    required(ctx, path, &[("by", &n.by)]);
    if !n.extra.contains_key(restricted::KEY) {
        required(ctx, path, &[("body", &n.body)]);
    }
    unknown_keys(ctx, path, n.extra.keys(), &Note::known());
    record_ids(ctx, path, &n.id, &n.at);
    future(ctx, path, "at", &n.at);
    if !n.by.is_empty() {
        person(ctx, path, &["by"], &n.by);
    }
    if let Some(mentions) = n.extra.get("mentions") {
        match mentions.as_array() {
            Some(list) => {
                for handle in list {
                    match handle.as_str() {
                        Some(h) => person(ctx, path, &["mentions"], h),
                        None => ctx.report(
                            Problem::error(
                                "schema",
                                "`mentions` holds a value that is not a handle",
                            ),
                            path,
                            &["mentions"],
                        ),
                    }
                }
            }
            None => ctx.report(
                Problem::error("schema", "`mentions` is not a list of handles"),
                path,
                &["mentions"],
            ),
        }
    }
}

fn handoff(ctx: &mut Ctx, path: &str, h: &Handoff) {
    required(ctx, path, &[("by", &h.by)]);
    unknown_keys(ctx, path, h.extra.keys(), &Handoff::known());
    record_ids(ctx, path, &h.id, &h.at);
    future(ctx, path, "at", &h.at);
    if !h.by.is_empty() {
        person(ctx, path, &["by"], &h.by);
    }
    party(ctx, path, "from", &h.from);
    party(ctx, path, "to", &h.to);
    if h.to.owner.is_none() {
        ctx.report(
            Problem::error(
                "schema",
                "`to.owner` is empty: a handoff hands the customer to someone",
            ),
            path,
            &["to"],
        );
    }
    if let Some(accepted) = &h.accepted_at {
        future(ctx, path, "accepted_at", accepted);
        if *accepted < h.at {
            ctx.report(
                Problem::warning(
                    "dates",
                    format!(
                        "accepted_at {} is before the handoff itself ({})",
                        rfc3339(accepted),
                        rfc3339(&h.at)
                    ),
                )
                .hint("fix `accepted_at`; handoff time would be negative"),
                path,
                &["accepted_at"],
            );
        }
    }
    for key in ["accepted_by", "declined_by", "on_behalf_of"] {
        if let Some(by) = h.extra.get(key).and_then(|v| v.as_str()) {
            person(ctx, path, &[key], by);
        }
    }
    if let Some(text) = h
        .extra
        .get(crate::model::handoffs::DECLINED_AT)
        .and_then(|v| v.as_str())
    {
        match chrono::DateTime::parse_from_rfc3339(text) {
            Ok(at) => future(ctx, path, "declined_at", &at),
            Err(_) => ctx.report(
                Problem::error(
                    "dates",
                    format!("`declined_at`: `{text}` is not an RFC 3339 time"),
                )
                .hint("write times in RFC 3339 with an offset (\"2026-11-02T14:30:00+01:00\")"),
                path,
                &["declined_at"],
            ),
        }
    }
}

fn document(ctx: &mut Ctx, path: &str, d: &Document) {
    required(ctx, path, &[("by", &d.by), ("file", &d.file)]);
    let sealed = d.extra.contains_key(restricted::KEY);
    if !sealed {
        required(ctx, path, &[("sha256", &d.sha256)]);
    }
    unknown_keys(ctx, path, d.extra.keys(), &Document::known());
    record_ids(ctx, path, &d.id, &d.at);
    future(ctx, path, "at", &d.at);
    if !d.by.is_empty() {
        person(ctx, path, &["by"], &d.by);
    }
    if !d.sha256.is_empty()
        && (d.sha256.len() != 64 || !d.sha256.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        ctx.report(
            Problem::error("schema", "`sha256` is not 64 hexadecimal digits"),
            path,
            &["sha256"],
        );
    }
    if d.size == 0 {
        ctx.report(
            Problem::error("schema", "`size` is 0: documents are never empty"),
            path,
            &["size"],
        );
    }
    // The stored file is named like the record, with the suffix its sealing says.
    let name = path.rsplit('/').next().unwrap_or(path);
    let expected = format!(
        "{}{}",
        name.trim_end_matches(".yaml"),
        if sealed {
            layout::DOCUMENT_SEALED_SUFFIX
        } else {
            layout::DOCUMENT_PLAIN_SUFFIX
        }
    );
    if !d.file.is_empty() && d.file != expected {
        ctx.report(
            Problem::error(
                "schema",
                format!(
                    "`file` is `{}`; a document's file is named like its record: `{expected}`",
                    crate::model::text::escape(&d.file)
                ),
            ),
            path,
            &["file"],
        );
    } else if !d.file.is_empty() {
        let dir = path
            .rsplit_once('/')
            .map(|(dir, _)| dir)
            .unwrap_or_default();
        let file = format!("{dir}/{expected}");
        let present = ctx
            .snapshot
            .entries
            .binary_search_by(|e| e.path.as_str().cmp(file.as_str()))
            .is_ok();
        if !present {
            ctx.report(
                Problem::error("refs", format!("the document's file {expected} is missing")),
                path,
                &["file"],
            );
        }
    }
}

fn party(ctx: &mut Ctx, path: &str, side: &str, p: &Party) {
    if let Some(owner) = &p.owner {
        person(ctx, path, &[side, "owner"], owner);
    }
    if let Some(team) = &p.team {
        team_ref(ctx, path, &[side, "team"], team);
    }
}

fn task(ctx: &mut Ctx, path: &str, t: &Task) {
    required(ctx, path, &[("by", &t.by), ("title", &t.title)]);
    unknown_keys(ctx, path, t.extra.keys(), &Task::known());
    record_ids(ctx, path, &t.id, &t.created);
    future(ctx, path, "created", &t.created);
    if !t.by.is_empty() {
        person(ctx, path, &["by"], &t.by);
    }
    if let Some(assignee) = &t.assignee {
        person(ctx, path, &["assignee"], assignee);
    }
    if let Some(every) = t.extra.get(crate::model::recurrence::EVERY_KEY) {
        let readable = every.as_str().map(crate::model::recurrence::Every::parse);
        match readable {
            Some(Ok(_)) if t.due.is_none() => ctx.report(
                Problem::error("schema", "a recurring task (`every`) needs a `due` date")
                    .hint("set `due` to its first occurrence"),
                path,
                &["every"],
            ),
            Some(Ok(_)) => {}
            Some(Err(why)) => ctx.report(Problem::error("schema", why), path, &["every"]),
            None => ctx.report(
                Problem::error("schema", "`every` must be text such as 1w or 1mo"),
                path,
                &["every"],
            ),
        }
    }
    if let Some(series) = t.extra.get(crate::model::recurrence::SERIES_KEY)
        && series.as_str().and_then(RecordId::parse).is_none()
    {
        ctx.report(
            Problem::error(
                "schema",
                "`series` must be the id of the task that starts the series",
            ),
            path,
            &["series"],
        );
    }
    if let Some(done) = &t.done_at {
        future(ctx, path, "done_at", done);
        if *done < t.created {
            ctx.report(
                Problem::warning(
                    "dates",
                    format!(
                        "done_at {} is before the task was created ({})",
                        rfc3339(done),
                        rfc3339(&t.created)
                    ),
                )
                .hint("fix `done_at`"),
                path,
                &["done_at"],
            );
        }
    }
}

/// What a correction says about itself; what it says about its target (that it exists, that
/// its changes apply) is checked with the folder (`check::store`).
fn correction(ctx: &mut Ctx, path: &str, c: &Correction) {
    required(ctx, path, &[("by", &c.by)]);
    unknown_keys(ctx, path, c.extra.keys(), &Correction::known());
    record_ids(ctx, path, &c.id, &c.at);
    future(ctx, path, "at", &c.at);
    if !c.by.is_empty() {
        person(ctx, path, &["by"], &c.by);
    }
    match c.kind {
        CorrectionKind::Void if c.reason.as_deref().is_none_or(|r| r.trim().is_empty()) => ctx
            .report(
                Problem::error("schema", "a void needs a `reason`").hint(
                    "say why the record is withdrawn: `git crm void <id> --reason ...` writes it",
                ),
                path,
                &["kind"],
            ),
        CorrectionKind::Void if !c.changes.is_empty() => ctx.report(
            Problem::error("schema", "a void has no `changes`")
                .hint("remove `changes`, or make it `kind: amend`"),
            path,
            &["changes"],
        ),
        CorrectionKind::Amend if c.changes.is_empty() => ctx.report(
            Problem::error("schema", "an amendment without `changes` corrects nothing")
                .hint("list the fields it changes under `changes:`"),
            path,
            &["kind"],
        ),
        _ => {}
    }
    if let Some(channel) = c.changes.get("channel").and_then(|v| v.as_str())
        && !ctx.config.knows_channel(channel)
    {
        ctx.report(
            Problem::error("refs", format!("unknown channel `{channel}`")).hint(format!(
                "known channels: {}",
                ctx.config.channels.join(", ")
            )),
            path,
            &["changes", "channel"],
        );
    }
}

fn required(ctx: &mut Ctx, path: &str, fields: &[(&str, &String)]) {
    for (key, value) in fields {
        if value.trim().is_empty() {
            ctx.report(
                Problem::error("schema", format!("`{key}` is empty")).hint(format!(
                    "`{key}` is required; docs/format.md says what goes there"
                )),
                path,
                &[key],
            );
        }
    }
}

/// Unknown keys are welcome, but one that is a near miss of a known key is most likely a typo
/// that silently drops the value.
fn unknown_keys<'k>(
    ctx: &mut Ctx,
    path: &str,
    keys: impl Iterator<Item = &'k String>,
    known: &[&str],
) {
    for key in keys {
        if known.contains(&key.as_str()) {
            continue;
        }
        if let Some(close) = suggest::closest(key, known.iter().copied()) {
            ctx.report(
                Problem::warning(
                    "schema",
                    format!("unknown key `{key}`; did you mean `{close}`?"),
                )
                .hint(format!("rename it to `{close}`, or the value is ignored")),
                path,
                &[key],
            );
        }
    }
}

fn id_version(ctx: &mut Ctx, path: &str, id: &RecordId) {
    if id.0.get_version_num() != 7 {
        ctx.report(
            Problem::warning(
                "ids",
                format!(
                    "id {id} is a UUID v{}, not v7: records would not sort by time",
                    id.0.get_version_num()
                ),
            )
            .hint("new ids come from the tool (`git crm log`, `note`, ...); keep v7 for hand-made records"),
            path,
            &["id"],
        );
    }
}

/// A record file's id: UUID v7, and its file name `<UTC time>-<short id>.yaml`.
fn record_ids(ctx: &mut Ctx, path: &str, id: &RecordId, at: &Timestamp) {
    id_version(ctx, path, id);
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == quick_file_name(at, id) {
        return;
    }
    let expected = layout::record_file_name(at, id);
    if name == expected {
        return;
    }
    let rename = format!("rename the file to `{expected}`");
    if !layout::is_record_file_name(name) {
        ctx.report(
            Problem::error(
                "ids",
                format!("file name `{name}` is not `<UTC time>-<short id>.yaml`"),
            )
            .hint(rename),
            path,
            &["id"],
        );
    } else if !name.ends_with(&format!("-{}.yaml", id.short())) {
        ctx.report(
            Problem::error(
                "ids",
                format!(
                    "file name does not end in the id's short id `{}`: the record cannot be found by its id",
                    id.short()
                ),
            )
            .hint(rename),
            path,
            &["id"],
        );
    } else {
        ctx.report(
            Problem::warning(
                "ids",
                format!(
                    "file name time differs from the record's time {}: files no longer sort by time",
                    rfc3339(&at.to_utc().fixed_offset())
                ),
            )
            .hint(rename),
            path,
            &["id"],
        );
    }
}

/// `layout::record_file_name` without a strftime parse per call (this runs for every record of
/// the store); any difference only costs the slow path.
fn quick_file_name(at: &Timestamp, id: &RecordId) -> String {
    use chrono::{Datelike, Timelike};
    let t = at.to_utc();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z-{}.yaml",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        id.short()
    )
}

fn future(ctx: &mut Ctx, path: &str, key: &str, t: &Timestamp) {
    if is_future(*t, ctx.now) {
        ctx.report(
            Problem::error("dates", format!("`{key}` {} is in the future", rfc3339(t)))
                .hint("records say what happened; plan future work with `git crm task add --due`"),
            path,
            &[key],
        );
    }
}

/// `handle` must be a person of the config.
pub(super) fn person(ctx: &mut Ctx, path: &str, key: &[&str], handle: &str) {
    if ctx.config.people.contains_key(handle) {
        return;
    }
    let hint = suggest::did_you_mean(handle, ctx.config.people.keys().map(String::as_str))
        .unwrap_or_else(|| format!("add them with `git crm person add {handle} --name ...`"));
    ctx.report(
        Problem::error("refs", format!("unknown person `{handle}`")).hint(hint),
        path,
        key,
    );
}

/// `team` must be a team of the config.
pub(super) fn team_ref(ctx: &mut Ctx, path: &str, key: &[&str], team: &str) {
    if ctx.config.teams.contains_key(team) {
        return;
    }
    let hint = suggest::did_you_mean(team, ctx.config.teams.keys().map(String::as_str))
        .unwrap_or_else(|| format!("add it with `git crm team add {team}`"));
    ctx.report(
        Problem::error("refs", format!("unknown team `{team}`")).hint(hint),
        path,
        key,
    );
}
