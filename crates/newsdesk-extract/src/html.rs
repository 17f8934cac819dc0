//! HTML page -> [`Article`]: metadata from JSON-LD, OpenGraph and `<meta>`,
//! body from the element that holds the most paragraph text.

use crate::junk::{self, normalise, Position};
use crate::outlet;
use crate::text::guess_language;
use chrono::{DateTime, FixedOffset, NaiveDate};
use dom::{Dom, NodeId, Tag};
use newsdesk_model::{Article, BlockKind, DropReason, Dropped};
use newsdesk_text::{find_date, parse_date, wire_dashes};
use serde_json::Value;
use std::cell::Cell;
use std::collections::HashMap;
use timestamps::{absolute_http_url, timestamp};

mod bounds;
mod dom;
#[cfg(test)]
mod tests;
mod timestamps;

/// A block repeated word for word is dropped from this length on; shorter
/// ones ("Meal 1", "Step 2", "Ingredients") legitimately repeat in a body.
const DUPLICATE_MIN_WORDS: usize = 8;

/// Elements that never hold article text.
fn is_skipped(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Noscript
            | Nav
            | Footer
            | Aside
            | Button
            | Figure
            | Figcaption
            | Iframe
            | Svg
            | Template
            | Select
            | Header
            | Menu
            | Dialog
    )
}

/// Words of class and id names that mark page furniture. A name matches
/// when one of its parts (split at '-', '_' and spaces) starts with one of
/// these: "comments-list" and "site_sidebar" match, "one-sidebar" on
/// `<body>` does not count (the page's own wrappers are never furniture),
/// and "unsubscribed" does not match "subscribe".
const FURNITURE_WORDS: &[&str] = &[
    "comment",
    "footer",
    "sidebar",
    "related",
    "share",
    "sharing",
    "social",
    "promo",
    "advert",
    "newsletter",
    "cookie",
    "consent",
    "banner",
    "breadcrumb",
    "menu",
    "nav",
    "subscribe",
    "popup",
    "modal",
    "mostread",
    "recommend",
    "teaser",
    "outbrain",
    "taboola",
    "sponsor",
    "caption",
    "gallery",
];

/// Parts that are furniture only as a whole part ("ad", not "adapt").
const FURNITURE_PARTS: &[&str] = &["ad", "ads", "most", "widget", "rail"];

/// Elements that wrap the whole page or the article: their names describe
/// the page ("one-sidebar", "has-comments"), not themselves.
fn is_page_wrapper(tag: Tag) -> bool {
    matches!(tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article)
}

/// The article metadata a page declares, gathered before the body.
#[derive(Default, Debug)]
struct Metadata {
    title: Option<String>,
    outlet: Option<String>,
    authors: Vec<String>,
    published: Option<NaiveDate>,
    published_at: Option<DateTime<FixedOffset>>,
    modified: Option<NaiveDate>,
    modified_at: Option<DateTime<FixedOffset>>,
    url: Option<String>,
    image: Option<String>,
    language: Option<String>,
}

