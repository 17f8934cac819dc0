//! Scanning against a real HTTP server on 127.0.0.1 serving invented
//! outlets (newsdesk-testkit): good feeds of three stories and six broken
//! sources, stored in a real SQLite file.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use newsdesk_fetch::{FetchConfig, Fetcher};
use newsdesk_scan::{Intervals, PassReport, ScanConfig, Scanner, StopSignal};
use newsdesk_store::{SqliteStore, Store};
use newsdesk_testkit::{Newsroom, BAD_FEEDS, GOOD_FEEDS};

fn fetcher() -> Fetcher {
    let mut config = FetchConfig::new("newsdesk tests (tests@example.invalid)");
    config.allow_loopback = true;
    config.total_timeout = Duration::from_secs(2);
    config.connect_timeout = Duration::from_secs(2);
    config.max_body_bytes = 4 * 1024 * 1024;
    config.max_retries = 0;
    config.per_host_delay = Duration::ZERO;
    config.per_host_concurrency = 8;
    Fetcher::new(config).unwrap()
}

/// Every feed is due at every pass, so passes exercise conditional GET.
fn config() -> ScanConfig {
    ScanConfig {
        intervals: Intervals {
            default: Duration::ZERO,
            min: Duration::ZERO,
            max: Duration::ZERO,
        },
        ..ScanConfig::default()
    }
}

struct Setup {
    newsroom: Newsroom,
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

fn setup(feeds: &[&str]) -> Setup {
    let newsroom = Newsroom::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    let mut store = SqliteStore::open(&path).unwrap();
    for feed in feeds {
        store
            .add_feed(&newsroom.url(feed), None, chrono::Utc::now())
            .unwrap();
    }
    Setup {
        newsroom,
        _dir: dir,
        path,
    }
}

fn scanner(setup: &Setup) -> Scanner<SqliteStore> {
    scanner_with(setup, config())
}

fn scanner_with(setup: &Setup, config: ScanConfig) -> Scanner<SqliteStore> {
    Scanner::new(SqliteStore::open(&setup.path).unwrap(), fetcher(), config).unwrap()
}

async fn pass(scanner: &mut Scanner<SqliteStore>) -> PassReport {
    scanner.pass(&(), &StopSignal::default()).await.unwrap()
}

/// Stored story of each article, by URL path.
fn story_of_each(store: &SqliteStore, newsroom: &Newsroom) -> HashMap<String, i64> {
    let since = chrono::DateTime::UNIX_EPOCH;
    let mut stories = HashMap::new();
    for (story, membership) in store.memberships_since(since).unwrap() {
        let article = store.article(membership.article).unwrap().unwrap();
        let url = article.url.unwrap();
        let path = url.strip_prefix(&newsroom.url("")).unwrap().to_string();
        assert!(
            stories.insert(path.clone(), story).is_none(),
            "{path} stored twice"
        );
    }
    stories
}

#[tokio::test]
async fn a_pass_keeps_every_article_once_and_groups_the_stories() {
    let feeds: Vec<&str> = GOOD_FEEDS.iter().chain(BAD_FEEDS).copied().collect();
    let setup = setup(&feeds);
    let mut scanner = scanner(&setup);
    let report = pass(&mut scanner).await;
    let store = scanner.store();

    let expected = newsdesk_testkit::story_paths();
    let total: usize = expected.iter().map(Vec::len).sum();
    assert_eq!(report.articles_new, total, "{report:?}");
    assert_eq!(store.article_count().unwrap(), total as u64);
    assert_eq!(
        report.feeds_failed, 4,
        "slow, loop, missing, broken: {report:?}"
    );
    assert_eq!(report.pages_failed, 2, "huge and bomb pages: {report:?}");

    // Each invented story is one stored story, and no two share one.
    let stories = story_of_each(store, &setup.newsroom);
    let mut seen = BTreeSet::new();
    for paths in &expected {
        let ids: BTreeSet<i64> = paths
            .iter()
            .map(|p| *stories.get(p).unwrap_or_else(|| panic!("{p} not stored")))
            .collect();
        assert_eq!(ids.len(), 1, "{paths:?} split over stories {ids:?}");
        assert!(seen.insert(*ids.first().unwrap()), "two stories merged");
    }
    assert_eq!(report.stories_new, 3);

    // Each story has a written version, made from all its articles.
    assert!(store.stories_needing_version().unwrap().is_empty());
    for summary in store.stories(10, 0).unwrap() {
        assert_eq!(summary.versions, 1);
        let version = store.story_version(summary.id, 1).unwrap().unwrap();
        let story: newsdesk_model::Story = serde_json::from_str(&version.story_json).unwrap();
        assert!(!story.lead.is_empty());
        assert_eq!(story.sources.len() as u32, summary.article_count);
    }
}

#[tokio::test]
async fn broken_sources_are_recorded_with_their_reason() {
    let setup = setup(BAD_FEEDS);
    let mut scanner = scanner(&setup);
    let report = pass(&mut scanner).await;
    assert_eq!(report.articles_new, 0);
    let store = scanner.store();
    let error_of = |path: &str| {
        store
            .feed(&setup.newsroom.url(path))
            .unwrap()
            .unwrap()
            .last_error
            .unwrap_or_else(|| panic!("{path} recorded no error"))
    };
    assert!(
        error_of("/slow/rss.xml").contains("timed out"),
        "{}",
        error_of("/slow/rss.xml")
    );
    assert!(error_of("/loop/rss.xml").contains("redirects"));
    assert!(error_of("/missing/rss.xml").contains("404"));
    assert!(!error_of("/broken/rss.xml").is_empty());
    for path in ["/huge/rss.xml", "/bomb/rss.xml"] {
        let error = error_of(path);
        assert!(error.contains("1 article pages failed"), "{error}");
        assert!(error.contains("larger than the limit"), "{error}");
    }
    // Each failure is in the fetch log too.
    let missing = store
        .feed(&setup.newsroom.url("/missing/rss.xml"))
        .unwrap()
        .unwrap();
    let log = store.fetch_log(missing.id, 5).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].status, Some(404));
}

