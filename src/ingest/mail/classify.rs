//! Which way a message went, who it is by, and whose customer it is, from its addresses alone.
//!
//! - From a person or a team address of the store: **outbound**, or **internal** when every
//!   recipient is the store's too. From anyone else to a person or team address: **inbound**.
//!   A message without any address of the store is skipped.
//! - `by`: the person's handle; for mail from a team address, the person whose full name is the
//!   display name (`Alice Martin via Support`, `Alice Martin`) or whose address is the
//!   `Sender:`, else the team; the sender's address for inbound mail.
//! - The customer: inbound by the sender, outbound by the first recipient that belongs to one
//!   (To, then Cc) — a contact's exact address first, then a customer's `domains`; then the
//!   original sender of a forward. The planner tries the message's thread after that.

use super::parse::{Mailbox, Parsed};
use crate::ingest::directory::{Directory, Match, Ours};
use crate::model::records::{Actor, Direction};

/// What the addresses say about a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    pub direction: Direction,
    pub by: String,
    pub actor: Actor,
    /// The customer, when the addresses name one.
    pub customer: Option<String>,
    /// Why no customer was found (shown when the thread does not find one either).
    pub unmatched: Option<String>,
    /// The outside party a `lead` customer would be made from (`--create-customers`).
    pub party: Option<Mailbox>,
    /// The person of the store on the message (for a new lead's owner), or the team.
    pub owner: Option<String>,
    pub team: Option<String>,
}

/// Classifies a message, or says why it is not for the store.
pub fn classify(dir: &Directory, m: &Parsed) -> Result<Classified, String> {
    let Some(from) = &m.from else {
        return Err("no From address".into());
    };
    let recipients: Vec<&str> =
        m.to.iter()
            .chain(&m.cc)
            .map(|r| r.address.as_str())
            .chain(m.delivered_to.iter().map(String::as_str))
            .collect();
    let sender_ours = dir.ours(&from.address);
    let any_recipient_ours = recipients.iter().any(|r| dir.ours(r).is_some());
    let outside: Vec<&Mailbox> =
        m.to.iter()
            .chain(&m.cc)
            .filter(|r| dir.ours(&r.address).is_none())
            .collect();
    let direction = match (sender_ours, any_recipient_ours) {
        (Some(_), _) if outside.is_empty() => Direction::Internal,
        (Some(_), _) => Direction::Outbound,
        (None, true) => Direction::Inbound,
        (None, false) => {
            return Err(
                "no address of the store in From, To, Cc or the delivery headers (add the mailbox to a person's or a team's `emails`)"
                    .into(),
            );
        }
    };
    let (by, owner, team) = match sender_ours {
        Some(Ours::Person(handle)) => (handle.clone(), Some(handle.clone()), None),
        Some(Ours::Team(team)) => {
            let person = from
                .name
                .as_deref()
                .and_then(|n| person_in_display_name(dir, n))
                .or_else(|| {
                    m.sender.as_ref().and_then(|s| match dir.ours(&s.address) {
                        Some(Ours::Person(h)) => Some(h.clone()),
                        _ => None,
                    })
                });
            match person {
                Some(p) => (p.clone(), Some(p), Some(team.clone())),
                None => (team.clone(), None, Some(team.clone())),
            }
        }
        None => {
            let (owner, team) = recipients
                .iter()
                .find_map(|r| match dir.ours(r) {
                    Some(Ours::Person(h)) => Some((Some(h.clone()), None)),
                    _ => None,
                })
                .or_else(|| {
                    recipients.iter().find_map(|r| match dir.ours(r) {
                        Some(Ours::Team(t)) => Some((None, Some(t.clone()))),
                        _ => None,
                    })
                })
                .unwrap_or((None, None));
            (from.address.clone(), owner, team)
        }
    };
    let automated = m.automated.is_some() || (m.list_precedence && !own_list(dir, m));
    let actor = if automated {
        Actor::Automation
    } else {
        Actor::Human
    };
    let candidates: Vec<&Mailbox> = match direction {
        Direction::Inbound => vec![from],
        Direction::Outbound => outside.clone(),
        Direction::Internal => Vec::new(),
    };
    let mut customer = None;
    let mut unmatched = None;
    let mut party = None;
    for c in candidates.iter().copied().chain(
        m.forwarded_from
            .iter()
            .filter(|f| dir.ours(&f.address).is_none()),
    ) {
        match dir.customer_for(&c.address) {
            Match::Contact(s) | Match::Domain(s) => {
                customer = Some(s);
                break;
            }
            Match::Ambiguous(why) => {
                unmatched.get_or_insert(why);
            }
            Match::None => {
                party.get_or_insert_with(|| c.clone());
            }
        }
    }
    if customer.is_none() && unmatched.is_none() {
        unmatched = Some(match (&party, direction) {
            (Some(p), _) => format!(
                "no customer has the contact `{}` or the domain `{}`",
                p.address,
                crate::model::address::domain_of(&p.address).unwrap_or("")
            ),
            (None, Direction::Internal) => {
                "internal mail that names no customer and replies to no ingested message".into()
            }
            (None, _) => "no outside address to find a customer by".into(),
        });
    }
    if customer.is_some() {
        party = None;
    }
    Ok(Classified {
        direction,
        by,
        actor,
        customer,
        unmatched,
        party,
        owner,
        team,
    })
}

/// The person named by a display name such as `Alice Martin`, `Alice Martin via Support` or
/// `Alice Martin (Support)`.
fn person_in_display_name(dir: &Directory, name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let head = lower
        .split(" via ")
        .next()
        .unwrap_or(&lower)
        .split(['(', '|', '['])
        .next()
        .unwrap_or(&lower)
        .trim()
        .to_string();
    dir.person_named(&head).map(str::to_string)
}

/// Whether a `Precedence: list` message comes through one of the store's own addresses (a
/// shared mailbox run as a group list), where every human message carries that header.
fn own_list(dir: &Directory, m: &Parsed) -> bool {
    let ours_in_list = |list: &str| {
        let list = list.trim_matches(|c| c == '<' || c == '>');
        m.to.iter()
            .chain(&m.cc)
            .map(|r| r.address.as_str())
            .chain(m.delivered_to.iter().map(String::as_str))
            .filter(|a| dir.ours(a).is_some())
            .any(|a| list.contains(a) || list.contains(&a.replacen('@', ".", 1)))
    };
    m.lists.iter().any(|l| ours_in_list(l))
}
