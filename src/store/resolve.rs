//! Naming a customer on the command line: by slug, or by a contact's email or phone number when
//! exactly one customer has that contact (`git crm timeline hank@globex.example`). Every command
//! that takes a customer goes through [`Store::resolve_customer`], so they all accept the same
//! forms and report ambiguity the same way.

use crate::error::{Error, Listing, Result};
use crate::model::{contact, slug, text};

use super::Store;

impl Store {
    /// The slug of the customer `name` means: a slug of the store as is; else the one customer
    /// with a contact of that email (any case) or phone number (national or international
    /// spelling). No match is an error with a suggestion; several matches are an error listing
    /// them. A slug never costs more than a file-system check; a contact reads every
    /// `customer.yaml`.
    pub fn resolve_customer(&self, name: &str) -> Result<String> {
        if slug::validate(name).is_ok() && self.has_customer(name) {
            return Ok(name.to_string());
        }
        if !contact::looks_like_email(name) && !contact::looks_like_phone(name) {
            self.require_customer(name)?;
            return Ok(name.to_string());
        }
        let mut found: Vec<(String, bool)> = self
            .load_customers()?
            .into_iter()
            .filter(|l| contact::customer_has_contact(&l.record, name))
            .map(|l| {
                let folder = l.path.split('/').nth(1).unwrap_or_default().to_string();
                (folder, l.record.archived.is_some())
            })
            .collect();
        found.sort();
        match found.len() {
            1 => Ok(found.remove(0).0),
            0 => Err(Error::not_listed(
                format!("no customer has a contact `{}`", text::escape(name)),
                Listing::CustomerSearch,
            )),
            _ => Err(Error::invalid_hint(
                format!(
                    "`{}` is a contact of {} customers",
                    text::escape(name),
                    found.len()
                ),
                format!(
                    "name one by its slug: {}",
                    found
                        .iter()
                        .map(|(s, archived)| if *archived {
                            format!("{s} (archived)")
                        } else {
                            s.clone()
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// [`Store::resolve_customer`] for each name of a repeatable filter (`--customer a,b`).
    pub fn resolve_customers(&self, names: &[String]) -> Result<Vec<String>> {
        names.iter().map(|n| self.resolve_customer(n)).collect()
    }
}
