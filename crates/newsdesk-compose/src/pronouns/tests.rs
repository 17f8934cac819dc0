use super::*;
use newsdesk_model::Citation;
use newsdesk_model::Span;

#[test]
fn opening_pronouns_are_found_where_the_subject_is() {
    let cases: &[(&str, Option<(&str, bool)>)] = &[
        ("He added that talks would resume.", Some(("He", false))),
        ("His offer was rejected on Monday.", Some(("His", true))),
        (
            "On Tuesday, she said the port would reopen.",
            Some(("she", false)),
        ),
        ("Her ministry denied it.", Some(("Her", true))),
        (
            "Later he publicly acknowledged the relationship.",
            Some(("he", false)),
        ),
        ("Later hearings were held in March.", None),
        ("They said the port would reopen.", None),
        ("The minister said he would resign.", None),
        ("Helena Voss said she was hopeful.", None),
    ];
    for (text, expected) in cases {
        let found = personal_pronoun(text).map(|p| (p.word, p.possessive));
        assert_eq!(found, *expected, "{text}");
    }
    assert!(opens_with_group_pronoun("They said the port would reopen."));
    assert!(opens_with_group_pronoun("On Friday, it reopened."));
    assert!(!opens_with_group_pronoun("The port reopened on Friday."));
    assert!(opens_with_group_pronoun(
        "Both kinds of pathways are receptive to nicotine."
    ));
    assert!(opens_with_group_pronoun(
        "Such a move would end the strike."
    ));
    assert!(!opens_with_group_pronoun("Both Reno and Freeh denied it."));
    assert!(!opens_with_group_pronoun("Suchet said the port reopened."));
}

#[test]
fn the_antecedent_is_the_one_person_the_layer_links_for_certain() {
    let check = |article: &str, opening: &str, expected: Option<(&str, &str)>| {
        let analysis = newsdesk_language::analyse(
            article,
            &[Span::new(0, article.len())],
            &newsdesk_language::Context::default(),
        );
        let at = article.find(opening).unwrap();
        let pronoun = personal_pronoun(&article[at..]).unwrap();
        let end = article[at..]
            .find('.')
            .map_or(article.len(), |e| at + e + 1);
        assert_eq!(
            antecedent(&analysis, at..end, &pronoun, false)
                .map(|person| (person.full, person.surname)),
            expected.map(|(full, surname)| (full.to_string(), surname.to_string())),
            "{article:?}"
        );
    };
    // Ms. Voss is a woman, so "he" is the one man named just before.
    check(
        "Ms. Helena Voss met Aurelio Brandt on Monday. He said the court would rule.",
        "He said",
        Some(("Aurelio Brandt", "Brandt")),
    );
    check(
        "Helena Voss, a spokeswoman, said she had no comment. She added that talks go on.",
        "She added",
        Some(("Helena Voss", "Voss")),
    );
    // No one named before, or two men: no name is guessed.
    check(
        "The port stayed shut. He added that the court would rule.",
        "He added",
        None,
    );
    check(
        "Aurelio Brandt met Dario Kestel on Monday. He said the court would rule.",
        "He said",
        None,
    );
}

fn printed(text: &str, article: &str, source: &str) -> StorySentence {
    let start = article.find(text).unwrap();
    StorySentence {
        text: text.to_string(),
        citations: vec![Citation {
            source: source.to_string(),
            start,
            end: start + text.len(),
        }],
        edits: Vec::new(),
    }
}

/// The language layer's reading of an article, one paragraph to a line
/// (kept for the test's length).
fn analysed(article: &str) -> &'static newsdesk_language::Analysis {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in article.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        if end > start {
            paragraphs.push(Span::new(start, end));
        }
        start += line.len();
    }
    Box::leak(Box::new(newsdesk_language::analyse(
        article,
        &paragraphs,
        &newsdesk_language::Context::default(),
    )))
}

