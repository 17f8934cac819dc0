//! A polite, safe HTTP fetcher for feeds and articles.
//!
//! [`Fetcher::fetch`] asks robots.txt first (cached per origin), waits its
//! turn for the host (a concurrency limit and a minimum gap between
//! requests), sends conditional GETs, follows redirects itself so every hop
//! is checked, retries what may pass (connection failures, timeouts, 429,
//! 5xx) with exponential backoff, and reads the body under a size cap that
//! counts decompressed bytes. It refuses to connect to loopback, private
//! and other non-public addresses unless [`FetchConfig`] allows them.
//!
//! Bytes come back undecoded, with the charset only if the server named
//! one: decoding belongs to `newsdesk-extract`.

mod address;
mod headers;
mod hosts;
pub mod local;
mod robots;
pub mod site;
#[cfg(test)]
mod tests;

use std::error::Error as _;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

pub use address::non_public_range;
pub use ipnet::IpNet;
pub use url::Url;

use address::{AddressPolicy, CheckedResolver, RefusedResolution};
use hosts::Hosts;
use reqwest::header::{HeaderMap, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION};
use robots::{Answer, RobotsCache};

/// How the fetcher behaves. [`FetchConfig::new`] gives the defaults.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Where site owners can reach us, put in the User-Agent: a URL
    /// prefixed with `+` (`+https://example.org/bot`) or an address.
    pub contact: String,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for one request, from sending it to the body's end.
    pub total_timeout: Duration,
    /// The most body bytes read, counted after decompression.
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    /// Retries after the first attempt, for transient failures only.
    pub max_retries: u32,
    /// The first retry's wait; each further retry doubles it.
    pub retry_base_delay: Duration,
    /// The longest wait (backoff or Retry-After) we sit through; a server
    /// asking for more gets the error returned, with its Retry-After.
    pub max_retry_wait: Duration,
    /// Requests in flight to one host at once.
    pub per_host_concurrency: usize,
    /// The minimum gap between the starts of two requests to one host.
    pub per_host_delay: Duration,
    /// The longest robots.txt Crawl-delay we honour.
    pub max_crawl_delay: Duration,
    pub obey_robots: bool,
    /// How long a fetched robots.txt is trusted.
    pub robots_ttl: Duration,
    /// How long a failed robots.txt fetch stands (a 5xx keeps us away
    /// that long; an unreachable one allows everything that long).
    pub robots_failure_ttl: Duration,
    /// Connect to loopback addresses (127.0.0.0/8, ::1). For tests.
    pub allow_loopback: bool,
    /// Ranges allowed even though non-public (an intranet feed server).
    pub allowed_ranges: Vec<IpNet>,
}

impl FetchConfig {
    pub fn new(contact: impl Into<String>) -> Self {
        FetchConfig {
            contact: contact.into(),
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            max_retries: 2,
            retry_base_delay: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(60),
            per_host_concurrency: 2,
            per_host_delay: Duration::from_secs(1),
            max_crawl_delay: Duration::from_secs(30),
            obey_robots: true,
            robots_ttl: Duration::from_secs(24 * 60 * 60),
            robots_failure_ttl: Duration::from_secs(30 * 60),
            allow_loopback: false,
            allowed_ranges: Vec::new(),
        }
    }

    /// `newsdesk/<version> (<contact>)`.
    pub fn user_agent(&self) -> String {
        format!("newsdesk/{} ({})", env!("CARGO_PKG_VERSION"), self.contact)
    }
}

/// Validators from the previous fetch of the same URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conditional {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a successful fetch brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The server confirmed our copy is current (304).
    NotModified {
        final_url: Url,
        fresh_until: Option<SystemTime>,
    },
    Body {
        /// The URL after redirects.
        final_url: Url,
        status: u16,
        /// The media type without parameters, lowercased.
        content_type: Option<String>,
        /// The charset the server named, if it named one.
        charset: Option<String>,
        etag: Option<String>,
        last_modified: Option<String>,
        /// Until when the server says the body may be reused without
        /// asking again (Cache-Control max-age, or Expires).
        fresh_until: Option<SystemTime>,
        /// The body, decompressed, not decoded.
        bytes: Vec<u8>,
    },
}

