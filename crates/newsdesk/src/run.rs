//! `newsdesk run`: the continuous job, pass after pass until stopped.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use newsdesk_scan::{Event, Observer, PassReport, Scanner, StopSignal};
use newsdesk_store::{Location, Store};

use crate::config::Config;
use crate::progress::{progress, say, AboveBar};

#[derive(clap::Args)]
pub struct RunArgs {
    /// The configuration file (default: newsdesk.toml in the working
    /// directory, when there is one).
    #[arg(long)]
    config: Option<PathBuf>,
    #[arg(long, help = crate::STORE_HELP)]
    store: Option<PathBuf>,
    /// One pass, then exit.
    #[arg(long)]
    once: bool,
    /// Time between passes, like "15m"; overrides `scan.every`.
    #[arg(long, value_parser = humantime::parse_duration)]
    every: Option<Duration>,
    /// Also serve the site from this process.
    #[arg(long)]
    serve: bool,
    /// Where the site listens; overrides `serve.listen`.
    #[arg(long)]
    listen: Option<SocketAddr>,
    /// How to log when standard error is not a terminal.
    #[arg(long, value_enum, default_value = "text")]
    log_format: LogFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LogFormat {
    /// One line per event: time, level, message, key=value fields.
    Text,
    /// One JSON object per line.
    Json,
}

pub fn run(args: RunArgs) -> Result<ExitCode> {
    let mut config = Config::load(args.config.as_deref())?;
    if let Some(store) = args.store {
        config.store = store;
    }
    if let Some(every) = args.every {
        config.scan.every = every;
    }
    if let Some(listen) = args.listen {
        config.serve.listen = listen;
    }
    let terminal = std::io::stderr().is_terminal();
    init_logs(terminal, args.log_format);

    // Checked before the store is made, so a typo creates nothing.
    let feeds = config
        .feeds
        .iter()
        .map(|feed| {
            source_url(feed).with_context(|| format!("in the configuration's feeds: {feed}"))
        })
        .collect::<Result<Vec<_>>>()?;
    let location = Location::from_path(&config.store);
    let mut store = newsdesk_store::open(&location)
        .with_context(|| format!("cannot open the store {}", location.describe()))?;
    add_configured_feeds(store.as_mut(), &feeds)?;
    let fetcher =
        newsdesk_fetch::Fetcher::new(config.fetch_config()).context("cannot set up fetching")?;
    let mut scanner = Scanner::new(store, fetcher, config.scan_config())
        .context("cannot resume story detection from the store")?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let read_nothing = runtime.block_on(async {
        let stop = StopSignal::default();
        watch_signals(stop.clone())?;
        let site = if args.serve {
            Some(start_site(&config, stop.clone()).await?)
        } else {
            None
        };
        let bar = Bar::default();
        let observer: &dyn Observer = if terminal { &bar } else { &Log };
        let mut read_nothing;
        loop {
            let report = scanner
                .pass(observer, &stop)
                .await
                .context("the pass failed")?;
            if terminal {
                bar.finish();
                say(&summary(&report));
            }
            // Every feed due failed: say why, in one line (and fail a
            // single pass, so that cron sees it).
            read_nothing = report.feeds_due > 0
                && report.feeds_fetched + report.feeds_unchanged == 0
                && !report.stopped;
            if read_nothing {
                say(&format!("newsdesk: {}", failure_cause(&report)));
            }
            if args.once || stop.is_stopped() {
                break;
            }
            stop.sleep(config.scan.every).await;
            if stop.is_stopped() {
                break;
            }
        }
        stop.stop();
        if let Some(site) = site {
            site.await.context("the site task failed")??;
        }
        anyhow::Ok(read_nothing)
    })?;
    Ok(if args.once && read_nothing {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Why no feed could be read, in one line: the cause all the failures
/// share when they share one (no network, say), else the first error.
fn failure_cause(report: &PassReport) -> String {
    let failures = &report.failures;
    let all = |needles: &[&str]| {
        !failures.is_empty()
            && failures
                .iter()
                .all(|error| needles.iter().any(|needle| error.contains(needle)))
    };
    let cause = if all(&["lookup address", "name resolution", "Name or service"]) {
        "no host name could be looked up: is there no network (or no DNS)?".to_string()
    } else if all(&["refused to connect to"]) {
        "every feed is on an address refused by default: list the ranges to allow in fetch.allow_addresses".to_string()
    } else if all(&["cannot connect", "timed out", "network error"]) {
        "no server could be reached: is there no network?".to_string()
    } else {
        match failures.first() {
            Some(first) => format!("the first error: {first}"),
            None => "see the warnings above".to_string(),
        }
    };
    format!(
        "no feed could be read ({} of {} failed): {cause}",
        report.feeds_failed, report.feeds_due
    )
}

/// Adds the feeds the configuration lists; on a store with no feeds at all
/// and none configured, the default list, so a first run needs nothing.
fn add_configured_feeds(store: &mut dyn Store, feeds: &[String]) -> Result<()> {
    let now = chrono::Utc::now();
    for url in feeds {
        store.add_feed(url, None, now)?;
    }
    if store.feeds()?.is_empty() {
        let defaults = newsdesk_feeds::default_feeds();
        eprintln!(
            "newsdesk: no feeds configured; watching the {} default feeds (`newsdesk feeds list` shows them)",
            defaults.len()
        );
        for feed in defaults {
            store.add_feed(feed.url, Some(feed.outlet), now)?;
        }
    }
    Ok(())
}

/// A feed's URL as stored: a local folder becomes a `file:` URL.
pub fn source_url(text: &str) -> Result<String> {
    if text.starts_with("file:") {
        let url = url_of(text)?;
        return Ok(url);
    }
    if text.trim().is_empty() || text.contains("://") {
        return Ok(newsdesk_feeds::validate_feed_url(text)?);
    }
    // No scheme: the path of a folder.
    let path = Path::new(text);
    if path.is_dir() {
        let absolute = path
            .canonicalize()
            .with_context(|| format!("{text:?}: cannot resolve the folder"))?;
        return folder_url(text, &absolute);
    }
    if path.exists() {
        anyhow::bail!(
            "{text:?} is a file, not a folder: watch the folder that holds it, or write a story from it with `newsdesk digest`"
        );
    }
    anyhow::bail!("{text:?}: no such folder (a feed's URL starts with http:// or https://)")
}

/// The URLs a folder feed named by `text` may have been stored under: the
/// folder as it is now and, when it is gone, its absolute path as typed.
pub fn folder_urls(text: &str) -> Vec<String> {
    if text.contains("://") || text.starts_with("file:") || text.trim().is_empty() {
        return Vec::new();
    }
    let path = Path::new(text);
    let mut urls = Vec::new();
    for absolute in [path.canonicalize().ok(), std::path::absolute(path).ok()]
        .into_iter()
        .flatten()
    {
        if let Ok(url) = folder_url(text, &absolute) {
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
    }
    urls
}

fn folder_url(text: &str, absolute: &Path) -> Result<String> {
    Ok(url::Url::from_directory_path(absolute)
        .map_err(|()| anyhow::anyhow!("{text:?} cannot be named by a URL"))?
        .to_string())
}

fn url_of(text: &str) -> Result<String> {
    let url = url::Url::parse(text).with_context(|| format!("{text:?} is not a URL"))?;
    let path = url
        .to_file_path()
        .map_err(|()| anyhow::anyhow!("{text:?} names no local path"))?;
    if !path.is_dir() {
        anyhow::bail!("{text:?}: {} is not a directory", path.display());
    }
    Ok(url.to_string())
}

fn init_logs(terminal: bool, format: LogFormat) {
    // On a terminal the progress bars speak; logs are only the warnings.
    let level = if terminal {
        tracing::Level::WARN
    } else {
        tracing::Level::INFO
    };
    let builder = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(terminal);
    let _ = match format {
        LogFormat::Json if !terminal => builder.json().with_writer(std::io::stderr).try_init(),
        // On a terminal each line goes above the progress bar, not into it.
        _ if terminal => builder.with_writer(|| AboveBar(Vec::new())).try_init(),
        _ => builder.with_writer(std::io::stderr).try_init(),
    };
}

/// SIGINT or SIGTERM: finish the current write, then exit. A second one:
/// exit at once (every write is a transaction, so even that loses nothing).
fn watch_signals(stop: StopSignal) -> Result<()> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = signal(SignalKind::terminate()).context("cannot watch SIGTERM")?;
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot watch SIGINT")?;
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = interrupt.recv() => {}
            }
            if stop.is_stopped() {
                say("newsdesk: stopped at once");
                std::process::exit(130);
            }
            stop.stop();
            say("newsdesk: stopping after the current write (signal again to stop at once)");
        }
    });
    Ok(())
}

