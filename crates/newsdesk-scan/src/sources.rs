//! Reading one source: a feed, a single article page, or a local directory
//! of HTML, text and newswire files.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use newsdesk_extract::{extract_with_charset, Format};
use newsdesk_feeds::{parse_feed, FeedError, ParsedFeed};
use newsdesk_fetch::{Conditional, Fetched, Fetcher};
use newsdesk_model::{Article, DropReason, Dropped};
use newsdesk_store::Feed;

/// What fetching a source's own URL brought.
pub(crate) enum SourceRead {
    /// The server confirmed our copy is current.
    Unchanged {
        fresh_until: Option<SystemTime>,
    },
    Feed {
        feed: ParsedFeed,
        response: Response,
    },
    /// The URL is an article page, not a feed: kept as one article.
    Page {
        page: Result<Page, String>,
        response: Response,
    },
    Directory(PathBuf),
    Failed {
        status: Option<u16>,
        error: String,
    },
}

/// The parts of an HTTP response the feed's state keeps.
pub(crate) struct Response {
    pub status: u16,
    pub bytes: u64,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub fresh_until: Option<SystemTime>,
}

/// A fetched and extracted article page.
pub(crate) struct Page {
    pub article: Article,
    pub raw: Vec<u8>,
}

/// Reads a source's URL; returns what came and how long it took.
pub(crate) async fn read_source(fetcher: &Fetcher, feed: &Feed) -> (SourceRead, u64) {
    let started = Instant::now();
    let read = read(fetcher, feed).await;
    (read, started.elapsed().as_millis() as u64)
}

async fn read(fetcher: &Fetcher, feed: &Feed) -> SourceRead {
    if let Some(directory) = directory_of(&feed.url) {
        return SourceRead::Directory(directory);
    }
    let conditional = Conditional {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    match fetcher.fetch(&feed.url, &conditional).await {
        Err(error) => SourceRead::Failed {
            status: match &error {
                newsdesk_fetch::FetchError::Status { status, .. } => Some(*status),
                _ => None,
            },
            error: error.to_string(),
        },
        Ok(Fetched::NotModified { fresh_until, .. }) => SourceRead::Unchanged { fresh_until },
        Ok(Fetched::Body {
            final_url,
            status,
            content_type,
            charset,
            etag,
            last_modified,
            fresh_until,
            bytes,
        }) => {
            let response = Response {
                status,
                bytes: bytes.len() as u64,
                etag,
                last_modified,
                fresh_until,
            };
            match parse_feed(&bytes, final_url.as_str()) {
                Ok(feed) => SourceRead::Feed { feed, response },
                Err(FeedError::HtmlPage) => SourceRead::Page {
                    page: page_from(
                        bytes,
                        final_url.as_str(),
                        content_type.as_deref(),
                        charset.as_deref(),
                    ),
                    response,
                },
                Err(error) => SourceRead::Failed {
                    status: Some(status),
                    error: format!("{}: {error}", feed.url),
                },
            }
        }
    }
}

/// Fetches an article page a feed points at.
pub(crate) async fn fetch_page(fetcher: &Fetcher, url: &str) -> Result<Page, String> {
    match fetcher.fetch(url, &Conditional::default()).await {
        Err(error) => Err(error.to_string()),
        // We sent no validators, so a 304 is the server's mistake.
        Ok(Fetched::NotModified { .. }) => Err(format!(
            "{url}: 304 Not Modified to an unconditional request"
        )),
        Ok(Fetched::Body {
            final_url,
            content_type,
            charset,
            bytes,
            ..
        }) => page_from(
            bytes,
            final_url.as_str(),
            content_type.as_deref(),
            charset.as_deref(),
        ),
    }
}

fn page_from(
    bytes: Vec<u8>,
    url: &str,
    content_type: Option<&str>,
    charset: Option<&str>,
) -> Result<Page, String> {
    let format = match content_type {
        Some("text/plain" | "text/markdown") => Format::Text,
        Some("text/html" | "application/xhtml+xml") | None => Format::Html,
        Some(other) => return Err(format!("{url}: not an article page ({other})")),
    };
    let mut article = extract_with_charset(&bytes, format, url, None, charset)
        .map_err(|error| format!("{url}: {error}"))?;
    // A canonical link may be relative, or missing; it may move the
    // article only within the site it was fetched from, or a page could
    // take over another site's article by naming its address.
    article.url = match (article.url.take(), url::Url::parse(url)) {
        (Some(canonical), Ok(fetched)) => {
            match newsdesk_fetch::site::allowed_canonical(&fetched, &canonical) {
                Ok(allowed) => Some(allowed.to_string()),
                Err(refused) => {
                    tracing::warn!(url, %refused, "canonical link not followed");
                    article.dropped.push(Dropped {
                        text: canonical,
                        reason: DropReason::ForeignCanonical,
                        line: None,
                    });
                    None
                }
            }
        }
        (other, _) => other,
    }
    .or_else(|| Some(url.to_string()));
    Ok(Page {
        article,
        raw: bytes,
    })
}

/// The local directory a `file:` source names.
pub(crate) fn directory_of(url: &str) -> Option<PathBuf> {
    let parsed = url::Url::parse(url).ok()?;
    (parsed.scheme() == "file")
        .then(|| parsed.to_file_path().ok())
        .flatten()
}

/// Files of a directory source that can hold articles, by name, with the
/// format each is read in: HTML and text by their extension, and newswire
/// SGML (`.sgml`, `.sgm`, or any file that opens with `<DOC>`, as the
/// extension-less files of TREC and DUC do). Subdirectories are not
/// entered.
pub(crate) fn article_files(directory: &Path) -> std::io::Result<Vec<(PathBuf, Format)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(directory)? {
        let path = entry?.path();
        if !path.is_file() {
            continue;
        }
        // A compressed page ("page.html.gz") is read as what it holds.
        let extension = newsdesk_fetch::local::format_path(&path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let format = match extension.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("txt" | "text" | "md" | "sgml" | "sgm") => Format::Text,
            _ if opens_with_doc_tag(&path) => Format::Text,
            _ => continue,
        };
        files.push((path, format));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Whether a folder or one of its files changed since `since`, by their
/// modification times and, on Unix, their status-change times (a file or
/// folder moved into place keeps its old modification time, but its
/// status changes); with a second's margin for file systems with coarse
/// times. A folder never read, or whose times cannot be read, has changed.
pub(crate) fn changed_since(
    directory: &Path,
    since: Option<chrono::DateTime<chrono::Utc>>,
) -> bool {
    let Some(since) = since else {
        return true;
    };
    let since: SystemTime = (since - chrono::Duration::seconds(1)).into();
    let newer = |path: &Path| match std::fs::metadata(path) {
        Ok(metadata) => last_change(&metadata).is_none_or(|changed| changed > since),
        Err(_) => true,
    };
    if newer(directory) {
        return true;
    }
    let Ok(entries) = std::fs::read_dir(directory) else {
        return true;
    };
    entries.flatten().any(|entry| newer(&entry.path()))
}

/// When a file or folder last changed: its modification time or, on Unix,
/// its status-change time, whichever is later.
fn last_change(metadata: &std::fs::Metadata) -> Option<SystemTime> {
    let modified = metadata.modified().ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::new(
            u64::try_from(metadata.ctime()).ok()?,
            u32::try_from(metadata.ctime_nsec()).ok()?,
        ))?;
        Some(modified.max(changed))
    }
    #[cfg(not(unix))]
    Some(modified)
}

