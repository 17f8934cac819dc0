use super::*;
use DatePrecision::{Day, Month, Season, Week, Year};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The expressions of `text` read against `context`, as (words, date, precision).
fn read(text: &str, context: &DateContext) -> Vec<(String, NaiveDate, DatePrecision)> {
    resolve_dates(text, context)
        .into_iter()
        .map(|m| (text[m.span.range()].to_string(), m.date, m.precision))
        .collect()
}

fn one(text: &str, context: &DateContext) -> (String, NaiveDate, DatePrecision) {
    let found = read(text, context);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found.into_iter().next().unwrap()
}

/// Monday, December 25, 2023.
fn christmas() -> DateContext {
    DateContext::published(ymd(2023, 12, 25))
}

#[test]
fn expressions_relative_to_the_publish_date() {
    let cases: &[(&str, &str, NaiveDate, DatePrecision)] = &[
        // Weekdays told in the past: the most recent such day, up to the publish date.
        (
            "Talks resumed on Tuesday in Geneva.",
            "Tuesday",
            ymd(2023, 12, 19),
            Day,
        ),
        (
            "The vote was held on Monday.",
            "Monday",
            ymd(2023, 12, 25),
            Day,
        ),
        (
            "Officials met last Monday to review it.",
            "last Monday",
            ymd(2023, 12, 18),
            Day,
        ),
        (
            "The ferry sank on Wednesday night.",
            "Wednesday night",
            ymd(2023, 12, 20),
            Day,
        ),
        (
            "The mayor resigned yesterday.",
            "yesterday",
            ymd(2023, 12, 24),
            Day,
        ),
        (
            "Crowds gathered today outside the court.",
            "today",
            ymd(2023, 12, 25),
            Day,
        ),
        (
            "Three ships docked this morning.",
            "this morning",
            ymd(2023, 12, 25),
            Day,
        ),
        (
            "The council voted last week to close it.",
            "last week",
            ymd(2023, 12, 18),
            Week,
        ),
        (
            "Prices rose sharply last month.",
            "last month",
            ymd(2023, 11, 1),
            Month,
        ),
        (
            "The plant closed last year.",
            "last year",
            ymd(2022, 1, 1),
            Year,
        ),
        (
            "Sales fell earlier this year.",
            "earlier this year",
            ymd(2023, 1, 1),
            Year,
        ),
        (
            "The rebels struck three days ago.",
            "three days ago",
            ymd(2023, 12, 22),
            Day,
        ),
        (
            "The bridge opened two weeks ago.",
            "two weeks ago",
            ymd(2023, 12, 11),
            Week,
        ),
        (
            "The law passed a year ago.",
            "a year ago",
            ymd(2022, 1, 1),
            Year,
        ),
        // Months: the most recent one not after the publish date.
        (
            "He has been hinting since September that he would talk.",
            "September",
            ymd(2023, 9, 1),
            Month,
        ),
        (
            "Snow fell in December across the north.",
            "December",
            ymd(2023, 12, 1),
            Month,
        ),
        (
            "Fighting flared in mid-December near the river.",
            "mid-December",
            ymd(2023, 12, 1),
            Month,
        ),
        (
            "The ministry was reorganised last May.",
            "last May",
            ymd(2023, 5, 1),
            Month,
        ),
        // Seasons start on the first day of their first month.
        (
            "In the fall of 2022, the army retreated.",
            "the fall of 2022",
            ymd(2022, 9, 1),
            Season,
        ),
        (
            "Grain exports stalled last summer.",
            "last summer",
            ymd(2023, 6, 1),
            Season,
        ),
        (
            "The dam burst in the spring, officials said.",
            "the spring",
            ymd(2023, 3, 1),
            Season,
        ),
        (
            "Work paused in autumn 2021 for lack of money.",
            "autumn 2021",
            ymd(2021, 9, 1),
            Season,
        ),
        // Days and months without a year take the year nearest the publish date.
        (
            "Putin spoke on Dec. 14 at a news conference.",
            "Dec. 14",
            ymd(2023, 12, 14),
            Day,
        ),
        (
            "A memo dated 3 November circulated.",
            "3 November",
            ymd(2023, 11, 3),
            Day,
        ),
        // Absolute dates.
        (
            "The truce began on 6 January 2023 at noon.",
            "6 January 2023",
            ymd(2023, 1, 6),
            Day,
        ),
        (
            "Putin spoke on Dec. 25, 2022 about the war.",
            "Dec. 25, 2022",
            ymd(2022, 12, 25),
            Day,
        ),
        (
            "The invasion began in February 2022.",
            "February 2022",
            ymd(2022, 2, 1),
            Month,
        ),
        (
            "The last stoppage, in 2019, lasted 11 days.",
            "2019",
            ymd(2019, 1, 1),
            Year,
        ),
        (
            "Growth has slowed since 2014.",
            "2014",
            ymd(2014, 1, 1),
            Year,
        ),
        (
            "Inflation peaked in mid-2022.",
            "mid-2022",
            ymd(2022, 1, 1),
            Year,
        ),
    ];
    for (text, words, date, precision) in cases {
        assert_eq!(
            one(text, &christmas()),
            (words.to_string(), *date, *precision),
            "{text}"
        );
    }
}

