//! Property tests: mutated or truncated annotation files never panic, and
//! always answer with an annotation or at least one error.

use proptest::prelude::*;
use whosaid::model::{Severity, load_bytes};

const YAML: &str = include_str!("../assets/nato-open-doors.yaml");
const ARTICLE: &str = include_str!("../assets/nato-open-doors.txt");

fn load(bytes: &[u8]) -> whosaid::model::Loaded {
    load_bytes(bytes, &|name| {
        if name == "nato-open-doors.txt" {
            Ok((ARTICLE.as_bytes().to_vec(), None))
        } else {
            Err("no such file".into())
        }
    })
}

fn answers(bytes: &[u8]) {
    let loaded = load(bytes);
    let errors = loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    assert_eq!(loaded.annotation.is_some(), errors == 0);
    for d in &loaded.diagnostics {
        assert!(d.position.line >= 1 && d.position.column >= 1);
        assert!(!d.message.is_empty());
    }
}

/// Pieces that make YAML interesting when spliced in.
const SPLICES: &[&str] = &[
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!tag ",
    "\"",
    "'",
    "|",
    ">",
    "\n",
    "  ",
    "#",
    "? ",
    "---\n",
    "~",
    "\t",
    "\u{1b}",
    "\u{feff}",
    "id",
    "speaker",
    "text",
    "stance",
    "parent: security-guarantees",
    "issues: [",
    "occurrence: 2",
    "\u{0}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn truncated_files_answer(cut in 0..YAML.len()) {
        answers(&YAML.as_bytes()[..cut]);
    }

    #[test]
    fn mutated_files_answer(edits in prop::collection::vec((0..YAML.len(), 0usize..SPLICES.len(), 0usize..4), 1..6)) {
        let mut bytes = YAML.as_bytes().to_vec();
        for (at, splice, delete) in edits {
            let at = at.min(bytes.len());
            let end = (at + delete).min(bytes.len());
            bytes.splice(at..end, SPLICES[splice].bytes());
        }
        answers(&bytes);
    }

    #[test]
    fn random_bytes_answer(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        answers(&bytes);
    }
}
