//! `newsdesk bench claims`: how often what a story says about its sentences
//! is right, on hand-made labels (`bench/claims/`, see its README) that
//! point into DUC 2003: who said each quotation, whether a "What comes
//! next" item still lies ahead, and whether a timeline date is the date of
//! the event. Figures are printed for the two halves of the clusters
//! (even and odd positions), so a rule tuned on one half is seen on the
//! other. Name typing (person, organisation, place) is scored on ECB+'s
//! annotated names instead (see [`names`]).

mod names;

use super::duc;
use anyhow::{bail, Context, Result};
use newsdesk_compose::{attributions, compose, ComposeOptions};
use newsdesk_model::{Article, Story};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The DUC 2003 data folder, with docs/ and models/.
    #[arg(default_value = "../shared/data/duc2003")]
    dir: PathBuf,
    /// The folder of label files.
    #[arg(long, default_value = "bench/claims")]
    labels: PathBuf,
    /// The ECB+ data folder, whose annotated names score name typing.
    #[arg(long, default_value = "../shared/data/ecbplus")]
    ecbplus: PathBuf,
    /// Also list every wrong claim, and up to 40 name-typing errors.
    #[arg(long)]
    errors: bool,
    /// Held-out news outside ../shared, as `bench/claims/heldout/fetch.sh
    /// DIR` downloads it: its quotations (`heldout-quotes.tsv`) are scored
    /// too, apart from DUC 2003. The rules were never tuned on it.
    #[arg(long)]
    heldout: Option<PathBuf>,
    /// The second, fresh held-out set, as `bench/claims/heldout2/fetch.sh
    /// DIR` downloads it (`heldout2-quotes.tsv`, `heldout2-names.tsv`),
    /// labelled after the rules were written and never used to tune them.
    #[arg(long)]
    heldout2: Option<PathBuf>,
    /// Also list every labelled quotation with a named speaker that gets
    /// no printable speaker (what recall misses).
    #[arg(long)]
    misses: bool,
}

/// Right and wrong counts of one measure on one half.
#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    wrong: usize,
    /// Claims the program made that no label covers.
    unlabelled: usize,
    /// Labelled items a perfect program would claim (for recall).
    wanted: usize,
}

impl Tally {
    fn precision(&self) -> String {
        ratio(self.right, self.right + self.wrong)
    }

    fn recall(&self) -> String {
        ratio(self.right, self.wanted)
    }
}

