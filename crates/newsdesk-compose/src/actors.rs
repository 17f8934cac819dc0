//! The actors of a story and the position each one takes, each position a
//! sourced sentence.

#[cfg(test)]
mod tests;

use crate::pool::Pool;
use crate::quotes::entity_key;
use newsdesk_language::{lexicon, Analysis, Entity, Mention, NameKind};

/// A person's role or a body's kind: what makes a phrase a party.
fn is_role_noun(lower: &str) -> bool {
    lexicon::is_role_noun(lower)
        || matches!(
            lower,
            "union" | "government" | "ministry" | "authority" | "company" | "police"
        )
}
use crate::rank::Scores;
use crate::sources::Sources;
use newsdesk_model::{Perspective, Statement};
use newsdesk_text::is_stopword;

/// Verbs by which an actor takes a position.
const STANCE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "believe",
    "believes",
    "doubt",
    "doubts",
    "remain",
    "remains",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "vowed",
    "vows",
    "want",
    "wants",
    "demanded",
    "demands",
    "offered",
    "offers",
    "seek",
    "seeks",
    "welcomed",
    "welcomes",
    "accused",
    "accuses",
    "urged",
    "urges",
    "refused",
    "refuses",
    "deemed",
    "insist",
    "insists",
    "insisted",
    "hope",
    "hopes",
    "fear",
    "fears",
    "warned",
    "warns",
    "claimed",
    "claims",
    "stated",
    "argued",
    "argues",
    "signaled",
    "signalled",
    "agreed",
    "opposed",
    "oppose",
    "opposes",
    "supports",
    "called",
    "ruled",
    "denied",
    "denies",
    "praised",
    "criticised",
    "criticized",
    "blamed",
    "blames",
    "threatened",
    "promised",
    "pledged",
    "note",
    "noted",
    "believed",
    "revealed",
    "confirmed",
    "announced",
    "proposed",
    "is",
    "are",
];

/// Words between a subject and its verb that are not part of the subject.
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "still",
    "repeatedly",
    "reportedly",
    "again",
    "already",
    "privately",
    "publicly",
    "now",
    "previously",
    "recently",
    "once",
    "firmly",
    "clearly",
];

/// Leading words that do not tell actors apart.
const QUANTIFIERS: &[&str] = &[
    "the", "a", "an", "some", "top", "many", "several", "most", "other", "two", "three", "both",
    "all",
];

pub fn perspectives(
    pool: &Pool,
    scores: &Scores,
    sources: &Sources,
    statements: &[(Statement, String)],
    used: &[usize],
    limit: usize,
) -> Vec<Perspective> {
    let mut best: Vec<(String, String, f32, usize)> = Vec::new(); // key, actor, score, sentence
    for (i, s) in pool.sentences.iter().enumerate() {
        if !s.printable || s.dangling_pronoun || sources.is_background(s.source) {
            continue;
        }
        let text = pool.text(i);
        let Some(phrase) = subject_of_stance(text, s.span.start, &pool.analyses[s.source]) else {
            continue;
        };
        // Precision first: a position belongs to a typed person or
        // organisation, or to a country's government, named as the
        // language layer names it; any other subject is left out.
        let Some((actor, key)) = typed_actor(pool, i, &phrase) else {
            continue;
        };
        // A position already told in the story text is a weaker table cell,
        // and one that only reports a fact ("officials said 85 people were
        // killed") weaker than one that takes a side.
        let told_already = if used.contains(&i) { 0.5 } else { 0.0 };
        let only_a_fact = if takes_a_side(text) {
            0.0
        } else {
            FACT_PENALTY
        };
        let score = scores.score[i] - told_already - only_a_fact;
        match best.iter_mut().find(|(k, ..)| *k == key) {
            Some(entry) if entry.2 < score => {
                // Keep the fullest name seen for the actor.
                if actor.len() > entry.1.len() {
                    entry.1 = actor;
                }
                entry.2 = score;
                entry.3 = i;
            }
            Some(entry) => {
                if actor.len() > entry.1.len() {
                    entry.1 = actor;
                }
            }
            None => best.push((key, actor, score, i)),
        }
    }
    // Name actors as their quotes name them, when they are the same people.
    for (key, actor, ..) in &mut best {
        if let Some((statement, _)) = statements.iter().find(|(_, k)| k == key) {
            let name = statement
                .speaker
                .split(',')
                .next()
                .unwrap_or(&statement.speaker)
                .trim();
            if name.len() > actor.len() {
                *actor = name.to_string();
            }
        }
    }
    best.sort_by(|a, b| b.2.total_cmp(&a.2));
    best.truncate(limit);
    best.into_iter()
        .map(|(_, actor, _, i)| Perspective {
            actor,
            position: pool.story_sentence(i),
        })
        .collect()
}

