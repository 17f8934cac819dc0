//! The Atom 1.0 feed of stories (RFC 4287). Each entry's id is the
//! story's permalink, which names the story, not a version, so a reader
//! sees an updated entry rather than a new one when the story grows.

use crate::view::StoryCard;
use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt::Write;

/// The permalink of a story under the site's public base URL.
pub fn permalink(base_url: &str, story: i64) -> String {
    format!("{}stories/{story}", with_slash(base_url))
}

pub fn with_slash(base_url: &str) -> String {
    if base_url.ends_with('/') {
        base_url.to_string()
    } else {
        format!("{base_url}/")
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than breaking the feed.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The feed for `cards`, newest first, as served from `base_url`.
pub fn feed(cards: &[StoryCard], base_url: &str) -> String {
    let base = with_slash(base_url);
    // An empty feed is as old as the epoch: nothing in it has changed.
    let updated = cards
        .iter()
        .map(|c| c.updated_at)
        .max()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let mut xml = String::new();
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         <id>{base}</id>\n\
         <title>newsdesk: current stories</title>\n\
         <subtitle>Stories written from several outlets, every sentence sourced.</subtitle>\n\
         <updated>{}</updated>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}feed.atom\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{base}\"/>\n\
         <author><name>newsdesk</name></author>\n\
         <generator>newsdesk</generator>\n",
        time(updated),
        base = escape(&base)
    );
    for card in cards {
        let link = escape(&permalink(&base, card.id));
        let _ = write!(
            xml,
            "<entry>\n\
             <id>{link}</id>\n\
             <title type=\"text\">{}</title>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n\
             <published>{}</published>\n\
             <updated>{}</updated>\n\
             <summary type=\"text\">{}</summary>\n\
             </entry>\n",
            escape(&card.headline),
            time(card.created_at),
            time(card.updated_at),
            escape(&card.lead),
        );
    }
    xml.push_str("</feed>\n");
    xml
}
