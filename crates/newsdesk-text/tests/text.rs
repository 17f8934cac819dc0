//! Text analysis on whole articles of the repository's examples.

use newsdesk_text::{find_date, resolve_dates, split_sentences, words, DateContext};
use std::path::Path;

fn example(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/harbor-strike")
            .join(name),
    )
    .unwrap()
}

#[test]
fn sentences_cover_every_word_of_an_article_exactly_once() {
    for name in [
        "coastal-ledger.txt",
        "port-city-tribune.txt",
        "northwind-wire.txt",
    ] {
        let text = example(name);
        let spans = split_sentences(&text);
        assert!(
            spans.windows(2).all(|w| w[0].end <= w[1].start),
            "{name}: spans overlap or are out of order"
        );
        let covered: usize = spans.iter().map(|s| words(&text[s.range()]).len()).sum();
        assert_eq!(
            covered,
            words(&text).len(),
            "{name}: sentences lose or repeat words"
        );
        for span in &spans {
            let sentence = &text[span.range()];
            assert_eq!(sentence, sentence.trim(), "{name}: untrimmed sentence");
        }
    }
}

#[test]
fn abbreviations_in_real_prose_do_not_split_sentences() {
    let text = example("port-city-tribune.txt");
    let sentences: Vec<&str> = split_sentences(&text)
        .into_iter()
        .map(|s| &text[s.range()])
        .collect();
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("The strike by about 3,400 dockworkers began at 6 a.m. Monday.")));
    assert!(sentences
        .iter()
        .any(|s| s.contains("on Tuesday, Nov. 24, unless a deal is signed before then.")));
}

#[test]
fn the_date_line_of_each_example_is_found() {
    for (name, date) in [
        ("coastal-ledger.txt", "2026-11-18"),
        ("port-city-tribune.txt", "2026-11-19"),
        ("northwind-wire.txt", "2025-10-14"),
    ] {
        let found = find_date(&example(name)).unwrap();
        assert_eq!(found.date.to_string(), date, "{name}");
    }
}

#[test]
fn relative_dates_of_an_example_resolve_against_its_publish_date() {
    // The Coastal Ledger, published Wednesday, 18 November 2026.
    let text = example("coastal-ledger.txt");
    let published = find_date(&text).unwrap().date;
    let mut context = DateContext::published(published);
    let mut read: Vec<(String, String)> = Vec::new();
    for span in split_sentences(&text) {
        let sentence = &text[span.range()];
        let mentions = resolve_dates(sentence, &context);
        if let Some(last) = mentions.last() {
            context.previous = Some((last.date, last.precision));
        }
        read.extend(
            mentions
                .iter()
                .map(|m| (sentence[m.span.range()].to_string(), m.date.to_string())),
        );
    }
    for expected in [
        ("Wednesday", "2026-11-18"),
        ("Monday, 16 November", "2026-11-16"),
        ("October last year", "2025-10-01"),
    ] {
        assert!(
            read.iter()
                .any(|(words, date)| words == expected.0 && date == expected.1),
            "{expected:?} not in {read:?}"
        );
    }
}
