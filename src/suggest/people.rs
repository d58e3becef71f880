//! The cast: the people (and groups, and unnamed sources) a text quotes,
//! one per person however the text names them — "Sergei Ryabkov",
//! "Sergey Ryabkov", "Ryabkov" and "Deputy Foreign Minister Sergey
//! Ryabkov" are one speaker, the variants kept as aliases — and every place
//! a person is mentioned, so that "he" or "the diplomat" can be resolved to
//! the nearest person before it who fits.

use super::prose::{Lexicon, Word, is_word_char};
use crate::model::ix::{IxVec, index_type};
use std::collections::HashMap;
use std::ops::Range;

index_type!(
    /// A person of the [`Cast`].
    PersonIx
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// A person named in the text.
    Named,
    /// A speaker label of a transcript that names no one (`MODERATOR:`).
    Label,
    /// Several people speaking as one (the reporters of a transcript).
    Group,
    /// An unnamed source ("a source close to the talks").
    Unnamed,
    /// An institution that speaks ("the Kremlin", "NATO").
    Body,
    /// A quotation nobody could be found for.
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub sort: Sort,
    /// From Mr. or Ms.: which of he and she can stand for the person.
    pub female: Option<bool>,
}

impl Person {
    /// Whether the text brings them in as one (`The governor`, `A
    /// resident`), not as many (`Police`, `Union leaders`).
    fn is_one(&self) -> bool {
        ["The ", "A ", "An ", "One "].iter().any(|a| self.name.starts_with(a))
    }

    /// Whether `he`, `she` or a post can stand for them: someone named, or
    /// one the text brought in without a name.
    fn is_one_person(&self) -> bool {
        self.sort == Sort::Named || (self.sort == Sort::Unnamed && self.is_one())
    }
}

/// A place where the text names a person.
#[derive(Debug, Clone)]
pub struct Mention {
    pub at: usize,
    pub person: PersonIx,
    /// Named as the object of a verb or preposition (`met with X`): a
    /// pronoun after it stands for the sentence's subject first.
    pub object: bool,
}

#[derive(Debug, Default, Clone)]
pub struct Cast {
    pub people: IxVec<PersonIx, Person>,
    keys: HashMap<String, PersonIx>,
    /// In text order.
    mentions: Vec<Mention>,
}

/// Words that come before a name as its title or its institution, never
/// as part of it (compared in lower case).
static TITLE_WORDS: Lexicon = Lexicon::new(&[
    "meeting",
    "summit",
    "conference",
    "dialogue",
    "forum",
    "talks",
    "ceremony",
    "exercise",
    "framework",
    "initiative",
    "mr",
    "ms",
    "mrs",
    "dr",
    "prof",
    "sir",
    "dame",
    "president",
    "vice",
    "prime",
    "minister",
    "deputy",
    "foreign",
    "secretary",
    "state",
    "ambassador",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "general",
    "gen",
    "admiral",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "expert",
    "economist",
    "professor",
    "press",
    "chief",
    "head",
    "director",
    "administrator",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "king",
    "queen",
    "prince",
    "pope",
    "judge",
    "justice",
    "mayor",
    "commissioner",
    "envoy",
    "adviser",
    "advisor",
    "counselor",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "officer",
    "official",
    "col",
    "lt",
    "brig",
    "brigadier",
    "cpl",
    "corporal",
    "pvt",
    "pfc",
    "spc",
    "cdr",
    "sgt",
    "capt",
    "maj",
    "adm",
    "cmdr",
    "ceo",
    "cfo",
    "coo",
    "executive",
    "founder",
    "senior",
    "first",
    "national",
    "security",
    "defense",
    "defence",
    "interior",
    "finance",
    "trade",
    "federation",
    "united",
    "states",
    "kingdom",
    "republic",
    "ministry",
    "department",
    "council",
    "office",
    "house",
    "white",
    "party",
    "union",
    "european",
    "american",
    "russian",
    "ukrainian",
    "chinese",
    "british",
    "french",
    "german",
    "nato",
    "un",
    "eu",
    "us",
    "u.s",
    "the",
    "member",
    "corresponding",
    "academy",
    "institute",
    "university",
    "sciences",
    "science",
    "military",
    "political",
    "affairs",
    "committee",
    "commission",
    "agency",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "global",
    "international",
    "north",
    "south",
    "east",
    "west",
    "eastern",
    "western",
    "northern",
    "southern",
    "new",
    "saint",
    "st",
    "group",
    "team",
    "forces",
    "army",
    "navy",
    "air",
    "force",
    "bank",
    "fund",
    "court",
    "parliament",
    "congress",
    "senate",
    "duma",
    "kremlin",
    "government",
    "administration",
    "embassy",
    "mission",
    "organization",
    "organisation",
    "treaty",
    "alliance",
    "coalition",
    "movement",
    "company",
    "corporation",
    "inc",
    "ltd",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "room",
    "briefing",
    "conference",
    "call",
    "today",
    "yesterday",
    "tomorrow",
    "lake",
    "river",
    "street",
    "road",
    "square",
    "avenue",
    "city",
    "county",
    "district",
    "island",
    "mountain",
    "bay",
    "valley",
    "park",
    "bridge",
    "station",
    "hall",
    "library",
    "church",
    "school",
    "hospital",
    "airport",
    "exchange",
    "centre",
    "center",
    "program",
    "programme",
    "town",
    "city",
    "board",
    "trust",
    "society",
    "club",
    "foundation",
    "museum",
    "studio",
    "region",
    "province",
    "port",
    "harbour",
    "harbor",
    "sea",
    "ocean",
    "gulf",
    "palace",
    "castle",
    "company",
    "navigation",
    "yard",
    "councillor",
    "councilor",
    "councilwoman",
    "councilman",
    "alderman",
    "mp",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "commander",
    "marshal",
    "professor",
    "doctor",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "reverend",
    "rev",
    "father",
    "sister",
    "brother",
    "officer",
    "detective",
    "inspector",
    "constable",
]);

