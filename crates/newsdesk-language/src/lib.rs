//! The language-analysis layer: what an article's sentences say about
//! people, places and time, read once per article.
//!
//! [`analyse`] takes an article's cleaned text and its paragraphs and
//! returns an [`Analysis`]: typed name mentions with the evidence for each
//! type, entities (coreference chains, each link with a confidence),
//! quotations and who said them (attribution relations), and clauses with
//! their tense, modality and date. Later stages read these annotations
//! instead of scanning the text again. Pure: no IO, no clock; the lexicons
//! are compiled in.

pub mod clauses;
mod coreference;
pub mod lexicon;
mod mentions;
mod quotations;
mod tokens;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
pub use newsdesk_model::Span;

pub use clauses::{Clause, Modality, Tense};
pub use quotations::quote_spans;
pub use tokens::{Token, TokenKind};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameKind {
    Person,
    Organisation,
    Place,
    /// A name whose kind the evidence does not settle (a product, an
    /// event, a work) or that is not sure.
    Other,
}

/// Why a mention has its kind. Kept so that a reader (or a test) can see
/// what the type rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Evidence {
    /// A title or role stands before it ("Sen.", "President", "spokesman").
    Title,
    /// Its first word is a given name in the first-name lexicon.
    GivenName,
    /// The gazetteer names it: a country, region or city.
    Gazetteer,
    /// It ends in a place's word or opens with one ("Gaza Strip", "Mount
    /// Kenya"): weaker than the gazetteer, since people are named so too
    /// ("Ross Mountain").
    PlaceWord,
    /// It ends in or holds an organisation word ("Party", "Ministry",
    /// "Inc."), or is an acronym.
    OrganisationWord,
    /// A news outlet or agency ("Reuters", "The Associated Press").
    Outlet,
    /// An apposition gives it a role ("X, a spokesman for ...").
    Apposition,
    /// Another mention of the same entity carries the evidence.
    Coreference,
    /// It is the subject of a speech verb and the article calls it "he"
    /// or "she" right after.
    Pronoun,
    /// It follows a preposition of place ("in X", "from X") and nothing
    /// else types it.
    Preposition,
    /// Nothing types it.
    None,
    /// Its entity has a kind, but this mention is used for something the
    /// kind may not fit (a place that acts, "against Detroit"; a person's
    /// name where a place stands, "back at Betty Ford"), so it is left
    /// untyped.
    Withheld,
}

/// Grammatical gender, as the text or the first-name lexicon gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// A name in the text: a run of capitalised words, without the title
/// before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name's words, without title and possessive.
    pub span: Span,
    /// A title or role word before the name ("Sen.", "Prime Minister").
    pub title: Option<Span>,
    /// Index into [`Analysis::sentences`].
    pub sentence: usize,
    pub kind: NameKind,
    pub evidence: Evidence,
    /// Index into [`Analysis::entities`].
    pub entity: usize,
}

/// One person, organisation or place the article names, with every
/// mention of it (a coreference chain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The fullest name the article gives it ("Mahathir Mohamad" for a
    /// chain that also says "Mahathir").
    pub name: String,
    pub kind: NameKind,
    pub gender: Option<Gender>,
    /// Indexes into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
}

/// How sure a link or an attribution is. Only `Certain` ones are printed
/// as claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    Uncertain,
    Certain,
}

/// A pronoun ("he", "she", "his", "her") and whom it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PronounLink {
    pub span: Span,
    pub sentence: usize,
    pub gender: Gender,
    /// Index into [`Analysis::entities`], when any person fits.
    pub entity: Option<usize>,
    pub confidence: Confidence,
}

/// How a quotation sits in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// A whole sentence or more, within one paragraph.
    Full,
    /// A phrase woven into the reporter's sentence.
    Partial,
    /// A quotation that runs on from (or into) another paragraph.
    Spanning,
}

/// A quotation: the span with its marks and the words inside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    pub marked: Span,
    pub inner: Span,
    pub kind: QuoteKind,
    /// The sentences the quotation and its attribution cover.
    pub sentences: Span,
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
}

/// The words that tie a quotation to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A speech verb ("said", "told", "added").
    Verb(Span),
    /// "according to".
    AccordingTo(Span),
    /// No cue of its own: it continues the quotation before it.
    Continuation,
}

/// Who a quotation's words are from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteSource {
    /// A named entity (index into [`Analysis::entities`]), through the
    /// mention at `mention` or a pronoun that stands for it.
    Entity { entity: usize, mention: Span },
    /// A description that names no one ("a senior official who met with
    /// Moscow this fall"): a person, unnamed.
    Description(Span),
    /// A group pronoun ("they", "we") or a source that is not a person or
    /// organisation.
    Unresolved(Span),
}

impl Attribution {
    /// The named entity the attribution gives as its source, if any.
    pub fn source_entity(&self) -> Option<usize> {
        match &self.source {
            Some(QuoteSource::Entity { entity, .. }) => Some(*entity),
            _ => None,
        }
    }
}

