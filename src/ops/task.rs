//! Follow-up tasks: add, and mark done.

use chrono::NaiveDate;

use crate::error::{Error, Input, Listing, Result};
use crate::model::ids::IdPrefix;
use crate::model::records::{RecordKind, Task};
use crate::model::recurrence::{self, Every};
use crate::model::{RecordId, time};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::load::RecordLocation;
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

/// Plans a new task on a customer (kept for callers that have no recurrence; see
/// [`add_task`]).
pub fn add(
    store: &Store,
    actor: &str,
    slug: &str,
    title: &str,
    assignee: Option<String>,
    due: Option<NaiveDate>,
) -> Result<Planned<Task>> {
    add_task(
        store,
        actor,
        NewTask {
            customer: slug.to_string(),
            title: title.to_string(),
            assignee,
            due,
            every: None,
        },
    )
}

/// What `task add` is given.
#[derive(Debug, Clone, Default)]
pub struct NewTask {
    /// The customer: a slug, or a contact's email or phone.
    pub customer: String,
    pub title: String,
    /// Default: the actor.
    pub assignee: Option<String>,
    pub due: Option<NaiveDate>,
    /// Makes the task the first occurrence of a series (`model::recurrence`); it then needs a
    /// due date (default: today).
    pub every: Option<Every>,
}

/// Plans a new task, or the first occurrence of a recurring one.
pub fn add_task(store: &Store, actor: &str, input: NewTask) -> Result<Planned<Task>> {
    let slug = &store.resolve_customer(&input.customer)?;
    let title = input.title.trim();
    if title.is_empty() {
        return Err(Error::usage("a task needs a title", None));
    }
    let assignee = input.assignee.unwrap_or_else(|| actor.to_string());
    store.require_person(&assignee)?;
    let created = time::now();
    let due = match (input.due, input.every) {
        (None, Some(_)) => Some(created.with_timezone(&store.zone()).date_naive()),
        (due, _) => due,
    };
    let mut task = Task {
        id: RecordId::new_at(created.to_utc()),
        created,
        by: actor.to_string(),
        assignee: Some(assignee),
        due,
        title: title.to_string(),
        done_at: None,
        extra: Default::default(),
    };
    if let Some(every) = input.every {
        task.extra.insert(
            recurrence::EVERY_KEY.into(),
            serde_json::json!(every.text()),
        );
    }
    planned_task(actor, slug, task)
}

/// Plans writing an already-built task.
pub fn planned_task(actor: &str, slug: &str, task: Task) -> Result<Planned<Task>> {
    let path = layout::record_file(slug, RecordKind::Task, &task.created, &task.id);
    let subject = format!(
        "task: add on {slug} for {} ({actor})",
        task.assignee.as_deref().unwrap_or("nobody")
    );
    let mut change = Change::new("task.add", subject, actor);
    change.ids.push(task.id);
    change.files.push(FileOp::Create {
        path: path.clone(),
        contents: yaml::to_yaml(&task)?,
    });
    Ok(Planned {
        change,
        record: task,
        path,
    })
}

/// Finds the task `id` names and reads it for an in-place edit.
fn located(store: &Store, id: &str) -> Result<(RecordLocation, String, Task)> {
    let prefix = IdPrefix::parse(id).map_err(|why| Error::malformed(why, Listing::Tasks))?;
    let location = store.find_one_record(&prefix, None, Some(RecordKind::Task))?;
    let text = store.read_text(&location.path)?;
    let current: Task = yaml::parse(std::path::Path::new(&location.path), &text)?;
    Ok((location, text, current))
}

fn updated(
    location: RecordLocation,
    text: &str,
    edits: &[FieldEdit],
    op: &str,
    subject: String,
    actor: &str,
) -> Result<Planned<Task>> {
    let (new_text, task): (String, Task) =
        edit_text(std::path::Path::new(&location.path), text, edits)?;
    let mut change = Change::new(op, subject, actor);
    change.ids.push(task.id);
    change.files.push(FileOp::Update {
        path: location.path.clone(),
        contents: new_text,
    });
    Ok(Planned {
        change,
        record: task,
        path: location.path,
    })
}

