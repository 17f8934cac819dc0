//! The behaviour every [`Store`] implementation must show. Each check
//! takes a fresh, empty store; `conformance_tests!` turns them all into
//! tests for one implementation. Its argument makes a pair: something to
//! keep alive while the test runs (a temporary directory, a database
//! schema to drop) and the store:
//!
//! ```ignore
//! newsdesk_store::conformance_tests!(((), newsdesk_store::SqliteStore::in_memory().unwrap()));
//! ```

use crate::*;
use chrono::TimeZone;
use newsdesk_model::{Article, BlockKind};

/// Generates one `#[test]` per check, each on a store made by `$make`,
/// an expression giving `(guard, store)`.
#[macro_export]
macro_rules! conformance_tests {
    ($make:expr) => {
        $crate::conformance_tests!(@tests $make;
            feeds_are_added_once_and_removed,
            fetches_update_feed_state_and_keep_validators,
            articles_are_kept_once_by_url_and_by_content,
            raw_pages_round_trip_compressed,
            stories_collect_articles_and_versions,
            an_article_joins_one_story_only,
            stories_list_newest_first_with_paging,
            unknown_ids_are_errors_or_absent,
            articles_are_found_by_fetch_url_and_canonical_url,
            memberships_since_resume_story_detection,
            stories_needing_a_version_are_listed,
            stories_are_found_by_the_words_of_their_latest_version,
            a_story_starts_with_its_first_article,
            a_merged_story_gives_its_articles_and_leads_to_the_other,
            due_feeds_are_leased_to_one_worker_at_a_time
        );
    };
    (@tests $make:expr; $($check:ident),*) => {
        $(
            #[test]
            fn $check() {
                let (_guard, mut store) = $make;
                $crate::conformance::$check(&mut store);
            }
        )*
    };
}

pub fn at(minute: u32) -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 20, 8, minute, 0)
        .unwrap()
}

pub fn article(title: &str, body: &str, url: Option<&str>) -> Article {
    let mut article = Article {
        origin: url.unwrap_or("test").to_string(),
        title: Some(title.to_string()),
        outlet: Some("Test Outlet".to_string()),
        url: url.map(str::to_string),
        published: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        ..Article::default()
    };
    article.push_block(BlockKind::Paragraph, body);
    article
}

fn new<'a>(article: &'a Article, feed: Option<FeedId>) -> NewArticle<'a> {
    NewArticle {
        article,
        url: article.url.as_deref(),
        feed,
        fetched_at: at(0),
        raw_page: None,
    }
}

pub fn feeds_are_added_once_and_removed<S: Store>(store: &mut S) {
    let first = store
        .add_feed("https://a.example/feed", Some("A"), at(0))
        .unwrap();
    assert!(matches!(first, Added::New(_)));
    let again = store
        .add_feed("https://a.example/feed", None, at(1))
        .unwrap();
    assert_eq!(again, Added::Existing(first.id()));
    store
        .add_feed("https://b.example/rss", None, at(2))
        .unwrap();
    let urls: Vec<String> = store.feeds().unwrap().into_iter().map(|f| f.url).collect();
    assert_eq!(urls, ["https://a.example/feed", "https://b.example/rss"]);
    let feed = store.feed("https://a.example/feed").unwrap().unwrap();
    assert_eq!(
        (feed.title.as_deref(), feed.added_at, feed.article_count),
        (Some("A"), at(0), 0)
    );
    assert!(store.remove_feed("https://a.example/feed").unwrap());
    assert!(!store.remove_feed("https://a.example/feed").unwrap());
    assert_eq!(store.feeds().unwrap().len(), 1);
}

