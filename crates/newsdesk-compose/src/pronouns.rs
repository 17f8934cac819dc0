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

use newsdesk_language::{Analysis, Confidence, Entity, NameKind};
use newsdesk_model::{Edit, Span, StorySentence};

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

/// A person's name as an article writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// "Vladimir Putin".
    pub full: String,
    /// "Putin".
    pub surname: String,
    /// Index into the article's [`Analysis::entities`].
    pub entity: usize,
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

/// Whether `before`, the printed words of a sentence before its
/// pronoun, name a person: a mention in the cited `sentence` that the
/// language layer types a person ("Kety, of Westwood, recalled that …, he
/// said"; "Smith's study found …, he said").
fn names_a_person_before(
    analysis: &Analysis,
    article: &str,
    sentence: std::ops::Range<usize>,
    before: &str,
) -> bool {
    analysis
        .mentions_in(Span::new(sentence.start, sentence.end))
        .filter(|m| m.kind == NameKind::Person)
        .any(|m| whole_word_at(before, &article[m.span.range()]).is_some())
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
        entity: link.entity?,
    })
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
/// ("Putin said"), not only in the full name ("John Paul" is never
/// "Paul"): a mention of the person's entity that is the surname alone.
fn called_by_surname(analysis: &Analysis, article: &str, person: &Person) -> bool {
    analysis.entities[person.entity]
        .mentions
        .iter()
        .any(|&m| article[analysis.mentions[m].span.range()] == person.surname)
}

/// Gives in full, once, the name of a person the sentence calls by the
/// surname alone ("Jia promised") when the story has not named them yet,
/// not even by the surname, and the article did before the sentence
/// ("Minister Jia Chunwang"); the edit is recorded. Only an entity the
/// language layer types a person, at a mention that is the surname alone
/// and typed a person too (not "Lake" in "Lake Placid", which is a
/// mention of its own, nor a name the article calls "the Branch
/// Davidians"); a surname that two people of the article share is left.
fn name_in_full(
    sentence: &mut StorySentence,
    analysis: &Analysis,
    article: &str,
    cited: std::ops::Range<usize>,
    told: &str,
) {
    let surname_of = |name: &str| name.rsplit(' ').next().unwrap_or(name).to_string();
    let people: Vec<&Entity> = analysis
        .entities
        .iter()
        .filter(|e| e.kind == NameKind::Person)
        .collect();
    for entity in &people {
        let surname = surname_of(&entity.name);
        let full = &entity.name;
        let shared = people
            .iter()
            .filter(|p| surname_of(&p.name) == surname)
            .count()
            > 1;
        // The article gave the full name before the sentence.
        let named_before = entity.mentions.iter().any(|&m| {
            let span = analysis.mentions[m].span;
            span.end <= cited.start && article[span.range()] == **full
        });
        if !named_before
            || !full.contains(' ')
            || shared
            || surname.chars().count() < 2
            || told.contains(full.as_str())
            // A reader who met the surname alone would take a full name
            // now for someone new.
            || whole_word_at(told, &surname).is_some()
            || sentence.text.contains(full.as_str())
        {
            continue;
        }
        // The sentence's mention that is the surname alone, and which of
        // the surname's occurrences in the cited text it is.
        let cited_text = &article[cited.clone()];
        let Some(mention) = entity
            .mentions
            .iter()
            .map(|&m| &analysis.mentions[m])
            .find(|m| {
                m.kind == NameKind::Person
                    && cited.contains(&m.span.start)
                    && m.span.end <= cited.end
                    && article[m.span.range()] == surname
            })
        else {
            continue;
        };
        let occurrences = |text: &str| -> Vec<usize> {
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(at) = whole_word_at(&text[from..], &surname) {
                found.push(from + at);
                from += at + surname.len();
            }
            found
        };
        let in_cited = occurrences(cited_text);
        let in_printed = occurrences(&sentence.text);
        let Some(nth) = in_cited
            .iter()
            .position(|&at| cited.start + at == mention.span.start)
        else {
            continue;
        };
        // The printed text dropped or trimmed words: only when it still
        // holds every occurrence is the mention's one known.
        if in_printed.len() != in_cited.len() {
            continue;
        }
        let at = in_printed[nth];
        let end = at + surname.len();
        sentence.text = format!("{}{}{}", &sentence.text[..at], full, &sentence.text[end..]);
        sentence.edits.push(Edit::NamedInFull {
            surname: surname.clone(),
            name: full.clone(),
        });
    }
}

/// Where `word` first stands in `text` as a whole word.
fn whole_word_at(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
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
                    item.analysis,
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
                        && called_by_surname(item.analysis, item.article, &person)
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
            name_in_full(
                item.sentence,
                item.analysis,
                item.article,
                cited.start..cited.end,
                &told,
            );
            told.push_str(&item.sentence.text);
            told.push('\n');
            last = item.sentence.text.clone();
            last_cited = Some((cited.source.clone(), cited.end));
        }
        keep.push(printable);
    }
    keep
}
