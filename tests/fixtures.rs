//! The bad-input corpus: every file under `tests/fixtures/` (and a few made
//! here, too large or too odd to keep in the repository) is checked with
//! the real binary, and what it prints and its exit status must match the
//! golden file in `tests/fixtures/expected/`.
//!
//! To accept new output after a deliberate change:
//!     WHOSAID_BLESS=1 cargo test --test fixtures

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Runs `whosaid check name` in `dir`: exit status, stdout and stderr, as
/// one text. A run that does not end within a minute is a hang.
fn check(dir: &Path, name: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["check", name])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid runs");
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("whosaid check {name} hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().expect("output");
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Compares with (or, when blessing, writes) the golden file; returns a
/// description of the mismatch.
fn golden(case: &str, actual: &str) -> Option<String> {
    let path = Path::new(FIXTURES).join("expected").join(format!("{case}.txt"));
    if std::env::var_os("WHOSAID_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    (expected != actual).then(|| format!("{case}:\n--- expected\n{expected}\n--- actual\n{actual}"))
}

/// Every `.yaml` under the fixtures directory, relative to it.
fn fixture_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::new()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(Path::new(FIXTURES).join(&dir)).unwrap() {
            let entry = entry.unwrap();
            let relative = dir.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                if entry.file_name() != "expected" {
                    dirs.push(relative);
                }
            } else if relative.extension().is_some_and(|e| e == "yaml") {
                files.push(relative);
            }
        }
    }
    files.sort();
    files
}

/// Files made at run time: too large to keep, or not files at all.
fn generated_cases(dir: &Path) -> Vec<(&'static str, String)> {
    // Over the 256 MiB cap, without taking the space: a sparse file.
    let big = std::fs::File::create(dir.join("too-large.yaml")).unwrap();
    big.set_len((256 << 20) + 1).unwrap();
    // One list aliased thousands of times: quadratic expansion.
    let mut doc = String::from("a: &a [");
    doc.push_str(&vec!["x"; 6000].join(","));
    doc.push_str("]\nb: [");
    doc.push_str(&vec!["*a"; 6000].join(","));
    doc.push_str("]\n");
    std::fs::write(dir.join("quadratic-aliases.yaml"), doc).unwrap();
    // A huge scalar: a quote of 8 MB that is not in the article.
    let huge = format!(
        "article:\n  title: T\n  text: short\nspeakers:\n  - id: s\n    name: S\nquotes:\n  - speaker: s\n    text: \"{}\"\n",
        "word ".repeat(1_600_000)
    );
    std::fs::write(dir.join("huge-scalar.yaml"), huge).unwrap();
    std::fs::create_dir(dir.join("a-directory.yaml")).unwrap();
    // Nesting a million levels deep, in both shapes that stall a YAML
    // scanner: refused before the parser sees them.
    let lists = format!("article: {}{}\n", "[".repeat(1_000_000), "]".repeat(1_000_000));
    std::fs::write(dir.join("deep-lists.yaml"), lists).unwrap();
    let maps = format!("article: {}1{}\n", "{\"\":[".repeat(1_000_000), "]}".repeat(1_000_000));
    std::fs::write(dir.join("deep-maps.yaml"), maps).unwrap();
    // Chains of 100,000 links, each kind: checked in linear time.
    for (name, yaml) in chains(100_000) {
        std::fs::write(dir.join(name), yaml).unwrap();
    }
    vec![
        ("generated-parent-chain", "parent-chain.yaml".into()),
        ("generated-member-chain", "member-chain.yaml".into()),
        ("generated-same-as-chain", "same-as-chain.yaml".into()),
        ("generated-deep-lists", "deep-lists.yaml".into()),
        ("generated-deep-maps", "deep-maps.yaml".into()),
        ("generated-too-large", "too-large.yaml".into()),
        ("generated-quadratic-aliases", "quadratic-aliases.yaml".into()),
        ("generated-huge-scalar", "huge-scalar.yaml".into()),
        ("generated-directory", "a-directory.yaml".into()),
        ("generated-missing", "no-such-file.yaml".into()),
    ]
}

/// A `parent` chain of `n` issues, a `member_of` chain of `n` speakers
/// and a `same_as` chain of `n` quotes; the deepest issue and speaker have
/// a quote, the others a warning each but the first.
fn chains(n: usize) -> Vec<(&'static str, String)> {
    let head = |text: &str| format!("article:\n  title: Chains\n  text: {text}\n");
    let mut parent = head("one") + "speakers:\n  - {id: s, name: S}\nissues:\n";
    for i in 0..n {
        let up = if i == 0 { String::new() } else { format!(", parent: i{}", i - 1) };
        parent.push_str(&format!("  - {{id: i{i}, title: I{i}{up}}}\n"));
    }
    parent.push_str(&format!("quotes:\n  - {{speaker: s, issues: [i{}], text: one}}\n", n - 1));
    let mut member = head("one") + "speakers:\n";
    for i in 0..n {
        let up = if i == 0 { String::new() } else { format!(", member_of: s{}", i - 1) };
        member.push_str(&format!("  - {{id: s{i}, name: S{i}{up}}}\n"));
    }
    member.push_str(&format!("quotes:\n  - {{speaker: s{}, text: one}}\n", n - 1));
    let mut same = head(&"w ".repeat(n)) + "speakers:\n  - {id: s, name: S}\nquotes:\n";
    for i in 0..n {
        let up = if i == 0 { String::new() } else { format!(", same_as: q{}", i - 1) };
        same.push_str(&format!("  - {{id: q{i}, speaker: s, text: w, occurrence: {}{up}}}\n", i + 1));
    }
    vec![("parent-chain.yaml", parent), ("member-chain.yaml", member), ("same-as-chain.yaml", same)]
}

#[test]
fn every_bad_input_gets_its_expected_diagnostics() {
    let mut mismatches = Vec::new();
    let files = fixture_files();
    assert!(files.len() >= 25, "the corpus is all there: {files:?}");
    for file in &files {
        let name = file.to_str().unwrap();
        let case = name.trim_end_matches(".yaml").replace('/', "-");
        mismatches.extend(golden(&case, &check(Path::new(FIXTURES), name)));
    }
    let scratch = tempfile::tempdir().unwrap();
    for (case, name) in generated_cases(scratch.path()) {
        mismatches.extend(golden(case, &check(scratch.path(), &name)));
    }
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn no_bad_input_panics_or_prints_a_raw_control() {
    for file in fixture_files() {
        let out = check(Path::new(FIXTURES), file.to_str().unwrap());
        assert!(!out.contains("panicked"), "{file:?}: {out}");
        assert!(
            !out.chars().any(|c| whosaid::text::is_unsafe(c) && c != '\n'),
            "{file:?} printed a raw control character: {out:?}"
        );
    }
}
