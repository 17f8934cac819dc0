//! For tests only: a real HTTP server on 127.0.0.1 serving invented
//! newsrooms — outlets with RSS, Atom and JSON feeds covering three
//! stories — and the broken sources a scanner meets: a slow server, a
//! redirect loop, a missing feed, a malformed feed, a huge page, a gzip
//! bomb, and a page in Windows-1252 that names no charset.
//!
//! The server runs on its own thread and runtime, so sync and async tests
//! alike can use it; it stops when the [`Newsroom`] is dropped.

mod articles;

use std::collections::HashMap;
use std::future::IntoFuture as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;

pub use articles::{Invented, BRIDGE, LEGACY_BRIDGE, WILDFIRE};

/// A newswire SGML file of three documents, as agency archives and the
/// TREC and DUC collections keep them: two wire stories of one strike
/// (hard-wrapped, typed dashes) and, between them, a document without a
/// `<TEXT>`. Returns the file's text and the DOCNOs of the two good ones.
pub fn newswire_file() -> (String, [&'static str; 2]) {
    let doc = |docno: &str, text: &str| {
        format!("<DOC>\n<DOCNO> {docno} </DOCNO>\n<TEXT>\n<P>\n{text}\n</P>\n</TEXT>\n</DOC>\n")
    };
    let file = [
        doc(
            "APW19990304.0011",
            "   VALMORA (AP) _ Dockworkers at the port of Valmora extended their\nstrike into a third week on Thursday, leaving hundreds of containers\nstranded on the quays.",
        ),
        "<DOC>\n<DOCNO> APW19990304.0012 </DOCNO>\n<HEADLINE> no text </HEADLINE>\n</DOC>\n"
            .to_string(),
        doc(
            "NYT19990305.0100",
            "   Dockworkers in Valmora stayed out on Friday as their strike entered a\nthird week, with hundreds of containers stranded on the quays.",
        ),
    ]
    .concat();
    (file, ["APW19990304.0011", "NYT19990305.0100"])
}

/// The feeds of the outlets that report the three stories.
pub const GOOD_FEEDS: &[&str] = &[
    "/courier/rss.xml",
    "/ledger/atom.xml",
    "/wire/feed.json",
    "/gazette/rss.xml",
    "/harbor/rss.xml",
];

/// Sources that fail, each in its own way.
pub const BAD_FEEDS: &[&str] = &[
    "/slow/rss.xml",
    "/loop/rss.xml",
    "/missing/rss.xml",
    "/broken/rss.xml",
    "/huge/rss.xml",
    "/bomb/rss.xml",
];

/// The stories the good feeds cover, as the article URL paths of each.
pub fn story_paths() -> Vec<Vec<String>> {
    let paths = |articles: &[Invented]| -> Vec<String> {
        articles
            .iter()
            .map(|a| format!("/{}/{}.html", a.outlet, a.slug))
            .collect()
    };
    let mut bridge = paths(BRIDGE);
    bridge.push(format!(
        "/{}/{}.html",
        LEGACY_BRIDGE.outlet, LEGACY_BRIDGE.slug
    ));
    let harbor = harbor_files()
        .into_iter()
        .map(|(name, _)| format!("/harbor/{name}"))
        .collect();
    vec![bridge, paths(WILDFIRE), harbor]
}

/// The follow-up article [`Newsroom::publish_follow_up`] adds to the wire's
/// feed.
pub const FOLLOW_UP: Invented = Invented {
    outlet: "wire",
    slug: "granger-ridge-fire-contained",
    title: "Granger Ridge fire half contained; Pine Hollow residents may return Saturday",
    published: "2026-07-23T06:00:00Z",
    author: "Priya Raman",
    paragraphs: &[
        "The Granger Ridge wildfire was half contained on Wednesday, and evacuated residents of the Pine Hollow valley may be allowed home on Saturday, fire chief Marisol Vega said.",
        "Cooler weather and light rain helped firefighters widen the line along Route 9 that protected the village of Ellery.",
        "Governor Alan Brody said the state would cover the cost of shelter for the roughly 4,000 people still out of their homes.",
        "Investigators said they were examining an unattended campfire near the Granger Ridge trailhead as a possible cause.",
    ],
};

/// A page of an "impostor" outlet whose canonical link names another
/// site's article: the courier's Ridgeway Bridge report, at the same port
/// under the host name `localhost` (another site than `127.0.0.1`), so a
/// client that believed it would store the impostor's text as the
/// courier's. Its feed is `/impostor/rss.xml`, which also lists a page
/// whose canonical link is a `javascript:` address.
pub const IMPOSTOR: Invented = Invented {
    outlet: "impostor",
    slug: "ridgeway-exclusive",
    title: "Ridgeway Bridge to reopen next week, officials say",
    published: "2026-03-10T09:00:00Z",
    author: "Nobody Atall",
    paragraphs: &[
        "The Ridgeway Bridge in Marlow Falls will reopen to traffic next week, an impostor page claims without any source at all.",
        "Nothing in this invented report is true, and no outlet ever published it under its own name.",
    ],
};

/// The page [`IMPOSTOR`]'s canonical link names, as a path on `localhost`.
pub const IMPOSTOR_VICTIM: &str = "/courier/ridgeway-bridge-closed.html";

/// The impostor feed's second page, whose canonical link is `javascript:`.
pub const SCRIPT_CANONICAL: Invented = Invented {
    outlet: "impostor",
    slug: "script-canonical",
    title: "Marlow Falls council meets on bridge funding",
    published: "2026-03-10T10:00:00Z",
    author: "Nobody Atall",
    paragraphs: &[
        "The Marlow Falls council met on Thursday to discuss paying for repairs to the Ridgeway Bridge, this invented report says.",
        "Its canonical link is a script address, which no client should store as the article's address.",
    ],
};

/// Pages of a "hostile" outlet whose titles and text carry terminal escape
/// sequences and other control characters, listed by a JSON Feed
/// (`/hostile/feed.json`) that gives them the impossible publication dates
/// 9999-12-31 and 0000-01-01.
pub const HOSTILE: &[Invented] = &[
    Invented {
        outlet: "hostile",
        slug: "reservoir-escape",
        title: "Kestrel reservoir \u{1b}[2J\u{1b}]0;pwned\u{7}level falls to record low",
        published: "9999-12-31T23:59:59Z",
        author: "Ada \u{1b}[31mCrane",
        paragraphs: &[
            "The Kestrel reservoir\u{1b}[1m fell to its lowest level on record on Tuesday, the water board said, and a hosepipe ban will begin on Friday.\u{7}",
            "Engineers said the level had dropped\u{8}\u{8} by two metres since June\u{9b}2J after the driest summer in the region for sixty years.",
            "Farmers in the Kestrel valley said\r they had already cut the water they draw from the river by a third.",
        ],
    },
    Invented {
        outlet: "hostile",
        slug: "reservoir-ban",
        title: "Hosepipe ban\u{0} to start Friday as Kestrel reservoir runs low",
        published: "0000-01-01T00:00:00Z",
        author: "Ada Crane",
        paragraphs: &[
            "A hosepipe ban will start on Friday because the Kestrel reservoir has fallen to a record low, the water board said on Tuesday.\u{1b}[0m",
            "The board said the ban would stay in place until the reservoir was back above half its capacity.",
            "Farmers in the Kestrel valley said they had already cut the water they draw from the river by a third.",
        ],
    },
];

/// A request the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub path: String,
    /// Whether the request carried validators (a conditional GET).
    pub conditional: bool,
    /// The status the server answered with.
    pub status: u16,
}

