use super::*;

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Ferry strike spreads to the south | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:title" content="Ferry strike spreads to the south">
<link rel="canonical" href="https://gazette.example/2026/03/14/ferry-strike">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Gazette"},{"@type":"NewsArticle","headline":"Ferry strike spreads to the south","datePublished":"2026-03-14T09:00:00+00:00","author":[{"@type":"Person","name":"Jules Farrow"}],"publisher":{"@type":"Organization","name":"The Harbour Gazette"}}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies. Accept all</div>
<article>
<h1>Ferry strike spreads to the south</h1>
<p class="byline">By Jules Farrow</p>
<p>Ferry crews on the southern routes joined the strike on Saturday, two days after their colleagues in the north stopped work.</p>
<figure><img src="a.jpg"><figcaption>Crews at the terminal. Photo: Ivo Brand</figcaption></figure>
<h2>Talks stalled</h2>
<p>The operator said it had offered to review the rosters, but the union called the offer vague and asked for a written timetable.</p>
<div class="related-links"><p>Related: Bridge tolls to rise in April, council confirms</p></div>
<ul><li>Northern routes: no sailings</li><li>Southern routes: one sailing a day</li></ul>
<p>Read also: Bridge tolls to rise in April</p>
</article>
<aside class="ads"><p>Grow Your Business With Us Today! Call our friendly sales team now.</p></aside>
<footer><p>© 2026 The Harbour Gazette. All rights reserved.</p></footer>
</body></html>"#;

#[test]
fn page_metadata_and_body() {
    let article = article_from_html(PAGE, "page.html", None);
    assert_eq!(
        article.title.as_deref(),
        Some("Ferry strike spreads to the south")
    );
    assert_eq!(article.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(article.authors, ["Jules Farrow"]);
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2026, 3, 14));
    assert_eq!(
        article.url.as_deref(),
        Some("https://gazette.example/2026/03/14/ferry-strike")
    );
    assert_eq!(article.language.as_deref(), Some("en"));
    let kept: Vec<(BlockKind, &str)> = article
        .blocks
        .iter()
        .map(|b| (b.kind, article.block_text(b)))
        .collect();
    assert_eq!(
        kept,
        [
            (BlockKind::Paragraph, "Ferry crews on the southern routes joined the strike on Saturday, two days after their colleagues in the north stopped work."),
            (BlockKind::Heading, "Talks stalled"),
            (BlockKind::Paragraph, "The operator said it had offered to review the rosters, but the union called the offer vague and asked for a written timetable."),
            (BlockKind::ListItem, "Northern routes: no sailings"),
            (BlockKind::ListItem, "Southern routes: one sailing a day"),
        ]
    );
    let reasons: Vec<DropReason> = article.dropped.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, [DropReason::Byline, DropReason::LinkTeaser]);
}

#[test]
fn outlet_comes_from_the_title_or_the_host_when_metadata_is_missing() {
    let page = "<html><head><title>Quiet week at the port - Valley Courier</title></head><body><p>The port had a quiet week, with fewer ships calling than at any time this year, officials said.</p></body></html>";
    assert_eq!(
        article_from_html(page, "p", None).outlet.as_deref(),
        Some("Valley Courier")
    );
    let page = "<html><head><link rel=canonical href=\"https://www.courier.example/2026/01/05/x\"></head><body><p>The port had a quiet week, with fewer ships calling than at any time this year, officials said.</p></body></html>";
    let article = article_from_html(page, "p", None);
    assert_eq!(article.outlet.as_deref(), Some("courier.example"));
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2026, 1, 5));
}

#[test]
fn broken_markup_does_not_panic() {
    for page in [
        "<html><body><p>Unclosed <b>bold <p>next",
        "<<<>>>",
        "<p>",
        "<script>let a = '<p>not text</p>'",
        "<article><article><article>",
    ] {
        let _ = article_from_html(page, "p", None);
    }
    let deep = "<div>".repeat(5_000)
        + "<p>Deep text that goes on for a while, as articles do, with commas.</p>";
    let article = article_from_html(&deep, "deep", None);
    assert!(article.text.contains("Deep text"));
}

#[test]
fn bounding_leaves_ordinary_pages_alone() {
    assert!(matches!(bounds::bound(PAGE), std::borrow::Cow::Borrowed(_)));
    let unclosed = "<p>one<p>two<li>three".repeat(5_000);
    assert!(
        matches!(bounds::bound(&unclosed), std::borrow::Cow::Borrowed(_)),
        "optional end tags do not nest"
    );
    let script = format!("<script>{}</script><p>ok</p>", "<div>".repeat(10_000));
    assert!(
        matches!(bounds::bound(&script), std::borrow::Cow::Borrowed(_)),
        "markup inside scripts is text"
    );
}

