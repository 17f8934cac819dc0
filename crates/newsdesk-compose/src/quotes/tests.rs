use super::*;

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
