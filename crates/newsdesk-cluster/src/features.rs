//! The terms of an article: content words, title words twice, and names
//! (runs of capitalised words) as terms of their own.

use newsdesk_text::{dateline_length, words, Word};

/// A term before it is stemmed and numbered.
pub enum Term<'a> {
    /// A lower-cased word (stop words included: the caller, which caches
    /// what each word becomes, drops them).
    Word(&'a str),
    /// A lower-cased name, such as "jens stoltenberg".
    Name(String),
}

/// Calls `add` with each term of an article and its weight: the words and
/// names of the first `body_words` words of the text after its dateline
/// (the top of an article says what it is about, and reading all of a long
/// one only costs time), then those of the title, which count twice.
/// `text_words` are the words of `text`.
pub fn for_each_term(
    title: &str,
    text: &str,
    text_words: &[Word],
    body_words: usize,
    name_weight: f32,
    mut add: impl FnMut(Term, f32),
) {
    let body_start = text.len() - skip_dateline(text).len();
    let first = text_words.partition_point(|w| w.span.start < body_start);
    let last = (first + body_words).min(text_words.len());
    let body = &text_words[first..last];
    for word in body {
        add(Term::Word(&word.lower), 1.0);
    }
    for name in names(text, body) {
        add(Term::Name(name), name_weight);
    }
    let title_words = words(title);
    for word in &title_words {
        add(Term::Word(&word.lower), 2.0);
    }
    for name in names(title, &title_words) {
        add(Term::Name(name), 2.0 * name_weight);
    }
}

/// The text after a wire dateline ("WUHAN, July 31 (Xinhua) --",
/// "SAN FRANCISCO _"): the place a report was filed from says little about
/// its story, and as a name it would tie together unrelated reports filed
/// from one city.
pub(crate) fn skip_dateline(text: &str) -> &str {
    let text = text.trim_start();
    if let Some(length) = dateline_length(text) {
        return &text[length..];
    }
    // Without an agency: a place in capitals, then a dash.
    let head = &text[..floor_boundary(text, 40)];
    for dash in [" _ ", " -- ", " — ", " – "] {
        if let Some(at) = head.find(dash) {
            let place = &text[..at];
            let letters = place.chars().filter(|c| c.is_alphabetic()).count();
            let shouts = place
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | ','));
            if letters >= 3 && shouts {
                return &text[at + dash.len()..];
            }
        }
    }
    text
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Runs of two or more capitalised words ("Jens Stoltenberg", "New York")
/// not broken by punctuation, lower-cased: names tie articles together
/// more than single words do. A stop word opening a run ("The", "In") is
/// a sentence's first word, not part of the name. `run_words` are words
/// of `text`, in order.
pub(crate) fn names(text: &str, run_words: &[Word]) -> Vec<String> {
    let mut found = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut close = |run: &mut Vec<&str>| {
        let skip = usize::from(run.first().is_some_and(|w| newsdesk_text::is_stopword(w)));
        if run.len() >= skip + 2 {
            found.push(run[skip..].join(" "));
        }
        run.clear();
    };
    let mut previous_end = run_words.first().map_or(0, |w| w.span.start);
    for w in run_words {
        let gap = &text[previous_end..w.span.start];
        let capital =
            text[w.span.range()].starts_with(char::is_uppercase) && w.lower.chars().count() > 1;
        let broken = gap.contains(|c: char| !c.is_whitespace());
        if !capital || broken {
            close(&mut run);
        }
        if capital {
            run.push(&w.lower);
        }
        previous_end = w.span.end;
    }
    close(&mut run);
    found
}
