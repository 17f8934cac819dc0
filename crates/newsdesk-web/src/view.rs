//! What pages show, read from the store and worked out from stories:
//! cards for the front page, a story with its version history, and the
//! evidence behind each printed sentence.

use crate::WebError;
use chrono::{DateTime, Utc};
use newsdesk_model::{Source, Story, StorySentence};
use newsdesk_store::{Store, StoryId, StorySummary, StoryVersionInfo};
use std::collections::BTreeSet;

/// Stories per front page.
pub const PAGE_SIZE: usize = 20;
/// The longest search query used; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// One story on the front page.
#[derive(Debug, Clone)]
pub struct StoryCard {
    pub id: StoryId,
    pub headline: String,
    pub lead: String,
    pub outlets: usize,
    pub articles: u32,
    pub versions: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A page of the front page (or of search results).
#[derive(Debug, Clone)]
pub struct FrontPage {
    pub cards: Vec<StoryCard>,
    pub page: usize,
    pub has_next: bool,
    pub query: Option<String>,
}

/// A story as its page shows it.
#[derive(Debug, Clone)]
pub struct StoryView {
    pub id: StoryId,
    pub story: Story,
    pub version: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub history: Vec<VersionChange>,
}

/// What one version changed from the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionChange {
    pub version: u32,
    pub at: DateTime<Utc>,
    pub articles: u32,
    pub headline: String,
    pub headline_changed: bool,
    pub sentences_added: usize,
    pub sentences_removed: usize,
    /// Outlets whose articles this version used first.
    pub new_outlets: Vec<String>,
}

/// One cited source sentence behind a printed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence<'a> {
    pub source_id: &'a str,
    pub outlet: &'a str,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    /// The exact source text; `None` when the citation does not fit the
    /// source (a damaged story), which the page says rather than hides.
    pub quote: Option<&'a str>,
    /// The first citation is the text printed; the others corroborate.
    pub printed: bool,
}

pub fn evidence<'a>(story: &'a Story, sentence: &StorySentence) -> Vec<Evidence<'a>> {
    sentence
        .citations
        .iter()
        .enumerate()
        .filter_map(|(index, citation)| {
            let source = story.source(&citation.source)?;
            Some(Evidence {
                source_id: &source.id,
                outlet: &source.outlet,
                title: source.title.as_deref(),
                url: source.url.as_deref(),
                quote: source.text.get(citation.start..citation.end).map(str::trim),
                printed: index == 0,
            })
        })
        .collect()
}

/// The outlets a sentence is attributed to, first (printed) first.
pub fn attribution(story: &Story, sentence: &StorySentence) -> String {
    let outlets = story.outlets_of(sentence);
    match outlets.split_first() {
        None => "source".to_string(),
        Some((first, [])) => (*first).to_string(),
        Some((first, rest)) => format!("{first} +{}", rest.len()),
    }
}

