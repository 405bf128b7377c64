//! Planning a touchpoint import. Each row finds its customer by slug, by the customer's
//! external id, or by a contact's email. The touchpoint's id is derived from its source key
//! (`source` + key) and its time, so its file name is known without reading the store: a
//! re-import finds the file by name, parses only that file, and leaves it unchanged or edits
//! the fields that differ in place. Two clones importing the same rows write the same files.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::error::Result;
use crate::model::records::{Actor, Customer, Direction, Interaction, RecordKind, Source};
use crate::model::{RecordId, Timestamp, text};
use crate::ops::log::planned_interaction;
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{FileOp, layout};

use super::driver::{Planner, RowResult};
use super::rules::MappedRow;
use super::values::{parse_bool, parse_enum, split_list, stable_hash};
use super::{Action, Context, Outcome, Plan, Problem};

/// A touchpoint row, validated, with its customer found.
#[derive(Debug)]
pub(super) struct Incoming {
    row: usize,
    slug: String,
    interaction: Interaction,
    /// Fields the rules set (only these are compared with an existing record).
    mapped: Vec<&'static str>,
    thread_key: Option<String>,
    /// The source key of the touchpoint this row answers (`reply_to`), with the column it came
    /// from: the row joins that touchpoint's thread.
    reply_to: Option<(String, super::rules::Value)>,
}

/// Where customers are found.
struct Customers {
    by_slug: HashMap<String, Customer>,
    by_external: HashMap<String, String>,
    by_email: HashMap<String, Vec<String>>,
}

fn customer_index(ctx: &Context) -> Result<Customers> {
    let system = ctx
        .rules
        .file
        .customer_source
        .clone()
        .or_else(|| ctx.rules.file.source.clone())
        .unwrap_or_default();
    let mut index = Customers {
        by_slug: HashMap::new(),
        by_external: HashMap::new(),
        by_email: HashMap::new(),
    };
    for c in super::load_customers(ctx.store)? {
        if let Some(key) = c.external_ids.get(&system) {
            index.by_external.insert(key.clone(), c.slug.clone());
        }
        for email in c.contacts.iter().filter_map(|k| k.email.as_deref()) {
            let slugs = index.by_email.entry(email.to_lowercase()).or_default();
            if !slugs.contains(&c.slug) {
                slugs.push(c.slug.clone());
            }
        }
        index.by_slug.insert(c.slug.clone(), c);
    }
    Ok(index)
}

/// The planner of a touchpoint import.
pub(super) struct Touchpoints {
    customers: Customers,
    /// Every touchpoint file of the store by short id (listed once the rows are valid).
    existing: HashMap<String, Vec<String>>,
}

impl Touchpoints {
    /// Indexes the store's customers.
    pub(super) fn new(ctx: &Context) -> Result<Self> {
        Ok(Touchpoints {
            customers: customer_index(ctx)?,
            existing: HashMap::new(),
        })
    }
}

impl Planner for Touchpoints {
    type Row = Incoming;

    fn row_number(row: &Incoming) -> usize {
        row.row
    }

    fn validate(
        &self,
        ctx: &Context,
        row: usize,
        mapped: &MappedRow,
    ) -> Result<Incoming, Vec<Problem>> {
        validate(ctx, row, mapped, &self.customers).map_err(|mut problems| {
            // Within a row, problems read left to right.
            problems.sort_by_key(|p| p.column);
            problems
        })
    }

    /// The source key, or the record id when the rules match by id.
    fn key(&self, _: &Context, _: &MappedRow, incoming: &Incoming) -> Result<String, Problem> {
        Ok(match &incoming.interaction.source {
            Some(source) => source.key.clone(),
            None => incoming.interaction.id.to_string(),
        })
    }

    fn duplicate(&self, _key: &str, first: usize) -> String {
        format!("duplicate key: row {first} has the same one")
    }

    /// Threads the rows (by `thread` values and `reply_to` keys, with touchpoints imported
    /// before) and lists the store's touchpoint files.
    fn prepare(&mut self, ctx: &Context, rows: &mut Vec<Incoming>) -> Result<Vec<Problem>> {
        let imported = imported_before(ctx, rows)?;
        assign_threads(&imported, rows);
        let problems = thread_replies(ctx, &imported, rows);
        self.existing = existing_files(ctx, &self.customers)?;
        Ok(problems)
    }

