use super::*;
use reqwest::header::HeaderValue;

fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(*name, HeaderValue::from_static(value));
    }
    map
}

fn at(seconds: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
}

#[test]
fn content_type_splits_media_type_and_charset() {
    let map = headers(&[("content-type", "Text/HTML; Charset=\"UTF-8\"")]);
    assert_eq!(
        content_type(&map),
        (Some("text/html".into()), Some("utf-8".into()))
    );
    let map = headers(&[("content-type", "application/rss+xml")]);
    assert_eq!(
        content_type(&map),
        (Some("application/rss+xml".into()), None)
    );
    assert_eq!(content_type(&HeaderMap::new()), (None, None));
}

#[test]
fn max_age_wins_over_expires_and_counts_age() {
    let map = headers(&[
        ("cache-control", "public, max-age=600"),
        ("age", "100"),
        ("expires", "Thu, 01 Jan 1970 00:00:10 GMT"),
    ]);
    assert_eq!(fresh_until(&map, at(1_000)), Some(at(1_500)));
}

#[test]
fn expires_is_used_without_max_age() {
    let map = headers(&[("expires", "Thu, 01 Jan 1970 01:00:00 GMT")]);
    assert_eq!(fresh_until(&map, at(1_000)), Some(at(3_600)));
    let map = headers(&[("expires", "0")]);
    assert_eq!(fresh_until(&map, at(1_000)), Some(at(1_000)));
}

#[test]
fn no_cache_means_fresh_until_now() {
    let map = headers(&[("cache-control", "no-cache, max-age=600")]);
    assert_eq!(fresh_until(&map, at(1_000)), Some(at(1_000)));
    assert_eq!(fresh_until(&HeaderMap::new(), at(1_000)), None);
}

#[test]
fn retry_after_reads_seconds_and_dates() {
    let map = headers(&[("retry-after", "120")]);
    assert_eq!(retry_after(&map, at(0)), Some(Duration::from_secs(120)));
    let map = headers(&[("retry-after", "Thu, 01 Jan 1970 00:01:00 GMT")]);
    assert_eq!(retry_after(&map, at(30)), Some(Duration::from_secs(30)));
    let map = headers(&[("retry-after", "soon")]);
    assert_eq!(retry_after(&map, at(0)), None);
}
