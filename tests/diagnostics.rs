//! One test per class of diagnostic: each asserts the exact line, column and
//! message a user sees.

use whosaid::model::{LoadOutcome, load_bytes};

const ARTICLE: &str =
    "Ryabkov said: “No improvement has been achieved.”\nSherman said no. Sherman said no.\n";

/// Loads `yaml`; `text_file: article.txt` reads [`ARTICLE`], any other name fails.
fn load_with(yaml: &[u8], article: &[u8]) -> LoadOutcome {
    load_bytes("f.yaml", yaml, &|name| {
        if name == "article.txt" { Ok((article.to_vec(), None)) } else { Err("no such file".into()) }
    })
}

fn diagnostics(yaml: &str) -> Vec<String> {
    load_with(yaml.as_bytes(), ARTICLE.as_bytes()).diagnostics().iter().map(|d| d.render()).collect()
}

/// A valid file with `extra` appended under `quotes:`.
fn with_quotes(extra: &str) -> String {
    format!(
        "article:\n  title: T\n  text_file: article.txt\nspeakers:\n  - id: ryabkov\n    name: Sergey Ryabkov\n  - id: sherman\n    name: Wendy Sherman\nissues:\n  - id: nato\n    title: NATO\nquotes:\n  - speaker: ryabkov\n    issues: [nato]\n    text: No improvement\n  - speaker: sherman\n    text: Sherman said no\n    occurrence: 2\n{extra}"
    )
}

#[test]
fn a_valid_file_has_no_diagnostics() {
    assert_eq!(diagnostics(&with_quotes("")), Vec::<String>::new());
    assert!(load_with(with_quotes("").as_bytes(), ARTICLE.as_bytes()).corpus().is_some());
}

#[test]
fn yaml_syntax() {
    let d = diagnostics("article:\n  title: [unclosed\n  text: x\n");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d,
        vec![
            "f.yaml:3:7: error: invalid YAML: did not find expected ',' or ']', while parsing a flow sequence at line 2 column 10"
        ]
    );
}

#[test]
fn missing_required_field_and_wrong_type() {
    let d = diagnostics(&with_quotes("  - text: No improvement\n    issues: nato\n"));
    assert_eq!(
        d,
        vec![
            "f.yaml:19:5: error: a quote is missing `speaker`",
            "f.yaml:20:13: error: `issues` should be a list (`[a, b]`), found text",
        ]
    );
    let d = diagnostics("article:\n  text: x\n");
    assert_eq!(d, vec!["f.yaml:2:3: error: the article is missing `title`"]);
}

#[test]
fn unknown_key_lists_the_allowed_ones() {
    let d = diagnostics(&with_quotes("  - speaker: ryabkov\n    txt: No improvement\n"));
    assert_eq!(d[0], "f.yaml:19:5: error: a quote is missing `text`");
    assert_eq!(
        d[1],
        "f.yaml:20:5: error: unknown key `txt` in a quote (allowed: id, speaker, issues, stance, kind, text, \
         occurrence, replies_to, via, same_as, original, note; did you mean `text`?)"
    );
}

#[test]
fn duplicate_id_and_duplicate_key() {
    let d = diagnostics(&with_quotes(
        "  - id: q1\n    speaker: ryabkov\n    text: No improvement\n    text: Sherman said no\n",
    ));
    assert_eq!(
        d,
        vec![
            "f.yaml:19:9: error: duplicate quote id `q1` (ids must be unique)",
            "f.yaml:22:5: error: duplicate key `text` (each key may appear once)",
        ]
    );
}

#[test]
fn unknown_references_suggest_a_fix() {
    let d = diagnostics(&with_quotes(
        "  - speaker: ryabkow\n    via: shermann\n    issues: [nato, natto]\n    replies_to: q9\n    text: No improvement\n",
    ));
    assert_eq!(
        d,
        vec![
            "f.yaml:19:14: error: unknown speaker `ryabkow` (speakers are: ryabkov, sherman; did you mean `ryabkov`?)",
            "f.yaml:20:10: error: unknown speaker `shermann` (speakers are: ryabkov, sherman; did you mean `sherman`?)",
            "f.yaml:21:20: error: unknown issue `natto` (issues are: nato; did you mean `nato`?)",
            "f.yaml:22:17: error: unknown quote `q9` (quotes are: q1, q2, q3; did you mean `q1`?)",
        ]
    );
}

