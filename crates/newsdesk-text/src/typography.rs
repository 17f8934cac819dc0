//! Typewriter conventions of wire copy, set as readers expect them.

use std::borrow::Cow;

#[cfg(test)]
mod tests;

/// Wire services typed a dash as an underscore or a double hyphen between
/// spaces ("the fund _ described as aid _ amounted to", "WASHINGTON (AP)
/// -- The court"); both become an em dash, spaces kept, so the text keeps
/// its words and a reader sees punctuation, not a stray "_". Text without
/// either form is returned as it is.
pub fn wire_dashes(text: &str) -> Cow<'_, str> {
    if !text.contains(" _ ") && !text.contains(" -- ") {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace(" _ ", " — ").replace(" -- ", " — "))
}