struct Shared {
    hits: Mutex<Vec<Hit>>,
    follow_up: AtomicBool,
    examples: PathBuf,
    /// A wait before each article page, so a client can be interrupted
    /// in the middle of a pass.
    page_delay: Duration,
}

/// A running server. Dropping it stops the server.
pub struct Newsroom {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Newsroom {
    /// Starts a server on a free port of 127.0.0.1.
    pub fn start() -> Newsroom {
        Newsroom::start_with_page_delay(Duration::ZERO)
    }

    /// Starts a server that waits `delay` before answering for each
    /// article page.
    pub fn start_with_page_delay(delay: Duration) -> Newsroom {
        let shared = Arc::new(Shared {
            page_delay: delay,
            hits: Mutex::new(Vec::new()),
            follow_up: AtomicBool::new(false),
            examples: PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../examples/harbor-strike"),
        });
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (bound, address) = std::sync::mpsc::channel();
        let app_state = Arc::clone(&shared);
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a test runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("a loopback port");
                bound.send(listener.local_addr().unwrap()).unwrap();
                let app = Router::new().fallback(answer).with_state(app_state);
                let (drain, drained) = tokio::sync::oneshot::channel::<()>();
                let server = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = drained.await;
                    })
                    .into_future();
                tokio::pin!(server);
                tokio::select! {
                    served = &mut server => served.expect("the test server runs"),
                    _ = stopped => {
                        // A graceful shutdown waits for every answer to be
                        // sent; one the client stopped reading (a huge page
                        // it gave up on) may never be, when the client's
                        // connection task sits on a runtime that is itself
                        // waiting for this thread. Wait a little, then go.
                        let _ = drain.send(());
                        let _ = tokio::time::timeout(Duration::from_secs(2), server).await;
                    }
                }
            });
        });
        let addr = address.recv().expect("the server starts");
        Newsroom {
            addr,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Every request so far, in order.
    pub fn hits(&self) -> Vec<Hit> {
        self.shared.hits.lock().unwrap().clone()
    }

    /// Forgets the requests so far.
    pub fn clear_hits(&self) {
        self.shared.hits.lock().unwrap().clear();
    }

    /// Adds [`FOLLOW_UP`] to the wire's feed (a new story version is due).
    pub fn publish_follow_up(&self) {
        self.shared.follow_up.store(true, Ordering::SeqCst);
    }
}

