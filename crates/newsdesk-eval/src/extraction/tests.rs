use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn assert_score(score: PageScore, tp: f64, fp: f64, fn_: f64) {
    assert!(
        close(score.tp, tp) && close(score.fp, fp) && close(score.fn_, fn_),
        "got {score:?}, wanted tp {tp} fp {fp} fn {fn_}"
    );
}

#[test]
fn identical_texts_share_every_shingle() {
    // Five tokens make two shingles on each side, both shared.
    let score = shingle_scores("a b c d e", "a b c d e");
    assert_score(score, 1.0, 0.0, 0.0);
    assert_eq!(
        (score.precision(), score.recall(), score.f1()),
        (Some(1.0), Some(1.0), 1.0)
    );
}

#[test]
fn one_changed_word_costs_the_shingles_that_hold_it() {
    // Truth shingles: 1234, 2345, 3456. Prediction: 1234, 2345, 345x.
    // tp 2, fp 1, fn 1, out of 4.
    let score = shingle_scores(
        "one two three four five six",
        "one two three four five seven",
    );
    assert_score(score, 0.5, 0.25, 0.25);
    assert!(close(score.precision().unwrap(), 2.0 / 3.0));
    assert!(close(score.recall().unwrap(), 2.0 / 3.0));
    assert!(close(score.f1(), 2.0 / 3.0));
}

#[test]
fn tokens_keep_their_case() {
    // The benchmark does not lowercase: "The" and "the" differ.
    let score = shingle_scores("The cat sat down", "the cat sat down");
    assert_score(score, 0.0, 0.5, 0.5);
    assert_eq!(score.f1(), 0.0);
}

#[test]
fn punctuation_and_spacing_do_not_matter() {
    let score = shingle_scores("Hello, world! It's fine.", "Hello\nworld -- It s   fine");
    assert_score(score, 1.0, 0.0, 0.0);
}

#[test]
fn short_texts_make_one_short_shingle() {
    assert_score(
        shingle_scores("Breaking news", "Breaking: news!"),
        1.0,
        0.0,
        0.0,
    );
    // Three tokens are one 3-token shingle, which differs from the 2-token one.
    assert_score(
        shingle_scores("Breaking news", "Breaking news today"),
        0.0,
        0.5,
        0.5,
    );
}

#[test]
fn shingles_are_counted_as_multisets() {
    // Truth "a b c d a b c d": abcd twice, bcda, cdab, dabc. Prediction: abcd once.
    // tp 1, fp 0, fn 4, out of 5.
    let score = shingle_scores("a b c d a b c d", "a b c d");
    assert_score(score, 0.2, 0.0, 0.8);
    assert_eq!(score.precision(), Some(1.0));
    assert!(close(score.recall().unwrap(), 0.2));
    // The other way round, the extra copy is a false positive.
    let score = shingle_scores("a b c d", "a b c d a b c d");
    assert_score(score, 0.2, 0.8, 0.0);
    assert_eq!(score.recall(), Some(1.0));
}

#[test]
fn empty_prediction_has_no_precision_and_zero_recall() {
    let score = shingle_scores("one two three four", "  ... ");
    assert_score(score, 0.0, 0.0, 1.0);
    assert_eq!(
        (score.precision(), score.recall(), score.f1()),
        (None, Some(0.0), 0.0)
    );
}

#[test]
fn empty_truth_has_zero_precision_and_no_recall() {
    let score = shingle_scores("", "Subscribe to our newsletter today");
    assert_score(score, 0.0, 1.0, 0.0);
    assert_eq!((score.precision(), score.recall()), (Some(0.0), None));
}

#[test]
fn both_empty_counts_nowhere_but_ranks_as_perfect() {
    let score = shingle_scores("", "");
    assert_eq!(score, PageScore::default());
    assert_eq!(
        (score.precision(), score.recall(), score.f1()),
        (None, None, 1.0)
    );
}

#[test]
fn aggregate_averages_over_the_pages_that_count() {
    let pages = [
        shingle_scores("a b c d e", "a b c d e"), // precision 1, recall 1
        shingle_scores("a b c d a b c d", "a b c d"), // precision 1, recall 0.2
        shingle_scores("one two three four", ""), // no precision, recall 0
        shingle_scores("", "one two three four"), // precision 0, no recall
        shingle_scores("", ""),                   // neither
    ];
    let summary = aggregate(&pages);
    assert!(close(summary.precision, 2.0 / 3.0), "{summary:?}");
    assert!(close(summary.recall, 0.4), "{summary:?}");
    // 2 * (2/3) * 0.4 / (2/3 + 0.4) = (8/15) / (16/15)
    assert!(close(summary.f1, 0.5), "{summary:?}");
    assert_eq!(summary.pages, 5);
}

