//! Wire datelines at the start of a story's first sentence:
//! "WASHINGTON (AP) --", "MANILA, Philippines (AP) _",
//! "WUHAN, July 31 (Xinhua) --", "KYIV (Reuters) -".

#[cfg(test)]
mod tests;

/// The length in bytes of a dateline opening `text`, separator and the
/// space after it included; `None` when there is none.
pub fn dateline_length(text: &str) -> Option<usize> {
    // The place: a word in capitals, perhaps more, before the agency.
    let open = text.find(" (")?;
    let place = &text[..open];
    // "WASHINGTON" or "NEW YORK", then perhaps ", Philippines" or ", July 31".
    let (city, region) = place.split_once(", ").unwrap_or((place, ""));
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    let shouts = letters >= 3
        && city
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    if !shouts || region.split_whitespace().count() > 4 || region.contains(['(', ')']) {
        return None;
    }
    let close = open + text[open..].find(')')?;
    let agency = &text[open + 2..close];
    if agency.is_empty()
        || agency.len() > 30
        || !agency
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return None;
    }
    // Then a dash of some kind: "--", "_", "-", "—", "–".
    let rest = &text[close + 1..];
    let trimmed = rest.trim_start();
    let dash = ["--", "—", "–", "_", "-"]
        .iter()
        .find(|d| trimmed.starts_with(**d))?;
    let after = &trimmed[dash.len()..];
    if !after.starts_with(' ') {
        return None;
    }
    Some(text.len() - after.trim_start().len())
}
