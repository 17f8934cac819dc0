//! The timeline: dated events, oldest first, each a sourced sentence, and
//! the story's dateline.
//!
//! Every article's dates are read against its own publish date, sentence
//! by sentence, so "the following day" counts from the event told before
//! it. A sentence is an event when it is printable, tells no quotation,
//! and dates itself in the past of its article. The same event told by
//! several sources is one entry citing them all.

#[cfg(test)]
mod tests;

use crate::pool::{Pool, SAME_FACT};
use crate::rank::Scores;
use crate::sources::Sources;
use chrono::{Datelike, NaiveDate};
use newsdesk_model::{BlockKind, DatePrecision, SourceRole, TimelineEntry};
use newsdesk_text::{dateline_place, resolve_dates, DateContext, DateMention};
use std::collections::HashMap;

/// At most this many events from one day, so one busy day does not fill
/// the timeline; one from a vaguer date (a month, a season, a year).
const PER_DAY: usize = 2;

/// A candidate event: a pool sentence and the date it tells.
struct Event {
    sentence: usize,
    mention: DateMention,
}

/// Up to `limit` dated events of the story, oldest first. `story_date` is
/// the date of the newest news source; undated news sources read months
/// and years against it, never weekdays.
pub fn timeline(
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    story_date: Option<NaiveDate>,
    limit: usize,
) -> Vec<TimelineEntry> {
    let events = events(pool, sources, story_date);
    let oldest_news = sources
        .0
        .iter()
        .filter(|s| s.role == SourceRole::News)
        .filter_map(|s| s.date.or(s.estimated))
        .min();
    let mut ranked: Vec<&Event> = events
        .iter()
        .filter(|e| {
            // Background reporting tells what came before the news, never the news.
            let source = pool.sentences[e.sentence].source;
            !sources.is_background(source) || oldest_news.is_none_or(|d| e.mention.date < d)
        })
        .collect();
    ranked.sort_by(|a, b| scores.score[b.sentence].total_cmp(&scores.score[a.sentence]));
    let mut chosen: Vec<&Event> = Vec::new();
    for event in ranked {
        if chosen.len() == limit {
            break;
        }
        // Earlier reporting sets the scene; it does not fill the timeline.
        let background = |e: &Event| sources.is_background(pool.sentences[e.sentence].source);
        if background(event) && chosen.iter().filter(|c| background(c)).count() >= limit / 3 {
            continue;
        }
        let same_date = chosen
            .iter()
            .filter(|c| c.mention.date == event.mention.date)
            .count();
        // Told already: the same date and the same fact. Alike words on
        // different dates are different events (a threat, then a strike).
        let told = chosen.iter().any(|c| {
            c.mention.date == event.mention.date
                && (pool.same_fact[c.sentence].contains(&event.sentence)
                    || pool.sentences[c.sentence]
                        .vector
                        .cosine(&pool.sentences[event.sentence].vector)
                        >= SAME_FACT / 2.0)
        });
        // Two events on one day are often two events; two "in the fall of
        // 2022" are most often one, told in other words.
        let per_date = if event.mention.precision == DatePrecision::Day {
            PER_DAY
        } else {
            1
        };
        if same_date < per_date && !told {
            chosen.push(event);
        }
    }
    chosen.sort_by_key(|e| {
        let s = &pool.sentences[e.sentence];
        (e.mention.date, s.source, s.position)
    });
    let date_of: HashMap<usize, NaiveDate> = events
        .iter()
        .map(|e| (e.sentence, e.mention.date))
        .collect();
    chosen
        .into_iter()
        .map(|e| {
            let s = &pool.sentences[e.sentence];
            let text = &pool.articles[s.source].text[s.span.range()];
            let mut sentence = pool.story_sentence(e.sentence);
            // A source corroborates the event only when it dates it the same,
            // or gives no date and is news.
            let first = sentence.citations[0].clone();
            sentence.citations.retain(|c| {
                if *c == first {
                    return true;
                }
                let Some(other) = pool.sentence_cited(c) else {
                    return false;
                };
                match date_of.get(&other) {
                    Some(date) => *date == e.mention.date,
                    None => !sources.is_background(pool.sentences[other].source),
                }
            });
            TimelineEntry {
                date: e.mention.date,
                precision: e.mention.precision,
                expression: text[e.mention.span.range()].to_string(),
                sentence,
            }
        })
        .collect()
}

