//! The fetcher against a real HTTP/1.1 server on 127.0.0.1, written here
//! on a bare TcpListener so each test controls every byte and delay.

use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use newsdesk_fetch::{Conditional, FetchConfig, FetchError, Fetched, Fetcher};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request as the test server saw it.
#[derive(Debug, Clone)]
struct Hit {
    path: String,
    headers: Vec<(String, String)>,
    at: Instant,
    /// How many requests for the same path came before this one.
    earlier: usize,
}

impl Hit {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    /// A wait before anything is written.
    delay: Duration,
    /// Send no Content-Length: the body ends when the connection closes.
    close_delimited: bool,
}

impl Reply {
    fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
            delay: Duration::ZERO,
            close_delimited: false,
        }
    }

    fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

type Handler = dyn Fn(&Hit) -> Reply + Send + Sync;

struct Server {
    addr: SocketAddr,
    hits: Arc<Mutex<Vec<Hit>>>,
}

impl Server {
    async fn start(handler: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let hits = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let server_hits = Arc::clone(&hits);
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let handler = Arc::clone(&handler);
                let hits = Arc::clone(&server_hits);
                tokio::spawn(async move {
                    // A client that went away mid-reply is no failure here.
                    let _ = answer(socket, &*handler, &hits).await;
                });
            }
        });
        Server { addr, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    fn hits(&self, path: &str) -> Vec<Hit> {
        let hits = self.hits.lock().unwrap();
        hits.iter()
            .filter(|hit| hit.path == path)
            .cloned()
            .collect()
    }
}

async fn answer(
    mut socket: TcpStream,
    handler: &Handler,
    hits: &Mutex<Vec<Hit>>,
) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") {
        let read = socket.read(&mut buffer).await?;
        if read == 0 || head.len() > 64 * 1024 {
            return Ok(());
        }
        head.extend_from_slice(&buffer[..read]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let path = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .unwrap_or("/")
        .to_owned();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let hit = {
        let mut hits = hits.lock().unwrap();
        let earlier = hits.iter().filter(|hit| hit.path == path).count();
        let hit = Hit {
            path,
            headers,
            at: Instant::now(),
            earlier,
        };
        hits.push(hit.clone());
        hit
    };
    let reply = handler(&hit);
    tokio::time::sleep(reply.delay).await;
    let mut out = format!("HTTP/1.1 {} Test\r\nConnection: close\r\n", reply.status);
    for (name, value) in &reply.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if !reply.close_delimited {
        out.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    out.push_str("\r\n");
    socket.write_all(out.as_bytes()).await?;
    socket.write_all(&reply.body).await?;
    socket.shutdown().await
}

/// Every site gets an empty robots.txt unless a test says otherwise.
fn not_found_robots(hit: &Hit) -> Option<Reply> {
    (hit.path == "/robots.txt").then(|| Reply::new(404, "no robots here"))
}

fn config() -> FetchConfig {
    let mut config = FetchConfig::new("+https://example.org/newsdesk-tests");
    config.allow_loopback = true;
    config.per_host_delay = Duration::ZERO;
    config.retry_base_delay = Duration::from_millis(20);
    config.connect_timeout = Duration::from_secs(1);
    config.total_timeout = Duration::from_secs(2);
    config
}

async fn fetch(config: FetchConfig, url: &str) -> Result<Fetched, FetchError> {
    let fetcher = Fetcher::new(config).unwrap();
    fetcher.fetch(url, &Conditional::default()).await
}

fn body_bytes(fetched: Fetched) -> Vec<u8> {
    match fetched {
        Fetched::Body { bytes, .. } => bytes,
        other => panic!("expected a body, got {other:?}"),
    }
}

#[tokio::test]
async fn plain_200_comes_back_with_its_metadata() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| {
            Reply::new(200, "<rss>hello</rss>")
                .header("Content-Type", "application/rss+xml; charset=UTF-8")
                .header("Cache-Control", "max-age=300")
        })
    })
    .await;
    let before = std::time::SystemTime::now();
    let fetched = fetch(config(), &server.url("/feed.xml")).await.unwrap();
    let Fetched::Body {
        final_url,
        status,
        content_type,
        charset,
        fresh_until,
        bytes,
        ..
    } = fetched
    else {
        panic!("expected a body, got {fetched:?}");
    };
    assert_eq!(final_url.as_str(), server.url("/feed.xml"));
    assert_eq!(status, 200);
    assert_eq!(content_type.as_deref(), Some("application/rss+xml"));
    assert_eq!(charset.as_deref(), Some("utf-8"));
    assert!(fresh_until.unwrap() >= before + Duration::from_secs(299));
    assert_eq!(bytes, b"<rss>hello</rss>");

    let hit = &server.hits("/feed.xml")[0];
    let agent = hit.header("user-agent").unwrap();
    assert!(agent.starts_with("newsdesk/"), "{agent}");
    assert!(
        agent.contains("+https://example.org/newsdesk-tests"),
        "{agent}"
    );
}

