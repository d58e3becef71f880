//! Corpora: many files as one namespace of speakers and issues, checked,
//! listed and reported across articles; conflicts, cross-article
//! references, a broken file among good ones, dates and the timeline.

use std::path::Path;
use std::process::{Command, Output};

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

/// A small corpus in a scratch directory: a corpus file with shared
/// speakers and issues, and two articles that use them.
fn small_corpus(dir: &Path) {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write(
        "corpus.yaml",
        "corpus:\n  title: Small\nspeakers:\n  - id: ann\n    name: Ann\n  - id: bob\n    name: Bob\n    aliases: [Robert]\nissues:\n  - id: tax\n    title: Tax\n    proposition: Taxes should rise\n",
    );
    write(
        "monday.yaml",
        "article:\n  title: Monday\n  date: 2024-03-04\n  text: \"Ann said taxes must rise. Bob asked why.\"\nquotes:\n  - id: ann-rise\n    speaker: ann\n    issues: [tax]\n    stance: support\n    text: taxes must rise\n  - id: bob-why\n    speaker: bob\n    kind: question\n    text: why\n",
    );
    write(
        "friday.yaml",
        "article:\n  title: Friday\n  date: 2024-03-08\n  text: \"Ann: rates stay. Bob: no rise.\"\nspeakers:\n  - id: bob\n    name: Bob\n    aliases: [Bobby]\nquotes:\n  - id: ann-stay\n    speaker: ann\n    issues: [tax]\n    stance: oppose\n    text: rates stay\n    replies_to: monday/bob-why\n  - id: bob-no\n    speaker: bob\n    issues: [tax]\n    stance: oppose\n    text: no rise\n",
    );
}

