//! Personal pronouns whose person the story has not named.
//!
//! A sentence taken out of its article may open with "He" or "Her" while
//! the name it stands for stayed behind. [`antecedent`] finds that name in
//! the article's text before the sentence; [`resolve`] walks the printed
//! story in reading order and puts the name in place of the pronoun where
//! the reader has not just met the person. A sentence whose pronoun names
//! no one that can be found is not printed.

#[cfg(test)]
mod tests;

use newsdesk_language::{Analysis, Confidence};
use newsdesk_model::{Edit, StorySentence};
use newsdesk_text::{is_calendar_word, is_stopword, split_sentences};

/// Connectives that need the sentence before them; dropped when the
/// sentence stands alone in the story.
pub(crate) const OPENERS: &[&str] = &[
    "however",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "interestingly",
    "still",
    "but",
    "and",
    "also",
    "moreover",
    "furthermore",
    "additionally",
    "in addition",
    "as a result",
    "at the same time",
    "in turn",
    "instead",
    "indeed",
    "besides",
    "as a reminder",
    // The steps of a list told in the sentences before.
    "first",
    "firstly",
    "second",
    "secondly",
    "third",
    "thirdly",
    "lastly",
    "finally",
];

/// Whether a lower-cased word or phrase is one of the connectives that
/// lean on the sentence before ("however", "meanwhile").
pub(crate) fn is_connective(lower: &str) -> bool {
    OPENERS.contains(&lower)
}

/// Capitalised words before a name that give a role, not the name.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "transport",
    "economy",
    "health",
    "trade",
    "labour",
    "labor",
    "justice",
    "attorney",
    "counsel",
    "secretary",
    "general",
    "gen",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "judge",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chief",
    "commander",
    "ambassador",
    "envoy",
    "deputy",
    "former",
    "lt",
    "col",
    "capt",
    "sgt",
    "adm",
    "maj",
    "ceo",
    "director",
    "leader",
    "speaker",
    "state",
    "premier",
];

/// Last words that make a run of capitals an organisation or a place.
const NOT_PERSON_HEADS: &[&str] = &[
    "court",
    "union",
    "authority",
    "ministry",
    "council",
    "party",
    "times",
    "post",
    "journal",
    "group",
    "news",
    "company",
    "port",
    "government",
    "agency",
    "committee",
    "commission",
    "bank",
    "office",
    "department",
    "house",
    "army",
    "forces",
    "region",
    "media",
    "press",
    "nations",
    "states",
    "kingdom",
    "republic",
    "union's",
    "association",
    "institute",
    "university",
    "service",
    "services",
    "terminal",
    "station",
    "street",
    "square",
    "river",
    "sea",
    "city",
    "police",
    "guard",
    "fund",
    "organization",
    "organisation",
    "federation",
    "alliance",
    "front",
    "line",
    "lines",
    "maritime",
    "wire",
    "ledger",
    "tribune",
    "independent",
    "telegraph",
    "guardian",
    "herald",
    "daily",
    "weekly",
    // Places, buildings, institutions and awards.
    "award",
    "awards",
    "prize",
    "medal",
    "airport",
    "airlines",
    "airline",
    "school",
    "college",
    "academy",
    "hospital",
    "center",
    "centre",
    "church",
    "cathedral",
    "mosque",
    "temple",
    "museum",
    "hotel",
    "stadium",
    "avenue",
    "road",
    "bridge",
    "lake",
    "island",
    "islands",
    "mountain",
    "mountains",
    "valley",
    "park",
    "base",
    "province",
    "county",
    "district",
    "state",
    "corporation",
    "corp",
    "inc",
    "co",
    "ltd",
    "club",
    "board",
    "administration",
    "assembly",
    "congress",
    "senate",
    "parliament",
    "program",
    "programme",
    "project",
    "dam",
    "system",
    "exchange",
    "market",
];

/// A person's name as an article writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// "Vladimir Putin".
    pub full: String,
    /// "Putin".
    pub surname: String,
}

/// The gender the article's pronouns give a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// A pronoun that stands for a person: where it is in the sentence, the
/// word as written, and whether it is possessive ("His", "her").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonalPronoun<'a> {
    pub at: usize,
    pub word: &'a str,
    pub possessive: bool,
}

/// The subject pronoun a sentence opens with, directly ("He said") or after
/// a short opening phrase ("On Tuesday, she said"): he, she, his or her.
pub fn personal_pronoun(text: &str) -> Option<PersonalPronoun<'_>> {
    let at = opening_subject(text)?;
    let word = text[at..].split(|c: char| !c.is_alphabetic()).next()?;
    let possessive = match word.to_lowercase().as_str() {
        "he" | "she" => false,
        "his" | "her" => true,
        _ => return None,
    };
    Some(PersonalPronoun {
        at,
        word,
        possessive,
    })
}

