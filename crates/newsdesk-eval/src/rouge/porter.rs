//! The Porter stemmer as ROUGE-1.5.5 runs it with `-m`.
//!
//! ROUGE-1.5.5 carries Martin Porter's Perl release of his algorithm
//! (Porter, 1980, "An algorithm for suffix stripping", Program 14(3)), which
//! states every condition as a regular expression over the word, with one
//! local change by Chin-Yew Lin to step 4. This is neither the strict 1980
//! paper nor Snowball's "Porter2", and the differences change stems that
//! news text uses, so this module follows the Perl release rule by rule:
//!
//! - Step 2 has the release's `bli -> ble` (the paper's `abli -> able`) and
//!   its extra `logi -> log`.
//! - Step 4 first removes the longest of `al ance ence er ic able ible ant
//!   ement ou ism ate iti ous ive ize` when the measure of the rest is above
//!   one; then, on what is left, `ment`, and then `ent` or else `(s|t)ion`,
//!   each under the same condition. A word can lose two suffixes here, and
//!   a word that keeps `ement` can still lose `ent`: "agreement" becomes
//!   "agreem" where the paper leaves "agreement".
//! - Every condition is the regular expression of the release, not Porter's
//!   counting of the measure: `[C]VC...` with consonant `[^aeiou]` followed
//!   by `[^aeiouy]*` and vowel `[aeiouy]` followed by `[aeiou]*`. A `y` is
//!   therefore a vowel after a consonant but a consonant at the start of a
//!   consonant run, and a leading `y` is upper-cased so that it never counts
//!   as a vowel.
//!
//! The expressions are matched here by a small backtracking matcher over
//! the same character classes, so that each condition answers exactly as
//! Perl's matcher does. Words shorter than three bytes are returned as they
//! are, as in the release. The input is meant to be lower-case ASCII, which
//! is all ROUGE's tokeniser leaves; other bytes count as consonants.

/// A character class of the release's expressions.
#[derive(Clone, Copy)]
enum Class {
    /// `[^aeiou]`: starts a consonant run.
    Consonant,
    /// `[aeiouy]`: starts a vowel run.
    Vowel,
    /// `[^aeiouy]`: continues a consonant run.
    NotVowelOrY,
    /// `[aeiou]`: continues a vowel run.
    PlainVowel,
    /// `[^aeiouwxy]`: the last letter of a consonant-vowel-consonant end.
    CvcLast,
}

impl Class {
    fn admits(self, b: u8) -> bool {
        let plain_vowel = matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
        match self {
            Class::Consonant => !plain_vowel,
            Class::Vowel => plain_vowel || b == b'y',
            Class::NotVowelOrY => !plain_vowel && b != b'y',
            Class::PlainVowel => plain_vowel,
            Class::CvcLast => !plain_vowel && !matches!(b, b'w' | b'x' | b'y'),
        }
    }
}

/// One element of an expression: a single character or a starred class.
#[derive(Clone, Copy)]
enum Atom {
    One(Class),
    Any(Class),
}

use Atom::{Any, One};
use Class::{Consonant as C, CvcLast, NotVowelOrY as N, PlainVowel as A, Vowel as V};

/// An expression anchored at the start, as alternatives: the release's
/// optional groups `(...)?` are spelled out as one alternative with the
/// group and one without.
struct Pattern {
    alternatives: &'static [&'static [Atom]],
    /// Anchored at the end too (`$`).
    whole: bool,
}

impl Pattern {
    fn matches(&self, word: &[u8]) -> bool {
        self.alternatives
            .iter()
            .any(|atoms| match_from(atoms, word, 0, self.whole))
    }
}

fn match_from(atoms: &[Atom], word: &[u8], at: usize, whole: bool) -> bool {
    match atoms.split_first() {
        None => !whole || at == word.len(),
        Some((One(class), rest)) => {
            at < word.len() && class.admits(word[at]) && match_from(rest, word, at + 1, whole)
        }
        Some((Any(class), rest)) => {
            let mut end = at;
            while end < word.len() && class.admits(word[end]) {
                end += 1;
            }
            (at..=end)
                .rev()
                .any(|next| match_from(rest, word, next, whole))
        }
    }
}

/// `^([C])?[V][C]`: measure above zero. (The trailing `[^aeiouy]*` of the
/// last consonant run cannot change whether a prefix matches, so it is left
/// out of the unanchored patterns.)
const MEASURE_ABOVE_0: Pattern = Pattern {
    alternatives: &[
        &[One(C), Any(N), One(V), Any(A), One(C)],
        &[One(V), Any(A), One(C)],
    ],
    whole: false,
};

/// `^([C])?[V][C]([V])?$`: measure exactly one.
const MEASURE_IS_1: Pattern = Pattern {
    alternatives: &[
        &[One(C), Any(N), One(V), Any(A), One(C), Any(N)],
        &[
            One(C),
            Any(N),
            One(V),
            Any(A),
            One(C),
            Any(N),
            One(V),
            Any(A),
        ],
        &[One(V), Any(A), One(C), Any(N)],
        &[One(V), Any(A), One(C), Any(N), One(V), Any(A)],
    ],
    whole: true,
};

