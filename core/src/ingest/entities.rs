//! People, places and organisations named in the report, with counts. A
//! heuristic extractor: runs of capitalised words (split at punctuation and
//! sentence starts, joined across "of"/"al"/"de"), role titles before names
//! ("Russian President Vladimir Putin"), the gazetteer for places,
//! demonyms and well-known organisations, and cue words ("… News", "… Forces").
//! Variants merge: a surname alone or after a title ("Trump", "President-elect
//! Trump") counts for the full name the article uses ("Donald Trump"); aliases
//! ("IS", "ISIS") count for one canonical name. A surname the article never
//! gives in full still counts as a person when a title or a verb of speech
//! says so ("President Obama", "Merkel said", "said Merkel").

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::article::{sort_entities, Entities, EntityCount};

use super::dateline::{is_weekday, month_number};
use super::gazetteer::{
    CONNECTORS, DEMONYMS, DESCRIPTORS, FUNCTION_WORDS, NOT_ACRONYMS, ORGANIZATIONS, ORG_CUES,
    PLACES, PLACE_CUES, ROLES, STARTERS,
};

/// Longest capitalised run still looked at as one name.
const MAX_NAME_WORDS: usize = 8;

#[derive(Debug, Clone)]
struct Tok<'a> {
    word: Cow<'a, str>,
    /// A sentence starts here: capitalisation says nothing.
    sentence_start: bool,
    /// Punctuation stands between this word and the previous one.
    break_before: bool,
    /// A verb of speech stands right before or after the word: whoever says
    /// or is quoted is a person ("Merkel said", "said Merkel").
    speaks: bool,
}

impl Tok<'_> {
    fn cap(&self) -> bool {
        self.word.starts_with(|c: char| c.is_uppercase())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Person,
    Place,
    Org,
    /// A lone capitalised word: a person only if it is the surname of a full name.
    Single,
}

#[derive(Debug)]
struct Mention {
    kind: Kind,
    name: String,
    /// A role title stood before it ("President Obama").
    titled: bool,
}

/// Lookup tables built once per extraction.
struct Gazetteer {
    places: HashMap<&'static str, &'static str>,
    demonyms: HashMap<&'static str, &'static str>,
    orgs: HashMap<&'static str, &'static str>,
}

impl Gazetteer {
    fn new() -> Gazetteer {
        let canon = |t: &[(&'static str, &'static str)]| -> HashMap<&'static str, &'static str> {
            t.iter()
                .map(|(v, c)| (*v, if c.is_empty() { *v } else { *c }))
                .collect()
        };
        Gazetteer {
            places: canon(PLACES),
            demonyms: canon(DEMONYMS),
            orgs: canon(ORGANIZATIONS),
        }
    }

    /// "Russians" → "Russia"; "Israeli" → "Israel".
    fn demonym(&self, w: &str) -> Option<&'static str> {
        self.demonyms
            .get(w)
            .or_else(|| w.strip_suffix('s').and_then(|s| self.demonyms.get(s)))
            .copied()
    }

    fn known(&self, name: &str) -> Option<(Kind, String)> {
        if let Some(o) = self.orgs.get(name) {
            return Some((Kind::Org, o.to_string()));
        }
        if let Some(p) = self.places.get(name) {
            return Some((Kind::Place, p.to_string()));
        }
        if !name.contains(' ') {
            if let Some(p) = self.demonym(name) {
                return Some((Kind::Place, p.to_string()));
            }
        }
        None
    }
}

