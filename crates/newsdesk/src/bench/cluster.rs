//! `newsdesk bench cluster`: story detection quality on DUC clusters mixed
//! together, and throughput on a large generated stream.

use super::duc;
use anyhow::Result;
use newsdesk_cluster::{Config, Incoming, StoryDetector};
use newsdesk_eval::clustering::{bcubed, BCubed};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The DUC data folder (with docs/ and models/).
    #[arg(default_value = "../shared/data/duc2003")]
    dir: PathBuf,
    /// Similarity needed to join a story (default: the detector's).
    #[arg(long)]
    threshold: Option<f32>,
    /// How much the bar rises with a story's age (default: the detector's).
    #[arg(long)]
    age_penalty: Option<f32>,
    /// Terms kept per article (default: the detector's).
    #[arg(long)]
    article_terms: Option<usize>,
    /// Words of each body read (default: the detector's).
    #[arg(long)]
    body_words: Option<usize>,
    /// Weight of names (default: the detector's).
    #[arg(long)]
    name_weight: Option<f32>,
    /// Terms used to look up candidate stories (default: the detector's).
    #[arg(long)]
    lookup_terms: Option<usize>,
    /// Centroid similarity at which a small story is merged into another
    /// (default: the detector's; above 1 turns merging off).
    #[arg(long)]
    merge_threshold: Option<f32>,
    /// Stories compared in full per article (default: the detector's).
    #[arg(long)]
    max_candidates: Option<usize>,
    /// List the clusters split across stories and the stories that mix clusters.
    #[arg(long)]
    explain: bool,
    /// List every article's placement, in arrival order.
    #[arg(long)]
    trace: bool,
    /// Also score a range of thresholds, to show how sensitive the result is.
    #[arg(long)]
    sweep: bool,
    /// Articles in the generated stream for the throughput run (0: skip it).
    #[arg(long, default_value_t = 100_000)]
    stream: usize,
}

