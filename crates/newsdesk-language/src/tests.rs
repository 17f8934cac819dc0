//! Data-driven tests of the layer: each test is an invented article (every
//! sentence written for these tests, every name and most places made up)
//! and what a reader should get from it.
//!
//! [`check`] runs the whole layer and compares, for every quotation in
//! text order, the speaker compose would print for it; [`check_kinds`]
//! compares the kind of the names it lists.

use super::*;

/// Joins `paragraphs` with blank lines, analyses the article and checks
/// every quotation, in text order: its words open with the given opening
/// and compose prints the given speaker for it (`None`: no speaker).
#[track_caller]
fn check(paragraphs: &[&str], expected: &[(&str, Option<&str>)]) {
    let text = paragraphs.join("\n\n");
    let mut spans = Vec::new();
    let mut at = 0;
    for paragraph in paragraphs {
        spans.push(Span::new(at, at + paragraph.len()));
        at += paragraph.len() + 2;
    }
    let analysis = analyse(&text, &spans, &Context::default());
    let got: Vec<(String, Option<String>)> = analysis
        .quotations
        .iter()
        .enumerate()
        .map(|(index, quotation)| {
            let speaker = analysis
                .attributions
                .iter()
                .find(|a| a.quotation == index)
                .and_then(|a| analysis.speaker(&text, a));
            (text[quotation.inner.range()].to_string(), speaker)
        })
        .collect();
    let report = || {
        let mut lines = vec![format!("article:\n{text}\n\nquotations:")];
        for (index, (inner, speaker)) in got.iter().enumerate() {
            let attribution = analysis.attributions.iter().find(|a| a.quotation == index);
            lines.push(format!(
                "  {inner:?}\n    printed {speaker:?}; kind {:?}; cue {:?}; source {:?}; doubt {:?}",
                analysis.quotations[index].kind,
                attribution.map(|a| a.cue),
                attribution.map(|a| &a.source),
                attribution.and_then(|a| a.doubt),
            ));
        }
        lines.push("entities:".to_string());
        for entity in &analysis.entities {
            lines.push(format!(
                "  {:?} {:?} {:?}",
                entity.name, entity.kind, entity.gender
            ));
        }
        lines.join("\n")
    };
    assert_eq!(
        got.len(),
        expected.len(),
        "number of quotations\n{}",
        report()
    );
    for ((inner, speaker), (opening, expected_speaker)) in got.iter().zip(expected) {
        assert!(
            inner.starts_with(opening),
            "quotation {inner:?} should open with {opening:?}\n{}",
            report()
        );
        assert_eq!(
            speaker.as_deref(),
            *expected_speaker,
            "speaker of {opening:?}\n{}",
            report()
        );
    }
}

