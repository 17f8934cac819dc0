use super::*;

/// A scraped page of our own making with the usual furniture around it.
const SCRAPED: &str = "Home\nLatest News\nHome\n\nFerry crews walk out over rosters\n\n4 min read\nFerry crews walk out over rosters\nThe Harbour Gazette\n12 March 2026\n\nFerry crews on the northern routes stopped work on Thursday after talks over new rosters failed, the crews' union said.\n\nRead also: Bridge tolls to rise in April, council confirms\n\nThe operator said it would run a reduced timetable and apologised to passengers for the disruption.\n\n2: What the crews want\n\n\"We are asking for rosters that let people sleep,\" said Mara Quint, the union's branch secretary.\n\nA deckhand ties a line at the ferry terminal on Thursday. (Photo by Ivo Brand / Harbour Pictures)\n\nGrow Your Business With Us Today!\n\nWe use cookies to improve your experience. Accept all\n\nNo further talks have been scheduled, and the strike is due to continue through the weekend, according to the union.\n\nAvatar\nJules Farrow\n\nJules Farrow is a reporter at the Harbour Gazette covering transport and the waterfront.\n\nShare this article\n";

#[test]
fn scraped_text_keeps_the_article_and_explains_the_rest() {
    let article = article_from_text(SCRAPED, "gazette.txt", Some("gazette"));
    assert_eq!(
        article.title.as_deref(),
        Some("Ferry crews walk out over rosters")
    );
    assert_eq!(article.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(
        article.published,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 12)
    );
    assert_eq!(article.authors, ["Jules Farrow"]);
    assert_eq!(article.language.as_deref(), Some("en"));
    let kept: Vec<(BlockKind, &str)> = article
        .blocks
        .iter()
        .map(|b| (b.kind, article.block_text(b)))
        .collect();
    assert_eq!(
        kept,
        [
            (BlockKind::Paragraph, "Ferry crews on the northern routes stopped work on Thursday after talks over new rosters failed, the crews' union said."),
            (BlockKind::Paragraph, "The operator said it would run a reduced timetable and apologised to passengers for the disruption."),
            (BlockKind::Heading, "What the crews want"),
            (BlockKind::Paragraph, "\"We are asking for rosters that let people sleep,\" said Mara Quint, the union's branch secretary."),
            (BlockKind::Paragraph, "No further talks have been scheduled, and the strike is due to continue through the weekend, according to the union."),
        ]
    );
    let reasons: Vec<(usize, DropReason)> = article
        .dropped
        .iter()
        .map(|d| (d.line.unwrap(), d.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (1, DropReason::Navigation),
            (2, DropReason::Navigation),
            (3, DropReason::Duplicate),
            (7, DropReason::Navigation),
            (8, DropReason::RepeatedHeadline),
            (9, DropReason::Byline),
            (10, DropReason::Dateline),
            (14, DropReason::LinkTeaser),
            (22, DropReason::Caption),
            (24, DropReason::Advertisement),
            (26, DropReason::ConsentBanner),
            (30, DropReason::Navigation),
            (31, DropReason::Byline),
            (33, DropReason::AuthorBio),
            (35, DropReason::Footer),
        ]
    );
}

#[test]
fn outlet_falls_back_to_a_bio_then_the_file_name() {
    let with_bio = "Storm closes the coast road\n\nThe coast road was closed on Monday after a storm washed away part of the embankment near the old mill.\n\nCrews expect to reopen one lane by Friday if the weather allows them to work through the week.\n\nPia Lorne is a correspondent for Valley Courier covering roads.";
    assert_eq!(
        article_from_text(with_bio, "a", Some("x"))
            .outlet
            .as_deref(),
        Some("Valley Courier")
    );
    let bare = "Storm closes the coast road\n\nThe coast road was closed on Monday after a storm washed away part of the embankment.";
    assert_eq!(
        article_from_text(bare, "b", Some("valley-courier"))
            .outlet
            .as_deref(),
        Some("Valley Courier")
    );
}

