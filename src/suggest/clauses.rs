//! Reporting clauses: who a quotation is by (`“…,” said Ryabkov`, `“…,”
//! he told reporters`, `Sherman said: “…”`, `according to the diplomat`,
//! `” – Secretary … Austin III`), the subjects and names they are made of,
//! and whose statement a text is. Reported speech, which is found with
//! these, is [`super::reported`]'s. These are the patterns
//! of the rule-based quotation extractors in the literature (Pouliquen et
//! al.'s three, the `"Q", said S` seed of Quootstrap), read over words.

use super::people::{
    ROLE_NOUNS, in_name_run, is_initials, is_personal_title, is_rank, is_title, period_within_name,
    split_name,
};
use super::prose::{Lexicon, Word};
use std::ops::Range;

/// The forms of the verbs that report speech.
static VERBS: Lexicon = Lexicon::new(&[
    "agrees",
    "thanked",
    "allege",
    "alleges",
    "claim",
    "alleged",
    "requested",
    "offered",
    "voiced",
    "raised",
    "recognized",
    "hailed",
    "hails",
    "lauded",
    "denounced",
    "criticized",
    "underscores",
    "welcomes",
    "condemns",
    "expresses",
    "affirms",
    "highlights",
    "praises",
    "commends",
    "reaffirmed",
    "cited",
    "encouraged",
    "found",
    "report",
    "reports",
    "extended",
    "rejected",
    "credited",
    "write",
    "note",
    "caution",
    "cautions",
    "stress",
    "warn",
    "argue",
    "explain",
    "emphasize",
    "suggest",
    "conclude",
    "concludes",
    "insist",
    "call",
    "calls",
    "reaffirms",
    "highlighted",
    "expressed",
    "welcomed",
    "condemned",
    "affirmed",
    "restated",
    "conveyed",
    "praised",
    "commended",
    "applauded",
    "outlined",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "warned",
    "wondered",
    "demanded",
    "demands",
    "objected",
    "objects",
    "warns",
    "explained",
    "explains",
    "insisted",
    "insists",
    "argued",
    "argues",
    "asked",
    "asks",
    "replied",
    "replies",
    "answered",
    "answers",
    "declared",
    "declares",
    "stated",
    "states",
    "emphasized",
    "emphasizes",
    "emphasised",
    "emphasises",
    "continued",
    "wrote",
    "writes",
    "claimed",
    "claims",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "acknowledge",
    "recalled",
    "recalls",
    "concluded",
    "announced",
    "announces",
    "remarked",
    "suggested",
    "suggests",
    "believes",
    "believed",
    "thinks",
    "think",
    "thought",
    "urged",
    "urges",
    "commented",
    "asserted",
    "asserts",
    "observed",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "confirm",
    "estimated",
    "estimates",
    "indicated",
    "indicates",
    "predicted",
    "predicts",
    "promised",
    "reiterated",
    "reiterates",
    "described",
    "describes",
    "accused",
    "accuses",
    "accuse",
    "fear",
    "fears",
    "feared",
    "charged",
    "threatened",
    "threatens",
    "threatening",
    "called",
    "complained",
    "vowed",
    "maintained",
    "maintains",
    "considers",
    "considered",
    "underlined",
    "underscored",
    "pointed",
    "indicated",
    "responded",
    "reported",
    "cautioned",
    "conceded",
    "agreed",
    "hopes",
    "hope",
    "hoped",
    "believe",
    "worry",
    "worries",
    "hoped",
    "expects",
    "expected",
    "assured",
]);

/// Words that may stand between a subject and its verb (`he also said`,
/// `Ryabkov has repeatedly warned`).
const BETWEEN: &[&str] = &[
    // `Ivorian military officials Sunday said`
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "also",
    "later",
    "then",
    "further",
    "again",
    "once",
    "recently",
    "previously",
    "earlier",
    "repeatedly",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "are",
    "would",
    "will",
    "even",
    "only",
    "however",
    "firmly",
    "openly",
    "bluntly",
    "publicly",
    "separately",
    "personally",
    "flatly",
    "simply",
    "just",
    "already",
    "largely",
    "broadly",
    "widely",
    "generally",
    "roundly",
    "sharply",
    "strongly",
    "jointly",
    "unanimously",
    "formally",
    "officially",
    "explicitly",
    "immediately",
    "consistently",
    "privately",
    "clearly",
    "reportedly",
    "initially",
    "ultimately",
    "angrily",
    "bitterly",
    "harshly",
    "vehemently",
    "forcefully",
    "emphatically",
    "swiftly",
    "quickly",
    "cautiously",
    "reluctantly",
    "quietly",
    "loudly",
];

/// Verbs whose presence before a subject shows it belongs to another clause.
pub(super) const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "analyzing",
    "analysing",
    "asking",
    "know",
    "knows",
    "see",
    "saw",
];

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];
pub(super) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them"];
pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "one", "another", "our", "their", "his", "her", "its"];

/// Lower-case words that cannot open the clause after `said`.
pub(super) const NOT_A_SUBJECT: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "to",
    "of",
    "for",
    "with",
    "from",
    "by",
    "about",
    "while",
    "when",
    "as",
    "and",
    "but",
    "or",
    "so",
    "not",
    "nothing",
    "little",
    "much",
    "more",
    "earlier",
    "later",
    "again",
    "also",
    "only",
    "repeatedly",
    "previously",
    "recently",
    "here",
    "there",
    "then",
    "last",
    "this",
    "next",
    "late",
    "early",
    "over",
    "through",
    "via",
    "into",
    "under",
    "without",
    "against",
    "if",
];

/// Whether a stretch of text has a verb of speech at all (cheaper than
/// reading it into words).
pub fn has_verb(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphabetic());
        core.starts_with(|c: char| c.is_lowercase()) && VERBS.has(core)
    })
}

pub fn is_verb(word: &Word) -> bool {
    let core = word.core();
    VERBS.has(core) && !core.chars().next().is_some_and(char::is_uppercase)
}

/// Who a clause names as the speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A name: a person (`Sergey Ryabkov`, with its title) or an
    /// institution (`Moscow`, `The Kremlin`, one word).
    Name { name: String, title: Option<String>, at: usize },
    /// An institution: `The Kremlin`, `NATO`, `the Halloway Lake Trust`.
    Body { name: String, at: usize },
    /// `he`, `she`, `they`.
    Pronoun { word: String, at: usize },
    /// `the diplomat` (refers back) or `a source close to the talks` (new).
    Role { noun: String, phrase: String, definite: bool, at: usize },
    /// Several speaking as one: `Mr. Sullivan and Mr. Suh`.
    Joint { members: Vec<Who>, at: usize },
}

/// Words that open a clause of their own: what follows them is no subject
/// of the sentence (`When officials say …, they mean …`).
const SUBORDINATORS: &[&str] =
    &["what", "how", "why", "when", "if", "as", "because", "while", "although", "since", "unless", "whether"];

/// Words that open a clause of time, cause or concession (`…, as X said`).
pub(super) const TIME_AND_CAUSE: &[&str] =
    &["as", "when", "while", "after", "before", "although", "though", "because", "since"];

/// Unnamed people a text reports as one (`Critics say …`).
const SOURCES: &[&str] = &[
    "critics",
    "observers",
    "analysts",
    "residents",
    "activists",
    "witnesses",
    "supporters",
    "opponents",
    "economists",
    "diplomats",
    "protesters",
    "lawmakers",
    "campaigners",
    "students",
    "voters",
    "workers",
    "farmers",
    "parents",
    "teachers",
    "citizens",
    "villagers",
    "people",
    "journalists",
    "rebels",
    "insurgents",
    "militants",
    "groups",
    "organizations",
    "organisations",
    "countries",
    "nations",
    "governments",
    "agencies",
    "authorities",
    "demonstrators",
    "refugees",
    "doctors",
    "relatives",
    "families",
    "parties",
    "sources",
];

