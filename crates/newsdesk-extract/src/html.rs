//! HTML page -> [`Article`]: metadata from JSON-LD, OpenGraph and `<meta>`,
//! body from the element that holds the most paragraph text.

use crate::junk::{self, normalise, Position};
use crate::outlet;
use crate::text::guess_language;
use chrono::{DateTime, FixedOffset, NaiveDate};
use newsdesk_model::{Article, BlockKind, DropReason, Dropped};
use newsdesk_text::{find_date, parse_date};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::HashMap;
use timestamps::{absolute_http_url, timestamp};

mod bounds;
#[cfg(test)]
mod tests;
mod timestamps;

/// Elements that never hold article text.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "button",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "template",
    "select",
    "header",
    "menu",
    "dialog",
];

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
];

/// Parts that are furniture only as a whole part ("ad", not "adapt").
const FURNITURE_PARTS: &[&str] = &["ad", "ads", "most", "widget", "rail"];

/// Elements that wrap the whole page or the article: their names describe
/// the page ("one-sidebar", "has-comments"), not themselves.
const PAGE_WRAPPERS: &[&str] = &["html", "body", "main", "article"];

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
    let document = Html::parse_document(&bounds::bound(html));
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
    let sizes = TextSizes::measure(&document);
    let containers = main_containers(&document, &sizes);
    if !containers.is_empty() {
        let blocks: Vec<(BlockKind, String)> = containers
            .iter()
            .flat_map(|c| blocks_in(*c, &sizes))
            .collect();
        let mut seen: Vec<String> = Vec::new();
        let tail_from = blocks
            .iter()
            .rposition(|(kind, text)| {
                *kind == BlockKind::Paragraph && text.split_whitespace().count() >= 20
            })
            .map_or(blocks.len(), |i| i + 1);
        for (index, (kind, text)) in blocks.into_iter().enumerate() {
            let key = normalise(&text);
            let reason = if title_key.as_deref() == Some(key.as_str()) {
                Some(DropReason::RepeatedHeadline)
            } else if seen.contains(&key) {
                Some(DropReason::Duplicate)
            } else if let Some(reason) = junk::classify(
                &text,
                Position {
                    in_tail: index >= tail_from,
                },
            ) {
                Some(reason)
            } else if let Some((authors, _)) = (text.split_whitespace().count() <= 16)
                .then(|| outlet::byline_parts(&text))
                .flatten()
            {
                if article.authors.is_empty() {
                    article.authors = authors;
                }
                Some(DropReason::Byline)
            } else if parse_date(&text).is_some() {
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
                None => article.push_block(kind, &text),
            }
            seen.push(key);
        }
    }
    if article.title.is_none() {
        article.title = first_text(&document, "h1");
    }
    article.outlet = meta
        .outlet
        .or_else(|| {
            first_text(&document, "title").and_then(|t| outlet::outlet_from_title_suffix(&t))
        })
        .or_else(|| meta.url.as_deref().and_then(host_name))
        .or_else(|| file_stem.map(outlet::outlet_from_file_stem));
    if article.published.is_none() {
        article.published = meta.url.as_deref().and_then(date_in_url);
    }
    article.language = meta.language.or_else(|| guess_language(&article.text));
    article
}

