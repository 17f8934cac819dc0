//! Brief summaries by concept coverage: pairs of neighbouring words that
//! several articles share are the story's facts; pick the sentences that
//! cover the most of them, weighted by how many articles report each, per
//! word spent (after Gillick and Favre's concept model, solved greedily).
//! A brief weighs two more objectives beside the concepts (`submodular`):
//! how well its sentences stand for all the others, and how closely its
//! words follow the articles' mix of words.

use crate::pool::Pool;
use crate::rank::Scores;
use crate::submodular::{word_counts, SentenceCoverage, WordProfile, MAX_COVERED_SENTENCES};
use newsdesk_text::{is_stopword, words, Stemmer};
use std::collections::{HashMap, HashSet};

/// How strongly longer sentences are penalised when ranked by gain per word.
const LENGTH_EXPONENT: f32 = 0.7;
const MIN_SHARE: f32 = 0.3;
/// Weights of the sentence coverage and the word profile in a brief, each
/// against the concepts' share of their whole weight.
const SENTENCE_COVERAGE_WEIGHT: f32 = 0.5;
const WORD_PROFILE_WEIGHT: f32 = 0.5;

/// A sentence as a brief would print it.
pub struct BriefForm {
    pub text: String,
    pub edits: Vec<newsdesk_model::Edit>,
    /// May stand in a brief: printable, not a quotation, not leaning on a
    /// pronoun, long enough to say something.
    pub usable: bool,
}

/// Sentence ids covering the most weighted concepts within `budget` words,
/// most valuable first, each also judged by how well it stands for the
/// other sentences and how closely its words follow the articles' (the
/// three gains added, each a share of its objective's whole); every
/// sentence must add a concept. Each sentence counted as `forms` prints it, and
/// its words counted as ROUGE and a reader's word limit count them
/// (white-space separated), so a trimmed sentence costs what it prints.
pub fn by_concepts(pool: &Pool, scores: &Scores, forms: &[BriefForm], budget: usize) -> Vec<usize> {
    let stemmer = Stemmer::default();
    let original: Vec<Vec<String>> = (0..pool.sentences.len())
        .map(|i| sentence_concepts(pool.text(i), &stemmer))
        .collect();
    // What the articles report is judged on their full text.
    let weights = concept_weights(pool, &original);
    let candidates: Vec<Candidate> = forms
        .iter()
        .enumerate()
        .filter(|(_, form)| form.usable)
        .map(|(id, form)| Candidate {
            id,
            concepts: sentence_concepts(&form.text, &stemmer),
            words: form.text.split_whitespace().count(),
        })
        .collect();
    let counts: Vec<Vec<(String, f32)>> = candidates
        .iter()
        .map(|c| word_counts(&forms[c.id].text, &stemmer))
        .collect();
    let coverage = SentenceCoverage::new(pool, &best_ranked(scores, MAX_COVERED_SENTENCES));
    let profile = WordProfile::new(
        (0..pool.sentences.len()).map(|i| pool.text(i)),
        budget,
        &stemmer,
    );
    let concept_whole: f32 = weights.values().sum::<f32>().max(f32::MIN_POSITIVE);
    struct Told<'a> {
        concepts: HashSet<&'a str>,
        coverage: SentenceCoverage,
        profile: WordProfile,
        words: usize,
    }
    let mut told = Told {
        concepts: HashSet::new(),
        coverage,
        profile,
        words: 0,
    };
    greedy(
        &candidates,
        &mut told,
        |told, k, candidate, chosen| {
            // Never another source's telling of a fact already told.
            if chosen
                .iter()
                .any(|&c| pool.same_fact[c].contains(&candidate.id))
            {
                return 0.0;
            }
            // Every sentence must tell a shared fact not yet told, or a
            // second report of one story could follow the first.
            let concept = new_weight(candidate, &weights, &told.concepts);
            if concept <= 0.0 {
                return 0.0;
            }
            concept / concept_whole
                + SENTENCE_COVERAGE_WEIGHT * told.coverage.gain(candidate.id)
                + WORD_PROFILE_WEIGHT * told.profile.gain(&counts[k])
        },
        |told, k| {
            let candidate = &candidates[k];
            told.concepts
                .extend(candidate.concepts.iter().map(String::as_str));
            told.coverage.add(candidate.id);
            told.profile.add(&counts[k]);
            told.words += candidate.words;
        },
        |told, _| told.words >= budget,
    )
}

/// Up to `limit` sentence ids, best ranked first when there are more; all
/// of them, in pool order, otherwise.
fn best_ranked(scores: &Scores, limit: usize) -> Vec<usize> {
    let mut ids: Vec<usize> = (0..scores.score.len()).collect();
    if ids.len() > limit {
        ids.sort_by(|&a, &b| scores.score[b].total_cmp(&scores.score[a]));
        ids.truncate(limit);
        ids.sort_unstable();
    }
    ids
}