async fn start_site(
    config: &Config,
    stop: StopSignal,
) -> Result<tokio::task::JoinHandle<Result<()>>> {
    let listener = tokio::net::TcpListener::bind(config.serve.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.serve.listen))?;
    let address = listener.local_addr()?;
    eprintln!("newsdesk: serving the site on http://{address}/");
    let store = config.store.clone();
    let options = newsdesk_web::SiteOptions::default();
    let shutdown = async move { stop.sleep(Duration::MAX).await };
    Ok(tokio::spawn(async move {
        newsdesk_web::serve(store, listener, options, shutdown)
            .await
            .context("the site stopped")
    }))
}

fn summary(report: &PassReport) -> String {
    let mut line = format!(
        "newsdesk: {} feeds read ({} unchanged, {} failed), {} new articles, {} new stories, {} stories written",
        report.feeds_due,
        report.feeds_unchanged,
        report.feeds_failed,
        report.articles_new,
        report.stories_new,
        report.versions_written
    );
    if let Some(next) = report.next_check {
        line.push_str(&format!(
            "; {} feeds not due yet (next check at {})",
            report.feeds_not_due,
            next.format("%Y-%m-%d %H:%M UTC")
        ));
    }
    if report.stopped {
        line.push_str("; stopped early");
    }
    line
}

