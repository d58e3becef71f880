//! Annotating in the browser (DESIGN §10), driven in-process: the App gets
//! real keys, and every change it asks for is written as the browser's
//! loader writes it (`edit::write` on a `Library` of real files), its
//! outcome handed back as the loop hands it. The forms are drawn at 80×24.

mod common;

use common::{key, screen};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use whosaid::edit::write::{Refused, write};
use whosaid::edit::{Change, Edit, QuoteRef};
use whosaid::model::{Kind, Library, LoadOutcome, Source, Stance};
use whosaid::tui::app::{App, Effect, Event};
use whosaid::tui::theme::Theme;

const TALKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/raw/talks.txt");

/// A draft of the Vienna text with its two surest quotes, and two issues
/// the annotator added: the other candidates are left to the browser.
const DRAFT: &str = "# Stances are towards each proposition as Eastmark demands it.
whosaid: 1
article:
  title: \"Talks in Vienna end without a deal\"
  text_file: \"talks.txt\"
speakers:
  - id: orlov
    name: \"Viktor Orlov\"
  - id: keller
    name: \"Anna Keller\"
    role: \"Deputy Foreign Minister\"
issues:
  - id: expansion
    title: Alliance non-expansion
    proposition: The alliance should guarantee that it will not expand further east
  - id: sanctions
    title: Sanctions
    proposition: Norland should not threaten Eastmark with sanctions
quotes:
  # 90% · quotation, then ` Orlov said.`
  - id: orlov-1
    speaker: orlov
    text:
      - \"There was no progress on the main issue\"
      - \"The other side does not take our demands seriously.\"
  # 90% · quotation, then ` Keller warned.`
  - id: keller-1
    speaker: keller
    text: \"Sanctions will follow any invasion\"
";

/// A browser on files in a scratch directory, its writes made for real.
struct Desk {
    _dir: tempfile::TempDir,
    file: PathBuf,
    library: Library,
    app: App,
}

impl Desk {
    fn new(yaml: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(TALKS, dir.path().join("talks.txt")).unwrap();
        let file = dir.path().join("talks.yaml");
        std::fs::write(&file, yaml).unwrap();
        Desk::open(dir, file)
    }

    /// A browser on an article of our own.
    fn with_text(text: &str, yaml: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("talks.txt"), text).unwrap();
        let file = dir.path().join("talks.yaml");
        std::fs::write(&file, yaml).unwrap();
        Desk::open(dir, file)
    }

    fn open(dir: tempfile::TempDir, file: PathBuf) -> Desk {
        let (library, outcome) = Library::open(&Source::Paths(vec![file.clone()]), &|_| {}).unwrap();
        let corpus = outcome.into_corpus().expect("the file loads");
        let mut app = App::new(corpus, file.display().to_string(), Theme::new(true), 80, 24);
        app.settle();
        Desk { _dir: dir, file, library, app }
    }

    /// Presses keys (space-separated names); a change the App asks for is
    /// written, and the outcome handed back.
    fn press(&mut self, keys: &str) {
        for name in keys.split(' ').filter(|k| !k.is_empty()) {
            if let Some(Effect::Write(change)) = self.app.handle(Event::Key(key(name))) {
                self.deliver(*change);
            }
            self.app.settle();
        }
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let name = if c == ' ' { "Space".to_string() } else { c.to_string() };
            let event = if c == ' ' {
                crossterm::event::KeyEvent::new(
                    crossterm::event::KeyCode::Char(' '),
                    crossterm::event::KeyModifiers::NONE,
                )
            } else {
                key(&name)
            };
            self.app.handle(Event::Key(event));
        }
    }

    fn deliver(&mut self, change: Change) {
        let result = write(&mut self.library, &change);
        let written = match result {
            Ok((written, outcome)) => {
                let corpus = outcome.into_corpus().expect("a written change loads");
                self.app.handle(Event::Reloaded(Ok(Box::new(corpus))));
                Ok(written)
            }
            Err(refused) => Err(refused),
        };
        self.app.handle(Event::Written(vec![(change, written)]));
    }

    fn yaml(&self) -> String {
        std::fs::read_to_string(&self.file).unwrap()
    }

    fn message(&self) -> String {
        self.app.message.clone().unwrap_or_default()
    }
}

