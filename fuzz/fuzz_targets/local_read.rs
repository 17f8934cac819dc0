//! Any bytes through the bounded reader every local input takes (files,
//! standard input, watched folders), plain or gzip-compressed: it returns
//! at most `limit` bytes or an error, never panics, and gives plain input
//! within the limit back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk_fetch::local::{read_stream, LocalReadError};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // A small limit, so that the fuzzer reaches it often, and gzip input
    // that inflates past it (a bomb) is exercised.
    let limit = usize::from(first) * 64;
    match read_stream(rest, limit) {
        Ok(input) => {
            assert!(input.bytes.len() <= limit);
            if !input.gzipped {
                assert_eq!(input.bytes, rest);
            }
        }
        Err(LocalReadError::TooLarge { limit: said, .. }) => assert_eq!(said, limit),
        Err(LocalReadError::Gzip(_)) => assert!(rest.starts_with(&[0x1f, 0x8b, 0x08])),
        Err(other) => panic!("a stream cannot fail with {other}"),
    }
});
