//! Composition: from the articles of one story to a [`Story`] in which
//! every sentence is taken from a source and cites it.
//!
//! The stages, in order: [`pool`] splits every article into candidate
//! sentences with their terms; [`rank`] scores them by salience across
//! articles and corroboration by independent outlets; [`select`] picks a
//! non-redundant set; [`sections`] groups it by subtopic and titles the
//! groups; [`quotes`], [`actors`] and [`outlook`] find the statements, the
//! positions and what comes next; [`sources`] dates the sources and tells
//! news from background.

mod actors;
mod bound;
mod concepts;
mod headline;
mod outlook;
mod pool;
mod pronouns;
mod quotes;
mod rank;
mod sections;
mod select;
mod sources;
mod submodular;
mod timeline;
mod trim;
mod vectors;

pub use bound::MAX_ARTICLE_BYTES;
use newsdesk_model::{Article, Section, Story, StorySentence, TimelineEntry};
pub use quotes::Attribution;

#[cfg(test)]
mod tests;

/// How much story to write.
#[derive(Debug, Clone)]
pub struct ComposeOptions {
    /// Sentences in the lead and the sections together (full mode).
    pub body_sentences: usize,
    /// Brief mode: only a lead of whole sentences, added until they hold
    /// this many words (so the last may run past it), no statements, table
    /// or outlook.
    pub brief_words: Option<usize>,
}

