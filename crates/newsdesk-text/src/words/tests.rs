use super::*;

fn lowers(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.lower).collect()
}

#[test]
fn words_keep_inner_apostrophes_and_hyphens() {
    assert_eq!(
        lowers("Putin’s cease-fire, 20% 'quoted' -dash"),
        ["putin's", "cease-fire", "20", "quoted", "dash"]
    );
}

#[test]
fn word_spans_point_at_the_original_text() {
    let text = "Ünïcode wörds — fine";
    for w in words(text) {
        assert_eq!(text[w.span.range()].to_lowercase(), w.lower);
    }
}

#[test]
fn content_terms_drop_stop_words_and_stem() {
    let stemmer = Stemmer::default();
    assert_eq!(
        content_terms(
            "The officials were negotiating about Putin's talks",
            &stemmer
        ),
        ["offici", "negoti", "putin", "talk"]
    );
}