/// Plans marking the task with id prefix `id` done. When it is an occurrence of a recurring
/// series, the same commit adds the next occurrence (unless a clone already did; see
/// `model::recurrence`).
pub fn done(store: &Store, actor: &str, id: &str) -> Result<Planned<Task>> {
    let (location, text, current) = located(store, id)?;
    if let Some(at) = current.done_at {
        return Err(Error::invalid_hint(
            format!(
                "task {} was already done at {}",
                current.id.short(),
                time::rfc3339(&at)
            ),
            "`git crm task reopen <id>` opens it again",
        ));
    }
    let slug = location.slug.clone();
    let edits = [FieldEdit::set("done_at", time::rfc3339(&time::now()))];
    let mut planned = updated(
        location,
        &text,
        &edits,
        "task.done",
        format!("task: done on {slug} ({actor})"),
        actor,
    )?;
    if let Some(next) = next_of(store, &slug, &current)? {
        let path = layout::record_file(&slug, RecordKind::Task, &next.created, &next.id);
        if !store.path(&path).exists() {
            planned.change.subject = format!(
                "task: done on {slug}, next due {} ({actor})",
                next.due.map(|d| d.to_string()).unwrap_or_default()
            );
            planned.change.ids.push(next.id);
            planned.change.files.push(FileOp::Create {
                path,
                contents: yaml::to_yaml(&next)?,
            });
        }
    }
    Ok(planned)
}

/// The occurrence that follows `task`, when it belongs to a series that still recurs.
fn next_of(store: &Store, slug: &str, task: &Task) -> Result<Option<Task>> {
    let Some(series_id) = task.series() else {
        return Ok(None);
    };
    let series = if series_id == task.id {
        task.clone()
    } else {
        let prefix = IdPrefix::parse(&series_id.to_string()).map_err(Error::invalid)?;
        let found = store.find_records(&prefix, Some(slug), Some(RecordKind::Task))?;
        let Some(location) = found.first() else {
            return Ok(None);
        };
        let series: Task = store.read_record(&location.path)?;
        if series.id != series_id {
            return Ok(None);
        }
        series
    };
    Ok(recurrence::next_occurrence(&series, task))
}

/// What `task edit` changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct TaskEdit {
    pub title: Option<String>,
    /// `Some(None)` removes the due date.
    pub due: Option<Option<NaiveDate>>,
    /// Reassigns the task.
    pub assignee: Option<String>,
    /// `Some(None)` ends the recurrence of a series.
    pub every: Option<Option<Every>>,
}

/// Plans editing a task in place: title, due date, assignee (a reassignment), recurrence.
/// Tasks are work in progress, so these edits are not rewrites of history (review lists them
/// as task updates).
pub fn edit(store: &Store, actor: &str, id: &str, change: &TaskEdit) -> Result<Planned<Task>> {
    let (location, text, current) = located(store, id)?;
    let mut edits = Vec::new();
    let mut said = Vec::new();
    if let Some(title) = &change.title {
        let title = title.trim();
        if title.is_empty() {
            return Err(Error::usage("a task needs a title", None));
        }
        if title != current.title {
            edits.push(FieldEdit::set("title", title));
            said.push("title".to_string());
        }
    }
    if let Some(due) = change.due
        && due != current.due
    {
        edits.push(match due {
            Some(d) => FieldEdit::set("due", d.to_string()),
            None => FieldEdit::remove("due"),
        });
        said.push(match due {
            Some(d) => format!("due {d}"),
            None => "no due date".to_string(),
        });
    }
    if let Some(assignee) = &change.assignee {
        store.require_person(assignee)?;
        if current.assignee.as_deref() != Some(assignee) {
            edits.push(FieldEdit::set("assignee", assignee));
            said.push(format!("for {assignee}"));
        }
    }
    if let Some(every) = change.every {
        if current.extra.contains_key(recurrence::SERIES_KEY) {
            return Err(Error::invalid_hint(
                format!(
                    "task {} is an occurrence of a series: its recurrence is the series'",
                    current.id.short()
                ),
                "edit the first task of the series (its id is the task's `series`)",
            ));
        }
        if every.map(|e| e.text()) != current.every().map(|e| e.text()) {
            if every.is_some() && current.due.is_none() && change.due.flatten().is_none() {
                return Err(Error::missing(
                    Input::Due,
                    "a recurring task needs a due date as well",
                ));
            }
            edits.push(match every {
                Some(e) => FieldEdit::set(recurrence::EVERY_KEY, e.text()),
                None => FieldEdit::remove(recurrence::EVERY_KEY),
            });
            said.push(match every {
                Some(e) => format!("every {}", e.text()),
                None => "no longer recurring".to_string(),
            });
        }
    }
    if edits.is_empty() {
        return Err(Error::NothingToChange {
            message: format!("nothing to change on task {}", current.id.short()),
            inputs: vec![
                Input::Title,
                Input::Due,
                Input::NoDue,
                Input::Assignee,
                Input::Every,
            ],
        });
    }
    let slug = location.slug.clone();
    let reassigned = change
        .assignee
        .as_ref()
        .filter(|a| current.assignee.as_ref() != Some(a));
    let subject = match reassigned {
        Some(a) if said.len() == 1 => format!("task: reassign on {slug} to {a} ({actor})"),
        _ => format!("task: edit on {slug} ({}) ({actor})", said.join(", ")),
    };
    updated(location, &text, &edits, "task.edit", subject, actor)
}

