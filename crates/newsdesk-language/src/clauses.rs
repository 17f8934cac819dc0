//! Clauses: what each clause tells about time. Its tense, its modality
//! (happened, ongoing, scheduled, expected, conditional) and the date it
//! names, resolved against the article's date.
//!
//! A sentence is read as a small tree. Its main clause spans the whole
//! sentence; a speech frame ("officials said", ", he said.") makes what
//! was said a reported clause inside it; subordinate clauses (after "if",
//! "when", "after", "before", "because", "while", "although", "unless",
//! "until") and relative clauses (after "who", "which", "that") sit inside
//! whichever clause holds them. Each clause's tense and modality come from
//! its own words, those no clause inside it holds; a clause without a verb
//! of its own ("after a two-week break") takes its parent's.
//!
//! A date is `certain` only when its resolution cannot be wrong: it gives
//! its year, or it is read against an exact publication day in the
//! direction its clause's tense gives (a weekday in a future clause
//! resolves forward, in a past clause backward).

#[cfg(test)]
mod tests;

use crate::{Context, Span};
use chrono::{Datelike, NaiveDate};
use newsdesk_model::DatePrecision;
use newsdesk_text::{resolve_dates, DateContext, DateMention, Word};
use std::collections::HashMap;

/// The clause's grammatical tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// What the clause says of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// It took place ("the court ruled").
    Happened,
    /// It is under way or a state that holds ("talks are continuing").
    Ongoing,
    /// It is set for a time to come ("the vote is scheduled for Friday",
    /// "will meet on Tuesday").
    Scheduled,
    /// It is expected, forecast or hoped for, not set ("is expected to",
    /// "likely", "plans to").
    Expected,
    /// It may happen, or happens only if something else does ("if",
    /// "could", "might", "may").
    Conditional,
}

/// Where a clause stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClauseKind {
    /// The sentence's main clause; it spans the whole sentence. When the
    /// sentence reports speech, its own words are the speech frame
    /// ("officials said").
    Main,
    /// What a speech verb reports ("the talks would resume on Monday" in
    /// "officials said the talks would resume on Monday").
    Reported,
    /// A clause opened by a subordinating word ("if", "after", "when").
    Subordinate,
    /// A relative clause ("which", "who", "that").
    Relative,
}

/// The date a clause names, as resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseDate {
    /// The words that name it ("last Tuesday", "Dec. 25").
    pub expression: Span,
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// Whether the resolution is certain (an explicit date, or a relative
    /// one against an exact publication day with nothing ambiguous).
    pub certain: bool,
}

/// A clause of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// From the clause's first word to its last; a clause inside it is
    /// inside this span.
    pub span: Span,
    /// Index into the analysis' sentences.
    pub sentence: usize,
    pub kind: ClauseKind,
    /// The word that opens a subordinate or relative clause, lower-cased
    /// ("if", "after", "which").
    pub opener: Option<String>,
    pub tense: Tense,
    pub modality: Modality,
    /// Whether the clause is reported speech ("X said the talks would …")
    /// or inside a quotation.
    pub reported: bool,
    /// Whether most of the clause's own words are inside quotation marks.
    pub quoted: bool,
    /// Whether any of its own words are (a partial quotation woven in).
    pub quotes: bool,
    /// Whether a reporting verb governs the clause: a reported clause, or
    /// one whose own words hold one ("officials announced …").
    pub reporting: bool,
    /// Whether an expected clause states its subject's own plan or aim
    /// ("Microsoft plans to cut …", "the ministry intends to open …"),
    /// not someone's forecast, hope or guess ("is likely to", "hopes
    /// to", "would").
    pub planned: bool,
    pub date: Option<ClauseDate>,
}

/// Verbs that report what someone said, and "according (to)": "would"
/// after one of them is a reported plan ("said the court would hear the
/// case on Tuesday"); any other "would" is a guess.
pub const REPORTING: &[&str] = &[
    "said",
    "says",
    "saying",
    "adding",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "confirmed",
    "agreed",
    "decided",
    "added",
    "stated",
    "declared",
    "reported",
    "according",
];

/// Speech verbs that frame a reported clause ("X said Y", "Y, X said").
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "announced",
    "stated",
    "declared",
    "reported",
    "confirmed",
    "warned",
    "insisted",
    "noted",
    "explained",
    "argued",
    "claimed",
    "predicted",
    "acknowledged",
    "stressed",
    "wrote",
    "according",
];

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "if", "unless", "whether", "when", "whenever", "after", "before", "because", "while",
    "although", "though", "until", "till", "once",
];

/// Words that open a relative clause ("that" is decided apart).
const RELATIVES: &[&str] = &["who", "whom", "whose", "which"];

/// Words that make a clause conditional: a guess, a possibility or a
/// condition.
pub const HEDGES: &[&str] = &[
    "if", "unless", "whether", "could", "might", "may", "perhaps", "possibly", "maybe",
];

/// Words that make a look ahead an expectation, a hope or a plan not yet
/// set ("is expected to", "likely", "we hope"), or an estimate of a past
/// seen from the past ("is expected to have lowered").
pub const EXPECTATIONS: &[&str] = &[
    "expected",
    "expects",
    "expect",
    "expecting",
    "likely",
    "unlikely",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "hopefully",
    "forecast",
    "forecasts",
    "predicts",
    "predict",
    "probably",
    "confident",
    "anticipated",
    "anticipates",
    "projected",
    "should",
    "intends",
    "intend",
    "aims",
    "seeks",
];

/// Phrases that set an event for a time to come, after "is" or "are"
/// ("is scheduled for", "are due to", "is set to").
const SCHEDULING: &[&str] = &["scheduled", "due", "set", "slated", "planned", "expected"];

/// Nouns after which "is to" names an aim, not a plan ("the aim is to
/// win").
const AIM_NOUNS: &[&str] = &[
    "aim",
    "goal",
    "plan",
    "purpose",
    "idea",
    "task",
    "job",
    "intention",
    "hope",
    "challenge",
    "priority",
    "objective",
    "mission",
    "strategy",
    "point",
    "problem",
    "question",
    "way",
    "answer",
    "solution",
];

