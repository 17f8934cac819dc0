use super::*;

fn parsed(txt: &str) -> Rules {
    interpret(Answer::Status(200, txt.as_bytes().to_vec())).0
}

#[test]
fn our_group_is_obeyed_over_the_wildcard() {
    let rules = parsed("User-agent: *\nDisallow: /\n\nUser-agent: newsdesk\nDisallow: /private\n");
    assert!(rules.allows("https://example.com/news/1"));
    assert!(!rules.allows("https://example.com/private/2"));
}

#[test]
fn wildcard_group_applies_without_ours() {
    let rules = parsed("User-agent: *\nDisallow: /drafts/\nCrawl-delay: 2\n");
    assert!(!rules.allows("https://example.com/drafts/x"));
    assert!(rules.allows("https://example.com/feed.xml"));
    assert_eq!(rules.crawl_delay(), Some(Duration::from_secs(2)));
}

#[test]
fn fetch_failures_are_read_as_google_reads_them() {
    let (rules, lifetime) = interpret(Answer::Status(404, Vec::new()));
    assert!(rules.allows("/x"));
    assert_eq!(lifetime, Lifetime::Normal);
    let (rules, lifetime) = interpret(Answer::Status(503, Vec::new()));
    assert!(!rules.allows("/x"));
    assert_eq!(lifetime, Lifetime::Failure);
    let (rules, _) = interpret(Answer::Status(429, Vec::new()));
    assert!(!rules.allows("/x"));
    let (rules, lifetime) = interpret(Answer::Unreachable);
    assert!(rules.allows("/x"));
    assert_eq!(lifetime, Lifetime::Failure);
}

#[tokio::test]
async fn cache_fetches_once_per_origin() {
    let cache = RobotsCache::new(Duration::from_secs(60), Duration::from_secs(1));
    let fetches = std::sync::atomic::AtomicUsize::new(0);
    for _ in 0..3 {
        let rules = cache
            .rules("http://a.example", || async {
                fetches.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Ok::<_, ()>(Answer::Status(200, b"User-agent: *\nDisallow: /x".to_vec()))
            })
            .await
            .unwrap();
        assert!(!rules.allows("/x"));
    }
    assert_eq!(fetches.load(std::sync::atomic::Ordering::SeqCst), 1);
}
