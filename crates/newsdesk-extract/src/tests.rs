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
