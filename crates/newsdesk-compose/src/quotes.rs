//! Direct quotations and who said them.
//!
//! Quotes are found per paragraph, so a quotation that spans sentences is
//! one quote. Straight quotation marks are paired by whether they open or
//! close (what sits on each side), which also handles a quote inside a
//! quote. A speaker comes from the words around the quote in its own
//! sentences ("said X", "X said", "according to X", "X told ..."), from
//! the quote before it in the same paragraph when the quote continues it,
//! or, for "he said", from the person named last before it in the
//! paragraph, in the paragraph before (wire copy opens a paragraph with the
//! quote), or from the last speaker named in the article.

#[cfg(test)]
mod tests;

use crate::pool::Pool;
use crate::rank::Scores;
use crate::sources::Sources;
use newsdesk_model::{Citation, Span, Statement, StorySentence};
use newsdesk_text::{is_stopword, split_sentences, words};

/// "Meanwhile, he", "Earlier Jordan": the connective is not the speaker.
fn without_connective(phrase: &str) -> &str {
    let Some((head, rest)) = phrase.split_once(", ") else {
        // A time word needs no comma before the speaker ("Later he").
        if let Some((first, rest)) = phrase.split_once(' ') {
            let next = rest.split(' ').next().unwrap_or("");
            let names_someone = next.starts_with(char::is_uppercase) || PRONOUNS.contains(&next);
            if crate::pronouns::is_time_word(&first.to_lowercase()) && names_someone {
                return rest.trim_start();
            }
        }
        return phrase;
    };
    let head = head.to_lowercase();
    if crate::pool::is_connective(&head) || crate::pronouns::is_time_word(&head) {
        rest.trim_start()
    } else {
        phrase
    }
}

/// Speech verbs, in the forms news prose uses them.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "stated",
    "states",
    "confirmed",
    "confirms",
    "noted",
    "notes",
    "warned",
    "warns",
    "insisted",
    "insists",
    "explained",
    "declared",
    "continued",
    "argued",
    "argues",
    "replied",
    "recalled",
    "stressed",
    "announced",
    "asked",
    "claimed",
    "claims",
    "remarked",
    "posted",
    "tweeted",
    "acknowledged",
];

/// Nouns that make a phrase a speaker even without a capitalised name.
pub const ROLE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "secretary",
    "leader",
    "leaders",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ambassador",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "representative",
    "adviser",
    "advisor",
    "chief",
    "head",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "lawmakers",
    "general",
    "commander",
    "judge",
    "professor",
    "economist",
    "worker",
    "workers",
    "trucker",
    "union",
    "government",
    "ministry",
    "authority",
    "company",
    "residents",
    "resident",
    "negotiator",
    "negotiators",
    "mediator",
    "prosecutor",
    "police",
    "spokespeople",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// A quote found in a source, before ranking.
struct Found {
    source: usize,
    /// The covering sentences, in the source's cleaned text.
    sentences: Span,
    quote: Span,
    speaker: Option<String>,
}

pub fn statements(pool: &Pool, scores: &Scores, sources: &Sources, limit: usize) -> Vec<Statement> {
    rank_and_pick(pool, scores, sources, found(pool), limit)
}

/// One quotation in a story's sources and the speaker statements would
/// give it, before any ranking: what `bench claims` measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the article among those given.
    pub source: usize,
    /// The quoted words, in the article's cleaned text.
    pub quote: Span,
    /// The speaker, given in full where the articles name them in full.
    pub speaker: Option<String>,
    /// Whether a story could print it as a statement: from a current
    /// source, with a speaker, reading as something said.
    pub printable: bool,
}

pub fn attributions(pool: &Pool, sources: &Sources) -> Vec<Attribution> {
    let names = full_names(pool);
    found(pool)
        .into_iter()
        .map(|f| {
            let speaker = f.speaker.clone().map(|s| resolve_name(s, &names));
            let printable = speaker.is_some() && printable_quote(pool, sources, &f).is_some();
            Attribution {
                source: f.source,
                quote: f.quote,
                speaker,
                printable,
            }
        })
        .collect()
}

