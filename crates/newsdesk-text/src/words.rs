//! Words, their normal forms and stems.

use crate::stopwords::is_stopword;
use newsdesk_model::Span;

#[cfg(test)]
mod tests;

/// One word of a text: its span and its lower-cased form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub lower: String,
}

/// The words of `text`: runs of letters and digits, keeping inner
/// apostrophes and hyphens ("Putin's", "cease-fire"), with typographic
/// apostrophes folded to ASCII in the lower-cased form.
pub fn words(text: &str) -> Vec<Word> {
    word_spans(text)
        .map(|(start, end)| make_word(text, start, end))
        .collect()
}

/// Where [`words`] puts word boundaries, as byte ranges, for callers that
/// need no [`Word`] of each.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while let Some((i, c)) = chars.next() {
            let joiner = matches!(c, '\'' | '’' | '-' | '‐');
            let inner_joiner = joiner
                && start.is_some()
                && chars
                    .peek()
                    .is_some_and(|&(_, next)| next.is_alphanumeric());
            if c.is_alphanumeric() || inner_joiner {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                return Some((s, i));
            }
        }
        done = true;
        start.take().map(|s| (s, text.len()))
    })
}

fn make_word(text: &str, start: usize, end: usize) -> Word {
    let lower = text[start..end]
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '’' => '\'',
            '‐' => '-',
            c => c,
        })
        .collect();
    Word {
        span: Span::new(start, end),
        lower,
    }
}

/// Stems English words (Snowball's English stemmer).
pub struct Stemmer(rust_stemmers::Stemmer);

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::English,
        ))
    }
}

impl Stemmer {
    pub fn stem(&self, lower: &str) -> String {
        // The possessive adds nothing to a term's meaning.
        let base = lower.strip_suffix("'s").unwrap_or(lower);
        self.0.stem(base).into_owned()
    }
}

/// The stems of the content words of `text`: no stop words, no bare numbers
/// of one digit, no one-letter words.
pub fn content_terms(text: &str, stemmer: &Stemmer) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| w.lower.chars().count() > 1 && !is_stopword(&w.lower))
        .map(|w| stemmer.stem(&w.lower))
        .collect()
}
