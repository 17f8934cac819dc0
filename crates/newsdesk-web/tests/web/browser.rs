//! The site in headless Chromium, driven through chromedriver's WebDriver
//! protocol. Missing Chromium or chromedriver fails these tests: they
//! never pass by skipping.

use super::{populated_store, Site, SCRIPT_PAYLOAD};
use base64::Engine;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/test-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Browser {
    runtime: tokio::runtime::Runtime,
    client: reqwest::Client,
    session: String,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        for program in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(program).is_file(),
                "{program} is missing: install Debian's chromium and chromium-driver (.ci/run does)"
            );
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let client = super::client();
        let profile = tempfile::tempdir().unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        loop {
            let ready = runtime.block_on(async {
                match client.get(format!("{base}/status")).send().await {
                    Ok(response) => response
                        .json::<Value>()
                        .await
                        .map(|v| v["value"]["ready"] == true)
                        .unwrap_or(false),
                    Err(_) => false,
                }
            });
            if ready {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--hide-scrollbars",
                    format!("--user-data-dir={}", profile.path().display()),
                    "--window-size=1280,900",
                ]
            }
        } } });
        let response: Value = runtime.block_on(async {
            client
                .post(format!("{base}/session"))
                .json(&capabilities)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap()
        });
        let session = response["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {response}"))
            .to_string();
        Browser {
            runtime,
            client,
            session: format!("{base}/session/{session}"),
            driver,
            _profile: profile,
        }
    }

    fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.session);
        let response: Value = self.runtime.block_on(async {
            let mut request = self.client.request(method, &url);
            if let Some(body) = body {
                request = request.json(&body);
            }
            request.send().await.unwrap().json().await.unwrap()
        });
        if response["value"]["error"].is_string() {
            panic!("WebDriver {path}: {}", response["value"]);
        }
        response["value"].clone()
    }

    fn post(&self, path: &str, body: Value) -> Value {
        self.call(reqwest::Method::POST, path, Some(body))
    }

    fn get(&self, path: &str) -> Value {
        self.call(reqwest::Method::GET, path, None)
    }

    fn open(&self, url: &str) {
        self.post("/url", json!({ "url": url }));
    }

    fn find(&self, css: &str) -> String {
        let found = self.post("/element", json!({ "using": "css selector", "value": css }));
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("{css}: {found}"))
            .to_string()
    }

    fn click(&self, element: &str) {
        self.post(&format!("/element/{element}/click"), json!({}));
    }

    fn displayed(&self, element: &str) -> bool {
        self.get(&format!("/element/{element}/displayed")) == true
    }

    fn text(&self, element: &str) -> String {
        self.get(&format!("/element/{element}/text"))
            .as_str()
            .unwrap()
            .to_string()
    }

    fn script(&self, script: &str) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": [] }))
    }

    fn press(&self, key: &str) {
        self.post(
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
                { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }
            ] }] }),
        );
    }

    fn viewport(&self, width: u32, height: u32) {
        self.post(
            "/goog/cdp/execute",
            json!({ "cmd": "Emulation.setDeviceMetricsOverride", "params": {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600
            } }),
        );
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let encoded = self.get("/screenshot");
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let path = artifacts().join(name);
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Waits (briefly) until `script` returns true.
    fn wait_for(&self, script: &str) {
        let started = Instant::now();
        while self.script(&format!("return {script}")) != true {
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "timed out waiting for {script}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self
            .runtime
            .block_on(self.client.delete(&self.session).send());
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

#[test]
fn a_reader_opens_a_story_and_sees_the_source_of_a_sentence() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    let browser = Browser::start();
    browser.open(&site.base);
    let link = browser.find(&format!("a[href='/stories/{harbor}']"));
    browser.click(&link);
    browser.wait_for(&format!("location.pathname === '/stories/{harbor}'"));

    // Click: the panel opens with the exact source sentence and outlet.
    let panel = browser.find("#ev-1");
    assert!(!browser.displayed(&panel), "closed until asked for");
    browser.click(&browser.find("#cite-1"));
    assert!(browser.displayed(&panel));
    let shown = browser.text(&panel);
    let story = super::harbor_story(&path, harbor);
    let sentence = &story.lead[0];
    let citation = &sentence.citations[0];
    let source = story.source(&citation.source).unwrap();
    let quote = source.text[citation.start..citation.end].trim();
    let words: Vec<&str> = quote.split_whitespace().collect();
    assert!(
        shown
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(words.len())
            .any(|w| w == words),
        "the cited sentence {quote:?} is in the panel: {shown}"
    );
    assert!(shown.contains(&source.outlet), "{shown}");
    browser.wait_for("document.activeElement && document.activeElement.id === 'ev-1'");
    browser.press(ESCAPE);
    browser.wait_for("document.activeElement && document.activeElement.id === 'cite-1'");
    assert!(!browser.displayed(&panel), "Escape closes the panel");

    // Keyboard only: Tab to the next citation, Enter opens its panel.
    browser.press(TAB);
    browser.wait_for("document.activeElement.id === 'cite-2'");
    browser.press(ENTER);
    browser.wait_for("document.activeElement && document.activeElement.id === 'ev-2'");
    assert!(browser.displayed(&browser.find("#ev-2")));
    assert_eq!(
        browser.script("return document.getElementById('cite-2').getAttribute('aria-expanded')"),
        "true"
    );
}

#[test]
fn pages_render_at_phone_and_desktop_width() {
    let (_dir, path, harbor, _) = populated_store();
    let site = Site::start(&path);
    let browser = Browser::start();
    let mut written = Vec::new();
    for (width, height) in [(390, 844), (1280, 900)] {
        browser.viewport(width, height);
        browser.open(&site.base);
        // Nothing is wider than the screen: no sideways scrolling.
        assert_eq!(
            browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
            true,
            "front page at {width}px"
        );
        written.push(browser.screenshot(&format!("front-{width}x{height}.png")));
        browser.open(&site.url(&format!("stories/{harbor}")));
        assert_eq!(
            browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
            true,
            "story page at {width}px"
        );
        written.push(browser.screenshot(&format!("story-{width}x{height}.png")));
        browser.click(&browser.find("#cite-1"));
        written.push(browser.screenshot(&format!("story-citation-{width}x{height}.png")));
        browser.open(&site.url("sources"));
        written.push(browser.screenshot(&format!("sources-{width}x{height}.png")));
    }
    // Dark mode follows the system setting.
    browser.post(
        "/goog/cdp/execute",
        json!({ "cmd": "Emulation.setEmulatedMedia", "params": {
            "features": [{ "name": "prefers-color-scheme", "value": "dark" }]
        } }),
    );
    browser.viewport(390, 844);
    browser.open(&site.url(&format!("stories/{harbor}")));
    assert_eq!(
        browser.script("return getComputedStyle(document.body).backgroundColor"),
        "rgb(21, 22, 24)"
    );
    browser.click(&browser.find("#cite-1"));
    written.push(browser.screenshot("story-citation-dark-390x844.png"));
    for path in written {
        assert!(
            std::fs::metadata(&path).unwrap().len() > 5_000,
            "{}",
            path.display()
        );
    }
}

#[test]
fn hostile_source_text_shows_as_text_and_runs_nothing() {
    let (_dir, path, _, hostile) = populated_store();
    let site = Site::start(&path);
    let browser = Browser::start();
    browser.open(&site.url(&format!("stories/{hostile}")));
    browser.click(&browser.find("#cite-1"));
    let panel = browser.find("#ev-1");
    assert!(browser.displayed(&panel));
    assert!(
        browser.text(&panel).contains(SCRIPT_PAYLOAD),
        "shown as text"
    );
    let heading = browser.text(&browser.find("h1"));
    assert!(heading.contains("<script>"), "{heading}");
    assert_eq!(
        browser
            .script("return document.querySelectorAll('main script, main img, [onerror]').length"),
        0
    );
    assert_eq!(
        browser.script("return document.querySelectorAll('a[href^=\"javascript:\" i]').length"),
        0
    );
    // Follow every citation, then visit the other pages the payloads
    // reach; nothing may have run anywhere.
    let count = browser
        .script("return document.querySelectorAll('a.cite').length")
        .as_u64()
        .unwrap();
    assert!(count >= 2);
    for number in 1..=count {
        browser.click(&browser.find(&format!("#cite-{number}")));
    }
    assert_eq!(browser.script("return typeof window.pwned"), "undefined");
    for route in ["", "sources"] {
        browser.open(&site.url(route));
        assert_eq!(
            browser.script("return typeof window.pwned"),
            "undefined",
            "{route}"
        );
        assert!(
            browser.text(&browser.find("main")).contains("<script>"),
            "{route}"
        );
    }
    browser.open(&site.url(&format!("stories/{hostile}")));
    browser.screenshot("hostile-story-1280x900.png");
}

#[test]
fn the_exported_site_works_from_plain_files() {
    let (_dir, path, harbor, _) = populated_store();
    let out = tempfile::tempdir().unwrap();
    newsdesk_web::export_site(&path, out.path(), &newsdesk_web::SiteOptions::default()).unwrap();
    let browser = Browser::start();
    browser.open(&format!("file://{}/index.html", out.path().display()));
    // The stylesheet loaded: the masthead has its rule.
    assert_eq!(
        browser.script(
            "return getComputedStyle(document.querySelector('.masthead')).borderBottomStyle"
        ),
        "solid"
    );
    browser.click(&browser.find(&format!("a[href='stories/{harbor}.html']")));
    browser.wait_for(&format!(
        "location.pathname.endsWith('/stories/{harbor}.html')"
    ));
    browser.click(&browser.find("#cite-1"));
    assert!(browser.displayed(&browser.find("#ev-1")));
    // The script ran too: it marks the open citation.
    browser.wait_for("document.getElementById('cite-1').getAttribute('aria-expanded') === 'true'");
    browser.click(&browser.find("a[href='../sources.html']"));
    browser.wait_for("location.pathname.endsWith('/sources.html')");
}
