//! The one clock and the one source of randomness every record is made with.
//!
//! By default the clock is the system's and record ids take fresh random bits. A program can
//! fix both once at start-up ([`fix_now`], [`seed`]): the CLI does so from `GITCRM_NOW` and
//! `GITCRM_SEED`, which makes every command reproducible in tests and documentation, the way
//! jj's test environment fixes its timestamp and seed per command. Nothing here reads the
//! environment; the caller decides where the values come from.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};

static FIXED_NOW: Mutex<Option<DateTime<Utc>>> = Mutex::new(None);
static SEEDED: Mutex<Option<u64>> = Mutex::new(None);
static DRAWS: AtomicU64 = AtomicU64::new(0);

/// Fixes the clock at `at` for the rest of the process (`None` returns to the system clock).
pub fn fix_now(at: Option<DateTime<Utc>>) {
    *FIXED_NOW.lock().unwrap_or_else(|e| e.into_inner()) = at;
}

/// Makes every later random draw a function of `seed` and the number of draws before it
/// (`None` returns to real randomness).
pub fn seed(seed: Option<u64>) {
    *SEEDED.lock().unwrap_or_else(|e| e.into_inner()) = seed;
    DRAWS.store(0, Ordering::SeqCst);
}

/// The current instant: the fixed one when set, else the system's.
pub fn utc_now() -> DateTime<Utc> {
    FIXED_NOW
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .unwrap_or_else(Utc::now)
}

/// Whether the clock is fixed (a fixed clock never moves, so code that waits on it must not).
pub fn is_fixed() -> bool {
    FIXED_NOW
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .is_some()
}

/// 128 random bits: from the seed and a draw counter when seeded, else from the system.
pub fn random_u128() -> u128 {
    let seeded = *SEEDED.lock().unwrap_or_else(|e| e.into_inner());
    match seeded {
        Some(seed) => {
            let draw = DRAWS.fetch_add(1, Ordering::SeqCst);
            super::ids::stable_hash(&["git-crm seed", &seed.to_string(), &draw.to_string()])
        }
        None => uuid::Uuid::new_v4().as_u128(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One test owns the process-wide state, so the assertions cannot race each other.
    #[test]
    fn fixed_clock_and_seed_repeat() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T09:00:00Z")
            .unwrap()
            .to_utc();
        fix_now(Some(at));
        assert_eq!(utc_now(), at);
        assert!(is_fixed());
        seed(Some(7));
        let first = (random_u128(), random_u128());
        seed(Some(7));
        assert_eq!((random_u128(), random_u128()), first);
        assert_ne!(first.0, first.1);
        seed(None);
        fix_now(None);
        assert!(!is_fixed());
        assert_ne!(random_u128(), random_u128());
    }
}
