//! Grouping the body into sections by subtopic and titling each section
//! with a phrase drawn from its own sentences.

use crate::pool::Pool;
use crate::rank::Scores;
use crate::select::order_for_reading;
use crate::sources::Sources;
use newsdesk_model::{Section, Span};
use newsdesk_text::{is_stopword, words, Stemmer};
use std::collections::HashMap;

#[cfg(test)]
mod tests;

const MAX_SECTIONS: usize = 4;

pub fn arrange(pool: &Pool, scores: &Scores, body: &[usize], sources: &Sources) -> Vec<Section> {
    let (background, news): (Vec<usize>, Vec<usize>) = body
        .iter()
        .partition(|&&i| sources.is_background(pool.sentences[i].source));
    let wanted = (news.len() / 3)
        .clamp(1, MAX_SECTIONS)
        .max(if background.is_empty() { 2 } else { 1 });
    let mut groups = cluster(pool, &news, wanted.min(news.len().max(1)));
    // Strongest group first; each group reads in chronological order.
    groups.retain(|g| !g.is_empty());
    merge_singletons(pool, &mut groups);
    groups.sort_by(|a, b| best(scores, b).total_cmp(&best(scores, a)));
    let mut used_headings: Vec<String> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let all_groups: Vec<Vec<usize>> = groups
        .iter()
        .cloned()
        .chain((!background.is_empty()).then(|| background.clone()))
        .collect();
    for (k, group) in all_groups.iter().enumerate() {
        let mut ids = group.clone();
        order_for_reading(pool, &mut ids);
        let others: Vec<usize> = all_groups
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .flat_map(|(_, g)| g.iter().copied())
            .collect();
        let is_background = !background.is_empty() && k == all_groups.len() - 1;
        let (phrase, opens_with_name) = key_phrase(pool, &ids, &others, &used_headings)
            .unwrap_or_else(|| ("More details".to_string(), false));
        used_headings.push(phrase.to_lowercase());
        let heading = if is_background {
            format!("Background: {}", lower_first(&phrase, opens_with_name))
        } else {
            phrase
        };
        sections.push(Section {
            heading,
            sentences: ids.iter().map(|&i| pool.story_sentence(i)).collect(),
        });
    }
    sections
}

fn best(scores: &Scores, group: &[usize]) -> f32 {
    group
        .iter()
        .map(|&i| scores.score[i])
        .fold(f32::MIN, f32::max)
}

/// A heading set after "Background: ": its first letter lower-cased,
/// unless its first word is part of a name the layer found ("Salt Lake",
/// "IOC members"), which keeps its case.
fn lower_first(phrase: &str, opens_with_name: bool) -> String {
    if opens_with_name {
        return phrase.to_string();
    }
    let mut chars = phrase.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Average-linkage agglomerative clustering into `k` groups.
fn cluster(pool: &Pool, ids: &[usize], k: usize) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = ids.iter().map(|&i| vec![i]).collect();
    let similarity = |a: &[usize], b: &[usize]| {
        let mut sum = 0.0;
        for &x in a {
            for &y in b {
                sum += pool.sentences[x].vector.cosine(&pool.sentences[y].vector);
            }
        }
        sum / (a.len() * b.len()) as f32
    };
    while groups.len() > k.max(1) {
        let mut best = (0, 1, f32::MIN);
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                // Prefer merging small groups so sections stay balanced.
                let size_penalty = 0.02 * (groups[i].len() + groups[j].len()) as f32;
                let s = similarity(&groups[i], &groups[j]) - size_penalty;
                if s > best.2 {
                    best = (i, j, s);
                }
            }
        }
        let merged = groups.remove(best.1);
        groups[best.0].extend(merged);
    }
    groups
}

/// The phrase that best names a group: a run of two or three content
/// words (one word of a name when there is none), found in several of
/// the group's sentences and rare elsewhere, in its original case; and
/// whether it opens with a word of a name.
fn key_phrase(
    pool: &Pool,
    group: &[usize],
    others: &[usize],
    used: &[String],
) -> Option<(String, bool)> {
    let stemmer = Stemmer::default();
    let inside = phrase_counts(pool, group, &stemmer);
    let outside = phrase_counts(pool, others, &stemmer);
    let mut best: Option<(f32, String, bool)> = None;
    for (key, (count, surface, named)) in inside {
        let length = key.split(' ').count();
        let single_name = length == 1
            && named
            && surface.chars().count() > 3
            && !newsdesk_text::is_calendar_word(&surface);
        if (length == 1 && !single_name) || used.contains(&surface.to_lowercase()) {
            continue;
        }
        let elsewhere = outside.get(&key).map_or(0.0, |(c, ..)| *c);
        let idf: f32 = key
            .split(' ')
            .filter_map(|t| pool.vocabulary.get(t))
            .map(|&t| pool.idf[t as usize])
            .sum::<f32>()
            / length as f32;
        let shape = if length == 1 {
            0.15
        } else {
            1.0 + 0.3 * (length as f32 - 2.0)
        };
        // A phrase the group repeats names it best; a distinctive phrase of
        // one sentence comes next, a lone name last.
        let recurrence = if count >= 2.0 { count } else { 0.6 };
        let value = recurrence * shape * idf.sqrt() / (1.0 + elsewhere);
        // Ties go to the phrase first in alphabetical order: the counts
        // come from a hash map, whose order differs from run to run.
        if best
            .as_ref()
            .is_none_or(|(v, s, _)| value > *v || (value == *v && surface < *s))
        {
            best = Some((value, surface, named));
        }
    }
    best.map(|(_, s, named)| (crate::headline::capitalise_first(&s), named))
}