pub fn fetches_update_feed_state_and_keep_validators<S: Store>(store: &mut S) {
    let feed = store
        .add_feed("https://a.example/feed", None, at(0))
        .unwrap()
        .id();
    let ok = Fetch {
        feed,
        url: "https://a.example/feed".into(),
        at: at(1),
        status: Some(200),
        error: None,
        bytes: 1200,
        duration_ms: 35,
        etag: Some("\"v1\"".into()),
        last_modified: Some("Fri, 20 Nov 2026 08:00:00 GMT".into()),
        next_due_at: Some(at(31)),
    };
    store.record_fetch(&ok).unwrap();
    let failed = Fetch {
        at: at(31),
        status: Some(503),
        error: Some("503 Service Unavailable".into()),
        bytes: 0,
        etag: None,
        last_modified: None,
        next_due_at: Some(at(41)),
        ..ok.clone()
    };
    store.record_fetch(&failed).unwrap();
    let state = store.feed("https://a.example/feed").unwrap().unwrap();
    assert_eq!(state.last_status, Some(503));
    assert_eq!(state.last_error.as_deref(), Some("503 Service Unavailable"));
    assert_eq!(
        state.etag.as_deref(),
        Some("\"v1\""),
        "a failed fetch keeps the validators"
    );
    assert_eq!(state.last_fetched_at, Some(at(31)));
    assert_eq!(state.next_due_at, Some(at(41)));
    let log = store.fetch_log(feed, 10).unwrap();
    assert_eq!(log, [failed, ok], "newest first");
    let missing = Fetch {
        feed: feed + 1000,
        ..log[0].clone()
    };
    assert!(store.record_fetch(&missing).is_err());
}

pub fn articles_are_kept_once_by_url_and_by_content<S: Store>(store: &mut S) {
    let feed = store
        .add_feed("https://a.example/feed", None, at(0))
        .unwrap()
        .id();
    let a = article(
        "Strike",
        "Dock workers walked out on Monday.",
        Some("https://a.example/strike"),
    );
    let first = store.insert_article(&new(&a, Some(feed))).unwrap();
    assert!(matches!(first, Insertion::New(_)));
    let same_url = article(
        "Strike (updated)",
        "Dock workers walked out on Monday morning.",
        Some("https://a.example/strike"),
    );
    assert_eq!(
        store.insert_article(&new(&same_url, Some(feed))).unwrap(),
        Insertion::Duplicate {
            existing: first.id(),
            by: Duplicate::SameUrl
        }
    );
    let same_text = article(
        "Strike",
        "Dock  workers walked OUT on Monday.",
        Some("https://mirror.example/copy"),
    );
    assert_eq!(
        store.insert_article(&new(&same_text, None)).unwrap(),
        Insertion::Duplicate {
            existing: first.id(),
            by: Duplicate::SameContent
        }
    );
    let other = article("Floods", "The river burst its banks.", None);
    assert!(matches!(
        store.insert_article(&new(&other, None)).unwrap(),
        Insertion::New(_)
    ));
    assert_eq!(store.article_count().unwrap(), 2);
    let stored = store.article(first.id()).unwrap().unwrap();
    assert_eq!(stored.article, a);
    assert_eq!(stored.feed, Some(feed));
    assert_eq!(stored.content_hash, content_hash(&a.text));
    assert_eq!(
        store
            .feed("https://a.example/feed")
            .unwrap()
            .unwrap()
            .article_count,
        1
    );
}

pub fn raw_pages_round_trip_compressed<S: Store>(store: &mut S) {
    let a = article("Strike", "Dock workers walked out.", None);
    let page = "<html><body><p>Dock workers walked out.</p></body></html>".repeat(100);
    let id = store
        .insert_article(&NewArticle {
            raw_page: Some(page.as_bytes()),
            ..new(&a, None)
        })
        .unwrap()
        .id();
    assert_eq!(
        store.raw_page(id).unwrap().as_deref(),
        Some(page.as_bytes())
    );
    let b = article("Floods", "The river rose.", None);
    let without = store.insert_article(&new(&b, None)).unwrap().id();
    assert_eq!(store.raw_page(without).unwrap(), None);
}

