//! Scraped plain text -> [`Article`].
//!
//! A scraper's text dump has one block per line: a headline, perhaps a
//! masthead, a byline or a date line, the body, and page furniture all
//! around it (hard-wrapped text is unwrapped to that shape first, by
//! [`crate::reflow`]). Every line ends up either in the article or in
//! [`Article::dropped`] with a reason.

use crate::junk::{self, ends_like_prose, normalise, title_case_share, Position};
use crate::outlet;
use crate::reflow;
use newsdesk_model::{Article, BlockKind, DropReason, Dropped};
use newsdesk_text::{dominant_script, is_stopword, parse_date, wire_dashes, words, Script};

#[cfg(test)]
mod tests;

/// Lines this long that read as prose are article body for sure.
const LONG_PARAGRAPH_WORDS: usize = 20;
/// A first line this long that ends as a sentence does is the first
/// paragraph, not a headline (headlines run to about 15 words).
const FIRST_PARAGRAPH_WORDS: usize = 25;
/// A first line this long that ends with a full stop is a sentence.
const SENTENCE_NOT_HEADLINE_WORDS: usize = 10;
/// A line without final punctuation and at most this many words is a heading.
const HEADING_MAX_WORDS: usize = 14;

struct Line<'a> {
    number: usize,
    text: &'a str,
    words: usize,
}

/// What the lines of a text said about the article besides its body.
#[derive(Default)]
struct Found {
    outlet_from_byline: Option<String>,
    outlet_from_masthead: Option<String>,
}

/// Builds an article from decoded plain text. `origin` names the input;
/// `file_stem` is the fallback outlet name when the text names none.
pub fn article_from_text(text: &str, origin: &str, file_stem: Option<&str>) -> Article {
    // Hard-wrapped paragraphs are joined first, so that a block is a
    // paragraph and not a fragment of one.
    let unwrapped = reflow::unwrap(text);
    let lines: Vec<Line> = unwrapped
        .iter()
        .map(|line| Line {
            number: line.number,
            text: &line.text,
            words: words(&line.text).len(),
        })
        .collect();
    let mut article = Article {
        origin: origin.to_string(),
        ..Article::default()
    };
    let document_script = dominant_script(text).map(|(s, _)| s);
    let tail_start = tail_start(&lines);
    let mut found = Found::default();
    // A set, not a list: a dump of many lines is read in linear time.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut title_key: Option<String> = None;
    let mut title_index = usize::MAX;
    let mut title_settled = false;
    // A masthead sits between the headline and the first body line.
    let mut body_started = false;
    // The reason each line got, `None` for kept lines, in order.
    let mut decisions: Vec<(usize, Option<DropReason>)> = Vec::new();

    for (index, line) in lines.iter().enumerate() {
        let key = normalise(line.text);
        let position = Position {
            in_tail: index >= tail_start,
        };
        let reason = if title_key.as_deref() == Some(key.as_str()) {
            Some(DropReason::RepeatedHeadline)
        } else if seen.contains(&key) {
            Some(DropReason::Duplicate)
        } else if in_other_script(line.text, document_script) {
            Some(DropReason::OtherLanguage)
        } else if let Some(reason) = junk::classify(line.text, position) {
            Some(reason)
        } else if let Some(date) = parse_date(line.text) {
            article.published.get_or_insert(date);
            Some(DropReason::Dateline)
        } else if let Some(byline) = title_key
            .as_ref()
            .and_then(|_| outlet::byline_parts(line.text))
        {
            article.authors.extend(byline.authors);
            if found.outlet_from_byline.is_none() {
                found.outlet_from_byline = byline.outlet;
            }
            if let Some(date) = byline.date {
                article.published.get_or_insert(date);
            }
            Some(DropReason::Byline)
        } else if index <= title_index.saturating_add(4)
            && !body_started
            && looks_like_masthead(line)
            && found.outlet_from_masthead.is_none()
        {
            found.outlet_from_masthead = outlet::normalise_outlet(line.text);
            Some(DropReason::Byline)
        } else if position.in_tail && looks_like_name(line) {
            article.authors.push(line.text.to_string());
            Some(DropReason::Byline)
        } else {
            None
        };
        if reason.is_none() && !title_settled {
            // The first kept line is the headline, unless it reads as the
            // story's first paragraph (wire copy pasted without one): then
            // it is body, and the story builds its headline from the lead.
            title_settled = true;
            if !reads_as_first_paragraph(line) {
                article.title = Some(line.text.to_string());
                title_key = Some(key.clone());
                title_index = index;
            }
        }
        if reason != Some(DropReason::Duplicate) {
            seen.insert(key);
        }
        if reason.is_none() && index != title_index {
            body_started = true;
        }
        decisions.push((index, reason));
    }

    drop_captions_beside_credits(&lines, &mut decisions);
    for (index, reason) in decisions {
        let line = &lines[index];
        match reason {
            Some(reason) => article.dropped.push(Dropped {
                text: line.text.to_string(),
                reason,
                line: Some(line.number),
            }),
            None if index == title_index => {}
            None => {
                let (kind, content) = block_of(line);
                article.push_block(kind, &wire_dashes(content));
            }
        }
    }
    article.outlet = found
        .outlet_from_byline
        .or(found.outlet_from_masthead)
        .or_else(|| outlet_from_dropped(&article.dropped))
        .or_else(|| file_stem.map(outlet::outlet_from_file_stem));
    article.language = guess_language(&article.text);
    article
}