/// Words before "plans" that make it a noun ("protests over plans to
/// automate the port"), not an intention.
const PLAN_NOUN_BEFORE: &[&str] = &[
    "over", "the", "its", "their", "his", "her", "about", "against", "new", "of", "our", "any",
    "no", "such", "those", "these", "with", "for", "and",
];

/// Irregular past forms that are not also present or participle forms
/// of another word ("read", "set", "put" are left out).
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "found",
    "left",
    "began",
    "met",
    "won",
    "lost",
    "held",
    "led",
    "fell",
    "rose",
    "sent",
    "spent",
    "built",
    "brought",
    "bought",
    "thought",
    "knew",
    "saw",
    "got",
    "paid",
    "struck",
    "fled",
    "became",
    "broke",
    "chose",
    "drove",
    "fought",
    "grew",
    "kept",
    "ran",
    "sold",
    "shot",
    "stood",
    "threw",
    "wrote",
    "spoke",
    "sank",
    "swept",
    "wore",
    "sought",
    "taught",
    "caught",
    "felt",
    "heard",
    "meant",
    "hung",
    "stole",
    "withdrew",
    "overthrew",
    "froze",
    "hid",
    "swore",
    "tore",
    "shook",
    "woke",
    "arose",
    "flew",
    "drew",
    "blew",
    "ate",
    "dealt",
    "sat",
    "slept",
    "wept",
    "dug",
    "stuck",
    "sprang",
    "swam",
    "rang",
    "sang",
    "forgave",
    "forgot",
    "undertook",
    "overtook",
    "upheld",
    "withheld",
    "understood",
    "oversaw",
    "rebuilt",
    "rode",
    "fed",
    "misled",
    "sped",
    "lent",
    "sprang",
    "bent",
    "bound",
    "wound",
    "lay",
    "laid",
    "forbade",
    "awoke",
];

/// Words ending in "-ed" that are not past forms.
const NOT_PAST: &[&str] = &[
    "need", "speed", "seed", "feed", "breed", "bleed", "deed", "weed", "creed", "greed", "heed",
    "steed", "red", "bed", "shed", "sled", "hundred", "united", "naked", "wicked", "sacred",
    "rugged", "ragged", "kindred", "wretched", "crooked", "beloved", "learned", "aged", "indeed",
    "proceed", "exceed", "succeed", "embed", "wed", "bred", "shred", "med", "fed",
];

/// Determiners and the like: an "-ed" word after one is an adjective
/// ("the proposed plan").
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "some",
    "many",
    "several",
    "more",
    "most",
    "all",
    "no",
    "each",
    "every",
    "other",
    "any",
    "newly",
    "recently",
    "so-called",
    "well",
    "long",
    "much",
    "highly",
    "widely",
    "very",
];

/// Auxiliaries of the present: "is", "are", "has".
const PRESENT_AUX: &[&str] = &[
    "is",
    "are",
    "am",
    "'re",
    "has",
    "have",
    "do",
    "does",
    "remains",
    "remain",
    "continues",
    "continue",
    "can",
];

/// A word of the sentence, with what clause building needs.
struct Token {
    lower: String,
    span: Span,
    capitalised: bool,
    quoted: bool,
    /// Punctuation before it breaks the clause (a comma, semicolon, dash,
    /// bracket or colon).
    break_before: bool,
}

/// A clause while it is built: its kind and its own words (indexes into
/// the sentence's tokens), with the clause it sits in.
struct Node {
    kind: ClauseKind,
    opener: Option<String>,
    parent: Option<usize>,
    /// All its words, those of clauses inside it included.
    all: Vec<usize>,
    own: Vec<usize>,
}

