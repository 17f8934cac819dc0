//! Rendering a [`Story`]: Markdown, a standalone HTML page, JSON with the
//! sentence-to-source map, or plain text. Pure: returns strings.

mod article;
mod html;
mod markdown;
mod plain;

pub use article::render_articles;

use chrono::{Datelike, NaiveDate};
use newsdesk_model::{DatePrecision, Source, SourceRole, Story};
use std::str::FromStr;

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
    Text,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown format {0:?}: expected md, html, json or text")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        match name {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "text" | "txt" => Ok(Format::Text),
            other => Err(UnknownFormat(other.to_string())),
        }
    }
}

pub fn render(story: &Story, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(story),
        Format::Html => html::render(story),
        Format::Json => json(story),
        Format::Text => plain::render(story),
    }
}

fn json(story: &Story) -> String {
    let mut out = serde_json::to_string_pretty(story).expect("a story always serialises");
    out.push('\n');
    out
}

/// "December 25, 2023".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// A timeline date as precisely as it is known: "November 16, 2026",
/// "Week of November 9, 2026", "October 2025", "Fall 2022", "2019".
pub fn timeline_date(date: NaiveDate, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => long_date(date),
        DatePrecision::Week => format!("Week of {}", long_date(date)),
        DatePrecision::Month => date.format("%B %Y").to_string(),
        DatePrecision::Season => {
            let season = match date.month() {
                3..=5 => "Spring",
                6..=8 => "Summer",
                9..=11 => "Fall",
                _ => "Winter",
            };
            format!("{season} {}", date.year())
        }
        DatePrecision::Year => date.year().to_string(),
    }
}

/// The sentence with its outlets in parentheses, placed before the final
/// period as news copy does: "... on Monday (Outlet A, Outlet B)."
pub fn attributed(text: &str, outlets: &[&str]) -> String {
    if outlets.is_empty() {
        return text.to_string();
    }
    let credit = format!("({})", outlets.join(", "));
    match text.strip_suffix('.') {
        Some(body) if !body.ends_with(['.', '"', '”', '’', '\'']) => {
            format!("{body} {credit}.")
        }
        _ => format!("{text} {credit}"),
    }
}

/// The byline of the story: date and sources.
pub fn dateline(story: &Story) -> String {
    let date = story
        .date
        .map(long_date)
        .unwrap_or_else(|| "Undated".to_string());
    let news: Vec<&str> = story
        .sources
        .iter()
        .filter(|s| s.role == SourceRole::News)
        .map(|s| s.outlet.as_str())
        .collect();
    let count = story.sources.len();
    format!(
        "{date} · from {count} {}: {}",
        if count == 1 { "source" } else { "sources" },
        dedup(&news).join(", ")
    )
}

fn dedup<'a>(items: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(item) {
            out.push(item);
        }
    }
    out
}

/// The parts of a line about a source, unescaped: `, “Title”`, the date,
/// and ` — notes` (background, relayed report), each empty when absent.
pub struct SourceLine {
    pub title: String,
    pub date: String,
    pub notes: String,
}

pub fn source_line(source: &Source) -> SourceLine {
    let mut notes = Vec::new();
    if source.role == SourceRole::Background {
        notes.push("older reporting, used as background".to_string());
    }
    if let Some(report) = &source.relays {
        notes.push(format!("relays a report by {report}"));
    }
    SourceLine {
        title: source
            .title
            .as_deref()
            .map(|t| format!(", “{t}”"))
            .unwrap_or_default(),
        date: match (source.date, source.estimated_date) {
            (Some(date), _) => long_date(date),
            (None, Some(estimate)) => {
                format!("undated (a photo in it is dated {})", long_date(estimate))
            }
            (None, None) => "undated".to_string(),
        },
        notes: if notes.is_empty() {
            String::new()
        } else {
            format!(" — {}", notes.join("; "))
        },
    }
}

/// Sources that relay the same report, as "A, B and C relay one report by X."
pub fn relay_groups(story: &Story) -> Vec<String> {
    let mut reports: Vec<&str> = story
        .sources
        .iter()
        .filter_map(|s| s.relays.as_deref())
        .collect();
    reports.sort_unstable();
    reports.dedup();
    reports
        .into_iter()
        .filter_map(|report| {
            let outlets: Vec<&str> = story
                .sources
                .iter()
                .filter(|s| s.relays.as_deref() == Some(report))
                .map(|s| s.outlet.as_str())
                .collect();
            let outlets = dedup(&outlets);
            (outlets.len() >= 2).then(|| {
                format!(
                    "{} relay one underlying report by {report}; they count as one report, not {}.",
                    join_and(&outlets),
                    outlets.len()
                )
            })
        })
        .collect()
}

pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
