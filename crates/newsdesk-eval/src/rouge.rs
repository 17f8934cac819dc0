//! ROUGE-N as ROUGE-1.5.5 computes it with `-n 2 -m -l 100` (Lin, 2004).
//!
//! Every step below follows the Perl script (`readText`, `createNGram`,
//! `ngramScore`, `computeNGramScore`, `computeAverages`), with no other flag
//! set: no `-s`, no `-f`, no `-t`, no `-x`.
//!
//! 1. **Lines and case.** A text is read as lines (one sentence per line,
//!    ROUGE's SPL format); empty lines are skipped and ASCII letters are
//!    lower-cased (`tr/A-Z/a-z/`: other letters are not).
//! 2. **Word limit (`-l`)** is applied to the system summary *and to every
//!    reference*, before any tokenisation: words are the fields of Perl's
//!    `split(/\s+/, line)`, so punctuation standing alone counts ("( esp ."
//!    is three words) and a line that starts with white space has an empty
//!    first field that counts too. Whole lines are kept while the count
//!    stays under the limit; the line that reaches it is cut.
//! 3. **Tokens.** In the kept text every `-` becomes ` - ` and every byte
//!    other than ASCII letters, digits and `-` becomes a space; the tokens
//!    are the white-space separated fields that start with `[a-z0-9$]`, so
//!    hyphens and non-ASCII letters separate words ("U.S.-led" gives `u s
//!    led`, "café" gives `caf`).
//! 4. **Stemming (`-m`)**: tokens longer than three bytes are stemmed by
//!    [`porter::stem`]; shorter ones are kept as they are. ROUGE first looks
//!    the token up in a WordNet exception table (`WordNet-2.0.exc.db`) and
//!    returns the base form it finds there unstemmed. The table is not
//!    applied here: the copy shipped with ROUGE-1.5.5 does not open on
//!    current systems, and the rebuild command that the common set-up
//!    instructions give (`buildExeptionDB.pl ./WordNet-2.0-Exceptions
//!    ./smart_common_words.txt ./WordNet-2.0.exc.db`) passes the stop word
//!    file as the file extension, matches no exception file and writes an
//!    empty table, so most ROUGE-1.5.5 installations stem with Porter alone,
//!    as this module does. With a full table, irregular forms such as
//!    "said" or "children" would map to "say" and "child".
//! 5. **No stop words are removed** (no `-s`).
//! 6. **N-grams** run over the whole text, across sentence boundaries;
//!    counts are clipped per n-gram: a hit is `min(count in the system,
//!    count in the reference)`.
//! 7. **Several references (`-f A`, the default, "model average")**: the
//!    hits and the n-gram counts are *pooled* over the references before
//!    dividing, not averaged per reference: recall = Σ hits / Σ reference
//!    n-grams, precision = Σ hits / (number of references × system n-grams),
//!    F = P·R / (½P + ½R). A longer reference therefore weighs more.
//! 8. **Rounding**: R and P of one evaluation (one cluster) are rounded to
//!    five decimals (`%7.5f`), and F is computed from the rounded values and
//!    rounded again, as the script does.
//! 9. **Average over clusters** ([`average`]): the plain mean of the
//!    per-cluster scores. ROUGE-1.5.5 prints the per-cluster scores with
//!    `-d`, and these are what this module reproduces exactly (checked by
//!    `newsdesk bench rouge --peers` on every DUC 2003 cluster of every
//!    system). As its `Average_R` it prints not their plain mean but the
//!    mean of bootstrap resamples of them (`-r`, 1,000 by default, with a
//!    fixed seed): on 39 clusters that figure differs from the plain mean
//!    by 0.00-0.04 ROUGE points with 1,000 resamples and by 0.1-0.2 with
//!    the 100 that some wrappers pass, by the same amount for every system
//!    scored on the same clusters.

use std::collections::HashMap;

mod porter;
pub use porter::stem;

#[cfg(test)]
mod tests;

/// Recall, precision and F-measure (α = 0.5), each between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    pub recall: f64,
    pub precision: f64,
    pub f: f64,
}

/// The raw counts behind one [`Score`], pooled over the references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Clipped n-gram matches, summed over the references.
    pub hits: usize,
    /// N-grams of the references, summed over the references.
    pub reference_ngrams: usize,
    /// N-grams of the system summary, counted once per reference.
    pub system_ngrams: usize,
}

impl Counts {
    /// The score ROUGE-1.5.5 prints for these counts, rounded as it rounds.
    pub fn score(&self) -> Score {
        let ratio = |num: usize, den: usize| {
            if den == 0 {
                0.0
            } else {
                round5(num as f64 / den as f64)
            }
        };
        let recall = ratio(self.hits, self.reference_ngrams);
        let precision = ratio(self.hits, self.system_ngrams);
        let f = if precision + recall > 0.0 {
            round5(precision * recall / (0.5 * precision + 0.5 * recall))
        } else {
            0.0
        };
        Score {
            recall,
            precision,
            f,
        }
    }
}

