//! People and teams in `.gitcrm/config.yaml`, edited in place so comments survive.

use crate::error::{Error, Input, Result};
use crate::model::config::{Config, Person, Team};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, FileOp, Store, layout};

use super::validate_handle;

/// A new person.
#[derive(Debug, Clone, Default)]
pub struct PersonInput {
    pub handle: String,
    pub name: String,
    pub emails: Vec<String>,
    pub teams: Vec<String>,
    pub role: Option<String>,
}

/// Plans adding a person to the config.
pub fn add_person(
    store: &Store,
    actor: &str,
    input: PersonInput,
) -> Result<super::Planned<Person>> {
    validate_handle(&input.handle)?;
    if store.config().people.contains_key(&input.handle) {
        return Err(Error::invalid(format!(
            "person `{}` already exists",
            input.handle
        )));
    }
    if input.name.trim().is_empty() {
        return Err(Error::missing(Input::Name, "a person needs a name"));
    }
    for team in &input.teams {
        store.require_team(team)?;
    }
    crate::model::names::validate_person_name(input.name.trim()).map_err(Error::invalid)?;
    for email in &input.emails {
        crate::model::names::validate_email(email).map_err(Error::invalid)?;
        if let Some(owner) = store.config().handle_for_email(email) {
            return Err(Error::invalid(format!(
                "email {email} already belongs to `{owner}`"
            )));
        }
    }
    let person = Person {
        name: input.name.trim().to_string(),
        emails: input.emails,
        teams: input.teams,
        role: input.role,
        away: None,
        keys: Vec::new(),
        extra: Default::default(),
    };
    let edit = map_entry_edit(
        "people",
        store.config().people.is_empty(),
        &input.handle,
        &person,
    )?;
    let change = config_change(
        store,
        actor,
        "person.add",
        format!("person: add {} ({})", input.handle, person.name),
        &[edit],
    )?;
    Ok(super::Planned {
        change,
        record: person,
        path: layout::CONFIG_FILE.into(),
    })
}

/// Plans marking a person away from `from` (default: now) until `until` (both days included),
/// or back (`until: None`): an in-place edit of `people.<handle>.away` in the config.
pub fn set_away(
    store: &Store,
    actor: &str,
    handle: &str,
    from: Option<chrono::NaiveDate>,
    until: Option<chrono::NaiveDate>,
) -> Result<super::Planned<Person>> {
    store.require_person(handle)?;
    let mut person = store.config().people[handle].clone();
    let (edit, subject) = match until {
        Some(until) => {
            if from.is_some_and(|f| f > until) {
                return Err(Error::misused_input(
                    Input::From,
                    format!(
                        "{} is after the end of the absence, {until}",
                        from.unwrap_or(until)
                    ),
                    None,
                ));
            }
            let away = crate::model::config::Away { from, until };
            person.away = Some(away.clone());
            (
                FieldEdit {
                    key_path: vec!["people".into(), handle.into(), "away".into()],
                    value: Some(
                        serde_json::to_value(&away).map_err(|e| Error::invalid(e.to_string()))?,
                    ),
                },
                format!("person: {handle} away until {until}"),
            )
        }
        None => {
            if person.away.is_none() {
                return Err(Error::invalid(format!("{handle} is not marked away")));
            }
            person.away = None;
            (
                FieldEdit {
                    key_path: vec!["people".into(), handle.into(), "away".into()],
                    value: None,
                },
                format!("person: {handle} is back"),
            )
        }
    };
    let change = config_change(store, actor, "person.away", subject, &[edit])?;
    Ok(super::Planned {
        change,
        record: person,
        path: layout::CONFIG_FILE.into(),
    })
}

/// Plans adding a team (optionally with a calendar name) to the config.
pub fn add_team(
    store: &Store,
    actor: &str,
    name: &str,
    calendar: Option<String>,
    description: Option<String>,
) -> Result<super::Planned<Team>> {
    add_team_with_emails(store, actor, name, calendar, description, Vec::new())
}

/// Plans a new team with shared mail addresses (`support@agency.example`): ingested mail from
/// or to them is the team's.
pub fn add_team_with_emails(
    store: &Store,
    actor: &str,
    name: &str,
    calendar: Option<String>,
    description: Option<String>,
    emails: Vec<String>,
) -> Result<super::Planned<Team>> {
    let mut checked = Vec::new();
    for email in &emails {
        match crate::model::address::normalize(email) {
            Some(a) if !checked.contains(&a) => checked.push(a),
            Some(_) => {}
            None => {
                return Err(Error::invalid(format!(
                    "`{}` is not a mail address",
                    crate::model::text::escape(email)
                )));
            }
        }
    }
    validate_handle(name).map_err(|_| {
        Error::invalid(format!(
            "`{}` is not a team name: use lowercase letters, digits and `-`",
            crate::model::text::escape(name)
        ))
    })?;
    if store.config().teams.contains_key(name) {
        return Err(Error::invalid(format!("team `{name}` already exists")));
    }
    if let Some(cal) = &calendar
        && !store.config().calendars.contains_key(cal)
    {
        return Err(Error::not_found(
            format!("no calendar `{cal}` in {}", layout::CONFIG_FILE),
            Some("define it under `calendars:` first (see docs/format.md)".into()),
        ));
    }
    let team = Team {
        calendar,
        description,
        emails: checked,
        lead: None,
        extra: Default::default(),
    };
    let edit = map_entry_edit("teams", store.config().teams.is_empty(), name, &team)?;
    let change = config_change(
        store,
        actor,
        "team.add",
        format!("team: add {name}"),
        &[edit],
    )?;
    Ok(super::Planned {
        change,
        record: team,
        path: layout::CONFIG_FILE.into(),
    })
}

fn config_change(
    store: &Store,
    actor: &str,
    op: &str,
    subject: String,
    edits: &[FieldEdit],
) -> Result<Change> {
    let text = store.read_text(layout::CONFIG_FILE)?;
    let (new_text, _): (String, Config) =
        edit_text(std::path::Path::new(layout::CONFIG_FILE), &text, edits)?;
    let mut change = Change::new(op, subject, actor);
    change.files.push(FileOp::Update {
        path: layout::CONFIG_FILE.into(),
        contents: new_text,
    });
    Ok(change)
}

/// The edit that adds `key: value` under the map `section`. An empty section (`teams: {}` as
/// `init` writes it) is replaced whole, so the entry is written in block style below it.
fn map_entry_edit(
    section: &str,
    section_is_empty: bool,
    key: &str,
    value: &impl serde::Serialize,
) -> Result<FieldEdit> {
    let value = serde_json::to_value(value).map_err(|e| Error::invalid(e.to_string()))?;
    Ok(if section_is_empty {
        FieldEdit {
            key_path: vec![section.into()],
            value: Some(serde_json::json!({ key: value })),
        }
    } else {
        FieldEdit {
            key_path: vec![section.into(), key.into()],
            value: Some(value),
        }
    })
}
