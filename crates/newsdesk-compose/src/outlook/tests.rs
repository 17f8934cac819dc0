use crate::{compose, ComposeOptions};
use chrono::NaiveDate;
use newsdesk_model::{Article, BlockKind};

fn article(outlet: &str, date: NaiveDate, paragraphs: &[&str]) -> Article {
    let mut article = Article {
        origin: outlet.to_lowercase(),
        title: Some(format!("{outlet} on the ferry strike")),
        outlet: Some(outlet.to_string()),
        published: Some(date),
        ..Article::default()
    };
    for p in paragraphs {
        article.push_block(BlockKind::Paragraph, p);
    }
    article
}

/// What comes next in a story of Thursday, March 12, 2026.
fn next_of(paragraphs: &[&str]) -> Vec<String> {
    let date = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    let first = article("Gazette", date, paragraphs);
    let second = article(
        "Courier",
        date,
        &["Ferry crews on the northern routes stopped work on Tuesday when talks over rosters failed."],
    );
    compose(&[first, second], &ComposeOptions::default())
        .unwrap()
        .next
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn a_scheduled_event_with_a_later_date_comes_next() {
    let next = next_of(&[
        "Ferry crews on the northern routes stopped work on Tuesday after talks over new rosters failed.",
        "The union will put a new offer to its members on Monday, officials said in a statement.",
    ]);
    assert_eq!(next.len(), 1, "{next:#?}");
    assert!(next[0].contains("on Monday"), "{next:#?}");
}

#[test]
fn guesses_hopes_and_past_plans_do_not_come_next() {
    let next = next_of(&[
        "Ferry crews on the northern routes stopped work on Tuesday after talks over new rosters failed.",
        "The ferries could sail again on Monday if the union accepts the new offer.",
        "The operator hopes to restore every crossing to the islands by next week.",
        "The vote on the rosters had been scheduled for Monday before the talks collapsed.",
        "The harbour council will meet on Friday, the mayor said.",
    ]);
    assert!(
        next.iter().all(|s| s.contains("harbour council")),
        "{next:#?}"
    );
}

#[test]
fn a_stated_plan_with_a_later_date_comes_next_a_forecast_does_not() {
    let next = next_of(&[
        "Ferry crews on the northern routes stopped work on Tuesday after talks over new rosters failed.",
        "The operator plans to replace its two oldest ferries in 2027 at a cost of 40 million pounds.",
        "The operator is likely to raise fares on the island routes in 2027, analysts said.",
        "The union hopes to win back the old rosters in 2027 after a long campaign.",
    ]);
    assert_eq!(next.len(), 1, "{next:#?}");
    assert!(next[0].contains("plans to replace"), "{next:#?}");
}

fn undated(paragraphs: &[&str]) -> Article {
    let mut article = article(
        "Gazette",
        NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        paragraphs,
    );
    article.published = None;
    article
}

fn next_of_articles(articles: &[Article]) -> Vec<String> {
    compose(articles, &ComposeOptions::default())
        .unwrap()
        .next
        .into_iter()
        .map(|s| s.text)
        .collect()
}

const UNDATED: &[&str] = &[
    "Ferry crews on the northern routes stopped work after talks over new rosters failed in 2025.",
    "The harbour council will put the new rosters to a public vote in 2027, its chairman told the meeting.",
    "The northern quay will be rebuilt by the harbour board, which took over the port in 2025.",
    "Crews on the island routes will sail on the old rosters in 2025 under the deal, the union said.",
];

#[test]
fn an_undated_single_source_places_a_future_with_its_year_after_its_own_past() {
    // Its future tense puts the vote after its writing, and 2027 is after
    // every year it tells as past; no other source can have told it done.
    let next = next_of_articles(&[undated(UNDATED)]);
    assert_eq!(next.len(), 1, "{next:#?}");
    assert!(next[0].contains("public vote in 2027"), "{next:#?}");
}

#[test]
fn an_undated_source_beside_others_places_nothing() {
    let other = undated(&[
        "The harbour council put the new rosters to a public vote in 2027 and they passed.",
    ]);
    let next = next_of_articles(&[undated(UNDATED), other]);
    assert!(next.is_empty(), "{next:#?}");
}

#[test]
fn a_block_quotation_does_not_come_next() {
    let date = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    let mut first = article(
        "Gazette",
        date,
        &["Ferry crews on the northern routes stopped work on Tuesday after talks over new rosters failed."],
    );
    first.push_block(
        BlockKind::Quote,
        "The union will put a new offer to its members on Monday, its 2019 letter said.",
    );
    let next = next_of_articles(&[first]);
    assert!(next.is_empty(), "{next:#?}");
}