/// Resolves a story whose sentences all come from one article.
fn resolve_from(story: &mut [StorySentence], article: &str) -> Vec<bool> {
    resolve(
        story
            .iter_mut()
            .map(|sentence| Printed {
                sentence,
                article,
                analysis: analysed(article),
            })
            .collect(),
    )
}

#[test]
fn pronouns_become_names_unless_the_reader_just_met_the_person() {
    let first = "Ferry crews struck at dawn. Mayor Ilse Varga called the strike a disgrace. \
                 She said the city would sue.";
    let second = "The ferries stayed in port. His deputy Tomas Reyes spoke. \
                  His office said talks would resume.";
    let mut story = [
        printed("Ferry crews struck at dawn.", first, "s1"),
        // Varga is not named before this in print: the full name replaces "She".
        printed("She said the city would sue.", first, "s1"),
        printed("The ferries stayed in port.", second, "s2"),
        // No one is named before "His deputy" in its own article: not printed.
        printed("His deputy Tomas Reyes spoke.", second, "s2"),
        // Reyes is the nearest person before, and was printed just before.
        printed("His office said talks would resume.", second, "s2"),
        // "They" out of its context cannot be printed.
        printed(
            "They said the port would reopen.",
            "They said the port would reopen.",
            "s3",
        ),
    ];
    let keep = resolve(
        story
            .iter_mut()
            .zip([
                first,
                first,
                second,
                second,
                second,
                "They said the port would reopen.",
            ])
            .map(|(sentence, article)| Printed {
                sentence,
                article,
                analysis: analysed(article),
            })
            .collect(),
    );
    assert_eq!(keep, [true, true, true, false, true, false]);
    assert_eq!(story[1].text, "Ilse Varga said the city would sue.");
    assert_eq!(
        story[1].edits,
        [Edit::ResolvedPronoun {
            pronoun: "She".into(),
            name: "Ilse Varga".into()
        }]
    );
    // Reyes was not printed (his sentence was left out): named in full.
    assert_eq!(
        story[4].text,
        "Tomas Reyes's office said talks would resume."
    );
}

#[test]
fn a_pronoun_right_after_its_own_sentence_stays() {
    let article = "Mayor Ilse Varga called the strike a disgrace. She said the city would sue.";
    let mut story = [
        printed(
            "Mayor Ilse Varga called the strike a disgrace.",
            article,
            "s1",
        ),
        printed("She said the city would sue.", article, "s1"),
    ];
    let keep = resolve_from(&mut story, article);
    assert_eq!(keep, [true, true]);
    assert_eq!(story[1].text, "She said the city would sue.");
    assert!(story[1].edits.is_empty());
}

#[test]
fn a_surname_is_enough_once_the_story_named_the_person() {
    let article = "Mayor Ilse Varga called the strike a disgrace. The ferries stayed in port. \
                   Varga met the unions. She said the city would sue.";
    let mut story = [
        printed(
            "Mayor Ilse Varga called the strike a disgrace.",
            article,
            "s1",
        ),
        printed(
            "The ferries stayed in port.",
            "Elsewhere: The ferries stayed in port.",
            "s2",
        ),
        printed("She said the city would sue.", article, "s1"),
    ];
    let articles = [article, "Elsewhere: The ferries stayed in port.", article];
    resolve(
        story
            .iter_mut()
            .zip(articles)
            .map(|(sentence, article)| Printed {
                sentence,
                article,
                analysis: analysed(article),
            })
            .collect(),
    );
    assert_eq!(story[2].text, "Varga said the city would sue.");
}

#[test]
fn the_surname_alone_only_where_the_source_uses_it() {
    let article = "John Paul arrived on Saturday. John Paul blessed the crowd. \
                   He flew home that night.";
    let elsewhere = "Elsewhere: The ferries stayed in port.";
    let mut story = [
        printed("John Paul blessed the crowd.", article, "s1"),
        printed("The ferries stayed in port.", elsewhere, "s2"),
        printed("He flew home that night.", article, "s1"),
    ];
    resolve(
        story
            .iter_mut()
            .zip([article, elsewhere, article])
            .map(|(sentence, article)| Printed {
                sentence,
                article,
                analysis: analysed(article),
            })
            .collect(),
    );
    assert_eq!(story[2].text, "John Paul flew home that night.");
}

