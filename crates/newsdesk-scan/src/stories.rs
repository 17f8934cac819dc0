//! Story detection over the store: the online detector's state, kept in
//! step with stored story membership, and writing story versions.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use newsdesk_cluster::{Incoming, StoryDetector};
use newsdesk_compose::{compose, ComposeOptions};
use newsdesk_model::Article;
use newsdesk_store::{ArticleId, NewStoryVersion, Store, StoryId};

use crate::ScanError;

/// The detector and the map from its numbering to the store's ids.
pub(crate) struct Stories {
    detector: StoryDetector,
    /// Detector story number -> stored story.
    story_ids: Vec<StoryId>,
    /// Detector article number -> stored article.
    article_ids: Vec<ArticleId>,
    /// When this state was rebuilt from the store.
    pub restored_at: DateTime<Utc>,
}

/// Where an article went.
#[derive(Debug)]
pub(crate) struct Placed {
    pub story: StoryId,
    pub new_story: bool,
    /// A story the article showed to be the same as `story`, whose
    /// articles have moved to `story`.
    pub merged: Option<StoryId>,
    /// (story, held): a story held apart that nothing joined, merged back
    /// into the story it nearly joined before this article was placed.
    pub rejoined: Option<(StoryId, StoryId)>,
}

impl Stories {
    /// Rebuilds the detector from the stories of articles fetched since
    /// `since`, in arrival order, keeping each in the story it is stored in.
    pub fn restore<S: Store>(
        store: &S,
        config: newsdesk_cluster::Config,
        since: DateTime<Utc>,
    ) -> Result<Stories, ScanError> {
        let mut stories = Stories {
            detector: StoryDetector::new(config),
            story_ids: Vec::new(),
            article_ids: Vec::new(),
            restored_at: Utc::now(),
        };
        // Stored story -> the detector's number for it.
        let mut numbers: HashMap<StoryId, usize> = HashMap::new();
        for (story, membership) in store.memberships_since(since)? {
            let Some(stored) = store.article(membership.article)? else {
                continue;
            };
            let known = numbers.get(&story).copied();
            let assignment = stories.detector.restore(incoming(&stored.article), known);
            if assignment.new_story {
                debug_assert_eq!(assignment.story, stories.story_ids.len());
                stories.story_ids.push(story);
                numbers.insert(story, assignment.story);
            }
            stories.article_ids.push(membership.article);
        }
        stories.detector.restore_holds();
        Ok(stories)
    }

    /// Places a newly stored article in a story, creating the story when it
    /// starts one; the membership is written before this returns.
    pub fn place<S: Store>(
        &mut self,
        store: &mut S,
        article_id: ArticleId,
        article: &Article,
        now: DateTime<Utc>,
    ) -> Result<Placed, ScanError> {
        let assignment = self.detector.add(incoming(article));
        let rejoined = match assignment.rejoined {
            Some((into, held)) => {
                let (into, held) = (self.story_ids[into], self.story_ids[held]);
                store.merge_stories(held, into, now)?;
                Some((into, held))
            }
            None => None,
        };
        let duplicate_of = assignment
            .duplicate_of
            .and_then(|number| self.article_ids.get(number).copied());
        let placed = if assignment.new_story {
            let story = store.start_story(article_id, now)?;
            debug_assert_eq!(assignment.story, self.story_ids.len());
            self.story_ids.push(story);
            Placed {
                story,
                new_story: true,
                merged: None,
                rejoined,
            }
        } else {
            let story = self.story_ids[assignment.story];
            // The merge first: the article's story is the one that stays.
            let merged = match assignment.merged {
                Some(gone) => {
                    let gone = self.story_ids[gone];
                    store.merge_stories(gone, story, now)?;
                    Some(gone)
                }
                None => None,
            };
            store.assign(story, article_id, duplicate_of, now)?;
            Placed {
                story,
                new_story: false,
                merged,
                rejoined,
            }
        };
        self.article_ids.push(article_id);
        Ok(placed)
    }
}

fn incoming(article: &Article) -> Incoming<'_> {
    Incoming {
        title: article.title.as_deref().unwrap_or(""),
        text: &article.text,
        date: article.published,
    }
}

/// Writes a new version of a story from its current articles: copies of
/// another member are left out (the original speaks for them), and a
/// large story is written from its newest `max_articles`.
pub(crate) fn write_version<S: Store>(
    store: &mut S,
    story: StoryId,
    max_articles: usize,
    now: DateTime<Utc>,
) -> Result<Option<(u32, String)>, ScanError> {
    let members = store.story_articles(story)?;
    let mut articles = Vec::new();
    for membership in members.iter().rev() {
        if membership.duplicate_of.is_some() {
            continue;
        }
        if articles.len() == max_articles {
            break;
        }
        if let Some(stored) = store.article(membership.article)? {
            articles.push(stored.article);
        }
    }
    articles.reverse();
    let written = match compose(&articles, &ComposeOptions::default()) {
        Ok(written) => written,
        Err(error) => {
            tracing::warn!(story, %error, "cannot write the story");
            return Ok(None);
        }
    };
    let json = serde_json::to_string(&written).expect("a story always serialises");
    let version = store.add_story_version(
        story,
        &NewStoryVersion {
            headline: &written.headline,
            date: written.date,
            article_count: members.len() as u32,
            story_json: &json,
        },
        now,
    )?;
    Ok(Some((version, written.headline)))
}
