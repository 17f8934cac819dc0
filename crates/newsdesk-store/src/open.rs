//! Choosing a store by where it lives: a file path means SQLite, a
//! `postgres://` URL means PostgreSQL. Callers that work with either hold
//! a `Box<dyn Store + Send>`.

use std::path::{Path, PathBuf};

use crate::*;

/// Where a store lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Location {
    /// `postgres://…` or `postgresql://…` is a server; anything else a file.
    pub fn parse(text: &str) -> Location {
        let lower = text.trim_start().to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Location::Postgres(text.trim().to_string())
        } else {
            Location::Sqlite(PathBuf::from(text))
        }
    }

    pub fn from_path(path: &Path) -> Location {
        match path.to_str() {
            Some(text) => Location::parse(text),
            None => Location::Sqlite(path.to_path_buf()),
        }
    }

    /// For messages: the path, or the URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => match url::Url::parse(url) {
                Ok(mut parsed) => {
                    if parsed.password().is_some() {
                        let _ = parsed.set_password(Some("***"));
                    }
                    parsed.to_string()
                }
                Err(_) => "a PostgreSQL server".to_string(),
            },
        }
    }

    /// Whether the store is already there (a server always counts).
    pub fn exists(&self) -> bool {
        match self {
            Location::Sqlite(path) => path.is_file(),
            Location::Postgres(_) => true,
        }
    }
}

/// Opens (creating if needed) the store at `location`.
pub fn open(location: &Location) -> Result<Box<dyn Store + Send>> {
    Ok(match location {
        Location::Sqlite(path) => Box::new(SqliteStore::open(path)?),
        Location::Postgres(url) => Box::new(PostgresStore::connect(url)?),
    })
}

impl<S: Store + ?Sized> Store for Box<S> {
    fn add_feed(
        &mut self,
        url: &str,
        title: Option<&str>,
        now: Timestamp,
    ) -> Result<Added<FeedId>> {
        (**self).add_feed(url, title, now)
    }
    fn remove_feed(&mut self, url: &str) -> Result<bool> {
        (**self).remove_feed(url)
    }
    fn feeds(&self) -> Result<Vec<Feed>> {
        (**self).feeds()
    }
    fn feed(&self, url: &str) -> Result<Option<Feed>> {
        (**self).feed(url)
    }
    fn record_fetch(&mut self, fetch: &Fetch) -> Result<()> {
        (**self).record_fetch(fetch)
    }
    fn fetch_log(&self, feed: FeedId, limit: usize) -> Result<Vec<Fetch>> {
        (**self).fetch_log(feed, limit)
    }
    fn lease_due_feeds(
        &mut self,
        worker: &str,
        now: Timestamp,
        until: Timestamp,
        limit: usize,
    ) -> Result<Vec<Feed>> {
        (**self).lease_due_feeds(worker, now, until, limit)
    }
    fn release_feeds(&mut self, worker: &str) -> Result<()> {
        (**self).release_feeds(worker)
    }
    fn release_worker(&mut self, worker: &str) -> Result<()> {
        (**self).release_worker(worker)
    }
    fn lease_holders(&self) -> Result<Vec<String>> {
        (**self).lease_holders()
    }
    fn merged_stories(&self) -> Result<Vec<StoryId>> {
        (**self).merged_stories()
    }
    fn claim_placer(
        &mut self,
        worker: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> Result<PlacerClaim> {
        (**self).claim_placer(worker, now, until)
    }
    fn insert_article(&mut self, article: &NewArticle) -> Result<Insertion> {
        (**self).insert_article(article)
    }
    fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>> {
        (**self).article(id)
    }
    fn raw_page(&self, id: ArticleId) -> Result<Option<Vec<u8>>> {
        (**self).raw_page(id)
    }
    fn article_count(&self) -> Result<u64> {
        (**self).article_count()
    }
    fn unassigned_articles(&self, limit: usize) -> Result<Vec<ArticleId>> {
        (**self).unassigned_articles(limit)
    }
    fn article_by_url(&self, url: &str) -> Result<Option<ArticleId>> {
        (**self).article_by_url(url)
    }
    fn memberships_since(&self, since: Timestamp) -> Result<Vec<(StoryId, Membership)>> {
        (**self).memberships_since(since)
    }
    fn create_story(&mut self, now: Timestamp) -> Result<StoryId> {
        (**self).create_story(now)
    }
    fn start_story(&mut self, first: ArticleId, now: Timestamp) -> Result<StoryId> {
        (**self).start_story(first, now)
    }
    fn assign(
        &mut self,
        story: StoryId,
        article: ArticleId,
        duplicate_of: Option<ArticleId>,
        now: Timestamp,
    ) -> Result<()> {
        (**self).assign(story, article, duplicate_of, now)
    }
    fn story_articles(&self, story: StoryId) -> Result<Vec<Membership>> {
        (**self).story_articles(story)
    }
    fn merge_stories(&mut self, gone: StoryId, into: StoryId, now: Timestamp) -> Result<()> {
        (**self).merge_stories(gone, into, now)
    }
    fn merged_into(&self, story: StoryId) -> Result<Option<StoryId>> {
        (**self).merged_into(story)
    }
    fn add_story_version(
        &mut self,
        story: StoryId,
        version: &NewStoryVersion,
        now: Timestamp,
    ) -> Result<u32> {
        (**self).add_story_version(story, version, now)
    }
    fn stories_needing_version(&self) -> Result<Vec<StoryId>> {
        (**self).stories_needing_version()
    }
    fn story_versions(&self, story: StoryId) -> Result<Vec<StoryVersionInfo>> {
        (**self).story_versions(story)
    }
    fn story_version(&self, story: StoryId, version: u32) -> Result<Option<StoryVersion>> {
        (**self).story_version(story, version)
    }
    fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>> {
        (**self).stories(limit, offset)
    }
    fn search_stories(
        &self,
        query: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StorySummary>> {
        (**self).search_stories(query, limit, offset)
    }
}