impl Drop for Newsroom {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The harbor-strike example files the harbor outlet serves.
fn harbor_files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("baylight-news.html", "text/html; charset=utf-8"),
        ("coastal-ledger.txt", "text/plain; charset=utf-8"),
        ("northwind-wire.txt", "text/plain; charset=utf-8"),
        ("port-city-tribune.txt", "text/plain; charset=utf-8"),
    ]
}

async fn answer(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    let conditional = request.headers().contains_key(header::IF_NONE_MATCH)
        || request.headers().contains_key(header::IF_MODIFIED_SINCE);
    let response = route(&shared, &path, request.headers()).await;
    shared.hits.lock().unwrap().push(Hit {
        path,
        conditional,
        status: response.status().as_u16(),
    });
    response
}

async fn route(shared: &Shared, path: &str, headers: &HeaderMap) -> Response {
    let follow_up = shared.follow_up.load(Ordering::SeqCst);
    match path {
        "/robots.txt" => plain(200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
        "/courier/rss.xml" => cached(headers, "application/rss+xml", rss("Marlow Courier", &pick("courier", &[]))),
        "/ledger/atom.xml" => cached(headers, "application/atom+xml", atom("Northern Ledger", &pick("ledger", &[]))),
        "/wire/feed.json" => {
            let extra: Vec<&Invented> = if follow_up { vec![&FOLLOW_UP] } else { vec![] };
            cached(headers, "application/feed+json", json_feed("Metro Wire", &pick("wire", &extra)))
        }
        "/gazette/rss.xml" => cached(headers, "application/rss+xml", rss("Tennel Gazette", &[&LEGACY_BRIDGE])),
        "/harbor/rss.xml" => cached(headers, "application/rss+xml", harbor_rss()),
        "/slow/rss.xml" => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            plain(200, "application/rss+xml", &rss("Slow", &[]))
        }
        "/loop/rss.xml" => redirect("/loop/again.xml"),
        "/loop/again.xml" => redirect("/loop/rss.xml"),
        "/broken/rss.xml" => plain(200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>Unclosed"),
        "/huge/rss.xml" => plain(200, "application/rss+xml", &one_link_rss("Huge", "/huge/page.html")),
        "/bomb/rss.xml" => plain(200, "application/rss+xml", &one_link_rss("Bomb", "/bomb/page.html")),
        "/huge/page.html" => {
            let mut page = String::from("<html><body><article><p>");
            page.push_str(&"Filler words that never end. ".repeat(400_000));
            page.push_str("</p></article></body></html>");
            plain(200, "text/html", &page)
        }
        "/bomb/page.html" => gzip_bomb(),
        "/hostile/feed.json" => plain(200, "application/feed+json", &hostile_feed()),
        "/impostor/rss.xml" => plain(
            200,
            "application/rss+xml",
            &rss("Impostor Daily", &[&IMPOSTOR, &SCRIPT_CANONICAL]),
        ),
        "/impostor/ridgeway-exclusive.html" => {
            // The same server under another host name: another site.
            let port = headers
                .get(header::HOST)
                .and_then(|host| host.to_str().ok())
                .and_then(|host| host.rsplit(':').next())
                .unwrap_or("80");
            let victim = format!("http://localhost:{port}{IMPOSTOR_VICTIM}");
            plain(200, "text/html; charset=utf-8", &article_html(&IMPOSTOR, &victim))
        }
        "/impostor/script-canonical.html" => plain(
            200,
            "text/html; charset=utf-8",
            &article_html(&SCRIPT_CANONICAL, "javascript:alert(document.domain)"),
        ),
        _ => {
            tokio::time::sleep(shared.page_delay).await;
            page(shared, path, follow_up)
        }
    }
}

fn pick<'a>(outlet: &str, extra: &[&'a Invented]) -> Vec<&'a Invented> {
    let mut chosen: Vec<&'a Invented> = BRIDGE
        .iter()
        .chain(WILDFIRE.iter())
        .filter(|a| a.outlet == outlet)
        .collect();
    chosen.extend(extra.iter().copied());
    // Feeds list the newest first.
    chosen.sort_by(|a, b| b.published.cmp(a.published));
    chosen
}