pub fn outlet_count(sources: &[Source]) -> usize {
    sources
        .iter()
        .map(|s| s.outlet.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

pub fn lead_text(story: &Story) -> String {
    story
        .lead
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn parse_story(story: StoryId, version: u32, json: &str) -> Result<Story, WebError> {
    serde_json::from_str(json).map_err(|e| WebError::DamagedStory {
        story,
        version,
        reason: e.to_string(),
    })
}

/// Page `page` (from 1) of the current stories, or of those matching
/// `query`.
pub fn front_page(
    store: &dyn Store,
    page: usize,
    query: Option<&str>,
) -> Result<FrontPage, WebError> {
    let offset = page.saturating_sub(1).saturating_mul(PAGE_SIZE);
    // Far past any store's end (and past what SQLite's signed offsets hold).
    if offset > u32::MAX as usize {
        return Ok(FrontPage {
            cards: Vec::new(),
            page,
            has_next: false,
            query: query.map(str::to_string),
        });
    }
    // One more than a page tells whether there is a next page.
    let summaries = match query {
        Some(query) => store.search_stories(query, PAGE_SIZE + 1, offset)?,
        None => store.stories(PAGE_SIZE + 1, offset)?,
    };
    let has_next = summaries.len() > PAGE_SIZE;
    let cards = summaries
        .into_iter()
        .take(PAGE_SIZE)
        .filter_map(|summary| card(store, summary).transpose())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FrontPage {
        cards,
        page,
        has_next,
        query: query.map(str::to_string),
    })
}

/// A story's card; `None` for a story not written yet.
pub fn card(store: &dyn Store, summary: StorySummary) -> Result<Option<StoryCard>, WebError> {
    if summary.versions == 0 {
        return Ok(None);
    }
    let Some(latest) = store.story_version(summary.id, summary.versions)? else {
        return Ok(None);
    };
    let story = parse_story(summary.id, summary.versions, &latest.story_json)?;
    Ok(Some(StoryCard {
        id: summary.id,
        headline: story.headline.clone(),
        lead: lead_text(&story),
        outlets: outlet_count(&story.sources),
        articles: summary.article_count,
        versions: summary.versions,
        created_at: summary.created_at,
        updated_at: summary.updated_at,
    }))
}

/// The latest version number of a story, `None` when it has none or was
/// merged into another.
pub fn latest_version(store: &dyn Store, id: StoryId) -> Result<Option<u32>, WebError> {
    if store.merged_into(id)?.is_some() {
        return Ok(None);
    }
    Ok(store.story_versions(id)?.last().map(|v| v.version))
}

/// A story with its history; `None` for an unknown or unwritten story, or
/// one merged into another (see [`merged_into`]).
pub fn story_view(store: &dyn Store, id: StoryId) -> Result<Option<StoryView>, WebError> {
    if store.merged_into(id)?.is_some() {
        return Ok(None);
    }
    let infos = store.story_versions(id)?;
    let Some(latest) = infos.last() else {
        return Ok(None);
    };
    let mut stories = Vec::with_capacity(infos.len());
    for info in &infos {
        let Some(stored) = store.story_version(id, info.version)? else {
            continue;
        };
        stories.push((
            info.clone(),
            parse_story(id, info.version, &stored.story_json)?,
        ));
    }
    let history = history(&stories);
    let created_at = infos[0].created_at;
    let (_, story) = stories.pop().ok_or(WebError::DamagedStory {
        story: id,
        version: latest.version,
        reason: "listed but not stored".to_string(),
    })?;
    Ok(Some(StoryView {
        id,
        story,
        version: latest.version,
        created_at,
        updated_at: latest.created_at,
        history,
    }))
}

/// What changed in each version, newest first.
pub fn history(versions: &[(StoryVersionInfo, Story)]) -> Vec<VersionChange> {
    let mut changes = Vec::with_capacity(versions.len());
    let mut before: Option<&Story> = None;
    for (info, story) in versions {
        let sentences: BTreeSet<&str> = story.sentences().map(|s| s.text.as_str()).collect();
        let outlets: BTreeSet<&str> = story.sources.iter().map(|s| s.outlet.as_str()).collect();
        let (old_sentences, old_outlets, old_headline) = match before {
            Some(old) => (
                old.sentences().map(|s| s.text.as_str()).collect(),
                old.sources.iter().map(|s| s.outlet.as_str()).collect(),
                Some(old.headline.as_str()),
            ),
            None => (BTreeSet::new(), BTreeSet::new(), None),
        };
        changes.push(VersionChange {
            version: info.version,
            at: info.created_at,
            articles: info.article_count,
            headline: story.headline.clone(),
            headline_changed: old_headline.is_some_and(|h| h != story.headline),
            sentences_added: sentences.difference(&old_sentences).count(),
            sentences_removed: old_sentences.difference(&sentences).count(),
            new_outlets: outlets
                .difference(&old_outlets)
                .map(|s| s.to_string())
                .collect(),
        });
        before = Some(story);
    }
    changes.reverse();
    changes
}

/// Cuts a search query to [`MAX_QUERY_CHARS`]; an empty one is no query.
pub fn clean_query(query: Option<&str>) -> Option<String> {
    let query = query?.trim();
    if query.is_empty() {
        return None;
    }
    Some(query.chars().take(MAX_QUERY_CHARS).collect())
}
