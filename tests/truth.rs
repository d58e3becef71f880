//! Truth in every view (DESIGN §4): on the example corpus, every stance
//! any output shows stands next to the proposition it is a stance on; a
//! statement on a sub-issue is never a stance on its parent; every quote
//! over several articles carries its article; reported speech is set
//! apart from its source; a closed pipe ends a command quietly.

mod common;

use common::*;
use std::io::Read;
use std::process::{Command, Output, Stdio};
use whosaid::model::{Corpus, Kind, Stance};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

/// The words a stance reads as, written here rather than taken from the
/// code under test.
fn verb(stance: Stance) -> &'static str {
    match stance {
        Stance::Support => "supports",
        Stance::Oppose => "opposes",
        Stance::Neutral => "neutral on",
        Stance::Mixed => "mixed on",
    }
}

/// Every issue's short proposition: the example corpus gives each one.
fn shorts(c: &Corpus) -> Vec<String> {
    c.issues.iter().map(|i| i.short.clone().unwrap_or_else(|| panic!("{} has a short", i.id))).collect()
}

/// Checks that in `facts` (text that describes quotes, not their words)
/// every stance is followed by a short proposition — whole, or cut by the
/// edge of the screen with `…` — and that no stance stands alone.
fn stances_read_right(facts: &str, shorts: &[String], at: &str) -> usize {
    let facts = facts.replace('\\', "");
    let mut found = 0;
    for v in ["supports", "opposes", "neutral on", "mixed on"] {
        for (i, _) in facts.match_indices(&format!("{v} ")) {
            let rest = &facts[i + v.len() + 1..];
            let whole = shorts.iter().any(|s| rest.starts_with(s.as_str()));
            let cut = rest.split_once('…').is_some_and(|(head, _)| {
                !head.is_empty() && shorts.iter().any(|s| s.starts_with(head.trim_end()))
            });
            assert!(whole || cut, "{at}: `{v}` without its proposition: {facts}");
            found += 1;
        }
    }
    // The old way: a stance word as a fact of its own.
    for bare in ["· support", "· oppose", "· neutral", "· mixed", ": support", ": oppose"] {
        for (i, _) in facts.match_indices(bare) {
            let tail = facts[i + bare.len()..].trim_end_matches(['│', '┃', ' ']);
            let alone = tail.is_empty() || tail.starts_with(" ·") || tail.starts_with(',');
            assert!(!alone, "{at}: a bare stance `{bare}`: {facts}");
        }
    }
    found
}

#[test]
fn every_shown_stance_stands_next_to_its_proposition() {
    let c = corpus();
    let shorts = shorts(&c);
    let stanced: Vec<_> = c.quotes.ids().filter(|&q| !c.quotes[q].stances.is_empty()).collect();
    assert!(stanced.len() > 100);

    // The browser's rows, at 80 and 160 columns, and Details.
    for width in [80, 160] {
        let mut app = corpus_app(width, 45);
        focus(&mut app, whosaid::tui::layout::Pane::Quotes);
        let mut seen = 0;
        for row in 0..app.list.quotes.len() {
            if row > 0 {
                press(&mut app, "j");
            }
            let s = screen(&app);
            let lines: Vec<&str> = s.lines().collect();
            let at = lines.iter().position(|l| l.contains('▶')).expect("the selected row");
            seen += stances_read_right(lines[at + 1], &shorts, &format!("row {row} at {width}"));
        }
        assert!(seen >= stanced.len(), "every stanced quote shows a stance at {width} ({seen})");
    }
    for &q in &stanced {
        let quote = &c.quotes[q];
        let details: Vec<String> = whosaid::tui::details::quote(&c, q).into_iter().map(|e| e.text).collect();
        let details = details.join("\n");
        for &(i, stance) in &quote.stances {
            let expected = format!("{} {}", verb(stance), shorts[i.index()]);
            assert!(details.contains(&expected), "Details of {}: {details}", quote.id);
        }
        // `y` cites the words and where they stand; what follows them
        // states no stance without its proposition.
        let citation = whosaid::describe::citation(&c, q);
        stances_read_right(citation.rsplit(" — ").next().unwrap_or(""), &shorts, "y");
    }

    // The command line: the byline of every quote in text, the facts in
    // Markdown and in the report.
    let text = stdout(&whosaid(&["quotes", EXAMPLES]));
    let bylines: Vec<&str> = text.lines().filter(|l| !l.starts_with("  ") && !l.is_empty()).collect();
    assert_eq!(bylines.len(), c.quotes.len());
    let seen: usize = bylines.iter().map(|l| stances_read_right(l, &shorts, "quotes")).sum();
    let stances: usize = c.quotes.iter().map(|q| q.stances.len()).sum();
    assert_eq!(seen, stances, "every stance of every quote, each with its proposition");
    for args in [&["quotes", EXAMPLES, "--format", "markdown"][..], &["report", EXAMPLES]] {
        let md = stdout(&whosaid(args));
        let facts: Vec<&str> = md.lines().filter_map(|l| l.split_once(" — *").map(|(_, f)| f)).collect();
        assert!(!facts.is_empty());
        let seen: usize = facts.iter().map(|f| stances_read_right(f, &shorts, args[0])).sum();
        assert!(seen > 100, "{}: {seen} stances", args[0]);
    }
}