    fn plan_row(&mut self, ctx: &Context, incoming: Incoming) -> RowResult {
        plan_row(ctx, incoming, &self.existing)
    }

    /// Rows are independent once threaded: planned in parallel (a re-import reads a file
    /// per row).
    fn plan_rows(&mut self, ctx: &Context, rows: Vec<Incoming>) -> Vec<RowResult> {
        rows.into_par_iter()
            .map(|incoming| plan_row(ctx, incoming, &self.existing))
            .collect()
    }

    fn tally(&self, rows: &[Incoming], plan: &mut Plan) {
        plan.touchpoint_rows = rows.len();
        plan.outside_metrics = rows
            .iter()
            .filter(|r| r.interaction.actor != Actor::Human)
            .count();
    }
}

fn validate(
    ctx: &Context,
    row: usize,
    mapped: &MappedRow,
    customers: &Customers,
) -> Result<Incoming, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut slug: Option<String> = None;
    let mut at = None;
    let mut recorded_at = None;
    let mut channel = None;
    let mut direction = None;
    let mut by = None;
    let mut actor = Actor::Import;
    let mut thread = None;
    let mut thread_key = None;
    let mut reply_to = None;
    let mut summary = None;
    let mut body = None;
    let mut resolves = false;
    let mut tags = Vec::new();
    let mut id = None;
    let mut restored_source = (None, None);
    let mut fields: Vec<&'static str> = Vec::new();
    for (field, value) in &mapped.values {
        let v = value.text.trim();
        let mut fail = |why: String| problems.push(ctx.field_problem(row, value, field, why));
        match field.as_str() {
            "customer" | "customer.external_id" | "customer.email" if slug.is_some() => {}
            "customer" => match customers.by_slug.contains_key(v) {
                true => slug = Some(v.to_string()),
                false => fail(format!("no customer `{}`", text::escape(v))),
            },
            "customer.external_id" => match customers.by_external.get(v) {
                Some(s) => slug = Some(s.clone()),
                None => fail(format!(
                    "no customer has the external id `{}`",
                    text::escape(v)
                )),
            },
            "customer.email" => match customers.by_email.get(&v.to_lowercase()) {
                Some(slugs) if slugs.len() == 1 => slug = Some(slugs[0].clone()),
                Some(slugs) => fail(format!(
                    "`{}` is a contact of several customers ({}); map `customer` instead",
                    text::escape(v),
                    slugs.join(", ")
                )),
                None => fail(format!(
                    "no customer has a contact with the email `{}`",
                    text::escape(v)
                )),
            },
            "id" => match RecordId::parse(v) {
                Some(i) => id = Some(i),
                None => fail(format!("`{}` is not a record id (a UUID)", text::escape(v))),
            },
            "at" | "recorded_at" => match ctx.times.parse(v) {
                Ok(t) if crate::model::time::is_future(t, ctx.now) => fail(format!(
                    "{} is in the future",
                    crate::model::time::rfc3339(&t)
                )),
                Ok(t) if field == "at" => at = Some(t),
                Ok(t) => {
                    recorded_at = Some(t);
                    fields.push("recorded_at");
                }
                Err(why) => fail(why),
            },
            "channel" => match ctx
                .store
                .config()
                .channels
                .iter()
                .find(|c| c.eq_ignore_ascii_case(v))
            {
                Some(known) => channel = Some(known.clone()),
                None => fail(format!(
                    "unknown channel `{}`; known channels: {} (map other values with `values`)",
                    text::escape(v),
                    ctx.store.config().channels.join(", ")
                )),
            },
            "direction" => match parse_enum::<Direction>(v, "inbound, outbound, internal") {
                Ok(d) => direction = Some(d),
                Err(why) => fail(why),
            },
            "by" => by = Some(v.to_string()),
            "actor" => match parse_enum::<Actor>(v, "human, automation, import") {
                Ok(a) => actor = a,
                Err(why) => fail(why),
            },
            "thread" => {
                if ctx.rules.file.matches_by_id() {
                    match RecordId::parse(v) {
                        Some(t) => thread = Some(t),
                        None => fail(format!("`{}` is not a thread id (a UUID)", text::escape(v))),
                    }
                } else {
                    thread_key = Some(v.to_string());
                }
            }
            "reply_to" if ctx.rules.file.matches_by_id() => fail(
                "`reply_to` names a source key; rules that match by `id` map `thread` instead"
                    .into(),
            ),
            "reply_to" if !v.is_empty() => reply_to = Some((v.to_string(), value.clone())),
            "reply_to" => {}
            "summary" => {
                let text = value.text.trim();
                match crate::model::names::validate_line(
                    "the summary",
                    text,
                    crate::model::names::MAX_LINE_LEN,
                ) {
                    Ok(()) => summary = Some(text.to_string()),
                    Err(why) => fail(format!("{why} (map a longer text to `body`)")),
                }
            }
            "body" => match crate::model::names::validate_text("the body", &value.text) {
                Ok(()) => body = Some(value.text.clone()),
                Err(why) => fail(why),
            },
            "resolves" => match parse_bool(v) {
                Ok(b) => resolves = b,
                Err(why) => fail(why),
            },
            "tags" => tags = split_list(v, ctx.rules.list_separator()),
            "source.system" => restored_source.0 = Some(v.to_string()),
            "source.key" => restored_source.1 = Some(v.to_string()),
            _ => {}
        }
    }
    let missing = |what: &str, problems: &mut Vec<Problem>| {
        problems.push(
            ctx.problem(
                row,
                ctx.rules
                    .mapping
                    .iter()
                    .find(|(f, _)| f == what)
                    .map(|(_, c)| *c),
                format!("{what}: empty; a touchpoint needs one"),
            ),
        )
    };
    if slug.is_none()
        && !["customer", "customer.external_id", "customer.email"]
            .iter()
            .any(|f| mapped.values.contains_key(*f))
    {
        missing("customer", &mut problems);
    }
    for (what, present) in [
        ("at", at.is_some()),
        ("channel", channel.is_some()),
        ("direction", direction.is_some()),
        ("summary", summary.is_some()),
    ] {
        if !present && !mapped.values.contains_key(what) {
            missing(what, &mut problems);
        }
    }
    let key = mapped.key.clone();
    if key.is_none() && !ctx.rules.file.matches_by_id() {
        problems.push(ctx.problem(
            row,
            ctx.rules.key_columns.first().copied(),
            "the source key is empty".into(),
        ));
    }
    if ctx.rules.file.matches_by_id() && id.is_none() && !mapped.values.contains_key("id") {
        missing("id", &mut problems);
    }
    let direction_value = direction;
    if let (Some(Direction::Outbound | Direction::Internal), Some(handle)) = (direction_value, &by)
        && let Err(e) = ctx.store.require_person(handle)
    {
        let value = &mapped.values["by"];
        problems.push(ctx.field_problem(
            row,
            value,
            "by",
            format!(
                "{e}; outbound and internal touchpoints are by a person of the store (map names with `values`)"
            ),
        ));
    }
    if let (Some(Direction::Inbound), Some(by)) = (direction_value, &by)
        && let Some(handle) = ctx.store.config().person_named(by)
    {
        let value = &mapped.values["by"];
        problems.push(ctx.field_problem(
            row,
            value,
            "by",
            format!(
                "`{}` is {handle}, a person of the store: an inbound touchpoint comes from the customer",
                crate::model::text::escape(by)
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some(slug), Some(at), Some(channel), Some(direction), Some(summary)) =
        (slug, at, channel, direction, summary)
    else {
        return Err(vec![ctx.problem(row, None, "incomplete row".into())]);
    };
    let customer = &customers.by_slug[&slug];
    let by = match (direction, by) {
        (_, Some(by)) => by,
        // The first of the senders `log` offers: the first contact, else the customer.
        (Direction::Inbound, None) => crate::ops::log::inbound_candidates(customer).remove(0),
        (_, None) => ctx.actor.to_string(),
    };
    let source = ctx.rules.file.source.clone().unwrap_or_default();
    let id = id.unwrap_or_else(|| {
        let key = key.clone().unwrap_or_default();
        RecordId::from_parts(at.to_utc(), stable_hash(&["touchpoint", &source, &key]))
    });
    let restored = match restored_source {
        (Some(system), Some(key)) if ctx.rules.file.matches_by_id() => Some(Source {
            system,
            key,
            extra: Default::default(),
        }),
        _ => None,
    };
    let source = key.map(|key| {
        let mut extra = crate::model::Extra::new();
        if let Some(t) = &thread_key {
            extra.insert("thread".into(), serde_json::Value::String(t.clone()));
        }
        Source {
            system: source,
            key,
            extra,
        }
    });
    let source = source.or(restored);
    for f in [
        "at",
        "channel",
        "direction",
        "by",
        "actor",
        "summary",
        "body",
        "resolves",
        "tags",
        "thread",
    ] {
        if mapped.values.contains_key(f) {
            fields.push(f);
        }
    }
    if !fields.contains(&"by") {
        fields.push("by");
    }
    if source.is_some() {
        fields.push("source");
    }
    Ok(Incoming {
        row,
        slug,
        interaction: Interaction {
            id,
            at,
            recorded_at: recorded_at.unwrap_or(ctx.now),
            channel,
            direction,
            by,
            actor,
            thread: thread.unwrap_or(id),
            summary,
            body: body.filter(|b| !b.trim().is_empty()),
            resolves,
            tags,
            source,
            extra: Default::default(),
        },
        mapped: fields,
        thread_key,
        reply_to,
    })
}

/// Rows with the same `thread` value (per customer) form one thread, identified by the id of
/// its earliest touchpoint; a thread already in the store (from an earlier import) keeps its id.
fn assign_threads(imported: &[(String, Interaction)], rows: &mut [Incoming]) {
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        if let Some(key) = &row.thread_key {
            groups
                .entry((row.slug.clone(), key.clone()))
                .or_default()
                .push(i);
        }
    }
    if groups.is_empty() {
        return;
    }
    let mut known: HashMap<(String, String), (Timestamp, RecordId)> = HashMap::new();
    for (slug, i) in imported {
        let Some(key) = i
            .source
            .as_ref()
            .and_then(|s| s.extra.get("thread")?.as_str())
        else {
            continue;
        };
        let entry = known
            .entry((slug.clone(), key.to_string()))
            .or_insert((i.at, i.thread));
        if (i.at, i.id) < (entry.0, entry.1) {
            *entry = (i.at, i.thread);
        }
    }
    for (group, members) in groups {
        let thread = match known.get(&group) {
            Some((_, thread)) => *thread,
            None => members
                .iter()
                .map(|i| (rows[*i].interaction.at, rows[*i].interaction.id))
                .min()
                .map(|(_, id)| id)
                .unwrap_or_else(|| rows[members[0]].interaction.id),
        };
        for i in members {
            rows[i].interaction.thread = thread;
            if !rows[i].mapped.contains(&"thread") {
                rows[i].mapped.push("thread");
            }
        }
    }
}

/// Rows with a `reply_to` join the thread of the touchpoint whose source key it names: a row
/// of this file (itself possibly a reply, followed to the start of the chain) or a touchpoint
/// imported earlier from the same source. A row answering a key found nowhere, or a chain that
/// loops, is a problem at that row and the row is left out.
fn thread_replies(
    ctx: &Context,
    imported: &[(String, Interaction)],
    rows: &mut Vec<Incoming>,
) -> Vec<Problem> {
    if rows.iter().all(|r| r.reply_to.is_none()) {
        return Vec::new();
    }
    let key_of = |r: &Incoming| r.interaction.source.as_ref().map(|s| s.key.clone());
    let in_file: HashMap<(String, String), usize> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| key_of(r).map(|k| ((r.slug.clone(), k), i)))
        .collect();
    let stored: HashMap<(String, String), RecordId> = imported
        .iter()
        .filter_map(|(slug, i)| Some(((slug.clone(), i.source.as_ref()?.key.clone()), i.thread)))
        .collect();
    let mut problems = Vec::new();
    // Each row's outcome is found once: a chain is followed until a row whose outcome is known,
    // and every row on the way gets that outcome, so a long chain costs its length, not its
    // square.
    let mut resolved: Vec<Option<Result<RecordId, String>>> = vec![None; rows.len()];
    for start in 0..rows.len() {
        if rows[start].reply_to.is_none() || resolved[start].is_some() {
            continue;
        }
        let mut path = vec![start];
        let mut on_path = std::collections::HashSet::from([start]);
        let mut at = start;
        let outcome = loop {
            let Some((parent, _)) = &rows[at].reply_to else {
                break Ok(rows[at].interaction.thread);
            };
            let wanted = (rows[at].slug.clone(), parent.clone());
            match in_file.get(&wanted) {
                Some(&next) if on_path.contains(&next) => {
                    break Err(loop_message(parent, &path, rows));
                }
                Some(&next) => match &resolved[next] {
                    Some(known) => break known.clone(),
                    None => {
                        path.push(next);
                        on_path.insert(next);
                        at = next;
                    }
                },
                None => match stored.get(&wanted) {
                    Some(thread) => break Ok(*thread),
                    None => {
                        break Err(format!(
                            "no touchpoint of {} has the source key `{}` (in this file or imported before)",
                            rows[at].slug,
                            text::escape(parent)
                        ));
                    }
                },
            }
        };
        for &row in &path {
            resolved[row] = Some(outcome.clone());
        }
    }
    let mut threads: Vec<Option<RecordId>> = vec![None; rows.len()];
    for (i, outcome) in resolved.into_iter().enumerate() {
        match outcome {
            Some(Ok(thread)) => threads[i] = Some(thread),
            Some(Err(why)) => {
                let (_, value) = rows[i].reply_to.as_ref().expect("a reply");
                let row = rows[i].row;
                problems.push(ctx.field_problem(row, value, "reply_to", why));
            }
            None => {}
        }
    }
    let failed: std::collections::HashSet<usize> = problems.iter().map(|p| p.row).collect();
    for (row, thread) in rows.iter_mut().zip(threads) {
        if let Some(thread) = thread {
            row.interaction.thread = thread;
            if !row.mapped.contains(&"thread") {
                row.mapped.push("thread");
            }
        }
    }
    rows.retain(|r| !failed.contains(&r.row));
    problems
}

