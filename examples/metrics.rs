//! Compute the team metrics through the library, without the CLI: the same report as
//! `git crm metrics --since 30d`, then one figure and a gate.
//!
//! ```sh
//! cargo run --example metrics -- <store-dir>
//! ```

use std::path::PathBuf;

use git_crm::Store;
use git_crm::metrics::{self, Options, gate};
use git_crm::model::time;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: metrics <store-dir>");
        std::process::exit(2);
    };
    let store = Store::discover(&PathBuf::from(dir))?;
    let bundles = store.load_all()?;
    // The last 30 days, UTC, business hours, strict FCR: the CLI's defaults.
    let options = Options::last_days(time::now(), 30);
    let report = metrics::compute(store.config(), &bundles, &options)?;

    let frt = &report.metrics.frt;
    match frt.response.median {
        Some(median) => println!(
            "first response: median {} over {} threads (p90 {})",
            gate::hours(median),
            frt.response.n,
            frt.response.p90.map(gate::hours).unwrap_or_default()
        ),
        None => println!("first response: no answered thread in the last 30 days"),
    }
    println!("unanswered threads: {}", frt.unanswered);
    if let Some(rate) = report.metrics.fcr.rate {
        println!("first contact resolution: {:.0}%", rate * 100.0);
    }

    // The same check as `--fail-if 'handoff.p90 > 24h'`.
    let condition = gate::parse("handoff.p90 > 24h")?;
    for outcome in gate::evaluate(&report.metrics, &[condition]) {
        let mark = if outcome.breached { "FAILED" } else { "ok" };
        println!("{mark}: {} ({})", outcome.condition, outcome.message);
    }
    Ok(())
}
