//! Reading the inputs a user names: files or standard input.

use newsdesk_extract::{extract_documents, ExtractError, Format};
use newsdesk_model::Article;
use std::io::Read;
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
    if input == "-" {
        if std::mem::replace(stdin_used, true) {
            return Err("standard input can be read only once".to_string());
        }
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(newsdesk_extract::MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        let format = if looks_like_html(&bytes) {
            Format::Html
        } else {
            Format::Text
        };
        return Ok(extract_documents(&bytes, format, "-", None));
    }
    let path = Path::new(input);
    let metadata = std::fs::metadata(path).map_err(|e| describe_io(&e))?;
    if metadata.is_dir() {
        return Err("is a directory, not a file".to_string());
    }
    if metadata.len() > newsdesk_extract::MAX_INPUT_BYTES as u64 {
        return Err(format!(
            "file of {} bytes is larger than the {}-byte limit",
            metadata.len(),
            newsdesk_extract::MAX_INPUT_BYTES
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| describe_io(&e))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let format = match extension.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
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

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}