/// A selector of this file, parsed once per thread (parsing one costs more
/// than using it on a small page).
fn selector(css: &'static str) -> &'static Selector {
    thread_local! {
        static PARSED: std::cell::RefCell<HashMap<&'static str, &'static Selector>> =
            std::cell::RefCell::new(HashMap::new());
    }
    PARSED.with(|parsed| {
        *parsed.borrow_mut().entry(css).or_insert_with(|| {
            // A handful of fixed strings: leaking them is bounded.
            Box::leak(Box::new(
                Selector::parse(css).expect("selectors in this file are valid"),
            ))
        })
    })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_text(document: &Html, css: &'static str) -> Option<String> {
    document
        .select(selector(css))
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// Every `<meta>` tag's content by its key, read in one pass over the page
/// (a page has dozens of keys we look for; one traversal each would cost
/// more than the rest of metadata together).
struct MetaTags(HashMap<String, [Option<String>; 3]>);

/// The attributes a `<meta>` names its key with, most trusted first.
const META_KEY_ATTRIBUTES: [&str; 3] = ["property", "name", "itemprop"];

impl MetaTags {
    fn read(document: &Html) -> MetaTags {
        let mut tags: HashMap<String, [Option<String>; 3]> = HashMap::new();
        for element in document.select(selector("meta[content]")) {
            let value = element.value();
            let Some(content) = value
                .attr("content")
                .map(collapse)
                .filter(|c| !c.is_empty())
            else {
                continue;
            };
            for (index, attribute) in META_KEY_ATTRIBUTES.iter().enumerate() {
                if let Some(key) = value.attr(attribute) {
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
fn metadata(document: &Html) -> Metadata {
    let mut meta = Metadata::default();
    let tags = MetaTags::read(document);
    for script in document.select(selector("script[type=\"application/ld+json\"]")) {
        let raw: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(&raw) {
            if let Some(node) = find_article_node(&value, 0) {
                fill_from_json_ld(node, &mut meta);
                break;
            }
        }
    }
    let title_tag = first_text(document, "title");
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
            .select(selector("time[datetime]"))
            .filter_map(|t| t.value().attr("datetime"))
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
            .select(selector("link[rel=\"canonical\"]"))
            .filter_map(|l| l.value().attr("href"))
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
            .select(selector("html[lang]"))
            .filter_map(|h| h.value().attr("lang"))
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

/// How much text each element holds, measured once per page.
struct TextSizes {
    of: HashMap<ego_tree::NodeId, usize>,
    page: usize,
}

impl TextSizes {
    fn measure(document: &Html) -> TextSizes {
        let mut of: HashMap<ego_tree::NodeId, usize> = HashMap::new();
        let mut page = 0;
        for node in document.tree.root().descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            // Code and styles are not text a reader sees.
            let in_code = node
                .parent()
                .and_then(|p| {
                    p.value().as_element().map(|e| {
                        matches!(
                            e.name(),
                            "script" | "style" | "noscript" | "template" | "svg"
                        )
                    })
                })
                .unwrap_or(false);
            if in_code {
                continue;
            }
            let length = text.trim().len();
            if length == 0 {
                continue;
            }
            page += length;
            for ancestor in node.ancestors() {
                *of.entry(ancestor.id()).or_default() += length;
            }
        }
        TextSizes { of, page }
    }

    fn share(&self, element: &ElementRef) -> f32 {
        *self.of.get(&element.id()).unwrap_or(&0) as f32 / self.page.max(1) as f32
    }
}

/// Furniture by its name may hold at most this share of the page's text:
/// a wrapper named "with-right-rail" around the article is not a rail.
const FURNITURE_MAX_SHARE: f32 = 0.2;

fn is_furniture(element: &ElementRef, sizes: &TextSizes) -> bool {
    let value = element.value();
    if SKIPPED_TAGS.contains(&value.name()) {
        return true;
    }
    if value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
        return true;
    }
    if PAGE_WRAPPERS.contains(&value.name()) {
        return false;
    }
    let names = [
        value.attr("class").unwrap_or(""),
        value.attr("id").unwrap_or(""),
    ];
    names
        .iter()
        .flat_map(|n| n.split_whitespace())
        .any(names_furniture)
        && sizes.share(element) < FURNITURE_MAX_SHARE
}

/// Whether one class or id names furniture: a part starts with a furniture
/// word or is a furniture part, and no part negates it ("no-sidebar").
fn names_furniture(name: &str) -> bool {
    let lower = name.to_lowercase();
    let parts: Vec<&str> = lower.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    if parts
        .iter()
        .any(|p| matches!(*p, "no" | "without" | "hide" | "hidden"))
    {
        return false;
    }
    parts.iter().any(|part| {
        FURNITURE_PARTS.contains(part) || FURNITURE_WORDS.iter().any(|w| part.starts_with(w))
    })
}

/// Whether the element or an ancestor is page furniture.
fn inside_furniture(element: &ElementRef, sizes: &TextSizes) -> bool {
    std::iter::once(*element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(|e| is_furniture(&e, sizes))
}

/// The element whose paragraphs hold the most text, Readability-style:
/// each paragraph gives its length to its parent and half to its grandparent.
/// The best container and those of its siblings that hold a good share of
/// article text too: an article split into several blocks (a lead box and
/// a body, sections between ads) is read whole, in document order.
fn main_containers<'a>(document: &'a Html, sizes: &TextSizes) -> Vec<ElementRef<'a>> {
    let Some((best, scores)) = main_container(document, sizes) else {
        return Vec::new();
    };
    let best_score = scores.get(&best.id()).copied().unwrap_or(0.0);
    let Some(parent) = best.parent().and_then(ElementRef::wrap) else {
        return vec![best];
    };
    if PAGE_WRAPPERS.contains(&parent.value().name()) && parent.value().name() != "article" {
        return vec![best];
    }
    parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|sibling| {
            sibling.id() == best.id()
                || (scores.get(&sibling.id()).copied().unwrap_or(0.0) >= SIBLING_SHARE * best_score
                    && !is_furniture(sibling, sizes))
        })
        .collect()
}

/// A sibling joins the article when its paragraphs score this share of the best container's.
const SIBLING_SHARE: f32 = 0.2;

fn main_container<'a>(
    document: &'a Html,
    sizes: &TextSizes,
) -> Option<(ElementRef<'a>, HashMap<ego_tree::NodeId, f32>)> {
    let mut scores: HashMap<ego_tree::NodeId, f32> = HashMap::new();
    for paragraph in document.select(selector("p, pre, blockquote")) {
        if inside_furniture(&paragraph, sizes) {
            continue;
        }
        let length = collapse(&paragraph.text().collect::<String>()).len() as f32;
        if length < 25.0 {
            continue;
        }
        let commas = paragraph
            .text()
            .map(|t| t.matches(',').count())
            .sum::<usize>() as f32;
        let score = length.min(600.0) / 100.0 + commas + 1.0;
        let mut ancestors = paragraph.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            *scores.entry(parent.id()).or_default() += score;
            if let Some(grandparent) = ancestors.next() {
                *scores.entry(grandparent.id()).or_default() += score / 2.0;
            }
        }
    }
    // Pages without <p> put their paragraphs straight into a <div> or a
    // <td>, separated by <br>: count such loose text for its element.
    for element in document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        if matches!(
            element.value().name(),
            "p" | "pre" | "blockquote" | "li" | "script" | "style" | "noscript" | "template"
        ) {
            continue;
        }
        let loose: usize = element
            .children()
            .filter_map(|c| c.value().as_text())
            .map(|t| t.trim().len())
            .sum();
        if loose < 80 || inside_furniture(&element, sizes) {
            continue;
        }
        let commas = element
            .children()
            .filter_map(|c| c.value().as_text())
            .map(|t| t.matches(',').count())
            .sum::<usize>() as f32;
        *scores.entry(element.id()).or_default() +=
            (loose as f32).min(3000.0) / 100.0 + commas + 1.0;
    }
    let best = *scores.iter().max_by(|a, b| a.1.total_cmp(b.1))?.0;
    let node = document.tree.get(best)?;
    let element = ElementRef::wrap(node)?;
    // Widen to an enclosing element marked as the article body, so
    // subheadings and lists beside the paragraph group are kept. (Widening
    // to any enclosing <article> kept more furniture than text: measured
    // F1 0.940 with it, 0.944 without.)
    let widened = element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().attr("itemprop") == Some("articleBody"))
        .unwrap_or(element);
    Some((widened, scores))
}

/// The text blocks of a container in document order.
/// Elements that start a new block of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "div",
    "section",
    "article",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "hr",
    "center",
];