/// Builds an article from a decoded HTML page.
pub fn article_from_html(html: &str, origin: &str, file_stem: Option<&str>) -> Article {
    // Markup beyond the parser's limits is bounded first (nesting flattened,
    // attributes cut) and read again; ordinary pages are read once.
    let bounded;
    let mut document = Dom::parse(html);
    if document.over_limits() {
        bounded = bounds::bound(html);
        document = Dom::parse(&bounded);
    }
    let meta = metadata(&document);
    let mut article = Article {
        origin: origin.to_string(),
        title: meta.title.clone(),
        authors: meta.authors.clone(),
        published: meta.published,
        published_at: meta.published_at,
        modified: meta.modified,
        modified_at: meta.modified_at,
        url: meta.url.clone(),
        image: meta.image.clone(),
        ..Article::default()
    };
    let title_key = meta.title.as_deref().map(normalise);
    let page = Page::read(&document);
    let containers = main_containers(&page);
    if !containers.is_empty() {
        let blocks: Vec<(BlockKind, String, bool)> = containers
            .iter()
            .flat_map(|c| blocks_in(&page, *c))
            .collect();
        let mut seen: Vec<String> = Vec::new();
        let tail_from = blocks
            .iter()
            .rposition(|(kind, text, _)| {
                *kind == BlockKind::Paragraph && text.split_whitespace().count() >= 20
            })
            .map_or(blocks.len(), |i| i + 1);
        for (index, (kind, text, links_only)) in blocks.into_iter().enumerate() {
            let key = normalise(&text);
            let reason = if links_only {
                Some(DropReason::LinkTeaser)
            } else if title_key.as_deref() == Some(key.as_str()) {
                Some(DropReason::RepeatedHeadline)
            } else if seen.contains(&key) && text.split_whitespace().count() >= DUPLICATE_MIN_WORDS
            {
                Some(DropReason::Duplicate)
            } else if let Some(reason) = junk::classify_normalised(
                &text,
                &key,
                Position {
                    in_tail: index >= tail_from,
                },
            ) {
                Some(reason)
            } else if let Some(byline) = (text.split_whitespace().count() <= 16)
                .then(|| outlet::byline_parts(&text))
                .flatten()
            {
                if article.authors.is_empty() {
                    article.authors = byline.authors;
                }
                Some(DropReason::Byline)
            } else if is_date_line(&text) {
                Some(DropReason::Dateline)
            } else {
                None
            };
            match reason {
                Some(reason) => article.dropped.push(Dropped {
                    text,
                    reason,
                    line: None,
                }),
                None => article.push_block(kind, &wire_dashes(&text)),
            }
            seen.push(key);
        }
    }
    if article.title.is_none() {
        article.title = first_text(&document, Tag::H1);
    }
    article.outlet = meta
        .outlet
        .or_else(|| {
            first_text(&document, Tag::Title).and_then(|t| outlet::outlet_from_title_suffix(&t))
        })
        .or_else(|| meta.url.as_deref().and_then(host_name))
        .or_else(|| file_stem.map(outlet::outlet_from_file_stem));
    if article.published.is_none() {
        article.published = meta.url.as_deref().and_then(date_in_url);
    }
    article.language = meta.language.or_else(|| guess_language(&article.text));
    article
}

/// Whether the block is a date and nothing else. Every date
/// [`parse_date`] reads has a year of four digits (alone, or opening an
/// ISO date); most blocks have no four digits in a row, and parsing costs
/// a word list per block.
fn is_date_line(text: &str) -> bool {
    has_four_digits_in_a_row(text) && parse_date(text).is_some()
}

fn has_four_digits_in_a_row(text: &str) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// `text.trim().len()`, without decoding characters when the ends are ASCII.
fn trimmed_len(text: &str) -> usize {
    // The ASCII characters `char::is_whitespace` accepts.
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let bytes = text.as_bytes();
    let Some(first) = bytes.iter().position(|b| !space(b)) else {
        return 0;
    };
    let last = bytes.iter().rposition(|b| !space(b)).unwrap_or(first);
    if !bytes[first].is_ascii() || !bytes[last].is_ascii() {
        // A non-ASCII end may be a Unicode space.
        return text.trim().len();
    }
    last + 1 - first
}

fn collapse(text: &str) -> String {
    junk::collapse(text)
}

fn first_text(document: &Dom, tag: Tag) -> Option<String> {
    document
        .elements(tag)
        .map(|e| collapse(&document.texts(e).collect::<String>()))
        .find(|t| !t.is_empty())
}

/// Every `<meta>` tag's content by its key, read in one pass over the page
/// (a page has dozens of keys we look for; one traversal each would cost
/// more than the rest of metadata together).
struct MetaTags(HashMap<String, [Option<String>; 3]>);

/// The attributes a `<meta>` names its key with, most trusted first.
const META_KEY_ATTRIBUTES: [&str; 3] = ["property", "name", "itemprop"];

impl MetaTags {
    fn read(document: &Dom) -> MetaTags {
        let mut tags: HashMap<String, [Option<String>; 3]> = HashMap::new();
        for element in document.elements(Tag::Meta) {
            let Some(content) = document
                .attr(element, "content")
                .map(collapse)
                .filter(|c| !c.is_empty())
            else {
                continue;
            };
            for (index, attribute) in META_KEY_ATTRIBUTES.iter().enumerate() {
                if let Some(key) = document.attr(element, attribute) {
                    // The first tag with a key wins, as a reader of the page would see it.
                    let slot = &mut tags.entry(key.to_string()).or_default()[index];
                    if slot.is_none() {
                        *slot = Some(content.clone());
                    }
                }
            }
        }
        MetaTags(tags)
    }

