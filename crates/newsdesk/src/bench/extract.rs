//! `newsdesk bench extract`: article body extraction scored on the
//! article-extraction-benchmark pages with the benchmark's shingle metric,
//! beside the Python peers (`--peers`) and third-party Rust crates
//! (`--candidates`) in the same run.

use anyhow::{bail, Context, Result};
use flate2::read::GzDecoder;
use newsdesk_eval::extraction::{
    aggregate, shingle_scores, shingle_scores_with, tokens, PageScore, Summary, WordChars,
};
use newsdesk_extract::Format;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// The benchmark folder, with ground-truth.json and html/<id>.html.gz.
    #[arg(default_value = "../shared/data/article-extraction-benchmark")]
    dir: PathBuf,
    /// Also run the Python peers (trafilatura, readability-lxml) through
    /// bench/extract/run-peers.sh, which cross-checks the metric too.
    #[arg(long)]
    peers: bool,
    /// Also run the third-party Rust crates of bench/extract/candidates.
    #[arg(long)]
    candidates: bool,
    /// Write every extractor's per-page scores, and our text, to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// List this many of our pages with the lowest F1.
    #[arg(long, value_name = "N", default_value_t = 0)]
    worst: usize,
}

/// Our body text alone: the benchmark's articleBody leaves the headline out.
const OURS: &str = "newsdesk (body text)";
/// Our title as a first line, then the body text.
const OURS_TITLED: &str = "newsdesk (title + body)";

struct Page {
    id: String,
    url: String,
    truth: String,
    html: Vec<u8>,
}

/// What our extractor made of one page.
struct Extracted {
    title: String,
    text: String,
    error: Option<String>,
}

/// One line of the table.
struct Row {
    extractor: String,
    summary: Summary,
    pages_per_sec: f64,
    errors: usize,
}

/// Per-page scores of every extractor, by extractor then page id.
type PageScores = BTreeMap<String, BTreeMap<String, PageScore>>;

