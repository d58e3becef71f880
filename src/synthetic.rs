//! Synthetic annotations at scale, for the benchmark and the tests that
//! need a big file: deterministic from a seed, with 200 speakers, 50
//! issues, and an article of varied sentences (some Unicode) in which every
//! quote is a real span — a few of them twice, so that `occurrence` is
//! needed. About 200 bytes of YAML per quote.

use std::fmt::Write as _;

/// A small, fast, seedable generator (SplitMix64): the corpus must be the
/// same on every machine, and needs no cryptographic quality.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const WORDS: &[&str] = &[
    "open",
    "door",
    "doors",
    "policy",
    "security",
    "guarantee",
    "guarantees",
    "treaty",
    "alliance",
    "expansion",
    "non-expansion",
    "border",
    "borders",
    "talks",
    "dialogue",
    "compromise",
    "sanctions",
    "exercises",
    "forces",
    "weapons",
    "missile",
    "deterrence",
    "nuclear",
    "diplomat",
    "minister",
    "council",
    "summit",
    "negotiation",
    "progress",
    "impasse",
    "position",
    "positions",
    "concern",
    "concerns",
    "answer",
    "written",
    "legal",
    "binding",
    "Europe",
    "Ukraine",
    "Georgia",
    "Russia",
    "Washington",
    "Moscow",
    "Brussels",
    "Geneva",
    "Vienna",
    "NATO",
    "OSCE",
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "with",
    "that",
    "this",
    "is",
    "are",
    "was",
    "will",
    "would",
    "could",
    "not",
    "no",
    "any",
    "every",
    "new",
    "old",
    "first",
    "second",
    "third",
    "next",
    "week",
    "year",
    "month",
    "today",
    "tomorrow",
    "said",
    "says",
    "stressed",
    "noted",
    "warned",
    "believes",
    "insisted",
    "rejected",
    "proposed",
    "demanded",
    "agreed",
    "refused",
    "discussed",
    "continued",
    "reduce",
    "restrict",
    "deploy",
    "withdraw",
    "return",
    "accept",
    "consider",
    "question",
    "issue",
    "issues",
    "matter",
    "region",
    "country",
    "countries",
    "states",
    "members",
    "membership",
    "partners",
    "neighbours",
    "approach",
    "aircraft",
    "systems",
    "strike",
    "attack",
    "balance",
    "interests",
    "everyone",
    "nobody",
    "perhaps",
    "clearly",
    "carefully",
    "firmly",
    "openly",
    "quietly",
    "d’état",
    "naïve",
    "Zürich",
    "São",
    "Paulo",
    "Ñandú",
    "coöperation",
    "Kraków",
    "Gdańsk",
    "Москва",
    "переговоры",
    "безопасность",
    "façade",
    "rôle",
    "élite",
    "déjà",
    "über",
];

const FIRST: &[&str] = &[
    "Anna",
    "Boris",
    "Clara",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Katarzyna",
    "Luis",
    "Maria",
    "Nikolai",
    "Olga",
    "Pierre",
    "Quentin",
    "Rosa",
    "Sergei",
    "Tomás",
    "Ulla",
    "Viktor",
    "Wendy",
    "Xenia",
    "Yusuf",
    "Zoë",
];

const LAST: &[&str] = &[
    "Sherman",
    "Ryabkov",
    "Graziani",
    "Bartosh",
    "Koshkin",
    "Müller",
    "Dubois",
    "Kowalski",
    "Ivanova",
    "García",
    "Rossi",
    "Novák",
    "Jensen",
    "Smith",
    "Tanaka",
    "Okafor",
    "Haddad",
    "Lindqvist",
    "O’Brien",
    "Petrov",
];

/// A generated annotation: its YAML (with `text_file: article.txt`) and
/// that article.
pub struct Corpus {
    pub yaml: String,
    pub article: String,
}

pub const SPEAKERS: usize = 200;
pub const ISSUES: usize = 50;

fn sentence(rng: &mut Rng) -> String {
    let n = 6 + rng.below(12);
    let mut s = String::new();
    for i in 0..n {
        let w = *rng.pick(WORDS);
        if i == 0 {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
            s.push_str(&first);
            s.push_str(chars.as_str());
        } else {
            s.push(if rng.chance(8) { ',' } else { ' ' });
            if s.ends_with(',') {
                s.push(' ');
            }
            s.push_str(w);
        }
    }
    if rng.chance(10) {
        let year = 1990 + rng.below(35);
        let _ = write!(s, " in {year}");
    }
    s.push(*rng.pick(&['.', '.', '.', '?', '!']));
    s
}

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// Generates `quotes` quotes from `seed`.
pub fn generate(quotes: usize, seed: u64) -> Corpus {
    let mut yaml = String::with_capacity(quotes * 220);
    let _ = writeln!(yaml, "whosaid: 1\narticle:\n  title: Generated hearing ({quotes} quotes, seed {seed})");
    let _ =
        writeln!(yaml, "  source: whosaid corpus generator\n  date: 2024-02-29\n  text_file: article.txt");
    definitions(&mut yaml);
    let article = quotes_and_article(quotes, seed, 0, &mut yaml);
    Corpus { yaml, article }
}

