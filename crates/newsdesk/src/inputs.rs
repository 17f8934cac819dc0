//! Reading the inputs a user names: files or standard input.

use crate::progress::{say, Spinner};
use newsdesk_extract::{extract_documents, ExtractError, Format};
use newsdesk_fetch::local;
use newsdesk_model::{Article, DropReason};
use std::path::Path;

/// Reads and extracts every input. Each unusable input is reported on
/// standard error in one line naming it; the others are still used.
pub fn read_articles(inputs: &[String], spinner: &Spinner) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut stdin_used = false;
    for (number, input) in inputs.iter().enumerate() {
        spinner.say(&format!(
            "reading {input} ({} of {})",
            number + 1,
            inputs.len()
        ));
        match read_one(input, &mut stdin_used) {
            Ok(documents) => {
                let several = documents.len() > 1;
                for (number, document) in documents.into_iter().enumerate() {
                    match document {
                        Ok(article) => {
                            if let Some(note) = replaced_bytes_note(&article) {
                                say(&format!("newsdesk: {input}: {note}"));
                            }
                            articles.push(article);
                        }
                        // A file of several newswire documents: name the one.
                        Err(reason) if several => say(&format!(
                            "newsdesk: skipping document {} of {input}: {reason}",
                            number + 1
                        )),
                        Err(reason) => say(&format!("newsdesk: skipping {input}: {reason}")),
                    }
                }
            }
            Err(reason) => say(&format!("newsdesk: skipping {input}: {reason}")),
        }
    }
    articles
}

/// What to say of an article read from a text with bytes that are not
/// UTF-8, each replaced: how many, and the first.
pub fn replaced_bytes_note(article: &Article) -> Option<String> {
    let mut replaced = article
        .dropped
        .iter()
        .filter(|part| part.reason == DropReason::InvalidBytes);
    let first = replaced.next()?;
    let count = 1 + replaced.count();
    Some(format!(
        "{count} byte sequence{} not valid UTF-8, replaced by U+FFFD (the first: {}); `newsdesk extract --explain` lists {}",
        if count == 1 { " is" } else { "s are" },
        first.text,
        if count == 1 { "it" } else { "them" }
    ))
}

/// The documents of one input (a newswire file may hold several), or why
/// the input could not be read at all.
fn read_one(
    input: &str,
    stdin_used: &mut bool,
) -> Result<Vec<Result<Article, ExtractError>>, String> {
    let limit = newsdesk_extract::MAX_INPUT_BYTES;
    if input == "-" {
        if std::mem::replace(stdin_used, true) {
            return Err("standard input can be read only once".to_string());
        }
        let read = local::read_stream(std::io::stdin().lock(), limit)
            .map_err(|e| format!("standard input {e}"))?;
        let format = if looks_like_html(&read.bytes) {
            Format::Html
        } else {
            Format::Text
        };
        return Ok(extract_documents(&read.bytes, format, "-", None));
    }
    let read = local::read_file(Path::new(input), limit).map_err(|e| e.to_string())?;
    let path = read.format_path.as_path();
    let bytes = read.bytes;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let format = match extension.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        // A compressed page without a telling name is read by its content.
        _ if read.gzipped && looks_like_html(&bytes) => Format::Html,
        _ => Format::Text,
    };
    let stem = path.file_stem().and_then(|s| s.to_str());
    Ok(extract_documents(&bytes, format, input, stem))
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])
        .trim_start()
        .to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
}
