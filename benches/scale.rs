//! The scale benchmark: a generated annotation of N quotes (100,000 by
//! default), a generated corpus of 1,000 articles of 100 quotes, `suggest`
//! on 18 MB of text, hostile nesting; one line per figure against its budget.
//!
//!     cargo bench --bench scale                 # 100,000 quotes
//!     cargo bench --bench scale -- --quotes 10000 --seed 7
//!
//! It prints numbers and never fails on them: budgets are for people to
//! read, not for a flaky timed test. `tests/scale_smoke.rs` runs the same
//! code on 10,000 quotes in CI, where only the figures' presence is checked.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use whosaid::model::{self, Corpus, Source};
use whosaid::tui::app::{App, Event};
use whosaid::tui::theme::Theme;
use whosaid::tui::view;

/// One measured figure.
pub struct Figure {
    pub name: String,
    pub value: f64,
    pub unit: &'static str,
    /// The budget it should stay within, for 100,000 quotes.
    pub budget: Option<f64>,
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:<46} {:>10.2} {:<3}", self.name, self.value, self.unit)?;
        if let Some(budget) = self.budget {
            let verdict = if self.value <= budget { "ok" } else { "OVER" };
            write!(f, "   budget ≤ {budget} {:<3} {verdict}", self.unit)?;
        }
        Ok(())
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn worst(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(0.0, f64::max)
}

fn key(c: char) -> Event {
    let modifiers = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
    let code = match c {
        '\t' => KeyCode::Tab,
        c => KeyCode::Char(c),
    };
    Event::Key(KeyEvent::new(code, modifiers))
}

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// Writes the corpus to a scratch directory; the annotation's path.
fn write_corpus(quotes: usize, seed: u64) -> (PathBuf, usize, usize) {
    let corpus = whosaid::synthetic::generate(quotes, seed);
    let dir = std::env::temp_dir().join(format!("whosaid-bench-{quotes}-{seed}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    std::fs::write(dir.join("article.txt"), &corpus.article).expect("article written");
    let path = dir.join("corpus.yaml");
    std::fs::write(&path, &corpus.yaml).expect("annotation written");
    (path, corpus.yaml.len(), corpus.article.len())
}

fn load(path: &Path) -> Corpus {
    let loaded = model::load(&Source::Paths(vec![path.to_path_buf()])).expect("readable");
    assert!(loaded.diagnostics().is_empty(), "the corpus loads cleanly: {:?}", &loaded.diagnostics()[..1]);
    loaded.into_corpus().expect("no errors")
}

/// Times `step` then a frame, `n` times; milliseconds per step+frame.
fn frames(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    n: usize,
    step: impl Fn() -> Event,
) -> Vec<f64> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            app.handle(step());
            terminal.draw(|f| view::draw(f, app)).expect("draws");
            ms(t.elapsed())
        })
        .collect()
}

/// The process's memory high-water mark, in kB.
fn peak_kb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(f64::NAN)
}

/// The peer's part, in a process of its own: serde_yaml parsing the file
/// into nothing; print the memory high-water mark.
fn measure_serde_peak(path: &Path) {
    let yaml = std::fs::read_to_string(path).expect("annotation readable");
    let _: serde::de::IgnoredAny = serde_yaml::from_str(&yaml).expect("valid YAML");
    println!("0 {}", peak_kb());
}

/// The child process's part: load, open the browser state, draw one frame;
/// print the time from start and the memory high-water mark.
fn measure_process(path: &Path) {
    let start = Instant::now();
    let a = load(path);
    let app = App::new(a, path.display().to_string(), Theme::new(true), WIDTH, HEIGHT);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    terminal.draw(|f| view::draw(f, &app)).expect("draws");
    let first_frame = ms(start.elapsed());
    println!("{first_frame} {}", peak_kb());
}

