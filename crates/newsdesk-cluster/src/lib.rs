//! Story detection, online: each article, as it arrives, joins the story it
//! reports or starts a new one.
//!
//! An article is a weighted term vector (stemmed content words after the
//! dateline, title words counted twice, names as their own terms; counts
//! saturate as in BM25) against incremental document frequencies. A story
//! is the sum of its articles' vectors. Candidate stories come from an
//! inverted index over story terms, and only the few that share the most
//! weight with the article are compared in full, so the work per article
//! is bounded. The bar to join a story rises with the time since the story
//! last grew, so old stories are revived only by close matches. A story
//! that has just grown is compared once with the stories like it, and
//! merged with one when a small story turns out to be a split-off of
//! another. An article that only just clears a grown story's bar is held
//! apart for a few articles: it stays a story of its own if another
//! article joins it, and is merged into the story it nearly joined
//! otherwise. Near-duplicate and syndicated copies are caught first by
//! SimHash and linked to the article they copy.
//! Pure computation: no IO, no clock.

mod detector;
mod features;
mod simhash;

pub use detector::{Assignment, Config, Incoming, StoryDetector};
pub use simhash::{hamming, simhash};

#[cfg(test)]
mod tests;
