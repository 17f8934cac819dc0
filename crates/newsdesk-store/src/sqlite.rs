//! The embedded store: one SQLite file in WAL mode.

use crate::content::{content_hash, search_words};
use crate::types::*;
use crate::{sorted_by_due, Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::io::{Read, Write};
use std::path::Path;

/// The searchable text of a story version `v`, in SQL so that the
/// migration's backfill and every new version index the same words: the
/// printed sentences (lead, sections, what comes next), not the sources.
/// A version whose JSON is not valid is indexed by its headline only.
macro_rules! story_search_body {
    () => {
        "CASE WHEN json_valid(v.story_json) THEN \
         (SELECT COALESCE(group_concat(t.value, ' '), '') FROM json_tree(v.story_json) t \
          WHERE t.key = 'text' AND t.type = 'text' \
          AND (t.fullkey LIKE '$.lead[%' OR t.fullkey LIKE '$.sections[%' OR t.fullkey LIKE '$.next[%')) \
         ELSE '' END"
    };
}

/// Schema migrations, applied in order; `PRAGMA user_version` records how
/// many have run. Never edit one that has shipped: add another.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_fetched_at TEXT,
    last_status INTEGER,
    last_error TEXT,
    next_due_at TEXT
);
CREATE TABLE fetches (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    at TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    bytes INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    next_due_at TEXT
);
CREATE INDEX fetches_by_feed ON fetches(feed_id, id);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT,
    canonical_url TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    fetched_at TEXT NOT NULL,
    published TEXT,
    title TEXT,
    outlet TEXT,
    article_json TEXT NOT NULL,
    raw_page BLOB
);
CREATE INDEX articles_by_feed ON articles(feed_id);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE story_articles (
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    duplicate_of INTEGER REFERENCES articles(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (story_id, article_id)
);
CREATE TABLE story_versions (
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    headline TEXT NOT NULL,
    story_date TEXT,
    article_count INTEGER NOT NULL,
    story_json TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
);
CREATE INDEX stories_by_update ON stories(updated_at DESC, id DESC);
"#,
    // 2: full-text search over each story's latest headline and printed text.
    concat!(
        r#"
CREATE VIRTUAL TABLE story_search USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO story_search (rowid, headline, body)
SELECT v.story_id, v.headline, "#,
        story_search_body!(),
        r#"
FROM story_versions v
WHERE v.version = (SELECT MAX(version) FROM story_versions w WHERE w.story_id = v.story_id);
"#
    ),
    // 3: pages are looked up by the URL they were fetched from before
    // being fetched again.
    "CREATE INDEX IF NOT EXISTS articles_by_url ON articles(url);",
    // 4: a story found to be another one is merged into it.
    "CREATE TABLE IF NOT EXISTS story_merges (\
        story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE, \
        merged_into INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE);",
    // 5: workers sharing a store lease the feeds they fetch, and one of
    // them holds the placer's claim.
    r#"
ALTER TABLE feeds ADD COLUMN leased_by TEXT;
ALTER TABLE feeds ADD COLUMN leased_until TEXT;
CREATE TABLE worker_claims (
    role TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TEXT NOT NULL
);
"#,
];

pub struct SqliteStore {
    connection: Connection,
    /// The worker name this handle claimed the placer's role with, let go
    /// when the handle is dropped.
    placer: Option<String>,
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        if let Some(worker) = self.placer.take() {
            // Best effort: a claim left behind lapses at its `until`.
            let _ = self.connection.execute(
                "DELETE FROM worker_claims WHERE role = 'placer' AND holder = ?1",
                [worker],
            );
        }
    }
}

/// How long a statement waits for another process's lock before failing.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl SqliteStore {
    /// Opens (creating if needed) the store in `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        SqliteStore::prepare(Connection::open(path)?)
    }

    /// A store that lives in memory only, for tests and dry runs.
    pub fn in_memory() -> Result<SqliteStore> {
        SqliteStore::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut connection: Connection) -> Result<SqliteStore> {
        // First, so that everything after it waits for another process
        // (one creating the same new store, say) instead of failing.
        connection.busy_timeout(BUSY_TIMEOUT)?;
        // Every write transaction takes the write lock when it begins: a
        // deferred one that reads first and then writes cannot wait for
        // another process's write (SQLite refuses at once, as waiting
        // could deadlock), so it would fail instead of taking its turn.
        connection.set_transaction_behavior(TransactionBehavior::Immediate);
        // WAL lets readers (the web site) work while a writer commits;
        // NORMAL sync is durable across process crashes in WAL mode.
        set_wal_mode(&connection)?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut connection)?;
        Ok(SqliteStore {
            connection,
            placer: None,
        })
    }

    /// The schema version, for diagnostics.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .connection
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }
}