#[test]
fn aggregate_f1_is_not_the_mean_of_page_f1() {
    // One page all wrong with something predicted, one page perfect.
    let pages = [
        shingle_scores("a b c d", "w x y z"),
        shingle_scores("a b c d", "a b c d"),
    ];
    let summary = aggregate(&pages);
    assert!(close(summary.precision, 0.5) && close(summary.recall, 0.5) && close(summary.f1, 0.5));
    let pages = [
        shingle_scores("a b c d e f g", "a b c d"),
        shingle_scores("a b c d", "a b c d e f g"),
    ];
    // Page 1: tp 1, fn 3 -> precision 1, recall 1/4. Page 2 mirrors it.
    let summary = aggregate(&pages);
    assert!(
        close(summary.precision, 0.625) && close(summary.recall, 0.625) && close(summary.f1, 0.625)
    );
    assert!(close(pages[0].f1(), 0.4));
}

#[test]
fn aggregate_of_nothing_is_zero() {
    let summary = aggregate(&[]);
    assert_eq!(
        (summary.precision, summary.recall, summary.f1, summary.pages),
        (0.0, 0.0, 0.0, 0)
    );
    let summary = aggregate(&[PageScore::default()]);
    assert_eq!((summary.f1, summary.pages), (0.0, 1));
}

#[test]
fn tokens_are_unicode_letters_digits_and_underscores() {
    let chars = WordChars::PythonRe;
    assert_eq!(
        tokens("Привет, мир! 2024 год_1", chars),
        ["Привет", "мир", "2024", "год_1"]
    );
    assert_eq!(tokens("東京 2020—²½", chars), ["東京", "2020", "²½"]);
    assert_eq!(
        tokens("it's £5.99 (approx.)", chars),
        ["it", "s", "5", "99", "approx"]
    );
    assert!(tokens(" \n\t.,;", chars).is_empty());
}

#[test]
fn python_word_chars_split_at_combining_marks() {
    let python = WordChars::PythonRe;
    // Each token as Python 3.11's re.findall(r'\w+', ...) gives it.
    assert_eq!(tokens("كَتَبَ", python), ["ك", "ت", "ب"]);
    assert_eq!(tokens("हिन्दी", python), ["ह", "न", "द"]);
    assert_eq!(tokens("cafe\u{301} noir", python), ["cafe", "noir"]);
    assert_eq!(tokens("love \u{2764}\u{fe0f} you", python), ["love", "you"]);
    assert_eq!(tokens("\u{24b6} b", python), ["b"]);
}

#[test]
fn alphanumeric_and_marks_keep_marked_words_whole() {
    let marks = WordChars::AlphanumericAndMarks;
    assert_eq!(tokens("كَتَبَ", marks), ["كَتَبَ"]);
    assert_eq!(tokens("हिन्दी", marks), ["हिन्दी"]);
    assert_eq!(tokens("cafe\u{301} noir", marks), ["cafe\u{301}", "noir"]);
    assert_eq!(
        tokens("love \u{2764}\u{fe0f} you", marks),
        ["love", "\u{fe0f}", "you"]
    );
    assert_eq!(tokens("\u{24b6} b", marks), ["\u{24b6}", "b"]);
}

#[test]
fn conventions_can_score_the_same_page_differently() {
    // Decomposed vs precomposed accents: Python's \w drops the mark, so both
    // sides read "Jose"; keeping marks makes the two words differ.
    let truth = "Jose\u{301} said the vote was fair";
    let prediction = "Jos\u{e9} said the vote was fair";
    // A precomposed "é" is a letter in both conventions, so "José" differs
    // from either reading of the truth's first word: one of three shingles.
    assert!(close(shingle_scores(truth, prediction).f1(), 2.0 / 3.0));
    let python = shingle_scores_with(truth, "Jose said the vote was fair", WordChars::PythonRe);
    assert_eq!(python.f1(), 1.0);
    let marks = shingle_scores_with(
        truth,
        "Jose said the vote was fair",
        WordChars::AlphanumericAndMarks,
    );
    assert!(close(marks.f1(), 2.0 / 3.0));
}

#[test]
fn mark_table_is_sorted_and_covers_known_marks() {
    assert!(MARKS.windows(2).all(|w| w[0].1 < w[1].0));
    assert!(MARKS.iter().all(|&(first, last)| first <= last));
    for c in [
        '\u{300}',
        '\u{36f}',
        '\u{64e}',
        '\u{94d}',
        '\u{93e}',
        '\u{fe0f}',
        '\u{20dd}',
        '\u{e01ef}',
    ] {
        assert!(is_mark(c), "{:04X}", c as u32);
    }
    for c in ['a', '\u{2ff}', '\u{370}', 'ك', '\u{fe10}', ' '] {
        assert!(!is_mark(c), "{:04X}", c as u32);
    }
}
