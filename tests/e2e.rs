//! End-to-end: the real binary in a pseudo-terminal, driven by keys.

mod pty;

use pty::Session;

#[test]
fn open_navigate_and_quit() {
    let mut s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text("Quotes · 43 of 43");
    s.send("jj");
    s.wait_for_text("Quotes · @ryabkov · 5 of 43");
    // Who said what about Ukraine: the issue, then its quotes.
    s.send("\t");
    s.send("jjj");
    s.wait_for_text("Quotes · @ryabkov · #ukraine-georgia · 1 of 43");
    s.send("\x1b");
    s.wait_for_text("Quotes · 43 of 43");
    s.send("?");
    s.wait_for_text("Keys · Esc closes");
    s.send("q");
    s.wait_for(": help closed", |screen| !screen.contains("Keys · Esc closes"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_terminal_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let mut s = Session::start(&[], 100, 30, &[]);
        s.wait_for_text("Quotes · 43 of 43");
        s.signal(signal);
        let code = s.wait_exit();
        assert!(code == 143 || code == 129, "{signal}: exit {code}");
        s.assert_terminal_restored();
    }
}

#[test]
fn resizing_redraws() {
    let s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text("Quotes · 43 of 43");
    s.resize(50, 20);
    s.wait_for("a one-column layout", |screen| {
        screen.contains("Speakers")
            && !screen.contains("Quotes")
            && screen.lines().all(|l| l.chars().count() <= 50)
    });
    s.resize(30, 8);
    s.wait_for_text("terminal too small");
    s.resize(120, 36);
    s.wait_for_text("Quotes · 43 of 43");
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
    let screen = s.wait_for_text("quote text not found");
    assert!(screen.contains("Second Name"), "the last good state stays:\n{screen}");
    std::fs::write(&file, yaml("Third Name")).unwrap();
    let screen = s.wait_for_text("Third Name");
    assert!(!screen.contains("reload failed"), "{screen}");
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
    let screen = s.wait_for_text("Quotes · 43 of 43");
    let row = screen.lines().position(|l| l.contains("Andrey Koshkin")).unwrap() + 1;
    // An SGR mouse press and release at column 5 of that row (1-based).
    s.send(&format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m"));
    s.wait_for_text("Quotes · @koshkin · 14 of 43");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(raw.contains("\x1b[?1000h"), "mouse captured");

    let mut s = Session::start(&["--no-mouse"], 120, 36, &[]);
    s.wait_for_text("Quotes · 43 of 43");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(!raw.contains("\x1b[?1000h"), "mouse left to the terminal");
}

#[test]
fn copy_writes_an_osc52_sequence() {
    let mut s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text("Quotes · 43 of 43");
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
    s.wait_for_text("Quotes · 43 of 43");
    s.send("\x1a");
    s.send("j");
    s.wait_for_text("Quotes · @sherman · 6 of 43");
    s.signal("CONT");
    s.send("j");
    let screen = s.wait_for_text("Quotes · @ryabkov · 5 of 43");
    assert!(screen.contains("Speakers") && screen.contains("Article"), "{screen}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_terminal_restored();
}

#[test]
fn typing_a_search_into_the_real_binary() {
    let mut s = Session::start(&[], 120, 36, &[]);
    s.wait_for_text("Quotes · 43 of 43");
    s.send("/expan");
    s.wait_for_text("Quotes · /expan · 3 of 43");
    s.send("\r");
    s.wait_for_text("/expan 1/3");
    s.send("n");
    s.wait_for_text("/expan 2/3");
    s.send("\x1b");
    s.wait_for_text("search cleared");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
