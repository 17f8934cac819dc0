//! The vocabulary every newsdesk stage speaks.
//!
//! An [`Article`] is what extraction makes of one document: metadata, a
//! cleaned `text`, the blocks of that text, and every part it dropped with
//! the reason. A [`Story`] is what composition makes of several articles:
//! every printed sentence is a [`StorySentence`] whose [`Citation`]s point
//! at byte ranges of a source's cleaned text.
//!
//! This crate holds data only: no IO, no parsing, no policy.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

mod span;
pub use span::Span;

#[cfg(test)]
mod tests;

/// What kind of block a stretch of an article's cleaned text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A subheading inside the body.
    Heading,
    /// An ordinary paragraph.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
}

/// One block of an article body, as a range of [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    #[serde(flatten)]
    pub span: Span,
}

/// Why extraction left a part of the input out of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Site navigation or interface text ("Show More", "1 min read").
    Navigation,
    /// An advertisement or sponsored message.
    Advertisement,
    /// A teaser linking to another article ("See also ...").
    LinkTeaser,
    /// A cookie or consent banner.
    ConsentBanner,
    /// A footer: newsletter sign-up, "report an error", copyright, share bar.
    Footer,
    /// A biography of the author.
    AuthorBio,
    /// A photo caption or credit.
    Caption,
    /// The headline repeated as body text.
    RepeatedHeadline,
    /// A byline or masthead line, kept as metadata instead.
    Byline,
    /// A date line, kept as metadata instead.
    Dateline,
    /// A placeholder left by e-mail obfuscation.
    EmailPlaceholder,
    /// Text in a language other than the article's.
    OtherLanguage,
    /// A line that is the same as an earlier one.
    Duplicate,
    /// Markup that carries no article text (scripts, forms, menus).
    NonContent,
    /// A news agency's note to editors in wire copy: a slug, "AP Photo",
    /// "Eds: …", an end-of-story marker.
    WireNote,
    /// A canonical link that would move a fetched article to another site
    /// or to an address that is not http(s); the article keeps the address
    /// it was fetched from.
    ForeignCanonical,
    /// Bytes that are not valid UTF-8 in a text file, each sequence read
    /// as U+FFFD; the dropped text names the bytes in hexadecimal.
    InvalidBytes,
}

impl DropReason {
    /// A short human explanation, for `extract --explain`.
    pub fn describe(self) -> &'static str {
        match self {
            DropReason::Navigation => "navigation or interface text",
            DropReason::Advertisement => "advertisement",
            DropReason::LinkTeaser => "link to another article",
            DropReason::ConsentBanner => "cookie or consent banner",
            DropReason::Footer => "page footer",
            DropReason::AuthorBio => "author biography",
            DropReason::Caption => "photo caption or credit",
            DropReason::RepeatedHeadline => "headline repeated in the body",
            DropReason::Byline => "byline or masthead (kept as metadata)",
            DropReason::Dateline => "date line (kept as metadata)",
            DropReason::EmailPlaceholder => "e-mail protection placeholder",
            DropReason::OtherLanguage => "text in another language",
            DropReason::Duplicate => "repeated line",
            DropReason::NonContent => "markup without article text",
            DropReason::WireNote => "news agency's note to editors",
            DropReason::ForeignCanonical => {
                "canonical link to another site (the address fetched is kept)"
            }
            DropReason::InvalidBytes => "bytes that are not UTF-8 (replaced by �)",
        }
    }
}

/// A part of the input that is not in the article, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    pub text: String,
    pub reason: DropReason,
    /// 1-based line of the input, for text inputs.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<usize>,
}

/// What extraction made of one input document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Where the document came from: a path, a URL or `-`.
    pub origin: String,
    pub title: Option<String>,
    /// The outlet that published it, normalised ("Kyiv Independent").
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// The day it was published, as the page or text says.
    pub published: Option<NaiveDate>,
    /// The moment it was published, with the time zone the page gave; only
    /// when the page gives a time and a zone.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published_at: Option<DateTime<FixedOffset>>,
    /// The day it was last changed, when the page says.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modified: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modified_at: Option<DateTime<FixedOffset>>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The lead image's absolute http(s) URL.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub image: Option<String>,
    /// ISO 639-1 code when known.
    pub language: Option<String>,
    /// The cleaned body: blocks separated by a blank line.
    pub text: String,
    /// The blocks of `text`, in order.
    pub blocks: Vec<Block>,
    /// Every part of the input left out, with its reason.
    pub dropped: Vec<Dropped>,
}

