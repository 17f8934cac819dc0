//! Trimming a sentence for a brief: parts that carry few facts of their
//! own (who said it, on which weekday, a connective phrase) are left out so
//! the word budget buys more of the story. Every cut is an [`Edit`], so the
//! printed text can be rebuilt from the cited text.

use newsdesk_model::Edit;
use newsdesk_text::words;

#[cfg(test)]
mod tests;

/// A trimmed sentence keeps at least this many words.
const MIN_KEPT_WORDS: usize = 6;
/// The longest attribution ("…, a spokesman for the ministry said") cut.
const MAX_ATTRIBUTION_WORDS: usize = 12;

/// Words that name a moment relative to the report, not a fact: in a
/// summary of the story they are noise.
const DEICTIC_DAYS: &[&str] = &["today", "yesterday", "tonight"];

const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// "last week", "earlier this year": periods told relative to the report.
const PERIODS: &[&str] = &["week", "weekend", "month", "year"];
const PERIOD_DEICTICS: &[&str] = &["last", "this"];

/// Words before a day that make it part of a fact (a deadline, a span):
/// "by Friday", "until Monday", "since Tuesday".
const BINDING_BEFORE_DAY: &[&str] = &[
    "by", "until", "till", "before", "after", "since", "from", "through", "to", "of", "for",
    "than", "between", "and", "or", "next", "last", "this", "that", "every", "each", "the", "from",
    "early", "late", "earlier", "later", "as", "about",
];

/// Words that go with the day when it is left out: "on Tuesday",
/// "late Tuesday".
const LEAD_IN_BEFORE_DAY: &[&str] = &["on", "late", "early", "earlier", "later"];

/// Opening phrases that only link the sentence to what came before or set
/// it in the reporting week; dropped with their comma.
const LINKING_PHRASES: &[&[&str]] = &[
    &["for", "example"],
    &["for", "instance"],
    &["in", "fact"],
    &["of", "course"],
    &["in", "other", "words"],
    &["in", "the", "meantime"],
    &["in", "particular"],
];

/// Verbs of reporting that end an attribution ("…, officials said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "reported",
    "announced",
    "told",
    "stated",
    "explained",
    "noted",
    "insisted",
    "warned",
];

/// Words that open a clause that says something of its own; a tail
/// starting with one is not an attribution ("…, which he said was …").
const CLAUSE_OPENERS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "and",
    "but",
    "or",
    "as",
    "when",
    "while",
    "where",
    "because",
    "although",
    "though",
    "after",
    "before",
    "if",
    "since",
    "so",
    "until",
    "unless",
    "even",
    "with",
    "without",
    "including",
    "not",
    "nor",
    "yet",
    "then",
    "than",
];

/// Words that show the words before a verb of saying are not its subject
/// but a clause of their own ("the salesperson should know what to say").
const NOT_IN_A_SPEAKER: &[&str] = &[
    "should", "would", "could", "will", "can", "may", "might", "must", "shall", "to", "what",
    "how", "why", "not", "did", "does", "do", "had", "has", "have", "is", "was", "are", "were",
];

/// Conjunctions that make a clause subordinate: a sentence opening with
/// one keeps its main clause, which may be all that follows the comma.
const SUBORDINATORS: &[&str] = &[
    "when", "if", "although", "though", "while", "because", "as", "after", "before", "since",
    "unless", "once", "whether", "until",
];

/// Words that may follow the verb of an attribution without adding a
/// fact: a day, or who was told.
const AFTER_SPEECH_VERB: &[&str] = &[
    "on",
    "in",
    "a",
    "the",
    "reporters",
    "journalists",
    "statement",
    "interview",
    "news",
    "conference",
    "late",
    "early",
    "earlier",
    "later",
    "an",
    "this",
    "week",
];

/// The sentence as a brief prints it: `text` (already cleaned of a
/// dateline and connective, with `edits` saying so) with attribution,
/// weekdays and linking phrases left out, each cut recorded.
pub fn for_brief(text: String, mut edits: Vec<Edit>) -> (String, Vec<Edit>) {
    let mut text = text;
    if let Some((trimmed, edit)) = drop_linking_opener(&text) {
        text = trimmed;
        edits.push(edit);
    }
    if let Some((trimmed, edit)) = drop_attribution(&text) {
        text = trimmed;
        edits.push(edit);
    }
    while let Some((trimmed, edit)) = drop_day(&text) {
        text = trimmed;
        edits.push(edit);
    }
    (text, edits)
}

