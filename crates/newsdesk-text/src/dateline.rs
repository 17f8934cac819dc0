//! Wire datelines at the start of a story's first sentence:
//! "WASHINGTON (AP) --", "MANILA, Philippines (AP) _",
//! "WUHAN, July 31 (Xinhua) --", "KYIV (Reuters) -", "NEW YORK —".

use crate::dates::{day_of, month_of};
use crate::words::words;
use chrono::{Datelike, NaiveDate};

#[cfg(test)]
mod tests;

/// Words in capitals before a dash that are labels, not places.
const LABELS: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "LIVE",
    "OPINION",
    "ANALYSIS",
    "EDITORIAL",
    "CORRECTION",
    "URGENT",
    "FLASH",
];

/// The length in bytes of a dateline opening `text`, separator and the
/// space after it included; `None` when there is none.
pub fn dateline_length(text: &str) -> Option<usize> {
    parse(text).map(|(_, length)| length)
}

/// The place a dateline opening `text` names, as written ("KYIV",
/// "MANILA, Philippines"), without the date or agency.
pub fn dateline_place(text: &str) -> Option<&str> {
    parse(text).map(|(place, _)| place)
}

/// The day a dateline opening `text` gives ("WUHAN, July 31 (Xinhua) --"),
/// in the year that puts it nearest `published`, when it is within three
/// days of it. It is the day the story speaks from: wire services file
/// after midnight, so a file's date can be a day after its dateline's, and
/// "today" in the text is the dateline's day.
pub fn dateline_day(text: &str, published: NaiveDate) -> Option<NaiveDate> {
    let words = words(&text[..dateline_length(text)?]);
    let (month, day) = words
        .windows(2)
        .find_map(|pair| Some((month_of(&pair[0].lower)?, day_of(&pair[1].lower)?)))?;
    [published.year() - 1, published.year(), published.year() + 1]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .min_by_key(|date| (*date - published).num_days().abs())
        .filter(|date| (*date - published).num_days().abs() <= 3)
}

fn parse(text: &str) -> Option<(&str, usize)> {
    with_agency(text).or_else(|| without_agency(text))
}

/// "WASHINGTON (AP) --", "MANILA, Philippines (AP) _", and Xinhua's
/// "SANDOUPING (Three Gorges), November 5 (Xinhua) --", whose place has an
/// aside of its own: the agency is the first parenthesis a dash follows.
fn with_agency(text: &str) -> Option<(&str, usize)> {
    text.match_indices(" (")
        .take(3)
        .find_map(|(open, _)| agency_at(text, open))
}

/// A dateline whose agency opens at `open`.
fn agency_at(text: &str, open: usize) -> Option<(&str, usize)> {
    let head = &text[..open];
    // The place: a word in capitals, perhaps more, before the agency; an
    // aside in brackets after it is part of the dateline, not of the place.
    let place = match (head.find(" ("), head.find(')')) {
        (Some(aside), Some(end)) if aside < end => {
            let without_aside = format!("{}{}", &head[..aside], &head[end + 1..]);
            place_of(&without_aside).or_else(|| dated_place_of(&without_aside))?;
            &head[..aside]
        }
        _ => place_of(head).or_else(|| dated_place_of(head))?,
    };
    let close = open + text[open..].find(')')?;
    let agency = &text[open + 2..close];
    if agency.is_empty()
        || agency.len() > 30
        || !agency
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return None;
    }
    // Then a dash of some kind: "--", "_", "-", "—", "–".
    let rest = &text[close + 1..];
    let trimmed = rest.trim_start();
    let dash = ["--", "—", "–", "_", "-"]
        .iter()
        .find(|d| trimmed.starts_with(**d))?;
    let after = &trimmed[dash.len()..];
    if !after.starts_with(' ') {
        return None;
    }
    Some((place, text.len() - after.trim_start().len()))
}

/// "NEW YORK —", "HOUSTON _": no agency, so only a long dash or the
/// wires' underscore will do, and the place must not be a label such as
/// "BREAKING".
fn without_agency(text: &str) -> Option<(&str, usize)> {
    let (at, dash) = ["—", "–", "--", " _ "]
        .iter()
        .filter_map(|d| text.find(d).map(|at| (at, *d)))
        .min_by_key(|&(at, _)| at)?;
    // The underscore was looked for with its spaces around it.
    let (at, dash) = if dash == " _ " {
        (at + 1, "_")
    } else {
        (at, dash)
    };
    let head = &text[..at];
    if !head.ends_with(' ') || head.len() > 40 {
        return None;
    }
    let place = place_of(head.trim_end())?;
    let city = place.split(", ").next().unwrap_or(place);
    if city.split_whitespace().count() > 3 || LABELS.contains(&city) {
        return None;
    }
    let after = &text[at + dash.len()..];
    if !after.starts_with(' ') || after.trim_start().is_empty() {
        return None;
    }
    Some((place, text.len() - after.trim_start().len()))
}

/// A place not in capitals, which only a date after it marks as a
/// dateline: "Nairobi, February 9" (Xinhua's style) gives "Nairobi".
fn dated_place_of(head: &str) -> Option<&str> {
    let (city, date) = head.split_once(", ")?;
    let mut date_words = date.split_whitespace();
    let month = date_words.next()?.trim_end_matches('.').to_lowercase();
    let day = date_words.next()?;
    let is_date = month_of(&month).is_some()
        && day.len() <= 2
        && day.chars().all(|c| c.is_ascii_digit())
        && date_words.next().is_none();
    let city_words: Vec<&str> = city.split_whitespace().collect();
    let names_a_place = !city_words.is_empty()
        && city_words.len() <= 3
        && city_words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        });
    (is_date && names_a_place).then_some(city)
}

/// The place in the part of a dateline before the agency or dash: a city
/// in capitals, then perhaps a region ("Philippines") or a date ("July 31"),
/// which is left out.
fn place_of(head: &str) -> Option<&str> {
    // "WASHINGTON" or "NEW YORK", then perhaps ", Philippines" or ", July 31".
    let (city, region) = head.split_once(", ").unwrap_or((head, ""));
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    let shouts = letters >= 3
        && city
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    if !shouts || region.split_whitespace().count() > 4 || region.contains(['(', ')']) {
        return None;
    }
    let region_is_date = region
        .split_whitespace()
        .next()
        .is_some_and(|w| month_of(&w.trim_end_matches('.').to_lowercase()).is_some());
    if region.is_empty() || region_is_date {
        Some(city)
    } else {
        Some(&head[..city.len() + 2 + region.len()])
    }
}
