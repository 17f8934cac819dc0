use super::*;
use chrono::TimeZone;
use std::time::SystemTime;

fn intervals() -> Intervals {
    Intervals {
        default: Duration::from_secs(30 * 60),
        min: Duration::from_secs(5 * 60),
        max: Duration::from_secs(24 * 60 * 60),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn minutes_after_now(due: DateTime<Utc>) -> i64 {
    (due - now()).num_minutes()
}

#[test]
fn a_feed_that_says_nothing_is_due_after_the_default_interval() {
    let due = next_due(now(), &intervals(), &Freshness::default());
    assert_eq!(minutes_after_now(due), 30);
}

#[test]
fn a_longer_ttl_or_freshness_lifetime_is_honoured() {
    let ttl = Freshness {
        ttl_minutes: Some(120),
        ..Freshness::default()
    };
    assert_eq!(minutes_after_now(next_due(now(), &intervals(), &ttl)), 120);
    let until: SystemTime = (now() + chrono::Duration::minutes(90)).into();
    let fresh = Freshness {
        fresh_until: Some(until),
        ..Freshness::default()
    };
    assert_eq!(minutes_after_now(next_due(now(), &intervals(), &fresh)), 90);
    // A shorter TTL does not make us ask more often than the default.
    let short = Freshness {
        ttl_minutes: Some(1),
        ..Freshness::default()
    };
    assert_eq!(minutes_after_now(next_due(now(), &intervals(), &short)), 30);
}

#[test]
fn failures_back_off_and_everything_stays_within_bounds() {
    let after = |failures| {
        minutes_after_now(next_due(
            now(),
            &intervals(),
            &Freshness {
                failures_in_a_row: failures,
                ..Freshness::default()
            },
        ))
    };
    assert_eq!(after(1), 60);
    assert_eq!(after(2), 120);
    assert_eq!(after(30), 24 * 60, "capped at the maximum");
    let huge_ttl = Freshness {
        ttl_minutes: Some(u32::MAX),
        ..Freshness::default()
    };
    assert_eq!(
        minutes_after_now(next_due(now(), &intervals(), &huge_ttl)),
        24 * 60
    );
    let zero = Intervals {
        default: Duration::ZERO,
        min: Duration::ZERO,
        max: Duration::ZERO,
    };
    assert_eq!(next_due(now(), &zero, &Freshness::default()), now());
}

#[test]
fn file_urls_name_directory_sources() {
    assert_eq!(
        sources::directory_of("file:///srv/news/inbox"),
        Some(std::path::PathBuf::from("/srv/news/inbox"))
    );
    assert_eq!(sources::directory_of("https://example.com/feed"), None);
    assert_eq!(sources::directory_of("not a url"), None);
}

#[test]
fn directory_sources_list_article_files_only() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["b.html", "a.txt", "c.HTM", "notes.pdf", "image.png"] {
        std::fs::write(dir.path().join(name), "x").unwrap();
    }
    std::fs::create_dir(dir.path().join("sub.html")).unwrap();
    let files: Vec<String> = sources::article_files(dir.path())
        .unwrap()
        .into_iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["a.txt", "b.html", "c.HTM"]);
}