/// Why a fetch failed. Each names the URL it concerns (for a redirect, the
/// hop that failed) so a feed's last error can be shown as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a fetchable URL: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("{url}: refused to connect to {address} ({range} address; fetch.allow_addresses in newsdesk.toml can allow it)")]
    RefusedAddress {
        url: String,
        address: IpAddr,
        range: &'static str,
    },
    #[error("{url}: disallowed by the site's robots.txt")]
    RobotsDisallowed { url: String },
    #[error("{url}: body larger than the limit of {}", newsdesk_text::megabytes(*.limit))]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects { url: String, limit: usize },
    #[error("{url}: timed out ({cause})")]
    Timeout { url: String, cause: String },
    #[error("{url}: HTTP status {status}")]
    Status {
        url: String,
        status: u16,
        /// How long the server asked us to wait, if it did.
        retry_after: Option<Duration>,
    },
    #[error("{url}: cannot connect: {cause}")]
    Connect { url: String, cause: String },
    #[error("{url}: network error: {cause}")]
    Network { url: String, cause: String },
    #[error("cannot set up the HTTP client: {0}")]
    Setup(String),
}

impl FetchError {
    /// Whether trying again soon may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Timeout { .. } | FetchError::Connect { .. } => true,
            FetchError::Status { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }
}

/// Fetches over HTTP(S) with the politeness and safety rules above. One
/// fetcher is meant to be shared by all fetches, so its per-host limits
/// and robots cache see them all.
pub struct Fetcher {
    config: FetchConfig,
    policy: Arc<AddressPolicy>,
    client: reqwest::Client,
    hosts: Hosts,
    robots: RobotsCache,
}