/// Switches a database to WAL. SQLite answers "busy" at once, without
/// asking the busy handler, when another connection holds a lock while the
/// mode changes (two processes creating one new store do), so the switch
/// is retried for as long as the busy timeout would have waited.
fn set_wal_mode(connection: &Connection) -> Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match connection.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(error, _))
                if error.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return Ok(other?),
        }
    }
}

/// Brings the schema up to date. Each step runs in a transaction that
/// holds the database's write lock from its start (IMMEDIATE, as every
/// transaction of this store), and
/// reads the schema version inside it: two processes opening one new
/// store at once take turns, and the second finds the step done and skips
/// it, so a step is applied exactly once however many processes start.
fn migrate(connection: &mut Connection) -> Result<()> {
    let known = MIGRATIONS.len() as i64;
    loop {
        let tx = connection.transaction()?;
        let current: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if current > known {
            return Err(StoreError::NewerSchema {
                found: current,
                known,
            });
        }
        let Some(sql) = MIGRATIONS.get(current as usize) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}

fn time(value: Timestamp) -> String {
    value.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn parse_time(text: &str) -> rusqlite::Result<Timestamp> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

fn parse_optional_time(text: Option<String>) -> rusqlite::Result<Option<Timestamp>> {
    text.as_deref().map(parse_time).transpose()
}

fn parse_date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

pub(crate) fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(bytes)
        .expect("writing to memory does not fail");
    encoder.finish().expect("writing to memory does not fail")
}

pub(crate) fn decompress(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| StoreError::Corrupt(format!("raw page does not decompress: {e}")))?;
    Ok(out)
}

/// Lets go of the feeds a worker holds.
const RELEASE_FEEDS: &str =
    "UPDATE feeds SET leased_by = NULL, leased_until = NULL WHERE leased_by = ?1";

const FEED_COLUMNS: &str = "id, url, title, added_at, etag, last_modified, last_fetched_at, last_status, last_error, next_due_at, \
     (SELECT COUNT(*) FROM articles WHERE articles.feed_id = feeds.id)";

fn feed_from_row(row: &rusqlite::Row) -> rusqlite::Result<Feed> {
    Ok(Feed {
        id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        added_at: parse_time(&row.get::<_, String>(3)?)?,
        etag: row.get(4)?,
        last_modified: row.get(5)?,
        last_fetched_at: parse_optional_time(row.get(6)?)?,
        last_status: row.get(7)?,
        last_error: row.get(8)?,
        next_due_at: parse_optional_time(row.get(9)?)?,
        article_count: row.get::<_, i64>(10)? as u64,
    })
}

fn touch_story(tx: &Transaction, story: StoryId, now: Timestamp) -> Result<()> {
    let changed = tx.execute(
        "UPDATE stories SET updated_at = ?1 WHERE id = ?2",
        params![time(now), story],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "story",
            id: story,
        });
    }
    Ok(())
}

/// The columns of a `StorySummary` for a story `s`, as `stories` reads them.
const SUMMARY_COLUMNS: &str = "s.id, s.created_at, s.updated_at, \
     (SELECT headline FROM story_versions v WHERE v.story_id = s.id ORDER BY version DESC LIMIT 1), \
     (SELECT story_date FROM story_versions v WHERE v.story_id = s.id ORDER BY version DESC LIMIT 1), \
     (SELECT COUNT(*) FROM story_articles a WHERE a.story_id = s.id), \
     (SELECT COUNT(*) FROM story_versions v WHERE v.story_id = s.id)";

fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<StorySummary> {
    Ok(StorySummary {
        id: row.get(0)?,
        created_at: parse_time(&row.get::<_, String>(1)?)?,
        updated_at: parse_time(&row.get::<_, String>(2)?)?,
        headline: row.get(3)?,
        date: parse_date(row.get(4)?),
        article_count: row.get(5)?,
        versions: row.get(6)?,
    })
}