/// Words for the participants of a meeting speaking together (`both
/// emphasized`, `The participants reaffirmed`): `they`.
const TOGETHER: &[&str] = &[
    "both",
    "participants",
    "leaders",
    "ministers",
    "sides",
    "delegations",
    "counterparts",
    "officials",
    "authors",
    "experts",
    "researchers",
    "scientists",
    "mediators",
    "negotiators",
    "rebels",
    "insurgents",
    "militants",
];

/// The subject that ends right before word `verb`, and the index of its
/// first word; two joined by `and` are one, speaking jointly.
pub fn subject_before(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    if let Some(head) = head_before_phrase(words, verb).or_else(|| document_before(words, verb)) {
        return Some(head);
    }
    let Some((who, start)) = single_subject_before(words, verb) else {
        return possessed_before(words, verb);
    };
    if start >= 2
        && words[start - 1].is("and")
        && !words[start - 2].ends_with_any(&[',', '.', ':', ';'])
        && matches!(who, Who::Name { .. } | Who::Pronoun { .. })
        && let Some((first, first_start)) = single_subject_before(words, start - 1)
        && matches!(first, Who::Name { .. } | Who::Pronoun { .. })
    {
        let at = words[first_start].start;
        return Some((Who::Joint { members: vec![first, who], at }, first_start));
    }
    Some((who, start))
}

/// `Ochoa's spokesman said`, `Russia's foreign ministry said`, opening
/// the sentence: someone or a body that is another's, not the other.
fn possessed_before(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    let opens = opener(words);
    let owner_end = (opens..verb).find(|&i| words[i].raw.ends_with("'s") || words[i].raw.ends_with("’s"))?;
    let owner = &words[opens..=owner_end];
    let head = &words[owner_end + 1..verb];
    let plain = |w: &Word| !w.ends_with_any(&[',', '.', ':', ';']) && !is_verb(w) && !w.is_any(DETERMINERS);
    if !owner.iter().all(|w| w.is_capitalized() && plain(w))
        || owner.len() > 4
        || head.is_empty()
        || head.len() > 3
        || !head.iter().all(|w| plain(w) && !w.is_capitalized())
    {
        return None;
    }
    let noun = &head[head.len() - 1];
    let phrase: Vec<&str> = words[opens..verb].iter().map(phrase_word).collect();
    let at = words[opens].start;
    let who = if is_institution(noun) {
        Who::Body { name: phrase.join(" "), at }
    } else if ROLE_NOUNS.has(noun.core()) {
        Who::Role { noun: noun.core().to_lowercase(), phrase: phrase.join(" "), definite: true, at }
    } else {
        return None;
    };
    Some((who, opens))
}

/// The head of a subject that opens the sentence and goes on with a
/// phrase before its verb: `Spokesman Victor Foh with the opposition All
/// People's Congress, the party of …, says`, `Opposition party officials
/// in Sierra Leone say`, `Officials from the ruling party say`. The names
/// in the phrase are not the speaker.
fn head_before_phrase(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    let mut first = opener(words);
    // `In Washington, Linda Thomas-Greenfield of …`: after a phrase that opens the sentence.
    if words[first].is_any(&["in", "on", "at", "during"])
        && let Some(comma) = (first + 1..verb.min(first + 6)).find(|&i| words[i].ends_with_any(&[',']))
        && words[first + 1..comma].iter().all(|w| !is_verb(w))
    {
        first = comma + 1;
    }
    let mut end = verb;
    while end > first && words[end - 1].is_any(BETWEEN) {
        end -= 1;
    }
    let subject = &words[first..end];
    if subject.len() > 24
        || subject.iter().any(|w| is_verb(w) || w.is_any(FINITE) || w.is_any(&["that", "who", "which"]))
        || subject.last()?.ends_with_any(&['.', '?', '!', ':', ';'])
    {
        return None;
    }
    // `A Rangoon resident speaking to VOA by telephone says`: the one before the phrase.
    if let Some(opens) = subject.iter().position(|w| w.is_any(&["speaking", "talking", "writing"]))
        && let Some((who, start)) = role_before(words, first + opens)
        && start == first
    {
        return Some((who, first));
    }
    let preposition =
        subject.iter().position(|w| w.is_any(&["in", "from", "with", "at", "for", "of", "on"]))?;
    let head = &subject[..preposition];
    if head.is_empty() || head.len() > 5 || head.iter().any(|w| w.ends_with_any(&[',', '.', ':', ';'])) {
        return None;
    }
    let noun = head.last()?;
    // `A VOA Hausa service correspondent in the region says`: a post, where it is held.
    if ROLE_NOUNS.has(noun.core())
        && !noun.is_capitalized()
        && subject[preposition].is_any(&["in", "at", "on"])
        && let Some((who, start)) = role_before(words, first + preposition)
        && start == first
    {
        return Some((who, first));
    }
    // `Both officials from …` speak together, as the meeting's participants.
    if (noun.is_any(SOURCES) || noun.is("officials")) && !head[0].is_any(&["both", "the", "all", "two"]) {
        // `Officials from the ruling party`: the phrase says which officials; `in Sierra Leone` only where.
        let mut phrase = head.to_vec();
        let described = &subject[preposition..];
        if subject[preposition].is_any(&["from", "of", "with"])
            && described.len() <= 5
            && described.iter().all(|w| !w.is_capitalized() && !w.ends_with_any(&[',']))
        {
            phrase.extend_from_slice(described);
        }
        let phrase: Vec<&str> = phrase.iter().map(|w| w.core()).collect();
        let phrase = super::prose::capitalize(&phrase.join(" "));
        let at = head[0].start;
        return Some((Who::Role { noun: noun.core().to_lowercase(), phrase, definite: false, at }, first));
    }
    // `Spokesman Victor Foh with …`, `Korea expert Bruce Bennett from …`: a
    // titled name, the name at the head's end; not `Secretary of State …`.
    let named = head.iter().rposition(|w| !(in_name_run(w) && w.is_capitalized())).map_or(0, |i| i + 1);
    // `Linda Thomas-Greenfield of the State Department's African Affairs Bureau urged`:
    // a full name, then the body it is of.
    let of_a_body = subject[preposition].is("of")
        && named == 0
        && head.len() >= 2
        && subject[preposition + 1..].iter().all(|w| w.is_capitalized() || w.is("the"))
        && subject[preposition + 1..].iter().any(|w| w.is_capitalized());
    if of_a_body {
        let who = name_of(words, first, head)?;
        return matches!(&who, Who::Name { name, .. } if name.split_whitespace().count() >= 2)
            .then_some((who, first));
    }
    if subject[preposition].is("of") || named == head.len() || (named > 0 && head.len() - named < 2) {
        return None;
    }
    let who = name_of(words, first + named, &head[named..])?;
    match &who {
        Who::Name { name, title, .. } if title.is_some() || name.split_whitespace().count() >= 2 => {
            Some((who, first))
        }
        _ => None,
    }
}

/// Writings that speak for their writers.
pub(super) const DOCUMENTS: &[&str] =
    &["report", "story", "article", "study", "survey", "letter", "memo", "editorial", "newspaper"];

