//! The one place restricted content is opened for reading. The load layer passes every bundle
//! it returns through [`reveal_bundle`]; timelines, cards, exports and JSON then read ordinary
//! fields: the opened text where the local identity can read it, the placeholder ("restricted
//! note for finance") where it cannot, and `restricted: {team, readable}` in place of the
//! ciphertext. A record in that state is a read model: the write path refuses it
//! (`restricted::has_shown_value`), the parse cache is filled before this runs, and no commit
//! message is built from it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::identity::Keyring;
use crate::model::records::{Customer, Extra, RecordKind};
use crate::model::restricted::{self, Sealed, Shown, State};
use crate::store::CustomerBundle;

/// Which keys to open with: the local user's (found on first need) or given ones.
#[derive(Clone, Copy)]
pub enum Keys<'a> {
    /// The local identities ([`Keyring::local`]), looked up only if something is restricted.
    Local,
    /// These identities (an empty keyring shows every restricted value as a placeholder).
    Given(&'a Keyring),
}

impl Keys<'_> {
    fn get(&self) -> &Keyring {
        match self {
            Keys::Local => Keyring::local(),
            Keys::Given(ring) => ring,
        }
    }
}

/// Opens what `keys` can of every restricted value in `bundle`, in place.
pub fn reveal_bundle(bundle: &mut CustomerBundle, keys: Keys) {
    reveal_customer(&mut bundle.customer, keys);
    for l in &mut bundle.interactions {
        reveal_record(&mut l.record, RecordKind::Interaction, |r| &r.extra, keys);
    }
    for l in &mut bundle.notes {
        reveal_record(&mut l.record, RecordKind::Note, |r| &r.extra, keys);
    }
    for l in &mut bundle.documents {
        reveal_record(&mut l.record, RecordKind::Document, |r| &r.extra, keys);
    }
}

/// Opens the restricted content of one record of `kind`, in place: its sealed keys take the
/// opened values (only the keys [`restricted::sealed_keys`] allows), or its primary key the
/// placeholder.
pub fn reveal_record<T: Serialize + DeserializeOwned>(
    record: &mut T,
    kind: RecordKind,
    extra: impl Fn(&T) -> &Extra,
    keys: Keys,
) {
    let Some(State::Sealed(sealed)) = restricted::of(extra(record)) else {
        return;
    };
    let opened = keys.get().open(&sealed);
    let Ok(Value::Object(mut map)) = serde_json::to_value(&*record) else {
        return;
    };
    let readable = match opened {
        Some(payload) => {
            for key in restricted::sealed_keys(Some(kind)) {
                if let Some(v) = payload.get(*key) {
                    map.insert((*key).to_string(), v.clone());
                }
            }
            true
        }
        None => {
            map.insert(
                restricted::primary_key(kind).to_string(),
                Value::String(restricted::placeholder(kind, &sealed.team)),
            );
            false
        }
    };
    map.insert(restricted::KEY.into(), shown(&sealed, readable));
    if let Ok(revealed) = serde_json::from_value::<T>(Value::Object(map)) {
        *record = revealed;
    }
}

/// Opens a customer's restricted fields: each lands in `fields` (or its placeholder does), and
/// `restricted_fields.<name>` says `{team, readable}`.
pub fn reveal_customer(customer: &mut Customer, keys: Keys) {
    let sealed: Vec<(String, Sealed)> = restricted::fields_of(&customer.extra)
        .into_iter()
        .filter_map(|(name, state)| match state {
            State::Sealed(s) => Some((name, s)),
            _ => None,
        })
        .collect();
    if sealed.is_empty() {
        return;
    }
    let mut shown_fields = Map::new();
    if let Some(Value::Object(existing)) = customer.extra.get(restricted::FIELDS_KEY) {
        shown_fields = existing.clone();
    }
    for (name, s) in sealed {
        let opened = keys.get().open(&s).and_then(|mut p| p.remove("value"));
        let readable = opened.is_some();
        let value = opened.unwrap_or_else(|| Value::String(restricted::field_placeholder(&s.team)));
        customer.fields.insert(name.clone(), value);
        shown_fields.insert(name, shown(&s, readable));
    }
    customer
        .extra
        .insert(restricted::FIELDS_KEY.into(), Value::Object(shown_fields));
}

fn shown(sealed: &Sealed, readable: bool) -> Value {
    serde_json::to_value(Shown {
        team: sealed.team.clone(),
        readable,
    })
    .unwrap_or(Value::Null)
}