/// Runs every measurement; `child` re-runs this program to measure a fresh
/// process (peak memory, first frame), when given.
pub fn run(quotes: usize, seed: u64, child: Option<&Path>, out: &mut dyn FnMut(Figure)) {
    let figure = |name: &str, value: f64, unit: &'static str, budget: Option<f64>| Figure {
        name: name.to_string(),
        value,
        unit,
        budget,
    };
    let (path, yaml_bytes, article_bytes) = write_corpus(quotes, seed);
    out(figure("annotation YAML", yaml_bytes as f64 / 1e6, "MB", None));
    out(figure("article text", article_bytes as f64 / 1e6, "MB", None));

    // Each load is paired with the peer's parse right after it, serde_yaml
    // parsing the same file into nothing at all (the floor under any loader
    // built on it), so that the VM's swings in speed fall on both sides of
    // each ratio.
    let yaml = std::fs::read_to_string(&path).expect("annotation readable");
    let pairs: Vec<(f64, f64)> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let a = load(&path);
            let loaded = ms(t.elapsed());
            drop(a);
            let t = Instant::now();
            let _: serde::de::IgnoredAny = serde_yaml::from_str(&yaml).expect("valid YAML");
            (loaded, ms(t.elapsed()))
        })
        .collect();
    drop(yaml);
    let load_s = median(pairs.iter().map(|p| p.0).collect()) / 1000.0;
    let parse_s = median(pairs.iter().map(|p| p.1).collect()) / 1000.0;
    let ratio = median(pairs.iter().map(|(l, p)| l / p).collect());
    out(figure("load and validate (median of 7)", load_s, "s", Some(1.0)));
    out(figure("  peer: serde_yaml parse alone (median of 7)", parse_s, "s", None));
    out(figure("  load ÷ serde_yaml parse (median of the 7 pairs' ratios)", ratio, "×", Some(1.3)));
    out(figure("  load − serde_yaml parse (everything whosaid adds)", load_s - parse_s, "s", Some(0.2)));

    if let Some(exe) = child {
        let run = |mode: &str| {
            let output = Command::new(exe).arg(mode).arg(&path).output().expect("the child runs");
            let text = String::from_utf8_lossy(&output.stdout).to_string();
            let mut parts = text.split_whitespace().map(|p| p.parse::<f64>().unwrap_or(f64::NAN));
            (parts.next().unwrap_or(f64::NAN), parts.next().unwrap_or(f64::NAN))
        };
        let runs: Vec<(f64, f64)> = (0..3).map(|_| run("--measure-process")).collect();
        let first_frame = median(runs.iter().map(|r| r.0).collect());
        let peak = median(runs.iter().map(|r| r.1).collect());
        out(figure("peak memory (load + first frame, own process)", peak / 1024.0, "MB", Some(300.0)));
        let (_, serde_peak) = run("--measure-serde-peak");
        out(figure("  peer: serde_yaml parse alone, own process", serde_peak / 1024.0, "MB", None));
        out(figure("  peak ÷ serde_yaml's own peak", peak / serde_peak, "×", Some(1.1)));
        out(figure(
            "load to a full frame, 200×60 (own process, median of 3)",
            first_frame / 1000.0,
            "s",
            None,
        ));
        let frames: Vec<f64> = (0..3).map(|_| first_frame_in_a_terminal(&path)).collect();
        out(figure(
            "first frame of the real binary, loading (median of 3)",
            median(frames),
            "ms",
            Some(100.0),
        ));
    }

    let a = load(&path);
    let texts: Vec<String> = a
        .quotes
        .ids()
        .map(|q| whosaid::text::one_line(&whosaid::describe::written(&a, q)).into_owned())
        .collect();
    let mut app = App::new(a, "bench".into(), Theme::new(true), WIDTH, HEIGHT);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    terminal.draw(|f| view::draw(f, &app)).expect("draws");

    // Speakers pane: each step changes the filter.
    let switches: Vec<f64> = (0..30)
        .map(|_| {
            let t = Instant::now();
            app.handle(key('j'));
            ms(t.elapsed())
        })
        .collect();
    out(figure("speaker filter switch (median)", median(switches.clone()), "ms", Some(10.0)));
    out(figure("speaker filter switch (worst)", worst(&switches), "ms", None));
    app.handle(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));

    app.handle(key('\t'));
    app.handle(key('\t'));
    let list = frames(&mut app, &mut terminal, 200, || key('j'));
    out(figure("frame scrolling the quote list (median)", median(list.clone()), "ms", Some(4.0)));
    out(figure("frame scrolling the quote list (worst)", worst(&list), "ms", None));
    app.handle(key('\t'));
    let article = frames(&mut app, &mut terminal, 200, || key('j'));
    out(figure("frame scrolling the article (median)", median(article.clone()), "ms", Some(4.0)));
    out(figure("frame scrolling the article (worst)", worst(&article), "ms", None));

    // Search: the browser builds the index on another thread after the first
    // frame; then `/` and "open door" letter by letter.
    let t = Instant::now();
    app.settle();
    out(figure("search index (built in the background at start)", ms(t.elapsed()), "ms", None));
    app.handle(key('/'));
    let mut strokes = Vec::new();
    for c in "open door".chars() {
        let t = Instant::now();
        app.handle(key(c));
        strokes.push(ms(t.elapsed()));
    }
    let full_query = *strokes.last().expect("keystrokes");
    out(figure("search keystroke, typing \"open door\" (median)", median(strokes.clone()), "ms", Some(5.0)));
    out(figure("search keystroke, typing \"open door\" (worst)", worst(&strokes), "ms", Some(16.0)));
    out(figure("  hits for \"open door\"", app.list.quotes.len() as f64, "", None));
    let t = Instant::now();
    terminal.draw(|f| view::draw(f, &app)).expect("draws");
    out(figure("frame with search highlights", ms(t.elapsed()), "ms", Some(4.0)));

    if let Some(fzf) = which("fzf") {
        let lines = path.with_file_name("quotes.txt");
        std::fs::write(&lines, texts.join("\n")).expect("quotes written");
        let runs: Vec<f64> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let status = Command::new(&fzf)
                    .args(["--filter", "open door"])
                    .stdin(std::fs::File::open(&lines).expect("quotes readable"))
                    .stdout(std::process::Stdio::null())
                    .status();
                assert!(status.is_ok());
                ms(t.elapsed())
            })
            .collect();
        let fzf_ms = median(runs);
        out(figure("fzf --filter 'open door', same quotes (median of 3)", fzf_ms, "ms", None));
        out(figure(
            "  fzf time ÷ whosaid's \"open door\" keystroke",
            fzf_ms / full_query.max(1e-6),
            "×",
            None,
        ));
    } else {
        out(figure("fzf not on PATH: no side-by-side figure", 0.0, "", None));
    }
    let _ = std::fs::remove_dir_all(path.parent().expect("a scratch directory"));
}

