//! Finding and normalising the name of the outlet that published a text.

use newsdesk_text::words;

#[cfg(test)]
mod tests;

/// Jobs that a biography or byline names ("is a reporter at ...").
pub(crate) const JOB_TITLES: &[&str] = &[
    "reporter",
    "journalist",
    "correspondent",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "producer",
    "analyst",
    "author",
    "freelancer",
    "photographer",
    "intern",
    "anchor",
];

/// Normalises an outlet name: trims separators and a leading "the" that a
/// sentence put in lower case ("at the Kyiv Independent"), keeps "The" that
/// is part of a name ("The New York Times").
pub fn normalise_outlet(raw: &str) -> Option<String> {
    let name = raw.trim().trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '|' | '-' | '—' | '–' | '"' | '“' | '”'
            )
    });
    let name = name.strip_prefix("the ").unwrap_or(name);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && name.len() <= 80).then_some(name)
}

/// The outlet named in a reporter's biography: "X is a reporter at the
/// Kyiv Independent covering ...", "... writes for The Daily Example".
pub fn outlet_from_bio(line: &str) -> Option<String> {
    let ws = words(line);
    for (i, w) in ws.iter().enumerate() {
        let job = JOB_TITLES.contains(&w.lower.as_str()) || w.lower == "writes";
        if !job {
            continue;
        }
        let Some(prep) = ws.get(i + 1) else { continue };
        if !matches!(prep.lower.as_str(), "at" | "for" | "with") {
            continue;
        }
        return capitalised_run(line, prep.span.end);
    }
    None
}

/// What a byline says: who wrote the article, for which outlet, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub date: Option<chrono::NaiveDate>,
}

/// The parts of a byline such as "By Jane Doe, Daily Example", "Written by
/// Jane Doe for Daily Example" or "By Jane Doe, Daily Example, March 3,
/// 2024": the authors, the outlet and a date, when given.
pub fn byline_parts(line: &str) -> Option<Byline> {
    let trimmed = line.trim();
    let rest = ["written by ", "reported by ", "by "]
        .iter()
        .find_map(|p| {
            let head = trimmed.get(..p.len())?;
            head.eq_ignore_ascii_case(p).then(|| &trimmed[p.len()..])
        })?;
    if words(rest).len() > 12 || rest.ends_with('.') && words(rest).len() > 6 {
        return None;
    }
    let (people, after_people) = match rest
        .char_indices()
        .find(|(_, c)| matches!(c, ',' | '|' | '—' | '–'))
    {
        Some((i, separator)) => (&rest[..i], Some(&rest[i + separator.len_utf8()..])),
        None => match rest.find(" for ") {
            Some(i) => (&rest[..i], Some(&rest[i + 5..])),
            None => (rest, None),
        },
    };
    // "By Jane Doe — November 18, 2019": a date is not an outlet; the
    // outlet is what stands before the date, or after it.
    let (outlet, date) = match after_people {
        None => (None, None),
        Some(after) => match newsdesk_text::find_date(after) {
            Some(found) => {
                let separators: &[char] = &[',', '|', '—', '–', ' ', '·'];
                let before = after[..found.span.start].trim_matches(separators);
                let behind = after[found.span.end..].trim_matches(separators);
                let outlet = [before, behind]
                    .into_iter()
                    .filter(|part| !part.is_empty() && newsdesk_text::find_date(part).is_none())
                    .find_map(normalise_outlet);
                (outlet, Some(found.date))
            }
            None => (normalise_outlet(after), None),
        },
    };
    let authors: Vec<String> = people
        .split(" and ")
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty() && a.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if authors.is_empty() {
        return None;
    }
    Some(Byline {
        authors,
        outlet,
        date,
    })
}

/// An outlet named in a consent banner or a copyright line:
/// "uses cookies from Example", "© 2026 Example. All rights reserved."
pub fn outlet_from_fine_print(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    if let Some(i) = lower.find("cookies from ") {
        return capitalised_run(line, i + "cookies from ".len());
    }
    let i = lower
        .find('©')
        .map(|i| i + '©'.len_utf8())
        .or_else(|| lower.find("copyright ").map(|i| i + "copyright ".len()))?;
    // Skip a year.
    let rest = &line[i..];
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_ascii_digit() || c.is_whitespace() || c == '-' || c == '–'
            })
            .len();
    capitalised_run(line, i + skip)
}

/// A run of capitalised words starting at `from` (skipping a lower-case
/// "the"), allowing "of", "and", "&" inside: "Kyiv Independent", "Bank of
/// England". Ends at the first other word or punctuation.
fn capitalised_run(line: &str, from: usize) -> Option<String> {
    let rest = line[from..].trim_start();
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let mut taken: Vec<&str> = Vec::new();
    for token in rest.split_whitespace() {
        let bare = token.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let joiner = matches!(bare, "of" | "and" | "&" | "de" | "du");
        if capital || (joiner && !taken.is_empty()) {
            taken.push(bare);
            if bare.len() != token.len() {
                break; // punctuation ends the name
            }
        } else {
            break;
        }
    }
    while taken
        .last()
        .is_some_and(|w| matches!(*w, "of" | "and" | "&" | "de" | "du"))
    {
        taken.pop();
    }
    if taken.is_empty() || taken.len() > 6 {
        return None;
    }
    normalise_outlet(&taken.join(" "))
}

/// A readable name from a file stem: "port-city-tribune" -> "Port City
/// Tribune"; stems with no letters are kept as they are.
pub fn outlet_from_file_stem(stem: &str) -> String {
    let parts: Vec<&str> = stem
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    // Ids and hashes ("001_8132cbc2") are not names: keep the stem as it is.
    if parts.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return stem.to_string();
    }
    let words: Vec<String> = parts
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect();
    let readable = words.join(" ");
    if readable.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
        readable
    } else {
        stem.to_string()
    }
}

/// The outlet at the end of a page title: "Headline | Outlet" -> "Outlet".
pub fn outlet_from_title_suffix(title: &str) -> Option<String> {
    let (at, sep) = [" | ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max()?;
    normalise_outlet(&title[at + sep..]).filter(|o| words(o).len() <= 5)
}
