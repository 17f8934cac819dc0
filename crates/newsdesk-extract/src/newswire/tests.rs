use super::*;
use crate::{extract_documents, Format};

const WITH_P: &str = "<DOC>
<DOCNO> NYT19981118.0166 </DOCNO>
<DATE_TIME> 1998-11-18 15:36 </DATE_TIME>
<TEXT>
<P>
   &UR;  &LR; Schizophrenia may be one of the most baffling of mental
illnesses, a major study has found.
</P>
<P>
   ``It's a shame,'' said Dr. Anthony F. Lehman of AT&AMP;T.
</P>
<P>
XXXX END OF STORY &QL;
</P>
</TEXT>
</DOC>";

const WITHOUT_P: &str = "<DOC>
<DOCNO> APW19981123.1118 </DOCNO>
<DATE_TIME> 11/23/1998 15:54:00 </DATE_TIME>
<TEXT>
 &UR; AP Photo
 &UR; By ALISON MUTLER &QC;
\t   BUCHAREST, Romania (AP) _ An Arctic cold wave has killed
at least 65 people throughout Europe.
\t   The weather played a role in at least 24 deaths.
\t   (ms-gb)
</TEXT>
</DOC>";

#[test]
fn paragraphs_are_cleaned_of_wire_codes_and_notes_are_dropped_with_a_reason() {
    let doc = parse(WITH_P).unwrap();
    assert_eq!(doc.docno, "NYT19981118.0166");
    assert_eq!(doc.date.as_deref(), Some("1998-11-18"));
    assert_eq!(doc.sort_key, "19981118 15:36");
    assert_eq!(
        doc.paragraphs,
        vec![
            "Schizophrenia may be one of the most baffling of mental illnesses, a major study has found.",
            "\"It's a shame,\" said Dr. Anthony F. Lehman of AT&T.",
        ]
    );
    assert_eq!(
        doc.dropped,
        vec![Dropped {
            text: "XXXX END OF STORY".to_string(),
            reason: DropReason::WireNote,
            line: None
        }]
    );
    let article = doc.to_article();
    assert_eq!(article.origin, "NYT19981118.0166");
    assert_eq!(article.outlet.as_deref(), Some("New York Times"));
    assert_eq!(article.blocks.len(), 2);
    assert_eq!(
        article.published,
        chrono::NaiveDate::from_ymd_opt(1998, 11, 18)
    );
    assert_eq!(article.dropped.len(), 1);
}

#[test]
fn text_without_p_splits_on_indented_lines_and_drops_furniture() {
    let doc = parse(WITHOUT_P).unwrap();
    assert_eq!(doc.sort_key, "19981123 15:54:00");
    assert_eq!(
        doc.paragraphs,
        vec![
            "BUCHAREST, Romania (AP) — An Arctic cold wave has killed at least 65 people throughout Europe.",
            "The weather played a role in at least 24 deaths.",
        ]
    );
    let reasons: Vec<(&str, DropReason)> = doc
        .dropped
        .iter()
        .map(|d| (d.text.as_str(), d.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("AP Photo", DropReason::WireNote),
            ("By ALISON MUTLER", DropReason::Byline),
            ("(ms-gb)", DropReason::WireNote),
        ]
    );
}

#[test]
fn paragraphs_ending_with_a_line_code_are_kept_and_centred_lines_dropped() {
    let doc = parse(
        "<DOC><DOCNO> NYT19990322.0075 </DOCNO><DATE_TIME> 03/22/1999 </DATE_TIME><TEXT>\
         <P>\nBy ANNA WRITER &QC;\n</P>\n<P>\nThe column starts here, and every paragraph ends \
         with a code. &QL;\n</P>\n<P>\nA second paragraph follows. &QL;\n</P>\n<P>\n\
         NYT-03-22-99 1530EST &QL;\n</P></TEXT></DOC>",
    )
    .unwrap();
    assert_eq!(
        doc.paragraphs,
        [
            "The column starts here, and every paragraph ends with a code.",
            "A second paragraph follows."
        ]
    );
}

#[test]
fn a_file_of_several_documents_gives_an_article_for_each_and_a_reason_for_each_broken_one() {
    let broken = "<DOC>\n<DOCNO> APW19981124.0001 </DOCNO>\n<HEADLINE>No text</HEADLINE>\n</DOC>";
    let no_number = "<DOC>\n<TEXT>\n<P>\nA paragraph without a number.\n</P>\n</TEXT>\n</DOC>";
    let file = format!("{WITH_P}\n{broken}\n{WITHOUT_P}\n{no_number}\n");
    let results = extract_documents(file.as_bytes(), Format::Text, "wire.sgml", Some("wire"));
    assert_eq!(results.len(), 4);
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.origin, "wire.sgml#NYT19981118.0166");
    assert!(matches!(results[1], Err(ExtractError::Newswire("<TEXT>"))));
    let third = results[2].as_ref().unwrap();
    assert_eq!(third.origin, "wire.sgml#APW19981123.1118");
    assert_eq!(third.outlet.as_deref(), Some("Associated Press"));
    assert!(matches!(results[3], Err(ExtractError::Newswire("<DOCNO>"))));
}

#[test]
fn a_single_document_keeps_the_input_as_its_origin() {
    let results = extract_documents(WITH_P.as_bytes(), Format::Text, "story.sgml", None);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].as_ref().unwrap().origin, "story.sgml");
}

#[test]
fn a_document_left_open_or_in_lower_case_is_still_read() {
    let open = "<doc>\n<docno> XIE19970326.0101 </docno>\n<text>\nBeijing said on Wednesday it \
                would open the port to foreign ships.\n";
    let results = extract_documents(open.as_bytes(), Format::Text, "x", None);
    let article = results[0].as_ref().unwrap();
    assert_eq!(article.outlet.as_deref(), Some("Xinhua"));
    assert_eq!(
        article.text,
        "Beijing said on Wednesday it would open the port to foreign ships."
    );
}

#[test]
fn a_document_of_notes_only_has_no_text() {
    let notes =
        "<DOC><DOCNO> APW19981123.1119 </DOCNO><TEXT><P>AP Photo</P><P>(ms-gb)</P></TEXT></DOC>";
    let results = extract_documents(notes.as_bytes(), Format::Text, "x", None);
    assert!(matches!(results[0], Err(ExtractError::NoText)));
}

#[test]
fn plain_text_that_only_mentions_a_doc_tag_is_read_as_text() {
    assert!(!is_newswire(
        "Our <DOC> format is described below.\n<TEXT> is a tag."
    ));
    assert!(!is_newswire("<DOC>\nno text element here\n</DOC>"));
    assert!(is_newswire("  \n<DOC>\n<TEXT>\n</TEXT>\n</DOC>"));
}

#[test]
fn a_long_paragraph_that_ends_in_a_stray_comma_is_still_prose() {
    let doc = parse(
        "<DOC><DOCNO> APW19981027.1075 </DOCNO><TEXT><P>Though the final report is probably more \
         than a year away, Bouchard said the board would issue recommendations at any point,</P>\
         <P>NYT-03-22-99 1530EST</P></TEXT></DOC>",
    )
    .unwrap();
    assert_eq!(doc.paragraphs.len(), 1);
    assert_eq!(doc.dropped.len(), 1);
}