    /// The content of the first of `keys` the page has, in key order and,
    /// for one key, attribute order.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .filter_map(|key| self.0.get(*key))
            .find_map(|slots| slots.iter().flatten().next().cloned())
    }
}

/// Metadata in the documented order of trust (docs/extraction.md): JSON-LD,
/// then OpenGraph and `<meta>`, then `<time>`, then the page `<title>`,
/// then the URL.
fn metadata(document: &Dom) -> Metadata {
    let mut meta = Metadata::default();
    let tags = MetaTags::read(document);
    let json_ld = document.elements(Tag::Script).filter(|&s| {
        document
            .attr(s, "type")
            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
    });
    for script in json_ld {
        let raw: String = document.texts(script).collect();
        if let Ok(value) = serde_json::from_str::<Value>(&raw) {
            if let Some(node) = find_article_node(&value, 0) {
                fill_from_json_ld(node, &mut meta);
                break;
            }
        }
    }
    let title_tag = first_text(document, Tag::Title);
    meta.title = meta
        .title
        .or_else(|| tags.get(&["og:title", "twitter:title"]))
        .or_else(|| title_tag.clone().map(|t| strip_title_suffix(&t)));
    meta.outlet = meta.outlet.or_else(|| {
        tags.get(&["og:site_name", "application-name", "publisher"])
            .and_then(|o| outlet::normalise_outlet(&o))
    });
    if meta.authors.is_empty() {
        meta.authors.extend(
            tags.get(&["author", "article:author"])
                .filter(|a| !a.starts_with("http")),
        );
    }
    // Each date: JSON-LD (filled above), then `<meta>`, then `<time>`; a
    // date without a time still counts, a time without a zone is dropped.
    let published_meta = tags.get(PUBLISHED_KEYS);
    let published_time = || {
        document
            .elements(Tag::Time)
            .filter_map(|t| document.attr(t, "datetime"))
            .find(|d| find_date(d).is_some())
            .map(str::to_string)
    };
    if meta.published.is_none() {
        if let Some(text) = published_meta.or_else(published_time) {
            meta.published = find_date(&text).map(|m| m.date);
            meta.published_at = timestamp(&text);
        }
    }
    if meta.modified.is_none() {
        if let Some(text) = tags.get(MODIFIED_KEYS) {
            meta.modified = find_date(&text).map(|m| m.date);
            meta.modified_at = timestamp(&text);
        }
    }
    meta.url = meta.url.or_else(|| {
        document
            .elements(Tag::Link)
            .filter(|&l| {
                document
                    .attr(l, "rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
            })
            .filter_map(|l| document.attr(l, "href"))
            .map(str::to_string)
            .next()
            .or_else(|| tags.get(&["og:url"]))
    });
    meta.image = meta
        .image
        .or_else(|| tags.get(&["og:image", "og:image:url", "twitter:image", "image"]));
    // Relative addresses are resolved against the canonical URL; anything
    // but http(s) (javascript:, data:) is no image.
    meta.image = meta
        .image
        .and_then(|image| absolute_http_url(&image, meta.url.as_deref()));
    meta.language = meta.language.or_else(|| {
        document
            .elements(Tag::Html)
            .filter_map(|h| document.attr(h, "lang"))
            .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase())
            .find(|l| !l.is_empty())
    });
    meta
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
];

/// The first JSON-LD object typed as an article, searching arrays and
/// `@graph`; depth-limited so hostile JSON cannot recurse without end.
fn find_article_node(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article_node(v, depth + 1)),
        Value::Object(map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if typed {
                return Some(value);
            }
            map.get("@graph")
                .and_then(|g| find_article_node(g, depth + 1))
        }
        _ => None,
    }
}

