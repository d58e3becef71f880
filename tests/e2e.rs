//! End-to-end: the real binary in a pseudo-terminal, driven by keys.

mod common;
mod pty;

use pty::Session;
use whosaid::model::{Corpus, Source, load};

fn builtin() -> Corpus {
    load(&Source::BuiltIn).unwrap().into_corpus().unwrap()
}

/// The Quotes pane's title for a filter of the built-in article, as the
/// browser writes it: `Quotes · @speaker · #issue · N of TOTAL`.
fn quotes_title(speaker: Option<&str>, issue: Option<&str>) -> String {
    let c = builtin();
    let s: Vec<_> = speaker.iter().map(|id| c.speaker_by_id(id).unwrap()).collect();
    let i: Vec<_> = issue.iter().map(|id| c.issue_by_id(id).unwrap()).collect();
    let mut parts = vec!["Quotes".to_string()];
    parts.extend(speaker.map(|id| format!("@{id}")));
    parts.extend(issue.map(|id| format!("#{id}")));
    parts.push(format!("{} of {}", c.filter(&s, &i).len(), c.quotes.len()));
    parts.join(" · ")
}

fn all_quotes() -> String {
    quotes_title(None, None)
}

#[test]
fn open_navigate_and_quit() {
    let mut s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text(&all_quotes());
    s.send("jj");
    s.wait_for_text(&quotes_title(Some("us-delegation"), None));
    // Who said what about Ukraine: the issue, then its quotes.
    s.send("\t");
    s.send("jjj");
    s.wait_for_text(&quotes_title(Some("us-delegation"), Some("ukraine-georgia")));
    s.send("\x1b");
    s.wait_for_text(&all_quotes());
    s.send("?");
    s.wait_for_text("Esc closes");
    s.send("q");
    s.wait_for(": help closed", |screen| !screen.contains("Esc closes"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_terminal_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let mut s = Session::start(&[], 100, 30, &[]);
        s.wait_for_text(&all_quotes());
        s.signal(signal);
        let code = s.wait_exit();
        assert!(code == 143 || code == 129, "{signal}: exit {code}");
        s.assert_terminal_restored();
    }
}

#[test]
fn resizing_redraws() {
    let s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text(&all_quotes());
    s.resize(50, 20);
    s.wait_for("a one-column layout", |screen| {
        screen.contains("Speakers")
            && !screen.contains("Quotes")
            && screen.lines().all(|l| l.chars().count() <= 50)
    });
    s.resize(30, 8);
    s.wait_for_text("terminal too small");
    s.resize(120, 36);
    s.wait_for_text(&all_quotes());
}

#[test]
fn an_edit_in_another_window_shows_at_once_and_a_broken_one_keeps_the_last_good_state() {
    let dir = tempfile::tempdir().unwrap();
    let article = "Ryabkov said no. Sherman said yes.";
    std::fs::write(dir.path().join("a.txt"), article).unwrap();
    let yaml = |name: &str| {
        format!(
            "article:\n  title: Edits\n  text_file: a.txt\nspeakers:\n  - id: r\n    name: {name}\nquotes:\n  - speaker: r\n    text: Ryabkov said no\n"
        )
    };
    let file = dir.path().join("a.yaml");
    std::fs::write(&file, yaml("First Name")).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], 100, 30, &[]);
    s.wait_for_text("First Name");
    std::fs::write(&file, yaml("Second Name")).unwrap();
    s.wait_for_text("Second Name");
    std::fs::write(&file, yaml("Broken").replace("text: Ryabkov said no", "text: Nobody said this")).unwrap();
    s.wait_for_text("reload failed");
    s.wait_for("the last good state under the banner", |screen| {
        screen.contains("quote text not found") && screen.contains("Second Name")
    });
    std::fs::write(&file, yaml("Third Name")).unwrap();
    s.wait_for("the banner gone", |screen| {
        screen.contains("Third Name") && !screen.contains("reload failed")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_broken_file_is_reported_not_browsed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.yaml");
    std::fs::write(&file, "article:\n  title: T\n").unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], 100, 30, &[]);
    s.wait_for_text("the article has no text");
    assert_eq!(s.wait_exit(), 1);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(!raw.contains("\x1b[?1049h"), "never entered the alternate screen");
}