/// Words that open sentences with a capital but are never part of a name
/// (`When Dennis Quist…`).
static FUNCTION_WORDS: Lexicon = Lexicon::new(&[
    "when",
    "after",
    "before",
    "but",
    "and",
    "as",
    "if",
    "in",
    "on",
    "at",
    "for",
    "with",
    "while",
    "since",
    "although",
    "though",
    "then",
    "now",
    "here",
    "there",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "our",
    "its",
    "his",
    "her",
    "their",
    "a",
    "an",
    "some",
    "many",
    "every",
    "each",
    "all",
    "both",
    "yet",
    "so",
    "because",
    "once",
    "until",
    "unless",
    "whether",
    "where",
    "meanwhile",
    "however",
    "also",
    "still",
    "even",
    "only",
    "later",
    "earlier",
    "thus",
    "hence",
    "nevertheless",
    "moreover",
    "indeed",
    "asked",
    "responding",
    "like",
    "unlike",
    "among",
    "according",
    "during",
    "from",
    "by",
    "to",
    "of",
    "mayor's",
]);

pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.has(word)
}

/// Small words that may sit inside a name (Ursula von der Leyen).
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "al", "la", "le", "da", "di", "du", "del", "dos", "ibn", "ter",
];

/// Nouns that name a person by role: "the diplomat", "a source close to the talks".
pub static ROLE_NOUNS: Lexicon = Lexicon::new(&[
    "diplomat",
    "minister",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "president",
    "senator",
    "ambassador",
    "expert",
    "analyst",
    "scientist",
    "professor",
    "general",
    "commander",
    "leader",
    "chancellor",
    "premier",
    "envoy",
    "negotiator",
    "deputy",
    "governor",
    "mayor",
    "lawmaker",
    "source",
    "sources",
    "head",
    "chief",
    "director",
    "veteran",
    "soldier",
    "coordinator",
    "mediators",
    "negotiators",
    "rebels",
    "insurgents",
    "militants",
    "representative",
    "economist",
    "journalist",
    "correspondent",
    "politician",
    "researcher",
    "historian",
    "lawyer",
    "adviser",
    "advisor",
    "officer",
    "witness",
    "resident",
    "activist",
    "strategist",
    "politologist",
    "chairman",
    "chairwoman",
    "interviewee",
    "speaker",
    "author",
    "admiral",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "administrator",
    "commissioner",
    "judge",
    "attorney",
    "prosecutor",
    "sheriff",
    "engineer",
    "executive",
    "founder",
    "superintendent",
    "scientists",
    "researchers",
    "experts",
    "analysts",
    "authors",
    "investigators",
]);

/// Posts and ranks, and how they are written short before a name.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("colonel", "col"),
    ("general", "gen"),
    ("captain", "capt"),
    ("lieutenant", "lt"),
    ("sergeant", "sgt"),
    ("admiral", "adm"),
    ("major", "maj"),
    ("brigadier", "brig"),
    ("corporal", "cpl"),
    ("commander", "cmdr"),
    ("senator", "sen"),
    ("representative", "rep"),
    ("governor", "gov"),
    ("professor", "prof"),
    ("doctor", "dr"),
];

/// People by what they are in a crowd, not by a post: `A woman says`,
/// `One shopkeeper said`. `The woman` is only one the text spoke of so.
pub static PEOPLE: Lexicon = Lexicon::new(&[
    "woman",
    "man",
    "mother",
    "father",
    "girl",
    "boy",
    "teenager",
    "survivor",
    "refugee",
    "shopkeeper",
    "trader",
    "vendor",
    "merchant",
    "driver",
    "nurse",
    "farmer",
    "fisherman",
    "teacher",
    "student",
    "worker",
    "villager",
    "voter",
    "protester",
    "demonstrator",
]);