/// Splits text into words, noting sentence starts and punctuation breaks.
fn tokenize<'a>(text: &'a str, out: &mut Vec<Tok<'a>>) {
    let mut sentence_start = true;
    let mut break_next = true;
    for raw in text.split_whitespace() {
        let lead_len = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let lead = &raw[..lead_len];
        let body = &raw[lead_len..];
        let mut core = body.trim_end_matches(|c: char| !c.is_alphanumeric());
        let trail = &body[core.len()..];
        let mut possessive = false;
        for suffix in ["’s", "'s"] {
            if let Some(s) = core.strip_suffix(suffix) {
                core = s;
                possessive = true;
            }
        }
        // "U.S.’s": the full stop before the possessive is not part of the word.
        core = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            // A dash or a lone quote between words.
            break_next = true;
            continue;
        }
        // "U.S" → "US": initials written with full stops.
        let dotted = core.contains('.')
            && core
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
        let word: Cow<'a, str> = if dotted {
            Cow::Owned(core.replace('.', ""))
        } else {
            Cow::Borrowed(core)
        };
        let abbreviation = dotted
            || word.chars().count() == 1
            || ROLES.contains(&word.as_ref()) && trail.starts_with('.')
            || month_number(&word).is_some() && word.len() <= 4;
        let break_before = break_next || !lead.is_empty();
        // Hyphenated names ("US-Russia", "Israeli-Palestinian") are separate names.
        if word.contains('-')
            && word
                .split('-')
                .all(|p| p.starts_with(|c: char| c.is_uppercase()))
        {
            for (i, p) in word.split('-').enumerate() {
                out.push(Tok {
                    word: Cow::Owned(p.to_string()),
                    sentence_start: sentence_start && i == 0,
                    break_before: true,
                    speaks: false,
                });
            }
        } else {
            out.push(Tok {
                word,
                sentence_start,
                break_before,
                speaks: false,
            });
        }
        // "U.S." and "Mr." end in a full stop without ending the sentence.
        let ends = trail.contains(['!', '?', ':']) || (trail.contains('.') && !abbreviation);
        sentence_start = ends;
        // "Trump's White House" is two names.
        break_next = ends || possessive || !trail.is_empty();
    }
}

/// Verbs of speech that follow their speaker in news reports ("Merkel said").
const SPOKE: [&str; 4] = ["said", "says", "told", "tweeted"];
/// Verbs that also come before their speaker ("…,” said Merkel.).
const SAID_BY: [&str; 4] = ["said", "says", "added", "wrote"];

/// Marks the words right beside a verb of speech, within the same clause.
/// "The Treasury said" is an institution ("the" does not stand before a
/// person's name), and "says Rohingya abuse …" a subject, not a speaker: the
/// speaker after the verb ends the clause.
fn mark_speakers(toks: &mut [Tok]) {
    for i in 0..toks.len() {
        let verb = toks[i].word.as_ref();
        let (before, after) = (SPOKE.contains(&verb), SAID_BY.contains(&verb));
        if before && i > 0 && !toks[i].break_before {
            let determined = i > 1
                && !toks[i - 1].break_before
                && matches!(
                    toks[i - 2].word.to_lowercase().as_str(),
                    "the" | "a" | "an" | "its" | "their" | "our"
                );
            toks[i - 1].speaks |= !determined;
        }
        let clause_ends = toks.get(i + 2).is_none_or(|t| t.break_before);
        if let Some(next) = toks.get_mut(i + 1) {
            if after && !next.break_before && clause_ends {
                next.speaks = true;
            }
        }
    }
}

/// Maximal runs of capitalised words, joined across connectors.
fn runs<'t, 'a>(toks: &'t [Tok<'a>]) -> Vec<&'t [Tok<'a>]> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            match toks.get(end) {
                Some(t) if t.cap() && !t.break_before && !t.sentence_start => end += 1,
                Some(t)
                    if CONNECTORS.contains(&t.word.as_ref())
                        && !t.break_before
                        && toks
                            .get(end + 1)
                            .is_some_and(|n| n.cap() && !n.break_before) =>
                {
                    end += 2
                }
                _ => break,
            }
        }
        out.push(&toks[start..end]);
        i = end;
    }
    out
}

fn join(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| t.word.as_ref())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.chars().count())
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && !NOT_ACRONYMS.contains(&w)
}

fn is_calendar(w: &str) -> bool {
    is_weekday(w) || month_number(w).is_some_and(|_| w.len() >= 3)
}

/// Two to four capitalised words that are not a title of a work.
fn person_shaped(toks: &[Tok]) -> bool {
    (2..=5).contains(&toks.len())
        && toks.iter().all(|t| {
            let w = t.word.as_ref();
            CONNECTORS.contains(&w)
                || (t.cap()
                    && !FUNCTION_WORDS.contains(&w)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
                    && !(w.chars().count() > 3 && w.chars().all(char::is_uppercase)))
        })
        && !toks.first().is_some_and(|t| is_calendar(&t.word))
}