/// SQLite takes signed 64-bit limits; a larger request means "all".
fn clamp(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// Turns what a reader typed into an FTS5 expression that cannot be a
/// syntax error: the query's words, each quoted (so `NEAR`, `*`, `"` and
/// column filters are plain text), all required, the last one also as a
/// prefix.
fn fts_expression(query: &str) -> Option<String> {
    let (rest, last) = search_words(query)?;
    let mut expression: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    expression.push(format!("\"{last}\"*"));
    Some(expression.join(" "))
}

impl Store for SqliteStore {
    fn add_feed(
        &mut self,
        url: &str,
        title: Option<&str>,
        now: Timestamp,
    ) -> Result<Added<FeedId>> {
        let tx = self.connection.transaction()?;
        let existing: Option<FeedId> = tx
            .query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| r.get(0))
            .optional()?;
        let added = match existing {
            Some(id) => Added::Existing(id),
            None => {
                tx.execute(
                    "INSERT INTO feeds (url, title, added_at) VALUES (?1, ?2, ?3)",
                    params![url, title, time(now)],
                )?;
                Added::New(tx.last_insert_rowid())
            }
        };
        tx.commit()?;
        Ok(added)
    }

    fn remove_feed(&mut self, url: &str) -> Result<bool> {
        let tx = self.connection.transaction()?;
        let removed = tx.execute("DELETE FROM feeds WHERE url = ?1", [url])? > 0;
        tx.commit()?;
        Ok(removed)
    }

    fn feeds(&self) -> Result<Vec<Feed>> {
        let mut statement = self
            .connection
            .prepare(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY id"))?;
        let feeds = statement
            .query_map([], feed_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(feeds)
    }

    fn feed(&self, url: &str) -> Result<Option<Feed>> {
        Ok(self
            .connection
            .query_row(
                &format!("SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?1"),
                [url],
                feed_from_row,
            )
            .optional()?)
    }

    fn record_fetch(&mut self, fetch: &Fetch) -> Result<()> {
        let tx = self.connection.transaction()?;
        tx.execute(
            "INSERT INTO fetches (feed_id, url, at, status, error, bytes, duration_ms, etag, last_modified, next_due_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                fetch.feed,
                fetch.url,
                time(fetch.at),
                fetch.status,
                fetch.error,
                fetch.bytes as i64,
                fetch.duration_ms as i64,
                fetch.etag,
                fetch.last_modified,
                fetch.next_due_at.map(time)
            ],
        )?;
        // A 304 or an error keeps the validators the feed already had.
        let changed = tx.execute(
            "UPDATE feeds SET last_fetched_at = ?2, last_status = ?3, last_error = ?4, next_due_at = ?5, \
             etag = COALESCE(?6, etag), last_modified = COALESCE(?7, last_modified), \
             leased_by = NULL, leased_until = NULL WHERE id = ?1",
            params![fetch.feed, time(fetch.at), fetch.status, fetch.error, fetch.next_due_at.map(time), fetch.etag, fetch.last_modified],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "feed",
                id: fetch.feed,
            });
        }
        tx.commit()?;
        Ok(())
    }

    fn lease_due_feeds(
        &mut self,
        worker: &str,
        now: Timestamp,
        until: Timestamp,
        limit: usize,
    ) -> Result<Vec<Feed>> {
        // Immediate: take the write lock before reading, so two processes
        // cannot both read a feed as free.
        let tx = self
            .connection
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = time(now);
        let leased = {
            let mut statement = tx.prepare(&format!(
                "UPDATE feeds SET leased_by = ?1, leased_until = ?2 WHERE id IN (\
                 SELECT id FROM feeds WHERE (next_due_at IS NULL OR next_due_at <= ?3) \
                 AND (last_fetched_at IS NULL OR last_fetched_at < ?3) \
                 AND (leased_until IS NULL OR leased_until <= ?3) \
                 ORDER BY COALESCE(next_due_at, added_at), id LIMIT ?4) \
                 RETURNING {FEED_COLUMNS}"
            ))?;
            let rows = statement.query_map(
                params![worker, time(until), now, clamp(limit)],
                feed_from_row,
            )?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        tx.commit()?;
        Ok(sorted_by_due(leased))
    }

    fn release_feeds(&mut self, worker: &str) -> Result<()> {
        self.connection.execute(RELEASE_FEEDS, [worker])?;
        Ok(())
    }

    fn release_worker(&mut self, worker: &str) -> Result<()> {
        let tx = self.connection.transaction()?;
        tx.execute(RELEASE_FEEDS, [worker])?;
        tx.execute("DELETE FROM worker_claims WHERE holder = ?1", [worker])?;
        tx.commit()?;
        Ok(())
    }

    fn lease_holders(&self) -> Result<Vec<String>> {
        let mut statement = self.connection.prepare(
            "SELECT leased_by FROM feeds WHERE leased_by IS NOT NULL \
             UNION SELECT holder FROM worker_claims ORDER BY 1",
        )?;
        let holders = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(holders)
    }

    fn claim_placer(
        &mut self,
        worker: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> Result<PlacerClaim> {
        let tx = self
            .connection
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current: Option<(String, String)> = tx
            .query_row(
                "SELECT holder, until FROM worker_claims WHERE role = 'placer'",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let now = time(now);
        let claim = match current {
            // Still this handle's name: nobody held it since, even if the
            // claim lapsed meanwhile (a taker writes its own name, and a
            // holder letting go deletes the row).
            Some((holder, _)) if holder == worker => PlacerClaim::Kept,
            Some((_, until)) if until > now => PlacerClaim::Refused,
            // Never held, let go, or lapsed (its holder may have died).
            _ => PlacerClaim::Taken,
        };
        if claim.is_held() {
            tx.execute(
                "INSERT INTO worker_claims (role, holder, until) VALUES ('placer', ?1, ?2) \
                 ON CONFLICT (role) DO UPDATE SET holder = excluded.holder, until = excluded.until",
                params![worker, time(until)],
            )?;
            self.placer = Some(worker.to_owned());
        }
        tx.commit()?;
        Ok(claim)
    }

    fn fetch_log(&self, feed: FeedId, limit: usize) -> Result<Vec<Fetch>> {
        let mut statement = self.connection.prepare(
            "SELECT feed_id, url, at, status, error, bytes, duration_ms, etag, last_modified, next_due_at \
             FROM fetches WHERE feed_id = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = statement.query_map(params![feed, clamp(limit)], |row| {
            Ok(Fetch {
                feed: row.get(0)?,
                url: row.get(1)?,
                at: parse_time(&row.get::<_, String>(2)?)?,
                status: row.get(3)?,
                error: row.get(4)?,
                bytes: row.get::<_, i64>(5)? as u64,
                duration_ms: row.get::<_, i64>(6)? as u64,
                etag: row.get(7)?,
                last_modified: row.get(8)?,
                next_due_at: parse_optional_time(row.get(9)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn insert_article(&mut self, new: &NewArticle) -> Result<Insertion> {
        let canonical = new.article.url.as_deref().or(new.url);
        let hash = content_hash(&new.article.text);
        let tx = self.connection.transaction()?;
        if let Some(url) = canonical {
            if let Some(existing) = tx
                .query_row(
                    "SELECT id FROM articles WHERE canonical_url = ?1",
                    [url],
                    |r| r.get(0),
                )
                .optional()?
            {
                return Ok(Insertion::Duplicate {
                    existing,
                    by: Duplicate::SameUrl,
                });
            }
        }
        if let Some(existing) = tx
            .query_row(
                "SELECT id FROM articles WHERE content_hash = ?1",
                [&hash],
                |r| r.get(0),
            )
            .optional()?
        {
            return Ok(Insertion::Duplicate {
                existing,
                by: Duplicate::SameContent,
            });
        }
        let json = serde_json::to_string(new.article).expect("an article always serialises");
        tx.execute(
            "INSERT INTO articles (url, canonical_url, content_hash, feed_id, fetched_at, published, title, outlet, article_json, raw_page) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                new.url,
                canonical,
                hash,
                new.feed,
                time(new.fetched_at),
                new.article.published.map(|d| d.to_string()),
                new.article.title,
                new.article.outlet,
                json,
                new.raw_page.map(compress)
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(Insertion::New(id))
    }

    fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>> {
        let row = self
            .connection
            .query_row("SELECT id, url, feed_id, fetched_at, content_hash, article_json FROM articles WHERE id = ?1", [id], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, Option<String>>(1)?, row.get::<_, Option<i64>>(2)?, parse_time(&row.get::<_, String>(3)?)?, row.get::<_, String>(4)?, row.get::<_, String>(5)?))
            })
            .optional()?;
        let Some((id, url, feed, fetched_at, content_hash, json)) = row else {
            return Ok(None);
        };
        let article = serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("article {id}: {e}")))?;
        Ok(Some(StoredArticle {
            id,
            url,
            feed,
            fetched_at,
            content_hash,
            article,
        }))
    }

    fn raw_page(&self, id: ArticleId) -> Result<Option<Vec<u8>>> {
        let blob: Option<Option<Vec<u8>>> = self
            .connection
            .query_row("SELECT raw_page FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        blob.flatten().map(|b| decompress(&b)).transpose()
    }

    fn article_count(&self) -> Result<u64> {
        Ok(self
            .connection
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    fn unassigned_articles(&self, limit: usize) -> Result<Vec<ArticleId>> {
        let mut statement = self.connection.prepare(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) ORDER BY id LIMIT ?1",
        )?;
        let ids = statement
            .query_map([clamp(limit)], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ids)
    }

    fn article_by_url(&self, url: &str) -> Result<Option<ArticleId>> {
        // Two lookups, each on its own index, rather than one OR that
        // SQLite would answer with a scan.
        let by = |column: &str| -> Result<Option<ArticleId>> {
            Ok(self
                .connection
                .prepare_cached(&format!(
                    "SELECT id FROM articles WHERE {column} = ?1 LIMIT 1"
                ))?
                .query_row([url], |r| r.get(0))
                .optional()?)
        };
        match by("canonical_url")? {
            Some(id) => Ok(Some(id)),
            None => by("url"),
        }
    }

    fn memberships_since(&self, since: Timestamp) -> Result<Vec<(StoryId, Membership)>> {
        let mut statement = self.connection.prepare(
            "SELECT m.story_id, m.article_id, m.duplicate_of, m.added_at \
             FROM story_articles m JOIN articles a ON a.id = m.article_id \
             WHERE a.fetched_at >= ?1 ORDER BY m.article_id",
        )?;
        let rows = statement.query_map([time(since)], |row| {
            Ok((
                row.get(0)?,
                Membership {
                    article: row.get(1)?,
                    duplicate_of: row.get(2)?,
                    added_at: parse_time(&row.get::<_, String>(3)?)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn create_story(&mut self, now: Timestamp) -> Result<StoryId> {
        let tx = self.connection.transaction()?;
        tx.execute(
            "INSERT INTO stories (created_at, updated_at) VALUES (?1, ?1)",
            [time(now)],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    fn start_story(&mut self, first: ArticleId, now: Timestamp) -> Result<StoryId> {
        let tx = self.connection.transaction()?;
        tx.execute(
            "INSERT INTO stories (created_at, updated_at) VALUES (?1, ?1)",
            [time(now)],
        )?;
        let story = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO story_articles (story_id, article_id, duplicate_of, added_at) VALUES (?1, ?2, NULL, ?3)",
            params![story, first, time(now)],
        )?;
        tx.commit()?;
        Ok(story)
    }

    fn assign(
        &mut self,
        story: StoryId,
        article: ArticleId,
        duplicate_of: Option<ArticleId>,
        now: Timestamp,
    ) -> Result<()> {
        let tx = self.connection.transaction()?;
        tx.execute(
            "INSERT INTO story_articles (story_id, article_id, duplicate_of, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![story, article, duplicate_of, time(now)],
        )?;
        touch_story(&tx, story, now)?;
        tx.commit()?;
        Ok(())
    }

    fn story_articles(&self, story: StoryId) -> Result<Vec<Membership>> {
        let mut statement = self.connection.prepare("SELECT article_id, duplicate_of, added_at FROM story_articles WHERE story_id = ?1 ORDER BY article_id")?;
        let rows = statement.query_map([story], |row| {
            Ok(Membership {
                article: row.get(0)?,
                duplicate_of: row.get(1)?,
                added_at: parse_time(&row.get::<_, String>(2)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn merge_stories(&mut self, gone: StoryId, into: StoryId, now: Timestamp) -> Result<()> {
        if gone == into {
            return Err(StoreError::Corrupt(format!(
                "story {gone} cannot be merged into itself"
            )));
        }
        let tx = self.connection.transaction()?;
        for story in [gone, into] {
            let exists = tx
                .query_row("SELECT 1 FROM stories WHERE id = ?1", [story], |_| Ok(()))
                .optional()?;
            if exists.is_none() {
                return Err(StoreError::NotFound {
                    what: "story",
                    id: story,
                });
            }
        }
        let into_merged = tx
            .query_row(
                "SELECT 1 FROM story_merges WHERE story_id = ?1",
                [into],
                |_| Ok(()),
            )
            .optional()?;
        if into_merged.is_some() {
            return Err(StoreError::Corrupt(format!(
                "story {into} was itself merged away"
            )));
        }
        tx.execute(
            "INSERT INTO story_merges (story_id, merged_into) VALUES (?1, ?2)",
            params![gone, into],
        )?;
        tx.execute(
            "UPDATE story_articles SET story_id = ?1 WHERE story_id = ?2",
            params![into, gone],
        )?;
        tx.execute("DELETE FROM story_search WHERE rowid = ?1", [gone])?;
        touch_story(&tx, gone, now)?;
        touch_story(&tx, into, now)?;
        tx.commit()?;
        Ok(())
    }

    fn merged_into(&self, story: StoryId) -> Result<Option<StoryId>> {
        let mut current = story;
        for _ in 0..1000 {
            let next: Option<StoryId> = self
                .connection
                .query_row(
                    "SELECT merged_into FROM story_merges WHERE story_id = ?1",
                    [current],
                    |r| r.get(0),
                )
                .optional()?;
            match next {
                Some(next) => current = next,
                None => return Ok((current != story).then_some(current)),
            }
        }
        Err(StoreError::Corrupt(format!(
            "story {story} is merged in a loop"
        )))
    }

    fn merged_stories(&self) -> Result<Vec<StoryId>> {
        let mut statement = self
            .connection
            .prepare("SELECT story_id FROM story_merges ORDER BY story_id")?;
        let ids = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<StoryId>>>()?;
        Ok(ids)
    }

    fn add_story_version(
        &mut self,
        story: StoryId,
        version: &NewStoryVersion,
        now: Timestamp,
    ) -> Result<u32> {
        let tx = self.connection.transaction()?;
        let latest: u32 = tx.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM story_versions WHERE story_id = ?1",
            [story],
            |r| r.get(0),
        )?;
        let number = latest + 1;
        tx.execute(
            "INSERT INTO story_versions (story_id, version, created_at, headline, story_date, article_count, story_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![story, number, time(now), version.headline, version.date.map(|d| d.to_string()), version.article_count, version.story_json],
        )?;
        // The search index holds the latest version only.
        tx.execute("DELETE FROM story_search WHERE rowid = ?1", [story])?;
        tx.execute(
            concat!(
                "INSERT INTO story_search (rowid, headline, body) SELECT v.story_id, v.headline, ",
                story_search_body!(),
                " FROM story_versions v WHERE v.story_id = ?1 AND v.version = ?2"
            ),
            params![story, number],
        )?;
        touch_story(&tx, story, now)?;
        tx.commit()?;
        Ok(number)
    }

    fn stories_needing_version(&self) -> Result<Vec<StoryId>> {
        let mut statement = self.connection.prepare(
            "SELECT s.id FROM stories s \
             WHERE (SELECT COUNT(*) FROM story_articles a WHERE a.story_id = s.id) > \
                   COALESCE((SELECT article_count FROM story_versions v WHERE v.story_id = s.id \
                             ORDER BY version DESC LIMIT 1), 0) \
             ORDER BY s.id",
        )?;
        let ids = statement
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ids)
    }

    fn story_versions(&self, story: StoryId) -> Result<Vec<StoryVersionInfo>> {
        let mut statement = self.connection.prepare("SELECT version, created_at, headline, article_count FROM story_versions WHERE story_id = ?1 ORDER BY version")?;
        let rows = statement.query_map([story], |row| {
            Ok(StoryVersionInfo {
                version: row.get(0)?,
                created_at: parse_time(&row.get::<_, String>(1)?)?,
                headline: row.get(2)?,
                article_count: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn story_version(&self, story: StoryId, version: u32) -> Result<Option<StoryVersion>> {
        Ok(self
            .connection
            .query_row(
                "SELECT version, created_at, headline, article_count, story_json FROM story_versions WHERE story_id = ?1 AND version = ?2",
                params![story, version],
                |row| {
                    Ok(StoryVersion {
                        info: StoryVersionInfo { version: row.get(0)?, created_at: parse_time(&row.get::<_, String>(1)?)?, headline: row.get(2)?, article_count: row.get(3)? },
                        story_json: row.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>> {
        let mut statement = self.connection.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM stories s \
             WHERE NOT EXISTS (SELECT 1 FROM story_merges m WHERE m.story_id = s.id) \
             ORDER BY s.updated_at DESC, s.id DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = statement.query_map(params![clamp(limit), clamp(offset)], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn search_stories(
        &self,
        query: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StorySummary>> {
        let Some(expression) = fts_expression(query) else {
            return Ok(Vec::new());
        };
        // bm25 weights: a match in the headline counts five times one in the text.
        let mut statement = self.connection.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM story_search f JOIN stories s ON s.id = f.rowid \
             WHERE story_search MATCH ?1 \
             ORDER BY bm25(story_search, 5.0, 1.0), s.updated_at DESC, s.id DESC LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = statement.query_map(
            params![expression, clamp(limit), clamp(offset)],
            summary_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
