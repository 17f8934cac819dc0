//! Newswire SGML -> [`Article`]s: the `<DOC>` format of news agency
//! archives and the research collections built from them (TREC, TDT, DUC,
//! LDC's Gigaword): `<DOC><DOCNO>… <DATE_TIME>… <HEADLINE>… <TEXT><P>…`,
//! often several documents to a file.
//!
//! Wire copy carries transmission codes (`&QL;`, `&UR;`, `&Cx1f;`), TeX
//! quotes (``` `` ``` and `''`), typed dashes (` _ `) and notes to editors
//! ("AP Photo", "Eds: …", "(ms-gb)"): the codes are removed, the quotes and
//! dashes printed as such, and the notes dropped with a reason.

use crate::ExtractError;
use newsdesk_model::{Article, BlockKind, DropReason, Dropped};

#[cfg(test)]
mod tests;

/// One `<DOC>`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewswireDoc {
    pub docno: String,
    /// `YYYYMMDD hh:mm` (the time from `<DATE_TIME>` when it has one), so
    /// that documents sort by publication time.
    pub sort_key: String,
    /// `YYYY-MM-DD`, from the DOCNO, which every wire writes the same way.
    pub date: Option<String>,
    pub headline: Option<String>,
    /// The story's paragraphs, cleaned.
    pub paragraphs: Vec<String>,
    /// What was left out: centred lines (bylines, slugs) and notes.
    pub dropped: Vec<Dropped>,
}

/// Whether `text` is newswire SGML: it opens with a `<DOC>` element.
pub fn is_newswire(text: &str) -> bool {
    let head = text.trim_start();
    head.get(..5)
        .is_some_and(|tag| tag.eq_ignore_ascii_case("<doc>"))
        && (text.contains("<TEXT>") || text.contains("<text>"))
}

/// The `<DOC>…</DOC>` elements of a newswire file, in order; an element
/// left open runs to the end of the text.
pub fn documents(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = find_tag(rest, "<DOC>") {
        let from_start = &rest[start..];
        let end = find_tag(from_start, "</DOC>").map_or(from_start.len(), |e| e + "</DOC>".len());
        out.push(&from_start[..end]);
        rest = &from_start[end..];
    }
    out
}

/// One document's number, dates, headline and paragraphs.
pub fn parse(sgml: &str) -> Result<NewswireDoc, ExtractError> {
    let docno = between(sgml, "<DOCNO>", "</DOCNO>")
        .ok_or(ExtractError::Newswire("<DOCNO>"))?
        .trim()
        .to_string();
    let digits: String = docno
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take(8)
        .collect();
    let date =
        (digits.len() == 8).then(|| format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]));
    // "1999-05-19 21:11:17", "11/23/1998 15:54:00" or a date alone.
    let time = between(sgml, "<DATE_TIME>", "</DATE_TIME>")
        .and_then(|d| d.split_whitespace().nth(1))
        .unwrap_or("00:00")
        .to_string();
    let headline = between(sgml, "<HEADLINE>", "</HEADLINE>")
        .map(clean)
        .filter(|h| !h.is_empty());
    let text = between(sgml, "<TEXT>", "</TEXT>")
        .or_else(|| find_tag(sgml, "<TEXT>").map(|i| &sgml[i + "<TEXT>".len()..]))
        .ok_or(ExtractError::Newswire("<TEXT>"))?;
    let raw: Vec<String> = if find_tag(text, "<P>").is_some() {
        split_tag(text, "<P>")
            .into_iter()
            .map(|p| find_tag(p, "</P>").map_or(p, |end| &p[..end]).to_string())
            .collect()
    } else {
        indented_paragraphs(text)
    };
    let mut paragraphs = Vec::new();
    let mut dropped = Vec::new();
    for raw in &raw {
        let text = clean(&raw.replace("&QL;", " "));
        if text.is_empty() {
            continue;
        }
        if is_wire_control(raw) {
            dropped.push(Dropped {
                text,
                reason: DropReason::Byline,
                line: None,
            });
        } else if !is_prose(&text) {
            dropped.push(Dropped {
                text,
                reason: DropReason::WireNote,
                line: None,
            });
        } else {
            paragraphs.push(text);
        }
    }
    Ok(NewswireDoc {
        sort_key: format!("{digits} {time}"),
        docno,
        date,
        headline,
        paragraphs,
        dropped,
    })
}

