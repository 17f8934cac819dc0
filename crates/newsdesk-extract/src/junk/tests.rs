use super::*;

fn check(line: &str, expected: Option<DropReason>) {
    assert_eq!(classify(line, Position::default()), expected, "{line:?}");
}

fn check_tail(line: &str, expected: Option<DropReason>) {
    assert_eq!(
        classify(line, Position { in_tail: true }),
        expected,
        "{line:?}"
    );
}

#[test]
fn interface_lines_are_navigation() {
    for line in [
        "Home",
        "Latest News",
        "Show more",
        "5 min read",
        "Share",
        "Log in | Register",
        "Load more stories",
        "« 1 2 3 »",
        "Home | Latest News | Business | Waterfront | Opinion",
    ] {
        check(line, Some(DropReason::Navigation));
    }
}

#[test]
fn teasers_ads_banners_footers_captions() {
    check(
        "Read also: Ferry operators cut winter timetable",
        Some(DropReason::LinkTeaser),
    );
    check(
        "See also\u{a0}The ten best harbours of the year",
        Some(DropReason::LinkTeaser),
    );
    check(
        "Promote Your Shop Here Today!",
        Some(DropReason::Advertisement),
    );
    check("Advertisement", Some(DropReason::Advertisement));
    check(
        "Dock workers load timber onto a barge at the north quay. (AP Photo/Ivo Brand, File)",
        Some(DropReason::Caption),
    );
    check(
        "Ferries wait at the terminal during the strike. REUTERS/Mara Lind",
        Some(DropReason::Caption),
    );
    check(
        "Advertise with us! Reach 9,000 readers every week. Call our sales team today.",
        Some(DropReason::Advertisement),
    );
    check(
        "We use cookies to improve your experience. Accept all",
        Some(DropReason::ConsentBanner),
    );
    check(
        "Sign up for our morning newsletter and never miss a story.",
        Some(DropReason::Footer),
    );
    check(
        "Found a typo? Select it and press Ctrl + Enter.",
        Some(DropReason::Footer),
    );
    check(
        "Write to the desk at [email protected]",
        Some(DropReason::EmailPlaceholder),
    );
    check(
        "Cranes stand idle at the terminal. (Photo: Ana Ruiz / Coast Agency)",
        Some(DropReason::Caption),
    );
}

#[test]
fn article_prose_is_kept() {
    for line in [
        "The union said the strike would go on until the port authority made a written offer.",
        "Shipping companies said 40 vessels were waiting at anchor.",
        "\"We will not be moved,\" said the union's leader.",
        "Next steps",
        "Talks collapsed in the fall of 2022 after the offensive.",
        "Share prices of the shipping firms fell 4% on Monday.",
        "Call centres closed early, and shops said trade was down by a third today.",
        "\"Get back to work!\" one driver shouted at the pickets, who ignored him.",
        "The photographer who took the picture was later detained, police said.",
    ] {
        check(line, None);
    }
}

#[test]
fn biographies_are_recognised_only_at_the_end() {
    let bio = "Dana Whitlock is a reporter at the Port City Tribune covering labour and shipping.";
    check(bio, None);
    check_tail(bio, Some(DropReason::AuthorBio));
    check_tail(
        "The mayor is a former dock worker who was elected in 2024.",
        None,
    );
}

#[test]
fn normalising_ascii_folds_every_space_the_general_path_folds() {
    assert_eq!(normalise("  Read\tMORE\u{b}\u{c}now \r\n"), "read more now");
    assert_eq!(normalise("Über  DEN\u{a0}Fluss"), "über den fluss");
    assert_eq!(normalise(" \t "), "");
}

#[test]
fn ascii_tokens_are_the_words_the_general_path_finds() {
    for line in [
        "putin's cease-fire -- 'quoted' words, 3-2 o'clock -x x- a''b a--b",
        "",
        "-'-",
        "end-",
        "x'",
    ] {
        let general: Vec<String> = words(line).into_iter().map(|w| w.lower).collect();
        assert_eq!(tokens_of(line), general, "{line:?}");
    }
}

#[test]
fn markup_written_out_as_text_is_not_article_text() {
    check(
        r#"<img class="aligncenter size-full" src="https://site.example/pear-jam.jpg" alt="Jars of jam" width="1280" height="914">"#,
        Some(DropReason::NonContent),
    );
    check("</div><p>Shown as text</p>", Some(DropReason::NonContent));
    // Prose that mentions a tag or compares numbers stays.
    check(
        "The council said the <b> tag in its old pages was a relic, and that 3 < 4 in every vote count since the merger.",
        None,
    );
}

#[test]
fn page_chrome_in_any_site_s_words() {
    for (line, reason) in [
        ("Tags: harbour, ferry, strike", DropReason::Navigation),
        ("Tags", DropReason::Navigation),
        ("1 2 3 4 5 6 7 8", DropReason::Navigation),
        (
            "sexta-feira, 22 de outubro de 2010 às 20:13",
            DropReason::Dateline,
        ),
        ("2019-11-20 17:27:46 Jane Doe", DropReason::Dateline),
        ("Updated at 1:23 p.m.", DropReason::Dateline),
        (
            "Follow the Harbour Gazette on Facebook and Twitter",
            DropReason::Footer,
        ),
        ("Let our news meet your inbox. Sign in.", DropReason::Footer),
        ("This slideshow requires JavaScript.", DropReason::Footer),
        (
            "[button link=\"https://gazette.example/submit\" size=\"large\"]",
            DropReason::NonContent,
        ),
        ("Continue reading the main story", DropReason::LinkTeaser),
        ("You may also like...", DropReason::LinkTeaser),
        ("Advert", DropReason::Advertisement),
    ] {
        check(line, Some(reason));
    }
    // Prose with the same words stays.
    for line in [
        "The ferry left at 20:13, as it has every evening since 1998, with forty passengers aboard.",
        "Follow-up talks are set for Tuesday, the union said.",
        "By Jane Doe, 20 November 2026 08:15",
        "The tags on the crates showed they had left the port in 2019.",
    ] {
        assert_ne!(
            classify(line, Position::default()),
            Some(DropReason::Dateline),
            "{line:?}"
        );
        assert_ne!(classify(line, Position::default()), Some(DropReason::Footer), "{line:?}");
        assert_ne!(classify(line, Position::default()), Some(DropReason::Navigation), "{line:?}");
    }
}