/// Names the rows of a reply loop (the first ten of a long one).
fn loop_message(parent: &str, path: &[usize], rows: &[Incoming]) -> String {
    let mut listed: Vec<String> = path
        .iter()
        .take(10)
        .map(|&i| rows[i].row.to_string())
        .collect();
    if path.len() > 10 {
        listed.push(format!("and {} more", path.len() - 10));
    }
    format!(
        "`{}` replies in a loop (rows {})",
        text::escape(parent),
        listed.join(", ")
    )
}

/// The touchpoints imported before from this rules file's `source`, of the customers whose
/// rows thread by a `thread` value or a `reply_to` key: read once for both.
fn imported_before(ctx: &Context, rows: &[Incoming]) -> Result<Vec<(String, Interaction)>> {
    let source = ctx.rules.file.source.clone().unwrap_or_default();
    let slugs: std::collections::BTreeSet<&String> = rows
        .iter()
        .filter(|r| r.thread_key.is_some() || r.reply_to.is_some())
        .map(|r| &r.slug)
        .collect();
    let mut out = Vec::new();
    for slug in slugs {
        for loaded in ctx
            .store
            .load_records::<Interaction>(slug, RecordKind::Interaction)?
        {
            if loaded
                .record
                .source
                .as_ref()
                .is_some_and(|s| s.system == source)
            {
                out.push((slug.clone(), loaded.record));
            }
        }
    }
    Ok(out)
}