/// The clauses of every sentence: each sentence's main clause first, then
/// the clauses inside it in order of their first word.
pub fn find(text: &str, sentences: &[Span], context: &Context) -> Vec<Clause> {
    let exact = context.published;
    // Whether the text states the day it speaks from: a dateline with its
    // day ("WUHAN, July 31 (Xinhua) --"). A file's date alone may be the
    // day before the paper it was written for.
    let day_stated = match (sentences.first(), exact) {
        (Some(first), Some(published)) => {
            newsdesk_text::dateline_day(&text[first.range()], published).is_some()
        }
        _ => false,
    };
    let full_days = days_given_with_a_year(text, sentences, exact);
    let mut clauses = Vec::new();
    // The last date told in the past, for "the following day", and
    // whether it was certain.
    let mut previous: Option<((NaiveDate, DatePrecision), bool)> = None;
    // The year the narrative stands in: the last year the text gave
    // ("One day in July 2001"), until a date read from the publication
    // day ("last week", "yesterday") brings it back to the present
    // (`None`). A month or a day without its year belongs to that year.
    let mut narrative: Option<i32> = None;
    for (index, &sentence) in sentences.iter().enumerate() {
        let sentence_text = &text[sentence.range()];
        let tokens = tokenise(sentence_text, sentence.start);
        let nodes = build(&tokens);
        let mut built: Vec<Clause> = Vec::with_capacity(nodes.len());
        for (n, node) in nodes.iter().enumerate() {
            let (tense, modality) = time_of(&nodes, n, &tokens);
            let quoted_words = node.own.iter().filter(|&&k| tokens[k].quoted).count();
            let quoted = !node.own.is_empty() && quoted_words * 2 > node.own.len();
            let in_reported = node.kind == ClauseKind::Reported
                || ancestors(&nodes, n).any(|a| nodes[a].kind == ClauseKind::Reported);
            let has_reporting = node
                .own
                .iter()
                .any(|&k| REPORTING.contains(&tokens[k].lower.as_str()));
            let first = node.all.first().map_or(0, |&k| k);
            let last = node.all.last().map_or(0, |&k| k);
            let span = if tokens.is_empty() || n == 0 {
                sentence
            } else {
                Span::new(tokens[first].span.start, tokens[last].span.end)
            };
            built.push(Clause {
                span,
                sentence: index,
                kind: node.kind,
                opener: node.opener.clone(),
                tense,
                modality,
                reported: in_reported || quoted,
                quoted,
                quotes: quoted_words > 0,
                reporting: in_reported || has_reporting,
                planned: modality == Modality::Expected && states_a_plan(&node.own, &tokens),
                date: None,
            });
        }
        // Dates, read sentence by sentence so that "the following day"
        // counts from the event told before it.
        let date_context = DateContext {
            anchor: exact,
            anchor_exact: exact.is_some(),
            previous: previous.map(|(p, _)| p),
        };
        let opening = newsdesk_text::dateline_length(sentence_text).unwrap_or(0);
        let mentions = resolve_dates(sentence_text, &date_context);
        let mut before_certain = previous.is_some_and(|(_, c)| c);
        let mut frame = false;
        let mut dated: Vec<(usize, ClauseDate)> = Vec::new();
        for mut mention in mentions {
            let expression = &sentence_text[mention.span.range()];
            let kind = kind_of(expression);
            let mention_start = mention.span.start;
            let mention_end = mention.span.end;
            mention.span = mention.span.shift(sentence.start);
            if kind == ExpressionKind::Explicit {
                frame = true;
            }
            // The clause whose own words hold the expression.
            let at = tokens
                .iter()
                .position(|t| t.span.start >= mention.span.start)
                .unwrap_or(0);
            let owner = nodes
                .iter()
                .enumerate()
                .rev()
                .find(|(_, node)| node.own.contains(&at))
                .map_or(0, |(n, _)| n);
            let clause = &built[owner];
            // A date word inside quotation marks in a clause that does
            // not quote is a name or a title ("Black Monday").
            if tokens.get(at).is_some_and(|t| t.quoted) && !clause.quoted {
                continue;
            }
            let mut certain = certainty(
                kind,
                expression,
                &mention,
                clause.tense,
                exact,
                before_certain,
                frame && kind != ExpressionKind::Explicit,
            ) && !doubtful(
                sentence_text,
                Span::new(mention_start, mention_start + mention.span.len()),
                kind,
                &mention,
                exact,
                day_stated,
            );
            // A month or a day without its year ("In March", "on Nov.
            // 16", not "last March") is the narrative's, which the
            // publication day gives only when the text stands in the
            // present: after "One day in July 2001 …", "In March,
            // Schmidt had become chairman" is March 2001. A future
            // still speaks from the publication day ("will try to reach
            // the rest by early July").
            let bare = !matches!(
                expression
                    .split_whitespace()
                    .next()
                    .map(str::to_lowercase)
                    .as_deref(),
                Some("last" | "next" | "this")
            );
            if bare
                && matches!(kind, ExpressionKind::Month | ExpressionKind::DayOfMonth)
                && clause.tense != Tense::Future
                && narrative.is_some_and(|year| year != mention.date.year())
            {
                certain = false;
            }
            // "its April 19 raid" in an article that gives "April 19,
            // 1993" elsewhere is that day, not the last April 19 before
            // publication.
            if kind == ExpressionKind::DayOfMonth {
                if let Some(Some(year)) = full_days.get(&(mention.date.month(), mention.date.day()))
                {
                    if let Some(date) = mention.date.with_year(*year) {
                        mention.date = date;
                        certain = true;
                    }
                }
            }
            // A generic month ("born in February") names no one day.
            if kind == ExpressionKind::Month && generic_month(sentence_text, mention_start) {
                certain = false;
            }

            before_certain = certain;
            if mention_start >= opening {
                if kind == ExpressionKind::Explicit {
                    if sets_the_scene(sentence_text, opening, mention_start, mention_end) {
                        narrative = Some(mention.date.year());
                    }
                } else if certain
                    && !(bare && matches!(kind, ExpressionKind::Month | ExpressionKind::DayOfMonth))
                {
                    // Read from the publication day ("last week", "on
                    // Monday"): back in the present.
                    narrative = None;
                }
            }
            if mention_start < opening {
                continue; // a wire dateline dates the dispatch, not an event
            }
            if !mention.future {
                previous = Some(((mention.date, mention.precision), certain));
            }
            dated.push((
                owner,
                ClauseDate {
                    expression: mention.span,
                    date: mention.date,
                    precision: mention.precision,
                    certain,
                },
            ));
        }
        // A clause's date is its finest, the first of equals; certain
        // only when every date its own words give is: "will be launched
        // around mid-October … and the second in late 2000" leaves open
        // which one is its event's.
        for (owner, date) in dated {
            let clause = &mut built[owner];
            match &mut clause.date {
                None => clause.date = Some(date),
                Some(known) => {
                    let certain = known.certain && date.certain;
                    if fineness(date.precision) < fineness(known.precision) {
                        *known = date;
                    }
                    known.certain = certain;
                }
            }
        }
        clauses.extend(built);
    }
    clauses
}

/// Whether a clause's own words state a plan or an aim of its subject
/// ("plans to", "intends to", "aims to"), with no word of forecast, hope
/// or guess beside it.
fn states_a_plan(own: &[usize], tokens: &[Token]) -> bool {
    let words: Vec<&str> = own.iter().map(|&k| tokens[k].lower.as_str()).collect();
    let intent = words.windows(2).enumerate().any(|(i, pair)| {
        matches!(
            pair[0],
            "plans" | "plan" | "planning" | "intends" | "intend" | "aims" | "aim"
        ) && pair[1] == "to"
            && (i == 0 || !PLAN_NOUN_BEFORE.contains(&words[i - 1]))
    });
    let forecast = words.iter().any(|w| {
        (EXPECTATIONS.contains(w) && !matches!(*w, "intends" | "intend" | "aims"))
            || matches!(*w, "would" | "have")
    });
    intent && !forecast
}

/// Whether a date expression gives its year ("Dec. 25, 2023", "in
/// 2019", "the fall of 2022"), so that it reads the same whoever wrote
/// it and when.
pub fn gives_its_year(expression: &str) -> bool {
    kind_of(expression) == ExpressionKind::Explicit
}

/// Whether a date with its year opens its sentence as a time adverbial
/// set off by a comma ("In 1998, …", "One day in July 2001, …", "By July
/// 2001, …"): the time a narrative moves to, which bare months and days
/// after it keep.
fn sets_the_scene(sentence: &str, opening: usize, start: usize, end: usize) -> bool {
    let before = &sentence[opening.min(start)..start];
    let words: Vec<&str> = before.split_whitespace().collect();
    words.len() <= 4
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || c == '-')
                && (w.starts_with(char::is_lowercase) || words.first() == Some(w))
        })
        && sentence[end..].trim_start().starts_with(',')
}

