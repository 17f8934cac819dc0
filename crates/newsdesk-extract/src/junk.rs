//! Recognising what scrapers leave around an article: navigation, ads,
//! banners, teasers, footers, captions, biographies.
//!
//! Each rule looks at general features of a line — its length, its shape,
//! its punctuation, its share of interface or marketing vocabulary, where
//! it sits in the document — never at one site's exact strings.

use newsdesk_model::DropReason;
use newsdesk_text::words;
use std::borrow::Cow;

#[cfg(test)]
mod tests;

/// Where a line sits, as far as the rules care.
#[derive(Debug, Clone, Copy, Default)]
pub struct Position {
    /// The line comes after the last long paragraph of the document.
    pub in_tail: bool,
}

/// Words of page furniture: menus, buttons, counters.
const INTERFACE_WORDS: &[&str] = &[
    "about",
    "account",
    "all",
    "article",
    "articles",
    "avatar",
    "back",
    "bookmark",
    "categories",
    "close",
    "comment",
    "comments",
    "contact",
    "content",
    "copy",
    "copied",
    "download",
    "edition",
    "email",
    "english",
    "facebook",
    "feed",
    "follow",
    "home",
    "in",
    "instagram",
    "latest",
    "less",
    "link",
    "linkedin",
    "listen",
    "live",
    "load",
    "log",
    "login",
    "main",
    "menu",
    "min",
    "more",
    "most",
    "navigation",
    "new",
    "news",
    "newsletter",
    "newsletters",
    "next",
    "now",
    "of",
    "on",
    "opinion",
    "our",
    "page",
    "popular",
    "previous",
    "print",
    "read",
    "reading",
    "register",
    "reporter",
    "save",
    "search",
    "section",
    "sections",
    "see",
    "share",
    "show",
    "sign",
    "skip",
    "stories",
    "story",
    "subscribe",
    "telegram",
    "the",
    "this",
    "time",
    "to",
    "top",
    "trending",
    "tweet",
    "twitter",
    "up",
    "us",
    "video",
    "videos",
    "view",
    "watch",
    "whatsapp",
    "x",
    "youtube",
];

/// Words of sales copy.
const MARKETING_WORDS: &[&str] = &[
    "advert",
    "advertise",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "brand",
    "business",
    "buy",
    "coupon",
    "deal",
    "deals",
    "discount",
    "free",
    "listing",
    "offer",
    "order",
    "promo",
    "promoted",
    "promotion",
    "sale",
    "shop",
    "sponsor",
    "sponsored",
    "today",
    "trial",
];

/// Phrases that open a teaser for another article.
const TEASER_OPENERS: &[&str] = &[
    "see also",
    "read also",
    "also read",
    "read more",
    "related",
    "recommended",
    "more on this",
    "you may also like",
    "you might also like",
    "don't miss",
    "must read",
    "more from",
    "also on",
    "continue reading",
    "explore further",
];

/// Words that mark a caption or photo credit.
const CAPTION_MARKS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographer",
    "image",
    "images",
    "getty",
    "afp",
    "reuters",
    "shutterstock",
    "credit",
    "illustration",
    "pictured",
    "file",
];

/// Footers: corrections, newsletters, rights, sharing.
const FOOTER_PHRASES: &[&str] = &[
    "ctrl + enter",
    "ctrl+enter",
    "all rights reserved",
    "newsletter",
    "sign up",
    "subscribe to",
    "terms of use",
    "terms of service",
    "privacy policy",
    "report an error",
    "report a typo",
    "share this article",
    "share this story",
    "share it with",
    "may be reached at",
    "your inbox",
    "requires javascript",
    "enable javascript",
    "tell us what you think",
    "follow us",
    "copyright",
    "©",
];

/// Classifies one line (or block) of a document; `None` means it may be
/// article text.
pub fn classify(line: &str, position: Position) -> Option<DropReason> {
    classify_normalised(line, &normalise(line), position)
}