pub fn stories_collect_articles_and_versions<S: Store>(store: &mut S) {
    let a = store
        .insert_article(&new(&article("One", "First report.", None), None))
        .unwrap()
        .id();
    let b = store
        .insert_article(&new(&article("Two", "Second report.", None), None))
        .unwrap()
        .id();
    assert_eq!(store.unassigned_articles(10).unwrap(), [a, b]);
    let story = store.create_story(at(1)).unwrap();
    store.assign(story, a, None, at(2)).unwrap();
    store.assign(story, b, Some(a), at(3)).unwrap();
    assert!(store.unassigned_articles(10).unwrap().is_empty());
    let members = store.story_articles(story).unwrap();
    assert_eq!(
        members,
        [
            Membership {
                article: a,
                duplicate_of: None,
                added_at: at(2)
            },
            Membership {
                article: b,
                duplicate_of: Some(a),
                added_at: at(3)
            }
        ]
    );
    let v1 = NewStoryVersion {
        headline: "First",
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        article_count: 1,
        story_json: "{\"v\":1}",
    };
    let v2 = NewStoryVersion {
        headline: "Second",
        article_count: 2,
        story_json: "{\"v\":2}",
        ..v1.clone()
    };
    assert_eq!(store.add_story_version(story, &v1, at(4)).unwrap(), 1);
    assert_eq!(store.add_story_version(story, &v2, at(5)).unwrap(), 2);
    let versions = store.story_versions(story).unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.version, v.headline.as_str(), v.article_count))
            .collect::<Vec<_>>(),
        [(1, "First", 1), (2, "Second", 2)]
    );
    assert_eq!(
        store.story_version(story, 1).unwrap().unwrap().story_json,
        "{\"v\":1}"
    );
    assert_eq!(store.story_version(story, 3).unwrap(), None);
}

pub fn an_article_joins_one_story_only<S: Store>(store: &mut S) {
    let a = store
        .insert_article(&new(&article("One", "First report.", None), None))
        .unwrap()
        .id();
    let first = store.create_story(at(1)).unwrap();
    let second = store.create_story(at(1)).unwrap();
    store.assign(first, a, None, at(2)).unwrap();
    assert!(store.assign(second, a, None, at(3)).is_err());
    assert_eq!(store.story_articles(second).unwrap(), []);
}

pub fn stories_list_newest_first_with_paging<S: Store>(store: &mut S) {
    let old = store.create_story(at(1)).unwrap();
    let new_story = store.create_story(at(2)).unwrap();
    let revived = store.create_story(at(3)).unwrap();
    let version = NewStoryVersion {
        headline: "Old story returns",
        date: None,
        article_count: 1,
        story_json: "{}",
    };
    store.add_story_version(old, &version, at(9)).unwrap();
    let ids: Vec<StoryId> = store.stories(10, 0).unwrap().iter().map(|s| s.id).collect();
    assert_eq!(ids, [old, revived, new_story]);
    let page: Vec<StoryId> = store.stories(1, 1).unwrap().iter().map(|s| s.id).collect();
    assert_eq!(page, [revived]);
    let summary = &store.stories(1, 0).unwrap()[0];
    assert_eq!(
        (
            summary.headline.as_deref(),
            summary.versions,
            summary.updated_at
        ),
        (Some("Old story returns"), 1, at(9))
    );
}

pub fn unknown_ids_are_errors_or_absent<S: Store>(store: &mut S) {
    assert_eq!(store.article(42).unwrap(), None);
    assert_eq!(store.raw_page(42).unwrap(), None);
    assert!(store.story_versions(42).unwrap().is_empty());
    assert!(store.assign(42, 43, None, at(0)).is_err());
    let version = NewStoryVersion {
        headline: "x",
        date: None,
        article_count: 0,
        story_json: "{}",
    };
    assert!(store.add_story_version(42, &version, at(0)).is_err());
}