#[tokio::test]
async fn validators_turn_the_second_fetch_into_not_modified() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| {
            if hit.header("if-none-match") == Some("\"v1\"") {
                Reply::new(304, "")
            } else {
                Reply::new(200, "first")
                    .header("ETag", "\"v1\"")
                    .header("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT")
            }
        })
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    let url = server.url("/feed");
    let Fetched::Body {
        etag,
        last_modified,
        ..
    } = fetcher.fetch(&url, &Conditional::default()).await.unwrap()
    else {
        panic!("the first fetch has a body");
    };
    let conditional = Conditional {
        etag,
        last_modified,
    };
    let second = fetcher.fetch(&url, &conditional).await.unwrap();
    assert!(matches!(second, Fetched::NotModified { .. }), "{second:?}");
    let hit = &server.hits("/feed")[1];
    assert_eq!(hit.header("if-none-match"), Some("\"v1\""));
    assert_eq!(
        hit.header("if-modified-since"),
        Some("Mon, 23 Nov 2026 10:00:00 GMT")
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        encoder.write_all(bytes).unwrap();
    }
    out
}

#[tokio::test]
async fn gzip_and_brotli_bodies_are_decompressed() {
    let text = "Compressed news. ".repeat(200);
    let page = text.clone();
    let server = Server::start(move |hit| {
        not_found_robots(hit).unwrap_or_else(|| {
            let accepted = hit.header("accept-encoding").unwrap_or_default();
            match hit.path.as_str() {
                "/gzip" if accepted.contains("gzip") => {
                    Reply::new(200, gzip(page.as_bytes())).header("Content-Encoding", "gzip")
                }
                "/brotli" if accepted.contains("br") => {
                    Reply::new(200, brotli(page.as_bytes())).header("Content-Encoding", "br")
                }
                _ => Reply::new(406, "unacceptable"),
            }
        })
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    for path in ["/gzip", "/brotli"] {
        let fetched = fetcher
            .fetch(&server.url(path), &Conditional::default())
            .await;
        assert_eq!(body_bytes(fetched.unwrap()), text.as_bytes(), "{path}");
    }
}

#[tokio::test]
async fn a_gzip_bomb_is_stopped_at_the_cap() {
    let bomb = gzip(&vec![0u8; 8 * 1024 * 1024]);
    assert!(bomb.len() < 64 * 1024);
    let server = Server::start(move |hit| {
        not_found_robots(hit)
            .unwrap_or_else(|| Reply::new(200, bomb.clone()).header("Content-Encoding", "gzip"))
    })
    .await;
    let mut config = config();
    config.max_body_bytes = 1024 * 1024;
    let err = fetch(config, &server.url("/bomb")).await.unwrap_err();
    assert!(
        matches!(err, FetchError::TooLarge { limit, .. } if limit == 1024 * 1024),
        "{err}"
    );
}

#[tokio::test]
async fn a_huge_plain_body_is_refused_with_or_without_a_length() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| {
            let mut reply = Reply::new(200, vec![b'x'; 3 * 1024 * 1024]);
            reply.close_delimited = hit.path == "/unsized";
            reply
        })
    })
    .await;
    let mut config = config();
    config.max_body_bytes = 512 * 1024;
    let fetcher = Fetcher::new(config).unwrap();
    for path in ["/sized", "/unsized"] {
        let err = fetcher
            .fetch(&server.url(path), &Conditional::default())
            .await
            .unwrap_err();
        assert!(matches!(err, FetchError::TooLarge { .. }), "{path}: {err}");
        assert!(err.to_string().contains(path), "{err}");
    }
}

#[tokio::test]
async fn a_slow_server_hits_the_total_timeout() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| {
            let mut reply = Reply::new(200, "too late");
            reply.delay = Duration::from_secs(5);
            reply
        })
    })
    .await;
    let mut config = config();
    config.total_timeout = Duration::from_millis(500);
    config.max_retries = 0;
    let started = Instant::now();
    let err = fetch(config, &server.url("/slow")).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
    assert!(err.is_transient());
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn a_redirect_loop_is_refused() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| Reply::new(302, "").header("Location", "/loop"))
    })
    .await;
    let mut config = config();
    config.max_redirects = 3;
    let err = fetch(config, &server.url("/loop")).await.unwrap_err();
    assert!(
        matches!(err, FetchError::TooManyRedirects { limit: 3, .. }),
        "{err}"
    );
    assert_eq!(server.hits("/loop").len(), 4);
}

