use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Thursday, March 12, 2026.
fn thursday() -> Option<NaiveDate> {
    Some(ymd(2026, 3, 12))
}

fn clauses_of(text: &str, published: Option<NaiveDate>) -> Vec<Clause> {
    let sentences = newsdesk_text::split_sentences(text);
    find(text, &sentences, &Context { published })
}

/// The clause that tells the first sentence's news.
fn principal_of(text: &str, published: Option<NaiveDate>) -> Clause {
    let clauses = clauses_of(text, published);
    principal(of_sentence(&clauses, 0)).unwrap().clone()
}

fn modality(text: &str) -> Modality {
    principal_of(text, thursday()).modality
}

/// The text of the clause of `kind` opened in the first sentence.
fn clause_text(text: &str, kind: ClauseKind) -> Option<&str> {
    clauses_of(text, thursday())
        .into_iter()
        .find(|c| c.kind == kind)
        .map(|c| &text[c.span.range()])
}

#[test]
fn a_past_tense_clause_happened() {
    let clause = principal_of(
        "The ferry operator cancelled every crossing to the islands.",
        thursday(),
    );
    assert_eq!(clause.tense, Tense::Past);
    assert_eq!(clause.modality, Modality::Happened);
    assert_eq!(
        modality("Dockers have blocked the harbour gates."),
        Modality::Happened
    );
    assert_eq!(
        modality("The lighthouse keeper swept the stairs."),
        Modality::Happened
    );
}

#[test]
fn a_present_clause_is_ongoing() {
    let clause = principal_of("Talks between the two sides are continuing.", thursday());
    assert_eq!(clause.tense, Tense::Present);
    assert_eq!(clause.modality, Modality::Ongoing);
}

#[test]
fn set_plans_are_scheduled() {
    for text in [
        "The harbour council will meet on Friday to hear both sides.",
        "The vote on the new rosters is scheduled for Thursday.",
        "The transport minister is to visit the islands next week.",
        "Both unions are due to ballot their members on Monday.",
    ] {
        let clause = principal_of(text, thursday());
        assert_eq!(clause.modality, Modality::Scheduled, "{text}");
        assert_eq!(clause.tense, Tense::Future, "{text}");
    }
    // "is to" after an aim names the aim, not a plan.
    assert_ne!(
        modality("The aim is to finish the new quay by the summer."),
        Modality::Scheduled
    );
}

#[test]
fn hopes_plans_and_forecasts_are_expected() {
    for text in [
        "The strike is expected to end on Friday.",
        "The operator plans to hire forty new deckhands.",
        "A deal between the two sides is likely before the holidays.",
        "The union hopes to settle the dispute within a month.",
        "Forecasters forecast heavy rain along the coast.",
    ] {
        assert_eq!(modality(text), Modality::Expected, "{text}");
    }
    // "plans" after "over" is a noun.
    assert_eq!(
        modality("Crews walked out over plans to automate the port."),
        Modality::Happened
    );
}

#[test]
fn conditions_and_guesses_are_conditional() {
    for text in [
        "The ferries could sail again on Monday.",
        "The council might reopen the harbour to fishing boats.",
        "The new rosters may cost the operator more than they save.",
        "The operator would lose money on every crossing.",
    ] {
        assert_eq!(modality(text), Modality::Conditional, "{text}");
    }
    let clauses = clauses_of(
        "Nobody knows whether the ferries will sail on Monday.",
        thursday(),
    );
    let open = clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Subordinate)
        .unwrap();
    assert_eq!(open.opener.as_deref(), Some("whether"));
    assert_eq!(open.modality, Modality::Conditional);
    let clauses = clauses_of(
        "If the talks fail, the crews will strike again on Monday.",
        thursday(),
    );
    let condition = clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Subordinate)
        .unwrap();
    assert_eq!(condition.opener.as_deref(), Some("if"));
    assert_eq!(condition.modality, Modality::Conditional);
}

