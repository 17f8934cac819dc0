//! The site as static files: the same pages, linked relatively, so they
//! work from any folder on any static host (or straight from disk).

use crate::links::Links;
use crate::server::{SiteOptions, SITE_CSS, SITE_JS};
use crate::state::StorePool;
use crate::view::{self, FrontPage};
use crate::{api, atom, pages, WebError};
use newsdesk_store::StoryId;
use std::path::{Path, PathBuf};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub stories: usize,
    pub front_pages: usize,
    pub files: usize,
}

struct Writer {
    dir: PathBuf,
    files: usize,
}

impl Writer {
    fn write(&mut self, relative: &str, contents: &[u8]) -> Result<(), WebError> {
        let path = self.dir.join(relative);
        let fail = |source| WebError::Write {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        std::fs::write(&path, contents).map_err(fail)?;
        self.files += 1;
        Ok(())
    }
}

/// Writes every page of the site for the store at `store_path` into
/// `dir`: `index.html` and `page-N.html`, `stories/ID.html`,
/// `sources.html`, `feed.atom`, `api/stories.json`, `api/stories/ID.json`,
/// `openapi.json` and `static/`. Search needs the server, so the exported
/// front page has no search box.
pub fn export_site(
    store_path: &Path,
    dir: &Path,
    options: &SiteOptions,
) -> Result<ExportSummary, WebError> {
    let base_url = atom::with_slash(options.base_url.as_deref().unwrap_or("http://localhost/"));
    let pool = StorePool::open(store_path.to_path_buf())?;
    let mut out = Writer {
        dir: dir.to_path_buf(),
        files: 0,
    };
    let top = Links::exported(0);
    let nested = Links::exported(1);
    let mut summary = ExportSummary {
        stories: 0,
        front_pages: 0,
        files: 0,
    };
    let mut first_page: Option<FrontPage> = None;
    let mut all_cards = Vec::new();
    let mut number = 1;
    loop {
        let front = pool.run(|store| view::front_page(store, number, None))?;
        let name = if number == 1 {
            "index.html".to_string()
        } else {
            format!("page-{number}.html")
        };
        out.write(
            &name,
            pages::front_page(&front, &top).into_string().as_bytes(),
        )?;
        summary.front_pages += 1;
        all_cards.extend(front.cards.iter().cloned());
        let more = front.has_next;
        if number == 1 {
            first_page = Some(front);
        }
        if !more {
            break;
        }
        number += 1;
    }
    for card in &all_cards {
        let Some(view) = pool.run(|store| view::story_view(store, card.id))? else {
            continue;
        };
        out.write(
            &format!("stories/{}.html", card.id),
            pages::story_page(&view, &nested).into_string().as_bytes(),
        )?;
        out.write(
            &format!("api/stories/{}.json", card.id),
            api::story_json(&view, &base_url).to_string().as_bytes(),
        )?;
        summary.stories += 1;
    }
    // A merged story's address leads on to the story it became.
    let exported: std::collections::HashSet<StoryId> =
        all_cards.iter().map(|card| card.id).collect();
    for gone in pool.run(|store| Ok(store.merged_stories()?))? {
        let Some(into) = pool.run(|store| Ok(store.merged_into(gone)?))? else {
            continue;
        };
        if exported.contains(&into) {
            out.write(
                &format!("stories/{gone}.html"),
                pages::moved_page(into, &nested).into_string().as_bytes(),
            )?;
        }
    }
    let feeds = pool.run(|store| Ok(store.feeds()?))?;
    out.write(
        "sources.html",
        pages::sources_page(&feeds, &top).into_string().as_bytes(),
    )?;
    let first_page = first_page.expect("the loop runs at least once");
    out.write(
        "feed.atom",
        atom::feed(&first_page.cards, &base_url).as_bytes(),
    )?;
    out.write(
        "api/stories.json",
        api::stories_json(&first_page, &base_url)
            .to_string()
            .as_bytes(),
    )?;
    out.write("openapi.json", api::openapi().to_string().as_bytes())?;
    out.write("static/site.css", SITE_CSS.as_bytes())?;
    out.write("static/site.js", SITE_JS.as_bytes())?;
    summary.files = out.files;
    Ok(summary)
}