#[tokio::test]
async fn redirects_are_followed_to_the_final_url() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| match hit.path.as_str() {
            "/old" => Reply::new(301, "").header("Location", "/new"),
            _ => Reply::new(200, "moved here"),
        })
    })
    .await;
    let fetched = fetch(config(), &server.url("/old")).await.unwrap();
    let Fetched::Body { final_url, .. } = &fetched else {
        panic!("{fetched:?}");
    };
    assert_eq!(final_url.as_str(), server.url("/new"));
}

#[tokio::test]
async fn redirects_to_private_addresses_are_refused() {
    let port = Arc::new(Mutex::new(0));
    let target_port = Arc::clone(&port);
    let server = Server::start(move |hit| {
        not_found_robots(hit).unwrap_or_else(|| {
            let location = match hit.path.as_str() {
                "/to-loopback" => format!("http://127.0.0.2:{}/", target_port.lock().unwrap()),
                "/to-metadata" => "http://169.254.169.254/latest/meta-data/".to_owned(),
                "/to-mapped" => "http://[::ffff:10.0.0.1]/".to_owned(),
                _ => return Reply::new(200, "ok"),
            };
            Reply::new(302, "").header("Location", location)
        })
    })
    .await;
    *port.lock().unwrap() = server.addr.port();
    // Only the test server's own address is allowed, not loopback at large.
    let mut config = config();
    config.allow_loopback = false;
    config.allowed_ranges = vec!["127.0.0.1/32".parse().unwrap()];
    let fetcher = Fetcher::new(config).unwrap();
    let cases = [
        ("/to-loopback", "loopback"),
        ("/to-metadata", "link-local"),
        ("/to-mapped", "private"),
    ];
    for (path, expected_range) in cases {
        let err = fetcher
            .fetch(&server.url(path), &Conditional::default())
            .await
            .unwrap_err();
        match err {
            FetchError::RefusedAddress { range, .. } => assert_eq!(range, expected_range),
            other => panic!("{path}: {other}"),
        }
    }
}

#[tokio::test]
async fn loopback_is_refused_unless_allowed_also_through_dns() {
    let server =
        Server::start(|hit| not_found_robots(hit).unwrap_or_else(|| Reply::new(200, "ok"))).await;
    let port = server.addr.port();
    let mut refusing = config();
    refusing.allow_loopback = false;
    for url in [
        server.url("/"),
        format!("http://localhost:{port}/"),
        format!("http://[::1]:{port}/"),
    ] {
        let err = fetch(refusing.clone(), &url).await.unwrap_err();
        assert!(
            matches!(
                err,
                FetchError::RefusedAddress {
                    range: "loopback",
                    ..
                }
            ),
            "{url}: {err}"
        );
    }
    assert!(server.hits.lock().unwrap().is_empty(), "nothing reached");
    let fetched = fetch(config(), &format!("http://localhost:{port}/")).await;
    assert_eq!(body_bytes(fetched.unwrap()), b"ok");
}

#[tokio::test]
async fn not_found_is_an_error_with_its_status_and_no_retry() {
    let server =
        Server::start(|hit| not_found_robots(hit).unwrap_or_else(|| Reply::new(404, "gone"))).await;
    let err = fetch(config(), &server.url("/missing")).await.unwrap_err();
    assert!(
        matches!(err, FetchError::Status { status: 404, .. }),
        "{err}"
    );
    assert!(!err.is_transient());
    assert!(err.to_string().contains("/missing"), "{err}");
    assert_eq!(server.hits("/missing").len(), 1);
}

#[tokio::test]
async fn unavailable_then_ok_is_retried() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| match (hit.path.as_str(), hit.earlier) {
            ("/flaky", 0) => Reply::new(503, "busy").header("Retry-After", "0"),
            ("/limited", 0) => Reply::new(429, "slow down"),
            _ => Reply::new(200, "fine now"),
        })
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    for path in ["/flaky", "/limited"] {
        let fetched = fetcher
            .fetch(&server.url(path), &Conditional::default())
            .await;
        assert_eq!(body_bytes(fetched.unwrap()), b"fine now");
        assert_eq!(server.hits(path).len(), 2, "{path}");
    }
}

