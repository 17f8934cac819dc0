//! Control characters from sources, removed before anything is stored or
//! shown: an escape sequence in a title would act on the reader's
//! terminal (`stories list`), and raw C0 controls have no place in a page.

use std::borrow::Cow;

/// Whether a character is a control character that text never needs: C0
/// controls other than line feed and tab, DEL, and the C1 controls (all
/// three are what `char::is_control` names).
fn is_unwanted(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
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
    if !text.chars().any(char::is_control) {
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
mod tests;
