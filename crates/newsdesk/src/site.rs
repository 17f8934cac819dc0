//! `newsdesk serve` and `newsdesk export --site`: the command-line side of
//! the `newsdesk-web` crate.

use anyhow::{bail, Context, Result};
use newsdesk_web::SiteOptions;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "newsdesk.sqlite", help = crate::STORE_HELP)]
    pub store: PathBuf,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// The site's public address, for permalinks in the feed and the API
    /// (default: http:// and the listening address).
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The folder to write the site into (created if needed).
    #[arg(long)]
    pub site: PathBuf,
    #[arg(long, default_value = "newsdesk.sqlite", help = crate::STORE_HELP)]
    pub store: PathBuf,
    /// The public address the files will be served from, for permalinks
    /// in the Atom feed.
    #[arg(long, default_value = "http://localhost/")]
    pub base_url: String,
}

/// Serving or exporting an empty store made by a typo helps nobody.
fn existing_store(path: &Path) -> Result<()> {
    let location = newsdesk_store::Location::from_path(path);
    if !location.exists() {
        bail!(
            "no store at {} (create one with `newsdesk feeds add` or `newsdesk run`)",
            location.describe()
        );
    }
    Ok(())
}

pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    existing_store(&args.store)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        // Ctrl-C or SIGTERM: stop taking connections, finish the answers
        // under way, exit 0 (as `run` does). Watched before the address is
        // printed, so a signal sent once it is seen is handled.
        use tokio::signal::unix::{signal, SignalKind};
        let mut terminate = signal(SignalKind::terminate()).context("cannot watch SIGTERM")?;
        let mut interrupt = signal(SignalKind::interrupt()).context("cannot watch SIGINT")?;
        let listener = tokio::net::TcpListener::bind(&args.listen)
            .await
            .with_context(|| format!("cannot listen on {}", args.listen))?;
        let address = listener.local_addr()?;
        eprintln!(
            "newsdesk: serving {} on http://{address}/",
            args.store.display()
        );
        let shutdown = async move {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = interrupt.recv() => {}
            }
            // Standard error may be closed by now: no panic for that.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "newsdesk: stopping the site");
        };
        let options = SiteOptions {
            base_url: args.base_url,
            ..SiteOptions::default()
        };
        newsdesk_web::serve(args.store, listener, options, shutdown)
            .await
            .context("the site stopped")
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> Result<ExitCode> {
    existing_store(&args.store)?;
    let options = SiteOptions {
        base_url: Some(args.base_url),
        ..SiteOptions::default()
    };
    let summary = newsdesk_web::export_site(&args.store, &args.site, &options)
        .with_context(|| format!("cannot export the site to {}", args.site.display()))?;
    eprintln!(
        "newsdesk: wrote {} files ({} stories, {} front pages) to {}",
        summary.files,
        summary.stories,
        summary.front_pages,
        args.site.display()
    );
    Ok(ExitCode::SUCCESS)
}