#[tokio::test]
async fn a_windows_1252_page_without_a_charset_reads_right() {
    let setup = setup(&["/gazette/rss.xml"]);
    let mut scanner = scanner(&setup);
    assert_eq!(pass(&mut scanner).await.articles_new, 1);
    let store = scanner.store();
    let id = store
        .article_by_url(&setup.newsroom.url("/gazette/ridgeway-cracks-cost.html"))
        .unwrap()
        .unwrap();
    let article = store.article(id).unwrap().unwrap().article;
    assert!(
        article.text.contains("\u{20ac}23 million"),
        "{}",
        article.text
    );
    assert!(article.text.contains("city\u{2019}s finance officer"));
    assert!(article.text.contains("Ren\u{e9}e Daubigny"));
    assert_eq!(article.outlet.as_deref(), Some("Tennel Gazette"));
    // The raw page is kept as fetched, so extraction can be re-run.
    let raw = store.raw_page(id).unwrap().unwrap();
    assert!(raw.contains(&0x80), "the euro sign's Windows-1252 byte");
}

#[tokio::test]
async fn a_second_pass_asks_conditionally_and_writes_nothing() {
    let setup = setup(GOOD_FEEDS);
    let mut scanner = scanner(&setup);
    let first = pass(&mut scanner).await;
    assert!(first.articles_new > 0);
    setup.newsroom.clear_hits();

    let second = pass(&mut scanner).await;
    assert_eq!(second.articles_new, 0, "{second:?}");
    assert_eq!(second.versions_written, 0);
    assert_eq!(second.feeds_unchanged, GOOD_FEEDS.len());
    let hits = setup.newsroom.hits();
    let feed_hits: Vec<_> = hits
        .iter()
        .filter(|h| GOOD_FEEDS.contains(&h.path.as_str()))
        .collect();
    assert_eq!(feed_hits.len(), GOOD_FEEDS.len(), "{hits:?}");
    assert!(
        feed_hits.iter().all(|h| h.conditional && h.status == 304),
        "{hits:?}"
    );
    assert!(
        hits.iter()
            .all(|h| !h.path.ends_with(".html") && !h.path.ends_with(".txt")),
        "no article page fetched again: {hits:?}"
    );
    for summary in scanner.store().stories(10, 0).unwrap() {
        assert_eq!(summary.versions, 1);
    }
}

