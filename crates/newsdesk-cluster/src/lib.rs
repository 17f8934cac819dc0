//! Story detection, online: each article, as it arrives, joins the story it
//! reports or starts a new one.
//!
//! An article is a weighted term vector (stemmed content words, title
//! words counted twice, names as their own terms) against incremental
//! document frequencies. A story is the sum of its articles' vectors.
//! Candidate stories come from an inverted index over story terms, so an
//! article is compared with a handful of stories, not all of them. The
//! bar to join a story rises with the time since the story last grew, so
//! old stories are revived only by close matches. Near-duplicate and
//! syndicated copies are caught first by SimHash and linked to the
//! article they copy. Pure computation: no IO, no clock.

mod detector;
mod features;
mod simhash;

pub use detector::{Assignment, Config, Incoming, StoryDetector};
pub use simhash::{hamming, simhash};

#[cfg(test)]
mod tests;
