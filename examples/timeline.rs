//! Print a customer's timeline through the library, without the CLI.
//!
//! ```sh
//! cargo run --example timeline -- <store-dir> <customer-slug>
//! ```

use std::path::PathBuf;

use git_crm::Store;
use git_crm::render::timeline::{TimelineStyle, text};
use git_crm::timeline::{Filter, build};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(slug)) = (args.next(), args.next()) else {
        eprintln!("usage: timeline <store-dir> <customer-slug>");
        std::process::exit(2);
    };
    let store = Store::discover(&PathBuf::from(dir))?;
    let bundle = store.load_bundle(&slug)?;
    let timeline = build(&bundle, &Filter::default());
    let style = TimelineStyle {
        zone: store.zone(),
        store_zone: store.zone(),
        bodies: false,
        width: Some(120),
    };
    print!("{}", text(&timeline, style));
    Ok(())
}