fn page(shared: &Shared, path: &str, follow_up: bool) -> Response {
    if let Some(name) = path.strip_prefix("/harbor/") {
        if let Some((file, content_type)) = harbor_files().into_iter().find(|(f, _)| *f == name) {
            return match std::fs::read(shared.examples.join(file)) {
                Ok(bytes) => bytes_response(200, content_type, bytes),
                Err(_) => plain(500, "text/plain", "example file missing"),
            };
        }
    }
    let all = BRIDGE
        .iter()
        .chain(WILDFIRE.iter())
        .chain(follow_up.then_some(&FOLLOW_UP));
    for article in all {
        if path == format!("/{}/{}.html", article.outlet, article.slug) {
            return plain(
                200,
                "text/html; charset=utf-8",
                &article_html(article, path),
            );
        }
    }
    for article in HOSTILE {
        if path == format!("/{}/{}.html", article.outlet, article.slug) {
            // No date in the page: only the feed's impossible one.
            let html = article_html(article, path).replace(
                &format!(
                    "<meta property=\"article:published_time\" content=\"{}\">\n",
                    article.published
                ),
                "",
            );
            return plain(200, "text/html; charset=utf-8", &html);
        }
    }
    if path == format!("/{}/{}.html", LEGACY_BRIDGE.outlet, LEGACY_BRIDGE.slug) {
        let html = article_html(&LEGACY_BRIDGE, path);
        let bytes = windows_1252(&html);
        // No charset in the header and none in the page.
        return bytes_response(200, "text/html", bytes);
    }
    plain(
        404,
        "text/html",
        "<html><body><h1>Not found</h1></body></html>",
    )
}

/// Encodes text as Windows-1252 (the characters these fixtures use).
fn windows_1252(text: &str) -> Vec<u8> {
    let table: HashMap<char, u8> = [
        ('\u{20ac}', 0x80),
        ('\u{2018}', 0x91),
        ('\u{2019}', 0x92),
        ('\u{201c}', 0x93),
        ('\u{201d}', 0x94),
        ('\u{2013}', 0x96),
        ('\u{2014}', 0x97),
    ]
    .into_iter()
    .collect();
    let mut unmapped = 0;
    let bytes = text
        .chars()
        .map(|c| match (table.get(&c), c as u32) {
            (Some(&b), _) => b,
            (None, code) if code < 0x100 => code as u8,
            _ => {
                unmapped += 1;
                b'?'
            }
        })
        .collect();
    assert_eq!(
        unmapped, 0,
        "the fixture must be expressible in Windows-1252"
    );
    bytes
}

fn article_html(article: &Invented, path: &str) -> String {
    let outlet = outlet_name(article.outlet);
    let mut body = String::new();
    for paragraph in article.paragraphs {
        body.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
    }
    // The meta charset is left out on purpose: the Windows-1252 page must
    // be recognised without one, and the others say UTF-8 in the header.
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{title} | {outlet}</title>\n\
         <meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <meta property=\"article:published_time\" content=\"{published}\">\n\
         <link rel=\"canonical\" href=\"{path}\">\n</head><body>\n\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a> <a href=\"/weather\">Weather</a></nav>\n\
         <main><article><h1>{title}</h1>\n<p class=\"byline\">By {author}</p>\n{body}</article>\n\
         <aside><h2>Most read</h2><ul><li><a href=\"/x\">Local bakery wins national award</a></li><li><a href=\"/y\">Ten walks for the weekend</a></li></ul></aside></main>\n\
         <footer><p>Sign up for our morning newsletter.</p><p>\u{a9} 2026 {outlet}. All rights reserved.</p></footer>\n\
         </body></html>\n",
        title = escape(article.title),
        published = article.published,
        author = escape(article.author),
    )
}