/// Whether every line of `before` is in `after`, in order: nothing the
/// user wrote is lost or moved.
fn keeps_every_line(before: &str, after: &str) -> bool {
    let mut after = after.lines();
    before.lines().all(|line| after.any(|l| l == line))
}

fn loads(file: &Path) -> bool {
    matches!(whosaid::model::load(&Source::Paths(vec![file.to_path_buf()])), Ok(LoadOutcome::Valid { .. }))
}

#[test]
fn a_candidate_is_accepted_as_a_new_speakers_quote_with_a_stance() {
    let mut desk = Desk::new(DRAFT);
    desk.press("u");
    assert!(desk.message().contains("candidates no quote covers"), "{}", desk.message());
    // Up the article from the first quote: Orlov's words, then Keller's,
    // whose speaker suggest names from the clause after them.
    desk.press("[ [");
    assert!(desk.message().starts_with("candidate:"), "{}", desk.message());
    // The candidate is drawn reversed in the article, and only it.
    let buffer = common::draw(&desk.app);
    let reversed: String = buffer
        .content
        .iter()
        .filter(|cell| cell.modifier.contains(ratatui::style::Modifier::REVERSED))
        .map(|cell| cell.symbol())
        .collect();
    assert!(reversed.replace(" ", "").starts_with("Wewillnotallow"), "{reversed:?}");
    desk.press("A");
    let s = screen(&desk.app);
    assert!(s.contains("Accept the candidate: who said it?"), "{s}");
    insta::assert_snapshot!("accept_speaker_80x24", s);
    // Typing finds Keller among the file's speakers.
    desk.type_text("kell");
    let s = screen(&desk.app);
    assert!(s.contains("▶ Anna Keller"), "{s}");
    desk.press("Enter");
    let s = screen(&desk.app);
    insta::assert_snapshot!("accept_stances_80x24", s);
    // The proposition in full, wrapped: the stance is towards it.
    assert!(
        s.contains("towards: The alliance should guarantee that it will not expand")
            && s.contains("further east"),
        "{s}"
    );
    desk.press("o Enter");
    assert!(desk.message().contains("keller-2 added"), "{}", desk.message());
    let yaml = desk.yaml();
    assert!(keeps_every_line(DRAFT, &yaml), "{yaml}");
    assert!(
        yaml.contains(
            "  - id: keller-2\n    speaker: keller\n    issues: [expansion]\n    stance: oppose\n    text: \"We will not allow anyone to close the alliance's open door\"\n"
        ),
        "{yaml}"
    );
    assert!(loads(&desk.file));
    // The new quote is selected, and no longer a candidate.
    let q = desk.app.selected_quote().unwrap();
    assert_eq!(desk.app.corpus.quotes[q].id, "keller-2");
}

#[test]
fn a_new_speaker_is_added_by_the_name_suggest_found_or_typed() {
    let mut desk = Desk::new(DRAFT);
    desk.press("u");
    // Down the article from the first quote: Keller's reported words, then Lind's.
    desk.press("] ]");
    assert!(desk.message().contains("by Mara Lind"), "{}", desk.message());
    desk.press("A");
    assert!(screen(&desk.app).contains("▶ + new speaker: Mara Lind · alliance spokesperson  suggested"));
    desk.press("Enter Esc");
    assert_eq!(desk.message(), "nothing written");
    assert_eq!(desk.yaml(), DRAFT, "Esc writes nothing");
    desk.press("A Enter Enter");
    let yaml = desk.yaml();
    assert!(
        yaml.contains("  - id: lind\n    name: \"Mara Lind\"\n    role: \"alliance spokesperson\"\nissues:"),
        "{yaml}"
    );
    assert!(yaml.contains("    speaker: lind\n    kind: indirect\n"), "{yaml}");
    assert!(keeps_every_line(DRAFT, &yaml));
}

