//! The terms of an article: stemmed content words, title words twice,
//! and names (runs of capitalised words) as terms of their own.

use newsdesk_text::{content_terms, words, Stemmer};
use std::collections::HashMap;

/// Raw terms with their counts (title words and names weigh more), from
/// the title and the first `body_words` words of the text: the top of an
/// article says what it is about, and reading all of a long one only costs time.
pub fn raw_terms(
    title: &str,
    text: &str,
    body_words: usize,
    name_weight: f32,
    stemmer: &Stemmer,
) -> HashMap<String, f32> {
    let body = head_words(text, body_words);
    let mut terms: HashMap<String, f32> = HashMap::new();
    let mut add = |term: String, weight: f32| *terms.entry(term).or_default() += weight;
    for term in content_terms(body, stemmer) {
        add(term, 1.0);
    }
    for term in content_terms(title, stemmer) {
        add(term, 2.0);
    }
    for name in names(title).into_iter().chain(names(body)) {
        add(format!("@{name}"), name_weight);
    }
    terms
}

fn head_words(text: &str, limit: usize) -> &str {
    match text.split_whitespace().nth(limit) {
        Some(word) => {
            let end = word.as_ptr() as usize - text.as_ptr() as usize;
            &text[..end]
        }
        None => text,
    }
}

/// Runs of two or more capitalised words ("Jens Stoltenberg", "New York"),
/// lower-cased: names tie articles together more than single words do.
fn names(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut previous_end = 0;
    for w in words(text) {
        let gap = &text[previous_end..w.span.start];
        let capital =
            text[w.span.range()].starts_with(char::is_uppercase) && w.lower.chars().count() > 1;
        let broken = gap.contains(|c: char| !c.is_whitespace());
        if !capital || broken {
            if run.len() >= 2 {
                found.push(run.join(" "));
            }
            run.clear();
        }
        if capital {
            run.push(w.lower);
        }
        previous_end = w.span.end;
    }
    if run.len() >= 2 {
        found.push(run.join(" "));
    }
    found
}
