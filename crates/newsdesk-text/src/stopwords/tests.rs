use super::*;

#[test]
fn list_is_sorted_so_binary_search_works() {
    assert!(
        STOPWORDS.windows(2).all(|w| w[0] < w[1]),
        "STOPWORDS must be sorted and unique"
    );
    assert!(is_stopword("the") && is_stopword("yourself") && !is_stopword("putin"));
}
