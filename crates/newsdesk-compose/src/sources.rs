//! The sources of a story: ids, outlets, dates, news or background, and
//! which report each one relays.

use chrono::NaiveDate;
use newsdesk_language::{Analysis, NameKind};
use newsdesk_model::{Article, Source, SourceRole};
use newsdesk_text::{find_date, words};

/// A source this many days older than the newest is background.
const BACKGROUND_AFTER_DAYS: i64 = 120;

pub struct SourceInfo {
    pub id: String,
    pub outlet: String,
    pub date: Option<NaiveDate>,
    /// The day the text speaks from, for "today" and "on Tuesday": its
    /// dateline's day when it gives one (wire copy filed after midnight
    /// is dated a day after its dateline), else its publication date.
    pub speaks_from: Option<NaiveDate>,
    /// For an undated source, the date its text points to.
    pub estimated: Option<NaiveDate>,
    pub role: SourceRole,
    pub relays: Option<String>,
}

pub struct Sources(pub Vec<SourceInfo>);

impl Sources {
    pub fn is_background(&self, source: usize) -> bool {
        self.0[source].role == SourceRole::Background
    }

    /// Sets the report each source relays, from its article's language
    /// analysis.
    pub fn credit_relays(&mut self, articles: &[Article], analyses: &[Analysis]) {
        for ((info, article), analysis) in self.0.iter_mut().zip(articles).zip(analyses) {
            info.relays = relayed_report(article, analysis);
        }
    }

    pub fn to_model(&self, articles: &[Article]) -> Vec<Source> {
        self.0
            .iter()
            .zip(articles)
            .map(|(info, article)| Source {
                id: info.id.clone(),
                outlet: info.outlet.clone(),
                title: article.title.clone(),
                date: info.date,
                estimated_date: info.estimated,
                origin: article.origin.clone(),
                url: article.url.clone(),
                role: info.role,
                relays: info.relays.clone(),
                text: article.text.clone(),
            })
            .collect()
    }
}

pub fn describe(articles: &[Article]) -> Sources {
    let estimates: Vec<Option<NaiveDate>> = articles
        .iter()
        .map(|a| a.published.or_else(|| estimated_date(a)))
        .collect();
    // Published dates decide what is newest; estimates only when none is known.
    let newest = articles
        .iter()
        .filter_map(|a| a.published)
        .max()
        .or_else(|| estimates.iter().flatten().max().copied());
    let old = |estimate: &Option<NaiveDate>| match (estimate, newest) {
        (Some(date), Some(newest)) => (newest - *date).num_days() > BACKGROUND_AFTER_DAYS,
        _ => false,
    };
    // Background is old reporting beside current reporting: when old
    // sources are a large part of the set, the set is a topic that spans
    // time, and every source is part of its story.
    let old_sources = estimates.iter().filter(|e| old(e)).count();
    let few_old = old_sources * 3 <= articles.len().max(3);
    let infos = articles
        .iter()
        .zip(&estimates)
        .enumerate()
        .map(|(i, (article, estimate))| {
            let role = if few_old && old(estimate) {
                SourceRole::Background
            } else {
                SourceRole::News
            };
            SourceInfo {
                id: format!("s{}", i + 1),
                outlet: article
                    .outlet
                    .clone()
                    .unwrap_or_else(|| "Unknown outlet".to_string()),
                date: article.published,
                speaks_from: article.published.map(|published| {
                    newsdesk_text::dateline_day(&article.text, published).unwrap_or(published)
                }),
                estimated: if article.published.is_none() {
                    *estimate
                } else {
                    None
                },
                role,
                // Read from the language layer's analysis, once the pool
                // has made it (`credit_relays`).
                relays: None,
            }
        })
        .collect();
    Sources(infos)
}

/// A date for an undated article from what it dropped: a photo caption
/// dates the picture, taken shortly before the article was published.
pub fn estimated_date(article: &Article) -> Option<NaiveDate> {
    article
        .dropped
        .iter()
        .filter(|d| d.reason == newsdesk_model::DropReason::Caption)
        .filter_map(|d| find_date(&d.text).map(|m| m.date))
        .max()
}

/// Verbs with which an article credits another outlet's report.
const CREDIT_VERBS: &[&str] = &[
    "reports", "reported", "writes", "wrote", "reveals", "revealed",
];

/// The outlet whose report an article relays, when the article credits
/// one by name more than in passing: "according to The New York Times",
/// "The New York Times reports", "citing Reuters", or a headline prefix
/// such as "NYT:" whose letters spell a name credited in the body. The
/// names are the language layer's mentions typed an organisation, right
/// after "according to" or "citing" or right before a credit verb.
pub fn relayed_report(article: &Article, analysis: &Analysis) -> Option<String> {
    let text = &article.text;
    let mut credited: Vec<String> = Vec::new();
    // Credit in the opening paragraphs names the report the article is built on.
    let opening_end = article
        .blocks
        .iter()
        .filter(|b| b.kind != newsdesk_model::BlockKind::Heading)
        .nth(1)
        .map_or(text.len(), |b| b.span.end);
    let mut credited_in_opening: Vec<String> = Vec::new();
    let credit_verbs: Vec<(usize, usize)> = words(text)
        .iter()
        .filter(|w| CREDIT_VERBS.contains(&w.lower.as_str()))
        .map(|w| (w.span.start, w.span.end))
        .collect();
    for mention in analysis
        .mentions
        .iter()
        .filter(|m| m.kind == NameKind::Organisation)
    {
        // The layer leaves an outlet's "The" out; its name keeps it.
        let start = if text[..mention.span.start].ends_with("The ") {
            mention.span.start - "The ".len()
        } else {
            mention.span.start
        };
        let before = text[..start].trim_end();
        let after_marker = ["according to", "citing"]
            .iter()
            .any(|marker| before.ends_with(marker));
        let verb_after = credit_verbs.iter().any(|&(verb, _)| {
            verb >= mention.span.end && text[mention.span.end..verb].trim().is_empty()
        });
        if after_marker || verb_after {
            let name = text[start..mention.span.end].to_string();
            if start < opening_end {
                credited_in_opening.push(name.clone());
            }
            credited.push(name);
        }
    }
    let own = article.outlet.as_deref().unwrap_or("");
    // Only a news outlet or agency makes a report to relay: "according to
    // Sam Rainsy" quotes a politician.
    let relays = |n: &String| n != own && newsdesk_language::lexicon::is_news_outlet(n);
    credited.retain(relays);
    credited_in_opening.retain(relays);
    let title_prefix = article.title.as_deref().and_then(|t| {
        let (prefix, _) = t.split_once(": ")?;
        (prefix.len() <= 5 && prefix.chars().all(|c| c.is_ascii_uppercase()))
            .then(|| prefix.to_string())
    });
    if let Some(prefix) = &title_prefix {
        if let Some(name) = credited.iter().find(|n| initials(n) == *prefix) {
            return Some(name.clone());
        }
    }
    if let Some(name) = credited_in_opening.first() {
        return Some(name.clone());
    }
    // A name credited twice or more is the report being relayed.
    let mut best: Option<(&String, usize)> = None;
    for name in &credited {
        let count = credited.iter().filter(|n| *n == name).count();
        if count >= 2 && best.is_none_or(|(_, c)| count > c) {
            best = Some((name, count));
        }
    }
    best.map(|(n, _)| n.clone())
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "The" | "of" | "and"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}