pub fn run(args: Args) -> Result<ExitCode> {
    let pages = read_benchmark(&args.dir)?;
    let (extracted, spent) = extract_all(&pages);
    let pages_per_sec = pages.len() as f64 / spent.as_secs_f64();
    let errors = extracted.iter().filter(|e| e.error.is_some()).count();

    let mut rows = Vec::new();
    let mut page_scores = PageScores::new();
    let mut predictions: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    predictions.insert(OURS, extracted.iter().map(|e| e.text.clone()).collect());
    predictions.insert(
        OURS_TITLED,
        extracted
            .iter()
            .map(|e| titled(&e.title, &e.text))
            .collect(),
    );
    for (&name, texts) in &predictions {
        let scores: BTreeMap<String, PageScore> = pages
            .iter()
            .zip(texts)
            .map(|(page, text)| (page.id.clone(), shingle_scores(&page.truth, text)))
            .collect();
        let summary = aggregate(&scores.values().copied().collect::<Vec<_>>());
        rows.push(Row {
            extractor: name.to_string(),
            summary,
            pages_per_sec,
            errors,
        });
        page_scores.insert(name.to_string(), scores);
    }

    let mut checks = Vec::new();
    if args.candidates {
        let output = run_candidates(&args.dir)?;
        merge_lines(
            &output,
            "candidates",
            &mut rows,
            &mut page_scores,
            &mut checks,
        );
    }
    if args.peers {
        let ours = ours_for_check(&pages, &predictions, &page_scores);
        let output = run_peers(&args.dir, &ours)?;
        merge_lines(&output, "peers", &mut rows, &mut page_scores, &mut checks);
    }

    print_table(&args.dir, &pages, &rows);
    print_notes(
        &pages,
        &extracted,
        &predictions[OURS],
        &page_scores,
        &checks,
    );
    if args.worst > 0 {
        print_worst(&pages, &page_scores, args.worst);
    }
    if let Some(path) = &args.json {
        write_json(path, &args.dir, &pages, &extracted, &rows, &page_scores)?;
        println!("\nPer-page scores written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn titled(title: &str, text: &str) -> String {
    if title.trim().is_empty() {
        text.to_string()
    } else {
        format!("{}\n{text}", title.trim())
    }
}

/// Reads every page and its truth; the two sets of ids must match.
fn read_benchmark(dir: &Path) -> Result<Vec<Page>> {
    if !dir.is_dir() {
        bail!(
            "benchmark folder {} not found: pass the article-extraction-benchmark folder \
             (with ground-truth.json and html/)",
            dir.display()
        );
    }
    let truth_path = dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path)
        .with_context(|| format!("cannot read {}", truth_path.display()))?;
    let truth: Value = serde_json::from_str(&truth_text)
        .with_context(|| format!("{} is not valid JSON", truth_path.display()))?;
    let Some(truth) = truth.as_object() else {
        bail!(
            "{} should map page ids to {{\"articleBody\", \"url\"}}",
            truth_path.display()
        );
    };
    let html_dir = dir.join("html");
    let listing = std::fs::read_dir(&html_dir)
        .with_context(|| format!("cannot list {}", html_dir.display()))?;
    let mut pages = Vec::new();
    for entry in listing {
        let path = entry
            .with_context(|| format!("cannot list {}", html_dir.display()))?
            .path();
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".html.gz"))
        else {
            continue;
        };
        let Some(entry) = truth.get(id) else {
            bail!(
                "{} has no ground truth in {}",
                path.display(),
                truth_path.display()
            );
        };
        let Some(body) = entry.get("articleBody").and_then(Value::as_str) else {
            bail!("the ground truth of {id} has no articleBody string");
        };
        let url = entry.get("url").and_then(Value::as_str).unwrap_or_default();
        let html = gunzip(&path)?;
        pages.push(Page {
            id: id.to_string(),
            url: url.to_string(),
            truth: body.to_string(),
            html,
        });
    }
    if pages.is_empty() {
        bail!("no html/<id>.html.gz pages in {}", dir.display());
    }
    if pages.len() != truth.len() {
        let missing: Vec<&String> = truth
            .keys()
            .filter(|id| !pages.iter().any(|p| &p.id == *id))
            .collect();
        bail!(
            "{} ground-truth pages have no html/<id>.html.gz, such as {}",
            missing.len(),
            missing[0]
        );
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

fn gunzip(path: &Path) -> Result<Vec<u8>> {
    let compressed =
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut html = Vec::new();
    GzDecoder::new(compressed.as_slice())
        .read_to_end(&mut html)
        .with_context(|| format!("{} is not a valid gzip file", path.display()))?;
    Ok(html)
}

/// Runs our extractor on every page on this thread, timing only the
/// extraction. A refused page is an empty prediction.
fn extract_all(pages: &[Page]) -> (Vec<Extracted>, Duration) {
    let mut spent = Duration::ZERO;
    let mut out = Vec::with_capacity(pages.len());
    for page in pages {
        let started = Instant::now();
        let result = newsdesk_extract::extract(&page.html, Format::Html, &page.id, None);
        spent += started.elapsed();
        out.push(match result {
            Ok(article) => Extracted {
                title: article.title.unwrap_or_default(),
                text: article.text,
                error: None,
            },
            Err(error) => Extracted {
                title: String::new(),
                text: String::new(),
                error: Some(error.to_string()),
            },
        });
    }
    (out, spent)
}

/// The repository root, where bench/extract lives.
fn repository_root() -> Result<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !root.join("bench/extract").is_dir() {
        bail!(
            "bench/extract not found under {}: run from a newsdesk checkout",
            root.display()
        );
    }
    Ok(root.canonicalize()?)
}

fn absolute(dir: &Path) -> Result<PathBuf> {
    dir.canonicalize()
        .with_context(|| format!("cannot resolve {}", dir.display()))
}

/// Builds (if needed) and runs the candidate crates' project.
fn run_candidates(dir: &Path) -> Result<String> {
    let root = repository_root()?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    eprintln!("bench extract: building and running bench/extract/candidates (release)");
    let output = Command::new(cargo)
        .args(["run", "--release", "--locked", "--quiet", "--manifest-path"])
        .arg(root.join("bench/extract/candidates/Cargo.toml"))
        .arg("--target-dir")
        .arg(root.join("target/bench-candidates"))
        .arg("--")
        .arg(absolute(dir)?)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot start cargo for bench/extract/candidates")?;
    if !output.status.success() {
        bail!(
            "bench/extract/candidates failed ({}); its messages are above",
            output.status
        );
    }
    String::from_utf8(output.stdout).context("bench/extract/candidates wrote non-UTF-8 output")
}

/// Our predictions and scores, for the peers script to score again.
fn ours_for_check(
    pages: &[Page],
    predictions: &BTreeMap<&str, Vec<String>>,
    scores: &PageScores,
) -> Value {
    let variants: Vec<Value> = predictions
        .iter()
        .map(|(&name, texts)| {
            let by_page = &scores[name];
            let pages: Map<String, Value> = pages
                .iter()
                .zip(texts)
                .map(|(page, text)| {
                    let s = by_page[&page.id];
                    (page.id.clone(), json!({"prediction": text, "tp": s.tp, "fp": s.fp, "fn": s.fn_}))
                })
                .collect();
            let summary = aggregate(&by_page.values().copied().collect::<Vec<_>>());
            json!({
                "extractor": name,
                "summary": {"precision": summary.precision, "recall": summary.recall, "f1": summary.f1},
                "pages": pages,
            })
        })
        .collect();
    json!({ "variants": variants })
}