/// The quoted words a story may print as a statement: none from a
/// background source (old quotes are not news) or that does not read as
/// something said (a scare quote, a title).
fn printable_quote<'a>(pool: &Pool<'a>, sources: &Sources, found: &Found) -> Option<&'a str> {
    if sources.is_background(found.source) {
        return None;
    }
    let quote = pool.articles[found.source].text[found.quote.range()]
        .trim()
        .trim_end_matches([',', ' ']);
    reads_as_a_statement(quote).then_some(quote)
}

/// Every quotation of every article, with the speaker the text gives it.
fn found(pool: &Pool) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (source, article) in pool.articles.iter().enumerate() {
        let dateline_place = newsdesk_text::dateline_place(&article.text);
        let mut last_speaker: Option<String> = None;
        let mut previous_block: Option<&str> = None;
        for block in article
            .blocks
            .iter()
            .filter(|b| b.kind != newsdesk_model::BlockKind::Heading)
        {
            let text = article.block_text(block);
            let paragraph_before = previous_block.replace(text);
            let sentences = split_sentences(text);
            let mut previous: Option<String> = None;
            let quotes = quote_spans(text);
            for &(marked, quote) in &quotes {
                let first = sentences
                    .iter()
                    .position(|s| s.end > quote.start)
                    .unwrap_or(0);
                let last = sentences
                    .iter()
                    .rposition(|s| s.start < quote.end)
                    .unwrap_or(first);
                let covering = Span::new(
                    sentences[first].start.min(marked.start),
                    sentences[last].end.max(marked.end),
                );
                let before = &text[covering.start..marked.start];
                let after = &text[marked.end..covering.end];
                let mut speaker = speaker_after(after)
                    .or_else(|| speaker_before(before))
                    .and_then(|speaker| tidy_speaker(&speaker));
                if let Some(pronoun) = speaker
                    .as_deref()
                    .map(str::to_lowercase)
                    .filter(|s| PRONOUNS.contains(&s.as_str()))
                {
                    // "he said": the person last named before the quote in
                    // this paragraph; for a paragraph that opens with the
                    // quote, the person the paragraph before named last
                    // (wire copy: "Khamenei issued his final appeal." /
                    // "'The people …,' he said."); else the last speaker of
                    // the article. "they" and "we" are groups, not a
                    // speaker to name.
                    speaker = match pronoun.as_str() {
                        "he" | "she" => antecedent_before(text, marked.start, &quotes)
                            .or_else(|| {
                                let opens_paragraph = text[..marked.start].trim().is_empty();
                                paragraph_before
                                    .filter(|_| opens_paragraph)
                                    .and_then(person_named_last)
                            })
                            .or_else(|| last_speaker.clone()),
                        _ => None,
                    };
                } else if speaker.is_none() && before.trim().is_empty() {
                    // A quote that opens its sentence and names no one continues the last one.
                    speaker = previous.clone();
                }
                // Precision first: a place, a time or a clause is never a
                // speaker, and no guess takes its stead.
                speaker = speaker.filter(|s| !is_no_speaker(s, dateline_place));
                if speaker.is_some() {
                    previous = speaker.clone();
                    last_speaker = speaker.clone();
                }
                found.push(Found {
                    source,
                    sentences: covering.shift(block.span.start),
                    quote: quote.shift(block.span.start),
                    speaker,
                });
            }
        }
    }
    found
}

