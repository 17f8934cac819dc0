use super::*;

fn brief(text: &str) -> String {
    for_brief(text.to_string(), Vec::new()).0
}

#[test]
fn trailing_attributions_are_cut() {
    let cases = [
        (
            "The ferry operator lost two million euros in fares, officials said.",
            "The ferry operator lost two million euros in fares.",
        ),
        (
            "The ferry operator lost two million euros in fares, the ministry said in a statement on Tuesday.",
            "The ferry operator lost two million euros in fares.",
        ),
        (
            "The ferry operator lost two million euros in fares, said Jonas Falk, the port's director.",
            "The ferry operator lost two million euros in fares.",
        ),
        (
            "The new law, passed in 2024 to stop the strikes, has changed little, the minister said.",
            "The new law, passed in 2024 to stop the strikes, has changed little.",
        ),
        (
            "The ferry operator lost two million euros in fares, according to the union.",
            "The ferry operator lost two million euros in fares.",
        ),
    ];
    for (text, printed) in cases {
        assert_eq!(brief(text), printed, "{text}");
    }
}

#[test]
fn clauses_that_say_something_are_kept() {
    for text in [
        // A relative clause is not an attribution.
        "The crews rejected the offer, which the union said was too low.",
        // Nor a second fact that happens to hold a verb of saying.
        "The crews rejected the offer, and the operator said it would cancel every crossing until the weekend.",
        // A quotation stays whole.
        "The talks failed, \"again and again,\" the mediator said.",
        // The words before "say" are a clause, not a speaker.
        "When a passenger asks about the strike, the crew should know what to say.",
        "The ferries run again, but nobody can say when the strike ends.",
        // "said" opens what was said, not who said it.
        "The defendants, Tom Welch and his deputy, said they were eager to defend themselves in court.",
        "Mara Holt, the branch secretary who led the walkout, said the crews would stay out.",
        // Too little would be left.
        "Talks failed, officials said.",
    ] {
        assert_eq!(brief(text), text);
    }
}

#[test]
fn days_told_relative_to_the_report_are_cut() {
    let cases = [
        (
            "On Tuesday, the crews on the northern routes stopped work.",
            "The crews on the northern routes stopped work.",
        ),
        (
            "The crews on the northern routes stopped work on Tuesday night after talks failed.",
            "The crews on the northern routes stopped work after talks failed.",
        ),
        (
            "The crews on the northern routes said Friday they would strike again.",
            "The crews on the northern routes said they would strike again.",
        ),
        (
            "Earlier this year, the operator cut the night crossings to the islands.",
            "The operator cut the night crossings to the islands.",
        ),
        (
            "The water level of the river hit this year's high today.",
            "The water level of the river hit this year's high.",
        ),
    ];
    for (text, printed) in cases {
        assert_eq!(brief(text), printed, "{text}");
    }
}

#[test]
fn days_that_are_part_of_a_fact_stay() {
    for text in [
        "The operator must answer the union's demands by Friday or face a longer strike.",
        "The crews have been on strike since Monday and the ferries stay in port.",
        "A column in USA Today argued that the ferries should be sold.",
        "The crews met last Tuesday's deadline for a new offer to the operator.",
        // A cut must not leave two full stops.
        "The water level of the river stood at 22 meters at 2 p.m. today.",
        // The phrase the day stands in would be left with one word.
        "The operator's offer, announced Tuesday, would cut the night crossings.",
    ] {
        assert_eq!(brief(text), text);
    }
}

#[test]
fn every_cut_is_recorded_and_undoes_to_the_source() {
    let source = "However, on Monday, the crews on the northern routes stopped work on Tuesday, officials said.";
    let (cleaned, edits) = crate::pool::clean_opening(source);
    let (printed, edits) = for_brief(cleaned, edits);
    assert_eq!(printed, "The crews on the northern routes stopped work.");
    // Replaying the edits on the source gives the printed text.
    let mut replayed = source.to_string();
    for edit in &edits {
        replayed = match edit {
            Edit::DroppedOpener { removed } => {
                let rest = replayed
                    .strip_prefix(removed.as_str())
                    .unwrap()
                    .trim_start();
                let mut chars = rest.chars();
                chars.next().unwrap().to_uppercase().chain(chars).collect()
            }
            Edit::Trimmed { removed } => replayed.replacen(removed.as_str(), "", 1),
            other => panic!("unexpected edit {other:?}"),
        };
    }
    assert_eq!(replayed, printed);
    assert_eq!(edits.len(), 4, "{edits:?}");
}
