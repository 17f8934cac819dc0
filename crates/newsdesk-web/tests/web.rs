//! The site over a real SQLite store, served on 127.0.0.1 and read with a
//! real HTTP client; the browser tests (in `web/browser.rs`) drive
//! headless Chromium through chromedriver.

#[path = "web/browser.rs"]
mod browser;

use chrono::TimeZone;
use newsdesk_model::Story;
use newsdesk_store::{NewArticle, NewStoryVersion, SqliteStore, Store, StoryId};
use newsdesk_web::SiteOptions;
use std::path::{Path, PathBuf};

pub fn at(minute: u32) -> chrono::DateTime<chrono::Utc> {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 20, 8, minute, 0)
        .unwrap()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-strike")
}

/// The invented harbour-strike articles, extracted as `newsdesk digest` does.
pub fn harbor_articles() -> Vec<newsdesk_model::Article> {
    let mut names: Vec<_> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|path| {
            let format = if path.extension().is_some_and(|e| e == "html") {
                newsdesk_extract::Format::Html
            } else {
                newsdesk_extract::Format::Text
            };
            let stem = path.file_stem().unwrap().to_str().unwrap();
            newsdesk_extract::extract(
                &std::fs::read(path).unwrap(),
                format,
                path.to_str().unwrap(),
                Some(stem),
            )
            .unwrap()
        })
        .collect()
}

/// Stores `articles` as one story and writes a version from the first
/// `counts[i]` of them for each `i`; returns the story's id.
pub fn write_story(
    store: &mut SqliteStore,
    articles: &[newsdesk_model::Article],
    counts: &[usize],
    minute: u32,
) -> StoryId {
    let story = store.create_story(at(minute)).unwrap();
    let mut assigned = 0;
    for (round, &count) in counts.iter().enumerate() {
        let now = at(minute + round as u32 + 1);
        for article in &articles[assigned..count] {
            let id = store
                .insert_article(&NewArticle {
                    article,
                    url: article.url.as_deref(),
                    feed: None,
                    fetched_at: now,
                    raw_page: None,
                })
                .unwrap()
                .id();
            store.assign(story, id, None, now).unwrap();
        }
        assigned = count;
        let composed = newsdesk_compose::compose(&articles[..count], &Default::default()).unwrap();
        add_version(store, story, &composed, now);
    }
    story
}

pub fn add_version(
    store: &mut SqliteStore,
    story: StoryId,
    composed: &Story,
    now: chrono::DateTime<chrono::Utc>,
) {
    let json = serde_json::to_string(composed).unwrap();
    let count = store.story_articles(story).unwrap().len() as u32;
    store
        .add_story_version(
            story,
            &NewStoryVersion {
                headline: &composed.headline,
                date: composed.date,
                article_count: count,
                story_json: &json,
            },
            now,
        )
        .unwrap();
}

/// Payloads that must reach the page as text and run nothing.
pub const SCRIPT_PAYLOAD: &str = "<script>window.pwned = 'script'</script>";
pub const ONERROR_PAYLOAD: &str = "<img src=x onerror=\"window.pwned = 'onerror'\">";
pub const JAVASCRIPT_URL: &str = "javascript:window.pwned='href'";

/// A story whose every source-derived field carries a payload.
pub fn hostile_story() -> Story {
    let text = format!(
        "Officials said {SCRIPT_PAYLOAD} was found. A second line read {ONERROR_PAYLOAD} in full."
    );
    let first_end = text.find(" A second").unwrap();
    let sentence = |start: usize, end: usize| {
        serde_json::json!({
            "text": text[start..end].trim(),
            "citations": [{ "source": "S1", "start": start, "end": end }]
        })
    };
    serde_json::from_value(serde_json::json!({
        "headline": format!("Hostile {SCRIPT_PAYLOAD} headline"),
        "date": "2026-11-20",
        "dateline": ONERROR_PAYLOAD,
        "lead": [sentence(0, first_end)],
        "sections": [{ "heading": ONERROR_PAYLOAD, "sentences": [sentence(first_end + 1, text.len())] }],
        "statements": [],
        "perspectives": [{ "actor": SCRIPT_PAYLOAD, "position": sentence(0, first_end) }],
        "next": [],
        "sources": [{
            "id": "S1",
            "outlet": format!("Outlet {ONERROR_PAYLOAD}"),
            "title": SCRIPT_PAYLOAD,
            "date": "2026-11-20",
            "origin": "hostile.txt",
            "url": JAVASCRIPT_URL,
            "role": "news",
            "text": text,
        }],
        "note": SCRIPT_PAYLOAD,
    }))
    .unwrap()
}

