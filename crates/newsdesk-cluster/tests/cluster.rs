//! Story detection on the repository's example articles plus articles of
//! other stories written for this test.

use newsdesk_cluster::{Incoming, StoryDetector};
use std::path::Path;

fn example(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/harbor-strike")
            .join(name),
    )
    .unwrap()
}

const ELECTION: &str = "Voters in the northern province went to the polls on Sunday to choose a new regional assembly, with the governing alliance expected to lose its majority after a year of rows over hospital closures. \
Turnout was higher than at the last election, officials said, and queues formed outside polling stations in the provincial capital well before they opened. \
The opposition leader promised to reopen two maternity wards if her party wins, while the governor defended the closures as the only way to balance the budget.";

const ECLIPSE: &str = "Crowds gathered on hilltops across the region on Tuesday to watch the first total solar eclipse visible there in more than a century. \
Astronomers set up telescopes in school playgrounds, and the national weather service said skies would stay clear for most of the afternoon. \
Shops sold out of protective glasses days ago, and eye doctors warned people never to look directly at the sun without them.";

#[test]
fn the_strike_articles_form_one_story_and_other_news_its_own() {
    let mut detector = StoryDetector::default();
    let date = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d);
    let strike: Vec<usize> = [("coastal-ledger.txt", 18), ("port-city-tribune.txt", 19)]
        .iter()
        .map(|(name, day)| {
            let text = example(name);
            let title = text.lines().next().unwrap().to_string();
            detector
                .add(Incoming {
                    title: &title,
                    text: &text,
                    date: date(*day),
                })
                .story
        })
        .collect();
    let election = detector.add(Incoming {
        title: "Province votes as governing alliance fears losses",
        text: ELECTION,
        date: date(19),
    });
    let eclipse = detector.add(Incoming {
        title: "Crowds watch total solar eclipse",
        text: ECLIPSE,
        date: date(19),
    });
    assert_eq!(strike[0], strike[1], "both strike reports are one story");
    assert!(election.new_story && eclipse.new_story);
    assert_eq!(detector.story_count(), 3);
}

#[test]
fn a_republished_copy_is_linked_to_its_original() {
    let mut detector = StoryDetector::default();
    let original = example("coastal-ledger.txt");
    detector.add(Incoming {
        title: "Strike",
        text: &original,
        date: None,
    });
    detector.add(Incoming {
        title: "Election",
        text: ELECTION,
        date: None,
    });
    let copy = format!("{original}\nThis article first appeared in The Coastal Ledger.");
    let assignment = detector.add(Incoming {
        title: "Strike (syndicated)",
        text: &copy,
        date: None,
    });
    assert_eq!(assignment.duplicate_of, Some(0));
    assert_eq!(assignment.story, 0);
}

#[test]
fn a_detector_restored_from_stored_stories_places_the_next_article_as_before() {
    let date = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d);
    let ledger = example("coastal-ledger.txt");
    let tribune = example("port-city-tribune.txt");
    let earlier = [
        ("Harbour strike", ledger.as_str(), 18),
        ("Province votes", ELECTION, 18),
        ("Crowds watch total solar eclipse", ECLIPSE, 19),
    ];
    let mut running = StoryDetector::default();
    let stored: Vec<usize> = earlier
        .iter()
        .map(|&(title, text, day)| {
            running
                .add(Incoming {
                    title,
                    text,
                    date: date(day),
                })
                .story
        })
        .collect();
    // After a restart: the same articles, in the same order, each put back
    // in the story it was stored in.
    let mut restored = StoryDetector::default();
    for (&(title, text, day), &story) in earlier.iter().zip(&stored) {
        let assignment = restored.restore(
            Incoming {
                title,
                text,
                date: date(day),
            },
            Some(story),
        );
        assert_eq!(assignment.story, story);
    }
    let next = Incoming {
        title: "Port strike continues",
        text: &tribune,
        date: date(20),
    };
    assert_eq!(running.add(next), restored.add(next));
    assert_eq!(
        restored.add(next).duplicate_of,
        Some(3),
        "a copy of the article just added"
    );
}
