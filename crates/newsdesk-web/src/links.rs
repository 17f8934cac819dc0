//! Where pages link to. The server uses absolute paths; the static export
//! uses paths relative to each file, so the site works from any folder of
//! any static host.

use newsdesk_store::StoryId;

#[derive(Debug, Clone)]
pub struct Links {
    /// Prefix that leads to the site's root: `/` on the server, `` or
    /// `../` in the export.
    root: String,
    exported: bool,
}

impl Links {
    pub fn server() -> Links {
        Links {
            root: "/".to_string(),
            exported: false,
        }
    }

    /// Links for an exported file `depth` folders below the root.
    pub fn exported(depth: usize) -> Links {
        Links {
            root: "../".repeat(depth),
            exported: true,
        }
    }

    pub fn is_exported(&self) -> bool {
        self.exported
    }

    pub fn home(&self) -> String {
        if self.exported {
            format!("{}index.html", self.root)
        } else {
            self.root.clone()
        }
    }

    pub fn front_page(&self, page: usize, query: Option<&str>) -> String {
        match (self.exported, query) {
            (_, _) if page <= 1 && query.is_none() => self.home(),
            (true, _) => format!("{}page-{page}.html", self.root),
            (false, None) => format!("{}?page={page}", self.root),
            (false, Some(query)) => {
                format!("{}?q={}&page={page}", self.root, percent_encode(query))
            }
        }
    }

    pub fn story(&self, id: StoryId) -> String {
        if self.exported {
            format!("{}stories/{id}.html", self.root)
        } else {
            format!("{}stories/{id}", self.root)
        }
    }

    pub fn sources(&self) -> String {
        if self.exported {
            format!("{}sources.html", self.root)
        } else {
            format!("{}sources", self.root)
        }
    }

    pub fn api_story(&self, id: StoryId) -> String {
        if self.exported {
            format!("{}api/stories/{id}.json", self.root)
        } else {
            format!("{}api/stories/{id}", self.root)
        }
    }

    pub fn feed(&self) -> String {
        format!("{}feed.atom", self.root)
    }

    pub fn asset(&self, name: &str) -> String {
        format!("{}static/{name}", self.root)
    }
}

/// Percent-encodes everything but unreserved characters, for a query
/// string value.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A URL from a source, as an `href` only when it is plain http(s):
/// `javascript:`, `data:` and the like are shown as text, never linked.
pub fn safe_href(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    let allowed = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !trimmed.chars().any(|c| c.is_control() || c.is_whitespace());
    (allowed && clean).then_some(trimmed)
}