struct Item {
    label: usize,
    title: String,
    text: String,
    date: Option<chrono::NaiveDate>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let clusters = duc::read(&args.dir)?;
    let mut items: Vec<Item> = Vec::new();
    for (label, cluster) in clusters.iter().enumerate() {
        for doc in &cluster.docs {
            let article = doc.to_article();
            items.push(Item {
                label,
                title: article.title.unwrap_or_default(),
                text: article.text,
                date: article.published,
            });
        }
    }
    // Arrival order: by date, then document number, as a feed would bring them.
    items.sort_by(|a, b| a.date.cmp(&b.date).then(a.text.len().cmp(&b.text.len())));
    let defaults = Config::default();
    let config = Config {
        threshold: args.threshold.unwrap_or(defaults.threshold),
        age_penalty: args.age_penalty.unwrap_or(defaults.age_penalty),
        article_terms: args.article_terms.unwrap_or(defaults.article_terms),
        body_words: args.body_words.unwrap_or(defaults.body_words),
        name_weight: args.name_weight.unwrap_or(defaults.name_weight),
        lookup_terms: args.lookup_terms.unwrap_or(defaults.lookup_terms),
        merge_threshold: args.merge_threshold.unwrap_or(defaults.merge_threshold),
        max_candidates: args.max_candidates.unwrap_or(defaults.max_candidates),
        ..defaults
    };
    println!(
        "Story detection on {} ({} documents from {} clusters, mixed, in date order)\n",
        args.dir.display(),
        items.len(),
        clusters.len()
    );
    println!("| system | B-cubed precision | B-cubed recall | B-cubed F1 | stories |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let truth: Vec<usize> = items.iter().map(|i| i.label).collect();
    let (score, stories) = detect(&items, config.clone());
    print_row(
        &format!("newsdesk (threshold {:.2})", config.threshold),
        score,
        stories,
    );
    if args.explain {
        explain(&items, &clusters, config.clone());
    }
    if args.trace {
        trace(&items, &clusters, config.clone());
    }
    let singletons: Vec<usize> = (0..items.len()).collect();
    print_row(
        "baseline: every document its own story",
        bcubed(&singletons, &truth),
        items.len(),
    );
    print_row(
        "baseline: one story for everything",
        bcubed(&vec![0; items.len()], &truth),
        1,
    );
    if args.sweep {
        println!("\n| threshold | B-cubed F1 | stories |\n| ---: | ---: | ---: |");
        for step in 0..=12 {
            let threshold = 0.05 + 0.01 * step as f32;
            let (score, stories) = detect(
                &items,
                Config {
                    threshold,
                    ..config.clone()
                },
            );
            println!("| {threshold:.2} | {:.4} | {stories} |", score.f1);
        }
        two_fold(&items, &config);
    }
    if args.stream > 0 {
        throughput(&items, args.stream, config);
    }
    Ok(ExitCode::SUCCESS)
}

/// The story of each item once all have arrived (stories merged on the
/// way are followed to the story they went into), and how many stories
/// there are then.
fn predict(items: &[&Item], config: Config) -> (Vec<usize>, usize) {
    let mut detector = StoryDetector::new(config);
    let placed: Vec<usize> = items
        .iter()
        .map(|i| {
            detector
                .add(Incoming {
                    title: &i.title,
                    text: &i.text,
                    date: i.date,
                })
                .story
        })
        .collect();
    final_stories(&detector, placed)
}

/// Each article's story at the end of the stream (merges followed), and
/// how many stories there are.
fn final_stories(detector: &StoryDetector, placed: Vec<usize>) -> (Vec<usize>, usize) {
    let predicted: Vec<usize> = placed
        .into_iter()
        .map(|story| detector.current_story(story))
        .collect();
    let stories = predicted
        .iter()
        .collect::<std::collections::HashSet<_>>()
        .len();
    (predicted, stories)
}

fn detect(items: &[Item], config: Config) -> (BCubed, usize) {
    detect_some(&items.iter().collect::<Vec<_>>(), config)
}

fn detect_some(items: &[&Item], config: Config) -> (BCubed, usize) {
    let (predicted, stories) = predict(items, config);
    let truth: Vec<usize> = items.iter().map(|i| i.label).collect();
    (bcubed(&predicted, &truth), stories)
}

/// An honest figure for the chosen defaults: the clusters split in two
/// halves (even and odd positions in name order); the threshold is tuned
/// on one half alone and scored on the other, and the other way round.
/// A half holds half the clusters mixed, so it is easier than the whole.
fn two_fold(items: &[Item], config: &Config) {
    let half =
        |parity: usize| -> Vec<&Item> { items.iter().filter(|i| i.label % 2 == parity).collect() };
    let halves = [half(0), half(1)];
    let grid: Vec<f32> = (0..=12).map(|step| 0.05 + 0.01 * step as f32).collect();
    let score = |half: &[&Item], threshold: f32| {
        detect_some(
            half,
            Config {
                threshold,
                ..config.clone()
            },
        )
        .0
        .f1
    };
    println!(
        "\nTwo-fold check (threshold tuned on one half of the clusters, scored on the other):\n"
    );
    println!("| tuned on | best threshold there | F1 there | F1 on the other half | other half at the default |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let mut held_out = 0.0;
    for (tune, test) in [(0, 1), (1, 0)] {
        let (best, best_f1) = grid
            .iter()
            .map(|&t| (t, score(&halves[tune], t)))
            .fold((grid[0], f64::MIN), |a, b| if b.1 > a.1 { b } else { a });
        let other = score(&halves[test], best);
        held_out += other / 2.0;
        println!(
            "| {} clusters | {best:.2} | {best_f1:.4} | {other:.4} | {:.4} |",
            if tune == 0 { "even" } else { "odd" },
            score(&halves[test], config.threshold)
        );
    }
    println!("\nHeld-out B-cubed F1, mean of the two halves: {held_out:.4}");
}

fn explain(items: &[Item], clusters: &[duc::Cluster], config: Config) {
    let (predicted, _) = predict(&items.iter().collect::<Vec<_>>(), config);
    let mut stories: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (item, story) in items.iter().zip(&predicted) {
        stories.entry(*story).or_default().push(item.label);
    }
    println!();
    for (label, cluster) in clusters.iter().enumerate() {
        let mut parts: std::collections::BTreeMap<usize, usize> = Default::default();
        for (item, story) in items.iter().zip(&predicted) {
            if item.label == label {
                *parts.entry(*story).or_default() += 1;
            }
        }
        if parts.len() > 1 {
            println!("split: {} -> {:?}", cluster.name, parts);
        }
    }
    for (story, labels) in stories {
        let mut distinct = labels.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() > 1 {
            let names: Vec<&str> = labels.iter().map(|&l| clusters[l].name.as_str()).collect();
            println!("mixed: story {story} <- {names:?}");
        }
    }
    println!();
}

/// Every placement in arrival order: the article's cluster and date, the
/// story it went to, and how (new, a copy, joined at what similarity,
/// merging which story).
fn trace(items: &[Item], clusters: &[duc::Cluster], config: Config) {
    let mut detector = StoryDetector::new(config);
    println!("\n| cluster | date | story | how |\n| --- | --- | ---: | --- |");
    for item in items {
        let placed = detector.add(Incoming {
            title: &item.title,
            text: &item.text,
            date: item.date,
        });
        let how = if placed.new_story {
            "new".to_string()
        } else if let Some(original) = placed.duplicate_of {
            format!("copy of article {original}")
        } else {
            format!("joined at {:.3}", placed.similarity)
        };
        let merged = placed
            .merged
            .map(|gone| format!(", merged story {gone}"))
            .unwrap_or_default();
        let date = item.date.map(|d| d.to_string()).unwrap_or_default();
        println!(
            "| {} | {date} | {} | {how}{merged} |",
            clusters[item.label].name, placed.story
        );
    }
}

fn print_row(system: &str, score: BCubed, stories: usize) {
    println!(
        "| {system} | {:.4} | {:.4} | {:.4} | {stories} |",
        score.precision, score.recall, score.f1
    );
}

/// A deterministic generator (SplitMix64), so every run sees the same stream.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A made-up capitalised word, so each generated story has names of its own.
fn pseudo_name(seed: u64) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "sa", "tor", "vel", "din", "quo", "bar", "nes", "fi", "gru",
        "hal", "zem", "or", "pa", "te", "vu", "mor", "lin", "das", "ko", "ri", "sul", "wen", "ya",
        "be", "cho", "dra", "ge", "ul",
    ];
    let mut rng = SplitMix(seed);
    let mut name: String = (0..4)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect();
    name[..1].make_ascii_uppercase();
    name
}

