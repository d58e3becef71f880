//! The command line as a user runs it: output, formats and exit codes.

use std::path::Path;
use std::process::{Command, Output};
use whosaid::model::{Corpus, Source, load};

fn whosaid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// Writes an annotation and its article into a scratch directory.
fn write_files(dir: &Path, yaml: &str, article: &str) -> String {
    std::fs::write(dir.join("article.txt"), article).unwrap();
    let path = dir.join("a.yaml");
    std::fs::write(&path, yaml).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn check_built_in_is_clean() {
    let o = whosaid(&["check"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
    assert!(stdout(&o).contains("0 errors, 0 warnings"), "{}", stdout(&o));
}

#[test]
fn check_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_files(
        dir.path(),
        "article:\n  title: T\n  text_file: article.txt\nspeakers:\n  - id: a\n    name: A\nquotes:\n  - speaker: b\n    text: hello\n",
        "hello world",
    );
    let o = whosaid(&["check", &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "{bad}:5:5: warning: speaker `a` has no quotes\n{bad}:8:14: error: unknown speaker `b` (speakers are: a)\n"
        )
    );
    assert_eq!(stdout(&o), format!("{bad}: 1 error, 1 warning\n"));

    let warn_only = write_files(
        dir.path(),
        "article:\n  title: T\n  text_file: article.txt\nspeakers:\n  - id: a\n    name: A\n",
        "hello",
    );
    let o = whosaid(&["check", &warn_only]);
    assert_eq!(o.status.code(), Some(0), "warnings only exit 0");
    assert_eq!(stderr(&o), format!("{warn_only}:5:5: warning: speaker `a` has no quotes\n"));

    let missing = dir.path().join("nope.yaml");
    let o = whosaid(&["check", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
    // A directory is a corpus of the annotations in it: here the one with a warning.
    let o = whosaid(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{warn_only}: 0 quotes, 1 speaker, 0 issues; 0 errors, 1 warning\n"));
    let empty = tempfile::tempdir().unwrap();
    let o = whosaid(&["check", empty.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a directory without annotations cannot be checked");
    assert!(stderr(&o).contains("no annotation files"), "{}", stderr(&o));

    let o = whosaid(&["quotes", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2), "usage error");
    let o = whosaid(&["frobnicate", "x", "y"]);
    assert_eq!(o.status.code(), Some(2), "usage error");
}

#[test]
fn json_offsets_are_code_points_into_the_article() {
    let o = whosaid(&["quotes", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let quotes: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let article: Vec<char> = include_str!("../assets/nato-open-doors.txt").chars().collect();
    let quotes = quotes.as_array().unwrap();
    assert_eq!(quotes.len(), builtin().quotes.len());
    let mut last_start = 0;
    for q in quotes {
        let start = q["start"].as_u64().unwrap() as usize;
        let end = q["end"].as_u64().unwrap() as usize;
        assert!(start >= last_start, "article order");
        last_start = start;
        let span: String = article[start..end].iter().collect();
        let fold = whosaid::text::fold_whitespace;
        match &q["text"] {
            serde_json::Value::String(text) => assert_eq!(fold(&span), fold(text)),
            parts => {
                let spans = q["spans"].as_array().expect("a quote in parts has spans");
                for (part, range) in parts.as_array().unwrap().iter().zip(spans) {
                    let (s, e) = (range[0].as_u64().unwrap() as usize, range[1].as_u64().unwrap() as usize);
                    assert_eq!(fold(&article[s..e].iter().collect::<String>()), fold(part.as_str().unwrap()));
                }
            }
        }
        let line = article[..start].iter().filter(|&&c| c == '\n').count() + 1;
        assert_eq!(q["line"].as_u64().unwrap() as usize, line);
        assert_eq!(q["article"], "nato-open-doors");
        for key in ["id", "speaker", "speaker_name", "kind"] {
            assert!(q[key].is_string(), "{key}");
        }
        assert!(q["issues"].is_array() && q["stance"].is_object());
    }
    // A relay chain is a list, in the order the words travelled.
    let chain = quotes.iter().find(|q| q["id"] == "source-stubborn").unwrap();
    assert_eq!(chain["via"], serde_json::json!(["talks-source", "ria-novosti"]));
    let paraphrase = quotes.iter().find(|q| q["id"] == "sherman-no-restrictions").unwrap();
    assert_eq!(paraphrase["same_as"], "sherman-open-door");
}

#[test]
fn quotes_filter_by_speaker_and_issue() {
    let c = builtin();
    let o = whosaid(&["quotes", "--speaker", "ryabkov", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ryabkov = c.speaker_by_id("ryabkov").unwrap();
    assert_eq!(v.as_array().unwrap().len(), c.filter(&[ryabkov], &[]).len());
    assert!(v.as_array().unwrap().iter().all(|q| q["speaker"] == "ryabkov"));

    // An issue includes its sub-issues' quotes, a group its members'; filters combine with AND.
    let o =
        whosaid(&["quotes", "--issue", "nato-expansion", "--speaker", "us-delegation", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = c
        .filter(&[c.speaker_by_id("us-delegation").unwrap()], &[c.issue_by_id("nato-expansion").unwrap()])
        .into_iter()
        .map(|q| c.quotes[q].id.clone())
        .collect();
    assert_eq!(ids, expected);
    assert!(ids.contains(&"sherman-open-door"), "Sherman is a member of the delegation");

    let o = whosaid(&["quotes", "--speaker", "ryabkow"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `ryabkov`?"), "{}", stderr(&o));
}

#[test]
fn quotes_text_csv_and_markdown_cite_honestly() {
    let o = whosaid(&["quotes", "--speaker", "sherman"]);
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "sherman-no-restrictions  Wendy Sherman · opposes a NATO pledge not to expand east · indirect · line 12\n"
        ),
        "{text}"
    );
    assert!(text.contains("  “We will not allow anyone to end NATO’s open door policy"));
    // Reported speech is not put in quote marks.
    assert!(text.contains("\n  Washington does not agree with the restrictions"), "{text}");
    assert!(!text.contains("“Washington does not agree"), "{text}");

    let o = whosaid(&["quotes", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.get(0), Some("id"));
    assert!(header.iter().any(|h| h == "article"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), builtin().quotes.len());

    let o = whosaid(&["quotes", "--issue", "military-technical", "--format", "markdown"]);
    let md = stdout(&o);
    assert!(
        md.starts_with("# Putin was put in the open doors of NATO\n\n*Svobodnaya Pressa, 2022-01-11*\n"),
        "{md}"
    );
    assert!(md.contains("\n## Military-technical response\n"));
    assert!(md.contains("\n### SP interviewer\n\n"), "{md}");
    assert!(md.contains("“How will the US and NATO respond?” — *question, line 46*"), "{md}");
}

#[test]
fn speakers_and_issues_in_every_format() {
    let c = builtin();
    let counts = whosaid::filter::Filtered::all(&c);
    let ryabkov = c.speaker_by_id("ryabkov").unwrap();
    let o = whosaid(&["speakers"]);
    assert!(stdout(&o).lines().any(|l| l.starts_with("ryabkov")
        && l.contains("Sergey Ryabkov")
        && l.contains(&format!(" {} ", counts.speaker_counts[ryabkov]))));
    let o = whosaid(&["speakers", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let row = |id: &str| v.as_array().unwrap().iter().find(|s| s["id"] == id).unwrap().clone();
    assert_eq!(row("ryabkov")["statements"], counts.speaker_counts[ryabkov]);
    assert_eq!(row("sherman")["member_of"], "us-delegation");
    assert_eq!(row("ria-novosti")["statements"], 0);
    assert!(row("ria-novosti")["relayed"].as_u64().unwrap() > 0, "a relayer's row says what it relayed");
    let o = whosaid(&["speakers", "--format", "csv"]);
    assert!(stdout(&o).starts_with("id,name,role,affiliation,aliases,statements,member_of,relayed\n"));
    let o = whosaid(&["speakers", "--format", "markdown"]);
    assert!(stdout(&o).contains("| Sergey Ryabkov | `ryabkov` |"));

    let o = whosaid(&["issues", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let nato = v.as_array().unwrap().iter().find(|i| i["id"] == "nato-expansion").unwrap();
    assert_eq!(nato["parent"], "security-guarantees");
    let nato_ix = c.issue_by_id("nato-expansion").unwrap();
    let own = c.quotes.ids().filter(|&q| c.counts(q) && c.quotes[q].issues.contains(&nato_ix)).count();
    assert_eq!(nato["statements"], own, "statements on the issue itself");
    let under = c.quotes.ids().filter(|&q| c.counts(q) && c.quotes[q].is_under(nato_ix)).count();
    assert_eq!(nato["on_sub_issues"], under - own, "Ukraine and Georgia's apart");
    assert_eq!(nato["short"], "a NATO pledge not to expand east");
    let o = whosaid(&["issues"]);
    assert!(stdout(&o).lines().any(|l| l.starts_with("↳ NATO non-expansion")), "children are marked");
    let proposition = c.issues[nato_ix].proposition.as_deref().unwrap();
    assert!(stdout(&o).contains(&format!("  nato-expansion: {proposition}\n")), "{}", stdout(&o));
    let o = whosaid(&["issues", "--format", "csv"]);
    assert!(stdout(&o).starts_with("id,title,parent,proposition,short,dispute,statements,"));
    let o = whosaid(&["issues", "--format", "markdown"]);
    assert!(stdout(&o).contains("| ↳ NATO non-expansion |"));
}

#[test]
fn a_mistyped_command_gets_a_suggestion() {
    let o = whosaid(&["quots"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "whosaid: `quots` is not a command, nor a file here; did you mean `quotes`?\n");
    let o = whosaid(&["no-such-file.yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_and_version() {
    let o = whosaid(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Examples:"));
    assert!(stdout(&o).contains("check"));
    let o = whosaid(&["--version"]);
    assert_eq!(stdout(&o), format!("whosaid {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn text_from_the_file_never_reaches_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m";
    let yaml = format!(
        "article:\n  title: \"T{e}\"\n  source: \"S{e}\"\n  text_file: article.txt\nspeakers:\n  - id: a\n    name: \"A{e}\"\n    role: \"R{e}\"\nissues:\n  - id: i\n    title: \"I{e}\"\n    proposition: \"P{e}\"\nquotes:\n  - speaker: a\n    issues: [i]\n    note: \"N{e}\"\n    text: \"say{e}\"\n",
        e = evil.chars().map(|c| format!("\\u{:04x}", c as u32)).collect::<String>()
    );
    let file = write_files(dir.path(), &yaml, &format!("they say{evil} so"));
    for args in [
        vec!["quotes", &file],
        vec!["quotes", &file, "--format", "csv"],
        vec!["quotes", &file, "--format", "markdown"],
        vec!["speakers", &file],
        vec!["speakers", &file, "--format", "csv"],
        vec!["speakers", &file, "--format", "markdown"],
        vec!["issues", &file],
        vec!["issues", &file, "--format", "csv"],
        vec!["issues", &file, "--format", "markdown"],
        vec!["quotes", &file, "--format", "json"],
        vec!["quotes", &file, "--search", "say"],
        vec!["matrix", &file],
        vec!["matrix", &file, "--format", "csv"],
        vec!["matrix", &file, "--format", "markdown"],
        vec!["matrix", &file, "--format", "json"],
        vec!["report", &file],
        vec!["report", &file, "--format", "html"],
    ] {
        let o = whosaid(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(!out.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{args:?} printed a raw control: {out:?}");
        // (The matrix as CSV holds ids only: nothing to show there.)
        let ids_only = args.contains(&"csv") && args[0] == "matrix";
        assert!(ids_only || out.contains('␛') || out.contains("\\u001b"), "{args:?} shows the escape: {out}");
    }
    // Diagnostics too: an unknown speaker named with escapes.
    let broken = yaml.replace("  - speaker: a\n", "  - speaker: \"b\\u001b[2J\"\n");
    let file = write_files(dir.path(), &broken, &format!("they say{evil} so"));
    let o = whosaid(&["check", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown speaker `b␛[2J`"), "{}", stderr(&o));
    assert!(!stderr(&o).contains('\u{1b}'));
}

#[test]
fn the_browser_needs_a_terminal() {
    let o = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the browser needs a terminal"), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "no escape sequences written");
}

#[test]
fn quotes_search_ranks_and_combines_with_filters() {
    let o = whosaid(&["quotes", "--search", "expan", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"koshkin-non-expansion") && ids.contains(&"ryabkov-no-progress"), "{ids:?}");
    let article: Vec<char> = include_str!("../assets/nato-open-doors.txt").chars().collect();
    for q in v.as_array().unwrap() {
        assert!(q["score"]["matches"].as_u64().unwrap() >= 1);
        for m in q["matches"].as_array().unwrap() {
            let (s, e) = (m[0].as_u64().unwrap() as usize, m[1].as_u64().unwrap() as usize);
            let matched: String = article[s..e].iter().collect();
            assert_eq!(matched.to_lowercase(), "expan");
        }
    }
    let o = whosaid(&["quotes", "--search", "expan", "--speaker", "ryabkov"]);
    assert!(stdout(&o).starts_with("ryabkov-no-progress "));
    assert_eq!(stdout(&o).lines().filter(|l| !l.starts_with(' ') && !l.is_empty()).count(), 1);
    let o = whosaid(&["quotes", "--search", "@sherman open door", "--format", "csv"]);
    assert_eq!(stdout(&o).lines().count(), 2);
    let o = whosaid(&["quotes", "--search", "expnasion"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no exact match ·"), "{}", stderr(&o));
    let o = whosaid(&["quotes", "--search", "\"open"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "whosaid: bad query: unclosed \" in the query\n");
}

#[test]
fn matrix_in_every_format() {
    let c = builtin();
    let o = whosaid(&["matrix"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let m = whosaid::matrix::build(&c, false);
    let sherman = c.speaker_by_id("sherman").unwrap();
    let nato = c.issue_by_id("nato-expansion").unwrap();
    let (r, col) = (
        m.rows.iter().position(|&s| s == sherman).unwrap(),
        m.columns.iter().position(|&i| i == nato).unwrap(),
    );
    let cell = whosaid::matrix::cell_text(&m.cells[r][col]);
    assert!(cell.starts_with('−'), "Sherman opposes non-expansion: {cell}");
    let line = text.lines().find(|l| l.starts_with("Wendy Sherman")).unwrap();
    assert!(line.contains(&cell), "{text}");
    assert!(text.contains(&format!("{}  ↳ NATO non-expansion", col + 1)));
    assert!(text.contains(whosaid::matrix::LEGEND));

    let o = whosaid(&["matrix", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let cell = |speaker: &str, issue: &str| {
        v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["speaker"] == speaker && c["issue"] == issue)
            .cloned()
    };
    assert_eq!(cell("sherman", "nato-expansion").unwrap()["stance"], "oppose");
    assert_eq!(cell("ryabkov", "nato-expansion").unwrap()["stance"], "support");
    assert!(cell("graziani", "sanctions").is_none());
    let disputed =
        |q: whosaid::model::QuoteIx| c.quotes[q].issues.iter().any(|&i| !c.issues[i].outside_dispute);
    let asks = |q: whosaid::model::QuoteIx| c.quotes[q].kind == whosaid::model::Kind::Question;
    let statements = c.quotes.ids().filter(|&q| c.counts(q) && disputed(q) && !asks(q)).count();
    assert_eq!(
        v["total"]["statements"], statements,
        "a statement told twice counts once, on issues in dispute; a question takes no position"
    );

    let o = whosaid(&["matrix", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "speaker");
    let nato_col = header.iter().position(|h| h == "nato-expansion").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let sherman_row = rows.iter().find(|r| &r[0] == "sherman").unwrap();
    assert!(sherman_row[nato_col].starts_with("oppose:"));
    assert_eq!(&rows.last().unwrap()[0], "total");

    let o = whosaid(&["matrix", "--format", "markdown", "--fold"]);
    let md = stdout(&o);
    assert!(md.starts_with("| Speaker | Legal security guarantees |"), "{md}");
    assert!(!md.contains("NATO non-expansion"), "folded into its parent");
}

#[test]
fn report_in_markdown_and_html() {
    let o = whosaid(&["report"]);
    assert_eq!(o.status.code(), Some(0));
    let md = stdout(&o);
    assert!(
        md.starts_with("# Putin was put in the open doors of NATO\n\nSvobodnaya Pressa · 2022-01-11\n"),
        "{md}"
    );
    assert!(md.contains("## Stance matrix"));
    assert!(md.contains("### NATO non-expansion"));
    assert!(md.contains("**Proposition:** NATO should legally guarantee"));
    assert!(md.contains("- “How will the US and NATO respond?” — *question · no stance · line 46*"), "{md}");
    // Reported speech without quote marks; a paraphrase counted through its direct quote.
    assert!(md.contains("- they were not ready to negotiate"), "{md}");
    assert!(
        !md.contains("Washington does not agree"),
        "the paraphrase is left out, its statement counted once"
    );
    assert!(md.contains("also reported once more"), "{md}");

    let o = whosaid(&["report", "--format", "html"]);
    let html = stdout(&o);
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let title: String = doc.select(&select("h1")).next().unwrap().text().collect();
    assert_eq!(title, "Putin was put in the open doors of NATO");
    let c = builtin();
    assert_eq!(doc.select(&select("table.matrix tr")).count(), c.speakers.len() + 2);
    // One blockquote per statement under each issue it lists (or once, without issues).
    let listed: usize =
        c.quotes.ids().filter(|&q| c.counts(q)).map(|q| c.quotes[q].issues.len().max(1)).sum();
    assert_eq!(doc.select(&select("blockquote")).count(), listed);
    let m = whosaid::matrix::build(&builtin(), false);
    let opposing = m
        .cells
        .iter()
        .flatten()
        .filter(|c| !c.quotes.is_empty() && c.stance == Some(whosaid::model::Stance::Oppose))
        .count();
    assert!(opposing > 0);
    assert_eq!(doc.select(&select("td.oppose")).count(), opposing);
    for external in ["link", "script", "img", "iframe"] {
        assert_eq!(doc.select(&select(external)).count(), 0, "self-contained: no {external}");
    }
}

#[test]
fn report_escapes_everything_taken_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "article:\n  title: \"<script>alert(1)</script>\"\n  source: \"A & B\"\n  text_file: article.txt\nspeakers:\n  - id: a\n    name: \"<b>Bold</b>\"\nissues:\n  - id: i\n    title: \"<img src=x onerror=alert(1)>\"\n    proposition: \"\\\"quoted\\\" <i>\"\nquotes:\n  - speaker: a\n    issues: [i]\n    stance: support\n    text: \"<script>x</script>\"\n";
    let file = write_files(dir.path(), yaml, "say <script>x</script> now");
    let o = whosaid(&["report", &file, "--format", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let doc = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(doc.select(&select("script")).count(), 0);
    assert_eq!(doc.select(&select("img")).count(), 0);
    let title: String = doc.select(&select("h1")).next().unwrap().text().collect();
    assert_eq!(title, "<script>alert(1)</script>");
    let o = whosaid(&["report", &file]);
    assert!(stdout(&o).contains("\\<script\\>alert(1)\\</script\\>"), "{}", stdout(&o));
}

fn builtin() -> Corpus {
    load(&Source::BuiltIn).unwrap().into_corpus().unwrap()
}

fn whosaid_with_config(args: &[&str], config_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .output()
        .expect("runs")
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for (shell, mark) in [
        ("bash", "complete -F _whosaid"),
        ("zsh", "#compdef whosaid"),
        ("fish", "complete -c whosaid"),
        ("elvish", "edit:completion:arg-completer[whosaid]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = whosaid(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains(mark), "{shell}:\n{script}");
        assert!(script.contains("quotes") && script.contains("format"), "{shell} completes the commands");
    }
    let o = whosaid(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("possible values"), "{}", stderr(&o));
    let o = whosaid(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.contains(".TH whosaid 1") && page.contains("completions"), "{page}");
}

#[test]
fn config_prints_the_defaults_and_checks_the_users_file() {
    let home = tempfile::tempdir().unwrap();
    let o = whosaid_with_config(&["config"], home.path());
    assert_eq!(o.status.code(), Some(0));
    let defaults = stdout(&o);
    assert!(
        defaults.contains("[keys.browse]") && defaults.contains("# quit = [\"q\", \"Ctrl-c\"]"),
        "{defaults}"
    );
    assert!(defaults.contains("[theme]") && defaults.contains("# focus = \"light-cyan\""), "{defaults}");
    let o = whosaid_with_config(&["config", "--check"], home.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("no config file"), "{}", stdout(&o));
    // The printed defaults, saved as they are, are a good config file.
    std::fs::create_dir(home.path().join("whosaid")).unwrap();
    let file = home.path().join("whosaid").join("config.toml");
    std::fs::write(&file, &defaults).unwrap();
    let o = whosaid_with_config(&["config", "--check"], home.path());
    assert_eq!((o.status.code(), stdout(&o).trim_end().ends_with(": ok")), (Some(0), true), "{}", stderr(&o));
    std::fs::write(&file, "[theme]\nfocus = \"light-cyna\"\n").unwrap();
    let o = whosaid_with_config(&["config", "--check"], home.path());
    assert_eq!(o.status.code(), Some(1));
    let expected = format!(
        "{}:2:9: error: `light-cyna` is not a colour; use a name (red, light-blue, dark-gray, …), #rrggbb, or 0–255 (did you mean `light-cyan`?)\n",
        file.display()
    );
    assert!(stderr(&o).starts_with(&expected), "{}", stderr(&o));
}

/// `whosaid check corpus.yaml` in the corpus's own directory: a corpus file
/// named bare opens the annotations beside it, as one named with its path.
#[test]
fn a_corpus_file_named_bare_opens_the_annotations_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["corpus.yaml", "nato-open-doors.yaml", "nato-open-doors.txt"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let o = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["check", "corpus.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("(2 files): 1 article, 46 quotes"), "{out}");
    assert!(out.contains("\nnato-open-doors.yaml: "), "named as beside it: {out}");
}
