//! Internal notes with @mentions resolved against the people of the store.

use crate::error::{Error, Result};
use crate::model::records::{Note, RecordKind};
use crate::model::{RecordId, suggest, text, time};
use crate::store::{Change, FileOp, Store, layout, yaml};

use super::Planned;

/// The handles mentioned in `body` (`@alice`), in order, without duplicates. An `@` inside a
/// word (an email address) is not a mention.
pub fn mentions(body: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let chars: Vec<char> = body.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '@'
            || (i > 0
                && (chars[i - 1].is_alphanumeric()
                    || matches!(chars[i - 1], '.' | '_' | '-' | '@')))
        {
            continue;
        }
        let handle: String = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            .collect();
        let handle = handle.trim_end_matches(['.', '-', '_']).to_lowercase();
        if !handle.is_empty() && !found.contains(&handle) {
            found.push(handle);
        }
    }
    found
}

/// The mentions of `body`, each checked to name a person of `config`; an unknown one is an
/// error with a suggestion.
pub fn checked_mentions(config: &crate::model::Config, body: &str) -> Result<Vec<String>> {
    let mentioned = mentions(body);
    for handle in &mentioned {
        if config.person(handle).is_none() {
            let hint = suggest::did_you_mean(handle, config.people.keys().map(String::as_str))
                .map(|s| format!("{s} (write @@ for a literal @)"));
            return Err(Error::not_found(
                format!("@{} is not a person of this store", text::escape(handle)),
                hint,
            ));
        }
    }
    Ok(mentioned)
}

/// Plans a note. Every mention must name a person; an unknown one is an error with a
/// suggestion.
pub fn note(
    store: &Store,
    actor: &str,
    slug: &str,
    body: &str,
    tags: Vec<String>,
    at: Option<time::Timestamp>,
) -> Result<Planned<Note>> {
    let slug = &store.resolve_customer(slug)?;
    if body.trim().is_empty() {
        return Err(Error::usage("a note needs text", None));
    }
    let mentioned = checked_mentions(store.config(), body)?;
    let at = at.unwrap_or_else(time::now);
    let mut note = Note {
        id: RecordId::new_at(at.to_utc()),
        at,
        by: actor.to_string(),
        body: body.trim_end().to_string(),
        tags,
        extra: Default::default(),
    };
    if !mentioned.is_empty() {
        note.extra
            .insert("mentions".into(), serde_json::json!(mentioned));
    }
    planned_note(actor, slug, note)
}

/// Plans a note whose body is sealed to `team` (its current members and the author); the
/// mentions stay in clear so the people named still see it in their inbox.
pub fn note_restricted(
    store: &Store,
    actor: &str,
    slug: &str,
    body: &str,
    tags: Vec<String>,
    at: Option<time::Timestamp>,
    team: &str,
) -> Result<Planned<Note>> {
    store.require_team(team)?;
    let mut record = note(store, actor, slug, body, tags, at)?.record;
    // The gate sees only the sealed record: the text is checked here, before it is sealed.
    if let Some(problem) = crate::model::validate::note(&record).first() {
        return Err(Error::invalid(problem.clone()));
    }
    super::access::seal_record(store.config(), &mut record, RecordKind::Note, team, actor)?;
    planned_note(actor, slug, record)
}

/// Plans writing an already-built note.
pub fn planned_note(actor: &str, slug: &str, note: Note) -> Result<Planned<Note>> {
    let path = layout::record_file(slug, RecordKind::Note, &note.at, &note.id);
    let mut change = Change::new("note.add", format!("note: on {slug} ({actor})"), actor);
    change.ids.push(note.id);
    change.files.push(FileOp::Create {
        path: path.clone(),
        contents: yaml::to_yaml(&note)?,
    });
    Ok(Planned {
        change,
        record: note,
        path,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_mentions_not_emails() {
        assert_eq!(
            super::mentions("ping @alice and @Bob. mail x@y.com @alice"),
            vec!["alice", "bob"]
        );
        assert!(super::mentions("@@ nothing @@alice").is_empty());
    }
}
