use super::*;
use crate::validate_feed_url;
use std::collections::HashSet;

#[test]
fn about_a_dozen_distinct_valid_feeds() {
    let feeds = default_feeds();
    assert!(feeds.len() >= 12);
    let urls: HashSet<_> = feeds.iter().map(|feed| feed.url).collect();
    assert_eq!(urls.len(), feeds.len(), "a URL is listed twice");
    for feed in feeds {
        // Already canonical, so the store keeps exactly these strings.
        assert_eq!(validate_feed_url(feed.url).as_deref(), Ok(feed.url));
        assert!(feed.url.starts_with("https://"), "{}", feed.url);
        assert!(!feed.outlet.trim().is_empty());
    }
}
