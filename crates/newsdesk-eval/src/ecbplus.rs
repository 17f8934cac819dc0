//! ECB+ (Cybulska and Vossen, LREC 2014) as gold name mentions, for
//! scoring name typing.
//!
//! An ECB+ file holds its text as `<token t_id sentence number>` elements,
//! one token each, and annotates mentions in `<Markables>` as elements
//! (their type) listing `<token_anchor t_id>`s. Each document's text is
//! rebuilt here from its tokens: one paragraph per sentence (paragraphs
//! joined by a blank line), tokens joined by single spaces, except that no
//! space goes before closing punctuation and clitics (`.`, `,`, `)`, `'s`,
//! `n't`, ...) or after opening punctuation (`(`, `` `` ``, `“`, `$`).
//! Every token's byte span in that text is kept, so the annotations point
//! into it exactly. The URL line that opens the `ecbplus` documents is
//! kept as a paragraph like any other sentence: it names no annotated
//! participant.
//!
//! The gold mentions are the person, organisation and place markables
//! that are proper names. ECB+ types map so:
//!
//! - `HUMAN_PART_PER` is a person;
//! - `HUMAN_PART_ORG` is an organisation;
//! - `HUMAN_PART_GPE`, `LOC_GEO`, `LOC_FAC` and `LOC_OTHER` are places.
//!   A geo-political entity is a place in ECB+ whether it is where
//!   something happens or what acts ("Israel said" is `HUMAN_PART_GPE`,
//!   not an organisation), and a facility ("the Betty Ford Center") is
//!   annotated as a location, so a name typer that calls "Israel" in
//!   "Israel said" a place is right by this gold.
//!
//! Left out: `HUMAN_PART_MET` (metonymy: "People" the magazine for its
//! staff, "the community"), `HUMAN_PART_GENERIC` ("users", "anyone"),
//! `HUMAN_PART_VEH` (vehicles), the bare `HUMAN_PART`, and non-human
//! participants, times and actions.
//!
//! A markable is a proper name when its tokens, after dropping leading
//! lower-case words, determiners and pronouns ("the", "metro", "former")
//! and trailing punctuation and possessives, are one contiguous run of
//! capitalised words within a sentence, with only name connectors ("of",
//! "de", "&", "-", ...) between them. So "the actress", "she", "German
//! government" and "in the face" are not names; "the Betty Ford Center"
//! gives "Betty Ford Center" and "metro Atlanta" gives "Atlanta". A single
//! capitalised word that opens its sentence is taken for a name only when
//! the corpus never writes it in lower case ("Police said" is no name,
//! "Lohan said" is). The gold span is the name's text without surrounding
//! punctuation and without a final possessive ("Sudan's" gives "Sudan").

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use newsdesk_model::Span;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

#[cfg(test)]
mod tests;

/// What a gold mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoldKind {
    Person,
    Organisation,
    Place,
}

impl GoldKind {
    /// The kind an ECB+ markable type stands for, if it is one of the
    /// person, organisation and place types scored (see the module notes).
    pub fn of_tag(tag: &str) -> Option<GoldKind> {
        match tag {
            "HUMAN_PART_PER" => Some(GoldKind::Person),
            "HUMAN_PART_ORG" => Some(GoldKind::Organisation),
            "HUMAN_PART_GPE" | "LOC_GEO" | "LOC_FAC" | "LOC_OTHER" => Some(GoldKind::Place),
            _ => None,
        }
    }
}

/// One annotated proper name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// The name in [`Document::text`], without surrounding punctuation and
    /// final possessive.
    pub span: Span,
    pub kind: GoldKind,
    /// The ECB+ markable type, such as `HUMAN_PART_GPE`.
    pub tag: String,
}

/// One ECB+ document, its text rebuilt from its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file name, such as `1_10ecbplus.xml`.
    pub name: String,
    /// The topic number the file name starts with.
    pub topic: u32,
    pub text: String,
    /// One span per sentence, in order.
    pub paragraphs: Vec<Span>,
    /// The gold proper-name mentions, in text order.
    pub mentions: Vec<GoldMention>,
    /// Person, organisation and place markables in the file, names or not
    /// (how many of them the name filter kept is `mentions.len()`, less
    /// any duplicates).
    pub markables: usize,
}

/// Why ECB+ could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EcbError {
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: malformed XML: {message}")]
    Xml { file: String, message: String },
    #[error("{file}: {message}")]
    Format { file: String, message: String },
    #[error("{0}: the file name does not start with a topic number")]
    Name(String),
    #[error("no ECB+ documents under {}", .0.display())]
    Empty(PathBuf),
}