impl Article {
    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.span.range()]
    }

    /// The spans of the blocks that are the article's prose (every block
    /// but headings), in order.
    pub fn paragraphs(&self) -> Vec<Span> {
        self.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Heading)
            .map(|b| b.span)
            .collect()
    }

    /// Appends a block to the cleaned text, separated from the previous one
    /// by a blank line. Empty blocks are ignored.
    pub fn push_block(&mut self, kind: BlockKind, content: &str) {
        let content = content.trim();
        if content.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(content);
        self.blocks.push(Block {
            kind,
            span: Span::new(start, self.text.len()),
        });
    }
}

/// Identifies a source inside one story ("s1", "s2", ...).
pub type SourceId = String;

/// A pointer from a printed sentence to the text that supports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub source: SourceId,
    /// Byte offset into that source's cleaned text.
    pub start: usize,
    pub end: usize,
}

/// A change made to source text before printing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edit {
    /// A leading connective ("However,") was removed.
    DroppedOpener { removed: String },
    /// A wire dateline ("WASHINGTON (AP) --") was removed.
    DroppedDateline { removed: String },
    /// A pronoun was replaced by the name it stands for.
    ResolvedPronoun { pronoun: String, name: String },
    /// A person the story had not introduced was called by the surname
    /// alone; the full name the article gives earlier took its place.
    NamedInFull { surname: String, name: String },
    /// Words that add little to a short summary (who said it, the weekday)
    /// were cut: the first place `removed` stands in the text, as the
    /// edits before this one left it.
    Trimmed { removed: String },
}

/// One printed sentence and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorySentence {
    pub text: String,
    /// Never empty: the first citation is the text printed, the others
    /// are sources that report the same thing.
    pub citations: Vec<Citation>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub edits: Vec<Edit>,
}

/// A titled group of sentences about one subtopic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub sentences: Vec<StorySentence>,
}

/// A direct quotation, verbatim, with who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub speaker: String,
    /// The words in quotation marks, exactly as the source prints them.
    pub quote: String,
    /// The sentence the quote is in.
    pub sentence: StorySentence,
}

/// One actor's position, as a sourced sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perspective {
    pub actor: String,
    pub position: StorySentence,
}

/// How a source figures in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceRole {
    /// Current reporting.
    News,
    /// Much older than the rest: context, never presented as news.
    Background,
}

/// An input article as the story lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub outlet: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    /// For an undated source, the date its text points to (a dated photo
    /// caption): used to tell news from background, never shown as its date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub estimated_date: Option<NaiveDate>,
    pub origin: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    pub role: SourceRole,
    /// The report this source relays, when it names one ("The New York Times").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub relays: Option<String>,
    /// The cleaned text that citations point into.
    pub text: String,
}

/// How precisely a timeline date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    /// A week ("last week"): the date is the week's Monday.
    Week,
    Month,
    /// A season ("in the fall of 2022"): the date is the season's first day.
    Season,
    Year,
}

/// A dated event: a sentence whose date is given in the text, absolute or
/// relative to its article's publish date ("last week", "on Dec. 25").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// The words in the sentence the date was read from ("last Tuesday").
    pub expression: String,
    pub sentence: StorySentence,
}

/// One story, written from several sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub headline: String,
    /// The source whose headline was used, if one was.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub headline_source: Option<SourceId>,
    /// The date of the newest news source.
    pub date: Option<NaiveDate>,
    /// Where and when, as a news story opens ("KYIV, Dec. 25"); the place
    /// only when the sources give one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub dateline: Option<String>,
    pub lead: Vec<StorySentence>,
    pub sections: Vec<Section>,
    pub statements: Vec<Statement>,
    pub perspectives: Vec<Perspective>,
    pub next: Vec<StorySentence>,
    /// Dated events, oldest first.
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    pub sources: Vec<Source>,
    /// How the story was made and how to check it.
    pub note: String,
}

impl Story {
    /// Every printed sentence, in reading order.
    pub fn sentences(&self) -> impl Iterator<Item = &StorySentence> {
        self.lead
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.sentences.iter()))
            .chain(self.statements.iter().map(|s| &s.sentence))
            .chain(self.perspectives.iter().map(|p| &p.position))
            .chain(self.next.iter())
            .chain(self.timeline.iter().map(|t| &t.sentence))
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The outlets behind a sentence, in citation order, without repeats.
    pub fn outlets_of<'a>(&'a self, sentence: &'a StorySentence) -> Vec<&'a str> {
        let mut outlets: Vec<&str> = Vec::new();
        for citation in &sentence.citations {
            if let Some(source) = self.source(&citation.source) {
                if !outlets.contains(&source.outlet.as_str()) {
                    outlets.push(&source.outlet);
                }
            }
        }
        outlets
    }
}