/// The clauses of sentence `sentence`, main clause first.
pub fn of_sentence(clauses: &[Clause], sentence: usize) -> &[Clause] {
    let start = clauses.partition_point(|c| c.sentence < sentence);
    let end = clauses.partition_point(|c| c.sentence <= sentence);
    &clauses[start..end]
}

/// The clause that tells a sentence's news: what was said when the main
/// clause is only a speech frame ("officials said …"), else the main
/// clause.
pub fn principal(clauses: &[Clause]) -> Option<&Clause> {
    clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Reported)
        .or_else(|| clauses.iter().find(|c| c.kind == ClauseKind::Main))
}

/// Finer precision first.
pub fn fineness(precision: DatePrecision) -> u8 {
    newsdesk_text::precision_rank(precision)
}

fn tokenise(sentence: &str, offset: usize) -> Vec<Token> {
    let words: Vec<Word> = newsdesk_text::words(sentence);
    let quoted = quoted_ranges(sentence);
    let mut tokens = Vec::with_capacity(words.len());
    let mut end = 0;
    for word in words {
        let gap = &sentence[end..word.span.start];
        end = word.span.end;
        let original = &sentence[word.span.range()];
        tokens.push(Token {
            capitalised: original.starts_with(char::is_uppercase),
            quoted: quoted
                .iter()
                .any(|&(a, b)| word.span.start >= a && word.span.end <= b),
            // A comma inside a number ("3,400") breaks nothing.
            break_before: (gap.contains([',', ';', ':', '—', '–', '(', ')']) && gap != ",")
                || gap.contains(" - ")
                || gap.contains("--"),
            lower: word.lower,
            span: word.span.shift(offset),
        });
    }
    tokens
}

/// The byte ranges of a sentence inside quotation marks. An unmatched
/// opening mark quotes the rest of the sentence; an unmatched closing
/// one (a quotation that began in a sentence before) all before it.
fn quoted_ranges(sentence: &str) -> Vec<(usize, usize)> {
    let marks: Vec<(usize, char)> = sentence
        .char_indices()
        .filter(|&(_, c)| matches!(c, '"' | '“' | '”' | '«' | '»'))
        .collect();
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &(at, c)) in marks.iter().enumerate() {
        let opening = match c {
            '“' | '«' => true,
            '”' | '»' => false,
            // A straight mark opens when it is not open already and a
            // word follows it.
            _ => open.is_none() && sentence[at + 1..].starts_with(|ch: char| !ch.is_whitespace()),
        };
        match (opening, open) {
            (true, None) => open = Some(at),
            (false, Some(start)) => {
                ranges.push((start, at + 1));
                open = None;
            }
            (false, None) if ranges.is_empty() && i == 0 => ranges.push((0, at + 1)),
            _ => {}
        }
    }
    if let Some(start) = open {
        ranges.push((start, sentence.len()));
    }
    ranges
}

/// The clause tree of a sentence, main clause first.
fn build(tokens: &[Token]) -> Vec<Node> {
    let all: Vec<usize> = (0..tokens.len()).collect();
    let mut nodes = vec![Node {
        kind: ClauseKind::Main,
        opener: None,
        parent: None,
        all: all.clone(),
        own: all.clone(),
    }];
    match speech_frame(tokens) {
        Some((frame, content)) if !content.is_empty() => {
            nodes[0].own = frame;
            nodes.push(Node {
                kind: ClauseKind::Reported,
                opener: None,
                parent: Some(0),
                all: content.clone(),
                own: content,
            });
            split(tokens, &mut nodes, 1);
            split(tokens, &mut nodes, 0);
        }
        _ => split(tokens, &mut nodes, 0),
    }
    // Text order of first words, the main clause first.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&n| (n != 0, nodes[n].all.first().copied().unwrap_or(0)));
    let mut position = vec![0; nodes.len()];
    for (to, &from) in order.iter().enumerate() {
        position[from] = to;
    }
    let mut sorted: Vec<Node> = Vec::with_capacity(nodes.len());
    let mut taken: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    for &from in &order {
        let mut node = taken[from].take().expect("each node once");
        node.parent = node.parent.map(|p| position[p]);
        sorted.push(node);
    }
    sorted
}

/// A speech frame and what it reports, as token indexes: "X said (that)
/// Y", "Y, X said", "Y, said X", "Y, according to X", "A, he said, B".
fn speech_frame(tokens: &[Token]) -> Option<(Vec<usize>, Vec<usize>)> {
    let n = tokens.len();
    let segment_start = |k: usize| (0..=k).rev().find(|&j| j == 0 || tokens[j].break_before);
    let segment_end = |k: usize| (k + 1..n).find(|&j| tokens[j].break_before).unwrap_or(n);
    for k in 0..n {
        let word = tokens[k].lower.as_str();
        if tokens[k].quoted || !SPEECH.contains(&word) {
            continue;
        }
        if word == "according" && tokens.get(k + 1).is_none_or(|t| t.lower != "to") {
            continue;
        }
        let start = segment_start(k)?;
        let end = segment_end(k);
        // "X said (on Monday) that Y", "X told reporters that Y".
        let that = (k + 1..(k + 5).min(n))
            .take_while(|&j| j == k + 1 || !tokens[j].break_before)
            .find(|&j| tokens[j].lower == "that")
            .filter(|&j| {
                j == k + 1
                    || (k + 1..j).all(|m| {
                        is_date_word(&tokens[m].lower)
                            || matches!(
                                tokens[m].lower.as_str(),
                                "on" | "late"
                                    | "early"
                                    | "reporters"
                                    | "him"
                                    | "her"
                                    | "them"
                                    | "us"
                                    | "me"
                                    | "journalists"
                            )
                    })
            });
        // What follows the verb starts a clause of its own: "said the
        // talks would resume".
        let clause_after = tokens.get(k + 1).is_some_and(|t| {
            !t.break_before
                && matches!(
                    t.lower.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "he"
                        | "she"
                        | "it"
                        | "they"
                        | "we"
                        | "i"
                        | "there"
                        | "this"
                        | "these"
                        | "those"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                )
        });
        // "Y, X said." or "A, he said, B": a short frame after a break
        // ("said John Smith", "said in a statement on Monday").
        if that.is_none() && !clause_after && start > 0 && k - start <= 6 {
            let mut content: Vec<usize> = (0..start).collect();
            if end < n {
                let next = &tokens[end];
                let apposition = next.capitalised
                    || matches!(
                        next.lower.as_str(),
                        "a" | "an" | "the" | "who" | "which" | "whose" | "according" | "and"
                    );
                if !apposition {
                    content.extend(end..n);
                }
            }
            let frame: Vec<usize> = (start..end).collect();
            return Some((frame, content));
        }
        if word == "according" {
            continue;
        }
        let mut c = k + 1;
        if let Some(that) = that {
            c = that + 1;
        } else if matches!(word, "said" | "says" | "say" | "added" | "adds") {
            while c < n
                && !tokens[c].break_before
                && (is_date_word(&tokens[c].lower)
                    || matches!(tokens[c].lower.as_str(), "on" | "late" | "early"))
            {
                c += 1;
            }
        } else {
            continue;
        }
        if c >= n || tokens[c].break_before && c == k + 1 {
            continue;
        }
        let frame: Vec<usize> = (0..c).collect();
        let content: Vec<usize> = (c..n).collect();
        return Some((frame, content));
    }
    None
}