/// Writes a generated corpus to a scratch directory; its path.
fn write_many(articles: usize, quotes: usize, seed: u64) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-bench-corpus-{articles}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    for (name, contents) in whosaid::synthetic::generate_corpus(articles, quotes, seed) {
        std::fs::write(dir.join(name), contents).expect("written");
    }
    dir
}

/// The child process's part for a corpus: open it to a full frame; print
/// the time from start and the memory high-water mark.
fn measure_corpus(dir: &Path) {
    let start = Instant::now();
    let a = load(dir);
    let app = App::new(a, dir.display().to_string(), Theme::new(true), WIDTH, HEIGHT);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    terminal.draw(|f| view::draw(f, &app)).expect("draws");
    println!("{} {}", ms(start.elapsed()), peak_kb());
}

/// The real binary in a pseudo-terminal: milliseconds from its start to
/// its first frame (the loading screen, or the browser if it was quicker).
fn first_frame_in_a_terminal(path: &Path) -> f64 {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let pty = native_pty_system()
        .openpty(PtySize { rows: HEIGHT, cols: WIDTH, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.arg(path);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/whosaid-bench");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("whosaid starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let mut writer = pty.master.take_writer().expect("a writer");
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size");
    let mut screen = vt100::Parser::new(size(HEIGHT), size(WIDTH), 0);
    let mut buf = [0u8; 65536];
    let mut first = f64::NAN;
    while start.elapsed() < Duration::from_secs(30) {
        let Ok(n) = reader.read(&mut buf) else { break };
        if n == 0 {
            break;
        }
        screen.process(&buf[..n]);
        let contents = screen.screen().contents();
        if contents.contains("loading") || contents.contains("Speakers") {
            first = ms(start.elapsed());
            break;
        }
    }
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let _ = child.kill();
    let _ = child.wait();
    first
}

/// A corpus of `articles` articles of `quotes` quotes: open to a full frame
/// and its peak memory (in a process of its own), the first frame of the
/// real binary, and an edit to one file to the updated frame.
pub fn corpus(articles: usize, quotes: usize, seed: u64, child: Option<&Path>, out: &mut dyn FnMut(Figure)) {
    let figure = |name: String, value: f64, unit: &'static str, budget: Option<f64>| Figure {
        name,
        value,
        unit,
        budget,
    };
    let dir = write_many(articles, quotes, seed);
    out(figure(
        format!("corpus of {articles} articles × {quotes} quotes"),
        (articles * quotes) as f64,
        "q",
        None,
    ));
    if let Some(exe) = child {
        let runs: Vec<(f64, f64)> = (0..3)
            .map(|_| {
                let output =
                    Command::new(exe).arg("--measure-corpus").arg(&dir).output().expect("the child runs");
                let text = String::from_utf8_lossy(&output.stdout).to_string();
                let mut parts = text.split_whitespace().map(|p| p.parse::<f64>().unwrap_or(f64::NAN));
                (parts.next().unwrap_or(f64::NAN), parts.next().unwrap_or(f64::NAN))
            })
            .collect();
        let open = median(runs.iter().map(|r| r.0).collect());
        let peak = median(runs.iter().map(|r| r.1).collect());
        out(figure(
            "  open to a full frame (own process, median of 3)".into(),
            open / 1000.0,
            "s",
            Some(1.0),
        ));
        out(figure("  peak memory, open to a full frame".into(), peak / 1024.0, "MB", Some(250.0)));
        let frames: Vec<f64> = (0..3).map(|_| first_frame_in_a_terminal(&dir)).collect();
        out(figure(
            "  first frame of the real binary (median of 3)".into(),
            median(frames),
            "ms",
            Some(100.0),
        ));
    }
    // An edit to one article: read again alone, the corpus put together,
    // the frame drawn. (The file watcher's own delay comes on top.)
    let source = Source::Paths(vec![dir.clone()]);
    let (mut library, outcome) = model::Library::open(&source, &|_| {}).expect("readable");
    let mut app =
        App::new(outcome.into_corpus().expect("clean"), "bench".into(), Theme::new(true), WIDTH, HEIGHT);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    terminal.draw(|f| view::draw(f, &app)).expect("draws");
    // Who changed position, over the whole corpus (`whosaid changes`).
    let runs: Vec<f64> = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(whosaid::changes::all(&app.corpus));
            t.elapsed().as_secs_f64()
        })
        .collect();
    out(figure("  who changed position, every speaker (median of 3)".into(), median(runs), "s", Some(1.0)));
    let edited = dir.join(format!("a{}.yaml", articles / 2));
    let original = std::fs::read_to_string(&edited).expect("readable");
    let mut edit = |app: &mut App, run: usize| {
        let changed =
            original.replacen("title: Generated hearing", &format!("title: Edited ({run}) hearing"), 1);
        std::fs::write(&edited, changed).expect("written");
        let t = Instant::now();
        let outcome = library.reload(std::slice::from_ref(&edited), &|_| {}).expect("readable");
        app.handle(Event::Reloaded(Ok(Box::new(outcome.into_corpus().expect("clean")))));
        terminal.draw(|f| view::draw(f, app)).expect("draws");
        ms(t.elapsed())
    };
    let edits: Vec<f64> = (0..5).map(|run| edit(&mut app, run)).collect();
    out(figure(
        "  an edit to one article, to the frame (median of 5)".into(),
        median(edits),
        "ms",
        Some(50.0),
    ));
    // The same with a search typed: the index is brought to the new corpus
    // and the search runs again before the frame.
    app.settle();
    for c in "/open\n".chars() {
        app.handle(if c == '\n' {
            Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
        } else {
            key(c)
        });
    }
    let hits = app.list.quotes.len();
    let edits: Vec<f64> = (5..10).map(|run| edit(&mut app, run)).collect();
    assert_eq!(app.list.quotes.len(), hits, "the search is still on");
    out(figure(
        format!("  the same with a search typed ({hits} hits; median of 5)"),
        median(edits),
        "ms",
        Some(50.0),
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `suggest` on generated news of `bytes` bytes (budget: 1 s for 18 MB),
/// and on the example corpus's texts repeated to the same size — every
/// quotation repeats there, the worst case for `occurrence`.
pub fn suggest(bytes: usize, out: &mut dyn FnMut(Figure)) {
    let time = |text: &str| {
        let runs: Vec<f64> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let draft = whosaid::suggest::suggest(text);
                let yaml = whosaid::suggest::yaml::draft_file(text, "a.txt", &draft, 0, "a");
                assert!(!yaml.is_empty());
                ms(t.elapsed())
            })
            .collect();
        median(runs) / 1000.0
    };
    let news = whosaid::synthetic::news(bytes, 1);
    let mb = news.len() as f64 / 1e6;
    out(Figure {
        name: format!("suggest, {mb:.0} MB of news (median of 3)"),
        value: time(&news),
        unit: "s",
        budget: Some(1.0),
    });
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut texts: Vec<String> = std::fs::read_dir(&examples)
        .expect("the examples")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).expect("readable"))
        .collect();
    texts.sort();
    let mut repeated = String::with_capacity(bytes + 200_000);
    while repeated.len() < bytes {
        for t in &texts {
            repeated.push_str(t);
            repeated.push_str("\n\n");
        }
    }
    let value = time(&repeated);
    out(Figure {
        name: "  the transcripts repeated to that size (worst case)".into(),
        value,
        unit: "s",
        budget: None,
    });
}

