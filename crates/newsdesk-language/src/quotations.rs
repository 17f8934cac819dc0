//! Quotations and attribution relations.

use crate::tokens::Token;
use crate::{Analysis, Attribution, Quotation, Span};

pub fn find(_text: &str, _paragraphs: &[Span], _sentences: &[Span]) -> Vec<Quotation> {
    Vec::new()
}

pub fn attribute(_text: &str, _tokens: &[Token], _analysis: &Analysis) -> Vec<Attribution> {
    Vec::new()
}
