use super::wire_dashes;
use std::borrow::Cow;

fn check(text: &str, expected: &str) {
    assert_eq!(wire_dashes(text), expected, "{text:?}");
}

#[test]
fn spaced_underscores_and_double_hyphens_become_dashes() {
    check(
        "The fund _ described as aid _ amounted to a bribe.",
        "The fund — described as aid — amounted to a bribe.",
    );
    check(
        "WASHINGTON (AP) -- The court ruled.",
        "WASHINGTON (AP) — The court ruled.",
    );
    check(
        "HOUSTON _ Rain fell -- and fell.",
        "HOUSTON — Rain fell — and fell.",
    );
}

#[test]
fn other_underscores_and_hyphens_stay() {
    for text in [
        "Set snake_case names and a well-known co--op.",
        "A trailing underscore _",
        "_ a leading one",
        "x -y and x- y",
        "",
    ] {
        assert!(matches!(wire_dashes(text), Cow::Borrowed(_)), "{text:?}");
    }
}

#[test]
fn dashes_keep_the_word_count() {
    let text = "Officials _ three of them -- agreed.";
    assert_eq!(
        wire_dashes(text).split_whitespace().count(),
        text.split_whitespace().count()
    );
}

#[test]
fn a_dateline_is_still_found_after_the_dash_is_set() {
    for text in [
        "WASHINGTON (AP) -- The court ruled.",
        "DENVER _ Snow fell overnight.",
        "WUHAN, July 31 (Xinhua) -- Floods rose.",
    ] {
        let set = wire_dashes(text);
        assert_eq!(
            crate::dateline_length(&set).map(|n| &set[n..]),
            crate::dateline_length(text).map(|n| &text[n..]),
            "{text:?}"
        );
    }
}