#[tokio::test]
async fn a_new_article_writes_a_version_of_its_story_only() {
    let setup = setup(GOOD_FEEDS);
    let mut scanner = scanner(&setup);
    pass(&mut scanner).await;
    let before: HashMap<i64, u32> = scanner
        .store()
        .stories(10, 0)
        .unwrap()
        .into_iter()
        .map(|s| (s.id, s.versions))
        .collect();

    setup.newsroom.publish_follow_up();
    let report = pass(&mut scanner).await;
    assert_eq!(report.articles_new, 1, "{report:?}");
    assert_eq!(report.stories_new, 0, "the follow-up joins its story");
    assert_eq!(report.versions_written, 1);

    let stories = story_of_each(scanner.store(), &setup.newsroom);
    let wildfire = stories["/wire/granger-ridge-fire-contained.html"];
    assert_eq!(
        wildfire,
        stories["/courier/pine-hollow-wildfire-evacuation.html"]
    );
    for summary in scanner.store().stories(10, 0).unwrap() {
        let expected = before[&summary.id] + u32::from(summary.id == wildfire);
        assert_eq!(summary.versions, expected, "story {}", summary.id);
    }
    let versions = scanner.store().story_versions(wildfire).unwrap();
    assert_eq!(versions[1].article_count, versions[0].article_count + 1);
}

#[tokio::test]
async fn a_restarted_scanner_resumes_the_same_stories() {
    let setup = setup(GOOD_FEEDS);
    {
        let mut scanner = scanner(&setup);
        pass(&mut scanner).await;
    }
    // A new process: the detector is rebuilt from the store.
    let mut scanner = scanner(&setup);
    setup.newsroom.publish_follow_up();
    let report = pass(&mut scanner).await;
    assert_eq!(report.articles_new, 1);
    assert_eq!(
        report.stories_new, 0,
        "the follow-up joins the stored story: {report:?}"
    );
    assert_eq!(scanner.store().stories(10, 0).unwrap().len(), 3);
}

/// Adds a local directory to the store's sources; returns its URL.
fn watch_directory(setup: &Setup, directory: &std::path::Path) -> url::Url {
    let directory_url = url::Url::from_directory_path(directory).unwrap();
    let mut store = SqliteStore::open(&setup.path).unwrap();
    store
        .add_feed(directory_url.as_str(), None, chrono::Utc::now())
        .unwrap();
    directory_url
}

#[tokio::test]
async fn a_single_article_url_and_a_local_directory_are_sources_too() {
    let setup = setup(&["/courier/ridgeway-bridge-closed.html"]);
    let examples =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-strike");
    let directory = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, directory.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(directory.path().join("empty.txt"), "").unwrap();
    std::fs::write(directory.path().join("ignored.pdf"), "%PDF").unwrap();
    let directory_url = watch_directory(&setup, directory.path());
    let mut scanner = scanner(&setup);
    let report = pass(&mut scanner).await;
    assert_eq!(
        report.articles_new, 5,
        "one page and four files: {report:?}"
    );
    assert_eq!(report.pages_failed, 1, "the empty file");
    let store = scanner.store();
    let directory_feed = store.feed(directory_url.as_str()).unwrap().unwrap();
    assert!(directory_feed.last_error.unwrap().contains("empty.txt"));
    assert_eq!(store.stories(10, 0).unwrap().len(), 2, "bridge and harbor");
    // The next pass stores nothing again: the files are known by URL, the
    // page (which has no validators) by its URL once refetched.
    let again = pass(&mut scanner).await;
    assert_eq!(again.articles_new, 0, "{again:?}");
    assert_eq!(again.articles_known, 1, "{again:?}");
    assert_eq!(scanner.store().article_count().unwrap(), 5);
}

