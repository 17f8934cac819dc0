//! The PostgreSQL store: the same behaviour as the SQLite one (the
//! conformance suite checks both), for installations where several
//! processes share one database.
//!
//! Where SQLite's single writer made a check-then-insert safe, this store
//! relies on constraints instead (`ON CONFLICT`), so concurrent writers
//! never store an article or a feed twice.

use std::sync::Mutex;

use ::postgres::{Client, NoTls, Row, Transaction};
use chrono::{DateTime, NaiveDate, Utc};

use crate::content::{content_hash, printed_text, search_words};
use crate::sqlite::{compress, decompress};
use crate::*;

/// Schema migrations, applied in order inside one transaction under an
/// advisory lock, so processes starting together do not race. Never edit
/// one that has shipped: add another.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE feeds (
    id BIGSERIAL PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    added_at TIMESTAMPTZ NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_fetched_at TIMESTAMPTZ,
    last_status INTEGER,
    last_error TEXT,
    next_due_at TIMESTAMPTZ
);
CREATE TABLE fetches (
    id BIGSERIAL PRIMARY KEY,
    feed_id BIGINT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    status INTEGER,
    error TEXT,
    bytes BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    next_due_at TIMESTAMPTZ
);
CREATE INDEX fetches_by_feed ON fetches(feed_id, id);
CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    url TEXT,
    canonical_url TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    feed_id BIGINT REFERENCES feeds(id) ON DELETE SET NULL,
    fetched_at TIMESTAMPTZ NOT NULL,
    published DATE,
    title TEXT,
    outlet TEXT,
    article_json TEXT NOT NULL,
    raw_page BYTEA
);
CREATE INDEX articles_by_feed ON articles(feed_id);
CREATE INDEX articles_by_url ON articles(url);
CREATE INDEX articles_by_fetch_time ON articles(fetched_at);
CREATE TABLE stories (
    id BIGSERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stories_by_update ON stories(updated_at DESC, id DESC);
CREATE TABLE story_articles (
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    duplicate_of BIGINT REFERENCES articles(id),
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (story_id, article_id)
);
CREATE TABLE story_versions (
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    headline TEXT NOT NULL,
    story_date DATE,
    article_count INTEGER NOT NULL,
    story_json TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
);
-- The latest version's words, headline weighted above text, accents folded.
CREATE TABLE story_search (
    story_id BIGINT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX story_search_document ON story_search USING GIN (document);
"#,
    // 2: a story found to be another one is merged into it.
    "CREATE TABLE story_merges (\
        story_id BIGINT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE, \
        merged_into BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE);",
    // 3: workers sharing the database lease the feeds they fetch.
    "ALTER TABLE feeds ADD COLUMN leased_by TEXT, ADD COLUMN leased_until TIMESTAMPTZ;",
];

/// A key for `pg_advisory_xact_lock` that only migrations take.
const MIGRATION_LOCK: i64 = 0x6e65_7773_6465_736b; // "newsdesk"

/// The first key of the placer's session lock; the second is the schema's
/// name hashed, so stores in different schemas have placers of their own.
const PLACER_LOCK: i32 = 0x6e65_7773; // "news"

pub struct PostgresStore {
    // The trait reads through `&self`; a client needs `&mut` for any query.
    client: Mutex<Client>,
    /// Whether this connection holds the placer's lock (taken once: the
    /// lock counts how often it was taken).
    placer: bool,
}

impl PostgresStore {
    /// Connects (`postgres://user@host:port/database`) and brings the
    /// schema up to date.
    pub fn connect(url: &str) -> Result<PostgresStore> {
        PostgresStore::connect_in_schema(url, None)
    }

    /// Like [`PostgresStore::connect`], with the tables in `schema`
    /// (created if missing), so several stores can share one database.
    pub fn connect_in_schema(url: &str, schema: Option<&str>) -> Result<PostgresStore> {
        let mut client = Client::connect(url, NoTls)?;
        if let Some(schema) = schema {
            if schema.is_empty()
                || !schema
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(StoreError::Corrupt(format!(
                    "schema name {schema:?}: only ASCII letters, digits and _"
                )));
            }
            // Under the migration lock: CREATE SCHEMA IF NOT EXISTS is not
            // safe against another process doing the same at once.
            let mut tx = client.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
            tx.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))?;
            tx.commit()?;
            client.batch_execute(&format!("SET search_path TO {schema}"))?;
        }
        migrate(&mut client)?;
        Ok(PostgresStore {
            client: Mutex::new(client),
            placer: false,
        })
    }

    /// The schema version, for diagnostics.
    pub fn schema_version(&self) -> Result<i64> {
        let mut client = self.client();
        Ok(client
            .query_one("SELECT version FROM newsdesk_schema", &[])?
            .get::<_, i32>(0)
            .into())
    }

    /// Runs a store operation where the blocking client may block: the
    /// client drives its own runtime, which cannot start on a thread
    /// already driving one (the scanner's), so there it runs on a scoped
    /// thread of its own.
    fn hop<T: Send>(&self, operation: impl FnOnce() -> T + Send) -> T {
        if tokio::runtime::Handle::try_current().is_err() {
            return operation();
        }
        std::thread::scope(|scope| {
            scope
                .spawn(operation)
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    fn client(&self) -> std::sync::MutexGuard<'_, Client> {
        // A panic while holding the lock leaves nothing half-written (every
        // write is a transaction), so a poisoned lock is still usable.
        self.client.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS newsdesk_schema (version INTEGER NOT NULL)")?;
    let current: i64 = match tx.query_opt("SELECT version FROM newsdesk_schema", &[])? {
        Some(row) => row.get::<_, i32>(0).into(),
        None => {
            tx.execute("INSERT INTO newsdesk_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    let known = MIGRATIONS.len() as i64;
    if current > known {
        return Err(StoreError::NewerSchema {
            found: current,
            known,
        });
    }
    for sql in MIGRATIONS.iter().skip(current as usize) {
        tx.batch_execute(sql)?;
    }
    tx.execute(
        "UPDATE newsdesk_schema SET version = $1",
        &[&(known as i32)],
    )?;
    tx.commit()?;
    Ok(())
}

/// Limits and offsets arrive as usize; PostgreSQL takes signed 64-bit.
fn clamp(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

fn status(value: Option<u16>) -> Option<i32> {
    value.map(i32::from)
}

fn feed_from_row(row: &Row) -> Feed {
    Feed {
        id: row.get(0),
        url: row.get(1),
        title: row.get(2),
        added_at: row.get(3),
        etag: row.get(4),
        last_modified: row.get(5),
        last_fetched_at: row.get(6),
        last_status: row.get::<_, Option<i32>>(7).map(|s| s as u16),
        last_error: row.get(8),
        next_due_at: row.get(9),
        article_count: row.get::<_, i64>(10) as u64,
    }
}

const FEED_COLUMNS: &str = "id, url, title, added_at, etag, last_modified, last_fetched_at, last_status, last_error, next_due_at, \
     (SELECT COUNT(*) FROM articles WHERE articles.feed_id = feeds.id)";

const SUMMARY_COLUMNS: &str = "s.id, s.created_at, s.updated_at, \
     (SELECT headline FROM story_versions v WHERE v.story_id = s.id ORDER BY version DESC LIMIT 1), \
     (SELECT story_date FROM story_versions v WHERE v.story_id = s.id ORDER BY version DESC LIMIT 1), \
     (SELECT COUNT(*) FROM story_articles a WHERE a.story_id = s.id), \
     (SELECT COUNT(*) FROM story_versions v WHERE v.story_id = s.id)";

fn summary_from_row(row: &Row) -> StorySummary {
    StorySummary {
        id: row.get(0),
        created_at: row.get(1),
        updated_at: row.get(2),
        headline: row.get(3),
        date: row.get::<_, Option<NaiveDate>>(4),
        article_count: row.get::<_, i64>(5) as u32,
        versions: row.get::<_, i64>(6) as u32,
    }
}

fn touch_story(tx: &mut Transaction, story: StoryId, now: Timestamp) -> Result<()> {
    let changed = tx.execute(
        "UPDATE stories SET updated_at = $1 WHERE id = $2",
        &[&now, &story],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "story",
            id: story,
        });
    }
    Ok(())
}

/// Lower case with accents removed, so "négociateurs" matches
/// "negociateurs"; applied to documents and queries alike.
fn fold(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A `to_tsquery` expression from what a reader typed, which cannot be a
/// syntax error: its words, accents folded, all required, the last also
/// as a prefix.
fn ts_query(query: &str) -> Option<String> {
    let folded = fold(query);
    let (rest, last) = search_words(&folded)?;
    let mut terms: Vec<String> = rest.iter().map(|w| format!("'{w}'")).collect();
    terms.push(format!("'{last}':*"));
    Some(terms.join(" & "))
}

impl Store for PostgresStore {
    fn add_feed(
        &mut self,
        url: &str,
        title: Option<&str>,
        now: Timestamp,
    ) -> Result<Added<FeedId>> {
        self.hop(|| {
            let mut client = self.client();
            let inserted = client.query_opt(
                "INSERT INTO feeds (url, title, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING RETURNING id",
                &[&url, &title, &now],
            )?;
            if let Some(row) = inserted {
                return Ok(Added::New(row.get(0)));
            }
            let row = client.query_one("SELECT id FROM feeds WHERE url = $1", &[&url])?;
            Ok(Added::Existing(row.get(0)))
        })
    }

    fn remove_feed(&mut self, url: &str) -> Result<bool> {
        self.hop(|| {
            Ok(self
                .client()
                .execute("DELETE FROM feeds WHERE url = $1", &[&url])?
                > 0)
        })
    }

    fn feeds(&self) -> Result<Vec<Feed>> {
        self.hop(|| {
            let rows = self.client().query(
                &format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY id"),
                &[],
            )?;
            Ok(rows.iter().map(feed_from_row).collect())
        })
    }

    fn feed(&self, url: &str) -> Result<Option<Feed>> {
        self.hop(|| {
            let row = self.client().query_opt(
                &format!("SELECT {FEED_COLUMNS} FROM feeds WHERE url = $1"),
                &[&url],
            )?;
            Ok(row.as_ref().map(feed_from_row))
        })
    }

    fn record_fetch(&mut self, fetch: &Fetch) -> Result<()> {
        self.hop(|| {
            let mut client = self.client();
            let mut tx = client.transaction()?;
            // A 304 or an error keeps the validators the feed already had.
            let changed = tx.execute(
                "UPDATE feeds SET last_fetched_at = $2, last_status = $3, last_error = $4, next_due_at = $5, \
                 etag = COALESCE($6, etag), last_modified = COALESCE($7, last_modified), \
                 leased_by = NULL, leased_until = NULL WHERE id = $1",
                &[
                    &fetch.feed,
                    &fetch.at,
                    &status(fetch.status),
                    &fetch.error,
                    &fetch.next_due_at,
                    &fetch.etag,
                    &fetch.last_modified,
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound {
                    what: "feed",
                    id: fetch.feed,
                });
            }
            tx.execute(
                "INSERT INTO fetches (feed_id, url, at, status, error, bytes, duration_ms, etag, last_modified, next_due_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                &[
                    &fetch.feed,
                    &fetch.url,
                    &fetch.at,
                    &status(fetch.status),
                    &fetch.error,
                    &(fetch.bytes as i64),
                    &(fetch.duration_ms as i64),
                    &fetch.etag,
                    &fetch.last_modified,
                    &fetch.next_due_at,
                ],
            )?;
            tx.commit()?;
            Ok(())
        })
    }

    fn lease_due_feeds(
        &mut self,
        worker: &str,
        now: Timestamp,
        until: Timestamp,
        limit: usize,
    ) -> Result<Vec<Feed>> {
        self.hop(|| {
            // SKIP LOCKED: a feed another worker is leasing right now is
            // passed over, not waited for.
            let rows = self.client().query(
                &format!(
                    "UPDATE feeds SET leased_by = $1, leased_until = $2 WHERE id IN (\
                     SELECT id FROM feeds WHERE (next_due_at IS NULL OR next_due_at <= $3) \
                     AND (last_fetched_at IS NULL OR last_fetched_at < $3) \
                     AND (leased_until IS NULL OR leased_until <= $3) \
                     ORDER BY COALESCE(next_due_at, added_at), id LIMIT $4 FOR UPDATE SKIP LOCKED) \
                     RETURNING {FEED_COLUMNS}"
                ),
                &[&worker, &until, &now, &clamp(limit)],
            )?;
            Ok(sorted_by_due(rows.iter().map(feed_from_row).collect()))
        })
    }

    fn release_feeds(&mut self, worker: &str) -> Result<()> {
        self.hop(|| {
            self.client().execute(
                "UPDATE feeds SET leased_by = NULL, leased_until = NULL WHERE leased_by = $1",
                &[&worker],
            )?;
            Ok(())
        })
    }

    fn release_worker(&mut self, worker: &str) -> Result<()> {
        // The placer's session lock went with its holder's connection.
        self.release_feeds(worker)
    }

    fn lease_holders(&self) -> Result<Vec<String>> {
        self.hop(|| {
            let rows = self.client().query(
                "SELECT DISTINCT leased_by FROM feeds WHERE leased_by IS NOT NULL ORDER BY 1",
                &[],
            )?;
            Ok(rows.iter().map(|row| row.get(0)).collect())
        })
    }

    fn claim_placer(
        &mut self,
        _worker: &str,
        _now: Timestamp,
        _until: Timestamp,
    ) -> Result<PlacerClaim> {
        if self.placer {
            // A session lock lasts as long as the connection, and a lost
            // connection fails every call after it.
            return Ok(PlacerClaim::Kept);
        }
        let taken: bool = self.hop(|| {
            self.client()
                .query_one(
                    "SELECT pg_try_advisory_lock($1, hashtext(current_schema()))",
                    &[&PLACER_LOCK],
                )
                .map(|row| row.get(0))
        })?;
        self.placer = taken;
        Ok(if taken {
            PlacerClaim::Taken
        } else {
            PlacerClaim::Refused
        })
    }

    fn fetch_log(&self, feed: FeedId, limit: usize) -> Result<Vec<Fetch>> {
        self.hop(|| {
            let rows = self.client().query(
                "SELECT feed_id, url, at, status, error, bytes, duration_ms, etag, last_modified, next_due_at \
                 FROM fetches WHERE feed_id = $1 ORDER BY id DESC LIMIT $2",
                &[&feed, &clamp(limit)],
            )?;
            Ok(rows
                .iter()
                .map(|row| Fetch {
                    feed: row.get(0),
                    url: row.get(1),
                    at: row.get(2),
                    status: row.get::<_, Option<i32>>(3).map(|s| s as u16),
                    error: row.get(4),
                    bytes: row.get::<_, i64>(5) as u64,
                    duration_ms: row.get::<_, i64>(6) as u64,
                    etag: row.get(7),
                    last_modified: row.get(8),
                    next_due_at: row.get(9),
                })
                .collect())
        })
    }

    fn insert_article(&mut self, new: &NewArticle) -> Result<Insertion> {
        self.hop(|| {
            let canonical = new.article.url.as_deref().or(new.url);
            let hash = content_hash(&new.article.text);
            let json = serde_json::to_string(new.article).expect("an article always serialises");
            let raw = new.raw_page.map(compress);
            let mut client = self.client();
            // The constraints decide, so two processes inserting the same
            // article at once store it once.
            let inserted = client.query_opt(
                "INSERT INTO articles (url, canonical_url, content_hash, feed_id, fetched_at, published, title, outlet, article_json, raw_page) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id",
                &[
                    &new.url,
                    &canonical,
                    &hash,
                    &new.feed,
                    &new.fetched_at,
                    &new.article.published,
                    &new.article.title,
                    &new.article.outlet,
                    &json,
                    &raw,
                ],
            )?;
            if let Some(row) = inserted {
                return Ok(Insertion::New(row.get(0)));
            }
            if let Some(url) = canonical {
                if let Some(row) =
                    client.query_opt("SELECT id FROM articles WHERE canonical_url = $1", &[&url])?
                {
                    return Ok(Insertion::Duplicate {
                        existing: row.get(0),
                        by: Duplicate::SameUrl,
                    });
                }
            }
            let row = client.query_one("SELECT id FROM articles WHERE content_hash = $1", &[&hash])?;
            Ok(Insertion::Duplicate {
                existing: row.get(0),
                by: Duplicate::SameContent,
        })
        })
    }

    fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>> {
        self.hop(|| {
            let row = self.client().query_opt(
                "SELECT id, url, feed_id, fetched_at, content_hash, article_json FROM articles WHERE id = $1",
                &[&id],
            )?;
            let Some(row) = row else {
                return Ok(None);
            };
            let json: String = row.get(5);
            let article = serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("article {id}: {e}")))?;
            Ok(Some(StoredArticle {
                id: row.get(0),
                url: row.get(1),
                feed: row.get(2),
                fetched_at: row.get::<_, DateTime<Utc>>(3),
                content_hash: row.get(4),
                article,
            }))
        })
    }

    fn raw_page(&self, id: ArticleId) -> Result<Option<Vec<u8>>> {
        self.hop(|| {
            let row = self
                .client()
                .query_opt("SELECT raw_page FROM articles WHERE id = $1", &[&id])?;
            row.and_then(|r| r.get::<_, Option<Vec<u8>>>(0))
                .map(|b| decompress(&b))
                .transpose()
        })
    }

    fn article_count(&self) -> Result<u64> {
        self.hop(|| {
            let row = self
                .client()
                .query_one("SELECT COUNT(*) FROM articles", &[])?;
            Ok(row.get::<_, i64>(0) as u64)
        })
    }

    fn unassigned_articles(&self, limit: usize) -> Result<Vec<ArticleId>> {
        self.hop(|| {
            let rows = self.client().query(
                "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.article_id = a.id) \
                 ORDER BY a.id LIMIT $1",
                &[&clamp(limit)],
            )?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }

    fn article_by_url(&self, url: &str) -> Result<Option<ArticleId>> {
        self.hop(|| {
            let mut client = self.client();
            for column in ["canonical_url", "url"] {
                let row = client.query_opt(
                    &format!("SELECT id FROM articles WHERE {column} = $1 LIMIT 1"),
                    &[&url],
                )?;
                if let Some(row) = row {
                    return Ok(Some(row.get(0)));
                }
            }
            Ok(None)
        })
    }

    fn memberships_since(&self, since: Timestamp) -> Result<Vec<(StoryId, Membership)>> {
        self.hop(|| {
            let rows = self.client().query(
                "SELECT m.story_id, m.article_id, m.duplicate_of, m.added_at \
             FROM story_articles m JOIN articles a ON a.id = m.article_id \
             WHERE a.fetched_at >= $1 ORDER BY m.article_id",
                &[&since],
            )?;
            Ok(rows
                .iter()
                .map(|row| {
                    (
                        row.get(0),
                        Membership {
                            article: row.get(1),
                            duplicate_of: row.get(2),
                            added_at: row.get(3),
                        },
                    )
                })
                .collect())
        })
    }

    fn create_story(&mut self, now: Timestamp) -> Result<StoryId> {
        self.hop(|| {
            let row = self.client().query_one(
                "INSERT INTO stories (created_at, updated_at) VALUES ($1, $1) RETURNING id",
                &[&now],
            )?;
            Ok(row.get(0))
        })
    }

    fn start_story(&mut self, first: ArticleId, now: Timestamp) -> Result<StoryId> {
        self.hop(|| {
            let mut client = self.client();
            let mut tx = client.transaction()?;
            let story: StoryId = tx
                .query_one(
                    "INSERT INTO stories (created_at, updated_at) VALUES ($1, $1) RETURNING id",
                    &[&now],
                )?
                .get(0);
            tx.execute(
                "INSERT INTO story_articles (story_id, article_id, duplicate_of, added_at) VALUES ($1, $2, NULL, $3)",
                &[&story, &first, &now],
            )?;
            tx.commit()?;
            Ok(story)
        })
    }

    fn assign(
        &mut self,
        story: StoryId,
        article: ArticleId,
        duplicate_of: Option<ArticleId>,
        now: Timestamp,
    ) -> Result<()> {
        self.hop(|| {
            let mut client = self.client();
            let mut tx = client.transaction()?;
            tx.execute(
                "INSERT INTO story_articles (story_id, article_id, duplicate_of, added_at) VALUES ($1, $2, $3, $4)",
                &[&story, &article, &duplicate_of, &now],
            )?;
            touch_story(&mut tx, story, now)?;
            tx.commit()?;
            Ok(())
        })
    }

    fn story_articles(&self, story: StoryId) -> Result<Vec<Membership>> {
        self.hop(|| {
            let rows = self.client().query(
                "SELECT article_id, duplicate_of, added_at FROM story_articles WHERE story_id = $1 ORDER BY article_id",
                &[&story],
            )?;
            Ok(rows
                .iter()
                .map(|row| Membership {
                    article: row.get(0),
                    duplicate_of: row.get(1),
                    added_at: row.get(2),
                })
                .collect())
        })
    }

    fn merge_stories(&mut self, gone: StoryId, into: StoryId, now: Timestamp) -> Result<()> {
        if gone == into {
            return Err(StoreError::Corrupt(format!(
                "story {gone} cannot be merged into itself"
            )));
        }
        self.hop(|| {
            let mut client = self.client();
            let mut tx = client.transaction()?;
            // Rows locked in id order, so two merges cannot deadlock.
            let rows = tx.query(
                "SELECT s.id, m.merged_into FROM stories s LEFT JOIN story_merges m ON m.story_id = s.id \
                 WHERE s.id = ANY($1) ORDER BY s.id FOR UPDATE OF s",
                &[&vec![gone, into]],
            )?;
            let state = |id: StoryId| {
                rows.iter()
                    .find(|r| r.get::<_, i64>(0) == id)
                    .map(|r| r.get::<_, Option<i64>>(1))
            };
            match (state(gone), state(into)) {
                (None, _) => {
                    return Err(StoreError::NotFound {
                        what: "story",
                        id: gone,
                    })
                }
                (_, None) => {
                    return Err(StoreError::NotFound {
                        what: "story",
                        id: into,
                    })
                }
                (_, Some(Some(_))) => {
                    return Err(StoreError::Corrupt(format!(
                        "story {into} was itself merged away"
                    )))
                }
                _ => {}
            }
            tx.execute(
                "INSERT INTO story_merges (story_id, merged_into) VALUES ($1, $2)",
                &[&gone, &into],
            )?;
            touch_story(&mut tx, gone, now)?;
            tx.execute(
                "UPDATE story_articles SET story_id = $1 WHERE story_id = $2",
                &[&into, &gone],
            )?;
            tx.execute("DELETE FROM story_search WHERE story_id = $1", &[&gone])?;
            touch_story(&mut tx, into, now)?;
            tx.commit()?;
            Ok(())
        })
    }

    fn merged_into(&self, story: StoryId) -> Result<Option<StoryId>> {
        self.hop(|| {
            // Follows the chain of merges in one query.
            let row = self.client().query_opt(
                "WITH RECURSIVE chain(id, depth) AS ( \
                     SELECT $1::BIGINT, 0 \
                     UNION ALL \
                     SELECT m.merged_into, c.depth + 1 FROM story_merges m JOIN chain c ON m.story_id = c.id \
                     WHERE c.depth < 1000) \
                 SELECT id FROM chain ORDER BY depth DESC LIMIT 1",
                &[&story],
            )?;
            Ok(row
                .map(|r| r.get::<_, i64>(0))
                .filter(|&id| id != story))
        })
    }

    fn merged_stories(&self) -> Result<Vec<StoryId>> {
        self.hop(|| {
            let rows = self
                .client()
                .query("SELECT story_id FROM story_merges ORDER BY story_id", &[])?;
            Ok(rows.iter().map(|row| row.get(0)).collect())
        })
    }

    fn add_story_version(
        &mut self,
        story: StoryId,
        version: &NewStoryVersion,
        now: Timestamp,
    ) -> Result<u32> {
        self.hop(|| {
            let body = fold(&printed_text(version.story_json));
            let headline = fold(version.headline);
            let mut client = self.client();
            let mut tx = client.transaction()?;
            // Locks the story row, so two writers number their versions apart.
            touch_story(&mut tx, story, now)?;
            let latest: i32 = tx
                .query_one(
                    "SELECT COALESCE(MAX(version), 0) FROM story_versions WHERE story_id = $1",
                    &[&story],
                )?
                .get(0);
            let number = latest + 1;
            tx.execute(
                "INSERT INTO story_versions (story_id, version, created_at, headline, story_date, article_count, story_json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    &story,
                    &number,
                    &now,
                    &version.headline,
                    &version.date,
                    &(version.article_count as i32),
                    &version.story_json,
                ],
            )?;
            tx.execute(
                "INSERT INTO story_search (story_id, document) \
                 VALUES ($1, setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B')) \
                 ON CONFLICT (story_id) DO UPDATE SET document = EXCLUDED.document",
                &[&story, &headline, &body],
            )?;
            tx.commit()?;
            Ok(number as u32)
        })
    }

    fn stories_needing_version(&self) -> Result<Vec<StoryId>> {
        self.hop(|| {
            let rows = self.client().query(
                "SELECT s.id FROM stories s \
             WHERE (SELECT COUNT(*) FROM story_articles a WHERE a.story_id = s.id) > \
                   COALESCE((SELECT article_count FROM story_versions v WHERE v.story_id = s.id \
                             ORDER BY version DESC LIMIT 1), 0) \
             ORDER BY s.id",
                &[],
            )?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }

    fn story_versions(&self, story: StoryId) -> Result<Vec<StoryVersionInfo>> {
        self.hop(|| {
            let rows = self.client().query(
                "SELECT version, created_at, headline, article_count FROM story_versions WHERE story_id = $1 ORDER BY version",
                &[&story],
            )?;
            Ok(rows.iter().map(version_info).collect())
        })
    }

    fn story_version(&self, story: StoryId, version: u32) -> Result<Option<StoryVersion>> {
        self.hop(|| {
            let Ok(version) = i32::try_from(version) else {
                return Ok(None);
            };
            let row = self.client().query_opt(
            "SELECT version, created_at, headline, article_count, story_json FROM story_versions \
             WHERE story_id = $1 AND version = $2",
            &[&story, &version],
        )?;
            Ok(row.map(|row| StoryVersion {
                info: version_info(&row),
                story_json: row.get(4),
            }))
        })
    }

    fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>> {
        self.hop(|| {
            let rows = self.client().query(
                &format!(
                    "SELECT {SUMMARY_COLUMNS} FROM stories s \
                     WHERE NOT EXISTS (SELECT 1 FROM story_merges m WHERE m.story_id = s.id) \
                     ORDER BY s.updated_at DESC, s.id DESC LIMIT $1 OFFSET $2"
                ),
                &[&clamp(limit), &clamp(offset)],
            )?;
            Ok(rows.iter().map(summary_from_row).collect())
        })
    }

    fn search_stories(
        &self,
        query: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StorySummary>> {
        self.hop(|| {
            let Some(expression) = ts_query(query) else {
                return Ok(Vec::new());
            };
            let rows = self.client().query(
                &format!(
                    "SELECT {SUMMARY_COLUMNS} FROM story_search f JOIN stories s ON s.id = f.story_id, \
                     to_tsquery('simple', $1) q \
                     WHERE f.document @@ q \
                     ORDER BY ts_rank(f.document, q) DESC, s.updated_at DESC, s.id DESC LIMIT $2 OFFSET $3"
                ),
                &[&expression, &clamp(limit), &clamp(offset)],
            )?;
            Ok(rows.iter().map(summary_from_row).collect())
        })
    }
}

fn version_info(row: &Row) -> StoryVersionInfo {
    StoryVersionInfo {
        version: row.get::<_, i32>(0) as u32,
        created_at: row.get(1),
        headline: row.get(2),
        article_count: row.get::<_, i32>(3) as u32,
    }
}
