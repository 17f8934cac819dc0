//! HTML page -> [`Article`]: metadata from JSON-LD, OpenGraph and `<meta>`,
//! body from the element that holds the most paragraph text.

use crate::junk::{self, normalise, Position};
use crate::outlet;
use crate::text::guess_language;
use chrono::NaiveDate;
use newsdesk_model::{Article, BlockKind, DropReason, Dropped};
use newsdesk_text::{find_date, parse_date};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::HashMap;

mod bounds;
#[cfg(test)]
mod tests;

/// Elements that never hold article text.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "form",
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

/// Class or id fragments of page furniture.
const FURNITURE_HINTS: &[&str] = &[
    "comment",
    "footer",
    "sidebar",
    "related",
    "share",
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
    "most-read",
    "mostread",
    "recommend",
    "teaser",
    "outbrain",
    "taboola",
    "sponsor",
    "ad-",
];

/// The article metadata a page declares, gathered before the body.
#[derive(Default, Debug)]
struct Metadata {
    title: Option<String>,
    outlet: Option<String>,
    authors: Vec<String>,
    published: Option<NaiveDate>,
    url: Option<String>,
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
        url: meta.url.clone(),
        ..Article::default()
    };
    let title_key = meta.title.as_deref().map(normalise);
    if let Some(container) = main_container(&document) {
        let blocks = blocks_in(container);
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

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this file are valid")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_text(document: &Html, css: &str) -> Option<String> {
    document
        .select(&selector(css))
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn meta_content(document: &Html, keys: &[&str]) -> Option<String> {
    for key in keys {
        for attribute in ["property", "name", "itemprop"] {
            let css = format!("meta[{attribute}=\"{key}\"]");
            if let Some(content) = document
                .select(&selector(&css))
                .filter_map(|e| e.value().attr("content"))
                .map(collapse)
                .find(|c| !c.is_empty())
            {
                return Some(content);
            }
        }
    }
    None
}

/// Metadata in the documented order of trust: JSON-LD, then OpenGraph and
/// `<meta>`, then `<time>`, then the page `<title>`.
fn metadata(document: &Html) -> Metadata {
    let mut meta = Metadata::default();
    for script in document.select(&selector("script[type=\"application/ld+json\"]")) {
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
        .or_else(|| meta_content(document, &["og:title", "twitter:title"]))
        .or_else(|| title_tag.clone().map(|t| strip_title_suffix(&t)));
    meta.outlet = meta.outlet.or_else(|| {
        meta_content(document, &["og:site_name", "application-name", "publisher"])
            .and_then(|o| outlet::normalise_outlet(&o))
    });
    if meta.authors.is_empty() {
        meta.authors.extend(
            meta_content(document, &["author", "article:author"])
                .filter(|a| !a.starts_with("http")),
        );
    }
    meta.published = meta.published.or_else(|| {
        meta_content(
            document,
            &[
                "article:published_time",
                "datePublished",
                "pubdate",
                "date",
                "dc.date",
                "publish-date",
            ],
        )
        .and_then(|d| find_date(&d).map(|m| m.date))
    });
    meta.published = meta.published.or_else(|| {
        document
            .select(&selector("time[datetime]"))
            .filter_map(|t| t.value().attr("datetime"))
            .find_map(|d| find_date(d).map(|m| m.date))
    });
    meta.url = meta.url.or_else(|| {
        document
            .select(&selector("link[rel=\"canonical\"]"))
            .filter_map(|l| l.value().attr("href"))
            .map(str::to_string)
            .next()
            .or_else(|| meta_content(document, &["og:url"]))
    });
    meta.language = meta.language.or_else(|| {
        document
            .select(&selector("html[lang]"))
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
    meta.published = text("datePublished").and_then(|d| find_date(&d).map(|m| m.date));
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

fn is_furniture(element: &ElementRef) -> bool {
    let value = element.value();
    if SKIPPED_TAGS.contains(&value.name()) {
        return true;
    }
    let hints = format!(
        "{} {}",
        value.attr("class").unwrap_or(""),
        value.attr("id").unwrap_or("")
    )
    .to_lowercase();
    FURNITURE_HINTS.iter().any(|h| hints.contains(h))
        || value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
}

/// Whether the element or an ancestor is page furniture.
fn inside_furniture(element: &ElementRef) -> bool {
    std::iter::once(*element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(|e| is_furniture(&e))
}

/// The element whose paragraphs hold the most text, Readability-style:
/// each paragraph gives its length to its parent and half to its grandparent.
fn main_container(document: &Html) -> Option<ElementRef<'_>> {
    let mut scores: HashMap<ego_tree::NodeId, f32> = HashMap::new();
    for paragraph in document.select(&selector("p, pre, blockquote")) {
        if inside_furniture(&paragraph) {
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
    let best = scores.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?.0;
    let node = document.tree.get(best)?;
    let element = ElementRef::wrap(node)?;
    // Widen to an enclosing <article> so subheadings and lists next to the
    // paragraph group are kept.
    Some(
        element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| {
                e.value().name() == "article" || e.value().attr("itemprop") == Some("articleBody")
            })
            .unwrap_or(element),
    )
}

/// The text blocks of a container in document order.
fn blocks_in(container: ElementRef) -> Vec<(BlockKind, String)> {
    let mut blocks = Vec::new();
    for element in container.descendants().filter_map(ElementRef::wrap) {
        let kind = match element.value().name() {
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
        if nested || is_furniture_below(&element, &container) {
            continue;
        }
        let text = collapse(&element.text().collect::<String>());
        if !text.is_empty() {
            blocks.push((kind, text));
        }
    }
    blocks
}

fn is_furniture_below(element: &ElementRef, container: &ElementRef) -> bool {
    std::iter::once(*element)
        .chain(
            element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != container.id()),
        )
        .any(|e| is_furniture(&e))
}