/// `^([C])?[V][C][V][C]`: measure above one.
const MEASURE_ABOVE_1: Pattern = Pattern {
    alternatives: &[
        &[
            One(C),
            Any(N),
            One(V),
            Any(A),
            One(C),
            Any(N),
            One(V),
            Any(A),
            One(C),
        ],
        &[One(V), Any(A), One(C), Any(N), One(V), Any(A), One(C)],
    ],
    whole: false,
};

/// `^([C])?v`: the stem has a vowel.
const HAS_VOWEL: Pattern = Pattern {
    alternatives: &[&[One(C), Any(N), One(V)], &[One(V)]],
    whole: false,
};

/// `^[C]v[^aeiouwxy]$`: a whole stem of the shape consonant run, vowel,
/// consonant other than w, x or y ("hop", "trap").
const SHORT_CVC: Pattern = Pattern {
    alternatives: &[&[One(C), Any(N), One(V), One(CvcLast)]],
    whole: true,
};

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: &[&str] = &[
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize",
];

/// The longest suffix of `word` in `suffixes`, with its index: what a
/// regular expression `(s1|s2|...)$` matches, since the leftmost match wins.
fn longest_suffix<'a, T>(
    word: &[u8],
    suffixes: &'a [T],
    text: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    suffixes
        .iter()
        .filter(|s| word.ends_with(text(s).as_bytes()))
        .max_by_key(|s| text(s).len())
}

/// The stem of one lower-case word, as ROUGE-1.5.5's `stem` gives it.
pub fn stem(word: &str) -> String {
    if word.len() < 3 {
        return word.to_string();
    }
    let mut w: Vec<u8> = word.as_bytes().to_vec();
    let leading_y = w[0] == b'y';
    if leading_y {
        w[0] = b'Y';
    }

    // Step 1a: (ss|i)es -> ss|i, else [^s]s -> [^s].
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with(b"s") && w[w.len() - 2] != b's' {
        w.pop();
    }

    // Step 1b.
    if w.ends_with(b"eed") {
        if MEASURE_ABOVE_0.matches(&w[..w.len() - 3]) {
            w.pop();
        }
    } else if let Some(cut) = [&b"ed"[..], &b"ing"[..]]
        .iter()
        .find(|s| w.ends_with(s))
        .map(|s| w.len() - s.len())
    {
        if HAS_VOWEL.matches(&w[..cut]) {
            w.truncate(cut);
            let n = w.len();
            if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
                w.push(b'e');
            } else if n >= 2 && w[n - 1] == w[n - 2] && !b"aeiouylsz".contains(&w[n - 1]) {
                w.pop();
            } else if SHORT_CVC.matches(&w) {
                w.push(b'e');
            }
        }
    }

    // Step 1c: y -> i after a stem with a vowel.
    if w.ends_with(b"y") && HAS_VOWEL.matches(&w[..w.len() - 1]) {
        let last = w.len() - 1;
        w[last] = b'i';
    }

    // Steps 2 and 3: replace a suffix when the measure of the rest is > 0.
    for table in [STEP2, STEP3] {
        if let Some((suffix, replacement)) = longest_suffix(&w, table, |(s, _)| s) {
            let cut = w.len() - suffix.len();
            if MEASURE_ABOVE_0.matches(&w[..cut]) {
                w.truncate(cut);
                w.extend_from_slice(replacement.as_bytes());
            }
        }
    }

    // Step 4, as ROUGE-1.5.5 changed it: three removals in a row.
    if let Some(suffix) = longest_suffix(&w, STEP4, |s| s) {
        let cut = w.len() - suffix.len();
        if MEASURE_ABOVE_1.matches(&w[..cut]) {
            w.truncate(cut);
        }
    }
    if w.ends_with(b"ment") {
        let cut = w.len() - 4;
        if MEASURE_ABOVE_1.matches(&w[..cut]) {
            w.truncate(cut);
        }
    }
    // Then "ent", or else "ion" after s or t: three bytes either way.
    if w.ends_with(b"ent") || w.ends_with(b"sion") || w.ends_with(b"tion") {
        let cut = w.len() - 3;
        if MEASURE_ABOVE_1.matches(&w[..cut]) {
            w.truncate(cut);
        }
    }

    // Step 5: a final e, and ll -> l.
    if w.ends_with(b"e") {
        let rest = &w[..w.len() - 1];
        if MEASURE_ABOVE_1.matches(rest) || (MEASURE_IS_1.matches(rest) && !SHORT_CVC.matches(rest))
        {
            w.pop();
        }
    }
    if w.ends_with(b"ll") && MEASURE_ABOVE_1.matches(&w) {
        w.pop();
    }

    if leading_y {
        w[0] = w[0].to_ascii_lowercase();
    }
    // Only ASCII bytes were removed, added or changed, so `w` is still UTF-8.
    String::from_utf8(w).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