/// "would" after a reporting verb is a plan as someone told it, not a
/// guess; a state it foretells ("would be ready") is only expected.
#[test]
fn would_after_a_reporting_verb_is_a_reported_plan() {
    let text = "Officials said the ferries would sail again on Monday.";
    let clause = principal_of(text, thursday());
    assert_eq!(clause.kind, ClauseKind::Reported);
    assert!(clause.reported);
    assert!(clause.reporting);
    assert_eq!(clause.modality, Modality::Scheduled);
    assert_eq!(
        &text[clause.span.range()],
        "the ferries would sail again on Monday"
    );
    let date = clause.date.unwrap();
    assert_eq!(date.date, ymd(2026, 3, 16));
    assert!(date.certain);
    assert_eq!(
        modality("Officials said the new terminal would be ready on Monday."),
        Modality::Expected
    );
}

#[test]
fn a_plan_that_was_happened() {
    assert_eq!(
        modality("The vote had been scheduled for Friday."),
        Modality::Happened
    );
    assert_eq!(
        modality("The crews had planned to sail at dawn."),
        Modality::Happened
    );
}

#[test]
fn speech_frames_after_the_words_report_them() {
    let text = "The ferries will sail again on Monday, the operator said.";
    let clause = principal_of(text, thursday());
    assert_eq!(clause.kind, ClauseKind::Reported);
    assert_eq!(
        &text[clause.span.range()],
        "The ferries will sail again on Monday"
    );
    assert_eq!(clause.modality, Modality::Scheduled);
    let text = "The ferries, the operator said, will sail again on Monday.";
    let clause = principal_of(text, thursday());
    assert_eq!(clause.kind, ClauseKind::Reported);
    assert_eq!(clause.modality, Modality::Scheduled);
}

#[test]
fn quoted_words_are_reported_and_quoted() {
    let text = "\"We will sail again on Monday,\" the captain said.";
    let clause = principal_of(text, thursday());
    assert!(clause.quoted);
    assert!(clause.reported);
    let main = &clauses_of(text, thursday())[0];
    assert_eq!(main.kind, ClauseKind::Main);
    assert!(!main.quoted);
}

#[test]
fn subordinate_and_relative_clauses_are_split_off() {
    let text = "The crews stopped work after talks over the rosters failed.";
    assert_eq!(
        clause_text(text, ClauseKind::Subordinate),
        Some("after talks over the rosters failed")
    );
    let text = "The captain, who retired in May, said nothing more about it.";
    assert_eq!(
        clause_text(text, ClauseKind::Relative),
        Some("who retired in May")
    );
    let text = "Crews rejected the rosters that were proposed in January.";
    assert_eq!(
        clause_text(text, ClauseKind::Relative),
        Some("that were proposed in January")
    );
    // Each clause keeps its own tense.
    let text = "The harbour, which was built in 1904, will close on Monday.";
    let clauses = clauses_of(text, thursday());
    assert_eq!(clauses[0].modality, Modality::Scheduled);
    assert_eq!(clauses[0].date.unwrap().date, ymd(2026, 3, 16));
    let relative = clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Relative)
        .unwrap();
    assert_eq!(relative.modality, Modality::Happened);
    assert_eq!(relative.date.unwrap().date, ymd(1904, 1, 1));
}

/// The main clause's date in a text published on `published`.
fn date_of(text: &str, published: Option<NaiveDate>) -> Option<ClauseDate> {
    principal_of(text, published).date
}

#[test]
fn an_explicit_date_with_its_year_is_certain_with_or_without_a_publication_day() {
    for published in [thursday(), None] {
        let date = date_of("The new quay opened on March 3, 1998.", published).unwrap();
        assert_eq!(date.date, ymd(1998, 3, 3));
        assert!(date.certain);
        let date = date_of("The ferry line was founded in 1921.", published).unwrap();
        assert_eq!(date.date, ymd(1921, 1, 1));
        assert!(date.certain);
    }
}

#[test]
fn a_weekday_is_certain_when_the_tense_agrees_with_its_direction() {
    // Future clause, resolved forward.
    let date = date_of("The council will meet on Monday.", thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 16));
    assert!(date.certain);
    // Past clause, resolved backward.
    let date = date_of("The council met on Monday.", thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 9));
    assert!(date.certain);
    // A present clause gives no direction.
    let date = date_of("The council meets on Monday.", thursday()).unwrap();
    assert!(!date.certain);
    // A past clause with a weekday read forward: the tense disagrees.
    let date = date_of("The meeting was moved to next Monday.", thursday()).unwrap();
    assert!(!date.certain);
}

