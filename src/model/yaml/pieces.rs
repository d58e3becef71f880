//! A large annotation file parsed in pieces, on every core.
//!
//! serde_yaml reads all of a document's events into memory before it
//! builds anything (about fifteen times the text), on one core. A file's
//! bulk is its `quotes:` list, and a line that starts an item at the
//! list's own indentation is either the start of an item or inside a
//! quoted scalar or flow collection that the text before it leaves open,
//! which no piece parses. So the list is cut at such lines, the pieces
//! are parsed on their own on every core (each piece's events freed before
//! the next), and their trees are put back together.
//!
//! Each piece is checked for deep nesting (see [`crate::model::nesting`])
//! on its core before it is parsed, so the whole file need not be first.
//! Any doubt gives `None` and the caller parses the whole file: a piece
//! that does not parse, nesting near the limit, trees that do not fit
//! back together, a file with directives or several documents. So the
//! tree is always the one the whole file gives; only the time and memory
//! differ.

use super::{EXPANSION_FLOOR, MAX_PIECE_DEPTH, Node, PIECE_ALLOWANCE, parse_piece};
use crate::cores;
use crate::model::nesting::deeper_than;
use std::sync::atomic::{AtomicBool, Ordering};

/// How much text a piece holds at least (but the last). Small, so that a
/// piece's events (about a megabyte) fit in memory the allocator has
/// already touched: pieces of 1 MiB spent their time in page faults.
pub const PIECE_BYTES: usize = 1 << 16;

/// So many pieces' allowances stay within the whole document's floor.
const MAX_PIECES: usize = EXPANSION_FLOOR / PIECE_ALLOWANCE;

/// The file cut around its `quotes:` list: the text before the list's
/// first item, the list in pieces that each start at an item, and the
/// text after the list.
#[derive(Debug, PartialEq)]
struct Cut<'a> {
    head: &'a str,
    items: Vec<&'a str>,
    tail: &'a str,
}

/// The tree of `source`, parsed in pieces of at least `piece_bytes`; `None`
/// when it cannot be cut, or its pieces do not parse on their own.
pub fn parse(source: &str, piece_bytes: usize) -> Option<Node> {
    let cut = cut(source, piece_bytes)?;
    let texts: Vec<&str> =
        std::iter::once(cut.head).chain(cut.items.iter().copied()).chain([cut.tail]).collect();
    if texts.len() > MAX_PIECES {
        return None;
    }
    let failed = AtomicBool::new(false);
    let trees = cores::map_on_every_core(texts.len(), |i| {
        // A piece nested near the limit (counted without the levels above
        // it) is left to the whole file's check, which says where.
        if failed.load(Ordering::Relaxed) || deeper_than(texts[i], MAX_PIECE_DEPTH).is_some() {
            failed.store(true, Ordering::Relaxed);
            return None;
        }
        let tree = parse_piece(texts[i], MAX_PIECE_DEPTH);
        if tree.is_none() {
            failed.store(true, Ordering::Relaxed);
        }
        tree
    });
    let mut trees = trees.into_iter().collect::<Option<Vec<Node>>>()?.into_iter();
    let Some(Node::Map(mut root)) = trees.next() else { return None };
    let tail = trees.next_back()?;
    let mut quotes = Vec::new();
    for tree in trees {
        let Node::Seq(items) = tree else { return None };
        quotes.extend(items);
    }
    match root.last_mut() {
        Some((Node::Str(key), value @ Node::Null)) if key == "quotes" => *value = Node::Seq(quotes),
        _ => return None,
    }
    match tail {
        Node::Null => {}
        Node::Map(entries) => root.extend(entries),
        _ => return None,
    }
    Some(Node::Map(root))
}

/// Cuts `source` at lines that start an item of its top-level `quotes:`
/// block list, at least `piece_bytes` apart.
fn cut(source: &str, piece_bytes: usize) -> Option<Cut<'_>> {
    let mut lines = lines(source);
    let (first, indent) = loop {
        let (_, line) = lines.next()?;
        if !plain(line) {
            return None;
        }
        if is_quotes_key(line) {
            break first_item(&mut lines)?;
        }
    };
    let mut items = Vec::new();
    let mut piece_start = first;
    let mut end = source.len();
    for (start, line) in lines {
        if !plain(line) {
            return None;
        }
        let Some(n) = content_indent(line) else { continue };
        if n > indent {
            continue;
        }
        if n == indent && starts_item(line, n) {
            if start - piece_start >= piece_bytes {
                items.push(&source[piece_start..start]);
                piece_start = start;
            }
        } else if n == 0 {
            end = start;
            break;
        } else {
            return None;
        }
    }
    items.push(&source[piece_start..end]);
    Some(Cut { head: &source[..first], items, tail: &source[end..] })
}

/// After the `quotes:` line: where its first item starts, and the list's
/// indentation; `None` unless its value is a block list.
fn first_item<'a>(lines: &mut impl Iterator<Item = (usize, &'a str)>) -> Option<(usize, usize)> {
    for (start, line) in lines {
        let Some(n) = content_indent(line) else { continue };
        return starts_item(line, n).then_some((start, n));
    }
    None
}

/// Each line and where it starts; a line keeps no `\n` (a `\r` stays).
fn lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= source.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &source.as_bytes()[start..]).map_or(source.len(), |i| start + i);
        let line = (start, &source[start..end]);
        start = end + 1;
        Some(line)
    })
}

