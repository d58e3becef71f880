//! `whosaid suggest`: a draft annotation from a raw text, by rules — no
//! model, no network. It finds, highest confidence first, a transcript's
//! turns, a press interview's questions and answers, quoted passages with
//! the speaker of their reporting clause, and reported speech; it groups
//! the names of one person into one speaker. Issues and stances are left
//! to the analyst.
//!
//! Reading goes paragraph by paragraph in text order, so that "he" and
//! "the diplomat" are resolved against the people named before them.

pub mod clauses;
pub mod coverage;
pub mod into;
pub mod marks;
pub mod people;
pub mod prose;
pub mod reported;
pub mod turns;
pub mod yaml;

use crate::model::Kind;
use crate::model::anchor::FoldedArticle;
use crate::text::one_line;
use clauses::Who;
use marks::Passage;
use people::{Cast, PersonIx, Sort};
use std::collections::HashMap;
use std::ops::Range;

/// Nouns after a name that make it the name of a thing (`the Daily Nation
/// newspaper`, `the Al Jazeera network`), not of a person.
const NAMED_THINGS: &[&str] = &[
    "newspaper",
    "paper",
    "magazine",
    "weekly",
    "daily",
    "journal",
    "newsletter",
    "website",
    "network",
    "television",
    "radio",
    "channel",
    "broadcaster",
    "agency",
    "party",
    "movement",
    "company",
    "group",
    "foundation",
    "institute",
    "program",
    "programme",
    "report",
    "plan",
];

/// One suggested quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The words, verbatim; several parts when a reporting clause
    /// interrupts the quotation or it goes on over paragraphs.
    pub parts: Vec<Range<usize>>,
    pub speaker: PersonIx,
    /// Who passed the words on, when not the speaker: a transcript's
    /// speaker quoting someone else.
    pub via: Option<PersonIx>,
    pub kind: Kind,
    /// How sure the suggestion is, 0–100.
    pub confidence: u8,
    /// The pattern that found it, and how its speaker was resolved.
    pub found_by: String,
}

impl Candidate {
    pub fn start(&self) -> usize {
        self.parts[0].start
    }

    pub fn end(&self) -> usize {
        self.parts[self.parts.len() - 1].end
    }
}

/// What `suggest` found in a text.
#[derive(Debug, Default)]
pub struct Draft {
    pub cast: Cast,
    /// In text order.
    pub candidates: Vec<Candidate>,
    /// A large text with its white space folded, for the draft's
    /// occurrence counts: folded on a core that the reading's first steps
    /// leave idle.
    pub folded: Option<FoldedArticle>,
}

/// Reads a text and suggests its quotes, on every core for a large text.
pub fn suggest(text: &str) -> Draft {
    let cores =
        if text.len() < CHUNKED { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()) };
    suggest_on(text, cores)
}

/// [`suggest`] read in `cores` chunks at once (one for 1).
pub fn suggest_on(text: &str, cores: usize) -> Draft {
    if cores <= 1 {
        return read_on(text, 1);
    }
    // The text is folded on another core while this one finds paragraphs,
    // labels and quotation marks, before the reading takes every core.
    std::thread::scope(|scope| {
        let folding = scope.spawn(|| FoldedArticle::new(text));
        let mut draft = read_on(text, cores);
        draft.folded = Some(folding.join().expect("folding does not panic"));
        draft
    })
}

