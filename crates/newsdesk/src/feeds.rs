//! `newsdesk feeds`: managing the sources the continuous job watches.

use anyhow::{Context, Result};
use newsdesk_feeds::{default_feeds, read_opml, validate_feed_url, write_opml, Subscription};
use newsdesk_store::{Added, Feed, Location, Store, Timestamp};
use std::path::{Path, PathBuf};
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
    /// Watch a source: a feed (RSS, Atom or JSON Feed) or a single article
    /// by its http(s) URL, or a local folder of HTML, text and newswire
    /// files.
    Add {
        /// The feed's or article's http(s) URL, or the folder's path.
        url: String,
        /// A name to show instead of the URL.
        #[arg(long)]
        title: Option<String>,
    },
    /// Stop watching a feed; the articles it brought stay.
    Remove {
        /// The URL or folder path, as given to `feeds add` or as `feeds list`
        /// shows it.
        url: String,
    },
    /// Show each feed with its health: articles, last fetch, status, error.
    List {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Watch every feed listed in an OPML file (folders are flattened).
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Write the watched feeds as OPML, to FILE or standard output.
    Export {
        /// The OPML file to write (default: standard output).
        file: Option<PathBuf>,
    },
    /// Watch the built-in list of major outlets' world-news feeds.
    Defaults,
}

#[derive(clap::ValueEnum, Clone, Copy)]
enum ListFormat {
    /// Each feed with its health, one field a line.
    Text,
    /// A JSON array of the feeds.
    Json,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let location = Location::from_path(&args.store);
    let mut store = newsdesk_store::open(&location)
        .with_context(|| format!("cannot open the store {}", location.describe()))?;
    let store: &mut dyn Store = store.as_mut();
    let now = chrono::Utc::now();
    match args.action {
        Action::Add { url, title } => add(store, &url, title.as_deref(), now),
        Action::Remove { url } => remove(store, &url, &args.store),
        Action::List { format } => list(store, format),
        Action::Import { file } => import(store, &file, now),
        Action::Export { file } => export(store, file.as_deref()),
        Action::Defaults => defaults(store, now),
    }
}

fn add(store: &mut dyn Store, url: &str, title: Option<&str>, now: Timestamp) -> Result<ExitCode> {
    let url = crate::run::source_url(url)?;
    let title = title.map(str::trim).filter(|title| !title.is_empty());
    match store.add_feed(&url, title, now)? {
        Added::New(_) => println!("added {url}"),
        Added::Existing(_) => println!("already watched: {url}"),
    }
    warn_if_refused(&url, &allowed_addresses());
    Ok(ExitCode::SUCCESS)
}

/// The address ranges the configuration in the working directory allows
/// fetching from although they are not public (none when it has none or
/// cannot be read: the warning below then errs on the side of saying so).
fn allowed_addresses() -> Vec<ipnet::IpNet> {
    crate::config::Config::load(None)
        .map(|config| config.fetch.allow_addresses)
        .unwrap_or_default()
}

/// A feed on a loopback or private address is refused at every fetch
/// unless the configuration allows its range: say so when it is added.
/// (Only addresses written in the URL, and `localhost`: no name is looked
/// up here.)
fn warn_if_refused(url: &str, allowed: &[ipnet::IpNet]) {
    use std::net::{IpAddr, Ipv4Addr};
    let Ok(parsed) = url::Url::parse(url) else {
        return;
    };
    let ip = match parsed.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        Some(url::Host::Domain(name)) if name == "localhost" || name.ends_with(".localhost") => {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        }
        _ => return,
    };
    let Some(range) = newsdesk_fetch::non_public_range(ip) else {
        return;
    };
    if !allowed.iter().any(|net| net.contains(&ip.to_canonical())) {
        let prefix = if ip.is_ipv4() { 32 } else { 128 };
        eprintln!(
            "newsdesk: warning: {ip} is a {range} address, which `newsdesk run` refuses to fetch from \
             unless fetch.allow_addresses in newsdesk.toml allows it, e.g. allow_addresses = [\"{ip}/{prefix}\"]"
        );
    }
}

fn remove(store: &mut dyn Store, url: &str, store_path: &Path) -> Result<ExitCode> {
    // The canonical form is what `add` stored; the raw text still removes
    // anything stored before validation existed; a folder is known by its
    // path, as it was added.
    let canonical = validate_feed_url(url).unwrap_or_else(|_| url.to_string());
    let mut removed = None;
    for candidate in std::iter::once(canonical.clone())
        .chain((canonical != url).then(|| url.to_string()))
        .chain(crate::run::folder_urls(url))
    {
        if store.remove_feed(&candidate)? {
            removed = Some(candidate);
            break;
        }
    }
    if let Some(removed) = removed {
        println!("removed {removed}");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "newsdesk: no feed {url} in {}; `newsdesk feeds list` shows them",
            store_path.display()
        );
        Ok(ExitCode::FAILURE)
    }
}

