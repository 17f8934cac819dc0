//! The Python peers: `bench/rouge/run-peers.sh` summarises every cluster
//! with sumy's LexRank, TextRank and LSA, and scores every system's
//! summaries with Google's `rouge-score` package for the agreement check
//! and with the original ROUGE-1.5.5 Perl script.
//!
//! The exchange is one JSON file in (clusters as pre-split sentences, the
//! references, and our systems' summaries) and JSON lines out.

use crate::bench::duc::Cluster;
use anyhow::{bail, Context, Result};
use newsdesk_text::split_sentences;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

/// What the peer script reported.
#[derive(Default)]
pub struct PeerRun {
    /// System -> one (summary, seconds) per cluster, in cluster order.
    pub summaries: BTreeMap<String, Vec<(String, f64)>>,
    /// System -> rouge-score's mean ROUGE-1 and ROUGE-2 recall (0-1).
    pub agreement: BTreeMap<String, Agreement>,
    /// System -> the original ROUGE-1.5.5 script's figures.
    pub official: BTreeMap<String, Official>,
    /// Why the original script could not run, when it could not.
    pub official_missing: Option<String>,
    /// Package versions, as the script printed them.
    pub versions: String,
}

/// rouge-score's figures for one system: mean ROUGE-1 and ROUGE-2 recall
/// (0-1) with the references whole, as the package is normally run, and with
/// the references cut to the word limit too, as ROUGE-1.5.5's `-l` cuts them.
#[derive(Clone, Copy)]
pub struct Agreement {
    pub rouge1: f64,
    pub rouge2: f64,
    pub rouge1_cut: f64,
    pub rouge2_cut: f64,
}

/// The original ROUGE-1.5.5 script's ROUGE-1 and ROUGE-2 recall (0-1) for
/// one system.
#[derive(Clone, Debug, PartialEq)]
pub struct Official {
    /// The plain mean of its per-cluster scores.
    pub mean: (f64, f64),
    /// What it prints as Average_R: the mean of 1,000 bootstrap resamples
    /// of the per-cluster scores, which differs from the plain mean by the
    /// chance of the resampling (its seed is fixed, so by the same amount
    /// for every system of a data set).
    pub bootstrap: (f64, f64),
    /// Every cluster's score, in cluster order.
    pub clusters: Vec<(f64, f64)>,
}

/// Runs `script` on the clusters and the summaries of our systems
/// (system -> one summary per cluster).
pub fn run(
    script: &Path,
    clusters: &[Cluster],
    ours: &[(String, Vec<String>)],
    words: usize,
) -> Result<PeerRun> {
    let input = std::env::temp_dir().join(format!("newsdesk-rouge-{}.json", std::process::id()));
    let payload = json!({
        "words": words,
        "clusters": clusters.iter().enumerate().map(|(k, cluster)| json!({
            "name": cluster.name,
            "documents": cluster.docs.iter().map(|doc| {
                doc.paragraphs.iter().map(|p| {
                    split_sentences(p).into_iter().map(|s| p[s.range()].trim()).collect::<Vec<_>>()
                }).collect::<Vec<_>>()
            }).collect::<Vec<_>>(),
            "references": cluster.references,
            "summaries": ours.iter().map(|(system, summaries)| (system.clone(), json!(summaries[k]))).collect::<serde_json::Map<_, _>>(),
        })).collect::<Vec<_>>(),
    });
    std::fs::write(&input, serde_json::to_vec(&payload)?)
        .with_context(|| format!("cannot write {}", input.display()))?;
    let output = Command::new("bash")
        .arg(script)
        .arg(&input)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run {}", script.display()));
    let _ = std::fs::remove_file(&input);
    let output = output?;
    if !output.status.success() {
        bail!("{} failed ({})", script.display(), output.status);
    }
    parse(&String::from_utf8_lossy(&output.stdout), clusters)
}

pub(super) fn parse(stdout: &str, clusters: &[Cluster]) -> Result<PeerRun> {
    let index: BTreeMap<&str, usize> = clusters
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.as_str(), i))
        .collect();
    let mut run = PeerRun::default();
    let mut slots: BTreeMap<String, Vec<Option<(String, f64)>>> = BTreeMap::new();
    for line in stdout.lines().filter(|l| l.trim_start().starts_with('{')) {
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("peer script printed bad JSON: {line}"))?;
        let text = |key: &str| v[key].as_str().unwrap_or_default().to_string();
        let number = |key: &str| v[key].as_f64().unwrap_or(f64::NAN);
        match v["kind"].as_str() {
            Some("summary") => {
                let cluster = text("cluster");
                let Some(&i) = index.get(cluster.as_str()) else {
                    bail!("peer script summarised an unknown cluster {cluster}");
                };
                let slot = slots
                    .entry(text("system"))
                    .or_insert_with(|| vec![None; clusters.len()]);
                slot[i] = Some((text("summary"), v["seconds"].as_f64().unwrap_or(0.0)));
            }
            Some("agreement") => {
                run.agreement.insert(
                    text("system"),
                    Agreement {
                        rouge1: number("rouge1"),
                        rouge2: number("rouge2"),
                        rouge1_cut: number("rouge1_cut"),
                        rouge2_cut: number("rouge2_cut"),
                    },
                );
            }
            Some("official") => {
                let clusters = v["clusters"]
                    .as_array()
                    .map(|list| {
                        list.iter()
                            .map(|pair| {
                                let at = |i: usize| pair[i].as_f64().unwrap_or(f64::NAN);
                                (at(0), at(1))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                run.official.insert(
                    text("system"),
                    Official {
                        mean: (number("rouge1"), number("rouge2")),
                        bootstrap: (number("bootstrap1"), number("bootstrap2")),
                        clusters,
                    },
                );
            }
            Some("official-missing") => run.official_missing = Some(text("why")),
            Some("versions") => {
                run.versions = v["packages"]
                    .as_object()
                    .map(|o| {
                        o.iter()
                            .map(|(k, v)| format!("{k} {}", v.as_str().unwrap_or("?")))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
            }
            _ => {}
        }
    }
    for (system, slot) in slots {
        let missing = slot.iter().filter(|s| s.is_none()).count();
        if missing > 0 {
            bail!("peer {system} gave no summary for {missing} clusters");
        }
        run.summaries
            .insert(system, slot.into_iter().flatten().collect());
    }
    Ok(run)
}
