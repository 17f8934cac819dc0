use super::*;

fn doc(text: &str) -> Doc {
    parse_doc(&format!(
        "<DOC><DOCNO> NYT19990322.0075 </DOCNO><DATE_TIME> 03/22/1999 </DATE_TIME><TEXT>{text}</TEXT></DOC>"
    ))
    .unwrap()
}

#[test]
fn paragraphs_ending_with_a_line_code_are_kept_and_centred_lines_dropped() {
    let read = doc("<P>\nBy ANNA WRITER &QC;\n</P>\n<P>\nThe column starts here, and every paragraph ends with a code. &QL;\n</P>\n<P>\nA second paragraph follows. &QL;\n</P>\n<P>\nNYT-03-22-99 1530EST &QL;\n</P>");
    assert_eq!(
        read.paragraphs,
        [
            "The column starts here, and every paragraph ends with a code.",
            "A second paragraph follows."
        ]
    );
}
