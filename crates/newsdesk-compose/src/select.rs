//! Choosing a set of sentences that covers the story without repeating it.

use crate::pool::{Pool, SAME_FACT};
use crate::rank::Scores;

/// Weight of relevance against novelty in maximal marginal relevance.
const LAMBDA: f32 = 0.7;

/// Sentence ids by descending score, printable only; in a full story
/// quotations are left to the statements.
fn candidates(pool: &Pool, scores: &Scores, allow_quotes: bool) -> Vec<usize> {
    let mut ids: Vec<usize> = (0..pool.sentences.len())
        .filter(|&i| {
            pool.sentences[i].printable
                && (allow_quotes || !pool.sentences[i].quoted)
                && !points_back_after_opening(pool, i)
        })
        .collect();
    ids.sort_by(|&a, &b| scores.score[b].total_cmp(&scores.score[a]));
    ids
}

/// Picks sentences by maximal marginal relevance until `done` says stop.
fn pick(
    pool: &Pool,
    scores: &Scores,
    excluded: &[usize],
    allow_quotes: bool,
    mut done: impl FnMut(&[usize], usize) -> bool,
) -> Vec<usize> {
    let mut remaining = candidates(pool, scores, allow_quotes);
    remaining.retain(|i| !excluded.contains(i));
    let mut chosen: Vec<usize> = Vec::new();
    let taken: Vec<usize> = excluded.to_vec();
    while !remaining.is_empty() {
        let similarity_to_chosen = |i: usize| {
            chosen
                .iter()
                .chain(taken.iter())
                .map(|&c| pool.sentences[i].vector.cosine(&pool.sentences[c].vector))
                .fold(0.0f32, f32::max)
        };
        let (best_at, best_value) = remaining
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                (
                    k,
                    LAMBDA * scores.score[i] - (1.0 - LAMBDA) * similarity_to_chosen(i),
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .expect("remaining is not empty");
        let _ = best_value;
        let best = remaining.remove(best_at);
        if similarity_to_chosen(best) >= SAME_FACT {
            continue; // a repeat of a fact already told
        }
        if done(&chosen, best) {
            break;
        }
        chosen.push(best);
    }
    chosen
}

/// Up to `count` sentences, never one of `excluded` or a repeat of them.
pub fn by_count(pool: &Pool, scores: &Scores, count: usize, excluded: &[usize]) -> Vec<usize> {
    pick(pool, scores, excluded, false, |chosen, _| {
        chosen.len() >= count
    })
}

/// A lead's support from other sources must reach this share of the best
/// supported opening sentence's.
const LEAD_MIN_SHARE: f32 = 0.5;
/// The fewest words of a lead.
const LEAD_MIN_WORDS: usize = 8;
/// Opening sentences weighed as the lead, best placed first.
const LEAD_CANDIDATES: usize = 30;

/// Generic nouns that, after "The" at the head of a sentence, name
/// something the sentence before introduced ("The town is an epicenter").
const POINTING_NOUNS: &[&str] = &[
    "town", "city", "village", "region", "area", "country", "company", "firm", "group", "man",
    "woman", "boy", "girl", "move", "decision", "incident", "attack", "plan", "deal", "measure",
    "visit", "report", "case", "event", "project",
];

/// "The town is an epicenter …" after its article's first sentence: a
/// town the sentence before named, which a story printing it alone does
/// not.
pub(crate) fn points_back_after_opening(pool: &Pool, i: usize) -> bool {
    pool.sentences[i].position > 0 && points_back(pool.text(i))
}

/// Whether a sentence opens on "The" or "This" and one such noun.
fn points_back(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    matches!(first, "The" | "This" | "That") && POINTING_NOUNS.contains(&second.as_str())
}

/// How closely another source tells what sentence `i` tells: its highest
/// cosine with a sentence of another article.
fn outside_support(pool: &Pool, i: usize) -> f32 {
    let own = &pool.sentences[i];
    pool.sentences
        .iter()
        .filter(|s| s.source != own.source)
        .map(|s| own.vector.cosine(&s.vector))
        .fold(0.0f32, f32::max)
}

/// The lead: the best sentence among those that open an article (its news
/// in one sentence), preferring the newest reporting; quotations and
/// sentences that lean on an earlier one are not leads.
pub fn lead(pool: &Pool, scores: &Scores) -> Option<usize> {
    let lead_value = |i: usize| {
        let s = &pool.sentences[i];
        let fresh = pool.is_newest_source(s.source);
        // An article's own first sentence is written to be a lead.
        let opening = if s.position == 0 { 0.15 } else { 0.0 };
        scores.score[i] + if fresh { 0.2 } else { 0.0 } + opening
    };
    let usable = |i: &usize| {
        let s = &pool.sentences[*i];
        s.printable && !s.quoted && !s.opens_with_pronoun
    };
    // A feature's hook ("Chicken Little would love this one.") opens an
    // article but tells no news; "The town is …" after an article's first
    // sentence points back at a place the reader has not met.
    let tells_news = |i: &usize| {
        let s = &pool.sentences[*i];
        s.words >= LEAD_MIN_WORDS && !points_back_after_opening(pool, *i)
    };
    let mut opening: Vec<usize> = (0..pool.sentences.len())
        .filter(usable)
        .filter(tells_news)
        .filter(|&i| pool.sentences[i].position <= 2)
        .collect();
    // The bonuses pick among openings that other sources bear out, never
    // an off-topic one (the weather page filed beside a story) for being
    // new: an article's own words weigh in its salience, not here. Support
    // costs a pass over the pool, so only the likeliest leads are weighed.
    opening.sort_by(|&a, &b| lead_value(b).total_cmp(&lead_value(a)));
    opening.truncate(LEAD_CANDIDATES);
    let support: Vec<f32> = opening.iter().map(|&i| outside_support(pool, i)).collect();
    let best = support.iter().copied().fold(0.0f32, f32::max);
    opening
        .into_iter()
        .zip(support)
        .find(|&(_, support)| support >= LEAD_MIN_SHARE * best)
        .map(|(i, _)| i)
        .or_else(|| {
            (0..pool.sentences.len())
                .filter(usable)
                .max_by(|&a, &b| scores.score[a].total_cmp(&scores.score[b]))
        })
}

/// Chronological by source date, then source order, then position.
pub fn order_for_reading(pool: &Pool, ids: &mut [usize]) {
    ids.sort_by_key(|&i| {
        let s = &pool.sentences[i];
        (pool.articles[s.source].published, s.source, s.position)
    });
}
