use super::{dateline_day, dateline_length, dateline_place};

fn check(text: &str, rest: Option<&str>) {
    assert_eq!(dateline_length(text).map(|n| &text[n..]), rest, "{text:?}");
}

#[test]
fn wire_datelines_are_found() {
    check(
        "WASHINGTON (AP) -- The court ruled.",
        Some("The court ruled."),
    );
    check(
        "MANILA, Philippines (AP) _ A typhoon hit.",
        Some("A typhoon hit."),
    );
    check(
        "WUHAN, July 31 (Xinhua) -- Floods rose.",
        Some("Floods rose."),
    );
    check("KYIV (Reuters) — Talks stalled.", Some("Talks stalled."));
    check(
        "Lusaka, March 3 (Xinhua) -- The dam held.",
        Some("The dam held."),
    );
    // A place with an aside of its own before the date and agency.
    check(
        "SANDOUPING (Three Gorges), November 5 (Xinhua) — The design has stood the test.",
        Some("The design has stood the test."),
    );
    assert_eq!(
        dateline_place("SANDOUPING (Three Gorges), November 5 (Xinhua) -- The design held."),
        Some("SANDOUPING")
    );
}

#[test]
fn a_place_in_lower_case_needs_a_date_and_an_agency() {
    check("Lusaka (Xinhua) -- The dam held.", None);
    check("The minister, March 3 (Xinhua) -- spoke.", None);
    check("Lusaka, the capital (Xinhua) -- The dam held.", None);
    check("Lusaka, March 2019 (Xinhua) -- The dam held.", None);
}

#[test]
fn the_wires_underscore_ends_a_dateline_in_capitals() {
    check(
        "DENVER _ The storm moved east.",
        Some("The storm moved east."),
    );
    check(
        "SANTIAGO, Chile _ Voters went to the polls.",
        Some("Voters went to the polls."),
    );
    check("The fund _ called aid by officials _ was a bribe.", None);
    check("UPDATE _ The storm moved east.", None);
    check("snake_case names _ are not places.", None);
}

#[test]
fn ordinary_sentences_are_not_datelines() {
    check("The NATO (alliance) chief spoke - briefly.", None);
    check("Putin (pictured) - said nothing.", None);
    check("NATO (the alliance) and the UN (Reuters) - met.", None);
    check("WASHINGTON is quiet (for now) - officials said.", None);
    check("No dateline here.", None);
}

#[test]
fn datelines_without_an_agency_need_a_long_dash() {
    check("NEW YORK — Stocks fell.", Some("Stocks fell."));
    check("WASHINGTON -- The Senate voted.", Some("The Senate voted."));
    check("BREAKING — A fire broke out.", None);
    check("NATO - the alliance - met.", None);
    check("The UN — and its agencies — met.", None);
}

#[test]
fn the_place_is_read_without_date_or_agency() {
    let cases = [
        ("KYIV (Reuters) — Talks stalled.", Some("KYIV")),
        (
            "MANILA, Philippines (AP) _ A typhoon hit.",
            Some("MANILA, Philippines"),
        ),
        ("WUHAN, July 31 (Xinhua) -- Floods rose.", Some("WUHAN")),
        ("NEW YORK — Stocks fell.", Some("NEW YORK")),
        ("DENVER _ The storm moved east.", Some("DENVER")),
        ("Lusaka, March 3 (Xinhua) -- The dam held.", Some("Lusaka")),
        ("No dateline here.", None),
    ];
    for (text, place) in cases {
        assert_eq!(dateline_place(text), place, "{text:?}");
    }
}

#[test]
fn a_datelines_day_is_read_in_the_year_nearest_the_file_date() {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let text = "WUHAN, July 31 (Xinhua) -- The river rose today.";
    assert_eq!(dateline_day(text, day(1998, 8, 1)), Some(day(1998, 7, 31)));
    // Filed after midnight on New Year's Day: the dateline is last year's.
    let text = "BEIJING, December 31 (Xinhua) -- Officials said today.";
    assert_eq!(dateline_day(text, day(1999, 1, 1)), Some(day(1998, 12, 31)));
    // Too far from the file's date to be its day, or no day at all.
    assert_eq!(
        dateline_day("BEIJING, March 3 (Xinhua) -- x", day(1998, 8, 1)),
        None
    );
    assert_eq!(
        dateline_day("WASHINGTON (AP) -- The vote was today.", day(1998, 8, 1)),
        None
    );
    assert_eq!(
        dateline_day("Officials said on July 31 that it rose.", day(1998, 8, 1)),
        None
    );
}

#[test]
fn a_datelines_day_is_read_after_wire_dashes_were_set() {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let text = "ROME, October 4 (Xinhua) \u{2014} Italian Prime Minister Romano Prodi today reached a consensus.";
    assert_eq!(dateline_day(text, day(1996, 10, 5)), Some(day(1996, 10, 4)));
}
