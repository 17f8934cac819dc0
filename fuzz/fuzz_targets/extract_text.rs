//! Any bytes as a text input (a scraped dump, hard-wrapped copy or
//! newswire SGML): extraction must return articles or errors, never
//! panic, and every block span must lie inside its article's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk_extract::{extract_documents, Format};

fuzz_target!(|data: &[u8]| {
    for article in extract_documents(data, Format::Text, "fuzz", Some("fuzz"))
        .into_iter()
        .flatten()
    {
        for block in &article.blocks {
            assert!(article.text.get(block.span.range()).is_some());
        }
        let _ = newsdesk_compose::compose(std::slice::from_ref(&article), &Default::default());
    }
});