/// `suggest --batch` over `texts` texts of generated news, `bytes` in all
/// (budget: 1 s for 1,000 texts of 18 MB): the real binary, a directory in,
/// JSON Lines out.
pub fn suggest_batch(bytes: usize, texts: usize, out: &mut dyn FnMut(Figure)) {
    let dir = std::env::temp_dir().join(format!("whosaid-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    for n in 0..texts {
        let text = whosaid::synthetic::news(bytes / texts, n as u64 + 1);
        std::fs::write(dir.join(format!("t{n:04}.txt")), text).expect("writable");
    }
    let runs: Vec<f64> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let o = Command::new(env!("CARGO_BIN_EXE_whosaid"))
                .args(["suggest", "--batch"])
                .arg(&dir)
                .output()
                .expect("whosaid runs");
            assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), texts, "a record a text");
            t.elapsed().as_secs_f64()
        })
        .collect();
    out(Figure {
        name: format!("suggest --batch, {texts} texts, {:.0} MB in all (median of 3)", bytes as f64 / 1e6),
        value: median(runs),
        unit: "s",
        budget: Some(1.0),
    });
    let _ = std::fs::remove_dir_all(&dir);
}

/// A file nested `depth` deep, as a list of lists or a map of maps.
fn nested(depth: usize, maps: bool) -> String {
    if maps {
        format!("a: {}1{}\n", "{\"\": ".repeat(depth), "}".repeat(depth))
    } else {
        format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth))
    }
}

