//! Name mentions and their types.
//!
//! A name is a run of capitalised words in a sentence (with the small words
//! names hold inside: "Bank of England", "Abd al Aziz"), without a title
//! before it. Each gets a kind from the strongest evidence it carries
//! alone; `coreference` then lends the evidence of one mention to the
//! others of its entity.

use crate::lexicon;
use crate::tokens::Token;
use crate::{Evidence, Mention, NameKind, Span};

/// Lower-case words that may sit inside a name between capitalised ones.
const CONNECTORS: &[&str] = &[
    "of", "de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "bin",
    "ibn", "al", "el", "la", "le", "du", "y", "&", "for", "on",
];

/// Connectors that only join the words of an organisation or office
/// ("Bureau of Alcohol, Tobacco and Firearms", "Committee for ...").
fn joins_only_organisations(lower: &str) -> bool {
    matches!(lower, "and" | "&" | "for" | "on")
}

pub fn find(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Mention> {
    let dateline_end = newsdesk_text::dateline_length(text).unwrap_or(0);
    let lowercase_words: std::collections::HashSet<&str> = tokens
        .iter()
        .filter(|t| t.is_word() && text[t.span.range()].starts_with(char::is_lowercase))
        .map(|t| t.lower.as_str())
        .collect();
    // A line in title case (a headline: "Texas Lifer Escapes Prison Van
    // Near Houston") capitalises every word, so its runs are no names.
    // Per sentence, in one pass: its content words, how many of them are
    // capitalised, and whether a lower-case word other than a small one
    // shows it is prose.
    let mut content = vec![0usize; sentences.len()];
    let mut capitalised = vec![0usize; sentences.len()];
    let mut prose = vec![false; sentences.len()];
    for t in tokens.iter().filter(|t| t.is_word()) {
        let lower_case = text[t.span.range()].starts_with(char::is_lowercase);
        if !lexicon::is_function_word(&t.lower) {
            content[t.sentence] += 1;
            if t.is_capitalised(text) {
                capitalised[t.sentence] += 1;
            }
        }
        if lower_case && !is_small_word(&t.lower) {
            prose[t.sentence] = true;
        }
    }
    let title_case: Vec<bool> = (0..sentences.len())
        .map(|i| content[i] >= 4 && capitalised[i] * 4 >= content[i] * 3 && !prose[i])
        .collect();
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if title_case[tokens[i].sentence] {
            i += 1;
            continue;
        }
        if !starts_name(text, tokens, i, dateline_end, &lowercase_words) {
            i += 1;
            continue;
        }
        // The run of name words from i.
        let mut run = vec![i];
        let mut j = i;
        loop {
            let k = j + 1;
            let Some(next) = tokens.get(k) else { break };
            if next.sentence != tokens[i].sentence {
                break;
            }
            if continues_name(text, next) {
                run.push(k);
                j = k;
                continue;
            }
            let joined = next.is_word()
                && CONNECTORS.contains(&next.lower.as_str())
                && tokens.get(k + 1).is_some_and(|after| {
                    after.sentence == next.sentence && continues_name(text, after)
                });
            // "Bank of England", "Minister of Defence", "Duke of York" join
            // with "of"; "Keba Mbaye of Senegal", a person and where they
            // come from, do not.
            let names_a_body = run.iter().any(|&r| {
                lexicon::is_organisation_word(&tokens[r].lower)
                    || lexicon::is_place_word(&tokens[r].lower)
            }) || run
                .iter()
                .all(|&r| lexicon::is_title_word(&tokens[r].lower));
            let connector_allowed = if joins_only_organisations(&next.lower) {
                names_a_body
            } else if next.lower == "of" {
                // Not "Athens of Alexandros …": a place or a person's name
                // does not run on with "of" into another name.
                let first = &text[tokens[run[0]].span.range()];
                let after = tokens
                    .get(k + 1)
                    .map(|t| &text[t.span.range()])
                    .unwrap_or("");
                names_a_body
                    || (run.len() == 1
                        && lexicon::given_name(first).is_none()
                        && !lexicon::is_place(first)
                        && lexicon::given_name(after).is_none())
            } else {
                true
            };
            if joined && connector_allowed {
                run.push(k);
                run.push(k + 1);
                j = k + 1;
                continue;
            }
            break;
        }
        i = j + 1;
        if let Some(mention) = mention_of(text, tokens, &run) {
            mentions.push(mention);
        }
    }
    mentions
}

