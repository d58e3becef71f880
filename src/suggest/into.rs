//! Adding entries to an annotation file without touching what is there:
//! new speakers go after the last entry of its `speakers:` list, new
//! quotes after the last of its `quotes:` list, each at the indentation
//! the file already uses, with its line endings. Every byte of the file
//! stays as it was, comments included; the only rewrite is of an empty
//! `[]` list, whose two brackets go so that it becomes a block list.

use std::ops::Range;

/// A top-level `key:` of the file and the lines of its value.
struct Section {
    /// The key's line.
    line: Range<usize>,
    /// What follows the colon on the key's line, comment left out.
    inline: String,
    /// Just past the last line of the value that is neither blank nor a comment.
    end: usize,
    /// The indentation of its list entries (`  ` for `  - id: …`).
    indent: Option<String>,
}

fn sections(yaml: &str) -> Vec<(String, Section)> {
    let mut out: Vec<(String, Section)> = Vec::new();
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let range = offset..offset + line.len();
        offset += line.len();
        let content = line.trim_end();
        let is_blank_or_comment = content.trim_start().is_empty() || content.trim_start().starts_with('#');
        let top_level_key = !line.starts_with([' ', '\t', '#', '-']) && !is_blank_or_comment;
        if top_level_key && let Some(colon) = content.find(':') {
            let key = content[..colon].trim().trim_matches(['"', '\'']).to_string();
            let inline = strip_comment(&content[colon + 1..]).trim().to_string();
            out.push((key, Section { line: range.clone(), inline, end: range.end, indent: None }));
            continue;
        }
        if let Some((_, section)) = out.last_mut()
            && !is_blank_or_comment
        {
            section.end = range.end;
            if section.indent.is_none() {
                let trimmed = line.trim_start_matches(' ');
                if trimmed.starts_with("- ") || trimmed.trim_end() == "-" {
                    section.indent = Some(line[..line.len() - trimmed.len()].to_string());
                }
            }
        }
    }
    out
}

fn strip_comment(s: &str) -> &str {
    match s.find(" #") {
        Some(i) if !s[..i].contains(['"', '\'']) => &s[..i],
        _ => s,
    }
}

/// Writes list entries at the indent it is given.
pub type Entries<'a> = dyn Fn(&str) -> String + 'a;

/// The file with new entries added to its `speakers` and `quotes` lists;
/// each function writes its entries at the indent it is given.
pub fn add_entries(yaml: &str, speakers: &Entries, quotes: &Entries) -> Result<String, String> {
    add_to_lists(yaml, &[("speakers", speakers), ("quotes", quotes)])
}

/// The file with new entries added to top-level lists, each `(key,
/// entries)` writing its entries at the indent it is given; a list the
/// file lacks is added at its end.
pub fn add_to_lists(yaml: &str, lists: &[(&str, &Entries)]) -> Result<String, String> {
    let sections = sections(yaml);
    // Entries are written with the file's own line endings.
    let crlf = yaml.contains("\r\n");
    let ending = |text: String| if crlf { text.replace('\n', "\r\n") } else { text };
    let mut inserts: Vec<(Range<usize>, String)> = Vec::new();
    let mut appended = String::new();
    for &(key, entries) in lists {
        let entries = |indent: &str| ending(entries(indent));
        match sections.iter().find(|(k, _)| k == key) {
            Some((_, s)) if s.inline.is_empty() => {
                let indent = s.indent.clone().unwrap_or_else(|| "  ".to_string());
                let text = entries(&indent);
                if !text.is_empty() {
                    inserts.push((s.end..s.end, ensure_newline_before(yaml, s.end, text)));
                }
            }
            Some((_, s)) if s.inline == "[]" => {
                let text = entries("  ");
                if !text.is_empty() {
                    // `quotes: []  # none yet` → `quotes:  # none yet`, the
                    // comment kept, the entries below.
                    let line = &yaml[s.line.clone()];
                    let brackets = line.find("[]").expect("an empty flow list");
                    let rest = &line[brackets + 2..];
                    let kept = format!("{}{}", line[..brackets].trim_end(), rest);
                    let kept = if kept.ends_with('\n') { kept } else { format!("{kept}\n") };
                    inserts.push((s.line.start..s.line.end, format!("{kept}{text}")));
                }
            }
            Some(_) => {
                if !entries("  ").is_empty() {
                    return Err(format!(
                        "its `{key}` is written as a flow list (`{key}: [...]`); suggest adds only to a \
                         block list (`{key}:` then one `- id: …` entry per line): rewrite it so and try again",
                    ));
                }
            }
            None => {
                let text = entries("  ");
                if !text.is_empty() {
                    appended.push_str(&format!("{key}:{}{text}", if crlf { "\r\n" } else { "\n" }));
                }
            }
        }
    }
    inserts.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(yaml.len() + inserts.iter().map(|(_, t)| t.len()).sum::<usize>());
    let mut at = 0;
    for (range, text) in inserts {
        out.push_str(&yaml[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&yaml[at..]);
    if !appended.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
        out.push_str(&appended);
    }
    Ok(out)
}

/// Entries inserted after a last line that has no newline of its own
/// (the end of the file) start on a line of their own.
fn ensure_newline_before(yaml: &str, at: usize, text: String) -> String {
    if at > 0 && !yaml[..at].ends_with('\n') { format!("\n{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &'static str) -> impl Fn(&str) -> String {
        move |indent: &str| format!("{indent}- id: {name}\n")
    }

    #[test]
    fn entries_go_after_each_list_and_the_rest_stays_byte_for_byte() {
        let yaml = "# mine\nwhosaid: 1\nspeakers:\n  - id: a   # first\n    name: A\n\n# quotes follow\nquotes:\n  - id: q1\n    speaker: a\n    text: hi\n# the end\n";
        let out = add_entries(yaml, &entry("b"), &entry("q2")).unwrap();
        assert_eq!(
            out,
            "# mine\nwhosaid: 1\nspeakers:\n  - id: a   # first\n    name: A\n  - id: b\n\n# quotes follow\nquotes:\n  - id: q1\n    speaker: a\n    text: hi\n  - id: q2\n# the end\n"
        );
    }

    #[test]
    fn empty_flow_lists_missing_lists_and_no_final_newline() {
        let out =
            add_entries("speakers: []\nquotes:\n- id: q1\n  text: x", &entry("b"), &entry("q2")).unwrap();
        assert_eq!(out, "speakers:\n  - id: b\nquotes:\n- id: q1\n  text: x\n- id: q2\n");
        let out = add_entries("whosaid: 1\n", &entry("b"), &entry("q2")).unwrap();
        assert_eq!(out, "whosaid: 1\nspeakers:\n  - id: b\nquotes:\n  - id: q2\n");
        assert!(
            add_entries("speakers: [{id: a, name: A}]\n", &entry("b"), &entry("q"))
                .unwrap_err()
                .contains("flow list")
        );
        let nothing = |_: &str| String::new();
        assert_eq!(
            add_entries("speakers: [{id: a}]\nquotes: []\n", &nothing, &nothing),
            Ok("speakers: [{id: a}]\nquotes: []\n".into())
        );
    }
}