/// Runs bench/extract/run-peers.sh, handing it our predictions in a
/// temporary file.
fn run_peers(dir: &Path, ours: &Value) -> Result<String> {
    let root = repository_root()?;
    let ours_path = std::env::temp_dir().join(format!(
        "newsdesk-bench-extract-{}.json",
        std::process::id()
    ));
    std::fs::write(&ours_path, serde_json::to_vec(ours)?)
        .with_context(|| format!("cannot write {}", ours_path.display()))?;
    eprintln!(
        "bench extract: running bench/extract/run-peers.sh (makes target/bench-venv on first use)"
    );
    let output = Command::new("bash")
        .arg(root.join("bench/extract/run-peers.sh"))
        .arg(absolute(dir)?)
        .arg("--ours")
        .arg(&ours_path)
        .stderr(Stdio::inherit())
        .output();
    // Best effort: a file left in the temporary folder does no harm.
    let _ = std::fs::remove_file(&ours_path);
    let output = output.context("cannot start bash for bench/extract/run-peers.sh")?;
    if !output.status.success() {
        bail!(
            "bench/extract/run-peers.sh failed ({}); its messages are above",
            output.status
        );
    }
    String::from_utf8(output.stdout).context("bench/extract/run-peers.sh wrote non-UTF-8 output")
}

/// Merges the JSON lines of a helper (`row`, `page` and `check` records).
fn merge_lines(
    output: &str,
    from: &str,
    rows: &mut Vec<Row>,
    pages: &mut PageScores,
    checks: &mut Vec<Value>,
) {
    for line in output.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(record) = serde_json::from_str::<Value>(line) else {
            eprintln!("bench extract: ignoring a line from {from} that is not JSON: {line}");
            continue;
        };
        let text = |key: &str| {
            record
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let number = |key: &str| record.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN);
        match record.get("kind").and_then(Value::as_str) {
            Some("row") => rows.push(Row {
                extractor: text("extractor"),
                summary: Summary {
                    precision: number("precision"),
                    recall: number("recall"),
                    f1: number("f1"),
                    pages: record.get("pages").and_then(Value::as_u64).unwrap_or(0) as usize,
                },
                pages_per_sec: number("pages_per_sec"),
                errors: record.get("errors").and_then(Value::as_u64).unwrap_or(0) as usize,
            }),
            Some("page") => {
                let score = PageScore {
                    tp: number("tp"),
                    fp: number("fp"),
                    fn_: number("fn"),
                };
                pages
                    .entry(text("extractor"))
                    .or_default()
                    .insert(text("id"), score);
            }
            Some("check") => checks.push(record),
            _ => eprintln!("bench extract: ignoring an unknown record from {from}: {line}"),
        }
    }
}

