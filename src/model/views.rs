//! Views: what a role sees first and which tagged records it does not see. A view is configured
//! per role under `views:` in `.gitcrm/config.yaml`; `timeline`, `customer show` and `inbox`
//! apply the view of the acting person's role unless told otherwise (`--view`).
//!
//! A view is *surfacing*, not security: the records it leaves out are still in the repository,
//! and whoever has a clone can read them with `--view all`, `git show` or a text editor.

use serde::Serialize;

use super::config::Config;
use super::records::{Extra, RecordKind};
use crate::error::{Error, Result};

/// The word that asks for no view at all (everything, in the default order).
pub const ALL: &str = "all";

/// The view a command applies, resolved from `--view`, the acting person's role and the config.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ActiveView {
    /// The role whose view this is; `None` when everything is shown.
    pub name: Option<String>,
    /// Record kinds this view lists first, in order.
    pub first: Vec<RecordKind>,
    /// Records with any of these tags are left out.
    pub hide_tags: Vec<String>,
}

/// The record kind a word of `views.<role>.first` names: the folder name (`interactions`,
/// `notes`, `handoffs`, `tasks`), its singular, or `touchpoints`.
pub fn kind_from_word(word: &str) -> Option<RecordKind> {
    let word = word.trim().to_ascii_lowercase();
    let singular = word.strip_suffix('s').unwrap_or(&word);
    match singular {
        "interaction" | "touchpoint" => Some(RecordKind::Interaction),
        "note" => Some(RecordKind::Note),
        "handoff" => Some(RecordKind::Handoff),
        "task" => Some(RecordKind::Task),
        _ => None,
    }
}

/// Whether some person of the store has `role`.
fn is_role(config: &Config, role: &str) -> bool {
    config
        .people
        .values()
        .any(|p| p.role.as_deref() == Some(role))
}

impl ActiveView {
    /// No view: everything shown, default order.
    pub fn everything() -> Self {
        ActiveView::default()
    }

    /// The view configured for `role`, if the config has one.
    pub fn of_role(config: &Config, role: &str) -> Option<Self> {
        let view = config.views.get(role)?;
        let mut first = Vec::new();
        for kind in view.first.iter().filter_map(|w| kind_from_word(w)) {
            if !first.contains(&kind) {
                first.push(kind);
            }
        }
        Some(ActiveView {
            name: Some(role.to_string()),
            first,
            hide_tags: view.hide_tags.clone(),
        })
    }

    /// Resolves the view to apply. `requested` is `--view` (`all`/`none` for everything, else a
    /// role with a view in the config, or a role of some person, which then sees everything;
    /// anything else is a usage error); without it, the view of `actor`'s role, if the actor is
    /// known, has a role, and that role has a view; otherwise everything.
    pub fn resolve(config: &Config, requested: Option<&str>, actor: Option<&str>) -> Result<Self> {
        match requested {
            Some(name) if name == ALL || name == "none" => Ok(Self::everything()),
            Some(name) if !config.views.contains_key(name) && is_role(config, name) => {
                // A role without a view sees everything.
                Ok(ActiveView {
                    name: Some(name.to_string()),
                    ..Self::everything()
                })
            }
            Some(name) => Self::of_role(config, name).ok_or_else(|| {
                let known: Vec<&str> = config.views.keys().map(String::as_str).collect();
                let hint = if known.is_empty() {
                    "the store defines no views (`views:` in .gitcrm/config.yaml)".to_string()
                } else {
                    format!(
                        "views in .gitcrm/config.yaml: {}, or `all`",
                        known.join(", ")
                    )
                };
                Error::usage(
                    format!("no view `{}`", super::text::escape(name)),
                    Some(hint),
                )
            }),
            None => Ok(actor
                .and_then(|a| config.person(a))
                .and_then(|p| p.role.as_deref())
                .and_then(|role| Self::of_role(config, role))
                .unwrap_or_default()),
        }
    }

    /// Whether a record with `tags` is left out by this view.
    pub fn hides(&self, tags: &[String]) -> bool {
        !self.hide_tags.is_empty() && tags.iter().any(|t| self.hide_tags.contains(t))
    }

    /// Whether a record whose tags live among its unknown keys (tasks, handoffs: a `tags:` list
    /// added by hand or by a script) is left out.
    pub fn hides_extra(&self, extra: &Extra) -> bool {
        if self.hide_tags.is_empty() {
            return false;
        }
        extra
            .get("tags")
            .and_then(|v| v.as_array())
            .is_some_and(|tags| {
                tags.iter()
                    .filter_map(|t| t.as_str())
                    .any(|t| self.hide_tags.iter().any(|h| h == t))
            })
    }

    /// `kinds` reordered so that the kinds this view lists first come first (in the view's
    /// order), the others after them in their original order.
    pub fn order(&self, kinds: &[RecordKind]) -> Vec<RecordKind> {
        let mut out: Vec<RecordKind> = self
            .first
            .iter()
            .copied()
            .filter(|k| kinds.contains(k))
            .collect();
        let rest: Vec<RecordKind> = kinds.iter().copied().filter(|k| !out.contains(k)).collect();
        out.extend(rest);
        out
    }