/// One request's outcome before redirects and retries are decided.
enum Reply {
    Redirect(Url),
    NotModified(HeaderMap),
    Body {
        status: u16,
        headers: HeaderMap,
        bytes: Vec<u8>,
    },
    Failed {
        status: u16,
        retry_after: Option<Duration>,
    },
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Result<Self, FetchError> {
        // reqwest is built without a bundled crypto provider so that ring
        // (lighter to build than aws-lc) is used; installing fails harmlessly
        // when the process already has a provider.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let policy = Arc::new(AddressPolicy {
            allow_loopback: config.allow_loopback,
            allowed_ranges: config.allowed_ranges.clone(),
        });
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent())
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout)
            // Redirects are followed by hand so each hop is checked.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would connect on our behalf, past the address check.
            .no_proxy()
            .dns_resolver(Arc::new(CheckedResolver {
                policy: Arc::clone(&policy),
            }))
            .build()
            .map_err(|err| FetchError::Setup(error_chain(&err)))?;
        Ok(Fetcher {
            hosts: Hosts::new(config.per_host_concurrency),
            robots: RobotsCache::new(config.robots_ttl, config.robots_failure_ttl),
            config,
            policy,
            client,
        })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Fetches `url`, sending `conditional`'s validators.
    pub async fn fetch(&self, url: &str, conditional: &Conditional) -> Result<Fetched, FetchError> {
        let start = parse_url(url)?;
        let mut url = start.clone();
        for _ in 0..=self.config.max_redirects {
            let gap = self.robots_gap(&url).await?;
            let cap = self.config.max_body_bytes;
            match self
                .request_with_retries(&url, conditional, cap, gap)
                .await?
            {
                Reply::Redirect(next) => url = next,
                Reply::NotModified(headers) => {
                    return Ok(Fetched::NotModified {
                        final_url: url,
                        fresh_until: headers::fresh_until(&headers, SystemTime::now()),
                    })
                }
                Reply::Body {
                    status,
                    headers,
                    bytes,
                } => {
                    let (content_type, charset) = headers::content_type(&headers);
                    return Ok(Fetched::Body {
                        final_url: url,
                        status,
                        content_type,
                        charset,
                        etag: headers::text(&headers, ETAG),
                        last_modified: headers::text(&headers, LAST_MODIFIED),
                        fresh_until: headers::fresh_until(&headers, SystemTime::now()),
                        bytes,
                    });
                }
                Reply::Failed {
                    status,
                    retry_after,
                } => {
                    return Err(FetchError::Status {
                        url: url.to_string(),
                        status,
                        retry_after,
                    })
                }
            }
        }
        Err(FetchError::TooManyRedirects {
            url: start.to_string(),
            limit: self.config.max_redirects,
        })
    }

    /// Refuses `url` if its robots.txt disallows it; otherwise returns the
    /// gap to keep between requests to its host (ours or the site's
    /// Crawl-delay, whichever is longer).
    async fn robots_gap(&self, url: &Url) -> Result<Duration, FetchError> {
        if !self.config.obey_robots {
            return Ok(self.config.per_host_delay);
        }
        let origin = url.origin().ascii_serialization();
        let rules = self
            .robots
            .rules(&origin, || self.fetch_robots(url))
            .await?;
        if !rules.allows(url.as_str()) {
            return Err(FetchError::RobotsDisallowed {
                url: url.to_string(),
            });
        }
        let crawl_delay = rules.crawl_delay().unwrap_or_default();
        Ok(crawl_delay
            .min(self.config.max_crawl_delay)
            .max(self.config.per_host_delay))
    }

    /// One try at the origin's robots.txt, following redirects. Only a
    /// refused address is an error: anything else unreachable is "no rules".
    async fn fetch_robots(&self, url: &Url) -> Result<Answer, FetchError> {
        let mut robots_url = url
            .join("/robots.txt")
            .map_err(|err| FetchError::InvalidUrl {
                url: url.to_string(),
                reason: err.to_string(),
            })?;
        let none = Conditional::default();
        for _ in 0..=self.config.max_redirects {
            let gap = self.config.per_host_delay;
            let reply = self
                .request(&robots_url, &none, robots::MAX_ROBOTS_BYTES, gap)
                .await;
            match reply {
                Ok(Reply::Redirect(next)) => robots_url = next,
                Ok(Reply::Body { status, bytes, .. }) => return Ok(Answer::Status(status, bytes)),
                Ok(Reply::NotModified(_)) => return Ok(Answer::Status(304, Vec::new())),
                Ok(Reply::Failed { status, .. }) => return Ok(Answer::Status(status, Vec::new())),
                Err(err @ FetchError::RefusedAddress { .. }) => return Err(err),
                Err(_) => return Ok(Answer::Unreachable),
            }
        }
        Ok(Answer::Unreachable)
    }

    /// `request`, tried again after transient failures with exponential
    /// backoff (or the server's Retry-After), within the configured limits.
    async fn request_with_retries(
        &self,
        url: &Url,
        conditional: &Conditional,
        cap: u64,
        gap: Duration,
    ) -> Result<Reply, FetchError> {
        let mut retry = 0;
        loop {
            let outcome = self.request(url, conditional, cap, gap).await;
            let backoff = self
                .config
                .retry_base_delay
                .saturating_mul(1 << retry.min(16));
            let wait = match &outcome {
                Ok(Reply::Failed {
                    status,
                    retry_after,
                }) if *status == 429 || *status >= 500 => retry_after.unwrap_or(backoff),
                Err(err) if err.is_transient() => backoff,
                _ => return outcome,
            };
            if retry >= self.config.max_retries || wait > self.config.max_retry_wait {
                return outcome;
            }
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    /// One GET of `url`, in its turn for the host, reading a 2xx body up to
    /// `cap` decompressed bytes.
    async fn request(
        &self,
        url: &Url,
        conditional: &Conditional,
        cap: u64,
        gap: Duration,
    ) -> Result<Reply, FetchError> {
        let host = url.host_str().unwrap_or_default();
        // An address written in the URL skips DNS, hence our resolver.
        if let Ok(address) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
            self.check_address(url, address)?;
        }
        let _turn = self.hosts.turn(host, gap).await;
        let mut request = self.client.get(url.clone());
        if let Some(etag) = &conditional.etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(last_modified) = &conditional.last_modified {
            request = request.header(IF_MODIFIED_SINCE, last_modified);
        }
        let mut response = request
            .send()
            .await
            .map_err(|err| reqwest_error(url, &err))?;
        // Belt and braces: the peer we actually reached must pass too.
        if let Some(peer) = response.remote_addr() {
            self.check_address(url, peer.ip())?;
        }
        let status = response.status();
        let headers = response.headers().clone();
        if status.is_redirection() && status != reqwest::StatusCode::NOT_MODIFIED {
            return redirect_target(url, status.as_u16(), &headers).map(Reply::Redirect);
        }
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Reply::NotModified(headers));
        }
        if !status.is_success() {
            return Ok(Reply::Failed {
                status: status.as_u16(),
                retry_after: headers::retry_after(&headers, SystemTime::now()),
            });
        }
        let too_large = || FetchError::TooLarge {
            url: url.to_string(),
            limit: cap,
        };
        // Only known for uncompressed bodies; compressed ones are counted
        // as they are inflated below.
        if response.content_length().is_some_and(|length| length > cap) {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|err| reqwest_error(url, &err))?
        {
            if (bytes.len() + chunk.len()) as u64 > cap {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Reply::Body {
            status: status.as_u16(),
            headers,
            bytes,
        })
    }

    fn check_address(&self, url: &Url, address: IpAddr) -> Result<(), FetchError> {
        self.policy
            .check(address)
            .map_err(|range| FetchError::RefusedAddress {
                url: url.to_string(),
                address,
                range,
            })
    }
}