/// Cuts `text[start..end]`, if that is the first place those bytes stand
/// (so the edit names it unambiguously) and enough words are left.
fn cut(text: &str, start: usize, end: usize) -> Option<(String, Edit)> {
    let removed = &text[start..end];
    if removed.trim().is_empty() || text.find(removed) != Some(start) {
        return None;
    }
    let kept = format!("{}{}", &text[..start], &text[end..]);
    // "at 2 p.m. today." must not end "p.m..".
    if text[..start].ends_with('.') && text[end..].starts_with('.') {
        return None;
    }
    if words(&kept).len() < MIN_KEPT_WORDS {
        return None;
    }
    let edit = Edit::Trimmed {
        removed: removed.to_string(),
    };
    Some((kept, edit))
}

/// "On Tuesday, the …", "Earlier today, …", "In fact, …": the opening
/// phrase and its comma, the next word capitalised (a dropped opener).
fn drop_linking_opener(text: &str) -> Option<(String, Edit)> {
    let comma = text.find(", ")?;
    let head = &text[..comma];
    let head_words: Vec<String> = words(head).into_iter().map(|w| w.lower).collect();
    if head_words.is_empty() || head_words.len() > 4 || head.contains(['"', '“', '(']) {
        return None;
    }
    let words_only: Vec<&str> = head_words.iter().map(String::as_str).collect();
    let linking = LINKING_PHRASES.contains(&words_only.as_slice());
    let about_the_day = words_only.iter().all(|w| {
        is_weekday(w)
            || DEICTIC_DAYS.contains(w)
            || PARTS_OF_DAY.contains(w)
            || LEAD_IN_BEFORE_DAY.contains(w)
            || PERIODS.contains(w)
            || PERIOD_DEICTICS.contains(w)
    }) && (words_only
        .iter()
        .any(|w| is_weekday(w) || DEICTIC_DAYS.contains(w))
        || words_only
            .windows(2)
            .any(|p| PERIOD_DEICTICS.contains(&p[0]) && PERIODS.contains(&p[1])));
    if !linking && !about_the_day {
        return None;
    }
    let rest = &text[comma + 2..];
    let mut chars = rest.chars();
    let first = chars.next().filter(|c| c.is_alphanumeric())?;
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    if words(&capitalised).len() < MIN_KEPT_WORDS {
        return None;
    }
    let removed = text[..comma + 1].to_string();
    Some((capitalised, Edit::DroppedOpener { removed }))
}

/// "…, officials said.", "…, said John Reyes, the port's director.",
/// "…, according to the police.": the attribution after the last full
/// clause, when it holds no quotation and adds nothing but its source.
fn drop_attribution(text: &str) -> Option<(String, Edit)> {
    let body = text.strip_suffix('.')?;
    if body.ends_with(['"', '”', '\'', '’', ')']) {
        return None;
    }
    let opens_subordinate = words(body)
        .first()
        .is_some_and(|w| SUBORDINATORS.contains(&w.lower.as_str()));
    // The earliest comma after which the rest is one attribution.
    for (comma, _) in body.match_indices(", ") {
        // "When a customer asks, the salesperson should know what to say":
        // the main clause must stay.
        if opens_subordinate && !body[..comma].contains(", ") {
            continue;
        }
        let tail = &body[comma + 2..];
        if tail.contains(['"', '“', '”', '(', ';', ':']) {
            continue;
        }
        let tail_words = words(tail);
        if tail_words.is_empty() || tail_words.len() > MAX_ATTRIBUTION_WORDS {
            continue;
        }
        let lower: Vec<String> = tail_words.iter().map(|w| w.lower.clone()).collect();
        // After an opening "said" comes who said it, a name or "the …",
        // not what was said ("…, said they were eager to …").
        // "said the minister" names one; "said the crews would stay out"
        // tells what was said: a verb follows.
        let tells_a_clause = lower
            .iter()
            .skip(2)
            .any(|w| FINITE_VERBS.contains(&w.as_str()));
        let names_speaker = tail_words.get(1).is_some_and(|w| {
            tail[w.span.range()].starts_with(char::is_uppercase)
                || (matches!(w.lower.as_str(), "the" | "a" | "an")
                    && tail_words.len() <= 8
                    && !tells_a_clause)
        });
        // Only the "said Name, title" form runs on past a comma; in "…, has
        // become law, Gao said" the attribution starts at the last comma.
        let one_phrase = !tail.contains(',') || matches!(lower[0].as_str(), "said" | "says");
        if one_phrase && is_attribution(&lower, names_speaker) {
            return cut(text, comma, body.len());
        }
    }
    None
}

