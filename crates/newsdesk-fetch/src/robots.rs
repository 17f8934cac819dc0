//! robots.txt: what a fetch of it means, and a per-origin cache so each
//! origin's file is fetched once per TTL even under concurrent fetches.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use texting_robots::Robot;
use tokio::time::Instant;

#[cfg(test)]
mod tests;

/// The product token robots.txt groups are matched against.
pub(crate) const AGENT_TOKEN: &str = "newsdesk";

/// The part of a robots.txt we read, as Google does (500 KiB).
pub(crate) const MAX_ROBOTS_BYTES: u64 = 500 * 1024;

pub(crate) enum Rules {
    AllowAll,
    DisallowAll,
    Parsed(Box<Robot>),
}

impl Rules {
    pub fn allows(&self, url: &str) -> bool {
        match self {
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
            Rules::Parsed(robot) => robot.allowed(url),
        }
    }

    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Rules::Parsed(robot) => robot
                .delay
                .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
                .map(Duration::from_secs_f32),
            _ => None,
        }
    }
}

/// What came back when we asked for robots.txt.
pub(crate) enum Answer {
    /// A final (non-redirect) status and, for 2xx, the body.
    Status(u16, Vec<u8>),
    /// No answer at all: DNS, connection, timeout, or too many redirects.
    Unreachable,
}

/// Whether the rules should be kept for the normal TTL or re-checked
/// sooner because they stand in for a failure.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lifetime {
    Normal,
    Failure,
}

/// Google's reading of robots.txt fetches: 2xx is parsed, other 4xx mean
/// "no rules", 429 and 5xx mean "stay away for now", and an unreachable
/// file means "no rules" (re-checked soon).
pub(crate) fn interpret(answer: Answer) -> (Rules, Lifetime) {
    match answer {
        Answer::Status(200..=299, body) => match Robot::new(AGENT_TOKEN, &body) {
            Ok(robot) => (Rules::Parsed(Box::new(robot)), Lifetime::Normal),
            Err(_) => (Rules::AllowAll, Lifetime::Normal),
        },
        Answer::Status(429 | 500..=599, _) => (Rules::DisallowAll, Lifetime::Failure),
        Answer::Status(_, _) => (Rules::AllowAll, Lifetime::Normal),
        Answer::Unreachable => (Rules::AllowAll, Lifetime::Failure),
    }
}

struct Cached {
    rules: Arc<Rules>,
    expires: Instant,
}

pub(crate) struct RobotsCache {
    ttl: Duration,
    failure_ttl: Duration,
    by_origin: Mutex<HashMap<String, Arc<tokio::sync::Mutex<Option<Cached>>>>>,
}

impl RobotsCache {
    pub fn new(ttl: Duration, failure_ttl: Duration) -> Self {
        RobotsCache {
            ttl,
            failure_ttl,
            by_origin: Mutex::new(HashMap::new()),
        }
    }

    /// The origin's rules, calling `fetch` only when none are cached or
    /// they have expired. Concurrent callers for one origin wait for the
    /// first one's fetch instead of fetching again.
    pub async fn rules<F, Fut, E>(&self, origin: &str, fetch: F) -> Result<Arc<Rules>, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Answer, E>>,
    {
        let slot = {
            let mut by_origin = self
                .by_origin
                .lock()
                .unwrap_or_else(|poison| poison.into_inner());
            Arc::clone(by_origin.entry(origin.to_owned()).or_default())
        };
        let mut slot = slot.lock().await;
        if let Some(cached) = slot
            .as_ref()
            .filter(|cached| cached.expires > Instant::now())
        {
            return Ok(Arc::clone(&cached.rules));
        }
        let (rules, lifetime) = interpret(fetch().await?);
        let ttl = match lifetime {
            Lifetime::Normal => self.ttl,
            Lifetime::Failure => self.failure_ttl,
        };
        let rules = Arc::new(rules);
        *slot = Some(Cached {
            rules: Arc::clone(&rules),
            expires: Instant::now() + ttl,
        });
        Ok(rules)
    }
}