fn is_date_word(lower: &str) -> bool {
    newsdesk_text::weekday_of(lower).is_some()
        || matches!(
            lower,
            "yesterday" | "today" | "tonight" | "morning" | "afternoon" | "evening" | "night"
        )
}

/// Splits the own words of node `n` into the subordinate and relative
/// clauses they open, recursively.
fn split(tokens: &[Token], nodes: &mut Vec<Node>, n: usize) {
    let own = nodes[n].own.clone();
    let mut kept = Vec::new();
    let mut p = 0;
    while p < own.len() {
        let k = own[p];
        let opener = opens_clause(tokens, &own, p);
        let Some(kind) = opener else {
            kept.push(k);
            p += 1;
            continue;
        };
        // The clause runs to the next break or the end of its parent's
        // words.
        let mut q = p + 1;
        while q < own.len() && !tokens[own[q]].break_before && own[q] == own[q - 1] + 1 {
            q += 1;
        }
        // An opener with nothing after it opens nothing.
        if q == p + 1 {
            kept.push(k);
            p += 1;
            continue;
        }
        let words: Vec<usize> = own[p..q].to_vec();
        nodes.push(Node {
            kind,
            opener: Some(tokens[k].lower.clone()),
            parent: Some(n),
            all: words.clone(),
            own: words,
        });
        let child = nodes.len() - 1;
        // Clauses inside it: from its second word on.
        let inner = nodes[child].own[1..].to_vec();
        let first = nodes[child].own[0];
        nodes[child].own = inner;
        split(tokens, nodes, child);
        nodes[child].own.insert(0, first);
        p = q;
    }
    nodes[n].own = kept;
}

/// Whether the word at `own[p]` opens a subordinate or relative clause.
fn opens_clause(tokens: &[Token], own: &[usize], p: usize) -> Option<ClauseKind> {
    let k = own[p];
    let word = tokens[k].lower.as_str();
    let next = own.get(p + 1).map(|&j| tokens[j].lower.as_str());
    if SUBORDINATORS.contains(&word) {
        // "even if", "as if" still open; "once" only as a conjunction at a
        // clause start.
        if word == "once" && !(p == 0 || tokens[k].break_before) {
            return None;
        }
        return Some(ClauseKind::Subordinate);
    }
    if word == "where" && tokens[k].break_before {
        return Some(ClauseKind::Relative);
    }
    if RELATIVES.contains(&word) {
        // "Which" opening a sentence asks; "whose" and "which" after a
        // preposition still relate.
        if k == 0 {
            return None;
        }
        return Some(ClauseKind::Relative);
    }
    if word == "that" && p > 0 {
        let before = tokens[own[p - 1]].lower.as_str();
        let next = next?;
        // "the plan that was approved": a noun, then a verb.
        let verb_next = PRESENT_AUX.contains(&next)
            || matches!(
                next,
                "was" | "were" | "had" | "will" | "would" | "could" | "might" | "may" | "can"
            )
            || is_past_form(next);
        let noun_before = !tokens[own[p - 1]].break_before
            && !SPEECH.contains(&before)
            && !REPORTING.contains(&before)
            && !matches!(
                before,
                "so" | "such" | "now" | "is" | "was" | "are" | "were" | "and" | "but" | "of"
            )
            && !is_past_form(before)
            && !before.ends_with("ly");
        if verb_next && noun_before {
            return Some(ClauseKind::Relative);
        }
    }
    None
}

fn ancestors(nodes: &[Node], n: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(nodes[n].parent, |&p| nodes[p].parent)
}

/// Whether a lower-cased word is a past form: an irregular one, or a
/// regular "-ed" that is not a noun or adjective of its own.
fn is_past_form(lower: &str) -> bool {
    if IRREGULAR_PAST.contains(&lower) {
        return true;
    }
    lower.len() > 4
        && lower.ends_with("ed")
        && !lower.contains('-')
        && !NOT_PAST.contains(&lower)
        && (!lower.ends_with("eed") || matches!(lower, "agreed" | "freed" | "decreed"))
}