#[test]
fn json_and_csv_keep_the_stance_and_add_its_proposition() {
    let c = corpus();
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&whosaid(&["quotes", EXAMPLES, "--format", "json"]))).unwrap();
    for (row, quote) in v.as_array().unwrap().iter().zip(c.order.iter().map(|&q| &c.quotes[q])) {
        for &(i, stance) in &quote.stances {
            let id = c.issues[i].id.as_str();
            assert_eq!(row["stance"][id], stance.name());
            assert_eq!(row["short"][id], c.issues[i].short.as_deref().unwrap());
            assert_eq!(row["proposition"][id], c.issues[i].proposition.as_deref().unwrap());
        }
        assert_eq!(row["article_title"], c.articles[quote.article].title);
    }
    let o = whosaid(&["quotes", EXAMPLES, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    for column in ["stance", "proposition", "short", "article", "article_date", "article_title"] {
        assert!(header.iter().any(|h| h == column), "CSV has {column}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = reader.records().next().unwrap().unwrap();
    let quote = &c.quotes[c.order[0]];
    assert_eq!(&first[col("article_date")], c.articles[quote.article].date.as_deref().unwrap());
    assert_eq!(&first[col("article_title")], c.articles[quote.article].title);
}

/// A speaker whose only statement is on a sub-issue.
const SUB_ONLY: &str = r#"article:
  title: T
  text: We oppose strike systems. Guarantees are fine.
speakers:
  - id: biden
    name: Joe Biden
  - id: other
    name: Other
issues:
  - id: guarantees
    title: Security guarantees
    proposition: The US should give Russia security guarantees.
    short: security guarantees for Russia
  - id: strikes
    title: Strike systems
    parent: guarantees
    proposition: NATO should not deploy strike systems in Europe.
    short: no strike systems in Europe
quotes:
  - {id: strikes, speaker: biden, issues: [strikes], stance: support, text: We oppose strike systems.}
  - {id: fine, speaker: other, issues: [guarantees], stance: support, text: Guarantees are fine.}
"#;

#[test]
fn a_statement_on_a_sub_issue_claims_nothing_on_its_parent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, SUB_ONLY).unwrap();
    let path = file.to_str().unwrap();
    let c = from_yaml(SUB_ONLY);
    let (biden, guarantees) = (c.speaker_by_id("biden").unwrap(), c.issue_by_id("guarantees").unwrap());

    for fold in [false, true] {
        let m = whosaid::matrix::build(&c, fold);
        let cell = &m.cells[biden.index()][0];
        assert_eq!(m.columns[0], guarantees);
        assert!(cell.quotes.is_empty() && cell.stance.is_none(), "fold {fold}: {cell:?}");
        assert_eq!(cell.on_sub_issues, 1, "counted apart");
    }
    let t = whosaid::timeline::build(&c, biden);
    assert!(!t.issues.contains(&guarantees), "no timeline row claims the parent: {:?}", t.issues);

    // The browser's matrix, folded and not: the cell's words.
    let mut app = whosaid::tui::app::App::new(
        c.clone(),
        "t.yaml".into(),
        whosaid::tui::theme::Theme::new(true),
        140,
        30,
    );
    press(&mut app, "m");
    for _ in 0..2 {
        let status = screen(&app).lines().last().unwrap().to_string();
        assert!(status.contains("Joe Biden · Security guarantees · no statements"), "{status}");
        assert!(status.contains("1 statement on its sub-issues, not counted here"), "{status}");
        // Folded: the cell claims the same (k stays on the first row and
        // clears the fold's message).
        press(&mut app, "f k");
    }

    let v: serde_json::Value =
        serde_json::from_str(&stdout(&whosaid(&["matrix", path, "--format", "json"]))).unwrap();
    let cell =
        v["cells"].as_array().unwrap().iter().find(|c| c["speaker"] == "biden" && c["issue"] == "guarantees");
    let cell = cell.expect("the parent's cell says what lies below it");
    assert_eq!((cell["statements"].as_u64(), cell["stance"].is_null()), (Some(0), true));
    assert_eq!(cell["on_sub_issues"], 1);
    let issues: serde_json::Value =
        serde_json::from_str(&stdout(&whosaid(&["issues", path, "--format", "json"]))).unwrap();
    let parent = issues.as_array().unwrap().iter().find(|i| i["id"] == "guarantees").unwrap();
    assert_eq!((parent["statements"].as_u64(), parent["stances"]["support"].as_u64()), (Some(1), Some(1)));
    assert_eq!(parent["on_sub_issues"], 1);

    // The report's matrix: Biden's parent cell is empty.
    let report = stdout(&whosaid(&["report", path]));
    let row = report.lines().find(|l| l.starts_with("| Joe Biden")).expect("Biden's row");
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    assert_eq!(cells[2], "", "the parent's cell claims nothing: {row}");
    assert_eq!(cells[3], "+1", "the sub-issue's own: {row}");
}

#[test]
fn provenance_travels_with_every_quote() {
    let c = corpus();
    // Text names each quote's article, by date and title.
    let text = stdout(&whosaid(&["quotes", EXAMPLES]));
    let first = &c.quotes[c.order[0]];
    let article = &c.articles[first.article];
    let head = text.lines().next().unwrap();
    assert!(head.contains(&format!("{} · {}", article.date.as_deref().unwrap(), article.title)), "{head}");

    // Markdown keeps the relay chain.
    let relayed = c.order.iter().copied().find(|&q| !c.quotes[q].via.is_empty()).expect("a relayed quote");
    let relayer = c.speaker_name(*c.quotes[relayed].via.last().unwrap()).to_string();
    let md = stdout(&whosaid(&["quotes", EXAMPLES, "--format", "markdown"]));
    assert!(md.contains(&format!("via {relayer}")), "markdown keeps via {relayer}");

    // `y` sets reported speech apart from the words, never in quote marks.
    let reported =
        c.order.iter().copied().find(|&q| c.quotes[q].kind == Kind::Indirect && !c.quotes[q].via.is_empty());
    let reported = reported.expect("relayed reported speech");
    let citation = whosaid::describe::citation(&c, reported);
    let speaker = c.speaker_name(c.quotes[reported].speaker);
    assert!(citation.starts_with(&format!("{speaker}, as reported by ")), "{citation}");
    assert!(
        !citation.contains('“') || c.quotes[reported].text.parts().iter().any(|p| p.contains('“')),
        "{citation}"
    );
    let source = c.articles[c.quotes[reported].article].source.clone().unwrap_or_default();
    assert!(citation.contains(&format!(" — {source}")), "the source after the words: {citation}");
}

#[test]
fn a_closed_pipe_ends_every_format_quietly() {
    for format in ["text", "csv", "json", "markdown"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(["quotes", EXAMPLES, "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert_eq!(err, "", "{format}: nothing said of the closed pipe");
        assert_eq!(status.code(), Some(0), "{format}");
    }
}