fn fill_from_json_ld(node: &Value, meta: &mut Metadata) {
    let text = |key: &str| {
        node.get(key)
            .and_then(Value::as_str)
            .map(collapse)
            .filter(|s| !s.is_empty())
    };
    meta.title = text("headline").or_else(|| text("name"));
    if let Some(published) = text("datePublished") {
        meta.published = find_date(&published).map(|m| m.date);
        meta.published_at = timestamp(&published);
    }
    if let Some(modified) = text("dateModified") {
        meta.modified = find_date(&modified).map(|m| m.date);
        meta.modified_at = timestamp(&modified);
    }
    meta.image = node.get("image").and_then(image_url);
    meta.url = text("url").or_else(|| {
        node.get("mainEntityOfPage").and_then(|m| {
            m.as_str()
                .map(str::to_string)
                .or_else(|| m.get("@id").and_then(Value::as_str).map(str::to_string))
        })
    });
    meta.language =
        text("inLanguage").map(|l| l.split(['-', '_']).next().unwrap_or(&l).to_lowercase());
    meta.outlet = node
        .get("publisher")
        .and_then(name_of)
        .and_then(|n| outlet::normalise_outlet(&n));
    meta.authors = match node.get("author") {
        Some(Value::Array(items)) => items.iter().filter_map(name_of).collect(),
        Some(one) => name_of(one).into_iter().collect(),
        None => Vec::new(),
    };
}

/// JSON-LD `image`: a URL, an `ImageObject` (`url` or `contentUrl`), or a
/// list of either (the first is the lead image).
fn image_url(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(map) => map
            .get("url")
            .or_else(|| map.get("contentUrl"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        Value::Array(items) => items.iter().find_map(image_url),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// `<meta>` names of the publication date, most trusted first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datePublished",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "publish-date",
];

/// `<meta>` names of the last-modified date, most trusted first.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "dateModified",
    "og:updated_time",
    "last-modified",
    "dc.date.modified",
];

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(collapse(s)),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(collapse),
        Value::Array(items) => items.first().and_then(name_of),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn strip_title_suffix(title: &str) -> String {
    match outlet::outlet_from_title_suffix(title) {
        Some(outlet) => {
            let cut = title.rfind(outlet.as_str()).unwrap_or(title.len());
            title[..cut]
                .trim_end()
                .trim_end_matches(['|', '-', '–', '—'])
                .trim()
                .to_string()
        }
        None => title.to_string(),
    }
}

fn host_name(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// "/2026/11/20/" in a URL.
fn date_in_url(url: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let (y, m, d) = (
            w[0].parse().ok()?,
            w[1].parse().ok()?,
            w[2].get(..2)?.parse().ok()?,
        );
        if (1990..=2200).contains(&y) && w[1].len() == 2 {
            NaiveDate::from_ymd_opt(y, m, d)
        } else {
            None
        }
    })
}

/// Code and styles are not text a reader sees.
fn holds_code(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Script | Tag::Style | Tag::Noscript | Tag::Template | Tag::Svg
    )
}

/// The page with what every later step asks of each node: text sizes
/// measured once; whether an element is furniture worked out when first
/// asked (most elements never are) and remembered.
struct Page<'d, 'a> {
    dom: &'d Dom<'a>,
    /// Visible text bytes (each text trimmed) under each node.
    text_size: Vec<u32>,
    /// Visible text bytes of the whole page.
    page_size: u32,
    /// Whether the element is furniture itself.
    furniture: Vec<Cell<Known>>,
    /// Whether the element or an ancestor is furniture.
    inside_furniture: Vec<Cell<Known>>,
}

/// A remembered answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    Unknown,
    Yes,
    No,
}

impl Known {
    fn from(answer: bool) -> Known {
        if answer {
            Known::Yes
        } else {
            Known::No
        }
    }
}

impl<'d, 'a> Page<'d, 'a> {
    fn read(dom: &'d Dom<'a>) -> Page<'d, 'a> {
        let count = dom.len();
        let mut text_size = vec![0u32; count];
        for (id, size) in text_size.iter_mut().enumerate() {
            if let Some(text) = dom.text(id) {
                if !dom
                    .parent(id)
                    .and_then(|p| dom.tag(p))
                    .is_some_and(holds_code)
                {
                    *size = trimmed_len(text) as u32;
                }
            }
        }
        // Children follow their parent: sizes flow up in one backward pass.
        for id in (1..count).rev() {
            if let Some(parent) = dom.parent(id) {
                text_size[parent] += text_size[id];
            }
        }
        let page_size = text_size.first().copied().unwrap_or(0);
        Page {
            dom,
            text_size,
            page_size,
            furniture: vec![Cell::new(Known::Unknown); count],
            inside_furniture: vec![Cell::new(Known::Unknown); count],
        }
    }

