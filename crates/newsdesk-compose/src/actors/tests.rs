use super::*;

fn check(sentence: &str, actor: Option<&str>) {
    let analysis = newsdesk_language::analyse(sentence, &[], &Default::default());
    assert_eq!(
        subject_of_stance(sentence, 0, &analysis).as_deref(),
        actor,
        "{sentence:?}"
    );
}

#[test]
fn stance_subjects_are_actors() {
    check(
        "Western officials remain skeptical of the offer.",
        Some("Western officials"),
    );
    check(
        "Some U.S. officials believe that this may be a ploy.",
        Some("US officials"),
    );
    check(
        "Dario Kestel, the union's general secretary, said the mediation was welcome.",
        Some("Dario Kestel"),
    );
    check(
        "The Harbour Authority has repeatedly rejected the proposal.",
        Some("Harbour Authority"),
    );
    // A name the layer does not type is no party: precision first.
    check("The Kremlin has repeatedly rejected the proposal.", None);
    check("Kyiv, however, is unlikely to accept such an offer.", None);
}

#[test]
fn abstract_subjects_and_objects_are_not_actors() {
    check("Skepticism remains among Western officials.", None);
    check("The report states that nothing changed.", None);
    check("It remains unclear whether talks will resume.", None);
    check(
        "The history of broken agreements and violations by Russia further fuels doubt.",
        None,
    );
}

#[test]
fn a_position_takes_a_side_a_report_of_facts_does_not() {
    for side in [
        "Union officials said picket lines would remain in place.",
        "The port authority rejected the offer.",
        "Top officials deemed it too soon for talks.",
        "The mayor urged both sides to return to the table.",
    ] {
        assert!(takes_a_side(side), "{side}");
    }
    for fact in [
        "Earlier, officials said at least 85 people were killed in the town.",
        "The house, Ms. Davila said, is worth about $50,000.",
    ] {
        assert!(!takes_a_side(fact), "{fact}");
    }
}

#[test]
fn a_dateline_is_not_part_of_the_actor() {
    check(
        "WASHINGTON — The Federal Aviation Administration said on Thursday that it would consider whether airliners can get too old to fly.",
        Some("Federal Aviation Administration"),
    );
}

#[test]
fn an_opening_phrase_a_quotation_or_a_time_is_not_part_of_the_actor() {
    for (sentence, actor) in [
        (
            "Earlier police said the suspects would be charged.",
            Some("Police"),
        ),
        (
            "Like Steve Case, officials said the merger would go ahead.",
            Some("Officials"),
        ),
        (
            "From a business perspective Mara Velden said the deal would pay.",
            Some("Mara Velden"),
        ),
        (
            "\"Our results are firm,\" Helena Voss said the team would publish soon.",
            Some("Helena Voss"),
        ),
        (
            "The Interior Ministry on Friday claimed an unprecedented turnout.",
            Some("Interior Ministry"),
        ),
        (
            "Union leaders interviewed Thursday said they would strike again.",
            Some("Union leaders"),
        ),
        (
            "Despite the storm, union leaders said they would keep the picket lines.",
            Some("Union leaders"),
        ),
    ] {
        check(sentence, actor);
    }
}
