//! Feeds: reading feed documents (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed)
//! into entries, reading and writing OPML subscription lists, and the
//! default list of feeds that lets `newsdesk run` start with no
//! configuration.
//!
//! Everything here takes bytes or values and returns values: fetching the
//! documents and storing the feeds is the caller's work.

mod defaults;
mod opml;
mod parse;

pub use defaults::{default_feeds, DefaultFeed};
pub use opml::{read_opml, write_opml, OpmlList, OpmlProblem, Subscription};
pub use parse::{parse_feed, FeedEntry, FeedFormat, ParsedFeed, SkipReason, SkippedEntry};

/// The largest feed or OPML document read. Real feeds are well under a
/// megabyte; the bound keeps a hostile server from making us parse forever.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Why a feed document, an OPML file or a feed URL was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FeedError {
    #[error("the document is empty")]
    Empty,
    #[error("the document is {}, over the {} limit", newsdesk_text::megabytes(*.size as u64), newsdesk_text::megabytes(*.limit as u64))]
    TooLarge { size: usize, limit: usize },
    #[error("this is an HTML page, not a feed")]
    HtmlPage,
    #[error("not a feed: no RSS, Atom or JSON Feed root was found")]
    NotAFeed,
    #[error("the feed is malformed: {0}")]
    Malformed(String),
    #[error("not an OPML document: {0}")]
    NotOpml(String),
    #[error("the OPML document is malformed: {0}")]
    MalformedOpml(String),
    #[error("invalid feed URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
}

pub type Result<T> = std::result::Result<T, FeedError>;

/// Checks that `url` is an absolute http or https URL and returns it in
/// canonical form (lower-case scheme and host, `/` path when empty), so
/// the same feed written two ways is stored once.
pub fn validate_feed_url(url: &str) -> Result<String> {
    let invalid = |reason: &str| FeedError::InvalidUrl {
        url: url.to_string(),
        reason: reason.to_string(),
    };
    let trimmed = url.trim();
    if trimmed.is_empty() {
        return Err(invalid("it is empty"));
    }
    let parsed = url::Url::parse(trimmed).map_err(|error| invalid(&error.to_string()))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => {
            return Err(invalid(&format!(
                "only http and https are fetched, not {other}"
            )))
        }
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host"));
    }
    Ok(parsed.to_string())
}

/// Refuses documents that are empty or too large before any parser sees them.
fn check_size(bytes: &[u8]) -> Result<()> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FeedError::Empty);
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(FeedError::TooLarge {
            size: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
