//! Recommendations measured as the README reports them: on the example
//! corpus, how often the top recommended issue of an annotated quote is
//! one its annotation lists — learning from the other articles only (each
//! article held out in turn), and from every other quote (the quote held
//! out) — against always recommending the issue most quotes have.

mod common;

use whosaid::edit::recommend::{recommend, words};
use whosaid::model::{Corpus, QuoteIx};

/// Annotated quotes, those with a top recommendation, those right, and
/// those the most frequent issue gets right, learning from what `learn` admits.
fn measure(c: &Corpus, learn: impl Fn(QuoteIx, QuoteIx) -> bool) -> [usize; 4] {
    let mut out = [0; 4];
    for q in c.quotes.ids().filter(|&q| !c.quotes[q].issues.is_empty()) {
        out[0] += 1;
        let found = recommend(c, &words(&c.quotes[q].text.parts().join(" ")), |o| learn(q, o));
        if let Some(top) = found.first() {
            out[1] += 1;
            out[2] += usize::from(c.quotes[q].issues.contains(&top.issue));
        }
        let mut counts = std::collections::HashMap::new();
        for o in c.quotes.ids().filter(|&o| learn(q, o)) {
            for &i in &c.quotes[o].issues {
                *counts.entry(i).or_insert(0) += 1;
            }
        }
        let frequent = counts.into_iter().max_by_key(|&(i, n)| (n, std::cmp::Reverse(i))).map(|(i, _)| i);
        out[3] += usize::from(frequent.is_some_and(|i| c.quotes[q].issues.contains(&i)));
    }
    out
}

#[test]
fn the_top_recommended_issue_beats_the_most_frequent_one() {
    let c = common::corpus();
    let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    for (name, [quotes, recommended, right, frequent]) in [
        ("article held out", measure(&c, |q, o| c.quotes[o].article != c.quotes[q].article)),
        ("quote held out", measure(&c, |q, o| o != q)),
    ] {
        println!(
            "{name}: {quotes} annotated quotes, {recommended} with a recommendation; top issue right {right} ({:.0}% of all), most frequent issue right {frequent} ({:.0}%)",
            share(right, quotes),
            share(frequent, quotes)
        );
        assert!(quotes > 50 && right > frequent, "{name}: {right} right, the most frequent issue {frequent}");
    }
}

/// `suggest --into` writes what the annotation's own quotes recommend as a
/// comment on each quote it adds; nothing is set by it.
#[test]
fn suggest_into_writes_recommendations_as_comments() {
    let dir = tempfile::tempdir().unwrap();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let text = dir.path().join("nato-open-doors.txt");
    std::fs::copy(format!("{examples}/nato-open-doors.txt"), &text).unwrap();
    let full = std::fs::read_to_string(format!("{examples}/nato-open-doors.yaml")).unwrap();
    // The annotation with its last third of quotes not yet made.
    let at = full.find("quotes:").unwrap();
    let entries: Vec<&str> = full[at..].split("\n  - id:").collect();
    let kept = entries[..entries.len() * 2 / 3].join("\n  - id:");
    let file = dir.path().join("half.yaml");
    let before = format!("{}{kept}\n", &full[..at]);
    std::fs::write(&file, &before).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("suggest")
        .arg(&text)
        .arg("--into")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let yaml = std::fs::read_to_string(&file).unwrap();
    let c = common::corpus();
    let comments: Vec<&str> =
        yaml.lines().filter(|l| l.trim_start().starts_with("# recommended: ")).collect();
    assert!(!comments.is_empty(), "{yaml}");
    for comment in comments {
        let issues = comment.trim_start().trim_start_matches("# recommended: ");
        for each in issues.split(", ") {
            let id = each.split(' ').next().unwrap();
            assert!(c.issue_by_id(id).is_some(), "{comment}");
            assert!(each.ends_with('%'), "{comment}");
        }
    }
    let stances = |y: &str| y.matches("    stance:").count() + y.matches("    issues:").count();
    assert_eq!(stances(&yaml), stances(&before), "recommendations are comments, nothing more");
}