/// The tense and modality of node `n`, from its own words, or from its
/// parent's when it has no verb of its own.
fn time_of(nodes: &[Node], n: usize, tokens: &[Token]) -> (Tense, Modality) {
    let node = &nodes[n];
    let words: Vec<&Token> = node.own.iter().map(|&k| &tokens[k]).collect();
    let governed = node.kind == ClauseKind::Reported
        || ancestors(nodes, n).any(|a| nodes[a].kind == ClauseKind::Reported);
    let parent = || {
        node.parent
            .map(|p| time_of(nodes, p, tokens))
            .unwrap_or((Tense::Present, Modality::Ongoing))
    };
    let lower = |i: usize| words.get(i).map(|t| t.lower.as_str());
    let tense = tense_of(&words, governed);
    // Conditional: a condition, a possibility, a guess.
    let opener = node.opener.as_deref();
    let would_guess = words.iter().enumerate().any(|(i, t)| {
        t.lower == "would"
            && !governed
            && !words[..i]
                .iter()
                .any(|w| REPORTING.contains(&w.lower.as_str()))
    });
    let hedged = words
        .iter()
        .any(|t| HEDGES.contains(&t.lower.as_str()) && !(t.lower == "may" && t.capitalised));
    if matches!(opener, Some("if" | "unless" | "whether")) || hedged || would_guess {
        return (tense.unwrap_or(Tense::Future), Modality::Conditional);
    }
    // A plan that was: "had been scheduled", "had planned to".
    let had_plan = (0..words.len()).any(|i| {
        lower(i) == Some("had")
            && (matches!(lower(i + 1), Some("been"))
                && lower(i + 2).is_some_and(|w| SCHEDULING.contains(&w))
                || matches!(
                    lower(i + 1),
                    Some("planned" | "hoped" | "expected" | "intended" | "wanted")
                ))
    });
    if had_plan {
        return (Tense::Past, Modality::Happened);
    }
    // Expected: an expectation, a hope, an intention, a forecast.
    let plans = (0..words.len()).any(|i| {
        matches!(lower(i), Some("plans" | "plan" | "planning"))
            && lower(i + 1) == Some("to")
            && (i == 0 || !PLAN_NOUN_BEFORE.contains(&words[i - 1].lower.as_str()))
    });
    let would_like =
        (0..words.len()).any(|i| lower(i) == Some("would") && lower(i + 1) == Some("like"));
    let to_have = (0..words.len()).any(|i| lower(i) == Some("to") && lower(i + 1) == Some("have"));
    let expects = words
        .iter()
        .any(|t| EXPECTATIONS.contains(&t.lower.as_str()));
    let past_plan = (0..words.len()).any(|i| {
        matches!(lower(i), Some("was" | "were"))
            && lower(i + 1).is_some_and(|w| SCHEDULING.contains(&w))
    });
    if past_plan && !governed {
        // "was scheduled for Friday": a plan seen from the past, which
        // may have been kept or not.
        return (Tense::Past, Modality::Happened);
    }
    // "said the system would be operational": a state foretold as
    // someone told it, not an event set ("said the delegations would
    // return on Monday", "would be held on Monday").
    let reported_would = governed
        && (0..words.len()).any(|i| {
            lower(i) == Some("would")
                && lower(i + 1) == Some("be")
                && lower(i + 2)
                    .is_some_and(|w| !is_past_form(w) && !w.ends_with("en") && !w.ends_with("ing"))
        });
    if expects || plans || would_like || to_have || reported_would {
        return (tense.unwrap_or(Tense::Future), Modality::Expected);
    }
    match tense {
        Some(Tense::Future) => (Tense::Future, Modality::Scheduled),
        Some(Tense::Past) => (Tense::Past, Modality::Happened),
        Some(Tense::Present) => {
            // "next week", "upcoming" in a present clause: still to come.
            let ahead = (0..words.len()).any(|i| {
                lower(i) == Some("upcoming")
                    || (lower(i) == Some("next")
                        && matches!(lower(i + 1), Some("week" | "month" | "year")))
            });
            if ahead {
                (Tense::Present, Modality::Scheduled)
            } else {
                (Tense::Present, Modality::Ongoing)
            }
        }
        None => parent(),
    }
}

/// The tense the clause's first finite verb gives, if it has one.
fn tense_of(words: &[&Token], governed: bool) -> Option<Tense> {
    let lower = |i: usize| words.get(i).map(|t| t.lower.as_str());
    for (i, t) in words.iter().enumerate() {
        let w = t.lower.as_str();
        if t.capitalised && i > 0 {
            continue; // a name
        }
        match w {
            "will" | "shall" | "won't" | "wo" => return Some(Tense::Future),
            _ if w.ends_with("'ll") => return Some(Tense::Future),
            "would" => {
                return Some(if governed {
                    Tense::Future
                } else {
                    Tense::Present
                })
            }
            "is" | "are" | "am" | "'re" => {
                // "is to", "is going to", "is scheduled for", "are due to".
                let next = lower(i + 1);
                let to_come = match next {
                    Some("to") => !(i > 0 && AIM_NOUNS.contains(&words[i - 1].lower.as_str())),
                    Some("going") => lower(i + 2) == Some("to"),
                    Some(n) if SCHEDULING.contains(&n) => {
                        matches!(lower(i + 2), Some("to" | "for" | "on" | "in"))
                    }
                    _ => false,
                };
                return Some(if to_come {
                    Tense::Future
                } else {
                    Tense::Present
                });
            }
            "has" | "have" => {
                // "has agreed", "have been": a present perfect tells what
                // happened.
                let next = lower(i + 1).unwrap_or("");
                // "has been set for Tuesday": a plan standing now.
                if next == "been"
                    && lower(i + 2).is_some_and(|w| SCHEDULING.contains(&w) && w != "expected")
                    && matches!(lower(i + 3), Some("for" | "to"))
                {
                    return Some(Tense::Future);
                }
                return Some(
                    if next == "been" || is_past_form(next) || next.ends_with("en") {
                        Tense::Past
                    } else {
                        Tense::Present
                    },
                );
            }
            "do" | "does" | "can" | "remains" | "remain" | "continues" | "continue" => {
                return Some(Tense::Present)
            }
            _ => {}
        }
        if is_past_form(w) {
            let before = if i > 0 { lower(i - 1) } else { None };
            if before.is_some_and(|b| DETERMINERS.contains(&b)) {
                continue; // "the proposed plan"
            }
            if before == Some("to") || before == Some("be") || before == Some("being") {
                continue;
            }
            // A past form opening a phrase that another break closes
            // ("Snoopy, perched on his doghouse, looks …") is a
            // participle; one that runs on ("The strike, in 2019, lasted
            // 11 days") is the verb.
            if i > 0 && t.break_before && words[i + 1..].iter().any(|w| w.break_before) {
                continue;
            }
            return Some(Tense::Past);
        }
    }
    None
}