/// A corpus of `articles` generated articles of `quotes` quotes each: a
/// `corpus.yaml` with the speakers and issues they share, and for each
/// article its annotation and its text, as (file name, contents).
pub fn generate_corpus(articles: usize, quotes: usize, seed: u64) -> Vec<(String, String)> {
    let mut shared = String::from("whosaid: 1\ncorpus:\n  title: Generated corpus\n");
    definitions(&mut shared);
    let mut files = vec![("corpus.yaml".to_string(), shared)];
    for a in 0..articles {
        let mut yaml = String::with_capacity(quotes * 220);
        let day = 1 + a % 28;
        let month = 1 + (a / 28) % 12;
        let _ = writeln!(yaml, "whosaid: 1\narticle:\n  id: a{a}\n  title: Generated hearing {a}");
        let _ = writeln!(yaml, "  date: 2024-{month:02}-{day:02}\n  text_file: a{a}.txt");
        let article = quotes_and_article(quotes, seed + a as u64, a * quotes, &mut yaml);
        files.push((format!("a{a}.yaml"), yaml));
        files.push((format!("a{a}.txt"), article));
    }
    files
}

/// The `speakers:` and `issues:` every generated article uses.
fn definitions(yaml: &mut String) {
    yaml.push_str("speakers:\n");
    for s in 0..SPEAKERS {
        let name = format!("{} {}", FIRST[s % FIRST.len()], LAST[(s / FIRST.len() + s) % LAST.len()]);
        let _ =
            writeln!(yaml, "  - id: s{s}\n    name: {}\n    role: Delegate {}", yaml_string(&name), s % 17);
    }
    yaml.push_str("issues:\n");
    for i in 0..ISSUES {
        let _ = write!(yaml, "  - id: i{i}\n    title: Issue {i} {}\n", WORDS[i % 48]);
        if i >= 10 && i % 3 == 0 {
            let _ = writeln!(yaml, "    parent: i{}", i % 10);
        }
        let _ = writeln!(yaml, "    proposition: The parties should agree on {}", WORDS[(i * 7) % 48]);
    }
}

/// The `quotes:` of one generated article, appended to `yaml`; returns the
/// article's text. Its first quotes go to every speaker in turn from
/// `first_speaker`, so that across a corpus each speaker has some.
fn quotes_and_article(quotes: usize, seed: u64, first_speaker: usize, yaml: &mut String) -> String {
    let mut rng = Rng::new(seed);
    let mut article = String::with_capacity(quotes * 260);
    yaml.push_str("quotes:\n");
    // Sentences already quoted once, to be repeated later in the article.
    let mut repeatable: Vec<String> = Vec::new();
    let mut q = 0;
    while q < quotes {
        // Narration between quotes.
        for _ in 0..rng.below(2) {
            article.push_str(&sentence(&mut rng));
            article.push(' ');
        }
        let speaker = if q < SPEAKERS { (first_speaker + q) % SPEAKERS } else { rng.below(SPEAKERS) };
        let issue = if q < ISSUES { q } else { rng.below(ISSUES) };
        let repeat = !repeatable.is_empty() && rng.chance(2) && q + 1 < quotes;
        let (text, occurrence) = if repeat {
            // A sentence quoted before appears again: the second quote of it
            // needs `occurrence: 2`.
            (repeatable.swap_remove(rng.below(repeatable.len())), Some(2))
        } else {
            let n = 1 + rng.below(2);
            let text = (0..n).map(|_| sentence(&mut rng)).collect::<Vec<_>>().join(" ");
            let single = n == 1 && rng.chance(5);
            if single {
                repeatable.push(text.clone());
            }
            (text, single.then_some(1))
        };
        let direct = rng.chance(70);
        if direct {
            article.push('“');
        }
        article.push_str(&text);
        if direct {
            article.push('”');
        }
        article.push(if rng.chance(15) { '\n' } else { ' ' });
        if rng.chance(5) {
            article.push('\n');
        }
        let kind = if text.ends_with('?') {
            "question"
        } else if direct {
            "direct"
        } else {
            "indirect"
        };
        let _ = write!(yaml, "  - id: q{q}\n    speaker: s{speaker}\n");
        if rng.chance(12) {
            let other = (issue + 1 + rng.below(ISSUES - 1)) % ISSUES;
            let _ = write!(
                yaml,
                "    issues: [i{issue}, i{other}]\n    stance: {{i{issue}: {}}}\n",
                ["support", "oppose"][rng.below(2)]
            );
        } else {
            let _ = writeln!(yaml, "    issues: [i{issue}]");
            if rng.chance(80) {
                let _ = writeln!(
                    yaml,
                    "    stance: {}",
                    ["support", "oppose", "neutral", "mixed", "support"][rng.below(5)]
                );
            }
        }
        if kind != "direct" {
            let _ = writeln!(yaml, "    kind: {kind}");
        }
        if let Some(n) = occurrence {
            let _ = writeln!(yaml, "    occurrence: {n}");
        }
        let _ = writeln!(yaml, "    text: {}", yaml_string(&text));
        q += 1;
    }
    // Sentences that were meant to repeat but never did still get their
    // second occurrence, so every `occurrence: 1` has a twin.
    for text in repeatable {
        article.push_str(&text);
        article.push(' ');
    }
    article
}

