//! Who is acting: `--as`, else `GITCRM_USER` (both arrive here as `explicit`), else the git
//! config `user.email` matched against the people of the store.

use crate::error::{Error, Input, Remedy, Result};
use crate::store::Store;

/// The handle of the acting person.
pub fn resolve_actor(store: &Store, explicit: Option<&str>) -> Result<String> {
    if let Some(handle) = explicit {
        store.require_person(handle)?;
        return Ok(handle.to_string());
    }
    let Some((_, email)) = crate::git::user_identity(store.repo_root()) else {
        return Err(Error::missing_because(
            Input::Actor,
            "cannot tell who is acting: no actor given, no GITCRM_USER and no git user.email",
            "or set `git config user.email` to an email of a person in .gitcrm/config.yaml",
        ));
    };
    store.config().handle_for_email(&email).map(str::to_string).ok_or_else(|| {
        Error::refused(
            format!("git user.email `{}` belongs to no person of this store", crate::model::text::escape(&email)),
            Remedy::Give {
                input: Input::Actor,
                value: "<handle>".into(),
                does: format!("add yourself with `git crm person add <handle> --name ... --email {email}`, or act as a person of the store"),
                note: None,
            },
        )
    })
}