fn ratio(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_string()
    } else {
        format!("{:.3}", part as f64 / whole as f64)
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let clusters = duc::read(&args.dir)?;
    let quotes = read_tsv(&args.labels.join("duc2003-quotes.tsv"))?;
    let outlook = read_tsv(&args.labels.join("duc2003-outlook.tsv"))?;
    let timeline = read_tsv(&args.labels.join("duc2003-timeline.tsv"))?;

    let mut speakers = [Tally::default(); 2];
    let mut next = [Tally::default(); 2];
    let mut dates = [Tally::default(); 2];
    let mut events = [Tally::default(); 2];
    let mut errors = Vec::new();
    let mut misses = Vec::new();
    for (index, cluster) in clusters.iter().enumerate() {
        let half = index % 2;
        let articles: Vec<Article> = cluster.docs.iter().map(|d| d.to_article()).collect();
        score_speakers(
            &cluster.name,
            &articles,
            rows_of(&quotes, &cluster.name),
            &mut speakers[half],
            &mut errors,
            &mut misses,
        );
        let story = compose(&articles, &ComposeOptions::default())
            .with_context(|| format!("cannot compose {}", cluster.name))?;
        score_outlook(
            &cluster.name,
            &story,
            rows_of(&outlook, &cluster.name),
            &mut next[half],
            &mut errors,
        );
        score_timeline(
            &cluster.name,
            &story,
            rows_of(&timeline, &cluster.name),
            (&mut dates[half], &mut events[half]),
            &mut errors,
        );
    }

    println!(
        "Claims on DUC 2003 ({} clusters; labels in {}; halves: clusters at even / odd positions)\n",
        clusters.len(),
        args.labels.display()
    );
    println!("| measure | half | right | wrong | precision | recall | not labelled | target |");
    println!("|---|---|---:|---:|---:|---:|---:|---|");
    let measures: [(&str, &[Tally; 2], &str); 4] = [
        (
            "speaker of a printable statement",
            &speakers,
            "precision >= 0.98, recall >= 0.6",
        ),
        ("what comes next", &next, "precision >= 0.95"),
        ("timeline date", &dates, "precision >= 0.98"),
        ("timeline event at its date", &events, "-"),
    ];
    for (name, tallies, target) in measures {
        let both = Tally {
            right: tallies[0].right + tallies[1].right,
            wrong: tallies[0].wrong + tallies[1].wrong,
            unlabelled: tallies[0].unlabelled + tallies[1].unlabelled,
            wanted: tallies[0].wanted + tallies[1].wanted,
        };
        for (half, tally) in [("even", &tallies[0]), ("odd", &tallies[1]), ("all", &both)] {
            let recall = if tally.wanted > 0 {
                tally.recall()
            } else {
                "-".to_string()
            };
            println!(
                "| {name} | {half} | {} | {} | {} | {recall} | {} | {target} |",
                tally.right,
                tally.wrong,
                tally.precision(),
                tally.unlabelled
            );
        }
    }
    match &args.heldout {
        Some(dir) => {
            let stories = report_heldout(
                &args.labels,
                "heldout",
                "held-out news",
                dir,
                (&mut errors, &mut misses),
            )?;
            // The seeded sample of cue sentences, not the rows added later
            // for printed items.
            let sample: Vec<_> = stories
                .outlook_labels
                .iter()
                .filter(|l| l["origin"] == "cue")
                .collect();
            let outlook_right = sample.iter().filter(|l| l["label"] == "right").count();
            println!(
                "\nHeld-out \"What comes next\": of a seeded sample of {} sentences with a future cue (one per article), {outlook_right} are right outlook items; the stories printed {} items.",
                sample.len(),
                stories.next.right + stories.next.wrong + stories.next.unlabelled
            );
        }
        None => println!(
            "\nHeld-out news: not measured (bench/claims/heldout/fetch.sh DIR, then --heldout DIR)."
        ),
    }
    if let Some(dir) = &args.heldout2 {
        report_heldout(
            &args.labels,
            "heldout2",
            "fresh held-out news",
            dir,
            (&mut errors, &mut misses),
        )?;
    }
    let typing_errors = names::report(&args.ecbplus)?;
    if let Some(dir) = &args.heldout {
        let labels = read_tsv(&args.labels.join("heldout-names.tsv"))?;
        names::report_heldout("held-out news", dir, &labels, &mut errors)?;
    }
    if let Some(dir) = &args.heldout2 {
        let labels = read_tsv(&args.labels.join("heldout2-names.tsv"))?;
        names::report_heldout("fresh held-out news", dir, &labels, &mut errors)?;
    }
    if args.errors {
        println!("\nWrong claims, and claims no label covers:");
        for error in &errors {
            println!("- {error}");
        }
        if !typing_errors.is_empty() {
            println!(
                "\nName typing errors (wrong kinds, then names left other; {} of {}):",
                typing_errors.len().min(40),
                typing_errors.len()
            );
            for error in typing_errors.iter().take(40) {
                println!("- {error}");
            }
        }
    }
    if args.misses {
        println!("\nLabelled speakers not printed:");
        for miss in &misses {
            println!("- {miss}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One held-out set's rows: its speakers (`<prefix>-quotes.tsv`), and
/// the "What comes next" and timeline items its stories print
/// (`<prefix>-outlook.tsv`, `<prefix>-timeline.tsv`; items no file labels
/// count as not labelled).
fn report_heldout(
    label_dir: &Path,
    prefix: &str,
    set: &str,
    dir: &Path,
    (errors, misses): (&mut Vec<String>, &mut Vec<String>),
) -> Result<HeldOutStories> {
    let optional = |name: String| -> Result<Vec<HashMap<String, String>>> {
        let path = label_dir.join(name);
        if path.exists() {
            read_tsv(&path)
        } else {
            Ok(Vec::new())
        }
    };
    let labels = read_tsv(&label_dir.join(format!("{prefix}-quotes.tsv")))?;
    let mut stories = HeldOutStories {
        outlook_labels: optional(format!("{prefix}-outlook.tsv"))?,
        timeline_labels: optional(format!("{prefix}-timeline.tsv"))?,
        next: Tally::default(),
        dates: Tally::default(),
        events: Tally::default(),
    };
    let mut found = Vec::new();
    let tally = score_heldout(dir, &labels, &mut stories, errors, &mut found)?;
    misses.extend(found.into_iter().map(|m| m.replacen("held-out", set, 1)));
    println!(
        "| speaker of a printable statement | {set} ({} articles outside ../shared) | {} | {} | {} | {} | {} | precision >= 0.98, recall >= 0.6 |",
        labels.iter().map(|l| &l["path"]).collect::<std::collections::BTreeSet<_>>().len(),
        tally.right,
        tally.wrong,
        tally.precision(),
        tally.recall(),
        tally.unlabelled
    );
    for (name, t, target) in [
        ("what comes next", &stories.next, "precision >= 0.95"),
        ("timeline date", &stories.dates, "precision >= 0.98"),
        ("timeline event at its date", &stories.events, "-"),
    ] {
        println!(
            "| {name} | {set} | {} | {} | {} | - | {} | {target} |",
            t.right,
            t.wrong,
            t.precision(),
            t.unlabelled
        );
    }
    Ok(stories)
}

/// Speakers of the held-out articles' quotations: each file extracted as
/// `digest` would read it, one article to a story.
fn score_heldout(
    dir: &Path,
    labels: &[HashMap<String, String>],
    stories: &mut HeldOutStories,
    errors: &mut Vec<String>,
    misses: &mut Vec<String>,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let paths: std::collections::BTreeSet<&String> = labels.iter().map(|l| &l["path"]).collect();
    for path in paths {
        let file = dir.join(path);
        let rows_of_path = labels.iter().filter(|l| &l["path"] == path);
        let article = match read_heldout(dir, path)? {
            Ok(article) => article,
            Err(error) => {
                // Not extracted: its named speakers count as missed.
                for label in rows_of_path {
                    if matches!(label["speaker_type"].as_str(), "person" | "organisation") {
                        tally.wanted += 1;
                        misses.push(format!(
                            "held-out {path} \"{}…\": not extracted ({error})",
                            label["opening"]
                        ));
                    }
                }
                continue;
            }
        };
        let rows: Vec<HashMap<String, String>> = labels
            .iter()
            .filter(|l| &l["path"] == path)
            .map(|l| {
                let mut row = l.clone();
                row.insert("docno".into(), path.clone());
                row
            })
            .collect();
        score_speakers(
            "held-out",
            std::slice::from_ref(&article),
            rows.iter(),
            &mut tally,
            errors,
            misses,
        );
        let story = compose(&[article], &ComposeOptions::default())
            .with_context(|| format!("cannot compose {}", file.display()))?;
        score_outlook(
            path,
            &story,
            rows_of(&stories.outlook_labels, path),
            &mut stories.next,
            errors,
        );
        score_timeline(
            path,
            &story,
            rows_of(&stories.timeline_labels, path),
            (&mut stories.dates, &mut stories.events),
            errors,
        );
    }
    Ok(tally)
}

/// A held-out article as `digest` reads it: `.txt` as text, the rest as
/// HTML. `Err` when the file cannot be read (fetch it first), `Ok(Err)`
/// when it yields no article.
pub(crate) fn read_heldout(
    dir: &Path,
    path: &str,
) -> Result<std::result::Result<Article, newsdesk_extract::ExtractError>> {
    let file = dir.join(path);
    let bytes = std::fs::read(&file)
        .with_context(|| format!("cannot read the held-out article {}", file.display()))?;
    let format = if path.ends_with(".txt") {
        newsdesk_extract::Format::Text
    } else {
        newsdesk_extract::Format::Html
    };
    Ok(newsdesk_extract::extract(&bytes, format, path, None))
}

/// The held-out articles' stories: their "What comes next" and timeline
/// items against `heldout-outlook.tsv` and `heldout-timeline.tsv`.
struct HeldOutStories {
    outlook_labels: Vec<HashMap<String, String>>,
    timeline_labels: Vec<HashMap<String, String>>,
    next: Tally,
    dates: Tally,
    events: Tally,
}

/// A label file as rows of named columns.
fn read_tsv(path: &Path) -> Result<Vec<HashMap<String, String>>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the labels {}", path.display()))?;
    let mut lines = text.lines();
    let Some(header) = lines.next() else {
        bail!("{} is empty", path.display());
    };
    let columns: Vec<&str> = header.split('\t').collect();
    let mut rows = Vec::new();
    for (number, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns.len() {
            bail!(
                "{} line {}: {} fields, the header has {}",
                path.display(),
                number + 2,
                fields.len(),
                columns.len()
            );
        }
        rows.push(
            columns
                .iter()
                .zip(fields)
                .map(|(c, f)| (c.to_string(), f.to_string()))
                .collect(),
        );
    }
    Ok(rows)
}

fn rows_of<'a>(
    rows: &'a [HashMap<String, String>],
    cluster: &'a str,
) -> impl Iterator<Item = &'a HashMap<String, String>> + 'a {
    rows.iter().filter(move |row| row["cluster"] == cluster)
}

/// The first `n` words of a text, lower-cased, letters and digits only:
/// how a label's opening is matched to what the program read, whatever
/// quotation marks, dashes and spacing either side used.
fn opening(text: &str, n: usize) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// The first eight words of a text as written, to show an item.
fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_opening(label: &str, text: &str) -> bool {
    let wanted = opening(label, 8);
    !wanted.is_empty() && opening(text, wanted.len()) == wanted
}

/// Words of a name that identify the person: no titles, lower-cased.
fn name_words(name: &str) -> Vec<String> {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "president",
        "minister",
        "prime",
        "the",
        "of",
        "pope",
        "prince",
        "king",
        "queen",
        "sir",
        "lord",
        "judge",
        "chief",
    ];
    name.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_end_matches("'s").to_lowercase())
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()))
        .collect()
}

