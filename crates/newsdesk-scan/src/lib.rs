//! Scanning: the continuous job. One [`Scanner::pass`] fetches the feeds
//! that are due, keeps the new articles their entries point at (each once),
//! places each in a story as it arrives, and writes a new version of every
//! story that gained articles; stories that gained nothing are untouched.
//!
//! Crash safety comes from the order of writes, each its own transaction:
//! an article is stored, then placed in a story, and a feed's new
//! validators are stored only after every article its entries point at
//! has been handled. A run killed at any moment therefore refetches what
//! it had not finished, finds the articles it had stored by URL or content
//! (never storing one twice), places articles left unplaced and writes the
//! versions left unwritten ([`Scanner::pass`] starts with that).
//!
//! Several scanners may share one store (on PostgreSQL, one per machine):
//! each leases the due feeds it reads, so every feed is read by one of
//! them, and each stores the articles it finds. Only the placer, the one
//! scanner holding the store's placer claim, puts articles in stories and
//! writes them, because story detection keeps its state in memory; it
//! places the articles the others stored at its next pass, and a scanner
//! that takes the claim over rebuilds that state from the store first.

mod schedule;
mod sources;
mod stories;
#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::stream::{self, StreamExt};
use newsdesk_fetch::Fetcher;
use newsdesk_model::{Article, DropReason};
use newsdesk_store::{
    Feed, FeedId, Fetch, Insertion, NewArticle, PlacerClaim, Store, StoreError, StoryId,
};

pub use schedule::{next_due, Freshness, Intervals};
use sources::{Page, SourceRead};

/// What can stop a pass. Failures of single feeds and pages are not
/// errors: they are recorded with the feed and the pass goes on.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

/// How the scanner schedules and bounds its work.
#[derive(Debug, Clone)]
pub struct ScanConfig {
    pub intervals: Intervals,
    /// Entries read from one feed per fetch (newest first, as feeds list).
    pub max_entries_per_feed: usize,
    /// Fetches in flight at once, over all hosts (each host has its own,
    /// smaller limit in the fetcher).
    pub concurrency: usize,
    /// How far back story detection looks when it resumes after a restart.
    pub story_window: Duration,
    /// A story is written from at most this many of its newest articles.
    pub max_story_articles: usize,
    pub detector: newsdesk_cluster::Config,
    /// How long a scanner holds the feeds it leased, and its placer claim
    /// on a store that cannot see a dead holder, unless it renews them.
    pub lease: Duration,
    /// How often the placer rebuilds story detection from the stories of
    /// the last `story_window`, forgetting older ones, so that a run of a
    /// year holds weeks in memory, not the year, and places articles as a
    /// run restarted at that moment would.
    pub story_refresh: Duration,
}

impl Default for ScanConfig {
    fn default() -> Self {
        ScanConfig {
            intervals: Intervals {
                default: Duration::from_secs(30 * 60),
                min: Duration::from_secs(5 * 60),
                max: Duration::from_secs(24 * 60 * 60),
            },
            max_entries_per_feed: 100,
            concurrency: 16,
            story_window: Duration::from_secs(14 * 24 * 60 * 60),
            max_story_articles: 40,
            detector: newsdesk_cluster::Config::default(),
            lease: Duration::from_secs(15 * 60),
            story_refresh: Duration::from_secs(24 * 60 * 60),
        }
    }
}

/// Asks a running pass to stop after the write in progress. Cloned
/// handles share one flag.
#[derive(Debug, Clone, Default)]
pub struct StopSignal(Arc<AtomicBool>);

