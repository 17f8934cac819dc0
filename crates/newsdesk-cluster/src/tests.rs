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

const STRIKE_C: &str = "Talks to end the Valmora port strike broke down again on Thursday. The dockworkers' union said the port authority's pay offer was too low, and cargo ships stayed at anchor offshore for a fourth day.";

#[test]
fn a_story_that_split_off_is_merged_back_once_it_grows() {
    // A high bar to join keeps the second report apart at first; a low
    // bar to merge joins the two stories once the second has grown.
    let config = Config {
        threshold: 0.4,
        merge_threshold: 0.05,
        ..Config::default()
    };
    let mut detector = StoryDetector::new(config);
    let first = detector.add(Incoming {
        title: "Valmora dock strike begins",
        text: STRIKE_A,
        date: day(16),
    });
    let apart = detector.add(Incoming {
        title: "Valmora strike enters third day",
        text: STRIKE_B,
        date: day(18),
    });
    assert!(apart.new_story && apart.story != first.story);
    let grown = detector.add(Incoming {
        title: "Valmora strike talks fail",
        text: STRIKE_C,
        date: day(19),
    });
    assert_eq!(grown.merged, Some(apart.story), "{grown:?}");
    assert_eq!(grown.story, first.story, "the older story is kept");
    assert_eq!(detector.current_story(apart.story), first.story);
    assert_eq!(detector.current_story(first.story), first.story);
}

#[test]
fn no_merge_when_merging_is_turned_off() {
    let config = Config {
        threshold: 0.5,
        merge_threshold: 2.0,
        ..Config::default()
    };
    let mut detector = StoryDetector::new(config);
    for (title, text, d) in [
        ("Valmora dock strike begins", STRIKE_A, 16),
        ("Valmora strike enters third day", STRIKE_B, 18),
        ("Valmora strike talks fail", STRIKE_C, 19),
    ] {
        let assignment = detector.add(Incoming {
            title,
            text,
            date: day(d),
        });
        assert_eq!(assignment.merged, None);
    }
    assert_eq!(detector.current_story(1), 1);
}

/// Restores one article of the 18th into `story`, as a restart does.
fn restore(
    detector: &mut StoryDetector,
    title: &str,
    text: &str,
    story: Option<usize>,
) -> Assignment {
    detector.restore(
        Incoming {
            title,
            text,
            date: day(18),
        },
        story,
    )
}

#[test]
fn restore_rebuilds_stories_the_caller_names() {
    let mut detector = StoryDetector::default();
    let flood = restore(&mut detector, "Floods force families", FLOOD, None);
    let strike = restore(&mut detector, "Valmora dock strike begins", STRIKE_A, None);
    assert!(flood.new_story && strike.new_story && flood.story != strike.story);
    // The caller's choice stands, even where the detector would differ.
    let kept = restore(
        &mut detector,
        "Valmora strike, day three",
        STRIKE_B,
        Some(flood.story),
    );
    assert_eq!((kept.story, kept.new_story), (flood.story, false));
    let unknown = restore(&mut detector, "Floods", FLOOD, Some(7));
    assert!(unknown.new_story, "a number not given out starts a story");
    assert_eq!(detector.story_count(), 3);
    // After restoring, new articles are placed as usual.
    let next = detector.add(Incoming {
        title: "Valmora strike talks fail",
        text: STRIKE_C,
        date: day(19),
    });
    assert!(!next.new_story);
    assert_ne!(next.story, unknown.story);
}

#[test]
fn empty_and_odd_articles_start_stories_of_their_own_without_panicking() {
    let mut detector = StoryDetector::default();
    let long_word = "x".repeat(200_000);
    let odd = [
        ("", ""),
        ("   ", "\n\t \r\n"),
        ("!!!", "... --- ??? ;;; ((( )))"),
        ("", long_word.as_str()),
        ("\u{0}\u{7}", "\u{feff}\u{200b}\u{0}"),
        ("ÄÖÜ", &"ÄÖÜ ".repeat(30)),
        ("日本語", "東京 _ 地震が発生した。"),
    ];
    for (title, text) in odd {
        let assignment = detector.add(Incoming {
            title,
            text,
            date: None,
        });
        assert_eq!(assignment.duplicate_of, None, "{title:?}");
        assert_eq!(assignment.merged, None);
    }
    assert_eq!(detector.story_count(), detector.current_story(6) + 1);
}

#[test]
fn datelines_are_skipped_with_or_without_an_agency() {
    use crate::features::skip_dateline;
    assert_eq!(
        skip_dateline("WUHAN, July 31 (Xinhua) -- The river rose."),
        "The river rose."
    );
    assert_eq!(
        skip_dateline("SAN FRANCISCO _ Nearly 160 people died."),
        "Nearly 160 people died."
    );
    assert_eq!(
        skip_dateline("The Senate voted _ again."),
        "The Senate voted _ again."
    );
    // A multi-byte letter across the 40-byte look-ahead does not split.
    let wide = "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ _ text";
    assert_eq!(skip_dateline(wide), wide);
}

#[test]
fn names_leave_out_a_sentence_opening_stop_word() {
    use crate::features::names;
    let text = "The Valmora Dockworkers Union met. Jens Stoltenberg spoke, in New York.";
    let found = names(text, &newsdesk_text::words(text));
    assert_eq!(
        found,
        ["valmora dockworkers union", "jens stoltenberg", "new york"]
    );
}

