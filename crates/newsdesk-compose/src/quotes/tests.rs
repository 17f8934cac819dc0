use super::*;

/// Finds the one quote of `paragraph` and the speaker its own words name.
fn check(paragraph: &str, quote: &str, speaker: Option<&str>) {
    let found = quote_spans(paragraph);
    assert_eq!(found.len(), 1, "quotes in {paragraph:?}: {found:?}");
    let (marked, inner) = found[0];
    assert_eq!(&paragraph[inner.range()], quote);
    let got = speaker_after(&paragraph[marked.end..])
        .or_else(|| speaker_before(&paragraph[..marked.start]));
    assert_eq!(got.as_deref(), speaker, "speaker in {paragraph:?}");
}

#[test]
fn speakers_after_the_quote() {
    check(
        "\"We will stay out,\" said Ana Ruiz, head of the union.",
        "We will stay out,",
        Some("Ana Ruiz, head of the union"),
    );
    check("“It is over,” he added.", "It is over,", Some("he"));
    check(
        "\"No comment,\" a senior official who met them told reporters.",
        "No comment,",
        Some("a senior official who met them"),
    );
    check(
        "\"Talks go on,\" said a senior official who met with them this fall.",
        "Talks go on,",
        Some("a senior official"),
    );
}

#[test]
fn speakers_before_the_quote() {
    check(
        "Helena Voss, a spokeswoman for the port, said: “We respect the right to strike.”",
        "We respect the right to strike.",
        Some("Helena Voss, a spokeswoman for the port"),
    );
    check(
        "Transport Minister Ivo Brand said on Monday: \"Enough.\"",
        "Enough.",
        Some("Transport Minister Ivo Brand"),
    );
    check(
        "According to Mara Quint, the offer was \"not serious at all\".",
        "not serious at all",
        Some("Mara Quint"),
    );
}

#[test]
fn quotes_without_a_speaker_have_none() {
    check(
        "The word \"truce\" means different things to each side.",
        "truce",
        None,
    );
}

#[test]
fn nested_straight_quotes_stay_inside_the_outer_quote() {
    let text = "\"They say: \"We are ready\". They want more,\" said an official.";
    let found = quote_spans(text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].1.range()],
        "They say: \"We are ready\". They want more,"
    );
}

#[test]
fn speaker_keys_tell_people_apart() {
    assert_eq!(
        speaker_key("Dario Kestel, general secretary"),
        speaker_key("Kestel")
    );
    assert_eq!(speaker_key("union leader Mara Holt"), speaker_key("Holt"));
    assert_ne!(
        speaker_key("the Indiana Republican"),
        speaker_key("the Ohio Republican")
    );
    assert_ne!(
        speaker_key("a senior official"),
        speaker_key("a former senior Russian official")
    );
}

#[test]
fn he_said_is_the_subject_named_last_before_the_quote() {
    let check = |paragraph: &str, expected: Option<&str>| {
        let quotes = quote_spans(paragraph);
        let last = quotes.last().unwrap().0;
        assert_eq!(
            antecedent_before(paragraph, last.start, &quotes).as_deref(),
            expected,
            "{paragraph:?}"
        );
    };
    check(
        "Ana Ruiz, the union's leader, said the offer was welcome. \"It is not enough,\" he said.",
        Some("Ana Ruiz"),
    );
    check(
        "The minister, Ivo Brand, said the Labour Court would decide. \"It must,\" he told us.",
        Some("Ivo Brand"),
    );
    check(
        "\"We met Ivo Brand,\" she said. \"Twice,\" she added.",
        None,
    );
}

#[test]
fn according_to_keeps_a_role_between_commas() {
    assert_eq!(
        speaker_before("According to Helena Voss, a spokesperson for the port, the offer is")
            .as_deref(),
        Some("Helena Voss, a spokesperson for the port")
    );
}

#[test]
fn a_middle_initial_does_not_end_the_speaker() {
    check(
        "\"We will stay out,\" said Ana M. Ruiz, head of the union.",
        "We will stay out,",
        Some("Ana M. Ruiz, head of the union"),
    );
    check(
        "\"We will stay out,\" said Dr. Ana Ruiz.",
        "We will stay out,",
        Some("Dr. Ana Ruiz"),
    );
}

#[test]
fn adverbs_and_auxiliaries_between_speaker_and_verb_are_not_the_speaker() {
    check(
        "Ruiz also told reporters the crews would \"stay out until spring.\"",
        "stay out until spring.",
        Some("Ruiz"),
    );
    check(
        "\"It is over,\" Ruiz later said.",
        "It is over,",
        Some("Ruiz"),
    );
    check(
        "\"It is over,\" Grace Kelly said.",
        "It is over,",
        Some("Grace Kelly"),
    );
    check(
        "The mayor has repeatedly said the ferries are \"safe to sail.\"",
        "safe to sail.",
        Some("The mayor"),
    );
}

#[test]
fn a_conjunction_before_the_speaker_is_not_part_of_it() {
    check(
        "Talks failed, and union leader Mara Holt said the crews would stay out until the rosters were \"fixed for good.\"",
        "fixed for good.",
        Some("union leader Mara Holt"),
    );
}

#[test]
fn a_title_before_the_name_is_given_after_it() {
    check(
        "\"We will rebuild,\" explained the island's Housing Secretary, Ana Carmen Alemany.",
        "We will rebuild,",
        Some("Ana Carmen Alemany, the island's Housing Secretary"),
    );
}

#[test]
fn a_relative_clause_leaves_the_name_alone_without_a_trailing_comma() {
    check(
        "Among those urging people to vote was Grand Ayatollah Kazem Lankarani, who called it a duty and warned that \"the enemies are waiting to strike.\"",
        "the enemies are waiting to strike.",
        Some("Grand Ayatollah Kazem Lankarani"),
    );
}

