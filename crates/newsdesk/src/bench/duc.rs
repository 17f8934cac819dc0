//! Reads a DUC-style data folder: `docs/<cluster>/<doc>` SGML news
//! articles (`<DOC><DOCNO>… <DATE_TIME>… <TEXT><P>…`) and
//! `models/<CLUSTER>.M.100.*.txt` human summaries, one sentence per line.

use anyhow::{bail, Context, Result};
use newsdesk_model::{Article, BlockKind};
use std::path::{Path, PathBuf};

/// One cluster: its articles and the human summaries written for it.
pub struct Cluster {
    /// The folder name, such as `d100a`.
    pub name: String,
    /// In file-name order.
    pub docs: Vec<Doc>,
    pub references: Vec<String>,
}

/// One `<DOC>`.
pub struct Doc {
    pub docno: String,
    /// `YYYYMMDD hh:mm:ss` (time from `<DATE_TIME>` when it has one), so
    /// that documents sort by publication time.
    pub sort_key: String,
    /// `YYYY-MM-DD`, from the DOCNO, which every wire writes the same way.
    pub date: Option<String>,
    pub headline: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Doc {
    /// The article the composer reads: origin = DOCNO, one paragraph block
    /// per `<P>`.
    pub fn to_article(&self) -> Article {
        let mut article = Article {
            origin: self.docno.clone(),
            title: self.headline.clone(),
            outlet: wire(&self.docno).map(str::to_string),
            published: self.date.as_deref().and_then(newsdesk_text::parse_date),
            language: Some("en".to_string()),
            ..Article::default()
        };
        for paragraph in &self.paragraphs {
            article.push_block(BlockKind::Paragraph, paragraph);
        }
        article
    }
}

/// The news service a DOCNO names.
fn wire(docno: &str) -> Option<&'static str> {
    match docno.get(..3)? {
        "APW" => Some("Associated Press"),
        "NYT" => Some("New York Times"),
        "XIE" => Some("Xinhua"),
        _ => None,
    }
}

/// Every cluster under `dir/docs`, in name order, with its references from
/// `dir/models`.
pub fn read(dir: &Path) -> Result<Vec<Cluster>> {
    let docs_dir = dir.join("docs");
    let models_dir = dir.join("models");
    if !docs_dir.is_dir() || !models_dir.is_dir() {
        bail!(
            "{} has no docs/ and models/ folders: is it the DUC data?",
            dir.display()
        );
    }
    let models = list(&models_dir)?;
    let mut clusters = Vec::new();
    for cluster_dir in list(&docs_dir)?.into_iter().filter(|p| p.is_dir()) {
        let name = file_name(&cluster_dir);
        let mut docs = Vec::new();
        for file in list(&cluster_dir)? {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let doc = parse_doc(&String::from_utf8_lossy(&bytes))
                .with_context(|| format!("cannot parse {}", file.display()))?;
            docs.push(doc);
        }
        // "d100a" is summarised in "D100.M.100.A.G.txt": the models drop the
        // folder's letter suffix.
        let id = name
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .to_uppercase();
        let prefix = format!("{id}.M.100.");
        let mut references = Vec::new();
        for model in models
            .iter()
            .filter(|p| file_name(p).to_uppercase().starts_with(&prefix))
        {
            let bytes =
                std::fs::read(model).with_context(|| format!("cannot read {}", model.display()))?;
            references.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        if references.is_empty() {
            bail!("no reference summaries {prefix}* for cluster {name}");
        }
        clusters.push(Cluster {
            name,
            docs,
            references,
        });
    }
    if clusters.is_empty() {
        bail!("no clusters under {}", docs_dir.display());
    }
    Ok(clusters)
}

fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// One document's number, dates, headline and paragraphs.
pub fn parse_doc(sgml: &str) -> Result<Doc> {
    let docno = between(sgml, "<DOCNO>", "</DOCNO>")
        .context("no <DOCNO>")?
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
    let text = between(sgml, "<TEXT>", "</TEXT>").context("no <TEXT>")?;
    let raw: Vec<String> = if text.contains("<P>") {
        text.split("<P>")
            .skip(1)
            .map(|p| p.split("</P>").next().unwrap_or("").to_string())
            .collect()
    } else {
        indented_paragraphs(text)
    };
    let paragraphs = raw
        .iter()
        .filter(|p| !is_wire_control(p))
        .map(|p| clean(&p.replace("&QL;", " ")))
        .filter(|p| is_prose(p))
        .collect();
    Ok(Doc {
        sort_key: format!("{digits} {time}"),
        docno,
        date,
        headline,
        paragraphs,
    })
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

/// A paragraph of the story: it ends a sentence, and is not an editors'
/// note. Drops "AP Photo", "(ms-gb)", "XXXX END OF STORY" and the like.
fn is_prose(paragraph: &str) -> bool {
    let end = paragraph.trim_end_matches(['"', '\'', ')', ' ']);
    !paragraph.is_empty()
        && end.ends_with(['.', '!', '?'])
        && !paragraph.starts_with("Eds:")
        && !paragraph.starts_with("EDITOR'S NOTE")
}

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

#[cfg(test)]
mod tests;