#[test]
fn a_weekday_without_a_publication_day_is_not_resolved() {
    assert_eq!(date_of("The council met on Monday.", None), None);
}

#[test]
fn a_month_is_certain_only_with_a_tense_that_agrees() {
    let date = date_of(
        "The operator first proposed the new rosters in January.",
        thursday(),
    )
    .unwrap();
    assert_eq!(date.date, ymd(2026, 1, 1));
    assert!(date.certain);
    let date = date_of("The council will vote on the rosters in April.", thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 4, 1));
    assert!(date.certain);
    // No tense cue: a bare month in a present clause.
    let date = date_of(
        "The elections in April are a test for the council.",
        thursday(),
    )
    .unwrap();
    assert!(!date.certain);
}

#[test]
fn a_generic_month_is_not_certain() {
    let date = date_of(
        "Most of the patients in the study were born in February.",
        thursday(),
    )
    .unwrap();
    assert!(!date.certain);
}

#[test]
fn relative_days_count_from_the_publication_day() {
    // "yesterday" is certain where a dateline states the day the text
    // speaks from; a file's date alone may be the day before its paper's.
    let text = "HARBORTON, March 12 (Coast Wire) -- The crews walked out yesterday.";
    let date = date_of(text, thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 11));
    assert!(date.certain);
    let date = date_of("The crews walked out yesterday.", thursday()).unwrap();
    assert!(!date.certain);
    let date = date_of("The inquiry will report next month.", thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 4, 1));
    assert!(date.certain);
    // "last week" told as still to come: something else is meant.
    let date = date_of("The crews will strike last week.", thursday()).unwrap();
    assert!(!date.certain);
}

#[test]
fn the_following_day_is_as_certain_as_the_day_before_it() {
    let text = "Ferry crews stopped work on Tuesday. The following day, the operator cancelled every crossing.";
    let clauses = clauses_of(text, thursday());
    let next = principal(of_sentence(&clauses, 1)).unwrap();
    let date = next.date.unwrap();
    assert_eq!(date.date, ymd(2026, 3, 11));
    assert!(date.certain);
    // After a day read against no publication day, nothing is certain.
    let text = "Ferry crews stopped work on a day in spring. The following day, the operator cancelled every crossing.";
    let clauses = clauses_of(text, thursday());
    assert!(principal(of_sentence(&clauses, 1)).unwrap().date.is_none());
}

#[test]
fn a_day_of_a_month_takes_the_year_the_article_gives_it() {
    let text = "Police stormed the warehouse on April 19, 1993. Nobody wrote down the orders given in the April 19 raid.";
    let clauses = clauses_of(text, thursday());
    let date = principal(of_sentence(&clauses, 1)).unwrap().date.unwrap();
    assert_eq!(date.date, ymd(1993, 4, 19));
    assert!(date.certain);
    // Without it, a past day of a month after the publication day is not.
    let date = date_of(
        "Dock workers marched through the town on March 20.",
        thursday(),
    )
    .unwrap();
    assert!(!date.certain);
    let date = date_of(
        "Dock workers marched through the town on March 2.",
        thursday(),
    )
    .unwrap();
    assert_eq!(date.date, ymd(2026, 3, 2));
    assert!(date.certain);
}

#[test]
fn a_day_of_a_month_with_its_weekday_is_certain_either_way() {
    let date = date_of("A hearing has been set for Tuesday, 24 March.", thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 24));
    assert!(date.certain);
}

#[test]
fn a_wire_dateline_dates_no_clause() {
    let text = "HARBORTON, March 10 (Coast Wire) -- Ferry crews stopped work after talks failed.";
    let clauses = clauses_of(text, thursday());
    assert!(clauses.iter().all(|c| c.date.is_none()), "{clauses:#?}");
}

