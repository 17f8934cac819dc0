//! Text analysis shared by extraction and composition.
//!
//! Everything here works on `&str` and returns byte [`Span`]s into it, so a
//! caller can always point back at the exact text it analysed. No IO.

mod controls;
mod dateline;
mod dates;
mod relative_dates;
mod script;
mod sentences;
mod sizes;
mod stopwords;
mod typography;
mod words;

pub use controls::{one_line, without_controls};
pub use dateline::{dateline_day, dateline_length, dateline_place};
pub use dates::{
    find_date, is_calendar_word, is_plausible_publication_date, parse_date, DateMatch,
};
pub use newsdesk_model::Span;
pub use relative_dates::{precision_rank, resolve_dates, weekday_of, DateContext, DateMention};
pub use script::{dominant_script, Script};
pub use sentences::split_sentences;
pub use sizes::megabytes;
pub use stopwords::is_stopword;
pub use typography::wire_dashes;
pub use words::{content_terms, word_spans, words, Stemmer, Word};
