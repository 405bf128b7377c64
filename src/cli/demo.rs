//! `git crm demo [DIR]`: build a demo agency store and print a short tour.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use git_crm::progress::Progress;

use git_crm::demo::{DemoOptions, build};

use super::output::print;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to build it (default: ./git-crm-demo); must not exist or be empty.
    dir: Option<PathBuf>,
    /// Generate this many customers (a large store for benchmarks).
    #[arg(long, requires = "interactions")]
    customers: Option<usize>,
    /// Generate this many touchpoints.
    #[arg(long, requires = "customers")]
    interactions: Option<usize>,
    /// Seed of the generator (the same seed builds the same store).
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

pub fn run(args: &DemoArgs) -> Result<i32> {
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("git-crm-demo"));
    let bar = super::progress::Bar::new();
    let current = std::sync::Mutex::new(String::new());
    let progress = |stage: &str, done: u64, total: u64| {
        let mut phase = current.lock().unwrap_or_else(|e| e.into_inner());
        if *phase != stage {
            let unit = match stage {
                "generate" => "customers",
                "history" => "events",
                "commit" => "commits",
                _ => "steps",
            };
            bar.phase(stage, unit, Some(total));
            *phase = stage.to_string();
        }
        bar.reached(done);
    };
    let options = DemoOptions {
        customers: args.customers,
        interactions: args.interactions,
        seed: args.seed,
    };
    let report = build(&dir, &options, &progress)?;
    bar.finish();
    let me = report.people.first().map(String::as_str).unwrap_or("alice");
    let s = &report.sample_customer;
    let steps = [
        (format!("cd {}", report.root.display()), ""),
        ("git crm customer list".to_string(), "who we work with"),
        (format!("git crm customer show {s}"), "one customer's card"),
        (
            format!("git crm timeline {s}"),
            "everything that happened, by day",
        ),
        (
            "git crm handoff list --pending".to_string(),
            "ownership changes not yet taken",
        ),
        (
            format!("git crm inbox --as {me}"),
            "what needs a person now",
        ),
        (
            "git crm metrics --by team".to_string(),
            "the five team metrics",
        ),
        ("git crm check".to_string(), "what CI gates on"),
        (
            format!("git crm history {s}"),
            "who changed the customer, from git",
        ),
        (
            "git log --format='%an: %s' | head".to_string(),
            "every change is a commit",
        ),
    ];
    // Only the commented lines are aligned: the `cd` line's path (as long as the folder's)
    // would push every comment far to the right.
    let width = steps
        .iter()
        .filter(|(_, comment)| !comment.is_empty())
        .map(|(c, _)| c.len())
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "Built a demo store in {}: {} customers, {} touchpoints, {} notes, {} handoffs, {} tasks in {} commits by {}.\n\nTake the tour:\n",
        report.root.display(),
        report.customers,
        report.interactions,
        report.notes,
        report.handoffs,
        report.tasks,
        report.commits,
        report.people.join(", "),
    );
    for (command, comment) in steps {
        let comment = if comment.is_empty() {
            String::new()
        } else {
            format!("  # {comment}")
        };
        let line = format!("  {command:<width$}{comment}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    print(&out)?;
    Ok(0)
}
