//! `newsdesk feeds` as a user runs it: the real binary on a store in a
//! temporary directory.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh store, removed with its directory when the test ends.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        Desk {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("feeds.sqlite")
    }

    /// `newsdesk feeds --store <this store> <args>`, to run.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        command
            .arg("feeds")
            .arg("--store")
            .arg(self.store())
            .args(args)
            .current_dir(self.dir.path());
        command
    }

    fn feeds(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs and expects success; returns standard output.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.feeds(args);
        assert!(
            output.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// The stored feeds as `list --format json` shows them.
    fn listed(&self) -> Vec<Value> {
        let json: Value = serde_json::from_str(&self.ok(&["list", "--format", "json"])).unwrap();
        json.as_array().unwrap().clone()
    }

    fn urls(&self) -> Vec<String> {
        let mut urls: Vec<String> = self
            .listed()
            .iter()
            .map(|feed| feed["url"].as_str().unwrap().to_string())
            .collect();
        urls.sort();
        urls
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../newsdesk-feeds/tests/fixtures")
        .join(name)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn add_list_and_remove() {
    let desk = Desk::new();
    assert!(desk.ok(&["list"]).contains("no feeds"));
    assert!(desk.listed().is_empty());

    let added = desk.ok(&[
        "add",
        "https://News.Example/world.xml",
        "--title",
        "Example World",
    ]);
    assert_eq!(added.trim(), "added https://news.example/world.xml");
    desk.ok(&["add", "http://other.example/rss"]);

    let text = desk.ok(&["list"]);
    assert!(text.contains("https://news.example/world.xml"), "{text}");
    assert!(text.contains("Example World"), "{text}");
    assert!(text.contains("last fetch: never"), "{text}");

    let listed = desk.listed();
    assert_eq!(listed.len(), 2);
    let feed = listed
        .iter()
        .find(|feed| feed["url"] == "https://news.example/world.xml")
        .unwrap();
    assert_eq!(feed["title"], "Example World");
    assert_eq!(feed["article_count"], 0);
    assert_eq!(feed["last_fetched_at"], Value::Null);
    assert_eq!(feed["last_status"], Value::Null);
    assert_eq!(feed["last_error"], Value::Null);

    // Removing takes the URL as it was typed, in any canonical-equal form.
    let removed = desk.ok(&["remove", "https://NEWS.example/world.xml"]);
    assert!(removed.contains("removed"), "{removed}");
    assert_eq!(desk.urls(), ["http://other.example/rss"]);

    let again = desk.feeds(&["remove", "https://news.example/world.xml"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("no feed https://news.example/world.xml"));
}

#[test]
fn adding_twice_keeps_one_feed() {
    let desk = Desk::new();
    desk.ok(&["add", "https://news.example/rss"]);
    let second = desk.ok(&["add", "https://news.example/rss"]);
    assert!(second.contains("already watched"), "{second}");
    assert_eq!(desk.listed().len(), 1);
}

#[test]
fn bad_urls_are_refused_by_name() {
    let desk = Desk::new();
    for bad in [
        "news.example/rss",
        "ftp://news.example/rss",
        "file:///etc/hosts",
        "",
    ] {
        let output = desk.feeds(&["add", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let message = stderr(&output);
        assert!(message.contains(&format!("{bad:?}")), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
    assert!(desk.listed().is_empty());
}

#[test]
fn import_an_opml_file() {
    let desk = Desk::new();
    let path = fixture("subscriptions.opml");
    let said = desk.ok(&["import", path.to_str().unwrap()]);
    assert!(said.contains("3 new"), "{said}");
    assert_eq!(
        desk.urls(),
        [
            "https://gazette.example/world/rss.xml",
            "https://meridian.example/feed.json",
            "https://wire.example/feeds/world.atom",
        ]
    );
    let titles: Vec<_> = desk.listed().iter().map(|f| f["title"].clone()).collect();
    assert!(titles.contains(&Value::from("Meridian & Co")));

    let twice = desk.ok(&["import", path.to_str().unwrap()]);
    assert!(twice.contains("0 new, 3 already watched"), "{twice}");
}

#[test]
fn export_then_import_elsewhere_gives_the_same_feeds() {
    let first = Desk::new();
    first.ok(&["import", fixture("subscriptions.opml").to_str().unwrap()]);
    first.ok(&[
        "add",
        "https://news.example/a?b=1&c=2",
        "--title",
        "Q & A <live>",
    ]);

    let file = first.dir.path().join("export.opml");
    first.ok(&["export", file.to_str().unwrap()]);
    let to_stdout = first.ok(&["export"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), to_stdout);

    let second = Desk::new();
    second.ok(&["import", file.to_str().unwrap()]);
    let strip = |feeds: Vec<Value>| -> Vec<(Value, Value)> {
        let mut pairs: Vec<_> = feeds
            .into_iter()
            .map(|f| (f["url"].clone(), f["title"].clone()))
            .collect();
        pairs.sort_by_key(|(url, _)| url.to_string());
        pairs
    };
    assert_eq!(strip(first.listed()), strip(second.listed()));
}

#[test]
fn defaults_add_the_built_in_list_once() {
    let desk = Desk::new();
    let said = desk.ok(&["defaults"]);
    let count = desk.listed().len();
    assert!(count >= 12, "{said}");
    assert!(
        said.contains(&format!("added {count} default feeds")),
        "{said}"
    );
    assert!(desk.listed().iter().all(|feed| feed["title"].is_string()));

    let again = desk.ok(&["defaults"]);
    assert!(again.contains("added 0 default feeds"), "{again}");
    assert_eq!(desk.listed().len(), count);
}

#[test]
fn the_store_defaults_to_a_file_in_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["feeds", "add", "https://news.example/rss"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("newsdesk.sqlite").exists());
}

#[test]
fn a_folder_is_known_by_the_path_it_was_added_with() {
    let desk = Desk::new();
    std::fs::create_dir(desk.dir.path().join("inbox")).unwrap();
    let added = desk.ok(&["add", "./inbox"]);
    assert!(added.starts_with("added file://"), "{added}");
    assert_eq!(desk.urls().len(), 1);
    let removed = desk.ok(&["remove", "./inbox"]);
    assert!(removed.contains("removed file://"), "{removed}");
    assert!(desk.listed().is_empty());

    // Still by its path once the folder itself is gone.
    desk.ok(&["add", "inbox"]);
    std::fs::remove_dir(desk.dir.path().join("inbox")).unwrap();
    desk.ok(&["remove", "./inbox"]);
    assert!(desk.listed().is_empty());
}

#[test]
fn a_missing_folder_or_a_file_is_refused_by_name() {
    let desk = Desk::new();
    let missing = desk.feeds(&["add", "./nodir"]);
    assert_eq!(missing.status.code(), Some(2));
    let message = stderr(&missing);
    assert!(message.contains("\"./nodir\": no such folder"), "{message}");
    assert!(!message.contains("relative URL"), "{message}");

    std::fs::write(desk.dir.path().join("story.txt"), "text").unwrap();
    let file = desk.feeds(&["add", "story.txt"]);
    assert_eq!(file.status.code(), Some(2));
    assert!(
        stderr(&file).contains("\"story.txt\" is a file, not a folder"),
        "{}",
        stderr(&file)
    );
    assert!(desk.listed().is_empty());
}

#[test]
fn a_feed_on_a_loopback_or_private_address_is_added_with_a_warning() {
    let desk = Desk::new();
    for url in [
        "http://127.0.0.1:8080/rss",
        "http://localhost/feed.xml",
        "http://192.168.1.20/rss",
        "http://[::1]/rss",
    ] {
        let output = desk.feeds(&["add", url]);
        assert!(output.status.success(), "{url}: {}", stderr(&output));
        let warning = stderr(&output);
        assert!(warning.contains("warning:"), "{url}: {warning}");
        assert!(
            warning.contains("fetch.allow_addresses"),
            "{url}: {warning}"
        );
    }
    assert_eq!(desk.listed().len(), 4);
    // Feeds imported from OPML too.
    let opml = desk.dir.path().join("local.opml");
    std::fs::write(
        &opml,
        "<opml version=\"2.0\"><body><outline xmlUrl=\"http://10.1.2.3/rss\"/></body></opml>",
    )
    .unwrap();
    let imported = desk.feeds(&["import", opml.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stderr(&imported).contains("10.1.2.3 is a private address"),
        "{}",
        stderr(&imported)
    );

    // Public addresses, and ranges the configuration allows, say nothing.
    std::fs::write(
        desk.dir.path().join("newsdesk.toml"),
        "[fetch]\nallow_addresses = [\"127.0.0.0/8\"]\n",
    )
    .unwrap();
    for url in ["http://127.0.0.2/rss", "https://news.example/rss"] {
        let output = desk.feeds(&["add", url]);
        assert!(output.status.success(), "{url}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{url}");
    }
}

#[test]
fn an_opml_file_with_bad_entries_imports_the_good_ones_and_names_the_others() {
    let desk = Desk::new();
    // Markup broken after a good entry: the good entry is kept.
    let broken = desk.dir.path().join("broken.opml");
    std::fs::write(
        &broken,
        "<opml version=\"2.0\"><body><outline xmlUrl=\"https://a.example/rss\"></body>",
    )
    .unwrap();
    // One entry that is no feed URL, one with an unknown entity, two good.
    let mixed = desk.dir.path().join("mixed.opml");
    std::fs::write(
        &mixed,
        "<opml version=\"2.0\"><body><outline xmlUrl=\"https://b.example/rss\"/>\
         <outline xmlUrl=\"gopher://c.example/\"/>\
         <outline xmlUrl=\"https://d.example/&bogus;\"/>\
         <outline xmlUrl=\"https://e.example/feed\"/></body></opml>",
    )
    .unwrap();

    let output = desk.feeds(&["import", broken.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("broken.opml: skipping at byte"), "{said}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 skipped"));

    let output = desk.feeds(&["import", mixed.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert_eq!(said.lines().count(), 2, "{said}");
    assert!(said.contains("gopher://c.example/"), "{said}");
    assert!(said.contains("cannot be read"), "{said}");
    assert_eq!(
        desk.urls(),
        [
            "https://a.example/rss",
            "https://b.example/rss",
            "https://e.example/feed"
        ]
    );

    // A file with nothing usable fails, naming each entry.
    let useless = desk.dir.path().join("useless.opml");
    std::fs::write(
        &useless,
        "<opml><body><outline xmlUrl=\"ftp://x.example/\"/></body></opml>",
    )
    .unwrap();
    let output = desk.feeds(&["import", useless.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("ftp://x.example/"));
}

#[test]
fn a_file_that_is_no_opml_is_one_line_naming_it_and_adds_nothing() {
    let desk = Desk::new();
    let missing = desk.dir.path().join("missing.opml");
    let not_opml = fixture("rss2.xml");
    let fifo = desk.dir.path().join("pipe.opml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for file in [&missing, &not_opml, &fifo, &PathBuf::from("/dev/zero")] {
        let output = desk.feeds(&["import", file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", file.display());
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains(&file.display().to_string()), "{message}");
    }
    assert!(desk.listed().is_empty());
}

#[test]
fn two_processes_creating_one_new_store_both_succeed() {
    // Each trial starts two real processes on a store that does not exist
    // yet; both must create-or-open it and add their feed.
    for trial in 0..25 {
        let desk = Desk::new();
        let spawn = |url: &str| {
            desk.command(&["add", url])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let first = spawn("https://one.example/rss");
        let second = spawn("https://two.example/rss");
        for child in [first, second] {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "trial {trial}: {}",
                stderr(&output)
            );
        }
        assert_eq!(
            desk.urls(),
            ["https://one.example/rss", "https://two.example/rss"],
            "trial {trial}"
        );
    }
}

#[test]
fn a_store_error_says_its_cause_once() {
    let desk = Desk::new();
    std::fs::write(
        desk.store(),
        "these are not the pages of a database\n".repeat(200),
    )
    .unwrap();
    let output = desk.feeds(&["list"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(
        message.matches("not a database").count(),
        1,
        "the cause once: {message}"
    );
    assert!(
        message.contains(&desk.store().display().to_string()),
        "{message}"
    );
}
