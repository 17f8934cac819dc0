//! When a feed is next fetched.

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};

/// What the last fetch of a feed said about its freshness.
#[derive(Debug, Clone, Copy, Default)]
pub struct Freshness {
    /// The feed's own `<ttl>`, in minutes.
    pub ttl_minutes: Option<u32>,
    /// Until when the server said the response stays fresh (Cache-Control
    /// max-age or Expires).
    pub fresh_until: Option<SystemTime>,
    /// Failed fetches in a row, this one included (0 after a success).
    pub failures_in_a_row: u32,
}

/// The bounds within which feeds are scheduled.
#[derive(Debug, Clone, Copy)]
pub struct Intervals {
    /// How often a feed that says nothing is fetched.
    pub default: Duration,
    /// Never sooner than this, whatever the feed says.
    pub min: Duration,
    /// Never later than this, even after many failures or a long TTL.
    pub max: Duration,
}

/// The time a feed is next due. A feed's TTL and the server's freshness
/// lifetime are honoured (we never ask before they run out), failures back
/// off exponentially, and everything stays within `[min, max]`.
pub fn next_due(now: DateTime<Utc>, intervals: &Intervals, freshness: &Freshness) -> DateTime<Utc> {
    let mut wait = intervals.default;
    if let Some(ttl) = freshness.ttl_minutes {
        wait = wait.max(Duration::from_secs(u64::from(ttl) * 60));
    }
    if let Some(until) = freshness.fresh_until {
        let now_system: SystemTime = now.into();
        if let Ok(left) = until.duration_since(now_system) {
            wait = wait.max(left);
        }
    }
    if freshness.failures_in_a_row > 0 {
        // 2, 4, 8 ... times the usual wait; capped by `max` below.
        let factor = 1u32 << freshness.failures_in_a_row.min(10);
        wait = wait.saturating_mul(factor);
    }
    let wait = wait.clamp(intervals.min, intervals.max.max(intervals.min));
    now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX)
}
