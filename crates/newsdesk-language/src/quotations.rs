//! Quotations and attribution relations.
//!
//! Quotations are found per paragraph: straight marks are paired by what
//! sits on each side, curly ones by their shape, a quote inside a quote
//! stays inside, and a mark left open at the paragraph's end runs on into
//! the next paragraph (wire copy opens each paragraph of a long quote and
//! closes only the last). An attribution ties each quotation to its source
//! through a cue in its sentences: a speech verb with its subject after
//! the quote (", said X", ", X said") or before it ("X said:"), or
//! "according to X". A quotation with no cue that opens its sentence
//! continues the quotation before it. The source is a typed person or
//! organisation, a pronoun certainly linked to one, or a description of
//! a person ("a senior official"); anything else is kept with its doubt.

use crate::lexicon;
use crate::tokens::Token;
use crate::{
    Analysis, Attribution, Confidence, Cue, Doubt, NameKind, Quotation, QuoteKind, QuoteSource,
    Span,
};

pub fn find(text: &str, paragraphs: &[Span], sentences: &[Span]) -> Vec<Quotation> {
    let mut quotations = Vec::new();
    let mut runs_on = false;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let body = &text[paragraph.range()];
        let (spans, open_at_end) = quote_spans(body);
        for (k, (marked, inner)) in spans.iter().enumerate() {
            let marked = marked.shift(paragraph.start);
            let inner = inner.shift(paragraph.start);
            let opens_paragraph = body[..marked.start - paragraph.start].trim().is_empty();
            let kind = if (runs_on && k == 0 && opens_paragraph)
                || (open_at_end && k + 1 == spans.len() && marked.end == paragraph.end)
            {
                QuoteKind::Spanning
            } else if text[inner.range()].starts_with(char::is_lowercase) {
                QuoteKind::Partial
            } else {
                QuoteKind::Full
            };
            let first = sentences
                .iter()
                .position(|s| s.end > marked.start)
                .unwrap_or(0);
            let last = sentences
                .iter()
                .rposition(|s| s.start < marked.end)
                .unwrap_or(first)
                .max(first);
            quotations.push(Quotation {
                marked,
                inner,
                kind,
                sentences: Span::new(
                    sentences[first].start.min(marked.start),
                    sentences[last].end.max(marked.end),
                ),
                paragraph: index,
            });
        }
        runs_on = open_at_end;
    }
    quotations
}

/// The quotations of a paragraph, as the span with its marks and the span
/// of the words inside them, and whether a quotation is left open at the
/// end (it is then the last span, running to the end).
pub fn quote_spans(text: &str) -> (Vec<(Span, Span)>, bool) {
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
                let after_space =
                    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
                // Scraped text drops the space before a quotation that
                // follows a sentence ("said Tim Kaine.\"So that is…").
                let glued_after_a_sentence = open.is_empty()
                    && prev.is_some_and(|p| matches!(p, '.' | '!' | '?'))
                    && next.is_some_and(char::is_uppercase);
                (after_space && next.is_some_and(|n| !n.is_whitespace())) || glued_after_a_sentence
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
    // A quotation still open at the paragraph's end runs on.
    let open_at_end = match open.first() {
        Some(&(start, mark)) if text[start + mark.len_utf8()..].trim().len() > 1 => {
            let end = text.trim_end().len();
            spans.push((
                Span::new(start, end),
                Span::new(start + mark.len_utf8(), end),
            ));
            true
        }
        _ => false,
    };
    (spans, open_at_end)
}

/// The source each quotation's cue gives it.
pub fn attribute(text: &str, tokens: &[Token], analysis: &Analysis) -> Vec<Attribution> {
    let mut attributions: Vec<Attribution> = Vec::new();
    for (index, quotation) in analysis.quotations.iter().enumerate() {
        // Both sides may hold a speech verb ("X said that it was “forced to
        // pull out” … when officials told …"): a certain source wins, the
        // side after the quote first; then the sentence's own closing
        // attribution (“…” once a second, said researcher Ralph Hoffman).
        let after = cue_after(text, tokens, analysis, quotation);
        let before = cue_before(text, tokens, analysis, quotation);
        let certain = |a: &Option<Attribution>| {
            a.as_ref()
                .is_some_and(|a| a.confidence == Confidence::Certain)
        };
        let found = if certain(&after) {
            after
        } else if certain(&before) {
            before
        } else {
            let closing = closing_attribution(text, tokens, analysis, quotation);
            if certain(&closing) {
                closing
            } else {
                after.or(before)
            }
        };
        let attribution = match found {
            Some(attribution) if attribution.doubt == Some(Doubt::AmbiguousPronoun) => {
                last_speaker(analysis, index, &attributions, attribution)
            }
            Some(attribution) => attribution,
            None => continuation(tokens, analysis, index, &attributions),
        };
        attributions.push(Attribution {
            quotation: index,
            ..attribution
        });
    }
    // A quotation that runs over paragraphs is attributed in its last one:
    // its earlier paragraphs take that source.
    for index in (0..attributions.len().saturating_sub(1)).rev() {
        let (this, next) = (&analysis.quotations[index], &analysis.quotations[index + 1]);
        let runs_into_next = this.kind == QuoteKind::Spanning
            && next.kind == QuoteKind::Spanning
            && next.paragraph == this.paragraph + 1
            && this.marked.end >= analysis.paragraphs[this.paragraph].end;
        if runs_into_next
            && attributions[index].source.is_none()
            && attributions[index + 1].confidence == Confidence::Certain
        {
            let later = attributions[index + 1].clone();
            attributions[index] = Attribution {
                quotation: index,
                cue: Cue::Continuation,
                ..later
            };
        }
    }
    attributions
}

