//! Reading the response headers the fetcher reports or obeys: content type
//! and charset, validators, freshness and Retry-After.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, AGE, CACHE_CONTROL, CONTENT_TYPE, EXPIRES};

#[cfg(test)]
mod tests;

/// A header's value as text, if present and printable.
pub(crate) fn text(headers: &HeaderMap, name: HeaderName) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// The media type (lowercased, without parameters) and the `charset`
/// parameter if the server sent one. We report, never guess: decoding is
/// the extractor's job.
pub(crate) fn content_type(headers: &HeaderMap) -> (Option<String>, Option<String>) {
    let Some(value) = text(headers, CONTENT_TYPE) else {
        return (None, None);
    };
    let mut parts = value.split(';');
    let media_type = parts
        .next()
        .map(|media| media.trim().to_ascii_lowercase())
        .filter(|media| !media.is_empty());
    let charset = parts.find_map(|param| {
        let (key, value) = param.split_once('=')?;
        let value = value.trim().trim_matches('"').trim();
        (key.trim().eq_ignore_ascii_case("charset") && !value.is_empty())
            .then(|| value.to_ascii_lowercase())
    });
    (media_type, charset)
}

/// Until when the response may be reused without asking again, from
/// `Cache-Control: max-age` (less `Age`) or else `Expires`. `no-store` and
/// `no-cache` mean "ask every time", reported as `now`.
pub(crate) fn fresh_until(headers: &HeaderMap, now: SystemTime) -> Option<SystemTime> {
    let cache_control = headers
        .get_all(CACHE_CONTROL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|directive| directive.trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    if cache_control
        .iter()
        .any(|directive| directive == "no-store" || directive == "no-cache")
    {
        return Some(now);
    }
    let max_age = cache_control.iter().find_map(|directive| {
        let seconds = directive.strip_prefix("max-age=")?;
        seconds.trim_matches('"').parse::<u64>().ok()
    });
    if let Some(max_age) = max_age {
        let age = text(headers, AGE)
            .and_then(|age| age.parse::<u64>().ok())
            .unwrap_or(0);
        return Some(now + Duration::from_secs(max_age.saturating_sub(age)));
    }
    // An unparseable Expires (often "0" or "-1") means already expired.
    text(headers, EXPIRES).map(|expires| httpdate::parse_http_date(&expires).unwrap_or(now))
}

/// How long `Retry-After` asks us to wait: seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = text(headers, reqwest::header::RETRY_AFTER)?;
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(&value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}
