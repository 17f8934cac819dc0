//! Name mentions and their types.

use crate::tokens::Token;
use crate::{Mention, Quotation, Span};

pub fn find(
    _text: &str,
    _tokens: &[Token],
    _sentences: &[Span],
    _quotations: &[Quotation],
) -> Vec<Mention> {
    Vec::new()
}