impl NewswireDoc {
    /// The article: origin = DOCNO, one paragraph block per paragraph,
    /// dated from the DOCNO, the agency named from its prefix.
    pub fn to_article(&self) -> Article {
        let mut article = Article {
            origin: self.docno.clone(),
            title: self.headline.clone(),
            outlet: agency(&self.docno).map(str::to_string),
            published: self.date.as_deref().and_then(newsdesk_text::parse_date),
            language: Some("en".to_string()),
            dropped: self.dropped.clone(),
            ..Article::default()
        };
        for paragraph in &self.paragraphs {
            article.push_block(BlockKind::Paragraph, paragraph);
        }
        article
    }
}

/// The news agency a DOCNO's prefix names, in the collections that use
/// such prefixes.
fn agency(docno: &str) -> Option<&'static str> {
    let prefix: String = docno
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_uppercase();
    match prefix.as_str() {
        "APW" | "AP" => Some("Associated Press"),
        "NYT" => Some("New York Times"),
        "XIE" => Some("Xinhua"),
        "AFP" | "AFE" => Some("Agence France-Presse"),
        "LTW" => Some("Los Angeles Times/Washington Post"),
        "CNA" => Some("Central News Agency of Taiwan"),
        "WSJ" => Some("Wall Street Journal"),
        "FT" => Some("Financial Times"),
        "LA" => Some("Los Angeles Times"),
        _ => None,
    }
}

/// The first occurrence of an upper-case tag, or of its lower-case form.
fn find_tag(text: &str, tag: &str) -> Option<usize> {
    text.find(tag)
        .or_else(|| text.find(tag.to_ascii_lowercase().as_str()))
}

/// `text` split at an upper- or lower-case tag, the part before the first
/// one left out.
fn split_tag<'a>(text: &'a str, tag: &str) -> Vec<&'a str> {
    let tag = if text.contains(tag) {
        tag.to_string()
    } else {
        tag.to_ascii_lowercase()
    };
    text.split(tag.as_str()).skip(1).collect()
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = find_tag(text, open)? + open.len();
    let end = find_tag(&text[start..], close)? + start;
    Some(&text[start..end])
}

/// Texts without `<P>` start each paragraph on an indented line.
fn indented_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) || paragraphs.is_empty() {
            paragraphs.push(String::new());
        }
        if let Some(current) = paragraphs.last_mut() {
            current.push(' ');
            current.push_str(line);
        }
    }
    paragraphs
}

/// Lines the wires mark as centred (`&QC;`): bylines, slugs and
/// transmission notes. `&QL;` only ends a line: some NYT columns end every
/// paragraph with it, so it is read as a space, and `is_prose` decides.
fn is_wire_control(raw: &str) -> bool {
    raw.contains("&QC;")
}

/// A paragraph of the story: it ends a sentence (or is too long for a
/// note: wire copy has paragraphs that end in a stray comma), and is not
/// an editors' note. Leaves out "AP Photo", "(ms-gb)", "XXXX END OF
/// STORY" and the like.
fn is_prose(paragraph: &str) -> bool {
    let end = paragraph.trim_end_matches(['"', '\'', ')', ' ']);
    !paragraph.is_empty()
        && (end.ends_with(['.', '!', '?'])
            || paragraph.split_whitespace().count() >= MIN_UNPUNCTUATED_PROSE_WORDS)
        && !paragraph.starts_with("Eds:")
        && !paragraph.starts_with("EDITOR'S NOTE")
}

/// A paragraph without a sentence's final stop is still prose at this
/// length: notes to editors are a few words.
const MIN_UNPUNCTUATED_PROSE_WORDS: usize = 12;

/// Entities decoded or dropped, TeX quotes made plain, white space collapsed.
fn clean(raw: &str) -> String {
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        text.push_str(&rest[..at]);
        let tail = &rest[at..];
        match tail.find(';').filter(|&end| {
            end > 1 && end <= 8 && tail[1..end].chars().all(|c| c.is_ascii_alphanumeric())
        }) {
            Some(end) => {
                match &tail[1..end] {
                    "AMP" | "amp" => text.push('&'),
                    "LT" | "lt" => text.push('<'),
                    "GT" | "gt" => text.push('>'),
                    // Layout codes (&UR; &LR; &HT; &Cx1f; ...) carry no text.
                    _ => text.push(' '),
                }
                rest = &tail[end + 1..];
            }
            None => {
                text.push('&');
                rest = &tail[1..];
            }
        }
    }
    text.push_str(rest);
    let text = text.replace("``", "\"").replace("''", "\"");
    newsdesk_text::wire_dashes(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}
