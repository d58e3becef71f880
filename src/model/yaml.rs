//! The one module that talks to the YAML crate.
//!
//! The document is parsed by serde_yaml into a plain [`Node`] tree that keeps
//! mapping entries in file order, duplicates included, so that the loader can
//! report every problem rather than the one serde would stop at. While the
//! tree is built, every node and scalar byte is charged to a budget
//! proportional to the file's size: aliases may repeat a node, but a document
//! whose aliases blow it up far beyond its own size is refused as soon as the
//! budget runs out, in bounded time and memory. serde_yaml itself bounds
//! nesting (128 levels) and the classic billion-laughs.
//!
//! A large file is parsed in [`pieces`] on every core, to the same tree.
//!
//! Replacing serde_yaml with a maintained fork is a one-line change here.

mod pieces;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_yaml as yaml;
use std::cell::Cell;
use std::fmt;

/// A YAML node, as the loader sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in file order; a key may occur twice (the loader reports it).
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// What kind of node this is, in the words of an error message.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Node::Null => "nothing",
            Node::Bool(_) => "true/false",
            Node::Int(_) => "a number",
            Node::Float(_) => "a number",
            Node::Str(_) => "text",
            Node::Seq(_) => "a list",
            Node::Map(_) => "a mapping",
        }
    }

    /// The node as text, taken without copying; other nodes come back.
    pub fn into_text(self) -> Result<String, Node> {
        match self {
            Node::Str(s) => Ok(s),
            other => other.as_text().ok_or(other),
        }
    }

    /// The node as text when it is a scalar that reads as text: strings,
    /// and numbers or booleans written without quotes (`title: 1984`).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Node::Str(s) => Some(s.clone()),
            Node::Int(i) => Some(i.to_string()),
            Node::Bool(b) => Some(b.to_string()),
            Node::Float(f) => Some(f.to_string()),
            _ => None,
        }
    }
}

/// A problem serde_yaml found, with its 1-based position.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// How much a document may grow through aliases: this many times its size,
/// plus a floor so that small files may use aliases freely.
const EXPANSION_FACTOR: usize = 8;
const EXPANSION_FLOOR: usize = 1 << 18;
/// What a piece may spend beyond its share: the list or map that holds it.
const PIECE_ALLOWANCE: usize = 2;

/// Parses one YAML document into a [`Node`] tree.
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    // A large file's pieces are checked for nesting as they are parsed.
    if source.len() >= 2 * pieces::PIECE_BYTES
        && let Some(tree) = pieces::parse(source, pieces::PIECE_BYTES)
    {
        return Ok(tree);
    }
    if let Some((line, column)) = super::nesting::too_deep(source) {
        let message =
            format!("the document is nested too deeply (more than {} levels)", super::nesting::MAX_DEPTH);
        return Err(SyntaxError { line, column, message });
    }
    parse_whole(source)
}

/// The whole document in one parse: serde_yaml's own limits and messages.
fn parse_whole(source: &str) -> Result<Node, SyntaxError> {
    let budget = Cell::new(source.len().saturating_mul(EXPANSION_FACTOR) + EXPANSION_FLOOR);
    let deserializer = yaml::Deserializer::from_str(source);
    NodeSeed { budget: &budget, depth: 0, max_depth: usize::MAX }
        .deserialize(deserializer)
        .map_err(|e| syntax_error(&e, source))
}

/// How deep a piece may nest: a piece's items are a level or two
/// shallower than in the whole document, whose limit is serde_yaml's 128.
const MAX_PIECE_DEPTH: usize = super::nesting::MAX_DEPTH - 8;

/// One piece of a document on its own, `None` for any problem (the whole
/// document is then parsed, to report it). Its alias budget is its share
/// of the whole's and a small allowance for the collections that hold the
/// pieces, so that pieces never accept expansion the whole would refuse.
fn parse_piece(piece: &str, max_depth: usize) -> Option<Node> {
    let budget = Cell::new(piece.len().saturating_mul(EXPANSION_FACTOR) + PIECE_ALLOWANCE);
    let deserializer = yaml::Deserializer::from_str(piece);
    NodeSeed { budget: &budget, depth: 0, max_depth }.deserialize(deserializer).ok()
}

fn syntax_error(e: &yaml::Error, source: &str) -> SyntaxError {
    let text = e.to_string();
    // serde_yaml puts " at line L column C" in its messages; the position is
    // reported separately, so cut it out (and keep what follows, such as
    // ", while parsing a flow sequence at line 4 column 11").
    let message = match text.find(" at line ") {
        Some(i) => {
            let after = &text[i + " at line ".len()..];
            let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            let line_end = digits(after);
            match after[line_end..].strip_prefix(" column ") {
                Some(rest) => format!("{}{}", &text[..i], &rest[digits(rest)..]),
                None => text[..i].to_string(),
            }
        }
        None => text,
    };
    // It also prefixes errors inside the tree with their path (`b[3].c: `);
    // the position says where, so drop that too.
    let message = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') && !path.is_empty() => rest.to_string(),
        _ => message,
    };
    let message = match message.as_str() {
        "recursion limit exceeded" => "the document is nested too deeply (more than 128 levels)".to_string(),
        "repetition limit exceeded" => "aliases repeat the document too many times".to_string(),
        _ => message,
    };
    let (line, column) = match e.location() {
        Some(l) => (l.line(), l.column()),
        None => (1, 1),
    };
    // serde_yaml counts lines from 1 but may point one past the last line.
    let lines = source.lines().count().max(1);
    SyntaxError { line: line.clamp(1, lines + 1), column: column.max(1), message }
}

