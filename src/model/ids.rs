//! Record ids. Every record has a UUID v7 `id`; people refer to it by a prefix of its *short id*,
//! the last eight hex digits, which come from the random bits of the UUID. The short id is also
//! the suffix of the record's file name, so a record can be found from its short id by listing
//! directories, without parsing any file.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The id of a record (customer, interaction, note, handoff, task).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(pub Uuid);

/// Length of the short id shown to people and used in file names.
pub const SHORT_ID_LEN: usize = 8;

/// The shortest prefix accepted when a person names a record.
pub const MIN_PREFIX_LEN: usize = 4;

impl RecordId {
    /// A new id whose time part is `at`, so ids sort with the records they name. Records stored
    /// with whole seconds but created now take the precise current time, so records made within
    /// one second still sort in the order they were made.
    pub fn new_at(at: DateTime<Utc>) -> Self {
        let now = super::clock::utc_now();
        let at = if at.timestamp() == now.timestamp() && !super::clock::is_fixed() {
            Utc::now()
        } else {
            at
        };
        RecordId::from_parts(at, super::clock::random_u128())
    }

    /// The id of a record made from an outside key (an imported row, a Message-ID, a rule's
    /// firing): the same key always gives the same id, so two clones that ingest the same
    /// source write the same file. `parts` are hashed with [`stable_hash`].
    pub fn derived(at: DateTime<Utc>, parts: &[&str]) -> Self {
        RecordId::from_parts(at, stable_hash(parts))
    }

    /// A new id from random bits supplied by the caller (deterministic demo stores).
    pub fn from_parts(at: DateTime<Utc>, random: u128) -> Self {
        let millis = at.timestamp_millis().max(0) as u128;
        let mut value = (millis & 0xFFFF_FFFF_FFFF) << 80;
        value |= 0x7 << 76; // version 7
        value |= (random & 0xFFF) << 64; // rand_a
        value |= 0b10 << 62; // variant
        value |= (random >> 64) & ((1u128 << 62) - 1); // rand_b
        RecordId(Uuid::from_u128(value))
    }

    /// The eight hex digits people type and file names end with.
    pub fn short(&self) -> String {
        let simple = self.0.simple().to_string();
        simple[simple.len() - SHORT_ID_LEN..].to_string()
    }

    /// Parses a full UUID.
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::parse_str(text.trim()).ok().map(RecordId)
    }
}

/// A 128-bit hash of `parts` that never changes across versions, platforms or runs: the ids
/// derived from outside keys depend on it, so its values are pinned by a golden test. Parts are
/// separated by the byte `0xff`, which UTF-8 text never contains, so `["ab", ""]` and
/// `["a", "b"]` differ.
pub fn stable_hash(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    // FNV spreads a change of the last byte poorly into the high bits, which become the short
    // id: finish with MurmurHash3's avalanche on both halves.
    let (a, b) = (hash as u64, (hash >> 64) as u64);
    let lo = fmix64(a ^ fmix64(b));
    let hi = fmix64(b ^ lo.rotate_left(32));
    (u128::from(hi) << 64) | u128::from(lo)
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What a person typed to name a record: a short-id prefix or a full UUID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdPrefix(String);

impl IdPrefix {
    /// Normalises and validates what was typed. A full UUID is reduced to its short id.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim().to_ascii_lowercase();
        if let Some(id) = RecordId::parse(&text) {
            return Ok(IdPrefix(id.short()));
        }
        let text = text.trim_start_matches('#');
        if text.len() < MIN_PREFIX_LEN || text.len() > SHORT_ID_LEN {
            return Err(format!(
                "`{text}` is not a record id: give {MIN_PREFIX_LEN} to {SHORT_ID_LEN} hex digits of the short id, or the full id"
            ));
        }
        if !text.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(format!(
                "`{text}` is not a record id: only hex digits are allowed"
            ));
        }
        Ok(IdPrefix(text.to_string()))
    }

    /// Whether the record with `id` is named by this prefix.
    pub fn matches(&self, id: &RecordId) -> bool {
        id.short().starts_with(&self.0)
    }

    /// Whether a record file name (`<time>-<short>.yaml`) is named by this prefix.
    pub fn matches_file_name(&self, name: &str) -> bool {
        name.strip_suffix(".yaml")
            .and_then(|stem| stem.rsplit_once('-'))
            .is_some_and(|(_, short)| short.starts_with(&self.0))
    }

    /// The prefix as typed (normalised).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_parts_is_a_valid_v7() {
        let at = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
            .unwrap()
            .to_utc();
        let id = RecordId::from_parts(at, 0x1234_5678_9abc_def0_1234_5678_9abc_def0);
        assert_eq!(id.0.get_version_num(), 7);
        assert_eq!(id.0.get_variant(), uuid::Variant::RFC4122);
        let (secs, _) = id.0.get_timestamp().unwrap().to_unix();
        assert_eq!(secs as i64, at.timestamp());
    }

    /// The values persisted ids and file names are derived from: if this test fails, every
    /// store imported or ingested by an earlier version would get duplicates on re-import.
    #[test]
    fn stable_hash_golden_values() {
        assert_eq!(stable_hash(&[]), 0xbbff_8230_bf0f_a39f_a032_c815_ef5f_dad3);
        assert_eq!(
            stable_hash(&["touchpoint", "desk", "T-1"]),
            0xcdfe_a28f_7d43_e773_3047_106c_76b4_7452
        );
        let at = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            RecordId::derived(at, &["touchpoint", "desk", "T-1"]).to_string(),
            "019b7ca9-8c88-7452-8dfe-a28f7d43e773"
        );
        assert_ne!(stable_hash(&["ab", ""]), stable_hash(&["a", "b"]));
    }

    #[test]
    fn prefix_rules() {
        assert!(IdPrefix::parse("ab").is_err());
        assert!(IdPrefix::parse("zzzz").is_err());
        let id = RecordId::new_at(Utc::now());
        let p = IdPrefix::parse(&id.to_string()).unwrap();
        assert!(p.matches(&id));
        let p = IdPrefix::parse(&id.short()[..5]).unwrap();
        assert!(p.matches(&id));
        assert!(p.matches_file_name(&format!("20260101T000000Z-{}.yaml", id.short())));
    }
}
