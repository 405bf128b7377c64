//! Operations on access: people's keys, team membership, sealing new content to a team, and
//! `team rekey`, which re-seals a team's content to its current members in one commit.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::access::audit::audit;
use crate::access::keys::{PublicKey, person_keys};
use crate::access::seal::{seal, seal_stream};
use crate::access::{Keyring, team_recipients};
use crate::error::{Error, Result};
use crate::model::config::{Config, Person};
use crate::model::records::{Customer, Extra, RecordKind};
use crate::model::restricted::{self, Sealed, State};
use crate::model::text;
use crate::store::change::StreamSource;
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{Change, FileOp, Store, layout};

use super::Planned;

fn person_edit(
    store: &Store,
    actor: &str,
    handle: &str,
    op: &str,
    subject: String,
    edit: impl FnOnce(&mut Person) -> Result<()>,
) -> Result<Planned<Person>> {
    store.require_person(handle)?;
    let mut person = store.config().person(handle).cloned().unwrap_or_default();
    let before = person.clone();
    edit(&mut person)?;
    let mut edits = Vec::new();
    if person.keys != before.keys {
        edits.push(list_edit(handle, "keys", &person.keys));
    }
    if person.teams != before.teams {
        edits.push(list_edit(handle, "teams", &person.teams));
    }
    let text = store.read_text(layout::CONFIG_FILE)?;
    let (new_text, _): (String, Config) =
        edit_text(std::path::Path::new(layout::CONFIG_FILE), &text, &edits)?;
    let mut change = Change::new(op, subject, actor);
    if new_text != text {
        change.files.push(FileOp::Update {
            path: layout::CONFIG_FILE.into(),
            contents: new_text,
        });
    }
    Ok(Planned {
        change,
        record: person,
        path: layout::CONFIG_FILE.into(),
    })
}

fn list_edit(handle: &str, key: &str, list: &[String]) -> FieldEdit {
    FieldEdit {
        key_path: vec!["people".into(), handle.into(), key.into()],
        value: (!list.is_empty()).then(|| serde_json::json!(list)),
    }
}

/// Plans registering a public key for `handle` (kept in the config, edited in place). A key
/// registered for anyone already is refused: a fingerprint names one person.
pub fn add_key(store: &Store, actor: &str, handle: &str, key: &str) -> Result<Planned<Person>> {
    let key = PublicKey::parse(key)?;
    let fp = key.fingerprint();
    for owner in store.config().people.keys() {
        if person_keys(store.config(), owner)
            .iter()
            .any(|k| k.fingerprint() == fp)
        {
            return Err(Error::invalid(format!(
                "key {fp} is already registered for `{owner}`"
            )));
        }
    }
    person_edit(
        store,
        actor,
        handle,
        "person.key.add",
        format!("person: add key {fp} for {handle}"),
        |p| {
            p.keys.push(key.text.clone());
            Ok(())
        },
    )
}

/// Plans removing a key of `handle`, named by its fingerprint (or a prefix of it, or the key
/// itself). Content already sealed to it stays readable with it until the team is rekeyed.
pub fn remove_key(
    store: &Store,
    actor: &str,
    handle: &str,
    which: &str,
) -> Result<Planned<Person>> {
    store.require_person(handle)?;
    let which = which.trim();
    let person = store.config().person(handle).cloned().unwrap_or_default();
    let matches: Vec<usize> = person
        .keys
        .iter()
        .enumerate()
        .filter(|(_, k)| {
            let fp = PublicKey::parse(k)
                .map(|k| k.fingerprint())
                .unwrap_or_else(|_| crate::access::keys::fingerprint_of(k));
            (!which.is_empty() && fp.starts_with(which)) || k.trim() == which
        })
        .map(|(i, _)| i)
        .collect();
    let index = match matches.as_slice() {
        [i] => *i,
        [] => {
            return Err(Error::not_found(
                format!("`{handle}` has no key `{}`", text::escape(which)),
                Some(format!(
                    "`git crm person key list {handle}` shows the fingerprints"
                )),
            ));
        }
        _ => {
            return Err(Error::invalid_hint(
                format!("`{}` matches several keys", text::escape(which)),
                "give more digits of the fingerprint",
            ));
        }
    };
    let fp = crate::access::keys::fingerprint_of(&person.keys[index]);
    person_edit(
        store,
        actor,
        handle,
        "person.key.remove",
        format!("person: remove key {fp} of {handle}"),
        |p| {
            p.keys.remove(index);
            Ok(())
        },
    )
}

/// Plans adding `handle` to `team`.
pub fn join_team(store: &Store, actor: &str, team: &str, handle: &str) -> Result<Planned<Person>> {
    store.require_team(team)?;
    person_edit(
        store,
        actor,
        handle,
        "team.join",
        format!("team: {handle} joins {team}"),
        |p| {
            if p.teams.iter().any(|t| t == team) {
                return Err(Error::invalid(format!("`{handle}` is already in {team}")));
            }
            p.teams.push(team.to_string());
            Ok(())
        },
    )
}