/// A writing that opens the sentence, with what says which one it is:
/// `A newspaper report published Thursday says`, `The story, which
/// appeared in the Washington Post, says`.
fn document_before(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    let first = opener(words);
    if !words.get(first)?.is_any(&["a", "an", "the", "this", "that"]) {
        return None;
    }
    let stop = |w: &Word| w.ends_with_any(&[',', '.', ':', ';']) && !period_within_name(w);
    // The last writing word before the first stop: `A newspaper report`, `The report, which …`.
    let end =
        (first + 1..verb.min(first + 5)).find(|&i| stop(&words[i])).map_or(verb.min(first + 5), |i| i + 1);
    let noun = (first + 1..end).rev().find(|&i| words[i].is_any(DOCUMENTS))?;
    if words[first..noun].iter().any(|w| stop(w) || is_verb(w)) {
        return None;
    }
    let between = &words[noun + 1..verb];
    let fits = match between {
        [] => !words[noun].ends_with_any(&[',', '.', ':', ';']),
        // `, which appeared in the Washington Post,`
        [which, .., last] if words[noun].ends_with_any(&[',']) => {
            which.is_any(&["which", "that"])
                && last.ends_with_any(&[','])
                && between.len() <= 10
                && between[..between.len() - 1].iter().all(|w| !stop(w) && !is_verb(w))
        }
        // `published Thursday`, `released by the ministry on Monday`
        [participle, ..] => {
            !words[noun].ends_with_any(&[',', '.', ':', ';'])
                && participle.core().ends_with("ed")
                && between.len() <= 6
                && between.iter().all(|w| !stop(w) && !is_verb(w))
        }
    };
    if !fits {
        return None;
    }
    let phrase: Vec<&str> = words[first..=noun].iter().map(|w| w.core()).collect();
    let name = super::prose::capitalize(&phrase.join(" "));
    Some((Who::Body { name, at: words[first].start }, first))
}

fn single_subject_before(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    let found = one_subject_before(words, verb)?;
    // `Karen St. Germain, director of NASA's Earth Science Division, said`:
    // the post between the commas is hers (and `the opposition leader`
    // later is someone else).
    if let (Who::Name { name, title: None, at }, first) = &found
        && let Some(post) = apposition(words, verb)
    {
        return Some((Who::Name { name: name.clone(), title: Some(post), at: *at }, *first));
    }
    Some(found)
}

/// The post in an apposition right before `verb`: `, the deputy minister,`
/// or `, director of the agency,` (a phrase in lower case that names a post).
fn apposition(words: &[Word], verb: usize) -> Option<String> {
    let mut end = verb;
    while end > 0 && words[end - 1].is_any(BETWEEN) && !words[end - 1].ends_with_any(&[',', '.', ':', ';']) {
        end -= 1;
    }
    if end < 2 || !words[end - 1].ends_with_any(&[',']) {
        return None;
    }
    let open = words[..end - 1].iter().rposition(|w| w.ends_with_any(&[',', '.', ':', ';']))?;
    let mut inner = &words[open + 1..end];
    if !words[open].ends_with_any(&[',']) || inner.len() > 12 {
        return None;
    }
    if inner[0].is_any(&["the", "a", "an"]) {
        inner = &inner[1..];
    }
    let opens_lower = inner.first().is_some_and(|w| !w.is_capitalized() && !is_verb(w));
    let names_a_post = inner.iter().take(4).any(|w| {
        let core = w.core().to_lowercase();
        (is_personal_title(&core) && !is_rank(&core)) || ROLE_NOUNS.has(&core)
    });
    (opens_lower && names_a_post).then(|| inner.iter().map(|w| w.core()).collect::<Vec<_>>().join(" "))
}

/// The words that join a post to the body or place it is of (`The
/// chairman of the Board`, `an official with the World Food Program`).
const OF_A_BODY: &[&str] = &["of", "to", "in", "with", "for", "at", "from"];

