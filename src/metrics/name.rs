//! [`Name`]: the short texts that metric facts repeat (a customer's slug, a team, an owner, a
//! channel, a calendar), shared instead of copied.
//!
//! A store's facts hold one thread, arrival, reply, touch and lag fact per touchpoint, and each
//! names the customer, team, owner and channel it belongs to: as `String`s that is four
//! allocations per fact, most of a report's memory on a large store, for a few thousand
//! distinct values. A `Name` is a reference-counted string; facts made from one customer share
//! its values, and names read back from the cache are interned per thread, so equal names
//! share one copy there too.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A shared, immutable short text. Compares, hashes, orders, prints and serialises as its
/// `str`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

/// Interned names kept per thread at most (a store has far fewer distinct ones; past this,
/// names are still correct, only no longer shared).
const INTERN_LIMIT: usize = 1 << 16;

/// This thread's names, and the one found last: facts read back from the cache repeat the same
/// customer, team and owner fact after fact, so most lookups end there, without hashing. The
/// set hashes with FxHash: names come from the store's own cache, and a hash flood could only
/// make reading slower, which the limit above bounds too.
#[derive(Default)]
struct Interned {
    set: rustc_hash::FxHashSet<Arc<str>>,
    last: Option<Arc<str>>,
}

thread_local! {
    static INTERNED: std::cell::RefCell<Interned> = std::cell::RefCell::default();
}

impl Name {
    /// The name `text`, sharing this thread's copy of it when there is one.
    pub fn interned(text: &str) -> Name {
        INTERNED.with(|interned| {
            let mut interned = interned.borrow_mut();
            if let Some(last) = &interned.last
                && **last == *text
            {
                return Name(last.clone());
            }
            let name = match interned.set.get(text) {
                Some(found) => found.clone(),
                None => {
                    let name: Arc<str> = Arc::from(text);
                    if interned.set.len() < INTERN_LIMIT {
                        interned.set.insert(name.clone());
                    }
                    name
                }
            };
            interned.last = Some(name.clone());
            Name(name)
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name::interned(text)
    }
}

impl From<&String> for Name {
    fn from(text: &String) -> Name {
        Name::interned(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name::interned(&text)
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0.to_string()
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Name;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Name, E> {
                Ok(Name::interned(v))
            }
        }
        d.deserialize_str(Visit)
    }
}

/// An optional name as an owned string, for reports (which own their texts).
pub fn text(name: &Option<Name>) -> Option<String> {
    name.as_deref().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_share_one_copy_and_read_back_as_strings() {
        let a = Name::from("north-team");
        let b: Name = serde_json::from_str("\"north-team\"").unwrap();
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"north-team\"");
        assert_eq!(a, "north-team");
        assert_eq!(format!("{a} {a:?}"), "north-team \"north-team\"");
    }

    #[test]
    fn names_found_last_and_found_in_the_set_are_the_same_copy() {
        let a = Name::from("alpha-co");
        let b = Name::from("beta-co");
        let again = [
            Name::from("alpha-co"),
            Name::from("alpha-co"),
            Name::from("beta-co"),
        ];
        assert!(Arc::ptr_eq(&a.0, &again[0].0));
        assert!(Arc::ptr_eq(&a.0, &again[1].0));
        assert!(Arc::ptr_eq(&b.0, &again[2].0));
        assert_eq!(Name::from("alpha"), "alpha");
        assert_eq!(Name::from("alpha-co-2"), "alpha-co-2");
    }
}
