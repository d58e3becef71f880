//! whosaid: a terminal browser for annotated articles — who said what, on
//! which issue, with which stance.
//!
//! The library holds everything but the process entry point, so that tests
//! and benchmarks use the same code as the binary.

pub mod changes;
pub mod cli;
pub mod commands;
pub mod cores;
pub mod describe;
pub mod edit;
pub mod filter;
pub mod matrix;
pub mod model;
pub mod query;
pub mod suggest;
/// Generated annotations at scale, for the benchmark and the tests: not
/// part of the library's interface.
#[doc(hidden)]
pub mod synthetic;
pub mod text;
pub mod timeline;
pub mod tui;