/// Every document under `dir` (`<topic>/<topic>_<n>ecb.xml` and
/// `..ecbplus.xml`), by topic, then document number, `ecb` before
/// `ecbplus`. Reads the folder and nothing else.
pub fn load(dir: &Path) -> Result<Vec<Document>, EcbError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EcbError::Io { path, source }
    };
    let mut files = Vec::new();
    for topic in std::fs::read_dir(dir).map_err(io(dir))? {
        let topic = topic.map_err(io(dir))?.path();
        if !topic.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&topic).map_err(io(&topic))? {
            let path = file.map_err(io(&topic))?.path();
            if path.extension().is_some_and(|e| e == "xml") {
                let xml = std::fs::read_to_string(&path).map_err(io(&path))?;
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                files.push((name, xml));
            }
        }
    }
    if files.is_empty() {
        return Err(EcbError::Empty(dir.to_path_buf()));
    }
    files.sort_by_cached_key(|(name, _)| order_key(name));
    from_files(files.iter().map(|(n, x)| (n.as_str(), x.as_str())))
}

/// (topic, document number, ecbplus) of a file name like `1_10ecbplus.xml`.
fn order_key(name: &str) -> (u32, u32, bool, String) {
    let number = |s: &str| {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or(u32::MAX)
    };
    let (topic, rest) = name.split_once('_').unwrap_or((name, ""));
    (
        number(topic),
        number(rest),
        rest.contains("ecbplus"),
        name.to_string(),
    )
}

/// The documents of the given files (file name, XML), in the given order.
/// Pure: whether a sentence-opening word is a name is judged against the
/// lower-case words of all of them.
pub fn from_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<Document>, EcbError> {
    let parsed = files
        .into_iter()
        .map(|(name, xml)| parse(name, xml))
        .collect::<Result<Vec<_>, _>>()?;
    let lower: HashSet<&str> = parsed
        .iter()
        .flat_map(|p| &p.tokens)
        .map(|t| bare(&t.text))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    parsed
        .iter()
        .map(|p| p.document(&|w: &str| lower.contains(w.to_lowercase().as_str())))
        .collect()
}

struct Token {
    id: u32,
    sentence: u32,
    text: String,
}

struct Markable {
    tag: String,
    anchors: Vec<u32>,
}

struct Parsed {
    name: String,
    topic: u32,
    tokens: Vec<Token>,
    markables: Vec<Markable>,
}

