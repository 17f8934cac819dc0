//! Runs third-party Rust article extractors on the article-extraction-benchmark
//! pages and scores them with newsdesk's metric.
//!
//!   newsdesk-extract-candidates DATA_DIR [--only NAME]
//!
//! Standard output: one JSON object per line. `{"kind": "page", ...}` for
//! each page and extractor (the page's tp/fp/fn), then `{"kind": "row",
//! "extractor", "f1", "precision", "recall", "pages_per_sec", "pages",
//! "errors"}` for each extractor. Progress goes to standard error. One
//! thread; only the extractor call is timed (the HTML is decoded first).

use newsdesk_eval::extraction::{aggregate, shingle_scores, PageScore};
use serde_json::{json, Value};
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

struct Page {
    id: String,
    url: String,
    html: String,
    truth: String,
}

/// An extractor: the page's HTML and URL in, the body as plain text out.
type Run = fn(&str, &str) -> Result<String, String>;

const CANDIDATES: &[(&str, &str, Run)] = &[
    ("rs-trafilatura", "0.2.2", run_rs_trafilatura),
    ("trafilatura (crate)", "0.6.0", run_trafilatura),
    ("dom_smoothie", "0.19.0", run_dom_smoothie),
    ("dom_smoothie (raw text)", "0.19.0", run_dom_smoothie_raw),
    ("readability (crate)", "0.3.0", run_readability),
];

fn run_rs_trafilatura(html: &str, _url: &str) -> Result<String, String> {
    // Defaults, which leave comments out, as the Python run does.
    rs_trafilatura::extract(html)
        .map(|r| r.content_text)
        .map_err(|e| e.to_string())
}

fn run_trafilatura(html: &str, _url: &str) -> Result<String, String> {
    let options = trafilatura::Options::default().with_exclude_comments(true);
    trafilatura::extract(html, &options)
        .map(|r| r.content_text)
        .map_err(|e| e.to_string())
}

fn run_dom_smoothie(html: &str, url: &str) -> Result<String, String> {
    // Formatted text keeps paragraph breaks; raw text (the crate's default)
    // is the DOM's text content, where adjacent blocks can run together.
    dom_smoothie_text(html, url, dom_smoothie::TextMode::Formatted)
}

fn run_dom_smoothie_raw(html: &str, url: &str) -> Result<String, String> {
    dom_smoothie_text(html, url, dom_smoothie::TextMode::Raw)
}

fn dom_smoothie_text(
    html: &str,
    url: &str,
    text_mode: dom_smoothie::TextMode,
) -> Result<String, String> {
    let config = dom_smoothie::Config {
        text_mode,
        ..Default::default()
    };
    let mut reader =
        dom_smoothie::Readability::new(html, Some(url), Some(config)).map_err(|e| e.to_string())?;
    reader
        .parse()
        .map(|a| a.text_content.to_string())
        .map_err(|e| e.to_string())
}

fn run_readability(html: &str, url: &str) -> Result<String, String> {
    let url = url::Url::parse(url).map_err(|e| e.to_string())?;
    readability::extractor::extract(&mut html.as_bytes(), &url)
        .map(|p| p.text)
        .map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut only = None;
    while let Some(arg) = args.next() {
        if arg == "--only" {
            only = args.next();
        } else {
            dir = Some(PathBuf::from(arg));
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: newsdesk-extract-candidates DATA_DIR [--only NAME]");
        return ExitCode::from(2);
    };
    let pages = match read_pages(&dir) {
        Ok(pages) => pages,
        Err(message) => {
            eprintln!("candidates: {message}");
            return ExitCode::FAILURE;
        }
    };
    // A panic is counted as an error for that page; keep its message short.
    std::panic::set_hook(Box::new(|info| eprintln!("candidates: panic: {info}")));
    for &(name, version, run) in CANDIDATES {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let label = format!("{name} {version}");
        eprintln!("candidates: running {label} on {} pages", pages.len());
        let mut scores = Vec::with_capacity(pages.len());
        let mut errors = 0;
        let mut spent = Duration::ZERO;
        for page in &pages {
            let started = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| run(&page.html, &page.url)));
            spent += started.elapsed();
            let prediction = match outcome {
                Ok(Ok(text)) => text,
                Ok(Err(message)) => {
                    errors += 1;
                    eprintln!("candidates: {name} refused {}: {message}", page.id);
                    String::new()
                }
                Err(_) => {
                    errors += 1;
                    eprintln!("candidates: {name} panicked on {}", page.id);
                    String::new()
                }
            };
            let score = shingle_scores(&page.truth, &prediction);
            println!("{}", page_line(&label, &page.id, score));
            scores.push(score);
        }
        let summary = aggregate(&scores);
        let row = json!({
            "kind": "row",
            "extractor": label,
            "f1": summary.f1,
            "precision": summary.precision,
            "recall": summary.recall,
            "pages_per_sec": pages.len() as f64 / spent.as_secs_f64(),
            "pages": summary.pages,
            "errors": errors,
        });
        println!("{row}");
    }
    ExitCode::SUCCESS
}

fn page_line(extractor: &str, id: &str, score: PageScore) -> Value {
    json!({"kind": "page", "extractor": extractor, "id": id, "tp": score.tp, "fp": score.fp, "fn": score.fn_})
}

fn read_pages(dir: &Path) -> Result<Vec<Page>, String> {
    let truth_path = dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("cannot read {}: {e}", truth_path.display()))?;
    let truth: Value = serde_json::from_str(&truth_text)
        .map_err(|e| format!("{} is not JSON: {e}", truth_path.display()))?;
    let truth = truth
        .as_object()
        .ok_or_else(|| format!("{} is not a JSON object", truth_path.display()))?;
    let mut pages = Vec::with_capacity(truth.len());
    for (id, entry) in truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        let mut html = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut html)
            .map_err(|e| format!("cannot gunzip {} as UTF-8: {e}", path.display()))?;
        let text = |key: &str| {
            entry
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        pages.push(Page {
            id: id.clone(),
            url: text("url"),
            html,
            truth: text("articleBody"),
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}