fn unattributed(quotation: usize, doubt: Doubt) -> Attribution {
    Attribution {
        quotation,
        cue: Cue::Continuation,
        source: None,
        role: None,
        confidence: Confidence::Uncertain,
        doubt: Some(doubt),
    }
}

/// Index of the first token at or after `at`, and of the last before.
fn token_at(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.span.start < at)
}

/// ", said X", ", X said", ", according to X" after the closing mark, in
/// the sentence the mark closes.
fn cue_after(
    text: &str,
    tokens: &[Token],
    analysis: &Analysis,
    quotation: &Quotation,
) -> Option<Attribution> {
    if quotation.kind == QuoteKind::Spanning
        && quotation.marked.end >= analysis.paragraphs[quotation.paragraph].end
    {
        return None;
    }
    let start = token_at(tokens, quotation.marked.end);
    // The sentence the closing mark ends in; a quote that ends its
    // sentence has no cue after it.
    // The cue may sit in what the splitter took for the next sentence
    // ("… the CFPB has …” Alito asked"), never in the next paragraph.
    let paragraph = analysis.paragraphs[quotation.paragraph];
    if tokens.get(start)?.span.start >= paragraph.end {
        return None;
    }
    let sentence = tokens.get(start)?.sentence;
    // A quotation that ends with a full stop ends its sentence: "“… was
    // collected.” Not satisfied, Alito continued" names the next speaker.
    if text[quotation.inner.range()].trim_end().ends_with('.') {
        return None;
    }
    let mut i = start;
    // The quote's own closing marks are the first tokens only when the
    // quote ended its sentence; then nothing after it is its cue.
    while i < tokens.len() && tokens[i].sentence == sentence && !tokens[i].is_word() {
        if matches!(tokens[i].lower.as_str(), "." | "!" | "?") && i > start {
            return None;
        }
        i += 1;
    }
    let end = tokens[i..]
        .iter()
        .position(|t| t.sentence != sentence)
        .map_or(tokens.len(), |p| i + p);
    let words = &tokens[i..end];
    let first = words.first()?;
    if lexicon::is_speech_verb(&first.lower) {
        // ", said Dario Kestel, general secretary of the union."
        let phrase = phrase_after(words, 1);
        return Some(source_of(
            text,
            analysis,
            phrase,
            Cue::Verb(first.span),
            true,
        ));
    }
    if first.lower == "according" && words.get(1).is_some_and(|t| t.lower == "to") {
        let phrase = phrase_after(words, 2);
        return Some(source_of(
            text,
            analysis,
            phrase,
            Cue::AccordingTo(first.span),
            true,
        ));
    }
    // ", the minister said", ", Kestel told reporters": a subject of up to
    // eight tokens, then the verb.
    let verb = (0..words.len().min(16)).find(|&k| is_main_speech_verb(words, k))?;
    // A quoted title may sit in the apposition (", creator of “Beetle
    // Bailey,” said"), not before the name.
    let head_end = words[..verb].iter().position(|t| t.is(",")).unwrap_or(verb);
    if words[..verb].iter().any(|t| t.is(".") || t.is(";"))
        || words[..head_end].iter().any(|t| t.is("\"") || t.is("“"))
    {
        return None;
    }
    let subject = without_adverbs(&words[..verb]);
    Some(source_of(
        text,
        analysis,
        subject,
        Cue::Verb(words[verb].span),
        false,
    ))
}

/// The attribution that closes the quotation's sentence (", said X." or
/// ", X said."), for a phrase quoted inside it.
fn closing_attribution(
    text: &str,
    tokens: &[Token],
    analysis: &Analysis,
    quotation: &Quotation,
) -> Option<Attribution> {
    // The words after the closing mark, to the end of its sentence.
    let at = token_at(tokens, quotation.marked.end);
    let sentence = tokens.get(at.checked_sub(1)?)?.sentence;
    let end = tokens[at..]
        .iter()
        .position(|t| t.sentence != sentence)
        .map_or(tokens.len(), |p| at + p);
    let rest = &tokens[at..end];
    let full = quotation.kind != QuoteKind::Partial;
    if full {
        let named = named_segment_before_verb(text, analysis, rest);
        if named
            .as_ref()
            .is_some_and(|a| a.confidence == Confidence::Certain)
        {
            return named;
        }
    }
    // ", says Lena Varga, an astronomer at the institute in Graz,
    // Austria.": a comma and a speech verb, then only the name and its
    // apposition to the sentence's end.
    let plain = |t: &Token| t.is_word() || t.is(",") || t.is(".");
    if let Some(comma) = rest
        .windows(2)
        .position(|w| w[0].is(",") && w[1].is_word() && lexicon::is_speech_verb(&w[1].lower))
    {
        if rest[comma + 2..].iter().all(plain) && rest.len() > comma + 2 {
            let phrase: Vec<Token> = rest[comma + 2..]
                .iter()
                .filter(|t| !t.is("."))
                .cloned()
                .collect();
            return Some(source_of(
                text,
                analysis,
                &phrase,
                Cue::Verb(rest[comma + 1].span),
                true,
            ));
        }
    }
    if full {
        return None;
    }
    // The last comma of the sentence opens its closing attribution.
    let comma = rest.iter().rposition(|t| t.is(","))?;
    let tail: Vec<Token> = rest[comma + 1..]
        .iter()
        .filter(|t| !t.is("."))
        .cloned()
        .collect();
    if tail.iter().any(|t| !t.is_word()) {
        return None;
    }
    let first = tail.first()?;
    if lexicon::is_speech_verb(&first.lower) {
        return Some(source_of(
            text,
            analysis,
            &tail[1..],
            Cue::Verb(first.span),
            true,
        ));
    }
    let last = tail.last()?;
    if lexicon::is_speech_verb(&last.lower) && tail.len() <= 9 {
        let subject = without_adverbs(&tail[..tail.len() - 1]);
        return Some(source_of(
            text,
            analysis,
            subject,
            Cue::Verb(last.span),
            false,
        ));
    }
    None
}

