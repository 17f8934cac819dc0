//! The subcommands.

use crate::inputs::read_articles;
use crate::progress::{say, Spinner};
use anyhow::{Context, Result};
use newsdesk_compose::{compose, ComposeOptions, MAX_ARTICLE_BYTES};
use newsdesk_extract::megabytes;
use newsdesk_render::{render, Format};
use std::path::Path;
use std::process::ExitCode;

pub fn digest(
    inputs: &[String],
    format: Format,
    output: Option<&Path>,
    words: Option<usize>,
) -> Result<ExitCode> {
    let spinner = Spinner::start("reading the inputs");
    let articles = read_articles(inputs, &spinner);
    if articles.is_empty() {
        drop(spinner);
        eprintln!("newsdesk: no usable input: nothing to write");
        return Ok(ExitCode::from(1));
    }
    for article in &articles {
        if article.text.len() > MAX_ARTICLE_BYTES {
            say(&format!(
                "newsdesk: {}: its text is {}; the story is written from its first {}, each repeated sentence once",
                article.origin,
                megabytes(article.text.len() as u64),
                megabytes(MAX_ARTICLE_BYTES as u64)
            ));
        }
    }
    let options = ComposeOptions {
        brief_words: words,
        ..ComposeOptions::default()
    };
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    spinner.say(&format!(
        "writing the story from {} article{} ({} of text)",
        articles.len(),
        if articles.len() == 1 { "" } else { "s" },
        megabytes(text_bytes as u64)
    ));
    let story = compose(&articles, &options).context("cannot write a story from these inputs")?;
    drop(spinner);
    emit(&render(&story, format), output)?;
    Ok(ExitCode::SUCCESS)
}

pub fn extract(
    inputs: &[String],
    format: Format,
    explain: bool,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let spinner = Spinner::start("reading the inputs");
    let articles = read_articles(inputs, &spinner);
    drop(spinner);
    if articles.is_empty() {
        eprintln!("newsdesk: no usable input");
        return Ok(ExitCode::from(1));
    }
    let text = newsdesk_render::render_articles(&articles, format, explain);
    emit(&text, output)?;
    Ok(ExitCode::SUCCESS)
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
