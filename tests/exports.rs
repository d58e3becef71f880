//! The exports past one machine: JSON Lines and W3C Web Annotation, checked
//! against the article text they point into, and the README's DuckDB query
//! over the JSON Lines, checked against `whosaid matrix --format json`.

mod common;

use common::corpus;
use std::collections::BTreeMap;
use std::process::{Command, Output};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

fn whosaid(args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().expect("runs");
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    o
}

/// The article's text between two code-point offsets.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[test]
fn every_jsonl_record_stands_alone_and_points_into_its_article() {
    let c = corpus();
    let o = whosaid(&["quotes", EXAMPLES, "--format", "jsonl"]);
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), c.quotes.len(), "one record a line");
    for line in lines {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let article = c.article_by_id(r["article"]["id"].as_str().unwrap()).unwrap();
        let article = &c.articles[article];
        assert_eq!(r["article"]["title"], article.title);
        assert_eq!(r["article"]["date"], article.date.as_deref().unwrap());
        let parts: Vec<String> = r["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| chars(&article.text, s[0].as_u64().unwrap(), s[1].as_u64().unwrap()))
            .collect();
        let folded: Vec<String> =
            parts.iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(r["text"], folded.join(" … "), "{}", r["id"]);
        assert!(r["speaker"]["name"].is_string() && r["speaker"]["groups"].is_array());
        for issue in r["issues"].as_array().unwrap() {
            let ix = c.issue_by_id(issue["id"].as_str().unwrap()).unwrap();
            assert_eq!(issue["short"], c.issues[ix].short.as_deref().unwrap());
            assert_eq!(issue["proposition"], c.issues[ix].proposition.as_deref().unwrap());
            assert_eq!(issue["dispute"], !c.issues[ix].outside_dispute);
        }
    }
}

#[test]
fn every_web_annotation_selector_matches_the_article_text() {
    let c = corpus();
    let o = whosaid(&["quotes", EXAMPLES, "--format", "web-annotation"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!((items.len(), v["total"].as_u64()), (c.quotes.len(), Some(c.quotes.len() as u64)));
    let mut selectors = 0;
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let id = item["id"].as_str().unwrap().strip_prefix("urn:whosaid:quote:").unwrap();
        let (article_id, _) = id.split_once('/').unwrap();
        let text = &c.articles[c.article_by_id(article_id).unwrap()].text;
        let targets = match &item["target"] {
            serde_json::Value::Array(many) => many.clone(),
            one => vec![one.clone()],
        };
        for target in targets {
            let [quote, position] = target["selector"].as_array().unwrap().as_slice() else {
                panic!("two selectors")
            };
            assert_eq!(quote["type"], "TextQuoteSelector");
            assert_eq!(position["type"], "TextPositionSelector");
            let (start, end) = (position["start"].as_u64().unwrap(), position["end"].as_u64().unwrap());
            assert_eq!(quote["exact"], chars(text, start, end), "{id}");
            let prefix = quote["prefix"].as_str().unwrap();
            let suffix = quote["suffix"].as_str().unwrap();
            let n = |s: &str| s.chars().count() as u64;
            assert_eq!(prefix, chars(text, start - n(prefix), start), "{id}");
            assert_eq!(suffix, chars(text, end, end + n(suffix)), "{id}");
            assert!(n(prefix) == 32 || start == n(prefix), "32 characters of context where there are: {id}");
            selectors += 1;
        }
        let bodies = item["body"].as_array().unwrap();
        assert_eq!(bodies[0]["purpose"], "identifying", "the speaker first");
    }
    assert!(selectors >= c.quotes.len());
}

/// The SQL of the README's "Past one machine", as written there.
fn readme_query() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let from = readme.find("```sql\n").expect("the README shows a DuckDB query") + "```sql\n".len();
    let to = from + readme[from..].find("```").unwrap();
    readme[from..to].to_string()
}

#[test]
fn the_readme_duckdb_query_agrees_with_the_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("quotes.jsonl");
    std::fs::write(&jsonl, whosaid(&["quotes", EXAMPLES, "--format", "jsonl"]).stdout).unwrap();
    let query = readme_query().replace("'quotes.jsonl'", &format!("'{}'", jsonl.display()));
    let run = "import duckdb, json, sys\nprint(json.dumps(duckdb.sql(sys.argv[1]).fetchall()))";
    let o = Command::new("python3").args(["-c", run, &query]).output().expect("python3 runs");
    assert!(
        o.status.success(),
        "DuckDB ran the README's query (install it with `pip install duckdb`): {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let rows: Vec<(String, String, u64, u64, u64)> = serde_json::from_slice(&o.stdout).unwrap();
    let by_duckdb: BTreeMap<(String, String), (u64, u64, u64)> =
        rows.into_iter().map(|(s, i, n, support, oppose)| ((s, i), (n, support, oppose))).collect();

    // The matrix's cells of the speakers who are not groups (a group's row
    // holds its members' statements too, which the query leaves apart).
    let c = corpus();
    let m: serde_json::Value =
        serde_json::from_slice(&whosaid(&["matrix", EXAMPLES, "--format", "json"]).stdout).unwrap();
    let groups: Vec<&str> =
        c.speakers.iter().filter_map(|s| s.member_of.map(|g| c.speakers[g].id.as_str())).collect();
    let mut by_matrix = BTreeMap::new();
    for cell in m["cells"].as_array().unwrap() {
        let speaker = cell["speaker"].as_str().unwrap();
        let statements = cell["statements"].as_u64().unwrap();
        if groups.contains(&speaker) || statements == 0 {
            continue;
        }
        by_matrix.insert((speaker.to_string(), cell["issue"].as_str().unwrap().to_string()), statements);
    }
    let counted: BTreeMap<_, _> = by_duckdb
        .iter()
        .filter(|((s, _), _)| !groups.contains(&s.as_str()))
        .map(|(k, &(n, _, _))| (k.clone(), n))
        .collect();
    assert_eq!(counted, by_matrix, "statements by speaker and issue");
    assert!(!by_matrix.is_empty());
    // Where the statements agree, the matrix says that stance.
    for cell in m["cells"].as_array().unwrap() {
        let key =
            (cell["speaker"].as_str().unwrap().to_string(), cell["issue"].as_str().unwrap().to_string());
        if let Some(&(n, support, oppose)) = by_duckdb.get(&key) {
            if support == n {
                assert_eq!(cell["stance"], "support", "{key:?}");
            }
            if oppose == n {
                assert_eq!(cell["stance"], "oppose", "{key:?}");
            }
        }
    }
}
