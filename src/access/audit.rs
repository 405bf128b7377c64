//! Who can read a sealed value against who should: the rule `check restricted` reports and
//! `team rekey` repairs. It needs no key: the recipients are stored in clear as fingerprints.

use std::collections::BTreeSet;

use super::keys::person_keys;
use crate::model::config::Config;
use crate::model::restricted::Sealed;

/// How a sealed value's recipients differ from the team's current members (and its author).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audit {
    /// Current members with a key who cannot open it (they joined, or added a key, since).
    pub unreadable_by: Vec<String>,
    /// Recipients who are neither a current member nor the author, as `handle` (or the key's
    /// fingerprint when the handle is unknown): they left, or the key was withdrawn.
    pub still_readable_by: Vec<String>,
}

impl Audit {
    /// Whether the recipients are exactly who should read it.
    pub fn is_clean(&self) -> bool {
        self.unreadable_by.is_empty() && self.still_readable_by.is_empty()
    }
}

/// Compares the recipients of `sealed` (written by `author`) with the current config.
pub fn audit(config: &Config, sealed: &Sealed, author: &str) -> Audit {
    let recipients: BTreeSet<&str> = sealed.recipient_pairs().iter().map(|(_, fp)| *fp).collect();
    let mut allowed: BTreeSet<String> = BTreeSet::new();
    let mut out = Audit::default();
    for member in config.members(&sealed.team) {
        let keys: Vec<String> = person_keys(config, member)
            .iter()
            .map(|k| k.fingerprint())
            .collect();
        if !keys.is_empty() && !keys.iter().any(|k| recipients.contains(k.as_str())) {
            out.unreadable_by.push(member.to_string());
        }
        allowed.extend(keys);
    }
    allowed.extend(person_keys(config, author).iter().map(|k| k.fingerprint()));
    for (handle, fp) in sealed.recipient_pairs() {
        if !allowed.contains(fp) {
            let who = if handle.is_empty() {
                format!("key {fp}")
            } else {
                handle.to_string()
            };
            if !out.still_readable_by.contains(&who) {
                out.still_readable_by.push(who);
            }
        }
    }
    out
}

/// Members of `team` without a registered key: nothing restricted to the team can be sealed to
/// them until they add one.
pub fn keyless_members<'a>(config: &'a Config, team: &str) -> Vec<&'a str> {
    config
        .members(team)
        .into_iter()
        .filter(|m| person_keys(config, m).is_empty())
        .collect()
}
