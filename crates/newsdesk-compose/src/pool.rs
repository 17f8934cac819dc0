//! Every candidate sentence of every article, with what ranking needs.

use crate::sources::Sources;
use crate::vectors::TermVector;
use newsdesk_language::Analysis;
use newsdesk_model::{Article, BlockKind, Citation, Edit, Span, StorySentence};
use newsdesk_text::{content_terms, split_sentences, words, Stemmer};
use std::collections::HashMap;

/// Sentences shorter or longer than this are not printed as story text.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 70;

pub struct PoolSentence {
    pub source: usize,
    /// Byte range in the source's cleaned text.
    pub span: Span,
    /// Index among the source's sentences, from 0.
    pub position: usize,
    pub words: usize,
    /// Stemmed content terms, by id.
    pub terms: Vec<u32>,
    pub vector: TermVector,
    /// Printable: long enough, complete, not a question.
    pub printable: bool,
    /// Opens with a pronoun ("He", "They"): it leans on what came before.
    pub opens_with_pronoun: bool,
    /// Opens with a pronoun that no name can replace: never printed alone.
    pub dangling_pronoun: bool,
    /// Holds a direct quotation of four words or more: a statement.
    pub quoted: bool,
}

pub struct Pool<'a> {
    pub articles: &'a [Article],
    pub sentences: Vec<PoolSentence>,
    /// Inverse document frequency of each term over sentences.
    pub idf: Vec<f32>,
    pub vocabulary: HashMap<String, u32>,
    /// Sentences similar enough to count as the same fact, per sentence.
    pub same_fact: Vec<Vec<usize>>,
    /// The newest publication date among the articles.
    pub newest: Option<chrono::NaiveDate>,
    /// Each article's report: its own index, or the index of the first
    /// article that relays the same underlying report, so that rewrites
    /// of one report count once.
    pub report: Vec<usize>,
    /// Each article's language analysis (typed names, coreference,
    /// attributions, clauses), made once here and read by every later
    /// stage.
    pub analyses: Vec<newsdesk_language::Analysis>,
}

/// Two sentences this similar (cosine of weighted terms) report one fact.
pub const SAME_FACT: f32 = 0.42;

impl<'a> Pool<'a> {
    /// Analyses every article once and, from the analyses, sets the
    /// report each source relays.
    pub fn build(articles: &'a [Article], sources: &mut Sources) -> Pool<'a> {
        let stemmer = Stemmer::default();
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let analyses: Vec<Analysis> = articles
            .iter()
            .enumerate()
            .map(|(source, article)| {
                let paragraphs = article.paragraphs();
                let context = newsdesk_language::Context {
                    published: sources.0[source].speaks_from,
                };
                newsdesk_language::analyse(&article.text, &paragraphs, &context)
            })
            .collect();
        sources.credit_relays(articles, &analyses);
        let mut sentences = Vec::new();
        for (source, article) in articles.iter().enumerate() {
            let mut position = 0;
            for block in article
                .blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Heading)
            {
                let block_text = article.block_text(block);
                for span in split_sentences(block_text) {
                    let span = span.shift(block.span.start);
                    let text = &article.text[span.range()];
                    let terms: Vec<u32> = content_terms(text, &stemmer)
                        .into_iter()
                        .map(|t| {
                            let next = vocabulary.len() as u32;
                            *vocabulary.entry(t).or_insert(next)
                        })
                        .collect();
                    let word_count = words(text).len();
                    sentences.push(PoolSentence {
                        source,
                        span,
                        position,
                        words: word_count,
                        printable: is_printable(text, word_count),
                        opens_with_pronoun: opens_with_pronoun(text),
                        dangling_pronoun: dangling_pronoun(&analyses[source], span, text),
                        quoted: newsdesk_language::quote_spans(text)
                            .0
                            .iter()
                            .any(|(_, inner)| words(&text[inner.range()]).len() >= 4),
                        terms,
                        vector: TermVector::default(),
                    });
                    position += 1;
                }
            }
        }
        let idf = inverse_document_frequency(&sentences, vocabulary.len());
        for sentence in &mut sentences {
            let mut counts: HashMap<u32, f32> = HashMap::new();
            for &t in &sentence.terms {
                *counts.entry(t).or_default() += idf[t as usize];
            }
            sentence.vector = TermVector::from_counts(counts);
        }
        let same_fact = same_fact_links(&sentences);

        Pool {
            articles,
            sentences,
            idf,
            vocabulary,
            same_fact,
            newest: articles.iter().filter_map(|a| a.published).max(),
            report: reports(sources),
            analyses,
        }
    }