fn one_subject_before(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    let mut end = verb;
    while end > 0 && words[end - 1].is_any(BETWEEN) && !words[end - 1].ends_with_any(&[',', '.', ':']) {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    // An apposition between commas: `Ryabkov, the deputy minister, said`,
    // or `The mayor of Lesk, Halina Dąbek, called`: a name there is the
    // speaker, the words before it the title.
    if words[end - 1].ends_with_any(&[',']) {
        let open = words[..end - 1].iter().rposition(|w| w.ends_with_any(&[',']))?;
        // `Tom Rhodes, East Africa spokesman for the Committee to Protect Journalists, told`;
        // a relative clause may run longer (`The admiral, who would become …, said`).
        let relative = words[open + 1].is_any(&["who", "which"]);
        if end - 1 - open > if relative { 20 } else { 12 } {
            return None;
        }
        let inner = &words[open + 1..end];
        // `Christian Balslev-Olesen, U.N. Humanitarian Coordinator for Somalia, in an open letter
        // released Thursday, said`: an aside after the apposition.
        // `…, as the joint U.N. project on AIDS is called, told`: an aside, too.
        if inner[0].is_any(&["in", "at", "on", "during", "after", "before", "speaking", "writing", "as"])
            && let Some(hit) = single_subject_before(words, open + 1)
            && matches!(&hit.0, Who::Name { name, .. } if name.split_whitespace().count() >= 2)
        {
            return Some(hit);
        }
        // `The spokesman, David Park, said`: after a post, two or three
        // capitalized words are a name, though the last is a place's word.
        let after_post = || {
            let post = &words[open];
            let plain = |w: &Word| w.is_capitalized() && !w.is_acronym() && !is_personal_title(w.core());
            ((ROLE_NOUNS.has(post.core()) || is_personal_title(post.core()))
                && (2..=3).contains(&inner.len())
                && inner.iter().all(plain))
            .then(|| (inner.iter().map(|w| w.core()).collect::<Vec<_>>().join(" "), None))
        };
        if inner.iter().all(in_name_run)
            && let Some((name, _)) =
                split_name(inner).filter(|(n, _)| n.split_whitespace().count() >= 2).or_else(after_post)
        {
            let first = words[..=open]
                .iter()
                .rposition(|w| w.ends_with_any(&['.', '?', '!', ':', ';']))
                .map_or(0, |i| i + 1);
            let mut title: Vec<&str> = words[first..=open].iter().map(|w| w.core()).collect();
            while title.first().is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str())) {
                title.remove(0);
            }
            let title = (!title.is_empty() && title.len() <= 10).then(|| title.join(" "));
            return Some((Who::Name { name, title, at: inner[0].start }, first));
        }
        end = open + 1;
    }
    // `Hagel - who has submitted his resignation … - said`: the subject
    // before an aside between dashes.
    if is_dash(&words[end - 1])
        && let Some(open) = (end.saturating_sub(30)..end - 1).rev().find(|&i| is_dash(&words[i]))
        && open > 0
    {
        end = open;
    }
    let last = &words[end - 1];
    // (`The U.N. says`: the period of initials ends nothing.)
    if last.ends_with_any(&['?', '!', ':', ';']) || (last.ends_with_any(&['.']) && !is_initials(last)) {
        return None;
    }
    // `It says`: an institution spoken of before.
    if end >= 1
        && (last.is_any(PRONOUNS) || (last.is("it") && (end == 1 || words[end - 2].is_any(&["but", "and"]))))
    {
        return Some((Who::Pronoun { word: last.core().to_lowercase(), at: last.start }, end - 1));
    }
    // `Some say`, `But others say`: unnamed people, when they open the sentence.
    if last.is_any(&["some", "others", "many"])
        && (end == 1 || (end == 2 && words[0].is_any(&["but", "and", "yet"])))
    {
        let noun = last.core().to_lowercase();
        return Some((Who::Role { phrase: noun.clone(), noun, definite: false, at: last.start }, end - 1));
    }
    // `U.N. officials say`, `Foreign security officials say`, `Aid workers say`:
    // unnamed people by what they are, opening the sentence.
    let opens = opener(words);
    // `Western and African countries have expressed …`: two words joined by `and`, too.
    // `rebel leaders` (a clause's subject, see `reported::subordinate_subject`).
    if (last.is_any(SOURCES) || last.is_any(&["officials", "leaders"]))
        && (opens + 2..=opens + 4).contains(&end)
        && words[opens..end - 1].iter().enumerate().all(|(i, w)| {
            (!w.ends_with_any(&[',', '.', ':', ';']) || period_within_name(w))
                && !w.ends_with_any(&[','])
                && !is_verb(w)
                && !w.is_any(DETERMINERS)
                && (!super::people::is_function_word(w.core()) || (w.is("and") && i > 0))
                && !w.is_any(&["some", "many", "most", "several", "other", "both", "all"])
                && !w.is_any(SUBORDINATORS)
        })
    {
        let phrase: Vec<&str> = words[opens..end].iter().map(phrase_word).collect();
        let noun = last.core().to_lowercase();
        return Some((
            Who::Role { noun, phrase: phrase.join(" "), definite: false, at: words[opens].start },
            opens,
        ));
    }
    // `Critics say`, `Many students say`: unnamed people, speaking as one.
    if last.is_any(SOURCES)
        && (end == 1
            || !words[end - 2].is_capitalized()
            || words[end - 2]
                .is_any(&["but", "and", "many", "some", "most", "several", "other", "local", "both"]))
    {
        let noun = last.core().to_lowercase();
        return Some((Who::Role { phrase: noun.clone(), noun, definite: false, at: last.start }, end - 1));
    }
    // `both`, `the two`, `The participants`, `both leaders`.
    if last.is_any(TOGETHER) || (last.is("two") && end >= 2 && words[end - 2].is("the")) {
        // `The Baltic leaders`, `All of the leaders`, `National Institutes of Health experts`.
        let mut start = end - 1;
        while start > 0
            && end - start < 7
            && !words[start - 1].ends_with_any(&[',', '.', ':', ';'])
            && (words[start - 1].is_any(&["the", "both", "two", "three", "four", "five", "all", "of"])
                || (words[start - 1].is_capitalized() && !words[start - 1].is_any(SUBORDINATORS)))
        {
            start -= 1;
        }
        while words[start].is("of") {
            start += 1;
        }
        let plural = last.is_any(&["both", "two"]) || start < end - 1;
        // `Intelligence experts say`, `Experts said`: people the text has not
        // named, unless a determiner points back to those it has (`The
        // Baltic leaders`).
        // `On ISIL, leaders welcomed …`: after a phrase that opens a readout's sentence, too.
        let after_topic = start >= 2
            && words[start - 1].ends_with_any(&[','])
            && words[0].is_any(&["on", "in", "regarding", "with"])
            && !words[..start].iter().any(is_verb);
        let alone =
            start == end - 1 && (start == 0 || words[start - 1].is_any(&["but", "and"]) || after_topic);
        if (start < end - 1 || (alone && !last.is_any(&["both", "two", "sides"])))
            && !words[start].is_any(&["both", "the", "all", "two", "of"])
        {
            let phrase: Vec<&str> = words[start..end].iter().map(|w| w.core()).collect();
            let (noun, phrase) = (last.core().to_lowercase(), phrase.join(" "));
            return Some((Who::Role { noun, phrase, definite: false, at: words[start].start }, start));
        }
        // `officials` alone is an unnamed source; `the officials`, `both officials` speak together.
        if plural && (!last.is("officials") || words[start].is_any(&["both", "the", "all"])) {
            // `The scientists found`: those spoken of together, else as such.
            if ROLE_NOUNS.has(last.core()) && words[start].is("the") {
                let phrase: Vec<&str> = words[start + 1..end].iter().map(|w| w.core()).collect();
                let (noun, phrase) = (last.core().to_lowercase(), phrase.join(" "));
                return Some((Who::Role { noun, phrase, definite: true, at: words[start].start }, start));
            }
            return Some((Who::Pronoun { word: "they".into(), at: words[start].start }, start));
        }
    }
    if in_name_run(last) && last.is_capitalized() {
        let mut start = end - 1;
        while start > 0
            && in_name_run(&words[start - 1])
            && (!words[start - 1].ends_with_any(&[',', '.', ':', ';'])
                || period_within_name(&words[start - 1]))
        {
            start -= 1;
        }
        // `The Army Corps of Engineers`, `Secretary of State Antony Blinken`:
        // a run that goes on before an `of`.
        while start >= 2
            && words[start - 1].is("of")
            && words[start - 2].is_capitalized()
            && in_name_run(&words[start - 2])
            && !words[start - 2].ends_with_any(&[',', '.', ':', ';'])
        {
            start -= 2;
            while start > 0
                && in_name_run(&words[start - 1])
                && !words[start - 1].ends_with_any(&[',', '.', ':', ';'])
            {
                start -= 1;
            }
        }
        let run = &words[start..end];
        // `The chairman of the Harbour Board of Trade said`, `The U.S. ambassador
        // to Kenya has denounced`, `a U.S. military spokesman in Cyprus said`:
        // the post, not the body or place it is of.
        let of_body = start >= 2
            && (words[start - 1].is_any(OF_A_BODY)
                || (words[start - 1].is("the") && words[start - 2].is_any(OF_A_BODY)));
        if of_body && let Some(role) = role_before(words, end) {
            return Some(role);
        }
        // `the U.S. Embassy applauded`: an institution by what it is.
        if let Some(who) = name_of(words, start, run) {
            return Some((who, start));
        }
        if is_institution(last) {
            let name: Vec<&str> = run.iter().map(phrase_word).collect();
            return Some((Who::Body { name: name.join(" "), at: run[0].start }, start));
        }
        // `the chairman of the Joint Chiefs of Staff said`
        return role_before(words, end);
    }
    // `the ministry said`: an institution, named by what it is.
    if is_institution(last) && end >= 2 {
        let det =
            (end.saturating_sub(4)..end - 1).rev().find(|&i| words[i].is_any(&["the", "its", "their"]))?;
        // `The U.N. refugee agency`
        if words[det + 1..end - 1]
            .iter()
            .any(|w| is_verb(w) || (w.ends_with_any(&[',', '.', ':', ';']) && !period_within_name(w)))
        {
            return None;
        }
        let phrase: Vec<&str> = words[det + 1..end].iter().map(phrase_word).collect();
        return Some((
            Who::Body { name: super::prose::capitalize(&phrase.join(" ")), at: words[det].start },
            det,
        ));
    }
    role_before(words, end)
}

/// How a word reads in a phrase that names someone: `U.S.` keeps its
/// periods, other words lose their punctuation.
fn phrase_word<'a>(w: &Word<'a>) -> &'a str {
    if is_initials(w) { w.raw.trim_end_matches(',') } else { w.core() }
}

/// How many words open a sentence before its subject: one for `But`, `And`, `Yet`.
fn opener(words: &[Word]) -> usize {
    usize::from(words.first().is_some_and(|w| w.is_any(&["but", "and", "yet"])))
}

/// A dash standing alone: `-`, `–`, `—`, `--`.
fn is_dash(word: &Word) -> bool {
    !word.raw.is_empty() && word.raw.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

/// What institutions are called when a text names them by what they are.
const INSTITUTIONS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "government",
    "company",
    "police",
    "military",
    "army",
    "embassy",
    "council",
    "committee",
    "court",
    "administration",
    "firm",
    "union",
    "board",
    "commission",
    "office",
    "faction",
    "organization",
    "organisation",
    "program",
    "cross",
    "crescent",
    "fund",
    "bank",
    "programme",
    "institute",
    "foundation",
    "association",
    "federation",
    "alliance",
    "party",
    "movement",
    "network",
    "watch",
    "corporation",
    "authority",
    "group",
];