/// An attribution relation: cue, source and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index into [`Analysis::quotations`].
    pub quotation: usize,
    pub cue: Cue,
    pub source: Option<QuoteSource>,
    /// A role given beside the name ("general secretary of the union").
    pub role: Option<Span>,
    pub confidence: Confidence,
    /// Why the source is left out, when it is.
    pub doubt: Option<Doubt>,
}

/// Why an attribution's source is not printed: kept as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Doubt {
    /// No cue ties the quotation to anyone.
    NoCue,
    /// The cue's subject is not a person or organisation (a place, a
    /// time, a clause).
    NotASpeaker,
    /// A pronoun with no single person it can stand for.
    AmbiguousPronoun,
    /// A group pronoun ("they", "we").
    GroupPronoun,
    /// It continues a quotation whose source is not sure.
    UnsureContinuation,
}

/// What the analysis needs besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The article's publication date, which relative dates are read
    /// against.
    pub published: Option<NaiveDate>,
}

/// Everything the layer found in one article.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub pronouns: Vec<PronounLink>,
    pub quotations: Vec<Quotation>,
    pub attributions: Vec<Attribution>,
    pub clauses: Vec<Clause>,
}

/// Analyses one article: `text` is its cleaned text and `paragraphs` the
/// spans of its paragraphs in it (headings excluded by the caller).
pub fn analyse(text: &str, paragraphs: &[Span], context: &Context) -> Analysis {
    let paragraphs: Vec<Span> = if paragraphs.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        paragraphs.to_vec()
    };
    let sentences: Vec<Span> = paragraphs
        .iter()
        .flat_map(|p| {
            newsdesk_text::split_sentences(&text[p.range()])
                .into_iter()
                .map(move |s| s.shift(p.start))
        })
        .collect();
    let tokens = tokens::tokenise(text, &sentences);
    let quotations = quotations::find(text, &paragraphs, &sentences);
    let mut mentions = mentions::find(text, &tokens, &sentences);
    let (entities, pronouns) =
        coreference::resolve(text, &tokens, &sentences, &quotations, &mut mentions);
    let mut analysis = Analysis {
        paragraphs,
        sentences,
        mentions,
        entities,
        pronouns,
        quotations,
        attributions: Vec::new(),
        clauses: Vec::new(),
    };
    analysis.attributions = quotations::attribute(text, &tokens, &analysis);
    analysis.clauses = clauses::find(text, &analysis.sentences, context);
    analysis
}

impl Analysis {
    /// The entity a mention belongs to.
    pub fn entity_of(&self, mention: &Mention) -> &Entity {
        &self.entities[mention.entity]
    }

    /// The mentions inside a span of the text.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &Mention> {
        self.mentions
            .iter()
            .filter(move |m| m.span.start >= span.start && m.span.end <= span.end)
    }

    /// The one entity a definite description in `text[span]` stands for:
    /// "the union" for the one organisation whose name ends in "Union",
    /// "union officials" for it too, "the minister" for the one person the
    /// article titles "Minister". `None` when none or several fit.
    pub fn described(&self, text: &str, span: Span) -> Option<usize> {
        let words: Vec<String> = text[span.range()]
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let (head, modifiers) = words.split_last()?;
        let nouns: Vec<&String> = if lexicon::is_role_noun(head) {
            modifiers.iter().chain(std::iter::once(head)).collect()
        } else {
            vec![head]
        };
        let mut fits: Vec<usize> = Vec::new();
        for (e, entity) in self.entities.iter().enumerate() {
            let last = entity.name.rsplit(' ').next().unwrap_or("").to_lowercase();
            let fit = match entity.kind {
                NameKind::Organisation => {
                    entity.name.contains(' ') && nouns.iter().any(|n| **n == last)
                }
                NameKind::Person => entity.mentions.iter().any(|&m| {
                    self.mentions[m].title.is_some_and(|t| {
                        text[t.range()]
                            .split_whitespace()
                            .any(|w| w.to_lowercase() == *head)
                    })
                }),
                _ => false,
            };
            if fit {
                fits.push(e);
            }
        }
        (fits.len() == 1).then(|| fits[0])
    }

    /// The speaker a story may print for an attribution: a named entity
    /// (with the role an apposition gives) or an indefinite description,
    /// and only when the attribution is certain.
    pub fn speaker(&self, text: &str, attribution: &Attribution) -> Option<String> {
        match (&attribution.source, attribution.confidence) {
            (Some(QuoteSource::Entity { entity, .. }), Confidence::Certain) => {
                let name = self.entities[*entity].name.clone();
                Some(match attribution.role {
                    Some(role) => format!("{name}, {}", &text[role.range()]),
                    None => name,
                })
            }
            (Some(QuoteSource::Description(span)), Confidence::Certain) => {
                Some(text[span.range()].to_string())
            }
            _ => None,
        }
    }
}