/// Plans removing `handle` from `team`. What was sealed to them stays readable by them until
/// `team rekey`, and whatever they already fetched stays theirs (docs/security.md).
pub fn leave_team(store: &Store, actor: &str, team: &str, handle: &str) -> Result<Planned<Person>> {
    person_edit(
        store,
        actor,
        handle,
        "team.leave",
        format!("team: {handle} leaves {team}"),
        |p| {
            if !p.teams.iter().any(|t| t == team) {
                return Err(Error::not_found(
                    format!("`{handle}` is not in {team}"),
                    None,
                ));
            }
            p.teams.retain(|t| t != team);
            Ok(())
        },
    )
}

/// Seals the sealed keys of a record of `kind` (its text) to `team`, in place: they leave the
/// record and go into `restricted:`. The author (`by`) is sealed to as well.
pub fn seal_record<T: Serialize + DeserializeOwned>(
    config: &Config,
    record: &mut T,
    kind: RecordKind,
    team: &str,
    author: &str,
) -> Result<()> {
    let recipients = team_recipients(config, team, author)?;
    let Value::Object(mut map) =
        serde_json::to_value(&*record).map_err(|e| Error::invalid(e.to_string()))?
    else {
        return Err(Error::invalid("a record is a mapping"));
    };
    let mut payload = Map::new();
    for key in restricted::sealed_keys(Some(kind)) {
        if let Some(v) = map.remove(*key) {
            payload.insert((*key).to_string(), v);
        }
    }
    let mut sealed = seal(team, &recipients, payload)?;
    sealed.by = Some(author.to_string());
    map.insert(restricted::KEY.into(), sealed.to_value());
    *record =
        serde_json::from_value(Value::Object(map)).map_err(|e| Error::invalid(e.to_string()))?;
    Ok(())
}

/// Plans setting restricted custom fields of a customer (`fields.price=1200`), sealed to `team`
/// and the acting person, under `restricted_fields.<name>`. A clear value of the same field is
/// removed (its old value stays in git history, as docs/security.md says).
pub fn set_restricted_fields(
    store: &Store,
    actor: &str,
    slug: &str,
    assignments: &[(String, String)],
    team: &str,
) -> Result<Planned<Customer>> {
    let current = store.load_customer(slug)?;
    if assignments.is_empty() {
        return Err(Error::usage("nothing to change", None));
    }
    let recipients = team_recipients(store.config(), team, actor)?;
    let mut edits = Vec::new();
    let mut names = Vec::new();
    for (key, value) in assignments {
        let name = match key.split_once('.') {
            Some(("fields", name)) if !name.is_empty() && !name.contains('.') => name,
            _ => {
                return Err(Error::invalid_hint(
                    format!("`{}` cannot be restricted", text::escape(key)),
                    "restricted values are custom fields: `fields.<name>=<value>`",
                ));
            }
        };
        let mut payload = Map::new();
        payload.insert("value".into(), super::scalar_value(value));
        let mut sealed = seal(team, &recipients, payload)?;
        sealed.by = Some(actor.to_string());
        edits.push(FieldEdit {
            key_path: vec![restricted::FIELDS_KEY.into(), name.into()],
            value: Some(sealed.to_value()),
        });
        if current.fields.contains_key(name) {
            edits.push(FieldEdit::remove(&format!("fields.{name}")));
            if current.fields.len() == 1 {
                edits.push(FieldEdit::remove("fields"));
            }
        }
        names.push(format!("fields.{name}"));
    }
    let subject = format!(
        "customer: edit {slug} ({} restricted to {team})",
        names.join(", ")
    );
    super::customer::rewrite(store, actor, slug, "customer.edit", subject, &edits)
}

/// How many values (records and fields) are restricted to `team`, from the parsed snapshot.
pub fn restricted_count(store: &Store, team: &str) -> Result<usize> {
    use crate::store::snapshot::{Content, Record, Snapshot};
    let snapshot = Snapshot::work_tree(store)?;
    let is_team = |extra: &Extra| restricted::team_of(extra).as_deref() == Some(team);
    let mut n = 0;
    for entry in &snapshot.entries {
        let Content::Record(record) = &entry.content else {
            continue;
        };
        n += match record.as_ref() {
            Record::Customer(c) => restricted::fields_of(&c.extra)
                .iter()
                .filter(|(_, s)| matches!(s, State::Sealed(v) if v.team == team))
                .count(),
            Record::Interaction(i) => usize::from(is_team(&i.extra)),
            Record::Note(x) => usize::from(is_team(&x.extra)),
            Record::Document(d) => usize::from(is_team(&d.extra)),
            Record::Handoff(_) | Record::Task(_) | Record::Correction(_) => 0,
        };
    }
    Ok(n)
}

/// What `team rekey` did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rekeyed {
    pub team: String,
    /// Store-relative paths of the records re-sealed.
    pub records: Vec<String>,
    /// Values (records and fields) re-sealed.
    pub values: usize,
    /// Document files re-sealed.
    pub files: usize,
    /// Values already sealed to exactly the right people.
    pub unchanged: usize,
}

/// One restricted value that needs re-sealing.
struct Pending {
    path: String,
    key_path: Vec<String>,
    sealed: Sealed,
    author: String,
    /// The stored file of a restricted document.
    file: Option<String>,
}

