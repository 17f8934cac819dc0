//! Any bytes as an OPML subscription list: reading returns the feeds it
//! could read and a problem for each part it could not, or an error for a
//! document that is no OPML at all, never a panic; what it read writes out
//! and reads back to the same addresses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk_feeds::{read_opml, write_opml};

fuzz_target!(|data: &[u8]| {
    let Ok(list) = read_opml(data) else {
        return;
    };
    for problem in &list.problems {
        assert!(!problem.reason.is_empty());
    }
    let again = read_opml(write_opml("fuzz", &list.subscriptions).as_bytes())
        .expect("what newsdesk writes, it reads");
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    let urls = |list: &newsdesk_feeds::OpmlList| -> Vec<String> {
        list.subscriptions.iter().map(|s| s.url.clone()).collect()
    };
    assert_eq!(urls(&again), urls(&list));
});