fn print_table(dir: &Path, pages: &[Page], rows: &[Row]) {
    println!(
        "Article body extraction on {} ({} pages): shingle F1 as the benchmark's evaluate.py computes it; \
         one thread, extraction time only\n",
        dir.display(),
        pages.len()
    );
    println!("| extractor | F1 | precision | recall | pages/s |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let mut order: Vec<&Row> = rows.iter().collect();
    order.sort_by(|a, b| b.summary.f1.total_cmp(&a.summary.f1));
    for row in order {
        let errors = match row.errors {
            0 => String::new(),
            n => format!(" ({n} pages refused)"),
        };
        println!(
            "| {}{errors} | {:.3} | {:.3} | {:.3} | {:.0} |",
            row.extractor,
            row.summary.f1,
            row.summary.precision,
            row.summary.recall,
            row.pages_per_sec
        );
    }
}

fn print_notes(
    pages: &[Page],
    extracted: &[Extracted],
    ours: &[String],
    scores: &PageScores,
    checks: &[Value],
) {
    println!();
    let mut refusals: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (page, e) in pages.iter().zip(extracted) {
        if let Some(error) = &e.error {
            refusals
                .entry(error)
                .or_default()
                .push(&page.id[..page.id.len().min(12)]);
        }
    }
    for (error, ids) in refusals {
        println!(
            "- newsdesk refused {} pages, scored as empty (\"{error}\"): {}.",
            ids.len(),
            ids.join(", ")
        );
    }
    // Every extractor on the pages we accept, to separate refusals from the
    // quality of what we do return.
    let accepted: Vec<&str> = pages
        .iter()
        .zip(extracted)
        .filter(|(_, e)| e.error.is_none())
        .map(|(p, _)| p.id.as_str())
        .collect();
    if accepted.len() < pages.len() {
        let mut parts: Vec<(f64, String)> = scores
            .iter()
            .map(|(name, by_page)| {
                let subset: Vec<PageScore> = accepted
                    .iter()
                    .filter_map(|id| by_page.get(*id).copied())
                    .collect();
                let f1 = aggregate(&subset).f1;
                (f1, format!("{name} {f1:.3}"))
            })
            .collect();
        parts.sort_by(|a, b| b.0.total_cmp(&a.0));
        let parts: Vec<String> = parts.into_iter().map(|(_, text)| text).collect();
        println!(
            "- F1 on the {} pages newsdesk does not refuse: {}.",
            accepted.len(),
            parts.join("; ")
        );
    }
    // Does the benchmark's articleBody start with the headline?
    let (mut titled_pages, mut starts_with_title) = (0, 0);
    for (page, e) in pages.iter().zip(extracted) {
        let title = tokens(&e.title, WordChars::PythonRe);
        if title.len() >= 3 {
            titled_pages += 1;
            if tokens(&page.truth, WordChars::PythonRe).starts_with(&title) {
                starts_with_title += 1;
            }
        }
    }
    println!(
        "- Ground truth that begins with the title we extracted: {starts_with_title} of {titled_pages} pages \
         with a title of 3+ tokens."
    );
    let with_marks: Vec<PageScore> = pages
        .iter()
        .zip(ours)
        .map(|(page, text)| shingle_scores_with(&page.truth, text, WordChars::AlphanumericAndMarks))
        .collect();
    println!(
        "- {OURS} with combining marks kept inside tokens (not the benchmark's tokens): F1 {:.6}.",
        aggregate(&with_marks).f1
    );
    for check in checks {
        let field = |key: &str| check.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN);
        println!(
            "- Metric cross-check, {} scored again in Python: largest per-page tp/fp/fn difference {:.1e}, \
             largest difference in precision, recall or F1 {:.1e} (Python F1 {:.6}, Rust F1 {:.6}).",
            check.get("extractor").and_then(Value::as_str).unwrap_or("?"),
            field("max_page_diff"),
            field("max_summary_diff"),
            field("python_f1"),
            field("rust_f1"),
        );
    }
}

fn print_worst(pages: &[Page], scores: &PageScores, count: usize) {
    let ours = &scores[OURS];
    let mut order: Vec<&Page> = pages.iter().collect();
    order.sort_by(|a, b| {
        ours[&a.id]
            .f1()
            .total_cmp(&ours[&b.id].f1())
            .then(a.id.cmp(&b.id))
    });
    let show = |value: Option<f64>| value.map_or("-".to_string(), |v| format!("{v:.3}"));
    println!("\nOur {count} lowest pages by F1 (ties in page id order)\n");
    println!("| page | url | F1 | precision | recall | best other F1 |");
    println!("| --- | --- | ---: | ---: | ---: | --- |");
    for page in order.into_iter().take(count) {
        let s = ours[&page.id];
        let best = scores
            .iter()
            .filter(|(name, _)| !name.starts_with("newsdesk"))
            .filter_map(|(name, by_page)| Some((name, by_page.get(&page.id)?.f1())))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or("-".to_string(), |(name, f1)| format!("{f1:.3} ({name})"));
        println!(
            "| {} | {} | {:.3} | {} | {} | {best} |",
            &page.id[..page.id.len().min(12)],
            page.url,
            s.f1(),
            show(s.precision()),
            show(s.recall())
        );
    }
}

fn write_json(
    path: &Path,
    dir: &Path,
    pages: &[Page],
    extracted: &[Extracted],
    rows: &[Row],
    scores: &PageScores,
) -> Result<()> {
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "extractor": r.extractor, "f1": r.summary.f1, "precision": r.summary.precision,
                "recall": r.summary.recall, "pages_per_sec": r.pages_per_sec, "pages": r.summary.pages,
                "errors": r.errors,
            })
        })
        .collect();
    let pages: Vec<Value> = pages
        .iter()
        .zip(extracted)
        .map(|(page, e)| {
            let by_extractor: Map<String, Value> = scores
                .iter()
                .filter_map(|(name, by_page)| {
                    let s = by_page.get(&page.id)?;
                    let value = json!({
                        "tp": s.tp, "fp": s.fp, "fn": s.fn_,
                        "precision": s.precision(), "recall": s.recall(), "f1": s.f1(),
                    });
                    Some((name.clone(), value))
                })
                .collect();
            json!({
                "id": page.id, "url": page.url, "scores": by_extractor,
                "newsdesk": {"title": e.title, "text": e.text, "error": e.error},
            })
        })
        .collect();
    let document = json!({ "data": dir.display().to_string(), "extractors": rows, "pages": pages });
    let text = serde_json::to_string_pretty(&document)?;
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
