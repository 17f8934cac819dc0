use super::*;

/// An invented document in the ECB+ format: tokens (with the sentence
/// each is in), then markables over token ids.
fn document(tokens: &[(u32, &str)], markables: &[(&str, &[u32])]) -> String {
    let mut xml = String::from("<Document doc_name=\"7_1ecb.xml\" doc_id=\"DOC1\">\n");
    for (i, (sentence, word)) in tokens.iter().enumerate() {
        let word = word.replace('&', "&amp;");
        xml.push_str(&format!(
            "<token t_id=\"{}\" sentence=\"{sentence}\" number=\"{i}\">{word}</token>\n",
            i + 1
        ));
    }
    xml.push_str("<Markables>\n");
    for (m, (tag, anchors)) in markables.iter().enumerate() {
        xml.push_str(&format!("<{tag} m_id=\"{m}\"  >\n"));
        for a in *anchors {
            xml.push_str(&format!("  <token_anchor t_id=\"{a}\"/>\n"));
        }
        xml.push_str(&format!("</{tag}>\n"));
    }
    xml.push_str(
        "<HUMAN_PART_PER m_id=\"99\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"t7_someone\" instance_id=\"HUM1\" />\n",
    );
    xml.push_str("</Markables>\n<Relations>\n<CROSS_DOC_COREF r_id=\"1\" note=\"HUM1\" >\n<source m_id=\"0\" />\n<target m_id=\"99\" />\n</CROSS_DOC_COREF>\n</Relations>\n</Document>\n");
    xml
}

const TOKENS: &[(u32, &str)] = &[
    (0, "Mayor"),      // 1
    (0, "Ann"),        // 2
    (0, "Quill"),      // 3
    (0, "said"),       // 4
    (0, "the"),        // 5
    (0, "Harbour"),    // 6
    (0, "Board"),      // 7
    (0, "of"),         // 8
    (0, "Norland"),    // 9
    (0, "met"),        // 10
    (0, "in"),         // 11
    (0, "Veldt"),      // 12
    (0, "("),          // 13
    (0, "Norland"),    // 14
    (0, ")"),          // 15
    (0, "."),          // 16
    (1, "Police"),     // 17
    (1, "say"),        // 18
    (1, "the"),        // 19
    (1, "actress"),    // 20
    (1, "left"),       // 21
    (1, "Veldt's"),    // 22
    (1, "Grand"),      // 23
    (1, "Hotel"),      // 24
    (1, "."),          // 25
    (2, "``"),         // 26
    (2, "She"),        // 27
    (2, "is"),         // 28
    (2, "fine"),       // 29
    (2, ","),          // 30
    (2, "''"),         // 31
    (2, "police"),     // 32
    (2, "told"),       // 33
    (2, "Smith"),      // 34
    (2, "&"),          // 35
    (2, "Co"),         // 36
    (2, "."),          // 37
    (3, "Norland"),    // 38
    (3, "n't"),        // 39
    (3, "agreed"),     // 40
    (3, "with"),       // 41
    (3, "the"),        // 42
    (3, "German"),     // 43
    (3, "government"), // 44
    (3, "."),          // 45
];

fn parsed() -> Document {
    let xml = document(
        TOKENS,
        &[
            ("HUMAN_PART_PER", &[1, 2, 3]),
            ("HUMAN_PART_ORG", &[5, 6, 7, 8, 9]),
            ("LOC_GEO", &[12]),
            ("LOC_GEO", &[14]),
            ("HUMAN_PART_ORG", &[17]),
            ("HUMAN_PART_PER", &[19, 20]),
            ("LOC_FAC", &[22, 23, 24]),
            ("LOC_GEO", &[22]),
            ("HUMAN_PART_PER", &[27]),
            ("HUMAN_PART_ORG", &[32]),
            ("HUMAN_PART_ORG", &[34, 35, 36]),
            ("HUMAN_PART_GPE", &[38]),
            ("HUMAN_PART_ORG", &[42, 43, 44]),
            ("HUMAN_PART_MET", &[9]),
            ("ACTION_OCCURRENCE", &[10]),
            // Discontinuous: not one name.
            ("HUMAN_PART_PER", &[2, 34]),
        ],
    );
    let mut documents = from_files([("7_1ecb.xml", xml.as_str())]).unwrap();
    assert_eq!(documents.len(), 1);
    documents.pop().unwrap()
}

