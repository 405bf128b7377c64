//! Access that holds: content kept to a team by encryption, not by convention.
//!
//! People register public keys in the config ([`keys`]); a restricted note, touchpoint, field or
//! document is sealed with the `age` crate to the current members of its team and its author
//! ([`seal`]); what the local identity ([`identity`]) can open is opened in one place, on load
//! ([`reveal`]); and [`audit`] tells, without any key, whom a sealed value still lacks or still
//! reaches after the team changed. The threat model is docs/security.md.

pub mod audit;
pub mod identity;
pub mod keys;
pub mod reveal;
pub mod seal;

pub use identity::Keyring;
pub use keys::{PublicKey, Recipient, team_recipients};
pub use reveal::{Keys, reveal_bundle};
