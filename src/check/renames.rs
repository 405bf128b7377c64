//! The `renames` check: every rename forward (`customers/<old>/renamed.yaml`) leads to a
//! customer, and no records are left in the old folder (what a merge of a rename with records
//! added under the old slug leaves: readers attach them, `git crm check --fix` moves them).

use std::collections::{BTreeMap, BTreeSet};

use super::{Ctx, Problem};
use crate::model::Renamed;
use crate::store::layout;
use crate::store::snapshot::{Content, classify};

pub(super) fn run(ctx: &mut Ctx) {
    if !ctx.wants("renames") {
        return;
    }
    let snapshot = ctx.snapshot;
    let mut customers: BTreeSet<&str> = BTreeSet::new();
    let mut forwards: Vec<&str> = Vec::new();
    let mut records: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &snapshot.entries {
        let parts: Vec<&str> = entry.path.split('/').collect();
        match parts.as_slice() {
            [layout::CUSTOMERS_DIR, folder, layout::CUSTOMER_FILE]
                if !matches!(entry.content, Content::Other) =>
            {
                customers.insert(folder);
            }
            [layout::CUSTOMERS_DIR, folder, layout::RENAMED_FILE] => forwards.push(folder),
            [layout::CUSTOMERS_DIR, folder, ..]
                if matches!(classify(&entry.path), Some(Some(_))) =>
            {
                *records.entry(folder).or_default() += 1;
            }
            _ => {}
        }
    }
    for folder in forwards {
        let path = layout::renamed_file(folder);
        let forward = ctx
            .text(&path)
            .and_then(|t| crate::store::yaml::parse::<Renamed>(path.as_ref(), &t).ok());
        let Some(forward) = forward else {
            ctx.push(
                Problem::error("renames", "rename forward does not parse")
                    .hint("it holds `id`, `renamed_to`, `at` and `by`; see docs/format.md"),
                &path,
                None,
                None,
            );
            continue;
        };
        if customers.contains(folder) {
            ctx.push(
                Problem::error(
                    "renames",
                    format!(
                        "the folder has both a customer and a forward to `{}`",
                        crate::model::text::escape(&forward.renamed_to)
                    ),
                )
                .hint("a customer was created under a renamed customer's old slug: rename one of them"),
                &path,
                None,
                None,
            );
            continue;
        }
        if !customers.contains(forward.renamed_to.as_str())
            && ctx.store.renamed_to(folder).is_none()
        {
            ctx.report(
                Problem::error(
                    "renames",
                    format!(
                        "forward to `{}`, which is not a customer",
                        crate::model::text::escape(&forward.renamed_to)
                    ),
                ),
                &path,
                &["renamed_to"],
            );
        }
        if let Some(n) = records.get(folder) {
            ctx.push(
                Problem::error(
                    "renames",
                    format!(
                        "{n} record{} of `{}` {} still in its old folder (a merge with the rename put {} here)",
                        if *n == 1 { "" } else { "s" },
                        crate::model::text::escape(&forward.renamed_to),
                        if *n == 1 { "is" } else { "are" },
                        if *n == 1 { "it" } else { "them" },
                    ),
                )
                .hint(format!(
                    "run `git crm check --fix` to move them to customers/{}/ (`git crm sync` does it after each merge)",
                    crate::model::text::escape(&forward.renamed_to)
                )),
                &layout::customer_dir(folder),
                None,
                None,
            );
        }
    }
}
