//! Follow-up tasks: add, and mark done.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::ids::IdPrefix;
use crate::model::records::{RecordKind, Task};
use crate::model::{RecordId, time};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

/// Plans a new task on a customer.
pub fn add(
    store: &Store,
    actor: &str,
    slug: &str,
    title: &str,
    assignee: Option<String>,
    due: Option<NaiveDate>,
) -> Result<Planned<Task>> {
    store.load_customer(slug)?;
    if title.trim().is_empty() {
        return Err(Error::usage("a task needs a title", None));
    }
    let assignee = assignee.unwrap_or_else(|| actor.to_string());
    store.require_person(&assignee)?;
    let created = time::now();
    let task = Task {
        id: RecordId::new_at(created.to_utc()),
        created,
        by: actor.to_string(),
        assignee: Some(assignee),
        due,
        title: title.trim().to_string(),
        done_at: None,
        extra: Default::default(),
    };
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

/// Plans marking the task with id prefix `id` done.
pub fn done(store: &Store, actor: &str, id: &str) -> Result<Planned<Task>> {
    let prefix = IdPrefix::parse(id)
        .map_err(|why| Error::invalid_hint(why, "`git crm task list` shows task ids"))?;
    let location = store.find_one_record(&prefix, None, Some(RecordKind::Task))?;
    let text = store.read_text(&location.path)?;
    let current: Task = yaml::parse(std::path::Path::new(&location.path), &text)?;
    if let Some(at) = current.done_at {
        return Err(Error::invalid(format!(
            "task {} was already done at {}",
            current.id.short(),
            time::rfc3339(&at)
        )));
    }
    let edits = [FieldEdit::set("done_at", time::rfc3339(&time::now()))];
    let (new_text, task): (String, Task) =
        edit_text(std::path::Path::new(&location.path), &text, &edits)?;
    let mut change = Change::new(
        "task.done",
        format!("task: done on {} ({actor})", location.slug),
        actor,
    );
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
    #[serde(flatten)]
    pub task: Task,
}

/// Tasks matching `query`: open ones first by due date (no date last), then done ones.
pub fn list(store: &Store, query: &TaskQuery) -> Result<Vec<TaskRow>> {
    use rayon::prelude::*;
    let today = query.today.unwrap_or_else(|| time::now().date_naive());
    let slugs = match &query.customer {
        Some(slug) => {
            store.require_customer(slug)?;
            vec![slug.clone()]
        }
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
            loaded.into_iter().map(move |l| TaskRow {
                customer: slug.clone(),
                path: l.path,
                overdue: l.record.is_overdue(today),
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