#[test]
fn a_person_the_story_calls_by_surname_first_is_named_in_full() {
    let article = "Justice Minister Mara Velden said she would open the inquiry on Monday. The court would sit for a week. Velden promised a ruling by Friday. Velden also met the families. Floods reached Central Tanzania overnight. Tanzania asked for help.";
    let mut story = [
        printed("Velden promised a ruling by Friday.", article, "s1"),
        printed("Velden also met the families.", article, "s1"),
        // A place read as a name, with nothing to show it is a person.
        printed("Tanzania asked for help.", article, "s1"),
    ];
    let keep = resolve_from(&mut story, article);
    assert_eq!(keep, [true, true, true]);
    assert_eq!(story[0].text, "Mara Velden promised a ruling by Friday.");
    assert_eq!(
        story[0].edits,
        [Edit::NamedInFull {
            surname: "Velden".into(),
            name: "Mara Velden".into()
        }]
    );
    // Once named, the surname is enough.
    assert_eq!(story[1].text, "Velden also met the families.");
    assert!(story[1].edits.is_empty());
    assert_eq!(story[2].text, "Tanzania asked for help.");
}

#[test]
fn a_surname_inside_a_longer_name_is_left_alone() {
    let article = "Mayor Ilse Varga spoke on Monday. She said the Varga Foundation would pay. The Varga Foundation would pay, officials said.";
    let mut story = [printed(
        "The Varga Foundation would pay, officials said.",
        article,
        "s1",
    )];
    let keep = resolve_from(&mut story, article);
    assert_eq!(keep, [true]);
    assert_eq!(
        story[0].text,
        "The Varga Foundation would pay, officials said."
    );
}

#[test]
fn a_person_the_story_already_called_by_surname_is_not_named_in_full_later() {
    // The first article never gives the full name; the second does.
    let first = "Velden toured the harbour. Officials counted the damage.";
    let second = "Justice Minister Mara Velden said she would open the inquiry. Velden promised a ruling by Friday.";
    let mut story = [
        printed("Velden toured the harbour.", first, "s1"),
        printed("Velden promised a ruling by Friday.", second, "s2"),
    ];
    let keep = resolve(
        story
            .iter_mut()
            .zip([first, second])
            .map(|(sentence, article)| Printed {
                sentence,
                article,
                analysis: analysed(article),
            })
            .collect(),
    );
    assert_eq!(keep, [true, true]);
    // The reader has met "Velden" already: a full name now would read as
    // someone new.
    assert_eq!(story[1].text, "Velden promised a ruling by Friday.");
    assert!(story[1].edits.is_empty());
}

#[test]
fn a_group_the_article_calls_the_something_is_not_named_in_full() {
    // "he" follows the name, as it would a person's, but "the Harbour
    // Wardens" shows a group.
    let article = "The Harbour Wardens closed the quay on Monday. Wardens said he had no permit. Officials met the Harbour Wardens later. Wardens reopened the quay.";
    let mut story = [printed("Wardens reopened the quay.", article, "s1")];
    let keep = resolve_from(&mut story, article);
    assert_eq!(keep, [true]);
    assert_eq!(story[0].text, "Wardens reopened the quay.");
    assert!(story[0].edits.is_empty());
}

#[test]
fn a_closing_attribution_pronoun_is_found() {
    for (text, expected) in [
        (
            "Headache was the most common side effect, he said.",
            Some("he"),
        ),
        ("\"We will sue,\" she added in an interview.", Some("she")),
        ("“We will sue,” she told reporters.", Some("she")),
        ("The port reopened, he said, and ships docked.", Some("he")),
        (
            "Asked about the old jets that crashed off the coast, she said she was not sure.",
            Some("she"),
        ),
        ("He said the port reopened.", None),
        ("The port reopened, she hoped.", None),
        (
            "\"Attitude,\" he barks, as the pilot is supposed to.",
            Some("he"),
        ),
        ("The union said the port reopened.", None),
    ] {
        assert_eq!(
            attribution_pronoun(text).map(|p| p.word),
            expected,
            "{text}"
        );
    }
}