/// The text blocks of a container in document order: paragraphs, headings,
/// list items and quotes, and loose text between them split at <br>.
fn blocks_in(container: ElementRef, sizes: &TextSizes) -> Vec<(BlockKind, String)> {
    let mut blocks = Vec::new();
    let mut loose = String::new();
    let flush = |loose: &mut String, blocks: &mut Vec<(BlockKind, String)>| {
        for line in loose.split('\n') {
            let text = collapse(line);
            if !text.is_empty() {
                blocks.push((BlockKind::Paragraph, text));
            }
        }
        loose.clear();
    };
    for node in container.descendants().skip(1) {
        if let Some(text) = node.value().as_text() {
            // Text inside a block element is that block's; inside furniture or code, nobody's.
            let owned = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != container.id())
                .any(|a| {
                    matches!(
                        a.value().name(),
                        "p" | "pre"
                            | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                            | "li"
                            | "blockquote"
                            | "script"
                            | "style"
                            | "noscript"
                            | "template"
                    ) || is_furniture(&a, sizes)
                });
            if !owned {
                loose.push_str(text);
            }
            continue;
        }
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name();
        if name == "br" {
            loose.push('\n');
            continue;
        }
        if BLOCK_ELEMENTS.contains(&name) {
            flush(&mut loose, &mut blocks);
        }
        let kind = match name {
            "p" | "pre" => BlockKind::Paragraph,
            "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
            "li" => BlockKind::ListItem,
            "blockquote" => BlockKind::Quote,
            _ => continue,
        };
        // Paragraphs inside a quote or a list item are part of that block.
        let nested = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take_while(|a| a.id() != container.id())
            .any(|a| matches!(a.value().name(), "blockquote" | "li" | "p"));
        if nested || is_furniture_below(&element, &container, sizes) {
            continue;
        }
        let text = collapse(&element.text().collect::<String>());
        if !text.is_empty() {
            blocks.push((kind, text));
        }
    }
    flush(&mut loose, &mut blocks);
    blocks
}

fn is_furniture_below(element: &ElementRef, container: &ElementRef, sizes: &TextSizes) -> bool {
    std::iter::once(*element)
        .chain(
            element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != container.id()),
        )
        .any(|e| is_furniture(&e, sizes))
}