/// Verbs of an attribution that closes a sentence ("…, he said.").
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "noted",
    "explained",
    "wrote",
    "argued",
    "stated",
    "recalled",
    "warned",
    "insisted",
    "acknowledged",
    "conceded",
    "continued",
];

/// The pronoun of an attribution after a comma: "…, he said.", "…,” she
/// added in an interview.", "…, he said, and …", "Asked about the plan,
/// she said …". A reader who meets the sentence alone cannot tell who "he"
/// is, as with an opening pronoun.
pub fn attribution_pronoun(text: &str) -> Option<PersonalPronoun<'_>> {
    let at = [
        ", he ",
        ", she ",
        ",\" he ",
        ",\" she ",
        ",” he ",
        ",” she ",
    ]
    .iter()
    .filter_map(|pattern| {
        // Where the pronoun starts: after the comma, quote and space.
        let pronoun = pattern.trim_end().rsplit(' ').next().unwrap_or("");
        text.rfind(pattern)
            .map(|i| i + pattern.len() - pronoun.len() - 1)
    })
    .max()?;
    let word = text[at..].split(' ').next()?;
    let verb = text[at + word.len()..]
        .split_whitespace()
        .next()?
        .trim_end_matches(['.', ',']);
    // After a closing quote any verb attributes it ("'Attitude,' he
    // barks"); after a plain comma only a verb of saying does.
    let after_quote = text[..at].trim_end().ends_with(['"', '”']);
    if !after_quote && !ATTRIBUTION_VERBS.contains(&verb) {
        return None;
    }
    Some(PersonalPronoun {
        at,
        word,
        possessive: false,
    })
}

/// Whether `before`, the words of a sentence before its pronoun, name a
/// person of the article, by any word of their name that the article
/// shows to be a person's ("Kety, of Westwood,
/// recalled that …, he said"; "Wang said, …, he added").
fn names_a_person_before(article: &str, sentence: std::ops::Range<usize>, before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect();
    if words.is_empty() {
        return false;
    }
    // Only names the rest of the article shows to be a person's ("Mr.
    // Kety", "Kety … he"): capitalised pairs are also places ("Nova
    // Scotia"), and the sentence's own pronoun proves nothing.
    let Some(rest) = article
        .get(..sentence.start)
        .zip(article.get(sentence.end..))
        .map(|(head, tail)| format!("{head} {tail}"))
    else {
        return false;
    };
    split_sentences(&rest).iter().any(|span| {
        people_in(&rest[span.range()]).iter().any(|person| {
            person
                .full
                .split_whitespace()
                .any(|name| words.contains(&name) && gender_of(&rest, name).is_some())
        })
    })
}

/// Whether a sentence opens with a pronoun no name can replace: "They",
/// "It", "This", "These", "Those", "Their", "Its", "That", "Such", and
/// "Both" without the pair it means.
pub fn opens_with_group_pronoun(text: &str) -> bool {
    let Some(at) = opening_subject(text) else {
        return false;
    };
    let word = text[at..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    match word.as_str() {
        "they" | "it" | "this" | "these" | "those" | "their" | "its" | "that" | "such" => true,
        // "Both kinds of pathways …" points back; "Both Reno and Freeh …"
        // names its pair.
        "both" => !text[at..]
            .split_whitespace()
            .skip(1)
            .take(6)
            .any(|w| w == "and"),
        _ => false,
    }
}

/// Whether a word a sentence opens with is capitalised only for that: a
/// stop word, a connective or a time word ("Earlier Jordan told …").
pub fn capitalised_to_open(lower: &str) -> bool {
    is_stopword(lower) || is_connective(lower) || is_time_word(lower)
}

/// "Later", "earlier", "then": time words that stand before a subject
/// ("Later he said", "Earlier, Jordan told …"), with or without a comma.
pub fn is_time_word(lower: &str) -> bool {
    OPENING_TIME_WORDS.contains(&lower)
}

/// Time words that may open a sentence before its subject without a comma.
const OPENING_TIME_WORDS: &[&str] = &[
    "later",
    "then",
    "now",
    "earlier",
    "afterwards",
    "subsequently",
    "separately",
    "still",
    "also",
    "yet",
];

/// Where the subject of a sentence starts: its first word, the word after
/// an opening time word ("Later he"), or the first word after an opening
/// phrase of at most five words closed by a comma.
fn opening_subject(text: &str) -> Option<usize> {
    let first = text.find(|c: char| c.is_alphabetic())?;
    if is_pronoun(&text[first..]) {
        return Some(first);
    }
    // "Later he acknowledged …": a time word without a comma.
    if let Some((word, _)) = text[first..].split_once(' ') {
        let second = first + word.len() + 1;
        if is_time_word(&word.to_lowercase()) && is_pronoun(&text[second..]) {
            return Some(second);
        }
    }
    let comma = text.find(", ")?;
    if text[..comma].split_whitespace().count() > 5 || text[..comma].contains(['"', '“']) {
        return None;
    }
    let after = comma + 2;
    is_pronoun(&text[after..]).then_some(after)
}

fn is_pronoun(text: &str) -> bool {
    let word = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        word.as_str(),
        "he" | "she"
            | "his"
            | "her"
            | "they"
            | "it"
            | "this"
            | "these"
            | "those"
            | "their"
            | "its"
            | "that"
            | "such"
            | "both"
    )
}

