//! Extraction of whole documents: the repository's examples and hostile
//! input.

use newsdesk_extract::{extract, ExtractError, Format};
use newsdesk_model::DropReason;
use std::path::Path;
use std::time::Instant;

fn example(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/harbor-strike")
            .join(name),
    )
    .unwrap()
}

#[test]
fn every_example_gives_its_outlet_date_and_clean_body() {
    let cases = [
        (
            "coastal-ledger.txt",
            Format::Text,
            "The Coastal Ledger",
            "2026-11-18",
        ),
        (
            "port-city-tribune.txt",
            Format::Text,
            "The Port City Tribune",
            "2026-11-19",
        ),
        (
            "northwind-wire.txt",
            Format::Text,
            "Northwind Wire",
            "2025-10-14",
        ),
        (
            "baylight-news.html",
            Format::Html,
            "Baylight News",
            "2026-11-20",
        ),
    ];
    for (name, format, outlet, date) in cases {
        let article = extract(&example(name), format, name, Some(name)).unwrap();
        assert_eq!(article.outlet.as_deref(), Some(outlet), "{name}");
        assert_eq!(
            article.published.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{name}"
        );
        for junk in [
            "cookies",
            "Advertise",
            "Sign up",
            "Read also",
            "Related:",
            "Share this",
            "min read",
            "Photo:",
            "email protected",
            "is a reporter at",
            "All rights reserved",
        ] {
            assert!(!article.text.contains(junk), "{name} keeps {junk:?}");
        }
        assert!(
            article.blocks.len() >= 6,
            "{name}: {} blocks",
            article.blocks.len()
        );
        assert!(
            !article.dropped.is_empty(),
            "{name}: the dropped parts are kept with reasons"
        );
    }
}

#[test]
fn the_html_example_keeps_its_subheading_and_drops_page_furniture() {
    let article = extract(&example("baylight-news.html"), Format::Html, "b", None).unwrap();
    let headings: Vec<&str> = article
        .blocks
        .iter()
        .filter(|b| b.kind == newsdesk_model::BlockKind::Heading)
        .map(|b| article.block_text(b))
        .collect();
    assert_eq!(headings, ["What happens next"]);
    assert_eq!(article.authors, ["Saskia Brandão"]);
    assert!(article
        .dropped
        .iter()
        .any(|d| d.reason == DropReason::Byline));
    assert!(!article.text.contains("Most read"));
}

#[test]
fn hostile_html_is_bounded() {
    // Deep nesting, a million attributes, unclosed tags: no panic, and
    // time bounded because extraction flattens such markup first.
    let deep = "<div>".repeat(100_000)
        + "<p>Deep text that goes on for a while, as articles do, with commas.</p>";
    let attributes: String = (0..1_000_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let wide = format!("<html><body><p{attributes}>Text inside a paragraph with very many attributes, for a test.</p></body></html>");
    let unclosed = "<html><body><article><p>Unclosed paragraph with enough words to count as article text, surely".to_string();
    for (name, page) in [("deep", deep), ("wide", wide), ("unclosed", unclosed)] {
        let started = Instant::now();
        let result = extract(page.as_bytes(), Format::Html, name, None);
        assert!(
            result.is_ok() || matches!(result, Err(ExtractError::NoText)),
            "{name}: {result:?}"
        );
        assert!(
            started.elapsed().as_secs() < 60,
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn binary_and_truncated_inputs_are_clear_errors() {
    let png_header = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let error = extract(png_header, Format::Html, "image.html", None).unwrap_err();
    assert!(error.to_string().contains("binary"), "{error}");
    let truncated_utf8 =
        "Headline\n\nA sentence about the strike that ends in the middle of a charact"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xE2, 0x80])
            .collect::<Vec<_>>();
    let error = extract(&truncated_utf8, Format::Text, "cut.txt", None).unwrap_err();
    assert!(error.to_string().contains("UTF-8"), "{error}");
}

#[test]
fn an_undeclared_legacy_page_is_detected_not_refused() {
    let page = b"<html><body><article><p>Les dockers du port ont d\xE9cid\xE9 de poursuivre la gr\xE8ve jusqu'\xE0 la fin de la semaine, a d\xE9clar\xE9 le syndicat.</p></article></body></html>";
    let article = extract(page, Format::Html, "fr.html", None).unwrap();
    assert!(
        article
            .text
            .contains("ont décidé de poursuivre la grève jusqu'à la fin"),
        "{}",
        article.text
    );
}