    /// Whether the element is page furniture.
    fn furniture(&self, id: NodeId) -> bool {
        let cell = &self.furniture[id];
        if cell.get() == Known::Unknown {
            cell.set(Known::from(self.is_furniture(id)));
        }
        cell.get() == Known::Yes
    }

    /// Whether the element or an ancestor is page furniture: the unknown
    /// part of the chain is collected going up, then answered going down.
    fn inside_furniture(&self, id: NodeId) -> bool {
        let mut unknown = Vec::new();
        let mut node = Some(id);
        let mut above = false;
        while let Some(current) = node {
            match self.inside_furniture[current].get() {
                Known::Unknown => {
                    unknown.push(current);
                    node = self.dom.parent(current);
                }
                known => {
                    above = known == Known::Yes;
                    break;
                }
            }
        }
        for &current in unknown.iter().rev() {
            above = above || self.furniture(current);
            self.inside_furniture[current].set(Known::from(above));
        }
        self.inside_furniture[id].get() == Known::Yes
    }

    fn share(&self, id: NodeId) -> f32 {
        self.text_size[id] as f32 / self.page_size.max(1) as f32
    }

    fn is_furniture(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let Some(tag) = dom.tag(id) else {
            return false;
        };
        if is_skipped(tag) {
            return true;
        }
        if dom.attr(id, "hidden").is_some()
            || dom.attr(id, "aria-hidden") == Some("true")
            || dom.attr(id, "style").is_some_and(style_hides)
        {
            return true;
        }
        if is_page_wrapper(tag) {
            return false;
        }
        let names = [
            dom.attr(id, "class").unwrap_or(""),
            dom.attr(id, "id").unwrap_or(""),
        ];
        self.share(id) < FURNITURE_MAX_SHARE && names.iter().any(|n| value_names_furniture(n))
    }

    /// The nearest ancestor that is an element.
    fn parent_element(&self, id: NodeId) -> Option<NodeId> {
        self.dom.parent(id).filter(|&p| self.dom.tag(p).is_some())
    }
}

/// Furniture by its name may hold at most this share of the page's text:
/// a wrapper named "with-right-rail" around the article is not a rail.
const FURNITURE_MAX_SHARE: f32 = 0.2;

/// Whether a `class` or `id` value holds a name of furniture.
fn value_names_furniture(value: &str) -> bool {
    if !value.is_ascii() {
        return value.split_whitespace().any(names_furniture);
    }
    // The common case, byte by byte and without allocating: ASCII letters
    // compared without regard to case give what lower-casing first gives,
    // and ASCII white space (with the vertical tab) is all `split_whitespace`
    // splits ASCII at.
    value
        .as_bytes()
        .split(|&b| b.is_ascii_whitespace() || b == 0x0b)
        .filter(|name| !name.is_empty())
        .any(|name| {
            let parts = || {
                name.split(|&b| b == b'-' || b == b'_')
                    .filter(|p| !p.is_empty())
            };
            !parts().any(|p| {
                NEGATIONS
                    .iter()
                    .any(|n| p.eq_ignore_ascii_case(n.as_bytes()))
            }) && parts().any(|part| camel_words(part).any(part_names_furniture))
        })
}

/// A part and the words a camel-case part is made of from each capital on:
/// "newsCaption" gives "newsCaption" and "Caption".
fn camel_words(part: &[u8]) -> impl Iterator<Item = &[u8]> {
    std::iter::once(part).chain(
        (1..part.len())
            .filter(move |&i| part[i].is_ascii_uppercase() && part[i - 1].is_ascii_lowercase())
            .map(move |i| &part[i..]),
    )
}

