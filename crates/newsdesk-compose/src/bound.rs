//! Bounded work per article: a story is written from at most
//! [`MAX_ARTICLE_BYTES`] of each article's text, so that an enormous input
//! (a scraper's runaway dump, a file of one paragraph repeated) costs no
//! more than a long article. Articles within the bound are used as they
//! are; a larger one is read block by block with each sentence it already
//! said left out (repetition is what makes such inputs large), until the
//! bound is reached.

use newsdesk_model::Article;
use newsdesk_text::split_sentences;
use std::borrow::Cow;
use std::collections::HashSet;

/// The most of an article's text a story is written from; far longer than
/// any news article.
pub const MAX_ARTICLE_BYTES: usize = 256 * 1024;

/// The articles as composition reads them: the same slice when every one
/// is within the bound.
pub(crate) fn bounded(articles: &[Article]) -> Cow<'_, [Article]> {
    if articles.iter().all(|a| a.text.len() <= MAX_ARTICLE_BYTES) {
        return Cow::Borrowed(articles);
    }
    Cow::Owned(
        articles
            .iter()
            .map(|article| {
                if article.text.len() <= MAX_ARTICLE_BYTES {
                    article.clone()
                } else {
                    bound(article)
                }
            })
            .collect(),
    )
}

/// An article's first [`MAX_ARTICLE_BYTES`] of text, each repeated
/// sentence kept once (at its first place).
fn bound(article: &Article) -> Article {
    let mut out = Article {
        text: String::new(),
        blocks: Vec::new(),
        ..article.clone()
    };
    let mut seen: HashSet<&str> = HashSet::new();
    'blocks: for block in &article.blocks {
        let text = article.block_text(block);
        let mut kept = String::new();
        for span in split_sentences(text) {
            let sentence = &text[span.range()];
            if !seen.insert(sentence) {
                continue;
            }
            if out.text.len() + kept.len() + sentence.len() + 3 > MAX_ARTICLE_BYTES {
                out.push_block(block.kind, &kept);
                break 'blocks;
            }
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(sentence);
        }
        out.push_block(block.kind, &kept);
    }
    out
}