#[test]
fn stance_keys_must_be_listed_issues_and_unique() {
    let yaml = with_quotes(
        "  - speaker: ryabkov\n    stance: {nato: support, nato: oppose}\n    text: No improvement\n  - speaker: ryabkov\n    stance: {nato: support}\n    text: No improvement\n",
    );
    assert_eq!(
        diagnostics(&yaml),
        vec![
            "f.yaml:20:14: error: stance for issue `nato`, which is not among this quote's issues (it has none); add it to `issues` or remove the stance",
            "f.yaml:20:29: error: duplicate key `nato` (each issue may have one stance)",
            "f.yaml:23:14: error: stance for issue `nato`, which is not among this quote's issues (it has none); add it to `issues` or remove the stance",
        ]
    );
}

#[test]
fn parent_cycle_is_reported_once() {
    let yaml = "article:\n  title: T\n  text: x\nissues:\n  - id: a\n    title: A\n    parent: c\n  - id: b\n    title: B\n    parent: a\n  - id: c\n    title: C\n    parent: b\n";
    let d: Vec<String> = diagnostics(yaml).into_iter().filter(|d| d.contains("error")).collect();
    assert_eq!(d, vec!["f.yaml:7:13: error: issue parents form a cycle: a → c → b → a"]);
}

#[test]
fn text_not_found_points_at_the_closest_passage() {
    let d = diagnostics(&with_quotes("  - speaker: ryabkov\n    text: No improvment has been achieved\n"));
    assert_eq!(
        d,
        vec![
            "f.yaml:20:11: error: quote text not found in the article; closest passage, line 1: \
             ““No improvement has been…” (the quote has “improvment” where the article has “improvement”)"
        ]
    );
}

#[test]
fn occurrence_out_of_range_and_ambiguous_text() {
    let d = diagnostics(&with_quotes(
        "  - speaker: sherman\n    text: Sherman said no\n    occurrence: 3\n  - speaker: sherman\n    text: Sherman said no\n  - speaker: sherman\n    text: Sherman said no\n    occurrence: 0\n",
    ));
    assert_eq!(
        d,
        vec![
            "f.yaml:21:17: error: occurrence 3 is out of range: the quote text occurs 2 times in the article",
            "f.yaml:23:11: warning: quote text occurs 2 times in the article; the first is used (add `occurrence: N` to pick another)",
            "f.yaml:26:17: error: `occurrence` should be a whole number from 1 up, found `0`",
        ]
    );
}

#[test]
fn article_text_problems() {
    let both = "article:\n  title: T\n  text: x\n  text_file: article.txt\n";
    assert_eq!(
        diagnostics(both),
        vec!["f.yaml:4:3: error: the article has both `text` and `text_file`; keep one of them"]
    );
    let neither = "article:\n  title: T\n";
    assert!(diagnostics(neither)[0].starts_with("f.yaml:2:3: error: the article has no text"));
    let missing = "article:\n  title: T\n  text_file: gone.txt\n";
    assert_eq!(
        diagnostics(missing),
        vec!["f.yaml:3:14: error: cannot read the article text file `gone.txt`: no such file"]
    );
    let not_utf8 = load_with(b"article:\n  title: T\n  text_file: article.txt\n", b"ok\nbad \xff here");
    assert_eq!(
        not_utf8.diagnostics()[0].render(),
        "f.yaml:3:14: error: the article text file `article.txt` is not valid UTF-8 (byte 0xff at its line 2, column 5); save it as UTF-8"
    );
    let empty = load_with(b"article:\n  title: T\n  text_file: article.txt\n", b" \n");
    assert_eq!(empty.diagnostics()[0].render(), "f.yaml:3:14: warning: the article text is empty");
    assert!(empty.corpus().is_some(), "an empty article is only a warning");
}