/// "“…” when he returns, Binyah Kesselly, chairman of the board, told
/// reporters.": the sentence's speech verb after the quotation, and the
/// last stretch between commas before it that is nothing but a name.
/// `rest`: the words after the closing mark, to the end of its sentence.
fn named_segment_before_verb(
    text: &str,
    analysis: &Analysis,
    rest: &[Token],
) -> Option<Attribution> {
    if rest.iter().any(|t| t.is("\"") || t.is("“")) {
        return None;
    }
    let verb = (0..rest.len()).find(|&k| is_main_speech_verb(rest, k))?;
    let segments: Vec<&[Token]> = rest[..verb].split(|t| t.is(",")).collect();
    let named = |segment: &&[Token]| {
        let words: Vec<&Token> = segment.iter().filter(|t| t.is_word()).collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        analysis.mentions.iter().any(|m| {
            m.span.end == last.span.end
                && m.title.unwrap_or(m.span).start == first.span.start
                && matches!(
                    analysis.entities[m.entity].kind,
                    NameKind::Person | NameKind::Organisation
                )
        })
    };
    let k = segments.iter().rposition(named)?;
    // After the name only its apposition, then the verb: ", chairman of
    // the board, told".
    if segments.len() - k > 3 {
        return None;
    }
    let from = segments[k].first()?.span.start;
    let to = rest[verb].span.start;
    let phrase: Vec<Token> = rest[..verb]
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= to)
        .cloned()
        .collect();
    Some(source_of(
        text,
        analysis,
        &phrase,
        Cue::Verb(rest[verb].span),
        false,
    ))
}

/// "X said:", "X told reporters that", "According to X," before the
/// opening mark, in the sentence it opens in.
fn cue_before(
    text: &str,
    tokens: &[Token],
    analysis: &Analysis,
    quotation: &Quotation,
) -> Option<Attribution> {
    let end = token_at(tokens, quotation.marked.start);
    let sentence = tokens.get(end).map(|t| t.sentence)?;
    let start = tokens[..end]
        .iter()
        .rposition(|t| t.sentence != sentence)
        .map_or(0, |p| p + 1);
    let before = &tokens[start..end];
    if before.is_empty() {
        return None;
    }
    if let Some(at) = before
        .windows(2)
        .position(|w| w[0].lower == "according" && w[1].lower == "to")
    {
        let phrase = phrase_after(&before[at..], 2);
        return Some(source_of(
            text,
            analysis,
            phrase,
            Cue::AccordingTo(before[at].span),
            true,
        ));
    }
    let verb = before
        .iter()
        .rposition(|t| t.is_word() && lexicon::is_speech_verb(&t.lower))?;
    // Between the verb and the quote: a few words ("told reporters that",
    // "said on Tuesday"), no other clause.
    let between = &before[verb + 1..];
    // Speech is introduced by the verb itself, a colon, a comma or "that"
    // ("said recently about the experience on NPR’s “Wait, Wait …”" quotes
    // a title, not speech).
    let introduced = quotation.kind == QuoteKind::Partial
        || before.last().is_some_and(|t| {
            t.is(":") || t.is(",") || t.lower == "that" || t.span == before[verb].span
        });
    if !introduced {
        return None;
    }
    // "Says Florida State end Tony Bryant: “…”": the verb opens the
    // sentence and the speaker follows it.
    if verb == 0 && before[0].opens_sentence && before.last().is_some_and(|t| t.is(":")) {
        let phrase = &before[1..before.len() - 1];
        return Some(source_of(
            text,
            analysis,
            phrase,
            Cue::Verb(before[0].span),
            true,
        ));
    }
    // "X said that …" or "X said Stepinac “…”" (the name the subject of the
    // reported clause, not "says Orla Brandt, “…”", the speaker's own): the
    // whole complement is X's reported speech, and a phrase quoted in it is
    // X's words even past another person named in it ("said that Cook has
    // Jobs' “complete confidence”"), unless that person is said to think or
    // want something ("Pike believes the plan is “doomed”" may quote Pike).
    let complement_opens = between.first().is_some_and(|t| {
        t.lower == "that"
            || analysis.mentions.iter().any(|m| {
                m.span.start == t.span.start
                    && matches!(
                        analysis.entities[m.entity].kind,
                        NameKind::Person | NameKind::Organisation
                    )
                    && !between
                        .iter()
                        .find(|n| n.span.start >= m.span.end)
                        .is_some_and(|n| n.is(",") || n.is(":"))
            })
    });
    let reported = quotation.kind == QuoteKind::Partial
        && complement_opens
        && !between
            .iter()
            .any(|t| t.is_word() && lexicon::is_cognition_verb(&t.lower));
    // A phrase woven into reported speech may sit further from its verb
    // ("said the crews would stay out until the rosters were “fixed for
    // good”"), as long as no one else is named on the way.
    let reach = match quotation.kind {
        QuoteKind::Partial if reported => 36,
        QuoteKind::Partial => 24,
        _ => 6,
    };
    let someone_between = !reported
        && between.iter().any(|t| {
            analysis.mentions.iter().any(|m| {
                m.span.start == t.span.start && analysis.entities[m.entity].kind == NameKind::Person
            })
        });
    if between.iter().filter(|t| t.is_word()).count() > reach
        || someone_between
        || between.iter().any(|t| t.is(";") || t.is("."))
    {
        return None;
    }
    // The subject: from the clause's start to the verb.
    let clause_start = before[..verb]
        .iter()
        .rposition(|t| {
            t.is(";") || t.is(":") || t.is("\"") || t.is("“") || t.is("”") || t.is("—") || t.is("–")
        })
        .map_or(0, |p| p + 1);
    // "X called it a “disgrace” and said:", "X wrote to the court, saying":
    // a second verb of the sentence's subject.
    let coordinated = verb > 0
        && (before[verb - 1].lower == "and"
            || before[verb].lower.ends_with("ing") && before[verb - 1].is(","));
    if coordinated {
        if let Some(subject) = opening_subject(analysis, &before[..verb]) {
            return Some(source_of(
                text,
                analysis,
                subject,
                Cue::Verb(before[verb].span),
                false,
            ));
        }
    }
    let subject = without_adverbs(&before[clause_start..verb]);
    Some(source_of(
        text,
        analysis,
        subject,
        Cue::Verb(before[verb].span),
        false,
    ))
}

