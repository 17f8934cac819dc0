//! Rendering a small hand-built story in every format.

use newsdesk_model::*;
use newsdesk_render::{render, Format};

fn sentence(text: &str, source: &str, start: usize) -> StorySentence {
    StorySentence {
        text: text.into(),
        citations: vec![Citation {
            source: source.into(),
            start,
            end: start + text.len(),
        }],
        edits: vec![],
    }
}

fn story() -> Story {
    let a = "Crews stopped work on Thursday. The operator <b>apologised</b> | twice.";
    let b = "Crews stopped work on Thursday, the union said.";
    Story {
        headline: "Ferry crews strike *again*".into(),
        headline_source: Some("s1".into()),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 12),
        dateline: Some("HARBORTON, March 12, 2026".into()),
        lead: vec![StorySentence {
            citations: vec![
                Citation {
                    source: "s1".into(),
                    start: 0,
                    end: 31,
                },
                Citation {
                    source: "s2".into(),
                    start: 0,
                    end: 47,
                },
            ],
            ..sentence("Crews stopped work on Thursday.", "s1", 0)
        }],
        sections: vec![Section {
            heading: "The operator".into(),
            sentences: vec![sentence(
                "The operator <b>apologised</b> | twice.",
                "s1",
                32,
            )],
        }],
        statements: vec![Statement {
            speaker: "Ana Ruiz, union leader".into(),
            quote: "We <script>stay</script> out".into(),
            sentence: sentence("Crews stopped work on Thursday.", "s1", 0),
        }],
        perspectives: vec![Perspective {
            actor: "Union".into(),
            position: sentence("Crews stopped work on Thursday, the union said.", "s2", 0),
        }],
        next: vec![],
        timeline: vec![
            TimelineEntry {
                date: chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
                precision: DatePrecision::Season,
                expression: "last fall".into(),
                sentence: sentence("The operator <b>apologised</b> | twice.", "s1", 32),
            },
            TimelineEntry {
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
                precision: DatePrecision::Day,
                expression: "on Thursday".into(),
                sentence: sentence("Crews stopped work on Thursday.", "s1", 0),
            },
        ],
        sources: vec![
            Source {
                id: "s1".into(),
                outlet: "Gazette".into(),
                title: Some("Strike".into()),
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 12),
                estimated_date: None,
                origin: "a.txt".into(),
                url: Some("javascript:alert(1)".into()),
                role: SourceRole::News,
                relays: None,
                text: a.into(),
            },
            Source {
                id: "s2".into(),
                outlet: "Courier".into(),
                title: None,
                date: chrono::NaiveDate::from_ymd_opt(2025, 1, 2),
                estimated_date: None,
                origin: "b.txt".into(),
                url: None,
                role: SourceRole::Background,
                relays: None,
                text: b.into(),
            },
        ],
        note: "Assembled automatically.".into(),
    }
}

#[test]
fn markdown() {
    insta::assert_snapshot!(render(&story(), Format::Markdown));
}

#[test]
fn plain_text() {
    insta::assert_snapshot!(render(&story(), Format::Text));
}

#[test]
fn html_escapes_source_text_and_refuses_script_urls() {
    let html = render(&story(), Format::Html);
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "source markup must be escaped"
    );
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("javascript:"), "only http(s) links are made");
    insta::assert_snapshot!(html);
}

#[test]
fn json_is_the_story_itself() {
    let json = render(&story(), Format::Json);
    let back: Story = serde_json::from_str(&json).unwrap();
    assert_eq!(back, story());
}