/// The child process's part for hostile nesting: load, print the time and
/// how far the load raised the memory high-water mark.
fn measure_nesting(depth: usize, maps: bool) {
    let yaml = nested(depth, maps);
    let before = peak_kb();
    let start = Instant::now();
    let outcome = model::load_bytes("hostile.yaml", yaml.as_bytes(), &|_| Err("no text".into()));
    assert!(outcome.errors() > 0);
    println!("{} {}", ms(start.elapsed()), peak_kb() - before);
}

/// Hostile nesting, `depth` deep, both shapes: the answer's time and its
/// memory against the file's size (budget: 2 s, 4 × the size).
pub fn nesting(depth: usize, child: Option<&Path>, out: &mut dyn FnMut(Figure)) {
    for (maps, shape) in [(false, "[[[…]]]"), (true, "{\"\": {…}}")] {
        let size = nested(depth, maps).len() as f64 / 1e6;
        let yaml = nested(depth, maps);
        let t = Instant::now();
        let outcome = model::load_bytes("hostile.yaml", yaml.as_bytes(), &|_| Err("no text".into()));
        assert!(outcome.errors() > 0, "refused");
        let name = format!("nesting {shape} {depth} deep ({size:.1} MB): answer");
        out(Figure { name, value: ms(t.elapsed()) / 1000.0, unit: "s", budget: Some(2.0) });
        if let Some(exe) = child {
            let output = Command::new(exe)
                .args(["--measure-nesting", &depth.to_string(), if maps { "maps" } else { "lists" }])
                .output()
                .expect("the child runs");
            let text = String::from_utf8_lossy(&output.stdout).to_string();
            let peak = text.split_whitespace().nth(1).and_then(|p| p.parse::<f64>().ok()).unwrap_or(f64::NAN);
            // What the answer takes beyond the file itself in memory (and
            // the program's own few megabytes).
            let ratio = peak * 1024.0 / (size * 1e6);
            out(Figure {
                name: "  memory the answer adds ÷ file size".into(),
                value: ratio,
                unit: "×",
                budget: Some(4.0),
            });
        }
    }
}