const ECLIPSE: &str = "Thousands gathered on the hills above Corran to watch the total solar eclipse on Wednesday morning, when the sky went dark for almost three minutes and the temperature fell by several degrees.";
const STRIKE_C_AGAIN: &str = "Talks on ending the strike at Valmora port collapsed once more on Thursday: the dockworkers' union called the port authority's pay offer too low, and cargo ships spent a fourth day at anchor offshore.";
const STRIKE_D: &str = "Valmora port authority managers met the dockworkers' union again on Friday, but the strike over night-shift pay went on and more cargo ships waited offshore.";

/// A detector that holds apart every join into a story of two members or
/// more, for two articles.
fn holding() -> StoryDetector {
    StoryDetector::new(Config {
        hold_margin: 100.0,
        hold_members: 2,
        hold_articles: 2,
        merge_threshold: 2.0,
        ..Config::default()
    })
}

fn place(detector: &mut StoryDetector, title: &str, text: &str) -> Assignment {
    detector.add(Incoming {
        title,
        text,
        date: day(18),
    })
}

#[test]
fn a_held_article_nothing_joins_is_merged_into_the_story_it_nearly_joined() {
    let mut detector = holding();
    let first = place(&mut detector, "Valmora dock strike begins", STRIKE_A);
    place(&mut detector, "Valmora strike enters third day", STRIKE_B);
    let held = place(&mut detector, "Valmora strike talks fail", STRIKE_C);
    assert!(held.new_story, "held apart: {held:?}");
    let flood = place(&mut detector, "Floods force families from homes", FLOOD);
    assert_eq!(flood.rejoined, None, "still waiting");
    let eclipse = place(&mut detector, "Crowds watch the eclipse", ECLIPSE);
    assert_eq!(eclipse.rejoined, Some((first.story, held.story)));
    assert_eq!(detector.current_story(held.story), first.story);
    assert!(eclipse.new_story && eclipse.story != first.story);
}

#[test]
fn a_held_article_another_joins_stays_a_story_of_its_own() {
    let mut detector = holding();
    let first = place(&mut detector, "Valmora dock strike begins", STRIKE_A);
    place(&mut detector, "Valmora strike enters third day", STRIKE_B);
    let held = place(&mut detector, "Valmora strike talks fail", STRIKE_C);
    assert!(held.new_story);
    let joined = place(
        &mut detector,
        "Valmora strike talks fail again",
        STRIKE_C_AGAIN,
    );
    assert_eq!(joined.story, held.story, "{joined:?}");
    for (title, text) in [
        ("Floods", FLOOD),
        ("Eclipse", ECLIPSE),
        ("Strike", STRIKE_D),
    ] {
        assert_eq!(place(&mut detector, title, text).rejoined, None);
    }
    assert_ne!(detector.current_story(held.story), first.story);
}

#[test]
fn nothing_is_held_at_a_zero_margin() {
    let mut detector = StoryDetector::new(Config {
        hold_margin: 0.0,
        hold_members: 2,
        ..Config::default()
    });
    let first = place(&mut detector, "Valmora dock strike begins", STRIKE_A);
    place(&mut detector, "Valmora strike enters third day", STRIKE_B);
    let third = place(&mut detector, "Valmora strike talks fail", STRIKE_C);
    assert_eq!(third.story, first.story);
    assert!(!third.new_story);
}

/// Restores a holding detector from (title, text, story) in arrival
/// order, as a restart does from stored membership.
fn restored(articles: &[(&str, &str, Option<usize>)]) -> (StoryDetector, Vec<Assignment>) {
    let mut detector = holding();
    let assignments = articles
        .iter()
        .map(|&(title, text, story)| restore(&mut detector, title, text, story))
        .collect();
    detector.restore_holds();
    (detector, assignments)
}

#[test]
fn a_restart_while_an_article_is_held_keeps_it_waiting() {
    // Stopped right after the third strike report was held apart.
    let (mut detector, restored) = restored(&[
        ("Valmora dock strike begins", STRIKE_A, None),
        ("Valmora strike enters third day", STRIKE_B, Some(0)),
        ("Valmora strike talks fail", STRIKE_C, None),
    ]);
    let (first, held) = (restored[0].story, restored[2].story);
    assert_ne!(first, held);
    let flood = place(&mut detector, "Floods force families from homes", FLOOD);
    assert_eq!(flood.rejoined, None, "still waiting");
    let eclipse = place(&mut detector, "Crowds watch the eclipse", ECLIPSE);
    assert_eq!(eclipse.rejoined, Some((first, held)));
    assert_eq!(detector.current_story(held), first);
}

#[test]
fn a_restored_story_whose_wait_had_ended_is_not_held_again() {
    // The third strike report's wait ended before the stop, and it was
    // kept apart; nothing after the restart merges it.
    let (mut detector, restored) = restored(&[
        ("Valmora dock strike begins", STRIKE_A, None),
        ("Valmora strike enters third day", STRIKE_B, Some(0)),
        ("Valmora strike talks fail", STRIKE_C, None),
        ("Floods force families from homes", FLOOD, None),
        ("Crowds watch the eclipse", ECLIPSE, None),
    ]);
    let held = restored[2].story;
    for (title, text) in [("Strike", STRIKE_D), ("Floods", FLOOD)] {
        assert_eq!(place(&mut detector, title, text).rejoined, None);
    }
    assert_eq!(detector.current_story(held), held);
}