/// The subject that opens the sentence, when it is a name (with titles
/// and roles before it and perhaps an apposition between commas after it)
/// followed by its verb, and the clause runs on to `words`' end with no
/// other clause or speaker on the way: "Harbour councillor Piet Maas
/// called the closure a “disgrace” and". The tokens up to the name's end.
fn opening_subject<'t>(analysis: &Analysis, words: &'t [Token]) -> Option<&'t [Token]> {
    let first = words.first()?;
    if !(first.is_word() && first.opens_sentence) {
        return None;
    }
    let mention = analysis.mentions.iter().find(|m| {
        m.span.start >= first.span.start
            && matches!(
                analysis.entities[m.entity].kind,
                NameKind::Person | NameKind::Organisation
            )
    })?;
    let name_end = words
        .iter()
        .position(|t| t.span.start >= mention.span.end)?;
    let name_start = words
        .iter()
        .position(|t| t.span.start >= mention.span.start)?;
    // Before the name a few modifiers ("Local councillor", "Attorney
    // General"), no clause: no function word, no verb of speech.
    let lead_ok = name_start <= 5
        && words[..name_start].iter().all(|t| {
            t.is_word()
                && !lexicon::is_speech_verb(&t.lower)
                && (t.span.start == first.span.start || !lexicon::is_function_word(&t.lower))
        });
    if !lead_ok {
        return None;
    }
    // An apposition between commas, then the verb in lower case.
    let mut predicate = name_end;
    if words.get(predicate).is_some_and(|t| t.is(",")) {
        let close = words[predicate + 1..].iter().position(|t| t.is(","))? + predicate + 1;
        let apposition = &words[predicate + 1..close];
        if apposition.is_empty()
            || apposition
                .iter()
                .any(|t| !t.is_word() || lexicon::is_speech_verb(&t.lower))
        {
            return None;
        }
        predicate = close + 1;
    }
    let verb = words.get(predicate)?;
    if !(verb.is_word() && verb.lower.starts_with(char::is_lowercase)) {
        return None;
    }
    // The predicate runs to the cue with no clause or speaker of its own.
    let clean = words[predicate + 1..].iter().all(|t| {
        !(t.is(";")
            || t.is(".")
            || t.is_word()
                && (lexicon::is_speech_verb(&t.lower)
                    || matches!(
                        t.lower.as_str(),
                        "that"
                            | "who"
                            | "which"
                            | "when"
                            | "while"
                            | "because"
                            | "after"
                            | "before"
                            | "if"
                            | "whom"
                            | "whose"
                    )))
    }) && !another_person_named(
        analysis,
        words[predicate].span.start,
        words[words.len() - 1].span.end,
        Some(mention.entity),
    );
    clean.then_some(&words[..name_end])
}

/// Whether `words[k]` is a speech verb of the sentence, not of a relative
/// clause inside an apposition ("Ana Ruiz, a resident who tweeted about
/// the smoke, said": "tweeted" is no cue).
fn is_main_speech_verb(words: &[Token], k: usize) -> bool {
    let word = &words[k];
    if !(word.is_word() && lexicon::is_speech_verb(&word.lower)) {
        return false;
    }
    let clause_start = words[..k]
        .iter()
        .rposition(|t| t.is(","))
        .map_or(0, |p| p + 1);
    let in_relative_clause = words[clause_start..k]
        .iter()
        .any(|t| matches!(t.lower.as_str(), "who" | "which" | "whom" | "whose"));
    // The clause is an aside only when a comma closes it and the sentence's
    // own verb follows ("a senior official who met them told reporters"
    // has no other).
    let verb_after_aside = words[k + 1..]
        .iter()
        .position(|t| t.is(","))
        .is_some_and(|comma| {
            words[k + 1 + comma..]
                .iter()
                .any(|t| t.is_word() && lexicon::is_speech_verb(&t.lower))
        });
    !(in_relative_clause && verb_after_aside)
}

/// The phrase after a cue word, up to the end of the clause: "Dario
/// Kestel, general secretary of the union".
fn phrase_after(words: &[Token], from: usize) -> &[Token] {
    let rest = &words[from.min(words.len())..];
    let end = rest
        .iter()
        .position(|t| {
            t.is(".") || t.is(";") || t.is("\"") || t.is("“") || t.is("”") || t.is("!") || t.is("?")
        })
        .unwrap_or(rest.len());
    &rest[..end]
}

/// A subject without the adverbs and auxiliaries before its verb ("Reno
/// also", "The mayor has repeatedly") and the conjunction or connective
/// before it ("and", "Meanwhile,").
fn without_adverbs(subject: &[Token]) -> &[Token] {
    let mut end = subject.len();
    while end > 0 {
        let t = &subject[end - 1];
        let adverb = t.is_word()
            && !t.lower.is_empty()
            && t.lower.chars().next().is_some_and(char::is_lowercase)
            && ((t.lower.ends_with("ly") && t.lower.len() > 4)
                || matches!(
                    t.lower.as_str(),
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
                        | "last"
                        | "yesterday"
                        | "today"
                        | "quoted"
                        | "as"
                        | "be"
                        | "been"
                ));
        if !adverb {
            break;
        }
        end -= 1;
    }
    let mut start = 0;
    while start < end {
        let t = &subject[start];
        let lead = !t.is_word()
            || matches!(
                t.lower.as_str(),
                "and"
                    | "but"
                    | "while"
                    | "whereas"
                    | "so"
                    | "yet"
                    | "meanwhile"
                    | "however"
                    | "then"
                    | "later"
                    | "earlier"
                    | "also"
            );
        if !lead {
            break;
        }
        start += 1;
    }
    &subject[start..end]
}