/// `whosaid check` on the built-in article, wall time of the real binary.
pub fn check_built_in(out: &mut dyn FnMut(Figure)) {
    let runs: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let status =
                Command::new(env!("CARGO_BIN_EXE_whosaid")).arg("check").output().expect("whosaid runs");
            assert!(status.status.success());
            ms(t.elapsed())
        })
        .collect();
    out(Figure {
        name: "whosaid check, built-in article (median of 20)".into(),
        value: median(runs),
        unit: "ms",
        budget: Some(10.0),
    });
}

/// The same allocator as the binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(program)).find(|p| p.is_file())
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure-process") {
        measure_process(Path::new(&args[i + 1]));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--measure-serde-peak") {
        measure_serde_peak(Path::new(&args[i + 1]));
        return;
    }
    // For profiling `whosaid suggest` on the benchmark's text: `-- --write-news FILE BYTES`.
    if let Some(i) = args.iter().position(|a| a == "--write-news") {
        let bytes = args[i + 2].parse().expect("a size in bytes");
        std::fs::write(&args[i + 1], whosaid::synthetic::news(bytes, 1)).expect("written");
        return;
    }
    // For profiling the load of one big file: `-- --write-file DIR` (100,000 quotes).
    if let Some(i) = args.iter().position(|a| a == "--write-file") {
        let (path, _, _) = write_corpus(100_000, 1);
        let dir = Path::new(&args[i + 1]);
        std::fs::create_dir_all(dir).expect("a directory");
        for name in ["article.txt", "corpus.yaml"] {
            std::fs::rename(path.with_file_name(name), dir.join(name)).expect("moved");
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--write-corpus") {
        let dir = Path::new(&args[i + 1]);
        std::fs::create_dir_all(dir).expect("a directory");
        for (name, contents) in whosaid::synthetic::generate_corpus(1_000, 100, 1) {
            std::fs::write(dir.join(name), contents).expect("written");
        }
        return;
    }
    // For profiling an edit: `-- --profile-edit DIR [--search]` reloads one
    // file 20 times (with a search typed).
    if let Some(i) = args.iter().position(|a| a == "--profile-edit") {
        let dir = PathBuf::from(&args[i + 1]);
        let (mut library, outcome) =
            model::Library::open(&Source::Paths(vec![dir.clone()]), &|_| {}).expect("readable");
        let mut app =
            App::new(outcome.into_corpus().expect("clean"), "p".into(), Theme::new(true), WIDTH, HEIGHT);
        if args.iter().any(|a| a == "--search") {
            app.settle();
            for c in "/open".chars() {
                app.handle(key(c));
            }
        }
        let edited = dir.join("a500.yaml");
        for _ in 0..20 {
            let t = Instant::now();
            let outcome = library.reload(std::slice::from_ref(&edited), &|_| {}).expect("readable");
            let reloaded = ms(t.elapsed());
            app.handle(Event::Reloaded(Ok(Box::new(outcome.into_corpus().expect("clean")))));
            println!("reload {reloaded:.1} ms, with the update {:.1} ms", ms(t.elapsed()));
        }
        return;
    }
    // For profiling the load of one file: `-- --profile-load FILE` times its stages.
    if let Some(i) = args.iter().position(|a| a == "--profile-load") {
        let path = Path::new(&args[i + 1]);
        let yaml = std::fs::read_to_string(path).expect("readable");
        for _ in 0..3 {
            let t = Instant::now();
            let _: serde::de::IgnoredAny = serde_yaml::from_str(&yaml).expect("valid YAML");
            let peer = ms(t.elapsed());
            let t = Instant::now();
            let tree = whosaid::model::yaml::parse(&yaml).expect("valid YAML");
            let parse = ms(t.elapsed());
            let t = Instant::now();
            drop(tree);
            let dropped = ms(t.elapsed());
            let t = Instant::now();
            let corpus = load(path);
            let loaded = ms(t.elapsed());
            drop(corpus);
            println!("serde_yaml {peer:.0} ms, tree {parse:.0} ms (drop {dropped:.0}), load {loaded:.0} ms");
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--measure-corpus") {
        measure_corpus(Path::new(&args[i + 1]));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--measure-nesting") {
        measure_nesting(args[i + 1].parse().expect("a depth"), args[i + 2] == "maps");
        return;
    }
    let value = |flag: &str, default: u64| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let quotes = value("--quotes", 100_000) as usize;
    let seed = value("--seed", 1);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "whosaid scale benchmark · {quotes} quotes · seed {seed} · {cores} cores · budgets are for 100,000 quotes"
    );
    let exe = std::env::current_exe().expect("this program");
    let mut print = |f: Figure| println!("{f}");
    // `-- --suggest`: only the figures of `suggest`.
    if args.iter().any(|a| a == "--suggest") {
        suggest(18_000_000, &mut print);
        suggest_batch(18_000_000, 1_000, &mut print);
        return;
    }
    // `-- --load`: only the figures of one big file.
    if args.iter().any(|a| a == "--load") {
        run(quotes, seed, Some(&exe), &mut print);
        return;
    }
    run(quotes, seed, Some(&exe), &mut print);
    corpus(1_000, 100, seed, Some(&exe), &mut print);
    suggest(18_000_000, &mut print);
    suggest_batch(18_000_000, 1_000, &mut print);
    nesting(1_000_000, Some(&exe), &mut print);
    check_built_in(&mut print);
    annotating(&mut print);
}

