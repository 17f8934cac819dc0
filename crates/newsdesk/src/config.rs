//! `newsdesk.toml`: where the store is, which feeds to watch, how often,
//! and the limits of fetching. Every key is optional; an unknown key or a
//! wrong value is an error that names it.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The file looked for in the working directory when no `--config` is given.
pub const DEFAULT_FILE: &str = "newsdesk.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The SQLite store file, or a `postgres://` URL.
    pub store: PathBuf,
    /// Feeds (or article URLs, or `file://` directories) added to the
    /// store when a run starts.
    pub feeds: Vec<String>,
    pub scan: Scan,
    pub fetch: Fetch,
    pub serve: Serve,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scan {
    /// Time between passes of `newsdesk run`.
    #[serde(with = "humantime_serde")]
    pub every: Duration,
    /// How often a feed that says nothing about it is fetched.
    #[serde(with = "humantime_serde")]
    pub feed_interval: Duration,
    /// Never sooner than this, whatever a feed says.
    #[serde(with = "humantime_serde")]
    pub min_feed_interval: Duration,
    /// Never later than this, even after failures.
    #[serde(with = "humantime_serde")]
    pub max_feed_interval: Duration,
    pub max_entries_per_feed: usize,
    /// Fetches in flight at once over all hosts.
    pub concurrency: usize,
    /// How far back story detection looks when a run starts.
    #[serde(with = "humantime_serde")]
    pub story_window: Duration,
    pub max_story_articles: usize,
    /// How long the feeds a run is reading stay its own, and (on SQLite)
    /// how long its claim to place articles in stories lasts unrenewed;
    /// what lets several runs share one store.
    #[serde(with = "humantime_serde")]
    pub lease: Duration,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fetch {
    /// How site owners can reach whoever runs this newsdesk: a URL or an
    /// e-mail address, sent in the User-Agent.
    pub contact: String,
    #[serde(with = "humantime_serde")]
    pub timeout: Duration,
    #[serde(with = "humantime_serde")]
    pub connect_timeout: Duration,
    /// Largest body kept, after decompression.
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    pub retries: u32,
    pub per_host_concurrency: usize,
    #[serde(with = "humantime_serde")]
    pub per_host_delay: Duration,
    pub obey_robots: bool,
    /// Address ranges (CIDR) that may be fetched although private,
    /// loopback or link-local; none by default.
    pub allow_addresses: Vec<ipnet::IpNet>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Serve {
    pub listen: SocketAddr,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            store: PathBuf::from("newsdesk.sqlite"),
            feeds: Vec::new(),
            scan: Scan::default(),
            fetch: Fetch::default(),
            serve: Serve::default(),
        }
    }
}

impl Default for Scan {
    fn default() -> Self {
        let scan = newsdesk_scan::ScanConfig::default();
        Scan {
            every: Duration::from_secs(15 * 60),
            feed_interval: scan.intervals.default,
            min_feed_interval: scan.intervals.min,
            max_feed_interval: scan.intervals.max,
            max_entries_per_feed: scan.max_entries_per_feed,
            concurrency: scan.concurrency,
            story_window: scan.story_window,
            max_story_articles: scan.max_story_articles,
            lease: scan.lease,
        }
    }
}

impl Default for Fetch {
    fn default() -> Self {
        let fetch = newsdesk_fetch::FetchConfig::new(String::new());
        Fetch {
            contact: "+https://github.com/newsdesk/newsdesk; no contact configured".to_string(),
            timeout: fetch.total_timeout,
            connect_timeout: fetch.connect_timeout,
            max_body_bytes: fetch.max_body_bytes,
            max_redirects: fetch.max_redirects,
            retries: fetch.max_retries,
            per_host_concurrency: fetch.per_host_concurrency,
            per_host_delay: fetch.per_host_delay,
            obey_robots: fetch.obey_robots,
            allow_addresses: Vec::new(),
        }
    }
}

impl Default for Serve {
    fn default() -> Self {
        Serve {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
        }
    }
}

