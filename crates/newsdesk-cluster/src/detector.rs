//! The online detector.

use crate::features::{for_each_term, Term};
use crate::simhash::{hamming, simhash_words};
use chrono::NaiveDate;
use newsdesk_text::{is_stopword, words, Stemmer};
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, DefaultHasher};

/// A map whose iteration order depends only on what was inserted, for the
/// maps whose values are summed in iteration order: with the standard
/// random seed, two detectors fed the same articles (one uninterrupted, one
/// restored) added the same floats in different orders and could differ in
/// the last bit of a similarity. Keys are our own ids, not text, so a fixed
/// seed opens no hash-flooding door.
type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<DefaultHasher>>;

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
    /// Terms of an article used to look up candidate stories (and under
    /// which its story is indexed).
    pub lookup_terms: usize,
    /// Stories compared in full per article: those sharing the most weight
    /// of its lookup terms. Bounds the work per article.
    pub max_candidates: usize,
    /// Cosine similarity between two stories' centroids at which they are
    /// merged (checked once per article, for the story it joined); above 1
    /// turns merging off.
    pub merge_threshold: f32,
    /// Stories are merged only while one of them has at most this many
    /// members: merging mends a story that split off early, it does not
    /// join two grown stories.
    pub merge_members: u32,
    /// SimHash distance (bits) at or under which two articles are copies.
    pub duplicate_bits: u32,
    /// Words of an article's body read.
    pub body_words: usize,
    /// Weight of a name (a run of capitalised words) against a word.
    pub name_weight: f32,
    /// How slowly a term's weight saturates with its count (BM25's k1):
    /// a term's weight is tf (k1 + 1) / (tf + k1 L), where L is the
    /// article's length against the average so far, pivoted by
    /// `length_pivot`.
    pub saturation: f32,
    /// How much an article's length scales the saturation (BM25's b): 0
    /// ignores length, 1 scales by it fully.
    pub length_pivot: f32,
    /// An article that clears the bar of a story of at least
    /// `hold_members` members by less than this share of the bar is held
    /// apart: it starts a story of its own, which is merged into the story
    /// it nearly joined unless another article joins it within the next
    /// `hold_articles` articles. 0 holds nothing.
    pub hold_margin: f32,
    pub hold_members: u32,
    pub hold_articles: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.10,
            age_penalty: 0.01,
            article_terms: 40,
            story_terms: 160,
            lookup_terms: 12,
            max_candidates: 16,
            merge_threshold: 0.14,
            merge_members: 2,
            duplicate_bits: 3,
            body_words: 1500,
            name_weight: 1.5,
            saturation: 10.0,
            length_pivot: 0.75,
            hold_margin: 0.7,
            hold_members: 3,
            hold_articles: 8,
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
    /// A story that this article showed to be the same as `story`, and
    /// that was merged into it: its articles now belong to `story`, and
    /// the number is not given out again. Always older than the article.
    pub merged: Option<usize>,
    /// (story, held): a story an earlier article started when it was held
    /// apart from `story`, that no other article joined while it waited,
    /// merged now into `story`. Unrelated to this article's own story;
    /// done before it was placed.
    pub rejoined: Option<(usize, usize)>,
}

struct Story {
    /// Sum of the members' term-frequency vectors, each of unit length.
    centroid: IdMap<u32, f32>,
    last_date: Option<NaiveDate>,
    /// Terms under which the story is in `postings`.
    posted: HashSet<u32>,
    /// The story this one was merged into.
    merged_into: Option<u32>,
    members: u32,
    /// The centroid's length with idf applied, and the number of documents
    /// seen when it was computed: idf drifts slowly, so it is computed
    /// again only when the centroid changes or the collection has grown by
    /// a sixteenth.
    norm: std::cell::Cell<(f32, u32)>,
}

/// A story started by an article held apart from the story it nearly
/// joined.
struct Held {
    story: usize,
    near: usize,
    /// The article number from which, if no other article has joined the
    /// story, it is merged into `near`.
    until: u32,
}

/// An article that started a story while the detector was restored: it
/// may have been held when the detector stopped.
struct Restored {
    number: u32,
    story: usize,
    vector: Vec<(u32, f32)>,
    date: Option<NaiveDate>,
}

/// Bands of 16 bits of a 64-bit fingerprint: two fingerprints within 3
/// bits agree on at least one band, so each band is an exact-match index.
const BANDS: usize = 4;