pub fn articles_are_found_by_fetch_url_and_canonical_url<S: Store>(store: &mut S) {
    // Fetched from one address, canonically at another.
    let a = article(
        "Strike",
        "Dock workers walked out.",
        Some("https://a.example/strike"),
    );
    let id = store
        .insert_article(&NewArticle {
            article: &a,
            url: Some("https://a.example/strike?utm_source=feed"),
            feed: None,
            fetched_at: at(0),
            raw_page: None,
        })
        .unwrap()
        .id();
    assert_eq!(
        store.article_by_url("https://a.example/strike").unwrap(),
        Some(id)
    );
    assert_eq!(
        store
            .article_by_url("https://a.example/strike?utm_source=feed")
            .unwrap(),
        Some(id)
    );
    assert_eq!(
        store.article_by_url("https://a.example/other").unwrap(),
        None
    );
    assert_eq!(store.article_by_url("").unwrap(), None);
}

pub fn memberships_since_resume_story_detection<S: Store>(store: &mut S) {
    let mut ids = Vec::new();
    for (minute, title) in [(0, "Old"), (10, "New one"), (20, "New two")] {
        let a = article(title, &format!("{title} body text."), None);
        ids.push(
            store
                .insert_article(&NewArticle {
                    article: &a,
                    url: None,
                    feed: None,
                    fetched_at: at(minute),
                    raw_page: None,
                })
                .unwrap()
                .id(),
        );
    }
    let story = store.create_story(at(20)).unwrap();
    let other = store.create_story(at(20)).unwrap();
    store.assign(story, ids[0], None, at(20)).unwrap();
    store.assign(other, ids[2], None, at(20)).unwrap();
    store.assign(story, ids[1], Some(ids[0]), at(21)).unwrap();
    let since = store.memberships_since(at(10)).unwrap();
    let seen: Vec<_> = since
        .iter()
        .map(|(s, m)| (*s, m.article, m.duplicate_of))
        .collect();
    // Arrival order, the old article left out.
    assert_eq!(
        seen,
        vec![(story, ids[1], Some(ids[0])), (other, ids[2], None)]
    );
    assert_eq!(since[0].1.added_at, at(21));
}

pub fn stories_needing_a_version_are_listed<S: Store>(store: &mut S) {
    let a = article("One", "First body.", None);
    let b = article("Two", "Second body.", None);
    let first = store.insert_article(&new(&a, None)).unwrap().id();
    let second = store.insert_article(&new(&b, None)).unwrap().id();
    let story = store.create_story(at(1)).unwrap();
    assert!(
        store.stories_needing_version().unwrap().is_empty(),
        "an empty story needs nothing"
    );
    store.assign(story, first, None, at(1)).unwrap();
    assert_eq!(store.stories_needing_version().unwrap(), vec![story]);
    let version = NewStoryVersion {
        headline: "One",
        date: None,
        article_count: 1,
        story_json: "{}",
    };
    store.add_story_version(story, &version, at(2)).unwrap();
    assert!(store.stories_needing_version().unwrap().is_empty());
    store.assign(story, second, None, at(3)).unwrap();
    assert_eq!(store.stories_needing_version().unwrap(), vec![story]);
}

fn story_json(lead: &str, body: &str, source_text: &str) -> String {
    serde_json::json!({
        "headline": "unused",
        "lead": [{"text": lead, "citations": [{"source": "S1", "start": 0, "end": 1}]}],
        "sections": [{"heading": "More", "sentences": [{"text": body, "citations": []}]}],
        "sources": [{"id": "S1", "text": source_text}],
    })
    .to_string()
}

