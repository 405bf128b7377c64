//! The pure part of a review: from the files that differ between two snapshots (with their old
//! and new content) and who touched what, a per-customer summary in the store's own terms.
//! No git here, so it is tested on plain data.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use crate::history::fields::{self, FieldDiff};
use crate::history::{late_edit, parse_map, record_text};
use crate::model::records::{Handoff, Party, RecordKind};
use crate::model::restricted;
use crate::store::{layout, yaml};

/// One file that differs, store-relative, with both versions (`None` where it does not exist).
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedFile {
    pub path: String,
    pub old: Option<Vec<u8>>,
    pub new: Option<Vec<u8>>,
}

/// Who changed what in the range: people per path, and per customer field.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// Store-relative path -> the people whose commits changed it, in order.
    pub paths: HashMap<String, Vec<String>>,
    /// (customer slug, dotted field) -> the people whose commits changed that field.
    pub fields: HashMap<(String, String), Vec<String>>,
}

impl Attribution {
    /// Records that `who` changed `path`.
    pub fn touch(&mut self, path: &str, who: &str) {
        push_unique(self.paths.entry(path.to_string()).or_default(), who);
    }

    /// Records that `who` changed `field` of customer `slug`.
    pub fn touch_field(&mut self, slug: &str, field: &str, who: &str) {
        push_unique(
            self.fields
                .entry((slug.to_string(), field.to_string()))
                .or_default(),
            who,
        );
    }

    fn of_path(&self, path: &str) -> Vec<String> {
        self.paths.get(path).cloned().unwrap_or_default()
    }
}

fn push_unique(list: &mut Vec<String>, who: &str) {
    if !list.iter().any(|w| w == who) {
        list.push(who.to_string());
    }
}

/// How the customer record itself changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lifecycle {
    Added,
    Modified,
    Removed,
    /// Only its records changed.
    Unchanged,
}

/// A field of the customer that changed, and who changed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    #[serde(flatten)]
    pub diff: FieldDiff,
    pub by: Vec<String>,
}

/// A reassignment: a handoff record added in the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reassignment {
    pub id: String,
    pub from: Party,
    pub to: Party,
    pub by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A record added, or completed (handoff accepted, task done), in the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordEvent {
    pub record: RecordKind,
    pub id: String,
    pub path: String,
    pub text: String,
    pub by: Vec<String>,
    /// For a record changed in place as the tool may (`accepted handoff`, `updated task`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<&'static str>,
}

/// A record edited or deleted after it was written: history should be append-only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rewrite {
    pub record: RecordKind,
    pub id: String,
    pub path: String,
    /// `edited` or `deleted`.
    pub action: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldDiff>,
    pub by: Vec<String>,
}

/// A record file moved from one customer's folder to another's, unchanged, by a correction
/// (`amend --customer`): not a deletion and an addition, and not a rewrite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MovedRecord {
    pub record: RecordKind,
    pub id: String,
    /// The other customer: where it came from (in `moved_in`) or went to (in `moved_out`).
    pub customer: String,
    /// Short id of the correction that moved it.
    pub correction: String,
    pub by: Vec<String>,
}

/// Everything the range did to one customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerReview {
    pub slug: String,
    pub name: String,
    /// The owner in head (or, for a removed customer, in base).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub change: Lifecycle,
    /// Who changed the customer record itself in the range.
    pub by: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Whether `customer.yaml` does not read in head (the problems say why).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unreadable: bool,
    /// `true` when archived in the range, `false` when un-archived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    pub fields: Vec<FieldChange>,
    pub reassignments: Vec<Reassignment>,
    /// Records added, by kind word (`touchpoint`), counted.
    pub counts: BTreeMap<String, usize>,
    pub added: Vec<RecordEvent>,
    pub completed: Vec<RecordEvent>,
    pub rewrites: Vec<Rewrite>,
    /// Records moved here from another customer by a correction.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moved_in: Vec<MovedRecord>,
    /// Records moved from here to another customer by a correction.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moved_out: Vec<MovedRecord>,
}