fn rank_and_pick(
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    found: Vec<Found>,
    limit: usize,
) -> Vec<Statement> {
    let names = full_names(pool);
    let mut candidates: Vec<(bool, f32, Statement, String)> = Vec::new();
    for f in found {
        let Some(quote) = printable_quote(pool, sources, &f).map(str::to_string) else {
            continue;
        };
        let Some(speaker) = f.speaker.map(|s| resolve_name(s, &names)) else {
            continue;
        };
        let text = &pool.articles[f.source].text;
        let sentence_score = pool
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.source == f.source
                    && s.span.start < f.sentences.end
                    && s.span.end > f.sentences.start
            })
            .map(|(i, _)| scores.score[i])
            .fold(0.0f32, f32::max);
        // A quote that starts in lower case is a phrase woven into the
        // reporter's sentence ("to head an inquiry free of \"conflicts of
        // interest\""): whole quotes come first, a speaker's own sentence
        // says more on its own.
        let partial = quote.starts_with(char::is_lowercase);
        let key = speaker_key(&speaker);
        let statement = Statement {
            speaker,
            quote,
            sentence: StorySentence {
                text: text[f.sentences.range()].to_string(),
                citations: vec![Citation {
                    source: format!("s{}", f.source + 1),
                    start: f.sentences.start,
                    end: f.sentences.end,
                }],
                edits: Vec::new(),
            },
        };
        candidates.push((partial, sentence_score, statement, key));
    }
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    let mut chosen: Vec<(Statement, String)> = Vec::new();
    for (_, _, statement, key) in candidates {
        // One quote per speaker keeps the list a list of voices.
        if chosen.iter().any(|(_, k)| *k == key)
            || chosen.iter().any(|(s, _)| s.quote == statement.quote)
        {
            continue;
        }
        chosen.push((statement, key));
        if chosen.len() == limit {
            break;
        }
    }
    chosen.into_iter().map(|(s, _)| s).collect()
}

/// A quote worth listing as what someone said: not a scare quote or a
/// term ("bribe"), not a name in quotation marks ("African Crisis
/// Response Force"), and, when it is a phrase woven into the reporter's
/// sentence (lower case), long enough to say something on its own.
fn reads_as_a_statement(quote: &str) -> bool {
    let found = words(quote);
    let partial = quote.starts_with(char::is_lowercase);
    let a_name = found
        .iter()
        .all(|w| quote[w.span.range()].starts_with(char::is_uppercase) || is_stopword(&w.lower))
        && !ends_as_sentence(quote);
    found.len() >= if partial { MIN_PARTIAL_QUOTE_WORDS } else { 4 } && !a_name
}

fn ends_as_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '\'', '’'])
        .ends_with(['.', '!', '?'])
}

/// The fewest words of a listed phrase woven into a reporter's sentence.
const MIN_PARTIAL_QUOTE_WORDS: usize = 8;

/// The name part of a speaker, for telling speakers apart: the surname of
/// a name ("Kestel" for "Dario Kestel"), else the whole description.
pub fn speaker_key(speaker: &str) -> String {
    let head = speaker.split(',').next().unwrap_or(speaker).trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let is_name = words.iter().all(capitalised);
    // "union leader Mara Holt": a role before a name of two words or more;
    // "the Indiana Republican" is a description.
    let name_run = words.iter().rev().take_while(|w| capitalised(w)).count();
    let role_then_name = name_run >= 2
        && name_run < words.len()
        && !matches!(words[words.len() - name_run - 1], "the" | "a" | "an");
    if is_name || role_then_name {
        head.split_whitespace().last().unwrap_or("").to_lowercase()
    } else {
        head.to_lowercase()
    }
}

/// Full names in the articles: runs of two to four capitalised words
/// inside sentences ("Aurelio Brandt", "Transport Minister Aurelio Brandt").
pub fn full_names(pool: &Pool) -> Vec<String> {
    (0..pool.sentences.len())
        .flat_map(|i| full_names_in(pool.text(i)))
        .collect()
}

/// The full names one sentence writes: runs of two to four capitalised
/// words, and the names after a run of titles.
fn full_names_in(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (k, token) in text.split_whitespace().enumerate() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        // "Earlier Jordan told …": a sentence's first word may be
        // capitalised only for opening it.
        let opens_only = k == 0 && crate::pronouns::capitalised_to_open(&lower);
        let capital = bare.chars().next().is_some_and(char::is_uppercase) && !opens_only;
        if capital {
            run.push(bare);
        }
        if !capital || bare.len() != token.len() {
            if (2..=4).contains(&run.len()) {
                names.push(run.join(" "));
            }
            run.clear();
        }
    }
    if (2..=4).contains(&run.len()) {
        names.push(run.join(" "));
    }
    // A name after a run of titles ("Deputy Attorney General Eric
    // Holder") is longer than four capitalised words with them.
    names.extend(crate::pronouns::people_in(text).into_iter().map(|p| p.full));
    names
}