/// One part of an ASCII name, as [`names_furniture`] judges it.
fn part_names_furniture(part: &[u8]) -> bool {
    let first = part[0].to_ascii_lowercase();
    FURNITURE_PARTS
        .iter()
        .any(|w| part.eq_ignore_ascii_case(w.as_bytes()))
        || FURNITURE_WORDS.iter().any(|w| {
            w.as_bytes()[0] == first
                && part
                    .get(..w.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
        })
}

/// Whether one class or id names furniture: a part starts with a furniture
/// word or is a furniture part, and no part negates it ("no-sidebar").
fn names_furniture(name: &str) -> bool {
    let parts: Vec<&str> = name.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    if parts
        .iter()
        .any(|p| NEGATIONS.contains(&p.to_lowercase().as_str()))
    {
        return false;
    }
    parts.iter().any(|part| {
        // The part, and the words of a camel-case part from each capital on.
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        let starts = std::iter::once(0).chain(
            chars
                .windows(2)
                .filter(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase())
                .map(|w| w[1].0),
        );
        starts.map(|at| part[at..].to_lowercase()).any(|word| {
            FURNITURE_PARTS.contains(&word.as_str())
                || FURNITURE_WORDS.iter().any(|w| word.starts_with(w))
        })
    })
}

/// Whether an inline style keeps the element from being seen: not
/// displayed, invisible, or pushed far off the page (where link spam and
/// text for crawlers hide).
fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if compact.contains("display:none") || compact.contains("visibility:hidden") {
        return true;
    }
    ["left:-", "top:-", "text-indent:-"].iter().any(|property| {
        compact.match_indices(property).any(|(at, _)| {
            compact[at + property.len()..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count()
                >= 4
        })
    })
}

/// Parts of a class or id name that say the furniture is absent.
const NEGATIONS: &[&str] = &["no", "without", "hide", "hidden"];

/// The best container and those of its siblings that hold a good share of
/// article text too: an article split into several blocks (a lead box and
/// a body, sections between ads) is read whole, in document order.
fn main_containers(page: &Page) -> Vec<NodeId> {
    let Some((best, scores)) = main_container(page) else {
        return Vec::new();
    };
    let dom = page.dom;
    // A container that is its parent's only element is read as its parent
    // (Readability does the same): paragraphs each wrapped in their own
    // card are then siblings, and join.
    let found = best;
    let mut best = best;
    while let Some(parent) = page.parent_element(best) {
        let only_child = dom
            .children(parent)
            .filter(|&c| dom.tag(c).is_some())
            .take(2)
            .count()
            == 1;
        if !only_child
            || dom
                .tag(parent)
                .is_some_and(|t| is_page_wrapper(t) && t != Tag::Article)
        {
            break;
        }
        best = parent;
    }
    let best_score = scores[best].max(scores[found]);
    let Some(parent) = page.parent_element(best) else {
        return vec![best];
    };
    if dom
        .tag(parent)
        .is_some_and(|t| is_page_wrapper(t) && t != Tag::Article)
    {
        return vec![best];
    }
    let mut chosen: Vec<NodeId> = dom
        .children(parent)
        .filter(|&sibling| dom.tag(sibling).is_some())
        .filter(|&sibling| {
            sibling == best
                || (scores[sibling] >= SIBLING_SHARE * best_score && !page.furniture(sibling))
        })
        .collect();
    chosen.extend(template_twins(page, found, &scores, &chosen));
    chosen.sort_unstable();
    chosen
}

/// Elements made by the same template as the best container (the same tag
/// and the same class names) that hold paragraphs of their own: the rest
/// of a body that the page splits into chunks between advertisements.
fn template_twins(page: &Page, best: NodeId, scores: &[f32], chosen: &[NodeId]) -> Vec<NodeId> {
    let dom = page.dom;
    let Some(class) = dom.attr(best, "class").filter(|c| !c.trim().is_empty()) else {
        return Vec::new();
    };
    let tag = dom.tag(best);
    let bar = SIBLING_SHARE * scores[best];
    let inside = |id: NodeId, outer: NodeId| id == outer || dom.descendants(outer).contains(&id);
    let mut twins: Vec<NodeId> = Vec::new();
    for (id, &score) in scores.iter().enumerate() {
        if score <= bar || dom.tag(id) != tag || dom.attr(id, "class") != Some(class) {
            continue;
        }
        if chosen
            .iter()
            .chain(&twins)
            .any(|&c| inside(id, c) || inside(c, id))
        {
            continue;
        }
        if page.inside_furniture(id) {
            continue;
        }
        twins.push(id);
    }
    twins
}

/// A sibling joins the article when its paragraphs score this share of the best container's.
const SIBLING_SHARE: f32 = 0.2;

/// The length of `texts` joined and with whitespace collapsed (as
/// [`collapse`] would make it), and the commas in them.
fn collapsed_length_and_commas<'t>(texts: impl Iterator<Item = &'t str>) -> (usize, usize) {
    let mut length = 0;
    let mut commas = 0;
    let mut words = 0usize;
    let mut in_word = false;
    for text in texts {
        for c in text.chars() {
            if c.is_whitespace() {
                in_word = false;
            } else {
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                length += c.len_utf8();
                commas += usize::from(c == ',');
            }
        }
    }
    (length + words.saturating_sub(1), commas)
}