/// Whether a printed speaker is the labelled one. A person or
/// organisation: the printed name (before any comma, so without the role
/// that follows it) ends with the label's last word, and the words just
/// before it, where both have one, agree ("Ed" and "Edward" do, "Paul" and
/// "Ed" do not); titles and roles before the name are allowed ("St. Paul
/// Mayor Norm Coleman" is Norm Coleman). An unnamed speaker: a printed
/// description whose words are all in the label's. A quotation that is no
/// speech: nothing matches.
fn speaker_matches(printed: &str, label: &HashMap<String, String>) -> bool {
    let name_of = |text: &str| name_words(text.split(',').next().unwrap_or(text));
    let printed_words = name_of(printed);
    if printed_words.is_empty() {
        return false;
    }
    match label["speaker_type"].as_str() {
        "person" | "organisation" => {
            let wanted = name_of(&label["speaker"]);
            let (Some(surname), Some(last)) = (wanted.last(), printed_words.last()) else {
                return false;
            };
            let agree = |a: &str, b: &str| a.starts_with(b) || b.starts_with(a);
            last == surname
                && match (
                    wanted.len().checked_sub(2).map(|k| &wanted[k]),
                    printed_words
                        .len()
                        .checked_sub(2)
                        .map(|k| &printed_words[k]),
                ) {
                    (Some(given), Some(printed_given)) => agree(given, printed_given),
                    _ => true,
                }
        }
        "unnamed" => {
            let described = name_words(&label["description"]);
            printed_words.iter().all(|w| described.contains(w))
        }
        _ => false,
    }
}

