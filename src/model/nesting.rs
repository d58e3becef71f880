//! A guard against nesting deep enough to stall the YAML parser: libyaml's
//! scanner takes time quadratic in the depth of flow collections (`[[[[…`,
//! `{"":[{"":[…`), so a 200 KB file could take a minute before whosaid's
//! limit of 128 levels is ever checked. One linear pass over the text,
//! aware of quoted scalars, comments and block scalars, finds the first
//! place where the nesting goes deeper than the limit, before the parser
//! sees the file.

/// The deepest nesting a document may have (serde_yaml's own limit).
pub const MAX_DEPTH: usize = 128;

/// Where the nesting first goes beyond [`MAX_DEPTH`]: the 1-based line and
/// column of the bracket that opens the level too many.
pub fn too_deep(source: &str) -> Option<(usize, usize)> {
    deeper_than(source, MAX_DEPTH)
}

/// Where the nesting of `source` first goes beyond `limit` levels.
pub fn deeper_than(source: &str, limit: usize) -> Option<(usize, usize)> {
    // Cheap first look: flow nesting needs brackets (deep block nesting is
    // linear for the parser, and its own limit reports it).
    if source.bytes().filter(|&b| b == b'[' || b == b'{').count() < limit / 2 {
        return None;
    }
    let mut flow: usize = 0;
    // Indentations of the open block collections.
    let mut blocks: Vec<usize> = Vec::new();
    let mut block_scalar: Option<usize> = None;
    for (n, line) in source.split('\n').enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim();
        if let Some(parent) = block_scalar {
            if content.is_empty() || indent > parent {
                continue;
            }
            block_scalar = None;
        }
        if flow == 0 {
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            while blocks.last().is_some_and(|&i| i > indent) {
                blocks.pop();
            }
            if blocks.last() != Some(&indent) {
                blocks.push(indent);
            }
        }
        let bytes = line.as_bytes();
        let mut i = indent;
        let mut quote: Option<u8> = None;
        let mut last_value_start = i;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                // Inside a quoted scalar only its closing mark (and, in
                // double quotes, an escape) matter: skip to the next one.
                Some(q) => {
                    let rest = &bytes[i..];
                    let next =
                        if q == b'"' { memchr::memchr2(q, b'\\', rest) } else { memchr::memchr(q, rest) };
                    let Some(k) = next else { break };
                    i += k;
                    if bytes[i] == b'\\' {
                        i += 1;
                    } else if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                        // '' inside a single-quoted scalar is an escaped quote.
                        i += 1;
                    } else {
                        quote = None;
                    }
                }
                None => match b {
                    b'#' if i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t' => break,
                    // A mark opens a quoted scalar only where a value starts
                    // (`it's` in `[it's, …]` is a plain scalar's apostrophe).
                    b'"' | b'\'' if i == last_value_start => quote = Some(b),
                    b'[' | b'{' => {
                        flow += 1;
                        let depth = blocks.len().max(1) + flow;
                        if depth > limit {
                            let column = line[..i].chars().count() + 1;
                            return Some((n + 1, column));
                        }
                        last_value_start = value_start(bytes, i + 1);
                    }
                    b']' | b'}' => flow = flow.saturating_sub(1),
                    b':' | b'-' | b',' | b'?' => last_value_start = value_start(bytes, i + 1),
                    b'|' | b'>' if flow == 0 && i == last_value_start => {
                        block_scalar = Some(indent);
                        break;
                    }
                    _ => {}
                },
            }
            i += 1;
        }
    }
    None
}

/// Where a value may start after byte `from`: past the spaces.
fn value_start(bytes: &[u8], from: usize) -> usize {
    from + bytes[from.min(bytes.len())..].iter().take_while(|&&b| b == b' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_bracket_one_level_too_deep() {
        let deep = format!("article: {}{}", "[".repeat(300), "]".repeat(300));
        assert_eq!(too_deep(&deep), Some((1, 9 + 128)), "the top mapping counts as a level");
        let shallow = format!("article: {}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(too_deep(&shallow), None);
        let objects = format!("{}1{}", "{\"\":[".repeat(200), "]}".repeat(200));
        assert!(too_deep(&objects).is_some());
    }

    #[test]
    fn brackets_in_quotes_comments_and_block_scalars_do_not_count() {
        let many = "[".repeat(300);
        for doc in [
            format!("a: \"{many}\"\n"),
            format!("a: '{many}'\n"),
            format!("a: 1 # {many}\n"),
            format!("a: |\n  {many}\n  more\nb: 2\n"),
            format!("a: >-\n  {many}\n"),
        ] {
            assert_eq!(too_deep(&doc), None, "{doc}");
        }
    }

    #[test]
    fn a_quote_mark_inside_a_plain_scalar_hides_nothing() {
        for doc in [format!("a: [it's, {}", "[".repeat(300)), format!("a: [a\"b, {}", "[".repeat(300))] {
            assert!(too_deep(&doc).is_some(), "{doc}");
        }
    }

    #[test]
    fn a_million_levels_are_refused_at_the_first_level_too_many() {
        // The time it takes is measured in the benchmark (`nesting …`).
        let deep = "a: ".to_string() + &"[".repeat(1_000_000);
        assert_eq!(too_deep(&deep), Some((1, 4 + 127)));
    }
}