/// The person the pronoun of a sentence stands for, as the language layer
/// links it: the sentence's first (or, for "…, he said", last) pronoun of
/// that word within `sentence` (a byte range of `article`), when the layer
/// is certain. `None` when it is not sure, so the sentence is not printed
/// with a guessed name.
pub fn antecedent(
    analysis: &Analysis,
    sentence: std::ops::Range<usize>,
    pronoun: &PersonalPronoun,
    last: bool,
) -> Option<Person> {
    let word = pronoun.word.to_lowercase();
    let mut links = analysis.pronouns.iter().filter(|link| {
        sentence.contains(&link.span.start) && {
            let len = link.span.end - link.span.start;
            len == word.len()
        }
    });
    let link = if last {
        links.next_back()
    } else {
        links.next()
    }?;
    if link.confidence != Confidence::Certain {
        return None;
    }
    let entity = &analysis.entities[link.entity?];
    let surname = entity.name.rsplit(' ').next().unwrap_or(&entity.name);
    Some(Person {
        full: entity.name.clone(),
        surname: surname.to_string(),
    })
}

/// The people a sentence names, in order, outside its quotations: runs of
/// two or three capitalised words after any titles ("Russian President
/// Vladimir Putin" names "Vladimir Putin"), not organisations or places.
pub fn people_in(text: &str) -> Vec<Person> {
    let mut people = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut in_quote = false;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for (k, token) in tokens.iter().enumerate() {
        let opens = token.starts_with(['"', '“']);
        let closes = token.ends_with(['"', '”'])
            || token
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '"' && c != '”')
                .ends_with(['"', '”']);
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        let quoted = in_quote || opens;
        let capital = !quoted
            && bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            && !(k == 0 && capitalised_to_open(&bare.to_lowercase()))
            && !is_calendar_word(bare);
        if capital {
            run.push(bare);
        }
        let ends = !capital || token.trim_end().ends_with(|c: char| !c.is_alphanumeric());
        if ends {
            if let Some(person) = person_of(&run) {
                people.push(person);
            }
            run.clear();
        }
        if opens && !closes {
            in_quote = true;
        } else if closes && !opens {
            in_quote = false;
        }
    }
    people
}

fn person_of(run: &[&str]) -> Option<Person> {
    let mut words = run;
    // "FBI Director Louis Freeh", "Latvian President Edgars Rinkevics":
    // the organisation's initials, the nation and the title go.
    while words.len() > 2
        && (is_title(words[0]) || is_nationality(words[0]) || is_initials(words[0]))
    {
        words = &words[1..];
    }
    // "John Paul II", "Martin Luther King Jr.": the suffix is part of the name.
    let suffix = words
        .last()
        .filter(|w| matches!(w.trim_end_matches('.'), "II" | "III" | "IV" | "Jr" | "Sr"))
        .copied();
    if suffix.is_some() {
        words = &words[..words.len() - 1];
    }
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    if words.iter().any(|w| {
        let lower = w.to_lowercase();
        is_title(w)
            || is_stopword(&lower)
            || w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            // "State-controlled", "Iranian-born": a compound adjective;
            // names join capitals ("Jean-Paul", "Smith-Jones").
            || w.split('-').skip(1).any(|part| part.starts_with(char::is_lowercase))
    }) {
        return None;
    }
    let last = words[words.len() - 1];
    let surname = last
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    if NOT_PERSON_HEADS.contains(&surname.to_lowercase().as_str()) || is_nationality(&surname) {
        return None;
    }
    let mut full: Vec<&str> = words.to_vec();
    let n = full.len();
    full[n - 1] = &surname;
    full.extend(suffix);
    Some(Person {
        full: full.join(" "),
        surname,
    })
}

