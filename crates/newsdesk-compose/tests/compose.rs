//! Composition end to end on the repository's own example articles:
//! every printed sentence must be grounded in the text it cites.

use newsdesk_compose::{compose, ComposeError, ComposeOptions};
use newsdesk_extract::{extract, Format};
use newsdesk_model::{Article, Edit, SourceRole, Story, StorySentence};
use std::path::Path;

fn example_articles() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-strike");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let format = if path.extension().is_some_and(|e| e == "html") {
                Format::Html
            } else {
                Format::Text
            };
            let bytes = std::fs::read(path).unwrap();
            let stem = path.file_stem().unwrap().to_str().unwrap();
            extract(&bytes, format, &path.display().to_string(), Some(stem)).unwrap()
        })
        .collect()
}

/// The cited text of a sentence's first citation, with the recorded edits
/// applied, must be the printed text.
fn assert_grounded(story: &Story, sentence: &StorySentence) {
    assert!(!sentence.citations.is_empty(), "uncited: {}", sentence.text);
    for citation in &sentence.citations {
        let source = story
            .source(&citation.source)
            .unwrap_or_else(|| panic!("unknown source {}", citation.source));
        assert!(
            source.text.get(citation.start..citation.end).is_some(),
            "range {}..{} outside {}",
            citation.start,
            citation.end,
            source.id
        );
    }
    let first = &sentence.citations[0];
    let cited = &story.source(&first.source).unwrap().text[first.start..first.end];
    let mut expected = cited.to_string();
    for edit in &sentence.edits {
        match edit {
            Edit::DroppedDateline { removed } => {
                expected = expected
                    .strip_prefix(removed.as_str())
                    .expect("the removed dateline starts the cited text")
                    .trim_start()
                    .to_string();
            }
            Edit::DroppedOpener { removed } => {
                let rest = expected
                    .strip_prefix(removed.as_str())
                    .expect("the removed opener starts the cited text")
                    .trim_start()
                    .to_string();
                let mut chars = rest.chars();
                expected = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
            }
            Edit::Trimmed { removed } => {
                assert!(
                    expected.contains(removed.as_str()),
                    "the trimmed words {removed:?} are in {expected:?}"
                );
                expected = expected.replacen(removed.as_str(), "", 1);
            }
            Edit::ResolvedPronoun {
                pronoun: word,
                name,
            }
            | Edit::NamedInFull {
                surname: word,
                name,
            } => {
                let pronoun = word;
                let at = first_word_at(&expected, pronoun)
                    .expect("the resolved pronoun or surname is in the cited text");
                expected = format!(
                    "{}{name}{}",
                    &expected[..at],
                    &expected[at + pronoun.len()..]
                );
            }
        }
    }
    assert_eq!(
        sentence.text, expected,
        "printed text differs from its citation"
    );
}

/// Where `word` first stands as a whole word in `text`.
fn first_word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn every_sentence_is_grounded_and_every_quote_verbatim() {
    let articles = example_articles();
    let story = compose(&articles, &ComposeOptions::default()).unwrap();
    let count = story.sentences().count();
    assert!(count >= 8, "a full story has a body: {count} sentences");
    for sentence in story.sentences() {
        assert_grounded(&story, sentence);
    }
    assert!(!story.statements.is_empty());
    for statement in &story.statements {
        let citation = &statement.sentence.citations[0];
        let cited = &story.source(&citation.source).unwrap().text[citation.start..citation.end];
        assert!(
            cited.contains(&statement.quote),
            "quote {:?} not verbatim in {cited:?}",
            statement.quote
        );
    }
}

#[test]
fn the_story_has_every_part() {
    let story = compose(&example_articles(), &ComposeOptions::default()).unwrap();
    assert!(!story.headline.is_empty());
    assert_eq!(story.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 20));
    assert!(!story.lead.is_empty());
    assert!(
        story.sections.len() >= 2,
        "{} sections",
        story.sections.len()
    );
    assert!(story
        .sections
        .iter()
        .all(|s| !s.heading.is_empty() && !s.sentences.is_empty()));
    assert!(story.perspectives.len() >= 2);
    assert!(!story.next.is_empty());
    assert_eq!(story.sources.len(), 4);
    assert!(story.note.contains("4 sources"));
}

