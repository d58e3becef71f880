//! `whosaid config`: the default config file, every key and colour
//! commented, to start one's own from; `--check` reports on the user's.

use super::Outcome;
use crate::cli::Status;
use crate::tui::config;
use std::io::Write;

pub fn run(check: bool, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    if !check {
        write!(out, "{}", config::default_file())?;
        return Ok(Status::Clean);
    }
    let Some(path) = config::path() else {
        writeln!(err, "whosaid: this system has no config directory; whosaid runs on its defaults")?;
        return Ok(Status::Clean);
    };
    if !path.exists() {
        writeln!(
            out,
            "{}: no config file; whosaid runs on its defaults (`whosaid config` prints them)",
            path.display()
        )?;
        return Ok(Status::Clean);
    }
    let (_, problems) = config::load_from(&path);
    for problem in &problems {
        writeln!(err, "{}", problem.render())?;
    }
    if problems.is_empty() {
        writeln!(out, "{}: ok", path.display())?;
        Ok(Status::Clean)
    } else {
        writeln!(err, "whosaid runs on its defaults until these are fixed")?;
        Ok(Status::Errors)
    }
}