/// Whether a file's first bytes are a newswire `<DOC>` tag.
fn opens_with_doc_tag(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 256];
    let Ok(read) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let head = String::from_utf8_lossy(&head[..read]);
    head.trim_start()
        .get(..5)
        .is_some_and(|tag| tag.eq_ignore_ascii_case("<doc>"))
}

/// One document of a file: the URL it is stored under, and its page or
/// why it could not be read.
pub(crate) type FileDocument = (String, Result<Page, String>);

/// Reads and extracts one file of a directory source: one article, or one
/// per document of a newswire file (each under `url#DOCNO` when there are
/// several, and each failing alone).
pub(crate) fn read_file(
    path: &Path,
    format: Format,
    url: &str,
) -> Result<Vec<FileDocument>, String> {
    let read = newsdesk_fetch::local::read_file(path, newsdesk_extract::MAX_INPUT_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = read.bytes;
    let stem = read.format_path.file_stem().and_then(|s| s.to_str());
    if let Some(documents) = newsdesk_extract::newswire_documents(&bytes, format, url) {
        return Ok(documents
            .into_iter()
            .enumerate()
            .map(|(number, document)| match document.article {
                Ok(article) => (
                    article.origin.clone(),
                    Ok(Page {
                        article,
                        raw: document.sgml.into_bytes(),
                    }),
                ),
                Err(error) => (
                    format!("{url}#{}", number + 1),
                    Err(format!(
                        "{} (document {}): {error}",
                        path.display(),
                        number + 1
                    )),
                ),
            })
            .collect());
    }
    let article = extract_with_charset(&bytes, format, url, stem, None)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(vec![(
        url.to_string(),
        Ok(Page {
            article,
            raw: bytes,
        }),
    )])
}