/// Words after which a run of content words is a noun phrase.
const NOUN_PHRASE_OPENERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that", "of",
    "for", "in", "on", "at", "with", "by", "from", "over", "about", "against", "into", "between",
    "after", "before", "under", "new", "some", "any", "no", "each",
];

/// Common past-tense verbs that do not end in "-ed".
const IRREGULAR_VERBS: &[&str] = &[
    "said",
    "broke",
    "made",
    "took",
    "gave",
    "went",
    "came",
    "told",
    "met",
    "left",
    "held",
    "began",
    "became",
    "brought",
    "built",
    "fell",
    "found",
    "got",
    "grew",
    "kept",
    "knew",
    "led",
    "lost",
    "paid",
    "put",
    "ran",
    "rose",
    "saw",
    "sent",
    "set",
    "shut",
    "sold",
    "spoke",
    "stood",
    "struck",
    "thought",
    "won",
    "wrote",
    "says",
    "has",
    "had",
    "was",
    "were",
    "include",
    "includes",
    "expire",
    "expires",
    "remain",
    "remains",
    "want",
    "wants",
    "seek",
    "seeks",
    "face",
    "faces",
    "need",
    "needs",
    "mean",
    "means",
    "show",
    "shows",
    "call",
    "calls",
    "felt",
    "hit",
    "cut",
    "let",
    "meant",
    "sought",
    "spent",
    "taught",
    "understood",
    "drew",
    "drove",
    "flew",
    "hid",
    "hung",
    "lay",
    "shot",
    "slept",
    "stole",
    "stuck",
    "swept",
    "threw",
    "bought",
    "caught",
    "chose",
    "dealt",
    "fought",
    "froze",
    "heard",
    "laid",
    "quit",
    "shook",
    "wore",
    "woke",
    "sank",
    "comes",
    "goes",
    "strikes",
    "makes",
    "takes",
    "gives",
    "gets",
    "keeps",
    "holds",
    "looks",
    "seems",
    "becomes",
    "stands",
    "turns",
];

/// Number words: a heading's head is never a count ("Reposition six").
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
];

/// Words ending in "-ly" that are nouns or adjectives, not adverbs.
const LY_NOT_ADVERBS: &[&str] = &[
    "family",
    "supply",
    "ally",
    "assembly",
    "rally",
    "italy",
    "july",
    "monopoly",
    "anomaly",
    "reply",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "quarterly",
    "early",
    "elderly",
    "holy",
    "belly",
    "jelly",
    "bully",
    "lily",
    "emily",
    "kelly",
    "sally",
    "molly",
    "polly",
];

fn looks_like_verb(lower: &str) -> bool {
    lower.ends_with("ed") || lower.ends_with("ing") || IRREGULAR_VERBS.contains(&lower)
}

/// Adjectives that follow their noun ("an outpost adjacent to the
/// compound", "officials involved"): they end a noun phrase.
const POSTPOSITIVE: &[&str] = &[
    "adjacent",
    "nearby",
    "available",
    "responsible",
    "alone",
    "ahead",
    "abroad",
    "overseas",
    "apart",
    "together",
    "involved",
    "present",
    "concerned",
    "related",
    "aboard",
    "alike",
];

/// "originally", "quickly": an adverb ends a noun phrase and never heads
/// one; so do the adjectives that follow their noun.
fn looks_like_adverb(lower: &str) -> bool {
    (lower.ends_with("ly") && lower.chars().count() > 4 && !LY_NOT_ADVERBS.contains(&lower))
        || POSTPOSITIVE.contains(&lower)
}

