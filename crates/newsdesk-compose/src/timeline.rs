//! The timeline: dated events, oldest first, each a sourced sentence, and
//! the story's dateline.
//!
//! The language layer reads every article's dates against its own publish
//! date, sentence by sentence, so "the following day" counts from the
//! event told before it, and says which resolutions are certain. A
//! sentence is an event when it is printable and a clause of it that is
//! not a quotation happened at a certain date in its article's past. The
//! same event told by several sources is one entry citing them all.

#[cfg(test)]
mod tests;

use crate::pool::{Pool, SAME_FACT};
use crate::rank::Scores;
use crate::sources::Sources;
use chrono::{Datelike, NaiveDate};
use newsdesk_language::clauses::{self, fineness, ClauseDate, ClauseKind};
use newsdesk_language::Modality;
use newsdesk_model::{BlockKind, DatePrecision, SourceRole, TimelineEntry};
use newsdesk_text::dateline_place;
use std::collections::HashMap;

/// At most this many events from one day, so one busy day does not fill
/// the timeline; one from a vaguer date (a month, a season, a year).
const PER_DAY: usize = 2;

/// A candidate event: a pool sentence and the date it tells.
struct Event {
    sentence: usize,
    date: ClauseDate,
}

/// Up to `limit` dated events of the story, oldest first. `story_date` is
/// the date of the newest news source: no undated source's event is
/// later.
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
            !sources.is_background(source) || oldest_news.is_none_or(|d| e.date.date < d)
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
            .filter(|c| c.date.date == event.date.date)
            .count();
        // Told already: the same date and the same fact. Alike words on
        // different dates are different events (a threat, then a strike).
        let told = chosen.iter().any(|c| {
            c.date.date == event.date.date
                && (pool.same_fact[c.sentence].contains(&event.sentence)
                    || pool.sentences[c.sentence]
                        .vector
                        .cosine(&pool.sentences[event.sentence].vector)
                        >= SAME_FACT / 2.0)
        });
        // Two events on one day are often two events; two "in the fall of
        // 2022" are most often one, told in other words.
        let per_date = if event.date.precision == DatePrecision::Day {
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
        (e.date.date, s.source, s.position)
    });
    let date_of: HashMap<usize, NaiveDate> =
        events.iter().map(|e| (e.sentence, e.date.date)).collect();
    chosen
        .into_iter()
        .map(|e| {
            let s = &pool.sentences[e.sentence];
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
                    Some(date) => *date == e.date.date,
                    None => !sources.is_background(pool.sentences[other].source),
                }
            });
            TimelineEntry {
                date: e.date.date,
                precision: e.date.precision,
                expression: pool.articles[s.source].text[e.date.expression.range()].to_string(),
                sentence,
            }
        })
        .collect()
}

/// Every sentence that tells an event: a clause of it, not a relative one
/// nor a quotation, that happened at a date the language layer is certain
/// of, within its article's past. The main clause's (or what it reports)
/// first, the most precise first of equals: "A year ago, in the fall of
/// 2022" is the fall of 2022. A date in an "after" clause dates another
/// event, and is used only when the sentence gives no other.
fn events(pool: &Pool, sources: &Sources, story_date: Option<NaiveDate>) -> Vec<Event> {
    let mut events = Vec::new();
    for (i, s) in pool.sentences.iter().enumerate() {
        if !s.printable || s.dangling_pronoun || s.words < 8 {
            continue;
        }
        let clauses = pool.clauses(i);
        // A statement, not an event: what it reports is a quotation.
        if clauses::principal(clauses).is_none_or(|c| c.quoted) {
            continue;
        }
        // A block quotation is copy from another writer, whose "last
        // spring" speaks from that writer's day: only a date that gives
        // its year reads the same there.
        let block_quote = in_block_quote(pool, i);
        // No event after its article: an undated one is bounded by the
        // date its text points to, or the story's.
        let info = &sources.0[s.source];
        let published = info.speaks_from.or(info.estimated).or(story_date);
        // A date in a dropped opening is not printed with the sentence.
        let printed_from = s.span.start + unprinted_opening(pool.text(i));
        let Some(date) = clauses
            .iter()
            .filter(|c| {
                c.kind != ClauseKind::Relative && !c.quoted && c.modality == Modality::Happened
            })
            // Nor a clause inside a relative one ("who was considered …
            // when he was elected three years ago").
            .filter(|c| {
                !clauses.iter().any(|r| {
                    r.kind == ClauseKind::Relative
                        && r.span.start <= c.span.start
                        && c.span.end <= r.span.end
                })
            })
            .filter_map(|c| c.date.map(|d| (c.kind, d)))
            .filter(|(_, d)| {
                d.certain
                    && d.expression.start >= printed_from
                    && (!block_quote
                        || clauses::gives_its_year(
                            &pool.articles[s.source].text[d.expression.range()],
                        ))
                    && published.is_none_or(|p| d.date <= p)
            })
            .min_by_key(|(kind, d)| (*kind == ClauseKind::Subordinate, fineness(d.precision)))
            .map(|(_, d)| d)
        else {
            continue;
        };
        events.push(Event { sentence: i, date });
    }
    events
}

/// Whether sentence `i` lies in a block quotation of its article.
pub(crate) fn in_block_quote(pool: &Pool, i: usize) -> bool {
    let s = &pool.sentences[i];
    pool.articles[s.source].blocks.iter().any(|b| {
        b.kind == BlockKind::Quote && b.span.start <= s.span.start && s.span.end <= b.span.end
    })
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
