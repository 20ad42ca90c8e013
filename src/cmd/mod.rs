//! The command layer: one short file per subcommand, each resolving its arguments ([`cli`] →
//! [`config`]) and calling the stages. The only place that knows the command line.

pub mod classify;
pub mod cli;
pub mod config;
pub mod detect;
pub mod docs;
pub mod eval;
pub mod exit_codes;
pub mod explain;
pub mod merge;
pub mod scan;
pub mod time;
pub mod watch;
pub mod windows;

use anyhow::Result;

use cli::{Cli, Command};

/// `outcry --version`: the crate's version and, when built from a git checkout, the commit and
/// its date (`build.rs`).
pub const VERSION: &str = env!("OUTCRY_VERSION");

/// Runs one command line; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Detect(a) => detect::run(&a),
        Command::Windows(a) => windows::run(&a),
        Command::Scan(a) => scan::run(&a),
        Command::Merge(a) => merge::run(&a),
        Command::Time(a) => time::run(&a),
        Command::Classify(a) => classify::run(&a),
        Command::Explain(a) => explain::run(&a),
        Command::Eval(a) => eval::run(&a),
        Command::Completions(a) => docs::completions(a.shell),
        Command::Man(a) => docs::man(a.command.as_deref()),
        Command::Schema(a) => docs::schema(a.alert),
        Command::Watch(a) => watch::run(&a),
    }
}