/// Every sentence that tells an event with a date in its article's past.
fn events(pool: &Pool, sources: &Sources, story_date: Option<NaiveDate>) -> Vec<Event> {
    let mut events = Vec::new();
    let mut previous: Option<(usize, Option<(NaiveDate, DatePrecision)>)> = None;
    let mut full_days: HashMap<usize, HashMap<(u32, u32), Option<i32>>> = HashMap::new();
    for (i, s) in pool.sentences.iter().enumerate() {
        let info = &sources.0[s.source];
        let (anchor, exact) = match (info.speaks_from, info.estimated) {
            (Some(date), _) => (Some(date), true),
            (None, Some(estimate)) => (Some(estimate), false),
            (None, None) if info.role == SourceRole::News => (story_date, false),
            (None, None) => (None, false),
        };
        // "The following day" counts from the last date of the same article.
        let before = match previous {
            Some((source, date)) if source == s.source => date,
            _ => None,
        };
        let text = &pool.articles[s.source].text[s.span.range()];
        let context = DateContext {
            anchor,
            anchor_exact: exact,
            previous: before,
        };
        let mut mentions = resolve_dates(text, &context);
        // "its April 19 raid" in an article that gives "April 19, 1993"
        // elsewhere is that day, not the last April 19 before publication.
        if mentions.iter().any(|m| is_bare_day(text, m)) {
            let years = full_days
                .entry(s.source)
                .or_insert_with(|| days_given_with_a_year(pool, s.source, &context));
            for mention in &mut mentions {
                if is_bare_day(text, mention) {
                    if let Some(Some(year)) = years.get(&(mention.date.month(), mention.date.day()))
                    {
                        if let Some(date) = mention.date.with_year(*year) {
                            mention.date = date;
                        }
                    }
                }
            }
        }
        let last = mentions
            .iter()
            .rev()
            .find(|m| !m.future)
            .map(|m| (m.date, m.precision))
            .or(before);
        previous = Some((s.source, last));
        if !s.printable || s.dangling_pronoun || mostly_quotation(text) || s.words < 8 {
            continue;
        }
        // The event's date is the most precise the sentence gives for its
        // past, the first of equals: "A year ago, in the fall of 2022" is
        // the fall of 2022. A date in an "after" clause dates another event,
        // and is used only when the sentence gives no other.
        let Some(mention) = mentions
            .into_iter()
            .filter(|m| !m.future && anchor.is_none_or(|a| m.date <= a))
            .filter(|m| !in_relative_clause(text, m.span.start))
            // A date in a wire dateline is not printed with the sentence.
            .filter(|m| m.span.start >= unprinted_opening(text))
            .min_by_key(|m| {
                (
                    in_subordinate_clause(text, m.span.start),
                    fineness(m.precision),
                )
            })
        else {
            continue;
        };
        events.push(Event {
            sentence: i,
            mention,
        });
    }
    events
}

/// A day given without its year ("on April 19"), read against the
/// publish date.
fn is_bare_day(text: &str, mention: &DateMention) -> bool {
    let expression = &text[mention.span.range()];
    mention.precision == DatePrecision::Day
        && !names_a_year(expression)
        && expression.chars().any(|c| c.is_ascii_digit())
}

/// Whether a date expression writes its year out ("April 19, 1993").
fn names_a_year(expression: &str) -> bool {
    expression
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4)
}

/// The days an article gives with their year ("April 19, 1993"), by month
/// and day; `None` for a day it gives in two different years.
fn days_given_with_a_year(
    pool: &Pool,
    source: usize,
    context: &DateContext,
) -> HashMap<(u32, u32), Option<i32>> {
    let text = &pool.articles[source].text;
    let mut years: HashMap<(u32, u32), Option<i32>> = HashMap::new();
    for mention in resolve_dates(text, context) {
        if mention.precision != DatePrecision::Day || !names_a_year(&text[mention.span.range()]) {
            continue;
        }
        let key = (mention.date.month(), mention.date.day());
        let year = mention.date.year();
        years
            .entry(key)
            .and_modify(|known| {
                if *known != Some(year) {
                    *known = None;
                }
            })
            .or_insert(Some(year));
    }
    years
}