/// Analyses `text` as one paragraph and checks the kind of every mention
/// of each listed name (there must be at least one).
#[track_caller]
fn check_kinds(text: &str, expected: &[(&str, NameKind)]) {
    let analysis = analyse(text, &[], &Context::default());
    let report = || {
        analysis
            .mentions
            .iter()
            .map(|m| {
                format!(
                    "  {:?} {:?} {:?}",
                    &text[m.span.range()],
                    m.kind,
                    m.evidence
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (name, kind) in expected {
        let found: Vec<&Mention> = analysis
            .mentions
            .iter()
            .filter(|m| &text[m.span.range()] == *name)
            .collect();
        assert!(
            !found.is_empty(),
            "no mention {name:?} in {text:?}; mentions:\n{}",
            report()
        );
        for mention in found {
            assert_eq!(
                mention.kind,
                *kind,
                "kind of {name:?} in {text:?}; mentions:\n{}",
                report()
            );
        }
    }
}

// Attribution forms.

#[test]
fn said_x_with_a_role_after_the_quote() {
    check(
        &["\"We will stay out,\" said Ana Ruiz, head of the union."],
        &[("We will stay out", Some("Ana Ruiz, head of the union"))],
    );
}

#[test]
fn said_x_with_a_middle_initial_or_a_title() {
    check(
        &["\"We will stay out,\" said Ana M. Ruiz, head of the union."],
        &[("We will stay out", Some("Ana M. Ruiz, head of the union"))],
    );
    check(
        &["\"We will stay out,\" said Dr. Ana Ruiz."],
        &[("We will stay out", Some("Ana Ruiz"))],
    );
}

#[test]
fn a_relative_clause_after_the_speaker_is_not_a_role() {
    check(
        &["\"It has all the signs of a lockout,\" said Robert Hanlon, who has made several trips to the yard."],
        &[("It has all the signs", Some("Robert Hanlon"))],
    );
}

#[test]
fn a_role_is_cut_before_what_the_speaker_was_doing() {
    check(
        &["\"Nobody told us,\" said Martin Selby, a trucker waiting outside the gate."],
        &[("Nobody told us", Some("Martin Selby, a trucker"))],
    );
}

#[test]
fn x_said_after_the_quote() {
    check(
        &["\"It is over,\" Grace Holloway said."],
        &[("It is over", Some("Grace Holloway"))],
    );
    check(
        &[
            "Ana Ruiz has led the union for six years.",
            "\"It is over,\" Ruiz later said.",
        ],
        &[("It is over", Some("Ana Ruiz"))],
    );
}

#[test]
fn x_said_colon_before_the_quote() {
    check(
        &["Helena Voss, a spokeswoman for the port, said: “We respect the right to strike.”"],
        &[(
            "We respect the right to strike.",
            Some("Helena Voss, a spokeswoman for the port"),
        )],
    );
}

#[test]
fn a_title_is_not_part_of_the_printed_name() {
    check(
        &["Transport Minister Ivo Brand said on Monday: \"Enough is enough.\""],
        &[("Enough is enough.", Some("Ivo Brand"))],
    );
    check(
        &["Regional Secretary Mary Lowe recently said: \"The depot will close.\""],
        &[("The depot will close.", Some("Mary Lowe"))],
    );
}

#[test]
fn x_told_reporters_that() {
    check(
        &["Karl Henning told reporters that \"the port will not be held hostage.\""],
        &[("the port will not be held hostage.", Some("Karl Henning"))],
    );
    check(
        &[
            "Ana Ruiz spoke after the vote.",
            "Ruiz also told reporters the crews would \"stay out until spring.\"",
        ],
        &[("stay out until spring.", Some("Ana Ruiz"))],
    );
}

#[test]
fn according_to_x_before_the_quote() {
    check(
        &["According to Mara Quint, the offer was \"not serious at all\"."],
        &[("not serious at all", Some("Mara Quint"))],
    );
}

#[test]
fn according_to_x_keeps_a_role_between_commas() {
    check(
        &["According to Helena Voss, a spokeswoman for the port, the offer is \"a step back.\""],
        &[(
            "a step back.",
            Some("Helena Voss, a spokeswoman for the port"),
        )],
    );
}

#[test]
fn according_to_x_after_the_quote() {
    check(
        &["\"The offer is a step back,\" according to Mara Quint."],
        &[("The offer is a step back", Some("Mara Quint"))],
    );
}

#[test]
fn x_was_quoted_as_saying() {
    check(
        &["Ivo Brand was quoted as saying: \"The ferries will sail on Friday.\""],
        &[("The ferries will sail", Some("Ivo Brand"))],
    );
}

#[test]
fn said_x_of_a_body() {
    check(
        &["\"The plan is sound,\" said Peter Lindqvist of the Harbour Workers Union."],
        &[("The plan is sound", Some("Peter Lindqvist"))],
    );
    check(
        &["\"We need clean water first,\" said Dr. Nadia Ferro of Medics Across Borders."],
        &[("We need clean water first", Some("Nadia Ferro"))],
    );
}

#[test]
fn x_of_a_place_said() {
    check(
        &["Martin Selby of Port Arven said: \"We were never asked.\""],
        &[("We were never asked.", Some("Martin Selby"))],
    );
}

#[test]
fn a_country_s_minister_said() {
    check(
        &["Valdoria's Interior Minister Tomas Kell said: \"The border stays open.\""],
        &[("The border stays open.", Some("Tomas Kell"))],
    );
    check(
        &["\"The border stays open,\" Valdoria's Interior Minister Tomas Kell said."],
        &[("The border stays open", Some("Tomas Kell"))],
    );
}

#[test]
fn said_x_with_a_time_after_the_name() {
    check(
        &["\"We are ready,\" said Ana Ruiz on Tuesday."],
        &[("We are ready", Some("Ana Ruiz"))],
    );
}

#[test]
fn an_age_beside_the_name_is_not_a_role() {
    check(
        &["Ana Ruiz, 54, said: \"I have never seen the port so quiet.\""],
        &[("I have never seen", Some("Ana Ruiz"))],
    );
}

#[test]
fn x_told_a_newspaper() {
    check(
        &["\"We are ready,\" Karl Henning told the Valdor Gazette."],
        &[("We are ready", Some("Karl Henning"))],
    );
}

#[test]
fn a_spokesman_for_an_organisation_is_a_description() {
    check(
        &["\"We will appeal,\" said a spokesman for the Harbour Workers Union."],
        &[(
            "We will appeal",
            Some("a spokesman for the Harbour Workers Union"),
        )],
    );
}

#[test]
fn an_organisation_said_in_a_statement() {
    check(
        &["\"We will appeal,\" the Harbour Workers Union said in a statement."],
        &[("We will appeal", Some("Harbour Workers Union"))],
    );
}

#[test]
fn x_wrote() {
    check(
        &["Ana Ruiz wrote in a letter to members: \"The strike is our last resort.\""],
        &[("The strike is our last resort.", Some("Ana Ruiz"))],
    );
}

#[test]
fn a_title_given_after_the_verb_before_the_name() {
    check(
        &["\"We will rebuild,\" explained the island's Housing Secretary, Ana Carmen Alemany."],
        &[("We will rebuild", Some("Ana Carmen Alemany"))],
    );
}

#[test]
fn a_relative_clause_before_the_quote_leaves_the_speaker_alone() {
    check(
        &["Among those urging people to vote was Bishop Tomas Veyra, who called it a duty and warned that \"the enemies of reform are waiting.\""],
        &[("the enemies of reform are waiting.", Some("Tomas Veyra"))],
    );
}

#[test]
fn a_connective_before_the_speaker_is_not_part_of_it() {
    check(
        &["Ana Ruiz spoke first. Meanwhile, she noted that \"the harbour is deeply concerned.\""],
        &[("the harbour is deeply concerned.", Some("Ana Ruiz"))],
    );
}

#[test]
fn a_conjunction_before_the_speaker_is_not_part_of_it() {
    check(
        &["Talks failed, and union leader Mara Holt said the crews would stay out until the rosters were \"fixed for good.\""],
        &[("fixed for good.", Some("Mara Holt"))],
    );
}

#[test]
fn an_adverb_after_the_speaker_is_not_a_role() {
    check(
        &["Linda Hollis, however, said: \"We are not done.\""],
        &[("We are not done.", Some("Linda Hollis"))],
    );
}

#[test]
fn a_participle_after_the_speaker_is_not_a_role() {
    check(
        &["\"I am tired of waiting,\" said Juan Samper, appearing tired."],
        &[("I am tired of waiting", Some("Juan Samper"))],
    );
}

#[test]
fn a_time_word_before_the_speaker_is_not_part_of_it() {
    check(
        &[
            "Vernon Hale is a lawyer for the crews.",
            "Earlier Hale said: \"She told me in no uncertain terms that she did not.\"",
        ],
        &[("She told me", Some("Vernon Hale"))],
    );
}

// Partial quotes and quotes over several sentences or paragraphs.

#[test]
fn a_partial_quote_inside_reported_speech() {
    check(
        &["Mayor Ruth Okafor said the ferries were \"safe to sail\" this week."],
        &[("safe to sail", Some("Ruth Okafor"))],
    );
}

#[test]
fn two_partial_quotes_in_one_reported_sentence() {
    check(
        &["Mayor Ruth Okafor said the ferries were \"safe to sail\" and the crews \"fully trained.\""],
        &[
            ("safe to sail", Some("Ruth Okafor")),
            ("fully trained.", Some("Ruth Okafor")),
        ],
    );
}

#[test]
fn a_quote_of_several_sentences() {
    check(
        &["\"We will stay out. The rosters are unfair. Nobody listens,\" said Ana Ruiz."],
        &[("We will stay out.", Some("Ana Ruiz"))],
    );
    check(
        &["Ana Ruiz said: \"We will stay out. The rosters are unfair. Nobody listens.\""],
        &[("We will stay out.", Some("Ana Ruiz"))],
    );
}

#[test]
fn a_quote_over_paragraphs_open_in_each_closed_in_the_last() {
    check(
        &[
            "Ana Ruiz, head of the union, said: \"We will stay out until the rosters are fixed.",
            "\"The port knows what it must do. We have told it many times.",
            "\"Nobody wants a long strike.\"",
        ],
        &[
            ("We will stay out", Some("Ana Ruiz, head of the union")),
            ("The port knows", Some("Ana Ruiz, head of the union")),
            ("Nobody wants", Some("Ana Ruiz, head of the union")),
        ],
    );
}

#[test]
fn a_quote_over_paragraphs_attributed_at_its_end() {
    check(
        &[
            "\"We will stay out until the rosters are fixed.",
            "\"Nobody wants a long strike,\" said Ana Ruiz.",
        ],
        &[
            ("We will stay out", Some("Ana Ruiz")),
            ("Nobody wants", Some("Ana Ruiz")),
        ],
    );
}

#[test]
fn a_paragraph_that_is_only_a_quote_continues_the_speaker_before() {
    check(
        &[
            "\"The offer is an insult,\" said Ana Ruiz, head of the union.",
            "\"We will vote on it next week.\"",
        ],
        &[
            (
                "The offer is an insult",
                Some("Ana Ruiz, head of the union"),
            ),
            ("We will vote", Some("Ana Ruiz, head of the union")),
        ],
    );
}

#[test]
fn a_quote_opening_the_next_sentence_continues_the_speaker() {
    check(
        &["\"The offer is an insult,\" said Karl Henning. \"We will vote on it next week.\""],
        &[
            ("The offer is an insult", Some("Karl Henning")),
            ("We will vote", Some("Karl Henning")),
        ],
    );
}

#[test]
fn continuation_is_blocked_when_another_person_is_named_between() {
    check(
        &[
            "\"The offer is an insult,\" said Ana Ruiz. Karl Henning, the port's director, disagreed.",
            "\"We will vote on it next week.\"",
        ],
        &[("The offer is an insult", Some("Ana Ruiz")), ("We will vote", None)],
    );
}

#[test]
fn continuation_needs_the_paragraph_right_before() {
    check(
        &[
            "\"The offer is an insult,\" said Ana Ruiz.",
            "The vote is set for Thursday.",
            "\"We will vote on it next week.\"",
        ],
        &[
            ("The offer is an insult", Some("Ana Ruiz")),
            ("We will vote", None),
        ],
    );
}

#[test]
fn a_continued_quote_of_an_unknown_speaker_has_none() {
    check(
        &[
            "\"The offer is an insult,\" they said.",
            "\"We will vote on it next week.\"",
        ],
        &[("The offer is an insult", None), ("We will vote", None)],
    );
}

// Quotations that are not statements of anyone.

#[test]
fn a_quoted_word_has_no_speaker() {
    check(
        &["The word \"truce\" means different things to each side."],
        &[("truce", None)],
    );
}

#[test]
fn a_quote_inside_a_quote_stays_inside() {
    check(
        &["\"They say: \"We are ready\". They want more,\" said an official."],
        &[(
            "They say: \"We are ready\". They want more",
            Some("an official"),
        )],
    );
}

// Descriptions.

#[test]
fn an_indefinite_description_prints_as_itself() {
    check(
        &["\"No comment,\" a senior official who met them told reporters."],
        &[("No comment", Some("a senior official who met them"))],
    );
    check(
        &["\"Talks go on,\" said a senior official who met with them this fall."],
        &[(
            "Talks go on",
            Some("a senior official who met with them this fall"),
        )],
    );
}

#[test]
fn a_definite_description_is_the_one_person_with_that_title() {
    check(
        &[
            "Transport Minister Ivo Brand visited the port on Monday.",
            "\"The ferries are safe,\" the minister said.",
        ],
        &[("The ferries are safe", Some("Ivo Brand"))],
    );
    check(
        &[
            "On Monday, Mayor Ruth Okafor toured the quays.",
            "The mayor has repeatedly said the ferries are \"safe to sail.\"",
        ],
        &[("safe to sail.", Some("Ruth Okafor"))],
    );
}

#[test]
fn a_title_that_opens_a_sentence_is_still_a_title() {
    check(
        &[
            "Mayor Ruth Okafor toured the quays.",
            "The mayor has repeatedly said the ferries are \"safe to sail.\"",
        ],
        &[("safe to sail.", Some("Ruth Okafor"))],
    );
}

#[test]
fn a_definite_description_with_a_lower_case_role_before_the_name() {
    check(
        &[
            "Union negotiator Paula Brenn arrived late.",
            "\"We are close,\" the negotiator said.",
        ],
        &[("We are close", Some("Paula Brenn"))],
    );
}

#[test]
fn a_definite_description_with_two_people_of_that_title_has_no_speaker() {
    check(
        &[
            "Transport Minister Ivo Brand and Finance Minister Karl Henning visited the port.",
            "\"The ferries are safe,\" the minister said.",
        ],
        &[("The ferries are safe", None)],
    );
}

#[test]
fn a_definite_description_of_no_one_named_has_no_speaker() {
    check(
        &["\"It is over,\" the spokesman said."],
        &[("It is over", None)],
    );
    check(
        &["The mayor has repeatedly said the ferries are \"safe to sail.\""],
        &[("safe to sail.", None)],
    );
}

// Pronouns.

#[test]
fn he_said_with_no_one_named_has_no_speaker() {
    check(&["“It is over,” he added."], &[("It is over", None)]);
}

#[test]
fn he_said_after_one_man_named() {
    check(
        &["Karl Henning, the port's director, said the offer was final. \"It will not change,\" he said."],
        &[("It will not change", Some("Karl Henning"))],
    );
}

#[test]
fn he_added_continues_the_speaker_just_quoted() {
    check(
        &["\"We will stay out,\" said Karl Henning. \"And we will win,\" he added."],
        &[
            ("We will stay out", Some("Karl Henning")),
            ("And we will win", Some("Karl Henning")),
        ],
    );
}

#[test]
fn he_said_with_two_men_named_has_no_speaker() {
    check(
        &[
            "Karl Henning met Peter Lindqvist on Monday.",
            "\"Nothing was agreed,\" he said.",
        ],
        &[("Nothing was agreed", None)],
    );
    check(
        &[
            "\"We will stay out,\" said Karl Henning. Peter Lindqvist and Martin Selby disagreed.",
            "\"It is a bluff,\" he said.",
        ],
        &[
            ("We will stay out", Some("Karl Henning")),
            ("It is a bluff", None),
        ],
    );
}

#[test]
fn he_said_is_the_one_man_named_in_the_sentence_before() {
    check(
        &[
            "\"We will stay out,\" said Karl Henning. Peter Lindqvist disagreed.",
            "\"It is a bluff,\" he said.",
        ],
        &[
            ("We will stay out", Some("Karl Henning")),
            ("It is a bluff", Some("Peter Lindqvist")),
        ],
    );
}

#[test]
fn she_or_he_said_with_a_woman_and_a_man_named() {
    // Titles give the gender, and so do given names the dictionary gives
    // one gender everywhere ("Ana", "Karl"); names of both genders do not.
    check(
        &["Ms. Ana Ruiz met Mr. Karl Henning on Monday. \"Nothing was agreed,\" she said."],
        &[("Nothing was agreed", Some("Ana Ruiz"))],
    );
    check(
        &["Ms. Ana Ruiz met Mr. Karl Henning on Monday. \"Nothing was agreed,\" he said."],
        &[("Nothing was agreed", Some("Karl Henning"))],
    );
    check(
        &["Ana Ruiz met Karl Henning on Monday. \"Nothing was agreed,\" he said."],
        &[("Nothing was agreed", Some("Karl Henning"))],
    );
    check(
        &["Kim Ruiz met Robin Henning on Monday. \"Nothing was agreed,\" he said."],
        &[("Nothing was agreed", None)],
    );
}

#[test]
fn she_said_after_the_paragraph_of_another_speaker() {
    check(
        &[
            "\"We will stay out,\" said Karl Henning.",
            "Ana Ruiz, the port's director, disagreed. \"The offer is fair,\" she said.",
        ],
        &[
            ("We will stay out", Some("Karl Henning")),
            ("The offer is fair", Some("Ana Ruiz")),
        ],
    );
}

#[test]
fn a_pronoun_with_a_phrase_of_reference_after_it() {
    check(
        &["Peter Lindqvist spoke at the rally. \"Some powers think they own the sea,\" he said in an apparent reference to the United States."],
        &[("Some powers think", Some("Peter Lindqvist"))],
    );
    check(
        &["\"Some powers think they own the sea,\" he said in an apparent reference to the United States."],
        &[("Some powers think", None)],
    );
}

#[test]
fn they_said_has_no_speaker() {
    check(
        &["\"We are not going back,\" they said."],
        &[("We are not going back", None)],
    );
}

// Names: surnames and full names.

#[test]
fn a_surname_prints_the_full_name() {
    check(
        &[
            "Dario Kestel leads the union.",
            "\"We will strike,\" Kestel said.",
        ],
        &[("We will strike", Some("Dario Kestel"))],
    );
}

#[test]
fn a_surname_is_not_an_organisation_that_holds_it() {
    check(
        &[
            "Dario Kestel took on the Kestel Port Authority in court.",
            "\"We will strike,\" Kestel said.",
        ],
        &[("We will strike", Some("Dario Kestel"))],
    );
}

#[test]
fn a_family_name_first_name_is_found_by_its_first_word() {
    check(
        &[
            "Port director Tan Weiming met the crews.",
            "\"The cranes will run again,\" Tan said.",
        ],
        &[("The cranes will run again", Some("Tan Weiming"))],
    );
}

#[test]
fn a_surname_shared_by_two_people_stays_a_surname() {
    check(
        &[
            "Michael Harlan and Susan Harlan run the yard.",
            "\"We will sell,\" Harlan said.",
        ],
        &[("We will sell", Some("Harlan"))],
    );
}

// The failures of issue 14.

#[test]
fn a_city_is_not_a_speaker() {
    check(
        &["\"The talks must resume,\" Kuala Lumpur said on Tuesday."],
        &[("The talks must resume", None)],
    );
}

#[test]
fn a_country_that_says_something_is_not_a_person() {
    check(
        &["The United States said: \"We are watching closely.\""],
        &[("We are watching closely.", None)],
    );
    check(
        &["\"We will not be pushed,\" Malaysia said."],
        &[("We will not be pushed", None)],
    );
}

#[test]
fn a_region_is_not_a_speaker() {
    check(
        &["\"The season was poor,\" said the Middle East."],
        &[("The season was poor", None)],
    );
    check(
        &["Across North Africa, farmers said the rains were \"late and thin.\""],
        &[("late and thin.", None)],
    );
}

#[test]
fn a_place_tied_to_a_group_is_not_a_speaker() {
    check(
        &["\"Shells fell all night,\" residents of the rebel-held Orla Valley said."],
        &[("Shells fell all night", None)],
    );
}

#[test]
fn a_fragment_is_not_a_speaker() {
    check(
        &["The crews listened, in an apparent reference to the United Nations, to the words \"a port for everyone\"."],
        &[("a port for everyone", None)],
    );
}

#[test]
fn the_speaker_the_sentence_names_wins_over_the_paragraph_before() {
    check(
        &[
            "Rep. Dale Oberly, D-Wis., called the plan reckless.",
            "\"We cannot write a blank cheque,\" said Rep. Lindon Grey, R-S.C.",
        ],
        &[("We cannot write a blank cheque", Some("Lindon Grey"))],
    );
}

#[test]
fn a_news_agency_that_reported_a_quote_is_not_its_speaker() {
    check(
        &["\"The ferries will sail on Friday,\" Reuters reported."],
        &[("The ferries will sail on Friday", None)],
    );
    check(
        &["\"The ferries will sail on Friday,\" the Associated Press reported."],
        &[("The ferries will sail on Friday", None)],
    );
}

#[test]
fn the_speaker_quoted_by_a_news_agency() {
    check(
        &["\"We will sail on Friday,\" Interior Minister Tomas Kell was quoted as saying by the Xinhua news agency."],
        &[("We will sail on Friday", Some("Tomas Kell"))],
    );
}

#[test]
fn a_dateline_does_not_become_the_speaker() {
    check(
        &["MARLOW FALLS — Mayor Ruth Okafor said: \"The bridge will reopen.\""],
        &[("The bridge will reopen.", Some("Ruth Okafor"))],
    );
}

// Name typing.

#[test]
fn a_given_name_makes_a_person() {
    check_kinds(
        "Ana Ruiz and Peter Lindqvist met the crews at the gate.",
        &[
            ("Ana Ruiz", NameKind::Person),
            ("Peter Lindqvist", NameKind::Person),
        ],
    );
}

#[test]
fn a_title_makes_a_person() {
    check_kinds(
        "Interior Minister Velko Dranic and Sen. Ormund Tasker arrived.",
        &[
            ("Velko Dranic", NameKind::Person),
            ("Ormund Tasker", NameKind::Person),
        ],
    );
}

#[test]
fn a_surname_takes_the_kind_of_its_full_name() {
    check_kinds(
        "Interior Minister Velko Dranic arrived late. Dranic spoke for an hour.",
        &[
            ("Velko Dranic", NameKind::Person),
            ("Dranic", NameKind::Person),
        ],
    );
}

#[test]
fn a_name_later_called_he_is_a_person() {
    check_kinds(
        "Zorbek Tallis said the port would reopen. He gave no date.",
        &[("Zorbek Tallis", NameKind::Person)],
    );
}

#[test]
fn a_name_the_article_writes_with_the_is_not_made_a_person_by_he() {
    check_kinds(
        "The Quayside Wardens closed the quay on Monday. Wardens said he had no permit.",
        &[
            ("Quayside Wardens", NameKind::Other),
            ("Wardens", NameKind::Other),
        ],
    );
}

#[test]
fn gazetteer_countries_cities_and_regions_are_places() {
    check_kinds(
        "Ships from France and Malaysia waited off Kuala Lumpur and Nairobi sent aid.",
        &[
            ("France", NameKind::Place),
            ("Malaysia", NameKind::Place),
            ("Kuala Lumpur", NameKind::Place),
            ("Nairobi", NameKind::Place),
        ],
    );
    check_kinds(
        "Leaders of the United States met envoys of the Middle East and North Africa.",
        &[
            ("United States", NameKind::Place),
            ("Middle East", NameKind::Place),
            ("North Africa", NameKind::Place),
        ],
    );
}

#[test]
fn organisation_words_make_organisations() {
    check_kinds(
        "The Harbour Workers Union, the Ministry of Transport, and Valdor Shipping Company signed.",
        &[
            ("Harbour Workers Union", NameKind::Organisation),
            ("Ministry of Transport", NameKind::Organisation),
            ("Valdor Shipping Company", NameKind::Organisation),
        ],
    );
}

#[test]
fn and_does_not_join_two_organisations() {
    check_kinds(
        "The Ministry of Transport and Valdor Shipping Company signed the lease.",
        &[
            ("Ministry of Transport", NameKind::Organisation),
            ("Valdor Shipping Company", NameKind::Organisation),
        ],
    );
}

#[test]
fn a_news_agency_is_an_organisation() {
    check_kinds(
        "The strike was first reported by Reuters.",
        &[("Reuters", NameKind::Organisation)],
    );
}

#[test]
fn an_acronym_joins_the_organisation_named_in_full() {
    let text = "The Harbour Workers Union called a strike. Officials of the HWU met on Monday.";
    check_kinds(text, &[("HWU", NameKind::Organisation)]);
    let analysis = analyse(text, &[], &Context::default());
    let entity_of = |name: &str| {
        analysis
            .mentions
            .iter()
            .find(|m| &text[m.span.range()] == name)
            .map(|m| m.entity)
    };
    assert_eq!(entity_of("HWU"), entity_of("Harbour Workers Union"));
}

#[test]
fn in_x_makes_an_unknown_name_a_place() {
    check_kinds(
        "The talks were held in Quarvell on Monday.",
        &[("Quarvell", NameKind::Place)],
    );
}

#[test]
fn place_words_make_places() {
    check_kinds(
        "Shells fell on the Orla Valley and boats left Tesk Harbour.",
        &[
            ("Orla Valley", NameKind::Place),
            ("Tesk Harbour", NameKind::Place),
        ],
    );
}

#[test]
fn a_sentence_opening_word_is_no_name() {
    let text = "Meanwhile the crews waited. However long it takes, they said, they will wait.";
    let analysis = analyse(text, &[], &Context::default());
    assert!(
        analysis.mentions.is_empty(),
        "{:?}",
        analysis
            .mentions
            .iter()
            .map(|m| &text[m.span.range()])
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_phrase_quoted_inside_a_sentence_takes_the_sentence_closing_attribution() {
    check(
        &["The treatment feels like \"a woodpecker at the door\" once a second, said researcher Dr. Olek Varsa."],
        &[("a woodpecker at the door", Some("Olek Varsa"))],
    );
    check(
        &["The plan is \"a leaky boat at best\" for the islands, Tamsin Orde said."],
        &[("a leaky boat at best", Some("Tamsin Orde"))],
    );
}

#[test]
fn calling_something_by_a_phrase_quotes_the_one_who_calls_it() {
    check(
        &["Ms. Tamsin Orde called the budget \"a leaky boat at best\" on Monday."],
        &[("a leaky boat at best", Some("Tamsin Orde"))],
    );
}

#[test]
fn a_certain_source_on_one_side_wins_over_a_verb_on_the_other() {
    check(
        &["Dr. Olek Varsa, director of the clinic, said that it was \"forced to close\" its wards when inspectors told the staff to leave."],
        &[("forced to close", Some("Olek Varsa, director of the clinic"))],
    );
}

#[test]
fn an_apposition_with_an_office_makes_an_unknown_name_a_person() {
    check_kinds(
        "Zorbek Tallis, the island's special envoy, arrived on Monday. Tallis met the mayor.",
        &[
            ("Zorbek Tallis", NameKind::Person),
            ("Tallis", NameKind::Person),
        ],
    );
    // A relation is no office: the standing of a team or a firm.
    check_kinds(
        "Harrowgate Vale, the defending champion, lost on Sunday.",
        &[("Harrowgate Vale", NameKind::Other)],
    );
}

#[test]
fn a_team_named_after_its_city_is_no_person_and_an_acronym_no_town() {
    check_kinds(
        "The San Diego Chargers signed a tackle. ATI shipped new chips.",
        &[
            ("San Diego Chargers", NameKind::Other),
            ("ATI", NameKind::Organisation),
        ],
    );
    check_kinds(
        "Tyler Brandt broke North Carolina's career scoring record.",
        &[("North Carolina", NameKind::Other)],
    );
}

#[test]
fn a_quote_whose_sentence_names_its_speaker_later_does_not_continue_the_last_one() {
    check(
        &["\"We will reopen,\" said Ms. Ana Ruiz. \"He will be prosecuted\" when he returns, Kofi Mensah, chairman of the port board, told reporters."],
        &[
            ("We will reopen", Some("Ana Ruiz")),
            ("He will be prosecuted", Some("Kofi Mensah, chairman of the port board")),
        ],
    );
}

// Forms read from held-out news (sentences invented here).

#[test]
fn a_quote_split_around_its_cue_keeps_the_speaker_after_the_cue() {
    check(
        &["\"The slick is still out there,\" says Orla Brandt, \"and it will take years to break down.\""],
        &[
            ("The slick is still out there", Some("Orla Brandt")),
            ("and it will take years to break down.", Some("Orla Brandt")),
        ],
    );
    // Another speaker's cue between the halves is not the first one's.
    check(
        &["\"We are ready,\" said Orla Brandt, while Tomas Keel said \"not yet.\""],
        &[("We are ready", Some("Orla Brandt")), ("not yet.", None)],
    );
}

#[test]
fn a_closing_cue_with_a_long_apposition_names_the_speaker_of_a_phrase() {
    check(
        &["But the dish's \"remarkable reach\" will help with follow-up work, says Lena Varga, an astronomer at the Institute for Radio Studies in Graz, Austria."],
        &[("remarkable reach", Some("Lena Varga, an astronomer"))],
    );
}

#[test]
fn a_second_verb_of_the_sentence_subject_cues_the_quote() {
    check(
        &["Harbour councillor Piet Maas called the closure a \"disgrace\" and said: \"The owners owe the town an answer.\""],
        &[
            ("disgrace", Some("Piet Maas")),
            ("The owners owe the town an answer.", Some("Piet Maas")),
        ],
    );
    check(
        &["Attorney General Rhea Stone wrote to the court, saying her office feared \"a conviction on half the evidence.\""],
        &[("a conviction on half the evidence.", Some("Rhea Stone"))],
    );
    check(
        &["Marcus Vell, the grandson of the founder and a board member, spoke on a call and said of the mill: \"It is the town's heart.\""],
        &[("It is the town's heart.", Some("Marcus Vell"))],
    );
    // A sentence that opens with someone else's clause is left alone.
    check(
        &["When Piet Maas left, the board met and said: \"We will sell.\""],
        &[("We will sell.", None)],
    );
}

#[test]
fn a_phrase_in_reported_speech_is_the_reporter_s_even_past_another_name() {
    check(
        &[
            "Gil Amsel chairs the board.",
            "Amsel said that Nora Pike will keep her \"sharp eye for risk\" and that the board has \"full trust\" in her.",
        ],
        &[
            ("sharp eye for risk", Some("Gil Amsel")),
            ("full trust", Some("Gil Amsel")),
        ],
    );
    // A cognition verb of the other person makes the words possibly theirs.
    check(
        &["Amsel said that Nora Pike believes the plan is \"doomed from the start.\""],
        &[("doomed from the start.", None)],
    );
}

#[test]
fn a_long_phrase_after_the_speaker_s_name_does_not_hide_it() {
    check(
        &["\"The shift is a problem for the mayor,\" said Ola Brink of the independent Council for a Fair Harbour Vote, which tracks turnout."],
        &[("The shift is a problem for the mayor", Some("Ola Brink"))],
    );
}

#[test]
fn a_body_and_an_office_before_the_name_describe_the_person() {
    check(
        &["\"Half the oil is gone,\" said NOAA head Mirja Tallen at a briefing."],
        &[("Half the oil is gone", Some("Mirja Tallen"))],
    );
}

#[test]
fn a_plain_word_of_description_before_the_name_is_no_obstacle() {
    check(
        &["\"It is ugly out there,\" KTV meteorologist Dana Orsk said."],
        &[("It is ugly out there", Some("Dana Orsk"))],
    );
    // A participle makes the name someone else's: the lawyer speaks.
    check(
        &["\"We will appeal,\" the lawyer representing Dana Orsk said."],
        &[("We will appeal", None)],
    );
}

#[test]
fn a_speech_verb_in_an_aside_is_not_the_cue() {
    check(
        &["\"The smoke is everywhere,\" Teo Raskin, a Velmar resident who tweeted about the fires, said."],
        &[("The smoke is everywhere", Some("Teo Raskin, a Velmar resident"))],
    );
}

#[test]
fn a_treaty_named_after_a_city_is_no_speaker() {
    check(
        &[
            "Forest story",
            "The goal under the 2015 U.N. Florence Agreement on forests is to stop the loss.",
            "Under the Florence Agreement, few countries act. \"It is vital,\" he said.",
        ],
        &[("It is vital", None)],
    );
    check_kinds(
        "Under the Florence Agreement, Ana Ruiz signed the Clean Harbour Act.",
        &[
            ("Ana Ruiz", NameKind::Person),
            ("Clean Harbour Act", NameKind::Other),
        ],
    );
}

#[test]
fn a_person_named_later_in_the_article_does_not_block_the_sentence_subject() {
    check(
        &[
            "Attorney General Rhea Stone wrote to the court, saying her office feared \"a conviction on half the evidence.\"",
            "District Attorney Lars Ebbe agreed with her.",
        ],
        &[("a conviction on half the evidence.", Some("Rhea Stone"))],
    );
}

#[test]
fn a_quotation_glued_to_the_sentence_before_is_still_a_quotation() {
    check(
        &["\"We will win the vote,\" said union chief Ana Ruiz.\"So that is the plan for the autumn.\""],
        &[
            ("We will win the vote", Some("Ana Ruiz")),
            ("So that is the plan for the autumn.", Some("Ana Ruiz")),
        ],
    );
}

#[test]
fn a_name_written_with_the_does_not_make_a_pronoun_ambiguous() {
    check(
        &["KTV meteorologist Dana Orsk predicted snow over the Lake Country and rain for the Upper Vale. But, she added: \"The worst is over.\""],
        &[("The worst is over.", Some("Dana Orsk"))],
    );
}

#[test]
fn a_body_and_plain_words_of_description_before_the_name_after_the_verb() {
    check(
        &["\"It is a fee on everyone,\" said Velmar Bankers Association spokesman Jon Stahl."],
        &[("It is a fee on everyone", Some("Jon Stahl"))],
    );
    check(
        &["\"It is simply not right,\" said Harbour Bank customer Mira Nevo, who runs a bakery."],
        &[("It is simply not right", Some("Mira Nevo"))],
    );
}

#[test]
fn an_age_before_the_name_is_description() {
    check(
        &[
            "Tomas Chell has lived on the street for years.",
            "\"They drink and then drop dead,\" said the 46-year-old Chell, wrapped in a blanket.",
        ],
        &[("They drink and then drop dead", Some("Tomas Chell"))],
    );
}

#[test]
fn a_given_name_of_one_gender_everywhere_tells_who_she_is() {
    // "Margaret" is a woman's name wherever the dictionary lists it, so
    // "she" can only be Margaret Olsen, not Peter Brandt.
    check(
        &["Margaret Olsen met Peter Brandt at the port. \"We have a deal,\" she said."],
        &[("We have a deal", Some("Margaret Olsen"))],
    );
    // "Peter" is no "she", so the one left is Kim Olsen...
    check(
        &["Kim Olsen met Peter Brandt at the port. \"We have a deal,\" she said."],
        &[("We have a deal", Some("Kim Olsen"))],
    );
    // ...but two names of both genders ("Kim", "Robin") leave it open.
    check(
        &["Kim Olsen met Robin Brandt at the port. \"We have a deal,\" she said."],
        &[("We have a deal", None)],
    );
}

#[test]
fn inverted_says_x_colon() {
    check(
        &["Says harbour pilot Tomas Keel: \"We lost one week. They lost two.\""],
        &[("We lost one week. They lost two.", Some("Tomas Keel"))],
    );
}

#[test]
fn a_long_cue_between_the_halves_of_a_split_quote() {
    check(
        &["\"If we win here,\" said Mayor Ana Ruiz, standing before the council on Tuesday in the old town hall, \"we will carry the whole coast.\""],
        &[
            ("If we win here", Some("Ana Ruiz")),
            ("we will carry the whole coast.", Some("Ana Ruiz")),
        ],
    );
}

#[test]
fn a_phrase_reported_after_said_and_a_name_is_the_reporter_s() {
    check(
        &["The bishop said Tomas Keel \"had endured the worst of the war with great courage.\""],
        &[("had endured the worst of the war with great courage.", None)],
    );
    check(
        &["Bishop Ivo Brand said Tomas Keel \"had endured the worst of the war with great courage.\""],
        &[("had endured the worst of the war with great courage.", Some("Ivo Brand"))],
    );
}

#[test]
fn a_quote_that_runs_into_the_reporter_s_words_then_said_x() {
    check(
        &["\"Without medicine, the people will be forced to go back to\" old herbal cures, said Dr. Lena Varga."],
        &[(
            "Without medicine, the people will be forced to go back to",
            Some("Lena Varga"),
        )],
    );
}

#[test]
fn more_verbs_of_speech() {
    check(
        &["\"It's a miracle,\" crowed Ana Ruiz, the hotel's manager."],
        &[("It's a miracle", Some("Ana Ruiz, the hotel's manager"))],
    );
    check(
        &["\"The first victory was to cut the losses,\" Ivo Brand proclaimed."],
        &[("The first victory was to cut the losses", Some("Ivo Brand"))],
    );
}

#[test]
fn a_profession_before_a_name_is_a_title_even_when_the_given_name_is_a_country_s() {
    check(
        &["\"It is sleet, it is rain,\" KTV meteorologist Chad Orsk said."],
        &[("It is sleet, it is rain", Some("Chad Orsk"))],
    );
}

#[test]
fn a_given_name_written_without_its_accents_is_still_a_given_name() {
    check_kinds(
        "Joaquin Varela and Francois Lemaire met in Indiana.",
        &[
            ("Joaquin Varela", NameKind::Person),
            ("Francois Lemaire", NameKind::Person),
            ("Indiana", NameKind::Place),
        ],
    );
}

#[test]
fn a_name_one_goes_into_is_a_place() {
    check_kinds(
        "Lena Varga checked into Brookmere on Friday, her lawyer said.",
        &[
            ("Lena Varga", NameKind::Person),
            ("Brookmere", NameKind::Place),
        ],
    );
}

#[test]
fn the_one_person_named_a_few_sentences_back_when_no_one_else_could_be_meant() {
    check(
        &[
            "Harbour director Ivo Brand hopes to hire more pilots. The port is negotiating with the ministry for more money. \"A good review will help,\" he says.",
        ],
        &[("A good review will help", Some("Ivo Brand"))],
    );
    // Two people further back leave him unknown.
    check(
        &[
            "Ivo Brand met Karl Henning at the port. The port is negotiating with the ministry for more money. \"A good review will help,\" he says.",
        ],
        &[("A good review will help", None)],
    );
}