/// The element whose paragraphs hold the most text, Readability-style:
/// each paragraph gives its length to its parent and half to its
/// grandparent; loose text between `<br>`s counts for its element.
fn main_container(page: &Page) -> Option<(NodeId, Vec<f32>)> {
    let dom = page.dom;
    let mut scores = vec![0f32; dom.len()];
    let mut scored = false;
    for id in 0..dom.len() {
        let Some(tag) = dom.tag(id) else {
            continue;
        };
        if !matches!(tag, Tag::P | Tag::Pre | Tag::Blockquote) || page.inside_furniture(id) {
            continue;
        }
        let (length, commas) = collapsed_length_and_commas(dom.texts(id));
        let length = length as f32;
        if length < 25.0 {
            continue;
        }
        let score = length.min(600.0) / 100.0 + commas as f32 + 1.0;
        if let Some(parent) = page.parent_element(id) {
            scores[parent] += score;
            scored = true;
            if let Some(grandparent) = page.parent_element(parent) {
                scores[grandparent] += score / 2.0;
            }
        }
    }
    // Pages without <p> put their paragraphs straight into a <div> or a
    // <td>, separated by <br>: count such loose text for its element.
    for (id, score) in scores.iter_mut().enumerate() {
        let Some(tag) = dom.tag(id) else {
            continue;
        };
        if matches!(
            tag,
            Tag::P
                | Tag::Pre
                | Tag::Blockquote
                | Tag::Li
                | Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
        ) {
            continue;
        }
        let mut loose = 0;
        let mut commas = 0;
        for text in dom.children(id).filter_map(|c| dom.text(c)) {
            loose += trimmed_len(text);
            commas += text.matches(',').count();
        }
        if loose < 80 || page.inside_furniture(id) {
            continue;
        }
        *score += (loose as f32).min(3000.0) / 100.0 + commas as f32 + 1.0;
        scored = true;
    }
    if !scored {
        return None;
    }
    let best = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    // Widen to an enclosing element marked as the article body, so
    // subheadings and lists beside the paragraph group are kept. (Widening
    // to any enclosing <article> kept more furniture than text: measured
    // F1 0.940 with it, 0.944 without.)
    let widened = dom
        .ancestors(best)
        .find(|&e| dom.attr(e, "itemprop") == Some("articleBody"))
        .unwrap_or(best);
    Some((widened, scores))
}

/// Elements that start a new block of text.
fn starts_block(tag: Tag) -> bool {
    use Tag::*;
    tag.is_heading()
        || matches!(
            tag,
            P | Pre
                | Li
                | Blockquote
                | Div
                | Section
                | Article
                | Table
                | Tr
                | Td
                | Th
                | Ul
                | Ol
                | Dl
                | Dt
                | Dd
                | Hr
                | Center
        )
}

/// Elements whose text is theirs, not loose text of the container.
fn owns_text(tag: Tag) -> bool {
    use Tag::*;
    tag.is_heading()
        || matches!(
            tag,
            P | Pre | Li | Blockquote | Script | Style | Noscript | Template
        )
}