/// The typed entity a stance's subject phrase names: the last name in it
/// that is not a possessive ("the union's" leader is the leader's), when it
/// is a person, an organisation or a country (its government). With its
/// name, its key (`quotes::entity_key`): the same party in every source.
fn typed_actor(pool: &Pool, sentence: usize, phrase: &str) -> Option<(String, String)> {
    let s = &pool.sentences[sentence];
    let text = pool.text(sentence);
    // The phrase comes back capitalised for printing; find it in any case.
    let at = text.to_lowercase().find(&phrase.to_lowercase())? + s.span.start;
    let span = newsdesk_model::Span::new(at, at + phrase.len());
    let analysis = &pool.analyses[s.source];
    let article = &pool.articles[s.source].text;
    let mention = analysis
        .mentions_in(span)
        .filter(|m| {
            let after = &article[m.span.end..];
            !(after.starts_with("'s") || after.starts_with("’s"))
        })
        .last();
    let entity = match mention {
        Some(mention) => analysis.entity_of(mention),
        // "the union", "the port authority": the one body or person the
        // article names that way.
        None => &analysis.entities[analysis.described(article, span)?],
    };
    party_kind(entity).then(|| (entity.name.clone(), entity_key(entity)))
}

/// Whether an entity can take a position: a person, an organisation or a
/// country (its government), as the layer types it.
fn party_kind(entity: &Entity) -> bool {
    match entity.kind {
        NameKind::Person | NameKind::Organisation => true,
        NameKind::Place => lexicon::is_country(&entity.name),
        NameKind::Other => false,
    }
}

/// Whether a mention names a party: typed itself (not withheld) and its
/// entity a party.
fn is_party(analysis: &Analysis, mention: &Mention) -> bool {
    mention.kind != NameKind::Other && party_kind(analysis.entity_of(mention))
}

/// How much lower a cell that only reports a fact ranks.
const FACT_PENALTY: f32 = 0.15;

/// Words of judgement, will and intent: what makes a sentence a position.
const SIDE_WORDS: &[&str] = &[
    "should",
    "must",
    "would",
    "will",
    "could",
    "cannot",
    "can't",
    "won't",
    "wouldn't",
    "want",
    "wants",
    "wanted",
    "urge",
    "urged",
    "urges",
    "demand",
    "demanded",
    "demands",
    "oppose",
    "opposed",
    "opposes",
    "support",
    "supported",
    "supports",
    "reject",
    "rejected",
    "rejects",
    "deny",
    "denied",
    "denies",
    "insist",
    "insisted",
    "insists",
    "warn",
    "warned",
    "warns",
    "accuse",
    "accused",
    "accuses",
    "criticise",
    "criticised",
    "criticize",
    "criticized",
    "blame",
    "blamed",
    "blames",
    "believe",
    "believed",
    "believes",
    "hope",
    "hoped",
    "hopes",
    "fear",
    "feared",
    "fears",
    "vow",
    "vowed",
    "vows",
    "refuse",
    "refused",
    "refuses",
    "pledge",
    "pledged",
    "promise",
    "promised",
    "agree",
    "agreed",
    "agrees",
    "welcome",
    "welcomed",
    "welcomes",
    "praise",
    "praised",
    "condemn",
    "condemned",
    "condemns",
    "threaten",
    "threatened",
    "ready",
    "willing",
    "unwilling",
    "skeptical",
    "sceptical",
    "confident",
    "concerned",
    "wrong",
    "right",
    "unacceptable",
    "necessary",
    "need",
    "needs",
    "called",
    "calls",
    "seek",
    "seeks",
    "sought",
    "doubt",
    "doubts",
    "dismissed",
    "argued",
    "argues",
    "deem",
    "deemed",
    "deems",
    "considers",
    "regards",
    "skepticism",
];