/// Military units and institutions of learning and giving, which end the
/// name of a body and never a person's (`61st Cavalry Regiment`, unlike
/// `Margaret Court`).
pub(super) const UNITS: &[&str] = &[
    "regiment",
    "battalion",
    "brigade",
    "squadron",
    "division",
    "corps",
    "institute",
    "university",
    "foundation",
];

/// Whether a word names a body by what it is (`ministry`, `regiment`).
fn is_institution(w: &Word) -> bool {
    w.is_any(INSTITUTIONS) || w.is_any(UNITS)
}

/// A name from a run of capitalized words that starts at word `start`,
/// its title taken from the words before it (`by the first deputy
/// secretary of state of the United States Wendy Sherman`).
pub fn name_of(words: &[Word], start: usize, run: &[Word]) -> Option<Who> {
    let at = run.first()?.start;
    // `Police said`, `the Red Cross`: a body, though in capitals like a name.
    let the = run[0].is("the") || (start > 0 && words[start - 1].is("the"));
    if let Some(last) = run.last()
        && is_institution(last)
        && (run.len() == 1 || the)
    {
        let name: Vec<&str> = run.iter().filter(|w| !w.is("the")).map(phrase_word).collect();
        return Some(Who::Body { name: name.join(" "), at });
    }
    match split_name(run) {
        // `U.S. Ambassador to Kenya Michael Ranneberger`: after a title's
        // `to` or `for`, a place comes first, and goes with the title.
        Some((name, None))
            if start >= 2
                && words[start - 1].is_any(&["to", "for"])
                && is_title(words[start - 2].core())
                && name.split_whitespace().count() == 3 =>
        {
            let (place, person) = name.split_once(' ')?;
            let mut title = descriptor(words, start - 1);
            title.extend([words[start - 1].core(), place]);
            Some(Who::Name { name: person.to_string(), title: Some(title.join(" ")), at })
        }
        Some((name, title)) => {
            let mut before = descriptor(words, start);
            // `of the` joins a description to the title in the name's run
            // (`Deputy Foreign Minister of the` + `Russian Federation`), and
            // ends nothing on its own.
            if title.is_none() {
                while before.last().is_some_and(|w| matches!(*w, "of" | "the")) {
                    before.pop();
                }
            }
            let title: Vec<&str> = before.into_iter().chain(title.as_deref()).collect();
            let title = (!title.is_empty()).then(|| title.join(" "));
            Some(Who::Name { name, title, at })
        }
        // `the U.S. Embassy`: an institution by what it is.
        None if run.last().is_some_and(is_institution) => {
            let words: Vec<&str> = run.iter().filter(|w| !w.is("the")).map(phrase_word).collect();
            Some(Who::Body { name: words.join(" "), at })
        }
        // `The Secretary`, `The President`: a title standing for the person.
        None if run
            .iter()
            .all(|w| w.is_any(&["the", "The"]) || is_title(w.core()) || ROLE_NOUNS.has(w.core()))
            && run.last().is_some_and(|w| ROLE_NOUNS.has(w.core()) || is_personal_title(w.core())) =>
        {
            let phrase: Vec<&str> = run.iter().filter(|w| !w.is("the")).map(|w| w.core()).collect();
            let noun = phrase.last()?.to_lowercase();
            Some(Who::Role { noun, phrase: phrase.join(" "), definite: true, at })
        }
        // An institution that speaks: `The Kremlin said`, `NATO said`,
        // `The Army Corps of Engineers said`.
        None if (run.len() <= 3 || (run.len() <= 6 && run.iter().any(|w| w.is("of"))))
            && !run.iter().all(|w| w.is_any(NOT_A_SUBJECT) || w.is_any(DETERMINERS)) =>
        {
            let words: Vec<&str> = run.iter().map(phrase_word).collect();
            let name = words.join(" ");
            let name = name.strip_prefix("The ").unwrap_or(&name).to_string();
            Some(Who::Body { name, at })
        }
        None => None,
    }
}

/// The description right before a name, its words back to a preposition,
/// a verb or a comma, without a determiner: `political scientist`,
/// `Deputy Foreign Minister of the`.
fn descriptor<'a>(words: &[Word<'a>], name_start: usize) -> Vec<&'a str> {
    const STOPS: &[&str] =
        &["by", "to", "from", "with", "that", "but", "according", "as", "said", "told", "while"];
    const JOINS: &[&str] = &["of", "the", "for", "and", "&", "a", "an"];
    let mut start = name_start;
    while start > 0 && name_start - start < 12 {
        let w = &words[start - 1];
        let title_like =
            w.is_capitalized() || is_title(w.core()) || ROLE_NOUNS.has(w.core()) || w.is_any(JOINS);
        if w.ends_with_any(&[',', '.', ':', ';', '?', '!']) || w.is_any(STOPS) || is_verb(w) || !title_like {
            break;
        }
        start -= 1;
    }
    let mut parts: Vec<&str> = words[start..name_start].iter().map(|w| w.core()).collect();
    while parts.first().is_some_and(|w| {
        JOINS.contains(&w.to_lowercase().as_str()) || DETERMINERS.contains(&w.to_lowercase().as_str())
    }) {
        parts.remove(0);
    }
    parts
}

/// `the political scientist`, `a source close to the talks`: a role noun
/// after a determiner, ending right before word `end`.
pub(super) fn role_before(words: &[Word], end: usize) -> Option<(Who, usize)> {
    let from = end.saturating_sub(8);
    for noun in (from..end).rev() {
        let role = ROLE_NOUNS.has(words[noun].core())
            || words[noun].core().split('-').any(|p| ROLE_NOUNS.has(p))
            || super::people::PEOPLE.has(words[noun].core());
        if !role || words[noun].is_capitalized() && noun + 1 < end {
            continue;
        }
        // Between the noun and the verb: a modifier without verbs or stops
        // (but the comma before an aside: `An official with the World Food
        // Program, who asked not to be named, said`).
        let stops = |i: usize| {
            let marks: &[char] = if i + 1 == end { &['.', ':', ';'] } else { &[',', '.', ':', ';'] };
            is_verb(&words[i]) || words[i].ends_with_any(marks)
        };
        if (noun + 1..end).any(stops) {
            return None;
        }
        let mut det = noun;
        while det > 0 && noun - det < 5 {
            let w = &words[det - 1];
            if w.is_any(DETERMINERS) {
                let definite = !w.is_any(&["a", "an", "one", "another"]);
                // `a source close to the talks`: one person, the article kept.
                let from = if definite { det } else { det - 1 };
                let phrase: Vec<&str> = words[from..end].iter().map(phrase_word).collect();
                let who = Who::Role {
                    noun: words[noun].core().to_lowercase(),
                    phrase: phrase.join(" "),
                    definite,
                    at: words[det - 1].start,
                };
                return Some((who, det - 1));
            }
            // `The U.S. military's top general said`; not `The port closed after officials said`.
            if (w.ends_with_any(&[',', '.', ':', ';']) && !period_within_name(w))
                || is_verb(w)
                || w.is_any(SUBORDINATORS)
                || w.is_any(TIME_AND_CAUSE)
            {
                break;
            }
            det -= 1;
        }
        return None;
    }
    None
}