#[tokio::test]
async fn retries_stop_when_retry_after_asks_too_much() {
    let server = Server::start(|hit| {
        not_found_robots(hit)
            .unwrap_or_else(|| Reply::new(503, "maintenance").header("Retry-After", "3600"))
    })
    .await;
    let err = fetch(config(), &server.url("/down")).await.unwrap_err();
    assert!(
        matches!(
            err,
            FetchError::Status {
                status: 503,
                retry_after: Some(wait),
                ..
            } if wait == Duration::from_secs(3600)
        ),
        "{err}"
    );
    assert_eq!(server.hits("/down").len(), 1);
}

#[tokio::test]
async fn robots_txt_is_fetched_once_and_obeyed() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/robots.txt" => Reply::new(200, "User-agent: *\nDisallow: /private\n"),
        _ => Reply::new(200, "page"),
    })
    .await;
    let fetcher = Fetcher::new(config()).unwrap();
    let err = fetcher
        .fetch(&server.url("/private/story"), &Conditional::default())
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::RobotsDisallowed { .. }), "{err}");
    let fetched = fetcher
        .fetch(&server.url("/public"), &Conditional::default())
        .await;
    assert_eq!(body_bytes(fetched.unwrap()), b"page");
    assert!(server.hits("/private/story").is_empty());
    assert_eq!(server.hits("/robots.txt").len(), 1);
}

#[tokio::test]
async fn a_failing_robots_txt_keeps_us_away() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/robots.txt" => Reply::new(503, "down"),
        _ => Reply::new(200, "page"),
    })
    .await;
    let err = fetch(config(), &server.url("/news")).await.unwrap_err();
    assert!(matches!(err, FetchError::RobotsDisallowed { .. }), "{err}");
    assert!(server.hits("/news").is_empty());
}

#[tokio::test]
async fn requests_to_one_host_keep_the_minimum_gap() {
    let server =
        Server::start(|hit| not_found_robots(hit).unwrap_or_else(|| Reply::new(200, "ok"))).await;
    let mut config = config();
    config.per_host_delay = Duration::from_millis(300);
    let fetcher = Fetcher::new(config).unwrap();
    for path in ["/one", "/two"] {
        fetcher
            .fetch(&server.url(path), &Conditional::default())
            .await
            .unwrap();
    }
    let hits = server.hits.lock().unwrap();
    assert_eq!(hits.len(), 3, "robots.txt, /one, /two");
    for pair in hits.windows(2) {
        let gap = pair[1].at - pair[0].at;
        assert!(gap >= Duration::from_millis(290), "{gap:?}");
    }
}

#[tokio::test]
async fn a_windows_1252_page_without_charset_comes_back_undecoded() {
    let page: &[u8] = b"<p>\x93Quoted\x94 \x96 caf\xe9</p>";
    let server = Server::start(move |hit| {
        not_found_robots(hit)
            .unwrap_or_else(|| Reply::new(200, page).header("Content-Type", "text/html"))
    })
    .await;
    let fetched = fetch(config(), &server.url("/page")).await.unwrap();
    let Fetched::Body {
        content_type,
        charset,
        bytes,
        ..
    } = fetched
    else {
        panic!("{fetched:?}");
    };
    assert_eq!(content_type.as_deref(), Some("text/html"));
    assert_eq!(charset, None);
    assert_eq!(bytes, page);
}

#[tokio::test]
async fn requests_to_one_host_wait_for_a_free_slot() {
    let server = Server::start(|hit| {
        not_found_robots(hit).unwrap_or_else(|| {
            let mut reply = Reply::new(200, "ok");
            reply.delay = Duration::from_millis(200);
            reply
        })
    })
    .await;
    let mut config = config();
    config.per_host_concurrency = 1;
    let fetcher = Fetcher::new(config).unwrap();
    let none = Conditional::default();
    let [a, b, c] = ["/a", "/b", "/c"].map(|path| server.url(path));
    let (a, b, c) = tokio::join!(
        fetcher.fetch(&a, &none),
        fetcher.fetch(&b, &none),
        fetcher.fetch(&c, &none),
    );
    for result in [a, b, c] {
        result.unwrap();
    }
    let mut starts: Vec<Instant> = ["/a", "/b", "/c"]
        .iter()
        .map(|path| server.hits(path)[0].at)
        .collect();
    starts.sort();
    for pair in starts.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= Duration::from_millis(190), "overlapping: {gap:?}");
    }
}

#[tokio::test]
async fn a_closed_port_is_a_retried_connect_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let url = format!("http://{addr}/feed");
    let err = fetch(config(), &url).await.unwrap_err();
    assert!(matches!(err, FetchError::Connect { .. }), "{err}");
    assert!(err.is_transient());
    assert!(err.to_string().starts_with(&url), "{err}");
}
