//! The store in a sparse checkout: customers the checkout leaves out are neither read nor
//! written, and every command that would have needed them says so by name. Reading them from
//! the object database is not an option in the clone this is for (a blobless partial clone
//! has none of their files), and fetching every customer would undo the partial clone.

use std::path::Path;

use crate::error::{Error, Result};
use crate::git::SparseCheckout;
use crate::model::text;

use super::{Change, FileOp, Store, layout};

impl Store {
    /// This clone's sparse checkout, when it has one.
    pub fn sparse_checkout(&self) -> Result<Option<SparseCheckout>> {
        SparseCheckout::read(self.repo_root())
    }

    /// The customers (folder names) that this clone's sparse checkout leaves out of the work
    /// tree: they exist in git, and whole-store commands cannot read them here.
    pub fn customers_left_out(&self) -> Result<Vec<String>> {
        Ok(match self.sparse_checkout()? {
            Some(sparse) => sparse.left_out(&self.git_path(layout::CUSTOMERS_DIR)),
            None => Vec::new(),
        })
    }

    /// The error for a customer that exists in git but outside this clone's sparse checkout.
    pub(super) fn left_out_error(&self, slug: &str) -> Result<Option<Error>> {
        let left_out = self.customers_left_out()?;
        Ok(left_out
            .iter()
            .any(|s| s == slug)
            .then(|| outside(slug, "is")))
    }
}

fn outside(slug: &str, verb: &str) -> Error {
    let slug = text::escape(slug);
    Error::invalid_hint(
        format!("customer `{slug}` {verb} outside this clone's sparse checkout"),
        format!(
            "`git sparse-checkout add customers/{slug}` checks it out; then run the command again"
        ),
    )
}

/// Refuses a change that would write a file outside the sparse checkout: git would neither
/// show nor commit it there (and a customer left out may hold files of the same name).
pub(super) fn check_inside(store: &Store, change: &Change) -> Result<()> {
    let Some(sparse) = store.sparse_checkout()? else {
        return Ok(());
    };
    for path in change.files.iter().flat_map(FileOp::paths) {
        if sparse.contains(&store.git_path(path)) {
            continue;
        }
        return Err(match path.split('/').collect::<Vec<_>>().as_slice() {
            [layout::CUSTOMERS_DIR, slug, ..] => outside(slug, "would be written"),
            _ => Error::invalid_hint(
                format!(
                    "{} is outside this clone's sparse checkout",
                    text::escape(path)
                ),
                format!(
                    "`git sparse-checkout add {}` checks it out",
                    text::escape(path.rsplit_once('/').map_or(path, |(d, _)| d))
                ),
            ),
        });
    }
    Ok(())
}

/// When `.gitcrm/` is in git at `repo_root` but left out of a sparse checkout, the error that
/// says so (instead of "not a git-crm store").
pub(super) fn settings_left_out(repo_root: &Path) -> Option<Error> {
    let sparse = SparseCheckout::read(repo_root).ok()??;
    (!sparse.left_out(layout::CONFIG_DIR).is_empty()).then(|| {
            Error::invalid_hint(
                format!(
                    "this clone's sparse checkout leaves out the store's settings ({}/)",
                    layout::CONFIG_DIR
                ),
                format!(
                    "`git sparse-checkout add {} customers/<slug>...` checks out the settings and the customers you serve",
                    layout::CONFIG_DIR
                ),
            )
        })
}