#[test]
fn what_is_still_to_come_is_read_forward() {
    let cases: &[(&str, &str, NaiveDate, DatePrecision)] = &[
        (
            "The envoy will travel to Geneva on Thursday.",
            "Thursday",
            ymd(2023, 12, 28),
            Day,
        ),
        (
            "The envoy will travel to Geneva on Sunday.",
            "Sunday",
            ymd(2023, 12, 31),
            Day,
        ),
        // A morning paper's "on Monday" printed on a Monday is that day.
        (
            "The envoy will travel to Geneva on Monday.",
            "Monday",
            ymd(2023, 12, 25),
            Day,
        ),
        (
            "A deal would be signed in March.",
            "March",
            ymd(2024, 3, 1),
            Month,
        ),
        (
            "The court is due to rule on Jan. 5.",
            "Jan. 5",
            ymd(2024, 1, 5),
            Day,
        ),
        (
            "Elections are planned for next year.",
            "next year",
            ymd(2024, 1, 1),
            Year,
        ),
        (
            "The talks resume next week.",
            "next week",
            ymd(2024, 1, 1),
            Week,
        ),
        (
            "The bridge reopens tomorrow.",
            "tomorrow",
            ymd(2023, 12, 26),
            Day,
        ),
        (
            "On Thursday, the Earth will enter the comet's trail.",
            "Thursday",
            ymd(2023, 12, 28),
            Day,
        ),
        (
            "The storm on Jan. 17 is expected to begin at night.",
            "Jan. 17",
            ymd(2024, 1, 17),
            Day,
        ),
        (
            "Crowds gathered for Thursday night's expected meteor storm.",
            "Thursday",
            ymd(2023, 12, 28),
            Day,
        ),
        (
            "A trial date was set for Jan. 16 in the capital.",
            "Jan. 16",
            ymd(2024, 1, 16),
            Day,
        ),
        (
            "The inquiry expects to finish by the end of January.",
            "January",
            ymd(2024, 1, 1),
            Month,
        ),
        (
            "The final stage is slated for March 3.",
            "March 3",
            ymd(2024, 3, 3),
            Day,
        ),
        (
            "Officials won't begin releasing the rating until November.",
            "November",
            ymd(2024, 11, 1),
            Month,
        ),
    ];
    for (text, words, date, precision) in cases {
        let found = resolve_dates(text, &christmas());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].future, "{text} is told as still to come");
        assert_eq!(
            (
                &text[found[0].span.range()],
                found[0].date,
                found[0].precision
            ),
            (*words, *date, *precision),
            "{text}"
        );
    }
    // The past stays the past even with a future verb in another clause.
    let found = resolve_dates(
        "The minister said on Friday, before the vote, that he will resign.",
        &christmas(),
    );
    assert_eq!(found[0].date, ymd(2023, 12, 22));
    assert!(!found[0].future);
    // An opening date whose main clause reports speech stays in the past.
    let found = resolve_dates("On Friday, the minister said he will resign.", &christmas());
    assert_eq!(found[0].date, ymd(2023, 12, 22));
    assert!(!found[0].future);
    // "set" without "for" is no plan: "set fire", "set records".
    let found = resolve_dates("Rioters set fire to the depot on Friday.", &christmas());
    assert_eq!(found[0].date, ymd(2023, 12, 22));
    assert!(!found[0].future);
}

