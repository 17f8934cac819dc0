//! The `newsdesk` command line: a thin layer over the library crates.

mod bench;
mod commands;
mod config;
mod feeds;
mod inputs;
mod progress;
mod run;
mod site;
mod stories;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// How every command describes `--store`.
pub const STORE_HELP: &str =
    "The store: a SQLite file (made by `newsdesk run` or `newsdesk feeds`) or a postgres:// URL";

#[derive(Parser)]
#[command(
    name = "newsdesk",
    version,
    about = "Reads the news like an editor's desk: one grounded story from many articles."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write one news story from several articles about it.
    Digest {
        /// Articles: .html/.htm files are read as web pages, newswire SGML
        /// (<DOC> files) as one article per document, anything else as
        /// text; `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output format: md, html, json or text.
        #[arg(long, short, default_value = "md")]
        format: newsdesk_render::Format,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Brief mode: whole sentences until they hold this many words (the
        /// last may run past it).
        #[arg(long)]
        words: Option<usize>,
    },
    /// Show what extraction makes of each input.
    Extract {
        /// Articles, read as `digest` reads them: .html/.htm files as web
        /// pages, newswire SGML as one article per document, anything else
        /// as text; `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output format: json, md or text.
        #[arg(long, short, default_value = "text")]
        format: newsdesk_render::Format,
        /// Also list every dropped part with the reason.
        #[arg(long)]
        explain: bool,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Manage the feeds the continuous job watches.
    Feeds(feeds::Args),
    /// The continuous job: fetch due feeds, keep new articles, group them
    /// into stories and write the stories that changed; until stopped.
    Run(run::RunArgs),
    /// The stories written so far.
    Stories(stories::Args),
    /// Benchmarks: our figures beside the peers', in one run.
    Bench {
        #[command(subcommand)]
        which: bench::BenchCommand,
    },
    /// Serve the site: current stories, their sources, feeds, Atom, JSON API.
    Serve(site::ServeArgs),
    /// Write the site as static files.
    Export(site::ExportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Digest {
            inputs,
            format,
            output,
            words,
        } => commands::digest(&inputs, format, output.as_deref(), words),
        Command::Extract {
            inputs,
            format,
            explain,
            output,
        } => commands::extract(&inputs, format, explain, output.as_deref()),
        Command::Feeds(args) => feeds::run(args),
        Command::Run(args) => run::run(args),
        Command::Stories(args) => stories::run(args),
        Command::Bench { which } => bench::run(which),
        Command::Serve(args) => site::serve(args),
        Command::Export(args) => site::export(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("newsdesk: {error:#}");
            ExitCode::from(2)
        }
    }
}