#[test]
fn x_rejects_a_candidate_for_good() {
    let mut desk = Desk::new(DRAFT);
    desk.press("u G [");
    let before = desk.app.article.uncovered.as_ref().unwrap().len();
    desk.press("X");
    assert!(desk.message().starts_with("candidate rejected"), "{}", desk.message());
    assert!(
        desk.yaml()
            .ends_with("rejected:\n  - text: \"the alliance would not compromise on its core principles\"\n")
    );
    assert_eq!(desk.app.article.uncovered.as_ref().unwrap().len(), before - 1, "no longer offered");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["suggest", TALKS, "--into"])
        .arg(&desk.file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        !desk.yaml().contains("    text: \"the alliance would not compromise"),
        "suggest --into honours it"
    );
}

#[test]
fn s_k_spans_and_d_each_write_one_change_and_u_undoes_them_all() {
    let mut desk = Desk::new(DRAFT);
    common::focus(&mut desk.app, whosaid::tui::layout::Pane::Quotes);
    // Keller's quote: the second of the list.
    desk.press("j S");
    let s = screen(&desk.app);
    insta::assert_snapshot!("stances_80x24", s);
    desk.press("j o Enter");
    assert!(desk.message().starts_with("keller-1 · sanctions: oppose"), "{}", desk.message());
    desk.press("K");
    assert!(desk.yaml().contains("    issues: [sanctions]\n    stance: oppose\n    kind: indirect\n"));
    desk.press("} {");
    assert!(
        desk.yaml().contains("    text: \"Sanctions will follow any invasion\"\n"),
        "a word on, then off"
    );
    desk.press("{");
    assert!(desk.yaml().contains("    text: \"Sanctions will follow any\"\n"), "{}", desk.yaml());
    desk.press(">");
    assert!(desk.yaml().contains("    text: \"will follow any\"\n"), "{}", desk.yaml());
    desk.press("D");
    let s = screen(&desk.app);
    insta::assert_snapshot!("delete_80x24", s);
    desk.press("y");
    assert!(!desk.yaml().contains("keller-1"));
    assert!(loads(&desk.file));
    for _ in 0..20 {
        desk.press("U");
    }
    assert_eq!(desk.message(), "nothing to undo");
    assert_eq!(desk.yaml(), DRAFT, "every change undone, byte for byte");
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_and_r_tries_again() {
    let mut desk = Desk::new(DRAFT);
    let theirs = DRAFT.replace("# 90% · quotation, then ` Keller warned.`", "# checked by hand");
    std::fs::write(&desk.file, &theirs).unwrap();
    common::focus(&mut desk.app, whosaid::tui::layout::Pane::Quotes);
    desk.press("K");
    assert!(
        desk.message().contains("changed on disk since it was read: nothing written"),
        "{}",
        desk.message()
    );
    assert_eq!(desk.yaml(), theirs, "the other writer's change stays");
    // The browser reads the file again (the watcher's reload), then R.
    let outcome = desk.library.reload(std::slice::from_ref(&desk.file), &|_| {}).unwrap();
    desk.app.handle(Event::Reloaded(Ok(Box::new(outcome.into_corpus().unwrap()))));
    desk.press("R");
    let yaml = desk.yaml();
    assert!(yaml.contains("# checked by hand") && yaml.contains("    kind: indirect\n"), "{yaml}");
}

#[test]
fn a_change_that_would_not_load_is_refused_with_its_diagnostic() {
    let mut desk = Desk::new(DRAFT);
    let edit = Edit::Stances {
        quote: QuoteRef { index: 0, id: "orlov-1".into() },
        stances: vec![("no-such-issue".into(), Some(Stance::Support))],
    };
    let refused = write(&mut desk.library, &Change::Edit { file: desk.file.clone(), edit }).unwrap_err();
    let Refused::Invalid(lines) = &refused else { panic!("{refused:?}") };
    assert!(lines[0].contains("talks.yaml:") && lines[0].contains("no-such-issue"), "{lines:?}");
    assert!(refused.say().starts_with("not written: the file would not pass check"));
    assert_eq!(desk.yaml(), DRAFT);
}

#[test]
fn the_built_in_article_cannot_change_and_says_so() {
    let mut app = common::app(80, 24);
    common::focus(&mut app, whosaid::tui::layout::Pane::Quotes);
    common::press(&mut app, "S");
    assert!(app.message.clone().unwrap().contains("the built-in article has no file to change"));
    assert!(matches!(app.mode, whosaid::tui::mode::Mode::Browse));
}

#[test]
fn in_a_corpus_the_change_goes_to_the_file_that_holds_the_quote() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_examples(dir.path());
    let before: Vec<(PathBuf, String)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    let (library, outcome) = Library::open(&Source::Paths(vec![dir.path().to_path_buf()]), &|_| {}).unwrap();
    let corpus = outcome.into_corpus().unwrap();
    let mut app = App::new(corpus, "examples".into(), Theme::new(true), 120, 36);
    common::select_quote(&mut app, "nsc-too-soon");
    let mut desk = Desk { file: PathBuf::new(), _dir: dir, library, app };
    desk.press("K");
    assert!(
        desk.message().contains("nsc-too-soon is now question · written to 2022-01-14-psaki-briefing.yaml"),
        "{}",
        desk.message()
    );
    for (path, text) in before {
        let now = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("2022-01-14-psaki-briefing.yaml") {
            assert_ne!(now, text);
            assert!(keeps_every_line(&text.replace("    kind: indirect\n", ""), &now));
        } else {
            assert_eq!(now, text, "{} is untouched", path.display());
        }
    }
}

