//! Who is who, for ingest: the addresses of the store's people and teams, and the customers an
//! outside address belongs to (a contact's exact address first, then the customer's mail
//! `domains`). Also makes the `lead` customers of `--create-customers`, so mail, calendar and
//! contact ingests create them the same way.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::Result;
use crate::model::address::{self, company_name, is_personal_provider};
use crate::model::records::{Contact, Customer, CustomerKind, CustomerStatus};
use crate::model::{RecordId, Timestamp, slug};
use crate::store::Store;

/// An address of the store: a person's, or a team's shared mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ours {
    Person(String),
    Team(String),
}

/// How an outside address found its customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// The address is a contact of this customer.
    Contact(String),
    /// The address's domain is one of this customer's `domains`.
    Domain(String),
    /// Several customers claim the address (the reason says how).
    Ambiguous(String),
    /// Nobody claims it.
    None,
}

impl Match {
    /// The customer found, if exactly one was.
    pub fn slug(&self) -> Option<&str> {
        match self {
            Match::Contact(s) | Match::Domain(s) => Some(s),
            _ => None,
        }
    }
}

/// What a new lead is made from.
struct Lead {
    name: String,
    kind: CustomerKind,
    /// What its id is derived from: the domain, the address, or the organisation.
    key: String,
    domain: Option<String>,
}

/// The store's people, teams and customers, indexed by address and domain.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    ours: HashMap<String, Ours>,
    /// Lowercased full names and handles of people, for mail sent from a team address with a
    /// person's name on it.
    people_by_name: HashMap<String, String>,
    /// Primary team of each person.
    teams_of: HashMap<String, String>,
    customers: BTreeMap<String, Customer>,
    by_contact: HashMap<String, Vec<String>>,
    by_domain: HashMap<String, Vec<String>>,
    /// Slugs taken by a customer folder on disk or by a customer planned in this run.
    taken: BTreeSet<String>,
}

impl Directory {
    /// Reads the config and every customer (customer folders of an interrupted import or ingest
    /// that has not written `customer.yaml` yet are left out).
    pub fn load(store: &Store) -> Result<Self> {
        let mut dir = Directory::default();
        let config = store.config();
        for (handle, person) in &config.people {
            for email in &person.emails {
                if let Some(a) = address::normalize(email) {
                    dir.ours.insert(a, Ours::Person(handle.clone()));
                }
            }
            dir.people_by_name
                .insert(person.name.trim().to_lowercase(), handle.clone());
            dir.people_by_name.insert(handle.clone(), handle.clone());
            if let Some(team) = person.teams.first() {
                dir.teams_of.insert(handle.clone(), team.clone());
            }
        }
        for (name, team) in &config.teams {
            for email in &team.emails {
                if let Some(a) = address::normalize(email) {
                    dir.ours
                        .entry(a)
                        .or_insert_with(|| Ours::Team(name.clone()));
                }
            }
        }
        dir.taken.extend(store.customer_slugs()?);
        for customer in crate::import::load_customers(store)? {
            dir.add_customer(customer);
        }
        Ok(dir)
    }

    /// Registers a customer (one read from the store, or a lead planned by this run).
    pub fn add_customer(&mut self, customer: Customer) {
        let slug = customer.slug.clone();
        for email in customer.contacts.iter().filter_map(|c| c.email.as_deref()) {
            if let Some(a) = address::normalize(email) {
                let slugs = self.by_contact.entry(a).or_default();
                if !slugs.contains(&slug) {
                    slugs.push(slug.clone());
                }
            }
        }
        for domain in &customer.domains {
            if let Some(d) = address::normalize_domain(domain) {
                let slugs = self.by_domain.entry(d).or_default();
                if !slugs.contains(&slug) {
                    slugs.push(slug.clone());
                }
            }
        }
        self.taken.insert(slug.clone());
        self.customers.insert(slug, customer);
    }

    /// Whose address this is, if it is the store's.
    pub fn ours(&self, address: &str) -> Option<&Ours> {
        self.ours.get(address)
    }

    /// The person whose full name or handle is `name` (case-insensitive).
    pub fn person_named(&self, name: &str) -> Option<&str> {
        self.people_by_name
            .get(&name.trim().to_lowercase())
            .map(String::as_str)
    }

    /// The first team of a person.
    pub fn team_of(&self, handle: &str) -> Option<&str> {
        self.teams_of.get(handle).map(String::as_str)
    }

    /// A customer by slug.
    pub fn customer(&self, slug: &str) -> Option<&Customer> {
        self.customers.get(slug)
    }

    /// The customer a (normalised) outside address belongs to: a contact's exact address, else
    /// the customer whose `domains` list the address's domain or a parent domain of it.
    pub fn customer_for(&self, address: &str) -> Match {
        if let Some(slugs) = self.by_contact.get(address) {
            return match slugs.as_slice() {
                [one] => Match::Contact(one.clone()),
                many => Match::Ambiguous(format!(
                    "`{address}` is a contact of several customers ({})",
                    many.join(", ")
                )),
            };
        }
        let Some(mut domain) = address::domain_of(address) else {
            return Match::None;
        };
        loop {
            if let Some(slugs) = self.by_domain.get(domain) {
                return match slugs.as_slice() {
                    [one] => Match::Domain(one.clone()),
                    many => Match::Ambiguous(format!(
                        "the domain `{domain}` is listed by several customers ({})",
                        many.join(", ")
                    )),
                };
            }
            match domain.split_once('.') {
                Some((_, parent)) if parent.contains('.') => domain = parent,
                _ => return Match::None,
            }
        }
    }

