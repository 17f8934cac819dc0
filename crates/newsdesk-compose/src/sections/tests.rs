use super::*;
use newsdesk_model::{Article, BlockKind};

fn pool_of(articles: &[Article]) -> Pool<'_> {
    let mut sources = crate::sources::describe(articles);
    Pool::build(articles, &mut sources)
}

fn article(paragraphs: &[&str]) -> Article {
    let mut article = Article {
        origin: "gazette".into(),
        outlet: Some("Gazette".into()),
        ..Article::default()
    };
    for p in paragraphs {
        article.push_block(BlockKind::Paragraph, p);
    }
    article
}

/// The phrases the noun-phrase finder offers for `text`, by surface form.
fn phrases(text: &str) -> Vec<String> {
    let articles = [article(&[text])];
    let pool = pool_of(&articles);
    let ids: Vec<usize> = (0..pool.sentences.len()).collect();
    let mut found: Vec<String> = phrase_counts(&pool, &ids, &Stemmer::default())
        .into_values()
        .map(|(_, surface, _)| surface)
        .collect();
    found.sort();
    found
}

#[test]
fn adverbs_numbers_and_weekdays_are_never_part_of_a_heading() {
    for (text, never) in [
        (
            "Officials originally said the ferry would sail.",
            "originally",
        ),
        (
            "The operator planned to reposition six of its ferries.",
            "six",
        ),
        (
            "Floods hit the Rift Valley Province Sunday night.",
            "Sunday",
        ),
        (
            "Guards stood at a concrete outpost adjacent to the quay.",
            "adjacent",
        ),
        (
            "The harbour board decided to reposition the ferries.",
            "reposition",
        ),
    ] {
        let found = phrases(text);
        assert!(
            found.iter().all(|p| !p.contains(never)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_name_is_offered_whole_or_word_by_word_never_sliced() {
    let found = phrases("Officers of the United States Space Command watched the storm.");
    assert!(
        found.contains(&"United States Space Command".to_string()),
        "{found:?}"
    );
    assert!(
        !found.contains(&"States Space Command".to_string()),
        "{found:?}"
    );
    assert!(!found.contains(&"States Space".to_string()), "{found:?}");
    let found = phrases("Shares rose on the Sao Paulo stock market.");
    assert!(found.contains(&"stock market".to_string()), "{found:?}");
    assert!(
        !found.contains(&"Paulo stock market".to_string()),
        "{found:?}"
    );
    // A number word inside a name stops the run of words, but what
    // follows it is still inside the name.
    let found =
        phrases("Officials of the China Yangtze Three Gorges Dam Development Corporation came.");
    assert!(
        !found.contains(&"Gorges Dam Development Corporation".to_string()),
        "{found:?}"
    );
    // A role before a name is not part of a heading.
    let found = phrases("The vote was pushed by board member Steve Abrams in the spring.");
    assert!(found.contains(&"Steve Abrams".to_string()), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|p| p.to_lowercase() == "member steve abrams"),
        "{found:?}"
    );
}

/// Whether the phrase `surface` of `text` opens with a word of a name.
fn opens_with_name(text: &str, surface: &str) -> bool {
    let articles = [article(&[text])];
    let pool = pool_of(&articles);
    let ids: Vec<usize> = (0..pool.sentences.len()).collect();
    phrase_counts(&pool, &ids, &Stemmer::default())
        .into_values()
        .find(|(_, s, _)| s == surface)
        .unwrap_or_else(|| panic!("{surface:?} not offered"))
        .2
}

#[test]
fn a_background_heading_keeps_a_name_capitalised() {
    assert!(opens_with_name(
        "Ferries sailed from Salt Lake in the spring.",
        "Salt Lake"
    ));
    assert!(opens_with_name(
        "The vote of the IOC members came in the spring.",
        "IOC members"
    ));
    assert!(!opens_with_name(
        "The union fought the pension changes all year.",
        "pension changes"
    ));
    assert_eq!(lower_first("Salt Lake", true), "Salt Lake");
    assert_eq!(lower_first("Pension changes", false), "pension changes");
    assert_eq!(lower_first("IOC members", true), "IOC members");
}

#[test]
fn a_title_case_line_holds_no_names() {
    // Capitals of a headline set in title case are no names to the layer,
    // so no phrase of it is offered as one.
    let articles = [article(&[
        "Harbour Crews Walk Out Over Weekend Rosters Dispute",
    ])];
    let pool = pool_of(&articles);
    let ids: Vec<usize> = (0..pool.sentences.len()).collect();
    let named: Vec<String> = phrase_counts(&pool, &ids, &Stemmer::default())
        .into_values()
        .filter(|(_, _, named)| *named)
        .map(|(_, surface, _)| surface)
        .collect();
    assert!(named.is_empty(), "{named:?}");
}
