//! Checks of the files themselves: `conflict-markers`, `stray-files`, folders that are not slugs,
//! and the clone's `merge-driver` setup.

use std::collections::BTreeSet;

use super::{Ctx, Problem};
use crate::model::records::RecordKind;
use crate::model::slug;
use crate::store::layout::ATTRIBUTES_LINE;
use crate::store::snapshot::Content;
use crate::store::{atomic, layout};

pub(super) fn run(ctx: &mut Ctx) {
    let snapshot = ctx.snapshot;
    let mut with_customer: BTreeSet<&str> = BTreeSet::new();
    let mut folders: BTreeSet<&str> = BTreeSet::new();
    let mut bad_folders: BTreeSet<&str> = BTreeSet::new();
    for entry in &snapshot.entries {
        let path = entry.path.as_str();
        let parts: Vec<&str> = path.split('/').collect();
        if let [_, folder, layout::CUSTOMER_FILE] = parts.as_slice()
            && !matches!(entry.content, Content::Other)
        {
            with_customer.insert(folder);
        }
        if parts.len() > 2 {
            folders.insert(parts[1]);
            if slug::validate(parts[1]).is_err() {
                bad_folders.insert(parts[1]);
                continue;
            }
        }
        if let Content::Invalid { message, .. } = &entry.content
            && message.contains("conflict marker")
        {
            markers(ctx, path);
        }
        if matches!(entry.content, Content::Other) {
            stray(ctx, entry.kind, &parts, path);
        }
    }
    for folder in bad_folders {
        let why = slug::validate(folder).err().unwrap_or_default();
        let suggestion = slug::slugify(folder);
        ctx.push(
            Problem::error(
                "slugs",
                format!("folder is not a valid slug, so its records are ignored: {why}"),
            )
            .hint(if suggestion.is_empty() {
                "rename the folder to lowercase letters, digits and `-`".to_string()
            } else {
                format!("rename the folder to `{suggestion}` and set `slug: {suggestion}`")
            }),
            &layout::customer_dir(folder),
            None,
            None,
        );
    }
    let forwarded: BTreeSet<&str> = snapshot
        .entries
        .iter()
        .filter_map(|e| {
            let rest = e.path.strip_prefix("customers/")?;
            let (folder, file) = rest.split_once('/')?;
            (file == layout::RENAMED_FILE).then_some(folder)
        })
        .collect();
    for folder in folders {
        if slug::validate(folder).is_ok()
            && !with_customer.contains(folder)
            && !forwarded.contains(folder)
        {
            ctx.push(
                Problem::error(
                    "stray-files",
                    "customer folder has no customer.yaml, so its records are ignored",
                )
                .hint("restore customer.yaml (`git log -- <folder>` shows where it went), or move the records to their customer"),
                &layout::customer_dir(folder),
                None,
                None,
            );
        }
    }
    config_markers(ctx);
    merge_driver(ctx);
}

/// Every conflict block of a file: `<<<<<<<` .. `=======` .. `>>>>>>>`, and lone markers.
fn markers(ctx: &mut Ctx, path: &str) {
    let Some(text) = ctx.text(path) else {
        return;
    };
    for (line, message) in marker_blocks(&text) {
        ctx.push(
            Problem::error("conflict-markers", message).hint(
                "keep the lines you want between the markers, delete the marker lines, then `git add` and commit",
            ),
            path,
            Some(line),
            Some(1),
        );
    }
}

/// `(line, message)` for each conflict block and each marker outside a block.
pub(super) fn marker_blocks(text: &str) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    let mut open: Option<(u64, Option<u64>)> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.starts_with("<<<<<<<") {
            if let Some((start, _)) = open {
                out.push((
                    start,
                    "unresolved merge conflict: `<<<<<<<` without its `>>>>>>>`".to_string(),
                ));
            }
            open = Some((n, None));
        } else if line == "=======" || line.starts_with("||||||| ") || line == "|||||||" {
            match &mut open {
                Some((_, middle)) if line == "=======" => *middle = Some(n),
                Some(_) => {}
                None => out.push((n, format!("stray conflict marker `{line}`"))),
            }
        } else if line.starts_with(">>>>>>>") {
            match open.take() {
                Some((start, _)) => out.push((
                    start,
                    format!("unresolved merge conflict (lines {start}-{n})"),
                )),
                None => out.push((n, "stray conflict marker `>>>>>>>`".to_string())),
            }
        }
    }
    if let Some((start, _)) = open {
        out.push((
            start,
            "unresolved merge conflict: `<<<<<<<` without its `>>>>>>>`".to_string(),
        ));
    }
    out
}

