//! Two objectives a brief weighs beside its concepts, both monotone and
//! submodular so the greedy choice stays sound: how well the chosen
//! sentences stand for every sentence of the articles (Lin and Bilmes
//! 2011), and how closely their words follow the articles' own mix of
//! words (a clipped unigram match, in the spirit of Haghighi and
//! Vanderwende's KL-sum). Each gain is a share of the objective's value on
//! the whole pool, so the objectives can be added.

use crate::pool::Pool;
use newsdesk_text::{words, Stemmer};
use std::collections::HashMap;

/// A sentence counts as covered once the chosen ones are as similar to it
/// as this many average sentences of the pool would be (Lin and Bilmes'
/// α = a / N, with a = 10).
const SATURATION: f32 = 10.0;
/// Weight of the diversity reward against coverage (Lin and Bilmes' λ).
const DIVERSITY: f32 = 6.0;
/// Clusters for the diversity reward, as a share of the sentences.
const CLUSTER_SHARE: f32 = 0.2;
const KMEANS_ROUNDS: usize = 20;
/// The most sentences the coverage objective compares with each other: its
/// cost grows with the square of their number (k-means with it), so in a
/// story of hundreds of articles it weighs the best-ranked ones only.
pub const MAX_COVERED_SENTENCES: usize = 1500;

/// Lin and Bilmes' L(S) + λ·R(S): every pool sentence is covered by the
/// chosen ones' tf-idf cosine up to a saturation point, and the reward for
/// choosing from a k-means cluster grows as the square root of what the
/// cluster already gave, so a second sentence from one cluster earns less.
pub struct SentenceCoverage {
    /// Pool sentence -> its row, for the sentences the objective weighs.
    row_of: Vec<Option<usize>>,
    similarity: Vec<Vec<f32>>,
    saturation: Vec<f32>,
    cluster: Vec<usize>,
    reward: Vec<f32>,
    covered: Vec<f32>,
    cluster_reward: Vec<f32>,
    whole: f32,
}

impl SentenceCoverage {
    /// The objective over `members`, pool sentence ids (at most
    /// [`MAX_COVERED_SENTENCES`] are worth passing).
    pub fn new(pool: &Pool, members: &[usize]) -> SentenceCoverage {
        let n = members.len();
        let mut row_of = vec![None; pool.sentences.len()];
        for (row, &id) in members.iter().enumerate() {
            row_of[id] = Some(row);
        }
        let vectors: Vec<&crate::vectors::TermVector> = members
            .iter()
            .map(|&id| &pool.sentences[id].vector)
            .collect();
        let norms: Vec<f32> = vectors.iter().map(|v| v.norm()).collect();
        let mut similarity = vec![vec![0.0f32; n]; n];
        for i in 0..n {
            for j in i..n {
                let norms = norms[i] * norms[j];
                let cosine = if norms > 0.0 {
                    vectors[i].dot(vectors[j]) / norms
                } else {
                    0.0
                };
                similarity[i][j] = cosine;
                similarity[j][i] = cosine;
            }
        }
        let row: Vec<f32> = similarity.iter().map(|r| r.iter().sum()).collect();
        let saturation: Vec<f32> = row.iter().map(|r| SATURATION / n as f32 * r).collect();
        let reward: Vec<f32> = row.iter().map(|r| r / n as f32).collect();
        let clusters = ((CLUSTER_SHARE * n as f32).round() as usize).clamp(1, n.max(1));
        let cluster = kmeans(&vectors, clusters);
        let mut cluster_whole = vec![0.0f32; clusters];
        for (j, &c) in cluster.iter().enumerate() {
            cluster_whole[c] += reward[j];
        }
        let whole = saturation
            .iter()
            .zip(&row)
            .map(|(s, r)| s.min(*r))
            .sum::<f32>()
            + DIVERSITY * cluster_whole.iter().map(|v| v.sqrt()).sum::<f32>();
        SentenceCoverage {
            row_of,
            similarity,
            saturation,
            cluster,
            reward,
            covered: vec![0.0; n],
            cluster_reward: vec![0.0; clusters],
            whole: whole.max(f32::MIN_POSITIVE),
        }
    }

    /// What adding pool sentence `id` would add, as a share of the value
    /// of choosing every sentence; nothing for a sentence it does not weigh.
    pub fn gain(&self, id: usize) -> f32 {
        let Some(j) = self.row_of[id] else {
            return 0.0;
        };
        let coverage: f32 = (0..self.covered.len())
            .map(|i| {
                let before = self.covered[i].min(self.saturation[i]);
                (self.covered[i] + self.similarity[i][j]).min(self.saturation[i]) - before
            })
            .sum();
        let old = self.cluster_reward[self.cluster[j]];
        let diversity = (old + self.reward[j]).sqrt() - old.sqrt();
        (coverage + DIVERSITY * diversity) / self.whole
    }

