//! `newsdesk stories list|show`: the stories the continuous job wrote.

use anyhow::{bail, Context, Result};
use newsdesk_render::{render, Format};
use newsdesk_store::{Location, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, global = true, default_value = "newsdesk.sqlite", help = crate::STORE_HELP)]
    store: PathBuf,
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Stories, most recently updated first.
    List {
        /// List at most this many stories.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Skip this many of the most recently updated stories first.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// text or json.
        #[arg(long, short, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// One story as written: its latest version, or the one asked for.
    Show {
        /// The story's number, as `stories list` shows it.
        id: i64,
        /// Which version to show, from 1 (default: the latest).
        #[arg(long)]
        version: Option<u32>,
        /// md, html, json or text.
        #[arg(long, short, default_value = "md")]
        format: Format,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ListFormat {
    /// One story a line: number, date, articles, versions, headline.
    Text,
    /// A JSON array of the stories.
    Json,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let location = Location::from_path(&args.store);
    if !location.exists() {
        bail!(
            "no store at {} (`newsdesk run` makes one)",
            location.describe()
        );
    }
    let store = newsdesk_store::open(&location)
        .with_context(|| format!("cannot open the store {}", location.describe()))?;
    let store = store.as_ref();
    match args.action {
        Action::List {
            limit,
            offset,
            format,
        } => list(store, limit, offset, format),
        Action::Show {
            id,
            version,
            format,
        } => show(store, id, version, format),
    }
}

fn list(store: &dyn Store, limit: usize, offset: usize, format: ListFormat) -> Result<ExitCode> {
    let stories = store.stories(limit, offset)?;
    let mut out = String::new();
    match format {
        ListFormat::Json => {
            let rows: Vec<_> = stories
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "id": s.id,
                        "headline": s.headline,
                        "date": s.date.map(|d| d.to_string()),
                        "articles": s.article_count,
                        "versions": s.versions,
                        "updated_at": s.updated_at.to_rfc3339(),
                    })
                })
                .collect();
            out.push_str(&serde_json::to_string_pretty(&rows)?);
            out.push('\n');
        }
        ListFormat::Text => {
            for s in &stories {
                out.push_str(&format!(
                    "{:>6}  {}  {:>3} articles  v{:<3} {}\n",
                    s.id,
                    s.date
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "undated   ".to_string()),
                    s.article_count,
                    s.versions,
                    s.headline.as_deref().unwrap_or("(not written yet)")
                ));
            }
            if stories.is_empty() {
                out.push_str("no stories yet\n");
            }
        }
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn show(store: &dyn Store, id: i64, version: Option<u32>, format: Format) -> Result<ExitCode> {
    let versions = store.story_versions(id)?;
    let number = match version {
        Some(number) => number,
        None => match versions.last() {
            Some(latest) => latest.version,
            None => bail!("no story {id} has been written (see `newsdesk stories list`)"),
        },
    };
    let Some(stored) = store.story_version(id, number)? else {
        bail!(
            "story {id} has no version {number} (it has {})",
            versions.len()
        );
    };
    let story: newsdesk_model::Story = serde_json::from_str(&stored.story_json)
        .with_context(|| format!("story {id} version {number} is damaged in the store"))?;
    print!("{}", render(&story, format));
    Ok(ExitCode::SUCCESS)
}
