//! `newsdesk bench web`: requests per second and p99 latency of the site's
//! story page under `wrk`, beside the same page as a static file served
//! by Python's `http.server` (the peer: no application at all).
//!
//! The story is written from ten articles of one DUC 2003 cluster, in two
//! versions (six articles, then ten), into a fresh store; the site is this
//! very executable's `serve`, started as its own process on 127.0.0.1.

use super::duc;
use anyhow::{bail, Context, Result};
use newsdesk_store::{NewArticle, NewStoryVersion, SqliteStore, Store};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// DUC-style data folder to take the story's articles from.
    #[arg(long, default_value = "../shared/data/duc2003")]
    pub data: PathBuf,
    /// Seconds per wrk run.
    #[arg(long, default_value_t = 10)]
    pub seconds: u32,
    /// Connections wrk keeps open (its -c).
    #[arg(long, default_value_t = 64)]
    pub connections: u32,
    /// wrk's threads (its -t).
    #[arg(long, default_value_t = 2)]
    pub threads: u32,
}

const SOURCES: usize = 10;

/// Kills a child process (a server this bench started) when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// A plain HTTP/1.0 GET on loopback: status and body.
fn get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

fn wait_until_up(port: u16, path: &str) -> Result<()> {
    let started = Instant::now();
    loop {
        if let Ok((200, _)) = get(port, path) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(20) {
            bail!("the server on port {port} did not answer {path}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Writes the ten-source story; returns its id and headline.
fn populate(store_path: &Path, data: &Path) -> Result<(i64, String)> {
    let clusters = duc::read(data)?;
    let cluster = clusters
        .iter()
        .find(|c| c.docs.len() >= SOURCES)
        .context("no cluster with ten documents")?;
    let articles: Vec<_> = cluster.docs[..SOURCES]
        .iter()
        .map(duc::Doc::to_article)
        .collect();
    let mut store = SqliteStore::open(store_path)?;
    let now = chrono::Utc::now();
    let story = store.create_story(now)?;
    let mut headline = String::new();
    let mut stored = 0;
    for count in [6, SOURCES] {
        for article in &articles[stored..count] {
            let id = store
                .insert_article(&NewArticle {
                    article,
                    url: None,
                    feed: None,
                    fetched_at: now,
                    raw_page: None,
                })?
                .id();
            store.assign(story, id, None, now)?;
        }
        stored = count;
        let composed = newsdesk_compose::compose(&articles[..count], &Default::default())?;
        let json = serde_json::to_string(&composed)?;
        store.add_story_version(
            story,
            &NewStoryVersion {
                headline: &composed.headline,
                date: composed.date,
                article_count: count as u32,
                story_json: &json,
            },
            now,
        )?;
        headline = composed.headline;
    }
    eprintln!(
        "story {story}: {SOURCES} articles of DUC cluster {}, 2 versions",
        cluster.name
    );
    Ok((story, headline))
}

struct Figures {
    requests_per_second: f64,
    p99: String,
    errors: bool,
}

fn wrk(args: &Args, url: &str) -> Result<Figures> {
    let command = format!(
        "wrk -t{} -c{} -d{}s --latency {url}",
        args.threads, args.connections, args.seconds
    );
    println!("$ {command}");
    let output = Command::new("wrk")
        .args([
            format!("-t{}", args.threads),
            format!("-c{}", args.connections),
            format!("-d{}s", args.seconds),
            "--latency".to_string(),
            url.to_string(),
        ])
        .output()
        .context("cannot run wrk (Debian package wrk)")?;
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    print!("{text}");
    if !output.status.success() {
        bail!("wrk failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    let requests_per_second = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .context("wrk printed no Requests/sec")?;
    let p99 = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("99%"))
        .map(|v| v.trim().to_string())
        .context("wrk printed no 99% latency")?;
    Ok(Figures {
        requests_per_second,
        p99,
        errors: text.contains("Non-2xx") || text.contains("Socket errors"),
    })
}

pub fn run(args: Args) -> Result<ExitCode> {
    if !args.data.is_dir() {
        bail!(
            "no benchmark data at {} (the DUC 2003 folder in ../shared/data)",
            args.data.display()
        );
    }
    let dir = super::temporary_folder("web")?;
    let store_path = dir.join("newsdesk.sqlite");
    let (story, headline) = populate(&store_path, &args.data)?;
    let exe = std::env::current_exe()?;
    let port = free_port()?;
    let _server = Running(
        Command::new(&exe)
            .args(["serve", "--store"])
            .arg(&store_path)
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("cannot start newsdesk serve")?,
    );
    let page = format!("/stories/{story}");
    wait_until_up(port, &page)?;
    let (_, body) = get(port, &page)?;
    let escaped = headline.replace('&', "&amp;").replace('<', "&lt;");
    if !body.contains(&escaped) {
        bail!("the story page does not show the story's headline");
    }
    println!(
        "load before the runs: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!("\n== newsdesk serve: story page ({} bytes)", body.len());
    let ours = wrk(&args, &format!("http://127.0.0.1:{port}{page}"))?;
    println!("\n== newsdesk serve: front page (reads the store on every request)");
    let front = wrk(&args, &format!("http://127.0.0.1:{port}/"))?;

    // The peer: the same story page, exported, as a file from http.server.
    let site = dir.join("site");
    let status = Command::new(&exe)
        .args(["export", "--site"])
        .arg(&site)
        .arg("--store")
        .arg(&store_path)
        .stderr(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("newsdesk export failed");
    }
    let peer_port = free_port()?;
    let peer = Command::new("python3")
        .args(["-m", "http.server", "--bind", "127.0.0.1"])
        .arg(peer_port.to_string())
        .current_dir(&site)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let peer_figures = match peer {
        Ok(child) => {
            let _peer = Running(child);
            let path = format!("/stories/{story}.html");
            wait_until_up(peer_port, &path)?;
            println!("\n== peer: python3 -m http.server, the exported story page as a file");
            Some(wrk(&args, &format!("http://127.0.0.1:{peer_port}{path}"))?)
        }
        Err(error) => {
            println!("\n== peer: python3 not runnable ({error}); no peer figures");
            None
        }
    };
    println!(
        "\nload after the runs: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!("\n| server | page | requests/s | p99 latency |");
    println!("|---|---|---:|---:|");
    println!(
        "| newsdesk serve | story ({SOURCES} sources) | {:.0} | {} |",
        ours.requests_per_second, ours.p99
    );
    println!(
        "| newsdesk serve | front page | {:.0} | {} |",
        front.requests_per_second, front.p99
    );
    if let Some(peer) = &peer_figures {
        println!(
            "| python3 http.server (peer) | exported story file | {:.0} | {} |",
            peer.requests_per_second, peer.p99
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    if ours.errors || front.errors {
        eprintln!("newsdesk: wrk saw errors or non-2xx answers");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
