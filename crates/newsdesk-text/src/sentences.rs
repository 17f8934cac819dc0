//! Sentence boundaries with byte spans.
//!
//! Hand-written rather than UAX #29 because news prose is full of periods
//! that do not end sentences ("Mr. Peskov", "Dec. 25", "U.S. officials").

use crate::stopwords::is_stopword;
use newsdesk_model::Span;

#[cfg(test)]
mod tests;

/// Abbreviations that never end a sentence: titles before names.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "pres", "rev", "hon", "st", "mt", "ft", "jr", "sr", "no", "nos", "vs",
    "v", "cf", "approx", "dept", "fig", "gov't", "insp", "supt", "messrs",
];

/// Abbreviations that end a sentence only when a capitalised common word follows.
const MONTHS_AND_OTHERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "ltd", "co", "corp", "bros", "ave", "blvd", "rd", "e.g", "i.e", "etc", "al",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '›'];

/// Splits `text` into sentences, returned as trimmed byte spans in order.
/// Line breaks always end a sentence.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' => {
                // Take the whole run of terminators and closing marks.
                let mut after = i + c.len_utf8();
                while let Some(&(j, next)) = chars.peek() {
                    if matches!(next, '.' | '!' | '?' | '…') || CLOSERS.contains(&next) {
                        after = j + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                if is_boundary(text, start, i, c, after) {
                    Some(after)
                } else {
                    // The next sentence's quotation mark stays with it.
                    glued_opening_quote(text, i, after)
                }
            }
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let leading = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + leading;
        spans.push(Span::new(s, s + trimmed.len()));
    }
}

/// Decides whether the terminator at `at` (run ending at `after`) ends a sentence.
fn is_boundary(
    text: &str,
    sentence_start: usize,
    at: usize,
    terminator: char,
    after: usize,
) -> bool {
    let rest = &text[after..];
    // A boundary needs white space after it (or the end of the text).
    match rest.chars().next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let next_word = rest.split_whitespace().next().unwrap_or("");
    let next_first = next_word.chars().find(|c| c.is_alphanumeric());
    // A sentence never starts in lower case: "the Russian dictator" after
    // "improvisation." is a typo, but "p.m. on" is common; prefer not splitting.
    if next_first.is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    if terminator != '.' {
        return true;
    }
    let word_before = word_before(&text[sentence_start..at]);
    let lower = word_before.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    // A single capital letter is an initial: "J. R. Smith".
    let mut letters = word_before.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    let next_is_number = next_first.is_some_and(|c| c.is_ascii_digit());
    let dotted_acronym = word_before.contains('.');
    if MONTHS_AND_OTHERS.contains(&lower.as_str()) || dotted_acronym {
        if next_is_number {
            return false;
        }
        // "U.S. officials" continues, "in the U.S. The talks" does not.
        let next_lower = next_word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        return is_stopword(&next_lower);
    }
    true
}

/// Scraped pages drop the space between a sentence and a quotation that
/// follows it (`said Tim Kaine."So that is…`, `ended.“We`). When the run of
/// terminators `at..after` ends in a quotation mark that opens (a straight
/// mark after an even number of them, or an opening curly mark) and a
/// capital letter follows at once, the sentence ends before that mark.
fn glued_opening_quote(text: &str, at: usize, after: usize) -> Option<usize> {
    let next = text[after..].chars().next()?;
    let (mark_at, mark) = if next == '“' {
        (after, next)
    } else {
        text[at..after]
            .char_indices()
            .next_back()
            .map(|(k, c)| (at + k, c))?
    };
    let opens = match mark {
        '“' => true,
        '"' => text[..mark_at].matches('"').count().is_multiple_of(2),
        _ => false,
    };
    let first = text[mark_at + mark.len_utf8()..].chars().next()?;
    (opens && mark_at > at && first.is_uppercase()).then_some(mark_at)
}

/// The word (letters, digits, inner dots and apostrophes) just before `end`.
fn word_before(text: &str) -> &str {
    let trimmed = text.trim_end_matches(|c: char| CLOSERS.contains(&c));
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &trimmed[start..]
}