fn config_markers(ctx: &mut Ctx) {
    let Some(text) = ctx.config_text.clone() else {
        return;
    };
    for (line, message) in marker_blocks(&text) {
        ctx.push(
            Problem::error("conflict-markers", message).hint(
                "keep the lines you want between the markers, delete the marker lines, then commit",
            ),
            layout::CONFIG_FILE,
            Some(line),
            Some(1),
        );
    }
}

fn stray(ctx: &mut Ctx, kind: crate::git::EntryKind, parts: &[&str], path: &str) {
    let name = parts.last().copied().unwrap_or_default();
    if kind == crate::git::EntryKind::File && matches!(parts, [_, _, layout::RENAMED_FILE]) {
        // A rename forward: the `renames` check looks at it.
        return;
    }
    if kind == crate::git::EntryKind::Special {
        ctx.push(
            Problem::error(
                "stray-files",
                "is not a regular file (a FIFO, socket or device): git-crm never opens it",
            )
            .hint("delete it; records are regular files"),
            path,
            None,
            None,
        );
        return;
    }
    if kind == crate::git::EntryKind::Symlink {
        ctx.push(
            Problem::error(
                "stray-files",
                "is a symbolic link: git-crm never follows links, so it is ignored",
            )
            .hint("replace the link by the file itself"),
            path,
            None,
            None,
        );
        return;
    }
    if atomic::is_temp_name(name) {
        ctx.push(
            Problem::warning("stray-files", "temporary file left by an interrupted write")
                .hint("delete it: the write it belonged to either finished or never happened"),
            path,
            None,
            None,
        );
        return;
    }
    let what = match parts {
        [_, _] => "file directly under customers/ (customers are folders)".to_string(),
        [_, _, _] => format!(
            "unknown file in a customer folder (expected customer.yaml and the folders {})",
            kinds()
        ),
        [_, _, dir, name]
            if *dir == RecordKind::Document.dir_name()
                && layout::document_record_of(name).is_some() =>
        {
            let record = format!(
                "{}/{}",
                path.rsplit_once('/').map(|(d, _)| d).unwrap_or_default(),
                layout::document_record_of(name).unwrap_or_default()
            );
            let known = ctx
                .snapshot
                .entries
                .binary_search_by(|e| e.path.as_str().cmp(record.as_str()))
                .is_ok();
            if known {
                return;
            }
            "a document's file without its record".to_string()
        }
        [_, _, dir, _] if RecordKind::from_dir_name(dir).is_some() => {
            "not a record file (records are `<UTC time>-<short id>.yaml`)".to_string()
        }
        [_, _, dir, ..] if RecordKind::from_dir_name(dir).is_some() => {
            "nested folder inside a record folder".to_string()
        }
        _ => format!("unknown folder in a customer folder (expected {})", kinds()),
    };
    ctx.push(
        Problem::warning("stray-files", format!("{what}; git-crm ignores it"))
            .hint("move it out of customers/, or delete it"),
        path,
        None,
        None,
    );
}

fn kinds() -> String {
    RecordKind::ALL
        .iter()
        .map(|k| format!("{}/", k.dir_name()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn merge_driver(ctx: &mut Ctx) {
    if !ctx.wants("merge-driver") {
        return;
    }
    if let Some(attributes) = ctx.attributes.clone() {
        let routed = attributes
            .as_deref()
            .is_some_and(|t| t.lines().any(|l| l.trim() == ATTRIBUTES_LINE));
        if !routed {
            let line = attributes
                .as_deref()
                .map(|t| t.lines().count() as u64)
                .filter(|n| *n > 0);
            ctx.push(
                Problem::warning(
                    "merge-driver",
                    "customer records are not routed to the git-crm merge driver",
                )
                .hint(format!(
                    "add the line `{ATTRIBUTES_LINE}` to .gitattributes and commit it"
                )),
                ".gitattributes",
                line,
                line.map(|_| 1),
            );
        }
    }
    if ctx.clone_checked && !ctx.store.merge_driver_registered() {
        ctx.push(
            Problem::warning(
                "merge-driver",
                "the merge driver `gitcrm` is not registered in this clone: merges of customer.yaml fall back to line merges (or fail)",
            )
            .hint("run `git crm setup` once in this clone"),
            ".git/config",
            None,
            None,
        );
    }
}
