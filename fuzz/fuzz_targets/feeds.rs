//! Any bytes as a feed or an OPML file: parsing must return entries or an
//! error, never panic, and every entry's link must be an http(s) URL.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(feed) = newsdesk_feeds::parse_feed(data, "https://feeds.example/rss") {
        for entry in &feed.entries {
            assert!(
                entry.url.starts_with("http://") || entry.url.starts_with("https://"),
                "{}",
                entry.url
            );
        }
    }
    let _ = newsdesk_feeds::read_opml(data);
});