/// A line that is not a directive or a document marker: the file is one
/// plain document.
fn plain(line: &str) -> bool {
    !(line.starts_with("---") || line.starts_with("...") || line.starts_with('%'))
}

/// The top-level key `quotes:` with nothing after it but a comment.
fn is_quotes_key(line: &str) -> bool {
    line.strip_prefix("quotes:").is_some_and(|rest| {
        let rest = rest.trim_start_matches([' ', '\r']);
        rest.is_empty() || (rest.starts_with('#') && rest.len() < line.len() - "quotes:".len())
    })
}

/// The indentation of a line with content; `None` for a blank or comment line.
fn content_indent(line: &str) -> Option<usize> {
    let content = line.trim_start_matches(' ');
    let blank = content.trim_end_matches([' ', '\r']).is_empty();
    (!blank && !content.starts_with('#')).then_some(line.len() - content.len())
}

/// A line whose content, at `n`, is a block list's `-` indicator.
fn starts_item(line: &str, n: usize) -> bool {
    let rest = &line.as_bytes()[n..];
    rest.first() == Some(&b'-') && matches!(rest.get(1), None | Some(b' ' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::Rng;

    #[test]
    fn cuts_at_items_of_the_quotes_list_only() {
        let source = "article: {title: a}\nquotes:\n  # the first\n  - id: a\n    text: |\n      - x\n  - b\n\n  - c\nrejected:\n- d\n";
        let pieces = cut(source, 1).unwrap();
        assert_eq!(pieces.head, "article: {title: a}\nquotes:\n  # the first\n");
        assert_eq!(pieces.items, ["  - id: a\n    text: |\n      - x\n", "  - b\n\n", "  - c\n"]);
        assert_eq!(pieces.tail, "rejected:\n- d\n");
        assert_eq!(cut(source, 30).unwrap().items.len(), 2);
        assert_eq!(cut("quotes: []\n", 1), None);
        assert_eq!(cut("---\nquotes:\n- a\n", 1), None);
        assert_eq!(cut("quotes:\n    - a\n  b: c\n", 1), None, "a line between the list and the top level");
    }

    /// Items that make YAML hard to cut, written at indentation `{i}`:
    /// lines that look like items inside quoted scalars, block scalars and
    /// flow collections, anchors and aliases, comments, tags.
    const ITEMS: &[&str] = &[
        "{i}- id: q\n{i}  text: plain words\n",
        "{i}- text: \"a quoted\n{i}- inside the quoted one\"\n",
        "{i}- text: 'it''s\n{i}- still it'\n",
        "{i}- text: |\n{i}    - a block line\n\n{i}    more\n",
        "{i}- more: [1,\n{i}- 2]\n",
        "{i}- {a: 1,\n{i}- b: 2}\n",
        "{i}-\n{i}  - nested\n",
        "{i}- &a {x: 1}\n",
        "{i}- *a\n",
        "{i}- !tag x\n",
        "# a comment\n",
        "\n",
        "{i}- plain\n{i}  continued\n",
        "{i}- - inner\n{i}  - inner\n",
        "{i}- [[[[[[[[x]]]]]]]]\n",
    ];
    const LINES: &[&str] = &["quotes:", "- a", "  - b", "---", "  key: value", "\t- tab", "\"", "[", "x: *a"];

    #[test]
    fn pieces_give_the_whole_files_tree_or_nothing() {
        let mut rng = Rng::new(7);
        let (mut cut_and_parsed, mut valid) = (0, 0);
        for _ in 0..3000 {
            let indent = *rng.pick(&["", "  ", "    "]);
            let mut text = String::from(*rng.pick(&["", "article: x\n", "a: &a 1\n"]));
            let key = *rng.pick(&["quotes:\n", "quotes: # all\n", "quotes:\n# first\n\n"]);
            text.push_str(key);
            for _ in 0..1 + rng.below(12) {
                let item = if rng.chance(60) { ITEMS[0] } else { rng.pick(ITEMS) };
                text.push_str(&item.replace("{i}", indent));
            }
            let tail = *rng.pick(&["", "rejected:\n- x\n", "z: 1\n# end\n", "  late: 1\n"]);
            text.push_str(tail);
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            if rng.chance(30) {
                let at = rng.below(lines.len() + 1);
                lines.insert(at, rng.pick(LINES).to_string());
            }
            if rng.chance(10) {
                lines.remove(rng.below(lines.len()));
            }
            let text = lines.join(if rng.chance(10) { "\r\n" } else { "\n" });
            let whole = super::super::parse_whole(&text);
            valid += whole.is_ok() as usize;
            if let Some(tree) = parse(&text, rng.below(40)) {
                assert_eq!(Ok(&tree), whole.as_ref(), "pieces and whole differ on:\n{text}");
                cut_and_parsed += 1;
            }
        }
        assert!(
            valid > 1000 && cut_and_parsed * 2 > valid,
            "only {cut_and_parsed} files of {valid} valid were parsed in pieces"
        );
    }

    #[test]
    fn a_generated_corpus_file_parses_in_pieces() {
        for (name, text) in crate::synthetic::generate_corpus(2, 300, 3) {
            if name.ends_with(".yaml") && text.contains("\nquotes:") {
                let pieces = parse(&text, 2000).expect("cut and parsed");
                assert_eq!(Ok(pieces), super::super::parse_whole(&text), "{name}");
            }
        }
    }
}