impl Config {
    /// Reads the file named, or `newsdesk.toml` in the working directory
    /// when there is one, or else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config> {
        let path = match explicit {
            Some(path) => path.to_path_buf(),
            None if Path::new(DEFAULT_FILE).is_file() => PathBuf::from(DEFAULT_FILE),
            None => return Ok(Config::default()),
        };
        // A configuration is a few lines; a megabyte is far more than any.
        let read = newsdesk_fetch::local::read_file(&path, 1024 * 1024)
            .with_context(|| format!("cannot read the configuration {}", path.display()))?;
        let text = String::from_utf8(read.bytes).map_err(|e| {
            anyhow::anyhow!(
                "cannot read the configuration {}: not UTF-8 text (byte {})",
                path.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        let mut config = Config::parse(&text)
            .with_context(|| format!("wrong configuration in {}", path.display()))?;
        // A relative store path is relative to the configuration file.
        let is_file = matches!(
            newsdesk_store::Location::from_path(&config.store),
            newsdesk_store::Location::Sqlite(_)
        );
        if is_file && config.store.is_relative() {
            if let Some(directory) = path.parent() {
                config.store = directory.join(&config.store);
            }
        }
        Ok(config)
    }

    pub fn parse(text: &str) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<()> {
        let positive = [
            ("scan.max_entries_per_feed", self.scan.max_entries_per_feed),
            ("scan.concurrency", self.scan.concurrency),
            ("scan.max_story_articles", self.scan.max_story_articles),
            (
                "fetch.per_host_concurrency",
                self.fetch.per_host_concurrency,
            ),
        ];
        for (key, value) in positive {
            if value == 0 {
                anyhow::bail!("{key} must be at least 1");
            }
        }
        if self.fetch.max_body_bytes == 0 {
            anyhow::bail!("fetch.max_body_bytes must be at least 1");
        }
        if self.scan.min_feed_interval > self.scan.max_feed_interval {
            anyhow::bail!(
                "scan.min_feed_interval ({}) is longer than scan.max_feed_interval ({})",
                humantime::format_duration(self.scan.min_feed_interval),
                humantime::format_duration(self.scan.max_feed_interval)
            );
        }
        for (key, value, bounds) in self.durations() {
            if value < bounds.least || value > bounds.most {
                anyhow::bail!(
                    "{key} must be between {} and {}, not {}",
                    humantime::format_duration(bounds.least),
                    humantime::format_duration(bounds.most),
                    humantime::format_duration(value)
                );
            }
        }
        Ok(())
    }

    /// Every duration setting with the range that makes sense for it. A
    /// zero pass interval would spin ("every = \"0s\"" ran 70,000 passes in
    /// 8 s); an enormous one overflows the clock arithmetic of schedules.
    fn durations(&self) -> [(&'static str, Duration, DurationBounds); 9] {
        const SECOND: Duration = Duration::from_secs(1);
        const MINUTE: Duration = Duration::from_secs(60);
        const HOUR: Duration = Duration::from_secs(60 * 60);
        const DAY: Duration = Duration::from_secs(24 * 60 * 60);
        let within = |least, most| DurationBounds { least, most };
        let scan = &self.scan;
        let fetch = &self.fetch;
        [
            ("scan.every", scan.every, within(SECOND, 30 * DAY)),
            // A feed interval of zero is fine: a feed is then read at
            // every pass, and passes are bounded by `scan.every`.
            (
                "scan.feed_interval",
                scan.feed_interval,
                within(Duration::ZERO, 365 * DAY),
            ),
            (
                "scan.min_feed_interval",
                scan.min_feed_interval,
                within(Duration::ZERO, 365 * DAY),
            ),
            (
                "scan.max_feed_interval",
                scan.max_feed_interval,
                within(Duration::ZERO, 365 * DAY),
            ),
            (
                "scan.story_window",
                scan.story_window,
                within(HOUR, 3650 * DAY),
            ),
            ("scan.lease", scan.lease, within(SECOND, 7 * DAY)),
            ("fetch.timeout", fetch.timeout, within(SECOND, HOUR)),
            (
                "fetch.connect_timeout",
                fetch.connect_timeout,
                within(SECOND, 10 * MINUTE),
            ),
            (
                "fetch.per_host_delay",
                fetch.per_host_delay,
                within(Duration::ZERO, HOUR),
            ),
        ]
    }

    pub fn scan_config(&self) -> newsdesk_scan::ScanConfig {
        newsdesk_scan::ScanConfig {
            intervals: newsdesk_scan::Intervals {
                default: self.scan.feed_interval,
                min: self.scan.min_feed_interval,
                max: self.scan.max_feed_interval,
            },
            max_entries_per_feed: self.scan.max_entries_per_feed,
            concurrency: self.scan.concurrency,
            story_window: self.scan.story_window,
            max_story_articles: self.scan.max_story_articles,
            detector: newsdesk_cluster::Config::default(),
            lease: self.scan.lease,
            ..newsdesk_scan::ScanConfig::default()
        }
    }

    pub fn fetch_config(&self) -> newsdesk_fetch::FetchConfig {
        let mut fetch = newsdesk_fetch::FetchConfig::new(self.fetch.contact.clone());
        fetch.total_timeout = self.fetch.timeout;
        fetch.connect_timeout = self.fetch.connect_timeout;
        fetch.max_body_bytes = self.fetch.max_body_bytes;
        fetch.max_redirects = self.fetch.max_redirects;
        fetch.max_retries = self.fetch.retries;
        fetch.per_host_concurrency = self.fetch.per_host_concurrency;
        fetch.per_host_delay = self.fetch.per_host_delay;
        fetch.obey_robots = self.fetch.obey_robots;
        fetch.allow_loopback = self
            .fetch
            .allow_addresses
            .iter()
            .any(|range| range.contains(&std::net::IpAddr::from([127, 0, 0, 1])));
        fetch.allowed_ranges = self.fetch.allow_addresses.clone();
        fetch
    }
}

/// The shortest and longest value a duration setting may take.
struct DurationBounds {
    least: Duration,
    most: Duration,
}

/// Durations written as people write them: "90s", "15m", "1h 30m", "14d".
mod humantime_serde {
    use serde::{Deserialize, Deserializer};
    use std::time::Duration;

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        let text = String::deserialize(deserializer)?;
        humantime::parse_duration(&text).map_err(|e| {
            serde::de::Error::custom(format!(
                "{text:?} is not a duration ({e}); write it like \"90s\", \"15m\" or \"1h 30m\""
            ))
        })
    }
}

#[cfg(test)]
#[path = "config/tests.rs"]
mod tests;