#[test]
fn the_text_is_rebuilt_with_a_paragraph_per_sentence_and_natural_spacing() {
    let doc = parsed();
    assert_eq!(doc.name, "7_1ecb.xml");
    assert_eq!(doc.topic, 7);
    let paragraphs: Vec<&str> = doc
        .paragraphs
        .iter()
        .map(|p| &doc.text[p.range()])
        .collect();
    assert_eq!(
        paragraphs,
        [
            "Mayor Ann Quill said the Harbour Board of Norland met in Veldt (Norland).",
            "Police say the actress left Veldt's Grand Hotel.",
            "``She is fine,'' police told Smith & Co.",
            "Norlandn't agreed with the German government.",
        ]
    );
    assert_eq!(
        doc.text,
        paragraphs.join("\n\n"),
        "paragraphs are joined by a blank line"
    );
}

#[test]
fn gold_mentions_are_the_capitalised_names_with_their_kinds() {
    let doc = parsed();
    let mentions: Vec<(&str, GoldKind, &str)> = doc
        .mentions
        .iter()
        .map(|m| (&doc.text[m.span.range()], m.kind, m.tag.as_str()))
        .collect();
    assert_eq!(
        mentions,
        [
            // The title stays with the name: the gold is the markable.
            ("Mayor Ann Quill", GoldKind::Person, "HUMAN_PART_PER"),
            // "the" is dropped, the connector "of" kept.
            (
                "Harbour Board of Norland",
                GoldKind::Organisation,
                "HUMAN_PART_ORG"
            ),
            ("Veldt", GoldKind::Place, "LOC_GEO"),
            ("Norland", GoldKind::Place, "LOC_GEO"),
            // The possessive is not part of the name.
            ("Veldt", GoldKind::Place, "LOC_GEO"),
            ("Veldt's Grand Hotel", GoldKind::Place, "LOC_FAC"),
            ("Smith & Co", GoldKind::Organisation, "HUMAN_PART_ORG"),
            // A GPE that acts is still a place.
            ("Norland", GoldKind::Place, "HUMAN_PART_GPE"),
        ]
    );
    // "Police" opens its sentence and is written "police" elsewhere; "the
    // actress", "She", "police" and "the German government" are no
    // names; the metonymy, the action and the discontinuous markable are
    // not scored.
    assert_eq!(doc.markables, 14);
}

#[test]
fn a_lone_sentence_opening_word_never_written_in_lower_case_is_a_name() {
    let xml = document(
        &[(0, "Quill"), (0, "resigned"), (0, ".")],
        &[("HUMAN_PART_PER", &[1])],
    );
    let docs = from_files([("3_2ecbplus.xml", xml.as_str())]).unwrap();
    assert_eq!(docs[0].mentions.len(), 1);
    assert_eq!(docs[0].mentions[0].span, Span::new(0, 5));
    // The corpus decides: another document that writes "quill" in lower
    // case makes the opening "Quill" a common word.
    let other = document(&[(0, "a"), (0, "quill"), (0, "pen")], &[]);
    let docs = from_files([
        ("3_2ecbplus.xml", xml.as_str()),
        ("3_3ecb.xml", other.as_str()),
    ])
    .unwrap();
    assert!(docs[0].mentions.is_empty());
}

