//! Statements: the quotations a story lists, with who said them.
//!
//! Quotations and their speakers come from the language layer's
//! attribution relations (`newsdesk_language`); only a certain one (a
//! typed person or organisation, a pronoun certainly linked to one, or a
//! description of an unnamed person) gives a speaker. This module picks
//! the ones worth listing.

#[cfg(test)]
mod tests;

use crate::pool::Pool;
use crate::rank::Scores;
use crate::sources::Sources;
use newsdesk_model::{Citation, Span, Statement, StorySentence};
use newsdesk_text::{is_stopword, words};

/// A quote found in a source, before ranking.
struct Found {
    source: usize,
    /// The covering sentences, in the source's cleaned text.
    sentences: Span,
    quote: Span,
    speaker: Option<String>,
    doubt: Option<newsdesk_language::Doubt>,
}

pub fn statements(pool: &Pool, scores: &Scores, sources: &Sources, limit: usize) -> Vec<Statement> {
    rank_and_pick(pool, scores, sources, found(pool), limit)
}

/// One quotation in a story's sources and the speaker statements would
/// give it, before any ranking: what `bench claims` measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the article among those given.
    pub source: usize,
    /// The quoted words, in the article's cleaned text.
    pub quote: Span,
    /// The speaker, given in full where the articles name them in full.
    pub speaker: Option<String>,
    /// Whether a story could print it as a statement: from a current
    /// source, with a speaker, reading as something said.
    pub printable: bool,
    /// Why the layer gave no certain speaker, when it gave none.
    pub doubt: Option<newsdesk_language::Doubt>,
}

pub fn attributions(pool: &Pool, sources: &Sources) -> Vec<Attribution> {
    found(pool)
        .into_iter()
        .map(|f| {
            let speaker = f.speaker.clone();
            let printable = speaker.is_some() && printable_quote(pool, sources, &f).is_some();
            Attribution {
                source: f.source,
                quote: f.quote,
                speaker,
                printable,
                doubt: f.doubt,
            }
        })
        .collect()
}

/// The quoted words a story may print as a statement: none from a
/// background source (old quotes are not news) or that does not read as
/// something said (a scare quote, a title).
fn printable_quote<'a>(pool: &Pool<'a>, sources: &Sources, found: &Found) -> Option<&'a str> {
    if sources.is_background(found.source) {
        return None;
    }
    let quote = pool.articles[found.source].text[found.quote.range()]
        .trim()
        .trim_end_matches([',', ' ']);
    reads_as_a_statement(quote).then_some(quote)
}

/// Every quotation of every article, with the speaker the language
/// layer's attribution gives it when that attribution is certain: a typed
/// person or organisation (named in full, with the role an apposition
/// gives), or a description of a person who is not named.
fn found(pool: &Pool) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (source, analysis) in pool.analyses.iter().enumerate() {
        let text = &pool.articles[source].text;
        for attribution in &analysis.attributions {
            let quotation = &analysis.quotations[attribution.quotation];
            let speaker = analysis.speaker(text, attribution);
            found.push(Found {
                source,
                sentences: quotation.sentences,
                quote: quotation.inner,
                speaker,
                doubt: attribution.doubt,
            });
        }
    }
    found
}

fn rank_and_pick(
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    found: Vec<Found>,
    limit: usize,
) -> Vec<Statement> {
    let mut candidates: Vec<(bool, f32, Statement, String)> = Vec::new();
    for f in found {
        let Some(quote) = printable_quote(pool, sources, &f).map(str::to_string) else {
            continue;
        };
        let Some(speaker) = f.speaker else {
            continue;
        };
        let text = &pool.articles[f.source].text;
        let sentence_score = pool
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.source == f.source
                    && s.span.start < f.sentences.end
                    && s.span.end > f.sentences.start
            })
            .map(|(i, _)| scores.score[i])
            .fold(0.0f32, f32::max);
        // A quote that starts in lower case is a phrase woven into the
        // reporter's sentence ("to head an inquiry free of \"conflicts of
        // interest\""): whole quotes come first, a speaker's own sentence
        // says more on its own.
        let partial = quote.starts_with(char::is_lowercase);
        let key = speaker_key(&speaker);
        let statement = Statement {
            speaker,
            quote,
            sentence: StorySentence {
                text: text[f.sentences.range()].to_string(),
                citations: vec![Citation {
                    source: format!("s{}", f.source + 1),
                    start: f.sentences.start,
                    end: f.sentences.end,
                }],
                edits: Vec::new(),
            },
        };
        candidates.push((partial, sentence_score, statement, key));
    }
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    let mut chosen: Vec<(Statement, String)> = Vec::new();
    for (_, _, statement, key) in candidates {
        // One quote per speaker keeps the list a list of voices.
        if chosen.iter().any(|(_, k)| *k == key)
            || chosen.iter().any(|(s, _)| s.quote == statement.quote)
        {
            continue;
        }
        chosen.push((statement, key));
        if chosen.len() == limit {
            break;
        }
    }
    chosen.into_iter().map(|(s, _)| s).collect()
}

/// A quote worth listing as what someone said: not a scare quote or a
/// term ("bribe"), not a name in quotation marks ("African Crisis
/// Response Force"), and, when it is a phrase woven into the reporter's
/// sentence (lower case), long enough to say something on its own.
fn reads_as_a_statement(quote: &str) -> bool {
    let found = words(quote);
    let partial = quote.starts_with(char::is_lowercase);
    let a_name = found
        .iter()
        .all(|w| quote[w.span.range()].starts_with(char::is_uppercase) || is_stopword(&w.lower))
        && !ends_as_sentence(quote);
    found.len() >= if partial { MIN_PARTIAL_QUOTE_WORDS } else { 4 } && !a_name
}

fn ends_as_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '\'', '’'])
        .ends_with(['.', '!', '?'])
}

/// The fewest words of a listed phrase woven into a reporter's sentence.
const MIN_PARTIAL_QUOTE_WORDS: usize = 8;

/// The name part of a speaker, for telling speakers apart: the surname of
/// a name ("Kestel" for "Dario Kestel"), else the whole description.
pub fn speaker_key(speaker: &str) -> String {
    let head = speaker.split(',').next().unwrap_or(speaker).trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let is_name = words.iter().all(capitalised);
    // "union leader Mara Holt": a role before a name of two words or more;
    // "the Indiana Republican" is a description.
    let name_run = words.iter().rev().take_while(|w| capitalised(w)).count();
    let role_then_name = name_run >= 2
        && name_run < words.len()
        && !matches!(words[words.len() - name_run - 1], "the" | "a" | "an");
    if is_name || role_then_name {
        head.split_whitespace().last().unwrap_or("").to_lowercase()
    } else {
        head.to_lowercase()
    }
}