/// A speaker as printed: nothing of a quotation before the name ("You
/// can't create humor,\" Schulz" -> "Schulz"), and no word at the end that
/// leads on or qualifies the verb ("…, parliamentary chief of the",
/// "Linda Holloway, however", "… Luwilo recently", "…, now 32 and",
/// "Samaranch, appearing"); `None` when nothing is left.
/// Words that open a clause, not a name ("If I can win", said …).
const SUBORDINATORS: &[&str] = &[
    "if", "when", "as", "after", "before", "because", "while", "although", "though", "unless",
    "since", "once",
];

/// News agencies whose name ends a wire dateline ("ZAGREB, Croatia (AP)").
const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "xinhua",
    "upi",
    "dpa",
    "ansa",
    "itar-tass",
];

/// Whether a phrase found where a speaker stands is none: the place the
/// article's dateline names ("New York" for "NEW YORK (AP) —"), what a
/// dateline leaves behind ("Croatia AP"), a time ("Sunday from Boca
/// Raton") or a clause ("If I can win").
fn is_no_speaker(speaker: &str, dateline_place: Option<&str>) -> bool {
    let words: Vec<String> = speaker
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return true;
    };
    if SUBORDINATORS.contains(&first.as_str())
        || crate::pronouns::is_time_word(first)
        || newsdesk_text::weekday_of(first).is_some()
        || AGENCIES.contains(&last.as_str())
    {
        return true;
    }
    dateline_place.is_some_and(|place| {
        let place = place.to_lowercase();
        let speaker = words.join(" ");
        place == speaker || place.ends_with(&format!(", {speaker}"))
    })
}

fn tidy_speaker(speaker: &str) -> Option<String> {
    let after_quote = speaker.rfind(['"', '“', '”']).map_or(speaker, |at| {
        &speaker[at + speaker[at..].chars().next().map_or(1, char::len_utf8)..]
    });
    let mut words: Vec<&str> = after_quote.split_whitespace().collect();
    while let Some(last) = words.last() {
        let bare = last.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let trailing = bare.is_empty()
            || is_stopword(&lower)
            || crate::pool::is_connective(&lower)
            || crate::pronouns::is_time_word(&lower)
            || (bare.starts_with(char::is_lowercase)
                && lower.len() > 4
                && (lower.ends_with("ly") || lower.ends_with("ing")));
        // A pronoun alone is a speaker ("he said").
        if !trailing || words.len() == 1 && PRONOUNS.contains(&lower.as_str()) {
            break;
        }
        words.pop();
    }
    let tidy = words.join(" ");
    let tidy = tidy
        .trim_end_matches([',', ';', ':', ' '])
        .trim_start_matches([',', ' ']);
    (!tidy.is_empty()).then(|| tidy.to_string())
}

/// "Brandt" -> the longest full name ending in "Brandt", when there is one.
fn resolve_name(speaker: String, names: &[String]) -> String {
    let head = speaker.split(',').next().unwrap_or(&speaker).trim();
    if head.split_whitespace().count() != 1 || !head.chars().next().is_some_and(char::is_uppercase)
    {
        return speaker;
    }
    let suffix = format!(" {head}");
    let prefix = format!("{head} ");
    // A name that puts the family name first ("Jiang Zemin", later
    // "Jiang") is taken only when no name ends with it.
    let full = names
        .iter()
        .filter(|n| n.ends_with(&suffix))
        .max_by_key(|n| n.len())
        .or_else(|| {
            names
                .iter()
                .filter(|n| n.starts_with(&prefix) && n.split_whitespace().count() == 2)
                .max_by_key(|n| n.len())
        });
    match full {
        Some(full) => speaker.replacen(head, full, 1),
        None => speaker,
    }
}

