//! The whosaid binary: parse the command line, dispatch, map the outcome
//! to an exit status.

use clap::Parser;
use std::process::ExitCode;
use whosaid::cli::Status;
use whosaid::cli::{Cli, Command};
use whosaid::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(status) = mistyped_command(&cli.paths) {
        return ExitCode::from(status);
    }
    let Some(command) = &cli.command else {
        return match whosaid::tui::run(&cli.paths, !cli.no_mouse) {
            Ok(status) => ExitCode::from(status),
            // The terminal failed while the browser ran: not a usage error.
            Err(e) => {
                eprintln!("whosaid: the browser stopped: {e:#}");
                ExitCode::from(Status::Errors)
            }
        };
    };
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let outcome = match command {
        Command::Check { paths, coverage } => commands::check::run(paths, *coverage, &mut out, &mut err),
        Command::Quotes(args) => commands::quotes::run(args, &mut out, &mut err),
        Command::Speakers(args) => commands::speakers::run(args, &mut out, &mut err),
        Command::Issues(args) => commands::issues::run(args, &mut out, &mut err),
        Command::Matrix(args) => commands::matrix::run(args, &mut out, &mut err),
        Command::Report(args) => commands::report::run(args, &mut out, &mut err),
        Command::Changes(args) => commands::changes::run(args, &mut out, &mut err),
        Command::Suggest(args) => commands::suggest::run(args, &mut out, &mut err),
        Command::Config { check } => commands::config::run(*check, &mut out, &mut err),
        Command::Completions { shell } => commands::completions::run(*shell, &mut out),
        Command::Man => commands::man::run(&mut out),
    };
    match outcome {
        Ok(status) => ExitCode::from(status),
        // A closed pipe (`whosaid quotes | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(Status::Usage)
        }
    }
}

/// `whosaid quots`: a word that is neither a file nor a command, but close
/// to a command, is a mistyped command rather than a missing file.
fn mistyped_command(paths: &[std::path::PathBuf]) -> Option<Status> {
    use clap::CommandFactory;
    let [word] = paths else { return None };
    let word = word.to_str()?;
    if std::path::Path::new(word).exists() || word.contains(['/', '.']) {
        return None;
    }
    let cli = Cli::command();
    let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
    let guess = whosaid::model::diagnostic::did_you_mean(word, names.iter().copied())?;
    eprintln!(
        "whosaid: `{}` is not a command, nor a file here; did you mean `{guess}`?",
        whosaid::text::one_line(word)
    );
    Some(Status::Usage)
}

/// mimalloc: loading a large annotation allocates millions of small
/// strings; measured 20–30% faster than the system allocator there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
