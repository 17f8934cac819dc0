//! `newsdesk run` as a user runs it: the real binary, a configuration
//! file, a real HTTP server on 127.0.0.1 (newsdesk-testkit) and a real
//! SQLite file; stopped by signals and by kill -9.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use newsdesk_store::{SqliteStore, Store};
use newsdesk_testkit::{Newsroom, BAD_FEEDS, GOOD_FEEDS};

fn newsdesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
}

struct Desk {
    newsroom: Newsroom,
    dir: tempfile::TempDir,
}

impl Desk {
    fn new(newsroom: Newsroom, feeds: &[&str]) -> Desk {
        Desk::with_store(newsroom, feeds, "news.sqlite")
    }

    fn with_store(newsroom: Newsroom, feeds: &[&str], store: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let feed_list: Vec<String> = feeds
            .iter()
            .map(|f| format!("{:?}", newsroom.url(f)))
            .collect();
        // Every feed is due at every pass; fetching is quick and allowed on
        // loopback only because this file says so.
        let config = format!(
            "store = {store:?}\nfeeds = [{}]\n\n[scan]\nfeed_interval = \"0s\"\nmin_feed_interval = \"0s\"\nmax_feed_interval = \"0s\"\nconcurrency = 2\n\n\
             [fetch]\ncontact = \"tests@example.invalid\"\ntimeout = \"2s\"\nconnect_timeout = \"2s\"\nretries = 0\n\
             per_host_delay = \"0s\"\nper_host_concurrency = 1\nmax_body_bytes = 4194304\nallow_addresses = [\"127.0.0.0/8\"]\n",
            feed_list.join(", ")
        );
        std::fs::write(dir.path().join("newsdesk.toml"), config).unwrap();
        Desk { newsroom, dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("newsdesk.toml")
    }

    fn store_path(&self) -> PathBuf {
        self.dir.path().join("news.sqlite")
    }

    /// One `run --once`, which must succeed; its output.
    fn run_once(&self) -> Output {
        run_once(&self.config())
    }

    fn spawn(&self, extra: &[&str]) -> Child {
        newsdesk()
            .args(["run", "--log-format", "json", "--config"])
            .arg(self.config())
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    fn store(&self) -> SqliteStore {
        SqliteStore::open(&self.store_path()).unwrap()
    }
}

/// One `run --once --log-format json` with this configuration, which must
/// succeed; its output.
fn run_once(config: &Path) -> Output {
    succeeded(
        newsdesk()
            .args(["run", "--once", "--log-format", "json", "--config"])
            .arg(config),
    )
}

/// `newsdesk feeds add SOURCE --store STORE`, which must succeed.
fn add_feed(store: &Path, source: &Path) {
    succeeded(
        newsdesk()
            .args(["feeds", "add"])
            .arg(source)
            .arg("--store")
            .arg(store),
    );
}

/// Runs a command that must succeed; its output.
fn succeeded(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The JSON log lines of a run whose message is `message`.
fn log_lines(stderr: &[u8], message: &str) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|line| line["fields"]["message"] == message)
        .collect()
}

/// Checks what must hold after any run, finished or not: every article
/// stored once, each in at most one story; and, when `finished`, every
/// fixture article stored, the stories grouped right and all written.
fn check_store(desk: &Desk, finished: bool) {
    check_stored(&desk.store(), &desk.newsroom.url(""), finished);
}

fn check_stored(store: &impl Store, base: &str, finished: bool) {
    let mut story_of: HashMap<String, i64> = HashMap::new();
    for (story, membership) in store
        .memberships_since(chrono::DateTime::UNIX_EPOCH)
        .unwrap()
    {
        let article = store.article(membership.article).unwrap().unwrap();
        let path = article.url.unwrap().replace(base, "");
        assert!(
            story_of.insert(path.clone(), story).is_none(),
            "{path} stored twice"
        );
    }
    let count = store.article_count().unwrap() as usize;
    let expected = newsdesk_testkit::story_paths();
    let total: usize = expected.iter().map(Vec::len).sum();
    assert!(count <= total, "{count} articles stored for {total} pages");
    if !finished {
        return;
    }
    assert_eq!(count, total);
    assert_eq!(story_of.len(), total, "every article is in a story");
    let mut stories = BTreeSet::new();
    for paths in &expected {
        let ids: BTreeSet<i64> = paths.iter().map(|p| story_of[p]).collect();
        assert_eq!(ids.len(), 1, "{paths:?} split: {ids:?}");
        assert!(stories.insert(*ids.first().unwrap()), "stories merged");
    }
    assert!(store.stories_needing_version().unwrap().is_empty());
    for summary in store.stories(100, 0).unwrap() {
        assert!(summary.versions >= 1, "story {} never written", summary.id);
        assert!(summary.article_count >= 1, "story {} is empty", summary.id);
    }
}

#[test]
fn run_once_does_the_whole_job_and_a_second_pass_changes_nothing() {
    let feeds: Vec<&str> = GOOD_FEEDS.iter().chain(BAD_FEEDS).copied().collect();
    let desk = Desk::new(Newsroom::start(), &feeds);
    let first = desk.run_once();
    let done = log_lines(&first.stderr, "pass done");
    assert_eq!(done.len(), 1, "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(done[0]["fields"]["articles"], 11);
    assert_eq!(done[0]["fields"]["failed"], 4);
    assert_eq!(log_lines(&first.stderr, "story written").len(), 3);
    check_store(&desk, true);

    desk.newsroom.clear_hits();
    let second = desk.run_once();
    let done = log_lines(&second.stderr, "pass done");
    assert_eq!(done[0]["fields"]["articles"], 0);
    assert_eq!(done[0]["fields"]["versions"], 0);
    assert_eq!(done[0]["fields"]["unchanged"], GOOD_FEEDS.len());
    let hits = desk.newsroom.hits();
    assert!(
        hits.iter()
            .filter(|h| GOOD_FEEDS.contains(&h.path.as_str()))
            .all(|h| h.conditional && h.status == 304),
        "{hits:?}"
    );

    // The stories, as a user lists and reads them.
    let store = desk.store_path();
    let list = newsdesk()
        .args(["stories", "list", "--format", "json", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(list.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        let id = row["id"].as_i64().unwrap();
        let shown = newsdesk()
            .args([
                "stories",
                "show",
                &id.to_string(),
                "--format",
                "json",
                "--store",
            ])
            .arg(&store)
            .output()
            .unwrap();
        assert!(shown.status.success());
        let story: newsdesk_model::Story = serde_json::from_slice(&shown.stdout).unwrap();
        assert_eq!(Some(story.headline.as_str()), row["headline"].as_str());
    }
    let store = store.to_str().unwrap();
    fails_saying(
        &["stories", "show", "999", "--store", store],
        "no story 999",
    );
}

/// Runs newsdesk with `args`, which must fail with `said` on stderr.
fn fails_saying(args: &[&str], said: &str) {
    let output = newsdesk().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{args:?} succeeded");
    assert!(stderr.contains(said), "{args:?}: {stderr}");
}

#[test]
fn kill_9_at_any_moment_loses_nothing_and_duplicates_nothing() {
    // Pages answer slowly and one at a time, so the kills land all over
    // the pass: while fetching feeds, between an article and its story,
    // while writing versions.
    let desk = Desk::new(
        Newsroom::start_with_page_delay(Duration::from_millis(40)),
        GOOD_FEEDS,
    );
    let mut delay_ms = 37u64;
    let mut counts = Vec::new();
    for _ in 0..12 {
        let mut child = desk.spawn(&["--once"]);
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        check_store(&desk, false);
        counts.push(desk.store().article_count().unwrap());
        // Spread the moments over the pass (about 600 ms long).
        delay_ms = (delay_ms * 7 + 53) % 700;
    }
    // The kills did land in the middle of passes: the store grew in steps.
    let steps: BTreeSet<u64> = counts
        .iter()
        .copied()
        .filter(|&c| c > 0 && c < 11)
        .collect();
    assert!(
        steps.len() >= 2,
        "article counts after each kill: {counts:?}"
    );
    desk.run_once();
    check_store(&desk, true);
}

#[test]
fn sigterm_ends_a_run_cleanly_between_passes_and_in_the_middle_of_one() {
    let desk = Desk::new(
        Newsroom::start_with_page_delay(Duration::from_millis(40)),
        GOOD_FEEDS,
    );
    // In the middle of the first pass.
    let mut child = desk.spawn(&["--every", "1h"]);
    std::thread::sleep(Duration::from_millis(250));
    terminate(&child);
    let status = wait_for(&mut child, Duration::from_secs(10));
    assert!(status.success(), "{status:?}");
    check_store(&desk, false);

    // Between passes: after the first pass is done, it waits an hour.
    let mut child = desk.spawn(&["--every", "1h"]);
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let started = Instant::now();
    for line in stderr.lines() {
        if line.unwrap().contains("\"pass done\"") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no pass finished"
        );
    }
    terminate(&child);
    let status = wait_for(&mut child, Duration::from_secs(10));
    assert!(status.success(), "{status:?}");
    check_store(&desk, true);
}

fn terminate(child: &Child) {
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

fn wait_for(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("did not exit within {limit:?} of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_wrong_configuration_is_refused_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newsdesk.toml");
    for (text, named) in [
        ("[scan]\nevry = \"5m\"\n", "evry"),
        ("[fetch]\ntimeout = \"a while\"\n", "a while"),
        ("feeds = [\"ftp://example.com/feed\"]\n", "ftp"),
        ("feeds = [\"/no/such/directory\"]\n", "/no/such/directory"),
        ("store = 5\n", "store"),
        // A pass interval of zero would spin; absurd durations are refused.
        ("[scan]\nevery = \"0s\"\n", "scan.every must be between"),
        (
            "[scan]\nevery = \"1000years\"\n",
            "scan.every must be between",
        ),
        ("[scan]\nlease = \"0s\"\n", "scan.lease must be between"),
    ] {
        std::fs::write(&config, text).unwrap();
        let output = newsdesk()
            .args(["run", "--once", "--config"])
            .arg(&config)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{text:?} was accepted");
        assert!(stderr.contains(named), "{text:?}: {stderr}");
        assert!(
            !dir.path().join("newsdesk.sqlite").exists(),
            "{text:?} made a store"
        );
    }
    fails_saying(
        &["run", "--once", "--config", "/no/such/newsdesk.toml"],
        "/no/such/newsdesk.toml",
    );
}

#[test]
fn a_directory_of_files_is_watched_like_a_feed() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-strike");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, inbox.join(path.file_name().unwrap())).unwrap();
    }
    let store = dir.path().join("news.sqlite");
    add_feed(&store, &inbox);
    succeeded(
        newsdesk()
            .args(["run", "--once", "--store"])
            .arg(&store)
            .current_dir(dir.path()),
    );
    let store = SqliteStore::open(&store).unwrap();
    assert_eq!(store.article_count().unwrap(), 4);
    assert_eq!(store.stories(10, 0).unwrap().len(), 1);
}

/// A database of its own on the test server, dropped at the end.
struct Database {
    server: String,
    name: String,
}

impl Database {
    fn create() -> Database {
        let server = std::env::var("NEWSDESK_TEST_POSTGRES").expect(
            "NEWSDESK_TEST_POSTGRES is not set: start a server with `eval \"$(bash .ci/postgres)\"`",
        );
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let name = format!(
            "newsdesk_run_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let mut client = postgres::Client::connect(&server, postgres::NoTls).unwrap();
        // One statement each: neither may run inside a transaction block.
        client
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .unwrap();
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        Database { server, name }
    }

    fn url(&self) -> String {
        let mut url = url::Url::parse(&self.server).unwrap();
        url.set_path(&self.name);
        url.to_string()
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

#[test]
fn two_runs_on_one_postgresql_share_the_feeds_and_one_places_the_articles() {
    let database = Database::create();
    // Slow pages, so that both runs are at work at once; feeds are due
    // once an hour, so a feed read twice would be read by both runs.
    let newsroom = Newsroom::start_with_page_delay(Duration::from_millis(150));
    let feeds: Vec<String> = GOOD_FEEDS
        .iter()
        .map(|f| format!("{:?}", newsroom.url(f)))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newsdesk.toml");
    std::fs::write(
        &config,
        format!(
            "store = {:?}\nfeeds = [{}]\n\n[scan]\nfeed_interval = \"1h\"\nmin_feed_interval = \"1h\"\nconcurrency = 1\n\n\
             [fetch]\ncontact = \"tests@example.invalid\"\nretries = 0\nper_host_delay = \"0s\"\n\
             allow_addresses = [\"127.0.0.0/8\"]\n",
            database.url(),
            feeds.join(", ")
        ),
    )
    .unwrap();
    let run = || {
        newsdesk()
            .args(["run", "--once", "--log-format", "json", "--config"])
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Both add the configured feeds to the store as they start.
    let runs = [run(), run()];
    let outputs: Vec<Output> = runs
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .collect();
    let mut articles = 0;
    let mut feeds_read = Vec::new();
    let mut placers = 0;
    for output in &outputs {
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let done = log_lines(&output.stderr, "pass done");
        articles += done[0]["fields"]["articles"].as_u64().unwrap();
        feeds_read.push(done[0]["fields"]["feeds"].as_u64().unwrap());
        placers += usize::from(done[0]["fields"]["placer"] == true);
    }
    assert_eq!(articles, 11, "every article stored by one of the runs");
    assert_eq!(
        feeds_read.iter().sum::<u64>(),
        5,
        "every feed read by one run: {feeds_read:?}"
    );
    assert!(
        feeds_read.iter().all(|&n| n > 0),
        "both runs read feeds: {feeds_read:?}"
    );
    assert!(placers >= 1, "one of them placed articles");
    for feed in GOOD_FEEDS {
        let reads = newsroom
            .hits()
            .iter()
            .filter(|hit| hit.path == *feed)
            .count();
        assert_eq!(reads, 1, "{feed} fetched {reads} times");
    }

    // Articles the placer had not seen are placed by the next pass of a
    // placer; then the stories are as one run makes them.
    run_once(&config);
    let store = newsdesk_store::PostgresStore::connect(&database.url()).unwrap();
    check_stored(&store, &newsroom.url(""), true);
    assert_eq!(store.stories(10, 0).unwrap().len(), 3);
}

#[test]
fn run_once_on_postgresql_does_the_same_job() {
    let database = Database::create();
    let desk = Desk::with_store(Newsroom::start(), GOOD_FEEDS, &database.url());
    let first = desk.run_once();
    let done = log_lines(&first.stderr, "pass done");
    assert_eq!(done[0]["fields"]["articles"], 11);
    assert_eq!(log_lines(&first.stderr, "story written").len(), 3);
    assert!(!desk.store_path().exists(), "no SQLite file was made");

    let store = newsdesk_store::PostgresStore::connect(&database.url()).unwrap();
    assert_eq!(store.article_count().unwrap(), 11);
    assert!(store.stories_needing_version().unwrap().is_empty());
    assert_eq!(store.stories(10, 0).unwrap().len(), 3);

    let second = desk.run_once();
    let done = log_lines(&second.stderr, "pass done");
    assert_eq!(done[0]["fields"]["articles"], 0);
    assert_eq!(done[0]["fields"]["versions"], 0);

    let list = succeeded(newsdesk().args([
        "stories",
        "list",
        "--format",
        "json",
        "--store",
        &database.url(),
    ]));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.len(), 3);

    // The site reads the same server.
    let (mut site, address) = serve(database.url().as_ref());
    let body = http_get(&address, "/api/stories");
    site.kill().unwrap();
    site.wait().unwrap();
    let api: serde_json::Value = serde_json::from_str(&body).unwrap();
    let headlines: BTreeSet<&str> = rows.iter().filter_map(|r| r["headline"].as_str()).collect();
    let listed = api["stories"].as_array().unwrap_or_else(|| panic!("{api}"));
    assert_eq!(listed.len(), 3, "{api}");
    for story in listed {
        assert!(
            headlines.contains(story["headline"].as_str().unwrap()),
            "{story}"
        );
    }
}

/// `newsdesk serve` on a free port of 127.0.0.1: the process, and the
/// address it printed.
fn serve(store: &std::ffi::OsStr) -> (Child, String) {
    let mut site = newsdesk()
        .args(["serve", "--listen", "127.0.0.1:0", "--store"])
        .arg(store)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(site.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    // The rest of what it says is read, so that it can say it.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    (site, address)
}

/// A plain HTTP/1.0 GET; returns the body.
fn http_get(address: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    assert!(
        head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"),
        "{head}"
    );
    body.to_string()
}

#[test]
fn run_with_serve_scans_and_serves_in_one_process() {
    let desk = Desk::new(Newsroom::start(), GOOD_FEEDS);
    let mut child = desk.spawn(&["--every", "1h", "--serve", "--listen", "127.0.0.1:0"]);
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut address = None;
    let started = Instant::now();
    for line in stderr.lines() {
        let line = line.unwrap();
        if let Some(rest) = line.split("serving the site on http://").nth(1) {
            address = rest.split('/').next().map(str::to_string);
        }
        if line.contains("\"pass done\"") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no pass finished"
        );
    }
    let address = address.expect("the site's address is printed");
    let api: serde_json::Value = serde_json::from_str(&http_get(&address, "/api/stories")).unwrap();
    assert_eq!(api["stories"].as_array().map(Vec::len), Some(3), "{api}");
    assert!(http_get(&address, "/").contains("Ridgeway Bridge"));
    terminate(&child);
    let status = wait_for(&mut child, Duration::from_secs(10));
    assert!(status.success(), "{status:?}");
}

/// The examples' files, copied into `folder`: those named in `names`.
fn copy_examples(folder: &Path, names: &[&str]) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-strike");
    for name in names {
        std::fs::copy(examples.join(name), folder.join(name)).unwrap();
    }
}

/// `newsdesk feeds list` of a store, as JSON.
fn feeds_listed(store: &Path) -> Vec<serde_json::Value> {
    let list = newsdesk()
        .args(["feeds", "list", "--format", "json", "--store"])
        .arg(store)
        .output()
        .unwrap();
    assert!(list.status.success());
    serde_json::from_slice(&list.stdout).unwrap()
}

#[test]
fn a_watched_folder_is_looked_at_every_pass_and_each_bad_file_reported() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    copy_examples(&inbox, &["baylight-news.html", "coastal-ledger.txt"]);
    std::fs::write(inbox.join("empty.txt"), "").unwrap();
    std::fs::write(inbox.join("binary.txt"), [0u8, 1, 2, 3, 0, 255, 0]).unwrap();
    // Default scheduling: an http feed would wait 30 minutes.
    let config = dir.path().join("newsdesk.toml");
    std::fs::write(&config, "store = \"news.sqlite\"\n").unwrap();
    let store = dir.path().join("news.sqlite");
    add_feed(&store, &inbox);
    let run_once = || run_once(&config);

    let first = run_once();
    let skipped = log_lines(&first.stderr, "file skipped");
    let errors: Vec<&str> = skipped
        .iter()
        .map(|line| line["fields"]["error"].as_str().unwrap())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("binary.txt") && errors[0].contains("binary"));
    assert!(errors[1].contains("empty.txt") && errors[1].contains("empty"));
    let last_error = |listed: &[serde_json::Value]| listed[0]["last_error"].clone();
    let error = last_error(&feeds_listed(&store));
    assert!(
        error.as_str().is_some_and(|e| e.contains("2 files failed")),
        "{error}"
    );
    assert_eq!(
        SqliteStore::open(&store).unwrap().article_count().unwrap(),
        2
    );

    // Files added since are read at the next pass, with no wait.
    copy_examples(&inbox, &["northwind-wire.txt", "port-city-tribune.txt"]);
    let mut bad_bytes = std::fs::read(inbox.join("northwind-wire.txt")).unwrap();
    bad_bytes.insert(bad_bytes.len() / 2, 0xFF);
    std::fs::write(inbox.join("northwind-wire.txt"), bad_bytes).unwrap();
    // (Files changed within a second before a read are read again at the
    // next pass, for file systems with coarse times.)
    std::thread::sleep(Duration::from_millis(1100));
    let second = run_once();
    let done = log_lines(&second.stderr, "pass done");
    assert_eq!(done[0]["fields"]["articles"], 2, "{done:?}");
    let replaced = log_lines(
        &second.stderr,
        "bytes that are not UTF-8 replaced by U+FFFD",
    );
    assert_eq!(
        replaced.len(),
        1,
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(
        SqliteStore::open(&store).unwrap().article_count().unwrap(),
        4
    );

    // Nothing changed: the folder is looked at, not read, and what was
    // wrong with its files still shows.
    let third = run_once();
    assert_eq!(
        log_lines(&third.stderr, "folder unchanged since its last read").len(),
        1
    );
    assert!(log_lines(&third.stderr, "file skipped").is_empty());
    assert_eq!(last_error(&feeds_listed(&store)), error);

    // A folder an older version scheduled half an hour ahead, as it did
    // feeds, is looked at all the same.
    {
        let mut opened = SqliteStore::open(&store).unwrap();
        let feed = opened.feeds().unwrap().remove(0);
        let now = chrono::Utc::now();
        opened
            .record_fetch(&newsdesk_store::Fetch {
                feed: feed.id,
                url: feed.url,
                at: now,
                status: None,
                error: None,
                bytes: 0,
                duration_ms: 0,
                etag: None,
                last_modified: None,
                next_due_at: Some(now + chrono::Duration::minutes(30)),
            })
            .unwrap();
    }
    std::fs::remove_file(inbox.join("empty.txt")).unwrap();
    let fourth = run_once();
    assert!(log_lines(&fourth.stderr, "feed skipped: not due yet").is_empty());
    let done = log_lines(&fourth.stderr, "pass done");
    assert_eq!(done[0]["fields"]["fetched"], 1, "{done:?}");
    assert_eq!(log_lines(&fourth.stderr, "file skipped").len(), 1);

    // A folder moved into place, its file and itself dated last week, is
    // read too: moving it changed its status time.
    let moved = dir.path().join("moved");
    std::fs::create_dir(&moved).unwrap();
    std::fs::write(
        moved.join("follow-up.txt"),
        "Valmora dockworkers vote on a new offer\n\n\
         Dockworkers at the port of Valmora will vote on Monday on a new pay offer that \
         union leaders said met most of their demands after a week of talks.\n\n\
         The offer raises pay by 7 percent over two years and keeps a minimum crew on \
         night shifts, the union said in a statement on Sunday.\n",
    )
    .unwrap();
    let last_week = std::time::SystemTime::now() - Duration::from_secs(7 * 24 * 3600);
    for path in [moved.join("follow-up.txt"), moved.clone()] {
        std::fs::File::open(&path)
            .unwrap()
            .set_modified(last_week)
            .unwrap();
    }
    std::fs::rename(&inbox, dir.path().join("old-inbox")).unwrap();
    std::fs::rename(&moved, &inbox).unwrap();
    let fifth = run_once();
    let done = log_lines(&fifth.stderr, "pass done");
    assert_eq!(done[0]["fields"]["articles"], 1, "{done:?}");
}

#[test]
fn a_feed_that_is_not_due_is_skipped_saying_when_it_is_next_checked() {
    let newsroom = Newsroom::start();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newsdesk.toml");
    std::fs::write(
        &config,
        format!(
            "store = \"news.sqlite\"\nfeeds = [{:?}]\n\n[fetch]\ncontact = \"tests@example.invalid\"\n\
             per_host_delay = \"0s\"\nallow_addresses = [\"127.0.0.0/8\"]\n",
            newsroom.url(GOOD_FEEDS[0])
        ),
    )
    .unwrap();
    run_once(&config);
    // Nothing due is no failure.
    let second = run_once(&config);
    let skipped = log_lines(&second.stderr, "feed skipped: not due yet");
    assert_eq!(
        skipped.len(),
        1,
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(skipped[0]["fields"]["feed"], newsroom.url(GOOD_FEEDS[0]));
    let next = skipped[0]["fields"]["next_check"].as_str().unwrap();
    let next = chrono::DateTime::parse_from_rfc3339(next).unwrap();
    let wait = next.signed_duration_since(chrono::Utc::now());
    assert!(wait > chrono::Duration::minutes(25), "{wait}");
    let done = log_lines(&second.stderr, "pass done");
    assert_eq!(done[0]["fields"]["feeds"], 0);
    assert_eq!(done[0]["fields"]["not_due"], 1);
    assert!(done[0]["fields"]["next_check"].is_string(), "{done:?}");
}

/// `run --once` with these feeds and `[fetch]` lines: the output.
fn run_once_with(feeds: &[String], fetch: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newsdesk.toml");
    std::fs::write(
        &config,
        format!(
            "store = \"news.sqlite\"\nfeeds = {feeds:?}\n\n[fetch]\ncontact = \"tests@example.invalid\"\n\
             retries = 0\ntimeout = \"5s\"\n{fetch}"
        ),
    )
    .unwrap();
    newsdesk()
        .args(["run", "--once", "--config"])
        .arg(&config)
        .output()
        .unwrap()
}

#[test]
fn a_pass_that_reads_no_feed_fails_and_says_why_in_its_last_line() {
    // A port on loopback where nothing listens.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let closed = format!("http://127.0.0.1:{port}/rss.xml");
    for (feeds, fetch, cause) in [
        (
            vec![closed.clone()],
            "",
            "every feed is on an address refused by default: list the ranges to allow in fetch.allow_addresses",
        ),
        (
            vec![closed.clone()],
            "allow_addresses = [\"127.0.0.0/8\"]\n",
            "no server could be reached",
        ),
        (
            vec![
                "http://newsdesk-test.invalid/rss.xml".to_string(),
                "https://nowhere.invalid/feed".to_string(),
            ],
            "",
            "no host name could be looked up",
        ),
    ] {
        let output = run_once_with(&feeds, fetch);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{feeds:?}: {stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        let count = feeds.len();
        assert!(
            last.starts_with(&format!(
                "newsdesk: no feed could be read ({count} of {count} failed): "
            )) && last.contains(cause),
            "{feeds:?}: {last}"
        );
    }
    // The refusal names the setting in the feed's error too.
    let refused = run_once_with(std::slice::from_ref(&closed), "");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("refused to connect to 127.0.0.1 (loopback address; fetch.allow_addresses"),
        "{stderr}"
    );
}

/// Removes ANSI escape sequences (colours, cursor moves, line clears).
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                // Parameters, then one final letter (or ~).
                for next in chars.by_ref() {
                    if next.is_ascii_alphabetic() || next == '~' {
                        break;
                    }
                }
            } else {
                chars.next();
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn on_a_terminal_log_lines_and_the_summary_are_printed_above_the_progress_bar() {
    let desk = Desk::new(
        Newsroom::start_with_page_delay(Duration::from_millis(60)),
        &["/courier/rss.xml", "/missing/rss.xml", "/broken/rss.xml"],
    );
    // `script` runs the command on a pseudo-terminal and copies what it
    // printed to standard output.
    let command = format!(
        "{} run --once --config {}",
        env!("CARGO_BIN_EXE_newsdesk"),
        desk.config().display()
    );
    let output = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .env("COLUMNS", "120")
        .env("LINES", "40")
        .stdin(Stdio::null())
        .output()
        .expect("script (util-linux) runs a command on a terminal");
    let screen = strip_ansi(&String::from_utf8_lossy(&output.stdout));
    assert!(output.status.success(), "{screen}");
    // Every log line and message starts a line of its own: nothing of the
    // bar is left before it on its line.
    let mut checked = 0;
    for (at, _) in screen
        .match_indices(" WARN ")
        .chain(screen.match_indices("newsdesk: "))
        .chain(screen.match_indices("  story "))
    {
        let line_start = screen[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let before = &screen[line_start..at];
        assert!(
            before
                .chars()
                .all(|c| c.is_ascii_digit() || "-:.TZ ".contains(c)),
            "{before:?} is left before a line:\n{screen}"
        );
        checked += 1;
    }
    assert!(
        screen.matches(" WARN ").count() >= 2,
        "the failing feeds are logged:\n{screen}"
    );
    assert!(checked >= 3, "{screen}");
    // The summary is the last thing on the screen: no bar after it.
    let summary = screen.rfind("newsdesk: 3 feeds read").expect(&screen);
    let after = screen[summary..]
        .split_once('\n')
        .map_or("", |(_, rest)| rest);
    assert!(after.trim().is_empty(), "after the summary: {after:?}");
}

#[test]
fn serve_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("news.sqlite");
    add_feed(&store, Path::new("https://news.example/rss"));
    let (mut site, address) = serve(store.as_os_str());
    http_get(&address, "/");
    terminate(&site);
    let status = wait_for(&mut site, Duration::from_secs(10));
    assert_eq!(status.code(), Some(0), "{status:?}");
}

#[test]
fn two_runs_starting_together_on_a_new_store_both_succeed() {
    // The store does not exist when both start: creating it and bringing
    // its schema up to date must not fail either of them.
    for trial in 0..6 {
        let desk = Desk::new(Newsroom::start(), GOOD_FEEDS);
        let runs = [desk.spawn(&["--once"]), desk.spawn(&["--once"])];
        for child in runs {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "trial {trial}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        assert_eq!(desk.store().feeds().unwrap().len(), GOOD_FEEDS.len());
    }
}

#[test]
fn control_characters_and_impossible_dates_from_sources_never_reach_the_reader() {
    // The hostile outlet's titles, bylines, text and feed title carry
    // escape sequences and other controls; its feed dates its two pages
    // 9999-12-31 and 0000-01-01.
    let desk = Desk::new(Newsroom::start(), &["/hostile/feed.json"]);
    desk.run_once();
    let store = desk.store_path();
    let show = |args: &[&str]| {
        let output = succeeded(newsdesk().args(args).arg("--store").arg(&store));
        String::from_utf8(output.stdout).unwrap()
    };
    let list = show(&["stories", "list"]);
    assert!(list.contains("Kestrel reservoir"), "{list}");
    let ids: Vec<i64> = serde_json::from_str::<Vec<serde_json::Value>>(&show(&[
        "stories", "list", "--format", "json",
    ]))
    .unwrap()
    .iter()
    .map(|row| row["id"].as_i64().unwrap())
    .collect();
    assert!(!ids.is_empty());
    let mut printed = vec![list, show(&["feeds", "list"])];
    for id in ids {
        for format in ["md", "text", "html", "json"] {
            printed.push(show(&[
                "stories",
                "show",
                &id.to_string(),
                "--format",
                format,
            ]));
        }
    }
    for output in &printed {
        let controls: Vec<char> = output
            .chars()
            .filter(|&c| c.is_control() && c != '\n')
            .collect();
        assert!(controls.is_empty(), "{controls:?} printed in:\n{output}");
        // Nor as the escapes JSON would write them.
        assert!(
            !output.contains("\\u001b") && !output.contains("\\u0007"),
            "{output}"
        );
        for impossible in ["9999", "-0001", "0000-01-01", "December 31, 9999"] {
            assert!(
                !output.contains(impossible),
                "{impossible} printed in:\n{output}"
            );
        }
    }
}

#[test]
fn a_page_naming_another_sites_article_as_canonical_does_not_take_it_over() {
    let desk = Desk::new(Newsroom::start(), &["/impostor/rss.xml"]);
    desk.run_once();
    // The real article's own site ("localhost", the same server under
    // another name) lists it afterwards.
    let courier = desk
        .newsroom
        .url("/courier/rss.xml")
        .replace("127.0.0.1", "localhost");
    succeeded(
        newsdesk()
            .args(["feeds", "add", &courier, "--store"])
            .arg(desk.store_path()),
    );
    let output = desk.run_once();
    let articles: u64 = log_lines(&output.stderr, "pass done")
        .iter()
        .map(|line| line["fields"]["articles"].as_u64().unwrap())
        .sum();
    assert!(articles >= 1, "the courier's article is fetched");
    let store = desk.store();
    let victim = desk
        .newsroom
        .url(newsdesk_testkit::IMPOSTOR_VICTIM)
        .replace("127.0.0.1", "localhost");
    let id = store.article_by_url(&victim).unwrap().expect("stored");
    let stored = store.article(id).unwrap().unwrap();
    assert_eq!(stored.article.outlet.as_deref(), Some("Marlow Courier"));
    assert!(stored
        .article
        .text
        .contains("cracks in one of its main steel girders"));
    let impostor = store
        .article_by_url(&desk.newsroom.url("/impostor/ridgeway-exclusive.html"))
        .unwrap()
        .expect("the impostor is kept under its own address");
    let impostor = store.article(impostor).unwrap().unwrap();
    assert_eq!(impostor.article.outlet.as_deref(), Some("Impostor Daily"));
}