/// What kind of date expression the words are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExpressionKind {
    /// It writes its year out ("Dec. 25, 2023", "in 2019", "fall of 2022").
    Explicit,
    /// It counts from publication in a fixed direction ("yesterday",
    /// "last week", "next month", "two days ago", "tomorrow", "this year").
    Deictic,
    /// A weekday ("on Tuesday", "Friday night"), perhaps with "last" or "next".
    Weekday,
    /// A day of a month without its year ("Nov. 16").
    DayOfMonth,
    /// A month or a season without its year ("in April", "last summer").
    Month,
    /// Counted from the event told before ("the following day").
    FromPrevious,
}

fn kind_of(expression: &str) -> ExpressionKind {
    let lower = expression.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        || words
            .iter()
            .any(|w| w.strip_prefix("mid-").is_some_and(|y| y.len() == 4))
    {
        return ExpressionKind::Explicit;
    }
    if words.first() == Some(&"the")
        || words
            .last()
            .is_some_and(|w| matches!(*w, "later" | "earlier" | "after" | "before"))
    {
        return ExpressionKind::FromPrevious;
    }
    if words.iter().any(|w| newsdesk_text::weekday_of(w).is_some()) {
        if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
            return ExpressionKind::DayOfMonth;
        }
        return ExpressionKind::Weekday;
    }
    if words.iter().any(|w| {
        matches!(
            *w,
            "yesterday" | "today" | "tonight" | "tomorrow" | "ago" | "week" | "month" | "year"
        ) || (*w == "this" && words.len() == 2)
    }) {
        return ExpressionKind::Deictic;
    }
    if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return ExpressionKind::DayOfMonth;
    }
    ExpressionKind::Month
}

/// Whether the direction of a resolution cannot be wrong.
fn certainty(
    kind: ExpressionKind,
    expression: &str,
    mention: &DateMention,
    tense: Tense,
    exact: Option<NaiveDate>,
    previous_certain: bool,
    framed: bool,
) -> bool {
    let Some(anchor) = exact else {
        return kind == ExpressionKind::Explicit;
    };
    // The direction the resolver read it in must be the tense's, and the
    // date on that side of the publication day.
    let agrees = || match tense {
        Tense::Past => !mention.future && mention.date <= anchor,
        Tense::Future => mention.future && period_end(mention.date, mention.precision) >= anchor,
        Tense::Present => false,
    };
    match kind {
        ExpressionKind::Explicit => true,
        ExpressionKind::Deictic => {
            // "yesterday" or "last week" in a future clause, "tomorrow" in a
            // past one: something else is meant.
            match tense {
                Tense::Past => mention.date <= anchor,
                Tense::Future => period_end(mention.date, mention.precision) >= anchor,
                Tense::Present => true,
            }
        }
        // "Tuesday, 24 November": the weekday pins the year.
        ExpressionKind::DayOfMonth if names_its_weekday(mention, expression) => {
            (mention.date - anchor).num_days().abs() < 300
        }
        ExpressionKind::Weekday | ExpressionKind::DayOfMonth => agrees(),
        ExpressionKind::Month => !framed && agrees(),
        ExpressionKind::FromPrevious => previous_certain && tense == Tense::Past,
    }
}

/// Whether the words before a weekday open an indefinite noun phrase: "on
/// a" or "one" and at most two describing words ("on a rainy Saturday",
/// "one cold grey Monday").
fn indefinite_before(head: &str) -> bool {
    let words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let describing = |w: &str| {
        w.chars().all(char::is_alphabetic)
            && !matches!(
                w,
                "on" | "in"
                    | "at"
                    | "of"
                    | "by"
                    | "the"
                    | "this"
                    | "that"
                    | "last"
                    | "next"
                    | "for"
                    | "until"
                    | "from"
                    | "since"
                    | "and"
                    | "or"
                    | "to"
                    | "early"
                    | "late"
            )
    };
    for skipped in 0..=2 {
        let Some(k) = words.len().checked_sub(1 + skipped) else {
            return false;
        };
        let word = words[k];
        // "on a rainy Saturday", "one Saturday": not "a spokesman said
        // Friday".
        let on_before = k > 0 && words[k - 1] == "on";
        if word == "one" || (matches!(word, "a" | "an" | "every" | "each") && on_before) {
            return true;
        }
        if !describing(word) {
            return false;
        }
    }
    false
}

/// Whether a day of a month also names its weekday, and the date
/// resolved falls on it ("Tuesday, 24 November").
fn names_its_weekday(mention: &DateMention, expression: &str) -> bool {
    expression
        .split(|c: char| !c.is_alphabetic())
        .find_map(|w| newsdesk_text::weekday_of(&w.to_lowercase()))
        .is_some_and(|weekday| mention.date.weekday() == weekday)
}

