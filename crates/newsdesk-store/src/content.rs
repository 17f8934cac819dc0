//! What makes two articles the same content.

use sha2::{Digest, Sha256};

/// SHA-256 of an article's text with case and white space folded, so a
/// re-crawl that only re-flows the page is recognised as the same article.
pub fn content_hash(text: &str) -> String {
    let mut hasher = Sha256::new();
    for word in text.split_whitespace() {
        hasher.update(word.to_lowercase().as_bytes());
        hasher.update(b" ");
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