impl Default for ComposeOptions {
    fn default() -> Self {
        ComposeOptions {
            body_sentences: 10,
            brief_words: None,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ComposeError {
    #[error("no articles to compose a story from")]
    NoArticles,
    #[error("the articles have no sentences to build a story from")]
    NoSentences,
}

/// Every quotation in `articles` with the speaker the story's statements
/// would give it, before ranking picks a few: for measuring attribution
/// (`newsdesk bench claims`), not for printing.
pub fn attributions(articles: &[Article]) -> Vec<quotes::Attribution> {
    let articles = &*bound::bounded(articles);
    let mut sources = sources::describe(articles);
    let pool = pool::Pool::build(articles, &mut sources);
    quotes::attributions(&pool, &sources)
}

/// Writes the story of `articles`.
pub fn compose(articles: &[Article], options: &ComposeOptions) -> Result<Story, ComposeError> {
    if articles.is_empty() {
        return Err(ComposeError::NoArticles);
    }
    let articles = &*bound::bounded(articles);
    let mut sources = sources::describe(articles);
    let pool = pool::Pool::build(articles, &mut sources);
    if pool.sentences.is_empty() {
        return Err(ComposeError::NoSentences);
    }
    let scores = rank::score(&pool, &sources);

    if let Some(words) = options.brief_words {
        let mut forms = brief_forms(&pool);
        let chosen = concepts::by_concepts(&pool, &scores, &forms, words);
        let lead = chosen
            .iter()
            .map(|&i| {
                let mut sentence = pool.story_sentence(i);
                let form = &mut forms[i];
                sentence.text = std::mem::take(&mut form.text);
                sentence.edits = std::mem::take(&mut form.edits);
                sentence
            })
            .collect();
        let parts = Parts {
            lead,
            ..Parts::default()
        };
        return Ok(finish(articles, &pool, &scores, &sources, parts));
    }

    let lead_id = select::lead(&pool, &scores);
    let lead_ids: Vec<usize> = lead_id.into_iter().collect();
    let outlook = outlook::find(&pool, &scores, &sources, story_date(&sources), &lead_ids, 3);
    let excluded: Vec<usize> = lead_ids.iter().chain(&outlook).copied().collect();
    // The body covers the facts several sources share; when they run out
    // (a single source, say), the most central sentences fill it.
    let wanted = options.body_sentences.saturating_sub(1);
    let mut body_ids = concepts::cover(&pool, wanted, &excluded);
    if body_ids.len() < wanted {
        let taken: Vec<usize> = excluded.iter().chain(&body_ids).copied().collect();
        body_ids.extend(select::by_count(
            &pool,
            &scores,
            wanted - body_ids.len(),
            &taken,
        ));
    }
    let chosen: Vec<usize> = lead_ids.iter().chain(&body_ids).copied().collect();
    let lead = lead_ids.iter().map(|&i| pool.story_sentence(i)).collect();
    let sections: Vec<Section> = sections::arrange(&pool, &scores, &body_ids, &sources);
    let listed = quotes::statements(&pool, &scores, &sources, 8);
    let used: Vec<usize> = chosen.iter().chain(&outlook).copied().collect();
    let perspectives = actors::perspectives(&pool, &scores, &sources, &listed, &used, 6);
    let statements = listed.into_iter().map(|(s, _)| s).collect();
    let next = outlook.iter().map(|&i| pool.story_sentence(i)).collect();
    let timeline = timeline::timeline(&pool, &scores, &sources, story_date(&sources), 8);
    let parts = Parts {
        lead,
        sections,
        statements,
        perspectives,
        next,
        timeline,
    };
    Ok(finish(articles, &pool, &scores, &sources, parts))
}

/// Every sentence of the pool as a brief prints it: trimmed of what
/// carries little of the story.
fn brief_forms(pool: &pool::Pool) -> Vec<concepts::BriefForm> {
    (0..pool.sentences.len())
        .map(|i| {
            let s = &pool.sentences[i];
            let (text, edits) = pool::clean_opening(pool.text(i));
            let (text, edits) = trim::for_brief(text, edits);
            let opens_with_pronoun = pronouns::personal_pronoun(&text).is_some()
                || pronouns::opens_with_group_pronoun(&text);
            let usable = s.printable
                && !s.quoted
                && !opens_with_pronoun
                && newsdesk_text::words(&text).len() >= 8;
            concepts::BriefForm {
                text,
                edits,
                usable,
            }
        })
        .collect()
}

/// The parts of a story that composition chose; the rest is derived.
#[derive(Default)]
struct Parts {
    lead: Vec<newsdesk_model::StorySentence>,
    sections: Vec<Section>,
    statements: Vec<newsdesk_model::Statement>,
    perspectives: Vec<newsdesk_model::Perspective>,
    next: Vec<newsdesk_model::StorySentence>,
    timeline: Vec<TimelineEntry>,
}

/// The date of the newest news source.
fn story_date(sources: &sources::Sources) -> Option<chrono::NaiveDate> {
    sources
        .0
        .iter()
        .filter(|s| s.role == newsdesk_model::SourceRole::News)
        .filter_map(|s| s.date)
        .max()
}

/// Resolves opening pronouns across the printed story, in reading order,
/// and leaves out sentences whose pronoun names no one that can be found.
fn resolve_pronouns(pool: &pool::Pool, parts: &mut Parts) {
    let Parts {
        lead,
        sections,
        perspectives,
        next,
        timeline,
        ..
    } = parts;
    let printed: Vec<&mut StorySentence> = lead
        .iter_mut()
        .chain(sections.iter_mut().flat_map(|s| s.sentences.iter_mut()))
        .chain(perspectives.iter_mut().map(|p| &mut p.position))
        .chain(next.iter_mut())
        .chain(timeline.iter_mut().map(|t| &mut t.sentence))
        .collect();
    let printed = printed
        .into_iter()
        .map(|sentence| {
            let source = sentence
                .citations
                .first()
                .and_then(|c| c.source.strip_prefix('s')?.parse::<usize>().ok())
                .map_or(0, |n| n.saturating_sub(1));
            let article = pool.articles.get(source).map_or("", |a| a.text.as_str());
            let analysis = &pool.analyses[source.min(pool.analyses.len().saturating_sub(1))];
            pronouns::Printed {
                sentence,
                article,
                analysis,
            }
        })
        .collect();
    let mut keep = pronouns::resolve(printed).into_iter();
    let mut next_flag = || keep.next().unwrap_or(true);
    lead.retain(|_| next_flag());
    for section in sections.iter_mut() {
        section.sentences.retain(|_| next_flag());
    }
    sections.retain(|s| !s.sentences.is_empty());
    perspectives.retain(|_| next_flag());
    next.retain(|_| next_flag());
    timeline.retain(|_| next_flag());
}

fn finish(
    articles: &[Article],
    pool: &pool::Pool,
    scores: &rank::Scores,
    sources: &sources::Sources,
    mut parts: Parts,
) -> Story {
    resolve_pronouns(pool, &mut parts);
    let Parts {
        lead,
        sections,
        statements,
        perspectives,
        next,
        timeline,
    } = parts;
    let lead_source = lead.first().and_then(|s| {
        sources
            .0
            .iter()
            .position(|info| info.id == s.citations[0].source)
    });
    let (headline, headline_source) =
        headline::choose(articles, pool, scores, sources, lead_source, lead.first());
    let date = story_date(sources);
    let dateline = timeline::dateline(pool, sources, date, lead_source);
    let sources = sources.to_model(articles);
    let note = closing_note(&sources);
    Story {
        headline,
        headline_source,
        date,
        lead,
        sections,
        statements,
        perspectives,
        next,
        timeline,
        dateline,
        sources,
        note,
    }
}

fn closing_note(sources: &[newsdesk_model::Source]) -> String {
    let count = sources.len();
    let plural = if count == 1 { "source" } else { "sources" };
    let background = sources
        .iter()
        .filter(|s| s.role == newsdesk_model::SourceRole::Background)
        .count();
    let mut note = format!(
        "This story was assembled automatically by newsdesk from {count} {plural}, without a language model: \
         every sentence is taken from a source, lightly edited at most, and followed by the outlets that reported it."
    );
    if background > 0 {
        note.push_str(&format!(
            " {background} of the sources {} much older than the rest and {} used as background only.",
            if background == 1 { "is" } else { "are" },
            if background == 1 { "is" } else { "are" }
        ));
    }
    note.push_str(
        " To check a sentence, run `newsdesk digest --format json` on the same inputs: each sentence lists the source and the exact byte range of the text it was taken from.",
    );
    note
}