/// Annotating in the browser on the built-in article (written to a scratch
/// directory): a stance change and an accepted candidate, each written,
/// validated, the corpus read again and the frame drawn.
pub fn annotating(out: &mut dyn FnMut(Figure)) {
    use whosaid::edit::{Change, Edit, NewQuote, QuoteRef, write::write};
    let dir = tempfile::tempdir().expect("a scratch directory");
    let builtin = model::load(&Source::BuiltIn).expect("built in").into_corpus().expect("clean");
    let text = &builtin.articles[model::ArticleIx::new(0)].text;
    std::fs::write(dir.path().join("nato-open-doors.txt"), &**text).expect("written");
    let file = dir.path().join("nato-open-doors.yaml");
    std::fs::write(&file, include_str!("../assets/nato-open-doors.yaml")).expect("written");
    let (mut library, outcome) =
        model::Library::open(&Source::Paths(vec![file.clone()]), &|_| {}).expect("readable");
    let mut app =
        App::new(outcome.into_corpus().expect("clean"), "b".into(), Theme::new(true), WIDTH, HEIGHT);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a terminal");
    let issue = app.corpus.issues[model::IssueIx::new(0)].id.clone();
    let draft = whosaid::suggest::suggest(text);
    let candidate = &draft.candidates[0];
    let mut timed = |app: &mut App, edit: Edit| {
        let change = Change::Edit { file: file.clone(), edit };
        let t = Instant::now();
        let (written, outcome) = write(&mut library, &change).expect("written");
        app.handle(Event::Reloaded(Ok(Box::new(outcome.into_corpus().expect("clean")))));
        app.handle(Event::Written(vec![(change, Ok(written.clone()))]));
        terminal.draw(|f| view::draw(f, app)).expect("draws");
        let took = ms(t.elapsed());
        let (_, outcome) = write(&mut library, &Change::Undo(written)).expect("undone");
        app.handle(Event::Reloaded(Ok(Box::new(outcome.into_corpus().expect("clean")))));
        took
    };
    let stances: Vec<f64> = (0..20)
        .map(|n| {
            let stance = model::Stance::ALL[n % 4];
            let quote = QuoteRef { index: 0, id: app.corpus.quotes[model::QuoteIx::new(0)].id.clone() };
            timed(&mut app, Edit::Stances { quote, stances: vec![(issue.clone(), Some(stance))] })
        })
        .collect();
    let accepts: Vec<f64> = (0..20)
        .map(|_| {
            let quote = NewQuote {
                id: "bench-accepted".into(),
                speaker: app.corpus.speakers[model::SpeakerIx::new(0)].id.clone(),
                kind: model::Kind::Direct,
                parts: candidate
                    .parts
                    .iter()
                    .map(|p| whosaid::text::fold_whitespace(&text[p.clone()]).into_owned())
                    .collect(),
                occurrence: None,
                stances: vec![(issue.clone(), Some(model::Stance::Support))],
                via: Vec::new(),
            };
            timed(&mut app, Edit::Accept { quote, speakers: Vec::new(), before: None })
        })
        .collect();
    out(Figure {
        name: "a stance change written, reloaded, shown (median)".into(),
        value: median(stances),
        unit: "ms",
        budget: Some(100.0),
    });
    out(Figure {
        name: "a candidate accepted, written, reloaded, shown (median)".into(),
        value: median(accepts),
        unit: "ms",
        budget: Some(100.0),
    });
}