/// A news text of about `bytes` bytes from `seed`, for measuring `suggest`:
/// paragraphs of narration that introduce people, quotations with their
/// reporting clauses before or after, pronouns and roles that refer back,
/// and reported speech — the patterns `suggest` reads, in varying order,
/// never repeating a paragraph.
pub fn news(bytes: usize, seed: u64) -> String {
    const TITLES: &[&str] =
        &["Minister", "Ambassador", "Senator", "Deputy Foreign Minister", "spokesman", "analyst"];
    let mut rng = Rng::new(seed);
    let mut text = String::with_capacity(bytes + 1024);
    let mut last: Option<(String, String)> = None;
    while text.len() < bytes {
        let first = *rng.pick(FIRST);
        let surname = *rng.pick(LAST);
        let sentences = |rng: &mut Rng, n: usize| (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ");
        let lower = |s: String| {
            let mut chars = s.chars();
            chars.next().map(|c| c.to_lowercase().collect::<String>() + chars.as_str()).unwrap_or_default()
        };
        match rng.below(7) {
            0 => {
                let title = *rng.pick(TITLES);
                let _ = write!(
                    text,
                    "{} {title} {first} {surname} arrived in {}. ",
                    sentence(&mut rng),
                    rng.pick(WORDS)
                );
                text.push_str(&{
                    let n = 1 + rng.below(2);
                    sentences(&mut rng, n)
                });
                last = Some((first.to_string(), surname.to_string()));
            }
            1 => {
                let quoted = {
                    let n = 1 + rng.below(3);
                    sentences(&mut rng, n)
                };
                let quoted = quoted.trim_end_matches(['.', '!']);
                let clause = match (rng.below(4), &last) {
                    (0, Some(_)) => "he told reporters".to_string(),
                    (1, Some(_)) => "the minister added".to_string(),
                    (2, _) => format!("said {first} {surname}"),
                    _ => format!("{surname} said"),
                };
                let _ = write!(text, "“{quoted},” {clause}.");
            }
            2 => {
                let _ = write!(text, "{first} {surname} said that {}", lower(sentence(&mut rng)));
                last = Some((first.to_string(), surname.to_string()));
            }
            3 => {
                let _ = write!(text, "According to {first} {surname}, {}", lower(sentence(&mut rng)));
            }
            4 => {
                let _ = write!(text, "{surname} said: “{}”", {
                    let n = 1 + rng.below(2);
                    sentences(&mut rng, n)
                });
            }
            5 if last.is_some() => {
                let _ = write!(text, "He also warned that {}", lower(sentence(&mut rng)));
            }
            _ => text.push_str(&{
                let n = 2 + rng.below(3);
                sentences(&mut rng, n)
            }),
        }
        text.push_str("\n\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bytes;

    #[test]
    fn a_generated_corpus_loads_cleanly_and_is_deterministic() {
        let corpus = generate(2_000, 7);
        let article = corpus.article.clone();
        let loaded =
            load_bytes("gen.yaml", corpus.yaml.as_bytes(), &|_| Ok((article.as_bytes().to_vec(), None)));
        let problems: Vec<String> = loaded.diagnostics().iter().take(5).map(|d| d.render()).collect();
        assert_eq!(problems, Vec::<String>::new());
        let a = loaded.into_corpus().unwrap();
        assert_eq!(a.quotes.len(), 2_000);
        assert_eq!(a.speakers.len(), SPEAKERS);
        assert!(corpus.yaml.contains("occurrence: 2"));
        let text = &a.articles.iter().next().unwrap().text;
        assert!(text.contains('“') && text.contains("d’état"));
        assert_eq!(generate(2_000, 7).yaml, corpus.yaml);
        assert_ne!(generate(2_000, 8).yaml, corpus.yaml);
    }
}
