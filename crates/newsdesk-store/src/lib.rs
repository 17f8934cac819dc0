//! Storage: feeds and their fetch log, articles (each kept once, with the
//! raw page compressed so extraction can be re-run), stories, which
//! articles belong to them, and every written version of each story.
//!
//! [`Store`] is the one interface; [`SqliteStore`] is the embedded default.
//! [`conformance`] holds the behaviour every implementation must show, run
//! by each implementation's tests. Callers pass timestamps in: a store
//! never reads the clock.

pub mod conformance;
mod content;
mod open;
mod pg;
mod sqlite;
mod types;

pub use content::content_hash;
pub use open::{open, Location};
pub use pg::PostgresStore;
pub use sqlite::SqliteStore;
pub use types::*;

/// What can go wrong in a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // Neither driver error is given as a `source`: its message already
    // holds its cause, and a chain printed after it said the cause up to
    // three times ("database is locked: database is locked: Error code 5:
    // database is locked").
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("PostgreSQL error: {0}")]
    Postgres(::postgres::Error),
    #[error("the store was written by a newer newsdesk (schema version {found}, this one knows up to {known})")]
    NewerSchema { found: i64, known: i64 },
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(error)
    }
}

impl From<::postgres::Error> for StoreError {
    fn from(error: ::postgres::Error) -> StoreError {
        StoreError::Postgres(error)
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The storage interface. Every write is one transaction: it happens
/// whole or not at all.
pub trait Store {
    /// Adds a feed by URL; adding a URL already present returns its id.
    fn add_feed(&mut self, url: &str, title: Option<&str>, now: Timestamp)
        -> Result<Added<FeedId>>;
    /// Removes a feed; its articles stay. Returns whether it existed.
    fn remove_feed(&mut self, url: &str) -> Result<bool>;
    fn feeds(&self) -> Result<Vec<Feed>>;
    fn feed(&self, url: &str) -> Result<Option<Feed>>;
    /// Logs a fetch and updates the feed's state (validators, last error,
    /// when it is next due).
    fn record_fetch(&mut self, fetch: &Fetch) -> Result<()>;
    /// Hands `worker` up to `limit` feeds due at `now` (never fetched, or
    /// next due by then and not fetched since) that no worker holds, and
    /// holds them for it until `until`, so that workers sharing a store
    /// fetch each feed once. Recording a fetch of a feed lets it go; the
    /// feeds of a worker that died go at `until`, or when
    /// [`Store::release_worker`] is called for it. Longest due first.
    fn lease_due_feeds(
        &mut self,
        worker: &str,
        now: Timestamp,
        until: Timestamp,
        limit: usize,
    ) -> Result<Vec<Feed>>;
    /// Lets go of the feeds `worker` holds (at the end of its pass, read
    /// or not).
    fn release_feeds(&mut self, worker: &str) -> Result<()>;
    /// Lets go of everything `worker` holds, feeds and placer claim: for a
    /// worker known to be dead, so its work need not wait for `until`.
    fn release_worker(&mut self, worker: &str) -> Result<()>;
    /// The workers holding feeds or (where it is recorded by name) the
    /// placer claim, lapsed or not.
    fn lease_holders(&self) -> Result<Vec<String>>;
    /// Whether this handle is the placer: the one worker that puts articles
    /// in stories and writes them (story detection keeps its state in one
    /// process's memory). The first handle to claim it keeps it while it
    /// lives and others are refused; a holder that died without letting go
    /// is replaced at once where the database can tell (PostgreSQL: a
    /// session lock), or at the `until` of its last claim (SQLite).
    fn claim_placer(
        &mut self,
        worker: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> Result<PlacerClaim>;
    fn fetch_log(&self, feed: FeedId, limit: usize) -> Result<Vec<Fetch>>;

    /// Keeps an article unless one with the same canonical URL or the same
    /// content is already stored, in which case that one's id is returned.
    fn insert_article(&mut self, article: &NewArticle) -> Result<Insertion>;
    fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>>;
    /// The raw page as fetched, decompressed.
    fn raw_page(&self, id: ArticleId) -> Result<Option<Vec<u8>>>;
    fn article_count(&self) -> Result<u64>;
    /// Articles not yet in any story, oldest first.
    fn unassigned_articles(&self, limit: usize) -> Result<Vec<ArticleId>>;
    /// The article fetched from `url` or whose canonical URL it is, so a
    /// page already kept is not fetched again.
    fn article_by_url(&self, url: &str) -> Result<Option<ArticleId>>;
    /// Every story membership of articles fetched at or after `since`, in
    /// arrival order: what story detection needs to resume after a restart.
    fn memberships_since(&self, since: Timestamp) -> Result<Vec<(StoryId, Membership)>>;

    fn create_story(&mut self, now: Timestamp) -> Result<StoryId>;
    /// Creates a story with its first article, in one transaction, so no
    /// story is ever left empty.
    fn start_story(&mut self, first: ArticleId, now: Timestamp) -> Result<StoryId>;
    /// Puts an article in a story (an article is in one story at most).
    fn assign(
        &mut self,
        story: StoryId,
        article: ArticleId,
        duplicate_of: Option<ArticleId>,
        now: Timestamp,
    ) -> Result<()>;
    fn story_articles(&self, story: StoryId) -> Result<Vec<Membership>>;
    /// Story detection found `gone` to be the same story as `into`: its
    /// articles move to `into`, and `gone` is left out of listings from
    /// now on but remembered, so its address can lead to `into`.
    fn merge_stories(&mut self, gone: StoryId, into: StoryId, now: Timestamp) -> Result<()>;
    /// The story a merged story now lives on (following later merges too),
    /// or `None` for a story that was never merged.
    fn merged_into(&self, story: StoryId) -> Result<Option<StoryId>>;
    /// Every story that was merged into another, by id.
    fn merged_stories(&self) -> Result<Vec<StoryId>>;
    /// Stores a new written version of a story; returns its number (from 1).
    fn add_story_version(
        &mut self,
        story: StoryId,
        version: &NewStoryVersion,
        now: Timestamp,
    ) -> Result<u32>;
    /// Stories with more articles than their latest version was written
    /// from, or with no version: the work an interrupted run left.
    fn stories_needing_version(&self) -> Result<Vec<StoryId>>;
    fn story_versions(&self, story: StoryId) -> Result<Vec<StoryVersionInfo>>;
    fn story_version(&self, story: StoryId, version: u32) -> Result<Option<StoryVersion>>;
    /// Stories, most recently updated first.
    fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>>;
    /// Stories whose latest headline or printed text holds every word of
    /// `query` (the last word may be a prefix), best match first. Any text
    /// is a valid query: operators and quotes in it are taken as words.
    fn search_stories(&self, query: &str, limit: usize, offset: usize)
        -> Result<Vec<StorySummary>>;
}

/// Feeds in the order they fell due: never fetched ones by when they were
/// added, then by id.
fn sorted_by_due(mut feeds: Vec<Feed>) -> Vec<Feed> {
    feeds.sort_by_key(|feed| (feed.next_due_at.unwrap_or(feed.added_at), feed.id));
    feeds
}
