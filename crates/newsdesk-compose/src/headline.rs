//! The story's headline: the source headline most representative of the
//! story, cleaned of outlet prefixes and suffixes.

use crate::pool::Pool;
use crate::rank::Scores;
use crate::sources::Sources;
use crate::vectors::TermVector;
use newsdesk_model::Article;
use newsdesk_text::{content_terms, Stemmer};
use std::collections::HashMap;

/// `lead_source` is the source of the lead sentence: a headline from the
/// same article tells the same news as the lead.
pub fn choose(
    articles: &[Article],
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    lead_source: Option<usize>,
) -> (String, Option<String>) {
    let stemmer = Stemmer::default();
    let mut best: Option<(f32, String, usize)> = None;
    for (i, article) in articles.iter().enumerate() {
        let Some(title) = article.title.as_deref().map(clean) else {
            continue;
        };
        if title.split_whitespace().count() < 3 {
            continue;
        }
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for term in content_terms(&title, &stemmer) {
            if let Some(&t) = pool.vocabulary.get(&term) {
                *counts.entry(t).or_default() += pool.idf[t as usize];
            }
        }
        let mut score = TermVector::from_counts(counts).cosine(&scores.centroid);
        if sources.is_background(i) {
            score *= 0.3;
        }
        if pool.is_newest_source(i) {
            score += 0.05;
        }
        if lead_source == Some(i) {
            score += 0.1;
        }
        if best.as_ref().is_none_or(|(s, ..)| score > *s) {
            best = Some((score, title, i));
        }
    }
    match best {
        Some((_, title, i)) => (title, Some(sources.0[i].id.clone())),
        None => {
            // No usable headline: the lead's first words.
            let first = pool.text(0);
            (
                first
                    .split_whitespace()
                    .take(12)
                    .collect::<Vec<_>>()
                    .join(" "),
                None,
            )
        }
    }
}

/// Removes "NYT: " style prefixes and " | Outlet" suffixes.
pub fn clean(title: &str) -> String {
    let mut title = title.trim();
    if let Some((prefix, rest)) = title.split_once(": ") {
        if prefix.len() <= 6 && prefix.chars().all(|c| c.is_ascii_uppercase()) {
            title = rest;
        }
    }
    for separator in [" | ", " — ", " – "] {
        if let Some((head, _)) = title.rsplit_once(separator) {
            if head.split_whitespace().count() >= 4 {
                title = head;
            }
        }
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