fn outlet_name(outlet: &str) -> &'static str {
    match outlet {
        "courier" => "Marlow Courier",
        "ledger" => "Northern Ledger",
        "wire" => "Metro Wire",
        "gazette" => "Tennel Gazette",
        "impostor" => "Impostor Daily",
        "hostile" => "Hostile Desk",
        _ => "Unknown Outlet",
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn rfc2822(rfc3339: &str) -> String {
    // "2026-03-10T08:30:00Z" -> "10 Mar 2026 08:30:00 +0000" (RSS dates).
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month: usize = rfc3339[5..7].parse().unwrap();
    format!(
        "{} {} {} {} +0000",
        &rfc3339[8..10],
        months[month - 1],
        &rfc3339[0..4],
        &rfc3339[11..19]
    )
}

fn rss(title: &str, articles: &[&Invented]) -> String {
    let mut items = String::new();
    for a in articles {
        items.push_str(&format!(
            "<item><title>{}</title><link>/{}/{}.html</link><guid>{}-{}</guid><pubDate>{}</pubDate><description>{}</description></item>\n",
            escape(a.title),
            a.outlet,
            a.slug,
            a.outlet,
            a.slug,
            rfc2822(a.published),
            escape(a.paragraphs[0])
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>{}</title><link>/</link><description>News</description><ttl>1</ttl>\n{items}</channel></rss>\n",
        escape(title)
    )
}

fn atom(title: &str, articles: &[&Invented]) -> String {
    let mut entries = String::new();
    for a in articles {
        entries.push_str(&format!(
            "<entry><title>{}</title><link rel=\"alternate\" href=\"/{}/{}.html\"/><id>tag:ledger.test,2026:{}</id><updated>{}</updated><published>{}</published><summary>{}</summary></entry>\n",
            escape(a.title),
            a.outlet,
            a.slug,
            a.slug,
            a.published,
            a.published,
            escape(a.paragraphs[0])
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{}</title><id>tag:ledger.test,2026:feed</id><updated>2026-07-22T00:00:00Z</updated>\n{entries}</feed>\n",
        escape(title)
    )
}

fn json_feed(title: &str, articles: &[&Invented]) -> String {
    let items: Vec<String> = articles
        .iter()
        .map(|a| {
            format!(
                "{{\"id\": \"{}\", \"url\": \"/{}/{}.html\", \"title\": \"{}\", \"date_published\": \"{}\"}}",
                a.slug,
                a.outlet,
                a.slug,
                json_string(a.title),
                a.published
            )
        })
        .collect();
    format!(
        "{{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"{}\", \"items\": [{}]}}\n",
        json_string(title),
        items.join(", ")
    )
}

/// Text as a JSON string's content: quotes, backslashes and control
/// characters escaped, as JSON must write them.
fn json_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The hostile outlet's JSON Feed: escaped control characters in its
/// strings, and impossible dates.
fn hostile_feed() -> String {
    let articles: Vec<&Invented> = HOSTILE.iter().collect();
    json_feed("Hostile \u{1b}]0;owned\u{7}Desk", &articles)
}

fn harbor_rss() -> String {
    let mut items = String::new();
    for (name, _) in harbor_files() {
        items.push_str(&format!(
            "<item><title>{name}</title><link>/harbor/{name}</link></item>\n"
        ));
    }
    // RSS 0.91: no dates, no guids.
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"0.91\"><channel><title>Harbor desk</title><link>/</link><description>Dock strike</description>\n{items}</channel></rss>\n"
    )
}

fn one_link_rss(title: &str, link: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><link>/</link><description>x</description>\
         <item><title>{title} page</title><link>{link}</link></item></channel></rss>\n"
    )
}

/// 64 MiB of spaces inside an HTML page, gzip-compressed to about 64 KB.
fn gzip_bomb() -> Response {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(b"<html><body><p>").unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..64 {
        encoder.write_all(&chunk).unwrap();
    }
    encoder.write_all(b"</p></body></html>").unwrap();
    let compressed = encoder.finish().unwrap();
    let mut response = bytes_response(200, "text/html; charset=utf-8", compressed);
    response
        .headers_mut()
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    response
}

/// A feed with validators: answers 304 when the client's copy is current.
fn cached(headers: &HeaderMap, content_type: &str, body: String) -> Response {
    let etag = format!("\"{:016x}\"", fnv(body.as_bytes()));
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    let mut response = if matches {
        bytes_response(304, content_type, Vec::new())
    } else {
        plain(200, content_type, &body)
    };
    response
        .headers_mut()
        .insert(header::ETAG, HeaderValue::from_str(&etag).unwrap());
    response
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

fn redirect(to: &str) -> Response {
    let mut response = plain(302, "text/plain", "moved");
    response
        .headers_mut()
        .insert(header::LOCATION, HeaderValue::from_str(to).unwrap());
    response
}

fn plain(status: u16, content_type: &str, body: &str) -> Response {
    bytes_response(status, content_type, body.as_bytes().to_vec())
}

fn bytes_response(status: u16, content_type: &str, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type).unwrap(),
    );
    response
}
