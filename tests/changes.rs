//! Who changed position (`whosaid changes`, the timeline's marks): on a
//! corpus built for it, and on the example corpus by a property — every
//! listed change is backed by two quotes with different stances on the
//! issue on different dates, and every such pair of consecutive dated
//! articles is listed.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use whosaid::model::{Source, Stance, load};
use whosaid::tui::app::App;
use whosaid::tui::mode::Mode;

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().expect("runs")
}

const CORPUS: &str = r#"corpus:
  title: Talks
speakers:
  - id: ana
    name: Ana Ruiz
  - id: bo
    name: Bo Lind
issues:
  - id: talks
    title: Talks
    proposition: The two sides should resume talks.
    short: resuming the talks
  - id: venue
    title: Venue
    parent: talks
    proposition: The talks should be held in Geneva.
    short: Geneva as the venue
"#;

/// Writes the corpus and one article a day: `(id, date, quotes)`.
fn write(dir: &Path, articles: &[(&str, Option<&str>, &str)]) {
    std::fs::write(dir.join("corpus.yaml"), CORPUS).unwrap();
    for (id, date, quotes) in articles {
        let date = date.map(|d| format!("  date: {d}\n")).unwrap_or_default();
        let yaml = format!(
            "article:\n  title: Day {id}\n{date}  text: one two three four five six\nquotes:\n{quotes}"
        );
        std::fs::write(dir.join(format!("{id}.yaml")), yaml).unwrap();
    }
}

#[test]
fn a_change_between_dated_articles_with_a_quote_from_each() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "a",
                Some("2024-01-01"),
                "  - {id: yes, speaker: ana, issues: [talks], stance: support, text: one}\n",
            ),
            // Nothing on the talks: the next stance is compared with the first.
            (
                "b",
                Some("2024-01-02"),
                "  - {id: geneva, speaker: ana, issues: [venue], stance: oppose, text: two}\n",
            ),
            (
                "c",
                Some("2024-01-03"),
                "  - {id: no, speaker: ana, issues: [talks], stance: oppose, text: three}\n  - {id: bo1, speaker: bo, issues: [talks], stance: oppose, text: four}\n",
            ),
            // Undated: its place in time is unknown.
            ("d", None, "  - {id: again, speaker: ana, issues: [talks], stance: support, text: five}\n"),
            (
                "e",
                Some("2024-01-05"),
                "  - {id: still, speaker: ana, issues: [talks], stance: oppose, text: six}\n  - {id: bo2, speaker: bo, issues: [talks], stance: oppose, text: five}\n",
            ),
        ],
    );
    let path = dir.path().to_str().unwrap();
    let o = whosaid(&["changes", path]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        text.lines().next().unwrap(),
        "Ana Ruiz on Talks: 2024-01-01 supports resuming the talks → 2024-01-03 opposes resuming the talks"
    );
    assert!(text.contains("  “one” (2024-01-01 · Day a, line 1)"), "{text}");
    assert!(text.contains("  “three” (2024-01-03 · Day c, line 1)"), "{text}");
    let v: serde_json::Value =
        serde_json::from_slice(&whosaid(&["changes", path, "--format", "json"]).stdout).unwrap();
    let changes = v.as_array().unwrap();
    assert_eq!(
        changes.len(),
        1,
        "the sub-issue, the undated article and Bo's steady stance are no change: {v:#}"
    );
    assert_eq!(
        (changes[0]["from"]["quote"].as_str(), changes[0]["to"]["quote"].as_str()),
        (Some("a/yes"), Some("c/no"))
    );
    assert_eq!(changes[0]["short"], "resuming the talks");

    // The timeline marks the cell and says the change in words.
    let c = load(&Source::Paths(vec![dir.path().to_path_buf()])).unwrap().into_corpus().unwrap();
    let mut app = App::new(c, path.into(), whosaid::tui::theme::Theme::new(true), 140, 30);
    select_speaker(&mut app, "ana");
    press(&mut app, "t");
    app.settle();
    let Mode::Timeline(t) = &app.mode else { panic!("the timeline") };
    assert_eq!(t.changes.len(), 1);
    let s = screen(&app);
    assert!(s.contains("↻−1"), "{s}");
    let grid = t.grid.as_ref().unwrap();
    let col = grid.articles.iter().position(|&a| app.corpus.articles[a].id == "c").unwrap();
    press(&mut app, &"l ".repeat(col));
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.contains("↻ changed: on 2024-01-01 supports resuming the talks"), "{status}");
}

#[test]
fn on_the_example_corpus_every_change_is_backed_and_every_one_is_listed() {
    let c = corpus();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let v: serde_json::Value =
        serde_json::from_slice(&whosaid(&["changes", examples, "--format", "json"]).stdout).unwrap();
    let listed: BTreeSet<(String, String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|ch| {
            // Backed: two quotes on the issue, their stances as said, on different dates.
            let issue = c.issue_by_id(ch["issue"].as_str().unwrap()).unwrap();
            for end in ["from", "to"] {
                let name = ch[end]["quote"].as_str().unwrap();
                let (article, quote) = name.split_once('/').unwrap();
                let a = c.article_by_id(article).unwrap();
                let q =
                    c.quotes.ids().find(|&q| c.quotes[q].article == a && c.quotes[q].id == quote).unwrap();
                assert_eq!(
                    c.quotes[q].stance_on(issue).map(|s| s.name()),
                    ch[end]["stance"].as_str(),
                    "{ch}"
                );
            }
            assert_ne!(ch["from"]["stance"], ch["to"]["stance"]);
            assert!(ch["from"]["date"].as_str() < ch["to"]["date"].as_str(), "{ch}");
            let s = |k: &str| ch[k].as_str().unwrap().to_string();
            (
                s("speaker"),
                s("issue"),
                ch["from"]["article"].as_str().unwrap().into(),
                ch["to"]["article"].as_str().unwrap().into(),
            )
        })
        .collect();
    // Every pair of consecutive dated articles where a speaker's stance on
    // an issue's own proposition differs, found here the long way.
    let groups: BTreeSet<_> = c.speakers.iter().filter_map(|s| s.member_of).collect();
    let mut expected = BTreeSet::new();
    for s in c.speakers.ids().filter(|s| !groups.contains(s)) {
        for i in c.issues.ids() {
            let mut held: Vec<(String, String, Stance)> = Vec::new();
            for a in c.articles.ids() {
                let Some(date) = c.articles[a].date.clone() else { continue };
                let stances = c
                    .quotes
                    .ids()
                    .filter(|&q| c.counts(q) && c.quotes[q].kind != whosaid::model::Kind::Question)
                    .filter(|&q| c.quotes[q].article == a && c.said_by(q, s))
                    .filter_map(|q| c.quotes[q].stance_on(i));
                if let Some(stance) = Stance::combine(stances) {
                    held.push((date, c.articles[a].id.clone(), stance));
                }
            }
            held.sort();
            for pair in held.windows(2) {
                if pair[0].2 != pair[1].2 {
                    expected.insert((
                        c.speakers[s].id.clone(),
                        c.issues[i].id.clone(),
                        pair[0].1.clone(),
                        pair[1].1.clone(),
                    ));
                }
            }
        }
    }
    assert_eq!(listed, expected);
}
