//! Moments and addresses as pages declare them.

use chrono::{DateTime, FixedOffset};

/// A date-time with its time zone, as metadata writes it: RFC 3339
/// ("2026-03-10T08:30:00Z", "…+02:00"), or ISO 8601 with a compact offset
/// ("…+0200") or a space for the "T". Without a zone the moment is
/// unknown, and `None` is returned (the date is still read elsewhere).
pub fn timestamp(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if text.len() > 64 {
        return None;
    }
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Some(moment);
    }
    let with_t = text.replacen(' ', "T", 1);
    for format in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M:%S%:z",
        "%Y-%m-%dT%H:%M%:z",
    ] {
        if let Ok(moment) = DateTime::parse_from_str(&with_t, format) {
            return Some(moment);
        }
    }
    // "2026-03-10T08:30:00" names no zone: not a moment.
    None
}

/// `url` as an absolute http(s) address, resolved against `base` when
/// relative; `None` for any other scheme (javascript:, data:, file:).
pub fn absolute_http_url(url: &str, base: Option<&str>) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.len() > 4096 {
        return None;
    }
    let parsed = match url::Url::parse(url) {
        Ok(parsed) => parsed,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            url::Url::parse(base?).ok()?.join(url).ok()?
        }
        Err(_) => return None,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

#[cfg(test)]
mod tests;