/// The quotations of a paragraph: each as the span with its marks and
/// the span of the words inside them. Nested quotes stay inside the outer.
pub fn quote_spans(text: &str) -> Vec<(Span, Span)> {
    let mut spans = Vec::new();
    let mut open: Vec<(usize, char)> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let opening = match c {
            '“' | '«' | '„' => true,
            '”' | '»' => false,
            '"' => {
                // Opens after space, start or bracket; closes otherwise.
                let after_space =
                    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
                after_space && next.is_some_and(|n| !n.is_whitespace())
            }
            _ => continue,
        };
        if opening {
            open.push((i, c));
        } else if let Some((start, mark)) = open.pop() {
            if open.is_empty() {
                let inner = Span::new(start + mark.len_utf8(), i);
                spans.push((Span::new(start, i + c.len_utf8()), inner));
            }
        }
    }
    spans
}

/// Whom "he" or "she" before `end` refers to: the first name (two to
/// four capitalised words outside quotations) of the nearest sentence that
/// has one, looking back from the quote. The subject of a sentence comes
/// first, and a pronoun most often continues the last subject.
fn antecedent_before(text: &str, end: usize, quotes: &[(Span, Span)]) -> Option<String> {
    let sentences = split_sentences(&text[..end]);
    sentences
        .iter()
        .rev()
        .find_map(|sentence| first_name_in(text, *sentence, quotes))
}

/// Whom a paragraph-opening "he said" continues from `paragraph`, the
/// paragraph before: the one it last says said something, when named
/// ("Bouchard said the board would …"), else the person its last sentence
/// that names one names first, outside quotations. Organisations, places
/// and things written with "the" ("the Sea Sorceress") are not people.
fn person_named_last(paragraph: &str) -> Option<String> {
    let named = |speaker: &String| {
        let name = speaker.split(',').next().unwrap_or(speaker);
        let words: Vec<&str> = name.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words[0] != "The"
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    speaker_before(paragraph)
        .and_then(|speaker| tidy_speaker(&speaker))
        .filter(named)
        .or_else(|| {
            split_sentences(paragraph)
                .iter()
                .rev()
                .find_map(|s| {
                    crate::pronouns::people_in(&paragraph[s.range()])
                        .into_iter()
                        .find(|person| {
                            !crate::pronouns::named_with_article(paragraph, &person.full)
                        })
                })
                .map(|person| person.full)
        })
}

fn first_name_in(text: &str, sentence: Span, quotes: &[(Span, Span)]) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    let mut offset = sentence.start;
    for token in text[sentence.range()].split_inclusive(char::is_whitespace) {
        let at = offset;
        offset += token.len();
        let inside_quote = quotes.iter().any(|(q, _)| q.start <= at && at < q.end);
        let bare = token.trim().trim_matches(|c: char| !c.is_alphanumeric());
        let capital = !inside_quote
            && bare.chars().next().is_some_and(char::is_uppercase)
            && !newsdesk_text::is_stopword(&bare.to_lowercase());
        if capital {
            run.push(bare);
        }
        // Punctuation after a word ("Kestel,") ends the name it closes.
        let ends_run = token.trim().ends_with(|c: char| !c.is_alphanumeric());
        if !capital || ends_run {
            if (2..=4).contains(&run.len()) {
                return Some(run.join(" "));
            }
            run.clear();
        }
    }
    (2..=4).contains(&run.len()).then(|| run.join(" "))
}

/// The words after a quote: `, said Dario Kestel, general secretary of
/// the union.` or `," he added.` or `, according to X.`
fn speaker_after(after: &str) -> Option<String> {
    let rest = after.trim_start_matches([',', ' ', '.', '!', '?']);
    let tokens: Vec<&str> = rest.split_whitespace().collect();
    let first = tokens
        .first()?
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    if SPEECH_VERBS.contains(&first.as_str()) {
        let after_verb =
            rest[rest.find(tokens[0]).map_or(0, |i| i + tokens[0].len())..].trim_start();
        return speaker_phrase(after_verb);
    }
    if rest.to_lowercase().starts_with("according to ") {
        return speaker_phrase(&rest["according to ".len()..]);
    }
    // "he said", "the minister said", "Kestel told reporters"
    let verb_at = tokens.iter().take(8).position(|t| {
        SPEECH_VERBS.contains(
            &t.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
                .as_str(),
        )
    })?;
    let subject = tokens[..verb_at].join(" ");
    valid_speaker(without_adverbs(&subject))
}

