//! What the server shares between requests: store connections and the
//! cache of rendered story pages.

use crate::WebError;
use axum::body::Bytes;
use newsdesk_store::{Location, Store, StoryId};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

/// How long a cached story page is served before the store is asked
/// whether the story has a newer version.
pub const FRESHNESS_TTL: Duration = Duration::from_secs(1);

/// Story pages kept in memory; past this, one is dropped per new page
/// (a story read again is rendered again, nothing is lost).
pub(crate) const MAX_CACHED_PAGES: usize = 2_000;

/// Idle connections kept; more are opened under load and dropped after.
const IDLE_CONNECTIONS: usize = 4;

/// Store connections of our own (SQLite or PostgreSQL), opened on demand
/// and reused.
pub struct StorePool {
    location: Location,
    idle: Mutex<Vec<Box<dyn Store + Send>>>,
}

impl StorePool {
    /// Opens one connection now, so a missing or damaged store is an
    /// error at start rather than on the first request.
    pub fn open(path: PathBuf) -> Result<StorePool, WebError> {
        let location = Location::from_path(&path);
        let first = newsdesk_store::open(&location)?;
        Ok(StorePool {
            location,
            idle: Mutex::new(vec![first]),
        })
    }

    /// Runs `work` with a connection on a blocking thread: store calls
    /// must not stall the async workers.
    pub async fn with<T, F>(self: &std::sync::Arc<Self>, work: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, WebError> + Send + 'static,
    {
        let pool = self.clone();
        tokio::task::spawn_blocking(move || pool.run(work))
            .await
            .map_err(|e| WebError::Worker(e.to_string()))?
    }

    /// Runs `work` with a connection on this thread.
    pub fn run<T>(
        &self,
        work: impl FnOnce(&dyn Store) -> Result<T, WebError>,
    ) -> Result<T, WebError> {
        let taken = self.idle.lock().expect("pool lock").pop();
        let store = match taken {
            Some(store) => store,
            None => newsdesk_store::open(&self.location)?,
        };
        let result = work(store.as_ref());
        let mut idle = self.idle.lock().expect("pool lock");
        if idle.len() < IDLE_CONNECTIONS {
            idle.push(store);
        }
        result
    }
}

/// A rendered story page and when its version was last confirmed.
pub struct CachedPage {
    pub version: u32,
    pub html: Bytes,
    /// Milliseconds since the cache's epoch.
    checked: AtomicU64,
}

/// Rendered story pages by story id, each for one version.
pub struct PageCache {
    epoch: Instant,
    pages: RwLock<HashMap<StoryId, std::sync::Arc<CachedPage>>>,
}

/// What the cache says about a story.
pub enum Lookup {
    /// Confirmed recently: serve it.
    Fresh(Bytes),
    /// This request should ask the store; others serve the page meanwhile.
    Revalidate(std::sync::Arc<CachedPage>),
    Missing,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            epoch: Instant::now(),
            pages: RwLock::new(HashMap::new()),
        }
    }
}

impl PageCache {
    fn now(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    pub fn lookup(&self, story: StoryId) -> Lookup {
        let Some(page) = self.pages.read().expect("cache lock").get(&story).cloned() else {
            return Lookup::Missing;
        };
        let now = self.now();
        let checked = page.checked.load(Ordering::Acquire);
        if now.saturating_sub(checked) < FRESHNESS_TTL.as_millis() as u64 {
            return Lookup::Fresh(page.html.clone());
        }
        // One request claims the check; the rest keep serving this page.
        match page
            .checked
            .compare_exchange(checked, now, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => Lookup::Revalidate(page),
            Err(_) => Lookup::Fresh(page.html.clone()),
        }
    }

    pub fn insert(&self, story: StoryId, version: u32, html: Bytes) {
        let page = CachedPage {
            version,
            html,
            checked: AtomicU64::new(self.now()),
        };
        let mut pages = self.pages.write().expect("cache lock");
        if pages.len() >= MAX_CACHED_PAGES && !pages.contains_key(&story) {
            // The page confirmed longest ago is the one least likely read.
            let stale = pages
                .iter()
                .min_by_key(|(_, page)| page.checked.load(Ordering::Relaxed))
                .map(|(id, _)| *id);
            if let Some(stale) = stale {
                pages.remove(&stale);
            }
        }
        pages.insert(story, std::sync::Arc::new(page));
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.pages.read().expect("cache lock").len()
    }

    /// Forgets a story that no longer has any version.
    pub fn remove(&self, story: StoryId) {
        self.pages.write().expect("cache lock").remove(&story);
    }
}
