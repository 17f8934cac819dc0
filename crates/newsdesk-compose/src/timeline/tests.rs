use crate::{compose, ComposeOptions};
use chrono::NaiveDate;
use newsdesk_model::{Article, BlockKind, DatePrecision, Story};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn article(outlet: &str, date: Option<NaiveDate>, paragraphs: &[&str]) -> Article {
    let mut article = Article {
        origin: outlet.to_lowercase(),
        title: Some(format!("{outlet} on the ferry strike")),
        outlet: Some(outlet.to_string()),
        published: date,
        ..Article::default()
    };
    for p in paragraphs {
        article.push_block(BlockKind::Paragraph, p);
    }
    article
}

/// Thursday, March 12, 2026 and Friday, March 13, 2026.
fn ferry_story() -> Story {
    let gazette = article(
        "Gazette",
        Some(ymd(2026, 3, 12)),
        &[
            "HARBORTON (Coast Wire) — Ferry crews on the northern routes stopped work on Tuesday after talks over new rosters failed.",
            "The following day, the operator cancelled every crossing to the islands and chartered two private boats.",
            "\"We are not going back until the rosters are fixed,\" said Mara Holt, a deckhand and union delegate.",
            "The union will put a new offer to its members on Monday, officials said in a statement.",
            "The last ferry strike on the northern routes, in 2019, lasted nine days and ended with a pay rise.",
        ],
    );
    let courier = article(
        "Courier",
        Some(ymd(2026, 3, 13)),
        &[
            "Island shops ran short of bread and fuel on Thursday as the ferry strike entered its third day.",
            "Ferry crews on the northern routes stopped work on Tuesday when talks over the new rosters failed.",
            "The regional council said it had asked the transport ministry to mediate between the two sides.",
        ],
    );
    let archive = article(
        "Archive Weekly",
        Some(ymd(2025, 6, 2)),
        &[
            "Ferry crews on the northern routes threatened last week to stop work over the planned new rosters.",
            "The operator first proposed the rosters in January, saying they would save money over the winter.",
        ],
    );
    compose(&[gazette, courier, archive], &ComposeOptions::default()).unwrap()
}

#[test]
fn the_timeline_tells_dated_events_oldest_first() {
    let story = ferry_story();
    let entries: Vec<(NaiveDate, DatePrecision, &str)> = story
        .timeline
        .iter()
        .map(|t| (t.date, t.precision, t.expression.as_str()))
        .collect();
    assert_eq!(
        entries,
        [
            (ymd(2019, 1, 1), DatePrecision::Year, "2019"),
            (ymd(2025, 1, 1), DatePrecision::Month, "January"),
            (ymd(2025, 5, 26), DatePrecision::Week, "last week"),
            (ymd(2026, 3, 10), DatePrecision::Day, "Tuesday"),
            (ymd(2026, 3, 11), DatePrecision::Day, "The following day"),
            (ymd(2026, 3, 12), DatePrecision::Day, "Thursday"),
        ],
        "{:#?}",
        story.timeline
    );
}

#[test]
fn one_event_told_by_two_sources_is_one_entry_citing_both() {
    let story = ferry_story();
    let strike: Vec<_> = story
        .timeline
        .iter()
        .filter(|t| t.sentence.text.contains("stopped work on Tuesday"))
        .collect();
    assert_eq!(strike.len(), 1);
    let mut outlets = story.outlets_of(&strike[0].sentence);
    outlets.sort_unstable();
    assert_eq!(outlets, ["Courier", "Gazette"]);
}

#[test]
fn quotes_and_what_is_still_to_come_are_not_events() {
    let story = ferry_story();
    for entry in &story.timeline {
        assert!(!entry.sentence.text.contains("rosters are fixed"));
        assert!(!entry.sentence.text.contains("on Monday"));
        assert!(entry.date <= ymd(2026, 3, 13));
    }
}

#[test]
fn background_events_only_come_before_the_news() {
    let story = ferry_story();
    let first_news = ymd(2026, 3, 12);
    for entry in &story.timeline {
        let source = story.source(&entry.sentence.citations[0].source).unwrap();
        if source.role == newsdesk_model::SourceRole::Background {
            assert!(entry.date < first_news, "{entry:?}");
        }
    }
}

#[test]
fn the_dateline_is_the_newest_place_and_the_story_date() {
    let story = ferry_story();
    // The Courier is newer but gives no place; the Gazette's dateline does.
    assert_eq!(story.dateline.as_deref(), Some("HARBORTON, March 13, 2026"));
    let plain = article(
        "Courier",
        Some(ymd(2023, 12, 25)),
        &["Island shops ran short of bread and fuel on Thursday as the ferry strike went on."],
    );
    let story = compose(&[plain], &ComposeOptions::default()).unwrap();
    assert_eq!(story.dateline.as_deref(), Some("Dec. 25, 2023"));
    let undated = article(
        "Courier",
        None,
        &["Island shops ran short of bread and fuel as the ferry strike went on."],
    );
    let story = compose(&[undated], &ComposeOptions::default()).unwrap();
    assert_eq!(story.dateline, None);
}