/// A store file with the harbour story (two versions: two articles, then
/// all four) and the hostile story; returns the directory, the store's
/// path, and the two stories' ids.
pub fn populated_store() -> (tempfile::TempDir, PathBuf, StoryId, StoryId) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    let mut store = SqliteStore::open(&path).unwrap();
    let articles = harbor_articles();
    let harbor = write_story(&mut store, &articles, &[2, articles.len()], 0);
    let hostile = store.create_story(at(30)).unwrap();
    add_version(&mut store, hostile, &hostile_story(), at(31));
    let feed = store
        .add_feed(
            "https://wire.example/feed.xml",
            Some(&format!("Wire {SCRIPT_PAYLOAD}")),
            at(0),
        )
        .unwrap()
        .id();
    store
        .record_fetch(&newsdesk_store::Fetch {
            feed,
            url: "https://wire.example/feed.xml".to_string(),
            at: at(40),
            status: Some(503),
            error: Some(format!("server said {ONERROR_PAYLOAD}")),
            bytes: 0,
            duration_ms: 12,
            etag: None,
            last_modified: None,
            next_due_at: None,
        })
        .unwrap();
    (dir, path, harbor, hostile)
}

/// A running site on 127.0.0.1; stops when dropped.
pub struct Site {
    pub base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<Result<(), newsdesk_web::WebError>>>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Site {
    pub fn start(store: &Path) -> Site {
        Site::start_with(store, SiteOptions::default())
    }

    pub fn start_with(store: &Path, options: SiteOptions) -> Site {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let store = store.to_path_buf();
        let (base, server) = runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let base = format!("http://{}/", listener.local_addr().unwrap());
            let server = tokio::spawn(newsdesk_web::serve(store, listener, options, async move {
                let _ = stopped.await;
            }));
            (base, server)
        });
        Site {
            base,
            stop: Some(stop),
            server: Some(server),
            runtime: Some(runtime),
        }
    }

    /// Tells the server to stop and waits up to `limit` for it to end;
    /// `None` when it was still running then.
    pub fn stop_within(
        mut self,
        limit: std::time::Duration,
    ) -> Option<Result<(), newsdesk_web::WebError>> {
        let _ = self.stop.take()?.send(());
        let server = self.server.take()?;
        let ended = self
            .runtime
            .as_ref()?
            .block_on(async { tokio::time::timeout(limit, server).await });
        Some(ended.ok()?.expect("the server task does not panic"))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }

    pub fn get(&self, path: &str) -> Response {
        let url = self.url(path);
        self.runtime.as_ref().unwrap().block_on(async move {
            let response = client().get(&url).send().await.unwrap();
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.text().await.unwrap();
            Response {
                status,
                headers,
                body,
            }
        })
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(std::time::Duration::from_secs(2));
        }
    }
}

pub fn client() -> reqwest::Client {
    // reqwest is built without a default TLS provider; loopback HTTP needs
    // none, but the client insists on one being installed.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().build().unwrap()
}

pub struct Response {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Response {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }
}

fn harbor_story(store: &Path, id: StoryId) -> Story {
    let store = SqliteStore::open(store).unwrap();
    let latest = store.story_versions(id).unwrap().last().unwrap().version;
    serde_json::from_str(&store.story_version(id, latest).unwrap().unwrap().story_json).unwrap()
}