fn score_speakers<'a>(
    set: &str,
    articles: &[Article],
    labels: impl Iterator<Item = &'a HashMap<String, String>>,
    tally: &mut Tally,
    errors: &mut Vec<String>,
    misses: &mut Vec<String>,
) {
    let found = attributions(articles);
    for label in labels {
        let named = matches!(label["speaker_type"].as_str(), "person" | "organisation");
        if named {
            tally.wanted += 1;
        }
        let Some(source) = articles.iter().position(|a| a.origin == label["docno"]) else {
            continue;
        };
        let text = &articles[source].text;
        let missed = format!(
            "{} {} \"{}…\": labelled {:?}",
            set, label["docno"], label["opening"], label["speaker"]
        );
        let Some(attribution) = found.iter().find(|a| {
            a.source == source && same_opening(&label["opening"], &text[a.quote.range()])
        }) else {
            if named {
                misses.push(format!("{missed}, quotation not found"));
            }
            continue;
        };
        let Some(speaker) = attribution
            .speaker
            .as_deref()
            .filter(|_| attribution.printable)
        else {
            if named {
                let why = match (&attribution.speaker, attribution.doubt) {
                    (Some(_), _) => "not printable".to_string(),
                    (None, Some(doubt)) => format!("no speaker ({doubt:?})"),
                    (None, None) => "no speaker".to_string(),
                };
                misses.push(format!("{missed}, {why}"));
            }
            continue;
        };
        if speaker_matches(speaker, label) {
            tally.right += 1;
        } else {
            tally.wrong += 1;
            errors.push(format!(
                "{} {} \"{}…\": printed {speaker:?}, labelled {:?} ({})",
                set, label["docno"], label["opening"], label["speaker"], label["speaker_type"]
            ));
        }
    }
}