/// The edits a property test makes, on quote `n % quotes`.
#[derive(Debug, Clone)]
enum Step {
    Stances(usize, Vec<Option<u8>>),
    Kind(usize, u8),
    Span(usize, u8),
    Delete(usize),
    Reject(usize),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<usize>(), proptest::collection::vec(proptest::option::of(0u8..4), 0..3))
            .prop_map(|(n, s)| Step::Stances(n, s)),
        (any::<usize>(), 0u8..3).prop_map(|(n, k)| Step::Kind(n, k)),
        (any::<usize>(), 0u8..4).prop_map(|(n, m)| Step::Span(n, m)),
        any::<usize>().prop_map(Step::Delete),
        any::<usize>().prop_map(Step::Reject),
        Just(Step::Undo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any sequence of edits and undos leaves a file that loads; undoing
    /// everything gives back the original, byte for byte.
    #[test]
    fn edits_and_undos_leave_a_file_that_loads_and_undo_restores_it(steps in proptest::collection::vec(step(), 1..10)) {
        let mut desk = Desk::new(DRAFT);
        let mut undo: Vec<whosaid::edit::Written> = Vec::new();
        for step in steps {
            let c = desk.app.corpus.clone();
            let quotes = c.quotes.len();
            let pick = |n: usize| whosaid::model::QuoteIx::new(n % quotes.max(1));
            let qref = |n: usize| QuoteRef { index: n % quotes.max(1), id: c.quotes[pick(n)].id.clone() };
            let issues: Vec<String> = c.issues.iter().map(|i| i.id.clone()).collect();
            let change = |edit| Change::Edit { file: desk.file.clone(), edit };
            let change = match step {
                Step::Undo => match undo.pop() {
                    Some(w) => Change::Undo(w),
                    None => continue,
                },
                _ if quotes == 0 => continue,
                Step::Stances(n, s) => change(Edit::Stances {
                    quote: qref(n),
                    stances: s.iter().zip(&issues).map(|(s, i)| (i.clone(), s.map(|s| Stance::ALL[s as usize]))).collect(),
                }),
                Step::Kind(n, k) => change(Edit::Kind { quote: qref(n), kind: Kind::ALL[k as usize] }),
                Step::Span(n, m) => {
                    let q = &c.quotes[pick(n)];
                    let text = &c.articles[q.article].text;
                    let part = &q.parts[0];
                    // A word less at either end, when there is more than one.
                    let words: Vec<&str> = text[part.clone()].split_whitespace().collect();
                    if words.len() < 2 { continue; }
                    let kept = if m % 2 == 0 { &words[1..] } else { &words[..words.len() - 1] };
                    let mut parts: Vec<String> = q.text.parts().to_vec();
                    parts[0] = kept.join(" ");
                    // Shorter words may occur more than once: which one is
                    // then for the loader to say, and the edit may be refused.
                    change(Edit::Span { quote: qref(n), parts, occurrence: None })
                }
                Step::Delete(n) => change(Edit::Delete { quote: qref(n) }),
                Step::Reject(n) => {
                    let q = &c.quotes[pick(n)];
                    change(Edit::Reject { text: q.text.parts()[0].clone(), occurrence: None })
                }
            };
            let is_undo = matches!(change, Change::Undo(_));
            match write(&mut desk.library, &change) {
                Ok((written, outcome)) => {
                    prop_assert!(loads(&desk.file), "{}", desk.yaml());
                    desk.app.handle(Event::Reloaded(Ok(Box::new(outcome.into_corpus().unwrap()))));
                    if !is_undo {
                        undo.push(written);
                    }
                }
                Err(Refused::Invalid(_)) => prop_assert!(loads(&desk.file)),
                Err(other) => prop_assert!(false, "{other:?}"),
            }
        }
        while let Some(w) = undo.pop() {
            prop_assert!(write(&mut desk.library, &Change::Undo(w)).is_ok());
        }
        prop_assert_eq!(desk.yaml(), DRAFT);
    }
}

