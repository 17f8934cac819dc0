//! `newsdesk bench digest-size`: how long `newsdesk digest` takes on one
//! large text file, by size, for repetitive text (a few sentences said
//! over and over, as a scraper's runaway dump) and for varied text
//! (invented sentences that never repeat). The texts are generated here;
//! each is digested by this very executable, as its own process, so the
//! time is what a user waits.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Sizes to time, in MB.
    #[arg(long, value_delimiter = ',', default_value = "1,2,4,8")]
    pub sizes: Vec<u64>,
    /// Also time `digest` on these files, as they are.
    pub files: Vec<PathBuf>,
    /// Keep the generated files in this folder (default: a temporary
    /// folder, removed at the end).
    #[arg(long, value_name = "DIR")]
    pub keep: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (folder, temporary) = match &args.keep {
        Some(folder) => {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot make {}", folder.display()))?;
            (folder.clone(), false)
        }
        None => (super::temporary_folder("digest-size")?, true),
    };
    println!("newsdesk digest on one text file, by size (seconds, this executable)");
    println!("{:>8}  {:>11}  {:>8}", "size", "repetitive", "varied");
    for &mb in &args.sizes {
        let bytes = mb as usize * 1024 * 1024;
        let repetitive = folder.join(format!("repetitive-{mb}mb.txt"));
        std::fs::write(&repetitive, repetitive_text(bytes))?;
        let varied = folder.join(format!("varied-{mb}mb.txt"));
        std::fs::write(&varied, varied_text(bytes))?;
        let (a, b) = (time_digest(&repetitive)?, time_digest(&varied)?);
        println!("{:>5} MB  {a:>11.2}  {b:>8.2}", mb);
    }
    for file in &args.files {
        let size = std::fs::metadata(file)
            .with_context(|| format!("cannot read {}", file.display()))?
            .len();
        println!(
            "{}: {} in {:.2} s",
            file.display(),
            newsdesk_extract::megabytes(size),
            time_digest(file)?
        );
    }
    if temporary {
        let _ = std::fs::remove_dir_all(&folder);
    }
    Ok(ExitCode::SUCCESS)
}

/// Seconds `newsdesk digest FILE` took; it must succeed.
fn time_digest(file: &Path) -> Result<f64> {
    let started = Instant::now();
    let output = Command::new(std::env::current_exe()?)
        .arg("digest")
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .context("cannot run newsdesk digest")?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        bail!(
            "digest {} failed: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(seconds)
}

const SUBJECTS: &[&str] = &[
    "The city council",
    "The port authority",
    "The transport minister",
    "A spokeswoman for the union",
    "The regional governor",
    "Officials at the ministry",
    "The harbour master",
    "The chief executive of the ferry line",
    "Residents of the old quarter",
    "The opposition leader",
    "A panel of independent engineers",
    "The national weather service",
];
const VERBS: &[&str] = &[
    "said on",
    "announced on",
    "confirmed on",
    "warned on",
    "denied on",
    "estimated on",
    "proposed on",
    "rejected on",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const OBJECTS: &[&str] = &[
    "that repairs to the northern bridge would cost",
    "that the new ferry terminal would employ",
    "that flood defences along the river had absorbed",
    "a budget for the coming year of",
    "that the strike had delayed shipments worth",
    "that the reservoir held",
    "plans for a rail link costing",
    "a settlement with dockworkers worth",
];
const UNITS: &[&str] = &[
    "million dollars",
    "workers",
    "cubic metres of water",
    "tonnes of cargo",
    "households",
    "kilometres of track",
];
const PLACES: &[&str] = &[
    "in Valmora",
    "near the Kessary terminal",
    "across the eastern district",
    "along the coast road",
    "in the capital",
    "at the old shipyard",
    "beside the cathedral square",
    "on the northern ring road",
];

/// A small deterministic generator (xorshift), so every run digests the
/// same text.
struct Dice(u64);

impl Dice {
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        words[(self.0 % words.len() as u64) as usize]
    }

    fn number(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn sentence(dice: &mut Dice) -> String {
    format!(
        "{} {} {} {} {} {}.",
        dice.pick(SUBJECTS),
        dice.pick(VERBS),
        dice.pick(DAYS),
        dice.pick(OBJECTS),
        10 + dice.number(99_990),
        format_args!("{} {}", dice.pick(UNITS), dice.pick(PLACES)),
    )
}

/// Paragraphs of invented sentences, each different, up to `bytes`.
pub fn varied_text(bytes: usize) -> String {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    paragraphs(bytes, || sentence(&mut dice))
}

/// An invented news story, with the names, pronouns and quotations of
/// one: what a repetitive dump says over and over.
const STORY: [&str; 12] = [
    "Marta Ilves, the mayor of Valmora, said on Monday that the harbour plan would be put to a vote next week.",
    "She said the council had studied the costs for two years.",
    "\"We cannot wait for another winter of floods,\" Ilves told reporters outside the town hall.",
    "Opposition councillor Tomas Brenner said the plan was too expensive for a town of 40,000 people.",
    "He warned that property taxes would rise by as much as 12 percent.",
    "The plan would raise the sea wall by two metres and add three pumping stations.",
    "Engineers estimate the work at 86 million euros, about a third of it paid by the national government.",
    "Residents of the old quarter, which flooded twice last year, have largely backed the plan.",
    "\"My shop was under water for nine days,\" said Ana Rocha, who sells fishing gear near the quay.",
    "The vote is scheduled for Thursday, March 12.",
    "If approved, construction would begin in the spring and last about four years.",
    "Brenner said he would ask for an independent review of the costs before the vote.",
];

/// The sentences of [`STORY`] said over and over, five to a paragraph, up
/// to `bytes`. Paragraph k says the sentences its number's digits in base
/// 12 name, so no two paragraphs are the same (a repeated line would be
/// dropped by extraction, and the text would not stay large).
pub fn repetitive_text(bytes: usize) -> String {
    let said = STORY;
    let mut paragraph = 0usize;
    let mut place = 0;
    paragraphs(bytes, || {
        let digit = paragraph / said.len().pow(place) % said.len();
        place = (place + 1) % 5;
        paragraph += usize::from(place == 0);
        said[digit].to_string()
    })
}

/// A headline, then paragraphs of five sentences from `sentence`, up to
/// `bytes` of text.
fn paragraphs(bytes: usize, mut sentence: impl FnMut() -> String) -> String {
    let mut text = String::from("Valmora council approves harbour plan\n\n");
    while text.len() < bytes {
        for k in 0..5 {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(&sentence());
        }
        text.push_str("\n\n");
    }
    text
}