/// Titles of posts that make one capitalized word a person (`President
/// Biden`), where `Eastern Europe` stays a place; ranks and forms of
/// address do too (`Mr. Bates`, see [`is_personal_title`]).
static PERSONAL_TITLES: Lexicon = Lexicon::new(&[
    "councillor",
    "councilor",
    "alderman",
    "mp",
    "congressman",
    "congresswoman",
    "bishop",
    "rabbi",
    "detective",
    "inspector",
    "constable",
    "president",
    "minister",
    "secretary",
    "ambassador",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "pope",
    "commissioner",
    "envoy",
    "adviser",
    "advisor",
    "director",
    "administrator",
    "chairman",
    "chairwoman",
    "leader",
    "premier",
    "cmdr",
    "hon",
    "supt",
    "insp",
    "det",
    "cdr",
]);

/// A post's title (`President`, `Minister`) or a rank or form of address
/// (`Gen.`, `Mr.`); not `Major`, too often the adjective.
pub fn is_personal_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    PERSONAL_TITLES.has(word) || (RANKS.has(word) && !word.eq_ignore_ascii_case("major"))
}

/// Ranks and forms of address, which hold no post: a general may chair the
/// Joint Chiefs, a doctor lead an agency.
static RANKS: Lexicon = Lexicon::new(&[
    "general",
    "gen",
    "admiral",
    "adm",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "major",
    "maj",
    "brigadier",
    "brig",
    "corporal",
    "cpl",
    "pvt",
    "pfc",
    "spc",
    "mr",
    "ms",
    "mrs",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "dame",
    "rev",
    "reverend",
]);

pub fn is_rank(word: &str) -> bool {
    RANKS.has(word.trim_end_matches('.'))
}

pub fn is_title(word: &str) -> bool {
    TITLE_WORDS.has(word.trim_end_matches('.'))
}

fn is_particle(word: &Word) -> bool {
    PARTICLES.iter().any(|p| word.core() == *p)
}

/// An initial or initials: `G.`, `G.V.`.
pub fn is_initials(word: &Word) -> bool {
    let raw = word.raw.trim_end_matches(',');
    raw.contains('.') && raw.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && raw.len() <= 6
}

/// Whether a word ending in a period still goes on with a name after it:
/// initials (`G.V.`) and abbreviated titles (`Mr.`, `Dr.`).
pub fn period_within_name(word: &Word) -> bool {
    is_initials(word) || is_personal_title(word.raw.trim_end_matches('.')) || word.raw == "St."
}

/// A name in quotation marks, one word that opens and closes them: a
/// nickname (`P.K. "Ken" Keen`) or a show (`NBC "Today"`).
pub fn quoted_name(w: &Word) -> bool {
    let raw = w.raw.trim_end_matches([',', '.', ';', ':']);
    raw.starts_with(super::prose::is_quote_mark)
        && raw.ends_with(super::prose::is_quote_mark)
        && w.core().starts_with(char::is_uppercase)
        && w.core().chars().all(|c| is_word_char(c) || c == '-')
}

/// A word that can be part of a run of capitalized words naming someone.
pub fn in_name_run(word: &Word) -> bool {
    (word.is_capitalized() && !word.raw.starts_with(super::prose::is_quote_mark))
        || quoted_name(word)
        || is_particle(word)
        || word.raw == "&"
}