#[test]
fn w_gives_a_quote_another_speaker_or_a_new_one() {
    let mut desk = Desk::new(DRAFT);
    common::focus(&mut desk.app, whosaid::tui::layout::Pane::Quotes);
    desk.press("W");
    let s = screen(&desk.app);
    assert!(s.contains("Who said orlov-1?") && s.contains("▶ Viktor Orlov  suggested"), "{s}");
    desk.type_text("kel");
    desk.press("Enter");
    assert!(desk.message().starts_with("orlov-1 now said by `keller`"), "{}", desk.message());
    assert_eq!(desk.yaml(), DRAFT.replacen("    speaker: orlov\n", "    speaker: keller\n", 1));
    desk.press("W");
    desk.type_text("Ivan Petrov");
    assert!(screen(&desk.app).contains("▶ + new speaker: Ivan Petrov"), "{}", screen(&desk.app));
    desk.press("Enter");
    let yaml = desk.yaml();
    assert!(
        yaml.contains(
            "    role: \"Deputy Foreign Minister\"\n  - id: petrov\n    name: \"Ivan Petrov\"\nissues:"
        ),
        "{yaml}"
    );
    assert!(yaml.contains("  - id: orlov-1\n    speaker: petrov\n"), "{yaml}");
    desk.press("U U");
    assert_eq!(desk.yaml(), DRAFT);
}

