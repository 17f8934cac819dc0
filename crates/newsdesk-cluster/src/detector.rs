//! The online detector.

use crate::features::raw_terms;
use crate::simhash::{hamming, simhash};
use chrono::NaiveDate;
use newsdesk_text::Stemmer;
use std::collections::{HashMap, HashSet};

/// Tuning of the detector. The defaults were chosen on the DUC 2003 dev
/// clusters (see docs/benchmarks/clustering.md).
#[derive(Debug, Clone)]
pub struct Config {
    /// Cosine similarity to a story's centroid needed to join it.
    pub threshold: f32,
    /// How much the bar rises per unit of ln(1 + days since the story
    /// last grew / 30).
    pub age_penalty: f32,
    /// Terms kept per article vector.
    pub article_terms: usize,
    /// Terms kept per story centroid.
    pub story_terms: usize,
    /// Terms of an article used to look up candidate stories.
    pub lookup_terms: usize,
    /// SimHash distance (bits) at or under which two articles are copies.
    pub duplicate_bits: u32,
    /// Words of an article's body read.
    pub body_words: usize,
    /// Weight of a name (a run of capitalised words) against a word.
    pub name_weight: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.08,
            age_penalty: 0.01,
            article_terms: 40,
            story_terms: 120,
            lookup_terms: 12,
            duplicate_bits: 3,
            body_words: 1500,
            name_weight: 1.5,
        }
    }
}

/// An article as story detection sees it.
#[derive(Debug, Clone, Copy)]
pub struct Incoming<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub date: Option<NaiveDate>,
}

/// Where an article went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    /// The story, numbered from 0 in order of creation.
    pub story: usize,
    pub new_story: bool,
    /// The earlier article (numbered from 0 in order of arrival) this one
    /// copies, for near-duplicates and syndicated copies.
    pub duplicate_of: Option<usize>,
    /// Similarity to the story joined (1 for copies, 0 for new stories).
    pub similarity: f32,
}

struct Story {
    /// Sum of the members' term-frequency vectors, each of unit length.
    centroid: HashMap<u32, f32>,
    last_date: Option<NaiveDate>,
    posted: HashSet<u32>,
}

/// Bands of 16 bits of a 64-bit fingerprint: two fingerprints within 3
/// bits agree on at least one band, so each band is an exact-match index.
const BANDS: usize = 4;

pub struct StoryDetector {
    config: Config,
    stemmer: Stemmer,
    vocabulary: HashMap<String, u32>,
    document_frequency: Vec<u32>,
    /// ln(1 + document frequency) per term and ln(1 + documents), kept
    /// current so idf costs a subtraction, not a logarithm.
    log_frequency: Vec<f32>,
    log_documents: f32,
    documents: u32,
    stories: Vec<Story>,
    /// Term -> stories whose centroid holds it.
    postings: HashMap<u32, Vec<u32>>,
    fingerprints: Vec<(u64, u32)>,
    bands: [HashMap<u16, Vec<u32>>; BANDS],
}

impl Default for StoryDetector {
    fn default() -> Self {
        StoryDetector::new(Config::default())
    }
}

impl StoryDetector {
    pub fn new(config: Config) -> StoryDetector {
        StoryDetector {
            config,
            stemmer: Stemmer::default(),
            vocabulary: HashMap::new(),
            document_frequency: Vec::new(),
            log_frequency: Vec::new(),
            log_documents: 0.0,
            documents: 0,
            stories: Vec::new(),
            postings: HashMap::new(),
            fingerprints: Vec::new(),
            bands: Default::default(),
        }
    }

    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Places one article, in arrival order.
    pub fn add(&mut self, article: Incoming) -> Assignment {
        let article_number = self.fingerprints.len() as u32;
        let fingerprint = simhash(article.text);
        let vector = self.vectorise(article);

        if let Some(original) = self.find_copy(fingerprint) {
            let story = self.fingerprints[original as usize].1;
            self.remember_fingerprint(fingerprint, story, article_number);
            self.touch(story as usize, article.date);
            return Assignment {
                story: story as usize,
                new_story: false,
                duplicate_of: Some(original as usize),
                similarity: 1.0,
            };
        }

        let best = self.best_story(&vector, article.date);
        let (story, new_story, similarity) = match best {
            Some((story, similarity)) => (story, false, similarity),
            None => {
                self.stories.push(Story {
                    centroid: HashMap::new(),
                    last_date: None,
                    posted: HashSet::new(),
                });
                (self.stories.len() - 1, true, 0.0)
            }
        };
        self.grow(story, &vector, article.date);
        self.remember_fingerprint(fingerprint, story as u32, article_number);
        Assignment {
            story,
            new_story,
            duplicate_of: None,
            similarity,
        }
    }