/// The subject right after word `verb`: `said Ryabkov`, `said the
/// minister`, `said he`.
pub fn subject_after(words: &[Word], verb: usize) -> Option<Who> {
    let first = words.get(verb + 1)?;
    if first.is_any(PRONOUNS) {
        return Some(Who::Pronoun { word: first.core().to_lowercase(), at: first.start });
    }
    if first.is_capitalized() {
        let end = run_end(words, verb + 1);
        // `said NIH director Dr. Francis Collins`: a post of an institution, then the name.
        if let Some(post) =
            words.get(end).filter(|w| ROLE_NOUNS.has(w.core()) && !w.ends_with_any(&[',', '.']))
            && words.get(end + 1).is_some_and(Word::is_capitalized)
            && let Some(Who::Name { name, title, at }) =
                name_of(words, end + 1, &words[end + 1..run_end(words, end + 1)])
            && name.split_whitespace().count() >= 2
        {
            // The name's own title may reach back over the post already.
            let title = match title {
                Some(t) if t.contains(post.core()) => t,
                t => {
                    let described = words[verb + 1..end].iter().map(|w| w.core()).chain([post.core()]);
                    described.chain(t.as_deref()).collect::<Vec<_>>().join(" ")
                }
            };
            return Some(Who::Name { name, title: Some(title), at });
        }
        return name_of(words, verb + 1, &words[verb + 1..end]);
    }
    // `said astrophysicist Alan Kogut`: a title in lower case, then the name.
    if !first.is_any(DETERMINERS) && !is_verb(first) && !first.ends_with_any(&[',', '.', ';', ':']) {
        let name = (verb + 2..words.len().min(verb + 5)).find(|&i| words[i].is_capitalized())?;
        let lower = &words[verb + 1..name];
        if lower
            .iter()
            .any(|w| w.ends_with_any(&[',', '.', ';', ':']) || is_verb(w) || w.is_any(NOT_A_SUBJECT))
        {
            return None;
        }
        let end = run_end(words, name);
        if let Some(Who::Name { name: n, title, at }) = name_of(words, name, &words[name..end])
            && n.split_whitespace().count() >= 2
        {
            let described: Vec<&str> = lower.iter().map(|w| w.core()).chain(title.as_deref()).collect();
            return Some(Who::Name { name: n, title: Some(described.join(" ")), at });
        }
        return None;
    }
    if first.is_any(DETERMINERS) {
        // `by the Deputy Foreign Minister of the Russian Federation Sergey
        // Ryabkov`: a name at the end of the description.
        let limit = (verb + 2..words.len().min(verb + 16))
            .find(|&i| words[i].ends_with_any(&[',', '.', ';', '?', '!', ':']) || is_verb(&words[i]))
            .map_or(words.len().min(verb + 16), |i| i + 1);
        // Not `says the National Electoral Commission's preliminary results …`.
        let possessive = |w: &Word| w.raw.ends_with("'s") || w.raw.ends_with("’s");
        if let Some(last) =
            (verb + 2..limit).rev().find(|&i| in_name_run(&words[i]) && words[i].is_capitalized())
            && !possessive(&words[last])
        {
            let mut start = last;
            while start > verb + 2 && in_name_run(&words[start - 1]) {
                start -= 1;
            }
            if let Some(Who::Name { name, title, at }) = name_of(words, start, &words[start..=last])
                && name.split_whitespace().count() >= 2
            {
                return Some(Who::Name { name, title, at });
            }
        }
        let end = (verb + 2..words.len().min(verb + 9))
            .find(|&i| words[i].ends_with_any(&[',', '.', ';', '?', '!']) || is_verb(&words[i]))
            .map_or(words.len().min(verb + 6), |i| i + 1);
        // `said the chairman of the health board, Tadeusz Wronka,`
        if words[end - 1].ends_with_any(&[','])
            && let Some(run_end) = (end..words.len().min(end + 4))
                .find(|&i| !in_name_run(&words[i]) || words[i].ends_with_any(&[',', '.', ';']))
        {
            let run_end = if words.get(run_end).is_some_and(in_name_run) { run_end + 1 } else { run_end };
            if let Some((name, _)) =
                split_name(&words[end..run_end]).filter(|(n, _)| n.split_whitespace().count() >= 2)
            {
                let title: Vec<&str> = words[verb + 2..end].iter().map(|w| w.core()).collect();
                return Some(Who::Name { name, title: Some(title.join(" ")), at: words[end].start });
            }
        }
        for noun in verb + 2..end {
            if ROLE_NOUNS.has(words[noun].core()) {
                // `a defense ministry spokesman`: one person, the article kept.
                let from = if first.is_any(&["a", "an", "one", "another"]) { verb + 1 } else { verb + 2 };
                let phrase: Vec<&str> = words[from..=noun].iter().map(|w| w.core()).collect();
                return Some(Who::Role {
                    noun: words[noun].core().to_lowercase(),
                    phrase: phrase.join(" "),
                    definite: !first.is_any(&["a", "an", "one", "another"]),
                    at: first.start,
                });
            }
        }
    }
    None
}