fn parse_url(text: &str) -> Result<Url, FetchError> {
    let invalid = |reason: String| FetchError::InvalidUrl {
        url: text.to_owned(),
        reason,
    };
    let url = Url::parse(text).map_err(|err| invalid(err.to_string()))?;
    check_scheme(&url).map_err(invalid)?;
    Ok(url)
}

fn check_scheme(url: &Url) -> Result<(), String> {
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Ok(()),
        "http" | "https" => Err("no host".into()),
        other => Err(format!("the {other} scheme is not fetched")),
    }
}

fn redirect_target(url: &Url, status: u16, headers: &HeaderMap) -> Result<Url, FetchError> {
    let Some(location) = headers::text(headers, LOCATION) else {
        return Err(FetchError::Status {
            url: url.to_string(),
            status,
            retry_after: None,
        });
    };
    let next = url.join(&location).map_err(|err| FetchError::InvalidUrl {
        url: location.clone(),
        reason: format!("bad redirect from {url}: {err}"),
    })?;
    check_scheme(&next).map_err(|reason| FetchError::InvalidUrl {
        url: next.to_string(),
        reason: format!("bad redirect from {url}: {reason}"),
    })?;
    Ok(next)
}

/// Sorts a reqwest failure into our error kinds, finding a refusal by our
/// resolver wherever it sits in the error's chain of causes.
fn reqwest_error(url: &Url, err: &reqwest::Error) -> FetchError {
    let url_text = url.to_string();
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(cause) = source {
        if let Some(refused) = cause.downcast_ref::<RefusedResolution>() {
            return FetchError::RefusedAddress {
                url: url_text,
                address: refused.addr,
                range: refused.range,
            };
        }
        source = cause.source();
    }
    // reqwest's own message repeats the URL; its causes say what happened.
    let cause = err
        .source()
        .map(error_chain)
        .unwrap_or_else(|| err.to_string());
    if err.is_timeout() {
        FetchError::Timeout {
            url: url_text,
            cause,
        }
    } else if err.is_connect() {
        FetchError::Connect {
            url: url_text,
            cause,
        }
    } else {
        FetchError::Network {
            url: url_text,
            cause,
        }
    }
}

/// An error and its causes on one line.
fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|part| part.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}
