//! `git crm ingest vcf`: vCards become contacts of the customer they belong to, and
//! [`to_vcards`] writes contacts back (`git crm export contacts --format vcf`).
//!
//! A card belongs to the customer named by its ORG (the customer's name, or its slug), else to
//! the customer of its email (a contact's address, then `domains`). Its key is the vCard UID
//! (kept as the contact's `uid`), else its email: the contact with that uid, else that email,
//! is updated in place (`customer.yaml` is edited, so comments and key order stay), otherwise
//! the contact is added. A card's missing values never erase what the contact has.

use std::collections::BTreeMap;
use std::path::PathBuf;

use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardVersion};
use calcard::{Entry, Parser};

use super::directory::{Directory, Match};
use super::{Action, Kind, Outcome, Plan, Problem};
use crate::error::Result;
use crate::model::records::{Contact, Customer};
use crate::model::{address, text as model_text};
use crate::store::edit::{FieldEdit, edit_text};
use crate::store::{FileOp, Store, layout, yaml};

/// Largest contact file read.
pub const MAX_FILE_BYTES: u64 = 32 << 20;
/// The key under which a contact keeps its vCard UID.
pub const UID_KEY: &str = "uid";

/// What `ingest vcf` is given.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The file, or `-` for stdin.
    pub file: PathBuf,
    pub create_customers: bool,
}

/// A card, read.
#[derive(Debug, Clone, PartialEq)]
struct Card {
    item: String,
    uid: Option<String>,
    name: String,
    email: Option<String>,
    phone: Option<String>,
    role: Option<String>,
    org: Option<String>,
    /// REV, when given: the created time of a customer made from the card.
    rev: Option<crate::model::Timestamp>,
}

impl Card {
    fn key(&self) -> String {
        self.uid
            .clone()
            .or_else(|| self.email.clone())
            .unwrap_or_else(|| format!("name:{}", self.name))
    }
}

/// A customer whose contacts this run changes.
struct Work {
    /// The stored file (path, text), or `None` for a customer this run creates.
    stored: Option<(String, String)>,
    customer: Customer,
    changed: bool,
}

