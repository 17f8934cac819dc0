//! Extraction: from the bytes of one document to an [`Article`].
//!
//! Pure transformation: callers read files or fetch pages and hand the
//! bytes over; nothing here touches the disk or the network.

pub mod encoding;
mod html;
mod junk;
pub mod newswire;
mod outlet;
mod reflow;
mod text;

pub use html::article_from_html;
pub use junk::{classify as classify_line, Position};
pub use newsdesk_model::Article;
pub use text::article_from_text;

use encoding::DecodeError;

#[cfg(test)]
mod tests;

/// Inputs larger than this are refused rather than parsed: no news article
/// is anywhere near it, and parsing cost grows with size.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

pub use newsdesk_text::megabytes;

/// The kind of document, which decides how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("empty input")]
    Empty,
    #[error("input of {} is larger than the {} limit", megabytes(*.size as u64), megabytes(*.limit as u64))]
    TooLarge { size: usize, limit: usize },
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("no article text found")]
    NoText,
    #[error("newswire document without {0}")]
    Newswire(&'static str),
}

/// Extracts an article from raw bytes. `origin` names the input for
/// messages and the article; `file_stem` is the last-resort outlet name.
pub fn extract(
    bytes: &[u8],
    format: Format,
    origin: &str,
    file_stem: Option<&str>,
) -> Result<Article, ExtractError> {
    extract_with_charset(bytes, format, origin, file_stem, None)
}

/// Like [`extract`], for a fetched page: `http_charset` is the charset the
/// server named in Content-Type, which outranks the page's own `<meta>`.
pub fn extract_with_charset(
    bytes: &[u8],
    format: Format,
    origin: &str,
    file_stem: Option<&str>,
    http_charset: Option<&str>,
) -> Result<Article, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    // A page named or served as HTML that holds no markup at all is plain
    // text (saved article text with an .html name): read it as text rather
    // than find no article in it.
    let format = if format == Format::Html && !has_markup(bytes) {
        Format::Text
    } else {
        format
    };
    let article = match format {
        Format::Html => {
            let decoded = encoding::decode_html(bytes, http_charset)?;
            article_from_html(&decoded.text, origin, file_stem)
        }
        Format::Text => {
            let decoded = encoding::decode_text(bytes)?;
            let mut article = article_from_text(&decoded.text, origin, file_stem);
            article
                .dropped
                .extend(replaced_bytes(bytes, &decoded.replaced));
            article
        }
    };
    let article = sanitised(article);
    if article.blocks.is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(article)
}

/// Whether the bytes hold an HTML tag, comment or declaration: `<` before
/// a letter, `/` or `!`.
fn has_markup(bytes: &[u8]) -> bool {
    bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// The article with every control character a source carried removed from
/// every text field (an escape sequence in a title would act on the
/// reader's terminal; blocks are rebuilt, so their spans stay exact), and
/// without dates no article can have (year 0, year 9999).
fn sanitised(mut article: Article) -> Article {
    use newsdesk_text::{
        is_plausible_publication_date as plausible, one_line, without_controls as clean,
    };
    if !article.published.is_none_or(plausible) || !article.published_at.is_none_or(plausible) {
        article.published = None;
        article.published_at = None;
    }
    if !article.modified.is_none_or(plausible) || !article.modified_at.is_none_or(plausible) {
        article.modified = None;
        article.modified_at = None;
    }
    let fix_line = |field: &mut String| {
        if let std::borrow::Cow::Owned(fixed) = one_line(field) {
            *field = fixed;
        }
    };
    for field in [
        &mut article.title,
        &mut article.outlet,
        &mut article.url,
        &mut article.image,
        &mut article.language,
    ]
    .into_iter()
    .flatten()
    {
        fix_line(field);
    }
    article.authors.iter_mut().for_each(fix_line);
    article.origin = one_line(&article.origin).into_owned();
    for dropped in &mut article.dropped {
        if let std::borrow::Cow::Owned(fixed) = clean(&dropped.text) {
            dropped.text = fixed;
        }
    }
    if matches!(clean(&article.text), std::borrow::Cow::Owned(_)) {
        let text = std::mem::take(&mut article.text);
        let blocks = std::mem::take(&mut article.blocks);
        for block in blocks {
            article.push_block(block.kind, &clean(&text[block.span.range()]));
        }
    }
    article
}

/// The bad byte sequences decoding replaced, as dropped parts: the bytes
/// in hexadecimal ("E9 at byte 549"), with their line.
fn replaced_bytes<'a>(
    bytes: &'a [u8],
    replaced: &'a [(usize, Vec<u8>)],
) -> impl Iterator<Item = newsdesk_model::Dropped> + 'a {
    let mut line = 1;
    let mut counted = 0;
    replaced.iter().map(move |(offset, sequence)| {
        line += memchr::memchr_iter(b'\n', &bytes[counted..*offset]).count();
        counted = *offset;
        let hex: Vec<String> = sequence.iter().map(|b| format!("{b:02X}")).collect();
        newsdesk_model::Dropped {
            text: format!("{} at byte {offset}", hex.join(" ")),
            reason: newsdesk_model::DropReason::InvalidBytes,
            line: Some(line),
        }
    })
}

/// Extracts every document of an input: a newswire SGML file (plain text
/// opening with `<DOC>`) may hold many, each read as an article of its
/// own with origin `origin#DOCNO` when there are several; any other input
/// is one document, read as [`extract`] reads it. Each document succeeds
/// or fails alone, so one broken document loses none of the others.
pub fn extract_documents(
    bytes: &[u8],
    format: Format,
    origin: &str,
    file_stem: Option<&str>,
) -> Vec<Result<Article, ExtractError>> {
    match newswire_documents(bytes, format, origin) {
        Some(documents) => documents.into_iter().map(|d| d.article).collect(),
        None => vec![extract(bytes, format, origin, file_stem)],
    }
}

/// One document of a newswire input: its SGML as the input holds it, and
/// what extraction made of it.
pub struct NewswireDocument {
    pub sgml: String,
    pub article: Result<Article, ExtractError>,
}

/// The documents of a newswire input (plain text opening with `<DOC>`),
/// in order, as [`extract_documents`] reads them; `None` for any other
/// input, which is one document.
pub fn newswire_documents(
    bytes: &[u8],
    format: Format,
    origin: &str,
) -> Option<Vec<NewswireDocument>> {
    if format != Format::Text || bytes.len() > MAX_INPUT_BYTES {
        return None;
    }
    // Undecodable text is no newswire: `extract` reports why.
    let text = encoding::decode_text(bytes).ok()?.text;
    if !newswire::is_newswire(&text) {
        return None;
    }
    let documents = newswire::documents(&text);
    let several = documents.len() > 1;
    let read = |sgml: &str| {
        let mut article = sanitised(newswire::parse(sgml)?.to_article());
        article.origin = if several {
            format!("{origin}#{}", article.origin)
        } else {
            origin.to_string()
        };
        if article.blocks.is_empty() {
            return Err(ExtractError::NoText);
        }
        Ok(article)
    };
    Some(
        documents
            .into_iter()
            .map(|sgml| NewswireDocument {
                sgml: sgml.to_string(),
                article: read(sgml),
            })
            .collect(),
    )
}

/// Parses an HTML page with extraction's own parser and counts its
/// elements and text bytes: for `bench/extract/parsers`, which times it
/// beside other parsers. Not part of the API.
#[doc(hidden)]
pub fn html_node_counts(html: &str) -> (usize, usize) {
    html::node_counts(html)
}