fn score_outlook<'a>(
    set: &str,
    story: &Story,
    labels: impl Iterator<Item = &'a HashMap<String, String>>,
    tally: &mut Tally,
    errors: &mut Vec<String>,
) {
    let labels: Vec<_> = labels.collect();
    for item in &story.next {
        match labels
            .iter()
            .find(|l| same_opening(&l["opening"], &item.text))
        {
            Some(label) if label["label"] == "right" => tally.right += 1,
            Some(label) => {
                tally.wrong += 1;
                errors.push(format!(
                    "{} what comes next \"{}…\": {}",
                    set, label["opening"], label["category"]
                ));
            }
            None => {
                tally.unlabelled += 1;
                errors.push(format!(
                    "{} what comes next \"{}…\": not labelled",
                    set,
                    first_words(&item.text)
                ));
            }
        }
    }
}

fn score_timeline<'a>(
    set: &str,
    story: &Story,
    labels: impl Iterator<Item = &'a HashMap<String, String>>,
    (dates, events): (&mut Tally, &mut Tally),
    errors: &mut Vec<String>,
) {
    let labels: Vec<_> = labels.collect();
    for entry in &story.timeline {
        let label = labels.iter().find(|l| {
            same_opening(&l["opening"], &entry.sentence.text) && l["expression"] == entry.expression
        });
        let Some(label) = label else {
            dates.unlabelled += 1;
            events.unlabelled += 1;
            errors.push(format!(
                "{} timeline {:?} in \"{}…\": printed {}, not labelled",
                set,
                entry.expression,
                first_words(&entry.sentence.text),
                entry.date
            ));
            continue;
        };
        // Only a certain date counts: "uncertain" is not right. A date the
        // program resolved otherwise than when labelled is right when it is
        // the true date the label gives ("2000-01-03", "1999-12").
        let printed = entry.date.to_string();
        let true_date = label["true_date"].split_whitespace().next().unwrap_or("");
        let date_right = (label["date"] == "right" && label["resolved"] == printed)
            || (label["date"] == "wrong"
                && true_date.len() >= 7
                && true_date.starts_with(|c: char| c.is_ascii_digit())
                && printed.starts_with(true_date));
        if date_right {
            dates.right += 1;
        } else {
            dates.wrong += 1;
            errors.push(format!(
                "{} timeline {:?} in \"{}…\": printed {printed}, labelled {} {}",
                set, entry.expression, label["opening"], label["date"], label["true_date"]
            ));
        }
        if date_right && label["event"] == "right" {
            events.right += 1;
        } else {
            events.wrong += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(speaker: &str, kind: &str, description: &str) -> HashMap<String, String> {
        [
            ("speaker", speaker),
            ("speaker_type", kind),
            ("description", description),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn a_printed_speaker_matches_the_label_by_name_not_by_title() {
        let hoffman = label("Ralph Hoffman", "person", "researcher");
        assert!(speaker_matches("Hoffman", &hoffman));
        assert!(speaker_matches(
            "Dr. Ralph Hoffman, a researcher at Yale",
            &hoffman
        ));
        assert!(speaker_matches("Yale psychiatrist Ralph Hoffman", &hoffman));
        assert!(!speaker_matches("Mark Hoffman", &hoffman));
        assert!(!speaker_matches("Kuala Lumpur", &hoffman));
        assert!(!speaker_matches("Hoffman told reporters", &hoffman));
        let weiler = label("Ed Weiler", "person", "");
        assert!(speaker_matches("Edward Weiler", &weiler));
        assert!(!speaker_matches("Paul Weiler", &weiler));
        let official = label("", "unnamed", "a senior official who met with Moscow");
        assert!(speaker_matches("a senior official", &official));
        assert!(!speaker_matches("Vladimir Putin", &official));
        assert!(!speaker_matches("anyone", &label("", "none", "")));
    }

    #[test]
    fn openings_match_whatever_the_quotation_marks() {
        assert!(same_opening(
            "We need to do much more",
            "\u{201c}We need to do much more research on this,\u{201d}"
        ));
        assert!(!same_opening(
            "We need to do much more",
            "We need to do less"
        ));
        assert!(!same_opening("", "anything"));
    }
}