/// The source a cue's phrase names. The phrase is cut at its commas: a
/// name and an apposition ("Marc Hodler, a Swiss lawyer", after the verb,
/// or "Helena Voss, a spokeswoman, said" before it), or, before the verb,
/// the clause just before it ("Pressed on the issue, he said").
fn source_of(
    text: &str,
    analysis: &Analysis,
    phrase: &[Token],
    cue: Cue,
    name_first: bool,
) -> Attribution {
    let mut attribution = Attribution {
        quotation: 0,
        cue,
        source: None,
        role: None,
        confidence: Confidence::Uncertain,
        doubt: Some(Doubt::NotASpeaker),
    };
    // A stretch between commas with no word in it (the closing mark of a
    // quoted title: ", creator of “Beetle Bailey,” said") is empty.
    let segments: Vec<&[Token]> = phrase
        .split(|t| t.is(","))
        .map(|segment| {
            if segment.iter().any(Token::is_word) {
                segment
            } else {
                &segment[..0]
            }
        })
        .collect();
    let (head, apposition): (&[Token], Option<&[Token]>) = if name_first {
        // "the island's Housing Secretary, Ana Carmen Alemany": an office,
        // then the name.
        let office_then_name = segments.len() >= 2
            && segments[0].iter().any(|t| lexicon::is_title_head(&t.lower))
            && !analysis.mentions.iter().any(|m| {
                segments[0].iter().any(|t| {
                    t.span.start == m.span.start
                        && matches!(m.kind, NameKind::Person | NameKind::Organisation)
                })
            })
            && {
                let words: Vec<&Token> = segments[1].iter().filter(|t| t.is_word()).collect();
                analysis.mentions.iter().any(|m| {
                    words.first().is_some_and(|w| w.span.start == m.span.start)
                        && words.last().is_some_and(|w| w.span.end == m.span.end)
                        && m.kind == NameKind::Person
                })
            };
        if office_then_name {
            (segments[1], None)
        } else {
            (segments[0], segments.get(1).copied())
        }
    } else {
        match segments.as_slice() {
            [.., last] if !last.is_empty() => (last, None),
            [first, middle @ .., _] if !middle.is_empty() => (first, middle.first().copied()),
            _ => (&[][..], None),
        }
    };
    let words: Vec<&Token> = head.iter().filter(|t| t.is_word()).collect();
    let (Some(first), Some(last)) = (head.first(), head.last()) else {
        attribution.doubt = Some(Doubt::NoCue);
        return attribution;
    };
    // After the verb the name comes first and a phrase may follow it ("said
    // Tom Bonier of the National Committee for an Effective Congress"):
    // only the words up to the first name count.
    let counted = if name_first {
        let first_name_end = analysis
            .mentions
            .iter()
            .filter(|m| m.span.start >= first.span.start && m.span.end <= last.span.end)
            .map(|m| m.span.end)
            .min();
        first_name_end.map_or(words.len(), |end| {
            words.iter().filter(|t| t.span.end <= end).count()
        })
    } else {
        words.len()
    };
    if counted > 10 {
        return attribution;
    }
    // A pronoun alone.
    if words.len() == 1 && head.len() == 1 {
        match first.lower.as_str() {
            "he" | "she" => {
                let link = analysis.pronouns.iter().find(|p| p.span == first.span);
                match link {
                    Some(link) if link.confidence == Confidence::Certain => {
                        attribution.source = Some(QuoteSource::Entity {
                            entity: link.entity.unwrap_or(0),
                            mention: first.span,
                        });
                        attribution.confidence = Confidence::Certain;
                        attribution.doubt = None;
                    }
                    _ => attribution.doubt = Some(Doubt::AmbiguousPronoun),
                }
                return attribution;
            }
            "they" | "we" => {
                attribution.source = Some(QuoteSource::Unresolved(first.span));
                attribution.doubt = Some(Doubt::GroupPronoun);
                return attribution;
            }
            _ => {}
        }
    }
    // A relative clause is no part of a name ("a senior official who met
    // with Moscow this fall" names no Moscow), though it stays part of a
    // description.
    let description = head;
    let head = match head.iter().position(|t| {
        matches!(
            t.lower.as_str(),
            "who" | "which" | "that" | "whose" | "whom"
        )
    }) {
        // "…was Bishop Tomas Veyra, who called it a duty and warned that":
        // "who" is the name before its comma.
        Some(0) if !name_first && head[0].lower == "who" => {
            let before_who = segments.len().checked_sub(2).map(|k| segments[k]);
            let named = before_who.and_then(|segment| {
                let last_word = segment.last()?;
                analysis.mentions.iter().find(|m| {
                    m.span.end == last_word.span.end
                        && analysis.entities[m.entity].kind == NameKind::Person
                })
            });
            if let Some(m) = named {
                attribution.source = Some(QuoteSource::Entity {
                    entity: m.entity,
                    mention: m.span,
                });
                attribution.confidence = Confidence::Certain;
                attribution.doubt = None;
            }
            return attribution;
        }
        Some(0) => return attribution,
        Some(cut) => &head[..cut],
        None => head,
    };
    let last = head.last().unwrap_or(last);
    let span = Span::new(first.span.start, last.span.end);
    // A name: the last name of the head ("IOC director general Francois
    // Carrard"), with only titles, roles, other names and determiners
    // before it, and nothing after it but a possessive-free end.
    let inside: Vec<&crate::Mention> = analysis
        .mentions
        .iter()
        .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
        .collect();
    let possessive_after = |m: &crate::Mention| {
        head.iter()
            .any(|t| t.span.start == m.span.end && (t.lower == "'s" || t.lower == "’s"))
    };
    // After the verb the name comes first ("said Dr. Dominique Lafontaine
    // of Doctors Without Borders"); before it, last ("IOC director general
    // Francois Carrard said"), unless "of" ties a body or a place to it
    // ("Mark R. Mills of Las Vegas responds").
    let chosen = if name_first {
        let first_named = inside.iter().find(|m| !possessive_after(m)).copied();
        // "said NOAA head Jane Lubchenco": a body and a role before the
        // person are the person's description.
        let person_after_office = first_named.and_then(|body| {
            if analysis.entities[body.entity].kind == NameKind::Person {
                return None;
            }
            let person = inside.iter().find(|m| {
                m.span.start > body.span.end && analysis.entities[m.entity].kind == NameKind::Person
            })?;
            let between: Vec<&Token> = head
                .iter()
                .filter(|t| {
                    t.span.start >= body.span.end
                        && t.span.end <= person.title.unwrap_or(person.span).start
                })
                .collect();
            // "IOC executive board member Marc Hodler", "Fleet customer
            // Mirna Nevas": plain words of description, at most four.
            let office = (!between.is_empty() || person.title.is_some())
                && between.len() <= 4
                && between.iter().all(|t| {
                    t.is_word()
                        && (lexicon::is_role_noun(&t.lower)
                            || lexicon::is_title_word(&t.lower)
                            || describes_the_name(text, t))
                });
            office.then_some(*person)
        });
        person_after_office.or(first_named)
    } else {
        let mut k = inside.len();
        while k > 1 && {
            let m = inside[k - 1];
            head.iter()
                .rposition(|t| t.span.end <= m.span.start)
                .is_some_and(|p| head[p].lower == "of")
        } {
            k -= 1;
        }
        k.checked_sub(1).map(|k| inside[k])
    };
    if let Some(mention) = chosen {
        let lead: Vec<&Token> = head
            .iter()
            .filter(|t| t.span.end <= mention.title.unwrap_or(mention.span).start)
            .collect();
        let has_role = mention.title.is_some()
            || lead
                .iter()
                .any(|t| lexicon::is_role_noun(&t.lower) || lexicon::is_title_word(&t.lower));
        let lead_is_role = lead.iter().all(|t| {
            let in_name = inside
                .iter()
                .any(|m| m.span.start <= t.span.start && t.span.end <= m.span.end);
            let possessive = t.lower == "'s" || t.lower == "’s";
            (t.is_word() || possessive)
                && (in_name
                    || possessive
                    || lexicon::is_role_noun(&t.lower)
                    || lexicon::is_title_word(&t.lower)
                    || lexicon::is_nationality(&t.lower)
                    || lexicon::is_organisation_word(&t.lower)
                    || matches!(t.lower.as_str(), "the" | "a" | "an" | "member" | "members")
                    || has_role
                    || is_age(&t.lower)
                    || describes_the_name(text, t))
        }) && (name_first || lead.len() <= 5)
            // "the lawyer representing Ana Ruiz": the name is the object of
            // a participle, not the speaker.
            && !lead.iter().any(|t| {
                t.lower.len() > 5
                    && t.lower.ends_with("ing")
                    && text[t.span.range()].starts_with(char::is_lowercase)
            });
        // What follows the name: nothing, or (after the verb) a phrase that
        // says where or when ("after the board's vote", "of Doctors Without
        // Borders", "referring to ...").
        let rest: Vec<&Token> = head
            .iter()
            .filter(|t| t.span.start >= mention.span.end)
            .collect();
        let after_clean = match rest.iter().find(|t| t.is_word()) {
            None => true,
            Some(next) if next.lower == "of" => true,
            Some(next) => {
                name_first
                    && text[next.span.range()].starts_with(char::is_lowercase)
                    && (matches!(
                        next.lower.as_str(),
                        "after"
                            | "at"
                            | "in"
                            | "on"
                            | "during"
                            | "before"
                            | "from"
                            | "of"
                            | "to"
                            | "outside"
                            | "inside"
                            | "with"
                            | "while"
                            | "when"
                            | "as"
                            | "for"
                            | "by"
                            | "near"
                            | "last"
                            | "this"
                            | "yesterday"
                            | "today"
                    ) || (next.lower.ends_with("ing") && next.lower.len() > 5)
                        || (next.lower.ends_with("ly") && next.lower.len() > 4))
            }
        };
        // "a spokesman for the Harbour Workers Union": a person speaking
        // for a body, whom the description names best.
        let speaks_for = lead.iter().any(|t| t.lower == "for" || t.lower == "of")
            && lead.iter().any(|t| {
                lexicon::is_role_noun(&t.lower)
                    && text[t.span.range()].starts_with(char::is_lowercase)
            })
            && lead.first().is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "a" | "an" | "one" | "two" | "three" | "several"
                )
            });
        if speaks_for {
            return describe(text, description, analysis, attribution);
        }
        if lead_is_role && after_clean {
            let entity = &analysis.entities[mention.entity];
            match entity.kind {
                NameKind::Person | NameKind::Organisation if !lexicon::is_outlet(&entity.name) => {
                    attribution.source = Some(QuoteSource::Entity {
                        entity: mention.entity,
                        mention: mention.span,
                    });
                    attribution.confidence = Confidence::Certain;
                    attribution.doubt = None;
                    if let Some(apposition) = apposition {
                        let kept: Vec<&Token> = apposition.iter().collect();
                        attribution.role = role_of(text, &kept);
                    }
                }
                _ => {
                    attribution.source = Some(QuoteSource::Unresolved(mention.span));
                }
            }
            return attribution;
        }
        return attribution;
    }
    describe(text, description, analysis, attribution)
}