/// Auxiliaries and common verbs that make the words after "said the" a
/// clause of their own.
const FINITE_VERBS: &[&str] = &[
    "would", "will", "was", "were", "had", "has", "have", "is", "are", "could", "should", "did",
    "must", "can", "may", "might", "shall", "does", "do",
];

fn is_attribution(tail: &[String], names_speaker: bool) -> bool {
    let first = tail[0].as_str();
    if CLAUSE_OPENERS.contains(&first) {
        return false;
    }
    // "said John Reyes, the port's director"; "according to the police".
    if matches!(first, "said" | "says") {
        return names_speaker;
    }
    if first == "according" {
        return tail.get(1).is_some_and(|w| w == "to");
    }
    // "officials said", "the ministry said in a statement on Tuesday".
    let Some(verb_at) = tail.iter().position(|w| SPEECH_VERBS.contains(&w.as_str())) else {
        return false;
    };
    let subject = &tail[..verb_at];
    let after = &tail[verb_at + 1..];
    (1..=6).contains(&subject.len())
        && !subject
            .iter()
            .any(|w| CLAUSE_OPENERS.contains(&w.as_str()) || NOT_IN_A_SPEAKER.contains(&w.as_str()))
        && after.iter().all(|w| {
            AFTER_SPEECH_VERB.contains(&w.as_str())
                || is_weekday(w)
                || DEICTIC_DAYS.contains(&w.as_str())
                || PARTS_OF_DAY.contains(&w.as_str())
        })
}

/// " on Tuesday", " Friday night", " today": a day told relative to the
/// report, where it is not part of a fact ("by Friday" is a deadline).
fn drop_day(text: &str) -> Option<(String, Edit)> {
    let tokens = words(text);
    for (k, word) in tokens.iter().enumerate() {
        let lower = word.lower.as_str();
        if !is_weekday(lower) && !DEICTIC_DAYS.contains(&lower) {
            continue;
        }
        // "USA Today" is a name, not a day.
        let capitalised = text[word.span.range()].starts_with(char::is_uppercase);
        if k == 0 || (DEICTIC_DAYS.contains(&lower) && capitalised) {
            continue;
        }
        let before = tokens[k - 1].lower.as_str();
        let mut start = word.span.start;
        if LEAD_IN_BEFORE_DAY.contains(&before) {
            // Only when nothing but a space stands between.
            if text[tokens[k - 1].span.end..word.span.start] != *" " || k < 2 {
                continue;
            }
            let before_that = tokens[k - 2].lower.as_str();
            if BINDING_BEFORE_DAY.contains(&before_that) {
                continue;
            }
            start = tokens[k - 1].span.start;
        } else if BINDING_BEFORE_DAY.contains(&before) {
            continue;
        }
        let mut end = word.span.end;
        if let Some(next) = tokens.get(k + 1) {
            if PARTS_OF_DAY.contains(&next.lower.as_str()) && text[end..next.span.start] == *" " {
                end = next.span.end;
            }
        }
        // The space before the phrase goes with it; the phrase must stand
        // between a word and a space or punctuation, not inside a name.
        if !text[..start].ends_with(' ') {
            continue;
        }
        let after = text[end..].chars().next();
        if !after.is_some_and(|c| matches!(c, ' ' | ',' | '.' | ';')) {
            continue;
        }
        if text[end..].starts_with('\'') || text[end..].starts_with('’') {
            continue;
        }
        if !leaves_a_phrase(text, start - 1, end) {
            continue;
        }
        if let Some(result) = cut(text, start - 1, end) {
            return Some(result);
        }
    }
    None
}

/// Whether cutting `text[start..end]` leaves the phrase it stood in, between
/// commas, with words enough to stand: "the plan, announced Tuesday, would"
/// must not become "the plan, announced, would".
fn leaves_a_phrase(text: &str, start: usize, end: usize) -> bool {
    let from = text[..start].rfind(',').map_or(0, |at| at + 1);
    let to = text[end..].find(',').map_or(text.len(), |at| end + at);
    let inside = format!("{}{}", &text[from..start], &text[end..to]);
    from == 0 || to == text.len() || words(&inside).len() >= 3
}

fn is_weekday(lower: &str) -> bool {
    newsdesk_text::weekday_of(lower).is_some()
}
