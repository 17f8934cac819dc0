//! Reading the inputs a user names: files or standard input.

use newsdesk_extract::{extract_documents, ExtractError, Format};
use newsdesk_fetch::local;
use newsdesk_model::Article;
use std::path::Path;

/// Reads and extracts every input. Each unusable input is reported on
/// standard error in one line naming it; the others are still used.
pub fn read_articles(inputs: &[String]) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut stdin_used = false;
    for input in inputs {
        match read_one(input, &mut stdin_used) {
            Ok(documents) => {
                let several = documents.len() > 1;
                for (number, document) in documents.into_iter().enumerate() {
                    match document {
                        Ok(article) => articles.push(article),
                        // A file of several newswire documents: name the one.
                        Err(reason) if several => eprintln!(
                            "newsdesk: skipping document {} of {input}: {reason}",
                            number + 1
                        ),
                        Err(reason) => eprintln!("newsdesk: skipping {input}: {reason}"),
                    }
                }
            }
            Err(reason) => eprintln!("newsdesk: skipping {input}: {reason}"),
        }
    }
    articles
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