/// Whether the words around a relative date, or how far it lies from
/// the publication day, leave its resolution open: "the past year" is
/// the last twelve months, "two weeks ago" a rough count, "predicted for
/// Tuesday" a day ahead told in the past, "a final Sunday strip" no day
/// at all, "early Wednesday" the day after a Tuesday paper as likely as
/// six days before it, "in November" eleven months back as likely the
/// November before.
fn doubtful(
    sentence: &str,
    span: Span,
    kind: ExpressionKind,
    mention: &DateMention,
    exact: Option<NaiveDate>,
    day_stated: bool,
) -> bool {
    let Some(anchor) = exact else {
        return false;
    };
    let expression = sentence[span.range()].to_lowercase();
    let first = expression.split_whitespace().next().unwrap_or("");
    let head = sentence[..span.start].to_lowercase();
    let before = head
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let relative = matches!(first, "last" | "next" | "this");
    let days = (mention.date - anchor).num_days();
    match kind {
        ExpressionKind::Deictic => {
            // "yesterday", "today", "tonight": the day the text speaks
            // from, which only a dateline states.
            let named_day = [
                "yesterday",
                "today",
                "tonight",
                "tomorrow",
                "this morning",
                "this afternoon",
                "this evening",
            ]
            .iter()
            .any(|d| expression.contains(d));
            (named_day && !day_stated)
                || expression.contains("past")
                // "almost 30 years ago", "about a year ago": a rough count.
                || (expression.contains("ago")
                    && matches!(
                        before,
                        "almost" | "about" | "nearly" | "some" | "around" | "roughly" | "than"
                            | "over" | "approximately"
                    ))
                || (expression.contains("ago")
                    && (expression.contains("week") || expression.contains("month")))
                // On a Sunday "last week" may be the week ending that day.
                || (expression.contains("last week")
                    && anchor.weekday() == chrono::Weekday::Sun)
        }
        // "Tuesday, 24 November": the weekday pins the date whichever way
        // it was read.
        ExpressionKind::DayOfMonth if names_its_weekday(mention, &expression) => false,
        ExpressionKind::Weekday | ExpressionKind::DayOfMonth => {
            // A day ahead told in a past clause ("called a vote for
            // Tuesday", "not expected until Saturday").
            let ahead = !mention.future
                && ((!relative && matches!(before, "for" | "until" | "till" | "by"))
                    // "have agreed to meet on Thursday": the date is the
                    // infinitive's, still to come when they agreed.
                    || infinitive_before(&head));
            // "a final new Sunday strip": a kind of thing, not a day; "on a
            // rainy Saturday": some day, not a particular one.
            let attributive = kind == ExpressionKind::Weekday
                && !relative
                && (matches!(
                    before,
                    "a" | "an" | "the" | "new" | "final" | "every" | "each"
                ) || indefinite_before(&head));
            // "last Thursday" in a Friday paper is yesterday to some
            // readers and the Thursday of the week before to others;
            // "next Saturday" in a Friday paper, tomorrow or a week
            // later. Only a day in another week, whether weeks start on
            // Sunday or Monday, reads the same either way.
            let starts =
                [chrono::Weekday::Sun, chrono::Weekday::Mon].map(|w| week_start(anchor, w));
            let week_edge = kind == ExpressionKind::Weekday
                && match first {
                    "last" => starts.iter().any(|&start| mention.date >= start),
                    "next" => starts
                        .iter()
                        .any(|&start| mention.date <= start + chrono::Duration::days(6)),
                    _ => false,
                };
            let far = if kind == ExpressionKind::DayOfMonth {
                !(-62..=183).contains(&days)
                    // Read back into the year before: as likely ahead.
                    || (!mention.future && mention.date.year() != anchor.year())
            } else {
                // Six days back is the day after the publication day's
                // weekday: a wire date a day behind its text.
                !relative && days == -6
            };
            ahead || attributive || week_edge || far
        }
        ExpressionKind::Month => {
            let cued = relative
                || first.starts_with("mid-")
                || matches!(
                    before,
                    "in" | "since"
                        | "during"
                        | "from"
                        | "through"
                        | "until"
                        | "till"
                        | "by"
                        | "early"
                        | "late"
                        | "before"
                        | "after"
                        | "around"
                        | "of"
                        | "last"
                        | "next"
                        | "this"
                );
            !cued
                || (!relative
                    && (!(-184..=184).contains(&days)
                        // "the best chance of winning the White House in
                        // November", told in February: read back into the
                        // year before, it is as likely the coming one.
                        || (!mention.future && mention.date.year() != anchor.year())))
        }
        ExpressionKind::Explicit | ExpressionKind::FromPrevious => false,
    }
}

/// The first day of the week that holds `day`, weeks starting on `first`.
fn week_start(day: NaiveDate, first: chrono::Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - first.num_days_from_monday()) % 7;
    day - chrono::Duration::days(i64::from(back))
}

/// Whether one of the last words before a date opens an infinitive ("to
/// meet on Thursday"), not a phrase ("to the table on Monday").
fn infinitive_before(head: &str) -> bool {
    let words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let tail = &words[words.len().saturating_sub(5)..];
    tail.windows(2).any(|pair| {
        pair[0] == "to"
            && !DETERMINERS.contains(&pair[1])
            && !matches!(
                pair[1],
                "be" | "date" | "death" | "power" | "court" | "office"
            )
            && newsdesk_text::weekday_of(pair[1]).is_none()
            && !pair[1].starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The last day of the period that starts on `date`.
fn period_end(date: NaiveDate, precision: DatePrecision) -> NaiveDate {
    let months = match precision {
        DatePrecision::Day => return date,
        DatePrecision::Week => return date + chrono::Duration::days(6),
        DatePrecision::Month => 1,
        DatePrecision::Season => 3,
        DatePrecision::Year => 12,
    };
    date.checked_add_months(chrono::Months::new(months))
        .map_or(date, |d| d - chrono::Duration::days(1))
}

/// Whether the month at `at` is a generic one: "born in February", "in
/// February and March" of a study's subjects.
fn generic_month(sentence: &str, at: usize) -> bool {
    let head = sentence[..at].to_lowercase();
    let before: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    before.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic()),
            "born" | "every" | "each" | "usually" | "typically" | "annual" | "annually"
        )
    })
}

/// The days an article gives with their year ("April 19, 1993"), by month
/// and day; `None` for a day it gives in two different years.
fn days_given_with_a_year(
    text: &str,
    sentences: &[Span],
    published: Option<NaiveDate>,
) -> HashMap<(u32, u32), Option<i32>> {
    let context = DateContext {
        anchor: published,
        anchor_exact: published.is_some(),
        previous: None,
    };
    let mut years: HashMap<(u32, u32), Option<i32>> = HashMap::new();
    for sentence in sentences {
        let sentence_text = &text[sentence.range()];
        for mention in resolve_dates(sentence_text, &context) {
            if mention.precision != DatePrecision::Day
                || kind_of(&sentence_text[mention.span.range()]) != ExpressionKind::Explicit
            {
                continue;
            }
            let key = (mention.date.month(), mention.date.day());
            let year = mention.date.year();
            years
                .entry(key)
                .and_modify(|known| {
                    if *known != Some(year) {
                        *known = None;
                    }
                })
                .or_insert(Some(year));
        }
    }
    years
}
