//! The layer through its public API, on an invented wire story: what a
//! later stage reads (typed names, a certain attribution, a scheduled
//! clause with its date) and that the same text always gives the same
//! annotations.

use chrono::NaiveDate;
use newsdesk_language::{analyse, Confidence, Context, Modality, NameKind, QuoteSource, Span};

const STORY: &str = "VALMORA, Estrenia — Transport Minister Aurelio Brandt named a retired judge to mediate the dock strike on Wednesday.\n\n\"We cannot let the port stay shut,\" Brandt said in a statement.\n\nThe Valmora Dockworkers' Union will meet the mediator on Friday, its general secretary, Dario Kestel, said.";

fn paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        spans.push(Span::new(start, start + part.len()));
        start += part.len() + 2;
    }
    spans
}

fn context() -> Context {
    Context {
        published: NaiveDate::from_ymd_opt(2026, 11, 18),
    }
}

#[test]
fn a_wire_story_reads_as_typed_names_a_certain_speaker_and_a_scheduled_meeting() {
    let analysis = analyse(STORY, &paragraphs(STORY), &context());
    let kind_of = |name: &str| {
        analysis
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    };
    assert_eq!(kind_of("Aurelio Brandt"), Some(NameKind::Person));
    assert_eq!(kind_of("Dario Kestel"), Some(NameKind::Person));
    assert_eq!(
        kind_of("Valmora Dockworkers' Union"),
        Some(NameKind::Organisation)
    );
    // "Brandt said" is the minister named in full before.
    let attribution = &analysis.attributions[0];
    assert_eq!(attribution.confidence, Confidence::Certain);
    let Some(QuoteSource::Entity { entity, .. }) = &attribution.source else {
        panic!("{attribution:?}");
    };
    assert_eq!(analysis.entities[*entity].name, "Aurelio Brandt");
    // The meeting on Friday, as Kestel reports it, is scheduled two days
    // after the article.
    let meeting = analysis
        .clauses
        .iter()
        .find(|c| c.reported && STORY[c.span.range()].contains("will meet"))
        .expect("the meeting's clause");
    assert_eq!(meeting.modality, Modality::Scheduled);
    assert_eq!(
        meeting.date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2026, 11, 20)
    );
}

#[test]
fn the_same_text_gives_the_same_annotations() {
    let first = format!("{:?}", analyse(STORY, &paragraphs(STORY), &context()));
    for _ in 0..5 {
        assert_eq!(
            format!("{:?}", analyse(STORY, &paragraphs(STORY), &context())),
            first
        );
    }
}