/// Whether a sentence takes a side rather than only reporting a fact.
fn takes_a_side(text: &str) -> bool {
    newsdesk_text::words(text)
        .iter()
        .any(|w| SIDE_WORDS.contains(&w.lower.as_str()))
}

/// The actor that a sentence shows taking a position: the subject right
/// before a stance verb, when it is a named party or a role. `text`
/// starts at byte `offset` of the article `analysis` was made of: which
/// words are names is the layer's reading (its mentions).
pub fn subject_of_stance(text: &str, offset: usize, analysis: &Analysis) -> Option<String> {
    // A wire dateline ("WASHINGTON —") is printed apart from the sentence,
    // never as part of its subject.
    let dateline = newsdesk_text::dateline_length(text).unwrap_or(0);
    let text = &text[dateline..];
    let offset = offset + dateline;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    // Whether each token holds a word of a name the layer found.
    let named: Vec<bool> = tokens
        .iter()
        .map(|token| {
            let start = offset + (token.as_ptr() as usize - text.as_ptr() as usize);
            let end = start + token.len();
            analysis
                .mentions
                .iter()
                .any(|m| m.span.start < end && m.span.end > start && is_party(analysis, m))
        })
        .collect();
    for (v, token) in tokens.iter().enumerate().take(14) {
        let verb = token
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        if !STANCE_VERBS.contains(&verb.as_str()) || v == 0 {
            continue;
        }
        let mut end = v;
        while end > 0 && AUXILIARIES.contains(&tokens[end - 1].to_lowercase().as_str()) {
            end -= 1;
        }
        // "Dario Kestel, the union's leader, said": skip the apposition.
        let mut after_apposition = false;
        if end > 1 && tokens[end - 1].ends_with(',') {
            if let Some(open) = tokens[..end - 1].iter().rposition(|t| t.ends_with(',')) {
                if end - 1 - open <= 8 {
                    end = open + 1;
                    after_apposition = true;
                }
            }
        }
        // The subject runs back to a clause boundary.
        let mut start = end;
        while start > 0 && end - start < 6 {
            let previous = tokens[start - 1];
            // The comma that opened an apposition belongs to the name before it.
            let comma_ends_clause =
                previous.ends_with([',', ';', ':']) && !(after_apposition && start == end);
            if comma_ends_clause
                || matches!(
                    previous.to_lowercase().as_str(),
                    "that" | "but" | "and" | "while" | "as" | "because" | "which" | "who"
                )
            {
                break;
            }
            start -= 1;
        }
        let at_boundary = start == 0
            || tokens[start - 1].ends_with([',', ';', ':'])
            || matches!(
                tokens[start - 1].to_lowercase().as_str(),
                "that" | "but" | "and" | "while" | "as" | "because" | "which" | "who"
            );
        if start == end || !at_boundary {
            continue; // mid-clause: an object or a complement, not a subject
        }
        let subject: Vec<&str> = tokens[start..end].to_vec();
        let subject_named = &named[start..end];
        if start == 0 && !names_a_party(&subject, subject_named) {
            continue;
        }
        if let Some(actor) = actor_phrase(&subject, subject_named) {
            if verb == "is" || verb == "are" {
                // "X is unlikely to", "X are ready": only adjectives of stance.
                let next = tokens
                    .get(v + 1)
                    .map(|t| t.to_lowercase())
                    .unwrap_or_default();
                if !matches!(
                    next.as_str(),
                    "unlikely"
                        | "ready"
                        | "willing"
                        | "determined"
                        | "skeptical"
                        | "sceptical"
                        | "opposed"
                        | "confident"
                        | "prepared"
                        | "open"
                ) {
                    continue;
                }
            }
            return Some(actor);
        }
    }
    None
}

