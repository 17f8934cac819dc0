//! The newsdesk site: the front page of current stories with search, each
//! story with the exact source sentence behind every printed sentence, the
//! health of every feed, an Atom feed, a JSON API with its OpenAPI
//! document, and the same pages exported as static files.
//!
//! Choices, and why:
//! - **axum** serves: it is tokio's own framework, so `newsdesk run
//!   --serve` runs the site in the scanner's runtime ([`serve`] takes a
//!   listener and a shutdown future), and its routing adds little per
//!   request.
//! - **maud** writes the HTML: templates are Rust, checked at compile time,
//!   and every spliced value is escaped unless wrapped in `PreEscaped`,
//!   which this crate never does with source-derived text. Pages render
//!   straight into one `String`, with no template files to ship.
//! - No JavaScript framework: pages are plain HTML and CSS. Citations are
//!   links to an evidence panel that CSS shows with `:target`, so they work
//!   with no script at all; the one small script (served from `/static/`,
//!   allowed by the Content-Security-Policy, never inline) only moves focus
//!   and closes the panel with Escape.
//! - The store is read through a small pool of its own SQLite connections
//!   (WAL lets `newsdesk run` write meanwhile). Story pages are cached by
//!   (story id, version); a cached page is served without touching the
//!   database for [`FRESHNESS_TTL`], after which one request asks the
//!   store for the story's latest version number while the others keep
//!   serving the cached page. A new version is therefore visible within
//!   about a second.

mod api;
mod atom;
mod export;
mod links;
mod pages;
mod server;
mod state;
mod view;

pub use export::{export_site, ExportSummary};
pub use server::{router, serve, SiteOptions};
pub use state::FRESHNESS_TTL;

/// What can go wrong in the site.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("cannot read the store: {0}")]
    Store(#[from] newsdesk_store::StoreError),
    #[error("story {story} version {version} is damaged: {reason}")]
    DamagedStory {
        story: i64,
        version: u32,
        reason: String,
    },
    #[error("cannot serve: {0}")]
    Serve(std::io::Error),
    #[error("cannot write {path}: {source}")]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("a store worker stopped: {0}")]
    Worker(String),
}

#[cfg(test)]
mod tests;
