//! Repairs `git crm check --fix` (and `sync`, after each merge) can make safely: moving the
//! records a merge left in a renamed customer's old folder into the customer's folder. Nothing
//! is rewritten: each file moves byte for byte, in one commit.

use crate::error::Result;
use crate::model::records::RecordKind;
use crate::store::{Change, FileOp, Store, layout};

/// The change that moves every record left in a renamed customer's old folder to where the
/// customer lives now, or `None` when there is nothing to move. Files that already exist at
/// the target with the same bytes are only removed from the old folder.
pub fn move_stray_records(store: &Store, actor: &str) -> Result<Option<(Change, usize)>> {
    let mut change = Change::new(
        "repair.renames",
        "check: move records left in renamed customers' old folders",
        actor,
    );
    let mut moved = 0;
    let mut targets = Vec::new();
    for folder in store.customer_slugs()? {
        if store.has_customer(&folder) {
            continue;
        }
        let Some(target) = store.renamed_to(&folder) else {
            continue;
        };
        let documents = layout::record_dir(&folder, RecordKind::Document);
        for entry in crate::store::fs::list(store.root(), &documents)?.unwrap_or_default() {
            if entry.kind != crate::store::fs::Kind::File
                || entry.name.ends_with(".yaml")
                || crate::store::fs::is_temp_name(&entry.name)
            {
                continue;
            }
            let from = format!("{documents}/{}", entry.name);
            let to = format!(
                "{}/{}",
                layout::record_dir(&target, RecordKind::Document),
                entry.name
            );
            if crate::store::fs::kind(store.root(), &to)?.is_none() {
                change.files.push(super::customer::move_bytes(&from, &to));
            } else {
                change.files.push(FileOp::Remove { path: from });
            }
        }
        for kind in RecordKind::ALL {
            for name in store.record_file_names(&folder, kind)? {
                let from = format!("{}/{name}", layout::record_dir(&folder, kind));
                let to = format!("{}/{name}", layout::record_dir(&target, kind));
                let contents = store.read_text(&from)?;
                change.files.push(FileOp::Remove { path: from });
                match store.read_text(&to) {
                    Ok(existing) if existing == contents => {}
                    Ok(_) => {
                        // The same file name with other bytes cannot be the same record moved
                        // twice; it stays where it is, for `check` to report.
                        change.files.pop();
                        continue;
                    }
                    Err(_) => change.files.push(FileOp::Create { path: to, contents }),
                }
                moved += 1;
            }
        }
        if !targets.contains(&target) {
            targets.push(target);
        }
    }
    if moved == 0 {
        return Ok(None);
    }
    change.subject = format!(
        "check: move {moved} record{} left in old folders to {} ({actor})",
        if moved == 1 { "" } else { "s" },
        targets.join(", ")
    );
    Ok(Some((change, moved)))
}
