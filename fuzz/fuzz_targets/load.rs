//! Coverage-guided fuzzing of the loader: any bytes as the annotation file,
//! the built-in article as its text. It must answer — an annotation or at
//! least one error — and never panic, hang or run out of memory.
//!
//!     RUSTC_BOOTSTRAP=1 cargo fuzz run load fuzz/corpus fuzz/seeds -- -max_total_time=600
//!
//! (`RUSTC_BOOTSTRAP` lets the stable toolchain build with the sanitizer
//! flags cargo-fuzz passes; `fuzz/corpus` collects what it learns.) A crash
//! it finds belongs in `tests/fixtures/` with its golden output, where CI
//! checks it. Ten minutes on 2026-11-29 (173,795 runs, 8,172 edges) found
//! none.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::model::{Severity, load_bytes};

const ARTICLE: &str = include_str!("../../assets/nato-open-doors.txt");

fuzz_target!(|data: &[u8]| {
    let loaded = load_bytes(data, &|name| {
        if name.len() < 64 { Ok((ARTICLE.as_bytes().to_vec(), None)) } else { Err("no such file".into()) }
    });
    let errors = loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    assert_eq!(loaded.annotation.is_some(), errors == 0);
});
