//! Progress of long work (an import, an ingest, the demo), reported through a callback so the
//! library never depends on a terminal: the CLI draws a bar on a TTY, a library caller or a
//! script passes [`Silent`].

/// Receives the progress of one piece of work, in phases ("reading", "writing"), each counting
/// steps (rows, messages, files). Called from several threads at once.
pub trait Progress: Sync {
    /// A new phase starts: its name and, when known, how many steps it has.
    fn phase(&self, name: &str, unit: &str, total: Option<u64>);
    /// `steps` more steps of the current phase are done.
    fn advance(&self, steps: u64);
    /// `done` steps of the current phase are done (for work that counts itself).
    fn reached(&self, done: u64);
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn phase(&self, _: &str, _: &str, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
    fn reached(&self, _: u64) {}
}
