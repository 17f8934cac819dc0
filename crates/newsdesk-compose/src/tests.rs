use super::*;
use newsdesk_model::{BlockKind, SourceRole};

fn article(outlet: &str, date: (i32, u32, u32), paragraphs: &[&str]) -> Article {
    let mut article = Article {
        origin: outlet.to_lowercase(),
        title: Some(format!("{outlet} reports on the ferry strike")),
        outlet: Some(outlet.to_string()),
        published: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        ..Article::default()
    };
    for p in paragraphs {
        article.push_block(BlockKind::Paragraph, p);
    }
    article
}

#[test]
fn corroborated_facts_cite_every_outlet_that_reports_them() {
    let a = article("Gazette", (2026, 3, 12), &["Ferry crews on the northern routes stopped work on Thursday after talks over new rosters failed.", "The operator said it would run a reduced timetable for the weekend."]);
    let b = article("Courier", (2026, 3, 12), &["Ferry crews stopped work on the northern routes on Thursday after the roster talks failed.", "Passengers queued for hours at the southern terminal on Friday morning."]);
    let story = compose(&[a, b], &ComposeOptions::default()).unwrap();
    let strike = story
        .sentences()
        .find(|s| s.text.contains("stopped work"))
        .expect("the strike is told");
    let mut outlets = story.outlets_of(strike);
    outlets.sort_unstable();
    assert_eq!(
        outlets,
        ["Courier", "Gazette"],
        "both outlets report the strike"
    );
    // The same fact is told once.
    assert_eq!(
        story
            .sentences()
            .filter(|s| s.text.contains("stopped work"))
            .count(),
        1
    );
}

#[test]
fn sources_older_than_the_rest_are_background() {
    let news = article("Gazette", (2026, 3, 12), &["Ferry crews on the northern routes stopped work on Thursday after talks over new rosters failed."]);
    let old = article(
        "Courier",
        (2025, 6, 1),
        &["Ferry crews on the northern routes threatened to stop work last summer over rosters."],
    );
    let story = compose(&[news, old], &ComposeOptions::default()).unwrap();
    assert_eq!(story.sources[1].role, SourceRole::Background);
    assert_eq!(story.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 12));
    assert!(story.note.contains("background"));
}

#[test]
fn dangling_openers_are_dropped_and_recorded() {
    let (text, edits) = pool::drop_opener("However, the talks failed.");
    assert_eq!(text, "The talks failed.");
    assert_eq!(
        edits,
        [newsdesk_model::Edit::DroppedOpener {
            removed: "However,".into()
        }]
    );
    assert_eq!(
        pool::drop_opener("Howeverish words stay.").0,
        "Howeverish words stay."
    );
}

#[test]
fn relayed_reports_are_named() {
    let a = article(
        "Gazette",
        (2026, 3, 12),
        &[
            "Ferry crews stopped work on Thursday, according to The Harbour Post.",
            "Other details followed.",
        ],
    );
    assert_eq!(
        sources::relayed_report(&a).as_deref(),
        Some("The Harbour Post")
    );
    let b = article(
        "Courier",
        (2026, 3, 12),
        &[
            "Ferry crews stopped work on Thursday.",
            "Nobody else was credited here.",
        ],
    );
    assert_eq!(sources::relayed_report(&b), None);
}

#[test]
fn an_undated_article_is_dated_by_its_photo_caption() {
    let news = article("Gazette", (2026, 3, 12), &["Ferry crews on the northern routes stopped work on Thursday after talks over new rosters failed."]);
    let mut old = article(
        "Courier",
        (2026, 1, 1),
        &["Ferry crews on the northern routes threatened to stop work over rosters."],
    );
    old.published = None;
    old.dropped.push(newsdesk_model::Dropped {
        text: "Crews at the quay on March 3, 2025. (Photo by Ivo Brand)".into(),
        reason: newsdesk_model::DropReason::Caption,
        line: None,
    });
    assert_eq!(
        sources::estimated_date(&old),
        chrono::NaiveDate::from_ymd_opt(2025, 3, 3)
    );
    let story = compose(&[news, old], &ComposeOptions::default()).unwrap();
    assert_eq!(story.sources[1].role, SourceRole::Background);
    assert_eq!(
        story.sources[1].date, None,
        "an estimate is never shown as the date"
    );
    assert_eq!(
        story.sources[1].estimated_date,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 3)
    );
}
