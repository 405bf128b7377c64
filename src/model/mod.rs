//! Pure record types and the rules on them (ids, slugs, times, threads). No I/O lives here, so
//! everything in this module can be tested and reused without a store.

pub mod address;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod config_problems;
pub mod contact;
pub mod corrections;
pub mod documents;
pub mod file_names;
pub mod handoffs;
pub mod ids;
pub mod keys;
pub mod names;
pub mod queue;
pub mod records;
pub mod recurrence;
pub mod restricted;
pub mod slug;
pub mod suggest;
pub mod text;
pub mod threads;
pub mod time;
pub mod validate;
pub mod views;

pub use config::{Calendar, Config, Person, Team, View};
pub use ids::RecordId;
pub use records::{
    Actor, Contact, Customer, CustomerKind, CustomerStatus, Direction, Document, Extra, Handoff,
    Interaction, Note, Party, RecordKind, Renamed, Source, Task,
};
pub use time::Timestamp;
