//! `whosaid completions SHELL`: the shell's completion script, generated
//! from the command line's own definition so it never falls behind.

use super::Outcome;
use crate::cli::Cli;
use crate::cli::Status;
use clap::CommandFactory;
use std::io::Write;

pub fn run(shell: clap_complete::Shell, out: &mut dyn Write) -> Outcome {
    // Written whole, so that a closed pipe is an error to return, not a panic
    // inside the generator.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "whosaid", &mut script);
    out.write_all(&script)?;
    Ok(Status::Clean)
}
