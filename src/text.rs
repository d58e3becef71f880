//! Text helpers shared by every output: making untrusted text safe to show,
//! folding white space, and counting display width.
//!
//! Everything whosaid prints comes from a file someone else may have written,
//! so control characters and escape sequences must never reach a terminal raw.
//! [`sanitize`] is the one place that decides how they are shown.

use std::borrow::Cow;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// True for characters that must never be written raw to a terminal:
/// C0 and C1 controls, DEL, and the bidirectional overrides that can make
/// text display in an order other than the one it has.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for an unsafe character: the Unicode "control
/// pictures" for C0 and DEL (`␛` for ESC), and `␦` (substitute) for the
/// rest. Not `�`, which some terminals draw with no width at all.
pub fn placeholder(c: char) -> char {
    match c {
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{2426}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{2426}',
    }
}

/// Text made safe for one line of a terminal: runs of white space (line breaks
/// and tabs too) become one space, unsafe characters become placeholders.
pub fn one_line(s: &str) -> Cow<'_, str> {
    let clean = s.chars().all(|c| !is_unsafe(c) && (c == ' ' || !c.is_whitespace())) && !s.contains("  ");
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            in_space = false;
            out.push(if is_unsafe(c) { placeholder(c) } else { c });
        }
    }
    Cow::Owned(out)
}

/// Text made safe for a terminal or a text format, keeping its line breaks
/// (and tabs): every other unsafe character becomes a placeholder.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if is_unsafe(c) && !keep(c) { placeholder(c) } else { c }).collect())
}

/// The number of terminal cells `c` takes once sanitized.
pub fn char_width(c: char) -> usize {
    if is_unsafe(c) { 1 } else { c.width().unwrap_or(0) }
}

/// Display width of `s` once made one-line safe.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` cut to at most `max` cells, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` with runs of Unicode white space folded to one space and trimmed:
/// the form in which quotes are matched against the article. Most text is
/// already in that form and comes back borrowed.
pub fn fold_whitespace(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `s` has no white space but single spaces between words.
fn is_folded(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        let space = space_at(s, i).is_some();
        if space && (b != b' ' || after_space) {
            return false;
        }
        after_space = space;
    }
    true
}

/// Bytes that can start a white-space character: ASCII white space, and the
/// lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
pub const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0xE1, 0xE2, 0xE3];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// The length of the white-space character at byte `i`, if there is one.
pub fn space_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes()[i];
    if !MAY_START_SPACE[b as usize] {
        return None;
    }
    if b < 0x80 {
        return Some(1);
    }
    text[i..].chars().next().filter(|c| c.is_whitespace()).map(char::len_utf8)
}

/// Greedy word wrap of one-line text into lines of at most `width` cells;
/// words longer than a line are broken.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    wrap_ranges(s, width).into_iter().map(|r| s[r].to_string()).collect()
}

/// Word wrap where the first line has `first` cells and the others
/// `width`: a word that does not fit the room left moves to the next line,
/// and only a word wider than a whole line is broken.
pub fn wrap_after(s: &str, first: usize, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = vec![String::new()];
    let room = |n: usize| if n == 0 { first } else { width };
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let current = lines.len() - 1;
        let used = self::width(&lines[current]);
        let needed = self::width(word) + usize::from(used > 0);
        if used + needed <= room(current) {
            if used > 0 {
                lines[current].push(' ');
            }
            lines[current].push_str(word);
            continue;
        }
        if used > 0 || room(current) < self::width(word).min(width) {
            lines.push(String::new());
        }
        // A word wider than a line: broken at the line's edge.
        let mut rest = word;
        while self::width(rest) > width {
            let cut = rest.char_indices().scan(0, |w, (i, c)| {
                *w += char_width(c);
                Some((i + c.len_utf8(), *w))
            });
            let end = cut.take_while(|&(_, w)| w <= width).last().map_or(rest.len(), |(i, _)| i);
            let last = lines.len() - 1;
            lines[last] = rest[..end].to_string();
            lines.push(String::new());
            rest = &rest[end..];
        }
        let last = lines.len() - 1;
        lines[last].push_str(rest);
    }
    lines
}

