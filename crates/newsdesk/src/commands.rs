//! The subcommands.

use crate::inputs::read_articles;
use anyhow::{Context, Result};
use newsdesk_compose::{compose, ComposeOptions};
use newsdesk_model::Article;
use newsdesk_render::{render, Format};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn digest(
    inputs: &[String],
    format: Format,
    output: Option<&Path>,
    words: Option<usize>,
) -> Result<ExitCode> {
    let articles = read_articles(inputs);
    if articles.is_empty() {
        eprintln!("newsdesk: no usable input: nothing to write");
        return Ok(ExitCode::from(1));
    }
    let options = ComposeOptions {
        brief_words: words,
        ..ComposeOptions::default()
    };
    let story = compose(&articles, &options).context("cannot write a story from these inputs")?;
    emit(&render(&story, format), output)?;
    Ok(ExitCode::SUCCESS)
}

pub fn extract(
    inputs: &[String],
    format: Format,
    explain: bool,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let articles = read_articles(inputs);
    if articles.is_empty() {
        eprintln!("newsdesk: no usable input");
        return Ok(ExitCode::from(1));
    }
    let text = match format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&articles)?;
            json.push('\n');
            json
        }
        Format::Markdown | Format::Text | Format::Html => articles
            .iter()
            .map(|a| describe(a, explain))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    emit(&text, output)?;
    Ok(ExitCode::SUCCESS)
}

fn describe(article: &Article, explain: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {}", article.origin);
    let _ = writeln!(
        out,
        "title:     {}",
        article.title.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        out,
        "outlet:    {}",
        article.outlet.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        out,
        "authors:   {}",
        if article.authors.is_empty() {
            "-".to_string()
        } else {
            article.authors.join(", ")
        }
    );
    let _ = writeln!(
        out,
        "published: {}",
        article
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".to_string())
    );
    let _ = writeln!(
        out,
        "language:  {}\n",
        article.language.as_deref().unwrap_or("-")
    );
    let _ = writeln!(out, "{}", article.text);
    if explain && !article.dropped.is_empty() {
        let _ = writeln!(out, "\n-- dropped");
        for d in &article.dropped {
            let line = d.line.map(|l| format!("line {l}: ")).unwrap_or_default();
            let _ = writeln!(out, "{line}[{}] {}", d.reason.describe(), d.text);
        }
    }
    out
}

fn emit(text: &str, output: Option<&Path>) -> Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to standard output"),
            }
        }
    }
}
