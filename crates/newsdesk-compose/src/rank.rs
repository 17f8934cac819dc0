//! How much each sentence deserves a place in the story.
//!
//! Salience is similarity to the story's centroid (what the articles, taken
//! together, talk about most). Corroboration counts the independent sources
//! that report the same fact: sources that relay one underlying report
//! count once. Early sentences carry an article's news. Background sources,
//! unprintable and dangling sentences are held back.

use crate::pool::Pool;
use crate::sources::Sources;
use crate::vectors::TermVector;
use std::collections::HashMap;

pub struct Scores {
    pub score: Vec<f32>,
    /// What the articles, taken together, talk about most.
    pub centroid: TermVector,
}

fn centroid(pool: &Pool) -> TermVector {
    let mut counts: HashMap<u32, f32> = HashMap::new();
    // Each article weighs the same, however long.
    let mut per_source: HashMap<usize, usize> = HashMap::new();
    for s in &pool.sentences {
        *per_source.entry(s.source).or_default() += 1;
    }
    for s in &pool.sentences {
        let weight = 1.0 / per_source[&s.source] as f32;
        let norm = s.vector.norm().max(1e-6);
        for &(t, w) in &s.vector.0 {
            *counts.entry(t).or_default() += weight * w / norm;
        }
    }
    TermVector::from_counts(counts)
}

pub fn score(pool: &Pool, sources: &Sources) -> Scores {
    let centroid = centroid(pool);
    let mut score = Vec::with_capacity(pool.sentences.len());
    for (i, s) in pool.sentences.iter().enumerate() {
        let salience = s.vector.cosine(&centroid);
        let reports = independent_reports(pool, i);
        let position = 1.0 / (1.0 + s.position as f32 / 3.0);
        let mut value = salience + 0.12 * (reports as f32 - 1.0).min(3.0) + 0.05 * position;
        if !s.printable {
            value *= 0.1;
        }
        if s.opens_with_pronoun {
            value *= 0.6;
        }
        if sources.is_background(s.source) {
            value *= 0.5;
        }
        score.push(value);
    }
    Scores { score, centroid }
}

/// Distinct reports of the fact: other sources saying the same, where all
/// sources that relay the same named report count as one.
fn independent_reports(pool: &Pool, sentence: usize) -> usize {
    let mut reports: Vec<usize> = Vec::new();
    let own = pool.sentences[sentence].source;
    for source in std::iter::once(own).chain(
        pool.same_fact[sentence]
            .iter()
            .map(|&o| pool.sentences[o].source),
    ) {
        let report = pool.report[source];
        if !reports.contains(&report) {
            reports.push(report);
        }
    }
    reports.len()
}