#[test]
fn front_page_lists_current_stories_newest_first() {
    let (_dir, path, harbor, hostile) = populated_store();
    let site = Site::start(&path);
    let page = site.get("/");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    let story = harbor_story(&path, harbor);
    let harbor_at = page
        .body
        .find(&format!("href=\"/stories/{harbor}\""))
        .unwrap();
    let hostile_at = page
        .body
        .find(&format!("href=\"/stories/{hostile}\""))
        .unwrap();
    assert!(hostile_at < harbor_at, "the newer story comes first");
    let escaped_headline = story.headline.replace('\'', "&#39;").replace('"', "&quot;");
    assert!(
        page.body.contains(&escaped_headline) || page.body.contains(&story.headline),
        "headline shown"
    );
    let outlets = story
        .sources
        .iter()
        .map(|s| &s.outlet)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert!(page.body.contains(&format!("{outlets} outlets")));
    assert!(page.body.contains("4 articles"));
    assert!(page
        .body
        .contains("<time datetime=\"2026-11-20T08:02:00Z\""));
    assert!(page.body.contains("type=\"search\""), "search box");
}

#[test]
fn story_page_shows_every_part_and_the_exact_source_of_each_sentence() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    let page = site.get(&format!("/stories/{harbor}"));
    assert_eq!(page.status, 200);
    let story = harbor_story(&path, harbor);
    let sentences: Vec<_> = story.sentences().collect();
    assert!(sentences.len() > 3);
    // One citation link and one evidence panel per printed sentence.
    for number in 1..=sentences.len() {
        assert!(page
            .body
            .contains(&format!("id=\"cite-{number}\" href=\"#ev-{number}\"")));
        assert!(page.body.contains(&format!("id=\"ev-{number}\"")));
    }
    assert!(!page
        .body
        .contains(&format!("id=\"ev-{}\"", sentences.len() + 1)));
    for heading in ["Sources", "Version history"] {
        assert!(
            page.body.contains(&format!("<h2>{heading}</h2>")),
            "{heading}"
        );
    }
    if !story.perspectives.is_empty() {
        assert!(page.body.contains("<table class=\"perspectives\">"));
    }
    for source in &story.sources {
        assert!(page.body.contains(&format!("id=\"source-{}\"", source.id)));
    }
    assert!(
        !story.timeline.is_empty(),
        "the harbour story has dated events"
    );
    assert!(page.body.contains("<h2>Timeline</h2>"));
    assert_eq!(
        page.body.matches("<li><time datetime=").count(),
        story.timeline.len()
    );
    // Version 2 added the two later articles' outlets.
    assert!(page.body.contains("First written, from 2 articles."));
    assert!(page.body.contains("New reporting from"));
}

#[test]
fn the_api_maps_every_sentence_to_its_exact_source_text() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    let response = site.get(&format!("/api/stories/{harbor}"));
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), "application/json");
    let json: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    let story = harbor_story(&path, harbor);
    assert_eq!(json["version"], 2);
    assert_eq!(json["permalink"], site.url(&format!("stories/{harbor}")));
    let sentences = json["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), story.sentences().count());
    for (printed, sentence) in sentences.iter().zip(story.sentences()) {
        assert_eq!(printed["text"], sentence.text.as_str());
        let sources = printed["sources"].as_array().unwrap();
        assert_eq!(sources.len(), sentence.citations.len());
        for (cited, citation) in sources.iter().zip(&sentence.citations) {
            let source = story.source(&citation.source).unwrap();
            assert_eq!(cited["text"], &source.text[citation.start..citation.end]);
            assert_eq!(cited["outlet"], source.outlet.as_str());
        }
        assert_eq!(sources[0]["printed"], true);
    }
    let list: serde_json::Value = serde_json::from_str(&site.get("/api/stories").body).unwrap();
    assert_eq!(list["stories"].as_array().unwrap().len(), 2);
    assert_eq!(list["has_next"], false);
}

#[test]
fn every_response_carries_the_security_headers() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    for route in [
        "/".to_string(),
        format!("/stories/{harbor}"),
        "/sources".to_string(),
        "/feed.atom".to_string(),
        "/api/stories".to_string(),
        "/openapi.json".to_string(),
        "/static/site.css".to_string(),
        "/no/such/page".to_string(),
    ] {
        let response = site.get(&route);
        let policy = response.header("content-security-policy");
        assert!(policy.contains("default-src 'self'"), "{route}: {policy}");
        assert!(policy.contains("script-src 'self'"), "{route}");
        assert!(!policy.contains("unsafe-inline"), "{route}");
        assert_eq!(
            response.header("x-content-type-options"),
            "nosniff",
            "{route}"
        );
        assert_eq!(response.header("referrer-policy"), "no-referrer", "{route}");
    }
}

