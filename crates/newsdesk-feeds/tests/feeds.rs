//! The crate's public interface on the fixture documents in `tests/fixtures`
//! (all invented content).

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_feeds::{
    default_feeds, parse_feed, read_opml, write_opml, FeedError, FeedFormat, SkipReason,
    Subscription,
};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn rss_2() {
    let feed = parse_feed(
        &fixture("rss2.xml"),
        "https://gazette.example/world/rss.xml",
    )
    .unwrap();
    assert_eq!(feed.format, FeedFormat::Rss2);
    assert_eq!(feed.title.as_deref(), Some("Harbour Gazette – World"));
    assert_eq!(feed.site.as_deref(), Some("https://gazette.example/world/"));
    assert_eq!(feed.ttl_minutes, Some(15));
    assert_eq!(feed.entries.len(), 2);

    let ferry = &feed.entries[0];
    assert_eq!(
        ferry.url,
        "https://gazette.example/world/ferry-service-resumes"
    );
    assert_eq!(
        ferry.title.as_deref(),
        Some("Ferry service resumes across the strait")
    );
    assert_eq!(ferry.published, Some(at("2026-03-02T07:30:00Z")));
    assert_eq!(ferry.id.as_deref(), Some("gazette-1001"));
    assert_eq!(
        ferry.summary.as_deref(),
        Some("After three weeks of storms, the ferry sailed on Monday.")
    );

    let lighthouse = &feed.entries[1];
    assert_eq!(
        lighthouse.url,
        "https://gazette.example/world/lighthouse-funded"
    );
    assert_eq!(
        lighthouse.title.as_deref(),
        Some("Council approves & funds new lighthouse")
    );
    assert_eq!(
        lighthouse.summary.as_deref(),
        Some("<p>The vote was <b>9 to 2</b>.</p>")
    );

    assert_eq!(feed.skipped.len(), 1);
    assert_eq!(feed.skipped[0].reason, SkipReason::NoLink);
}

#[test]
fn rss_1_rdf() {
    let feed = parse_feed(&fixture("rss1.rdf"), "https://valley.example/rss").unwrap();
    assert_eq!(feed.format, FeedFormat::Rss1);
    assert_eq!(feed.title.as_deref(), Some("Valley Courier"));
    assert_eq!(feed.ttl_minutes, None);
    let urls: Vec<_> = feed.entries.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://valley.example/news/bridge-reopens",
            "https://valley.example/news/harvest-festival"
        ]
    );
    assert_eq!(feed.entries[0].published, Some(at("2026-02-27T10:15:00Z")));
    // A bare date reads as that day.
    let day = feed.entries[1].published.map(|p| p.date_naive());
    assert!(
        day.is_none() || day == NaiveDate::from_ymd_opt(2026, 2, 26),
        "{day:?}"
    );
}

#[test]
fn atom() {
    let feed = parse_feed(
        &fixture("atom.xml"),
        "https://wire.example/feeds/world.atom",
    )
    .unwrap();
    assert_eq!(feed.format, FeedFormat::Atom);
    assert_eq!(feed.title.as_deref(), Some("Northern Wire"));
    assert_eq!(feed.site.as_deref(), Some("https://wire.example/world"));
    let glacier = &feed.entries[0];
    // Relative to the feed's URL; the image enclosure is not the article.
    assert_eq!(
        glacier.url,
        "https://wire.example/feeds/stories/glacier-survey"
    );
    assert_eq!(glacier.published, Some(at("2026-03-02T07:00:00Z")));
    assert_eq!(
        glacier.id.as_deref(),
        Some("tag:wire.example,2026:glacier-survey")
    );
    assert_eq!(
        glacier.summary.as_deref(),
        Some("Researchers measured the ice for a decade.")
    );
    // With no `published`, the update time stands in.
    assert_eq!(feed.entries[1].published, Some(at("2026-03-01T20:45:00Z")));
    assert_eq!(feed.entries[1].summary, None);
}

#[test]
fn json_feed() {
    let feed = parse_feed(&fixture("feed.json"), "https://meridian.example/feed.json").unwrap();
    assert_eq!(feed.format, FeedFormat::JsonFeed);
    assert_eq!(feed.title.as_deref(), Some("Meridian Daily"));
    assert_eq!(feed.entries.len(), 2);
    assert_eq!(
        feed.entries[0].url,
        "https://meridian.example/2026/03/election-results"
    );
    assert_eq!(feed.entries[0].id.as_deref(), Some("meridian-77"));
    assert_eq!(feed.entries[0].published, Some(at("2026-03-01T18:00:00Z")));
}

#[test]
fn an_opml_file_is_not_a_feed_and_a_feed_is_not_opml() {
    let opml = fixture("subscriptions.opml");
    assert_eq!(
        parse_feed(&opml, "https://example.com/"),
        Err(FeedError::NotAFeed)
    );
    assert!(matches!(
        read_opml(&fixture("rss2.xml")),
        Err(FeedError::NotOpml(_))
    ));
}

#[test]
fn opml_2_with_folders() {
    let list = read_opml(&fixture("subscriptions.opml"))
        .unwrap()
        .subscriptions;
    let expected = [
        (
            "https://gazette.example/world/rss.xml",
            "Harbour Gazette – World",
        ),
        ("https://wire.example/feeds/world.atom", "Northern Wire"),
        ("https://meridian.example/feed.json", "Meridian & Co"),
    ];
    assert_eq!(list.len(), expected.len());
    for (got, (url, title)) in list.iter().zip(expected) {
        assert_eq!(got.url, url);
        assert_eq!(got.title.as_deref(), Some(title));
    }
}

#[test]
fn opml_1_with_lower_case_attributes() {
    assert_eq!(
        read_opml(&fixture("opml1.opml")).unwrap().subscriptions,
        [Subscription {
            url: "https://valley.example/rss".into(),
            title: Some("Valley Courier".into()),
        }]
    );
}

#[test]
fn opml_export_round_trips_through_import() {
    let list = read_opml(&fixture("subscriptions.opml"))
        .unwrap()
        .subscriptions;
    let again = read_opml(write_opml("export", &list).as_bytes())
        .unwrap()
        .subscriptions;
    assert_eq!(again, list);
}

#[test]
fn the_default_list_exports_as_opml() {
    let list: Vec<_> = default_feeds()
        .iter()
        .map(|feed| Subscription {
            url: feed.url.into(),
            title: Some(feed.outlet.into()),
        })
        .collect();
    assert!(list.len() >= 12);
    assert_eq!(
        read_opml(write_opml("defaults", &list).as_bytes())
            .unwrap()
            .subscriptions,
        list
    );
}
