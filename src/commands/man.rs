//! `whosaid man`: the man page, in roff, generated from the command line's
//! own definition.

use super::Outcome;
use crate::cli::Cli;
use crate::cli::Status;
use clap::CommandFactory;
use std::io::Write;

pub fn run(out: &mut dyn Write) -> Outcome {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Status::Clean)
}