/// Progress on a terminal: one bar per pass over feeds, then pages.
#[derive(Default)]
struct Bar {
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl Bar {
    /// Clears the pass's bar, so that nothing stale stays above what follows.
    fn finish(&self) {
        if let Some(bar) = self.bar.lock().unwrap().take() {
            bar.finish_and_clear();
            progress().remove(&bar);
        }
    }
}

impl Observer for Bar {
    fn event(&self, event: Event<'_>) {
        let mut slot = self.bar.lock().unwrap();
        match event {
            Event::FeedsDue(count) => {
                if let Some(old) = slot.take() {
                    old.finish_and_clear();
                    progress().remove(&old);
                }
                let bar = progress().add(indicatif::ProgressBar::new(count as u64));
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} {prefix:>6} [{bar:30}] {pos}/{len} {wide_msg}",
                    )
                    .expect("a valid template")
                    .progress_chars("=> "),
                );
                bar.set_prefix("feeds");
                bar.enable_steady_tick(Duration::from_millis(120));
                *slot = Some(bar);
            }
            Event::FeedRead { url, .. } => {
                if let Some(bar) = slot.as_ref() {
                    bar.inc(1);
                    bar.set_message(url.to_string());
                }
            }
            Event::PagesQueued(count) => {
                if let Some(bar) = slot.as_ref() {
                    bar.set_prefix("pages");
                    bar.set_position(0);
                    bar.set_length(count as u64);
                }
            }
            Event::PageRead { url, .. } => {
                if let Some(bar) = slot.as_ref() {
                    bar.inc(1);
                    bar.set_message(url.to_string());
                }
            }
            Event::ArticleStored { .. } => {}
            Event::StoryWritten {
                story,
                version,
                headline,
            } => {
                if let Some(bar) = slot.take() {
                    bar.finish_and_clear();
                    progress().remove(&bar);
                }
                say(&format!("  story {story} v{version}: {headline}"));
            }
        }
    }
}

/// Progress as structured log lines, when not on a terminal.
struct Log;

impl Observer for Log {
    fn event(&self, event: Event<'_>) {
        match event {
            Event::FeedsDue(count) => tracing::info!(feeds = count, "pass started"),
            Event::ArticleStored {
                url,
                story,
                new_story,
            } => tracing::info!(url, story, new_story, "article stored"),
            Event::StoryWritten {
                story,
                version,
                headline,
            } => tracing::info!(story, version, headline, "story written"),
            Event::FeedRead { .. } | Event::PagesQueued(_) | Event::PageRead { .. } => {}
        }
    }
}