/// Plans the ingest of a vCard file.
pub fn plan(store: &Store, options: &Options) -> Result<Plan> {
    let named = options.file.display().to_string();
    let text = super::read_input(&options.file, MAX_FILE_BYTES)?;
    let mut plan = Plan::new(Kind::Vcf, vec![named.clone()]);
    let cards = read_cards(&named, &text, &mut plan);
    let mut dir = Directory::load(store)?;
    let mut work: BTreeMap<String, Work> = BTreeMap::new();
    for card in cards {
        let key = card.key();
        let mut outcome = Outcome::new(&card.item, Action::Unchanged);
        outcome.key = Some(key.clone());
        let unmatched = |why: String| {
            let mut o = Outcome::new(&card.item, Action::Unmatched).because(why);
            o.key = Some(key.clone());
            o
        };
        let found = match card.org.as_deref().and_then(|o| dir.customer_named(o)) {
            Some(slug) => Match::Contact(slug.to_string()),
            None => match &card.email {
                Some(e) => dir.customer_for(e),
                None => Match::None,
            },
        };
        let slug = match found {
            Match::Contact(s) | Match::Domain(s) => s,
            Match::Ambiguous(why) => {
                plan.outcomes.push(unmatched(why));
                continue;
            }
            Match::None if options.create_customers => {
                let at = card.rev.unwrap_or_else(crate::model::time::now);
                let lead = match (&card.org, &card.email) {
                    (Some(org), email) => dir.plan_company(org, email.as_deref(), at),
                    (None, Some(email)) => dir.plan_lead(email, Some(&card.name), None, None, at),
                    (None, None) => None,
                };
                let Some(mut lead) = lead else {
                    plan.outcomes.push(unmatched(
                        "no ORG and no email to make a customer from".into(),
                    ));
                    continue;
                };
                lead.contacts.clear();
                plan.customers_created.push(lead.slug.clone());
                plan.ids.push(lead.id);
                let slug = lead.slug.clone();
                work.insert(
                    slug.clone(),
                    Work {
                        stored: None,
                        customer: lead,
                        changed: true,
                    },
                );
                slug
            }
            Match::None => {
                let why = match (&card.org, &card.email) {
                    (Some(org), Some(e)) => format!(
                        "no customer named `{org}` and none has the contact `{e}` or its domain"
                    ),
                    (Some(org), None) => format!("no customer named `{org}`"),
                    (None, Some(e)) => {
                        format!("no customer has the contact `{e}` or its domain")
                    }
                    (None, None) => "the card has no ORG and no email".into(),
                };
                plan.outcomes.push(unmatched(why));
                continue;
            }
        };
        if !work.contains_key(&slug) {
            let path = layout::customer_file(&slug);
            let text = store.read_text(&path)?;
            let customer: Customer = yaml::parse(std::path::Path::new(&path), &text)?;
            work.insert(
                slug.clone(),
                Work {
                    stored: Some((path, text)),
                    customer,
                    changed: false,
                },
            );
        }
        let Some(w) = work.get_mut(&slug) else {
            continue;
        };
        outcome.customer = Some(slug.clone());
        outcome.path = Some(layout::customer_file(&slug));
        outcome.id = Some(w.customer.id);
        let (action, changed) = merge_contact(&mut w.customer.contacts, &card);
        if action != Action::Unchanged {
            w.changed = true;
        }
        outcome.action = action;
        outcome.changed = changed;
        plan.outcomes.push(outcome);
    }
    for (slug, w) in work {
        if !w.changed {
            continue;
        }
        match w.stored {
            None => {
                let planned = crate::ops::customer::planned_new_customer("", w.customer)?;
                plan.files.extend(planned.change.files);
            }
            Some((path, text)) => {
                let edit = FieldEdit::set("contacts", &w.customer.contacts);
                let (new_text, _): (String, Customer) =
                    edit_text(std::path::Path::new(&path), &text, &[edit])?;
                let differs = new_text != text;
                let op = FileOp::Update {
                    path: layout::customer_file(&slug),
                    contents: new_text,
                };
                if let Err(why) = crate::store::check_file(&op) {
                    // A value of a card the store cannot take: its customer is left as it is.
                    plan.problems.push(Problem {
                        item: path,
                        message: why.to_string(),
                        limit: None,
                    });
                } else if differs {
                    plan.ids.push(w.customer.id);
                    plan.files.push(op);
                }
            }
        }
    }
    Ok(plan)
}