/// Greedy word wrap of one line into rows of at most `width` cells, as byte
/// ranges of `s`: the white space where a row breaks belongs to no row, a
/// line's indentation stays on its first row, and words wider than a row
/// are broken.
pub fn wrap_ranges(s: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    if s.trim().is_empty() {
        rows.push(0..s.len());
        return rows;
    }
    let mut row: Option<(usize, usize, usize)> = None; // start, end, width so far
    let mut pos = 0;
    while pos < s.len() {
        // Next token: white space, then a word.
        let ws_end = s[pos..].find(|c: char| !c.is_whitespace()).map_or(s.len(), |i| pos + i);
        if ws_end == s.len() {
            break; // trailing white space
        }
        let word_end = s[ws_end..].find(char::is_whitespace).map_or(s.len(), |i| ws_end + i);
        let ws_width = s[pos..ws_end].chars().count();
        let word = &s[ws_end..word_end];
        let word_width = if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_control()) {
            word.len()
        } else {
            self::width(word)
        };
        match row {
            // The first word of a line keeps the indentation before it.
            None => row = Some((pos, pos, 0)),
            Some((start, end, used)) if used + ws_width + word_width > width => {
                rows.push(start..end);
                row = Some((ws_end, ws_end, 0));
            }
            _ => {}
        }
        let (start, _, used) = row.expect("row started");
        let used = if used == 0 && start == ws_end { 0 } else { used + ws_width };
        if used + word_width <= width {
            row = Some((start, word_end, used + word_width));
        } else {
            // A word wider than the row: break it at the row's edge.
            let mut used = used;
            let mut start = start;
            for (i, c) in s[ws_end..word_end].char_indices() {
                let w = char_width(c);
                if used + w > width && used > 0 {
                    rows.push(start..ws_end + i);
                    start = ws_end + i;
                    used = 0;
                }
                used += w;
            }
            row = Some((start, word_end, used));
        }
        pos = word_end;
    }
    if let Some((start, end, _)) = row {
        rows.push(start..end);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible() {
        assert_eq!(sanitize("a\x1b[31mb\x07"), "a␛[31mb␇");
        assert_eq!(sanitize("x\u{9b}y"), "x␦y");
        assert_eq!(sanitize("line\nnext\ttab"), "line\nnext\ttab");
        assert_eq!(one_line("a\n\n b\x1b"), "a b␛");
        assert_eq!(one_line("\u{202E}evil"), "␦evil");
    }

    #[test]
    fn folding_trims_and_joins() {
        assert_eq!(fold_whitespace("  a \u{a0}\n b\t"), "a b");
        assert!(matches!(fold_whitespace("a b c"), Cow::Borrowed(_)));
        assert_eq!(fold_whitespace("a  b"), "a b");
        assert_eq!(fold_whitespace(" a"), "a");
    }

    #[test]
    fn folding_borrows_exactly_the_texts_already_folded() {
        // White space beyond ASCII, and marks that share its lead bytes.
        const PIECES: &[&str] = &[
            "a", " ", "  ", "\u{a0}", "\u{85}", "\u{1680}", "\u{2009}", "\u{2028}", "\u{202f}", "\u{205f}",
            "\u{3000}", "\n", "\t", "“", "’", "—", "\u{2060}", "é", "\u{1e9e}", "\u{30a2}",
        ];
        let mut rng = crate::synthetic::Rng::new(11);
        for _ in 0..20_000 {
            let s: String = (0..rng.below(8)).map(|_| *rng.pick(PIECES)).collect();
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let folded = fold_whitespace(&s);
            assert_eq!(folded, expected, "{s:?}");
            assert_eq!(matches!(folded, Cow::Borrowed(_)), s == expected, "{s:?}");
        }
    }

    #[test]
    fn truncation_and_wrap() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefg", 3), vec!["abc", "def", "g"]);
        assert_eq!(
            wrap_after("military-technical measures", 5, 20),
            vec!["", "military-technical", "measures"]
        );
        assert_eq!(wrap_after("a bb ccc", 4, 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap_after("abcdefgh", 2, 3), vec!["", "abc", "def", "gh"]);
    }
}