#[test]
fn invalid_date_and_version() {
    let d = diagnostics("whosaid: 2\narticle:\n  title: T\n  date: 2022-02-30\n  text: x\n");
    assert_eq!(
        d,
        vec![
            "f.yaml:1:10: error: unsupported format version `2` (this whosaid reads version 1)",
            "f.yaml:4:9: error: invalid date `2022-02-30`: February 2022 has 28 days",
        ]
    );
}

#[test]
fn unused_speakers_and_issues_are_warnings() {
    let yaml = with_quotes("").replace("issues:\n", "issues:\n  - id: idle\n    title: Idle\n") + "";
    let yaml = yaml.replace("speakers:\n", "speakers:\n  - id: putin\n    name: Vladimir Putin\n");
    let loaded = load_with(yaml.as_bytes(), ARTICLE.as_bytes());
    let d: Vec<String> = loaded.diagnostics().iter().map(|d| d.render()).collect();
    assert_eq!(
        d,
        vec![
            "f.yaml:5:5: warning: speaker `putin` has no quotes",
            "f.yaml:12:5: warning: issue `idle` has no quotes",
        ]
    );
    assert!(loaded.corpus().is_some());
}

#[test]
fn hostile_yaml_ends_in_one_clear_error() {
    let not_utf8 = load_with(b"article:\n  title: \xc3\x28\n", b"");
    assert_eq!(
        not_utf8.diagnostics()[0].render(),
        "f.yaml:2:10: error: the file is not valid UTF-8 (byte 0xc3); save it as UTF-8"
    );
    let deep = "a: ".to_string() + &"[".repeat(5000);
    let d = diagnostics(&deep);
    assert!(d[0].contains("error: invalid YAML: the document is nested too deeply"), "{d:?}");
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let d = load_with(&binary, b"").diagnostics().to_vec();
    assert_eq!(d.len(), 1);
    let mut bomb = String::from("article: &a [");
    bomb.push_str(&vec!["xxxxxxxx"; 6000].join(","));
    bomb.push_str("]\nquotes: [");
    bomb.push_str(&vec!["*a"; 6000].join(","));
    bomb.push_str("]\n");
    let d = diagnostics(&bomb);
    assert_eq!(d.len(), 1);
    assert!(d[0].contains("aliases expand the document far beyond its own size"), "{d:?}");
    assert_eq!(
        diagnostics(""),
        vec![
            "f.yaml:1:1: error: the file is empty: an annotation needs at least `article:` with a title and its text"
        ]
    );
}

#[test]
fn the_parts_of_a_quote_lie_close_together() {
    let filler = "and so on ".repeat(110);
    let yaml = format!(
        "article:\n  title: T\n  text: \"“We were firm,” she said. {filler} “We will not allow it.”\"\nspeakers:\n  - id: s\n    name: S\nquotes:\n  - speaker: s\n    text: [We were firm, We will not allow it.]\n"
    );
    assert_eq!(
        diagnostics(&yaml),
        vec![
            "f.yaml:9:26: error: part 2 of the quote text is 1115 characters after part 1; the parts of one quote \
             must be within 1000 characters of each other (make it a quote of its own)"
        ]
    );
    let near = yaml.replace(&filler, "and so on");
    let a = load_with(near.as_bytes(), b"").into_corpus().expect("loads");
    let q = whosaid::model::QuoteIx::new(0);
    assert_eq!(a.words(q), "We were firm … We will not allow it.");
    assert_eq!(a.quotes[q].parts.len(), 2);
}

#[test]
fn spans_map_back_to_the_text_as_written() {
    let yaml = "article:\n  title: T\n  text: \"a  b\\u00a0c\\n\\td e\"\nspeakers:\n  - id: s\n    name: S\nquotes:\n  - speaker: s\n    text: |\n      b c\n      d\n";
    let a = load_with(yaml.as_bytes(), b"").into_corpus().expect("loads");
    assert_eq!(a.words(whosaid::model::QuoteIx::new(0)), "b\u{a0}c\n\td");
}
