//! Reading DUC-style data: `docs/<cluster>/<doc>` SGML news articles and
//! `models/<CLUSTER>.M.100.*.txt` human summaries.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use newsdesk_model::{Article, BlockKind};
use std::path::Path;

/// One document cluster with its reference summaries.
pub struct Cluster {
    /// The folder name, such as `d100a`.
    pub name: String,
    pub documents: Vec<Document>,
    pub references: Vec<String>,
}

pub struct Document {
    pub docno: String,
    pub date: Option<NaiveDate>,
    pub headline: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Document {
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    pub fn to_article(&self) -> Article {
        let mut article = Article {
            origin: self.docno.clone(),
            title: self.headline.clone(),
            outlet: Some(outlet_of(&self.docno).to_string()),
            published: self.date,
            language: Some("en".to_string()),
            ..Article::default()
        };
        for paragraph in &self.paragraphs {
            article.push_block(BlockKind::Paragraph, paragraph);
        }
        article
    }
}

/// Reads every cluster under `dir/docs`, with references from `dir/models`.
pub fn read(dir: &Path) -> Result<Vec<Cluster>> {
    let docs = dir.join("docs");
    if !docs.is_dir() {
        bail!("{} has no docs/ folder: is it the DUC data?", dir.display());
    }
    let mut names: Vec<String> = std::fs::read_dir(&docs)
        .with_context(|| format!("cannot list {}", docs.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    let models: Vec<std::path::PathBuf> = std::fs::read_dir(dir.join("models"))
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    let mut clusters = Vec::new();
    for name in names {
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(docs.join(&name))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort();
        let mut documents = Vec::new();
        for file in files {
            let raw =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let sgml = String::from_utf8_lossy(&raw);
            documents.push(
                parse_document(&sgml)
                    .with_context(|| format!("cannot parse {}", file.display()))?,
            );
        }
        // "d100a" -> "D100": the models name clusters without the suffix.
        let id = name
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .to_uppercase();
        let prefix = format!("{id}.M.100.");
        let mut reference_files: Vec<&std::path::PathBuf> = models
            .iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|f| f.to_str())
                    .is_some_and(|f| f.to_uppercase().starts_with(&prefix))
            })
            .collect();
        reference_files.sort();
        let references = reference_files
            .iter()
            .map(|p| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned()))
            .collect::<std::io::Result<Vec<_>>>()?;
        clusters.push(Cluster {
            name,
            documents,
            references,
        });
    }
    Ok(clusters)
}

fn between<'a>(sgml: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = sgml.find(open)? + open.len();
    let end = sgml[start..].find(close)? + start;
    Some(&sgml[start..end])
}

/// One `<DOC>`: number, date (from the number, which every source writes
/// the same way), headline, and the paragraphs of `<TEXT>`.
pub fn parse_document(sgml: &str) -> Result<Document> {
    let docno = between(sgml, "<DOCNO>", "</DOCNO>")
        .context("no <DOCNO>")?
        .trim()
        .to_string();
    let date = docno
        .get(3..11)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok());
    let headline = between(sgml, "<HEADLINE>", "</HEADLINE>")
        .map(collapse)
        .filter(|h| !h.is_empty());
    let text = between(sgml, "<TEXT>", "</TEXT>").context("no <TEXT>")?;
    let paragraphs: Vec<String> = if text.contains("<P>") {
        text.split("<P>")
            .map(|p| collapse(&p.replace("</P>", "")))
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        // Without <P>, paragraphs start on an indented line.
        let mut paragraphs: Vec<String> = Vec::new();
        for line in text.lines() {
            let starts_paragraph = line.starts_with(['\t', ' ']) || paragraphs.is_empty();
            if line.trim().is_empty() {
                continue;
            }
            if starts_paragraph {
                paragraphs.push(String::new());
            }
            let current = paragraphs.last_mut().expect("a paragraph was started");
            current.push(' ');
            current.push_str(line.trim());
        }
        paragraphs
            .into_iter()
            .map(|p| collapse(&p))
            .filter(|p| !p.is_empty())
            .collect()
    };
    Ok(Document {
        docno,
        date,
        headline,
        paragraphs: paragraphs.into_iter().map(|p| clean_quotes(&p)).collect(),
    })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The wires write quotes as `` and ''.
fn clean_quotes(text: &str) -> String {
    text.replace("``", "\"").replace("''", "\"")
}

/// The wire service a DOCNO names.
pub fn outlet_of(docno: &str) -> &'static str {
    match docno.get(..3) {
        Some("APW") => "Associated Press",
        Some("NYT") => "New York Times",
        Some("XIE") => "Xinhua",
        _ => "Unknown wire",
    }
}
