use super::*;

fn sub(url: &str, title: Option<&str>) -> Subscription {
    Subscription {
        url: url.to_string(),
        title: title.map(str::to_string),
    }
}

#[test]
fn nested_outlines_are_flattened_in_document_order() {
    let doc = br#"<opml version="2.0"><head/><body>
        <outline text="Folder">
          <outline text="Inner" type="rss" xmlUrl="https://a.example/rss"/>
          <outline text="Deeper"><outline title="Deep" text="d" xmlUrl="https://b.example/atom"/></outline>
        </outline>
        <outline text="Last" xmlUrl="https://c.example/feed.json"></outline>
      </body></opml>"#;
    assert_eq!(
        read_opml(doc).unwrap().subscriptions,
        [
            sub("https://a.example/rss", Some("Inner")),
            sub("https://b.example/atom", Some("Deep")),
            sub("https://c.example/feed.json", Some("Last")),
        ]
    );
}

#[test]
fn attribute_names_are_read_in_any_case_and_values_unescaped() {
    let doc = br#"<opml version="1.0"><body><outline XMLURL="https://a.example/?a=1&amp;b=2" TITLE="Q &amp; A"/></body></opml>"#;
    assert_eq!(
        read_opml(doc).unwrap().subscriptions,
        [sub("https://a.example/?a=1&b=2", Some("Q & A"))]
    );
}

#[test]
fn writing_then_reading_gives_the_same_list() {
    let list = vec![
        sub(
            "https://a.example/rss?x=1&y=\"2\"",
            Some("Ampersands & <angles> \"quotes\""),
        ),
        sub("https://b.example/feed", None),
        sub("https://c.example/ünïcode", Some("Київ")),
    ];
    let written = write_opml("Mine & yours", &list);
    assert!(written.contains("<opml version=\"2.0\">"));
    assert_eq!(read_opml(written.as_bytes()).unwrap().subscriptions, list);
}

#[test]
fn an_empty_list_round_trips() {
    assert_eq!(
        read_opml(write_opml("none", &[]).as_bytes()).unwrap(),
        OpmlList::default()
    );
}

#[test]
fn documents_that_are_not_opml_are_refused() {
    assert!(matches!(read_opml(b""), Err(FeedError::NotOpml(_))));
    assert!(matches!(
        read_opml(b"just text"),
        Err(FeedError::NotOpml(_))
    ));
    let rss = br#"<rss version="2.0"><channel/></rss>"#;
    let error = read_opml(rss).unwrap_err();
    assert!(error.to_string().contains("<rss>"), "{error}");
}

#[test]
fn a_broken_entry_or_broken_markup_keeps_what_was_read_and_says_where() {
    let good = sub("https://a.example/", None);
    for (doc, kept) in [
        // A mismatched end tag: the outline before it was read.
        (
            &b"<opml><body><outline xmlUrl=\"https://a.example/\"></body></opml>"[..],
            vec![good.clone()],
        ),
        // Cut short: what was read stays.
        (
            b"<opml><body><outline xmlUrl=\"https://a.example/\"/>",
            vec![good.clone()],
        ),
        // One outline with an unknown entity, between two good ones.
        (
            b"<opml><body><outline xmlUrl=\"https://a.example/\"/><outline xmlUrl=\"https://b.example/&bogus;\"/>\
              <outline xmlUrl=\"https://c.example/\"/></body></opml>",
            vec![good.clone(), sub("https://c.example/", None)],
        ),
        // An unquoted attribute.
        (
            b"<opml><body><outline xmlUrl=https://b.example/ /><outline xmlUrl=\"https://a.example/\"/></body></opml>",
            vec![good.clone()],
        ),
    ] {
        let list = read_opml(doc).unwrap();
        assert_eq!(list.subscriptions, kept, "{:?}", String::from_utf8_lossy(doc));
        assert!(
            !list.problems.is_empty(),
            "{:?}: no problem reported",
            String::from_utf8_lossy(doc)
        );
        assert!(list.problems.iter().all(|p| (p.at as usize) <= doc.len()));
    }
}

#[test]
fn a_document_that_cannot_be_decoded_is_refused() {
    assert!(matches!(
        read_opml(b"<opml>\xff\xfe\x00</opml>"),
        Err(FeedError::MalformedOpml(_))
    ));
}

#[test]
fn a_declared_latin_1_document_is_decoded() {
    let doc = b"<?xml version='1.0' encoding='ISO-8859-1'?><opml><body>\
        <outline title=\"Le Quotidien du Caf\xe9\" xmlUrl=\"https://cafe.example/rss\"/></body></opml>";
    assert_eq!(
        read_opml(doc).unwrap().subscriptions,
        [sub(
            "https://cafe.example/rss",
            Some("Le Quotidien du Caf\u{e9}")
        )]
    );
}