fn parse(name: &str, xml: &str) -> Result<Parsed, EcbError> {
    let topic = name
        .split('_')
        .next()
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| EcbError::Name(name.to_string()))?;
    let xml_error = |message: String| EcbError::Xml {
        file: name.to_string(),
        message,
    };
    let format_error = |message: String| EcbError::Format {
        file: name.to_string(),
        message,
    };
    let mut reader = Reader::from_str(xml);
    let mut tokens = Vec::new();
    let mut markables = Vec::new();
    // The token being read, and the markable (with its depth) being read.
    let mut token: Option<Token> = None;
    let mut markable: Option<Markable> = None;
    let mut in_markables = false;
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| xml_error(format!("{e} (at byte {at})")))?;
        match event {
            Event::Start(element) => {
                let tag = element.local_name();
                let tag = tag.as_ref().to_string();
                match tag.as_str() {
                    "token" => {
                        let id = number_attribute(&element, "t_id").map_err(&format_error)?;
                        let sentence =
                            number_attribute(&element, "sentence").map_err(&format_error)?;
                        token = Some(Token {
                            id,
                            sentence,
                            text: String::new(),
                        });
                    }
                    "Markables" => in_markables = true,
                    _ if in_markables && markable.is_none() => {
                        markable = Some(Markable {
                            tag,
                            anchors: Vec::new(),
                        });
                    }
                    _ => {}
                }
            }
            Event::Empty(element) if element.local_name().as_ref() == "token_anchor" => {
                if let Some(markable) = &mut markable {
                    let id = number_attribute(&element, "t_id").map_err(&format_error)?;
                    markable.anchors.push(id);
                }
            }
            Event::Text(text) => {
                if let Some(token) = &mut token {
                    token.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(token) = &mut token {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        _ => {
                            quick_xml::escape::resolve_predefined_entity(&reference.xml10_content())
                                .map(str::to_string)
                        }
                    };
                    let Some(resolved) = resolved else {
                        return Err(format_error(format!(
                            "unknown entity &{};",
                            reference.xml10_content()
                        )));
                    };
                    token.text.push_str(&resolved);
                }
            }
            Event::End(element) => {
                let tag = element.local_name();
                match tag.as_ref() {
                    "token" => tokens.extend(token.take()),
                    "Markables" => in_markables = false,
                    tag => {
                        if markable.as_ref().is_some_and(|m| m.tag == tag) {
                            markables.extend(markable.take());
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if tokens.is_empty() {
        return Err(format_error("no tokens".to_string()));
    }
    Ok(Parsed {
        name: name.to_string(),
        topic,
        tokens,
        markables,
    })
}

fn number_attribute(element: &BytesStart, key: &str) -> Result<u32, String> {
    let element_name = element.local_name().as_ref().to_string();
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        if attribute.key.local_name().as_ref() == key {
            let value = attribute.value.to_string();
            return value
                .trim()
                .parse()
                .map_err(|_| format!("<{element_name}> has {key}={value:?}, not a number"));
        }
    }
    Err(format!("<{element_name}> without {key}"))
}

/// Tokens written without a space before them.
fn closes(token: &str) -> bool {
    matches!(
        token,
        "." | ","
            | ";"
            | ":"
            | "?"
            | "!"
            | ")"
            | "]"
            | "}"
            | "%"
            | "''"
            | "”"
            | "’"
            | "..."
            | "'s"
            | "’s"
            | "n't"
            | "'m"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
    )
}

/// Tokens written without a space after them.
fn opens(token: &str) -> bool {
    matches!(token, "(" | "[" | "{" | "``" | "“" | "‘" | "$")
}

/// Words that start a markable without being part of a name, even
/// capitalised at a sentence's start.
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "his",
    "hers",
    "its",
    "their",
    "them",
    "our",
    "us",
    "my",
    "your",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "there",
    "here",
    "someone",
    "everyone",
    "anyone",
    "former",
    "late",
    "both",
    "all",
    "some",
    "many",
    "most",
    "each",
    "another",
    "other",
    "one",
    "everybody",
    "nobody",
    "somebody",
    "none",
    // Prepositions a title-case headline capitalises ("... Van Near Houston").
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "from",
    "into",
    "to",
    "on",
    "by",
];

/// Lower-case words that may stand inside a name.
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "del", "della", "di", "da", "do", "dos", "du", "des", "la", "le", "van",
    "von", "der", "den", "al", "el", "bin", "ibn", "y", "and", "&", "-", ".", "for", "on", "'s",
    "’s",
];

fn capitalised(word: &str) -> bool {
    let mut alphanumeric = word.chars().skip_while(|c| !c.is_alphanumeric());
    match alphanumeric.next() {
        Some(c) if c.is_uppercase() => true,
        // "10News", "3M".
        Some(c) if c.is_ascii_digit() => word.chars().any(char::is_uppercase),
        _ => false,
    }
}

/// A token's first run of letters and digits: "He" of `"He`, "I" of
/// "I'm".
fn bare(token: &str) -> &str {
    token
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

/// Words that title case leaves in lower case.
const TITLE_CASE_LOWER: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "but", "as",
    "from", "into", "after", "over", "is", "s",
];

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

impl Parsed {
    fn document(&self, lower_case_word: &dyn Fn(&str) -> bool) -> Result<Document, EcbError> {
        let mut text = String::new();
        let mut paragraphs: Vec<Span> = Vec::new();
        let mut spans = Vec::with_capacity(self.tokens.len());
        let mut index_of = HashMap::new();
        let mut previous: Option<&Token> = None;
        for (index, token) in self.tokens.iter().enumerate() {
            let word = token.text.trim();
            if previous.is_none_or(|p| p.sentence != token.sentence) {
                if let Some(last) = paragraphs.last_mut() {
                    last.end = text.len();
                    text.push_str("\n\n");
                }
                paragraphs.push(Span::new(text.len(), text.len()));
            } else {
                let after = previous.map_or("", |p| p.text.trim());
                // "Lohan’s" is tokenised "Lohan", "’", "s".
                let possessive = word == "s" && matches!(after, "'" | "’");
                if !(word.is_empty() || closes(word) || opens(after) || possessive) {
                    text.push(' ');
                }
            }
            let start = text.len();
            text.push_str(word);
            spans.push(Span::new(start, text.len()));
            if index_of.insert(token.id, index).is_some() {
                return Err(EcbError::Format {
                    file: self.name.clone(),
                    message: format!("two tokens with t_id {}", token.id),
                });
            }
            if !word.is_empty() {
                previous = Some(token);
            }
        }
        if let Some(last) = paragraphs.last_mut() {
            last.end = text.len();
        }

        let mut markables = 0;
        let mut mentions: Vec<GoldMention> = Vec::new();
        for markable in &self.markables {
            let Some(kind) = GoldKind::of_tag(&markable.tag) else {
                continue;
            };
            markables += 1;
            let mut indexes = Vec::with_capacity(markable.anchors.len());
            for id in &markable.anchors {
                let Some(&index) = index_of.get(id) else {
                    return Err(EcbError::Format {
                        file: self.name.clone(),
                        message: format!("a {} markable names t_id {id}, no token", markable.tag),
                    });
                };
                indexes.push(index);
            }
            indexes.sort_unstable();
            indexes.dedup();
            let Some(name) = self.name_tokens(&indexes, lower_case_word) else {
                continue;
            };
            let span = trim_name(
                &text,
                Span::new(spans[name.start].start, spans[name.end - 1].end),
            );
            if span.is_empty() {
                continue;
            }
            let mention = GoldMention {
                span,
                kind,
                tag: markable.tag.clone(),
            };
            if !mentions.iter().any(|m| m.span == span && m.kind == kind) {
                mentions.push(mention);
            }
        }
        // A name annotated as two kinds at once has no one gold kind.
        let conflicting: HashSet<Span> = mentions
            .iter()
            .filter(|m| {
                mentions
                    .iter()
                    .any(|o| o.span == m.span && o.kind != m.kind)
            })
            .map(|m| m.span)
            .collect();
        mentions.retain(|m| !conflicting.contains(&m.span));
        mentions.sort_by_key(|m| (m.span, m.kind));
        Ok(Document {
            name: self.name.clone(),
            topic: self.topic,
            text,
            paragraphs,
            mentions,
            markables,
        })
    }

    /// The token indexes (a range) of the proper name a markable's tokens
    /// are, if they are one (see the module notes).
    fn name_tokens(
        &self,
        indexes: &[usize],
        lower_case_word: &dyn Fn(&str) -> bool,
    ) -> Option<std::ops::Range<usize>> {
        let (&first, &last) = (indexes.first()?, indexes.last()?);
        let contiguous = last - first + 1 == indexes.len();
        let one_sentence = self.tokens[first].sentence == self.tokens[last].sentence;
        if !contiguous || !one_sentence {
            return None;
        }
        let word = |i: usize| self.tokens[i].text.trim();
        let mut start = first;
        while start <= last
            && (!capitalised(word(start))
                || NOT_NAME_WORDS.contains(&bare(word(start)).to_lowercase().as_str()))
        {
            start += 1;
        }
        let mut end = last + 1;
        while end > start && (!is_word(word(end - 1)) || closes(word(end - 1))) {
            end -= 1;
        }
        if start >= end || !capitalised(word(end - 1)) {
            return None;
        }
        let inside_ok = (start..end)
            .all(|i| capitalised(word(i)) || CONNECTORS.contains(&word(i).to_lowercase().as_str()));
        if !inside_ok {
            return None;
        }
        // A lone capitalised word that opens its sentence is a name only
        // when the corpus never writes it in lower case; so is any name in
        // a headline in title case ("Inmate Escapes From County Jail"),
        // and in capitals ("DRIVER").
        let sentence = self.tokens[start].sentence;
        let opens_sentence = (0..start)
            .rev()
            .take_while(|&i| self.tokens[i].sentence == sentence)
            .all(|i| !is_word(word(i)));
        let common = |i: usize| lower_case_word(bare(word(i)));
        let all_common = (start..end).filter(|&i| is_word(word(i))).all(common);
        let shouted = (start..end).all(|i| {
            let w = bare(word(i));
            w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
        });
        if all_common
            && ((end - start == 1 && opens_sentence) || shouted || self.title_case(sentence))
        {
            return None;
        }
        Some(start..end)
    }
}

impl Parsed {
    /// Whether a sentence is written in title case: three or more words
    /// that title case capitalises, nearly all capitalised.
    fn title_case(&self, sentence: u32) -> bool {
        let words: Vec<&str> = self
            .tokens
            .iter()
            .filter(|t| t.sentence == sentence)
            .map(|t| bare(t.text.trim()))
            .filter(|w| w.starts_with(char::is_alphabetic))
            .filter(|w| !TITLE_CASE_LOWER.contains(&w.to_lowercase().as_str()))
            .collect();
        let capitalised = words.iter().filter(|w| capitalised(w)).count();
        words.len() >= 3 && capitalised * 10 >= words.len() * 8
    }
}

/// A name's span without surrounding punctuation and final possessive.
fn trim_name(text: &str, span: Span) -> Span {
    let name = &text[span.range()];
    let mut trimmed = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    for possessive in ["'s", "’s", "'", "’"] {
        if let Some(stem) = trimmed.strip_suffix(possessive) {
            trimmed = stem.trim_end();
            break;
        }
    }
    trimmed = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
    let lead = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    Span::new(span.start + lead, span.start + trimmed.len())
}
