//! The sources of a story: ids, outlets, dates, news or background, and
//! which report each one relays.

use chrono::NaiveDate;
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
                relays: relayed_report(article),
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
/// such as "NYT:" whose letters spell a name credited in the body.
pub fn relayed_report(article: &Article) -> Option<String> {
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
    for marker in ["according to ", "citing "] {
        for (at, _) in text.match_indices(marker) {
            if let Some(name) = capitalised_name(&text[at + marker.len()..]) {
                if at < opening_end {
                    credited_in_opening.push(name.clone());
                }
                credited.push(name);
            }
        }
    }
    let tokens = words(text);
    for w in &tokens {
        if CREDIT_VERBS.contains(&w.lower.as_str()) {
            if let Some(name) = capitalised_name_before(&text[..w.span.start]) {
                if w.span.start < opening_end {
                    credited_in_opening.push(name.clone());
                }
                credited.push(name);
            }
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

/// A run of at least two capitalised words at the start of `text`,
/// allowing a leading "The": "The New York Times", "Associated Press".
fn capitalised_name(text: &str) -> Option<String> {
    let mut taken = Vec::new();
    for token in text.split_whitespace() {
        let bare = token.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.')
        {
            taken.push(bare);
            if bare.len() != token.len() {
                break;
            }
        } else {
            break;
        }
        if taken.len() == 5 {
            break;
        }
    }
    let significant = taken.iter().filter(|w| **w != "The").count();
    (significant >= 2 || (significant == 1 && taken.first() == Some(&"The")))
        .then(|| taken.join(" "))
}

fn capitalised_name_before(text: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut start = tokens.len();
    while start > 0 {
        let t = tokens[start - 1];
        if t.chars().next().is_some_and(char::is_uppercase)
            && t.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            start -= 1;
        } else {
            break;
        }
    }
    let name = &tokens[start..];
    (name.len() >= 2 && name.len() <= 5).then(|| name.join(" "))
}