#[test]
fn mouse_clicks_select_unless_no_mouse() {
    let mut s = Session::start(&[], 120, 36, &[]);
    let screen = s.wait_for("the speakers", |screen| {
        screen.contains(&all_quotes()) && screen.contains("Andrey Koshkin")
    });
    let row = screen.lines().position(|l| l.contains("Andrey Koshkin")).unwrap() + 1;
    // An SGR mouse press and release at column 5 of that row (1-based).
    s.send(&format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m"));
    s.wait_for_text(&quotes_title(Some("koshkin"), None));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(raw.contains("\x1b[?1000h"), "mouse captured");

    let mut s = Session::start(&["--no-mouse"], 120, 36, &[]);
    s.wait_for_text(&all_quotes());
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(!raw.contains("\x1b[?1000h"), "mouse left to the terminal");
}

#[test]
fn copy_writes_an_osc52_sequence() {
    let mut s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text(&all_quotes());
    s.send("y");
    s.wait_for_text("copied the quote");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + raw[start..].find('\x07').unwrap();
    assert!(raw[start..end].chars().all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c)));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn suspend_and_continue_redraw_the_whole_screen() {
    // In the test's pseudo-terminal whosaid leads an orphaned process group,
    // where the kernel does not stop it on Ctrl-z: it returns at once, and
    // what is checked is the way back — terminal set up again, screen redrawn.
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for_text(&all_quotes());
    s.send("\x1a");
    s.send("j");
    s.wait_for_text(&quotes_title(Some("us-administration"), None));
    s.signal("CONT");
    s.send("j");
    // The whole screen comes back, not only what changed.
    let title = quotes_title(Some("us-delegation"), None);
    s.wait_for("the whole screen redrawn", |screen| {
        screen.contains(&title) && screen.contains("Speakers") && screen.contains("Article")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_terminal_restored();
}

#[test]
fn typing_a_search_into_the_real_binary() {
    let mut s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text(&all_quotes());
    s.send("/expan");
    s.wait_for("the query line with the position", |screen| {
        screen.lines().last().is_some_and(|l| l.starts_with("/expan") && l.trim_end().ends_with("1/3"))
    });
    s.send("\r");
    s.wait_for_text("/expan 1/3");
    s.send("n");
    s.wait_for_text("/expan 2/3");
    // Esc goes back to before the search was kept.
    s.send("\x1b");
    s.wait_for_text("back where you started");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// An annotation in a scratch directory, for tests that break it while
/// whosaid has it open.
struct Scratch {
    _dir: tempfile::TempDir,
    file: std::path::PathBuf,
}

fn scratch(name: &str) -> Scratch {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Ryabkov said no. Sherman said yes.").unwrap();
    let file = dir.path().join("a.yaml");
    std::fs::write(&file, good_yaml(name)).unwrap();
    Scratch { _dir: dir, file }
}

fn good_yaml(name: &str) -> String {
    format!(
        "article:\n  title: Edits\n  text_file: a.txt\nspeakers:\n  - id: r\n    name: {name}\nquotes:\n  - speaker: r\n    text: Ryabkov said no\n"
    )
}

#[test]
fn failures_while_running_keep_the_last_good_state_with_a_banner() {
    let s = scratch("Good Name");
    let mut w = Session::start(&[s.file.to_str().unwrap()], 110, 30, &[]);
    w.wait_for_text("Good Name");
    let expect_banner = |w: &Session, why: &str| {
        let screen = w.wait_for(why, |screen| screen.contains("reload failed") && screen.contains(why));
        assert!(screen.contains("Good Name"), "the last good state stays:\n{screen}");
    };
    let recover = |w: &Session, name: &str| {
        std::fs::write(&s.file, good_yaml(name)).unwrap();
        w.wait_for(name, |screen| screen.contains(name) && !screen.contains("reload failed"));
    };
    // Deleted.
    std::fs::remove_file(&s.file).unwrap();
    expect_banner(&w, "no such file");
    recover(&w, "Good Name");
    // Truncated to nothing.
    std::fs::write(&s.file, "").unwrap();
    expect_banner(&w, "the file is empty");
    recover(&w, "Good Name");
    // Unreadable: a directory where the file was (permissions do not stop
    // root, who runs these tests on CI).
    std::fs::remove_file(&s.file).unwrap();
    std::fs::create_dir(&s.file).unwrap();
    expect_banner(&w, "is a directory");
    std::fs::remove_dir(&s.file).unwrap();
    recover(&w, "Good Name");
    // Grown past the size cap (a sparse file, so no disk is used).
    std::fs::OpenOptions::new().write(true).open(&s.file).unwrap().set_len((256 << 20) + 1).unwrap();
    expect_banner(&w, "too large");
    recover(&w, "Better Name");
    w.send("q");
    assert_eq!(w.wait_exit(), 0);
}

#[test]
fn r_reloads_and_the_built_in_article_has_nothing_to_reload() {
    let s = scratch("First");
    let mut w = Session::start(&[s.file.to_str().unwrap()], 110, 30, &[]);
    w.wait_for_text("First");
    w.send("r");
    w.wait_for_text("reloaded");
    w.send("q");
    assert_eq!(w.wait_exit(), 0);
    let mut w = Session::start(&[], 110, 30, &[]);
    w.wait_for_text(&all_quotes());
    w.send("r");
    w.wait_for_text("nothing to reload");
    w.send("q");
    assert_eq!(w.wait_exit(), 0);
}

#[test]
fn a_panic_leaves_the_terminal_restored() {
    let mut w = Session::start(&[], 100, 30, &[("WHOSAID_TEST_PANIC_KEY", "P")]);
    w.wait_for_text(&all_quotes());
    w.send("P");
    assert_eq!(w.wait_exit(), 101, "a panic exits with Rust's panic status");
    w.assert_terminal_restored();
    let raw = String::from_utf8_lossy(&w.raw.lock().unwrap()).to_string();
    assert!(raw.contains("a test asked for a panic"), "the panic message is shown after restoring");
}

#[test]
fn escape_sequences_in_the_file_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}P+q\u{1b}\\\u{9b}31m\u{7}";
    let escaped: String = evil.chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
    let yaml = format!(
        "article:\n  title: \"Title {escaped}\"\n  source: \"Src {escaped}\"\n  text_file: a.txt\nspeakers:\n  - id: s\n    name: \"Name {escaped}\"\n    role: \"Role {escaped}\"\n    aliases: [\"Alias {escaped}\"]\nissues:\n  - id: i\n    title: \"Issue {escaped}\"\n    proposition: \"Prop {escaped}\"\nquotes:\n  - speaker: s\n    issues: [i]\n    stance: support\n    note: \"Note {escaped}\"\n    text: \"said {escaped} this\"\n"
    );
    std::fs::write(dir.path().join("a.txt"), format!("He said {evil} this, twice.")).unwrap();
    let file = dir.path().join("evil.yaml");
    std::fs::write(&file, yaml).unwrap();
    let mut w = Session::start(&[file.to_str().unwrap()], 120, 36, &[]);
    w.wait_for_text("Quotes · 1 of 1");
    // Every pane and overlay, so that every string is drawn somewhere.
    for keys in ["j", "\t", "j", "\t", "\t", "]", "/said", "\r", "m", "l", "m", "?"] {
        w.send(keys);
    }
    w.wait_for_text("Esc closes");
    w.send("q");
    w.send("q");
    assert_eq!(w.wait_exit(), 0);
    let raw = w.raw.lock().unwrap().clone();
    let contains = |needle: &[u8]| raw.windows(needle.len()).any(|win| win == needle);
    assert!(!contains(b"\x1b]0;PWNED"), "a title-setting sequence got through");
    assert!(!contains(b"\x1b]52;"), "a clipboard sequence got through");
    assert!(!contains(b"\x1bP+q"), "a device-control sequence got through");
    assert!(!contains("\u{9b}".as_bytes()), "a C1 control got through");
    assert!(!contains(b"\x07"), "a bell got through");
    assert!(contains("␛]0;PWNED".as_bytes()), "the sequence is shown, made visible");
}

#[test]
fn a_file_with_warnings_opens_and_says_so() {
    let s = scratch("Speaker");
    let yaml = good_yaml("Speaker") + "issues:\n  - id: idle\n    title: Idle\n";
    std::fs::write(&s.file, yaml).unwrap();
    let mut w = Session::start(&[s.file.to_str().unwrap()], 110, 30, &[]);
    w.wait_for_text("1 warning · `whosaid check` shows it");
    w.send("q");
    assert_eq!(w.wait_exit(), 0);
}

#[test]
fn a_slow_reload_never_blocks_the_keys_and_q_quits_while_loading() {
    let dir = tempfile::tempdir().unwrap();
    let write_generated = |quotes: usize, name: &str| {
        let generated = whosaid::synthetic::generate(quotes, 7);
        let text = dir.path().join(format!("{name}.txt"));
        std::fs::write(&text, &generated.article).unwrap();
        generated.yaml.replace("text_file: article.txt", &format!("text_file: {name}.txt"))
    };
    let file = dir.path().join("a.yaml");
    std::fs::write(&file, write_generated(300, "small")).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], 120, 36, &[]);
    s.wait_for_text(&format!("1/{}", whosaid::synthetic::SPEAKERS + 1));
    // Tens of thousands of quotes take seconds to load in a debug build:
    // keys are answered meanwhile.
    let big = write_generated(60_000, "big");
    std::fs::write(&file, big).unwrap();
    s.wait_for_text("loading");
    s.send("j");
    s.wait_for("a key answered while loading", |screen| {
        screen.contains(&format!("2/{}", whosaid::synthetic::SPEAKERS + 1)) && screen.contains("loading")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// A config directory holding `config.toml` with these contents.
fn config_home(toml: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("whosaid")).unwrap();
    std::fs::write(home.path().join("whosaid").join("config.toml"), toml).unwrap();
    home
}

#[test]
fn a_config_file_remaps_keys_and_the_hints_show_them() {
    let home = config_home("[keys.browse]\nquit = [\"x\", \"Ctrl-c\"]\nsearch = \"F3\"\n");
    let mut s = Session::start(&[], 120, 60, &[("XDG_CONFIG_HOME", home.path().to_str().unwrap())]);
    s.wait_for("the remapped key in the hints", |screen| {
        screen.contains(&all_quotes()) && screen.contains("F3 search")
    });
    s.send("q");
    s.send("?");
    s.wait_for("the remapped key in the help", |help| {
        help.contains("Esc closes") && help.contains("x Ctrl-c")
    });
    s.send("\x1b");
    s.wait_for(": help closed", |screen| !screen.contains("Esc closes"));
    s.send("x");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_bad_config_file_is_reported_where_it_is_wrong_and_the_defaults_run() {
    let home = config_home("[keys.browse]\nnext_pain = \"n\"\n");
    let mut s = Session::start(&[], 160, 36, &[("XDG_CONFIG_HOME", home.path().to_str().unwrap())]);
    s.wait_for("the problem, and the article on the defaults", |screen| {
        screen.contains("config.toml:2:1: [keys.browse] has no action `next_pain`")
            && screen.contains("defaults in use")
            && screen.contains(&all_quotes())
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    // Said again on the terminal, where it stays.
    s.wait_for("the problem, after the browser", |screen| {
        screen.contains("(did you mean `next_pane`?)") && screen.contains("(whosaid ran on its defaults)")
    });
}

/// The crash a user met: a corpus file broken, fixed and restored while the
/// browser is open, again and again, in every mode.
#[test]
fn a_corpus_file_broken_fixed_and_restored_twenty_times_under_the_open_browser() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_examples(dir.path());
    let corpus = dir.path().join("corpus.yaml");
    let good = std::fs::read_to_string(&corpus).unwrap();
    let one_article = good.replacen("title: The Russia talks, January 2022", "title: Fixed title", 1)
        + "articles: [nato-open-doors.yaml]\n";
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 120, 36, &[]);
    s.wait_for_text("All articles");
    for round in 0..20 {
        let mode = ["", "m", "z", "t", "/the", "m"][round % 6];
        s.send(mode);
        std::fs::write(&corpus, format!("{good}\ncorpus: [\n")).unwrap();
        // The last good state stays, under a warning, until the file is good again.
        match mode {
            "" => drop(s.wait_for_text("reload failed: showing the last good version")),
            "m" => drop(s.wait_for("the matrix as it was, with a warning", |screen| {
                screen.contains("Stance matrix · The Russia talks") && screen.contains("⚠ reload failed")
            })),
            _ => {}
        }
        std::fs::write(&corpus, &one_article).unwrap();
        match mode {
            "" => drop(s.wait_for("one article", |screen| {
                !screen.contains("left out") && !screen.contains("All articles")
            })),
            "m" => drop(s.wait_for_text("Stance matrix · Fixed title")),
            _ => {}
        }
        // The good file again, marked with the round: the screen before the
        // browser read the three writes cannot pass for the screen after.
        let title = format!("The Russia talks, round {round}");
        std::fs::write(&corpus, good.replacen("The Russia talks, January 2022", &title, 1)).unwrap();
        // Back to the panes from whatever the mode left open, then the matrix,
        // whose title says which version the browser holds.
        s.send("\x1b\x1bm");
        s.wait_for(&format!("the whole corpus again, round {round}"), |screen| {
            screen.contains(&format!("Stance matrix · {title}")) && !screen.contains("reload failed")
        });
        s.send("\x1b");
        s.wait_for_text("All articles");
    }
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// A scratch directory with an annotation of one quote (and its path),
/// for the editor's tests.
fn one_quote_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    std::fs::write(
        &file,
        "article:\n  title: Talks\n  text_file: article.txt\nspeakers:\n  - id: ryabkov\n    name: Sergey Ryabkov\nquotes:\n  - id: first\n    speaker: ryabkov\n    text: No improvement has been achieved\n",
    )
    .unwrap();
    (dir, file)
}

/// `e` opens the user's editor at the selected quote's line in its file;
/// when the editor ends, the browser takes the terminal back and reloads.
#[test]
fn e_edits_the_quote_in_the_users_editor_and_the_browser_reloads() {
    let (dir, file) = one_quote_file();
    // The "editor": notes how it was called, and renames the speaker.
    let log = dir.path().join("editor.log");
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" > {}\nsed -i 's/name: Sergey Ryabkov/name: S. A. Ryabkov/' \"$2\"\n",
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let editor = editor.display().to_string();
    let mut s = Session::start(&[file.to_str().unwrap()], 120, 30, &[("VISUAL", editor.as_str())]);
    s.wait_for_text("Sergey Ryabkov");
    s.send("e");
    s.wait_for_text("S. A. Ryabkov");
    let called = std::fs::read_to_string(&log).unwrap();
    assert_eq!(called.trim(), format!("+8 {}", file.display()), "at the quote's line");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// While the editor runs, every key typed is the editor's: none goes to
/// the browser, then or after.
#[test]
fn the_editor_alone_reads_the_keys_while_it_runs() {
    let (dir, file) = one_quote_file();
    // The "editor" reads a line from the terminal, as any editor reads keys.
    let (ready, typed) = (dir.path().join("ready"), dir.path().join("typed"));
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\necho > {}\nread line\necho \"$line\" > {}\n", ready.display(), typed.display()),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let editor = editor.display().to_string();
    let mut s = Session::start(&[file.to_str().unwrap()], 120, 30, &[("EDITOR", editor.as_str())]);
    s.wait_for_text("Sergey Ryabkov");
    s.send("\t");
    s.send("e");
    let started = std::time::Instant::now();
    while !ready.exists() {
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "the editor starts");
        std::thread::yield_now();
    }
    s.send("jjqe5\r");
    // The screen may still show the browser from before the editor took it:
    // wait for what the editor wrote, then for the browser again.
    let sent = std::time::Instant::now();
    while !typed.exists() {
        assert!(sent.elapsed() < std::time::Duration::from_secs(30), "the editor reads the line");
        std::thread::yield_now();
    }
    s.wait_for_text("Sergey Ryabkov");
    assert_eq!(std::fs::read_to_string(&typed).unwrap().trim(), "jjqe5", "every key went to the editor");
    let screen = s.contents();
    assert!(!screen.contains("does nothing here"), "{screen}");
    s.send("?");
    s.wait_for_text("Keys ·");
    s.send("q");
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "the browser quits on its own q, not on the editor's");
}

