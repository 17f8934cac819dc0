//! Clauses: what each clause tells about time. Its tense, its modality
//! (happened, ongoing, scheduled, expected, conditional) and the date it
//! names, resolved against the article's date.

use crate::{Context, Span};
use chrono::NaiveDate;
use newsdesk_model::DatePrecision;

/// The clause's grammatical tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// What the clause says of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// It took place ("the court ruled").
    Happened,
    /// It is under way or a state that holds ("talks are continuing").
    Ongoing,
    /// It is set for a time to come ("the vote is scheduled for Friday",
    /// "will meet on Tuesday").
    Scheduled,
    /// It is expected, forecast or hoped for, not set ("is expected to",
    /// "likely", "plans to").
    Expected,
    /// It may happen, or happens only if something else does ("if",
    /// "could", "might", "may").
    Conditional,
}

/// The date a clause names, as resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseDate {
    /// The words that name it ("last Tuesday", "Dec. 25").
    pub expression: Span,
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// Whether the resolution is certain (an explicit date, or a relative
    /// one against an exact publication day with nothing ambiguous).
    pub certain: bool,
}

/// A clause of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub span: Span,
    /// Index into the analysis' sentences.
    pub sentence: usize,
    pub tense: Tense,
    pub modality: Modality,
    /// Whether the clause is reported speech ("X said the talks would …")
    /// or inside a quotation.
    pub reported: bool,
    pub date: Option<ClauseDate>,
}

/// The clauses of every sentence.
pub fn find(_text: &str, _sentences: &[Span], _context: &Context) -> Vec<Clause> {
    Vec::new()
}