#[test]
fn bounding_flattens_deep_nesting_and_cuts_attributes() {
    let deep = "<div>".repeat(100_000) + "<p>Deep text.</p>" + &"</div>".repeat(100_000);
    let bounded = bounds::bound(&deep);
    assert_eq!(bounded.matches("<div>").count(), bounds::MAX_DEPTH);
    assert_eq!(bounded.matches("</div>").count(), bounds::MAX_DEPTH);
    assert!(bounded.contains("<p>Deep text.</p>"));
    let attributes: String = (0..1_000).map(|i| format!(" a{i}=\"x > y\"")).collect();
    let wide = format!("<p{attributes}>Text</p>");
    let bounded = bounds::bound(&wide);
    assert_eq!(
        bounded.matches("=\"x > y\"").count(),
        bounds::MAX_ATTRIBUTES
    );
    assert!(bounded.ends_with(">Text</p>"));
}

const BODY: &str = "<article><p>Ferry crews on the southern routes joined the strike on Saturday, two days after their colleagues in the north stopped work, and the operator cancelled every crossing.</p></article>";

fn page(head: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{BODY}</body></html>")
}

#[test]
fn json_ld_gives_moments_with_their_zone_and_the_lead_image() {
    let article = article_from_html(
        &page(
            r#"<link rel="canonical" href="https://gazette.example/2026/03/14/ferry">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Ferries stop",
"datePublished":"2026-03-14T09:00:00+01:00","dateModified":"2026-03-15T18:30:00-05:00",
"image":[{"@type":"ImageObject","url":"https://cdn.example/ferry.jpg"},"https://cdn.example/other.jpg"]}]}</script>
<meta property="og:image" content="https://cdn.example/og.jpg">
<meta property="article:modified_time" content="2027-01-01T00:00:00Z">"#,
        ),
        "page.html",
        None,
    );
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2026, 3, 14));
    assert_eq!(
        article.published_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-14T09:00:00+01:00")
    );
    // JSON-LD outranks the <meta> tags.
    assert_eq!(article.modified, NaiveDate::from_ymd_opt(2026, 3, 15));
    assert_eq!(
        article.modified_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-15T18:30:00-05:00")
    );
    assert_eq!(
        article.image.as_deref(),
        Some("https://cdn.example/ferry.jpg")
    );
}

#[test]
fn open_graph_and_time_elements_fill_what_json_ld_lacks() {
    let article = article_from_html(
        &page(
            r#"<link rel="canonical" href="https://gazette.example/news/ferry.html">
<meta property="og:image" content="/img/ferry.jpg">
<meta property="article:modified_time" content="2026-03-15T10:00:00Z">"#,
        )
        .replace(
            "<article>",
            r#"<article><time datetime="2026-03-14T09:00:00+0100">14 March</time>"#,
        ),
        "page.html",
        None,
    );
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2026, 3, 14));
    assert_eq!(
        article.published_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-14T09:00:00+01:00")
    );
    assert_eq!(article.modified, NaiveDate::from_ymd_opt(2026, 3, 15));
    assert_eq!(
        article.image.as_deref(),
        Some("https://gazette.example/img/ferry.jpg"),
        "relative to the canonical URL"
    );
}

#[test]
fn dates_without_a_zone_and_hostile_images_give_nothing_false() {
    let article = article_from_html(
        &page(
            r#"<meta property="article:published_time" content="2026-03-14T09:00:00">
<meta property="og:image" content="javascript:alert(1)">"#,
        ),
        "page.html",
        None,
    );
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2026, 3, 14));
    assert_eq!(
        article.published_at, None,
        "a time without a zone is no moment"
    );
    assert_eq!(article.image, None);
    let relative_without_base = article_from_html(
        &page(r#"<meta property="og:image" content="ferry.jpg">"#),
        "page.html",
        None,
    );
    assert_eq!(relative_without_base.image, None);
}

#[test]
fn class_names_are_judged_alike_on_the_fast_and_the_general_path() {
    let values = [
        "comments-list",
        "site_sidebar main",
        "one-sidebar",
        "no-sidebar",
        "NAV-Bar",
        "Sidebar-Hidden",
        "ad",
        "adapt read-more",
        "ads\u{b}widget",
        "story body--text  lede",
        "MostRead",
        "most_popular",
        "subscribe-box",
        "unsubscribed",
        "Ärger sidebar",
        "café-promo",
        "newsCaption",
        "theiaStickySidebar",
        "articleBody",
        "topAd",
        "ÄrgerCaption",
        "--_ -",
        "",
    ];
    for value in values {
        let general = value.split_whitespace().any(names_furniture);
        assert_eq!(value_names_furniture(value), general, "{value:?}");
    }
    assert!(value_names_furniture("x\u{b}SIDEBAR"));
    assert!(!value_names_furniture("no-sidebar hide-menu"));
}