/// A raw text taken to a finished annotation in the browser alone: the
/// surest quotes drafted by `suggest`, the issues added, then every other
/// candidate accepted or rejected from the keyboard, stances set, a span
/// trimmed and the trim undone. The file keeps every line it had, `check`
/// passes, and `suggest --into` offers nothing rejected again.
#[test]
fn a_raw_text_annotated_in_the_browser_from_draft_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("talks.txt");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/raw/talks.txt"), &text).unwrap();
    let whosaid = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().unwrap()
    };
    let draft = whosaid(&["suggest".as_ref(), text.as_os_str(), "--min-confidence".as_ref(), "86".as_ref()]);
    assert!(draft.status.success());
    let issues = "issues:\n  - id: expansion\n    title: Alliance non-expansion\n    proposition: The alliance should guarantee that it will not expand further east\n  - id: sanctions\n    title: Sanctions\n    proposition: Norland should not threaten Eastmark with sanctions\n";
    let original = format!("{}{issues}", String::from_utf8(draft.stdout).unwrap());
    let file = dir.path().join("talks.yaml");
    std::fs::write(&file, &original).unwrap();

    let mut s = Session::start(&[file.to_str().unwrap()], 100, 30, &[]);
    s.wait_for_text("Quotes · 3 of 3");
    s.send("u");
    s.wait_for_text("candidates no quote covers");
    // Down the article from the first quote: Orlov's demand, accepted as his.
    s.send("]");
    s.wait_for_text("candidate: direct by Viktor Orlov");
    s.send("A");
    s.wait_for_text("who said it?");
    s.send("\r");
    s.wait_for_text("issues and stances");
    s.send("s\r");
    s.wait_for_text("orlov-2 added");
    // Down past Orlov's quote: Keller's reported words, rejected.
    s.send("]]");
    s.wait_for_text("candidate: indirect by Anna Keller");
    s.send("X");
    s.wait_for_text("candidate rejected");
    // Lind's words: a new speaker, by the name suggest found.
    s.send("]");
    s.wait_for_text("candidate: indirect by Mara Lind");
    s.send("A");
    s.wait_for_text("+ new speaker: Mara Lind");
    s.send("\r\r");
    s.wait_for_text("lind-1 added");
    // Two stances: Keller's warning, then Orlov's first quote.
    s.send("]");
    s.wait_for_text("Sanctions will follow any invasion");
    s.send("S");
    s.wait_for_text("Issues and stances of keller-2");
    s.send("jo\r");
    s.wait_for_text("keller-2 · sanctions: oppose");
    s.send("[[");
    s.send("S");
    s.wait_for_text("Issues and stances of orlov-1");
    s.send("s\r");
    s.wait_for_text("orlov-1 · expansion: support");
    // A span trimmed by a word, and the trim undone.
    s.send("{");
    s.wait_for_text("orlov-1's span moved");
    s.send("U");
    s.wait_for_text("undone: orlov-1's span moved");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    let yaml = std::fs::read_to_string(&file).unwrap();
    let check = whosaid(&["check".as_ref(), file.as_os_str()]);
    assert!(check.status.success(), "{}\n{yaml}", String::from_utf8_lossy(&check.stderr));
    // Every line the user had is there, in order; what was added is what
    // the keys asked for.
    let mut kept = yaml.lines();
    assert!(original.lines().all(|line| kept.any(|l| l == line)), "{yaml}");
    let added: Vec<&str> = yaml.lines().filter(|l| !original.lines().any(|o| o == *l)).collect();
    for entry in [
        "  - id: orlov-2\n    speaker: orlov\n    issues: [expansion]\n    stance: support\n    text: \"We need legally binding guarantees that the alliance will never expand further east.\"\n",
        "  - id: lind\n    name: \"Mara Lind\"\n    role: \"alliance spokesperson\"\n",
        "  - id: lind-1\n    speaker: lind\n    kind: indirect\n    text: \"the alliance would not compromise on its core principles\"\n",
        "rejected:\n  - text: \"Norland was ready to discuss arms control and the placement of missiles near the border\"\n",
    ] {
        assert!(yaml.contains(entry), "{entry}\nin\n{yaml}");
    }
    // Lines new to the file: the entries above, and the two stances on
    // quotes it had.
    assert_eq!(&added[7..9], &["    issues: [expansion]", "    stance: support"], "{added:#?}");
    assert_eq!(&added[13..15], &["    issues: [sanctions]", "    stance: oppose"], "{added:#?}");
    // The quotes accepted are written in article order among the others.
    let ids: Vec<&str> =
        yaml.lines().filter_map(|l| l.strip_prefix("  - id: ")).filter(|id| id.contains('-')).collect();
    assert_eq!(ids, ["keller-1", "orlov-2", "orlov-1", "lind-1", "keller-2"]);
    assert_eq!(added.len(), 17, "{added:#?}");
    let again = whosaid(&["suggest".as_ref(), text.as_os_str(), "--into".as_ref(), file.as_os_str()]);
    assert!(again.status.success());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        yaml,
        "nothing left to add, nothing rejected offered again"
    );
}

/// An article file of a corpus that lists none is deleted and put back
/// while the browser is open: it leaves the corpus and comes back.
#[test]
fn an_article_file_deleted_and_put_back_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_examples(dir.path());
    let article = dir.path().join("2022-01-10-psaki-briefing.yaml");
    let kept = std::fs::read(&article).unwrap();
    let corpus = dir.path().join("corpus.yaml");
    let mut s = Session::start(&[corpus.to_str().unwrap()], 120, 36, &[]);
    s.wait_for_text("Quotes · 207 of 207");
    std::fs::remove_file(&article).unwrap();
    s.wait_for_text("Quotes · 187 of 187");
    std::fs::write(&article, &kept).unwrap();
    s.wait_for_text("Quotes · 207 of 207");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