pub fn stories_are_found_by_the_words_of_their_latest_version<S: Store>(store: &mut S) {
    let strike = store.create_story(at(1)).unwrap();
    let storm = store.create_story(at(2)).unwrap();
    let strike_json = story_json(
        "Dock workers walked out at the harbour on Monday.",
        "Mediators met the union's négociateurs late at night.",
        "A quarantined word: zeppelin.",
    );
    let storm_json = story_json(
        "A storm closed the coast road.",
        "Ferries stayed in port while the dock flooded.",
        "",
    );
    fn version<'a>(headline: &'a str, json: &'a str) -> NewStoryVersion<'a> {
        NewStoryVersion {
            headline,
            date: None,
            article_count: 1,
            story_json: json,
        }
    }
    store
        .add_story_version(
            strike,
            &version("Harbour strike halts cargo", &strike_json),
            at(3),
        )
        .unwrap();
    store
        .add_story_version(storm, &version("Storm on the coast", &storm_json), at(4))
        .unwrap();
    let ids = |store: &S, query: &str| -> Vec<StoryId> {
        store
            .search_stories(query, 10, 0)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(
        ids(store, "harbour"),
        [strike],
        "a word of the headline and lead"
    );
    assert_eq!(ids(store, "Mediat"), [strike], "the last word is a prefix");
    assert_eq!(
        ids(store, "negociateurs"),
        [strike],
        "accents do not matter"
    );
    assert_eq!(
        ids(store, "zeppelin"),
        [] as [StoryId; 0],
        "source text is not searched"
    );
    assert_eq!(ids(store, "dock flooded"), [storm], "every word must match");
    // A headline match ranks above a match in the text.
    assert_eq!(ids(store, "coast"), [storm]);
    assert_eq!(ids(store, "dock").len(), 2);
    assert_eq!(ids(store, "strike")[0], strike);
    let summary = &store.search_stories("harbour", 10, 0).unwrap()[0];
    assert_eq!(
        (summary.headline.as_deref(), summary.versions),
        (Some("Harbour strike halts cargo"), 1)
    );
    assert_eq!(store.search_stories("dock", 1, 1).unwrap().len(), 1);
    assert!(store
        .search_stories("dock", 10, usize::MAX)
        .unwrap()
        .is_empty());

    // Only the latest version is searched.
    let calm_json = story_json(
        "The harbour reopened after talks.",
        "Cargo moved again.",
        "",
    );
    store
        .add_story_version(strike, &version("Harbour reopens", &calm_json), at(5))
        .unwrap();
    assert_eq!(ids(store, "mediators"), [] as [StoryId; 0]);
    assert_eq!(ids(store, "reopened"), [strike]);

    // Query syntax is taken as words, never as an error.
    for hostile in [
        "\"",
        "*",
        "NEAR(",
        "'",
        "harbour\" OR \"storm",
        "headline:storm",
        "-dock",
        "^x",
        "(",
        "AND",
        "",
    ] {
        assert!(store.search_stories(hostile, 10, 0).is_ok(), "{hostile:?}");
    }
    assert_eq!(ids(store, "\"harbour"), [strike]);
    assert_eq!(ids(store, &"harbour ".repeat(10_000)), [strike]);
    assert!(ids(store, "").is_empty());
}

pub fn a_story_starts_with_its_first_article<S: Store>(store: &mut S) {
    let a = article("One", "First body.", None);
    let first = store.insert_article(&new(&a, None)).unwrap().id();
    let story = store.start_story(first, at(5)).unwrap();
    let members = store.story_articles(story).unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].article, first);
    assert_eq!(members[0].duplicate_of, None);
    assert!(store.unassigned_articles(10).unwrap().is_empty());
    // The article is taken: it cannot start or join another story, and the
    // failed attempt leaves no empty story behind.
    let before = store.stories(100, 0).unwrap().len();
    assert!(store.start_story(first, at(6)).is_err());
    assert_eq!(store.stories(100, 0).unwrap().len(), before);
    // An unknown article starts nothing either.
    assert!(store.start_story(first + 1000, at(6)).is_err());
    assert_eq!(store.stories(100, 0).unwrap().len(), before);
}

