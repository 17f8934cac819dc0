//! SimHash fingerprints: near-identical texts get fingerprints a few bits
//! apart, so syndicated copies are found without comparing texts.

use newsdesk_text::{words, Word};

/// The 64-bit SimHash of a text's word 3-shingles.
pub fn simhash(text: &str) -> u64 {
    simhash_words(&words(text))
}

/// The SimHash of a text from its words.
pub(crate) fn simhash_words(tokens: &[Word]) -> u64 {
    let mut weights = [0i32; 64];
    let mut any = false;
    for shingle in tokens.windows(3) {
        any = true;
        let hash = fnv1a(shingle);
        for (bit, weight) in weights.iter_mut().enumerate() {
            if hash >> bit & 1 == 1 {
                *weight += 1;
            } else {
                *weight -= 1;
            }
        }
    }
    if !any {
        return 0;
    }
    weights
        .iter()
        .enumerate()
        .filter(|(_, w)| **w > 0)
        .fold(0u64, |acc, (bit, _)| acc | 1 << bit)
}

/// The number of differing bits.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// FNV-1a over the words of a shingle: fast, stable across runs and
/// platforms, good enough spread for SimHash.
fn fnv1a(shingle: &[Word]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in shingle {
        for byte in word.lower.bytes().chain(std::iter::once(b' ')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    // A final avalanche so nearby inputs differ in every bit position.
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash
}
