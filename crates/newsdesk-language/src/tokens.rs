//! Tokens: words and punctuation with byte spans, each knowing its
//! sentence. The one place the layer splits text into words.

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punctuation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Index into the analysis' sentences.
    pub sentence: usize,
    /// Whether it is the first word of its sentence (after any opening
    /// quotation mark or bracket).
    pub opens_sentence: bool,
    pub lower: String,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Starts with a capital letter ("Kestel", "al-Assad" does not, "U.S."
    /// does).
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.is_word() && text[self.span.range()].starts_with(char::is_uppercase)
    }

    /// Every letter a capital, two letters or more: "NATO", "U.S.".
    pub fn is_all_capitals(&self, text: &str) -> bool {
        let word = &text[self.span.range()];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    }

    pub fn is(&self, punctuation: &str) -> bool {
        self.kind == TokenKind::Punctuation && self.lower == punctuation
    }
}

/// Abbreviations whose full stop belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "maj",
    "rev", "prof", "jr", "sr", "st", "co", "corp", "inc", "ltd", "bros", "cmdr", "cpl", "pvt",
    "supt", "insp", "det", "atty", "pres", "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct",
    "nov", "dec", "mt", "ft", "messrs",
];

const OPENING: &[char] = &['"', '“', '‘', '\'', '(', '[', '«', '„', '—', '–'];
const CLOSING: &[char] = &[
    '"', '”', '’', '\'', ')', ']', '»', ',', ';', ':', '.', '!', '?', '—', '–',
];

/// Splits the sentences of `text` into tokens.
pub fn tokenise(text: &str, sentences: &[Span]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let mut first_word = true;
        let mut offset = sentence.start;
        for piece in text[sentence.range()].split_inclusive(char::is_whitespace) {
            let start = offset;
            offset += piece.len();
            let piece = piece.trim_end();
            if piece.is_empty() {
                continue;
            }
            let mut push = |span: Span, kind: TokenKind, tokens: &mut Vec<Token>| {
                let opens = kind == TokenKind::Word && first_word;
                if kind == TokenKind::Word {
                    first_word = false;
                }
                tokens.push(Token {
                    span,
                    kind,
                    sentence: index,
                    opens_sentence: opens,
                    lower: text[span.range()].to_lowercase(),
                });
            };
            let mut from = start;
            let mut to = start + piece.len();
            // Leading marks, each a token.
            while from < to {
                let c = text[from..to].chars().next().unwrap_or(' ');
                if !OPENING.contains(&c) {
                    break;
                }
                push(
                    Span::new(from, from + c.len_utf8()),
                    TokenKind::Punctuation,
                    &mut tokens,
                );
                from += c.len_utf8();
            }
            // Trailing marks, kept aside to push after the word.
            let mut trailing: Vec<Span> = Vec::new();
            while from < to {
                let c = text[from..to].chars().next_back().unwrap_or(' ');
                if !CLOSING.contains(&c) {
                    break;
                }
                if c == '.' && keeps_its_stop(&text[from..to]) {
                    break;
                }
                // "Dockworkers' Union": a plural's possessive mark stays.
                let word = &text[from..to - c.len_utf8()];
                if matches!(c, '\'' | '’')
                    && word.len() > 2
                    && word.ends_with('s')
                    && word.starts_with(char::is_uppercase)
                {
                    break;
                }
                // "students'" keeps no apostrophe; "'s" is split below.
                trailing.push(Span::new(to - c.len_utf8(), to));
                to -= c.len_utf8();
            }
            if from < to {
                let word = &text[from..to];
                let possessive = ["'s", "’s"]
                    .iter()
                    .find(|p| word.len() > p.len() && word.to_lowercase().ends_with(*p));
                match possessive {
                    Some(p) => {
                        push(Span::new(from, to - p.len()), TokenKind::Word, &mut tokens);
                        push(
                            Span::new(to - p.len(), to),
                            TokenKind::Punctuation,
                            &mut tokens,
                        );
                    }
                    None => push(Span::new(from, to), TokenKind::Word, &mut tokens),
                }
            }
            for span in trailing.into_iter().rev() {
                push(span, TokenKind::Punctuation, &mut tokens);
            }
        }
    }
    tokens
}

/// Whether a word's final full stop is part of it: a title ("Dr."), an
/// initial ("J."), or letters with stops between them ("U.S.").
fn keeps_its_stop(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    if bare.is_empty() {
        return false;
    }
    let lower = bare.to_lowercase();
    let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
    initial || bare.contains('.') || ABBREVIATIONS.contains(&lower.as_str())
}

/// The index of the token that starts at byte `start`, if one does
/// (tokens are in text order).
pub fn starting_at(tokens: &[Token], start: usize) -> Option<usize> {
    let at = tokens.partition_point(|t| t.span.start < start);
    (tokens.get(at)?.span.start == start).then_some(at)
}

/// The index of the token that ends at byte `end`, if one does.
pub fn ending_at(tokens: &[Token], end: usize) -> Option<usize> {
    let at = tokens.partition_point(|t| t.span.end < end);
    (tokens.get(at)?.span.end == end).then_some(at)
}
