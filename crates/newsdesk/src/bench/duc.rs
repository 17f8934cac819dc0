//! Reads a DUC-style data folder: `docs/<cluster>/<doc>` SGML news
//! articles (`<DOC><DOCNO>… <DATE_TIME>… <TEXT><P>…`) and
//! `models/<CLUSTER>.M.100.*.txt` human summaries, one sentence per line.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// One cluster: its articles and the human summaries written for it.
pub struct Cluster {
    /// The folder name, such as `d100a`.
    pub name: String,
    /// In file-name order.
    pub docs: Vec<Doc>,
    pub references: Vec<String>,
}

/// One `<DOC>`, read by extraction's newswire reader.
pub use newsdesk_extract::newswire::NewswireDoc as Doc;

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

/// One document's number, dates, headline and paragraphs.
pub fn parse_doc(sgml: &str) -> Result<Doc> {
    Ok(newsdesk_extract::newswire::parse(sgml)?)
}
