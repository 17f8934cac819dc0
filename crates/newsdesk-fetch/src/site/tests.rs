use super::*;

fn url(text: &str) -> Url {
    Url::parse(text).unwrap()
}

#[test]
fn subdomains_of_one_registrable_domain_are_one_site() {
    for (a, b) in [
        ("https://www.bbc.co.uk/news/1", "https://news.bbc.co.uk/a"),
        ("http://example.com/x", "https://EXAMPLE.com./y"),
        ("https://m.example.com/", "https://example.com/"),
        ("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b"),
    ] {
        assert!(same_site(&url(a), &url(b)), "{a} ~ {b}");
    }
}

#[test]
fn different_registrable_domains_are_different_sites() {
    for (a, b) in [
        // Under a public suffix, neighbours are strangers.
        ("https://alice.github.io/", "https://bob.github.io/"),
        ("https://news.co.uk/", "https://views.co.uk/"),
        ("https://example.com/", "https://example.org/"),
        ("https://example.com.evil.net/", "https://example.com/"),
        ("http://127.0.0.1/", "http://localhost/"),
        ("http://127.0.0.1/", "http://127.0.0.2/"),
    ] {
        assert!(!same_site(&url(a), &url(b)), "{a} !~ {b}");
    }
}

#[test]
fn a_canonical_link_moves_an_article_only_within_its_site() {
    let page = url("https://www.example.com/2026/story?utm=1");
    assert_eq!(
        allowed_canonical(&page, "/2026/story").unwrap().as_str(),
        "https://www.example.com/2026/story"
    );
    assert_eq!(
        allowed_canonical(&page, "https://amp.example.com/s")
            .unwrap()
            .as_str(),
        "https://amp.example.com/s"
    );
    assert!(matches!(
        allowed_canonical(&page, "https://victim.example.org/a/story.html"),
        Err(CanonicalRefused::OtherSite { .. })
    ));
    for scheme in [
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "ftp://www.example.com/x",
    ] {
        assert!(
            matches!(
                allowed_canonical(&page, scheme),
                Err(CanonicalRefused::NotHttp(_))
            ),
            "{scheme}"
        );
    }
    assert!(matches!(
        allowed_canonical(&page, "http://[::1"),
        Err(CanonicalRefused::Unparsable(_))
    ));
}
