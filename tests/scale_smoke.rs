//! The scale benchmark's code, run small as a smoke test (10,000 quotes, a
//! corpus of 20 articles, 200 kB for `suggest`, nesting 10,000 deep): the
//! inputs load cleanly and every figure is produced. No timing is asserted
//! (the benchmark itself prints the numbers: `cargo bench --bench scale`).

#[path = "../benches/scale.rs"]
mod scale;

#[test]
fn the_benchmark_runs_on_ten_thousand_quotes() {
    let mut figures = Vec::new();
    scale::run(10_000, 1, None, &mut |f| figures.push(f));
    scale::corpus(20, 50, 1, None, &mut |f| figures.push(f));
    scale::suggest(200_000, &mut |f| figures.push(f));
    scale::suggest_batch(200_000, 20, &mut |f| figures.push(f));
    scale::nesting(10_000, None, &mut |f| figures.push(f));
    scale::check_built_in(&mut |f| figures.push(f));
    scale::annotating(&mut |f| figures.push(f));
    let names: Vec<&str> = figures.iter().map(|f| f.name.as_str()).collect();
    for expected in [
        "load and validate (median of 7)",
        "  load ÷ serde_yaml parse (median of the 7 pairs' ratios)",
        "speaker filter switch (median)",
        "frame scrolling the quote list (median)",
        "frame scrolling the article (median)",
        "search keystroke, typing \"open door\" (median)",
        "whosaid check, built-in article (median of 20)",
        "  an edit to one article, to the frame (median of 5)",
        "suggest, 0 MB of news (median of 3)",
        "suggest --batch, 20 texts, 0 MB in all (median of 3)",
        "nesting [[[…]]] 10000 deep (0.0 MB): answer",
        "a stance change written, reloaded, shown (median)",
        "a candidate accepted, written, reloaded, shown (median)",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let hits = figures.iter().find(|f| f.name.contains("hits for")).unwrap();
    assert!(hits.value >= 1.0, "\"open door\" is found in the generated corpus");
    for f in &figures {
        assert!(f.value.is_finite() && f.value >= 0.0, "{f}");
    }
}
