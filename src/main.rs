//! The `git-crm` binary: parse, run, map the error kind to an exit code.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