/// The text blocks of a container in document order: paragraphs, headings,
/// list items and quotes, and loose text between them split at <br>.
/// Whether a block is a list of links rather than prose: most of its text
/// is inside links and it does not read as a sentence (a sentence that
/// links the names it mentions is still prose). Related-story lists,
/// "Read more" teasers and link-only menus that slip past the furniture
/// test end here.
fn is_links_only(text: &str, linked_share: f32) -> bool {
    let sentence =
        text.ends_with(['.', '!', '?', '"', '\u{201d}']) && text.split_whitespace().count() >= 8;
    linked_share > 0.5 && !sentence
}

/// The blocks of a container, in order, each with whether it is only links
/// (see [`is_links_only`]).
fn blocks_in(page: &Page, container: NodeId) -> Vec<(BlockKind, String, bool)> {
    let dom = page.dom;
    let range = dom.descendants(container);
    // For each node of the container (indexed from the container), whether
    // it or an ancestor below the container owns text, is furniture, or is
    // a quote, list item or paragraph.
    let local = |id: NodeId| id - container;
    let size = range.end - container;
    let mut owning = vec![false; size];
    let mut furniture = vec![false; size];
    let mut nesting = vec![false; size];
    let mut linked = vec![false; size];
    for id in range.clone() {
        let Some(tag) = dom.tag(id) else {
            continue;
        };
        let parent = dom.parent(id).map_or(0, local);
        let (own, furn, nest) = (owning[parent], furniture[parent], nesting[parent]);
        let is_furniture = page.furniture(id);
        owning[local(id)] = own || owns_text(tag) || is_furniture;
        furniture[local(id)] = furn || is_furniture;
        nesting[local(id)] = nest || matches!(tag, Tag::Blockquote | Tag::Li | Tag::P);
        linked[local(id)] = linked[parent] || tag == Tag::A;
    }
    let mut blocks = Vec::new();
    let mut loose = String::new();
    let flush = |loose: &mut String, blocks: &mut Vec<(BlockKind, String, bool)>| {
        for line in loose.split('\n') {
            let text = collapse(line);
            if !text.is_empty() {
                blocks.push((BlockKind::Paragraph, text, false));
            }
        }
        loose.clear();
    };
    for id in range {
        let parent = dom.parent(id).map_or(0, local);
        if let Some(text) = dom.text(id) {
            // Text inside a block element is that block's; inside furniture or code, nobody's.
            if !owning[parent] {
                loose.push_str(text);
            }
            continue;
        }
        let Some(tag) = dom.tag(id) else {
            continue;
        };
        if tag == Tag::Br {
            loose.push('\n');
            continue;
        }
        if starts_block(tag) {
            flush(&mut loose, &mut blocks);
        }
        let kind = match tag {
            Tag::P | Tag::Pre => BlockKind::Paragraph,
            Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => BlockKind::Heading,
            Tag::Li => BlockKind::ListItem,
            Tag::Blockquote => BlockKind::Quote,
            _ => continue,
        };
        // Paragraphs inside a quote or a list item are part of that block.
        if nesting[parent] || furniture[local(id)] {
            continue;
        }
        // The block's text, without what furniture or code inside it
        // holds (a script, a caption, a share bar within a list item), and
        // how much of it is inside links.
        let mut raw = String::new();
        let (mut visible, mut in_links) = (0usize, 0usize);
        for node in dom.descendants(id) {
            let Some(text) = dom.text(node) else {
                continue;
            };
            let parent = dom.parent(node).map_or(0, local);
            if furniture[parent] {
                continue;
            }
            raw.push_str(text);
            let count = text.bytes().filter(|b| !b.is_ascii_whitespace()).count();
            visible += count;
            if linked[parent] {
                in_links += count;
            }
        }
        let text = collapse(&raw);
        if text.is_empty() {
            continue;
        }
        let links_only = is_links_only(&text, in_links as f32 / visible.max(1) as f32);
        blocks.push((kind, text, links_only));
    }
    flush(&mut loose, &mut blocks);
    blocks
}

/// Elements and text bytes of a page as our parser reads it (for the parser benchmark).
pub fn node_counts(html: &str) -> (usize, usize) {
    let document = Dom::parse(html);
    (0..document.len()).fold((0, 0), |(elements, text), id| {
        (
            elements + usize::from(document.tag(id).is_some()),
            text + document.text(id).map_or(0, str::len),
        )
    })
}
