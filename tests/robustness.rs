//! Property tests: mutated or truncated annotation files never panic, and
//! always answer with an annotation or at least one error.

use proptest::prelude::*;
use whosaid::model::{Severity, load_bytes};

const YAML: &str = include_str!("../assets/nato-open-doors.yaml");
const ARTICLE: &str = include_str!("../assets/nato-open-doors.txt");

fn load(bytes: &[u8]) -> whosaid::model::LoadOutcome {
    load_bytes("x.yaml", bytes, &|name| {
        if name == "nato-open-doors.txt" {
            Ok((ARTICLE.as_bytes().to_vec(), None))
        } else {
            Err("no such file".into())
        }
    })
}

fn answers(bytes: &[u8]) {
    let loaded = load(bytes);
    let errors = loaded.diagnostics().iter().filter(|d| d.severity == Severity::Error).count();
    assert_eq!(loaded.corpus().is_some(), errors == 0);
    for d in loaded.diagnostics() {
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

/// The YAML tree written back out, in flow style (JSON is YAML too), with
/// duplicate keys kept.
fn emit(node: &whosaid::model::yaml::Node, out: &mut String) {
    use whosaid::model::yaml::Node;
    match node {
        Node::Null => out.push_str("null"),
        Node::Bool(b) => out.push_str(&b.to_string()),
        Node::Int(i) => out.push_str(&i.to_string()),
        Node::Float(f) if f.is_finite() => out.push_str(&format!("{f:?}")),
        Node::Float(_) => out.push_str(".nan"),
        Node::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
        Node::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                emit(item, out);
            }
            out.push(']');
        }
        Node::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                emit(k, out);
                out.push_str(": ");
                emit(v, out);
            }
            out.push('}');
        }
    }
}

/// One structure-aware mutation somewhere in the tree: drop, duplicate or
/// retype an entry, swap in a string from elsewhere, add an unknown key.
fn mutate(
    node: &mut whosaid::model::yaml::Node,
    rng: &mut whosaid::synthetic::Rng,
    strings: &[String],
    depth: usize,
) {
    use whosaid::model::yaml::Node;
    let here = depth > 3 || rng.chance(30);
    match node {
        Node::Map(entries) if !entries.is_empty() && !here => {
            let i = rng.below(entries.len());
            mutate(&mut entries[i].1, rng, strings, depth + 1);
        }
        Node::Seq(items) if !items.is_empty() && !here => {
            let i = rng.below(items.len());
            mutate(&mut items[i], rng, strings, depth + 1);
        }
        Node::Map(entries) if !entries.is_empty() => match rng.below(4) {
            0 => {
                entries.remove(rng.below(entries.len()));
            }
            1 => {
                let e = entries[rng.below(entries.len())].clone();
                entries.push(e);
            }
            2 => entries.push((Node::Str("surprise".into()), Node::Int(1))),
            _ => {
                let i = rng.below(entries.len());
                entries[i].1 = Node::Seq(vec![entries[i].1.clone()]);
            }
        },
        Node::Seq(items) if !items.is_empty() => match rng.below(3) {
            0 => {
                items.remove(rng.below(items.len()));
            }
            1 => {
                let item = items[rng.below(items.len())].clone();
                items.push(item);
            }
            _ => items.reverse(),
        },
        other => {
            *other = match rng.below(7) {
                0 => Node::Null,
                1 => Node::Int(rng.below(5) as i128 - 1),
                2 => Node::Bool(rng.chance(50)),
                3 => Node::Seq(vec![]),
                4 => Node::Map(vec![]),
                5 => Node::Str(String::new()),
                _ => Node::Str(rng.pick(strings).clone()),
            };
        }
    }
}

