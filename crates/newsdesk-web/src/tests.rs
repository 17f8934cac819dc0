use crate::links::{percent_encode, safe_href, Links};
use crate::view::{history, StoryView};
use chrono::TimeZone;
use newsdesk_model::{Citation, Section, Source, SourceRole, Story, StorySentence};
use newsdesk_store::StoryVersionInfo;

fn sentence(text: &str, source_text: &str, source: &str) -> StorySentence {
    let start = source_text
        .find(text)
        .expect("the sentence is in the source");
    StorySentence {
        text: text.to_string(),
        citations: vec![Citation {
            source: source.to_string(),
            start,
            end: start + text.len(),
        }],
        edits: Vec::new(),
    }
}

const LEDGER: &str = "Dock workers walked off the job at dawn. Cranes stood idle by noon.";
const TRIBUNE: &str = "Cranes stood idle by noon, the port said. Talks resume Friday.";

fn source(id: &str, outlet: &str, text: &str, url: Option<&str>) -> Source {
    Source {
        id: id.to_string(),
        outlet: outlet.to_string(),
        title: Some(format!("{outlet} report")),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        estimated_date: None,
        origin: format!("{outlet}.txt"),
        url: url.map(str::to_string),
        role: SourceRole::News,
        relays: None,
        text: text.to_string(),
    }
}

fn small_story(with_tribune: bool) -> Story {
    let mut idle = sentence("Cranes stood idle by noon.", LEDGER, "S1");
    let mut sources = vec![source(
        "S1",
        "Coastal Ledger",
        LEDGER,
        Some("https://ledger.example/strike"),
    )];
    let mut sections = vec![Section {
        heading: "The port".to_string(),
        sentences: vec![idle.clone()],
    }];
    if with_tribune {
        sources.push(source(
            "S2",
            "Port City Tribune",
            TRIBUNE,
            Some("javascript:alert(1)"),
        ));
        idle.citations.push(Citation {
            source: "S2".to_string(),
            start: 0,
            end: 25,
        });
        sections[0].sentences = vec![idle, sentence("Talks resume Friday.", TRIBUNE, "S2")];
    }
    Story {
        headline: "Dock workers walk out".to_string(),
        headline_source: None,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        dateline: Some("PORT CITY, Nov. 20".to_string()),
        lead: vec![sentence(
            "Dock workers walked off the job at dawn.",
            LEDGER,
            "S1",
        )],
        sections,
        statements: Vec::new(),
        perspectives: Vec::new(),
        next: Vec::new(),
        timeline: Vec::new(),
        sources,
        note: "Written from the sources listed.".to_string(),
    }
}

fn info(version: u32, minute: u32, articles: u32) -> StoryVersionInfo {
    StoryVersionInfo {
        version,
        created_at: chrono::Utc
            .with_ymd_and_hms(2026, 11, 20, 9, minute, 0)
            .unwrap(),
        headline: "Dock workers walk out".to_string(),
        article_count: articles,
    }
}

fn view() -> StoryView {
    let versions = vec![
        (info(1, 0, 1), small_story(false)),
        (info(2, 30, 2), small_story(true)),
    ];
    StoryView {
        id: 7,
        story: versions[1].1.clone(),
        version: 2,
        created_at: versions[0].0.created_at,
        updated_at: versions[1].0.created_at,
        history: history(&versions),
    }
}

#[test]
fn history_says_what_each_version_added() {
    let changes = view().history;
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0].version, 2, "newest first");
    assert_eq!(changes[0].new_outlets, ["Port City Tribune"]);
    assert_eq!(
        (changes[0].sentences_added, changes[0].sentences_removed),
        (1, 0)
    );
    assert!(!changes[0].headline_changed);
    assert_eq!(changes[1].sentences_added, 2);
}

