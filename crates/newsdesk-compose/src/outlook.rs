//! What comes next: forward-looking sentences from current reporting.
//!
//! Whether a sentence looks ahead is the language layer's reading of its
//! clauses (tense, modality, date); this module only picks among them.

#[cfg(test)]
mod tests;

use crate::pool::{Pool, SAME_FACT};
use crate::rank::Scores;
use crate::sources::Sources;
use chrono::{Datelike, NaiveDate};
use newsdesk_language::clauses::{self, ClauseDate, ClauseKind, Tense};
use newsdesk_language::Modality;
use newsdesk_model::DatePrecision;

/// Up to `limit` forward-looking sentences, never one of `excluded`.
///
/// Precision first: a sentence is printed under "What comes next" only
/// when its main clause (or what its speech frame reports) is scheduled,
/// or expected as a reporting verb tells it, and names a certain date
/// after the story's date (the newest source's), and no clause of it is
/// conditional. So no source in the story can have reported it done,
/// and a past event, a habit, an explanation or a guess stays out.
pub fn find(
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    story_date: Option<NaiveDate>,
    excluded: &[usize],
    limit: usize,
) -> Vec<usize> {
    let horizon = match story_date {
        Some(date) => Horizon::Dated(date),
        None => match undated_horizon(pool, sources) {
            Some(horizon) => horizon,
            None => return Vec::new(),
        },
    };
    let mut ranked: Vec<(f32, usize)> = Vec::new();
    for (i, s) in pool.sentences.iter().enumerate() {
        if !s.printable
            || s.dangling_pronoun
            || sources.is_background(s.source)
            || excluded.contains(&i)
        {
            continue;
        }
        if !looks_ahead(pool, i, &horizon) {
            continue;
        }
        // Under a "What happens next" heading a plan counts more.
        let heading = if under_outlook_heading(pool, i) {
            0.5
        } else {
            0.0
        };
        // The newest reporting knows best what is still to come.
        let fresh = if pool.is_newest_source(s.source) {
            0.3
        } else {
            0.0
        };
        ranked.push((heading + scores.score[i] + fresh, i));
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut chosen: Vec<usize> = Vec::new();
    for (_, i) in ranked {
        let repeat = chosen
            .iter()
            .chain(excluded)
            .any(|&c| pool.sentences[c].vector.cosine(&pool.sentences[i].vector) >= SAME_FACT);
        if !repeat {
            chosen.push(i);
        }
        if chosen.len() == limit {
            break;
        }
    }
    chosen
}

/// Whether sentence `i` tells what lies ahead of `story_date`: its
/// principal clause (what a speech frame reports, else the main clause)
/// is scheduled, with a certain date after the story's that its source
/// did not tell long before the story, and no clause of the sentence is
/// conditional or quotes anyone (quotes belong to the statements).
///
/// Expected plans, even as a reporting verb tells them ("said the system
/// would be operational October 18"), were measured on the DUC 2003
/// labels: they add wrong items, so only scheduled ones count.
fn looks_ahead(pool: &Pool, i: usize, horizon: &Horizon) -> bool {
    let clauses = pool.clauses(i);
    if crate::timeline::in_block_quote(pool, i)
        || clauses
            .iter()
            .any(|c| c.quotes || c.modality == Modality::Conditional)
    {
        return false;
    }
    let Some(principal) = clauses::principal(clauses) else {
        return false;
    };
    // Its own date, or one a time clause inside it gives: "would not
    // intervene before the court hears the case on Tuesday, 24 November".
    let Some(date) = principal.date.filter(|d| d.certain).or_else(|| {
        clauses
            .iter()
            .filter(|c| {
                c.kind == ClauseKind::Subordinate
                    && matches!(c.opener.as_deref(), Some("before" | "until" | "when"))
                    && principal.span.start <= c.span.start
                    && c.span.end <= principal.span.end
            })
            // A day, as a hearing is set for one; "before 2050" only
            // bounds when a forecast comes true.
            .find_map(|c| c.date.filter(|d| d.certain))
    }) else {
        return false;
    };
    let modality_ok = principal.modality == Modality::Scheduled
        || (principal.modality == Modality::Expected && principal.planned);
    match horizon {
        Horizon::Dated(story_date) => {
            let story_date = *story_date;
            // Stale: more of the wait has passed since the source told it
            // than is left, so newer reporting would have told it done or
            // dropped ("will reach the other half by early July", told in
            // May of a story dated late June).
            let Some(told) = pool.articles[pool.sentences[i].source].published else {
                return false;
            };
            modality_ok && story_date - told <= date.date - story_date && after(&date, story_date)
        }
        // An undated story's one source: its own future tense places the
        // event after its writing, and a date with its year after every
        // year it tells as past or present bounds the writing below it.
        Horizon::Undated { source, latest } => {
            pool.sentences[i].source == *source
                && modality_ok
                && principal.tense == Tense::Future
                && date.precision != DatePrecision::Season
                && latest.is_none_or(|year| date.date.year() > year)
        }
    }
}

/// What an outlook item must lie after.
enum Horizon {
    /// The story's date: the newest news source's.
    Dated(NaiveDate),
    /// A story whose one news source gives no date: after the latest
    /// year that source tells in a past or present clause.
    Undated { source: usize, latest: Option<i32> },
}

/// The horizon of a story without a dated news source: only when it has
/// one news source, so no other report in it can have told the event
/// done.
fn undated_horizon(pool: &Pool, sources: &Sources) -> Option<Horizon> {
    let mut news = (0..sources.0.len()).filter(|&s| !sources.is_background(s));
    let source = news.next()?;
    if news.next().is_some() {
        return None;
    }
    let latest = pool.analyses[source]
        .clauses
        .iter()
        .filter(|c| c.tense != Tense::Future)
        .filter_map(|c| c.date.filter(|d| d.certain))
        .map(|d| d.date.year())
        .max();
    Some(Horizon::Undated { source, latest })
}

/// Whether a date lies after `story_date`: a day, a week or a month that
/// starts after it, or a later year.
fn after(date: &ClauseDate, story_date: NaiveDate) -> bool {
    match date.precision {
        DatePrecision::Year => date.date.year() > story_date.year(),
        DatePrecision::Season => false,
        _ => date.date > story_date,
    }
}

/// Whether the sentence sits under a source subheading about what is
/// next ("What happens next", "The road ahead", "What now?").
fn under_outlook_heading(pool: &Pool, sentence: usize) -> bool {
    let s = &pool.sentences[sentence];
    let article = &pool.articles[s.source];
    let heading = article
        .blocks
        .iter()
        .take_while(|b| b.span.start <= s.span.start)
        .filter(|b| b.kind == newsdesk_model::BlockKind::Heading)
        .last();
    heading.is_some_and(|h| {
        let lower = article.block_text(h).to_lowercase();
        ["next", "ahead", "what now", "coming", "future", "outlook"]
            .iter()
            .any(|w| lower.contains(w))
    })
}