/// Where the run of name words from `start` ends: at a word ending a
/// phrase, and going on over `and` to another capitalized word (`Eversource
/// President and CEO Joe Nolan`) when a name follows.
fn run_end(words: &[Word], start: usize) -> usize {
    let mut end = start;
    while end < words.len() {
        if in_name_run(&words[end]) {
            end += 1;
            if words[end - 1].ends_with_any(&[',', '.', ':', ';', '?', '!'])
                && !period_within_name(&words[end - 1])
            {
                break;
            }
        } else if words[end].is("and")
            && end > start
            && is_title(words[end - 1].core())
            && words.get(end + 1).is_some_and(|w| is_title(w.core()) || w.is_acronym())
        {
            end += 1;
        } else if words[end].is("and")
            && end > start
            && !words[end - 1].ends_with_any(&[','])
            && words[end + 1..].iter().take(6).take_while(|w| w.is_capitalized()).any(|w| is_title(w.core()))
        {
            // `U.S. Health and Human Services Secretary Kathleen Sebelius`:
            // an institution's name, then the title and the name.
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// The reporting clause right after a quotation's closing mark, within its
/// sentence: `he told reporters`, `said Ryabkov`, `the political
/// scientist told TASS`. Returns the speaker and how many words the clause took.
pub fn clause_after(words: &[Word]) -> Option<(Who, usize)> {
    // `», said …`: a comma standing alone after the mark.
    let skipped = words.iter().take_while(|w| w.core().is_empty()).count();
    // `” – Secretary of Defense Lloyd J. Austin III`: a signature.
    let dash = words[..skipped].iter().any(|w| w.raw.chars().all(|c| matches!(c, '–' | '—' | '-')));
    if dash && skipped < words.len() && words.len() - skipped <= 12 {
        return signature(&words[skipped..]).map(|who| (who, words.len()));
    }
    let words = &words[skipped..];
    clause_after_words(words).map(|(who, taken)| (who, taken + skipped))
}

/// The name a signature ends with, its title before it: `Secretary of
/// Defense Lloyd J. Austin III`, `NASA Administrator Bill Nelson`.
pub(super) fn signature(words: &[Word]) -> Option<Who> {
    let last = words.iter().rposition(|w| in_name_run(w) && w.is_capitalized())?;
    let mut start = last;
    while start > 0 && in_name_run(&words[start - 1]) && !words[start - 1].ends_with_any(&[',']) {
        start -= 1;
    }
    // `Secretary of Energy John Q. Public`: the word after `of` is the title's.
    if start > 0 && words[start - 1].is("of") && last > start + 1 {
        start += 1;
    }
    match name_of(words, start, &words[start..=last])? {
        who @ (Who::Name { .. } | Who::Body { .. }) => Some(who),
        _ => None,
    }
}

pub(super) fn clause_after_words(words: &[Word]) -> Option<(Who, usize)> {
    // `…, Marine Corps Gen. James E. Cartwright, vice chairman of the Joint Chiefs of Staff, said today.`
    let window = &words[..words.len().min(20)];
    let first = window.first()?;
    // `told VOA …`: the one told follows `told`, never the one who told.
    if is_verb(first) && !first.is_any(&["told", "tells"]) {
        let taken = window
            .iter()
            .position(|w| {
                (w.ends_with_any(&['.', '?', '!', ';']) && !period_within_name(w))
                    || (w.ends_with_any(&[',']) && w.is_capitalized())
            })
            .map_or(window.len().min(4), |i| i + 1);
        // `said he was concerned …`: a pronoun is the clause's last word; what follows is said.
        return subject_after(window, 0).map(|who| {
            let taken = if matches!(who, Who::Pronoun { .. }) { 2 } else { taken };
            (who, taken)
        });
    }
    let verb = window.iter().position(is_verb)?;
    if window[..verb].iter().any(|w| w.ends_with_any(&['.', '?', '!', ':', ';']) && !period_within_name(w)) {
        return None;
    }
    let (who, start) = subject_before(window, verb)?;
    // `…, the White House said.`
    // `…, Operation Inherent Resolve spokesman Army Col. Steve Warren told …`: a post before the name.
    // `U.S. Ambassador to Haiti Kenneth Merten told …`
    let post = |w: &Word| {
        let joins = w.is_any(&["to", "of", "for"]);
        (w.is_capitalized() || ROLE_NOUNS.has(w.core()) || joins)
            && (!w.ends_with_any(&[',', '.', ':', ';']) || period_within_name(w))
            && (joins || !super::people::is_function_word(w.core()))
            && !w.is_any(&["but", "and", "yet", "then", "meanwhile", "later", "also", "so"])
    };
    let described = matches!(who, Who::Name { .. })
        && window[..start].iter().all(post)
        && window[..start].iter().any(|w| ROLE_NOUNS.has(w.core()));
    (start == 0 || (start == 1 && window[0].is("the")) || described).then_some((who, verb + 1))
}

/// The reporting clause right before a quotation's opening mark:
/// `Sherman said: “…`, `He told reporters, “…`, `According to Ryabkov, “…`.
pub fn clause_before(words: &[Word]) -> Option<Who> {
    let last = words.last()?;
    if !last.ends_with_any(&[':', ',']) && !is_verb(last) {
        return None;
    }
    let from = words.len().saturating_sub(5);
    if let Some(verb) = (from..words.len()).rev().find(|&i| is_verb(&words[i])) {
        if let Some((who, _)) = subject_before(words, verb) {
            return Some(who);
        }
        // `She said such transformations can be messy, but added, “…`; not
        // `Obama greeted Medvedev, who smiled and said: “…`.
        let and = conjunction(words, verb);
        let relative = words[..and].iter().any(|w| w.is_any(&["who", "which"]));
        return (and < verb && !relative).then(|| sentence_subject(words, and)).flatten();
    }
    according_to(words).map(|(who, _)| who)
}

/// The speaker of a sentence's reporting verb before a quotation inside
/// it: `Dąbek called the decision «a betrayal…»`.
pub fn reporting_subject(words: &[Word]) -> Option<Who> {
    let verb = words.iter().rposition(is_verb)?;
    let (who, start) = subject_before(words, verb)?;
    words[..start].iter().all(|w| !is_verb(w) && !w.is_any(FINITE)).then_some(who)
}

/// Verbs that name something in the speaker's words: the quoted words
/// after them are the speaker's, however short (`called the talks “a
/// theatre”`, `labeling Zelenskyy as a “dictator”`).
const NAMING: &[&str] = &[
    "called",
    "calling",
    "labeled",
    "labelled",
    "labeling",
    "labelling",
    "described",
    "describing",
    "branded",
    "branding",
    "dubbed",
    "dubbing",
    "termed",
    "terming",
];

/// The speaker of a naming verb shortly before a quotation.
pub fn naming_subject(words: &[Word]) -> Option<Who> {
    let from = words.len().saturating_sub(10);
    let v = (from..words.len()).rev().find(|&i| words[i].is_any(NAMING))?;
    if words[v..].iter().any(|w| w.ends_with_any(&['.', '?', '!', ';', ':'])) {
        return None;
    }
    if words[v].core().ends_with("ing") {
        return (v > 0 && words[v - 1].ends_with_any(&[','])).then(|| sentence_subject(words, v)).flatten();
    }
    // `… and called the tariffs “a theatre”`: the sentence's subject.
    if conjunction(words, v) < v {
        return sentence_subject(words, v);
    }
    let (who, start) = subject_before(words, v)?;
    words[..start].iter().all(|w| !is_verb(w) && !w.is_any(FINITE)).then_some(who)
}

/// Where `according to` (or `as stated by` and the like) begins, naming a source.
pub fn source_marker(words: &[Word]) -> Option<usize> {
    words.windows(2).position(|w| {
        (w[0].is("according") && w[1].is("to"))
            || (w[0].is("as") && w[1].is_any(&["stated", "reported", "noted", "said", "explained"]))
    })
}

/// `according to X,` or `as stated by X,`: the speaker and the index of
/// the word after the comma.
pub fn according_to(words: &[Word]) -> Option<(Who, usize)> {
    let by = source_marker(words)?;
    let mut subject = by + 2;
    if words.get(subject).is_some_and(|w| w.is("by")) {
        subject += 1;
    }
    let comma = (subject..words.len().min(subject + 16)).find(|&i| words[i].ends_with_any(&[',']))?;
    let span = &words[subject..=comma];
    let first = span.first()?;
    let who = if first.is_any(OBJECT_PRONOUNS) {
        let word = match first.core().to_lowercase().as_str() {
            "him" => "he",
            "her" => "she",
            _ => "they",
        };
        Who::Pronoun { word: word.to_string(), at: first.start }
    } else if let Some(start) =
        span.iter().rposition(|w| !in_name_run(w)).map_or(Some(0), |i| (i + 1 < span.len()).then_some(i + 1))
    {
        name_of(words, subject + start, &span[start..])?
    } else {
        role_before(words, comma + 1).map(|(who, _)| who).or_else(|| source_phrase(span))?
    };
    Some((who, comma + 1))
}

/// A source a text names by what it is, up to its first preposition: `a
/// scientific paper included in …` → `a scientific paper`.
pub(super) fn source_phrase(words: &[Word]) -> Option<Who> {
    let first = words.first()?;
    if !first.is_any(DETERMINERS) {
        return None;
    }
    let participle =
        |w: &Word| !w.is_capitalized() && (w.core().ends_with("ed") || w.core().ends_with("ing"));
    let end = words
        .iter()
        .position(|w| {
            w.is_any(NOT_A_SUBJECT) || is_verb(w) || participle(w) || w.ends_with_any(&[',', '.', ';', ':'])
        })
        .map_or(words.len(), |i| if words[i].ends_with_any(&[',', '.', ';', ':']) { i + 1 } else { i });
    if !(2..=5).contains(&end) {
        return None;
    }
    // `a White House statement`: the institution that made it.
    let named: Vec<&str> = words[1..end].iter().filter(|w| w.is_capitalized()).map(|w| w.core()).collect();
    if !named.is_empty() {
        return Some(Who::Body { name: named.join(" "), at: words[1].start });
    }
    let phrase: Vec<&str> = words[..end].iter().map(|w| w.core()).collect();
    let noun = phrase[phrase.len() - 1].to_lowercase();
    let definite = !first.is_any(&["a", "an", "one", "another"]);
    Some(Who::Role { noun, phrase: phrase.join(" "), definite, at: first.start })
}

/// Whose statement a text says it is: `Statement by Secretary of Defense
/// Lloyd J. Austin III on …`, `NASA Administrator Statement on …`, `The
/// following is a statement from …:`, `X issued the following statement:`.
/// Read from the headline and the paragraphs that introduce a statement.
pub fn statement_by(text: &str, paragraphs: &[Range<usize>]) -> Option<Who> {
    let introducing =
        paragraphs.iter().enumerate().filter(|(i, p)| *i == 0 || text[(*p).clone()].ends_with(':'));
    for (_, p) in introducing.take(4) {
        let words = super::prose::words(text, p.clone());
        let Some(k) = words.iter().position(|w| w.is_any(&["statement", "statements"])) else { continue };
        let who = if words.get(k + 1).is_some_and(|w| w.is_any(&["by", "from", "of"])) {
            let stop = (k + 2..words.len())
                .find(|&i| !words[i].is_capitalized() && !words[i].is_any(&["of", "the", "and"]))
                .unwrap_or(words.len());
            signature(&words[k + 2..stop])
        } else if k >= 2 && words[k - 1].is("following") {
            let verb = (0..k - 1)
                .rev()
                .find(|&i| words[i].is_any(&["issued", "released", "made", "gave", "provided", "delivered"]));
            verb.and_then(|v| subject_before(&words, v)).map(|(who, _)| who)
        } else if words[k].is_capitalized() && k > 0 {
            let start = words[..k].iter().rposition(|w| !w.is_capitalized()).map_or(0, |i| i + 1);
            (start < k).then(|| name_of(&words, start, &words[start..k])).flatten()
        } else {
            None
        };
        if who.is_some() {
            return who;
        }
    }
    None
}

/// The `and` that joins the verb at `verb` to what comes before (skipping
/// `also`, `then`), or `verb` itself when there is none.
pub(super) fn conjunction(words: &[Word], verb: usize) -> usize {
    let mut i = verb;
    while i > 0 && words[i - 1].is_any(&["also", "then", "further", "again"]) {
        i -= 1;
    }
    if i > 0 && words[i - 1].is_any(&["and", "but"]) { i - 1 } else { verb }
}

/// The subject a sentence opens with (or opens with after a phrase and a
/// comma): `Panetta met…`, `On Monday, the secretary spoke…`, `He…`.
pub(super) fn sentence_subject(words: &[Word], before: usize) -> Option<Who> {
    let starts = std::iter::once(0)
        .chain((0..before.min(12)).filter(|&i| words[i].ends_with_any(&[','])).map(|i| i + 1).take(2));
    for s in starts.filter(|&s| s < before) {
        let w = &words[s];
        if w.is_any(PRONOUNS) {
            return Some(Who::Pronoun { word: w.core().to_lowercase(), at: w.start });
        }
        if in_name_run(w) && w.is_capitalized() && !w.is_any(NOT_A_SUBJECT) {
            let mut e = s;
            // `Deputy Chief of Mission (DCM) John Degory`
            let goes_on = |e: usize| {
                (in_name_run(&words[e]) && words[e].is_capitalized())
                    || (words[e].raw.starts_with('(') && words[e].is_acronym())
                    || (words[e].is("of") && e > s && words.get(e + 1).is_some_and(Word::is_capitalized))
            };
            while e < before && goes_on(e) {
                e += 1;
                if words[e - 1].ends_with_any(&[',', '.', ':', ';']) && !period_within_name(&words[e - 1]) {
                    break;
                }
            }
            if e <= before && !words[e].is_capitalized() {
                let first = name_of(words, s, &words[s..e])?;
                // `Mr. Sullivan and Mr. Suh held …`
                if words[e].is("and")
                    && let Some(v) = (e + 1..before).find(|&v| !words[v].is_capitalized())
                    && v > e + 1
                    && let Some((second @ Who::Name { .. }, _)) = single_subject_before(words, v)
                {
                    return Some(Who::Joint { members: vec![first, second], at: w.start });
                }
                return Some(first);
            }
        }
        if w.is_any(&["the", "The"]) {
            let end = (s + 2..(s + 5).min(before))
                .find(|&e| !words[e].is_capitalized() && !ROLE_NOUNS.has(words[e].core()));
            if let Some((who, _)) = end.and_then(|e| role_before(words, e)) {
                return Some(who);
            }
            // `the harbour board issued a statement saying …`
            if let Some(body) = (s + 1..(s + 4).min(before)).find(|&e| is_institution(&words[e]))
                && words[s + 1..body].iter().all(|w| !is_verb(w) && !w.ends_with_any(&[',', '.', ':', ';']))
            {
                let phrase: Vec<&str> = words[s + 1..=body].iter().map(phrase_word).collect();
                return Some(Who::Body { name: super::prose::capitalize(&phrase.join(" ")), at: w.start });
            }
        }
    }
    None
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::suggest::prose::words;

    pub(in crate::suggest) fn ws(s: &str) -> Vec<Word<'_>> {
        words(s, 0..s.len())
    }

    pub(in crate::suggest) fn name(who: &Who) -> String {
        match who {
            Who::Name { name, .. } | Who::Body { name, .. } => name.clone(),
            Who::Pronoun { word, .. } => word.clone(),
            Who::Role { phrase, .. } => phrase.clone(),
            Who::Joint { members, .. } => members.iter().map(name).collect::<Vec<_>>().join(" + "),
        }
    }

    #[test]
    fn clauses_after_a_quotation() {
        for (clause, who) in [
            ("he told reporters.", "he"),
            ("said Deputy Foreign Minister Sergei Ryabkov.", "Sergei Ryabkov"),
            ("Ryabkov said on Monday.", "Ryabkov"),
            ("the political scientist told TASS.", "political scientist"),
            ("Sherman, the deputy secretary, said.", "Sherman"),
            ("said the minister.", "minister"),
        ] {
            let w = ws(clause);
            assert_eq!(clause_after(&w).map(|(who, _)| name(&who)), Some(who.to_string()), "{clause}");
        }
        assert_eq!(clause_after(&ws("Then the talks ended.")), None);
        for (clause, who) in [
            ("said astrophysicist Alan Kogut, of NASA’s Goddard Space Flight Center.", "Alan Kogut"),
            ("said Eversource President and CEO Joe Nolan.", "Joe Nolan"),
            ("said NASA Earth Science Director Karen St. Germain.", "Karen St. Germain"),
        ] {
            assert_eq!(
                clause_after(&ws(clause)).map(|(who, _)| name(&who)),
                Some(who.to_string()),
                "{clause}"
            );
        }
        let signed = ws("– Secretary of Defense Lloyd J. Austin III");
        assert_eq!(clause_after(&signed).map(|(who, _)| name(&who)), Some("Lloyd J. Austin III".into()));
    }

    #[test]
    fn clauses_before_a_quotation() {
        assert_eq!(clause_before(&ws("Sherman said:")).map(|w| name(&w)), Some("Sherman".into()));
        assert_eq!(clause_before(&ws("He told reporters:")).map(|w| name(&w)), Some("he".into()));
        assert_eq!(clause_before(&ws("According to Ryabkov,")).map(|w| name(&w)), Some("Ryabkov".into()));
        assert_eq!(clause_before(&ws("The talks were")), None);
    }

    #[test]
    fn naming_verbs_make_short_quoted_words_the_speakers() {
        let who = |s: &str| naming_subject(&ws(s)).map(|w| name(&w));
        assert_eq!(who("Lopez called the talks"), Some("Lopez".into()));
        assert_eq!(
            who("Trump spoke on Tuesday, labeling Ukrainian President Volodymyr Zelenskyy as a"),
            Some("Trump".into())
        );
        assert_eq!(who("The so-called"), None);
        assert_eq!(who("The talks were called off. Then a"), None);
    }
}
