//! `whosaid suggest --batch`: many texts, one JSON Lines record each (or a
//! YAML draft each under `--out`), a bad text an error record while the
//! others go on, paths from a directory or from standard input.

use std::io::Write;
use std::process::{Command, Stdio};

const BUILTIN_TEXT: &str = include_str!("../assets/nato-open-doors.txt");

fn batch(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["suggest", "--batch"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    (o.status.code(), String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
}

#[test]
fn a_directory_of_texts_gives_a_record_a_text_and_a_bad_one_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    std::fs::create_dir_all(texts.join("more")).unwrap();
    for n in 0..5 {
        std::fs::write(texts.join(format!("a{n}.txt")), BUILTIN_TEXT).unwrap();
    }
    std::fs::write(texts.join("more/b.txt"), "“We are ready,” said Ana Ruiz, the minister.").unwrap();
    std::fs::write(texts.join("broken.txt"), [0xff, 0xfe, 0x00]).unwrap();
    std::fs::write(texts.join("notes.md"), "not a text to draft").unwrap();
    let (status, out, err) = batch(&[texts.to_str().unwrap()], "");
    assert_eq!(status, Some(1), "a text could not be drafted: {err}");
    let records: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let paths: Vec<&str> = records.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 7, "every .txt, in path order: {paths:?}");
    assert!(paths.windows(2).all(|w| w[0] < w[1]));
    let broken = records.iter().find(|r| r["path"].as_str().unwrap().ends_with("broken.txt")).unwrap();
    assert!(broken["error"].as_str().unwrap().contains("UTF-8"), "{broken}");
    // Each draft's spans point at its words in the text.
    let chars: Vec<char> = BUILTIN_TEXT.chars().collect();
    let a0 = &records[0];
    assert!(a0["quotes"].as_array().unwrap().len() >= 20, "{a0}");
    for q in a0["quotes"].as_array().unwrap() {
        let parts: Vec<String> = q["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let span: String =
                    chars[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize].iter().collect();
                span.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .collect();
        assert_eq!(q["text"], parts.join(" … "));
        let speaker = q["speaker"].as_str().unwrap();
        assert!(a0["speakers"].as_array().unwrap().iter().any(|s| s["id"] == speaker), "{speaker}");
    }
    let b = records.iter().find(|r| r["path"].as_str().unwrap().ends_with("b.txt")).unwrap();
    assert_eq!(b["speakers"][0]["name"], "Ana Ruiz");
    assert_eq!(b["quotes"][0]["text"], "We are ready");
}

#[test]
fn paths_on_stdin_and_a_yaml_draft_each_under_out() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.txt");
    std::fs::write(&one, BUILTIN_TEXT).unwrap();
    let out_dir = dir.path().join("drafts");
    let stdin = format!("{}\n\n{}\n", one.display(), dir.path().join("missing.txt").display());
    let (status, out, _) = batch(&["--out", out_dir.to_str().unwrap()], &stdin);
    assert_eq!(status, Some(1));
    let records: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 2, "blank lines are skipped");
    assert!(records[1]["error"].is_string(), "a missing file is an error record");
    let yaml = out_dir.join("one.yaml");
    assert_eq!(records[0]["yaml"], yaml.display().to_string());
    // The draft passes `check` as it is.
    let check = Command::new(env!("CARGO_BIN_EXE_whosaid")).arg("check").arg(&yaml).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stderr));
}