fn strings_in(node: &whosaid::model::yaml::Node, out: &mut Vec<String>) {
    use whosaid::model::yaml::Node;
    match node {
        Node::Str(s) => out.push(s.clone()),
        Node::Seq(items) => items.iter().for_each(|i| strings_in(i, out)),
        Node::Map(entries) => entries.iter().for_each(|(k, v)| {
            strings_in(k, out);
            strings_in(v, out);
        }),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, .. ProptestConfig::default() })]

    /// Structure-aware mutations of the built-in annotation: the loader
    /// answers, and every diagnostic points inside the file.
    #[test]
    fn tree_mutations_answer(seed in any::<u64>(), count in 1usize..8) {
        let tree = whosaid::model::yaml::parse(YAML).unwrap();
        let mut strings = Vec::new();
        strings_in(&tree, &mut strings);
        let mut tree = tree;
        let mut rng = whosaid::synthetic::Rng::new(seed);
        for _ in 0..count {
            mutate(&mut tree, &mut rng, &strings, 0);
        }
        let mut text = String::new();
        emit(&tree, &mut text);
        answers(text.as_bytes());
        let lines = text.lines().count().max(1);
        for d in load(text.as_bytes()).diagnostics() {
            prop_assert!(d.position.line <= lines + 1, "{} is past the end", d.render());
        }
    }
}

#[test]
fn the_tree_written_back_loads_as_the_original() {
    let mut text = String::new();
    emit(&whosaid::model::yaml::parse(YAML).unwrap(), &mut text);
    let loaded = load(text.as_bytes());
    assert!(loaded.diagnostics().is_empty(), "{:?}", loaded.diagnostics());
    assert_eq!(loaded.corpus().unwrap().quotes.len(), load(YAML.as_bytes()).corpus().unwrap().quotes.len());
}

/// Pieces of prose that stress `suggest`: every kind of quote mark, labels,
/// dashes, names, pronouns and reporting verbs, in any order.
const PROSE: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "\"",
    "'",
    " ",
    "\n",
    "\n\n",
    "\u{a0}",
    ":",
    ",",
    ".",
    "?",
    " – ",
    "MS. PSAKI:",
    "Q ",
    "A: ",
    "“SP”: – ",
    "said",
    " he said",
    " she told reporters",
    "Sergei Ryabkov",
    "Mr. Hale",
    "the diplomat",
    "according to ",
    "that ",
    "G.V. ",
    "Ryabkov’s",
    "don’t",
    "We will",
    "é",
    "語",
    "END 3:30 P.M. EST",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, .. ProptestConfig::default() })]

    /// Any text gets a draft that loads as it is, every span verbatim.
    #[test]
    fn suggest_drafts_any_text(pieces in prop::collection::vec(0usize..PROSE.len(), 0..120)) {
        let text: String = pieces.iter().map(|&i| PROSE[i]).collect();
        let draft = whosaid::suggest::suggest(&text);
        for c in &draft.candidates {
            for part in &c.parts {
                prop_assert!(part.start < part.end && part.end <= text.len());
                prop_assert!(text.is_char_boundary(part.start) && text.is_char_boundary(part.end));
            }
        }
        let yaml = whosaid::suggest::yaml::draft_file(&text, "a.txt", &draft, 0, "a");
        let loaded = whosaid::model::load_bytes("a.yaml", yaml.as_bytes(), &|_| Ok((text.as_bytes().to_vec(), None)));
        let errors: Vec<String> = loaded.diagnostics().iter().filter(|d| d.is_error()).map(|d| d.render()).collect();
        prop_assert!(errors.is_empty() || text.trim().is_empty(), "{errors:?}\n{yaml}\n{text:?}");
    }
}

/// Found by `suggest_drafts_any_text`: the words between a quotation's
/// clause and the next quotation may end in a letter of several bytes.
#[test]
fn suggest_reads_a_letter_of_several_bytes_between_two_quotations() {
    for text in ["“We won,” Smith said é “We will win again.”", "“We won,” Smith said 語“We will win.”"]
    {
        let draft = whosaid::suggest::suggest(text);
        assert!(!draft.candidates.is_empty(), "{text}");
    }
}

/// Found by `suggest_drafts_any_text`: a quote mark before a transcript's
/// speaker label opens nothing inside the turn.
#[test]
fn suggest_reads_a_quote_mark_before_a_speaker_label() {
    let text = "Q “\n\n'MS. PSAKI: said'";
    let draft = whosaid::suggest::suggest(text);
    let yaml = whosaid::suggest::yaml::draft_file(text, "a.txt", &draft, 0, "a");
    let loaded =
        whosaid::model::load_bytes("a.yaml", yaml.as_bytes(), &|_| Ok((text.as_bytes().to_vec(), None)));
    assert!(loaded.diagnostics().iter().all(|d| !d.is_error()), "{yaml}");
}