/// Plans re-sealing every value restricted to `team` whose recipients are not exactly its
/// current members (and author) to those people, in one change. Needs `keys` to open each of
/// them: if any cannot be opened the plan fails, listing them, and nothing is written.
pub fn rekey(
    store: &Store,
    actor: &str,
    team: &str,
    keys: &'static Keyring,
) -> Result<Planned<Rekeyed>> {
    store.require_team(team)?;
    if keys.is_empty() {
        return Err(Error::invalid_hint(
            "no local identity: rekeying needs a key that can read the team's content",
            "set GITCRM_IDENTITY, or put your identity in ~/.config/git-crm/identity.txt",
        ));
    }
    let config = store.config();
    let mut pending = Vec::new();
    let mut report = Rekeyed {
        team: team.to_string(),
        ..Default::default()
    };
    for slug in store.customer_slugs()? {
        if !store.has_customer(&slug) {
            continue;
        }
        let bundle = store.load_bundle_sealed(&slug)?;
        let mut consider = |path: &str,
                            key_path: Vec<String>,
                            state: Option<State>,
                            author: &str,
                            file: Option<String>| {
            let Some(State::Sealed(sealed)) = state else {
                return;
            };
            if sealed.team != team {
                return;
            }
            let author = sealed.by.clone().unwrap_or_else(|| author.to_string());
            if audit(config, &sealed, &author).is_clean() {
                report.unchanged += 1;
                return;
            }
            pending.push(Pending {
                path: path.to_string(),
                key_path,
                sealed,
                author,
                file,
            });
        };
        for (name, state) in restricted::fields_of(&bundle.customer.extra) {
            consider(
                &bundle.path,
                vec![restricted::FIELDS_KEY.into(), name],
                Some(state),
                "",
                None,
            );
        }
        let key = || vec![restricted::KEY.to_string()];
        let of = |extra: &Extra| restricted::of(extra);
        for l in &bundle.interactions {
            consider(&l.path, key(), of(&l.record.extra), &l.record.by, None);
        }
        for l in &bundle.notes {
            consider(&l.path, key(), of(&l.record.extra), &l.record.by, None);
        }
        for l in &bundle.documents {
            let file = format!(
                "{}/{}",
                layout::record_dir(&slug, RecordKind::Document),
                l.record.file
            );
            consider(
                &l.path,
                key(),
                of(&l.record.extra),
                &l.record.by,
                Some(file),
            );
        }
    }
    let unreadable: Vec<&str> = pending
        .iter()
        .filter(|p| keys.open(&p.sealed).is_none())
        .map(|p| p.path.as_str())
        .collect();
    if !unreadable.is_empty() {
        return Err(Error::invalid_hint(
            format!(
                "your identity cannot open {} value(s) restricted to {team}: {}",
                unreadable.len(),
                unreadable.join(", ")
            ),
            "ask a member who can read them to run `git crm team rekey`",
        ));
    }
    // Group the edits per file, so each record is rewritten once.
    let mut by_path: Vec<(String, Vec<FieldEdit>)> = Vec::new();
    let mut change = Change::new("team.rekey", String::new(), actor);
    for p in &pending {
        let payload = keys.open(&p.sealed).unwrap_or_default();
        let recipients = team_recipients(config, team, &p.author)?;
        let mut resealed = seal(team, &recipients, payload)?;
        resealed.by = p.sealed.by.clone();
        let edit = FieldEdit {
            key_path: p.key_path.clone(),
            value: Some(resealed.to_value()),
        };
        match by_path.iter_mut().find(|(path, _)| *path == p.path) {
            Some((_, edits)) => edits.push(edit),
            None => by_path.push((p.path.clone(), vec![edit])),
        }
        report.values += 1;
        if let Some(file) = &p.file {
            store.refuse_links(file)?;
            let root = store.root().to_path_buf();
            let source = file.clone();
            let write = move |out: &mut dyn std::io::Write| -> Result<()> {
                let input = crate::store::fs::open_read(&root, &source)?;
                let mut opened = keys
                    .open_reader(Box::new(input))?
                    .ok_or_else(|| Error::invalid(format!("cannot open {source}")))?;
                seal_stream(&recipients, &mut opened, out)?;
                Ok(())
            };
            change.files.push(FileOp::Stream {
                path: file.clone(),
                replace: true,
                source: StreamSource {
                    description: format!("re-sealed to {team}"),
                    write: Arc::new(write),
                },
            });
            report.files += 1;
        }
    }
    for (path, edits) in by_path {
        let text = store.read_text(&path)?;
        let (new_text, _): (String, Map<String, Value>) =
            edit_text(std::path::Path::new(&path), &text, &edits)?;
        change.files.push(FileOp::Update {
            path: path.clone(),
            contents: new_text,
        });
        report.records.push(path);
    }
    change.subject = format!(
        "team: rekey {team} ({} value{} re-sealed)",
        report.values,
        if report.values == 1 { "" } else { "s" }
    );
    Ok(Planned {
        change,
        record: report,
        path: layout::CONFIG_FILE.into(),
    })
}