fn read_on(text: &str, cores: usize) -> Draft {
    let paragraphs = prose::paragraphs(text);
    let statement = clauses::statement_by(text, &paragraphs);
    let mut reader = Reader {
        text,
        paragraphs: &paragraphs,
        draft: Draft::default(),
        last_speaker: None,
        last_named: None,
        statement: statement.clone(),
    };
    let mut labels: Vec<Option<(&str, usize)>> =
        paragraphs.iter().map(|p| turns::transcript_label(&text[p.clone()])).collect();
    // Labels in ordinary letters count when they recur (`Interviewer:`).
    let named: Vec<Option<(&str, usize)>> =
        paragraphs.iter().map(|p| turns::named_label(&text[p.clone()])).collect();
    let mut recurring: HashMap<&str, usize> = HashMap::new();
    for (label, _) in named.iter().flatten() {
        *recurring.entry(label).or_default() += 1;
    }
    for (slot, found) in labels.iter_mut().zip(named) {
        if slot.is_none() && found.is_some_and(|(label, _)| recurring[label] >= 2) {
            *slot = found;
        }
    }
    let transcript = labels.iter().flatten().count() >= 2;
    let mut exclusive = vec![false; paragraphs.len()];
    if transcript {
        reader.transcript(&labels, &mut exclusive);
    }
    let passages = Passages::new(marks::passages(text, &paragraphs, &exclusive), paragraphs.len());
    let chunks = chunks(text, &paragraphs, cores);
    let mut draft = if chunks.len() == 1 {
        reader.prose(&passages, &mut exclusive, 0..paragraphs.len(), 0);
        reader.draft
    } else {
        // Each chunk is read by a reader of its own from a little before
        // its start, so that pronouns and interviews find who came before;
        // what those first paragraphs yield is the chunk before's.
        let base = reader.draft;
        let drafts: Vec<Draft> = std::thread::scope(|scope| {
            let workers: Vec<_> = chunks
                .iter()
                .map(|chunk| {
                    let (cast, passages, paragraphs) = (base.cast.clone(), &passages, &paragraphs);
                    let statement = statement.clone();
                    let mut exclusive = exclusive.clone();
                    let chunk = chunk.clone();
                    scope.spawn(move || {
                        let draft = Draft { cast, ..Draft::default() };
                        let mut reader = Reader {
                            text,
                            paragraphs,
                            draft,
                            last_speaker: None,
                            last_named: None,
                            statement,
                        };
                        reader.prose(passages, &mut exclusive, chunk.warm_up..chunk.end, chunk.start);
                        reader.draft
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().expect("a reader does not panic")).collect()
        });
        let mut merged = base;
        for draft in drafts {
            let map = merged.cast.absorb(draft.cast);
            merged.candidates.extend(draft.candidates.into_iter().map(|c| Candidate {
                speaker: map[c.speaker.index()],
                via: c.via.map(|v| map[v.index()]),
                ..c
            }));
        }
        merged
    };
    draft.candidates.sort_by_key(|c| (c.start(), std::cmp::Reverse(c.end())));
    draft
}

/// The first person named with a title or rank (`Army Gen. Martin E.
/// Dempsey`) after `at`, in its paragraph or the next, when `at` is in the
/// story's opening; none when that title is another post than `noun`
/// (`Mayor Ana Ruiz` is not `the chairman`; `Army Gen.` is a rank).
fn named_next(text: &str, paragraphs: &[Range<usize>], at: usize, noun: &str) -> Option<Who> {
    let i = paragraphs.partition_point(|p| p.end <= at);
    if i >= OPENING {
        return None;
    }
    let next = paragraphs.get(i + 1).cloned().unwrap_or_default();
    // After the sentence that speaks of the post (not `of the Joint Chiefs of Staff`).
    let sentence_end = prose::sentences(text, at..paragraphs[i].end).first().map_or(at, |s| s.end);
    for range in [sentence_end..paragraphs[i].end, next] {
        let words = prose::words(text, range);
        let mut start = 0;
        while start < words.len() {
            let end = start + words[start..].iter().take_while(|w| people::in_name_run(w)).count();
            if end == start {
                start += 1;
                continue;
            }
            let who = clauses::name_of(&words, start, &words[start..end]);
            if let Some(Who::Name { title: Some(title), .. }) = &who {
                // A post or a military rank; `Mr. Netanyahu` holds no post the text said.
                let posts: Vec<&str> = title
                    .split_whitespace()
                    .filter(|w| people::is_personal_title(w) || people::is_rank(w))
                    .filter(|w| !people::is_form_of_address(w))
                    .collect();
                if !posts.is_empty() {
                    let other_post = posts
                        .iter()
                        .any(|w| !people::is_rank(w) && !w.trim_end_matches('.').eq_ignore_ascii_case(noun));
                    return who.filter(|_| !other_post);
                }
            }
            start = end;
        }
    }
    None
}

/// The paragraphs of a story's opening, where a post may be named later
/// (see [`named_next`]); the first chunk of a large text holds them all.
const OPENING: usize = 3;

/// Texts this large are read on every core, in chunks.
const CHUNKED: usize = 2 << 20;

/// How far before its chunk a reader starts: well past the reach of a
/// pronoun (4,000 bytes) and an interview's introduction.
const WARM_UP: usize = 20_000;

/// A chunk of paragraphs: read from `warm_up`, kept from `start`.
#[derive(Clone)]
struct Chunk {
    warm_up: usize,
    start: usize,
    end: usize,
}

/// The paragraphs split into one chunk per core, of about equal bytes.
fn chunks(text: &str, paragraphs: &[Range<usize>], cores: usize) -> Vec<Chunk> {
    if cores < 2 || paragraphs.len() < 2 * cores {
        return vec![Chunk { warm_up: 0, start: 0, end: paragraphs.len() }];
    }
    let mut out = Vec::with_capacity(cores);
    let mut start = 0;
    for k in 1..=cores {
        // A paragraph longer than a chunk's share leaves fewer chunks.
        if start == paragraphs.len() {
            break;
        }
        let end = if k == cores {
            paragraphs.len()
        } else {
            // The opening is read whole by the first reader.
            let least = if k == 1 { OPENING + 1 } else { start + 1 };
            paragraphs
                .partition_point(|p| p.start < text.len() * k / cores)
                .clamp(least.min(paragraphs.len()), paragraphs.len())
        };
        let from = paragraphs[start].start.saturating_sub(WARM_UP);
        let warm_up = paragraphs.partition_point(|p| p.start < from).min(start);
        out.push(Chunk { warm_up, start, end });
        start = end;
    }
    out
}

/// The quoted passages, found by the paragraphs they touch and end in.
struct Passages {
    all: Vec<Passage>,
    touching: Vec<Vec<usize>>,
    ending: Vec<Vec<usize>>,
}

impl Passages {
    fn new(all: Vec<Passage>, paragraphs: usize) -> Passages {
        let mut touching = vec![Vec::new(); paragraphs];
        let mut ending = vec![Vec::new(); paragraphs];
        for (i, passage) in all.iter().enumerate() {
            for p in passage.paragraphs.clone() {
                touching[p].push(i);
            }
            ending[passage.paragraphs.end - 1].push(i);
        }
        Passages { all, touching, ending }
    }

    fn touching(&self, p: usize) -> impl Iterator<Item = &Passage> {
        self.touching[p].iter().map(|&i| &self.all[i])
    }

    fn ending(&self, p: usize) -> impl Iterator<Item = &Passage> {
        self.ending[p].iter().map(|&i| &self.all[i])
    }
}

struct Reader<'a> {
    text: &'a str,
    paragraphs: &'a [Range<usize>],
    draft: Draft,
    /// Who spoke last in the paragraph before: the speaker of a quotation
    /// that opens a paragraph with no clause of its own.
    last_speaker: Option<PersonIx>,
    /// Who the paragraph before named last, for the same.
    last_named: Option<PersonIx>,
    /// Whose statement the text is, when it says so (`Statement by …`,
    /// `… issued the following statement:`): the speaker of its
    /// quotations that have no clause.
    statement: Option<Who>,
}

/// How many words a candidate must have to be worth a reader's time
/// without a clause that makes it a statement.
const SHORT: usize = 4;

/// Words after which a name is an object, not a subject.
const OBJECT_OF: &[&str] = &[
    "with",
    "met",
    "to",
    "by",
    "from",
    "visited",
    "of",
    "for",
    "against",
    "thanked",
    "congratulated",
    "and",
    "told",
    "tells",
    "telling",
    "asked",
    "urged",
    "accused",
];

/// People a text may bring in without a name (`A mother of five`, `A resident`), and
/// whether `she` (true) or `he` (false) stands for them, when the noun says.
const UNNAMED_PEOPLE: &[(&str, Option<bool>)] = &[
    ("mother", Some(true)),
    ("woman", Some(true)),
    ("wife", Some(true)),
    ("daughter", Some(true)),
    ("sister", Some(true)),
    ("girl", Some(true)),
    ("grandmother", Some(true)),
    ("widow", Some(true)),
    ("father", Some(false)),
    ("man", Some(false)),
    ("husband", Some(false)),
    ("son", Some(false)),
    ("brother", Some(false)),
    ("boy", Some(false)),
    ("grandfather", Some(false)),
    ("resident", None),
    ("villager", None),
    ("farmer", None),
    ("student", None),
    ("teacher", None),
    ("soldier", None),
    ("doctor", None),
    ("nurse", None),
    ("refugee", None),
    ("worker", None),
    ("witness", None),
    ("survivor", None),
    ("shopkeeper", None),
    ("trader", None),
    ("driver", None),
    ("veteran", None),
    ("voter", None),
    ("fisherman", None),
];

/// Prepositions after which a run of capitalized words names a place.
const PLACE_BEFORE: &[&str] = &["in", "at", "near", "across", "throughout", "outside", "inside"];

/// Whether the capitalized words from `start` on follow a preposition of
/// place (`in San Francisco`, `in central Tel Aviv`).
fn names_a_place(words: &[prose::Word], start: usize) -> bool {
    start > 0
        && (words[start - 1].is_any(PLACE_BEFORE)
            || (start > 1
                && words[start - 1].core().chars().all(char::is_lowercase)
                && words[start - 2].is_any(PLACE_BEFORE)))
}

/// Words that say people met: those a sentence with one names speak together after it.
const MEETING: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "spoke",
    "call",
    "talked",
    "hosted",
    "convened",
    "discuss",
    "discussed",
];

const FIRST_PERSON: &[&str] = &["i", "we", "our", "us", "me", "my", "ours"];

impl<'a> Reader<'a> {
    fn add(
        &mut self,
        parts: Vec<Range<usize>>,
        speaker: PersonIx,
        kind: Kind,
        confidence: u8,
        found_by: String,
    ) {
        let parts: Vec<Range<usize>> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        if !parts.is_empty() {
            self.draft.candidates.push(Candidate { parts, speaker, via: None, kind, confidence, found_by });
        }
    }

    fn add_span(
        &mut self,
        span: Range<usize>,
        speaker: PersonIx,
        kind: Kind,
        confidence: u8,
        found_by: String,
    ) {
        let parts = vec![span];
        self.add(parts, speaker, kind, confidence, found_by);
    }

    /// The bytes of what a report says: its runs of words, without the
    /// punctuation that ends them.
    fn report_parts(&self, words: &[prose::Word], parts: &[Range<usize>]) -> Vec<Range<usize>> {
        parts
            .iter()
            .map(|p| {
                let span = prose::trim_span(self.text, words[p.start].start..words[p.end - 1].end());
                let kept = self.text[span.clone()].trim_end_matches(['.', ',', ';', ':']).len();
                span.start..span.start + kept
            })
            .filter(|p| !p.is_empty())
            .collect()
    }

    fn unknown(&mut self) -> PersonIx {
        self.draft.cast.other("Unknown speaker", Sort::Unknown, Some("not found in the text: fix by hand"))
    }

    fn words_of(&self, range: Range<usize>) -> Vec<prose::Word<'a>> {
        prose::words(self.text, range)
    }

    /// The words of a sentence of a paragraph whose words are read: taken
    /// from them when the sentence begins and ends between words (as it
    /// nearly always does), read anew otherwise.
    fn sentence_words(&self, paragraph: &[prose::Word<'a>], sentence: Range<usize>) -> Vec<prose::Word<'a>> {
        let space_before = self.text[..sentence.start].ends_with(char::is_whitespace);
        let space_after = self.text[sentence.end..].starts_with(char::is_whitespace);
        let first = paragraph.first().map_or(usize::MAX, |w| w.start);
        let last = paragraph.last().map_or(0, prose::Word::end);
        if (space_before || sentence.start <= first) && (space_after || sentence.end >= last) {
            let from = paragraph.partition_point(|w| w.start < sentence.start);
            let to = paragraph.partition_point(|w| w.start < sentence.end);
            paragraph[from..to].to_vec()
        } else {
            self.words_of(sentence)
        }
    }

    /// Where the sentence a quotation opening at `open` stands in begins,
    /// reading from `from`: `open` itself when it opens a sentence.
    fn sentence_start(&self, from: usize, open: usize) -> usize {
        prose::sentences(self.text, from..open)
            .last()
            .map_or(from, |s| if s.end >= open { s.start } else { open })
    }

    /// `“…”` as a short, one-line quotation of the text for comments.
    fn excerpt(&self, range: Range<usize>) -> String {
        let s = one_line(&self.text[range]).into_owned();
        crate::text::truncate(&s, 60).into_owned()
    }

    /// A transcript: every paragraph from a label to the next is a turn of
    /// that label's speaker.
    fn transcript(&mut self, labels: &[Option<(&str, usize)>], exclusive: &mut [bool]) {
        let mut turn: Option<(PersonIx, &str)> = None;
        let mut speakers: HashMap<&str, PersonIx> = HashMap::new();
        let first_label = labels.iter().position(Option::is_some).unwrap_or(0);
        let interview = self.interview(&self.paragraphs[..first_label]);
        let mut turn_of: Vec<Option<(PersonIx, usize)>> = vec![None; self.paragraphs.len()];
        for (p, range) in self.paragraphs.iter().enumerate() {
            let body = match labels[p] {
                Some((label, body)) => {
                    let cast = &mut self.draft.cast;
                    let speaker = *speakers
                        .entry(label)
                        .or_insert_with(|| turns::label_speaker(self.text, label, &interview, cast));
                    turn = Some((speaker, label));
                    range.start + body
                }
                None => range.start,
            };
            let Some((speaker, label)) = turn else { continue };
            exclusive[p] = true;
            let words = &self.text[body..range.end];
            if !prose::has_lowercase(words) {
                // `END 3:30 P.M. EST`: the turns are over.
                turn = None;
                continue;
            }
            let kind = if label == "Q" && words.contains('?') { Kind::Question } else { Kind::Direct };
            let short = words.split_whitespace().count() < SHORT;
            let confidence = match (label, short) {
                (_, true) => 50,
                ("Q", _) => 90,
                _ => 95,
            };
            self.add_span(body..range.end, speaker, kind, confidence, format!("transcript turn `{label}`"));
            turn_of[p] = Some((speaker, body));
        }
        self.quoted_in_turns(&turn_of);
    }

    /// What a quotation of `speaker` quotes or reports of someone it names
    /// (`“As President Bush said, ‘…’”`, `“He told me that …”`): that
    /// person's words, passed on `via` the speaker.
    fn nested(&mut self, parts: &[Range<usize>], speaker: PersonIx) {
        for part in parts {
            self.reported_within(parts, part.clone(), speaker);
            // The part without its outer marks, but with an inner one that closes with it.
            let closing = self.text[part.end..]
                .chars()
                .take_while(|&c| prose::is_quote_mark(c))
                .map(char::len_utf8)
                .sum::<usize>();
            let part = &(part.start..part.end + closing);
            let inner = marks::passages(self.text, std::slice::from_ref(part), &[false]);
            let mut i = 0;
            while i < inner.len() {
                let passage = &inner[i];
                let mut quoted = passage.parts.clone();
                i += 1;
                // A clause after the quotation ends where the next one opens.
                let limit = inner.get(i).map_or(part.end, |next| next.open.clamp(passage.close, part.end));
                let after = self.words_of(passage.close..limit);
                let who = match clauses::clause_after(&after) {
                    Some((who, taken)) => {
                        // `‘…,’ he said. ‘…’`: one quotation in two parts.
                        let clause_end = after[taken - 1].end();
                        if let Some(next) = inner.get(i)
                            && self.text[clause_end..next.open].trim().is_empty()
                        {
                            quoted.extend(next.parts.iter().cloned());
                            i += 1;
                        }
                        Some(who)
                    }
                    None => {
                        let sentence_start = self.sentence_start(part.start, passage.open);
                        clauses::clause_before(&self.words_of(sentence_start..passage.open))
                    }
                };
                // `Gantz took me to a hotel … He said ‘Look around you.’`: the
                // one the speaker named before is who `he` is.
                let who = match who {
                    Some(Who::Pronoun { .. }) => self.named_within(parts, passage.open).or(who),
                    who => who,
                };
                self.add_nested(who, quoted, Kind::Direct, speaker);
            }
        }
    }

    /// Whether the words between a quotation's clause and the next
    /// quotation say nothing of their own: none, or the speaker's
    /// description (`said Sgt. Jason Boesen, a soldier mobilized to …`).
    fn only_describes(&self, gap: Range<usize>) -> bool {
        let between = self.text[gap.clone()].trim();
        if between.is_empty() {
            return true;
        }
        // `“We won,” Smith said. Fans cheered. “…”`: a sentence of its own
        // between the two is not the clause's; only the clause's own words are.
        let but_last = between.char_indices().last().map_or("", |(i, _)| &between[..i]);
        if self.text[..gap.start].trim_end().ends_with(['.', '!', '?']) || but_last.contains(['.', '!', '?'])
        {
            return false;
        }
        let after_comma = self.text[..gap.start].trim_end().ends_with(',') || between.starts_with(',');
        let words = self.words_of(gap);
        // `said Sgt. Jason Boesen, a soldier …`, `Little told American Forces Press Service.`
        ((after_comma && words.len() <= 30) || words.len() <= 6)
            && between.ends_with('.')
            && !words.iter().any(|w| clauses::is_verb(w) || w.raw.contains(prose::is_quote_mark))
    }

    /// Reported speech inside a part of a quotation of `speaker` (whose
    /// parts are `parts`), by someone else.
    fn reported_within(&mut self, parts: &[Range<usize>], part: Range<usize>, speaker: PersonIx) {
        if !clauses::has_verb(&self.text[part.clone()]) {
            return;
        }
        for sentence in prose::sentences(self.text, part.clone()) {
            let words = self.words_of(sentence.clone());
            if !words.iter().any(clauses::is_verb) {
                continue;
            }
            for r in reported::reported(&words) {
                let who = match &r.who {
                    // Someone named as a person, in full or with a title (what
                    // the reader knows from before would differ between chunks).
                    Who::Name { name, title, .. }
                        if name.split_whitespace().count() >= 2
                            || title
                                .as_deref()
                                .is_some_and(|t| t.split_whitespace().any(people::is_personal_title)) =>
                    {
                        r.who.clone()
                    }
                    Who::Pronoun { word, .. } if matches!(word.as_str(), "he" | "she") => {
                        match self.named_within(parts, sentence.start) {
                            Some(named) => named,
                            None => r.who.clone(),
                        }
                    }
                    _ => continue,
                };
                let parts = self.report_parts(&words, &r.parts);
                self.add_nested(Some(who), parts, Kind::Indirect, speaker);
            }
        }
    }

    /// Reported speech that opens what someone reported (`Warren said a
    /// local newspaper reported ISIL …`): the inner speaker's words, passed
    /// on `via` the outer one; with what the report goes on with after the
    /// outer clause (`then`: `…, Little said, and that …`). Only someone the words name without the
    /// text before (what a reader knows from before differs between
    /// chunks): not `he said he believed …`, nor `the minister`.
    fn reported_in_report(&mut self, said: &[prose::Word], then: &[prose::Word], speaker: PersonIx) {
        if !said.iter().any(clauses::is_verb) {
            return;
        }
        let Some(inner) = reported::reported(said).into_iter().next() else { return };
        let cast = &self.draft.cast;
        // Or someone named in full before, by surname (`Little said Hagel
        // also stated that …`, after `Defense Secretary Chuck Hagel`).
        let named_person = |who: &Who| match who {
            Who::Name { name, title, .. } => {
                name.split_whitespace().count() >= 2
                    || title.as_deref().is_some_and(|t| t.split_whitespace().any(people::is_personal_title))
                    || cast.known(name).is_some_and(|p| cast.people[p].sort == Sort::Named)
            }
            _ => false,
        };
        let named = match &inner.who {
            Who::Body { .. } | Who::Role { definite: false, .. } => true,
            Who::Joint { members, .. } => members.iter().all(named_person),
            who => named_person(who),
        };
        if !named || inner.parts.len() != 1 || inner.parts[0].start == 0 {
            return;
        }
        let Some((person, note)) = self.resolve(&inner.who) else { return };
        if person == speaker {
            return;
        }
        let mut parts = self.report_parts(said, &inner.parts);
        if then.len() > 3 && then[0].is("and") && then[1].is("that") {
            parts.extend(self.report_parts(then, std::slice::from_ref(&(2..then.len()))));
        }
        if parts.iter().map(|p| self.text[p.clone()].split_whitespace().count()).sum::<usize>() < 3 {
            return;
        }
        let by = self.draft.cast.people[speaker].name.clone();
        let before = self.draft.candidates.len();
        self.add(parts, person, Kind::Indirect, 35, format!("reported inside what {by} reported{note}"));
        if self.draft.candidates.len() > before
            && let Some(last) = self.draft.candidates.last_mut()
        {
            last.via = Some(speaker);
        }
    }

    /// The last person a quotation (its `parts`) names in full or with a
    /// title before `at`, in the paragraph of `at`; not in its clauses.
    fn named_within(&self, parts: &[Range<usize>], at: usize) -> Option<Who> {
        let paragraph = self.paragraphs.partition_point(|p| p.start <= at).checked_sub(1)?;
        let from = self.paragraphs[paragraph].start;
        parts.iter().rev().find_map(|p| self.named_in(p.start.max(from)..p.end.min(at)))
    }

    /// The last person a stretch of text names in full or with a title.
    fn named_in(&self, range: Range<usize>) -> Option<Who> {
        if range.is_empty() {
            return None;
        }
        let words = self.words_of(range);
        let mut found = None;
        let mut i = 0;
        while i < words.len() {
            let start = i;
            while i < words.len() && people::in_name_run(&words[i]) && words[i].is_capitalized() {
                i += 1;
            }
            if i == start {
                i += 1;
                continue;
            }
            if let Some(who @ Who::Name { .. }) = clauses::name_of(&words, start, &words[start..i])
                && !names_a_place(&words, start)
                && let Who::Name { name, title, .. } = &who
                && (name.split_whitespace().count() >= 2
                    || title.as_deref().is_some_and(|t| t.split_whitespace().any(people::is_personal_title)))
            {
                found = Some(who);
            }
        }
        found
    }

    /// A nested quotation by the person `who` names, when that is someone
    /// other than `via`.
    fn add_nested(&mut self, who: Option<Who>, parts: Vec<Range<usize>>, kind: Kind, via: PersonIx) {
        let cast = &mut self.draft.cast;
        let person = match who {
            // Named inside a quotation: not someone a later `he` stands for.
            Some(Who::Name { name, title, .. }) => match cast.known(&name) {
                Some(p) => p,
                None => cast.named(&name, title.as_deref()),
            },
            // `‘…,’ he said.` inside a statement: someone else than its speaker.
            Some(Who::Pronoun { word, at }) if matches!(word.as_str(), "he" | "she") => {
                let Some(p) = cast.pronoun_quoted(at, &word, via) else { return };
                p
            }
            _ => return,
        };
        if person == via || parts.iter().all(Range::is_empty) {
            return;
        }
        let name = self.draft.cast.people[person].name.clone();
        let (found_by, confidence) = match kind {
            Kind::Indirect => (format!("reported inside a quotation, by {name}"), 40),
            _ => (format!("quoted inside a quotation, from {name}"), 50),
        };
        self.add(parts, person, kind, confidence, found_by);
        if let Some(last) = self.draft.candidates.last_mut() {
            last.via = Some(via);
        }
    }

    /// Words a transcript's speaker quotes from someone they name (`Ryabkov
    /// said, “Russia could deploy forces…”`): that person's, passed on
    /// `via` the turn's speaker.
    fn quoted_in_turns(&mut self, turn_of: &[Option<(PersonIx, usize)>]) {
        let skip: Vec<bool> = turn_of.iter().map(Option::is_none).collect();
        for passage in marks::passages(self.text, self.paragraphs, &skip) {
            let p = passage.paragraphs.start;
            let Some((turn_speaker, body)) = turn_of[p] else { continue };
            // A mark before the turn's label opens nothing inside the turn.
            if passage.open < body {
                continue;
            }
            let range = self.paragraphs[passage.paragraphs.end - 1].clone();
            let after = self.words_of(passage.close..range.end);
            let before = self.words_of(self.sentence_start(body, passage.open)..passage.open);
            let who = match clauses::clause_after(&after) {
                Some((who, _)) => Some(who),
                None => clauses::clause_before(&before),
            };
            self.add_nested(who, passage.parts.clone(), Kind::Direct, turn_speaker);
        }
    }

    /// Who an interview is by and with, from the paragraphs before its
    /// first question.
    fn interview(&self, intro: &[Range<usize>]) -> turns::Interview {
        let mut interview = turns::Interview::default();
        for range in intro {
            let para = &self.text[range.clone()];
            let byline = ["Interview by ", "Interviewed by ", "Questions by "]
                .iter()
                .find_map(|p| para.strip_prefix(p));
            if let Some(name) = byline {
                let words = prose::words(name, 0..name.len());
                interview.interviewer = people::split_name(&words).map(|(n, _)| n);
                continue;
            }
            if para.starts_with("By ") || interview.interviewee.is_some() {
                continue;
            }
            let words = self.words_of(range.clone());
            let mut i = 0;
            while i < words.len() && interview.interviewee.is_none() {
                let start = i;
                while i < words.len() && people::in_name_run(&words[i]) && words[i].is_capitalized() {
                    i += 1;
                }
                if i > start
                    && let Some((name, _)) = people::split_name(&words[start..i])
                    && name.split_whitespace().count() >= 2
                    && Some(&name) != interview.interviewer.as_ref()
                {
                    interview.interviewee = Some(name);
                }
                i += 1;
            }
        }
        interview
    }

    /// Paragraphs of prose (and of a press interview) in order.
    /// Reads `paragraphs`, keeping the candidates from paragraph `keep` on.
    fn prose(&mut self, passages: &Passages, exclusive: &mut [bool], paragraphs: Range<usize>, keep: usize) {
        let mut interviewee: Option<PersonIx> = None;
        let mut answering: Option<PersonIx> = None;
        // The transcript's candidates, found before, stay.
        let before = self.draft.candidates.len();
        let mut kept_from = before;
        for p in paragraphs {
            let range = &self.paragraphs[p];
            if p == keep {
                kept_from = self.draft.candidates.len();
            }
            if exclusive[p] {
                continue;
            }
            let para = &self.text[range.clone()];
            if let Some((label, body)) = turns::interview_label(para) {
                let asker = self.draft.cast.other(label, Sort::Label, Some("the interviewer"));
                let words = &para[body..];
                let kind = if words.contains('?') { Kind::Question } else { Kind::Direct };
                let label_text = self.excerpt(range.start..range.start + body);
                self.add_span(
                    range.start + body..range.end,
                    asker,
                    kind,
                    85,
                    format!("interview question `{label_text}`"),
                );
                exclusive[p] = true;
                answering = None;
                continue;
            }
            if let Some(body) = turns::dash_answer(para) {
                let (speaker, found_by) = match interviewee {
                    Some(i) => (
                        i,
                        format!("answer after a dash: {}, introduced before", self.draft.cast.people[i].name),
                    ),
                    None => {
                        (self.unknown(), "answer after a dash, with nobody introduced before".to_string())
                    }
                };
                self.add_span(range.start + body..range.end, speaker, Kind::Direct, 80, found_by);
                exclusive[p] = true;
                answering = Some(speaker);
                continue;
            }
            if let Some(speaker) = answering
                && let Some(first_person) = self.continues_answer(range.clone(), passages, p)
            {
                let confidence = if first_person { 60 } else { 45 };
                let name = &self.draft.cast.people[speaker].name;
                let found_by = format!("answer of {name} going on in the next paragraph");
                self.add_span(range.clone(), speaker, Kind::Direct, confidence, found_by);
                exclusive[p] = true;
                continue;
            }
            answering = None;
            if let Some(introduced) = self.narration(p, range.clone(), passages, exclusive) {
                interviewee = Some(introduced);
            }
        }
        self.draft.candidates.drain(before..kept_from);
    }

    /// Whether a paragraph after an answer goes on with it: a sentence of
    /// some length that introduces nobody and quotes nobody. Some(true)
    /// when it speaks in the first person.
    fn continues_answer(&self, range: Range<usize>, passages: &Passages, p: usize) -> Option<bool> {
        let para = &self.text[range.clone()];
        let words = self.words_of(range.clone());
        let ends_sentence = para.trim_end_matches(prose::is_quote_mark).ends_with(['.', '?', '!', '…']);
        if words.len() < 5 || !ends_sentence || para.starts_with(prose::is_quote_mark) {
            return None;
        }
        if passages.touching(p).next().is_some() {
            return None;
        }
        for sentence in prose::sentences(self.text, range) {
            let sw = self.words_of(sentence);
            if reported::reported(&sw)
                .iter()
                .any(|r| matches!(r.who, Who::Name { .. } | Who::Role { definite: false, .. }))
            {
                return None;
            }
        }
        Some(words.iter().any(|w| w.is_any(FIRST_PERSON)))
    }

    /// A paragraph of prose: the people it names, its quotations and its
    /// reported speech. Returns the person it introduces, if any: the
    /// speaker of a dash-led answer that may follow.
    fn narration(
        &mut self,
        p: usize,
        range: Range<usize>,
        passages: &Passages,
        exclusive: &[bool],
    ) -> Option<PersonIx> {
        let quoted: Vec<Range<usize>> = passages
            .touching(p)
            .map(|q| q.open.max(range.start)..q.close.max(q.open).min(range.end).max(range.start))
            .collect();
        let inside = |at: usize| quoted.iter().any(|q| q.contains(&at));
        // A headline or crosshead in title case (`Harris Rejects Isolationism`,
        // `Huge Investments`) names nobody.
        let paragraph = &self.text[range.clone()];
        let headline = (p == 0 || paragraph.split_whitespace().count() <= 8) && prose::is_headline(paragraph);
        let paragraph_words = self.words_of(range.clone());
        let mut introduced = if headline { None } else { self.mentions(&paragraph_words, &inside) };
        let previous_speaker = self.last_speaker.take();
        let named_before = self.last_named.take();
        let named_here = introduced;
        let mut speaker_here: Option<PersonIx> = None;
        // Who the quotations' clauses newly name (`“…,” said a defense ministry
        // spokesman. He said that …`) is known before the reported speech
        // after them is read.
        let ending: Vec<&Passage> = passages.ending(p).collect();
        for (i, passage) in ending.iter().enumerate() {
            // A clause is a few words, and ends where the next quotation opens.
            let limit = ending.get(i + 1).map_or(range.end, |next| next.open.clamp(passage.close, range.end));
            let rest = &self.text[passage.close..limit];
            let end = rest.char_indices().nth(160).map_or(limit, |(i, _)| passage.close + i);
            let after = self.words_of(passage.close..end);
            if let Some((who @ (Who::Name { .. } | Who::Role { definite: false, .. }), _)) =
                clauses::clause_after(&after)
            {
                self.resolve(&who);
            }
        }
        // Reported speech, sentence by sentence.
        let mut reported_spans: Vec<(Range<usize>, PersonIx)> = Vec::new();
        for sentence in prose::sentences(self.text, range.clone()) {
            let words = self.sentence_words(&paragraph_words, sentence.clone());
            self.meeting(sentence.clone(), &words);
            // A sentence that is a quotation to its end; one that opens
            // with quoted words and goes on is reported speech around them.
            let closes = |q: &Range<usize>| {
                q.contains(&sentence.start)
                    && (!self.text[q.start..sentence.start].chars().all(prose::is_quote_mark)
                        || self.text[q.end.min(sentence.end)..sentence.end].trim().len() < 3)
            };
            // A headline's `Experts Say …` only announces what the text reports.
            if headline || quoted.iter().any(closes) {
                continue;
            }
            for (n, r) in reported::reported(&words).into_iter().enumerate() {
                let first = r.parts[0].start;
                let quoted_before = if n == 0 { &words[..first] } else { &words[first..=first] };
                if quoted_before.iter().any(|w| inside(w.start)) {
                    continue;
                }
                let parts = self.report_parts(&words, &r.parts);
                let said: usize = parts.iter().map(|p| self.text[p.clone()].split_whitespace().count()).sum();
                // `called for unity and said …`: an object cut short by the next
                // verb of the same subject is said all the same.
                let end = r.parts.last().map_or(0, |p| p.end);
                let cut_by_a_verb = words.get(end).is_some_and(|w| w.is_any(&["and", "but"]))
                    && words.get(end + 1).is_some_and(clauses::is_verb);
                if said < 3 && !(cut_by_a_verb && said >= 1) {
                    continue;
                }
                let clause = match (r.parts.first(), r.parts.get(1), r.parts.last()) {
                    (Some(p), ..) if p.start > 0 => 0..p.start,
                    (Some(p), Some(q), _) => p.end..q.start,
                    (_, _, Some(p)) => p.end..words.len(),
                    _ => continue,
                };
                let clause = if clause.is_empty() {
                    String::new()
                } else {
                    self.excerpt(words[clause.start].start..words[clause.end - 1].end())
                };
                let (speaker, note, confidence) = match self.resolve(&r.who) {
                    Some((speaker, note)) => (speaker, note, r.confidence),
                    None => (self.unknown(), ", but nobody it could stand for".to_string(), 20),
                };
                if matches!(r.who, Who::Name { .. } | Who::Role { definite: false, .. }) {
                    introduced = Some(speaker);
                }
                let found_by = format!("reported speech: `{clause}`{note}");
                let whole = parts[0].start..parts[parts.len() - 1].end;
                reported_spans.push((whole, speaker));
                self.add(parts, speaker, Kind::Indirect, confidence, found_by);
                if confidence > 20 {
                    self.last_speaker = Some(speaker);
                }
                match &r.parts[..] {
                    [only] => self.reported_in_report(&words[only.clone()], &[], speaker),
                    [first, then] => {
                        self.reported_in_report(&words[first.clone()], &words[then.clone()], speaker)
                    }
                    _ => {}
                }
            }
        }
        // Quotations that end in this paragraph.
        let mine: Vec<&Passage> =
            passages.ending(p).filter(|q| !q.paragraphs.clone().any(|i| exclusive[i] && i != p)).collect();
        let mut skip_next = false;
        for (i, passage) in mine.iter().enumerate() {
            if std::mem::take(&mut skip_next) {
                continue;
            }
            // Quoted words inside reported speech: a mixed quote, the
            // words the reporter quotes are the speaker's own.
            if let Some((_, speaker)) =
                reported_spans.iter().find(|(r, _)| r.start <= passage.open && passage.close <= r.end + 3)
            {
                let found_by = "quoted words inside reported speech".to_string();
                self.add(passage.parts.clone(), *speaker, Kind::Direct, 50, found_by);
                continue;
            }
            let paragraph_start = self.paragraphs[passage.paragraphs.start].start;
            // A clause after the quotation ends where the next one opens.
            let limit = mine.get(i + 1).map_or(range.end, |next| next.open.clamp(passage.close, range.end));
            let after = self.words_of(passage.close..limit);
            let mut parts = passage.parts.clone();
            let words_in: usize = parts.iter().map(|r| self.text[r.clone()].split_whitespace().count()).sum();
            let question = self.text[parts[parts.len() - 1].clone()].ends_with('?');
            let kind = if question { Kind::Question } else { Kind::Direct };
            let attribution = if let Some((who, taken)) = clauses::clause_after(&after) {
                let clause_end = after[taken - 1].end();
                // “We will not,” he said, “go back.” — and “…,” he said.
                // “…” — one quote in parts, the clause left out.
                if let Some(next) = mine.get(i + 1)
                    && self.only_describes(clause_end..next.open)
                {
                    parts.extend(next.parts.iter().cloned());
                    skip_next = true;
                }
                let confidence = match who {
                    Who::Name { .. } | Who::Body { .. } | Who::Joint { .. } => 90,
                    Who::Pronoun { .. } => 85,
                    Who::Role { .. } => 80,
                };
                let clause = self.excerpt(passage.close..clause_end);
                Some((who, confidence, format!("quotation, then `{clause}`")))
            } else {
                self.clause_before(passage)
            };
            let opens_paragraph = passage.open == paragraph_start;
            let (speaker, confidence, found_by) = match attribution {
                Some((who, confidence, pattern)) => match self.resolve(&who) {
                    Some((speaker, note)) => (speaker, confidence, format!("{pattern}{note}")),
                    None => (self.unknown(), 30, format!("{pattern}, but nobody it could stand for")),
                },
                None if words_in < SHORT => continue,
                None => match (speaker_here, opens_paragraph, previous_speaker, named_before) {
                    (None, _, None, _) if let Some((speaker, by)) = self.statement_speaker(passage.open) => {
                        (speaker, 60, format!("quotation in a statement by {by}"))
                    }
                    (Some(speaker), ..) => {
                        let name = &self.draft.cast.people[speaker].name;
                        (speaker, 75, format!("quotation going on after {name}'s in the same paragraph"))
                    }
                    (None, true, Some(speaker), _) => {
                        let name = &self.draft.cast.people[speaker].name;
                        (speaker, 45, format!("quotation opening a paragraph, after {name} spoke"))
                    }
                    (None, true, None, Some(speaker)) => {
                        let name = &self.draft.cast.people[speaker].name;
                        (speaker, 40, format!("quotation opening a paragraph, after {name} was named"))
                    }
                    _ => (self.unknown(), 25, "quotation with no reporting clause".to_string()),
                },
            };
            self.add(parts.clone(), speaker, kind, confidence, found_by);
            if self.draft.cast.people[speaker].sort != Sort::Unknown {
                self.last_speaker = Some(speaker);
                speaker_here = Some(speaker);
                self.nested(&parts, speaker);
            }
        }
        self.last_named = named_here.or(introduced);
        introduced
    }

    /// The reporting clause before a quotation: in its sentence (`Sherman
    /// said: “…`), at the end of the paragraph before when that ends with
    /// a colon (`She told the meeting:`), or the subject of a reporting
    /// verb earlier in the sentence (`Dąbek called the decision «a betrayal»`).
    fn clause_before(&self, passage: &Passage) -> Option<(Who, u8, String)> {
        let first = self.paragraphs[passage.paragraphs.start].clone();
        let sentence_start = self.sentence_start(first.start, passage.open);
        let before = self.words_of(sentence_start..passage.open);
        if let Some(who) = clauses::clause_before(&before) {
            let clause = self.excerpt(sentence_start..passage.open);
            return Some((who, 85, format!("`{clause}` then a quotation")));
        }
        if passage.open == first.start && passage.paragraphs.start > 0 {
            let previous = self.paragraphs[passage.paragraphs.start - 1].clone();
            if self.text[previous.clone()].ends_with(':') {
                let last = prose::sentences(self.text, previous).pop()?;
                let who = clauses::clause_before(&self.words_of(last.clone()))?;
                let clause = self.excerpt(last);
                return Some((who, 80, format!("`{clause}` then a quotation in the next paragraph")));
            }
        }
        // Two or three words in quote marks inside a sentence are a phrase
        // held at a distance (the so-called “reset”), not a quotation.
        if let Some(who) = clauses::naming_subject(&before) {
            let clause = self.excerpt(sentence_start..passage.open);
            return Some((who, 60, format!("quoted words after a verb that names them: `{clause}`")));
        }
        let words_in: usize =
            passage.parts.iter().map(|r| self.text[r.clone()].split_whitespace().count()).sum();
        if words_in < SHORT {
            return None;
        }
        let who = clauses::reporting_subject(&before)?;
        let clause = self.excerpt(sentence_start..passage.open);
        Some((who, 60, format!("quoted words in a sentence that reports them: `{clause}`")))
    }

    /// Notes the people a paragraph names outside quotations; returns the
    /// last of them.
    fn mentions(&mut self, words: &[prose::Word<'a>], inside: &dyn Fn(usize) -> bool) -> Option<PersonIx> {
        let mut last = None;
        let mut last_subject = None;
        // Where the last run named as an object ended: `with A, B, and C` names three.
        let mut objects_end = None;
        // Where the last run naming someone ended.
        let mut named_end = None;
        let mut i = 0;
        while i < words.len() {
            if !(people::in_name_run(&words[i]) && words[i].is_capitalized()) || inside(words[i].start) {
                i += 1;
                continue;
            }
            let start = i;
            // `Sergei Lavrov Wednesday called`: a day ends the name.
            while i < words.len()
                && people::in_name_run(&words[i])
                && !inside(words[i].start)
                && !(i > start && words[i].is_any(reported::WHEN))
            {
                i += 1;
                let last = &words[i - 1];
                // `South Africa’s G20 presidency`: a possessive ends the name.
                let possessive = last.raw.ends_with("’s") || last.raw.ends_with("'s");
                if possessive
                    || (last.ends_with_any(&[',', '.', ':', ';', '?', '!', ')'])
                        && !people::period_within_name(last))
                {
                    break;
                }
            }
            let run = &words[start..i];
            // `told RIA Novosti`: who is told is not who speaks; `Harold
            // Quist’s grandson` is about someone else.
            let possessive = run.last().is_some_and(|w| w.raw.ends_with("’s") || w.raw.ends_with("'s"));
            if (start > 0 && words[start - 1].is("told")) || possessive {
                continue;
            }
            let Some(Who::Name { name, title, .. }) = clauses::name_of(words, start, run) else { continue };
            if people::split_name(run).is_none() {
                continue;
            }
            // `Christian Balslev-Olesen, U.N. Humanitarian Coordinator for Somalia`: the post of the
            // one just named (not `…, Martin Luther King`, a name that ends in a title's word).
            let post = run
                .last()
                .is_some_and(|w| people::ROLE_NOUNS.has(w.core()) || people::is_title(w.core()))
                && (people::is_initials(&run[0]) || run[0].is_acronym() || people::is_title(run[0].core()));
            if post && start > 0 && words[start - 1].ends_with_any(&[',']) && named_end == Some(start) {
                continue;
            }
            // `met with President Yudhoyono`, `the party of candidate
            // Ernest Koroma`: named as an object.
            // `Secretary of State Antony J. Blinken`: the `of` of a title.
            let title_of = start > 1 && words[start - 1].is("of") && words[start - 2].is_capitalized();
            let listed = start > 0
                && ((objects_end == Some(start) && words[start - 1].ends_with_any(&[',']))
                    || (objects_end == Some(start - 1) && words[start - 1].is("and")));
            // `told VOA reporter James Butty`: a post between the verb and the name.
            let object_before = |k: usize| {
                start >= k
                    && words[start - k].is_any(OBJECT_OF)
                    && words[start - k + 1..start].iter().all(|w| {
                        !w.ends_with_any(&[',', '.', ';', ':']) && (!w.is_capitalized() || w.is_acronym())
                    })
            };
            // `told VOA English to Africa reporter Peter Clottey`: the one told, after a post.
            let told_post = start >= 2
                && (words[start - 1].is_any(&["reporter", "correspondent", "journalist", "host"])
                    || people::ROLE_NOUNS.has(words[start - 1].core())
                    || people::is_title(words[start - 1].core()))
                && (2..=8).any(|k| {
                    start >= k
                        && words[start - k].is_any(&["told", "tells", "telling", "asked"])
                        && words[start - k + 1..start]
                            .iter()
                            .all(|w| !w.ends_with_any(&[',', '.', ';', ':']) && !clauses::is_verb(w))
                });
            let object = listed || !title_of && ((1..=3).any(object_before) || told_post);
            let several = name.split_whitespace().count() >= 2;
            let titled = title
                .as_deref()
                .and_then(|t| t.split_whitespace().last())
                .is_some_and(people::is_personal_title);
            // `met … in San Francisco`, `The mayor of Lesk`: a place; `the
            // chairman of the Joint Chiefs of Staff`: an institution.
            let of_the = start > 1 && words[start - 1].is("the") && words[start - 2].is("of");
            // `From Cape Town, he reacted …`
            let from_place = start > 0
                && words[start - 1].raw == "From"
                && run.last().is_some_and(|w| w.ends_with_any(&[',']));
            let of_place = (start > 0 && words[start - 1].is("of") && run.len() == 1) || from_place;
            // `the local Daily Nation newspaper`: a name of a thing, not of a person.
            let of_a_thing = words.get(i).is_some_and(|w| w.is_any(NAMED_THINGS));
            if of_the
                || of_place
                || of_a_thing
                || (!titled && (names_a_place(words, start) || (start > 0 && words[start - 1].is("the"))))
            {
                continue;
            }
            if object && (several || titled) {
                objects_end = Some(i);
            }
            if several || titled {
                named_end = Some(i);
                let person = self.draft.cast.named(&name, title.as_deref());
                self.draft.cast.mention_as(run[0].start, person, object);
                // `a man named Harold Quist, could not bring himself…`
                let rest = words[i..].iter().take(12).take_while(|w| !w.ends_with_any(&['.', '?', '!']));
                if let Some(female) = rest.filter(|w| !inside(w.start)).find_map(|w| match w.core() {
                    "he" | "himself" => Some(false),
                    "she" | "herself" => Some(true),
                    _ => None,
                }) {
                    self.draft.cast.gender(person, female);
                }
                last = Some((person, object));
            } else if let Some(person) = self.draft.cast.known(&name) {
                self.draft.cast.mention_as(run[0].start, person, object);
                last = Some((person, object));
            }
            if let Some((person, false)) = last {
                last_subject = Some(person);
            }
        }
        self.unnamed(words, inside);
        // `Another expert, Bong Young-shik, doubts the commitment made by Kim`: Bong.
        last_subject.or(last.map(|(person, _)| person))
    }

    /// Notes the people a sentence opens with but does not name (`A mother
    /// of five young children was clinging …`): a `she` after may be hers.
    fn unnamed(&mut self, words: &[prose::Word], inside: &dyn Fn(usize) -> bool) {
        for (a, article) in words.iter().enumerate() {
            let opens = a == 0 || words[a - 1].ends_with_any(&['.', '?', '!']);
            if !opens || !article.is_any(&["a", "an"]) || inside(article.start) {
                continue;
            }
            let known = |n: usize| UNNAMED_PEOPLE.iter().find(|(noun, _)| words[n].is(noun));
            let Some((noun, &(_, female))) =
                (a + 1..words.len().min(a + 4)).find_map(|n| Some((n, known(n)?)))
            else {
                continue;
            };
            if words[a..noun].iter().any(|w| {
                w.ends_with_any(&[',', '.', ':', ';']) || (w.is_capitalized() && w.start != article.start)
            }) {
                continue;
            }
            // `A man was found dead …`: one things were done to, not one who speaks.
            let rest = &words[noun + 1..words.len().min(noun + 8)];
            let done_to = |w: &[prose::Word]| {
                let participle = w[1].core().ends_with("ed")
                    || w[1].core().ends_with("en")
                    || w[1].is_any(&[
                        "found", "shot", "hit", "held", "hurt", "caught", "left", "brought", "sent", "kept",
                        "struck",
                    ]);
                w[0].is_any(&["was", "were"]) && participle
            };
            if rest.windows(2).any(done_to) {
                continue;
            }
            let phrase: Vec<&str> = words[a..=noun].iter().map(|w| w.core()).collect();
            let person = self.draft.cast.other(&phrase.join(" "), Sort::Unnamed, None);
            self.draft.cast.people[person].female = female;
            self.draft.cast.mention(article.start, person);
        }
    }

    /// The people a sentence says met or spoke together (`Sullivan met
    /// today with Suh Hoon`) become a group, that `both`, `they` or `the
    /// participants` after it stand for.
    fn meeting(&mut self, sentence: Range<usize>, words: &[prose::Word]) {
        if !words.iter().any(|w| w.is_any(MEETING)) {
            return;
        }
        let people = self.draft.cast.mentioned(sentence.clone());
        if people.len() >= 2 {
            let group = self.draft.cast.group(&people);
            let last =
                self.draft.cast.mentions_in(sentence.clone()).last().map_or(sentence.end, |m| m.at + 1);
            self.draft.cast.mention(last, group);
        }
    }

    /// The person whose statement the text is, as known at `at`, and how
    /// the text names them.
    fn statement_speaker(&mut self, at: usize) -> Option<(PersonIx, String)> {
        let who = self.statement.clone()?;
        let by = match &who {
            Who::Name { name, .. } | Who::Body { name, .. } => name.clone(),
            Who::Role { phrase, .. } => phrase.clone(),
            _ => return None,
        };
        // `NASA Administrator Statement on …`: the administrator named in the text.
        if let Who::Body { name, .. } | Who::Role { phrase: name, .. } = &who
            && let Some(noun) = name.split_whitespace().last().map(str::to_lowercase)
            && let Some(person) = self.draft.cast.role(at, &noun)
            && self.draft.cast.people[person].sort == Sort::Named
        {
            return Some((person, by));
        }
        self.resolve(&who).map(|(person, _)| (person, by))
    }

    /// The speaker a clause names, and a note on how it was resolved.
    fn resolve(&mut self, who: &Who) -> Option<(PersonIx, String)> {
        let cast = &mut self.draft.cast;
        Some(match who {
            Who::Body { name, at } => {
                // `Park said`, after `Mayor Ellen Park`: her surname.
                let surname = Some(name.as_str())
                    .filter(|n| !n.contains(' '))
                    .and_then(|n| cast.known(n))
                    .filter(|&p| cast.people[p].sort == Sort::Named);
                // `The committee said`: the one named before, if any.
                let person = match name.split_whitespace().collect::<Vec<_>>()[..] {
                    _ if let Some(person) = surname => person,
                    [noun] => {
                        cast.institution(*at, noun).unwrap_or_else(|| cast.other(name, Sort::Body, None))
                    }
                    // `A newspaper report … says` ¶ `The story … says`: the writing spoken of before.
                    ["The", noun] if clauses::DOCUMENTS.contains(&noun.to_lowercase().as_str()) => {
                        cast.writing(*at, noun).unwrap_or_else(|| cast.other(name, Sort::Body, None))
                    }
                    _ => cast.other(name, Sort::Body, None),
                };
                cast.mention(*at, person);
                (person, String::new())
            }
            Who::Name { name, title, at } => {
                let person = match cast.known(name) {
                    Some(p) if name.split_whitespace().count() == 1 && title.is_none() => p,
                    _ => cast.named(name, title.as_deref()),
                };
                cast.mention(*at, person);
                (person, String::new())
            }
            Who::Pronoun { word, at } => {
                let person = cast.pronoun(*at, word)?;
                (person, format!(" ({word} → {})", cast.people[person].name))
            }
            Who::Role { noun, phrase, definite: true, at } => {
                let capitalized =
                    phrase.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_uppercase));
                // `the scientists`: those the text spoke of together, or unnamed.
                let plural = noun.ends_with('s') && !noun.ends_with("ss") && people::ROLE_NOUNS.has(noun);
                // `the U.K. shipping line's top official`: whose official it
                // is says someone new, unless one who holds the post was met.
                let possessed = phrase.split_whitespace().any(|w| w.ends_with("'s") || w.ends_with("’s"));
                // `The woman says`: one the text called so, else someone new.
                let crowd = people::PEOPLE.has(noun) && !people::ROLE_NOUNS.has(noun);
                let found = if plural {
                    cast.plural_role(*at, noun)
                } else if crowd {
                    cast.unnamed(*at, noun)
                } else if possessed {
                    cast.role_holder(*at, noun)
                } else if capitalized {
                    cast.principal(*at, noun)
                } else {
                    cast.role(*at, noun)
                };
                // A news story's opening line speaks of someone by their post
                // and names them in the next paragraph (`the chairman of the
                // Joint Chiefs of Staff said` ¶ `Army Gen. Martin E. Dempsey`).
                let found = found.or_else(|| {
                    let introduced = (!plural && !crowd && !cast.anyone_named_before(*at))
                        .then(|| named_next(self.text, self.paragraphs, *at, noun))
                        .flatten()?;
                    let Who::Name { name, title, at: named_at } = introduced else { return None };
                    let person = cast.named(&name, title.as_deref());
                    cast.mention(named_at, person);
                    Some(person)
                });
                let Some(person) = found else {
                    // A post nobody named holds: `The governor` speaks as such.
                    if !people::is_personal_title(noun) && !plural && !possessed && !crowd {
                        return None;
                    }
                    let person =
                        cast.other(&prose::capitalize(&format!("the {phrase}")), Sort::Unnamed, None);
                    cast.mention(*at, person);
                    return Some((person, String::new()));
                };
                cast.alias(person, &format!("the {phrase}"));
                (person, format!(" (the {phrase} → {})", cast.people[person].name))
            }
            Who::Joint { members, at } => {
                let mut people: Vec<PersonIx> = Vec::new();
                for member in members {
                    if let Some((p, _)) = self.resolve(member)
                        && !people.contains(&p)
                    {
                        people.push(p);
                    }
                }
                let cast = &mut self.draft.cast;
                match people[..] {
                    [] => return None,
                    [one] => (one, String::new()),
                    _ => {
                        let group = cast.group(&people);
                        cast.mention(*at, group);
                        (group, String::new())
                    }
                }
            }
            Who::Role { noun, phrase, definite: false, at } => {
                let name = prose::capitalize(phrase);
                // `A resident said …` twice is two people; `A senior official`, one source.
                let crowd = people::PEOPLE.has(noun) || matches!(noun.as_str(), "resident" | "witness");
                let person = if crowd && people::is_one_of_many(&name) {
                    cast.one_of_many(&name, *at)
                } else {
                    cast.other(&name, Sort::Unnamed, None)
                };
                cast.mention(*at, person);
                (person, String::new())
            }
        })
    }
}
