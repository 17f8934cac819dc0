use super::*;

#[test]
fn moments_keep_their_time_zone() {
    for (text, expected) in [
        ("2026-03-10T08:30:00Z", "2026-03-10T08:30:00+00:00"),
        ("2026-03-10T08:30:00+02:00", "2026-03-10T08:30:00+02:00"),
        (
            "2026-03-10T08:30:00.123-05:00",
            "2026-03-10T08:30:00.123-05:00",
        ),
        ("2026-03-10T08:30:00+0200", "2026-03-10T08:30:00+02:00"),
        ("2026-03-10 08:30:00+01:00", "2026-03-10T08:30:00+01:00"),
        ("2026-03-10T08:30+0530", "2026-03-10T08:30:00+05:30"),
        (" 2026-03-10T08:30:00Z ", "2026-03-10T08:30:00+00:00"),
    ] {
        let moment = timestamp(text).unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(moment.to_rfc3339(), expected, "{text:?}");
    }
}

#[test]
fn no_zone_or_no_time_is_no_moment() {
    for text in [
        "2026-03-10T08:30:00",
        "2026-03-10",
        "March 10, 2026",
        "",
        "yesterday",
        "2026-13-40T99:99:99Z",
        &"9".repeat(10_000),
    ] {
        assert_eq!(timestamp(text), None, "{text:?}");
    }
}

#[test]
fn image_addresses_are_absolute_http_or_nothing() {
    let base = Some("https://news.example/world/story.html");
    assert_eq!(
        absolute_http_url("/img/lead.jpg", base).as_deref(),
        Some("https://news.example/img/lead.jpg")
    );
    assert_eq!(
        absolute_http_url("https://cdn.example/a.png", None).as_deref(),
        Some("https://cdn.example/a.png")
    );
    assert_eq!(
        absolute_http_url("lead.jpg", None),
        None,
        "relative, no base"
    );
    for hostile in [
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
        "",
        "  ",
    ] {
        assert_eq!(absolute_http_url(hostile, base), None, "{hostile:?}");
    }
}