/// Adds the card's contact, or updates the contact it is (same uid, else same email, else same
/// name when neither is known). Returns what happened and the fields that changed.
fn merge_contact(contacts: &mut Vec<Contact>, card: &Card) -> (Action, Vec<String>) {
    let same_uid = |c: &Contact| {
        card.uid.is_some() && c.extra.get(UID_KEY).and_then(|v| v.as_str()) == card.uid.as_deref()
    };
    let same_email = |c: &Contact| {
        card.email.is_some() && c.email.as_deref().and_then(address::normalize) == card.email
    };
    let position = contacts
        .iter()
        .position(same_uid)
        .or_else(|| contacts.iter().position(same_email))
        .or_else(|| {
            (card.uid.is_none() && card.email.is_none())
                .then(|| contacts.iter().position(|c| c.name == card.name))
                .flatten()
        });
    let Some(i) = position else {
        let mut contact = Contact {
            name: card.name.clone(),
            email: card.email.clone(),
            phone: card.phone.clone(),
            role: card.role.clone(),
            extra: Default::default(),
        };
        if let Some(uid) = &card.uid {
            contact
                .extra
                .insert(UID_KEY.into(), serde_json::Value::String(uid.clone()));
        }
        contacts.push(contact);
        return (Action::Created, Vec::new());
    };
    let c = &mut contacts[i];
    let mut changed = Vec::new();
    let mut set = |field: &str, slot: &mut Option<String>, value: &Option<String>| {
        if let Some(v) = value
            && slot.as_deref() != Some(v.as_str())
        {
            // An address that only differs in case is the same address.
            let same_address = field == "email"
                && slot.as_deref().and_then(address::normalize).as_deref() == Some(v.as_str());
            if !same_address {
                *slot = Some(v.clone());
                changed.push(field.to_string());
            }
        }
    };
    set("email", &mut c.email, &card.email);
    set("phone", &mut c.phone, &card.phone);
    set("role", &mut c.role, &card.role);
    if c.name != card.name && !card.name.is_empty() {
        c.name = card.name.clone();
        changed.push("name".into());
    }
    if let Some(uid) = &card.uid
        && c.extra.get(UID_KEY).and_then(|v| v.as_str()) != Some(uid.as_str())
    {
        c.extra
            .insert(UID_KEY.into(), serde_json::Value::String(uid.clone()));
        changed.push(UID_KEY.into());
    }
    if changed.is_empty() {
        (Action::Unchanged, changed)
    } else {
        (Action::Updated, changed)
    }
}

fn text_of(card: &VCard, prop: &VCardProperty) -> Option<String> {
    card.property(prop)
        .and_then(|e| e.values.first())
        .and_then(|v| v.as_text())
        .map(clean)
        .filter(|t| !t.is_empty())
}

fn clean(text: &str) -> String {
    let one: String = super::mail::text::clean(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    model_text::truncate(&one, 200).into_owned()
}

fn read_cards(named: &str, text: &str, plan: &mut Plan) -> Vec<Card> {
    let mut parser = Parser::new(text);
    let mut cards = Vec::new();
    let mut n = 0;
    loop {
        let entry = parser.entry();
        let card = match entry {
            Entry::VCard(card) => card,
            Entry::Eof => break,
            Entry::InvalidLine(_) => continue,
            Entry::ICalendar(_) => {
                plan.problems.push(Problem {
                    item: named.into(),
                    message: "a calendar in a vCard file (use `git crm ingest ics`)".into(),
                    limit: None,
                });
                continue;
            }
            _ => {
                plan.problems.push(Problem {
                    item: format!("{named}: card {}", n + 1),
                    message: "the vCard is malformed (BEGIN:VCARD without END:VCARD?)".into(),
                    limit: None,
                });
                continue;
            }
        };
        n += 1;
        let email = card
            .properties(&VCardProperty::Email)
            .filter_map(|e| e.values.first()?.as_text())
            .find_map(address::normalize);
        let name = text_of(&card, &VCardProperty::Fn)
            .or_else(|| {
                let n = card.property(&VCardProperty::N)?;
                let parts: Vec<&str> = n
                    .values
                    .iter()
                    .filter_map(|v| v.as_text())
                    .filter(|p| !p.is_empty())
                    .collect();
                let mut parts: Vec<&str> = parts.into_iter().take(2).collect();
                parts.reverse();
                Some(clean(&parts.join(" "))).filter(|p| !p.is_empty())
            })
            .or_else(|| {
                email
                    .as_deref()
                    .and_then(|e| e.split('@').next())
                    .map(str::to_string)
            });
        let item = format!(
            "{named}: card {n}{}",
            name.as_deref()
                .map(|n| format!(" ({})", model_text::escape(n)))
                .unwrap_or_default()
        );
        let Some(name) = name else {
            plan.problems.push(Problem {
                item,
                message: "the card has no name (FN or N) and no email".into(),
                limit: None,
            });
            continue;
        };
        let uid = text_of(&card, &VCardProperty::Uid);
        let org = text_of(&card, &VCardProperty::Org);
        if uid.is_none() && email.is_none() && org.is_none() {
            plan.problems.push(Problem {
                item,
                message: "the card has no UID, no email and no ORG: nothing identifies it".into(),
                limit: None,
            });
            continue;
        }
        let rev = card
            .property(&VCardProperty::Rev)
            .and_then(|e| e.values.first())
            .and_then(|v| match v {
                calcard::vcard::VCardValue::PartialDateTime(p) => p.to_rfc3339(),
                other => other.as_text().map(str::to_string),
            })
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok());
        cards.push(Card {
            item,
            uid,
            name,
            email,
            phone: text_of(&card, &VCardProperty::Tel)
                .map(|t| model_text::truncate(t.trim_start_matches("tel:"), 64).into_owned()),
            role: text_of(&card, &VCardProperty::Title)
                .or_else(|| text_of(&card, &VCardProperty::Role)),
            org,
            rev,
        });
    }
    cards
}

