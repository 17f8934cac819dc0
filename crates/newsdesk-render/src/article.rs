//! Rendering extracted articles, for `newsdesk extract`.

use crate::{html::escape as html_escape, markdown::escape as md_escape, Format};
use newsdesk_model::{Article, BlockKind};
use std::fmt::Write;

/// Renders articles; with `explain`, every dropped part and its reason too
/// (JSON always carries them).
pub fn render_articles(articles: &[Article], format: Format, explain: bool) -> String {
    match format {
        Format::Json => {
            let mut out =
                serde_json::to_string_pretty(articles).expect("articles always serialise");
            out.push('\n');
            out
        }
        Format::Markdown => articles
            .iter()
            .map(|a| markdown(a, explain))
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        Format::Text => articles
            .iter()
            .map(|a| text(a, explain))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Html => {
            let body: String = articles.iter().map(|a| html(a, explain)).collect();
            format!("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Extracted articles</title>\n</head>\n<body>\n{body}</body>\n</html>\n")
        }
    }
}

fn metadata(article: &Article) -> [(&'static str, String); 5] {
    let or_dash = |v: Option<&str>| v.unwrap_or("-").to_string();
    [
        ("outlet", or_dash(article.outlet.as_deref())),
        (
            "authors",
            if article.authors.is_empty() {
                "-".to_string()
            } else {
                article.authors.join(", ")
            },
        ),
        (
            "published",
            article
                .published
                .map_or_else(|| "-".to_string(), |d| d.to_string()),
        ),
        ("language", or_dash(article.language.as_deref())),
        ("url", or_dash(article.url.as_deref())),
    ]
}

fn text(article: &Article, explain: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {}", article.origin);
    let _ = writeln!(
        out,
        "title:     {}",
        article.title.as_deref().unwrap_or("-")
    );
    for (name, value) in metadata(article) {
        let _ = writeln!(out, "{:<10} {value}", format!("{name}:"));
    }
    let _ = writeln!(out, "\n{}", article.text);
    if explain && !article.dropped.is_empty() {
        let _ = writeln!(out, "\n-- dropped");
        for d in &article.dropped {
            let line = d.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            let _ = writeln!(out, "{line}[{}] {}", d.reason.describe(), d.text);
        }
    }
    out
}

fn markdown(article: &Article, explain: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        md_escape(article.title.as_deref().unwrap_or(&article.origin))
    );
    for (name, value) in metadata(article) {
        let _ = writeln!(out, "- **{name}**: {}", md_escape(&value));
    }
    out.push('\n');
    for block in &article.blocks {
        let content = md_escape(article.block_text(block));
        let _ = match block.kind {
            BlockKind::Heading => writeln!(out, "## {content}\n"),
            BlockKind::ListItem => writeln!(out, "- {content}\n"),
            BlockKind::Quote => writeln!(out, "> {content}\n"),
            BlockKind::Paragraph => writeln!(out, "{content}\n"),
        };
    }
    if explain && !article.dropped.is_empty() {
        out.push_str("## Dropped\n\n| Line | Reason | Text |\n| --- | --- | --- |\n");
        for d in &article.dropped {
            let line = d.line.map(|l| l.to_string()).unwrap_or_default();
            let _ = writeln!(
                out,
                "| {line} | {} | {} |",
                d.reason.describe(),
                md_escape(&d.text)
            );
        }
        out.push('\n');
    }
    out
}

fn html(article: &Article, explain: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<article>\n<h1>{}</h1>\n<dl>",
        html_escape(article.title.as_deref().unwrap_or(&article.origin))
    );
    for (name, value) in metadata(article) {
        let _ = writeln!(out, "<dt>{name}</dt><dd>{}</dd>", html_escape(&value));
    }
    out.push_str("</dl>\n");
    for block in &article.blocks {
        let content = html_escape(article.block_text(block));
        let _ = match block.kind {
            BlockKind::Heading => writeln!(out, "<h2>{content}</h2>"),
            BlockKind::ListItem => writeln!(out, "<ul><li>{content}</li></ul>"),
            BlockKind::Quote => writeln!(out, "<blockquote>{content}</blockquote>"),
            BlockKind::Paragraph => writeln!(out, "<p>{content}</p>"),
        };
    }
    if explain && !article.dropped.is_empty() {
        out.push_str("<h2>Dropped</h2>\n<ul>\n");
        for d in &article.dropped {
            let _ = writeln!(
                out,
                "<li><em>{}</em>: {}</li>",
                d.reason.describe(),
                html_escape(&d.text)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
    out
}