#[test]
fn a_corpus_is_one_namespace_across_its_files() {
    let dir = tempfile::tempdir().unwrap();
    small_corpus(dir.path());
    let path = dir.path().to_str().unwrap();
    let o = whosaid(&["check", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("corpus.yaml: corpus file: 2 speakers, 1 issue; 0 errors, 0 warnings"), "{out}");
    assert!(out.contains("friday.yaml: 2 quotes, 1 speaker; 0 errors, 0 warnings"), "{out}");
    assert!(
        out.contains("(3 files): 2 articles, 4 quotes, 2 speakers, 1 issue; 0 errors, 0 warnings"),
        "{out}"
    );

    // Quotes across articles: date order, then article order; named ARTICLE/QUOTE.
    let o = whosaid(&["quotes", path, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|q| format!("{}/{}", q["article"].as_str().unwrap(), q["id"].as_str().unwrap()))
        .collect();
    assert_eq!(ids, vec!["monday/ann-rise", "monday/bob-why", "friday/ann-stay", "friday/bob-no"]);
    assert_eq!(v[2]["replies_to"], "monday/bob-why", "a reply across articles");
    // Aliases merge: both spellings find Bob.
    for alias in ["@robert", "@bobby"] {
        let o = whosaid(&["quotes", path, "--search", alias, "--format", "csv"]);
        assert_eq!(stdout(&o).lines().count(), 3, "{alias}: {}", stdout(&o));
    }
    // The matrix and the report span the corpus; the report adds articles and the timeline.
    let o = whosaid(&["matrix", path, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ann = v["cells"].as_array().unwrap().iter().find(|c| c["speaker"] == "ann").unwrap();
    assert_eq!(ann["stance"], "mixed", "support on Monday, oppose on Friday");
    let o = whosaid(&["report", path]);
    let md = stdout(&o);
    assert!(md.starts_with("# Small\n"), "{md}");
    assert!(md.contains("## Articles") && md.contains("| 2024-03-04 | Monday |"), "{md}");
    assert!(md.contains("## Stances over time") && md.contains("### Ann"), "{md}");
    assert!(md.contains("| Tax | +1 | −1 |"), "{md}");
}

#[test]
fn a_speaker_worded_differently_by_another_annotator_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    small_corpus(dir.path());
    let friday = dir.path().join("friday.yaml");
    let text =
        std::fs::read_to_string(&friday).unwrap().replace("    name: Bob\n", "    name: Robert Smith\n");
    std::fs::write(&friday, &text).unwrap();
    let o = whosaid(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("friday.yaml:6:5: warning: speaker `bob` is worded differently in"), "{err}");
    assert!(err.contains("name “Robert Smith” here, “Bob” there"), "{err}");
    assert!(err.contains("the first definition shows and this name becomes an alias"), "{err}");
    // The other name finds the speaker.
    let o = whosaid(&["speakers", dir.path().to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let bob = v.as_array().unwrap().iter().find(|s| s["id"] == "bob").unwrap();
    assert!(bob["aliases"].as_array().unwrap().iter().any(|a| a == "Robert Smith"), "{bob}");
}

#[test]
fn duplicate_article_ids_and_unknown_cross_references_are_located() {
    let dir = tempfile::tempdir().unwrap();
    small_corpus(dir.path());
    std::fs::create_dir(dir.path().join("more")).unwrap();
    std::fs::copy(dir.path().join("monday.yaml"), dir.path().join("more/monday.yaml")).unwrap();
    let friday = dir.path().join("friday.yaml");
    let text = std::fs::read_to_string(&friday).unwrap().replace("monday/bob-why", "monday/bob-how");
    std::fs::write(&friday, text).unwrap();
    let o = whosaid(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error: duplicate article id `monday`"), "{err}");
    assert!(err.contains("error: unknown quote `monday/bob-how`"), "{err}");
}

#[test]
fn a_broken_file_does_not_hide_the_others_from_check() {
    let dir = tempfile::tempdir().unwrap();
    small_corpus(dir.path());
    std::fs::write(dir.path().join("zz-broken.yaml"), "article:\n  title: [unclosed\n").unwrap();
    let o = whosaid(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("monday.yaml: 2 quotes; 0 errors, 0 warnings"), "{out}");
    assert!(out.contains("zz-broken.yaml: 0 quotes; 1 error, 0 warnings"), "{out}");
    assert!(stderr(&o).contains("zz-broken.yaml:3:1: error: invalid YAML"), "{}", stderr(&o));
    // Commands refuse a corpus with errors, and say where to look.
    let o = whosaid(&["quotes", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("`whosaid check` lists them"));
}

#[test]
fn the_example_corpus_ships_annotated() {
    let o = whosaid(&["check", EXAMPLES]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warnings either");
    let o = whosaid(&["quotes", EXAMPLES, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for article in [
        "2022-01-08-background-call-on-russia",
        "2022-01-10-psaki-briefing",
        "2022-01-14-psaki-briefing",
        "2022-01-19-biden-press-conference",
    ] {
        let n = v.as_array().unwrap().iter().filter(|q| q["article"] == article).count();
        assert!(n >= 15, "{article} has {n} quotes");
    }
    // The built-in article is one of them, the same file.
    assert_eq!(
        std::fs::read_to_string(Path::new(EXAMPLES).join("nato-open-doors.yaml")).unwrap(),
        include_str!("../assets/nato-open-doors.yaml")
    );
    // Dates narrow a search; the corpus file opens the same corpus.
    let o = whosaid(&[
        "quotes",
        &format!("{EXAMPLES}/corpus.yaml"),
        "--search",
        "date:2022-01-10..2022-01-14",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(!v.as_array().unwrap().is_empty());
    assert!(v.as_array().unwrap().iter().all(|q| {
        let a = q["article"].as_str().unwrap();
        a.starts_with("2022-01-10") || a.starts_with("2022-01-14") || a == "nato-open-doors"
    }));
}

#[test]
fn a_file_deleted_from_a_directory_leaves_the_corpus_without_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["nato-open-doors.txt", "nato-open-doors.yaml"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let other = "article:\n  id: other\n  title: Other\n  text: Ryabkov said no.\nspeakers:\n  - id: r\n    name: Ryabkov\nquotes:\n  - id: q\n    speaker: r\n    text: Ryabkov said no\n";
    std::fs::write(dir.path().join("other.yaml"), other).unwrap();
    let source = whosaid::model::Source::Paths(vec![dir.path().to_path_buf()]);
    let (mut library, outcome) = whosaid::model::Library::open(&source, &|_| {}).unwrap();
    assert_eq!(outcome.corpus().unwrap().articles.len(), 2);
    let gone = dir.path().join("other.yaml");
    std::fs::remove_file(&gone).unwrap();
    let outcome = library.reload(&[gone], &|_| {}).unwrap();
    let rendered: Vec<String> = outcome.diagnostics().iter().map(|d| d.render()).collect();
    assert!(rendered.is_empty(), "{rendered:?}");
    assert_eq!(outcome.corpus().unwrap().articles.len(), 1);
}

#[test]
fn a_corpus_file_without_articles_opens_every_annotation_beside_and_below_it() {
    let dir = tempfile::tempdir().unwrap();
    small_corpus(dir.path());
    std::fs::create_dir(dir.path().join("later")).unwrap();
    std::fs::rename(dir.path().join("friday.yaml"), dir.path().join("later/friday.yaml")).unwrap();
    let file = dir.path().join("corpus.yaml");
    let o = whosaid(&["check", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("(3 files): 2 articles, 4 quotes"), "{}", stdout(&o));
}

#[test]
fn every_command_on_a_corpus_of_no_article_answers_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("corpus.yaml"),
        "corpus:\n  title: Empty\nspeakers:\n  - {id: ann, name: Ann}\nissues:\n  - {id: tax, title: Tax}\n",
    )
    .unwrap();
    let path = dir.path().join("corpus.yaml");
    let path = path.to_str().unwrap();
    for args in [
        vec!["check", path],
        vec!["check", "--coverage", path],
        vec!["quotes", path],
        vec!["quotes", path, "--format", "json"],
        vec!["quotes", path, "--format", "csv"],
        vec!["quotes", path, "--format", "markdown"],
        vec!["speakers", path],
        vec!["issues", path],
        vec!["matrix", path],
        vec!["matrix", path, "--format", "json"],
        vec!["report", path],
        vec!["report", path, "--format", "html"],
    ] {
        let o = whosaid(&args);
        let code = o.status.code();
        assert!(code == Some(0) || code == Some(1), "{args:?}: exit {code:?}\n{}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
    }
    let o = whosaid(&["report", path]);
    assert!(stdout(&o).contains("No article"), "the report says so: {}", stdout(&o));
}

/// An edit reads one file again and keeps what the others resolved to; the
/// corpus must come out as a fresh load of the same files would make it,
/// whatever the edit did: quotes added before linked ones, links across
/// files broken and mended, a speaker added, a file broken and emptied.
#[test]
fn an_edit_reassembles_the_corpus_exactly_as_a_fresh_load_would() {
    use whosaid::model::{Library, Source, load};
    use whosaid::query::SearchIndex;
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    let a = "article:\n  title: A\n  date: 2024-01-01\n  text: \"Ann: one. Ann: two. Ann: three.\"\n\
             speakers:\n  - id: ann\n    name: Ann\nissues:\n  - id: tax\n    title: Tax\n    proposition: Taxes should rise\n\
             quotes:\n  - id: q1\n    speaker: ann\n    issues: [tax]\n    stance: support\n    text: one\n\
             \x20 - id: q2\n    speaker: ann\n    text: two\n    replies_to: q1\n\
             \x20 - id: q3\n    speaker: ann\n    kind: indirect\n    text: three\n    same_as: q1\n";
    let b = "article:\n  title: B\n  date: 2024-01-02\n  text: \"Ann again: four.\"\n\
             quotes:\n  - id: b1\n    speaker: ann\n    text: four\n    replies_to: a/q2\n";
    let c = "article:\n  title: C\n  date: 2023-12-31\n  text: \"Cat: five. Cat: six. Cat: seven.\"\n\
             speakers:\n  - id: cat\n    name: Cat\n\
             quotes:\n  - id: c1\n    speaker: cat\n    issues: [tax]\n    stance: oppose\n    text: five\n\
             \x20 - id: c2\n    speaker: cat\n    text: six\n    replies_to: c1\n\
             \x20 - id: c3\n    speaker: cat\n    kind: indirect\n    text: seven\n    same_as: c1\n";
    write("a.yaml", a);
    write("b.yaml", b);
    write("c.yaml", c);
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    let (mut library, opened) = Library::open(&source, &|_| {}).unwrap();
    // The search index, brought along from each corpus to the next, is the
    // index a fresh build makes.
    let mut indexed = opened.into_corpus().map(|c| (SearchIndex::new(&c), c));
    let mut index_again = |outcome: whosaid::model::LoadOutcome, n: usize| {
        let Some(new) = outcome.into_corpus() else { return };
        let fresh = SearchIndex::new(&new);
        if let Some((index, old)) = indexed.take() {
            assert!(index.update(&old, &new) == fresh, "the search index after edit {n}");
        }
        indexed = Some((fresh, new));
    };
    let zero = a
        .replace("text: \"Ann: one.", "text: \"Ann: four. Ann: one.")
        .replace("quotes:\n", "quotes:\n  - id: q0\n    speaker: ann\n    text: four\n");
    let edits: Vec<(&str, String)> = vec![
        ("a.yaml", zero.clone()),
        ("c.yaml", c.replace("text: five\n", "text: five\n    note: first\n")),
        (
            "a.yaml",
            zero.replace(
                "  - id: q3\n    speaker: ann\n    kind: indirect\n    text: three\n    same_as: q1\n",
                "",
            ),
        ),
        ("a.yaml", a.replace("id: q2", "id: q2x")),
        ("a.yaml", a.to_string()),
        (
            "a.yaml",
            a.replace("speakers:\n", "speakers:\n  - id: dan\n    name: Dan\n")
                .replace("    speaker: ann\n    text: two", "    speaker: dan\n    text: two"),
        ),
        ("c.yaml", c.replace("title: C", "title: C edited").replace("date: 2023-12-31", "date: 2024-02-01")),
        ("a.yaml", "article: [unclosed\n".to_string()),
        ("a.yaml", String::new()),
        ("a.yaml", a.to_string()),
        ("c.yaml", c.to_string()),
    ];
    for (n, (file, text)) in edits.iter().enumerate() {
        write(file, text);
        let reloaded = library.reload(&[dir.path().join(file)], &|_| {}).unwrap();
        let fresh = load(&source).unwrap();
        assert_eq!(format!("{reloaded:?}"), format!("{fresh:?}"), "edit {n} to {file}");
        index_again(reloaded, n);
    }
    // An edit refused in the browser leaves what is kept as it was; one
    // accepted is as a fresh load.
    let refused = library.replace(&dir.path().join("a.yaml"), &a.replace("id: q1", "id: q2"), || Ok(()));
    assert!(refused.is_err());
    write("b.yaml", &b.replace("four", "four."));
    let reloaded = library.reload(&[dir.path().join("b.yaml")], &|_| {}).unwrap();
    assert_eq!(format!("{reloaded:?}"), format!("{:?}", load(&source).unwrap()));
    let noted = a.replace("text: two\n", "text: two\n    note: accepted\n");
    let persist = || {
        write("a.yaml", &noted);
        Ok(())
    };
    let accepted = library.replace(&dir.path().join("a.yaml"), &noted, persist).unwrap();
    assert_eq!(format!("{accepted:?}"), format!("{:?}", load(&source).unwrap()));

    // The other files' quotes are kept, not made again: the same bodies.
    let bodies = |outcome: &whosaid::model::LoadOutcome| {
        let corpus = outcome.corpus().unwrap();
        let c = corpus.articles.ids().find(|&x| corpus.articles[x].id == "c").unwrap();
        corpus.quotes.iter().filter(|q| q.article == c).map(|q| q.body.clone()).collect::<Vec<_>>()
    };
    write("a.yaml", &zero);
    let after = library.reload(&[dir.path().join("a.yaml")], &|_| {}).unwrap();
    assert!(bodies(&accepted).iter().zip(bodies(&after)).all(|(x, y)| std::sync::Arc::ptr_eq(x, &y)));

    // Several files in one change, one of them now a link to another file,
    // and an article text on its own file.
    write("d.txt", "Dee: eight.");
    write(
        "d.yaml",
        "article:\n  title: D\n  text_file: d.txt\nspeakers:\n  - id: dee\n    name: Dee\nquotes:\n  - id: d1\n    speaker: dee\n    text: eight\n",
    );
    let reloaded = library.reload(&[dir.path().join("d.yaml")], &|_| {}).unwrap();
    assert_eq!(format!("{reloaded:?}"), format!("{:?}", load(&source).unwrap()));
    write("d.txt", "Dee, later: eight.");
    let reloaded = library.reload(&[dir.path().join("d.txt")], &|_| {}).unwrap();
    assert_eq!(format!("{reloaded:?}"), format!("{:?}", load(&source).unwrap()));
    #[cfg(unix)]
    {
        let elsewhere = tempfile::tempdir().unwrap();
        let linked = elsewhere.path().join("b.yaml");
        std::fs::write(&linked, b.replace("Ann again: four.", "Ann once more: four.")).unwrap();
        std::fs::remove_file(dir.path().join("b.yaml")).unwrap();
        std::os::unix::fs::symlink(&linked, dir.path().join("b.yaml")).unwrap();
        write("c.yaml", &c.replace("title: C", "title: C again"));
        let changed = [dir.path().join("b.yaml"), dir.path().join("c.yaml")];
        let reloaded = library.reload(&changed, &|_| {}).unwrap();
        assert_eq!(format!("{reloaded:?}"), format!("{:?}", load(&source).unwrap()));
    }
}
