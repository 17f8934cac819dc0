use super::*;

#[test]
fn escape_sequences_and_c1_controls_are_removed() {
    assert_eq!(
        without_controls("Red \u{1b}[31malert\u{1b}[0m\r\u{7}\u{9b}2J done"),
        "Red [31malert[0m2J done"
    );
    assert_eq!(
        without_controls("two\nlines\tand a tab"),
        "two\nlines\tand a tab"
    );
    assert!(matches!(without_controls("plain text"), Cow::Borrowed(_)));
    // Accented letters just above the C1 range are kept.
    assert_eq!(without_controls("caf\u{e9} \u{a0}"), "caf\u{e9} \u{a0}");
}

#[test]
fn a_one_line_field_keeps_no_break() {
    assert_eq!(
        one_line("Title\nwith\tbreaks\u{1b}]0;pwned\u{7}"),
        "Title with breaks]0;pwned"
    );
}