/// A title or a role before a name: "President", "Mr.", "Mediator".
fn is_title(word: &str) -> bool {
    let lower = word.to_lowercase();
    let bare = lower.trim_end_matches('.');
    TITLES.contains(&bare) || newsdesk_language::lexicon::is_role_noun(bare)
}

/// "FBI", "U.N.", "NATO": an organisation's initials, never a given name.
fn is_initials(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// "Russian", "Ukrainian", "Chinese", "Latvian": adjectives of nations,
/// which stand before titles ("Latvian President Edgars Rinkevics").
fn is_nationality(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["ian", "ean", "ese", "ish", "can"]
        .iter()
        .any(|suffix| lower.ends_with(suffix) && lower.len() > 5)
}

/// What the article shows of a person's gender: titles ("Mr. Kestel",
/// "Ms. Voss") and the first personal pronoun after the name in a
/// sentence that names no one else.
fn gender_of(article: &str, surname: &str) -> Option<Gender> {
    let (mut male, mut female) = (0, 0);
    for title in ["Mr. ", "Mr "] {
        male += article.matches(&format!("{title}{surname}")).count();
    }
    for title in ["Ms. ", "Mrs. ", "Ms ", "Mrs "] {
        female += article.matches(&format!("{title}{surname}")).count();
    }
    for span in split_sentences(article) {
        let sentence = &article[span.range()];
        let Some(at) = sentence.find(surname) else {
            continue;
        };
        if people_in(sentence).len() > 1 {
            continue;
        }
        let after = &sentence[at + surname.len()..];
        for word in after.split(|c: char| !c.is_alphabetic()) {
            match word {
                "he" | "his" | "him" | "himself" => {
                    male += 1;
                    break;
                }
                "she" | "her" | "hers" | "herself" => {
                    female += 1;
                    break;
                }
                _ => {}
            }
        }
    }
    match male.cmp(&female) {
        std::cmp::Ordering::Greater => Some(Gender::Male),
        std::cmp::Ordering::Less => Some(Gender::Female),
        std::cmp::Ordering::Equal => None,
    }
}

/// `sentence` with its pronoun replaced by `name` ("He said" -> "Putin
/// said", "His offer" -> "Putin's offer"), the edit recorded with the
/// words printed in the pronoun's place.
pub fn replace(sentence: &mut StorySentence, pronoun: &PersonalPronoun, name: &str) {
    let apostrophe = if sentence.text.contains('’') {
        "’"
    } else {
        "'"
    };
    let printed = if pronoun.possessive {
        format!("{name}{apostrophe}s")
    } else {
        name.to_string()
    };
    let at = pronoun.at;
    let end = at + pronoun.word.len();
    sentence.text = format!("{}{printed}{}", &sentence.text[..at], &sentence.text[end..]);
    // The edit names what was printed, so applying it to the cited text
    // gives the printed text: "His" -> "Putin's".
    sentence.edits.push(Edit::ResolvedPronoun {
        pronoun: pronoun.word.to_string(),
        name: printed,
    });
}

/// Whether an article calls a person by the surname alone somewhere
/// ("Putin said"), not only in the full name ("John Paul" is never "Paul").
fn called_by_surname(article: &str, person: &Person) -> bool {
    let given = person.full.split_whitespace().rev().nth(1).unwrap_or("");
    article
        .match_indices(person.surname.as_str())
        .any(|(at, _)| {
            let before = article[..at].trim_end();
            let after = &article[at + person.surname.len()..];
            !before.ends_with(given) && !after.starts_with(char::is_alphanumeric)
        })
}

/// Gives in full, once, the name of a person the sentence calls by the
/// surname alone ("Jia promised") when the story has not named them yet,
/// not even by the surname, and the article did before the sentence
/// ("Minister Jia Chunwang"); the edit is recorded. Only people the
/// article shows to be people (a "Mr." or "Ms.", or "he" or "she" after
/// the name): capitalised pairs are also places and firms ("Central
/// Tanzania"). A surname that stands beside
/// another capitalised word ("Lake Placid"), or that two people of the
/// article share, is left.
fn name_in_full(sentence: &mut StorySentence, article: &str, before: usize, told: &str) {
    let article_before = &article[..before];
    let mut people: Vec<Person> = Vec::new();
    for span in split_sentences(article_before) {
        for person in people_in(&article_before[span.range()]) {
            if !people.iter().any(|p| p.full == person.full) {
                people.push(person);
            }
        }
    }
    for person in &people {
        let shared = people
            .iter()
            .filter(|p| p.surname == person.surname)
            .count()
            > 1;
        if shared
            || person.surname.chars().count() < 2
            || told.contains(&person.full)
            // A reader who met the surname alone would take a full name
            // now for someone new.
            || told
                .lines()
                .any(|line| standalone_word_at(line, &person.surname).is_some())
            || sentence.text.contains(&person.full)
        {
            continue;
        }
        let Some(at) = standalone_word_at(&sentence.text, &person.surname) else {
            continue;
        };
        // Reads the whole article: asked last, of the few that qualify.
        if gender_of(article, &person.surname).is_none()
            || named_with_article(article, &person.full)
        {
            continue;
        }
        let end = at + person.surname.len();
        sentence.text = format!(
            "{}{}{}",
            &sentence.text[..at],
            person.full,
            &sentence.text[end..]
        );
        sentence.edits.push(Edit::NamedInFull {
            surname: person.surname.clone(),
            name: person.full.clone(),
        });
    }
}

/// Whether the article puts "the" before the name ("the Branch
/// Davidians"), which it never does for a person.
pub(crate) fn named_with_article(article: &str, name: &str) -> bool {
    article.match_indices(name).any(|(at, _)| {
        matches!(
            article[..at].split_whitespace().next_back(),
            Some("the" | "The")
        )
    })
}

/// Where `word` first stands as a whole word that no other capitalised
/// word touches: not "Lake" in "Lake Placid" nor in "Salt Lake".
fn standalone_word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let joined =
            before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric);
        let previous = text[..at].split_whitespace().next_back();
        let next = text[at + word.len()..]
            .trim_start_matches(['\'', '’', 's'])
            .split_whitespace()
            .next();
        let capitalised = |w: Option<&str>| {
            w.is_some_and(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(char::is_uppercase)
            })
        };
        let first_word = text[..at].trim().is_empty();
        !joined && (first_word || !capitalised(previous)) && !capitalised(next)
    })
}

