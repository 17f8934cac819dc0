use super::*;

fn error_of(text: &str) -> String {
    format!("{:#}", Config::parse(text).unwrap_err())
}

#[test]
fn an_empty_file_means_the_defaults() {
    let config = Config::parse("").unwrap();
    assert_eq!(config.store, PathBuf::from("newsdesk.sqlite"));
    assert_eq!(config.scan.every, Duration::from_secs(900));
    assert!(config.feeds.is_empty());
    assert!(!config.fetch_config().allow_loopback);
}

#[test]
fn every_section_is_read() {
    let config = Config::parse(
        r#"
        store = "/var/lib/newsdesk/news.sqlite"
        feeds = ["https://example.com/rss", "file:///srv/inbox/"]
        [scan]
        every = "5m"
        feed_interval = "1h 30m"
        min_feed_interval = "0s"
        max_feed_interval = "2d"
        concurrency = 4
        [fetch]
        contact = "desk@example.org"
        timeout = "20s"
        per_host_delay = "250ms"
        allow_addresses = ["127.0.0.0/8", "10.1.0.0/16"]
        [serve]
        listen = "0.0.0.0:9000"
        "#,
    )
    .unwrap();
    assert_eq!(config.feeds.len(), 2);
    assert_eq!(config.scan.every, Duration::from_secs(300));
    let scan = config.scan_config();
    assert_eq!(scan.intervals.default, Duration::from_secs(5400));
    assert_eq!(scan.intervals.max, Duration::from_secs(2 * 86400));
    assert_eq!(scan.concurrency, 4);
    let fetch = config.fetch_config();
    assert_eq!(
        fetch.user_agent(),
        format!("newsdesk/{} (desk@example.org)", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(fetch.per_host_delay, Duration::from_millis(250));
    assert!(fetch.allow_loopback);
    assert_eq!(fetch.allowed_ranges.len(), 2);
    assert_eq!(config.serve.listen.port(), 9000);
}

#[test]
fn an_unknown_key_is_named() {
    let error = error_of("[scan]\nevry = \"5m\"\n");
    assert!(error.contains("evry"), "{error}");
    assert!(
        error.contains("every"),
        "the known keys are listed: {error}"
    );
    let error = error_of("stor = \"x\"\n");
    assert!(error.contains("stor"), "{error}");
    let error = error_of("[fetcher]\n");
    assert!(error.contains("fetcher"), "{error}");
}

#[test]
fn a_wrong_value_is_named_with_its_key() {
    for (text, key, detail) in [
        ("[scan]\nevery = \"soon\"\n", "every", "not a duration"),
        ("[scan]\nevery = 5\n", "every", "string"),
        ("[scan]\nconcurrency = -1\n", "concurrency", ""),
        (
            "[scan]\nconcurrency = 0\n",
            "scan.concurrency",
            "at least 1",
        ),
        (
            "[fetch]\nallow_addresses = [\"localhost\"]\n",
            "allow_addresses",
            "",
        ),
        ("[serve]\nlisten = \"port 80\"\n", "listen", ""),
        ("feeds = \"https://example.com/rss\"\n", "feeds", ""),
        (
            "[scan]\nmin_feed_interval = \"2h\"\nmax_feed_interval = \"1h\"\n",
            "min_feed_interval",
            "longer",
        ),
        ("[fetch]\ntimeout = \"0s\"\n", "fetch.timeout", ""),
        (
            "[scan]\nevery = \"0s\"\n",
            "scan.every",
            "between 1s and 30days",
        ),
        ("[scan]\nevery = \"500ms\"\n", "scan.every", "not 500ms"),
        ("[scan]\nevery = \"100years\"\n", "scan.every", "between"),
        ("[scan]\nlease = \"0s\"\n", "scan.lease", "between"),
        (
            "[scan]\nstory_window = \"0s\"\n",
            "scan.story_window",
            "between",
        ),
        (
            "[scan]\nmax_feed_interval = \"5000days\"\n",
            "scan.max_feed_interval",
            "between",
        ),
        (
            "[fetch]\nconnect_timeout = \"0s\"\n",
            "fetch.connect_timeout",
            "between",
        ),
        (
            "[fetch]\nper_host_delay = \"2h\"\n",
            "fetch.per_host_delay",
            "between",
        ),
    ] {
        let error = error_of(text);
        assert!(error.contains(key), "{text:?}: {error}");
        assert!(error.contains(detail), "{text:?}: {error}");
    }
}

#[test]
fn broken_toml_is_an_error_with_a_line() {
    let error = error_of("[scan\nevery = \"5m\"\n");
    assert!(error.contains("line 1"), "{error}");
    let error = error_of("\u{0}\u{1}binary");
    assert!(!error.is_empty());
}

#[test]
fn a_missing_explicit_file_is_an_error_naming_it() {
    let error = format!(
        "{:#}",
        Config::load(Some(Path::new("/nonexistent/newsdesk.toml"))).unwrap_err()
    );
    assert!(error.contains("/nonexistent/newsdesk.toml"), "{error}");
}

#[test]
fn a_relative_store_is_next_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.toml");
    std::fs::write(&path, "store = \"data/news.sqlite\"\n").unwrap();
    let config = Config::load(Some(&path)).unwrap();
    assert_eq!(config.store, dir.path().join("data/news.sqlite"));
}