#[test]
fn a_date_in_a_dropped_wire_dateline_is_not_the_event_date() {
    let wire = article(
        "Coast Wire",
        Some(ymd(2026, 3, 12)),
        &[
            "HARBORTON, March 10 (Coast Wire) -- Ferry crews on the northern routes stopped work after talks over new rosters failed.",
            "The operator cancelled every crossing to the islands on Monday and chartered two private boats.",
        ],
    );
    let story = compose(&[wire], &ComposeOptions::default()).unwrap();
    let expressions: Vec<&str> = story
        .timeline
        .iter()
        .map(|t| t.expression.as_str())
        .collect();
    // The text speaks from its dateline's day, Tuesday, March 10. (A
    // "Wednesday" would be six days back or the day after: not certain.)
    assert_eq!(expressions, ["Monday"], "{:#?}", story.timeline);
    assert_eq!(story.dateline.as_deref(), Some("HARBORTON, March 12, 2026"));
}

/// The timeline's (date, expression) pairs of a story of `paragraphs`
/// published on `published`, with a second source so the story has news.
fn timeline_of(published: NaiveDate, paragraphs: &[&str]) -> Vec<(NaiveDate, String)> {
    let first = article("Gazette", Some(published), paragraphs);
    let second = article(
        "Courier",
        Some(published),
        &["The harbour inquiry will report to the council next spring, its chairman said."],
    );
    compose(&[first, second], &ComposeOptions::default())
        .unwrap()
        .timeline
        .into_iter()
        .map(|t| (t.date, t.expression))
        .collect()
}

/// The timeline of an article of 31 August 1999 holds each `(date,
/// expression)` of `present` and no entry dated in `absent`.
fn check_days(paragraphs: &[&str], present: &[(NaiveDate, &str)], absent: &[NaiveDate]) {
    let timeline = timeline_of(ymd(1999, 8, 31), paragraphs);
    for (date, expression) in present {
        assert!(
            timeline.contains(&(*date, expression.to_string())),
            "{date} {expression}: {timeline:#?}"
        );
    }
    for date in absent {
        assert!(
            !timeline.iter().any(|(d, _)| d == date),
            "{date}: {timeline:#?}"
        );
    }
}

const STORMED_IN_1993: &str =
    "Harbour police stormed the warehouse on April 19, 1993, after a siege that lasted seven weeks.";
const BARE_APRIL_19: &str =
    "Inspectors found that nobody wrote down the orders given in the April 19 raid on the warehouse.";

#[test]
fn a_day_without_its_year_takes_the_year_the_article_gives_it_elsewhere() {
    check_days(
        &[
            STORMED_IN_1993,
            BARE_APRIL_19,
            "Dock workers marched through the town on July 4 to demand a public inquiry into the raid.",
        ],
        // A day the article never gives with a year is read against the
        // publish date, as before.
        &[(ymd(1993, 4, 19), "April 19"), (ymd(1999, 7, 4), "July 4")],
        &[ymd(1999, 4, 19)],
    );
}

/// A day the article gives in two years leaves the bare one open, and
/// read against the publish date it is four months back: not certain,
/// so not in the timeline.
#[test]
fn a_day_the_article_gives_in_two_years_is_not_dated() {
    check_days(
        &[
            STORMED_IN_1993,
            "Protesters marked the day again on April 19, 1998, with a march to the harbour gates.",
            BARE_APRIL_19,
        ],
        &[(ymd(1993, 4, 19), "April 19, 1993")],
        &[ymd(1999, 4, 19)],
    );
}

#[test]
fn a_block_quotation_dates_only_what_gives_its_year() {
    // Copy quoted from another writer speaks from that writer's day:
    // its "last spring" is not the article's, its "in 2019" is.
    let mut gazette = article(
        "Gazette",
        Some(ymd(2026, 3, 12)),
        &["Ferry crews on the northern routes stopped work on Tuesday after talks over new rosters failed."],
    );
    gazette.push_block(
        BlockKind::Quote,
        "Last spring, the operator turned down an offer from a rival line to buy its island routes.",
    );
    gazette.push_block(
        BlockKind::Quote,
        "The operator bought its two newest ferries in 2019 from a yard on the southern coast.",
    );
    let story = compose(&[gazette], &ComposeOptions::default()).unwrap();
    let expressions: Vec<&str> = story
        .timeline
        .iter()
        .map(|e| e.expression.as_str())
        .collect();
    assert!(!expressions.contains(&"Last spring"), "{expressions:?}");
    assert!(expressions.contains(&"2019"), "{expressions:?}");
}
