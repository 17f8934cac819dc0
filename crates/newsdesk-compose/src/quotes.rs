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
use newsdesk_language::{Analysis, Entity, NameKind, QuoteSource};
use newsdesk_model::{Citation, Span, Statement, StorySentence};
use newsdesk_text::{is_stopword, words};

/// A quote found in a source, before ranking.
struct Found {
    source: usize,
    /// The covering sentences, in the source's cleaned text.
    sentences: Span,
    quote: Span,
    speaker: Option<String>,
    /// Who the speaker is, for telling speakers apart (`speaker_key`).
    key: Option<String>,
    doubt: Option<newsdesk_language::Doubt>,
}

/// The statements a story lists, each with its speaker's key
/// (`speaker_key`), which `actors` matches its parties against.
pub fn statements(
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    limit: usize,
) -> Vec<(Statement, String)> {
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
    let text = &pool.articles[found.source].text;
    let quote = text[found.quote.range()].trim_start();
    let start = found.quote.end - quote.len();
    let quote = quote.trim_end().trim_end_matches([',', ' ']);
    let span = Span::new(start, start + quote.len());
    reads_as_a_statement(text, span, &pool.analyses[found.source]).then_some(quote)
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
            let key = speaker
                .as_ref()
                .and_then(|_| speaker_key(text, analysis, attribution.source.as_ref()?));
            found.push(Found {
                source,
                sentences: quotation.sentences,
                quote: quotation.inner,
                speaker,
                key,
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
) -> Vec<(Statement, String)> {
    let mut candidates: Vec<(bool, f32, Statement, String)> = Vec::new();
    for f in found {
        let Some(quote) = printable_quote(pool, sources, &f).map(str::to_string) else {
            continue;
        };
        let (Some(speaker), Some(key)) = (f.speaker, f.key) else {
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
    chosen
}

/// A quote worth listing as what someone said: not a scare quote or a
/// term ("bribe"), not a name in quotation marks ("African Crisis
/// Response Force": every word but the small ones inside a name the
/// layer found), and, when it is a phrase woven into the reporter's
/// sentence (lower case), long enough to say something on its own.
/// `quote` is a span of `text`, the article `analysis` was made of.
fn reads_as_a_statement(text: &str, quote: Span, analysis: &Analysis) -> bool {
    let words_of = &text[quote.range()];
    let found = words(words_of);
    let partial = words_of.starts_with(char::is_lowercase);
    let names: Vec<Span> = analysis
        .mentions_in(quote)
        .flat_map(|m| m.title.into_iter().chain([m.span]))
        .collect();
    let a_name = !names.is_empty()
        && found.iter().all(|w| {
            let at = w.span.shift(quote.start);
            is_stopword(&w.lower) || names.iter().any(|n| n.start <= at.start && at.end <= n.end)
        })
        && !ends_as_sentence(words_of);
    found.len() >= if partial { MIN_PARTIAL_QUOTE_WORDS } else { 4 } && !a_name
}

fn ends_as_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '\'', '’'])
        .ends_with(['.', '!', '?'])
}

/// The fewest words of a listed phrase woven into a reporter's sentence.
const MIN_PARTIAL_QUOTE_WORDS: usize = 8;

/// Who a speaker is, for telling speakers apart: a person by the
/// surname of the name the layer gives its entity ("kestel" for "Dario
/// Kestel", who is "Kestel" elsewhere), an organisation or place by its
/// whole name, a description ("a senior official") by its words.
pub(crate) fn speaker_key(text: &str, analysis: &Analysis, source: &QuoteSource) -> Option<String> {
    match source {
        QuoteSource::Entity { entity, .. } => Some(entity_key(&analysis.entities[*entity])),
        QuoteSource::Description(span) => Some(text[span.range()].to_lowercase()),
        QuoteSource::Unresolved(_) => None,
    }
}

/// An entity's key: the last word of a person's name (the surname, which
/// the layer joins to the full name), else its whole name; as sources
/// spell it alike ("Dockworkers’ Union" and "Dockworkers' Union", "U.S."
/// and "US" are one name).
pub(crate) fn entity_key(entity: &Entity) -> String {
    let name: String = entity
        .name
        .to_lowercase()
        .chars()
        .filter(|&c| c != '.')
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    match entity.kind {
        NameKind::Person => name.rsplit(' ').next().unwrap_or(&name).to_string(),
        _ => name,
    }
}