/// The words before a quote: `Helena Voss, a spokeswoman, said: ` or
/// `According to Helena Voss, ` or `Brandt told reporters that`.
fn speaker_before(before: &str) -> Option<String> {
    let trimmed = before.trim_end().trim_end_matches([':', ',', ' ']);
    let tokens: Vec<&str> = trimmed.split_whitespace().collect();
    let lower: Vec<String> = tokens
        .iter()
        .map(|t| t.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    if let Some(i) = lower
        .windows(2)
        .position(|w| w[0] == "according" && w[1] == "to")
    {
        // "According to X, the offer was ...": what follows the comma is
        // the sentence, not a role.
        let rest = tokens[i + 2..].join(" ");
        let parts: Vec<&str> = rest.split(", ").collect();
        let name = valid_speaker(&cut_clause(parts[0]))?;
        // "According to X, a spokesperson for Y, the offer ...": a role
        // sits between two commas and starts with an article.
        let role = parts.get(1).filter(|r| {
            parts.len() >= 3
                && r.split_whitespace()
                    .next()
                    .is_some_and(|w| matches!(w, "a" | "an" | "the"))
        });
        return Some(match role {
            Some(role) => with_role(name, role),
            None => name,
        });
    }
    // The last speech verb in the words before, with its subject before it.
    let verb_at = lower
        .iter()
        .rposition(|t| SPEECH_VERBS.contains(&t.as_str()))?;
    let subject = tokens[..verb_at].join(" ");
    let subject = without_connective(without_adverbs(subject.trim_end_matches(',')));
    // "Helena Voss, a spokeswoman for the authority, said" -> name + role.
    let clauses: Vec<&str> = subject.split(", ").collect();
    if let [.., name_clause, role] = clauses.as_slice() {
        let role_is_apposition = role.chars().next().is_some_and(char::is_lowercase);
        if let (true, Some(name)) = (role_is_apposition, last_clause_name(name_clause)) {
            return Some(with_role(name, role));
        }
    }
    valid_speaker(clauses.last().copied().unwrap_or(""))
}

/// "Name, role", the role cut to its noun phrase; the name alone when
/// nothing of the role is left (", who called it a …").
fn with_role(name: String, role: &str) -> String {
    let role = cut_clause(role);
    if role.is_empty() {
        name
    } else {
        format!("{name}, {role}")
    }
}

fn last_clause_name(clause: &str) -> Option<String> {
    let tokens: Vec<&str> = clause.split_whitespace().collect();
    let start = tokens
        .iter()
        .rposition(|t| !t.chars().next().is_some_and(char::is_uppercase))
        .map_or(0, |i| i + 1);
    let name = &tokens[start..];
    (!name.is_empty() && name.len() <= 5).then(|| name.join(" "))
}

/// A speaker phrase at the start of `text`, up to where the phrase ends,
/// with an appositive role: "Dario Kestel, general secretary of the union".
fn speaker_phrase(text: &str) -> Option<String> {
    let end = phrase_end(text);
    let phrase = &text[..end];
    let mut parts = phrase.splitn(3, ", ");
    let head = cut_clause(parts.next()?.trim());
    let head = valid_speaker(&head)?;
    let second = parts.next().map(cut_clause);
    // "Puerto Rico's Housing Secretary, Ana Carmen Alemany": the title
    // comes first, the name after it.
    if let Some(name) = second.as_deref().filter(|n| reads_as_name(n)) {
        if !reads_as_name(&head) {
            return Some(format!("{name}, {head}"));
        }
    }
    match second {
        Some(role)
            if !role.is_empty()
                && words(&role).len() <= 10
                && head.chars().next().is_some_and(char::is_uppercase) =>
        {
            Some(format!("{head}, {role}"))
        }
        _ => Some(head),
    }
}

/// Where a speaker phrase ends: at a quotation mark, a semicolon or a full
/// stop, but not the stop of an initial ("Danny O. Coulson") or of a title
/// ("Dr. Ruiz").
fn phrase_end(text: &str) -> usize {
    let mut from = 0;
    while let Some(at) = text[from..]
        .find(['.', ';', '"', '“', '”'])
        .map(|i| from + i)
    {
        if !text[at..].starts_with('.') {
            return at;
        }
        let word = text[..at]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if !(initial || TITLES.contains(&word)) {
            return at;
        }
        from = at + 1;
    }
    text.len()
}

/// Abbreviated titles that stand before a name.
const TITLES: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Capt", "Sgt", "Rev",
    "St", "Jr", "Sr",
];

