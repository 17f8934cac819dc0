use super::split_sentences;

fn check(text: &str, expected: &[&str]) {
    let got: Vec<&str> = split_sentences(text)
        .into_iter()
        .map(|s| &text[s.range()])
        .collect();
    assert_eq!(got, expected, "splitting {text:?}");
}

#[test]
fn splits_plain_sentences() {
    check(
        "One thing. Another thing! A third? Yes.",
        &["One thing.", "Another thing!", "A third?", "Yes."],
    );
}

#[test]
fn keeps_titles_initials_and_month_abbreviations() {
    check(
        "Mr. Peskov spoke on Dec. 25 with Gen. J. R. Smith. He left.",
        &[
            "Mr. Peskov spoke on Dec. 25 with Gen. J. R. Smith.",
            "He left.",
        ],
    );
}

#[test]
fn dotted_acronyms_end_a_sentence_only_before_a_common_word() {
    check(
        "U.S. officials met. They flew to the U.S. The talks ended.",
        &[
            "U.S. officials met.",
            "They flew to the U.S.",
            "The talks ended.",
        ],
    );
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    check(
        "He said: “We are ready.” Then he left. She added, \"Not yet.\" Done.",
        &[
            "He said: “We are ready.”",
            "Then he left.",
            "She added, \"Not yet.\"",
            "Done.",
        ],
    );
}

#[test]
fn lower_case_after_a_period_does_not_split() {
    check(
        "It ended at 5 p.m. on Friday. Next.",
        &["It ended at 5 p.m. on Friday.", "Next."],
    );
}

#[test]
fn decimals_and_urls_do_not_split() {
    check(
        "Growth was 2.5 percent, see example.com for more. Ok.",
        &["Growth was 2.5 percent, see example.com for more.", "Ok."],
    );
}

#[test]
fn newlines_end_sentences_and_spans_are_trimmed() {
    let text = "  A heading\nA body sentence.  ";
    check(text, &["A heading", "A body sentence."]);
}

#[test]
fn empty_and_whitespace_give_nothing() {
    check("", &[]);
    check("   \n  ", &[]);
}

#[test]
fn non_ascii_text_keeps_char_boundaries() {
    check(
        "Привет, мир. Как дела? Всё хорошо…",
        &["Привет, мир.", "Как дела?", "Всё хорошо…"],
    );
}

#[test]
fn a_quotation_glued_to_the_sentence_before_starts_a_new_one() {
    check(
        "\"We will win,\" said Mayor Ana Ruiz.\"So that is the plan.\" She left.",
        &[
            "\"We will win,\" said Mayor Ana Ruiz.",
            "\"So that is the plan.\"",
            "She left.",
        ],
    );
    check(
        "The vote ended.“We lost,” he said.",
        &["The vote ended.", "“We lost,” he said."],
    );
    // A closing mark glued to the next word is not an opening one.
    check(
        "He said \"No.\"Then he left.",
        &["He said \"No.\"Then he left."],
    );
}
