use super::*;

#[test]
fn empty_and_whitespace_inputs_are_refused() {
    assert!(matches!(
        extract(b"", Format::Text, "x", None),
        Err(ExtractError::Empty)
    ));
    assert!(matches!(
        extract(b" \n\t ", Format::Html, "x", None),
        Err(ExtractError::Empty)
    ));
}

#[test]
fn binary_and_invalid_utf8_inputs_are_refused_with_reasons() {
    let binary = [0u8, 1, 2, 3, 0, 255, 0, 17, 0, 0, 0, 9];
    assert!(matches!(
        extract(&binary, Format::Text, "x", None),
        Err(ExtractError::Decode(DecodeError::Binary))
    ));
    let invalid = b"Headline\n\nA body line with a bad byte \xff in it.";
    let error = extract(invalid, Format::Text, "x", None).unwrap_err();
    assert!(error.to_string().contains("not valid UTF-8"), "{error}");
}

#[test]
fn inputs_with_nothing_but_furniture_have_no_text() {
    let only_furniture = b"Home\nShow more\nShare this article\n";
    assert!(matches!(
        extract(only_furniture, Format::Text, "x", None),
        Err(ExtractError::NoText)
    ));
}

#[test]
fn oversized_inputs_are_refused_before_parsing() {
    let huge = vec![b'a'; MAX_INPUT_BYTES + 1];
    assert!(matches!(
        extract(&huge, Format::Html, "x", None),
        Err(ExtractError::TooLarge { .. })
    ));
}

#[test]
fn control_characters_are_removed_from_every_field_and_spans_stay_exact() {
    let page = "<html><head><title>Dam \u{1b}]0;owned\u{7}opens</title>\
        <meta name=\"author\" content=\"Ana \u{1b}[31mRuiz\">\
        <meta property=\"article:published_time\" content=\"9999-12-31T00:00:00Z\"></head>\
        <body><article><h1>Dam \u{1b}]0;owned\u{7}opens</h1>\
        <p>The new dam on the Orra river opened on Monday\u{1b}[2J after six years of building work, officials said.</p>\
        <p>It will supply\u{8} water to about \u{9b}40,000 homes in the valley, the regional water company said on Monday.</p>\
        </article></body></html>";
    let article = extract(page.as_bytes(), Format::Html, "x.html", None).unwrap();
    let fields = [
        article.title.clone().unwrap_or_default(),
        article.authors.join(" "),
        article.text.clone(),
    ];
    for field in &fields {
        assert!(
            !field.chars().any(|c| c.is_control() && c != '\n'),
            "{field:?}"
        );
    }
    assert!(article.text.contains("Monday[2J after"), "{}", article.text);
    for block in &article.blocks {
        let text = article.block_text(block);
        assert_eq!(text, text.trim());
        assert!(!text.is_empty());
    }
    assert_eq!(article.published, None, "year 9999 is no date");
}

#[test]
fn a_page_without_markup_is_read_as_text() {
    let saved = "Harbour pilots end their strike\n\n\
        The pilots of the port of Velmar returned to work on Monday after a \
        week-long strike over night shifts, their union said.\n\n\
        \"We have what we came for,\" said Ilse Marten, the union's secretary. \
        \"The rosters are fixed for good.\"\n";
    let article = extract(saved.as_bytes(), Format::Html, "pilots.html", None)
        .expect("plain text under an .html name is still an article");
    assert!(article.text.contains("We have what we came for"));
    assert!(article.blocks.len() >= 2, "{:?}", article.blocks);
    // One tag is enough to be read as HTML.
    assert!(has_markup(b"text <p>more</p>"));
    assert!(has_markup(b"<!doctype html>"));
    assert!(!has_markup(b"a < b and 3<4 are no tags"));
}