    /// Whether a source is among the newest reporting (dated, and no
    /// article is dated later).
    pub fn is_newest_source(&self, source: usize) -> bool {
        self.newest.is_some() && self.articles[source].published == self.newest
    }

    /// The clauses of sentence `sentence` as the language layer read
    /// them, main clause first.
    pub fn clauses(&self, sentence: usize) -> &[newsdesk_language::Clause] {
        let s = &self.sentences[sentence];
        let analysis = &self.analyses[s.source];
        match analysis
            .sentences
            .binary_search_by_key(&s.span.start, |span| span.start)
        {
            Ok(index) if analysis.sentences[index] == s.span => {
                newsdesk_language::clauses::of_sentence(&analysis.clauses, index)
            }
            _ => &[],
        }
    }

    pub fn text(&self, sentence: usize) -> &str {
        let s = &self.sentences[sentence];
        &self.articles[s.source].text[s.span.range()]
    }

    /// The sentence as printed: citing itself first, then the same fact in
    /// other sources; a dangling opener is dropped and recorded.
    pub fn story_sentence(&self, sentence: usize) -> StorySentence {
        let s = &self.sentences[sentence];
        let mut citations = vec![self.citation(sentence)];
        let mut cited_sources = vec![s.source];
        for &other in &self.same_fact[sentence] {
            let o = &self.sentences[other];
            if !cited_sources.contains(&o.source) {
                cited_sources.push(o.source);
                citations.push(self.citation(other));
            }
        }
        let (text, edits) = clean_opening(self.text(sentence));
        StorySentence {
            text,
            citations,
            edits,
        }
    }

    /// The sentence a citation of this pool points at.
    pub fn sentence_cited(&self, citation: &Citation) -> Option<usize> {
        let source = citation.source.strip_prefix('s')?.parse::<usize>().ok()? - 1;
        self.sentences
            .iter()
            .position(|s| s.source == source && s.span.start == citation.start)
    }

    pub fn citation(&self, sentence: usize) -> Citation {
        let s = &self.sentences[sentence];
        Citation {
            source: format!("s{}", s.source + 1),
            start: s.span.start,
            end: s.span.end,
        }
    }
}

fn inverse_document_frequency(sentences: &[PoolSentence], vocabulary: usize) -> Vec<f32> {
    let mut df = vec![0u32; vocabulary];
    for s in sentences {
        let mut seen = s.terms.clone();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            df[t as usize] += 1;
        }
    }
    let n = sentences.len().max(1) as f32;
    df.into_iter()
        .map(|d| (n / d.max(1) as f32).ln() + 1.0)
        .collect()
}

/// Each source's report: the first source relaying the same named report,
/// or itself.
fn reports(sources: &Sources) -> Vec<usize> {
    sources
        .0
        .iter()
        .enumerate()
        .map(|(k, source)| match &source.relays {
            Some(report) => sources
                .0
                .iter()
                .position(|other| other.relays.as_ref() == Some(report))
                .unwrap_or(k),
            None => k,
        })
        .collect()
}

/// For each sentence, the sentences of other sources that say the same.
fn same_fact_links(sentences: &[PoolSentence]) -> Vec<Vec<usize>> {
    let mut links = vec![Vec::new(); sentences.len()];
    for i in 0..sentences.len() {
        for j in i + 1..sentences.len() {
            if sentences[i].source == sentences[j].source
                || !sentences[i].printable
                || !sentences[j].printable
            {
                continue;
            }
            if sentences[i].vector.cosine(&sentences[j].vector) >= SAME_FACT {
                links[i].push(j);
                links[j].push(i);
            }
        }
    }
    // Most similar first, so the best match of each source is cited.
    for (i, list) in links.iter_mut().enumerate() {
        list.sort_by(|&a, &b| {
            sentences[i]
                .vector
                .cosine(&sentences[b].vector)
                .total_cmp(&sentences[i].vector.cosine(&sentences[a].vector))
        });
    }
    links
}

