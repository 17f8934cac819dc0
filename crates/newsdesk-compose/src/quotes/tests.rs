use super::*;

/// The key of each attributed quotation's speaker in `text`, in order.
fn keys(text: &str) -> Vec<Option<String>> {
    let analysis = newsdesk_language::analyse(text, &[], &Default::default());
    analysis
        .attributions
        .iter()
        .map(|a| {
            analysis.speaker(text, a)?;
            speaker_key(text, &analysis, a.source.as_ref()?)
        })
        .collect()
}

#[test]
fn speaker_keys_tell_people_apart() {
    // One person, in full and by the surname, with a role beside the name.
    let found = keys(
        "\"The rosters stay as they are,\" said Dario Kestel, general secretary of the dockworkers' union. \
         \"We will not sign,\" Kestel said on Friday.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].as_deref(), Some("kestel"));
    assert_eq!(found[0], found[1]);
    // Two descriptions of unnamed people stay apart.
    let found = keys(
        "\"The offer is final,\" said a senior official. \
         \"It was never final,\" said a former senior harbour official.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].is_some() && found[1].is_some(), "{found:?}");
    assert_ne!(found[0], found[1]);
}

#[test]
fn an_organisation_is_told_apart_by_its_whole_name() {
    let entity = |name: &str, kind| Entity {
        name: name.into(),
        kind,
        gender: None,
        mentions: Vec::new(),
    };
    assert_ne!(
        entity_key(&entity("Valmora Port Authority", NameKind::Organisation)),
        entity_key(&entity("Civil Aviation Authority", NameKind::Organisation))
    );
    assert_eq!(
        entity_key(&entity(
            "Valmora Dockworkers’ Union",
            NameKind::Organisation
        )),
        entity_key(&entity(
            "Valmora Dockworkers' Union",
            NameKind::Organisation
        ))
    );
    assert_eq!(
        entity_key(&entity("Mara Holt", NameKind::Person)),
        entity_key(&entity("Holt", NameKind::Person))
    );
}

/// Whether the quotation in `text` (its first) reads as a statement.
fn statement_in(text: &str) -> bool {
    let analysis = newsdesk_language::analyse(text, &[], &Default::default());
    let quotation = analysis.quotations.first().expect("a quotation");
    reads_as_a_statement(text, quotation.inner, &analysis)
}

#[test]
fn names_terms_and_short_phrases_are_not_statements() {
    for text in [
        "The ministry set up what it calls the \"Northern Harbour Relief Board\" last spring.",
        "The troops join the \"African Crisis Response Force\" next year.",
        "He called the payment a \"bribe.\"",
        "The crews \"refused to turn up.\"",
        "The union said the plan was \"in conflict with people of the coast\" and walked out.",
    ] {
        assert!(!statement_in(text), "{text}");
    }
    for text in [
        "\"We will stay out until the rosters are fixed,\" Mara Holt said.",
        "The union called the offer \"the most the port can afford without raising fees on every importer in the country.\"",
        "\"It is all over,\" the captain said.",
    ] {
        assert!(statement_in(text), "{text}");
    }
}