/// Quotes known only by their place (`q1`, `q2`…) are never renumbered
/// under whatever refers to them: no delete before them, and a quote
/// accepted goes after them.
#[test]
fn quotes_without_ids_are_never_renumbered() {
    let yaml = DRAFT
        .replace("  - id: orlov-1\n    speaker: orlov\n", "  - speaker: orlov\n")
        .replace("  - id: keller-1\n    speaker: keller\n", "  - speaker: keller\n    replies_to: q1\n");
    let mut desk = Desk::new(&yaml);
    common::focus(&mut desk.app, whosaid::tui::layout::Pane::Quotes);
    desk.press("D y");
    assert!(desk.message().contains("would renumber them"), "{}", desk.message());
    assert_eq!(desk.yaml(), yaml);
    desk.press("u [ A Enter Enter");
    assert!(desk.message().contains("added"), "{}", desk.message());
    let now = desk.yaml();
    assert!(keeps_every_line(&yaml, &now), "{now}");
    let quotes = &now[now.find("quotes:").unwrap()..];
    assert!(quotes.find("  - speaker: keller").unwrap() < quotes.find("  - id: orlov-").unwrap(), "{now}");
}

#[test]
fn reported_speech_accepted_is_not_shown_as_a_quotation() {
    let mut desk = Desk::new(DRAFT);
    desk.press("u");
    for _ in 0..8 {
        if desk.message().starts_with("candidate: indirect") {
            break;
        }
        desk.press("]");
    }
    assert!(desk.message().starts_with("candidate: indirect"), "{}", desk.message());
    desk.press("A");
    let s = screen(&desk.app);
    assert!(s.contains("Accept the candidate: who said it?"), "{s}");
    assert!(
        s.contains("Norland was ready to discuss") || s.contains("the alliance would not compromise"),
        "{s}"
    );
    assert!(!s.contains("“Norland") && !s.contains("“the alliance"), "reported speech in quote marks: {s}");
}

#[test]
fn a_candidate_passed_on_by_someone_is_accepted_with_its_via() {
    let text = "Talks end in Vienna\n\nViktor Orlov spoke after the talks.\n\n\
                “I asked Anna Keller about the measures. She said ‘We will not move on sanctions this year.’ \
                I believed her,” Orlov said.\n";
    let yaml = "whosaid: 1\narticle:\n  title: Talks end in Vienna\n  text_file: talks.txt\nspeakers:\n  \
                - id: orlov\n    name: Viktor Orlov\nquotes: []\n";
    let mut desk = Desk::with_text(text, yaml);
    desk.press("u");
    for _ in 0..4 {
        if desk.message().contains("Anna Keller") {
            break;
        }
        desk.press("]");
    }
    assert!(desk.message().contains("Anna Keller"), "{}", desk.message());
    desk.press("A");
    let s = screen(&desk.app);
    assert!(s.contains("passed on by Viktor Orlov (written as via)"), "{s}");
    desk.press("Enter Enter");
    let written = desk.yaml();
    assert!(written.contains("  - id: keller\n    name: \"Anna Keller\"\n"), "{written}");
    assert!(
        written.contains("    text: \"We will not move on sanctions this year.\"\n    via: [orlov]\n"),
        "the words are Keller's, passed on by Orlov: {written}"
    );
    assert!(loads(&desk.file), "{written}");
}

#[test]
fn a_candidate_no_clause_names_shows_that_nobody_was_found() {
    let text = "Talks end in Vienna\n\nThe talks ended late on Monday.\n\n\
                \"We will not allow anyone to close the door.\" That was the answer from across the table.\n";
    let yaml = "whosaid: 1\narticle:\n  title: Talks end in Vienna\n  text_file: talks.txt\nspeakers:\n  \
                - id: orlov\n    name: Viktor Orlov\nquotes: []\n";
    let mut desk = Desk::with_text(text, yaml);
    desk.press("u");
    desk.press("]");
    assert!(desk.message().starts_with("candidate:"), "{}", desk.message());
    let s = screen(&desk.app);
    assert!(s.contains("by nobody suggest could"), "Details says no speaker was found: {s}");
    desk.press("A");
    let s = screen(&desk.app);
    assert!(s.contains("Accept the candidate: who said it?"), "{s}");
    assert!(!s.contains("suggested"), "no speaker is offered as suggested: {s}");
}