    /// The sentence that tells people records were left out (`3 entries hidden by view
    /// support`), or `None` when nothing was.
    /// `one` and `many` are the noun in the singular and the plural.
    pub fn hidden_note(&self, hidden: usize, one: &str, many: &str) -> Option<String> {
        let name = self.name.as_deref()?;
        (hidden > 0).then(|| {
            let what = if hidden == 1 { one } else { many };
            format!(
                "{hidden} {what} hidden by view {}",
                super::text::escape(name)
            )
        })
    }

    /// The `view` object of JSON documents: `{"name": "support", "hide_tags": [...], "hidden": 3}`
    /// or `null` when everything is shown.
    pub fn json(&self, hidden: usize) -> serde_json::Value {
        match &self.name {
            None => serde_json::Value::Null,
            Some(name) => serde_json::json!({
                "name": name,
                "first": self.first.iter().map(|k| k.dir_name()).collect::<Vec<_>>(),
                "hide_tags": self.hide_tags,
                "hidden": hidden,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::{Person, View};

    fn config() -> Config {
        let mut c = Config::default();
        c.views.insert(
            "support".into(),
            View {
                first: vec!["tasks".into(), "bogus".into(), "touchpoints".into()],
                hide_tags: vec!["billing".into()],
                extra: Default::default(),
            },
        );
        c.people.insert(
            "sam".into(),
            Person {
                name: "Sam".into(),
                role: Some("support".into()),
                ..Default::default()
            },
        );
        c.people.insert(
            "fred".into(),
            Person {
                name: "Fred".into(),
                role: Some("finance".into()),
                ..Default::default()
            },
        );
        c
    }

    #[test]
    fn default_is_the_actors_role() {
        let c = config();
        let v = ActiveView::resolve(&c, None, Some("sam")).unwrap();
        assert_eq!(v.name.as_deref(), Some("support"));
        assert_eq!(v.first, vec![RecordKind::Task, RecordKind::Interaction]);
        assert!(v.hides(&["billing".into()]));
        assert!(!v.hides(&["vip".into()]));
        // A role without a view, or no actor: everything.
        assert_eq!(
            ActiveView::resolve(&c, None, Some("fred")).unwrap(),
            ActiveView::everything()
        );
        assert_eq!(
            ActiveView::resolve(&c, None, None).unwrap(),
            ActiveView::everything()
        );
    }

    #[test]
    fn explicit_views() {
        let c = config();
        assert_eq!(
            ActiveView::resolve(&c, Some("all"), Some("sam")).unwrap(),
            ActiveView::everything()
        );
        // finance is Fred's role but has no view: everything.
        let finance = ActiveView::resolve(&c, Some("finance"), None).unwrap();
        assert_eq!(finance.name.as_deref(), Some("finance"));
        assert!(finance.hide_tags.is_empty());
        let err = ActiveView::resolve(&c, Some("sales"), None).unwrap_err();
        assert!(err.is_usage());
        assert!(err.hint().unwrap().contains("support"));
    }

    #[test]
    fn ordering_and_notes() {
        let v = ActiveView::resolve(&config(), Some("support"), None).unwrap();
        assert_eq!(
            v.order(&RecordKind::ALL),
            vec![
                RecordKind::Task,
                RecordKind::Interaction,
                RecordKind::Note,
                RecordKind::Handoff,
                RecordKind::Correction,
                RecordKind::Document
            ]
        );
        assert_eq!(
            v.hidden_note(1, "entry", "entries").as_deref(),
            Some("1 entry hidden by view support")
        );
        assert_eq!(
            v.hidden_note(3, "entry", "entries").as_deref(),
            Some("3 entries hidden by view support")
        );
        assert_eq!(v.hidden_note(0, "entry", "entries"), None);
        assert_eq!(
            ActiveView::everything().hidden_note(3, "entry", "entries"),
            None
        );
        let extra: Extra = [("tags".to_string(), serde_json::json!(["billing"]))].into();
        assert!(v.hides_extra(&extra));
    }

    proptest::proptest! {
        /// `order` is a permutation of its input that starts with the view's kinds, in order.
        #[test]
        fn order_is_a_permutation(first in proptest::sample::subsequence(RecordKind::ALL.to_vec(), 0..=4), shuffle in proptest::bool::ANY) {
            let mut first = first;
            if shuffle { first.reverse(); }
            let view = ActiveView { name: Some("r".into()), first: first.clone(), hide_tags: vec![] };
            let kinds = [RecordKind::Task, RecordKind::Note, RecordKind::Interaction];
            let ordered = view.order(&kinds);
            let mut sorted = ordered.clone();
            sorted.sort();
            let mut expected = kinds.to_vec();
            expected.sort();
            proptest::prop_assert_eq!(sorted, expected);
            let leading: Vec<RecordKind> = first.into_iter().filter(|k| kinds.contains(k)).collect();
            proptest::prop_assert_eq!(&ordered[..leading.len()], &leading[..]);
        }
    }
}
