//! Hard-wrapped plain text -> one line per paragraph.
//!
//! Wire copy, e-mail newsletters and text archives break every paragraph
//! into lines of at most some width (often 65-80 characters). Read line by
//! line, such text would be shredded into fragments of sentences, so the
//! wrapped lines are joined again first. A line was wrapped, not ended,
//! when the next line's first word would not have fitted on it: a greedy
//! wrapper never breaks a line early. Text is only unwrapped when most of
//! its line breaks look like that, so text with one paragraph per line
//! (what scrapers deliver) and lists of short lines are left alone.

#[cfg(test)]
mod tests;

/// Wrapping widths outside this range are not wrapping: narrower text is a
/// list or a poem, wider text has a paragraph per line.
const MIN_WIDTH: usize = 30;
const MAX_WIDTH: usize = 120;
/// Lines longer than the wrapping width (a URL, a table row) may be at
/// most this share of the lines.
const MAX_OVERLONG_SHARE: f32 = 0.1;
/// Share of the breaks between two non-blank lines that must look forced
/// (the next word would not have fitted) for the text to count as wrapped.
const MIN_FORCED_SHARE: f32 = 0.5;
/// Forced-looking breaks needed at least, so two long lines in a row in an
/// otherwise short text do not make it "wrapped".
const MIN_FORCED_BREAKS: usize = 2;

/// A line of the unwrapped text: its 1-based number in the input (the
/// first of the lines joined into it) and its text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    pub number: usize,
    pub text: String,
}

/// The non-blank lines of `text`, trimmed, with the lines of a wrapped
/// paragraph joined into one.
pub fn unwrap(text: &str) -> Vec<SourceLine> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let width = wrap_width(&lines);
    let mut out: Vec<SourceLine> = Vec::new();
    let mut previous: Option<&str> = None;
    for (index, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            previous = None;
            continue;
        }
        let joins = match (previous, width) {
            (Some(before), Some(width)) => continues(before, line, width),
            _ => false,
        };
        match out.last_mut() {
            Some(last) if joins => {
                // A word broken with a hyphen at the line end stays whole.
                let hyphenated = last.text.ends_with('-')
                    && last.text[..last.text.len() - 1]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic);
                if !hyphenated {
                    last.text.push(' ');
                }
                last.text.push_str(line.trim());
            }
            _ => out.push(SourceLine {
                number: index + 1,
                text: line.trim().to_string(),
            }),
        }
        previous = Some(line);
    }
    out
}

/// The width the text was wrapped at, when it was wrapped: its longest
/// line but for a few overlong ones (a URL, a table row), if most breaks
/// between non-blank lines look forced at that width. A greedy wrapper
/// breaks a line only when the next word would pass the width, so at the
/// right width every break inside a paragraph looks forced.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.chars().count())
        .collect();
    if lengths.len() < 3 {
        return None;
    }
    let overlong = lengths.iter().filter(|&&l| l > MAX_WIDTH).count();
    if overlong as f32 > MAX_OVERLONG_SHARE * lengths.len() as f32 {
        return None;
    }
    let width = lengths.iter().copied().filter(|&l| l <= MAX_WIDTH).max()?;
    if width < MIN_WIDTH {
        return None;
    }
    let mut breaks = 0;
    let mut forced = 0;
    for pair in lines.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        if before.trim().is_empty() || after.trim().is_empty() || starts_a_block(before, after) {
            continue;
        }
        breaks += 1;
        if next_word_overflows(before, after, width) {
            forced += 1;
        }
    }
    (forced >= MIN_FORCED_BREAKS && forced as f32 >= MIN_FORCED_SHARE * breaks as f32)
        .then_some(width)
}

/// Whether `after` continues the paragraph of `before` in text wrapped at
/// `width`.
fn continues(before: &str, after: &str, width: usize) -> bool {
    !starts_a_block(before, after) && next_word_overflows(before, after, width)
}

/// A line indented deeper than the one before starts a paragraph, and a
/// list item starts a block of its own.
fn starts_a_block(before: &str, after: &str) -> bool {
    indentation(after) > indentation(before) || is_list_item(after.trim_start())
}

fn next_word_overflows(before: &str, after: &str, width: usize) -> bool {
    let next_word = after
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    before.chars().count() + 1 + next_word > width
}

fn indentation(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count()
}

/// "- item", "* item", "• item", "1. item", "2) item".
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() + 3 >= line.len() && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}