#[test]
fn a_relative_clause_is_not_a_role() {
    check(
        "\"It has all the signs of red-lining,\" said Robert Hunter, who has made several trips here.",
        "It has all the signs of red-lining,",
        Some("Robert Hunter"),
    );
}

#[test]
fn a_connective_before_the_speaker_is_not_part_of_it() {
    check(
        "Meanwhile, he noted that \"the harbour is deeply concerned by the outbreaks of violence on the quays.\"",
        "the harbour is deeply concerned by the outbreaks of violence on the quays.",
        Some("he"),
    );
    check(
        "\"We are deeply concerned,\" Meanwhile, he said.",
        "We are deeply concerned,",
        Some("he"),
    );
}

#[test]
fn names_terms_and_short_phrases_are_not_statements() {
    for quote in [
        "African Crisis Response Force",
        "bribe.",
        "refused to turn up.",
        "in conflict with people of Africa",
    ] {
        assert!(!reads_as_a_statement(quote), "{quote}");
    }
    for quote in [
        "We will stay out until the rosters are fixed.",
        "the most the port can afford without raising fees on every importer in the country.",
        "It is all over.",
    ] {
        assert!(reads_as_a_statement(quote), "{quote}");
    }
}

#[test]
fn he_said_continues_the_speaker_or_the_person_of_the_paragraph_before() {
    for (paragraph, expected) in [
        (
            "Hoping to save the day, Supreme leader Ayatollah Ali Khamenei issued his final appeal Wednesday.",
            Some("Ayatollah Ali Khamenei"),
        ),
        (
            "Though the report is a year away, Bouchard said the board would issue recommendations at any point,",
            Some("Bouchard"),
        ),
        // Things written with "the" are not people; the one who said it is.
        (
            "Gerden said the heavy-lifting barge, the Sea Sorceress, has completed its work.",
            Some("Gerden"),
        ),
        ("The barge, the Sea Sorceress, has completed its work.", None),
        ("The Council of Guardians said turnout would be high.", None),
    ] {
        assert_eq!(person_named_last(paragraph).as_deref(), expected, "{paragraph}");
    }
}

#[test]
fn a_surname_is_given_the_full_name_it_ends_or_a_family_name_first_one_starts() {
    let names: Vec<String> = [
        "Dario Kestel",
        "Jiang Zemin",
        "Lu Youmei",
        "Kestel Port Authority",
    ]
    .iter()
    .map(|n| n.to_string())
    .collect();
    assert_eq!(resolve_name("Kestel".to_string(), &names), "Dario Kestel");
    assert_eq!(resolve_name("Jiang".to_string(), &names), "Jiang Zemin");
    assert_eq!(
        resolve_name("Lu, the manager".to_string(), &names),
        "Lu Youmei, the manager"
    );
    assert_eq!(resolve_name("Wang".to_string(), &names), "Wang");
}

#[test]
fn a_time_word_that_opens_a_sentence_is_not_part_of_a_full_name() {
    let names = vec!["Earlier Jordan".to_string(), "Vernon Jordan".to_string()];
    assert_eq!(resolve_name("Jordan".to_string(), &names), "Earlier Jordan");
    let names: Vec<String> = [
        "Earlier Jordan told reporters he had helped.",
        "Vernon Jordan is a lawyer.",
    ]
    .into_iter()
    .flat_map(full_names_in)
    .collect();
    assert_eq!(resolve_name("Jordan".to_string(), &names), "Vernon Jordan");
}

#[test]
fn a_time_word_before_the_speaker_is_not_part_of_it() {
    check(
        "Earlier Jordan said: \"Ms. Lewinsky told me in no uncertain terms that she did not.\"",
        "Ms. Lewinsky told me in no uncertain terms that she did not.",
        Some("Jordan"),
    );
}

#[test]
fn speakers_are_printed_without_quoted_words_or_words_that_lead_on() {
    for (speaker, expected) in [
        (
            "You can't create humor out of happiness,\" Schulz",
            Some("Schulz"),
        ),
        (
            "Vernon Mwaanga, parliamentary chief of the",
            Some("Vernon Mwaanga, parliamentary chief"),
        ),
        ("Linda Holloway, however", Some("Linda Holloway")),
        (
            "Regional Secretary Mary Luwilo recently",
            Some("Regional Secretary Mary Luwilo"),
        ),
        ("Kebede Haile, now 32 and", Some("Kebede Haile, now 32")),
        (
            "Juan Antonio Samaranch, appearing",
            Some("Juan Antonio Samaranch"),
        ),
        ("he", Some("he")),
        (
            "Dario Kestel, general secretary of the union",
            Some("Dario Kestel, general secretary of the union"),
        ),
        (
            "Housing Secretary Ana Alemany",
            Some("Housing Secretary Ana Alemany"),
        ),
        ("and", None),
    ] {
        assert_eq!(tidy_speaker(speaker).as_deref(), expected, "{speaker}");
    }
}

#[test]
fn a_place_a_time_or_a_clause_is_no_speaker() {
    for (phrase, dateline) in [
        ("New York", Some("NEW YORK")),
        (
            "Northwest Territories",
            Some("YELLOWKNIFE, Northwest Territories"),
        ),
        ("Croatia AP", None),
        ("Sunday from Boca Raton, Fla", None),
        ("If I can win", None),
    ] {
        assert!(is_no_speaker(phrase, dateline), "{phrase}");
    }
    for (phrase, dateline) in [
        ("Mayor Ruth Okafor", Some("MARLOW FALLS")),
        ("York", Some("NEW YORK")),
        ("the union's chief negotiator", None),
    ] {
        assert!(!is_no_speaker(phrase, dateline), "{phrase}");
    }
}
