//! What the README and docs/ show works: every command in their `sh` blocks
//! runs as written (in a scratch directory with a copy of `examples/`, a
//! scratch home, and whosaid on the PATH) and ends as the line says — exit
//! 0 unless its comment says `(exit N)`; a line that opens the browser runs
//! in a pseudo-terminal until the browser shows. The README's key table
//! names every key of the browser's keymap.

mod pty;

use std::path::{Path, PathBuf};
use std::process::Command;
use whosaid::tui::keymap::{Context, Keymap};

const SUBCOMMANDS: &[&str] = &[
    "check",
    "quotes",
    "speakers",
    "issues",
    "matrix",
    "report",
    "changes",
    "suggest",
    "config",
    "completions",
    "man",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The lines of a document's `sh` blocks, without their comments, each
/// with the exit status its comment announces.
fn commands(doc: &str) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    let (mut in_block, mut in_sh) = (false, false);
    for line in doc.lines() {
        if line.starts_with("```") {
            in_sh = !in_block && line.trim() == "```sh";
            in_block = !in_block;
            continue;
        }
        if !in_sh || line.trim().is_empty() {
            continue;
        }
        // A comment starts at two spaces and a `#`.
        let (command, comment) = line.split_once("  #").unwrap_or((line, ""));
        let status = comment
            .split("(exit ")
            .nth(1)
            .and_then(|r| r.chars().next()?.to_digit(10))
            .map_or(0, |d| d as i32);
        out.push((command.trim().to_string(), status));
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Runs a document's commands; `cargo` lines only where `with_cargo` says.
fn run_commands(doc: &str, with_cargo: impl Fn(&str) -> bool) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("work");
    copy_dir(&root().join("examples"), &dir.join("examples"));
    let home = scratch.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_whosaid")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    for (command, status) in commands(doc) {
        let words: Vec<&str> = command.split_whitespace().collect();
        if words[0] == "cargo" && !with_cargo(&command) {
            continue;
        }
        let opens_browser = words.get(1).is_none_or(|w| !SUBCOMMANDS.contains(w) && !w.starts_with("--"));
        if words[0] == "whosaid" && opens_browser && status == 0 {
            browse(&command, &dir, &home);
            continue;
        }
        let mut shell = Command::new("sh");
        shell.arg("-c").arg(&command).current_dir(&dir).env("PATH", &path).env("HOME", &home);
        shell.env("XDG_CONFIG_HOME", home.join(".config")).env_remove("NO_COLOR");
        if words[0] == "cargo" {
            // Installed into the scratch directory, built beside the tests.
            shell.current_dir(root()).env("CARGO_INSTALL_ROOT", scratch.path().join("installed"));
            shell.env("CARGO_TARGET_DIR", root().join("target").join("readme-install"));
        }
        let output = shell.output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(status),
            "`{command}` ended differently:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// A browser command in a pseudo-terminal: it shows its panes, and q quits.
fn browse(command: &str, dir: &Path, home: &Path) {
    let args: Vec<String> =
        command.split_whitespace().skip(1).map(|a| dir.join(a).display().to_string()).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let config = home.join(".config").display().to_string();
    let mut s = pty::Session::start(&args, 160, 48, &[("XDG_CONFIG_HOME", config.as_str())]);
    s.wait_for(command, |screen| screen.contains("Speakers") && screen.contains("Quotes ·"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "`{command}`");
}

#[test]
fn every_command_the_readme_shows_works() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let shown = commands(&readme);
    assert_eq!(shown[0].0, "cargo run --release", "the README starts with the two commands");
    assert_eq!(shown[1].0, "cargo test");
    // The first two are what CI itself runs; `cargo install` is run for real.
    run_commands(&readme, |command| command.starts_with("cargo install"));
}

#[test]
fn every_command_in_docs_works() {
    for doc in ["docs/format.md", "docs/config.md", "docs/suggest.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        run_commands(&text, |_| false);
    }
}

#[test]
fn the_readme_key_table_names_every_key_of_the_browser() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let table: Vec<&str> = readme.lines().filter(|l| l.starts_with("| `")).collect();
    let keymap = Keymap::default();
    for (binding, keys) in keymap.bindings().filter(|(b, _)| b.context == Context::Browse) {
        let name = format!("`{}`", binding.action.name());
        let row = table.iter().find(|r| r.split(" | ").nth(1).is_some_and(|names| names.contains(&name)));
        let row = row.unwrap_or_else(|| panic!("the README's key table has no row for {name}"));
        let first = keys[0].name();
        assert!(row.contains(&format!("`{first}`")), "{name}: `{first}` in {row}");
    }
}