impl StopSignal {
    pub fn stop(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_stopped(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// Waits for `duration`, or less when the signal is raised meanwhile
    /// (noticed within a fifth of a second).
    pub async fn sleep(&self, duration: Duration) {
        let deadline = tokio::time::Instant::now().checked_add(duration);
        while !self.is_stopped() {
            let step = Duration::from_millis(200);
            let step = match deadline {
                Some(deadline) => {
                    let now = tokio::time::Instant::now();
                    if now >= deadline {
                        return;
                    }
                    step.min(deadline - now)
                }
                None => step,
            };
            tokio::time::sleep(step).await;
        }
    }
}

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassReport {
    pub feeds_due: usize,
    /// Feeds that sent a body.
    pub feeds_fetched: usize,
    /// Feeds whose server said nothing changed (304).
    pub feeds_unchanged: usize,
    pub feeds_failed: usize,
    pub pages_fetched: usize,
    pub pages_failed: usize,
    pub articles_new: usize,
    /// Pages whose article was already stored (same canonical URL or text).
    pub articles_known: usize,
    pub stories_new: usize,
    /// Stories found to be another story and merged into it.
    pub stories_merged: usize,
    pub versions_written: usize,
    /// Feeds not due at this pass's start, and so not read.
    pub feeds_not_due: usize,
    /// The earliest time one of those is next due.
    pub next_check: Option<DateTime<Utc>>,
    /// Why each failed feed failed, as recorded with it.
    pub failures: Vec<String>,
    /// Whether this scanner was the placer during the pass.
    pub placer: bool,
    /// The pass ended early because it was asked to stop.
    pub stopped: bool,
}

/// Progress of a pass, for a progress bar or a log.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// The number of feeds about to be read.
    FeedsDue(usize),
    FeedRead {
        url: &'a str,
        error: Option<&'a str>,
    },
    /// More article pages to fetch.
    PagesQueued(usize),
    PageRead {
        url: &'a str,
        error: Option<&'a str>,
    },
    /// An article was stored; `story` is where it was placed (`None` when
    /// another scanner is the placer and will place it).
    ArticleStored {
        url: &'a str,
        story: Option<StoryId>,
        new_story: bool,
    },
    StoryWritten {
        story: StoryId,
        version: u32,
        headline: &'a str,
    },
}

/// Receives a pass's progress.
pub trait Observer {
    fn event(&self, event: Event<'_>);
}

impl Observer for () {
    fn event(&self, _: Event<'_>) {}
}

/// The scanning job over one store.
pub struct Scanner<S: Store> {
    store: S,
    fetcher: Fetcher,
    config: ScanConfig,
    /// This scanner's name in leases and claims: host, process, start.
    worker: String,
    /// Story detection's state, while this scanner is the placer.
    stories: Option<stories::Stories>,
}

/// A page to fetch for a feed entry.
struct PageJob {
    feed: usize,
    url: String,
    title: Option<String>,
    published: Option<DateTime<Utc>>,
}

/// A feed read this pass whose state is written once its pages are done.
struct PendingFeed {
    feed: Feed,
    fetch: Fetch,
    pages_left: usize,
    page_errors: Vec<String>,
}

impl<S: Store> Scanner<S> {
    pub fn new(mut store: S, fetcher: Fetcher, config: ScanConfig) -> Result<Self, ScanError> {
        release_dead_local_workers(&mut store)?;
        Ok(Scanner {
            store,
            fetcher,
            config,
            worker: worker_name(),
            stories: None,
        })
    }

