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

/// The sentences a story version prints in its lead, sections and outlook,
/// joined by spaces: what search reads of a story besides its headline.
/// Text that is not a story's JSON gives nothing.
pub fn printed_text(story_json: &str) -> String {
    let Ok(story) = serde_json::from_str::<serde_json::Value>(story_json) else {
        return String::new();
    };
    let sentences = |list: Option<&serde_json::Value>| -> Vec<String> {
        let items = list.and_then(|l| l.as_array()).into_iter().flatten();
        items
            .filter_map(|s| s.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect()
    };
    let mut texts = sentences(story.get("lead"));
    for section in story
        .get("sections")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten()
    {
        texts.extend(sentences(section.get("sentences")));
    }
    texts.extend(sentences(story.get("next")));
    texts.join(" ")
}

/// Most words of a search query that are used; more only slow the match.
const MAX_QUERY_WORDS: usize = 12;

/// The words of what a reader typed into search (letters and digits only,
/// so no query syntax survives), split into all but the last and the last
/// (which matches as a prefix, so results follow typing). `None` when no
/// word is left.
pub(crate) fn search_words(query: &str) -> Option<(Vec<&str>, &str)> {
    let mut words: Vec<&str> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_QUERY_WORDS)
        .collect();
    let last = words.pop()?;
    Some((words, last))
}