#[test]
fn pages_have_no_inline_script_and_nothing_from_other_hosts() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    for route in [
        "/".to_string(),
        format!("/stories/{harbor}"),
        "/sources".to_string(),
    ] {
        let body = site.get(&route).body;
        assert_eq!(
            body.matches("<script").count(),
            body.matches("<script src=\"/static/site.js\" defer></script>")
                .count(),
            "{route}: only the site's own script"
        );
        assert!(!body.contains(" style="), "{route}: no inline styles");
        for attribute in ["src=\"http", "href=\"//", "src=\"//"] {
            assert!(!body.contains(attribute), "{route}: {attribute}");
        }
        assert!(
            !body.contains("<link rel=\"stylesheet\" href=\"http"),
            "{route}: no external stylesheet"
        );
    }
}

#[test]
fn hostile_source_text_is_escaped_in_pages_json_and_atom() {
    let (_dir, path, _, hostile) = populated_store();
    let site = Site::start(&path);
    for route in [
        format!("/stories/{hostile}"),
        "/".to_string(),
        "/sources".to_string(),
    ] {
        let body = site.get(&route).body;
        assert!(!body.contains(SCRIPT_PAYLOAD), "{route}");
        assert!(!body.contains("<img"), "{route}");
        assert!(!body.contains("onerror=\"window"), "{route}");
        assert!(
            !body.to_lowercase().contains("href=\"javascript:"),
            "{route}"
        );
        assert!(
            body.contains("&lt;script&gt;window.pwned = 'script'&lt;/script&gt;")
                || body.contains("&lt;script&gt;window.pwned = &#39;script&#39;&lt;/script&gt;"),
            "{route}: the payload is shown as text"
        );
    }
    let story = site.get(&format!("/stories/{hostile}")).body;
    assert!(
        story.contains("javascript:window.pwned"),
        "the bad address is shown as text"
    );
    let atom = site.get("/feed.atom").body;
    assert!(!atom.contains("<script"));
    assert!(atom.contains("&lt;script&gt;"));
    let api = site.get(&format!("/api/stories/{hostile}")).body;
    let json: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(
        json["story"]["note"], SCRIPT_PAYLOAD,
        "JSON keeps the text as it is"
    );
}

#[test]
fn hostile_requests_get_clear_answers_and_never_a_server_error() {
    let (_dir, path, _, _) = populated_store();
    let site = Site::start(&path);
    for route in [
        "/stories/999999",
        "/stories/abc",
        "/stories/-1",
        "/stories/0",
        "/stories/99999999999999999999999999",
        "/stories/%00",
        "/api/stories/999999",
        "/api/stories/abc",
        "/nowhere",
        "/static/../Cargo.toml",
    ] {
        let response = site.get(route);
        assert_eq!(response.status, 404, "{route}");
        if !route.starts_with("/api/") {
            assert!(response.body.contains("<h1>Not found</h1>"), "{route}");
        }
    }
    let far = site.get("/?page=18446744073709551615");
    assert_eq!(far.status, 200);
    assert!(far.body.contains("There are no stories on this page."));
    for bad_page in [
        "/?page=abc",
        "/?page=0",
        "/?page=-3",
        "/api/stories?page=1.5",
    ] {
        assert_eq!(site.get(bad_page).status, 400, "{bad_page}");
    }
    let long_query = format!("/?q={}", "harbour%20".repeat(5_000));
    for query in [
        "/?q=%22",
        "/?q=*",
        "/?q=NEAR(",
        "/?q=%27",
        "/?q=%27%3B%20DROP%20TABLE%20stories%3B--",
        "/?q=headline%3Adock%20OR%20%22",
        "/?q=%E2%80%AE%F0%9F%92%A5",
        "/?q=%FF%FE",
        "/api/stories?q=NEAR(a%20b)",
        long_query.as_str(),
    ] {
        let response = site.get(query);
        assert_eq!(response.status, 200, "{query}");
    }
    let still_there = site.get("/");
    assert_eq!(still_there.status, 200);
    assert!(still_there.body.contains("class=\"card\""));
}

