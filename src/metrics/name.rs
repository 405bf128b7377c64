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

/// How names are written and read on this thread: as strings, or inside a [`write_tabled`]
/// or [`read_tabled`] scope as numbers into a table of the names written there.
///
/// A customer's cached facts repeat a dozen distinct names (the customer, its teams, owners,
/// channels and calendars) in every fact. Read back as strings, each is checked as UTF-8,
/// hashed, compared and shared through the interner: half of what decoding a warm run's
/// facts costs. As numbers, a name read back is the table's copy, shared with one count.
enum Tabled {
    Writing {
        /// By the address of the shared text: the facts of one customer share their names'
        /// copies, so equal names are nearly always the same copy (a second copy of a text
        /// only adds an entry to the table).
        numbers: rustc_hash::FxHashMap<usize, u32>,
        names: Vec<Name>,
    },
    Reading(Vec<Name>),
}

thread_local! {
    static TABLED: std::cell::RefCell<Option<Tabled>> = const { std::cell::RefCell::new(None) };
}

/// Puts back what a scope replaced when it ends, also by a panic.
struct Restore(Option<Tabled>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        TABLED.with(|t| *t.borrow_mut() = previous);
    }
}

fn enter(tabled: Tabled) -> Restore {
    Restore(TABLED.with(|t| t.borrow_mut().replace(tabled)))
}

/// Runs `write`, in which every [`Name`] serialised on this thread is written as its number
/// in the table returned beside `write`'s result (in the order first written). What is
/// written so is read back only by [`read_tabled`] with that table.
pub fn write_tabled<R>(write: impl FnOnce() -> R) -> (R, Vec<Name>) {
    let restore = enter(Tabled::Writing {
        numbers: rustc_hash::FxHashMap::default(),
        names: Vec::new(),
    });
    let written = write();
    let table = TABLED.with(|t| match t.borrow_mut().take() {
        Some(Tabled::Writing { names, .. }) => names,
        _ => Vec::new(),
    });
    drop(restore);
    (written, table)
}

/// Runs `read`, in which every [`Name`] deserialised on this thread is read as a number into
/// `table` (what [`write_tabled`] wrote); a number past its end is a decoding error.
pub fn read_tabled<R>(table: Vec<Name>, read: impl FnOnce() -> R) -> R {
    let _restore = enter(Tabled::Reading(table));
    read()
}

/// This name's number in the table being written, if one is.
fn number_of(name: &Name) -> Option<u32> {
    TABLED.with(|t| match &mut *t.borrow_mut() {
        Some(Tabled::Writing { numbers, names }) => {
            let next = u32::try_from(names.len()).unwrap_or(u32::MAX);
            let number = *numbers
                .entry(Arc::as_ptr(&name.0) as *const u8 as usize)
                .or_insert(next);
            if number == next {
                names.push(name.clone());
            }
            Some(number)
        }
        _ => None,
    })
}

/// Whether names are read as numbers on this thread.
fn reading_tabled() -> bool {
    TABLED.with(|t| matches!(&*t.borrow(), Some(Tabled::Reading(_))))
}

fn tabled_name(number: u32) -> Option<Name> {
    TABLED.with(|t| match &*t.borrow() {
        Some(Tabled::Reading(names)) => names.get(number as usize).cloned(),
        _ => None,
    })
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match number_of(self) {
            Some(number) => s.serialize_u32(number),
            None => s.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        if reading_tabled() {
            let number = u32::deserialize(d)?;
            return tabled_name(number).ok_or_else(|| {
                serde::de::Error::custom(format_args!("name number {number} is not in the table"))
            });
        }
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
    fn tabled_names_are_written_as_numbers_and_read_back_as_the_tables_copies() {
        let names = vec![Name::from("acme"), Name::from("email"), Name::from("acme")];
        let (bytes, table) = write_tabled(|| postcard::to_allocvec(&names).unwrap());
        assert_eq!(table, [Name::from("acme"), Name::from("email")]);
        // Three one-byte numbers after the length, no texts.
        assert_eq!(bytes, [3, 0, 1, 0]);
        let back: Vec<Name> = read_tabled(table.clone(), || postcard::from_bytes(&bytes).unwrap());
        assert_eq!(back, names);
        assert!(Arc::ptr_eq(&back[0].0, &table[0].0));
        assert!(Arc::ptr_eq(&back[2].0, &table[0].0));
        // A number past the table is an error, not a panic; outside a scope, texts again.
        let short = vec![Name::from("acme")];
        assert!(read_tabled(short, || postcard::from_bytes::<Vec<Name>>(&bytes)).is_err());
        let plain = postcard::to_allocvec(&names).unwrap();
        assert_eq!(postcard::from_bytes::<Vec<Name>>(&plain).unwrap(), names);
    }

    #[test]
    fn a_scope_ends_with_its_closure_even_by_a_panic() {
        let caught = std::panic::catch_unwind(|| {
            write_tabled(|| -> () { panic!("inside") });
        });
        assert!(caught.is_err());
        assert!(!reading_tabled());
        assert_eq!(number_of(&Name::from("acme")), None);
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
