use super::*;

const FEED_URL: &str = "https://news.example/feeds/world.xml";

fn rss(items: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
         <link>https://news.example/</link>{items}</channel></rss>"
    )
}

#[test]
fn relative_links_resolve_against_the_feed_url() {
    let doc = rss("<item><title>A</title><link>../story/a</link></item>\
                   <item><title>B</title><link>/b</link></item>\
                   <item><title>C</title><link>https://other.example/c</link></item>");
    let feed = parse_feed(doc.as_bytes(), FEED_URL).unwrap();
    let urls: Vec<_> = feed.entries.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://news.example/story/a",
            "https://news.example/b",
            "https://other.example/c"
        ]
    );
}

#[test]
fn items_without_a_usable_link_are_skipped_with_a_reason() {
    let doc = rss("<item><title>No link</title></item>\
                   <item><title>Mail</title><link>mailto:desk@news.example</link></item>\
                   <item><title>Good</title><link>https://news.example/good</link></item>");
    let feed = parse_feed(doc.as_bytes(), FEED_URL).unwrap();
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(
        feed.skipped,
        [
            SkippedEntry {
                title: Some("No link".into()),
                reason: SkipReason::NoLink
            },
            SkippedEntry {
                title: Some("Mail".into()),
                reason: SkipReason::BadLink("mailto:desk@news.example".into())
            },
        ]
    );
}

#[test]
fn an_undeclared_id_stays_absent_rather_than_invented() {
    let doc = rss("<item><title>A</title><link>https://news.example/a</link></item>");
    let first = parse_feed(doc.as_bytes(), FEED_URL).unwrap();
    assert_eq!(first.entries[0].id, None);
    assert_eq!(first, parse_feed(doc.as_bytes(), FEED_URL).unwrap());
}

#[test]
fn the_self_link_is_not_taken_for_the_article() {
    let doc = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><id>w</id>
        <entry><id>e1</id><title>E</title>
          <link rel="self" href="https://news.example/api/e1"/>
          <link rel="alternate" href="https://news.example/e1"/>
        </entry></feed>"#;
    let feed = parse_feed(doc.as_bytes(), FEED_URL).unwrap();
    assert_eq!(feed.entries[0].url, "https://news.example/e1");
    assert_eq!(feed.entries[0].id.as_deref(), Some("e1"));
}

#[test]
fn a_bad_feed_url_is_refused() {
    let doc = rss("");
    for bad in ["", "not a url", "ftp://news.example/feed"] {
        assert!(matches!(
            parse_feed(doc.as_bytes(), bad),
            Err(FeedError::InvalidUrl { .. })
        ));
    }
}

fn refused(bytes: &[u8]) -> FeedError {
    match parse_feed(bytes, FEED_URL) {
        Ok(feed) => panic!("accepted: {feed:?}"),
        Err(error) => error,
    }
}

#[test]
fn empty_and_blank_documents_are_refused() {
    assert_eq!(refused(b""), FeedError::Empty);
    assert_eq!(refused(b"   \r\n"), FeedError::Empty);
}

#[test]
fn html_pages_are_named_as_such() {
    assert_eq!(
        refused(b"<!DOCTYPE html><html><body>Sign in</body></html>"),
        FeedError::HtmlPage
    );
    assert_eq!(
        refused(b"\n  <HTML lang=en><head></head></HTML>"),
        FeedError::HtmlPage
    );
    assert_eq!(
        refused(b"<?xml version=\"1.0\"?>\n<!-- moved --><html xmlns=\"http://www.w3.org/1999/xhtml\"/>"),
        FeedError::HtmlPage
    );
}

#[test]
fn xml_that_is_not_a_feed_is_refused() {
    assert_eq!(
        refused(b"<?xml version=\"1.0\"?><sitemap><url/></sitemap>"),
        FeedError::NotAFeed
    );
    assert_eq!(refused(b"plain words, no markup"), FeedError::NotAFeed);
    assert_eq!(refused(b"[1, 2, 3]"), FeedError::NotAFeed);
}

