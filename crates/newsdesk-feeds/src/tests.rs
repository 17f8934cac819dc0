use super::*;

#[test]
fn http_and_https_urls_are_accepted_in_canonical_form() {
    assert_eq!(
        validate_feed_url("HTTPS://Example.COM").unwrap(),
        "https://example.com/"
    );
    assert_eq!(
        validate_feed_url(" http://example.com/rss.xml ").unwrap(),
        "http://example.com/rss.xml"
    );
}

#[test]
fn other_urls_are_refused_naming_the_value() {
    for bad in [
        "",
        "example.com/rss",
        "ftp://example.com/feed",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
    ] {
        let error = validate_feed_url(bad).unwrap_err();
        assert!(
            matches!(error, FeedError::InvalidUrl { .. }),
            "{bad}: {error}"
        );
        assert!(error.to_string().contains(&format!("{bad:?}")), "{error}");
    }
}

#[test]
fn blank_and_oversized_documents_are_refused_before_parsing() {
    assert_eq!(check_size(b""), Err(FeedError::Empty));
    assert_eq!(check_size(b" \n\t"), Err(FeedError::Empty));
    let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
    assert!(matches!(check_size(&big), Err(FeedError::TooLarge { .. })));
    assert_eq!(check_size(b"<rss/>"), Ok(()));
}
