//! Control characters from sources, removed before anything is stored or
//! shown: an escape sequence in a title would act on the reader's
//! terminal (`stories list`), and raw C0 controls have no place in a page.

use std::borrow::Cow;

/// Whether a character is a control character that text never needs: C0
/// controls other than line feed and tab, DEL, and the C1 controls.
fn is_unwanted(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// Text without control characters, keeping line feeds and tabs.
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unwanted) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !is_unwanted(c)).collect())
}

/// A one-line field (a title, a name) without control characters: line
/// breaks and tabs become spaces.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_unwanted(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| !is_unwanted(c))
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
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
}