/// The date of sentence `n`'s principal clause.
fn date_in(text: &str, n: usize, published: Option<NaiveDate>) -> Option<ClauseDate> {
    let clauses = clauses_of(text, published);
    principal(of_sentence(&clauses, n)).unwrap().date
}

#[test]
fn a_bare_month_after_a_scene_set_in_another_year_is_not_certain() {
    // "One day in July 2001, …" moves the narrative to 2001: "In March"
    // after it is March 2001, not the March before publication.
    for opening in [
        "One day in July 2001, the harbour master closed the quay.",
        "By July 2001, the harbour had lost its last ferry.",
        "In 2001, the quay was rebuilt.",
    ] {
        let text = format!("{opening} In March, the council had named a new harbour master.");
        let date = date_in(&text, 1, thursday()).unwrap();
        assert!(!date.certain, "{text}");
        let text = format!("{opening} The crews marched through the town on March 2.");
        let date = date_in(&text, 1, thursday()).unwrap();
        assert!(!date.certain, "{text}");
    }
    // In the narrative's own year, the reading agrees.
    let text = "In 2026, the quay was rebuilt. In January, the operator lowered wages.";
    let date = date_in(text, 1, thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 1, 1));
    assert!(date.certain);
}

#[test]
fn a_date_read_from_the_publication_day_brings_the_narrative_back() {
    for middle in [
        "Last week the crews walked out.",
        "On Monday the crews walked out.",
    ] {
        let text = format!(
            "In 2019, the quay was rebuilt. {middle} In January, the operator lowered wages."
        );
        let date = date_in(&text, 2, thursday()).unwrap();
        assert_eq!(date.date, ymd(2026, 1, 1), "{text}");
        assert!(date.certain, "{text}");
    }
}

#[test]
fn a_year_inside_a_sentence_sets_no_scene() {
    // A year told in passing ("rebuilt in 2019") does not move the
    // narrative; "In 2019, …" opening a sentence does.
    let text = "The quay was rebuilt in 2019 by the port. In January, the operator lowered wages.";
    let date = date_in(text, 1, thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 1, 1));
    assert!(date.certain);
}

#[test]
fn a_future_speaks_from_the_publication_day_whatever_the_narrative() {
    let text = "In 2001, the quay was rebuilt. The council will vote on the rosters in April.";
    let date = date_in(text, 1, thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 4, 1));
    assert!(date.certain);
    // "last March" counts from the publication day, not the narrative.
    let text = "In 2001, the quay was rebuilt. Last March the crews walked out.";
    let date = date_in(text, 1, thursday()).unwrap();
    assert_eq!(date.date, ymd(2025, 3, 1));
    assert!(date.certain);
}

#[test]
fn last_and_next_weekdays_are_certain_only_in_another_week() {
    let friday = Some(ymd(2026, 3, 13));
    let sunday = Some(ymd(2026, 3, 15));
    let monday = Some(ymd(2026, 3, 16));
    // "last Thursday" in a Friday paper: yesterday, or eight days back.
    let date = date_of("The council met last Thursday.", friday).unwrap();
    assert!(!date.certain);
    // "last Sunday" in a Monday paper: yesterday in one week, the week
    // before in the other.
    let date = date_of("The council met last Sunday.", monday).unwrap();
    assert!(!date.certain);
    // "last Friday" in a Friday paper is a week back either way.
    let date = date_of("The council met last Friday.", friday).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 6));
    assert!(date.certain);
    // "next Saturday" in a Friday paper, "next Monday" in a Sunday one:
    // tomorrow, or a week later.
    let date = date_of("The council will meet next Saturday.", friday).unwrap();
    assert!(!date.certain);
    let date = date_of("The council will meet next Monday.", sunday).unwrap();
    assert!(!date.certain);
    // "next Tuesday" in a Friday paper is in the next week either way.
    let date = date_of("The council will meet next Tuesday.", friday).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 17));
    assert!(date.certain);
    // A bare weekday is the nearest one in the tense's direction.
    let date = date_of("The council will meet on Monday.", sunday).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 16));
    assert!(date.certain);
}