/// The name in a run of capitalized words, and the title words before
/// it: `Deputy Foreign Minister Sergey Ryabkov` → (`Sergey Ryabkov`,
/// `Deputy Foreign Minister`). At most three words are a name: in a longer
/// run the last two are (the rest is an institution before it). None when
/// nothing but titles and institutions is left, or when what is left is
/// an acronym.
pub fn split_name(run: &[Word]) -> Option<(String, Option<String>)> {
    // `Mayor Ellen Park`, `Mayor Park`: after a personal title, a place's
    // word at the end is a surname (not `Yellowstone National Park`).
    let surname = |i: usize| {
        i == run.len() - 1 && i >= 1 && is_personal_title(run[0].core()) && !is_personal_title(run[i].core())
    };
    let mut start = 0;
    while start < run.len()
        && !surname(start)
        && (is_title(run[start].core())
            // `Then-minister Jonas Falk`, `Ex-President …`
            || run[start].core().split_once('-').is_some_and(|(_, title)| is_title(title))
            || is_initials(&run[start])
            || run[start].is_acronym()
            || is_function_word(run[start].core()))
    {
        start += 1;
    }
    // Titles inside a long run (`Russian Federation Sergey Ryabkov`): the
    // name is what follows the last title word.
    // `St.` after a first name is part of the name (`Karen St. Germain`).
    let saint_in_name = |i: usize| i > 0 && run[i].is_any(&["st", "saint"]) && !is_title(run[i - 1].core());
    if let Some(last_title) =
        (start..run.len()).rev().find(|&i| is_title(run[i].core()) && !saint_in_name(i) && !surname(i))
    {
        start = last_title + 1;
    }
    // `President and CEO Joe Nolan`: the joined titles go with the title.
    while start < run.len() && (run[start].is("and") || run[start].is_acronym()) {
        start += 1;
    }
    let mut name = &run[start..];
    // `Lloyd J. Austin III`: the suffix goes back on at the end.
    let suffix = name.split_last().filter(|(last, rest)| !rest.is_empty() && is_suffix(last.core()));
    if let Some((_, rest)) = suffix {
        name = rest;
    }
    while name.last().is_some_and(is_particle) {
        name = &name[..name.len() - 1];
    }
    if name.is_empty() || name.iter().any(|w| w.is_acronym() || w.raw == "&" || w.is("of")) {
        return None;
    }
    // `61st Cavalry Regiment`: a body, not a person.
    if name.len() > 1 && name.last().is_some_and(|w| w.is_any(super::clauses::UNITS)) {
        return None;
    }
    // One word after an acronym or an institution is not a person's name
    // (`RIA Novosti`) unless a personal title says so (`NATO chief Stoltenberg`).
    if name.len() == 1 && start > 0 && !run[..start].iter().any(|w| is_personal_title(w.core())) {
        return None;
    }
    // After an institution (`PRUE G.V. Plekhanova Andrey Koshkin`) or in a
    // long run, a name is a first name and a surname.
    let after_institution = run[..start].iter().any(|w| w.is_acronym() || is_initials(w));
    let words =
        name.iter().filter(|w| !is_particle(w) && !is_initials(w) && !w.is_any(&["st", "saint"])).count();
    // `Ambassador to Haiti Kenneth Merten`: after `to`, a place comes first.
    let after_preposition = start > 0 && run[start - 1].is_any(&["to", "for", "in", "at"]);
    if words > 3 || ((after_institution || after_preposition) && words == 3) {
        let first_of_last_two = name
            .iter()
            .rposition(|w| !is_particle(w))
            .map_or(0, |last| name[..last].iter().rposition(|w| !is_particle(w)).unwrap_or(last));
        name = &name[first_of_last_two..];
        start += first_of_last_two;
    }
    let words: Vec<&str> = name.iter().chain(suffix.map(|(last, _)| last)).map(|w| clean(w.raw)).collect();
    let title: Vec<&str> = run[..start].iter().map(|w| clean(w.raw)).collect();
    let title = (!title.is_empty()).then(|| title.join(" "));
    Some((words.join(" "), title))
}

/// A word without the punctuation around it, but with the period of an
/// abbreviation (`Mr.`) and inner marks (`O’Brien`, `Jean-Yves`).
fn clean(raw: &str) -> &str {
    let trimmed = raw.trim_start_matches(|c: char| !is_word_char(c));
    let end = trimmed.trim_end_matches(|c: char| !is_word_char(c) && c != '.');
    let keeps_period = is_title(end) || end.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let end = if end.ends_with('.') && !keeps_period { end.trim_end_matches('.') } else { end };
    end.strip_suffix("’s").or_else(|| end.strip_suffix("'s")).unwrap_or(end)
}

/// The key a person is known by: their surname in lower case.
fn key(name: &str) -> String {
    name.split_whitespace().rev().find(|w| !is_suffix(w)).unwrap_or(name).to_lowercase()
}

/// `Jr.`, `III`: what follows a surname.
fn is_suffix(word: &str) -> bool {
    matches!(word.trim_end_matches(['.', ',']), "Jr" | "Sr" | "II" | "III" | "IV")
}

/// Whether a speaker's name brings them in as one of many (`A resident`,
/// `One shopkeeper`).
pub fn is_one_of_many(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "one"))
}

/// A form of address, which says nothing of a post: `Mr.`, `Dr.`, `Sir`.
pub fn is_form_of_address(word: &str) -> bool {
    honorific_gender(word).is_some()
        || matches!(
            word.to_lowercase().trim_end_matches('.'),
            "dr" | "doctor" | "prof" | "professor" | "rev" | "reverend"
        )
}

fn honorific_gender(word: &str) -> Option<bool> {
    match word.to_lowercase().trim_end_matches('.') {
        "mr" | "sir" | "king" | "prince" => Some(false),
        "ms" | "mrs" | "miss" | "dame" | "queen" | "princess" => Some(true),
        _ => None,
    }
}

impl Cast {
    fn add(&mut self, key: String, person: Person) -> PersonIx {
        let ix = self.people.push(person);
        self.keys.insert(key, ix);
        ix
    }