impl CustomerReview {
    fn new(slug: &str) -> Self {
        CustomerReview {
            slug: slug.to_string(),
            name: slug.to_string(),
            owner: None,
            change: Lifecycle::Unchanged,
            by: Vec::new(),
            renamed_from: None,
            unreadable: false,
            archived: None,
            fields: Vec::new(),
            reassignments: Vec::new(),
            counts: BTreeMap::new(),
            added: Vec::new(),
            completed: Vec::new(),
            rewrites: Vec::new(),
            moved_in: Vec::new(),
            moved_out: Vec::new(),
        }
    }
}

/// Where a store path sits: the customer slug and the path inside its folder.
fn split(path: &str) -> Option<(&str, &str)> {
    let rest = path
        .strip_prefix(layout::CUSTOMERS_DIR)?
        .strip_prefix('/')?;
    rest.split_once('/')
}

fn customer_id(data: Option<&Vec<u8>>) -> Option<String> {
    let map = parse_map(layout::CUSTOMER_FILE, data?)?;
    map.get("id").and_then(Value::as_str).map(str::to_string)
}

/// Old slug -> new slug for customers whose folder moved: a `customer.yaml` removed in one
/// folder and added in another with the same id.
fn renames(files: &[ChangedFile]) -> HashMap<String, String> {
    let mut removed: HashMap<String, String> = HashMap::new();
    let mut added: Vec<(String, String)> = Vec::new();
    for f in files {
        let Some((slug, layout::CUSTOMER_FILE)) = split(&f.path) else {
            continue;
        };
        match (&f.old, &f.new) {
            (Some(_), None) => {
                if let Some(id) = customer_id(f.old.as_ref()) {
                    removed.insert(id, slug.to_string());
                }
            }
            (None, Some(_)) => {
                if let Some(id) = customer_id(f.new.as_ref()) {
                    added.push((id, slug.to_string()));
                }
            }
            _ => {}
        }
    }
    added
        .into_iter()
        .filter_map(|(id, new)| removed.get(&id).map(|old| (old.clone(), new)))
        .collect()
}

