//! What a system's summaries are made of: how many sentences and from
//! which articles, how early in their article, how many quote someone, and
//! how much of the text ROUGE's word limit throws away. Printed with
//! `--profile`, to see *why* one system scores above another.

use crate::bench::duc::Cluster;
use newsdesk_text::split_sentences;

/// Means over the clusters of one system.
#[derive(Default)]
pub struct Profile {
    pub sentences: f64,
    pub words: f64,
    /// Words past the limit, which ROUGE never reads.
    pub words_cut: f64,
    /// Distinct source articles per summary.
    pub articles: f64,
    /// Share of sentences from the latest article of the cluster.
    pub from_latest: f64,
    /// Mean 0-based index of a sentence in its article.
    pub position: f64,
    /// Share of sentences among the first three of their article.
    pub opening: f64,
    /// Share of sentences with a quotation mark.
    pub quoted: f64,
    /// Share of summary sentences found in no article (rewritten ones).
    pub unmatched: f64,
}

/// One summary sentence traced to its article and position.
struct Origin {
    article: usize,
    position: usize,
}

/// Finds the article sentence a summary line was taken from: one whose
/// text contains the line, or is contained in it (an opener dropped). The
/// wires repeat each other's sentences word for word; a sentence that
/// several articles carry is traced to the latest of them.
fn trace(cluster: &Cluster, line: &str) -> Option<Origin> {
    let mut found: Option<Origin> = None;
    for (article, doc) in cluster.docs.iter().enumerate() {
        let mut position = 0;
        'article: for paragraph in &doc.paragraphs {
            for span in split_sentences(paragraph) {
                let sentence = paragraph[span.range()].trim();
                if sentence.contains(line) || (sentence.len() > 20 && line.contains(sentence)) {
                    let later = found
                        .as_ref()
                        .is_none_or(|f| doc.sort_key > cluster.docs[f.article].sort_key);
                    if later {
                        found = Some(Origin { article, position });
                    }
                    break 'article;
                }
                position += 1;
            }
        }
    }
    found
}

pub fn profile(clusters: &[Cluster], summaries: &[String], limit: usize) -> Profile {
    let mut p = Profile::default();
    let mut counted_sentences = 0.0;
    let mut traced = 0.0;
    for (cluster, summary) in clusters.iter().zip(summaries) {
        let lines: Vec<&str> = summary
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
        p.sentences += lines.len() as f64;
        p.words += words as f64;
        p.words_cut += words.saturating_sub(limit) as f64;
        let latest = cluster
            .docs
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.sort_key.cmp(&b.1.sort_key))
            .map(|(i, _)| i);
        let mut articles: Vec<usize> = Vec::new();
        for line in &lines {
            counted_sentences += 1.0;
            if line.contains(['"', '“', '”']) {
                p.quoted += 1.0;
            }
            match trace(cluster, line) {
                Some(origin) => {
                    traced += 1.0;
                    if !articles.contains(&origin.article) {
                        articles.push(origin.article);
                    }
                    if Some(origin.article) == latest {
                        p.from_latest += 1.0;
                    }
                    p.position += origin.position as f64;
                    if origin.position < 3 {
                        p.opening += 1.0;
                    }
                }
                None => p.unmatched += 1.0,
            }
        }
        p.articles += articles.len() as f64;
    }
    let n = clusters.len().max(1) as f64;
    let per_sentence = |x: f64, of: f64| if of > 0.0 { x / of } else { 0.0 };
    Profile {
        sentences: p.sentences / n,
        words: p.words / n,
        words_cut: p.words_cut / n,
        articles: p.articles / n,
        from_latest: per_sentence(p.from_latest, traced),
        position: per_sentence(p.position, traced),
        opening: per_sentence(p.opening, traced),
        quoted: per_sentence(p.quoted, counted_sentences),
        unmatched: per_sentence(p.unmatched, counted_sentences),
    }
}
