//! `git crm demo [DIR]`: build a demo agency store and print a short tour.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use stub::{DemoOptions, build};
mod stub {
    pub struct DemoOptions {
        pub customers: Option<usize>,
        pub interactions: Option<usize>,
        pub seed: u64,
    }
    pub struct R {
        pub root: std::path::PathBuf,
        pub sample_customer: String,
        pub customers: usize,
        pub interactions: usize,
        pub notes: usize,
        pub handoffs: usize,
        pub tasks: usize,
        pub commits: usize,
        pub people: Vec<String>,
    }
    pub fn build(
        _: &std::path::Path,
        _: &DemoOptions,
        _: &dyn Fn(&str, u64, u64),
    ) -> anyhow::Result<R> {
        anyhow::bail!("stub")
    }
}

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
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = |stage: &str, done: u64, total: u64| {
        bar.set_message(stage.to_string());
        bar.set_length(total);
        bar.set_position(done);
    };
    let options = DemoOptions {
        customers: args.customers,
        interactions: args.interactions,
        seed: args.seed,
    };
    let report = build(&dir, &options, &progress)?;
    bar.finish_and_clear();
    let d = report.root.display();
    let s = &report.sample_customer;
    print(&format!(
        "Built a demo store in {d}: {} customers, {} touchpoints, {} notes, {} handoffs, {} tasks in {} commits by {}.\n\n\
         Take the tour:\n\
         \x20 cd {d}\n\
         \x20 git crm customer list                    # who we work with\n\
         \x20 git crm customer show {s}     # one customer's card\n\
         \x20 git crm timeline {s}          # everything that happened, by day\n\
         \x20 git crm handoff list --pending          # ownership changes not yet taken\n\
         \x20 git crm task list --overdue --as {}     # follow-ups that slipped\n\
         \x20 git log --format='%an: %s' | head       # every change is a commit\n",
        report.customers,
        report.interactions,
        report.notes,
        report.handoffs,
        report.tasks,
        report.commits,
        report.people.join(", "),
        report.people.first().map(String::as_str).unwrap_or("alice"),
    ))?;
    Ok(0)
}