/// For each candidate phrase (by stems): the number of sentences it occurs
/// in, its first surface form, and whether that opens with a word of a
/// name (the layer's mentions). Candidates are noun phrases found
/// without a tagger: content words after a determiner or a preposition,
/// cut before the first word that looks like a verb, and read from the
/// end (English noun phrases end in their head: "new collective
/// agreement", "collective agreement", "agreement"); and runs of words of
/// the names the layer found in the sentence.
fn phrase_counts(
    pool: &Pool,
    ids: &[usize],
    stemmer: &Stemmer,
) -> HashMap<String, (f32, String, bool)> {
    let mut counts: HashMap<String, (f32, String, bool)> = HashMap::new();
    for &i in ids {
        let text = pool.text(i);
        let sentence = &pool.sentences[i];
        // The layer's names in the sentence, in its own offsets.
        let names: Vec<Span> = pool.analyses[sentence.source]
            .mentions_in(sentence.span)
            .map(|m| {
                Span::new(
                    m.span.start - sentence.span.start,
                    m.span.end - sentence.span.start,
                )
            })
            .collect();
        // The start of the name a word lies in, when it lies in one.
        let name_of = |word: Span| {
            names
                .iter()
                .find(|n| n.start <= word.start && word.end <= n.end)
                .map(|n| n.start)
        };
        let named = |word: Span| name_of(word).is_some();
        // A word of a name that does not open it.
        let inside = |word: Span| name_of(word).is_some_and(|start| start < word.start);
        let mut in_sentence: HashMap<String, (String, bool)> = HashMap::new();
        let mut add = |window: &[(String, Span)]| {
            let key = window
                .iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let surface = &text[window[0].1.start..window[window.len() - 1].1.end];
            in_sentence
                .entry(key)
                .or_insert_with(|| (surface.to_string(), named(window[0].1)));
        };
        let tokens = words(text);
        let mut k = 0;
        while k < tokens.len() {
            let opener = k == 0 || NOUN_PHRASE_OPENERS.contains(&tokens[k - 1].lower.as_str());
            let mut run: Vec<(String, Span)> = Vec::new();
            let mut name = true;
            let mut end = k;
            while end < tokens.len() {
                let w = &tokens[end];
                let gap = if end == k {
                    ""
                } else {
                    &text[tokens[end - 1].span.end..w.span.start]
                };
                let content = !is_stopword(&w.lower)
                    && w.lower
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                    && w.lower.chars().count() > 2
                    && !NUMBER_WORDS.contains(&w.lower.as_str())
                    && !looks_like_adverb(&w.lower)
                    && !newsdesk_text::is_calendar_word(&w.lower);
                if !content
                    || gap.contains([',', '.', ';', ':', '"', '“', '”', '(', ')'])
                    || (!run.is_empty() && looks_like_verb(&w.lower))
                {
                    break;
                }
                name &= named(w.span);
                run.push((stemmer.stem(&w.lower), w.span));
                end += 1;
            }
            let sentence_initial = k == 0;
            // A run of a name's words that a word of the name stopped
            // before it ("Three" in "Three Gorges Dam …") starts inside it.
            let inside_a_name = !run.is_empty() && name && inside(tokens[k].span);
            if !run.is_empty()
                && (opener || name)
                && !(sentence_initial && run.len() == 1)
                && !inside_a_name
            {
                if name && !sentence_initial && run.len() <= 4 {
                    // A name whole ("United States Space Command"), or one
                    // of its words; never a slice that starts inside it.
                    add(&run);
                    for window in run.windows(1) {
                        add(window);
                    }
                } else {
                    for n in 1..=3.min(run.len()) {
                        let first = run.len() - n;
                        // Never from inside a name: "Paulo stock market" of
                        // "Sao Paulo stock market".
                        if inside(run[first].1) {
                            continue;
                        }
                        // Nor a role before a name: "board member Steve
                        // Abrams" gives "Steve Abrams", not "Member Steve
                        // Abrams".
                        if !named(run[first].1) && first + 1 < run.len() && named(run[first + 1].1)
                        {
                            continue;
                        }
                        add(&run[first..]);
                    }
                }
            }
            k = end.max(k + 1);
        }
        for (key, (surface, named)) in in_sentence {
            counts.entry(key).or_insert((0.0, surface, named)).0 += 1.0;
        }
    }
    counts
}

/// A one-sentence section reads as a stray: fold it into the group it is
/// most similar to, while at least two sections remain.
fn merge_singletons(pool: &Pool, groups: &mut Vec<Vec<usize>>) {
    while groups.len() > 2 {
        let Some(single) = groups.iter().position(|g| g.len() == 1) else {
            break;
        };
        let lonely = groups.remove(single);
        let sentence = &pool.sentences[lonely[0]];
        let similarity = |g: &Vec<usize>| {
            g.iter()
                .map(|&i| sentence.vector.cosine(&pool.sentences[i].vector))
                .fold(0.0f32, f32::max)
        };
        let target = (0..groups.len())
            .max_by(|&a, &b| similarity(&groups[a]).total_cmp(&similarity(&groups[b])))
            .expect("more than two groups remain");
        groups[target].extend(lonely);
    }
}