#[tokio::test]
async fn a_directory_of_newswire_files_gives_an_article_per_document() {
    let setup = setup(&[]);
    let directory = tempfile::tempdir().unwrap();
    let (file, docnos) = newsdesk_testkit::newswire_file();
    // An extension-less file, as TREC and DUC keep them.
    std::fs::write(directory.path().join("APW19990305"), file).unwrap();
    let directory_url = watch_directory(&setup, directory.path());
    let mut scanner = scanner(&setup);
    let report = pass(&mut scanner).await;
    assert_eq!(report.articles_new, 2, "{report:?}");
    assert_eq!(report.pages_failed, 1, "the document without text");
    let store = scanner.store();
    let feed = store.feed(directory_url.as_str()).unwrap().unwrap();
    assert!(
        feed.last_error
            .as_deref()
            .unwrap_or("")
            .contains("document 2"),
        "{:?}",
        feed.last_error
    );
    let file_url = url::Url::from_file_path(directory.path().join("APW19990305")).unwrap();
    for docno in docnos {
        let id = store
            .article_by_url(&format!("{file_url}#{docno}"))
            .unwrap()
            .expect("each document under its own URL");
        let stored = store.article(id).unwrap().unwrap();
        assert!(stored.article.outlet.is_some(), "{docno}: the agency");
    }
    assert_eq!(store.stories(10, 0).unwrap().len(), 1, "one strike story");
    // The next pass stores nothing again.
    let again = pass(&mut scanner).await;
    assert_eq!(again.articles_new, 0, "{again:?}");
    assert_eq!(scanner.store().article_count().unwrap(), 2);
}

#[tokio::test]
async fn a_raised_stop_signal_ends_the_pass_without_writing_half() {
    let setup = setup(GOOD_FEEDS);
    let mut scanner = scanner(&setup);
    let stop = StopSignal::default();
    stop.stop();
    let report = scanner.pass(&(), &stop).await.unwrap();
    assert!(report.stopped);
    assert_eq!(report.articles_new, 0);
    // No feed was marked fetched, so nothing is skipped next time.
    let store = scanner.store();
    assert!(store
        .feeds()
        .unwrap()
        .iter()
        .all(|f| f.last_fetched_at.is_none()));
    let report = pass(&mut scanner).await;
    assert_eq!(report.articles_new, 11);
}

#[tokio::test]
async fn a_scanner_that_is_not_the_placer_stores_and_the_placer_places() {
    let setup = setup(GOOD_FEEDS);
    let mut placer = scanner(&setup);
    let mut other = scanner(&setup);
    assert_ne!(placer.worker(), other.worker());

    // The placer's first pass claims the role and reads every due feed.
    let first = pass(&mut placer).await;
    assert!(first.placer, "{first:?}");
    let expected = newsdesk_testkit::story_paths();
    let total: usize = expected.iter().map(Vec::len).sum();
    assert_eq!(first.articles_new, total);

    // A follow-up appears; the other scanner, refused the role, reads it
    // and stores it, in no story.
    setup.newsroom.publish_follow_up();
    let second = pass(&mut other).await;
    assert!(!second.placer, "{second:?}");
    assert_eq!(second.articles_new, 1, "{second:?}");
    assert_eq!((second.stories_new, second.versions_written), (0, 0));
    assert_eq!(other.store().unassigned_articles(10).unwrap().len(), 1);

    // The placer's next pass places it and writes its story.
    let third = pass(&mut placer).await;
    assert!(third.placer);
    assert_eq!(third.articles_new, 0, "nothing new to fetch: {third:?}");
    assert_eq!(third.versions_written, 1, "{third:?}");
    assert!(placer.store().unassigned_articles(10).unwrap().is_empty());
    assert!(placer.store().stories_needing_version().unwrap().is_empty());

    // When the placer stops, the other takes over, rebuilding story
    // detection from the store, and places into the same stories.
    drop(placer);
    let before = story_of_each(other.store(), &setup.newsroom);
    let fourth = pass(&mut other).await;
    assert!(fourth.placer, "{fourth:?}");
    assert_eq!(fourth.stories_new, 0);
    assert_eq!(story_of_each(other.store(), &setup.newsroom), before);
}

