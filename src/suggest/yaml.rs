//! The draft as YAML that `whosaid check` accepts as it is: speakers with
//! ids, names, roles and aliases; one quote per candidate, its words
//! verbatim (white space folded, as quotes are matched), `occurrence` where
//! the words repeat, and a comment with the confidence and the pattern.

use super::people::{PersonIx, Sort};
use super::{Candidate, Draft};
use crate::model::anchor::{FoldedArticle, PART_REACH, starts_of};
use crate::model::{Corpus, Kind};
use crate::text::fold_whitespace;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use unicode_normalization::UnicodeNormalization;

/// A string as a YAML scalar: JSON's double-quoted form is valid YAML.
fn scalar(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// An id from a name: `Sergey Ryabkov` → `sergey-ryabkov`, accents dropped.
pub fn slug(name: &str, max_words: usize) -> String {
    let mut out = String::new();
    let plain: String = name.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    for word in plain.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(max_words) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// Which occurrence of its first part's words each candidate is: `None`
/// when the words occur once, `Some(n)` when they repeat (the candidate
/// is then the `n`th, counted left to right without overlap, as quotes
/// are found), and `Some(0)` when the candidate cannot be told apart from
/// an overlapping repeat and cannot be placed.
pub fn occurrences(
    text: &str,
    folded: Option<&FoldedArticle>,
    candidates: &[&Candidate],
) -> Vec<Option<usize>> {
    let owned;
    let folded = match folded {
        Some(folded) => folded,
        None => {
            owned = FoldedArticle::new(text);
            &owned
        }
    };
    let firsts: Vec<String> =
        candidates.iter().map(|c| fold_whitespace(&text[c.parts[0].clone()]).into_owned()).collect();
    let refs: Vec<&str> = firsts.iter().map(String::as_str).collect();
    (candidates.iter().zip(starts_of(folded, &refs)))
        .map(|(c, starts)| {
            (starts.len() > 1).then(|| starts.iter().position(|&s| s == c.start()).map_or(0, |n| n + 1))
        })
        .collect()
}

/// [`occurrences`] of words at `parts` of `text` (as a quote's parts).
pub fn occurrence_of(text: &str, parts: &[std::ops::Range<usize>]) -> Option<usize> {
    let words = Candidate {
        parts: parts.to_vec(),
        speaker: PersonIx::new(0),
        via: None,
        kind: Kind::Direct,
        confidence: 0,
        found_by: String::new(),
    };
    occurrences(text, None, &[&words])[0]
}

/// The speakers a draft's quotes are by, with ids: those of an existing
/// annotation where they are the same person, new ones otherwise.
pub struct Speakers {
    ids: HashMap<PersonIx, String>,
    /// The people who need an entry, in order of first quote.
    pub new: Vec<PersonIx>,
}

impl Speakers {
    pub fn id(&self, person: PersonIx) -> &str {
        &self.ids[&person]
    }
}

/// What an annotation already has: its speakers (to reuse) and the ids
/// taken.
#[derive(Default)]
pub struct Existing {
    /// Lower-case names and aliases (and surnames) → speaker id.
    names: HashMap<String, String>,
    speaker_ids: HashSet<String>,
    quote_ids: HashSet<String>,
}

impl Existing {
    pub fn of(corpus: &Corpus) -> Existing {
        let mut existing = Existing::default();
        for speaker in corpus.speakers.iter() {
            existing.speaker_ids.insert(speaker.id.clone());
            for name in std::iter::once(&speaker.name).chain(&speaker.aliases) {
                existing.names.insert(name.to_lowercase(), speaker.id.clone());
                if let Some(surname) =
                    name.split_whitespace().last().filter(|_| name.split_whitespace().count() > 1)
                {
                    existing.names.entry(surname.to_lowercase()).or_insert_with(|| speaker.id.clone());
                }
            }
            existing.names.insert(speaker.id.clone(), speaker.id.clone());
        }
        existing.quote_ids = corpus.quotes.iter().map(|q| q.id.clone()).collect();
        existing
    }

    fn speaker_for(&self, draft: &Draft, person: PersonIx) -> Option<String> {
        let p = &draft.cast.people[person];
        let mut names =
            std::iter::once(&p.name).chain(&p.aliases).map(|n| n.to_lowercase()).collect::<Vec<_>>();
        if p.sort == Sort::Named {
            names.extend(p.name.split_whitespace().last().map(str::to_lowercase));
        }
        names.push(slug(&p.name, 5));
        names.iter().find_map(|n| self.names.get(n).cloned())
    }
}

/// A new speaker's id that `taken` does not have: a named person's surname
/// (`ryabkov`), else the name's first words; then a named person's whole
/// name (`sergey-ryabkov`), then numbered (`ryabkov-3`).
pub fn speaker_id(name: &str, sort: Sort, taken: impl Fn(&str) -> bool) -> String {
    let base = match sort {
        Sort::Named => slug(name.split_whitespace().last().unwrap_or(name), 1),
        Sort::Group | Sort::Label | Sort::Unnamed | Sort::Body => slug(name, 5),
        Sort::Unknown => "unknown".to_string(),
    };
    let base = if base.is_empty() { "speaker".to_string() } else { base };
    let whole = slug(name, 5);
    let mut id = base.clone();
    let mut n = 1;
    while taken(&id) {
        n += 1;
        id = if sort == Sort::Named && n == 2 && !whole.is_empty() {
            whole.clone()
        } else {
            format!("{base}-{n}")
        };
    }
    id
}

/// Ids for the people of the chosen candidates.
pub fn speakers(draft: &Draft, chosen: &[&Candidate], existing: &Existing) -> Speakers {
    let mut ids = HashMap::new();
    let mut new = Vec::new();
    let mut taken = existing.speaker_ids.clone();
    for person in chosen.iter().flat_map(|c| std::iter::once(c.speaker).chain(c.via)) {
        if ids.contains_key(&person) {
            continue;
        }
        if let Some(id) = existing.speaker_for(draft, person) {
            ids.insert(person, id);
            continue;
        }
        let p = &draft.cast.people[person];
        let id = speaker_id(&p.name, p.sort, |id| taken.contains(id));
        taken.insert(id.clone());
        ids.insert(person, id);
        new.push(person);
    }
    Speakers { ids, new }
}

/// The `speakers:` entries for the new people, at an indent.
pub fn speaker_entries(draft: &Draft, speakers: &Speakers, indent: &str) -> String {
    let mut out = String::new();
    for &person in &speakers.new {
        let p = &draft.cast.people[person];
        let _ = writeln!(out, "{indent}- id: {}", speakers.id(person));
        let _ = writeln!(out, "{indent}  name: {}", scalar(&p.name));
        if let Some(role) = &p.role {
            let _ = writeln!(out, "{indent}  role: {}", scalar(role));
        }
        if !p.aliases.is_empty() {
            let aliases: Vec<String> = p.aliases.iter().map(|a| scalar(a)).collect();
            let _ = writeln!(out, "{indent}  aliases: [{}]", aliases.join(", "));
        }
    }
    out
}

/// The `quotes:` entries, at an indent, with fresh ids; the number written
/// (a candidate that cannot be placed is left out). `notes` gives each
/// candidate a further comment line, or none.
pub fn quote_entries(
    text: &str,
    folded: Option<&FoldedArticle>,
    chosen: &[&Candidate],
    notes: &dyn Fn(&Candidate) -> Option<String>,
    speakers: &Speakers,
    existing: &Existing,
    indent: &str,
) -> (String, usize) {
    // Which occurrence each quote is (a scan of the whole text) while the
    // quotes' words are written out.
    let (occurrences, texts) = std::thread::scope(|scope| {
        let occurrences = scope.spawn(|| occurrences(text, folded, chosen));
        let texts: Vec<Vec<String>> = chosen
            .iter()
            .map(|c| c.parts.iter().map(|p| scalar(&fold_whitespace(&text[p.clone()]))).collect())
            .collect();
        (occurrences.join().expect("the scan does not panic"), texts)
    });
    let mut taken = existing.quote_ids.clone();
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut out = String::new();
    let mut written = 0;
    for ((c, occurrence), parts) in chosen.iter().zip(occurrences).zip(texts) {
        if occurrence == Some(0) {
            continue;
        }
        let speaker = speakers.id(c.speaker);
        let id = loop {
            let n = numbers.entry(speaker).or_insert(0);
            *n += 1;
            let id = format!("{speaker}-{n}");
            if taken.insert(id.clone()) {
                break id;
            }
        };
        let _ = writeln!(out, "{indent}# {}% · {}", c.confidence, crate::text::one_line(&c.found_by));
        if let Some(note) = notes(c) {
            let _ = writeln!(out, "{indent}# {}", crate::text::one_line(&note));
        }
        let _ = writeln!(out, "{indent}- id: {id}");
        let _ = writeln!(out, "{indent}  speaker: {speaker}");
        if let Some(via) = c.via {
            let _ = writeln!(out, "{indent}  via: [{}]", speakers.id(via));
        }
        if c.kind != Kind::Direct {
            let _ = writeln!(out, "{indent}  kind: {}", c.kind.name());
        }
        match parts.as_slice() {
            [one] => {
                let _ = writeln!(out, "{indent}  text: {one}");
            }
            many => {
                let _ = writeln!(out, "{indent}  text:");
                for part in many {
                    let _ = writeln!(out, "{indent}    - {part}");
                }
            }
        }
        if let Some(n) = occurrence {
            let _ = writeln!(out, "{indent}  occurrence: {n}");
        }
        written += 1;
    }
    (out, written)
}

/// The candidates worth writing: at least `min_confidence` sure, their
/// parts split where they lie further apart than a quote's parts may.
pub fn chosen(draft: &Draft, min_confidence: u8) -> Vec<Candidate> {
    let mut out = Vec::new();
    for c in draft.candidates.iter().filter(|c| c.confidence >= min_confidence) {
        let mut current = Candidate { parts: Vec::new(), ..c.clone() };
        for part in &c.parts {
            // A distance in bytes is never less than in characters, the
            // unit of the reach: within half of it, a part is within reach.
            if let Some(last) = current.parts.last()
                && last.end <= part.start
                && part.start - last.end > PART_REACH / 2
            {
                out.push(std::mem::replace(&mut current, Candidate { parts: Vec::new(), ..c.clone() }));
            }
            current.parts.push(part.clone());
        }
        out.push(current);
    }
    out
}

/// A title for the article: its first paragraph of one line that reads
/// like a headline (three words or more, no closing punctuation, not a
/// date or a speaker's label), else `fallback`.
pub fn title(text: &str, fallback: &str) -> String {
    super::prose::paragraphs(text)
        .into_iter()
        .take(8)
        .map(|p| text[p].trim())
        .find(|para| {
            let words = para.split_whitespace().count();
            !para.contains('\n')
                && (3..=20).contains(&words)
                && para.chars().any(char::is_lowercase)
                && !para.ends_with(['.', ':', ',', '?', '!'])
                && super::turns::transcript_label(para).is_none()
                && date(para).is_none()
        })
        .map_or_else(|| fallback.to_string(), |line| crate::text::truncate(line, 150).into_owned())
}

/// A date in the first lines of the text (`Jan 11, 2022`, `11 January
/// 2022`, `2022-01-11`), as `YYYY-MM-DD`.
pub fn date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    for line in text.lines().take(12) {
        let words: Vec<String> = line
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect();
        let month = |w: &str| {
            let ascii = w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic());
            MONTHS.iter().position(|m| ascii && w.starts_with(m)).map(|i| i + 1)
        };
        let number = |w: &str, max: u32| w.parse::<u32>().ok().filter(|n| (1..=max).contains(n));
        for i in 0..words.len() {
            if let Some((y, m, d)) =
                words[i].split('-').collect::<Vec<_>>().as_slice().try_into().ok().and_then(
                    |[y, m, d]: [&str; 3]| {
                        Some((number(y, 2999).filter(|&y| y > 1800)?, number(m, 12)?, number(d, 31)?))
                    },
                )
            {
                let date = format!("{y:04}-{m:02}-{d:02}");
                if crate::model::check_date(&date).is_ok() {
                    return Some(date);
                }
            }
            let (Some(a), Some(b)) = (words.get(i + 1), words.get(i + 2)) else { continue };
            let found = match (month(&words[i]), number(a, 31), number(b, 2999)) {
                (Some(m), Some(d), Some(y)) => Some((y, m, d)),
                _ => match (number(&words[i], 31), month(a), number(b, 2999)) {
                    (Some(d), Some(m), Some(y)) => Some((y, m, d)),
                    _ => None,
                },
            };
            if let Some((y, m, d)) = found.filter(|(y, _, _)| *y > 1800) {
                let date = format!("{y:04}-{m:02}-{d:02}");
                if crate::model::check_date(&date).is_ok() {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// A whole draft annotation of a text.
pub fn draft_file(
    text: &str,
    text_file: &str,
    draft: &Draft,
    min_confidence: u8,
    fallback_title: &str,
) -> String {
    let chosen_candidates = chosen(draft, min_confidence);
    let chosen: Vec<&Candidate> = chosen_candidates.iter().collect();
    let existing = Existing::default();
    let speakers = speakers(draft, &chosen, &existing);
    let people = speaker_entries(draft, &speakers, "  ");
    let (quotes, written) =
        quote_entries(text, draft.folded.as_ref(), &chosen, &|_| None, &speakers, &existing, "  ");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# A draft annotation by `whosaid suggest` of {text_file}: {written} quotes, {} speakers.",
        speakers.new.len()
    );
    out.push_str(
        "# Each quote's comment says how sure the suggestion is (0-100%) and what\n\
         # found it. Check each against the text: fix the speaker, delete what is\n\
         # not a statement, then add issues and stances (suggest leaves those to you).\n",
    );
    out.push_str("whosaid: 1\narticle:\n");
    let _ = writeln!(out, "  title: {}", scalar(&title(text, fallback_title)));
    if let Some(d) = date(text) {
        let _ = writeln!(out, "  date: {d}");
    }
    let _ = writeln!(out, "  text_file: {}", scalar(text_file));
    out.push_str(if people.is_empty() { "speakers: []\n" } else { "speakers:\n" });
    out.push_str(&people);
    out.push_str(if quotes.is_empty() { "quotes: []\n" } else { "quotes:\n" });
    out.push_str(&quotes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_dates() {
        assert_eq!(slug("Sergey Ryabkov", 5), "sergey-ryabkov");
        assert_eq!(slug("Müller-Lüdenscheidt", 5), "muller-ludenscheidt");
        assert_eq!(date("Jan 11, 2022\n0 0"), Some("2022-01-11".into()));
        assert_eq!(date("Moscow, 11 January 2022."), Some("2022-01-11".into()));
        assert_eq!(date("Posted 2022-01-19 at noon"), Some("2022-01-19".into()));
        assert_eq!(date("No date here"), None);
        assert_eq!(date("Feb 30, 2022"), None);
        assert_eq!(
            title("Jan 11, 2022\n0 0\n\nPutin was put in the open doors of NATO\n", "x"),
            "Putin was put in the open doors of NATO"
        );
    }
}