/// The weight of a candidate's concepts not yet covered.
fn new_weight(candidate: &Candidate, weights: &HashMap<&str, f32>, covered: &HashSet<&str>) -> f32 {
    candidate
        .concepts
        .iter()
        .filter(|c| !covered.contains(c.as_str()))
        .map(|c| weights.get(c.as_str()).copied().unwrap_or(0.0))
        .sum()
}

/// Up to `count` sentences that add the most concepts not already told by
/// `told`; fewer when no sentence adds any.
pub fn cover(pool: &Pool, count: usize, told: &[usize]) -> Vec<usize> {
    let stemmer = Stemmer::default();
    let concepts: Vec<Vec<String>> = (0..pool.sentences.len())
        .map(|i| sentence_concepts(pool.text(i), &stemmer))
        .collect();
    let weights = concept_weights(pool, &concepts);
    let mut covered: HashSet<&str> = told
        .iter()
        .flat_map(|&i| concepts[i].iter().map(String::as_str))
        .collect();
    let candidates: Vec<Candidate> = (0..pool.sentences.len())
        .filter(|&i| {
            let s = &pool.sentences[i];
            s.printable
                && !s.opens_with_pronoun
                && !s.quoted
                && s.words >= 8
                && !told.contains(&i)
                && !crate::select::points_back_after_opening(pool, i)
        })
        .map(|id| Candidate {
            id,
            concepts: concepts[id].clone(),
            words: pool.sentences[id].words,
        })
        .collect();
    greedy(
        &candidates,
        &mut covered,
        |covered, _, candidate, _| new_weight(candidate, &weights, covered),
        |covered, k| {
            covered.extend(candidates[k].concepts.iter().map(String::as_str));
        },
        |_, chosen| chosen.len() >= count,
    )
}

struct Candidate {
    id: usize,
    concepts: Vec<String>,
    words: usize,
}

/// Greedy budgeted choice: repeatedly the candidate with the largest
/// `gain` (given what was told and the pool ids chosen so far) per
/// word^`LENGTH_EXPONENT`, skipping those that gain nothing, until `done`
/// says stop; `take` records each choice in what was told.
fn greedy<T>(
    candidates: &[Candidate],
    told: &mut T,
    gain: impl Fn(&T, usize, &Candidate, &[usize]) -> f32,
    mut take: impl FnMut(&mut T, usize),
    done: impl Fn(&T, &[usize]) -> bool,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = vec![false; candidates.len()];
    while !done(told, &chosen) {
        let mut best: Option<(f32, usize)> = None;
        for (k, candidate) in candidates.iter().enumerate() {
            if taken[k] {
                continue;
            }
            let gain = gain(told, k, candidate, &chosen);
            if gain <= 0.0 {
                continue;
            }
            let value = gain / (candidate.words.max(1) as f32).powf(LENGTH_EXPONENT);
            if best.is_none_or(|(v, _)| value > v) {
                best = Some((value, k));
            }
        }
        let Some((_, next)) = best else { break };
        take(told, next);
        taken[next] = true;
        chosen.push(candidates[next].id);
    }
    chosen
}

/// The stemmed word pairs of a sentence that are not both stop words.
fn sentence_concepts(text: &str, stemmer: &Stemmer) -> Vec<String> {
    let tokens: Vec<(String, bool)> = words(text)
        .into_iter()
        .map(|w| (stemmer.stem(&w.lower), is_stopword(&w.lower)))
        .collect();
    let mut seen = HashSet::new();
    tokens
        .windows(2)
        .filter(|pair| !(pair[0].1 && pair[1].1))
        .map(|pair| format!("{} {}", pair[0].0, pair[1].0))
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

/// Each concept's weight: the number of independent reports that contain
/// it (articles relaying one report count once), for concepts in at least
/// `MIN_SHARE` of the articles (and two at least): a fact several outlets
/// repeat is shared, but repeating one report does not make it weigh more.
fn concept_weights<'a>(pool: &Pool, concepts: &'a [Vec<String>]) -> HashMap<&'a str, f32> {
    let mut sources: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (i, list) in concepts.iter().enumerate() {
        for concept in list {
            sources
                .entry(concept.as_str())
                .or_default()
                .insert(pool.sentences[i].source);
        }
    }
    let minimum = ((pool.articles.len() as f32 * MIN_SHARE).ceil() as usize)
        .max(2)
        .min(pool.articles.len());
    sources
        .into_iter()
        .filter(|(_, s)| s.len() >= minimum)
        .map(|(c, s)| {
            let reports: HashSet<usize> = s.iter().map(|&source| pool.report[source]).collect();
            (c, reports.len() as f32)
        })
        .collect()
}