/// The contacts of `customers` as vCard 4.0 text: FN, EMAIL, TEL, TITLE (the role), ORG (the
/// customer's name) and the contact's UID when it has one, so `ingest vcf` of the output
/// finds every contact again and changes nothing.
pub fn to_vcards(customers: &[Customer]) -> String {
    let mut out = String::new();
    for customer in customers {
        for contact in &customer.contacts {
            let mut card = VCard::default();
            let mut push = |prop: VCardProperty, value: &str| {
                card.entries
                    .push(VCardEntry::new(prop).with_value(value.to_string()));
            };
            if let Some(uid) = contact.extra.get(UID_KEY).and_then(|v| v.as_str()) {
                push(VCardProperty::Uid, uid);
            }
            push(VCardProperty::Fn, &contact.name);
            if let Some(email) = &contact.email {
                push(VCardProperty::Email, email);
            }
            if let Some(phone) = &contact.phone {
                push(VCardProperty::Tel, phone);
            }
            if let Some(role) = &contact.role {
                push(VCardProperty::Title, role);
            }
            push(VCardProperty::Org, &customer.name);
            let _ = card.write_to(&mut out, VCardVersion::V4_0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_read() {
        let mut plan = Plan::new(Kind::Vcf, vec![]);
        let cards = read_cards(
            "c.vcf",
            "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:1\r\nFN:Jane Doe\r\nEMAIL;TYPE=work:Jane@Acme.example\r\nTEL:+33 1 23\r\nTITLE:CTO\r\nORG:Acme Corp\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Sam;;;\r\nEMAIL:sam@gmail.com\r\nEND:VCARD\r\n",
            &mut plan,
        );
        assert!(plan.problems.is_empty(), "{:?}", plan.problems);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].email.as_deref(), Some("jane@acme.example"));
        assert_eq!(cards[0].org.as_deref(), Some("Acme Corp"));
        assert_eq!(cards[0].role.as_deref(), Some("CTO"));
        assert_eq!(cards[1].name, "Sam Lee");
        assert_eq!(cards[1].key(), "sam@gmail.com");
    }

    #[test]
    fn contacts_merge_without_losing_values() {
        let mut contacts = vec![Contact {
            name: "Jane".into(),
            email: Some("jane@acme.example".into()),
            phone: Some("1".into()),
            role: None,
            extra: Default::default(),
        }];
        let card = Card {
            item: "x".into(),
            uid: Some("u1".into()),
            name: "Jane Doe".into(),
            email: Some("jane@acme.example".into()),
            phone: None,
            role: Some("CTO".into()),
            org: None,
            rev: None,
        };
        let (action, changed) = merge_contact(&mut contacts, &card);
        assert_eq!(action, Action::Updated);
        assert_eq!(changed, vec!["role", "name", "uid"]);
        assert_eq!(contacts[0].phone.as_deref(), Some("1"));
        assert_eq!(merge_contact(&mut contacts, &card).0, Action::Unchanged);
    }
}