/// Whether token `i` can open a name.
fn starts_name(
    text: &str,
    tokens: &[Token],
    i: usize,
    dateline_end: usize,
    lowercase_words: &std::collections::HashSet<&str>,
) -> bool {
    let token = &tokens[i];
    if !token.is_capitalised(text) || token.span.start < dateline_end {
        return false;
    }
    let lower = token.lower.as_str();
    if lower == "i"
        || newsdesk_text::is_calendar_word(lower)
        || is_contraction(lower)
        || lower == "the"
    {
        return false;
    }
    // "Mayor Ruth Okafor toured the quays": a title that opens a sentence
    // before a capitalised word is a title, whatever case it takes elsewhere.
    let title_before_name = lexicon::is_title_word(lower)
        && tokens
            .get(i + 1)
            .is_some_and(|next| next.sentence == token.sentence && next.is_capitalised(text));
    if (token.opens_sentence || follows_colon_or_quote(tokens, i)) && !title_before_name {
        // Capitalised for opening the sentence: a name only when the
        // article never writes the word in lower case and it is no
        // function word.
        if lexicon::is_function_word(lower) || lowercase_words.contains(lower) {
            return false;
        }
    }
    true
}

/// The words a title-case headline leaves in lower case.
fn is_small_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "by"
            | "with"
            | "from"
            | "near"
            | "as"
            | "vs"
            | "vs."
    )
}

/// "I'm", "Don't", "We'll": a pronoun or verb with its clitic, no name.
fn is_contraction(lower: &str) -> bool {
    let lower = lower.replace('’', "'");
    ["'m", "'re", "'ve", "'ll", "'d", "n't"]
        .iter()
        .any(|clitic| lower.ends_with(clitic))
}

fn follows_colon_or_quote(tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i - 1].sentence == tokens[i].sentence && {
        let before = &tokens[i - 1];
        before.is(":") || before.is("\"") || before.is("“") || before.is("(")
    }
}

fn continues_name(text: &str, token: &Token) -> bool {
    token.is_capitalised(text)
        && !newsdesk_text::is_calendar_word(&token.lower)
        && token.lower != "i"
        || token.is_word() && token.lower.starts_with("al-") && token.lower.len() > 3
}

/// The mention a run of name words makes: the title split off, the kind
/// from the evidence the run carries.
fn mention_of(text: &str, tokens: &[Token], run: &[usize]) -> Option<Mention> {
    let lower = |k: usize| tokens[run[k]].lower.as_str();
    // A title: the words up to the last title head, when a name follows.
    let mut title_end = None; // index in run of the title's last word
    for k in (0..run.len().saturating_sub(1)).rev() {
        if lexicon::is_title_head(lower(k)) && !lexicon::is_title_word(lower(k + 1)) {
            title_end = Some(k);
            break;
        }
    }
    let mut name_from = 0;
    let mut title = None;
    if let Some(h) = title_end {
        let rest: Vec<&str> = (h + 1..run.len()).map(lower).collect();
        let names_a_body = rest.len() == 1
            && (lexicon::is_organisation_word(rest[0]) || lexicon::is_place_word(rest[0]));
        let starts_with_connector = CONNECTORS.contains(&rest[0]);
        if !names_a_body && !starts_with_connector {
            let mut start = h;
            while start > 0
                && (lexicon::is_title_word(lower(start - 1))
                    || lexicon::is_nationality(lower(start - 1)))
            {
                start -= 1;
            }
            title = Some(Span::new(
                tokens[run[start]].span.start,
                tokens[run[h]].span.end,
            ));
            name_from = h + 1;
        }
    }
    // "Actress Lindsay Lohan", "Republican Sarah Palin": capitalised words
    // before a given name describe the person named from it.
    if title.is_none() && run.len() >= 3 {
        let last = lower(run.len() - 1);
        let names_a_body = lexicon::is_organisation_word(last) || lexicon::is_place_word(last);
        let given = (1..run.len() - 1).find(|&k| {
            !CONNECTORS.contains(&lower(k - 1))
                && !CONNECTORS.contains(&lower(k))
                && tokens[run[k]].is_capitalised(text)
                && !lexicon::is_place(&text[tokens[run[0]].span.start..tokens[run[k]].span.end])
                && lexicon::given_name(&text[tokens[run[k]].span.range()]).is_some()
                && lexicon::given_name(&text[tokens[run[k - 1]].span.range()]).is_none()
                && !lexicon::is_place(&text[tokens[run[0]].span.start..tokens[run[k - 1]].span.end])
        });
        if let (false, Some(k)) = (names_a_body, given) {
            title = Some(Span::new(
                tokens[run[0]].span.start,
                tokens[run[k - 1]].span.end,
            ));
            name_from = k;
        }
    }
    let name = &run[name_from..];
    let all_titles = run
        .iter()
        .all(|&r| lexicon::is_title_word(&tokens[r].lower));
    if name.is_empty() || (title.is_none() && all_titles && run.len() > 1) {
        return None;
    }
    // A lone office ("President", "Minister") names no one.
    if title.is_none() && name.len() == 1 && lexicon::is_title_head(lower(0)) {
        return None;
    }
    let span = Span::new(tokens[name[0]].span.start, tokens[*name.last()?].span.end);
    let words: Vec<&Token> = name.iter().map(|&r| &tokens[r]).collect();
    // A nationality alone ("Iraqi", "Americans") is an adjective or a
    // people, not a name.
    if words.len() == 1 && lexicon::is_nationality(&words[0].lower) {
        return None;
    }
    let before = run[0]
        .checked_sub(1)
        .map(|b| &tokens[b])
        .filter(|b| b.sentence == tokens[run[0]].sentence);
    // An office or a job just before a name ("spokeswoman Helena Voss");
    // not a relation or a standing ("the defending champion New Orleans
    // Saints", "rival Acme Corp"), which a team or a company takes too.
    let role_before = before.is_some_and(|b| {
        b.is_word()
            && text[b.span.range()].starts_with(char::is_lowercase)
            && lexicon::is_role_noun(&b.lower)
            && !lexicon::is_relation_noun(&b.lower)
    });
    // A role word just before the name ("union negotiator Paula Brenn") is
    // its title.
    let title = title.or_else(|| before.filter(|_| role_before).map(|b| b.span));
    let (kind, evidence) = classify(&text[span.range()], &words, title.is_some(), text);
    Some(Mention {
        span,
        title,
        sentence: tokens[run[0]].sentence,
        kind,
        evidence,
        entity: usize::MAX,
    })
}

