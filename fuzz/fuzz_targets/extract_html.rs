//! Any bytes as an HTML page: extraction must return an article or an
//! error, never panic, and every block span must lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk_extract::{extract, Format};

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = extract(data, Format::Html, "fuzz", None) {
        for block in &article.blocks {
            assert!(article.text.get(block.span.range()).is_some());
        }
        // What extraction keeps must also survive composition.
        let _ = newsdesk_compose::compose(std::slice::from_ref(&article), &Default::default());
    }
});