#[test]
fn a_closing_he_said_is_given_the_name_or_the_sentence_is_left_out() {
    // The article, the sentence printed from it, and what is printed:
    // `None` when the sentence cannot be printed on its own.
    let check = |article: &str, sentence: &str, expected: Option<&str>| {
        let mut story = [printed(sentence, article, "s1")];
        let keep = resolve_from(&mut story, article);
        assert_eq!(keep, [expected.is_some()], "{article}");
        if let Some(expected) = expected {
            assert_eq!(story[0].text, expected);
        }
    };
    check(
        "Dr. Mark Hallett led the trial at the institute. \
         Headache was the most common side effect, he said.",
        "Headache was the most common side effect, he said.",
        Some("Headache was the most common side effect, Mark Hallett said."),
    );
    // Named two sentences back, with no one else named since: him.
    check(
        "Dr. Mark Hallett led the trial at the institute. Patients heard fewer voices. \
         Headache was the most common side effect, he said.",
        "Headache was the most common side effect, he said.",
        Some("Headache was the most common side effect, Mark Hallett said."),
    );
    // Two people two sentences back: the layer is not sure enough to name
    // either.
    check(
        "Dr. Mark Hallett met Dr. Karl Henning at the institute. Patients heard fewer voices. \
         Headache was the most common side effect, he said.",
        "Headache was the most common side effect, he said.",
        None,
    );
    // Nobody to name.
    check(
        "Patients heard fewer voices. Headache was the most common side effect, he said.",
        "Headache was the most common side effect, he said.",
        None,
    );
    // The sentence names the person itself, by a surname the article gave
    // earlier or a family name written first: the pronoun stays.
    check(
        "Dr. Seymour Kety won the Albert Lasker Award, and he retired in 1983. \
         Kety recalled that the notion, he said, left him cold.",
        "Kety recalled that the notion, he said, left him cold.",
        Some("Seymour Kety recalled that the notion, he said, left him cold."),
    );
    check(
        "Wang Jiazhu is the chief engineer, and he led the work. \
         Wang said the problems have been solved, he added.",
        "Wang said the problems have been solved, he added.",
        Some("Wang said the problems have been solved, he added."),
    );
    // A place is no person: the pronoun still needs its antecedent.
    check(
        "Jane Garvey runs the agency. Asked about the jet that crashed off Nova Scotia, she said she was not sure.",
        "Asked about the jet that crashed off Nova Scotia, she said she was not sure.",
        Some("Asked about the jet that crashed off Nova Scotia, Jane Garvey said she was not sure."),
    );
    // (The name is given in full at its first mention, as any surname is.)
    check(
        "Mark Hallett spoke, and he was brief. Hallett's trial found fewer voices, he said.",
        "Hallett's trial found fewer voices, he said.",
        Some("Mark Hallett's trial found fewer voices, he said."),
    );
}

#[test]
fn surnames_in_a_list_are_named_in_full_from_the_layer_s_entities() {
    // "Kestel, Velden": a surname beside another name is still the
    // person's, as the layer's mentions show.
    let article = "Dario Kestel and Mara Velden opened the co-op in 2001. The co-op grew fast. Kestel, Velden and two clerks moved the office last week.";
    let mut story = [printed(
        "Kestel, Velden and two clerks moved the office last week.",
        article,
        "s1",
    )];
    let keep = resolve_from(&mut story, article);
    assert_eq!(keep, [true]);
    assert_eq!(
        story[0].text,
        "Dario Kestel, Mara Velden and two clerks moved the office last week."
    );
    assert_eq!(story[0].edits.len(), 2);
}