/// The kind a name has on its own evidence.
pub fn classify(name: &str, words: &[&Token], titled: bool, text: &str) -> (NameKind, Evidence) {
    let first = words[0].lower.as_str();
    let last = words[words.len() - 1].lower.as_str();
    if lexicon::is_outlet(name) {
        return (NameKind::Organisation, Evidence::Outlet);
    }
    if words.len() >= 2 && lexicon::is_thing_word(last) {
        return (NameKind::Other, Evidence::None);
    }
    if titled {
        return (NameKind::Person, Evidence::Title);
    }
    // An acronym is a place only as a country's or state's code ("ATI" is
    // a company, not Ati in Chad).
    let acronym = words.len() == 1 && words[0].is_all_capitals(text);
    if !acronym && lexicon::is_place(name) {
        return (NameKind::Place, Evidence::Gazetteer);
    }
    let holds_connector = words.iter().any(|w| w.lower == "of" || w.lower == "for");
    if lexicon::is_organisation_word(last)
        || (lexicon::is_organisation_word(first) && holds_connector)
    {
        return (NameKind::Organisation, Evidence::OrganisationWord);
    }
    if words.len() >= 2 && (lexicon::is_place_word(last) || lexicon::is_place_opening(first)) {
        return (NameKind::Place, Evidence::PlaceWord);
    }
    if words.len() >= 2 && lexicon::is_compass(first) {
        let rest = &text[words[1].span.start..words[words.len() - 1].span.end];
        if lexicon::is_place(rest) || words.len() == 2 {
            return (NameKind::Place, Evidence::Gazetteer);
        }
    }
    // A name that opens with a place ("San Diego Chargers", "Creighton
    // Bluejays" is not one) is a body's or a team's, not a person's.
    // Two words or more of a place, or a country: one word of a city
    // is too often a given name ("Adam", "Florence", "Jackson").
    let opens_with_place = lexicon::is_country(&text[words[0].span.range()])
        || (2..words.len())
            .any(|k| lexicon::is_place(&text[words[0].span.start..words[k - 1].span.end]));
    if words.len() >= 2 && !words[0].is_all_capitals(text) && !opens_with_place {
        let given = &text[words[0].span.range()];
        if lexicon::given_name(given).is_some() {
            return (NameKind::Person, Evidence::GivenName);
        }
    }
    if words.len() == 1 && words[0].is_all_capitals(text) && lexicon::is_place_code(name) {
        return (NameKind::Place, Evidence::Gazetteer);
    }
    if words.len() == 1 && words[0].is_all_capitals(text) && words[0].lower.len() <= 8 {
        return (NameKind::Organisation, Evidence::OrganisationWord);
    }
    (NameKind::Other, Evidence::None)
}
