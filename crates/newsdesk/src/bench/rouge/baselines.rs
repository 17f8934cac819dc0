//! The extractive baselines the brief summaries are measured against:
//! lead-of-latest, a tf-idf centroid, LexRank and TextRank.
//!
//! All four read the same sentences (`newsdesk_text::split_sentences` over
//! each paragraph) and the same terms (`newsdesk_text::content_terms`:
//! stemmed words without stop words). Each sees only its own cluster: the
//! idf weights are computed over the cluster's sentences (sentence
//! frequency), not over a background corpus that the composer does not
//! have either. The three ranked systems then take sentences best first,
//! skipping near-duplicates, until the word budget is spent; sentences are
//! printed in that order, so that ROUGE's word limit cuts the least
//! important one.

use crate::bench::duc::Cluster;
use newsdesk_text::{content_terms, split_sentences, Stemmer};
use std::collections::HashMap;

/// Candidate sentences shorter than this are fragments ("He declined.")
/// or datelines, and are not picked by the ranked systems.
const MIN_WORDS: usize = 6;
/// A candidate whose cosine with a picked sentence is above this repeats it.
const REDUNDANT: f64 = 0.5;
/// LexRank: the similarity an edge needs (Erkan and Radev, 2004).
const LEXRANK_THRESHOLD: f64 = 0.1;
/// LexRank's jump probability and TextRank's damping (0.85 = 1 - 0.15).
const JUMP: f64 = 0.15;

/// One sentence of a cluster.
struct Sentence {
    text: String,
    words: usize,
    /// Term -> count.
    tf: HashMap<String, f64>,
}

/// The sentences of a cluster with their terms and idf weights.
struct Pool {
    sentences: Vec<Sentence>,
    idf: HashMap<String, f64>,
}

impl Pool {
    fn build(cluster: &Cluster, stemmer: &Stemmer) -> Pool {
        let mut sentences = Vec::new();
        for doc in &cluster.docs {
            for paragraph in &doc.paragraphs {
                for span in split_sentences(paragraph) {
                    let text = paragraph[span.range()].trim().to_string();
                    let mut tf = HashMap::new();
                    for term in content_terms(&text, stemmer) {
                        *tf.entry(term).or_insert(0.0) += 1.0;
                    }
                    sentences.push(Sentence {
                        words: text.split_whitespace().count(),
                        text,
                        tf,
                    });
                }
            }
        }
        let mut frequency: HashMap<String, f64> = HashMap::new();
        for s in &sentences {
            for term in s.tf.keys() {
                *frequency.entry(term.clone()).or_insert(0.0) += 1.0;
            }
        }
        let n = sentences.len() as f64;
        let idf = frequency
            .into_iter()
            .map(|(term, f)| (term, (n / f).ln()))
            .collect();
        Pool { sentences, idf }
    }

    fn idf(&self, term: &str) -> f64 {
        self.idf.get(term).copied().unwrap_or(0.0)
    }

    /// The tf-idf vector of sentence `i`.
    fn tfidf(&self, i: usize) -> HashMap<&str, f64> {
        self.sentences[i]
            .tf
            .iter()
            .map(|(t, &tf)| (t.as_str(), tf * self.idf(t)))
            .collect()
    }

    /// Takes sentences by descending score, skipping fragments and
    /// sentences too close to one already taken, until `words` are spent.
    fn pick(&self, scores: &[f64], words: usize) -> String {
        let vectors: Vec<HashMap<&str, f64>> =
            (0..self.sentences.len()).map(|i| self.tfidf(i)).collect();
        let mut order: Vec<usize> = (0..self.sentences.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut chosen: Vec<usize> = Vec::new();
        let mut total = 0;
        for i in order {
            if total >= words {
                break;
            }
            let s = &self.sentences[i];
            if s.words < MIN_WORDS
                || chosen
                    .iter()
                    .any(|&j| cosine(&vectors[i], &vectors[j]) > REDUNDANT)
            {
                continue;
            }
            chosen.push(i);
            total += s.words;
        }
        join(chosen.iter().map(|&i| self.sentences[i].text.as_str()))
    }
}

fn join<'a>(sentences: impl Iterator<Item = &'a str>) -> String {
    sentences.collect::<Vec<_>>().join("\n")
}

fn cosine(a: &HashMap<&str, f64>, b: &HashMap<&str, f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(t, x)| b.get(t).map(|y| x * y)).sum();
    let norm = |v: &HashMap<&str, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The first sentences of the latest article, up to `words` words (the
/// sentence that reaches the budget is kept whole; ROUGE cuts it).
pub fn lead(cluster: &Cluster, words: usize) -> String {
    let Some(latest) = cluster
        .docs
        .iter()
        .max_by(|a, b| a.sort_key.cmp(&b.sort_key))
    else {
        return String::new();
    };
    let mut out = Vec::new();
    let mut total = 0;
    'paragraphs: for paragraph in &latest.paragraphs {
        for span in split_sentences(paragraph) {
            if total >= words {
                break 'paragraphs;
            }
            let text = paragraph[span.range()].trim();
            total += text.split_whitespace().count();
            out.push(text);
        }
    }
    out.join("\n")
}