    /// This scanner's name in the store's leases and claims.
    pub fn worker(&self) -> &str {
        &self.worker
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn into_store(self) -> S {
        self.store
    }

    /// One pass over the due feeds. Returns early, with `stopped` set, when
    /// `stop` is raised; what was written stays consistent.
    pub async fn pass(
        &mut self,
        observer: &dyn Observer,
        stop: &StopSignal,
    ) -> Result<PassReport, ScanError> {
        let report = self.pass_holding_feeds(observer, stop).await;
        // Feeds left unread by a stop are free for the next pass at once.
        self.store.release_feeds(&self.worker)?;
        report
    }

    async fn pass_holding_feeds(
        &mut self,
        observer: &dyn Observer,
        stop: &StopSignal,
    ) -> Result<PassReport, ScanError> {
        let mut report = PassReport::default();
        let mut changed = BTreeSet::new();
        self.place_unplaced(&mut changed, &mut report, observer)?;
        // Feeds are due by the pass's start, so a feed due again at once
        // after its fetch waits for the next pass.
        let started = Utc::now();
        let folders = self.note_not_due(started, &mut report)?;

        // Read the due feeds a batch at a time, so that scanners sharing
        // the store share the work.
        let batch = self.config.concurrency.max(1) * 4;
        loop {
            if stop.is_stopped() {
                report.stopped = true;
                return Ok(report);
            }
            let due = self.store.lease_due_feeds(
                &self.worker,
                started,
                self.lease_end(Utc::now()),
                batch,
            )?;
            if due.is_empty() {
                break;
            }
            self.read_feeds(due, &mut changed, &mut report, observer, stop)
                .await?;
            if report.stopped {
                return Ok(report);
            }
        }
        // Folders scheduled by an older version, which waited like feeds:
        // looked at now.
        if !folders.is_empty() {
            self.read_feeds(folders, &mut changed, &mut report, observer, stop)
                .await?;
            if report.stopped {
                return Ok(report);
            }
        }
        // What other scanners stored meanwhile.
        self.place_unplaced(&mut changed, &mut report, observer)?;

        for story in changed {
            if stop.is_stopped() {
                report.stopped = true;
                break;
            }
            self.write_story(story, &mut report, observer)?;
        }
        tracing::info!(
            feeds = report.feeds_due,
            fetched = report.feeds_fetched,
            unchanged = report.feeds_unchanged,
            failed = report.feeds_failed,
            not_due = report.feeds_not_due,
            next_check = report.next_check.map(|at| at.to_rfc3339()),
            articles = report.articles_new,
            stories_new = report.stories_new,
            merged = report.stories_merged,
            versions = report.versions_written,
            placer = report.placer,
            "pass done"
        );
        Ok(report)
    }

    /// Says why each feed not due at `started` is skipped: when it is next
    /// checked. Returns the folders among them: a folder is looked at every
    /// pass, and only one scheduled by an older version waits.
    fn note_not_due(
        &self,
        started: DateTime<Utc>,
        report: &mut PassReport,
    ) -> Result<Vec<Feed>, ScanError> {
        let mut folders = Vec::new();
        for feed in self.store.feeds()? {
            let Some(due) = feed.next_due_at.filter(|&due| due > started) else {
                continue;
            };
            if sources::directory_of(&feed.url).is_some() {
                folders.push(feed);
                continue;
            }
            tracing::info!(
                feed = %feed.url,
                next_check = %due.to_rfc3339(),
                "feed skipped: not due yet"
            );
            report.feeds_not_due += 1;
            report.next_check = Some(report.next_check.map_or(due, |next| next.min(due)));
        }
        Ok(folders)
    }

    fn lease_end(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + chrono::Duration::from_std(self.config.lease).unwrap_or(chrono::Duration::MAX)
    }

    /// Reads a batch of leased feeds and stores the new articles their
    /// entries point at.
    async fn read_feeds(
        &mut self,
        due: Vec<Feed>,
        changed: &mut BTreeSet<StoryId>,
        report: &mut PassReport,
        observer: &dyn Observer,
        stop: &StopSignal,
    ) -> Result<(), ScanError> {
        report.feeds_due += due.len();
        observer.event(Event::FeedsDue(due.len()));
        let fetcher = &self.fetcher;
        let reads: Vec<(Feed, SourceRead, u64)> = stream::iter(due)
            .map(|feed| async move {
                let (read, millis) = sources::read_source(fetcher, &feed).await;
                (feed, read, millis)
            })
            .buffer_unordered(self.config.concurrency.max(1))
            .collect()
            .await;

        let mut pending = Vec::new();
        let mut jobs = Vec::new();
        let mut queued = HashSet::new();
        for (feed, read, millis) in reads {
            if stop.is_stopped() {
                report.stopped = true;
                return Ok(());
            }
            self.take_read(
                feed,
                read,
                millis,
                &mut pending,
                &mut jobs,
                &mut queued,
                changed,
                report,
                observer,
            )?;
        }

        // Fetch the new articles' pages; store each as it comes.
        observer.event(Event::PagesQueued(jobs.len()));
        let fetcher = &self.fetcher;
        let mut pages = stream::iter(jobs)
            .map(|job| async move {
                let page = sources::fetch_page(fetcher, &job.url).await;
                (job, page)
            })
            .buffer_unordered(self.config.concurrency.max(1));
        while let Some((job, page)) = pages.next().await {
            if stop.is_stopped() {
                report.stopped = true;
                break;
            }
            let error = match page {
                Ok(page) => {
                    report.pages_fetched += 1;
                    observer.event(Event::PageRead {
                        url: &job.url,
                        error: None,
                    });
                    let feed_id = pending[job.feed].feed.id;
                    let page = with_entry_metadata(page, &job);
                    Self::keep(
                        &mut self.store,
                        &mut self.stories,
                        page,
                        &job.url,
                        Some(feed_id),
                        changed,
                        report,
                        observer,
                    )?;
                    None
                }
                Err(error) => {
                    report.pages_failed += 1;
                    observer.event(Event::PageRead {
                        url: &job.url,
                        error: Some(&error),
                    });
                    tracing::warn!(url = %job.url, error = %error, "article page failed");
                    Some(error)
                }
            };
            let feed = &mut pending[job.feed];
            feed.pages_left -= 1;
            feed.page_errors.extend(error);
            if feed.pages_left == 0 {
                finish_feed(&mut self.store, feed)?;
            }
        }
        Ok(())
    }

    /// When this scanner is (or becomes) the placer, places the articles
    /// stored but in no story: left by an interrupted run or stored by
    /// other scanners. A scanner that takes the role over first rebuilds
    /// story detection from the store and picks up the stories whose
    /// latest version lacks articles.
    fn place_unplaced(
        &mut self,
        changed: &mut BTreeSet<StoryId>,
        report: &mut PassReport,
        observer: &dyn Observer,
    ) -> Result<(), ScanError> {
        let now = Utc::now();
        let claim = self
            .store
            .claim_placer(&self.worker, now, self.lease_end(now))?;
        if claim == PlacerClaim::Refused {
            self.stories = None;
            report.placer = false;
            return Ok(());
        }
        report.placer = true;
        let stale = self.stories.as_ref().is_none_or(|stories| {
            now - stories.restored_at
                >= chrono::Duration::from_std(self.config.story_refresh)
                    .unwrap_or(chrono::Duration::MAX)
        });
        if claim == PlacerClaim::Taken || stale {
            let since =
                now - chrono::Duration::from_std(self.config.story_window).unwrap_or_default();
            self.stories = Some(stories::Stories::restore(
                &self.store,
                self.config.detector.clone(),
                since,
            )?);
            if claim == PlacerClaim::Taken {
                changed.extend(self.store.stories_needing_version()?);
                tracing::info!(worker = %self.worker, "placing articles in stories");
            }
        }
        let stories = self.stories.as_mut().expect("restored above");
        loop {
            let unplaced = self.store.unassigned_articles(500)?;
            if unplaced.is_empty() {
                break;
            }
            for id in unplaced {
                let Some(stored) = self.store.article(id)? else {
                    continue;
                };
                let placed = stories.place(&mut self.store, id, &stored.article, Utc::now())?;
                note_placed(&placed, changed, report);
                observer.event(Event::ArticleStored {
                    url: stored.url.as_deref().unwrap_or(&stored.article.origin),
                    story: Some(placed.story),
                    new_story: placed.new_story,
                });
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn take_read(
        &mut self,
        feed: Feed,
        read: SourceRead,
        millis: u64,
        pending: &mut Vec<PendingFeed>,
        jobs: &mut Vec<PageJob>,
        queued: &mut HashSet<String>,
        changed: &mut BTreeSet<StoryId>,
        report: &mut PassReport,
        observer: &dyn Observer,
    ) -> Result<(), ScanError> {
        let now = Utc::now();
        let intervals = &self.config.intervals;
        let mut fetch = Fetch {
            feed: feed.id,
            url: feed.url.clone(),
            at: now,
            status: None,
            error: None,
            bytes: 0,
            duration_ms: millis,
            etag: None,
            last_modified: None,
            next_due_at: None,
        };
        let mut new_jobs = Vec::new();
        match read {
            SourceRead::Unchanged { fresh_until } => {
                report.feeds_unchanged += 1;
                fetch.status = Some(304);
                fetch.next_due_at = Some(next_due(
                    now,
                    intervals,
                    &Freshness {
                        fresh_until,
                        ..Freshness::default()
                    },
                ));
            }
            SourceRead::Failed { status, error } => {
                report.feeds_failed += 1;
                report.failures.push(error.clone());
                tracing::warn!(feed = %feed.url, %error, "feed failed");
                let failures = self.failures_in_a_row(feed.id)? + 1;
                fetch.status = status;
                fetch.error = Some(error);
                fetch.next_due_at = Some(next_due(
                    now,
                    intervals,
                    &Freshness {
                        failures_in_a_row: failures,
                        ..Freshness::default()
                    },
                ));
            }
            SourceRead::Feed {
                feed: parsed,
                response,
            } => {
                report.feeds_fetched += 1;
                took_response(&mut fetch, response, parsed.ttl_minutes, intervals);
                for entry in parsed
                    .entries
                    .into_iter()
                    .take(self.config.max_entries_per_feed)
                {
                    if self.store.article_by_url(&entry.url)?.is_some()
                        || !queued.insert(entry.url.clone())
                    {
                        continue;
                    }
                    new_jobs.push(PageJob {
                        feed: pending.len(),
                        url: entry.url,
                        title: entry.title,
                        published: entry.published,
                    });
                }
            }
            SourceRead::Page { page, response } => {
                report.feeds_fetched += 1;
                took_response(&mut fetch, response, None, intervals);
                match page {
                    Ok(page) => {
                        let url = feed.url.clone();
                        Self::keep(
                            &mut self.store,
                            &mut self.stories,
                            page,
                            &url,
                            Some(feed.id),
                            changed,
                            report,
                            observer,
                        )?;
                    }
                    Err(error) => fetch.error = Some(error),
                }
            }
            SourceRead::Directory(directory) => {
                // A folder is cheap to look at: it is due at every pass,
                // and read when a file or the folder changed since.
                fetch.next_due_at = Some(now);
                match sources::article_files(&directory) {
                    Err(error) => {
                        let error = format!("{}: {error}", directory.display());
                        report.feeds_failed += 1;
                        report.failures.push(error.clone());
                        tracing::warn!(feed = %feed.url, %error, "feed failed");
                        fetch.error = Some(error);
                    }
                    Ok(_) if !sources::changed_since(&directory, feed.last_fetched_at) => {
                        report.feeds_unchanged += 1;
                        // What was wrong with its files still is.
                        fetch.error.clone_from(&feed.last_error);
                        tracing::info!(feed = %feed.url, "folder unchanged since its last read");
                    }
                    Ok(files) => {
                        report.feeds_fetched += 1;
                        let errors =
                            self.read_directory(files, &feed, changed, report, observer)?;
                        if !errors.is_empty() {
                            fetch.error = Some(summarise(&errors, "files"));
                        }
                    }
                }
            }
        }
        observer.event(Event::FeedRead {
            url: &feed.url,
            error: fetch.error.as_deref(),
        });
        let mut pending_feed = PendingFeed {
            feed,
            fetch,
            pages_left: new_jobs.len(),
            page_errors: Vec::new(),
        };
        if new_jobs.is_empty() {
            finish_feed(&mut self.store, &mut pending_feed)?;
        }
        pending.push(pending_feed);
        jobs.extend(new_jobs);
        Ok(())
    }

    /// Reads a folder's files that are not stored yet; returns what was
    /// wrong with the others, each also logged.
    fn read_directory(
        &mut self,
        files: Vec<(std::path::PathBuf, newsdesk_extract::Format)>,
        feed: &Feed,
        changed: &mut BTreeSet<StoryId>,
        report: &mut PassReport,
        observer: &dyn Observer,
    ) -> Result<Vec<String>, ScanError> {
        let mut errors = Vec::new();
        let mut skip = |error: String, report: &mut PassReport| {
            tracing::warn!(feed = %feed.url, %error, "file skipped");
            report.pages_failed += 1;
            errors.push(error);
        };
        for (path, format) in files {
            let Ok(url) = url::Url::from_file_path(&path) else {
                continue;
            };
            if self.store.article_by_url(url.as_str())?.is_some() {
                continue;
            }
            let documents = match sources::read_file(&path, format, url.as_str()) {
                Ok(documents) => documents,
                Err(error) => {
                    skip(error, report);
                    continue;
                }
            };
            // A newswire file holds many documents, each stored under its
            // own URL: those already stored are passed over.
            let several = documents.len() > 1;
            for (document_url, document) in documents {
                if several && self.store.article_by_url(&document_url)?.is_some() {
                    continue;
                }
                match document {
                    Ok(mut page) => {
                        report.pages_fetched += 1;
                        let replaced = page
                            .article
                            .dropped
                            .iter()
                            .filter(|part| part.reason == DropReason::InvalidBytes)
                            .count();
                        if replaced > 0 {
                            tracing::warn!(
                                file = %path.display(),
                                sequences = replaced,
                                "bytes that are not UTF-8 replaced by U+FFFD"
                            );
                        }
                        page.article.url.get_or_insert_with(|| document_url.clone());
                        Self::keep(
                            &mut self.store,
                            &mut self.stories,
                            page,
                            &document_url,
                            Some(feed.id),
                            changed,
                            report,
                            observer,
                        )?;
                    }
                    Err(error) => skip(error, report),
                }
            }
        }
        Ok(errors)
    }

    /// Stores an article and places it in a story.
    #[allow(clippy::too_many_arguments)]
    fn keep(
        store: &mut S,
        stories: &mut Option<stories::Stories>,
        page: Page,
        url: &str,
        feed: Option<FeedId>,
        changed: &mut BTreeSet<StoryId>,
        report: &mut PassReport,
        observer: &dyn Observer,
    ) -> Result<(), ScanError> {
        let now = Utc::now();
        let insertion = store.insert_article(&NewArticle {
            article: &page.article,
            url: Some(url),
            feed,
            fetched_at: now,
            raw_page: Some(&page.raw),
        })?;
        let Insertion::New(id) = insertion else {
            report.articles_known += 1;
            return Ok(());
        };
        report.articles_new += 1;
        let Some(stories) = stories else {
            // The placer will place it.
            observer.event(Event::ArticleStored {
                url,
                story: None,
                new_story: false,
            });
            return Ok(());
        };
        let placed = stories.place(store, id, &page.article, now)?;
        note_placed(&placed, changed, report);
        observer.event(Event::ArticleStored {
            url,
            story: Some(placed.story),
            new_story: placed.new_story,
        });
        Ok(())
    }

    fn write_story(
        &mut self,
        story: StoryId,
        report: &mut PassReport,
        observer: &dyn Observer,
    ) -> Result<(), ScanError> {
        if let Some((version, headline)) = stories::write_version(
            &mut self.store,
            story,
            self.config.max_story_articles,
            Utc::now(),
        )? {
            report.versions_written += 1;
            observer.event(Event::StoryWritten {
                story,
                version,
                headline: &headline,
            });
        }
        Ok(())
    }

    fn failures_in_a_row(&self, feed: FeedId) -> Result<u32, ScanError> {
        let log = self.store.fetch_log(feed, 10)?;
        Ok(log.iter().take_while(|f| f.error.is_some()).count() as u32)
    }
}

/// Records a response in the feed's fetch: status, size, validators, and
/// when it is next due by its TTL and the server's freshness lifetime.
fn took_response(
    fetch: &mut Fetch,
    response: sources::Response,
    ttl_minutes: Option<u32>,
    intervals: &Intervals,
) {
    fetch.status = Some(response.status);
    fetch.bytes = response.bytes;
    fetch.etag = response.etag;
    fetch.last_modified = response.last_modified;
    fetch.next_due_at = Some(next_due(
        fetch.at,
        intervals,
        &Freshness {
            ttl_minutes,
            fresh_until: response.fresh_until,
            failures_in_a_row: 0,
        },
    ));
}

/// Counts a placed article; a story merged away needs no version.
fn note_placed(placed: &stories::Placed, changed: &mut BTreeSet<StoryId>, report: &mut PassReport) {
    report.stories_new += usize::from(placed.new_story);
    if let Some(gone) = placed.merged {
        report.stories_merged += 1;
        changed.remove(&gone);
    }
    if let Some((into, held)) = placed.rejoined {
        report.stories_merged += 1;
        changed.remove(&held);
        changed.insert(into);
    }
    changed.insert(placed.story);
}

/// Fills what the page did not say from the feed entry that pointed at it.
/// A publication date later than tomorrow (a placeholder, a clock gone
/// wrong) is no date, from the page or the feed.
fn with_entry_metadata(mut page: Page, job: &PageJob) -> Page {
    let latest = (Utc::now() + chrono::Duration::days(1)).date_naive();
    let article: &mut Article = &mut page.article;
    if article.title.is_none() {
        article.title.clone_from(&job.title);
    }
    if article.published.is_some_and(|day| day > latest) {
        article.published = None;
        article.published_at = None;
    }
    let from_feed = job.published.filter(|at| at.date_naive() <= latest);
    if article.published.is_none() {
        article.published = from_feed.map(|at| at.date_naive());
        article.published_at = from_feed.map(|at| at.fixed_offset());
    }
    page
}

/// Writes a feed's fetch, with its pages' failures, once all are handled.
fn finish_feed<S: Store>(store: &mut S, feed: &mut PendingFeed) -> Result<(), ScanError> {
    if !feed.page_errors.is_empty() && feed.fetch.error.is_none() {
        feed.fetch.error = Some(summarise(&feed.page_errors, "article pages"));
    }
    store.record_fetch(&feed.fetch)?;
    Ok(())
}

fn summarise(errors: &[String], what: &str) -> String {
    format!(
        "{} {what} failed; the first: {}",
        errors.len(),
        errors.first().map(String::as_str).unwrap_or_default()
    )
}

/// A name for this scanner that no other scanner has: host, process id and
/// start time.
fn worker_name() -> String {
    // Scanners of one process (tests) are told apart by the count.
    static MADE: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{}:{}:{}-{}",
        host_name(),
        std::process::id(),
        Utc::now().timestamp_micros(),
        MADE.fetch_add(1, Ordering::SeqCst)
    )
}

/// Lets go of what scanners on this machine that no longer run still hold
/// (a run killed with -9 lets nothing go), so that a restart need not wait
/// for their leases to end. Scanners on other machines are left to their
/// leases' end: whether they live cannot be seen from here.
fn release_dead_local_workers<S: Store>(store: &mut S) -> Result<(), ScanError> {
    let this_host = host_name();
    let proc = std::path::Path::new("/proc");
    if !proc.join("self").exists() {
        return Ok(());
    }
    for holder in store.lease_holders()? {
        let mut parts = holder.rsplitn(3, ':');
        let (Some(_started), Some(pid), Some(host)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if host == this_host && !proc.join(pid).exists() {
            tracing::info!(worker = %holder, "letting go of a stopped run's feeds");
            store.release_worker(&holder)?;
        }
    }
    Ok(())
}

fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".to_owned())
}