#[test]
fn search_finds_stories_by_their_words() {
    let (_dir, path, harbor, hostile) = populated_store();
    let site = Site::start(&path);
    let story = harbor_story(&path, harbor);
    let word = story
        .headline
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 4)
        .unwrap()
        .to_string();
    let found = site.get(&format!("/?q={word}"));
    assert!(
        found.body.contains(&format!("href=\"/stories/{harbor}\"")),
        "{word}"
    );
    assert!(!found.body.contains(&format!("href=\"/stories/{hostile}\"")));
    assert!(
        found.body.contains(&format!("value=\"{word}\"")),
        "the box keeps the query"
    );
    let none = site.get("/?q=zzzzqqqq");
    assert!(none.body.contains("No story matches this search."));
}

#[test]
fn sources_page_shows_each_feeds_health() {
    let (_dir, path, _, _) = populated_store();
    let site = Site::start(&path);
    let page = site.get("/sources");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("https://wire.example/feed.xml"));
    assert!(page.body.contains("<tr class=\"failing\">"));
    assert!(page.body.contains("503"));
    assert!(page.body.contains("server said &lt;img"));
    assert!(page
        .body
        .contains("<time datetime=\"2026-11-20T08:40:00Z\""));
}

#[test]
fn atom_feed_parses_and_keeps_each_storys_permalink_across_versions() {
    let (_dir, path, harbor, hostile) = populated_store();
    let site = Site::start(&path);
    let response = site.get("/feed.atom");
    assert_eq!(response.status, 200);
    assert!(response
        .header("content-type")
        .starts_with("application/atom+xml"));
    let feed = feed_rs::parser::parse(response.body.as_bytes()).unwrap();
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.id, site.base);
    assert!(feed.title.is_some());
    assert!(feed.updated.is_some());
    assert!(feed
        .links
        .iter()
        .any(|l| l.rel.as_deref() == Some("alternate") && l.href == site.base));
    assert!(feed
        .links
        .iter()
        .any(|l| l.rel.as_deref() == Some("self") && l.href == site.url("feed.atom")));
    assert_eq!(feed.entries.len(), 2);
    let permalink = site.url(&format!("stories/{harbor}"));
    let entry = feed.entries.iter().find(|e| e.id == permalink).unwrap();
    assert!(entry.title.is_some() && entry.updated.is_some());
    assert!(entry
        .links
        .iter()
        .any(|l| l.rel.as_deref() == Some("alternate") && l.href == permalink));
    assert!(
        site.get(&format!("stories/{harbor}")).status == 200,
        "the permalink works"
    );
    let first_updated = entry.updated;

    // A new version keeps the entry's id and moves its updated time.
    let mut store = SqliteStore::open(&path).unwrap();
    let mut changed = harbor_story(&path, harbor);
    changed.headline = "Harbour talks resume after the strike".to_string();
    add_version(&mut store, harbor, &changed, at(50));
    let again = feed_rs::parser::parse(site.get("/feed.atom").body.as_bytes()).unwrap();
    let entry = again.entries.iter().find(|e| e.id == permalink).unwrap();
    assert_ne!(entry.updated, first_updated);
    assert_eq!(entry.title.as_ref().unwrap().content, changed.headline);
    assert_eq!(again.entries[0].id, permalink, "the updated story leads");
    assert!(again
        .entries
        .iter()
        .any(|e| e.id == site.url(&format!("stories/{hostile}"))));
}

#[test]
fn a_version_written_by_another_connection_shows_within_a_second() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    let route = format!("/stories/{harbor}");
    let before = site.get(&route).body;
    assert!(before.contains("version 2"));
    let mut store = SqliteStore::open(&path).unwrap();
    let mut changed = harbor_story(&path, harbor);
    changed.headline = "A headline only the third version has".to_string();
    add_version(&mut store, harbor, &changed, at(55));
    std::thread::sleep(newsdesk_web::FRESHNESS_TTL + std::time::Duration::from_millis(100));
    // The first request after the TTL checks the store.
    let after = site.get(&route).body;
    assert!(after.contains("A headline only the third version has"));
    assert!(after.contains("version 3"));
    assert!(after.contains("headline now “A headline only the third version has”"));
}

