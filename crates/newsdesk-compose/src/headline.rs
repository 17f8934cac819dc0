//! The story's headline: the source headline most representative of the
//! story, cleaned of outlet prefixes and suffixes; built from the lead when
//! no source has one.

use crate::pool::Pool;
use crate::rank::Scores;
use crate::sources::Sources;
use crate::vectors::TermVector;
use newsdesk_model::{Article, Edit, StorySentence};
use newsdesk_text::{content_terms, Stemmer};
use std::collections::HashMap;

#[cfg(test)]
mod tests;

/// A headline built from the lead runs to about this many words.
const BUILT_HEADLINE_WORDS: usize = 16;
/// Verbs after which "that" opens what was said, known or found.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "warned",
    "argued",
    "believes",
    "believe",
    "found",
    "showed",
    "shows",
    "concluded",
    "confirmed",
    "denied",
    "claimed",
    "insisted",
    "reported",
    "suggests",
    "suggested",
    "ruled",
    "decided",
    "agreed",
];

/// `lead_source` is the source of the lead sentence: a headline from the
/// same article tells the same news as the lead; `lead` is the lead as
/// printed, for a headline built from it (the names in it are the layer's
/// mentions of the text it cites and the names its edits put in).
pub fn choose(
    articles: &[Article],
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    lead_source: Option<usize>,
    lead: Option<&StorySentence>,
) -> (String, Option<String>) {
    let stemmer = Stemmer::default();
    let mut best: Option<(f32, String, usize)> = None;
    for (i, article) in articles.iter().enumerate() {
        let Some(title) = article.title.as_deref().map(clean) else {
            continue;
        };
        // "The Times said in an editorial on Friday:" introduces a text;
        // it is no headline.
        if title.split_whitespace().count() < 3 || title.trim_end().ends_with(':') {
            continue;
        }
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for term in content_terms(&title, &stemmer) {
            if let Some(&t) = pool.vocabulary.get(&term) {
                *counts.entry(t).or_default() += pool.idf[t as usize];
            }
        }
        let mut score = TermVector::from_counts(counts).cosine(&scores.centroid);
        if sources.is_background(i) {
            score *= 0.3;
        }
        if pool.is_newest_source(i) {
            score += 0.05;
        }
        if lead_source == Some(i) {
            score += 0.1;
        }
        if best.as_ref().is_none_or(|(s, ..)| score > *s) {
            best = Some((score, title, i));
        }
    }
    match best {
        Some((_, title, i)) => (title, Some(sources.0[i].id.clone())),
        None => match (lead, lead_source) {
            (Some(lead), Some(source)) => {
                let cited = lead.citations[0].start..lead.citations[0].end;
                let names = names_in(pool, source, cited, &lead.edits);
                (from_lead(&lead.text, &names), None)
            }
            _ => {
                let first = &pool.sentences[0];
                let names = names_in(pool, first.source, first.span.range(), &[]);
                (from_lead(pool.text(0), &names), None)
            }
        },
    }
}

/// The names a printed sentence holds: the layer's mentions of the
/// source text it prints (`cited`, in article `source`), each with its
/// title ("President Bill Clinton"), and the names its edits put in.
fn names_in<'a>(
    pool: &'a Pool,
    source: usize,
    cited: std::ops::Range<usize>,
    edits: &'a [Edit],
) -> Vec<&'a str> {
    let text = &pool.articles[source].text;
    let span = newsdesk_model::Span::new(cited.start, cited.end);
    let mut names: Vec<&str> = pool.analyses[source]
        .mentions_in(span)
        .map(|m| {
            let start = m.title.map_or(m.span.start, |t| t.start.min(m.span.start));
            &text[start..m.span.end]
        })
        .collect();
    names.extend(edits.iter().filter_map(|edit| match edit {
        Edit::ResolvedPronoun { name, .. } | Edit::NamedInFull { name, .. } => Some(name.as_str()),
        _ => None,
    }));
    names
}