#[tokio::test]
async fn a_long_run_forgets_stories_older_than_its_window() {
    // Story detection rebuilt at every pass from the stories of the last
    // fortnight: what a run of a year does once a day.
    let setup = setup(GOOD_FEEDS);
    let refreshing = ScanConfig {
        story_refresh: Duration::ZERO,
        ..config()
    };
    let mut scanner = scanner_with(&setup, refreshing.clone());
    pass(&mut scanner).await;
    setup.newsroom.publish_follow_up();
    let report = pass(&mut scanner).await;
    assert_eq!(
        (report.articles_new, report.stories_new),
        (1, 0),
        "rebuilt from the window, the follow-up still joins its story: {report:?}"
    );
    drop(scanner);

    // With a window that holds nothing, the stories are forgotten: an
    // article now starts a story of its own.
    let setup = self::setup(GOOD_FEEDS);
    let forgetful = ScanConfig {
        story_window: Duration::ZERO,
        ..refreshing
    };
    let mut scanner = scanner_with(&setup, forgetful);
    pass(&mut scanner).await;
    setup.newsroom.publish_follow_up();
    let report = pass(&mut scanner).await;
    assert_eq!(
        (report.articles_new, report.stories_new),
        (1, 1),
        "{report:?}"
    );
}

#[tokio::test]
async fn a_page_cannot_take_over_another_sites_article_with_its_canonical_link() {
    use newsdesk_model::DropReason;
    // The impostor's page, fetched from 127.0.0.1, names the courier's
    // article on `localhost` (another site) as its own; a second page
    // names a `javascript:` address.
    let setup = setup(&["/impostor/rss.xml"]);
    let mut scanner = scanner(&setup);
    let report = pass(&mut scanner).await;
    assert_eq!(report.articles_new, 2, "{report:?}");
    let victim = setup
        .newsroom
        .url(newsdesk_testkit::IMPOSTOR_VICTIM)
        .replace("127.0.0.1", "localhost");
    for (path, canonical) in [
        ("/impostor/ridgeway-exclusive.html", victim.as_str()),
        (
            "/impostor/script-canonical.html",
            "javascript:alert(document.domain)",
        ),
    ] {
        let fetched = setup.newsroom.url(path);
        let id = scanner
            .store()
            .article_by_url(&fetched)
            .unwrap()
            .unwrap_or_else(|| panic!("{path} is kept under the address it was fetched from"));
        let stored = scanner.store().article(id).unwrap().unwrap();
        assert_eq!(stored.article.url.as_deref(), Some(fetched.as_str()));
        assert!(
            stored
                .article
                .dropped
                .iter()
                .any(|d| d.reason == DropReason::ForeignCanonical && d.text == canonical),
            "why is recorded: {:?}",
            stored.article.dropped
        );
    }
    assert_eq!(scanner.store().article_by_url(&victim).unwrap(), None);

    // The real article, when its own site's feed lists it, is fetched and
    // stored with its own text.
    let courier_feed = setup
        .newsroom
        .url("/courier/rss.xml")
        .replace("127.0.0.1", "localhost");
    SqliteStore::open(&setup.path)
        .unwrap()
        .add_feed(&courier_feed, None, chrono::Utc::now())
        .unwrap();
    let report = pass(&mut scanner).await;
    assert!(report.articles_new >= 1, "{report:?}");
    let id = scanner
        .store()
        .article_by_url(&victim)
        .unwrap()
        .expect("the courier's own article is stored");
    let stored = scanner.store().article(id).unwrap().unwrap();
    assert_eq!(
        stored.article.title.as_deref(),
        Some("Ridgeway Bridge closed after inspectors find cracks in main girder")
    );
    assert_eq!(stored.article.outlet.as_deref(), Some("Marlow Courier"));
}