#[test]
fn openapi_document_covers_every_api_route() {
    let (_dir, path, _, _) = populated_store();
    let site = Site::start(&path);
    let response = site.get("/openapi.json");
    assert_eq!(response.status, 200);
    let document: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    let paths = document["paths"].as_object().unwrap();
    for route in ["/api/stories", "/api/stories/{id}", "/healthz"] {
        assert!(
            paths[route]["get"]["responses"]["200"].is_object(),
            "{route}"
        );
    }
    // Every schema reference resolves.
    let text = response.body;
    for reference in text.split("\"$ref\":\"").skip(1) {
        let name = reference.split('"').next().unwrap();
        let name = name.trim_start_matches("#/components/schemas/");
        assert!(
            document["components"]["schemas"][name].is_object(),
            "{name}"
        );
    }
    // And every documented route answers.
    assert_eq!(site.get("/api/stories").status, 200);
    assert_eq!(site.get("/api/stories/1").status, 200);
    let health = site.get("/healthz");
    assert_eq!(health.status, 200);
    assert!(health.body.contains("\"ok\""));
}

#[test]
fn a_missing_store_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let Err(error) = newsdesk_web::router(
        dir.path().join("no/such/dir/newsdesk.sqlite"),
        SiteOptions::default(),
    ) else {
        panic!("opened a store in a folder that does not exist");
    };
    assert!(error.to_string().contains("store"), "{error}");
}

/// Every relative `href` and `src` in an exported page points at a file
/// that was written.
#[test]
fn the_static_export_writes_every_page_with_links_that_resolve() {
    let (_dir, path, harbor, hostile) = populated_store();
    let out = tempfile::tempdir().unwrap();
    let summary = newsdesk_web::export_site(&path, out.path(), &SiteOptions::default()).unwrap();
    assert_eq!((summary.stories, summary.front_pages), (2, 1));
    for file in [
        "index.html".to_string(),
        format!("stories/{harbor}.html"),
        format!("stories/{hostile}.html"),
        "sources.html".to_string(),
        "feed.atom".to_string(),
        "api/stories.json".to_string(),
        format!("api/stories/{harbor}.json"),
        "static/site.css".to_string(),
        "static/site.js".to_string(),
    ] {
        assert!(out.path().join(&file).is_file(), "{file}");
    }
    let mut checked = 0;
    for page in [
        "index.html".to_string(),
        format!("stories/{harbor}.html"),
        "sources.html".to_string(),
    ] {
        let file = out.path().join(&page);
        let html = std::fs::read_to_string(&file).unwrap();
        assert!(!html.contains(SCRIPT_PAYLOAD));
        for attribute in ["href=\"", "src=\""] {
            for link in html.split(attribute).skip(1) {
                let target = link.split('"').next().unwrap();
                if target.starts_with('#') || target.starts_with("http") {
                    continue;
                }
                assert!(!target.starts_with('/'), "{page}: {target} is not relative");
                let resolved = file
                    .parent()
                    .unwrap()
                    .join(target.split('#').next().unwrap());
                assert!(resolved.is_file(), "{page}: {target}");
                checked += 1;
            }
        }
    }
    assert!(checked > 10);
    let feed = std::fs::read(out.path().join("feed.atom")).unwrap();
    assert_eq!(feed_rs::parser::parse(&feed[..]).unwrap().entries.len(), 2);
}

#[test]
fn many_pages_of_stories_paginate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    let mut store = SqliteStore::open(&path).unwrap();
    let hostile = hostile_story();
    for minute in 0..45 {
        let id = store.create_story(at(minute)).unwrap();
        let mut story = hostile.clone();
        story.headline = format!("Story number {minute}");
        add_version(&mut store, id, &story, at(minute));
    }
    let site = Site::start(&path);
    let first = site.get("/").body;
    assert!(first.contains("Story number 44"));
    assert!(first.contains("href=\"/?page=2\""));
    assert!(!first.contains("rel=\"prev\""));
    let third = site.get("/?page=3").body;
    assert_eq!(third.matches("class=\"card\"").count(), 5);
    assert!(third.contains("Story number 0"));
    assert!(!third.contains("rel=\"next\""));
    let out = tempfile::tempdir().unwrap();
    let summary = newsdesk_web::export_site(&path, out.path(), &SiteOptions::default()).unwrap();
    assert_eq!((summary.stories, summary.front_pages), (45, 3));
    assert!(out.path().join("page-3.html").is_file());
}