/// What a stop word or a one-letter word stands for in `word_terms`.
const NOT_A_TERM: u32 = u32::MAX;

pub struct StoryDetector {
    config: Config,
    stemmer: Stemmer,
    vocabulary: HashMap<String, u32>,
    /// Lower-cased word -> its stem's term, or `NOT_A_TERM`: each word is
    /// stemmed once, not each time it is read.
    word_terms: HashMap<String, u32>,
    document_frequency: Vec<u32>,
    /// ln(1 + document frequency) per term and ln(1 + documents), kept
    /// current so idf costs a subtraction, not a logarithm.
    log_frequency: Vec<f32>,
    log_documents: f32,
    documents: u32,
    /// Summed weight of all articles' terms, for the average length; in
    /// f64 because an f32 sum stops growing by small lengths after some
    /// millions of articles.
    total_length: f64,
    stories: Vec<Story>,
    /// Term -> stories indexed under it (merged ones included: they are
    /// followed to the story they went into).
    postings: HashMap<u32, Vec<u32>>,
    fingerprints: Vec<(u64, u32)>,
    bands: [HashMap<u16, Vec<u32>>; BANDS],
    /// Held stories still waiting, oldest first.
    held: VecDeque<Held>,
    /// The stories the last `hold_articles` restored articles started.
    restored: VecDeque<Restored>,
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
            word_terms: HashMap::new(),
            document_frequency: Vec::new(),
            log_frequency: Vec::new(),
            log_documents: 0.0,
            documents: 0,
            total_length: 0.0,
            stories: Vec::new(),
            postings: HashMap::new(),
            fingerprints: Vec::new(),
            bands: Default::default(),
            held: VecDeque::new(),
            restored: VecDeque::new(),
        }
    }

    /// Stories numbered so far, merged ones included.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// The story `story` now is: itself, or the one it was merged into.
    pub fn current_story(&self, mut story: usize) -> usize {
        while let Some(next) = self.stories.get(story).and_then(|s| s.merged_into) {
            story = next as usize;
        }
        story
    }

    /// Places one article, in arrival order.
    pub fn add(&mut self, article: Incoming) -> Assignment {
        let article_number = self.fingerprints.len() as u32;
        let rejoined = self.release_held(article_number);
        let (fingerprint, vector) = self.read(article);

        if let Some(original) = self.find_copy(fingerprint) {
            let story = self.current_story(self.fingerprints[original as usize].1 as usize);
            self.remember_fingerprint(fingerprint, story as u32, article_number);
            self.touch(story, article.date);
            return Assignment {
                story,
                new_story: false,
                duplicate_of: Some(original as usize),
                similarity: 1.0,
                merged: None,
                rejoined,
            };
        }

        let best = self.best_story(&vector, article.date, None, self.config.threshold);
        let (mut story, new_story, similarity) = match best {
            Some((near, similarity, bar)) if self.holds_apart(near, similarity, bar) => {
                let story = self.start_story();
                self.held.push_back(Held {
                    story,
                    near,
                    until: article_number + self.config.hold_articles,
                });
                (story, true, 0.0)
            }
            Some((story, similarity, _)) => (story, false, similarity),
            None => (self.start_story(), true, 0.0),
        };
        self.grow(story, &vector, article.date);
        // A new story was just compared with every candidate; a grown one
        // has changed, and may now be seen to be the same as another.
        let mut merged = None;
        if !new_story {
            if let Some((kept, gone)) = self.merge_similar(story, article.date) {
                story = kept;
                merged = Some(gone);
            }
        }
        self.remember_fingerprint(fingerprint, story as u32, article_number);
        Assignment {
            story,
            new_story,
            duplicate_of: None,
            similarity,
            merged,
            rejoined,
        }
    }

    /// Adds an article to a story chosen by the caller, not by similarity:
    /// to rebuild the detector after a restart from stored membership,
    /// replaying recent articles in arrival order. `story` is a number this
    /// detector gave out (or gives out now: `None`, or the next unused
    /// number, starts a story). Merges are not looked for; copies are
    /// remembered but not linked. Call [`StoryDetector::restore_holds`]
    /// after the last one.
    pub fn restore(&mut self, article: Incoming, story: Option<usize>) -> Assignment {
        let article_number = self.fingerprints.len() as u32;
        let (fingerprint, vector) = self.read(article);
        let (story, new_story) = match story.filter(|&s| s < self.stories.len()) {
            Some(story) => (self.current_story(story), false),
            None => (self.start_story(), true),
        };
        self.grow(story, &vector, article.date);
        if new_story && self.config.hold_articles > 0 {
            self.restored.push_back(Restored {
                number: article_number,
                story,
                vector,
                date: article.date,
            });
        }
        // Only the last few can still be waiting: an older held article
        // that stayed alone was merged before the detector stopped.
        let window = self.config.hold_articles;
        while self
            .restored
            .front()
            .is_some_and(|r| r.number + window <= article_number)
        {
            self.restored.pop_front();
        }
        self.remember_fingerprint(fingerprint, story as u32, article_number);
        Assignment {
            story,
            new_story,
            duplicate_of: None,
            similarity: 0.0,
            merged: None,
            rejoined: None,
        }
    }

    /// After a restore, holds again the stories that the last restored
    /// articles started alone while nearly joining a grown story, as
    /// [`StoryDetector::add`] held them: their wait goes on from where it
    /// was, so a held article nothing joins is still merged, and one a
    /// later article joins still stays apart.
    pub fn restore_holds(&mut self) {
        for restored in std::mem::take(&mut self.restored) {
            let story = restored.story;
            let alone = self.current_story(story) == story && self.stories[story].members == 1;
            if !alone {
                continue;
            }
            let near = self.best_story(
                &restored.vector,
                restored.date,
                Some(story),
                self.config.threshold,
            );
            if let Some((near, similarity, bar)) = near {
                if self.holds_apart(near, similarity, bar) {
                    self.held.push_back(Held {
                        story,
                        near,
                        until: restored.number + self.config.hold_articles,
                    });
                }
            }
        }
    }

    /// Whether an article that clears story `near`'s `bar` with this
    /// `similarity` only narrowly, while `near` has grown, is held apart.
    fn holds_apart(&self, near: usize, similarity: f32, bar: f32) -> bool {
        similarity < bar * (1.0 + self.config.hold_margin)
            && self.stories[near].members >= self.config.hold_members
    }

    /// Merges the held story whose wait ends with this article into the
    /// story it nearly joined, unless another article joined it: a weak
    /// match with a grown story starts apart, and stays apart only when
    /// the next articles show it to be a story of its own. Returns
    /// (story, held story).
    fn release_held(&mut self, article_number: u32) -> Option<(usize, usize)> {
        if self.held.front()?.until > article_number {
            return None;
        }
        let Held { story, near, .. } = self.held.pop_front()?;
        let near = self.current_story(near);
        let alone = self.current_story(story) == story && self.stories[story].members == 1;
        if !alone || near == story {
            return None;
        }
        let (kept, gone) = (near.min(story), near.max(story));
        self.merge(kept, gone);
        Some((kept, gone))
    }

    fn start_story(&mut self) -> usize {
        self.stories.push(Story {
            centroid: IdMap::default(),
            last_date: None,
            posted: HashSet::new(),
            merged_into: None,
            members: 0,
            norm: std::cell::Cell::new((0.0, 0)),
        });
        self.stories.len() - 1
    }

    /// The article's fingerprint, and its most distinctive terms (by
    /// tf-idf now) as saturating term frequency weights (BM25's) scaled to
    /// unit length; idf is applied when comparing.
    fn read(&mut self, article: Incoming) -> (u64, Vec<(u32, f32)>) {
        let text_words = words(article.text);
        let fingerprint = simhash_words(&text_words);
        let mut counts: IdMap<u32, f32> = IdMap::default();
        for_each_term(
            article.title,
            article.text,
            &text_words,
            self.config.body_words,
            self.config.name_weight,
            |term, weight| {
                let id = match term {
                    Term::Word(word) => self.word_term(word),
                    Term::Name(name) => self.term_id(format!("@{name}")),
                };
                if id != NOT_A_TERM {
                    *counts.entry(id).or_default() += weight;
                }
            },
        );
        // Sorted by term so that ties break the same way in every run,
        // whatever the hash map's order.
        let mut counts: Vec<(u32, f32)> = counts.into_iter().collect();
        counts.sort_unstable_by_key(|&(id, _)| id);
        self.documents += 1;
        self.log_documents = (1.0 + self.documents as f32).ln();
        // A long article repeats its story's terms more often without being
        // more about them: its counts saturate sooner.
        let length: f32 = counts.iter().map(|&(_, count)| count).sum();
        self.total_length += f64::from(length);
        let average_length = (self.total_length / f64::from(self.documents)) as f32;
        let (k1, b) = (self.config.saturation, self.config.length_pivot);
        let saturate_at = k1 * (1.0 - b + b * length / average_length.max(1e-9));
        let mut scored: Vec<(u32, f32, f32)> = Vec::with_capacity(counts.len());
        for (id, count) in counts {
            self.document_frequency[id as usize] += 1;
            self.log_frequency[id as usize] =
                (1.0 + self.document_frequency[id as usize] as f32).ln();
            let tf = count * (k1 + 1.0) / (count + saturate_at);
            scored.push((id, tf, tf * self.idf(id)));
        }
        scored.sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        scored.truncate(self.config.article_terms);
        let vector = unit_length(scored.into_iter().map(|(id, tf, _)| (id, tf)).collect());
        (fingerprint, vector)
    }

    /// The term a lower-cased word counts as: its stem, or `NOT_A_TERM`
    /// for stop words and one-letter words.
    fn word_term(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.word_terms.get(word) {
            return id;
        }
        let id = if word.chars().count() < 2 || is_stopword(word) {
            NOT_A_TERM
        } else {
            self.term_id(self.stemmer.stem(word))
        };
        self.word_terms.insert(word.to_string(), id);
        id
    }

    fn term_id(&mut self, term: String) -> u32 {
        let next = self.vocabulary.len() as u32;
        let id = *self.vocabulary.entry(term).or_insert(next);
        if id as usize == self.document_frequency.len() {
            self.document_frequency.push(0);
            self.log_frequency.push(0.0);
        }
        id
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

    /// The most similar story over its (age-raised) bar `threshold`, other
    /// than `except`, among the stories that share most of the weight of
    /// the vector's lookup terms, with the similarity and the bar.
    /// `vector` is sorted by distinctiveness.
    fn best_story(
        &self,
        vector: &[(u32, f32)],
        date: Option<NaiveDate>,
        except: Option<usize>,
        threshold: f32,
    ) -> Option<(usize, f32, f32)> {
        let candidates = self.candidates(vector, except);
        let norm = vector
            .iter()
            .map(|&(t, w)| (w * self.idf(t)).powi(2))
            .sum::<f32>()
            .sqrt();
        let mut best: Option<(usize, f32, f32)> = None;
        for story_id in candidates {
            let story = &self.stories[story_id];
            let similarity = self.cosine(vector, norm, story);
            let gap_days = match (date, story.last_date) {
                (Some(a), Some(b)) => (a - b).num_days().unsigned_abs() as f32,
                _ => 0.0,
            };
            let bar = threshold + self.config.age_penalty * (1.0 + gap_days / 30.0).ln();
            if similarity >= bar && best.is_none_or(|(_, s, _)| similarity > s) {
                best = Some((story_id, similarity, bar));
            }
        }
        best
    }

    /// Live stories indexed under the vector's lookup terms, at most
    /// `max_candidates` of them: those whose shared terms weigh most.
    fn candidates(&self, vector: &[(u32, f32)], except: Option<usize>) -> Vec<usize> {
        // Terms in more than one document in fifty name no particular story.
        let common = (self.documents / 50).max(50);
        let mut shared: IdMap<usize, f32> = IdMap::default();
        for &(term, weight) in vector.iter().take(self.config.lookup_terms) {
            if self.document_frequency[term as usize] > common {
                continue;
            }
            let Some(stories) = self.postings.get(&term) else {
                continue;
            };
            let weight = weight * self.idf(term);
            for &story in stories {
                if Some(story as usize) != except {
                    *shared.entry(story as usize).or_default() += weight;
                }
            }
        }
        let mut ranked: Vec<(usize, f32)> = shared.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(self.config.max_candidates);
        let mut candidates: Vec<usize> = ranked.into_iter().map(|(s, _)| s).collect();
        candidates.sort_unstable();
        candidates
    }

    /// Cosine of a vector (of norm `norm` with idf applied) and a
    /// centroid, both weighted by today's idf: not the document
    /// frequencies a story's first articles arrived with, when every word
    /// looked rare.
    fn cosine(&self, vector: &[(u32, f32)], norm: f32, story: &Story) -> f32 {
        let dot: f32 = vector
            .iter()
            .filter_map(|&(t, w)| {
                story
                    .centroid
                    .get(&t)
                    .map(|c| c * w * self.idf(t) * self.idf(t))
            })
            .sum();
        let (mut story_norm, computed_at) = story.norm.get();
        if computed_at == 0 || self.documents > computed_at + computed_at / 16 {
            story_norm = story
                .centroid
                .iter()
                .map(|(&t, &c)| (c * self.idf(t)).powi(2))
                .sum::<f32>()
                .sqrt();
            story.norm.set((story_norm, self.documents));
        }
        dot / (story_norm * norm).max(1e-9)
    }

    /// Merges `story_id` with the story most like it, when their centroids
    /// are close enough: two stories that started apart (the first report
    /// of each said too little) are seen to be one once they have grown.
    /// The older story is kept. Returns (kept, merged away).
    fn merge_similar(
        &mut self,
        story_id: usize,
        date: Option<NaiveDate>,
    ) -> Option<(usize, usize)> {
        if self.config.merge_threshold > 1.0 {
            return None;
        }
        let mut vector: Vec<(u32, f32)> = self.stories[story_id]
            .centroid
            .iter()
            .map(|(&t, &w)| (t, w))
            .collect();
        vector.sort_unstable_by(|a, b| {
            (b.1 * self.idf(b.0))
                .total_cmp(&(a.1 * self.idf(a.0)))
                .then(a.0.cmp(&b.0))
        });
        let vector = unit_length(vector);
        let (other, _, _) =
            self.best_story(&vector, date, Some(story_id), self.config.merge_threshold)?;
        let smaller = self.stories[other]
            .members
            .min(self.stories[story_id].members);
        if smaller > self.config.merge_members {
            return None;
        }
        // A held story waits out its turn: the articles that join it meanwhile
        // are what tells it apart from the story it was held from.
        let waiting = |held: usize, near: usize| {
            self.held
                .iter()
                .any(|h| h.story == held && self.current_story(h.near) == near)
        };
        if waiting(story_id, other) || waiting(other, story_id) {
            return None;
        }
        let (kept, gone) = (other.min(story_id), other.max(story_id));
        self.merge(kept, gone);
        Some((kept, gone))
    }

    /// Merges story `gone` into story `kept`.
    fn merge(&mut self, kept: usize, gone: usize) {
        let centroid: Vec<(u32, f32)> = std::mem::take(&mut self.stories[gone].centroid)
            .into_iter()
            .collect();
        let posted = std::mem::take(&mut self.stories[gone].posted);
        let gone_date = self.stories[gone].last_date;
        self.stories[gone].merged_into = Some(kept as u32);
        self.add_to_centroid(kept, &centroid);
        self.stories[kept].members += self.stories[gone].members;
        // The gone story's postings now lead to the kept one, once.
        for term in posted {
            let already = !self.stories[kept].posted.insert(term);
            if let Some(list) = self.postings.get_mut(&term) {
                if already {
                    list.retain(|&s| s as usize != gone);
                } else if let Some(entry) = list.iter_mut().find(|s| **s as usize == gone) {
                    *entry = kept as u32;
                }
            }
        }
        self.touch(kept, gone_date);
    }

    fn grow(&mut self, story_id: usize, vector: &[(u32, f32)], date: Option<NaiveDate>) {
        self.add_to_centroid(story_id, vector);
        let story = &mut self.stories[story_id];
        story.members += 1;
        for &(term, _) in vector.iter().take(self.config.lookup_terms) {
            if story.posted.insert(term) {
                self.postings.entry(term).or_default().push(story_id as u32);
            }
        }
        self.touch(story_id, date);
    }

    /// Adds weights to a story's centroid, keeping its `story_terms` most
    /// distinctive terms once it has twice as many.
    fn add_to_centroid(&mut self, story_id: usize, vector: &[(u32, f32)]) {
        let story_terms = self.config.story_terms;
        let story = &mut self.stories[story_id];
        story.norm.set((0.0, 0));
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
            story.centroid = ranked.into_iter().map(|(e, _)| e).collect();
        }
    }

    fn touch(&mut self, story_id: usize, date: Option<NaiveDate>) {
        let story = &mut self.stories[story_id];
        story.last_date = match (story.last_date, date) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
}

/// The vector scaled to unit length (plain weights, no idf).
fn unit_length(mut vector: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    let norm = vector
        .iter()
        .map(|(_, w)| w * w)
        .sum::<f32>()
        .sqrt()
        .max(1e-9);
    for entry in vector.iter_mut() {
        entry.1 /= norm;
    }
    vector
}