#[test]
fn only_plain_web_addresses_become_links() {
    assert_eq!(
        safe_href("https://a.example/x"),
        Some("https://a.example/x")
    );
    assert_eq!(safe_href(" HTTP://a.example/ "), Some("HTTP://a.example/"));
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:x",
        "//evil.example/",
        "/relative",
        "https://a.example/\u{0}x",
        "https://a.example/ x",
        "",
    ] {
        assert_eq!(safe_href(bad), None, "{bad:?}");
    }
}

#[test]
fn query_values_are_percent_encoded() {
    assert_eq!(percent_encode("dock strike"), "dock%20strike");
    assert_eq!(percent_encode("a&b=\"c\"#"), "a%26b%3D%22c%22%23");
    assert_eq!(percent_encode("é"), "%C3%A9");
}

#[test]
fn exported_links_are_relative_and_served_links_absolute() {
    let served = Links::server();
    assert_eq!(served.story(3), "/stories/3");
    assert_eq!(served.front_page(1, None), "/");
    assert_eq!(served.front_page(2, Some("a b")), "/?q=a%20b&page=2");
    let nested = Links::exported(1);
    assert_eq!(nested.story(3), "../stories/3.html");
    assert_eq!(nested.home(), "../index.html");
    assert_eq!(nested.asset("site.css"), "../static/site.css");
    assert_eq!(Links::exported(0).front_page(2, None), "page-2.html");
}

#[test]
fn story_page_snapshot() {
    let html = crate::pages::story_page(&view(), &Links::server()).into_string();
    // One line per tag keeps the snapshot readable in review.
    insta::assert_snapshot!(html.replace("><", ">\n<"));
}

#[test]
fn atom_snapshot() {
    let view = view();
    let card = crate::view::StoryCard {
        id: view.id,
        headline: "Dock workers <walk> out & more".to_string(),
        lead: crate::view::lead_text(&view.story),
        outlets: 2,
        articles: 2,
        versions: 2,
        created_at: view.created_at,
        updated_at: view.updated_at,
    };
    insta::assert_snapshot!(crate::atom::feed(&[card], "https://news.example"));
}

#[test]
fn a_citation_outside_its_source_is_reported_not_hidden() {
    let mut story = small_story(false);
    story.lead[0].citations[0].end = LEDGER.len() + 40;
    story.sections[0].sentences[0].citations[0].source = "S9".to_string();
    let evidence = crate::view::evidence(&story, &story.lead[0]);
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].quote, None);
    let mut view = view();
    view.story = story;
    let html = crate::pages::story_page(&view, &Links::server()).into_string();
    assert!(
        html.contains("The cited range is not in this source&#39;s text.")
            || html.contains("The cited range is not in this source's text.")
    );
}

#[test]
fn the_page_cache_serves_fresh_pages_and_lets_one_request_revalidate() {
    use crate::state::{Lookup, PageCache, FRESHNESS_TTL};
    let cache = PageCache::default();
    assert!(matches!(cache.lookup(1), Lookup::Missing));
    cache.insert(1, 3, "page".into());
    assert!(matches!(cache.lookup(1), Lookup::Fresh(body) if body == "page"));
    std::thread::sleep(FRESHNESS_TTL + std::time::Duration::from_millis(20));
    match cache.lookup(1) {
        Lookup::Revalidate(page) => assert_eq!(page.version, 3),
        _ => panic!("the first request after the TTL checks the store"),
    }
    assert!(
        matches!(cache.lookup(1), Lookup::Fresh(_)),
        "the others keep the page meanwhile"
    );
}

#[test]
fn the_page_cache_is_bounded() {
    use crate::state::{PageCache, MAX_CACHED_PAGES};
    let cache = PageCache::default();
    for story in 0..(MAX_CACHED_PAGES as i64 + 10) {
        cache.insert(story, 1, "page".into());
    }
    assert_eq!(cache.len(), MAX_CACHED_PAGES);
    cache.insert(5, 2, "again".into());
    assert!(cache.len() <= MAX_CACHED_PAGES);
}