    /// Plans a `lead` customer for an outside address nobody claims (`--create-customers`):
    /// a company named after the address's domain, with that domain in `domains` and the
    /// address as its first contact; or, for an address at a personal mail provider (gmail.com,
    /// outlook.com, ...), a person named after the address's display name. The id is derived
    /// from the domain (or the address), so two clones planning it from the same input make the
    /// same file. The customer is registered, so later items of the run find it.
    pub fn plan_lead(
        &mut self,
        address: &str,
        display_name: Option<&str>,
        owner: Option<&str>,
        team: Option<&str>,
        at: Timestamp,
    ) -> Option<Customer> {
        let domain = address::domain_of(address)?.to_string();
        let person_name = display_name
            .map(str::trim)
            .filter(|n| !n.is_empty() && !n.contains('@'))
            .map(str::to_string)
            .unwrap_or_else(|| address.split('@').next().unwrap_or(address).to_string());
        let contact = Contact {
            name: person_name.clone(),
            email: Some(address.to_string()),
            phone: None,
            role: None,
            extra: Default::default(),
        };
        let lead = if is_personal_provider(&domain) {
            Lead {
                name: person_name,
                kind: CustomerKind::Person,
                key: address.to_string(),
                domain: None,
            }
        } else {
            Lead {
                name: company_name(&domain),
                kind: CustomerKind::Company,
                key: domain.clone(),
                domain: Some(domain),
            }
        };
        self.lead(lead, Some(contact), owner, team, at)
    }

    /// Plans a `lead` company named `company` (a vCard's ORG), listing the domain of `address`
    /// when it is not a personal provider's.
    pub fn plan_company(
        &mut self,
        company: &str,
        address: Option<&str>,
        at: Timestamp,
    ) -> Option<Customer> {
        let domain = address
            .and_then(address::domain_of)
            .filter(|d| !is_personal_provider(d))
            .map(str::to_string);
        let lead = Lead {
            name: company.trim().to_string(),
            kind: CustomerKind::Company,
            key: format!("org:{}", company.trim().to_lowercase()),
            domain,
        };
        self.lead(lead, None, None, None, at)
    }

    fn lead(
        &mut self,
        lead: Lead,
        contact: Option<Contact>,
        owner: Option<&str>,
        team: Option<&str>,
        at: Timestamp,
    ) -> Option<Customer> {
        let mut lead = lead;
        if lead.name.trim().is_empty() {
            lead.name = lead.domain.clone().unwrap_or_else(|| lead.key.clone());
        }
        let base = [
            slug::slugify(&lead.name),
            lead.domain
                .as_deref()
                .map(slug::slugify)
                .unwrap_or_default(),
        ]
        .into_iter()
        .find(|s| slug::validate(s).is_ok())?;
        let slug = self.free_slug(&base);
        let team = team
            .map(str::to_string)
            .or_else(|| owner.and_then(|o| self.team_of(o)).map(str::to_string));
        let customer = Customer {
            id: RecordId::derived(at.to_utc(), &["customer", "mail", &lead.key]),
            name: lead.name,
            slug,
            kind: lead.kind,
            status: CustomerStatus::Lead,
            owner: owner.map(str::to_string),
            team,
            tags: Vec::new(),
            contacts: contact.into_iter().collect(),
            domains: lead.domain.into_iter().collect(),
            external_ids: Default::default(),
            fields: Default::default(),
            created: at,
            archived: None,
            renamed_from: Vec::new(),
            extra: Default::default(),
        };
        self.add_customer(customer.clone());
        Some(customer)
    }

    /// The customer whose name is `name` (case-insensitive) or whose slug is its slug.
    pub fn customer_named(&self, name: &str) -> Option<&str> {
        let lower = name.trim().to_lowercase();
        let slug = slug::slugify(name);
        self.customers
            .values()
            .find(|c| c.name.trim().to_lowercase() == lower)
            .or_else(|| self.customers.get(&slug))
            .map(|c| c.slug.as_str())
    }

    /// `base`, or `base-2`, `base-3`... whichever is not taken.
    fn free_slug(&self, base: &str) -> String {
        if !self.taken.contains(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| {
                let suffix = format!("-{n}");
                let keep = slug::MAX_SLUG_LEN.saturating_sub(suffix.len());
                let stem = base[..base.len().min(keep)].trim_end_matches('-');
                format!("{stem}{suffix}")
            })
            .find(|s| !self.taken.contains(s))
            .unwrap_or_else(|| base.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-11-02T10:00:00+01:00").unwrap()
    }

    #[test]
    fn contact_then_domain_then_parent_domain() {
        let mut dir = Directory::default();
        let lead = dir
            .plan_lead(
                "jane@acme.example",
                Some("Jane Doe"),
                Some("alice"),
                None,
                at(),
            )
            .unwrap();
        assert_eq!(lead.slug, "acme");
        assert_eq!(lead.domains, vec!["acme.example"]);
        assert_eq!(
            dir.customer_for("jane@acme.example"),
            Match::Contact("acme".into())
        );
        assert_eq!(
            dir.customer_for("bob@mail.acme.example"),
            Match::Domain("acme".into())
        );
        assert_eq!(dir.customer_for("x@other.example"), Match::None);
        let again = dir
            .plan_lead("joe@acme.example.org", None, None, None, at())
            .unwrap();
        assert_eq!(again.slug, "example");
        let person = dir
            .plan_lead("sam@gmail.com", Some("Sam Lee"), None, None, at())
            .unwrap();
        assert_eq!(
            (person.slug.as_str(), person.kind),
            ("sam-lee", CustomerKind::Person)
        );
        assert!(person.domains.is_empty());
    }
}