pub fn a_merged_story_gives_its_articles_and_leads_to_the_other<S: Store>(store: &mut S) {
    let mut ids = Vec::new();
    for (title, body) in [
        ("One", "First body."),
        ("Two", "Second body."),
        ("Three", "Third body."),
    ] {
        let a = article(title, body, None);
        ids.push(store.insert_article(&new(&a, None)).unwrap().id());
    }
    let kept = store.start_story(ids[0], at(1)).unwrap();
    let gone = store.start_story(ids[1], at(2)).unwrap();
    let later = store.start_story(ids[2], at(3)).unwrap();
    let version = NewStoryVersion {
        headline: "Gone story",
        date: None,
        article_count: 1,
        story_json: "{}",
    };
    store.add_story_version(gone, &version, at(4)).unwrap();
    store.add_story_version(kept, &version, at(4)).unwrap();
    assert_eq!(store.merged_into(gone).unwrap(), None);

    store.merge_stories(gone, kept, at(5)).unwrap();
    let members: Vec<ArticleId> = store
        .story_articles(kept)
        .unwrap()
        .iter()
        .map(|m| m.article)
        .collect();
    assert_eq!(members, [ids[0], ids[1]]);
    assert!(store.story_articles(gone).unwrap().is_empty());
    assert_eq!(store.merged_into(gone).unwrap(), Some(kept));
    assert_eq!(store.merged_into(kept).unwrap(), None);
    // Gone from listings and search; the kept story needs a new version.
    let listed: Vec<StoryId> = store.stories(10, 0).unwrap().iter().map(|s| s.id).collect();
    assert!(!listed.contains(&gone), "{listed:?}");
    assert!(store
        .search_stories("gone", 10, 0)
        .unwrap()
        .iter()
        .all(|s| s.id != gone));
    assert_eq!(store.stories_needing_version().unwrap(), vec![kept, later]);
    // Its versions stay readable, as history.
    assert_eq!(store.story_versions(gone).unwrap().len(), 1);

    // A chain of merges leads to the last story.
    store.merge_stories(kept, later, at(6)).unwrap();
    assert_eq!(store.merged_into(gone).unwrap(), Some(later));
    let mut merged = vec![gone, kept];
    merged.sort_unstable();
    assert_eq!(store.merged_stories().unwrap(), merged);
    assert_eq!(store.story_articles(later).unwrap().len(), 3);

    // What cannot be merged is an error that changes nothing.
    assert!(store.merge_stories(later, later, at(7)).is_err());
    assert!(
        store.merge_stories(later, gone, at(7)).is_err(),
        "into a merged story"
    );
    assert!(store.merge_stories(later + 100, later, at(7)).is_err());
    assert!(store.merge_stories(later, later + 100, at(7)).is_err());
    assert_eq!(store.story_articles(later).unwrap().len(), 3);
    assert_eq!(store.merged_into(later).unwrap(), None);
    assert_eq!(store.merged_into(later + 100).unwrap(), None);
}

