//! The `outcry` command: parse the arguments, run, turn errors into messages and exit codes.

use std::process::ExitCode;

use outcry::cmd::cli::Cli;
use outcry::cmd::config::UsageError;
use outcry::cmd::exit_codes;

fn main() -> ExitCode {
    // Ctrl-C, SIGTERM or SIGHUP while `-o FILE` is being written: remove the temporary file,
    // so that an interrupted run leaves the old output and nothing else. `outcry watch` finishes
    // on its own instead (the first signal only; a second one exits here).
    let _ = ctrlc::set_handler(|| {
        if outcry::live::signal::deliver() {
            return;
        }
        outcry::report::remove_pending();
        std::process::exit(exit_codes::INTERRUPTED);
    });
    let cli = Cli::from_env();
    let code = match outcry::cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if exit_codes::is_broken_pipe(&err) {
                exit_codes::SUCCESS
            } else if err.downcast_ref::<UsageError>().is_some() {
                outcry::eline!("outcry: error: {err}");
                exit_codes::USAGE
            } else {
                outcry::eline!("outcry: error: {err:#}");
                exit_codes::FAILURE
            }
        }
    };
    ExitCode::from(code as u8)
}