/// Rounds to five decimals as Perl's `sprintf("%7.5f")` does (the exact
/// binary value, ties to even), by way of the same decimal formatting.
fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

/// ROUGE-N of one system summary against the references of its cluster.
///
/// `system` and each reference are texts with one sentence per line.
/// `word_limit` is `-l`: it cuts the system summary and every reference to
/// their first words (`None` or `Some(0)`: no limit, as `-l 0` in ROUGE).
pub fn rouge_n(system: &str, references: &[&str], n: usize, word_limit: Option<usize>) -> Score {
    rouge_n_counts(system, references, n, word_limit).score()
}

/// The counts behind [`rouge_n`].
pub fn rouge_n_counts(
    system: &str,
    references: &[&str],
    n: usize,
    word_limit: Option<usize>,
) -> Counts {
    let system_grams = ngrams(&tokens(system, word_limit), n);
    let system_total: usize = system_grams.values().sum();
    let mut counts = Counts::default();
    for reference in references {
        let reference_grams = ngrams(&tokens(reference, word_limit), n);
        counts.hits += reference_grams
            .iter()
            .map(|(gram, &count)| count.min(system_grams.get(gram).copied().unwrap_or(0)))
            .sum::<usize>();
        counts.reference_ngrams += reference_grams.values().sum::<usize>();
        counts.system_ngrams += system_total;
    }
    counts
}

/// The mean of per-cluster scores, field by field: the figure reported for
/// a system over a data set. Whatever produced the summaries, each cluster
/// counts once. An empty slice gives zeros.
pub fn average(scores: &[Score]) -> Score {
    if scores.is_empty() {
        return Score::default();
    }
    let n = scores.len() as f64;
    Score {
        recall: scores.iter().map(|s| s.recall).sum::<f64>() / n,
        precision: scores.iter().map(|s| s.precision).sum::<f64>() / n,
        f: scores.iter().map(|s| s.f).sum::<f64>() / n,
    }
}

/// The tokens ROUGE-1.5.5 counts n-grams over: the text cut to
/// `word_limit` words, then tokenised and stemmed (steps 1 to 5 above).
pub fn tokens(text: &str, word_limit: Option<usize>) -> Vec<String> {
    let kept = limit_words(text, word_limit.filter(|&l| l > 0));
    let mut spaced = String::with_capacity(kept.len() + 8);
    for c in kept.chars() {
        match c {
            '-' => spaced.push_str(" - "),
            c if c.is_ascii_alphanumeric() => spaced.push(c),
            _ => spaced.push(' '),
        }
    }
    spaced
        .split_ascii_whitespace()
        .filter(|t| {
            t.as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'$')
        })
        .map(|t| if t.len() > 3 { stem(t) } else { t.to_string() })
        .collect()
}

/// Perl's `\s` on a byte string: ASCII white space, vertical tab included.
fn perl_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// The fields of Perl's `split(/\s+/, line)`: an empty first field when the
/// line starts with white space, no empty fields at the end.
fn perl_split(line: &str) -> Vec<&str> {
    let mut fields: Vec<&str> = line.split(perl_space).collect();
    // Runs of white space give empty fields in between: drop them, but
    // keep a leading one.
    let leading = fields.first().is_some_and(|f| f.is_empty()) && fields.len() > 1;
    fields.retain(|f| !f.is_empty());
    if leading && !fields.is_empty() {
        fields.insert(0, "");
    }
    fields
}

/// ROUGE's `readText` for one-sentence-per-line input: the lines, ASCII
/// lower-cased, joined by spaces, cut to the first `limit` words.
fn limit_words(text: &str, limit: Option<usize>) -> String {
    let lines = text
        .split('\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.to_ascii_lowercase());
    let Some(limit) = limit else {
        return lines.collect::<Vec<_>>().join(" ");
    };
    let mut out = String::new();
    let mut count = 0;
    for line in lines {
        let fields = perl_split(&line);
        if count + fields.len() < limit {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&line);
            count += fields.len();
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&fields[..limit - count].join(" "));
            break;
        }
    }
    out
}

/// N-gram counts of a token list, as space-joined strings.
fn ngrams(tokens: &[String], n: usize) -> HashMap<String, usize> {
    let mut grams = HashMap::new();
    if n == 0 || tokens.len() < n {
        return grams;
    }
    for window in tokens.windows(n) {
        *grams.entry(window.join(" ")).or_insert(0) += 1;
    }
    grams
}
