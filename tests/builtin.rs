//! The built-in annotation is the showcase: it must load cleanly, anchor
//! every quote, and use every speaker and issue.

use whosaid::model::{Kind, Source, Stance, load};
use whosaid::text::fold_whitespace;

#[test]
fn built_in_annotation_is_clean_and_complete() {
    let loaded = load(&Source::BuiltIn).expect("built-in loads");
    let rendered: Vec<String> = loaded.diagnostics.iter().map(|d| d.render("built-in")).collect();
    assert_eq!(rendered, Vec::<String>::new(), "no errors and no warnings");
    let a = loaded.annotation.expect("annotation");

    for q in &a.quotes {
        let span = &a.article.text[q.span.clone()];
        assert_eq!(fold_whitespace(span), fold_whitespace(&q.text), "quote {} anchors exactly", q.id);
    }
    for (s, speaker) in a.speakers.iter().enumerate() {
        let used = a.quotes.iter().any(|q| q.speaker == s || q.via == Some(s));
        assert!(used, "speaker {} is used", speaker.id);
    }
    for (i, issue) in a.issues.iter().enumerate() {
        assert!(a.quotes.iter().any(|q| q.is_under(i)), "issue {} is used", issue.id);
        assert!(issue.proposition.is_some(), "issue {} has a proposition", issue.id);
    }
    for id in ["sherman", "ryabkov", "graziani", "talks-source", "bartosh", "koshkin", "sp"] {
        assert!(a.speaker_by_id(id).is_some(), "speaker {id}");
    }
    let ryabkov = &a.speakers[a.speaker_by_id("ryabkov").unwrap()];
    assert!(ryabkov.aliases.iter().any(|n| n == "Sergei Ryabkov"));

    // Every question is answered, and every answer points at a question.
    for (q, quote) in a.quotes.iter().enumerate() {
        if quote.kind == Kind::Question {
            assert!(!quote.answers.is_empty(), "question {} has an answer", quote.id);
        }
        if let Some(r) = quote.replies_to {
            assert_eq!(a.quotes[r].kind, Kind::Question);
            assert!(a.quotes[r].answers.contains(&q));
        }
    }
    assert!(a.quotes.iter().any(|q| q.kind == Kind::Indirect && q.via.is_some()));

    // The headline of the matrix: Sherman opposes, Ryabkov supports non-expansion.
    let nato = a.issue_by_id("nato-expansion").unwrap();
    let stance_of = |speaker: &str| {
        let s = a.speaker_by_id(speaker).unwrap();
        Stance::combine(
            (0..a.quotes.len()).filter(|&q| a.quotes[q].speaker == s).filter_map(|q| a.stance_under(q, nato)),
        )
    };
    assert_eq!(stance_of("sherman"), Some(Stance::Oppose));
    assert_eq!(stance_of("ryabkov"), Some(Stance::Support));
}

#[test]
fn built_in_article_ships_verbatim() {
    let shipped = include_str!("../assets/nato-open-doors.txt");
    let a = load(&Source::BuiltIn).unwrap().annotation.unwrap();
    assert_eq!(a.article.text, shipped);
    assert!(shipped.starts_with("Jan 11, 2022\n"));
}