/// Plans opening a done task again (`done_at` is removed).
pub fn reopen(store: &Store, actor: &str, id: &str) -> Result<Planned<Task>> {
    let (location, text, current) = located(store, id)?;
    if current.done_at.is_none() {
        return Err(Error::invalid(format!(
            "task {} is not done",
            current.id.short()
        )));
    }
    let slug = location.slug.clone();
    updated(
        location,
        &text,
        &[FieldEdit::remove("done_at")],
        "task.reopen",
        format!("task: reopen on {slug} ({actor})"),
        actor,
    )
}

/// Filters of `task list`.
#[derive(Debug, Clone, Default)]
pub struct TaskQuery {
    pub customer: Option<String>,
    pub assignee: Option<String>,
    /// Only tasks past their due date (and not done), as of `today`.
    pub overdue: bool,
    /// Include done tasks.
    pub all: bool,
    pub today: Option<NaiveDate>,
}

/// A task with the customer it belongs to.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TaskRow {
    pub customer: String,
    pub path: String,
    pub overdue: bool,
    /// How often it recurs (its series' interval for an occurrence); in JSON as the series'
    /// `every` and the occurrence's `series`.
    #[serde(skip)]
    pub every: Option<recurrence::Every>,
    #[serde(flatten)]
    pub task: Task,
}

/// Tasks matching `query`: open ones first by due date (no date last), then done ones.
pub fn list(store: &Store, query: &TaskQuery) -> Result<Vec<TaskRow>> {
    use rayon::prelude::*;
    let today = query.today.unwrap_or_else(|| time::now().date_naive());
    if let Some(assignee) = &query.assignee {
        store.require_person(assignee)?;
    }
    let slugs = match &query.customer {
        Some(name) => vec![store.resolve_customer(name)?],
        None => store.customer_slugs()?,
    };
    let mut rows: Vec<TaskRow> = slugs
        .par_iter()
        .map(|slug| {
            store
                .load_records::<Task>(slug, RecordKind::Task)
                .map(|l| (slug, l))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flat_map(|(slug, loaded)| {
            let tasks: Vec<&Task> = loaded.iter().map(|l| &l.record).collect();
            let every: Vec<_> = tasks
                .iter()
                .map(|t| recurrence::interval_of(t, &tasks))
                .collect();
            loaded
                .into_iter()
                .zip(every)
                .map(move |(l, every)| TaskRow {
                    customer: slug.clone(),
                    path: l.path,
                    overdue: l.record.is_overdue(today),
                    every,
                    task: l.record,
                })
        })
        .filter(|r| query.all || r.task.done_at.is_none())
        .filter(|r| !query.overdue || r.overdue)
        .filter(|r| query.assignee.is_none() || r.task.assignee == query.assignee)
        .collect();
    rows.sort_by_key(|r| {
        (
            r.task.done_at.is_some(),
            r.task.due.is_none(),
            r.task.due,
            r.task.created,
        )
    });
    Ok(rows)
}