/// The index of the first line after the last long paragraph of the body.
fn tail_start(lines: &[Line]) -> usize {
    lines
        .iter()
        .rposition(|l| {
            l.words >= LONG_PARAGRAPH_WORDS
                && ends_like_prose(l.text)
                && !junk::is_author_bio(l.text)
        })
        .map_or(lines.len(), |i| i + 1)
}

fn in_other_script(line: &str, document: Option<Script>) -> bool {
    let (Some(document), Some((script, share))) = (document, dominant_script(line)) else {
        return false;
    };
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    script != document && share >= 0.6 && letters >= 3
}

/// A line no headline looks like: one that opens with a wire dateline
/// ("WASHINGTON (AP) --"), one that ends as a sentence does and is long or
/// holds two sentences ("Chicken Little would love this one. The Earth is
/// ..."), or a sentence of ten words or more with its full stop.
fn reads_as_first_paragraph(line: &Line) -> bool {
    let full_stop = line
        .text
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('.');
    newsdesk_text::dateline_length(line.text).is_some()
        || (ends_like_prose(line.text)
            && (line.words >= FIRST_PARAGRAPH_WORDS
                || newsdesk_text::split_sentences(line.text).len() >= 2))
        // Headlines end without a full stop; a sentence of some length with
        // one is prose.
        || (full_stop && line.words >= SENTENCE_NOT_HEADLINE_WORDS)
}

/// A short line of capitalised words under the headline: "ICARO Media Group".
fn looks_like_masthead(line: &Line) -> bool {
    line.words <= 6
        && !ends_like_prose(line.text)
        && !line.text.chars().any(|c| c.is_ascii_digit())
        && capitalised_words(line.text)
}

/// "Jane Doe": two to four capitalised words, no punctuation.
fn looks_like_name(line: &Line) -> bool {
    (2..=4).contains(&line.words)
        && line
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '.')
        && capitalised_words(line.text)
}

/// Every word capitalised, apart from short joiners ("of", "and").
fn capitalised_words(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "for" | "&" | "de"))
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && title_case_share(text) > 0.0
}

/// The block kind of a kept line, and its content without list numbering.
fn block_of<'a>(line: &Line<'a>) -> (BlockKind, &'a str) {
    let text = line.text;
    if let Some(item) = text
        .strip_prefix(['•', '·', '▪', '–'])
        .or_else(|| text.strip_prefix("- "))
        .or_else(|| text.strip_prefix("* "))
    {
        return (BlockKind::ListItem, item.trim());
    }
    if line.words <= HEADING_MAX_WORDS && !ends_like_prose(text) {
        return (BlockKind::Heading, strip_numbering(text));
    }
    (BlockKind::Paragraph, text)
}

/// "3: Recent Interest" -> "Recent Interest"; "2. Background" -> "Background".
fn strip_numbering(text: &str) -> &str {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return text;
    }
    let rest = &text[digits..];
    match rest.strip_prefix([':', '.', ')']) {
        Some(rest) if rest.starts_with(' ') => rest.trim_start(),
        _ => text,
    }
}

/// Captions sit beside their photo credit: a short line right before or
/// after a credit is the caption text.
fn drop_captions_beside_credits(lines: &[Line], decisions: &mut [(usize, Option<DropReason>)]) {
    let credits: Vec<usize> = decisions
        .iter()
        .filter(|(_, r)| *r == Some(DropReason::Caption))
        .map(|&(i, _)| i)
        .collect();
    let mut captions = Vec::new();
    for credit in credits {
        // A credit with its caption on the same line has no caption beside it.
        if lines[credit].words > 10 {
            continue;
        }
        for neighbour in [credit.wrapping_sub(1), credit + 1] {
            let Some((_, None)) = decisions.get(neighbour) else {
                continue;
            };
            let line = &lines[neighbour];
            let one_sentence = newsdesk_text::split_sentences(line.text).len() == 1;
            let quotes_someone = line.text.contains(['"', '“', '”']);
            if line.words <= 25 && one_sentence && ends_like_prose(line.text) && !quotes_someone {
                captions.push(neighbour);
            }
        }
    }
    for index in captions {
        decisions[index].1 = Some(DropReason::Caption);
    }
}

fn outlet_from_dropped(dropped: &[Dropped]) -> Option<String> {
    let from = |reasons: &[DropReason], find: fn(&str) -> Option<String>| {
        dropped
            .iter()
            .filter(|d| reasons.contains(&d.reason))
            .find_map(|d| find(&d.text))
    };
    from(&[DropReason::AuthorBio], outlet::outlet_from_bio).or_else(|| {
        from(
            &[DropReason::ConsentBanner, DropReason::Footer],
            outlet::outlet_from_fine_print,
        )
    })
}

/// "en" when English function words are common enough, else unknown.
pub fn guess_language(text: &str) -> Option<String> {
    let all = words(text);
    if all.len() < 5 {
        return None;
    }
    let function_words = all.iter().filter(|w| is_stopword(&w.lower)).count();
    (function_words as f32 / all.len() as f32 >= 0.2).then(|| "en".to_string())
}
