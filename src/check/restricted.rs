//! `check restricted`: restricted content that its team's current members cannot read (someone
//! joined or added a key since it was sealed), content still sealed to people who left, members
//! without a key, and restricted values in a shape that could leak (opened text written back,
//! clear text beside the sealed one, a damaged `restricted` value). None of it needs a key: the
//! recipients are stored as fingerprints.

use std::collections::BTreeMap;

use super::{Ctx, Problem};
use crate::access::audit::{audit, keyless_members};
use crate::model::records::{Extra, RecordKind};
use crate::model::restricted::{self, State};
use crate::store::layout;
use crate::store::snapshot::{Content, Record};

const CHECK: &str = "restricted";

/// The restricted values of one folder's records; the teams holding them are kept for
/// [`run_global`].
pub(super) fn run_folder(ctx: &mut Ctx) {
    let snapshot = ctx.snapshot;
    // Teams that hold restricted content, for the keyless-member warning.
    let mut teams: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &snapshot.entries {
        let Content::Record(record) = &entry.content else {
            continue;
        };
        let path = entry.path.as_str();
        match record.as_ref() {
            Record::Customer(c) => {
                if c.extra.contains_key(restricted::FIELDS_KEY)
                    && !c.extra[restricted::FIELDS_KEY].is_object()
                {
                    ctx.report(
                        Problem::error(CHECK, "`restricted_fields` is not a mapping"),
                        path,
                        &[restricted::FIELDS_KEY],
                    );
                }
                for (name, state) in restricted::fields_of(&c.extra) {
                    let key = [restricted::FIELDS_KEY, name.as_str()];
                    if c.fields.contains_key(&name) {
                        ctx.report(
                            Problem::error(
                                CHECK,
                                format!("fields.{name} is restricted but also written in clear"),
                            )
                            .hint(format!(
                                "remove `fields.{name}` (`git crm customer edit --unset fields.{name}`)"
                            )),
                            path,
                            &["fields", &name],
                        );
                    }
                    value(
                        ctx,
                        path,
                        &key,
                        state,
                        "",
                        &format!("fields.{name}"),
                        &mut teams,
                    );
                }
            }
            Record::Interaction(i) => {
                let clear = !i.summary.is_empty() || i.body.is_some();
                record_value(
                    ctx,
                    path,
                    &i.extra,
                    &i.by,
                    RecordKind::Interaction,
                    clear,
                    &mut teams,
                );
            }
            Record::Note(n) => {
                let clear = !n.body.is_empty();
                record_value(
                    ctx,
                    path,
                    &n.extra,
                    &n.by,
                    RecordKind::Note,
                    clear,
                    &mut teams,
                );
            }
            Record::Document(d) => {
                let clear = !d.title.is_empty() || !d.name.is_empty() || !d.sha256.is_empty();
                record_value(
                    ctx,
                    path,
                    &d.extra,
                    &d.by,
                    RecordKind::Document,
                    clear,
                    &mut teams,
                );
            }
            Record::Handoff(_) | Record::Task(_) | Record::Correction(_) => {}
        }
    }
    ctx.summary.restricted_teams = teams;
}

/// Members without a key of the teams that hold restricted values.
pub(super) fn run_global(ctx: &mut Ctx, summaries: &[super::pipeline::Summary]) {
    let mut teams: BTreeMap<String, usize> = BTreeMap::new();
    for s in summaries {
        for (team, n) in &s.restricted_teams {
            *teams.entry(team.clone()).or_default() += n;
        }
    }
    let config = ctx.config.clone();
    for (team, count) in teams {
        if !config.teams.contains_key(&team) {
            continue;
        }
        for member in keyless_members(&config, &team) {
            ctx.push(
                Problem::warning(
                    CHECK,
                    format!(
                        "{member} is in {team} but has no key: {count} restricted value(s) of {team} cannot be sealed to them"
                    ),
                )
                .hint(format!(
                    "{member} registers one with `git crm person key add {member} <age1…|ssh-ed25519 …>`, then a member runs `git crm team rekey {team}`"
                )),
                layout::CONFIG_FILE,
                None,
                None,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn record_value(
    ctx: &mut Ctx,
    path: &str,
    extra: &Extra,
    author: &str,
    kind: RecordKind,
    clear: bool,
    teams: &mut BTreeMap<String, usize>,
) {
    let Some(state) = restricted::of(extra) else {
        return;
    };
    if clear {
        ctx.report(
            Problem::error(
                CHECK,
                format!(
                    "a restricted {} also has text in clear ({})",
                    kind.word(),
                    restricted::sealed_keys(Some(kind)).join(", ")
                ),
            )
            .hint("remove the clear keys: the sealed value holds the content"),
            path,
            &[restricted::KEY],
        );
    }
    value(
        ctx,
        path,
        &[restricted::KEY],
        state,
        author,
        kind.word(),
        teams,
    );
}

fn value(
    ctx: &mut Ctx,
    path: &str,
    key: &[&str],
    state: State,
    author: &str,
    what: &str,
    teams: &mut BTreeMap<String, usize>,
) {
    let sealed = match state {
        State::Sealed(s) => s,
        State::Shown(_) => {
            ctx.report(
                Problem::error(
                    CHECK,
                    format!("the restricted {what} was written in its opened form"),
                )
                .hint("restore the file from git history: its content may be in clear"),
                path,
                key,
            );
            return;
        }
        State::Invalid(why) => {
            ctx.report(
                Problem::error(CHECK, format!("the restricted {what} is damaged: {why}"))
                    .hint("docs/format.md shows the shape of `restricted`"),
                path,
                key,
            );
            return;
        }
    };
    *teams.entry(sealed.team.clone()).or_default() += 1;
    if !ctx.config.teams.contains_key(&sealed.team) {
        ctx.report(
            Problem::warning(
                CHECK,
                format!(
                    "the {what} is restricted to `{}`, which is not a team",
                    sealed.team
                ),
            )
            .hint("add the team back, or ask someone who can read it to move it"),
            path,
            key,
        );
        return;
    }
    let author = sealed.by.clone().unwrap_or_else(|| author.to_string());
    let found = audit(&ctx.config, &sealed, &author);
    let team = &sealed.team;
    if !found.unreadable_by.is_empty() {
        ctx.report(
            Problem::warning(
                CHECK,
                format!(
                    "the {what} restricted to {team} is not readable by {} (in {team} now)",
                    found.unreadable_by.join(", ")
                ),
            )
            .hint(format!(
                "a member who can read it runs `git crm team rekey {team}`"
            )),
            path,
            key,
        );
    }
    if !found.still_readable_by.is_empty() {
        ctx.report(
            Problem::warning(
                CHECK,
                format!(
                    "the {what} restricted to {team} is still readable by {} (no longer in {team})",
                    found.still_readable_by.join(", ")
                ),
            )
            .hint(format!(
                "`git crm team rekey {team}` re-seals it to the current members; what they already fetched stays readable to them (docs/security.md)"
            )),
            path,
            key,
        );
    }
}