struct Extractor<'g, 'a> {
    gaz: &'g Gazetteer,
    /// Words seen in lowercase somewhere: such a word opening a sentence is not a name.
    lowercase: HashSet<Cow<'a, str>>,
    /// Words seen capitalised inside a sentence somewhere. "Analysts said"
    /// opens sentences only; a name is capitalised wherever it stands.
    capitalised: HashSet<Cow<'a, str>>,
    /// Capitalised words an "it" or "its" follows in the same sentence.
    itself: HashSet<Cow<'a, str>>,
    mentions: Vec<Mention>,
}

impl Extractor<'_, '_> {
    fn push(&mut self, kind: Kind, name: String, titled: bool) {
        self.mentions.push(Mention { kind, name, titled });
    }

    /// Places or organisations among words that are not a name themselves.
    fn loose_words(&mut self, toks: &[Tok]) {
        for t in toks {
            if let Some((k, n)) = self.gaz.known(&t.word) {
                self.push(k, n, false);
            } else if is_acronym(&t.word) {
                self.push(Kind::Org, t.word.to_string(), false);
            }
        }
    }

    fn run(&mut self, mut run: &[Tok]) {
        // No name is this long: a shouted heading or a list of names. Looking
        // at its words one by one also keeps the recursion below shallow.
        if run.len() > MAX_NAME_WORDS {
            self.loose_words(run);
            return;
        }
        // Sentence openers and articles are not part of a name.
        while let Some(first) = run.first() {
            let w = first.word.as_ref();
            let opener = first.sentence_start
                && (STARTERS.contains(&w) || self.lowercase.contains(w.to_lowercase().as_str()));
            if opener && self.gaz.known(w).is_none()
                || matches!(w, "The" | "A" | "An")
                || DESCRIPTORS.contains(&w)
                || is_calendar(w) && run.get(1).is_none_or(|n| !n.cap())
            {
                run = &run[1..];
            } else {
                break;
            }
        }
        // "Donald Trump Monday": a weekday after a name is not part of it.
        while run.last().is_some_and(|t| is_weekday(&t.word)) {
            run = &run[..run.len() - 1];
        }
        if run.is_empty() {
            return;
        }
        let text = join(run);
        if let Some((k, n)) = self.gaz.known(&text) {
            self.push(k, n, false);
            return;
        }
        if let Some(first_role) = run.iter().position(|t| ROLES.contains(&t.word.as_ref())) {
            let last_role = run
                .iter()
                .rposition(|t| ROLES.contains(&t.word.as_ref()))
                .unwrap_or(first_role);
            let before = &run[..first_role];
            if !before.is_empty() {
                self.run(before);
            }
            let mut name = &run[last_role + 1..];
            // "Secretary of State John Kerry", "President of Russia".
            if name.first().is_some_and(|t| t.word == "of") && name.len() >= 2 {
                self.loose_words(&name[1..2]);
                name = &name[2..];
            }
            let name: Vec<Tok> = name
                .iter()
                .filter(|t| !DESCRIPTORS.contains(&t.word.as_ref()))
                .cloned()
                .collect();
            if (1..=4).contains(&name.len()) && name.iter().all(Tok::cap) {
                let n = join(&name);
                match self.gaz.known(&n) {
                    Some((k, canon)) => self.push(k, canon, false),
                    None => self.push(Kind::Person, n, true),
                }
            }
            return;
        }
        let last = run.last().map(|t| t.word.as_ref()).unwrap_or("");
        if ORG_CUES.contains(&last)
            && (run.len() > 1 || ["Congress", "Senate", "Parliament"].contains(&last))
        {
            self.push(Kind::Org, text, false);
            return;
        }
        if PLACE_CUES.contains(&last) && run.len() > 1 {
            self.push(Kind::Place, text, false);
            return;
        }
        if run.len() == 1 {
            let w = &run[0].word;
            if is_acronym(w) {
                self.push(Kind::Org, w.to_string(), false);
            } else if !is_calendar(w) && !STARTERS.contains(&w.as_ref()) && w.chars().count() > 1 {
                // A name is letters ("O'Brien", not "I've", "MONUSCO" or
                // "Rutte-should"), capitalised mid-sentence somewhere, and
                // never "it".
                let name_shaped = w.split(['\'', '’']).all(|p| {
                    p.starts_with(char::is_uppercase) && p.chars().all(char::is_alphabetic)
                }) && !(w.chars().count() > 3
                    && w.chars().all(char::is_uppercase));
                let speaks = run[0].speaks
                    && name_shaped
                    && self.capitalised.contains(w.as_ref())
                    && !self.itself.contains(w.as_ref());
                self.push(Kind::Single, w.to_string(), speaks);
            }
            return;
        }
        // "Russian Aerospace …" without a cue, "Syrian Kurds": the place, then the rest.
        if self.gaz.known(&run[0].word).is_some() {
            self.loose_words(&run[..1]);
            self.run(&run[1..]);
            return;
        }
        if person_shaped(run) {
            self.push(Kind::Person, text, false);
        } else {
            self.loose_words(run);
        }
    }
}

