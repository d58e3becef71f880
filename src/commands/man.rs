//! `whosaid man`: the man page, in roff, generated from the command line's
//! own definition.

use super::{EXIT_OK, Outcome};
use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;

pub fn run(out: &mut dyn Write) -> Outcome {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(EXIT_OK)
}