fn is_printable(text: &str, word_count: usize) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')']);
    (MIN_WORDS..=MAX_WORDS).contains(&word_count)
        && trimmed.ends_with(['.', '!'])
        && !text.contains('?')
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“' || c.is_ascii_digit())
        && quotes_balanced(text)
        && !garbled(text)
}

/// Wire copy damaged in transmission ("TheP'J{c3H R-Z,Z %-MQ its first
/// …"): characters news prose never prints.
fn garbled(text: &str) -> bool {
    text.contains(['{', '}', '\\', '^', '~', '|'])
}

/// A sentence cut out of a longer quotation has unbalanced marks and
/// cannot stand alone.
fn quotes_balanced(text: &str) -> bool {
    let straight = text.matches('"').count();
    let opening = text.matches(['“', '«']).count();
    let closing = text.matches(['”', '»']).count();
    straight.is_multiple_of(2) && opening == closing
}

/// Whether the sentence, as it would be printed, opens with any pronoun.
fn opens_with_pronoun(text: &str) -> bool {
    let (printed, _) = clean_opening(text);
    crate::pronouns::personal_pronoun(&printed).is_some()
        || crate::pronouns::opens_with_group_pronoun(&printed)
}

/// Whether the sentence, as it would be printed, opens with a pronoun
/// that needs what came before it: "They" or "It", or "He" or "Her" when no
/// person to name is found before it in the article.
fn dangling_pronoun(analysis: &Analysis, sentence: Span, text: &str) -> bool {
    let (printed, _) = clean_opening(text);
    match crate::pronouns::personal_pronoun(&printed) {
        Some(pronoun) => {
            crate::pronouns::antecedent(analysis, sentence.range(), &pronoun, false).is_none()
        }
        None => crate::pronouns::opens_with_group_pronoun(&printed),
    }
}

/// Removes list numbering or a wire dateline, then a leading connective.
pub fn clean_opening(text: &str) -> (String, Vec<Edit>) {
    if let Some(length) = numbering_length(text) {
        let removed = text[..length].trim_end().to_string();
        let (rest, mut edits) = drop_opener(&text[length..]);
        edits.insert(0, Edit::DroppedOpener { removed });
        return (rest, edits);
    }
    match newsdesk_text::dateline_length(text) {
        Some(length) => {
            let removed = text[..length].trim_end().to_string();
            let (rest, mut edits) = drop_opener(&text[length..]);
            edits.insert(0, Edit::DroppedDateline { removed });
            (rest, edits)
        }
        None => drop_opener(text),
    }
}

/// The length of list numbering opening a sentence, with the space after
/// it: "3: ", "12. ", "4) ", when a capitalised word follows.
fn numbering_length(text: &str) -> Option<usize> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = &text[digits..];
    let marker = rest
        .chars()
        .next()
        .filter(|c| matches!(c, ':' | '.' | ')'))?;
    let after = &rest[marker.len_utf8()..];
    let spaces = after.len() - after.trim_start_matches(' ').len();
    let next = after[spaces..].chars().next()?;
    (spaces >= 1 && next.is_uppercase()).then_some(digits + marker.len_utf8() + spaces)
}

/// Removes a leading connective ("However, the talks ...").
pub fn drop_opener(text: &str) -> (String, Vec<Edit>) {
    for opener in crate::pronouns::OPENERS {
        let Some(head) = text.get(..opener.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(opener) {
            continue;
        }
        let rest = &text[opener.len()..];
        let separator = if rest.starts_with(", ") {
            2
        } else if matches!(*opener, "but" | "and") && rest.starts_with(' ') {
            1
        } else {
            continue;
        };
        let remainder = &rest[separator..];
        let mut chars = remainder.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_alphabetic() && !first.is_ascii_digit() {
            continue;
        }
        let capitalised: String = first.to_uppercase().chain(chars).collect();
        let removed = text[..opener.len() + separator].trim_end().to_string();
        return (capitalised, vec![Edit::DroppedOpener { removed }]);
    }
    (text.to_string(), Vec::new())
}