    /// The person a name stands for, made known if new: one per surname, the
    /// fullest form as the name and the others as aliases.
    pub fn named(&mut self, name: &str, title: Option<&str>) -> PersonIx {
        let female = title.and_then(|t| t.split_whitespace().find_map(honorific_gender));
        // `Ms.` says who she is, not what she does: no role.
        let title = title.filter(|t| !t.split_whitespace().all(|w| honorific_gender(w).is_some()));
        let key = key(name);
        // `Mr. Berhan` after `Berhan Hailu`: where the given name is the one
        // used with a title, the only person known by it.
        let addressed = || {
            if name.contains(' ') || female.is_none() {
                return None;
            }
            let mut by_given = self.people.iter().enumerate().filter(|(_, p)| {
                p.sort == Sort::Named
                    && p.name.contains(' ')
                    && p.name.split_whitespace().next() == Some(name)
            });
            match (by_given.next(), by_given.next()) {
                (Some((ix, _)), None) => Some(PersonIx::new(ix)),
                _ => None,
            }
        };
        if let Some(ix) = self.keys.get(&key).copied().or_else(addressed) {
            let person = &mut self.people[ix];
            let fuller = name.split_whitespace().count() > person.name.split_whitespace().count();
            if fuller && person.sort == Sort::Named {
                let old = std::mem::replace(&mut person.name, name.to_string());
                if !person.aliases.contains(&old) {
                    person.aliases.push(old);
                }
            } else if person.name != name && !person.aliases.iter().any(|a| a == name) {
                person.aliases.push(name.to_string());
            }
            if let Some(t) = title
                && person.role.is_none()
            {
                person.role = Some(t.to_string());
            }
            person.female = person.female.or(female);
            return ix;
        }
        let person = Person {
            name: name.to_string(),
            aliases: Vec::new(),
            role: title.map(str::to_string),
            sort: Sort::Named,
            female,
        };
        self.add(key, person)
    }

    /// The person already known by this name's surname.
    pub fn known(&self, name: &str) -> Option<PersonIx> {
        self.keys.get(&key(name)).copied()
    }

    /// A speaker that is not a named person: a label, a group, an unnamed
    /// source, or nobody known.
    pub fn other(&mut self, name: &str, sort: Sort, role: Option<&str>) -> PersonIx {
        self.other_keyed(format!("{sort:?}:{}", name.to_lowercase()), name, sort, role)
    }

    /// Someone the text brings in as one of many (`A resident said`, at
    /// `at`): another person each time, though the words are the same.
    pub fn one_of_many(&mut self, name: &str, at: usize) -> PersonIx {
        let key = format!("{:?}:{}@{at}", Sort::Unnamed, name.to_lowercase());
        self.other_keyed(key, name, Sort::Unnamed, None)
    }

    fn other_keyed(&mut self, key: String, name: &str, sort: Sort, role: Option<&str>) -> PersonIx {
        if let Some(&ix) = self.keys.get(&key) {
            return ix;
        }
        let person = Person {
            name: name.to_string(),
            aliases: Vec::new(),
            role: role.map(str::to_string),
            sort,
            female: None,
        };
        self.add(key, person)
    }

    /// Takes in the people another reader of the same text found (one
    /// that started from a copy of this cast): the same person, by key,
    /// becomes one, with what each knew of them. Returns where each of the
    /// other's people is now.
    pub fn absorb(&mut self, other: Cast) -> Vec<PersonIx> {
        let mut map = vec![PersonIx::new(0); other.people.len()];
        // In the order the other reader met them, so that the draft is the
        // same on every run.
        let mut keys: Vec<(String, PersonIx)> = other.keys.into_iter().collect();
        keys.sort_by_key(|(_, ix)| *ix);
        for (key, ix) in keys {
            let person = &other.people[ix];
            let mine = match self.keys.get(&key) {
                Some(&mine) => {
                    // Forms of the name by their surname; the rest (`the
                    // diplomat`, `The President`) as aliases.
                    for name in std::iter::once(&person.name).chain(&person.aliases) {
                        if person.sort == Sort::Named && self::key(name) == key {
                            self.named(name, None);
                        } else {
                            self.alias(mine, name);
                        }
                    }
                    let p = &mut self.people[mine];
                    p.role = p.role.take().or(person.role.clone());
                    p.female = p.female.or(person.female);
                    mine
                }
                None => self.add(key, person.clone()),
            };
            map[ix.index()] = mine;
        }
        map
    }

    /// Notes that the text calls a named person `she` (or `he`), unless it
    /// is known already.
    pub fn gender(&mut self, person: PersonIx, female: bool) {
        let p = &mut self.people[person];
        if p.sort == Sort::Named && p.female.is_none() {
            p.female = Some(female);
        }
    }

