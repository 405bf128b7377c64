//! Team queues: who answers a customer when nobody owns it, or its owner is away. Such a
//! customer's inbound threads reach its team (`inbox --team <team>`, and a section of each
//! member's inbox), and logging or importing an inbound touchpoint on it warns, so that
//! nothing the customer writes goes unseen.

use chrono::NaiveDate;
use serde::Serialize;

use super::config::Config;
use super::records::Customer;

/// Why nobody in particular answers a customer on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Unwatched {
    /// The customer's team, whose queue its threads go to (`None`: no team either).
    pub team: Option<String>,
    /// The owner who cannot answer (away, or not a person of the store); `None` when the
    /// customer has no owner.
    pub owner: Option<String>,
    /// The last day the owner is away.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub away_until: Option<NaiveDate>,
}

/// Whether `customer` has nobody to answer it on `day`: no owner, an owner who is not a person
/// of the store, or an owner who is away. Archived customers are nobody's concern.
pub fn unwatched(config: &Config, customer: &Customer, day: NaiveDate) -> Option<Unwatched> {
    if customer.archived.is_some() {
        return None;
    }
    let team = customer.team.clone();
    match customer.owner.as_deref() {
        None => Some(Unwatched {
            team,
            owner: None,
            away_until: None,
        }),
        Some(owner) => match config.person(owner) {
            None => Some(Unwatched {
                team,
                owner: Some(owner.to_string()),
                away_until: None,
            }),
            Some(person) => person.away_on(day).map(|away| Unwatched {
                team,
                owner: Some(owner.to_string()),
                away_until: Some(away.until),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::{Away, Person};

    #[test]
    fn no_owner_unknown_owner_and_away() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut config = Config::default();
        config.people.insert(
            "bob".into(),
            Person {
                name: "Bob".into(),
                away: Some(Away {
                    from: Some(day("2026-11-20")),
                    until: day("2026-11-30"),
                }),
                ..Person::default()
            },
        );
        let mut c: Customer = serde_json::from_value(serde_json::json!({
            "id": "01a207f9-8210-7de6-a5b6-7bdca192db4c", "name": "Acme", "slug": "acme",
            "team": "support", "created": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        assert_eq!(
            unwatched(&config, &c, day("2026-11-23")).unwrap().owner,
            None
        );
        c.owner = Some("bob".into());
        let away = unwatched(&config, &c, day("2026-11-23")).unwrap();
        assert_eq!(away.away_until, Some(day("2026-11-30")));
        assert_eq!(away.team.as_deref(), Some("support"));
        assert!(unwatched(&config, &c, day("2026-12-01")).is_none());
        assert!(unwatched(&config, &c, day("2026-11-19")).is_none());
        c.owner = Some("zed".into());
        assert!(unwatched(&config, &c, day("2026-12-01")).is_some());
    }
}
