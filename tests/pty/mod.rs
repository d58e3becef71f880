//! The real binary in a pseudo-terminal: keys go in as bytes, the screen is
//! rebuilt from what it writes by a terminal emulator (vt100). Tests wait
//! for the screen to show what they expect, with a generous limit that only
//! bounds a failure; nothing sleeps for a fixed time.

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for something that should happen at once.
const LIMIT: Duration = Duration::from_secs(30);

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on raw output.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    /// Starts whosaid with `args` in a terminal of `cols`×`rows`.
    pub fn start(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_whosaid"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // The tester's own config file stays out of the tests.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(std::env::temp_dir());
        let child = pty.slave.spawn_command(cmd).expect("whosaid starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nonzero(rows), nonzero(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&buf[..n]);
                raw_in.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session { child, master: pty.master, writer, screen, raw }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `ready`; panics with the screen if
    /// it never does.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let contents = self.contents();
            if ready(&contents) {
                return contents;
            }
            if start.elapsed() > LIMIT {
                panic!("waited for {what}; the screen shows:\n{contents}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for_text(&self, needle: &str) -> String {
        self.wait_for(needle, |s| s.contains(needle))
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the terminal: the emulator first, under its lock, so that
    /// nothing the program draws at the new size is read at the old one.
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut screen = self.screen.lock().unwrap();
        screen.set_size(nonzero(rows), nonzero(cols));
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    pub fn signal(&self, name: &str) {
        let status =
            std::process::Command::new("kill").args([&format!("-{name}"), &self.pid().to_string()]).status();
        assert!(status.unwrap().success());
    }

    /// Waits for the program to end; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > LIMIT {
                let _ = self.child.kill();
                panic!("whosaid did not exit; the screen shows:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// After exit: the alternate screen was left and the cursor shown again.
    pub fn assert_terminal_restored(&self) {
        let start = Instant::now();
        loop {
            let (alternate, hidden) = {
                let parser = self.screen.lock().unwrap();
                (parser.screen().alternate_screen(), parser.screen().hide_cursor())
            };
            if !alternate && !hidden {
                break;
            }
            if start.elapsed() > LIMIT {
                panic!("terminal not restored: alternate screen {alternate}, cursor hidden {hidden}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let raw = self.raw.lock().unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert!(text.contains("\x1b[?1049l"), "left the alternate screen");
        assert!(text.rfind("\x1b[?25h") > text.rfind("\x1b[?25l"), "cursor shown last");
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