/// A headline made of the lead when no source has one: the sentence
/// without who said it and its final stop, cut at a clause boundary when
/// it runs long, or after `BUILT_HEADLINE_WORDS` words with an ellipsis,
/// never inside one of `names` (the names the lead holds, as the layer
/// found them).
pub fn from_lead(lead: &str, names: &[&str]) -> String {
    let (text, _) = crate::trim::for_brief(lead.trim().to_string(), Vec::new());
    let text = main_clause(text.trim_end().trim_end_matches(['.', '!']).trim_end());
    let text = without_apposition(text);
    let text = text.as_str();
    let words: Vec<&str> = text.split_whitespace().collect();
    // Where each word starts in `text`, and where the names stand in it.
    let starts: Vec<usize> = words
        .iter()
        .map(|w| w.as_ptr() as usize - text.as_ptr() as usize)
        .collect();
    let stands: Vec<(usize, usize)> = names
        .iter()
        .filter(|name| !name.is_empty())
        .flat_map(|name| text.match_indices(name).map(|(at, n)| (at, at + n.len())))
        .collect();
    // Whether words `n - 1` and `n` are words of one name.
    let joined = |n: usize| {
        stands
            .iter()
            .any(|&(start, end)| start <= starts[n - 1] && starts[n] < end)
    };
    let headline = if words.len() <= BUILT_HEADLINE_WORDS {
        words.join(" ")
    } else {
        // The last clause boundary that leaves a headline of some length.
        // Not after a joining word ("and will then,") nor inside an aside
        // the cut would leave open ("then, according to many scientists,").
        let boundary = (6..=BUILT_HEADLINE_WORDS).rev().find(|&n| {
            // "… told senators in the trial that …": what was said is a
            // clause of its own, after a reporting verb.
            let before_what_was_said = words[n] == "that"
                && words[..n]
                    .iter()
                    .any(|w| REPORTING_VERBS.contains(&w.trim_end_matches(',')));
            let at_boundary = words[n - 1].ends_with([',', ';', ':'])
                || matches!(words[n], "—" | "–")
                || before_what_was_said;
            let last = words[n - 1]
                .trim_end_matches([',', ';', ':'])
                .to_lowercase();
            let asides = words[..n - 1].iter().filter(|w| w.ends_with(',')).count();
            at_boundary && !newsdesk_text::is_stopword(&last) && asides % 2 == 0
        });
        match boundary {
            Some(n) => words[..n]
                .join(" ")
                .trim_end_matches([',', ';', ':'])
                .to_string(),
            None => {
                // Never inside a name: "… the Valmora Port…" backs off to
                // before "Valmora Port Authority Labour Relations Board".
                let mut n = BUILT_HEADLINE_WORDS;
                while n > BUILT_HEADLINE_WORDS / 2 && joined(n) {
                    n -= 1;
                }
                if joined(n) {
                    n = BUILT_HEADLINE_WORDS;
                }
                // Nor after a word that leads into the next ("… of the…").
                while n > BUILT_HEADLINE_WORDS / 2
                    && newsdesk_text::is_stopword(&words[n - 1].to_lowercase())
                {
                    n -= 1;
                }
                format!("{}…", words[..n].join(" "))
            }
        }
    };
    capitalise_first(&headline)
}

/// The sentence without an opening subordinate clause or participle
/// phrase ("By the time the Earth meets the swarm, satellites will have
/// turned away" -> "satellites will have turned away"): a headline says
/// what happens.
fn main_clause(text: &str) -> &str {
    let first = text.split_whitespace().next().unwrap_or("");
    let subordinate = matches!(
        first,
        "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "Although"
            | "Though"
            | "Despite"
            | "Because"
            | "If"
            | "Since"
            | "Until"
            | "Once"
            | "Whereas"
    ) || text.starts_with("By the time ")
        // An opening participle phrase: "Working from the shuttle, four
        // astronauts will …", "Declaring him a martyr, the pope …".
        || first.len() > 5 && first.ends_with("ing") && first.starts_with(char::is_uppercase);
    if !subordinate {
        return text;
    }
    match text.split_once(", ") {
        Some((_, main)) if main.split_whitespace().count() >= 5 => main,
        _ => text,
    }
}

/// The sentence without an aside after its subject ("Schizophrenia, the
/// illness that afflicts 2.7 million Americans, is rarely diagnosed" ->
/// "Schizophrenia is rarely diagnosed").
fn without_apposition(text: &str) -> String {
    let Some((subject, rest)) = text.split_once(", ") else {
        return text.to_string();
    };
    let opener = rest.split_whitespace().next().unwrap_or("");
    let aside_opens = matches!(opener, "the" | "a" | "an" | "who" | "which" | "whose");
    // A relative clause may follow a longer subject ("A natural disaster
    // as terrible as Hurricane Mitch, which killed …, teaches …").
    let longest_subject = if matches!(opener, "who" | "which" | "whose") {
        9
    } else {
        5
    };
    let short_subject = (1..=longest_subject).contains(&subject.split_whitespace().count());
    match rest.split_once(", ") {
        Some((_, main)) if aside_opens && short_subject && main.split_whitespace().count() >= 3 => {
            format!("{subject} {main}")
        }
        _ => text.to_string(),
    }
}

/// Removes "NYT: " style prefixes and " | Outlet" suffixes.
pub fn clean(title: &str) -> String {
    let mut title = title.trim();
    if let Some((prefix, rest)) = title.split_once(": ") {
        if prefix.len() <= 6 && prefix.chars().all(|c| c.is_ascii_uppercase()) {
            title = rest;
        }
    }
    for separator in [" | ", " — ", " – "] {
        if let Some((head, _)) = title.rsplit_once(separator) {
            if head.split_whitespace().count() >= 4 {
                title = head;
            }
        }
    }
    capitalise_first(title)
}

/// The phrase with its first letter in upper case, for a headline or a
/// heading.
pub(crate) fn capitalise_first(phrase: &str) -> String {
    let mut chars = phrase.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
