//! From a feed document's bytes to its entries, with `feed-rs` doing the
//! format work (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed).

use crate::{check_size, validate_feed_url, FeedError, Result};
use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Link, Text};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use serde::{Deserialize, Serialize};
use url::Url;

/// One item of a feed: an article the feed points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedEntry {
    /// The article's absolute URL (relative links are resolved against the
    /// feed's URL).
    pub url: String,
    pub title: Option<String>,
    /// When the item was published, or else last updated, as the feed says.
    pub published: Option<DateTime<Utc>>,
    /// The feed's summary or description, as the feed gives it (it may
    /// hold HTML).
    pub summary: Option<String>,
    /// The item's own identifier (RSS `guid`, Atom `id`, JSON Feed `id`),
    /// when the feed declares one.
    pub id: Option<String>,
}

/// Which kind of document the feed was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedFormat {
    Rss0,
    Rss1,
    Rss2,
    Atom,
    JsonFeed,
}

/// Why an item of an otherwise good feed was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// The item has no link to an article.
    NoLink,
    /// The item's link is not an http(s) URL, even against the feed's URL.
    BadLink(String),
}

/// An item left out, kept so the caller can say what was dropped and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedEntry {
    pub title: Option<String>,
    pub reason: SkipReason,
}

/// A feed document, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedFeed {
    pub format: FeedFormat,
    pub title: Option<String>,
    /// The site the feed belongs to (its `alternate` link).
    pub site: Option<String>,
    /// How many minutes the feed may be cached, when it declares it (RSS `ttl`).
    pub ttl_minutes: Option<u32>,
    pub entries: Vec<FeedEntry>,
    pub skipped: Vec<SkippedEntry>,
}

/// Reads a feed document fetched from `feed_url`. The bytes go in raw,
/// not decoded: the XML prolog's encoding is honoured.
pub fn parse_feed(bytes: &[u8], feed_url: &str) -> Result<ParsedFeed> {
    let base =
        Url::parse(&validate_feed_url(feed_url)?).map_err(|error| FeedError::InvalidUrl {
            url: feed_url.to_string(),
            reason: error.to_string(),
        })?;
    check_size(bytes)?;
    if looks_like_html(bytes) {
        return Err(FeedError::HtmlPage);
    }
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        // An empty id marks "the feed declared none"; feed-rs would
        // otherwise invent one, at random when there is no link.
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser.parse(bytes).map_err(describe)?;
    Ok(convert(feed, &base))
}

/// HTML served where a feed was expected (a login wall, an error page, a
/// moved site) is common enough to name on its own.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    start.starts_with("<!doctype html") || start.starts_with("<html") || {
        // Past an XML prolog or comments, the first element decides.
        let first_element = start
            .match_indices('<')
            .map(|(at, _)| &start[at + 1..])
            .find(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()));
        first_element.is_some_and(|rest| rest.starts_with("html"))
    }
}

fn describe(error: ParseFeedError) -> FeedError {
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => FeedError::NotAFeed,
        other => FeedError::Malformed(other.to_string()),
    }
}

fn convert(feed: feed_rs::model::Feed, base: &Url) -> ParsedFeed {
    use feed_rs::model::FeedType;
    let format = match feed.feed_type {
        FeedType::RSS0 => FeedFormat::Rss0,
        FeedType::RSS1 => FeedFormat::Rss1,
        FeedType::RSS2 => FeedFormat::Rss2,
        FeedType::Atom => FeedFormat::Atom,
        FeedType::JSON => FeedFormat::JsonFeed,
    };
    let site = article_link(&feed.links).and_then(|href| resolve(base, href).ok());
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    for entry in feed.entries {
        match convert_entry(entry, base, format) {
            Ok(entry) => entries.push(entry),
            Err(skip) => skipped.push(skip),
        }
    }
    ParsedFeed {
        format,
        title: feed.title.as_ref().and_then(text),
        site,
        ttl_minutes: feed.ttl,
        entries,
        skipped,
    }
}

fn convert_entry(
    entry: Entry,
    base: &Url,
    format: FeedFormat,
) -> std::result::Result<FeedEntry, SkippedEntry> {
    let title = entry.title.as_ref().and_then(text);
    // In RSS 2.0 a `guid` is a permalink unless marked otherwise, and some
    // feeds give no `<link>` beside it.
    let guid_link = (format == FeedFormat::Rss2)
        .then(|| entry.id.trim())
        .filter(|id| id.starts_with("http://") || id.starts_with("https://"));
    let Some(href) = article_link(&entry.links).or(guid_link) else {
        return Err(SkippedEntry {
            title,
            reason: SkipReason::NoLink,
        });
    };
    let url = match resolve(base, href) {
        Ok(url) => url,
        Err(()) => {
            return Err(SkippedEntry {
                title,
                reason: SkipReason::BadLink(href.to_string()),
            })
        }
    };
    Ok(FeedEntry {
        url,
        title,
        published: entry
            .published
            .or(entry.updated)
            .filter(|&at| newsdesk_text::is_plausible_publication_date(at)),
        summary: entry.summary.as_ref().and_then(text),
        id: Some(entry.id.trim().to_string()).filter(|id| !id.is_empty()),
    })
}

/// The link to the page itself: Atom's `alternate` (or unlabelled) link
/// before `self`, `enclosure`, `related` and the like.
fn article_link(links: &[Link]) -> Option<&str> {
    let is_page = |link: &&Link| link.rel.as_deref().is_none_or(|rel| rel == "alternate");
    links
        .iter()
        .find(is_page)
        .or(links.first())
        .map(|link| link.href.trim())
        .filter(|href| !href.is_empty())
}

fn resolve(base: &Url, href: &str) -> std::result::Result<String, ()> {
    let url = base.join(href).map_err(|_| ())?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some() => Ok(url.to_string()),
        _ => Err(()),
    }
}

/// A text field, trimmed and without control characters (an escape
/// sequence in a title would act on the terminal that lists it).
fn text(text: &Text) -> Option<String> {
    let cleaned = newsdesk_text::one_line(&text.content);
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests;