/// "46-year-old": an age before a name ("the 46-year-old Chmiel").
fn is_age(lower: &str) -> bool {
    lower
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// A plain word of description before a name that ends the subject ("CNN
/// meteorologist Chad Myers said"): lower case, no function word, no verb
/// form ("the lawyer representing Ana Ruiz said" is the lawyer).
fn describes_the_name(text: &str, token: &Token) -> bool {
    let lower = token.lower.as_str();
    token.is_word()
        && text[token.span.range()].starts_with(char::is_lowercase)
        && !lexicon::is_function_word(lower)
        && !lexicon::is_speech_verb(lower)
        && !lower.ends_with("ing")
        && !lower.ends_with("ed")
        && lower.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// A source that names no one: an indefinite description with a role
/// noun ("a senior official who met with Moscow this fall"). A definite
/// one ("the president", "The pope") points back at someone: it is the
/// one person the article gives that title, or it is left out.
fn describe(
    text: &str,
    phrase: &[Token],
    analysis: &Analysis,
    mut attribution: Attribution,
) -> Attribution {
    let words: Vec<&Token> = phrase.iter().filter(|t| t.is_word()).collect();
    let Some(first) = words.first() else {
        return attribution;
    };
    let head = words.iter().take(6).position(|t| {
        lexicon::is_role_noun(&t.lower) && text[t.span.range()].starts_with(char::is_lowercase)
            || lexicon::is_title_head(&t.lower)
    });
    let Some(head) = head else {
        return attribution;
    };
    if first.lower == "the" {
        let role = &words[head].lower;
        let titled: Vec<usize> = (0..analysis.entities.len())
            .filter(|&e| {
                let entity = &analysis.entities[e];
                entity.kind == NameKind::Person
                    && entity.mentions.iter().any(|&m| {
                        analysis.mentions[m].title.is_some_and(|t| {
                            text[t.range()]
                                .split_whitespace()
                                .any(|w| w.to_lowercase() == *role)
                        })
                    })
            })
            .collect();
        if let [entity] = titled.as_slice() {
            let mention = analysis.mentions[analysis.entities[*entity].mentions[0]].span;
            attribution.source = Some(QuoteSource::Entity {
                entity: *entity,
                mention,
            });
            attribution.confidence = Confidence::Certain;
            attribution.doubt = None;
        }
        return attribution;
    }
    let indefinite = matches!(
        first.lower.as_str(),
        "a" | "an" | "one" | "another" | "two" | "three" | "several" | "some" | "many"
    );
    if indefinite {
        if let (Some(a), Some(b)) = (phrase.first(), phrase.last()) {
            attribution.source = Some(QuoteSource::Description(Span::new(
                a.span.start,
                b.span.end,
            )));
            attribution.confidence = Confidence::Certain;
            attribution.doubt = None;
        }
    }
    attribution
}

/// The role an apposition gives, cut before a relative clause: ", general
/// secretary of the union" -> "general secretary of the union".
fn role_of(text: &str, after: &[&Token]) -> Option<Span> {
    let mut kept: Vec<&Token> = Vec::new();
    for t in after {
        if t.is(",") || t.is(".") || t.is(";") {
            break;
        }
        if matches!(
            t.lower.as_str(),
            "who"
                | "which"
                | "that"
                | "whose"
                | "whom"
                | "when"
                | "while"
                | "on"
                | "in"
                | "at"
                | "after"
                | "before"
                | "during"
                | "as"
                | "to"
                | "about"
                | "since"
        ) {
            break;
        }
        // "an independent trucker waiting outside the gate": a participle
        // starts what they were doing, not who they are.
        if !kept.is_empty()
            && t.lower.len() > 5
            && t.lower.ends_with("ing")
            && text[t.span.range()].starts_with(char::is_lowercase)
        {
            break;
        }
        kept.push(t);
    }
    // A role names an office or a job ("general secretary of the union",
    // "an independent trucker"); "however", "the offer was" do not.
    if !kept.iter().any(|t| {
        lexicon::is_role_noun(&t.lower)
            || lexicon::is_title_word(&t.lower)
            || lexicon::is_organisation_word(&t.lower)
    }) {
        return None;
    }
    let words = kept.iter().filter(|t| t.is_word()).count();
    let starts_low = kept
        .first()
        .is_some_and(|t| text[t.span.range()].starts_with(char::is_lowercase));
    if words == 0 || words > 10 || !starts_low {
        return None;
    }
    Some(Span::new(kept[0].span.start, kept[kept.len() - 1].span.end))
}

/// A quotation with no cue of its own: the one before it continues, when
/// it opens its sentence (or runs on from the paragraph before) and no
/// other person is named between them.
fn continuation(
    tokens: &[Token],
    analysis: &Analysis,
    index: usize,
    attributions: &[Attribution],
) -> Attribution {
    let quotation = &analysis.quotations[index];
    let Some(previous) = index.checked_sub(1) else {
        return unattributed(index, Doubt::NoCue);
    };
    let before = &analysis.quotations[previous];
    let runs_on = quotation.kind == QuoteKind::Spanning
        && before.paragraph + 1 == quotation.paragraph
        && before.kind == QuoteKind::Spanning;
    let same_paragraph = before.paragraph == quotation.paragraph;
    let at = token_at(tokens, quotation.marked.start);
    let opens_sentence = tokens
        .get(at..)
        .and_then(|rest| rest.iter().find(|t| t.is_word()))
        .is_some_and(|t| t.opens_sentence);
    // A paragraph that is nothing but a quotation, after a paragraph whose
    // quotation has a source: the wire's way of going on quoting.
    let opens_paragraph = analysis.paragraphs[quotation.paragraph].start == quotation.marked.start;
    let next_paragraph = before.paragraph + 1 == quotation.paragraph;
    // A sentence that goes on to a speech verb after the quotation has a
    // cue of its own, even one not read: no continuation.
    let after = token_at(tokens, quotation.marked.end);
    let sentence_of_close = after
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .map(|t| t.sentence);
    let own_cue = tokens[after.min(tokens.len())..]
        .iter()
        .take_while(|t| Some(t.sentence) == sentence_of_close)
        .any(|t| t.is_word() && lexicon::is_speech_verb(&t.lower));
    if own_cue {
        return unattributed(index, Doubt::NoCue);
    }
    if !(runs_on
        || same_paragraph && opens_sentence
        || opens_paragraph && next_paragraph
        || split_around_cue(tokens, analysis, index, attributions))
    {
        return unattributed(index, Doubt::NoCue);
    }
    let Some(earlier) = attributions.get(previous) else {
        return unattributed(index, Doubt::NoCue);
    };
    // Another person named between the two (outside quotations) could be
    // the one speaking now.
    let named_between = another_person_named(
        analysis,
        before.marked.end,
        quotation.marked.start,
        earlier.source_entity(),
    );
    if named_between || earlier.source.is_none() {
        return unattributed(index, Doubt::UnsureContinuation);
    }
    Attribution {
        quotation: index,
        cue: Cue::Continuation,
        source: earlier.source.clone(),
        role: earlier.role,
        confidence: earlier.confidence,
        doubt: earlier.doubt,
    }
}

/// “The slick is out there,” says Orla Brandt, “and it will take years”:
/// one quotation split by its cue. Between the two halves only the first
/// half's cue and its speaker, ending in a comma or colon.
fn split_around_cue(
    tokens: &[Token],
    analysis: &Analysis,
    index: usize,
    attributions: &[Attribution],
) -> bool {
    let Some(previous) = index.checked_sub(1) else {
        return false;
    };
    let Some(earlier) = attributions.get(previous) else {
        return false;
    };
    let (before, quotation) = (&analysis.quotations[previous], &analysis.quotations[index]);
    let Cue::Verb(cue) = earlier.cue else {
        return false;
    };
    if earlier.confidence != Confidence::Certain
        || before.paragraph != quotation.paragraph
        || !(before.marked.end <= cue.start && cue.end <= quotation.marked.start)
    {
        return false;
    }
    let from = token_at(tokens, before.marked.end);
    let to = token_at(tokens, quotation.marked.start);
    let between = &tokens[from.min(to)..to];
    let words = between.iter().filter(|t| t.is_word()).count();
    let speech_verbs = between
        .iter()
        .filter(|t| t.is_word() && lexicon::is_speech_verb(&t.lower))
        .count();
    let other_person = another_person_named(
        analysis,
        before.marked.end,
        quotation.marked.start,
        earlier.source_entity(),
    );
    words <= 20
        && !other_person
        && speech_verbs == 1
        && between.last().is_some_and(|t| t.is(",") || t.is(":"))
        && !between.iter().any(|t| t.is(".") || t.is(";"))
        && between
            .first()
            .is_some_and(|t| t.sentence == between.last().map_or(t.sentence, |l| l.sentence))
}

/// Whether a person other than `except` is named in `from..to` outside any
/// quotation: someone else who could be the one speaking.
fn another_person_named(
    analysis: &Analysis,
    from: usize,
    to: usize,
    except: Option<usize>,
) -> bool {
    analysis.mentions.iter().any(|m| {
        m.span.start >= from
            && m.span.end <= to
            && Some(m.entity) != except
            && analysis.entities[m.entity].kind == NameKind::Person
            && !analysis
                .quotations
                .iter()
                .any(|q| q.marked.start <= m.span.start && m.span.end <= q.marked.end)
    })
}

/// "he said" where more than one person could be "he": the speaker of the
/// quotation before, when it is that pronoun's gender, was quoted at most
/// two paragraphs back, and no other person is named since.
fn last_speaker(
    analysis: &Analysis,
    index: usize,
    attributions: &[Attribution],
    attribution: Attribution,
) -> Attribution {
    let quotation = &analysis.quotations[index];
    let pronoun = match attribution.cue {
        Cue::Verb(verb) => analysis
            .pronouns
            .iter()
            .filter(|p| p.span.start.abs_diff(verb.start) < 40)
            .min_by_key(|p| p.span.start.abs_diff(verb.start)),
        _ => None,
    };
    let Some(pronoun) = pronoun else {
        return attribution;
    };
    let earlier = attributions
        .iter()
        .rev()
        .find_map(|a| match (&a.source, a.confidence) {
            (Some(QuoteSource::Entity { entity, .. }), Confidence::Certain) => {
                Some((a.quotation, *entity))
            }
            _ => None,
        });
    let Some((at, entity)) = earlier else {
        return attribution;
    };
    let before = &analysis.quotations[at];
    let speaker = &analysis.entities[entity];
    let near = quotation.paragraph <= before.paragraph + 2;
    let fits =
        speaker.kind == NameKind::Person && speaker.gender.is_none_or(|g| g == pronoun.gender);
    let other_named = another_person_named(
        analysis,
        before.marked.end,
        pronoun.span.start,
        Some(entity),
    );
    if near && fits && !other_named {
        return Attribution {
            source: Some(QuoteSource::Entity {
                entity,
                mention: pronoun.span,
            }),
            confidence: Confidence::Certain,
            doubt: None,
            ..attribution
        };
    }
    attribution
}
