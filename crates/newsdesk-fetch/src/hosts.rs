//! Politeness toward each host: at most N requests to it at once, and a
//! minimum gap between the starts of two requests to it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

pub(crate) struct Hosts {
    concurrency: usize,
    by_name: Mutex<HashMap<String, Arc<Host>>>,
}

struct Host {
    permits: Arc<Semaphore>,
    /// The earliest moment the next request to this host may start.
    next_start: tokio::sync::Mutex<Instant>,
}

/// The right to send one request to a host; dropping it frees the slot.
pub(crate) struct Turn {
    _permit: OwnedSemaphorePermit,
}

impl Hosts {
    pub fn new(concurrency: usize) -> Self {
        Hosts {
            concurrency: concurrency.max(1),
            by_name: Mutex::new(HashMap::new()),
        }
    }

    /// Waits for a free slot on `host` and for `gap` to have passed since
    /// the previous request to it started.
    pub async fn turn(&self, host: &str, gap: Duration) -> Turn {
        let host = self.host(host);
        let permit = Arc::clone(&host.permits)
            .acquire_owned()
            .await
            .expect("host semaphores are never closed");
        let mut next_start = host.next_start.lock().await;
        tokio::time::sleep_until(*next_start).await;
        *next_start = Instant::now() + gap;
        Turn { _permit: permit }
    }

    fn host(&self, name: &str) -> Arc<Host> {
        let mut by_name = self
            .by_name
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let host = by_name.entry(name.to_ascii_lowercase()).or_insert_with(|| {
            Arc::new(Host {
                permits: Arc::new(Semaphore::new(self.concurrency)),
                next_start: tokio::sync::Mutex::new(Instant::now()),
            })
        });
        Arc::clone(host)
    }
}