/// Status and Location of a GET, redirects not followed.
fn get_unfollowed(site: &Site, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let address = site
        .base
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let head = response.split("\r\n\r\n").next().unwrap().to_string();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let location = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("location")
                .then(|| value.trim().to_string())
        })
        .unwrap_or_default();
    (status, location)
}

#[test]
fn a_merged_story_leads_to_the_story_it_became() {
    let (_dir, path, harbor, hostile) = populated_store();
    let site = Site::start(&path);
    // Cached before the merge, so the cache must notice it too.
    assert_eq!(site.get(&format!("/stories/{hostile}")).status, 200);
    SqliteStore::open(&path)
        .unwrap()
        .merge_stories(hostile, harbor, at(59))
        .unwrap();
    std::thread::sleep(newsdesk_web::FRESHNESS_TTL + std::time::Duration::from_millis(100));
    let (status, location) = get_unfollowed(&site, &format!("/stories/{hostile}"));
    assert_eq!(status, 301);
    assert!(
        location.ends_with(&format!("/stories/{harbor}")),
        "{location}"
    );
    let (status, location) = get_unfollowed(&site, &format!("/api/stories/{hostile}"));
    assert_eq!(status, 301);
    assert!(
        location.ends_with(&format!("/api/stories/{harbor}")),
        "{location}"
    );
    let front = site.get("/").body;
    assert!(
        !front.contains(&format!("/stories/{hostile}\"")),
        "merged story listed"
    );
    assert!(front.contains(&format!("/stories/{harbor}")));
    // A story that never was is still a plain 404.
    assert_eq!(get_unfollowed(&site, "/stories/99999").0, 404);
}

#[test]
fn the_static_export_leaves_a_merged_story_a_page_that_leads_on() {
    let (_dir, path, harbor, hostile) = populated_store();
    SqliteStore::open(&path)
        .unwrap()
        .merge_stories(hostile, harbor, at(59))
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let summary = newsdesk_web::export_site(&path, out.path(), &SiteOptions::default()).unwrap();
    assert_eq!(
        summary.stories, 1,
        "the merged story is not a story of its own"
    );
    let moved =
        std::fs::read_to_string(out.path().join(format!("stories/{hostile}.html"))).unwrap();
    let target = format!("../stories/{harbor}.html");
    assert!(
        moved.contains(&format!(
            "http-equiv=\"refresh\" content=\"0; url={target}\""
        )),
        "{moved}"
    );
    assert!(moved.contains(&format!("href=\"{target}\"")), "{moved}");
    assert!(
        out.path().join("stories").join(&target).is_file(),
        "{target} resolves"
    );
    assert!(!moved.contains(SCRIPT_PAYLOAD));
}

#[test]
fn a_story_written_by_another_connection_reaches_the_front_page_within_a_second() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    let before = site.get("/").body;
    assert!(!before.contains("A story only the later front page has"));
    let mut store = SqliteStore::open(&path).unwrap();
    let story = store.create_story(at(58)).unwrap();
    let mut written = harbor_story(&path, harbor);
    written.headline = "A story only the later front page has".to_string();
    add_version(&mut store, story, &written, at(58));
    std::thread::sleep(newsdesk_web::FRESHNESS_TTL + std::time::Duration::from_millis(100));
    let after = site.get("/").body;
    assert!(after.contains("A story only the later front page has"));
    // A search is never answered from the cache.
    assert!(site
        .get("/?q=later")
        .body
        .contains("A story only the later front page has"));
}