/// A printed sentence, the article text its first citation points into
/// and that article's language analysis.
pub struct Printed<'a> {
    pub sentence: &'a mut StorySentence,
    pub article: &'a str,
    pub analysis: &'a Analysis,
}

/// Walks printed sentences in reading order and resolves each opening
/// personal pronoun: the pronoun stays when the sentence printed just
/// before names the person or is the one before it in its article, the
/// surname replaces it when the story named the person earlier, the full
/// name when it did not. Returns, per sentence, whether it can be printed:
/// a personal pronoun without an antecedent, or "They" or "It" out of
/// their context, cannot.
pub fn resolve(printed: Vec<Printed>) -> Vec<bool> {
    let mut keep = Vec::with_capacity(printed.len());
    let mut told = String::new();
    let mut last = String::new();
    // The source and end of the cited range of the sentence printed last.
    let mut last_cited: Option<(String, usize)> = None;
    for item in printed {
        let Some(cited) = item.sentence.citations.first().cloned() else {
            keep.push(false);
            continue;
        };
        let follows_its_own_context = last_cited.as_ref().is_some_and(|(source, end)| {
            *source == cited.source
                && *end <= cited.start
                && item.article[*end..cited.start].trim().is_empty()
        });
        let text = item.sentence.text.clone();
        let opening = personal_pronoun(&text);
        let closing = opening
            .is_none()
            .then(|| attribution_pronoun(&text))
            .flatten();
        let printable = if let Some(pronoun) = opening.or(closing) {
            match antecedent(
                item.analysis,
                cited.start..cited.end,
                &pronoun,
                opening.is_none(),
            ) {
                Some(person) if follows_its_own_context || last.contains(&person.surname) => true,
                // "Smith's study found …, he said": the sentence names them.
                _ if names_a_person_before(
                    item.article,
                    cited.start..cited.end,
                    &text[..pronoun.at],
                ) =>
                {
                    true
                }
                Some(person) => {
                    // The surname alone once the story has named the person,
                    // where the source itself calls them by it.
                    let name = if told.contains(&person.surname)
                        && called_by_surname(item.article, &person)
                    {
                        &person.surname
                    } else {
                        &person.full
                    };
                    replace(item.sentence, &pronoun, name);
                    true
                }
                None => false,
            }
        } else {
            !opens_with_group_pronoun(&text) || follows_its_own_context
        };
        if printable {
            name_in_full(item.sentence, item.article, cited.start, &told);
            told.push_str(&item.sentence.text);
            told.push('\n');
            last = item.sentence.text.clone();
            last_cited = Some((cited.source.clone(), cited.end));
        }
        keep.push(printable);
    }
    keep
}