/// The entities of the given body texts.
pub fn extract(texts: &[&str]) -> Entities {
    let gaz = Gazetteer::new();
    let mut toks = Vec::new();
    let mut lowercase = HashSet::new();
    for text in texts {
        let from = toks.len();
        tokenize(text, &mut toks);
        for t in &toks[from..] {
            if t.word.starts_with(|c: char| c.is_lowercase()) && !lowercase.contains(&t.word) {
                lowercase.insert(t.word.clone());
            }
        }
        // A block ends a sentence even without a full stop.
        if let Some(t) = toks.get_mut(from) {
            t.sentence_start = true;
            t.break_before = true;
        }
    }
    mark_speakers(&mut toks);
    let capitalised = toks
        .iter()
        .filter(|t| t.cap() && !t.sentence_start)
        .map(|t| t.word.clone())
        .collect();
    // "Apple said it would …": a company or a place speaks of itself as "it".
    let itself = toks
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            t.cap()
                && toks[i + 1..]
                    .iter()
                    .take(12)
                    .take_while(|n| !n.sentence_start)
                    .any(|n| matches!(n.word.as_ref(), "it" | "its"))
        })
        .map(|(_, t)| t.word.clone())
        .collect();
    let mut ex = Extractor {
        gaz: &gaz,
        lowercase,
        capitalised,
        itself,
        mentions: Vec::new(),
    };
    for run in runs(&toks) {
        ex.run(run);
    }
    resolve(ex.mentions)
}

