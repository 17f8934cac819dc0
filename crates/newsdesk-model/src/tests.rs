use super::*;

#[test]
fn push_block_records_spans_that_hold_the_block_text() {
    let mut article = Article::default();
    article.push_block(BlockKind::Heading, "  Title here ");
    article.push_block(BlockKind::Paragraph, "");
    article.push_block(BlockKind::Paragraph, "First paragraph.");
    assert_eq!(article.text, "Title here\n\nFirst paragraph.");
    let texts: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| article.block_text(b))
        .collect();
    assert_eq!(texts, ["Title here", "First paragraph."]);
    assert_eq!(article.blocks[0].kind, BlockKind::Heading);
}

#[test]
fn outlets_of_lists_each_outlet_once_in_citation_order() {
    let source = |id: &str, outlet: &str| Source {
        id: id.into(),
        outlet: outlet.into(),
        title: None,
        date: None,
        estimated_date: None,
        origin: String::new(),
        url: None,
        role: SourceRole::News,
        relays: None,
        text: String::new(),
    };
    let cite = |id: &str| Citation {
        source: id.into(),
        start: 0,
        end: 0,
    };
    let sentence = StorySentence {
        text: "x".into(),
        citations: vec![cite("s2"), cite("s1"), cite("s3")],
        edits: vec![],
    };
    let story = Story {
        headline: String::new(),
        headline_source: None,
        date: None,
        dateline: None,
        lead: vec![sentence.clone()],
        sections: vec![],
        statements: vec![],
        perspectives: vec![],
        next: vec![],
        timeline: vec![],
        sources: vec![source("s1", "A"), source("s2", "B"), source("s3", "A")],
        note: String::new(),
    };
    assert_eq!(story.outlets_of(&sentence), ["B", "A"]);
    assert_eq!(story.sentences().count(), 1);
}

#[test]
fn block_serialises_flat() {
    let block = Block {
        kind: BlockKind::ListItem,
        span: Span::new(3, 9),
    };
    let json = serde_json::to_string(&block).unwrap();
    assert_eq!(json, r#"{"kind":"list_item","start":3,"end":9}"#);
}
