//! The language layer on any text, cut into paragraphs at blank lines:
//! no panic, and every annotation points inside the text at a character
//! boundary, with its indexes in range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk_language::{analyse, Context, QuoteSource, Span};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n\n") {
        if at > start {
            paragraphs.push(Span::new(start, at));
        }
        start = at + 2;
    }
    if start < text.len() {
        paragraphs.push(Span::new(start, text.len()));
    }
    let analysis = analyse(text, &paragraphs, &Context::default());
    let inside = |span: Span| {
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    };
    for mention in &analysis.mentions {
        inside(mention.span);
        assert!(mention.entity < analysis.entities.len());
    }
    for quotation in &analysis.quotations {
        inside(quotation.marked);
        inside(quotation.inner);
        inside(quotation.sentences);
    }
    for attribution in &analysis.attributions {
        assert!(attribution.quotation < analysis.quotations.len());
        match &attribution.source {
            Some(QuoteSource::Entity { entity, mention }) => {
                assert!(*entity < analysis.entities.len());
                inside(*mention);
            }
            Some(QuoteSource::Description(span) | QuoteSource::Unresolved(span)) => inside(*span),
            None => {}
        }
    }
    for clause in &analysis.clauses {
        inside(clause.span);
    }
});
