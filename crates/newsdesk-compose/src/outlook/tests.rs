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