    /// The article's most distinctive terms (by tf-idf now), as term
    /// frequency weights 1 + ln tf scaled to unit length; idf is applied
    /// when comparing.
    fn vectorise(&mut self, article: Incoming) -> Vec<(u32, f32)> {
        let raw = raw_terms(
            article.title,
            article.text,
            self.config.body_words,
            self.config.name_weight,
            &self.stemmer,
        );
        // Term order decides ids and breaks ties: keep it independent of
        // the hash map's random order, so every run gives the same stories.
        let mut raw: Vec<(String, f32)> = raw.into_iter().collect();
        raw.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.documents += 1;
        self.log_documents = (1.0 + self.documents as f32).ln();
        let mut scored: Vec<(u32, f32, f32)> = Vec::with_capacity(raw.len());
        for (term, count) in raw {
            let next = self.vocabulary.len() as u32;
            let id = *self.vocabulary.entry(term).or_insert(next);
            if id as usize == self.document_frequency.len() {
                self.document_frequency.push(0);
                self.log_frequency.push(0.0);
            }
            self.document_frequency[id as usize] += 1;
            self.log_frequency[id as usize] =
                (1.0 + self.document_frequency[id as usize] as f32).ln();
            let tf = 1.0 + count.ln();
            scored.push((id, tf, tf * self.idf(id)));
        }
        scored.sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        scored.truncate(self.config.article_terms);
        let norm = scored
            .iter()
            .map(|(_, tf, _)| tf * tf)
            .sum::<f32>()
            .sqrt()
            .max(1e-9);
        scored
            .into_iter()
            .map(|(id, tf, _)| (id, tf / norm))
            .collect()
    }

    fn idf(&self, term: u32) -> f32 {
        self.log_documents - self.log_frequency[term as usize] + 1.0
    }

    fn find_copy(&self, fingerprint: u64) -> Option<u32> {
        if fingerprint == 0 {
            return None;
        }
        for (band, index) in self.bands.iter().enumerate() {
            let key = (fingerprint >> (16 * band)) as u16;
            for &candidate in index.get(&key).into_iter().flatten() {
                if hamming(self.fingerprints[candidate as usize].0, fingerprint)
                    <= self.config.duplicate_bits
                {
                    return Some(candidate);
                }
            }
        }
        None
    }

    fn remember_fingerprint(&mut self, fingerprint: u64, story: u32, article_number: u32) {
        self.fingerprints.push((fingerprint, story));
        if fingerprint == 0 {
            return;
        }
        for (band, index) in self.bands.iter_mut().enumerate() {
            index
                .entry((fingerprint >> (16 * band)) as u16)
                .or_default()
                .push(article_number);
        }
    }

    /// The most similar story over its (age-raised) bar, among those that
    /// share one of the article's most distinctive terms.
    fn best_story(&self, vector: &[(u32, f32)], date: Option<NaiveDate>) -> Option<(usize, f32)> {
        // Terms in more than one document in fifty name no particular story.
        let common = (self.documents / 50).max(50);
        let article_norm = vector
            .iter()
            .map(|&(t, w)| (w * self.idf(t)).powi(2))
            .sum::<f32>()
            .sqrt();
        let mut candidates: Vec<u32> = Vec::new();
        for &(term, _) in vector.iter().take(self.config.lookup_terms) {
            if self.document_frequency[term as usize] > common {
                continue; // too common to say which story this is
            }
            if let Some(stories) = self.postings.get(&term) {
                candidates.extend(stories);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f32)> = None;
        for story_id in candidates {
            let story = &self.stories[story_id as usize];
            // Weights use today's document frequencies, not those the
            // story's first articles arrived with: early on, every word
            // looks rare.
            let dot: f32 = vector
                .iter()
                .filter_map(|&(t, w)| {
                    story
                        .centroid
                        .get(&t)
                        .map(|c| c * w * self.idf(t) * self.idf(t))
                })
                .sum();
            let story_norm = story
                .centroid
                .iter()
                .map(|(&t, &c)| (c * self.idf(t)).powi(2))
                .sum::<f32>()
                .sqrt();
            let similarity = dot / (story_norm * article_norm).max(1e-9);
            let gap_days = match (date, story.last_date) {
                (Some(a), Some(b)) => (a - b).num_days().unsigned_abs() as f32,
                _ => 0.0,
            };
            let bar =
                self.config.threshold + self.config.age_penalty * (1.0 + gap_days / 30.0).ln();
            if similarity >= bar && best.is_none_or(|(_, s)| similarity > s) {
                best = Some((story_id as usize, similarity));
            }
        }
        best
    }

    fn grow(&mut self, story_id: usize, vector: &[(u32, f32)], date: Option<NaiveDate>) {
        let story_terms = self.config.story_terms;
        let story = &mut self.stories[story_id];
        for &(term, weight) in vector {
            *story.centroid.entry(term).or_default() += weight;
        }
        if story.centroid.len() > story_terms * 2 {
            let entries: Vec<(u32, f32)> = story.centroid.drain().collect();
            let idf: Vec<f32> = entries
                .iter()
                .map(|&(t, _)| self.log_documents - self.log_frequency[t as usize] + 1.0)
                .collect();
            let mut ranked: Vec<((u32, f32), f32)> = entries.into_iter().zip(idf).collect();
            ranked.sort_unstable_by(|a, b| {
                (b.0 .1 * b.1)
                    .total_cmp(&(a.0 .1 * a.1))
                    .then(a.0 .0.cmp(&b.0 .0))
            });
            ranked.truncate(story_terms);
            let entries: Vec<(u32, f32)> = ranked.into_iter().map(|(e, _)| e).collect();
            story.centroid = entries.into_iter().collect();
        }

        for &(term, _) in vector.iter().take(self.config.lookup_terms) {
            if story.posted.insert(term) {
                self.postings.entry(term).or_default().push(story_id as u32);
            }
        }
        self.touch(story_id, date);
    }

    fn touch(&mut self, story_id: usize, date: Option<NaiveDate>) {
        let story = &mut self.stories[story_id];
        story.last_date = match (story.last_date, date) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
}
