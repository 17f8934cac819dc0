use super::*;
use reqwest::header::HeaderValue;

#[test]
fn only_http_and_https_urls_are_fetched() {
    assert!(parse_url("https://example.com/feed").is_ok());
    for text in ["file:///etc/passwd", "ftp://example.com/x", "not a url"] {
        let err = parse_url(text).unwrap_err();
        assert!(
            matches!(err, FetchError::InvalidUrl { .. }),
            "{text}: {err}"
        );
    }
}

#[test]
fn redirect_targets_resolve_against_the_hop_and_keep_to_http() {
    let base = Url::parse("https://example.com/a/b").unwrap();
    let mut headers = HeaderMap::new();
    headers.insert(LOCATION, HeaderValue::from_static("../c?x=1"));
    let next = redirect_target(&base, 302, &headers).unwrap();
    assert_eq!(next.as_str(), "https://example.com/c?x=1");

    headers.insert(LOCATION, HeaderValue::from_static("file:///etc/passwd"));
    let err = redirect_target(&base, 302, &headers).unwrap_err();
    assert!(matches!(err, FetchError::InvalidUrl { .. }), "{err}");

    let err = redirect_target(&base, 302, &HeaderMap::new()).unwrap_err();
    assert!(
        matches!(err, FetchError::Status { status: 302, .. }),
        "{err}"
    );
}

#[test]
fn transient_errors_are_the_retried_ones() {
    let status = |status| FetchError::Status {
        url: "u".into(),
        status,
        retry_after: None,
    };
    assert!(status(503).is_transient());
    assert!(status(429).is_transient());
    assert!(!status(404).is_transient());
    assert!(!FetchError::RobotsDisallowed { url: "u".into() }.is_transient());
}

#[test]
fn user_agent_names_version_and_contact() {
    let config = FetchConfig::new("+https://example.org/bot");
    assert_eq!(
        config.user_agent(),
        format!(
            "newsdesk/{} (+https://example.org/bot)",
            env!("CARGO_PKG_VERSION")
        )
    );
}