pub fn due_feeds_are_leased_to_one_worker_at_a_time<S: Store>(store: &mut S) {
    let urls = [
        "https://a.example/feed",
        "https://b.example/feed",
        "https://c.example/feed",
    ];
    let ids: Vec<FeedId> = urls
        .iter()
        .enumerate()
        .map(|(i, url)| store.add_feed(url, None, at(i as u32)).unwrap().id())
        .collect();
    let leased = |feeds: Vec<Feed>| feeds.into_iter().map(|f| f.id).collect::<Vec<_>>();
    // c was fetched and is next due at minute 40.
    store
        .record_fetch(&Fetch {
            feed: ids[2],
            url: urls[2].into(),
            at: at(3),
            status: Some(200),
            error: None,
            bytes: 10,
            duration_ms: 1,
            etag: None,
            last_modified: None,
            next_due_at: Some(at(40)),
        })
        .unwrap();

    // Due feeds go out longest due first, each to one worker.
    let first = store.lease_due_feeds("w1", at(10), at(20), 1).unwrap();
    assert_eq!(leased(first), [ids[0]]);
    let second = store.lease_due_feeds("w2", at(10), at(20), 10).unwrap();
    assert_eq!(
        leased(second),
        [ids[1]],
        "a leased feed is not handed out again"
    );
    assert!(store
        .lease_due_feeds("w2", at(11), at(21), 10)
        .unwrap()
        .is_empty());
    assert!(
        store
            .lease_due_feeds("w1", at(11), at(21), 10)
            .unwrap()
            .is_empty(),
        "not to its holder either: a pass takes each feed once"
    );

    // Recording a fetch lets the feed go; it is due again at its time.
    let fetched = Fetch {
        feed: ids[0],
        url: urls[0].into(),
        at: at(12),
        status: Some(304),
        error: None,
        bytes: 0,
        duration_ms: 1,
        etag: None,
        last_modified: None,
        next_due_at: Some(at(30)),
    };
    store.record_fetch(&fetched).unwrap();
    assert!(store
        .lease_due_feeds("w2", at(13), at(23), 10)
        .unwrap()
        .is_empty());

    // A dead worker's lease lapses; at minute 45 all three are due again,
    // the longest due first (b's lease ran out at 20, a was due at 30, c at 40).
    let later = store.lease_due_feeds("w3", at(45), at(55), 10).unwrap();
    assert_eq!(leased(later), [ids[1], ids[0], ids[2]]);
    let feed = store.feed(urls[0]).unwrap().unwrap();
    assert_eq!(
        feed.last_status,
        Some(304),
        "leasing leaves the feed's state alone"
    );
    assert_eq!(
        store.lease_due_feeds("w3", at(45), at(55), 0).unwrap(),
        vec![]
    );
    assert_eq!(store.lease_holders().unwrap(), ["w3"]);

    // A feed fetched since `now` is not due again within the same pass,
    // even when its next fetch is due at once.
    store.release_feeds("w3").unwrap();
    assert!(store.lease_holders().unwrap().is_empty());
    store
        .record_fetch(&Fetch {
            at: at(46),
            next_due_at: Some(at(44)),
            ..fetched.clone()
        })
        .unwrap();
    let again = store.lease_due_feeds("w3", at(45), at(55), 10).unwrap();
    assert_eq!(leased(again), [ids[1], ids[2]]);
    assert_eq!(
        leased(store.lease_due_feeds("w4", at(47), at(57), 10).unwrap()),
        [ids[0]],
        "due at the next pass"
    );

    // A dead worker's feeds are let go before their lease ends.
    store.release_worker("w3").unwrap();
    assert_eq!(store.lease_holders().unwrap(), ["w4"]);
    assert_eq!(
        leased(store.lease_due_feeds("w5", at(48), at(58), 10).unwrap()),
        [ids[1], ids[2]]
    );
}

/// Two handles on one database (`open` makes each): only one is the
/// placer, until it is dropped.
pub fn one_handle_at_a_time_is_the_placer<S: Store>(open: impl Fn() -> S) {
    let mut first = open();
    let mut second = open();
    assert_eq!(
        first.claim_placer("w1", at(0), at(10)).unwrap(),
        PlacerClaim::Taken
    );
    assert_eq!(
        second.claim_placer("w2", at(1), at(11)).unwrap(),
        PlacerClaim::Refused
    );
    assert_eq!(
        first.claim_placer("w1", at(2), at(12)).unwrap(),
        PlacerClaim::Kept,
        "kept by its holder"
    );
    assert_eq!(
        second.claim_placer("w2", at(3), at(13)).unwrap(),
        PlacerClaim::Refused
    );
    drop(first);
    assert_eq!(
        second.claim_placer("w2", at(4), at(14)).unwrap(),
        PlacerClaim::Taken,
        "a dropped holder lets go"
    );
    let mut third = open();
    assert_eq!(
        third.claim_placer("w3", at(5), at(15)).unwrap(),
        PlacerClaim::Refused
    );
}