/// [`classify`] for a caller that has normalised the line already.
pub(crate) fn classify_normalised(
    line: &str,
    lower: &str,
    position: Position,
) -> Option<DropReason> {
    if lower.is_empty() {
        return None;
    }
    let tokens = tokens_of(lower);
    let ends_like_prose = ends_like_prose(line);

    if is_literal_markup(line) || is_shortcode(line) {
        return Some(DropReason::NonContent);
    }
    // Each rule tests its cheap conditions (lengths) before its phrases.
    if tokens.len() <= 12 && is_email_placeholder(lower) {
        return Some(DropReason::EmailPlaceholder);
    }
    if is_consent_banner(lower, &tokens) {
        return Some(DropReason::ConsentBanner);
    }
    if (tokens.len() <= 40 || !ends_like_prose) && FOOTER_PHRASES.iter().any(|p| lower.contains(p))
    {
        return Some(DropReason::Footer);
    }
    if is_email_placeholder(lower) {
        return Some(DropReason::EmailPlaceholder);
    }
    if tokens.len() <= 40 && is_follow_us(lower, &tokens) {
        return Some(DropReason::Footer);
    }
    if tokens.len() <= 25 && TEASER_OPENERS.iter().any(|p| starts_with_phrase(lower, p)) {
        return Some(DropReason::LinkTeaser);
    }
    if is_advertisement(line, &tokens) {
        return Some(DropReason::Advertisement);
    }
    if is_caption(lower, &tokens) {
        return Some(DropReason::Caption);
    }
    if is_interface(lower, &tokens, ends_like_prose) {
        return Some(DropReason::Navigation);
    }
    // A byline with its time is read as a byline by the caller.
    if tokens.len() <= 12 && !lower.starts_with("by ") && is_timestamp_line(lower) {
        return Some(DropReason::Dateline);
    }
    if position.in_tail && is_author_bio(line) {
        return Some(DropReason::AuthorBio);
    }
    None
}

/// The words of an already lower-cased line, as [`words`] gives their
/// `lower` forms, borrowed where nothing changes (a line is classified
/// for every block of every page: a `String` per word cost more than the
/// rules).
fn tokens_of(lower: &str) -> Vec<Cow<'_, str>> {
    if lower.is_ascii() {
        return ascii_words_spans(lower.as_bytes())
            .map(|(start, end)| Cow::Borrowed(&lower[start..end]))
            .collect();
    }
    newsdesk_text::word_spans(lower)
        .map(|(start, end)| {
            let word = &lower[start..end];
            if word
                .chars()
                .any(|c| c.is_uppercase() || c == '’' || c == '‐')
            {
                Cow::Owned(
                    word.to_lowercase()
                        .chars()
                        .map(|c| match c {
                            '’' => '\'',
                            '‐' => '-',
                            c => c,
                        })
                        .collect(),
                )
            } else {
                Cow::Borrowed(word)
            }
        })
        .collect()
}

/// [`newsdesk_text::word_spans`] for ASCII text, byte by byte: there the typographic
/// apostrophe and hyphen cannot occur and a lower-cased word is its own
/// lower form.
fn ascii_words_spans(text: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].iter().position(u8::is_ascii_alphanumeric)?;
        let mut end = start + 1;
        while end < text.len() {
            let b = text[end];
            let inner_joiner = matches!(b, b'\'' | b'-')
                && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric);
            if b.is_ascii_alphanumeric() {
                end += 1;
            } else if inner_joiner {
                end += 2;
            } else {
                break;
            }
        }
        at = end;
        Some((start, end))
    })
}

/// Whether most of a line is HTML tags written out as text (`<img
/// src=...>`, escaped markup a page shows instead of rendering): no
/// reader's text.
fn is_literal_markup(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut in_tags = 0;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let opens_tag = bytes
            .get(start + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/');
        let Some(length) = memchr::memchr(b'>', &bytes[start..]) else {
            break;
        };
        if opens_tag {
            in_tags += length + 1;
        }
        at = start + length + 1;
    }
    in_tags * 2 >= bytes.len() && in_tags > 0
}