/// Pairs the files of moved folders (old path removed, new path added) into modifications of
/// the new path, so a rename is not read as every record deleted and added again.
fn pair_moves(files: &[ChangedFile], moves: &HashMap<String, String>) -> Vec<ChangedFile> {
    let mut removed: HashMap<String, Vec<u8>> = HashMap::new();
    let mut out = Vec::new();
    for f in files {
        match split(&f.path) {
            Some((slug, rel)) if moves.contains_key(slug) && f.new.is_none() => {
                let new_path = format!("{}/{}/{rel}", layout::CUSTOMERS_DIR, moves[slug]);
                removed.insert(new_path, f.old.clone().unwrap_or_default());
            }
            _ => out.push(f.clone()),
        }
    }
    for f in &mut out {
        if f.old.is_none()
            && let Some(old) = removed.remove(&f.path)
        {
            f.old = Some(old);
        }
    }
    // Files of the old folder with no counterpart were deleted.
    for (new_path, old) in removed {
        let (slug, rel) = split(&new_path).unwrap_or_default();
        let old_slug = moves
            .iter()
            .find(|(_, n)| n.as_str() == slug)
            .map(|(o, _)| o.clone())
            .unwrap_or_default();
        out.push(ChangedFile {
            path: format!("{}/{old_slug}/{rel}", layout::CUSTOMERS_DIR),
            old: Some(old),
            new: None,
        });
    }
    out.retain(|f| f.old != f.new);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The per-customer summary of `files`, in slug order.
pub fn summarize(files: &[ChangedFile], who: &Attribution) -> Vec<CustomerReview> {
    let moves = renames(files);
    let mut files = pair_moves(files, &moves);
    // The forward a rename leaves in the old folder is part of the rename, not a customer.
    files.retain(|f| {
        !split(&f.path)
            .is_some_and(|(slug, rel)| rel == layout::RENAMED_FILE && moves.contains_key(slug))
    });
    let mut customers: BTreeMap<String, CustomerReview> = BTreeMap::new();
    let (files, moved) = corrected_moves(&files, who);
    for (from, to, record) in moved {
        customers
            .entry(to.clone())
            .or_insert_with(|| CustomerReview::new(&to))
            .moved_in
            .push(MovedRecord {
                customer: from.clone(),
                ..record.clone()
            });
        customers
            .entry(from.clone())
            .or_insert_with(|| CustomerReview::new(&from))
            .moved_out
            .push(MovedRecord {
                customer: to,
                ..record
            });
    }
    for f in &files {
        let Some((slug, rel)) = split(&f.path) else {
            continue;
        };
        let review = customers
            .entry(slug.to_string())
            .or_insert_with(|| CustomerReview::new(slug));
        if let Some((old, _)) = moves.iter().find(|(_, n)| n.as_str() == slug) {
            review.renamed_from = Some(old.clone());
        }
        if rel == layout::CUSTOMER_FILE {
            customer_file(review, f, who);
        } else {
            record_file(review, rel, f, who);
        }
    }
    for review in customers.values_mut() {
        drop_reassigned_owner(review);
    }
    customers.into_values().collect()
}

/// Record files that moved, unchanged, from one customer to another and that a correction added
/// in the range sanctions (a correction in the new folder whose target is the record, or, for a
/// moved correction, is the record that correction is about, with `changes.customer` naming
/// the new folder). Returns the other files, and the moves as (from, to, record).
fn corrected_moves(
    files: &[ChangedFile],
    who: &Attribution,
) -> (Vec<ChangedFile>, Vec<(String, String, MovedRecord)>) {
    use crate::model::corrections::Correction;
    let parse = |f: &ChangedFile, data: &[u8]| {
        yaml::parse_bytes::<Correction>(std::path::Path::new(&f.path), data).ok()
    };
    // Corrections added in the range that move something, by (folder, target short id).
    let mut sanctions: HashMap<(String, String), String> = HashMap::new();
    for f in files {
        if let (None, Some(data), Some((slug, rel))) = (&f.old, &f.new, split(&f.path))
            && rel.starts_with("corrections/")
            && let Some(c) = parse(f, data)
            && c.moved_to() == Some(slug)
        {
            sanctions.insert((slug.to_string(), c.target.short()), c.id.short());
        }
    }
    let mut added: HashMap<(String, Vec<u8>), usize> = HashMap::new();
    for (i, f) in files.iter().enumerate() {
        if let (None, Some(data), Some((_, rel))) = (&f.old, &f.new, split(&f.path)) {
            added.insert((rel.to_string(), data.clone()), i);
        }
    }
    let mut taken = vec![false; files.len()];
    let mut moved = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let (Some(data), None, Some((from, rel))) = (&f.old, &f.new, split(&f.path)) else {
            continue;
        };
        let Some(&j) = added.get(&(rel.to_string(), data.clone())) else {
            continue;
        };
        let Some((to, _)) = split(&files[j].path) else {
            continue;
        };
        let Some((dir, name)) = rel.split_once('/') else {
            continue;
        };
        let Some(kind) = RecordKind::from_dir_name(dir) else {
            continue;
        };
        let short = name
            .trim_end_matches(".yaml")
            .rsplit_once('-')
            .map(|(_, s)| s.to_string())
            .unwrap_or_default();
        // A moved correction is sanctioned by the move of the record it is about.
        let about = match kind {
            RecordKind::Correction => parse(f, data).map(|c| c.target.short()),
            _ => Some(short.clone()),
        };
        let Some(correction) = about.and_then(|a| sanctions.get(&(to.to_string(), a)).cloned())
        else {
            continue;
        };
        taken[i] = true;
        taken[j] = true;
        moved.push((
            from.to_string(),
            to.to_string(),
            MovedRecord {
                record: kind,
                id: short,
                customer: String::new(),
                correction,
                by: who.of_path(&files[j].path),
            },
        ));
    }
    let rest = files
        .iter()
        .zip(taken)
        .filter(|(_, t)| !t)
        .map(|(f, _)| f.clone())
        .collect();
    (rest, moved)
}

