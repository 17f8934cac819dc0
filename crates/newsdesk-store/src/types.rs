use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_model::Article;

pub type Timestamp = DateTime<Utc>;
pub type FeedId = i64;
pub type ArticleId = i64;
pub type StoryId = i64;

/// The result of adding something that may already be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added<Id> {
    New(Id),
    Existing(Id),
}

impl<Id: Copy> Added<Id> {
    pub fn id(&self) -> Id {
        match *self {
            Added::New(id) | Added::Existing(id) => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: FeedId,
    pub url: String,
    pub title: Option<String>,
    pub added_at: Timestamp,
    /// Validators for conditional GET.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_fetched_at: Option<Timestamp>,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    pub next_due_at: Option<Timestamp>,
    pub article_count: u64,
}

/// One fetch of a feed or page, for the log and the feed's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetch {
    pub feed: FeedId,
    pub url: String,
    pub at: Timestamp,
    /// HTTP status, when a response came.
    pub status: Option<u16>,
    pub error: Option<String>,
    pub bytes: u64,
    pub duration_ms: u64,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub next_due_at: Option<Timestamp>,
}

/// An article to store.
#[derive(Debug, Clone)]
pub struct NewArticle<'a> {
    pub article: &'a Article,
    /// The URL it was fetched from, if any.
    pub url: Option<&'a str>,
    pub feed: Option<FeedId>,
    pub fetched_at: Timestamp,
    /// The page as fetched; stored compressed.
    pub raw_page: Option<&'a [u8]>,
}

/// Why an article was not stored again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duplicate {
    SameUrl,
    SameContent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Insertion {
    New(ArticleId),
    Duplicate { existing: ArticleId, by: Duplicate },
}

impl Insertion {
    pub fn id(&self) -> ArticleId {
        match *self {
            Insertion::New(id) | Insertion::Duplicate { existing: id, .. } => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub id: ArticleId,
    pub url: Option<String>,
    pub feed: Option<FeedId>,
    pub fetched_at: Timestamp,
    pub content_hash: String,
    pub article: Article,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub article: ArticleId,
    pub duplicate_of: Option<ArticleId>,
    pub added_at: Timestamp,
}

/// A written version of a story, to store.
#[derive(Debug, Clone)]
pub struct NewStoryVersion<'a> {
    pub headline: &'a str,
    pub date: Option<NaiveDate>,
    pub article_count: u32,
    /// The story as JSON (`newsdesk_model::Story`).
    pub story_json: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryVersionInfo {
    pub version: u32,
    pub created_at: Timestamp,
    pub headline: String,
    pub article_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryVersion {
    pub info: StoryVersionInfo,
    pub story_json: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySummary {
    pub id: StoryId,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub headline: Option<String>,
    pub date: Option<NaiveDate>,
    pub article_count: u32,
    pub versions: u32,
}

/// The answer to a claim of the placer's role ([`crate::Store::claim_placer`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacerClaim {
    /// Another handle holds it.
    Refused,
    /// This handle has held it without a break since its last claim.
    Kept,
    /// This handle holds it now but did not just before: what another
    /// holder did meanwhile is in the store, not in this handle's memory.
    Taken,
}

impl PlacerClaim {
    pub fn is_held(self) -> bool {
        self != PlacerClaim::Refused
    }
}