fn list(store: &dyn Store, format: ListFormat) -> Result<ExitCode> {
    let feeds = store.feeds()?;
    match format {
        ListFormat::Json => {
            let rows: Vec<_> = feeds.iter().map(feed_json).collect();
            emit(&(serde_json::to_string_pretty(&rows)? + "\n"))?;
        }
        ListFormat::Text if feeds.is_empty() => {
            println!(
                "no feeds; add one with `newsdesk feeds add URL` or `newsdesk feeds defaults`"
            );
        }
        ListFormat::Text => {
            emit(&feeds.iter().map(feed_text).collect::<String>())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn feed_json(feed: &Feed) -> serde_json::Value {
    serde_json::json!({
        "url": feed.url,
        "title": feed.title,
        "added_at": feed.added_at.to_rfc3339(),
        "article_count": feed.article_count,
        "last_fetched_at": feed.last_fetched_at.map(|at| at.to_rfc3339()),
        "last_status": feed.last_status,
        "last_error": feed.last_error,
        "next_due_at": feed.next_due_at.map(|at| at.to_rfc3339()),
    })
}

fn feed_text(feed: &Feed) -> String {
    let when = |at: Timestamp| at.format("%Y-%m-%d %H:%M UTC").to_string();
    let mut text = format!("{}\n", feed.url);
    text += &format!("    title:      {}\n", feed.title.as_deref().unwrap_or("-"));
    text += &format!("    articles:   {}\n", feed.article_count);
    text += &format!(
        "    last fetch: {}\n",
        feed.last_fetched_at.map_or("never".to_string(), when)
    );
    text += &format!(
        "    status:     {}\n",
        feed.last_status
            .map_or("-".to_string(), |status| status.to_string())
    );
    text += &format!(
        "    last error: {}\n",
        feed.last_error.as_deref().unwrap_or("-")
    );
    text
}

fn import(store: &mut dyn Store, file: &Path, now: Timestamp) -> Result<ExitCode> {
    let name = file.display();
    let read = newsdesk_fetch::local::read_file(file, newsdesk_feeds::MAX_DOCUMENT_BYTES)
        .with_context(|| format!("cannot read {name}"))?;
    let list = read_opml(&read.bytes).with_context(|| format!("{name}"))?;
    // One bad entry loses none of the others: the good ones are added and
    // each bad one is reported on a line of its own.
    let mut skipped = 0;
    for problem in &list.problems {
        eprintln!("newsdesk: {name}: skipping {problem}");
        skipped += 1;
    }
    let mut checked = Vec::new();
    for subscription in list.subscriptions {
        match validate_feed_url(&subscription.url) {
            Ok(url) => checked.push((url, subscription.title)),
            Err(error) => {
                eprintln!("newsdesk: {name}: skipping {:?}: {error}", subscription.url);
                skipped += 1;
            }
        }
    }
    let (new, existing) = add_all(store, &checked, now)?;
    let skipped_note = match skipped {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    println!(
        "imported {} feeds from {name}: {new} new, {existing} already watched{skipped_note}",
        checked.len()
    );
    // Like `digest`: a failure only when nothing in the file was usable.
    if checked.is_empty() && skipped > 0 {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn export(store: &dyn Store, file: Option<&Path>) -> Result<ExitCode> {
    let subscriptions: Vec<_> = store
        .feeds()?
        .into_iter()
        .map(|feed| Subscription {
            url: feed.url,
            title: feed.title,
        })
        .collect();
    let opml = write_opml("newsdesk feeds", &subscriptions);
    match file {
        Some(file) => {
            std::fs::write(file, opml)
                .with_context(|| format!("cannot write {}", file.display()))?;
            println!(
                "exported {} feeds to {}",
                subscriptions.len(),
                file.display()
            );
        }
        None => emit(&opml)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn defaults(store: &mut dyn Store, now: Timestamp) -> Result<ExitCode> {
    let feeds: Vec<_> = default_feeds()
        .iter()
        .map(|feed| (feed.url.to_string(), Some(feed.outlet.to_string())))
        .collect();
    let (new, existing) = add_all(store, &feeds, now)?;
    println!("added {new} default feeds ({existing} already watched)");
    Ok(ExitCode::SUCCESS)
}

/// Writes to standard output; a reader that stops early (`| head`) is not
/// an error worth a panic.
fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(()),
    }
}

/// Adds validated feeds; returns how many were new and how many were there.
fn add_all(
    store: &mut dyn Store,
    feeds: &[(String, Option<String>)],
    now: Timestamp,
) -> Result<(usize, usize)> {
    let (mut new, mut existing) = (0, 0);
    // Read once, not once a feed: a list may hold hundreds.
    let allowed = allowed_addresses();
    for (url, title) in feeds {
        match store.add_feed(url, title.as_deref(), now)? {
            Added::New(_) => new += 1,
            Added::Existing(_) => existing += 1,
        }
        warn_if_refused(url, &allowed);
    }
    Ok((new, existing))
}
