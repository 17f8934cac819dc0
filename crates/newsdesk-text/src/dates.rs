//! Calendar dates written the ways news pages write them.

use crate::words::{words, Word};
use chrono::NaiveDate;
use newsdesk_model::Span;

#[cfg(test)]
mod tests;

/// Whether a date can be when something was published: a source that
/// says year 0 or 9999 (a feed's placeholder, a broken CMS) says nothing,
/// and such a date is treated as unknown rather than printed.
pub fn is_plausible_publication_date(date: impl chrono::Datelike) -> bool {
    (1800..=2200).contains(&date.year())
}

/// A date found in a text, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub date: NaiveDate,
    pub span: Span,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Whether a word names a weekday, a month or a day relative to today.
pub fn is_calendar_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().any(|(name, _)| *name == lower)
        || WEEKDAYS.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "today" | "yesterday" | "tomorrow" | "tonight"
        )
}

/// The first full date (day, month and year) in `text`: "25 December 2023",
/// "Dec. 25, 2022", "December 25th 2023", "2023-12-25" or "2023-12-25T10:00".
pub fn find_date(text: &str) -> Option<DateMatch> {
    let words = words(text);
    (0..words.len()).find_map(|i| date_at(text, &words, i))
}

/// `text` as a date when the date is all it says, apart from a weekday,
/// a time, a time zone and labels such as "Published" or "Updated".
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let found = find_date(text)?;
    let before = &text[..found.span.start];
    let after = &text[found.span.end..];
    let filler_only = |s: &str| {
        words(s).iter().all(|w| {
            WEEKDAYS.contains(&w.lower.as_str())
                || matches!(
                    w.lower.as_str(),
                    "published"
                        | "updated"
                        | "posted"
                        | "on"
                        | "at"
                        | "am"
                        | "pm"
                        | "a.m"
                        | "p.m"
                        | "utc"
                        | "gmt"
                        | "est"
                        | "edt"
                        | "cet"
                        | "eet"
                        | "pst"
                        | "pdt"
                        | "bst"
                        | "kyiv"
                        | "time"
                        | "local"
                )
                || w.lower.chars().all(|c| c.is_ascii_digit() || c == ':')
        })
    };
    (filler_only(before) && filler_only(after)).then_some(found.date)
}

/// The full date starting at word `i`, with the index of the word after it.
pub(crate) fn find_date_at(text: &str, words: &[Word], i: usize) -> Option<(NaiveDate, usize)> {
    let found = date_at(text, words, i)?;
    let end = (i..words.len()).find(|&k| words[k].span.end >= found.span.end)?;
    Some((found.date, end + 1))
}

fn date_at(text: &str, words: &[Word], i: usize) -> Option<DateMatch> {
    let w = &words[i];
    if let Some(date) = iso_date(&w.lower) {
        // "2023-12-25T10" is one word, up to the colon.
        return Some(DateMatch { date, span: w.span });
    }
    let joined = |a: usize, b: usize| {
        let gap = &text[words[a].span.end..words[b].span.start];
        gap.chars()
            .all(|c| c.is_whitespace() || c == ',' || c == '.')
    };
    let get = |k: usize| words.get(k);
    if let Some(found) = slashed_date(text, words, i) {
        return Some(found);
    }
    // Day Month Year
    if let (Some(day), Some(m), Some(y)) = (day_of(&w.lower), get(i + 1), get(i + 2)) {
        if let (Some(month), Some(year)) = (month_of(&m.lower), year_of(&y.lower)) {
            if joined(i, i + 1) && joined(i + 1, i + 2) {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some(DateMatch {
                    date,
                    span: Span::new(w.span.start, y.span.end),
                });
            }
        }
    }
    // Month Day Year
    if let (Some(month), Some(d), Some(y)) = (month_of(&w.lower), get(i + 1), get(i + 2)) {
        if let (Some(day), Some(year)) = (day_of(&d.lower), year_of(&y.lower)) {
            if joined(i, i + 1) && joined(i + 1, i + 2) {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some(DateMatch {
                    date,
                    span: Span::new(w.span.start, y.span.end),
                });
            }
        }
    }
    None
}

/// "2023/12/25", and "25/12/2023" or "12/25/2023" where the order tells
/// itself (a number over 12 is the day). "12/10/1998" could be either
/// order, and is not read: a wrong date is worse than none.
fn slashed_date(text: &str, words: &[Word], i: usize) -> Option<DateMatch> {
    let (a, b, c) = (words.get(i)?, words.get(i + 1)?, words.get(i + 2)?);
    let slash = |x: &Word, y: &Word| &text[x.span.end..y.span.start] == "/";
    if !(slash(a, b) && slash(b, c)) {
        return None;
    }
    // Not part of a longer run: "1/2/2023/4" is no date.
    let free = |at: usize| !text[at..].starts_with('/');
    if !free(c.span.end) || text[..a.span.start].ends_with('/') {
        return None;
    }
    let number = |w: &Word, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&w.lower.len()) && w.lower.chars().all(|c| c.is_ascii_digit()))
            .then(|| w.lower.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, day) = if let Some(year) = number(a, 4..=4) {
        (year, number(b, 1..=2)?, number(c, 1..=2)?)
    } else {
        let (x, y, year) = (number(a, 1..=2)?, number(b, 1..=2)?, number(c, 4..=4)?);
        match (x > 12, y > 12) {
            (true, false) => (year, y, x),
            (false, true) => (year, x, y),
            _ if x == y => (year, x, y),
            _ => return None,
        }
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(DateMatch {
        date,
        span: Span::new(a.span.start, c.span.end),
    })
}

fn iso_date(word: &str) -> Option<NaiveDate> {
    let head = word.get(..10)?;
    let rest = &word[10..];
    if !(rest.is_empty() || rest.starts_with('t')) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

pub(crate) fn month_of(lower: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m)
}

pub(crate) fn day_of(lower: &str) -> Option<u32> {
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(lower: &str) -> Option<i32> {
    if lower.len() != 4 {
        return None;
    }
    lower.parse().ok().filter(|y| (1900..=2200).contains(y))
}