struct NodeSeed<'b> {
    budget: &'b Cell<usize>,
    /// How many collections this node is inside, and how many it may be.
    depth: usize,
    max_depth: usize,
}

impl NodeSeed<'_> {
    fn charge<E: de::Error>(&self, cost: usize) -> Result<(), E> {
        let left = self.budget.get();
        if cost > left {
            return Err(E::custom(
                "aliases expand the document far beyond its own size; \
                 refusing it (use each anchor a few times, not to multiply the file)",
            ));
        }
        self.budget.set(left - cost);
        Ok(())
    }

    /// The seed for a node inside this one, a collection.
    fn inner<E: de::Error>(&self) -> Result<NodeSeed<'_>, E> {
        if self.depth >= self.max_depth {
            return Err(E::custom("nested too deeply"));
        }
        Ok(NodeSeed { budget: self.budget, depth: self.depth + 1, max_depth: self.max_depth })
    }
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        self.charge(1)?;
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        self.visit_unit()
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        self.charge(1)?;
        Ok(Node::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        self.charge(1)?;
        Ok(Node::Int(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        self.charge(1)?;
        Ok(Node::Int(v.into()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        self.charge(1)?;
        Ok(Node::Int(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        self.charge(1)?;
        Ok(i128::try_from(v).map(Node::Int).unwrap_or(Node::Float(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        self.charge(1)?;
        Ok(Node::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        self.charge(1 + v.len())?;
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        self.charge(1 + v.len())?;
        Ok(Node::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        self.charge(1)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.inner()?)? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        self.charge(1)?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(self.inner()?)? {
            let value = map.next_value_seed(self.inner()?)?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<Node, A::Error> {
        Err(de::Error::custom("YAML tags (`!name value`) are not used by whosaid; remove the tag"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_duplicates() {
        let node = parse("b: 1\na: x\nb: [true, ~]\n").unwrap();
        let Node::Map(entries) = node else { panic!("not a map") };
        let keys: Vec<_> = entries.iter().map(|(k, _)| k.clone()).collect();
        assert_eq!(keys, vec![Node::Str("b".into()), Node::Str("a".into()), Node::Str("b".into())]);
        assert_eq!(entries[2].1, Node::Seq(vec![Node::Bool(true), Node::Null]));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e:?}");
        assert_eq!(parse(""), Ok(Node::Null));
    }

    #[test]
    fn a_large_file_has_the_same_tree_and_errors_in_pieces() {
        let item = "- id: q\n  text: \"some words, said\"\n";
        let good = format!("article: {{title: t}}\nquotes:\n{}rejected: []\n", item.repeat(20_000));
        assert!(good.len() > 2 * pieces::PIECE_BYTES);
        assert_eq!(parse(&good), parse_whole(&good));
        assert!(matches!(parse(&good), Ok(Node::Map(entries)) if entries.len() == 3));
        let at = good.match_indices("- id").nth(15_000).unwrap().0;
        let broken = format!("{}- id: [q\n{}", &good[..at], &good[at..]);
        let e = parse(&broken).unwrap_err();
        assert_eq!(Err(e.clone()), parse_whole(&broken));
        assert!(e.line > 2 + 2 * 15_000, "{e:?}");
        // Nesting too deep inside one piece: the whole file's message and place,
        // and at the limit itself, still the whole file's tree.
        for (depth, too_deep) in [(super::super::nesting::MAX_DEPTH + 1, true), (120, false)] {
            let nested =
                format!("{}  tags: {}{}\n", &good[..at], "[".repeat(depth - 3), "]".repeat(depth - 3));
            let nested = nested + &good[at..];
            let whole = parse_whole(&nested);
            assert_eq!(parse(&nested).is_err(), too_deep, "{depth}");
            if too_deep {
                let e = parse(&nested).unwrap_err();
                assert!(e.message.contains("nested too deeply"), "{e:?}");
                assert!(e.line > 2 + 2 * 15_000, "{e:?}");
            } else {
                assert_eq!(parse(&nested), whole);
            }
        }
    }

    #[test]
    fn quadratic_alias_blowup_is_refused_quickly() {
        let mut doc = String::from("a: &a [");
        doc.push_str(&vec!["x"; 6000].join(","));
        doc.push_str("]\nb: [");
        doc.push_str(&vec!["*a"; 6000].join(","));
        doc.push_str("]\n");
        let e = parse(&doc).unwrap_err();
        assert!(e.message.contains("aliases expand"), "{e:?}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let doc = "[".repeat(10_000);
        let e = parse(&doc).unwrap_err();
        assert!(e.message.contains("nested too deeply"), "{e:?}");
    }
}