/// The length of the opening that printing drops (list numbering, a wire
/// dateline, a connective): what the printed text does not start with.
fn unprinted_opening(text: &str) -> usize {
    let (printed, _) = crate::pool::clean_opening(text);
    let tail: String = printed.chars().skip(1).collect();
    if text.ends_with(&tail) {
        text.len() - tail.len() - printed.chars().next().map_or(0, char::len_utf8)
    } else {
        0
    }
}

/// Whether a position is inside a relative clause (", which has been
/// focused on Gaza since October,"): its date is not the sentence's event.
fn in_relative_clause(text: &str, at: usize) -> bool {
    let head = &text[..at];
    // A comma inside a number ("3,400") does not open a clause.
    let clause_start = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '—' | '(') || (c == ',' && head[i + 1..].starts_with(char::is_whitespace))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let first = head[clause_start..].split_whitespace().next().unwrap_or("");
    matches!(first, "which" | "who" | "whose" | "whom" | "where")
}

/// Whether a position follows "after", "before" or "when" in its clause:
/// "explored talks again after Russian forces retreated in September".
fn in_subordinate_clause(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let clause_start = head
        .char_indices()
        .rev()
        .find(|&(i, c)| c == ',' && head[i + 1..].starts_with(char::is_whitespace))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[clause_start..]
        .split_whitespace()
        .any(|w| matches!(w, "after" | "before" | "when" | "until"))
}

/// Finer precision first.
fn fineness(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Season => 3,
        DatePrecision::Year => 4,
    }
}

/// Whether quotation marks hold most of a sentence's words: a statement,
/// not an event.
fn mostly_quotation(text: &str) -> bool {
    let quoted: usize = newsdesk_language::quote_spans(text)
        .0
        .iter()
        .map(|(_, inner)| newsdesk_text::words(&text[inner.range()]).len())
        .sum();
    quoted * 2 > newsdesk_text::words(text).len()
}

/// Where and when, as a news story opens: the place of the lead's source
/// when its first sentence carries a wire dateline (the lead happened
/// there), else of the newest news source whose first sentence does, and
/// the story's date in news style ("KYIV, Dec. 25, 2023"); the date alone
/// when no source gives a place.
pub fn dateline(
    pool: &Pool,
    sources: &Sources,
    story_date: Option<NaiveDate>,
    lead_source: Option<usize>,
) -> Option<String> {
    let mut news: Vec<usize> = (0..sources.0.len())
        .filter(|&i| sources.0[i].role == SourceRole::News)
        .collect();
    // The lead's source first, then newest first; undated sources last,
    // in input order.
    news.sort_by_key(|&i| (Some(i) != lead_source, std::cmp::Reverse(sources.0[i].date)));
    let place = news.iter().find_map(|&i| {
        let article = &pool.articles[i];
        let first = article
            .blocks
            .iter()
            .find(|b| b.kind != BlockKind::Heading)?;
        // The city in capitals, as datelines print it, whichever way the
        // source wrote it ("Nairobi, February 9 (Xinhua)").
        dateline_place(article.block_text(first)).map(|place| match place.split_once(", ") {
            Some((city, region)) => format!("{}, {region}", city.to_uppercase()),
            None => place.to_uppercase(),
        })
    });
    let date = story_date.map(news_style_date);
    match (place, date) {
        (Some(place), Some(date)) => Some(format!("{place}, {date}")),
        (Some(place), None) => Some(place),
        (None, date) => date,
    }
}

/// "Dec. 25, 2023", "March 3, 2024": months abbreviated as news style does.
pub fn news_style_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    format!(
        "{} {}, {}",
        MONTHS[date.month0() as usize],
        date.day(),
        date.year()
    )
}