/// Generates `count` articles in stories of about ten. Each story takes a
/// DUC document as its base, invented names and an invented vocabulary of
/// its own (so stories built on the same base differ as real stories do),
/// and a run of days; each article takes most of the base's sentences, a
/// sixth of its words swapped for the story's own words, and a few
/// sentences of other documents.
fn generate(items: &[Item], count: usize) -> Vec<(usize, String, String, chrono::NaiveDate)> {
    let sentences: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            newsdesk_text::split_sentences(&i.text)
                .into_iter()
                .map(|s| i.text[s.range()].to_string())
                .collect()
        })
        .collect();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a valid date");
    let mut rng = SplitMix(2003);
    let mut out = Vec::with_capacity(count);
    for n in 0..count {
        let story = n / 10;
        // Each story mixes sentences of three documents of its own choosing.
        let mut picker = SplitMix(story as u64);
        let base: Vec<&String> = (0..3)
            .flat_map(|_| sentences[picker.below(sentences.len())].iter().take(8))
            .collect();
        let seed = story as u64 * 64;
        let names = format!("{} {}", pseudo_name(seed), pseudo_name(seed + 1));
        let vocabulary: Vec<String> = (2..32)
            .map(|k| pseudo_name(seed + k).to_lowercase())
            .collect();
        let mut text = String::new();
        for sentence in &base {
            if rng.below(10) < 6 {
                for word in sentence.split_whitespace() {
                    if rng.below(6) == 0 {
                        text.push_str(&vocabulary[rng.below(vocabulary.len())]);
                    } else {
                        text.push_str(word);
                    }
                    text.push(' ');
                }
            }
        }
        for _ in 0..2 {
            let other = &sentences[rng.below(sentences.len())];
            if !other.is_empty() {
                text.push_str(&other[rng.below(other.len())]);
                text.push(' ');
            }
        }
        text.push_str(&format!(
            "{names} said the matter was not settled. Officials in {names} declined to comment."
        ));
        let title = format!(
            "{names}: {}",
            base.first()
                .map(|s| s.split_whitespace().take(8).collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        );
        let date = start + chrono::Duration::days((story / 30) as i64 + rng.below(3) as i64);
        out.push((story, title, text, date));
    }
    out
}

fn throughput(items: &[Item], count: usize, config: Config) {
    let stream = generate(items, count);
    let words: usize = stream
        .iter()
        .map(|(_, _, t, _)| t.split_whitespace().count())
        .sum();
    let mut detector = StoryDetector::new(config);
    let mut merges = 0;
    let started = Instant::now();
    let placed: Vec<usize> = stream
        .iter()
        .map(|(_, title, text, date)| {
            let assignment = detector.add(Incoming {
                title,
                text,
                date: Some(*date),
            });
            merges += usize::from(assignment.merged.is_some());
            assignment.story
        })
        .collect();
    let elapsed = started.elapsed();
    let (predicted, stories) = final_stories(&detector, placed);
    let truth: Vec<usize> = stream.iter().map(|(story, ..)| *story).collect();
    let score = bcubed(&predicted, &truth);
    println!("\nThroughput: {count} generated articles ({} words on average) in {:.1} s on one thread: {:.0} articles/s; peak memory {}; {stories} stories ({merges} merges), B-cubed F1 against the generated stories {:.4}",
        words / count.max(1), elapsed.as_secs_f64(), count as f64 / elapsed.as_secs_f64(), peak_memory(), score.f1);
}

/// The process's peak resident memory, from /proc (Linux).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}
