//! The vocabulary's JSON form is the contract other tools read.

use newsdesk_model::*;

fn story() -> Story {
    let sentence = StorySentence {
        text: "Talks resumed.".into(),
        citations: vec![Citation {
            source: "s1".into(),
            start: 9,
            end: 23,
        }],
        edits: vec![Edit::DroppedOpener {
            removed: "However,".into(),
        }],
    };
    Story {
        headline: "Talks resume".into(),
        headline_source: Some("s1".into()),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        dateline: None,
        lead: vec![sentence.clone()],
        sections: vec![Section {
            heading: "Talks".into(),
            sentences: vec![sentence.clone()],
        }],
        statements: vec![Statement {
            speaker: "Ana Ruiz".into(),
            quote: "Talks resumed".into(),
            sentence: sentence.clone(),
        }],
        perspectives: vec![Perspective {
            actor: "Union".into(),
            position: sentence.clone(),
        }],
        next: vec![],
        timeline: vec![],
        sources: vec![Source {
            id: "s1".into(),
            outlet: "Gazette".into(),
            title: None,
            date: None,
            estimated_date: None,
            origin: "a.txt".into(),
            url: None,
            role: SourceRole::News,
            relays: None,
            text: "However, talks resumed.".into(),
        }],
        note: "n".into(),
    }
}

#[test]
fn a_story_survives_a_json_round_trip() {
    let original = story();
    let json = serde_json::to_string(&original).unwrap();
    let back: Story = serde_json::from_str(&json).unwrap();
    assert_eq!(back, original);
}

#[test]
fn json_names_are_stable() {
    let value = serde_json::to_value(story()).unwrap();
    assert_eq!(value["date"], "2026-11-20");
    assert_eq!(value["lead"][0]["citations"][0]["source"], "s1");
    assert_eq!(value["lead"][0]["edits"][0]["kind"], "dropped_opener");
    assert_eq!(value["sources"][0]["role"], "news");
    assert!(
        value["sources"][0].get("url").is_none(),
        "absent options are left out"
    );
    let dropped = serde_json::to_value(Dropped {
        text: "Home".into(),
        reason: DropReason::Navigation,
        line: Some(1),
    })
    .unwrap();
    assert_eq!(dropped["reason"], "navigation");
}
