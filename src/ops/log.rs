//! Logging a touchpoint: one new file under the customer's `interactions/`, threaded.

use crate::error::{Error, Result};
use crate::model::ids::IdPrefix;
use crate::model::records::{Actor, Direction, Interaction, RecordKind};
use crate::model::{RecordId, Timestamp, text, time};
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

/// Clock skew tolerated before a touchpoint counts as dated in the future.
pub const FUTURE_TOLERANCE_MINUTES: i64 = 5;

/// What `log` is given.
#[derive(Debug, Clone)]
pub struct LogInput {
    pub customer: String,
    pub channel: String,
    pub direction: Direction,
    pub summary: String,
    pub body: Option<String>,
    pub at: Option<Timestamp>,
    pub by: Option<String>,
    /// A short id prefix of a touchpoint of this customer, or `last` for its latest open thread.
    pub reply_to: Option<String>,
    pub resolves: bool,
    pub tags: Vec<String>,
    pub automated: bool,
}

/// Plans a new touchpoint.
pub fn log(store: &Store, actor: &str, input: LogInput) -> Result<Planned<Interaction>> {
    let customer = store.load_customer(&input.customer)?;
    store.require_channel(&input.channel)?;
    if input.summary.trim().is_empty() {
        return Err(Error::usage(
            "a touchpoint needs a summary",
            Some("pass --summary \"...\"".into()),
        ));
    }
    let recorded_at = time::now();
    let at = input.at.unwrap_or(recorded_at);
    if at > recorded_at + chrono::Duration::minutes(FUTURE_TOLERANCE_MINUTES) {
        return Err(Error::invalid_hint(
            format!("--at {} is in the future", time::rfc3339(&at)),
            "log touchpoints that happened; plan future ones with `git crm task add`",
        ));
    }
    let by = match (input.direction, input.by) {
        (Direction::Inbound, Some(by)) => by,
        (Direction::Inbound, None) => customer
            .contacts
            .first()
            .map(|c| c.email.clone().unwrap_or_else(|| c.name.clone()))
            .unwrap_or_else(|| customer.name.clone()),
        (_, Some(by)) => {
            store.require_person(&by)?;
            by
        }
        (_, None) => actor.to_string(),
    };
    let id = RecordId::new_at(at.to_utc());
    let thread = match &input.reply_to {
        None => id,
        Some(target) => reply_thread(store, &input.customer, target)?,
    };
    let interaction = Interaction {
        id,
        at,
        recorded_at,
        channel: input.channel,
        direction: input.direction,
        by,
        actor: if input.automated {
            Actor::Automation
        } else {
            Actor::Human
        },
        thread,
        summary: input.summary.trim().to_string(),
        body: input.body.filter(|b| !b.trim().is_empty()),
        resolves: input.resolves,
        tags: input.tags,
        source: None,
        extra: Default::default(),
    };
    planned_interaction(actor, &customer.slug, interaction)
}

/// Plans a touchpoint whose summary and body are sealed to `team` (its current members and the
/// author); channel, direction, times, thread and `resolves` stay in clear for the metrics.
pub fn log_restricted(
    store: &Store,
    actor: &str,
    input: LogInput,
    team: &str,
) -> Result<Planned<Interaction>> {
    store.require_team(team)?;
    let slug = input.customer.clone();
    let mut record = log(store, actor, input)?.record;
    // The gate sees only the sealed record: the text is checked here, before it is sealed.
    if let Some(problem) = crate::model::validate::interaction(&record).first() {
        return Err(Error::invalid(problem.clone()));
    }
    super::access::seal_record(
        store.config(),
        &mut record,
        RecordKind::Interaction,
        team,
        actor,
    )?;
    planned_interaction(actor, &slug, record)
}

/// Plans writing an already-built touchpoint (used by `log`, imports and the demo).
pub fn planned_interaction(
    actor: &str,
    slug: &str,
    interaction: Interaction,
) -> Result<Planned<Interaction>> {
    let path = layout::record_file(
        slug,
        RecordKind::Interaction,
        &interaction.at,
        &interaction.id,
    );
    let arrow = match interaction.direction {
        Direction::Inbound => "inbound",
        Direction::Outbound => "outbound",
        Direction::Internal => "internal",
    };
    let subject = format!("log: {arrow} {} with {slug} ({actor})", interaction.channel);
    let mut change = Change::new("interaction.add", subject, actor);
    change.ids.push(interaction.id);
    change.files.push(FileOp::Create {
        path: path.clone(),
        contents: yaml::to_yaml(&interaction)?,
    });
    Ok(Planned {
        change,
        record: interaction,
        path,
    })
}

fn reply_thread(store: &Store, slug: &str, target: &str) -> Result<RecordId> {
    if target == "last" {
        let interactions = store.load_records::<Interaction>(slug, RecordKind::Interaction)?;
        let states = crate::model::threads::thread_states(interactions.iter().map(|l| &l.record));
        return states
            .iter()
            .filter(|s| s.is_open())
            .max_by_key(|s| s.last_at)
            .map(|s| s.thread)
            .ok_or_else(|| {
                Error::not_found(format!("{slug} has no open thread to reply to"), None)
            });
    }
    let prefix = IdPrefix::parse(target).map_err(|why| {
        Error::invalid_hint(
            why,
            "--reply-to takes the id shown by `git crm timeline`, or `last`",
        )
    })?;
    let location = store
        .find_one_record(&prefix, Some(slug), Some(RecordKind::Interaction))
        .map_err(|e| match e {
            Error::NotFound { .. } => Error::not_found(
                format!("no touchpoint of {slug} with id `{}`", text::escape(target)),
                Some(format!("`git crm timeline {slug}` shows the ids")),
            ),
            other => other,
        })?;
    let replied: Interaction = store.read_record(&location.path)?;
    Ok(replied.thread)
}