/// A content-management shortcode the page printed instead of running:
/// `[button link="…" size="large"]`, `[gallery ids="1,2"]`.
fn is_shortcode(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('[')
        && line.ends_with(']')
        && line.contains('=')
        && line[1..].starts_with(|c: char| c.is_ascii_alphabetic())
}

fn listed(list: &[&str], token: &str) -> bool {
    list.contains(&token)
}

/// Lower case, with every kind of space folded to one ASCII space.
pub fn normalise(line: &str) -> String {
    let mut collapsed = collapse(line);
    if collapsed.is_ascii() {
        collapsed.make_ascii_lowercase();
        collapsed
    } else {
        collapsed.to_lowercase()
    }
}

/// The words of `text` (split at any white space) joined by one space.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn starts_with_phrase(lower: &str, phrase: &str) -> bool {
    lower.strip_prefix(phrase).is_some_and(|rest| {
        rest.is_empty() || rest.starts_with([' ', ':', '-', '—', '|', '»', '›', '.', '…'])
    })
}

/// Whether a line ends the way a sentence does.
pub fn ends_like_prose(line: &str) -> bool {
    let trimmed = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn is_email_placeholder(lower: &str) -> bool {
    lower.contains("[email protected]") || lower.contains("[email protected]")
}

fn is_consent_banner(lower: &str, tokens: &[Cow<str>]) -> bool {
    let mentions_cookies = tokens.iter().any(|t| t == "cookie" || t == "cookies");
    let consent_words = [
        "accept",
        "consent",
        "agree",
        "privacy",
        "got it",
        "learn more",
        "settings",
        "uses cookies",
        "use cookies",
        "we use",
    ];
    tokens.len() <= 60 && mentions_cookies && consent_words.iter().any(|w| lower.contains(w))
}

fn is_advertisement(line: &str, tokens: &[Cow<str>]) -> bool {
    if tokens.is_empty() || tokens.len() > 40 {
        return false;
    }
    let marketing = tokens.iter().filter(|t| listed(MARKETING_WORDS, t)).count();
    let exclaims = line.contains('!');
    let addresses_reader = tokens.iter().any(|t| matches!(&**t, "your" | "you" | "us"));
    let capitalised = title_case_share(line) >= 0.75;
    if tokens.len() <= 3 && tokens.iter().all(|t| listed(MARKETING_WORDS, t)) {
        return true; // "Advertisement", "Sponsored content"
    }
    // Sales copy talks in commands: "Call our team. Reach more readers."
    let commands = newsdesk_text::split_sentences(line)
        .iter()
        .filter(|s| {
            let first = line[s.range()]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            SALES_COMMANDS.contains(&first.trim_matches(|c: char| !c.is_alphabetic()))
        })
        .count();
    let signals = usize::from(marketing >= 1)
        + usize::from(marketing >= 2)
        + usize::from(exclaims)
        + usize::from(addresses_reader)
        + usize::from(capitalised && exclaims)
        + usize::from(commands >= 1)
        + usize::from(commands >= 2);
    signals >= 3
}

/// Verbs that open sales copy.
const SALES_COMMANDS: &[&str] = &[
    "advertise",
    "call",
    "reach",
    "buy",
    "get",
    "add",
    "join",
    "shop",
    "order",
    "book",
    "try",
    "discover",
    "grow",
    "promote",
    "contact",
    "visit",
    "click",
    "download",
    "claim",
    "save",
];

fn is_caption(lower: &str, tokens: &[Cow<str>]) -> bool {
    if tokens.len() > 80 {
        return false;
    }
    // A credit is a parenthesis or a label: "(Photo by X via Getty Images)",
    // "Photo: X / Agency", "Image credit: ...", agencies' "(AP Photo/X)" and
    // "(REUTERS/X)".
    let credit_shape = lower.contains("(photo")
        || lower.contains("photo by ")
        || lower.contains("photo:")
        || lower.contains("photograph:")
        || lower.contains("image:")
        || lower.contains("credit:")
        || lower.contains(" photo/")
        || lower.contains("reuters/")
        || lower.contains("via getty")
        || lower.contains("getty images");
    let marks = tokens.iter().filter(|t| listed(CAPTION_MARKS, t)).count();
    credit_shape && marks >= 1
}

fn is_interface(lower: &str, tokens: &[Cow<str>], ends_like_prose: bool) -> bool {
    if is_menu(lower) {
        return true;
    }
    // A tag list under its label: "Tags: budget, harbour, strike".
    if lower == "tags" || lower.starts_with("tags:") || lower.starts_with("tag:") {
        return true;
    }
    if tokens.is_empty() {
        // Only symbols and digits: a pager, a counter, a separator.
        return lower.chars().count() <= 20;
    }
    if tokens.len() <= 20 && tokens.iter().all(|t| t.chars().all(|c| c.is_ascii_digit())) {
        return true; // "1 2 3 4 5 6 7 8": a pager or a rating
    }
    if tokens.len() > 6 || ends_like_prose {
        return false;
    }
    // "3 min read", "12 comments": a counter and interface words.
    let interface = tokens
        .iter()
        .filter(|t| listed(INTERFACE_WORDS, t) || t.chars().all(|c| c.is_ascii_digit()))
        .count();
    interface == tokens.len()
}

/// A menu flattened to one line: "Home | News | Sport | Weather", three
/// or more short items between separators.
fn is_menu(lower: &str) -> bool {
    // Three or more short items, none ending like a sentence; read item by
    // item, so a paragraph fails at its first long item.
    let mut items = 0;
    for item in lower.split(['|', '·', '•', '/', '»', '›']).map(str::trim) {
        if item.is_empty() || item.ends_with('.') || item.split_whitespace().nth(3).is_some() {
            return false;
        }
        items += 1;
    }
    items >= 3
}

/// "Jane Doe is a reporter at the Daily Example covering ...".
pub fn is_author_bio(line: &str) -> bool {
    let first_sentence = line.split(". ").next().unwrap_or(line);
    let tokens: Vec<String> = words(first_sentence).into_iter().map(|w| w.lower).collect();
    let Some(verb) = tokens.iter().position(|t| t == "is" || t == "was") else {
        return false;
    };
    // The subject is a name: one to four capitalised words.
    let subject_words: Vec<&str> = first_sentence.split_whitespace().take(verb).collect();
    let is_name = (1..=4).contains(&subject_words.len())
        && subject_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let has_job = tokens[verb..]
        .iter()
        .take(8)
        .any(|t| crate::outlet::JOB_TITLES.contains(&t.as_str()));
    is_name && has_job
}

/// Share of words that start with a capital letter.
pub fn title_case_share(line: &str) -> f32 {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised as f32 / words.len() as f32
}

/// A short line that carries a time of day and a year, or either under an
/// "Updated" or "Published" label: the stamp a page prints by its byline
/// ("Friday, 22 October 2010 at 20:13", "2019-11-20 17:27:46 Jane Doe",
/// "Updated at 1:23 p.m.").
fn is_timestamp_line(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    let has_time = bytes.windows(4).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && (w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
                || w[1].is_ascii_digit() && w[2] == b':' && w[3].is_ascii_digit())
            && (i == 0 || !bytes[i - 1].is_ascii_digit() || w[1].is_ascii_digit())
    });
    let has_year = bytes.windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
    });
    let labelled = ["updated", "published", "posted", "last updated"]
        .iter()
        .any(|label| starts_with_phrase(lower, label));
    (has_time && has_year) || (labelled && (has_time || has_year))
}

/// "Follow us on Twitter", "Follow Newsbeat on Instagram, Facebook and
/// Twitter": an invitation to a social network, not article text.
fn is_follow_us(lower: &str, tokens: &[Cow<str>]) -> bool {
    lower.starts_with("follow ")
        && tokens.iter().any(|t| {
            matches!(
                &**t,
                "twitter" | "facebook" | "instagram" | "youtube" | "tiktok"
            )
        })
}
