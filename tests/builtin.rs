//! The built-in annotation is the showcase: it must load cleanly, anchor
//! every quote, and use every speaker and issue.

use whosaid::model::{Kind, Source, Stance, load};
use whosaid::text::fold_whitespace;

#[test]
fn built_in_annotation_is_clean_and_complete() {
    let loaded = load(&Source::BuiltIn).expect("built-in loads");
    let rendered: Vec<String> = loaded.diagnostics().iter().map(|d| d.render()).collect();
    assert_eq!(rendered, Vec::<String>::new(), "no errors and no warnings");
    let a = loaded.into_corpus().expect("a corpus");
    let text = &a.articles.iter().next().unwrap().text;

    for (q, quote) in a.quotes.enumerate() {
        for (part, written) in quote.parts.iter().zip(quote.text.parts()) {
            assert_eq!(
                fold_whitespace(&text[part.clone()]),
                fold_whitespace(written),
                "quote {} anchors exactly",
                quote.id
            );
        }
        assert_eq!(a.article_of(q).text, *text);
    }
    for (s, speaker) in a.speakers.enumerate() {
        let used = a.quotes.ids().any(|q| a.said_by(q, s) || a.relayed_by(q, s));
        assert!(used, "speaker {} is used", speaker.id);
    }
    for (i, issue) in a.issues.enumerate() {
        assert!(a.quotes.iter().any(|q| q.is_under(i)), "issue {} is used", issue.id);
        assert!(issue.proposition.is_some(), "issue {} has a proposition", issue.id);
    }
    for id in ["sherman", "ryabkov", "graziani", "talks-source", "bartosh", "koshkin", "sp"] {
        assert!(a.speaker_by_id(id).is_some(), "speaker {id}");
    }
    let ryabkov = &a.speakers[a.speaker_by_id("ryabkov").unwrap()];
    assert!(ryabkov.aliases.iter().any(|n| n == "Sergei Ryabkov"));

    // Every question is answered, and every answer points at a question.
    for (q, quote) in a.quotes.enumerate() {
        if quote.kind == Kind::Question {
            assert!(!quote.answers.is_empty(), "question {} has an answer", quote.id);
        }
        if let Some(r) = quote.replies_to {
            assert_eq!(a.quotes[r].kind, Kind::Question);
            assert!(a.quotes[r].answers.contains(&q));
        }
    }
    assert!(a.quotes.iter().any(|q| q.kind == Kind::Indirect && !q.via.is_empty()));

    // The headline of the matrix: Sherman opposes, Ryabkov supports non-expansion.
    let nato = a.issue_by_id("nato-expansion").unwrap();
    let stance_of = |speaker: &str| {
        let s = a.speaker_by_id(speaker).unwrap();
        Stance::combine(
            a.quotes.ids().filter(|&q| a.quotes[q].speaker == s).filter_map(|q| a.stance_under(q, nato)),
        )
    };
    assert_eq!(stance_of("sherman"), Some(Stance::Oppose));
    assert_eq!(stance_of("ryabkov"), Some(Stance::Support));
}

#[test]
fn built_in_article_ships_verbatim() {
    let shipped = include_str!("../assets/nato-open-doors.txt");
    let a = load(&Source::BuiltIn).unwrap().into_corpus().unwrap();
    assert_eq!(&*a.articles.iter().next().unwrap().text, shipped);
    assert!(shipped.starts_with("Jan 11, 2022\n"));
}

fn builtin() -> whosaid::model::Corpus {
    load(&Source::BuiltIn).unwrap().into_corpus().unwrap()
}

#[test]
fn the_cheated_sentence_is_koshkins_and_not_shermans() {
    let a = builtin();
    let text = &a.articles.iter().next().unwrap().text;
    let at = text.find("Team Sherman cheated").unwrap();
    let sentence = at..at + text[at..].find('.').unwrap();
    let over: Vec<_> = a
        .quotes
        .ids()
        .filter(|&q| a.quotes[q].parts.iter().any(|p| p.start < sentence.end && sentence.start < p.end))
        .collect();
    assert!(!over.is_empty());
    let koshkin = a.speaker_by_id("koshkin").unwrap();
    let sherman = a.speaker_by_id("sherman").unwrap();
    // The characterisation is Koshkin's own words; what he reports of the
    // US side is the delegation's, relayed by him — never Sherman's own.
    let cheated = over
        .iter()
        .find(|&&q| whosaid::describe::written(&a, q).contains("cheated"))
        .expect("the characterisation is a quote");
    assert_eq!(a.quotes[*cheated].speaker, koshkin);
    assert_eq!(a.quotes[*cheated].kind, Kind::Direct);
    for &q in &over {
        assert_ne!(a.quotes[q].speaker, sherman, "{} is not Sherman's", a.quotes[q].id);
        if a.quotes[q].speaker != koshkin {
            assert_eq!(a.quotes[q].kind, Kind::Indirect, "{}: reported, not a quotation", a.quotes[q].id);
            assert_eq!(a.quotes[q].via, vec![koshkin], "{}: relayed by Koshkin", a.quotes[q].id);
        }
    }
}

#[test]
fn every_stance_follows_the_files_direction() {
    // Partisan propositions are Moscow's demands: the US side opposes them,
    // the Russian side supports them.
    let a = builtin();
    for issue in ["security-guarantees", "nato-expansion", "ukraine-georgia"] {
        let i = a.issue_by_id(issue).unwrap();
        for q in a.quotes.ids() {
            let Some(stance) = a.quotes[q].stance_on(i) else { continue };
            let speaker = &a.speakers[a.quotes[q].speaker];
            let expected = match speaker.affiliation.as_deref() {
                Some("United States") => Stance::Oppose,
                _ => Stance::Support,
            };
            assert_eq!(stance, expected, "{} by {} on {issue}", a.quotes[q].id, speaker.id);
        }
    }
}

#[test]
fn sherman_and_ryabkov_are_opposite_on_every_issue_they_share() {
    let a = builtin();
    let m = whosaid::matrix::build(&a, false);
    let row = |id: &str| m.rows.iter().position(|r| *r == a.speaker_by_id(id).unwrap()).unwrap();
    let (sherman, ryabkov) = (row("sherman"), row("ryabkov"));
    let mut shared = 0;
    for column in 0..m.columns.len() {
        let (s, r) = (m.cells[sherman][column].stance, m.cells[ryabkov][column].stance);
        if let (Some(s), Some(r)) = (s, r) {
            shared += 1;
            assert!(
                matches!((s, r), (Stance::Oppose, Stance::Support) | (Stance::Support, Stance::Oppose)),
                "column {column}: {s:?} and {r:?}"
            );
        }
    }
    assert!(shared >= 3, "they meet on {shared} issues");
}
