//! OPML subscription lists, read and written with `quick-xml` (already
//! under `feed-rs`, so no second XML parser): lenient in what it reads
//! (OPML 1.0 and 2.0, nested folders flattened, `type` optional, any case
//! of `xmlUrl`), exact in what it writes.

use crate::{check_size, FeedError, Result};
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use serde::{Deserialize, Serialize};

/// One feed of a subscription list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// The feed's URL exactly as the list gives it; the caller validates it.
    pub url: String,
    pub title: Option<String>,
}

/// What a subscription list holds: the feeds it names, and every entry
/// or part of the document that could not be read, so one bad entry loses
/// none of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpmlList {
    pub subscriptions: Vec<Subscription>,
    pub problems: Vec<OpmlProblem>,
}

/// An entry, or the rest of a document, that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlProblem {
    /// Byte offset in the document where it starts.
    pub at: u64,
    pub reason: String,
}

impl std::fmt::Display for OpmlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at byte {}: {}", self.at, self.reason)
    }
}

/// Reads every `<outline xmlUrl=...>` of an OPML document, nested outlines
/// included, in document order. A document that is not OPML at all is an
/// error; within one, a broken outline is a problem of its own, and broken
/// markup ends the reading with what was read so far kept.
pub fn read_opml(bytes: &[u8]) -> Result<OpmlList> {
    check_size(bytes).map_err(|error| match error {
        FeedError::Empty => FeedError::NotOpml("the file is empty".to_string()),
        other => other,
    })?;
    let text = decode(bytes)?;
    let mut reader = Reader::from_str(text.trim_start_matches('\u{feff}'));
    let mut list = OpmlList::default();
    let mut saw_root = false;
    let mut depth = 0usize;
    loop {
        let at = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) if saw_root => {
                list.problems.push(OpmlProblem {
                    at,
                    reason: format!("malformed markup ({error}); nothing after it was read"),
                });
                return Ok(list);
            }
            Err(error) => {
                return Err(FeedError::MalformedOpml(format!("{error} (at byte {at})")));
            }
        };
        let (element, opens) = match &event {
            Event::Start(element) => (element, true),
            Event::Empty(element) => (element, false),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = element.local_name();
        if !saw_root {
            if !name.as_ref().eq_ignore_ascii_case("opml") {
                let found = name.as_ref().to_string();
                return Err(FeedError::NotOpml(format!(
                    "the root element is <{found}>, not <opml>"
                )));
            }
            saw_root = true;
        } else if name.as_ref().eq_ignore_ascii_case("outline") {
            match subscription(element) {
                Ok(Some(subscription)) => list.subscriptions.push(subscription),
                Ok(None) => {}
                Err(reason) => list.problems.push(OpmlProblem {
                    at,
                    reason: format!("an outline that cannot be read ({reason})"),
                }),
            }
        }
        if opens {
            depth += 1;
        }
    }
    if !saw_root {
        return Err(FeedError::NotOpml("no <opml> element".to_string()));
    }
    if depth != 0 {
        list.problems.push(OpmlProblem {
            at: text.len() as u64,
            reason: "the document ends before its elements close".to_string(),
        });
    }
    Ok(list)
}

/// The document as text: UTF-8, or the single-byte encoding its XML
/// prolog declares (older readers exported ISO-8859-1).
fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.into());
    }
    let prolog = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let label = prolog
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split("?>").next())
        .and_then(|decl| decl.split("encoding=").nth(1))
        .map(|value| value.trim_start_matches(['"', '\'']))
        .and_then(|value| value.split(['"', '\'']).next());
    let encoding = label
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .filter(|encoding| encoding.is_single_byte());
    match encoding {
        Some(encoding) => Ok(encoding.decode_without_bom_handling(bytes).0),
        None => Err(FeedError::MalformedOpml(
            "the text is neither UTF-8 nor in a declared single-byte encoding".to_string(),
        )),
    }
}

/// The feed an outline names, if it names one (folders do not).
fn subscription(outline: &BytesStart) -> std::result::Result<Option<Subscription>, String> {
    let mut url = None;
    let mut title = None;
    let mut text = None;
    for attribute in outline.attributes() {
        let attribute = attribute.map_err(|error| error.to_string())?;
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|error| error.to_string())?;
        let value = value.trim();
        let key = attribute.key.local_name();
        let slot = match key.as_ref().to_ascii_lowercase().as_str() {
            "xmlurl" => &mut url,
            "title" => &mut title,
            "text" => &mut text,
            _ => continue,
        };
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
    Ok(url.map(|url| {
        // A `text` that only repeats the URL (as writers fill it in) is no title.
        let text = text.filter(|text| *text != url);
        Subscription {
            title: title.or(text),
            url,
        }
    }))
}

/// Writes an OPML 2.0 document listing `subscriptions`, one RSS outline
/// each, which [`read_opml`] reads back to the same list.
pub fn write_opml(title: &str, subscriptions: &[Subscription]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<opml version=\"2.0\">\n  <head>\n");
    out.push_str(&format!("    <title>{}</title>\n", escape(title)));
    out.push_str("  </head>\n  <body>\n");
    for subscription in subscriptions {
        // Readers show `text`; OPML 2.0 requires it, so it falls back to the URL.
        let text = subscription.title.as_deref().unwrap_or(&subscription.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\"",
            escape(text)
        ));
        if let Some(title) = &subscription.title {
            out.push_str(&format!(" title=\"{}\"", escape(title.as_str())));
        }
        out.push_str(&format!(
            " xmlUrl=\"{}\"/>\n",
            escape(subscription.url.as_str())
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests;