/// Every touchpoint file of the store by short id, from directory listings alone.
fn existing_files(ctx: &Context, customers: &Customers) -> Result<HashMap<String, Vec<String>>> {
    let lists: Vec<Vec<(String, String)>> = customers
        .by_slug
        .par_iter()
        .map(|(slug, _)| -> Result<Vec<(String, String)>> {
            let dir = layout::record_dir(slug, RecordKind::Interaction);
            Ok(ctx
                .store
                .record_file_names(slug, RecordKind::Interaction)?
                .into_iter()
                .filter_map(|n| {
                    let short = layout::RecordFileName::parse(&n)?.short;
                    Some((short, format!("{dir}/{n}")))
                })
                .collect())
        })
        .collect::<Result<_>>()?;
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for (short, path) in lists.into_iter().flatten() {
        map.entry(short).or_default().push(path);
    }
    Ok(map)
}

fn plan_row(
    ctx: &Context,
    incoming: Incoming,
    existing: &HashMap<String, Vec<String>>,
) -> RowResult {
    let row = incoming.row;
    let fail = |e: crate::Error| vec![ctx.problem(row, None, e.to_string())];
    let new = &incoming.interaction;
    for path in existing.get(&new.id.short()).into_iter().flatten() {
        let text = ctx.store.read_text(path).map_err(fail)?;
        let current: Interaction =
            crate::store::yaml::parse(std::path::Path::new(path), &text).map_err(fail)?;
        let same = match (&new.source, &current.source) {
            (Some(a), Some(b)) => a.system == b.system && a.key == b.key,
            (None, _) => current.id == new.id,
            _ => false,
        };
        if !same {
            continue;
        }
        let folder = layout::record_dir(&incoming.slug, RecordKind::Interaction);
        if !path.starts_with(&format!("{folder}/")) {
            return Err(vec![ctx.problem(
                row,
                None,
                format!(
                    "this touchpoint was imported before under another customer ({path}); the row now names `{}`",
                    incoming.slug
                ),
            )]);
        }
        return update(ctx, &incoming, path, &text, &current);
    }
    let planned = planned_interaction(ctx.actor, &incoming.slug, incoming.interaction.clone())
        .map_err(fail)?;
    Ok((
        Outcome {
            row,
            action: Action::Created,
            path: Some(planned.path),
            id: Some(new.id),
            changed: Vec::new(),
            reason: None,
        },
        planned.change.files,
    ))
}