    pub fn alias(&mut self, person: PersonIx, alias: &str) {
        let p = &mut self.people[person];
        if p.name != alias && !p.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
            p.aliases.push(alias.to_string());
        }
    }

    /// Several people speaking as one: `A and B`, `A, B and C`.
    pub fn group(&mut self, people: &[PersonIx]) -> PersonIx {
        let names: Vec<&str> = people.iter().map(|&p| self.people[p].name.as_str()).collect();
        let name = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        };
        self.other(&name, Sort::Group, Some("speaking jointly"))
    }

    /// The mentions in a range of the text, in order.
    pub fn mentions_in(&self, range: Range<usize>) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.at < range.start);
        let to = self.mentions.partition_point(|m| m.at < range.end);
        &self.mentions[from..to]
    }

    /// The named people a range of the text mentions, each once, in order.
    pub fn mentioned(&self, range: Range<usize>) -> Vec<PersonIx> {
        let mut out = Vec::new();
        for m in self.mentions_in(range) {
            if self.people[m.person].sort == Sort::Named && !out.contains(&m.person) {
                out.push(m.person);
            }
        }
        out
    }

    /// Notes that `person` is named at byte `at`.
    pub fn mention(&mut self, at: usize, person: PersonIx) {
        self.mention_as(at, person, false);
    }

    /// Notes that `person` is named at byte `at`, as an object when `object`.
    pub fn mention_as(&mut self, at: usize, person: PersonIx, object: bool) {
        let i = self.mentions.partition_point(|m| m.at <= at);
        self.mentions.insert(i, Mention { at, person, object });
    }

    /// Whether a named person was mentioned anywhere before `at`.
    pub fn anyone_named_before(&self, at: usize) -> bool {
        let end = self.mentions.partition_point(|m| m.at < at);
        self.mentions[..end].iter().any(|m| self.people[m.person].sort == Sort::Named)
    }

    /// Candidates for "he", "she" or "the diplomat" at `at`: the people
    /// named before it, nearest first, within a few paragraphs.
    fn before(&self, at: usize) -> impl Iterator<Item = &Mention> {
        const REACH: usize = 4_000;
        let end = self.mentions.partition_point(|m| m.at < at);
        self.mentions[..end].iter().rev().take_while(move |m| m.at + REACH >= at)
    }

    /// The person a pronoun stands for: the nearest person named before it
    /// whom the pronoun fits (`she` skips a Mr.; `they` wants a group or an
    /// unnamed source). What it finds, it remembers: once "she" stood for
    /// someone, "he" no longer does.
    pub fn pronoun(&mut self, at: usize, pronoun: &str) -> Option<PersonIx> {
        let pronoun = pronoun.to_lowercase();
        if pronoun == "it" {
            return self.before(at).map(|m| m.person).find(|&p| self.people[p].sort == Sort::Body);
        }
        let wants = match pronoun.as_str() {
            "he" | "him" | "his" => Some(false),
            "she" | "her" => Some(true),
            _ => None,
        };
        let fits = |person: &Person| match wants {
            // `he` is one person: not `Experts`.
            Some(female) => person.female != Some(!female) && person.is_one_person(),
            // `The governor`, `A scientific paper`: one, not `they`.
            None => match person.sort {
                Sort::Group | Sort::Body => true,
                Sort::Unnamed => !person.is_one(),
                Sort::Named | Sort::Label | Sort::Unknown => false,
            },
        };
        // The nearest subject that fits, unless only objects are near.
        const NEAR: usize = 1_500;
        let subject = self
            .before(at)
            .take_while(|m| m.at + NEAR >= at)
            .find(|m| !m.object && fits(&self.people[m.person]))
            .map(|m| m.person);
        let found = subject.or_else(|| self.before(at).map(|m| m.person).find(|&p| fits(&self.people[p])))?;
        if let Some(female) = wants {
            self.gender(found, female);
        }
        Some(found)
    }

    /// The person `he` or `she` stands for inside a quotation of `speaker`:
    /// the nearest one before it who fits, other than the speaker.
    pub fn pronoun_quoted(&self, at: usize, pronoun: &str, speaker: PersonIx) -> Option<PersonIx> {
        let female = pronoun.eq_ignore_ascii_case("she");
        self.before(at).map(|m| m.person).find(|&p| {
            let person = &self.people[p];
            p != speaker && person.sort == Sort::Named && person.female != Some(!female)
        })
    }

    /// The person "the diplomat" stands for: the nearest one whose name or
    /// role has that noun, else the nearest named person.
    pub fn role(&self, at: usize, noun: &str) -> Option<PersonIx> {
        // `The governor` is not someone titled Mayor: a post goes only to
        // someone who holds it or whose post the text has not said.
        let post = is_personal_title(noun);
        // What the text said someone is (`astrophysicist`, `director of …`,
        // `President`) is a post; a rank or a form of address is not.
        let states_a_post = |r: &str| {
            r.split_whitespace().map(|w| w.trim_end_matches([',', ';'])).any(|w| {
                (is_personal_title(w) && !is_rank(w) && !is_form_of_address(w))
                    || (w.starts_with(char::is_lowercase) && !is_function_word(w))
            })
        };
        let other_post = |p: PersonIx| post && self.people[p].role.as_deref().is_some_and(states_a_post);
        // `The minister` is not `the mayor`: an unnamed one is their post.
        let named_by_post = |p: PersonIx| {
            let person = &self.people[p];
            post && person.sort == Sort::Unnamed
                && person
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| is_personal_title(w) && !w.eq_ignore_ascii_case(noun))
        };
        self.role_holder(at, noun).or_else(|| {
            self.before(at)
                .map(|m| m.person)
                .find(|&p| self.people[p].is_one_person() && !other_post(p) && !named_by_post(p))
        })
    }

    /// The nearest one before `at` whose name or role holds `noun` (or
    /// its short form: `the colonel` is `Army Col. Steve Warren`).
    pub fn role_holder(&self, at: usize, noun: &str) -> Option<PersonIx> {
        let noun = noun.to_lowercase();
        let short = SHORT_FORMS.iter().find(|(long, _)| *long == noun).map(|(_, short)| *short);
        let fits = |p: PersonIx| {
            let person = &self.people[p];
            let in_role = |r: &str| {
                r.to_lowercase().contains(&noun)
                    || short.is_some_and(|s| {
                        r.split_whitespace().any(|w| w.trim_end_matches('.').eq_ignore_ascii_case(s))
                    })
            };
            person.role.as_deref().is_some_and(in_role) || person.name.to_lowercase().contains(&noun)
        };
        self.before(at).map(|m| m.person).find(|&p| fits(p))
    }

    /// The institution `the committee` stands for: the nearest one before
    /// `at` whose name ends with that word (`Harbour committee`).
    pub fn institution(&self, at: usize, noun: &str) -> Option<PersonIx> {
        self.before(at).map(|m| m.person).find(|&p| {
            let person = &self.people[p];
            person.sort == Sort::Body
                && person.name.split_whitespace().count() > 1
                && person.name.split_whitespace().last().is_some_and(|w| w.eq_ignore_ascii_case(noun))
        })
    }

    /// The writing `the story` stands for: the nearest one before `at`
    /// that the text named by the same word, or by another word for a
    /// news story (`A newspaper report` … `The story`).
    pub fn writing(&self, at: usize, noun: &str) -> Option<PersonIx> {
        const NEWS: &[&str] = &["report", "story", "article"];
        let noun = noun.to_lowercase();
        let same = |w: &str| w == noun || (NEWS.contains(&w) && NEWS.contains(&noun.as_str()));
        self.before(at).map(|m| m.person).find(|&p| {
            let person = &self.people[p];
            person.sort == Sort::Body
                && person.name.split_whitespace().last().is_some_and(|w| same(&w.to_lowercase()))
        })
    }

    /// The people `the scientists` stands for: the nearest group the text
    /// spoke of together, or unnamed ones it called so.
    pub fn plural_role(&self, at: usize, noun: &str) -> Option<PersonIx> {
        let noun = noun.to_lowercase();
        self.before(at).map(|m| m.person).find(|&p| {
            let person = &self.people[p];
            person.sort == Sort::Group
                || (person.sort == Sort::Unnamed && person.name.to_lowercase().contains(&noun))
        })
    }

    /// The unnamed one `the shopkeeper` stands for: the nearest the text
    /// called so; for `the woman` or `the man`, the nearest one person the
    /// text did not name (`A Rangoon resident … says she …` ¶ `The woman says`).
    pub fn unnamed(&self, at: usize, noun: &str) -> Option<PersonIx> {
        const FEMALE: &[&str] = &["woman", "girl", "mother", "women", "girls", "mothers"];
        const MALE: &[&str] = &["man", "boy", "father", "men", "boys", "fathers"];
        let noun = noun.to_lowercase();
        let other_sex = match noun.as_str() {
            "woman" | "girl" => Some(MALE),
            "man" | "boy" => Some(FEMALE),
            _ => None,
        };
        self.before(at).map(|m| m.person).find(|&p| {
            let person = &self.people[p];
            let name = person.name.to_lowercase();
            let words: Vec<&str> = name.split_whitespace().collect();
            let anyone = other_sex
                .is_some_and(|other| is_one_of_many(&name) && !words.iter().any(|w| other.contains(w)));
            person.sort == Sort::Unnamed && (words.contains(&noun.as_str()) || anyone)
        })
    }

    /// The person a capitalized post stands for (`The Secretary`, `The
    /// President` in a readout): the text's own principal, so only someone
    /// named with that post as a subject, never the counterpart they met.
    pub fn principal(&self, at: usize, noun: &str) -> Option<PersonIx> {
        let noun = noun.to_lowercase();
        self.before(at).filter(|m| !m.object).map(|m| m.person).find(|&p| {
            let person = &self.people[p];
            person.sort == Sort::Named
                && person.role.as_deref().is_some_and(|r| r.to_lowercase().contains(&noun))
        })
    }

    /// A person named with a title in the text (`President Biden`): the
    /// one a label like `THE PRESIDENT:` most often stands for.
    pub fn titled(text: &str, title: &str) -> Option<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        let needle = format!("{title} ");
        for (i, _) in text.match_indices(&needle).take(10_000) {
            let rest = &text[i + needle.len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
            if name.chars().next().is_some_and(char::is_uppercase) && name.chars().any(char::is_lowercase) {
                match counts.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((name, 1)),
                }
            }
        }
        counts.into_iter().max_by_key(|&(_, n)| n).map(|(name, _)| name)
    }

    /// The fullest form of a surname in the text (`Psaki` → `Jen Psaki`):
    /// a capitalized first name right before it.
    pub fn full_name(text: &str, surname: &str) -> Option<String> {
        for (i, _) in text.match_indices(surname).take(10_000) {
            let before = text[..i].trim_end_matches(' ');
            if before.len() + 1 != i {
                continue;
            }
            let first: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after = text[i + surname.len()..].chars().next();
            if first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().count() >= 2
                && first.chars().skip(1).all(char::is_lowercase)
                && !is_title(&first)
                && after.is_none_or(|c| !is_word_char(c))
            {
                return Some(format!("{first} {surname}"));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::prose::words;

    fn split(s: &str) -> Option<(String, Option<String>)> {
        split_name(&words(s, 0..s.len()))
    }

    #[test]
    fn names_lose_their_titles_and_institutions() {
        assert_eq!(
            split("Deputy Foreign Minister Sergey Ryabkov"),
            Some(("Sergey Ryabkov".into(), Some("Deputy Foreign Minister".into())))
        );
        assert_eq!(
            split("Russian Federation Sergey Ryabkov"),
            Some(("Sergey Ryabkov".into(), Some("Russian Federation".into())))
        );
        assert_eq!(split("PRUE G.V. Plekhanova Andrey Koshkin").map(|n| n.0), Some("Andrey Koshkin".into()));
        assert_eq!(split("Ursula von der Leyen").map(|n| n.0), Some("Ursula von der Leyen".into()));
        assert_eq!(split("Ryabkov’s").map(|n| n.0), Some("Ryabkov".into()));
        assert_eq!(split("RIA Novosti"), None);
        assert_eq!(split("The White House"), None);
        assert_eq!(split("61st Cavalry Regiment"), None, "an institution");
        assert_eq!(
            split("U.S. Ambassador to Haiti Kenneth Merten"),
            Some(("Kenneth Merten".into(), Some("U.S. Ambassador to Haiti".into())))
        );
    }

    #[test]
    fn one_person_however_named() {
        let mut cast = Cast::default();
        let a = cast.named("Ryabkov", None);
        let b = cast.named("Sergey Ryabkov", Some("Deputy Foreign Minister"));
        let c = cast.named("Sergei Ryabkov", None);
        assert!(a == b && b == c);
        let p = &cast.people[a];
        assert_eq!(
            (p.name.as_str(), p.aliases.clone()),
            ("Sergey Ryabkov", vec!["Ryabkov".to_string(), "Sergei Ryabkov".into()])
        );
    }

    #[test]
    fn pronouns_and_roles_go_to_the_nearest_who_fits() {
        let mut cast = Cast::default();
        let sherman = cast.named("Wendy Sherman", Some("Ms."));
        let ryabkov = cast.named("Sergey Ryabkov", Some("Deputy Foreign Minister"));
        cast.mention(10, sherman);
        cast.mention(50, ryabkov);
        assert_eq!(cast.pronoun(60, "he"), Some(ryabkov));
        assert_eq!(cast.pronoun(60, "she"), Some(sherman), "Ryabkov was a he");
        cast.mention(70, sherman);
        assert_eq!(cast.pronoun(80, "he"), Some(ryabkov), "a Ms. is not a he");
        assert_eq!(cast.role(60, "minister"), Some(ryabkov));
        assert_eq!(cast.role(60, "diplomat"), Some(ryabkov));
        assert_eq!(cast.pronoun(5, "he"), None);
        let mut cast = Cast::default();
        let mayor = cast.named("Tom Briggs", Some("Mayor"));
        cast.mention(90, mayor);
        assert_eq!(cast.role(100, "governor"), None, "a mayor is not the governor");
        assert_eq!(cast.role(100, "official"), Some(mayor), "but may be the official");
    }

    #[test]
    fn titled_and_full_names_are_found_in_the_text() {
        let text = "President Biden met President Putin. Later President Biden spoke. Jen Psaki said so; Psaki added.";
        assert_eq!(Cast::titled(text, "President"), Some("Biden".into()));
        assert_eq!(Cast::full_name(text, "Psaki"), Some("Jen Psaki".into()));
    }
}