#[test]
fn truncated_and_broken_documents_give_an_error() {
    let whole = rss("<item><title>A</title><link>https://news.example/a</link></item>");
    for cut in [20, 60, 90, whole.len() - 10] {
        let result = parse_feed(&whole.as_bytes()[..cut], FEED_URL);
        if let Ok(feed) = &result {
            // A cut that only loses closing tags may still read; it must
            // then hold nothing invented.
            assert!(feed.entries.len() <= 1, "{cut}: {feed:?}");
        }
    }
    assert!(parse_feed(
        b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [",
        FEED_URL
    )
    .is_err());
    assert!(parse_feed(
        b"{\"version\": \"https://jsonfeed.org/version/9\", \"items\": []}",
        FEED_URL
    )
    .is_err());
    assert!(parse_feed(
        b"<rss version=\"2.0\"><channel><item></wrong></channel></rss>",
        FEED_URL
    )
    .is_err());
}

#[test]
fn entity_expansion_is_not_performed() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://news.example/a</link></item></channel></rss>"#;
    // Either refused or read with the reference left unexpanded: never a
    // billion laughs in memory.
    if let Ok(feed) = parse_feed(laughs.as_bytes(), FEED_URL) {
        let size: usize = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().map_or(0, String::len))
            .sum();
        assert!(size < 1000, "expanded to {size} bytes");
    }
}

/// A small deterministic generator, so the hostile inputs are the same on
/// every run.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect()
}

#[test]
fn binary_noise_gives_an_error_not_a_panic() {
    for seed in 0..200 {
        let bytes = noise(seed, 1 + (seed as usize * 37) % 4000);
        assert!(parse_feed(&bytes, FEED_URL).is_err(), "seed {seed}");
    }
}

#[test]
fn noise_inside_a_feed_gives_an_error_or_a_feed_not_a_panic() {
    let doc = rss("<item><title>A</title><link>https://news.example/a</link>\
                   <description>x</description></item>");
    for seed in 0..200 {
        let mut bytes = doc.clone().into_bytes();
        let at = (seed as usize * 13) % bytes.len();
        let patch = noise(seed, 8);
        for (offset, byte) in patch.into_iter().enumerate() {
            if let Some(slot) = bytes.get_mut(at + offset) {
                *slot = byte;
            }
        }
        let _ = parse_feed(&bytes, FEED_URL);
    }
}

#[test]
fn ten_megabytes_of_garbage_is_refused_quickly() {
    let mut garbage = noise(7, 10 * 1024 * 1024);
    garbage[0] = b'<';
    let started = std::time::Instant::now();
    assert!(parse_feed(&garbage, FEED_URL).is_err());
    assert!(started.elapsed().as_secs() < 10);
    let text_garbage = "lorem <ipsum> ".repeat(800_000);
    assert!(parse_feed(text_garbage.as_bytes(), FEED_URL).is_err());
}

#[test]
fn deeply_nested_markup_does_not_overflow_the_stack() {
    let depth = 50_000;
    let doc = format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>W</title><id>w</id><entry><id>e</id>\
         <link href=\"https://news.example/e\"/><content type=\"xhtml\">{}{}</content></entry></feed>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let _ = parse_feed(doc.as_bytes(), FEED_URL);
    let unclosed = format!("<rss version=\"2.0\"><channel>{}", "<item>".repeat(depth));
    let _ = parse_feed(unclosed.as_bytes(), FEED_URL);
}

#[test]
fn an_rss_2_permalink_guid_stands_in_for_a_missing_link() {
    let doc = rss(
        "<item><title>G</title><guid>https://news.example/g</guid></item>\
                   <item><title>H</title><guid isPermaLink=\"false\">h-1</guid></item>",
    );
    let feed = parse_feed(doc.as_bytes(), FEED_URL).unwrap();
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(feed.entries[0].url, "https://news.example/g");
    assert_eq!(
        feed.entries[0].id.as_deref(),
        Some("https://news.example/g")
    );
    assert_eq!(feed.skipped[0].reason, SkipReason::NoLink);
}

#[test]
fn impossible_dates_are_unknown_and_controls_are_removed() {
    let feed = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "Desk \u001b]0;x\u0007",
        "items": [
          {"id": "a", "url": "https://n.example/a", "title": "A \u001b[2Jtitle", "date_published": "9999-12-31T00:00:00Z"},
          {"id": "b", "url": "https://n.example/b", "title": "B", "date_published": "0000-01-01T00:00:00Z"},
          {"id": "c", "url": "https://n.example/c", "title": "C", "date_published": "2026-03-01T00:00:00Z"}
        ]}"#;
    let parsed = parse_feed(feed, "https://n.example/feed.json").unwrap();
    assert_eq!(parsed.title.as_deref(), Some("Desk ]0;x"));
    assert_eq!(parsed.entries[0].title.as_deref(), Some("A [2Jtitle"));
    let dates: Vec<bool> = parsed
        .entries
        .iter()
        .map(|e| e.published.is_some())
        .collect();
    assert_eq!(dates, [false, false, true]);
}