#[test]
fn a_date_without_a_year_near_new_year_takes_the_right_year() {
    let january = DateContext::published(ymd(2024, 1, 3));
    assert_eq!(
        one("Troops crossed on Dec. 30 at dawn.", &january).1,
        ymd(2023, 12, 30)
    );
    assert_eq!(
        one("Snow fell in December across the north.", &january).1,
        ymd(2023, 12, 1)
    );
    // Tuesday, November 24, 2026, four days after the anchor: a weekday
    // before a day and month is part of the date.
    let friday = DateContext::published(ymd(2026, 11, 20));
    assert_eq!(
        one(
            "The court hears the case on Tuesday, 24 November, officials said.",
            &friday
        ),
        ("Tuesday, 24 November".to_string(), ymd(2026, 11, 24), Day)
    );
}

#[test]
fn expressions_relative_to_the_event_told_before() {
    let after_the_vote = DateContext {
        previous: Some((ymd(2023, 12, 19), Day)),
        ..christmas()
    };
    let cases: &[(&str, &str, NaiveDate, DatePrecision)] = &[
        (
            "The following day, troops withdrew.",
            "The following day",
            ymd(2023, 12, 20),
            Day,
        ),
        (
            "The next morning the port reopened.",
            "The next morning",
            ymd(2023, 12, 20),
            Day,
        ),
        (
            "Two days later, the talks collapsed.",
            "Two days later",
            ymd(2023, 12, 21),
            Day,
        ),
        (
            "The day before, rockets hit the city.",
            "The day before",
            ymd(2023, 12, 18),
            Day,
        ),
        (
            "A week later the port reopened.",
            "A week later",
            ymd(2023, 12, 25),
            Week,
        ),
    ];
    for (text, words, date, precision) in cases {
        assert_eq!(
            one(text, &after_the_vote),
            (words.to_string(), *date, *precision),
            "{text}"
        );
    }
    // Within one text, the event before is the one just read.
    assert_eq!(
        read(
            "The strike began on Monday, Dec. 18, and the following day the port closed.",
            &christmas()
        ),
        [
            ("Monday, Dec. 18".to_string(), ymd(2023, 12, 18), Day),
            ("the following day".to_string(), ymd(2023, 12, 19), Day),
        ]
    );
    // Nothing told before: nothing to count from.
    assert!(read("The following day, troops withdrew.", &christmas()).is_empty());
    // "The day before the vote" names another event, not a date.
    assert!(read("The day before the vote was tense.", &after_the_vote).is_empty());
}

#[test]
fn a_year_in_the_sentence_frames_the_months_after_it() {
    assert_eq!(
        read(
            "In the fall of 2022, after Russian forces retreated in September, he tried again.",
            &christmas()
        ),
        [
            ("the fall of 2022".to_string(), ymd(2022, 9, 1), Season),
            ("September".to_string(), ymd(2022, 9, 1), Month),
        ]
    );
}

#[test]
fn a_year_named_relative_to_the_publish_date_frames_months_and_seasons() {
    assert_eq!(
        one(
            "A walkout in October last year ended quickly.",
            &christmas()
        ),
        ("October last year".to_string(), ymd(2022, 10, 1), Month)
    );
    assert_eq!(
        one(
            "The strike in March of this year ended quickly.",
            &christmas()
        ),
        ("March of this year".to_string(), ymd(2023, 3, 1), Month)
    );
    assert_eq!(
        read(
            "The terms outlined last year in the fall remain the same.",
            &christmas()
        ),
        [
            ("last year".to_string(), ymd(2022, 1, 1), Year),
            ("the fall".to_string(), ymd(2022, 9, 1), Season),
        ]
    );
}

#[test]
fn a_capitalised_today_inside_a_name_is_not_a_date() {
    assert!(read(
        "Kirkhart is vice president at USA Today, which prints in 33 plants.",
        &christmas()
    )
    .is_empty());
    assert_eq!(
        one("Today the plants print as usual.", &christmas()).1,
        ymd(2023, 12, 25)
    );
}