#[test]
fn trimmed_length_matches_trim_with_unicode_spaces_at_the_ends() {
    for text in [
        "",
        " \t\n",
        "  word  ",
        "\u{b}word\u{c}",
        "\u{a0}word\u{a0}",
        " caf\u{e9} ",
        "\u{2003}x",
        "x\u{3000}",
        "\u{e9}",
    ] {
        assert_eq!(trimmed_len(text), text.trim().len(), "{text:?}");
    }
}

#[test]
fn date_lines_need_four_digits_in_a_row() {
    for date in [
        "March 14, 2026",
        "Published 14 March 2026 09:00 GMT",
        "2026-03-14",
        "Updated: Saturday, Mar. 14 2026",
    ] {
        assert!(is_date_line(date), "{date}");
    }
    assert!(!is_date_line("14 March 26"));
    assert!(!is_date_line("Chapter 12 of 300"));
    assert!(has_four_digits_in_a_row("x 1999"));
    assert!(!has_four_digits_in_a_row("1 99 9"));
}

#[test]
fn paragraphs_wrapped_one_per_card_are_read_together() {
    let card = |text: &str| {
        format!(r#"<div class="card item"><div class="card-content"><p>{text}</p></div></div>"#)
    };
    let body = [
        "The harbour board met on Tuesday to decide the future of the old ferry pier, which has been closed since the storm.",
        "Engineers told the board that repairs would cost less than a new pier, but would take at least two years to finish.",
        "Several fishermen, who still moor their boats beside the pier, asked the board to keep the northern steps open during the work, saying the alternative landing was too far from the market.",
        "The board will vote on the plan next month, after a public meeting at the town hall, and work could start in spring.",
    ]
    .map(card)
    .concat();
    let page = format!(
        r#"<html><body><nav><a href="/">Home</a></nav><main><section class="article-body">{body}</section></main></body></html>"#
    );
    let article = article_from_html(&page, "cards.html", None);
    assert!(
        article.text.starts_with("The harbour board met"),
        "{}",
        article.text
    );
    assert!(article.text.contains("Engineers told the board"));
    assert!(article.text.contains("vote on the plan next month"));
}

/// The kept blocks' text and the dropped parts' reasons of a page.
fn kept_and_dropped(html: &str) -> (Vec<String>, Vec<(DropReason, String)>) {
    let article = article_from_html(html, "page.html", None);
    let kept = article
        .blocks
        .iter()
        .map(|b| article.block_text(b).to_string())
        .collect();
    let dropped = article
        .dropped
        .iter()
        .map(|d| (d.reason, d.text.clone()))
        .collect();
    (kept, dropped)
}

const TWO_PARAGRAPHS: &str = "<p>The harbour board met on Monday evening and voted to keep the night ferry running through the winter, after a petition signed by more than four thousand residents.</p>\
<p>Board members said the service would be reviewed again in the spring, once the figures for the colder months are known and the new timetable has been tested.</p>";

#[test]
fn a_list_of_links_is_dropped_as_teasers_but_a_sentence_with_links_is_kept() {
    let html = format!(
        "<html><body><div class=\"story\">{TWO_PARAGRAPHS}\
         <p>The vote followed <a href=\"/a\">a long campaign</a> by <a href=\"/b\">the residents' association</a> and <a href=\"/c\">two councillors</a>.</p>\
         <h3>You may also like</h3>\
         <ul><li><a href=\"/x\">Bridge tolls to rise in April</a></li><li><a href=\"/y\">New cycle lane opens on the quay</a></li></ul>\
         </div></body></html>"
    );
    let (kept, dropped) = kept_and_dropped(&html);
    assert!(
        kept.iter()
            .any(|k| k.starts_with("The vote followed a long campaign")),
        "{kept:?}"
    );
    assert!(!kept.iter().any(|k| k.contains("Bridge tolls")), "{kept:?}");
    assert!(
        dropped.contains(&(
            DropReason::LinkTeaser,
            "Bridge tolls to rise in April".to_string()
        )),
        "{dropped:?}"
    );
    assert!(
        dropped.contains(&(
            DropReason::LinkTeaser,
            "New cycle lane opens on the quay".to_string()
        )),
        "{dropped:?}"
    );
}

#[test]
fn code_and_furniture_inside_a_block_are_not_its_text() {
    let html = format!(
        "<html><body><div class=\"story\">{TWO_PARAGRAPHS}\
         <ul><li>Night ferry: every hour<script>window.track({{\"a\":1}});</script><span class=\"share-tools\">Share this</span></li></ul>\
         </div></body></html>"
    );
    let (kept, _) = kept_and_dropped(&html);
    assert!(
        kept.contains(&"Night ferry: every hour".to_string()),
        "{kept:?}"
    );
    assert!(
        !kept
            .iter()
            .any(|k| k.contains("track") || k.contains("Share")),
        "{kept:?}"
    );
}

#[test]
fn a_body_split_into_chunks_of_one_template_is_read_whole() {
    // The body comes in chunks of the same class, with an advertisement
    // slot between them at another level of the page.
    let chunk = |texts: &[&str]| {
        let paragraphs: String = texts
            .iter()
            .map(|text| format!("<p>{text} It was the first such decision in a decade, and the board's chair called it a matter of public service rather than of money.</p>"))
            .collect();
        format!("<div class=\"article-chunk body\">{paragraphs}</div>")
    };
    let html = format!(
        "<html><body><main><div class=\"grid\">{}<div class=\"slot\"><div class=\"ad-unit\">Advertisement</div></div></div>\
         <div class=\"grid\"><div class=\"inner\">{}</div></div>\
         <div class=\"grid\"><div class=\"inner\">{}{}</div></div></main>\
         <div class=\"article-chunk\"><p>A chunk of another class is another thing, and it stays out.</p></div></body></html>",
        chunk(&["The board voted to keep the night ferry.", "Its members met on Monday."]),
        chunk(&["Residents had signed a petition."]),
        chunk(&["The service will be reviewed in spring."]),
        chunk(&["The operator welcomed the vote."])
    );
    let (kept, _) = kept_and_dropped(&html);
    let starts: Vec<&str> = kept.iter().map(|k| &k[..20]).collect();
    assert_eq!(
        starts,
        [
            "The board voted to k",
            "Its members met on M",
            "Residents had signed",
            "The service will be ",
            "The operator welcome"
        ],
        "{kept:?}"
    );
}

#[test]
fn captions_and_galleries_named_in_class_are_furniture() {
    let html = format!(
        "<html><body><div class=\"story\">{TWO_PARAGRAPHS}\
         <div class=\"img-wrap\"><div class=\"caption-full\">The night ferry at the quay on Monday. (Photo: Ivo Brand)</div></div>\
         <div class=\"photo-gallery\"><p>Image 1 of 8: the quay at dawn, with the ferry moored beside the old customs house.</p></div>\
         </div></body></html>"
    );
    let (kept, _) = kept_and_dropped(&html);
    assert_eq!(kept.len(), 2, "{kept:?}");
}

#[test]
fn short_lines_may_repeat_but_a_repeated_sentence_is_dropped() {
    let html = format!(
        "<html><body><div class=\"story\">{TWO_PARAGRAPHS}\
         <h3>Meal 1</h3><p>Oats with berries and a spoon of yoghurt, eaten slowly before work.</p>\
         <h3>Meal 1</h3><p>Eggs on toast with spinach, for the days that start with training.</p>\
         <p>Oats with berries and a spoon of yoghurt, eaten slowly before work.</p>\
         </div></body></html>"
    );
    let (kept, dropped) = kept_and_dropped(&html);
    assert_eq!(
        kept.iter().filter(|k| *k == "Meal 1").count(),
        2,
        "{kept:?}"
    );
    assert_eq!(
        dropped
            .iter()
            .filter(|(r, _)| *r == DropReason::Duplicate)
            .count(),
        1,
        "{dropped:?}"
    );
}

#[test]
fn hidden_by_style_or_named_in_camel_case_is_furniture() {
    assert!(style_hides("display: none"));
    assert!(style_hides("position:absolute; top:0; left:-9999px;"));
    assert!(style_hides("VISIBILITY:hidden"));
    assert!(!style_hides("margin-left:-12px; display:block"));
    let html = format!(
        "<html><body><div class=\"story\">{TWO_PARAGRAPHS}\
         <div style=\"position:absolute; left:-9999px\"><a href=\"https://spam.example\">Download premium themes for free, the best of the year</a></div>\
         <span class=\"newsCaption\">The quay at dawn, with the ferry moored beside the old customs house on Monday.</span>\
         </div></body></html>"
    );
    let (kept, _) = kept_and_dropped(&html);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(value_names_furniture("newsCaption"));
    assert!(!value_names_furniture("articleBody"));
}

#[test]
fn wire_copy_dashes_in_a_page_are_printed_as_dashes() {
    let page = "<html><body><article><h1>Council freezes ferry fares</h1>\
        <p>HARBOURTON (AP) -- The council voted on Monday to freeze ferry fares _ the third freeze in a row _ after a petition signed by 4,000 riders reached the town hall.</p>\
        <p>The freeze holds until the spring, when the council sets next year's budget for the harbour and its three ferry routes.</p>\
        </article></body></html>";
    let article = article_from_html(page, "page.html", None);
    assert!(
        article.text.starts_with("HARBOURTON (AP) — The council voted on Monday to freeze ferry fares — the third freeze in a row — after"),
        "{}",
        article.text
    );
}