#[test]
fn the_server_stops_soon_after_shutdown_even_with_a_client_that_never_finishes() {
    use std::io::Write;
    let (_dir, path, _, _) = populated_store();
    let site = Site::start(&path);
    // A client that starts a request and never ends it.
    let address = site
        .base
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let mut client = std::net::TcpStream::connect(address).unwrap();
    client.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));

    let served = site.stop_within(std::time::Duration::from_secs(30));
    drop(client);
    let served = served.expect("the server was still waiting 30 s after shutdown");
    assert!(served.is_ok(), "{served:?}");
}

#[test]
fn a_client_that_sends_its_headers_too_slowly_is_cut_off_and_others_are_served() {
    use std::io::{ErrorKind, Read, Write};
    let (_dir, path, _, _) = populated_store();
    let options = SiteOptions {
        header_timeout: std::time::Duration::from_secs(1),
        ..SiteOptions::default()
    };
    let site = Site::start_with(&path, options);
    // Slowloris: a request line, then one header byte every quarter second,
    // never the blank line that ends the headers.
    let mut client = raw_connection(&site, std::time::Duration::from_millis(250));
    client
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .unwrap();
    let began = std::time::Instant::now();
    let mut cut_after = None;
    let mut answer = Vec::new();
    while began.elapsed() < std::time::Duration::from_secs(15) {
        let _ = client.write_all(b"a");
        let mut buffer = [0u8; 1024];
        match client.read(&mut buffer) {
            Ok(0) => {
                cut_after = Some(began.elapsed());
                break;
            }
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => {
                cut_after = Some(began.elapsed());
                break;
            }
        }
    }
    let cut_after = cut_after.expect("the slow client still held its connection after 15 s");
    assert!(
        cut_after < std::time::Duration::from_secs(5),
        "cut off only after {cut_after:?}"
    );
    // Nothing of the site was sent to a request that never ended.
    assert!(!String::from_utf8_lossy(&answer).contains("<html"));
    assert_eq!(site.get("/healthz").status, 200);
}

/// A plain TCP connection to the site whose reads give up after `patience`.
fn raw_connection(site: &Site, patience: std::time::Duration) -> std::net::TcpStream {
    let address = site
        .base
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let stream = std::net::TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(patience)).unwrap();
    stream
}

/// Sends `bytes` on a fresh connection and returns what the server answers
/// before it closes the connection or goes quiet for two seconds.
fn raw_exchange(site: &Site, bytes: &[u8]) -> String {
    use std::io::{Read, Write};
    let mut stream = raw_connection(site, std::time::Duration::from_secs(2));
    let _ = stream.write_all(bytes);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn malformed_http_gets_a_clear_refusal_and_the_site_keeps_serving() {
    let (_dir, path, _, _) = populated_store();
    let site = Site::start(&path);
    let many_headers: String = (0..500).map(|k| format!("X-H{k}: v\r\n")).collect();
    let huge_header = format!("X-Big: {}\r\n", "a".repeat(1 << 20));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"\x00\x01\x02 not http at all\r\n\r\n".to_vec()),
        ("no version", b"GET /\r\n\r\n".to_vec()),
        (
            "bad method",
            b"G\xffT / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
        ),
        (
            "too many headers",
            format!("GET / HTTP/1.1\r\nHost: x\r\n{many_headers}\r\n").into_bytes(),
        ),
        (
            "huge header",
            format!("GET / HTTP/1.1\r\nHost: x\r\n{huge_header}\r\n").into_bytes(),
        ),
        (
            "HTTP/2 preface",
            b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec(),
        ),
        (
            "bad content length",
            b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".to_vec(),
        ),
    ];
    for (what, bytes) in cases {
        let answer = raw_exchange(&site, &bytes);
        let status = answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok());
        // A 4xx refusal, or the connection closed without an answer; never
        // a server error, never a page.
        assert!(
            status.is_none_or(|s| (400..500).contains(&s)),
            "{what}: {answer:.200}"
        );
        assert!(!answer.contains("<html"), "{what}: {answer:.200}");
    }
    // Two requests on one connection are both answered.
    let pipelined = raw_exchange(
        &site,
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(pipelined.matches("HTTP/1.1 200").count(), 2, "{pipelined}");
    assert_eq!(site.get("/healthz").status, 200);
}