/// Merges surnames into full names and counts every class.
fn resolve(mentions: Vec<Mention>) -> Entities {
    // Full names by frequency, to pick which one a bare surname means.
    let mut full: HashMap<&str, u32> = HashMap::new();
    for m in &mentions {
        if m.kind == Kind::Person && m.name.contains(' ') {
            *full.entry(m.name.as_str()).or_default() += 1;
        }
    }
    let mut by_surname: HashMap<&str, (&str, u32)> = HashMap::new();
    let mut names: Vec<(&str, u32)> = full.iter().map(|(n, c)| (*n, *c)).collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (name, count) in names {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        by_surname.entry(surname).or_insert((name, count));
    }
    // A family name written first ("Wang Yi", then "Wang said") or a given
    // name: which full name it means is a guess, so a verb of speech alone
    // does not make it a person of its own.
    let first_words: HashSet<&str> = full.keys().filter_map(|n| n.split(' ').next()).collect();
    // A bare word that a title or a verb of speech once marked as a person
    // ("President Obama", "Obama said").
    let titled: HashSet<&str> = mentions
        .iter()
        .filter(|m| {
            m.titled
                && !m.name.contains(' ')
                && (m.kind == Kind::Person
                    || m.kind == Kind::Single && !first_words.contains(m.name.as_str()))
        })
        .map(|m| m.name.as_str())
        .collect();

    let mut counts: HashMap<(Kind, String), u32> = HashMap::new();
    for m in &mentions {
        let key = match m.kind {
            Kind::Person | Kind::Single if !m.name.contains(' ') => {
                if let Some((n, _)) = by_surname.get(m.name.as_str()) {
                    (Kind::Person, n.to_string())
                } else if titled.contains(m.name.as_str()) {
                    (Kind::Person, m.name.clone())
                } else {
                    continue;
                }
            }
            Kind::Single => continue,
            k => (k, m.name.clone()),
        };
        *counts.entry(key).or_default() += 1;
    }
    let list = |kind: Kind| {
        let mut v: Vec<EntityCount> = counts
            .iter()
            .filter(|((k, _), _)| *k == kind)
            .map(|((_, n), c)| EntityCount {
                name: n.clone(),
                count: *c,
            })
            .collect();
        sort_entities(&mut v);
        v
    };
    Entities {
        people: list(Kind::Person),
        places: list(Kind::Place),
        organizations: list(Kind::Org),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[EntityCount]) -> Vec<(&str, u32)> {
        v.iter().map(|e| (e.name.as_str(), e.count)).collect()
    }

    #[test]
    fn variants_of_a_name_merge() {
        let e = extract(&[
            "President-elect Donald Trump spoke with Russian President Vladimir Putin.",
            "Trump said the call went well. President Trump and Putin agreed.",
            "Then Trump’s aides left. President-elect Trump flew to New York.",
        ]);
        assert_eq!(
            names(&e.people),
            [("Donald Trump", 5), ("Vladimir Putin", 2)]
        );
        assert_eq!(names(&e.places), [("New York", 1), ("Russia", 1)]);
    }

    #[test]
    fn a_surname_alone_is_a_person_when_it_speaks() {
        let e = extract(&[
            "Merkel said the talks would go on. Later, Merkel met the delegation.",
            "“We will not give up,” said Rutte, before flying home. Rutte’s aides stayed.",
            "Schulz arrived late. The Zeitgeist was gloomy.",
        ]);
        // Schulz never speaks nor has a title: one capitalised word is too
        // little to call a person.
        assert_eq!(names(&e.people), [("Merkel", 2), ("Rutte", 2)]);
        // A company speaks of itself as "it".
        let e = extract(&["Then Volkswagen said it would pay. Critics doubted Volkswagen."]);
        assert!(e.people.is_empty(), "{:?}", e.people);
        // A family name written first is not a second person.
        let e = extract(&["Foreign Minister Wang Yi spoke first. Wang said talks would go on."]);
        assert_eq!(names(&e.people), [("Wang Yi", 1)]);
        // Capitalised only where a sentence starts: a common noun.
        let e = extract(&[
            "Analysts said the talks failed. The analysts agreed.",
            "Police said so.",
        ]);
        assert!(e.people.is_empty(), "{:?}", e.people);
        let e = extract(&["I've said so before, and O'Brien said so too. Then O'Brien left."]);
        assert_eq!(names(&e.people), [("O'Brien", 2)]);
        // A clause break stands between: "In Vienna, said …" is not Vienna speaking.
        let e = extract(&["Then, Brussels said nothing. Kurz, however, said yes."]);
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn islamic_state_aliases_are_one_organisation() {
        let e = extract(&[
            "They fought the Islamic State (IS) group. Then ISIS retreated, and IS regrouped.",
        ]);
        assert_eq!(names(&e.organizations), [("Islamic State", 4)]);
    }

    #[test]
    fn junk_is_not_an_entity() {
        let e = extract(&[
            "However, on Monday the talks resumed. The Man With No Face was a book.",
            "In January, Democratic officials met. Efforts failed on Saturday night.",
        ]);
        assert!(e.people.is_empty(), "{:?}", e.people);
        assert!(e.organizations.is_empty(), "{:?}", e.organizations);
    }

    #[test]
    fn organisations_by_cue_and_places_by_demonym() {
        let e = extract(&[
            "He told the Wall Street Journal and The Washington Post that U.S. and Israeli-Palestinian talks matter.",
            "Kremlin spokesman Dmitry Peskov said. Peskov added nothing. The Russian Aerospace Forces struck.",
        ]);
        let orgs = names(&e.organizations);
        assert!(orgs.contains(&("Wall Street Journal", 1)), "{orgs:?}");
        assert!(orgs.contains(&("Washington Post", 1)), "{orgs:?}");
        assert!(orgs.contains(&("Kremlin", 1)), "{orgs:?}");
        assert!(orgs.contains(&("Russian Aerospace Forces", 1)), "{orgs:?}");
        assert_eq!(names(&e.people), [("Dmitry Peskov", 2)]);
        let places = names(&e.places);
        for p in ["United States", "Israel", "Palestine"] {
            assert!(places.iter().any(|(n, _)| *n == p), "{places:?}");
        }
    }
}