fn update(
    ctx: &Context,
    incoming: &Incoming,
    path: &str,
    text: &str,
    current: &Interaction,
) -> RowResult {
    let row = incoming.row;
    let mut interaction = incoming.interaction.clone();
    if interaction.source.is_some() && interaction.thread == interaction.id {
        interaction.thread = current.thread;
    }
    interaction.id = current.id;
    let new = serde_json::to_value(&interaction).unwrap_or_default();
    let old = serde_json::to_value(current).unwrap_or_default();
    let mut edits = Vec::new();
    let mut changed = Vec::new();
    for field in &incoming.mapped {
        let (a, b) = (&old[*field], &new[*field]);
        let same = match *field {
            "at" | "recorded_at" => {
                let t = |v: &serde_json::Value| {
                    v.as_str()
                        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                };
                t(a) == t(b)
            }
            "resolves" => a.as_bool().unwrap_or(false) == b.as_bool().unwrap_or(false),
            "tags" => {
                a.as_array().map(Vec::len).unwrap_or(0) == 0
                    && b.as_array().map(Vec::len).unwrap_or(0) == 0
                    || a == b
            }
            _ => a == b,
        };
        if same {
            continue;
        }
        changed.push(field.to_string());
        edits.push(
            if b.is_null() || (*field == "resolves" && b == &serde_json::json!(false)) {
                FieldEdit::remove(field)
            } else {
                FieldEdit {
                    key_path: vec![field.to_string()],
                    value: Some(b.clone()),
                }
            },
        );
    }
    let outcome = |action, changed| Outcome {
        row,
        action,
        path: Some(path.to_string()),
        id: Some(current.id),
        changed,
        reason: None,
    };
    if edits.is_empty() {
        return Ok((outcome(Action::Unchanged, Vec::new()), Vec::new()));
    }
    let (new_text, _): (String, Interaction) = edit_text(std::path::Path::new(path), text, &edits)
        .map_err(|e| vec![ctx.problem(row, None, e.to_string())])?;
    Ok((
        outcome(Action::Updated, changed),
        vec![FileOp::Update {
            path: path.to_string(),
            contents: new_text,
        }],
    ))
}
