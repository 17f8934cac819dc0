use super::*;

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn porter_stems_the_papers_examples() {
    for (word, expected) in [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("relational", "relat"),
        ("generalization", "gener"),
        ("hopping", "hop"),
        ("agreed", "agre"),
        ("happy", "happi"),
        ("conditional", "condit"),
        ("hopeful", "hope"),
        ("controlling", "control"),
        ("electrical", "electr"),
    ] {
        assert_eq!(stem(word), expected, "stem of {word}");
    }
}

#[test]
fn porter_follows_the_perl_release_where_it_departs_from_the_paper() {
    // Step 2 of the release: "bli" -> "ble" and "logi" -> "log".
    assert_eq!(stem("sensibly"), "sensibl");
    assert_eq!(stem("archaeology"), "archaeolog");
    // ROUGE's step 4 removes "ent" from a word that kept "ement".
    assert_eq!(stem("agreement"), "agreem");
    assert_eq!(stem("replacement"), "replac");
    // A leading y is a consonant; short words are left alone.
    assert_eq!(stem("yelling"), "yell");
    assert_eq!(stem("sky"), "sky");
    assert_eq!(stem("is"), "is");
}

#[test]
fn tokens_lowercase_split_on_punctuation_and_hyphens_and_stem_long_words() {
    assert_eq!(
        tokens("The U.S.-led coalition's 2003 war, a cease-fire.", None),
        words(&["the", "u", "s", "led", "coalit", "s", "2003", "war", "a", "ceas", "fire"])
    );
    // Non-ASCII letters are separators, as bytes are in the Perl script.
    assert_eq!(tokens("Café Zürich", None), words(&["caf", "z", "rich"]));
    // Words of three letters or fewer are not stemmed ("was", "has").
    assert_eq!(tokens("was has lies", None), words(&["was", "has", "li"]));
}

#[test]
fn word_limit_counts_white_space_fields_before_tokenising() {
    // "( esp ." is three words for the limit, none of them tokens but "esp".
    assert_eq!(
        tokens("born in ( esp . February", Some(5)),
        words(&["born", "in", "esp"])
    );
    // The limit runs across lines and cuts the line that reaches it.
    assert_eq!(
        tokens("one two\nthree four\nfive", Some(3)),
        words(&["one", "two", "three"])
    );
    // A line that starts with white space has an empty first field, which
    // Perl's split counts as a word.
    assert_eq!(tokens(" alpha beta gamma", Some(2)), words(&["alpha"]));
    // No limit, or a limit of zero as in `-l 0`.
    assert_eq!(tokens("one two three", None).len(), 3);
    assert_eq!(tokens("one two three", Some(0)).len(), 3);
}

#[test]
fn unigram_and_bigram_counts_by_hand() {
    let system = "the cat sat on the mat";
    let reference = "the cat lay on the mat";
    // Unigrams: the x2, cat, on, mat match: 5 of 6 on both sides.
    let one = rouge_n_counts(system, &[reference], 1, None);
    assert_eq!(
        one,
        Counts {
            hits: 5,
            reference_ngrams: 6,
            system_ngrams: 6
        }
    );
    assert_eq!(
        one.score(),
        Score {
            recall: 0.83333,
            precision: 0.83333,
            f: 0.83333
        }
    );
    // Bigrams: "the cat", "on the", "the mat" match: 3 of 5.
    let two = rouge_n_counts(system, &[reference], 2, None);
    assert_eq!(
        (two.hits, two.reference_ngrams, two.system_ngrams),
        (3, 5, 5)
    );
    assert_eq!(rouge_n(system, &[reference], 2, None).recall, 0.6);
}

#[test]
fn matches_are_clipped_by_the_reference_count() {
    // The system says "the" four times; the reference only twice.
    let counts = rouge_n_counts("the the the the", &["the cat the"], 1, None);
    assert_eq!(counts.hits, 2);
    let score = counts.score();
    assert_eq!(score.recall, 0.66667);
    assert_eq!(score.precision, 0.5);
    // F from the rounded R and P: 0.33333.../0.58333... = 0.57143.
    assert_eq!(score.f, 0.57143);
}

#[test]
fn bigrams_run_across_sentence_lines() {
    let counts = rouge_n_counts("red fox\njumps high", &["fox jumps"], 2, None);
    assert_eq!(counts.hits, 1);
    assert_eq!(counts.system_ngrams, 3);
}

#[test]
fn stemming_makes_inflections_match() {
    let score = rouge_n("ponies galloped", &["pony gallops"], 1, None);
    // "ponies" and "pony" both give "poni"; "galloped" gives "gallop"
    // and "gallops" gives "gallop".
    assert_eq!(score.recall, 1.0);
}

#[test]
fn references_are_pooled_not_averaged() {
    // Reference 1: 2 of 2 unigrams found; reference 2: 1 of 4.
    // Pooled: 3 / 6 = 0.5 (an average per reference would give 0.625).
    let counts = rouge_n_counts("a b", &["a b", "a c d e"], 1, None);
    assert_eq!(
        counts,
        Counts {
            hits: 3,
            reference_ngrams: 6,
            system_ngrams: 4
        }
    );
    let score = counts.score();
    assert_eq!(score.recall, 0.5);
    assert_eq!(score.precision, 0.75);
    assert_eq!(score.f, 0.6);
}

#[test]
fn the_word_limit_cuts_system_and_references() {
    // Without a limit the system finds "four"; cut to three words it does
    // not, and the reference is cut to "one two three" as well.
    let reference = "one two three four";
    assert_eq!(rouge_n("four one two", &[reference], 1, None).recall, 0.75);
    let limited = rouge_n_counts("one two nine four", &[reference], 1, Some(3));
    assert_eq!(limited.hits, 2);
    assert_eq!(limited.reference_ngrams, 3);
    assert_eq!(limited.system_ngrams, 3);
}

#[test]
fn empty_texts_score_zero() {
    assert_eq!(
        rouge_n("", &["a reference"], 1, Some(100)),
        Score::default()
    );
    assert_eq!(rouge_n("a summary", &[""], 2, Some(100)), Score::default());
    assert_eq!(rouge_n("a summary", &[], 1, None), Score::default());
}

#[test]
fn average_is_the_mean_over_clusters() {
    let scores = [
        Score {
            recall: 0.5,
            precision: 0.25,
            f: 0.33333,
        },
        Score {
            recall: 0.3,
            precision: 0.75,
            f: 0.42857,
        },
    ];
    let mean = average(&scores);
    assert!((mean.recall - 0.4).abs() < 1e-12);
    assert!((mean.precision - 0.5).abs() < 1e-12);
    assert!((mean.f - 0.38095).abs() < 1e-12);
    assert_eq!(average(&[]), Score::default());
}