#[test]
fn a_month_without_its_year_across_a_year_boundary() {
    let january = Some(ymd(2026, 1, 5));
    let december = Some(ymd(2025, 12, 20));
    // Told in the past in January, read back into the year before: left
    // uncertain rather than risk the wrong year.
    let date = date_of("The crews walked out in December.", january).unwrap();
    assert!(!date.certain || date.date == ymd(2025, 12, 1));
    let date = date_of("The crews walked out on Dec. 30.", january).unwrap();
    assert!(!date.certain || date.date == ymd(2025, 12, 30));
    // Told as to come in December, it is the next year's.
    let date = date_of("The council will vote in February.", december).unwrap();
    assert_eq!(date.date, ymd(2026, 2, 1));
    assert!(date.certain);
    let date = date_of("The council will vote on Jan. 3.", december).unwrap();
    assert_eq!(date.date, ymd(2026, 1, 3));
    assert!(date.certain);
}

#[test]
fn a_range_is_dated_by_its_start() {
    let date = date_of("The crews struck from March 2 to March 6.", thursday()).unwrap();
    assert_eq!(date.date, ymd(2026, 3, 2));
    assert!(date.certain);
    let date = date_of("Rents rose between 1991 and 1995.", thursday()).unwrap();
    assert_eq!(date.date, ymd(1991, 1, 1));
}

#[test]
fn the_date_of_a_report_is_not_the_date_of_what_it_reports() {
    let text = "The ministry said on Tuesday that the ferry sank in 1998.";
    let clauses = clauses_of(text, thursday());
    let reported = principal(&clauses).unwrap();
    assert_eq!(reported.kind, ClauseKind::Reported);
    assert_eq!(reported.date.unwrap().date, ymd(1998, 1, 1));
    let frame = clauses.iter().find(|c| c.kind == ClauseKind::Main).unwrap();
    assert_eq!(frame.date.unwrap().date, ymd(2026, 3, 10));
    // A report without a date of its event gives it none.
    let text = "The ministry said on Tuesday that the ferry sank.";
    assert!(principal_of(text, thursday()).date.is_none());
}

#[test]
fn a_date_in_a_quotation_belongs_to_a_quoted_clause() {
    let text = "\"The crews walked out on Monday,\" the mayor said.";
    let clause = principal_of(text, thursday());
    assert!(clause.quoted);
    assert!(clause.reported);
    // Scare quotes around a date do not move it.
    let text = "The crews walked out on \"Black Monday\" in 1998.";
    assert_eq!(date_of(text, thursday()).unwrap().date, ymd(1998, 1, 1));
}

#[test]
fn a_stated_plan_is_planned_a_forecast_or_hope_is_not() {
    let planned = |text: &str| {
        let clause = principal_of(text, thursday());
        clause.modality == Modality::Expected && clause.planned
    };
    assert!(planned(
        "The operator plans to replace its two oldest ferries in 2027."
    ));
    assert!(planned(
        "The ministry intends to open the new quay in April."
    ));
    assert!(!planned("The operator is likely to raise fares in 2027."));
    assert!(!planned(
        "The union hopes to win back the old rosters in 2027."
    ));
    assert!(!planned(
        "The operator plans to have replaced both ferries by 2027."
    ));
    // "plans" as a noun is no plan of the subject's.
    assert!(!planned(
        "Dockers marched against the plans to automate the port in 2027."
    ));
}

/// Every date the clauses of a text carry, in order, with its certainty.
fn dates_in(text: &str, published: Option<NaiveDate>) -> Vec<(String, bool)> {
    clauses_of(text, published)
        .into_iter()
        .filter_map(|c| c.date)
        .map(|d| (text[d.expression.range()].to_string(), d.certain))
        .collect()
}

#[test]
fn a_weekday_after_an_indefinite_article_is_no_particular_day() {
    let dates = dates_in(
        "So on a rainy Saturday in early spring, the bakers filled the hall.",
        thursday(),
    );
    assert!(dates.iter().all(|(_, certain)| !certain), "{dates:?}");
    // "on Saturday" in a past clause is the last one.
    let dates = dates_in("The bakers filled the hall on Saturday.", thursday());
    assert_eq!(dates, vec![("Saturday".to_string(), true)]);
}