#[test]
fn an_old_article_is_background_and_gives_no_quotes_or_positions() {
    let story = compose(&example_articles(), &ComposeOptions::default()).unwrap();
    let background: Vec<&str> = story
        .sources
        .iter()
        .filter(|s| s.role == SourceRole::Background)
        .map(|s| s.outlet.as_str())
        .collect();
    assert_eq!(background, ["Northwind Wire"]);
    let background_id = &story
        .sources
        .iter()
        .find(|s| s.role == SourceRole::Background)
        .unwrap()
        .id;
    let cites_background = |s: &StorySentence| s.citations[0].source == *background_id;
    assert!(!story
        .statements
        .iter()
        .any(|s| cites_background(&s.sentence)));
    assert!(!story
        .perspectives
        .iter()
        .any(|p| cites_background(&p.position)));
    assert!(!story.lead.iter().any(cites_background));
}

#[test]
fn brief_mode_keeps_to_the_word_budget() {
    let story = compose(
        &example_articles(),
        &ComposeOptions {
            brief_words: Some(100),
            ..ComposeOptions::default()
        },
    )
    .unwrap();
    assert!(story.sections.is_empty() && story.statements.is_empty());
    let words: usize = story
        .lead
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    let last = story.lead.last().unwrap().text.split_whitespace().count();
    assert!(words >= 100 && words - last < 100, "{words} words");
}

/// Three invented reports of one event that tell it with attributions and
/// weekdays, which a brief trims.
fn attributed_reports() -> Vec<Article> {
    let reports: [(&str, &[&str]); 3] = [
        (
            "Gazette",
            &[
                "The ferry crews on the northern routes stopped work on Tuesday after talks over the new rosters failed, union officials said.",
                "On Wednesday, the operator cancelled every crossing to the northern islands until the rosters dispute is settled.",
                "The northern islands rely on the ferries for food, fuel and mail, the island council said in a statement.",
            ],
        ),
        (
            "Courier",
            &[
                "Ferry crews on the northern routes stopped work Tuesday after the talks over new rosters failed, according to the union.",
                "The operator cancelled every crossing to the northern islands, a spokeswoman for the company said.",
                "The northern islands rely on the ferries for food, fuel and mail and have three days of fuel left, the council said.",
            ],
        ),
        (
            "Ledger",
            &[
                "The crews on the northern routes stopped work after talks over the new rosters failed, the union said on Tuesday.",
                "The operator cancelled every crossing to the northern islands until the dispute over the rosters is settled.",
                "The islands have three days of fuel left and rely on the ferries for food and mail, the council warned.",
            ],
        ),
    ];
    reports
        .iter()
        .map(|(outlet, paragraphs)| {
            let mut article = Article {
                origin: outlet.to_lowercase(),
                outlet: Some(outlet.to_string()),
                published: chrono::NaiveDate::from_ymd_opt(2026, 3, 12),
                ..Article::default()
            };
            for paragraph in *paragraphs {
                article.push_block(newsdesk_model::BlockKind::Paragraph, paragraph);
            }
            article
        })
        .collect()
}

#[test]
fn a_brief_trims_attributions_and_weekdays_and_records_every_cut() {
    let story = compose(
        &attributed_reports(),
        &ComposeOptions {
            brief_words: Some(40),
            ..ComposeOptions::default()
        },
    )
    .unwrap();
    assert!(!story.lead.is_empty());
    for sentence in &story.lead {
        assert_grounded(&story, sentence);
        for said in [" said", " Tuesday", "according to", "On Wednesday"] {
            assert!(
                !sentence.text.contains(said),
                "{said:?} left in {:?}",
                sentence.text
            );
        }
    }
    let trimmed = story
        .lead
        .iter()
        .flat_map(|s| &s.edits)
        .filter(|e| matches!(e, Edit::Trimmed { .. }))
        .count();
    assert!(trimmed >= 2, "{:#?}", story.lead);
}

#[test]
fn a_full_story_prints_its_sentences_whole() {
    let story = compose(&attributed_reports(), &ComposeOptions::default()).unwrap();
    for sentence in story.sentences() {
        assert_grounded(&story, sentence);
        assert!(!sentence
            .edits
            .iter()
            .any(|e| matches!(e, Edit::Trimmed { .. })));
    }
}

#[test]
fn nothing_to_compose_is_an_error() {
    assert_eq!(
        compose(&[], &ComposeOptions::default()).unwrap_err(),
        ComposeError::NoArticles
    );
    let empty = Article {
        origin: "x".into(),
        ..Article::default()
    };
    assert_eq!(
        compose(&[empty], &ComposeOptions::default()).unwrap_err(),
        ComposeError::NoSentences
    );
}