#[test]
fn common_words_in_a_title_case_headline_or_in_capitals_are_no_names() {
    let headline = document(
        &[
            (0, "Inmate"),
            (0, "Quill"),
            (0, "Escapes"),
            (0, "From"),
            (0, "County"),
            (0, "Jail"),
            (1, "A"),
            (1, "DRIVER"),
            (1, "saw"),
            (1, "an"),
            (1, "inmate"),
            (1, "leave"),
            (1, "the"),
            (1, "county"),
            (1, "jail"),
            (1, "and"),
            (1, "driver"),
            (1, "off"),
            (1, "."),
        ],
        &[
            ("HUMAN_PART_PER", &[1]),
            ("HUMAN_PART_PER", &[2]),
            ("LOC_FAC", &[5, 6]),
            ("HUMAN_PART_PER", &[8]),
            ("LOC_FAC", &[4, 5, 6]),
        ],
    );
    let docs = from_files([("3_2ecbplus.xml", headline.as_str())]).unwrap();
    let names: Vec<&str> = docs[0]
        .mentions
        .iter()
        .map(|m| &docs[0].text[m.span.range()])
        .collect();
    // "From County Jail": the capitalised preposition is dropped and the
    // rest is common words.
    assert_eq!(names, ["Quill"]);
    assert_eq!(docs[0].markables, 5);
}

#[test]
fn a_possessive_split_in_three_tokens_is_written_as_one_word() {
    let xml = document(
        &[(0, "Quill"), (0, "’"), (0, "s"), (0, "lawyer")],
        &[("HUMAN_PART_PER", &[1, 2])],
    );
    let docs = from_files([("3_2ecbplus.xml", xml.as_str())]).unwrap();
    assert_eq!(docs[0].text, "Quill’s lawyer");
    assert_eq!(docs[0].mentions[0].span, Span::new(0, 5));
}

#[test]
fn one_span_annotated_as_two_kinds_is_left_out() {
    let xml = document(
        &[(0, "Norland"), (0, "voted"), (0, ".")],
        &[
            ("HUMAN_PART_ORG", &[1]),
            ("LOC_GEO", &[1]),
            ("LOC_GEO", &[1]),
        ],
    );
    let docs = from_files([("5_1ecb.xml", xml.as_str())]).unwrap();
    assert!(docs[0].mentions.is_empty());
    assert_eq!(docs[0].markables, 3);
}

#[test]
fn entities_are_resolved() {
    let xml = "<Document><token t_id=\"1\" sentence=\"0\" number=\"0\">A&amp;B</token>\
               <token t_id=\"2\" sentence=\"0\" number=\"1\">&#233;t&#xE9;</token></Document>";
    let docs = from_files([("9_1ecb.xml", xml)]).unwrap();
    assert_eq!(docs[0].text, "A&B été");
}

#[test]
fn broken_files_are_errors_that_name_the_file() {
    let unclosed = "<Document><token t_id=\"1\" sentence=\"0\">A</tok></Document>";
    let error = from_files([("9_1ecb.xml", unclosed)]).unwrap_err();
    assert!(matches!(error, EcbError::Xml { .. }), "{error}");
    assert!(error.to_string().starts_with("9_1ecb.xml: "), "{error}");

    let no_id = "<Document><token sentence=\"0\">A</token></Document>";
    let error = from_files([("9_1ecb.xml", no_id)]).unwrap_err();
    assert_eq!(error.to_string(), "9_1ecb.xml: <token> without t_id");

    let dangling = document(&[(0, "A")], &[("LOC_GEO", &[4])]);
    let error = from_files([("9_1ecb.xml", dangling.as_str())]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "9_1ecb.xml: a LOC_GEO markable names t_id 4, no token"
    );

    let error = from_files([("notes.xml", dangling.as_str())]).unwrap_err();
    assert!(matches!(error, EcbError::Name(_)), "{error}");
}

#[test]
fn files_are_ordered_by_topic_then_number() {
    let mut names = vec![
        "12_1ecb.xml",
        "1_10ecb.xml",
        "1_2ecbplus.xml",
        "1_2ecb.xml",
        "3_1ecb.xml",
    ];
    names.sort_by_key(|n| order_key(n));
    assert_eq!(
        names,
        [
            "1_2ecb.xml",
            "1_2ecbplus.xml",
            "1_10ecb.xml",
            "3_1ecb.xml",
            "12_1ecb.xml"
        ]
    );
}

#[test]
fn a_missing_folder_is_an_error_that_names_it() {
    let error = load(Path::new("/nonexistent/ecbplus")).unwrap_err();
    assert!(
        error.to_string().contains("/nonexistent/ecbplus"),
        "{error}"
    );
}
