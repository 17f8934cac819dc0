use super::*;
use chrono::NaiveDate;

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 11, d)
}

const STRIKE_A: &str = "Dock workers at the port of Valmora walked out on Monday in a dispute over pay and night-shift crews, leaving cargo ships at anchor. The Valmora Dockworkers' Union wants a nine per cent rise.";
const STRIKE_B: &str = "The strike at Valmora port entered its third day as the dockworkers' union and the port authority failed to agree on pay. Cargo ships queued offshore while union leaders rejected the offer.";
const FLOOD: &str = "Heavy rain flooded the river valley on Tuesday, forcing hundreds of families from their homes as emergency crews built sandbag walls along the embankment near the old mill. \
The river rose two metres overnight and burst its banks in three places, the regional water board said, adding that the level would keep rising until Thursday. \
Schools in the lower town were closed and the main road to the coast was shut after a landslide buried part of it under mud and fallen trees. \
Volunteers handed out blankets and hot meals at the sports hall, which the council opened as an emergency shelter for those who could not stay with relatives. \
Forecasters expect more rain at the weekend, and the council has asked residents of the streets nearest the river to be ready to leave at short notice. \
Insurers said it was too early to estimate the cost of the damage, but farmers in the valley warned that much of the winter crop had already been lost.";

#[test]
fn articles_on_one_story_join_it_and_others_start_their_own() {
    let mut detector = StoryDetector::default();
    let a = detector.add(Incoming {
        title: "Valmora dock strike begins",
        text: STRIKE_A,
        date: day(16),
    });
    let b = detector.add(Incoming {
        title: "Valmora strike enters third day",
        text: STRIKE_B,
        date: day(18),
    });
    let c = detector.add(Incoming {
        title: "Floods force families from homes",
        text: FLOOD,
        date: day(18),
    });
    assert!(a.new_story && !b.new_story && c.new_story);
    assert_eq!(a.story, b.story);
    assert_ne!(a.story, c.story);
    assert_eq!(detector.story_count(), 2);
}

#[test]
fn copies_are_linked_to_the_article_they_copy() {
    let mut detector = StoryDetector::default();
    detector.add(Incoming {
        title: "Floods",
        text: FLOOD,
        date: day(18),
    });
    detector.add(Incoming {
        title: "Strike",
        text: STRIKE_A,
        date: day(18),
    });
    let copy = format!("{FLOOD} Reporting by the wire service.");
    let assignment = detector.add(Incoming {
        title: "Floods hit valley",
        text: &copy,
        date: day(19),
    });
    assert_eq!(assignment.duplicate_of, Some(0));
    assert_eq!(assignment.story, 0);
}

#[test]
fn an_old_story_needs_a_closer_match_to_be_revived() {
    let config = Config {
        age_penalty: 0.5,
        ..Config::default()
    };
    let mut detector = StoryDetector::new(config);
    detector.add(Incoming {
        title: "Valmora dock strike begins",
        text: STRIKE_A,
        date: NaiveDate::from_ymd_opt(2020, 1, 1),
    });
    let later = detector.add(Incoming {
        title: "Valmora strike enters third day",
        text: STRIKE_B,
        date: day(18),
    });
    assert!(
        later.new_story,
        "six years on, a loosely similar article is a new story"
    );
}

#[test]
fn simhash_is_close_for_near_copies_and_far_for_different_texts() {
    let a = simhash(FLOOD);
    let b = simhash(&FLOOD.replace("hundreds", "scores"));
    assert!(hamming(a, b) <= 3, "{}", hamming(a, b));
    assert!(hamming(a, simhash(STRIKE_A)) > 16);
    assert_eq!(simhash(""), 0);
}
