//! The whosaid binary: parse the command line, dispatch, map the outcome
//! to an exit status.

use clap::Parser;
use std::process::ExitCode;
use whosaid::cli::{Cli, Command};
use whosaid::commands::{self, EXIT_USAGE};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let outcome = match &cli.command {
        Some(Command::Check { files }) => commands::check::run(files, &mut out, &mut err),
        Some(Command::Quotes(args)) => commands::quotes::run(args, &mut out, &mut err),
        Some(Command::Speakers(args)) => commands::speakers::run(args, &mut out, &mut err),
        Some(Command::Issues(args)) => commands::issues::run(args, &mut out, &mut err),
        None => {
            use std::io::Write;
            let _ = writeln!(
                err,
                "whosaid: the browser is not built yet; try `whosaid check` or `whosaid quotes`"
            );
            Ok(EXIT_USAGE)
        }
    };
    match outcome {
        Ok(status) => ExitCode::from(status),
        // A closed pipe (`whosaid quotes | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