    pub fn add(&mut self, id: usize) {
        let Some(j) = self.row_of[id] else {
            return;
        };
        for (covered, row) in self.covered.iter_mut().zip(&self.similarity) {
            *covered += row[j];
        }
        self.cluster_reward[self.cluster[j]] += self.reward[j];
    }
}

/// Spherical k-means of tf-idf vectors into `k` clusters, seeded with
/// evenly spaced vectors so that it is deterministic.
pub fn kmeans(vectors: &[&crate::vectors::TermVector], k: usize) -> Vec<usize> {
    let n = vectors.len();
    let terms = vectors
        .iter()
        .flat_map(|v| v.0.iter().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0);
    let unit: Vec<Vec<(usize, f32)>> = vectors
        .iter()
        .map(|v| {
            let norm = v.norm();
            v.0.iter()
                .map(|&(t, w)| (t as usize, if norm > 0.0 { w / norm } else { 0.0 }))
                .collect()
        })
        .collect();
    let mut centres = vec![vec![0.0f32; terms]; k];
    for (c, centre) in centres.iter_mut().enumerate() {
        for &(t, w) in &unit[c * n / k] {
            centre[t] = w;
        }
    }
    let mut label = vec![0usize; n];
    let mut sums = vec![vec![0.0f32; terms]; k];
    for _ in 0..KMEANS_ROUNDS {
        for (i, u) in unit.iter().enumerate() {
            let mut best = (f32::MIN, 0);
            for (c, centre) in centres.iter().enumerate() {
                let score: f32 = u.iter().map(|&(t, w)| w * centre[t]).sum();
                if score > best.0 {
                    best = (score, c);
                }
            }
            label[i] = best.1;
        }
        for sum in &mut sums {
            sum.fill(0.0);
        }
        for (i, u) in unit.iter().enumerate() {
            for &(t, w) in u {
                sums[label[i]][t] += w;
            }
        }
        for (centre, sum) in centres.iter_mut().zip(&sums) {
            let norm = sum.iter().map(|w| w * w).sum::<f32>().sqrt();
            // A cluster left empty keeps its centre.
            if norm > 0.0 {
                for (c, s) in centre.iter_mut().zip(sum) {
                    *c = s / norm;
                }
            }
        }
    }
    label
}

/// Expected clipped word matches with a summary of `budget` words drawn
/// from the articles' word distribution, stop words included: a sentence
/// gains for each word it brings until the summary holds as many of that
/// word as such a summary would.
pub struct WordProfile {
    expected: HashMap<String, f32>,
    told: HashMap<String, f32>,
    whole: f32,
}

impl WordProfile {
    pub fn new<'t>(
        texts: impl Iterator<Item = &'t str>,
        budget: usize,
        stemmer: &Stemmer,
    ) -> WordProfile {
        let mut counts: HashMap<String, f32> = HashMap::new();
        for text in texts {
            for (word, count) in word_counts(text, stemmer) {
                *counts.entry(word).or_default() += count;
            }
        }
        let total: f32 = counts.values().sum::<f32>().max(1.0);
        let expected = counts
            .into_iter()
            .map(|(word, count)| (word, budget as f32 * count / total))
            .collect();
        WordProfile {
            expected,
            told: HashMap::new(),
            whole: (budget as f32).max(f32::MIN_POSITIVE),
        }
    }

    /// What a sentence with these word counts would add, as a share of
    /// the whole profile.
    pub fn gain(&self, counts: &[(String, f32)]) -> f32 {
        let matched: f32 = counts
            .iter()
            .map(|(word, count)| {
                let expected = self.expected.get(word).copied().unwrap_or(0.0);
                let told = self.told.get(word).copied().unwrap_or(0.0);
                (told + count).min(expected) - told.min(expected)
            })
            .sum();
        matched / self.whole
    }

    pub fn add(&mut self, counts: &[(String, f32)]) {
        for (word, count) in counts {
            *self.told.entry(word.clone()).or_default() += count;
        }
    }
}

/// Each stemmed word of `text` with its count, in order of first use.
pub fn word_counts(text: &str, stemmer: &Stemmer) -> Vec<(String, f32)> {
    let mut counts: Vec<(String, f32)> = Vec::new();
    for word in words(text) {
        let stem = stemmer.stem(&word.lower);
        match counts.iter_mut().find(|(w, _)| *w == stem) {
            Some((_, count)) => *count += 1.0,
            None => counts.push((stem, 1.0)),
        }
    }
    counts
}