/// A reassignment says who owns the customer now; the owner and team fields changing with it
/// are the same news.
fn drop_reassigned_owner(review: &mut CustomerReview) {
    let Some(last) = review.reassignments.last() else {
        return;
    };
    let (owner, team) = (last.to.owner.clone(), last.to.team.clone());
    review.fields.retain(|f| {
        let to = f
            .diff
            .to
            .as_ref()
            .and_then(Value::as_str)
            .map(str::to_string);
        !((f.diff.field == "owner" && to == owner) || (f.diff.field == "team" && to == team))
    });
}

fn customer_file(review: &mut CustomerReview, f: &ChangedFile, who: &Attribution) {
    let old = f.old.as_ref().and_then(|d| parse_map(&f.path, d));
    let new = f.new.as_ref().and_then(|d| parse_map(&f.path, d));
    let latest = new.as_ref().or(old.as_ref());
    let text_of = |key: &str| latest.and_then(|m| m.get(key)).and_then(Value::as_str);
    if let Some(name) = text_of("name") {
        review.name = name.to_string();
    }
    review.owner = text_of("owner").map(str::to_string);
    review.by = who.of_path(&f.path);
    review.change = match (&f.old, &f.new) {
        (None, _) => Lifecycle::Added,
        (_, None) => Lifecycle::Removed,
        _ => Lifecycle::Modified,
    };
    if review.change == Lifecycle::Added {
        review.archived = text_of("archived").map(|_| true);
    }
    if review.change != Lifecycle::Modified {
        return;
    }
    let (Some(old), Some(new)) = (old, new) else {
        // A field-by-field comparison with a file that does not read would list every field
        // as removed; say it does not read instead.
        review.unreadable = f.new.as_ref().and_then(|d| parse_map(&f.path, d)).is_none();
        return;
    };
    for diff in fields::diff(&old, &new) {
        match diff.field.as_str() {
            "archived" => review.archived = Some(diff.to.is_some()),
            "slug" | "renamed_from" if review.renamed_from.is_some() => {}
            _ => {
                let mut by = who
                    .fields
                    .get(&(review.slug.clone(), diff.field.clone()))
                    .cloned()
                    .unwrap_or_default();
                if by.is_empty() {
                    by = who.of_path(&f.path);
                }
                review.fields.push(FieldChange { diff, by });
            }
        }
    }
}