/// A subject as an actor name: capitalised words or a role, without
/// leading quantifiers; pronouns and common nouns alone are not actors.
/// Prepositions that open a phrase before a sentence's subject.
const OPENING_PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "from", "like", "unlike", "despite", "after", "before", "for", "with",
    "without", "under", "among", "by", "during", "since", "as",
];

/// `named` says, for each word of `subject`, whether it is part of a name.
fn actor_phrase(subject: &[&str], named: &[bool]) -> Option<String> {
    // What a quotation left before the name ("Our results are very firm,"
    // Totsuka said) is not part of it.
    let after_quote = subject
        .iter()
        .rposition(|t| t.contains(['"', '“', '”']))
        .map_or(0, |at| at + 1);
    let (mut words, mut names): (Vec<&str>, Vec<bool>) = subject[after_quote..]
        .iter()
        .zip(&named[after_quote..])
        .map(|(t, &n)| {
            let t = t.trim_matches(|c: char| {
                !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’' && c != '-'
            });
            (t, n)
        })
        .filter(|(t, _)| !t.is_empty())
        .unzip();
    while words
        .first()
        .is_some_and(|w| QUANTIFIERS.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
        names.remove(0);
    }
    // An opening phrase is no party: "Earlier police", "Like Steve Case",
    // "From a business perspective Fox", "Despite".
    while let Some(first) = words.first().map(|w| w.to_lowercase()) {
        if crate::pronouns::is_time_word(&first) || crate::pronouns::is_connective(&first) {
            words.remove(0);
            names.remove(0);
        } else if OPENING_PREPOSITIONS.contains(&first.as_str()) {
            // The party is the name right before the verb, if any.
            let name_start = names.iter().rposition(|n| !n).map_or(0, |i| i + 1);
            words = words.split_off(name_start.max(1));
            names = names.split_off(name_start.max(1));
        } else {
            break;
        }
    }
    // Nor a time after it: "Official media on Friday", "Passengers
    // interviewed Thursday".
    while words
        .last()
        .is_some_and(|w| newsdesk_text::is_calendar_word(&w.to_lowercase()))
    {
        words.pop();
        names.pop();
        while words.last().is_some_and(|w| {
            let lower = w.to_lowercase();
            matches!(lower.as_str(), "on" | "last" | "this" | "late" | "early")
                || lower.ends_with("ed") && w.starts_with(char::is_lowercase)
        }) {
            words.pop();
            names.pop();
        }
    }
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().all(|w| is_stopword(w)) {
        return None;
    }
    let named = names.iter().any(|&n| n) && !(words.len() == 1 && is_stopword(&lower[0]));
    let role = lower
        .iter()
        .any(|w| is_role_noun(w.trim_end_matches("'s").trim_end_matches("’s")));
    // The head of an English noun phrase is its last word: "the port
    // authority", "Western officials", "Dario Kestel". A phrase ending in
    // an ordinary word ("violations by Russia further fuels") is not a party.
    let head = words.last().copied().unwrap_or("");
    let head_lower = head.to_lowercase();
    let head_names_party = names.last().copied().unwrap_or(false)
        || is_role_noun(head_lower.trim_end_matches("'s").trim_end_matches("’s"));
    if !(named || role) || !head_names_party {
        return None;
    }
    let mut actor = words.join(" ");
    if let Some(first) = actor.get(..1) {
        actor = first.to_uppercase() + &actor[1..];
    }
    Some(actor.replace("U.S.", "US").replace("U.K.", "UK"))
}

/// A subject that opens a sentence names a party when it holds a role noun
/// or a name the layer found ("Skepticism remains" does not).
fn names_a_party(subject: &[&str], named: &[bool]) -> bool {
    named.iter().any(|&n| n)
        || subject.iter().any(|token| {
            let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
            is_role_noun(bare.to_lowercase().trim_end_matches("'s"))
        })
}