/// A subject without the adverbs and auxiliaries that stand between it and
/// its speech verb: "Reno also" (told), "The mayor has repeatedly" (said).
fn without_adverbs(subject: &str) -> &str {
    let mut subject = subject.trim_end();
    while let Some((head, last)) = subject.rsplit_once(' ') {
        let lower = last.to_lowercase();
        // Lower case only: "Grace Kelly said" keeps her name.
        let adverb = last.starts_with(char::is_lowercase)
            && ((lower.ends_with("ly") && lower.len() > 4)
                || matches!(
                    lower.as_str(),
                    "also"
                        | "later"
                        | "then"
                        | "again"
                        | "once"
                        | "earlier"
                        | "further"
                        | "still"
                        | "never"
                        | "often"
                        | "has"
                        | "had"
                        | "have"
                        | "was"
                        | "is"
                        | "were"
                        | "would"
                        | "will"
                ));
        if !adverb {
            break;
        }
        subject = head.trim_end();
    }
    subject
}

/// Two to four capitalised words and nothing else: "Ana Carmen Alemany".
fn reads_as_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                && !w.ends_with("'s")
        })
}

/// Cuts a phrase before a relative clause or an adverbial of time/place.
fn cut_clause(text: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for token in text.split_whitespace() {
        let lower = token.to_lowercase();
        let stops = matches!(
            lower.as_str(),
            "who"
                | "which"
                | "that"
                | "on"
                | "in"
                | "at"
                | "when"
                | "while"
                | "after"
                | "before"
                | "during"
                | "as"
                | "to"
                | "about"
        ) || (lower.ends_with("ing")
            && !kept.is_empty()
            && lower.len() > 5
            // "Housing Secretary" is a title, not "… facing charges".
            && token.starts_with(char::is_lowercase));
        // A relative clause is no role at all: ", who has made trips here".
        let relative = matches!(lower.as_str(), "who" | "which" | "that" | "whose" | "whom");
        if stops && (!kept.is_empty() || relative) {
            break;
        }
        kept.push(token);
    }
    kept.join(" ").trim_end_matches([',', ':']).to_string()
}

/// Accepts a phrase as a speaker: a pronoun, a capitalised name, or a
/// phrase with a role noun; at most eight words.
fn valid_speaker(phrase: &str) -> Option<String> {
    let mut phrase = without_connective(phrase.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    // "…, and union leader Mara Holt said": the conjunction joins clauses.
    while let Some((first, rest)) = phrase.split_once(' ') {
        if !matches!(first, "and" | "but" | "while" | "whereas" | "so" | "yet") {
            break;
        }
        phrase = rest.trim_start();
    }
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 8 {
        return None;
    }
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    if tokens.len() == 1 && PRONOUNS.contains(&lower[0].as_str()) {
        return Some(tokens[0].to_string());
    }
    let has_name = tokens
        .iter()
        .skip(1)
        .any(|t| t.chars().next().is_some_and(char::is_uppercase))
        || (tokens[0].chars().next().is_some_and(char::is_uppercase)
            && !newsdesk_text::is_stopword(&lower[0]));
    let has_role = lower
        .iter()
        .any(|t| ROLE_NOUNS.contains(&t.trim_end_matches("'s")));
    (has_name || has_role).then(|| phrase.to_string())
}
