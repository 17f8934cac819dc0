//! What comes next: forward-looking sentences from current reporting.

#[cfg(test)]
mod tests;

use crate::pool::{Pool, SAME_FACT};
use crate::rank::Scores;
use crate::sources::Sources;
use chrono::{Datelike, NaiveDate};
use newsdesk_model::DatePrecision;
use newsdesk_text::{resolve_dates, DateContext};

/// Phrases that look ahead, with how surely they do.
const MARKERS: &[(&str, f32)] = &[
    (" will ", 1.0),
    (" is expected to ", 1.0),
    (" are expected to ", 1.0),
    (" scheduled ", 1.0),
    (" is set to ", 1.0),
    (" are set to ", 1.0),
    (" is due to ", 1.0),
    (" are due to ", 1.0),
    (" plans to ", 0.9),
    (" plan to ", 0.9),
    (" next week", 1.0),
    (" next month", 1.0),
    (" next year", 0.9),
    (" upcoming ", 0.8),
    (" deadline", 0.7),
    (" would like to ", 0.7),
    (" is likely to ", 0.8),
    (" are likely to ", 0.8),
    (" unlikely to ", 0.8),
    (" resume ", 0.6),
    (" hearing ", 0.5),
    (" vote ", 0.5),
    (" future ", 0.5),
    (" remains uncertain", 0.6),
    (" could ", 0.4),
    (" intends to ", 0.9),
    (" would ", 0.3),
    (" until ", 0.2),
];

/// Words that make a look ahead a guess, a condition, a hope or an
/// opinion ("officials are confident", "is likely to", "we hope"), a plan
/// that was ("had been scheduled") or a past seen from the past ("is
/// expected to have lowered"), rather than a plan that stands.
const HEDGES: &[&str] = &[
    " if ",
    " unless ",
    " could ",
    " might ",
    " may ",
    " whether ",
    " had ",
    " to have ",
    " likely ",
    " confident ",
    " hope ",
    " hopes ",
    " hopefully ",
    " probably ",
    " perhaps ",
];

/// Verbs that report what someone said: "would" after one of them is a
/// reported plan ("said the court would hear the case on Tuesday"); any
/// other "would" is a guess.
const REPORTING: &[&str] = &[
    " said ",
    " says ",
    " announced ",
    " told ",
    " confirmed ",
    " agreed ",
    " decided ",
];

/// Whether the sentence hedges what it says lies ahead.
fn hedged(text: &str) -> bool {
    if HEDGES.iter().any(|h| text.contains(h)) {
        return true;
    }
    text.match_indices(" would ").any(|(at, _)| {
        let before = &text[..at];
        !REPORTING.iter().any(|verb| before.contains(verb))
    })
}

/// Up to `limit` forward-looking sentences, never one of `excluded`.
///
/// Precision first: a sentence is printed under "What comes next" only
/// when it names a time, read against its own article's date, that lies
/// after the story's date (the newest source's), and hedges nothing. So
/// no source in the story can have reported it done, and a past event,
/// a habit, an explanation or a guess with "will" in it stays out.
pub fn find(
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    story_date: Option<NaiveDate>,
    excluded: &[usize],
    limit: usize,
) -> Vec<usize> {
    let Some(story_date) = story_date else {
        return Vec::new();
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
        let text = format!(" {} ", pool.text(i).to_lowercase());
        if text.contains('"') || text.contains('“') {
            continue; // quotes belong to the statements
        }
        if hedged(&text) || !names_a_later_time(pool, sources, i, story_date) {
            continue;
        }
        let mut strength: f32 = MARKERS
            .iter()
            .filter(|(m, _)| looks_ahead(&text, m))
            .map(|&(_, w)| w)
            .fold(0.0, f32::max);
        if reported_future(&text) {
            strength = strength.max(0.8);
        }
        // Under a "What happens next" heading any hedge counts; a plain
        // past-tense sentence there is still history.
        if strength > 0.0 && under_outlook_heading(pool, i) {
            strength = (strength + 0.5).min(1.0);
        }
        // The newest reporting knows best what is still to come.
        let fresh = pool.is_newest_source(s.source);
        if strength >= 0.5 {
            ranked.push((
                strength + scores.score[i] + if fresh { 0.3 } else { 0.0 },
                i,
            ));
        }
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

/// Whether the sentence names a time after `story_date`, read against its
/// own article's publication date: a day, a week or a month that starts
/// after it, or a later year. An article without a date of its own says
/// nothing certain about "Thursday".
fn names_a_later_time(pool: &Pool, sources: &Sources, i: usize, story_date: NaiveDate) -> bool {
    let s = &pool.sentences[i];
    let Some(published) = sources.0[s.source].speaks_from else {
        return false;
    };
    let text = &pool.articles[s.source].text[s.span.range()];
    resolve_dates(text, &DateContext::published(published))
        .iter()
        .any(|mention| match mention.precision {
            DatePrecision::Year => mention.date.year() > story_date.year(),
            DatePrecision::Season => false,
            _ => mention.date > story_date,
        })
}

/// Whether `marker` occurs in `text` as a look ahead: "plans to" after
/// "over the" or "its" is a noun ("protests over plans to ..."), not an intention.
fn looks_ahead(text: &str, marker: &str) -> bool {
    text.match_indices(marker).any(|(at, _)| {
        let before = text[..at].split_whitespace().last().unwrap_or("");
        !(marker.contains("plan")
            && matches!(
                before,
                "over"
                    | "the"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "about"
                    | "against"
                    | "new"
                    | "of"
            ))
    })
}

/// "would return to the table on Monday": a reported future with a time.
fn reported_future(text: &str) -> bool {
    let has_time = text
        .split_whitespace()
        .any(|w| newsdesk_text::is_calendar_word(w.trim_matches(|c: char| !c.is_alphabetic())))
        || text.contains(" within ")
        || text.contains(" next ");
    ["would ", "will ", "is to ", "are to "]
        .iter()
        .any(|m| text.contains(m))
        && has_time
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