#[test]
fn lines_in_another_script_are_dropped_as_other_language() {
    let text = "Talks resume in the capital\n\nЦей текст також доступний українською\n\nNegotiators met again on Tuesday and agreed to keep talking through the end of the month.";
    let article = article_from_text(text, "c", None);
    assert_eq!(article.dropped[0].reason, DropReason::OtherLanguage);
    assert!(!article.text.contains("текст"));
}

#[test]
fn numbering_is_stripped_from_headings_only() {
    assert_eq!(strip_numbering("3: Recent talks"), "Recent talks");
    assert_eq!(strip_numbering("2. Background"), "Background");
    assert_eq!(strip_numbering("2026 was a year"), "2026 was a year");
    assert_eq!(strip_numbering("12:30 start"), "12:30 start");
}

#[test]
fn wire_copy_dashes_are_printed_as_dashes() {
    let text = "Council votes on ferry fares\n\nHARBOURTON _ The council voted on Monday to freeze ferry fares _ the third freeze in a row -- after a petition signed by 4,000 riders.\n";
    let article = article_from_text(text, "wire.txt", None);
    assert_eq!(
        article.text,
        "HARBOURTON — The council voted on Monday to freeze ferry fares — the third freeze in a row — after a petition signed by 4,000 riders."
    );
}

#[test]
fn wire_copy_without_a_headline_keeps_its_first_paragraph_as_body() {
    for first in [
        // A dateline opens the story.
        "HARBOURTON (AP) -- The council voted to freeze ferry fares.",
        // Two sentences.
        "Ferry riders will love this one. The council froze the fares again.",
        // One sentence of some length, with its full stop.
        "The sound of a ferry horn, as every islander knows, is tied to memory.",
        // A long first line that ends as a sentence does.
        "The town council voted on Monday to freeze ferry fares for the third year in a row, after a petition signed by more than 4,000 riders reached the town hall.",
    ] {
        let text = format!("{first}\n\nThe freeze holds until the spring, when the council sets next year's budget for the harbour.\n");
        let article = article_from_text(&text, "wire.txt", None);
        assert_eq!(article.title, None, "{first}");
        assert_eq!(article.blocks.len(), 2, "{first}");
        assert!(
            article.text.starts_with(&wire_dashes(first).into_owned()),
            "{first}"
        );
    }
}

#[test]
fn a_headline_that_ends_with_a_question_mark_is_still_the_title() {
    let text = "Will the ferry fares freeze again?\n\nThe town council votes on Monday on a third freeze in a row, after a petition signed by more than 4,000 riders.\n";
    let article = article_from_text(text, "wire.txt", None);
    assert_eq!(
        article.title.as_deref(),
        Some("Will the ferry fares freeze again?")
    );
    assert_eq!(article.blocks.len(), 1);
}

#[test]
fn hard_wrapped_text_is_read_a_paragraph_at_a_time_with_its_byline() {
    let text = "\
Ferry fares frozen for a third year

By Ana Ruiz, Harbourton Gazette, March 3, 2024

   HARBOURTON -- The town council voted on Monday to freeze ferry fares
for the third year in a row, after a petition signed by more than 4,000
riders reached the town hall.

   The freeze holds until the spring, when the council sets next year's
budget for the harbour and its two ferry routes.
";
    let article = article_from_text(text, "gazette.txt", None);
    assert_eq!(
        article.title.as_deref(),
        Some("Ferry fares frozen for a third year")
    );
    assert_eq!(article.authors, vec!["Ana Ruiz".to_string()]);
    assert_eq!(article.outlet.as_deref(), Some("Harbourton Gazette"));
    assert_eq!(
        article.published,
        chrono::NaiveDate::from_ymd_opt(2024, 3, 3)
    );
    assert_eq!(
        article.text,
        "HARBOURTON — The town council voted on Monday to freeze ferry fares for the third year \
         in a row, after a petition signed by more than 4,000 riders reached the town hall.\n\n\
         The freeze holds until the spring, when the council sets next year's budget for the \
         harbour and its two ferry routes."
    );
}
