//! Metric targets from `targets:` in `.gitcrm/config.yaml`. A target is a duration; whether a
//! measurement met it is derived from times each run, never stored.

use std::collections::BTreeMap;

use crate::model::Config;
use crate::model::time::parse_duration;

/// Target keys the metrics read, with what they apply to.
pub const KNOWN: [(&str, &str); 2] = [
    ("first_response", "first response time (frt)"),
    ("handoff", "handoff time (handoff)"),
];

/// Targets in seconds (business seconds where the calendar applies).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Targets {
    pub first_response: Option<i64>,
    pub handoff: Option<i64>,
    /// The known targets as written, for the report's parameters.
    pub texts: BTreeMap<String, String>,
}

impl Targets {
    /// Reads the known targets; a value that is not a duration is an error naming the key.
    /// Keys the metrics do not know are left alone (other tools may read them).
    pub fn from_config(config: &Config) -> crate::Result<Self> {
        let mut targets = Targets::default();
        for (key, _) in KNOWN {
            let Some(text) = config.targets.get(key) else {
                continue;
            };
            let seconds = parse_duration(text)
                .map_err(|e| {
                    crate::Error::invalid(format!(".gitcrm/config.yaml: targets.{key}: {e}"))
                })?
                .num_seconds();
            match key {
                "first_response" => targets.first_response = Some(seconds),
                _ => targets.handoff = Some(seconds),
            }
            targets.texts.insert(key.to_string(), text.clone());
        }
        Ok(targets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_rejects() {
        let mut config = Config::default();
        config.targets.insert("first_response".into(), "4h".into());
        config.targets.insert("mood".into(), "sunny".into());
        let t = Targets::from_config(&config).unwrap();
        assert_eq!(t.first_response, Some(4 * 3600));
        assert_eq!(t.handoff, None);
        config.targets.insert("handoff".into(), "soon".into());
        let err = Targets::from_config(&config).unwrap_err().to_string();
        assert!(
            err.starts_with(".gitcrm/config.yaml: targets.handoff: cannot read `soon`"),
            "{err}"
        );
    }
}
