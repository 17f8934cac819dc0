//! `newsdesk bench`: benchmarks that print our figures beside the peers'.

pub mod claims;
pub mod cluster;
pub mod digest;
pub mod duc;
pub mod extract;
pub mod rouge;
pub mod web;

use anyhow::Result;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Score article extraction on the article-extraction-benchmark data.
    Extract(extract::Args),
    /// How often statements' speakers, "What comes next" and timeline dates
    /// are right, on hand-made labels of DUC 2003 (bench/claims).
    Claims(claims::Args),
    /// Story detection quality on DUC clusters, and throughput.
    Cluster(cluster::Args),
    /// Score brief summaries with ROUGE on DUC-style data.
    Rouge(rouge::Args),
    /// The site's story page under wrk, beside a static file server.
    Web(web::Args),
    /// `digest` on one large text file by size: repetitive and varied text.
    DigestSize(digest::Args),
}

pub fn run(command: BenchCommand) -> Result<ExitCode> {
    match command {
        BenchCommand::Claims(args) => claims::run(args),
        BenchCommand::Cluster(args) => cluster::run(args),
        BenchCommand::Extract(args) => extract::run(args),
        BenchCommand::Rouge(args) => rouge::run(args),
        BenchCommand::Web(args) => web::run(args),
        BenchCommand::DigestSize(args) => digest::run(args),
    }
}

/// A fresh folder under the system's temporary directory, for one bench.
fn temporary_folder(bench: &str) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("newsdesk-bench-{bench}-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