/// Centroid (after Radev et al., 2004): sentences ranked by the cosine of
/// their tf-idf vector with the cluster's centroid, the mean of all the
/// sentence vectors.
pub fn centroid(cluster: &Cluster, words: usize, stemmer: &Stemmer) -> String {
    let pool = Pool::build(cluster, stemmer);
    let n = pool.sentences.len();
    let mut center: HashMap<&str, f64> = HashMap::new();
    let vectors: Vec<HashMap<&str, f64>> = (0..n).map(|i| pool.tfidf(i)).collect();
    for v in &vectors {
        for (t, x) in v {
            *center.entry(t).or_insert(0.0) += x / n as f64;
        }
    }
    let scores: Vec<f64> = vectors.iter().map(|v| cosine(v, &center)).collect();
    pool.pick(&scores, words)
}

/// LexRank (Erkan and Radev, 2004), the thresholded variant: an edge where
/// the idf-modified cosine is above 0.1, rows normalised by degree, and the
/// stationary distribution with a 0.15 uniform jump.
pub fn lexrank(cluster: &Cluster, words: usize, stemmer: &Stemmer) -> String {
    let pool = Pool::build(cluster, stemmer);
    let n = pool.sentences.len();
    // idf-modified cosine: Σ tf_x tf_y idf² / (|tf_x idf| |tf_y idf|), which
    // is the plain cosine of the tf-idf vectors.
    let vectors: Vec<HashMap<&str, f64>> = (0..n).map(|i| pool.tfidf(i)).collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in 0..n {
            if i == j || cosine(&vectors[i], &vectors[j]) > LEXRANK_THRESHOLD {
                edges[i].push(j);
            }
        }
    }
    let weights: Vec<Vec<(usize, f64)>> = edges
        .iter()
        .map(|row| {
            let w = 1.0 / row.len() as f64;
            row.iter().map(|&j| (j, w)).collect()
        })
        .collect();
    let scores = stationary(&weights, JUMP);
    pool.pick(&scores, words)
}

/// TextRank (Mihalcea and Tarau, 2004): sentences linked by their term
/// overlap, |Si ∩ Sj| / (log |Si| + log |Sj|), ranked by weighted PageRank
/// with damping 0.85.
pub fn textrank(cluster: &Cluster, words: usize, stemmer: &Stemmer) -> String {
    let pool = Pool::build(cluster, stemmer);
    let n = pool.sentences.len();
    let sizes: Vec<f64> = pool
        .sentences
        .iter()
        .map(|s| s.tf.values().sum::<f64>())
        .collect();
    let mut weights: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let overlap = pool.sentences[i]
                .tf
                .keys()
                .filter(|t| pool.sentences[j].tf.contains_key(*t))
                .count() as f64;
            let denominator = sizes[i].ln() + sizes[j].ln();
            if overlap > 0.0 && denominator > 0.0 {
                weights[i].push((j, overlap / denominator));
            }
        }
    }
    // Each node hands its score out in proportion to its edge weights.
    for row in &mut weights {
        let total: f64 = row.iter().map(|(_, w)| w).sum();
        for (_, w) in row.iter_mut() {
            *w /= total;
        }
    }
    let scores = stationary(&weights, JUMP);
    pool.pick(&scores, words)
}

/// Power iteration of p = jump/n + (1 - jump) Σ_j p_j w_ji, where `weights`
/// holds each node's outgoing (target, share) pairs; a node without edges
/// spreads its score evenly.
pub(super) fn stationary(weights: &[Vec<(usize, f64)>], jump: f64) -> Vec<f64> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let mut p = vec![1.0 / n as f64; n];
    for _ in 0..1000 {
        let dangling: f64 = weights
            .iter()
            .zip(&p)
            .filter(|(row, _)| row.is_empty())
            .map(|(_, x)| x)
            .sum();
        let base = jump / n as f64 + (1.0 - jump) * dangling / n as f64;
        let mut next = vec![base; n];
        for (i, row) in weights.iter().enumerate() {
            for &(j, w) in row {
                next[j] += (1.0 - jump) * p[i] * w;
            }
        }
        let change: f64 = next.iter().zip(&p).map(|(a, b)| (a - b).abs()).sum();
        p = next;
        if change < 1e-10 {
            break;
        }
    }
    p
}