fn record_file(review: &mut CustomerReview, rel: &str, f: &ChangedFile, who: &Attribution) {
    let Some((dir, name)) = rel.split_once('/') else {
        return;
    };
    // A document's stored file is not a record: its record file stands for it.
    let Some(kind) =
        RecordKind::from_dir_name(dir).filter(|_| !name.contains('/') && name.ends_with(".yaml"))
    else {
        return;
    };
    let id = name
        .trim_end_matches(".yaml")
        .rsplit_once('-')
        .map(|(_, s)| s.to_string())
        .unwrap_or_else(|| name.to_string());
    let by = who.of_path(&f.path);
    match (&f.old, &f.new) {
        (None, Some(data)) => {
            *review.counts.entry(kind.word().to_string()).or_default() += 1;
            if kind == RecordKind::Handoff
                && let Ok(h) = yaml::parse_bytes::<Handoff>(std::path::Path::new(&f.path), data)
            {
                review.reassignments.push(Reassignment {
                    id: id.clone(),
                    from: h.from,
                    to: h.to,
                    by: h.by,
                    reason: h.reason,
                });
            }
            let text = match parse_map(&f.path, data).and_then(|m| {
                m.get(restricted::KEY)
                    .and_then(restricted::team_in)
                    .map(str::to_string)
            }) {
                // Never the content: the kind and the team.
                Some(team) => format!("restricted {} added ({team})", kind.word()),
                None => record_text(kind, &f.path, data),
            };
            review.added.push(RecordEvent {
                record: kind,
                id,
                path: f.path.clone(),
                text,
                by,
                action: None,
            });
        }
        (Some(_), None) => review.rewrites.push(Rewrite {
            record: kind,
            id,
            path: f.path.clone(),
            action: "deleted",
            fields: Vec::new(),
            by,
        }),
        (Some(old), Some(new)) => {
            // A side that does not read gives no field list (the problems say why).
            let diffs = match (parse_map(&f.path, old), parse_map(&f.path, new)) {
                (Some(old_map), Some(new_map)) => fields::diff(&old_map, &new_map),
                _ => Vec::new(),
            };
            if let Some(action) = late_edit(kind, &diffs) {
                review.completed.push(RecordEvent {
                    record: kind,
                    id,
                    path: f.path.clone(),
                    text: record_text(kind, &f.path, new),
                    by,
                    action: Some(action),
                });
            } else {
                review.rewrites.push(Rewrite {
                    record: kind,
                    id,
                    path: f.path.clone(),
                    action: "edited",
                    fields: diffs,
                    by,
                });
            }
        }
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, old: Option<&str>, new: Option<&str>) -> ChangedFile {
        ChangedFile {
            path: path.into(),
            old: old.map(|s| s.as_bytes().to_vec()),
            new: new.map(|s| s.as_bytes().to_vec()),
        }
    }

    const NOTE: &str = "id: 01a207f9-8210-70d7-b203-aeef969cf846\nat: \"2026-11-23T10:35:22Z\"\nby: bob\nbody: Hello\n";

    #[test]
    fn a_rename_is_one_move_not_deletions() {
        let c = |slug: &str| {
            format!(
                "id: 01a207f9-8210-7de6-a5b6-7bdca192db4c\nname: Acme\nslug: {slug}\ncreated: \"2026-01-01T00:00:00Z\"\n"
            )
        };
        let files = vec![
            file("customers/acme/customer.yaml", Some(&c("acme")), None),
            file(
                "customers/acme/notes/20261123T103522Z-69cf846a.yaml",
                Some(NOTE),
                None,
            ),
            file(
                "customers/acme-corp/customer.yaml",
                None,
                Some(&c("acme-corp")),
            ),
            file(
                "customers/acme-corp/notes/20261123T103522Z-69cf846a.yaml",
                None,
                Some(NOTE),
            ),
        ];
        let mut who = Attribution::default();
        who.touch("customers/acme-corp/customer.yaml", "carol");
        let reviews = summarize(&files, &who);
        assert_eq!(reviews.len(), 1);
        let r = &reviews[0];
        assert_eq!(r.slug, "acme-corp");
        assert_eq!(r.renamed_from.as_deref(), Some("acme"));
        assert_eq!(r.change, Lifecycle::Modified);
        assert!(r.fields.is_empty(), "{:?}", r.fields);
        assert!(r.added.is_empty() && r.rewrites.is_empty());
    }

    #[test]
    fn a_customer_file_that_does_not_read_is_said_so_not_diffed() {
        let files = vec![file(
            "customers/acme/customer.yaml",
            Some("id: x\nname: Acme\nowner: alice\n"),
            Some("id: x\nname: [Acme\n"),
        )];
        let r = &summarize(&files, &Attribution::default())[0];
        assert!(r.unreadable);
        assert!(r.fields.is_empty(), "{:?}", r.fields);
    }

    #[test]
    fn edits_after_the_fact_are_flagged_and_acceptance_is_not() {
        let accepted = format!("{NOTE}accepted_at: \"2026-11-24T10:00:00Z\"\n");
        let files = vec![
            file(
                "customers/acme/handoffs/20261123T103522Z-69cf846a.yaml",
                Some(NOTE),
                Some(&accepted),
            ),
            file(
                "customers/acme/notes/20261123T103522Z-69cf846b.yaml",
                Some(NOTE),
                Some(&NOTE.replace("Hello", "Bye")),
            ),
            file(
                "customers/acme/notes/20261123T103522Z-69cf846c.yaml",
                Some(NOTE),
                None,
            ),
        ];
        let r = &summarize(&files, &Attribution::default())[0];
        assert_eq!(r.completed.len(), 1);
        assert_eq!(r.rewrites.len(), 2);
        assert_eq!(r.rewrites[0].action, "edited");
        assert_eq!(
            fields::describe(&r.rewrites[0].fields[0]),
            "body: Hello -> Bye"
        );
        assert_eq!(r.rewrites[1].action, "deleted");
    }
}
