//! Logging a touchpoint: one new file under the customer's `interactions/`, threaded.

use crate::error::{Error, Input, Listing, Result};
use crate::model::ids::IdPrefix;
use crate::model::records::Customer;
use crate::model::records::{Actor, Direction, Interaction, RecordKind};
use crate::model::{RecordId, Timestamp, contact, text, time};
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

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
pub fn log(store: &Store, actor: &str, mut input: LogInput) -> Result<Planned<Interaction>> {
    input.customer = store.resolve_customer(&input.customer)?;
    let customer = store.load_customer(&input.customer)?;
    store.require_channel(&input.channel)?;
    if input.summary.trim().is_empty() {
        return Err(Error::missing(
            Input::Summary,
            "a touchpoint needs a summary",
        ));
    }
    let recorded_at = time::now();
    let at = input.at.unwrap_or(recorded_at);
    if time::is_future(at, recorded_at) {
        return Err(Error::bad_input(
            Input::At,
            format!("{} is in the future", time::rfc3339(&at)),
            Some("log touchpoints that happened; plan future ones with `git crm task add`".into()),
        ));
    }
    let by = match (input.direction, input.by) {
        (Direction::Inbound, by) => inbound_author(store, &customer, &input.customer, by)?,
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
    planned_interaction(actor, &input.customer, interaction)
}

/// Who may have written an inbound touchpoint of `customer`: each contact, as it is recorded
/// (its email, else its name), in the customer's order, or the customer's name when it has no
/// contact. `log` asks among them on a terminal.
pub fn inbound_candidates(customer: &Customer) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for author in customer.contacts.iter().map(contact::author_of) {
        if !out.contains(&author) {
            out.push(author);
        }
    }
    if out.is_empty() {
        out.push(customer.name.clone());
    }
    out
}

/// The author of an inbound touchpoint: `by` as given (a contact named by name or email is
/// written as that contact), else the customer's only candidate. Several candidates and no
/// `by` is an error listing them, never a guess; a person of the store is refused, since an
/// inbound touchpoint comes from the customer.
pub fn inbound_author(
    store: &Store,
    customer: &Customer,
    slug: &str,
    by: Option<String>,
) -> Result<String> {
    let Some(by) = by.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()) else {
        let mut candidates = inbound_candidates(customer);
        if candidates.len() == 1 {
            return Ok(candidates.remove(0));
        }
        return Err(Error::MissingInput {
            input: Input::By,
            message: format!(
                "{slug} has {} contacts: say which one wrote",
                candidates.len()
            ),
            why: None,
            choices: candidates,
        });
    };
    if let Some(handle) = store.config().person_named(&by) {
        return Err(Error::misused_input(
            Input::By,
            format!(
                "`{}` is {handle}, a person of this store: an inbound touchpoint comes from the customer",
                text::escape(&by)
            ),
            Some(format!(
                "what {handle} sent is an outbound touchpoint; an inbound one names the customer's contact"
            )),
        ));
    }
    let named = customer
        .contacts
        .iter()
        .find(|c| contact::contact_matches(c, &by) || c.name.trim().eq_ignore_ascii_case(&by));
    // One word that is a word of exactly one contact's name (`--by hank`) names that contact.
    let by_word = || {
        let mut found = customer.contacts.iter().filter(|c| {
            !by.contains(char::is_whitespace)
                && c.name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(&by))
        });
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    Ok(named.or_else(by_word).map(contact::author_of).unwrap_or(by))
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
    // The corrected view: a voided touchpoint is no thread to reply to.
    let bundle = store.load_bundle(slug)?;
    if target == "last" {
        let states =
            crate::model::threads::thread_states(bundle.interactions.iter().map(|l| &l.record));
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
        Error::bad_input(
            Input::ReplyTo,
            why,
            Some("it takes the id of a touchpoint on the customer's timeline, or `last`".into()),
        )
    })?;
    let location = store
        .find_one_record(&prefix, Some(slug), Some(RecordKind::Interaction))
        .map_err(|e| match e {
            Error::NotFound { .. } => Error::not_listed(
                format!("no touchpoint of {slug} with id `{}`", text::escape(target)),
                Listing::Timeline {
                    customer: Some(slug.to_string()),
                },
            ),
            other => other,
        })?;
    match bundle.interactions.iter().find(|l| l.path == location.path) {
        Some(replied) => Ok(replied.record.thread),
        None => Err(Error::invalid(format!(
            "touchpoint {} was voided: reply to another one",
            text::escape(target)
        ))),
    }
}