#[test]
fn words_that_only_look_like_dates_are_not_dates() {
    for text in [
        "The strike began at 6 a.m. and ended at 10 p.m. sharp.",
        "Officials may meet again if the weather holds.",
        "Theresa May said the plan would work.",
        "May the talks succeed, the bishop said.",
        "The port handled 2019 containers in a single shift.",
        "A total of 2000 people signed the petition.",
        "Protesters march on the capital every week.",
        "Prices fall when the harvest is good.",
        "The fall of the city shocked the region.",
        "Turnout rose to 2021 voters per district, or 45%.",
        "He paid $2020 for the permit.",
        "The union wants raises totaling 9% over two years.",
        "Room 1999 was locked.",
        "Today, the group works in more than 80 countries.",
    ] {
        assert!(
            read(text, &christmas()).is_empty(),
            "{text}: {:?}",
            read(text, &christmas())
        );
    }
}

#[test]
fn without_a_publish_date_only_absolute_dates_are_read() {
    let undated = DateContext::default();
    let text = "On Tuesday, a year after the invasion began in February 2022, talks resumed; \
                the last ones were in 2019.";
    assert_eq!(
        read(text, &undated),
        [
            ("February 2022".to_string(), ymd(2022, 2, 1), Month),
            ("2019".to_string(), ymd(2019, 1, 1), Year),
        ]
    );
    // An estimated anchor dates months, not weekdays or yesterday.
    let estimated = DateContext {
        anchor: Some(ymd(2023, 12, 25)),
        anchor_exact: false,
        previous: None,
    };
    assert!(read("The mayor resigned yesterday.", &estimated).is_empty());
    assert!(read("Talks resumed on Tuesday in Geneva.", &estimated).is_empty());
    assert_eq!(
        one("He has been hinting since September.", &estimated).1,
        ymd(2023, 9, 1)
    );
}

#[test]
fn broken_and_hostile_text_is_read_without_panicking() {
    let near_the_edge = DateContext {
        anchor: Some(ymd(2100, 12, 31)),
        anchor_exact: true,
        previous: Some((ymd(1900, 1, 1), Day)),
    };
    for text in [
        "",
        "—",
        "on Feb. 30 and on Dec. 0 and on 31 April",
        "400 years ago, 400 days later, 0 days ago",
        "Monday Monday Monday, last last week, the following",
        "in the fall of, the spring of 20222, mid-, mid-Foo",
        "🙂 on Tuesday 🙂 since September 🙂 in 2019🙂",
        "Tuesday, 24 Novembre, 2019-13-45, 2019-02-29",
        "since Septemberish, Mayday, in Marchand",
    ] {
        for context in [christmas(), near_the_edge, DateContext::default()] {
            for m in resolve_dates(text, &context) {
                assert!(text.get(m.span.range()).is_some(), "{text:?}: {m:?}");
            }
        }
    }
    // Impossible days are not dates.
    assert!(read("Troops left on Feb. 30 at dawn.", &christmas()).is_empty());
}

#[test]
fn a_month_still_to_come_counts_the_month_under_way_and_a_named_year_holds_bare_months() {
    let february_8 = DateContext::published(ymd(2000, 2, 8));
    // Written on February 8: late February is still ahead, this February.
    let found = read(
        "Party leaders are expected to meet in late February or early March.",
        &february_8,
    );
    let dates: Vec<NaiveDate> = found.iter().map(|(_, date, _)| *date).collect();
    assert_eq!(dates, [ymd(2000, 2, 1), ymd(2000, 3, 1)], "{found:?}");
    // "this year" names the year that holds the bare month after it.
    let found = read(
        "The schedule adopted for this year will apportion most delegates by late March.",
        &february_8,
    );
    assert_eq!(
        found.last().map(|(_, date, _)| *date),
        Some(ymd(2000, 3, 1)),
        "{found:?}"
    );
    // A month already past this year, still to come: next year's.
    assert_eq!(
        one("The new stadium will open in January.", &february_8).1,
        ymd(2001, 1, 1)
    );
}
